//! Repeats: a scraper that loops copies a stretch of an article again, often starting and
//! ending mid-sentence. Repeated spans are found on a folded view of the text (white space
//! dropped, punctuation width folded, so `,` and `，` copies match) at character granularity;
//! the first copy is kept and every later one removed, and a paragraph cut where a copy began
//! or ended is reported as truncated.
//!
//! Linear time: the windows of half the minimum length are hashed (a rolling polynomial hash)
//! at every position, but only every (L/2)-th is remembered, and every repeat of length L
//! contains a remembered window. A copy's source is earlier original text, so a copy that
//! straddles two earlier copies (a loop restarting mid-paragraph) is still found.

use crate::checks::truncated::TRUNCATED;
use crate::config::Config;
use crate::edit::Edit;
use crate::finding::Finding;
use crate::rules::{Context, Pass, Rule};
use crate::script::{full_width, is_cjk_letter};

pub const LOOP: Rule = Rule {
    id: "repeat/loop",
    summary: "remove text the scraper repeated (a looping section); keep the first copy",
    explanation: "A span that repeats earlier text of the article, at least `repeat-min-cjk` (50) \
                  characters of CJK text or `repeat-min-latin` (200) of Latin text long, compared \
                  without white space and with punctuation width folded, is removed: the first \
                  copy stays. Legitimate repeats in news articles (a quoted slogan, a name) are \
                  much shorter.",
    example: (
        "区政府加强统筹协调，督促各街道办事处严格落实便民服务制度，深化网格管理，引导社区工作者主动服务居民群众，发挥基层阵地作用。\n\n区政府加强统筹协调,督促各街道办事处严格落实便民服务制度,深化网格管理,引导社区工作者主动服务居民群众,发挥基层阵地作用。\n",
        "区政府加强统筹协调，督促各街道办事处严格落实便民服务制度，深化网格管理，引导社区工作者主动服务居民群众，发挥基层阵地作用。\n",
    ),
    finding_severity: None,
    example_config: Config::default,
};

pub struct Repeats;

/// The minimum length of a removed repeat, in characters of the folded text.
fn min_length(folded: &Folded, config: &Config) -> usize {
    if folded.cjk_letters * 2 >= folded.chars.len() {
        config.repeat_min_cjk
    } else {
        config.repeat_min_latin
    }
}

/// The text without white space, punctuation folded to one width (4 bytes a character: the
/// folded view of a 200 MB file must not cost more than a few times its size), and how many
/// of its characters are CJK letters.
struct Folded {
    chars: Vec<char>,
    cjk_letters: usize,
}

fn fold(text: &str) -> Folded {
    // (Characters start at the bytes that are not continuation bytes: room for all of them.)
    let room = text.bytes().filter(|&b| (b as i8) >= -0x40).count();
    let mut chars = Vec::with_capacity(room);
    let mut cjk_letters = 0;
    for c in text.chars() {
        if c.is_ascii() {
            // (ASCII white space as `char::is_whitespace` has it: tab to carriage return, space.)
            if !matches!(c, '\t'..='\r' | ' ') {
                chars.push(full_width(c).unwrap_or(c));
            }
        } else if !c.is_whitespace() {
            cjk_letters += usize::from(is_cjk_letter(c));
            chars.push(c);
        }
    }
    Folded { chars, cjk_letters }
}

/// The byte offsets in `text` of the folded positions `wanted` (sorted), in one walk; a
/// position past the last character maps to the text's end.
fn byte_offsets(text: &str, wanted: &[usize]) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(wanted.len());
    let mut wanted = wanted.iter().peekable();
    let mut folded = 0;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        while wanted.next_if(|&&w| w == folded).is_some() {
            offsets.push(at);
        }
        folded += 1;
    }
    offsets.extend(wanted.map(|_| text.len()));
    offsets
}

const BASE: u64 = 0x100_0000_01b3;

/// A later copy `[start, end)` of the earlier text at `source` (folded positions).
struct Copy {
    source: usize,
    start: usize,
    end: usize,
}

/// Every later copy of earlier text at least `min` long, left to right, not overlapping.
fn find_copies(chars: &[char], min: usize) -> Vec<Copy> {
    let window = (min / 2).max(1);
    let step = (min - window).max(1);
    if chars.len() < min + window {
        return Vec::new();
    }
    let power = (1..window).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let mut remembered = crate::hash::HashKeyed::<usize>::default();
    // Most windows were never seen: a bit per hash slot answers them without the map.
    let slots = (chars.len() / step * 8)
        .next_power_of_two()
        .clamp(1 << 10, 1 << 24);
    let mut seen = vec![0u64; slots / 64];
    let slot = |hash: u64| (hash >> 40) as usize & (slots - 1);
    let mut copies = Vec::new();
    let mut hash = 0u64;
    for &c in &chars[..window] {
        hash = hash.wrapping_mul(BASE).wrapping_add(c as u64);
    }
    let mut q = 0;
    // Copies do not overlap each other. Their sources are earlier original text, which may
    // itself be a removed copy: its own source is earlier still, so by induction the first
    // occurrence of any text is never removed.
    let mut kept_until = 0;
    // Windows until the next one remembered (a count down, not a division at every step).
    let mut until_remembered = 0;
    while q + window <= chars.len() {
        let bit = slot(hash);
        if q >= kept_until
            && seen[bit / 64] & (1 << (bit % 64)) != 0
            && let Some(&p) = remembered.get(&hash)
            && chars[p..p + window] == chars[q..q + window]
        {
            let back = (1..=p.min(q - kept_until))
                .take_while(|&k| chars[p - k] == chars[q - k])
                .count();
            let forward = (q + window..chars.len())
                .take_while(|&i| chars[i] == chars[i - q + p])
                .count();
            let (source, start, end) = (p - back, q - back, q + window + forward);
            if end - start >= min {
                copies.push(Copy { source, start, end });
                kept_until = end;
            }
        }
        if until_remembered == 0 {
            seen[bit / 64] |= 1 << (bit % 64);
            remembered.entry(hash).or_insert(q);
            until_remembered = step;
        }
        until_remembered -= 1;
        // Roll the window one character on.
        if q + window < chars.len() {
            hash = hash
                .wrapping_sub((chars[q] as u64).wrapping_mul(power))
                .wrapping_mul(BASE)
                .wrapping_add(chars[q + window] as u64);
        }
        q += 1;
    }
    copies
}

impl Pass for Repeats {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&LOOP]
    }

    fn propose(&self, text: &str, context: &mut Context) -> Vec<Edit> {
        let folded = fold(text);
        let min = min_length(&folded, context.config);
        if min == 0 {
            return Vec::new();
        }
        let chars = folded.chars;
        let copies = find_copies(&chars, min);
        if copies.is_empty() {
            return Vec::new();
        }
        let mut wanted: Vec<usize> = copies.iter().flat_map(|c| [c.start, c.end]).collect();
        wanted.sort_unstable();
        let offsets = byte_offsets(text, &wanted);
        let byte = |i: usize| offsets[wanted.partition_point(|&w| w < i)];
        let mut edits = Vec::new();
        for copy in copies {
            // The copy ends after its last character, before any white space that follows;
            // but between two spaces inside a line it takes the space after it, so the words
            // on either side stay one space apart (the space pass has run).
            let (start, after) = (byte(copy.start), byte(copy.end));
            let mut end = start + text[start..after].trim_end().len();
            if text[..start].ends_with(' ') {
                end += text[end..].len() - text[end..].trim_start_matches(' ').len();
            }
            let excerpt: String = chars[copy.source..copy.source + 12.min(copy.end - copy.start)]
                .iter()
                .collect();
            let reason = format!(
                "repeats earlier text «{excerpt}…» ({} characters)",
                copy.end - copy.start
            );
            edits.push(Edit::new(start, end, "", &LOOP, reason));
            // A copy that begins or ends inside a line cuts the paragraph there (the seam).
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
            if !text[line_start..start].trim().is_empty() {
                let message = "paragraph cut where a repeated copy began (the loop's seam)";
                context
                    .findings
                    .push(Finding::new(start, &TRUNCATED, message));
            } else if !text[end..line_end].trim().is_empty() {
                let message =
                    "paragraph starts mid-sentence where a repeated copy ended (the loop's seam)";
                context
                    .findings
                    .push(Finding::new(end, &TRUNCATED, message));
            }
        }
        edits
    }
}

#[cfg(test)]
mod tests {
    use super::find_copies;

    fn copies(text: &str, min: usize) -> Vec<(usize, usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        find_copies(&chars, min)
            .into_iter()
            .map(|c| (c.source, c.start, c.end))
            .collect()
    }

    #[test]
    fn a_copy_inside_a_line_leaves_one_space_where_it_stood() {
        let config = crate::Config::default();
        let passage = "The council met on Monday to weigh a plan for the river park, and members \
                       asked the city for a survey of the banks, a count of the trees and a \
                       budget that the next council could keep to in the years ahead, whatever the \
                       state of the roads and the schools";
        let text = format!("{passage} first. Then {passage} again later.\n");
        let clean = crate::clean_text(&text, &config).text;
        assert_eq!(clean, format!("{passage} first. Then again later.\n"));
        assert_eq!(crate::clean_text(&clean, &config).text, clean, "idempotent");
    }

    #[test]
    fn finds_later_copies_only() {
        let a = "abcdefghijklmnopqrstuvwxyz0123";
        assert_eq!(copies(&format!("{a}{a}{a}"), 20), [(0, 30, 90)]);
        assert_eq!(copies(&format!("XY{a}--{}", &a[5..]), 20), [(7, 34, 59)]);
        assert!(
            copies(&format!("{a}{}", &a[..15]), 20).is_empty(),
            "shorter than the minimum"
        );
        assert!(copies("abcabcabcabc", 20).is_empty());
    }
}
