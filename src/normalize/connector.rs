//! A Latin connector stranded between Chinese words (`企业 and 人民群众`) is a translation or
//! templating accident; the known ones are replaced by their Chinese word.

use crate::config::Config;
use crate::edit::Edit;
use crate::rules::{Context, Pass, Rule};
use crate::script::{is_han, is_inline_space, may_hold_han};

pub const CJK_CONNECTOR: Rule = Rule {
    id: "normalize/cjk-connector",
    summary: "a stray `and` between Chinese words becomes 和",
    explanation: "Only the shape `Han and Han` (with or without spaces) is rewritten; the Latin \
                  word must stand alone between two Han characters. Other stray Latin words are \
                  reported, not changed.",
    example: ("服务企业 and 人民群众。\n", "服务企业和人民群众。\n"),
    finding_severity: None,
    example_config: Config::default,
};

/// Latin connectors and the Chinese word that replaces them.
const CONNECTORS: &[(&str, &str)] = &[("and", "和")];

pub struct CjkConnector;

impl Pass for CjkConnector {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&CJK_CONNECTOR]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        let mut edits = Vec::new();
        // (A connector stands between Han characters: most Latin text has none.)
        if !may_hold_han(text) {
            return edits;
        }
        for &(word, chinese) in CONNECTORS {
            for (at, _) in text.match_indices(word) {
                let before = &text[..at];
                let after = &text[at + word.len()..];
                let left = before.trim_end_matches(is_inline_space);
                let right = after.trim_start_matches(is_inline_space);
                if left.chars().next_back().is_some_and(is_han)
                    && right.chars().next().is_some_and(is_han)
                {
                    let start = left.len();
                    let end = text.len() - right.len();
                    let reason =
                        format!("stray Latin '{word}' between Chinese words → '{chinese}'");
                    edits.push(Edit::new(start, end, chinese, &CJK_CONNECTOR, reason));
                }
            }
        }
        edits
    }
}
