//! Rejoin: decides, for every boundary between two text lines, whether the scraper broke one
//! paragraph (join) or the lines are separate blocks (keep).
//!
//! Evidence is combined in two layers. Content rules look only at the two lines (punctuation
//! that cannot end or start a line, terminal punctuation, heading shape, Latin lowercase
//! continuation). Document rules read the shape of the whole input (a hard-wrapped column,
//! paragraphs marked by indentation) and may only turn a keep into a join. A clean file has no
//! wrapped column and no indentation left, so cleaning it again decides every boundary the
//! same way: rejoin is idempotent by construction.

use std::collections::HashSet;

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::lines;
use crate::rules::{Pass, Rule};
use crate::script::{is_cjk, is_closing, is_curly_quote, is_inline_space};

pub const REJOIN_CJK: Rule = Rule {
    id: "rejoin/cjk",
    summary: "rejoin a paragraph broken mid-sentence (no space between CJK)",
    explanation: "Two lines are one paragraph when the first cannot end there (it ends with a \
                  comma, `、` or an opening bracket, or is a long paragraph without terminal \
                  punctuation) and the second is not a heading, or when the second starts with \
                  punctuation that cannot start a line. Hard-wrapped columns are detected from \
                  the distribution of line lengths. Joined without a space when either side is CJK.",
    example: (
        "积极参与，覆盖广泛。海南省直机关各级党组织踊跃参加本届大赛，大赛组委\n\n会共收到93个案例。\n",
        "积极参与，覆盖广泛。海南省直机关各级党组织踊跃参加本届大赛，大赛组委会共收到93个案例。\n",
    ),
    example_config: Config::default,
};

pub const REJOIN_LATIN: Rule = Rule {
    id: "rejoin/latin",
    summary: "rejoin a hard-wrapped or split Latin paragraph with one space",
    explanation: "A Latin line continues on the next when the next starts in lower case, when \
                  the document is a wrapped column and the line is not the end of a paragraph, \
                  or when paragraphs are marked by indentation and the next line is not indented.",
    example: (
        "Thousands of laborers, students and\nopposition politicians protested.\n",
        "Thousands of laborers, students and opposition politicians protested.\n",
    ),
    example_config: Config::default,
};

pub const REJOIN_HYPHEN: Rule = Rule {
    id: "rejoin/hyphen",
    summary: "remove a hyphen that only wrapped a word across lines",
    explanation: "`gov-⏎ernment` becomes `government` when the unhyphenated word occurs elsewhere \
                  in the document; otherwise the hyphen is a real one (`well-⏎known`) and stays.",
    example: (
        "The government said the gov-\nernment would act.\n",
        "The government said the government would act.\n",
    ),
    example_config: Config::default,
};

pub struct Rejoin;

/// Characters that cannot start a line (W3C clreq/JLREQ), with their ASCII forms.
fn cannot_start_line(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | '〕'
            | '〗'
            | '”'
            | '’'
            | '…'
            | '·'
            | '%'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

/// Characters that cannot end a paragraph: openers, and the pauses inside a sentence.
fn cannot_end_paragraph(c: char) -> bool {
    matches!(
        c,
        '（' | '《' | '「' | '『' | '【' | '〔' | '“' | '‘' | '(' | '，' | '、' | ','
    )
}

/// Punctuation that ends a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '；' | '.' | '!' | '?' | ';')
}

/// One non-blank line and what rejoin needs to know of it.
#[derive(Debug)]
struct TextLine<'a> {
    /// The line without indentation and trailing spaces.
    content: &'a str,
    /// Byte offsets of `content` in the text.
    start: usize,
    end: usize,
    indented: bool,
    /// Separated from the previous text line by at least one blank line.
    after_blank: bool,
    chars: usize,
}

impl TextLine<'_> {
    fn first(&self) -> char {
        self.content.chars().next().unwrap_or(' ')
    }

    fn last(&self) -> char {
        self.content.chars().next_back().unwrap_or(' ')
    }

    /// The last character that is not a closing quote or bracket.
    fn last_through_closers(&self) -> Option<char> {
        self.content
            .chars()
            .rev()
            .find(|&c| !is_closing(c) && !is_curly_quote(c))
    }

    fn ends_sentence(&self) -> bool {
        self.last_through_closers().is_some_and(is_terminal) || self.content.ends_with("……")
    }

    fn is_markup(&self) -> bool {
        let c = self.content;
        c.starts_with('#')
            || c.starts_with("- ")
            || c.starts_with("* ")
            || c.starts_with('>')
            || c.starts_with('|')
            || c.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }

    fn is_cjk_text(&self) -> bool {
        self.content.chars().any(is_cjk)
    }

    /// A Latin heading is title-cased and short; a wrapped line is neither.
    fn looks_like_heading_strict(&self) -> bool {
        self.chars <= 40 && self.first().is_uppercase() && !self.content.contains(", ")
    }

    /// Short and without terminal punctuation: a title, heading, section letter, byline. A
    /// headline may be long when it is set in phrases (`CJK CJK` with a space between), or
    /// opens with a dash (a subtitle).
    fn looks_like_heading(&self) -> bool {
        let cjk = self.is_cjk_text();
        let short = self.chars <= if cjk { 32 } else { 80 };
        let headline = cjk && (self.content.starts_with('—') || has_phrase_spaces(self.content));
        (short || headline) && !self.ends_sentence() && !cannot_end_paragraph(self.last())
    }
}

/// A space between two CJK characters: headlines are set in phrases, body text never is.
fn has_phrase_spaces(text: &str) -> bool {
    let mut chars = text.chars();
    let mut prev = None;
    while let Some(c) = chars.next() {
        if c == ' ' && prev.is_some_and(is_cjk) && chars.clone().next().is_some_and(is_cjk) {
            return true;
        }
        prev = Some(c);
    }
    false
}

fn text_lines(text: &str) -> Vec<TextLine<'_>> {
    let mut out = Vec::new();
    let mut blank_before = false;
    for (start, end) in lines(text) {
        let line = &text[start..end];
        let content = line.trim_matches(is_inline_space);
        if content.is_empty() {
            blank_before = true;
            continue;
        }
        let offset = start + (content.as_ptr() as usize - line.as_ptr() as usize);
        out.push(TextLine {
            content,
            start: offset,
            end: offset + content.len(),
            indented: offset > start,
            after_blank: blank_before,
            chars: content.chars().count(),
        });
        blank_before = false;
    }
    out
}

/// What the shape of the whole document says.
#[derive(Debug, Default)]
struct DocumentShape {
    /// The width of a hard-wrapped column, in characters, if the text is one.
    column_width: Option<usize>,
    /// Paragraphs open with indentation and continuation lines are flush.
    indent_marks_paragraphs: bool,
}

impl DocumentShape {
    fn read(lines: &[TextLine]) -> Self {
        DocumentShape {
            column_width: column_width(lines),
            indent_marks_paragraphs: {
                let indented = lines.iter().filter(|l| l.indented).count();
                let flush_after_text = lines
                    .windows(2)
                    .filter(|w| !w[1].indented && !w[1].after_blank)
                    .count();
                indented >= 2 && flush_after_text >= indented && indented * 20 >= lines.len()
            },
        }
    }
}

/// A column is hard-wrapped when most lines have the same length (give or take the 2
/// characters of a lost indent) and there are enough of them to be sure.
fn column_width(lines: &[TextLine]) -> Option<usize> {
    if lines.len() < 6 {
        return None;
    }
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for line in lines {
        *counts.entry(line.chars).or_default() += 1;
    }
    let (&mode, _) = counts.iter().max_by_key(|&(len, n)| (*n, *len))?;
    let near = lines.iter().filter(|l| l.chars.abs_diff(mode) <= 2).count();
    let cjk = lines.iter().filter(|l| l.is_cjk_text()).count() * 2 >= lines.len();
    let (lo, hi) = if cjk { (8, 40) } else { (30, 120) };
    ((lo..=hi).contains(&mode) && near * 2 >= lines.len() && near >= 5).then_some(mode)
}

#[derive(Debug, PartialEq)]
enum Decision {
    Keep,
    Join { confidence: f32, why: &'static str },
}

/// What the two lines alone say.
fn content_decision(a: &TextLine, b: &TextLine) -> Option<Decision> {
    let join = |confidence, why| Some(Decision::Join { confidence, why });
    if a.is_markup() || b.is_markup() {
        return Some(Decision::Keep);
    }
    let cjk = a.is_cjk_text() || b.is_cjk_text();
    if cannot_start_line(b.first()) && !b.looks_like_heading() {
        return join(
            0.95,
            "the next line starts with punctuation that cannot start a line",
        );
    }
    if a.ends_sentence() {
        return Some(Decision::Keep);
    }
    if cannot_end_paragraph(a.last()) && !b.looks_like_heading() {
        return join(
            0.9,
            "the line ends inside a sentence (comma, 、 or opening bracket)",
        );
    }
    if !cjk && b.first().is_lowercase() && !a.looks_like_heading_strict() {
        return join(0.9, "the next line continues in lower case");
    }
    if cjk && !a.looks_like_heading() && !b.looks_like_heading() {
        return join(
            0.8,
            "a paragraph without terminal punctuation continues on the next line",
        );
    }
    None
}

/// What the document's shape adds where the lines alone keep the break.
fn shape_decision(shape: &DocumentShape, a: &TextLine, b: &TextLine) -> Option<Decision> {
    if a.is_markup() || b.is_markup() {
        return None;
    }
    if shape.indent_marks_paragraphs && !b.indented && !b.after_blank {
        return Some(Decision::Join {
            confidence: 0.85,
            why: "paragraphs open with indentation and the next line is flush",
        });
    }
    let width = shape.column_width?;
    (a.chars + 2 >= width && !a.ends_sentence()).then_some(Decision::Join {
        confidence: 0.8,
        why: "a full line of a hard-wrapped column",
    })
}

impl Pass for Rejoin {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&REJOIN_CJK, &REJOIN_LATIN, &REJOIN_HYPHEN]
    }

    fn propose(&self, text: &str, _: &Config) -> Vec<Edit> {
        let lines = text_lines(text);
        let shape = DocumentShape::read(&lines);
        let mut words: Option<HashSet<String>> = None;
        let mut edits = Vec::new();
        for pair in lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let decision = match content_decision(a, b) {
                Some(Decision::Keep) | None => shape_decision(&shape, a, b),
                join => join,
            };
            let Some(Decision::Join { confidence, why }) = decision else {
                continue;
            };
            let cjk = is_cjk(a.last()) || is_cjk(b.first()) || is_cjk_closing(a.last());
            let edit = if cjk {
                Edit::new(a.end, b.start, "", &REJOIN_CJK, why)
            } else if let Some(hyphen) = wrapped_hyphen(a, b, text, &mut words) {
                Edit::new(
                    hyphen,
                    b.start,
                    "",
                    &REJOIN_HYPHEN,
                    "the hyphen only wrapped the word",
                )
            } else if a.last() == '-' {
                Edit::new(
                    a.end,
                    b.start,
                    "",
                    &REJOIN_LATIN,
                    "a hyphenated compound wrapped at its hyphen",
                )
            } else {
                Edit::new(a.end, b.start, " ", &REJOIN_LATIN, why)
            };
            edits.push(edit.with_confidence(confidence));
        }
        edits
    }
}

fn is_cjk_closing(c: char) -> bool {
    matches!(c, '”' | '’') || is_cjk(c)
}

/// If `a` ends with a hyphen that wrapped a word (the joined word occurs elsewhere in the
/// text), the offset of that hyphen.
fn wrapped_hyphen(
    a: &TextLine,
    b: &TextLine,
    text: &str,
    words: &mut Option<HashSet<String>>,
) -> Option<usize> {
    let head = a.content.strip_suffix('-')?;
    let left: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let right: String = b
        .content
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if left.is_empty() || !right.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let words = words.get_or_insert_with(|| {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect()
    });
    words
        .contains(&format!("{left}{right}").to_lowercase())
        .then_some(a.end - 1)
}
