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

    remove_stale_temps(&dir, &name);
    let (mut file, temp) = create_temp(&dir, &name, "tmp")?;
    let result = (|| {
        if let Some(meta) = &existing {
            // Keep the permissions the user gave the file.
            file.set_permissions(meta.permissions())?;
        }
        write(&mut file)?;
        file.flush()?;
        file.sync_all()?;
        drop(file);
        if existing.is_some() && backup == Backup::Keep {
            keep_backup(&target, &dir, &name)?;
        }
        fs::rename(&temp, &target)
    })();
    if let Err(error) = result {
        // Only the temporary file this save created is removed, never another one.
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
/// are not possible, the file is copied. The new backup is made under a temporary name and renamed over the old
/// one, so there is a backup at every moment.
fn keep_backup(target: &Path, dir: &Path, name: &str) -> io::Result<()> {
    let backup = backup_path(target);
    let (file, temp) = create_temp(dir, name, "bak.tmp")?;
    drop(file);
    let result = (|| {
        fs::remove_file(&temp)?;
        if fs::hard_link(target, &temp).is_err() {
            fs::copy(target, &temp)?;
        }
        fs::rename(&temp, &backup)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Creates a new, empty temporary file beside the target, named `.<name>.<pid>-<unique>.<suffix>`. A name that
/// exists already (left by an earlier process with the same id) is skipped, never opened.
fn create_temp(dir: &Path, name: &str, suffix: &str) -> io::Result<(File, PathBuf)> {
    let pid = std::process::id();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut last_error = None;
    for _ in 0..16 {
        let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{pid}-{nanos:x}{unique}.{suffix}"));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last_error = Some(error),
            Err(error) => return Err(error),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// How old a temporary file left by a process that is gone must be before a save removes it. The delay keeps
/// a save on a shared folder from removing the file of another computer's relmap, whose process id means
/// nothing here, while it is still writing.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_mins(1);

/// Removes the temporary files that saves of `name` left behind when their process was killed.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let me = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .filter(|rest| Path::new(rest).extension().is_some_and(|e| e == "tmp"))
        else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if pid != me && old && !super::process_is_running(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temporary file of `pid` in `dir`, last written `age` ago.
    fn left_behind(dir: &Path, pid: u32, age: std::time::Duration) -> PathBuf {
        let path = dir.join(format!(".map.ron.{pid}-7.tmp"));
        let file = File::create(&path).unwrap();
        file.set_modified(std::time::SystemTime::now() - age)
            .unwrap();
        path
    }

    #[test]
    fn saving_removes_old_temporary_files_of_processes_that_are_gone_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.ron");
        write_atomically(&target, b"(first)").unwrap();
        // No process has this id; /proc says so.
        let gone = u32::MAX - 3;
        let old = left_behind(dir.path(), gone, std::time::Duration::from_hours(1));
        let recent = left_behind(dir.path(), gone - 1, std::time::Duration::ZERO);
        let alive = left_behind(
            dir.path(),
            std::process::id(),
            std::time::Duration::from_hours(1),
        );
        let other = dir.path().join(".other.ron.1-1.tmp");
        File::create(&other).unwrap();

        write_atomically(&target, b"(second)").unwrap();
        assert!(!old.exists(), "an hour-old file of a dead process goes");
        assert!(
            recent.exists(),
            "a fresh one may belong to another computer's save"
        );
        assert!(alive.exists(), "a living process's file stays");
        assert!(other.exists(), "another map's files are not touched");
        assert_eq!(fs::read(&target).unwrap(), b"(second)");
        assert_eq!(fs::read(backup_path(&target)).unwrap(), b"(first)");
    }
}
