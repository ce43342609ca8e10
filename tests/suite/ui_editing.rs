//! Editing the map from the keyboard and the mouse, through the real window with `egui_kittest`. After each
//! action, undo must restore the previous workbook exactly.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::ui::RelmapApp;

use ui_support::{
    click_at, click_node, double_click_at, drag, drag_holding, node, node_titled, press,
    press_with, show_whole_map, snapshot, starter_harness, title_of, workbook,
};

/// Types `text` into the title being edited.
fn type_title(harness: &mut Harness<'_, RelmapApp>, text: &str) {
    harness.get_by_label("Title").type_text(text);
    harness.run();
}

/// Undoes the last edit with the keyboard.
fn undo(harness: &mut Harness<'_, RelmapApp>) {
    press_with(harness, Modifiers::COMMAND, Key::Z);
}

#[test]
fn tab_adds_a_child_whose_title_is_typed_and_enter_confirms() {
    let mut harness = starter_harness();
    let before = snapshot(&harness);
    let root = workbook(&harness).map.root();

    press(&mut harness, Key::Tab);
    assert!(harness.state().is_editing_title());
    type_title(&mut harness, "Board");
    press(&mut harness, Key::Enter);

    let board = node_titled(&harness, "Board");
    assert_eq!(workbook(&harness).map.parent(board), Some(root));
    assert_eq!(harness.state().selected(), Some(board));
    assert!(!harness.state().is_editing_title());
    assert!(harness.state().document().is_dirty());
    workbook(&harness).map.validate().unwrap();

    undo(&mut harness);
    assert_eq!(
        snapshot(&harness),
        before,
        "adding and naming is one undo step"
    );
}

#[test]
fn enter_adds_a_sibling_after_and_shift_enter_before() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    let root = workbook(&harness).map.root();
    let staff_index = workbook(&harness).map.index_in_parent(staff).unwrap();

    press(&mut harness, Key::Enter);
    type_title(&mut harness, "Volunteers");
    press(&mut harness, Key::Enter);
    let after = node_titled(&harness, "Volunteers");
    assert_eq!(
        workbook(&harness).map.index_in_parent(after),
        Some(staff_index + 1)
    );

    click_node(&mut harness, "Staff");
    press_with(&mut harness, Modifiers::SHIFT, Key::Enter);
    type_title(&mut harness, "Unions");
    press(&mut harness, Key::Enter);
    let before = node_titled(&harness, "Unions");
    assert_eq!(workbook(&harness).map.parent(before), Some(root));
    assert_eq!(
        workbook(&harness).map.index_in_parent(before),
        Some(staff_index)
    );
}

#[test]
fn escape_while_typing_a_new_node_takes_it_back() {
    let mut harness = starter_harness();
    let before = snapshot(&harness);
    press(&mut harness, Key::Tab);
    type_title(&mut harness, "Nothing");
    press(&mut harness, Key::Escape);
    assert!(!harness.state().is_editing_title());
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn f2_renames_and_escape_cancels_and_shift_enter_breaks_the_line() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    let before = snapshot(&harness);

    press(&mut harness, Key::F2);
    type_title(&mut harness, "Team");
    press(&mut harness, Key::Escape);
    assert_eq!(title_of(&harness, staff), "Staff", "Escape cancels");

    press(&mut harness, Key::F2);
    type_title(&mut harness, "Our");
    press_with(&mut harness, Modifiers::SHIFT, Key::Enter);
    type_title(&mut harness, "team");
    press(&mut harness, Key::Enter);
    assert_eq!(title_of(&harness, staff), "Our\nteam");

    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn typing_on_a_selected_node_replaces_its_title_and_escape_brings_it_back() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    let before = snapshot(&harness);

    // Letters typed on the map, with no field focused, start a new title.
    harness.event(egui::Event::Text("Te".to_owned()));
    harness.run();
    assert!(harness.state().is_editing_title());
    type_title(&mut harness, "am");
    press(&mut harness, Key::Enter);
    assert_eq!(title_of(&harness, staff), "Team");
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);

    harness.event(egui::Event::Text("X".to_owned()));
    harness.run();
    press(&mut harness, Key::Escape);
    assert_eq!(title_of(&harness, staff), "Staff", "Escape cancels");
    assert_eq!(snapshot(&harness), before);

    // Space still folds, and with several nodes selected typing does nothing.
    press_with(&mut harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("Z".to_owned()));
    harness.run();
    assert!(!harness.state().is_editing_title());
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn double_clicking_a_node_edits_its_title() {
    let mut harness = starter_harness();
    // The inspector changes with the selection, so select first: the node then stays put for both clicks.
    click_node(&mut harness, "Community");
    // Two clicks one frame apart count as a double-click.
    node(&harness, "Community").click();
    harness.step();
    node(&harness, "Community").click();
    harness.step();
    harness.run();
    assert!(harness.state().is_editing_title());
}

#[test]
fn delete_removes_the_selection_with_its_subtree_and_the_root_stays() {
    let mut harness = starter_harness();
    let before = snapshot(&harness);
    click_node(&mut harness, "Community");
    let community = node_titled(&harness, "Community");
    let size = workbook(&harness).map.len();

    press(&mut harness, Key::Delete);
    assert!(!workbook(&harness).map.contains(community));
    assert_eq!(
        workbook(&harness).map.len(),
        size - 9,
        "Community and its eight sectors"
    );
    assert_eq!(
        harness.state().selected(),
        Some(workbook(&harness).map.root())
    );

    press(&mut harness, Key::Backspace);
    assert_eq!(
        workbook(&harness).map.len(),
        size - 9,
        "the root cannot be deleted"
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.contains("cannot be deleted"))
    );

    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn shift_tab_inserts_a_parent() {
    let mut harness = starter_harness();
    show_whole_map(&mut harness);
    click_node(&mut harness, "Mentors");
    let mentors = node_titled(&harness, "Mentors");
    let profession = node_titled(&harness, "Profession");
    let before = snapshot(&harness);

    press_with(&mut harness, Modifiers::SHIFT, Key::Tab);
    type_title(&mut harness, "People who guide me");
    press(&mut harness, Key::Enter);

    let inserted = node_titled(&harness, "People who guide me");
    assert_eq!(workbook(&harness).map.parent(mentors), Some(inserted));
    assert_eq!(workbook(&harness).map.parent(inserted), Some(profession));
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn arrows_move_the_selection_between_parent_child_and_siblings() {
    let mut harness = starter_harness();
    let root = workbook(&harness).map.root();
    let staff = node_titled(&harness, "Staff");
    click_node(&mut harness, "Staff");

    press(&mut harness, Key::ArrowLeft);
    assert_eq!(
        harness.state().selected(),
        Some(root),
        "left of a right-hand node is its parent"
    );
    press(&mut harness, Key::ArrowRight);
    assert_eq!(
        harness.state().selected(),
        Some(staff),
        "right of the root is its nearest right-hand child"
    );
    press(&mut harness, Key::ArrowRight);
    let child = harness.state().selected().unwrap();
    assert_eq!(
        workbook(&harness).map.parent(child),
        Some(staff),
        "right goes to a child"
    );
    press(&mut harness, Key::ArrowDown);
    let below = harness.state().selected().unwrap();
    assert_ne!(below, child);
    assert_eq!(workbook(&harness).map.parent(below), Some(staff));
    press(&mut harness, Key::ArrowUp);
    assert_eq!(harness.state().selected(), Some(child));
}

#[test]
fn space_folds_and_ctrl_arrows_reorder() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Community");
    let community = node_titled(&harness, "Community");
    let before = snapshot(&harness);

    press(&mut harness, Key::Space);
    assert!(workbook(&harness).map.topic(community).unwrap().folded);
    assert!(
        harness.query_by_label("Media").is_none(),
        "folded children are hidden"
    );
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);

    let index = workbook(&harness).map.index_in_parent(community).unwrap();
    press_with(&mut harness, Modifiers::COMMAND, Key::ArrowUp);
    assert_eq!(
        workbook(&harness).map.index_in_parent(community),
        Some(index - 1)
    );
    press_with(&mut harness, Modifiers::COMMAND, Key::ArrowDown);
    assert_eq!(
        workbook(&harness).map.index_in_parent(community),
        Some(index)
    );
}

#[test]
fn undoing_a_delete_selects_the_restored_node_not_its_parent() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Community");
    let community = node_titled(&harness, "Community");
    press(&mut harness, Key::Delete);
    assert_eq!(
        harness.state().selected(),
        Some(workbook(&harness).map.root())
    );

    undo(&mut harness);
    assert_eq!(harness.state().selected(), Some(community));
    assert_eq!(harness.state().selection().len(), 1);
    // So the next Delete takes the same branch again, not the parent with everything under it.
    let size = workbook(&harness).map.len();
    press(&mut harness, Key::Delete);
    assert_eq!(workbook(&harness).map.len(), size - 9);
}

#[test]
fn ctrl_a_then_delete_removes_everything_but_the_root_and_undo_brings_it_back() {
    let mut harness = starter_harness();
    let before = snapshot(&harness);
    let root = workbook(&harness).map.root();
    let first_level = workbook(&harness).map.children(root).to_vec();
    press_with(&mut harness, Modifiers::COMMAND, Key::A);
    press(&mut harness, Key::Delete);
    assert_eq!(workbook(&harness).map.len(), 1, "only the root stays");
    assert_eq!(harness.state().selected(), Some(root));

    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
    let mut selected = harness.state().selection().nodes().to_vec();
    selected.sort_unstable();
    let mut expected = first_level;
    expected.sort_unstable();
    assert_eq!(selected, expected, "the restored branches are selected");
}

#[test]
fn ctrl_a_selects_everything_and_escape_clears() {
    let mut harness = starter_harness();
    press_with(&mut harness, Modifiers::COMMAND, Key::A);
    assert_eq!(
        harness.state().selection().len(),
        workbook(&harness).map.len()
    );
    press(&mut harness, Key::Escape);
    assert!(harness.state().selection().is_empty());
}

#[test]
fn ctrl_click_adds_to_the_selection() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    node(&harness, "Self").click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().selection().len(), 2);
    node(&harness, "Self").click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().selection().len(), 1);
}

#[test]
fn typing_in_a_text_field_never_edits_the_map() {
    let mut harness = starter_harness();
    let before = snapshot(&harness);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open path…").click();
    harness.run();
    harness.get_by_label("File path:").type_text("a\tb");
    harness.run();
    press(&mut harness, Key::Delete);
    press(&mut harness, Key::Tab);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn shift_dragging_a_node_nudges_its_branch_as_one_undo_step() {
    let mut harness = starter_harness();
    let self_node = node_titled(&harness, "Self");
    let before = snapshot(&harness);
    let start = workbook(&harness).map.topic(self_node).unwrap().pos;
    let children: Vec<_> = workbook(&harness).map.children(self_node).to_vec();
    let child_start = workbook(&harness).map.topic(children[0]).unwrap().pos;

    let at = node(&harness, "Self").rect().center();
    // Shift held as the node is let go nudges it to that spot.
    drag_holding(
        &mut harness,
        Modifiers::SHIFT,
        at,
        at + egui::vec2(0.0, 80.0),
        10,
    );

    let moved = workbook(&harness).map.topic(self_node).unwrap().pos;
    assert!(moved.y > start.y + 20.0, "{start:?} -> {moved:?}");
    let child_moved = workbook(&harness).map.topic(children[0]).unwrap().pos;
    assert!(
        (child_moved.y - child_start.y - (moved.y - start.y)).abs() < 0.5,
        "the branch moves along"
    );
    assert_eq!(harness.state().document().undo_depth(), 1);
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn dropping_a_node_onto_another_reparents_it() {
    let mut harness = starter_harness();
    show_whole_map(&mut harness);
    let mentors = node_titled(&harness, "Mentors");
    let self_node = node_titled(&harness, "Self");
    let before = snapshot(&harness);

    let from = node(&harness, "Mentors").rect().center();
    let to = node(&harness, "Self").rect().center();
    drag(&mut harness, from, to, 10);

    assert_eq!(workbook(&harness).map.parent(mentors), Some(self_node));
    workbook(&harness).map.validate().unwrap();
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn the_context_menu_gives_a_node_a_colour_and_an_icon() {
    let mut harness = starter_harness();
    let staff = node_titled(&harness, "Staff");
    let before = snapshot(&harness);
    node(&harness, "Staff").click_secondary();
    harness.run();
    harness.get_by_label("Colour").click();
    harness.run();
    harness.get_by_label("Green").click();
    harness.run();
    assert_eq!(
        workbook(&harness)
            .map
            .topic(staff)
            .unwrap()
            .color
            .map(relmap::model::Rgb::to_hex),
        Some("#1f8a70".to_owned())
    );

    node(&harness, "Staff").click_secondary();
    harness.run();
    harness.get_by_label("Icon").click();
    harness.run();
    harness.get_by_label_contains("Star").click();
    harness.run();
    assert_eq!(
        workbook(&harness).map.topic(staff).unwrap().icon,
        Some(relmap::model::Icon::Star)
    );

    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

/// The middle of a cross-link's curve on screen, computed as the canvas draws it.
fn middle_of_link(harness: &Harness<'_, RelmapApp>, from: &str, to: &str) -> egui::Pos2 {
    let start = node(harness, from).rect().center();
    let end = node(harness, to).rect().center();
    let centre = node(harness, "You").rect().center();
    let chord = end - start;
    let mut normal = egui::vec2(-chord.y, chord.x) * 0.35;
    let middle = start + chord * 0.5;
    if (middle + normal - centre).length() < (middle - normal - centre).length() {
        normal = -normal;
    }
    let control = middle + normal;
    egui::pos2(
        0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
        0.25 * start.y + 0.5 * control.y + 0.25 * end.y,
    )
}

#[test]
fn alt_dragging_links_two_nodes_and_the_link_can_be_labelled_and_deleted() {
    let mut harness = starter_harness();
    show_whole_map(&mut harness);
    let before = snapshot(&harness);
    let from = node(&harness, "Mentors").rect().center();
    let to = node(&harness, "Staff culture").rect().center();
    drag_holding(&mut harness, Modifiers::ALT, from, to, 8);
    harness.run();

    let map = &workbook(&harness).map;
    assert_eq!(map.link_count(), 1);
    let link = map.links().next().unwrap().clone();
    assert_eq!(map.topic(link.from).unwrap().title, "Mentors");
    assert_eq!(map.topic(link.to).unwrap().title, "Staff culture");

    // A click on the dashed line selects the link, and the inspector edits its label.
    let at = middle_of_link(&harness, "Mentors", "Staff culture");
    harness.hover_at(at);
    harness.run();
    click_at(&mut harness, at);
    harness.get_by_label("Cross-link");
    harness.get_by_label("Label:").focus();
    harness.run();
    harness.get_by_label("Label:").type_text("learns from");
    harness.run();
    assert_eq!(
        workbook(&harness).map.link(link.id).unwrap().label,
        "learns from"
    );
    assert!(
        harness.state().document().undo_depth() == 2,
        "the typed label is one undo step"
    );

    harness.get_by_label("Delete link").click();
    harness.run();
    assert_eq!(workbook(&harness).map.link_count(), 0);
    undo(&mut harness);
    assert_eq!(
        workbook(&harness).map.link(link.id).unwrap().label,
        "learns from"
    );
    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn shift_dragging_the_background_selects_with_a_rubber_band() {
    let mut harness = starter_harness();
    show_whole_map(&mut harness);
    let a = node(&harness, "Board of trustees").rect();
    let b = node(&harness, "Funding and budget").rect();
    let start = a.left_top() - egui::vec2(10.0, 10.0);
    let end = b.right_bottom() + egui::vec2(10.0, 10.0);
    drag_holding(&mut harness, Modifiers::SHIFT, start, end, 6);
    assert_eq!(
        harness.state().selection().len(),
        3,
        "the three children of Governing authority"
    );
}

#[test]
fn double_clicking_the_empty_canvas_adds_a_node_there() {
    let mut harness = starter_harness();
    let size = workbook(&harness).map.len();
    // Straight above the centre, where no branch runs, and clear of the plan panel below the canvas.
    let at = node(&harness, "You").rect().center() + egui::vec2(0.0, -120.0);
    double_click_at(&mut harness, at);
    assert!(harness.state().is_editing_title());
    type_title(&mut harness, "Local press");
    press(&mut harness, Key::Enter);
    let map = &workbook(&harness).map;
    assert_eq!(map.len(), size + 1);
    let press_node = node_titled(&harness, "Local press");
    assert_eq!(map.parent(press_node), Some(map.root()));
}

#[test]
fn a_branch_is_never_dropped_into_itself() {
    let mut harness = starter_harness();
    show_whole_map(&mut harness);
    let from = node(&harness, "Self").rect().center();
    let to = node(&harness, "Downtime").rect().center();
    drag(&mut harness, from, to, 8);
    // The dragged branch moves with the pointer and its own nodes are never drop targets, so dropping it over
    // one of its children moves it; it never becomes its own descendant.
    workbook(&harness).map.validate().unwrap();
    let self_node = node_titled(&harness, "Self");
    assert_eq!(
        workbook(&harness).map.parent(self_node),
        Some(workbook(&harness).map.root())
    );
}

#[test]
fn a_child_added_to_a_folded_node_unfolds_it_and_escape_takes_both_back() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Community");
    press(&mut harness, Key::Space);
    let folded = snapshot(&harness);
    let community = node_titled(&harness, "Community");
    assert!(workbook(&harness).map.topic(community).unwrap().folded);

    press(&mut harness, Key::Tab);
    assert!(
        !workbook(&harness).map.topic(community).unwrap().folded,
        "the new child is visible"
    );
    press(&mut harness, Key::Escape);
    assert_eq!(snapshot(&harness), folded);
}

#[test]
fn a_new_node_past_the_edge_pans_the_map_just_enough_to_show_it() {
    let mut harness = starter_harness();
    show_whole_map(&mut harness);
    click_node(&mut harness, "Nonprofits");
    // The inspector starts where the canvas ends.
    let canvas_right = harness.get_by_label("Node title").rect().min.x;
    // Each new child lands further right, until the last would be past the edge of the canvas.
    for title in [
        "Library foundation",
        "Friends group",
        "Book sale volunteers",
    ] {
        press(&mut harness, Key::Tab);
        type_title(&mut harness, title);
        press(&mut harness, Key::Enter);
    }
    let last = node(&harness, "Book sale volunteers").rect();
    let first = node(&harness, "Nonprofits").rect();
    // Whole and clear of the edge, but no further: the map is not re-centred on it.
    assert!(
        last.max.x <= canvas_right - 30.0 && last.max.x >= canvas_right - 60.0,
        "{last:?} against the canvas edge at {canvas_right}"
    );
    assert!(first.width() > 20.0, "Nonprofits left the view: {first:?}");
}

#[test]
fn a_person_added_under_a_group_is_a_person() {
    let mut harness = starter_harness();
    show_whole_map(&mut harness);
    click_node(&mut harness, "Board of trustees");
    press(&mut harness, Key::Tab);
    type_title(&mut harness, "Chair: Sam Okafor");
    press(&mut harness, Key::Enter);
    let chair = node_titled(&harness, "Chair: Sam Okafor");
    let kind = workbook(&harness).map.topic(chair).unwrap().kind;
    assert_eq!(kind, relmap::model::NodeKind::Person);
    // The inspector says so.
    assert_eq!(
        harness.get_by_label("Kind").value().as_deref(),
        Some("Person")
    );
}
