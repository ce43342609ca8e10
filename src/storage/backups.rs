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
    ///
    /// The hash is 64-bit FNV-1a over the bytes of the canonical path, written out in [`fnv1a_64`], so the name
    /// stays the same across Rust releases and builds. (The standard library's `DefaultHasher`, used before,
    /// makes no such promise.)
    #[must_use]
    pub fn folder_for(&self, file: &Path) -> PathBuf {
        let full = canonical(file);
        self.dir.join(format!(
            "{}-{:016x}",
            stem_of(file),
            fnv1a_64(full.as_os_str().as_encoded_bytes())
        ))
    }

    /// The folder that earlier versions of relmap used for a file, named with `DefaultHasher`. It is found by
    /// hashing the path the same way again: that hasher has not changed in years, though it is not promised to
    /// stay the same, which is why relmap no longer names folders with it.
    fn legacy_folder_for(&self, file: &Path) -> PathBuf {
        let full = canonical(file);
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        full.hash(&mut hasher);
        self.dir
            .join(format!("{}-{:016x}", stem_of(file), hasher.finish()))
    }

    /// The folder of a file's backups, after moving a folder named the old way (see
    /// [`BackupStore::folder_for`]) to its new name, so backups kept by earlier versions stay listed and
    /// counted. When the rename fails, the old folder goes on being used rather than orphaned.
    fn folder_migrated(&self, file: &Path) -> PathBuf {
        let folder = self.folder_for(file);
        if folder.exists() {
            return folder;
        }
        let legacy = self.legacy_folder_for(file);
        if legacy == folder || !legacy.is_dir() {
            return folder;
        }
        match std::fs::rename(&legacy, &folder) {
            Ok(()) => folder,
            Err(_) => legacy,
        }
    }

    /// Copies the current content of `file` into a new timestamped backup and drops the oldest beyond five.
    /// Does nothing when the file does not exist yet. Returns the backup written.
    pub fn keep(&self, file: &Path, now: chrono::NaiveDateTime) -> io::Result<Option<PathBuf>> {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        let folder = self.folder_migrated(file);
        std::fs::create_dir_all(&folder)?;
        let stem = stem_of(file);
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
        let Ok(entries) = std::fs::read_dir(self.folder_migrated(file)) else {
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

/// The file's canonical path, or the path as given when it cannot be resolved (a file not saved yet).
fn canonical(file: &Path) -> PathBuf {
    std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned())
}

/// The file's name without its extension, which starts the name of its backup folder and of each backup.
fn stem_of(file: &Path) -> String {
    file.file_stem()
        .map_or_else(|| "map".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// The 64-bit FNV-1a hash of `bytes` (Fowler, Noll and Vo), with its published offset basis and prime. It is
/// written out here because its output must never change: it names folders on the user's disk.
#[must_use]
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
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

    #[test]
    fn the_folder_hash_is_fnv_1a_with_its_published_test_values() {
        // The reference values from the FNV authors' test suite.
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_folder_name_depends_only_on_the_path_and_never_changes() {
        let store = BackupStore::at(PathBuf::from("/data"));
        // Written down once: a change of hash would orphan every user's backups.
        assert_eq!(
            store.folder_for(Path::new("/nonexistent/maps/plan.ron")),
            PathBuf::from("/data/plan-98f75fccfa4910c0")
        );
    }

    #[test]
    fn backups_in_a_folder_named_the_old_way_are_moved_and_still_listed() {
        let data = tempfile::tempdir().unwrap();
        let maps = tempfile::tempdir().unwrap();
        let store = BackupStore::at(data.path().to_owned());
        let file = maps.path().join("plan.ron");
        write_atomically(&file, b"current").unwrap();
        let legacy = store.legacy_folder_for(&file);
        assert_ne!(legacy, store.folder_for(&file));
        std::fs::create_dir_all(&legacy).unwrap();
        write_atomically(&legacy.join("plan-20261127-100000.ron"), b"older").unwrap();

        let listed = store.list(&file);
        assert_eq!(listed.len(), 1, "the old backup is found");
        assert_eq!(std::fs::read_to_string(&listed[0]).unwrap(), "older");
        assert!(!legacy.exists(), "the old folder was renamed");
        assert!(store.folder_for(&file).is_dir());

        store.keep(&file, at(10, 0, 0)).unwrap();
        let kept = store.list(&file);
        assert_eq!(kept.len(), 2, "the new backup joins the old one");
        assert_eq!(std::fs::read_to_string(&kept[0]).unwrap(), "current");
    }
}
