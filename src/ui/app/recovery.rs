//! Recovery copies while there are unsaved changes, and the offer to restore one after a crash.

use egui::{Id, Modal};

use super::RelmapApp;
use super::flow::{Event, FileFlow};
use crate::document::Document;
use crate::storage::{self, Orphan, RecoveryStore};

/// How often, at most, a recovery copy is written while there are unsaved changes, in seconds, unless the user
/// chose otherwise in Preferences.
pub const RECOVERY_SECONDS: u32 = 30;

impl RelmapApp {
    /// Uses this store for recovery copies, and looks for copies a crash left behind.
    pub fn set_recovery_store(&mut self, store: RecoveryStore) {
        let orphans = store.orphans(&storage::process_is_running);
        self.recovery = Some(store);
        self.step(Event::RecoveryFound(orphans));
    }

    /// Whether a recovery copy is being offered.
    #[must_use]
    pub fn offers_recovery(&self) -> bool {
        matches!(self.flow, FileFlow::OfferingRecovery { .. })
    }

    /// Writes a recovery copy when there are unsaved changes not yet in one, at most every interval, on a
    /// background thread so that the window never waits for the disk. Removes the copy once the map is saved.
    pub(super) fn keep_recovery_copy(&mut self, ctx: &egui::Context) {
        let Some(store) = self.recovery.clone() else {
            return;
        };
        let pid = std::process::id();
        if !self.doc.is_dirty() {
            if self.recovery_revision.take().is_some() {
                store.remove(pid);
            }
            return;
        }
        if self.recovery_revision == Some(self.doc.revision()) {
            return;
        }
        let now = ctx.input(|i| i.time);
        let due = self.last_recovery_write + f64::from(self.prefs.recovery_seconds);
        if self.recovery_revision.is_some() && now < due {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            return;
        }
        // Serializing is fast (a few milliseconds for a large map); the writing happens off the UI thread.
        let text = storage::to_string(self.doc.workbook());
        let original = self.doc.path().map(ToOwned::to_owned);
        self.recovery_revision = Some(self.doc.revision());
        self.last_recovery_write = now;
        std::thread::spawn(move || {
            let _ = store.write(pid, original.as_deref(), &text);
        });
    }

    /// Removes this window's recovery copy, on a clean exit.
    pub fn remove_recovery_copy(&mut self) {
        if let Some(store) = &self.recovery {
            store.remove(std::process::id());
        }
    }

    /// Offers the first recovery copy a crash left behind: restore it, show where it is, or discard it.
    pub(super) fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        let FileFlow::OfferingRecovery { orphans, .. } = &self.flow else {
            return;
        };
        let Some(orphan) = orphans.first().cloned() else {
            return;
        };
        let name = orphan
            .original
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(
                || "an unsaved map".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
        let when = orphan
            .written
            .map(|t| {
                chrono::DateTime::<chrono::Local>::from(t)
                    .format("%-d %b %Y at %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        let mut choice = None;
        Modal::new(Id::unique("relmap-recovery")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading("Restore unsaved work?");
            ui.label(format!(
                "relmap did not close properly last time. It kept a copy of {name} with the changes that were not \
                 saved{}.",
                if when.is_empty() { String::new() } else { format!(", written on {when}") }
            ));
            ui.horizontal(|ui| {
                if crate::ui::dialogs::default_button(ui, "Restore").on_hover_text("Open the copy; save it to keep it").clicked() {
                    choice = Some(Choice::Restore);
                }
                if ui.button("Show the file").on_hover_text("Open the folder that holds the copy").clicked() {
                    choice = Some(Choice::Show);
                }
                if ui.button("Discard").on_hover_text("Delete the copy").clicked() {
                    choice = Some(Choice::Discard);
                }
            });
        });
        match choice {
            None => {}
            Some(Choice::Show) => {
                if let Some(folder) = orphan.copy.parent() {
                    ctx.open_url(egui::OpenUrl::new_tab(format!(
                        "file://{}",
                        folder.display()
                    )));
                }
            }
            Some(Choice::Discard) => self.step(Event::RecoveryAnswered(false)),
            Some(Choice::Restore) => self.step(Event::RecoveryAnswered(true)),
        }
    }

    pub(super) fn restore(&mut self, orphan: &Orphan) {
        match storage::load(&orphan.copy) {
            Ok(workbook) => {
                let mut doc = Document::new(workbook, orphan.original.clone());
                // The restored map is not what its file holds: it stays marked until saved.
                doc.mark_unsaved();
                self.replace_document(doc);
                self.stamp_file();
                RecoveryStore::discard(orphan);
                self.welcome = false;
            }
            Err(error) => self
                .notices
                .error(format!("The recovery copy could not be read. {error}")),
        }
    }
}

#[derive(Clone, Copy)]
enum Choice {
    Restore,
    Show,
    Discard,
}
