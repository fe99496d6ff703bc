//! Unified diffs of source against clean text that `git apply` accepts.

use similar::TextDiff;

/// Writes a unified diff from `old` to `new` with `a/<path>` and `b/<path>` headers to `out`
/// (nothing when they are equal).
pub fn write_unified(
    old: &str,
    new: &str,
    path: &str,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    if old == new {
        return Ok(());
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_writer(out)
}

/// The unified diff as a string.
pub fn unified(old: &str, new: &str, path: &str) -> String {
    let mut out = Vec::new();
    write_unified(old, new, path, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("a diff of text is text")
}
