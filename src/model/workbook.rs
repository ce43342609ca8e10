//! Everything one file holds: the map and the plan.

use super::{Arrangement, MindMap, NodeId, NodeKind, Plan, Topic};

/// The map and the plan together.
#[derive(Clone, Debug)]
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
