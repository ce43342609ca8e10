//! Atomic saving: write a temporary file beside the target, flush it to disk, keep the old file as a backup,
//! then rename the new file over the target. A crash at any moment leaves the old file or the new one, whole.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Makes temporary names unique within this process, so two saves never share a temporary file.
static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Where the previous version of `path` is kept: `<name>.bak` beside it (`map.ron.bak` for `map.ron`).
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically. See the module documentation.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Like [`write_atomically`], with the writing of the content left to `write`. When `write` fails, the
/// temporary file is removed and the target is not touched; tests use this to inject failures.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    replace(path, Backup::Keep, write)
}

/// Writes `bytes` to `path` atomically without keeping the previous file: for relmap's own files, such as
/// recovery copies, whose previous version is worth nothing.
pub fn write_atomically_without_backup(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, Backup::Drop, |file| file.write_all(bytes))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Backup {
    Keep,
    Drop,
}

fn replace(
    path: &Path,
    backup: Backup,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    // Saving through a symbolic link replaces the file it points to, not the link.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_owned(),
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?
        .to_string_lossy()
        .into_owned();
    let existing = fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "the path is a folder",
        ));
    }

    let temp = dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        if let Some(meta) = &existing {
            // Keep the permissions the user gave the file.
            file.set_permissions(meta.permissions())?;
        }
        write(&mut file)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        if existing.is_some() && backup == Backup::Keep {
            keep_backup(&target)?;
        }
        fs::rename(&temp, &target)
    })();
    if let Err(error) = result {
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    // Make the rename itself durable. Not every file system allows syncing a folder; the data is safe anyway.
    if let Ok(folder) = File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Keeps the current file as `<name>.bak`. A hard link costs nothing and cannot be half-written; where links
/// are not possible, the file is copied.
fn keep_backup(target: &Path) -> io::Result<()> {
    let backup = backup_path(target);
    match fs::remove_file(&backup) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    if fs::hard_link(target, &backup).is_err() {
        fs::copy(target, &backup)?;
    }
    Ok(())
}
