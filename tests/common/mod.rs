//! Helpers shared by the integration tests.
#![allow(dead_code)]

/// Asserts DESIGN §2's canonical form: LF only, one block per line, blocks separated by exactly
/// one blank line, no leading or trailing white space on a line, one final newline.
pub fn assert_canonical(text: &str) {
    if text.is_empty() {
        return;
    }
    assert!(!text.contains('\r'), "CR in {text:?}");
    assert!(
        text.ends_with('\n') && !text.ends_with("\n\n"),
        "final newline of {text:?}"
    );
    let body = &text[..text.len() - 1];
    for (i, block) in body.split("\n\n").enumerate() {
        assert!(!block.is_empty(), "empty block {i} in {text:?}");
        assert!(!block.contains('\n'), "block {i} spans lines in {text:?}");
        assert_eq!(
            block.trim(),
            block,
            "white space around block {i} in {text:?}"
        );
    }
}

/// Runs the built `scour` with `args` in `cwd`.
pub fn scour(args: &[&str], cwd: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_scour"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("scour runs")
}
