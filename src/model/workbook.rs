//! Everything one file holds: the map and the plan.

use super::{Arrangement, MindMap, NodeId, NodeKind, Plan, Topic};

/// The map and the plan together. Workbooks compare exactly: node positions as they are in memory, not as a
/// file rounds them.
#[derive(Clone, Debug, PartialEq)]
pub struct Workbook {
    /// The map.
    pub map: MindMap,
    /// Goals, reflection, checklist and action plan.
    pub plan: Plan,
    /// How the map is arranged on the canvas.
    pub arrangement: Arrangement,
}

impl Default for Workbook {
    fn default() -> Workbook {
        Workbook::new("You")
    }
}

impl Workbook {
    /// A workbook with only a central node and the default plan.
    #[must_use]
    pub fn new(root_title: &str) -> Workbook {
        Workbook {
            map: MindMap::new(Topic::new(NodeId(1), root_title, NodeKind::Center)),
            plan: Plan::default(),
            arrangement: Arrangement::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CrossLink, LinkId, Pos};

    #[test]
    fn workbooks_compare_every_node_exactly_and_not_the_counters_for_new_ids() {
        let mut a = Workbook::default();
        let root = a.map.root();
        let child = a.map.allocate_node_id();
        a.map
            .insert(root, 0, Topic::new(child, "Staff", NodeKind::Constituency))
            .unwrap();
        let b = a.clone();
        assert_eq!(a, b);

        // Positions that a file rounds to the same text still differ.
        let mut moved = a.clone();
        moved.map.topic_mut(child).unwrap().pos = Pos::new(0.001, 0.0);
        assert_ne!(moved, a);

        let mut renamed = a.clone();
        renamed.map.topic_mut(child).unwrap().title = "Team".to_owned();
        assert_ne!(renamed, a);

        let mut linked = a.clone();
        let link = linked.map.allocate_link_id();
        linked
            .map
            .add_link(CrossLink {
                id: link,
                from: root,
                to: child,
                label: String::new(),
            })
            .unwrap();
        assert_ne!(linked, a);
        assert_eq!(link, LinkId(1));

        // An id handed out but not used changes nothing the map holds.
        let mut counted = a.clone();
        let _ = counted.map.allocate_node_id();
        assert_eq!(counted, a);
    }
}
