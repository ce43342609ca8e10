//! The frame after an edit that re-flows the automatic layout, in the whole app with no window: the edit goes
//! through `RelmapApp::apply` (the document applies it and lays the map out again with the canvas's measure),
//! then one whole-window frame runs (menus, panels, the canvas rebuilding what changed, painting) and is
//! tessellated. Only that pair is timed; whatever sets up the next round (an undo, a fold) runs untimed.
//!
//! Three edits, at 1,000, 10,000 and 50,000 nodes: adding a child to a node halfway through the map,
//! moving a node up among its siblings (Ctrl+Up), and unfolding a branch of about 500 nodes. Each is measured
//! on the map as opened (the readable first view) and also zoomed to fit, where every node is drawn.
//! `frames_while_gliding` times the frames after the edit, while the moved nodes glide to their places.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Pos2, Rect, Vec2};
use relmap::document::EditCommand;
use relmap::model::{MindMap, NodeId, NodeKind, Topic};
use relmap::ui::{AppCommand, RelmapApp};

/// The window of the benchmarks, in points: a laptop screen.
const WINDOW: Vec2 = Vec2::new(1280.0, 800.0);

/// About how many nodes the unfolded branch holds.
const BRANCH: usize = 500;

/// The whole app with a map open, headless.
struct Window {
    ctx: egui::Context,
    app: RelmapApp,
    /// Keeps the map's file while the app has it open.
    _dir: tempfile::TempDir,
}

impl Window {
    fn open(n: usize, fit: bool) -> Window {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        relmap::storage::save(&path, &common::map_of(n)).unwrap();
        let app = RelmapApp::new(
            Some(path),
            Box::new(relmap::ui::ScriptedFilePicker::default()),
        );
        let mut window = Window {
            ctx: egui::Context::default(),
            app,
            _dir: dir,
        };
        window.settle();
        if fit {
            let ctx = window.ctx.clone();
            window.app.run(AppCommand::FitMap, &ctx);
            window.settle();
        }
        window
    }

    /// One whole-window frame, tessellated; returns the number of meshes so nothing is optimized away.
    fn frame(&mut self) -> usize {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            ..Default::default()
        };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.show(ui));
        output.textures_delta.clear();
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .len()
    }

    /// Runs frames until any glide has ended, as the window does between edits.
    fn settle(&mut self) {
        for _ in 0..3 {
            self.frame();
        }
        std::thread::sleep(Duration::from_millis(200));
        for _ in 0..2 {
            self.frame();
        }
    }

    fn map(&self) -> &MindMap {
        &self.app.document().workbook().map
    }

    fn undo(&mut self) {
        let ctx = self.ctx.clone();
        self.app.run(AppCommand::Undo, &ctx);
    }
}

/// The node halfway through the map in pre-order that has a parent and an earlier sibling.
fn middle_with_older_sibling(map: &MindMap) -> (NodeId, NodeId, usize) {
    let order = map.subtree(map.root());
    let start = order.len() / 2;
    order[start..]
        .iter()
        .chain(order[..start].iter())
        .find_map(|&id| {
            let parent = map.parent(id)?;
            let index = map.children(parent).iter().position(|&c| c == id)?;
            (index > 0).then_some((id, parent, index))
        })
        .expect("the generated map has siblings")
}

/// The node whose subtree is nearest [`BRANCH`] nodes, never the root.
fn branch_near_500(map: &MindMap) -> NodeId {
    let order = map.subtree(map.root());
    let mut size = std::collections::HashMap::with_capacity(order.len());
    for &id in order.iter().rev() {
        let below: usize = map.children(id).iter().map(|c| size[c]).sum();
        size.insert(id, below + 1);
    }
    order
        .iter()
        .filter(|&&id| id != map.root())
        .min_by_key(|&&id| (size[&id].abs_diff(BRANCH), id))
        .copied()
        .unwrap()
}

/// Times `edit` followed by one frame, over `iters` rounds; `reset` runs untimed after each round, with the
/// frames that let the glide end.
fn time_edit(
    window: &mut Window,
    iters: u64,
    mut edit: impl FnMut(&mut Window),
    mut reset: impl FnMut(&mut Window),
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        edit(window);
        black_box(window.frame());
        total += start.elapsed();
        reset(window);
        window.settle();
    }
    total
}

fn reflow(c: &mut Criterion) {
    // `RELMAP_BENCH_PROFILE=N` only runs 40 reorders and their undos at N nodes, each with its frame, for a
    // profiler to watch, and reports the time per edit and frame (wall clock, and on the CPU).
    if let Ok(n) = std::env::var("RELMAP_BENCH_PROFILE") {
        let n: usize = n.parse().unwrap();
        let mut window = Window::open(n, true);
        let (id, parent, index) = middle_with_older_sibling(window.map());
        let cpu = || -> u64 {
            std::fs::read_to_string("/proc/thread-self/schedstat")
                .ok()
                .and_then(|s| s.split_whitespace().next()?.parse().ok())
                .unwrap_or(0)
        };
        let cpu_start = cpu();
        let start = Instant::now();
        for _ in 0..40 {
            window.app.apply(EditCommand::Reparent {
                id,
                parent,
                index: index - 1,
            });
            window.frame();
            window.undo();
            window.frame();
        }
        eprintln!(
            "profile loop {:?} wall, {:.2} ms on the CPU",
            start.elapsed() / 80,
            (cpu() - cpu_start) as f64 / 80.0 / 1e6
        );
        return;
    }
    let mut group = c.benchmark_group("frame_after_reflow");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in common::sizes() {
        for (view, fit) in [("opened", false), ("fit", true)] {
            let mut window = Window::open(n, fit);

            let (id, parent, index) = middle_with_older_sibling(window.map());
            // A fresh id, free again after each undo.
            let last = window.map().sorted_ids().last().copied();
            let child = NodeId(last.map_or(1, |l| l.0 + 1));
            group.bench_function(BenchmarkId::new(format!("add_child/{view}"), n), |b| {
                b.iter_custom(|iters| {
                    time_edit(
                        &mut window,
                        iters,
                        |w| {
                            let children = w.map().children(id).len();
                            w.app.apply(EditCommand::AddNode {
                                parent: id,
                                index: children,
                                topic: Box::new(Topic::new(child, "New idea", NodeKind::Topic)),
                            });
                        },
                        Window::undo,
                    )
                });
            });

            group.bench_function(BenchmarkId::new(format!("reorder/{view}"), n), |b| {
                b.iter_custom(|iters| {
                    time_edit(
                        &mut window,
                        iters,
                        |w| {
                            w.app.apply(EditCommand::Reparent {
                                id,
                                parent,
                                index: index - 1,
                            });
                        },
                        Window::undo,
                    )
                });
            });

            let branch = branch_near_500(window.map());
            window.app.apply(EditCommand::SetFolded {
                id: branch,
                folded: true,
            });
            window.settle();
            group.bench_function(BenchmarkId::new(format!("unfold_500/{view}"), n), |b| {
                b.iter_custom(|iters| {
                    time_edit(
                        &mut window,
                        iters,
                        |w| {
                            w.app.apply(EditCommand::SetFolded {
                                id: branch,
                                folded: false,
                            });
                        },
                        Window::undo,
                    )
                });
            });
        }
    }
    group.finish();

    // The frames right after an edit, while the moved nodes glide (150 ms): the slowest of the frames the
    // glide takes, at one frame every 16 ms, as a real window runs them.
    let mut group = c.benchmark_group("frames_while_gliding");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for n in common::sizes() {
        let mut window = Window::open(n, true);
        let (id, parent, index) = middle_with_older_sibling(window.map());
        group.bench_function(BenchmarkId::new("reorder/fit/slowest", n), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    window.app.apply(EditCommand::Reparent {
                        id,
                        parent,
                        index: index - 1,
                    });
                    window.frame();
                    let mut slowest = Duration::ZERO;
                    for _ in 0..10 {
                        std::thread::sleep(Duration::from_millis(16));
                        let start = Instant::now();
                        black_box(window.frame());
                        slowest = slowest.max(start.elapsed());
                    }
                    total += slowest;
                    window.undo();
                    window.settle();
                }
                total
            });
        });
    }
    group.finish();
}

criterion_group!(benches, reflow);
criterion_main!(benches);
