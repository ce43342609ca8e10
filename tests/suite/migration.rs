//! Format versions: a real version-0 file (tests/fixtures/version-0.ron, the first prototype's nested shape)
//! opens through the migration chain with every field in place, says it was version 0, and saves as the
//! current version; a newer version is refused with both versions named and the file left alone.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use relmap::model::{ActionStatus, Frequency, NodeKind, Rgb, Workbook};
use relmap::storage::{self, LoadError};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/version-0.ron")
}

fn node<'a>(workbook: &'a Workbook, title: &str) -> &'a relmap::model::Topic {
    let map = &workbook.map;
    map.sorted_ids()
        .into_iter()
        .filter_map(|id| map.topic(id))
        .find(|topic| topic.title == title)
        .unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_version_0_file_opens_with_every_field_migrated() {
    let loaded = storage::open(&fixture()).unwrap();
    assert_eq!(loaded.version, 0);
    let workbook = &loaded.workbook;
    let map = &workbook.map;
    assert_eq!(map.len(), 13);
    let root = map.topic(map.root()).unwrap();
    assert_eq!(root.title, "Me, library director");
    assert_eq!(root.kind, NodeKind::Center);
    let titles: Vec<&str> = map
        .children(map.root())
        .iter()
        .map(|&id| map.topic(id).unwrap().title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Governing authority",
            "Staff",
            "Community",
            "Profession",
            "Myself"
        ]
    );

    let board = node(workbook, "Governing authority");
    assert_eq!(board.kind, NodeKind::Constituency);
    assert_eq!((board.pos.x, board.pos.y), (280.0, -160.0));
    assert_eq!(board.color, Some(Rgb([0x3b, 0x6e, 0xa5])));
    assert_eq!(board.profile.frequency, Frequency::Monthly);
    assert_eq!(
        board.profile.notes,
        "Library board of trustees; the city manager sets our budget calendar."
    );
    let strategies: Vec<&str> = board
        .profile
        .strategies
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        strategies,
        [
            "Meet the board chair before every board meeting",
            "Send a one-page monthly report"
        ]
    );
    assert_eq!(
        board.profile.success_measures,
        ["Budget request approved without cuts"]
    );
    assert_eq!(board.profile.contacts.len(), 1);
    assert_eq!(board.profile.contacts[0].date, date(2024, 2, 29));

    assert_eq!(
        node(workbook, "Board chair").profile.frequency,
        Frequency::Biweekly
    );
    assert_eq!(
        node(workbook, "City manager").profile.frequency,
        Frequency::Quarterly
    );
    assert_eq!(
        node(workbook, "Community").profile.frequency,
        Frequency::EveryDays(45)
    );
    assert_eq!(
        node(workbook, "Profession").profile.frequency,
        Frequency::Yearly
    );
    assert!(node(workbook, "Branch managers").folded);
    assert_eq!(node(workbook, "Eastside branch").kind, NodeKind::Group);
    assert_eq!(
        node(workbook, "Myself").profile.notes,
        "Protect one afternoon a week\nfor reading and thinking."
    );
    // A kind the prototype knew but relmap does not is a plain topic.
    assert_eq!(node(workbook, "Mentor").kind, NodeKind::Topic);
    node(workbook, "Schools — «Lecture pour tous»");

    let plan = &workbook.plan;
    assert_eq!(
        plan.personal_goals,
        [
            "Finish the strategic plan by June",
            "Visit every branch each quarter"
        ]
    );
    assert!(plan.team_goals.is_empty());
    assert_eq!(
        plan.reflection,
        "Monthly reports to the board are working; staff feel heard."
    );
    assert_eq!(plan.checklist.len(), 2);
    assert!(plan.checklist[0].well_represented);
    assert!(!plan.checklist[1].well_represented);
    assert_eq!(plan.actions.len(), 3);
    assert_eq!(plan.actions[0].status, ActionStatus::Done);
    assert_eq!(plan.actions[0].due, Some(date(2024, 3, 15)));
    assert_eq!(plan.actions[1].who, "Pat");
    assert_eq!(plan.actions[1].status, ActionStatus::Planned);
    assert_eq!(plan.actions[2].due, None);
}

#[test]
fn a_migrated_map_saves_as_the_current_version_and_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let old = storage::load(&fixture()).unwrap();
    let path = dir.path().join("upgraded.ron");
    storage::save(&path, &old).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("version: {}", storage::CURRENT_VERSION)));
    let again = storage::open(&path).unwrap();
    assert_eq!(again.version, storage::CURRENT_VERSION);
    assert_eq!(
        storage::to_string(&again.workbook),
        storage::to_string(&old)
    );
}

#[test]
fn a_version_0_file_without_a_checklist_gets_the_default_one() {
    let text = r#"(format: "relmap", version: 0, root: (text: "Me"))"#;
    let workbook = storage::from_str(text, Path::new("tiny.ron")).unwrap();
    assert_eq!(workbook.map.len(), 1);
    assert_eq!(
        workbook.plan.checklist,
        relmap::model::Plan::default().checklist
    );
}

#[test]
fn a_broken_version_0_file_names_the_line_and_column() {
    let text = "(\n    format: \"relmap\",\n    version: 0,\n    root: (text: \"Me\", last_contact: \"2024-02-30\"),\n)\n";
    let error = storage::from_str(text, Path::new("old.ron")).unwrap_err();
    let (line, _) = error.line_column().unwrap();
    assert_eq!(line, 4, "{error}");
    assert!(error.to_string().contains("old.ron"), "{error}");
}

#[test]
fn a_newer_version_is_refused_naming_both_versions_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    let text = format!(
        "(format: \"relmap\", version: {}, nodes: [], hologram: ())\n",
        storage::CURRENT_VERSION + 1
    );
    storage::write_atomically(&path, text.as_bytes()).unwrap();
    let error = storage::open(&path).unwrap_err();
    assert!(matches!(error, LoadError::NewerVersion { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.contains(&(storage::CURRENT_VERSION + 1).to_string())
            && message.contains(&storage::CURRENT_VERSION.to_string()),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
