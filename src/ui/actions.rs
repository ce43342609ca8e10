//! What the editing commands do to the map, as `EditCommand`s for the app to apply. Nothing here changes the
//! document; it only reads it and allocates ids.

use crate::document::EditCommand;
use crate::layout::{self, NodeSize};
use crate::model::{MindMap, NodeId, NodeKind, Pos, Topic};

/// A node about to be added, with the command that adds it.
#[derive(Debug)]
pub struct Added {
    /// The command.
    pub command: EditCommand,
    /// The new node.
    pub id: NodeId,
}

/// The kind a new node gets under `parent`, following the worksheet's map: the root's children are
/// constituencies, a constituency holds groups, a group its key people, and a person their interests. Anything
/// else holds plain topics. The kind can be changed in the inspector.
fn kind_under(map: &MindMap, parent: NodeId) -> NodeKind {
    if parent == map.root() {
        return NodeKind::Constituency;
    }
    match map.topic(parent).map(|t| t.kind) {
        Some(NodeKind::Center) => NodeKind::Constituency,
        Some(NodeKind::Constituency) => NodeKind::Group,
        Some(NodeKind::Group) => NodeKind::Person,
        Some(NodeKind::Person) => NodeKind::Interest,
        _ => NodeKind::Topic,
    }
}

/// How a new node finds its place: by the automatic layout, which places it when the command is applied, or
/// in a freely arranged map beside its siblings, by the size of each node.
pub type Placing<'a> = Option<&'a dyn Fn(NodeId) -> NodeSize>;

/// Where a new node starts before the automatic layout places it: on its parent, so it glides out of it.
fn start_at(map: &MindMap, parent: NodeId) -> Pos {
    map.topic(parent).map_or(Pos::default(), |t| t.pos)
}

/// Adds an empty child, with the fresh id `id`, at the end of `parent`'s children, placed beside its siblings.
pub fn add_child(map: &MindMap, parent: NodeId, id: NodeId, placing: Placing) -> Option<Added> {
    if !map.contains(parent) {
        return None;
    }
    let pos = match placing {
        Some(size_of) => layout::place_new_child(map, parent, size_of),
        None => start_at(map, parent),
    };
    let index = map.children(parent).len();
    let kind = kind_under(map, parent);
    // A folded parent would hide the node being typed; unfold it in the same step.
    let folded = map.topic(parent).is_some_and(|t| t.folded);
    let add = EditCommand::AddNode {
        parent,
        index,
        topic: Box::new(Topic::new(id, "", kind).at(pos)),
    };
    let command = if folded {
        EditCommand::Batch(vec![
            EditCommand::SetFolded {
                id: parent,
                folded: false,
            },
            add,
        ])
    } else {
        add
    };
    Some(Added { command, id })
}

/// Adds an empty sibling after (or before) `node`. The root has no siblings, so there it adds a child.
pub fn add_sibling(
    map: &MindMap,
    node: NodeId,
    after: bool,
    id: NodeId,
    placing: Placing,
) -> Option<Added> {
    let Some(parent) = map.parent(node) else {
        return add_child(map, node, id, placing);
    };
    let index = map.index_in_parent(node)? + usize::from(after);
    let pos = match placing {
        Some(size_of) => layout::place_new_sibling(map, node, after, size_of),
        None => start_at(map, parent),
    };
    let kind = map.topic(node).map_or(NodeKind::Topic, |t| t.kind);
    let command = EditCommand::AddNode {
        parent,
        index,
        topic: Box::new(Topic::new(id, "", kind).at(pos)),
    };
    Some(Added { command, id })
}

/// Inserts an empty node between `node` and its parent. The node's branch moves outwards to make room.
pub fn insert_parent(
    map: &MindMap,
    node: NodeId,
    id: NodeId,
    placing: Placing,
) -> Result<Added, &'static str> {
    let Some(parent) = map.parent(node) else {
        return Err("The central node cannot get a parent.");
    };
    let index = map
        .index_in_parent(node)
        .ok_or("That node is not in the map.")?;
    let topic = map.topic(node).ok_or("That node is not in the map.")?;
    let Some(size_of) = placing else {
        // The layout makes room. The new node takes the branch's place, and with it its colour and side.
        let mut wrapper = Topic::new(id, "", topic.kind).at(topic.pos);
        wrapper.side = topic.side;
        wrapper.palette = topic.palette;
        let wrap = EditCommand::Wrap {
            parent,
            index,
            count: 1,
            topic: Box::new(wrapper),
            links: Vec::new(),
        };
        return Ok(Added { command: wrap, id });
    };
    let root_x = map.topic(map.root()).map_or(0.0, |t| t.pos.x);
    let outwards = if topic.pos.x >= root_x { 1.0 } else { -1.0 };
    let shift = (size_of(node).width + 60.0) * outwards;
    let at = topic.pos;
    let kind = topic.kind;
    let moves: Vec<(NodeId, Pos)> = map
        .subtree(node)
        .into_iter()
        .filter_map(|id| {
            map.topic(id)
                .map(|t| (id, Pos::new(t.pos.x + shift, t.pos.y)))
        })
        .collect();
    let wrap = EditCommand::Wrap {
        parent,
        index,
        count: 1,
        topic: Box::new(Topic::new(id, "", kind).at(at)),
        links: Vec::new(),
    };
    Ok(Added {
        command: EditCommand::Batch(vec![wrap, EditCommand::MoveNodes { moves }]),
        id,
    })
}

/// Removes the given nodes with their subtrees. The root stays, and the caller is told why.
pub fn delete(map: &MindMap, tops: &[NodeId]) -> Result<EditCommand, &'static str> {
    let removable: Vec<NodeId> = tops
        .iter()
        .copied()
        .filter(|&id| id != map.root())
        .collect();
    if removable.is_empty() {
        return Err("The central node holds the map together and cannot be deleted.");
    }
    let commands = removable
        .into_iter()
        .map(|id| EditCommand::RemoveSubtree { id })
        .collect();
    Ok(EditCommand::Batch(commands))
}

/// Moves a node one place up or down among its siblings; `None` at either end.
#[must_use]
pub fn move_among_siblings(map: &MindMap, node: NodeId, up: bool) -> Option<EditCommand> {
    let parent = map.parent(node)?;
    let index = map.index_in_parent(node)?;
    let last = map.children(parent).len() - 1;
    let to = if up {
        index.checked_sub(1)?
    } else {
        (index < last).then_some(index + 1)?
    };
    Some(EditCommand::Reparent {
        id: node,
        parent,
        index: to,
    })
}

/// Folds the given nodes that have children, or unfolds them when the first of them is folded.
#[must_use]
pub fn toggle_fold(map: &MindMap, nodes: &[NodeId]) -> Option<EditCommand> {
    let foldable: Vec<NodeId> = nodes
        .iter()
        .copied()
        .filter(|&id| !map.children(id).is_empty())
        .collect();
    let first = map.topic(*foldable.first()?)?;
    let folded = !first.folded;
    let commands = foldable
        .into_iter()
        .map(|id| EditCommand::SetFolded { id, folded })
        .collect();
    Some(EditCommand::Batch(commands))
}

/// A direction of keyboard navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Towards the left of the screen.
    Left,
    /// Towards the right of the screen.
    Right,
    /// The sibling above.
    Up,
    /// The sibling below.
    Down,
}

/// The node that keyboard navigation reaches from `node`. Left and right go between parent and child
/// according to the side of the map the node is on; up and down go between visible siblings.
#[must_use]
pub fn neighbour(map: &MindMap, node: NodeId, direction: Direction) -> Option<NodeId> {
    let topic = map.topic(node)?;
    let root_x = map.topic(map.root()).map_or(0.0, |t| t.pos.x);
    let on_right = topic.pos.x >= root_x;
    let visible_children = || -> Vec<NodeId> {
        if topic.folded {
            Vec::new()
        } else {
            map.children(node).to_vec()
        }
    };
    // The child nearest to the node's own height, on the wanted side.
    let nearest_child = |rightwards: bool| {
        visible_children()
            .into_iter()
            .filter_map(|c| map.topic(c))
            .filter(|c| (c.pos.x >= topic.pos.x) == rightwards)
            .min_by(|a, b| {
                (a.pos.y - topic.pos.y)
                    .abs()
                    .total_cmp(&(b.pos.y - topic.pos.y).abs())
            })
            .map(|c| c.id)
    };
    match direction {
        Direction::Left if node == map.root() => nearest_child(false),
        Direction::Right if node == map.root() => nearest_child(true),
        Direction::Left if on_right => map.parent(node),
        Direction::Right if !on_right => map.parent(node),
        Direction::Left => nearest_child(false),
        Direction::Right => nearest_child(true),
        Direction::Up | Direction::Down => {
            // The nearest sibling above or below on the same side of the map, as the eye sees it.
            let parent = map.parent(node)?;
            let up = direction == Direction::Up;
            map.children(parent)
                .iter()
                .filter_map(|&s| map.topic(s))
                .filter(|s| s.id != node && (s.pos.x >= root_x) == on_right)
                .filter(|s| {
                    if up {
                        s.pos.y < topic.pos.y
                    } else {
                        s.pos.y > topic.pos.y
                    }
                })
                .min_by(|a, b| {
                    (a.pos.y - topic.pos.y)
                        .abs()
                        .total_cmp(&(b.pos.y - topic.pos.y).abs())
                })
                .map(|s| s.id)
        }
    }
}

/// The node that keyboard navigation reaches from `node` in the outline: up and down go to the previous and
/// next visible row, left to the parent and right to the first child.
#[must_use]
pub fn outline_neighbour(map: &MindMap, node: NodeId, direction: Direction) -> Option<NodeId> {
    match direction {
        Direction::Left => map.parent(node),
        Direction::Right => map
            .topic(node)
            .filter(|t| !t.folded)
            .and_then(|_| map.children(node).first().copied()),
        Direction::Up | Direction::Down => {
            let rows = map.subtree_unfolded();
            let index = rows.iter().position(|&id| id == node)?;
            let next = if direction == Direction::Up {
                index.checked_sub(1)?
            } else {
                index + 1
            };
            rows.get(next).copied()
        }
    }
}

/// Every node that is not hidden in a folded branch, in map order.
#[must_use]
pub fn all_visible(map: &MindMap) -> Vec<NodeId> {
    map.subtree_unfolded()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_children_follow_the_worksheet_from_constituency_to_interest() {
        let mut map = MindMap::new(Topic::new(NodeId(1), "You", NodeKind::Center));
        let chain = [
            (2, NodeKind::Constituency),
            (3, NodeKind::Group),
            (4, NodeKind::Person),
            (5, NodeKind::Interest),
            (6, NodeKind::Topic),
        ];
        let mut parent = map.root();
        for (id, expected) in chain {
            let kind = kind_under(&map, parent);
            assert_eq!(kind, expected, "under {parent:?}");
            let id = NodeId(id);
            map.insert(parent, 0, Topic::new(id, "", kind)).unwrap();
            parent = id;
        }
        // A responsibility holds plain topics.
        map.insert(
            map.root(),
            0,
            Topic::new(NodeId(9), "", NodeKind::Responsibility),
        )
        .unwrap();
        assert_eq!(kind_under(&map, NodeId(9)), NodeKind::Topic);
    }
}
