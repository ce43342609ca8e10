//! What a frame draws, read back from the shapes it hands to egui: at every level of detail a node on screen
//! is drawn and a node off screen is not.

use std::collections::HashSet;

use egui::epaint::{Mesh, Shape};
use egui::{Pos2, Rect, Vec2};

use super::lod::Detail;
use super::{CanvasState, paint};
use crate::model::{NodeId, Workbook};
use crate::ui::selection::Selection;

const WINDOW: Vec2 = Vec2::new(1000.0, 700.0);

/// Runs one headless frame of the canvas with the camera at `centre` and `zoom`; returns the shapes drawn.
fn frame(canvas: &mut CanvasState, workbook: &Workbook, centre: Pos2, zoom: f32) -> Vec<Shape> {
    let ctx = egui::Context::default();
    canvas.camera.center_in_canvas = centre;
    canvas.camera.zoom = zoom;
    let mut shapes = Vec::new();
    for _ in 0..2 {
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, WINDOW)),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE)
                .show(ui, |ui| {
                    canvas.ui(
                        ui,
                        workbook,
                        &Selection::default(),
                        &HashSet::new(),
                        None,
                        (7, 7),
                    );
                });
        });
        output.textures_delta.clear();
        shapes = output.shapes.into_iter().map(|c| c.shape).collect();
    }
    let mut flat = Vec::new();
    flatten(shapes, &mut flat);
    flat
}

fn flatten(shapes: Vec<Shape>, out: &mut Vec<Shape>) {
    for shape in shapes {
        match shape {
            Shape::Vec(inner) => flatten(inner, out),
            other => out.push(other),
        }
    }
}

/// The axis-aligned quads of every mesh, as rectangles.
fn quads(shapes: &[Shape]) -> Vec<Rect> {
    let mut found = Vec::new();
    for shape in shapes {
        if let Shape::Mesh(mesh) = shape {
            let mesh: &Mesh = mesh;
            for v in mesh.vertices.chunks_exact(4) {
                let same = |a: f32, b: f32| (a - b).abs() < 1e-4;
                let is_rect = same(v[0].pos.y, v[1].pos.y)
                    && same(v[0].pos.x, v[2].pos.x)
                    && same(v[3].pos.x, v[1].pos.x)
                    && same(v[3].pos.y, v[2].pos.y);
                if is_rect {
                    found.push(Rect::from_min_max(v[0].pos, v[3].pos));
                }
            }
        }
    }
    found
}

/// The filled rectangles drawn as shapes of their own (the boxes of nodes at full detail).
fn boxes(shapes: &[Shape]) -> Vec<Rect> {
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect(rect) => Some(rect.rect),
            _ => None,
        })
        .collect()
}

/// How many node titles were drawn (the canvas's buttons have text too).
fn titles(canvas: &CanvasState, shapes: &[Shape]) -> usize {
    let titles: HashSet<&str> = canvas.scene.nodes.iter().map(|n| n.text.as_str()).collect();
    shapes
        .iter()
        .filter(|s| matches!(s, Shape::Text(text) if titles.contains(text.galley.text())))
        .count()
}

fn close(a: Rect, b: Rect) -> bool {
    (a.min - b.min).length() < 0.01 && (a.max - b.max).length() < 0.01
}

/// Views of a 3,000-node map at each level of detail: the centre on screen and the zoom.
fn views(workbook: &Workbook) -> Vec<(Pos2, f32, Detail)> {
    let ids = workbook.map.sorted_ids();
    let at = |i: usize| {
        let pos = workbook
            .map
            .topic(ids[i])
            .map(|t| t.pos)
            .unwrap_or_default();
        Pos2::new(pos.x, pos.y)
    };
    vec![
        (at(ids.len() / 2), 1.0, Detail::Full),
        (at(ids.len() / 3), 0.6, Detail::Full),
        (at(100), 0.15, Detail::Boxes),
        (at(ids.len() - 1), 0.12, Detail::Boxes),
        (at(ids.len() / 4), 0.02, Detail::Clusters),
        (at(0), 0.005, Detail::Clusters),
    ]
}

#[test]
fn every_node_on_screen_is_drawn_and_no_node_off_screen_is() {
    let workbook = crate::layout::generated(3_000);
    let clip = Rect::from_min_size(Pos2::ZERO, WINDOW);
    for (centre, zoom, detail) in views(&workbook) {
        assert_eq!(Detail::at(zoom), detail);
        let mut canvas = CanvasState::default();
        let shapes = frame(&mut canvas, &workbook, centre, zoom);
        let to_screen = canvas.camera.screen_from_canvas(clip);
        let drawn = match detail {
            Detail::Full => boxes(&shapes),
            Detail::Boxes | Detail::Clusters => quads(&shapes),
        };
        let (mut on, mut off) = (0, 0);
        for node in &canvas.scene.nodes {
            let rect = to_screen.mul_rect(node.rect);
            let shown = match detail {
                // A cluster's speck stands for every node whose centre falls in it.
                Detail::Clusters => drawn.iter().any(|d| d.contains(rect.center())),
                _ => drawn.iter().any(|d| close(*d, rect)),
            };
            let on_screen = match detail {
                Detail::Clusters => clip.contains(rect.center()),
                _ => rect.intersects(clip),
            };
            if on_screen {
                on += 1;
                assert!(
                    shown,
                    "{:?} is on screen at zoom {zoom} but was not drawn",
                    node.id
                );
            } else {
                off += 1;
                if detail != Detail::Clusters {
                    assert!(
                        !shown,
                        "{:?} is off screen at zoom {zoom} but was drawn",
                        node.id
                    );
                }
            }
        }
        assert!(on > 0, "zoom {zoom}: nothing on screen");
        // Every view but the last (the whole map) leaves part of the map off screen.
        assert!(off > 0 || zoom < 0.01, "zoom {zoom}: nothing off screen");
        // Nothing is drawn wholly outside the canvas.
        for d in drawn.iter().filter(|_| detail != Detail::Full) {
            assert!(
                d.intersects(clip.expand(1.0)),
                "zoom {zoom}: {d:?} is off screen"
            );
        }
    }
}

#[test]
fn zoomed_out_a_frame_draws_clusters_not_every_node() {
    let workbook = crate::layout::generated(3_000);
    let mut canvas = CanvasState::default();
    let shapes = frame(&mut canvas, &workbook, Pos2::ZERO, 0.003);
    let specks = quads(&shapes).len();
    assert!(
        specks < canvas.scene.nodes.len() / 3,
        "{specks} specks for {} nodes",
        canvas.scene.nodes.len()
    );
    assert_eq!(
        titles(&canvas, &shapes),
        0,
        "no titles when they cannot be read"
    );
}

#[test]
fn titles_are_drawn_only_where_they_can_be_read() {
    let workbook = crate::layout::generated(500);
    let centre = workbook
        .map
        .topic(workbook.map.root())
        .map(|t| t.pos)
        .unwrap_or_default();
    let centre = Pos2::new(centre.x, centre.y);
    let readable = paint::MIN_READABLE_FONT / crate::ui::style::TITLE_SIZE;
    let texts = |zoom: f32| {
        let mut canvas = CanvasState::default();
        let shapes = frame(&mut canvas, &workbook, centre, zoom);
        titles(&canvas, &shapes)
    };
    assert!(texts(readable * 1.05) > 10);
    assert_eq!(texts(readable * 0.95), 0);
}

#[test]
fn the_node_under_the_pointer_is_found_in_the_scene_wherever_the_view_is() {
    let workbook = crate::layout::generated(2_000);
    let clip = Rect::from_min_size(Pos2::ZERO, WINDOW);
    for (centre, zoom, _) in views(&workbook) {
        let mut canvas = CanvasState::default();
        frame(&mut canvas, &workbook, centre, zoom);
        let to_screen = canvas.camera.screen_from_canvas(clip);
        let mut checked = 0;
        for node in canvas.scene.nodes.iter().step_by(7) {
            let rect = to_screen.mul_rect(node.rect);
            if !clip.contains(rect.center()) {
                continue;
            }
            let under: Option<NodeId> = canvas.node_at(clip, rect.center());
            // Another node may lie on top of this one; whichever it is, its box holds the point.
            let hit = under.and_then(|id| canvas.scene.rect_of(id));
            assert!(
                hit.is_some_and(|r| to_screen.mul_rect(r).expand(0.01).contains(rect.center()))
            );
            checked += 1;
        }
        assert!(checked > 0, "zoom {zoom}");
    }
}

#[test]
fn revealing_a_node_pans_only_as_far_as_it_must() {
    let view = Rect::from_min_max(Pos2::new(40.0, 40.0), Pos2::new(560.0, 360.0));
    let node = |x: f32, y: f32| Rect::from_min_size(Pos2::new(x, y), Vec2::new(100.0, 20.0));
    // Inside: no pan at all.
    assert_eq!(
        super::view::reveal_delta(view, node(200.0, 100.0)),
        Vec2::ZERO
    );
    // Past the right edge by 30 and above the top by 15: pulled back exactly that far.
    assert_eq!(
        super::view::reveal_delta(view, node(490.0, 25.0)),
        Vec2::new(-30.0, 15.0)
    );
    // Past the left and bottom edges.
    assert_eq!(
        super::view::reveal_delta(view, node(-500.0, 400.0)),
        Vec2::new(540.0, -60.0)
    );
    // Wider than the view: centred along that axis.
    let wide = Rect::from_min_size(Pos2::new(0.0, 100.0), Vec2::new(800.0, 20.0));
    assert_eq!(
        super::view::reveal_delta(view, wide),
        Vec2::new(-100.0, 0.0)
    );
}
