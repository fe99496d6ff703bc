//! `scour check` and `scour fix`: the linter and the fixer, for CI and pre-commit.
//!
//! check: exit 0 when nothing would change and no finding is at or above `fail-on`, 1
//! otherwise, 2 on errors (errors beat findings). fix: rewrite changed files atomically,
//! `Fixed <path> (<rules>)` on stderr, exit 1 if it changed anything.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

use std::sync::Arc;

use scour::config::Severity;
use scour::corpus::{self, index::Index};
use scour::report::FindingReport;
use scour::report::Status;
use scour::settings::Settings;
use scour::walk::Input;
use scour::{FileReport, process};

use super::cache::Cache;
use super::{Common, EXIT_CHANGES, EXIT_ERROR, print_problems, progress_bar, replace_atomically};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and directories (default: the current directory).
    paths: Vec<PathBuf>,
    /// Print only a unified diff of what would change, on stdout.
    #[arg(long, conflicts_with = "format")]
    diff: bool,
    /// Output format: text, or rdjson (reviewdog's diagnostic format).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Neither read nor write the cache of clean files.
    #[arg(long)]
    no_cache: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, clap::Args)]
pub struct FixArgs {
    /// Files and directories (default: the current directory).
    paths: Vec<PathBuf>,
    /// Neither read nor write the cache of clean files.
    #[arg(long)]
    no_cache: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Rdjson,
}

/// What to do with a file that would change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Check,
    /// Check, keeping the diff to print.
    Diff,
    /// Rewrite it (in the worker, so no clean text is held for the whole batch).
    Fix,
}

/// One input after checking.
struct Checked {
    report: FileReport,
    /// The diff, in `Mode::Diff`.
    diff: String,
    /// Findings at or above `fail-on`.
    failing: usize,
    /// In `Mode::Fix`, whether the rewrite of a changed file worked.
    rewrite: Option<Result<(), String>>,
}

/// Reads and checks every input in parallel, skipping content the cache knows is clean.
fn check_all(
    common: &Common,
    paths: &[PathBuf],
    no_cache: bool,
    mode: Mode,
) -> Result<Vec<Checked>, String> {
    let settings = common.settings()?;
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let (inputs, failed) = common.inputs(paths, &settings);
    let index_path = common.index_path(&settings);
    let index = index_path.as_deref().map(Index::load).transpose()?;
    let boilerplate = index
        .as_ref()
        .map(|i| Arc::new(corpus::index_boilerplate(i, MIN_ARTICLES, true)));
    // The cache must not serve results from before the index changed.
    let salt = index_path
        .and_then(|p| std::fs::read(p).ok())
        .map_or(String::new(), |bytes| scour::hash::sha256_hex(&bytes));
    let corpus = Corpus {
        index: index.as_ref().map(corpus::IndexLookup::new),
        boilerplate,
        salt,
    };
    let cache = Cache::open(&settings.root, no_cache);
    let progress = progress_bar(inputs.len() as u64);
    let mut checked: Vec<Checked> = common.pool()?.install(|| {
        inputs
            .into_par_iter()
            .map(|input| {
                let result = check_one(common, &settings, &corpus, &cache, input, mode);
                progress.inc(1);
                result
            })
            .collect()
    });
    progress.finish_and_clear();
    cache.save();
    checked.extend(failed.into_iter().map(|e| Checked {
        report: FileReport::failed(e.path, e.message),
        diff: String::new(),
        failing: 0,
        rewrite: None,
    }));
    Ok(checked)
}

/// What the repository's index adds to checking a few files.
struct Corpus<'a> {
    index: Option<corpus::IndexLookup<'a>>,
    boilerplate: Option<Arc<scour::corpus::boilerplate::Boilerplate>>,
    salt: String,
}

/// A block in at least this many indexed articles is boilerplate (as `clean`'s default).
const MIN_ARTICLES: u32 = 3;

fn check_one(
    common: &Common,
    settings: &Settings,
    corpus: &Corpus,
    cache: &Cache,
    input: Input,
    mode: Mode,
) -> Checked {
    let shown = input
        .path
        .strip_prefix(".")
        .unwrap_or(&input.path)
        .display()
        .to_string();
    let only = |report| Checked {
        report,
        diff: String::new(),
        failing: 0,
        rewrite: None,
    };
    let bytes = match common.read(&input.path, &shown) {
        Ok(bytes) => bytes,
        Err(report) => return only(*report),
    };
    let mut config = common.config_for(settings, &input);
    config.boilerplate = corpus.boilerplate.clone();
    let key = Cache::key(&config, &[corpus.salt.as_bytes(), &bytes].concat());
    let failing = |findings: &[FindingReport]| {
        findings
            .iter()
            .filter(|f| Severity::from_name(&f.severity).is_some_and(|s| s >= settings.fail_on))
            .count()
    };
    if let Some(findings) = cache.unchanged(&key) {
        return Checked {
            failing: failing(&findings),
            ..only(FileReport {
                findings,
                ..FileReport::unchanged(shown)
            })
        };
    }
    let mut processed = process(&shown, &bytes, &config);
    if let (Some(index), Some(clean)) = (&corpus.index, &processed.clean)
        && let Some(of) = index.duplicate(&input.rel, &corpus::fingerprints(clean), 0.8)
    {
        processed.report.findings.push(FindingReport {
            rule: if of.method == "exact" {
                "dedup/exact"
            } else {
                "dedup/near"
            }
            .to_string(),
            severity: "warning".to_string(),
            message: format!(
                "duplicates {} of the index (similarity {:.2})",
                of.canonical, of.similarity
            ),
            confidence: of.similarity as f32,
            line: 1,
        });
    }
    if processed.report.status == Status::Unchanged {
        cache.remember(key, processed.report.findings.clone());
    }
    let rewrite = match (mode, processed.report.status, &processed.clean) {
        (Mode::Fix, Status::Changed, Some(clean)) => Some(
            replace_atomically(&input.path, clean.as_bytes())
                .map_err(|e| format!("cannot rewrite: {e}")),
        ),
        _ => None,
    };
    Checked {
        failing: failing(&processed.report.findings),
        diff: if mode == Mode::Diff {
            processed.diff()
        } else {
            String::new()
        },
        report: processed.report,
        rewrite,
    }
}

/// The rules a file's edits came from, in first-use order, without repeats.
fn rules_of(report: &FileReport) -> String {
    let mut seen = BTreeSet::new();
    let rules: Vec<&str> = report
        .edits
        .iter()
        .map(|e| e.rule)
        .filter(|r| seen.insert(*r))
        .collect();
    rules.join(", ")
}

pub fn run_check(args: CheckArgs) -> Result<ExitCode, String> {
    let mode = if args.diff { Mode::Diff } else { Mode::Check };
    let checked = check_all(&args.common, &args.paths, args.no_cache, mode)?;
    if args.format == Format::Rdjson {
        println!("{}", rdjson(&checked));
    }
    let stdout = std::io::stdout();
    let colour = args.diff && stdout.is_terminal();
    let mut out = stdout.lock();
    let (mut changed, mut failing, mut findings) = (0, 0, 0);
    for c in &checked {
        if c.report.status == Status::Changed {
            changed += 1;
            if args.diff {
                write_diff(&mut out, &c.diff, colour);
            } else if args.format == Format::Text {
                let _ = writeln!(
                    out,
                    "{}: {} changes ({})",
                    c.report.path,
                    c.report.edits.len(),
                    rules_of(&c.report)
                );
            }
        }
        findings += c.report.findings.len();
        failing += c.failing;
        if !args.diff && args.format == Format::Text {
            for f in &c.report.findings {
                let _ = writeln!(
                    out,
                    "{}:{}: {}: {} [{}]",
                    c.report.path, f.line, f.severity, f.message, f.rule
                );
            }
        }
    }
    drop(out);
    let errors = print_problems(checked.iter().map(|c| &c.report));
    eprintln!(
        "scour: {} files checked: {changed} would change, {findings} findings ({failing} failing)",
        checked.len()
    );
    Ok(ExitCode::from(if errors {
        EXIT_ERROR
    } else if changed > 0 || failing > 0 {
        EXIT_CHANGES
    } else {
        0
    }))
}

/// Every change and finding in reviewdog's diagnostic format (rdjson).
fn rdjson(checked: &[Checked]) -> String {
    let diagnostic = |path: &str, line: usize, severity: &str, rule: &str, message: String| {
        serde_json::json!({
            "message": message,
            "location": {"path": path, "range": {"start": {"line": line}}},
            "severity": severity,
            "code": {"value": rule},
        })
    };
    let mut diagnostics = Vec::new();
    for c in checked {
        let path = &c.report.path;
        for e in &c.report.edits {
            let message = format!(
                "{} (would replace {:?} with {:?})",
                e.reason, e.removed, e.inserted
            );
            diagnostics.push(diagnostic(path, e.line, "WARNING", e.rule, message));
        }
        for f in &c.report.findings {
            let severity = match f.severity.as_str() {
                "error" => "ERROR",
                "warning" => "WARNING",
                _ => "INFO",
            };
            diagnostics.push(diagnostic(
                path,
                f.line,
                severity,
                &f.rule,
                f.message.clone(),
            ));
        }
        if let Some(error) = c
            .report
            .error
            .as_deref()
            .filter(|_| c.report.status == Status::Error)
        {
            diagnostics.push(diagnostic(path, 1, "ERROR", "error", error.to_string()));
        }
    }
    serde_json::json!({"source": {"name": "scour"}, "diagnostics": diagnostics}).to_string()
}

/// A unified diff, coloured only for a terminal.
fn write_diff(out: &mut impl Write, diff: &str, colour: bool) {
    if !colour {
        let _ = out.write_all(diff.as_bytes());
        return;
    }
    for line in diff.split_inclusive('\n') {
        let code = match line.as_bytes().first() {
            Some(b'+') if !line.starts_with("+++") => "32",
            Some(b'-') if !line.starts_with("---") => "31",
            Some(b'@') => "36",
            _ => "1",
        };
        let _ = writeln!(out, "\x1b[{code}m{}\x1b[0m", line.trim_end_matches('\n'));
    }
}

pub fn run_fix(args: FixArgs) -> Result<ExitCode, String> {
    let checked = check_all(&args.common, &args.paths, args.no_cache, Mode::Fix)?;
    let mut errors = print_problems(checked.iter().map(|c| &c.report));
    let mut fixed = 0;
    for c in &checked {
        match &c.rewrite {
            Some(Ok(())) => {
                fixed += 1;
                eprintln!("Fixed {} ({})", c.report.path, rules_of(&c.report));
            }
            Some(Err(e)) => {
                errors = true;
                eprintln!("scour: {}: {e}", c.report.path);
            }
            None => {}
        }
    }
    Ok(ExitCode::from(if errors {
        EXIT_ERROR
    } else if fixed > 0 {
        EXIT_CHANGES
    } else {
        0
    }))
}
