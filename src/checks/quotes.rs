//! Unbalanced quotes and brackets in a block: a scraper that cut text often leaves a closing
//! mark without its opening one.

use crate::checks::Check;
use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::rules::Rule;

pub const UNBALANCED: Rule = Rule {
    id: "finding/unbalanced",
    summary: "a quote or bracket without its partner in a paragraph",
    explanation: "Counts “” 《》 （） 「」 『』 【】 in each block and reports the first closing mark \
                  without an opening one, or an opening mark never closed. (A quotation running \
                  over several paragraphs opens each without closing it: those are reported too.)",
    example: ("加强民生建设”是重要任务。\n", "加强民生建设”是重要任务。\n"),
    finding_severity: Some(Severity::Warning),
    example_config: Config::default,
};

const PAIRS: &[(char, char)] = &[
    ('“', '”'),
    ('《', '》'),
    ('（', '）'),
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
];

pub struct Quotes;

impl Check for Quotes {
    const RULES: &'static [&'static Rule] = &[&UNBALANCED];

    fn check(&self, text: &str, findings: &mut Vec<Finding>) {
        for (at, block) in crate::checks::blocks(text) {
            // Every mark of the pairs is outside ASCII.
            if block.is_ascii() {
                continue;
            }
            // Per pair: depth, first opening, and the first closing without an opening
            // (which ends the reading of that pair).
            let mut depth = [0i32; PAIRS.len()];
            let mut first_open = [None; PAIRS.len()];
            let mut stray_close = [None; PAIRS.len()];
            for (i, c) in block.char_indices() {
                let Some(k) = PAIRS.iter().position(|&(o, cl)| c == o || c == cl) else {
                    continue;
                };
                if stray_close[k].is_some() {
                    continue;
                }
                if c == PAIRS[k].0 {
                    depth[k] += 1;
                    first_open[k].get_or_insert(i);
                } else {
                    depth[k] -= 1;
                    if depth[k] < 0 {
                        stray_close[k] = Some(i);
                    }
                }
            }
            for (k, &(open, close)) in PAIRS.iter().enumerate() {
                if let Some(i) = stray_close[k] {
                    let message = format!("closing {close} without an opening {open}");
                    findings.push(Finding::new(at + i, &UNBALANCED, message));
                } else if depth[k] > 0 {
                    let message = format!("opening {open} never closed in this paragraph");
                    let i = first_open[k].unwrap_or(0);
                    findings.push(Finding::new(at + i, &UNBALANCED, message).with_confidence(0.6));
                }
            }
        }
    }
}
