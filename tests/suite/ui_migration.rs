//! Opening a map in an older format version, through the window with `egui_kittest`: it opens read-only and
//! asks whether to upgrade the file, save an upgraded copy, or keep it read-only, and each answer does what it
//! says to the files on disk.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::storage;
use relmap::ui::{RelmapApp, ScriptedFilePicker};
use ui_support::harness_with;

const QUESTION: &str = "old.ron is in an older format";

/// A copy of the version-0 fixture in `dir`.
fn old_file(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/version-0.ron");
    let path = dir.join("old.ron");
    std::fs::copy(fixture, &path).unwrap();
    path
}

fn opened(path: &Path, picker: ScriptedFilePicker, data: &Path) -> Harness<'static, RelmapApp> {
    let mut app = RelmapApp::new(None, Box::new(picker));
    app.set_backup_store(storage::BackupStore::at(data.to_owned()));
    app.open_path(path.to_owned());
    harness_with(app)
}

#[test]
fn kept_read_only_the_map_refuses_edits_and_never_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = old_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    let mut harness = opened(&path, ScriptedFilePicker::default(), data.path());

    harness.get_by_label(QUESTION);
    harness.get_by_label("Open read-only").click();
    harness.run();
    assert!(harness.query_by_label(QUESTION).is_none());
    assert!(harness.state().document().is_read_only());
    assert!(harness.state().window_title().contains("(read-only)"));
    harness.get_by_label("Read-only: an older format");

    // Tab would add a child to the selected root.
    let nodes = harness.state().document().workbook().map.len();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(harness.state().document().workbook().map.len(), nodes);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // The status bar asks again.
    harness.get_by_label("Upgrade…").click();
    harness.run();
    harness.get_by_label(QUESTION);
}

#[test]
fn upgrading_writes_the_new_format_and_keeps_the_old_file_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = old_file(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let mut harness = opened(&path, ScriptedFilePicker::default(), data.path());

    harness.get_by_label("Upgrade this file").click();
    harness.run();
    let upgraded = storage::open(&path).unwrap();
    assert_eq!(upgraded.version, storage::CURRENT_VERSION);
    assert_eq!(
        std::fs::read_to_string(storage::backup_path(&path)).unwrap(),
        before
    );
    let doc = harness.state().document();
    assert!(!doc.is_read_only() && !doc.is_dirty());
    assert_eq!(
        storage::to_string(doc.workbook()),
        storage::to_string(&upgraded.workbook)
    );

    // Now it can be changed.
    let nodes = doc.workbook().map.len();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(harness.state().document().workbook().map.len(), nodes + 1);
}

#[test]
fn an_upgraded_copy_leaves_the_old_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = old_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    let copy = dir.path().join("new.ron");
    let mut harness = opened(
        &path,
        ScriptedFilePicker::answering([copy.clone()]),
        data.path(),
    );

    harness.get_by_label("Save an upgraded copy…").click();
    harness.run();
    harness.run();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        storage::open(&copy).unwrap().version,
        storage::CURRENT_VERSION
    );
    let doc = harness.state().document();
    assert_eq!(doc.path(), Some(copy.as_path()));
    assert!(!doc.is_read_only());
}

#[test]
fn saving_a_read_only_map_asks_for_a_new_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = old_file(dir.path());
    let before = std::fs::read(&path).unwrap();
    let copy = dir.path().join("copy.ron");
    let mut harness = opened(
        &path,
        ScriptedFilePicker::answering([copy.clone()]),
        data.path(),
    );
    harness.get_by_label("Open read-only").click();
    harness.run();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.run();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(copy.exists());
}
