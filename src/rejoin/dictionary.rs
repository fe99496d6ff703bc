//! The jieba dictionary, read in place, and jieba's segmentation with the HMM off.
//!
//! Building jieba-rs's trie took 0.13 s of every run: most of a one-file `check`, and serial
//! time while the other threads waited for it. The words here (`dict.txt`, jieba's own, MIT
//! licensed: see `dict.LICENSE`) are sorted by their bytes, so a lookup is a binary search, and
//! reading them is one pass that notes where each line starts. The segmentation is jieba's,
//! and a test holds it to jieba-rs's:
//! - a run of Han letters, ASCII letters, digits and `+#&._%-` is cut along the likeliest route
//!   through the dictionary words in it, by their frequencies (a letter no word covers counts
//!   as a word of frequency one);
//! - ASCII letters and digits that the route leaves one by one are one word;
//! - every other character is a word of its own (`\r\n` is one).

use std::sync::OnceLock;

/// `word frequency` lines, sorted by the words' bytes.
const WORDS: &str = include_str!("dict.txt");

/// The dictionary: where each line of [`WORDS`] starts, where the words opening on each letter
/// of the Basic Multilingual Plane start (those on a letter past it start at the last entry),
/// and the logarithm of all frequencies.
pub struct Dictionary {
    lines: Vec<u32>,
    by_first_letter: Vec<u32>,
    log_total: f64,
}

/// Letters of the Basic Multilingual Plane, which [`Dictionary::by_first_letter`] indexes.
const PLANE: usize = 0x1_0000;

/// The dictionary, read the first time it is needed.
pub fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(Dictionary::read)
}

/// The best route from a letter to the end of its run: its log-probability, and where the
/// word from the letter ends.
#[derive(Clone, Copy)]
struct Step {
    prob: f64,
    end: usize,
}

impl Dictionary {
    fn read() -> Self {
        let mut lines = Vec::with_capacity(WORDS.len() / 12);
        let mut by_first_letter = vec![u32::MAX; PLANE + 1];
        let mut total = 0usize;
        let mut at = 0;
        for line in WORDS.split_terminator('\n') {
            let letter = (line.chars().next().map_or(0, u32::from) as usize).min(PLANE);
            by_first_letter[letter] = by_first_letter[letter].min(lines.len() as u32);
            lines.push(at as u32);
            at += line.len() + 1;
            total += frequency_in(line);
        }
        // A letter no word opens on starts where the next letter's words do.
        let mut next = lines.len() as u32;
        for start in by_first_letter.iter_mut().rev() {
            next = next.min(*start);
            *start = next;
        }
        Dictionary {
            lines,
            by_first_letter,
            log_total: (total as f64).ln(),
        }
    }

    fn line(&self, k: usize) -> &'static str {
        let start = self.lines[k] as usize;
        let end = self
            .lines
            .get(k + 1)
            .map_or(WORDS.len(), |&next| next as usize)
            - 1;
        &WORDS[start..end]
    }

    fn word(&self, k: usize) -> &'static str {
        let line = self.line(k);
        line.split_once(' ').map_or(line, |(word, _)| word)
    }

    /// The first of the words `from..to` for which `before` fails; it holds of a prefix of them.
    fn partition(&self, from: usize, to: usize, before: impl Fn(&str) -> bool) -> usize {
        let (mut low, mut high) = (from, to);
        while low < high {
            let middle = low + (high - low) / 2;
            if before(self.word(middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// The frequency of `word`, if the dictionary holds it.
    pub fn frequency(&self, word: &str) -> Option<usize> {
        let k = self.partition(0, self.lines.len(), |w| w < word);
        (k < self.lines.len() && self.word(k) == word).then(|| frequency_in(self.line(k)))
    }

    /// Whether the dictionary holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.frequency(word).is_some()
    }

    /// The dictionary words `run[bounds[0]..bounds[i]]`, as (`i`, the word's frequency),
    /// shortest first. The words that go on from a prefix follow it in the sorted list, so each
    /// longer prefix searches only among those.
    fn words_opening(&self, run: &str, bounds: &[usize], found: &mut Vec<(usize, usize)>) {
        found.clear();
        let letter = run[bounds[0]..].chars().next().map_or(0, u32::from) as usize;
        let (mut low, mut high) = match self.by_first_letter.get(letter..letter + 2) {
            Some(&[from, to]) => (from as usize, to as usize),
            _ => (self.by_first_letter[PLANE] as usize, self.lines.len()),
        };
        for (i, &end) in bounds.iter().enumerate().skip(1) {
            let prefix = &run[bounds[0]..end];
            low = self.partition(low, high, |word| word < prefix);
            high = self.partition(low, high, |word| word.starts_with(prefix));
            if low == high {
                break;
            }
            if self.word(low) == prefix {
                found.push((i, frequency_in(self.line(low))));
            }
        }
    }

    /// The dictionary segmentation of `text` (jieba's `cut` with the HMM off).
    pub fn cut<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let mut words = Vec::new();
        let mut rest = text;
        while let Some(first) = rest.chars().next() {
            let segmented = is_segmented(first);
            let len = rest
                .find(|c| is_segmented(c) != segmented)
                .unwrap_or(rest.len());
            let (run, after) = rest.split_at(len);
            if segmented {
                self.cut_run(run, &mut words);
            } else {
                let mut chars = run.char_indices().peekable();
                while let Some((at, c)) = chars.next() {
                    let crlf = c == '\r' && chars.next_if(|&(_, next)| next == '\n').is_some();
                    words.push(&run[at..at + c.len_utf8() + usize::from(crlf)]);
                }
            }
            rest = after;
        }
        words
    }

    /// Cuts a run of segmented characters along its likeliest route through the dictionary.
    fn cut_run<'t>(&self, run: &'t str, words: &mut Vec<&'t str>) {
        let bounds: Vec<usize> = run
            .char_indices()
            .map(|(at, _)| at)
            .chain([run.len()])
            .collect();
        let n = bounds.len() - 1;
        let mut route = vec![Step { prob: 0.0, end: n }; n + 1];
        let mut found = Vec::new();
        for start in (0..n).rev() {
            self.words_opening(run, &bounds[start..], &mut found);
            let mut best: Option<Step> = None;
            for &(len, frequency) in &found {
                let end = start + len;
                let prob = (frequency as f64).ln() - self.log_total + route[end].prob;
                if best.is_none_or(|b| prob > b.prob || (prob == b.prob && end > b.end)) {
                    best = Some(Step { prob, end });
                }
            }
            route[start] = best.unwrap_or(Step {
                prob: (0.0 - self.log_total) + route[start + 1].prob,
                end: start + 1,
            });
        }
        let mut letters = None;
        let mut at = 0;
        while at < n {
            let end = route[at].end;
            let alphanumeric = run.as_bytes()[bounds[at]].is_ascii_alphanumeric();
            if end == at + 1 && alphanumeric {
                letters.get_or_insert(at);
            } else {
                if let Some(from) = letters.take() {
                    words.push(&run[bounds[from]..bounds[at]]);
                }
                words.push(&run[bounds[at]..bounds[end]]);
            }
            at = end;
        }
        if let Some(from) = letters {
            words.push(&run[bounds[from]..]);
        }
    }

    /// A frequency that would keep `segment` one word (jieba's `suggest_freq`): more than its
    /// parts' together, or its own.
    pub fn suggested_frequency(&self, segment: &str) -> usize {
        let parts = self.cut(segment).iter().fold(0f64, |log, part| {
            log + (self.frequency(part).unwrap_or(1) as f64).ln() - self.log_total
        });
        ((parts + self.log_total).exp() as usize + 1).max(self.frequency(segment).unwrap_or(1))
    }
}

/// The frequency on a line of [`WORDS`].
fn frequency_in(line: &str) -> usize {
    line.rsplit(' ')
        .next()
        .and_then(|f| f.parse().ok())
        .unwrap_or(0)
}

/// Characters segmentation joins into words: Han letters, ASCII letters and digits, `+#&._%-`.
fn is_segmented(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
        || matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::dictionary;
    use jieba_rs::Jieba;

    /// Every line of the bundled articles and wrapped fixtures, and every window of eight
    /// characters in them: what scour segments is a line's edge or a clause.
    fn texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["examples/articles", "fixtures/wrapped", "fixtures/samples"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(path).unwrap();
                for line in text.split_inclusive('\n') {
                    let chars: Vec<char> = line.chars().collect();
                    texts.push(line.to_string());
                    for window in chars.windows(8).step_by(3) {
                        texts.push(window.iter().collect());
                    }
                }
            }
        }
        texts
    }

    #[test]
    fn segments_as_jieba_does() {
        let jieba = Jieba::new();
        let texts = texts();
        assert!(texts.len() > 10_000, "{} texts", texts.len());
        for text in &texts {
            let theirs: Vec<&str> = jieba.cut(text, false).iter().map(|t| t.word).collect();
            assert_eq!(dictionary().cut(text), theirs, "{text:?}");
        }
        for word in texts.iter().flat_map(|text| dictionary().cut(text)) {
            assert_eq!(
                dictionary().has_word(word),
                jieba.has_word(word),
                "{word:?}"
            );
            assert_eq!(
                dictionary().suggested_frequency(word),
                jieba.suggest_freq(word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn segments_made_up_text_as_jieba_does() {
        // Letters that make many words together, and the characters that end or split a run.
        let letters: Vec<char> = "中国人民大学生活动物理发展改革开放市场经济会议和的了在\
                                  aZ09+#&._%- \t\r\n，。、“”《》(）𠀀𪚥"
            .chars()
            .collect();
        let jieba = Jieba::new();
        let mut state = 0x2545_f491_u64;
        for _ in 0..20_000 {
            let text: String = (0..12)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    letters[(state % letters.len() as u64) as usize]
                })
                .collect();
            let theirs: Vec<&str> = jieba.cut(&text, false).iter().map(|t| t.word).collect();
            assert_eq!(dictionary().cut(&text), theirs, "{text:?}");
        }
    }

    #[test]
    fn looks_words_up() {
        let words = dictionary();
        assert!(words.has_word("我们") && words.has_word("4S店"));
        assert!(!words.has_word("我们的") && !words.has_word("") && !words.has_word("\u{10FFFF}"));
        assert_eq!(words.cut(""), Vec::<&str>::new());
    }
}
