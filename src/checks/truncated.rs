//! Truncated paragraphs: running text that stops mid-sentence before a heading, another
//! paragraph or the end of the file. Text was lost; scour never invents it.

use crate::checks::{Check, blocks, last_char_at, stops_mid_sentence};
use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::rules::Rule;
use crate::script::tail;

pub const TRUNCATED: Rule = Rule {
    id: "finding/truncated",
    summary: "a paragraph that stops mid-sentence (text was lost)",
    explanation: "Reported for a paragraph of running text that ends without terminal \
                  punctuation before a heading, another paragraph or the end of the file, and \
                  where a removed repeat began or ended in the middle of a line (a loop's seam). \
                  Text is never invented; a person decides.",
    example: (
        "春季运动会在市体育中心举行，各单位职工踊跃报名，设置了田径、游泳、篮球、拔河和跳绳等六个比赛项目，报名人数比去年增加，参赛队伍\n\n完善赛事保障\n",
        "春季运动会在市体育中心举行，各单位职工踊跃报名，设置了田径、游泳、篮球、拔河和跳绳等六个比赛项目，报名人数比去年增加，参赛队伍\n\n完善赛事保障\n",
    ),
    finding_severity: Some(Severity::Warning),
    example_config: Config::default,
};

pub struct Truncated;

impl Check for Truncated {
    const RULES: &'static [&'static Rule] = &[&TRUNCATED];

    fn check(&self, text: &str, findings: &mut Vec<Finding>) {
        for (at, block) in blocks(text) {
            if stops_mid_sentence(block) {
                let message = format!(
                    "paragraph stops mid-sentence («…{}»): text may be lost",
                    tail(block, 8)
                );
                let end = last_char_at(at, block);
                findings.push(Finding::new(end, &TRUNCATED, message).with_confidence(0.8));
            }
        }
    }
}
