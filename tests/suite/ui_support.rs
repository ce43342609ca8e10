//! What the `ui_*` tests share: the test window around a [`RelmapApp`], the apps to put in it, finding nodes on
//! the canvas, and driving the keyboard and the pointer the way a user would.
//!
//! This is not a test target of its own: cargo builds only `tests/*.rs` and `tests/*/main.rs`, and each
//! `ui_*.rs` file includes it with `mod ui_support;`.

// Each test crate compiles this module separately and uses only some of the helpers.
#![allow(dead_code)]
// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use egui::{Key, Modifiers, Pos2};
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, HarnessBuilder, Node};
use relmap::document::EditCommand;
use relmap::model::{NodeId, Workbook};
use relmap::ui::{RelmapApp, ScriptedFilePicker};

/// The size of the test window in points: room for the canvas, the inspector and the side panels.
pub(crate) const WINDOW_SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The time one frame of [`harness_with`] takes, as on a 60 Hz screen.
pub(crate) const STEP_DT: f32 = 1.0 / 60.0;

/// `app` in a test window of [`WINDOW_SIZE`], one frame every [`STEP_DT`], run until it settles.
pub(crate) fn harness_with(app: RelmapApp) -> Harness<'static, RelmapApp> {
    settled(
        Harness::builder()
            .with_size(WINDOW_SIZE)
            .with_step_dt(STEP_DT),
        app,
    )
}

/// `app` in a test window of [`WINDOW_SIZE`] with the frame time `egui_kittest` has by default (a quarter of a
/// second), run until it settles.
pub(crate) fn harness_with_default_step(app: RelmapApp) -> Harness<'static, RelmapApp> {
    settled(Harness::builder().with_size(WINDOW_SIZE), app)
}

/// A [`starter_app`] in a window from [`harness_with`].
pub(crate) fn starter_harness() -> Harness<'static, RelmapApp> {
    harness_with(starter_app())
}

/// How many frames a harness may run before the app must have settled: enough for nodes to glide to their new
/// places after a change (0.15 s, nine frames at 60 Hz) and for panels to settle their size.
pub(crate) const MAX_STEPS: u64 = 24;

/// Builds the harness that shows `app` and runs it until it settles.
fn settled(builder: HarnessBuilder<RelmapApp>, app: RelmapApp) -> Harness<'static, RelmapApp> {
    let mut harness = builder
        .with_max_steps(MAX_STEPS)
        .build_ui_state(|ui, app: &mut RelmapApp| app.show(ui), app);
    harness.run();
    harness
}

/// The app as a new window opens it without a file: the starter template, unsaved, with file dialogs that are
/// always cancelled.
pub(crate) fn starter_app() -> RelmapApp {
    app_with(ScriptedFilePicker::default())
}

/// The app opened without a file, whose file dialogs answer as `picker` is scripted to.
pub(crate) fn app_with(picker: ScriptedFilePicker) -> RelmapApp {
    RelmapApp::new(None, Box::new(picker))
}

/// Renames the root of the map open in `app` to `title`, as one edit that can be undone; returns the root.
pub(crate) fn rename_root(app: &mut RelmapApp, title: &str) -> NodeId {
    let root = app.document().workbook().map.root();
    app.apply(EditCommand::Rename {
        id: root,
        title: title.to_owned(),
    });
    root
}

/// `app` with unsaved changes: the root of its map renamed to "Jo" (the starter template calls it "You").
/// Returns the root too.
pub(crate) fn with_unsaved_changes(mut app: RelmapApp) -> (RelmapApp, NodeId) {
    let root = rename_root(&mut app, "Jo");
    (app, root)
}

/// Writes the example map (the Riverside library) to `riverside.ron` in `dir` and returns its path.
pub(crate) fn example_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("riverside.ron");
    relmap::storage::save(&path, &relmap::storage::example().unwrap()).unwrap();
    path
}

/// The workbook open in the app.
pub(crate) fn workbook<'a>(harness: &'a Harness<'_, RelmapApp>) -> &'a Workbook {
    harness.state().document().workbook()
}

/// The open workbook as it would be saved, to compare before and after: equal snapshots mean equal workbooks.
pub(crate) fn snapshot(harness: &Harness<'_, RelmapApp>) -> String {
    relmap::storage::to_string(workbook(harness))
}

/// The first node in `workbook` titled `title`; panics if there is none.
pub(crate) fn topic_titled(workbook: &Workbook, title: &str) -> NodeId {
    workbook
        .map
        .topics()
        .find(|t| t.title == title)
        .map(|t| t.id)
        .unwrap()
}

/// The first node titled `title` in the workbook open in the app; panics if there is none.
pub(crate) fn node_titled(harness: &Harness<'_, RelmapApp>, title: &str) -> NodeId {
    topic_titled(workbook(harness), title)
}

/// The title of node `id` in the workbook open in the app.
pub(crate) fn title_of(harness: &Harness<'_, RelmapApp>, id: NodeId) -> String {
    workbook(harness).map.topic(id).unwrap().title.clone()
}

/// The node titled `title` on the canvas, found as the only button with that label.
pub(crate) fn node<'a>(harness: &'a Harness<'_, RelmapApp>, title: &'a str) -> Node<'a> {
    harness.get_by_role_and_label(egui::accesskit::Role::Button, title)
}

/// Clicks the node titled `title` on the canvas and runs the app until it settles.
pub(crate) fn click_node(harness: &mut Harness<'_, RelmapApp>, title: &str) {
    node(harness, title).click();
    harness.run();
}

/// Presses and releases `key` and runs the app until it settles.
pub(crate) fn press(harness: &mut Harness<'_, RelmapApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// Presses and releases `key` with `modifiers` held and runs the app until it settles.
pub(crate) fn press_with(harness: &mut Harness<'_, RelmapApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Tells the app that exactly `modifiers` are held from now on (`Modifiers::NONE` to let go of them), as the
/// keyboard does when they go down or up. Nothing runs: the next frame sees the change.
pub(crate) fn hold(harness: &mut Harness<'_, RelmapApp>, modifiers: Modifiers) {
    harness.event(egui::Event::ModifiersChanged(modifiers));
}

/// Drags with the primary button from `from` to `to` in `steps` even moves, running the app after the press,
/// after each move and after the drop, so the app sees a drag and not a jump.
pub(crate) fn drag(harness: &mut Harness<'_, RelmapApp>, from: Pos2, to: Pos2, steps: u16) {
    harness.drag_at(from);
    harness.run();
    for step in 1..=steps {
        harness.hover_at(from + (to - from) * (f32::from(step) / f32::from(steps)));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

/// A [`drag`] with `modifiers` held from before the press until after the drop. The release of the modifiers
/// is sent but not yet run.
pub(crate) fn drag_holding(
    harness: &mut Harness<'_, RelmapApp>,
    modifiers: Modifiers,
    from: Pos2,
    to: Pos2,
    steps: u16,
) {
    hold(harness, modifiers);
    drag(harness, from, to, steps);
    hold(harness, Modifiers::NONE);
}

/// Clicks the primary button at `pos` (down for one frame, then up) and runs the app until it settles. Unlike
/// clicking a found widget, this reaches what has no widget of its own, such as a line on the canvas. It does
/// not move the pointer there first.
pub(crate) fn click_at(harness: &mut Harness<'_, RelmapApp>, pos: Pos2) {
    press_and_release(harness, pos);
    harness.run();
}

/// Double-clicks the primary button at `pos` (two clicks, one frame after the other) and runs the app until
/// it settles. It does not move the pointer there first.
pub(crate) fn double_click_at(harness: &mut Harness<'_, RelmapApp>, pos: Pos2) {
    for _ in 0..2 {
        press_and_release(harness, pos);
        harness.step();
    }
    harness.run();
}

/// Presses the primary button at `pos`, lets one frame pass, and releases it, without running the release.
fn press_and_release(harness: &mut Harness<'_, RelmapApp>, pos: Pos2) {
    primary_button(harness, pos, true);
    harness.step();
    primary_button(harness, pos, false);
}

/// Sends the primary button going down (`pressed`) or up at `pos`, with no modifiers held.
fn primary_button(harness: &mut Harness<'_, RelmapApp>, pos: Pos2, pressed: bool) {
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// A file as the windowing system hands it over when it is dropped on the window.
#[derive(Debug)]
pub(crate) struct Dropped(pub(crate) PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Fits the whole map to the window, as Ctrl+0 does, and runs the app until it settles. A map opens at a size
/// that can be read, which may leave some of it out of view; tests that reach every node start with this.
pub(crate) fn show_whole_map(harness: &mut Harness<'_, RelmapApp>) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(relmap::ui::AppCommand::FitMap, &ctx);
    harness.run();
}
