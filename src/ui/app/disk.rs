//! Noticing when another program changes the open file, and asking before saving over such a change.

use std::path::PathBuf;
use std::time::Duration;

use egui::{Id, Modal};

use super::RelmapApp;
use crate::storage::{self, DiskStamp};
use crate::ui::file_dialog::PickKind;

/// How often the open file is checked for changes made elsewhere.
const CHECK_EVERY: Duration = Duration::from_secs(2);

/// A question about the file on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum DiskQuestion {
    /// The file changed on disk while it was open: reload it, or keep the map as it is here?
    ChangedOnDisk,
    /// Saving would replace changes made elsewhere: overwrite them?
    Overwrite(PathBuf),
    /// The file just opened is in this older format version: upgrade it in place, save an upgraded copy, or
    /// keep it read-only?
    OlderFormat(u32),
}

/// The answers to the questions about the file on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Yes,
    No,
    Copy,
}

impl RelmapApp {
    /// Remembers what the file looks like now, after opening or saving it.
    pub(super) fn stamp_file(&mut self) {
        self.disk = self.doc.path().and_then(DiskStamp::of);
    }

    /// Whether saving to `path` would replace changes another program made since relmap read or wrote it.
    pub(super) fn changed_elsewhere(&self, path: &std::path::Path) -> bool {
        self.doc.path() == Some(path) && self.disk.as_ref().is_some_and(|stamp| stamp.changed(path))
    }

    /// Checks the open file every two seconds, and asks once when it changed.
    pub(super) fn watch_file(&mut self, ctx: &egui::Context) {
        let Some(path) = self.doc.path().map(ToOwned::to_owned) else {
            return;
        };
        ctx.request_repaint_after(CHECK_EVERY);
        let now = ctx.input(|i| i.time);
        if self.disk_question.is_some() || now - self.last_disk_check < CHECK_EVERY.as_secs_f64() {
            return;
        }
        self.last_disk_check = now;
        if self.disk_asked {
            return;
        }
        if self.changed_elsewhere(&path) {
            self.disk_question = Some(DiskQuestion::ChangedOnDisk);
            self.disk_asked = true;
        }
    }

    /// Shows the question about the file on disk, if there is one.
    pub(super) fn disk_question_ui(&mut self, ctx: &egui::Context) {
        let Some(question) = self.disk_question.clone() else {
            return;
        };
        let name = self.doc.display_name();
        let mut answer = None;
        Modal::new(Id::unique("relmap-disk-question")).show(ctx, |ui| {
            ui.set_width(440.0);
            match &question {
                DiskQuestion::ChangedOnDisk => {
                    ui.heading(format!("{name} changed on disk"));
                    ui.label("Another program changed the file since relmap opened or saved it.");
                    if self.doc.is_dirty() {
                        ui.label("Reloading drops the changes you made here.");
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Reload").on_hover_text("Open the file as it is on disk now").clicked() {
                            answer = Some(Answer::Yes);
                        }
                        if ui.button("Keep mine").on_hover_text("Keep the map as it is here; saving will ask first").clicked() {
                            answer = Some(Answer::No);
                        }
                    });
                }
                DiskQuestion::Overwrite(_) => {
                    ui.heading(format!("Overwrite {name}?"));
                    ui.label(
                        "Another program changed the file since relmap opened or saved it. Saving replaces \
                         those changes.",
                    );
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            answer = Some(Answer::Yes);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::No);
                        }
                    });
                }
                DiskQuestion::OlderFormat(version) => {
                    ui.heading(format!("{name} is in an older format"));
                    ui.label(format!(
                        "It was saved in relmap's format version {version}; this relmap writes version {}. \
                         The map is open read-only until you choose.",
                        storage::CURRENT_VERSION
                    ));
                    ui.add_space(4.0);
                    ui.vertical(|ui| {
                        if ui
                            .button("Upgrade this file")
                            .on_hover_text(
                                "Save it in the new format now; the old file is kept as a backup beside it",
                            )
                            .clicked()
                        {
                            answer = Some(Answer::Yes);
                        }
                        if ui
                            .button("Save an upgraded copy…")
                            .on_hover_text("Leave this file as it is and save the map in the new format under another name")
                            .clicked()
                        {
                            answer = Some(Answer::Copy);
                        }
                        if ui
                            .button("Open read-only")
                            .on_hover_text("Look at the map without changing the file; older versions of relmap can still open it")
                            .clicked()
                        {
                            answer = Some(Answer::No);
                        }
                    });
                }
            }
        });
        let Some(answer) = answer else { return };
        self.disk_question = None;
        match (question, answer) {
            (DiskQuestion::ChangedOnDisk, Answer::Yes) => {
                if let Some(path) = self.doc.path().map(ToOwned::to_owned) {
                    self.open_path(path);
                }
            }
            (DiskQuestion::ChangedOnDisk, _) => self.doc.mark_unsaved(),
            (DiskQuestion::Overwrite(path), Answer::Yes) => {
                self.save_to_unchecked(path);
            }
            (DiskQuestion::Overwrite(_), _) | (DiskQuestion::OlderFormat(_), Answer::No) => {}
            (DiskQuestion::OlderFormat(_), Answer::Yes) => {
                if let Some(path) = self.doc.path().map(ToOwned::to_owned)
                    && self.save_to_unchecked(path.clone())
                {
                    self.notices.info(format!(
                        "{name} is now in the new format. The old file is kept as {}.",
                        storage::backup_path(&path).display()
                    ));
                }
            }
            (DiskQuestion::OlderFormat(_), Answer::Copy) => self.start_pick(PickKind::SaveAs),
        }
    }
}
