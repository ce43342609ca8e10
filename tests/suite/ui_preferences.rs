//! The Preferences window (theme, interface size, the recovery interval, markers, the template for new maps)
//! and hiding plan tabs one by one, through the window with `egui_kittest`. All of these are kept as
//! preferences between runs.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::document::EditCommand;
use relmap::storage::{RecoveryStore, Template};
use relmap::ui::{PlanTab, RelmapApp};
use ui_support::{harness_with, press, press_with, starter_app, starter_harness};

fn open_preferences(harness: &mut Harness<'_, RelmapApp>) {
    press_with(harness, egui::Modifiers::COMMAND, egui::Key::Comma);
    harness.get_by_label("Preferences");
}

fn choose(harness: &mut Harness<'_, RelmapApp>, combo: &str, option: &str) {
    harness.get_by_label(combo).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

#[test]
fn the_preferences_window_opens_from_the_file_menu() {
    let mut harness = starter_harness();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Preferences…").click();
    harness.run();
    harness.get_by_label("Recovery copy every");
    harness.get_by_label("New maps start from");

    // Escape closes it, and only it: the selection stays.
    let selected = harness.state().selected();
    press(&mut harness, egui::Key::Escape);
    assert!(harness.query_by_label("Recovery copy every").is_none());
    assert_eq!(harness.state().selected(), selected);
    assert!(selected.is_some());
}

#[test]
fn new_maps_start_from_the_template_chosen_in_preferences() {
    let mut harness = starter_harness();
    open_preferences(&mut harness);
    choose(&mut harness, "New maps start from", "Blank");
    assert_eq!(
        harness.state().preferences().default_template,
        Template::Blank
    );

    press_with(&mut harness, egui::Modifiers::COMMAND, egui::Key::N);
    assert_eq!(harness.state().document().workbook().map.len(), 1);
}

#[test]
fn the_interface_size_and_theme_change_at_once() {
    let mut harness = starter_harness();
    open_preferences(&mut harness);
    choose(&mut harness, "Interface size", "125%");
    assert!((harness.ctx.zoom_factor() - 1.25).abs() < 1e-6);
    assert!((harness.state().preferences().ui_scale - 1.25).abs() < 1e-6);

    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn markers_can_be_switched_off_in_preferences() {
    let mut harness = starter_harness();
    open_preferences(&mut harness);
    harness
        .get_by_label("Show health, overdue and strategy markers on nodes")
        .click();
    harness.run();
    assert!(!harness.state().preferences().show_markers);
}

/// Waits for the background thread that writes recovery copies.
fn wait_for(condition: impl Fn() -> bool) {
    let start = Instant::now();
    while !condition() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(condition(), "timed out");
}

fn rename_root(harness: &mut Harness<'_, RelmapApp>, title: &str) {
    let root = harness.state().document().workbook().map.root();
    harness.state_mut().apply(EditCommand::Rename {
        id: root,
        title: title.to_owned(),
    });
}

fn recovered_root(copy: &std::path::Path) -> String {
    let workbook = relmap::storage::load(copy).unwrap();
    workbook
        .map
        .topic(workbook.map.root())
        .unwrap()
        .title
        .clone()
}

#[test]
fn recovery_copies_follow_the_interval_chosen_in_preferences() {
    let data = tempfile::tempdir().unwrap();
    let copy = data
        .path()
        .join(format!("recovery-{}.ron", std::process::id()));
    let mut app = starter_app();
    app.set_recovery_store(RecoveryStore::at(data.path().to_owned()));
    app.preferences_mut().recovery_seconds = 10;
    let mut harness = harness_with(app);

    rename_root(&mut harness, "First");
    harness.run_steps(2);
    wait_for(|| copy.exists() && relmap::storage::load(&copy).is_ok());
    assert_eq!(recovered_root(&copy), "First");

    // Another change five seconds later waits for the rest of the interval.
    rename_root(&mut harness, "Second");
    harness.run_steps(5 * 60);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(recovered_root(&copy), "First");
    harness.run_steps(6 * 60);
    wait_for(|| {
        relmap::storage::load(&copy).is_ok_and(|w| {
            w.map
                .topic(w.map.root())
                .is_some_and(|t| t.title == "Second")
        })
    });
}

#[test]
fn a_plan_tab_can_be_hidden_from_its_menu_and_shown_again() {
    let mut harness = starter_harness();
    harness
        .get_by_role_and_label(Role::Button, "Checklist")
        .click_secondary();
    harness.run();
    harness.get_by_label("Hide \"Checklist\"").click();
    harness.run();
    assert!(harness.query_by_label("Checklist").is_none());
    assert_eq!(
        harness.state().preferences().hidden_plan_tabs,
        [PlanTab::Checklist]
    );

    harness.get_by_label("Tabs").click();
    harness.run();
    harness.get_by_label("Checklist").click();
    harness.run();
    assert!(harness.state().preferences().hidden_plan_tabs.is_empty());
}

#[test]
fn hiding_the_open_tab_opens_the_next_one_and_hiding_all_says_how_to_get_them_back() {
    let mut app = starter_app();
    app.preferences_mut().hidden_plan_tabs = vec![PlanTab::Goals];
    let mut harness = harness_with(app);
    // Goals is the first tab; with it hidden, "What's working" is open.
    harness.get_by_label("How I plan my time and track progress");

    harness.state_mut().preferences_mut().hidden_plan_tabs = PlanTab::ALL.to_vec();
    harness.run();
    harness.get_by_label("Every plan tab is hidden. Choose the ones to show under \"Tabs\" above.");
}

#[test]
fn escape_closes_an_open_menu_and_leaves_the_selection_alone() {
    let mut harness = starter_harness();
    let selected = harness.state().selected();
    assert!(selected.is_some());
    harness.get_by_label("File").click();
    harness.run();
    assert!(harness.query_by_label_contains("Preferences…").is_some());
    press(&mut harness, egui::Key::Escape);
    assert!(
        harness.query_by_label_contains("Preferences…").is_none(),
        "the menu closed"
    );
    assert_eq!(harness.state().selected(), selected);
}

#[test]
fn the_undo_step_limit_is_shown_in_preferences_and_bounds_the_history() {
    let mut harness = starter_harness();
    open_preferences(&mut harness);
    let field = harness.get_by_role_and_label(Role::SpinButton, "Undo steps");
    assert_eq!(
        field.value().as_deref(),
        Some("100"),
        "Rerun's 100 steps by default"
    );
    field.set_value_accesskit(12.0);
    harness.run();
    assert_eq!(harness.state().preferences().undo_steps, 12);

    let root = harness.state().document().workbook().map.root();
    for i in 0..30 {
        harness.state_mut().apply(EditCommand::Rename {
            id: root,
            title: format!("Name {i}"),
        });
        harness.run_steps(1);
    }
    assert_eq!(harness.state().document().undo_depth(), 12);
}
