//! What the layout tests share: a deterministic generator of maps in several shapes, node sizes estimated from
//! titles, boxes, and the checks on them.

use relmap::layout::{Algorithm, NodeSize, estimated_size, layout};
use relmap::model::{MindMap, NodeId, NodeKind, Pos, Topic};

/// The clearance every layout keeps between boxes, at the least. The layouts aim for 10 units or more; the
/// check allows for positions being rounded to a tenth of a unit.
pub(crate) const MIN_GAP: f32 = 4.0;

/// The sizes of generated maps.
pub(crate) const SIZES: [usize; 8] = [1, 2, 3, 10, 50, 200, 1000, 2000];

/// A small, fast, deterministic generator (`SplitMix64`), so that the tests need no dependency and every run
/// sees the same maps.
pub(crate) struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }
}

/// The shapes of generated maps.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Shape {
    /// Every node the only child of the one before.
    Chain,
    /// Every node has up to 100 children, filled breadth first.
    Fan,
    /// Five first-level branches, then three to six children per node, filled breadth first.
    FiveBranches,
    /// Every node hangs from a node chosen at random among those before it.
    Random,
}

pub(crate) const SHAPES: [Shape; 4] =
    [Shape::Chain, Shape::Fan, Shape::FiveBranches, Shape::Random];

/// A title of random length, sometimes long enough to wrap and sometimes on two lines.
pub(crate) fn title(rng: &mut Rng) -> String {
    const WORDS: [&str; 8] = [
        "board",
        "staff",
        "mayor",
        "friends",
        "library",
        "budget",
        "council",
        "volunteers",
    ];
    let count = rng.between(0, 9);
    let mut text = String::new();
    for i in 0..count {
        if i > 0 {
            text.push(if rng.between(0, 12) == 0 { '\n' } else { ' ' });
        }
        text.push_str(WORDS[rng.between(0, WORDS.len() - 1)]);
    }
    text
}

/// A map of `count` nodes with ids 1 to `count`, in the given shape, all at the origin.
pub(crate) fn generate(shape: Shape, count: usize, seed: u64) -> MindMap {
    let mut rng = Rng(seed);
    let mut map = MindMap::new(Topic::new(NodeId(1), title(&mut rng), NodeKind::Center));
    // Breadth-first filling for the fans: the nodes that still take children, and how many each takes.
    let mut open: std::collections::VecDeque<(u64, usize)> = std::collections::VecDeque::new();
    open.push_back((
        1,
        match shape {
            Shape::Fan => 100,
            Shape::FiveBranches => 5,
            _ => 0,
        },
    ));
    for id in 2..=count as u64 {
        let parent = match shape {
            Shape::Chain => id - 1,
            Shape::Random => rng.between(1, id as usize - 1) as u64,
            Shape::Fan | Shape::FiveBranches => {
                let (parent, room) = open.front_mut().unwrap();
                let parent = *parent;
                *room -= 1;
                if *room == 0 {
                    open.pop_front();
                }
                let fan_out = match shape {
                    Shape::Fan => 100,
                    _ => rng.between(3, 6),
                };
                open.push_back((id, fan_out));
                parent
            }
        };
        let index = map.children(NodeId(parent)).len();
        map.insert(
            NodeId(parent),
            index,
            Topic::new(NodeId(id), title(&mut rng), NodeKind::Topic),
        )
        .unwrap();
    }
    map
}

/// The estimated size of each node, from its title.
pub(crate) fn sizes(map: &MindMap) -> impl Fn(NodeId) -> NodeSize + '_ {
    |id| estimated_size(&map.topic(id).unwrap().title)
}

pub(crate) fn run(map: &MindMap, algorithm: Algorithm) -> Vec<(NodeId, Pos)> {
    layout(map, algorithm, &sizes(map))
}

/// Moves the nodes of `map` to the given positions, as the UI's edit command would.
pub(crate) fn apply(map: &mut MindMap, positions: &[(NodeId, Pos)]) {
    for &(id, pos) in positions {
        map.topic_mut(id).unwrap().pos = pos;
    }
}

/// A box in canvas units.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rect {
    pub(crate) id: NodeId,
    pub(crate) left: f32,
    pub(crate) top: f32,
    pub(crate) right: f32,
    pub(crate) bottom: f32,
}

impl Rect {
    pub(crate) fn around(id: NodeId, centre: Pos, size: NodeSize) -> Rect {
        Rect {
            id,
            left: centre.x - size.width / 2.0,
            top: centre.y - size.height / 2.0,
            right: centre.x + size.width / 2.0,
            bottom: centre.y + size.height / 2.0,
        }
    }

    /// Whether the two boxes come closer than `gap` on both axes.
    pub(crate) fn crowds(&self, other: &Rect, gap: f32) -> bool {
        self.left < other.right + gap
            && other.left < self.right + gap
            && self.top < other.bottom + gap
            && other.top < self.bottom + gap
    }
}

pub(crate) fn rects(map: &MindMap, positions: &[(NodeId, Pos)]) -> Vec<Rect> {
    let size_of = sizes(map);
    positions
        .iter()
        .map(|&(id, pos)| Rect::around(id, pos, size_of(id)))
        .collect()
}

/// The first pair of boxes closer than `gap`, found by sweeping the boxes from left to right.
pub(crate) fn crowded_pair(mut boxes: Vec<Rect>, gap: f32) -> Option<(Rect, Rect)> {
    boxes.sort_by(|a, b| a.left.total_cmp(&b.left));
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            if b.left >= a.right + gap {
                break;
            }
            if a.crowds(b, gap) {
                return Some((*a, *b));
            }
        }
    }
    None
}

/// The smallest box around all the given boxes: width and height.
pub(crate) fn bounding_box(boxes: &[Rect]) -> (f32, f32) {
    let left = boxes.iter().map(|r| r.left).fold(f32::INFINITY, f32::min);
    let right = boxes
        .iter()
        .map(|r| r.right)
        .fold(f32::NEG_INFINITY, f32::max);
    let top = boxes.iter().map(|r| r.top).fold(f32::INFINITY, f32::min);
    let bottom = boxes
        .iter()
        .map(|r| r.bottom)
        .fold(f32::NEG_INFINITY, f32::max);
    (right - left, bottom - top)
}

pub(crate) fn position(positions: &[(NodeId, Pos)], id: NodeId) -> Pos {
    positions
        .binary_search_by_key(&id, |&(i, _)| i)
        .map_or_else(
            |_| panic!("node {id} has no position"),
            |at| positions[at].1,
        )
}

/// The map's visible nodes, sorted.
pub(crate) fn visible_ids(map: &MindMap) -> Vec<NodeId> {
    let mut ids = map.subtree_unfolded();
    ids.sort_unstable();
    ids
}
