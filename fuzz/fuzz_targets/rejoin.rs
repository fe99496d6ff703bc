//! The rejoin pass alone on arbitrary text: no panic, and its edits are disjoint and on
//! character boundaries (`apply` asserts that in debug builds).
#![no_main]

use libfuzzer_sys::fuzz_target;
use scour::Config;
use scour::edit::apply;
use scour::rejoin::Rejoin;
use scour::rules::{Context, Pass};

fuzz_target!(|text: &str| {
    let config = Config::default();
    let mut context = Context::new(&config, &[]);
    let edits = Rejoin.propose(text, &mut context);
    let count = edits.len();
    let (_, applied, _) = apply(text, edits);
    assert_eq!(applied.len(), count, "an edit was invalid or overlapped another");
});
