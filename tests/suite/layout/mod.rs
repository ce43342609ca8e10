//! The automatic layouts and the placing of new nodes. This file tests what is true of both layouts: no two
//! boxes overlap in generated maps of every shape up to 2,000 nodes, the result never varies, the map stays
//! compact, and folded branches take no room. `tree`, `radial` and `placing` test what is particular to each.

// The generators and checks are test code shared by the tests; failing loudly is what they are for.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod placing;
mod radial;
mod support;
mod tree;

use relmap::layout::Algorithm;
use relmap::model::{MindMap, NodeId, Pos};

use support::{
    MIN_GAP, SHAPES, SIZES, Shape, bounding_box, crowded_pair, generate, position, rects, run,
    visible_ids,
};

#[test]
fn no_two_nodes_overlap_in_either_layout_for_maps_of_one_to_two_thousand_nodes() {
    for shape in SHAPES {
        for count in SIZES {
            let map = generate(shape, count, count as u64 * 7 + 1);
            for algorithm in Algorithm::ALL {
                let positions = run(&map, algorithm);
                assert_eq!(positions.len(), count);
                if let Some((a, b)) = crowded_pair(rects(&map, &positions), MIN_GAP) {
                    panic!(
                        "{algorithm:?} layout of a {shape:?} map of {count}: node {} at {a:?} crowds node {} at {b:?}",
                        a.id, b.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_same_map_always_gets_the_same_layout() {
    for shape in SHAPES {
        // Two separately built copies have differently seeded hash tables inside, so this also shows that
        // nothing depends on the order a hash map hands things out in.
        let first = generate(shape, 500, 42);
        let second = generate(shape, 500, 42);
        for algorithm in Algorithm::ALL {
            let a = run(&first, algorithm);
            assert_eq!(a, run(&first, algorithm));
            assert_eq!(a, run(&second, algorithm));
        }
    }
}

#[test]
fn every_visible_node_gets_one_position_and_the_list_is_sorted_by_id() {
    let mut map = generate(Shape::Random, 300, 3);
    map.topic_mut(NodeId(2)).unwrap().folded = true;
    for algorithm in Algorithm::ALL {
        let positions = run(&map, algorithm);
        let ids: Vec<NodeId> = positions.iter().map(|&(id, _)| id).collect();
        assert_eq!(ids, visible_ids(&map));
        assert!(
            positions
                .iter()
                .all(|(_, p)| p.x.is_finite() && p.y.is_finite())
        );
    }
}

#[test]
fn the_root_stays_where_it_is() {
    let mut map = generate(Shape::FiveBranches, 100, 5);
    map.topic_mut(NodeId(1)).unwrap().pos = Pos::new(-350.0, 120.0);
    for algorithm in Algorithm::ALL {
        assert_eq!(
            position(&run(&map, algorithm), NodeId(1)),
            Pos::new(-350.0, 120.0)
        );
    }
}

/// How much bigger than the nodes' own area the bounding box may be. A radial layout leaves the wedge beyond
/// every shallow leaf empty and must make each ring long enough for its widest neighbours, and a tree layout
/// gives every column the width of its widest node; on the generated maps the box is 1 to about 55 times the
/// nodes' area (deep random maps in the radial layout are the worst). A layout that flings nodes away
/// multiplies the area by orders of magnitude, so twice the worst case measured still catches that.
const AREA_FACTOR: f32 = 110.0;

#[test]
fn the_bounding_box_grows_in_proportion_to_the_number_of_nodes() {
    for shape in SHAPES {
        for count in SIZES {
            let map = generate(shape, count, count as u64 * 7 + 1);
            for algorithm in Algorithm::ALL {
                let boxes = rects(&map, &run(&map, algorithm));
                let (width, height) = bounding_box(&boxes);
                let nodes_area: f32 = boxes
                    .iter()
                    .map(|r| (r.right - r.left) * (r.bottom - r.top))
                    .sum();
                assert!(
                    width * height <= AREA_FACTOR * nodes_area,
                    "{algorithm:?} layout of a {shape:?} map of {count}: {width} x {height} for {nodes_area}",
                );
            }
        }
    }
}

/// A copy of `map` with the given nodes folded, and a copy with their descendants removed instead.
fn folded_and_pruned(map: &MindMap, fold: &[u64]) -> (MindMap, MindMap) {
    let mut folded = map.clone();
    let mut pruned = map.clone();
    for &id in fold {
        folded.topic_mut(NodeId(id)).unwrap().folded = true;
        for child in map.children(NodeId(id)).to_vec() {
            if pruned.contains(child) {
                pruned.remove_subtree(child).unwrap();
            }
        }
    }
    (folded, pruned)
}

#[test]
fn folded_branches_are_left_out_and_take_no_room() {
    let map = generate(Shape::FiveBranches, 600, 11);
    let (folded, pruned) = folded_and_pruned(&map, &[2, 9, 40]);
    for algorithm in Algorithm::ALL {
        let positions = run(&folded, algorithm);
        // Hidden nodes get no position, so an edit built from the result leaves them where they were.
        assert!(positions.len() < map.len());
        assert!(positions.iter().all(|&(id, _)| !folded.is_hidden(id)));
        // The rest is laid out exactly as if the folded branches had no children at all.
        assert_eq!(positions, run(&pruned, algorithm));
    }
}

#[test]
fn the_starter_template_lays_out_without_overlap_in_either_layout() {
    let map = relmap::storage::starter().unwrap().map;
    for algorithm in Algorithm::ALL {
        let positions = run(&map, algorithm);
        assert_eq!(positions.len(), map.len());
        if let Some((a, b)) = crowded_pair(rects(&map, &positions), MIN_GAP) {
            panic!("{algorithm:?}: node {} crowds node {}", a.id, b.id);
        }
    }
}
