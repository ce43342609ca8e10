//! RON files: the versioned file format, migration of older versions, atomic saving with a backup.

mod atomic;
mod backups;
mod disk;
mod error;
mod format;
mod migrate;
mod recovery;
mod templates;

pub use atomic::{
    backup_path, write_atomically, write_atomically_with, write_atomically_without_backup,
};
pub use backups::{BACKUPS_PER_FILE, BackupStore};
pub use disk::DiskStamp;
pub use error::{LoadError, SaveError};
pub use format::{CURRENT_VERSION, FORMAT_NAME, Loaded, from_str, read, to_string};
pub use recovery::{Orphan, RecoveryStore, process_is_running};
pub use templates::{Template, example, starter};

use std::path::Path;

use crate::model::Workbook;

/// Reads a workbook from a file.
pub fn load(path: &Path) -> Result<Workbook, LoadError> {
    open(path).map(|loaded| loaded.workbook)
}

/// Reads a workbook from a file, and says which format version the file was in.
pub fn open(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    read_bytes(&bytes, path)
}

/// Reads a workbook from the bytes of a file; `path` names the file in errors.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Workbook, LoadError> {
    read_bytes(bytes, path).map(|loaded| loaded.workbook)
}

/// Reads a workbook from the bytes of a file, and says which format version it was in.
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_owned(),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => text,
        Ok(text) => {
            return Err(LoadError::NotText {
                path: path.to_owned(),
                offset: text.find('\0').unwrap_or(0),
            });
        }
        Err(error) => {
            return Err(LoadError::NotText {
                path: path.to_owned(),
                offset: error.valid_up_to(),
            });
        }
    };
    read(text, path)
}

/// Writes a workbook to a file atomically, keeping the previous file as `<name>.bak`.
pub fn save(path: &Path, workbook: &Workbook) -> Result<(), SaveError> {
    // Everything is serialized before the file is touched; an empty result would be a bug, and must never
    // replace a good file.
    let text = to_string(workbook);
    if text.trim().is_empty() {
        return Err(SaveError::NothingToWrite {
            path: path.to_owned(),
        });
    }
    write_atomically(path, text.as_bytes()).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })
}
