//! Arbitrary bytes through decode and the whole pipeline: no panic, and whatever decodes
//! cleans to the canonical form idempotently.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scour::{Config, clean_text, process};

fuzz_target!(|bytes: &[u8]| {
    let config = Config::default();
    let processed = process("fuzz.txt", bytes, &config);
    if let Some(clean) = &processed.clean {
        assert_eq!(&clean_text(clean, &config).text, clean, "not idempotent");
        // (A `scour: off` region is left exactly as it is, its end included.)
        if !clean.contains("scour: off") {
            assert!(clean.is_empty() || (clean.ends_with('\n') && !clean.ends_with("\n\n")));
        }
        let _ = processed.diff();
    }
});
