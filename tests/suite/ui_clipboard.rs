//! Copy, cut and paste of subtrees through the window with `egui_kittest`.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::ui::RelmapApp;

use ui_support::{click_node, node_titled, press_with, snapshot, starter_harness, workbook};

/// The text the app put on the clipboard in the last frame.
fn copied(harness: &Harness<'_, RelmapApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn copying_a_branch_and_pasting_it_elsewhere_duplicates_it_in_one_undo_step() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Self");
    harness.event(egui::Event::Copy);
    harness.step();
    let text = copied(&harness).expect("the branch went to the clipboard");
    assert!(
        text.starts_with("Self\n  Health: exercise, sleep, food\n"),
        "{text}"
    );
    harness.run();

    click_node(&mut harness, "Profession");
    let before = snapshot(&harness);
    let size = workbook(&harness).map.len();
    harness.event(egui::Event::Paste(text));
    harness.run();

    let map = &workbook(&harness).map;
    assert_eq!(map.len(), size + 5, "Self and its four children");
    let profession = node_titled(&harness, "Profession");
    let pasted = *map.children(profession).last().unwrap();
    assert_eq!(map.topic(pasted).unwrap().title, "Self");
    assert_eq!(
        harness.state().selected(),
        Some(pasted),
        "the pasted branch is selected"
    );
    let original = map
        .topics()
        .find(|t| t.title == "Self" && t.id != pasted)
        .unwrap();
    assert_eq!(
        map.topic(pasted).unwrap().profile,
        original.profile,
        "profiles come along"
    );
    map.validate().unwrap();

    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn cutting_removes_the_branch_after_copying_it() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Community");
    harness.event(egui::Event::Cut);
    harness.step();
    assert!(copied(&harness).unwrap().starts_with("Community\n"));
    harness.run();
    assert!(harness.query_by_label("Community").is_none());
}

#[test]
fn pasting_an_indented_list_from_another_program_creates_a_subtree() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    harness.event(egui::Event::Paste(
        "Volunteers\n\t- Teen advisory group\n\t- Friends of the library\n".to_owned(),
    ));
    harness.run();
    let map = &workbook(&harness).map;
    let volunteers = node_titled(&harness, "Volunteers");
    let children: Vec<&str> = map
        .children(volunteers)
        .iter()
        .map(|&c| map.topic(c).unwrap().title.as_str())
        .collect();
    assert_eq!(children, ["Teen advisory group", "Friends of the library"]);
}

/// The Edit menu's items are labelled with their shortcut, as egui names a button with shortcut text.
#[test]
fn the_edit_menu_copies_cuts_and_asks_the_window_to_paste() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Self");
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy Ctrl+C").click();
    harness.step();
    let text = copied(&harness).expect("the menu's Copy put the branch on the clipboard");
    assert!(text.starts_with("Self\n"), "{text}");
    harness.run();

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Paste Ctrl+V").click();
    harness.step();
    let asked = harness.output().viewport_output[&egui::ViewportId::ROOT]
        .commands
        .contains(&egui::ViewportCommand::RequestPaste);
    assert!(asked, "the window is asked for the clipboard's text");
    harness.run();

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Cut Ctrl+X").click();
    harness.run();
    assert!(harness.query_by_label("Self").is_none());
}

#[test]
fn a_paste_that_would_nest_the_map_deeper_than_relmap_opens_is_refused() {
    let mut harness = starter_harness();
    let nodes = (0..relmap::model::MAX_LEVELS)
        .map(|i| relmap::interchange::FragmentNode {
            parent: i.checked_sub(1),
            title: format!("level {i}"),
            ..relmap::interchange::FragmentNode::default()
        })
        .collect();
    let fragment = relmap::interchange::Fragment {
        nodes,
        links: Vec::new(),
    };
    let before = snapshot(&harness);
    click_node(&mut harness, "You");
    harness.event(egui::Event::Paste(relmap::interchange::to_clipboard_text(
        &fragment,
    )));
    harness.run();
    assert_eq!(snapshot(&harness), before, "nothing was pasted");
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.contains("at most 2000 levels")),
        "{:?}",
        harness.state().notices()
    );
}
