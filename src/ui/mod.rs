//! The egui user interface. egui, eframe and rfd are used here and nowhere else.

mod actions;
mod app;
mod balance;
mod canvas;
mod command;
mod dialogs;
mod file_dialog;
mod find_bar;
mod inspector;
mod link_inspector;
mod notices;
mod outline;
mod panel;
mod plan;
mod selection;
mod settings;
mod style;
mod welcome;

use std::path::PathBuf;

pub use app::{PendingAction, Preferences, RelmapApp};
pub use command::AppCommand;
pub use file_dialog::{
    FilePicker, NativeFilePicker, PickAnswer, PickKind, PickRequest, ScriptedFilePicker,
};
pub use notices::{Level, Notice};
pub use panel::PanelEdit;
pub use plan::PlanTab;

/// Opens the relmap window with `file`, or with the starter template when there is none.
pub fn run(file: Option<PathBuf>) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("relmap")
            .with_app_id("relmap")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "relmap",
        options,
        Box::new(move |cc| Ok(Box::new(RelmapApp::from_creation_context(cc, file)))),
    )
}
