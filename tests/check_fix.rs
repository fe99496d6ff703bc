//! `scour check` and `scour fix` as CI and pre-commit run them: exit codes, what is printed
//! where, atomic rewrites, settings files, ignore files, markers and the cache.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::scour;
use std::process::Output;

const DIRTY: &str = "企业 and 人民群众,共同发展。\r\n";
const CLEAN: &str = "已经干净的文章。\n";

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn check_exit_codes_and_output() {
    let dir = repo(&[("clean.txt", CLEAN)]);
    let ok = scour(&["check"], dir.path());
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    assert!(stdout(&ok).is_empty());

    std::fs::write(dir.path().join("dirty.txt"), DIRTY).unwrap();
    let changes = scour(&["check"], dir.path());
    assert_eq!(changes.status.code(), Some(1));
    assert!(stdout(&changes).contains("dirty.txt: 3 changes (normalize/line-endings, normalize/punct-width, normalize/cjk-connector)"), "{}", stdout(&changes));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("dirty.txt")).unwrap(),
        DIRTY,
        "check is read-only"
    );

    // An unreadable path is an error, and errors beat changes.
    let error = scour(&["check", "dirty.txt", "missing.txt"], dir.path());
    assert_eq!(error.status.code(), Some(2));
    assert!(stderr(&error).contains("missing.txt"));
}

#[test]
fn check_diff_prints_only_a_unified_diff() {
    let dir = repo(&[("dirty.txt", DIRTY), ("clean.txt", CLEAN)]);
    let out = scour(&["check", "--diff"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let diff = stdout(&out);
    assert!(
        diff.starts_with("--- a/dirty.txt\n+++ b/dirty.txt\n@@"),
        "{diff}"
    );
    assert!(!diff.contains('\x1b'), "no colour in a pipe");
    assert!(diff.contains("+企业和人民群众，共同发展。\n"));
}

#[test]
fn fix_rewrites_atomically_keeps_permissions_and_exits_1_then_0() {
    let dir = repo(&[("a/dirty.txt", DIRTY), ("clean.txt", CLEAN)]);
    let dirty = dir.path().join("a/dirty.txt");
    std::fs::set_permissions(&dirty, std::fs::Permissions::from_mode(0o640)).unwrap();
    let first = scour(&["fix"], dir.path());
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("Fixed a/dirty.txt (normalize/line-endings"),
        "{}",
        stderr(&first)
    );
    assert_eq!(
        std::fs::read_to_string(&dirty).unwrap(),
        "企业和人民群众，共同发展。\n"
    );
    assert_eq!(
        std::fs::metadata(&dirty).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("clean.txt")).unwrap(),
        CLEAN
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("a")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
    let second = scour(&["fix"], dir.path());
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
}

#[test]
fn settings_file_rules_overrides_and_errors() {
    let dir = repo(&[
        ("dirty.txt", "企业 and 人民群众。\n"),
        ("en/note.txt", "第18期\n"),
        (
            "scour.toml",
            "[rules]\n\"normalize/cjk-connector\" = \"off\"\n\n[[overrides]]\nfiles = [\"en/**\"]\nspacing = \"add\"\n",
        ),
    ]);
    let out = scour(&["check"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(!text.contains("dirty.txt: "), "connector is off: {text}");
    assert!(
        text.contains("dirty.txt:1: warning: stray Latin word «and»"),
        "now only reported: {text}"
    );
    assert!(
        text.contains("en/note.txt: 2 changes (normalize/cjk-spacing)"),
        "{text}"
    );
    assert_eq!(
        scour(&["check", "--isolated"], dir.path()).status.code(),
        Some(1)
    );
    assert!(stdout(&scour(&["check", "--isolated"], dir.path())).contains("dirty.txt"));

    std::fs::write(
        dir.path().join("scour.toml"),
        "spacing = \"keep\"\nfail_on = \"error\"\n",
    )
    .unwrap();
    let bad = scour(&["check"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    let message = stderr(&bad);
    assert!(
        message.contains("fail_on") && message.contains("line 2"),
        "{message}"
    );

    std::fs::write(
        dir.path().join("other.toml"),
        "[rules]\n\"no/such-rule\" = \"off\"\n",
    )
    .unwrap();
    let bad_rule = scour(&["check", "-c", "other.toml"], dir.path());
    assert_eq!(bad_rule.status.code(), Some(2));
    assert!(stderr(&bad_rule).contains("no/such-rule"));
}

#[test]
fn ignore_files_force_exclude_binaries_and_markers() {
    let dir = repo(&[
        (".scourignore", "vendor/\n"),
        ("vendor/dirty.txt", DIRTY),
        ("scour.toml", "exclude = [\"drafts/**\"]\n"),
        ("drafts/dirty.txt", DIRTY),
        (
            "kept.txt",
            "正文,内容。\n\n<!-- scour: off -->\n原样,保留。\n<!-- scour: on -->\n\n正文,内容。\n",
        ),
    ]);
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00",
    )
    .unwrap();
    let walked = scour(&["check"], dir.path());
    let text = stdout(&walked);
    assert!(
        !text.contains("vendor") && !text.contains("drafts"),
        "{text}"
    );
    assert!(
        stderr(&walked).contains("skipped image.txt: binary file"),
        "{}",
        stderr(&walked)
    );

    // pre-commit names files: excluded ones count unless --force-exclude.
    assert_eq!(
        scour(&["check", "drafts/dirty.txt"], dir.path())
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        scour(
            &["check", "--force-exclude", "drafts/dirty.txt"],
            dir.path()
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        scour(&["check", "image.txt"], dir.path()).status.code(),
        Some(0),
        "a binary is skipped, not an error"
    );

    assert_eq!(
        scour(&["fix", "kept.txt"], dir.path()).status.code(),
        Some(1)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("kept.txt")).unwrap(),
        "正文，内容。\n\n<!-- scour: off -->\n原样,保留。\n<!-- scour: on -->\n\n正文，内容。\n"
    );
}

#[test]
fn the_cache_remembers_clean_files_per_configuration() {
    let dir = repo(&[("clean.txt", CLEAN), ("two.txt", CLEAN)]);
    assert_eq!(scour(&["check"], dir.path()).status.code(), Some(0));
    let cache = dir.path().join(".scour_cache/unchanged-v1");
    assert_eq!(
        std::fs::read_to_string(&cache).unwrap().lines().count(),
        1,
        "same content, one key"
    );
    assert_eq!(
        scour(&["check", "--spacing", "add"], dir.path())
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        std::fs::read_to_string(&cache).unwrap().lines().count(),
        2,
        "a key per configuration"
    );
    // A cached file that changes is checked again.
    std::fs::write(dir.path().join("two.txt"), DIRTY).unwrap();
    assert_eq!(scour(&["check"], dir.path()).status.code(), Some(1));
    assert_eq!(
        scour(&["check", "--no-cache", "clean.txt"], dir.path())
            .status
            .code(),
        Some(0)
    );
}
