//! What recent deletes took out, so that undoing one selects the nodes it brings back rather than leaving the
//! parent selected, where the next Delete would remove far more than the user meant.

use std::collections::VecDeque;

use crate::model::NodeId;

/// How many deletes are remembered. Undoing an older delete still restores it; only the selection is not
/// moved to it.
const REMEMBERED: usize = 100;

/// The tops of recent deletes, each under the document version (`Document::version`) right after it. A
/// version names one state of one document, and undo and redo move between the same versions, so undoing from
/// that version is exactly undoing that delete, however often it was redone.
#[derive(Debug, Default)]
pub struct DeletedBranches {
    recent: VecDeque<((u64, u64), Vec<NodeId>)>,
}

impl DeletedBranches {
    /// Remembers that the delete which led to `version` removed the subtrees of `tops`.
    pub fn record(&mut self, version: (u64, u64), tops: Vec<NodeId>) {
        if self.recent.len() == REMEMBERED {
            self.recent.pop_front();
        }
        self.recent.push_back((version, tops));
    }

    /// The tops that undoing from `version` brings back, when the step being undone is a remembered delete.
    #[must_use]
    pub fn restored_by_undo_from(&self, version: (u64, u64)) -> Option<&[NodeId]> {
        self.recent
            .iter()
            .rev()
            .find(|(after, _)| *after == version)
            .map(|(_, tops)| tops.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_version_right_after_a_delete_names_its_nodes_and_old_deletes_are_forgotten() {
        let mut deleted = DeletedBranches::default();
        deleted.record((1, 4), vec![NodeId(7)]);
        assert_eq!(
            deleted.restored_by_undo_from((1, 4)),
            Some(&[NodeId(7)][..])
        );
        assert_eq!(deleted.restored_by_undo_from((2, 4)), None);
        assert_eq!(deleted.restored_by_undo_from((1, 3)), None);
        for revision in 10..10 + REMEMBERED as u64 {
            deleted.record((1, revision), vec![NodeId(revision)]);
        }
        assert_eq!(deleted.restored_by_undo_from((1, 4)), None);
        assert_eq!(
            deleted.restored_by_undo_from((1, 10)),
            Some(&[NodeId(10)][..])
        );
    }
}
