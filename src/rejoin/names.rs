//! Document evidence for Latin text: a name split across a break (`West` + `Bank`) is one
//! when its two words stand together on one line elsewhere in the same document. The Latin
//! counterpart of a dictionary word straddling a CJK break, with the document as dictionary.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::hash::OfHash;

/// Pairs of adjacent capitalized words, as they stand on the lines of a document (hashed).
#[derive(Debug, Default)]
pub struct NamePairs(HashSet<u64, BuildHasherDefault<OfHash>>);

/// Quotes and brackets a word may open with.
const OPENING: [char; 5] = ['"', '“', '‘', '\'', '('];

/// The two words of a name, if `previous` and `word` could be one: both are capitalized runs
/// of letters (`Los Angeles`, `Michael McDonald`), the first without punctuation after it
/// (`Paris, France` and `Said. The` are not), the second with any.
fn name_pair<'a>(previous: &'a str, word: &'a str) -> Option<(&'a str, &'a str)> {
    let second = word.trim_start_matches(OPENING);
    // Most words are not capitalized: rejected before any trimming.
    if !second.starts_with(char::is_uppercase) {
        return None;
    }
    let second = second.trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '”', '’', '\'', ')']);
    let first = previous.trim_start_matches(OPENING);
    let is_name = |w: &str| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic);
    (is_name(first) && is_name(second)).then_some((first, second))
}

/// FNV-1a of the two words, a separator between.
fn key((first, second): (&str, &str)) -> u64 {
    let bytes = first.bytes().chain([0]).chain(second.bytes());
    bytes.fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl NamePairs {
    /// The pairs on `lines`.
    pub fn of<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut pairs = HashSet::default();
        for line in lines {
            let mut words = line.split_whitespace();
            let Some(mut previous) = words.next() else {
                continue;
            };
            for word in words {
                pairs.extend(name_pair(previous, word).map(key));
                previous = word;
            }
        }
        NamePairs(pairs)
    }

    /// The two words of a name cut by a break stand together elsewhere.
    pub fn contains(&self, pair: (&str, &str)) -> bool {
        self.0.contains(&key(pair))
    }
}

/// The last word of `before` and the first of `after`, if they could be a name.
pub fn pair_across<'a>(before: &'a str, after: &'a str) -> Option<(&'a str, &'a str)> {
    name_pair(
        before.split_whitespace().next_back()?,
        after.split_whitespace().next()?,
    )
}

#[cfg(test)]
mod tests {
    use super::{NamePairs, pair_across};

    /// The last word of `before` and the first of `after` stand together in `names`.
    fn straddle(names: &NamePairs, before: &str, after: &str) -> bool {
        pair_across(before, after).is_some_and(|pair| names.contains(pair))
    }

    #[test]
    fn a_pair_elsewhere_in_the_text_straddles_the_break() {
        let names = NamePairs::of(["Flights to “Los Angeles, Calif.” resumed", "in the West"]);
        assert!(straddle(&names, "east of Los", "Angeles, with storms"));
        assert!(!straddle(&names, "in the West", "Bank of the river"));
        // Punctuation between the words, a number or a lower-case second word is no name.
        let names = NamePairs::of(["Paris, France and 3 Pro and New York"]);
        assert!(!straddle(&names, "Paris,", "France"));
        assert!(!straddle(&names, "iPhone 3", "Pro"));
        assert!(!straddle(&names, "New", "york"));
        assert!(NamePairs::default().0.is_empty());
    }
}
