//! The Preferences window: theme, interface size, how often recovery copies are written, undo steps, planning
//! markers, and the template a new map starts from. What it changes is kept between runs with the other preferences.

use egui::{ComboBox, DragValue, Grid, Ui, Window};

use super::app::{Preferences, Theme};
use crate::storage::Template;

/// The interface sizes offered, as zoom factors.
pub const UI_SCALES: [f32; 8] = [0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

/// The sizes offered for exported PNG pictures, in hundredths of the map's size on the canvas.
pub const PNG_SCALES: [u16; 4] = [100, 200, 300, 400];

/// The shortest and longest time between recovery copies, in seconds.
pub const RECOVERY_SECONDS: std::ops::RangeInclusive<u32> = 5..=600;

/// The fewest and most undo steps the history may keep.
pub const UNDO_STEPS: std::ops::RangeInclusive<u32> = 10..=1000;

/// Shows the window while `open` is set. Returns whether the theme or the interface size changed, which the
/// caller passes on to egui.
pub fn settings_window(ctx: &egui::Context, open: &mut bool, prefs: &mut Preferences) -> bool {
    let before = (prefs.theme, prefs.ui_scale);
    let top_middle = ctx.content_rect().center_top() + egui::vec2(0.0, 80.0);
    Window::new("Preferences")
        .open(open)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(top_middle)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .show(ctx, |ui| contents(ui, prefs));
    before != (prefs.theme, prefs.ui_scale)
}

fn contents(ui: &mut Ui, prefs: &mut Preferences) {
    Grid::new("relmap-preferences")
        .num_columns(2)
        .spacing([16.0, 10.0])
        .show(ui, |ui| {
            ui.label("Theme");
            ui.horizontal(|ui| {
                for (theme, label) in [
                    (Theme::System, "Follow the system"),
                    (Theme::Light, "Light"),
                    (Theme::Dark, "Dark"),
                ] {
                    ui.radio_value(&mut prefs.theme, theme, label);
                }
            });
            ui.end_row();

            let label = ui.label("Interface size");
            ComboBox::from_id_salt("relmap-ui-scale")
                .selected_text(percent(prefs.ui_scale))
                .show_ui(ui, |ui| {
                    for scale in UI_SCALES {
                        ui.selectable_value(&mut prefs.ui_scale, scale, percent(scale));
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("Makes text, buttons and panels larger or smaller");
            ui.end_row();

            let label = ui.label("Recovery copy every");
            ui.add(
                DragValue::new(&mut prefs.recovery_seconds)
                    .range(RECOVERY_SECONDS)
                    .suffix(" s"),
            )
            .labelled_by(label.id)
            .on_hover_text(
                "While a map has unsaved changes, relmap keeps a copy of it in its data folder at most this \
                 often, so that a crash loses little. The copy never goes into your own file.",
            );
            ui.end_row();

            let label = ui.label("Undo steps");
            ui.add(DragValue::new(&mut prefs.undo_steps).range(UNDO_STEPS))
                .labelled_by(label.id)
                .on_hover_text(
                    "How many changes Undo can take back. Older ones are forgotten, so that a long session on \
                     a large map does not fill the memory.",
                );
            ui.end_row();

            ui.label("Planning markers");
            ui.checkbox(&mut prefs.show_markers, "Show health, overdue and strategy markers on nodes");
            ui.end_row();

            let label = ui.label("PNG pictures at");
            ComboBox::from_id_salt("relmap-png-scale")
                .selected_text(png_scale(prefs.png_scale))
                .show_ui(ui, |ui| {
                    for scale in PNG_SCALES {
                        ui.selectable_value(&mut prefs.png_scale, scale, png_scale(scale));
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("How large File → Export → PNG draws the map: 2× is sharp on screens and in print");
            ui.end_row();

            let label = ui.label("New maps start from");
            ComboBox::from_id_salt("relmap-default-template")
                .selected_text(prefs.default_template.label())
                .show_ui(ui, |ui| {
                    for template in Template::ALL {
                        ui.selectable_value(&mut prefs.default_template, template, template.label())
                            .on_hover_text(template.description());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The map File → New (Ctrl+N) starts from");
            ui.end_row();
        });
}

fn png_scale(hundredths: u16) -> String {
    format!("{}× the size on screen", hundredths / 100)
}

fn percent(scale: f32) -> String {
    format!("{:.0}%", scale * 100.0)
}
