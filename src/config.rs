//! Settings that change what the pipeline does, with the defaults a newspaper corpus wants.

/// How to space CJK against Latin letters and digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Spacing {
    /// Newspaper style: never insert a space between CJK and Latin (`第18期`).
    #[default]
    Keep,
    /// Pangu style: one space between CJK and Latin letters or digits (`第 18 期`).
    Add,
}

/// The configuration of one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub spacing: Spacing,
}
