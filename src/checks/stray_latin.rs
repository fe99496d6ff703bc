//! Stray Latin words inside Chinese sentences (`实践经验 with 理论成果`): a lower-case Latin
//! word with Han characters on both sides. (`and` between Han words is fixed by
//! `normalize/cjk-connector`; acronyms and names are capitalized and left alone.)

use crate::checks::Check;
use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::rules::Rule;
use crate::script::{is_han, is_inline_space, may_hold_han};

pub const STRAY_LATIN: Rule = Rule {
    id: "finding/stray-latin",
    summary: "a lower-case Latin word between Chinese words",
    explanation: "A lower-case ASCII word with a Han character on each side (through spaces) is \
                  usually a translation or templating accident. Capitalized words, acronyms, \
                  URLs and units are left alone.",
    example: (
        "推动理论学习 with 实践运用相互促进。\n",
        "推动理论学习 with 实践运用相互促进。\n",
    ),
    finding_severity: Some(Severity::Warning),
    example_config: Config::default,
};

pub struct StrayLatin;

impl Check for StrayLatin {
    const RULES: &'static [&'static Rule] = &[&STRAY_LATIN];

    fn check(&self, text: &str, findings: &mut Vec<Finding>) {
        // A stray word stands between Han characters: most blocks of Latin text have none.
        for (at, block) in crate::checks::blocks(text) {
            if may_hold_han(block) {
                stray_words(block, at, findings);
            }
        }
    }
}

/// Reports the lower-case Latin words between Han characters in the block at `at`.
fn stray_words(block: &str, at: usize, findings: &mut Vec<Finding>) {
    let mut rest = block;
    let mut offset = at;
    while let Some(start) = rest.find(|c: char| c.is_ascii_lowercase()) {
        let word_len = rest[start..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        let before = rest[..start]
            .trim_end_matches(is_inline_space)
            .chars()
            .next_back();
        let after = rest[start + word_len..]
            .trim_start_matches(is_inline_space)
            .chars()
            .next();
        if word.len() >= 2
            && word.chars().all(|c| c.is_ascii_lowercase())
            && before.is_some_and(is_han)
            && after.is_some_and(is_han)
        {
            let message = format!("stray Latin word «{word}» between Chinese words");
            findings.push(Finding::new(offset + start, &STRAY_LATIN, message));
        }
        offset += start + word_len;
        rest = &rest[start + word_len..];
    }
}
