//! Throughput of the corpus phase: fingerprinting clean articles (phase 1's share) and the
//! batch decisions (phase 2: boilerplate counts, exact and near-duplicate clusters), and the
//! memory held per article. `-- --quick` runs a small corpus, for CI.

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use scour::corpus::{self as phase, Article, Fingerprints, index::Index};

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

    let articles: Vec<Article> = clean
        .iter()
        .zip(&fingerprints)
        .map(|((path, _), f)| Article {
            path,
            findings: 0,
            fingerprints: f,
        })
        .collect();
    let started = Instant::now();
    let decisions = phase::decide(&articles[..], &Index::new(), 3, 0.8, false, |i| {
        phase::shingles(&phase::normal::block(&clean[i].1))
    });
    let deciding = started.elapsed().as_secs_f64();

    let held: usize = fingerprints
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
        articles.len() as f64 / deciding,
        duplicates,
        decisions.boilerplate.len()
    );
    println!(
        "memory held per article: {:.0} bytes",
        held as f64 / articles.len() as f64
    );
}
