//! The radial layout: the root in the centre, each subtree in an angular sector proportional to its number of
//! visible leaves, and each depth on a ring further out than the one before.
//!
//! Angles come first, from the leaf counts alone. Radii come second, ring by ring outwards: each ring is pushed
//! out until it clears the ring inside it and until neighbouring nodes on it clear each other. The proof of the
//! second is a wedge argument. A box whose centre is at distance `r` and which reaches `p` towards the root and
//! `t` sideways (both measured in the frame of its own direction from the root) lies inside the wedge of
//! half-angle `atan(t / (r - p))` around that direction. Two boxes whose wedges do not overlap cannot overlap
//! either, and `atan(x) <= x` turns the condition into a radius in closed form. Boxes are padded by half the
//! gap on every side, so that clear padded boxes leave a full gap between the real ones.
//!
//! A ring crowded with leaves would have to grow with the number of its nodes, and its area with their
//! square. Such a ring is split into a few staggered sub-rings instead, every `k`-th node on the same one,
//! which buys `k` times the room along each sub-ring for a little more depth; the number of sub-rings that
//! gives the smallest outer radius wins. Everything is linear in the number of visible nodes.

use std::f64::consts::{FRAC_PI_2, PI, TAU};

use super::visible::VisibleTree;

/// The space left between any two boxes.
const NODE_GAP: f64 = 12.0;
/// The extra space between the rings of two depths, so that links between them stay visible.
const RING_GAP: f64 = 40.0;
/// The most staggered sub-rings one depth may be split into.
const MAX_SUB_RINGS: usize = 16;
/// How much smaller the outer radius must get before one more sub-ring is worth its busier look.
const STAGGER_GAIN: f64 = 0.95;

/// One node as the ring computation sees it.
#[derive(Clone, Copy)]
struct Polar {
    /// Its direction from the root, in radians, growing clockwise on screen.
    angle: f64,
    /// Half its padded extent along its direction from the root.
    radial: f64,
    /// Half its padded extent across that direction.
    tangential: f64,
}

/// The centre of every node of `tree`, indexed like it.
pub(super) fn layout(tree: &VisibleTree) -> Vec<(f64, f64)> {
    let count = tree.len();
    let angles = angles(tree);
    let polar: Vec<Polar> = (0..count)
        .map(|index| {
            let angle = angles[index];
            let (sin, cos) = angle.sin_cos();
            let width = f64::from(tree.sizes[index].width) / 2.0;
            let height = f64::from(tree.sizes[index].height) / 2.0;
            Polar {
                angle,
                radial: (width * cos).abs() + (height * sin).abs() + NODE_GAP / 2.0,
                tangential: (width * sin).abs() + (height * cos).abs() + NODE_GAP / 2.0,
            }
        })
        .collect();

    let root = tree.sizes[0];
    // The farthest any point of the padded root box reaches from the centre.
    let mut outer =
        (f64::from(root.width) + NODE_GAP).hypot(f64::from(root.height) + NODE_GAP) / 2.0;
    let mut radius = vec![0.0; count];
    let mut start = 1;
    while start < count {
        let depth = tree.depths[start];
        let end = start + tree.depths[start..].partition_point(|&d| d == depth);
        let ring = &polar[start..end];
        let sub_rings = best_stagger(ring, outer + RING_GAP);
        outer = place_ring(ring, sub_rings, outer + RING_GAP, &mut radius[start..end]);
        start = end;
    }

    let (root_x, root_y) = (f64::from(tree.root_pos.x), f64::from(tree.root_pos.y));
    (0..count)
        .map(|index| {
            let (sin, cos) = angles[index].sin_cos();
            (root_x + radius[index] * cos, root_y + radius[index] * sin)
        })
        .collect()
}

/// The direction of every node from the root: the centre of its sector, which it shares among its children in
/// proportion to their visible leaves.
fn angles(tree: &VisibleTree) -> Vec<f64> {
    let count = tree.len();
    let mut leaves = vec![0_u64; count];
    for index in (0..count).rev() {
        let children = tree.children(index);
        leaves[index] = if children.is_empty() {
            1
        } else {
            children.map(|child| leaves[child]).sum()
        };
    }
    let mut sector_start = vec![0.0; count];
    let mut sector = vec![0.0; count];
    let mut angle = vec![0.0; count];
    // The first branch starts at twelve o'clock and the rest follow clockwise, as in most radial mind maps; a
    // lone branch sits to the right of the root, where a reader looks first.
    sector_start[0] = if tree.children(0).len() == 1 {
        -PI
    } else {
        -FRAC_PI_2
    };
    sector[0] = TAU;
    for parent in 0..count {
        let mut at = sector_start[parent];
        let share = sector[parent] / leaves[parent] as f64;
        for child in tree.children(parent) {
            sector_start[child] = at;
            sector[child] = share * leaves[child] as f64;
            angle[child] = at + sector[child] / 2.0;
            at += sector[child];
        }
    }
    angle
}

/// How many staggered sub-rings give this depth's nodes the smallest outer radius.
fn best_stagger(ring: &[Polar], inner: f64) -> usize {
    let mut best = 1;
    let mut best_outer = sub_rings(ring, 1, inner).last().map_or(inner, |(_, o)| o);
    for k in 2..=MAX_SUB_RINGS.min(ring.len()) {
        let outer = sub_rings(ring, k, inner).last().map_or(inner, |(_, o)| o);
        if outer < best_outer * STAGGER_GAIN {
            best = k;
            best_outer = outer;
        }
    }
    best
}

/// Places one depth's nodes on `k` sub-rings, writing each node's radius, and returns how far out the outermost
/// reaches.
fn place_ring(ring: &[Polar], k: usize, inner: f64, radius: &mut [f64]) -> f64 {
    let mut outer = inner;
    for (first, (r, o)) in sub_rings(ring, k, inner).enumerate() {
        for slot in radius.iter_mut().skip(first).step_by(k) {
            *slot = r;
        }
        outer = o;
    }
    outer
}

/// The radius of each of `k` sub-rings, with how far out each reaches, innermost first. Sub-ring `j` holds
/// nodes `j`, `j + k`, `j + 2k` and so on, which keeps each sub-ring in angular order.
fn sub_rings(ring: &[Polar], k: usize, inner: f64) -> impl Iterator<Item = (f64, f64)> + '_ {
    let mut reach = inner;
    (0..k).map(move |first| {
        let (r, o) = ring_radius(ring.iter().skip(first).step_by(k), reach);
        // Sub-rings of one depth sit close together; the padding of the boxes already keeps a gap.
        reach = o;
        (r, o)
    })
}

/// The smallest radius at which nodes in angular order clear everything inside `inner` and clear each other,
/// with how far out they then reach.
fn ring_radius<'a>(nodes: impl Iterator<Item = &'a Polar> + Clone, inner: f64) -> (f64, f64) {
    let mut radius = 0.0_f64;
    let mut first: Option<&Polar> = None;
    let mut previous: Option<&Polar> = None;
    for node in nodes.clone() {
        // Its nearest point must lie beyond everything already placed.
        radius = radius.max(inner + node.radial);
        if let Some(before) = previous {
            radius = radius.max(clearing_radius(before, node, node.angle - before.angle));
        }
        first = first.or(Some(node));
        previous = Some(node);
    }
    if let (Some(first), Some(last)) = (first, previous)
        && !std::ptr::eq(first, last)
    {
        radius = radius.max(clearing_radius(last, first, first.angle + TAU - last.angle));
    }
    let reach = nodes
        .map(|node| (radius + node.radial).hypot(node.tangential))
        .fold(inner, f64::max);
    (radius, reach)
}

/// The radius from which two neighbours `separation` radians apart lie in wedges that do not overlap.
fn clearing_radius(a: &Polar, b: &Polar, separation: f64) -> f64 {
    // With r - p > 0, atan(t / (r - p)) <= t / (r - p); so the half-angles of both wedges add up to at most
    // (ta + tb) / (r - max(pa, pb)), which is at most the separation from this radius on.
    a.radial.max(b.radial) + (a.tangential + b.tangential) / separation.max(f64::EPSILON)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(angle: f64, radial: f64, tangential: f64) -> Polar {
        Polar {
            angle,
            radial,
            tangential,
        }
    }

    #[test]
    fn a_lone_node_sits_just_beyond_the_inner_reach() {
        let (r, reach) = ring_radius([node(0.0, 10.0, 5.0)].iter(), 100.0);
        assert!((r - 110.0).abs() < 1e-9);
        assert!((reach - 120.0_f64.hypot(5.0)).abs() < 1e-9);
    }

    #[test]
    fn crowded_nodes_push_the_ring_out() {
        let nodes: Vec<Polar> = (0..100)
            .map(|i| node(f64::from(i) * TAU / 100.0, 10.0, 20.0))
            .collect();
        let (r, _) = ring_radius(nodes.iter(), 0.0);
        // Neighbours 2π/100 apart need (20 + 20) / (2π/100) beyond their radial half-extent.
        assert!((r - (10.0 + 40.0 / (TAU / 100.0))).abs() < 1e-6);
    }

    #[test]
    fn staggering_a_crowded_ring_brings_it_closer() {
        let nodes: Vec<Polar> = (0..400)
            .map(|i| node(f64::from(i) * TAU / 400.0, 10.0, 20.0))
            .collect();
        let k = best_stagger(&nodes, 0.0);
        assert!(k > 1);
        let mut radius = vec![0.0; nodes.len()];
        let staggered = place_ring(&nodes, k, 0.0, &mut radius);
        let single = place_ring(&nodes, 1, 0.0, &mut radius);
        assert!(staggered < single * STAGGER_GAIN);
    }

    #[test]
    fn a_roomy_ring_is_not_staggered() {
        let nodes: Vec<Polar> = (0..5)
            .map(|i| node(f64::from(i) * TAU / 5.0, 10.0, 20.0))
            .collect();
        assert_eq!(best_stagger(&nodes, 300.0), 1);
    }
}
