//! Site boilerplate: blocks (navigation trails, `来源：…`, `责任编辑：…`, share and print links,
//! copyright lines, photo credits) that stand in at least N distinct articles of a batch and
//! its index. Phase 2 decides which fingerprints they are; this pass removes (or reports)
//! them when the article is cleaned again in phase 3.

use std::collections::HashMap;
use std::fmt;

use crate::config::{Config, Severity};
use crate::corpus::{block_fingerprint, is_boilerplate_length, normal};
use crate::edit::Edit;
use crate::finding::Finding;
use crate::rules::{Context, Pass, Rule};

pub const SITE: Rule = Rule {
    id: "boilerplate/site",
    summary: "remove a block repeated across the articles of a site (boilerplate)",
    explanation: "A short block (up to 200 normalized characters) found in at least \
                  `--min-articles` (3) distinct articles of the batch and the index is \
                  boilerplate and removed; compared in a normal form (NFKC, lower case, digits \
                  folded, punctuation dropped), so dates and separators may differ. With \
                  `--boilerplate report` it is reported instead. Longer blocks are article text.",
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
        let mut edits = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let block = line.trim_end_matches('\n');
            let normal = normal::block(block);
            if is_boilerplate_length(&normal)
                && let Some(&articles) = boilerplate.blocks.get(&block_fingerprint(&normal))
            {
                let reason = format!("boilerplate: the same block stands in {articles} articles");
                if boilerplate.remove {
                    edits.push(Edit::new(at, at + line.len(), "", &SITE, reason));
                } else {
                    context.findings.push(Finding::new(at, &REPORTED, reason));
                }
            }
            at += line.len();
        }
        edits
    }
}
