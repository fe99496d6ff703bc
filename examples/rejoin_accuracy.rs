//! Measures rejoin on your own articles: each `.txt` file in DIR is one clean article, its
//! paragraphs separated by blank lines. They are split and wrapped at random, and set in
//! narrow columns, with known labels; the figures are the true joins joined, the true
//! breaks kept and the paragraphs given back exactly.
//! `cargo run --release --example rejoin_accuracy -- DIR [ROUNDS] [SEED]`.

#[path = "../benches/support/accuracy.rs"]
mod accuracy;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;

use accuracy::{COLUMN, SPLITS, run};

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: rejoin_accuracy DIR [ROUNDS] [SEED]";
    let dir = PathBuf::from(args.next().expect(usage));
    let rounds: usize = args.next().map_or(25, |r| r.parse().expect(usage));
    let seed: u64 = args.next().map_or(1, |s| s.parse().expect(usage));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let articles: Vec<Vec<String>> = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            text.split("\n\n")
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect()
        })
        .collect();
    println!("{} articles, {rounds} rounds", articles.len());
    run("split/wrap", &articles, SPLITS, rounds, seed);
    run("column", &articles, COLUMN, rounds, seed + 1);
}
