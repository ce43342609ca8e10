//! What a file looked like when relmap last read or wrote it, to notice when another program (a synced folder,
//! a second relmap window) changes it.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::SystemTime;

/// A file's modification time, size and content hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    modified: Option<SystemTime>,
    len: u64,
    hash: u64,
}

impl DiskStamp {
    /// Reads the stamp of a file; `None` when it cannot be read.
    #[must_use]
    pub fn of(path: &Path) -> Option<DiskStamp> {
        let meta = std::fs::metadata(path).ok()?;
        let bytes = std::fs::read(path).ok()?;
        Some(DiskStamp {
            modified: meta.modified().ok(),
            len: meta.len(),
            hash: hash(&bytes),
        })
    }

    /// Whether the file now holds different content than when this stamp was taken. The cheap modification
    /// time and size are compared first; the content is read only when they differ, so touching a file without
    /// changing it is not a change.
    #[must_use]
    pub fn changed(&self, path: &Path) -> bool {
        let Ok(meta) = std::fs::metadata(path) else {
            return true;
        };
        if meta.modified().ok() == self.modified && meta.len() == self.len {
            return false;
        }
        match std::fs::read(path) {
            Ok(bytes) => hash(&bytes) != self.hash,
            Err(_) => true,
        }
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_content_is_noticed_and_a_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        super::super::write_atomically(&path, b"one").unwrap();
        let stamp = DiskStamp::of(&path).unwrap();
        assert!(!stamp.changed(&path));
        // Same content rewritten: a newer time, but nothing changed.
        std::thread::sleep(std::time::Duration::from_millis(20));
        super::super::write_atomically(&path, b"one").unwrap();
        assert!(!stamp.changed(&path));
        super::super::write_atomically(&path, b"two").unwrap();
        assert!(stamp.changed(&path));
        std::fs::remove_file(&path).unwrap();
        assert!(stamp.changed(&path), "a removed file has changed too");
    }
}
