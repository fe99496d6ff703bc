//! Traditional Chinese read in simplified characters, so that the dictionary, which holds
//! simplified words, finds the words of text from Taiwan and Hong Kong too.

use std::borrow::Cow;
use std::sync::OnceLock;

/// Pairs of a traditional character and its simplified form, one a line (`#` opens a comment).
const PAIRS: &str = include_str!("t2s.txt");

/// The pairs, sorted by their traditional character.
fn table() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = PAIRS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut chars = line.chars();
                let traditional = chars.next()?;
                let simplified = chars.nth(1)?;
                Some((traditional, simplified))
            })
            .collect();
        pairs.sort_unstable();
        pairs
    })
}

fn simplified_char(c: char) -> Option<char> {
    // (Every character of the table is a three-byte one.)
    if c.len_utf8() != 3 {
        return None;
    }
    let table = table();
    let at = table.binary_search_by_key(&c, |&(t, _)| t).ok()?;
    Some(table[at].1)
}

/// `text` with every traditional character in its simplified form. Character for
/// character and byte for byte: offsets into `text` hold in the result.
pub fn simplified(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| simplified_char(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| simplified_char(c).unwrap_or(c))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::{PAIRS, simplified};

    #[test]
    fn traditional_characters_are_read_simplified() {
        assert_eq!(simplified("據記者介紹"), "据记者介绍");
        assert_eq!(simplified("會議結束後"), "会议结束后");
        // Simplified text, Latin letters and punctuation are left as they are.
        assert!(matches!(
            simplified("据记者介绍，A股。"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(simplified("臺灣 AI，"), "台湾 AI，");
    }

    #[test]
    fn every_pair_keeps_the_length() {
        let pairs = PAIRS.lines().filter(|line| !line.starts_with('#'));
        for line in pairs {
            let (traditional, simplified) = line.split_once(' ').expect("a pair");
            assert_eq!(traditional.chars().count(), 1, "{line}");
            assert_eq!(traditional.len(), simplified.len(), "{line}");
        }
    }
}
