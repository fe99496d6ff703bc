//! The `scour` binary as a user runs it: exit codes, the written tree, diffs that `git apply`
//! accepts, stdin mode, bad files in a batch, and thread-count determinism.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::scour;
use serde_json::Value;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles")
}

/// A directory of articles: the bundled samples (inputs only) and a nested folder.
fn article_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir_all(articles.join("nested")).unwrap();
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".out.txt") {
            std::fs::copy(&path, articles.join(&name)).unwrap();
        }
    }
    std::fs::write(
        articles.join("nested/crlf.txt"),
        "第一段,内容。\r\n\r\n第二段。\r\n",
    )
    .unwrap();
    std::fs::write(articles.join("nested/clean.txt"), "已经干净的文章。\n").unwrap();
    std::fs::write(articles.join("notes.json"), "{}").unwrap();
    dir
}

/// A run's standard error, once its exit code is checked to be `code`.
fn stderr_of(run: &std::process::Output, code: i32) -> String {
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(code), "{stderr}");
    stderr
}

fn report(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap()
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn clean_writes_the_mirror_tree_diffs_and_report() {
    let dir = article_tree();
    let run = scour(&["clean", "articles", "--out", "out"], dir.path());
    let stderr = stderr_of(&run, 0);
    assert!(
        stderr.contains("6 files: 5 changed, 1 unchanged, 0 duplicates, 0 skipped, 0 errors"),
        "{stderr}"
    );
    assert!(run.stdout.is_empty());

    let out = dir.path().join("out");
    for rel in [
        "000_e91db76072d210f8.txt",
        "nested/crlf.txt",
        "nested/clean.txt",
    ] {
        let clean = std::fs::read_to_string(out.join("clean").join(rel)).unwrap();
        common::assert_canonical(&clean);
    }
    assert!(
        !out.join("clean/notes.json").exists(),
        "only article files are walked"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("clean/nested/crlf.txt")).unwrap(),
        "第一段，内容。\n\n第二段。\n"
    );
    assert!(out.join("diffs/nested/crlf.txt.diff").is_file());
    assert!(
        !out.join("diffs/nested/clean.txt.diff").exists(),
        "no diff for an unchanged file"
    );

    let report = report(&out);
    assert_eq!(report["schema"], 1);
    assert_eq!(report["summary"]["files"], 6);
    let files = report["files"].as_array().unwrap();
    let crlf = files
        .iter()
        .find(|f| f["path"] == "nested/crlf.txt")
        .unwrap();
    assert_eq!(crlf["status"], "changed");
    assert_eq!(crlf["input_sha256"].as_str().unwrap().len(), 64);
    let rules: Vec<&str> = crlf["edits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"normalize/line-endings") && rules.contains(&"normalize/punct-width"),
        "{rules:?}"
    );
    let comma = crlf["edits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rule"] == "normalize/punct-width")
        .unwrap();
    assert_eq!(
        (
            comma["line"].as_u64(),
            comma["removed"].as_str(),
            comma["inserted"].as_str()
        ),
        (Some(1), Some(","), Some("，"))
    );
    assert_eq!(
        crlf["blocks"],
        serde_json::json!([{"kind": "paragraph", "lines": [1, 1]}, {"kind": "paragraph", "lines": [3, 3]}])
    );
}

#[test]
fn diffs_apply_with_git_to_reproduce_the_clean_tree() {
    let dir = article_tree();
    assert!(
        scour(&["clean", "articles", "--out", "out"], dir.path())
            .status
            .success()
    );
    let out = dir.path().join("out");
    let mut diffs = Vec::new();
    for (rel, _) in tree(&out.join("diffs")) {
        diffs.push(out.join("diffs").join(rel));
    }
    assert!(diffs.len() >= 5);
    let repo = dir.path().join("articles");
    let applied = Command::new("git")
        .args(["apply", "--unsafe-paths", "-p1"])
        .args(&diffs)
        .current_dir(&repo)
        .output()
        .expect("git runs");
    assert!(
        applied.status.success(),
        "{}",
        String::from_utf8_lossy(&applied.stderr)
    );
    for (rel, bytes) in tree(&out.join("clean")) {
        assert_eq!(
            std::fs::read(repo.join(&rel)).unwrap(),
            bytes,
            "{rel} after git apply"
        );
    }
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let dir = article_tree();
    assert!(
        scour(&["clean", "articles", "--out", "one", "-j1"], dir.path())
            .status
            .success()
    );
    assert!(
        scour(&["clean", "articles", "--out", "four", "-j4"], dir.path())
            .status
            .success()
    );
    let one = tree(&dir.path().join("one"));
    assert_eq!(one, tree(&dir.path().join("four")));
    assert!(one.len() > 10);
}

#[test]
fn a_bad_file_is_reported_and_does_not_stop_the_batch() {
    let dir = article_tree();
    let articles = dir.path().join("articles");
    let (gbk, _, _) =
        encoding_rs::GB18030.encode("滨江市社区文化工作,成效显著。市文化馆联合举办大赛。");
    std::fs::write(articles.join("gbk.txt"), gbk).unwrap();
    let corrupt = [
        "正常的中文文本，".as_bytes(),
        b"\xFF\xFE",
        "后面还有更多内容。".as_bytes(),
    ]
    .concat();
    std::fs::write(articles.join("corrupt.txt"), corrupt).unwrap();
    std::fs::write(articles.join("image.txt"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    std::fs::write(articles.join("empty.txt"), b"").unwrap();
    let run = scour(
        &["clean", "articles", "missing.txt", "--out", "out"],
        dir.path(),
    );
    let stderr = stderr_of(&run, 2);
    assert!(
        stderr.contains("corrupt.txt: invalid UTF-8 at byte 24 (line 1)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("skipped image.txt: binary file"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let out = dir.path().join("out");
    let report = report(&out);
    assert_eq!(report["summary"]["errors"], 2);
    assert_eq!(report["summary"]["skipped"], 1);
    assert_eq!(report["summary"]["changed"], 6);
    let gbk = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "gbk.txt")
        .unwrap();
    assert_eq!(gbk["encoding"], "gb18030");
    assert_eq!(
        std::fs::read_to_string(out.join("clean/gbk.txt")).unwrap(),
        "滨江市社区文化工作，成效显著。市文化馆联合举办大赛。\n"
    );
    assert!(out.join("clean/000_e91db76072d210f8.txt").is_file());
    assert_eq!(std::fs::read(out.join("clean/empty.txt")).unwrap(), b"");
    assert!(!out.join("clean/corrupt.txt").exists());
}

#[test]
fn a_file_past_the_size_limit_is_skipped_by_clean_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("large.txt"), "很长的文章，".repeat(200)).unwrap();
    std::fs::write(articles.join("small.txt"), "短文章,内容。\n").unwrap();
    let run = scour(
        &["clean", "articles", "--out", "out", "--max-file-size", "2K"],
        dir.path(),
    );
    let stderr = stderr_of(&run, 0);
    assert!(
        stderr.contains("skipped large.txt: 3.5 KiB is larger than --max-file-size (2.0 KiB)"),
        "{stderr}"
    );
    let out = dir.path().join("out");
    let report = report(&out);
    assert_eq!(report["summary"]["skipped"], 1);
    assert_eq!(report["summary"]["changed"], 1);
    assert!(!out.join("clean/large.txt").exists() && out.join("clean/small.txt").is_file());

    // (Exit 1: small.txt would change.)
    let check = scour(&["check", "articles", "--max-file-size", "2K"], dir.path());
    assert!(stderr_of(&check, 1).contains("skipped articles/large.txt"));
    let fix = scour(
        &["fix", "articles/large.txt", "--max-file-size", "2K"],
        dir.path(),
    );
    assert_eq!(fix.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(articles.join("large.txt")).unwrap(),
        "很长的文章，".repeat(200),
        "a skipped file is never rewritten"
    );
    // A stream (or a file that grows while it is read) is read no further than the limit.
    #[cfg(unix)]
    {
        let stream = scour(&["check", "/dev/zero", "--max-file-size", "2K"], dir.path());
        let stderr = stderr_of(&stream, 0);
        assert!(
            stderr.contains("skipped /dev/zero: more than --max-file-size (2.0 KiB) was read"),
            "{stderr}"
        );
    }
    let bad = scour(&["check", "articles", "--max-file-size", "2X"], dir.path());
    assert!(stderr_of(&bad, 2).contains("`2X` is not a size"));
}

#[test]
fn two_inputs_with_one_output_path_keep_the_first() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, text) in [("a", "第一篇,内容。\n"), ("b", "第二篇,内容。\n")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("same.txt"), text).unwrap();
    }
    let run = scour(
        &["clean", "a/same.txt", "b/same.txt", "--out", "out"],
        dir.path(),
    );
    let stderr = stderr_of(&run, 2);
    assert!(
        stderr.contains("output path clean/same.txt is taken by an earlier input"),
        "{stderr}"
    );
    let out = dir.path().join("out");
    assert_eq!(
        std::fs::read_to_string(out.join("clean/same.txt")).unwrap(),
        "第一篇，内容。\n"
    );
    assert_eq!(report(&out)["summary"]["errors"], 1);
}

#[test]
fn stdin_is_filtered_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_scour"))
        .args(["clean", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("\u{feff}企业 and 人民群众,共同发展\r\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "企业和人民群众，共同发展\n"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "stdin mode writes no files"
    );
}

#[test]
fn usage_errors_exit_2_and_never_touch_inputs() {
    let dir = article_tree();
    let before = tree(&dir.path().join("articles"));
    let no_out = scour(&["clean", "articles"], dir.path());
    assert!(stderr_of(&no_out, 2).contains("--out"));
    assert_eq!(scour(&["clean"], dir.path()).status.code(), Some(2));
    assert_eq!(scour(&["frobnicate"], dir.path()).status.code(), Some(2));

    // A non-empty directory that is not an earlier scour output is never overwritten.
    std::fs::create_dir(dir.path().join("precious")).unwrap();
    std::fs::write(dir.path().join("precious/thesis.txt"), "mine").unwrap();
    let refused = scour(&["clean", "articles", "--out", "precious"], dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("precious/thesis.txt")).unwrap(),
        "mine"
    );

    // Running again into the same output replaces the earlier results.
    assert!(
        scour(&["clean", "articles", "--out", "out"], dir.path())
            .status
            .success()
    );
    std::fs::remove_file(dir.path().join("articles/nested/crlf.txt")).unwrap();
    assert!(
        scour(&["clean", "articles", "--out", "out"], dir.path())
            .status
            .success()
    );
    assert!(!dir.path().join("out/clean/nested/crlf.txt").exists());

    let mut after = tree(&dir.path().join("articles"));
    after.push(
        before
            .iter()
            .find(|(rel, _)| rel.ends_with("crlf.txt"))
            .unwrap()
            .clone(),
    );
    after.sort();
    assert_eq!(before, after, "inputs are never modified");
}

#[test]
fn a_second_run_into_a_busy_output_directory_is_refused() {
    let dir = article_tree();
    let clean = || scour(&["clean", "articles", "--out", "out"], dir.path());
    assert!(clean().status.success());
    assert!(
        !dir.path().join("out/.scour-lock").exists(),
        "the lock goes"
    );
    // Another run holds the directory: refused, and its files are left alone.
    let lock = std::fs::File::create(dir.path().join("out/.scour-lock")).unwrap();
    lock.lock().unwrap();
    let refused = clean();
    assert!(stderr_of(&refused, 2).contains("another scour run"));
    assert!(dir.path().join("out/report.json").is_file());
    drop(lock);
    assert!(clean().status.success());
}

#[test]
fn rules_are_listed_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let list = scour(&["rules"], dir.path());
    assert!(list.status.success());
    let text = String::from_utf8(list.stdout).unwrap();
    for id in ["normalize/punct-width", "rejoin/cjk", "layout/blank-lines"] {
        assert!(text.contains(id), "{id} missing from {text}");
    }
    let one = scour(&["rules", "normalize/cjk-connector"], dir.path());
    assert!(
        String::from_utf8(one.stdout)
            .unwrap()
            .contains("企业和人民群众")
    );
    assert_eq!(
        scour(&["rules", "no/such-rule"], dir.path()).status.code(),
        Some(2)
    );
}

#[test]
fn jsonl_records_are_cleaned_in_order_with_their_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"第{i}篇,企业 and 人民群众\\r\\n\", \"site\": \"x\"}}\n"
        ));
    }
    input.push_str("{\"id\": \"bad\"}\n");
    std::fs::write(dir.path().join("in.jsonl"), &input).unwrap();
    let one = scour(&["clean", "--jsonl", "in.jsonl", "-j1"], dir.path());
    let two = scour(&["clean", "--jsonl", "in.jsonl", "-j2"], dir.path());
    assert_eq!(one.status.code(), Some(2), "one bad record is an error");
    assert_eq!(
        one.stdout, two.stdout,
        "thread count does not change output"
    );
    let records: Vec<serde_json::Value> = String::from_utf8(one.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3001);
    assert_eq!(records[7]["id"], 7);
    assert_eq!(records[7]["text"], "第7篇，企业和人民群众\n");
    assert_eq!(records[7]["edits"], 3);
    assert_eq!(records[7]["site"], "x", "other fields pass through");
    assert!(records[3000]["error"].is_string());
    assert!(
        scour(&["clean", "--jsonl", "in.jsonl", "--out", "o"], dir.path())
            .stdout
            .is_empty()
    );
    assert!(
        std::fs::read_to_string(dir.path().join("o/clean.jsonl"))
            .unwrap()
            .lines()
            .count()
            == 3001
    );
}
