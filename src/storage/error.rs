//! What can go wrong reading or writing a file, said so that a user can act on it.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::Violation;

/// Why a file could not be opened. The file itself is never touched by a failed load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The operating system refused to read it.
    #[error("{}: cannot read the file: {}", path.display(), reading(source))]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// The file has no bytes at all, as after a crash during a save by another program.
    #[error("{}: the file is empty (0 bytes), so there is no map in it", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Binary data, not text.
    #[error("{}: this is not a text file (binary data at byte {offset}); relmap maps are RON text", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// Where the first non-text byte is.
        offset: usize,
    },
    /// The text is not valid RON, or a value has the wrong type.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column, from 1.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// Valid RON, but not a relmap map.
    #[error("{}: this is not a relmap map ({reason})", path.display())]
    NotRelmap {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// A newer relmap wrote this file.
    #[error(
        "{}: the file is format version {found}, but this relmap reads versions up to {supported}; \
         open it with a newer relmap (the file was not changed)",
        path.display()
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// An older version with no migration.
    #[error("{}: format version {found} is not known to this relmap (it reads versions up to {supported})", path.display())]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// The file's version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A map nested deeper than [`crate::model::MAX_LEVELS`] levels, which no real map is.
    #[error(
        "{}: the map is nested {levels} levels deep, but relmap opens maps of at most {limit} levels \
         (real maps stay under 30); the file is damaged or was made to break programs",
        path.display()
    )]
    TooDeep {
        /// The file.
        path: PathBuf,
        /// How many levels the map in the file has.
        levels: usize,
        /// The most levels allowed.
        limit: usize,
    },
    /// The data does not form a proper map.
    #[error("{}: the map in this file is broken: {}", path.display(), list(problems))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<Violation>,
    },
}

/// Why reading failed, in plain words for the errors people meet; the system's own words otherwise.
fn reading(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => {
            "there is no such file (it may have been moved, renamed or deleted)".to_owned()
        }
        io::ErrorKind::PermissionDenied => "you are not allowed to read it".to_owned(),
        io::ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
        _ => error.to_string(),
    }
}

/// Why writing `path` failed, in plain words for the errors people meet; the system's own words otherwise.
fn writing(error: &io::Error, path: &Path) -> String {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| ".".to_owned(), |p| p.display().to_string());
    match error.kind() {
        io::ErrorKind::NotFound => format!("the folder {folder} does not exist"),
        io::ErrorKind::PermissionDenied => {
            format!("you are not allowed to write this file or in the folder {folder}")
        }
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::IsADirectory => "a folder of that name is in the way".to_owned(),
        _ => error.to_string(),
    }
}

fn list(problems: &[Violation]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl LoadError {
    /// The line and column the error points at, where there is one.
    #[must_use]
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}

/// Why a file could not be saved. The previous file on disk is left whole.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The operating system refused to write it.
    #[error(
        "{}: cannot save: {} (the previous file, if any, is unchanged)",
        path.display(),
        writing(source, path)
    )]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// The map serialized to nothing, which must never replace a file.
    #[error("{}: nothing to write, so the file was left as it was", path.display())]
    NothingToWrite {
        /// The file.
        path: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_file_errors_are_said_in_plain_words() {
        let path = PathBuf::from("/home/me/Maps/board.ron");
        let save = |kind| {
            SaveError::Io {
                path: path.clone(),
                source: io::Error::from(kind),
            }
            .to_string()
        };
        assert_eq!(
            save(io::ErrorKind::NotFound),
            "/home/me/Maps/board.ron: cannot save: the folder /home/me/Maps does not exist \
             (the previous file, if any, is unchanged)"
        );
        assert!(save(io::ErrorKind::StorageFull).contains("cannot save: the disk is full"));
        assert!(!save(io::ErrorKind::PermissionDenied).contains("os error"));
        let load = LoadError::Io {
            path: path.clone(),
            source: io::Error::from(io::ErrorKind::NotFound),
        };
        assert_eq!(
            load.to_string(),
            "/home/me/Maps/board.ron: cannot read the file: there is no such file (it may have been \
             moved, renamed or deleted)"
        );
    }
}
