//! Copy, cut and paste of subtrees through the system clipboard. The text carries a readable outline for other
//! programs and the full relmap data for another relmap window; plain indented text pastes as a subtree.

use super::RelmapApp;
use crate::document::{Document, EditCommand};
use crate::interchange::{self, IdSource};
use crate::layout;
use crate::model::{LinkId, NodeId};
use crate::ui::canvas::CanvasState;

/// What the clipboard events of a frame asked for.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ClipboardRequest {
    /// Copy the selection.
    Copy,
    /// Copy the selection, then delete it.
    Cut,
    /// Paste this text under the primary selection.
    Paste(String),
}

/// Takes the clipboard events out of this frame's input. egui turns Ctrl+C, Ctrl+X and Ctrl+V into these
/// events (with the clipboard's text for a paste).
pub(super) fn take_requests(ctx: &egui::Context) -> Vec<ClipboardRequest> {
    ctx.input_mut(|input| {
        let mut requests = Vec::new();
        input.events.retain(|event| match event {
            egui::Event::Copy => {
                requests.push(ClipboardRequest::Copy);
                false
            }
            egui::Event::Cut => {
                requests.push(ClipboardRequest::Cut);
                false
            }
            egui::Event::Paste(text) => {
                requests.push(ClipboardRequest::Paste(text.clone()));
                false
            }
            _ => true,
        });
        requests
    })
}

/// Fresh ids for pasted nodes and links, taken from the open document.
struct DocumentIds<'a>(&'a mut Document);

impl IdSource for DocumentIds<'_> {
    fn node_id(&mut self) -> NodeId {
        self.0.allocate_node_id()
    }

    fn link_id(&mut self) -> LinkId {
        self.0.allocate_link_id()
    }
}

impl RelmapApp {
    /// Acts on one clipboard request.
    pub(super) fn clipboard(&mut self, request: ClipboardRequest, ctx: &egui::Context) {
        match request {
            ClipboardRequest::Copy | ClipboardRequest::Cut => {
                let map = &self.doc.workbook().map;
                let tops = self.selection.tops(map);
                if tops.is_empty() {
                    return;
                }
                let fragment = interchange::copy(map, &tops);
                ctx.copy_text(interchange::to_clipboard_text(&fragment));
                if request == ClipboardRequest::Cut {
                    self.run_map_command(crate::ui::AppCommand::Delete, ctx);
                }
            }
            ClipboardRequest::Paste(text) => self.paste(&text, ctx),
        }
    }

    fn paste(&mut self, text: &str, ctx: &egui::Context) {
        let fragment = match interchange::from_clipboard_text(text) {
            Ok(fragment) => fragment,
            Err(error) => {
                self.notices.info(format!("Nothing to paste: {error}"));
                return;
            }
        };
        let map = &self.doc.workbook().map;
        let target = self
            .selection
            .primary()
            .filter(|&id| map.contains(id))
            .unwrap_or(map.root());
        // A map deeper than relmap opens could be saved but never opened again.
        let levels = map.depth(target) + 1 + fragment.levels();
        if levels > crate::model::MAX_LEVELS {
            self.notices.info(format!(
                "Nothing was pasted: the map would be {levels} levels deep, and relmap opens maps of at most {} \
                 levels.",
                crate::model::MAX_LEVELS
            ));
            return;
        }
        let first_index = map.children(target).len();
        let origin = layout::place_new_child(map, target, &|id| {
            CanvasState::node_size(ctx, self.doc.workbook(), id)
        });
        let pasted = interchange::instantiate(&fragment, origin, &mut DocumentIds(&mut self.doc));
        let tops = pasted.root_ids();
        let links = pasted.links.clone();
        let mut commands: Vec<EditCommand> = Vec::new();
        if self
            .doc
            .workbook()
            .map
            .topic(target)
            .is_some_and(|t| t.folded)
        {
            commands.push(EditCommand::SetFolded {
                id: target,
                folded: false,
            });
        }
        for (parent, index, topic) in pasted.placed_under(target, first_index) {
            commands.push(EditCommand::AddNode {
                parent,
                index,
                topic: Box::new(topic),
            });
        }
        commands.extend(links.into_iter().map(EditCommand::AddLink));
        self.apply(EditCommand::Batch(commands));
        if tops.iter().all(|&id| self.doc.workbook().map.contains(id)) {
            if let Some(&first) = tops.first() {
                self.canvas.reveal(self.doc.workbook(), first);
            }
            self.selection.extend(tops, false);
        }
    }
}
