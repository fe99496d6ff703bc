//! Project settings: `scour.toml`, `.scour.toml` or `[tool.scour]` in `pyproject.toml`,
//! found by walking up from a directory. Keys are kebab-case; an unknown key or rule is an
//! error that names it and its line.
//!
//! ```toml
//! spacing = "keep"                 # or "add"
//! index = "scour-index.json"       # corpus index (boilerplate, known articles)
//! encoding = "gb18030"             # read input as this instead of detecting
//! repeat-min-cjk = 50              # shortest repeat removed, in CJK / Latin characters
//! repeat-min-latin = 200
//! fail-on = "warning"              # check fails on findings at or above: info, warning, error
//! include = ["**/*.txt", "**/*.md"]
//! exclude = ["drafts/**"]
//!
//! [rules]
//! "normalize/cjk-connector" = "off"
//! "finding/uncertain-break" = "warning"
//!
//! [[overrides]]
//! files = ["english/**"]
//! spacing = "add"
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use encoding_rs::Encoding;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::config::{Config, RuleLevel, Severity, Spacing};

/// The file names searched in each directory, in order.
pub const CONFIG_FILES: &[&str] = &["scour.toml", ".scour.toml", "pyproject.toml"];

/// Files a directory walk picks up when the settings name no `include`.
pub const DEFAULT_INCLUDE: &[&str] = &["**/*.txt", "**/*.text", "**/*.md"];

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSettings {
    index: Option<PathBuf>,
    encoding: Option<String>,
    repeat_min_cjk: Option<usize>,
    repeat_min_latin: Option<usize>,
    spacing: Option<SpacingName>,
    fail_on: Option<SeverityName>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    rules: Option<BTreeMap<String, LevelName>>,
    overrides: Option<Vec<RawOverride>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    files: Vec<String>,
    encoding: Option<String>,
    spacing: Option<SpacingName>,
    rules: Option<BTreeMap<String, LevelName>>,
}

#[derive(Debug, Deserialize)]
struct PyProject {
    tool: Option<PyProjectTool>,
}

#[derive(Debug, Deserialize)]
struct PyProjectTool {
    scour: Option<RawSettings>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum SpacingName {
    Keep,
    Add,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum SeverityName {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum LevelName {
    Off,
    On,
    Info,
    Warning,
    Error,
}

impl From<SpacingName> for Spacing {
    fn from(name: SpacingName) -> Self {
        match name {
            SpacingName::Keep => Spacing::Keep,
            SpacingName::Add => Spacing::Add,
        }
    }
}

impl From<SeverityName> for Severity {
    fn from(name: SeverityName) -> Self {
        match name {
            SeverityName::Info => Severity::Info,
            SeverityName::Warning => Severity::Warning,
            SeverityName::Error => Severity::Error,
        }
    }
}

impl From<LevelName> for RuleLevel {
    fn from(name: LevelName) -> Self {
        match name {
            LevelName::Off => RuleLevel::Off,
            LevelName::On => RuleLevel::On,
            LevelName::Info => RuleLevel::At(Severity::Info),
            LevelName::Warning => RuleLevel::At(Severity::Warning),
            LevelName::Error => RuleLevel::At(Severity::Error),
        }
    }
}

/// A settings file that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for SettingsError {}

/// Settings for some files, matched by glob.
#[derive(Debug, Clone)]
struct Override {
    files: GlobSet,
    encoding: Option<&'static Encoding>,
    spacing: Option<Spacing>,
    rules: BTreeMap<String, RuleLevel>,
}

/// Resolved settings of a project.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The settings file, if one was found.
    pub file: Option<PathBuf>,
    /// The corpus index (relative to `root` in the file), if the settings name one.
    pub index: Option<PathBuf>,
    /// The directory globs are relative to: the settings file's, or the starting one.
    pub root: PathBuf,
    pub fail_on: Severity,
    base: Config,
    include: GlobSet,
    exclude: GlobSet,
    overrides: Vec<Override>,
}

impl Settings {
    /// The defaults, rooted at `root` (`--isolated`, or no settings file found).
    pub fn defaults(root: &Path) -> Self {
        Settings::from_raw(RawSettings::default(), None, root).expect("defaults are valid")
    }

    /// Walks up from `start` to the first directory with a settings file and reads it.
    pub fn discover(start: &Path) -> Result<Self, SettingsError> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        for dir in start.ancestors() {
            for name in CONFIG_FILES {
                let path = dir.join(name);
                if !path.is_file() {
                    continue;
                }
                if *name == "pyproject.toml" && !has_tool_scour(&path) {
                    continue;
                }
                return Settings::load(&path);
            }
        }
        Ok(Settings::defaults(&start))
    }

    /// Reads one settings file (`-c/--config`).
    pub fn load(path: &Path) -> Result<Self, SettingsError> {
        let error = |message: String| SettingsError {
            path: path.to_path_buf(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| error(format!("cannot read: {e}")))?;
        let raw = if path.file_name().is_some_and(|n| n == "pyproject.toml") {
            let project: PyProject = toml::from_str(&text).map_err(|e| error(e.to_string()))?;
            project.tool.and_then(|t| t.scour).unwrap_or_default()
        } else {
            toml::from_str(&text).map_err(|e| error(e.to_string()))?
        };
        let root = std::path::absolute(path)
            .ok()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        Settings::from_raw(raw, Some(path.to_path_buf()), &root).map_err(error)
    }

    fn from_raw(raw: RawSettings, file: Option<PathBuf>, root: &Path) -> Result<Self, String> {
        let defaults = Config::default();
        let include = raw
            .include
            .unwrap_or_else(|| DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect());
        let overrides = raw
            .overrides
            .unwrap_or_default()
            .into_iter()
            .map(|o| {
                Ok(Override {
                    files: glob_set(&o.files)?,
                    encoding: o.encoding.as_deref().map(encoding).transpose()?,
                    spacing: o.spacing.map(Spacing::from),
                    rules: rule_levels(o.rules)?,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Settings {
            file,
            index: raw.index.map(|p| root.join(p)),
            root: root.to_path_buf(),
            fail_on: raw.fail_on.map_or(Severity::Warning, Severity::from),
            base: Config {
                encoding: raw.encoding.as_deref().map(encoding).transpose()?,
                spacing: raw.spacing.map_or(Spacing::Keep, Spacing::from),
                rules: rule_levels(raw.rules)?,
                repeat_min_cjk: raw.repeat_min_cjk.unwrap_or(defaults.repeat_min_cjk),
                repeat_min_latin: raw.repeat_min_latin.unwrap_or(defaults.repeat_min_latin),
                boilerplate: None,
            },
            include: glob_set(&include)?,
            exclude: glob_set(&raw.exclude.unwrap_or_default())?,
            overrides,
        })
    }

    /// The configuration for the file at `rel` (relative to `root`), overrides applied.
    pub fn config_for(&self, rel: &Path) -> Config {
        let mut config = self.base.clone();
        for o in self.overrides.iter().filter(|o| o.files.is_match(rel)) {
            if let Some(spacing) = o.spacing {
                config.spacing = spacing;
            }
            if o.encoding.is_some() {
                config.encoding = o.encoding;
            }
            config
                .rules
                .extend(o.rules.iter().map(|(k, v)| (k.clone(), *v)));
        }
        config
    }

    /// Whether a directory walk picks up the file at `rel`.
    pub fn is_included(&self, rel: &Path) -> bool {
        self.include.is_match(rel) && !self.is_excluded(rel)
    }

    /// Whether the file at `rel` is excluded (even when named on the command line, with
    /// `--force-exclude`).
    pub fn is_excluded(&self, rel: &Path) -> bool {
        self.exclude.is_match(rel)
    }

    /// The path of `path` relative to `root`, if it is below it.
    pub fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = std::path::absolute(path).ok()?;
        absolute
            .strip_prefix(&self.root)
            .ok()
            .map(Path::to_path_buf)
    }
}

/// The encoding with this WHATWG label (`gb18030`, `gbk`, `big5`, `utf-16le`, …).
pub fn encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.as_bytes()).ok_or_else(|| {
        format!("unknown encoding {label:?} (WHATWG labels: utf-8, gb18030, big5, utf-16le, …)")
    })
}

fn has_tool_scour(path: &Path) -> bool {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|table| table.get("tool")?.get("scour").cloned())
        .is_some()
}

fn glob_set(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        // A pattern without a slash matches at any depth, as in .gitignore.
        let pattern = if pattern.contains('/') {
            pattern.clone()
        } else {
            format!("**/{pattern}")
        };
        builder.add(Glob::new(&pattern).map_err(|e| format!("bad glob {pattern:?}: {e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

fn rule_levels(
    raw: Option<BTreeMap<String, LevelName>>,
) -> Result<BTreeMap<String, RuleLevel>, String> {
    raw.unwrap_or_default()
        .into_iter()
        .map(|(id, level)| match crate::rules::find(&id) {
            Some(_) => Ok((id, RuleLevel::from(level))),
            None => Err(format!(
                "unknown rule {id:?} in [rules]; `scour rules` lists them"
            )),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn reads_keys_rules_and_overrides() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "scour.toml",
            "spacing = \"add\"\nfail-on = \"error\"\nexclude = [\"drafts/**\"]\n\
             [rules]\n\"normalize/cjk-connector\" = \"off\"\n\
             [[overrides]]\nfiles = [\"*.md\"]\nspacing = \"keep\"\n",
        );
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let settings = Settings::discover(&dir.path().join("sub")).unwrap();
        assert_eq!(settings.fail_on, Severity::Error);
        let txt = settings.config_for(Path::new("a/b.txt"));
        assert_eq!(txt.spacing, Spacing::Add);
        assert_eq!(
            txt.rules.get("normalize/cjk-connector"),
            Some(&RuleLevel::Off)
        );
        assert_eq!(
            settings.config_for(Path::new("a/b.md")).spacing,
            Spacing::Keep
        );
        assert!(settings.is_included(Path::new("x/y.txt")));
        assert!(!settings.is_included(Path::new("drafts/y.txt")));
        assert!(!settings.is_included(Path::new("y.json")));
    }

    #[test]
    fn unknown_keys_and_rules_are_errors_that_name_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "scour.toml",
            "spacing = \"keep\"\n\nspaceing = \"add\"\n",
        );
        let error = Settings::load(&path).unwrap_err().to_string();
        assert!(
            error.contains("spaceing") && error.contains("line 3"),
            "{error}"
        );
        let path = write(dir.path(), "scour.toml", "[rules]\n\"no/such\" = \"off\"\n");
        assert!(
            Settings::load(&path)
                .unwrap_err()
                .to_string()
                .contains("no/such")
        );
        let path = write(dir.path(), "scour.toml", "spacing = \"sideways\"\n");
        assert!(
            Settings::load(&path)
                .unwrap_err()
                .to_string()
                .contains("sideways")
        );
    }

    #[test]
    fn pyproject_only_counts_with_a_tool_scour_table() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "pyproject.toml",
            "[tool.black]\nline-length = 88\n",
        );
        assert!(Settings::discover(dir.path()).unwrap().file.is_none());
        write(
            dir.path(),
            "pyproject.toml",
            "[tool.black]\nx = 1\n[tool.scour]\nspacing = \"add\"\n",
        );
        let settings = Settings::discover(dir.path()).unwrap();
        assert_eq!(
            settings.config_for(Path::new("a.txt")).spacing,
            Spacing::Add
        );
    }
}
