//! Who has the keyboard, through the real window with `egui_kittest`: keys act on the map only while the map
//! has the keyboard and shows it, a click on a panel's label or background never hands the keyboard to the
//! map, the keyboard never falls to nothing, F6 and F10 move it between the parts of the window, and a big
//! delete says what it took and offers to undo it.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::ui_support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use relmap::ui::RelmapApp;

use ui_support::{click_node, node_titled, press, press_with, starter_harness, workbook};

/// The number of nodes in the open map.
fn node_count(harness: &Harness<'_, RelmapApp>) -> usize {
    workbook(harness).map.len()
}

/// Whether the map canvas has the keyboard.
fn map_has_keyboard(harness: &Harness<'_, RelmapApp>) -> bool {
    harness.get_by_label("Map canvas").is_focused()
}

/// The rectangle of the widget that has the keyboard, if any has.
#[expect(
    clippy::redundant_closure_for_method_calls,
    reason = "the method itself is not general enough over lifetimes to be the predicate"
)]
fn focused_rect(harness: &Harness<'_, RelmapApp>) -> Option<egui::Rect> {
    harness
        .query_all(egui_kittest::kittest::by().predicate(|node| node.is_focused()))
        .next()
        .map(|node| node.rect())
}

/// The accessible name of the widget that has the keyboard, or "" when none has.
#[expect(
    clippy::redundant_closure_for_method_calls,
    reason = "the method itself is not general enough over lifetimes to be the predicate"
)]
fn focused_label(harness: &Harness<'_, RelmapApp>) -> String {
    harness
        .query_all(egui_kittest::kittest::by().predicate(|node| node.is_focused()))
        .next()
        .and_then(|node| node.accesskit_node().label())
        .unwrap_or_default()
}

/// Clicks the inspector's label "What to improve" (not the field it names), and lets the app settle.
fn click_the_label(harness: &mut Harness<'_, RelmapApp>) {
    click_inspector_text(harness, "What to improve");
}

/// Clicks the text `text` (a label or a heading, not a field) in the inspector, and lets the app settle.
fn click_inspector_text(harness: &mut Harness<'_, RelmapApp>, text: &str) {
    let canvas = harness.get_by_label("Map canvas").rect();
    harness
        .get_all_by_value(text)
        .find(|node| {
            node.accesskit_node().role() == Role::Label && node.rect().min.x >= canvas.max.x - 1.0
        })
        .expect("the label in the inspector")
        .click();
    harness.run();
}

/// The text of the inspector's "What to improve" field.
fn to_improve(harness: &Harness<'_, RelmapApp>) -> String {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "What to improve")
        .value()
        .unwrap_or_default()
}

/// Staff selected on the starter map, with "Visits" typed into its "What to improve" field.
fn typing_in_what_to_improve() -> Harness<'static, RelmapApp> {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "What to improve")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "What to improve")
        .type_text("Visits");
    harness.run();
    harness
}

#[test]
fn escape_in_a_field_keeps_the_keyboard_there_so_backspace_deletes_a_letter_and_not_a_branch() {
    let mut harness = typing_in_what_to_improve();
    let nodes = node_count(&harness);
    press(&mut harness, Key::Escape);
    press(&mut harness, Key::Backspace);
    assert_eq!(node_count(&harness), nodes, "Backspace deleted nodes");
    assert_eq!(to_improve(&harness), "Visit");
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "What to improve")
            .is_focused()
    );
    assert!(!map_has_keyboard(&harness));
}

#[test]
fn clicking_a_fields_label_puts_the_keyboard_in_that_field_and_not_on_the_map() {
    let mut harness = typing_in_what_to_improve();
    let nodes = node_count(&harness);
    click_inspector_text(&mut harness, "What makes it work");
    let works = harness.get_by_role_and_label(Role::MultilineTextInput, "What makes it work");
    assert!(
        works.is_focused(),
        "the label's field did not take the keyboard"
    );
    works.type_text("Weekly meetings");
    harness.run();
    press(&mut harness, Key::Backspace);
    assert_eq!(node_count(&harness), nodes);
    assert_eq!(to_improve(&harness), "Visits");
    assert_eq!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "What makes it work")
            .value()
            .as_deref(),
        Some("Weekly meeting")
    );
    let staff = node_titled(&harness, "Staff");
    assert_eq!(harness.state().selected(), Some(staff));
}

#[test]
fn clicking_a_heading_leaves_no_widget_with_the_keyboard_so_keys_do_nothing() {
    let mut harness = typing_in_what_to_improve();
    let nodes = node_count(&harness);
    let before = ui_support::snapshot(&harness);
    click_inspector_text(&mut harness, "How it is going");
    assert_eq!(focused_label(&harness), "");
    press(&mut harness, Key::Delete);
    press(&mut harness, Key::Backspace);
    press(&mut harness, Key::Tab);
    harness.event(egui::Event::Text("x".into()));
    harness.run();
    assert_eq!(node_count(&harness), nodes);
    assert_eq!(ui_support::snapshot(&harness), before);
}

#[test]
fn ctrl_z_in_a_text_field_undoes_its_typing_and_never_a_change_of_the_map() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    press(&mut harness, Key::Tab);
    harness.get_by_label("Title").type_text("Union rep");
    harness.run();
    press(&mut harness, Key::Enter);
    let nodes = node_count(&harness);
    click_node(&mut harness, "Staff");
    let field = harness.get_by_role_and_label(Role::MultilineTextInput, "What makes it work");
    field.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "What makes it work")
        .type_text("Trust");
    harness.run();
    for _ in 0..3 {
        press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    }
    assert_eq!(
        node_count(&harness),
        nodes,
        "Ctrl+Z in a field undid the new node"
    );
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "What makes it work")
            .is_focused()
    );
}

/// The texts of a node's strategies and its success measures.
fn strategies_and_measures(
    harness: &Harness<'_, RelmapApp>,
    id: relmap::model::NodeId,
) -> (Vec<String>, Vec<String>) {
    let profile = &workbook(harness).map.topic(id).unwrap().profile;
    (
        profile.strategies.iter().map(|s| s.text.clone()).collect(),
        profile.success_measures.clone(),
    )
}

#[test]
fn enter_in_the_last_strategy_starts_the_next_and_never_types_into_another_section() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    harness.get_by_label("Add strategy").scroll_to_me();
    harness.run();
    harness.get_by_label("Add strategy").click();
    harness.run();
    let (before, measures) = strategies_and_measures(&harness, staff);
    let count = before.len();
    let name = format!("Strategy {count}");
    assert!(
        harness.get_by_label(&name).is_focused(),
        "the new strategy takes the keyboard"
    );
    harness
        .get_by_label(&name)
        .type_text("Lunch with branch heads");
    harness.run();
    // Enter after the last strategy starts another one, as in a list of bullets, and typing goes on there.
    press(&mut harness, Key::Enter);
    let next = format!("Strategy {}", count + 1);
    assert_eq!(focused_label(&harness), next);
    harness.event(egui::Event::Text("Walk the branches".into()));
    harness.run();
    // Enter starts one more; Enter on it while it is still empty keeps the keyboard there: no empty rows pile
    // up, and nothing leaves the list.
    press(&mut harness, Key::Enter);
    let last = format!("Strategy {}", count + 2);
    assert_eq!(focused_label(&harness), last);
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::Enter);
    assert_eq!(focused_label(&harness), last);
    let (strategies, after) = strategies_and_measures(&harness, staff);
    assert_eq!(after, measures, "typing went on in another section");
    assert_eq!(
        &strategies[count - 1..],
        ["Lunch with branch heads", "Walk the branches", ""]
    );
}

#[test]
fn enter_in_a_strategy_above_the_last_moves_to_the_one_below() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    let (strategies, _) = strategies_and_measures(&harness, staff);
    assert!(
        strategies.len() >= 2,
        "the starter map's Staff has strategies"
    );
    harness.get_by_label("Strategy 1").scroll_to_me();
    harness.run();
    harness.get_by_label("Strategy 1").focus();
    harness.run();
    press(&mut harness, Key::Enter);
    assert_eq!(focused_label(&harness), "Strategy 2");
    assert_eq!(strategies_and_measures(&harness, staff).0, strategies);
}

#[test]
fn enter_in_a_persons_name_goes_to_their_interests_and_then_to_the_next_person() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    let count = workbook(&harness)
        .map
        .topic(staff)
        .unwrap()
        .profile
        .people
        .len();
    harness.get_by_label("Add person").scroll_to_me();
    harness.run();
    harness.get_by_label("Add person").click();
    harness.run();
    let number = count + 1;
    assert_eq!(focused_label(&harness), format!("Person {number}"));
    harness.event(egui::Event::Text("Branch head".into()));
    harness.run();
    press(&mut harness, Key::Enter);
    assert_eq!(focused_label(&harness), format!("Interests {number}"));
    harness.event(egui::Event::Text("Opening hours".into()));
    harness.run();
    press(&mut harness, Key::Enter);
    assert_eq!(focused_label(&harness), format!("Person {}", number + 1));
    let person = &workbook(&harness).map.topic(staff).unwrap().profile.people[count];
    assert_eq!(
        (person.name.as_str(), person.interests.as_str()),
        ("Branch head", "Opening hours")
    );
}

#[test]
fn clicking_a_panel_label_takes_the_keyboard_from_the_map_and_delete_then_deletes_nothing() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    assert!(map_has_keyboard(&harness));
    let nodes = node_count(&harness);
    click_the_label(&mut harness);
    assert!(!map_has_keyboard(&harness));
    press(&mut harness, Key::Delete);
    press(&mut harness, Key::Backspace);
    harness.key_press(Key::A);
    harness.event(egui::Event::Text("a".into()));
    harness.run();
    assert_eq!(node_count(&harness), nodes);
    assert_eq!(
        workbook(&harness)
            .map
            .topic(node_titled(&harness, "Staff"))
            .unwrap()
            .title,
        "Staff"
    );
    // Clicking the map gives it the keyboard again.
    click_node(&mut harness, "Staff");
    assert!(map_has_keyboard(&harness));
}

#[test]
fn the_map_shows_a_focus_ring_only_while_it_has_the_keyboard() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let canvas = harness.get_by_label("Map canvas").rect();
    let ring_color = harness.ctx.global_style().visuals.selection.bg_fill;
    let has_ring = |harness: &Harness<'_, RelmapApp>| {
        harness.output().shapes.iter().any(|clipped| {
            matches!(&clipped.shape, egui::Shape::Rect(rect)
                if rect.stroke.color == ring_color
                    && rect.stroke.width >= 2.0
                    && rect.rect.width() > canvas.width() - 8.0
                    && rect.rect.height() > canvas.height() - 8.0)
        })
    };
    assert!(has_ring(&harness), "no focus ring around the map");
    click_the_label(&mut harness);
    assert!(
        !has_ring(&harness),
        "a ring while the map does not have the keyboard"
    );
}

#[test]
fn enter_in_an_action_row_moves_the_keyboard_to_the_next_field() {
    let mut harness = starter_harness();
    harness
        .state_mut()
        .open_plan_tab(relmap::ui::PlanTab::Actions);
    harness.run();
    harness.get_by_label("Add action").click();
    harness.run();
    let number = workbook(&harness).plan.actions.len();
    let step = format!("Action {number} step");
    harness.get_by_label(&step).focus();
    harness.run();
    harness.get_by_label(&step).type_text("Call the mayor");
    harness.run();
    press(&mut harness, Key::Enter);
    let who = format!("Action {number} who");
    assert!(
        harness.get_by_label(&who).is_focused(),
        "Enter left the keyboard nowhere"
    );
    harness.get_by_label(&who).type_text("Jo");
    harness.run();
    let action = &workbook(&harness).plan.actions[number - 1];
    assert_eq!(
        (action.step.as_str(), action.who.as_str()),
        ("Call the mayor", "Jo")
    );
    // Enter after the last row's "who" starts the next step.
    press(&mut harness, Key::Enter);
    assert_eq!(
        focused_label(&harness),
        format!("Action {} step", number + 1)
    );
    assert_eq!(workbook(&harness).plan.actions.len(), number + 1);
}

#[test]
fn enter_in_a_goal_starts_the_next_goal_and_stays_in_an_empty_one() {
    let mut harness = starter_harness();
    harness
        .state_mut()
        .open_plan_tab(relmap::ui::PlanTab::Goals);
    harness.run();
    harness.get_by_label("Add personal goal").click();
    harness.run();
    let goals = |harness: &Harness<'_, RelmapApp>| workbook(harness).plan.personal_goals.clone();
    let count = goals(&harness).len();
    let name = format!("Personal goal {count}");
    assert_eq!(focused_label(&harness), name);
    harness.event(egui::Event::Text("Meet every trustee".into()));
    harness.run();
    press(&mut harness, Key::Enter);
    let next = format!("Personal goal {}", count + 1);
    assert_eq!(focused_label(&harness), next);
    press(&mut harness, Key::Enter);
    assert_eq!(
        focused_label(&harness),
        next,
        "an empty goal keeps the keyboard"
    );
    assert_eq!(goals(&harness).len(), count + 1);
    assert_eq!(goals(&harness)[count - 1], "Meet every trustee");
}

#[test]
fn f6_moves_the_keyboard_through_map_inspector_plan_and_outline_and_shift_f6_back() {
    let mut harness = starter_harness();
    harness
        .state_mut()
        .open_plan_tab(relmap::ui::PlanTab::Working);
    click_node(&mut harness, "Staff");
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    let canvas = harness.get_by_label("Map canvas").rect();
    // Opening the outline gives the keyboard to the row of the selected node, so the arrows go on from there.
    let row = harness
        .get_all_by_label("Staff")
        .map(|node| node.rect())
        .find(|rect| rect.max.x <= canvas.min.x + 1.0)
        .expect("a row of Staff in the outline");
    assert_eq!(focused_rect(&harness), Some(row));

    press(&mut harness, Key::F6);
    assert!(map_has_keyboard(&harness));

    press(&mut harness, Key::F6);
    let inspector = focused_rect(&harness).expect("F6 left the keyboard nowhere");
    assert!(
        inspector.min.x >= canvas.max.x - 1.0,
        "not in the inspector: {inspector:?}"
    );

    press(&mut harness, Key::F6);
    let plan = focused_rect(&harness).expect("F6 left the keyboard nowhere");
    assert!(
        plan.min.y >= canvas.max.y - 1.0,
        "not in the plan: {plan:?}"
    );

    press(&mut harness, Key::F6);
    assert_eq!(focused_rect(&harness), Some(row), "not in the outline");

    press_with(&mut harness, Modifiers::SHIFT, Key::F6);
    let back = focused_rect(&harness).expect("Shift+F6 left the keyboard nowhere");
    assert!(
        back.min.y >= canvas.max.y - 1.0,
        "not back in the plan: {back:?}"
    );
}

#[test]
fn f10_gives_the_keyboard_to_the_menu_bar_and_escape_gives_it_back_to_the_map() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    press(&mut harness, Key::F10);
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "File")
            .is_focused()
    );
    press(&mut harness, Key::Escape);
    assert!(map_has_keyboard(&harness));
}

#[test]
fn closing_the_command_palette_gives_the_keyboard_back_to_the_field_it_came_from() {
    let mut harness = typing_in_what_to_improve();
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    assert!(
        !harness
            .get_by_role_and_label(Role::MultilineTextInput, "What to improve")
            .is_focused()
    );
    press(&mut harness, Key::Escape);
    assert!(
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "What to improve")
            .is_focused(),
        "Escape in the palette left the keyboard elsewhere"
    );
}

#[test]
fn hiding_the_outline_while_a_row_has_the_keyboard_gives_it_to_the_map() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    assert!(!map_has_keyboard(&harness));
    assert!(focused_rect(&harness).is_some());
    press_with(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    assert!(map_has_keyboard(&harness));
    let nodes = node_count(&harness);
    press(&mut harness, Key::Tab);
    assert_eq!(
        node_count(&harness),
        nodes + 1,
        "Tab on the map adds a child"
    );
}

#[test]
fn deleting_a_constituency_says_what_went_and_undo_brings_it_back_selected() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    let branch = workbook(&harness).map.subtree(staff).len();
    let nodes = node_count(&harness);
    press(&mut harness, Key::Delete);
    assert_eq!(node_count(&harness), nodes - branch);
    let said = match branch - 1 {
        0 => "Deleted \u{201c}Staff\u{201d}. Undo (Ctrl+Z) brings it all back.".to_owned(),
        1 => {
            "Deleted \u{201c}Staff\u{201d} and the node under it. Undo (Ctrl+Z) brings it all back."
                .to_owned()
        }
        n => format!(
            "Deleted \u{201c}Staff\u{201d} and the {n} nodes under it. Undo (Ctrl+Z) brings it all back."
        ),
    };
    assert!(
        harness.get_all_by_value(&said).next().is_some(),
        "no notice: {said}"
    );
    harness.get_by_role_and_label(Role::Button, "Undo").click();
    harness.run();
    assert_eq!(node_count(&harness), nodes);
    assert_eq!(harness.state().selected(), Some(staff));
    assert!(harness.query_all_by_value(&said).next().is_none());
}

#[test]
fn the_offer_to_undo_a_delete_goes_once_something_else_changes() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    press(&mut harness, Key::Delete);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Undo")
            .is_some()
    );
    // Tab adds a child: Undo would now take that back, not the delete.
    press(&mut harness, Key::Tab);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Undo")
            .is_none()
    );
}

#[test]
fn escape_or_save_in_a_date_picker_leaves_the_keyboard_on_its_button_and_not_on_the_map() {
    // The date picker's month and year boxes come from egui_extras without accessible names; every widget of
    // relmap's own is checked by the other tests.
    let mut harness = Harness::builder()
        .with_size(ui_support::WINDOW_SIZE)
        .with_step_dt(ui_support::STEP_DT)
        .with_max_steps(ui_support::MAX_STEPS)
        .with_accessibility_check(false)
        .build_ui_state(
            |ui, app: &mut RelmapApp| app.show(ui),
            ui_support::starter_app(),
        );
    harness.run();
    click_node(&mut harness, "Staff");
    harness
        .state_mut()
        .open_plan_tab(relmap::ui::PlanTab::Actions);
    harness.run();
    harness.get_by_label("Add action").click();
    harness.run();
    let number = workbook(&harness).plan.actions.len();
    harness
        .get_by_label(&format!("Set due date of action {number}"))
        .click();
    harness.run();
    let picker = format!("Action {number} due date");
    let nodes = node_count(&harness);
    for close in ["Escape", "Save"] {
        harness.get_by_label(&picker).focus();
        harness.run();
        // Enter on the focused button opens the calendar.
        press(&mut harness, Key::Enter);
        assert!(
            harness.query_by_label("Save").is_some(),
            "the calendar opened"
        );
        if close == "Escape" {
            press(&mut harness, Key::Escape);
        } else {
            harness.get_by_label("Save").click();
            harness.run();
        }
        assert!(
            harness.query_by_label("Save").is_none(),
            "{close} closed the calendar"
        );
        assert!(
            harness.get_by_label(&picker).is_focused(),
            "{close} left the keyboard elsewhere"
        );
        press(&mut harness, Key::Backspace);
        assert_eq!(
            node_count(&harness),
            nodes,
            "Backspace after {close} reached the map"
        );
    }
}

#[test]
fn the_menus_work_from_the_keyboard_after_f10() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    press(&mut harness, Key::F10);
    assert_eq!(focused_label(&harness), "File");
    // Down opens the menu, as Enter does; the arrows go through its items.
    press(&mut harness, Key::ArrowDown);
    assert!(harness.query_by_label_contains("Open path").is_some());
    press(&mut harness, Key::ArrowDown);
    assert!(focused_label(&harness).starts_with("New"));
    press(&mut harness, Key::ArrowDown);
    assert_eq!(focused_label(&harness), "New from template");
    // Escape closes the menu and gives the keyboard back to the map.
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label_contains("Open path").is_none());
    assert!(map_has_keyboard(&harness));
}

#[test]
fn f6_into_a_text_field_puts_the_cursor_after_its_text_so_typing_never_wipes_it() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    press(&mut harness, Key::F6);
    assert_eq!(focused_label(&harness), "Node title");
    harness.event(egui::Event::Text(" team".into()));
    harness.run();
    assert_eq!(ui_support::title_of(&harness, staff), "Staff team");
}

#[test]
fn a_menu_opened_with_the_mouse_takes_the_arrows_and_enter_from_the_map() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let before = ui_support::snapshot(&harness);
    let selected = harness.state().selected();
    harness.get_by_label("Edit").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Undo").is_some(),
        "the menu opened"
    );
    // The arrows go into the menu, not to the map's selection.
    press(&mut harness, Key::ArrowDown);
    let first = focused_label(&harness);
    assert!(
        harness.query_by_label_contains("Undo").is_some(),
        "the menu stays open"
    );
    assert!(
        !first.is_empty() && first != "Map canvas",
        "focused: {first:?}"
    );
    press(&mut harness, Key::ArrowDown);
    assert_ne!(
        focused_label(&harness),
        first,
        "Down moves through the items"
    );
    assert_eq!(harness.state().selected(), selected);
    // Escape closes it; nothing on the map changed, and the map has the keyboard again.
    press(&mut harness, Key::Escape);
    assert!(harness.query_by_label_contains("Undo").is_none());
    assert_eq!(ui_support::snapshot(&harness), before);
    assert_eq!(harness.state().selected(), selected);
    assert!(map_has_keyboard(&harness));
}

#[test]
fn enter_while_a_menu_opened_with_the_mouse_is_open_does_nothing_to_the_map() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let before = ui_support::snapshot(&harness);
    let selected = harness.state().selected();
    harness.get_by_label("Edit").click();
    harness.run();
    press(&mut harness, Key::Enter);
    assert_eq!(ui_support::snapshot(&harness), before);
    assert_eq!(harness.state().selected(), selected);
}

#[test]
fn left_and_right_in_an_open_menu_go_to_the_menu_beside_it() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    press(&mut harness, Key::F10);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::ArrowDown);
    assert!(focused_label(&harness).starts_with("New"));
    press(&mut harness, Key::ArrowRight);
    assert!(
        harness.query_by_label_contains("Open path").is_none(),
        "the File menu closed"
    );
    // Undo is greyed out with nothing to undo, so the first item that can be chosen has the keyboard.
    assert!(
        focused_label(&harness).starts_with("Add child"),
        "the Edit menu's first item has the keyboard: {:?}",
        focused_label(&harness)
    );
    press(&mut harness, Key::ArrowLeft);
    assert!(focused_label(&harness).starts_with("New"));
    assert!(harness.query_by_label_contains("Open path").is_some());
    // Leftwards from the first menu is the last one.
    press(&mut harness, Key::ArrowLeft);
    assert!(
        harness.query_by_label_contains("Command palette").is_some(),
        "the Help menu opened"
    );
    // Right on an item that has a submenu opens the submenu instead.
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowDown);
    assert_eq!(focused_label(&harness), "New from template");
    press(&mut harness, Key::ArrowRight);
    assert!(
        harness.query_by_label_contains("Open path").is_some(),
        "the File menu stays open"
    );
    assert!(
        harness
            .query_by_label_contains("Five key constituencies")
            .is_some()
    );
    // Nothing of this reached the map.
    assert_eq!(
        harness.state().selected(),
        Some(node_titled(&harness, "Staff"))
    );
}

#[test]
fn ctrl_z_in_a_text_field_takes_back_the_last_word_and_not_the_whole_entry() {
    let mut harness = starter_harness();
    click_node(&mut harness, "Staff");
    let staff = node_titled(&harness, "Staff");
    let field = || (Role::MultilineTextInput, "What makes it work");
    harness.get_by_role_and_label(field().0, field().1).focus();
    harness.run();
    // Typed without a pause, a key at a time, as a person types.
    for piece in ["Trust", " ", "and", " ", "candour"] {
        harness.event(egui::Event::Text(piece.into()));
        harness.run();
    }
    let works = |harness: &Harness<'_, RelmapApp>| {
        workbook(harness)
            .map
            .topic(staff)
            .unwrap()
            .profile
            .what_works
            .clone()
    };
    assert_eq!(works(&harness), "Trust and candour");
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(works(&harness), "Trust and ");
    press_with(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(works(&harness), "Trust ");
}
