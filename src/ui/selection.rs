//! Which nodes are selected. View state only: it never goes into the file.
//!
//! Select all on a map of 50,000 nodes selects 50,000 nodes, so every operation here is linear in the size of
//! the map or better: a set beside the ordered list answers "is this node selected?" at once, and the walks
//! up the tree remember what they have already seen.

use std::collections::{HashMap, HashSet};

use crate::model::{LinkId, MindMap, NodeId};

/// The selected nodes. The last one added is the primary selection, which the inspector shows and keyboard
/// commands start from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    nodes: Vec<NodeId>,
    /// The same nodes as `nodes`, for membership tests that do not scan the list.
    members: HashSet<NodeId>,
    /// A selected cross-link; selecting a link clears the nodes, and selecting a node clears the link.
    link: Option<LinkId>,
}
impl Selection {
    /// The node the inspector shows.
    #[must_use]
    pub fn primary(&self) -> Option<NodeId> {
        self.nodes.last().copied()
    }

    /// Every selected node, the primary one last.
    #[must_use]
    pub fn nodes(&self) -> &[NodeId] {
        &self.nodes
    }

    /// How many nodes are selected.
    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether nothing is selected.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Whether a node is selected.
    #[must_use]
    pub fn contains(&self, id: NodeId) -> bool {
        self.members.contains(&id)
    }

    /// The selected cross-link.
    #[must_use]
    pub fn link(&self) -> Option<LinkId> {
        self.link
    }

    /// Selects only this cross-link.
    pub fn set_link(&mut self, id: LinkId) {
        self.clear_nodes();
        self.link = Some(id);
    }

    /// Selects only this node.
    pub fn set(&mut self, id: NodeId) {
        self.link = None;
        self.clear_nodes();
        self.push(id);
    }

    /// Adds a node to the selection, or takes it out when it is in already.
    pub fn toggle(&mut self, id: NodeId) {
        self.link = None;
        if self.members.remove(&id) {
            self.nodes.retain(|&n| n != id);
        } else {
            self.push(id);
        }
    }

    /// Selects these nodes, keeping the current ones when `add`.
    pub fn extend(&mut self, ids: impl IntoIterator<Item = NodeId>, add: bool) {
        self.link = None;
        if !add {
            self.clear_nodes();
        }
        for id in ids {
            self.push(id);
        }
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.link = None;
        self.clear_nodes();
    }

    /// Forgets nodes that no longer exist or are hidden in a folded branch.
    pub fn retain_visible(&mut self, map: &MindMap) {
        let mut folded_above = HashMap::new();
        let members = &mut self.members;
        self.nodes.retain(|&id| {
            let keep = map.contains(id)
                && !any_on_path(map, map.parent(id), &mut folded_above, |at| {
                    map.topic(at).is_some_and(|t| t.folded)
                });
            if !keep {
                members.remove(&id);
            }
            keep
        });
        self.link = self.link.filter(|&id| map.link(id).is_some());
    }

    /// The selected nodes that are not inside another selected node's subtree, in map order (pre-order): what
    /// a delete, a drag or a copy acts on.
    #[must_use]
    pub fn tops(&self, map: &MindMap) -> Vec<NodeId> {
        self.tops_without(map, None)
    }

    /// The tops of the selection with the root left out: what Delete and Cut remove. The root holds the map
    /// together and stays, so a selection that includes it, as Select all does, removes everything else that
    /// is selected rather than nothing.
    #[must_use]
    pub fn removable_tops(&self, map: &MindMap) -> Vec<NodeId> {
        self.tops_without(map, Some(map.root()))
    }

    /// The tops of the selection as if `left_out` were not selected.
    fn tops_without(&self, map: &MindMap, left_out: Option<NodeId>) -> Vec<NodeId> {
        let selected = |id: NodeId| Some(id) != left_out && self.members.contains(&id);
        // Whether a node or one of its ancestors is selected, remembered for every node a walk passes, so
        // that each node of the map is walked through at most once however many nodes are selected.
        let mut covered = HashMap::new();
        let tops: HashSet<NodeId> = self
            .nodes
            .iter()
            .copied()
            .filter(|&id| {
                selected(id)
                    && map.contains(id)
                    && !any_on_path(map, map.parent(id), &mut covered, selected)
            })
            .collect();
        if tops.len() < 2 {
            return tops.into_iter().collect();
        }
        // One walk of the tree puts the tops in map order. It never descends into a top, since no other top
        // can lie below one.
        let mut ordered = Vec::with_capacity(tops.len());
        let mut stack = vec![map.root()];
        while let Some(at) = stack.pop() {
            if tops.contains(&at) {
                ordered.push(at);
            } else {
                stack.extend(map.children(at).iter().rev());
            }
        }
        ordered
    }

    /// Adds a node at the end, unless it is selected already.
    fn push(&mut self, id: NodeId) {
        if self.members.insert(id) {
            self.nodes.push(id);
        }
    }

    fn clear_nodes(&mut self) {
        self.nodes.clear();
        self.members.clear();
    }
}

/// Whether `test` holds for `start` or any of its ancestors. `known` remembers the answer for every node
/// passed on the way, so later walks stop where an earlier one went, and all walks together visit each node
/// of the map at most once.
fn any_on_path(
    map: &MindMap,
    start: Option<NodeId>,
    known: &mut HashMap<NodeId, bool>,
    test: impl Fn(NodeId) -> bool,
) -> bool {
    let mut path = Vec::new();
    let mut at = start;
    let answer = loop {
        let Some(node) = at else { break false };
        if let Some(&answer) = known.get(&node) {
            break answer;
        }
        if test(node) {
            known.insert(node, true);
            break true;
        }
        path.push(node);
        at = map.parent(node);
    };
    for node in path {
        known.insert(node, answer);
    }
    answer
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::model::{NodeKind, Topic};

    /// A map that is one chain of `len` nodes, each the only child of the one before; ids 1 to `len`.
    fn chain(len: u64) -> MindMap {
        let mut map = MindMap::new(Topic::new(NodeId(1), "root", NodeKind::Center));
        for id in 2..=len {
            let topic = Topic::new(NodeId(id), format!("node {id}"), NodeKind::Topic);
            assert!(map.insert(NodeId(id - 1), 0, topic).is_ok());
        }
        map
    }

    /// A root (1) with children 2 and 3; 2 has children 4 and 5; 5 has child 6.
    fn small() -> MindMap {
        let mut map = MindMap::new(Topic::new(NodeId(1), "root", NodeKind::Center));
        for (id, parent, index) in [(2, 1, 0), (3, 1, 1), (4, 2, 0), (5, 2, 1), (6, 5, 0)] {
            let topic = Topic::new(NodeId(id), format!("node {id}"), NodeKind::Topic);
            assert!(map.insert(NodeId(parent), index, topic).is_ok());
        }
        map
    }

    fn ids(list: &[u64]) -> Vec<NodeId> {
        list.iter().copied().map(NodeId).collect()
    }

    #[test]
    fn tops_leave_out_nodes_below_another_selected_node_and_follow_map_order() {
        let map = small();
        let mut selection = Selection::default();
        selection.extend(ids(&[6, 3, 5, 4]), false);
        assert_eq!(selection.tops(&map), ids(&[4, 5, 3]));
        assert_eq!(selection.primary(), Some(NodeId(4)));
    }

    #[test]
    fn removable_tops_of_everything_are_the_roots_children() {
        let map = small();
        let mut selection = Selection::default();
        selection.extend(map.subtree(map.root()), false);
        assert_eq!(selection.tops(&map), ids(&[1]));
        assert_eq!(selection.removable_tops(&map), ids(&[2, 3]));
    }

    #[test]
    fn extending_twice_with_the_same_nodes_selects_each_once() {
        let mut selection = Selection::default();
        selection.extend(ids(&[2, 3, 2]), false);
        selection.extend(ids(&[3, 4]), true);
        assert_eq!(selection.nodes(), ids(&[2, 3, 4]).as_slice());
        selection.toggle(NodeId(3));
        assert_eq!(selection.nodes(), ids(&[2, 4]).as_slice());
        assert!(!selection.contains(NodeId(3)));
        selection.toggle(NodeId(3));
        assert!(selection.contains(NodeId(3)));
        assert_eq!(selection.primary(), Some(NodeId(3)));
    }

    #[test]
    fn nodes_hidden_in_a_folded_branch_or_gone_are_forgotten() {
        let mut map = small();
        if let Some(topic) = map.topic_mut(NodeId(2)) {
            topic.folded = true;
        }
        let mut selection = Selection::default();
        selection.extend(ids(&[6, 2, 3, 4, 99]), false);
        selection.retain_visible(&map);
        assert_eq!(selection.nodes(), ids(&[2, 3]).as_slice());
        assert!(!selection.contains(NodeId(6)));
    }

    /// Before, `extend` looked through the list for every node it added and `tops` compared every pair of
    /// selected nodes through the tree, which took minutes on this chain.
    #[test]
    fn selecting_all_of_a_chain_of_twenty_thousand_nodes_and_finding_its_tops_is_quick() {
        let map = chain(20_000);
        let start = Instant::now();
        let mut selection = Selection::default();
        selection.extend(map.subtree(map.root()), false);
        assert_eq!(selection.len(), 20_000);
        assert_eq!(selection.tops(&map), ids(&[1]));
        assert_eq!(selection.removable_tops(&map), ids(&[2]));
        selection.retain_visible(&map);
        assert_eq!(selection.len(), 20_000);
        // Generous for a debug build on a busy machine; the quadratic version took far longer.
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
    }
}
