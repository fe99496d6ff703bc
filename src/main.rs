//! The `scour` command: arguments, progress, file writing and exit codes around the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: a batch allocates and frees text buffers on every worker thread while the
/// corpus phase's small fingerprints live on; glibc's per-thread arenas fragment under that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("scour: error: {error}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
