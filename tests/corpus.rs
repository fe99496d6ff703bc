//! The corpus phase through `scour clean`: site boilerplate removed from every article that
//! carries it (and never an article paragraph), exact and near duplicates left out and
//! listed, and an index that carries both into a later, smaller batch.

mod common;

use std::path::Path;

use common::scour;

use serde_json::Value;

/// The bundled articles' paragraphs, as separate articles of one site.
fn paragraphs() -> Vec<String> {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/samples");
    let mut all = Vec::new();
    for entry in std::fs::read_dir(golden).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        all.extend(
            text.split("\n\n")
                .filter(|p| p.chars().count() > 150)
                .map(|p| p.trim().to_string()),
        );
    }
    all.sort();
    all
}

fn article(body: &[String], year: u32) -> String {
    format!(
        "首页 > 新闻中心 > 时政要闻\n\n{}\n\n来源：海南日报 责任编辑：王明 {year}年3月\n\n【打印本页】【关闭窗口】\n",
        body.join("\n\n")
    )
}

fn report(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap()
}

#[test]
fn boilerplate_and_duplicates_across_a_batch_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let (batch, later) = (dir.path().join("batch"), dir.path().join("later"));
    std::fs::create_dir_all(&batch).unwrap();
    std::fs::create_dir_all(&later).unwrap();
    let p = paragraphs();
    assert!(p.len() >= 16);
    for i in 0..4 {
        std::fs::write(
            batch.join(format!("a{i}.txt")),
            article(&p[i * 3..i * 3 + 3], 2020 + i as u32),
        )
        .unwrap();
    }
    std::fs::write(batch.join("exact.txt"), article(&p[0..3], 2030)).unwrap();
    let edited: Vec<String> = p[3..6].iter().map(|x| x.replacen("省", "市", 2)).collect();
    std::fs::write(batch.join("near.txt"), article(&edited, 2031)).unwrap();

    let run = scour(
        &["clean", "batch", "--out", "out", "--index", "index.json"],
        dir.path(),
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = dir.path().join("out");
    let mut entries: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        ["clean", "diffs", "report.json", "review.html"],
        "the run's scratch files are gone"
    );
    let r = report(&out);
    assert_eq!(r["summary"]["duplicates"], 2);
    let groups = r["duplicates"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(groups.iter().any(|g| g["canonical"] == "a0.txt"
        && g["members"][0]["path"] == "exact.txt"
        && g["members"][0]["rule"] == "dedup/exact"));
    assert!(groups.iter().any(|g| g["canonical"] == "a1.txt"
        && g["members"][0]["path"] == "near.txt"
        && g["members"][0]["rule"] == "dedup/near"));
    assert!(!out.join("clean/exact.txt").exists() && !out.join("clean/near.txt").exists());
    for i in 0..4 {
        let clean = std::fs::read_to_string(out.join(format!("clean/a{i}.txt"))).unwrap();
        assert!(
            !clean.contains("首页") && !clean.contains("责任编辑") && !clean.contains("打印本页"),
            "{clean}"
        );
        for paragraph in &p[i * 3..i * 3 + 3] {
            let first: String = paragraph.chars().take(20).collect();
            assert!(clean.contains(&first), "article text was removed: {first}");
        }
        let diff = std::fs::read_to_string(out.join(format!("diffs/a{i}.txt.diff"))).unwrap();
        assert!(diff.contains("-来源：海南日报"));
    }

    // Two new articles and a copy of a known one: the index knows the site and the copy.
    std::fs::write(later.join("b0.txt"), article(&p[12..14], 2040)).unwrap();
    std::fs::write(later.join("b1.txt"), article(&p[14..16], 2041)).unwrap();
    std::fs::write(later.join("copy.txt"), article(&p[6..9], 2042)).unwrap();
    let run = scour(
        &["clean", "later", "--out", "out2", "--index", "index.json"],
        dir.path(),
    );
    assert!(run.status.success());
    let r = report(&dir.path().join("out2"));
    assert_eq!(r["duplicates"][0]["canonical"], "a2.txt");
    let b0 = std::fs::read_to_string(dir.path().join("out2/clean/b0.txt")).unwrap();
    assert!(!b0.contains("责任编辑"), "{b0}");

    // Report mode keeps the blocks and reports them.
    let run = scour(
        &["clean", "batch", "--out", "out3", "--boilerplate", "report"],
        dir.path(),
    );
    assert!(run.status.success());
    assert!(
        std::fs::read_to_string(dir.path().join("out3/clean/a0.txt"))
            .unwrap()
            .contains("责任编辑")
    );
    assert!(
        report(&dir.path().join("out3"))["summary"]["findings_by_rule"]["finding/boilerplate"]
            .as_u64()
            >= Some(8)
    );

    // Shards merge.
    let merged = scour(
        &[
            "index",
            "merge",
            "index.json",
            "index.json",
            "-o",
            "merged.json",
        ],
        dir.path(),
    );
    assert!(merged.status.success());
}

/// pre-commit passes a few staged files: check and fix still know the repository's
/// boilerplate and articles through the index named in the settings.
#[test]
fn check_and_fix_use_the_repository_index() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    std::fs::create_dir_all(repo.join("articles")).unwrap();
    let p = paragraphs();
    for i in 0..4 {
        std::fs::write(
            repo.join(format!("articles/a{i}.txt")),
            article(&p[i * 3..i * 3 + 3], 2020),
        )
        .unwrap();
    }
    std::fs::write(repo.join("scour.toml"), "index = \"scour-index.json\"\n").unwrap();
    assert!(
        scour(&["clean", "articles", "--out", "out"], repo)
            .status
            .success()
    );
    assert!(repo.join("scour-index.json").is_file());

    std::fs::write(repo.join("articles/new.txt"), article(&p[12..14], 2021)).unwrap();
    std::fs::write(repo.join("articles/copy.txt"), article(&p[0..3], 2022)).unwrap();
    let check = scour(&["check", "articles/new.txt", "articles/copy.txt"], repo);
    let text = String::from_utf8_lossy(&check.stdout);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text.contains("new.txt") && text.contains("boilerplate/site"),
        "{text}"
    );
    assert!(
        text.contains("copy.txt:1: warning: duplicates a0.txt of the index"),
        "{text}"
    );
    assert!(scour(&["fix", "articles/new.txt"], repo).status.code() == Some(1));
    let fixed = std::fs::read_to_string(repo.join("articles/new.txt")).unwrap();
    assert!(
        !fixed.contains("责任编辑") && !fixed.contains("首页"),
        "{fixed}"
    );
}
