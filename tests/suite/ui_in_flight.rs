//! Text still being typed is applied before any command runs, through the real window with `egui_kittest`:
//! a new node's title typed on the map, and a field of the inspector that applies when it is left (the tags).
//! Each way of giving a command is covered: a key, a menu, the command palette, and closing the window.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::ui::RelmapApp;

use ui_support::{
    click_node, example_file, harness_with, node_titled, press, press_with, starter_app, workbook,
};

/// The example map opened from a file in `dir`, with "Staff" selected and a new child of it whose title
/// "Board liaison" is typed but not confirmed. Returns the harness and the file's path.
fn typing_a_new_title(
    dir: &tempfile::TempDir,
) -> (Harness<'static, RelmapApp>, std::path::PathBuf) {
    let path = example_file(dir);
    let mut app = starter_app();
    app.open_path(path.clone());
    let mut harness = harness_with(app);
    click_node(&mut harness, "Staff");
    press(&mut harness, Key::Tab);
    assert!(harness.state().is_editing_title());
    harness.get_by_label("Title").type_text("Board liaison");
    harness.run();
    assert!(harness.state().is_editing_title());
    (harness, path)
}

/// Whether the map saved at `path` has a node titled `title`.
fn saved_has(path: &std::path::Path, title: &str) -> bool {
    relmap::storage::load(path)
        .unwrap()
        .map
        .topics()
        .any(|t| t.title == title)
}

#[test]
fn ctrl_s_while_a_title_is_typed_saves_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = typing_a_new_title(&dir);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(
        saved_has(&path, "Board liaison"),
        "the typed title was not saved"
    );
    assert!(!harness.state().document().is_dirty());
    // Typing goes on where it was, as in a text editor after a save: it adds to the title, never replaces it.
    assert!(harness.state().is_editing_title());
    harness.event(egui::Event::Text(" chair".into()));
    harness.run();
    press(&mut harness, Key::Enter);
    assert!(!harness.state().is_editing_title());
    assert_eq!(
        ui_support::title_of(&harness, node_titled(&harness, "Board liaison chair")),
        "Board liaison chair"
    );
    assert!(harness.state().document().is_dirty());
}

#[test]
fn save_from_the_file_menu_while_a_title_is_typed_saves_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = typing_a_new_title(&dir);
    harness.get_by_label("File").click();
    harness.run();
    // The menu item shows its shortcut after its name; "Save" comes first, before "Save As…".
    harness
        .get_all_by_label_contains("Save")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        saved_has(&path, "Board liaison"),
        "the typed title was not saved"
    );
}

#[test]
fn save_from_the_command_palette_while_a_title_is_typed_saves_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = typing_a_new_title(&dir);
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.get_by_label("Run a command").type_text("save");
    harness.run();
    press(&mut harness, Key::Enter);
    assert!(
        saved_has(&path, "Board liaison"),
        "the typed title was not saved"
    );
}

#[test]
fn closing_the_window_while_a_title_is_typed_asks_to_save_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(&dir);
    let mut app = starter_app();
    app.open_path(path);
    let mut harness = harness_with(app);
    click_node(&mut harness, "Staff");
    // Typing over a selected node renames it: the map itself is unchanged until the title is confirmed.
    harness.event(egui::Event::Text("Team".into()));
    harness.run();
    assert!(harness.state().is_editing_title());
    assert!(!harness.state().document().is_dirty());
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert!(
        harness.query_by_label("Don't save").is_some(),
        "the window closed without asking about the typed title"
    );
    assert!(harness.state().document().is_dirty());
    assert_eq!(
        workbook(&harness)
            .map
            .topic(node_titled(&harness, "Team"))
            .map(|t| t.title.as_str()),
        Some("Team")
    );
}

#[test]
fn ctrl_s_while_typing_tags_saves_the_tags() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(&dir);
    let mut app = starter_app();
    app.open_path(path.clone());
    let mut harness = harness_with(app);
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    harness.get_by_label("Tags").focus();
    harness.run();
    harness.get_by_label("Tags").type_text("union, payroll");
    harness.run();
    // The tags apply when the field is left; nothing changed yet.
    let typed = vec!["union".to_owned(), "payroll".to_owned()];
    assert_ne!(workbook(&harness).map.topic(staff).unwrap().tags, typed);
    press_with(&mut harness, Modifiers::COMMAND, Key::S);
    let saved = relmap::storage::load(&path).unwrap();
    assert_eq!(saved.map.topic(staff).unwrap().tags, typed);
    // The field goes on showing what was typed, now from the map.
    assert_eq!(
        harness.get_by_label("Tags").value().as_deref(),
        Some("union, payroll")
    );
}
