//! Where a new node goes when it is added, without laying out the map again: beside its parent or its sibling
//! the way the tree layout would put it, then moved along until it covers no node the user can see.
//!
//! A user who arranged a map by hand keeps that arrangement; only the new node has to find a place. Each call
//! reads every visible node once and sorts the few that share the new node's column, so adding a node to a
//! large map stays cheap.

use crate::model::{MindMap, NodeId, Pos};

use super::tree::{COLUMN_GAP, ROOT_GAP, SIBLING_GAP};
use super::{NodeSize, estimated_size};

/// The clearance a new node keeps from every visible node.
const CLEARANCE: f32 = SIBLING_GAP as f32;

/// A box in canvas units.
#[derive(Clone, Copy, Debug)]
struct Rect {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
}

impl Rect {
    fn around(centre: Pos, size: NodeSize) -> Rect {
        let size = size.sane();
        Rect {
            left: centre.x - size.width / 2.0,
            top: centre.y - size.height / 2.0,
            right: centre.x + size.width / 2.0,
            bottom: centre.y + size.height / 2.0,
        }
    }

    /// Whether the two boxes come closer than `gap` horizontally.
    fn shares_column(&self, other: &Rect, gap: f32) -> bool {
        self.left < other.right + gap && other.left < self.right + gap
    }

    /// Whether the two boxes come closer than `gap` vertically.
    fn shares_row(&self, other: &Rect, gap: f32) -> bool {
        self.top < other.bottom + gap && other.top < self.bottom + gap
    }

    fn moved_down(self, dy: f32) -> Rect {
        Rect {
            top: self.top + dy,
            bottom: self.bottom + dy,
            ..self
        }
    }

    fn centre(&self) -> Pos {
        Pos::new(
            f32::midpoint(self.left, self.right),
            f32::midpoint(self.top, self.bottom),
        )
    }
}

/// Where a new, untitled child of `parent` should go: on the outer side of the parent (away from the root; for
/// the root, on the side with fewer branches, the right on a tie), below the visible subtree of the last child
/// already on that side, or level with the parent when there is none; then moved down until it covers no
/// visible node. A folded parent is treated as unfolded, since adding a child shows its children again.
#[must_use]
pub fn place_new_child(map: &MindMap, parent: NodeId, size_of: &dyn Fn(NodeId) -> NodeSize) -> Pos {
    let root = map.root();
    let root_x = map.topic(root).map_or(0.0, |t| t.pos.x);
    let Some(parent_topic) = map.topic(parent) else {
        return Pos::default();
    };
    let new_size = estimated_size("");
    let from = parent_topic.pos;
    let side = if parent == root {
        side_for_new_branch(map)
    } else {
        side_of(from.x - root_x)
    };
    let last = map
        .children(parent)
        .iter()
        .rev()
        .filter_map(|&child| map.topic(child))
        .find(|child| (child.pos.x < from.x) == (side < 0.0));
    let wanted = if let Some(last) = last {
        let near_edge = outermost(
            side,
            last.pos.x - side * size_of(last.id).sane().width / 2.0,
            from.x,
        );
        let (_, bottom) = vertical_extent(map, last.id, Some(parent), size_of);
        Pos::new(
            near_edge + side * new_size.width / 2.0,
            bottom + CLEARANCE + new_size.height / 2.0,
        )
    } else {
        let gap = if parent == root { ROOT_GAP } else { COLUMN_GAP } as f32;
        let reach = size_of(parent).sane().width / 2.0 + gap + new_size.width / 2.0;
        Pos::new(from.x + side * reach, from.y)
    };
    clear_spot(
        map,
        Rect::around(wanted, new_size),
        true,
        Some(parent),
        size_of,
    )
}

/// Where a new, untitled sibling of `sibling` should go: aligned with it on the side facing their parent, just
/// below its visible subtree (`after`) or just above it (not `after`), then moved further the same way until it
/// covers no visible node. The root has no siblings, so for the root this places a new child instead.
#[must_use]
pub fn place_new_sibling(
    map: &MindMap,
    sibling: NodeId,
    after: bool,
    size_of: &dyn Fn(NodeId) -> NodeSize,
) -> Pos {
    let (Some(parent), Some(topic)) = (map.parent(sibling), map.topic(sibling)) else {
        return place_new_child(map, sibling, size_of);
    };
    let parent_x = map.topic(parent).map_or(0.0, |t| t.pos.x);
    let side = side_of(topic.pos.x - parent_x);
    let new_size = estimated_size("");
    let near_edge = outermost(
        side,
        topic.pos.x - side * size_of(sibling).sane().width / 2.0,
        parent_x,
    );
    let x = near_edge + side * new_size.width / 2.0;
    let (top, bottom) = vertical_extent(map, sibling, None, size_of);
    let y = if after {
        bottom + CLEARANCE + new_size.height / 2.0
    } else {
        top - CLEARANCE - new_size.height / 2.0
    };
    clear_spot(
        map,
        Rect::around(Pos::new(x, y), new_size),
        after,
        None,
        size_of,
    )
}

/// Rightwards (1) or leftwards (-1) for a horizontal offset; straight above or below counts as right.
fn side_of(dx: f32) -> f32 {
    if dx < 0.0 { -1.0 } else { 1.0 }
}

/// Whichever of two horizontal positions lies further towards `side`. A new node's near edge is aligned with
/// its neighbour's but never reaches back past its parent's centre: in a radial layout a wide neighbour can
/// stand almost straight below the parent, and the new node must still end up on the outer side.
fn outermost(side: f32, a: f32, b: f32) -> f32 {
    if side > 0.0 { a.max(b) } else { a.min(b) }
}

/// The side of the root with fewer first-level branches, the right on a tie.
fn side_for_new_branch(map: &MindMap) -> f32 {
    let root = map.root();
    let root_x = map.topic(root).map_or(0.0, |t| t.pos.x);
    let (right, left) = map
        .children(root)
        .iter()
        .filter_map(|&child| map.topic(child))
        .fold((0_usize, 0_usize), |(right, left), child| {
            if side_of(child.pos.x - root_x) > 0.0 {
                (right + 1, left)
            } else {
                (right, left + 1)
            }
        });
    if right <= left { 1.0 } else { -1.0 }
}

/// Every node under `start` (itself included) that is shown, with `unfolded` treated as not folded.
fn shown_under(map: &MindMap, start: NodeId, unfolded: Option<NodeId>) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut stack = vec![start];
    // A valid map never holds more nodes than `len`; the bound keeps a corrupt one from looping.
    while let Some(at) = stack.pop()
        && out.len() < map.len()
    {
        let Some(topic) = map.topic(at) else { continue };
        out.push(at);
        if !topic.folded || unfolded == Some(at) {
            stack.extend(map.children(at).iter().rev());
        }
    }
    out
}

/// The top and bottom of the shown part of a subtree.
fn vertical_extent(
    map: &MindMap,
    start: NodeId,
    unfolded: Option<NodeId>,
    size_of: &dyn Fn(NodeId) -> NodeSize,
) -> (f32, f32) {
    shown_under(map, start, unfolded)
        .into_iter()
        .filter_map(|id| map.topic(id).map(|t| Rect::around(t.pos, size_of(id))))
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(top, bottom), r| {
            (top.min(r.top), bottom.max(r.bottom))
        })
}

/// The centre of `wanted`, moved down (or up) just far enough that it keeps its clearance from every shown
/// node.
fn clear_spot(
    map: &MindMap,
    wanted: Rect,
    down: bool,
    unfolded: Option<NodeId>,
    size_of: &dyn Fn(NodeId) -> NodeSize,
) -> Pos {
    let mut column: Vec<Rect> = shown_under(map, map.root(), unfolded)
        .into_iter()
        .filter_map(|id| map.topic(id).map(|t| Rect::around(t.pos, size_of(id))))
        .filter(|r| r.shares_column(&wanted, CLEARANCE))
        .collect();
    // Sweeping the boxes in the direction of travel needs one pass: a box met later starts no earlier than the
    // ones before it, so a box that was cleared or lay beyond the spot can never be hit again.
    let mut spot = wanted;
    if down {
        column.sort_unstable_by(|a, b| a.top.total_cmp(&b.top));
        for r in &column {
            if r.shares_row(&spot, CLEARANCE) {
                spot = spot.moved_down(r.bottom + CLEARANCE - spot.top);
            }
        }
    } else {
        column.sort_unstable_by(|a, b| b.bottom.total_cmp(&a.bottom));
        for r in &column {
            if r.shares_row(&spot, CLEARANCE) {
                spot = spot.moved_down(r.top - CLEARANCE - spot.bottom);
            }
        }
    }
    spot.centre()
}
