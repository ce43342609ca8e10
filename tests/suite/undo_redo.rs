//! Every edit command applied through `Document`, then undone and redone: the change happens, the map stays
//! valid, undo gives back exactly the workbook from before and redo exactly the one from after. Also the dirty
//! flag and the merging of keystrokes into one undo step.
//!
//! Workbooks are compared through `storage::to_string`, the canonical text of a file: two workbooks that save
//! to the same text are the same to a user.

// clippy.toml lets `#[test]` functions fail loudly; the helpers they share here are test code as well.
#![allow(clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use relmap::document::{Document, EditCommand, ListItem, ListOp, ListRef};
use relmap::model::{
    ActionItem, ActionStatus, ChecklistItem, Contact, CrossLink, Frequency, Health, Icon, LinkId,
    NodeId, NodeKind, Person, PlanText, Pos, ProfileText, Rgb, Strategy, StrategyStatus, Topic,
    Workbook,
};
use relmap::storage;

/// The canonical text of a workbook: equal texts mean equal workbooks.
fn snapshot(workbook: &Workbook) -> String {
    storage::to_string(workbook)
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).expect("a real date")
}

/// The starter map with cross-links (across branches, parent to child, child to parent), a filled-in profile
/// on "Governing authority" (node 2) and a filled-in plan.
fn workbook() -> Workbook {
    let mut workbook = storage::starter().expect("the starter template loads");
    for (from, to, label) in [
        (7, 10, "reports to"),
        (3, 13, ""),
        (23, 6, "advises"),
        (2, 8, "chairs"),
        (12, 3, ""),
    ] {
        let id = workbook.map.allocate_link_id();
        workbook
            .map
            .add_link(CrossLink {
                id,
                from: NodeId(from),
                to: NodeId(to),
                label: label.to_owned(),
            })
            .expect("the fixture's links are valid");
    }
    let profile = &mut workbook
        .map
        .topic_mut(NodeId(2))
        .expect("node 2 exists")
        .profile;
    profile.people = vec![
        Person {
            name: "Board chair".to_owned(),
            interests: "the budget".to_owned(),
        },
        Person {
            name: "Treasurer".to_owned(),
            interests: String::new(),
        },
    ];
    profile.contacts = vec![
        Contact {
            date: date(2),
            note: "budget hearing".to_owned(),
        },
        Contact {
            date: date(9),
            note: String::new(),
        },
    ];
    "Short written updates".clone_into(&mut profile.what_works);
    profile.health = Health::WorkingWell;
    let plan = &mut workbook.plan;
    plan.personal_goals = vec!["Read more".to_owned(), "Sleep more".to_owned()];
    plan.team_goals = vec!["Open on Sundays".to_owned(), "New catalogue".to_owned()];
    "The board trusts us".clone_into(&mut plan.reflection);
    plan.actions = vec![
        ActionItem {
            step: "Call the chair".to_owned(),
            who: "Me".to_owned(),
            due: Some(date(20)),
            status: ActionStatus::Planned,
            node: Some(NodeId(7)),
        },
        ActionItem {
            step: "Visit the clubs".to_owned(),
            ..ActionItem::default()
        },
    ];
    workbook.map.validate().expect("the fixture is a valid map");
    workbook
}

fn assert_valid(workbook: &Workbook) {
    if let Err(problems) = workbook.map.validate() {
        panic!("the map is broken: {problems:?}");
    }
}

/// Applies `command` to `doc` as one step, checks the change with `changed`, then undoes it (the workbook must
/// equal the one before) and redoes it (the workbook must equal the one after).
fn round_trip_in(doc: &mut Document, command: EditCommand, changed: impl Fn(&Workbook)) {
    let before = snapshot(doc.workbook());
    let depth = doc.undo_depth();
    if let Err(error) = doc.apply(command.clone()) {
        panic!("{command:?} was refused: {error}");
    }
    let after = snapshot(doc.workbook());
    assert_ne!(before, after, "{command:?} changed nothing");
    assert_eq!(doc.undo_depth(), depth + 1, "{command:?} is one undo step");
    changed(doc.workbook());
    assert_valid(doc.workbook());

    assert_eq!(doc.undo(), Ok(true));
    assert_valid(doc.workbook());
    assert_eq!(snapshot(doc.workbook()), before, "undoing {command:?}");

    assert_eq!(doc.redo(), Ok(true));
    assert_valid(doc.workbook());
    assert_eq!(snapshot(doc.workbook()), after, "redoing {command:?}");
    changed(doc.workbook());
}

/// `round_trip_in` on a fresh document of the fixture.
fn round_trip(command: EditCommand, changed: impl Fn(&Workbook)) {
    let mut doc = Document::new(workbook(), None);
    round_trip_in(&mut doc, command, changed);
}

fn topic(workbook: &Workbook, id: u64) -> &Topic {
    workbook.map.topic(NodeId(id)).expect("the node exists")
}

fn children(workbook: &Workbook, id: u64) -> Vec<u64> {
    workbook
        .map
        .children(NodeId(id))
        .iter()
        .map(|id| id.0)
        .collect()
}

#[test]
fn adding_a_node_is_undone_and_redone() {
    let mut doc = Document::new(workbook(), None);
    let id = doc.allocate_node_id();
    let command = EditCommand::AddNode {
        parent: NodeId(2),
        index: 1,
        topic: Box::new(Topic::new(id, "Friends of the library", NodeKind::Group)),
    };
    round_trip_in(&mut doc, command, |wb| {
        assert_eq!(children(wb, 2), [7, id.0, 8, 9]);
        assert_eq!(
            wb.map.topic(id).map(|t| t.title.as_str()),
            Some("Friends of the library")
        );
    });
}

#[test]
fn removing_and_restoring_a_subtree_are_undone_and_redone() {
    round_trip(EditCommand::RemoveSubtree { id: NodeId(2) }, |wb| {
        assert!(![2, 7, 8, 9].iter().any(|&id| wb.map.contains(NodeId(id))));
        assert_eq!(children(wb, 1), [3, 4, 5, 6]);
        assert_eq!(wb.map.link_count(), 3, "the links from 7 and 2 are gone");
    });

    // A restore command as the UI never builds it itself, but as undo does: from what the removal took out.
    let mut doc = Document::new(workbook(), None);
    let original = snapshot(doc.workbook());
    let removed = doc
        .workbook()
        .map
        .clone()
        .remove_subtree(NodeId(2))
        .expect("node 2 can be removed");
    doc.apply(EditCommand::RemoveSubtree { id: NodeId(2) })
        .expect("node 2 can be removed");
    round_trip_in(
        &mut doc,
        EditCommand::RestoreSubtree(Box::new(removed)),
        |wb| {
            assert_eq!(snapshot(wb), original);
        },
    );
}

#[test]
fn wrapping_and_dissolving_are_undone_and_redone() {
    let mut doc = Document::new(workbook(), None);
    let id = doc.allocate_node_id();
    let command = EditCommand::Wrap {
        parent: NodeId(4),
        index: 2,
        count: 3,
        topic: Box::new(Topic::new(id, "Public sector", NodeKind::Group)),
        links: Vec::new(),
    };
    round_trip_in(&mut doc, command, |wb| {
        assert_eq!(children(wb, 4), [13, 14, id.0, 18, 19, 20]);
        assert_eq!(children(wb, id.0), [15, 16, 17]);
    });
    round_trip(EditCommand::Dissolve { id: NodeId(3) }, |wb| {
        assert!(!wb.map.contains(NodeId(3)));
        assert_eq!(children(wb, 1), [2, 10, 11, 12, 4, 5, 6]);
        assert_eq!(
            wb.map.link_count(),
            3,
            "both links touching node 3 are gone"
        );
    });
}

#[test]
fn changing_how_a_node_looks_is_undone_and_redone() {
    let id = NodeId(8);
    round_trip(
        EditCommand::Rename {
            id,
            title: "City council".to_owned(),
        },
        |wb| {
            assert_eq!(topic(wb, 8).title, "City council");
        },
    );
    round_trip(
        EditCommand::SetKind {
            id,
            kind: NodeKind::Person,
        },
        |wb| {
            assert_eq!(topic(wb, 8).kind, NodeKind::Person);
        },
    );
    round_trip(
        EditCommand::SetFolded {
            id: NodeId(4),
            folded: true,
        },
        |wb| {
            assert!(topic(wb, 4).folded);
        },
    );
    let red = Some(Rgb([0xd6, 0x27, 0x28]));
    round_trip(EditCommand::SetColor { id, color: red }, |wb| {
        assert_eq!(topic(wb, 8).color, red);
    });
    round_trip(
        EditCommand::SetIcon {
            id,
            icon: Some(Icon::Star),
        },
        |wb| {
            assert_eq!(topic(wb, 8).icon, Some(Icon::Star));
        },
    );

    // Clearing a colour and an icon is undone too.
    let mut doc = Document::new(workbook(), None);
    doc.apply(EditCommand::Batch(vec![
        EditCommand::SetColor { id, color: red },
        EditCommand::SetIcon {
            id,
            icon: Some(Icon::Flag),
        },
    ]))
    .expect("the node exists");
    round_trip_in(&mut doc, EditCommand::SetColor { id, color: None }, |wb| {
        assert_eq!(topic(wb, 8).color, None);
    });
    round_trip_in(&mut doc, EditCommand::SetIcon { id, icon: None }, |wb| {
        assert_eq!(topic(wb, 8).icon, None);
    });
}

#[test]
fn setting_and_clearing_a_link_is_undone_and_redone() {
    let id = NodeId(8);
    let link = Some("https://example.org/council?year=2026&page=2".to_owned());
    round_trip(
        EditCommand::SetLink {
            id,
            link: link.clone(),
        },
        |wb| {
            assert_eq!(topic(wb, 8).link, link);
        },
    );

    // Clearing a link and changing one to another are undone too.
    let mut doc = Document::new(workbook(), None);
    doc.apply(EditCommand::SetLink {
        id,
        link: link.clone(),
    })
    .expect("the node exists");
    round_trip_in(&mut doc, EditCommand::SetLink { id, link: None }, |wb| {
        assert_eq!(topic(wb, 8).link, None);
    });
    let other = Some("file:///home/maria/minutes.odt".to_owned());
    round_trip_in(
        &mut doc,
        EditCommand::SetLink {
            id,
            link: other.clone(),
        },
        |wb| {
            assert_eq!(topic(wb, 8).link, other);
        },
    );
}

#[test]
fn changing_tags_is_undone_and_redone() {
    let id = NodeId(8);
    let tags = vec!["budget".to_owned(), "full-1".to_owned()];
    round_trip(
        EditCommand::SetTags {
            id,
            tags: tags.clone(),
        },
        |wb| {
            assert_eq!(topic(wb, 8).tags, tags);
        },
    );

    let mut doc = Document::new(workbook(), None);
    doc.apply(EditCommand::SetTags {
        id,
        tags: tags.clone(),
    })
    .expect("the node exists");
    let reordered = vec!["full-1".to_owned(), "budget".to_owned(), "new".to_owned()];
    round_trip_in(
        &mut doc,
        EditCommand::SetTags {
            id,
            tags: reordered.clone(),
        },
        |wb| {
            assert_eq!(topic(wb, 8).tags, reordered);
        },
    );
    round_trip_in(
        &mut doc,
        EditCommand::SetTags {
            id,
            tags: Vec::new(),
        },
        |wb| {
            assert!(topic(wb, 8).tags.is_empty());
        },
    );
}

#[test]
fn two_link_edits_in_a_row_are_two_undo_steps() {
    // A link is set from a dialog, not typed keystroke by keystroke into the map, so edits never merge.
    let mut doc = Document::new(workbook(), None);
    let id = NodeId(8);
    for link in ["https://a.example", "https://b.example"] {
        doc.apply(EditCommand::SetLink {
            id,
            link: Some(link.to_owned()),
        })
        .expect("the node exists");
    }
    assert_eq!(doc.undo_depth(), 2);
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(
        topic(doc.workbook(), 8).link.as_deref(),
        Some("https://a.example")
    );
    assert_eq!(
        EditCommand::SetLink { id, link: None }.label(),
        "change link"
    );
    assert_eq!(
        EditCommand::SetTags {
            id,
            tags: Vec::new()
        }
        .label(),
        "change tags"
    );
}

#[test]
fn moving_nodes_on_the_canvas_is_undone_and_redone() {
    let moves = vec![
        (NodeId(7), Pos::new(10.0, 20.0)),
        (NodeId(1), Pos::new(-50.0, 5.5)),
        // A node listed twice ends at its last position, and undo still brings it back to where it started.
        (NodeId(7), Pos::new(30.0, 40.0)),
    ];
    // Positions are the user's own only in the free arrangement; otherwise the layout decides them.
    let mut free = workbook();
    free.arrangement = relmap::model::Arrangement::Free;
    let mut doc = Document::new(free, None);
    round_trip_in(&mut doc, EditCommand::MoveNodes { moves }, |wb| {
        assert_eq!(topic(wb, 7).pos, Pos::new(30.0, 40.0));
        assert_eq!(topic(wb, 1).pos, Pos::new(-50.0, 5.5));
    });
}

#[test]
fn nudging_nodes_is_undone_and_redone_and_moves_their_branch() {
    let doc = Document::new(workbook(), None);
    let child = doc.workbook().map.children(NodeId(2))[0];
    let before = doc.workbook().map.topic(child).expect("a child").pos;
    let offsets = vec![(NodeId(2), Pos::new(15.0, -25.0))];
    round_trip(EditCommand::SetOffsets { offsets }, |wb| {
        assert_eq!(topic(wb, 2).offset, Pos::new(15.0, -25.0));
        let moved = wb.map.topic(child).expect("the child").pos;
        assert_eq!(moved, Pos::new(before.x + 15.0, before.y - 25.0));
    });
}

#[test]
fn changing_the_arrangement_is_undone_and_redone_and_free_positions_come_back() {
    let mut free = workbook();
    free.arrangement = relmap::model::Arrangement::Free;
    let mut doc = Document::new(free, None);
    round_trip_in(
        &mut doc,
        EditCommand::SetArrangement(relmap::model::Arrangement::Radial),
        |wb| assert_eq!(wb.arrangement, relmap::model::Arrangement::Radial),
    );
}

#[test]
fn reparenting_and_reordering_are_undone_and_redone() {
    // Node 8 has a cross-link from its parent, which must not be taken for the tree edge.
    let command = EditCommand::Reparent {
        id: NodeId(8),
        parent: NodeId(3),
        index: 1,
    };
    round_trip(command, |wb| {
        assert_eq!(children(wb, 2), [7, 9]);
        assert_eq!(children(wb, 3), [10, 8, 11, 12]);
        assert_eq!(wb.map.parent(NodeId(8)), Some(NodeId(3)));
    });
    let command = EditCommand::Reparent {
        id: NodeId(13),
        parent: NodeId(4),
        index: 5,
    };
    round_trip(command, |wb| {
        assert_eq!(children(wb, 4), [14, 15, 16, 17, 18, 13, 19, 20]);
    });
}

#[test]
fn editing_cross_links_is_undone_and_redone() {
    let link = CrossLink {
        id: LinkId(100),
        from: NodeId(19),
        to: NodeId(5),
        label: "press".to_owned(),
    };
    round_trip(EditCommand::AddLink(link.clone()), |wb| {
        assert_eq!(wb.map.link(LinkId(100)), Some(&link));
    });
    round_trip(EditCommand::RemoveLink { id: LinkId(3) }, |wb| {
        assert_eq!(wb.map.link(LinkId(3)), None);
        assert_eq!(wb.map.link_count(), 4);
    });
    round_trip(
        EditCommand::SetLinkLabel {
            id: LinkId(1),
            label: "works with".to_owned(),
        },
        |wb| {
            assert_eq!(
                wb.map.link(LinkId(1)).map(|l| l.label.as_str()),
                Some("works with")
            );
        },
    );
}

#[test]
fn editing_a_profile_is_undone_and_redone() {
    for field in [
        ProfileText::WhatWorks,
        ProfileText::ToImprove,
        ProfileText::Notes,
    ] {
        let text = format!("new text for {field:?}");
        round_trip(
            EditCommand::SetProfileText {
                id: NodeId(2),
                field,
                text: text.clone(),
            },
            |wb| {
                assert_eq!(topic(wb, 2).profile.text(field), text);
            },
        );
    }
    let command = EditCommand::SetFrequency {
        id: NodeId(2),
        frequency: Frequency::EveryDays(10),
        suggested: false,
    };
    round_trip(command, |wb| {
        assert_eq!(topic(wb, 2).profile.frequency, Frequency::EveryDays(10));
        assert!(!topic(wb, 2).profile.frequency_suggested);
    });
    round_trip(
        EditCommand::SetHealth {
            id: NodeId(2),
            health: Health::Neglected,
        },
        |wb| {
            assert_eq!(topic(wb, 2).profile.health, Health::Neglected);
        },
    );
}

#[test]
fn editing_the_plan_text_is_undone_and_redone() {
    for field in [PlanText::Reflection, PlanText::Tracking, PlanText::Success] {
        let text = format!("new text for {field:?}");
        round_trip(
            EditCommand::SetPlanText {
                field,
                text: text.clone(),
            },
            |wb| {
                assert_eq!(wb.plan.text(field), text);
            },
        );
    }
}

/// Every list of the workbook; the node lists are those of node 2.
fn all_lists() -> [ListRef; 8] {
    let id = NodeId(2);
    [
        ListRef::People(id),
        ListRef::Strategies(id),
        ListRef::SuccessMeasures(id),
        ListRef::Contacts(id),
        ListRef::PersonalGoals,
        ListRef::TeamGoals,
        ListRef::Checklist,
        ListRef::Actions,
    ]
}

/// A new entry of the right type for `list`, different for each `n`.
fn item(list: ListRef, n: u32) -> ListItem {
    match list {
        ListRef::People(_) => ListItem::Person(Person {
            name: format!("Person {n}"),
            interests: format!("interest {n}"),
        }),
        ListRef::Strategies(_) => ListItem::Strategy(Strategy {
            text: format!("Strategy {n}"),
            status: StrategyStatus::Done,
        }),
        ListRef::SuccessMeasures(_) | ListRef::PersonalGoals | ListRef::TeamGoals => {
            ListItem::Text(format!("Entry {n}"))
        }
        ListRef::Contacts(_) => ListItem::Contact(Contact {
            date: date(n % 28 + 1),
            note: format!("Contact {n}"),
        }),
        ListRef::Checklist => ListItem::Checklist(ChecklistItem {
            text: format!("Item {n}"),
            well_represented: true,
            want_to_improve: n.is_multiple_of(2),
            note: format!("note {n}"),
        }),
        ListRef::Actions => ListItem::Action(ActionItem {
            step: format!("Step {n}"),
            who: "Team".to_owned(),
            due: Some(date(n % 28 + 1)),
            status: ActionStatus::InProgress,
            node: Some(NodeId(3)),
        }),
    }
}

/// The entries of a list, as list items.
fn entries(workbook: &Workbook, list: ListRef) -> Vec<ListItem> {
    fn all<T: Clone>(items: &[T], wrap: fn(T) -> ListItem) -> Vec<ListItem> {
        items.iter().cloned().map(wrap).collect()
    }
    let profile = list
        .node()
        .map(|id| &workbook.map.topic(id).expect("node").profile);
    let plan = &workbook.plan;
    match (list, profile) {
        (ListRef::People(_), Some(p)) => all(&p.people, ListItem::Person),
        (ListRef::Strategies(_), Some(p)) => all(&p.strategies, ListItem::Strategy),
        (ListRef::SuccessMeasures(_), Some(p)) => all(&p.success_measures, ListItem::Text),
        (ListRef::Contacts(_), Some(p)) => all(&p.contacts, ListItem::Contact),
        (ListRef::PersonalGoals, _) => all(&plan.personal_goals, ListItem::Text),
        (ListRef::TeamGoals, _) => all(&plan.team_goals, ListItem::Text),
        (ListRef::Checklist, _) => all(&plan.checklist, ListItem::Checklist),
        (ListRef::Actions, _) => all(&plan.actions, ListItem::Action),
        _ => unreachable!("node lists always have a node"),
    }
}

/// What `op` should do to a list, worked out on a plain vector.
fn expected(mut entries: Vec<ListItem>, op: &ListOp) -> Vec<ListItem> {
    match op.clone() {
        ListOp::Insert { index, item } => entries.insert(index, item),
        ListOp::Remove { index } => {
            entries.remove(index);
        }
        ListOp::Replace { index, item } => entries[index] = item,
        ListOp::Move { from, to } => {
            let entry = entries.remove(from);
            entries.insert(to, entry);
        }
    }
    entries
}

#[test]
fn every_operation_on_every_list_is_undone_and_redone() {
    let fixture = workbook();
    for list in all_lists() {
        let len = entries(&fixture, list).len();
        assert!(len >= 2, "the fixture fills {list:?}");
        let ops = [
            ListOp::Insert {
                index: 1,
                item: item(list, 1),
            },
            ListOp::Insert {
                index: len,
                item: item(list, 2),
            },
            ListOp::Insert {
                index: 0,
                item: item(list, 3),
            },
            ListOp::Remove { index: 0 },
            ListOp::Remove { index: len - 1 },
            ListOp::Replace {
                index: 1,
                item: item(list, 4),
            },
            ListOp::Move { from: 0, to: 1 },
            ListOp::Move {
                from: len - 1,
                to: 0,
            },
        ];
        for op in ops {
            let want = expected(entries(&fixture, list), &op);
            round_trip(EditCommand::EditList { list, op }, |wb| {
                assert_eq!(entries(wb, list), want, "{list:?}");
            });
        }
    }
}

#[test]
fn a_batch_is_one_undo_step() {
    let mut doc = Document::new(workbook(), None);
    let id = doc.allocate_node_id();
    let link = doc.allocate_link_id();
    let command = EditCommand::Batch(vec![
        EditCommand::AddNode {
            parent: NodeId(6),
            index: 0,
            topic: Box::new(Topic::new(id, "Running", NodeKind::Responsibility)),
        },
        EditCommand::Rename {
            id,
            title: "Running club".to_owned(),
        },
        EditCommand::AddLink(CrossLink {
            id: link,
            from: id,
            to: NodeId(25),
            label: String::new(),
        }),
        EditCommand::RemoveSubtree { id: NodeId(27) },
        EditCommand::Reparent {
            id: NodeId(28),
            parent: id,
            index: 0,
        },
        EditCommand::SetHealth {
            id: NodeId(6),
            health: Health::NeedsAttention,
        },
    ]);
    round_trip_in(&mut doc, command, |wb| {
        assert_eq!(children(wb, 6), [id.0, 25, 26]);
        assert_eq!(children(wb, id.0), [28]);
        assert_eq!(topic(wb, id.0).title, "Running club");
        assert_eq!(wb.map.link(link).map(|l| l.to), Some(NodeId(25)));
    });
    assert_eq!(doc.undo_depth(), 1);
}

#[test]
fn the_dirty_flag_follows_the_saved_revision() {
    let mut doc = Document::new(workbook(), None);
    assert!(!doc.is_dirty(), "a new document is clean");
    doc.apply(EditCommand::Rename {
        id: NodeId(3),
        title: "Team".to_owned(),
    })
    .expect("node 3 exists");
    assert!(doc.is_dirty(), "an edit makes it dirty");
    assert_eq!(doc.undo(), Ok(true));
    assert!(
        !doc.is_dirty(),
        "undoing back to the saved state makes it clean"
    );
    assert_eq!(doc.redo(), Ok(true));
    assert!(doc.is_dirty(), "redoing makes it dirty again");
    doc.mark_saved("map.ron".into());
    assert!(!doc.is_dirty(), "saving makes it clean");
    assert_eq!(doc.undo(), Ok(true));
    assert!(doc.is_dirty(), "undoing past the save makes it dirty");
    assert_eq!(doc.redo(), Ok(true));
    assert!(!doc.is_dirty(), "redoing back to the save makes it clean");

    // A new edit after undoing to the saved state is a different state, even with the same revision before.
    assert_eq!(doc.undo(), Ok(true));
    doc.apply(EditCommand::Rename {
        id: NodeId(3),
        title: "Staff".to_owned(),
    })
    .expect("node 3 exists");
    assert!(doc.is_dirty());
}

fn rename(id: u64, title: &str) -> EditCommand {
    EditCommand::Rename {
        id: NodeId(id),
        title: title.to_owned(),
    }
}

fn type_into(doc: &mut Document, command: EditCommand) {
    doc.apply_typing(command).expect("typing is accepted");
}

#[test]
fn keystrokes_in_one_title_are_one_undo_step() {
    let mut doc = Document::new(workbook(), None);
    let before = snapshot(doc.workbook());
    for title in ["S", "St", "Sta", "Staf"] {
        type_into(&mut doc, rename(3, title));
    }
    let after = snapshot(doc.workbook());
    assert_eq!(doc.undo_depth(), 1);
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(
        topic(doc.workbook(), 3).title,
        "Staff",
        "one undo restores the original title"
    );
    assert_eq!(snapshot(doc.workbook()), before);
    assert!(!doc.is_dirty());
    assert_eq!(doc.redo(), Ok(true));
    assert_eq!(snapshot(doc.workbook()), after);
}

#[test]
fn typing_into_another_field_starts_a_new_step() {
    let mut doc = Document::new(workbook(), None);
    type_into(&mut doc, rename(3, "A"));
    type_into(&mut doc, rename(3, "AB"));
    let notes = |text: &str| EditCommand::SetProfileText {
        id: NodeId(3),
        field: ProfileText::Notes,
        text: text.to_owned(),
    };
    type_into(&mut doc, notes("x"));
    type_into(&mut doc, notes("xy"));
    type_into(&mut doc, rename(4, "C"));
    type_into(
        &mut doc,
        EditCommand::SetPlanText {
            field: PlanText::Success,
            text: "s".to_owned(),
        },
    );
    type_into(
        &mut doc,
        EditCommand::SetPlanText {
            field: PlanText::Success,
            text: "so".to_owned(),
        },
    );
    type_into(
        &mut doc,
        EditCommand::SetLinkLabel {
            id: LinkId(2),
            label: "a".to_owned(),
        },
    );
    type_into(
        &mut doc,
        EditCommand::SetLinkLabel {
            id: LinkId(2),
            label: "ab".to_owned(),
        },
    );
    assert_eq!(doc.undo_depth(), 5);

    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(
        doc.workbook().map.link(LinkId(2)).map(|l| l.label.as_str()),
        Some("")
    );
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(doc.workbook().plan.success, "");
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(topic(doc.workbook(), 4).title, "Community");
    assert_eq!(topic(doc.workbook(), 3).profile.notes, "xy");
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(topic(doc.workbook(), 3).profile.notes, "");
    assert_eq!(topic(doc.workbook(), 3).title, "AB");
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(topic(doc.workbook(), 3).title, "Staff");
    assert!(!doc.can_undo());
}

#[test]
fn ending_typing_starts_a_new_step() {
    let mut doc = Document::new(workbook(), None);
    type_into(&mut doc, rename(3, "A"));
    doc.end_typing();
    type_into(&mut doc, rename(3, "AB"));
    assert_eq!(doc.undo_depth(), 2);
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(topic(doc.workbook(), 3).title, "A");
}

#[test]
fn a_plain_command_between_keystrokes_starts_a_new_step() {
    let mut doc = Document::new(workbook(), None);
    type_into(&mut doc, rename(3, "A"));
    doc.apply(EditCommand::SetFolded {
        id: NodeId(3),
        folded: true,
    })
    .expect("node 3 exists");
    type_into(&mut doc, rename(3, "AB"));
    assert_eq!(doc.undo_depth(), 3);
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(topic(doc.workbook(), 3).title, "A");
    assert!(topic(doc.workbook(), 3).folded);

    // The same holds for a rename applied as a plain command: it never merges with typing.
    type_into(&mut doc, rename(5, "P"));
    doc.apply(rename(5, "Pr")).expect("node 5 exists");
    assert_eq!(doc.undo_depth(), 4);
}

#[test]
fn typing_after_an_undo_or_a_save_starts_a_new_step() {
    let mut doc = Document::new(workbook(), None);
    type_into(&mut doc, rename(3, "A"));
    type_into(&mut doc, rename(4, "B"));
    assert_eq!(doc.undo(), Ok(true));
    type_into(&mut doc, rename(3, "AB"));
    assert_eq!(
        doc.undo_depth(),
        2,
        "typing after an undo does not merge into the step before"
    );
    assert!(!doc.can_redo());

    let mut doc = Document::new(workbook(), None);
    type_into(&mut doc, rename(3, "A"));
    doc.mark_saved("map.ron".into());
    type_into(&mut doc, rename(3, "AB"));
    assert_eq!(doc.undo_depth(), 2);
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(topic(doc.workbook(), 3).title, "A");
    assert!(!doc.is_dirty(), "one undo returns to the saved text");
}

#[test]
fn replacing_the_same_list_entry_merges_but_another_entry_does_not() {
    let mut doc = Document::new(workbook(), None);
    let list = ListRef::People(NodeId(2));
    let before = entries(doc.workbook(), list);
    let replace = |index: usize, n: u32| EditCommand::EditList {
        list,
        op: ListOp::Replace {
            index,
            item: item(list, n),
        },
    };
    type_into(&mut doc, replace(0, 1));
    type_into(&mut doc, replace(0, 2));
    type_into(&mut doc, replace(0, 3));
    assert_eq!(doc.undo_depth(), 1, "the same entry merges");
    type_into(&mut doc, replace(1, 4));
    type_into(&mut doc, replace(1, 5));
    assert_eq!(doc.undo_depth(), 2, "another entry starts a new step");
    let goals = EditCommand::EditList {
        list: ListRef::TeamGoals,
        op: ListOp::Replace {
            index: 1,
            item: item(ListRef::TeamGoals, 6),
        },
    };
    type_into(&mut doc, goals);
    assert_eq!(
        doc.undo_depth(),
        3,
        "the same index of another list starts a new step"
    );
    // Inserting is not typing: it never merges.
    let insert = EditCommand::EditList {
        list,
        op: ListOp::Insert {
            index: 0,
            item: item(list, 7),
        },
    };
    type_into(&mut doc, insert.clone());
    type_into(&mut doc, insert);
    assert_eq!(doc.undo_depth(), 5);

    for _ in 0..4 {
        assert_eq!(doc.undo(), Ok(true));
    }
    assert_eq!(entries(doc.workbook(), list)[0], item(list, 3));
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(entries(doc.workbook(), list), before);
}

#[test]
fn a_read_only_document_refuses_every_kind_of_edit() {
    let mut doc = Document::new(storage::starter().expect("the starter loads"), None);
    let root = doc.workbook().map.root();
    doc.apply_typing(EditCommand::Rename {
        id: root,
        title: "Jo".to_owned(),
    })
    .expect("typing works before");
    let before = snapshot(doc.workbook());
    doc.set_read_only(true);
    let rename = || EditCommand::Rename {
        id: root,
        title: "Jon".to_owned(),
    };
    assert_eq!(
        doc.apply(rename()),
        Err(relmap::document::CommandError::ReadOnly)
    );
    assert_eq!(
        doc.apply_typing(rename()),
        Err(relmap::document::CommandError::ReadOnly)
    );
    assert_eq!(
        doc.name_new_node(root, "Jon".to_owned()),
        Err(relmap::document::CommandError::ReadOnly)
    );
    assert_eq!(snapshot(doc.workbook()), before);
}
