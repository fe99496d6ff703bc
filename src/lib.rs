//! scour cleans and deduplicates scraped articles: it repairs what scrapers broke and emits a
//! canonical text, a reviewable diff and a report of every change with its rule and reason.
//!
//! The library does no printing, no file writing and no process exits; `src/main.rs` owns
//! those. Start at [`process`] for one file or [`clean_text`] for a string.

pub mod checks;
pub mod classify;
pub mod config;
pub mod corpus;
pub mod decode;
pub mod diff;
pub mod edit;
pub mod finding;
pub mod hash;
pub mod layout;
pub mod normalize;
pub mod pipeline;
pub mod rejoin;
pub mod repeat;
pub mod report;
pub mod rules;
pub mod script;
pub mod settings;
pub mod suspended;
pub mod tokens;
pub mod walk;

pub use config::{Config, Spacing};
pub use pipeline::{Cleaned, clean_text};
pub use report::FileReport;

/// Everything scour produces for one input file.
#[derive(Debug)]
pub struct Processed<'a> {
    /// The decoded input, or `None` when it could not be decoded.
    pub source: Option<std::borrow::Cow<'a, str>>,
    /// The clean text, or `None` when the file could not be decoded.
    pub clean: Option<String>,
    pub report: FileReport,
}

impl Processed<'_> {
    /// A unified diff from the input to the clean text (empty when unchanged or undecodable).
    pub fn diff(&self) -> String {
        match (&self.source, &self.clean) {
            (Some(source), Some(clean)) => diff::unified(source, clean, &self.report.path),
            _ => String::new(),
        }
    }

    /// Writes the unified diff to `out` as it is computed (a diff can be as large as its file).
    pub fn write_diff(&self, out: impl std::io::Write) -> std::io::Result<()> {
        match (&self.source, &self.clean) {
            (Some(source), Some(clean)) => {
                diff::write_unified(source, clean, &self.report.path, out)
            }
            _ => Ok(()),
        }
    }
}

/// Decodes and cleans one file. `path` is the `/`-separated relative path used in the diff
/// headers and the report.
pub fn process<'a>(path: &str, bytes: &'a [u8], config: &Config) -> Processed<'a> {
    process_with(path, bytes, config, |text| clean_text(text, config))
}

/// Decodes one file and cleans it with `clean` (which may resume a suspended pipeline).
pub fn process_with<'a>(
    path: &str,
    bytes: &'a [u8],
    config: &Config,
    clean: impl FnOnce(&str) -> Cleaned,
) -> Processed<'a> {
    match decode::decode(bytes, config.encoding) {
        Ok(decoded) => {
            let cleaned = clean(&decoded.text);
            let (mut report, clean) = FileReport::cleaned(path.to_string(), bytes, cleaned, config);
            report.encoding = Some(decoded.encoding);
            Processed {
                source: Some(decoded.text),
                clean: Some(clean),
                report,
            }
        }
        Err(error) => Processed {
            source: None,
            clean: None,
            report: FileReport::undecodable(path.to_string(), &error),
        },
    }
}
