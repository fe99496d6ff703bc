//! The per-document pipeline: the ordered list of passes, and the run that applies them and
//! traces every edit back to the source.

use std::borrow::Cow;
use std::ops::Range;

use crate::checks::{
    enumeration::Enumeration, interleaved::Interleaved, quotes::Quotes, stray_latin::StrayLatin,
    stutter::Stutter, truncated::Truncated,
};
use crate::classify::{BlockKind, classify};
use crate::config::Config;
use crate::corpus::boilerplate::BoilerplatePass;
use crate::edit::{Bias, Layer, apply};
use crate::layout::{BlankLines, Trim};
use crate::normalize::{
    connector::CjkConnector, fullwidth::FullwidthAlnum, invisible::Invisible,
    line_endings::LineEndings, nfc::Nfc, punct_width::PunctWidth, space::Space,
    spacing::CjkSpacing,
};
use crate::rejoin::Rejoin;
use crate::repeat::Repeats;
use crate::rules::{Context, Pass, Rule};

/// Every pass, in the order it runs. This list is also the registry of rules.
pub static PASSES: &[&dyn Pass] = &[
    &LineEndings,
    &Invisible,
    &Nfc,
    &Space,
    // Loops go first: rejoin must decide on the text that stays.
    &Repeats,
    // Rejoin before the context rules: a mark or connector at a line's edge has its real
    // neighbours only once the paragraph is whole.
    &Rejoin,
    &FullwidthAlnum,
    &PunctWidth,
    &CjkConnector,
    &CjkSpacing,
    &Trim,
    &BoilerplatePass,
    &BlankLines,
    // Checks: findings on the clean text, no edits.
    &Truncated,
    &Interleaved,
    &Enumeration,
    &Quotes,
    &Stutter,
    &StrayLatin,
];

/// One applied edit, traced back to the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub rule: &'static Rule,
    pub reason: Cow<'static, str>,
    pub confidence: f32,
    /// Byte span of the source that the edit replaced (for an edit of text an earlier pass
    /// inserted, the source span that text came from).
    pub source: Range<usize>,
    /// 1-based source line of the span's start.
    pub line: usize,
    /// The text the edit removed, as its pass saw it.
    pub removed: String,
    /// The text it inserted.
    pub inserted: Cow<'static, str>,
}

/// A finding, traced back to the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub rule: &'static Rule,
    pub message: Cow<'static, str>,
    pub confidence: f32,
    /// Byte offset in the source.
    pub at: usize,
    /// 1-based source line.
    pub line: usize,
}

/// A block of the clean text, the source lines it came from, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 1-based, inclusive.
    pub first_line: usize,
    pub last_line: usize,
    pub kind: BlockKind,
}

/// The result of cleaning one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub text: String,
    /// Every applied edit, in pass order, then text order.
    pub edits: Vec<Change>,
    /// Every finding, in pass order, then text order.
    pub findings: Vec<Reported>,
    pub blocks: Vec<Block>,
}

/// Start offsets of the lines of `text`, for turning offsets into line numbers.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex(starts.collect())
    }

    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }
}

/// Source regions between a line holding `scour: off` and one holding `scour: on`
/// (marker lines included), which no rule touches.
struct Protected(Vec<(usize, usize)>);

impl Protected {
    fn find(source: &str) -> Self {
        let mut regions = Vec::new();
        // (Most texts have no marker: one search of the whole text says so.)
        if !source.contains("scour: off") {
            return Protected(regions);
        }
        let mut open = None;
        for (start, end) in crate::normalize::lines(source) {
            let line = &source[start..end];
            match open {
                None if line.contains("scour: off") => open = Some(start),
                Some(from) if line.contains("scour: on") => {
                    regions.push((from, end));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(from) = open {
            regions.push((from, source.len()));
        }
        Protected(regions)
    }

    /// Whether the source span `start..end` overlaps or touches a protected region.
    fn touches(&self, start: usize, end: usize) -> bool {
        self.0.iter().any(|&(from, to)| start <= to && end >= from)
    }
}

fn to_source(layers: &[Layer], offset: usize, bias: Bias) -> usize {
    layers
        .iter()
        .rev()
        .fold(offset, |at, layer| layer.to_old(at, bias))
}

/// The pipeline stopped before a pass: the text there, how it maps back to the source, and
/// what the passes before it did. A batch suspends every article before the corpus passes
/// and resumes it once the batch has decided, instead of cleaning it again.
#[derive(Debug, Clone, PartialEq)]
pub struct Suspended {
    /// The pass to run next.
    pub next: usize,
    pub text: String,
    /// One for each pass that edited, mapping its output back to its input.
    pub layers: Vec<Layer>,
    pub edits: Vec<Change>,
    pub findings: Vec<Reported>,
}

/// Runs every pass over `source` and returns the clean text with its traced edits.
pub fn clean_text(source: &str, config: &Config) -> Cleaned {
    traced(source, run(source, config, None, PASSES.len()))
}

/// Runs the passes of `source` that come before the first corpus pass.
pub fn suspend(source: &str, config: &Config) -> Suspended {
    let corpus = PASSES.iter().position(|p| p.is_corpus());
    run(source, config, None, corpus.unwrap_or(PASSES.len()))
}

/// Runs the rest of the passes of `source` from where `suspended` stopped. Resuming with the
/// configuration it was suspended under, or with one that differs only in the corpus
/// decisions, cleans as [`clean_text`] under that configuration: no pass before the corpus
/// passes reads them.
pub fn resume(source: &str, config: &Config, suspended: Suspended) -> Cleaned {
    traced(source, run(source, config, Some(suspended), PASSES.len()))
}

/// [`resume`] without tracing the blocks back to the source: the clean text and its
/// findings, for a batch that compares articles before it writes them.
pub fn resume_untraced(
    source: &str,
    config: &Config,
    suspended: Suspended,
) -> (String, Vec<Reported>) {
    let finished = run(source, config, Some(suspended), PASSES.len());
    (finished.text, finished.findings)
}

/// The clean text of a run through every pass, its blocks traced back to `source`.
fn traced(source: &str, finished: Suspended) -> Cleaned {
    let Suspended {
        text,
        layers,
        edits,
        findings,
        ..
    } = finished;
    let blocks = blocks(source, &text, &layers, &LineIndex::new(source));
    Cleaned {
        text,
        edits,
        findings,
        blocks,
    }
}

/// Runs the passes from where `from` stopped (or the first) up to pass `until`.
fn run(source: &str, config: &Config, from: Option<Suspended>, until: usize) -> Suspended {
    let lines = LineIndex::new(source);
    let protected = Protected::find(source);
    let (first, mut text, mut layers, mut edits, mut findings) = match from {
        Some(s) => (s.next, Cow::Owned(s.text), s.layers, s.edits, s.findings),
        None => (0, Cow::Borrowed(source), Vec::new(), Vec::new(), Vec::new()),
    };
    for (index, pass) in PASSES.iter().enumerate().take(until).skip(first) {
        let mut context = Context::new(config, &PASSES[index + 1..]);
        let mut proposed = pass.propose(&text, &mut context);
        proposed.retain(|edit| {
            config.is_enabled(edit.rule)
                && !protected.touches(
                    to_source(&layers, edit.start, Bias::Start),
                    to_source(&layers, edit.end, Bias::End),
                )
        });
        for finding in context.findings {
            let at = to_source(&layers, finding.at, Bias::Start);
            if !config.is_enabled(finding.rule) || protected.touches(at, at) {
                continue;
            }
            findings.push(Reported {
                rule: finding.rule,
                message: finding.message,
                confidence: finding.confidence,
                at,
                line: lines.line_of(at),
            });
        }
        if proposed.is_empty() {
            continue;
        }
        let (next, applied, layer) = apply(&text, proposed);
        let mut removed = Vec::new();
        for edit in applied {
            let start = to_source(&layers, edit.start, Bias::Start);
            let end = to_source(&layers, edit.end, Bias::End).max(start);
            if pass.is_corpus() && edit.replacement.is_empty() {
                removed.push(start..end);
            }
            edits.push(Change {
                rule: edit.rule,
                reason: edit.reason,
                confidence: edit.confidence,
                source: start..end,
                line: lines.line_of(start),
                removed: text[edit.start..edit.end].to_string(),
                inserted: edit.replacement,
            });
        }
        // A finding of the document's passes on a block the corpus removed points at nothing
        // left to review.
        if !removed.is_empty() {
            findings.retain(|f| {
                let i = removed.partition_point(|span| span.end <= f.at);
                removed.get(i).is_none_or(|span| f.at < span.start)
            });
        }
        layers.push(layer);
        text = Cow::Owned(next);
    }
    Suspended {
        next: until.max(first),
        text: text.into_owned(),
        layers,
        edits,
        findings,
    }
}

/// The blocks of the clean `text` (its non-empty lines), traced to the source and labelled.
fn blocks(source: &str, text: &str, layers: &[Layer], lines: &LineIndex) -> Vec<Block> {
    let spans: Vec<(usize, usize)> = crate::normalize::lines(text)
        .filter(|(start, end)| end > start)
        .collect();
    let source_lines: Vec<&str> = source.split('\n').collect();
    let is_blank = |line: &str| {
        line.chars()
            .all(|c| c.is_whitespace() || crate::normalize::invisible::is_invisible(c))
    };
    let mut out: Vec<Block> = spans
        .iter()
        .map(|&(start, end)| Block {
            first_line: lines.line_of(to_source(layers, start, Bias::Start)),
            last_line: lines.line_of(to_source(layers, end, Bias::End).saturating_sub(1)),
            kind: BlockKind::Paragraph,
        })
        .collect();
    let blank_before: Vec<usize> = out
        .iter()
        .map(|b| {
            source_lines[..b.first_line - 1]
                .iter()
                .rev()
                .take_while(|l| is_blank(l))
                .count()
        })
        .collect();
    let texts: Vec<&str> = spans.iter().map(|&(s, e)| &text[s..e]).collect();
    for (block, kind) in out.iter_mut().zip(classify(&texts, &blank_before)) {
        block.kind = kind;
    }
    out
}
