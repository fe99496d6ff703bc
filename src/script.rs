//! Character classes that every rule agrees on: what counts as CJK, as Latin, as a quote.
//!
//! Keeping them in one place means "CJK context" means the same thing to punctuation width,
//! the connector rule, spacing and rejoin.

/// A Han ideograph (including the extension blocks and `〇`).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}'
        | '\u{3007}')
}

/// Whether `text` may hold a Han character: the UTF-8 form of one opens with a byte from
/// 0xE3 to 0xF0, which no ASCII, Latin, Greek or Cyrillic letter has, nor general
/// punctuation (curly quotes, dashes). Read on the bytes, without a branch.
pub fn may_hold_han(text: &str) -> bool {
    text.bytes()
        .fold(false, |any, b| any | (b.wrapping_sub(0xE3) <= 0xF0 - 0xE3))
}

/// Whether `text` may hold a CJK letter ([`is_cjk_letter`]): the UTF-8 form of one opens with
/// 0xE1, 0xE3 to 0xED, 0xEF or 0xF0, which no Latin letter has, nor curly quotes or dashes.
/// (Read without a branch.)
pub fn may_hold_cjk_letter(text: &str) -> bool {
    text.bytes().fold(false, |any, b| {
        any | (b == 0xE1) | (b.wrapping_sub(0xE3) <= 0xED - 0xE3) | (b == 0xEF) | (b == 0xF0)
    })
}

/// Han, kana or hangul: a letter of CJK running text.
pub fn is_cjk_letter(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3040}'..='\u{30FF}'     // hiragana, katakana
            | '\u{31F0}'..='\u{31FF}'   // katakana phonetic extensions
            | '\u{AC00}'..='\u{D7AF}'   // hangul syllables
            | '\u{1100}'..='\u{11FF}'   // hangul jamo
            | '\u{3130}'..='\u{318F}') // hangul compatibility jamo
}

/// Punctuation that only occurs in CJK text: the CJK symbols block and the full-width
/// punctuation of the half-/full-width forms block.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{303F}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '…' | '—')
}

/// A character that makes its neighbourhood CJK text.
pub fn is_cjk(c: char) -> bool {
    is_cjk_letter(c) || is_cjk_punct(c)
}

/// Chinese and Japanese: written without spaces between words and with full-width
/// punctuation. (Korean is CJK but uses spaces and ASCII punctuation.)
pub fn is_fullwidth_script(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}') || is_cjk_punct(c)
}

/// Curly quotes are shared by CJK and Latin text: context is read through them.
pub fn is_curly_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’')
}

/// Opening quotes and brackets of either script.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '('
            | '['
            | '{'
            | '（'
            | '［'
            | '｛'
            | '《'
            | '〈'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
    )
}

/// Closing quotes and brackets of either script.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | ')'
            | ']'
            | '}'
            | '）'
            | '］'
            | '｝'
            | '》'
            | '〉'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
    )
}

/// The full-width form of the ASCII punctuation CJK text writes full width.
pub fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        '.' => '。',
        _ => return None,
    })
}

/// The first `n` characters of `text` (all of it if shorter).
pub fn head(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
    &text[..end]
}

/// The last `n` characters of `text` (all of it if shorter).
pub fn tail(text: &str, n: usize) -> &str {
    let start = n
        .checked_sub(1)
        .and_then(|k| text.char_indices().rev().nth(k))
        .map_or(if n == 0 { text.len() } else { 0 }, |(at, _)| at);
    &text[start..]
}

/// Characters in `text`, and how many of them are not white space (`char::is_whitespace`),
/// counted on the bytes: line lengths are measured for every line rejoin reads.
pub fn count_chars(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // Read at every position from the byte there and the two after it (the last two
    // positions, which have fewer after them, one at a time), in byte-wide counters that
    // vector code adds 16 or 32 at a time (a chunk of 255 positions cannot overflow one).
    const CHUNK: usize = 255;
    let whole = bytes.len().saturating_sub(2);
    let (mut chars, mut spaces) = (0, 0);
    for start in (0..whole).step_by(CHUNK) {
        let end = (start + CHUNK).min(whole);
        let (first, second, third) = (
            &bytes[start..end],
            &bytes[start + 1..end + 1],
            &bytes[start + 2..end + 2],
        );
        let (starts, white) = (first.iter().zip(second).zip(third)).fold(
            (0u8, 0u8),
            |(starts, white), ((&a, &b), &c)| {
                (
                    starts + u8::from(starts_char(a)),
                    white + u8::from(opens_white_space(a, b, c)),
                )
            },
        );
        chars += usize::from(starts);
        spaces += usize::from(white);
    }
    for i in whole..bytes.len() {
        chars += usize::from(starts_char(bytes[i]));
        let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        spaces += usize::from(opens_white_space(bytes[i], at(1), at(2)));
    }
    (chars, chars - spaces)
}

/// A character starts at every byte that is not a continuation byte.
fn starts_char(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

/// Whether the bytes `a`, `b`, `c` open with the UTF-8 form of a White_Space character:
/// U+0009–000D, 0020, 0085, 00A0, 1680, 2000–200A, 2028, 2029, 202F, 205F, 3000. (No branch:
/// it is read at every position in vector code.)
fn opens_white_space(a: u8, b: u8, c: u8) -> bool {
    (a == b' ')
        | (a.wrapping_sub(b'\t') < 5)
        | (a == 0xC2) & ((b == 0x85) | (b == 0xA0))
        | (a == 0xE1) & (b == 0x9A) & (c == 0x80)
        | (a == 0xE2)
            & (b == 0x80)
            & ((c.wrapping_sub(0x80) < 0x0B) | (c == 0xA8) | (c == 0xA9) | (c == 0xAF))
        | (a == 0xE2) & (b == 0x81) & (c == 0x9F)
        | (a == 0xE3) & (b == 0x80) & (c == 0x80)
}

/// The Chinese numerals one to ten, in order (a point's or a section's number).
pub const CJK_NUMERALS: &str = "一二三四五六七八九十";

/// Horizontal white space of any kind (not line breaks).
pub fn is_inline_space(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_and_white_space_on_bytes() {
        let every: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let expected = (
            every.chars().count(),
            every.chars().filter(|c| !c.is_whitespace()).count(),
        );
        assert_eq!(count_chars(&every), expected);
        assert_eq!(count_chars("中 文\u{3000}a\u{A0}"), (6, 3));
        // Every character alone and after one other: the last positions are read apart.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let visible = usize::from(!c.is_whitespace());
            assert_eq!(count_chars(&c.to_string()), (1, visible), "{c:?}");
            assert_eq!(count_chars(&format!("a{c}")), (2, 1 + visible), "{c:?}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_han('中') && is_cjk('中') && !is_cjk('a'));
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_han(c))
        {
            assert!(may_hold_han(&format!("a“{c}”")), "{c:?}");
        }
        assert!(!may_hold_han("“Straße”, Ωμέγα — ёж…"));
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_cjk_letter(c))
        {
            assert!(may_hold_cjk_letter(&format!("a“{c}”")), "{c:?}");
        }
        assert!(!may_hold_cjk_letter("“Straße”, Ωμέγα — ёж…"));
        assert!(is_cjk_letter('カ') && is_cjk_letter('한'));
        assert!(is_cjk_punct('，') && is_cjk_punct('》') && is_cjk_punct('。'));
        assert!(!is_cjk_punct(',') && !is_cjk('“'));
        assert!(
            is_fullwidth_script('中') && is_fullwidth_script('，') && !is_fullwidth_script('한')
        );
        assert!(is_curly_quote('”') && is_closing('”') && is_opening('《'));
        assert_eq!(
            (tail("海南省", 2), tail("ab", 5), tail("ab", 0)),
            ("南省", "ab", "")
        );
        assert_eq!(
            (head("海南省", 2), head("ab", 5), head("ab", 0)),
            ("海南", "ab", "")
        );
        assert!(is_inline_space('\u{3000}') && is_inline_space('\u{A0}') && !is_inline_space('\n'));
    }
}
