//! Command-line interface: the subcommands and what they share.

mod clean;
mod rules;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use scour::{Config, Spacing};

/// Exit status when a file or the run failed (findings and changes use 1 in `check`/`fix`).
pub const EXIT_ERROR: u8 = 2;

/// Clean and deduplicate scraped articles.
#[derive(Debug, Parser)]
#[command(name = "scour", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Clean files and directories into an output tree of clean texts, diffs and a report.
    Clean(clean::CleanArgs),
    /// List the rules, or explain one.
    Rules(rules::RulesArgs),
}

/// Options that decide what the pipeline does.
#[derive(Debug, clap::Args)]
pub struct PipelineArgs {
    /// Spacing between CJK and Latin: keep (newspaper style) or add (pangu style).
    #[arg(long, value_enum, default_value_t = SpacingArg::Keep)]
    spacing: SpacingArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SpacingArg {
    Keep,
    Add,
}

impl PipelineArgs {
    fn config(&self) -> Config {
        Config {
            spacing: match self.spacing {
                SpacingArg::Keep => Spacing::Keep,
                SpacingArg::Add => Spacing::Add,
            },
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    match args.command {
        Command::Clean(args) => clean::run(args),
        Command::Rules(args) => rules::run(args),
    }
}

/// `-` as the only input means standard input.
fn is_stdin(inputs: &[PathBuf]) -> bool {
    inputs.len() == 1 && inputs[0].as_os_str() == "-"
}
