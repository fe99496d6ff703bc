//! Layout: the canonical shape of a clean article. No indentation or trailing spaces, blocks
//! separated by exactly one blank line, no blank lines at the start, one final newline.

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::lines;
use crate::rules::{Context, Pass, Rule};
use crate::script::is_inline_space;

pub const TRIM: Rule = Rule {
    id: "layout/trim",
    summary: "remove indentation and trailing spaces",
    explanation: "White space at the start of a line (indentation, often ideographic spaces) \
                  and at its end is removed; a line of only white space becomes blank.",
    example: ("\u{3000}\u{3000}第一段。  \n", "第一段。\n"),
    finding_severity: None,
    example_config: Config::default,
};

pub const BLANK_LINES: Rule = Rule {
    id: "layout/blank-lines",
    summary: "exactly one blank line between blocks, one final newline",
    explanation: "Runs of blank lines become one, lines kept apart by rejoin get a blank line \
                  between them, blank lines at the start are removed and the text ends with \
                  exactly one newline.",
    example: (
        "\n\n标题\n第一段。\n\n\n\n第二段。",
        "标题\n\n第一段。\n\n第二段。\n",
    ),
    finding_severity: None,
    example_config: Config::default,
};

pub struct Trim;

impl Pass for Trim {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&TRIM]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        let mut edits = Vec::new();
        for (start, end) in lines(text) {
            let line = &text[start..end];
            let after_indent = line.trim_start_matches(is_inline_space);
            let indent = line.len() - after_indent.len();
            if indent > 0 {
                let reason = if after_indent.is_empty() {
                    "white-space-only line"
                } else {
                    "indentation"
                };
                edits.push(Edit::new(start, start + indent, "", &TRIM, reason));
            }
            let content = after_indent.trim_end_matches(is_inline_space);
            if !content.is_empty() && content.len() < after_indent.len() {
                let from = start + indent + content.len();
                edits.push(Edit::new(from, end, "", &TRIM, "trailing spaces"));
            }
        }
        edits
    }
}

pub struct BlankLines;

impl Pass for BlankLines {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&BLANK_LINES]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        let mut edits = Vec::new();
        let content = text.trim_start_matches('\n');
        let leading = text.len() - content.len();
        if content.is_empty() {
            if leading > 0 {
                edits.push(Edit::new(
                    0,
                    leading,
                    "",
                    &BLANK_LINES,
                    "a document of blank lines",
                ));
            }
            return edits;
        }
        if leading > 0 {
            edits.push(Edit::new(
                0,
                leading,
                "",
                &BLANK_LINES,
                "blank lines at the start",
            ));
        }
        let body_end = text.trim_end_matches('\n').len();
        let bytes = text.as_bytes();
        let mut i = leading;
        while i < body_end {
            if bytes[i] != b'\n' {
                i += 1;
                continue;
            }
            let run = bytes[i..body_end]
                .iter()
                .take_while(|&&b| b == b'\n')
                .count();
            match run {
                1 => edits.push(Edit::new(
                    i,
                    i + 1,
                    "\n\n",
                    &BLANK_LINES,
                    "separate blocks by a blank line",
                )),
                2 => {}
                _ => edits.push(Edit::new(
                    i,
                    i + run,
                    "\n\n",
                    &BLANK_LINES,
                    "a run of blank lines",
                )),
            }
            i += run;
        }
        match text.len() - body_end {
            0 => edits.push(Edit::new(
                body_end,
                body_end,
                "\n",
                &BLANK_LINES,
                "missing final newline",
            )),
            1 => {}
            _ => edits.push(Edit::new(
                body_end,
                text.len(),
                "\n",
                &BLANK_LINES,
                "blank lines at the end",
            )),
        }
        edits
    }
}
