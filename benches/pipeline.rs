//! Throughput of the per-document pipeline (`scour::process`: decode, clean, diff, report) on
//! a generated corpus, single-threaded and on every core, and the time of each pass.
//! `-- --quick` runs a small corpus once, for CI.

#[path = "support/corpus.rs"]
mod corpus;

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let megabytes = if quick { 2 } else { 32 };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let articles = corpus::generate(root, megabytes << 20, 7);
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let config = scour::Config::default();
    let mb = bytes as f64 / 1e6;
    println!("corpus: {} articles, {mb:.1} MB", articles.len());

    let started = Instant::now();
    let edits: usize = articles
        .iter()
        .map(|(name, text)| {
            scour::process(name, text.as_bytes(), &config)
                .report
                .edits
                .len()
        })
        .sum();
    let one = started.elapsed().as_secs_f64();
    println!("1 thread:  {:.1} MB/s ({edits} edits)", mb / one);

    per_pass(&articles, &config);

    let started = Instant::now();
    articles.par_iter().for_each(|(name, text)| {
        std::hint::black_box(scour::process(name, text.as_bytes(), &config));
    });
    let all = started.elapsed().as_secs_f64();
    println!(
        "{} threads: {:.1} MB/s, {:.2}x one thread",
        rayon::current_num_threads(),
        mb / all,
        one / all
    );
}

/// Each pass on its own, in pipeline order, on one thread: where the time goes.
fn per_pass(articles: &[(String, String)], config: &scour::Config) {
    use scour::pipeline::PASSES;
    use scour::rules::Context;
    let mut seconds = vec![0f64; PASSES.len()];
    for (_, text) in articles {
        let mut text = text.clone();
        for (i, pass) in PASSES.iter().enumerate() {
            let started = Instant::now();
            let mut context = Context::new(config, &PASSES[i + 1..]);
            let edits = pass.propose(&text, &mut context);
            if !edits.is_empty() {
                text = scour::edit::apply(&text, edits).0;
            }
            seconds[i] += started.elapsed().as_secs_f64();
        }
    }
    let total: f64 = seconds.iter().sum();
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    for (pass, s) in PASSES.iter().zip(&seconds) {
        println!(
            "  {:28} {:6.1}%  {:8.1} MB/s",
            pass.rules()[0].id,
            100.0 * s / total,
            bytes as f64 / 1e6 / s
        );
    }
}
