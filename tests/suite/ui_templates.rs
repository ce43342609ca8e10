//! Starting a map: the welcome screen and File → New from template, through the window with `egui_kittest`.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::ui::{RelmapApp, ScriptedFilePicker};
use ui_support::harness_with;

fn root_title(harness: &Harness<'_, RelmapApp>) -> String {
    let map = &harness.state().document().workbook().map;
    map.topic(map.root()).unwrap().title.clone()
}

#[test]
fn the_welcome_screen_explains_relmap_and_starts_from_a_template() {
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.show_welcome();
    let mut harness = harness_with(app);
    harness.get_by_label("Welcome to relmap");
    harness.get_by_label_contains("Map the people and groups your library depends on");
    harness.get_by_label("Spheres of responsibility").click();
    harness.run();
    assert!(harness.query_by_label("Welcome to relmap").is_none());
    assert_eq!(root_title(&harness), "Director");
    assert_eq!(
        harness
            .state()
            .document()
            .workbook()
            .map
            .children(harness.state().document().workbook().map.root())
            .len(),
        6
    );
}

#[test]
fn the_welcome_screen_opens_the_example_as_a_new_map() {
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.show_welcome();
    let mut harness = harness_with(app);
    harness.get_by_label("Open the example map").click();
    harness.run();
    assert_eq!(root_title(&harness), "Maria Lopez, director");
    assert!(
        harness.state().document().path().is_none(),
        "saving never writes over the shipped example"
    );
}

#[test]
fn file_new_from_template_offers_the_three_templates() {
    let mut harness = harness_with(RelmapApp::new(
        None,
        Box::new(ScriptedFilePicker::default()),
    ));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New from template").click();
    harness.run();
    harness.get_by_label("Five key constituencies");
    harness.get_by_label("Spheres of responsibility");
    harness.get_by_label("Blank").click();
    harness.run();
    let map = &harness.state().document().workbook().map;
    assert_eq!(map.len(), 1);
    assert_eq!(
        harness.state().document().workbook().plan.checklist.len(),
        4
    );
}
