//! A deterministic generator of scraped-looking articles for benchmarks: real paragraphs
//! (the bundled Chinese articles, and English articles from `../shared/data` when present)
//! with the defects scrapers inject: half-width punctuation, mid-sentence splits, hard-wrapped
//! columns, CRLF, invisible characters, stray connectors.
#![allow(dead_code)]

use std::path::Path;

/// A small xorshift generator: the same seed gives the same corpus on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Paragraph lists of real articles to build from.
pub fn source_articles(root: &Path) -> Vec<Vec<String>> {
    let mut articles = Vec::new();
    let config = scour::Config::default();
    for entry in std::fs::read_dir(root.join("examples/articles")).expect("bundled articles") {
        let text = std::fs::read_to_string(entry.expect("entry").path()).expect("UTF-8");
        let clean = scour::clean_text(&text, &config).text;
        articles.push(clean.split("\n\n").map(|p| p.trim().to_string()).collect());
    }
    articles.sort();
    let english = root.join("../shared/data/articles_en.jsonl");
    if let Ok(jsonl) = std::fs::read_to_string(english) {
        for line in jsonl.lines() {
            let record: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let paragraphs = record["paragraphs"].as_array().expect("paragraphs");
            // One paragraph, one line: the labels count lines.
            let paragraphs: Vec<String> = paragraphs
                .iter()
                .filter_map(|p| p.as_str())
                .map(|p| {
                    let visible = p.replace(['\u{200B}', '\u{FEFF}'], "");
                    visible.split_whitespace().collect::<Vec<_>>().join(" ")
                })
                .filter(|p| !p.is_empty())
                .collect();
            if !paragraphs.is_empty() {
                articles.push(paragraphs);
            }
        }
    }
    articles
}

/// Mostly Han: a Chinese paragraph (a Han word quoted in English does not make one).
pub fn is_cjk(text: &str) -> bool {
    let han = text
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .count();
    han * 3 > text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn half_width(paragraph: &str) -> String {
    paragraph
        .chars()
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            '？' => '?',
            '！' => '!',
            c => c,
        })
        .collect()
}

/// Breaks `paragraph` into lines: CJK every `width` characters, the first line two shorter
/// (the lost indent of a newspaper column); Latin at the last space before `width`.
pub fn wrap_lines(paragraph: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let cjk = is_cjk(paragraph);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let room = if cjk && start == 0 { width - 2 } else { width };
        let mut end = (start + room).min(chars.len());
        if end < chars.len()
            && !cjk
            && let Some(space) = chars[start..end].iter().rposition(|&c| c == ' ')
        {
            end = start + space + 1;
        }
        let line: String = chars[start..end].iter().collect();
        if !line.trim().is_empty() {
            lines.push(line.trim().to_string());
        }
        start = end;
    }
    lines
}

/// Splits `paragraph` once, mid-sentence, at a random character (at a word boundary in
/// Latin text). A split where a sentence ends is a paragraph break no reader could tell
/// from a real one: the split moves on past it.
fn split_lines(paragraph: &str, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    if chars.len() < 30 {
        return vec![paragraph.to_string()];
    }
    let cjk = is_cjk(paragraph);
    let ends_sentence = |at: usize| {
        let head = chars[..at].iter().rev().find(|c| {
            !c.is_whitespace() && !matches!(c, '"' | '\'' | '”' | '’' | '」' | '）' | ')')
        });
        head.is_some_and(|c| matches!(c, '。' | '！' | '？' | '.' | '!' | '?' | '…'))
    };
    let mut at = 10 + rng.below(chars.len() - 20);
    loop {
        if !cjk {
            while at < chars.len() && chars[at] != ' ' {
                at += 1;
            }
        }
        if at >= chars.len() || !ends_sentence(at) {
            break;
        }
        at += 1;
    }
    let head: String = chars[..at].iter().collect();
    let tail: String = chars[at..].iter().collect();
    [head, tail]
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// How one generated document is damaged.
#[derive(Debug, Clone, Copy)]
pub struct Damage {
    /// Percent of paragraphs split once mid-sentence.
    pub split: usize,
    /// Percent of paragraphs hard-wrapped.
    pub wrap: usize,
    /// Wrap every paragraph of the document at one width (a narrow newspaper column).
    pub column: bool,
    /// Percent of CJK paragraphs whose punctuation is turned half-width.
    pub half_width: usize,
    /// Percent chance of scraper noise: CRLF, BOM, zero-width characters, indentation.
    pub noise: usize,
}

impl Damage {
    pub const MIXED: Damage = Damage {
        split: 10,
        wrap: 5,
        column: false,
        half_width: 40,
        noise: 10,
    };
}

/// A damaged document made from `paragraphs`, and for each of its non-blank lines the index
/// of the paragraph it came from.
pub fn damage_labelled(
    paragraphs: &[String],
    damage: Damage,
    rng: &mut Rng,
) -> (String, Vec<usize>) {
    let cjk_width = 12 + rng.below(7);
    let latin_width = 60 + rng.below(15);
    let column_separator = if rng.chance(50) { "\n" } else { "\n\n" };
    let mut text = String::new();
    let mut labels = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let cjk = is_cjk(paragraph);
        let mut p = paragraph.clone();
        if cjk && rng.chance(damage.half_width) {
            p = half_width(&p);
        }
        let width = if cjk { cjk_width } else { latin_width };
        let (lines, separator) = if damage.column {
            (wrap_lines(&p, width), column_separator)
        } else if rng.chance(damage.wrap) && p.chars().count() > width {
            (
                wrap_lines(&p, width),
                if rng.chance(50) { "\n" } else { "\n\n" },
            )
        } else if rng.chance(damage.split) {
            (
                split_lines(&p, rng),
                if rng.chance(70) { "\n\n" } else { "\n" },
            )
        } else {
            (vec![p], "")
        };
        for (n, mut line) in lines.into_iter().enumerate() {
            if rng.chance(damage.noise / 3) {
                line.insert(0, '\u{200B}');
            }
            if n == 0 && rng.chance(damage.noise / 2) {
                line = format!("\u{3000}\u{3000}{line}");
            }
            if n > 0 {
                text.push_str(separator);
            } else if index > 0 {
                text.push_str(if rng.chance(15) { "\n\n\n" } else { "\n\n" });
            }
            text.push_str(&line);
            labels.push(index);
        }
    }
    if rng.chance(damage.noise * 2) {
        text = text.replace('\n', "\r\n");
    }
    if rng.chance(damage.noise) {
        text.insert(0, '\u{FEFF}');
    }
    text.push('\n');
    (text, labels)
}

/// One article from `paragraphs`, damaged at random.
pub fn damage(paragraphs: &[String], rng: &mut Rng) -> String {
    damage_labelled(paragraphs, Damage::MIXED, rng).0
}

/// Articles of about `bytes` bytes in all, named `NNNNNN.txt`. Each takes a run of one
/// source article's paragraphs and a few paragraphs of another (of the same script), so the
/// articles are distinct, as in a real batch, not copies of a few sources.
pub fn generate(root: &Path, bytes: usize, seed: u64) -> Vec<(String, String)> {
    let sources = source_articles(root);
    let mut rng = Rng::new(seed);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < bytes {
        let main = &sources[rng.below(sources.len())];
        let other = &sources[rng.below(sources.len())];
        let start = rng.below(main.len());
        let len = 1 + rng.below(main.len() - start);
        let mut paragraphs: Vec<String> = main[start..start + len].to_vec();
        if is_cjk(&other.concat()) == is_cjk(&main.concat()) {
            for _ in 0..1 + rng.below(3) {
                let p = other[rng.below(other.len())].clone();
                let at = rng.below(paragraphs.len() + 1);
                paragraphs.insert(at, p);
            }
        }
        let text = damage(&paragraphs, &mut rng);
        total += text.len();
        articles.push((format!("{:06}.txt", articles.len()), text));
    }
    articles
}
