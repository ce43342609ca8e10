//! Files: new, open, save, save as, the file dialogs, typed paths and the unsaved-changes question.

use std::path::{Path, PathBuf};

use super::flow::{self, Effect, Event, Facts, FileFlow, SaveOutcome};
use super::{NO_DIALOG_THRESHOLD, PendingAction, RelmapApp};
use crate::document::Document;
use crate::model::Workbook;
use crate::storage;
use crate::storage::Template;
use crate::ui::dialogs::{PromptAnswer, confirm_unsaved};
use crate::ui::file_dialog::{PickAnswer, PickKind, PickRequest};
use crate::ui::notices::Notice;
use egui::ViewportCommand;

/// How many recent files the File menu keeps.
const MAX_RECENT: usize = 10;

impl RelmapApp {
    /// Moves the file flow on by `event` and carries out what the transition asks for.
    pub(super) fn step(&mut self, event: Event) {
        let facts = Facts {
            dirty: self.doc.is_dirty(),
            path: self.doc.path().map(ToOwned::to_owned),
            read_only: self.doc.is_read_only(),
        };
        let (next, effects) = flow::next(std::mem::take(&mut self.flow), event, &facts);
        self.flow = next;
        for effect in effects {
            self.carry_out(effect);
        }
    }

    /// Does what a transition of the file flow asks for. A save reports how it ended back to the flow.
    fn carry_out(&mut self, effect: Effect) {
        match effect {
            Effect::Perform(action) => self.perform(action),
            Effect::StartPick(kind) => self.start_pick(kind),
            Effect::Save { path, check_disk } => {
                let outcome = if check_disk && self.changed_elsewhere(&path) {
                    SaveOutcome::ChangedElsewhere
                } else if self.write_file(path) {
                    SaveOutcome::Saved
                } else {
                    SaveOutcome::Failed
                };
                self.step(Event::Saved(outcome));
            }
            Effect::Open(path) => self.open_path(path),
            Effect::Export(format, path) => self.export_to(format, path),
            Effect::NoDialogNotice(kind) => self.notices.push(Notice {
                level: crate::ui::notices::Level::Info,
                text: "No file dialog could be shown on this desktop (it needs a desktop portal or zenity). \
                       You can type the file's path instead."
                    .to_owned(),
                offer_path: Some(kind),
                undo_at: None,
            }),
            Effect::Reload => {
                if let Some(path) = self.doc.path().map(ToOwned::to_owned) {
                    self.open_path(path);
                }
            }
            Effect::KeepMine => self.doc.mark_unsaved(),
            Effect::Restore(orphan) => self.restore(&orphan),
            Effect::Discard(orphan) => storage::RecoveryStore::discard(&orphan),
        }
    }

    /// Shows the path dialog or the unsaved-changes question when the flow is at one, and passes the answer on.
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        let event = match &mut self.flow {
            FileFlow::TypingPath { prompt, .. } => Event::Typed(prompt.show(ctx)),
            FileFlow::AskingToSave { .. } => {
                Event::Unsaved(confirm_unsaved(ctx, &self.doc.display_name()))
            }
            _ => return,
        };
        if !matches!(
            event,
            Event::Typed(PromptAnswer::Open) | Event::Unsaved(PromptAnswer::Open)
        ) {
            self.step(event);
        }
    }

    /// Asks about unsaved changes before an action that would drop them.
    pub(super) fn guard(&mut self, action: PendingAction) {
        self.step(Event::Guard(action));
    }

    /// Carries out an action that needs no further question.
    fn perform(&mut self, action: PendingAction) {
        match action {
            PendingAction::New(template) => self.start_from(template),
            PendingAction::OpenExample => self.open_example(),
            PendingAction::OpenFile(path) => self.open_path(path),
            PendingAction::Quit => {
                self.allow_close = true;
                self.close_pending = true;
            }
            // The flow turns these into a file dialog or a path to type; they never get here.
            PendingAction::Open | PendingAction::OpenPath | PendingAction::Import => {}
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        // What is still being typed counts as a change: the window asks about it rather than losing it.
        self.commit_edits_in_flight(ctx);
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.guard(PendingAction::Quit);
        }
    }

    /// Starts a new, unsaved map from a template.
    pub(super) fn start_from(&mut self, template: Template) {
        let workbook = match template.workbook() {
            Ok(workbook) => workbook,
            Err(error) => {
                self.notices.error(format!(
                    "The template could not be read ({error}); starting an empty map."
                ));
                Workbook::default()
            }
        };
        self.replace_document(Document::new(workbook, None));
    }

    /// Opens the filled-in example as a new, unsaved map, so that saving never writes over the shipped copy.
    pub(super) fn open_example(&mut self) {
        match storage::example() {
            Ok(workbook) => self.replace_document(Document::new(workbook, None)),
            Err(error) => self
                .notices
                .error(format!("The example map could not be read: {error}")),
        }
    }

    pub(super) fn replace_document(&mut self, doc: Document) {
        self.selection.set(doc.workbook().map.root());
        self.imported_from = None;
        self.canvas.title_edit = None;
        self.canvas.request_focus();
        self.doc = doc;
        self.canvas.request_opening_view();
    }

    /// Opens a file. On failure the message names the file and the place, and the open map stays open. A file
    /// in an older format opens read-only, and the user is asked whether to upgrade it, save an upgraded copy
    /// or keep it read-only.
    pub fn open_path(&mut self, path: PathBuf) {
        if crate::interchange::is_importable(&path) {
            self.import_path(path);
            return;
        }
        match storage::open(&path) {
            Ok(loaded) => {
                self.remember_recent(&path);
                let mut doc = Document::new(loaded.workbook, Some(path));
                self.older_format =
                    (loaded.version < storage::CURRENT_VERSION).then_some(loaded.version);
                doc.set_read_only(self.older_format.is_some());
                self.replace_document(doc);
                self.stamp_file();
                self.disk_asked = false;
                if let Some(version) = self.older_format {
                    self.step(Event::OlderFormatOpened(version));
                }
            }
            Err(error) => self
                .notices
                .error(format!("Could not open the map. {error}")),
        }
    }

    /// Writes the map to `path` without asking about changes made elsewhere, keeping backups. Returns whether
    /// it worked; a failure is reported with an offer to type another path.
    fn write_file(&mut self, path: PathBuf) -> bool {
        if let Some(store) = &self.backups
            && let Err(error) = store.keep(&path, chrono::Local::now().naive_local())
        {
            // The save goes on: the previous version is still kept as the .bak beside the file.
            self.notices.info(format!(
                "No timestamped backup could be kept ({error}); saving anyway."
            ));
        }
        // Only upgrading in place writes a read-only map to its own file.
        let upgrading = self.doc.is_read_only();
        match storage::save(&path, self.doc.workbook()) {
            Ok(()) => {
                self.remember_recent(&path);
                self.doc.mark_saved(path.clone());
                self.stamp_file();
                self.disk_asked = false;
                if upgrading {
                    self.notices.info(format!(
                        "{} is now in the new format. The old file is kept as {}.",
                        self.doc.display_name(),
                        storage::backup_path(&path).display()
                    ));
                }
                true
            }
            Err(error) => {
                // The map stays open and unsaved; the notice offers to save it elsewhere, starting from the
                // path that failed so a mistyped folder is quickly put right.
                self.notices.push(Notice {
                    level: crate::ui::notices::Level::Error,
                    text: format!("Could not save. {error}"),
                    offer_path: Some(PickKind::SaveAs),
                    undo_at: None,
                });
                false
            }
        }
    }

    fn start_pick(&mut self, kind: PickKind) {
        let directory = self.default_folder();
        let file_name = match (kind, self.doc.path().and_then(|p| p.file_name())) {
            (PickKind::Export(format), _) => self.export_name(format),
            (_, Some(name)) => name.to_string_lossy().into_owned(),
            (_, None) => format!("{}.ron", self.name_stem()),
        };
        self.picker.start(PickRequest {
            kind,
            directory,
            file_name,
        });
    }

    pub(super) fn poll_picker(&mut self) {
        let Some(PickAnswer {
            kind,
            path,
            open_for,
        }) = self.picker.poll()
        else {
            return;
        };
        // An answer for a dialog the flow no longer waits for is old news.
        if matches!(self.flow, FileFlow::Picking { kind: waiting, .. } if waiting == kind) {
            self.step(Event::Picked {
                path,
                no_dialog: open_for < NO_DIALOG_THRESHOLD,
            });
        }
    }

    /// Opens the dialog to type a path for `kind`, starting from the path of a save that just failed, the
    /// map's own file, or a name in the usual folder.
    pub(super) fn prompt_for_path(&mut self, kind: PickKind) {
        let text = match (kind, self.flow.failed_path().or(self.doc.path())) {
            (PickKind::SaveAs, Some(path)) => path.display().to_string(),
            (PickKind::SaveAs, None) => self.default_folder().map_or_else(String::new, |d| {
                d.join(format!("{}.ron", self.name_stem()))
                    .display()
                    .to_string()
            }),
            (PickKind::Export(format), _) => self.default_folder().map_or_else(String::new, |d| {
                d.join(self.export_name(format)).display().to_string()
            }),
            (PickKind::Open | PickKind::Import, _) => String::new(),
        };
        self.step(Event::TypePath { kind, text });
    }

    /// The folder a file dialog or a typed path starts in: the open map's, else the imported file's, else the
    /// user's Documents folder or home. Not the working directory, which for a program started from a menu or
    /// a terminal is rarely where anyone keeps their maps.
    pub(super) fn default_folder(&self) -> Option<PathBuf> {
        let beside = self.doc.path().or(self.imported_from.as_deref());
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        start_folder(beside, home).or_else(|| std::env::current_dir().ok())
    }

    /// Puts a file at the top of the recent files, keeping ten.
    pub(super) fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.prefs.recent.retain(|p| *p != path);
        self.prefs.recent.insert(0, path);
        self.prefs.recent.truncate(MAX_RECENT);
    }

    /// The File → Open recent menu. A file that is gone is shown as missing, never opened as an empty map, and
    /// can be taken off the list.
    pub(super) fn recent_menu(&mut self, ui: &mut egui::Ui) {
        if self.prefs.recent.is_empty() {
            ui.weak("No recent files yet");
            return;
        }
        let mut open = None;
        let mut remove = None;
        for (index, path) in self.prefs.recent.iter().enumerate() {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let folder = path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            if path.exists() {
                if ui
                    .button(&name)
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    open = Some(path.clone());
                    ui.close();
                }
            } else {
                ui.horizontal(|ui| {
                    ui.add_enabled(false, egui::Button::new(format!("{name} (missing)")))
                        .on_disabled_hover_text(format!("{folder}: the file is no longer there"));
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Take it off the list")
                        .clicked()
                    {
                        remove = Some(index);
                    }
                });
            }
        }
        ui.separator();
        if ui.button("Clear the list").clicked() {
            self.prefs.recent.clear();
            ui.close();
        }
        if let Some(index) = remove {
            self.prefs.recent.remove(index);
        }
        if let Some(path) = open {
            self.guard(PendingAction::OpenFile(path));
        }
    }

    /// Opens a file dropped on the window, after asking about unsaved changes.
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .first()
                .map(|file| file.path().to_owned())
        });
        if let Some(path) = dropped {
            self.guard(PendingAction::OpenFile(path));
        }
    }

    /// The recent files, newest first.
    #[must_use]
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.prefs.recent
    }
}

/// The folder of `beside` (a file), else `home`'s Documents folder when there is one, else `home`.
fn start_folder(beside: Option<&Path>, home: Option<PathBuf>) -> Option<PathBuf> {
    if let Some(folder) = beside.and_then(Path::parent)
        && !folder.as_os_str().is_empty()
    {
        return Some(folder.to_owned());
    }
    let home = home?;
    let documents = home.join("Documents");
    Some(if documents.is_dir() { documents } else { home })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialogs_start_beside_the_map_else_in_documents_else_at_home() {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().to_owned();
        let map = Path::new("/srv/maps/board.ron");
        assert_eq!(
            start_folder(Some(map), Some(home.clone())),
            Some(PathBuf::from("/srv/maps"))
        );
        // A bare file name has no folder of its own.
        assert_eq!(
            start_folder(Some(Path::new("board.ron")), Some(home.clone())),
            Some(home.clone())
        );
        assert_eq!(start_folder(None, Some(home.clone())), Some(home.clone()));
        std::fs::create_dir_all(home.join("Documents")).unwrap();
        assert_eq!(
            start_folder(None, Some(home.clone())),
            Some(home.join("Documents"))
        );
        assert_eq!(start_folder(None, None), None);
    }
}
