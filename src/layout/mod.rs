//! Automatic layout: pure functions from a map (and the size of each node) to node positions.
//!
//! Nothing here changes the map. [`layout`] returns where every visible node should go, and the caller wraps
//! that in an undoable edit (the UI uses `EditCommand::MoveNodes`). [`place_new_child`] and
//! [`place_new_sibling`] say where a single new node should go, leaving the rest of the map as the user
//! arranged it. Sizes come from the caller through `size_of`, because only the UI can measure text;
//! [`estimated_size`] is a stand-in for everyone else.

mod place;
mod radial;
mod size;
mod tree;
mod visible;

pub use place::{place_new_child, place_new_sibling};
pub use size::{NodeSize, estimated_size};

use crate::model::{MindMap, NodeId, Pos, Workbook};

use visible::VisibleTree;

/// Which automatic layout to apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// Branches to the right and left of the root, each subtree in a band of its own, as in Freeplane and
    /// `XMind`.
    #[default]
    Tree,
    /// The root in the centre and every subtree in a sector around it, depth by depth on growing rings.
    Radial,
}

impl Algorithm {
    /// Every algorithm, in the order menus list them.
    pub const ALL: [Algorithm; 2] = [Algorithm::Tree, Algorithm::Radial];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Algorithm::Tree => "Tree",
            Algorithm::Radial => "Radial",
        }
    }
}

/// The centre of every visible node (every node with no folded ancestor), in canvas units, sorted by id.
///
/// The root keeps its position. Nodes inside folded branches are left out, so an edit built from the result
/// leaves them where they were, and they take no room. Positions are rounded as files store them, so laying out
/// a saved map again gives exactly the positions it already has. The same map and sizes always give the same
/// result, and the cost is linear in the number of visible nodes (plus sorting the result by id).
#[must_use]
pub fn layout(
    map: &MindMap,
    algorithm: Algorithm,
    size_of: &dyn Fn(NodeId) -> NodeSize,
) -> Vec<(NodeId, Pos)> {
    let tree = VisibleTree::new(map, size_of);
    let centres = match algorithm {
        Algorithm::Tree => tree::layout(&tree),
        Algorithm::Radial => radial::layout(&tree),
    };
    tree.into_sorted(&centres)
}

/// The realistic map of `size` nodes from [`crate::model::generate`], laid out as a tree with estimated sizes:
/// a map as a user would have it after arranging it, for `relmap --generate`, benchmarks and tests.
#[must_use]
pub fn generated(size: usize) -> Workbook {
    let mut workbook = crate::model::generate(size);
    let map = &workbook.map;
    let size_of = |id: NodeId| estimated_size(map.topic(id).map_or("", |t| t.title.as_str()));
    let centres = layout(map, Algorithm::Tree, &size_of);
    for (id, pos) in centres {
        if let Some(topic) = workbook.map.topic_mut(id) {
            topic.pos = pos;
        }
    }
    workbook
}
