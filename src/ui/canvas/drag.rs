//! Dragging on the canvas: moving nodes, drawing cross-links and rubber bands, and what lies under the pointer.

use egui::{Pos2, Rect};

use super::{CanvasIntent, CanvasState, Drag};
use crate::layout;
use crate::model::{Arrangement, LinkId, NodeId, Pos, Side, Workbook};
use crate::ui::style;

impl CanvasState {
    /// Ends drags when the pointer is released, and draws the rubber band or the link being drawn.
    pub(super) fn finish_drags(
        &mut self,
        ui: &egui::Ui,
        workbook: &Workbook,
        drop_target: Option<NodeId>,
        painter: &egui::Painter,
        intents: &mut Vec<CanvasIntent>,
    ) {
        let released = ui.input(|i| !i.pointer.any_down());
        let latest_pos = ui.input(|i| i.pointer.latest_pos());
        match &self.drag {
            Some(Drag::Band { start, add }) => {
                let Some(end) = latest_pos else { return };
                let band = Rect::from_two_pos(*start, end);
                painter.rect_filled(band, 0.0, style::SELECTION.gamma_multiply(0.12));
                painter.rect_stroke(band, 0.0, (1.0, style::SELECTION), egui::StrokeKind::Inside);
                if released {
                    let nodes = match self.area {
                        Some(area) => {
                            let canvas_from_screen = self.camera.screen_from_canvas(area).inverse();
                            self.scene.nodes_in(canvas_from_screen.mul_rect(band))
                        }
                        None => Vec::new(),
                    };
                    intents.push(CanvasIntent::SelectMany { nodes, add: *add });
                    self.drag = None;
                }
            }
            Some(Drag::Link { from }) => {
                if let (Some(start), Some(end)) =
                    (self.screen_rect_of(*from).map(|r| r.center()), latest_pos)
                {
                    painter.extend(egui::Shape::dashed_line(
                        &[start, end],
                        (2.0, style::CROSS_LINK),
                        8.0,
                        5.0,
                    ));
                }
                if released {
                    if let Some(to) = drop_target.filter(|to| to != from) {
                        intents.push(CanvasIntent::Link { from: *from, to });
                    }
                    self.drag = None;
                }
            }
            Some(Drag::Move {
                tops,
                moving,
                delta,
            }) => {
                if !released {
                    if drop_target.is_none()
                        && let [top] = tops.as_slice()
                    {
                        self.paint_drop_slot(ui, workbook, *top, *delta, painter);
                    }
                    return;
                }
                // The nodes are drawn where they were let go, so that they glide on from there to where the
                // layout puts them, rather than jumping back to where the drag began.
                self.scene.move_drawn(moving, *delta);
                if let Some(target) = drop_target {
                    intents.push(CanvasIntent::Drop {
                        nodes: tops.clone(),
                        target,
                    });
                } else if delta.length() > 0.0 {
                    let mut ids: Vec<NodeId> = moving.iter().copied().collect();
                    ids.sort_unstable();
                    let moves = ids
                        .into_iter()
                        .filter_map(|id| workbook.map.topic(id))
                        .map(|t| (t.id, Pos::new(t.pos.x + delta.x, t.pos.y + delta.y)))
                        .collect();
                    let nudge = ui.input(|i| i.modifiers.shift);
                    intents.push(CanvasIntent::Move { moves, nudge });
                }
                self.drag = None;
            }
            None => {}
        }
    }

    /// Shows where a branch dragged in the tree arrangement will go among its siblings when let go here: a bar
    /// in the gap between the two siblings it will stand between, or after the last. Nothing shows while Shift
    /// is held (the branch is then nudged to where it is let go) or in the other arrangements.
    fn paint_drop_slot(
        &self,
        ui: &egui::Ui,
        workbook: &Workbook,
        top: NodeId,
        delta: egui::Vec2,
        painter: &egui::Painter,
    ) {
        let map = &workbook.map;
        if workbook.arrangement != Arrangement::Tree || ui.input(|i| i.modifiers.shift) {
            return;
        }
        let (Some(area), Some(topic), Some(parent)) = (self.area, map.topic(top), map.parent(top))
        else {
            return;
        };
        let to = Pos::new(topic.pos.x + delta.x, topic.pos.y + delta.y);
        let Some(slot) = layout::drop_slot(map, top, to) else {
            return;
        };
        // The siblings it will stand among, in order, on its side of the centre, with their places in the list.
        let before: Vec<(usize, Rect)> = map
            .children(parent)
            .iter()
            .filter(|&&c| c != top)
            .enumerate()
            .filter(|&(_, &c)| {
                slot.side.is_none() || map.topic(c).and_then(|t| t.side) == slot.side
            })
            .filter_map(|(index, &c)| Some((index, self.scene.rect_of(c)?)))
            .collect();
        let above = before
            .iter()
            .rev()
            .find(|(index, _)| *index < slot.index)
            .map(|&(_, r)| r);
        let below = before
            .iter()
            .find(|(index, _)| *index >= slot.index)
            .map(|&(_, r)| r);
        let left_side = slot.side == Some(Side::Left)
            || (slot.side.is_none() && topic.side == Some(Side::Left));
        let (y, x0, x1) = match (above, below) {
            (Some(a), Some(b)) => (
                f32::midpoint(a.bottom(), b.top()),
                a.left().min(b.left()),
                a.right().max(b.right()),
            ),
            (Some(a), None) => (a.bottom() + DROP_GAP, a.left(), a.right()),
            (None, Some(b)) => (b.top() - DROP_GAP, b.left(), b.right()),
            (None, None) => {
                // No sibling on that side: beside the parent, where the layout will put it.
                let Some(p) = self.scene.rect_of(parent) else {
                    return;
                };
                let width = topic_width(self.scene.rect_of(top));
                if left_side {
                    (
                        p.center().y,
                        p.left() - DROP_GAP * 4.0 - width,
                        p.left() - DROP_GAP * 4.0,
                    )
                } else {
                    (
                        p.center().y,
                        p.right() + DROP_GAP * 4.0,
                        p.right() + DROP_GAP * 4.0 + width,
                    )
                }
            }
        };
        let to_screen = self.camera.screen_from_canvas(area);
        let start = to_screen * Pos2::new(x0, y);
        let end = to_screen * Pos2::new(x1, y);
        // Over the dragged branch, which is drawn where the pointer holds it, often right on the gap.
        let painter = painter.clone().with_layer_id(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("relmap-drop-slot"),
        ));
        painter.line_segment([start, end], (3.0, style::SELECTION));
        painter.circle_filled(start, 4.0, style::SELECTION);
    }

    /// The cross-link whose line passes within a few points of `pos`, the nearest first.
    pub(super) fn link_at(&self, pos: Pos2) -> Option<LinkId> {
        const REACH: f32 = 6.0;
        self.links_drawn
            .iter()
            .filter_map(|(id, points)| {
                let distance = points
                    .windows(2)
                    .map(|pair| distance_to_segment(pos, pair[0], pair[1]))
                    .fold(f32::INFINITY, f32::min);
                (distance <= REACH).then_some((distance, *id))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id)
    }

    /// The node under the pointer that a drag would drop onto (never one of the dragged nodes).
    pub(super) fn drop_target(&self, pointer: Option<Pos2>) -> Option<NodeId> {
        let pointer = pointer?;
        let excluded = match &self.drag {
            Some(Drag::Move { moving, .. }) => Some(moving),
            Some(Drag::Link { .. }) => None,
            _ => return None,
        };
        let area = self.area?;
        let pos_in_canvas = self.camera.screen_from_canvas(area).inverse() * pointer;
        self.scene.node_at_where(pos_in_canvas, |id| {
            excluded.is_none_or(|m| !m.contains(&id))
        })
    }
}

/// The distance from `p` to the segment from `a` to `b`.
fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let length_sq = ab.length_sq();
    if length_sq <= f32::EPSILON {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / length_sq).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}

/// The room between a drop bar and the sibling next to it, in canvas units.
const DROP_GAP: f32 = 6.0;

/// The width of the dragged node's box, or a usual width when it is not drawn.
fn topic_width(rect: Option<Rect>) -> f32 {
    rect.map_or(120.0, |r| r.width())
}
