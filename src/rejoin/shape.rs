//! What the shape of a whole document says about its line breaks: a hard-wrapped column,
//! paragraphs marked by indentation, or paragraphs marked by blank lines while wraps are not.

use crate::rejoin::evidence::opens_with_point_number;
use crate::rejoin::lines::TextLine;
use crate::rejoin::names::{NamePairs, pair_across};
use crate::script::is_cjk_letter;

/// A hard-wrapped column and its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Measured in characters. `indent_lost`: the document's paragraphs open
    /// with a line two characters shorter (the indent was lost in scraping), so a line of
    /// that length after a full one opens a paragraph.
    Cjk { width: usize, indent_lost: bool },
    /// Measured in characters; lines break at the last space that fits. `every_paragraph`:
    /// the whole document is wrapped; otherwise only some paragraphs are, and a line
    /// wider than the column is a paragraph left whole.
    Latin { width: usize, every_paragraph: bool },
}

#[derive(Debug, Default)]
pub struct DocumentShape {
    pub column: Option<Column>,
    /// Paragraphs open with indentation and continuation lines are flush.
    pub indent_marks_paragraphs: bool,
    /// Paragraphs are separated by blank lines and broken inside by single newlines.
    pub blank_lines_mark_paragraphs: bool,
    /// The number of blank lines most breaks have (the fewer, on a tie).
    pub usual_blank_lines: usize,
    /// The document's numbered points (`1、…`, `二、…`) are sentences: more of them end one
    /// than not, at least two. (Points that are headings end on no punctuation.)
    pub points_are_sentences: bool,
    /// The document's lines that open with a dash are sentences (attributions, `——获奖的选手
    /// 说，…。`), not subtitles: more of them end one than not, at least two.
    pub dashed_lines_are_sentences: bool,
    /// Capitalized word pairs of the document, read only if a Latin break could split one.
    pub names: NamePairs,
    /// The document sets a space where Chinese letters meet Latin letters or digits (`共 37
    /// 檔`, `A 股`): a break there lost one.
    pub spaces_scripts: bool,
}

impl DocumentShape {
    pub fn read(lines: &[TextLine]) -> Self {
        DocumentShape {
            column: cjk_column(lines)
                .or_else(|| latin_column(lines))
                .or_else(|| wrapped_latin_paragraphs(lines)),
            indent_marks_paragraphs: indent_marks_paragraphs(lines),
            blank_lines_mark_paragraphs: blank_lines_mark_paragraphs(lines),
            usual_blank_lines: usual_blank_lines(lines),
            points_are_sentences: mostly_sentences(lines, |l| opens_with_point_number(&l.content)),
            dashed_lines_are_sentences: mostly_sentences(lines, opens_with_dash),
            names: if lines.windows(2).any(|p| split_name(&p[0], &p[1]).is_some()) {
                NamePairs::of(lines.iter().map(|l| &*l.content))
            } else {
                NamePairs::default()
            },
            spaces_scripts: spaces_scripts(lines),
        }
    }
}

/// A Chinese letter and a Latin letter or digit (or a percentage's sign after it), either
/// way round: where a document's style sets a space or none (`共 37 檔`, `共37檔`, `9% 以上`).
pub fn scripts_meet(before: char, after: char) -> bool {
    is_cjk_letter(before) && after.is_ascii_alphanumeric()
        || (before.is_ascii_alphanumeric() || before == '%') && is_cjk_letter(after)
}

/// At least three of the places in `lines` where the scripts meet hold a space, and at
/// least four in five do.
fn spaces_scripts(lines: &[TextLine]) -> bool {
    let (mut spaced, mut tight) = (0usize, 0usize);
    for line in lines {
        let text = &*line.content;
        // (Most lines are of one script: read only those with ASCII letters or digits.)
        if !line.is_cjk_text() || !text.bytes().any(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let mut chars = text.chars();
        let (mut before, mut last) = (None, chars.next());
        for c in chars {
            match (before, last) {
                (Some(b), Some(' ')) if scripts_meet(b, c) => spaced += 1,
                (_, Some(l)) if scripts_meet(l, c) => tight += 1,
                _ => {}
            }
            (before, last) = (last, Some(c));
        }
    }
    spaced >= 3 && spaced * 5 >= (spaced + tight) * 4
}

/// A Chinese line that opens with a dash: a subtitle (`——记…`), or an attribution.
pub fn opens_with_dash(line: &TextLine) -> bool {
    line.content.starts_with('—') && line.is_cjk_text()
}

/// At least two of the lines `kind` picks end a sentence, and more of them than not.
fn mostly_sentences(lines: &[TextLine], kind: impl Fn(&TextLine) -> bool) -> bool {
    let picked = lines.iter().filter(|l| kind(l));
    let (sentences, others) = picked.fold((0, 0), |(s, o), l| {
        if l.ends_sentence() {
            (s + 1, o)
        } else {
            (s, o + 1)
        }
    });
    sentences >= 2 && sentences > others
}

/// Most CJK lines have one length (give or take two characters), and enough of them.
fn cjk_column(lines: &[TextLine]) -> Option<Column> {
    let lengths: Vec<usize> = lines
        .iter()
        .filter(|l| l.is_cjk_text())
        .map(|l| l.last_line.columns)
        .collect();
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for &len in &lengths {
        *counts.entry(len).or_default() += 1;
    }
    let (&width, _) = counts.iter().max_by_key(|&(len, n)| (*n, *len))?;
    let near = lengths.iter().filter(|l| l.abs_diff(width) <= 2).count();
    ((8..=40).contains(&width) && near >= 5 && near * 10 >= lengths.len() * 3).then(|| {
        Column::Cjk {
            width,
            indent_lost: indent_lost(lines, width),
        }
    })
}

/// Paragraphs open two characters short of the column: after lines that end a sentence
/// many lines have that length (full-width ones there are sentences that ended at the
/// margin), or the line lengths spike at it (last lines of paragraphs are spread evenly).
fn indent_lost(lines: &[TextLine], width: usize) -> bool {
    let (mut short, mut full) = (0, 0);
    for pair in lines.windows(2).filter(|p| p[0].ends_sentence()) {
        match pair[1].first_line.columns {
            n if n + 2 == width => short += 1,
            n if n == width => full += 1,
            _ => {}
        }
    }
    let count = |len: usize| lines.iter().filter(|l| l.first_line.columns == len).count();
    let two_short = count(width - 2);
    let spike = two_short >= 3 && two_short >= 2 * count(width - 1).max(count(width - 3)).max(1);
    // Without lost indents a paragraph opens full width and `short` stays near zero.
    (short >= 3 && short * 2 >= full) || spike
}

/// Most Latin lines fill between 60% and 100% of the widest usual line.
fn latin_column(lines: &[TextLine]) -> Option<Column> {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_cjk_text())
        .map(|l| l.last_line.columns)
        .collect();
    if lengths.len() < 5 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 9 / 10];
    let near = lengths
        .iter()
        .filter(|&&l| l * 10 >= width * 6 && l <= width)
        .count();
    ((30..=120).contains(&width) && near * 10 >= lengths.len() * 6).then_some(Column::Latin {
        width,
        every_paragraph: true,
    })
}

/// Latin text that stops mid-sentence on a capitalized word and goes on in another: the
/// two words, which may be one name.
pub fn split_name<'a>(a: &'a TextLine, b: &'a TextLine) -> Option<(&'a str, &'a str)> {
    let latin = !a.is_cjk_text() && !b.is_cjk_text();
    (latin && b.first().is_uppercase() && !a.ends_sentence())
        .then(|| pair_across(&a.content, &b.content))
        .flatten()
}

/// How far short of the column a wrapped line may stop: the longest usual word.
pub const WRAP_SLACK: usize = 20;

/// Latin text that stops mid-sentence and goes on in a line not set as a heading: a break
/// a wrap could have made.
pub fn may_wrap_into(a: &TextLine, b: &TextLine) -> bool {
    !a.is_cjk_text()
        && !b.is_cjk_text()
        && !a.ends_sentence()
        && !a.content.ends_with(':')
        && !a.looks_like_latin_heading()
        && !b.looks_like_latin_heading()
}

/// Some paragraphs hard-wrapped at one width among others left whole: the width at which
/// the most breaks between Latin lines are where a greedy wrap would put them (the line
/// fits, the next line's first word would not have, the next line fits too). At least
/// three, and nearly every break after a line that stops close to that width: lines of
/// any length that happen to fit a width are not a wrapped paragraph.
fn wrapped_latin_paragraphs(lines: &[TextLine]) -> Option<Column> {
    const MAX: usize = 120;
    // Each break fits the widths of one interval: count them with difference arrays.
    let mut wraps = [0i32; MAX + 2];
    let mut near = [0i32; MAX + 2];
    let count = |counts: &mut [i32; MAX + 2], low: usize, high: usize| {
        if low <= high {
            counts[low] += 1;
            counts[high + 1] -= 1;
        }
    };
    for pair in lines.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (line, next) = (a.last_line.columns, b.first_line.columns);
        let low = line.max(next).max(30);
        let high = (line + WRAP_SLACK).min(MAX);
        if low > high || !may_wrap_into(a, b) {
            continue;
        }
        count(&mut near, low, high);
        count(&mut wraps, low, high.min(line + b.first_word_columns()));
    }
    let (mut wrapped, mut close) = (0, 0);
    let mut best = None;
    for width in 0..=MAX {
        wrapped += wraps[width];
        close += near[width];
        if wrapped >= 3 && wrapped * 5 >= close * 4 && best.is_none_or(|(_, n)| wrapped > n) {
            best = Some((width, wrapped));
        }
    }
    best.map(|(width, _)| Column::Latin {
        width,
        every_paragraph: false,
    })
}

fn indent_marks_paragraphs(lines: &[TextLine]) -> bool {
    let indented = lines.iter().filter(|l| l.indented).count();
    let flush_after_text = lines
        .windows(2)
        .filter(|w| !w[1].indented && !w[1].after_blank())
        .count();
    indented >= 2 && flush_after_text >= indented && indented * 20 >= lines.len()
}

/// The number of blank lines most breaks between `lines` have (the fewer, on a tie).
fn usual_blank_lines(lines: &[TextLine]) -> usize {
    let mut counts = [0usize; 4];
    for line in lines.iter().skip(1) {
        counts[line.blank_lines_before.min(3)] += 1;
    }
    (0..counts.len())
        .rev()
        .max_by_key(|&n| counts[n])
        .unwrap_or(0)
}

/// Single newlines mostly break sentences and blank lines mostly follow finished ones.
fn blank_lines_mark_paragraphs(lines: &[TextLine]) -> bool {
    let (mut single, mut single_mid_sentence, mut blank, mut blank_after_end) = (0, 0, 0, 0);
    for pair in lines.windows(2) {
        let finished = pair[0].ends_sentence() || pair[0].looks_like_heading();
        if pair[1].after_blank() {
            blank += 1;
            blank_after_end += finished as usize;
        } else {
            single += 1;
            single_mid_sentence += !pair[0].ends_sentence() as usize;
        }
    }
    single >= 3
        && blank >= 2
        && single_mid_sentence * 10 >= single * 6
        && blank_after_end * 10 >= blank * 7
}
