//! Reviewing a batch: the self-contained `review.html` that `clean` writes, and
//! `scour review DIR`, a rule-annotated diff in the terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

/// The page, with `__DATA__` where the batch's JSON goes.
const PAGE: &str = include_str!("review.html");

/// A file's report entry or diff larger than this is summarized on the page, not embedded:
/// no reviewer reads a diff that size in a browser, and the page must stay light.
const MAX_EMBEDDED: usize = 8 << 20;

/// The fields the page needs of a report entry too large to embed whole (its edits are
/// skipped while parsing, never held).
#[derive(serde::Deserialize, serde::Serialize)]
struct Summarized {
    path: String,
    status: String,
    #[serde(default)]
    encoding: Option<String>,
    #[serde(default)]
    duplicate_of: Option<Value>,
    findings: Vec<Value>,
}

/// Past this much embedded detail, the page lists the remaining files with their status and
/// findings only: a browser cannot hold the edits and diffs of a whole archive.
const PAGE_BUDGET: usize = 64 << 20;

/// A file's entry for the page: whole, or summarized when large or past the page's budget.
fn page_entry(bytes: &[u8], over_budget: bool) -> Result<Value, String> {
    let not_json = |e: serde_json::Error| format!("a report entry is not JSON: {e}");
    if bytes.len() <= MAX_EMBEDDED && !over_budget {
        return serde_json::from_slice(bytes).map_err(not_json);
    }
    let summarized: Summarized = serde_json::from_slice(bytes).map_err(not_json)?;
    let mut entry = serde_json::to_value(summarized).expect("a summary serializes");
    entry["edits"] = Value::Array(Vec::new());
    let why = if over_budget {
        "not shown: this page holds the first 64 MB of changes; see report.json"
    } else {
        "too many edits to show here: see report.json"
    };
    entry["error"] = Value::String(why.into());
    Ok(entry)
}

/// A file's diff for the page: read from `path` unless too large to embed or past the
/// page's budget.
fn page_diff(path: &Path, rel: &str, over_budget: bool) -> String {
    let elsewhere = |why: &str| {
        format!("--- a/{rel}\n+++ b/{rel}\n@@ -1,1 +1,1 @@\n ({why}: see diffs/{rel}.diff)\n")
    };
    if over_budget {
        return elsewhere("not shown on this page");
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_EMBEDDED as u64 => {
            elsewhere("the diff is too large to show here")
        }
        _ => std::fs::read_to_string(path).unwrap_or_default(),
    }
}

/// JSON safe inside a `<script>` element: no `<`, `>` or `&` (so no `</script>` and no
/// comment), and no line separators that old parsers choke on.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// Writes `review.html`: the summary and, for each file (its report.json entry), its diff
/// (at `diff_path(rel)`). Entries are streamed in; the page renders one file at a time, so a
/// batch of thousands opens fast.
pub fn write_page(
    path: &Path,
    summary: &scour::report::Summary,
    files: impl IntoIterator<Item = std::io::Result<Vec<u8>>>,
    diff_path: impl Fn(&str) -> PathBuf,
) -> Result<(), String> {
    let error = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let (head, tail) = PAGE
        .split_once("__DATA__")
        .expect("the page has a data slot");
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(error)?);
    out.write_all(head.as_bytes()).map_err(error)?;
    let summary = serde_json::to_string(summary).expect("a summary serializes");
    write!(out, "{{\"summary\":{},\"files\":[", script_safe(&summary)).map_err(error)?;
    let mut embedded = 0;
    for (i, file) in files.into_iter().enumerate() {
        let over_budget = embedded > PAGE_BUDGET;
        let mut entry = page_entry(&file.map_err(error)?, over_budget)?;
        let rel = entry["path"].as_str().unwrap_or_default().to_string();
        entry["diff"] = Value::String(page_diff(&diff_path(&rel), &rel, over_budget));
        let json = serde_json::to_string(&entry).expect("an entry serializes");
        embedded += json.len();
        if i > 0 {
            out.write_all(b",").map_err(error)?;
        }
        out.write_all(script_safe(&json).as_bytes())
            .map_err(error)?;
    }
    out.write_all(b"]}").map_err(error)?;
    out.write_all(tail.as_bytes()).map_err(error)?;
    out.flush().map_err(error)
}

#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// An output directory of `scour clean`.
    dir: PathBuf,
}

/// `scour review DIR`: every changed file's diff, each change followed by its rules and
/// reasons, and the findings; coloured on a terminal.
pub fn run(args: ReviewArgs) -> Result<ExitCode, String> {
    let report_path = args.dir.join("report.json");
    let text = std::fs::read_to_string(&report_path).map_err(|e| {
        format!(
            "{}: {e} (is this a scour clean output directory?)",
            report_path.display()
        )
    })?;
    let report: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", report_path.display()))?;
    let colour = std::io::stdout().is_terminal();
    let paint = |code: &str, s: &str| {
        if colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = std::io::stdout().lock();
    for file in report["files"].as_array().into_iter().flatten() {
        let path = file["path"].as_str().unwrap_or("");
        let edits = file["edits"].as_array().map_or(&[][..], |v| v.as_slice());
        let findings = file["findings"]
            .as_array()
            .map_or(&[][..], |v| v.as_slice());
        if edits.is_empty() && findings.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{}",
            paint(
                "1",
                &format!("{path}: {} edits, {} findings", edits.len(), findings.len())
            )
        );
        let diff = std::fs::read_to_string(args.dir.join("diffs").join(format!("{path}.diff")))
            .unwrap_or_default();
        let mut old_line = 0;
        for line in diff.lines() {
            if let Some(rest) = line.strip_prefix("@@ -") {
                old_line = rest
                    .split([',', ' '])
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                let _ = writeln!(out, "{}", paint("36", line));
                continue;
            }
            let code = match line.chars().next() {
                Some('+') if !line.starts_with("+++") => "32",
                Some('-') if !line.starts_with("---") => "31",
                _ => "0",
            };
            let _ = writeln!(out, "{}", paint(code, line));
            if line.starts_with(['-', ' ']) && !line.starts_with("---") {
                for e in edits.iter().filter(|e| e["line"] == old_line) {
                    let note = format!(
                        "    ↳ {} — {}",
                        e["rule"].as_str().unwrap_or(""),
                        e["reason"].as_str().unwrap_or("")
                    );
                    let _ = writeln!(out, "{}", paint("33", &note));
                }
                old_line += 1;
            }
        }
        for f in findings {
            let note = format!(
                "  ⚑ line {}: {} ({}) — {}",
                f["line"],
                f["rule"].as_str().unwrap_or(""),
                f["severity"].as_str().unwrap_or(""),
                f["message"].as_str().unwrap_or("")
            );
            let _ = writeln!(out, "{}", paint("35", &note));
        }
        let _ = writeln!(out);
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_budget_files_are_listed_without_their_changes() {
        let entry = br#"{"path":"a.txt","status":"changed","findings":[{"rule":"finding/truncated"}],"edits":[{"rule":"layout/trim"}]}"#;
        let whole = page_entry(entry, false).expect("JSON");
        assert_eq!(whole["edits"].as_array().map(Vec::len), Some(1));
        let listed = page_entry(entry, true).expect("JSON");
        assert_eq!(listed["path"], "a.txt");
        assert_eq!(listed["findings"].as_array().map(Vec::len), Some(1));
        assert_eq!(listed["edits"].as_array().map(Vec::len), Some(0));
        assert!(
            listed["error"]
                .as_str()
                .is_some_and(|e| e.contains("report.json"))
        );
        let diff = page_diff(Path::new("/nonexistent"), "a.txt", true);
        assert!(diff.contains("diffs/a.txt.diff"), "{diff}");
    }
}
