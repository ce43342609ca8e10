//! Which nodes are selected. View state only: it never goes into the file.

use crate::model::{LinkId, MindMap, NodeId};

/// The selected nodes. The last one added is the primary selection, which the inspector shows and keyboard
/// commands start from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    nodes: Vec<NodeId>,
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
        self.nodes.contains(&id)
    }

    /// The selected cross-link.
    #[must_use]
    pub fn link(&self) -> Option<LinkId> {
        self.link
    }

    /// Selects only this cross-link.
    pub fn set_link(&mut self, id: LinkId) {
        self.nodes.clear();
        self.link = Some(id);
    }

    /// Selects only this node.
    pub fn set(&mut self, id: NodeId) {
        self.link = None;
        self.nodes.clear();
        self.nodes.push(id);
    }

    /// Adds a node to the selection, or takes it out when it is in already.
    pub fn toggle(&mut self, id: NodeId) {
        self.link = None;
        if let Some(at) = self.nodes.iter().position(|&n| n == id) {
            self.nodes.remove(at);
        } else {
            self.nodes.push(id);
        }
    }

    /// Selects these nodes, keeping the current ones when `add`.
    pub fn extend(&mut self, ids: impl IntoIterator<Item = NodeId>, add: bool) {
        self.link = None;
        if !add {
            self.nodes.clear();
        }
        for id in ids {
            if !self.nodes.contains(&id) {
                self.nodes.push(id);
            }
        }
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.link = None;
        self.nodes.clear();
    }

    /// Forgets nodes that no longer exist or are hidden in a folded branch.
    pub fn retain_visible(&mut self, map: &MindMap) {
        self.nodes
            .retain(|&id| map.contains(id) && !map.is_hidden(id));
        self.link = self.link.filter(|&id| map.link(id).is_some());
    }

    /// The selected nodes that are not inside another selected node's subtree, in map order: what a delete,
    /// a drag or a copy acts on.
    #[must_use]
    pub fn tops(&self, map: &MindMap) -> Vec<NodeId> {
        let mut tops: Vec<NodeId> = self
            .nodes
            .iter()
            .copied()
            .filter(|&id| {
                map.contains(id)
                    && !self
                        .nodes
                        .iter()
                        .any(|&other| other != id && map.is_ancestor_or_self(other, id))
            })
            .collect();
        tops.sort_by_key(|&id| (map.depth(id), map.index_in_parent(id)));
        tops
    }
}
