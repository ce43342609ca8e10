//! Recovery copies: while a map has unsaved changes, its current state is written now and then to the user's
//! data folder (never to the map's own file). A clean exit removes the copy; a copy whose relmap is no longer
//! running is what a crash left behind, and the next start offers it.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::write_atomically_without_backup;

/// A folder of recovery copies, one per running relmap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// A recovery copy left behind by a relmap that did not exit cleanly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orphan {
    /// The copy itself.
    pub copy: PathBuf,
    /// The file the map belonged to, if it had been saved before.
    pub original: Option<PathBuf>,
    /// When the copy was written.
    pub written: Option<std::time::SystemTime>,
}

impl RecoveryStore {
    /// The store in the user's data folder (`~/.local/share/relmap/recovery` on Linux).
    #[must_use]
    pub fn default_location() -> Option<RecoveryStore> {
        let dirs = directories::ProjectDirs::from("", "", "relmap")?;
        Some(RecoveryStore {
            dir: dirs.data_dir().join("recovery"),
        })
    }

    /// A store in the given folder.
    #[must_use]
    pub fn at(dir: PathBuf) -> RecoveryStore {
        RecoveryStore { dir }
    }

    /// The folder of the copies.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn copy_of(&self, pid: u32) -> PathBuf {
        self.dir.join(format!("recovery-{pid}.ron"))
    }

    fn original_of(copy: &Path) -> PathBuf {
        copy.with_extension("path")
    }

    /// Writes the recovery copy of this process: the map's text, and the path of its file beside it.
    pub fn write(&self, pid: u32, original: Option<&Path>, text: &str) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let copy = self.copy_of(pid);
        let path_text = original
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        write_atomically_without_backup(&Self::original_of(&copy), path_text.as_bytes())?;
        write_atomically_without_backup(&copy, text.as_bytes())
    }

    /// Removes the recovery copy of this process, as on a clean exit or after saving.
    pub fn remove(&self, pid: u32) {
        let copy = self.copy_of(pid);
        let _ = std::fs::remove_file(Self::original_of(&copy));
        let _ = std::fs::remove_file(copy);
    }

    /// Copies left by relmaps that are not running any more, newest first. `is_running` tells whether a
    /// process id is alive.
    #[must_use]
    pub fn orphans(&self, is_running: &dyn Fn(u32) -> bool) -> Vec<Orphan> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Orphan> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "ron"))
            .filter(|path| {
                let pid = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .and_then(|s| s.strip_prefix("recovery-"))
                    .and_then(|s| s.parse::<u32>().ok());
                pid.is_some_and(|pid| !is_running(pid))
            })
            .map(|copy| {
                let original = std::fs::read_to_string(Self::original_of(&copy))
                    .ok()
                    .filter(|text| !text.is_empty())
                    .map(PathBuf::from);
                let written = std::fs::metadata(&copy).and_then(|m| m.modified()).ok();
                Orphan {
                    copy,
                    original,
                    written,
                }
            })
            .collect();
        found.sort_by_key(|orphan| std::cmp::Reverse(orphan.written));
        found
    }

    /// Deletes an orphaned copy once it was restored or discarded.
    pub fn discard(orphan: &Orphan) {
        let _ = std::fs::remove_file(Self::original_of(&orphan.copy));
        let _ = std::fs::remove_file(&orphan.copy);
    }
}

/// Whether a process is running, from `/proc` on Linux. Elsewhere every copy counts as left behind.
#[must_use]
pub fn process_is_running(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_left_by_a_process_that_is_gone_is_found_and_a_live_one_is_not() {
        let data = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(data.path().to_owned());
        store
            .write(111, Some(Path::new("/maps/plan.ron")), "(map)")
            .unwrap();
        store.write(222, None, "(other)").unwrap();
        let orphans = store.orphans(&|pid| pid == 222);
        assert_eq!(orphans.len(), 1);
        assert_eq!(
            orphans[0].original.as_deref(),
            Some(Path::new("/maps/plan.ron"))
        );
        assert_eq!(std::fs::read_to_string(&orphans[0].copy).unwrap(), "(map)");
        RecoveryStore::discard(&orphans[0]);
        assert!(store.orphans(&|pid| pid == 222).is_empty());
        store.remove(222);
        assert!(
            store.orphans(&|_| false).is_empty(),
            "a clean exit leaves nothing"
        );
    }

    #[test]
    fn rewriting_a_copy_leaves_no_backups_and_removing_it_leaves_an_empty_folder() {
        let data = tempfile::tempdir().unwrap();
        let store = RecoveryStore::at(data.path().to_owned());
        store
            .write(333, Some(Path::new("/maps/a.ron")), "(one)")
            .unwrap();
        store
            .write(333, Some(Path::new("/maps/a.ron")), "(two)")
            .unwrap();
        store.remove(333);
        let left: Vec<_> = std::fs::read_dir(data.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
