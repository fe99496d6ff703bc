//! Inside a line, every kind of space (NBSP, ideographic space, tabs, the typographic spaces)
//! becomes one ASCII space, and runs of spaces become one. Indentation and trailing spaces are
//! left to `layout/trim`, after rejoin has read them.

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::{lines, runs};
use crate::rules::{Pass, Rule};
use crate::script::is_inline_space;

pub const SPACE: Rule = Rule {
    id: "normalize/space",
    summary: "NBSP, ideographic and other spaces inside a line become one ASCII space",
    explanation: "A run of white space between two words of a line (NBSP U+00A0, ideographic \
                  space U+3000, tabs, en/em/thin spaces, or several ASCII spaces) becomes a \
                  single ASCII space. Spaces at the start or end of a line are `layout/trim`'s.",
    example: ("何慧\u{3000}\u{3000}刘琦\u{A0}李珍\n", "何慧 刘琦 李珍\n"),
    example_config: Config::default,
};

pub struct Space;

impl Pass for Space {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&SPACE]
    }

    fn propose(&self, text: &str, _: &Config) -> Vec<Edit> {
        let mut edits = Vec::new();
        for (start, end) in lines(text) {
            let line = &text[start..end];
            let content = line.trim_matches(is_inline_space);
            if content.is_empty() {
                continue;
            }
            let offset = start + (content.as_ptr() as usize - line.as_ptr() as usize);
            for (a, b) in runs(content, is_inline_space) {
                let run = &content[a..b];
                if run == " " {
                    continue;
                }
                let reason = describe(run);
                edits.push(Edit::new(offset + a, offset + b, " ", &SPACE, reason));
            }
        }
        edits
    }
}

fn describe(run: &str) -> String {
    let kinds: Vec<String> = run
        .chars()
        .map(|c| match c {
            ' ' => "space".to_string(),
            '\t' => "tab".to_string(),
            '\u{A0}' => "NBSP".to_string(),
            '\u{3000}' => "ideographic space".to_string(),
            c => format!("U+{:04X}", c as u32),
        })
        .collect();
    format!("{} → one space", kinds.join(" + "))
}
