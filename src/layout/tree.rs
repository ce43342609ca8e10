//! The balanced tree layout of Freeplane and `XMind`: the root in the middle, its branches split between the
//! right and the left so that both sides are about as tall, and every subtree in a horizontal band of its own.
//!
//! Each subtree gets a band exactly as tall as it needs: its own node's height, or the bands of its children
//! stacked with a gap, whichever is taller. A parent is centred on the band of its children. Nodes of one depth
//! on one side share a column whose width is that of its widest node, and columns are a fixed gap apart, so the
//! layout grows wide with the depth of the map and tall with its number of leaves.
//!
//! Nothing can overlap, by construction: two nodes in different columns are apart horizontally, and two nodes
//! in the same column lie in the bands of two different children of some common ancestor, which are apart
//! vertically. The whole layout is three linear passes over the visible nodes.

use super::visible::VisibleTree;
use crate::model::Side;

/// The horizontal space between the root and the first column on either side.
pub(super) const ROOT_GAP: f64 = 60.0;
/// The horizontal space between one column and the next.
pub(super) const COLUMN_GAP: f64 = 40.0;
/// The vertical space between the bands of two siblings.
pub(super) const SIBLING_GAP: f64 = 10.0;
/// The vertical space between the bands of two first-level branches, wider so that branches read as groups.
const BRANCH_GAP: f64 = 24.0;

/// The sign of the horizontal direction a side grows in.
fn sign(side: Side) -> f64 {
    match side {
        Side::Right => 1.0,
        Side::Left => -1.0,
    }
}

/// The centre of every node of `tree`, indexed like it, and the side each first-level branch went to (in the
/// order of the root's children).
pub(super) fn layout(tree: &VisibleTree) -> (Vec<(f64, f64)>, Vec<Side>) {
    let count = tree.len();
    let band = bands(tree);
    let first_level = tree.children(0);
    let heights: Vec<f64> = first_level.clone().map(|i| band[i]).collect();
    let stored: Vec<Option<Side>> = first_level.clone().map(|i| tree.sides[i]).collect();
    let chosen = choose_sides(&heights, &stored);

    // Every node takes its side from its first-level ancestor; breadth-first order puts parents first.
    // The root belongs to neither side; its entry is never read.
    let mut side = vec![Side::Right; count];
    for (offset, index) in first_level.clone().enumerate() {
        side[index] = chosen[offset];
    }
    for parent in first_level.start..count {
        for child in tree.children(parent) {
            side[child] = side[parent];
        }
    }

    let right_columns = columns(tree, &side, Side::Right);
    let left_columns = columns(tree, &side, Side::Left);

    // Hand band tops down from the root: each side's branches are stacked around the root's height.
    let (root_x, root_y) = (f64::from(tree.root_pos.x), f64::from(tree.root_pos.y));
    let mut top = vec![0.0; count];
    for wanted in [Side::Right, Side::Left] {
        let run: Vec<usize> = first_level
            .clone()
            .filter(|&index| side[index] == wanted)
            .collect();
        stack_list(&band, &run, BRANCH_GAP, root_y, &mut top);
    }
    for parent in first_level.start..count {
        let centre = top[parent] + band[parent] / 2.0;
        stack(&band, tree.children(parent), SIBLING_GAP, centre, &mut top);
    }

    let mut centres = Vec::with_capacity(count);
    centres.push((root_x, root_y));
    for index in 1..count {
        let columns = match side[index] {
            Side::Right => &right_columns,
            Side::Left => &left_columns,
        };
        let near_edge = columns[tree.depths[index]];
        let half_width = f64::from(tree.sizes[index].width) / 2.0;
        centres.push((
            root_x + sign(side[index]) * (near_edge + half_width),
            top[index] + band[index] / 2.0,
        ));
    }
    (centres, chosen)
}

/// The side of every first-level branch. Branches keep the side they have. When none has one yet (a map laid
/// out for the first time), the branches are split in order so that both sides are as equally tall as order
/// allows, the first part on the right, as Freeplane does. Otherwise each branch without a side goes, in order,
/// to the side that is shorter so far, so that adding a branch never moves another.
fn choose_sides(heights: &[f64], stored: &[Option<Side>]) -> Vec<Side> {
    if stored.iter().all(Option::is_none) {
        let on_right = balanced_split(heights);
        return (0..heights.len())
            .map(|i| {
                if i < on_right {
                    Side::Right
                } else {
                    Side::Left
                }
            })
            .collect();
    }
    let mut tall = [0.0_f64; 2];
    let slot = |side: Side| usize::from(side == Side::Left);
    for (height, side) in heights.iter().zip(stored) {
        if let Some(side) = side {
            tall[slot(*side)] += height + BRANCH_GAP;
        }
    }
    heights
        .iter()
        .zip(stored)
        .map(|(height, side)| {
            let side = side.unwrap_or(if tall[1] < tall[0] {
                Side::Left
            } else {
                Side::Right
            });
            tall[slot(side)] += height + BRANCH_GAP;
            side
        })
        .collect()
}

/// Stacks the bands of `run`, which need not be contiguous, top to bottom, centred on `centre`.
fn stack_list(band: &[f64], run: &[usize], gap: f64, centre: f64, top: &mut [f64]) {
    let total: f64 =
        run.iter().map(|&i| band[i]).sum::<f64>() + run.len().saturating_sub(1) as f64 * gap;
    let mut at = centre - total / 2.0;
    for &index in run {
        top[index] = at;
        at += band[index] + gap;
    }
}

/// The height of the band each subtree needs, computed from the leaves up.
fn bands(tree: &VisibleTree) -> Vec<f64> {
    let mut band = vec![0.0; tree.len()];
    // Children come after their parents in breadth-first order, so a backward pass sees them first.
    for index in (1..tree.len()).rev() {
        let own = f64::from(tree.sizes[index].height);
        band[index] = own.max(span(&band, tree.children(index), SIBLING_GAP));
    }
    band
}

/// How tall a run of sibling bands is when stacked with `gap` between them.
fn span(band: &[f64], run: std::ops::Range<usize>, gap: f64) -> f64 {
    if run.is_empty() {
        return 0.0;
    }
    let gaps = (run.len() - 1) as f64 * gap;
    band[run].iter().sum::<f64>() + gaps
}

/// Stacks a run of sibling bands top to bottom, centred on `centre`, writing each band's top.
fn stack(band: &[f64], run: std::ops::Range<usize>, gap: f64, centre: f64, top: &mut [f64]) {
    let mut at = centre - span(band, run.clone(), gap) / 2.0;
    for index in run {
        top[index] = at;
        at += band[index] + gap;
    }
}

/// How many of the first-level branches, taken in order, go to the right so that the two sides are as equally
/// tall as order allows. With two or more branches each side gets at least one; ties favour the right, as in
/// Freeplane, where the first half of the branches goes right.
fn balanced_split(heights: &[f64]) -> usize {
    let count = heights.len();
    if count < 2 {
        return count;
    }
    let total = span_of(heights);
    let mut best = 1;
    let mut best_difference = f64::INFINITY;
    let mut right = 0.0;
    for split in 1..count {
        right += heights[split - 1];
        let right_span = right + (split - 1) as f64 * BRANCH_GAP;
        let left_span = total - right_span - BRANCH_GAP;
        let difference = (right_span - left_span).abs();
        if difference <= best_difference {
            best = split;
            best_difference = difference;
        }
    }
    best
}

/// How tall a list of first-level bands is when stacked.
fn span_of(heights: &[f64]) -> f64 {
    heights.iter().sum::<f64>() + heights.len().saturating_sub(1) as f64 * BRANCH_GAP
}

/// The distance from the root's centre to the near edge of each depth's column on one side, indexed by depth.
/// A column is as wide as its widest node, so the gap between columns adapts to what is in them.
fn columns(tree: &VisibleTree, side: &[Side], wanted: Side) -> Vec<f64> {
    let depths = tree.max_depth() + 1;
    let mut widest = vec![0.0_f64; depths];
    let nodes = side.iter().zip(&tree.sizes).zip(&tree.depths).skip(1);
    for ((&node_side, size), &depth) in nodes {
        if node_side == wanted {
            widest[depth] = widest[depth].max(f64::from(size.width));
        }
    }
    let mut near_edge = vec![0.0; depths];
    if depths > 1 {
        near_edge[1] = f64::from(tree.sizes[0].width) / 2.0 + ROOT_GAP;
    }
    for depth in 2..depths {
        near_edge[depth] = near_edge[depth - 1] + widest[depth - 1] + COLUMN_GAP;
    }
    near_edge
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_branches_split_with_the_larger_half_on_the_right() {
        assert_eq!(balanced_split(&[10.0; 5]), 3);
        assert_eq!(balanced_split(&[10.0; 4]), 2);
        assert_eq!(balanced_split(&[10.0; 2]), 1);
    }

    #[test]
    fn one_tall_branch_balances_several_small_ones() {
        assert_eq!(balanced_split(&[500.0, 10.0, 10.0, 10.0]), 1);
        assert_eq!(balanced_split(&[10.0, 10.0, 10.0, 500.0]), 3);
    }

    #[test]
    fn a_single_branch_goes_right_and_none_is_no_split() {
        assert_eq!(balanced_split(&[10.0]), 1);
        assert_eq!(balanced_split(&[]), 0);
    }

    #[test]
    fn branches_keep_their_sides_and_a_new_one_goes_to_the_shorter_side() {
        let stored = [Some(Side::Right), Some(Side::Left), Some(Side::Right), None];
        let sides = choose_sides(&[10.0, 10.0, 10.0, 10.0], &stored);
        assert_eq!(sides, [Side::Right, Side::Left, Side::Right, Side::Left]);
        let tall_left = [Some(Side::Right), Some(Side::Left), None];
        assert_eq!(
            choose_sides(&[10.0, 100.0, 10.0], &tall_left),
            [Side::Right, Side::Left, Side::Right]
        );
    }

    #[test]
    fn without_stored_sides_branches_split_in_order() {
        let sides = choose_sides(&[10.0; 4], &[None; 4]);
        assert_eq!(sides, [Side::Right, Side::Right, Side::Left, Side::Left]);
    }

    #[test]
    fn bands_stack_around_their_centre() {
        let band = [0.0, 10.0, 20.0];
        let mut top = [0.0; 3];
        stack(&band, 1..3, 10.0, 0.0, &mut top);
        assert!((top[1] + 20.0).abs() < 1e-9);
        assert!((top[2] + 0.0).abs() < 1e-9);
    }
}
