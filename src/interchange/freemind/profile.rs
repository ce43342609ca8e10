//! What `FreeMind` has no element for, as `relmap.*` attributes: the kind of a node, its exact position, its
//! relationship profile (all but the notes, which are a `FreeMind` note), tags that are no icon, and on the
//! root the plan. One attribute holds one value, so Freeplane shows them as readable rows; lists repeat their
//! attribute, once per entry, in order.

use chrono::NaiveDate;

use crate::model::{
    Contact, Frequency, Health, NodeKind, Person, Plan, Pos, Strategy, StrategyStatus, Topic,
};

/// The prefix of every attribute relmap writes.
pub(super) const PREFIX: &str = "relmap.";
/// Where the node stands on relmap's canvas, rightwards.
pub(super) const X: &str = "relmap.x";
/// Where the node stands on relmap's canvas, downwards.
pub(super) const Y: &str = "relmap.y";
/// The node's kind, when it is not the default (the centre for the root, a topic for every other node).
pub(super) const KIND: &str = "relmap.kind";
/// A key person's name; a `relmap.person.interests` row right after it holds their interests.
pub(super) const PERSON: &str = "relmap.person";
/// The interests of the person named in the row before.
pub(super) const INTERESTS: &str = "relmap.person.interests";
/// An active strategy.
pub(super) const STRATEGY: &str = "relmap.strategy";
/// A strategy that has been carried out.
pub(super) const STRATEGY_DONE: &str = "relmap.strategy.done";
/// How often to be in touch, as relmap's files write it: `Monthly`, `EveryDays(10)`.
pub(super) const FREQUENCY: &str = "relmap.frequency";
/// `true` when the frequency is only a template's suggestion.
pub(super) const FREQUENCY_SUGGESTED: &str = "relmap.frequency.suggested";
/// A success measure.
pub(super) const MEASURE: &str = "relmap.measure";
/// How the relationship is going: `WorkingWell`, `NeedsAttention`, `Neglected`.
pub(super) const HEALTH: &str = "relmap.health";
/// What makes the relationship work.
pub(super) const WHAT_WORKS: &str = "relmap.what_works";
/// What could be improved.
pub(super) const TO_IMPROVE: &str = "relmap.to_improve";
/// A logged contact: its date as `YYYY-MM-DD`, then a space and the note.
pub(super) const CONTACT: &str = "relmap.contact";
/// A tag that is not the name of an icon.
pub(super) const TAG: &str = "relmap.tag";
/// On the root: the whole plan, as RON text.
pub(super) const PLAN: &str = "relmap.plan";
/// A nudge of the node away from its automatic place, across.
pub(super) const DX: &str = "relmap.dx";
/// A nudge of the node away from its automatic place, down.
pub(super) const DY: &str = "relmap.dy";
/// The side of the centre a first-level branch keeps in the tree layout, exactly as relmap had it.
pub(super) const SIDE: &str = "relmap.side";
/// The palette colour a first-level branch keeps.
pub(super) const PALETTE: &str = "relmap.palette";
/// How the map is arranged (on the root), when it is not the tree every map starts as.
pub(super) const LAYOUT: &str = "relmap.layout";

/// The attribute rows of a node, in a fixed order: position, kind, then the profile field by field, then the
/// tags that are not written as icons.
pub(super) fn rows(topic: &Topic, is_root: bool, tags: &[String]) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    let pos = topic.pos.rounded();
    rows.push((X, pos.x.to_string()));
    rows.push((Y, pos.y.to_string()));
    if topic.kind != default_kind(is_root) {
        rows.push((KIND, format!("{:?}", topic.kind)));
    }
    let offset = topic.offset.rounded();
    if offset != crate::model::Pos::default() {
        rows.push((DX, offset.x.to_string()));
        rows.push((DY, offset.y.to_string()));
    }
    if let Some(side) = topic.side {
        rows.push((SIDE, format!("{side:?}")));
    }
    if let Some(palette) = topic.palette {
        rows.push((PALETTE, palette.to_string()));
    }
    let profile = &topic.profile;
    for person in &profile.people {
        rows.push((PERSON, person.name.clone()));
        if !person.interests.is_empty() {
            rows.push((INTERESTS, person.interests.clone()));
        }
    }
    for strategy in &profile.strategies {
        let name = match strategy.status {
            StrategyStatus::Active => STRATEGY,
            StrategyStatus::Done => STRATEGY_DONE,
        };
        rows.push((name, strategy.text.clone()));
    }
    if profile.frequency != Frequency::None {
        rows.push((FREQUENCY, ron_text(&profile.frequency)));
    }
    if profile.frequency_suggested {
        rows.push((FREQUENCY_SUGGESTED, "true".to_owned()));
    }
    for measure in &profile.success_measures {
        rows.push((MEASURE, measure.clone()));
    }
    if profile.health != Health::NotAssessed {
        rows.push((HEALTH, ron_text(&profile.health)));
    }
    if !profile.what_works.is_empty() {
        rows.push((WHAT_WORKS, profile.what_works.clone()));
    }
    if !profile.to_improve.is_empty() {
        rows.push((TO_IMPROVE, profile.to_improve.clone()));
    }
    for contact in &profile.contacts {
        let date = contact.date.format("%Y-%m-%d");
        let value = if contact.note.is_empty() {
            date.to_string()
        } else {
            format!("{date} {}", contact.note)
        };
        rows.push((CONTACT, value));
    }
    for tag in tags {
        rows.push((TAG, tag.clone()));
    }
    rows
}

/// The plan as the root's `relmap.plan` attribute holds it.
pub(super) fn plan_text(plan: &Plan) -> String {
    ron_text(plan)
}

/// The plan from the root's `relmap.plan` attribute.
pub(super) fn read_plan(text: &str) -> Result<Plan, String> {
    ron::from_str(text).map_err(|error| error.to_string())
}

/// The kind a node has when no `relmap.kind` attribute says otherwise.
pub(super) fn default_kind(is_root: bool) -> NodeKind {
    if is_root {
        NodeKind::Center
    } else {
        NodeKind::Topic
    }
}

fn ron_text<T: serde::Serialize>(value: &T) -> String {
    // Plain data with derived implementations always serializes.
    ron::to_string(value).unwrap_or_default()
}

/// What one attribute meant.
#[derive(Debug, PartialEq)]
pub(super) enum Meaning {
    /// It changed the topic.
    Applied,
    /// A coordinate of the node's position.
    X(f32),
    /// A coordinate of the node's position.
    Y(f32),
    /// The node's kind.
    Kind(NodeKind),
    /// The plan (on the root).
    Plan(String),
    /// How the map is arranged (on the root).
    Layout(crate::model::Arrangement),
    /// Not one of relmap's attributes: it belongs in the notes.
    Foreign,
    /// One of relmap's names with a value relmap cannot read; the reason is for the report.
    Invalid(String),
}

/// Reads one attribute into `topic`, when it is one of relmap's.
pub(super) fn apply(topic: &mut Topic, name: &str, value: &str) -> Meaning {
    let profile = &mut topic.profile;
    let text = || value.to_owned();
    match name {
        X | Y => match value.trim().parse::<f32>() {
            Ok(v) if v.is_finite() => {
                if name == X {
                    Meaning::X(v)
                } else {
                    Meaning::Y(v)
                }
            }
            _ => Meaning::Invalid("is not a number".to_owned()),
        },
        KIND => NodeKind::ALL
            .into_iter()
            .find(|kind| format!("{kind:?}").eq_ignore_ascii_case(value.trim()))
            .map_or_else(
                || Meaning::Invalid("is not a kind of node".to_owned()),
                Meaning::Kind,
            ),
        PERSON => {
            profile.people.push(Person {
                name: text(),
                interests: String::new(),
            });
            Meaning::Applied
        }
        INTERESTS => match profile.people.last_mut() {
            Some(person) if person.interests.is_empty() => {
                person.interests = text();
                Meaning::Applied
            }
            _ => Meaning::Invalid(format!("does not follow a {PERSON} row")),
        },
        STRATEGY | STRATEGY_DONE => {
            let status = if name == STRATEGY {
                StrategyStatus::Active
            } else {
                StrategyStatus::Done
            };
            profile.strategies.push(Strategy {
                text: text(),
                status,
            });
            Meaning::Applied
        }
        FREQUENCY => match ron::from_str::<Frequency>(value.trim()) {
            Ok(frequency) => {
                profile.frequency = frequency;
                Meaning::Applied
            }
            Err(_) => Meaning::Invalid("is not a frequency".to_owned()),
        },
        FREQUENCY_SUGGESTED => match value.trim() {
            "true" => {
                profile.frequency_suggested = true;
                Meaning::Applied
            }
            "false" => Meaning::Applied,
            _ => Meaning::Invalid("is neither true nor false".to_owned()),
        },
        MEASURE => {
            profile.success_measures.push(text());
            Meaning::Applied
        }
        HEALTH => match ron::from_str::<Health>(value.trim()) {
            Ok(health) => {
                profile.health = health;
                Meaning::Applied
            }
            Err(_) => Meaning::Invalid("is not a health rating".to_owned()),
        },
        WHAT_WORKS => append(&mut profile.what_works, value),
        TO_IMPROVE => append(&mut profile.to_improve, value),
        CONTACT => match contact(value) {
            Some(contact) => {
                profile.contacts.push(contact);
                Meaning::Applied
            }
            None => Meaning::Invalid("does not start with a date (YYYY-MM-DD)".to_owned()),
        },
        TAG => {
            topic.tags.push(text());
            Meaning::Applied
        }
        PLAN => Meaning::Plan(text()),
        DX | DY => match value.trim().parse::<f32>() {
            Ok(v) if v.is_finite() => {
                if name == DX {
                    topic.offset.x = v;
                } else {
                    topic.offset.y = v;
                }
                Meaning::Applied
            }
            _ => Meaning::Invalid("is not a number".to_owned()),
        },
        SIDE => match value.trim() {
            "Left" => {
                topic.side = Some(crate::model::Side::Left);
                Meaning::Applied
            }
            "Right" => {
                topic.side = Some(crate::model::Side::Right);
                Meaning::Applied
            }
            _ => Meaning::Invalid("is neither Left nor Right".to_owned()),
        },
        PALETTE => match value.trim().parse::<u8>() {
            Ok(slot) if slot < crate::model::BRANCH_PALETTE_SIZE => {
                topic.palette = Some(slot);
                Meaning::Applied
            }
            _ => Meaning::Invalid("is not a colour of the branch palette".to_owned()),
        },
        LAYOUT => crate::model::Arrangement::ALL
            .into_iter()
            .find(|a| format!("{a:?}").eq_ignore_ascii_case(value.trim()))
            .map_or_else(
                || Meaning::Invalid("is not an arrangement (Tree, Radial or Free)".to_owned()),
                Meaning::Layout,
            ),
        _ => Meaning::Foreign,
    }
}

/// A free-text field given twice keeps both texts, one after the other.
fn append(field: &mut String, value: &str) -> Meaning {
    if !field.is_empty() {
        field.push('\n');
    }
    field.push_str(value);
    Meaning::Applied
}

fn contact(value: &str) -> Option<Contact> {
    let date = value.get(..10)?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let rest = &value[10..];
    let note = match rest.strip_prefix(' ') {
        Some(note) => note,
        None if rest.is_empty() => "",
        None => return None,
    };
    Some(Contact {
        date,
        note: note.to_owned(),
    })
}

/// A position from the `relmap.x` and `relmap.y` attributes, when both were there.
pub(super) fn position(x: Option<f32>, y: Option<f32>) -> Option<Pos> {
    Some(Pos::new(x?, y?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NodeId;

    #[test]
    fn every_row_reads_back_into_the_same_topic() {
        let mut topic = Topic::new(NodeId(4), "Board", NodeKind::Group).at(Pos::new(-12.34, 56.0));
        topic.tags = vec!["budget".to_owned()];
        let profile = &mut topic.profile;
        profile.people = vec![
            Person {
                name: "Ann: chair".to_owned(),
                interests: "money\nand more".to_owned(),
            },
            Person::default(),
        ];
        profile.strategies = vec![
            Strategy {
                text: "Brief".to_owned(),
                status: StrategyStatus::Done,
            },
            Strategy::default(),
        ];
        profile.frequency = Frequency::EveryDays(10);
        profile.frequency_suggested = true;
        profile.success_measures = vec!["A".to_owned(), String::new()];
        profile.health = Health::Neglected;
        profile.what_works = "Calls".to_owned();
        profile.to_improve = "Visits".to_owned();
        profile.contacts = vec![
            Contact {
                date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                note: " spaced ".to_owned(),
            },
            Contact {
                date: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
                note: String::new(),
            },
        ];

        let mut back = Topic::new(NodeId(4), "Board", NodeKind::Topic);
        let (mut x, mut y) = (None, None);
        for (name, value) in rows(&topic, false, &topic.tags) {
            match apply(&mut back, name, &value) {
                Meaning::Applied => {}
                Meaning::X(v) => x = Some(v),
                Meaning::Y(v) => y = Some(v),
                Meaning::Kind(kind) => back.kind = kind,
                other => panic!("{name} = {value:?} read as {other:?}"),
            }
        }
        back.pos = position(x, y).unwrap();
        let expected = Topic {
            pos: topic.pos.rounded(),
            ..topic
        };
        assert_eq!(back, expected);
    }

    #[test]
    fn values_relmap_cannot_read_are_invalid_not_lost() {
        let mut topic = Topic::new(NodeId(1), "x", NodeKind::Topic);
        assert!(matches!(
            apply(&mut topic, HEALTH, "Great"),
            Meaning::Invalid(_)
        ));
        assert!(matches!(
            apply(&mut topic, CONTACT, "yesterday"),
            Meaning::Invalid(_)
        ));
        assert!(matches!(
            apply(&mut topic, CONTACT, "2026-01-01x"),
            Meaning::Invalid(_)
        ));
        assert!(matches!(
            apply(&mut topic, INTERESTS, "books"),
            Meaning::Invalid(_)
        ));
        assert!(matches!(apply(&mut topic, X, "NaN"), Meaning::Invalid(_)));
        assert_eq!(apply(&mut topic, "Cost", "12"), Meaning::Foreign);
        assert_eq!(
            apply(&mut topic, KIND, "person"),
            Meaning::Kind(NodeKind::Person)
        );
    }
}
