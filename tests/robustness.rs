//! A batch of everything scraped files come as: other encodings, binary files, a truncated
//! UTF-8 sequence, an empty file, a large file, a symlink loop, an unreadable directory. One
//! bad file never stops the batch, and report.json accounts for every changed character.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::scour;

use serde_json::Value;

const ARTICLE: &str =
    "滨江市社区文化工作,成效显著。\r\n\r\n市文化馆联合举办大赛(第二届),共收到案例126个。\r\n";

/// Per-character counts: what `input − removed + inserted = output` is checked with.
fn counts(text: &str, sign: i64, into: &mut HashMap<char, i64>) {
    for c in text.chars() {
        *into.entry(c).or_default() += sign;
    }
}

/// Every character the output lacks is in some edit's `removed`, every character it gained
/// in some `inserted`: nothing disappears or appears without an edit saying why.
fn assert_accounted(input: &str, output: &str, edits: &[Value]) {
    let mut balance = HashMap::new();
    counts(input, 1, &mut balance);
    counts(output, -1, &mut balance);
    for edit in edits {
        counts(edit["removed"].as_str().unwrap(), -1, &mut balance);
        counts(edit["inserted"].as_str().unwrap(), 1, &mut balance);
    }
    balance.retain(|_, n| *n != 0);
    assert!(balance.is_empty(), "unaccounted characters: {balance:?}");
}

#[test]
fn a_batch_of_bad_inputs_gets_per_file_behaviour() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(inputs.join("nested")).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(inputs.join(name), bytes).unwrap();
    write("gb18030.txt", &encoding_rs::GB18030.encode(ARTICLE).0);
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(ARTICLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write("utf16le.txt", &utf16le);
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(ARTICLE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    write("utf16be.txt", &utf16be);
    write("image.txt", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    let truncated = [ARTICLE.as_bytes(), &"中".as_bytes()[..2]].concat();
    write("truncated.txt", &truncated);
    write("empty.txt", b"");
    write("utf8.txt", ARTICLE.as_bytes());
    let large: String = ARTICLE.repeat(40_000); // about 4 MB
    write("large.txt", large.as_bytes());
    std::os::unix::fs::symlink("loop-b.txt", inputs.join("nested/loop-a.txt")).unwrap();
    std::os::unix::fs::symlink("loop-a.txt", inputs.join("nested/loop-b.txt")).unwrap();
    let locked = inputs.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("secret.txt"), ARTICLE).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads_anyway = std::fs::read_dir(&locked).is_ok();

    let run = scour(
        &["clean", "in", "--out", "out", "--keep-duplicates"],
        dir.path(),
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    let out = dir.path().join("out");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let files = report["files"].as_array().unwrap();
    let file = |name: &str| {
        files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not in report: {stderr}"))
    };

    let expected =
        "滨江市社区文化工作，成效显著。\n\n市文化馆联合举办大赛（第二届），共收到案例126个。\n";
    for (name, encoding) in [
        ("gb18030.txt", "gb18030"),
        ("utf16le.txt", "UTF-16LE"),
        ("utf16be.txt", "UTF-16BE"),
        ("utf8.txt", "UTF-8"),
    ] {
        assert_eq!(file(name)["encoding"], encoding, "{name}");
        assert_eq!(
            std::fs::read_to_string(out.join("clean").join(name)).unwrap(),
            expected,
            "{name}"
        );
    }
    assert_eq!(file("image.txt")["status"], "skipped");
    assert_eq!(file("truncated.txt")["status"], "error");
    assert!(
        file("truncated.txt")["error"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8")
    );
    assert_eq!(file("empty.txt")["status"], "unchanged");
    assert_eq!(std::fs::read(out.join("clean/empty.txt")).unwrap(), b"");
    assert_eq!(file("large.txt")["status"], "changed");
    assert!(
        stderr.contains("loop"),
        "the symlink loop is reported: {stderr}"
    );
    if !root_reads_anyway {
        assert!(
            stderr.contains("locked"),
            "the unreadable directory is reported: {stderr}"
        );
    }

    // Nothing lost: every changed file's edits account for the change.
    for f in files
        .iter()
        .filter(|f| f["status"] == "changed" && f["encoding"] == "UTF-8")
    {
        let name = f["path"].as_str().unwrap();
        let input = std::fs::read_to_string(inputs.join(name)).unwrap();
        let output = std::fs::read_to_string(out.join("clean").join(name)).unwrap();
        assert_accounted(&input, &output, f["edits"].as_array().unwrap());
    }
}

#[test]
fn edits_account_for_every_change_in_the_bundled_articles() {
    let dir = tempfile::tempdir().unwrap();
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    assert!(
        scour(
            &["clean", articles.to_str().unwrap(), "--out", "out"],
            dir.path()
        )
        .status
        .success()
    );
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/report.json")).unwrap())
            .unwrap();
    for f in report["files"].as_array().unwrap() {
        let name = f["path"].as_str().unwrap();
        let input = std::fs::read_to_string(articles.join(name)).unwrap();
        let output = std::fs::read_to_string(dir.path().join("out/clean").join(name)).unwrap();
        assert_accounted(&input, &output, f["edits"].as_array().unwrap());
    }
}

#[test]
fn forced_encoding_and_bad_labels() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("big5.txt"),
        encoding_rs::BIG5.encode("臺灣報導,內容。").0,
    )
    .unwrap();
    let forced = scour(&["check", "--encoding", "big5", "big5.txt"], dir.path());
    assert_eq!(
        forced.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    let wrong = scour(&["check", "--encoding", "utf-8", "big5.txt"], dir.path());
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("not valid UTF-8"));
    let bad = scour(&["check", "--encoding", "klingon", "big5.txt"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("klingon"));
}
