//! Full-width ASCII letters and digits (`２０２１`, `ＡＢＣ`) become half-width: they are a
//! typesetting accident and break search and number matching. Full-width punctuation stays,
//! except the decimal point, percent sign and colon that belong to a number (`５．２％`).

use crate::config::Config;
use crate::edit::Edit;
use crate::rules::{Context, Pass, Rule};

pub const FULLWIDTH_ALNUM: Rule = Rule {
    id: "normalize/fullwidth-alnum",
    summary: "full-width letters and digits become ASCII",
    explanation: "Full-width digits and Latin letters (U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A) \
                  become their ASCII forms, and so do `．` and `：` between two digits and `％` \
                  after a digit. Other full-width punctuation is CJK punctuation and is kept.",
    example: ("２０２１年ＧＤＰ增长５．２％。\n", "2021年GDP增长5.2%。\n"),
    finding_severity: None,
    example_config: Config::default,
};

pub struct FullwidthAlnum;

fn to_ascii(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

fn is_digit(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// A full-width mark that is part of a number: `．` and `：` between digits, `％` after one.
fn number_mark(c: char, prev: Option<char>, next: Option<char>) -> Option<char> {
    match c {
        '．' | '：' if is_digit(prev) && is_digit(next) => char::from_u32(c as u32 - 0xFEE0),
        '％' if is_digit(prev) => Some('%'),
        _ => None,
    }
}

impl Pass for FullwidthAlnum {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&FULLWIDTH_ALNUM]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        let mut edits: Vec<Edit> = Vec::new();
        // Every character this pass changes lies in U+FF05..=U+FF5A, whose UTF-8 forms open
        // with 0xEF (looked for first, on the bytes without a branch).
        if !text.bytes().fold(false, |any, b| any | (b == 0xEF))
            || !text.contains(|c| ('\u{FF05}'..='\u{FF5A}').contains(&c))
        {
            return edits;
        }
        let mut prev = None;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let (ascii, reason) = match (to_ascii(c), number_mark(c, prev, next)) {
                (Some(a), _) => (a, "full-width letter or digit"),
                (None, Some(a)) => (a, "full-width mark inside a number"),
                (None, None) => {
                    prev = Some(c);
                    continue;
                }
            };
            let edit = Edit::new(
                at,
                at + c.len_utf8(),
                ascii.to_string(),
                &FULLWIDTH_ALNUM,
                reason,
            );
            match edits.last_mut() {
                // One edit per run, so `２０２４` is one change, not four.
                Some(last) if last.end == at && last.reason == reason => {
                    last.end = edit.end;
                    last.replacement.to_mut().push(ascii);
                }
                _ => edits.push(edit),
            }
            prev = Some(c);
        }
        edits
    }
}
