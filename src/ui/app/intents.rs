//! What the panels and the canvas ask for while a frame is drawn. They all draw from the same `&Workbook`;
//! their requests are collected in one list and applied in order once every panel has been drawn, as egui's
//! demo app runs its commands after the UI pass.

use std::path::PathBuf;

use super::RelmapApp;
use super::flow::Event;
use crate::model::{LinkId, NodeId};
use crate::ui::canvas::CanvasIntent;
use crate::ui::file_dialog::PickKind;
use crate::ui::link_inspector::LinkEdit;
use crate::ui::outline::OutlineIntent;
use crate::ui::panel::PanelEdit;

/// One request from a panel, the canvas, the find bar, a notice or the welcome screen.
#[derive(Debug)]
pub(super) enum Intent {
    /// An edit or a selection from the inspector or the plan panel.
    Panel(PanelEdit),
    /// An edit of a cross-link from the link inspector.
    Link(LinkId, LinkEdit),
    /// What the user did in the outline.
    Outline(OutlineIntent),
    /// What the user did on the canvas.
    Canvas(CanvasIntent),
    /// Show a find hit.
    ShowHit(NodeId),
    /// A notice's offer to type a path was taken.
    TypePath(PickKind),
    /// A notice that offered to type a path was dismissed.
    OfferDismissed,
    /// Open a recent file from the welcome screen.
    OpenFile(PathBuf),
}

impl RelmapApp {
    /// Applies what is still being typed (a title on the map, a link or the tags in the inspector), as leaving
    /// the field would, so that a command or closing the window acts on the map with it.
    pub(super) fn commit_edits_in_flight(&mut self, ctx: &egui::Context) {
        if let Some(intent) = self.canvas.commit_title_in_flight() {
            self.handle_intent(intent, ctx);
        }
        if let Some(command) = crate::ui::drafts::take(ctx) {
            self.apply_panel_edit(PanelEdit::Apply(command));
        }
    }

    /// Applies one request, after the UI pass.
    pub(super) fn apply_intent(&mut self, intent: Intent, ctx: &egui::Context) {
        match intent {
            Intent::Panel(edit) => self.apply_panel_edit(edit),
            Intent::Link(link, edit) => self.edit_link(link, edit),
            Intent::Outline(intent) => self.handle_outline_intent(intent),
            Intent::Canvas(intent) => self.handle_intent(intent, ctx),
            Intent::ShowHit(id) => self.show_hit(id),
            Intent::TypePath(kind) => self.prompt_for_path(kind),
            Intent::OfferDismissed => self.step(Event::OfferDismissed),
            Intent::OpenFile(path) => self.open_path(path),
        }
    }
}
