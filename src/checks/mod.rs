//! Checks: passes at the end of the pipeline that read the clean text and report findings,
//! never changing anything. Each file is one rule.

pub mod enumeration;
pub mod interleaved;
pub mod quotes;
pub mod stray_latin;
pub mod stutter;
pub mod truncated;

use crate::edit::Edit;
use crate::finding::Finding;
use crate::rejoin::evidence::{ends_sentence, is_headline_shaped, is_markup};
use crate::rules::{Context, Pass, Rule};

/// A check: reads the clean text and reports findings under its rules, never editing.
pub trait Check: Sync {
    const RULES: &'static [&'static Rule];
    fn check(&self, text: &str, findings: &mut Vec<Finding>);
}

impl<C: Check> Pass for C {
    fn rules(&self) -> &'static [&'static Rule] {
        C::RULES
    }

    fn edits(&self) -> bool {
        false
    }

    fn propose(&self, text: &str, context: &mut Context) -> Vec<Edit> {
        self.check(text, &mut context.findings);
        Vec::new()
    }
}

/// The blocks of a clean text: (byte offset, text).
pub fn blocks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::normalize::lines(text)
        .filter(|(start, end)| end > start)
        .map(move |(start, end)| (start, &text[start..end]))
}

/// The offset of the last character of the block at `at` (where a cut is reported).
pub fn last_char_at(at: usize, block: &str) -> usize {
    at + block.char_indices().next_back().map_or(0, |(i, _)| i)
}

/// A block of running text (not a heading, caption-length line or markup) that does not end
/// a sentence: it stops mid-sentence.
pub fn stops_mid_sentence(block: &str) -> bool {
    // The tail first: most blocks end a sentence, and that needs no scan of the block.
    !ends_sentence(block)
        && !block.ends_with(['：', ':', '”', '’', '）', ')', '》', '」', '】'])
        && block
            .chars()
            .filter(|c| !c.is_whitespace())
            .nth(40)
            .is_some()
        && !is_markup(block)
        && !is_headline_shaped(block)
}
