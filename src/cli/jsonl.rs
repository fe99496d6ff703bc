//! `scour clean --jsonl`: records `{"id": …, "text": …}` in, cleaned records out, so scour
//! runs as a stage of a data pipeline (Spark's or Ray's `pipe()`). Records are read and
//! cleaned in chunks, in parallel, and written in input order.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::{Value, json};

use scour::{Config, clean_text};

use super::EXIT_ERROR;

/// Records cleaned together; bounds memory however long the input.
const CHUNK: usize = 4096;

/// One output record for one input line.
fn clean_record(line: &str, number: usize, config: &Config) -> (Value, bool) {
    let record: Value = match serde_json::from_str(line) {
        Ok(record) => record,
        Err(e) => {
            return (
                json!({"line": number, "error": format!("not JSON: {e}")}),
                false,
            );
        }
    };
    let id = record.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = record.get("text").and_then(Value::as_str) else {
        return (
            json!({"id": id, "error": "no string field \"text\""}),
            false,
        );
    };
    let cleaned = clean_text(text, config);
    let mut out = record.clone();
    out["text"] = Value::String(cleaned.text);
    out["edits"] = json!(cleaned.edits.len());
    out["findings"] = json!(cleaned.findings.len());
    (out, true)
}

/// Cleans every record of `inputs` (files, or `-` for stdin) into `out` (`DIR/clean.jsonl`)
/// or stdout.
pub fn run(
    inputs: &[PathBuf],
    out: Option<&Path>,
    config: &Config,
    pool: &rayon::ThreadPool,
) -> Result<ExitCode, String> {
    let mut writer: Box<dyn Write> = match out {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            let path = dir.join("clean.jsonl");
            let file = std::fs::File::create(&path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Box::new(std::io::BufWriter::new(file))
        }
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let (mut records, mut failed) = (0usize, 0usize);
    for input in inputs {
        let reader: Box<dyn BufRead> = if input.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let file =
                std::fs::File::open(input).map_err(|e| format!("{}: {e}", input.display()))?;
            Box::new(std::io::BufReader::new(file))
        };
        let mut lines = reader.lines().enumerate();
        loop {
            let chunk: Vec<(usize, String)> = lines
                .by_ref()
                .take(CHUNK)
                .map(|(n, line)| line.map(|l| (n + 1, l)))
                .collect::<Result<_, _>>()
                .map_err(|e| format!("{}: {e}", input.display()))?;
            if chunk.is_empty() {
                break;
            }
            let cleaned: Vec<(Value, bool)> = pool.install(|| {
                chunk
                    .par_iter()
                    .filter(|(_, line)| !line.trim().is_empty())
                    .map(|(n, line)| clean_record(line, *n, config))
                    .collect()
            });
            for (record, ok) in cleaned {
                records += 1;
                failed += !ok as usize;
                serde_json::to_writer(&mut writer, &record)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writer.write_all(b"\n"))
                    .map_err(|e| format!("cannot write output: {e}"))?;
            }
        }
    }
    writer
        .flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    eprintln!("scour: {records} records, {failed} errors");
    Ok(if failed > 0 {
        ExitCode::from(EXIT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}
