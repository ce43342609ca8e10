//! `Document`: the open workbook with its file path, undo and redo history, and dirty state.

use std::path::{Path, PathBuf};

use crate::layout;
use crate::model::{BRANCH_PALETTE_SIZE, IdSet, LinkId, NodeId, Side, Workbook};

use super::measuring::{Measure, Measuring};
use super::{CommandError, EditCommand, MergeKey};

/// One entry of the undo or redo stack.
#[derive(Debug)]
struct Step {
    /// The command that takes the workbook from one side of the step to the other.
    command: EditCommand,
    /// What the user did, for the menu.
    label: &'static str,
    /// The revision before the user's action.
    before: u64,
    /// The revision after it.
    after: u64,
    /// The text field typed into, while further typing there may still join this step.
    merge: Option<MergeKey>,
}

/// The open workbook. The UI reads it through [`Document::workbook`] and changes it only through
/// [`Document::apply`], so every change is undoable and marks the document dirty.
#[derive(Debug)]
pub struct Document {
    workbook: Workbook,
    path: Option<PathBuf>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Names the current state; every new state gets a new number, so undoing back to the saved state makes
    /// the document clean again.
    revision: u64,
    saved_revision: u64,
    next_revision: u64,
    /// Whether typing may still merge into the last undo step.
    typing_open: bool,
    /// Whether edits are refused, as for a file in an older format that the user chose not to upgrade.
    read_only: bool,
    /// Tells this document from every other one made in this process, so that revisions of two documents are
    /// never mistaken for each other.
    instance: u64,
    /// How nodes are measured for the automatic layout.
    measuring: Measuring,
    /// Changes whenever anything in the workbook changes, the positions the layout derives included, for the
    /// canvas's drawing caches.
    drawn: u64,
    /// The most undo steps kept; older ones are forgotten.
    undo_limit: usize,
}

/// How many undo steps a document keeps unless told otherwise, as Rerun keeps 100.
pub const UNDO_LIMIT: usize = 100;

/// The instance number of the next document.
static NEXT_INSTANCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Document {
    /// A document for a workbook. `path` is where it was loaded from, or `None` for a new, unsaved map.
    #[must_use]
    pub fn new(workbook: Workbook, path: Option<PathBuf>) -> Document {
        let mut document = Document {
            workbook,
            path,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 0,
            saved_revision: 0,
            next_revision: 1,
            typing_open: false,
            read_only: false,
            instance: NEXT_INSTANCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            measuring: Measuring::new(None, 0),
            drawn: 0,
            undo_limit: UNDO_LIMIT,
        };
        // A map whose branches have no colour or side yet gets them now, as part of opening it.
        let _ = document.relayout(None);
        document
    }

    /// Gives the document the canvas's way of measuring nodes, made for the style the UI names `key`, and lays
    /// the map out again with it.
    pub fn set_measure(&mut self, key: u64, measure: Measure) {
        self.measuring = Measuring::new(Some(measure), key);
        let _ = self.relayout(None);
    }

    /// What the current measure was made for, as given to [`Document::set_measure`]; 0 before the UI gave one.
    #[must_use]
    pub fn measure_key(&self) -> u64 {
        self.measuring.key()
    }

    /// Keeps at most `limit` undo steps (at least one), forgetting the oldest ones now and from now on. Each step
    /// holds the inverse of an edit, which for an arrangement of a large map is every node's position.
    pub fn set_undo_limit(&mut self, limit: usize) {
        self.undo_limit = limit.max(1);
        self.forget_old_steps();
    }

    /// Forgets the oldest undo steps beyond the limit.
    fn forget_old_steps(&mut self) {
        let excess = self.undo.len().saturating_sub(self.undo_limit);
        if excess > 0 {
            self.undo.drain(..excess);
        }
    }

    /// Names the workbook as drawn: changes with every edit, undo and redo, and whenever the layout moves a
    /// node, as after a new measure. Within one document, equal numbers mean an equal drawing.
    #[must_use]
    pub fn drawn_version(&self) -> (u64, u64) {
        (self.instance, self.drawn)
    }

    /// Brings everything the map derives from its structure up to date: each first-level branch's colour and
    /// side, chosen once and then kept, and, in an automatic arrangement, every visible node's position from the
    /// layout and the nudges. This is not an edit of its own: it follows from the edit that changed the
    /// structure, and undoing that edit brings the same positions back, so it is never an undo step and never
    /// makes the document dirty. Returns the nodes given a colour or a side, with what they had before.
    ///
    /// `remeasured` lists the nodes whose boxes may have changed since the last layout (see
    /// [`EditCommand::remeasured`]); every other node keeps the size measured before, without its title being
    /// looked at again. `None` looks at every node.
    fn relayout(
        &mut self,
        remeasured: Option<&[NodeId]>,
    ) -> Vec<(NodeId, Option<Side>, Option<u8>)> {
        self.drawn += 1;
        let map = &mut self.workbook.map;
        let root = map.root();
        let mut changed = Vec::new();
        let first_level = map.children(root).to_vec();
        let mut used = [0_usize; BRANCH_PALETTE_SIZE as usize];
        for id in &first_level {
            if let Some(slot) = map.topic(*id).and_then(|t| t.palette) {
                used[usize::from(slot % BRANCH_PALETTE_SIZE)] += 1;
            }
        }
        for id in &first_level {
            let Some(topic) = map.topic_mut(*id) else {
                continue;
            };
            if topic.palette.is_none() {
                changed.push((topic.id, topic.side, topic.palette));
                // The first colour not in use yet, or the least used one once every colour is taken.
                let (slot, _) = used
                    .iter()
                    .enumerate()
                    .min_by_key(|&(slot, count)| (*count, slot))
                    .unwrap_or((0, &0));
                used[slot] += 1;
                topic.palette = Some(slot as u8);
            }
        }
        let arrangement = self.workbook.arrangement;
        if !arrangement.is_automatic() {
            return changed;
        }
        let measuring = &self.measuring;
        let map = &self.workbook.map;
        measuring.forget_removed(map);
        let remeasured: Option<IdSet<NodeId>> = remeasured.map(|ids| ids.iter().copied().collect());
        let size_of = |id: NodeId| {
            map.topic(id).map_or_else(Default::default, |topic| {
                let unchanged = remeasured.as_ref().is_some_and(|ids| !ids.contains(&id));
                measuring.size_of(topic, id == root, unchanged)
            })
        };
        let arranged = layout::arrange(map, arrangement, &size_of);
        let map = &mut self.workbook.map;
        for (id, side) in arranged.new_sides {
            if let Some(topic) = map.topic_mut(id) {
                if !changed.iter().any(|&(changed, ..)| changed == id) {
                    changed.push((id, topic.side, topic.palette));
                }
                topic.side = Some(side);
            }
        }
        for (id, pos) in arranged.positions {
            if let Some(topic) = map.topic_mut(id) {
                topic.pos = pos;
            }
        }
        changed
    }

    /// Lays the map out after `command` was applied, and returns the command with what undoes the layout's
    /// choices added: a colour or side given to a new first-level branch is taken back with it, so that undo
    /// returns exactly the workbook from before.
    fn relayout_after(&mut self, command: EditCommand, mut remeasured: Vec<NodeId>) -> EditCommand {
        if !command.affects_layout() {
            self.drawn += 1;
            return command;
        }
        command.remeasured(&mut remeasured);
        let changed = self.relayout(Some(&remeasured));
        if changed.is_empty() {
            command
        } else {
            // The looks are put back first: the command may remove the node that got them.
            EditCommand::Batch(vec![EditCommand::SetBranchLooks(changed), command])
        }
    }

    /// Refuses or allows edits. Saving the document ends read-only mode: the file then holds what is shown.
    pub fn set_read_only(&mut self, read_only: bool) {
        self.read_only = read_only;
    }

    /// Whether edits are refused.
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The workbook, to read.
    #[must_use]
    pub fn workbook(&self) -> &Workbook {
        &self.workbook
    }

    /// The workbook, laid out as the document keeps it, for tools that only read it (exports).
    #[must_use]
    pub fn into_workbook(self) -> Workbook {
        self.workbook
    }

    /// The file the document is saved to; `None` until it is first saved.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The name shown in the window title: the file name, or "Untitled".
    #[must_use]
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    /// Whether there are changes that are not in the file.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// A number that changes whenever the workbook does, for caches that depend on it.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Names the workbook's current state among every state of every document in this process: equal versions
    /// mean equal workbooks, for caches that outlive one document.
    #[must_use]
    pub fn version(&self) -> (u64, u64) {
        (self.instance, self.revision)
    }

    /// Records that the workbook as it is now was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = self.revision;
        self.typing_open = false;
        self.read_only = false;
    }

    /// Marks the document as having changes that are not in its file, as when the file changed on disk and the
    /// user kept the map as it is in relmap.
    pub fn mark_unsaved(&mut self) {
        // No state ever gets this revision, so the document stays dirty until it is saved.
        self.saved_revision = u64::MAX;
    }

    /// A fresh node id for a command that adds a node.
    pub fn allocate_node_id(&mut self) -> NodeId {
        self.workbook.map.allocate_node_id()
    }

    /// A fresh link id for a command that adds a cross-link.
    pub fn allocate_link_id(&mut self) -> LinkId {
        self.workbook.map.allocate_link_id()
    }

    /// Applies a command as one undo step.
    pub fn apply(&mut self, command: EditCommand) -> Result<(), CommandError> {
        self.typing_open = false;
        self.push(command, None)
    }

    /// Applies a command that types into a text field. Consecutive typing into the same field merges into one
    /// undo step, until [`Document::end_typing`] is called or anything else happens.
    pub fn apply_typing(&mut self, command: EditCommand) -> Result<(), CommandError> {
        if self.read_only {
            return Err(CommandError::ReadOnly);
        }
        let key = command.merge_key();
        let mergeable = self.typing_open
            && key.is_some()
            && self.redo.is_empty()
            && self.undo.last().is_some_and(|step| step.merge == key);
        if !mergeable {
            self.push(command, key)?;
            self.typing_open = key.is_some();
            return Ok(());
        }
        // The earlier step's inverse already restores the text from before the typing began.
        let affects_layout = command.affects_layout();
        let mut remeasured = Vec::new();
        command.remeasured(&mut remeasured);
        command.apply(&mut self.workbook)?;
        let changed = if affects_layout {
            self.relayout(Some(&remeasured))
        } else {
            self.drawn += 1;
            Vec::new()
        };
        self.check();
        let revision = self.bump();
        if let Some(step) = self.undo.last_mut() {
            step.after = revision;
            if !changed.is_empty() {
                let command = std::mem::replace(&mut step.command, EditCommand::Batch(Vec::new()));
                step.command =
                    EditCommand::Batch(vec![EditCommand::SetBranchLooks(changed), command]);
            }
        }
        Ok(())
    }

    /// Gives a node that the last undo step added its first title, as part of that same step: adding a node
    /// and typing its title is one action for the user, so one undo removes both. When the last step did not
    /// add this node, the rename is a step of its own.
    pub fn name_new_node(&mut self, id: NodeId, title: String) -> Result<(), CommandError> {
        if self.read_only {
            return Err(CommandError::ReadOnly);
        }
        let command = EditCommand::Rename { id, title };
        if !self.last_step_added(id) {
            return self.apply(command);
        }
        // Removing the node, which the step's inverse does, removes its title with it.
        let affects_layout = command.affects_layout();
        let mut remeasured = Vec::new();
        command.remeasured(&mut remeasured);
        command.apply(&mut self.workbook)?;
        let changed = if affects_layout {
            self.relayout(Some(&remeasured))
        } else {
            self.drawn += 1;
            Vec::new()
        };
        self.check();
        let revision = self.bump();
        if let Some(step) = self.undo.last_mut() {
            step.after = revision;
            if !changed.is_empty() {
                let command = std::mem::replace(&mut step.command, EditCommand::Batch(Vec::new()));
                step.command =
                    EditCommand::Batch(vec![EditCommand::SetBranchLooks(changed), command]);
            }
        }
        Ok(())
    }

    /// Whether the last undo step added this node (alone, as a new parent, or within a batch), with nothing
    /// undone since.
    #[must_use]
    pub fn last_step_added(&self, id: NodeId) -> bool {
        let adds = |command: &EditCommand| {
            matches!(command, EditCommand::RemoveSubtree { id: added } | EditCommand::Dissolve { id: added }
                if *added == id)
        };
        self.redo.is_empty()
            && self.undo.last().is_some_and(|step| match &step.command {
                EditCommand::Batch(commands) => commands.iter().any(adds),
                command => adds(command),
            })
    }

    /// Ends merging of typing: the next keystroke starts a new undo step.
    pub fn end_typing(&mut self) {
        self.typing_open = false;
    }

    fn push(&mut self, command: EditCommand, merge: Option<MergeKey>) -> Result<(), CommandError> {
        if self.read_only {
            return Err(CommandError::ReadOnly);
        }
        let label = command.label();
        let mut remeasured = Vec::new();
        command.remeasured(&mut remeasured);
        let inverse = command.apply(&mut self.workbook)?;
        let inverse = self.relayout_after(inverse, remeasured);
        self.check();
        let before = self.revision;
        let after = self.bump();
        self.undo.push(Step {
            command: inverse,
            label,
            before,
            after,
            merge,
        });
        self.forget_old_steps();
        self.redo.clear();
        Ok(())
    }

    fn bump(&mut self) -> u64 {
        self.revision = self.next_revision;
        self.next_revision += 1;
        self.revision
    }

    /// In debug builds, every edit is checked against the map's invariants.
    fn check(&self) {
        #[cfg(debug_assertions)]
        if let Err(problems) = self.workbook.map.validate() {
            // A broken invariant here is a bug in a command, never a user's doing.
            #[allow(clippy::panic)]
            {
                panic!("an edit broke the map: {problems:?}");
            }
        }
    }

    /// Whether there is something to undo.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would undo, for the menu.
    #[must_use]
    pub fn undo_label(&self) -> Option<&'static str> {
        self.undo.last().map(|step| step.label)
    }

    /// What redo would redo, for the menu.
    #[must_use]
    pub fn redo_label(&self) -> Option<&'static str> {
        self.redo.last().map(|step| step.label)
    }

    /// Undoes the last step. Returns false when there was nothing to undo.
    pub fn undo(&mut self) -> Result<bool, CommandError> {
        self.typing_open = false;
        let Some(step) = self.undo.pop() else {
            return Ok(false);
        };
        let Step {
            command,
            label,
            before,
            after,
            ..
        } = step;
        // The command is kept until it has worked, so a failed undo loses nothing from the history.
        let mut remeasured = Vec::new();
        command.remeasured(&mut remeasured);
        match command.clone().apply(&mut self.workbook) {
            Ok(redo) => {
                let redo = self.relayout_after(redo, remeasured);
                self.check();
                self.revision = before;
                self.redo.push(Step {
                    command: redo,
                    label,
                    before,
                    after,
                    merge: None,
                });
                Ok(true)
            }
            Err(error) => {
                self.undo.push(Step {
                    command,
                    label,
                    before,
                    after,
                    merge: None,
                });
                Err(error)
            }
        }
    }

    /// Redoes the last undone step. Returns false when there was nothing to redo.
    pub fn redo(&mut self) -> Result<bool, CommandError> {
        self.typing_open = false;
        let Some(step) = self.redo.pop() else {
            return Ok(false);
        };
        let Step {
            command,
            label,
            before,
            after,
            ..
        } = step;
        let mut remeasured = Vec::new();
        command.remeasured(&mut remeasured);
        match command.clone().apply(&mut self.workbook) {
            Ok(undo) => {
                let undo = self.relayout_after(undo, remeasured);
                self.check();
                self.revision = after;
                self.undo.push(Step {
                    command: undo,
                    label,
                    before,
                    after,
                    merge: None,
                });
                self.forget_old_steps();
                Ok(true)
            }
            Err(error) => {
                self.redo.push(Step {
                    command,
                    label,
                    before,
                    after,
                    merge: None,
                });
                Err(error)
            }
        }
    }

    /// How many steps can be undone.
    #[must_use]
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
#[path = "doc_tests.rs"]
mod tests;
