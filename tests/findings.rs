//! Every "report" row of DESIGN §1 yields a finding at the right line of the bundled
//! articles, and the checks work on text they were not written against.

use std::path::Path;

use scour::{Config, process};

fn findings(name: &str) -> Vec<(String, usize)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/articles")
        .join(name);
    let bytes = std::fs::read(path).unwrap();
    process(name, &bytes, &Config::default())
        .report
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.line))
        .collect()
}

fn has(found: &[(String, usize)], rule: &str, line: usize) -> bool {
    found.iter().any(|(r, l)| r == rule && *l == line)
}

#[test]
fn design_rows_are_found_at_their_lines() {
    let a000 = findings("000_e91db76072d210f8.txt");
    let a001 = findings("001_17578ecb691ac268.txt");
    let a002 = findings("002_a558e229d52b5c00.txt");
    // Truncated paragraphs.
    assert!(has(&a002, "finding/truncated", 65), "{a002:?}");
    assert!(has(&a002, "finding/truncated", 73), "{a002:?}");
    // Interleaved column fragments: 000:52 continues at 60.
    assert!(has(&a000, "finding/interleaved", 52), "{a000:?}");
    assert!(has(&a000, "finding/truncated", 56), "{a000:?}");
    // Sections out of order: A, D, B, E, C, F.
    assert!(has(&a001, "finding/enumeration", 29), "{a001:?}");
    // An unbalanced closing quote.
    assert!(has(&a001, "finding/unbalanced", 59), "{a001:?}");
    // Stutters, and no others in these articles.
    assert!(
        has(&a000, "finding/stutter", 60) && has(&a000, "finding/stutter", 28),
        "{a000:?}"
    );
    assert!(has(&a002, "finding/stutter", 17), "{a002:?}");
    let stutters = [&a000, &a001, &a002]
        .iter()
        .flat_map(|f| f.iter())
        .filter(|(r, _)| r == "finding/stutter")
        .count();
    assert_eq!(stutters, 3);
    // The looping section's seam.
    assert!(has(&a001, "finding/truncated", 93), "{a001:?}");
}

#[test]
fn held_out_truncations_enumerations_and_stray_words() {
    let text = "市交通局召开专题会议，部署春运期间的交通保障工作，要求各单位一是加强运力调度，三是做好应急预案，确保\n\n\
                二、完善服务\n\n二是优化购票服务，实现线上线下同步售票，方便群众出行。\n\n\
                会议强调，要统筹推进 with 各项工作，确保春运平稳有序。常常检查，谢谢大家的的支持。\n";
    let processed = process("held-out.txt", text.as_bytes(), &Config::default());
    let found: Vec<(String, usize)> = processed
        .report
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.line))
        .collect();
    assert!(has(&found, "finding/truncated", 1), "{found:?}");
    assert!(
        has(&found, "finding/enumeration", 1),
        "gap 一是 → 三是: {found:?}"
    );
    assert!(has(&found, "finding/stray-latin", 7), "{found:?}");
    assert!(has(&found, "finding/stutter", 7), "{found:?}");
    let stutters = found.iter().filter(|(r, _)| r == "finding/stutter").count();
    assert_eq!(stutters, 1, "常常 is a word: {found:?}");
}
