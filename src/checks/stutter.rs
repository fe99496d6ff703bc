//! Stutters: a character typed twice (`的的`, `省地地质局`, `妇儿儿童`). A doubled character
//! is real when a dictionary word covers both (`地地道道`, `的的确确`, `常常`, `谢谢`), when it
//! is an "every" reduplication of a measure word (`月月`, `周周`), or when it is where two
//! common words meet (`海南日报|报业`, `外部|部门`); otherwise it is reported.

use crate::checks::Check;
use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::rejoin::words::{covered_by_word, words_meeting_at};
use crate::rules::Rule;
use crate::script::{is_han, may_hold_han};

pub const STUTTER: Rule = Rule {
    id: "finding/stutter",
    summary: "a character doubled by mistake (the dictionary has no such word)",
    explanation: "Two equal Han characters in a row are reported unless a dictionary word (jieba's) \
                  covers both in the segmentation of their clause: `常常`, `谢谢`, `地地道道` and \
                  `的的确确` are words, `的的` and `地地质局` are not.",
    example: (
        "展现迎难而上的的工作作风。\n",
        "展现迎难而上的的工作作风。\n",
    ),
    finding_severity: Some(Severity::Warning),
    example_config: Config::default,
};

/// Measure and time words that double to mean "every" (`月月有主题`, `人人参与`).
const EVERY: &str = "年季月周日天时刻人家户村条件样个处层步事次回代句字";

/// Dictionary frequency both words must reach for a doubled character where they meet to be
/// real: the dictionary's rare entries are where a stutter hides (`妇儿|儿童`, `省地|地质局`).
const COMMON: usize = 40;

pub struct Stutter;

impl Check for Stutter {
    const RULES: &'static [&'static Rule] = &[&STUTTER];

    fn check(&self, text: &str, findings: &mut Vec<Finding>) {
        // (A doubled Han character needs one: most Latin text has none.)
        if !may_hold_han(text) {
            return;
        }
        let mut previous = None;
        for (at, c) in text.char_indices() {
            let doubled = previous.is_some_and(|(_, p)| p == c) && is_han(c);
            let first = previous.map_or(0, |(first, _)| first);
            previous = Some((at, c));
            if !doubled {
                continue;
            }
            // The clause around the pair: up to 8 characters before it and 8 after it.
            let from = text[..first]
                .char_indices()
                .rev()
                .nth(7)
                .map_or(0, |(i, _)| i);
            let to = text[at..]
                .char_indices()
                .nth(9)
                .map_or(text.len(), |(i, _)| at + i);
            let clause = &text[from..to];
            let index = text[from..first].chars().count();
            let real = EVERY.contains(c)
                || covered_by_word(clause, index)
                || words_meeting_at(clause, index).is_some_and(|(l, r)| l >= COMMON && r >= COMMON);
            if !real {
                let message = format!("«{c}{c}» doubled: no word has it here");
                findings.push(Finding::new(first, &STUTTER, message).with_confidence(0.7));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Check, Stutter};

    fn stutters(text: &str) -> usize {
        let mut findings = Vec::new();
        Stutter.check(text, &mut findings);
        findings.len()
    }

    #[test]
    fn traditional_text_is_read_with_the_dictionary_too() {
        // `議事會|會議` are two words, as `议事会|会议` are; `的的` is a stutter in either script.
        assert_eq!(stutters("社區召開居民議事會會議，討論停車問題。"), 0);
        assert_eq!(stutters("社区召开居民议事会会议，讨论停车问题。"), 0);
        assert_eq!(stutters("展現迎難而上的的工作作風。"), 1);
    }
}
