//! Noticing when another program changes the open file, and asking before saving over such a change.

use std::time::Duration;

use egui::{Id, Modal};

use super::RelmapApp;
use super::flow::{Event, FileFlow, UpgradeChoice};
use crate::storage::{self, DiskStamp};

/// How often the open file is checked for changes made elsewhere.
const CHECK_EVERY: Duration = Duration::from_secs(2);

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
        if !self.flow.is_settled() || now - self.last_disk_check < CHECK_EVERY.as_secs_f64() {
            return;
        }
        self.last_disk_check = now;
        if self.disk_asked {
            return;
        }
        if self.changed_elsewhere(&path) {
            self.step(Event::ChangedOnDisk);
            self.disk_asked = true;
        }
    }

    /// Shows the question about the file on disk, if there is one.
    pub(super) fn disk_question_ui(&mut self, ctx: &egui::Context) {
        let question = match &self.flow {
            FileFlow::DiskChanged => Question::ChangedOnDisk,
            FileFlow::ConfirmingOverwrite { .. } => Question::Overwrite,
            FileFlow::OlderFormat(version) => Question::OlderFormat(*version),
            _ => return,
        };
        let name = self.doc.display_name();
        let mut answer = None;
        Modal::new(Id::unique("relmap-disk-question")).show(ctx, |ui| {
            ui.set_width(440.0);
            match &question {
                Question::ChangedOnDisk => {
                    ui.heading(format!("{name} changed on disk"));
                    ui.label("Another program changed the file since relmap opened or saved it.");
                    if self.doc.is_dirty() {
                        ui.label("Reloading drops the changes you made here.");
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Reload").on_hover_text("Open the file as it is on disk now").clicked() {
                            answer = Some(Answer::Yes);
                        }
                        if crate::ui::dialogs::default_button(ui, "Keep mine").on_hover_text("Keep the map as it is here; saving will ask first").clicked() {
                            answer = Some(Answer::No);
                        }
                    });
                }
                Question::Overwrite => {
                    ui.heading(format!("Overwrite {name}?"));
                    ui.label(
                        "Another program changed the file since relmap opened or saved it. Saving replaces \
                         those changes.",
                    );
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            answer = Some(Answer::Yes);
                        }
                        if crate::ui::dialogs::default_button(ui, "Cancel").clicked() {
                            answer = Some(Answer::No);
                        }
                    });
                }
                Question::OlderFormat(version) => {
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
        let event = match (question, answer) {
            (Question::ChangedOnDisk, answer) => Event::Reload(answer == Answer::Yes),
            (Question::Overwrite, answer) => Event::Overwrite(answer == Answer::Yes),
            (Question::OlderFormat(_), Answer::Yes) => Event::Upgrade(UpgradeChoice::InPlace),
            (Question::OlderFormat(_), Answer::Copy) => Event::Upgrade(UpgradeChoice::Copy),
            (Question::OlderFormat(_), Answer::No) => Event::Upgrade(UpgradeChoice::ReadOnly),
        };
        self.step(event);
    }
}

/// The question on screen, read from the file flow.
#[derive(Clone, Copy)]
enum Question {
    ChangedOnDisk,
    Overwrite,
    OlderFormat(u32),
}
