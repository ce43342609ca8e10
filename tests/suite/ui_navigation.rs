//! Finding, arranging and moving around the map through the real window with `egui_kittest`.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::ui::RelmapApp;

use ui_support::{
    example_file, harness_with, node, node_titled, press, press_with, snapshot, starter_app,
    starter_harness, topic_titled, workbook,
};

/// The app with the example map open.
fn example_app() -> RelmapApp {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(&dir);
    let mut app = starter_app();
    app.open_path(path);
    app
}

#[test]
fn ctrl_f_finds_nodes_by_their_profile_and_enter_steps_through_the_hits() {
    let mut harness = harness_with(example_app());
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    // "budget" is in a title, a strategy and people's interests.
    harness.get_by_label("Find:").type_text("budget");
    harness.run();
    let map = &workbook(&harness).map;
    let hits = relmap::model::find(map, "budget");
    assert!(hits.len() >= 3, "{hits:?}");
    harness.get_by_label(&format!("{} found", hits.len()));

    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().selected(), Some(hits[0]));
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().selected(), Some(hits[1]));
    press_with(&mut harness, Modifiers::SHIFT, Key::Enter);
    assert_eq!(harness.state().selected(), Some(hits[0]));
    harness.get_by_label(&format!("1 of {}", hits.len()));

    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label("Find:").is_none());
}

#[test]
fn finding_a_node_in_a_folded_branch_unfolds_it() {
    let mut app = example_app();
    let community = topic_titled(app.document().workbook(), "Community");
    app.apply(relmap::document::EditCommand::SetFolded {
        id: community,
        folded: true,
    });
    let mut harness = harness_with(app);
    press_with(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Find:").type_text("Nonprofits");
    harness.run();
    press(&mut harness, Key::Enter);
    let map = &workbook(&harness).map;
    assert!(!map.topic(community).unwrap().folded);
    assert_eq!(
        map.topic(harness.state().selected().unwrap())
            .unwrap()
            .title,
        "Nonprofits"
    );
}

#[test]
fn arranging_the_map_is_one_undo_step_and_leaves_no_overlap() {
    let mut harness = starter_harness();
    let before = snapshot(&harness);
    for shortcut in [Key::L, Key::R] {
        press_with(
            &mut harness,
            Modifiers::COMMAND | Modifiers::SHIFT,
            shortcut,
        );
        // The whole map in view, so that every node is on the canvas to be measured.
        press_with(&mut harness, Modifiers::COMMAND, Key::Num0);
        let map = &workbook(&harness).map;
        map.validate().unwrap();
        // Node boxes as drawn must not overlap after an automatic layout.
        let rects: Vec<egui::Rect> = map
            .topics()
            .map(|t| node(&harness, &t.title).rect())
            .collect();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                assert!(
                    !a.shrink(0.5).intersects(b.shrink(0.5)),
                    "{a:?} overlaps {b:?}"
                );
            }
        }
        press_with(&mut harness, Modifiers::COMMAND, Key::Z);
        assert_eq!(snapshot(&harness), before);
    }
}

#[test]
fn zoom_keys_change_the_zoom_and_ctrl_0_fits_again() {
    let mut harness = starter_harness();
    // The map opens at a size that can be read; Ctrl+0 fits all of it, which is smaller.
    let opened = node(&harness, "Staff").rect();
    press_with(&mut harness, Modifiers::COMMAND, Key::Num0);
    let staff = node(&harness, "Staff").rect();
    assert!(staff.width() < opened.width(), "{opened:?} -> {staff:?}");
    press_with(&mut harness, Modifiers::COMMAND, Key::Plus);
    let bigger = node(&harness, "Staff").rect();
    assert!(
        bigger.width() > staff.width() * 1.1,
        "{staff:?} -> {bigger:?}"
    );
    press_with(&mut harness, Modifiers::COMMAND, Key::Minus);
    press_with(&mut harness, Modifiers::COMMAND, Key::Minus);
    let smaller = node(&harness, "Staff").rect();
    assert!(smaller.width() < staff.width());
    press_with(&mut harness, Modifiers::COMMAND, Key::Num0);
    let fitted = node(&harness, "Staff").rect();
    assert!((fitted.width() - staff.width()).abs() < 1.0);
}

#[test]
fn clicking_the_minimap_moves_the_view() {
    let mut harness = starter_harness();
    press_with(&mut harness, Modifiers::COMMAND, Key::Plus);
    press_with(&mut harness, Modifiers::COMMAND, Key::Plus);
    let before = node(&harness, "You").rect();
    let minimap = harness.get_by_label("Minimap").rect();
    harness.get_by_label("Minimap").hover();
    harness.drag_at(minimap.left_top() + egui::vec2(8.0, 8.0));
    harness.drop_at(minimap.left_top() + egui::vec2(8.0, 8.0));
    harness.run();
    // The centre node moved far, or out of view altogether.
    let after = harness
        .query_by_role_and_label(egui::accesskit::Role::Button, "You")
        .map(|n| n.rect());
    assert!(
        after.is_none_or(|after| (after.center() - before.center()).length() > 50.0),
        "{before:?} -> {after:?}"
    );
}

#[test]
fn the_outline_selects_in_both_views_and_follows_the_keyboard() {
    let mut harness = starter_harness();
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    harness.get_by_label("Outline");
    let map = &workbook(&harness).map;
    let staff = node_titled(&harness, "Staff");
    let first_child = map.children(staff)[0];
    let second_child = map.children(staff)[1];

    // The outline row is a selectable button labelled with the title; the canvas node is another button.
    let rows: Vec<_> = harness.get_all_by_label("Staff").collect();
    assert!(
        rows.len() >= 2,
        "a row in the outline and a node on the canvas"
    );
    harness
        .get_all_by_label("Administrative team")
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(first_child));

    // The row has the keyboard now: Down goes to the next row, Left to the parent.
    press(&mut harness, Key::ArrowDown);
    assert_eq!(harness.state().selected(), Some(second_child));
    press(&mut harness, Key::ArrowLeft);
    assert_eq!(harness.state().selected(), Some(staff));

    harness.get_by_label("Fold Staff").click();
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .workbook()
            .map
            .topic(staff)
            .unwrap()
            .folded
    );
    assert!(harness.query_by_label("Administrative team").is_none());
}

fn wheel(
    harness: &mut Harness<'_, RelmapApp>,
    unit: egui::MouseWheelUnit,
    source: egui::MouseWheelSource,
    delta: egui::Vec2,
) {
    let at = harness.get_by_label("Map canvas").rect().center();
    harness.hover_at(at);
    harness.event(egui::Event::MouseWheel {
        unit,
        delta,
        phase: egui::TouchPhase::Move,
        source,
        modifiers: Modifiers::NONE,
    });
    // Hovering the canvas may open a tooltip, which repaints a few times before it settles.
    harness.run_steps(20);
}

#[test]
fn a_mouse_wheel_zooms_and_two_fingers_on_a_trackpad_pan() {
    let mut harness = starter_harness();
    let before = node(&harness, "Staff").rect();
    wheel(
        &mut harness,
        egui::MouseWheelUnit::Line,
        egui::MouseWheelSource::Wheel,
        egui::vec2(0.0, 2.0),
    );
    let zoomed = node(&harness, "Staff").rect();
    assert!(
        zoomed.width() > before.width() * 1.1,
        "{before:?} -> {zoomed:?}"
    );

    wheel(
        &mut harness,
        egui::MouseWheelUnit::Point,
        egui::MouseWheelSource::Trackpad,
        egui::vec2(-40.0, 25.0),
    );
    let panned = node(&harness, "Staff").rect();
    assert!(
        (panned.width() - zoomed.width()).abs() < 0.5,
        "panning does not zoom"
    );
    assert!(
        (panned.center() - zoomed.center() - egui::vec2(-40.0, 25.0)).length() < 1.0,
        "{zoomed:?} -> {panned:?}"
    );
}

#[test]
fn the_canvas_toolbar_fits_the_map() {
    let mut harness = starter_harness();
    ui_support::show_whole_map(&mut harness);
    let fitted = node(&harness, "Staff").rect();
    harness.get_by_label("Zoom in").click();
    harness.run();
    assert_ne!(node(&harness, "Staff").rect(), fitted);
    harness.get_by_label("Fit map to window").click();
    harness.run();
    let again = node(&harness, "Staff").rect();
    assert!((again.width() - fitted.width()).abs() < 0.5);
}

#[test]
fn the_map_stays_put_when_the_selection_is_cleared() {
    let mut harness = starter_harness();
    ui_support::click_node(&mut harness, "Staff");
    let before = node(&harness, "Community").rect();
    // With nothing selected the inspector shows one short line; the panel keeps its width all the same.
    press(&mut harness, Key::Escape);
    harness.get_by_label_contains("Select a node on the map");
    assert_eq!(node(&harness, "Community").rect(), before);
}

#[test]
fn folding_in_the_outline_reaches_the_outline_and_the_canvas_in_the_same_frame() {
    let mut harness = starter_harness();
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    // A row in the outline and a node on the canvas.
    assert_eq!(harness.get_all_by_label("Administrative team").count(), 2);

    harness.get_by_label("Fold Staff").click();
    // Frame by frame, every panel shows the same map: the branch is either in both views or in neither.
    for _ in 0..4 {
        harness.step();
        let shown = harness.query_all_by_label("Administrative team").count();
        assert!(
            shown == 2 || shown == 0,
            "{shown} of the outline row and the node are shown"
        );
    }
    assert_eq!(harness.query_all_by_label("Administrative team").count(), 0);
}
