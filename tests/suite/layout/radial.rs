//! The radial layout: the branches surround the root, each keeps to its own sector, and every child sits
//! further out than its parent.

use relmap::layout::Algorithm;
use relmap::model::{NodeId, NodeKind, Pos, Topic};

use super::support::{SHAPES, Shape, generate, position, run};

/// The direction of a node from the root in degrees, from 0 to 360.
fn degrees_around_root(positions: &[(NodeId, Pos)], root: NodeId, id: NodeId) -> f32 {
    let (centre, at) = (position(positions, root), position(positions, id));
    (at.y - centre.y)
        .atan2(at.x - centre.x)
        .to_degrees()
        .rem_euclid(360.0)
}

#[test]
fn the_radial_layout_surrounds_the_root_with_its_branches() {
    let mut lopsided = generate(Shape::FiveBranches, 4, 1);
    // One branch with far more leaves than the other two still leaves them room around the root.
    for id in 5..200 {
        lopsided
            .insert(
                NodeId(2),
                0,
                Topic::new(NodeId(id), "leaf", NodeKind::Topic),
            )
            .unwrap();
    }
    let maps = [
        lopsided,
        generate(Shape::Fan, 50, 2),
        generate(Shape::FiveBranches, 500, 3),
        generate(Shape::Random, 500, 5),
    ];
    for map in &maps {
        let root = map.root();
        assert!(
            map.children(root).len() >= 3,
            "{} branches",
            map.children(root).len()
        );
        let positions = run(map, Algorithm::Radial);
        let mut angles: Vec<f32> = map
            .children(root)
            .iter()
            .map(|&id| degrees_around_root(&positions, root, id))
            .collect();
        angles.sort_by(f32::total_cmp);
        let wrap = angles[0] + 360.0 - angles[angles.len() - 1];
        let widest_gap = angles.windows(2).map(|w| w[1] - w[0]).fold(wrap, f32::max);
        assert!(
            360.0 - widest_gap > 180.0,
            "the branches span only {}°",
            360.0 - widest_gap
        );
    }
}

#[test]
fn each_radial_branch_keeps_to_its_own_sector() {
    let map = generate(Shape::FiveBranches, 1000, 29);
    let root = map.root();
    let positions = run(&map, Algorithm::Radial);
    let mut around: Vec<(f32, NodeId)> = map.sorted_ids()[1..]
        .iter()
        .map(|&id| {
            (
                degrees_around_root(&positions, root, id),
                map.branch_of(id).unwrap(),
            )
        })
        .collect();
    around.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Going once around the root, the branch changes exactly once per branch: each is one unbroken sector.
    let changes = (0..around.len())
        .filter(|&i| around[i].1 != around[(i + 1) % around.len()].1)
        .count();
    assert_eq!(changes, map.children(root).len());
}

#[test]
fn the_radial_layout_puts_every_child_further_out_than_its_parent() {
    for shape in SHAPES {
        let map = generate(shape, 1000, 31);
        let positions = run(&map, Algorithm::Radial);
        let centre = position(&positions, map.root());
        let distance = |id: NodeId| {
            let at = position(&positions, id);
            (at.x - centre.x).hypot(at.y - centre.y)
        };
        for &id in &map.sorted_ids()[1..] {
            let parent = map.parent(id).unwrap();
            assert!(distance(id) > distance(parent), "{shape:?}: node {id}");
        }
    }
}
