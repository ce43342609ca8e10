//! Placing new nodes without laying out the map again: a new child or sibling never covers a visible node,
//! goes to the outer side of its parent, and lands below the last child (or beside its parent when it is the
//! first), in hand-arranged maps and in maps laid out by either algorithm.

use relmap::layout::{Algorithm, estimated_size, place_new_child, place_new_sibling};
use relmap::model::{MindMap, NodeId, NodeKind, Pos, Topic};

use super::support::{MIN_GAP, Rect, Shape, apply, generate, run, sizes};

/// The box a new, untitled node would have at `pos`.
fn new_box(pos: Pos) -> Rect {
    Rect::around(NodeId(0), pos, estimated_size(""))
}

/// Panics when the new node's box comes closer than the minimum gap to any visible node's box.
fn assert_clear(map: &MindMap, pos: Pos, what: &str) {
    let size_of = sizes(map);
    let new = new_box(pos);
    for id in map.subtree_unfolded() {
        let existing = Rect::around(id, map.topic(id).unwrap().pos, size_of(id));
        assert!(
            !new.crowds(&existing, MIN_GAP),
            "{what}: {new:?} crowds node {} at {existing:?}",
            existing.id
        );
    }
}

/// Maps to place new nodes in: laid out by either algorithm, and the starter template as arranged by hand.
fn maps_to_add_to() -> Vec<(String, MindMap)> {
    let mut maps = vec![(
        "the starter template".to_owned(),
        relmap::storage::starter().unwrap().map,
    )];
    for shape in [Shape::FiveBranches, Shape::Random, Shape::Fan] {
        for algorithm in Algorithm::ALL {
            let mut map = generate(shape, 300, 37);
            let positions = run(&map, algorithm);
            apply(&mut map, &positions);
            maps.push((format!("a {algorithm:?} layout of a {shape:?} map"), map));
        }
    }
    maps
}

/// Whether `x` is on the right of (or straight above or below) `from`, as the placing functions count sides.
fn rightwards(x: f32, from: f32) -> bool {
    x >= from
}

#[test]
fn a_new_child_covers_no_node_and_goes_outwards_below_the_last_child() {
    for (name, map) in maps_to_add_to() {
        let root = map.root();
        let root_x = map.topic(root).unwrap().pos.x;
        for parent in map.subtree_unfolded().into_iter().step_by(3) {
            let pos = place_new_child(&map, parent, &sizes(&map));
            let what = format!("a child of {parent} in {name}");
            assert_clear(&map, pos, &what);
            let from = map.topic(parent).unwrap().pos;
            let outwards = rightwards(pos.x, from.x);
            if parent != root {
                // Away from the root: on the parent's own side of it.
                assert_eq!(outwards, rightwards(from.x, root_x), "{what}");
            }
            // Below the last child already on that side.
            let last = map
                .children(parent)
                .iter()
                .rev()
                .map(|&c| map.topic(c).unwrap().pos)
                .find(|c| rightwards(c.x, from.x) == outwards);
            if let Some(last) = last {
                assert!(pos.y > last.y, "{what}: {pos:?} is not below {last:?}");
            }
        }
    }
}

#[test]
fn a_first_child_sits_level_with_its_parent_on_the_outer_side() {
    let mut map = relmap::storage::starter().unwrap().map;
    let positions = run(&map, Algorithm::Tree);
    apply(&mut map, &positions);
    let root_x = map.topic(map.root()).unwrap().pos.x;
    // In the tree layout of the starter map, every node of the second level is a leaf with room beside it.
    let leaves: Vec<NodeId> = map
        .sorted_ids()
        .into_iter()
        .filter(|&id| map.depth(id) == 2)
        .collect();
    assert!(!leaves.is_empty());
    for leaf in leaves {
        let from = map.topic(leaf).unwrap().pos;
        let pos = place_new_child(&map, leaf, &sizes(&map));
        assert!(
            (pos.y - from.y).abs() < 1e-3,
            "{leaf}: {pos:?} beside {from:?}"
        );
        let half_widths = sizes(&map)(leaf).width / 2.0 + estimated_size("").width / 2.0;
        assert!((pos.x - from.x).abs() > half_widths, "{leaf}");
        assert_eq!(rightwards(pos.x, from.x), rightwards(from.x, root_x));
    }
}

#[test]
fn a_new_branch_of_the_root_goes_to_the_side_with_fewer_branches() {
    let mut map = MindMap::new(Topic::new(NodeId(1), "You", NodeKind::Center));
    let first = place_new_child(&map, NodeId(1), &sizes(&map));
    assert!(first.x > 0.0, "the first branch goes right");
    assert!(first.y.abs() < 1e-3, "level with the root");
    for (id, x) in [(2, 300.0), (3, 300.0), (4, -300.0)] {
        let index = map.children(NodeId(1)).len();
        let topic = Topic::new(NodeId(id), "Branch", NodeKind::Constituency)
            .at(Pos::new(x, 100.0 * id as f32));
        map.insert(NodeId(1), index, topic).unwrap();
    }
    let pos = place_new_child(&map, NodeId(1), &sizes(&map));
    assert!(pos.x < 0.0, "two on the right and one on the left: {pos:?}");
    assert!(pos.y > 400.0, "below the last branch on the left: {pos:?}");
    assert_clear(&map, pos, "a new branch");
}

#[test]
fn a_new_child_of_a_folded_node_clears_the_children_that_unfolding_shows() {
    let mut map = generate(Shape::FiveBranches, 200, 41);
    let positions = run(&map, Algorithm::Tree);
    apply(&mut map, &positions);
    let parent = NodeId(3);
    let last = *map.children(parent).last().unwrap();
    map.topic_mut(parent).unwrap().folded = true;
    let pos = place_new_child(&map, parent, &sizes(&map));
    map.topic_mut(parent).unwrap().folded = false;
    assert_clear(&map, pos, "a child of a folded node");
    assert!(pos.y > map.topic(last).unwrap().pos.y);
}

#[test]
fn a_new_sibling_goes_just_below_or_above_and_covers_no_node() {
    for (name, map) in maps_to_add_to() {
        for sibling in map.subtree_unfolded().into_iter().skip(1).step_by(3) {
            let parent_x = map.topic(map.parent(sibling).unwrap()).unwrap().pos.x;
            let at = map.topic(sibling).unwrap().pos;
            for after in [true, false] {
                let pos = place_new_sibling(&map, sibling, after, &sizes(&map));
                let what = format!("a sibling of {sibling} (after: {after}) in {name}");
                assert_clear(&map, pos, &what);
                assert_eq!(after, pos.y > at.y, "{what}: {pos:?} next to {at:?}");
                // On the same side of the parent as the sibling.
                assert_eq!(
                    rightwards(pos.x, parent_x),
                    rightwards(at.x, parent_x),
                    "{what}"
                );
            }
        }
    }
}

#[test]
fn a_sibling_of_the_root_is_placed_as_a_child() {
    let map = relmap::storage::starter().unwrap().map;
    let root = map.root();
    assert_eq!(
        place_new_sibling(&map, root, true, &sizes(&map)),
        place_new_child(&map, root, &sizes(&map)),
    );
}
