//! Realistic maps of any size, for benchmarks, screenshots and tests: a centre with five constituencies, a
//! fan-out of three to six below each node, titles of two to six words, notes on some nodes, cross-links on a
//! few, and filled relationship profiles with contact logs on a fifth of them. The same size always gives the
//! same map.

use chrono::NaiveDate;

use super::{
    Contact, CrossLink, Frequency, Health, LinkId, MindMap, NodeId, NodeKind, Person, Plan, Pos,
    Strategy, Topic, Workbook,
};

const WORDS: [&str; 40] = [
    "board",
    "budget",
    "staff",
    "volunteers",
    "library",
    "community",
    "partners",
    "school",
    "council",
    "friends",
    "literacy",
    "outreach",
    "teens",
    "seniors",
    "grants",
    "media",
    "planning",
    "review",
    "training",
    "events",
    "branch",
    "services",
    "collections",
    "digital",
    "families",
    "business",
    "civic",
    "faith",
    "nonprofit",
    "health",
    "mentors",
    "peers",
    "association",
    "advocacy",
    "facilities",
    "safety",
    "hours",
    "programs",
    "survey",
    "feedback",
];

const CONSTITUENCIES: [&str; 5] = [
    "Governing authority",
    "Staff",
    "Community",
    "Profession",
    "Self",
];

/// A small deterministic random number generator (`SplitMix64`): the same seed gives the same map everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    /// True with the given chance in percent.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn word(&mut self) -> &'static str {
        WORDS[(self.next() % WORDS.len() as u64) as usize]
    }

    fn title(&mut self) -> String {
        let count = self.between(2, 6);
        let mut title = String::new();
        for i in 0..count {
            let word = self.word();
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    title.extend(first.to_uppercase());
                    title.push_str(chars.as_str());
                }
            } else {
                title.push(' ');
                title.push_str(word);
            }
        }
        title
    }
}

/// A map of `size` nodes (at least one), laid out roughly in a ring so that it can be drawn at once; run an
/// automatic layout for a tidy picture.
#[must_use]
pub fn generate(size: usize) -> Workbook {
    let mut random = Random(0x5EED_0000 ^ size as u64);
    let mut map = MindMap::new(Topic::new(NodeId(1), "You", NodeKind::Center));
    let root = map.root();
    // Breadth-first: each node gets three to six children until the map is full, so the tree is bushy and
    // about as deep as a real one of that size.
    let mut queue = std::collections::VecDeque::from([root]);
    let mut count = 1;
    'fill: while let Some(parent) = queue.pop_front() {
        let children = if parent == root {
            5
        } else {
            random.between(3, 6)
        };
        for index in 0..children {
            if count >= size {
                break 'fill;
            }
            let id = map.allocate_node_id();
            let depth = map.depth(parent) + 1;
            let (title, kind) = if parent == root {
                (
                    CONSTITUENCIES[index as usize % CONSTITUENCIES.len()].to_owned(),
                    NodeKind::Constituency,
                )
            } else {
                let kind = match depth {
                    2 => NodeKind::Group,
                    3 => NodeKind::Person,
                    _ => NodeKind::Topic,
                };
                (random.title(), kind)
            };
            let angle = (count as f32) * 2.399_963; // The golden angle spreads nodes evenly.
            let radius = 220.0 * (depth as f32) + (count as f32).sqrt() * 4.0;
            let mut topic = Topic::new(id, title, kind)
                .at(Pos::new(angle.cos() * radius, angle.sin() * radius));
            if random.chance(5) {
                topic.profile.notes =
                    format!("Notes about {} and {}.", random.word(), random.word());
            }
            if random.chance(20) {
                fill_profile(&mut topic, &mut random);
            }
            if map
                .insert(parent, map.children(parent).len(), topic)
                .is_ok()
            {
                count += 1;
                queue.push_back(id);
            }
        }
    }
    let nodes = map.sorted_ids();
    let links = size / 50;
    for _ in 0..links {
        let from = nodes[(random.next() % nodes.len() as u64) as usize];
        let to = nodes[(random.next() % nodes.len() as u64) as usize];
        if from != to {
            let id: LinkId = map.allocate_link_id();
            let _ = map.add_link(CrossLink {
                id,
                from,
                to,
                label: random.word().to_owned(),
            });
        }
    }
    Workbook {
        map,
        plan: Plan::default(),
        arrangement: super::Arrangement::Tree,
    }
}

fn fill_profile(topic: &mut Topic, random: &mut Random) {
    let profile = &mut topic.profile;
    profile.people.push(Person {
        name: random.title(),
        interests: random.title(),
    });
    for _ in 0..random.between(1, 3) {
        profile.strategies.push(Strategy {
            text: random.title(),
            ..Strategy::default()
        });
    }
    profile.frequency = Frequency::PRESETS[random.between(1, 6) as usize];
    profile.success_measures.push(random.title());
    profile.health = Health::ALL[random.between(0, 3) as usize];
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    for _ in 0..random.between(1, 4) {
        let date = start + chrono::Days::new(random.between(0, 330));
        profile.contacts.push(Contact {
            date,
            note: random.title(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_map_has_the_size_asked_for_and_is_the_same_every_time() {
        for size in [1, 2, 6, 100, 1000] {
            let workbook = generate(size);
            assert_eq!(workbook.map.len(), size);
            workbook.map.validate().unwrap();
            let again = generate(size);
            assert_eq!(workbook.map.sorted_ids(), again.map.sorted_ids());
            for id in workbook.map.sorted_ids() {
                assert_eq!(workbook.map.topic(id), again.map.topic(id));
            }
        }
        let map = generate(1000).map;
        assert_eq!(map.children(map.root()).len(), 5);
        let profiled = map
            .topics()
            .filter(|t| !t.profile.contacts.is_empty())
            .count();
        assert!(
            (120..=280).contains(&profiled),
            "about a fifth have contact logs: {profiled}"
        );
        assert!(map.link_count() >= 15);
    }
}
