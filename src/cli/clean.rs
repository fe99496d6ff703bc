//! `scour clean`: the batch job. Reads every input in parallel and writes the mirror tree of
//! clean texts, the diffs and report.json; `scour clean -` filters stdin to stdout.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use scour::walk::Input;
use scour::{Config, FileReport, Report, process};

use super::{Common, EXIT_ERROR, is_stdin, print_problems, progress_bar};

#[derive(Debug, clap::Args)]
pub struct CleanArgs {
    /// Files and directories to clean, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory: clean/, diffs/ and report.json are written here.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[command(flatten)]
    common: Common,
}

pub fn run(args: CleanArgs) -> Result<ExitCode, String> {
    let settings = args.common.settings()?;
    if is_stdin(&args.inputs) {
        let input = Input {
            path: PathBuf::from("-"),
            rel: "-".into(),
            matched: PathBuf::from("-"),
        };
        return clean_stdin(&args.common.config_for(&settings, &input));
    }
    let out = args
        .out
        .as_deref()
        .ok_or("--out DIR is required (or give `-` to filter stdin to stdout)")?;
    let pool = args.common.pool()?;
    prepare_output(out)?;

    let started = Instant::now();
    let mut reports = Vec::new();
    let mut taken = HashSet::new();
    let mut inputs = Vec::new();
    for found in args.common.inputs(&args.inputs, &settings) {
        match found {
            Ok(input) if taken.insert(input.rel.clone()) => inputs.push(input),
            Ok(input) => reports.push(FileReport::failed(
                input.path.display().to_string(),
                format!(
                    "output path clean/{} is taken by an earlier input",
                    input.rel
                ),
            )),
            Err(e) => reports.push(FileReport::failed(e.path, e.message)),
        }
    }

    let progress = progress_bar(inputs.len() as u64);
    let cleaned: Vec<FileReport> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let config = args.common.config_for(&settings, input);
                let report = clean_file(input, out, &config);
                progress.inc(1);
                report
            })
            .collect()
    });
    progress.finish_and_clear();
    reports.extend(cleaned);

    let report = Report::new(settings.file.as_deref(), reports);
    write(&out.join("report.json"), report.to_json().as_bytes())?;
    let s = &report.summary;
    eprintln!(
        "scour: {} files: {} changed, {} unchanged, {} skipped, {} errors; {} edits in {:.2}s → {}",
        s.files,
        s.changed,
        s.unchanged,
        s.skipped,
        s.errors,
        s.edits,
        started.elapsed().as_secs_f64(),
        out.display()
    );
    print_problems(&report.files);
    Ok(if s.errors > 0 {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads, cleans and writes one input; every failure becomes that file's error.
fn clean_file(input: &Input, out: &Path, config: &Config) -> FileReport {
    let bytes = match std::fs::read(&input.path) {
        Ok(bytes) => bytes,
        Err(e) => return FileReport::failed(input.rel.clone(), format!("cannot read: {e}")),
    };
    let processed = process(&input.rel, &bytes, config);
    let Some(clean) = processed.clean else {
        return processed.report;
    };
    let rel = rel_path(&input.rel);
    let mut written = write(&out.join("clean").join(&rel), clean.as_bytes());
    if written.is_ok() && !processed.diff.is_empty() {
        let mut diff_path = out.join("diffs").join(&rel).into_os_string();
        diff_path.push(".diff");
        written = write(Path::new(&diff_path), processed.diff.as_bytes());
    }
    match written {
        Ok(()) => processed.report,
        Err(e) => FileReport::failed(input.rel.clone(), e),
    }
}

/// A `/`-separated relative path as a path of this system.
fn rel_path(rel: &str) -> PathBuf {
    rel.split('/').collect()
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Makes `out` ready for a fresh run: creates it, or clears the results of an earlier run.
/// A non-empty directory that is not a scour output is refused, never overwritten.
fn prepare_output(out: &Path) -> Result<(), String> {
    let shown = out.display();
    match std::fs::read_dir(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot use output directory {shown}: {e}")),
        Ok(mut entries) => {
            let empty = entries.next().is_none();
            if !empty && !out.join("report.json").is_file() {
                return Err(format!(
                    "output directory {shown} is not empty and holds no report.json from an \
                     earlier scour run; choose a new or empty directory"
                ));
            }
            for stale in ["clean", "diffs"] {
                let dir = out.join(stale);
                if dir.is_dir() {
                    std::fs::remove_dir_all(&dir)
                        .map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
                }
            }
        }
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {shown}: {e}"))
}

/// `scour clean -`: stdin to stdout, the summary on stderr.
fn clean_stdin(config: &Config) -> Result<ExitCode, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    let processed = process("-", &bytes, config);
    let Some(clean) = processed.clean else {
        return Err(format!(
            "standard input: {}",
            processed.report.error.unwrap_or_default()
        ));
    };
    std::io::stdout()
        .write_all(clean.as_bytes())
        .map_err(|e| format!("cannot write standard output: {e}"))?;
    eprintln!("scour: {} edits", processed.report.edits.len());
    Ok(ExitCode::SUCCESS)
}
