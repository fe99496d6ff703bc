//! Finds the articles to clean: files named on the command line, and the article files under
//! directories, honouring `.gitignore` and `.scourignore`.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

/// File name endings that a directory walk picks up. A file named on the command line is
/// always taken, whatever its name.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// A file to clean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// The path relative to its directory argument (or the file name of a file argument),
    /// `/`-separated: it names the file in the output tree, the diffs and the report.
    pub rel: String,
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

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Every input under `args`, in a deterministic order: argument by argument, each directory's
/// files sorted by path.
pub fn discover(args: &[PathBuf]) -> Vec<Result<Input, WalkError>> {
    let mut found = Vec::new();
    for arg in args {
        let shown = arg.display().to_string();
        match std::fs::metadata(arg) {
            Err(e) => found.push(Err(WalkError {
                path: shown,
                message: e.to_string(),
            })),
            Ok(meta) if meta.is_dir() => found.extend(walk_directory(arg)),
            Ok(_) => found.push(Ok(Input {
                path: arg.clone(),
                rel: arg
                    .file_name()
                    .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned()),
            })),
        }
    }
    found
}

fn walk_directory(root: &Path) -> Vec<Result<Input, WalkError>> {
    let mut found: Vec<Result<Input, WalkError>> = WalkBuilder::new(root)
        .require_git(false)
        .add_custom_ignore_filename(".scourignore")
        .follow_links(false)
        .build()
        .filter_map(|entry| match entry {
            Err(e) => Some(Err(WalkError {
                path: root.display().to_string(),
                message: e.to_string(),
            })),
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                (is_file && is_article(entry.path())).then(|| {
                    let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
                    Ok(Input {
                        rel: rel_string(rel),
                        path: entry.into_path(),
                    })
                })
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
