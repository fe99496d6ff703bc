//! A suspended pipeline as bytes: a batch writes every article's state at the corpus passes
//! to a scratch file in phase 1 and reads back those that phase 2's decisions touch, so
//! phase 3 runs only the passes after them.

use std::borrow::Cow;

use crate::edit::Layer;
use crate::pipeline::{Change, Reported, Suspended};
use crate::rules::Rule;

impl Suspended {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Writer(Vec::with_capacity(self.text.len() + 64 * self.edits.len()));
        out.number(self.next);
        out.text(&self.text);
        out.number(self.layers.len());
        for layer in &self.layers {
            out.number(layer.spans().len());
            for &(a, b, c, d) in layer.spans() {
                [a, b, c, d].into_iter().for_each(|n| out.number(n));
            }
        }
        out.number(self.edits.len());
        for edit in &self.edits {
            out.why(edit.rule, &edit.reason, edit.confidence);
            out.number(edit.source.start);
            out.number(edit.source.end);
            out.number(edit.line);
            out.text(&edit.removed);
            out.text(&edit.inserted);
        }
        out.number(self.findings.len());
        for finding in &self.findings {
            out.why(finding.rule, &finding.message, finding.confidence);
            out.number(finding.at);
            out.number(finding.line);
        }
        out.0
    }

    /// The state [`Suspended::to_bytes`] wrote, or `None` for bytes it cannot have written.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut input = Reader(bytes);
        let next = input.number()?;
        let text = input.text()?.to_string();
        let layers = (0..input.number()?)
            .map(|_| {
                let spans = (0..input.number()?)
                    .map(|_| {
                        Some((
                            input.number()?,
                            input.number()?,
                            input.number()?,
                            input.number()?,
                        ))
                    })
                    .collect::<Option<_>>()?;
                Some(Layer::from_spans(spans))
            })
            .collect::<Option<_>>()?;
        let edits = (0..input.number()?)
            .map(|_| {
                let (rule, reason, confidence) = input.why()?;
                Some(Change {
                    rule,
                    reason,
                    confidence,
                    source: input.number()?..input.number()?,
                    line: input.number()?,
                    removed: input.text()?.to_string(),
                    inserted: Cow::Owned(input.text()?.to_string()),
                })
            })
            .collect::<Option<_>>()?;
        let findings = (0..input.number()?)
            .map(|_| {
                let (rule, message, confidence) = input.why()?;
                Some(Reported {
                    rule,
                    message,
                    confidence,
                    at: input.number()?,
                    line: input.number()?,
                })
            })
            .collect::<Option<_>>()?;
        input.0.is_empty().then_some(Suspended {
            next,
            text,
            layers,
            edits,
            findings,
        })
    }
}

struct Writer(Vec<u8>);

impl Writer {
    /// LEB128: most numbers here are offsets and lengths of a few bytes.
    fn number(&mut self, mut n: usize) {
        while n >= 0x80 {
            self.0.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn text(&mut self, text: &str) {
        self.number(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    /// What an edit and a finding both carry: the rule (by id), its words and confidence.
    fn why(&mut self, rule: &Rule, words: &str, confidence: f32) {
        self.text(rule.id);
        self.text(words);
        self.0.extend_from_slice(&confidence.to_le_bytes());
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn number(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let (&byte, rest) = self.0.split_first()?;
            self.0 = rest;
            n |= usize::from(byte & 0x7f).checked_shl(shift)?;
            if byte < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let taken = self.0.get(..len)?;
        self.0 = &self.0[len..];
        Some(taken)
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.number()?;
        std::str::from_utf8(self.take(len)?).ok()
    }

    /// What [`Writer::why`] wrote.
    fn why(&mut self) -> Option<(&'static Rule, Cow<'static, str>, f32)> {
        let rule = crate::rules::find(self.text()?)?;
        let words = Cow::Owned(self.text()?.to_string());
        let confidence = f32::from_le_bytes(self.take(4)?.try_into().ok()?);
        Some((rule, words, confidence))
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::{resume, suspend};
    use crate::{Config, clean_text};

    #[test]
    fn a_suspended_article_resumes_from_its_bytes_as_cleaned_at_once() {
        let source = "标题\n\n第一段写到一半\n\n接着写完。  \n\n责任编辑：王明\n\n\n\nA line wrapped\nin two. \u{200b}\n";
        let config = Config::default();
        let suspended = suspend(source, &config);
        let bytes = suspended.to_bytes();
        let read = super::Suspended::from_bytes(&bytes).expect("read back");
        assert_eq!(read, suspended);
        assert_eq!(resume(source, &config, read), clean_text(source, &config));
        for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(
                super::Suspended::from_bytes(&bytes[..cut]),
                None,
                "cut at {cut}"
            );
        }
    }
}
