//! Finds the articles to clean: files named on the command line, and the article files under
//! directories, honouring `.gitignore`, `.ignore`, `.scourignore` and the settings'
//! `include` and `exclude` globs.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::settings::Settings;

/// A file to clean. (Boxed: a batch holds one per article for the whole run.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: Box<Path>,
    /// The path relative to its directory argument (or the file name of a file argument),
    /// `/`-separated: it names the file in the output tree, the diffs and the report.
    pub rel: Box<str>,
}

impl Input {
    /// Standard input, named `-`.
    pub fn stdin() -> Self {
        Input {
            path: Path::new("-").into(),
            rel: "-".into(),
        }
    }

    /// The path the settings' globs match: relative to the settings root when the file is
    /// below it, else `rel`.
    pub fn matched(&self, settings: &Settings) -> PathBuf {
        if *self.path == *Path::new("-") {
            return PathBuf::from("-");
        }
        settings
            .relative(&self.path)
            .unwrap_or_else(|| PathBuf::from(&*self.rel))
    }
}

/// A path that could not be walked or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

fn rel_string(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every input under `args`, in a deterministic order: argument by argument, each directory's
/// files sorted by path. Files named directly are taken unless `force_exclude` and the
/// settings exclude them (pre-commit passes every staged file by name).
pub fn discover(
    args: &[PathBuf],
    settings: &Settings,
    force_exclude: bool,
) -> Vec<Result<Input, WalkError>> {
    let mut found = Vec::new();
    for arg in args {
        let shown = arg.display().to_string();
        match std::fs::metadata(arg) {
            Err(e) => found.push(Err(WalkError {
                path: shown,
                message: e.to_string(),
            })),
            Ok(meta) if meta.is_dir() => found.extend(walk_directory(arg, settings)),
            Ok(_) => {
                let rel = arg
                    .file_name()
                    .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
                let input = Input {
                    path: arg.as_path().into(),
                    rel: rel.into(),
                };
                if !(force_exclude && settings.is_excluded(&input.matched(settings))) {
                    found.push(Ok(input));
                }
            }
        }
    }
    found
}

fn walk_directory(root: &Path, settings: &Settings) -> Vec<Result<Input, WalkError>> {
    let mut found: Vec<Result<Input, WalkError>> = WalkBuilder::new(root)
        .require_git(false)
        .add_custom_ignore_filename(".scourignore")
        // Followed, so a linked article is cleaned; a link loop is reported, not walked.
        .follow_links(true)
        .build()
        .filter_map(|entry| match entry {
            Err(e) => Some(Err(WalkError {
                path: root.display().to_string(),
                message: e.to_string(),
            })),
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    return None;
                }
                let path = entry.into_path();
                let rel = rel_string(path.strip_prefix(root).unwrap_or(&path));
                let input = Input {
                    path: path.into(),
                    rel: rel.into(),
                };
                settings
                    .is_included(&input.matched(settings))
                    .then_some(Ok(input))
            }
        })
        .collect();
    found.sort_by(|a, b| match (a, b) {
        (Ok(a), Ok(b)) => a.rel.cmp(&b.rel),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(a), Err(b)) => a.message.cmp(&b.message),
    });
    found
}
