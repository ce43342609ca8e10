//! Where the view of the map is placed: the first view of a map, fitting it, centring on a node, revealing one
//! the arrow keys reach, and zooming, each asked for by the app and carried out at the next frame, when the
//! canvas knows its size.

/// How the view is placed without the user moving it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AutoView {
    /// The whole map, however small it gets (Ctrl+0, or after arranging the map).
    Whole,
    /// The first view of a map: the whole map if its titles can be read that way, or else the root and its
    /// first-level branches at a readable size.
    Opening,
}

/// The zoom at which titles are drawn at least [`READABLE_TITLE`] points high. Titles are drawn at font sizes
/// rounded down to a step (see [`titles::size_step`]), so this is the zoom of the first step at or above it.
#[must_use]
pub fn readable_zoom() -> f32 {
    // A hair above the step, so that rounding the size down on screen lands on the step and not the one below.
    titles::size_step_at_least(READABLE_TITLE) / style::TITLE_SIZE * 1.001
}

/// The smallest height of a title on screen, in points, that reads comfortably (a menu's text is about 12 to 14).
pub const READABLE_TITLE: f32 = 11.0;

use egui::{Pos2, Rect, Vec2};

use super::{CanvasState, links, style, titles};
use crate::model::{NodeId, Workbook};

impl CanvasState {
    pub(super) fn apply_pending_view(&mut self, rect: Rect) {
        if !rect.is_positive() {
            return;
        }
        let resized = self
            .auto_area
            .is_none_or(|size| (size - rect.size()).length() > 0.5);
        if let Some(kind) = self.auto_view
            && resized
            && let Some(bounds) = self.map_bounds()
        {
            self.auto_area = Some(rect.size());
            match kind {
                AutoView::Whole => self.camera.fit(rect, bounds),
                AutoView::Opening => self.place_opening_view(rect, bounds),
            }
        }
        let before = self.camera;
        if let Some(factor) = self.zoom_pending.take() {
            self.camera.zoom_around(rect, rect.center(), factor);
        }
        if let Some(id) = self.center_pending.take()
            && let Some(node) = self.scene.final_rect_of(id)
        {
            self.camera.center_in_canvas = node.center();
        }
        if let Some(id) = self.reveal_pending.take()
            && let Some(node) = self.scene.final_rect_of(id)
        {
            let on_screen = self.camera.screen_from_canvas(rect) * node;
            self.camera
                .pan_by(reveal_delta(rect.shrink(REVEAL_MARGIN), on_screen));
        }
        if self.camera != before {
            self.auto_view = None;
        }
    }

    /// The first view of a map in `rect`: the whole map when its titles can be read that way; otherwise the
    /// root and its first-level branches at a readable zoom, with the rest of the map around them, out of view.
    pub(super) fn place_opening_view(&mut self, rect: Rect, bounds: Rect) {
        let mut whole = self.camera;
        whole.fit(rect, bounds);
        let readable = readable_zoom();
        if whole.zoom >= readable {
            self.camera = whole;
            return;
        }
        let Some(root) = self.scene.nodes.first() else {
            return;
        };
        // The root is first in the scene's order and its children are the nodes whose parent is at position 0.
        let focus = self
            .scene
            .nodes
            .iter()
            .filter(|node| node.parent == Some(0))
            .fold(root.rect, |focus, node| focus.union(node.rect));
        self.camera.zoom = readable;
        // Centred on the first level; when it does not fit at a size that can be read, moved no more than
        // needed to keep the root wholly in view, with as many branches around it as there is room for. No
        // margin is kept, unlike a fit: on a small window the first level may only just fit.
        let half = rect.size() / (2.0 * readable);
        let centre = focus.center();
        let keep = |centre: f32, min: f32, max: f32, half: f32| {
            if max - min > 2.0 * half {
                f32::midpoint(min, max)
            } else {
                centre.clamp(max - half, min + half)
            }
        };
        self.camera.center_in_canvas = Pos2::new(
            keep(centre.x, root.rect.min.x, root.rect.max.x, half.x),
            keep(centre.y, root.rect.min.y, root.rect.max.y, half.y),
        );
    }

    /// The bounding box of every visible node and cross-link, in canvas units.
    pub(super) fn map_bounds(&self) -> Option<Rect> {
        let scene = &self.scene;
        let mut bounds = scene.bounds;
        // Cross-links bow outwards; the middle of the curve lies halfway to its control point.
        let centre = scene
            .nodes
            .first()
            .map_or(Pos2::ZERO, |root| root.rect.center());
        for link in &scene.links {
            let start = scene.nodes[link.from as usize].rect.center();
            let end = scene.nodes[link.to as usize].rect.center();
            let control = links::cross_link_control(start, end, centre);
            let middle = start.lerp(end, 0.5).lerp(control, 0.5);
            bounds = bounds.union(Rect::from_center_size(middle, Vec2::new(160.0, 30.0)));
        }
        bounds.is_positive().then_some(bounds)
    }

    /// Asks for the whole map to be fitted to the window at the next frame, and again whenever the canvas
    /// changes size until the user moves the view (Ctrl+0, or after arranging the map).
    pub fn request_fit(&mut self) {
        self.auto_view = Some(AutoView::Whole);
        self.auto_area = None;
    }

    /// Asks for the first view of a newly opened map at the next frame: the whole map if its titles can be
    /// read that way, or else the root and its first-level branches at a readable size. It is placed again
    /// whenever the canvas changes size until the user moves the view.
    pub fn request_opening_view(&mut self) {
        self.auto_view = Some(AutoView::Opening);
        self.auto_area = None;
    }

    /// How many nodes that can be seen (not in a folded branch) lay wholly or partly outside the view in the
    /// last frame: more of the map than the window shows.
    #[must_use]
    pub fn nodes_out_of_view(&self) -> usize {
        self.out_of_view
    }

    /// Asks for the view to centre on a node at the next frame.
    pub fn request_center(&mut self, id: NodeId) {
        self.center_pending = Some(id);
    }

    /// Asks for a zoom around the centre of the view at the next frame.
    pub fn request_zoom(&mut self, factor: f32) {
        self.zoom_pending = Some(self.zoom_pending.unwrap_or(1.0) * factor);
    }

    /// Pans at the next frame, if needed and as little as needed, so that a node is inside the view with a
    /// margin around it, as a new node or the one the arrow keys reach. The rest of the map stays where the
    /// user left it as far as possible.
    pub fn reveal(&mut self, workbook: &Workbook, id: NodeId) {
        if workbook.map.topic(id).is_some() {
            self.reveal_pending = Some(id);
        }
    }

    /// The zoom in percent, for the status bar: whole percents, with one decimal below 10 % (a large map
    /// fitted to the window is at a fraction of a percent).
    #[must_use]
    pub fn zoom_label(&self) -> String {
        let percent = self.camera.zoom * 100.0;
        if percent < 9.95 {
            format!("{percent:.1}%")
        } else {
            format!("{percent:.0}%")
        }
    }
}

/// The room kept between a revealed node and the edge of the view, in screen points.
const REVEAL_MARGIN: f32 = 40.0;

/// The smallest pan (on screen) that brings `node` inside `view`. Along an axis where the node is larger than
/// the view, its centre goes to the view's centre.
pub(super) fn reveal_delta(view: Rect, node: Rect) -> Vec2 {
    let along = |node_min: f32, node_max: f32, view_min: f32, view_max: f32| {
        if node_max - node_min > view_max - view_min {
            f32::midpoint(view_min, view_max) - f32::midpoint(node_min, node_max)
        } else if node_min < view_min {
            view_min - node_min
        } else if node_max > view_max {
            view_max - node_max
        } else {
            0.0
        }
    };
    Vec2::new(
        along(node.min.x, node.max.x, view.min.x, view.max.x),
        along(node.min.y, node.max.y, view.min.y, view.max.y),
    )
}
