//! The window's chrome: the menu bar, built from `AppCommand`s, and the status bar.

use egui::{Response, RichText, Ui};

use super::{RelmapApp, Theme};
use crate::ui::command::AppCommand;

/// How the menu bar and its menus look: egui's menu style, with the item under the mouse or the keyboard
/// marked in the accent colour, as desktop menus mark it, so that moving through a menu with the arrows is
/// plain to see.
pub(super) fn menu_look(style: &mut egui::Style) {
    egui::containers::menu::menu_style(style);
    let selection = style.visuals.selection;
    // egui draws the item with the keyboard as "active", and the one under the mouse as "hovered".
    let widgets = &mut style.visuals.widgets;
    for look in [&mut widgets.hovered, &mut widgets.active] {
        look.weak_bg_fill = selection.bg_fill;
        look.bg_fill = selection.bg_fill;
        look.fg_stroke.color = selection.stroke.color;
    }
}

impl RelmapApp {
    /// Draws the menu bar's menus; returns their buttons, in order.
    pub(super) fn menu_bar(
        &mut self,
        ui: &mut Ui,
        commands: &mut Vec<AppCommand>,
    ) -> [Response; 4] {
        let file = ui.menu_button("File", |ui| {
            self.menu_item(ui, AppCommand::New, commands);
            ui.menu_button("New from template", |ui| {
                for command in [
                    AppCommand::NewFiveConstituencies,
                    AppCommand::NewSpheres,
                    AppCommand::NewBlank,
                ] {
                    self.menu_item(ui, command, commands);
                }
            });
            for command in [
                AppCommand::Open,
                AppCommand::OpenPath,
                AppCommand::OpenExample,
            ] {
                self.menu_item(ui, command, commands);
            }
            ui.menu_button("Open recent", |ui| self.recent_menu(ui));
            ui.separator();
            self.menu_item(ui, AppCommand::Import, commands);
            ui.menu_button("Export", |ui| {
                for command in [
                    AppCommand::ExportReport,
                    AppCommand::ExportSvg,
                    AppCommand::ExportPng,
                    AppCommand::ExportSelectionSvg,
                    AppCommand::ExportMarkdown,
                    AppCommand::ExportFreeMind,
                    AppCommand::ExportOpml,
                ] {
                    self.menu_item(ui, command, commands);
                }
            });
            ui.separator();
            for command in [AppCommand::Save, AppCommand::SaveAs, AppCommand::SaveAsPath] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            self.menu_item(ui, AppCommand::Preferences, commands);
            ui.separator();
            self.menu_item(ui, AppCommand::Quit, commands);
        });
        let edit = ui.menu_button("Edit", |ui| {
            self.menu_item(ui, AppCommand::Undo, commands);
            self.menu_item(ui, AppCommand::Redo, commands);
            ui.separator();
            for command in [
                AppCommand::AddChild,
                AppCommand::AddSibling,
                AppCommand::AddSiblingBefore,
                AppCommand::InsertParent,
                AppCommand::EditTitle,
                AppCommand::Delete,
            ] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            for command in [AppCommand::Cut, AppCommand::Copy, AppCommand::Paste] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            for command in [
                AppCommand::ToggleFold,
                AppCommand::MoveUp,
                AppCommand::MoveDown,
            ] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            for command in [
                AppCommand::LayoutTree,
                AppCommand::LayoutRadial,
                AppCommand::LayoutFree,
                AppCommand::ResetPosition,
            ] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            for command in [
                AppCommand::SelectAll,
                AppCommand::SelectNone,
                AppCommand::Find,
            ] {
                self.menu_item(ui, command, commands);
            }
        });
        let view = ui.menu_button("View", |ui| {
            for command in [
                AppCommand::FitMap,
                AppCommand::ZoomIn,
                AppCommand::ZoomOut,
                AppCommand::CenterSelection,
            ] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            let mut markers = self.prefs.show_markers;
            if ui
                .checkbox(&mut markers, AppCommand::ToggleMarkers.label())
                .on_hover_text(AppCommand::ToggleMarkers.tooltip())
                .clicked()
            {
                commands.push(AppCommand::ToggleMarkers);
            }
            let mut minimap = self.prefs.show_minimap;
            if ui
                .checkbox(&mut minimap, AppCommand::ToggleMinimap.label())
                .on_hover_text(AppCommand::ToggleMinimap.tooltip())
                .clicked()
            {
                commands.push(AppCommand::ToggleMinimap);
            }
            let mut plan = self.prefs.show_plan;
            if ui
                .checkbox(&mut plan, AppCommand::TogglePlan.label())
                .on_hover_text(AppCommand::TogglePlan.tooltip())
                .clicked()
            {
                commands.push(AppCommand::TogglePlan);
            }
            let mut outline = self.prefs.show_outline;
            if ui
                .checkbox(&mut outline, AppCommand::ToggleOutline.label())
                .on_hover_text(AppCommand::ToggleOutline.tooltip())
                .clicked()
            {
                commands.push(AppCommand::ToggleOutline);
            }
            let mut shown = self.prefs.show_inspector;
            if ui
                .checkbox(&mut shown, AppCommand::ToggleInspector.label())
                .on_hover_text(AppCommand::ToggleInspector.tooltip())
                .clicked()
            {
                commands.push(AppCommand::ToggleInspector);
            }
            ui.menu_button("Theme", |ui| {
                for (theme, command) in [
                    (Theme::System, AppCommand::ThemeSystem),
                    (Theme::Light, AppCommand::ThemeLight),
                    (Theme::Dark, AppCommand::ThemeDark),
                ] {
                    if ui
                        .radio(self.prefs.theme == theme, command.label())
                        .on_hover_text(command.tooltip())
                        .clicked()
                    {
                        commands.push(command);
                        ui.close();
                    }
                }
            });
        });
        let help = ui.menu_button("Help", |ui| {
            for command in [AppCommand::Help, AppCommand::CommandPalette] {
                self.menu_item(ui, command, commands);
            }
        });
        [file, edit, view, help].map(|menu| menu.response)
    }

    fn menu_item(&self, ui: &mut Ui, command: AppCommand, commands: &mut Vec<AppCommand>) {
        let label = match command {
            AppCommand::Undo => self
                .doc
                .undo_label()
                .map_or_else(|| "Undo".to_owned(), |l| format!("Undo {l}")),
            AppCommand::Redo => self
                .doc
                .redo_label()
                .map_or_else(|| "Redo".to_owned(), |l| format!("Redo {l}")),
            other => other.label().to_owned(),
        };
        let enabled = match command {
            AppCommand::Undo => self.doc.can_undo(),
            AppCommand::Redo => self.doc.can_redo(),
            AppCommand::AddChild
            | AppCommand::AddSibling
            | AppCommand::AddSiblingBefore
            | AppCommand::InsertParent
            | AppCommand::EditTitle
            | AppCommand::Delete
            | AppCommand::Copy
            | AppCommand::Cut
            | AppCommand::ToggleFold
            | AppCommand::MoveUp
            | AppCommand::MoveDown
            | AppCommand::CenterSelection
            | AppCommand::ExportSelectionSvg => !self.selection.is_empty(),
            AppCommand::ResetPosition => {
                let map = &self.doc.workbook().map;
                self.selection.nodes().iter().any(|&id| {
                    map.topic(id)
                        .is_some_and(|t| t.offset != crate::model::Pos::default())
                })
            }
            _ => true,
        };
        // The arrangement the map has now is marked in the menu.
        let arrangement = self.doc.workbook().arrangement;
        let current = match command {
            AppCommand::LayoutTree => arrangement == crate::model::Arrangement::Tree,
            AppCommand::LayoutRadial => arrangement == crate::model::Arrangement::Radial,
            AppCommand::LayoutFree => arrangement == crate::model::Arrangement::Free,
            _ => false,
        };
        let mut button = egui::Button::new(label).selected(current);
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(command.tooltip())
            .clicked()
        {
            commands.push(command);
            ui.close();
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let map = &self.doc.workbook().map;
            ui.label(format!("{} nodes", map.len()));
            // The first view of a large map shows its centre at a size that can be read; say that there is
            // more, and offer the whole map.
            let out_of_view = self.canvas.nodes_out_of_view();
            if out_of_view > 0 {
                ui.label(format!("· {out_of_view} out of view"));
                if ui
                    .small_button("Show all")
                    .on_hover_text(format!(
                        "Fit the whole map to the window ({})",
                        AppCommand::FitMap
                            .shortcut()
                            .map_or_else(String::new, |s| ui.ctx().format_shortcut(&s))
                    ))
                    .clicked()
                {
                    self.canvas.request_fit();
                }
            }
            if self.selection.len() > 1 {
                ui.label(format!("· {} selected", self.selection.len()));
            }
            ui.separator();
            if self.doc.is_read_only() {
                ui.label(RichText::new("Read-only: an older format").strong());
                if ui
                    .small_button("Upgrade…")
                    .on_hover_text("Upgrade the file, or save an upgraded copy, to change the map")
                    .clicked()
                    && let Some(version) = self.older_format
                {
                    self.step(super::flow::Event::OlderFormatOpened(version));
                }
            } else if self.doc.is_dirty() {
                ui.label("Unsaved changes");
            } else if self.doc.path().is_some() {
                ui.label("Saved");
            } else {
                ui.label("Not saved yet");
            }
            if matches!(self.flow, super::flow::FileFlow::Picking { .. }) {
                ui.separator();
                ui.label("Waiting for the file dialog…");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(self.canvas.zoom_label());
                ui.separator();
                // Says what the keys do where the keyboard is, so that it is never a guess.
                let focused = ui.ctx().memory(egui::Memory::focused);
                ui.weak(if self.flow.is_modal() {
                    // A question is up: its buttons have the keys.
                    "Enter chooses the marked button · Tab moves between the buttons · Esc cancels"
                } else if self.palette.is_open() {
                    "Type to find a command · arrows pick · Enter runs it · Esc closes"
                } else if egui::Popup::is_any_open(ui.ctx()) {
                    "Arrows or Tab move through the open menu · Enter chooses · Esc closes it"
                } else if self.canvas.title_edit.is_some() {
                    "Enter confirms · Shift+Enter starts a new line · Esc cancels"
                } else if focused == Some(crate::ui::canvas::canvas_id()) {
                    "Tab adds a child · Enter a sibling · F2 renames · drag the background to pan · scroll to zoom"
                } else if self.outline.has_keyboard(focused) {
                    "Arrows move through the outline · F2 renames · F6 moves on to the map"
                } else if focused.is_some() {
                    "Keys go to the field or button marked · F6 moves on · click the map to draw on it"
                } else {
                    "Click the map to draw on it · F6 moves between the map and the panels"
                });
            });
        });
    }
}
