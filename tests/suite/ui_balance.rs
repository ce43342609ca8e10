//! The balance overview through the real window with `egui_kittest`: one labelled row per constituency, and a
//! click on a row selects that constituency on the map.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::model::NodeId;
use relmap::ui::{RelmapApp, ScriptedFilePicker};

/// The example map, opened from a file, on the date its contact log was written for.
fn harness(dir: &tempfile::TempDir) -> Harness<'static, RelmapApp> {
    let path = dir.path().join("riverside.ron");
    relmap::storage::save(&path, &relmap::storage::example().unwrap()).unwrap();
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(path);
    app.set_today(chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut RelmapApp| app.show(ui), app);
    harness.run();
    // The plan panel may hold the balance overview behind a tab; open it when there is one.
    let tab = harness.query_all_by_label("Balance").next();
    if let Some(tab) = tab {
        tab.click();
        harness.run();
    }
    harness
}

fn node_titled(harness: &Harness<'_, RelmapApp>, title: &str) -> NodeId {
    let map = &harness.state().document().workbook().map;
    map.topics().find(|t| t.title == title).unwrap().id
}

#[test]
fn every_constituency_has_a_labelled_row() {
    let dir = tempfile::tempdir().unwrap();
    let harness = harness(&dir);
    for title in [
        "Governing authority",
        "Staff",
        "Community",
        "Profession",
        "Self",
    ] {
        let label = format!("Balance of {title}");
        assert!(
            harness
                .query_by_role_and_label(Role::Button, &label)
                .is_some(),
            "no row labelled {label}"
        );
    }
}

#[test]
fn clicking_the_community_row_selects_the_community_node() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    let community = node_titled(&harness, "Community");
    assert_ne!(harness.state().selected(), Some(community));
    harness
        .get_by_role_and_label(Role::Button, "Balance of Community")
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(community));
    assert!(
        !harness.state().document().is_dirty(),
        "selecting is not an edit"
    );
}

#[test]
fn clicking_another_row_moves_the_selection_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    harness
        .get_by_role_and_label(Role::Button, "Balance of Community")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Balance of Self")
        .click();
    harness.run();
    let own = node_titled(&harness, "Self");
    assert_eq!(harness.state().selected(), Some(own));
}
