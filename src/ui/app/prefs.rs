//! The preferences kept between runs, and the accessors the Preferences window and tests use.

use std::path::PathBuf;

use super::RelmapApp;
use super::recovery;
use crate::storage::Template;
use crate::ui::plan::PlanTab;
use crate::ui::settings;

/// Preferences kept between runs through eframe's storage. Never the document.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches of the interface, not a state machine"
)]
pub struct Preferences {
    /// Whether the inspector panel is shown.
    pub show_inspector: bool,
    /// Whether the outline panel is shown.
    pub show_outline: bool,
    /// Whether the plan panel is shown.
    pub show_plan: bool,
    /// Whether nodes show their health, overdue and strategy markers.
    pub show_markers: bool,
    /// Whether the minimap shows while part of the map is out of view.
    pub show_minimap: bool,
    /// The files opened or saved last, newest first.
    pub recent: Vec<PathBuf>,
    /// Light, dark, or whatever the system uses.
    pub theme: Theme,
    /// The size of the interface, as egui's zoom factor.
    pub ui_scale: f32,
    /// The shortest time between two recovery copies, in seconds.
    pub recovery_seconds: u32,
    /// The template File → New starts from.
    pub default_template: Template,
    /// The plan tabs the user hid.
    pub hidden_plan_tabs: Vec<PlanTab>,
    /// The size of exported PNG pictures, in hundredths of the map's size on the canvas.
    pub png_scale: u16,
    /// How many steps Undo can go back.
    pub undo_steps: u32,
}

/// The colour theme the user chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Follow the system's setting.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl Theme {
    pub(super) fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            show_inspector: true,
            show_outline: false,
            show_plan: true,
            show_markers: true,
            show_minimap: true,
            recent: Vec::new(),
            theme: Theme::System,
            ui_scale: 1.0,
            recovery_seconds: recovery::RECOVERY_SECONDS,
            default_template: Template::FiveConstituencies,
            hidden_plan_tabs: Vec::new(),
            png_scale: 200,
            undo_steps: crate::document::UNDO_LIMIT as u32,
        }
    }
}

impl Preferences {
    /// Brings values from an older or edited preferences file back into range.
    pub(super) fn tidy(&mut self) {
        if !settings::PNG_SCALES.contains(&self.png_scale) {
            self.png_scale = 200;
        }
        if !settings::UI_SCALES.contains(&self.ui_scale) {
            self.ui_scale = 1.0;
        }
        self.undo_steps = self
            .undo_steps
            .clamp(*settings::UNDO_STEPS.start(), *settings::UNDO_STEPS.end());
        self.recovery_seconds = self.recovery_seconds.clamp(
            *settings::RECOVERY_SECONDS.start(),
            *settings::RECOVERY_SECONDS.end(),
        );
    }

    /// Passes the theme and the interface size on to egui.
    pub(super) fn apply_looks(&self, ctx: &egui::Context) {
        ctx.set_theme(self.theme.preference());
        ctx.set_zoom_factor(self.ui_scale);
    }
}

pub(super) const PREFERENCES_KEY: &str = "relmap-preferences";

impl RelmapApp {
    /// The preferences as they are now.
    #[must_use]
    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    /// Changes the preferences, as the Preferences window does.
    pub fn preferences_mut(&mut self) -> &mut Preferences {
        &mut self.prefs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_undo_step_limit_is_kept_with_the_preferences_and_brought_into_range() {
        let prefs = Preferences {
            undo_steps: 250,
            ..Preferences::default()
        };
        let text = ron::to_string(&prefs).unwrap();
        let read: Preferences = ron::from_str(&text).unwrap();
        assert_eq!(read.undo_steps, 250);

        // Preferences written before the limit existed get the default.
        let old: Preferences = ron::from_str("(show_plan: false)").unwrap();
        assert_eq!(old.undo_steps, 100);

        let mut edited: Preferences = ron::from_str("(undo_steps: 0)").unwrap();
        edited.tidy();
        assert_eq!(edited.undo_steps, *settings::UNDO_STEPS.start());
    }
}
