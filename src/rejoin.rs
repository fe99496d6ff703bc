//! Rejoin: decides, for every boundary between two text lines, whether the scraper broke one
//! paragraph (join) or the lines are separate blocks (keep).
//!
//! Evidence is combined in two layers. Content rules look only at the two lines (punctuation
//! that cannot end or start a line, terminal punctuation, heading shape, Latin lowercase
//! continuation). Document rules read the shape of the whole input (a hard-wrapped column,
//! paragraphs marked by indentation) and may only turn a keep into a join. A clean file has no
//! wrapped column and no indentation left, so cleaning it again decides every boundary the
//! same way: rejoin is idempotent by construction.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::config::Config;
use crate::edit::Edit;
use crate::normalize::lines;
use crate::rules::{Pass, Rule};
use crate::script::{
    is_cjk_letter, is_closing, is_curly_quote, is_fullwidth_script, is_inline_space, is_opening,
};

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
const CANNOT_START_LINE: &str = "，。、；：？！）」』】》〉〕〗”’…·%％．,.;:?!)";

/// Characters that cannot end a paragraph: openers, and the pauses inside a sentence.
const CANNOT_END_PARAGRAPH: &str = "（《「『【〔“‘(，、,";

/// Punctuation that ends a sentence.
const TERMINAL: &str = "。！？…；.!?;";

fn cannot_start_line(c: char) -> bool {
    CANNOT_START_LINE.contains(c)
}

fn cannot_end_paragraph(c: char) -> bool {
    CANNOT_END_PARAGRAPH.contains(c)
}

fn is_terminal(c: char) -> bool {
    TERMINAL.contains(c)
}

/// A run of text lines that rejoin has decided are one block (at first, one line each).
#[derive(Debug)]
struct TextLine<'a> {
    /// The block's text as it will read once joined: without indentation and trailing
    /// spaces, joined lines concatenated with their separator.
    content: Cow<'a, str>,
    /// Byte offsets of `content` in the text.
    start: usize,
    end: usize,
    /// The first line is indented.
    indented: bool,
    /// The first line is Markdown structure (heading, list item, quote, table row): it never
    /// joins. Read from the first line alone, so joining cannot change it.
    markup: bool,
    /// Separated from the previous text line by at least one blank line.
    after_blank: bool,
    /// Characters of the lines, white space not counted (so spacing rules that run later
    /// cannot change what rejoin sees on a second run).
    chars: usize,
    last_line_chars: usize,
}

impl TextLine<'_> {
    /// Describes this block as it will stand in the clean text: one line, after a blank one.
    fn read_as_clean(&mut self) {
        self.indented = false;
        self.after_blank = true;
        self.last_line_chars = self.chars;
    }

    /// Makes this block end where `next` ends, joined by `join` (an edit of the text that
    /// replaces the end of this block and the start of `next`).
    fn absorb(&mut self, next: TextLine, join: &Edit) {
        let content = self.content.to_mut();
        content.truncate(content.len() - (self.end - join.start));
        content.push_str(&join.replacement);
        content.push_str(&next.content[join.end - next.start..]);
        self.end = next.end;
        self.chars += next.chars;
        self.last_line_chars = next.last_line_chars;
    }
}

impl TextLine<'_> {
    fn first(&self) -> char {
        self.content.chars().next().unwrap_or(' ')
    }

    fn last(&self) -> char {
        self.content.chars().next_back().unwrap_or(' ')
    }

    /// The last character that is not a closing quote or bracket (or a space before one).
    fn last_through_closers(&self) -> Option<char> {
        self.content
            .chars()
            .rev()
            .find(|&c| !is_closing(c) && !is_curly_quote(c) && !c.is_whitespace())
    }

    fn ends_sentence(&self) -> bool {
        self.last_through_closers().is_some_and(is_terminal) || self.content.ends_with("……")
    }

    /// Contains CJK letters. Letters, not punctuation: the punctuation passes after rejoin
    /// change punctuation, and a second run must read the block the same way.
    fn is_cjk_text(&self) -> bool {
        self.content.chars().any(is_cjk_letter)
    }

    /// A Latin heading is short and title-cased (most longer words capitalized); a wrapped
    /// line of running text is not.
    fn looks_like_latin_heading(&self) -> bool {
        // Words are runs of Latin letters, so spacing around punctuation cannot change them.
        let long_words: Vec<&str> = self
            .content
            .split(|c: char| !c.is_alphabetic() || is_cjk_letter(c))
            .filter(|w| w.chars().count() > 3)
            .collect();
        let capitalized = long_words
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        self.chars <= 60
            && !cannot_end_paragraph(self.last())
            && self.last() != '-'
            && capitalized * 5 >= long_words.len() * 3
    }

    /// Short and without terminal punctuation: a title, heading, section letter, byline. A
    /// headline may be long when it is set in phrases (`CJK CJK` with a space between), or
    /// opens with a dash (a subtitle).
    fn looks_like_heading(&self) -> bool {
        let cjk = self.is_cjk_text();
        let short = self.chars <= if cjk { 32 } else { 80 };
        let headline = cjk && (self.content.starts_with('—') || has_phrase_spaces(&self.content));
        (short || headline) && !self.ends_sentence() && !cannot_end_paragraph(self.last())
    }
}

/// A Markdown heading, list item, quote or table row.
fn is_markup(line: &str) -> bool {
    line.starts_with('#')
        || line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with('>')
        || line.starts_with('|')
        || line
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Chinese or Japanese, joined without a space. Full-width `．％：` do not count: inside a number they become
/// ASCII after rejoin, and a second run must read the block the same way.
fn is_cjk_here(c: char) -> bool {
    is_fullwidth_script(c) && !matches!(c, '．' | '％' | '：')
}

/// A space between two CJK letters: headlines are set in phrases, body text never is.
fn has_phrase_spaces(text: &str) -> bool {
    let mut chars = text.chars();
    let mut prev = None;
    while let Some(c) = chars.next() {
        if c == ' '
            && prev.is_some_and(is_cjk_letter)
            && chars.clone().next().is_some_and(is_cjk_letter)
        {
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
        let chars = content.chars().filter(|c| !c.is_whitespace()).count();
        out.push(TextLine {
            markup: is_markup(content),
            content: Cow::Borrowed(content),
            start: offset,
            end: offset + content.len(),
            indented: offset > start,
            after_blank: blank_before,
            chars,
            last_line_chars: chars,
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
    if a.markup || b.markup {
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
    if !cjk && b.first().is_lowercase() && !a.looks_like_latin_heading() {
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
    if a.markup || b.markup {
        return None;
    }
    if shape.indent_marks_paragraphs && !b.indented && !b.after_blank {
        return Some(Decision::Join {
            confidence: 0.85,
            why: "paragraphs open with indentation and the next line is flush",
        });
    }
    let width = shape.column_width?;
    (a.last_line_chars + 2 >= width && !a.ends_sentence()).then_some(Decision::Join {
        confidence: 0.8,
        why: "a full line of a hard-wrapped column",
    })
}

impl Pass for Rejoin {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&REJOIN_CJK, &REJOIN_LATIN, &REJOIN_HYPHEN]
    }

    /// Joins blocks in rounds until no boundary joins, so every decision sees the whole
    /// blocks on either side. Then reads the merged blocks as a second run would read the
    /// clean text (one line each, no indentation) and goes on until that joins nothing
    /// either: cleaning twice decides exactly as cleaning once.
    fn propose(&self, text: &str, _: &Config) -> Vec<Edit> {
        let mut blocks = text_lines(text);
        let mut words = None;
        let mut edits = Vec::new();
        loop {
            let shape = DocumentShape::read(&blocks);
            let joined = edits.len();
            loop {
                let before = blocks.len();
                let mut merged: Vec<TextLine> = Vec::with_capacity(before);
                for block in blocks {
                    if let Some(previous) = merged.last_mut()
                        && let Some(edit) = join(&shape, previous, &block, text, &mut words)
                    {
                        previous.absorb(block, &edit);
                        edits.push(edit);
                        continue;
                    }
                    merged.push(block);
                }
                blocks = merged;
                if blocks.len() == before {
                    break;
                }
            }
            if edits.len() == joined {
                return edits;
            }
            blocks.iter_mut().for_each(TextLine::read_as_clean);
        }
    }
}

/// The edit that joins `a` and `b`, if they are one paragraph.
fn join(
    shape: &DocumentShape,
    a: &TextLine,
    b: &TextLine,
    text: &str,
    words: &mut Option<HashSet<String>>,
) -> Option<Edit> {
    let decision = match content_decision(a, b) {
        Some(Decision::Keep) | None => shape_decision(shape, a, b),
        join => join,
    };
    let Some(Decision::Join { confidence, why }) = decision else {
        return None;
    };
    // No space against Chinese text, before punctuation, or after an opening bracket.
    let tight = is_cjk_here(a.last())
        || is_cjk_here(b.first())
        || matches!(a.last(), '”' | '’')
        || cannot_start_line(b.first())
        || is_opening(a.last());
    let edit = if tight {
        Edit::new(a.end, b.start, "", &REJOIN_CJK, why)
    } else if let Some(hyphen) = wrapped_hyphen(a, b, text, words) {
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
    Some(edit.with_confidence(confidence))
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
