//! The invariants of a map. Every loaded file, and in debug builds every edit, is checked against them.

use std::collections::HashSet;

use super::{LinkId, MindMap, NodeId};

/// The largest id a node or a link may have: 2^53 − 1, so that ids survive formats that keep numbers as
/// doubles, and adding one to an id never overflows.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// One broken invariant.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    /// A node id beyond [`MAX_ID`].
    #[error("the node id {0} is too large (ids go up to {max})", max = MAX_ID)]
    NodeIdTooLarge(NodeId),
    /// A link id beyond [`MAX_ID`].
    #[error("the link id {0} is too large (ids go up to {max})", max = MAX_ID)]
    LinkIdTooLarge(LinkId),
    /// The named root does not exist.
    #[error("the central node {0} does not exist")]
    MissingRoot(NodeId),
    /// The map has more than one node without a parent.
    #[error(
        "the map has more than one central node: {} (every node but one must have a parent)",
        ids(.0)
    )]
    SeveralRoots(Vec<NodeId>),
    /// The root has a parent.
    #[error("the central node {0} has a parent")]
    RootHasParent(NodeId),
    /// Two nodes share an id.
    #[error("two nodes have the id {0}")]
    DuplicateNode(NodeId),
    /// Two links share an id.
    #[error("two links have the id {0}")]
    DuplicateLink(LinkId),
    /// A children list names a node that does not exist.
    #[error("node {parent} lists a child {child} that does not exist")]
    UnknownChild {
        /// The node whose list is wrong.
        parent: NodeId,
        /// The missing child.
        child: NodeId,
    },
    /// A node is the child of more than one parent, or listed twice.
    #[error("node {node} has more than one parent: {}", ids(.parents))]
    SeveralParents {
        /// The node.
        node: NodeId,
        /// Its parents.
        parents: Vec<NodeId>,
    },
    /// Nodes that cannot be reached from the root: they hang in a loop of parents.
    #[error(
        "nodes {} form a cycle of parents and cannot be reached from the central node",
        ids(.0)
    )]
    TreeCycle(Vec<NodeId>),
    /// A cross-link names a node that does not exist.
    #[error("link {link} points to node {node}, which does not exist")]
    DanglingLink {
        /// The link.
        link: LinkId,
        /// The missing node.
        node: NodeId,
    },
    /// The map's internal tables disagree (a bug, not a file problem).
    #[error("the map's internal index is inconsistent at node {0}")]
    Inconsistent(NodeId),
}

/// Node ids as a user reads them in a message: `2, 3`.
fn ids(list: &[NodeId]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

impl MindMap {
    /// Checks the invariants: one root, every other node has exactly one parent and is reachable from the root,
    /// children lists and tree edges agree, and no link dangles. Returns every violation found, sorted.
    pub fn validate(&self) -> Result<(), Vec<Violation>> {
        let mut problems = Vec::new();
        let root = self.root();
        if !self.contains(root) {
            problems.push(Violation::MissingRoot(root));
            return Err(problems);
        }
        let ids = self.sorted_ids();
        let mut parentless = Vec::new();
        for &id in &ids {
            if !self.index_agrees(id) {
                problems.push(Violation::Inconsistent(id));
                continue;
            }
            let parents = self.tree_parents(id);
            match parents.as_slice() {
                [] if id == root => {}
                [] => parentless.push(id),
                [_] if id == root => problems.push(Violation::RootHasParent(id)),
                [parent] => {
                    let listed = self.children(*parent).iter().filter(|&&c| c == id).count();
                    if listed != 1 {
                        problems.push(Violation::Inconsistent(id));
                    }
                }
                _ => {
                    let mut parents = parents.clone();
                    parents.sort_unstable();
                    problems.push(Violation::SeveralParents { node: id, parents });
                }
            }
            for &child in self.children(id) {
                if !self.contains(child) {
                    problems.push(Violation::UnknownChild { parent: id, child });
                }
            }
        }
        if !parentless.is_empty() {
            let mut roots = vec![root];
            roots.extend(parentless.iter().copied());
            roots.sort_unstable();
            problems.push(Violation::SeveralRoots(roots));
        }
        let reachable: HashSet<NodeId> = self.subtree_guarded(root);
        // Descendants of an extra root are already reported through that root. Collected once: walking up
        // from every node instead would take quadratic time on a long detached chain.
        let under_extra_roots: HashSet<NodeId> = parentless
            .iter()
            .flat_map(|&extra| self.subtree_guarded(extra))
            .collect();
        let mut unreachable: Vec<NodeId> = ids
            .iter()
            .copied()
            .filter(|id| !reachable.contains(id) && !under_extra_roots.contains(id))
            .collect();
        if !unreachable.is_empty() {
            unreachable.sort_unstable();
            problems.push(Violation::TreeCycle(unreachable));
        }
        let mut link_ids = HashSet::new();
        let mut links: Vec<_> = self.links().collect();
        links.sort_by_key(|link| link.id);
        for link in links {
            if !link_ids.insert(link.id) {
                problems.push(Violation::DuplicateLink(link.id));
            }
            for end in [link.from, link.to] {
                if !self.contains(end) {
                    problems.push(Violation::DanglingLink {
                        link: link.id,
                        node: end,
                    });
                }
            }
        }
        if !self.link_table_agrees() {
            problems.push(Violation::Inconsistent(root));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The nodes reachable from `start`, safe against cycles in broken maps.
    fn subtree_guarded(&self, start: NodeId) -> HashSet<NodeId> {
        let mut seen = HashSet::new();
        let mut stack = vec![start];
        while let Some(at) = stack.pop() {
            if seen.insert(at) {
                stack.extend(self.children(at).iter().copied());
            }
        }
        seen
    }
}
