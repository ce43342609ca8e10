//! Pointer input on the canvas: the canvas is one widget, and which node the pointer is on comes from the
//! scene's spatial index, so a frame costs the same however many nodes are on screen. Nodes on screen are
//! given to the accessibility tree by hand, with their titles and boxes.

use std::collections::HashSet;

use egui::{Id, Modifiers, Rect, Vec2};

use super::{CanvasIntent, CanvasState, Drag, MAX_ACCESSIBLE_NODES, paint};
use crate::model::{NodeId, Pos, Workbook};
use crate::ui::selection::Selection;

/// The id under which a node is known to accessibility.
fn node_widget_id(id: NodeId) -> Id {
    Id::unique(("relmap-node", id))
}

impl CanvasState {
    /// Clicks, double-clicks and drags that start on a node. The canvas is one widget; which node the pointer
    /// is on comes from the scene's index, so a frame costs the same however many nodes are on screen.
    pub(super) fn pointer_on_nodes(
        &mut self,
        ui: &egui::Ui,
        background: &egui::Response,
        workbook: &Workbook,
        selection: &Selection,
        intents: &mut Vec<CanvasIntent>,
    ) {
        let Some(area) = self.area else { return };
        let modifiers = ui.input(|i| i.modifiers);
        if background.clicked_by(egui::PointerButton::Primary) || background.double_clicked() {
            let pos = background.interact_pointer_pos();
            match pos.and_then(|p| self.node_at(area, p)) {
                Some(node) if background.double_clicked() => {
                    intents.push(CanvasIntent::EditTitle(node));
                }
                Some(node) if modifiers.command || modifiers.shift => {
                    intents.push(CanvasIntent::Toggle(node));
                }
                Some(node) => intents.push(CanvasIntent::Select(node)),
                None if background.double_clicked() => {
                    if let Some(pos) = pos {
                        let pos_in_canvas = self.camera.screen_from_canvas(area).inverse() * pos;
                        intents.push(CanvasIntent::AddFreeNode(Pos::new(
                            pos_in_canvas.x,
                            pos_in_canvas.y,
                        )));
                    }
                }
                None => match pos.and_then(|p| self.link_at(p)) {
                    Some(link) => intents.push(CanvasIntent::SelectLink(link)),
                    None => intents.push(CanvasIntent::ClearSelection),
                },
            }
        }
        if background.drag_started_by(egui::PointerButton::Primary) {
            let origin = ui.input(|i| i.pointer.press_origin());
            if let Some(node) = origin.and_then(|p| self.node_at(area, p)) {
                self.start_node_drag(workbook, selection, node, modifiers, intents);
            } else if modifiers.shift
                && let Some(start) = origin
            {
                self.drag = Some(Drag::Band {
                    start,
                    add: modifiers.command,
                });
            }
        }
        if background.dragged() {
            match &mut self.drag {
                Some(Drag::Move { delta, .. }) => {
                    *delta += background.drag_delta() / self.camera.zoom;
                }
                None if background.dragged_by(egui::PointerButton::Primary) => {
                    self.camera.pan_by(background.drag_delta());
                }
                // A band or a link being drawn follows the pointer; a middle-button drag pans elsewhere.
                _ => {}
            }
        }
    }

    fn start_node_drag(
        &mut self,
        workbook: &Workbook,
        selection: &Selection,
        node: NodeId,
        modifiers: Modifiers,
        intents: &mut Vec<CanvasIntent>,
    ) {
        let map = &workbook.map;
        if modifiers.alt {
            self.drag = Some(Drag::Link { from: node });
            return;
        }
        let mut grabbed = selection.clone();
        if !grabbed.contains(node) {
            grabbed.set(node);
            intents.push(CanvasIntent::Select(node));
        }
        let tops: Vec<NodeId> = grabbed
            .tops(map)
            .into_iter()
            .filter(|&id| id != map.root())
            .collect();
        let tops = if tops.is_empty() { vec![node] } else { tops };
        let moving = tops.iter().flat_map(|&id| map.subtree(id)).collect();
        self.drag = Some(Drag::Move {
            tops,
            moving,
            delta: Vec2::ZERO,
        });
    }

    /// Gives each node on screen a place in the accessibility tree, with its title, its box and whether it is
    /// selected, so that screen readers (and tests) find nodes by name; and selects a node a screen reader
    /// clicks.
    pub(super) fn expose_nodes(
        &self,
        ui: &egui::Ui,
        place: &paint::Placement<'_>,
        clip: Rect,
        selected: &HashSet<NodeId>,
        intents: &mut Vec<CanvasIntent>,
    ) {
        let mut exposed = 0;
        for &i in &self.scratch.visible {
            let node = &self.scene.nodes[i as usize];
            let rect = place.rect(node).intersect(clip);
            if !rect.is_positive() {
                continue;
            }
            exposed += 1;
            if exposed > MAX_ACCESSIBLE_NODES {
                break;
            }
            let id = node_widget_id(node.id);
            let shown = ui.ctx().accesskit_node_builder(id, |builder| {
                builder.set_role(egui::accesskit::Role::Button);
                builder.set_label(paint::display_title(&node.text));
                builder.set_bounds(egui::accesskit::Rect {
                    x0: rect.min.x.into(),
                    y0: rect.min.y.into(),
                    x1: rect.max.x.into(),
                    y1: rect.max.y.into(),
                });
                builder.add_action(egui::accesskit::Action::Click);
                builder.set_toggled(if selected.contains(&node.id) {
                    egui::accesskit::Toggled::True
                } else {
                    egui::accesskit::Toggled::False
                });
            });
            // Without accessibility there is no tree to fill, and nothing more to do.
            if shown.is_none() {
                return;
            }
            if ui.input(|i| i.has_accesskit_action_request(id, egui::accesskit::Action::Click)) {
                intents.push(CanvasIntent::Select(node.id));
            }
        }
    }
}
