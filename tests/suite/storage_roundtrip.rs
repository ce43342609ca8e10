//! Saving and loading: a workbook that uses every field survives a round trip unchanged, re-saving a loaded file
//! gives the same bytes, the shipped template and example are valid, saving keeps a backup, and a failed save
//! leaves the previous file whole.

// Test helpers outside #[test] functions may fail loudly too; clippy.toml allows that only inside them.
#![allow(clippy::expect_used, clippy::panic)]

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use relmap::model::{
    ActionItem, ActionStatus, Arrangement, ChecklistItem, Contact, CrossLink, Frequency, Health,
    Icon, LinkId, MindMap, NodeId, NodeKind, Person, Plan, Pos, Profile, Rgb, Side, Strategy,
    StrategyStatus, Topic, Workbook,
};
use relmap::storage::{
    CURRENT_VERSION, backup_path, example, from_bytes, from_str, load, save, starter, to_string,
    write_atomically, write_atomically_with,
};

/// Text that trips up naive writers and readers: line breaks, quotes, backslashes, comment markers, a lone
/// closing parenthesis, tabs, control characters (NUL among them, which must not make the file look binary), a
/// combining accent and text beyond ASCII.
const AWKWARD: &str = "First line\nsecond line with \"double quotes\", 'single quotes' and a back\\slash\n\
                       a literal \\n that is not a line break, a tab\there, a comment marker // and /* */,\n\
                       a lone ) and \"), then Ünïcödé, 日本語, Ελληνικά, שלום and an emoji 📚\r\nafter a CR LF, a NUL \0, a bell \u{7}, e\u{301} and \u{301} alone";

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a real date")
}

fn asset(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A full profile: every field set, with awkward text.
fn full_profile(frequency: Frequency) -> Profile {
    Profile {
        people: vec![
            Person {
                name: "Dr. Amélie O'Brien-Ng".to_owned(),
                interests: format!("Budget \"transparency\"\nand {AWKWARD}"),
            },
            Person {
                name: "Chair of the board".to_owned(),
                interests: String::new(),
            },
        ],
        strategies: vec![
            Strategy {
                text: "Brief before every meeting".to_owned(),
                status: StrategyStatus::Active,
            },
            Strategy {
                text: "Walk through the budget\nline by line".to_owned(),
                status: StrategyStatus::Done,
            },
        ],
        frequency,
        frequency_suggested: true,
        success_measures: vec![
            "No surprises at meetings".to_owned(),
            "Hears from me \\ every month".to_owned(),
        ],
        health: Health::NeedsAttention,
        what_works: AWKWARD.to_owned(),
        to_improve: "Two \"newer\" trustees\nonly hear from me in meetings — ça va?".to_owned(),
        notes: "C:\\Users\\maria\\notes.txt\n\n\nthree blank lines above".to_owned(),
        contacts: vec![
            Contact {
                date: date(2026, 11, 12),
                note: "Pre-meeting \"briefing\"\nwith the chair".to_owned(),
            },
            Contact {
                date: date(2024, 2, 29),
                note: String::new(),
            },
        ],
    }
}

/// A workbook that uses every field of the model at least once.
fn rich_workbook() -> Workbook {
    let root = Topic {
        id: NodeId(1),
        title: "Maria López\n(director)".to_owned(),
        kind: NodeKind::Center,
        pos: Pos::new(0.0, 0.0),
        offset: Pos::new(12.5, -3.25),
        side: Some(Side::Left),
        palette: Some(4),
        folded: false,
        color: Some(Rgb([0x1f, 0x77, 0xb4])),
        icon: Some(Icon::Star),
        link: Some(format!("https://example.org/board?q=a&b=\"c\"\n{AWKWARD}")),
        tags: vec!["flag-green".to_owned(), AWKWARD.to_owned(), String::new()],
        profile: Profile {
            notes: AWKWARD.to_owned(),
            ..Profile::default()
        },
    };
    let mut map = MindMap::new(root);

    let frequencies = [
        Frequency::None,
        Frequency::Weekly,
        Frequency::Biweekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::TwiceAYear,
        Frequency::Yearly,
        Frequency::EveryDays(1),
        Frequency::EveryDays(45),
        Frequency::EveryDays(u16::MAX),
    ];
    let kinds = [
        NodeKind::Constituency,
        NodeKind::Group,
        NodeKind::Person,
        NodeKind::Responsibility,
        NodeKind::Interest,
        NodeKind::Topic,
    ];
    // Five constituencies under the root, each with two children; the ids are inserted out of order so that
    // children order differs from id order.
    let mut next = 2;
    let mut constituencies = Vec::new();
    for (i, title) in [
        "Governing authority",
        "Staff",
        "Community",
        "Profession",
        "Self",
    ]
    .into_iter()
    .enumerate()
    {
        let id = NodeId(next);
        next += 1;
        let mut topic = Topic::new(id, title, NodeKind::Constituency)
            .at(Pos::new(320.0 * (i as f32 - 2.0), -150.5 + 75.0 * i as f32));
        topic.profile = full_profile(frequencies[i]);
        topic.icon = Some(Icon::ALL[i]);
        topic.folded = i == 3;
        // Insert each new constituency at the front, so the children list runs against id order.
        map.insert(NodeId(1), 0, topic)
            .expect("insert a constituency");
        constituencies.push(id);
    }
    for (i, &parent) in constituencies.iter().enumerate() {
        for j in 0..2 {
            let id = NodeId(next);
            next += 1;
            let k = i * 2 + j;
            let mut topic =
                Topic::new(id, format!("Child {k} of {parent}"), kinds[k % kinds.len()])
                    .at(Pos::new(600.0 + 10.5 * k as f32, -300.0 + 40.0 * k as f32));
            topic.color = (k % 3 == 0).then_some(Rgb([k as u8, 0xff, 0x00]));
            topic.icon = Some(Icon::ALL[(k + 5) % Icon::ALL.len()]);
            topic.profile.frequency = frequencies[k % frequencies.len()];
            topic.profile.health = Health::ALL[k % Health::ALL.len()];
            if k == 4 {
                topic.profile = full_profile(Frequency::EveryDays(7));
                topic.profile.health = Health::Neglected;
            }
            map.insert(parent, j, topic).expect("insert a child");
        }
    }
    // A deeper node, so the tree has more than two levels.
    let deep = NodeId(next);
    map.insert(
        NodeId(7),
        0,
        Topic::new(deep, "Grandchild \"deep\"", NodeKind::Person).at(Pos::new(-800.0, 420.0)),
    )
    .expect("insert a grandchild");

    for (id, from, to, label) in [
        (1, 3, 9, "reports to"),
        (2, 9, 3, ""),
        (5, 1, deep.0, AWKWARD),
        (9, 4, 4, "a loop on itself"),
    ] {
        map.add_link(CrossLink {
            id: LinkId(id),
            from: NodeId(from),
            to: NodeId(to),
            label: label.to_owned(),
        })
        .expect("add a link");
    }

    let plan = Plan {
        personal_goals: vec![
            "Meet every trustee one-on-one".to_owned(),
            AWKWARD.to_owned(),
        ],
        team_goals: vec!["Open the \"new\" branch\non time".to_owned()],
        reflection: format!("What works:\n{AWKWARD}"),
        tracking: "Calendar \\ weekly review\n- Monday: plan\n- Friday: look back".to_owned(),
        success: "Fewer surprises — für alle.".to_owned(),
        checklist: vec![
            ChecklistItem {
                text: "Balancing relationships".to_owned(),
                well_represented: true,
                want_to_improve: false,
                note: "We say so \"honestly\"\nmost of the time".to_owned(),
            },
            ChecklistItem {
                text: "Owning our own learning".to_owned(),
                well_represented: false,
                want_to_improve: true,
                note: String::new(),
            },
            ChecklistItem {
                text: "Being open to change".to_owned(),
                well_represented: true,
                want_to_improve: true,
                note: AWKWARD.to_owned(),
            },
            ChecklistItem::new("Unticked and without a note"),
        ],
        actions: vec![
            ActionItem {
                step: "Send the one-page \"update\"".to_owned(),
                who: "Maria".to_owned(),
                due: Some(date(2026, 12, 1)),
                status: ActionStatus::InProgress,
                node: Some(NodeId(2)),
            },
            ActionItem {
                step: "Plan the staff breakfast".to_owned(),
                who: String::new(),
                due: None,
                status: ActionStatus::Planned,
                node: None,
            },
            ActionItem {
                step: "Visit the Eastside branch".to_owned(),
                who: "Maria & Jo".to_owned(),
                due: Some(date(2026, 10, 20)),
                status: ActionStatus::Done,
                node: Some(deep),
            },
            ActionItem {
                step: AWKWARD.to_owned(),
                who: "nobody".to_owned(),
                due: Some(date(2025, 1, 1)),
                status: ActionStatus::Dropped,
                // A node that has since been removed: the reference is kept as it is.
                node: Some(NodeId(999)),
            },
        ],
    };
    let workbook = Workbook {
        map,
        plan,
        arrangement: Arrangement::Radial,
    };
    workbook.map.validate().expect("the test workbook is valid");
    workbook
}

/// Cross-links sorted by id, so two maps can be compared.
fn sorted_links(map: &MindMap) -> Vec<CrossLink> {
    let mut links: Vec<CrossLink> = map.links().cloned().collect();
    links.sort_by_key(|link| link.id);
    links
}

/// Asserts that `loaded` holds what `original` held, field by field. Positions are compared as the file stores
/// them: rounded to a tenth.
fn assert_same_workbook(original: &Workbook, loaded: &Workbook) {
    assert_eq!(original.arrangement, loaded.arrangement, "the arrangement");
    let (a, b) = (&original.map, &loaded.map);
    assert_eq!(a.root(), b.root(), "the root");
    assert_eq!(a.sorted_ids(), b.sorted_ids(), "the node ids");
    assert_eq!(a.len(), b.len());
    for id in a.sorted_ids() {
        let expected = a.topic(id).expect("the original has the node");
        let found = b.topic(id).expect("the loaded map has the node");
        let rounded = Topic {
            pos: expected.pos.rounded(),
            offset: expected.offset.rounded(),
            ..expected.clone()
        };
        assert_eq!(&rounded, found, "node {id}");
        assert_eq!(a.children(id), b.children(id), "the children of node {id}");
        assert_eq!(a.parent(id), b.parent(id), "the parent of node {id}");
    }
    assert_eq!(a.link_count(), b.link_count(), "the number of links");
    assert_eq!(sorted_links(a), sorted_links(b), "the links");
    assert_eq!(original.plan, loaded.plan, "the plan");
    b.validate().expect("the loaded map is valid");
}

/// The content of a file as text, so that a failed comparison shows a readable difference.
fn read(path: &Path) -> String {
    let bytes = fs::read(path).unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
    String::from_utf8(bytes)
        .unwrap_or_else(|error| panic!("{} is not UTF-8: {error}", path.display()))
}

#[test]
fn a_workbook_using_every_field_survives_a_save_and_a_load() {
    let original = rich_workbook();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("every field.ron");
    save(&path, &original).expect("save");
    let loaded = load(&path).expect("load");
    assert_same_workbook(&original, &loaded);

    // Spot checks that the comparison is not vacuous.
    let profile = &loaded.map.topic(NodeId(2)).expect("node 2").profile;
    assert_eq!(profile.strategies[1].status, StrategyStatus::Done);
    assert_eq!(profile.what_works, AWKWARD);
    assert_eq!(
        loaded.map.children(NodeId(1)),
        &[NodeId(6), NodeId(5), NodeId(4), NodeId(3), NodeId(2)]
    );
    let kinds: std::collections::HashSet<NodeKind> =
        loaded.map.topics().map(|topic| topic.kind).collect();
    assert_eq!(kinds.len(), NodeKind::ALL.len(), "every node kind is used");
    let icons: std::collections::HashSet<Icon> =
        loaded.map.topics().filter_map(|topic| topic.icon).collect();
    assert_eq!(icons.len(), Icon::ALL.len(), "every icon is used");
    let frequencies: std::collections::HashSet<Frequency> = loaded
        .map
        .topics()
        .map(|topic| topic.profile.frequency)
        .collect();
    for frequency in Frequency::PRESETS {
        assert!(frequencies.contains(&frequency), "{frequency:?} is used");
    }
    assert!(frequencies.contains(&Frequency::EveryDays(45)));
    assert!(frequencies.contains(&Frequency::EveryDays(u16::MAX)));
}

#[test]
fn text_round_trips_through_to_string_and_from_str_as_well() {
    let original = rich_workbook();
    let text = to_string(&original);
    let loaded = from_str(&text, Path::new("in memory.ron")).expect("parse");
    assert_same_workbook(&original, &loaded);
    let loaded = from_bytes(text.as_bytes(), Path::new("in memory.ron")).expect("parse bytes");
    assert_same_workbook(&original, &loaded);
}

#[test]
fn every_node_and_every_link_is_written_on_one_line() {
    let original = rich_workbook();
    let text = to_string(&original);
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.trim() == "nodes: [")
        .expect("a nodes list");
    let end = start
        + lines[start..]
            .iter()
            .position(|line| line.trim() == "],")
            .expect("the end of the nodes list");
    assert_eq!(end - start - 1, original.map.len(), "one line per node");
    let links_start = lines
        .iter()
        .position(|line| line.trim() == "links: [")
        .expect("a links list");
    let links_end = links_start
        + lines[links_start..]
            .iter()
            .position(|line| line.trim() == "],")
            .expect("the end of the links list");
    assert_eq!(
        links_end - links_start - 1,
        original.map.link_count(),
        "one line per link"
    );
}

#[test]
fn re_saving_a_loaded_file_gives_exactly_the_same_bytes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let first = dir.path().join("first.ron");
    let second = dir.path().join("second.ron");
    save(&first, &rich_workbook()).expect("save");
    let loaded = load(&first).expect("load");
    save(&second, &loaded).expect("save again");
    assert_eq!(read(&first), read(&second));
    // And once more, over the same file.
    save(&first, &load(&second).expect("load again")).expect("save over");
    assert_eq!(read(&first), read(&second));
}

#[test]
fn the_shipped_template_and_example_are_written_exactly_as_relmap_writes_them() {
    for (relative, workbook) in [
        ("assets/templates/five-constituencies.ron", starter()),
        ("assets/examples/riverside.ron", example()),
    ] {
        let path = asset(relative);
        let on_disk = read(&path);
        let workbook = workbook.unwrap_or_else(|error| panic!("{relative}: {error}"));
        assert_eq!(
            to_string(&workbook),
            on_disk,
            "{relative} loaded through the built-in copy and saved again"
        );
        let loaded = load(&path).unwrap_or_else(|error| panic!("{relative}: {error}"));
        assert_eq!(
            to_string(&loaded),
            on_disk,
            "{relative} loaded from disk and saved again"
        );
        assert_same_workbook(&workbook, &loaded);

        let dir = tempfile::tempdir().expect("a temporary folder");
        let copy = dir.path().join("copy.ron");
        save(&copy, &loaded).expect("save the copy");
        assert_eq!(
            read(&copy),
            on_disk,
            "{relative} saved through storage::save"
        );
    }
}

#[test]
fn the_starter_template_has_you_at_the_centre_and_the_five_constituencies_around_you() {
    let workbook = starter().expect("the starter template loads");
    let map = &workbook.map;
    map.validate().expect("the starter template is valid");
    let root = map.topic(map.root()).expect("a root");
    assert_eq!(root.title, "You");
    assert_eq!(root.kind, NodeKind::Center);
    let titles: Vec<&str> = map
        .children(map.root())
        .iter()
        .map(|&id| map.topic(id).expect("a child").title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Governing authority",
            "Staff",
            "Community",
            "Profession",
            "Self"
        ]
    );
    for &id in map.children(map.root()) {
        assert_eq!(
            map.topic(id).expect("a child").kind,
            NodeKind::Constituency,
            "node {id}"
        );
    }
}

#[test]
fn the_example_map_loads_and_is_valid() {
    let workbook = example().expect("the example loads");
    workbook.map.validate().expect("the example is valid");
    assert!(workbook.map.len() > 6, "the example is filled in");
    assert_eq!(workbook.map.children(workbook.map.root()).len(), 5);
    let loaded = load(&asset("assets/examples/riverside.ron")).expect("the example file loads");
    assert_same_workbook(&workbook, &loaded);
}

#[test]
fn saving_over_a_file_keeps_the_previous_one_as_a_backup() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("map.ron");
    let backup = backup_path(&path);
    assert_eq!(backup, dir.path().join("map.ron.bak"));

    let old = Workbook::new("Old centre");
    save(&path, &old).expect("first save");
    assert!(!backup.exists(), "a new file has no backup");
    let old_bytes = read(&path);

    let new = rich_workbook();
    save(&path, &new).expect("second save");
    assert_eq!(read(&backup), old_bytes, "the backup holds the old content");
    assert_eq!(read(&path), to_string(&new));

    // The backup is a whole, loadable map.
    let restored = load(&backup).expect("the backup loads");
    assert_same_workbook(&old, &restored);

    // A third save moves the backup on to the second version.
    let second_bytes = read(&path);
    save(&path, &Workbook::new("Third")).expect("third save");
    assert_eq!(read(&backup), second_bytes);
}

#[test]
fn a_failed_write_leaves_the_old_file_whole_and_no_temporary_file_behind() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("map.ron");
    let old = to_string(&starter().expect("starter"));
    write_atomically(&path, old.as_bytes()).expect("the first write");

    let new = to_string(&rich_workbook());
    let half = &new.as_bytes()[..new.len() / 2];
    let result = write_atomically_with(&path, |file| {
        file.write_all(half)?;
        Err(io::Error::other("the disk is full (simulated)"))
    });
    let error = result.expect_err("the failure reaches the caller");
    assert!(error.to_string().contains("simulated"), "{error}");

    assert_eq!(read(&path), old, "the old file is whole");
    load(&path).expect("the old file still loads");
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list the folder")
        .map(|entry| {
            entry
                .expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(
        names.iter().all(|name| !name.starts_with('.')),
        "no temporary file is left: {names:?}"
    );
    assert_eq!(
        names,
        ["map.ron"],
        "nothing but the map is in the folder, not even a backup"
    );
}

#[test]
fn saving_into_a_missing_folder_fails_with_an_error_naming_the_path() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("no such folder").join("map.ron");
    let error = save(&path, &Workbook::default()).expect_err("the folder does not exist");
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "the message names the path: {message}"
    );
    assert!(!path.exists());
    assert!(!dir.path().join("no such folder").exists());
}

#[test]
fn positions_are_rounded_to_a_tenth_in_the_file() {
    let mut workbook = Workbook::new("You");
    workbook
        .map
        .insert(
            NodeId(1),
            0,
            Topic::new(NodeId(2), "A", NodeKind::Topic).at(Pos::new(12.345, -0.04)),
        )
        .expect("insert");
    workbook
        .map
        .insert(
            NodeId(1),
            1,
            Topic::new(NodeId(3), "B", NodeKind::Topic).at(Pos::new(-100.06, 1.0 / 3.0)),
        )
        .expect("insert");
    let text = to_string(&workbook);
    assert!(text.contains("x:12.3,y:0.0"), "{text}");
    assert!(text.contains("x:-100.1,y:0.3"), "{text}");
    assert!(!text.contains("-0.0"), "no negative zero: {text}");
    let loaded = from_str(&text, Path::new("rounded.ron")).expect("load");
    assert_eq!(
        loaded.map.topic(NodeId(2)).expect("node 2").pos,
        Pos::new(12.3, 0.0)
    );
    assert_eq!(
        loaded.map.topic(NodeId(3)).expect("node 3").pos,
        Pos::new(-100.1, 0.3)
    );
    assert_eq!(to_string(&loaded), text, "rounding is stable");
}

#[test]
fn the_file_starts_with_the_header() {
    let text = to_string(&rich_workbook());
    let expected_start = format!("(\n    format: \"relmap\",\n    version: {CURRENT_VERSION},\n");
    assert!(text.starts_with(&expected_start), "{text}");
    assert_eq!(CURRENT_VERSION, 1);
    let at = |needle: &str| text.find(needle).expect(needle);
    assert!(at("format:") < at("version:"));
    assert!(at("version:") < at("nodes:"));
    assert!(at("nodes:") < at("links:"));
    assert!(at("links:") < at("plan:"));
    assert!(text.ends_with(")\n"));
}

#[test]
fn a_file_with_its_fields_in_another_order_still_loads() {
    let nodes = "    nodes: [
        (id:1,title:\"You\",kind:Center,x:0.0,y:0.0,icon:Some(Star),children:[3,2],profile:(strategies:[(text:\"a\",status:Done)],frequency:EveryDays(10),health:WorkingWell,contacts:[(date:\"2026-01-31\",note:\"n\")])),
        (id:2,title:\"Staff\",kind:Constituency,x:1.5,y:-2.0,color:Some(\"#112233\"),folded:true,profile:(frequency:Monthly,people:[(name:\"Jo\")])),
        (id:3,title:\"Self\",kind:Person,x:3.0,y:4.0),
    ],\n";
    let links = "    links: [\n        (id:4,from:2,to:3,label:\"see also\"),\n    ],\n";
    let plan = "    plan: (\n        personal_goals: [\"Read\"],\n        checklist: [(text: \"One\", well_represented: true)],\n        actions: [(step: \"Call\", due: Some(\"2026-02-01\"), status: Done, node: Some(2))],\n    ),\n";
    let format = "    format: \"relmap\",\n";
    let version = "    version: 1,\n";

    let orders: [[&str; 5]; 4] = [
        // Plan before nodes, header first.
        [format, version, plan, links, nodes],
        // Version after the nodes.
        [format, plan, nodes, version, links],
        // The header last.
        [plan, links, nodes, version, format],
        // The usual order, for reference.
        [format, version, nodes, links, plan],
    ];
    let mut loaded = Vec::new();
    for order in orders {
        let text = format!("(\n{})\n", order.concat());
        let workbook = from_str(&text, Path::new("reordered.ron"))
            .unwrap_or_else(|error| panic!("{error}\n{text}"));
        loaded.push(workbook);
    }
    let reference = loaded.pop().expect("the reference");
    let root = reference.map.topic(NodeId(1)).expect("root");
    assert_eq!(root.icon, Some(Icon::Star));
    assert_eq!(root.profile.frequency, Frequency::EveryDays(10));
    assert_eq!(root.profile.strategies[0].status, StrategyStatus::Done);
    assert_eq!(reference.map.children(NodeId(1)), &[NodeId(3), NodeId(2)]);
    assert_eq!(reference.plan.actions[0].status, ActionStatus::Done);
    assert_eq!(reference.plan.actions[0].node, Some(NodeId(2)));
    for workbook in &loaded {
        assert_same_workbook(&reference, workbook);
        assert_eq!(to_string(workbook), to_string(&reference));
    }
}
