//! The map keeps itself laid out in the real window (`egui_kittest`): nodes move on the canvas when the
//! structure changes, glide there, and branches keep their colours.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::model::{Arrangement, NodeId};
use relmap::ui::RelmapApp;

use ui_support::{click_node, node, node_titled, press, press_with, starter_harness, workbook};

/// The centre of the node titled `title` on screen.
fn on_screen(harness: &Harness<'_, RelmapApp>, title: &str) -> egui::Pos2 {
    node(harness, title).rect().center()
}

/// The first-level branches of the open map with their palette colours.
fn palettes(harness: &Harness<'_, RelmapApp>) -> Vec<(NodeId, Option<u8>)> {
    let map = &workbook(harness).map;
    map.children(map.root())
        .iter()
        .map(|&id| (id, map.topic(id).unwrap().palette))
        .collect()
}

#[test]
fn a_new_map_is_laid_out_as_a_tree() {
    let harness = starter_harness();
    assert_eq!(workbook(&harness).arrangement, Arrangement::Tree);
}

#[test]
fn ctrl_up_moves_the_node_up_on_the_canvas() {
    let mut harness = starter_harness();
    let map = &workbook(&harness).map;
    let second = map.children(map.root())[1];
    let first = map.children(map.root())[0];
    let title = map.topic(second).unwrap().title.clone();
    let above = map.topic(first).unwrap().title.clone();
    assert!(on_screen(&harness, &title).y > on_screen(&harness, &above).y);

    click_node(&mut harness, &title);
    press_with(&mut harness, Modifiers::COMMAND, Key::ArrowUp);

    assert!(
        on_screen(&harness, &title).y < on_screen(&harness, &above).y,
        "the node now stands above the sibling it passed"
    );
}

#[test]
fn nodes_glide_to_their_new_places_and_then_rest() {
    let mut harness = starter_harness();
    let map = &workbook(&harness).map;
    let second = map.children(map.root())[1];
    let title = map.topic(second).unwrap().title.clone();
    let start = on_screen(&harness, &title);
    click_node(&mut harness, &title);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowUp);
    // One frame after the change the node is on its way, not yet there.
    harness.step();
    harness.step();
    let during = on_screen(&harness, &title);
    harness.run();
    let end = on_screen(&harness, &title);
    assert!(
        (during.y - start.y).abs() > 0.5 && (during.y - end.y).abs() > 0.5,
        "start {start:?}, during {during:?}, end {end:?}"
    );
}

#[test]
fn unfolding_shows_the_children_next_to_their_parent() {
    let mut harness = starter_harness();
    let map = &workbook(&harness).map;
    let branch = map.children(map.root())[0];
    let title = map.topic(branch).unwrap().title.clone();
    let child = map.children(branch)[0];
    let child_title = map.topic(child).unwrap().title.clone();

    click_node(&mut harness, &title);
    press(&mut harness, Key::Space);
    assert!(workbook(&harness).map.topic(branch).unwrap().folded);
    assert!(harness.query_by_label(&child_title).is_none());
    press(&mut harness, Key::Space);

    let parent = node(&harness, &title).rect();
    let child = node(&harness, &child_title).rect();
    assert!(
        (child.center().y - parent.center().y).abs() < 200.0,
        "{child:?} beside {parent:?}"
    );
    assert!(
        (child.center().x - parent.center().x).abs() < parent.width() + child.width() + 80.0,
        "{child:?} beside {parent:?}"
    );
}

#[test]
fn deleting_a_branch_does_not_change_any_other_branch_colour() {
    let mut harness = starter_harness();
    let before = palettes(&harness);
    let gone = before[2].0;
    let title = workbook(&harness).map.topic(gone).unwrap().title.clone();
    click_node(&mut harness, &title);
    press(&mut harness, Key::Delete);
    let expected: Vec<_> = before.into_iter().filter(|&(id, _)| id != gone).collect();
    assert_eq!(palettes(&harness), expected);
}

#[test]
fn a_new_child_of_staff_stays_beside_staff() {
    let mut harness = starter_harness();
    let staff = node_titled(&harness, "Staff");
    for title in ["Deputy", "Branch managers"] {
        click_node(&mut harness, "Staff");
        press(&mut harness, Key::Tab);
        harness.get_by_label("Title").type_text(title);
        harness.run();
        press(&mut harness, Key::Enter);
    }
    let map = &workbook(&harness).map;
    let managers = node_titled(&harness, "Branch managers");
    assert_eq!(map.parent(managers), Some(staff));
    // Nothing of another branch lies between Staff and its new child.
    let (top, bottom) = {
        let a = on_screen(&harness, "Staff").y;
        let b = on_screen(&harness, "Branch managers").y;
        (a.min(b), a.max(b))
    };
    for &other in map.children(map.root()) {
        if other == staff {
            continue;
        }
        let title = map.topic(other).unwrap().title.clone();
        let y = on_screen(&harness, &title).y;
        let same_side = (on_screen(&harness, &title).x > on_screen(&harness, "You").x)
            == (on_screen(&harness, "Staff").x > on_screen(&harness, "You").x);
        assert!(
            !(same_side && y > top && y < bottom),
            "{title} stands between Staff and its child"
        );
    }
}

#[test]
fn choosing_free_placement_keeps_nodes_where_they_are_and_tree_lays_them_out_again() {
    let mut harness = starter_harness();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Place nodes freely").click();
    harness.run();
    assert_eq!(workbook(&harness).arrangement, Arrangement::Free);
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    assert_eq!(workbook(&harness).arrangement, Arrangement::Tree);
}

/// The first-level branches on `side`, top to bottom.
fn branches_on(harness: &Harness<'_, RelmapApp>, side: relmap::model::Side) -> Vec<NodeId> {
    let map = &workbook(harness).map;
    map.children(map.root())
        .iter()
        .copied()
        .filter(|&id| map.topic(id).unwrap().side == Some(side))
        .collect()
}

#[test]
fn dragging_a_branch_between_two_on_the_other_side_moves_it_there_in_one_undo_step() {
    use relmap::model::Side;
    let mut harness = starter_harness();
    ui_support::show_whole_map(&mut harness);
    let before = ui_support::snapshot(&harness);
    let moved = branches_on(&harness, Side::Right)[0];
    let left = branches_on(&harness, Side::Left);
    assert!(
        left.len() >= 2,
        "the starter map has two branches on the left"
    );
    let (upper, lower) = (
        ui_support::title_of(&harness, left[0]),
        ui_support::title_of(&harness, left[1]),
    );
    let title = ui_support::title_of(&harness, moved);

    let (a, b) = (on_screen(&harness, &upper), on_screen(&harness, &lower));
    let between = egui::pos2(a.x, f32::midpoint(a.y, b.y));
    let from = on_screen(&harness, &title);
    ui_support::drag(&mut harness, from, between, 10);

    assert_eq!(
        workbook(&harness).map.topic(moved).unwrap().side,
        Some(Side::Left)
    );
    assert_eq!(branches_on(&harness, Side::Left)[1], moved);
    let (a, at, b) = (
        on_screen(&harness, &upper),
        on_screen(&harness, &title),
        on_screen(&harness, &lower),
    );
    assert!(a.y < at.y && at.y < b.y, "{a:?} {at:?} {b:?}");
    assert!(at.x < on_screen(&harness, &title_of_root(&harness)).x);
    assert_eq!(harness.state().document().undo_depth(), 1);
    assert_eq!(harness.state().document().undo_label(), Some("move"));

    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(ui_support::snapshot(&harness), before);
}

fn title_of_root(harness: &Harness<'_, RelmapApp>) -> String {
    let map = &workbook(harness).map;
    ui_support::title_of(harness, map.root())
}

#[test]
fn dragging_a_child_below_its_sibling_puts_it_after_that_sibling() {
    let mut harness = starter_harness();
    let staff = node_titled(&harness, "Staff");
    let children = workbook(&harness).map.children(staff).to_vec();
    assert!(children.len() >= 2);
    let (first, second) = (
        ui_support::title_of(&harness, children[0]),
        ui_support::title_of(&harness, children[1]),
    );
    let target = on_screen(&harness, &second) + egui::vec2(0.0, 14.0);
    // Just below the second child's box, clear of any node.
    let below = egui::pos2(target.x, node(&harness, &second).rect().bottom() + 6.0);
    let from = on_screen(&harness, &first);
    ui_support::drag(&mut harness, from, below, 10);

    let order = workbook(&harness).map.children(staff).to_vec();
    assert_eq!(order[..2], [children[1], children[0]]);
    assert!(on_screen(&harness, &first).y > on_screen(&harness, &second).y);
}

#[test]
fn a_node_let_go_where_it_stands_changes_nothing() {
    let mut harness = starter_harness();
    let at = on_screen(&harness, "Staff");
    ui_support::drag(&mut harness, at, at + egui::vec2(6.0, 3.0), 4);
    assert_eq!(harness.state().document().undo_depth(), 0);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn pointing_at_a_node_says_what_its_markers_mean() {
    let mut harness = starter_harness();
    let governing = node_titled(&harness, "Governing authority");
    let active = workbook(&harness)
        .map
        .topic(governing)
        .unwrap()
        .profile
        .strategies
        .len();
    assert!(
        active > 0,
        "the template gives Governing authority strategies"
    );
    let at = on_screen(&harness, "Governing authority");
    harness.hover_at(at);
    for _ in 0..60 {
        harness.step();
    }
    harness.get_by_label(&format!("{active} strategies under way (target badge)"));
}

/// The heights on screen of the drop bars drawn in the last frame: lines three points wide.
fn drop_bars(harness: &Harness<'_, RelmapApp>) -> Vec<f32> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|clipped| match &clipped.shape {
            egui::Shape::LineSegment { points, stroke }
                if (stroke.width - 3.0).abs() < 0.01 && (points[0].y - points[1].y).abs() < 0.5 =>
            {
                Some(points[0].y)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn while_a_child_is_dragged_a_bar_shows_the_gap_it_will_drop_into() {
    let mut harness = starter_harness();
    let staff = node_titled(&harness, "Staff");
    let children = workbook(&harness).map.children(staff).to_vec();
    assert!(children.len() >= 3);
    let titles: Vec<String> = children
        .iter()
        .map(|&c| ui_support::title_of(&harness, c))
        .collect();
    let second = node(&harness, &titles[1]).rect();
    let third = node(&harness, &titles[2]).rect();
    // Halfway down the drag, just below the second child, clear of any node.
    let from = on_screen(&harness, &titles[0]);
    let below = egui::pos2(second.center().x, second.bottom() + 6.0);
    harness.drag_at(from);
    harness.run();
    for step in 1..=8 {
        harness.hover_at(from + (below - from) * (step as f32 / 8.0));
        harness.run();
    }
    let bars = drop_bars(&harness);
    assert_eq!(bars.len(), 1, "one bar while dragging: {bars:?}");
    assert!(
        second.bottom() <= bars[0] && bars[0] <= third.top(),
        "the bar at {} is not between {second:?} and {third:?}",
        bars[0]
    );
    // Holding Shift nudges the branch to where it is let go instead: no bar.
    ui_support::hold(&mut harness, Modifiers::SHIFT);
    harness.hover_at(below + egui::vec2(1.0, 0.0));
    harness.run();
    assert!(drop_bars(&harness).is_empty());
    ui_support::hold(&mut harness, Modifiers::NONE);
    harness.hover_at(below);
    harness.run();
    harness.drop_at(below);
    harness.run();
    assert!(drop_bars(&harness).is_empty(), "the bar goes with the drag");
    let order = workbook(&harness).map.children(staff).to_vec();
    assert_eq!(
        order[..2],
        [children[1], children[0]],
        "it dropped where the bar was"
    );
}
