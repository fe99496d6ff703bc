//! Throughput of the per-document pipeline (`scour::process`: decode, clean, diff, report) on
//! a generated corpus, single-threaded and on every core, the time of each pass, and how the
//! time grows with a file that is one long paragraph. `-- --quick` runs a small corpus once,
//! for CI.

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
    long_paragraphs(root, if quick { 64 << 10 } else { 256 << 10 }, &config);

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

/// Files that are one paragraph in a column, every line joining (real paragraphs run together:
/// Chinese wrapped every 15 letters, English at 70 columns), at a size and four times that:
/// the time per megabyte stays the same when every break costs the same, whatever the
/// paragraph's length. (The Chinese sizes stay within the bundled articles' text: repeated,
/// it would be a loop the repeats pass removes.)
fn long_paragraphs(root: &Path, bytes: usize, config: &scour::Config) {
    let sources = corpus::source_articles(root);
    for (cjk, width, base) in [(true, 15, 16 << 10), (false, 70, bytes)] {
        let run_on: Vec<&str> = (sources.iter().flatten())
            .filter(|p| corpus::is_cjk(p) == cjk)
            .map(String::as_str)
            .collect();
        let run_on = run_on.join(if cjk { "" } else { " " });
        let mut seconds_per_mb = Vec::new();
        for size in [base, 4 * base].map(|size| size.min(run_on.len())) {
            let paragraph = &run_on[..run_on.floor_char_boundary(size)];
            let text = corpus::wrap_lines(paragraph, width).join("\n");
            let started = Instant::now();
            std::hint::black_box(scour::process("long.txt", text.as_bytes(), config));
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "one {} paragraph of {} KB: {:.2} MB/s",
                if cjk { "Chinese" } else { "English" },
                text.len() >> 10,
                text.len() as f64 / 1e6 / seconds
            );
            seconds_per_mb.push(seconds / text.len() as f64);
        }
        println!(
            "  four times as long: {:.2}x the time per MB",
            seconds_per_mb[1] / seconds_per_mb[0]
        );
    }
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
