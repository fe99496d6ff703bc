//! Settings that change what the pipeline does, with the defaults a newspaper corpus wants.
//! (`settings` reads them from files; this is what one document is cleaned with.)

use std::collections::BTreeMap;

/// How to space CJK against Latin letters and digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Spacing {
    /// Newspaper style: never insert a space between CJK and Latin (`第18期`).
    #[default]
    Keep,
    /// Pangu style: one space between CJK and Latin letters or digits (`第 18 期`).
    Add,
}

/// How serious a finding is; `check` fails on findings at or above a configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// What the configuration says of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On,
    /// On, and for a finding, at this severity.
    At(Severity),
}

/// The configuration one document is cleaned with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Read input as this encoding instead of detecting it.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub spacing: Spacing,
    /// Rules set explicitly, by id; the others are on at their default severity.
    pub rules: BTreeMap<String, RuleLevel>,
    /// The shortest repeat `repeat/loop` removes, in characters, in CJK and in Latin text.
    pub repeat_min_cjk: usize,
    pub repeat_min_latin: usize,
    /// The corpus's boilerplate (phase 3), if decided.
    pub boilerplate: Option<std::sync::Arc<crate::corpus::boilerplate::Boilerplate>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            encoding: None,
            spacing: Spacing::default(),
            rules: BTreeMap::new(),
            repeat_min_cjk: 50,
            repeat_min_latin: 200,
            boilerplate: None,
        }
    }
}

impl Config {
    pub fn is_enabled(&self, rule: &crate::rules::Rule) -> bool {
        self.rules.get(rule.id) != Some(&RuleLevel::Off)
    }

    /// The severity of a finding rule (its default unless configured).
    pub fn severity(&self, rule: &crate::rules::Rule) -> Severity {
        match self.rules.get(rule.id) {
            Some(RuleLevel::At(severity)) => *severity,
            _ => rule.finding_severity.unwrap_or(Severity::Warning),
        }
    }
}
