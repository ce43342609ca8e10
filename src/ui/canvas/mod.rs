//! The canvas: draws the map and turns pointer input into view changes and selection. It never changes the
//! workbook; edits it asks for come back as intents for the app to apply.

mod camera;
mod paint;

use std::collections::HashMap;

use egui::{Id, Pos2, Rect, Sense, Vec2};

pub use camera::Camera;

use crate::model::{NodeId, Workbook};

use super::style;

/// What the canvas keeps between frames: view state only.
#[derive(Debug, Default)]
pub struct CanvasState {
    /// Pan and zoom.
    pub camera: Camera,
    /// Fit the map to the window at the next frame (on opening a map, or on Ctrl+0).
    pub fit_pending: bool,
    /// Where each node was drawn last frame, on screen.
    pub(crate) drawn: HashMap<NodeId, Rect>,
}

/// What the user asked for on the canvas this frame.
#[derive(Debug, Default, PartialEq)]
pub struct CanvasOutput {
    /// A node or the empty canvas was clicked.
    pub select: Option<Select>,
    /// Where the pointer is, in canvas units, when it is over the canvas.
    pub pointer_in_canvas: Option<Pos2>,
}

/// A click that changes the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Select {
    /// Select this node.
    Node(NodeId),
    /// Clear the selection (a click on the empty canvas).
    Nothing,
}

/// A node as laid out for this frame.
pub(crate) struct Placed {
    pub id: NodeId,
    /// Its box on screen.
    pub rect: Rect,
}

impl CanvasState {
    /// Draws the map into the remaining space of `ui` and handles panning, zooming and clicks.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        selected: Option<NodeId>,
    ) -> CanvasOutput {
        let rect = ui.available_rect_before_wrap();
        let background = ui.interact(rect, Id::unique("relmap-canvas"), Sense::click_and_drag());
        background
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Map canvas"));
        let mut output = CanvasOutput::default();

        if self.fit_pending && rect.is_positive() {
            self.fit_pending = false;
            if let Some(bounds) = Self::map_bounds(ui, workbook) {
                self.camera.fit(rect, bounds);
            }
        }

        // Panning: drag the empty canvas.
        if background.dragged() {
            self.camera.pan_by(background.drag_delta());
        }
        // Zooming: the wheel, or a pinch (egui also turns Ctrl+wheel into a pinch).
        if let Some(pointer) = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|p| rect.contains(*p))
            && ui.ui_contains_pointer()
        {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
            let factor = pinch * (scroll.y / 300.0).exp();
            if (factor - 1.0).abs() > 1e-4 {
                self.camera.zoom_around(rect, pointer, factor);
            }
            output.pointer_in_canvas =
                Some(self.camera.screen_from_canvas(rect).inverse() * pointer);
        }

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
        let placed = paint::paint_map(ui, &painter, rect, &self.camera, workbook, selected);

        self.drawn.clear();
        for node in &placed {
            self.drawn.insert(node.id, node.rect);
            let visible = node.rect.intersect(rect);
            if !visible.is_positive() {
                continue;
            }
            let response = ui.interact(
                visible,
                Id::unique(("relmap-node", node.id)),
                Sense::click(),
            );
            let title = workbook.map.topic(node.id).map_or("", |t| t.title.as_str());
            let is_selected = selected == Some(node.id);
            response.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, title)
            });
            if response.clicked() {
                output.select = Some(Select::Node(node.id));
            }
        }
        if background.clicked() && output.select.is_none() {
            output.select = Some(Select::Nothing);
        }
        output
    }

    /// The bounding box of every visible node, in canvas units.
    fn map_bounds(ui: &egui::Ui, workbook: &Workbook) -> Option<Rect> {
        let map = &workbook.map;
        let mut bounds = Rect::NOTHING;
        for topic in map.topics() {
            if map.is_hidden(topic.id) {
                continue;
            }
            let size = paint::node_size_in_canvas(ui, &topic.title, topic.id == map.root());
            bounds = bounds.union(Rect::from_center_size(
                Pos2::new(topic.pos.x, topic.pos.y),
                size,
            ));
        }
        // Cross-links bow outwards; the middle of the curve lies halfway to its control point.
        let pos_of = |id| map.topic(id).map(|t| Pos2::new(t.pos.x, t.pos.y));
        let centre = pos_of(map.root()).unwrap_or(Pos2::ZERO);
        for link in map.links() {
            if map.is_hidden(link.from) || map.is_hidden(link.to) {
                continue;
            }
            if let (Some(start), Some(end)) = (pos_of(link.from), pos_of(link.to)) {
                let control = paint::cross_link_control(start, end, centre);
                let middle = start.lerp(end, 0.5).lerp(control, 0.5);
                bounds = bounds.union(Rect::from_center_size(middle, Vec2::new(160.0, 30.0)));
            }
        }
        bounds.is_positive().then_some(bounds)
    }

    /// Asks for the map to be fitted to the window at the next frame.
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
    }

    /// The zoom in percent, for the status bar.
    #[must_use]
    pub fn zoom_percent(&self) -> u32 {
        (self.camera.zoom * 100.0).round() as u32
    }
}

/// The size of a box around text of `size` on screen.
pub(crate) fn padded(text: Vec2, zoom: f32) -> Vec2 {
    text + 2.0 * style::PADDING * zoom
}
