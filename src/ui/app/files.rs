//! Files: new, open, save, save as, the file dialogs, typed paths and the unsaved-changes question.

use std::path::{Path, PathBuf};

use super::disk::DiskQuestion;
use super::{NO_DIALOG_THRESHOLD, PendingAction, RelmapApp};
use crate::document::Document;
use crate::model::Workbook;
use crate::storage;
use crate::storage::Template;
use crate::ui::dialogs::{PathPrompt, PromptAnswer, SaveChoice, confirm_unsaved};
use crate::ui::file_dialog::{PickAnswer, PickKind, PickRequest};
use crate::ui::notices::Notice;
use egui::ViewportCommand;

/// How many recent files the File menu keeps.
const MAX_RECENT: usize = 10;

impl RelmapApp {
    pub(super) fn dialogs(&mut self, ctx: &egui::Context) {
        if let Some(prompt) = &mut self.prompt {
            match prompt.show(ctx) {
                PromptAnswer::Open => {}
                PromptAnswer::Cancel => {
                    self.prompt = None;
                    self.after_save = None;
                }
                PromptAnswer::Chosen(path) => {
                    let kind = prompt.kind;
                    self.prompt = None;
                    self.picked(kind, path, ctx);
                }
            }
        }
        if let Some(action) = self.confirming.clone() {
            match confirm_unsaved(ctx, &self.doc.display_name()) {
                PromptAnswer::Open => {}
                PromptAnswer::Cancel => self.confirming = None,
                PromptAnswer::Chosen(SaveChoice::Discard) => {
                    self.confirming = None;
                    self.perform(action, ctx);
                }
                PromptAnswer::Chosen(SaveChoice::Save) => {
                    self.confirming = None;
                    if self.doc.path().is_some() {
                        if self.save() {
                            self.perform(action, ctx);
                        }
                    } else {
                        self.after_save = Some(action);
                        self.start_pick(PickKind::SaveAs);
                    }
                }
            }
        }
    }

    /// Asks about unsaved changes before an action that would drop them.
    pub(super) fn guard(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.confirming = Some(action);
        } else {
            self.perform(action, ctx);
        }
    }

    pub(super) fn perform(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::New(template) => self.start_from(template),
            PendingAction::OpenExample => self.open_example(),
            PendingAction::Open => self.start_pick(PickKind::Open),
            PendingAction::OpenPath => self.prompt_for_path(PickKind::Open),
            PendingAction::Import => self.start_pick(PickKind::Import),
            PendingAction::OpenFile(path) => self.open_path(path),
            PendingAction::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.confirming = Some(PendingAction::Quit);
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
        // A path that failed for the previous map is no suggestion for this one.
        self.failed_save = None;
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
                if let Some(version) = self.older_format {
                    doc.set_read_only(true);
                    self.disk_question = Some(DiskQuestion::OlderFormat(version));
                }
                self.replace_document(doc);
                self.stamp_file();
                self.disk_asked = false;
            }
            Err(error) => self
                .notices
                .error(format!("Could not open the map. {error}")),
        }
    }

    /// Saves to the document's file. Returns whether it worked.
    pub(super) fn save(&mut self) -> bool {
        let Some(path) = self.doc.path().map(ToOwned::to_owned) else {
            return false;
        };
        if self.doc.is_read_only() {
            // A file kept read-only is never written over; saving makes an upgraded copy elsewhere.
            self.start_pick(PickKind::SaveAs);
            return false;
        }
        self.save_to(path)
    }

    pub(super) fn save_to(&mut self, path: PathBuf) -> bool {
        if self.changed_elsewhere(&path) {
            self.disk_question = Some(DiskQuestion::Overwrite(path));
            return false;
        }
        self.save_to_unchecked(path)
    }

    /// Saves without asking about changes made elsewhere.
    pub(super) fn save_to_unchecked(&mut self, path: PathBuf) -> bool {
        if let Some(store) = &self.backups
            && let Err(error) = store.keep(&path, chrono::Local::now().naive_local())
        {
            // The save goes on: the previous version is still kept as the .bak beside the file.
            self.notices.info(format!(
                "No timestamped backup could be kept ({error}); saving anyway."
            ));
        }
        match storage::save(&path, self.doc.workbook()) {
            Ok(()) => {
                self.failed_save = None;
                self.remember_recent(&path);
                self.doc.mark_saved(path);
                self.stamp_file();
                self.disk_asked = false;
                true
            }
            Err(error) => {
                // The map stays open and unsaved; the notice offers to save it elsewhere, starting from the
                // path that failed so a mistyped folder is quickly put right.
                self.notices.push(Notice {
                    level: crate::ui::notices::Level::Error,
                    text: format!("Could not save. {error}"),
                    offer_path: Some(PickKind::SaveAs),
                });
                self.failed_save = Some(path);
                false
            }
        }
    }

    pub(super) fn start_pick(&mut self, kind: PickKind) {
        if self.picking.is_some() {
            return;
        }
        let directory = self.default_folder();
        let file_name = match (kind, self.doc.path().and_then(|p| p.file_name())) {
            (PickKind::Export(format), _) => self.export_name(format),
            (_, Some(name)) => name.to_string_lossy().into_owned(),
            (_, None) => format!("{}.ron", self.name_stem()),
        };
        self.picking = Some(kind);
        self.picker.start(PickRequest {
            kind,
            directory,
            file_name,
        });
    }

    pub(super) fn poll_picker(&mut self, ctx: &egui::Context) {
        let Some(PickAnswer {
            kind,
            path,
            open_for,
        }) = self.picker.poll()
        else {
            return;
        };
        self.picking = None;
        if let Some(path) = path {
            self.picked(kind, path, ctx);
        } else if open_for < NO_DIALOG_THRESHOLD {
            // No dialog appeared. A Save As started by the unsaved-changes question stays pending, so that
            // saving through a typed path still carries on with what the user was doing.
            self.notices.push(Notice {
                level: crate::ui::notices::Level::Info,
                text: "No file dialog could be shown on this desktop (it needs a desktop portal or zenity). \
                       You can type the file's path instead."
                    .to_owned(),
                offer_path: Some(kind),
            });
        } else {
            // The user cancelled the dialog, and with it whatever was waiting for the save.
            self.after_save = None;
        }
    }

    pub(super) fn picked(&mut self, kind: PickKind, path: PathBuf, ctx: &egui::Context) {
        match kind {
            PickKind::Open | PickKind::Import => self.open_path(path),
            PickKind::Export(format) => self.export_to(format, path),
            PickKind::SaveAs => {
                let path = if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                };
                if self.save_to(path)
                    && let Some(action) = self.after_save.take()
                {
                    self.perform(action, ctx);
                }
            }
        }
    }

    pub(super) fn prompt_for_path(&mut self, kind: PickKind) {
        let text = match (kind, self.failed_save.as_deref().or(self.doc.path())) {
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
        self.prompt = Some(PathPrompt::new(kind, text));
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
            let ctx = ui.ctx().clone();
            self.guard(PendingAction::OpenFile(path), &ctx);
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
            self.guard(PendingAction::OpenFile(path), ctx);
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
