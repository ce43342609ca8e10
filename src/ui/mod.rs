//! The egui user interface. egui, eframe and rfd are used here and nowhere else.

mod actions;
mod app;
mod balance;
mod canvas;
mod command;
mod deleted;
mod dialogs;
mod drafts;
mod file_dialog;
mod find_bar;
mod help;
mod inspector;
mod link_inspector;
mod notices;
mod outline;
mod palette;
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
/// the screen and closes the window: `scripts/startup-time.sh` measures start-up that way. Set to `zoom`, it
/// first zooms the map in and out for a few hundred frames, as a mouse wheel would, and prints how long the
/// frames took on screen.
pub fn run(file: Option<PathBuf>) -> eframe::Result<()> {
    let started = std::time::Instant::now();
    let timing = std::env::var("RELMAP_STARTUP_TIMING").ok();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("relmap")
            .with_app_id("relmap")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_icon(window_icon().unwrap_or_default()),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "relmap",
        options,
        Box::new(move |cc| {
            let app = RelmapApp::from_creation_context(cc, file);
            Ok(if let Some(timing) = timing {
                Box::new(StartupTiming {
                    app,
                    started,
                    frames: 0,
                    zoom_frames: if timing == "zoom" { ZOOM_FRAMES } else { 0 },
                    frame_times: Vec::new(),
                    last_frame: None,
                })
            } else {
                Box::new(app)
            })
        }),
    )
}

/// The window's icon: the 256-pixel PNG of `assets/icon`, built into the program. `None` only if that PNG were
/// broken, which a test rules out.
fn window_icon() -> Option<egui::IconData> {
    let png = include_bytes!("../../assets/icon/relmap-256.png");
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).ok()?;
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let c = pixel.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Some(egui::IconData {
        rgba,
        width: pixmap.width(),
        height: pixmap.height(),
    })
}

/// How many frames of zooming `RELMAP_STARTUP_TIMING=zoom` times: out from the fitted map to 100 % and back,
/// through every level of detail.
const ZOOM_FRAMES: u32 = 240;

/// The app, timed: once its first frame has been presented (eframe swaps the buffers of a frame before it
/// starts the next one), it reports the time since `started`; then it zooms for `zoom_frames` frames, timing
/// each, and closes the window.
struct StartupTiming {
    app: RelmapApp,
    started: std::time::Instant,
    frames: u32,
    zoom_frames: u32,
    frame_times: Vec<f64>,
    last_frame: Option<std::time::Instant>,
}

impl eframe::App for StartupTiming {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // After the first frame, a wheel turn over the middle of the canvas each frame: in for the first half,
        // out for the second.
        if self.frames >= 2 && self.frames < 2 + self.zoom_frames {
            let inwards = self.frames < 2 + self.zoom_frames / 2;
            let pos = raw_input
                .screen_rect
                .map_or(egui::Pos2::new(300.0, 250.0), |r| {
                    r.min + egui::vec2(r.width() * 0.35, r.height() * 0.3)
                });
            raw_input.events.push(egui::Event::PointerMoved(pos));
            raw_input.events.push(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: egui::vec2(0.0, if inwards { 0.5 } else { -0.5 }),
                modifiers: egui::Modifiers::NONE,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            });
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        let now = std::time::Instant::now();
        if self.frames == 2 {
            eprintln!(
                "relmap: map drawn after {} ms",
                self.started.elapsed().as_millis()
            );
        } else if self.frames > 2
            && let Some(last) = self.last_frame
        {
            self.frame_times
                .push(now.duration_since(last).as_secs_f64() * 1000.0);
        }
        self.last_frame = Some(now);
        if self.frames == 2 + self.zoom_frames {
            if !self.frame_times.is_empty() {
                let mut times = self.frame_times.clone();
                times.sort_by(f64::total_cmp);
                eprintln!(
                    "relmap: {} frames of zooming: median {:.1} ms, 95th percentile {:.1} ms, slowest {:.1} ms",
                    times.len(),
                    times[times.len() / 2],
                    times[times.len() * 95 / 100],
                    times[times.len() - 1]
                );
            }
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_built_in() {
        let icon = super::window_icon();
        assert!(
            icon.as_ref().is_some_and(|i| i.width == 256
                && i.height == 256
                && i.rgba.len() == 256 * 256 * 4)
        );
    }
}
