//! Choosing a node of the map from a list that a typed filter narrows, for linking an action item to it.

use egui::{Id, PopupCloseBehavior};

use crate::model::{MindMap, NodeId};

/// At most this many titles are listed at once: a large map is narrowed by typing, not by scrolling.
const MAX_LISTED: usize = 200;

/// What the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Choice {
    /// Link this node.
    Node(NodeId),
    /// Link no node.
    Clear,
}

/// The nodes whose titles contain `filter` (ignoring case), sorted by title and then by id, so two nodes with
/// the same title keep a stable order. Each comes with the text the list shows: its title, and the constituency
/// it belongs to, which tells apart nodes with the same title.
pub(super) fn matching_nodes(map: &MindMap, filter: &str) -> Vec<(String, NodeId)> {
    let filter = filter.trim().to_lowercase();
    let shown = |title: &str, id: NodeId| {
        let title = if title.trim().is_empty() {
            "(untitled)"
        } else {
            title
        };
        match map
            .branch_of(id)
            .filter(|b| *b != id)
            .and_then(|b| map.topic(b))
        {
            Some(branch) => format!("{title} · {}", branch.title),
            None => title.to_owned(),
        }
    };
    let mut nodes: Vec<(String, NodeId)> = map
        .topics()
        .filter(|t| filter.is_empty() || t.title.to_lowercase().contains(&filter))
        .map(|t| (shown(&t.title, t.id), t.id))
        .collect();
    nodes.sort_by(|a, b| {
        a.0.to_lowercase()
            .cmp(&b.0.to_lowercase())
            .then(a.1.cmp(&b.1))
    });
    nodes
}

/// A drop-down button named `name` that lists the nodes of `map` under a filter field. `filter` is the text
/// typed into the filter; only one drop-down is open at a time, so the panel keeps one for all of them.
pub(super) fn node_picker(
    ui: &mut egui::Ui,
    map: &MindMap,
    id: Id,
    name: &str,
    current: Option<NodeId>,
    filter: &mut String,
) -> Option<Choice> {
    let mut choice = None;
    // Typing in the filter must not close the list, so it closes only on a click outside or on a choice.
    let response = egui::ComboBox::from_id_salt(id)
        .selected_text("")
        .width(24.0)
        .height(260.0)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            ui.set_min_width(240.0);
            let label = ui.label("Filter nodes");
            let field = ui.add(
                egui::TextEdit::singleline(filter)
                    .hint_text("type part of a title")
                    .desired_width(f32::INFINITY),
            );
            field.labelled_by(label.id);
            if ui.selectable_label(current.is_none(), "None").clicked() {
                choice = Some(Choice::Clear);
            }
            let nodes = matching_nodes(map, filter);
            for (title, node) in nodes.iter().take(MAX_LISTED) {
                let shown = if title.trim().is_empty() {
                    "(untitled)"
                } else {
                    title.as_str()
                };
                if ui.selectable_label(current == Some(*node), shown).clicked() {
                    choice = Some(Choice::Node(*node));
                }
            }
            if nodes.len() > MAX_LISTED {
                ui.weak(format!(
                    "{} more: type to narrow the list.",
                    nodes.len() - MAX_LISTED
                ));
            }
            if choice.is_some() {
                ui.close();
            }
        })
        .response;
    response
        .on_hover_text("Choose the node of the map this step concerns")
        .accessible_name(name);
    if choice.is_some() {
        filter.clear();
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Topic};

    #[test]
    fn the_list_is_filtered_ignoring_case_sorted_and_names_each_constituency() {
        let mut map = MindMap::new(Topic::new(NodeId(1), "Me", NodeKind::default()));
        let staff = Topic::new(NodeId(2), "Staff", NodeKind::default());
        map.insert(NodeId(1), 0, staff).unwrap();
        for (id, title) in [(3, "budget"), (4, "Board"), (5, "Branch staff")] {
            let topic = Topic::new(NodeId(id), title, NodeKind::default());
            map.insert(NodeId(2), 0, topic).unwrap();
        }
        let all: Vec<String> = matching_nodes(&map, "").into_iter().map(|n| n.0).collect();
        assert_eq!(
            all,
            [
                "Board · Staff",
                "Branch staff · Staff",
                "budget · Staff",
                "Me",
                "Staff"
            ]
        );
        let staff: Vec<NodeId> = matching_nodes(&map, " STAFF ")
            .into_iter()
            .map(|n| n.1)
            .collect();
        assert_eq!(staff, [NodeId(5), NodeId(2)]);
    }
}
