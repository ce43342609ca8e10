//! The migration chain: a file in an older format version is read with that version's own types, then turned
//! into the next version step by step until it reaches the current one.
//!
//! The steps are typed rather than untyped RON values because an untyped `ron::Value` cannot hold an enum
//! variant such as `kind:Center`: every version from 1 on has them, so each version keeps its own structs here
//! and each step is a plain function from one to the next.
//!
//! Version 0 was the shape of the first prototype: the map as one nested tree of nodes without ids, a node's
//! kind as a lower-case string, the contact rhythm as a number of days, the last contact as one date, and a
//! single list of goals. `tests/fixtures/version-0.ron` is such a file.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::LoadError;
use super::format::{BodyV1, CURRENT_VERSION, NodeV1, syntax_in};
use crate::model::{
    ActionItem, ActionStatus, ChecklistItem, Contact, Frequency, NodeId, NodeKind, Plan, Profile,
    Rgb, Strategy,
};

/// The oldest version the chain reads.
const FIRST: u32 = 0;

/// Whether an older version can be migrated.
pub(super) fn knows(version: u32) -> bool {
    (FIRST..CURRENT_VERSION).contains(&version)
}

/// Reads a file of an older `version` and runs the chain up to the current version.
pub(super) fn to_current(version: u32, text: &str, path: &Path) -> Result<BodyV1, LoadError> {
    match version {
        0 => {
            // The prototype wrote optional values bare (`color: "#3b6ea5"`, not `Some("#3b6ea5")`).
            let file: FileV0 = ron::Options::default()
                .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                // Each level of the nested tree takes several levels of RON; this allows about 100.
                .with_recursion_limit(400)
                .from_str(text)
                .map_err(|error| syntax_in(text, &error, path))?;
            Ok(v0_to_v1(file))
        }
        _ => Err(LoadError::UnknownVersion {
            path: path.to_owned(),
            found: version,
            supported: CURRENT_VERSION,
        }),
    }
}

/// Brings a map written before automatic layout into it: the map is laid out as a tree, and each first-level
/// branch keeps the side of the centre it was drawn on and the colour it had (which followed its place among
/// the centre's children). Nothing else changes, so the map looks as it did, only tidier.
pub(super) fn to_automatic_layout(mut body: BodyV1) -> BodyV1 {
    body.layout = Some(crate::model::Arrangement::Tree);
    let listed: std::collections::HashSet<NodeId> = body
        .nodes
        .iter()
        .flat_map(|node| node.children.iter().copied())
        .collect();
    // A file without exactly one root is refused when the map is built; there is nothing to bring over then.
    let mut roots = body.nodes.iter().filter(|node| !listed.contains(&node.id));
    let (Some(root), None) = (roots.next(), roots.next()) else {
        return body;
    };
    let root_x = root.x;
    let first_level: std::collections::HashMap<NodeId, usize> = root
        .children
        .iter()
        .enumerate()
        .map(|(index, &id)| (id, index))
        .collect();
    for node in &mut body.nodes {
        if let Some(&index) = first_level.get(&node.id) {
            node.side = Some(if node.x < root_x {
                crate::model::Side::Left
            } else {
                crate::model::Side::Right
            });
            node.palette = Some((index % usize::from(crate::model::BRANCH_PALETTE_SIZE)) as u8);
        }
    }
    body
}

/// A version-0 file.
#[derive(Deserialize)]
struct FileV0 {
    root: NodeV0,
    #[serde(default)]
    goals: Vec<String>,
    #[serde(default)]
    reflection: String,
    #[serde(default)]
    checklist: Vec<CheckV0>,
    #[serde(default)]
    actions: Vec<ActionV0>,
}

/// A version-0 node, with its children inside it.
#[derive(Deserialize)]
struct NodeV0 {
    text: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    x: f32,
    #[serde(default)]
    y: f32,
    #[serde(default)]
    collapsed: bool,
    #[serde(default)]
    color: Option<Rgb>,
    #[serde(default)]
    note: String,
    /// Days between contacts; 0 for none.
    #[serde(default)]
    frequency_days: u32,
    #[serde(default)]
    strategies: Vec<String>,
    #[serde(default)]
    measures: Vec<String>,
    #[serde(default)]
    last_contact: Option<NaiveDate>,
    #[serde(default)]
    children: Vec<NodeV0>,
}

#[derive(Deserialize)]
struct CheckV0 {
    text: String,
    #[serde(default)]
    done: bool,
}

#[derive(Deserialize)]
struct ActionV0 {
    what: String,
    #[serde(default)]
    who: String,
    #[serde(default)]
    when: Option<NaiveDate>,
    #[serde(default)]
    done: bool,
}

fn v0_to_v1(file: FileV0) -> BodyV1 {
    let mut nodes = Vec::new();
    let mut next = 1;
    flatten_v0(file.root, &mut next, &mut nodes);
    let mut plan = Plan {
        personal_goals: file.goals,
        reflection: file.reflection,
        ..Plan::default()
    };
    // A file without a checklist gets the four default items, as a version-1 file without one does.
    if !file.checklist.is_empty() {
        plan.checklist = file
            .checklist
            .into_iter()
            .map(|check| ChecklistItem {
                text: check.text,
                well_represented: check.done,
                ..ChecklistItem::default()
            })
            .collect();
    }
    plan.actions = file
        .actions
        .into_iter()
        .map(|action| ActionItem {
            step: action.what,
            who: action.who,
            due: action.when,
            status: if action.done {
                ActionStatus::Done
            } else {
                ActionStatus::Planned
            },
            node: None,
        })
        .collect();
    BodyV1 {
        nodes,
        links: Vec::new(),
        plan,
        layout: None,
    }
}

/// Numbers the nodes depth first, parents before their children, and returns the id given to `node`.
fn flatten_v0(node: NodeV0, next: &mut u64, out: &mut Vec<NodeV1>) -> NodeId {
    let id = NodeId(*next);
    *next += 1;
    let at = out.len();
    let profile = Profile {
        strategies: node
            .strategies
            .into_iter()
            .map(|text| Strategy {
                text,
                ..Strategy::default()
            })
            .collect(),
        frequency: frequency_from_days(node.frequency_days),
        success_measures: node.measures,
        notes: node.note,
        contacts: node
            .last_contact
            .map(|date| Contact {
                date,
                note: String::new(),
            })
            .into_iter()
            .collect(),
        ..Profile::default()
    };
    out.push(NodeV1 {
        id,
        title: node.text,
        kind: kind_from_name(&node.kind),
        x: node.x,
        y: node.y,
        dx: 0.0,
        dy: 0.0,
        side: None,
        palette: None,
        folded: node.collapsed,
        color: node.color,
        icon: None,
        link: None,
        tags: Vec::new(),
        children: Vec::new(),
        profile,
    });
    let children: Vec<NodeId> = node
        .children
        .into_iter()
        .map(|child| flatten_v0(child, next, out))
        .collect();
    out[at].children = children;
    id
}

/// Version 0 named kinds in lower case; anything it did not know is a plain topic.
fn kind_from_name(name: &str) -> NodeKind {
    NodeKind::ALL
        .into_iter()
        .find(|kind| format!("{kind:?}").eq_ignore_ascii_case(name.trim()))
        .unwrap_or(NodeKind::Topic)
}

/// Version 0 kept the rhythm as days; the common ones become today's presets.
fn frequency_from_days(days: u32) -> Frequency {
    match days {
        0 => Frequency::None,
        7 => Frequency::Weekly,
        14 => Frequency::Biweekly,
        28..=31 => Frequency::Monthly,
        90..=92 => Frequency::Quarterly,
        180..=183 => Frequency::TwiceAYear,
        365 | 366 => Frequency::Yearly,
        days => Frequency::EveryDays(u16::try_from(days).unwrap_or(u16::MAX)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_by_name_whatever_their_case() {
        assert_eq!(kind_from_name("center"), NodeKind::Center);
        assert_eq!(kind_from_name("Constituency"), NodeKind::Constituency);
        assert_eq!(kind_from_name(" person "), NodeKind::Person);
        assert_eq!(kind_from_name("spaceship"), NodeKind::Topic);
        assert_eq!(kind_from_name(""), NodeKind::Topic);
    }

    #[test]
    fn common_rhythms_become_presets_and_others_stay_days() {
        assert_eq!(frequency_from_days(0), Frequency::None);
        assert_eq!(frequency_from_days(7), Frequency::Weekly);
        assert_eq!(frequency_from_days(30), Frequency::Monthly);
        assert_eq!(frequency_from_days(91), Frequency::Quarterly);
        assert_eq!(frequency_from_days(365), Frequency::Yearly);
        assert_eq!(frequency_from_days(10), Frequency::EveryDays(10));
        assert_eq!(
            frequency_from_days(1_000_000),
            Frequency::EveryDays(u16::MAX)
        );
    }
}
