//! What can go wrong reading or writing a file, said so that a user can act on it.

use std::path::PathBuf;

use crate::model::Violation;

/// Why a file could not be opened. The file itself is never touched by a failed load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The operating system refused to read it.
    #[error("{}: cannot read the file: {source}", path.display())]
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
    /// The data does not form a proper map.
    #[error("{}: the map in this file is broken: {}", path.display(), list(problems))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<Violation>,
    },
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
    #[error("{}: cannot save: {source} (the previous file, if any, is unchanged)", path.display())]
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
