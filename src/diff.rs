//! Unified diffs of source against clean text that `git apply` accepts.

use similar::TextDiff;

/// A unified diff from `old` to `new` with `a/<path>` and `b/<path>` headers, or an empty
/// string when they are equal.
pub fn unified(old: &str, new: &str, path: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}
