//! The help window (F1) and the command palette (Ctrl+Shift+P), through the window with `egui_kittest`: both
//! list the commands of `AppCommand` with their shortcuts, and the palette runs the one chosen.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use ui_support::{click_node, press, press_with, starter_harness, workbook};

fn ctrl_shift() -> Modifiers {
    Modifiers::COMMAND | Modifiers::SHIFT
}

#[test]
fn f1_opens_the_help_with_the_shortcuts_and_escape_closes_it() {
    let mut harness = starter_harness();
    press(&mut harness, Key::F1);
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Where your files are");
    // Each shortcut next to its command, grouped as the menus are.
    harness.get_by_label("Drawing the map");
    harness.get_by_label("Add child");
    harness.get_by_label("Tab  or  Insert");
    harness.get_by_label("Command palette…");
    // The keys that move the keyboard between the parts of the window.
    harness.get_by_label("Next part of the window");
    harness.get_by_label("F6");
    harness.get_by_label("Shift+F6");
    harness.get_by_label("F10");
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
}

#[test]
fn the_help_menu_opens_the_help() {
    let mut harness = starter_harness();
    harness.get_by_label("Help").click();
    harness.run();
    harness
        .get_by_label_contains("Help and keyboard shortcuts")
        .click();
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
}

#[test]
fn the_palette_finds_a_command_by_name_and_enter_runs_it() {
    let mut harness = starter_harness();
    click_node(&mut harness, "You");
    let before = workbook(&harness).map.len();
    press_with(&mut harness, ctrl_shift(), Key::P);
    // Every command is listed at first, with its shortcut.
    harness.get_by_label_contains("Save As…");
    harness.get_by_label_contains("Export: Printable plan report");
    harness.get_by_label("Run a command").type_text("add child");
    harness.run();
    assert!(
        harness.query_by_label_contains("Save As…").is_none(),
        "the list narrows"
    );
    press(&mut harness, Key::Enter);
    assert!(
        harness.query_by_label("Run a command").is_none(),
        "the palette closes"
    );
    assert_eq!(
        workbook(&harness).map.len(),
        before + 1,
        "a child was added"
    );
}

#[test]
fn arrows_pick_a_command_in_the_palette_and_escape_closes_it_without_running_anything() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let before = workbook(&harness).map.len();
    press_with(&mut harness, ctrl_shift(), Key::P);
    harness
        .get_by_label("Run a command")
        .type_text("add sibling");
    harness.run();
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("Run a command").is_none());
    assert_eq!(workbook(&harness).map.len(), before);

    // "add sib" matches "Add sibling" and "Add sibling before"; Down picks the second.
    press_with(&mut harness, ctrl_shift(), Key::P);
    harness.get_by_label("Run a command").type_text("add sib");
    harness.run();
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::Enter);
    // The new sibling is in the map, before Staff, with its title being typed.
    let map = &workbook(&harness).map;
    assert_eq!(map.len(), before + 1);
    let root = map.root();
    let staff = ui_support::topic_titled(workbook(&harness), "Staff");
    let index = map.index_in_parent(staff).unwrap();
    assert_eq!(
        map.children(root)[index - 1],
        map.sorted_ids()[map.len() - 1]
    );
}

#[test]
fn the_welcome_screen_says_where_help_is() {
    let mut app = ui_support::starter_app();
    app.show_welcome();
    let mut harness = ui_support::harness_with(app);
    harness.get_by_label_contains("Press F1 at any time for help");
    // Escape leaves the welcome screen; F1 then opens the help it promised.
    press(&mut harness, Key::Escape);
    press(&mut harness, Key::F1);
    harness.get_by_label("Keyboard shortcuts");
}

#[test]
fn f1_opens_the_help_while_the_welcome_screen_is_up() {
    let mut app = ui_support::starter_app();
    app.show_welcome();
    let mut harness = ui_support::harness_with(app);
    press(&mut harness, Key::F1);
    harness.get_by_label("Keyboard shortcuts");
    assert!(
        harness
            .query_by_label_contains("Press F1 at any time for help")
            .is_none(),
        "the welcome screen stepped aside for the help"
    );
}

#[test]
fn the_health_ratings_say_what_they_mean_when_hovered() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Community");
    harness.get_by_label("Needs attention").hover();
    // Tooltips appear after the pointer rests a moment (half a second).
    for _ in 0..90 {
        harness.step();
    }
    harness.get_by_label("Something is slipping: plan a contact or a strategy");
}

#[test]
fn the_row_under_the_mouse_is_the_picked_one_so_one_row_is_marked_and_enter_runs_it() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let before = workbook(&harness).map.len();
    press_with(&mut harness, ctrl_shift(), Key::P);
    harness.get_by_label("Run a command").type_text("add sib");
    harness.run();
    // The first row is picked; the mouse moves onto the second.
    let second = harness
        .get_all_by_label_contains("Add sibling before")
        .next()
        .unwrap()
        .rect()
        .center();
    harness.hover_at(second);
    harness.run();
    let marked = harness
        .get_all_by_label_contains("Add sibling")
        .filter(|row| row.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True))
        .count();
    assert_eq!(marked, 1, "one row is marked");
    press(&mut harness, Key::Enter);
    let map = &workbook(&harness).map;
    assert_eq!(map.len(), before + 1);
    let staff = ui_support::topic_titled(workbook(&harness), "Staff");
    let index = map.index_in_parent(staff).unwrap();
    assert_eq!(
        map.children(map.root())[index - 1],
        map.sorted_ids()[map.len() - 1],
        "Enter ran the row under the mouse: the new node is before Staff"
    );
}
