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
mod slot;
mod tree;
mod visible;

pub use place::{place_new_child, place_new_sibling};
pub use size::{NodeSize, estimated_size};
pub use slot::{Slot, drop_slot};

use crate::model::{Arrangement, MindMap, NodeId, Pos, Side, Workbook};

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
        Algorithm::Tree => tree::layout(&tree).0,
        Algorithm::Radial => radial::layout(&tree),
    };
    tree.into_sorted(&centres)
}

/// What an automatic arrangement decides for a map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Arranged {
    /// Where every node is drawn: a visible node at its automatic place plus its own nudge and those of its
    /// ancestors, a node in a folded branch at the folded node. Rounded as files store positions. The visible
    /// nodes come first, in breadth-first order from the root.
    pub positions: Vec<(NodeId, Pos)>,
    /// The side chosen for each first-level branch that had none yet (tree arrangement only).
    pub new_sides: Vec<(NodeId, Side)>,
}

/// Lays out the visible nodes of `map` in an automatic `arrangement`, around the origin: the root's automatic
/// place is (0, 0), and a nudge of the root moves the whole map. Each node's nudge (`Topic::offset`) moves its
/// branch with it. Nodes in folded branches take no room and are placed on their folded node; the free
/// arrangement gives nothing. Linear in the number of nodes.
#[must_use]
pub fn arrange(
    map: &MindMap,
    arrangement: Arrangement,
    size_of: &dyn Fn(NodeId) -> NodeSize,
) -> Arranged {
    let mut tree = VisibleTree::new(map, size_of);
    tree.root_pos = tree.offsets.first().copied().unwrap_or_default();
    let (centres, sides) = match arrangement {
        Arrangement::Free => return Arranged::default(),
        Arrangement::Tree => tree::layout(&tree),
        Arrangement::Radial => (radial::layout(&tree), Vec::new()),
    };
    let parents = tree.parents();
    let mut nudge = vec![(0.0_f64, 0.0_f64); tree.len()];
    let mut positions = Vec::with_capacity(tree.len());
    for (index, &(x, y)) in centres.iter().enumerate() {
        if index > 0 {
            let (px, py) = nudge[parents[index]];
            let own = tree.offsets[index];
            nudge[index] = (px + f64::from(own.x), py + f64::from(own.y));
        }
        let (dx, dy) = nudge[index];
        positions.push((
            tree.ids[index],
            Pos::new((x + dx) as f32, (y + dy) as f32).rounded(),
        ));
    }
    // Nodes in a folded branch are drawn inside the folded node: that is where they are kept, so that the same
    // map always has the same positions, and where they come out of when the branch unfolds.
    for index in 0..tree.len() {
        let id = tree.ids[index];
        if tree.folded[index] && !map.children(id).is_empty() {
            let at = positions[index].1;
            for hidden in map.subtree(id).into_iter().skip(1) {
                positions.push((hidden, at));
            }
        }
    }
    let new_sides = tree
        .children(0)
        .zip(sides)
        .filter(|&(index, _)| tree.sides[index].is_none())
        .map(|(index, side)| (tree.ids[index], side))
        .collect();
    Arranged {
        positions,
        new_sides,
    }
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
