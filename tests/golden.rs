//! Golden fixtures: every `fixtures/<name>.in.txt` cleans to `<name>.out.txt`, every bundled
//! article `examples/articles/<name>.txt` to `fixtures/samples/<name>.out.txt`, and cleaning
//! the output again changes nothing. `SCOUR_BLESS=1 cargo test --test golden` rewrites the
//! expected outputs (review the diff before committing).

mod common;

use std::path::{Path, PathBuf};

use scour::{Config, Spacing, clean_text};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every input with its expected output.
fn cases() -> Vec<(PathBuf, PathBuf)> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(root().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if let Some(stem) = path.to_string_lossy().strip_suffix(".in.txt") {
            cases.push((path.clone(), PathBuf::from(format!("{stem}.out.txt"))));
        }
    }
    for entry in std::fs::read_dir(root().join("examples/articles")).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        cases.push((
            path,
            root().join(format!("fixtures/samples/{stem}.out.txt")),
        ));
    }
    cases.sort();
    cases
}

/// A fixture named `spacing-add…` runs with pangu spacing; all others with the defaults.
fn config_for(path: &Path) -> Config {
    let name = path.file_name().unwrap().to_string_lossy();
    Config {
        spacing: if name.starts_with("spacing-add") {
            Spacing::Add
        } else {
            Spacing::Keep
        },
        ..Config::default()
    }
}

#[test]
fn fixtures_clean_to_their_golden_output() {
    let cases = cases();
    assert!(cases.len() >= 17, "fixtures missing: {cases:?}");
    let bless = std::env::var_os("SCOUR_BLESS").is_some();
    let mut failures = Vec::new();
    for (input, expected_file) in &cases {
        let source = std::fs::read_to_string(input).unwrap();
        let config = config_for(input);
        let cleaned = clean_text(&source, &config);
        if bless {
            std::fs::write(expected_file, &cleaned.text).unwrap();
        }
        let expected = std::fs::read_to_string(expected_file)
            .unwrap_or_else(|_| panic!("{} has no expected output", input.display()));
        if cleaned.text != expected {
            failures.push(format!(
                "{}:\n{}",
                input.display(),
                scour::diff::unified(&expected, &cleaned.text, "expected")
            ));
        }
        common::assert_canonical(&cleaned.text);
        assert_eq!(
            clean_text(&cleaned.text, &config).text,
            cleaned.text,
            "{} is not idempotent",
            input.display()
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
