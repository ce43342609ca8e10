//! Positions for an imported map, which `FreeMind` does not store: a tree with the root in the middle and
//! each first-level branch on the side the file gives it (`POSITION="left"` or `"right"`), every subtree in a
//! horizontal band of its own.
//!
//! This is the shape of relmap's own tree layout (`layout::Algorithm::Tree`), with the same spacing, but that
//! layout chooses the sides itself, while a `.mm` file states them, and the layering rules keep `interchange`
//! from calling `layout`. After importing, "Arrange as tree" (Ctrl+Shift+L) rebalances the map the usual way.
//! Folded branches are placed too, so that unfolding them later shows them in place. Everything is computed in
//! a few linear passes without recursion.

use crate::model::{MindMap, NodeId, Pos};

/// The horizontal space between the root and the first column on either side.
const ROOT_GAP: f64 = 60.0;
/// The horizontal space between one column and the next.
const COLUMN_GAP: f64 = 40.0;
/// The vertical space between the bands of two siblings.
const SIBLING_GAP: f64 = 10.0;
/// The vertical space between the bands of two first-level branches.
const BRANCH_GAP: f64 = 24.0;

/// Which side of the root a first-level branch grows towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(in crate::interchange) enum Side {
    /// Rightwards.
    Right,
    /// Leftwards.
    Left,
}

/// Gives every node of `map` a position. `side_of` says where a first-level branch goes; branches it says
/// nothing about go to whichever side is shorter at that point.
pub(in crate::interchange) fn place(map: &mut MindMap, side_of: &dyn Fn(NodeId) -> Option<Side>) {
    // Breadth-first order: parents before children, and the children of a node in one contiguous run.
    let mut ids = vec![map.root()];
    let mut depth = vec![0_usize];
    let mut runs = Vec::new();
    let mut at = 0;
    while at < ids.len() {
        let start = ids.len();
        for &child in map.children(ids[at]) {
            ids.push(child);
            depth.push(depth[at] + 1);
        }
        runs.push(start..ids.len());
        at += 1;
    }
    let count = ids.len();
    let sizes: Vec<(f64, f64)> = ids
        .iter()
        .map(|&id| estimated_size(map.topic(id).map_or("", |t| t.title.as_str())))
        .collect();

    let mut band = vec![0.0; count];
    for index in (1..count).rev() {
        band[index] = sizes[index]
            .1
            .max(span(&band, runs[index].clone(), SIBLING_GAP));
    }

    // Sides: the file's word for each first-level branch, the shorter side for the rest.
    let mut side = vec![Side::Right; count];
    let mut heights = [0.0_f64; 2];
    for index in runs[0].clone() {
        let chosen = side_of(ids[index]).unwrap_or(if heights[1] < heights[0] {
            Side::Left
        } else {
            Side::Right
        });
        heights[usize::from(chosen == Side::Left)] += band[index] + BRANCH_GAP;
        side[index] = chosen;
    }
    for parent in 1..count {
        for child in runs[parent].clone() {
            side[child] = side[parent];
        }
    }

    let max_depth = depth.iter().copied().max().unwrap_or(0);
    let columns = |wanted: Side| {
        let mut widest = vec![0.0_f64; max_depth + 1];
        for index in 1..count {
            if side[index] == wanted {
                widest[depth[index]] = widest[depth[index]].max(sizes[index].0);
            }
        }
        let mut near_edge = vec![0.0; max_depth + 1];
        if max_depth >= 1 {
            near_edge[1] = sizes[0].0 / 2.0 + ROOT_GAP;
        }
        for d in 2..=max_depth {
            near_edge[d] = near_edge[d - 1] + widest[d - 1] + COLUMN_GAP;
        }
        near_edge
    };
    let right_columns = columns(Side::Right);
    let left_columns = columns(Side::Left);

    let root = map.topic(map.root()).map_or(Pos::default(), |t| t.pos);
    let (root_x, root_y) = (f64::from(root.x), f64::from(root.y));
    let mut top = vec![0.0; count];
    for wanted in [Side::Right, Side::Left] {
        let branches: Vec<usize> = runs[0].clone().filter(|&i| side[i] == wanted).collect();
        let total = branches.iter().map(|&i| band[i]).sum::<f64>()
            + branches.len().saturating_sub(1) as f64 * BRANCH_GAP;
        let mut y = root_y - total / 2.0;
        for index in branches {
            top[index] = y;
            y += band[index] + BRANCH_GAP;
        }
    }
    for parent in 1..count {
        let run = runs[parent].clone();
        let mut y = top[parent] + band[parent] / 2.0 - span(&band, run.clone(), SIBLING_GAP) / 2.0;
        for child in run {
            top[child] = y;
            y += band[child] + SIBLING_GAP;
        }
    }

    for index in 1..count {
        let (columns, sign) = match side[index] {
            Side::Right => (&right_columns, 1.0),
            Side::Left => (&left_columns, -1.0),
        };
        let x = root_x + sign * (columns[depth[index]] + sizes[index].0 / 2.0);
        let y = top[index] + band[index] / 2.0;
        if let Some(topic) = map.topic_mut(ids[index]) {
            topic.pos = Pos::new(x as f32, y as f32).rounded();
        }
    }
}

/// How tall a run of sibling bands is when stacked with `gap` between them.
fn span(band: &[f64], run: std::ops::Range<usize>, gap: f64) -> f64 {
    if run.is_empty() {
        return 0.0;
    }
    let gaps = (run.len() - 1) as f64 * gap;
    band[run].iter().sum::<f64>() + gaps
}

/// The width and height of a node's box, estimated from its title as relmap's canvas draws it: 7.5 units a
/// character, wrapped at 220, with padding.
fn estimated_size(title: &str) -> (f64, f64) {
    let text = if title.trim().is_empty() {
        "(untitled)"
    } else {
        title
    };
    let mut lines = 0.0_f64;
    let mut widest = 0.0_f64;
    for line in text.lines() {
        let width = line.chars().count() as f64 * 7.5;
        lines += (width / 220.0).ceil().max(1.0);
        widest = widest.max(width.min(220.0));
    }
    ((widest + 24.0).max(48.0), lines.max(1.0) * 20.0 + 14.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Topic};

    fn map() -> MindMap {
        let mut map = MindMap::new(Topic::new(NodeId(1), "Root", NodeKind::Center));
        for (id, parent) in [(2, 1), (3, 1), (4, 1), (5, 2), (6, 2), (7, 4)] {
            let index = map.children(NodeId(parent)).len();
            map.insert(
                NodeId(parent),
                index,
                Topic::new(NodeId(id), format!("Node {id}"), NodeKind::Topic),
            )
            .unwrap();
        }
        map
    }

    fn pos(map: &MindMap, id: u64) -> Pos {
        map.topic(NodeId(id)).unwrap().pos
    }

    #[test]
    fn branches_go_to_the_side_the_file_gives_them() {
        let mut map = map();
        place(&mut map, &|id| match id.0 {
            2 | 4 => Some(Side::Left),
            _ => Some(Side::Right),
        });
        assert!(pos(&map, 2).x < 0.0 && pos(&map, 5).x < pos(&map, 2).x);
        assert!(pos(&map, 3).x > 0.0);
        assert!(pos(&map, 4).x < 0.0 && pos(&map, 7).x < pos(&map, 4).x);
        assert!(
            pos(&map, 2).y < pos(&map, 4).y,
            "sibling order is kept top to bottom"
        );
        assert!(pos(&map, 5).y < pos(&map, 6).y);
        assert_eq!(pos(&map, 1), Pos::default(), "the root stays where it is");
    }

    #[test]
    fn branches_without_a_side_balance_the_two_sides() {
        let mut map = map();
        place(&mut map, &|_| None);
        let right = [2, 3, 4]
            .iter()
            .filter(|&&id| pos(&map, id).x > 0.0)
            .count();
        assert!((1..3).contains(&right), "both sides are used");
    }
}
