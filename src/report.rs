//! report.json: what scour did to every file and why, in a versioned schema.

use std::collections::BTreeMap;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::pipeline::Cleaned;

/// Bumped whenever a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// The head of a report whose files are written one by one (see [`write_streamed`]).
#[derive(Debug, Serialize)]
struct Head<'a> {
    schema: u32,
    scour_version: &'static str,
    settings: Option<String>,
    summary: &'a Summary,
    duplicates: &'a [DuplicateGroup],
}

#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub duplicates: usize,
    pub errors: usize,
    pub edits: usize,
    pub edits_by_rule: BTreeMap<String, usize>,
    pub findings: usize,
    pub findings_by_rule: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Changed,
    Unchanged,
    /// Not an article (a binary file): left alone, with a note.
    Skipped,
    /// A duplicate of a kept article (`duplicate_of`): not written to clean/.
    Duplicate,
    Error,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct FileReport {
    /// The path relative to its input argument, `/`-separated (`-` for stdin).
    pub path: String,
    pub status: Status,
    /// Why the file could not be cleaned (status `error`) or was skipped (status `skipped`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The encoding the input was read as (`UTF-8`, `gb18030`, `Big5`, `UTF-16LE`…); the
    /// output is always UTF-8, and edit spans are byte offsets of the decoded text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_sha256: Option<String>,
    /// For status `duplicate`: the kept copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<DuplicateReport>,
    pub edits: Vec<EditReport>,
    pub findings: Vec<FindingReport>,
    /// Each block of the clean text: what it is and the source lines it came from.
    pub blocks: Vec<BlockReport>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DuplicateReport {
    pub path: String,
    /// `dedup/exact` or `dedup/near`.
    pub rule: &'static str,
    pub similarity: f64,
}

/// A cluster of duplicate articles: the kept one and the others.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DuplicateGroup {
    pub canonical: String,
    pub members: Vec<DuplicateMember>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DuplicateMember {
    pub path: String,
    pub rule: &'static str,
    pub similarity: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FindingReport {
    pub rule: String,
    /// `info`, `warning` or `error`, as configured.
    pub severity: String,
    pub message: String,
    pub confidence: f32,
    /// 1-based source line.
    pub line: usize,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct BlockReport {
    pub kind: &'static str,
    /// 1-based, inclusive.
    pub lines: [usize; 2],
}

#[derive(Debug, Serialize, PartialEq)]
pub struct EditReport {
    pub rule: &'static str,
    pub reason: Cow<'static, str>,
    pub confidence: f32,
    /// 1-based source line where the change starts.
    pub line: usize,
    /// Byte span in the source file.
    pub span: [usize; 2],
    /// The text removed and inserted, as the rule saw it: replaying the edits rule by rule
    /// turns the input into the output.
    pub removed: String,
    pub inserted: Cow<'static, str>,
}

impl FileReport {
    /// The report of a cleaned file, taking the edits' text rather than copying it; gives
    /// back the clean text.
    pub fn cleaned(
        path: String,
        input: &[u8],
        cleaned: Cleaned,
        config: &Config,
    ) -> (Self, String) {
        let changed = !cleaned.edits.is_empty();
        let report = FileReport {
            path,
            status: if changed {
                Status::Changed
            } else {
                Status::Unchanged
            },
            error: None,
            encoding: None,
            duplicate_of: None,
            input_sha256: Some(crate::hash::sha256_hex(input)),
            output_sha256: Some(crate::hash::sha256_hex(cleaned.text.as_bytes())),
            edits: cleaned
                .edits
                .into_iter()
                .map(|c| EditReport {
                    rule: c.rule.id,
                    reason: c.reason,
                    confidence: c.confidence,
                    line: c.line,
                    span: [c.source.start, c.source.end],
                    removed: c.removed,
                    inserted: c.inserted,
                })
                .collect(),
            findings: cleaned
                .findings
                .iter()
                .map(|f| FindingReport {
                    rule: f.rule.id.to_string(),
                    severity: config.severity(f.rule).name().to_string(),
                    message: f.message.to_string(),
                    confidence: f.confidence,
                    line: f.line,
                })
                .collect(),
            blocks: cleaned
                .blocks
                .iter()
                .map(|b| BlockReport {
                    kind: b.kind.name(),
                    lines: [b.first_line, b.last_line],
                })
                .collect(),
        };
        (report, cleaned.text)
    }

    /// An unchanged file that was not cleaned again (the cache knew it was clean).
    pub fn unchanged(path: String) -> Self {
        FileReport {
            status: Status::Unchanged,
            error: None,
            ..FileReport::failed(path, String::new())
        }
    }

    /// A file that could not be decoded: skipped if it is binary, an error otherwise.
    pub fn undecodable(path: String, error: &crate::decode::DecodeError) -> Self {
        match error {
            crate::decode::DecodeError::Binary { .. } => {
                FileReport::skipped(path, error.to_string())
            }
            _ => FileReport::failed(path, error.to_string()),
        }
    }

    pub fn skipped(path: String, note: String) -> Self {
        FileReport {
            status: Status::Skipped,
            ..FileReport::failed(path, note)
        }
    }

    pub fn failed(path: String, error: String) -> Self {
        FileReport {
            path,
            status: Status::Error,
            error: Some(error),
            encoding: None,
            duplicate_of: None,
            input_sha256: None,
            output_sha256: None,
            edits: Vec::new(),
            findings: Vec::new(),
            blocks: Vec::new(),
        }
    }
}

impl Summary {
    /// Counts one file in.
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        self.count(
            file.status,
            file.edits.iter().map(|e| e.rule),
            file.findings.iter().map(|f| f.rule.as_str()),
        );
    }

    fn count<'r>(
        &mut self,
        status: Status,
        edits: impl ExactSizeIterator<Item = &'r str>,
        findings: impl ExactSizeIterator<Item = &'r str>,
    ) {
        match status {
            Status::Changed => self.changed += 1,
            Status::Unchanged => self.unchanged += 1,
            Status::Skipped => self.skipped += 1,
            Status::Duplicate => self.duplicates += 1,
            Status::Error => self.errors += 1,
        }
        self.edits += edits.len();
        edits.for_each(|rule| count_in(&mut self.edits_by_rule, rule));
        self.findings += findings.len();
        findings.for_each(|rule| count_in(&mut self.findings_by_rule, rule));
    }
}

/// Adds one to `rule`'s count (a new key is allocated once, not for every count).
fn count_in(counts: &mut BTreeMap<String, usize>, rule: &str) {
    match counts.get_mut(rule) {
        Some(count) => *count += 1,
        None => {
            counts.insert(rule.to_string(), 1);
        }
    }
}

impl FileReport {
    /// This file's entry of `report.json`, to be spilled and later passed to
    /// [`write_streamed`].
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_json(&mut out).expect("writing to memory");
        out
    }

    /// Writes this file's entry of `report.json` as it is serialized: on one line (an
    /// archive's report holds hundreds of thousands, and a line per file reads well with
    /// `grep` and `jq`).
    pub fn write_json(&self, out: impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer(out, self).map_err(std::io::Error::from)
    }
}

/// Writes a report whose file entries (each from [`FileReport::to_json`]) come one by one,
/// so a batch never holds all of them.
pub fn write_streamed(
    mut out: impl std::io::Write,
    settings: Option<&std::path::Path>,
    summary: &Summary,
    duplicates: &[DuplicateGroup],
    files: impl IntoIterator<Item = std::io::Result<Vec<u8>>>,
) -> std::io::Result<()> {
    let head = Head {
        schema: SCHEMA_VERSION,
        scour_version: env!("CARGO_PKG_VERSION"),
        settings: settings.map(|p| p.display().to_string()),
        summary,
        duplicates,
    };
    let head = serde_json::to_vec_pretty(&head)?;
    // The head without its closing brace, then the files array.
    out.write_all(&head[..head.len() - 2])?;
    out.write_all(b",\n  \"files\": [")?;
    for (i, file) in files.into_iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        out.write_all(&file?)?;
    }
    out.write_all(b"\n  ]\n}\n")
}
