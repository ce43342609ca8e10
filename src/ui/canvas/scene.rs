//! The scene: what the canvas needs of the map to draw a frame, in canvas units, built again only when the map
//! changes. A frame then costs what is on screen, not what is in the map: a spatial index finds the nodes and
//! tree links in view and the node under the pointer, and the sizes of titles are measured once per title.

use egui::{Color32, FontId, Pos2, Rect, Vec2};

use crate::model::{Frequency, IdMap, LinkId, NodeId, NodeKind, Topic, Workbook};
use crate::ui::style;

use super::measure::{self, TitleSizes};
use super::{links, minimap, padded};

/// One node that can be seen (no folded ancestor), with everything a frame needs to draw it.
#[derive(Clone, Debug)]
pub(crate) struct SceneNode {
    /// The node.
    pub id: NodeId,
    /// Its box in canvas units.
    pub rect: Rect,
    /// Its parent's position in [`Scene::nodes`].
    pub parent: Option<u32>,
    /// The fill of its box.
    pub fill: Color32,
    /// The colour of its title.
    pub ink: Color32,
    /// The colour of its border.
    pub border: Color32,
    /// The colour of the link from its parent.
    pub branch: Color32,
    /// The title as drawn, with the icon in front.
    pub text: String,
    /// Whether it is the root, drawn with a larger title.
    pub is_root: bool,
    /// How many nodes its fold hides (0 when it is unfolded).
    pub hidden: usize,
}

/// A cross-link between two nodes that can be seen.
#[derive(Clone, Debug)]
pub(crate) struct SceneLink {
    pub id: LinkId,
    pub from: u32,
    pub to: u32,
    pub label: String,
    /// The box around both ends and the curve between them, in canvas units.
    pub reach: Rect,
}

/// What identifies the state of a map: the document and its revision. A scene built for one key is valid for
/// as long as the app passes the same key.
pub type MapVersion = (u64, u64);

/// The map as the canvas draws it.
#[derive(Debug)]
pub(crate) struct Scene {
    version: Option<MapVersion>,
    /// Every node that can be seen, in pre-order from the root: the order they are drawn in, so a child is
    /// drawn over its parent.
    pub nodes: Vec<SceneNode>,
    position: IdMap<NodeId, u32>,
    /// Cross-links between nodes that can be seen, by id.
    pub links: Vec<SceneLink>,
    grid: Grid,
    /// The box around every node, in canvas units.
    pub bounds: Rect,
    /// The nodes as the minimap draws them: at most one speck, with its colour, per few pixels of the minimap,
    /// in canvas units.
    pub minimap: Vec<(Pos2, Color32)>,
    /// The size of each title's box at 100 %, kept across rebuilds and shared with the layout's measure:
    /// measuring text is the costly part of a rebuild, and an edit changes one title at a time.
    pub sizes: TitleSizes,
    /// Nodes gliding from where they were drawn before the last change to their new places.
    glide: Glide,
    /// Whether nodes were drawn somewhere else by hand (let go after a drag) since the scene was built.
    moved_by_hand: bool,
    /// Whether the next change is drawn without gliding.
    at_once: bool,
    /// The nodes whose relationship is kept in touch with (a contact frequency is set), by position: the only
    /// ones that can be late.
    pub tended: Vec<u32>,
    /// While the scene is built: where each node (by its new position) was drawn before, if it was.
    glide_origin: Vec<Option<Pos2>>,
}

/// How long nodes take to glide to new places after a change, in seconds: long enough for the eye to follow,
/// short enough never to hold the user up.
const GLIDE_SECONDS: f64 = 0.15;

/// Nodes on their way to new places.
#[derive(Debug, Default)]
struct Glide {
    /// When the glide began, in egui's time.
    started: f64,
    /// Each gliding node's place in [`Scene::nodes`], its box at the end, and how far from there it started.
    nodes: Vec<(u32, Rect, Vec2)>,
}

impl Default for Scene {
    fn default() -> Scene {
        Scene {
            version: None,
            nodes: Vec::new(),
            position: IdMap::default(),
            links: Vec::new(),
            grid: Grid::default(),
            bounds: Rect::NOTHING,
            minimap: Vec::new(),
            sizes: TitleSizes::default(),
            glide: Glide::default(),
            moved_by_hand: false,
            at_once: false,
            tended: Vec::new(),
            glide_origin: Vec::new(),
        }
    }
}

impl Scene {
    /// Builds the scene again if the map changed since it was built, and moves gliding nodes on. Returns
    /// whether nodes are still gliding, so that the caller asks for another frame.
    pub fn update(
        &mut self,
        ctx: &egui::Context,
        workbook: &Workbook,
        version: MapVersion,
    ) -> bool {
        let now = ctx.input(|i| i.time);
        if self.version != Some(version) || self.moved_by_hand {
            self.moved_by_hand = false;
            // Nodes glide to their new places after a change of the same map; another map simply appears.
            let same_map = self
                .version
                .is_some_and(|(instance, _)| instance == version.0);
            let at_once = std::mem::take(&mut self.at_once);
            let glide = same_map && !at_once;
            self.rebuild_at(ctx, workbook, glide.then_some(now));
            self.version = Some(version);
        }
        self.glide_on(now)
    }

    /// Builds the scene from `workbook`, with every node in its place at once.
    #[cfg(test)]
    pub fn rebuild(&mut self, ctx: &egui::Context, workbook: &Workbook) {
        self.rebuild_at(ctx, workbook, None);
    }

    /// Moves gliding nodes to where they are at time `now`; returns whether any is still on its way.
    fn glide_on(&mut self, now: f64) -> bool {
        if self.glide.nodes.is_empty() {
            return false;
        }
        let t = ((now - self.glide.started) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        // Ease out: quick at first, settling gently.
        let left = (1.0 - t).powi(3);
        for &(index, target, from) in &self.glide.nodes {
            if let Some(node) = self.nodes.get_mut(index as usize) {
                node.rect = target.translate(from * left);
            }
        }
        if t >= 1.0 {
            self.glide.nodes.clear();
            return false;
        }
        true
    }

    /// Builds the scene from `workbook`. With `glide_from`, the time now, nodes that moved glide from where they
    /// were drawn to their new places, and new nodes glide out of their parent.
    fn rebuild_at(&mut self, ctx: &egui::Context, workbook: &Workbook, glide_from: Option<f64>) {
        let map = &workbook.map;
        // Forget sizes of titles no longer in the map once they outnumber the ones in it.
        if self.sizes.len() > 2 * map.len() + 64 {
            self.sizes.clear();
        }
        let mut glide = Vec::new();
        // The scene before this edit: most nodes are as they were, at the same place in the drawing order, and
        // comparing with them there is much cheaper than looking their titles up.
        let mut before = std::mem::take(&mut self.nodes);
        self.nodes.reserve(map.len());
        self.glide_origin.clear();
        let mut same_order = true;
        // Where the node drawn at a position was drawn before, less that position: after an edit, long runs of
        // nodes keep one shift (zero before the edit's place, one after a node added above them), so the node
        // from before is found without looking its id up.
        let mut shift: isize = 0;
        self.tended.clear();
        let mut bounds = Rect::NOTHING;
        // Pre-order from the root, skipping folded branches. Each entry carries its parent's position and the
        // colour of its first-level branch, so nothing is looked up twice.
        let mut stack: Vec<(NodeId, Option<u32>, Color32)> =
            vec![(map.root(), None, style::ROOT_FILL)];
        while let Some((id, parent, lineage)) = stack.pop() {
            let Some(topic) = map.topic(id) else { continue };
            let is_root = parent.is_none();
            let position = self.nodes.len() as u32;
            let mut was = (position as isize + shift) as usize;
            if before.get(was).is_none_or(|old| old.id != id) {
                match self.position.get(&id) {
                    Some(&at) if before.get(at as usize).is_some_and(|old| old.id == id) => {
                        was = at as usize;
                        shift = was as isize - position as isize;
                    }
                    _ => was = usize::MAX,
                }
            }
            let old = before
                .get_mut(was)
                .filter(|old| old.id == id && old.is_root == is_root);
            same_order &= was == position as usize && old.is_some();
            let drawn_before = old.as_ref().map(|old| old.rect.center());
            let unchanged = old.filter(|old| match topic.icon {
                None => old.text == topic.title && !topic.title.trim().is_empty(),
                Some(_) => false,
            });
            let (text, size) = if let Some(old) = unchanged {
                (std::mem::take(&mut old.text), old.rect.size())
            } else {
                self.measure(ctx, topic, is_root)
            };
            // The node's room is its box with the room for badges at its right end; the box sits at its left.
            let room = measure::marker_room(topic);
            if topic.profile.frequency != Frequency::None {
                self.tended.push(position);
            }
            let rect =
                Rect::from_center_size(Pos2::new(topic.pos.x - room / 2.0, topic.pos.y), size);
            bounds = bounds.union(rect);
            if glide_from.is_some() {
                // A node glides from where it was drawn, a new node from where its parent was.
                let from = drawn_before.or_else(|| {
                    parent
                        .and_then(|p| self.glide_origin.get(p as usize).copied())
                        .flatten()
                });
                if let Some(from) = from {
                    let delta = from - rect.center();
                    if delta.length_sq() > 0.25 {
                        glide.push((position, rect, delta));
                    }
                }
            }
            self.glide_origin.push(drawn_before);
            let branch = topic.color.map_or(lineage, style::to_colour);
            let prominent = is_root || parent == Some(0) || topic.kind == NodeKind::Center;
            let (fill, ink, border) = style::colours_of(branch, prominent);
            let hidden = if topic.folded {
                map.subtree(id).len() - 1
            } else {
                let children = map.children(id);
                for (index, &child) in children.iter().enumerate().rev() {
                    let lineage = if is_root {
                        // A branch's colour is its own, else the palette colour it was given when it
                        // first appeared, which it keeps whatever happens to the other branches.
                        let topic = map.topic(child);
                        style::first_level_colour(
                            topic.and_then(|t| t.color),
                            topic.and_then(|t| t.palette).map_or(index, usize::from),
                        )
                    } else {
                        lineage
                    };
                    stack.push((child, Some(position), lineage));
                }
                0
            };
            self.nodes.push(SceneNode {
                id,
                rect,
                parent,
                fill,
                ink,
                border,
                branch,
                text,
                is_root,
                hidden,
            });
        }
        // Where each node is in the drawing order: as before, unless nodes were added, removed, moved, folded or
        // unfolded.
        if !same_order || before.len() != self.nodes.len() {
            self.position.clear();
            self.position.reserve(self.nodes.len());
            for (index, node) in self.nodes.iter().enumerate() {
                self.position.insert(node.id, index as u32);
            }
        }
        before.clear();
        self.bounds = bounds;
        self.links.clear();
        let centre = self
            .nodes
            .first()
            .map_or(Pos2::ZERO, |root| root.rect.center());
        for link in map.links() {
            if let (Some(&from), Some(&to)) =
                (self.position.get(&link.from), self.position.get(&link.to))
            {
                let (a, b) = (self.nodes[from as usize].rect, self.nodes[to as usize].rect);
                self.links.push(SceneLink {
                    id: link.id,
                    from,
                    to,
                    label: link.label.clone(),
                    reach: a
                        .union(b)
                        .union(curve_bounds(a.center(), b.center(), centre)),
                });
            }
        }
        self.links.sort_by_key(|l| l.id);
        self.minimap = minimap::specks(&self.nodes, bounds);
        let mut reach: Vec<Rect> = self.nodes.iter().map(|n| self.reach(n)).collect();
        // A gliding node is found wherever it is on its way, so it is never culled while in view.
        for &(index, rect, from) in &glide {
            if let Some(reach) = reach.get_mut(index as usize) {
                *reach = reach.union(rect.translate(from));
            }
        }
        self.grid = Grid::build(&reach, bounds);
        self.glide = Glide {
            started: glide_from.unwrap_or_default(),
            nodes: glide,
        };
    }

    /// A node's title as drawn, with its icon, and the size of its box, measured once per title.
    fn measure(&mut self, ctx: &egui::Context, topic: &Topic, is_root: bool) -> (String, Vec2) {
        let text = measure::drawn_text(topic);
        let size = self.sizes.get(ctx, &text, is_root);
        (text, size)
    }

    /// What a node's presence on screen depends on: its box and the tree link to its parent.
    fn reach(&self, node: &SceneNode) -> Rect {
        match node.parent {
            Some(parent) => node.rect.union(self.nodes[parent as usize].rect),
            None => node.rect,
        }
    }

    /// The position of a node in [`Scene::nodes`], if it can be seen.
    pub fn position(&self, id: NodeId) -> Option<u32> {
        self.position.get(&id).copied()
    }

    /// A node's box in canvas units, if it can be seen.
    pub fn rect_of(&self, id: NodeId) -> Option<Rect> {
        self.position(id).map(|i| self.nodes[i as usize].rect)
    }

    /// Builds the next scene with every node in its place at once.
    pub fn show_next_change_at_once(&mut self) {
        self.at_once = true;
    }

    /// Moves where some nodes are drawn, until the scene is next built.
    pub fn move_drawn(&mut self, nodes: &std::collections::HashSet<NodeId>, delta: Vec2) {
        for node in &mut self.nodes {
            if nodes.contains(&node.id) {
                node.rect = node.rect.translate(delta);
            }
        }
        // Built again at the next frame even if the map did not change (a refused drop), so that the nodes
        // glide back to their places.
        self.moved_by_hand = true;
    }

    /// A node's box in canvas units once it has stopped gliding, if it can be seen: where the view should go
    /// to show it.
    pub fn final_rect_of(&self, id: NodeId) -> Option<Rect> {
        let index = self.position(id)?;
        let gliding = self.glide.nodes.iter().find(|&&(at, ..)| at == index);
        Some(gliding.map_or(self.nodes[index as usize].rect, |&(_, target, _)| target))
    }

    /// The positions of every node whose box or link to its parent may touch `area` (in canvas units), in
    /// drawing order. `out` is cleared first; it is the caller's so that it keeps its room from frame to
    /// frame.
    pub fn touching(&self, area: Rect, out: &mut Vec<u32>) {
        out.clear();
        self.grid.query(area, out);
        out.sort_unstable();
    }

    /// The node whose box holds `pos` (in canvas units): the one drawn last, on top, when boxes overlap.
    pub fn node_at(&self, pos: Pos2) -> Option<NodeId> {
        self.node_at_where(pos, |_| true)
    }

    /// Like [`Scene::node_at`], among the nodes `accept` takes.
    pub fn node_at_where(&self, pos: Pos2, accept: impl Fn(NodeId) -> bool) -> Option<NodeId> {
        self.grid
            .cell_items(pos)
            .iter()
            .copied()
            .filter(|&i| {
                self.nodes[i as usize].rect.contains(pos) && accept(self.nodes[i as usize].id)
            })
            .max()
            .map(|i| self.nodes[i as usize].id)
    }

    /// Every node whose box touches `area` (in canvas units), sorted by id.
    pub fn nodes_in(&self, area: Rect) -> Vec<NodeId> {
        let mut found = Vec::new();
        self.grid.query(area, &mut found);
        let mut ids: Vec<NodeId> = found
            .into_iter()
            .map(|i| &self.nodes[i as usize])
            .filter(|n| n.rect.intersects(area))
            .map(|n| n.id)
            .collect();
        ids.sort_unstable();
        ids
    }
}

/// The box around a cross-link's curve from `start` to `end` (see [`links::cross_link_control`]), with room for
/// its label and arrow. A quadratic curve reaches at most halfway from its chord to its control point.
fn curve_bounds(start: Pos2, end: Pos2, centre: Pos2) -> Rect {
    let control = links::cross_link_control(start, end, centre);
    let furthest = start.lerp(end, 0.5).lerp(control, 0.5);
    Rect::from_two_pos(start, end)
        .union(Rect::from_center_size(furthest, Vec2::ZERO))
        .expand2(Vec2::new(100.0, 20.0))
}

/// The font of a title at 100 %: the root's is larger.
pub(crate) fn title_font(is_root: bool) -> FontId {
    FontId::proportional(style::TITLE_SIZE * if is_root { 1.25 } else { 1.0 })
}

/// The size of a title's box at 100 %, in canvas units.
pub(crate) fn text_box_size(ctx: &egui::Context, text: &str, is_root: bool) -> Vec2 {
    let font = title_font(is_root);
    let galley =
        ctx.fonts_mut(|f| f.layout(text.to_owned(), font, Color32::WHITE, style::TITLE_WRAP));
    padded(galley.size(), 1.0).max(Vec2::new(48.0, 0.0))
}

/// A uniform grid over the map: each cell lists the items whose box touches it. Items are stored cell by cell in
/// one array (`starts[c]..starts[c + 1]` are cell `c`'s), so the index takes two allocations whatever the size.
#[derive(Debug)]
struct Grid {
    origin: Pos2,
    cell: f32,
    columns: usize,
    rows: usize,
    starts: Vec<u32>,
    items: Vec<u32>,
    /// The box of each item.
    reach: Vec<Rect>,
    /// The first column and row of each item, to report an item touching several cells only once.
    first_cell: Vec<(u32, u32)>,
    /// The box around every item: a query holding it gets every item without looking at the cells.
    content: Rect,
}

impl Default for Grid {
    fn default() -> Grid {
        Grid {
            origin: Pos2::ZERO,
            cell: 1.0,
            columns: 0,
            rows: 0,
            starts: Vec::new(),
            items: Vec::new(),
            reach: Vec::new(),
            first_cell: Vec::new(),
            content: Rect::NOTHING,
        }
    }
}

impl Grid {
    fn build(reach: &[Rect], bounds: Rect) -> Grid {
        if reach.is_empty() || !bounds.is_positive() {
            return Grid::default();
        }
        // About one cell per item, and never cells smaller than a typical box.
        let area = bounds.width() * bounds.height();
        let cell = (area / reach.len() as f32).sqrt().max(64.0);
        let columns = ((bounds.width() / cell).ceil() as usize).max(1);
        let rows = ((bounds.height() / cell).ceil() as usize).max(1);
        let mut grid = Grid {
            origin: bounds.min,
            cell,
            columns,
            rows,
            starts: vec![0; columns * rows + 1],
            items: Vec::new(),
            reach: reach.to_vec(),
            first_cell: Vec::with_capacity(reach.len()),
            content: reach.iter().fold(Rect::NOTHING, |all, r| all.union(*r)),
        };
        for rect in reach {
            let (c0, r0, c1, r1) = grid.span(*rect);
            grid.first_cell.push((c0 as u32, r0 as u32));
            for r in r0..=r1 {
                for c in c0..=c1 {
                    grid.starts[r * columns + c + 1] += 1;
                }
            }
        }
        for i in 1..grid.starts.len() {
            grid.starts[i] += grid.starts[i - 1];
        }
        let mut fill = grid.starts.clone();
        grid.items = vec![0; grid.starts[columns * rows] as usize];
        for (i, rect) in reach.iter().enumerate() {
            let (c0, r0, c1, r1) = grid.span(*rect);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    let slot = &mut fill[r * columns + c];
                    grid.items[*slot as usize] = i as u32;
                    *slot += 1;
                }
            }
        }
        grid
    }

    /// The columns and rows a box covers, clamped to the grid.
    fn span(&self, rect: Rect) -> (usize, usize, usize, usize) {
        let column = |x: f32| {
            (((x - self.origin.x) / self.cell).floor().max(0.0) as usize).min(self.columns - 1)
        };
        let row = |y: f32| {
            (((y - self.origin.y) / self.cell).floor().max(0.0) as usize).min(self.rows - 1)
        };
        (
            column(rect.min.x),
            row(rect.min.y),
            column(rect.max.x),
            row(rect.max.y),
        )
    }

    /// The items of the cell holding `pos`.
    fn cell_items(&self, pos: Pos2) -> &[u32] {
        if self.columns == 0 {
            return &[];
        }
        let (c, r, _, _) = self.span(Rect::from_min_max(pos, pos));
        let cell = r * self.columns + c;
        &self.items[self.starts[cell] as usize..self.starts[cell + 1] as usize]
    }

    /// Appends every item whose box may touch `area`, each once.
    fn query(&self, area: Rect, out: &mut Vec<u32>) {
        if self.columns == 0 || !area.intersects(self.bounds()) {
            return;
        }
        // The whole map in view, as when it is zoomed to fit: every item, without looking at the cells.
        if area.contains_rect(self.content) {
            out.extend(0..self.reach.len() as u32);
            return;
        }
        let (c0, r0, c1, r1) = self.span(area);
        for r in r0..=r1 {
            for c in c0..=c1 {
                let cell = r * self.columns + c;
                for &item in &self.items[self.starts[cell] as usize..self.starts[cell + 1] as usize]
                {
                    // An item in several cells is reported from the first of them inside the query.
                    let (ic, ir, _, _) = self.span(self.reach[item as usize]);
                    if ic.max(c0) == c
                        && ir.max(r0) == r
                        && self.reach[item as usize].intersects(area)
                    {
                        out.push(item);
                    }
                }
            }
        }
    }

    fn bounds(&self) -> Rect {
        Rect::from_min_size(
            self.origin,
            Vec2::new(self.columns as f32, self.rows as f32) * self.cell,
        )
    }
}

#[cfg(test)]
#[path = "scene_tests.rs"]
mod tests;
