//! The canvas: draws the map and turns pointer input into view changes, selection changes and edit intents.
//! It never changes the workbook; what the user asks for comes back as [`CanvasIntent`]s for the app.

mod camera;
mod drag;
mod hover;
mod interact;
mod links;
mod lod;
mod measure;
mod menus;
mod minimap;
mod paint;
mod scene;
mod title_edit;
mod titles;
mod view;

use view::AutoView;

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use egui::{Id, Modifiers, Pos2, Rect, Sense, Vec2};

pub use camera::Camera;
pub use scene::MapVersion;
pub use title_edit::TitleEdit;

use crate::layout::NodeSize;
use crate::model::{Icon, LinkId, NodeId, Pos, Rgb, Workbook};

use super::command::AppCommand;
use super::selection::Selection;
use super::style;

/// What the user asked for on the canvas.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasIntent {
    /// Select only this node.
    Select(NodeId),
    /// Add this node to the selection or take it out.
    Toggle(NodeId),
    /// Select these nodes (a rubber band), adding to the selection when `add`.
    SelectMany {
        /// The nodes inside the band.
        nodes: Vec<NodeId>,
        /// Keep what was selected.
        add: bool,
    },
    /// Clear the selection.
    ClearSelection,
    /// Start typing the title of a node.
    EditTitle(NodeId),
    /// The typed title was confirmed.
    CommitTitle {
        /// The node.
        id: NodeId,
        /// Its new title.
        text: String,
        /// Whether the node was added just before the typing began.
        is_new: bool,
    },
    /// The typing was cancelled.
    CancelTitle {
        /// The node.
        id: NodeId,
        /// Whether the node was added just before the typing began.
        is_new: bool,
    },
    /// Nodes were dragged to new places and let go on empty canvas (one drag, one undo step).
    Move {
        /// Each dragged node with where it was let go.
        moves: Vec<(NodeId, Pos)>,
        /// Whether Shift was held: in an automatic arrangement, the nodes are then nudged to exactly where they
        /// were let go, rather than moved among their siblings.
        nudge: bool,
    },
    /// Nodes were dropped onto another node, to become its children.
    Drop {
        /// The dragged nodes (tops of their subtrees).
        nodes: Vec<NodeId>,
        /// The new parent.
        target: NodeId,
    },
    /// An Alt-drag from one node to another asks for a cross-link.
    Link {
        /// Where it starts.
        from: NodeId,
        /// Where it points.
        to: NodeId,
    },
    /// A double-click on the empty canvas asks for a new node there.
    AddFreeNode(Pos),
    /// Select a cross-link (clicked near its line).
    SelectLink(LinkId),
    /// Delete a cross-link.
    DeleteLink(LinkId),
    /// Edit the label of a cross-link.
    EditLinkLabel(LinkId),
    /// A new colour or icon for the selected nodes, from the context menu.
    Style(StyleChange),
    /// A context-menu entry, run on the node the menu was opened on (which is selected first).
    Command(AppCommand),
}

/// A change of looks for the selected nodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StyleChange {
    /// Their own colour, or `None` for the branch colour.
    Color(Option<Rgb>),
    /// An icon, or `None` for no icon.
    Icon(Option<Icon>),
    /// A colour being picked: while the picker is dragged, the changes are one undo step.
    CustomColor(Rgb),
}

/// A drag in progress.
#[derive(Clone, Debug)]
enum Drag {
    /// Moving nodes: the tops that were grabbed, every node that moves with them, and the distance so far.
    Move {
        tops: Vec<NodeId>,
        moving: HashSet<NodeId>,
        delta: Vec2,
    },
    /// Drawing a cross-link from a node.
    Link { from: NodeId },
    /// A rubber band from a point on screen.
    Band { start: Pos2, add: bool },
}

/// What the canvas keeps between frames: view state only.
#[derive(Debug, Default)]
pub struct CanvasState {
    /// Pan and zoom.
    pub camera: Camera,
    /// How the view is placed while the user has not moved it since a map was opened or fitted; `None` once
    /// they have, and then the view stays where they left it.
    auto_view: Option<AutoView>,
    /// The size of the canvas area when the view was last placed automatically. When the area changes size
    /// (a side panel settles, the window or the interface size changes) the view is placed again; `None`
    /// places it at the next frame.
    auto_area: Option<Vec2>,
    /// Whether the minimap is hidden (View → Minimap).
    pub hide_minimap: bool,
    /// Whether the minimap was in front of the map last frame, because the pointer was on it.
    minimap_in_front: bool,
    /// The corner the minimap stands in.
    minimap_corner: minimap::Corner,
    /// How many visible nodes lay wholly or partly outside the canvas area last frame.
    out_of_view: usize,
    /// Centre the view on this node at the next frame.
    center_pending: Option<NodeId>,
    /// Pan the view as little as needed to show this node whole at the next frame.
    reveal_pending: Option<NodeId>,
    /// Zoom by this factor around the centre at the next frame.
    zoom_pending: Option<f32>,
    drag: Option<Drag>,
    /// The map as drawn, rebuilt when it changes.
    scene: scene::Scene,
    /// What painting keeps from frame to frame.
    scratch: lod::Scratch,
    /// The title being typed, if any.
    pub title_edit: Option<TitleEdit>,
    /// Give the canvas the keyboard at the next frame.
    focus_pending: bool,
    /// Every cross-link drawn last frame, with its line on screen.
    links_drawn: Vec<(LinkId, Vec<Pos2>)>,
    /// The node or cross-link a context menu was opened on.
    context: Option<ContextTarget>,
    /// Where the canvas area was last frame, on screen.
    area: Option<Rect>,
    /// The style the title sizes were measured in, as [`CanvasState::style_key`] names it.
    measured_for: u64,
}

/// What a context menu of the canvas was opened on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ContextTarget {
    Node(NodeId),
    Link(LinkId),
}

/// Nodes on screen beyond this many are left out of the accessibility tree: a screen reader would read them
/// out one by one anyway, and the tree is rebuilt every frame.
const MAX_ACCESSIBLE_NODES: usize = 2_000;

/// The id of the canvas widget, which holds the keyboard while the user works on the map.
#[must_use]
pub fn canvas_id() -> Id {
    Id::unique("relmap-canvas")
}

impl CanvasState {
    /// Draws the map into the remaining space of `ui` and handles the pointer. With `markers`, today's date,
    /// nodes show their health, overdue and strategy markers. `version` identifies the state of the map: while
    /// it stays the same, what was measured of the map last frame is used again.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        selection: &Selection,
        found: &HashSet<NodeId>,
        markers: Option<chrono::NaiveDate>,
        version: MapVersion,
    ) -> Vec<CanvasIntent> {
        let mut intents = Vec::new();
        let rect = ui.available_rect_before_wrap();
        self.area = Some(rect);
        let background = ui.interact(rect, canvas_id(), Sense::click_and_drag());
        background
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
        if self.focus_pending || background.clicked() || background.drag_started() {
            self.focus_pending = false;
            // While a title is typed, the text field keeps the keyboard.
            if self.title_edit.is_none() {
                background.request_focus();
            }
        }
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                canvas_id(),
                egui::EventFilter {
                    tab: true,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            );
        });
        if self.scene.update(ui.ctx(), workbook, version) {
            ui.ctx().request_repaint();
        }
        self.apply_pending_view(rect);
        let placed = self.camera;

        // Panning: drag the empty canvas with the primary button, or with the middle button anywhere. Pointer
        // input comes before painting, so what is drawn is where the pointer left it.
        self.pointer_on_nodes(ui, &background, workbook, selection, &mut intents);
        let middle_drag = ui.input(|i| i.pointer.middle_down().then(|| i.pointer.delta()));
        if let Some(delta) = middle_drag.filter(|_| ui.ui_contains_pointer()) {
            self.camera.pan_by(delta);
        }
        let hover_pos = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|p| rect.contains(*p));
        if let Some(pointer) = hover_pos.filter(|_| ui.ui_contains_pointer()) {
            // A mouse wheel zooms; two fingers on a trackpad pan; a pinch or Ctrl+wheel zooms (egui turns
            // those into a zoom delta).
            let (wheel, fingers, pinch) = ui.input(|i| {
                let mut wheel = 0.0;
                let mut fingers = Vec2::ZERO;
                for event in &i.events {
                    if let egui::Event::MouseWheel {
                        unit,
                        delta,
                        source,
                        modifiers,
                        ..
                    } = event
                    {
                        if modifiers.command || modifiers.ctrl {
                            continue;
                        }
                        let points = match unit {
                            egui::MouseWheelUnit::Point => *delta,
                            egui::MouseWheelUnit::Line => *delta * 40.0,
                            egui::MouseWheelUnit::Page => *delta * 400.0,
                        };
                        match source {
                            egui::MouseWheelSource::Wheel | egui::MouseWheelSource::Unknown
                                if *unit != egui::MouseWheelUnit::Point =>
                            {
                                wheel += points.y;
                            }
                            _ => fingers += points,
                        }
                    }
                }
                (wheel, fingers, i.zoom_delta())
            });
            let factor = pinch * (wheel / 300.0).exp();
            if (factor - 1.0).abs() > 1e-4 {
                self.camera.zoom_around(rect, pointer, factor);
            }
            if fingers != Vec2::ZERO {
                self.camera.pan_by(fingers);
            }
        }

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
        // The minimap goes here, under the map, while nodes lie beneath it and the pointer is elsewhere.
        let minimap_underlay = painter.add(egui::Shape::Noop);
        let drop_target = self.drop_target(hover_pos);
        let selected: HashSet<NodeId> = selection.nodes().iter().copied().collect();
        let moving = match &self.drag {
            Some(Drag::Move { moving, delta, .. }) => Some((moving, *delta)),
            _ => None,
        };
        let place = paint::Placement {
            clip: rect,
            screen_from_canvas: self.camera.screen_from_canvas(rect),
            moving,
        };
        // The nodes in view, and the dragged ones wherever they were before the drag.
        let canvas_from_screen = place.screen_from_canvas.inverse();
        let view_in_canvas = canvas_from_screen.mul_rect(rect.expand(40.0));
        self.scene
            .touching(view_in_canvas, &mut self.scratch.visible);
        if let Some((moving, _)) = moving {
            self.scratch
                .visible
                .extend(moving.iter().filter_map(|&id| self.scene.position(id)));
            self.scratch.visible.sort_unstable();
            self.scratch.visible.dedup();
        }
        let view = paint::PaintView {
            selection: &selected,
            selected_link: selection.link(),
            found,
            drop_target,
            editing: self.title_edit.as_ref().map(TitleEdit::node),
            show_markers: markers.is_some(),
            today: markers.unwrap_or_default(),
            background: ui.visuals().extreme_bg_color,
            version,
        };
        self.links_drawn = paint::paint_map(
            &painter,
            &place,
            &self.scene,
            workbook,
            &view,
            &mut self.scratch,
        );
        self.expose_nodes(ui, &place, rect, &selected, &mut intents);
        let in_view = self
            .scratch
            .visible
            .iter()
            .filter(|&&i| rect.contains_rect(place.rect(&self.scene.nodes[i as usize])))
            .count();
        let out_of_view = self.scene.nodes.len().saturating_sub(in_view);
        if out_of_view != self.out_of_view {
            // The status bar, drawn before the canvas, says how much is out of view: draw it again.
            ui.ctx().request_repaint();
            self.out_of_view = out_of_view;
        }

        // The minimap is there to reach what the view does not show: with the whole map in view it would only
        // cover part of it. It stands in a corner with no node under it, if there is one, and stays there
        // until nodes come under it.
        let covers_nodes = |corner| {
            minimap::minimap_rect(rect, corner).map(|mini| {
                self.scratch
                    .visible
                    .iter()
                    .any(|&i| place.rect(&self.scene.nodes[i as usize]).intersects(mini))
            })
        };
        if let Some(true) = covers_nodes(self.minimap_corner)
            && !self.minimap_in_front
            && let Some(free) = minimap::Corner::ALL
                .into_iter()
                .find(|&corner| covers_nodes(corner) == Some(false))
        {
            self.minimap_corner = free;
        }
        let minimap_covers_nodes = covers_nodes(self.minimap_corner).unwrap_or(false);
        self.finish_drags(ui, workbook, drop_target, &painter, &mut intents);

        let minimap_rect = minimap::minimap_rect(rect, self.minimap_corner);
        if !self.hide_minimap
            && self.out_of_view > 0
            && let Some(minimap_rect) = minimap_rect
        {
            let layer = minimap::Layer {
                rect: minimap_rect,
                underlay: minimap_underlay,
                in_front: self.minimap_in_front,
                covers_nodes: minimap_covers_nodes,
            };
            self.minimap_in_front =
                minimap::minimap_ui(ui, rect, &mut self.camera, &self.scene, &layer);
        } else {
            self.minimap_in_front = false;
        }
        if self.camera != placed {
            // The user panned or zoomed: from now on the view stays where they leave it.
            self.auto_view = None;
        }
        // The ring says that keys act on the map; without it, they act on whatever has the keyboard, or nothing.
        if background.has_focus() || self.title_edit.is_some() {
            painter.add(paint::focus_ring(rect, ui.visuals()));
        }
        self.marker_tooltip(&background, workbook, markers);
        menus::toolbar_ui(ui, rect, &mut intents);
        if background.secondary_clicked() {
            let pos = background.interact_pointer_pos();
            self.context = pos.and_then(|p| match self.node_at(rect, p) {
                Some(node) => Some(ContextTarget::Node(node)),
                None => self.link_at(p).map(ContextTarget::Link),
            });
            if let Some(ContextTarget::Link(link)) = self.context {
                intents.push(CanvasIntent::SelectLink(link));
            }
        }
        let context = self.context;
        background.context_menu(|ui| match context {
            Some(ContextTarget::Node(node)) => {
                let is_selected = selection.contains(node);
                menus::node_menu_ui(ui, &workbook.map, node, is_selected, &mut intents);
            }
            target => {
                if let Some(ContextTarget::Link(link)) = target {
                    if ui
                        .button("Edit link label")
                        .on_hover_text("Type the label in the inspector")
                        .clicked()
                    {
                        intents.push(CanvasIntent::EditLinkLabel(link));
                    }
                    if ui
                        .button("Delete link")
                        .on_hover_text("Remove this cross-link")
                        .clicked()
                    {
                        intents.push(CanvasIntent::DeleteLink(link));
                    }
                    ui.separator();
                }
                if ui.button(AppCommand::FitMap.label()).clicked() {
                    intents.push(CanvasIntent::Command(AppCommand::FitMap));
                }
                if ui.button(AppCommand::SelectAll.label()).clicked() {
                    intents.push(CanvasIntent::Command(AppCommand::SelectAll));
                }
            }
        });

        let editing = self.title_edit.as_ref().map(TitleEdit::node);
        let node_rect = editing.and_then(|id| self.screen_rect_of(id));
        if let Some(edit) = &mut self.title_edit
            && let Some(outcome) = edit.ui(ui, node_rect, self.camera.zoom)
        {
            intents.push(outcome);
            self.title_edit = None;
            self.focus_pending = true;
        }
        intents
    }

    /// The node under `pos` (on screen), with the canvas on screen at `area`.
    fn node_at(&self, area: Rect, pos: Pos2) -> Option<NodeId> {
        let pos_in_canvas = self.camera.screen_from_canvas(area).inverse() * pos;
        self.scene.node_at(pos_in_canvas)
    }

    /// The node drawn at `pos_on_screen` in the last frame, if any: the one a click there selects.
    #[must_use]
    pub fn node_under(&self, pos_on_screen: Pos2) -> Option<NodeId> {
        self.node_at(self.area?, pos_on_screen)
    }

    /// Where a node is on screen, if it can be seen (it may be outside the view).
    fn screen_rect_of(&self, id: NodeId) -> Option<Rect> {
        let area = self.area?;
        let rect = self.scene.rect_of(id)?;
        Some(self.camera.screen_from_canvas(area).mul_rect(rect))
    }

    /// Ends the title being typed, if any, as Enter would: a command given while typing (a save, a quit)
    /// then acts on the map with the title in it. Returns what confirming does, for the app to apply.
    pub fn commit_title_in_flight(&mut self) -> Option<CanvasIntent> {
        let edit = self.title_edit.take()?;
        self.focus_pending = true;
        Some(edit.commit())
    }

    /// Opens the title editor again on `id` with the cursor after its title, after a command (a save) ended
    /// the typing: the user goes on typing where they were.
    pub fn resume_title(&mut self, workbook: &Workbook, id: NodeId) {
        if let Some(topic) = workbook.map.topic(id) {
            self.title_edit = Some(TitleEdit::replacing(id, topic.title.clone()));
        }
    }

    /// Where the map was drawn last, on screen.
    #[must_use]
    pub fn area(&self) -> Option<Rect> {
        self.area
    }

    /// Gives the canvas the keyboard at the next frame.
    pub fn request_focus(&mut self) {
        self.focus_pending = true;
    }

    /// Starts typing a new title for a node, beginning with `typed`, which replaces the old title.
    pub fn type_over_title(&mut self, workbook: &Workbook, id: NodeId, typed: String) {
        if workbook.map.topic(id).is_some() {
            self.title_edit = Some(TitleEdit::replacing(id, typed));
        }
    }

    /// Starts typing the title of a node.
    pub fn edit_title(&mut self, workbook: &Workbook, id: NodeId, is_new: bool) {
        if let Some(topic) = workbook.map.topic(id) {
            self.title_edit = Some(TitleEdit::new(id, topic.title.clone(), is_new));
        }
    }

    /// The size of a node's box in canvas units, as drawn.
    #[must_use]
    pub fn node_size(ctx: &egui::Context, workbook: &Workbook, id: NodeId) -> NodeSize {
        let map = &workbook.map;
        let Some(topic) = map.topic(id) else {
            return NodeSize::default();
        };
        let size = scene::text_box_size(ctx, &measure::drawn_text(topic), id == map.root());
        NodeSize::new(size.x + measure::marker_room(topic), size.y)
    }

    /// The measure the document's automatic layout uses: the one the canvas draws with, sharing its sizes.
    /// `key` names the style it is made for; a different key forgets every size measured so far.
    pub fn measure_for(&mut self, ctx: &egui::Context, key: u64) -> crate::document::Measure {
        if self.measured_for != key {
            self.scene.sizes.clear();
            self.measured_for = key;
        }
        self.scene.sizes.measure(ctx)
    }

    /// Draws the next change of the map with every node in its new place at once, without gliding.
    pub fn show_next_change_at_once(&mut self) {
        self.scene.show_next_change_at_once();
    }

    /// Names what the style makes text measure; see [`CanvasState::measure_for`].
    #[must_use]
    pub fn style_key(ctx: &egui::Context) -> u64 {
        measure::style_key(ctx)
    }
}

/// The size of a box around text of `size` on screen.
pub(crate) fn padded(text: Vec2, zoom: f32) -> Vec2 {
    text + 2.0 * style::PADDING * zoom
}

/// Whether a key press asks for a new line in a title rather than confirming it.
pub(crate) fn is_line_break(modifiers: Modifiers) -> bool {
    modifiers.shift
}
