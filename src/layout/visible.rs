//! The visible part of the map, flattened into arrays in breadth-first order, which is what both layouts
//! work on.
//!
//! Breadth-first order gives three things for free: every node comes after its parent (so one forward pass
//! can hand positions down), the children of a node are one contiguous run (so no per-node lists are needed),
//! and the nodes of one depth are one contiguous run in sibling order (so the radial layout finds its rings
//! without sorting).

use std::ops::Range;

use crate::model::{MindMap, NodeId, Pos, Side};

use super::NodeSize;

/// The nodes a user can see, in breadth-first order from the root, which is always index 0.
pub(super) struct VisibleTree {
    /// Each node's id.
    pub ids: Vec<NodeId>,
    /// Each node's size, cleaned of impossible values.
    pub sizes: Vec<NodeSize>,
    /// Each node's distance from the root.
    pub depths: Vec<usize>,
    /// Where each node's children start and end among the indices of this tree.
    spans: Vec<(usize, usize)>,
    /// Where the root stands now.
    pub root_pos: Pos,
    /// Each node's own nudge away from its automatic place.
    pub offsets: Vec<Pos>,
    /// Each node's stored side (only first-level nodes have one).
    pub sides: Vec<Option<Side>>,
    /// Whether each node is folded.
    pub folded: Vec<bool>,
}

impl VisibleTree {
    /// Flattens the nodes of `map` that no folded ancestor hides.
    pub fn new(map: &MindMap, size_of: &dyn Fn(NodeId) -> NodeSize) -> VisibleTree {
        let root = map.root();
        let count = map.len().max(1);
        let mut tree = VisibleTree {
            ids: Vec::with_capacity(count),
            sizes: Vec::with_capacity(count),
            depths: Vec::with_capacity(count),
            spans: Vec::with_capacity(count),
            root_pos: map.topic(root).map_or(Pos::default(), |t| t.pos),
            offsets: Vec::with_capacity(count),
            sides: Vec::with_capacity(count),
            folded: Vec::with_capacity(count),
        };
        tree.push(map, root, 0, size_of);
        let mut at = 0;
        while at < tree.ids.len() {
            let id = tree.ids[at];
            let start = tree.ids.len();
            // A valid map never holds more nodes than `len`; the bound keeps a corrupt map with a cycle from
            // growing these arrays without end.
            if !tree.folded[at] && tree.ids.len() < map.len() {
                for &child in map.children(id) {
                    tree.push(map, child, tree.depths[at] + 1, size_of);
                }
            }
            tree.spans.push((start, tree.ids.len()));
            at += 1;
        }
        tree
    }

    /// Adds a node, unless the map does not hold it.
    fn push(
        &mut self,
        map: &MindMap,
        id: NodeId,
        depth: usize,
        size_of: &dyn Fn(NodeId) -> NodeSize,
    ) {
        let Some(topic) = map.topic(id) else { return };
        self.ids.push(id);
        self.offsets.push(topic.offset);
        self.sides.push(topic.side);
        self.folded.push(topic.folded);
        self.sizes.push(size_of(id).sane());
        self.depths.push(depth);
    }

    /// How many nodes are visible.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The indices of a node's visible children, in sibling order.
    pub fn children(&self, index: usize) -> Range<usize> {
        let (start, end) = self.spans[index];
        start..end
    }

    /// The index of every node's parent (the root's own index for the root), for passes that hand something
    /// down the tree.
    pub fn parents(&self) -> Vec<usize> {
        let mut parent = vec![0; self.len()];
        for index in 0..self.len() {
            for child in self.children(index) {
                parent[child] = index;
            }
        }
        parent
    }

    /// The deepest depth of any visible node.
    pub fn max_depth(&self) -> usize {
        // Breadth-first order puts the deepest nodes last.
        self.depths.last().copied().unwrap_or(0)
    }

    /// Pairs each node's id with its position from `positions` (indexed like this tree), sorted by id.
    pub fn into_sorted(self, positions: &[(f64, f64)]) -> Vec<(NodeId, Pos)> {
        let mut out: Vec<(NodeId, Pos)> = self
            .ids
            .into_iter()
            .zip(positions)
            .map(|(id, &(x, y))| (id, Pos::new(x as f32, y as f32).rounded()))
            .collect();
        out.sort_unstable_by_key(|&(id, _)| id);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Topic};

    fn map() -> MindMap {
        let mut map = MindMap::new(Topic::new(NodeId(1), "root", NodeKind::Center));
        for (id, parent) in [(2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 6)] {
            let index = map.children(NodeId(parent)).len();
            map.insert(
                NodeId(parent),
                index,
                Topic::new(NodeId(id), "n", NodeKind::Topic),
            )
            .unwrap();
        }
        map
    }

    #[test]
    fn nodes_come_breadth_first_with_contiguous_children() {
        let tree = VisibleTree::new(&map(), &|_| NodeSize::new(10.0, 10.0));
        let ids: Vec<u64> = tree.ids.iter().map(|id| id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(tree.children(0), 1..3);
        assert_eq!(tree.children(1), 3..5);
        assert_eq!(tree.children(2), 5..6);
        assert_eq!(tree.children(5), 6..7);
        assert_eq!(tree.max_depth(), 3);
    }

    #[test]
    fn a_folded_node_hides_its_descendants() {
        let mut map = map();
        map.topic_mut(NodeId(3)).unwrap().folded = true;
        let tree = VisibleTree::new(&map, &|_| NodeSize::new(10.0, 10.0));
        let ids: Vec<u64> = tree.ids.iter().map(|id| id.0).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        assert!(tree.children(2).is_empty());
    }
}
