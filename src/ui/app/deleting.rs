//! Deleting the selection: the branches under it go, what is left nearby is selected, and a delete that takes
//! relationship data or more than a few nodes says what went, with an offer to undo it.

use super::RelmapApp;
use crate::model::{MindMap, NodeId};
use crate::ui::actions;

impl RelmapApp {
    /// Deletes the selected nodes with everything under them. The root stays: with everything selected
    /// (Ctrl+A), the rest of the map goes.
    pub(super) fn delete_selection(&mut self) {
        let map = &self.doc.workbook().map;
        let tops = self.selection.removable_tops(map);
        if tops.is_empty() && !self.selection.contains(map.root()) {
            return;
        }
        // After deleting, select what is left nearby: the parent of the first deleted node.
        let next = tops
            .iter()
            .find_map(|&id| map.parent(id))
            .unwrap_or(map.root());
        let said = deletion_notice(map, &tops);
        match actions::delete(map, &tops) {
            Ok(command) => {
                let before = self.doc.undo_depth();
                self.apply(command);
                if self.doc.undo_depth() > before {
                    self.deleted.record(self.doc.version(), tops);
                    if let Some(text) = said {
                        self.notices.undoable(text, self.doc.version());
                    }
                }
                self.selection.set(next);
            }
            Err(message) => self.notices.info(message),
        }
    }
}

/// What to tell the user about deleting the branches under `tops`, when it is more than a slip of the finger
/// would be easy to notice: a branch with relationship data, or more than a few nodes.
fn deletion_notice(map: &MindMap, tops: &[NodeId]) -> Option<String> {
    /// Up to this many plain nodes go without a notice.
    const FEW: usize = 3;
    let nodes: Vec<NodeId> = tops.iter().flat_map(|&top| map.subtree(top)).collect();
    let holds_profile = nodes
        .iter()
        .any(|&id| map.topic(id).is_some_and(|t| !t.profile.is_empty()));
    if nodes.len() <= FEW && !holds_profile {
        return None;
    }
    let title = |id: NodeId| {
        map.topic(id)
            .map(|t| t.title.replace('\n', " "))
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| "(untitled)".to_owned())
    };
    let under = nodes.len() - tops.len();
    let what = match tops {
        [top] => format!("\u{201c}{}\u{201d}", title(*top)),
        _ => format!("{} branches", tops.len()),
    };
    let rest = match under {
        0 => String::new(),
        1 => " and the node under it".to_owned(),
        n => format!(" and the {n} nodes under it"),
    };
    let rest = if tops.len() > 1 {
        rest.replace("under it", "under them")
    } else {
        rest
    };
    Some(format!(
        "Deleted {what}{rest}. Undo (Ctrl+Z) brings it all back."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Frequency, NodeKind, Topic};

    /// A root with `branches` children, the first of which has `under` children of its own.
    fn map(branches: u64, under: u64) -> MindMap {
        let mut map = MindMap::new(Topic::new(NodeId(1), "You", NodeKind::Center));
        for b in 0..branches {
            let id = NodeId(10 + b);
            let title = format!("Branch {b}");
            map.insert(
                NodeId(1),
                b as usize,
                Topic::new(id, title, NodeKind::Constituency),
            )
            .unwrap();
        }
        for u in 0..under {
            let topic = Topic::new(NodeId(100 + u), "Person", NodeKind::Person);
            map.insert(NodeId(10), u as usize, topic).unwrap();
        }
        map
    }

    #[test]
    fn a_few_plain_nodes_go_without_a_notice() {
        let map = map(3, 2);
        assert_eq!(deletion_notice(&map, &[NodeId(10)]), None);
        assert_eq!(deletion_notice(&map, &[NodeId(11)]), None);
    }

    #[test]
    fn a_branch_of_more_than_a_few_nodes_is_named_with_the_number_under_it() {
        let map = map(3, 5);
        assert_eq!(
            deletion_notice(&map, &[NodeId(10)]).unwrap(),
            "Deleted \u{201c}Branch 0\u{201d} and the 5 nodes under it. Undo (Ctrl+Z) brings it all back."
        );
        assert_eq!(
            deletion_notice(&map, &[NodeId(10), NodeId(11)]).unwrap(),
            "Deleted 2 branches and the 5 nodes under them. Undo (Ctrl+Z) brings it all back."
        );
    }

    #[test]
    fn a_single_node_with_relationship_data_gets_a_notice() {
        let mut map = map(3, 0);
        map.topic_mut(NodeId(11)).unwrap().profile.frequency = Frequency::Monthly;
        assert_eq!(
            deletion_notice(&map, &[NodeId(11)]).unwrap(),
            "Deleted \u{201c}Branch 1\u{201d}. Undo (Ctrl+Z) brings it all back."
        );
    }
}
