//! Unicode NFC: composed and decomposed spellings of the same text must compare equal.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::lines;
use crate::rules::{Context, Pass, Rule};

pub const NFC: Rule = Rule {
    id: "normalize/nfc",
    summary: "Unicode normalization form C",
    explanation: "Decomposed sequences (a letter followed by a combining accent) and \
                  compatibility ideographs are rewritten in NFC, so equal text has equal bytes.",
    example: ("Cafe\u{301} au lait.\n", "Café au lait.\n"),
    finding_severity: None,
    example_config: Config::default,
};

pub struct Nfc;

impl Pass for Nfc {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&NFC]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        if is_nfc_quick(text.chars()) == IsNormalized::Yes {
            return Vec::new();
        }
        let mut edits = Vec::new();
        for (start, end) in lines(text) {
            let line = &text[start..end];
            if is_nfc_quick(line.chars()) == IsNormalized::Yes {
                continue;
            }
            let normal: String = line.nfc().collect();
            if normal == line {
                continue;
            }
            let (a, b, with) = differing_span(line, &normal);
            edits.push(Edit::new(
                start + a,
                start + b,
                Cow::Owned(with.to_string()),
                &NFC,
                "not in Unicode NFC",
            ));
        }
        edits
    }
}

/// The smallest span of `old` that, replaced by the returned part of `new`, gives `new`.
/// Trims the common prefix and suffix on character boundaries.
fn differing_span<'a>(old: &str, new: &'a str) -> (usize, usize, &'a str) {
    let prefix: usize = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    (prefix, old.len() - suffix, &new[prefix..new.len() - suffix])
}
