//! Painting the map: tree links as curves, cross-links dashed with an arrow, nodes as rounded boxes. Only what
//! is in view is painted, and with less detail the further the map is zoomed out (see [`Detail`]).

use egui::emath::TSTransform;
use egui::epaint::{CubicBezierShape, Mesh};
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2};

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::{Frequency, Health, LinkId, NodeId, Profile, StrategyStatus, Workbook};

use super::links::{LinkStyle, cross_link_control, paint_cross_link};
use super::lod::{Detail, Scratch, paint_plain, paint_plain_highlights, paint_plain_late_badges};
use super::scene::{MapVersion, Scene, SceneNode};
use super::titles;
use crate::ui::style;

/// What the canvas shows besides the map itself.
pub(crate) struct PaintView<'a> {
    /// The selected nodes, outlined.
    pub selection: &'a HashSet<NodeId>,
    /// The selected cross-link, drawn thicker.
    pub selected_link: Option<LinkId>,
    /// Nodes that match the find bar, highlighted.
    pub found: &'a HashSet<NodeId>,
    /// The node a drag would drop onto.
    pub drop_target: Option<NodeId>,
    /// The node whose title is being typed; its title is not painted under the text field.
    pub editing: Option<NodeId>,
    /// Whether to draw the planning markers (health dot, overdue badge, count of active strategies); off for a
    /// clean map.
    pub show_markers: bool,
    /// The date that counts as today, for the overdue badges.
    pub today: NaiveDate,
    /// The colour of the canvas, behind link labels.
    pub background: Color32,
    /// The state of the map drawn, so that what is gathered from it can be kept until it changes.
    pub version: MapVersion,
}

/// Below this font size on screen, titles are not drawn: they could not be read anyway.
pub(crate) const MIN_READABLE_FONT: f32 = 5.0;

/// The title as shown: an empty title reads "(untitled)".
pub(crate) fn display_title(title: &str) -> String {
    if title.trim().is_empty() {
        "(untitled)".to_owned()
    } else {
        title.to_owned()
    }
}

/// Where a node of the scene is on screen this frame: its box moved by the drag, if it is being dragged.
pub(crate) struct Placement<'a> {
    /// The canvas area on screen; nothing is drawn outside it.
    pub clip: Rect,
    /// From canvas units to screen points.
    pub screen_from_canvas: TSTransform,
    /// The nodes being dragged, and how far, in canvas units.
    pub moving: Option<(&'a HashSet<NodeId>, Vec2)>,
}

impl Placement<'_> {
    /// The box of `node` on screen.
    pub fn rect(&self, node: &SceneNode) -> Rect {
        let mut rect = self.screen_from_canvas.mul_rect(node.rect);
        if let Some((moving, delta)) = self.moving
            && moving.contains(&node.id)
        {
            rect = rect.translate(delta * self.screen_from_canvas.scaling);
        }
        rect
    }
}

/// Paints the nodes of `scratch.visible` and their links, and every cross-link in view. Returns the cross-links
/// drawn, with the points of their lines on screen, for hit-testing.
pub(crate) fn paint_map(
    painter: &Painter,
    place: &Placement<'_>,
    scene: &Scene,
    workbook: &Workbook,
    view: &PaintView<'_>,
    scratch: &mut Scratch,
) -> Vec<(LinkId, Vec<Pos2>)> {
    let clip = place.clip;
    let zoom = place.screen_from_canvas.scaling;
    let detail = Detail::at(zoom);
    let rect_of = |i: u32| place.rect(&scene.nodes[i as usize]);
    // Every frame, even one without titles, so that the titles notice when egui empties its font atlas.
    scratch.titles.begin(painter);
    if detail == Detail::Full {
        // Tree links first, so boxes cover their ends.
        for &i in &scratch.visible {
            let node = &scene.nodes[i as usize];
            let Some(parent) = node.parent else { continue };
            let (from, to) = (rect_of(parent), rect_of(i));
            if !from.union(to).intersects(clip) {
                continue;
            }
            let width = if scene.nodes[parent as usize].is_root {
                3.0
            } else {
                1.8
            };
            painter.add(tree_curve(
                from,
                to,
                Stroke::new((width * zoom).max(0.6), node.branch),
            ));
        }
    } else {
        paint_plain(painter, clip, place, scene, scratch, detail);
    }

    // Cross-links, dashed, with an arrow at the target and the label at the middle.
    let look = LinkStyle {
        zoom,
        show_text: detail == Detail::Full,
        background: view.background,
        // The root is the first node of the scene.
        map_centre: if scene.nodes.is_empty() {
            clip.center()
        } else {
            rect_of(0).center()
        },
    };
    let mut links_drawn = Vec::new();
    let mut plain_links = Mesh::default();
    // Where the view is in canvas units: a link whose curve lies wholly outside it is passed over without
    // placing it on screen, unless a drag is moving its ends.
    let view_in_canvas = place.screen_from_canvas.inverse().mul_rect(clip);
    for link in &scene.links {
        if place.moving.is_none() && !link.reach.intersects(view_in_canvas) {
            continue;
        }
        let (from, to) = (rect_of(link.from), rect_of(link.to));
        let control = cross_link_control(from.center(), to.center(), look.map_centre);
        let reach = from
            .union(to)
            .union(Rect::from_center_size(control, Vec2::ZERO));
        if !reach.intersects(clip) {
            continue;
        }
        let selected = view.selected_link == Some(link.id);
        paint_cross_link(
            painter,
            clip,
            (link.id, from, to, &link.label),
            &look,
            selected,
            &mut links_drawn,
            &mut plain_links,
        );
    }
    if !plain_links.is_empty() {
        painter.add(Shape::mesh(plain_links));
    }
    if detail != Detail::Full {
        paint_plain_highlights(painter, place, scene, view, scratch);
        if view.show_markers {
            paint_plain_late_badges(painter, place, scene, workbook, view, scratch);
        }
        return links_drawn;
    }

    // Nodes.
    let map = &workbook.map;
    let corner = (8.0 * zoom).clamp(1.0, 12.0) as u8;
    let font_size = titles::size_step(style::TITLE_SIZE * zoom);
    let mut on_screen = 0;
    for &i in &scratch.visible {
        let node = &scene.nodes[i as usize];
        let rect = rect_of(i);
        if !rect.intersects(clip) {
            continue;
        }
        on_screen += 1;
        painter.rect_filled(rect, corner, node.fill);
        painter.rect_stroke(
            rect,
            corner,
            Stroke::new((1.2 * zoom).max(0.5), node.border),
            StrokeKind::Inside,
        );
        if view.drop_target == Some(node.id) {
            painter.rect_stroke(
                rect.expand(5.0),
                corner + 3,
                Stroke::new(3.0, style::DROP_TARGET),
                StrokeKind::Outside,
            );
        }
        if view.found.contains(&node.id) {
            painter.rect_stroke(
                rect.expand(2.0),
                corner + 1,
                Stroke::new(3.0, style::FIND_HIT),
                StrokeKind::Outside,
            );
        }
        if view.selection.contains(&node.id) {
            painter.rect_stroke(
                rect.expand(3.0),
                corner + 2,
                Stroke::new(2.5, style::SELECTION),
                StrokeKind::Outside,
            );
        }
        if view.editing != Some(node.id)
            && let Some(galley) = scratch.titles.get(painter, node, font_size)
        {
            let pos = rect.center() - galley.size() / 2.0;
            painter.galley(pos, galley, Color32::WHITE);
        }
        // Markers are only worth drawing where the titles can be read; below that they would be specks.
        if view.show_markers
            && let Some(topic) = map.topic(node.id)
        {
            paint_markers(painter, rect, &topic.profile, view.today, zoom);
        }
        if node.hidden > 0 {
            paint_fold_badge(painter, rect, node.hidden, zoom);
        }
    }
    scratch.titles.end(on_screen);
    if scratch.titles.behind {
        // Some titles are still drawn at an earlier size: lay them out in the next frames.
        painter.ctx().request_repaint();
    }
    links_drawn
}

/// A horizontal S-curve from the side of `from` that faces `to`.
fn tree_curve(from: Rect, to: Rect, stroke: Stroke) -> CubicBezierShape {
    let rightwards = to.center().x >= from.center().x;
    let (start, end) = if rightwards {
        (from.right_center(), to.left_center())
    } else {
        (from.left_center(), to.right_center())
    };
    let bend = ((end.x - start.x) * 0.5).abs().max(10.0) * if rightwards { 1.0 } else { -1.0 };
    CubicBezierShape::from_points_stroke(
        [
            start,
            start + Vec2::new(bend, 0.0),
            end - Vec2::new(bend, 0.0),
            end,
        ],
        false,
        Color32::TRANSPARENT,
        stroke,
    )
}

/// The planning markers of one node: a dot coloured by its health at the left, a red badge with the days late
/// at the top-right corner, and the number of active strategies at the bottom-right corner.
fn paint_markers(painter: &Painter, rect: Rect, profile: &Profile, today: NaiveDate, zoom: f32) {
    // The dot straddles the top-left corner, like the badges on the right, so it never crowds the title. A node
    // with a frequency but no rating gets a grey dot: a relationship that has not been assessed yet.
    let tended = profile.frequency != Frequency::None;
    if profile.health != Health::NotAssessed || tended {
        let radius = (4.0 * zoom).max(2.5);
        let centre = rect.left_top() + Vec2::splat(2.5 * zoom);
        painter.circle(
            centre,
            radius,
            style::health_colour(profile.health),
            Stroke::new((1.2 * zoom).max(0.8), Color32::WHITE),
        );
    }
    // Below half size a whole "63d late" would crowd the map: the overdue badge keeps its red pill and its
    // number, and the count of strategies, which is only a detail, is left out. The badge never shrinks to a
    // dot, which would read as the health marker.
    let readable = zoom >= 0.5;
    let font_size = (9.5 * zoom).max(7.5);
    if let Some(late) = profile.overdue_days(today) {
        paint_late_badge(painter, rect, late, zoom);
    }
    let active = profile
        .strategies
        .iter()
        .filter(|s| s.status == StrategyStatus::Active)
        .count();
    if active > 0 && readable {
        let text = format!("{STRATEGY_GLYPH} {active}");
        let anchor = Pos2::new(rect.right() - 10.0 * zoom, rect.bottom());
        paint_badge(
            painter,
            anchor,
            &text,
            font_size,
            Color32::from_gray(70),
            Color32::WHITE,
        );
    }
}

/// The overdue badge of a node whose box is `rect` on screen, `late` days late: "63d late" where there is room,
/// and a compact "63d" at a smaller zoom, in a red pill that stays legible at any zoom. Returns its box.
pub(crate) fn paint_late_badge(painter: &Painter, rect: Rect, late: i64, zoom: f32) -> Rect {
    let (text, font_size) = if zoom >= 0.5 {
        (format!("{late}d late"), (9.5 * zoom).max(7.5))
    } else {
        (format!("{late}d"), COMPACT_BADGE_FONT)
    };
    // The badges start inside the box's right end and grow outwards, so that on a short title they cover
    // neither the health dot nor the text; on a box of a few points they start at its right edge.
    let inset = (10.0 * zoom).min(rect.width() / 2.0);
    let anchor = Pos2::new(rect.right() - inset, rect.top());
    paint_badge(painter, anchor, &text, font_size, OVERDUE, Color32::WHITE)
}

/// The font size of the compact overdue badge, in points: small, but still read at a glance.
const COMPACT_BADGE_FONT: f32 = 8.5;

/// Marks the count of active strategies: a target, for a focused way of tending the relationship.
const STRATEGY_GLYPH: &str = "🎯";

/// The red of the overdue badges.
pub(crate) const OVERDUE: Color32 = Color32::from_rgb(0xd0, 0x3b, 0x3b);

/// A small pill with text, its left end at `left_centre.x`, centred vertically on it. Returns its box.
fn paint_badge(
    painter: &Painter,
    left_centre: Pos2,
    text: &str,
    font_size: f32,
    fill: Color32,
    ink: Color32,
) -> Rect {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(font_size), ink);
    let size = galley.size() + Vec2::new(font_size * 0.9, font_size * 0.15);
    let rect = Rect::from_min_size(Pos2::new(left_centre.x, left_centre.y - size.y / 2.0), size);
    painter.rect(
        rect,
        size.y / 2.0,
        fill,
        Stroke::new(1.0, Color32::from_black_alpha(60)),
        StrokeKind::Inside,
    );
    painter.galley(rect.center() - galley.size() / 2.0, galley, ink);
    rect
}

fn paint_fold_badge(painter: &Painter, rect: Rect, hidden: usize, zoom: f32) {
    let radius = (9.0 * zoom).max(5.0);
    let center = rect.right_center() + Vec2::new(radius + 2.0, 0.0);
    painter.circle_filled(center, radius, Color32::from_gray(90));
    if zoom >= 0.4 {
        painter.text(
            center,
            egui::Align2::CENTER_CENTER,
            hidden.to_string(),
            FontId::proportional(10.0 * zoom.max(0.8)),
            Color32::WHITE,
        );
    }
}

/// The ring drawn just inside the map's edge while the map has the keyboard, in the colour of a selection.
pub fn focus_ring(area: egui::Rect, visuals: &egui::Visuals) -> egui::Shape {
    egui::Shape::rect_stroke(
        area.shrink(1.0),
        4.0,
        egui::Stroke::new(FOCUS_RING_WIDTH, visuals.selection.bg_fill),
        egui::StrokeKind::Inside,
    )
}

/// The width of the map's focus ring, in points.
pub const FOCUS_RING_WIDTH: f32 = 2.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strategy_marker_is_in_the_bundled_fonts() {
        let harness = egui_kittest::Harness::new_ui(|ui| {
            ui.label("fonts");
        });
        let font = FontId::proportional(9.5);
        assert!(
            harness
                .ctx
                .fonts_mut(|fonts| fonts.has_glyphs(&font, STRATEGY_GLYPH))
        );
    }
}
