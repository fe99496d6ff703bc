//! report.json: what scour did to every file and why, in a versioned schema.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::pipeline::Cleaned;

/// Bumped whenever a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report {
    pub schema: u32,
    pub scour_version: &'static str,
    /// The settings file used, if any.
    pub settings: Option<String>,
    pub summary: Summary,
    pub files: Vec<FileReport>,
}

#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub skipped: usize,
    pub errors: usize,
    pub edits: usize,
    pub edits_by_rule: BTreeMap<&'static str, usize>,
    pub findings: usize,
    pub findings_by_rule: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Changed,
    Unchanged,
    /// Not an article (a binary file): left alone, with a note.
    Skipped,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output_sha256: Option<String>,
    pub edits: Vec<EditReport>,
    pub findings: Vec<FindingReport>,
    /// Each block of the clean text: what it is and the source lines it came from.
    pub blocks: Vec<BlockReport>,
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
    pub reason: String,
    pub confidence: f32,
    /// 1-based source line where the change starts.
    pub line: usize,
    /// Byte span in the source file.
    pub span: [usize; 2],
    /// The text removed and inserted, as the rule saw it: replaying the edits rule by rule
    /// turns the input into the output.
    pub removed: String,
    pub inserted: String,
}

impl FileReport {
    pub fn cleaned(path: String, input: &[u8], cleaned: &Cleaned, config: &Config) -> Self {
        let changed = !cleaned.edits.is_empty();
        FileReport {
            path,
            status: if changed {
                Status::Changed
            } else {
                Status::Unchanged
            },
            error: None,
            input_sha256: Some(crate::hash::sha256_hex(input)),
            output_sha256: Some(crate::hash::sha256_hex(cleaned.text.as_bytes())),
            edits: cleaned
                .edits
                .iter()
                .map(|c| EditReport {
                    rule: c.rule.id,
                    reason: c.reason.to_string(),
                    confidence: c.confidence,
                    line: c.line,
                    span: [c.source.start, c.source.end],
                    removed: c.removed.clone(),
                    inserted: c.inserted.to_string(),
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
        }
    }

    /// An unchanged file that was not cleaned again (the cache knew it was clean).
    pub fn unchanged(path: String) -> Self {
        FileReport {
            status: Status::Unchanged,
            error: None,
            ..FileReport::failed(path, String::new())
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
            input_sha256: None,
            output_sha256: None,
            edits: Vec::new(),
            findings: Vec::new(),
            blocks: Vec::new(),
        }
    }
}

impl Report {
    /// A report of `files`, sorted by path, with their summary.
    pub fn new(settings: Option<&std::path::Path>, mut files: Vec<FileReport>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let mut summary = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for file in &files {
            match file.status {
                Status::Changed => summary.changed += 1,
                Status::Unchanged => summary.unchanged += 1,
                Status::Skipped => summary.skipped += 1,
                Status::Error => summary.errors += 1,
            }
            summary.edits += file.edits.len();
            for edit in &file.edits {
                *summary.edits_by_rule.entry(edit.rule).or_default() += 1;
            }
            summary.findings += file.findings.len();
            for finding in &file.findings {
                *summary
                    .findings_by_rule
                    .entry(finding.rule.clone())
                    .or_default() += 1;
            }
        }
        Report {
            schema: SCHEMA_VERSION,
            scour_version: env!("CARGO_PKG_VERSION"),
            settings: settings.map(|p| p.display().to_string()),
            summary,
            files,
        }
    }

    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("report serializes");
        json.push('\n');
        json
    }
}
