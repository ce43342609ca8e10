//! Running an `AppCommand`: the file commands go through the file flow, the view commands change the view,
//! and the map commands are in `editing`.

use super::flow::Event;
use super::keyboard::Region;
use super::{PendingAction, RelmapApp, Theme};
use crate::model::NodeId;
use crate::storage::Template;
use crate::ui::command::AppCommand;
use crate::ui::file_dialog::PickKind;

impl RelmapApp {
    /// Gives the keyboard to a part of the window: the map, the selected row of the outline, or the first
    /// field of a panel.
    pub(super) fn focus_region(&mut self, region: Region) {
        match region {
            Region::Map => self.canvas.request_focus(),
            Region::Outline => self.outline.take_keyboard(),
            Region::Inspector | Region::Plan => self.keyboard.request(region),
        }
    }

    /// Runs one command.
    pub fn run(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::New => self.guard(PendingAction::New(self.prefs.default_template)),
            AppCommand::NewFiveConstituencies => {
                self.guard(PendingAction::New(Template::FiveConstituencies));
            }
            AppCommand::Preferences => self.settings_open = true,
            AppCommand::Help => self.help_open = true,
            AppCommand::CommandPalette => self.palette.open(),
            AppCommand::FocusNextRegion | AppCommand::FocusPreviousRegion => {
                let forward = command == AppCommand::FocusNextRegion;
                self.focus_region(self.keyboard.next_region(ctx, forward));
                ctx.request_repaint();
            }
            AppCommand::FocusMenuBar => {
                self.keyboard.request_menu_bar();
                ctx.request_repaint();
            }
            AppCommand::NewSpheres => self.guard(PendingAction::New(Template::Spheres)),
            AppCommand::NewBlank => self.guard(PendingAction::New(Template::Blank)),
            AppCommand::OpenExample => self.guard(PendingAction::OpenExample),
            AppCommand::Open => self.guard(PendingAction::Open),
            AppCommand::OpenPath => self.guard(PendingAction::OpenPath),
            AppCommand::Import => self.guard(PendingAction::Import),
            AppCommand::ExportFreeMind
            | AppCommand::ExportOpml
            | AppCommand::ExportMarkdown
            | AppCommand::ExportSvg
            | AppCommand::ExportPng
            | AppCommand::ExportSelectionSvg
            | AppCommand::ExportReport => {
                use crate::interchange::ExportFormat;
                let format = match command {
                    AppCommand::ExportOpml => ExportFormat::Opml,
                    AppCommand::ExportMarkdown => ExportFormat::Markdown,
                    AppCommand::ExportSvg | AppCommand::ExportSelectionSvg => ExportFormat::Svg,
                    AppCommand::ExportPng => ExportFormat::Png(self.prefs.png_scale),
                    AppCommand::ExportReport => ExportFormat::Html,
                    _ => ExportFormat::FreeMind,
                };
                self.export_selection = (command == AppCommand::ExportSelectionSvg)
                    .then(|| self.selection.nodes().to_vec());
                self.step(Event::Export(format));
            }
            AppCommand::Quit => self.guard(PendingAction::Quit),
            AppCommand::Save => self.step(Event::Save { as_new: false }),
            AppCommand::SaveAs => self.step(Event::Save { as_new: true }),
            AppCommand::SaveAsPath => self.prompt_for_path(PickKind::SaveAs),
            AppCommand::Undo => {
                let restores = self
                    .deleted
                    .restored_by_undo_from(self.doc.version())
                    .map(<[NodeId]>::to_vec);
                match self.doc.undo() {
                    // The branches a delete took come back selected, as they were before it.
                    Ok(true) => {
                        if let Some(tops) = restores {
                            let map = &self.doc.workbook().map;
                            self.selection
                                .extend(tops.into_iter().filter(|&id| map.contains(id)), false);
                        }
                    }
                    Ok(false) => {}
                    Err(error) => self.notices.error(format!("Could not undo: {error}")),
                }
                self.forget_missing_selection();
            }
            AppCommand::Redo => {
                if let Err(error) = self.doc.redo() {
                    self.notices.error(format!("Could not redo: {error}"));
                }
                self.forget_missing_selection();
            }
            AppCommand::FitMap => self.canvas.request_fit(),
            AppCommand::ToggleInspector => self.prefs.show_inspector = !self.prefs.show_inspector,
            AppCommand::ToggleOutline => {
                self.prefs.show_outline = !self.prefs.show_outline;
                // Opening the outline gives its selected row the keyboard, so the arrows go through the rows.
                if self.prefs.show_outline {
                    self.outline.take_keyboard();
                }
            }
            AppCommand::TogglePlan => self.prefs.show_plan = !self.prefs.show_plan,
            AppCommand::ToggleMarkers => self.prefs.show_markers = !self.prefs.show_markers,
            AppCommand::ToggleMinimap => self.prefs.show_minimap = !self.prefs.show_minimap,
            AppCommand::ThemeSystem | AppCommand::ThemeLight | AppCommand::ThemeDark => {
                self.prefs.theme = match command {
                    AppCommand::ThemeLight => Theme::Light,
                    AppCommand::ThemeDark => Theme::Dark,
                    _ => Theme::System,
                };
                self.prefs.apply_looks(ctx);
            }
            other => self.run_map_command(other, ctx),
        }
    }
}
