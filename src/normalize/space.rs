//! Inside a line, every kind of space (NBSP, ideographic space, tabs, the typographic spaces)
//! becomes one ASCII space, runs of spaces become one, and a space between full-width
//! punctuation and Chinese text goes (full-width marks carry their own spacing). Indentation
//! and trailing spaces are left to `layout/trim`, after rejoin has read them. Markdown table
//! rows keep their alignment.

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::{lines, runs};
use crate::rules::{Context, Pass, Rule};
use crate::script::{count_chars, is_cjk_punct, is_fullwidth_script, is_inline_space};

pub const SPACE: Rule = Rule {
    id: "normalize/space",
    summary: "NBSP, ideographic and other spaces inside a line become one ASCII space",
    explanation: "A run of white space between two words of a line (NBSP U+00A0, ideographic \
                  space U+3000, tabs, en/em/thin spaces, or several ASCII spaces) becomes a \
                  single ASCII space; between full-width punctuation and Chinese text it is \
                  removed. Spaces at the start or end of a line are `layout/trim`'s; Markdown \
                  table rows are left alone.",
    example: (
        "何慧\u{3000}\u{3000}刘琦\u{A0}李珍， 图片\n",
        "何慧 刘琦 李珍，图片\n",
    ),
    finding_severity: None,
    example_config: Config::default,
};

pub struct Space;

impl Pass for Space {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&SPACE]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        let mut edits = Vec::new();
        for (start, end) in lines(text) {
            let line = &text[start..end];
            let content = line.trim_matches(is_inline_space);
            if content.is_empty() || content.starts_with('|') {
                continue;
            }
            // Nothing to change in a line whose only white space is single ASCII spaces, and
            // that has no full-width punctuation for a space to stand beside (its forms open
            // with 0xE3 or 0xEF): the common line of English.
            let (chars, visible) = count_chars(content);
            let ascii_spaces = content.bytes().filter(|&b| b == b' ').count();
            let beside_fullwidth = content.bytes().any(|b| b == 0xE3 || b == 0xEF);
            if chars - visible == ascii_spaces && !content.contains("  ") && !beside_fullwidth {
                continue;
            }
            let offset = start + (content.as_ptr() as usize - line.as_ptr() as usize);
            for (a, b) in runs(content, is_inline_space) {
                let run = &content[a..b];
                let before = content[..a].chars().next_back();
                let after = content[b..].chars().next();
                let edit = if beside_fullwidth_punct(before, after) {
                    let reason = format!("{} beside full-width punctuation", describe(run));
                    Edit::new(offset + a, offset + b, "", &SPACE, reason)
                } else if run != " " {
                    let reason = format!("{} → one space", describe(run));
                    Edit::new(offset + a, offset + b, " ", &SPACE, reason)
                } else {
                    continue;
                };
                edits.push(edit);
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
    kinds.join(" + ")
}

/// A space between full-width punctuation and Chinese text (on either side). Dashes and
/// ellipses are left alone: they are set with spaces in mixed text.
fn beside_fullwidth_punct(before: Option<char>, after: Option<char>) -> bool {
    let punct = |c: Option<char>| c.is_some_and(|c| is_cjk_punct(c) && !matches!(c, '—' | '…'));
    let chinese = |c: Option<char>| c.is_some_and(is_fullwidth_script);
    (punct(before) && chinese(after)) || (chinese(before) && punct(after))
}
