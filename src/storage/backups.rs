//! Timestamped backups: besides `<name>.ron.bak` beside the file, every save keeps the previous version in the
//! user's data folder, up to five per file, so a map can be taken back to how it was a few saves ago.

use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

use super::write_atomically;

/// How many timestamped backups are kept for each file.
pub const BACKUPS_PER_FILE: usize = 5;

/// A folder that holds timestamped backups, one subfolder per map file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupStore {
    dir: PathBuf,
}

impl BackupStore {
    /// The store in the user's data folder (`~/.local/share/relmap/backups` on Linux).
    #[must_use]
    pub fn default_location() -> Option<BackupStore> {
        let dirs = directories::ProjectDirs::from("", "", "relmap")?;
        Some(BackupStore {
            dir: dirs.data_dir().join("backups"),
        })
    }

    /// A store in the given folder.
    #[must_use]
    pub fn at(dir: PathBuf) -> BackupStore {
        BackupStore { dir }
    }

    /// The folder of all backups.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder that holds the backups of one map file: its name plus a hash of its full path, so two maps
    /// with the same name in different folders never share backups.
    #[must_use]
    pub fn folder_for(&self, file: &Path) -> PathBuf {
        let full = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        full.hash(&mut hasher);
        let stem = file
            .file_stem()
            .map_or_else(|| "map".to_owned(), |s| s.to_string_lossy().into_owned());
        self.dir.join(format!("{stem}-{:016x}", hasher.finish()))
    }

    /// Copies the current content of `file` into a new timestamped backup and drops the oldest beyond five.
    /// Does nothing when the file does not exist yet. Returns the backup written.
    pub fn keep(&self, file: &Path, now: chrono::NaiveDateTime) -> io::Result<Option<PathBuf>> {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        let folder = self.folder_for(file);
        std::fs::create_dir_all(&folder)?;
        let stem = file
            .file_stem()
            .map_or_else(|| "map".to_owned(), |s| s.to_string_lossy().into_owned());
        let stamp = now.format("%Y%m%d-%H%M%S");
        let mut target = folder.join(format!("{stem}-{stamp}.ron"));
        let mut n = 2;
        while target.exists() {
            target = folder.join(format!("{stem}-{stamp}-{n}.ron"));
            n += 1;
        }
        write_atomically(&target, &bytes)?;
        for old in self.list(file).into_iter().skip(BACKUPS_PER_FILE) {
            std::fs::remove_file(old)?;
        }
        Ok(Some(target))
    }

    /// The backups of a file, newest first.
    #[must_use]
    pub fn list(&self, file: &Path) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.folder_for(file)) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "ron"))
            .collect();
        // Names carry the time and a counter, so sorting them sorts by age; the counter needs a numeric sort.
        found.sort_by_key(|path| {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (base, counter) = match name.rsplit_once('-') {
                Some((base, n)) if n.len() < 4 && n.chars().all(|c| c.is_ascii_digit()) => {
                    (base.to_owned(), n.parse::<u32>().unwrap_or(0))
                }
                _ => (name, 1),
            };
            std::cmp::Reverse((base, counter))
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32, s: u32) -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap()
    }

    #[test]
    fn each_save_keeps_the_previous_version_and_only_five_are_kept() {
        let data = tempfile::tempdir().unwrap();
        let maps = tempfile::tempdir().unwrap();
        let store = BackupStore::at(data.path().to_owned());
        let file = maps.path().join("plan.ron");
        assert_eq!(
            store.keep(&file, at(9, 0, 0)).unwrap(),
            None,
            "nothing to keep before the first save"
        );
        for version in 0..7_u32 {
            write_atomically(&file, format!("version {version}").as_bytes()).unwrap();
            store.keep(&file, at(10, version, 0)).unwrap();
        }
        let kept = store.list(&file);
        assert_eq!(kept.len(), BACKUPS_PER_FILE);
        assert_eq!(
            std::fs::read_to_string(&kept[0]).unwrap(),
            "version 6",
            "newest first"
        );
        assert_eq!(
            std::fs::read_to_string(&kept[4]).unwrap(),
            "version 2",
            "the oldest were dropped"
        );
    }

    #[test]
    fn two_saves_in_the_same_second_keep_both() {
        let data = tempfile::tempdir().unwrap();
        let maps = tempfile::tempdir().unwrap();
        let store = BackupStore::at(data.path().to_owned());
        let file = maps.path().join("plan.ron");
        write_atomically(&file, b"one").unwrap();
        store.keep(&file, at(10, 0, 0)).unwrap();
        write_atomically(&file, b"two").unwrap();
        store.keep(&file, at(10, 0, 0)).unwrap();
        let kept = store.list(&file);
        assert_eq!(kept.len(), 2);
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "two");
    }

    #[test]
    fn maps_with_the_same_name_in_different_folders_keep_separate_backups() {
        let store = BackupStore::at(PathBuf::from("/data"));
        assert_ne!(
            store.folder_for(Path::new("/a/plan.ron")),
            store.folder_for(Path::new("/b/plan.ron"))
        );
    }
}
