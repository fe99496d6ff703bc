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
            articles.push(
                paragraphs
                    .iter()
                    .filter_map(|p| p.as_str())
                    .map(str::to_string)
                    .collect(),
            );
        }
    }
    articles
}

fn is_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
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

/// Breaks `paragraph` into lines of `width` characters (CJK) or at the last space before
/// `width` (Latin).
fn wrap(paragraph: &str, width: usize, separator: &str) -> String {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = (start + width).min(chars.len());
        if end < chars.len()
            && !is_cjk(paragraph)
            && let Some(space) = chars[start..end].iter().rposition(|&c| c == ' ')
        {
            end = start + space + 1;
        }
        lines.push(
            chars[start..end]
                .iter()
                .collect::<String>()
                .trim()
                .to_string(),
        );
        start = end;
    }
    lines.join(separator)
}

/// One article from `paragraphs`, damaged at random.
pub fn damage(paragraphs: &[String], rng: &mut Rng) -> String {
    let mut out = Vec::new();
    for paragraph in paragraphs {
        let cjk = is_cjk(paragraph);
        let mut p = paragraph.clone();
        if cjk && rng.chance(40) {
            p = half_width(&p);
        }
        if rng.chance(5) && p.chars().count() > 40 {
            let width = if cjk {
                12 + rng.below(7)
            } else {
                60 + rng.below(15)
            };
            p = wrap(&p, width, if rng.chance(50) { "\n" } else { "\n\n" });
        } else if rng.chance(10) && p.chars().count() > 40 {
            let at = p
                .char_indices()
                .nth(10 + rng.below(p.chars().count() - 20))
                .map(|(i, _)| i);
            if let Some(at) = at.filter(|&i| !cjk || p[i..].starts_with(|c: char| c != ' ')) {
                p = format!("{}\n\n{}", &p[..at], &p[at..]);
            }
        }
        if rng.chance(3) {
            p.insert(0, '\u{200B}');
        }
        if rng.chance(5) {
            p = format!("\u{3000}\u{3000}{p}");
        }
        out.push(p);
    }
    let mut text = out.join(if rng.chance(20) { "\n\n\n" } else { "\n\n" });
    if rng.chance(20) {
        text = text.replace('\n', "\r\n");
    }
    if rng.chance(10) {
        text.insert(0, '\u{FEFF}');
    }
    text
}

/// Articles of about `bytes` bytes in all, named `NNNNNN.txt`.
pub fn generate(root: &Path, bytes: usize, seed: u64) -> Vec<(String, String)> {
    let sources = source_articles(root);
    let mut rng = Rng::new(seed);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < bytes {
        let source = &sources[rng.below(sources.len())];
        let text = damage(source, &mut rng);
        total += text.len();
        articles.push((format!("{:06}.txt", articles.len()), text));
    }
    articles
}
