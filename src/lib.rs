//! scour cleans and deduplicates scraped articles: it repairs what scrapers broke and emits a
//! canonical text, a reviewable diff and a report of every change with its rule and reason.
//!
//! The library does no printing, no file writing and no process exits; `src/main.rs` owns
//! those. Start at [`process`] for one file or [`clean_text`] for a string.

pub mod classify;
pub mod config;
pub mod decode;
pub mod diff;
pub mod edit;
pub mod finding;
pub mod hash;
pub mod layout;
pub mod normalize;
pub mod pipeline;
pub mod rejoin;
pub mod report;
pub mod rules;
pub mod script;
pub mod settings;
pub mod tokens;
pub mod walk;

pub use config::{Config, Spacing};
pub use pipeline::{Cleaned, clean_text};
pub use report::{FileReport, Report};

/// Everything scour produces for one input file.
#[derive(Debug)]
pub struct Processed {
    /// The clean text, or `None` when the file could not be decoded.
    pub clean: Option<String>,
    /// A unified diff from the input to the clean text (empty when unchanged).
    pub diff: String,
    pub report: FileReport,
}

/// Decodes and cleans one file. `path` is the `/`-separated relative path used in the diff
/// headers and the report.
pub fn process(path: &str, bytes: &[u8], config: &Config) -> Processed {
    match decode::decode(bytes) {
        Ok(source) => {
            let cleaned = clean_text(source, config);
            Processed {
                diff: diff::unified(source, &cleaned.text, path),
                report: FileReport::cleaned(path.to_string(), bytes, &cleaned, config),
                clean: Some(cleaned.text),
            }
        }
        Err(error) => Processed {
            clean: None,
            diff: String::new(),
            report: match error {
                decode::DecodeError::Binary { .. } => {
                    FileReport::skipped(path.to_string(), error.to_string())
                }
                _ => FileReport::failed(path.to_string(), error.to_string()),
            },
        },
    }
}
