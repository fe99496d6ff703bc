//! The pre-commit scenario with the real `pre-commit` framework and a local hook on the
//! built binary: a dirty article fails the commit and is fixed, committing again passes, and
//! a clean article passes untouched. Skipped (with a note) where pre-commit is not installed,
//! except under CI, which installs it.

use std::path::Path;
use std::process::{Command, Output};

fn run(program: &str, args: &[&str], cwd: &Path, home: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("PRE_COMMIT_HOME", home)
        .env("GIT_AUTHOR_NAME", "test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"))
}

fn have_pre_commit() -> bool {
    Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn commit_fails_fixes_then_passes() {
    if !have_pre_commit() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install pre-commit"
        );
        eprintln!("pre-commit is not installed: scenario skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (repo, home) = (dir.path().join("repo"), dir.path().join("home"));
    std::fs::create_dir_all(&repo).unwrap();
    let git = |args: &[&str]| run("git", args, &repo, &home);
    assert!(git(&["init", "-q"]).status.success());
    let config = format!(
        "repos:\n- repo: local\n  hooks:\n  - id: scour\n    name: scour\n    entry: {} fix --force-exclude\n    language: system\n    types: [text]\n    files: \\.(txt|text|md)$\n    require_serial: true\n",
        env!("CARGO_BIN_EXE_scour")
    );
    std::fs::write(repo.join(".pre-commit-config.yaml"), config).unwrap();
    let installed = run("pre-commit", &["install"], &repo, &home);
    assert!(
        installed.status.success(),
        "{}",
        String::from_utf8_lossy(&installed.stderr)
    );

    let dirty = "企业 and 人民群众,共同发展.\r\n\r\n\r\n第二段。";
    std::fs::write(repo.join("article.txt"), dirty).unwrap();
    git(&["add", "."]);
    let first = git(&["commit", "-qm", "dirty article"]);
    assert!(!first.status.success(), "the hook fails the commit");
    let fixed = std::fs::read_to_string(repo.join("article.txt")).unwrap();
    assert_eq!(fixed, "企业和人民群众，共同发展。\n\n第二段。\n");

    git(&["add", "."]);
    let second = git(&["commit", "-qm", "fixed article"]);
    assert!(
        second.status.success(),
        "{}",
        String::from_utf8_lossy(&second.stdout)
    );

    let clean = "已经干净的文章。\n";
    std::fs::write(repo.join("clean.txt"), clean).unwrap();
    git(&["add", "clean.txt"]);
    let third = git(&["commit", "-qm", "clean article"]);
    assert!(
        third.status.success(),
        "{}",
        String::from_utf8_lossy(&third.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(repo.join("clean.txt")).unwrap(),
        clean
    );
    let log = git(&["log", "--oneline"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout).lines().count(), 2);
}
