//! scour under `spacing = add` against autocorrect's own test cases (its halfwidth, fullwidth
//! and format groups; spellcheck is out of scope). autocorrect has its own conventions (it
//! converts full-width punctuation back to ASCII inside English sentences, and keeps `(…)`
//! half-width around Latin), so this is a measured agreement rate, guarded from regressing.

use scour::{Config, Spacing, clean_text};
use serde_json::Value;

/// The agreement measured when this test was last tightened.
const FLOOR: f64 = 0.66;

fn normalize(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn agreement_with_autocorrect_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/peers/autocorrect-cases.jsonl"
    );
    let config = Config {
        spacing: Spacing::Add,
        ..Config::default()
    };
    let (mut passed, mut total) = (0, 0);
    let mut groups = std::collections::BTreeMap::<String, (usize, usize)>::new();
    let mut failures = Vec::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        if case["source"].as_str().unwrap().contains("spellcheck") {
            continue;
        }
        let (input, expected) = (
            case["input"].as_str().unwrap(),
            case["expected"].as_str().unwrap(),
        );
        total += 1;
        let got = clean_text(input, &config).text;
        let group = case["source"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string();
        let tally = groups.entry(group).or_default();
        tally.1 += 1;
        if normalize(&got) == normalize(expected) {
            passed += 1;
            tally.0 += 1;
        } else {
            failures.push(format!(
                "{input:?}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    let rate = passed as f64 / total as f64;
    println!("autocorrect cases: {passed}/{total} = {:.1}%", rate * 100.0);
    for (group, (ok, n)) in &groups {
        println!("  {group}: {ok}/{n}");
    }
    if std::env::var_os("SCOUR_SHOW_FAILURES").is_some() {
        println!("{}", failures.join("\n"));
    }
    assert!(total > 140, "case file incomplete: {total}");
    assert!(rate >= FLOOR, "agreement fell to {rate:.3} (floor {FLOOR})");
}
