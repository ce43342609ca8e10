//! Peak memory after opening a map, at every size of `common::sizes()`.
//!
//! Memory is a property of a whole process, so each measurement runs in a fresh one: for each size this
//! program writes the generated map to a temporary file, then runs itself again with `RELMAP_MEMORY_CHILD`
//! naming the file and `RELMAP_MEMORY_STAGE` saying what to do with it:
//!
//! - `document`: read the file with `relmap::storage::open` and make a `Document` of it, as far as a program
//!   without a window gets;
//! - `app`: start the real app with the file (`RelmapApp::new`) and draw a few frames of the whole window
//!   headlessly, in a 1280 × 800 window, tessellated as for the screen.
//!
//! The child then reads its peak (`VmHWM`) and current (`VmRSS`) resident memory from `/proc/self/status` and
//! prints them; the parent prints the table, with the targets of BENCHMARKS.md (the app at 10,000 nodes in
//! 150 MB, at 50,000 in 400 MB). MB here are mebibytes. The child's `HOME` and XDG folders point into a
//! temporary folder, so it never touches the real user's files.
//!
//! `cargo bench --bench memory` measures; `cargo test` runs it at 1,000 nodes only and checks that the
//! children worked. Linux only, as `/proc` is.

// A benchmark may fail loudly on its own setup (a temporary folder, a map it generated itself).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use relmap::ui::{RelmapApp, ScriptedFilePicker};

/// Names the map file the child opens; set only in a child.
const CHILD: &str = "RELMAP_MEMORY_CHILD";
/// What the child does with it: `document` or `app`.
const STAGE: &str = "RELMAP_MEMORY_STAGE";
/// The window the app draws into, in points: a laptop screen.
const WINDOW: egui::Vec2 = egui::vec2(1280.0, 800.0);
/// How many frames the app draws. The first one already lays out and draws everything; the next ones let
/// anything computed lazily or kept from frame to frame (text layout caches, the canvas's own state) settle,
/// as in a window that has been open a moment.
const FRAMES: usize = 3;

fn main() {
    if let Some(path) = std::env::var_os(CHILD) {
        let stage = std::env::var(STAGE).unwrap_or_default();
        child(Path::new(&path), &stage);
        return;
    }
    parent();
}

/// Opens the map, reads the memory figures and prints them as `<peak KiB> <current KiB>`.
fn child(path: &Path, stage: &str) {
    match stage {
        "document" => {
            let loaded = relmap::storage::open(path).unwrap();
            let doc = relmap::document::Document::new(loaded.workbook, Some(path.to_owned()));
            assert!(doc.workbook().map.len() > 1);
            report();
            drop(doc);
        }
        "app" => {
            let mut app = RelmapApp::new(
                Some(path.to_owned()),
                Box::new(ScriptedFilePicker::default()),
            );
            assert!(app.notices().is_empty(), "{:?}", app.notices());
            assert!(app.document().workbook().map.len() > 1);
            let ctx = egui::Context::default();
            for _ in 0..FRAMES {
                let input = egui::RawInput {
                    screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, WINDOW)),
                    ..Default::default()
                };
                let mut output = ctx.run_ui(input, |ui| app.show(ui));
                let shapes = std::mem::take(&mut output.shapes);
                let triangles = ctx.tessellate(shapes, output.pixels_per_point);
                assert!(!triangles.is_empty());
                // There is no GPU to hand the font atlas to; egui checks in debug builds that this is said.
                output.drop_without_applying_deltas();
            }
            report();
            drop(app);
        }
        other => panic!("unknown {STAGE} {other:?}"),
    }
}

fn report() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let field = |name: &str| -> u64 {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    };
    println!("{} {}", field("VmHWM"), field("VmRSS"));
}

/// Peak and current resident memory of one child, in KiB.
struct Figures {
    peak: u64,
    current: u64,
}

fn run_child(exe: &Path, map: &Path, home: &Path, stage: &str) -> Figures {
    let output = Command::new(exe)
        .env(CHILD, map)
        .env(STAGE, stage)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the {stage} child failed on {}: {}\n{}",
        map.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let numbers: Vec<u64> = text
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect();
    let [peak, current] = numbers[..] else {
        panic!("the {stage} child printed {text:?}");
    };
    Figures { peak, current }
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The target for the app's peak memory at `n` nodes, in MB, where BENCHMARKS.md sets one.
fn target(n: usize) -> Option<f64> {
    match n {
        10_000 => Some(150.0),
        50_000 => Some(400.0),
        _ => None,
    }
}

fn parent() {
    let exe = std::env::current_exe().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let mut rows = Vec::new();
    for n in common::sizes() {
        let map: PathBuf = dir.path().join(format!("map-{n}.ron"));
        relmap::storage::save(&map, &common::map_of(n)).unwrap();
        let document = run_child(&exe, &map, &home, "document");
        let app = run_child(&exe, &map, &home, "app");
        rows.push((n, document, app));
    }
    if !common::measuring() {
        println!("memory: the children ran at {:?} nodes", common::sizes());
        return;
    }
    println!();
    println!("Resident memory after opening a map (MB = MiB; peak = VmHWM, RSS = VmRSS)");
    println!();
    println!(
        "{:>7} | {:>13} | {:>8} | {:>15} | {:>10} | {:>8}",
        "N", "peak RSS MB", "RSS MB", "document peak", "document", "target"
    );
    println!(
        "{:->7}-+-{:->13}-+-{:->8}-+-{:->15}-+-{:->10}-+-{:->8}",
        "", "", "", "", "", ""
    );
    for (n, document, app) in rows {
        let goal = target(n).map_or_else(
            || "-".to_owned(),
            |mb| {
                let verdict = if mib(app.peak) <= mb { "met" } else { "MISSED" };
                format!("≤ {mb:.0} {verdict}")
            },
        );
        println!(
            "{n:>7} | {:>13.1} | {:>8.1} | {:>15.1} | {:>10.1} | {goal}",
            mib(app.peak),
            mib(app.current),
            mib(document.peak),
            mib(document.current),
        );
    }
    println!();
    println!(
        "peak RSS and RSS: the app with the map open after {FRAMES} frames of a 1280 × 800 window;"
    );
    println!("document: the map read with storage::open into a Document, without the app.");
}
