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
    /// Always empty: what [`FindBar::hits`] gives for a document the hits were not computed for.
    no_hits: HashSet<NodeId>,
    current: Option<usize>,
    /// The query and the document's version (`Document::version`: which document, and which state of it) the
    /// hits were computed for. A revision alone is not enough: every newly opened document starts at the same
    /// revision, and the old map's ids would then be taken for the new one's.
    searched: Option<(String, (u64, u64))>,
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

    /// The nodes that match in the document at `version`, for highlighting; empty while the bar is closed, and
    /// for a document (or a state of it) the bar has not searched yet.
    #[must_use]
    pub fn hits(&self, version: (u64, u64)) -> &HashSet<NodeId> {
        match &self.searched {
            Some((_, searched)) if *searched == version => &self.hit_set,
            _ => &self.no_hits,
        }
    }

    fn id() -> Id {
        Id::unique("relmap-find")
    }

    /// Shows the bar for the document at `version` (`Document::version`), and returns what the user asked for.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        version: (u64, u64),
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
                self.refresh(workbook, version);
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

    /// Searches again when the query, the document or its state changed.
    fn refresh(&mut self, workbook: &Workbook, version: (u64, u64)) {
        let key = (self.query.clone(), version);
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        // The place among the hits is kept while the same document changes, and starts again otherwise.
        let query_changed = self
            .searched
            .as_ref()
            .is_none_or(|(q, (instance, _))| *q != self.query || *instance != version.0);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::model::{NodeKind, Topic};

    /// A document whose map has a root and one child titled "Budget" with the given id.
    fn document_with_budget(id: u64) -> Document {
        let mut workbook = Workbook::new("You");
        let root = workbook.map.root();
        let topic = Topic::new(NodeId(id), "Budget", NodeKind::Topic);
        assert!(workbook.map.insert(root, 0, topic).is_ok());
        Document::new(workbook, None)
    }

    #[test]
    fn hits_of_one_map_are_never_shown_for_another_at_the_same_revision() {
        let first = document_with_budget(5);
        let second = document_with_budget(9);
        assert_eq!(first.revision(), second.revision());
        let mut bar = FindBar {
            open: true,
            query: "budget".to_owned(),
            ..FindBar::default()
        };
        bar.refresh(first.workbook(), first.version());
        assert_eq!(bar.hits, vec![NodeId(5)]);
        assert!(bar.hits(first.version()).contains(&NodeId(5)));

        // Another map opens: until the bar searches it, nothing of the old map is highlighted.
        assert!(bar.hits(second.version()).is_empty());
        bar.refresh(second.workbook(), second.version());
        assert_eq!(bar.hits, vec![NodeId(9)]);
        assert!(bar.hits(second.version()).contains(&NodeId(9)));
    }
}
