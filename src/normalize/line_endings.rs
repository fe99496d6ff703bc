//! CRLF and lone CR line endings become LF, so every later pass sees one kind of line.

use crate::config::Config;
use crate::edit::Edit;
use crate::rules::{Context, Pass, Rule};

pub const LINE_ENDINGS: Rule = Rule {
    id: "normalize/line-endings",
    summary: "CRLF and lone CR line endings become LF",
    explanation: "Windows (CRLF) and old Mac (CR) line endings are rewritten as LF, the only line \
                  ending of the canonical form.",
    example: ("第一段。\r\n\r\n第二段。\r\n", "第一段。\n\n第二段。\n"),
    finding_severity: None,
    example_config: Config::default,
};

pub struct LineEndings;

impl Pass for LineEndings {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&LINE_ENDINGS]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        let bytes = text.as_bytes();
        let mut edits = Vec::new();
        for (i, _) in text.match_indices('\r') {
            edits.push(if bytes.get(i + 1) == Some(&b'\n') {
                Edit::new(i, i + 1, "", &LINE_ENDINGS, "CRLF line ending")
            } else {
                Edit::new(i, i + 1, "\n", &LINE_ENDINGS, "lone CR line ending")
            });
        }
        edits
    }
}
