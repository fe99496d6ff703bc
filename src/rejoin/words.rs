//! Dictionary evidence: a Chinese word that straddles a line break says the break is a wrap.
//! The jieba dictionary (segmentation with the HMM off, so only dictionary words count) is
//! loaded once, the first time a document needs it.

use std::sync::OnceLock;

use jieba_rs::Jieba;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// How many characters each side of the break are segmented.
const CONTEXT: usize = 4;

/// A dictionary word of two or more characters crosses the boundary between `before` and
/// `after` (`…战斗堡` + `垒…`).
pub fn word_straddles(before: &str, after: &str) -> bool {
    let tail: Vec<char> = before.chars().rev().take(CONTEXT).collect();
    let head: String = after.chars().take(CONTEXT).collect();
    if tail.is_empty() || head.is_empty() {
        return false;
    }
    let text: String = tail
        .iter()
        .rev()
        .chain(head.chars().collect::<Vec<_>>().iter())
        .collect();
    let boundary = tail.len();
    let mut at = 0;
    for word in jieba().cut(&text, false) {
        let len = word.word.chars().count();
        if at < boundary && boundary < at + len && len >= 2 {
            return true;
        }
        at += len;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::word_straddles;

    #[test]
    fn words_across_the_break() {
        assert!(word_straddles("打造硬核战斗堡", "垒"));
        assert!(word_straddles(
            "省委省直机关工委引导省直机",
            "关各单位党组织"
        ));
        assert!(!word_straddles("构建多维同频格局", "健全“三化”机制"));
        assert!(!word_straddles("", "健全"));
    }
}
