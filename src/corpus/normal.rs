//! The normal form blocks and articles are compared in: NFKC, lower case, numbers folded to 0,
//! punctuation and white space dropped (Latin words keep one space between them), so a
//! credit line with another date or a trail with another separator is the same block.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

pub fn block(text: &str) -> String {
    // Most clean text is NFKC already (full-width letters and digits are gone): then the
    // costly normalizing iterator is not needed.
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        fold(text.chars())
    } else {
        fold(text.nfkc())
    }
}

fn fold(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let (mut space, mut number) = (false, false);
    for c in chars.flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = true;
        } else if c.is_alphanumeric() {
            if space
                && c.is_ascii_alphanumeric()
                && out.ends_with(|p: char| p.is_ascii_alphanumeric())
            {
                out.push(' ');
            }
            // A number, however long, is one 0.
            if !(c.is_numeric() && number) {
                out.push(if c.is_numeric() { '0' } else { c });
            }
            number = c.is_numeric();
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
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
