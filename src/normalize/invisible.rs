//! Invisible characters (BOM, zero-width, bidi and control characters) are removed: they break
//! matching and deduplication and a reader never sees them.

use crate::config::Config;
use crate::edit::Edit;
use crate::rules::{Context, Pass, Rule};

pub const INVISIBLE: Rule = Rule {
    id: "normalize/invisible",
    summary: "remove BOM, zero-width, bidi and control characters",
    explanation: "Removes U+FEFF (byte-order mark), zero-width spaces and joiners, the word \
                  joiner, soft hyphens, bidirectional marks and C0/C1 control characters other \
                  than LF and TAB. A zero-width joiner inside an emoji sequence is kept.",
    example: ("\u{FEFF}海南\u{200B}自贸港。\n", "海南自贸港。\n"),
    finding_severity: None,
    example_config: Config::default,
};

pub struct Invisible;

/// Why `c` is removed, or `None` to keep it. `prev` is the character before it.
fn removal_reason(c: char, prev: Option<char>) -> Option<&'static str> {
    Some(match c {
        '\u{FEFF}' => "byte-order mark / zero-width no-break space",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' if prev.is_some_and(is_emoji) => return None,
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' | '\u{180E}' => "invisible word joiner",
        '\u{00AD}' => "soft hyphen",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "bidirectional control"
        }
        '\n' | '\t' | '\r' => return None,
        c if c.is_control() => "control character",
        _ => return None,
    })
}

/// A character this rule removes wherever it stands (the emoji joiner aside).
pub fn is_invisible(c: char) -> bool {
    removal_reason(c, None).is_some()
}

fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}')
}

impl Pass for Invisible {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&INVISIBLE]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        // A run of one character is one edit (a file of a million zero-width spaces is not a
        // million edits): its span, the character, why, and how many.
        let mut runs: Vec<(usize, usize, char, &str, usize)> = Vec::new();
        // Every character this rule removes is a control character or opens with 0xC2,
        // 0xE1, 0xE2 or 0xEF (the first byte of a character): only those are decoded.
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if !(b < 0x20 || b == 0x7F || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xEF)) {
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                continue;
            };
            let prev = text[..i].chars().next_back();
            let Some(reason) = removal_reason(c, prev) else {
                continue;
            };
            match runs.last_mut() {
                Some((_, end, last, _, count)) if *end == i && *last == c => {
                    *end += c.len_utf8();
                    *count += 1;
                }
                _ => runs.push((i, i + c.len_utf8(), c, reason, 1)),
            }
        }
        let edits = runs.into_iter().map(|(start, end, c, reason, count)| {
            let code = c as u32;
            let reason = match count {
                1 => format!("{reason} U+{code:04X}"),
                n => format!("{reason} U+{code:04X}, {n} in a row"),
            };
            Edit::new(start, end, "", &INVISIBLE, reason)
        });
        edits.collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> usize {
        let config = Config::default();
        Invisible
            .propose(text, &mut Context::new(&config, &[]))
            .len()
    }

    #[test]
    fn every_character_the_rule_removes_is_found_on_its_first_byte() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let expected = usize::from(removal_reason(c, Some('a')).is_some());
            assert_eq!(removed(&format!("a{c}b")), expected, "{c:?}");
        }
        // A joiner inside an emoji sequence stays.
        assert_eq!(removed("👩\u{200D}🔧 \u{200D}x"), 1);
    }

    #[test]
    fn a_run_of_one_character_is_one_edit() {
        let config = Config::default();
        let text = "a\u{200B}\u{200B}\u{200B}b\u{200B}\u{FEFF}c";
        let edits = Invisible.propose(text, &mut Context::new(&config, &[]));
        let spans: Vec<_> = edits.iter().map(|e| (e.start, e.end)).collect();
        assert_eq!(spans, [(1, 10), (11, 14), (14, 17)]);
        assert_eq!(edits[0].reason, "zero-width space U+200B, 3 in a row");
        assert_eq!(edits[1].reason, "zero-width space U+200B");
    }
}
