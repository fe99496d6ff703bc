//! Site boilerplate: blocks (navigation trails, `来源：…`, `责任编辑：…`, share and print links,
//! copyright lines, photo credits) that stand in at least N distinct articles of a batch and
//! its index. Phase 2 decides which fingerprints they are; this pass removes (or reports)
//! them when the article is cleaned again in phase 3.

use std::collections::HashMap;
use std::fmt;

use crate::config::{Config, Severity};
use crate::corpus::{MAX_BOILERPLATE_CHARS, block_fingerprint, is_boilerplate_length, normal};
use crate::edit::Edit;
use crate::finding::Finding;
use crate::rejoin::evidence::ends_sentence;
use crate::rejoin::join_across;
use crate::rules::{Context, Pass, Rule};
use crate::script::count_chars;

pub const SITE: Rule = Rule {
    id: "boilerplate/site",
    summary: "remove a block repeated across the articles of a site (boilerplate)",
    explanation: "A short block (up to 200 normalized characters) found in at least \
                  `--min-articles` (3) distinct articles of the batch and the index is \
                  boilerplate and removed; compared in a normal form (NFKC, lower case, digits \
                  folded, punctuation dropped), so dates and separators may differ. With \
                  `--boilerplate report` it is reported instead. Longer blocks are article text, \
                  and so is a full sentence of 30 or more characters between the article's own \
                  blocks (a quoted or syndicated passage): boilerplate inside an article is a \
                  label, a credit or a link; before and after it, anything repeated goes.",
    example: ("正文。\n\n责任编辑：王明\n", "正文。\n"),
    finding_severity: None,
    example_config: || example_config(true),
};

pub const REPORTED: Rule = Rule {
    id: "finding/boilerplate",
    summary: "a block repeated across the articles of a site (with --boilerplate report)",
    explanation: "What `boilerplate/site` would remove, reported instead.",
    example: ("正文。\n\n责任编辑：王明\n", "正文。\n\n责任编辑：王明\n"),
    finding_severity: Some(Severity::Info),
    example_config: || example_config(false),
};

/// The examples' corpus: `责任编辑：王明` stands in five articles.
fn example_config(remove: bool) -> Config {
    let fingerprint = block_fingerprint(&normal::block("责任编辑：王明"));
    Config {
        boilerplate: Some(std::sync::Arc::new(Boilerplate {
            blocks: [(fingerprint, 5)].into(),
            remove,
        })),
        ..Config::default()
    }
}

/// The boilerplate of a corpus: block fingerprints and in how many articles each stands.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Boilerplate {
    pub blocks: HashMap<u64, u32>,
    /// Remove the blocks (else report them).
    pub remove: bool,
}

impl fmt::Debug for Boilerplate {
    /// Short, and the same for the same set (the cache keys on it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut keys: Vec<u64> = self.blocks.keys().copied().collect();
        keys.sort_unstable();
        let digest = keys.iter().fold(0u64, |h, k| h.rotate_left(5) ^ k);
        write!(
            f,
            "Boilerplate({} blocks, {digest:016x}, remove: {})",
            keys.len(),
            self.remove
        )
    }
}

pub struct BoilerplatePass;

impl Pass for BoilerplatePass {
    fn rules(&self) -> &'static [&'static Rule] {
        &[&SITE, &REPORTED]
    }

    fn is_corpus(&self) -> bool {
        true
    }

    fn propose(&self, text: &str, context: &mut Context) -> Vec<Edit> {
        let Some(boilerplate) = context.config.boilerplate.clone() else {
            return Vec::new();
        };
        // Each block (one per line), with the number of articles it stands in if it is
        // boilerplate by count.
        let mut at = 0;
        let mut blocks = Vec::new();
        for line in text.split_inclusive('\n') {
            let block = line.trim_end_matches('\n');
            if !block.trim().is_empty() {
                // (A block with more letters than boilerplate has is not read in normal form.)
                let articles = (kept_letters(block) <= MAX_BOILERPLATE_CHARS)
                    .then(|| normal::block(block))
                    .filter(|normal| is_boilerplate_length(normal))
                    .and_then(|normal| {
                        boilerplate.blocks.get(&block_fingerprint(&normal)).copied()
                    });
                blocks.push((at..at + line.len(), block, articles));
            }
            at += line.len();
        }
        // The article's own text lies between its first and last block that are not;
        // boilerplate stands around it, or inside it as a label, not as a sentence.
        let first_own = blocks
            .iter()
            .position(|b| b.2.is_none())
            .unwrap_or(blocks.len());
        let last_own = blocks.iter().rposition(|b| b.2.is_none()).unwrap_or(0);
        // What goes: boilerplate but for prose inside the article, which stays its text.
        let goes: Vec<Option<u32>> = (blocks.iter().enumerate())
            .map(|(n, &(_, block, articles))| {
                articles.filter(|_| !(first_own < n && n < last_own && is_prose(block)))
            })
            .collect();
        let mut edits = Vec::new();
        let mut n = 0;
        while n < blocks.len() {
            if goes[n].is_none() {
                n += 1;
                continue;
            }
            // A run of blocks that go, and the article's blocks on either side of it.
            let run = n..n + goes[n..].iter().take_while(|g| g.is_some()).count();
            let joined = (boilerplate.remove && run.start > 0 && run.end < blocks.len())
                .then(|| join_across(blocks[run.start - 1].1, blocks[run.end].1))
                .flatten();
            for k in run.clone() {
                let (span, articles) = (&blocks[k].0, goes[k].unwrap_or_default());
                let reason = format!("boilerplate: the same block stands in {articles} articles");
                if !boilerplate.remove {
                    let finding = Finding::new(span.start, &REPORTED, reason);
                    context.findings.push(finding);
                } else {
                    // (Where the paragraph goes on, with the blank lines up to the next block.)
                    let end = if joined.is_some() {
                        blocks[k + 1].0.start
                    } else {
                        span.end
                    };
                    edits.push(Edit::new(span.start, end, "", &SITE, reason));
                }
            }
            if let Some(joiner) = joined {
                let (span, block, _) = &blocks[run.start - 1];
                let end = span.start + block.len();
                let why = format!(
                    "{}, across the boilerplate removed between them",
                    joiner.why
                );
                let start = blocks[run.start].0.start;
                edits.push(Edit::new(end, start, joiner.text, joiner.rule, why));
            }
            n = run.end;
        }
        edits.sort_by_key(|edit| edit.start);
        edits
    }
}

/// A lower bound on the characters of `block`'s normal form: its ASCII letters and the
/// ideographs from U+5000 on (UTF-8 first bytes 0xE5 to 0xE9), which the normal form keeps
/// one for one. Counted on the bytes, without a branch.
fn kept_letters(block: &str) -> usize {
    block
        .bytes()
        .filter(|&b| b.is_ascii_alphabetic() | (b.wrapping_sub(0xE5) <= 0xE9 - 0xE5))
        .count()
}

/// A full sentence of some length: article text, which other articles may quote or
/// syndicate, where boilerplate (a credit, a trail, a share link) is a label.
fn is_prose(block: &str) -> bool {
    ends_sentence(block) && count_chars(block).1 >= PROSE_CHARS
}

/// Characters (white space not counted) from which a sentence is article text.
const PROSE_CHARS: usize = 30;

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn clean_with(text: &str, repeated: &[&str]) -> String {
        let blocks = repeated
            .iter()
            .map(|b| (block_fingerprint(&normal::block(b)), 4))
            .collect();
        let config = Config {
            boilerplate: Some(Arc::new(Boilerplate {
                blocks,
                remove: true,
            })),
            ..Config::default()
        };
        crate::clean_text(text, &config).text
    }

    #[test]
    fn a_paragraph_boilerplate_stood_inside_goes_on_once_it_is_removed() {
        let post = "— Dana Whitfield (@DanaWhitfield) March 4, 2021";
        let split = format!(
            "The council met on Monday, and the members spoke before a packed hall\n\n{post}\n\n\
             that’s where the plan for the river park was approved.\n\nA second one.\n"
        );
        let alone = crate::clean_text(&split, &Config::default()).text;
        assert!(
            alone.contains("hall\n\n— Dana"),
            "apart while the post stands: {alone}"
        );
        assert_eq!(
            clean_with(&split, &[post]),
            "The council met on Monday, and the members spoke before a packed hall that’s where \
             the plan for the river park was approved.\n\nA second one.\n"
        );
        // Between two whole paragraphs the break stays, and after a paragraph cut short, as
        // before a heading; a Chinese sentence after a comma goes on unspaced.
        let whole = format!("第一段说完了。\n\n{post}\n\n第二段也说完了。\n");
        assert_eq!(
            clean_with(&whole, &[post]),
            "第一段说完了。\n\n第二段也说完了。\n"
        );
        let short = format!("这条新线路是本市第一\n\n{post}\n\n另一段从头说起。\n");
        let kept = "这条新线路是本市第一\n\n另一段从头说起。\n";
        assert_eq!(clean_with(&short, &[post]), kept);
        let cut = format!("记者从市里获悉，新线路将于年底通车，\n\n{post}\n\n沿线设站十二座。\n");
        assert_eq!(
            clean_with(&cut, &[post]),
            "记者从市里获悉，新线路将于年底通车，沿线设站十二座。\n"
        );
    }

    #[test]
    fn kept_letters_never_exceed_the_normal_form() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
        let mut lines: Vec<String> = [
            "Ｆｕｌｌ ｗｉｄｔｈ",
            "ﬁne ﬂow",
            "e\u{301}te\u{301}",
            "㈱会社 ABC-123",
        ]
        .map(String::from)
        .into();
        for entry in std::fs::read_dir(dir).expect("bundled articles") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("UTF-8");
            lines.extend(text.lines().map(String::from));
        }
        for line in &lines {
            let normal = normal::block(line).chars().count();
            assert!(kept_letters(line) <= normal, "{line:?}");
        }
    }

    #[test]
    fn a_repeated_sentence_inside_an_article_is_its_text_and_around_it_boilerplate() {
        let sentence = "The agency said its researchers examined the design of the craft.";
        let (credit, footer) = (
            "Photo: Reuters",
            "This material may not be published or rewritten.",
        );
        let text =
            format!("Share this\n\nOwn lede.\n\n{sentence}\n\n{credit}\n\nOwn end.\n\n{footer}\n");
        let repeated = ["Share this", sentence, credit, footer];
        assert_eq!(
            clean_with(&text, &repeated),
            format!("Own lede.\n\n{sentence}\n\nOwn end.\n")
        );
        // At the article's edge the same sentence is boilerplate: a lead-in or a footer.
        let text = format!("Own lede.\n\nOwn end.\n\n{sentence}\n");
        assert_eq!(clean_with(&text, &repeated), "Own lede.\n\nOwn end.\n");
    }
}
