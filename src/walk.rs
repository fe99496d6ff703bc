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
/// files sorted by path; and the paths that could not be walked. Files named directly are
/// taken unless `force_exclude` and the settings exclude them (pre-commit passes every staged
/// file by name).
pub fn discover(
    args: &[PathBuf],
    settings: &Settings,
    force_exclude: bool,
) -> (Vec<Input>, Vec<WalkError>) {
    // One list for every argument, grown in place: an archive has half a million inputs.
    let (mut inputs, mut errors) = (Vec::new(), Vec::new());
    for arg in args {
        let shown = arg.display().to_string();
        match std::fs::metadata(arg) {
            Err(e) => errors.push(WalkError {
                path: shown,
                message: e.to_string(),
            }),
            Ok(meta) if meta.is_dir() => walk_directory(arg, settings, &mut inputs, &mut errors),
            Ok(_) => {
                let rel = arg
                    .file_name()
                    .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
                let input = Input {
                    path: arg.as_path().into(),
                    rel: rel.into(),
                };
                if !(force_exclude && settings.is_excluded(&input.matched(settings))) {
                    inputs.push(input);
                }
            }
        }
    }
    inputs.shrink_to_fit();
    (inputs, errors)
}

fn walk_directory(
    root: &Path,
    settings: &Settings,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<WalkError>,
) {
    let (first_input, first_error) = (inputs.len(), errors.len());
    let walk = WalkBuilder::new(root)
        .require_git(false)
        .add_custom_ignore_filename(".scourignore")
        // Followed, so a linked article is cleaned; a link loop is reported, not walked.
        .follow_links(true)
        .build();
    for entry in walk {
        match entry {
            Err(e) => errors.push(WalkError {
                path: root.display().to_string(),
                message: e.to_string(),
            }),
            Ok(entry) => {
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    continue;
                }
                let path = entry.into_path();
                let rel = rel_string(path.strip_prefix(root).unwrap_or(&path));
                let input = Input {
                    path: path.into(),
                    rel: rel.into(),
                };
                if settings.is_included(&input.matched(settings)) {
                    inputs.push(input);
                }
            }
        }
    }
    inputs[first_input..].sort_by(|a, b| a.rel.cmp(&b.rel));
    errors[first_error..].sort_by(|a, b| a.message.cmp(&b.message));
}
