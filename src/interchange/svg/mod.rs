//! SVG export: a picture of the map as the canvas draws it — rounded boxes in the branch colours, tree links as
//! S-curves, dashed cross-links with their labels, fold badges, icons, and the planning markers (a health dot,
//! a red "late" badge, the count of active strategies). The file is self-contained (no fonts, images or
//! scripts are referenced), its numbers carry one decimal, and the same map always gives the same bytes.

mod geometry;
mod look;
mod taken;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{Frequency, Health, MindMap, NodeId, Profile, StrategyStatus, Workbook};

use geometry::{Num, Point, Quadratic, Rect, normalised, wrap};

pub(crate) use geometry::escape;
pub(crate) use look::{Colour, branch_colour, branch_colour_in, health_colour};

/// The fonts the picture asks for: the canvas's own font first, then common fallbacks.
pub(crate) const FONT_FAMILY: &str = "Ubuntu, 'Noto Sans', sans-serif";

/// The space around the content, in canvas units.
const MARGIN: f32 = 24.0;

/// Draws the map as an SVG file. With `selection`, exactly the listed nodes are drawn (not their subtrees),
/// with the tree links and cross-links among them; without it, every node that no folded branch hides. The
/// picture's `<title>` is the root's title for the whole map and "Selected part of the map" for a selection.
/// `today` decides which relationships carry an overdue badge.
#[must_use]
pub fn to_svg(workbook: &Workbook, today: NaiveDate, selection: Option<&[NodeId]>) -> String {
    render(workbook, today, selection, true)
}

/// The picture as an `<svg>` element; `standalone` adds the XML namespace a separate file needs, which an SVG
/// inside an HTML page does without.
pub(crate) fn render(
    workbook: &Workbook,
    today: NaiveDate,
    selection: Option<&[NodeId]>,
    standalone: bool,
) -> String {
    let map = &workbook.map;
    let ids: Vec<NodeId> = match selection {
        Some(selected) => {
            let wanted: HashSet<NodeId> = selected.iter().copied().collect();
            // Map order, not the order of the selection, so the output does not depend on how it was made.
            map.subtree(map.root())
                .into_iter()
                .filter(|id| wanted.contains(id))
                .collect()
        }
        None => map.subtree_unfolded(),
    };
    // Every step below is linear in the size of the map, however deep it is: branches and the sizes of folded
    // branches are found in one walk each, rather than by walking up or down from every node.
    let branches = map.branch_table();
    let nodes: Vec<Node> = ids
        .iter()
        .filter_map(|&id| Node::place(map, id, branches.get(&id).copied()))
        .collect();
    let hidden = hidden_counts(map, &nodes);
    let mut picture = Picture::default();
    picture.tree_links(map, &nodes);
    let labels = picture.cross_links(map, &nodes);
    for node in &nodes {
        picture.node(map, node, today, &hidden);
    }
    // The canvas draws the labels under the boxes; on paper, where nothing can be moved aside, they go on top,
    // moved along their link where the middle would cover a title.
    let mut taken = taken::Taken::default();
    for node in &nodes {
        taken.add(node.rect);
    }
    for (curve, label) in labels {
        let placed = picture.link_label(curve, label, &taken);
        taken.add(placed);
    }
    let title = match selection {
        Some(_) => "Selected part of the map",
        None => map
            .topic(map.root())
            .map_or("Relationship map", |t| t.title.as_str()),
    };
    picture.finish(title, standalone)
}

/// One node as drawn: its box, the lines of its title and its colours.
struct Node {
    id: NodeId,
    rect: Rect,
    lines: Vec<String>,
    font_size: f32,
    fill: Colour,
    ink: Colour,
    border: Colour,
    /// The colour of its branch, which its link to its parent is drawn in.
    branch: Colour,
}

impl Node {
    /// Sizes a node the way the canvas does: its wrapped title plus padding, never narrower than the minimum.
    fn place(map: &MindMap, id: NodeId, branch: Option<NodeId>) -> Option<Node> {
        let topic = map.topic(id)?;
        let font_size = look::TITLE_SIZE
            * if id == map.root() {
                look::ROOT_SCALE
            } else {
                1.0
            };
        let mut text = if topic.title.trim().is_empty() {
            "(untitled)".to_owned()
        } else {
            topic.title.clone()
        };
        if let Some(icon) = topic.icon {
            text = format!("{} {text}", icon.glyph());
        }
        let lines = wrap(&text, font_size);
        let widest = lines
            .iter()
            .map(|line| look::text_width(line, font_size))
            .fold(0.0_f32, f32::max);
        let width = (widest + 2.0 * look::PADDING_X).max(look::MIN_WIDTH);
        let height = lines.len() as f32 * font_size * look::LINE_SPACING + 2.0 * look::PADDING_Y;
        let branch = branch_colour_in(map, id, branch);
        let (fill, ink, border) = look::node_colours(map, id, branch);
        Some(Node {
            id,
            rect: Rect::around(Point::new(topic.pos.x, topic.pos.y), width, height),
            lines,
            font_size,
            fill,
            ink,
            border,
            branch,
        })
    }
}

/// How many nodes each folded node among `nodes` hides, for its badge. Folded nodes may lie inside one another
/// when a selection is drawn, so the sizes are added up from the leaves in one pass over the map rather than
/// counted again below every folded node.
fn hidden_counts(map: &MindMap, nodes: &[Node]) -> HashMap<NodeId, usize> {
    let folded: Vec<NodeId> = nodes
        .iter()
        .map(|n| n.id)
        .filter(|&id| map.topic(id).is_some_and(|t| t.folded))
        .collect();
    if folded.is_empty() {
        return HashMap::new();
    }
    let order = map.subtree(map.root());
    let mut size: HashMap<NodeId, usize> = HashMap::with_capacity(order.len());
    // Reversed pre-order visits every child before its parent.
    for &id in order.iter().rev() {
        let below: usize = map
            .children(id)
            .iter()
            .map(|c| size.get(c).copied().unwrap_or(0))
            .sum();
        size.insert(id, below + 1);
    }
    folded
        .into_iter()
        .map(|id| (id, size.get(&id).copied().unwrap_or(1) - 1))
        .collect()
}

/// The picture being written, and the box everything drawn so far takes up.
#[derive(Default)]
struct Picture {
    body: String,
    bounds: Option<Rect>,
}

impl Picture {
    fn grow(&mut self, rect: Rect) {
        self.bounds = Some(self.bounds.map_or(rect, |b| b.union(rect)));
    }

    /// Tree links first, so that the boxes cover their ends: an S-curve in the child's branch colour, thicker
    /// from the centre.
    fn tree_links(&mut self, map: &MindMap, nodes: &[Node]) {
        let rects: HashMap<NodeId, Rect> = nodes.iter().map(|n| (n.id, n.rect)).collect();
        for node in nodes {
            let Some(&from) = map.parent(node.id).and_then(|p| rects.get(&p)) else {
                continue;
            };
            let [a, b, c, d] = geometry::tree_curve(from, node.rect);
            let width = if map.parent(node.id) == Some(map.root()) {
                3.0
            } else {
                1.8
            };
            let _ = writeln!(
                self.body,
                r#"<path d="M{} {} C{} {} {} {} {} {}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round"/>"#,
                Num(a.x),
                Num(a.y),
                Num(b.x),
                Num(b.y),
                Num(c.x),
                Num(c.y),
                Num(d.x),
                Num(d.y),
                node.branch.hex(),
                Num(width),
            );
        }
    }

    /// Cross-links, dashed, bowing away from the centre of the map, with an arrow at the target. Returns the
    /// labels with the curves of their links, to be drawn over the nodes.
    fn cross_links<'m>(&mut self, map: &'m MindMap, nodes: &[Node]) -> Vec<(Quadratic, &'m str)> {
        let mut labels = Vec::new();
        let rects: HashMap<NodeId, Rect> = nodes.iter().map(|n| (n.id, n.rect)).collect();
        let map_centre = map
            .topic(map.root())
            .map_or(Point::new(0.0, 0.0), |t| Point::new(t.pos.x, t.pos.y));
        let mut links: Vec<_> = map.links().collect();
        links.sort_by_key(|link| link.id);
        for link in links {
            let (Some(&from), Some(&to)) = (rects.get(&link.from), rects.get(&link.to)) else {
                continue;
            };
            let (start, end) = (from.centre(), to.centre());
            let curve = Quadratic([
                start,
                geometry::cross_link_control(start, end, map_centre),
                end,
            ]);
            let Some((part, t_end)) = curve.outside(from, to) else {
                continue;
            };
            let [a, b, c] = part.0;
            let colour = look::CROSS_LINK.hex();
            let _ = writeln!(
                self.body,
                r#"<path d="M{} {} Q{} {} {} {}" fill="none" stroke="{colour}" stroke-width="1.6" stroke-dasharray="8 4.8"/>"#,
                Num(a.x),
                Num(a.y),
                Num(b.x),
                Num(b.y),
                Num(c.x),
                Num(c.y),
            );
            let direction = normalised(curve.tangent(t_end));
            // The arrow head is 10 units long and as wide (`paint_cross_link` on the canvas).
            let (arrow, tip) = (10.0, c);
            let back = Point::new(tip.x - direction.x * arrow, tip.y - direction.y * arrow);
            let side = Point::new(-direction.y * arrow * 0.5, direction.x * arrow * 0.5);
            let _ = writeln!(
                self.body,
                r#"<polygon points="{},{} {},{} {},{}" fill="{colour}"/>"#,
                Num(tip.x),
                Num(tip.y),
                Num(back.x + side.x),
                Num(back.y + side.y),
                Num(back.x - side.x),
                Num(back.y - side.y),
            );
            self.grow(Rect::around(a, 0.0, 0.0).union(Rect::around(c, 0.0, 0.0)));
            // The curve bulges past its end points by at most half the way to its control point.
            let bulge = curve.at(0.5);
            self.grow(Rect::around(bulge, 2.0, 2.0));
            if !link.label.trim().is_empty() {
                labels.push((curve, link.label.trim()));
            }
        }
        labels
    }

    /// A cross-link's label on a small patch of background, at the middle of its link or, where that would
    /// cover one of the `taken` boxes, at the nearest point along the link that covers none. Returns the patch.
    fn link_label(&mut self, curve: Quadratic, label: &str, taken: &taken::Taken) -> Rect {
        let size = look::LINK_LABEL_SIZE;
        let (width, height) = (
            look::text_width(label, size) + 6.0,
            size * look::LINE_SPACING + 4.0,
        );
        let free = (0..=14_u8)
            .map(|step| {
                let away = f32::from(step.div_ceil(2)) * 0.05;
                if step % 2 == 0 {
                    0.5 + away
                } else {
                    0.5 - away
                }
            })
            .map(|t| Rect::around(curve.at(t), width, height))
            .find(|patch| !taken.overlaps(*patch));
        let back = free.unwrap_or_else(|| Rect::around(curve.at(0.5), width, height));
        let middle = back.centre();
        let outline = format!(r#"stroke="{}" stroke-width="0.8""#, look::CROSS_LINK.hex());
        self.rounded_rect(back, 3.0, &look::WHITE.hex(), Some(&outline));
        self.text(middle, label, size, look::CROSS_LINK);
        self.grow(back);
        back
    }

    /// One node: its box, its title, its planning markers and, when folded, the count of hidden nodes.
    fn node(
        &mut self,
        map: &MindMap,
        node: &Node,
        today: NaiveDate,
        hidden: &HashMap<NodeId, usize>,
    ) {
        // The canvas strokes the border inside the box; an SVG stroke straddles its path, so the path is inset
        // by half the stroke width.
        let _ = writeln!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="1.2"/>"#,
            Num(node.rect.min.x + 0.6),
            Num(node.rect.min.y + 0.6),
            Num(node.rect.width() - 1.2),
            Num(node.rect.height() - 1.2),
            Num(look::CORNER - 0.6),
            node.fill.hex(),
            node.border.hex(),
        );
        self.grow(node.rect);
        let line_height = node.font_size * look::LINE_SPACING;
        let top = node.rect.centre().y - line_height * node.lines.len() as f32 / 2.0;
        for (i, line) in node.lines.iter().enumerate() {
            let centre = Point::new(node.rect.centre().x, top + line_height * (i as f32 + 0.5));
            self.text(centre, line, node.font_size, node.ink);
        }
        let Some(topic) = map.topic(node.id) else {
            return;
        };
        self.markers(node.rect, &topic.profile, today);
        if topic.folded {
            let hidden = hidden.get(&node.id).copied().unwrap_or(0);
            let radius = 9.0;
            let centre = Point::new(node.rect.max.x + radius + 2.0, node.rect.centre().y);
            self.circle(centre, radius, look::FOLD_BADGE, None);
            self.text(centre, &hidden.to_string(), 10.0, look::WHITE);
            self.grow(Rect::around(centre, 2.0 * radius, 2.0 * radius));
        }
    }

    /// The planning markers (`paint_markers` in `src/ui/canvas/paint.rs`): a dot coloured by health on the
    /// top-left corner, a red badge with the days late on the top-right corner, and the count of active
    /// strategies on the bottom-right corner.
    fn markers(&mut self, rect: Rect, profile: &Profile, today: NaiveDate) {
        if profile.health != Health::NotAssessed || profile.frequency != Frequency::None {
            let centre = Point::new(rect.min.x + 2.5, rect.min.y + 2.5);
            self.circle(
                centre,
                4.0,
                health_colour(profile.health),
                Some(look::WHITE),
            );
            self.grow(Rect::around(centre, 10.0, 10.0));
        }
        let anchor_x = rect.max.x - 10.0;
        if let Some(late) = profile.overdue_days(today) {
            let text = format!("{late}d late");
            self.badge(Point::new(anchor_x, rect.min.y), &text, look::OVERDUE);
        }
        let active = profile
            .strategies
            .iter()
            .filter(|s| s.status == StrategyStatus::Active)
            .count();
        if active > 0 {
            let text = format!("{} {active}", look::STRATEGY_GLYPH);
            self.badge(
                Point::new(anchor_x, rect.max.y),
                &text,
                look::STRATEGY_BADGE,
            );
        }
    }

    /// A small pill with white text, its left end at `left_centre.x`, centred vertically on it.
    fn badge(&mut self, left_centre: Point, text: &str, fill: Colour) {
        let size = look::BADGE_SIZE;
        let width = look::text_width(text, size) + size * 0.9;
        let height = size * look::LINE_SPACING + size * 0.15;
        let rect = Rect::at(
            Point::new(left_centre.x, left_centre.y - height / 2.0),
            width,
            height,
        );
        self.rounded_rect(
            rect.expand(-0.5),
            height / 2.0 - 0.5,
            &fill.hex(),
            Some(look::BADGE_OUTLINE),
        );
        // The width the pill was made for: viewers whose emoji font draws the marker wider squeeze the text
        // into the pill instead of spilling it over the edges.
        let _ = writeln!(
            self.body,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle" textLength="{}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
            Num(rect.centre().x),
            Num(rect.centre().y + size * 0.35),
            Num(size),
            look::WHITE.hex(),
            Num(look::text_width(text, size)),
            escape(text),
        );
        self.grow(rect);
    }

    /// A rounded box; `stroke` holds the attributes of its outline, if it has one.
    fn rounded_rect(&mut self, rect: Rect, radius: f32, fill: &str, stroke: Option<&str>) {
        let stroke = stroke.map_or(String::new(), |s| format!(" {s}"));
        let _ = writeln!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{fill}"{stroke}/>"#,
            Num(rect.min.x),
            Num(rect.min.y),
            Num(rect.width()),
            Num(rect.height()),
            Num(radius),
        );
    }

    fn circle(&mut self, centre: Point, radius: f32, fill: Colour, ring: Option<Colour>) {
        let ring = ring.map_or(String::new(), |c| {
            format!(r#" stroke="{}" stroke-width="1.2""#, c.hex())
        });
        let _ = writeln!(
            self.body,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{}"{ring}/>"#,
            Num(centre.x),
            Num(centre.y),
            Num(radius),
            fill.hex(),
        );
    }

    /// One line of text centred on `centre`. SVG places text by its baseline; a third of the font size below
    /// the middle puts the middle of lowercase letters on `centre`.
    fn text(&mut self, centre: Point, text: &str, size: f32, ink: Colour) {
        let _ = writeln!(
            self.body,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle">{}</text>"#,
            Num(centre.x),
            Num(centre.y + size * 0.35),
            Num(size),
            ink.hex(),
            escape(text),
        );
    }

    /// The whole `<svg>` element: the viewBox fits what was drawn with a margin, on a white background.
    fn finish(self, title: &str, standalone: bool) -> String {
        let bounds = self
            .bounds
            .unwrap_or(Rect::around(Point::new(0.0, 0.0), 0.0, 0.0))
            .expand(MARGIN);
        // Whole units, so that the width and height in pixels match the viewBox exactly.
        let (x, y) = (bounds.min.x.floor(), bounds.min.y.floor());
        let (width, height) = ((bounds.max.x - x).ceil(), (bounds.max.y - y).ceil());
        let namespace = if standalone {
            r#" xmlns="http://www.w3.org/2000/svg""#
        } else {
            ""
        };
        let mut out = String::with_capacity(self.body.len() + 512);
        let _ = writeln!(
            out,
            r#"<svg{namespace} width="{w}px" height="{h}px" viewBox="{} {} {w} {h}" font-family="{FONT_FAMILY}" role="img">"#,
            Num(x),
            Num(y),
            w = Num(width),
            h = Num(height),
        );
        let _ = writeln!(out, "<title>{}</title>", escape(title.trim()));
        let _ = writeln!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff"/>"##,
            Num(x),
            Num(y),
            Num(width),
            Num(height),
        );
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}
