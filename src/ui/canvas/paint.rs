//! Painting the map: tree links as curves, cross-links dashed with an arrow, nodes as rounded boxes.

use egui::epaint::CubicBezierShape;
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2};

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::{Frequency, Health, LinkId, NodeId, Profile, StrategyStatus, Workbook};
use crate::ui::selection::Selection;

use super::{Camera, Placed, padded};
use crate::ui::style;

/// What was painted, for the canvas to hit-test.
pub(crate) struct Painted {
    /// Every node drawn, with its box on screen.
    pub nodes: Vec<Placed>,
    /// Every cross-link drawn, with the points of its line on screen.
    pub links: Vec<(LinkId, Vec<Pos2>)>,
}

/// What the canvas shows besides the map itself.
pub(crate) struct PaintView<'a> {
    /// The selected nodes, outlined.
    pub selection: &'a Selection,
    /// Nodes that match the find bar, highlighted.
    pub found: &'a HashSet<NodeId>,
    /// Nodes being dragged, and how far, in canvas units.
    pub moving: Option<(&'a HashSet<NodeId>, Vec2)>,
    /// The node a drag would drop onto.
    pub drop_target: Option<NodeId>,
    /// The node whose title is being typed; its title is not painted under the text field.
    pub editing: Option<NodeId>,
    /// Whether to draw the planning markers (health dot, overdue badge, count of active strategies); off for a
    /// clean map.
    pub show_markers: bool,
    /// The date that counts as today, for the overdue badges.
    pub today: NaiveDate,
}

/// Below this font size on screen, titles are not drawn: they could not be read anyway.
const MIN_READABLE_FONT: f32 = 4.0;

/// The size of a node's box in canvas units.
pub(crate) fn node_size_in_canvas(ctx: &egui::Context, title: &str, is_root: bool) -> Vec2 {
    let font = FontId::proportional(style::TITLE_SIZE * if is_root { 1.25 } else { 1.0 });
    let galley = ctx.fonts_mut(|f| {
        f.layout(
            display_title(title),
            font,
            Color32::WHITE,
            style::TITLE_WRAP,
        )
    });
    padded(galley.size(), 1.0).max(Vec2::new(48.0, 0.0))
}

/// The title as shown: an empty title reads "(untitled)".
pub(crate) fn display_title(title: &str) -> String {
    if title.trim().is_empty() {
        "(untitled)".to_owned()
    } else {
        title.to_owned()
    }
}

/// Paints the whole map and returns where each visible node went.
pub(crate) fn paint_map(
    ui: &egui::Ui,
    painter: &Painter,
    clip: Rect,
    camera: &Camera,
    workbook: &Workbook,
    view: &PaintView<'_>,
) -> Painted {
    let map = &workbook.map;
    let screen_from_canvas = camera.screen_from_canvas(clip);
    let zoom = camera.zoom;
    let font_scale = style::TITLE_SIZE * zoom;
    let show_text = font_scale >= MIN_READABLE_FONT;

    // Lay out every node that is not folded away.
    let mut placed: Vec<Placed> = Vec::with_capacity(map.len());
    let mut galleys = Vec::with_capacity(map.len());
    for id in map.subtree_unfolded() {
        let Some(topic) = map.topic(id) else { continue };
        let is_root = id == map.root();
        let mut center = screen_from_canvas * Pos2::new(topic.pos.x, topic.pos.y);
        if let Some((moving, delta)) = view.moving
            && moving.contains(&id)
        {
            center += delta * zoom;
        }
        let (size, galley) = if show_text {
            let font = FontId::proportional(font_scale * if is_root { 1.25 } else { 1.0 });
            let (_, text_colour, _) = style::node_colours(map, id);
            let mut text = display_title(&topic.title);
            if let Some(icon) = topic.icon {
                text = format!("{} {text}", icon.glyph());
            }
            let galley = painter.layout(text, font, text_colour, style::TITLE_WRAP * zoom);
            (
                padded(galley.size(), zoom).max(Vec2::new(48.0 * zoom, 0.0)),
                Some(galley),
            )
        } else {
            (
                node_size_in_canvas(ui.ctx(), &topic.title, is_root) * zoom,
                None,
            )
        };
        placed.push(Placed {
            id,
            rect: Rect::from_center_size(center, size),
        });
        galleys.push(galley);
    }
    let rect_of: std::collections::HashMap<NodeId, Rect> =
        placed.iter().map(|p| (p.id, p.rect)).collect();

    // Tree links first, so boxes cover their ends.
    for node in &placed {
        let Some(parent) = map.parent(node.id) else {
            continue;
        };
        let Some(&from) = rect_of.get(&parent) else {
            continue;
        };
        let to = node.rect;
        let colour = style::branch_colour(map, node.id);
        let width = if parent == map.root() { 3.0 } else { 1.8 };
        let link_bounds = from.union(to);
        if !link_bounds.intersects(clip) {
            continue;
        }
        painter.add(tree_curve(
            from,
            to,
            Stroke::new((width * zoom).max(0.6), colour),
        ));
    }

    // Cross-links, dashed, with an arrow at the target and the label at the middle.
    let look = LinkStyle {
        zoom,
        show_text,
        background: ui.visuals().extreme_bg_color,
        map_centre: rect_of.get(&map.root()).map_or(clip.center(), Rect::center),
    };
    let mut links: Vec<_> = map.links().collect();
    links.sort_by_key(|link| link.id);
    let mut links_drawn = Vec::new();
    for link in links {
        let (Some(&from), Some(&to)) = (rect_of.get(&link.from), rect_of.get(&link.to)) else {
            continue;
        };
        if !from.union(to).intersects(clip) {
            continue;
        }
        let selected = view.selection.link() == Some(link.id);
        if let Some(points) = paint_cross_link(painter, from, to, &link.label, &look, selected) {
            links_drawn.push((link.id, points));
        }
    }

    // Nodes.
    let corner = (8.0 * zoom).clamp(1.0, 12.0) as u8;
    for (node, galley) in placed.iter().zip(galleys) {
        if !node.rect.intersects(clip) {
            continue;
        }
        let (fill, _, border) = style::node_colours(map, node.id);
        painter.rect_filled(node.rect, corner, fill);
        painter.rect_stroke(
            node.rect,
            corner,
            Stroke::new((1.2 * zoom).max(0.5), border),
            StrokeKind::Inside,
        );
        if view.drop_target == Some(node.id) {
            painter.rect_stroke(
                node.rect.expand(5.0),
                corner + 3,
                Stroke::new(3.0, style::DROP_TARGET),
                StrokeKind::Outside,
            );
        }
        if view.found.contains(&node.id) {
            painter.rect_stroke(
                node.rect.expand(2.0),
                corner + 1,
                Stroke::new(3.0, style::FIND_HIT),
                StrokeKind::Outside,
            );
        }
        if view.selection.contains(node.id) {
            painter.rect_stroke(
                node.rect.expand(3.0),
                corner + 2,
                Stroke::new(2.5, style::SELECTION),
                StrokeKind::Outside,
            );
        }
        if let Some(galley) = galley.filter(|_| view.editing != Some(node.id)) {
            let pos = node.rect.center() - galley.size() / 2.0;
            painter.galley(pos, galley, Color32::WHITE);
        }
        // Markers are only worth drawing where the titles can be read; below that they would be specks.
        if view.show_markers
            && show_text
            && let Some(topic) = map.topic(node.id)
        {
            paint_markers(painter, node.rect, &topic.profile, view.today, zoom);
        }
        if let Some(topic) = map.topic(node.id)
            && topic.folded
        {
            let hidden = map.subtree(node.id).len() - 1;
            paint_fold_badge(painter, node.rect, hidden, zoom);
        }
    }
    Painted {
        nodes: placed,
        links: links_drawn,
    }
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

#[derive(Clone, Copy)]
struct LinkStyle {
    zoom: f32,
    show_text: bool,
    background: Color32,
    map_centre: Pos2,
}

/// Paints one cross-link and returns the points of its line on screen, for hit-testing.
fn paint_cross_link(
    painter: &Painter,
    from: Rect,
    to: Rect,
    label: &str,
    look: &LinkStyle,
    selected: bool,
) -> Option<Vec<Pos2>> {
    let LinkStyle {
        zoom,
        show_text,
        background: bg,
        map_centre,
    } = *look;
    let start = from.center();
    let end = to.center();
    let control = cross_link_control(start, end, map_centre);
    let curve = egui::epaint::QuadraticBezierShape::from_points_stroke(
        [start, control, end],
        false,
        Color32::TRANSPARENT,
        Stroke::NONE,
    );
    let points: Vec<Pos2> = curve.flatten(Some(0.5));
    // Clip the curve to the outside of both boxes.
    let outside: Vec<Pos2> = points
        .into_iter()
        .filter(|p| !from.contains(*p) && !to.contains(*p))
        .collect();
    if outside.len() < 2 {
        return None;
    }
    if selected {
        painter.add(Shape::line(
            outside.clone(),
            Stroke::new(6.0, style::SELECTION.gamma_multiply(0.6)),
        ));
    }
    let stroke = Stroke::new((1.6 * zoom).max(0.8), style::CROSS_LINK);
    let dash = (8.0 * zoom).max(2.0);
    painter.extend(Shape::dashed_line(&outside, stroke, dash, dash * 0.6));
    let tip = outside[outside.len() - 1];
    let before = outside[outside.len().saturating_sub(4)];
    let direction = (tip - before).normalized();
    let size = (10.0 * zoom).max(4.0);
    let half_width = Vec2::new(-direction.y, direction.x) * size * 0.5;
    painter.add(Shape::convex_polygon(
        vec![
            tip,
            tip - direction * size + half_width,
            tip - direction * size - half_width,
        ],
        style::CROSS_LINK,
        Stroke::NONE,
    ));
    if show_text && !label.is_empty() {
        let middle = curve.sample(0.5);
        let galley = painter.layout_no_wrap(
            label.to_owned(),
            FontId::proportional(11.0 * zoom),
            style::CROSS_LINK,
        );
        let rect = Rect::from_center_size(middle, galley.size() + Vec2::splat(4.0));
        painter.rect_filled(rect, 3, bg);
        painter.galley(rect.min + Vec2::splat(2.0), galley, style::CROSS_LINK);
    }
    Some(outside)
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
    // Below half size the badge text could not be read: the overdue badge shrinks to a red dot, and the count
    // of strategies, which is only a detail, is left out. Above it the text keeps a legible minimum size.
    let readable = zoom >= 0.5;
    let font_size = (9.5 * zoom).max(7.5);
    if let Some(late) = profile.overdue_days(today) {
        let text = format!("{late}d late");
        // The badges start inside the box's right end and grow outwards, so that on a short title they cover
        // neither the health dot nor the text.
        let anchor = Pos2::new(rect.right() - 10.0 * zoom, rect.top());
        if readable {
            paint_badge(painter, anchor, &text, font_size, OVERDUE, Color32::WHITE);
        } else {
            painter.circle_filled(anchor + Vec2::new(7.0 * zoom, 0.0), 2.5, OVERDUE);
        }
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

/// Marks the count of active strategies: a target, for a focused way of tending the relationship.
const STRATEGY_GLYPH: &str = "🎯";

/// The red of the overdue badges.
const OVERDUE: Color32 = Color32::from_rgb(0xd0, 0x3b, 0x3b);

/// A small pill with text, its left end at `left_centre.x`, centred vertically on it.
fn paint_badge(
    painter: &Painter,
    left_centre: Pos2,
    text: &str,
    font_size: f32,
    fill: Color32,
    ink: Color32,
) {
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

/// The control point of a cross-link's curve. The link bows away from the centre of the map, where it crosses
/// fewer branches. The same in any space, so fitting the map in canvas units matches what is drawn on screen.
pub(crate) fn cross_link_control(start: Pos2, end: Pos2, map_centre: Pos2) -> Pos2 {
    let chord = end - start;
    let mut normal = Vec2::new(-chord.y, chord.x) * 0.35;
    let middle = start + chord * 0.5;
    if (middle + normal - map_centre).length() < (middle - normal - map_centre).length() {
        normal = -normal;
    }
    middle + normal
}

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
