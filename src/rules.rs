//! Rules: the stable ids, summaries and examples that tie every edit to an explanation.
//!
//! A rule is declared as a `static` beside the pass that applies it; the registry of rules is
//! the pipeline's list of passes, so adding a rule is a new file and one line in
//! [`crate::pipeline::PASSES`].

use crate::config::{Config, Severity};
use crate::edit::Edit;
use crate::finding::Finding;

/// What a rule is called and what it does. `example` is an input and its clean output under
/// the default configuration; a test checks every example.
#[derive(Debug)]
pub struct Rule {
    /// Stable kebab-case id, `stage/name`.
    pub id: &'static str,
    /// One line for `scour rules` and the report.
    pub summary: &'static str,
    /// Why the rule exists and what it leaves alone.
    pub explanation: &'static str,
    pub example: (&'static str, &'static str),
    /// `None` for a rule that edits; for a finding, its default severity.
    pub finding_severity: Option<Severity>,
    /// The configuration the example runs under (most rules: the default).
    pub example_config: fn() -> Config,
}

/// What a pass is given besides the text: the configuration, the passes that run after it,
/// and where its findings go.
pub struct Context<'a> {
    pub config: &'a Config,
    /// The passes that will run on this pass's output.
    pub later: &'a [&'static dyn Pass],
    /// Findings at offsets of the text the pass is given.
    pub findings: Vec<Finding>,
}

impl<'a> Context<'a> {
    pub fn new(config: &'a Config, later: &'a [&'static dyn Pass]) -> Self {
        Context {
            config,
            later,
            findings: Vec::new(),
        }
    }

    /// `text` as the later passes of the document itself will leave it (not the corpus
    /// passes: what the batch decides applies to the text the document's passes made).
    pub fn finish<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let mut text = std::borrow::Cow::Borrowed(text);
        for pass in self.later.iter().filter(|p| p.edits() && !p.is_corpus()) {
            let mut context = Context::new(self.config, &[]);
            let edits = pass.propose(&text, &mut context);
            if !edits.is_empty() {
                text = crate::edit::apply(&text, edits).0.into();
            }
        }
        text
    }
}

/// One step of the per-document pipeline: reads a text and proposes edits to it.
pub trait Pass: Sync {
    /// The rules whose edits or findings this pass proposes.
    fn rules(&self) -> &'static [&'static Rule];
    /// Proposes disjoint edits against `text`, and reports findings in `context`.
    fn propose(&self, text: &str, context: &mut Context) -> Vec<Edit>;
    /// Whether this pass ever edits (checks only report).
    fn edits(&self) -> bool {
        true
    }
    /// Whether this pass applies what the batch decided (the pipeline of a batch's article
    /// is suspended before the first such pass, to resume once the batch has decided).
    fn is_corpus(&self) -> bool {
        false
    }
}

/// Rules are identified by their id.
impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// Every rule: the pipeline's, in pipeline order, then the corpus phase's.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    pipeline_rules().chain(crate::corpus::RULES.iter().copied())
}

/// The rules the per-document pipeline applies.
fn pipeline_rules() -> impl Iterator<Item = &'static Rule> {
    crate::pipeline::PASSES
        .iter()
        .flat_map(|pass| pass.rules().iter().copied())
}

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|rule| rule.id == id)
}

#[cfg(test)]
pub const TEST_RULE: Rule = Rule {
    id: "test/rule",
    summary: "",
    explanation: "",
    example: ("", ""),
    finding_severity: None,
    example_config: Config::default,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_grouped() {
        let ids: Vec<&str> = all().map(|r| r.id).collect();
        for id in &ids {
            let (stage, name) = id.split_once('/').expect("stage/name");
            for part in [stage, name] {
                assert!(
                    !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                    "{id} is not kebab-case"
                );
            }
            assert_eq!(
                ids.iter().filter(|other| *other == id).count(),
                1,
                "{id} twice"
            );
        }
    }

    #[test]
    fn every_example_cleans_as_documented() {
        for rule in pipeline_rules() {
            let (input, expected) = rule.example;
            let out = crate::clean_text(input, &(rule.example_config)());
            assert_eq!(out.text, expected, "example of {}", rule.id);
            assert!(
                out.edits.iter().any(|e| e.rule.id == rule.id)
                    || out.findings.iter().any(|f| f.rule.id == rule.id),
                "example of {} does not exercise it",
                rule.id
            );
        }
    }
}
