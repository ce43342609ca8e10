//! The welcome screen at a start without a file: what relmap is for, in three lines, and where to begin.

use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use super::command::AppCommand;

/// What happened on the welcome screen this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Welcome {
    /// It stays open.
    Open,
    /// It was closed without a choice: the starter map stays.
    Closed,
    /// A way to begin was chosen.
    Chosen(AppCommand),
    /// A recent file was chosen.
    OpenFile(PathBuf),
}

/// Where to find help later, said once on the welcome screen.
pub const HELP_HINT: &str = "Press F1 at any time for help and every keyboard shortcut; Ctrl+Shift+P finds any command by name.";

/// Shows the welcome screen.
pub fn welcome_ui(ctx: &egui::Context, recent: &[PathBuf]) -> Welcome {
    let mut chosen = Welcome::Open;
    let modal = Modal::new(Id::unique("relmap-welcome")).show(ctx, |ui| {
        ui.set_width(520.0);
        ui.heading("Welcome to relmap");
        ui.add_space(6.0);
        for line in [
            "Map the people and groups your library depends on: your governing authority, staff, community, \
             profession, and yourself.",
            "For each relationship, note who matters and what they care about, how often to be in touch, which \
             strategies you use, and how it is going.",
            "Keep your goals, the learning-organization checklist and an action plan beside the map, in one file.",
        ] {
            ui.label(line);
            ui.add_space(2.0);
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Start from").strong());
        for command in [AppCommand::NewFiveConstituencies, AppCommand::NewSpheres, AppCommand::NewBlank] {
            if ui.button(command.label()).clicked() {
                chosen = Welcome::Chosen(command);
            }
            ui.indent(command.label(), |ui| ui.weak(command.tooltip()));
            ui.add_space(2.0);
        }
        let existing: Vec<&PathBuf> = recent.iter().filter(|p| p.exists()).take(5).collect();
        if !existing.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new("Recent maps").strong());
            for path in existing {
                let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                    chosen = Welcome::OpenFile(path.clone());
                }
            }
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(AppCommand::OpenExample.label()).on_hover_text(AppCommand::OpenExample.tooltip()).clicked() {
                chosen = Welcome::Chosen(AppCommand::OpenExample);
            }
            if ui.button("Open a map…").on_hover_text(AppCommand::Open.tooltip()).clicked() {
                chosen = Welcome::Chosen(AppCommand::Open);
            }
        });
        ui.add_space(8.0);
        ui.weak(HELP_HINT);
    });
    if chosen == Welcome::Open && modal.should_close() {
        chosen = Welcome::Closed;
    }
    chosen
}
