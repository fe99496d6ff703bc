//! CJK–Latin spacing. Newspapers write `第18期` and scour keeps that by default; under
//! `spacing = "add"` (pangu style) one space goes between CJK and Latin letters or digits.

use crate::config::{Config, Spacing};
use crate::edit::Edit;
use crate::normalize::lines;
use crate::rules::{Context, Pass, Rule};
use crate::script::is_cjk_letter;
use crate::tokens::protected_spans;

pub const CJK_SPACING: Rule = Rule {
    id: "normalize/cjk-spacing",
    summary: "with spacing = add, one space between CJK and Latin letters or digits",
    explanation: "Off by default (`spacing = \"keep\"`): newspaper text never puts spaces between \
                  CJK and Latin. Under `spacing = \"add\"` a space is inserted wherever a CJK \
                  letter meets an ASCII letter or digit (or a `%` after a number), outside URLs \
                  and e-mail addresses.",
    example: ("第18期发布Rails版本\n", "第 18 期发布 Rails 版本\n"),
    finding_severity: None,
    example_config: || Config {
        spacing: Spacing::Add,
        ..Config::default()
    },
};

pub struct CjkSpacing;

fn is_latin_side(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '%'
}

impl Pass for CjkSpacing {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&CJK_SPACING]
    }

    fn propose(&self, text: &str, context: &mut Context) -> Vec<Edit> {
        if context.config.spacing != Spacing::Add {
            return Vec::new();
        }
        let mut edits = Vec::new();
        for (start, end) in lines(text) {
            let line = &text[start..end];
            let protected = protected_spans(line);
            let inside = |at: usize| protected.iter().any(|&(s, e)| s < at && at < e);
            let mut chars = line.char_indices().peekable();
            while let Some((_, c)) = chars.next() {
                let Some(&(at, next)) = chars.peek() else {
                    break;
                };
                let boundary = (is_cjk_letter(c) && next.is_ascii_alphanumeric())
                    || (is_latin_side(c) && is_cjk_letter(next));
                if boundary && !inside(at) {
                    let reason = "CJK meets Latin: pangu spacing";
                    edits.push(Edit::new(start + at, start + at, " ", &CJK_SPACING, reason));
                }
            }
        }
        edits
    }
}
