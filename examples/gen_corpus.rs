//! Writes a generated corpus of damaged articles to a directory, for throughput runs:
//! `cargo run --release --example gen_corpus -- DIR [MEGABYTES] [SEED]`.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: gen_corpus DIR [MEGABYTES] [SEED]"),
    );
    let megabytes: usize = args.next().map_or(24, |m| m.parse().expect("MEGABYTES"));
    let seed: u64 = args.next().map_or(7, |s| s.parse().expect("SEED"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&dir).expect("create DIR");
    let articles = corpus::generate(root, megabytes << 20, seed);
    for (name, text) in &articles {
        std::fs::write(dir.join(name), text).expect("write article");
    }
    eprintln!("wrote {} articles to {}", articles.len(), dir.display());
}
