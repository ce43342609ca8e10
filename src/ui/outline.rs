//! The outline: the same map as an indented list, one row per visible node. Rows are labelled widgets, so the
//! outline works from the keyboard and with screen readers; selecting a row selects the node on the canvas.

use std::collections::HashSet;

use egui::{Id, RichText, Sense};

use crate::model::{NodeId, Workbook};

use super::selection::Selection;

/// What the user did in the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutlineIntent {
    /// Select this node only.
    Select(NodeId),
    /// Add this node to the selection or take it out.
    Toggle(NodeId),
    /// Fold or unfold this node.
    ToggleFold(NodeId),
    /// Start renaming this node.
    Rename(NodeId),
}

/// The outline's view state.
#[derive(Debug, Default)]
pub struct OutlineState {
    /// The ids of the rows drawn last frame, so the app knows when a row has the keyboard.
    row_ids: HashSet<Id>,
    /// Scroll the primary selection into view at the next frame.
    reveal_pending: bool,
    /// The selection last frame, to notice changes made elsewhere.
    last_primary: Option<NodeId>,
    /// Give the keyboard to the selected row (or the first, with nothing selected) at the next frame.
    take_keyboard: bool,
}

/// A salt that keeps a row's widget id the same while rows above it come and go.
fn row_id(node: NodeId) -> (&'static str, NodeId) {
    ("relmap-outline-row", node)
}

impl OutlineState {
    /// Whether a row of the outline has the keyboard.
    #[must_use]
    pub fn has_keyboard(&self, focused: Option<Id>) -> bool {
        focused.is_some_and(|id| self.row_ids.contains(&id))
    }

    /// Gives the keyboard to the selected row at the next frame, or to the first row when nothing is selected.
    pub fn take_keyboard(&mut self) {
        self.take_keyboard = true;
        self.reveal_pending = true;
    }

    /// Shows the outline.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        selection: &Selection,
    ) -> Vec<OutlineIntent> {
        let map = &workbook.map;
        let mut intents = Vec::new();
        // Only visible rows are laid out, so a map of any size scrolls smoothly.
        let rows: Vec<(NodeId, usize)> = {
            let mut rows = Vec::with_capacity(map.len());
            let mut stack = vec![(map.root(), 0_usize)];
            while let Some((id, depth)) = stack.pop() {
                rows.push((id, depth));
                if map.topic(id).is_some_and(|t| !t.folded) {
                    stack.extend(map.children(id).iter().rev().map(|&c| (c, depth + 1)));
                }
            }
            rows
        };
        let primary = selection.primary();
        if primary != self.last_primary {
            self.last_primary = primary;
            self.reveal_pending = true;
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let target_row = primary.and_then(|p| rows.iter().position(|(id, _)| *id == p));
        let mut scroll = egui::ScrollArea::both()
            .auto_shrink([false, false])
            .id_salt("relmap-outline");
        if self.reveal_pending
            && let Some(index) = target_row
        {
            self.reveal_pending = false;
            let spacing = ui.spacing().item_spacing.y;
            let offset = (index as f32 * (row_height + spacing) - 100.0).max(0.0);
            let visible = ui.available_height();
            let current = ui
                .ctx()
                .data(|d| d.get_temp::<f32>(Id::unique("relmap-outline-offset")))
                .unwrap_or(0.0);
            if offset < current || offset > current + visible - 200.0 {
                scroll = scroll.vertical_scroll_offset(offset);
            }
        }
        let had_keyboard = self.has_keyboard(ui.memory(egui::Memory::focused));
        let take_keyboard = std::mem::take(&mut self.take_keyboard);
        let first = rows.first().map(|&(id, _)| id);
        self.row_ids.clear();
        let output = scroll.show_rows(ui, row_height, rows.len(), |ui, range| {
            for &(id, depth) in &rows[range] {
                let Some(topic) = map.topic(id) else { continue };
                ui.horizontal(|ui| {
                    ui.add_space(depth as f32 * 16.0);
                    let has_children = !map.children(id).is_empty();
                    if has_children {
                        let arrow = if topic.folded { "⏵" } else { "⏷" };
                        let label = if topic.folded { "Unfold" } else { "Fold" };
                        let button = ui.add(egui::Button::new(arrow).frame(false).small());
                        button.widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::Button,
                                true,
                                format!("{label} {}", topic.title),
                            )
                        });
                        if button.clicked() {
                            intents.push(OutlineIntent::ToggleFold(id));
                        }
                    } else {
                        ui.add_space(18.0);
                    }
                    let title = if topic.title.trim().is_empty() {
                        "(untitled)"
                    } else {
                        topic.title.as_str()
                    };
                    let mut text = RichText::new(title.replace('\n', " "));
                    if id == map.root() || map.parent(id) == Some(map.root()) {
                        text = text.strong();
                    }
                    let selected = selection.contains(id);
                    let response = ui
                        .push_id(row_id(id), |ui| {
                            ui.add(egui::Button::selectable(selected, text).sense(Sense::click()))
                        })
                        .inner
                        .on_hover_text("Click to select, double-click to rename");
                    self.row_ids.insert(response.id);
                    if response.double_clicked() {
                        intents.push(OutlineIntent::Rename(id));
                    } else if response.clicked() {
                        // The row takes the keyboard, so the arrows go on from it through the outline.
                        response.request_focus();
                        let modifiers = ui.input(|i| i.modifiers);
                        intents.push(if modifiers.command || modifiers.shift {
                            OutlineIntent::Toggle(id)
                        } else {
                            OutlineIntent::Select(id)
                        });
                    }
                    let keyboard_row = if primary.is_some() {
                        selected && Some(id) == primary
                    } else {
                        Some(id) == first
                    };
                    // Keep the keyboard on the selected row while the outline has it, so arrows keep working;
                    // F6 gives it to that row.
                    if keyboard_row && !response.has_focus() && (had_keyboard || take_keyboard) {
                        response.request_focus();
                    }
                    ui.memory_mut(|m| {
                        m.set_focus_lock_filter(
                            response.id,
                            egui::EventFilter {
                                tab: true,
                                horizontal_arrows: true,
                                vertical_arrows: true,
                                escape: true,
                            },
                        );
                    });
                });
            }
        });
        ui.ctx().data_mut(|d| {
            d.insert_temp(
                Id::unique("relmap-outline-offset"),
                output.state.clamped_offset().y,
            )
        });
        intents
    }
}
