//! Stutters: a character typed twice (`的的`, `省地地质局`, `妇儿儿童`). A doubled character
//! is real when a dictionary word covers both (`地地道道`, `的的确确`, `常常`, `谢谢`), when it
//! is an "every" reduplication of a measure word (`月月`, `周周`), or when it is where two
//! common words meet (`海南日报|报业`, `外部|部门`); otherwise it is reported.

use crate::checks::Check;
use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::rejoin::words::{covered_by_word, words_meeting_at};
use crate::rules::Rule;
use crate::script::is_han;

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
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for i in 1..chars.len() {
            let c = chars[i].1;
            if c != chars[i - 1].1 || !is_han(c) {
                continue;
            }
            // The clause around the pair, up to 8 characters each side.
            let from = i.saturating_sub(9);
            let to = (i + 9).min(chars.len());
            let clause: String = chars[from..to].iter().map(|&(_, c)| c).collect();
            let index = i - 1 - from;
            let real = EVERY.contains(c)
                || covered_by_word(&clause, index)
                || words_meeting_at(&clause, index)
                    .is_some_and(|(l, r)| l >= COMMON && r >= COMMON);
            if !real {
                let message = format!("«{c}{c}» doubled: no word has it here");
                findings.push(Finding::new(chars[i - 1].0, &STUTTER, message).with_confidence(0.7));
            }
        }
    }
}
