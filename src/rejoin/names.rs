//! Document evidence for Latin text: a name split across a break (`West` + `Bank`) is one
//! when its two words stand together on one line elsewhere in the same document. The Latin
//! counterpart of a dictionary word straddling a CJK break, with the document as dictionary.

use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

/// Pairs of adjacent words, the second capitalized, as they stand on the lines of a document.
#[derive(Debug, Default)]
pub struct NamePairs(HashSet<u64, BuildHasherDefault<DefaultHasher>>);

/// Quotes and brackets a word may open with.
const OPENING: [char; 5] = ['"', '“', '‘', '\'', '('];

/// The two words of a name, if `previous` and `word` could be one: the first ends without
/// punctuation (`Paris, France` and `said. The` are not), the second is a capitalized run of
/// letters (`Angeles`, `McDonald`), whatever punctuation follows it.
fn name_pair<'a>(previous: &'a str, word: &'a str) -> Option<(&'a str, &'a str)> {
    let first = previous.trim_start_matches(OPENING);
    let second = word
        .trim_start_matches(OPENING)
        .trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '”', '’', '\'', ')']);
    let capitalized =
        second.starts_with(char::is_uppercase) && second.chars().all(char::is_alphabetic);
    (first.chars().all(char::is_alphabetic) && !first.is_empty() && capitalized)
        .then_some((first, second))
}

fn key((first, second): (&str, &str)) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one((first, second))
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

    /// The last word of `before` and the first of `after` stand together elsewhere.
    pub fn straddle(&self, before: &str, after: &str) -> bool {
        let (Some(last), Some(first)) = (
            before.split_whitespace().next_back(),
            after.split_whitespace().next(),
        ) else {
            return false;
        };
        name_pair(last, first).is_some_and(|pair| self.0.contains(&key(pair)))
    }
}

#[cfg(test)]
mod tests {
    use super::NamePairs;

    #[test]
    fn a_pair_elsewhere_in_the_text_straddles_the_break() {
        let names = NamePairs::of(["Flights to “Los Angeles, Calif.” resumed", "in the West"]);
        assert!(names.straddle("east of Los", "Angeles, with storms"));
        assert!(!names.straddle("in the West", "Bank of the river"));
        // Punctuation between the words, a number or a lower-case second word is no name.
        let names = NamePairs::of(["Paris, France and 3 Pro and New York"]);
        assert!(!names.straddle("Paris,", "France"));
        assert!(!names.straddle("iPhone 3", "Pro"));
        assert!(!names.straddle("New", "york"));
        assert!(NamePairs::default().0.is_empty());
    }
}
