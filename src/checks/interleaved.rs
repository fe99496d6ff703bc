//! Interleaved column fragments: a paragraph stops mid-sentence, something else follows, and
//! its continuation stands later in the article. Found by a dictionary word straddling the
//! truncated end and a later paragraph's start; reported with the likely continuation.

use crate::checks::{Check, blocks, last_char_at, stops_mid_sentence};
use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::rejoin::evidence::ends_sentence;
use crate::rejoin::words::word_straddles;
use crate::rules::Rule;

pub const INTERLEAVED: Rule = Rule {
    id: "finding/interleaved",
    summary: "a paragraph that stops mid-sentence and seems to continue later in the article",
    explanation: "For a paragraph that stops mid-sentence, a later paragraph (not the next one) \
                  whose start completes a dictionary word across the cut is named as its likely \
                  continuation. Reassembling is left to a person.",
    example: (
        "城市交通数据平台去年年底正式投入使用，实现了公交地铁出租车运行数据的统一汇聚，这个交通数据平台是本省第一\n\n提升出行效率\n\n个覆盖全部交通方式的数据中心，也是全市智慧交通的一项成果。\n",
        "城市交通数据平台去年年底正式投入使用，实现了公交地铁出租车运行数据的统一汇聚，这个交通数据平台是本省第一\n\n提升出行效率\n\n个覆盖全部交通方式的数据中心，也是全市智慧交通的一项成果。\n",
    ),
    finding_severity: Some(Severity::Warning),
    example_config: Config::default,
};

pub struct Interleaved;

/// Paragraphs after a truncated one searched for its continuation: more than a long article
/// has, and a bound on the work in a file of many articles run together (every truncated
/// paragraph read against every later one took most of the time of a 5 MB file).
const REACH: usize = 64;

impl Check for Interleaved {
    const RULES: &'static [&'static Rule] = &[&INTERLEAVED];

    fn check(&self, text: &str, findings: &mut Vec<Finding>) {
        let all: Vec<(usize, &str)> = blocks(text).collect();
        for (i, &(at, block)) in all.iter().enumerate() {
            if !stops_mid_sentence(block) {
                continue;
            }
            let continuation = all.iter().skip(i + 2).take(REACH).find(|(_, later)| {
                crate::script::count_chars(later).1 > 20
                    && ends_sentence(later)
                    && word_straddles(block, later)
            });
            if let Some(&(_, later)) = continuation {
                let head: String = later.chars().take(10).collect();
                let message =
                    format!("stops mid-sentence; it likely continues in the paragraph «{head}…»");
                let end = last_char_at(at, block);
                findings.push(Finding::new(end, &INTERLEAVED, message).with_confidence(0.6));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(between: usize) -> bool {
        let filler = "另一段完整的文字说明了别的事情。\n\n".repeat(between);
        let text = format!(
            "全市的公交地铁和出租车的运行数据去年年底汇聚到了同一个平台上，这个交通数据平台是本省第一\n\n{filler}个覆盖全部交通方式的数据中心，也是全市智慧交通的一项成果。\n"
        );
        let mut findings = Vec::new();
        Interleaved.check(&text, &mut findings);
        !findings.is_empty()
    }

    #[test]
    fn a_continuation_is_looked_for_within_reach() {
        assert!(found(1) && found(REACH - 1));
        assert!(
            !found(REACH + 1),
            "past the reach, no later paragraph is read"
        );
    }
}
