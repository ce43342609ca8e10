//! Level of detail: how a frame draws nodes too small for their titles. Plain boxes without text, and specks
//! for clusters of nodes when even boxes would be under a few pixels; both go into one mesh without rounded
//! corners or anti-aliasing, which is what lets a frame show 50,000 nodes.

use egui::epaint::Mesh;
use egui::{Color32, Painter, Pos2, Rect, Shape, Vec2};

use chrono::NaiveDate;

use super::paint::{MIN_READABLE_FONT, PaintView, Placement, paint_late_badge};
use super::scene::{MapVersion, Scene};
use crate::model::Workbook;
use crate::ui::style;

/// Below this height on screen, nodes are drawn as clusters: one speck for all the nodes that fall on the same
/// few pixels, since the eye could not tell them apart.
pub(crate) const MIN_BOX_HEIGHT: f32 = 3.0;

/// The side of a cluster, in points.
pub(crate) const CLUSTER: f32 = 2.0;

/// How much detail a frame draws, from the zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Rounded boxes with titles, curved links and markers.
    Full,
    /// Plain boxes without text, and plain links: the titles would be under [`MIN_READABLE_FONT`].
    Boxes,
    /// Specks for clusters of nodes: the boxes would be under [`MIN_BOX_HEIGHT`].
    Clusters,
}

impl Detail {
    /// The detail at `zoom`.
    pub fn at(zoom: f32) -> Detail {
        if style::TITLE_SIZE * zoom >= MIN_READABLE_FONT {
            Detail::Full
        } else if (style::TITLE_SIZE + 2.0 * style::PADDING.y) * zoom >= MIN_BOX_HEIGHT {
            Detail::Boxes
        } else {
            Detail::Clusters
        }
    }
}

/// What the canvas keeps from frame to frame for painting, so a frame allocates nothing that grows with the map.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    /// The nodes touching the view this frame, by position in the scene.
    pub visible: Vec<u32>,
    /// For each cluster cell on screen, the frame that last drew a speck there.
    pub cells: Vec<u32>,
    pub frame: u32,
    /// The titles laid out lately.
    pub titles: super::titles::Titles,
    /// The nodes that are late for a contact, by position in the scene, with how many days, the latest first;
    /// gathered once per map and day for the views without titles.
    overdue: Vec<(u32, i64)>,
    /// The map and the day [`Self::overdue`] was gathered for.
    overdue_for: Option<(MapVersion, NaiveDate)>,
}

/// The most overdue badges one frame without titles draws: enough to see where the late relationships are,
/// without a frame of a vast map drawing thousands.
const MAX_PLAIN_BADGES: usize = 400;

/// Draws the overdue badges when the map is too small for titles, so that a late relationship stays a red
/// badge at every zoom and never vanishes or turns into a dot like the health marker. Where badges would pile
/// up, the latest wins.
pub(crate) fn paint_plain_late_badges(
    painter: &Painter,
    place: &Placement<'_>,
    scene: &Scene,
    workbook: &Workbook,
    view: &PaintView<'_>,
    scratch: &mut Scratch,
) {
    let key = (view.version, view.today);
    if scratch.overdue_for != Some(key) {
        scratch.overdue.clear();
        for &i in &scene.tended {
            let late = scene.nodes.get(i as usize).and_then(|node| {
                let topic = workbook.map.topic(node.id)?;
                topic.profile.overdue_days(view.today)
            });
            if let Some(late) = late {
                scratch.overdue.push((i, late));
            }
        }
        scratch
            .overdue
            .sort_by_key(|&(i, late)| (std::cmp::Reverse(late), i));
        scratch.overdue_for = Some(key);
    }
    let zoom = place.screen_from_canvas.scaling;
    // The screen is divided into cells the size of a badge; a badge is left out where one was drawn in any cell
    // it would cover, so that checking a badge costs the same however many are drawn.
    let cell = Vec2::new(24.0, 12.0);
    let mut taken: crate::model::IdSet<u64> = crate::model::IdSet::default();
    let cells_of = |probe: Rect| {
        let (x0, y0) = (
            (probe.min.x / cell.x).floor(),
            (probe.min.y / cell.y).floor(),
        );
        let (x1, y1) = (
            (probe.max.x / cell.x).floor(),
            (probe.max.y / cell.y).floor(),
        );
        let (x0, y0, x1, y1) = (x0 as i64, y0 as i64, x1 as i64, y1 as i64);
        (y0..=y1).flat_map(move |y| {
            (x0..=x1).map(move |x| ((y as u64) << 32) ^ (x as u64 & 0xFFFF_FFFF))
        })
    };
    let mut drawn = 0;
    for &(i, late) in &scratch.overdue {
        let rect = place.rect(&scene.nodes[i as usize]);
        if !rect.intersects(place.clip) {
            continue;
        }
        // Where the badge would go: the box's top-right corner. One that would cover another is left out.
        let probe = Rect::from_min_size(
            rect.right_top() - Vec2::new(0.0, 6.0),
            Vec2::new(24.0, 12.0),
        );
        if cells_of(probe).any(|c| taken.contains(&c)) {
            continue;
        }
        let badge = paint_late_badge(painter, rect, late, zoom);
        taken.extend(cells_of(badge.union(probe)));
        drawn += 1;
        if drawn >= MAX_PLAIN_BADGES {
            break;
        }
    }
}

/// Paints nodes as plain boxes or cluster specks, with straight links, into one mesh: no text, no rounded
/// corners and no anti-aliasing, which is what lets a frame show 50,000 nodes.
pub(crate) fn paint_plain(
    painter: &Painter,
    clip: Rect,
    place: &Placement<'_>,
    scene: &Scene,
    scratch: &mut Scratch,
    detail: Detail,
) {
    let zoom = place.screen_from_canvas.scaling;
    let mut mesh = Mesh::default();
    // A link and up to two boxes for each node: reserved at once rather than grown step by step, but never more
    // than a screenful needs, so a frame of the whole map does not allocate for every node in it.
    let expected = scratch.visible.len().min(20_000);
    mesh.reserve_vertices(expected * 12);
    mesh.reserve_triangles(expected * 6);
    let link_width = 1.0;
    for &i in &scratch.visible {
        let node = &scene.nodes[i as usize];
        let Some(parent) = node.parent else { continue };
        let (from, to) = (place.rect(&scene.nodes[parent as usize]), place.rect(node));
        if !from.union(to).intersects(clip) {
            continue;
        }
        let rightwards = to.center().x >= from.center().x;
        let (start, end) = if rightwards {
            (from.right_center(), to.left_center())
        } else {
            (from.left_center(), to.right_center())
        };
        if (end - start).length_sq() < 1.0 {
            continue;
        }
        let width = if scene.nodes[parent as usize].is_root {
            (3.0 * zoom).max(link_width)
        } else {
            link_width
        };
        add_segment(
            &mut mesh,
            start,
            end,
            width,
            node.branch.gamma_multiply(0.8),
        );
    }
    let cells_x = (clip.width() / CLUSTER).ceil().max(1.0) as usize;
    let cells_y = (clip.height() / CLUSTER).ceil().max(1.0) as usize;
    if detail == Detail::Clusters {
        scratch.frame = scratch.frame.wrapping_add(1);
        if scratch.frame == 0 {
            scratch.cells.fill(0);
            scratch.frame = 1;
        }
        scratch.cells.resize(cells_x * cells_y, 0);
    }
    for &i in &scratch.visible {
        let node = &scene.nodes[i as usize];
        let rect = place.rect(node);
        if !rect.intersects(clip) {
            continue;
        }
        if detail == Detail::Clusters {
            let centre = rect.center() - clip.min.to_vec2();
            let (x, y) = ((centre.x / CLUSTER) as usize, (centre.y / CLUSTER) as usize);
            if centre.x < 0.0 || centre.y < 0.0 || x >= cells_x || y >= cells_y {
                continue;
            }
            let cell = &mut scratch.cells[y * cells_x + x];
            if *cell == scratch.frame {
                continue;
            }
            *cell = scratch.frame;
            let speck = Rect::from_min_size(
                clip.min + Vec2::new(x as f32, y as f32) * CLUSTER,
                Vec2::splat(CLUSTER),
            )
            .union(rect);
            mesh.add_colored_rect(speck, node.border);
        } else {
            mesh.add_colored_rect(rect, node.border);
            let inner = rect.shrink(1.0);
            if inner.is_positive() {
                mesh.add_colored_rect(inner, node.fill);
            }
        }
    }
    painter.add(Shape::mesh(mesh));
}

/// Marks selected, found and drop-target nodes when boxes have no room for outlines: a ring at least a few
/// points wide, so that a find shows where its matches are on a map zoomed out to fit.
pub(crate) fn paint_plain_highlights(
    painter: &Painter,
    place: &Placement<'_>,
    scene: &Scene,
    view: &PaintView<'_>,
    scratch: &Scratch,
) {
    let marks = [
        (view.found, style::FIND_HIT),
        (view.selection, style::SELECTION),
    ];
    let mut mesh = Mesh::default();
    for (set, colour) in marks {
        if set.is_empty() {
            continue;
        }
        for &i in &scratch.visible {
            let node = &scene.nodes[i as usize];
            if set.contains(&node.id) {
                let rect = place.rect(node);
                let ring = Rect::from_center_size(rect.center(), rect.size().max(Vec2::splat(4.0)))
                    .expand(2.0);
                add_ring(&mut mesh, ring, 2.0, colour);
            }
        }
    }
    if let Some(target) = view.drop_target.and_then(|id| scene.position(id)) {
        let rect = place.rect(&scene.nodes[target as usize]);
        add_ring(&mut mesh, rect.expand(4.0), 3.0, style::DROP_TARGET);
    }
    painter.add(Shape::mesh(mesh));
}

/// A straight line of `width` as two triangles.
pub(crate) fn add_segment(mesh: &mut Mesh, start: Pos2, end: Pos2, width: f32, colour: Color32) {
    let along = (end - start).normalized();
    let across = Vec2::new(-along.y, along.x) * (width / 2.0);
    let base = mesh.vertices.len() as u32;
    for pos in [start + across, start - across, end - across, end + across] {
        mesh.colored_vertex(pos, colour);
    }
    mesh.add_triangle(base, base + 1, base + 2);
    mesh.add_triangle(base, base + 2, base + 3);
}

/// The outline of `rect`, `width` wide inside it, as four bars.
fn add_ring(mesh: &mut Mesh, rect: Rect, width: f32, colour: Color32) {
    let w = width.min(rect.width() / 2.0).min(rect.height() / 2.0);
    let (min, max) = (rect.min, rect.max);
    mesh.add_colored_rect(Rect::from_min_max(min, Pos2::new(max.x, min.y + w)), colour);
    mesh.add_colored_rect(Rect::from_min_max(Pos2::new(min.x, max.y - w), max), colour);
    mesh.add_colored_rect(
        Rect::from_min_max(Pos2::new(min.x, min.y + w), Pos2::new(min.x + w, max.y - w)),
        colour,
    );
    mesh.add_colored_rect(
        Rect::from_min_max(Pos2::new(max.x - w, min.y + w), Pos2::new(max.x, max.y - w)),
        colour,
    );
}
