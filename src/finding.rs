//! Findings: what scour reports for a person to look at but never changes (a truncated
//! paragraph, a break it was not sure about). They point at a source line like edits do.

use std::borrow::Cow;

use crate::rules::Rule;

/// A finding at a byte offset of the text its pass was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub at: usize,
    pub rule: &'static Rule,
    pub message: Cow<'static, str>,
    /// How sure the check is that something is wrong, from 0 to 1.
    pub confidence: f32,
}

impl Finding {
    pub fn new(at: usize, rule: &'static Rule, message: impl Into<Cow<'static, str>>) -> Self {
        Finding {
            at,
            rule,
            message: message.into(),
            confidence: 1.0,
        }
    }

    pub fn with_confidence(mut self, confidence: f32) -> Self {
        self.confidence = confidence;
        self
    }
}
