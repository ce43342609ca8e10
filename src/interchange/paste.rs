//! Turning a copied fragment into new topics and links with fresh ids and absolute positions, ready to become
//! edit commands: one `AddNode` per node in order, then one `AddLink` per link, all in one undo step.

use crate::model::{CrossLink, LinkId, MindMap, NodeId, Pos, Topic};

use super::Fragment;

/// Where the fresh ids of pasted topics and links come from.
///
/// One object hands out both kinds, rather than two closures, because both counters usually live in the same
/// map: two closures would each need to borrow it mutably at the same time.
pub trait IdSource {
    /// A node id never used before.
    fn node_id(&mut self) -> NodeId;
    /// A link id never used before.
    fn link_id(&mut self) -> LinkId;
}

impl IdSource for MindMap {
    fn node_id(&mut self) -> NodeId {
        self.allocate_node_id()
    }

    fn link_id(&mut self) -> LinkId {
        self.allocate_link_id()
    }
}

/// Two closures as an id source, for callers whose counters can be borrowed separately.
pub struct IdFns<N, L>(pub N, pub L);

impl<N: FnMut() -> NodeId, L: FnMut() -> LinkId> IdSource for IdFns<N, L> {
    fn node_id(&mut self) -> NodeId {
        (self.0)()
    }

    fn link_id(&mut self) -> LinkId {
        (self.1)()
    }
}

/// One node to add.
#[derive(Clone, Debug, PartialEq)]
pub struct PastedNode {
    /// Its parent among the pasted nodes; `None` for the top of a pasted subtree, which goes under the paste
    /// target.
    pub parent: Option<NodeId>,
    /// Its position among its parent's children. For a top this counts among the pasted tops only, so it is
    /// added to the place where the paste goes in the target's children.
    pub index: usize,
    /// The node, with a fresh id and its absolute position.
    pub topic: Topic,
}

/// A fragment made concrete: nodes in an order where every parent comes before its children, and links.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    /// The nodes, parents first.
    pub nodes: Vec<PastedNode>,
    /// The cross-links between them.
    pub links: Vec<CrossLink>,
}

impl Pasted {
    /// The ids of the tops of the pasted subtrees, in order; the UI selects them after a paste.
    #[must_use]
    pub fn root_ids(&self) -> Vec<NodeId> {
        self.nodes
            .iter()
            .filter(|node| node.parent.is_none())
            .map(|node| node.topic.id)
            .collect()
    }

    /// Each node with the parent and index that an `AddNode` command takes, when the paste goes under `target`
    /// starting at `first_index` among its children. Applied in this order, every index is valid.
    #[must_use]
    pub fn placed_under(self, target: NodeId, first_index: usize) -> Vec<(NodeId, usize, Topic)> {
        self.nodes
            .into_iter()
            .map(|node| match node.parent {
                Some(parent) => (parent, node.index, node.topic),
                None => (target, first_index + node.index, node.topic),
            })
            .collect()
    }
}

/// Gives every node and link of a fragment a fresh id, and every node its place on the canvas: `origin` plus
/// its offset, so the fragment's first node lands on `origin`. A node whose parent does not come before it (only
/// possible in a fragment built by hand) becomes a top, and a link to a missing node is left out.
pub fn instantiate(fragment: &Fragment, origin: Pos, ids: &mut (impl IdSource + ?Sized)) -> Pasted {
    let mut new_ids: Vec<NodeId> = Vec::with_capacity(fragment.nodes.len());
    let mut child_counts: Vec<usize> = vec![0; fragment.nodes.len()];
    let mut top_count = 0;
    let mut nodes = Vec::with_capacity(fragment.nodes.len());
    for (i, node) in fragment.nodes.iter().enumerate() {
        let id = ids.node_id();
        new_ids.push(id);
        let parent = node.parent.filter(|&p| p < i);
        let counter = match parent {
            Some(p) => &mut child_counts[p],
            None => &mut top_count,
        };
        let index = *counter;
        *counter += 1;
        nodes.push(PastedNode {
            parent: parent.map(|p| new_ids[p]),
            index,
            topic: Topic {
                id,
                title: node.title.clone(),
                kind: node.kind,
                pos: Pos::new(
                    origin.x + finite(node.offset.x),
                    origin.y + finite(node.offset.y),
                ),
                offset: Pos::default(),
                side: None,
                palette: None,
                folded: node.folded,
                color: node.color,
                icon: node.icon,
                link: node.link.clone(),
                tags: node.tags.clone(),
                profile: node.profile.clone(),
            },
        });
    }
    let links = fragment
        .links
        .iter()
        .filter_map(|link| {
            let from = *new_ids.get(link.from)?;
            let to = *new_ids.get(link.to)?;
            Some(CrossLink {
                id: ids.link_id(),
                from,
                to,
                label: link.label.clone(),
            })
        })
        .collect();
    Pasted { nodes, links }
}

/// An offset that is not a number would poison every computation on the canvas; it becomes 0.
fn finite(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}
