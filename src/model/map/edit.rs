//! Changes to the structure of the map: adding, removing, moving, wrapping and dissolving nodes, and adding
//! and removing cross-links. Each change is checked completely before anything is touched, so a refused change
//! leaves the map as it was.

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::{CrossLink, Dissolved, Edge, MapError, MindMap, RemovedSubtree};
use crate::model::{LinkId, NodeId, Topic};

impl MindMap {
    /// Adds a leaf under `parent` at `index` among its children.
    pub fn insert(&mut self, parent: NodeId, index: usize, topic: Topic) -> Result<(), MapError> {
        let parent_index = self.index(parent)?;
        if self.nodes.contains_key(&topic.id) {
            return Err(MapError::DuplicateNode(topic.id));
        }
        let len = self.children(parent).len();
        if index > len {
            return Err(MapError::IndexOutOfRange { parent, index, len });
        }
        let id = topic.id;
        self.next_node = self.next_node.max(id.0.saturating_add(1));
        let child_index = self.add_slot(topic, Vec::new());
        self.graph.add_edge(parent_index, child_index, Edge::Tree);
        self.slot_mut(parent).children.insert(index, id);
        Ok(())
    }

    /// Removes a node with all its descendants and every cross-link that touches them.
    pub fn remove_subtree(&mut self, id: NodeId) -> Result<RemovedSubtree, MapError> {
        self.index(id)?;
        if id == self.root {
            return Err(MapError::RootIsFixed);
        }
        let parent = self.parent(id).ok_or(MapError::UnknownNode(id))?;
        let index = self.index_in_parent(id).unwrap_or(0);
        let order = self.subtree(id);
        let links = self.links_touching(&order);
        for link in &links {
            if let Some(edge) = self.links.remove(&link.id) {
                self.graph.remove_edge(edge);
            }
        }
        let mut nodes = Vec::with_capacity(order.len());
        for node in &order {
            if let Some(node_index) = self.nodes.remove(node)
                && let Some(slot) = self.graph.remove_node(node_index)
            {
                nodes.push((slot.topic, slot.children));
            }
        }
        self.slot_mut(parent).children.retain(|&c| c != id);
        Ok(RemovedSubtree {
            parent,
            index,
            nodes,
            links,
        })
    }

    /// Puts back what `remove_subtree` took out.
    pub fn restore_subtree(&mut self, removed: RemovedSubtree) -> Result<(), MapError> {
        let RemovedSubtree {
            parent,
            index,
            nodes,
            links,
        } = removed;
        let parent_index = self.index(parent)?;
        let len = self.children(parent).len();
        if index > len {
            return Err(MapError::IndexOutOfRange { parent, index, len });
        }
        if let Some((topic, _)) = nodes
            .iter()
            .find(|(topic, _)| self.nodes.contains_key(&topic.id))
        {
            return Err(MapError::DuplicateNode(topic.id));
        }
        let Some(top) = nodes.first().map(|(topic, _)| topic.id) else {
            return Err(MapError::NothingToRestore);
        };
        self.check_new_links(&links, &nodes.iter().map(|(topic, _)| topic.id).collect())?;
        for (topic, children) in nodes {
            self.next_node = self.next_node.max(topic.id.0.saturating_add(1));
            self.add_slot(topic, children);
        }
        // Tree edges are added once every node exists, since children may precede nothing in pre-order.
        let mut stack = vec![top];
        while let Some(at) = stack.pop() {
            let at_index = self.nodes[&at];
            let children = self.graph[at_index].children.clone();
            for child in children {
                if let Some(&child_index) = self.nodes.get(&child) {
                    self.graph.add_edge(at_index, child_index, Edge::Tree);
                    stack.push(child);
                }
            }
        }
        let top_index = self.nodes[&top];
        self.graph.add_edge(parent_index, top_index, Edge::Tree);
        self.slot_mut(parent).children.insert(index, top);
        for link in links {
            self.add_link(link)?;
        }
        Ok(())
    }

    /// Moves a node (with its subtree) under `new_parent` at `index` among the new siblings, counted after
    /// the node has left its old place. Returns the old parent and position.
    pub fn move_to(
        &mut self,
        id: NodeId,
        new_parent: NodeId,
        index: usize,
    ) -> Result<(NodeId, usize), MapError> {
        let node_index = self.index(id)?;
        let new_parent_index = self.index(new_parent)?;
        if id == self.root {
            return Err(MapError::RootIsFixed);
        }
        if self.is_ancestor_or_self(id, new_parent) {
            return Err(MapError::WouldCreateCycle);
        }
        let old_parent = self.parent(id).ok_or(MapError::UnknownNode(id))?;
        let old_index = self.index_in_parent(id).unwrap_or(0);
        let len_after_leaving =
            self.children(new_parent).len() - usize::from(old_parent == new_parent);
        if index > len_after_leaving {
            return Err(MapError::IndexOutOfRange {
                parent: new_parent,
                index,
                len: len_after_leaving,
            });
        }
        self.slot_mut(old_parent).children.remove(old_index);
        self.slot_mut(new_parent).children.insert(index, id);
        if old_parent != new_parent {
            let old_parent_index = self.nodes[&old_parent];
            if let Some(edge) = self.tree_edge(old_parent_index, node_index) {
                self.graph.remove_edge(edge);
            }
            self.graph
                .add_edge(new_parent_index, node_index, Edge::Tree);
        }
        Ok((old_parent, old_index))
    }

    /// Adds a new node that takes the place of `count` siblings starting at `index` under `parent`, which
    /// become its children; with `count` 1 this inserts a parent above one node. Cross-links given are added too.
    pub fn wrap(
        &mut self,
        parent: NodeId,
        index: usize,
        count: usize,
        topic: Topic,
        links: Vec<CrossLink>,
    ) -> Result<(), MapError> {
        let parent_index = self.index(parent)?;
        if self.nodes.contains_key(&topic.id) {
            return Err(MapError::DuplicateNode(topic.id));
        }
        let len = self.children(parent).len();
        let end = index.saturating_add(count);
        if end > len {
            return Err(MapError::IndexOutOfRange {
                parent,
                index: end,
                len,
            });
        }
        let id = topic.id;
        self.check_new_links(&links, &[id].into())?;
        self.next_node = self.next_node.max(id.0.saturating_add(1));
        let moved: Vec<NodeId> = self
            .slot_mut(parent)
            .children
            .splice(index..index + count, [id])
            .collect();
        let new_index = self.add_slot(topic, moved.clone());
        self.graph.add_edge(parent_index, new_index, Edge::Tree);
        for child in moved {
            let child_index = self.nodes[&child];
            if let Some(edge) = self.tree_edge(parent_index, child_index) {
                self.graph.remove_edge(edge);
            }
            self.graph.add_edge(new_index, child_index, Edge::Tree);
        }
        for link in links {
            self.add_link(link)?;
        }
        Ok(())
    }

    /// Removes one node and moves its children up into its place; the opposite of `wrap`.
    pub fn dissolve(&mut self, id: NodeId) -> Result<Dissolved, MapError> {
        let node_index = self.index(id)?;
        if id == self.root {
            return Err(MapError::RootIsFixed);
        }
        let parent = self.parent(id).ok_or(MapError::UnknownNode(id))?;
        let parent_index = self.nodes[&parent];
        let index = self.index_in_parent(id).unwrap_or(0);
        let links = self.links_touching(&[id]);
        for link in &links {
            if let Some(edge) = self.links.remove(&link.id) {
                self.graph.remove_edge(edge);
            }
        }
        self.nodes.remove(&id);
        let Some(slot) = self.graph.remove_node(node_index) else {
            return Err(MapError::UnknownNode(id));
        };
        for &child in &slot.children {
            self.graph
                .add_edge(parent_index, self.nodes[&child], Edge::Tree);
        }
        let count = slot.children.len();
        self.slot_mut(parent)
            .children
            .splice(index..=index, slot.children);
        Ok(Dissolved {
            topic: slot.topic,
            parent,
            index,
            count,
            links,
        })
    }

    /// Adds a cross-link between two existing nodes.
    pub fn add_link(&mut self, link: CrossLink) -> Result<(), MapError> {
        if self.links.contains_key(&link.id) {
            return Err(MapError::DuplicateLink(link.id));
        }
        let from = self.index(link.from)?;
        let to = self.index(link.to)?;
        self.next_link = self.next_link.max(link.id.0.saturating_add(1));
        let id = link.id;
        let edge = self.graph.add_edge(from, to, Edge::Cross(link));
        self.links.insert(id, edge);
        Ok(())
    }

    /// Removes a cross-link and returns it.
    pub fn remove_link(&mut self, id: LinkId) -> Result<CrossLink, MapError> {
        let edge = self.links.remove(&id).ok_or(MapError::UnknownLink(id))?;
        match self.graph.remove_edge(edge) {
            Some(Edge::Cross(link)) => Ok(link),
            _ => Err(MapError::UnknownLink(id)),
        }
    }

    /// Changes the label of a cross-link and returns the old one.
    pub fn set_link_label(&mut self, id: LinkId, label: String) -> Result<String, MapError> {
        let edge = *self.links.get(&id).ok_or(MapError::UnknownLink(id))?;
        match self.graph.edge_weight_mut(edge) {
            Some(Edge::Cross(link)) => Ok(std::mem::replace(&mut link.label, label)),
            _ => Err(MapError::UnknownLink(id)),
        }
    }

    /// The tree edge from a parent to its child. `find_edge` alone could return a cross-link between the same
    /// two nodes instead.
    fn tree_edge(&self, parent: NodeIndex, child: NodeIndex) -> Option<EdgeIndex> {
        self.graph
            .edges_connecting(parent, child)
            .find(|edge| matches!(edge.weight(), Edge::Tree))
            .map(|edge| edge.id())
    }

    /// Checks that `add_link` will accept every one of `links` once the nodes `new_nodes` exist, so that
    /// `wrap` and `restore_subtree` can refuse before they change anything. Reports the error `add_link` would.
    fn check_new_links(
        &self,
        links: &[CrossLink],
        new_nodes: &std::collections::HashSet<NodeId>,
    ) -> Result<(), MapError> {
        let mut seen = std::collections::HashSet::with_capacity(links.len());
        for link in links {
            if self.links.contains_key(&link.id) || !seen.insert(link.id) {
                return Err(MapError::DuplicateLink(link.id));
            }
            for end in [link.from, link.to] {
                if !self.nodes.contains_key(&end) && !new_nodes.contains(&end) {
                    return Err(MapError::UnknownNode(end));
                }
            }
        }
        Ok(())
    }

    /// Cross-links that touch any of the given nodes, sorted by id.
    fn links_touching(&self, ids: &[NodeId]) -> Vec<CrossLink> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for id in ids {
            let Some(&index) = self.nodes.get(id) else {
                continue;
            };
            for direction in [Direction::Outgoing, Direction::Incoming] {
                for edge in self.graph.edges_directed(index, direction) {
                    if let Edge::Cross(link) = edge.weight()
                        && seen.insert(link.id)
                    {
                        out.push(link.clone());
                    }
                }
            }
        }
        out.sort_by_key(|link| link.id);
        out
    }
}
