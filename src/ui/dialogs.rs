//! Small modal dialogs: typing a path, and asking whether to save changes.

use std::path::PathBuf;

use egui::{Id, Key, Modal, Ui};

use super::file_dialog::PickKind;

/// The "type a path" dialog, for when no native file dialog is available.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathPrompt {
    /// Open or save.
    pub kind: PickKind,
    /// What the user typed.
    pub text: String,
    focus_pending: bool,
}

/// What the user did in a dialog.
#[derive(Debug, PartialEq, Eq)]
pub enum PromptAnswer<T> {
    /// Still open.
    Open,
    /// Closed without doing anything.
    Cancel,
    /// Confirmed.
    Chosen(T),
}

impl PathPrompt {
    /// A prompt, pre-filled with `text`.
    #[must_use]
    pub fn new(kind: PickKind, text: String) -> PathPrompt {
        PathPrompt {
            kind,
            text,
            focus_pending: true,
        }
    }

    /// Shows the dialog.
    pub fn show(&mut self, ctx: &egui::Context) -> PromptAnswer<PathBuf> {
        let mut answer = PromptAnswer::Open;
        let (heading, button) = match self.kind {
            PickKind::Open => ("Open a map from a path", "Open"),
            PickKind::Import => ("Import a map from a path", "Import"),
            PickKind::SaveAs => ("Save the map to a path", "Save"),
            PickKind::Export(_) => ("Export the map to a path", "Export"),
        };
        let modal = Modal::new(Id::unique("relmap-path-prompt")).show(ctx, |ui: &mut Ui| {
            ui.set_width(480.0);
            ui.heading(heading);
            ui.add_space(4.0);
            let label = ui.label("File path:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/home/me/Documents/relationships.ron"),
            );
            let edit = edit.labelled_by(label.id);
            if self.focus_pending {
                edit.request_focus();
                self.focus_pending = false;
            }
            ui.weak(match self.kind {
                PickKind::Open | PickKind::Import => "A leading ~ stands for your home folder.",
                PickKind::SaveAs => {
                    "A leading ~ stands for your home folder. Without an extension, .ron is added."
                }
                PickKind::Export(_) => {
                    "A leading ~ stands for your home folder. Without an extension, the format's is added."
                }
            });
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let ok = ui.add_enabled(!self.text.trim().is_empty(), egui::Button::new(button));
                if ok.clicked() || (entered && !self.text.trim().is_empty()) {
                    answer = PromptAnswer::Chosen(expand_path(&self.text, self.kind));
                }
                if ui.button("Cancel").clicked() {
                    answer = PromptAnswer::Cancel;
                }
            });
        });
        if modal.should_close() && answer == PromptAnswer::Open {
            answer = PromptAnswer::Cancel;
        }
        answer
    }
}

/// Expands `~` and, when saving, adds `.ron` to a name without an extension.
#[must_use]
pub fn expand_path(text: &str, kind: PickKind) -> PathBuf {
    let text = text.trim();
    let mut path = match text.strip_prefix("~/") {
        Some(rest) => std::env::var_os("HOME").map_or_else(
            || PathBuf::from(text),
            |home| PathBuf::from(home).join(rest),
        ),
        None => PathBuf::from(text),
    };
    if path.extension().is_none() {
        match kind {
            PickKind::SaveAs => {
                path.set_extension("ron");
            }
            PickKind::Export(format) => {
                path.set_extension(format.extension());
            }
            PickKind::Open | PickKind::Import => {}
        }
    }
    path
}

/// The choices of the unsaved-changes dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveChoice {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
}

/// The button of a dialog that Enter presses: drawn in the accent colour, and given the keyboard while nothing
/// else in the dialog has it, as the default button of a desktop dialog is. Tab moves on to the others.
pub fn default_button(ui: &mut Ui, text: &str) -> egui::Response {
    let fill = ui.visuals().selection.bg_fill;
    let color = ui.visuals().selection.stroke.color;
    let button = egui::Button::new(egui::RichText::new(text).color(color)).fill(fill);
    let response = ui.add(button);
    let layer = ui.layer_id();
    let in_dialog = ui.memory(egui::Memory::focused).is_some_and(|id| {
        ui.ctx()
            .read_response(id)
            .is_some_and(|r| r.layer_id == layer)
    });
    if !in_dialog {
        response.request_focus();
    }
    response
}

/// Asks "Save changes to <name>?" with Save, Don't save and Cancel.
pub fn confirm_unsaved(ctx: &egui::Context, name: &str) -> PromptAnswer<SaveChoice> {
    let mut answer = PromptAnswer::Open;
    let modal = Modal::new(Id::unique("relmap-confirm-unsaved")).show(ctx, |ui: &mut Ui| {
        ui.set_width(380.0);
        ui.heading(format!("Save changes to {name}?"));
        ui.add_space(4.0);
        ui.label("Your changes will be lost if you don't save them.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if default_button(ui, "Save").clicked() {
                answer = PromptAnswer::Chosen(SaveChoice::Save);
            }
            if ui.button("Don't save").clicked() {
                answer = PromptAnswer::Chosen(SaveChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = PromptAnswer::Cancel;
            }
        });
    });
    if modal.should_close() && answer == PromptAnswer::Open {
        answer = PromptAnswer::Cancel;
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_to_a_name_without_extension_adds_ron() {
        assert_eq!(
            expand_path(" /tmp/plan ", PickKind::SaveAs),
            PathBuf::from("/tmp/plan.ron")
        );
        assert_eq!(
            expand_path("/tmp/plan.txt", PickKind::SaveAs),
            PathBuf::from("/tmp/plan.txt")
        );
        assert_eq!(
            expand_path("/tmp/plan", PickKind::Open),
            PathBuf::from("/tmp/plan")
        );
    }
}
