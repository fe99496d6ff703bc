//! Interleaved column fragments: a paragraph stops mid-sentence, something else follows, and
//! its continuation stands later in the article. Found by a dictionary word straddling the
//! truncated end and a later paragraph's start; reported with the likely continuation.

use crate::checks::{blocks, last_char_at, stops_mid_sentence};
use crate::config::{Config, Severity};
use crate::edit::Edit;
use crate::finding::Finding;
use crate::rejoin::evidence::ends_sentence;
use crate::rejoin::words::word_straddles;
use crate::rules::{Context, Pass, Rule};

pub const INTERLEAVED: Rule = Rule {
    id: "finding/interleaved",
    summary: "a paragraph that stops mid-sentence and seems to continue later in the article",
    explanation: "For a paragraph that stops mid-sentence, a later paragraph (not the next one) \
                  whose start completes a dictionary word across the cut is named as its likely \
                  continuation. Reassembling is left to a person.",
    example: (
        "海南预算管理一体化系统在全国率先上线运行，实现了预算编制执行全流程管理，海南预算管理一体化系统是全国第一\n\n破解发展难题\n\n个全省预算管理大集中的信息化平台，也是制度集成创新的成果。\n",
        "海南预算管理一体化系统在全国率先上线运行，实现了预算编制执行全流程管理，海南预算管理一体化系统是全国第一\n\n破解发展难题\n\n个全省预算管理大集中的信息化平台，也是制度集成创新的成果。\n",
    ),
    finding_severity: Some(Severity::Warning),
    example_config: Config::default,
};

pub struct Interleaved;

impl Pass for Interleaved {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&INTERLEAVED]
    }

    fn edits(&self) -> bool {
        false
    }

    fn propose(&self, text: &str, context: &mut Context) -> Vec<Edit> {
        let all: Vec<(usize, &str)> = blocks(text).collect();
        for (i, &(at, block)) in all.iter().enumerate() {
            if !stops_mid_sentence(block) {
                continue;
            }
            let continuation = all.iter().skip(i + 2).find(|(_, later)| {
                crate::script::count_chars(later).1 > 20
                    && ends_sentence(later)
                    && word_straddles(block, later)
            });
            if let Some(&(_, later)) = continuation {
                let head: String = later.chars().take(10).collect();
                let message =
                    format!("stops mid-sentence; it likely continues in the paragraph «{head}…»");
                let end = last_char_at(at, block);
                context
                    .findings
                    .push(Finding::new(end, &INTERLEAVED, message).with_confidence(0.6));
            }
        }
        Vec::new()
    }
}
