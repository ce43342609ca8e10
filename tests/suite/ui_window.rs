//! The window driven through its real widgets, found by their accessible labels, with `egui_kittest`.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use relmap::ui::{RelmapApp, ScriptedFilePicker};

use ui_support::{
    app_with, example_file, harness_with_default_step, node_titled, press_with, rename_root,
    starter_app, title_of, with_unsaved_changes,
};

#[test]
fn clicking_a_node_shows_its_title_in_the_inspector() {
    let mut harness = harness_with_default_step(starter_app());
    assert_eq!(
        harness.query_all_by_label("Staff").count(),
        1,
        "only the node itself before it is selected"
    );

    harness.get_by_label("Staff").click();
    harness.run();

    let staff = node_titled(&harness, "Staff");
    assert_eq!(harness.state().selected(), Some(staff));
    // The inspector edits the title of the selected node, and shows its profile.
    assert_eq!(
        harness.get_by_label("Node title").value().as_deref(),
        Some("Staff")
    );
    assert_eq!(
        harness.get_by_label("Strategy 2").value().as_deref(),
        Some("Spend time with staff beyond my direct reports")
    );
}

#[test]
fn a_new_window_opens_the_starter_template_with_the_root_selected() {
    let harness = harness_with_default_step(starter_app());
    let app = harness.state();
    let map = &app.document().workbook().map;
    assert_eq!(app.selected(), Some(map.root()));
    assert!(
        app.document().path().is_none(),
        "the template opens as a new, unsaved map"
    );
    assert!(!app.document().is_dirty());
    assert_eq!(app.window_title(), "Untitled — relmap");
    for constituency in [
        "Governing authority",
        "Staff",
        "Community",
        "Profession",
        "Self",
    ] {
        harness.get_by_label(constituency);
    }
}

#[test]
fn clicking_the_empty_canvas_clears_the_selection() {
    let mut harness = harness_with_default_step(starter_app());
    harness.get_by_label("Staff").click();
    harness.run();
    harness.get_by_label("Map canvas").click();
    harness.run();
    assert_eq!(harness.state().selected(), None);
    harness.get_by_label("Select a node on the map to see its relationship profile.");
}

#[test]
fn opening_a_file_through_a_typed_path_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(&dir);
    let mut harness = harness_with_default_step(starter_app());

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open path…").click();
    harness.run();
    harness
        .get_by_label("File path:")
        .type_text(&path.display().to_string());
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.document().path(), Some(path.as_path()));
    assert_eq!(app.window_title(), "riverside.ron — relmap");
    assert_eq!(app.selected(), Some(app.document().workbook().map.root()));
    // The inspector shows the selected root's title.
    assert_eq!(
        harness.get_by_label("Node title").value().as_deref(),
        Some("Maria Lopez, director")
    );
}

#[test]
fn a_file_that_cannot_be_read_is_reported_and_the_open_map_stays() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    let bytes = b"(format: \"relmap\", version: 1, nodes: [ (id: 1,";
    relmap::storage::write_atomically(&broken, bytes).unwrap();
    let mut app = starter_app();
    app.open_path(broken.clone());
    let mut harness = harness_with_default_step(app);

    let notice = &harness.state().notices()[0].text;
    assert!(
        notice.contains("broken.ron:1:"),
        "the message names the file and the place: {notice}"
    );
    assert!(
        harness.state().document().path().is_none(),
        "the starter map stays open"
    );
    assert_eq!(
        std::fs::read(&broken).unwrap(),
        bytes,
        "the broken file is untouched"
    );

    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().notices().is_empty());
}

#[test]
fn ctrl_o_opens_the_file_the_dialog_returns() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(&dir);
    let app = app_with(ScriptedFilePicker::answering([path.clone()]));
    let mut harness = harness_with_default_step(app);

    press_with(&mut harness, Modifiers::COMMAND, Key::O);

    assert_eq!(harness.state().document().path(), Some(path.as_path()));
}

#[test]
fn save_as_writes_the_file_and_names_the_window_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("my map");
    let app = app_with(ScriptedFilePicker::answering([target.clone()]));
    let mut harness = harness_with_default_step(app);

    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);

    let saved = dir.path().join("my map.ron");
    assert_eq!(harness.state().document().path(), Some(saved.as_path()));
    assert_eq!(harness.state().window_title(), "my map.ron — relmap");
    let loaded = relmap::storage::load(&saved).unwrap();
    assert_eq!(
        loaded.map.len(),
        harness.state().document().workbook().map.len()
    );
}

#[test]
fn an_edit_marks_the_title_and_saving_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(&dir);
    let mut app = starter_app();
    app.open_path(path.clone());
    let root = rename_root(&mut app, "Maria Lopez");
    let mut harness = harness_with_default_step(app);
    assert_eq!(harness.state().window_title(), "● riverside.ron — relmap");

    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(harness.state().window_title(), "riverside.ron — relmap");
    assert_eq!(
        relmap::storage::load(&path)
            .unwrap()
            .map
            .topic(root)
            .unwrap()
            .title,
        "Maria Lopez"
    );

    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().window_title(),
        "● riverside.ron — relmap",
        "undo past the save is a change"
    );
}

#[test]
fn without_a_dialog_backend_the_app_offers_to_type_a_path() {
    let app = app_with(ScriptedFilePicker::without_backend());
    let mut harness = harness_with_default_step(app);

    press_with(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label("Type a path to open…").click();
    harness.run();

    harness.get_by_label("File path:");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("File path:").is_none());
}

#[test]
fn new_asks_before_dropping_unsaved_changes() {
    let (app, root) = with_unsaved_changes(starter_app());
    let mut harness = harness_with_default_step(app);

    press_with(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Save changes to Untitled?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness.state().document().is_dirty(),
        "Cancel keeps the changes"
    );
    assert_eq!(title_of(&harness, root), "Jo");

    press_with(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Don't save").click();
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert_eq!(title_of(&harness, root), "You");
}

#[test]
fn the_edit_menu_undoes_and_redoes() {
    let (app, root) = with_unsaved_changes(starter_app());
    let mut harness = harness_with_default_step(app);

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label_contains("Undo rename").click();
    harness.run();
    assert_eq!(title_of(&harness, root), "You");

    press_with(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(title_of(&harness, root), "Jo");
}

#[test]
fn saving_from_the_unsaved_changes_question_saves_then_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mine.ron");
    let (app, root) =
        with_unsaved_changes(app_with(ScriptedFilePicker::answering([target.clone()])));
    let mut harness = harness_with_default_step(app);

    press_with(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Save").click();
    harness.run();

    assert_eq!(
        relmap::storage::load(&target)
            .unwrap()
            .map
            .topic(root)
            .unwrap()
            .title,
        "Jo"
    );
    let app = harness.state();
    assert!(
        app.document().path().is_none(),
        "after saving, New went on to a new map"
    );
    assert_eq!(
        app.document().workbook().map.topic(root).unwrap().title,
        "You"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let (app, _) = with_unsaved_changes(starter_app());
    let mut harness = harness_with_default_step(app);

    press_with(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("Save changes to Untitled?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness
            .query_by_label("Save changes to Untitled?")
            .is_none()
    );
    assert!(harness.state().document().is_dirty());
}

#[test]
fn a_missing_file_on_the_command_line_is_reported_and_the_starter_map_opens() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.ron");
    let app = RelmapApp::new(
        Some(missing.clone()),
        Box::new(ScriptedFilePicker::default()),
    );
    let harness = harness_with_default_step(app);

    let app = harness.state();
    assert!(
        app.notices()[0].text.contains("gone.ron"),
        "{:?}",
        app.notices()
    );
    assert!(
        app.document().path().is_none(),
        "the missing path is not taken over, so nothing is overwritten"
    );
    assert!(!missing.exists());
    harness.get_by_label("Governing authority");
}

#[test]
fn a_save_into_a_missing_folder_says_so_and_offers_another_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("No such folder").join("board.ron");
    let (app, _) = with_unsaved_changes(app_with(ScriptedFilePicker::answering([missing.clone()])));
    let mut harness = harness_with_default_step(app);

    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    let folder = missing.parent().unwrap().display().to_string();
    harness.get_by_label_contains(&format!("the folder {folder} does not exist"));
    assert!(harness.state().document().is_dirty(), "nothing was saved");
    assert!(!missing.exists());

    // The notice offers to type another path, starting from the one that failed.
    harness.get_by_label("Type a path to save to…").click();
    harness.run();
    let field = harness.get_by_label("File path:");
    assert_eq!(field.value().as_deref(), Some(missing.to_str().unwrap()));
}

#[test]
fn the_unsaved_changes_question_answers_from_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mine.ron");
    let (app, root) =
        with_unsaved_changes(app_with(ScriptedFilePicker::answering([target.clone()])));
    let mut harness = harness_with_default_step(app);

    // Escape is Cancel.
    press_with(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Save changes to Untitled?");
    press_with(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(
        harness
            .query_by_label("Save changes to Untitled?")
            .is_none()
    );
    assert_eq!(title_of(&harness, root), "Jo");

    // Save is the default button: it has the keyboard, and Enter presses it, as the end-to-end script does in
    // the real window.
    press_with(&mut harness, Modifiers::COMMAND, Key::N);
    assert!(harness.get_by_label("Save").is_focused());
    press_with(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(target.exists(), "Save saved the map");
    assert!(
        harness.state().document().path().is_none(),
        "then New went on"
    );
}
