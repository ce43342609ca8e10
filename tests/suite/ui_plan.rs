//! The plan panel through the real window with `egui_kittest`: each tab is filled in through its labelled
//! widgets, the workbook holds what was entered, and undo puts back exactly what was there before.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use relmap::model::{ActionStatus, NodeId, Plan, Workbook};
use relmap::ui::{RelmapApp, ScriptedFilePicker};

/// The date the example map's contact log and action plan were written for.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// The example map (the Riverside library), opened from a file, on [`today`].
fn harness(dir: &tempfile::TempDir) -> Harness<'static, RelmapApp> {
    let path = dir.path().join("riverside.ron");
    relmap::storage::save(&path, &relmap::storage::example().unwrap()).unwrap();
    let mut app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    app.open_path(path);
    app.set_today(today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(24)
        .build_ui_state(|ui, app: &mut RelmapApp| app.show(ui), app);
    harness.run();
    harness
}

fn workbook<'a>(harness: &'a Harness<'_, RelmapApp>) -> &'a Workbook {
    harness.state().document().workbook()
}

fn plan<'a>(harness: &'a Harness<'_, RelmapApp>) -> &'a Plan {
    &workbook(harness).plan
}

fn snapshot(harness: &Harness<'_, RelmapApp>) -> String {
    relmap::storage::to_string(workbook(harness))
}

fn node_titled(harness: &Harness<'_, RelmapApp>, title: &str) -> NodeId {
    let map = &workbook(harness).map;
    map.topics().find(|t| t.title == title).unwrap().id
}

/// Opens the tab named `name`.
fn open_tab(harness: &mut Harness<'_, RelmapApp>, name: &str) {
    harness.get_by_role_and_label(Role::Button, name).click();
    harness.run();
}

/// Clicks the widget named `name` and lets the app settle.
fn click(harness: &mut Harness<'_, RelmapApp>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
}

/// Types `text` into the field named `name`, one key at a time as a person does, then presses Escape, which
/// keeps the keyboard in the field.
fn type_into(harness: &mut Harness<'_, RelmapApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    for c in text.chars() {
        harness.get_by_label(name).type_text(&c.to_string());
        harness.run();
    }
    harness.key_press(Key::Escape);
    harness.run();
}

/// Undoes the last edit of the map from the Edit menu, which works wherever the keyboard is (in a text field,
/// Ctrl+Z undoes the field's own typing).
fn undo(harness: &mut Harness<'_, RelmapApp>) {
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_all_by_label_contains("Undo")
        .next()
        .unwrap()
        .click();
    harness.run();
}

#[test]
fn a_goal_added_and_typed_is_saved_and_a_typed_word_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Goals");
    let before = snapshot(&harness);
    let goals = plan(&harness).personal_goals.len();

    click(&mut harness, "Add personal goal");
    assert_eq!(plan(&harness).personal_goals.len(), goals + 1);
    let added = snapshot(&harness);
    let name = format!("Personal goal {}", goals + 1);
    assert!(
        harness.get_by_label(&name).is_focused(),
        "the new goal takes the keyboard"
    );

    type_into(&mut harness, &name, "Trustees");
    assert_eq!(plan(&harness).personal_goals[goals], "Trustees");

    undo(&mut harness);
    assert_eq!(
        snapshot(&harness),
        added,
        "one undo takes back the whole word"
    );
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn team_goals_move_and_are_removed_with_their_row_buttons() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    let before = snapshot(&harness);
    let goals = plan(&harness).team_goals.clone();
    assert!(goals.len() >= 2, "the example has team goals to move");

    click(&mut harness, "Move team goal 2 up");
    assert_eq!(plan(&harness).team_goals[0], goals[1]);
    assert_eq!(plan(&harness).team_goals[1], goals[0]);

    click(&mut harness, "Remove team goal 1");
    assert_eq!(plan(&harness).team_goals, goals[..1].to_vec());

    undo(&mut harness);
    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn the_reflection_texts_are_typed_under_their_questions() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "What's working");
    let before = snapshot(&harness);
    let old = plan(&harness).success.clone();

    harness
        .get_by_role_and_label(Role::MultilineTextInput, "How I know I am successful")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "How I know I am successful")
        .type_text(" Yes.");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(plan(&harness).success.contains("Yes."), "{old:?}");
    assert_ne!(plan(&harness).success, old);

    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn empty_reflection_texts_show_the_worksheet_prompts() {
    // A new map: the reflection texts are empty.
    let app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut RelmapApp| app.show(ui), app);
    harness.run();
    open_tab(&mut harness, "What's working");
    // The field under the question holds its prompt.
    harness.get_by(|node| {
        node.role() == Role::MultilineTextInput
            && node.label().as_deref() == Some("How I know I am successful")
            && node
                .placeholder()
                .is_some_and(|hint| hint.starts_with("What tells you a relationship is healthy"))
    });
}

#[test]
fn checklist_items_are_marked_noted_added_and_reordered() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Checklist");
    let before = snapshot(&harness);
    let items = plan(&harness).checklist.clone();

    let was = items[2].well_represented;
    click(&mut harness, "Well represented 3");
    assert_eq!(plan(&harness).checklist[2].well_represented, !was);
    click(&mut harness, "Want to improve 3");
    assert_eq!(
        plan(&harness).checklist[2].want_to_improve,
        !items[2].want_to_improve
    );
    type_into(&mut harness, "Checklist note 3", "Budget");
    assert!(plan(&harness).checklist[2].note.ends_with("Budget"));

    click(&mut harness, "Add checklist item");
    type_into(&mut harness, "Checklist item 5", "Listening");
    assert_eq!(plan(&harness).checklist[4].text, "Listening");
    click(&mut harness, "Move checklist item 5 up");
    assert_eq!(plan(&harness).checklist[3].text, "Listening");
    click(&mut harness, "Remove checklist item 1");
    assert_eq!(plan(&harness).checklist.len(), items.len());
    assert_eq!(plan(&harness).checklist[0], items[1]);

    for _ in 0..7 {
        undo(&mut harness);
    }
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn an_action_is_added_dated_given_a_status_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Action plan");
    let before = snapshot(&harness);
    let count = plan(&harness).actions.len();
    let number = count + 1;

    click(&mut harness, "Add action");
    assert_eq!(plan(&harness).actions.len(), number);
    type_into(&mut harness, &format!("Action {number} step"), "Call");
    type_into(&mut harness, &format!("Action {number} who"), "Jo");
    click(&mut harness, &format!("Set due date of action {number}"));
    {
        let added = &plan(&harness).actions[count];
        assert_eq!((added.step.as_str(), added.who.as_str()), ("Call", "Jo"));
        assert_eq!(added.due, Some(today()));
    }

    click(&mut harness, &format!("Action {number} status"));
    harness
        .get_by_role_and_label(Role::Button, "In progress")
        .click();
    harness.run();
    assert_eq!(
        plan(&harness).actions[count].status,
        ActionStatus::InProgress
    );

    click(&mut harness, &format!("Clear due date of action {number}"));
    assert_eq!(plan(&harness).actions[count].due, None);

    click(&mut harness, &format!("Remove action {number}"));
    assert_eq!(plan(&harness).actions.len(), count);

    for _ in 0..7 {
        undo(&mut harness);
    }
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn a_new_action_links_the_selected_node_and_the_link_is_chosen_from_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    // The node is a second-level one: fit the whole map so that it is in view.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(relmap::ui::AppCommand::FitMap, &ctx);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Staff culture")
        .click();
    harness.run();
    let culture = node_titled(&harness, "Staff culture");
    open_tab(&mut harness, "Action plan");
    let count = plan(&harness).actions.len();
    let number = count + 1;

    click(&mut harness, "Add action");
    assert_eq!(plan(&harness).actions[count].node, Some(culture));

    click(&mut harness, &format!("Action {number} linked node"));
    harness.get_by_label("Filter nodes").focus();
    harness.run();
    harness.get_by_label("Filter nodes").type_text("health");
    harness.run();
    // Typing into the filter leaves the list open, narrowed to the matching titles, each with its constituency.
    harness
        .get_by_role_and_label(Role::Button, "Health · Self")
        .click();
    harness.run();
    assert_eq!(
        plan(&harness).actions[count].node,
        Some(node_titled(&harness, "Health"))
    );

    click(&mut harness, &format!("Action {number} linked node"));
    harness.get_by_role_and_label(Role::Button, "None").click();
    harness.run();
    assert_eq!(plan(&harness).actions[count].node, None);
}

#[test]
fn clicking_a_linked_node_selects_it_on_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Action plan");
    harness
        .get_by_role_and_label(Role::Link, "Board of trustees")
        .click();
    harness.run();
    assert_eq!(
        harness.state().selected(),
        Some(node_titled(&harness, "Board of trustees"))
    );
}

#[test]
fn sorting_the_action_plan_by_due_date_changes_only_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Action plan");
    let before = snapshot(&harness);
    click(&mut harness, "Sort by due date");
    assert_eq!(snapshot(&harness), before);
    // Rows list in the tree in the order they are shown: the earliest due date first.
    let shown: Vec<String> = harness
        .query_all_by_label_contains(" step")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(
        shown,
        [
            "Action 4 step",
            "Action 3 step",
            "Action 2 step",
            "Action 1 step"
        ]
    );
}

/// The relationship rows in the order shown, by the names of their log buttons.
fn relationship_order(harness: &Harness<'_, RelmapApp>) -> Vec<String> {
    harness
        .query_all_by_label_contains("Log contact today for ")
        .filter_map(|n| n.accesskit_node().label())
        .map(|l| l.trim_start_matches("Log contact today for ").to_owned())
        .collect()
}

#[test]
fn the_relationship_table_sorts_by_name_and_by_next_due() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Relationships");

    click(&mut harness, "Sort by node");
    let by_name = relationship_order(&harness);
    assert!(by_name.len() >= 3, "{by_name:?}");
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(by_name, sorted);

    click(&mut harness, "Sort by node");
    let mut reversed = sorted.clone();
    reversed.reverse();
    assert_eq!(relationship_order(&harness), reversed);

    click(&mut harness, "Sort by next due");
    let map = &workbook(&harness).map;
    let due: Vec<Option<NaiveDate>> = relationship_order(&harness)
        .iter()
        .map(|t| {
            map.topics()
                .find(|n| &n.title == t)
                .unwrap()
                .profile
                .next_due()
        })
        .collect();
    let dated: Vec<NaiveDate> = due.iter().map_while(|d| *d).collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{due:?}");
    assert!(
        due[dated.len()..].iter().all(Option::is_none),
        "undated rows come last: {due:?}"
    );
}

#[test]
fn the_relationship_headings_say_what_their_columns_hold() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Relationships");
    harness.get_by_label("Sort by next due").hover();
    // Tooltips appear after the pointer rests a moment (half a second).
    for _ in 0..90 {
        harness.step();
    }
    harness.get_by_label_contains("the last contact plus the frequency");
}

#[test]
fn logging_a_contact_from_the_relationship_table_dates_it_today() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Relationships");
    let staff = node_titled(&harness, "Staff");
    let before = snapshot(&harness);
    let contacts = workbook(&harness)
        .map
        .topic(staff)
        .unwrap()
        .profile
        .contacts
        .len();

    click(&mut harness, "Log contact today for Staff");
    let profile = &workbook(&harness).map.topic(staff).unwrap().profile;
    assert_eq!(profile.contacts.len(), contacts + 1);
    assert_eq!(profile.contacts[contacts].date, today());
    assert_eq!(profile.last_contact(), Some(today()));

    undo(&mut harness);
    assert_eq!(snapshot(&harness), before);
}

#[test]
fn clicking_a_relationship_selects_its_node() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Relationships");
    harness.get_by_role_and_label(Role::Link, "Staff").click();
    harness.run();
    assert_eq!(
        harness.state().selected(),
        Some(node_titled(&harness, "Staff"))
    );
}

#[test]
fn the_balance_tab_shows_every_constituency() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Balance");
    for title in [
        "Governing authority",
        "Staff",
        "Community",
        "Profession",
        "Self",
    ] {
        harness.get_by_role_and_label(Role::Button, &format!("Balance of {title}"));
    }
}

#[test]
fn every_tab_can_be_left_for_every_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    // Each tab, and a widget only that tab shows.
    let tabs = [
        ("Goals", "Add personal goal"),
        ("What's working", "How I know I am successful"),
        ("Checklist", "Add checklist item"),
        ("Action plan", "Add action"),
        ("Relationships", "Sort by node"),
        ("Balance", "Balance of Staff"),
    ];
    for (from, _) in tabs {
        for (to, shows) in tabs {
            open_tab(&mut harness, from);
            open_tab(&mut harness, to);
            assert!(
                harness.query_by_label(shows).is_some(),
                "from {from} to {to}"
            );
        }
    }
}

#[test]
fn a_contact_logged_after_midnight_is_dated_the_new_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    let clock = std::rc::Rc::new(std::cell::Cell::new(today()));
    let read = std::rc::Rc::clone(&clock);
    harness.state_mut().set_clock(move || read.get());
    harness.run();
    open_tab(&mut harness, "Relationships");
    let staff = node_titled(&harness, "Staff");

    // The window stays open past midnight.
    let tomorrow = today().succ_opt().unwrap();
    clock.set(tomorrow);
    harness.run();
    click(&mut harness, "Log contact today for Staff");
    let profile = &workbook(&harness).map.topic(staff).unwrap().profile;
    assert_eq!(profile.last_contact(), Some(tomorrow));
}

#[test]
fn an_idle_window_asks_for_the_date_again_within_a_minute() {
    // A new, unsaved map: no file to watch, so nothing else asks for the next frame.
    let app = RelmapApp::new(None, Box::new(ScriptedFilePicker::default()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_ui_state(|ui, app: &mut RelmapApp| app.show(ui), app);
    harness.run();
    let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert!(
        delay <= std::time::Duration::from_mins(1),
        "the next frame is {delay:?} away"
    );
}

#[test]
fn the_relationship_and_balance_tables_follow_every_edit_undo_and_other_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness(&dir);
    open_tab(&mut harness, "Relationships");
    let board = node_titled(&harness, "Board of trustees");
    let staff = node_titled(&harness, "Staff");
    let rename = |harness: &mut Harness<'_, RelmapApp>, id: NodeId, title: &str| {
        harness
            .state_mut()
            .apply(relmap::document::EditCommand::Rename {
                id,
                title: title.to_owned(),
            });
        // A longer title moves nodes, which glide to their places over several frames.
        harness.run_steps(24);
    };
    let undo = |harness: &mut Harness<'_, RelmapApp>| {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(24);
    };

    // The tables are made once per version of the document: an edit is a new version.
    rename(&mut harness, board, "Trustees");
    assert!(relationship_order(&harness).contains(&"Trustees".to_owned()));
    assert!(!relationship_order(&harness).contains(&"Board of trustees".to_owned()));
    undo(&mut harness);
    assert!(relationship_order(&harness).contains(&"Board of trustees".to_owned()));

    open_tab(&mut harness, "Balance");
    rename(&mut harness, staff, "Our staff");
    harness.get_by_role_and_label(Role::Button, "Balance of Our staff");
    undo(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Balance of Staff");

    // Another map, even at the same revision number, has tables of its own.
    harness
        .state_mut()
        .run(relmap::ui::AppCommand::NewBlank, &egui::Context::default());
    harness.run_steps(24);
    assert!(harness.query_by_label_contains("Balance of ").is_none());
    open_tab(&mut harness, "Relationships");
    assert!(relationship_order(&harness).is_empty());
}
