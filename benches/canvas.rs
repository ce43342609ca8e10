//! One frame of the canvas, headless: the real canvas code runs in an `egui::Context` with no window and no GPU,
//! and its shapes are tessellated into triangles, which is all the CPU work of a frame. Measured with the map
//! zoomed to fit the window and zoomed in to 100 % on one part of it, at 1,000, 10,000 and 50,000 nodes; also
//! one frame of the whole window (menus, side panels and canvas) and hit-testing a click.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Pos2, Rect, Vec2};
use relmap::model::{NodeId, Workbook};
use relmap::ui::{CanvasState, Selection};

/// The window of the benchmarks, in points: a laptop screen.
const WINDOW: Vec2 = Vec2::new(1280.0, 800.0);

/// A headless canvas showing one map.
struct Frame {
    ctx: egui::Context,
    canvas: CanvasState,
    workbook: Workbook,
    selection: Selection,
    found: HashSet<NodeId>,
    today: chrono::NaiveDate,
    /// Alternates the view by a few points each frame, as a slow pan does, so no frame is a copy of the last.
    wobble: f32,
    /// The state of the map, as the document would number it: a new one after each edit.
    version: u64,
}

impl Frame {
    fn new(workbook: Workbook) -> Frame {
        let ctx = egui::Context::default();
        Frame {
            ctx,
            canvas: CanvasState::default(),
            workbook,
            selection: Selection::default(),
            found: HashSet::new(),
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            wobble: 1.0,
            version: 1,
        }
    }

    /// Runs one frame and tessellates it; returns the number of triangles, so nothing is optimized away.
    fn run(&mut self) -> usize {
        self.wobble = -self.wobble;
        self.canvas.camera.pan_by(Vec2::new(3.0 * self.wobble, 0.0));
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            ..Default::default()
        };
        let Frame {
            ctx,
            canvas,
            workbook,
            selection,
            found,
            today,
            version,
            ..
        } = self;
        let mut output = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                canvas.ui(ui, workbook, selection, found, Some(*today), (1, *version));
            });
        });
        // No GPU takes the font texture: drop its updates, as a painter would after uploading them.
        output.textures_delta.clear();
        let triangles = ctx.tessellate(output.shapes, output.pixels_per_point);
        triangles
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.indices.len() / 3,
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }

    /// Fits the whole map into the window, as opening a map does.
    fn fit(&mut self) {
        self.canvas.request_fit();
        for _ in 0..3 {
            self.run();
        }
    }

    /// Zooms to 100 % on the node halfway through the map, where a user editing one branch would be.
    fn zoom_in(&mut self) {
        let ids = self.workbook.map.sorted_ids();
        let middle = ids[ids.len() / 2];
        let pos = self.workbook.map.topic(middle).unwrap().pos;
        self.canvas.camera.center_in_canvas = Pos2::new(pos.x, pos.y);
        self.canvas.camera.zoom = 1.0;
        for _ in 0..3 {
            self.run();
        }
    }
}

fn frames(c: &mut Criterion) {
    let mut fit = c.benchmark_group("frame_fit");
    configure(&mut fit);
    for n in common::sizes() {
        let mut frame = Frame::new(common::map_of(n));
        frame.fit();
        eprintln!("fitted {n} nodes: {} triangles", frame.run());
        fit.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(frame.run()));
        });
    }
    fit.finish();

    let mut zoomed = c.benchmark_group("frame_zoomed_in");
    configure(&mut zoomed);
    for n in common::sizes() {
        let mut frame = Frame::new(common::map_of(n));
        frame.zoom_in();
        eprintln!("zoomed in on {n} nodes: {} triangles", frame.run());
        zoomed.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(frame.run()));
        });
    }
    zoomed.finish();

    // A frame after an edit (a node renamed, as each key typed into a title does): the scene is built again
    // from the changed map, measuring only the changed title.
    let mut edited = c.benchmark_group("frame_after_edit");
    configure(&mut edited);
    for n in common::sizes() {
        let mut frame = Frame::new(common::map_of(n));
        frame.zoom_in();
        let ids = frame.workbook.map.sorted_ids();
        let renamed = ids[ids.len() / 2];
        let mut typed = 0_u32;
        edited.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                typed += 1;
                if let Some(topic) = frame.workbook.map.topic_mut(renamed) {
                    topic.title = format!("Board member {typed}");
                }
                frame.version += 1;
                black_box(frame.run())
            });
        });
    }
    edited.finish();

    // Hit-testing a click: which node is under the pointer, through the scene's grid. Half the points are the
    // centres of nodes on screen and half fall anywhere in the window; one click per iteration.
    let mut clicks = c.benchmark_group("hit_test");
    configure(&mut clicks);
    for n in common::sizes() {
        for (view, zoomed) in [("fit", false), ("zoomed_in", true)] {
            let mut frame = Frame::new(common::map_of(n));
            if zoomed {
                frame.zoom_in();
            } else {
                frame.fit();
            }
            let points = click_points(&frame);
            let mut next = 0;
            clicks.bench_with_input(BenchmarkId::new(view, n), &n, |b, _| {
                b.iter(|| {
                    next = (next + 1) % points.len();
                    black_box(frame.canvas.node_under(points[next]))
                });
            });
        }
    }
    clicks.finish();
}

/// A thousand places to click: the centres of nodes on screen and points spread over the window.
fn click_points(frame: &Frame) -> Vec<Pos2> {
    let area = Rect::from_min_size(Pos2::ZERO, WINDOW);
    let to_screen = frame.canvas.camera.screen_from_canvas(area);
    let mut points: Vec<Pos2> = frame
        .workbook
        .map
        .topics()
        .map(|t| to_screen * Pos2::new(t.pos.x, t.pos.y))
        .filter(|p| area.contains(*p))
        .take(500)
        .collect();
    let mut seed = 0x2545_f491_u64;
    while points.len() < 1_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let x = (seed % 1280) as f32;
        let y = ((seed >> 20) % 800) as f32;
        points.push(Pos2::new(x, y));
    }
    points
}

/// One frame of the whole window with a map open: menus, status bar, the plan panel and the inspector with the
/// root selected, and the canvas zoomed to fit. This is what a user's frame costs; side panels must not grow with
/// the map either.
fn window_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_window");
    configure(&mut group);
    for n in common::sizes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        relmap::storage::save(&path, &common::map_of(n)).unwrap();
        let mut window = Window::new(&path);
        for _ in 0..4 {
            window.run();
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(window.run()));
        });
    }
    group.finish();

    // From the file on disk to the first frame with the map drawn: reading, checking, indexing, measuring every
    // title and painting, as when relmap starts with a file (the window system's own start is not included).
    let mut group = c.benchmark_group("open_and_first_frame");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for n in common::sizes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        relmap::storage::save(&path, &common::map_of(n)).unwrap();
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let mut window = Window::new(&path);
                black_box(window.run())
            });
        });
    }
    group.finish();
}

/// One frame of the whole window with the Relationships or the Balance tab of the plan panel open, on a map of
/// 10,000 nodes (or the sizes `RELMAP_BENCH_SIZES` names), nothing changing between frames. The tables are
/// made once per document version, so this is the cost of drawing them, not of making them. For comparison,
/// the same frame with the Goals tab, whose content does not depend on the size of the map.
fn plan_tab_frames(c: &mut Criterion) {
    use relmap::ui::PlanTab;
    let mut group = c.benchmark_group("frame_plan_tab");
    configure(&mut group);
    let sizes = if common::measuring() && std::env::var_os("RELMAP_BENCH_SIZES").is_none() {
        vec![10_000]
    } else {
        common::sizes()
    };
    for n in sizes {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        relmap::storage::save(&path, &common::map_of(n)).unwrap();
        for (name, tab) in [
            ("relationships", PlanTab::Relationships),
            ("balance", PlanTab::Balance),
            ("goals", PlanTab::Goals),
        ] {
            let mut window = Window::new(&path);
            window.app.open_plan_tab(tab);
            for _ in 0..4 {
                window.run();
            }
            group.bench_with_input(BenchmarkId::new(name, n), &n, |b, _| {
                b.iter(|| black_box(window.run()));
            });
        }
    }
    group.finish();
}

/// The whole app in a headless window.
struct Window {
    ctx: egui::Context,
    app: relmap::ui::RelmapApp,
}

impl Window {
    fn new(path: &std::path::Path) -> Window {
        let app = relmap::ui::RelmapApp::new(
            Some(path.to_path_buf()),
            Box::new(relmap::ui::ScriptedFilePicker::default()),
        );
        assert!(app.document().path().is_some(), "the map opened");
        Window {
            ctx: egui::Context::default(),
            app,
        }
    }

    fn run(&mut self) -> usize {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            ..Default::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.show(ui));
        output.textures_delta.clear();
        let triangles = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        triangles.len()
    }
}

fn configure(group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
}

criterion_group!(benches, frames, window_frames, plan_tab_frames);
criterion_main!(benches);
