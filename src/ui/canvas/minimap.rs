//! The minimap: the whole map in a corner of the canvas, with the part in view outlined. Clicking or dragging
//! in it moves the view there.

use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

use super::Camera;
use super::scene::{Scene, SceneNode};

/// The size of the minimap on screen.
const SIZE: Vec2 = Vec2::new(180.0, 120.0);

/// The space between the minimap's edge and the map in it.
const MARGIN: f32 = 6.0;

/// The side of the patch of the minimap one speck stands for, in points.
const SPECK: f32 = 2.0;

/// The part of the canvas the minimap shows: the map with room for the boxes at its edges.
fn drawn_bounds(map_bounds: Rect) -> Rect {
    map_bounds.expand2(Vec2::new(60.0, 20.0))
}

/// Minimap points per canvas unit, for a map within `bounds`.
fn scale_of(bounds: Rect) -> f32 {
    let inner = SIZE - Vec2::splat(2.0 * MARGIN);
    (inner.x / bounds.width()).min(inner.y / bounds.height())
}

/// The nodes as the minimap draws them: one speck, with the colour of the first node (in drawing order) in it,
/// for every patch of [`SPECK`] points of the minimap that holds a node. However large the map, that is at most
/// a few thousand specks, gathered once when the map changes.
pub(crate) fn specks(nodes: &[SceneNode], map_bounds: Rect) -> Vec<(Pos2, Color32)> {
    let bounds = drawn_bounds(map_bounds);
    let mut specks = Vec::new();
    if !bounds.is_positive() {
        return specks;
    }
    let patch = SPECK / scale_of(bounds);
    let columns = ((bounds.width() / patch).ceil() as usize).max(1);
    let rows = ((bounds.height() / patch).ceil() as usize).max(1);
    let mut taken = vec![false; columns * rows];
    for node in nodes {
        let at = node.rect.center();
        let x = (((at.x - bounds.min.x) / patch) as usize).min(columns - 1);
        let y = (((at.y - bounds.min.y) / patch) as usize).min(rows - 1);
        if !std::mem::replace(&mut taken[y * columns + x], true) {
            specks.push((at, node.branch));
        }
    }
    specks
}

/// The corners of the canvas the minimap may stand in; the top-left one holds the toolbar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Corner {
    #[default]
    BottomLeft,
    BottomRight,
    TopRight,
}

impl Corner {
    /// Every corner, in the order of preference.
    pub const ALL: [Corner; 3] = [Corner::BottomLeft, Corner::BottomRight, Corner::TopRight];
}

/// Where the minimap is painted this frame.
pub(crate) struct Layer {
    /// Its box.
    pub rect: Rect,
    /// A place in the canvas's shapes before the map's, for the minimap to go under the map.
    pub underlay: egui::layers::ShapeIdx,
    /// Whether the minimap was in front of the map last frame.
    pub in_front: bool,
    /// Whether any node's box on screen meets the minimap's.
    pub covers_nodes: bool,
}

/// How strongly the minimap shows while it lies under the map: faint, so the nodes over it read clearly.
const UNDERLAY_OPACITY: f32 = 0.35;

/// The minimap's box in a `corner` of a canvas `area`, or nothing when the area is too small to spare the
/// room.
pub(crate) fn minimap_rect(area: Rect, corner: Corner) -> Option<Rect> {
    let min = match corner {
        Corner::BottomLeft => area.left_bottom() + Vec2::new(10.0, -SIZE.y - 10.0),
        Corner::BottomRight => area.right_bottom() - SIZE - Vec2::splat(10.0),
        Corner::TopRight => area.right_top() + Vec2::new(-SIZE.x - 10.0, 10.0),
    };
    (area.width() >= SIZE.x * 2.5 && area.height() >= SIZE.y * 2.5)
        .then(|| Rect::from_min_size(min, SIZE))
}

/// Draws the minimap in its corner of `area` and moves `camera` when it is clicked or dragged.
///
/// The minimap never hides a node: while nodes lie beneath it, it is drawn faintly under the map (an overview,
/// not an empty frame), and it comes to the front only while the pointer is on it. Returns whether it is in
/// front.
pub(crate) fn minimap_ui(
    ui: &mut egui::Ui,
    area: Rect,
    camera: &mut Camera,
    scene: &Scene,
    layer: &Layer,
) -> bool {
    if scene.nodes.len() < 2 {
        return false;
    }
    let rect = layer.rect;
    if !area.contains_rect(rect) {
        return false;
    }
    let id = egui::Id::unique("relmap-minimap");
    let pointer_on = ui
        .input(|i| i.pointer.hover_pos())
        .is_some_and(|p| rect.contains(p));
    let dragging = layer.in_front && ui.ctx().is_being_dragged(id);
    let in_front = pointer_on || dragging || !layer.covers_nodes;

    let bounds = drawn_bounds(scene.bounds);
    let inner = rect.shrink(MARGIN);
    let scale = scale_of(bounds);
    let offset = inner.center() - bounds.center().to_vec2() * scale;
    let to_mini = |p: Pos2| Pos2::new(p.x * scale, p.y * scale) + offset.to_vec2();
    let from_mini = |p: Pos2| Pos2::new((p.x - offset.x) / scale, (p.y - offset.y) / scale);

    // Under the map it only shows, and clicks reach the nodes over it.
    let sense = if in_front {
        Sense::click_and_drag()
    } else {
        Sense::hover()
    };
    let response = ui.interact(rect, id, sense);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Minimap"));
    let opacity = if in_front { 1.0 } else { UNDERLAY_OPACITY };
    let mut shapes = Vec::with_capacity(4);
    shapes.push(egui::Shape::rect_filled(
        rect,
        6,
        ui.visuals().window_fill.gamma_multiply(0.92 * opacity),
    ));
    let frame = ui.visuals().window_stroke;
    shapes.push(egui::Shape::rect_stroke(
        rect,
        6,
        Stroke::new(frame.width, frame.color.gamma_multiply(opacity)),
        StrokeKind::Inside,
    ));
    // The specks were gathered when the map changed, one per cell, so this costs the same for any map.
    let mut mesh = egui::epaint::Mesh::default();
    mesh.reserve_vertices(4 * scene.minimap.len());
    mesh.reserve_triangles(2 * scene.minimap.len());
    for &(at, colour) in &scene.minimap {
        mesh.add_colored_rect(
            Rect::from_center_size(to_mini(at), Vec2::new(4.0, 2.5)),
            colour.gamma_multiply(opacity),
        );
    }
    shapes.push(egui::Shape::mesh(mesh));
    // The part of the map in view.
    let screen_from_canvas = camera.screen_from_canvas(area);
    let canvas_from_screen = screen_from_canvas.inverse();
    let view = Rect::from_min_max(
        to_mini(canvas_from_screen * area.min),
        to_mini(canvas_from_screen * area.max),
    );
    // Zoomed far in on a large map the view is a speck: keep its outline big enough to find.
    let view = Rect::from_center_size(view.center(), view.size().max(Vec2::new(8.0, 6.0)));
    shapes.push(egui::Shape::rect_stroke(
        view.intersect(rect),
        2,
        Stroke::new(
            1.5,
            Color32::from_rgb(0xff, 0xb0, 0x00).gamma_multiply(opacity.max(0.6)),
        ),
        StrokeKind::Middle,
    ));
    let painter = ui.painter_at(rect);
    if in_front {
        painter.extend(shapes);
    } else {
        painter.set(layer.underlay, egui::Shape::Vec(shapes));
    }

    if in_front
        && (response.clicked() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        camera.center_in_canvas = from_mini(pointer);
    }
    if in_front {
        response.on_hover_text("Click or drag to move the view");
    }
    in_front
}
