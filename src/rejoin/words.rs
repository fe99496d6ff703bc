//! Dictionary evidence: a Chinese word that straddles a line break says the break is a wrap.
//! The jieba dictionary (segmentation with the HMM off, so only dictionary words count) holds
//! simplified words: traditional text is segmented in simplified characters.

use crate::rejoin::dictionary::dictionary;
use crate::rejoin::evidence::{CJK_CONTINUING_WORDS, CJK_FUNCTION_WORDS};
use crate::rejoin::simplified::simplified;
use crate::script::{head, is_cjk_letter, tail};

/// `read` of the dictionary segmentation of `text` (in simplified characters, which are as
/// many as `text` has).
fn segmented<R>(text: &str, read: impl FnOnce(Vec<&str>) -> R) -> R {
    read(dictionary().cut(&simplified(text)))
}

/// How many characters each side of the break are segmented.
const CONTEXT: usize = 4;

/// A dictionary word of two or more characters crosses the boundary between `before` and
/// `after` (`…生态公` + `园…`), with Chinese letters on both sides of it. (Latin letters on
/// both sides are one run to the segmenter whatever the break: `Berg` + `Lukas`.)
pub fn word_straddles(before: &str, after: &str) -> bool {
    let (tail, head) = (tail(before, CONTEXT), head(after, CONTEXT));
    if !tail.ends_with(is_cjk_letter) || !head.starts_with(is_cjk_letter) {
        return false;
    }
    let boundary = tail.chars().count();
    segmented(&format!("{tail}{head}"), |words| {
        let mut at = 0;
        for word in words {
            let len = word.chars().count();
            if at < boundary && boundary < at + len && len >= 2 {
                return true;
            }
            at += len;
        }
        false
    })
}

/// Whether `word` is in the dictionary (a name seldom is: `赵明`, but not `综述`).
pub fn is_dictionary_word(word: &str) -> bool {
    dictionary().has_word(&simplified(word))
}

/// Chinese text ends on a function word (`…始终以`, `…改革和`), read as the last word of
/// the dictionary segmentation of its last characters.
pub fn ends_on_cjk_function_word(text: &str) -> bool {
    let last = simplified(tail(text, CONTEXT));
    last.ends_with(|c: char| CJK_FUNCTION_WORDS.iter().any(|w| w.ends_with(c)))
        && edge_word_in(&last, CJK_FUNCTION_WORDS, Edge::Last)
}

/// Chinese text starts with a word that continues what came before (`和后勤保障`,
/// `等多项工作`), read as the first word of the segmentation of its first characters.
pub fn starts_with_continuing_word(text: &str) -> bool {
    let first = simplified(head(text, CONTEXT));
    first.starts_with(|c: char| CJK_CONTINUING_WORDS.iter().any(|w| w.starts_with(c)))
        && edge_word_in(&first, CJK_CONTINUING_WORDS, Edge::First)
}

/// Words that open an adverbial frame (`随着…`, `在…中`, `为了…`, `为…`): a sentence's lead.
const FRAME_OPENERS: &[&str] = &[
    "随着", "在", "当", "为了", "根据", "通过", "由于", "如果", "对于", "按照", "截至", "自从",
    "经过", "面对", "针对", "据", "从", "自", "为",
];

/// Words that close a frame of time (`…之后`, `…以来`).
const FRAME_CLOSERS: &[&str] = &[
    "时", "后", "以后", "之后", "以来", "期间", "之际", "前夕", "时候", "当天", "当日",
];

/// `clause` is an adverbial frame by its dictionary segmentation: it opens with a
/// preposition of one (`随着天气的转暖`, `在各个街道中`, `为确保安全`) or closes on a word of time
/// (`得知情况后`).
pub fn is_adverbial_frame(clause: &str) -> bool {
    segmented(clause, |cut| {
        cut.first().is_some_and(|w| FRAME_OPENERS.contains(w))
            || cut.last().is_some_and(|w| FRAME_CLOSERS.contains(w))
    })
}

enum Edge {
    First,
    Last,
}

/// Whether the first or last word of the dictionary segmentation of `part` is in `words`.
fn edge_word_in(part: &str, words: &[&str], edge: Edge) -> bool {
    segmented(part, |cut| {
        let word = match edge {
            Edge::First => cut.first(),
            Edge::Last => cut.last(),
        };
        word.is_some_and(|word| words.contains(word))
    })
}

/// Whether the dictionary segmentation of `clause` has a word covering the characters at
/// `index` and `index + 1` (`常常`, `地地道道`).
pub fn covered_by_word(clause: &str, index: usize) -> bool {
    segmented(clause, |words| {
        let mut at = 0;
        for word in words {
            let len = word.chars().count();
            if at <= index && index + 1 < at + len {
                return true;
            }
            at += len;
        }
        false
    })
}

/// If the segmentation of `clause` puts a boundary between the characters at `index` and
/// `index + 1`, with words of two or more characters on both sides: their dictionary
/// frequencies (the left word's, or that of its last two characters if that is a word: a
/// long name such as 海南日报 ends in the common 日报).
pub fn words_meeting_at(clause: &str, index: usize) -> Option<(usize, usize)> {
    segmented(clause, |tokens| words_meeting_in(&tokens, index))
}

fn words_meeting_in(words: &[&str], index: usize) -> Option<(usize, usize)> {
    let dictionary = dictionary();
    let mut at = 0;
    for pair in words.windows(2) {
        let left = pair[0].chars().count();
        at += left;
        if at == index + 1 {
            let right = pair[1].chars().count();
            let tail = tail(pair[0], 2);
            let tail_freq = if dictionary.has_word(tail) {
                dictionary.suggested_frequency(tail)
            } else {
                0
            };
            let left_freq = dictionary.suggested_frequency(pair[0]).max(tail_freq);
            return (left >= 2 && right >= 2)
                .then(|| (left_freq, dictionary.suggested_frequency(pair[1])));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{
        covered_by_word, ends_on_cjk_function_word, is_adverbial_frame,
        starts_with_continuing_word, word_straddles,
    };

    #[test]
    fn doubled_characters() {
        assert!(covered_by_word("大家常常见面", 2));
        assert!(covered_by_word("他地地道道的", 1));
        assert!(!covered_by_word("努力的的成果", 2));
        assert!(!covered_by_word("省地地质局", 1));
        assert!(!covered_by_word("市妇儿儿童乐园", 2));
    }

    #[test]
    fn words_across_the_break() {
        assert!(word_straddles("新建城市生态公", "园"));
        assert!(word_straddles("市政府引导各区机", "关单位参与"));
        assert!(!word_straddles("完善服务保障体系", "健全长效机制"));
        assert!(!word_straddles("", "健全"));
        // Latin letters run on whatever the break; a name ends where its line does.
        assert!(!word_straddles("插图：Anna Berg", "Lukas Meyer一开始"));
    }

    #[test]
    fn traditional_text_is_segmented_too() {
        assert!(word_straddles("新建城市生態公", "園"));
        assert!(word_straddles("市政府引導各區機", "關單位參與"));
        assert!(!word_straddles("完善服務保障體系", "健全長效機制"));
        assert!(is_adverbial_frame("根據會議安排"));
        assert!(ends_on_cjk_function_word("全面推進改革和"));
        assert!(starts_with_continuing_word("等多項任務"));
    }

    #[test]
    fn function_words_at_the_end() {
        assert!(ends_on_cjk_function_word("全面推进改革和"));
        assert!(ends_on_cjk_function_word("市里始终以"));
        assert!(ends_on_cjk_function_word("这次会议的"));
        // An adverb waits for its verb; a word that ends in the same character does not.
        assert!(ends_on_cjk_function_word("各方面的准备工作都"));
        assert!(!ends_on_cjk_function_word("代表团昨天抵达首都"));
        assert!(
            ends_on_cjk_function_word("他们三天前就") && ends_on_cjk_function_word("这项工程才")
        );
        assert!(!ends_on_cjk_function_word("爱情不再") && !ends_on_cjk_function_word("有借有还"));
        // The same characters ending a longer word end nothing.
        assert!(!ends_on_cjk_function_word("这样做也可以"));
        assert!(!ends_on_cjk_function_word("问题的关键在于"));
        assert!(!ends_on_cjk_function_word("世界和平"));
        assert!(!ends_on_cjk_function_word(""));
    }

    #[test]
    fn continuing_words_at_the_start() {
        assert!(starts_with_continuing_word("和典型经验"));
        assert!(starts_with_continuing_word("等多项任务"));
        assert!(!starts_with_continuing_word("和平发展"));
        assert!(!starts_with_continuing_word("等待结果"));
        assert!(!starts_with_continuing_word("与会代表"));
        assert!(!starts_with_continuing_word(""));
        // Particles that follow a verb or an adverb, and words that merely open with them.
        assert!(
            starts_with_continuing_word("了还派了两名医生")
                && starts_with_continuing_word("地推进改革")
        );
        assert!(
            !starts_with_continuing_word("了解情况") && !starts_with_continuing_word("地区经济")
        );
        assert!(
            !starts_with_continuing_word("得到支持") && !starts_with_continuing_word("着力推进")
        );
    }
}
