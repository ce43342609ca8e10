//! The inspector edits everything of the selected node through its labelled widgets, and every edit is
//! undone in one step (a typed word included), with `egui_kittest`.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::document::EditCommand;
use relmap::model::{Contact, Frequency, Health, NodeKind, Profile, StrategyStatus, Topic};
use relmap::ui::RelmapApp;

use ui_support::{click_node, node_titled, press, press_with, snapshot, starter_app, workbook};

/// The fixed date the tests count from.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()
}

/// The starter map with "Staff" selected, today being [`today`].
fn staff_selected() -> Harness<'static, RelmapApp> {
    let mut app = starter_app();
    app.set_today(today());
    let mut harness = ui_support::harness_with(app);
    click_node(&mut harness, "Staff");
    harness
}

/// The node "Staff" as the workbook holds it now.
fn staff(harness: &Harness<'_, RelmapApp>) -> Topic {
    let id = node_titled(harness, "Staff");
    workbook(harness).map.topic(id).unwrap().clone()
}

/// The profile of "Staff".
fn profile(harness: &Harness<'_, RelmapApp>) -> Profile {
    staff(harness).profile
}

/// Puts the keyboard in the field named `label`, types `text` into it key by key, and leaves it with Escape.
fn type_into(harness: &mut Harness<'_, RelmapApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    // One key at a time, as a person types, so that merging keystrokes into one undo step is tested.
    for c in text.chars() {
        harness.get_by_label(label).type_text(&c.to_string());
        harness.run();
    }
    press(harness, Key::Escape);
}

/// Scrolls the widget named `label` into view, clicks it and lets the app settle.
fn click(harness: &mut Harness<'_, RelmapApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
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

/// Undoes `steps` edits and checks that the workbook is exactly `before` again.
fn undo_back_to(harness: &mut Harness<'_, RelmapApp>, steps: usize, before: &str) {
    for _ in 0..steps {
        undo(harness);
    }
    assert_eq!(snapshot(harness), before);
}

#[test]
fn typing_a_title_renames_the_node_and_one_undo_takes_the_whole_word_back() {
    let mut harness = staff_selected();
    let before = snapshot(&harness);
    type_into(&mut harness, "Node title", " team");
    assert!(
        staff_title(&harness).contains("team"),
        "typed into the title: {:?}",
        staff_title(&harness)
    );
    undo_back_to(&mut harness, 1, &before);
}

/// The title of the node that was "Staff", found by its place under the root.
fn staff_title(harness: &Harness<'_, RelmapApp>) -> String {
    let map = &workbook(harness).map;
    let staff = map.children(map.root())[1];
    map.topic(staff).unwrap().title.clone()
}

#[test]
fn choosing_a_kind_changes_it() {
    let mut harness = staff_selected();
    let before = snapshot(&harness);
    click(&mut harness, "Kind");
    click(&mut harness, "Group");
    assert_eq!(staff(&harness).kind, NodeKind::Group);
    undo_back_to(&mut harness, 1, &before);
}

#[test]
fn people_are_added_typed_and_removed() {
    let mut harness = staff_selected();
    let before = snapshot(&harness);
    click(&mut harness, "Add person");
    type_into(&mut harness, "Person 1", "Union rep");
    type_into(&mut harness, "Interests 1", "Fair rotas");
    click(&mut harness, "Add person");
    type_into(&mut harness, "Person 2", "Branch heads");
    let people = profile(&harness).people;
    assert_eq!(
        people
            .iter()
            .map(|p| (p.name.as_str(), p.interests.as_str()))
            .collect::<Vec<_>>(),
        [("Union rep", "Fair rotas"), ("Branch heads", "")]
    );

    click(&mut harness, "Remove person 1");
    assert_eq!(profile(&harness).people[0].name, "Branch heads");
    // Add, name, interests, add, name, remove: six steps, each typed field one of them.
    undo_back_to(&mut harness, 6, &before);
}

#[test]
fn strategies_are_added_ticked_reordered_and_removed() {
    let mut harness = staff_selected();
    let before = snapshot(&harness);
    let first = profile(&harness).strategies[0].text.clone();
    assert_eq!(profile(&harness).strategies.len(), 2);

    click(&mut harness, "Add strategy");
    type_into(&mut harness, "Strategy 3", "Shadow a branch shift");
    assert_eq!(
        profile(&harness).strategies[2].text,
        "Shadow a branch shift"
    );

    click(&mut harness, "Done 3");
    assert_eq!(profile(&harness).strategies[2].status, StrategyStatus::Done);

    click(&mut harness, "Move strategy 3 up");
    click(&mut harness, "Move strategy 1 down");
    let texts: Vec<String> = profile(&harness)
        .strategies
        .iter()
        .map(|s| s.text.clone())
        .collect();
    // Third to second, then the first below it: the new strategy leads, the old first follows.
    assert_eq!(texts[0], "Shadow a branch shift");
    assert_eq!(texts[1], first);

    click(&mut harness, "Remove strategy 1");
    assert_eq!(profile(&harness).strategies.len(), 2);
    undo_back_to(&mut harness, 6, &before);
}

#[test]
fn choosing_a_frequency_makes_it_the_users_own() {
    let mut harness = staff_selected();
    let before = snapshot(&harness);
    assert!(profile(&harness).frequency_suggested);
    harness.get_by_label("(suggested)");

    click(&mut harness, "How often");
    click(&mut harness, "Monthly");
    let chosen = profile(&harness);
    assert_eq!(
        (chosen.frequency, chosen.frequency_suggested),
        (Frequency::Monthly, false)
    );
    assert!(harness.query_by_label("(suggested)").is_none());

    click(&mut harness, "How often");
    click(&mut harness, "Every N days");
    assert_eq!(
        profile(&harness).frequency,
        Frequency::EveryDays(30),
        "a month is about 30 days"
    );
    harness.get_by_label("Days between contacts").focus();
    harness.run();
    press(&mut harness, Key::ArrowUp);
    assert_eq!(profile(&harness).frequency, Frequency::EveryDays(31));
    // Escape stays in the number and does nothing else: the node stays selected.
    let selected = harness.state().selected();
    press(&mut harness, Key::Escape);
    assert!(harness.state().selected().is_some());
    assert_eq!(harness.state().selected(), selected);
    undo_back_to(&mut harness, 3, &before);
}

#[test]
fn success_measures_are_added_typed_and_removed() {
    let mut harness = staff_selected();
    let before = snapshot(&harness);
    let count = profile(&harness).success_measures.len();
    click(&mut harness, "Add measure");
    let label = format!("Measure {}", count + 1);
    type_into(&mut harness, &label, "Staff survey improves");
    assert_eq!(
        profile(&harness).success_measures.last().unwrap(),
        "Staff survey improves"
    );
    click(&mut harness, "Remove measure 1");
    assert_eq!(profile(&harness).success_measures.len(), count);
    undo_back_to(&mut harness, 3, &before);
}

#[test]
fn health_and_its_notes_are_edited() {
    let mut harness = staff_selected();
    let before = snapshot(&harness);
    harness
        .get_by_role_and_label(Role::Button, "Needs attention")
        .click();
    harness.run();
    type_into(&mut harness, "What makes it work", "Weekly meetings");
    type_into(&mut harness, "What to improve", "Branch visits");
    type_into(&mut harness, "Notes", "Ask about the rota");
    let profile = profile(&harness);
    assert_eq!(profile.health, Health::NeedsAttention);
    assert_eq!(profile.what_works, "Weekly meetings");
    assert_eq!(profile.to_improve, "Branch visits");
    assert_eq!(profile.notes, "Ask about the rota");
    undo_back_to(&mut harness, 4, &before);
}

#[test]
fn logging_a_contact_dates_it_today_and_the_newest_comes_first() {
    let mut app = starter_app();
    app.set_today(today());
    // The date picker's month and year boxes come from egui_extras without accessible names; every widget of
    // relmap's own is checked by the other tests.
    let mut harness = Harness::builder()
        .with_size(ui_support::WINDOW_SIZE)
        .with_step_dt(ui_support::STEP_DT)
        .with_accessibility_check(false)
        .build_ui_state(|ui, app: &mut RelmapApp| app.show(ui), app);
    harness.run();
    click_node(&mut harness, "Staff");
    let before = snapshot(&harness);
    click(&mut harness, "Log contact");
    type_into(&mut harness, "Contact note 1", "Admin team meeting");
    assert_eq!(
        profile(&harness).contacts,
        [Contact {
            date: today(),
            note: "Admin team meeting".to_owned()
        }]
    );

    // The picker moves the date back a day; the entry keeps its place in the file.
    click(&mut harness, "Contact date 1");
    click(&mut harness, "<");
    click(&mut harness, "Save");
    let yesterday = today().pred_opt().unwrap();
    assert_eq!(profile(&harness).contacts[0].date, yesterday);

    // A second contact, today, is newer: it is shown first, and is stored after the first.
    click(&mut harness, "Log contact");
    type_into(&mut harness, "Contact note 1", "Branch visit");
    let contacts = profile(&harness).contacts;
    assert_eq!(contacts[1].note, "Branch visit");
    assert_eq!(contacts[1].date, today());

    click(&mut harness, "Remove contact 2");
    let contacts = profile(&harness).contacts;
    assert_eq!(contacts.len(), 1, "the older contact is gone");
    assert_eq!(contacts[0].note, "Branch visit");
    undo_back_to(&mut harness, 6, &before);
}

#[test]
fn a_contact_later_than_the_frequency_allows_shows_how_overdue_it_is() {
    let mut app = starter_app();
    app.set_today(today());
    let staff = ui_support::topic_titled(app.document().workbook(), "Staff");
    app.apply(EditCommand::SetFrequency {
        id: staff,
        frequency: Frequency::Weekly,
        suggested: false,
    });
    app.apply(EditCommand::EditList {
        list: relmap::document::ListRef::Contacts(staff),
        op: relmap::document::ListOp::Insert {
            index: 0,
            item: relmap::document::ListItem::Contact(Contact {
                date: NaiveDate::from_ymd_opt(2026, 2, 20).unwrap(),
                note: String::new(),
            }),
        },
    });
    let mut harness = ui_support::harness_with(app);
    click_node(&mut harness, "Staff");
    // Due on 27 February, and 10 March is 11 days later.
    harness.get_by_label("overdue by 11 days");
}

#[test]
fn a_contact_within_the_frequency_shows_when_the_next_is_due() {
    let mut harness = staff_selected();
    click(&mut harness, "Log contact");
    // Every two weeks, as the template suggests.
    harness.get_by_label("24 Mar 2026 (in 14 days)");
}

#[test]
fn enter_confirms_a_row_and_shift_enter_starts_a_new_line_in_it() {
    let mut harness = staff_selected();
    let nodes = workbook(&harness).map.len();
    let selected = harness.state().selected();
    click(&mut harness, "Add measure");
    let label = format!("Measure {}", profile(&harness).success_measures.len());
    harness.get_by_label(&label).focus();
    harness.run();
    harness.get_by_label(&label).type_text("Fewer complaints");
    harness.run();
    press_with(&mut harness, Modifiers::SHIFT, Key::Enter);
    harness.get_by_label(&label).type_text("at the desk");
    harness.run();
    let count = profile(&harness).success_measures.len();
    press(&mut harness, Key::Enter);
    assert_eq!(
        profile(&harness).success_measures[count - 1],
        "Fewer complaints\nat the desk"
    );
    // Enter left the row for a new measure: it did not add a sibling on the map, and the node stays
    // selected.
    assert!(!harness.get_by_label(&label).is_focused());
    assert!(
        harness
            .get_by_label(&format!("Measure {}", count + 1))
            .is_focused()
    );
    assert_eq!(workbook(&harness).map.len(), nodes);
    assert_eq!(harness.state().selected(), selected);
}

#[test]
fn a_link_and_tags_are_set_when_the_field_is_left_and_undone_in_one_step() {
    let mut harness = staff_selected();
    let staff = harness.state().selected().unwrap();
    let before = snapshot(&harness);
    harness.get_by_label("Link").scroll_to_me();
    harness.run();
    harness.get_by_label("Link").focus();
    harness.run();
    harness
        .get_by_label("Link")
        .type_text("https://intranet.example.org/staff");
    harness.run();
    // Nothing is applied while typing.
    assert_eq!(workbook(&harness).map.topic(staff).unwrap().link, None);
    press(&mut harness, Key::Enter);
    assert_eq!(
        workbook(&harness).map.topic(staff).unwrap().link.as_deref(),
        Some("https://intranet.example.org/staff")
    );
    harness.get_by_label("Open");

    harness.get_by_label("Tags").focus();
    harness.run();
    harness
        .get_by_label("Tags")
        .type_text("union, survey, union");
    harness.run();
    press(&mut harness, Key::Enter);
    assert_eq!(
        workbook(&harness).map.topic(staff).unwrap().tags,
        ["union", "survey"]
    );

    // Escape keeps what was typed in the field, as in every other field, without applying it yet.
    harness.get_by_label("Tags").focus();
    harness.run();
    harness.get_by_label("Tags").type_text(", more");
    harness.run();
    press(&mut harness, Key::Escape);
    assert!(harness.get_by_label("Tags").is_focused());
    assert_eq!(
        harness.get_by_label("Tags").value().as_deref(),
        Some("union, survey, more")
    );
    assert_eq!(
        workbook(&harness).map.topic(staff).unwrap().tags,
        ["union", "survey"]
    );
    assert_eq!(harness.state().selected(), Some(staff));
    press(&mut harness, Key::Enter);
    assert_eq!(
        workbook(&harness).map.topic(staff).unwrap().tags,
        ["union", "survey", "more"]
    );

    undo_back_to(&mut harness, 3, &before);
}
