//! Cross-links: dashed curves with an arrow at the target and the label at the middle, drawn only where they
//! pass through the view.

use egui::epaint::Mesh;
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2};

use super::lod::add_segment;
use crate::model::LinkId;
use crate::ui::style;

/// How cross-links look this frame.
#[derive(Clone, Copy)]
pub(crate) struct LinkStyle {
    /// Screen points per canvas unit.
    pub zoom: f32,
    /// Whether labels, dashes and arrows are drawn; zoomed far out a link is a thin plain line.
    pub show_text: bool,
    /// The canvas background, behind labels.
    pub background: Color32,
    /// Where the root is on screen; links bow away from it.
    pub map_centre: Pos2,
}

/// Paints one cross-link, the part of it that is in `clip`, and adds the pieces of its line on screen to
/// `drawn`, for hit-testing.
///
/// A cross-link can join nodes a million points apart on a map zoomed in, so the curve is never flattened or
/// dashed whole: it is sampled coarsely, and only the stretches that can reach the view are followed closely.
pub(crate) fn paint_cross_link(
    painter: &Painter,
    clip: Rect,
    link: (LinkId, Rect, Rect, &str),
    look: &LinkStyle,
    selected: bool,
    drawn: &mut Vec<(LinkId, Vec<Pos2>)>,
    plain: &mut Mesh,
) {
    let (id, from, to, label) = link;
    let LinkStyle {
        zoom,
        show_text,
        background: bg,
        map_centre,
    } = *look;
    let [p0, p1, p2] = [
        from.center(),
        cross_link_control(from.center(), to.center(), map_centre),
        to.center(),
    ];
    let at = |t: f32| {
        let u = 1.0 - t;
        (p0.to_vec2() * (u * u) + p1.to_vec2() * (2.0 * u * t) + p2.to_vec2() * (t * t)).to_pos2()
    };
    // The stretches of the curve inside the view, and a point every four points of screen along each of them.
    let pieces = inside(p0, p1, p2, clip.expand(8.0));
    let mut runs: Vec<Vec<Pos2>> = Vec::new();
    let mut run: Vec<Pos2> = Vec::new();
    let mut last_end = -1.0;
    for &(t0, t1) in &pieces {
        let joined = (t0 - last_end).abs() < 1e-6;
        if !joined && run.len() >= 2 {
            runs.push(std::mem::take(&mut run));
        }
        if !joined {
            run.clear();
        }
        last_end = t1;
        let (a, b) = (at(t0), at(t1));
        // Zoomed out, where the line is thin and plain, a coarser polyline looks the same.
        let spacing = if show_text { 4.0 } else { 12.0 };
        let steps = (((b - a).length() / spacing).ceil() as usize).clamp(1, 400);
        for step in 0..=steps {
            if step == 0 && !run.is_empty() {
                continue;
            }
            let p = at(t0 + (t1 - t0) * step as f32 / steps as f32);
            // The line stops at the edges of both boxes.
            if from.contains(p) || to.contains(p) {
                if run.len() >= 2 {
                    runs.push(std::mem::take(&mut run));
                }
                run.clear();
            } else {
                run.push(p);
            }
        }
    }
    if run.len() >= 2 {
        runs.push(run);
    }
    let reaches_end = last_end >= 1.0 - 1e-6;
    if !show_text {
        // Zoomed out, a link is a thin, faint plain line: dashes and arrows would be specks, and hundreds of
        // links at full strength would hide the tree.
        for run in &runs {
            for pair in run.windows(2) {
                add_segment(
                    plain,
                    pair[0],
                    pair[1],
                    1.0,
                    style::CROSS_LINK.gamma_multiply(0.35),
                );
            }
        }
        drawn.extend(runs.into_iter().map(|run| (id, run)));
        return;
    }
    let stroke = Stroke::new((1.6 * zoom).max(0.8), style::CROSS_LINK);
    let dash = (8.0 * zoom).max(2.0);
    for run in &runs {
        if selected {
            painter.add(Shape::line(
                run.clone(),
                Stroke::new(6.0, style::SELECTION.gamma_multiply(0.6)),
            ));
        }
        painter.extend(Shape::dashed_line(run, stroke, dash, dash * 0.6));
    }
    // The arrow, where the line meets the target's box.
    if reaches_end && let Some(last) = runs.last() {
        let tip = last[last.len() - 1];
        let before = last[last.len().saturating_sub(4)];
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
    }
    let middle = at(0.5);
    if show_text && !label.is_empty() && clip.expand(200.0).contains(middle) {
        let galley = painter.layout_no_wrap(
            label.to_owned(),
            FontId::proportional(11.0 * zoom),
            style::CROSS_LINK,
        );
        let rect = Rect::from_center_size(middle, galley.size() + Vec2::splat(4.0));
        if rect.intersects(clip) {
            painter.rect_filled(rect, 3, bg);
            painter.galley(rect.min + Vec2::splat(2.0), galley, style::CROSS_LINK);
        }
    }
    drawn.extend(runs.into_iter().map(|run| (id, run)));
}

/// The parameter ranges, in order, in which the quadratic curve from `p0` to `p2` with control point `p1` is
/// inside `area`: where its x is within the area's columns and its y within its rows, each of which is where a
/// quadratic lies between two values, so the answer costs the same for a curve of any length.
fn inside(p0: Pos2, p1: Pos2, p2: Pos2, area: Rect) -> Vec<(f32, f32)> {
    let mut both = Vec::new();
    let down = within(p0.y, p1.y, p2.y, area.min.y, area.max.y);
    if down.is_empty() {
        return both;
    }
    for &(a0, a1) in within(p0.x, p1.x, p2.x, area.min.x, area.max.x).ranges() {
        for &(d0, d1) in down.ranges() {
            let (t0, t1) = (a0.max(d0), a1.min(d1));
            if t1 > t0 {
                both.push((t0, t1));
            }
        }
    }
    both.sort_by(|a, b| a.0.total_cmp(&b.0));
    both
}

/// At most three ranges of a parameter, without allocating: a quadratic crosses two levels at most four times.
#[derive(Clone, Copy, Default)]
struct Ranges {
    ranges: [(f32, f32); 3],
    count: usize,
}

impl Ranges {
    fn ranges(&self) -> &[(f32, f32)] {
        &self.ranges[..self.count]
    }

    fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// The parameter ranges within 0..=1 in which the quadratic Bézier with values `v0`, `v1`, `v2` lies between
/// `low` and `high`.
fn within(v0: f32, v1: f32, v2: f32, low: f32, high: f32) -> Ranges {
    let mut out = Ranges::default();
    // Wholly outside when all three control values are beyond one bound: the curve lies between them.
    if v0.max(v1).max(v2) < low || v0.min(v1).min(v2) > high {
        return out;
    }
    let a = v0 - 2.0 * v1 + v2;
    let b = 2.0 * (v1 - v0);
    let value = |t: f32| (a * t + b) * t + v0;
    // Where the curve crosses either bound splits 0..=1 into pieces that are wholly in or wholly out.
    let mut cuts = [0.0_f32; 6];
    let mut count = 2;
    cuts[1] = 1.0;
    let mut cut = |t: f32| {
        if (0.0..=1.0).contains(&t) {
            cuts[count] = t;
            count += 1;
        }
    };
    for level in [low, high] {
        let c = v0 - level;
        if a.abs() < 1e-9 {
            if b.abs() > 1e-9 {
                cut(-c / b);
            }
        } else {
            let discriminant = b * b - 4.0 * a * c;
            if discriminant >= 0.0 {
                let root = discriminant.sqrt();
                cut((-b - root) / (2.0 * a));
                cut((-b + root) / (2.0 * a));
            }
        }
    }
    let cuts = &mut cuts[..count];
    cuts.sort_by(f32::total_cmp);
    for pair in cuts.windows(2) {
        let middle = value(f32::midpoint(pair[0], pair[1]));
        if pair[1] <= pair[0] || !(low..=high).contains(&middle) {
            continue;
        }
        if out.count > 0 && (out.ranges[out.count - 1].1 - pair[0]).abs() <= f32::EPSILON {
            out.ranges[out.count - 1].1 = pair[1];
        } else if out.count < out.ranges.len() {
            out.ranges[out.count] = (pair[0], pair[1]);
            out.count += 1;
        }
    }
    out
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
