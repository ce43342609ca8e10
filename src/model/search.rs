//! Finding nodes by text: titles, tags, notes, strategies, people and the rest of the profile.

use super::{MindMap, NodeId, Topic};

/// Every node whose text contains `query`, ignoring case, in map order (pre-order from the root). An empty
/// query finds nothing.
#[must_use]
pub fn find(map: &MindMap, query: &str) -> Vec<NodeId> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    map.subtree(map.root())
        .into_iter()
        .filter(|&id| map.topic(id).is_some_and(|topic| matches(topic, &needle)))
        .collect()
}

/// Whether any text of a node contains `needle`, which is already lower case.
fn matches(topic: &Topic, needle: &str) -> bool {
    let has = |text: &str| !text.is_empty() && text.to_lowercase().contains(needle);
    let profile = &topic.profile;
    has(&topic.title)
        || topic.tags.iter().any(|t| has(t))
        || has(&profile.notes)
        || has(&profile.what_works)
        || has(&profile.to_improve)
        || profile.strategies.iter().any(|s| has(&s.text))
        || profile
            .people
            .iter()
            .any(|p| has(&p.name) || has(&p.interests))
        || profile.success_measures.iter().any(|m| has(m))
        || profile.contacts.iter().any(|c| has(&c.note))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Person, Strategy};

    #[test]
    fn find_looks_in_titles_and_profiles_ignoring_case() {
        let mut map = MindMap::new(Topic::new(NodeId(1), "You", NodeKind::Center));
        let mut board = Topic::new(NodeId(2), "Board", NodeKind::Group);
        board.profile.people.push(Person {
            name: "Helen".to_owned(),
            interests: "Budget".to_owned(),
        });
        let mut staff = Topic::new(NodeId(3), "Staff", NodeKind::Constituency);
        staff.tags.push("Unionised".to_owned());
        staff.profile.strategies.push(Strategy {
            text: "Weekly BUDGET check".to_owned(),
            ..Strategy::default()
        });
        map.insert(NodeId(1), 0, board).unwrap();
        map.insert(NodeId(1), 1, staff).unwrap();
        assert_eq!(find(&map, "budget"), vec![NodeId(2), NodeId(3)]);
        assert_eq!(find(&map, "STAFF"), vec![NodeId(3)]);
        assert_eq!(find(&map, "helen"), vec![NodeId(2)]);
        assert_eq!(find(&map, "union"), vec![NodeId(3)], "tags are searched");
        assert!(find(&map, "  ").is_empty());
        assert!(find(&map, "nobody").is_empty());
    }
}
