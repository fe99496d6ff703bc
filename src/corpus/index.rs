//! The persisted corpus index: block fingerprint counts and article signatures of earlier
//! batches, so a batch of five articles still knows its site's boilerplate and the articles
//! already kept. Versioned JSON; two indexes (shards) merge by adding counts.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::corpus::dedup::{Bin, from_wide};

/// Version 3 keeps 8 bits of each MinHash bin; indexes of version 2 (16 bits) and 1 (32
/// bits) are read and narrowed to the same signatures.
pub const INDEX_VERSION: u32 = 3;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub version: u32,
    /// Block fingerprint → in how many distinct articles it was seen.
    pub blocks: BTreeMap<u64, u32>,
    pub articles: Vec<IndexedArticle>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedArticle {
    pub path: String,
    /// Hex of the first 16 bytes of the sha256 of the normalized text.
    pub exact: String,
    #[serde(deserialize_with = "signature")]
    pub minhash: Vec<Bin>,
}

/// A signature of any version: wider bins (versions 1 and 2) narrow to 8 bits.
fn signature<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Bin>, D::Error> {
    let wide = Vec::<u32>::deserialize(d)?;
    Ok(from_wide(&wide).into_vec())
}

impl Index {
    /// An empty index of the current version.
    pub fn new() -> Self {
        Index {
            version: INDEX_VERSION,
            ..Index::default()
        }
    }

    /// Reads an index; a missing file is an empty index.
    pub fn load(path: &Path) -> Result<Index, String> {
        let text = match std::fs::read_to_string(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Index::new()),
            Err(e) => return Err(format!("{}: cannot read index: {e}", path.display())),
            Ok(text) => text,
        };
        let index: Index = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a scour index: {e}", path.display()))?;
        if !(1..=INDEX_VERSION).contains(&index.version) {
            return Err(format!(
                "{}: index version {} (this scour reads versions 1 to {INDEX_VERSION})",
                path.display(),
                index.version
            ));
        }
        Ok(Index {
            version: INDEX_VERSION,
            ..index
        })
    }

    /// Writes the index atomically (temporary file and rename).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let temp = path.with_extension(format!("tmp{}", std::process::id()));
        let json = serde_json::to_vec(self).expect("an index serializes");
        std::fs::write(&temp, json)
            .and_then(|()| std::fs::rename(&temp, path))
            .map_err(|e| format!("{}: cannot write index: {e}", path.display()))
    }

    /// Adds `other` in: counts add, articles are kept once per (path, text).
    pub fn merge(&mut self, other: Index) {
        for (block, count) in other.blocks {
            *self.blocks.entry(block).or_default() += count;
        }
        let known: std::collections::HashSet<(String, String)> = self
            .articles
            .iter()
            .map(|a| (a.path.clone(), a.exact.clone()))
            .collect();
        let new = other
            .articles
            .into_iter()
            .filter(|a| !known.contains(&(a.path.clone(), a.exact.clone())));
        let mut added = std::collections::HashSet::new();
        let new: Vec<IndexedArticle> = new
            .filter(|a| added.insert((a.path.clone(), a.exact.clone())))
            .collect();
        self.articles.extend(new);
        self.articles.sort_by(|a, b| a.path.cmp(&b.path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::dedup;

    #[test]
    fn saves_loads_and_merges() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.json");
        assert_eq!(Index::load(&path).unwrap().blocks.len(), 0);
        let mut a = Index {
            version: INDEX_VERSION,
            ..Index::default()
        };
        a.blocks.insert(7, 2);
        a.articles.push(IndexedArticle {
            path: "a.txt".into(),
            exact: "00".into(),
            minhash: vec![1],
        });
        a.save(&path).unwrap();
        let mut loaded = Index::load(&path).unwrap();
        assert_eq!(loaded, a);
        loaded.merge(a.clone());
        assert_eq!(loaded.blocks[&7], 4);
        assert_eq!(loaded.articles.len(), 1);
        // Version 1 kept 32-bit bins, and the empty set as all u32::MAX.
        let wide = [70_000u32, 5].repeat(dedup::SIGNATURE / 2);
        let empty = vec![u32::MAX; dedup::SIGNATURE];
        let v1 = serde_json::json!({"version": 1, "blocks": {"7": 2}, "articles": [
            {"path": "a.txt", "exact": "00", "minhash": wide},
            {"path": "e.txt", "exact": "01", "minhash": empty},
        ]});
        std::fs::write(&path, v1.to_string()).unwrap();
        let narrowed = Index::load(&path).unwrap();
        assert_eq!(narrowed.version, INDEX_VERSION);
        let bins: Vec<Bin> = [70_000u32 as Bin, 5].repeat(dedup::SIGNATURE / 2);
        assert_eq!(narrowed.articles[0].minhash, bins);
        assert!(narrowed.articles[1].minhash.is_empty());
        // Version 2 kept 16-bit bins.
        let v2 = serde_json::json!({"version": 2, "blocks": {}, "articles": [
            {"path": "a.txt", "exact": "00", "minhash": [300, 5]},
        ]});
        std::fs::write(&path, v2.to_string()).unwrap();
        assert_eq!(Index::load(&path).unwrap().articles[0].minhash, [44, 5]);
        std::fs::write(&path, "{\"version\": 9, \"blocks\": {}, \"articles\": []}").unwrap();
        assert!(Index::load(&path).unwrap_err().contains("version 9"));
    }
}
