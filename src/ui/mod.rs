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
pub use canvas::{Camera, CanvasState};
pub use command::AppCommand;
pub use file_dialog::{
    FilePicker, NativeFilePicker, PickAnswer, PickKind, PickRequest, ScriptedFilePicker,
};
pub use notices::{Level, Notice};
pub use panel::PanelEdit;
pub use plan::PlanTab;
pub use selection::Selection;

/// Opens the relmap window with `file`, or with the starter template when there is none.
///
/// With the variable `RELMAP_STARTUP_TIMING` set, relmap prints how long after its start the first frame reached
/// the screen and closes the window: `scripts/startup-time.sh` measures start-up that way.
pub fn run(file: Option<PathBuf>) -> eframe::Result<()> {
    let started = std::time::Instant::now();
    let timing = std::env::var_os("RELMAP_STARTUP_TIMING").is_some();
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
        Box::new(move |cc| {
            let app = RelmapApp::from_creation_context(cc, file);
            Ok(if timing {
                Box::new(StartupTiming {
                    app,
                    started,
                    frames: 0,
                })
            } else {
                Box::new(app)
            })
        }),
    )
}

/// The app, timed: once its first frame has been presented (eframe swaps the buffers of a frame before it
/// starts the next one), it reports the time since `started` and closes the window.
struct StartupTiming {
    app: RelmapApp,
    started: std::time::Instant,
    frames: u32,
}

impl eframe::App for StartupTiming {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 2 {
            eprintln!(
                "relmap: map drawn after {} ms",
                self.started.elapsed().as_millis()
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        eframe::App::ui(&mut self.app, ui, frame);
        ui.ctx().request_repaint();
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }

    fn on_exit(&mut self, gl: Option<&eframe::glow::Context>) {
        self.app.on_exit(gl);
    }
}
