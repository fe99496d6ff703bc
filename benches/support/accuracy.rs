//! Rejoin accuracy: damages real articles with known paragraph labels (splits, wraps,
//! columns), cleans them, and counts the true joins joined, the true breaks kept and the
//! paragraphs given back exactly. Shared by the accuracy tests and
//! `examples/rejoin_accuracy.rs`.

use std::collections::{HashMap, HashSet};

use crate::corpus::{self, Damage, Rng};
use scour::{Config, clean_text};

/// Joins and breaks, each as (decided right, total), and paragraphs as (given back exactly,
/// white space aside, as scour cleans the paragraph alone; total): a join that puts the
/// wrong space, or none, loses its paragraph. (Cleaned alone, a scraped paragraph's own
/// defects are not counted against the joins.)
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub joins: (usize, usize),
    pub breaks: (usize, usize),
    pub paragraphs: (usize, usize),
}

impl Score {
    fn add(&mut self, other: Score) {
        self.joins.0 += other.joins.0;
        self.joins.1 += other.joins.1;
        self.breaks.0 += other.breaks.0;
        self.breaks.1 += other.breaks.1;
        self.paragraphs.0 += other.paragraphs.0;
        self.paragraphs.1 += other.paragraphs.1;
    }

    pub fn join_rate(&self) -> f64 {
        self.joins.0 as f64 / self.joins.1.max(1) as f64
    }

    pub fn break_rate(&self) -> f64 {
        self.breaks.0 as f64 / self.breaks.1.max(1) as f64
    }

    pub fn exact_rate(&self) -> f64 {
        self.paragraphs.0 as f64 / self.paragraphs.1.max(1) as f64
    }
}

/// Prints a wrong decision: the two lines, the blank lines between, and the rule that joined.
fn print_error(source: &[&str], pair: &[usize], joined: bool, cleaned: &scour::Cleaned) {
    let (a, b) = (source[pair[0] - 1], source[pair[1] - 1]);
    let tail: String = a
        .chars()
        .rev()
        .take(25)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let head: String = b.chars().take(25).collect();
    let why = cleaned
        .edits
        .iter()
        .find(|e| e.rule.id.starts_with("rejoin/") && e.line == pair[0])
        .map_or("", |e| &e.reason);
    println!(
        "{} [{}] {tail:?} /{}/ {head:?} [{}] {why}",
        if joined { "WRONG JOIN " } else { "MISSED JOIN" },
        a.chars().count(),
        pair[1] - pair[0] - 1,
        b.chars().count()
    );
}

/// Prints a paragraph not given back, and the first block that opens or closes as it does.
fn print_inexact(paragraph: &str, blocks: &[String]) {
    let chars: Vec<char> = paragraph.chars().collect();
    let head: String = chars.iter().take(6).collect();
    let tail: String = chars[chars.len().saturating_sub(6)..].iter().collect();
    let near = blocks
        .iter()
        .find(|b| b.starts_with(&head) || b.ends_with(&tail));
    println!(
        "NOT EXACT   {paragraph:?}\n   cleaned   {:?}",
        near.map_or("", |b| b)
    );
}

/// Scores a cleaned document against the paragraph label of each non-blank source line,
/// reading which lines ended in one block from the report's source line ranges, and
/// against the `paragraphs` it was made from, each cleaned alone.
fn score(text: &str, labels: &[usize], paragraphs: &[String]) -> Score {
    let cleaned = clean_text(text, &Config::default());
    let mut block_of_line = HashMap::new();
    for (b, block) in cleaned.blocks.iter().enumerate() {
        for line in block.first_line..=block.last_line {
            block_of_line.insert(line, b);
        }
    }
    let text_lines: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| {
            !l.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}')
                .is_empty()
        })
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(text_lines.len(), labels.len(), "labels for {text:?}");
    let mut score = Score::default();
    let normalize = |p: &str| p.split_whitespace().collect::<Vec<_>>().join(" ");
    let blocks: Vec<String> = cleaned.text.split("\n\n").map(normalize).collect();
    let given_back: HashSet<&String> = blocks.iter().collect();
    let show = std::env::var_os("SCOUR_SHOW_ERRORS").is_some();
    score.paragraphs.1 = paragraphs.len();
    for paragraph in paragraphs {
        let alone = normalize(&clean_text(paragraph, &Config::default()).text);
        if given_back.contains(&alone) {
            score.paragraphs.0 += 1;
        } else if show {
            print_inexact(&alone, &blocks);
        }
    }
    let source: Vec<&str> = text.split('\n').collect();
    for (pair, label) in text_lines.windows(2).zip(labels.windows(2)) {
        let joined = block_of_line.get(&pair[0]) == block_of_line.get(&pair[1]);
        if show && joined != (label[0] == label[1]) {
            print_error(&source, pair, joined, &cleaned);
        }
        if label[0] == label[1] {
            score.joins.1 += 1;
            score.joins.0 += joined as usize;
        } else {
            score.breaks.1 += 1;
            score.breaks.0 += !joined as usize;
        }
    }
    score
}

pub fn run(
    name: &str,
    articles: &[Vec<String>],
    damage: Damage,
    rounds: usize,
    seed: u64,
) -> Score {
    let mut rng = Rng::new(seed);
    let mut total = Score::default();
    for _ in 0..rounds {
        for article in articles {
            let (text, labels) = corpus::damage_labelled(article, damage, &mut rng);
            total.add(score(&text, &labels, article));
        }
    }
    println!(
        "{name}: joins {}/{} = {:.2}%, breaks {}/{} = {:.2}%, paragraphs exact {}/{} = {:.2}%",
        total.joins.0,
        total.joins.1,
        total.join_rate() * 100.0,
        total.breaks.0,
        total.breaks.1,
        total.break_rate() * 100.0,
        total.paragraphs.0,
        total.paragraphs.1,
        total.exact_rate() * 100.0
    );
    total
}

/// Paragraphs split mid-sentence and hard-wrapped at random, as scrapers leave them.
pub const SPLITS: Damage = Damage {
    split: 35,
    wrap: 15,
    column: false,
    half_width: 40,
    noise: 10,
};
/// Every paragraph hard-wrapped in one narrow column.
pub const COLUMN: Damage = Damage {
    split: 0,
    wrap: 0,
    column: true,
    half_width: 40,
    noise: 10,
};
