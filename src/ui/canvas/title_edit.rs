//! Typing a title on the canvas: a text field over the node. Enter confirms, Shift+Enter starts a new line,
//! Escape cancels, and clicking elsewhere confirms.

use egui::{Event, Id, Key, Rect, TextEdit, Vec2};

use crate::model::NodeId;

use super::{CanvasIntent, is_line_break};
use crate::ui::style;

/// A title being typed.
#[derive(Clone, Debug)]
pub struct TitleEdit {
    node: NodeId,
    text: String,
    is_new: bool,
    /// The text field has not been shown yet: it takes the keyboard and selects its text then.
    first_frame: bool,
    /// Whether the field starts with its whole text selected (F2, a new node), or with the cursor at the end
    /// (typing over the title on the map, which already replaced it).
    select_all: bool,
}

impl TitleEdit {
    /// Starts typing over `text`.
    #[must_use]
    pub fn new(node: NodeId, text: String, is_new: bool) -> TitleEdit {
        TitleEdit {
            node,
            text,
            is_new,
            first_frame: true,
            select_all: true,
        }
    }

    /// Starts typing a new title for `node` that begins with `typed`, as when a key is typed on a selected
    /// node: the old title is replaced, as in other mind-map editors, and Escape brings it back.
    #[must_use]
    pub fn replacing(node: NodeId, typed: String) -> TitleEdit {
        TitleEdit {
            select_all: false,
            ..TitleEdit::new(node, typed, false)
        }
    }

    /// The node whose title is typed.
    #[must_use]
    pub fn node(&self) -> NodeId {
        self.node
    }

    fn id() -> Id {
        Id::unique("relmap-title-edit")
    }

    /// Shows the text field over `node_rect` (on screen). Returns the outcome once typing ends.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        node_rect: Option<Rect>,
        zoom: f32,
    ) -> Option<CanvasIntent> {
        let Some(node_rect) = node_rect else {
            // The node scrolled out of the map (undone, or removed): nothing to type into any more.
            return Some(CanvasIntent::CancelTitle {
                id: self.node,
                is_new: self.is_new,
            });
        };
        let has_focus = ui.memory(|m| m.has_focus(Self::id()));
        // Enter and Escape are taken before the text field sees them; Shift+Enter is left for a new line.
        let (confirm, cancel) = if has_focus {
            ui.input_mut(|input| {
                let mut confirm = false;
                let mut cancel = false;
                input.events.retain(|event| match event {
                    Event::Key {
                        key: Key::Enter,
                        pressed: true,
                        modifiers,
                        ..
                    } if !is_line_break(*modifiers) => {
                        confirm = true;
                        false
                    }
                    Event::Key {
                        key: Key::Escape,
                        pressed: true,
                        ..
                    } => {
                        cancel = true;
                        false
                    }
                    _ => true,
                });
                (confirm, cancel)
            })
        } else {
            (false, false)
        };
        if cancel {
            return Some(CanvasIntent::CancelTitle {
                id: self.node,
                is_new: self.is_new,
            });
        }
        if confirm {
            return Some(self.commit());
        }

        let font = egui::FontId::proportional((style::TITLE_SIZE * zoom).clamp(10.0, 40.0));
        let width = node_rect.width().max(160.0);
        let rect = Rect::from_center_size(
            node_rect.center(),
            Vec2::new(width + 16.0, node_rect.height().max(28.0) + 8.0),
        );
        let label_rect = Rect::from_min_size(
            rect.min - Vec2::new(0.0, 18.0),
            Vec2::new(rect.width(), 16.0),
        );
        let label = ui.put(
            label_rect,
            egui::Label::new(egui::RichText::new("Title").small().weak()),
        );
        let response = ui
            .put(
                rect,
                TextEdit::multiline(&mut self.text)
                    .id(Self::id())
                    // Escape must reach this code rather than just take the keyboard away from the field.
                    .event_filter(egui::EventFilter {
                        tab: false,
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        escape: true,
                    })
                    .font(font)
                    .desired_rows(1)
                    .align(egui::Align2::CENTER_CENTER)
                    .hint_text("Type a title"),
            )
            .labelled_by(label.id);
        if self.first_frame {
            self.first_frame = false;
            response.request_focus();
            if let Some(mut state) = TextEdit::load_state(ui.ctx(), Self::id()) {
                let end = egui::text::CCursor::new(self.text.chars().count());
                let start = if self.select_all {
                    egui::text::CCursor::new(0)
                } else {
                    end
                };
                state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::two(start, end)));
                state.store(ui.ctx(), Self::id());
            }
            return None;
        }
        // A press anywhere else confirms the title, as leaving the field does (relmap keeps the keyboard in a
        // field when the pointer presses elsewhere, so the field cannot count on losing it).
        let pressed_elsewhere = ui.input(|i| {
            i.pointer.any_pressed()
                && i.pointer
                    .interact_pos()
                    .is_some_and(|pos| !rect.contains(pos))
        });
        if pressed_elsewhere || response.lost_focus() || (!has_focus && !response.has_focus()) {
            return Some(self.commit());
        }
        None
    }

    /// What confirming the title as typed so far does.
    pub(super) fn commit(&self) -> CanvasIntent {
        CanvasIntent::CommitTitle {
            id: self.node,
            text: self.text.trim().to_owned(),
            is_new: self.is_new,
        }
    }
}
