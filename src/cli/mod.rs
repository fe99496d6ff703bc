//! Command-line interface: the subcommands and what they share (settings, inputs, threads).

mod cache;
mod check;
mod clean;
mod jsonl;
mod review;
mod rules;
mod spill;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use scour::settings::Settings;
use scour::walk::{Input, WalkError, discover};
use scour::{Config, Spacing};

/// Exit status when a file or the run failed.
pub const EXIT_ERROR: u8 = 2;
/// Exit status of `check` with changes or findings, and of `fix` when it changed a file.
pub const EXIT_CHANGES: u8 = 1;

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
    /// Report what would change, without changing anything (for CI and pre-commit).
    Check(check::CheckArgs),
    /// Rewrite files in place, atomically; exit 1 if any changed (pre-commit convention).
    Fix(check::FixArgs),
    /// Print the changes of a `clean` output directory, annotated with their rules.
    Review(review::ReviewArgs),
    /// List the rules, or explain one.
    Rules(rules::RulesArgs),
    /// Work with corpus indexes.
    #[command(subcommand)]
    Index(IndexCommand),
}

#[derive(Debug, Subcommand)]
enum IndexCommand {
    /// Merge shard indexes into one (block counts add up).
    Merge {
        /// The indexes to merge.
        #[arg(required = true)]
        shards: Vec<PathBuf>,
        /// The merged index.
        #[arg(short, long, value_name = "PATH")]
        out: PathBuf,
    },
}

/// Options every processing command takes.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// Read settings from this file instead of searching for scour.toml, .scour.toml or
    /// [tool.scour] in pyproject.toml.
    #[arg(short = 'c', long, value_name = "FILE", conflicts_with = "isolated")]
    config: Option<PathBuf>,
    /// Ignore settings files and use the defaults.
    #[arg(long)]
    isolated: bool,
    /// CJK–Latin spacing: keep (newspaper style) or add (pangu style); overrides settings.
    #[arg(long, value_enum)]
    spacing: Option<SpacingArg>,
    /// Read input as this encoding (a WHATWG label: gb18030, big5, utf-16le…) instead of
    /// detecting it. Output is always UTF-8.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// A corpus index: its boilerplate is removed and its articles are known duplicates
    /// (`clean` also adds the batch to it). Default: the settings' `index`.
    #[arg(long, value_name = "PATH")]
    index: Option<PathBuf>,
    /// Skip excluded files even when they are named on the command line.
    #[arg(long)]
    force_exclude: bool,
    /// Worker threads (default: one per core). Output does not depend on it.
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,
    /// Skip a file larger than this (bytes, or with K, M or G): cleaning holds about ten
    /// times a file's size in memory.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    max_file_size: u64,
}

/// A size as a person reads it (`3.5 KiB`, `1.2 GiB`).
fn shown_size(bytes: u64) -> String {
    let units = [("GiB", 1u64 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)];
    match units.iter().find(|&&(_, unit)| bytes >= unit) {
        Some(&(name, unit)) => format!("{:.1} {name}", bytes as f64 / unit as f64),
        None => format!("{bytes} bytes"),
    }
}

/// A size in bytes, or in KiB, MiB or GiB with a suffix `K`, `M` or `G` (`512M`).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let upper = text.to_ascii_uppercase();
    let (number, unit) = [("K", 1u64 << 10), ("M", 1 << 20), ("G", 1 << 30)]
        .iter()
        .find_map(|&(suffix, unit)| upper.strip_suffix(suffix).map(|number| (number, unit)))
        .unwrap_or((&upper, 1));
    number
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .ok_or_else(|| format!("`{text}` is not a size: give bytes, or a number and K, M or G"))
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SpacingArg {
    Keep,
    Add,
}

impl Common {
    fn settings(&self) -> Result<Settings, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("no working directory: {e}"))?;
        let settings = match (&self.config, self.isolated) {
            (Some(file), _) => Settings::load(file),
            (None, true) => Ok(Settings::defaults(&cwd)),
            (None, false) => Settings::discover(&cwd),
        };
        if let Some(label) = &self.encoding {
            scour::settings::encoding(label)?;
        }
        settings.map_err(|e| e.to_string())
    }

    /// The configuration of one input: its settings, then the command line.
    fn config_for(&self, settings: &Settings, input: &Input) -> Config {
        let mut config = settings.config_for(&input.matched(settings));
        if let Some(label) = &self.encoding {
            // Checked in `settings()`.
            config.encoding = scour::settings::encoding(label).ok();
        }
        if let Some(spacing) = self.spacing {
            config.spacing = match spacing {
                SpacingArg::Keep => Spacing::Keep,
                SpacingArg::Add => Spacing::Add,
            };
        }
        config
    }

    /// The index to use: `--index`, else the settings'.
    fn index_path(&self, settings: &Settings) -> Option<PathBuf> {
        self.index.clone().or_else(|| settings.index.clone())
    }

    fn inputs(&self, paths: &[PathBuf], settings: &Settings) -> (Vec<Input>, Vec<WalkError>) {
        discover(paths, settings, self.force_exclude)
    }

    /// The bytes of the input at `path` (shown as `shown`), or its report: skipped when it
    /// is larger than `--max-file-size`, an error when it cannot be read.
    fn read(&self, path: &Path, shown: &str) -> Result<Vec<u8>, Box<scour::FileReport>> {
        use std::io::Read;
        let failed = |e: std::io::Error| {
            Box::new(scour::FileReport::failed(
                shown.to_string(),
                format!("cannot read: {e}"),
            ))
        };
        let limit = shown_size(self.max_file_size);
        let skipped = |why: String| Box::new(scour::FileReport::skipped(shown.to_string(), why));
        let file = std::fs::File::open(path).map_err(failed)?;
        let len = file.metadata().map_err(failed)?.len();
        if len > self.max_file_size {
            let size = shown_size(len);
            return Err(skipped(format!(
                "{size} is larger than --max-file-size ({limit})"
            )));
        }
        let mut bytes = Vec::new();
        (bytes.try_reserve_exact(len as usize)).map_err(|e| failed(std::io::Error::other(e)))?;
        // A file that grew past the limit while it was read is skipped too: read no further
        // than one byte past it, never cut short.
        (file.take(self.max_file_size.saturating_add(1)))
            .read_to_end(&mut bytes)
            .map_err(failed)?;
        if bytes.len() as u64 > self.max_file_size {
            return Err(skipped(format!(
                "more than --max-file-size ({limit}) was read: a file that grew, or a stream"
            )));
        }
        Ok(bytes)
    }

    fn pool(&self) -> Result<rayon::ThreadPool, String> {
        rayon::ThreadPoolBuilder::new()
            .num_threads(self.jobs.unwrap_or(0))
            .build()
            .map_err(|e| format!("cannot start worker threads: {e}"))
    }
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    match args.command {
        Command::Clean(args) => clean::run(args),
        Command::Check(args) => check::run_check(args),
        Command::Fix(args) => check::run_fix(args),
        Command::Review(args) => review::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Index(IndexCommand::Merge { shards, out }) => merge_indexes(&shards, &out),
    }
}

/// `scour index merge`: block counts add up, articles are kept once.
fn merge_indexes(shards: &[PathBuf], out: &Path) -> Result<ExitCode, String> {
    let mut merged = scour::corpus::index::Index::new();
    for shard in shards {
        if !shard.is_file() {
            return Err(format!("{}: no such index", shard.display()));
        }
        merged.merge(scour::corpus::index::Index::load(shard)?);
    }
    merged.save(out)?;
    eprintln!(
        "scour: merged {} indexes: {} blocks, {} articles → {}",
        shards.len(),
        merged.blocks.len(),
        merged.articles.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Prints errors and skipped files on stderr; true if any file errored.
fn print_problems<'r>(reports: impl IntoIterator<Item = &'r scour::FileReport>) -> bool {
    let mut errors = false;
    for report in reports {
        let note = report.error.as_deref().unwrap_or("");
        match report.status {
            scour::report::Status::Error => {
                errors = true;
                eprintln!("scour: {}: {note}", report.path);
            }
            scour::report::Status::Skipped => eprintln!("scour: skipped {}: {note}", report.path),
            _ => {}
        }
    }
    errors
}

/// `-` as the only input means standard input.
/// Where `scour clean` writes the diff of the input at `rel` (a relative path) in `out`.
fn diff_file(out: &Path, rel: impl AsRef<Path>) -> PathBuf {
    let mut path = out.join("diffs").join(rel).into_os_string();
    path.push(".diff");
    path.into()
}

fn is_stdin(inputs: &[PathBuf]) -> bool {
    inputs.len() == 1 && inputs[0].as_os_str() == "-"
}

/// A progress bar on stderr when it is a terminal; hidden otherwise.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} eta {eta}")
            .expect("valid template"),
    );
    bar
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so
/// the file is either wholly old or wholly new; keeps its permissions. A symlink is followed
/// and its target replaced.
fn replace_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let temp = dir.join(format!(".{name}.scour-{}.tmp", std::process::id()));
    let permissions = std::fs::metadata(&target)?.permissions();
    let written = (|| {
        let mut file = std::fs::File::create_new(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::set_permissions(&temp, permissions)?;
        std::fs::rename(&temp, &target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}
