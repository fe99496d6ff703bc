//! Enumerations out of order or with gaps: section letters (`A`, `D`, `B`…), `一是/二是/三是`,
//! `第一/第二`. A scraper that shuffled or dropped sections leaves them so.

use crate::checks::Check;
use crate::config::{Config, Severity};
use crate::finding::Finding;
use crate::rules::Rule;
use crate::script::CJK_NUMERALS;

pub const ENUMERATION: Rule = Rule {
    id: "finding/enumeration",
    summary: "section letters or ordinals out of order, with gaps, or not starting at the first",
    explanation: "Section letters (a block that is a single letter, or a heading `### A …`) must \
                  run A, B, C…; the ordinals `一是、二是…` and `第一，第二…` must run from the first \
                  without gaps within a paragraph (a list may start at `二是` only if an earlier \
                  paragraph has `一是`).",
    example: (
        "A\n\n第一部分。\n\nC\n\n第三部分。\n",
        "A\n\n第一部分。\n\nC\n\n第三部分。\n",
    ),
    finding_severity: Some(Severity::Warning),
    example_config: Config::default,
};

/// The section letter of a block: `A` alone, or `### A …` / `A …` heading.
fn section_letter(block: &str) -> Option<char> {
    let rest = block.trim_start_matches('#').trim_start();
    let mut chars = rest.chars();
    let letter = chars.next().filter(|c| c.is_ascii_uppercase())?;
    match chars.next() {
        None => Some(letter),
        Some(' ') if block.starts_with('#') => Some(letter),
        _ => None,
    }
}

/// Ordinals `N是` (N = 一…十) at the start of a clause, with their offsets in `block`.
fn ordinals<'a>(block: &'a str, marker: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    block.match_indices(marker).filter_map(move |(at, _)| {
        let (numeral_at, numeral) = block[..at].char_indices().next_back()?;
        let value = CJK_NUMERALS.chars().position(|n| n == numeral)? + 1;
        let before = block[..numeral_at].chars().next_back();
        let clause_start = before.is_none_or(|c| "。，；：、！？“ ".contains(c));
        clause_start.then_some((numeral_at, value))
    })
}

pub struct Enumeration;

impl Check for Enumeration {
    const RULES: &'static [&'static Rule] = &[&ENUMERATION];

    fn check(&self, text: &str, findings: &mut Vec<Finding>) {
        let mut previous: Option<char> = None;
        let mut seen_first_ordinal = false;
        for (at, block) in crate::checks::blocks(text) {
            if let Some(letter) = section_letter(block) {
                let expected = previous.map_or('A', |p| char::from(p as u8 + 1));
                if letter != expected {
                    let message = match previous {
                        Some(p) => {
                            format!("section {letter} follows section {p} (expected {expected})")
                        }
                        None => format!("the first section is {letter}, not A"),
                    };
                    findings.push(Finding::new(at, &ENUMERATION, message));
                }
                previous = Some(letter);
            }
            let found: Vec<(usize, usize)> = ordinals(block, "是").collect();
            if let Some(&(first_at, first)) = found.first() {
                if first != 1 && !seen_first_ordinal {
                    let message =
                        format!("a list that starts at its ordinal {first} (no 一是 before)");
                    findings.push(Finding::new(at + first_at, &ENUMERATION, message));
                }
                seen_first_ordinal |= first == 1;
                for pair in found.windows(2) {
                    if pair[1].1 != pair[0].1 + 1 {
                        let message = format!(
                            "ordinal {} follows ordinal {} (a gap or a shuffle)",
                            pair[1].1, pair[0].1
                        );
                        findings.push(Finding::new(at + pair[1].0, &ENUMERATION, message));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_ordinals() {
        assert_eq!(section_letter("### D 围绕开放抓党建"), Some('D'));
        assert_eq!(section_letter("B"), Some('B'));
        assert_eq!(section_letter("Beijing"), None);
        let found: Vec<usize> = ordinals("一是加强领导，二是完善制度；四是强化监督。", "是")
            .map(|(_, v)| v)
            .collect();
        assert_eq!(found, [1, 2, 4]);
        assert_eq!(ordinals("这是一个好的开始", "是").count(), 0);
    }
}
