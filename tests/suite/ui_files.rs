//! Recent files and dropping a file on the window, through the window with `egui_kittest`.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::ui::{RelmapApp, ScriptedFilePicker};
use ui_support::harness_with;

fn saved_example(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    relmap::storage::save(&path, &relmap::storage::example().unwrap()).unwrap();
    std::fs::canonicalize(path).unwrap()
}

#[test]
fn opened_files_are_listed_newest_first_and_reopen_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let first = saved_example(dir.path(), "first.ron");
    let second = saved_example(dir.path(), "second.ron");
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(first.clone());
    app.open_path(second.clone());
    assert_eq!(app.recent_files(), [second.clone(), first.clone()]);
    let mut harness = harness_with(app);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").click();
    harness.run();
    harness.get_by_label("first.ron").click();
    harness.run();
    assert_eq!(harness.state().document().path(), Some(first.as_path()));
    assert_eq!(harness.state().recent_files(), [first, second]);
}

#[test]
fn a_missing_recent_file_is_shown_as_missing_and_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    let gone = saved_example(dir.path(), "gone.ron");
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(gone.clone());
    app.open_path(saved_example(dir.path(), "kept.ron"));
    std::fs::remove_file(&gone).unwrap();
    let mut harness = harness_with(app);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").click();
    harness.run();
    harness.get_by_label("gone.ron (missing)");
    harness.get_by_label("Remove").click();
    harness.run();
    assert_eq!(harness.state().recent_files().len(), 1);
    assert!(!gone.exists(), "a missing file is never recreated");
}

#[test]
fn dropping_a_map_on_the_window_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_example(dir.path(), "dropped.ron");
    let mut harness = harness_with(RelmapApp::new(
        None,
        Box::new(ScriptedFilePicker::default()),
    ));
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(ui_support::Dropped(path.clone())));
    harness.run();
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
}

fn renamed_root_on_disk(path: &Path, title: &str) {
    let mut workbook = relmap::storage::load(path).unwrap();
    let root = workbook.map.root();
    title.clone_into(&mut workbook.map.topic_mut(root).unwrap().title);
    relmap::storage::save(path, &workbook).unwrap();
}

fn root_title(harness: &Harness<'_, RelmapApp>) -> String {
    let map = &harness.state().document().workbook().map;
    map.topic(map.root()).unwrap().title.clone()
}

#[test]
fn a_change_made_elsewhere_is_noticed_and_can_be_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_example(dir.path(), "shared.ron");
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(path.clone());
    let mut harness = harness_with(app);

    renamed_root_on_disk(&path, "Changed in another window");
    // Three seconds of frames: the file is checked every two.
    harness.run_steps(180);
    harness.get_by_label("shared.ron changed on disk");
    harness.get_by_label("Reload").click();
    harness.run();
    assert_eq!(root_title(&harness), "Changed in another window");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn keeping_mine_makes_the_next_save_ask_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_example(dir.path(), "shared.ron");
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(path.clone());
    let mut harness = harness_with(app);

    renamed_root_on_disk(&path, "Theirs");
    harness.run_steps(180);
    harness.get_by_label("Keep mine").click();
    harness.run();
    assert!(
        harness.state().document().is_dirty(),
        "the map here now differs from the file"
    );
    assert_eq!(root_title(&harness), "Maria Lopez, director");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.get_by_label("Overwrite shared.ron?");
    harness.get_by_label("Overwrite").click();
    harness.run();
    assert_eq!(
        relmap::storage::load(&path)
            .unwrap()
            .map
            .topic(relmap::model::NodeId(1))
            .unwrap()
            .title,
        "Maria Lopez, director"
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn each_save_over_a_file_keeps_a_timestamped_backup() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let path = saved_example(dir.path(), "kept.ron");
    let store = relmap::storage::BackupStore::at(data.path().to_owned());
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.set_backup_store(store.clone());
    app.open_path(path.clone());
    let root = app.document().workbook().map.root();
    app.apply(relmap::document::EditCommand::Rename {
        id: root,
        title: "Maria".to_owned(),
    });
    let mut harness = harness_with(app);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let backups = store.list(&path);
    assert_eq!(backups.len(), 1);
    let backup = relmap::storage::load(&backups[0]).unwrap();
    assert_eq!(
        backup.map.topic(root).unwrap().title,
        "Maria Lopez, director",
        "the version before the save"
    );
}

/// Whether the last frame told the window to close.
fn asked_to_close(harness: &Harness<'_, RelmapApp>) -> bool {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|viewport| viewport.commands.contains(&egui::ViewportCommand::Close))
}

#[test]
fn a_dismissed_save_failure_forgets_what_was_waiting_for_the_save() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("No such folder").join("board.ron");
    let other = dir.path().join("other.ron");
    let (app, root) =
        ui_support::with_unsaved_changes(ui_support::app_with(ScriptedFilePicker::answering([
            missing,
            other.clone(),
        ])));
    let mut harness = ui_support::harness_with_default_step(app);

    // New asks about the changes; Save picks a path in a folder that does not exist, and the save fails.
    ui_support::press_with(&mut harness, egui::Modifiers::COMMAND, egui::Key::N);
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label_contains("does not exist");
    harness.get_by_label("Dismiss").click();
    harness.run();

    // Later, an unrelated Save As works. It must not go on to start the new map the failed save was for.
    ui_support::press_with(
        &mut harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    assert!(other.exists(), "the Save As wrote the file");
    let app = harness.state();
    assert_eq!(app.document().path(), Some(other.as_path()));
    assert_eq!(ui_support::title_of(&harness, root), "Jo");
}

#[test]
fn saving_over_a_change_made_elsewhere_then_goes_on_to_quit() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_example(dir.path(), "shared.ron");
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(path.clone());
    let mut harness = harness_with(app);
    renamed_root_on_disk(&path, "Theirs");
    harness.run_steps(180);
    harness.get_by_label("Keep mine").click();
    harness.run();

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    harness.get_by_label("Save changes to shared.ron?");
    harness.get_by_label("Save").click();
    harness.run();
    harness.get_by_label("Overwrite shared.ron?");
    harness.get_by_label("Overwrite").click();
    harness.step();
    assert_eq!(
        relmap::storage::load(&path)
            .unwrap()
            .map
            .topic(relmap::model::NodeId(1))
            .unwrap()
            .title,
        "Maria Lopez, director"
    );
    assert!(
        asked_to_close(&harness),
        "the Quit that asked to save goes on"
    );
}

#[test]
fn enter_in_the_unsaved_changes_question_saves_and_goes_on_to_quit() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_example(dir.path(), "board.ron");
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(path.clone());
    ui_support::rename_root(&mut app, "Jo");
    let mut harness = harness_with(app);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    harness.get_by_label("Save changes to board.ron?");
    // Save is the question's default button: it has the keyboard, so Enter presses it.
    assert!(harness.get_by_label("Save").is_focused());
    // Only the key's press: the harness keeps the output of the last event's frame, and the release's frame
    // would hide the request to close.
    harness.event(egui::Event::Key {
        key: egui::Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    let closed = asked_to_close(&harness);
    let root = relmap::storage::load(&path).unwrap();
    assert_eq!(root.map.topic(root.map.root()).unwrap().title, "Jo");
    assert!(closed, "the Quit goes on after the save");
}
