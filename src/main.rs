//! The `scour` command: arguments, progress, file writing and exit codes around the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

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
