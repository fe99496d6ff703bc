//! The edit model: the only way scour changes text.
//!
//! Every pass proposes [`Edit`]s against the text it is given; [`apply`] turns them into the
//! next text and a [`Layer`] that remembers where each replacement came from, so every edit of
//! every pass can be traced back to a span and a line of the source.

use std::borrow::Cow;

use crate::rules::Rule;

/// One proposed change: replace `start..end` (byte offsets into the pass's input) by
/// `replacement`, for a reason a reviewer can read.
#[derive(Debug, Clone, PartialEq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: Cow<'static, str>,
    pub rule: &'static Rule,
    pub reason: Cow<'static, str>,
    /// How sure the pass is, from 0 to 1. Deterministic rules say 1.
    pub confidence: f32,
}

impl Edit {
    pub fn new(
        start: usize,
        end: usize,
        replacement: impl Into<Cow<'static, str>>,
        rule: &'static Rule,
        reason: impl Into<Cow<'static, str>>,
    ) -> Self {
        Edit {
            start,
            end,
            replacement: replacement.into(),
            rule,
            reason: reason.into(),
            confidence: 1.0,
        }
    }

    pub fn with_confidence(mut self, confidence: f32) -> Self {
        self.confidence = confidence;
        self
    }
}

/// The spans one pass replaced, in both its input and its output coordinates.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Layer {
    /// `(old_start, old_end, new_start, new_end)`, sorted and disjoint.
    spans: Vec<(usize, usize, usize, usize)>,
}

/// Which side of a replaced span an offset inside it maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bias {
    Start,
    End,
}

impl Layer {
    /// `(old_start, old_end, new_start, new_end)` of every replaced span, in order.
    pub fn spans(&self) -> &[(usize, usize, usize, usize)] {
        &self.spans
    }

    /// The layer of these spans (sorted and disjoint, as [`Layer::spans`] gives them).
    pub fn from_spans(spans: Vec<(usize, usize, usize, usize)>) -> Self {
        Layer { spans }
    }

    /// Maps an offset in this pass's output back to its input: a character position
    /// (`Bias::Start`) or an exclusive end (`Bias::End`). An offset inside a replacement maps
    /// to the start or the end of the text it replaced.
    pub fn to_old(&self, offset: usize, bias: Bias) -> usize {
        let i = match bias {
            Bias::Start => self.spans.partition_point(|s| s.2 <= offset),
            Bias::End => self.spans.partition_point(|s| s.2 < offset),
        };
        let Some(&(old_start, old_end, _, new_end)) = i.checked_sub(1).map(|i| &self.spans[i])
        else {
            return offset;
        };
        match bias {
            Bias::Start if offset < new_end => old_start,
            Bias::End if offset <= new_end => old_end,
            _ => offset - new_end + old_end,
        }
    }
}

/// Applies edits to `text`. Edits are sorted; one that overlaps an earlier one, or does not fall
/// on character boundaries, is a bug in its pass and is dropped (and trips a debug assertion).
/// Returns the new text, the edits actually applied, and the layer that maps back.
pub fn apply(text: &str, mut edits: Vec<Edit>) -> (String, Vec<Edit>, Layer) {
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len());
    let mut layer = Layer::default();
    let mut kept = Vec::with_capacity(edits.len());
    let mut cursor = 0;
    for edit in edits {
        let valid = edit.start >= cursor
            && edit.start <= edit.end
            && edit.end <= text.len()
            && text.is_char_boundary(edit.start)
            && text.is_char_boundary(edit.end);
        debug_assert!(valid, "invalid or overlapping edit {edit:?}");
        if !valid || text[edit.start..edit.end] == *edit.replacement {
            continue;
        }
        out.push_str(&text[cursor..edit.start]);
        let new_start = out.len();
        out.push_str(&edit.replacement);
        layer
            .spans
            .push((edit.start, edit.end, new_start, out.len()));
        cursor = edit.end;
        kept.push(edit);
    }
    out.push_str(&text[cursor..]);
    (out, kept, layer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::TEST_RULE;

    fn edit(start: usize, end: usize, with: &'static str) -> Edit {
        Edit::new(start, end, with, &TEST_RULE, "test")
    }

    #[test]
    fn applies_in_order_and_maps_back() {
        let (out, kept, layer) = apply("abcdef", vec![edit(4, 5, "XYZ"), edit(1, 3, "")]);
        assert_eq!(out, "adXYZf");
        assert_eq!(kept.len(), 2);
        assert_eq!(layer.to_old(0, Bias::Start), 0);
        assert_eq!(layer.to_old(1, Bias::Start), 3); // 'd' was at 3
        assert_eq!(layer.to_old(2, Bias::Start), 4); // inside the replacement
        assert_eq!(layer.to_old(3, Bias::End), 5);
        assert_eq!(layer.to_old(5, Bias::Start), 5); // 'f'
    }

    #[test]
    fn drops_no_op_edits() {
        let (out, kept, _) = apply("abc", vec![edit(0, 1, "a")]);
        assert_eq!(out, "abc");
        assert!(kept.is_empty());
    }
}
