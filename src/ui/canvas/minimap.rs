//! The minimap: the whole map in a corner of the canvas, with the part in view outlined. Clicking or dragging
//! in it moves the view there.

use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Vec2};

use super::Camera;
use super::scene::Scene;

/// The size of the minimap on screen.
const SIZE: Vec2 = Vec2::new(180.0, 120.0);

/// Draws the minimap in the bottom-left corner of `area` and moves `camera` when it is clicked or dragged.
pub(crate) fn minimap_ui(ui: &mut egui::Ui, area: Rect, camera: &mut Camera, scene: &Scene) {
    if scene.nodes.len() < 2 || area.width() < SIZE.x * 2.5 || area.height() < SIZE.y * 2.5 {
        return;
    }
    let rect = Rect::from_min_size(area.left_bottom() + Vec2::new(10.0, -SIZE.y - 10.0), SIZE);
    let bounds = scene.bounds.expand2(Vec2::new(60.0, 20.0));
    let inner = rect.shrink(6.0);
    let scale = (inner.width() / bounds.width()).min(inner.height() / bounds.height());
    let offset = inner.center() - bounds.center().to_vec2() * scale;
    let to_mini = |p: Pos2| Pos2::new(p.x * scale, p.y * scale) + offset.to_vec2();
    let from_mini = |p: Pos2| Pos2::new((p.x - offset.x) / scale, (p.y - offset.y) / scale);

    let response = ui.interact(
        rect,
        egui::Id::unique("relmap-minimap"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Minimap"));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 6, ui.visuals().window_fill.gamma_multiply(0.92));
    painter.rect_stroke(rect, 6, ui.visuals().window_stroke, StrokeKind::Inside);
    // The specks were gathered when the map changed, one per cell, so this costs the same for any map.
    let mut mesh = egui::epaint::Mesh::default();
    for &(at, colour) in &scene.minimap {
        mesh.add_colored_rect(
            Rect::from_center_size(to_mini(at), Vec2::new(4.0, 2.5)),
            colour,
        );
    }
    painter.add(egui::Shape::mesh(mesh));
    // The part of the map in view.
    let screen_from_canvas = camera.screen_from_canvas(area);
    let canvas_from_screen = screen_from_canvas.inverse();
    let view = Rect::from_min_max(
        to_mini(canvas_from_screen * area.min),
        to_mini(canvas_from_screen * area.max),
    );
    painter.rect_stroke(
        view.intersect(rect),
        2,
        Stroke::new(1.5, Color32::from_rgb(0xff, 0xb0, 0x00)),
        StrokeKind::Middle,
    );

    if (response.clicked() || response.dragged())
        && let Some(pointer) = response.interact_pointer_pos()
    {
        camera.center_in_canvas = from_mini(pointer);
    }
    response.on_hover_text("Click or drag to move the view");
}
