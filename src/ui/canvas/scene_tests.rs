//! The scene's spatial index against brute force, and what goes into a scene.

use super::*;
use crate::model::Pos;

/// A small deterministic random source, so a failure can be run again.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `low..high`.
    fn within(&mut self, low: f32, high: f32) -> f32 {
        low + (self.next() % 1_000_000) as f32 / 1_000_000.0 * (high - low)
    }
}

fn context() -> egui::Context {
    let ctx = egui::Context::default();
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    ctx
}

/// A generated map with its nodes thrown about at random, some of them folded: boxes overlap, links
/// cross and some nodes are hidden, which is where an index goes wrong if it can.
fn scattered(size: usize, seed: u64, spread: f32) -> Workbook {
    let mut random = Random(seed);
    let mut workbook = crate::model::generate(size);
    for id in workbook.map.sorted_ids() {
        let (x, y) = (
            random.within(-spread, spread),
            random.within(-spread, spread),
        );
        let fold = random.next().is_multiple_of(40);
        if let Some(topic) = workbook.map.topic_mut(id) {
            topic.pos = Pos::new(x, y);
            topic.folded = fold && !topic.title.is_empty();
        }
    }
    workbook
}

#[test]
fn hit_testing_through_the_index_agrees_with_looking_at_every_node() {
    let ctx = context();
    for (seed, size, spread) in [(1, 300, 800.0), (2, 2_000, 3_000.0), (3, 4_000, 9_000.0)] {
        let workbook = scattered(size, seed, spread);
        let mut scene = Scene::default();
        scene.rebuild(&ctx, &workbook);
        let mut random = Random(seed * 7919);
        let mut hits = 0;
        for _ in 0..2_000 {
            let pos = Pos2::new(
                random.within(-spread * 1.1, spread * 1.1),
                random.within(-spread * 1.1, spread * 1.1),
            );
            let brute = scene
                .nodes
                .iter()
                .rposition(|n| n.rect.contains(pos))
                .map(|i| scene.nodes[i].id);
            assert_eq!(scene.node_at(pos), brute, "seed {seed}, at {pos:?}");
            hits += usize::from(brute.is_some());
        }
        assert!(
            hits > 50,
            "the points should hit nodes often enough to test something: {hits}"
        );
    }
}

#[test]
fn the_nodes_in_an_area_are_those_a_full_search_finds() {
    let ctx = context();
    for (seed, size, spread) in [(4, 500, 1_000.0), (5, 3_000, 10_000.0)] {
        let workbook = scattered(size, seed, spread);
        let mut scene = Scene::default();
        scene.rebuild(&ctx, &workbook);
        let mut random = Random(seed * 104_729);
        let mut touching = Vec::new();
        for _ in 0..300 {
            let centre = Pos2::new(
                random.within(-spread, spread),
                random.within(-spread, spread),
            );
            let size = Vec2::new(random.within(1.0, spread), random.within(1.0, spread));
            let area = Rect::from_center_size(centre, size);
            let mut brute: Vec<NodeId> = scene
                .nodes
                .iter()
                .filter(|n| n.rect.intersects(area))
                .map(|n| n.id)
                .collect();
            brute.sort_unstable();
            assert_eq!(scene.nodes_in(area), brute, "seed {seed}, area {area:?}");
            // What a frame draws: every node whose box or link to its parent touches the area, once each,
            // in drawing order.
            scene.touching(area, &mut touching);
            let expected: Vec<u32> = (0..scene.nodes.len() as u32)
                .filter(|&i| scene.reach(&scene.nodes[i as usize]).intersects(area))
                .collect();
            assert_eq!(touching, expected, "seed {seed}, area {area:?}");
        }
    }
}

#[test]
fn hidden_nodes_are_not_in_the_scene() {
    let ctx = context();
    let workbook = scattered(800, 9, 2_000.0);
    let mut scene = Scene::default();
    scene.rebuild(&ctx, &workbook);
    let map = &workbook.map;
    let shown: Vec<NodeId> = scene.nodes.iter().map(|n| n.id).collect();
    assert_eq!(shown, map.subtree_unfolded());
    assert!(shown.len() < map.len(), "some branches should be folded");
    for node in &scene.nodes {
        assert_eq!(
            node.hidden > 0,
            map.topic(node.id).is_some_and(|t| t.folded) && !map.children(node.id).is_empty()
        );
    }
}

#[test]
fn nodes_take_their_branch_colour_down_the_tree() {
    let ctx = context();
    let mut workbook = crate::layout::generated(400);
    // Own colours on a first-level node and on a deeper one: the first recolours its branch, the second
    // only itself.
    let map = &workbook.map;
    let first = map.children(map.root())[1];
    let deeper = map.children(map.children(first)[0])[0];
    for (id, rgb) in [(first, [10, 200, 30]), (deeper, [200, 10, 30])] {
        if let Some(topic) = workbook.map.topic_mut(id) {
            topic.color = Some(crate::model::Rgb(rgb));
        }
    }
    let mut scene = Scene::default();
    scene.rebuild(&ctx, &workbook);
    let map = &workbook.map;
    for node in &scene.nodes {
        let branch = style::branch_colour(map, node.id);
        assert_eq!(node.branch, branch, "{:?}", node.id);
        let prominent = node.id == map.root() || map.parent(node.id) == Some(map.root());
        assert_eq!(
            (node.fill, node.ink, node.border),
            style::colours_of(branch, prominent),
            "{:?}",
            node.id
        );
    }
    let below_first = map.children(first)[0];
    let colour_of = |id| scene.nodes[scene.position(id).unwrap_or(0) as usize].branch;
    assert_eq!(colour_of(below_first), Color32::from_rgb(10, 200, 30));
    assert_eq!(colour_of(deeper), Color32::from_rgb(200, 10, 30));
    assert_eq!(
        colour_of(map.children(deeper).first().copied().unwrap_or(deeper)),
        if map.children(deeper).is_empty() {
            Color32::from_rgb(200, 10, 30)
        } else {
            Color32::from_rgb(10, 200, 30)
        }
    );
}

#[test]
fn a_scene_is_built_again_only_when_the_version_changes() {
    let ctx = context();
    let mut workbook = scattered(50, 11, 500.0);
    let mut scene = Scene::default();
    scene.update(&ctx, &workbook, (1, 1));
    let root = workbook.map.root();
    if let Some(topic) = workbook.map.topic_mut(root) {
        topic.pos = Pos::new(9_000.0, 9_000.0);
    }
    scene.update(&ctx, &workbook, (1, 1));
    assert!(
        scene.bounds.max.x < 9_000.0,
        "the same version keeps the scene"
    );
    scene.update(&ctx, &workbook, (1, 2));
    assert!(
        scene.bounds.max.x > 9_000.0,
        "a new version builds it again"
    );
}
