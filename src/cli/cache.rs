//! The check cache: for content that needed no change, keyed by its hash with the
//! configuration and version, the findings it had. A re-run on an unchanged repository reads
//! and hashes each file and cleans none.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use scour::Config;
use scour::report::FindingReport;

/// Where the cache lives, below the settings root.
const DIRECTORY: &str = ".scour_cache";
const FILE: &str = "unchanged-v1";
/// Entries kept at most; past that only this run's are kept.
const MAX_KEYS: usize = 500_000;

type Entries = BTreeMap<String, Vec<FindingReport>>;

pub struct Cache {
    path: Option<PathBuf>,
    known: Entries,
    seen: std::sync::Mutex<Entries>,
}

impl Cache {
    /// The cache under `root`, or none with `disabled`.
    pub fn open(root: &Path, disabled: bool) -> Self {
        let path = (!disabled).then(|| root.join(DIRECTORY).join(FILE));
        // Without a file to read or write, `known` stays empty and nothing is remembered.
        let known = path
            .as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .map(|text| {
                text.lines()
                    .filter_map(|line| {
                        let (key, findings) = line.split_once('\t')?;
                        Some((key.to_string(), serde_json::from_str(findings).ok()?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Cache {
            path,
            known,
            seen: Default::default(),
        }
    }

    pub fn key(config: &Config, content: &[u8]) -> String {
        let mut hasher = Sha256::new();
        hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
        hasher.update(format!("\0{config:?}\0").as_bytes());
        hasher.update(content);
        scour::hash::hex(&hasher.finalize())
    }

    /// The findings of content with this key, if it needed no change before.
    pub fn unchanged(&self, key: &str) -> Option<Vec<FindingReport>> {
        let findings = self.known.get(key)?.clone();
        self.remember(key.to_string(), findings.clone());
        Some(findings)
    }

    /// Remembers that content with this key needs no change and has these findings.
    pub fn remember(&self, key: String, findings: Vec<FindingReport>) {
        self.seen.lock().expect("cache lock").insert(key, findings);
    }

    /// Writes the cache back (best effort: a cache that cannot be written is no error).
    pub fn save(self) {
        let Some(path) = self.path else { return };
        let seen = self.seen.into_inner().expect("cache lock");
        if seen.keys().all(|k| self.known.contains_key(k)) {
            return;
        }
        let mut entries = seen;
        if entries.len() + self.known.len() <= MAX_KEYS {
            for (key, findings) in self.known {
                entries.entry(key).or_insert(findings);
            }
        }
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let _ = std::fs::write(dir.join(".gitignore"), "*\n");
        let text: String = entries
            .into_iter()
            .map(|(key, findings)| {
                let findings = serde_json::to_string(&findings).expect("findings serialize");
                format!("{key}\t{findings}\n")
            })
            .collect();
        let temp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        if std::fs::write(&temp, text).is_ok() {
            let _ = std::fs::rename(&temp, &path);
        }
    }
}
