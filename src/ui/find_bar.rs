//! The find bar (Ctrl+F): searches titles, notes, strategies and people, highlights every hit on the canvas,
//! and steps through them with Enter and Shift+Enter.

use std::collections::HashSet;

use egui::{Event, Id, Key, RichText, TextEdit};

use crate::model::{NodeId, Workbook, find};

/// What the find bar asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindRequest {
    /// Show this hit: select it and centre the view on it.
    Show(NodeId),
    /// The bar was closed.
    Close,
}

/// The find bar's state. View state only.
#[derive(Debug, Default)]
pub struct FindBar {
    open: bool,
    query: String,
    hits: Vec<NodeId>,
    hit_set: HashSet<NodeId>,
    current: Option<usize>,
    /// The query and document revision the hits were computed for.
    searched: Option<(String, u64)>,
    focus_pending: bool,
}

impl FindBar {
    /// Opens the bar and gives it the keyboard.
    pub fn open(&mut self) {
        self.open = true;
        self.focus_pending = true;
    }

    /// Whether the bar is shown.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The nodes that match, for highlighting; empty while the bar is closed.
    #[must_use]
    pub fn hits(&self) -> &HashSet<NodeId> {
        &self.hit_set
    }

    fn id() -> Id {
        Id::unique("relmap-find")
    }

    /// Shows the bar, and returns what the user asked for.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        revision: u64,
    ) -> Option<FindRequest> {
        if !self.open {
            return None;
        }
        let mut request = None;
        let has_focus = ui.memory(|m| m.has_focus(Self::id()));
        let (mut step, mut close) = (None, false);
        if has_focus {
            ui.input_mut(|input| {
                input.events.retain(|event| match event {
                    Event::Key {
                        key: Key::Enter,
                        pressed: true,
                        modifiers,
                        ..
                    } => {
                        step = Some(if modifiers.shift { -1 } else { 1 });
                        false
                    }
                    Event::Key {
                        key: Key::Escape,
                        pressed: true,
                        ..
                    } => {
                        close = true;
                        false
                    }
                    _ => true,
                });
            });
        }
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Find:");
                let edit = ui
                    .add(
                        TextEdit::singleline(&mut self.query)
                            .id(Self::id())
                            .event_filter(egui::EventFilter {
                                escape: true,
                                ..egui::EventFilter::default()
                            })
                            .desired_width(220.0)
                            .hint_text("title, note, strategy, person…"),
                    )
                    .labelled_by(label.id);
                if self.focus_pending {
                    self.focus_pending = false;
                    edit.request_focus();
                }
                self.refresh(workbook, revision);
                let summary = match (self.hits.len(), self.current) {
                    (0, _) if self.query.trim().is_empty() => String::new(),
                    (0, _) => "No matches".to_owned(),
                    (n, Some(i)) => format!("{} of {n}", i + 1),
                    (n, None) => format!("{n} found"),
                };
                ui.label(RichText::new(summary).weak());
                if ui
                    .button("Previous")
                    .on_hover_text("Show the previous match (Shift+Enter)")
                    .clicked()
                {
                    step = Some(-1);
                }
                if ui
                    .button("Next")
                    .on_hover_text("Show the next match (Enter)")
                    .clicked()
                {
                    step = Some(1);
                }
                if ui
                    .button("Close")
                    .on_hover_text("Close the find bar (Esc)")
                    .clicked()
                {
                    close = true;
                }
            });
        });
        if close {
            self.open = false;
            self.hit_set.clear();
            self.current = None;
            return Some(FindRequest::Close);
        }
        if let Some(step) = step.filter(|_| !self.hits.is_empty()) {
            let count = self.hits.len() as isize;
            let next = match self.current {
                Some(i) => (i as isize + step).rem_euclid(count),
                None if step > 0 => 0,
                None => count - 1,
            } as usize;
            self.current = Some(next);
            request = Some(FindRequest::Show(self.hits[next]));
        }
        request
    }

    /// Searches again when the query or the map changed.
    fn refresh(&mut self, workbook: &Workbook, revision: u64) {
        let key = (self.query.clone(), revision);
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        let query_changed = self.searched.as_ref().is_none_or(|(q, _)| *q != self.query);
        self.hits = find(&workbook.map, &self.query);
        self.hit_set = self.hits.iter().copied().collect();
        if query_changed {
            self.current = None;
        } else if let Some(i) = self.current {
            self.current = (i < self.hits.len()).then_some(i);
        }
        self.searched = Some(key);
    }
}
