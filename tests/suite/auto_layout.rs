//! The map keeps itself laid out: random sequences of edits through `Document` in the automatic tree
//! arrangement (add, delete, reorder, re-parent, fold, unfold, rename to long and short titles, paste a copied
//! branch, undo and redo), and after every step the layout is checked as a reader would judge it:
//! - no two visible node boxes overlap;
//! - siblings stand in their order, top to bottom;
//! - every node grows on its first-level branch's side of the centre, and the branches on one side each keep
//!   a band of their own, so a node never reads as part of another branch.
//!
//! Nodes are measured with `layout::estimated_size`, which is what the document uses without a canvas.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use proptest::prelude::*;
use relmap::document::{Document, EditCommand};
use relmap::layout::estimated_size;
use relmap::model::{Arrangement, MindMap, NodeId, NodeKind, Pos, Side, Topic, Workbook};
use relmap::storage::{self, Template};

/// A box in canvas units.
#[derive(Clone, Copy, Debug)]
struct Box2 {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

impl Box2 {
    fn of(map: &MindMap, id: NodeId) -> Box2 {
        let topic = map.topic(id).unwrap();
        let size = estimated_size(&topic.title);
        Box2 {
            left: topic.pos.x - size.width / 2.0,
            top: topic.pos.y - size.height / 2.0,
            right: topic.pos.x + size.width / 2.0,
            bottom: topic.pos.y + size.height / 2.0,
        }
    }

    /// Whether the two boxes overlap by more than the rounding of positions can explain.
    fn overlaps(&self, other: &Box2) -> bool {
        const SLACK: f32 = 0.5;
        self.left + SLACK < other.right
            && other.left + SLACK < self.right
            && self.top + SLACK < other.bottom
            && other.top + SLACK < self.bottom
    }
}

/// The visible nodes, in pre-order, with the first-level branch each belongs to.
fn visible(map: &MindMap) -> Vec<(NodeId, Option<NodeId>)> {
    let mut out = Vec::new();
    let mut stack = vec![(map.root(), None)];
    while let Some((id, branch)) = stack.pop() {
        out.push((id, branch));
        if map.topic(id).unwrap().folded {
            continue;
        }
        for &child in map.children(id).iter().rev() {
            let branch = branch.or(Some(child));
            stack.push((child, branch));
        }
    }
    out
}

/// Checks the layout of a map as a reader would; returns what is wrong.
fn check_tidy(map: &MindMap) -> Result<(), String> {
    let nodes = visible(map);
    let boxes: HashMap<NodeId, Box2> = nodes
        .iter()
        .map(|&(id, _)| (id, Box2::of(map, id)))
        .collect();
    // No two boxes overlap. Sorting by left edge keeps this fast on large maps.
    let mut by_left: Vec<(NodeId, Box2)> = boxes.iter().map(|(&id, &b)| (id, b)).collect();
    by_left.sort_by(|a, b| a.1.left.total_cmp(&b.1.left));
    for (i, (a, box_a)) in by_left.iter().enumerate() {
        for (b, box_b) in &by_left[i + 1..] {
            if box_b.left >= box_a.right {
                break;
            }
            if box_a.overlaps(box_b) {
                return Err(format!("{a} {box_a:?} overlaps {b} {box_b:?}"));
            }
        }
    }
    let root = map.root();
    let root_x = map.topic(root).unwrap().pos.x;
    let side_of = |branch: NodeId| map.topic(branch).unwrap().side;
    for &(id, branch) in &nodes {
        let Some(branch) = branch else { continue };
        let Some(side) = side_of(branch) else {
            return Err(format!("first-level branch {branch} has no side"));
        };
        let x = map.topic(id).unwrap().pos.x;
        let on_side = match side {
            Side::Right => x > root_x,
            Side::Left => x < root_x,
        };
        if !on_side {
            return Err(format!(
                "{id} is not on the {side:?} side of its branch {branch}"
            ));
        }
    }
    // Siblings top to bottom in their order (the root's children within each side).
    for &(id, _) in &nodes {
        if map.topic(id).unwrap().folded {
            continue;
        }
        for side in [Side::Right, Side::Left] {
            let ys: Vec<(NodeId, f32)> = map
                .children(id)
                .iter()
                .filter(|&&c| id != root || side_of(c) == Some(side))
                .map(|&c| (c, map.topic(c).unwrap().pos.y))
                .collect();
            for pair in ys.windows(2) {
                if pair[0].1 >= pair[1].1 {
                    return Err(format!(
                        "{} stands below its next sibling {}",
                        pair[0].0, pair[1].0
                    ));
                }
            }
            if id != root {
                break;
            }
        }
    }
    // Each first-level branch keeps a band of its own on its side.
    let mut bands: HashMap<NodeId, (f32, f32)> = HashMap::new();
    for &(id, branch) in &nodes {
        if let Some(branch) = branch {
            let b = boxes[&id];
            let band = bands.entry(branch).or_insert((b.top, b.bottom));
            band.0 = band.0.min(b.top);
            band.1 = band.1.max(b.bottom);
        }
    }
    let first: Vec<NodeId> = map.children(root).to_vec();
    for (i, &a) in first.iter().enumerate() {
        for &b in &first[i + 1..] {
            let (Some(band_a), Some(band_b)) = (bands.get(&a), bands.get(&b)) else {
                continue;
            };
            if side_of(a) == side_of(b) && band_a.0 < band_b.1 - 0.5 && band_b.0 < band_a.1 - 0.5 {
                return Err(format!("the bands of branches {a} and {b} overlap"));
            }
        }
    }
    Ok(())
}

/// One edit, with seeds that pick nodes by modulo from the map as it is when the edit runs.
#[derive(Clone, Debug)]
enum Edit {
    AddChild(usize),
    AddSibling(usize),
    Delete(usize),
    Reorder(usize, bool),
    Reparent(usize, usize),
    Fold(usize),
    Rename(usize, bool),
    PasteCopy(usize, usize),
    Undo,
    Redo,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => any::<usize>().prop_map(Edit::AddChild),
        2 => any::<usize>().prop_map(Edit::AddSibling),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(n, up)| Edit::Reorder(n, up)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(n, p)| Edit::Reparent(n, p)),
        1 => any::<usize>().prop_map(Edit::Fold),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(n, long)| Edit::Rename(n, long)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(n, p)| Edit::PasteCopy(n, p)),
        1 => Just(Edit::Undo),
        1 => Just(Edit::Redo),
    ]
}

fn pick(map: &MindMap, seed: usize) -> NodeId {
    let ids = map.sorted_ids();
    ids[seed % ids.len()]
}

/// The command an edit stands for, if it makes sense on this map.
fn command(doc: &mut Document, edit: &Edit) -> Option<EditCommand> {
    let map = &doc.workbook().map;
    let root = map.root();
    Some(match *edit {
        Edit::AddChild(n) | Edit::AddSibling(n) => {
            let at = pick(map, n);
            let (parent, index) = match (edit, map.parent(at)) {
                (Edit::AddSibling(_), Some(parent)) => (parent, map.index_in_parent(at)? + 1),
                _ => (at, map.children(at).len()),
            };
            let id = doc.allocate_node_id();
            EditCommand::AddNode {
                parent,
                index,
                topic: Box::new(Topic::new(id, format!("node {}", id.0), NodeKind::Topic)),
            }
        }
        Edit::Delete(n) => {
            let id = pick(map, n);
            if id == root {
                return None;
            }
            EditCommand::RemoveSubtree { id }
        }
        Edit::Reorder(n, up) => {
            let id = pick(map, n);
            let parent = map.parent(id)?;
            let index = map.index_in_parent(id)?;
            let last = map.children(parent).len() - 1;
            let to = if up { index.checked_sub(1)? } else { index + 1 };
            if to > last {
                return None;
            }
            EditCommand::Reparent {
                id,
                parent,
                index: to,
            }
        }
        Edit::Reparent(n, p) => {
            let id = pick(map, n);
            let parent = pick(map, p);
            if id == root || map.is_ancestor_or_self(id, parent) {
                return None;
            }
            let index = map.children(parent).len() - usize::from(map.parent(id) == Some(parent));
            EditCommand::Reparent { id, parent, index }
        }
        Edit::Fold(n) => {
            let id = pick(map, n);
            let folded = map.topic(id)?.folded;
            EditCommand::SetFolded {
                id,
                folded: !folded,
            }
        }
        Edit::Rename(n, long) => EditCommand::Rename {
            id: pick(map, n),
            title: if long {
                "a much longer title that wraps onto several lines of the box ".repeat(2)
            } else {
                "x".to_owned()
            },
        },
        Edit::PasteCopy(n, p) => {
            // A copied branch pasted elsewhere, as the clipboard does it: the same titles under fresh ids.
            let source = pick(map, n);
            let target = pick(map, p);
            let titles: Vec<String> = map
                .subtree(source)
                .iter()
                .take(6)
                .map(|&id| map.topic(id).unwrap().title.clone())
                .collect();
            let mut commands = Vec::new();
            let mut parent = target;
            for title in titles {
                let id = doc.allocate_node_id();
                let index = doc_children(doc, parent, &commands);
                commands.push(EditCommand::AddNode {
                    parent,
                    index,
                    topic: Box::new(Topic::new(id, title, NodeKind::Topic)),
                });
                parent = id;
            }
            EditCommand::Batch(commands)
        }
        Edit::Undo | Edit::Redo => return None,
    })
}

/// How many children `parent` will have when the commands so far are applied (each adds one node).
fn doc_children(doc: &Document, parent: NodeId, so_far: &[EditCommand]) -> usize {
    let existing = doc
        .workbook()
        .map
        .topic(parent)
        .map_or(0, |_| doc.workbook().map.children(parent).len());
    existing
        + so_far
            .iter()
            .filter(|c| matches!(c, EditCommand::AddNode { parent: p, .. } if *p == parent))
            .count()
}

fn starter() -> Workbook {
    Template::FiveConstituencies.workbook().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_map_stays_tidy_through_any_sequence_of_edits(edits in prop::collection::vec(edit(), 1..40)) {
        let mut doc = Document::new(starter(), None);
        prop_assert_eq!(doc.workbook().arrangement, Arrangement::Tree);
        check_tidy(&doc.workbook().map).map_err(TestCaseError::fail)?;
        for edit in &edits {
            match edit {
                Edit::Undo => { doc.undo().unwrap(); }
                Edit::Redo => { doc.redo().unwrap(); }
                _ => {
                    if let Some(command) = command(&mut doc, edit) {
                        let _ = doc.apply(command);
                    }
                }
            }
            check_tidy(&doc.workbook().map)
                .map_err(|problem| TestCaseError::fail(format!("after {edit:?}: {problem}")))?;
        }
    }

    #[test]
    fn undoing_every_edit_gives_back_exactly_the_laid_out_map(edits in prop::collection::vec(edit(), 1..30)) {
        let mut doc = Document::new(starter(), None);
        let first = storage::to_string(doc.workbook());
        for edit in &edits {
            if let Some(command) = command(&mut doc, edit) {
                let _ = doc.apply(command);
            }
        }
        let last = storage::to_string(doc.workbook());
        while doc.undo().unwrap() {}
        prop_assert_eq!(&storage::to_string(doc.workbook()), &first);
        while doc.redo().unwrap() {}
        prop_assert_eq!(&storage::to_string(doc.workbook()), &last);
    }
}

use proptest::test_runner::TestCaseError;

/// Whether the segments `a`–`b` and `c`–`d` cross at a point inside both (touching ends do not count).
fn segments_cross(a: Pos, b: Pos, c: Pos, d: Pos) -> bool {
    let orient = |p: Pos, q: Pos, r: Pos| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < -1e-3 && d3 * d4 < -1e-3
}

/// Every pair of tree links (parent centre to child centre) that cross, by child.
fn crossing_links(map: &MindMap) -> Vec<(NodeId, NodeId)> {
    let links: Vec<(NodeId, Pos, Pos)> = visible(map)
        .into_iter()
        .filter_map(|(id, parent)| {
            let parent = parent?;
            Some((id, map.topic(parent)?.pos, map.topic(id)?.pos))
        })
        .collect();
    let mut crossing = Vec::new();
    for (i, &(a, p, q)) in links.iter().enumerate() {
        for &(b, r, s) in &links[i + 1..] {
            if segments_cross(p, q, r, s) {
                crossing.push((a, b));
            }
        }
    }
    crossing
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The radial arrangement gives each subtree a sector of its own, so no two links of the tree cross,
    /// whatever the edits made before.
    #[test]
    fn radial_links_never_cross(edits in prop::collection::vec(edit(), 1..30)) {
        let mut doc = Document::new(starter(), None);
        doc.apply(EditCommand::SetArrangement(Arrangement::Radial)).unwrap();
        prop_assert_eq!(crossing_links(&doc.workbook().map), vec![]);
        for edit in &edits {
            match edit {
                Edit::Undo | Edit::Redo => {}
                _ => {
                    if let Some(command) = command(&mut doc, edit) {
                        let _ = doc.apply(command);
                    }
                }
            }
            if doc.workbook().arrangement == Arrangement::Radial {
                prop_assert_eq!(
                    crossing_links(&doc.workbook().map),
                    vec![],
                    "after {:?}",
                    edit
                );
            }
        }
    }
}

#[test]
fn a_second_child_of_staff_lands_in_the_staff_branch() {
    let mut doc = Document::new(starter(), None);
    let map = &doc.workbook().map;
    let staff = map
        .children(map.root())
        .iter()
        .copied()
        .find(|&id| map.topic(id).unwrap().title.contains("Staff"))
        .unwrap();
    for title in ["Deputy", "Branch managers"] {
        let id = doc.allocate_node_id();
        let index = doc.workbook().map.children(staff).len();
        doc.apply(EditCommand::AddNode {
            parent: staff,
            index,
            topic: Box::new(Topic::new(id, title, NodeKind::Person)),
        })
        .unwrap();
    }
    check_tidy(&doc.workbook().map).unwrap();
}

#[test]
fn reordering_siblings_moves_them_on_the_canvas() {
    let mut doc = Document::new(starter(), None);
    let map = &doc.workbook().map;
    let (first, second) = (map.children(map.root())[0], map.children(map.root())[1]);
    let y = |doc: &Document, id| doc.workbook().map.topic(id).unwrap().pos.y;
    assert!(y(&doc, first) < y(&doc, second));
    doc.apply(EditCommand::Reparent {
        id: second,
        parent: doc.workbook().map.root(),
        index: 0,
    })
    .unwrap();
    assert!(
        y(&doc, second) < y(&doc, first),
        "the node moved up among its siblings"
    );
}

#[test]
fn a_longer_title_pushes_its_children_outwards() {
    let mut doc = Document::new(starter(), None);
    let map = &doc.workbook().map;
    let branch = map.children(map.root())[0];
    let id = doc.allocate_node_id();
    doc.apply(EditCommand::AddNode {
        parent: branch,
        index: 0,
        topic: Box::new(Topic::new(id, "", NodeKind::Person)),
    })
    .unwrap();
    let x_before = doc.workbook().map.topic(id).unwrap().pos.x;
    doc.apply(EditCommand::Rename {
        id: branch,
        title: "A governing authority with a very long name indeed".to_owned(),
    })
    .unwrap();
    let x_after = doc.workbook().map.topic(id).unwrap().pos.x;
    assert!(
        (x_after - x_before).abs() > 20.0,
        "the child moved away from its wider parent"
    );
    check_tidy(&doc.workbook().map).unwrap();
}

#[test]
fn a_nudge_moves_the_whole_branch_and_survives_a_reflow() {
    let mut doc = Document::new(starter(), None);
    let map = &doc.workbook().map;
    let branch = map.children(map.root())[0];
    let child = map.children(branch)[0];
    let before = doc.workbook().map.topic(child).unwrap().pos;
    doc.apply(EditCommand::SetOffsets {
        offsets: vec![(branch, Pos::new(30.0, 40.0))],
    })
    .unwrap();
    let after = doc.workbook().map.topic(child).unwrap().pos;
    assert!((after.x - before.x - 30.0).abs() < 0.2 && (after.y - before.y - 40.0).abs() < 0.2);
    // Another change re-flows the map; the nudge stays.
    let id = doc.allocate_node_id();
    doc.apply(EditCommand::AddNode {
        parent: branch,
        index: 0,
        topic: Box::new(Topic::new(id, "new", NodeKind::Person)),
    })
    .unwrap();
    assert_eq!(
        doc.workbook().map.topic(branch).unwrap().offset,
        Pos::new(30.0, 40.0)
    );
    doc.undo().unwrap();
    doc.undo().unwrap();
    assert_eq!(doc.workbook().map.topic(child).unwrap().pos, before);
}

#[test]
fn folding_hands_the_room_back_and_unfolding_lays_the_children_out_beside_their_parent() {
    let mut doc = Document::new(starter(), None);
    let map = &doc.workbook().map;
    let branch = map.children(map.root())[0];
    let below = map.children(map.root())[1];
    let child = map.children(branch)[0];
    let gap = |doc: &Document| {
        let map = &doc.workbook().map;
        map.topic(below).unwrap().pos.y - map.topic(branch).unwrap().pos.y
    };
    let open_gap = gap(&doc);
    doc.apply(EditCommand::SetFolded {
        id: branch,
        folded: true,
    })
    .unwrap();
    assert!(gap(&doc) < open_gap, "folding hands the room back");
    doc.apply(EditCommand::SetFolded {
        id: branch,
        folded: false,
    })
    .unwrap();
    let map = &doc.workbook().map;
    let (parent, child) = (
        map.topic(branch).unwrap().pos,
        map.topic(child).unwrap().pos,
    );
    assert!((child.x - parent.x).abs() < 400.0 && (child.y - parent.y).abs() < 200.0);
    check_tidy(map).unwrap();
}

#[test]
fn deleting_a_branch_keeps_every_other_branch_colour() {
    let mut doc = Document::new(starter(), None);
    let palettes = |doc: &Document| -> Vec<(NodeId, Option<u8>)> {
        let map = &doc.workbook().map;
        map.children(map.root())
            .iter()
            .map(|&id| (id, map.topic(id).unwrap().palette))
            .collect()
    };
    let before = palettes(&doc);
    assert!(before.iter().all(|(_, p)| p.is_some()));
    let gone = before[2].0;
    doc.apply(EditCommand::RemoveSubtree { id: gone }).unwrap();
    let after = palettes(&doc);
    let expected: Vec<_> = before
        .iter()
        .copied()
        .filter(|&(id, _)| id != gone)
        .collect();
    assert_eq!(after, expected);
    // A new branch takes the colour no branch has now.
    let id = doc.allocate_node_id();
    let root = doc.workbook().map.root();
    let index = doc.workbook().map.children(root).len();
    doc.apply(EditCommand::AddNode {
        parent: root,
        index,
        topic: Box::new(Topic::new(id, "Partners", NodeKind::Constituency)),
    })
    .unwrap();
    let new = doc.workbook().map.topic(id).unwrap().palette.unwrap();
    assert!(expected.iter().all(|&(_, p)| p != Some(new)));
}

#[test]
fn colours_and_sides_survive_saving_and_loading() {
    let doc = Document::new(starter(), None);
    let text = storage::to_string(doc.workbook());
    let back = Document::new(
        storage::from_str(&text, std::path::Path::new("map.ron")).unwrap(),
        None,
    );
    assert_eq!(storage::to_string(back.workbook()), text);
    assert!(text.contains("palette:"), "{text}");
    assert!(text.contains("side:"), "{text}");
    assert!(text.contains("layout: Tree"), "{text}");
}

#[test]
fn a_large_generated_map_stays_tidy() {
    let doc = Document::new(relmap::layout::generated(2_000), None);
    check_tidy(&doc.workbook().map).unwrap();
}

#[test]
fn the_crossing_check_sees_a_cross_and_not_a_shared_end() {
    let p = |x, y| Pos::new(x, y);
    assert!(segments_cross(
        p(0.0, 0.0),
        p(10.0, 10.0),
        p(0.0, 10.0),
        p(10.0, 0.0)
    ));
    assert!(!segments_cross(
        p(0.0, 0.0),
        p(10.0, 10.0),
        p(0.0, 0.0),
        p(10.0, 0.0)
    ));
    assert!(!segments_cross(
        p(0.0, 0.0),
        p(10.0, 0.0),
        p(0.0, 5.0),
        p(10.0, 5.0)
    ));
}
