//! The tree layout: it grows wide with depth and tall with leaves, splits the branches between both sides of
//! the root in their order, keeps siblings in order from top to bottom, and centres every parent on its
//! children.

use std::collections::HashMap;

use relmap::layout::Algorithm;
use relmap::model::{MindMap, NodeId, Pos};

use super::support::{
    Rect, SHAPES, SIZES, Shape, bounding_box, generate, position, rects, run, sizes,
};

#[test]
fn the_tree_layout_grows_wide_with_depth_and_tall_with_the_number_of_nodes() {
    for shape in SHAPES {
        for count in SIZES {
            let map = generate(shape, count, count as u64 * 7 + 1);
            let boxes = rects(&map, &run(&map, Algorithm::Tree));
            let (width, height) = bounding_box(&boxes);
            let depth = map
                .sorted_ids()
                .iter()
                .map(|&id| map.depth(id))
                .max()
                .unwrap();
            let widest = boxes.iter().map(|r| r.right - r.left).fold(0.0, f32::max);
            let root_width = sizes(&map)(NodeId(1)).width;
            // Each side holds one column per depth, each as wide as its widest node, with a gap of at most 60
            // before it; the number of nodes does not enter. The extra unit allows for rounding.
            let width_bound = root_width + 2.0 * depth as f32 * (widest + 60.0) + 1.0;
            assert!(
                width <= width_bound,
                "{shape:?} {count}: {width} > {width_bound}"
            );
            // Every node adds at most its own height and one gap to the stack of bands.
            let height_bound: f32 = boxes.iter().map(|r| r.bottom - r.top + 24.0).sum();
            assert!(
                height <= height_bound,
                "{shape:?} {count}: {height} > {height_bound}"
            );
        }
    }
}

/// The vertical extent of every visible subtree's boxes, by id.
fn subtree_extents(map: &MindMap, positions: &[(NodeId, Pos)]) -> HashMap<NodeId, (f32, f32)> {
    let size_of = sizes(map);
    let mut extents = HashMap::new();
    // Reversed pre-order meets every child before its parent.
    for id in map.subtree_unfolded().into_iter().rev() {
        let r = Rect::around(id, position(positions, id), size_of(id));
        let mut extent = (r.top, r.bottom);
        if !map.topic(id).unwrap().folded {
            for child in map.children(id) {
                let (top, bottom) = extents[child];
                extent = (extent.0.min(top), extent.1.max(bottom));
            }
        }
        extents.insert(id, extent);
    }
    extents
}

/// The first-level branches on the right of the root and on its left, in sibling order.
fn sides(map: &MindMap, positions: &[(NodeId, Pos)]) -> (Vec<NodeId>, Vec<NodeId>) {
    let root_x = position(positions, map.root()).x;
    map.children(map.root())
        .iter()
        .partition(|&&id| position(positions, id).x > root_x)
}

#[test]
fn the_tree_layout_puts_branches_on_both_sides_with_the_first_ones_on_the_right() {
    for shape in [Shape::Fan, Shape::FiveBranches, Shape::Random] {
        for count in [3, 10, 200, 2000] {
            let map = generate(shape, count, count as u64);
            let positions = run(&map, Algorithm::Tree);
            let (right, left) = sides(&map, &positions);
            if map.children(map.root()).len() >= 2 {
                assert!(!right.is_empty() && !left.is_empty(), "{shape:?} {count}");
            }
            // Order is kept: the right side takes a leading run of the branches, the left side the rest.
            assert_eq!(right[..], map.children(map.root())[..right.len()]);
            // A whole branch stays on the side of its first-level node.
            let root_x = position(&positions, map.root()).x;
            for &id in &map.sorted_ids()[1..] {
                let branch = map.branch_of(id).unwrap();
                let on_right = position(&positions, branch).x > root_x;
                assert_eq!(position(&positions, id).x > root_x, on_right, "node {id}");
            }
        }
    }
}

#[test]
fn the_tree_layout_keeps_siblings_in_order_from_top_to_bottom() {
    for shape in SHAPES {
        let map = generate(shape, 1000, 17);
        let positions = run(&map, Algorithm::Tree);
        let y = |id: &NodeId| position(&positions, *id).y;
        let (right, left) = sides(&map, &positions);
        for run_of_siblings in [right, left] {
            assert!(run_of_siblings.windows(2).all(|w| y(&w[0]) < y(&w[1])));
        }
        for &parent in &map.sorted_ids()[1..] {
            let children = map.children(parent);
            assert!(
                children.windows(2).all(|w| y(&w[0]) < y(&w[1])),
                "children of {parent}"
            );
        }
    }
}

#[test]
fn the_tree_layout_centres_every_parent_on_its_children() {
    for shape in SHAPES {
        let mut map = generate(shape, 1000, 23);
        // A folded node counts as a leaf; folding a few checks that, too.
        for id in [5, 30, 77] {
            if !map.children(NodeId(id)).is_empty() {
                map.topic_mut(NodeId(id)).unwrap().folded = true;
            }
        }
        let positions = run(&map, Algorithm::Tree);
        let extents = subtree_extents(&map, &positions);
        let centred_on = |parent: NodeId, children: &[NodeId]| {
            let (Some(first), Some(last)) = (children.first(), children.last()) else {
                return;
            };
            let middle = f32::midpoint(extents[first].0, extents[last].1);
            let y = position(&positions, parent).y;
            assert!(
                (y - middle).abs() < 0.2,
                "{shape:?}: {parent} at {y}, children around {middle}"
            );
        };
        let (right, left) = sides(&map, &positions);
        centred_on(map.root(), &right);
        centred_on(map.root(), &left);
        for id in map.subtree_unfolded().into_iter().skip(1) {
            if !map.topic(id).unwrap().folded {
                centred_on(id, map.children(id));
            }
        }
    }
}
