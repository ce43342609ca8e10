//! Where a node dragged in the tree arrangement goes when it is let go on empty canvas: among its siblings,
//! at the place nearest the drop, as `XMind` and Freeplane move a topic. A first-level branch may also change
//! side. The map stays laid out by its structure; only the order (and side) change.

use crate::model::{MindMap, NodeId, Pos, Side};

/// Where a dropped node goes among its siblings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Its place among its parent's other children, counted without it.
    pub index: usize,
    /// For a first-level branch, the side of the centre it was dropped on.
    pub side: Option<Side>,
}

/// The slot among its siblings for `id` dropped with its centre at `to`, in the tree arrangement: siblings
/// stand top to bottom in their order (on each side of the centre, for first-level branches), so the node
/// goes before the first sibling, on the side it was dropped on, whose centre is below the drop. `None` for
/// the root.
#[must_use]
pub fn drop_slot(map: &MindMap, id: NodeId, to: Pos) -> Option<Slot> {
    let parent = map.parent(id)?;
    let root = map.root();
    let side = (parent == root).then(|| {
        let centre = map.topic(root).map_or(0.0, |t| t.pos.x);
        if to.x < centre {
            Side::Left
        } else {
            Side::Right
        }
    });
    let others: Vec<NodeId> = map
        .children(parent)
        .iter()
        .copied()
        .filter(|&c| c != id)
        .collect();
    let on_side = |c: NodeId| side.is_none() || map.topic(c).and_then(|t| t.side) == side;
    let below = others
        .iter()
        .position(|&c| on_side(c) && map.topic(c).is_some_and(|t| t.pos.y > to.y));
    let index = match below {
        Some(index) => index,
        // Below every sibling on its side: after the last of them.
        None => others
            .iter()
            .rposition(|&c| on_side(c))
            .map_or(others.len(), |last| last + 1),
    };
    Some(Slot { index, side })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{arrange, estimated_size};
    use crate::model::{Arrangement, NodeKind, Topic};

    /// A centre with four branches, two on each side, and two children under the first; laid out.
    fn map() -> MindMap {
        let mut map = MindMap::new(Topic::new(NodeId(0), "Centre", NodeKind::Center));
        for (n, side) in [
            (1, Side::Right),
            (2, Side::Right),
            (3, Side::Left),
            (4, Side::Left),
        ] {
            let mut topic = Topic::new(NodeId(n), format!("Branch {n}"), NodeKind::Topic);
            topic.side = Some(side);
            map.insert(NodeId(0), n as usize - 1, topic).unwrap();
        }
        for n in [5, 6] {
            let topic = Topic::new(NodeId(n), format!("Child {n}"), NodeKind::Topic);
            map.insert(NodeId(1), n as usize - 5, topic).unwrap();
        }
        let arranged = arrange(&map, Arrangement::Tree, &|id| {
            estimated_size(map.topic(id).map_or("", |t| t.title.as_str()))
        });
        for (id, pos) in arranged.positions {
            map.topic_mut(id).unwrap().pos = pos;
        }
        map
    }

    fn pos(map: &MindMap, id: u64) -> Pos {
        map.topic(NodeId(id)).unwrap().pos
    }

    #[test]
    fn a_child_dropped_below_its_sibling_goes_after_it() {
        let map = map();
        let below = pos(&map, 6);
        let slot = drop_slot(&map, NodeId(5), Pos::new(below.x, below.y + 30.0)).unwrap();
        assert_eq!(
            slot,
            Slot {
                index: 1,
                side: None
            }
        );
        let above = pos(&map, 5);
        let slot = drop_slot(&map, NodeId(6), Pos::new(above.x, above.y - 30.0)).unwrap();
        assert_eq!(
            slot,
            Slot {
                index: 0,
                side: None
            }
        );
    }

    #[test]
    fn a_branch_dropped_between_two_on_the_other_side_goes_between_them_there() {
        let map = map();
        let (upper, lower) = (pos(&map, 3), pos(&map, 4));
        let between = Pos::new(upper.x, f32::midpoint(upper.y, lower.y));
        let slot = drop_slot(&map, NodeId(1), between).unwrap();
        // Without branch 1, branch 4 is third among the centre's children.
        assert_eq!(
            slot,
            Slot {
                index: 2,
                side: Some(Side::Left)
            }
        );
    }

    #[test]
    fn a_branch_dropped_below_every_branch_on_its_side_goes_after_the_last_of_them() {
        let map = map();
        let last = pos(&map, 2);
        let slot = drop_slot(&map, NodeId(1), Pos::new(last.x, last.y + 500.0)).unwrap();
        assert_eq!(
            slot,
            Slot {
                index: 1,
                side: Some(Side::Right)
            }
        );
    }

    #[test]
    fn the_root_has_no_slot() {
        let map = map();
        assert_eq!(drop_slot(&map, NodeId(0), Pos::default()), None);
    }
}
