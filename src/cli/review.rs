//! Reviewing a batch: the self-contained `review.html` that `clean` writes, and
//! `scour review DIR`, a rule-annotated diff in the terminal.

use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;
use serde_json::Value;

/// The page, with `__DATA__` where the batch's JSON goes.
const PAGE: &str = include_str!("review.html");

/// A file's report entry or diff larger than this is summarized on the page, not embedded:
/// no reviewer reads a diff that size in a browser, and the page must stay light.
pub(super) const MAX_EMBEDDED: usize = 8 << 20;

/// The fields the page needs of a report entry it does not embed whole (its edits are
/// counted while parsing, never held), and why it is summarized: the page's script says so
/// and points to report.json and the diff, so a listed file costs no note of its own.
#[derive(serde::Deserialize, serde::Serialize)]
struct Summarized {
    path: String,
    status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    encoding: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<Value>,
    findings: Vec<Value>,
    #[serde(rename(deserialize = "edits"), deserialize_with = "count", default)]
    edit_count: usize,
    #[serde(skip_deserializing)]
    summarized: &'static str,
    /// None: the script reads every entry's `edits` alike.
    #[serde(skip_deserializing, rename(serialize = "edits"))]
    no_edits: [(); 0],
}

/// The length of a JSON array, read without holding its elements.
fn count<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<usize, D::Error> {
    struct Count;
    impl<'de> serde::de::Visitor<'de> for Count {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an array")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
            let mut n = 0;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    deserializer.deserialize_seq(Count)
}

/// Past this much embedded detail, the page lists the remaining files with their status and
/// findings only: a browser cannot hold the edits and diffs of a whole archive.
pub(super) const PAGE_BUDGET: usize = 64 << 20;

/// A file's entry for the page, summarized: status, findings and the number of edits (an
/// empty `edits`, so the script reads every entry alike), and why (`summarized`: `budget`
/// past the page's budget, `size` for an entry too large).
fn summarized_entry(bytes: &[u8], over_budget: bool) -> Result<String, String> {
    let mut summarized: Summarized = serde_json::from_slice(bytes).map_err(not_json)?;
    summarized.summarized = if over_budget { "budget" } else { "size" };
    Ok(serde_json::to_string(&summarized).expect("a summary serializes"))
}

fn not_json(e: impl std::fmt::Display) -> String {
    format!("a report entry is not JSON: {e}")
}

/// A file for the page: its path, its report entry, and its diff if the batch kept it (if not,
/// the page reads the diff's file).
pub type PageFile = (String, Vec<u8>, Option<Vec<u8>>);

/// A file as the page embeds it, script-safe: its report entry (whole, or summarized when
/// large or past the page's budget) with its diff spliced in as `diff` (none past the
/// budget). `path` is the entry's.
fn page_file(
    (path, bytes, kept): &PageFile,
    over_budget: bool,
    diff_path: &impl Fn(&str) -> PathBuf,
) -> Result<String, String> {
    let mut json = if bytes.len() <= MAX_EMBEDDED && !over_budget {
        String::from_utf8(bytes.to_vec()).map_err(not_json)?
    } else {
        summarized_entry(bytes, over_budget)?
    };
    if over_budget {
        return Ok(script_safe(&json));
    }
    // An entry is one JSON object: its closing brace makes way for the diff.
    json.truncate(json.trim_end().len());
    if json.pop() != Some('}') {
        return Err(not_json("not an object"));
    }
    let diff = match kept {
        Some(diff) => Cow::Borrowed(std::str::from_utf8(diff).unwrap_or_default()),
        None => Cow::Owned(page_diff(&diff_path(path), path)),
    };
    json.push_str(if json.ends_with('{') {
        "\"diff\":"
    } else {
        ",\"diff\":"
    });
    json.push_str(&serde_json::to_string(&diff).expect("a string serializes"));
    json.push('}');
    Ok(script_safe(&json))
}

/// A file's diff for the page: read from `path` unless too large to embed.
fn page_diff(path: &Path, rel: &str) -> String {
    // (The open file's length, not a second look-up of its path; then one read of that
    // many bytes.)
    let read = std::fs::File::open(path).and_then(|file| {
        let len = file.metadata()?.len();
        if len > MAX_EMBEDDED as u64 {
            return Ok(None);
        }
        let mut diff = String::with_capacity(len as usize);
        file.take(len).read_to_string(&mut diff)?;
        Ok(Some(diff))
    });
    match read {
        Ok(Some(diff)) => diff,
        Ok(None) => format!(
            "--- a/{rel}\n+++ b/{rel}\n@@ -1,1 +1,1 @@\n (the diff is too large to show here: \
             see diffs/{rel}.diff)\n"
        ),
        Err(_) => String::new(),
    }
}

/// JSON safe inside a `<script>` element: no `<`, `>` or `&` (so no `</script>` and no
/// comment), and no line separators that old parsers choke on.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut copied = 0;
    // (Read on the bytes: the line separators are the only characters escaped outside
    // ASCII, and both open with 0xE2.)
    let bytes = json.as_bytes();
    let special = |b: u8| matches!(b, b'<' | b'>' | b'&' | 0xE2);
    // (Chunks without such a byte are passed over by a test in vector code.)
    const CHUNK: usize = 64;
    let candidates = bytes.chunks(CHUNK).enumerate().flat_map(|(n, chunk)| {
        let any = chunk.iter().fold(false, |any, &b| any | special(b));
        let at = n * CHUNK;
        (any.then_some(chunk).into_iter().flatten().enumerate())
            .filter(move |&(_, &b)| special(b))
            .map(move |(i, _)| at + i)
    });
    for at in candidates {
        let escaped = match bytes[at] {
            b'<' | b'>' | b'&' => 1,
            0xE2 if matches!(bytes[at..], [_, 0x80, 0xA8 | 0xA9, ..]) => 3,
            _ => continue,
        };
        out.push_str(&json[copied..at]);
        let code = json[at..].chars().next().map_or(0, u32::from);
        out.push_str(&format!("\\u{code:04x}"));
        copied = at + escaped;
    }
    out.push_str(&json[copied..]);
    out
}

/// Files rendered in parallel at a time.
const CHUNK: usize = 256;

/// Writes `review.html`: the summary and, for each file (its path and report.json entry), its diff
/// (kept, or at `diff_path(rel)`). Entries are streamed in and rendered in parallel (on the
/// current rayon pool); the page renders one file at a time, so a batch of thousands opens
/// fast.
pub fn write_page(
    path: &Path,
    summary: &scour::report::Summary,
    files: impl IntoIterator<Item = std::io::Result<PageFile>>,
    diff_path: impl Fn(&str) -> PathBuf + Sync,
) -> Result<(), String> {
    let error = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let (head, tail) = PAGE
        .split_once("__DATA__")
        .expect("the page has a data slot");
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(error)?);
    out.write_all(head.as_bytes()).map_err(error)?;
    let summary = serde_json::to_string(summary).expect("a summary serializes");
    write!(out, "{{\"summary\":{},\"files\":[", script_safe(&summary)).map_err(error)?;
    let mut files = files.into_iter();
    let (mut embedded, mut first) = (0, true);
    loop {
        let chunk: Vec<PageFile> = files
            .by_ref()
            .take(CHUNK)
            .collect::<Result<_, _>>()
            .map_err(error)?;
        if chunk.is_empty() {
            break;
        }
        // Rendered as if the budget holds for the whole chunk; a file past it is rendered
        // again, so the page is the same as one rendered file by file.
        let over_at_start = embedded > PAGE_BUDGET;
        let rendered: Vec<Result<String, String>> = chunk
            .par_iter()
            .map(|file| page_file(file, over_at_start, &diff_path))
            .collect();
        for (page, file) in chunk.iter().zip(rendered) {
            let over_budget = embedded > PAGE_BUDGET;
            let file = if over_budget == over_at_start {
                file?
            } else {
                page_file(page, over_budget, &diff_path)?
            };
            embedded += file.len();
            if !first {
                out.write_all(b",").map_err(error)?;
            }
            first = false;
            out.write_all(file.as_bytes()).map_err(error)?;
        }
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
        let diff = std::fs::read_to_string(super::diff_file(&args.dir, path)).unwrap_or_default();
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
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join("a.txt.diff"), "--- a/a.txt\n+</script>\n").unwrap();
        let diff_path = |rel: &str| dir.path().join(format!("{rel}.diff"));
        let entry = br#"{"path":"a.txt","status":"changed","findings":[{"rule":"finding/truncated"}],"edits":[{"rule":"layout/trim"}]}"#;
        let parse = |over_budget| -> Value {
            let page = ("a.txt".to_string(), entry.to_vec(), None);
            let file = page_file(&page, over_budget, &diff_path).expect("rendered");
            assert!(!file.contains('<'), "{file}");
            serde_json::from_str(&file).expect("JSON")
        };
        let whole = parse(false);
        assert_eq!(whole["edits"].as_array().map(Vec::len), Some(1));
        assert_eq!(whole["diff"], "--- a/a.txt\n+</script>\n");
        let listed = parse(true);
        assert_eq!(listed["path"], "a.txt");
        assert_eq!(listed["status"], "changed");
        assert_eq!(listed["findings"].as_array().map(Vec::len), Some(1));
        assert_eq!(listed["edits"].as_array().map(Vec::len), Some(0));
        assert_eq!(listed["edit_count"], 1);
        assert_eq!(listed["summarized"], "budget");
        assert!(listed.get("diff").is_none() && listed.get("encoding").is_none());
        // A diff the batch kept is embedded as it is, and its file not read.
        let kept = (
            "a.txt".to_string(),
            entry.to_vec(),
            Some(b"--- kept\n".to_vec()),
        );
        let file = page_file(&kept, false, &diff_path).expect("rendered");
        let file: Value = serde_json::from_str(&file).expect("JSON");
        assert_eq!(file["diff"], "--- kept\n");
    }

    #[test]
    fn an_entry_too_large_is_summarized_with_its_diff() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join("a.txt.diff"), "--- a/a.txt\n+x\n").unwrap();
        let diff_path = |rel: &str| dir.path().join(format!("{rel}.diff"));
        let edit = r#"{"rule":"layout/trim","reason":"trailing white space"}"#;
        let edits = vec![edit; MAX_EMBEDDED / edit.len() + 1].join(",");
        let entry = format!(
            r#"{{"path":"a.txt","status":"changed","encoding":"gb18030","findings":[],"edits":[{edits}]}}"#
        );
        let page = ("a.txt".to_string(), entry.into_bytes(), None);
        let file = page_file(&page, false, &diff_path).expect("rendered");
        let file: Value = serde_json::from_str(&file).expect("JSON");
        assert_eq!(file["edit_count"], MAX_EMBEDDED / edit.len() + 1);
        assert_eq!(file["summarized"], "size");
        assert_eq!(file["encoding"], "gb18030");
        assert_eq!(file["diff"], "--- a/a.txt\n+x\n");
    }

    #[test]
    fn script_safe_escapes_what_ends_a_script() {
        assert_eq!(
            script_safe("\"</script>&\u{2028}\""),
            "\"\\u003c/script\\u003e\\u0026\\u2028\""
        );
    }
}
