//! Half-width `, ; : ? ! ( )` inside Chinese sentences become their full-width forms.
//!
//! A mark is in CJK context when the nearest character on either side, read through spaces,
//! neighbouring marks, curly quotes, dashes and ellipses (which both scripts share), is CJK. Numbers (`1,000`, `10:30`), URLs, e-mail
//! addresses and Latin text keep their ASCII punctuation. Parentheses convert as a pair.

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::lines;
use crate::rules::{Context, Pass, Rule};
use crate::script::{full_width, is_curly_quote, is_fullwidth_script, is_inline_space};
use crate::tokens::protected_spans;

pub const PUNCT_WIDTH: Rule = Rule {
    id: "normalize/punct-width",
    summary: "half-width , ; : ? ! ( ) . in CJK context become full-width",
    explanation: "`,`→`，` `;`→`；` `:`→`：` `?`→`？` `!`→`！` when a CJK character (or a CJK \
                  quote or bracket) is the nearest neighbour on either side; a `.` that ends a \
                  CJK sentence becomes `。`; `(`…`)` become \
                  `（`…`）` as a pair when they enclose CJK text or stand between CJK words. \
                  Spaces beside a converted mark are dropped. Numbers (`1,000`, `10:30`), URLs, \
                  e-mail addresses and Latin phrases are left alone.",
    example: (
        "2024年6月5日, 工作会(第二届)召开;比分3:2,网址http://a.cn?x=1.\n",
        "2024年6月5日，工作会（第二届）召开；比分3:2，网址http://a.cn?x=1.\n",
    ),
    finding_severity: None,
    example_config: Config::default,
};

pub struct PunctWidth;

/// A character of Chinese or Japanese text. The dash and the ellipsis are not: English sets
/// them too (`Wait…? No.`), and a mark beside one is read through it.
fn is_cjk(c: char) -> bool {
    is_fullwidth_script(c) && !is_shared_mark(c)
}

/// Whether `text` may hold a character of Chinese or Japanese text: the UTF-8 forms of those
/// open with 0xE3 to 0xE9, 0xEF or 0xF0, so most lines of Latin text are told by their bytes
/// (read without a branch).
fn may_hold_cjk(text: &str) -> bool {
    text.bytes().fold(false, |any, b| {
        any | (b.wrapping_sub(0xE3) <= 0xE9 - 0xE3) | (b == 0xEF) | (b == 0xF0)
    })
}

fn is_shared_mark(c: char) -> bool {
    matches!(c, '—' | '…')
}

/// What the nearest meaningful character on one side of a mark says about the context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Cjk,
    Latin,
    /// Digits, other symbols, the line's edge: no evidence either way.
    Neutral,
}

struct Line<'a> {
    chars: Vec<(usize, char)>,
    protected: Vec<bool>,
    /// Parentheses that convert, by char index.
    converting: Vec<bool>,
    text: &'a str,
}

impl Line<'_> {
    fn is_single_mark(&self, i: usize) -> bool {
        matches!(self.chars[i].1, ',' | ';' | ':' | '?' | '!') && !self.protected[i]
    }

    /// Reads the context to the left (`step = -1`) or right (`step = 1`) of char `i`.
    fn side(&self, i: usize, leftward: bool) -> Side {
        let mut j = i;
        loop {
            j = match (leftward, j) {
                (true, 0) => return Side::Neutral,
                (true, j) => j - 1,
                (false, j) if j + 1 >= self.chars.len() => return Side::Neutral,
                (false, j) => j + 1,
            };
            let c = self.chars[j].1;
            let transparent = is_inline_space(c)
                || is_shared_mark(c)
                || self.is_single_mark(j)
                // Read through a closing quote to the left and an opening quote to the
                // right: the quoted words decide. A quote facing the other way ends the
                // mark's own phrase.
                || (is_curly_quote(c) && leftward == matches!(c, '”' | '’'));
            if transparent {
                continue;
            }
            return if is_cjk(c) {
                Side::Cjk
            } else if c.is_alphanumeric() && !c.is_ascii_digit() {
                Side::Latin
            } else {
                Side::Neutral
            };
        }
    }

    /// Marks which parentheses convert: a matched pair that encloses CJK with no Latin word
    /// against its outside, or stands between CJK on both sides; a lone one whose inner side
    /// is CJK and outer side is not Latin.
    fn choose_parentheses(&mut self) {
        let mut stack = Vec::new();
        let mut pairs = Vec::new();
        let mut lone = Vec::new();
        for (i, &(_, c)) in self.chars.iter().enumerate() {
            match c {
                '(' if !self.protected[i] => stack.push(i),
                ')' if !self.protected[i] => match stack.pop() {
                    Some(open) => pairs.push((open, i)),
                    None => lone.push(i),
                },
                _ => {}
            }
        }
        lone.extend(stack);
        for (open, close) in pairs {
            let inside_cjk = self.chars[open + 1..close].iter().any(|&(_, c)| is_cjk(c));
            let left = self.side(open, true);
            let right = self.side(close, false);
            let convert = (inside_cjk && left != Side::Latin && right != Side::Latin)
                || (left == Side::Cjk && right == Side::Cjk);
            self.converting[open] = convert;
            self.converting[close] = convert;
        }
        for i in lone {
            let opening = self.chars[i].1 == '(';
            let (inner, outer) = (self.side(i, !opening), self.side(i, opening));
            self.converting[i] = inner == Side::Cjk && outer != Side::Latin;
        }
    }

    /// Whether the mark at `i` converts now, and how sure that is.
    fn decide(&self, i: usize) -> Option<f32> {
        match self.chars[i].1 {
            '(' | ')' => self.converting[i].then_some(1.0),
            '.' => self.ends_cjk_sentence(i).then_some(0.9),
            // `!` and `?` close the phrase before them: `Yes!升级` keeps its ASCII mark.
            '!' | '?' if self.is_single_mark(i) => {
                match (self.side(i, true), self.side(i, false)) {
                    (Side::Cjk, Side::Cjk) => Some(1.0),
                    (Side::Cjk, _) => Some(0.9),
                    _ => None,
                }
            }
            _ if self.is_single_mark(i) => match (self.side(i, true), self.side(i, false)) {
                (Side::Cjk, Side::Cjk) => Some(1.0),
                (Side::Cjk, _) | (_, Side::Cjk) => Some(0.9),
                _ => None,
            },
            _ => None,
        }
    }

    /// A `.` right after a CJK word that ends a sentence: the line or a CJK phrase follows,
    /// not a Latin word (`阿里巴巴.US`), a digit or another dot (`...`).
    fn ends_cjk_sentence(&self, i: usize) -> bool {
        let next = self.chars.get(i + 1).map(|&(_, c)| c);
        !self.protected[i]
            && self.side(i, true) == Side::Cjk
            && next.is_none_or(|c| c != '.' && !c.is_ascii_alphanumeric())
            && self.side(i, false) != Side::Latin
    }

    /// Byte offset of char `i` (or the end of the line).
    fn offset(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }
}

impl Pass for PunctWidth {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&PUNCT_WIDTH]
    }

    fn propose(&self, text: &str, _: &mut Context) -> Vec<Edit> {
        let mut edits = Vec::new();
        for (start, end) in lines(text) {
            let line_text = &text[start..end];
            // A mark converts only beside CJK, and only CJK makes context: a line without
            // both has nothing to do.
            let has_mark = line_text
                .bytes()
                .any(|b| matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')' | b'.'));
            if !has_mark || !may_hold_cjk(line_text) || !line_text.chars().any(is_cjk) {
                continue;
            }
            propose_line(line_text, start, &mut edits);
        }
        edits
    }
}

fn propose_line(text: &str, line_start: usize, edits: &mut Vec<Edit>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let spans = protected_spans(text);
    let protected = chars
        .iter()
        .map(|&(b, _)| spans.iter().any(|&(s, e)| s <= b && b < e))
        .collect();
    let original: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
    let mut line = Line {
        converting: vec![false; chars.len()],
        chars,
        protected,
        text,
    };
    // A converted mark is CJK context for its neighbours, so decide until nothing changes.
    // Conversions only ever add CJK context, so this ends, usually after one round.
    let mut confidence = vec![None; original.len()];
    loop {
        line.choose_parentheses();
        let decided: Vec<(usize, f32)> = (0..original.len())
            .filter(|&i| confidence[i].is_none() && full_width(line.chars[i].1).is_some())
            .filter_map(|i| line.decide(i).map(|c| (i, c)))
            .collect();
        if decided.is_empty() {
            break;
        }
        for (i, c) in decided {
            confidence[i] = Some(c);
            line.chars[i].1 = full_width(line.chars[i].1).expect("a convertible mark");
        }
    }
    let mut consumed = 0; // first char index not yet covered by an edit
    for (i, &c) in original.iter().enumerate() {
        let Some(confidence) = confidence[i] else {
            continue;
        };
        let wide = line.chars[i].1;
        // Full-width marks carry their own spacing: take the spaces between them and CJK
        // (only CJK: the space in a list marker `- ` or before a Latin word stays).
        // (Spaces go between a full-width mark and a dash as `normalize/space` drops them.)
        let is_cjk_at = |j: usize| is_fullwidth_script(line.chars[j].1);
        let mut from = i;
        while from > consumed && is_inline_space(original[from - 1]) {
            from -= 1;
        }
        if from == 0 || from == i || !is_cjk_at(from - 1) {
            from = i;
        }
        let mut to = i + 1;
        while to < original.len() && is_inline_space(original[to]) {
            to += 1;
        }
        if to == original.len() || to == i + 1 || !is_cjk_at(to) {
            to = i + 1;
        }
        consumed = to;
        let reason = if to - from > 1 {
            format!("half-width '{c}' in CJK context → '{wide}' (spaces beside it dropped)")
        } else {
            format!("half-width '{c}' in CJK context → '{wide}'")
        };
        edits.push(
            Edit::new(
                line_start + line.offset(from),
                line_start + line.offset(to),
                wide.to_string(),
                &PUNCT_WIDTH,
                reason,
            )
            .with_confidence(confidence),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::edit::apply;
    use crate::rules::{Context, Pass};

    fn run(text: &str) -> String {
        let config = Config::default();
        apply(
            text,
            super::PunctWidth.propose(text, &mut Context::new(&config, &[])),
        )
        .0
    }

    #[test]
    fn every_cjk_character_is_seen_by_the_byte_test() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert!(
                super::may_hold_cjk(&format!("a,“{c}”")) || !super::is_cjk(c),
                "{c:?}"
            );
        }
        assert!(!super::may_hold_cjk("“Straße”, Ωμέγα — ёж…"));
    }

    #[test]
    fn a_dash_or_an_ellipsis_is_read_through_not_taken_for_chinese() {
        assert_eq!(
            run("Wait…? Not yet — , he said."),
            "Wait…? Not yet — , he said."
        );
        assert_eq!(
            run("a fine result, … and more"),
            "a fine result, … and more"
        );
        assert_eq!(run("他说……,好的——!"), "他说……，好的——！");
    }

    #[test]
    fn converts_in_cjk_context() {
        assert_eq!(run("南海潮头,千帆竞扬。"), "南海潮头，千帆竞扬。");
        assert_eq!(
            run("各省(市)机关;要求:好吗?好!"),
            "各省（市）机关；要求：好吗？好！"
        );
        assert_eq!(run("“一核两翼”,战略"), "“一核两翼”，战略");
        assert_eq!(run("真的吗?!"), "真的吗？！");
        assert_eq!(
            run("(本版撰文/何潮 图片/孙勇)"),
            "（本版撰文/何潮 图片/孙勇）"
        );
        assert_eq!(run("中国日报(ChinaPlus)报道"), "中国日报（ChinaPlus）报道");
        assert_eq!(run("2020年(第二届)"), "2020年（第二届）");
        assert_eq!(run("收入99.63亿元.下一步."), "收入99.63亿元。下一步。");
        assert_eq!(run("“好”. 他说"), "“好”。他说");
    }

    #[test]
    fn leaves_numbers_urls_and_latin_alone() {
        for text in [
            "增长99.63%,",
            "1,000人",
            "时间10:30开始",
            "比分3:2",
            "1+6+X",
            "4006—123—456",
            "函数f(x)的值",
            "He said: fine, thanks (really)!",
            "Yes!升级到了Rails 4",
            "빠르고, 크로스 플랫폼.",
            "确保&quot;&gt;HTML&lt;&quot;的字符&#34;不会",
            "他说“I love you, China!”",
            "见https://a.cn/x?a=1&b=(2)",
            "写信给a.b@c.cn",
            "阿里巴巴.US股票",
            "等等...",
            "中文. English text.",
        ] {
            assert_eq!(run(text), text);
        }
    }
}
