//! Editing the map: the keyboard and menu commands that act on the selection, and what the canvas asks for.

use super::RelmapApp;
use super::clipboard::ClipboardRequest;
use crate::document::EditCommand;
use crate::layout::{self, NodeSize};
use crate::model::{Arrangement, CrossLink, LinkId, NodeId, NodeKind, Pos, Side, Topic};
use crate::ui::actions::{self, Added, Direction};
use crate::ui::canvas::{CanvasIntent, CanvasState, StyleChange};
use crate::ui::command::AppCommand;
use crate::ui::link_inspector::LinkEdit;
use crate::ui::outline::OutlineIntent;
use crate::ui::panel::PanelEdit;

/// How much one Ctrl++ or Ctrl+− zooms.
const ZOOM_STEP: f32 = 1.25;

impl RelmapApp {
    /// Typing a character on the map while one node is selected starts typing a new title for it, as in
    /// other mind-map editors. Space is left alone: it folds.
    pub(super) fn type_over_selected(&mut self, ctx: &egui::Context) {
        let [node] = self.selection.nodes() else {
            return;
        };
        let node = *node;
        let typed = ctx.input_mut(|input| {
            let mut typed = String::new();
            input.events.retain(|event| match event {
                egui::Event::Text(text) if !text.starts_with(char::is_whitespace) => {
                    typed.push_str(text);
                    false
                }
                _ => true,
            });
            typed
        });
        if !typed.is_empty() {
            self.canvas
                .type_over_title(self.doc.workbook(), node, typed);
        }
    }

    /// Runs a command that acts on the map or the view.
    pub(super) fn run_map_command(&mut self, command: AppCommand, ctx: &egui::Context) {
        let map = &self.doc.workbook().map;
        let primary = self.selection.primary();
        match command {
            AppCommand::AddChild => {
                let parent = primary.unwrap_or(map.root());
                let id = self.doc.allocate_node_id();
                let size_of = |n| self.size_of(ctx, n);
                let added =
                    actions::add_child(map_of(&self.doc), parent, id, self.placing(&size_of));
                self.add_and_type(added);
            }
            AppCommand::AddSibling | AppCommand::AddSiblingBefore => {
                let node = primary.unwrap_or(map.root());
                let after = command == AppCommand::AddSibling;
                let id = self.doc.allocate_node_id();
                let size_of = |n| self.size_of(ctx, n);
                let added = actions::add_sibling(
                    map_of(&self.doc),
                    node,
                    after,
                    id,
                    self.placing(&size_of),
                );
                self.add_and_type(added);
            }
            AppCommand::InsertParent => {
                let Some(node) = primary else { return };
                let id = self.doc.allocate_node_id();
                let size_of = |n| self.size_of(ctx, n);
                match actions::insert_parent(map_of(&self.doc), node, id, self.placing(&size_of)) {
                    Ok(added) => self.add_and_type(Some(added)),
                    Err(message) => self.notices.info(message),
                }
            }
            AppCommand::EditTitle => {
                if let Some(node) = primary {
                    self.canvas.edit_title(self.doc.workbook(), node, false);
                }
            }
            AppCommand::Delete if self.selection.link().is_some() => {
                if let Some(link) = self.selection.link() {
                    self.edit_link(link, LinkEdit::Delete);
                }
            }
            AppCommand::Delete => self.delete_selection(),
            AppCommand::ToggleFold => {
                if let Some(command) = actions::toggle_fold(map, self.selection.nodes()) {
                    self.apply(command);
                }
            }
            AppCommand::MoveUp | AppCommand::MoveDown => {
                let up = command == AppCommand::MoveUp;
                if let Some(command) =
                    primary.and_then(|node| actions::move_among_siblings(map, node, up))
                {
                    self.apply(command);
                }
            }
            AppCommand::SelectLeft
            | AppCommand::SelectRight
            | AppCommand::SelectUp
            | AppCommand::SelectDown => {
                let direction = match command {
                    AppCommand::SelectLeft => Direction::Left,
                    AppCommand::SelectRight => Direction::Right,
                    AppCommand::SelectUp => Direction::Up,
                    _ => Direction::Down,
                };
                let from = primary.unwrap_or(map.root());
                let to = if primary.is_none() {
                    Some(from)
                } else if self.outline_has_keyboard {
                    actions::outline_neighbour(map, from, direction)
                } else {
                    actions::neighbour(map, from, direction)
                };
                if let Some(to) = to {
                    self.selection.set(to);
                    self.canvas.reveal(self.doc.workbook(), to);
                }
            }
            AppCommand::SelectAll => self.selection.extend(actions::all_visible(map), false),
            AppCommand::SelectNone => self.selection.clear(),
            AppCommand::Find => self.find.open(),
            AppCommand::LayoutTree | AppCommand::LayoutRadial | AppCommand::LayoutFree => {
                let arrangement = match command {
                    AppCommand::LayoutTree => Arrangement::Tree,
                    AppCommand::LayoutRadial => Arrangement::Radial,
                    _ => Arrangement::Free,
                };
                if self.doc.workbook().arrangement != arrangement {
                    self.apply(EditCommand::SetArrangement(arrangement));
                    if arrangement.is_automatic() {
                        self.canvas.request_fit();
                    }
                } else if arrangement.is_automatic() {
                    // Asking again for the arrangement the map already has tidies it: every nudge goes.
                    let mut offsets: Vec<(NodeId, Pos)> = map
                        .topics()
                        .filter(|t| t.offset != Pos::default())
                        .map(|t| (t.id, Pos::default()))
                        .collect();
                    offsets.sort_unstable_by_key(|&(id, _)| id);
                    if offsets.is_empty() {
                        self.notices.info(format!(
                            "The map is already laid out as a {}, with no node moved by hand.",
                            arrangement.label().to_lowercase()
                        ));
                    } else {
                        self.apply(EditCommand::SetOffsets { offsets });
                        self.canvas.request_fit();
                    }
                }
            }
            AppCommand::ResetPosition => {
                let offsets: Vec<(NodeId, Pos)> = self
                    .selection
                    .nodes()
                    .iter()
                    .filter(|&&id| map.topic(id).is_some_and(|t| t.offset != Pos::default()))
                    .map(|&id| (id, Pos::default()))
                    .collect();
                if !offsets.is_empty() {
                    self.apply(EditCommand::SetOffsets { offsets });
                }
            }
            AppCommand::ZoomIn => self.canvas.request_zoom(ZOOM_STEP),
            AppCommand::ZoomOut => self.canvas.request_zoom(1.0 / ZOOM_STEP),
            AppCommand::CenterSelection => {
                if let Some(node) = primary {
                    self.canvas.request_center(node);
                }
            }
            AppCommand::Copy => self.clipboard(ClipboardRequest::Copy, ctx),
            AppCommand::Cut => self.clipboard(ClipboardRequest::Cut, ctx),
            // Only the window can read the system clipboard: it answers with a paste event next frame, which
            // arrives as Ctrl+V does.
            AppCommand::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            // `run` handles these itself; they are named here, with no catch-all, so that a new command does
            // not compile until it is handled somewhere.
            AppCommand::New
            | AppCommand::NewFiveConstituencies
            | AppCommand::NewSpheres
            | AppCommand::NewBlank
            | AppCommand::OpenExample
            | AppCommand::Open
            | AppCommand::OpenPath
            | AppCommand::Import
            | AppCommand::ExportFreeMind
            | AppCommand::ExportOpml
            | AppCommand::ExportMarkdown
            | AppCommand::ExportSvg
            | AppCommand::ExportPng
            | AppCommand::ExportSelectionSvg
            | AppCommand::ExportReport
            | AppCommand::Save
            | AppCommand::SaveAs
            | AppCommand::SaveAsPath
            | AppCommand::Quit
            | AppCommand::Undo
            | AppCommand::Redo
            | AppCommand::FitMap
            | AppCommand::ToggleInspector
            | AppCommand::ToggleOutline
            | AppCommand::TogglePlan
            | AppCommand::ToggleMarkers
            | AppCommand::ToggleMinimap
            | AppCommand::ThemeSystem
            | AppCommand::ThemeLight
            | AppCommand::ThemeDark
            | AppCommand::Preferences
            | AppCommand::Help
            | AppCommand::CommandPalette
            | AppCommand::FocusNextRegion
            | AppCommand::FocusPreviousRegion
            | AppCommand::FocusMenuBar => {}
        }
    }

    /// Selects a find hit and centres the view on it, unfolding the branches that hide it.
    pub(super) fn show_hit(&mut self, id: NodeId) {
        let map = &self.doc.workbook().map;
        let mut unfold = Vec::new();
        let mut at = map.parent(id);
        while let Some(node) = at {
            if map.topic(node).is_some_and(|t| t.folded) {
                unfold.push(EditCommand::SetFolded {
                    id: node,
                    folded: false,
                });
            }
            at = map.parent(node);
        }
        if !unfold.is_empty() {
            self.apply(EditCommand::Batch(unfold));
        }
        self.selection.set(id);
        self.canvas.request_center(id);
    }

    /// How new nodes find their place: the automatic layout places them, or in a free arrangement they go
    /// beside their siblings by the size of each node.
    fn placing<'a>(&self, size_of: &'a dyn Fn(NodeId) -> NodeSize) -> actions::Placing<'a> {
        (!self.doc.workbook().arrangement.is_automatic()).then_some(size_of)
    }

    /// The size of a node as the canvas draws it, for placing new nodes.
    fn size_of(&self, ctx: &egui::Context, id: NodeId) -> NodeSize {
        CanvasState::node_size(ctx, self.doc.workbook(), id)
    }

    /// Applies the command that adds a node, selects the node and starts typing its title.
    fn add_and_type(&mut self, added: Option<Added>) {
        let Some(Added { command, id }) = added else {
            return;
        };
        let before = self.doc.undo_depth();
        self.apply(command);
        if self.doc.undo_depth() > before && self.doc.workbook().map.contains(id) {
            self.selection.set(id);
            self.canvas.edit_title(self.doc.workbook(), id, true);
            self.canvas.reveal(self.doc.workbook(), id);
        }
    }

    /// Acts on what the user did on the canvas.
    pub(super) fn handle_intent(&mut self, intent: CanvasIntent, ctx: &egui::Context) {
        let map = &self.doc.workbook().map;
        match intent {
            CanvasIntent::Select(id) => self.selection.set(id),
            CanvasIntent::Toggle(id) => self.selection.toggle(id),
            CanvasIntent::SelectMany { nodes, add } => self.selection.extend(nodes, add),
            CanvasIntent::ClearSelection => self.selection.clear(),
            CanvasIntent::EditTitle(id) => {
                self.selection.set(id);
                self.canvas.edit_title(self.doc.workbook(), id, false);
            }
            CanvasIntent::CommitTitle { id, text, is_new } => {
                let unchanged = map.topic(id).is_none_or(|t| t.title == text);
                if text.is_empty() {
                    // An empty title is no title: a new node typed empty is taken back, an old one keeps its own.
                    if is_new {
                        self.take_back_new_node(id);
                    }
                } else if is_new {
                    if let Err(error) = self.doc.name_new_node(id, text) {
                        self.notices
                            .error(format!("That change could not be made: {error}"));
                    }
                    // Named, the node has its real size and place: keep it in view.
                    self.canvas.reveal(self.doc.workbook(), id);
                } else if !unchanged {
                    self.apply(EditCommand::Rename { id, title: text });
                }
            }
            CanvasIntent::CancelTitle { id, is_new } => {
                if is_new {
                    self.take_back_new_node(id);
                }
            }
            CanvasIntent::Move { moves, nudge } => {
                let arrangement = self.doc.workbook().arrangement;
                let command = if !arrangement.is_automatic() {
                    Some(EditCommand::MoveNodes { moves })
                } else if nudge || arrangement != Arrangement::Tree {
                    Some(nudges(map, &moves))
                } else {
                    rearranged(map, &moves)
                };
                // A node let go where it already stands changes nothing; it glides back to its place.
                if let Some(command) = command {
                    self.apply(command);
                }
            }
            CanvasIntent::Drop { nodes, target } => self.drop_onto(&nodes, target, ctx),
            CanvasIntent::Link { from, to } => {
                let id = self.doc.allocate_link_id();
                self.apply(EditCommand::AddLink(CrossLink {
                    id,
                    from,
                    to,
                    label: String::new(),
                }));
            }
            CanvasIntent::AddFreeNode(pos) => {
                let root = map.root();
                let index = map.children(root).len();
                let centre = map.topic(root).map_or(0.0, |t| t.pos.x);
                let id = self.doc.allocate_node_id();
                let mut topic = Topic::new(id, "", NodeKind::Constituency).at(pos);
                if self.doc.workbook().arrangement == Arrangement::Tree {
                    // The layout places the new branch, on the side of the centre that was clicked.
                    topic.side = Some(if pos.x < centre {
                        Side::Left
                    } else {
                        Side::Right
                    });
                }
                let command = EditCommand::AddNode {
                    parent: root,
                    index,
                    topic: Box::new(topic),
                };
                self.add_and_type(Some(Added { command, id }));
            }
            CanvasIntent::SelectLink(link) => self.selection.set_link(link),
            CanvasIntent::DeleteLink(link) => self.edit_link(link, LinkEdit::Delete),
            CanvasIntent::EditLinkLabel(link) => {
                self.selection.set_link(link);
                self.prefs.show_inspector = true;
                self.focus_link_label = true;
            }
            CanvasIntent::Style(StyleChange::CustomColor(rgb)) => {
                let Some(id) = self.selection.primary() else {
                    return;
                };
                let command = EditCommand::SetColor {
                    id,
                    color: Some(rgb),
                };
                if let Err(error) = self.doc.apply_typing(command) {
                    self.notices
                        .error(format!("That change could not be made: {error}"));
                }
            }
            CanvasIntent::Style(change) => {
                let commands: Vec<EditCommand> = self
                    .selection
                    .nodes()
                    .iter()
                    .map(|&id| match change {
                        StyleChange::Color(color) => EditCommand::SetColor { id, color },
                        StyleChange::Icon(icon) => EditCommand::SetIcon { id, icon },
                        StyleChange::CustomColor(rgb) => EditCommand::SetColor {
                            id,
                            color: Some(rgb),
                        },
                    })
                    .collect();
                if !commands.is_empty() {
                    self.apply(EditCommand::Batch(commands));
                }
            }
            CanvasIntent::Command(command) => self.run(command, ctx),
        }
    }

    /// Acts on what a side panel asked for.
    pub(super) fn apply_panel_edit(&mut self, edit: PanelEdit) {
        match edit {
            PanelEdit::Apply(command) => self.apply(command),
            PanelEdit::Typing(command) => {
                if let Err(error) = self.doc.apply_typing(command) {
                    self.notices
                        .error(format!("That change could not be made: {error}"));
                }
            }
            PanelEdit::EndTyping => self.doc.end_typing(),
            PanelEdit::Select(id) => {
                if let Some(hidden) = self.doc.workbook().map.contains(id).then_some(id) {
                    self.show_hit(hidden);
                }
            }
        }
    }

    /// Acts on an edit of a cross-link from the link inspector or a menu.
    pub(super) fn edit_link(&mut self, link: LinkId, edit: LinkEdit) {
        match edit {
            LinkEdit::Label(label) => {
                if let Err(error) = self
                    .doc
                    .apply_typing(EditCommand::SetLinkLabel { id: link, label })
                {
                    self.notices
                        .error(format!("That change could not be made: {error}"));
                }
            }
            LinkEdit::LabelDone => self.doc.end_typing(),
            LinkEdit::Delete => {
                self.apply(EditCommand::RemoveLink { id: link });
                self.selection.clear();
            }
        }
    }

    /// Acts on what the user did in the outline.
    pub(super) fn handle_outline_intent(&mut self, intent: OutlineIntent) {
        match intent {
            OutlineIntent::Select(id) => {
                self.selection.set(id);
                self.canvas.reveal(self.doc.workbook(), id);
            }
            OutlineIntent::Toggle(id) => self.selection.toggle(id),
            OutlineIntent::ToggleFold(id) => {
                let folded = self.doc.workbook().map.topic(id).is_some_and(|t| t.folded);
                self.apply(EditCommand::SetFolded {
                    id,
                    folded: !folded,
                });
            }
            OutlineIntent::Rename(id) => {
                self.selection.set(id);
                self.canvas.reveal(self.doc.workbook(), id);
                self.canvas.edit_title(self.doc.workbook(), id, false);
            }
        }
    }

    /// Undoes the adding of a node whose title was never typed, when that adding is still the last step.
    fn take_back_new_node(&mut self, id: NodeId) {
        let parent = self.doc.workbook().map.parent(id);
        if self.doc.last_step_added(id) && self.doc.undo().is_ok() {
            if let Some(parent) = parent.filter(|&p| self.doc.workbook().map.contains(p)) {
                self.selection.set(parent);
            }
            self.forget_missing_selection();
        }
    }

    /// Makes dropped nodes children of `target`, placed beside its children; refuses a drop into a node's own
    /// branch with a message.
    fn drop_onto(&mut self, nodes: &[NodeId], target: NodeId, ctx: &egui::Context) {
        let map = &self.doc.workbook().map;
        if nodes
            .iter()
            .any(|&node| map.is_ancestor_or_self(node, target))
        {
            self.notices
                .info("A node cannot be moved into its own branch.");
            return;
        }
        if nodes.contains(&map.root()) {
            self.notices
                .info("The central node cannot be moved under another node.");
            return;
        }
        let mut commands = Vec::new();
        let automatic = self.doc.workbook().arrangement.is_automatic();
        let mut scratch = self.doc.workbook().clone();
        for &node in nodes {
            let index = scratch.map.children(target).len()
                - usize::from(scratch.map.parent(node) == Some(target));
            let reparent = EditCommand::Reparent {
                id: node,
                parent: target,
                index,
            };
            if reparent.clone().apply(&mut scratch).is_err() {
                continue;
            }
            if automatic {
                // The layout places the branch among its new siblings; a nudge from its old place means
                // nothing there.
                commands.push(reparent);
                if scratch
                    .map
                    .topic(node)
                    .is_some_and(|t| t.offset != Pos::default())
                {
                    commands.push(EditCommand::SetOffsets {
                        offsets: vec![(node, Pos::default())],
                    });
                }
                continue;
            }
            // The branch lands where a new child would, and moves as a whole.
            let (Some(old), size_of) = (scratch.map.topic(node).map(|t| t.pos), |id| {
                CanvasState::node_size(ctx, self.doc.workbook(), id)
            }) else {
                continue;
            };
            let target_pos = place_after_siblings(&scratch, target, node, &size_of);
            let moves: Vec<(NodeId, Pos)> = scratch
                .map
                .subtree(node)
                .into_iter()
                .filter_map(|id| scratch.map.topic(id))
                .map(|t| {
                    (
                        t.id,
                        Pos::new(
                            t.pos.x + target_pos.x - old.x,
                            t.pos.y + target_pos.y - old.y,
                        ),
                    )
                })
                .collect();
            let moving = EditCommand::MoveNodes { moves };
            if moving.clone().apply(&mut scratch).is_ok() {
                commands.push(reparent);
                commands.push(moving);
            }
        }
        if !commands.is_empty() {
            self.apply(EditCommand::Batch(commands));
        }
    }
}

/// Where `node`, now the last child of `parent` in `workbook`, should stand: where a new child would go if
/// the node were not there yet.
fn place_after_siblings(
    workbook: &crate::model::Workbook,
    parent: NodeId,
    node: NodeId,
    size_of: &dyn Fn(NodeId) -> NodeSize,
) -> Pos {
    let mut without = workbook.map.clone();
    let _ = without.remove_subtree(node);
    layout::place_new_child(&without, parent, size_of)
}

fn map_of(doc: &crate::document::Document) -> &crate::model::MindMap {
    &doc.workbook().map
}

/// What a drag of one branch to empty canvas does in the tree arrangement: the branch moves among its
/// siblings to where it was let go (and a first-level branch to the side it was let go on), losing any nudge,
/// as in `XMind`. A drag of several branches at once nudges them instead. `None` when nothing would change.
fn rearranged(map: &crate::model::MindMap, moves: &[(NodeId, Pos)]) -> Option<EditCommand> {
    let dragged: std::collections::HashSet<NodeId> = moves.iter().map(|&(id, _)| id).collect();
    let mut tops = moves.iter().filter(|&&(id, _)| {
        map.parent(id)
            .is_some_and(|parent| !dragged.contains(&parent))
    });
    let (Some(&(id, to)), None) = (tops.next(), tops.next()) else {
        return Some(nudges(map, moves));
    };
    let topic = map.topic(id)?;
    let parent = map.parent(id)?;
    let slot = layout::drop_slot(map, id, to)?;
    let mut commands = Vec::new();
    if topic.offset != Pos::default() {
        commands.push(EditCommand::SetOffsets {
            offsets: vec![(id, Pos::default())],
        });
    }
    if slot.side.is_some() && slot.side != topic.side {
        commands.push(EditCommand::SetSide {
            id,
            side: slot.side,
        });
    }
    if map.index_in_parent(id) != Some(slot.index) {
        commands.push(EditCommand::Reparent {
            id,
            parent,
            index: slot.index,
        });
    }
    (!commands.is_empty()).then_some(EditCommand::Batch(commands))
}

/// The nudges that a drag of nodes to new places makes in an automatic arrangement: the top of each dragged
/// branch keeps the distance it was moved as its offset, and the rest of its branch follows it.
fn nudges(map: &crate::model::MindMap, moves: &[(NodeId, Pos)]) -> EditCommand {
    let dragged: std::collections::HashSet<NodeId> = moves.iter().map(|&(id, _)| id).collect();
    let offsets = moves
        .iter()
        .filter(|&&(id, _)| {
            map.parent(id)
                .is_none_or(|parent| !dragged.contains(&parent))
        })
        .filter_map(|&(id, to)| {
            let topic = map.topic(id)?;
            let offset = Pos::new(
                topic.offset.x + to.x - topic.pos.x,
                topic.offset.y + to.y - topic.pos.y,
            );
            Some((id, offset.rounded()))
        })
        .collect();
    EditCommand::SetOffsets { offsets }
}
