//! The map: a tree of topics under one root, plus cross-links between any two topics.
//!
//! petgraph's `StableGraph` is the engine: tree edges and cross-links are its edges, and its indices stay valid
//! when other nodes are removed. Everything outside this module speaks of `NodeId` and `LinkId` only.

mod edit;

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use super::{BuildIdHasher, IdMap, LinkId, NodeId, Topic};

/// A cross-link between two nodes, drawn dashed with an arrow towards `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossLink {
    /// Its stable identity.
    pub id: LinkId,
    /// Where it starts.
    pub from: NodeId,
    /// Where it points.
    pub to: NodeId,
    /// An optional label drawn along it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// Why a change to the map was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MapError {
    /// No node has this id.
    #[error("there is no node {0}")]
    UnknownNode(NodeId),
    /// No cross-link has this id.
    #[error("there is no link {0}")]
    UnknownLink(LinkId),
    /// A node with this id exists already.
    #[error("node {0} exists already")]
    DuplicateNode(NodeId),
    /// A link with this id exists already.
    #[error("link {0} exists already")]
    DuplicateLink(LinkId),
    /// The root holds the map together.
    #[error("the central node cannot be removed or moved")]
    RootIsFixed,
    /// A node cannot become a child of itself or of its own descendant.
    #[error("a node cannot be moved under itself or under one of its own descendants")]
    WouldCreateCycle,
    /// A restore that names no nodes.
    #[error("there is nothing to restore")]
    NothingToRestore,
    /// A position among siblings beyond the end.
    #[error("position {index} is past the end of the {len} children of node {parent}")]
    IndexOutOfRange {
        /// The parent.
        parent: NodeId,
        /// The position asked for.
        index: usize,
        /// How many children there are.
        len: usize,
    },
}

/// A node's data together with the order of its children.
#[derive(Clone, Debug)]
struct Slot {
    topic: Topic,
    children: Vec<NodeId>,
}

#[derive(Clone, Debug)]
enum Edge {
    Tree,
    Cross(CrossLink),
}

/// What `MindMap::remove_subtree` took out, so that it can be put back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovedSubtree {
    /// The parent it hung from.
    pub parent: NodeId,
    /// Its position among its siblings.
    pub index: usize,
    /// The removed nodes in pre-order, each with the order of its children.
    pub nodes: Vec<(Topic, Vec<NodeId>)>,
    /// Cross-links that touched any removed node.
    pub links: Vec<CrossLink>,
}

/// What `MindMap::dissolve` took out, so that `MindMap::wrap` can put it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Dissolved {
    /// The removed node.
    pub topic: Topic,
    /// Its parent.
    pub parent: NodeId,
    /// Its position among its siblings, where its children now stand.
    pub index: usize,
    /// How many children moved up into its place.
    pub count: usize,
    /// Cross-links that touched it.
    pub links: Vec<CrossLink>,
}

/// The most levels a map may have, its root counting as the first. Real maps stay under 30 levels; a file or
/// an import nested deeper is refused, since it is damaged or made to break programs, and everything relmap
/// does with a map (layout, drawing, export) is then bounded by a depth it was tested with.
pub const MAX_LEVELS: usize = 2_000;

/// A tree of topics with cross-links. See the module documentation.
#[derive(Clone, Debug)]
pub struct MindMap {
    graph: StableGraph<Slot, Edge>,
    nodes: IdMap<NodeId, NodeIndex>,
    links: IdMap<LinkId, EdgeIndex>,
    root: NodeId,
    next_node: u64,
    next_link: u64,
}

/// Two maps are equal when they hold the same nodes, field for field (positions exactly, as `f32`, not rounded
/// as a file stores them), with their children in the same order, and the same cross-links. The graph's
/// internal indices and the counters for new ids are not part of what a map holds.
impl PartialEq for MindMap {
    fn eq(&self, other: &MindMap) -> bool {
        self.root == other.root
            && self.len() == other.len()
            && self.link_count() == other.link_count()
            && self.topics().all(|topic| {
                other.topic(topic.id) == Some(topic)
                    && other.children(topic.id) == self.children(topic.id)
            })
            && self.links().all(|link| other.link(link.id) == Some(link))
    }
}

impl MindMap {
    /// A map holding only its root.
    #[must_use]
    pub fn new(root: Topic) -> MindMap {
        let mut map = MindMap {
            graph: StableGraph::new(),
            nodes: IdMap::default(),
            links: IdMap::default(),
            root: root.id,
            next_node: root.id.0.saturating_add(1),
            next_link: 1,
        };
        map.add_slot(root, Vec::new());
        map
    }

    /// Builds a map from stored parts without judging them: `validate` says whether they form a proper map.
    /// Duplicate ids keep the first node or link; the duplicates are reported in `duplicates`.
    #[must_use]
    pub fn from_parts(
        root: NodeId,
        nodes: Vec<(Topic, Vec<NodeId>)>,
        links: Vec<CrossLink>,
    ) -> (MindMap, Vec<super::Violation>) {
        use super::Violation;
        let mut problems = Vec::new();
        let mut map = MindMap {
            graph: StableGraph::with_capacity(nodes.len(), nodes.len() + links.len()),
            nodes: IdMap::with_capacity_and_hasher(nodes.len(), BuildIdHasher::default()),
            links: IdMap::with_capacity_and_hasher(links.len(), BuildIdHasher::default()),
            root,
            next_node: 1,
            next_link: 1,
        };
        let mut kept = Vec::with_capacity(nodes.len());
        for (topic, children) in nodes {
            let id = topic.id;
            if id.0 > super::MAX_ID {
                problems.push(Violation::NodeIdTooLarge(id));
                continue;
            }
            if map.nodes.contains_key(&id) {
                problems.push(Violation::DuplicateNode(id));
                continue;
            }
            map.next_node = map.next_node.max(id.0.saturating_add(1));
            map.add_slot(topic, Vec::new());
            kept.push((id, children));
        }
        for (parent, children) in kept {
            let mut real = Vec::with_capacity(children.len());
            for child in children {
                let Some(&child_index) = map.nodes.get(&child) else {
                    problems.push(Violation::UnknownChild { parent, child });
                    continue;
                };
                let parent_index = map.nodes[&parent];
                map.graph.add_edge(parent_index, child_index, Edge::Tree);
                real.push(child);
            }
            map.slot_mut(parent).children = real;
        }
        for link in links {
            if link.id.0 > super::MAX_ID {
                problems.push(Violation::LinkIdTooLarge(link.id));
                continue;
            }
            if map.links.contains_key(&link.id) {
                problems.push(Violation::DuplicateLink(link.id));
                continue;
            }
            let (Some(&from), Some(&to)) = (map.nodes.get(&link.from), map.nodes.get(&link.to))
            else {
                let missing = if map.nodes.contains_key(&link.from) {
                    link.to
                } else {
                    link.from
                };
                problems.push(Violation::DanglingLink {
                    link: link.id,
                    node: missing,
                });
                continue;
            };
            map.next_link = map.next_link.max(link.id.0.saturating_add(1));
            let id = link.id;
            let edge = map.graph.add_edge(from, to, Edge::Cross(link));
            map.links.insert(id, edge);
        }
        if !map.nodes.contains_key(&root) {
            problems.push(Violation::MissingRoot(root));
        }
        (map, problems)
    }

    fn add_slot(&mut self, topic: Topic, children: Vec<NodeId>) -> NodeIndex {
        let id = topic.id;
        let index = self.graph.add_node(Slot { topic, children });
        self.nodes.insert(id, index);
        index
    }

    fn index(&self, id: NodeId) -> Result<NodeIndex, MapError> {
        self.nodes
            .get(&id)
            .copied()
            .ok_or(MapError::UnknownNode(id))
    }

    fn slot(&self, id: NodeId) -> Option<&Slot> {
        self.graph.node_weight(*self.nodes.get(&id)?)
    }

    /// Only for ids already checked to exist.
    fn slot_mut(&mut self, id: NodeId) -> &mut Slot {
        let index = self.nodes[&id];
        &mut self.graph[index]
    }

    /// The central node.
    #[must_use]
    pub fn root(&self) -> NodeId {
        self.root
    }

    /// How many nodes the map has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Never true: a map always has its root.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Whether a node with this id exists.
    #[must_use]
    pub fn contains(&self, id: NodeId) -> bool {
        self.nodes.contains_key(&id)
    }

    /// One node.
    #[must_use]
    pub fn topic(&self, id: NodeId) -> Option<&Topic> {
        self.slot(id).map(|slot| &slot.topic)
    }

    /// One node, to change it. Only the document's edit commands call this.
    pub fn topic_mut(&mut self, id: NodeId) -> Option<&mut Topic> {
        let index = *self.nodes.get(&id)?;
        self.graph
            .node_weight_mut(index)
            .map(|slot| &mut slot.topic)
    }

    /// All nodes, in no particular order.
    pub fn topics(&self) -> impl Iterator<Item = &Topic> {
        self.graph.node_weights().map(|slot| &slot.topic)
    }

    /// All node ids, sorted.
    #[must_use]
    pub fn sorted_ids(&self) -> Vec<NodeId> {
        let mut ids: Vec<NodeId> = self.nodes.keys().copied().collect();
        ids.sort_unstable();
        ids
    }

    /// The parent of a node; `None` for the root and for unknown ids.
    #[must_use]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let index = *self.nodes.get(&id)?;
        self.graph
            .edges_directed(index, Direction::Incoming)
            .find(|edge| matches!(edge.weight(), Edge::Tree))
            .map(|edge| self.graph[edge.source()].topic.id)
    }

    /// The children of a node, in their order; empty for unknown ids.
    #[must_use]
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.slot(id).map_or(&[], |slot| slot.children.as_slice())
    }

    /// The position of a node among its siblings.
    #[must_use]
    pub fn index_in_parent(&self, id: NodeId) -> Option<usize> {
        let parent = self.parent(id)?;
        self.children(parent).iter().position(|&c| c == id)
    }

    /// How many steps a node is from the root.
    #[must_use]
    pub fn depth(&self, id: NodeId) -> usize {
        let mut depth = 0;
        let mut at = id;
        while let Some(parent) = self.parent(at) {
            depth += 1;
            at = parent;
        }
        depth
    }

    /// The first-level node (a constituency, in the starter map) that a node belongs to; `None` for the root.
    #[must_use]
    pub fn branch_of(&self, id: NodeId) -> Option<NodeId> {
        let mut at = id;
        loop {
            let parent = self.parent(at)?;
            if parent == self.root {
                return Some(at);
            }
            at = parent;
        }
    }

    /// How many levels the map has: 1 for a root alone, one more for each step down to its deepest node. One
    /// walk over the tree, however deep it is.
    #[must_use]
    pub fn levels(&self) -> usize {
        let mut deepest = 0;
        let mut stack = vec![(self.root, 1)];
        while let Some((at, level)) = stack.pop() {
            deepest = deepest.max(level);
            stack.extend(self.children(at).iter().map(|&child| (child, level + 1)));
        }
        deepest
    }

    /// The first-level node each node belongs to, as [`MindMap::branch_of`] gives it, for every node but the
    /// root, found in one walk. Exports that colour or label many nodes by their branch use this, so that their
    /// time does not grow with the depth of the map.
    #[must_use]
    pub fn branch_table(&self) -> HashMap<NodeId, NodeId> {
        let mut table = HashMap::with_capacity(self.len());
        let mut stack: Vec<(NodeId, NodeId)> =
            self.children(self.root).iter().map(|&c| (c, c)).collect();
        while let Some((at, branch)) = stack.pop() {
            table.insert(at, branch);
            stack.extend(self.children(at).iter().map(|&child| (child, branch)));
        }
        table
    }

    /// A node and all its descendants, in pre-order.
    #[must_use]
    pub fn subtree(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(at) = stack.pop() {
            let Some(slot) = self.slot(at) else { continue };
            out.push(at);
            stack.extend(slot.children.iter().rev());
        }
        out
    }

    /// The nodes a user can see: every node whose ancestors are all unfolded, in pre-order from the root.
    #[must_use]
    pub fn subtree_unfolded(&self) -> Vec<NodeId> {
        let mut out = Vec::with_capacity(self.len());
        let mut stack = vec![self.root];
        while let Some(at) = stack.pop() {
            let Some(slot) = self.slot(at) else { continue };
            out.push(at);
            if !slot.topic.folded {
                stack.extend(slot.children.iter().rev());
            }
        }
        out
    }

    /// Whether `ancestor` is `id` itself or lies on the path from `id` up to the root.
    #[must_use]
    pub fn is_ancestor_or_self(&self, ancestor: NodeId, id: NodeId) -> bool {
        let mut at = Some(id);
        while let Some(node) = at {
            if node == ancestor {
                return true;
            }
            at = self.parent(node);
        }
        false
    }

    /// Whether a node is hidden because an ancestor is folded.
    #[must_use]
    pub fn is_hidden(&self, id: NodeId) -> bool {
        let mut at = self.parent(id);
        while let Some(node) = at {
            if self.topic(node).is_some_and(|t| t.folded) {
                return true;
            }
            at = self.parent(node);
        }
        false
    }

    /// A fresh node id, never used in this map before.
    pub fn allocate_node_id(&mut self) -> NodeId {
        let id = NodeId(self.next_node);
        self.next_node = self.next_node.saturating_add(1);
        id
    }

    /// A fresh link id, never used in this map before.
    pub fn allocate_link_id(&mut self) -> LinkId {
        let id = LinkId(self.next_link);
        self.next_link = self.next_link.saturating_add(1);
        id
    }

    /// All cross-links, in no particular order.
    pub fn links(&self) -> impl Iterator<Item = &CrossLink> {
        self.graph.edge_weights().filter_map(|edge| match edge {
            Edge::Cross(link) => Some(link),
            Edge::Tree => None,
        })
    }

    /// How many cross-links the map has.
    #[must_use]
    pub fn link_count(&self) -> usize {
        self.links.len()
    }

    /// One cross-link.
    #[must_use]
    pub fn link(&self, id: LinkId) -> Option<&CrossLink> {
        match self.graph.edge_weight(*self.links.get(&id)?)? {
            Edge::Cross(link) => Some(link),
            Edge::Tree => None,
        }
    }

    /// For `validate`: the tree parents of a node as petgraph sees them.
    pub(super) fn tree_parents(&self, id: NodeId) -> Vec<NodeId> {
        let Some(&index) = self.nodes.get(&id) else {
            return Vec::new();
        };
        self.graph
            .edges_directed(index, Direction::Incoming)
            .filter(|edge| matches!(edge.weight(), Edge::Tree))
            .map(|edge| self.graph[edge.source()].topic.id)
            .collect()
    }

    /// For `validate`: whether the id table and the graph agree about a node.
    pub(super) fn index_agrees(&self, id: NodeId) -> bool {
        self.nodes
            .get(&id)
            .and_then(|&index| self.graph.node_weight(index))
            .is_some_and(|slot| slot.topic.id == id)
    }

    /// For `validate`: whether every cross-link in the graph is in the id table.
    pub(super) fn link_table_agrees(&self) -> bool {
        self.links().count() == self.links.len()
            && self.links.iter().all(|(id, &edge)| {
                matches!(self.graph.edge_weight(edge), Some(Edge::Cross(link)) if link.id == *id)
            })
    }
}
