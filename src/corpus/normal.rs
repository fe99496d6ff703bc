//! The normal form blocks and articles are compared in: NFKC, lower case, numbers folded to 0,
//! punctuation and white space dropped (Latin words keep one space between them), so a
//! credit line with another date or a trail with another separator is the same block.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

pub fn block(text: &str) -> String {
    folded(text).out
}

/// A text's normal form, and that of each of its lines (`str::lines`), in one reading.
pub struct Normalized {
    pub whole: String,
    pub lines: Vec<String>,
}

/// Normalizes every line once, and puts the whole together from the lines: equal to
/// [`block`] of the whole text, which folds across line breaks (a Latin word on each side
/// gets its space, a number broken over two lines stays one 0).
pub fn article(text: &str) -> Normalized {
    let mut whole = String::with_capacity(text.len());
    let mut lines = Vec::new();
    let mut number = false;
    for line in text.lines() {
        let folder = folded(line);
        if let Some(first_ascii) = folder.first_ascii {
            if first_ascii && whole.ends_with(|p: char| p.is_ascii_alphanumeric()) {
                whole.push(' ');
            }
            let continues_number = number && folder.out.starts_with('0');
            let mut rest = &folder.out[usize::from(continues_number)..];
            // After a space and a swallowed digit the whole ends in that space: the line's
            // own space after its first number is not pushed again.
            if whole.ends_with(' ') {
                rest = rest.strip_prefix(' ').unwrap_or(rest);
            }
            whole.push_str(rest);
            number = folder.number;
        }
        lines.push(folder.out);
    }
    Normalized { whole, lines }
}

fn folded(text: &str) -> Folder {
    // Chinese text is NFKC but for its full-width punctuation, whose compatibility mapping is
    // one ASCII character: mapped first, the text is usually NFKC already, and the costly
    // normalizing iterator is not needed. (Mapping a character to its compatibility
    // decomposition first never changes the NFKC form.)
    // ASCII and the unified ideographs are NFKC starters that nothing composes with, so the
    // quick check reads only the other characters. (Without those starters between them,
    // marks that were apart may meet and read as out of order: then the text takes the
    // normalizing iterator, which gives the same result, only slower.)
    // (Narrowing leaves ASCII as it is: only the other characters are read.)
    let others = (text.chars().filter(|c| !c.is_ascii()).map(narrow))
        .filter(|&c| !(c.is_ascii() || is_common_han(c)));
    if is_nfkc_quick(others) == IsNormalized::Yes {
        fold_narrowed(text)
    } else {
        fold(text.nfkc())
    }
}

/// [`fold`] of `text` with its characters narrowed (`narrow`), reading ASCII byte by byte.
fn fold_narrowed(text: &str) -> Folder {
    let mut folder = Folder::default();
    folder.out.reserve(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        rest.bytes().take(ascii).for_each(|b| folder.push_ascii(b));
        let mut others = rest[ascii..].chars();
        if let Some(c) = others.next() {
            folder.push_folded(narrow(c));
        }
        rest = others.as_str();
    }
    folder
}

/// A full-width form of an ASCII character (or the ideographic space) as that character.
fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// What folding needs to know of one (lower-case) character.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Space,
    Digit,
    Letter,
    Other,
}

/// The unified ideographs block: all letters, none with case.
fn is_common_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The punctuation of running text outside ASCII (dashes, curly quotes, the ellipsis and
/// CJK marks and brackets): neither letters, digits nor white space, and without case.
fn is_common_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3020}')
}

fn class(c: char) -> Class {
    // ASCII and Han first: nearly every character, and no table lookups.
    if c.is_ascii() {
        return match c {
            '0'..='9' => Class::Digit,
            'a'..='z' | 'A'..='Z' => Class::Letter,
            _ if c.is_ascii_whitespace() || c == '\x0b' => Class::Space,
            _ => Class::Other,
        };
    }
    if is_common_han(c) {
        Class::Letter
    } else if is_common_punctuation(c) {
        Class::Other
    } else if c.is_whitespace() {
        Class::Space
    } else if c.is_numeric() {
        Class::Digit
    } else if c.is_alphanumeric() {
        Class::Letter
    } else {
        Class::Other
    }
}

fn fold(chars: impl Iterator<Item = char>) -> Folder {
    let mut folder = Folder::default();
    chars.for_each(|c| folder.push_folded(c));
    folder
}

/// The folded text so far, and what the last characters were.
#[derive(Default)]
struct Folder {
    out: String,
    /// White space since the last letter or digit.
    space: bool,
    /// The last letter or digit was a digit.
    number: bool,
    /// Whether the first letter or digit was ASCII, once there is one.
    first_ascii: Option<bool>,
}

impl Folder {
    /// Adds one character, in lower case.
    fn push_folded(&mut self, c: char) {
        if c.is_ascii() || is_common_han(c) || is_common_punctuation(c) {
            self.push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(|c| self.push(c));
        }
    }

    /// Adds one ASCII character, in lower case: [`Folder::push`] without its table of classes.
    #[inline]
    fn push_ascii(&mut self, b: u8) {
        match b {
            b'0'..=b'9' => self.push_letter_or_digit('0', true),
            b'a'..=b'z' | b'A'..=b'Z' => {
                self.push_letter_or_digit(char::from(b.to_ascii_lowercase()), false);
            }
            b'\t'..=b'\r' | b' ' => self.space = true,
            _ => {}
        }
    }

    /// Adds one lower-case character.
    fn push(&mut self, c: char) {
        match class(c) {
            Class::Space => self.space = true,
            Class::Other => {}
            Class::Digit => self.push_letter_or_digit(c, true),
            Class::Letter => self.push_letter_or_digit(c, false),
        }
    }

    /// Adds a lower-case letter, or a digit (as `0`: a number, however long, is one 0).
    #[inline]
    fn push_letter_or_digit(&mut self, c: char, digit: bool) {
        self.first_ascii.get_or_insert(c.is_ascii_alphanumeric());
        // (The last byte of the output is the last character's when that is ASCII.)
        let after_word = (self.out.as_bytes().last()).is_some_and(u8::is_ascii_alphanumeric);
        if self.space && c.is_ascii_alphanumeric() && after_word {
            self.out.push(' ');
        }
        if !(digit && self.number) {
            self.out.push(if digit { '0' } else { c });
        }
        self.number = digit;
        self.space = false;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_article_is_its_lines_put_together() {
        let texts = [
            "Share this\nstory now\n\n2024\n年3月\n12\n34\n56 x\n",
            "  标题\n\n正文，第一段。\nword\n〇七\n٣ 4\r\nＡＢ\n",
            "",
            "\n\n",
            "a\n\nb 1\n\n2 c",
        ];
        // And random texts over the characters that matter at line edges.
        let alphabet = ['1', 'a', 'B', '中', ' ', '\n', '，', '٣', '〇', 'ｘ'];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let random: Vec<String> = (0..3000)
            .map(|_| {
                (0..12)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect()
            })
            .collect();
        for text in texts
            .iter()
            .copied()
            .chain(random.iter().map(String::as_str))
        {
            let article = super::article(text);
            assert_eq!(article.whole, super::block(text), "{text:?}");
            let lines: Vec<String> = text.lines().map(super::block).collect();
            assert_eq!(article.lines, lines);
        }
    }

    #[test]
    fn narrowing_first_keeps_the_nfkc_form() {
        use unicode_normalization::UnicodeNormalization;
        for c in ('\u{FF01}'..='\u{FF5E}').chain(['\u{3000}']) {
            assert_eq!(
                super::narrow(c).to_string(),
                c.to_string().nfkc().to_string()
            );
        }
        assert_eq!(super::block("ＡＢ，中文"), super::block("ab,中文"));
    }

    #[test]
    fn fast_classes_agree_with_the_standard_library() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let expected = if c.is_whitespace() {
                super::Class::Space
            } else if c.is_numeric() {
                super::Class::Digit
            } else if c.is_alphanumeric() {
                super::Class::Letter
            } else {
                super::Class::Other
            };
            assert!(super::class(c) == expected, "{c:?}");
        }
    }

    #[test]
    fn folds_punctuation_digits_and_width() {
        assert_eq!(
            super::block("责任编辑：王明（2024年3月）"),
            super::block("责任编辑:王明(2025年12月)")
        );
        assert_eq!(
            super::block("Share  this: Facebook | Twitter"),
            "share this facebook twitter"
        );
        assert_ne!(
            super::block("来源：海南日报"),
            super::block("来源：人民日报")
        );
    }
}
