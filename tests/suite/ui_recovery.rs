//! Recovery copies while there are unsaved changes, and restoring one after a crash, through the window.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable as _;
use relmap::document::EditCommand;
use relmap::storage::RecoveryStore;
use relmap::ui::{RelmapApp, ScriptedFilePicker};
use ui_support::harness_with;

/// Waits for the background thread that writes recovery copies.
fn wait_for(condition: impl Fn() -> bool) {
    let start = Instant::now();
    while !condition() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(condition(), "timed out");
}

#[test]
fn unsaved_changes_are_copied_for_recovery_and_saving_removes_the_copy() {
    let data = tempfile::tempdir().unwrap();
    let maps = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(data.path().to_owned());
    let copy = data
        .path()
        .join(format!("recovery-{}.ron", std::process::id()));
    // The map has no file yet: Ctrl+S asks where to save it, and the dialog answers `target`.
    let target = maps.path().join("saved.ron");
    let mut app = RelmapApp::new(
        None,
        Box::new(ScriptedFilePicker::answering([target.clone()])),
    );
    app.set_recovery_store(store);
    let root = app.document().workbook().map.root();
    app.apply(EditCommand::Rename {
        id: root,
        title: "Jo".to_owned(),
    });
    let mut harness = harness_with(app);

    wait_for(|| copy.exists() && relmap::storage::load(&copy).is_ok());
    let recovered = relmap::storage::load(&copy).unwrap();
    assert_eq!(recovered.map.topic(root).unwrap().title, "Jo");

    // Saving through the window makes the copy unnecessary.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert_eq!(harness.state().document().path(), Some(target.as_path()));
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        relmap::storage::load(&target)
            .unwrap()
            .map
            .topic(root)
            .unwrap()
            .title,
        "Jo"
    );
    wait_for(|| !copy.exists());
}

#[test]
fn a_copy_left_by_a_crash_is_offered_and_restored_unsaved_over_its_file() {
    let data = tempfile::tempdir().unwrap();
    let maps = tempfile::tempdir().unwrap();
    let original = maps.path().join("plan.ron");
    relmap::storage::save(&original, &relmap::storage::starter().unwrap()).unwrap();
    let mut changed = relmap::storage::starter().unwrap();
    let root = changed.map.root();
    changed.map.topic_mut(root).unwrap().title = "Work not saved".into();
    let store = RecoveryStore::at(data.path().to_owned());
    // A process id that no running process has.
    store
        .write(
            u32::MAX - 7,
            Some(&original),
            &relmap::storage::to_string(&changed),
        )
        .unwrap();

    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.set_recovery_store(store.clone());
    assert!(app.offers_recovery());
    let mut harness = harness_with(app);
    harness.get_by_label("Restore unsaved work?");
    harness.get_by_label("Restore").click();
    harness.run();

    let app = harness.state();
    assert_eq!(
        app.document().workbook().map.topic(root).unwrap().title,
        "Work not saved"
    );
    assert_eq!(app.document().path(), Some(original.as_path()));
    assert!(
        app.document().is_dirty(),
        "the restored work is not in the file yet"
    );
    // The restored copy is gone; the running window keeps its own copy while the work is unsaved.
    assert!(
        !data
            .path()
            .join(format!("recovery-{}.ron", u32::MAX - 7))
            .exists()
    );
}

#[test]
fn discarding_a_recovery_copy_deletes_it() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(data.path().to_owned());
    store
        .write(
            u32::MAX - 8,
            None,
            &relmap::storage::to_string(&relmap::storage::starter().unwrap()),
        )
        .unwrap();
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.set_recovery_store(store.clone());
    let mut harness = harness_with(app);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!harness.state().offers_recovery());
    assert!(store.orphans(&|_| false).is_empty());
}
