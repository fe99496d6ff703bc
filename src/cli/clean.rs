//! `scour clean`: the batch job. Reads every input in parallel and writes the mirror tree of
//! clean texts, the diffs and report.json; `scour clean -` filters stdin to stdout.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use scour::report::Status;
use scour::report::{self, Summary};
use scour::walk::Input;
use scour::{Config, FileReport, process};

use super::{Common, EXIT_ERROR, is_stdin, print_problems, progress_bar};

/// Where file reports wait, inside the output directory, until report.json is written.
const PARTS: &str = ".report-parts";

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
    // Problems found before cleaning (walk errors, clashing output paths), then the files.
    let mut problems = Vec::new();
    let mut taken = HashSet::new();
    let mut inputs = Vec::new();
    for found in args.common.inputs(&args.inputs, &settings) {
        match found {
            Ok(input) if taken.insert(input.rel.clone()) => inputs.push(input),
            Ok(input) => problems.push(FileReport::failed(
                input.path.display().to_string(),
                format!(
                    "output path clean/{} is taken by an earlier input",
                    input.rel
                ),
            )),
            Err(e) => problems.push(FileReport::failed(e.path, e.message)),
        }
    }

    // Each file's report entry is spilled to disk as it is made; only counts stay in memory.
    let parts = out.join(PARTS);
    std::fs::create_dir_all(&parts)
        .map_err(|e| format!("cannot create {}: {e}", parts.display()))?;
    let progress = progress_bar(inputs.len() as u64);
    let cleaned: Vec<Result<(Summary, Option<FileReport>), String>> = pool.install(|| {
        inputs
            .par_iter()
            .enumerate()
            .map(|(index, input)| {
                let config = args.common.config_for(&settings, input);
                let report = clean_file(input, out, &config);
                progress.inc(1);
                let mut summary = Summary::default();
                summary.add(&report);
                let part = parts.join(format!("{index:08}.json"));
                let mut writer = std::io::BufWriter::new(create(&part)?);
                report
                    .write_json(&mut writer)
                    .and_then(|()| std::io::Write::flush(&mut writer))
                    .map_err(|e| format!("cannot write {}: {e}", part.display()))?;
                let problem = matches!(report.status, Status::Error | Status::Skipped);
                Ok((summary, problem.then_some(report)))
            })
            .collect()
    });
    progress.finish_and_clear();
    let mut summary = Summary::default();
    problems.iter().for_each(|p| summary.add(p));
    let head_problems = problems.len();
    for result in cleaned {
        let (file_summary, problem) = result?;
        summary.merge(file_summary);
        problems.extend(problem);
    }

    let files = problems[..head_problems]
        .iter()
        .map(|p| Ok(p.to_json()))
        .chain((0..inputs.len()).map(|i| std::fs::read(parts.join(format!("{i:08}.json")))));
    let report = out.join("report.json");
    let mut writer = std::io::BufWriter::new(create(&report)?);
    report::write_streamed(&mut writer, settings.file.as_deref(), &summary, files)
        .and_then(|()| std::io::Write::flush(&mut writer))
        .map_err(|e| format!("cannot write {}: {e}", report.display()))?;
    let _ = std::fs::remove_dir_all(&parts);

    let s = &summary;
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
    print_problems(&problems);
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
    let Some(clean) = &processed.clean else {
        return processed.report;
    };
    let Some(rel) = rel_path(&input.rel) else {
        return FileReport::failed(
            input.rel.clone(),
            "output path would leave the output directory".into(),
        );
    };
    let mut written = write(&out.join("clean").join(&rel), clean.as_bytes());
    if written.is_ok() && processed.report.status == Status::Changed {
        let mut diff_path = out.join("diffs").join(&rel).into_os_string();
        diff_path.push(".diff");
        written = create(Path::new(&diff_path)).and_then(|file| {
            let mut file = std::io::BufWriter::new(file);
            processed
                .write_diff(&mut file)
                .and_then(|()| std::io::Write::flush(&mut file))
                .map_err(|e| format!("cannot write {}: {e}", Path::new(&diff_path).display()))
        });
    }
    match written {
        Ok(()) => processed.report,
        Err(e) => FileReport::failed(input.rel.clone(), e),
    }
}

/// A `/`-separated relative path as a path of this system, if it stays inside the output
/// directory (no `..`, no root, no drive).
fn rel_path(rel: &str) -> Option<PathBuf> {
    let path: PathBuf = rel.split('/').collect();
    path.components()
        .all(|c| matches!(c, std::path::Component::Normal(_)))
        .then_some(path)
}

/// Creates the file at `path`, and its directories.
fn create(path: &Path) -> Result<std::fs::File, String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::io::Write::write_all(&mut create(path)?, bytes)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
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
            for stale in ["clean", "diffs", PARTS] {
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
