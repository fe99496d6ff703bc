//! review.html in a real browser: headless Chromium renders the page, the diff and rule
//! labels are on it, and scraped text that contains markup is shown as text, never run.
//! Skipped (with a note) where Chromium is not installed, except under CI, which installs it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let found = Command::new("which").arg(name).output().ok()?;
            found
                .status
                .success()
                .then(|| PathBuf::from(String::from_utf8_lossy(&found.stdout).trim()))
        })
}

/// The DOM of `page` after its scripts ran.
fn rendered(browser: &Path, page: &Path, profile: &Path) -> String {
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Chromium, or `None` with a note where it is not installed (never under CI).
fn browser() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium");
        eprintln!("chromium is not installed: browser test skipped");
    }
    found
}

/// A new directory where `scour clean articles --out out` ran on `articles/NAME` holding
/// `text`, for each of `files`.
fn cleaned(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for (name, text) in files {
        std::fs::write(articles.join(name), text).unwrap();
    }
    let run = Command::new(env!("CARGO_BIN_EXE_scour"))
        .args(["clean", "articles", "--out", "out"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    dir
}

#[test]
fn the_review_page_shows_changes_and_never_runs_scraped_markup() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = cleaned(&[(
        "a.txt",
        "记者从市交通局获悉,地铁三号线<script>document.title='PWNED'</script>将于年底通车。\n\
         <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">正文</script><!--\n",
    )]);
    let page = dir.path().join("out/review.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("<script>document.title"),
        "scraped markup is escaped in the data"
    );

    let dom = rendered(&browser, &page, &dir.path().join("profile"));
    assert!(
        dom.contains("normalize/punct-width"),
        "rule labels are shown: {dom}"
    );
    assert!(
        dom.contains("class=\"row del change\"") && dom.contains("class=\"row add change\""),
        "the diff is rendered"
    );
    assert!(dom.contains("<mark>，</mark>"), "character-level highlight");
    assert!(
        dom.contains("&lt;script&gt;document.title"),
        "markup shows as text"
    );
    // Effects, not strings: the page shows the attack as text, but nothing acted on it.
    assert!(
        dom.contains("<title>scour review</title>"),
        "the title was not replaced"
    );
    assert!(!dom.contains("<body data-pwned"), "no injected handler ran");
}

#[test]
fn a_file_with_too_many_edits_to_embed_is_shown_with_its_count_and_where_they_are() {
    let Some(browser) = browser() else {
        return;
    };
    // 60,000 invisible characters apart, each an edit: a report entry past the 8 MB a page
    // embeds.
    let line = format!("{}。\n\n", "文字\u{200B}".repeat(100));
    let dir = cleaned(&[("big.txt", &line.repeat(600))]);

    let report = std::fs::read_to_string(dir.path().join("out/report.json")).unwrap();
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    let count = |field: &str| report["files"][0][field].as_array().map_or(0, Vec::len);
    let (edits, findings) = (count("edits"), count("findings"));
    assert!(edits >= 60_000, "{edits} edits");

    let dom = rendered(
        &browser,
        &dir.path().join("out/review.html"),
        &dir.path().join("profile"),
    );
    assert!(
        dom.contains(&format!("changed · {edits}✎ {findings}⚑")),
        "the list counts the edits"
    );
    assert!(
        dom.contains(&format!(
            "{edits} edits · {findings} findings · too many edits to show here: see \
             report.json and diffs/big.txt.diff"
        )),
        "the file says where its edits are"
    );
    assert!(
        dom.contains("class=\"row del change\""),
        "its diff is still shown"
    );
}
