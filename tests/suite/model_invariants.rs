//! The map's structure under edits: cross-links survive a subtree's removal and return with it, refused
//! commands leave no trace, re-parenting counts positions after the node has left, wrapping and dissolving are
//! each other's inverse, and a long random run of valid and invalid commands never breaks the map's invariants
//! and undoes and redoes exactly.

// clippy.toml lets `#[test]` functions fail loudly; the helpers they share here are test code as well.
#![allow(clippy::expect_used, clippy::panic)]

use relmap::document::{CommandError, Document, EditCommand, ListItem, ListOp, ListRef};
use relmap::model::{
    CrossLink, Frequency, Health, Icon, LinkId, MapError, NodeId, NodeKind, Person, PlanText, Pos,
    ProfileText, RemovedSubtree, Rgb, Topic, Workbook,
};
use relmap::storage;

/// The canonical text of a workbook: equal texts mean equal workbooks.
fn snapshot(workbook: &Workbook) -> String {
    storage::to_string(workbook)
}

fn assert_valid(workbook: &Workbook) {
    if let Err(problems) = workbook.map.validate() {
        panic!("the map is broken: {problems:?}");
    }
}

fn link(id: u64, from: u64, to: u64, label: &str) -> CrossLink {
    CrossLink {
        id: LinkId(id),
        from: NodeId(from),
        to: NodeId(to),
        label: label.to_owned(),
    }
}

/// The starter map with cross-links into, out of, inside and beside the "Governing authority" branch (node 2
/// with children 7, 8, 9), including one from a parent to its own child.
fn document() -> Document {
    let mut workbook = storage::starter().expect("the starter template loads");
    for link in [
        link(1, 7, 10, "reports to"),
        link(2, 13, 9, ""),
        link(3, 7, 8, "inside"),
        link(4, 23, 6, "advises"),
        link(5, 2, 8, "chairs"),
        link(6, 9, 9, "loop"),
    ] {
        workbook
            .map
            .add_link(link)
            .expect("the fixture's links are valid");
    }
    workbook.map.validate().expect("the fixture is a valid map");
    Document::new(workbook, None)
}

fn children(doc: &Document, id: u64) -> Vec<u64> {
    doc.workbook()
        .map
        .children(NodeId(id))
        .iter()
        .map(|id| id.0)
        .collect()
}

fn sorted_links(workbook: &Workbook) -> Vec<CrossLink> {
    let mut links: Vec<CrossLink> = workbook.map.links().cloned().collect();
    links.sort_by_key(|link| link.id);
    links
}

/// Every node with its children, in order.
fn tree(workbook: &Workbook) -> Vec<(NodeId, Vec<NodeId>)> {
    let map = &workbook.map;
    map.sorted_ids()
        .into_iter()
        .map(|id| (id, map.children(id).to_vec()))
        .collect()
}

#[test]
fn undoing_a_subtree_removal_restores_its_cross_links() {
    let mut doc = document();
    let links_before = sorted_links(doc.workbook());
    let tree_before = tree(doc.workbook());
    let before = snapshot(doc.workbook());

    doc.apply(EditCommand::RemoveSubtree { id: NodeId(2) })
        .expect("node 2 can be removed");
    let left: Vec<u64> = sorted_links(doc.workbook())
        .iter()
        .map(|l| l.id.0)
        .collect();
    assert_eq!(
        left,
        [4],
        "every link touching the branch is gone, the others stay"
    );
    assert_valid(doc.workbook());

    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(
        sorted_links(doc.workbook()),
        links_before,
        "same ids, ends and labels"
    );
    assert_eq!(
        tree(doc.workbook()),
        tree_before,
        "same children in the same order"
    );
    assert_eq!(snapshot(doc.workbook()), before);
    assert_eq!(doc.workbook().map.parent(NodeId(2)), Some(NodeId(1)));
    assert_eq!(doc.workbook().map.index_in_parent(NodeId(2)), Some(0));
}

/// Applies a command that must be refused, and checks that it left no trace: same workbook, same undo and redo
/// stacks, same revision.
fn refused(doc: &mut Document, command: EditCommand) -> CommandError {
    let before = snapshot(doc.workbook());
    let (depth, can_redo, revision) = (doc.undo_depth(), doc.can_redo(), doc.revision());
    let Err(error) = doc.apply(command.clone()) else {
        panic!("{command:?} was accepted");
    };
    assert_eq!(
        snapshot(doc.workbook()),
        before,
        "{command:?} changed the workbook"
    );
    assert_valid(doc.workbook());
    assert_eq!(doc.undo_depth(), depth, "{command:?} added an undo step");
    assert_eq!(doc.can_redo(), can_redo);
    assert_eq!(doc.revision(), revision);
    error
}

#[test]
fn refused_commands_leave_the_workbook_and_the_history_unchanged() {
    let mut doc = document();
    // Something to redo, which a refusal must not throw away.
    doc.apply(EditCommand::SetHealth {
        id: NodeId(3),
        health: Health::Neglected,
    })
    .expect("node 3 exists");
    assert_eq!(doc.undo(), Ok(true));
    let root = NodeId(1);
    let fixed = CommandError::Map(MapError::RootIsFixed);

    assert_eq!(
        refused(&mut doc, EditCommand::RemoveSubtree { id: root }),
        fixed
    );
    assert_eq!(refused(&mut doc, EditCommand::Dissolve { id: root }), fixed);
    let reparent = |id: u64, parent: u64, index: usize| EditCommand::Reparent {
        id: NodeId(id),
        parent: NodeId(parent),
        index,
    };
    assert_eq!(refused(&mut doc, reparent(1, 3, 0)), fixed);
    let cycle = CommandError::Map(MapError::WouldCreateCycle);
    assert_eq!(
        refused(&mut doc, reparent(2, 7, 0)),
        cycle,
        "under its own child"
    );
    assert_eq!(refused(&mut doc, reparent(2, 2, 0)), cycle, "under itself");
    assert_eq!(
        refused(&mut doc, reparent(7, 3, 4)),
        CommandError::Map(MapError::IndexOutOfRange {
            parent: NodeId(3),
            index: 4,
            len: 3
        })
    );

    let missing = NodeId(999);
    let rename = EditCommand::Rename {
        id: missing,
        title: "x".to_owned(),
    };
    assert_eq!(refused(&mut doc, rename), CommandError::NoSuchNode(missing));
    let add = EditCommand::AddNode {
        parent: NodeId(3),
        index: 4,
        topic: Box::new(Topic::new(NodeId(500), "late", NodeKind::Topic)),
    };
    assert!(matches!(
        refused(&mut doc, add),
        CommandError::Map(MapError::IndexOutOfRange { .. })
    ));
    let duplicate = EditCommand::AddNode {
        parent: NodeId(3),
        index: 0,
        topic: Box::new(Topic::new(NodeId(7), "again", NodeKind::Topic)),
    };
    assert_eq!(
        refused(&mut doc, duplicate),
        CommandError::Map(MapError::DuplicateNode(NodeId(7)))
    );
    let wrap = EditCommand::Wrap {
        parent: NodeId(3),
        index: 2,
        count: 2,
        topic: Box::new(Topic::new(NodeId(501), "too many", NodeKind::Topic)),
        links: Vec::new(),
    };
    assert!(matches!(
        refused(&mut doc, wrap),
        CommandError::Map(MapError::IndexOutOfRange { .. })
    ));
    let dangling = EditCommand::AddLink(link(50, 3, 999, ""));
    assert_eq!(
        refused(&mut doc, dangling),
        CommandError::Map(MapError::UnknownNode(missing))
    );
    let twice = EditCommand::AddLink(link(1, 3, 4, ""));
    assert_eq!(
        refused(&mut doc, twice),
        CommandError::Map(MapError::DuplicateLink(LinkId(1)))
    );
    let unknown = CommandError::Map(MapError::UnknownLink(LinkId(77)));
    assert_eq!(
        refused(&mut doc, EditCommand::RemoveLink { id: LinkId(77) }),
        unknown
    );
    assert!(doc.can_redo(), "the redo history survived every refusal");
}

#[test]
fn list_edits_out_of_range_or_of_the_wrong_type_are_refused() {
    let mut doc = document();
    let list = ListRef::Checklist;
    let len = doc.workbook().plan.checklist.len();
    let text = |s: &str| ListItem::Text(s.to_owned());
    let person = ListItem::Person(Person {
        name: "Ann".to_owned(),
        interests: String::new(),
    });
    for op in [
        ListOp::Insert {
            index: len + 1,
            item: text("x"),
        },
        ListOp::Remove { index: len },
        ListOp::Replace {
            index: len,
            item: text("x"),
        },
        ListOp::Move { from: len, to: 0 },
        ListOp::Move { from: 0, to: len },
    ] {
        let error = refused(&mut doc, EditCommand::EditList { list, op });
        assert!(matches!(error, CommandError::ListIndex { .. }), "{error:?}");
    }
    let error = refused(
        &mut doc,
        EditCommand::EditList {
            list: ListRef::People(NodeId(2)),
            op: ListOp::Remove { index: 0 },
        },
    );
    assert!(
        matches!(error, CommandError::ListIndex { len: 0, .. }),
        "an empty list"
    );
    for (list, item) in [
        (ListRef::People(NodeId(2)), text("not a person")),
        (ListRef::PersonalGoals, person.clone()),
        (ListRef::Checklist, text("not a checklist item")),
        (ListRef::Actions, person.clone()),
        (ListRef::Strategies(NodeId(2)), person.clone()),
        (ListRef::Contacts(NodeId(2)), person),
    ] {
        let op = ListOp::Insert { index: 0, item };
        let error = refused(&mut doc, EditCommand::EditList { list, op });
        assert!(
            matches!(error, CommandError::WrongItem(_)),
            "{list:?}: {error:?}"
        );
    }
    let replace = ListOp::Replace {
        index: 0,
        item: text("wrong"),
    };
    let error = refused(&mut doc, EditCommand::EditList { list, op: replace });
    assert!(matches!(error, CommandError::WrongItem(_)));
    let error = refused(
        &mut doc,
        EditCommand::EditList {
            list: ListRef::Contacts(NodeId(999)),
            op: ListOp::Remove { index: 0 },
        },
    );
    assert_eq!(error, CommandError::NoSuchNode(NodeId(999)));
}

#[test]
fn a_batch_whose_second_command_fails_rolls_back_the_first() {
    let mut doc = document();
    let batch = EditCommand::Batch(vec![
        EditCommand::Rename {
            id: NodeId(3),
            title: "Team".to_owned(),
        },
        EditCommand::RemoveSubtree { id: NodeId(1) },
    ]);
    assert_eq!(
        refused(&mut doc, batch),
        CommandError::Map(MapError::RootIsFixed)
    );

    // Structural edits roll back exactly too, links and sibling order included.
    let batch = EditCommand::Batch(vec![
        EditCommand::RemoveSubtree { id: NodeId(2) },
        EditCommand::Dissolve { id: NodeId(4) },
        EditCommand::Reparent {
            id: NodeId(21),
            parent: NodeId(6),
            index: 0,
        },
        EditCommand::Reparent {
            id: NodeId(5),
            parent: NodeId(22),
            index: 0,
        },
    ]);
    assert_eq!(
        refused(&mut doc, batch),
        CommandError::Map(MapError::WouldCreateCycle)
    );
}

#[test]
fn restoring_a_subtree_whose_link_partner_is_gone_is_refused() {
    let mut doc = document();
    // What removing node 8 takes out includes links 3 and 5, to nodes 7 and 2.
    let removed: RemovedSubtree = doc
        .workbook()
        .map
        .clone()
        .remove_subtree(NodeId(8))
        .expect("node 8 can be removed");
    doc.apply(EditCommand::RemoveSubtree { id: NodeId(8) })
        .expect("removable");
    doc.apply(EditCommand::RemoveSubtree { id: NodeId(7) })
        .expect("removable");
    let error = refused(&mut doc, EditCommand::RestoreSubtree(Box::new(removed)));
    assert_eq!(error, CommandError::Map(MapError::UnknownNode(NodeId(7))));
}

#[test]
fn wrapping_with_a_dangling_or_duplicate_link_is_refused() {
    let mut doc = document();
    let wrap = |links| EditCommand::Wrap {
        parent: NodeId(3),
        index: 0,
        count: 1,
        topic: Box::new(Topic::new(NodeId(600), "new", NodeKind::Topic)),
        links,
    };
    let dangling = vec![link(60, 600, 3, ""), link(61, 600, 999, "")];
    assert_eq!(
        refused(&mut doc, wrap(dangling)),
        CommandError::Map(MapError::UnknownNode(NodeId(999)))
    );
    let duplicate = vec![link(60, 600, 3, ""), link(1, 600, 4, "")];
    assert_eq!(
        refused(&mut doc, wrap(duplicate)),
        CommandError::Map(MapError::DuplicateLink(LinkId(1)))
    );
    let twice = vec![link(60, 600, 3, ""), link(60, 600, 4, "")];
    assert_eq!(
        refused(&mut doc, wrap(twice)),
        CommandError::Map(MapError::DuplicateLink(LinkId(60)))
    );
}

#[test]
fn reparenting_counts_the_index_after_the_node_has_left() {
    let mut doc = document();
    let mut reparent = |id: u64, parent: u64, index: usize| {
        let before = snapshot(doc.workbook());
        doc.apply(EditCommand::Reparent {
            id: NodeId(id),
            parent: NodeId(parent),
            index,
        })
        .expect("a valid move");
        assert_valid(doc.workbook());
        let after = children(&doc, parent);
        assert_eq!(doc.undo(), Ok(true));
        assert_eq!(snapshot(doc.workbook()), before);
        after
    };
    assert_eq!(
        reparent(7, 2, 2),
        [8, 9, 7],
        "to the end among its siblings"
    );
    assert_eq!(reparent(7, 2, 1), [8, 7, 9], "one down");
    assert_eq!(reparent(9, 2, 0), [9, 7, 8], "to the front");
    assert_eq!(reparent(8, 2, 1), [7, 8, 9], "to where it is");
    assert_eq!(
        reparent(7, 3, 3),
        [10, 11, 12, 7],
        "to the end of another parent"
    );
    assert_eq!(
        reparent(7, 3, 0),
        [7, 10, 11, 12],
        "to the front of another parent"
    );
    assert_eq!(
        reparent(8, 10, 0),
        [8],
        "under a leaf; node 8 has a link from its old parent"
    );
    assert_eq!(reparent(2, 6, 2), [25, 26, 2, 27, 28], "a whole branch");
    let error = doc.apply(EditCommand::Reparent {
        id: NodeId(7),
        parent: NodeId(2),
        index: 3,
    });
    assert_eq!(
        error,
        Err(CommandError::Map(MapError::IndexOutOfRange {
            parent: NodeId(2),
            index: 3,
            len: 2
        }))
    );
}

#[test]
fn wrapping_one_node_inserts_a_parent_and_several_nodes_share_one() {
    let mut doc = document();
    let before = snapshot(doc.workbook());
    let id = doc.allocate_node_id();
    doc.apply(EditCommand::Wrap {
        parent: NodeId(2),
        index: 1,
        count: 1,
        topic: Box::new(Topic::new(id, "Elected", NodeKind::Group)),
        links: Vec::new(),
    })
    .expect("a valid wrap");
    assert_valid(doc.workbook());
    assert_eq!(children(&doc, 2), [7, id.0, 9]);
    assert_eq!(children(&doc, id.0), [8]);
    assert_eq!(doc.workbook().map.parent(NodeId(8)), Some(id));
    assert_eq!(
        doc.workbook().map.link_count(),
        6,
        "links of the wrapped node stay"
    );

    let other = doc.allocate_node_id();
    doc.apply(EditCommand::Wrap {
        parent: NodeId(2),
        index: 0,
        count: 3,
        topic: Box::new(Topic::new(other, "All of them", NodeKind::Group)),
        links: Vec::new(),
    })
    .expect("a valid wrap");
    assert_valid(doc.workbook());
    assert_eq!(children(&doc, 2), [other.0]);
    assert_eq!(children(&doc, other.0), [7, id.0, 9]);

    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(snapshot(doc.workbook()), before);
}

#[test]
fn undoing_a_dissolve_brings_back_the_node_with_its_links() {
    let mut doc = document();
    let links_before = sorted_links(doc.workbook());
    let before = snapshot(doc.workbook());
    doc.apply(EditCommand::Dissolve { id: NodeId(2) })
        .expect("node 2 can go");
    assert_valid(doc.workbook());
    assert_eq!(children(&doc, 1), [7, 8, 9, 3, 4, 5, 6]);
    let left: Vec<u64> = sorted_links(doc.workbook())
        .iter()
        .map(|l| l.id.0)
        .collect();
    assert_eq!(
        left,
        [1, 2, 3, 4, 6],
        "only the link of node 2 itself is gone"
    );

    assert_eq!(doc.undo(), Ok(true));
    assert_valid(doc.workbook());
    assert_eq!(sorted_links(doc.workbook()), links_before);
    assert_eq!(snapshot(doc.workbook()), before);
    assert_eq!(doc.redo(), Ok(true));
    assert_eq!(children(&doc, 1), [7, 8, 9, 3, 4, 5, 6]);

    // A leaf dissolves into nothing, and comes back.
    let mut doc = document();
    doc.apply(EditCommand::Dissolve { id: NodeId(9) })
        .expect("node 9 can go");
    assert_eq!(children(&doc, 2), [7, 8]);
    assert_eq!(doc.undo(), Ok(true));
    assert_eq!(snapshot(doc.workbook()), before);
}

/// A small deterministic pseudo-random generator (splitmix64), so the random test needs no dependency and
/// every failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }

    fn percent(&mut self, chance: usize) -> bool {
        self.below(100) < chance
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

/// Builds random commands against the current state of a document: mostly valid, some not.
struct Generator {
    rng: Rng,
    /// What earlier removals took out, for restore commands that may or may not still fit.
    removed: Vec<RemovedSubtree>,
}

impl Generator {
    fn node(&mut self, doc: &Document) -> NodeId {
        if self.rng.percent(5) {
            return NodeId(10_000 + self.rng.below(5) as u64);
        }
        let ids = doc.workbook().map.sorted_ids();
        self.rng.pick(&ids)
    }

    fn link_id(&mut self, doc: &Document) -> LinkId {
        let mut ids: Vec<LinkId> = doc.workbook().map.links().map(|l| l.id).collect();
        ids.sort_unstable();
        if ids.is_empty() || self.rng.percent(10) {
            return LinkId(self.rng.below(40) as u64 + 1);
        }
        self.rng.pick(&ids)
    }

    /// A position in a sequence of `len` entries where something can be inserted; sometimes one past it.
    fn index(&mut self, len: usize) -> usize {
        if self.rng.percent(85) {
            self.rng.below(len + 1)
        } else {
            len + 1 + self.rng.below(2)
        }
    }

    /// A position of an existing entry of a sequence of `len` entries; sometimes one past the end.
    fn entry(&mut self, len: usize) -> usize {
        if len > 0 && self.rng.percent(85) {
            self.rng.below(len)
        } else {
            len + self.rng.below(2)
        }
    }

    /// A node to remove: the one with the smallest subtree of three candidates, so that the map keeps growing.
    fn removable(&mut self, doc: &Document) -> NodeId {
        let map = &doc.workbook().map;
        let candidates = [self.node(doc), self.node(doc), self.node(doc)];
        candidates
            .into_iter()
            .min_by_key(|&id| map.subtree(id).len())
            .unwrap_or(map.root())
    }

    fn fresh_link(&mut self, doc: &mut Document, from: NodeId, to: NodeId) -> CrossLink {
        let id = if self.rng.percent(5) {
            self.link_id(doc)
        } else {
            doc.allocate_link_id()
        };
        let label = if self.rng.percent(50) {
            String::new()
        } else {
            format!("l{}", id.0)
        };
        CrossLink {
            id,
            from,
            to,
            label,
        }
    }

    fn list_item(&mut self, list: ListRef) -> ListItem {
        let n = self.rng.below(1000);
        // Mostly the right type for the list, sometimes the wrong one.
        let kind = if self.rng.percent(90) {
            match list {
                ListRef::People(_) => 0,
                ListRef::SuccessMeasures(_) | ListRef::PersonalGoals | ListRef::TeamGoals => 1,
                ListRef::Checklist => 2,
                _ => 3,
            }
        } else {
            self.rng.below(4)
        };
        match (kind, list) {
            (0, _) => ListItem::Person(Person {
                name: format!("p{n}"),
                interests: String::new(),
            }),
            (1, _) => ListItem::Text(format!("t{n}")),
            (2, _) => ListItem::Checklist(relmap::model::ChecklistItem::new(format!("c{n}"))),
            (_, ListRef::Strategies(_)) => ListItem::Strategy(relmap::model::Strategy {
                text: format!("s{n}"),
                ..Default::default()
            }),
            (_, ListRef::Contacts(_)) => ListItem::Contact(relmap::model::Contact {
                date: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
                note: format!("n{n}"),
            }),
            _ => ListItem::Action(relmap::model::ActionItem {
                step: format!("a{n}"),
                ..Default::default()
            }),
        }
    }

    fn list_len(doc: &Document, list: ListRef) -> usize {
        let plan = &doc.workbook().plan;
        let profile = list
            .node()
            .and_then(|id| doc.workbook().map.topic(id))
            .map(|t| &t.profile);
        match list {
            ListRef::PersonalGoals => plan.personal_goals.len(),
            ListRef::TeamGoals => plan.team_goals.len(),
            ListRef::Checklist => plan.checklist.len(),
            ListRef::Actions => plan.actions.len(),
            ListRef::People(_) => profile.map_or(0, |p| p.people.len()),
            ListRef::Strategies(_) => profile.map_or(0, |p| p.strategies.len()),
            ListRef::SuccessMeasures(_) => profile.map_or(0, |p| p.success_measures.len()),
            ListRef::Contacts(_) => profile.map_or(0, |p| p.contacts.len()),
        }
    }

    fn command(&mut self, doc: &mut Document, depth: usize) -> EditCommand {
        let kinds = if depth == 0 { 22 } else { 21 };
        match self.rng.below(kinds) {
            0 | 1 => {
                let parent = self.node(doc);
                let index = self.index(doc.workbook().map.children(parent).len());
                let id = if self.rng.percent(5) {
                    self.node(doc)
                } else {
                    doc.allocate_node_id()
                };
                let kind = self.rng.pick(&NodeKind::ALL);
                EditCommand::AddNode {
                    parent,
                    index,
                    topic: Box::new(Topic::new(id, format!("n{}", id.0), kind)),
                }
            }
            2 => {
                let id = self.removable(doc);
                if let Ok(removed) = doc.workbook().map.clone().remove_subtree(id) {
                    self.removed.push(removed);
                }
                EditCommand::RemoveSubtree { id }
            }
            3 if !self.removed.is_empty() => {
                let removed = self.rng.pick(&self.removed);
                EditCommand::RestoreSubtree(Box::new(removed))
            }
            3 | 4 => {
                let parent = self.node(doc);
                let len = doc.workbook().map.children(parent).len();
                let index = self.rng.below(len + 1);
                let count = if self.rng.percent(85) {
                    self.rng.below(len - index + 1)
                } else {
                    len - index + 1
                };
                let id = doc.allocate_node_id();
                let mut links = Vec::new();
                for _ in 0..self.rng.below(3) {
                    let other = self.node(doc);
                    let (from, to) = if self.rng.percent(50) {
                        (id, other)
                    } else {
                        (other, id)
                    };
                    links.push(self.fresh_link(doc, from, to));
                }
                let topic = Box::new(Topic::new(id, format!("w{}", id.0), NodeKind::Group));
                EditCommand::Wrap {
                    parent,
                    index,
                    count,
                    topic,
                    links,
                }
            }
            5 => EditCommand::Dissolve {
                id: self.removable(doc),
            },
            6 => EditCommand::Rename {
                id: self.node(doc),
                title: format!("r{}", self.rng.below(100)),
            },
            7 => EditCommand::SetKind {
                id: self.node(doc),
                kind: self.rng.pick(&NodeKind::ALL),
            },
            8 => EditCommand::SetFolded {
                id: self.node(doc),
                folded: self.rng.percent(50),
            },
            9 => {
                let color = self
                    .rng
                    .percent(70)
                    .then(|| Rgb([self.rng.below(256) as u8, 40, 200]));
                EditCommand::SetColor {
                    id: self.node(doc),
                    color,
                }
            }
            10 => {
                let icon = self.rng.percent(70).then(|| self.rng.pick(&Icon::ALL));
                EditCommand::SetIcon {
                    id: self.node(doc),
                    icon,
                }
            }
            11 => {
                let moves = (0..=self.rng.below(4))
                    .map(|_| {
                        let pos = Pos::new(
                            self.rng.below(2000) as f32 - 1000.0,
                            self.rng.below(800) as f32,
                        );
                        (self.node(doc), pos)
                    })
                    .collect();
                EditCommand::MoveNodes { moves }
            }
            12 | 13 => {
                let id = self.node(doc);
                let parent = if self.rng.percent(30) {
                    doc.workbook().map.parent(id).unwrap_or(id)
                } else {
                    self.node(doc)
                };
                let index = self.index(doc.workbook().map.children(parent).len());
                EditCommand::Reparent { id, parent, index }
            }
            14 => {
                let (from, to) = (self.node(doc), self.node(doc));
                EditCommand::AddLink(self.fresh_link(doc, from, to))
            }
            15 => EditCommand::RemoveLink {
                id: self.link_id(doc),
            },
            16 => EditCommand::SetLinkLabel {
                id: self.link_id(doc),
                label: format!("x{}", self.rng.below(9)),
            },
            17 => {
                let field = self.rng.pick(&[
                    ProfileText::WhatWorks,
                    ProfileText::ToImprove,
                    ProfileText::Notes,
                ]);
                EditCommand::SetProfileText {
                    id: self.node(doc),
                    field,
                    text: format!("p{}", self.rng.below(9)),
                }
            }
            18 => {
                if self.rng.percent(50) {
                    let frequency = self.rng.pick(&Frequency::PRESETS);
                    EditCommand::SetFrequency {
                        id: self.node(doc),
                        frequency,
                        suggested: self.rng.percent(50),
                    }
                } else {
                    EditCommand::SetHealth {
                        id: self.node(doc),
                        health: self.rng.pick(&Health::ALL),
                    }
                }
            }
            19 => {
                let id = self.node(doc);
                let list = self.rng.pick(&[
                    ListRef::People(id),
                    ListRef::Strategies(id),
                    ListRef::SuccessMeasures(id),
                    ListRef::Contacts(id),
                    ListRef::PersonalGoals,
                    ListRef::TeamGoals,
                    ListRef::Checklist,
                    ListRef::Actions,
                ]);
                let len = Self::list_len(doc, list);
                let op = match self.rng.below(5) {
                    0 | 1 => ListOp::Insert {
                        index: self.index(len),
                        item: self.list_item(list),
                    },
                    2 => ListOp::Remove {
                        index: self.entry(len),
                    },
                    3 => ListOp::Replace {
                        index: self.entry(len),
                        item: self.list_item(list),
                    },
                    _ => ListOp::Move {
                        from: self.entry(len),
                        to: self.entry(len),
                    },
                };
                EditCommand::EditList { list, op }
            }
            20 => {
                let field =
                    self.rng
                        .pick(&[PlanText::Reflection, PlanText::Tracking, PlanText::Success]);
                EditCommand::SetPlanText {
                    field,
                    text: format!("plan {}", self.rng.below(9)),
                }
            }
            _ => {
                let commands = (0..=self.rng.below(3))
                    .map(|_| self.command(doc, depth + 1))
                    .collect();
                EditCommand::Batch(commands)
            }
        }
    }
}

/// Runs 500 random steps on the starter map, then undoes and redoes everything.
fn random_run(seed: u64) {
    let mut doc = document();
    // Every one of the steps must undo, so the history keeps them all rather than the app's last 100.
    doc.set_undo_limit(usize::MAX);
    let start = snapshot(doc.workbook());
    let mut generator = Generator {
        rng: Rng(seed),
        removed: Vec::new(),
    };
    let (mut applied, mut refusals) = (0, 0);
    for step in 0..500 {
        let roll = generator.rng.below(100);
        if roll < 6 {
            assert!(doc.undo().is_ok(), "seed {seed}, step {step}: undo failed");
        } else if roll < 9 {
            assert!(doc.redo().is_ok(), "seed {seed}, step {step}: redo failed");
        } else if roll < 11 {
            doc.end_typing();
        } else {
            let command = generator.command(&mut doc, 0);
            let before = snapshot(doc.workbook());
            let depth = doc.undo_depth();
            let typing = command.merge_key().is_some() && generator.rng.percent(60);
            let result = if typing {
                doc.apply_typing(command.clone())
            } else {
                doc.apply(command.clone())
            };
            if result.is_ok() {
                applied += 1;
            } else {
                refusals += 1;
                assert_eq!(
                    snapshot(doc.workbook()),
                    before,
                    "seed {seed}, step {step}: refused {command:?} left a trace"
                );
                assert_eq!(
                    doc.undo_depth(),
                    depth,
                    "seed {seed}, step {step}: refused {command:?} left a step"
                );
            }
        }
        if let Err(problems) = doc.workbook().map.validate() {
            panic!("seed {seed}, step {step}: the map is broken: {problems:?}");
        }
    }
    assert!(
        applied > 250 && refusals > 20,
        "seed {seed}: {applied} applied, {refusals} refused"
    );

    // A run that ends with undos leaves steps to redo; the end state is the one past all of them.
    while doc.can_redo() {
        assert_eq!(doc.redo(), Ok(true), "seed {seed}");
    }
    let end = snapshot(doc.workbook());
    while doc.can_undo() {
        assert_eq!(doc.undo(), Ok(true), "seed {seed}");
        assert_valid(doc.workbook());
    }
    assert_eq!(
        snapshot(doc.workbook()),
        start,
        "seed {seed}: undoing everything gives back the start"
    );
    assert!(!doc.is_dirty());
    while doc.can_redo() {
        assert_eq!(doc.redo(), Ok(true), "seed {seed}");
        assert_valid(doc.workbook());
    }
    assert_eq!(
        snapshot(doc.workbook()),
        end,
        "seed {seed}: redoing everything gives back the end"
    );
}

#[test]
fn random_edits_keep_the_map_valid_and_undo_and_redo_exactly() {
    for seed in [1, 2, 3, 0x5EED, 2026] {
        random_run(seed);
    }
}
