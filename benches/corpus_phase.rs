//! Throughput of the corpus phase: fingerprinting clean articles (phase 1's share) and the
//! batch decisions (phase 2: boilerplate counts, exact and near-duplicate clusters), and the
//! size of an article's fingerprints (which `scour clean` spills to disk for phase 2).
//! `-- --quick` runs a small corpus, for CI.

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use scour::corpus::{self as phase, Article, Batch, Fingerprints, index::Index};

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let megabytes = if quick { 2 } else { 32 };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = scour::Config::default();
    let clean: Vec<(String, String)> = corpus::generate(root, megabytes << 20, 11)
        .into_par_iter()
        .map(|(name, text)| (name, scour::clean_text(&text, &config).text))
        .collect();
    let mb = clean.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / 1e6;
    println!("corpus: {} clean articles, {mb:.1} MB", clean.len());

    let started = Instant::now();
    let fingerprints: Vec<Fingerprints> = clean
        .par_iter()
        .map(|(_, t)| phase::fingerprints(t))
        .collect();
    let fingerprinting = started.elapsed().as_secs_f64();

    let articles = InMemory {
        paths: clean.iter().map(|(path, _)| path.as_str()).collect(),
        fingerprints: &fingerprints,
    };
    let started = Instant::now();
    let decisions = phase::decide(&articles, &Index::new(), 3, 0.8, false, |i| {
        phase::narrow_shingles(&phase::shingles(&phase::normal::block(&clean[i].1)))
    });
    let deciding = started.elapsed().as_secs_f64();

    let bytes: usize = fingerprints
        .iter()
        .map(|f| {
            std::mem::size_of::<Fingerprints>()
                + std::mem::size_of_val(&*f.blocks)
                + std::mem::size_of_val(&*f.minhash)
        })
        .sum();
    let duplicates = decisions.duplicates.iter().filter(|d| d.is_some()).count();
    println!(
        "fingerprints: {:.1} MB/s on {} threads; decisions: {:.0} articles/s ({} duplicates, {} boilerplate blocks)",
        mb / fingerprinting,
        rayon::current_num_threads(),
        clean.len() as f64 / deciding,
        duplicates,
        decisions.boilerplate.len()
    );
    println!(
        "fingerprints per article: {:.0} bytes",
        bytes as f64 / clean.len() as f64
    );
}

/// A batch whose fingerprints stay in memory.
struct InMemory<'a> {
    paths: Vec<&'a str>,
    fingerprints: &'a [Fingerprints],
}

impl Batch for InMemory<'_> {
    fn len(&self) -> usize {
        self.paths.len()
    }

    fn article(&self, k: usize) -> Article<'_> {
        Article {
            path: self.paths[k],
            findings: 0,
            exact: self.fingerprints[k].exact,
            shingles: self.fingerprints[k].shingles,
        }
    }

    fn fingerprints(&self, k: usize) -> Fingerprints {
        self.fingerprints[k].clone()
    }
}
