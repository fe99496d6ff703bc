//! Properties that hold for any input: no panic on arbitrary bytes, clean output is canonical,
//! cleaning is idempotent, every edit is traced to a real source span, and a pipeline
//! suspended before the corpus passes resumes as if it had run at once.

mod common;

use proptest::prelude::*;
use scour::corpus::{block_fingerprint, boilerplate::Boilerplate, normal};
use scour::pipeline::{resume, suspend};
use scour::{Config, Spacing, clean_text, process};

/// Pieces scraped text is made of, so random inputs hit the rules' edge cases.
const PIECES: &[&str] = &[
    "中",
    "文",
    "省",
    "委",
    "机关",
    "党建",
    "工作",
    "。",
    "，",
    "、",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "(",
    ")",
    " ",
    "  ",
    "\t",
    "\u{3000}",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\n",
    "\n\n",
    "\n\n\n",
    "\r\n",
    "\r",
    "and",
    "The",
    "word",
    "gov-",
    "ernment",
    "１２",
    "Ａ",
    "．",
    "％",
    "3",
    "10:30",
    "99.63%",
    "https://a.cn/x?y=1",
    "a@b.cn",
    "e\u{301}",
    "#",
    "### A",
    "——",
    "-",
    "…",
    "\u{7}",
    "의",
    "カ",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

/// Latin lines of many lengths, broken by single and double newlines: wrapped paragraphs,
/// whole ones and headings, for the width and shape evidence of rejoin.
fn latin_lines() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "the",
        "of",
        "harbour",
        "Port",
        "said",
        "Office",
        "on",
        "Monday.",
        "repairs,",
        "would",
        "be",
        "finished",
        "Tarrow",
        "Marine",
        "engineers",
        "found",
        "(pilings)",
        "$4",
        "2019",
        "\"We",
        "agree,\"",
        "it:",
        "A",
        "well-known",
        "gov-",
        "ernment",
    ];
    let line = prop::collection::vec(prop::sample::select(WORDS), 1..16).prop_map(|w| w.join(" "));
    let separator = prop::sample::select(&["\n", "\n\n", "\n\n\n"][..]);
    prop::collection::vec((line, separator), 0..40)
        .prop_map(|lines| lines.into_iter().map(|(l, s)| l + s).collect())
}

fn configs() -> [Config; 2] {
    [
        Config::default(),
        Config {
            spacing: Spacing::Add,
            ..Config::default()
        },
    ]
}

/// 2,000 cases a property, or `PROPTEST_CASES` for a longer hunt.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn cleaning_is_idempotent_and_canonical(text in prop_oneof![article(), latin_lines()]) {
        for config in configs() {
            let once = clean_text(&text, &config);
            common::assert_canonical(&once.text);
            let twice = clean_text(&once.text, &config);
            prop_assert_eq!(&twice.text, &once.text, "input {:?}", text);
            prop_assert!(twice.edits.is_empty(), "edits on clean text: {:?}", twice.edits);
        }
    }

    #[test]
    fn every_edit_points_into_the_source(text in article()) {
        let cleaned = clean_text(&text, &Config::default());
        let lines = text.split('\n').count();
        for edit in &cleaned.edits {
            prop_assert!(edit.source.start <= edit.source.end && edit.source.end <= text.len());
            prop_assert!(text.is_char_boundary(edit.source.start) && text.is_char_boundary(edit.source.end));
            prop_assert!((1..=lines).contains(&edit.line));
        }
        for block in &cleaned.blocks {
            prop_assert!(1 <= block.first_line && block.first_line <= block.last_line && block.last_line <= lines);
        }
    }

    #[test]
    fn edits_account_for_every_changed_character(text in article()) {
        let cleaned = clean_text(&text, &Config::default());
        let mut balance = std::collections::HashMap::<char, i64>::new();
        let mut count = |s: &str, sign: i64| s.chars().for_each(|c| *balance.entry(c).or_default() += sign);
        count(&text, 1);
        count(&cleaned.text, -1);
        for edit in &cleaned.edits {
            count(&edit.removed, -1);
            count(&edit.inserted, 1);
        }
        balance.retain(|_, n| *n != 0);
        prop_assert!(balance.is_empty(), "unaccounted {:?} in {:?}", balance, text);
    }

    #[test]
    fn a_resumed_article_cleans_as_one_cleaned_at_once(text in article(), every in 1usize..4) {
        // Boilerplate: every `every`-th line of the article's own clean text.
        let plain = Config::default();
        let blocks = clean_text(&text, &plain)
            .text
            .lines()
            .step_by(every)
            .map(|line| (block_fingerprint(&normal::block(line)), 3))
            .collect();
        let corpus = Config {
            boilerplate: Some(std::sync::Arc::new(Boilerplate { blocks, remove: true })),
            ..Config::default()
        };
        let resumed = resume(&text, &corpus, suspend(&text, &plain));
        prop_assert_eq!(resumed, clean_text(&text, &corpus), "input {:?}", text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let processed = process("x.txt", &bytes, &Config::default());
        prop_assert_eq!(processed.clean.is_some(), processed.report.error.is_none());
    }
}

/// Held-out check: text typeset correctly in full width, damaged the way scrapers damage it
/// (half-width punctuation, CRLF, stray spaces), cleans back to what the original cleans to.
#[test]
fn damaged_full_width_text_is_restored() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let mut checked = 0;
    for name in ["002_a558e229d52b5c00.txt", "004_2b4f2c58d3c3089b.txt"] {
        let original = std::fs::read_to_string(dir.join(name)).unwrap();
        let damaged: String = original
            .chars()
            .map(|c| match c {
                '，' => ',',
                '；' => ';',
                '：' => ':',
                '？' => '?',
                '！' => '!',
                '（' => '(',
                '）' => ')',
                c => c,
            })
            .collect::<String>()
            .replace('\n', " \r\n");
        let config = Config::default();
        let expected = clean_text(&original, &config).text;
        let restored = clean_text(&damaged, &config).text;
        checked += expected
            .chars()
            .filter(|c| "，；：？！（）".contains(*c))
            .count();
        assert_eq!(restored, expected, "{name}");
    }
    assert!(checked > 200, "too little punctuation exercised: {checked}");
}

/// The same batch on one thread and on two gives the same bytes, report and all.
#[test]
fn thread_count_does_not_change_output() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use rayon::prelude::*;
    let mut runner = TestRunner::deterministic();
    let batch: Vec<String> = (0..cases())
        .map(|_| article().new_tree(&mut runner).unwrap().current())
        .collect();
    let run = |threads: usize| -> Vec<(Option<String>, String)> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            batch
                .par_iter()
                .enumerate()
                .map(|(i, text)| {
                    let processed =
                        process(&format!("{i}.txt"), text.as_bytes(), &Config::default());
                    let report = String::from_utf8(processed.report.to_json()).unwrap();
                    let diff = processed.diff();
                    (processed.clean, report + &diff)
                })
                .collect()
        })
    };
    assert_eq!(run(1), run(2));
}
