//! The file lifecycle of the window as one state machine, as Heimer's `StateMachine` does it: what the window
//! is doing with files (asking about unsaved changes, waiting for a file dialog, asking whether to overwrite,
//! saving, answering a change made elsewhere, offering a recovery copy) is one [`FileFlow`] value, and every
//! variant carries the action the user was on their way to. [`next`] moves it on; it does no I/O and
//! touches no egui state, so it is tested on its own. The app carries out the [`Effect`]s it returns.

use std::path::PathBuf;

use super::PendingAction;
use crate::interchange::ExportFormat;
use crate::storage::Orphan;
use crate::ui::dialogs::{PathPrompt, PromptAnswer, SaveChoice};
use crate::ui::file_dialog::PickKind;

/// What the window is doing with files.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) enum FileFlow {
    /// Nothing: the map is there to be edited.
    #[default]
    Idle,
    /// "Save changes to …?" is asked before `then`, which would drop unsaved changes.
    AskingToSave {
        /// What the user was doing.
        then: PendingAction,
    },
    /// A file dialog is open.
    Picking {
        /// What it chooses a file for.
        kind: PickKind,
        /// What to carry on with once the map is saved (only for a Save As).
        then: Option<PendingAction>,
    },
    /// The user types a path, where no file dialog could be shown or they asked to.
    TypingPath {
        /// The dialog, with what was typed so far.
        prompt: PathPrompt,
        /// What to carry on with once the map is saved (only when saving).
        then: Option<PendingAction>,
    },
    /// Saving over a file another program changed: overwrite those changes?
    ConfirmingOverwrite {
        /// The file.
        path: PathBuf,
        /// What to carry on with once the map is saved.
        then: Option<PendingAction>,
    },
    /// The map is being written to `path` (for the length of one call).
    Saving {
        /// The file.
        path: PathBuf,
        /// What to carry on with once it is saved.
        then: Option<PendingAction>,
    },
    /// A save failed. The notice on screen offers to type another path; taking it carries on with `then`,
    /// dismissing it or doing anything else forgets `then`.
    SaveFailed {
        /// The path that failed, offered again for typing.
        path: PathBuf,
        /// What was waiting for the save.
        then: Option<PendingAction>,
    },
    /// No file dialog could be shown. The notice on screen offers to type a path instead; taking it carries on
    /// with `then`, dismissing it or doing anything else forgets `then`.
    NoDialog {
        /// What the dialog was for.
        kind: PickKind,
        /// What was waiting for the save.
        then: Option<PendingAction>,
    },
    /// Another program changed the open file: reload it, or keep the map as it is here?
    DiskChanged,
    /// The open file is in this older format version: upgrade it, save an upgraded copy, or keep it read-only?
    OlderFormat(u32),
    /// Recovery copies a crash left behind are offered, the first one first.
    OfferingRecovery {
        /// The copies still to offer; never empty.
        orphans: Vec<Orphan>,
        /// The older-format question to ask afterwards, when the map opened with the window needs it.
        then_older: Option<u32>,
    },
}

/// What happened, from the user or the world.
#[derive(Debug, PartialEq)]
pub(super) enum Event {
    /// The user asked for something that would drop unsaved changes.
    Guard(PendingAction),
    /// The unsaved-changes question was answered.
    Unsaved(PromptAnswer<SaveChoice>),
    /// Save (`as_new` false) or Save As (`as_new` true).
    Save {
        /// Ask for a new file even when the map has one.
        as_new: bool,
    },
    /// Choose where to export the map to.
    Export(ExportFormat),
    /// Type a path for `kind`, starting from `text`: File → … path, or the offer of a notice.
    TypePath {
        /// What the path is for.
        kind: PickKind,
        /// What the field starts with.
        text: String,
    },
    /// The file dialog answered. `path` is `None` for a cancel; `no_dialog` says none could be shown.
    Picked {
        /// The chosen file.
        path: Option<PathBuf>,
        /// Whether no dialog appeared at all.
        no_dialog: bool,
    },
    /// The path dialog was answered.
    Typed(PromptAnswer<PathBuf>),
    /// How a save ended.
    Saved(SaveOutcome),
    /// The overwrite question was answered.
    Overwrite(bool),
    /// The notice that offered to type a path was dismissed.
    OfferDismissed,
    /// The open file changed on disk.
    ChangedOnDisk,
    /// The reload question was answered: reload (true) or keep the map as it is here.
    Reload(bool),
    /// A file in an older format was opened, or the user asks to upgrade it.
    OlderFormatOpened(u32),
    /// The older-format question was answered.
    Upgrade(UpgradeChoice),
    /// Recovery copies were found.
    RecoveryFound(Vec<Orphan>),
    /// The first recovery copy was restored (true) or discarded (false).
    RecoveryAnswered(bool),
}

/// How a save ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SaveOutcome {
    /// The map is in the file.
    Saved,
    /// Writing failed; a notice says why.
    Failed,
    /// Another program changed the file since relmap read or wrote it; nothing was written.
    ChangedElsewhere,
}

/// The answers to the older-format question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UpgradeChoice {
    /// Save the file in the new format in place.
    InPlace,
    /// Save an upgraded copy under another name.
    Copy,
    /// Keep it read-only.
    ReadOnly,
}

/// What the app must do for a transition.
#[derive(Debug, PartialEq)]
pub(super) enum Effect {
    /// Carry out an action that involves no further question: a new map, the example, a file, quitting.
    Perform(PendingAction),
    /// Show a file dialog.
    StartPick(PickKind),
    /// Write the map to `path`; unless `check_disk` is false, first make sure nobody else changed it. The
    /// outcome comes back as [`Event::Saved`].
    Save {
        /// The file.
        path: PathBuf,
        /// Whether to refuse to overwrite changes made elsewhere.
        check_disk: bool,
    },
    /// Open (or import) this file.
    Open(PathBuf),
    /// Export the map.
    Export(ExportFormat, PathBuf),
    /// Say that no file dialog could be shown, offering to type a path for `kind`.
    NoDialogNotice(PickKind),
    /// Read the open file again from disk.
    Reload,
    /// Keep the map as it is here, marked as not matching its file.
    KeepMine,
    /// Restore this recovery copy.
    Restore(Orphan),
    /// Delete this recovery copy.
    Discard(Orphan),
}

/// What the transition needs to know about the open document.
#[derive(Clone, Debug, Default)]
pub(super) struct Facts {
    /// Whether it has unsaved changes.
    pub dirty: bool,
    /// Its file, if it has one.
    pub path: Option<PathBuf>,
    /// Whether it is open read-only (an older format kept as it is).
    pub read_only: bool,
}

impl FileFlow {
    /// Whether the flow waits for nothing, so that a new request may start: idle, or showing a notice whose
    /// offer lapses when the user does something else.
    #[must_use]
    pub(super) fn is_settled(&self) -> bool {
        matches!(
            self,
            FileFlow::Idle | FileFlow::SaveFailed { .. } | FileFlow::NoDialog { .. }
        )
    }

    /// Whether a modal question or dialog is up, so that map keys must not act.
    #[must_use]
    pub(super) fn is_modal(&self) -> bool {
        !matches!(
            self,
            FileFlow::Idle
                | FileFlow::SaveFailed { .. }
                | FileFlow::NoDialog { .. }
                | FileFlow::Picking { .. }
                | FileFlow::Saving { .. }
        )
    }

    /// The path of a save that just failed, offered again when the user types another.
    #[must_use]
    pub(super) fn failed_path(&self) -> Option<&std::path::Path> {
        match self {
            FileFlow::SaveFailed { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Moves the flow on from `state` by `event`, and says what the app must do. An event that does not fit the
/// state (an answer to a question that is not asked, a request while a dialog is open) changes nothing.
#[must_use]
pub(super) fn next(state: FileFlow, event: Event, facts: &Facts) -> (FileFlow, Vec<Effect>) {
    use FileFlow as F;
    let settled = state.is_settled();
    match (state, event) {
        (_, Event::Guard(action)) if settled => {
            if facts.dirty {
                (F::AskingToSave { then: action }, vec![])
            } else {
                begin(action)
            }
        }
        (F::AskingToSave { then }, Event::Unsaved(answer)) => match answer {
            PromptAnswer::Open => (F::AskingToSave { then }, vec![]),
            PromptAnswer::Cancel => (F::Idle, vec![]),
            PromptAnswer::Chosen(SaveChoice::Discard) => begin(then),
            PromptAnswer::Chosen(SaveChoice::Save) => save(facts, false, Some(then)),
        },
        (_, Event::Save { as_new }) if settled => save(facts, as_new, None),
        (_, Event::Export(format)) if settled => pick(PickKind::Export(format), None),
        (state, Event::TypePath { kind, text }) if settled => {
            // Only the offer of the notice on screen carries on with what was waiting; File → … path starts
            // afresh.
            let then = match state {
                F::SaveFailed { then, .. } if kind == PickKind::SaveAs => then,
                F::NoDialog {
                    kind: waiting,
                    then,
                } if waiting == kind => then,
                _ => None,
            };
            (
                F::TypingPath {
                    prompt: PathPrompt::new(kind, text),
                    then,
                },
                vec![],
            )
        }
        (F::Picking { kind, then }, Event::Picked { path, no_dialog }) => match path {
            Some(path) => chosen(kind, path, then),
            None if no_dialog => (
                F::NoDialog { kind, then },
                vec![Effect::NoDialogNotice(kind)],
            ),
            // The user cancelled the dialog, and with it whatever was waiting for the save.
            None => (F::Idle, vec![]),
        },
        (F::TypingPath { prompt, then }, Event::Typed(answer)) => match answer {
            PromptAnswer::Open => (F::TypingPath { prompt, then }, vec![]),
            PromptAnswer::Cancel => (F::Idle, vec![]),
            PromptAnswer::Chosen(path) => chosen(prompt.kind, path, then),
        },
        (F::Saving { path, then }, Event::Saved(outcome)) => match outcome {
            SaveOutcome::Saved => match then {
                Some(action) => begin(action),
                None => (F::Idle, vec![]),
            },
            SaveOutcome::Failed => (F::SaveFailed { path, then }, vec![]),
            SaveOutcome::ChangedElsewhere => (F::ConfirmingOverwrite { path, then }, vec![]),
        },
        (F::ConfirmingOverwrite { path, then }, Event::Overwrite(yes)) => {
            if yes {
                let save = Effect::Save {
                    path: path.clone(),
                    check_disk: false,
                };
                (F::Saving { path, then }, vec![save])
            } else {
                (F::Idle, vec![])
            }
        }
        (F::SaveFailed { .. } | F::NoDialog { .. }, Event::OfferDismissed) => (F::Idle, vec![]),
        (_, Event::ChangedOnDisk) if settled => (F::DiskChanged, vec![]),
        (F::DiskChanged, Event::Reload(yes)) => (
            F::Idle,
            vec![if yes {
                Effect::Reload
            } else {
                Effect::KeepMine
            }],
        ),
        // Opening a file may happen while a notice is up or right after a dialog, so the question replaces them.
        (state, Event::OlderFormatOpened(version)) => match state {
            F::OfferingRecovery { orphans, .. } => (
                F::OfferingRecovery {
                    orphans,
                    then_older: Some(version),
                },
                vec![],
            ),
            _ => (F::OlderFormat(version), vec![]),
        },
        (F::OlderFormat(version), Event::Upgrade(choice)) => match (choice, facts.path.clone()) {
            (UpgradeChoice::InPlace, Some(path)) => {
                let save = Effect::Save {
                    path: path.clone(),
                    check_disk: false,
                };
                (F::Saving { path, then: None }, vec![save])
            }
            (UpgradeChoice::InPlace, None) => (F::OlderFormat(version), vec![]),
            (UpgradeChoice::Copy, _) => pick(PickKind::SaveAs, None),
            (UpgradeChoice::ReadOnly, _) => (F::Idle, vec![]),
        },
        (state, Event::RecoveryFound(orphans)) if !orphans.is_empty() => {
            let then_older = match state {
                F::OlderFormat(version) => Some(version),
                _ => None,
            };
            (
                F::OfferingRecovery {
                    orphans,
                    then_older,
                },
                vec![],
            )
        }
        (
            F::OfferingRecovery {
                mut orphans,
                then_older,
            },
            Event::RecoveryAnswered(restore),
        ) => {
            let orphan = orphans.remove(0);
            if restore {
                // The restored map replaces the one the older-format question was about.
                return (F::Idle, vec![Effect::Restore(orphan)]);
            }
            let state = if !orphans.is_empty() {
                F::OfferingRecovery {
                    orphans,
                    then_older,
                }
            } else if let Some(version) = then_older {
                F::OlderFormat(version)
            } else {
                F::Idle
            };
            (state, vec![Effect::Discard(orphan)])
        }
        (state, _) => (state, vec![]),
    }
}

/// Starts an action once no unsaved changes stand in its way.
fn begin(action: PendingAction) -> (FileFlow, Vec<Effect>) {
    match action {
        PendingAction::Open => pick(PickKind::Open, None),
        PendingAction::Import => pick(PickKind::Import, None),
        PendingAction::OpenPath => (
            FileFlow::TypingPath {
                prompt: PathPrompt::new(PickKind::Open, String::new()),
                then: None,
            },
            vec![],
        ),
        action @ (PendingAction::New(_)
        | PendingAction::OpenExample
        | PendingAction::OpenFile(_)
        | PendingAction::Quit) => (FileFlow::Idle, vec![Effect::Perform(action)]),
    }
}

/// Opens a file dialog for `kind`.
fn pick(kind: PickKind, then: Option<PendingAction>) -> (FileFlow, Vec<Effect>) {
    (
        FileFlow::Picking { kind, then },
        vec![Effect::StartPick(kind)],
    )
}

/// Saves to the map's own file, or asks for one when it has none, is read-only, or `as_new` asks for another.
fn save(facts: &Facts, as_new: bool, then: Option<PendingAction>) -> (FileFlow, Vec<Effect>) {
    match &facts.path {
        Some(path) if !as_new && !facts.read_only => {
            let save = Effect::Save {
                path: path.clone(),
                check_disk: true,
            };
            (
                FileFlow::Saving {
                    path: path.clone(),
                    then,
                },
                vec![save],
            )
        }
        _ => pick(PickKind::SaveAs, then),
    }
}

/// Acts on a path chosen in a dialog or typed.
fn chosen(kind: PickKind, path: PathBuf, then: Option<PendingAction>) -> (FileFlow, Vec<Effect>) {
    match kind {
        PickKind::Open | PickKind::Import => (FileFlow::Idle, vec![Effect::Open(path)]),
        PickKind::Export(format) => (FileFlow::Idle, vec![Effect::Export(format, path)]),
        PickKind::SaveAs => {
            let path = if path.extension().is_none() {
                path.with_extension("ron")
            } else {
                path
            };
            let save = Effect::Save {
                path: path.clone(),
                check_disk: true,
            };
            (FileFlow::Saving { path, then }, vec![save])
        }
    }
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
