//! The text lines of a document as rejoin sees them, and the blocks they grow into.

use std::borrow::Cow;

use crate::edit::Edit;
use crate::normalize::lines;
use crate::rejoin::evidence::{
    TERMINAL, cannot_end_paragraph, ends_on_comma, ends_on_photo_credit, ends_sentence,
    is_function_word, is_headline_shaped, is_markup, is_pause,
};
use crate::script::{is_cjk_letter, is_closing, is_inline_space, may_hold_cjk_letter};

/// How long one line is: characters without white space (heading length) and all
/// characters (column width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineSize {
    pub chars: usize,
    pub columns: usize,
}

impl LineSize {
    fn of(text: &str) -> Self {
        let (columns, chars) = crate::script::count_chars(text);
        LineSize { chars, columns }
    }
}

/// A run of text lines that rejoin has decided are one block (at first, one line each).
#[derive(Debug)]
pub struct TextLine<'a> {
    /// The block's text as it will read once joined: without indentation and trailing
    /// spaces, joined lines concatenated with their separator.
    pub content: Cow<'a, str>,
    /// Byte offsets in the document of the first line's start and the last line's end.
    pub start: usize,
    pub end: usize,
    /// The first line is indented.
    pub indented: bool,
    /// Blank lines between this block and the previous one.
    pub blank_lines_before: usize,
    /// The block has CJK letters (kept up to date as blocks join, not rescanned).
    cjk: bool,
    /// The block is set like a headline (`is_headline_shaped`, kept up to date likewise).
    pub headline: bool,
    /// The first line is Markdown structure: it never joins. Read from the first line alone,
    /// so joining cannot change it.
    pub markup: bool,
    /// Characters of the block, white space not counted.
    pub chars: usize,
    /// Source lines joined into this block.
    pub lines: usize,
    pub first_line: LineSize,
    pub last_line: LineSize,
    /// The break before the last line, if this block joined it.
    pub last_break: Option<JoinedBreak>,
    /// The break after the last line, as the source has it (`None` at the end, or once read
    /// as clean text).
    pub next_break: Option<JoinedBreak>,
    /// Already read as clean text, and not joined since.
    as_clean: bool,
    /// The document's first block: where a title stands.
    pub opens_document: bool,
    /// Joined a block in this pass over the blocks (or the last, until this block is
    /// passed again): its boundaries must be decided again.
    pub grew: bool,
    /// The join the boundary before this block was found too uncertain for, when it was last
    /// decided (a confidence and the reason).
    pub uncertain: Option<(f32, &'static str)>,
}

/// A break inside a block, between two of its source lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinedBreak {
    /// Columns of the line before the break.
    pub line_columns: usize,
    /// Columns of the first word after it: a wrap broke there if it would not have fit.
    pub word_columns: usize,
    /// A blank line stood at the break.
    pub blank: bool,
}

/// Holds a CJK letter (most lines of Latin text are told by their bytes).
fn has_cjk_letter(text: &str) -> bool {
    may_hold_cjk_letter(text) && text.chars().any(is_cjk_letter)
}

/// Bytes of a long block the evidence reads at its end ([`TextLine::recent`]): ten lines of
/// a wide English column, twenty of a Chinese one.
pub const RECENT: usize = 1024;

/// The non-blank lines of `text`.
pub fn text_lines(text: &str) -> Vec<TextLine<'_>> {
    let mut out = Vec::new();
    let mut blank_before = 0;
    for (start, end) in lines(text) {
        let line = &text[start..end];
        let content = line.trim_matches(is_inline_space);
        if content.is_empty() {
            blank_before += 1;
            continue;
        }
        let offset = start + (content.as_ptr() as usize - line.as_ptr() as usize);
        let size = LineSize::of(content);
        out.push(TextLine {
            cjk: has_cjk_letter(content),
            headline: is_headline_shaped(content),
            markup: is_markup(content),
            content: Cow::Borrowed(content),
            start: offset,
            end: offset + content.len(),
            indented: offset > start,
            blank_lines_before: blank_before,
            chars: size.chars,
            lines: 1,
            first_line: size,
            last_line: size,
            last_break: None,
            next_break: None,
            as_clean: false,
            opens_document: out.is_empty(),
            grew: false,
            uncertain: None,
        });
        blank_before = 0;
    }
    for i in 1..out.len() {
        out[i - 1].next_break = Some(out[i - 1].break_before(&out[i]));
    }
    out
}

impl TextLine<'_> {
    /// Makes this block end where `next` ends, joined by `join` (an edit of the text that
    /// replaces the end of this block and the start of `next`).
    pub fn absorb(&mut self, next: TextLine, join: &Edit) {
        let content = self.content.to_mut();
        content.truncate(content.len() - (self.end - join.start));
        content.push_str(&join.replacement);
        content.push_str(&next.content[join.end - next.start..]);
        self.end = next.end;
        self.cjk |= next.cjk;
        // A headline has at most 80 characters: a longer block needs no scan.
        self.headline = self.chars + next.chars <= 80 && is_headline_shaped(&self.content);
        self.chars += next.chars;
        self.lines += next.lines;
        self.last_break = if next.lines > 1 {
            next.last_break
        } else {
            Some(self.break_before(&next))
        };
        self.last_line = next.last_line;
        self.next_break = next.next_break;
        self.as_clean = false;
        self.grew = true;
    }

    /// Describes this block as it will stand in the clean text: one line, after a blank one,
    /// with `finish` (the passes after rejoin) applied.
    pub fn read_as_clean(&mut self, finish: impl Fn(&str) -> Cow<str>) {
        if self.as_clean {
            return;
        }
        self.as_clean = true;
        self.content = Cow::Owned(finish(&self.content).trim().to_string());
        // (Markup too: `１２. ` is a numbered item once its digits are narrowed.)
        self.markup = is_markup(&self.content);
        self.cjk = has_cjk_letter(&self.content);
        self.headline = is_headline_shaped(&self.content);
        let size = LineSize::of(&self.content);
        self.indented = false;
        self.blank_lines_before = 1;
        self.lines = 1;
        self.first_line = size;
        self.last_line = size;
        self.last_break = None;
        self.next_break = None;
    }

    /// The break between this block's last line and `next`'s first, as the lines stand.
    fn break_before(&self, next: &TextLine) -> JoinedBreak {
        JoinedBreak {
            line_columns: self.last_line.columns,
            word_columns: next.first_word_columns(),
            blank: next.after_blank(),
        }
    }

    /// The block as the evidence reads it before a break: all of it, or for a block longer
    /// than [`RECENT`] bytes its end, from the first sentence that opens in its last
    /// [`RECENT`] bytes (from where they start, if none does). The evidence reads a block's
    /// end and the shape of a short one, and a paragraph whose lines all join grows with
    /// every join: read whole each time, a file of one long paragraph took minutes to clean.
    pub fn recent(&self) -> TextLine<'_> {
        let content = &*self.content;
        let mut start = content.ceil_char_boundary(content.len().saturating_sub(RECENT));
        if start > 0 {
            let window = &content[start..];
            let half = &window[..window.floor_char_boundary(RECENT / 2)];
            if let Some((at, stop)) = half.char_indices().find(|&(_, c)| TERMINAL.contains(c)) {
                let after = &window[at + stop.len_utf8()..];
                let opens = after
                    .trim_start_matches(|c: char| is_closing(c) || matches!(c, '”' | '’' | ' '));
                start += window.len() - opens.len();
            }
        }
        TextLine {
            content: Cow::Borrowed(&content[start..]),
            ..*self
        }
    }

    /// A blank line stands between this block and the previous one.
    pub fn after_blank(&self) -> bool {
        self.blank_lines_before > 0
    }

    pub fn first(&self) -> char {
        self.content.chars().next().unwrap_or(' ')
    }

    pub fn last(&self) -> char {
        self.content.chars().next_back().unwrap_or(' ')
    }

    /// Ends a sentence, or a caption with its photo credit.
    pub fn ends_sentence(&self) -> bool {
        ends_sentence(&self.content)
            || self.content.ends_with("……")
            || ends_on_photo_credit(&self.content)
    }

    /// Ends where no paragraph can: on an opening bracket or a comma, or on a quotation that
    /// closes on a comma.
    pub fn ends_inside_sentence(&self) -> bool {
        cannot_end_paragraph(self.last()) || ends_on_comma(&self.content)
    }

    /// Contains CJK letters. Letters, not punctuation: the punctuation passes after rejoin
    /// change punctuation, and a second run must read the block the same way.
    pub fn is_cjk_text(&self) -> bool {
        self.cjk
    }

    /// The last word is a lower-case Latin word: running text, not a title, stopped there.
    pub fn ends_with_lowercase_word(&self) -> bool {
        let word = self.content.rsplit(' ').next().unwrap_or("");
        !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase())
    }

    /// The first word is a plain lower-case word: letters, then at most a comma or stop.
    pub fn starts_with_plain_lowercase_word(&self) -> bool {
        is_plain_lowercase_word(self.content.split(' ').next().unwrap_or(""))
    }

    /// A dash opens a clause in lower case (`— and then…`): an aside or an afterthought
    /// inside a sentence. (A hyphen would be a list item's.)
    pub fn opens_dash_clause(&self) -> bool {
        self.content.strip_prefix(['–', '—']).is_some_and(|clause| {
            clause
                .strip_prefix(' ')
                .is_some_and(|rest| is_plain_lowercase_word(rest.split(' ').next().unwrap_or("")))
        })
    }

    /// A quotation opens on a plain lower-case word (`"regrets any…`): a quoted phrase
    /// inside a sentence; a quoted sentence opens with a capital.
    pub fn opens_quotation_in_lowercase(&self) -> bool {
        self.content
            .strip_prefix(['"', '“', '\'', '‘'])
            .is_some_and(|quoted| is_plain_lowercase_word(quoted.split(' ').next().unwrap_or("")))
    }

    /// Starts with a number or an amount (`2019`, `964,000`, `$17.99`).
    pub fn starts_with_amount(&self) -> bool {
        let digits = self
            .content
            .strip_prefix(['$', '€', '£'])
            .unwrap_or(&self.content);
        digits.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Columns of the first word (for "would it have fit on the line before?").
    pub fn first_word_columns(&self) -> usize {
        self.content
            .split(' ')
            .next()
            .map_or(0, |w| w.chars().count())
    }

    /// A Latin heading is short and title-cased (most longer words capitalized, and no
    /// lower-case word but function words); a wrapped line of running text is not, however
    /// many names it holds (`…said Governor Ellen`).
    pub fn looks_like_latin_heading(&self) -> bool {
        if self.chars > 60 || self.ends_inside_sentence() || self.last() == '-' {
            return false;
        }
        // Words are runs of Latin letters, so spacing around punctuation cannot change them.
        let (mut long_words, mut capitalized, mut content_lowercase) = (0, 0, 0);
        for word in self
            .content
            .split(|c: char| !c.is_alphabetic() || is_cjk_letter(c))
            .filter(|w| w.chars().nth(3).is_some())
        {
            long_words += 1;
            if word.starts_with(char::is_uppercase) {
                capitalized += 1;
            } else if !is_function_word(word) {
                content_lowercase += 1;
            }
        }
        capitalized * 5 >= long_words * 3 && content_lowercase == 0
    }

    /// Reads as running text, not as a heading: or if as short as one, it pauses inside
    /// (`数据等技术，实现`).
    pub fn reads_as_running_text(&self) -> bool {
        !self.looks_like_heading() || self.content.contains(is_pause)
    }

    /// Short and without terminal punctuation: a title, heading, section letter, byline; or
    /// set like a headline, however long.
    pub fn looks_like_heading(&self) -> bool {
        let cjk = self.is_cjk_text();
        let short = self.chars <= if cjk { 32 } else { 80 };
        let headline = cjk && self.headline;
        // (A heading never holds a full stop: a line with one inside is running text. Nor is
        // punctuation alone a heading: `：` cut from the end of a line.)
        (short || headline)
            && !self.ends_sentence()
            && !self.ends_inside_sentence()
            && !self.content.contains('。')
            && self.content.chars().any(char::is_alphanumeric)
    }
}

/// Letters in lower case, then at most a comma or stop.
fn is_plain_lowercase_word(word: &str) -> bool {
    let letters = word.trim_end_matches([',', '.', ';']);
    !letters.is_empty() && letters.chars().all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_block_is_read_at_its_end_from_a_sentence_that_opens_there() {
        let clause = "这是一句不算很短的话，";
        let short = format!("{clause}。{clause}");
        assert_eq!(text_lines(&short)[0].recent().content, short);

        // The stop lies in the first half of the last RECENT bytes: the end read opens after
        // it and its closing quote.
        let end = clause.repeat(22);
        let long = format!("{}说完了。”{end}", clause.repeat(40));
        let block = &text_lines(&long)[0];
        let recent = block.recent();
        assert_eq!(recent.content, end);
        assert_eq!(
            (recent.chars, recent.start, recent.end),
            (block.chars, block.start, block.end)
        );

        // No sentence opens there: the last RECENT bytes, at a letter's boundary.
        let run_on = clause.repeat(100);
        let recent = text_lines(&run_on)[0].recent().content.into_owned();
        assert!(run_on.ends_with(&recent) && recent.len() <= RECENT && recent.len() > RECENT - 4);
    }
}
