//! Property tests of editing through `Document`: random sequences of every kind of `EditCommand` (applied as
//! plain steps, typed keystroke by keystroke through `apply_typing`, as batches, as the first title of a new
//! node), mixed with undo, redo, the end of typing and saving, on the shipped templates and the example map.
//!
//! After every step the test checks that
//! - the map is valid,
//! - saving the workbook and loading the text back gives a workbook that saves to the very same text, with
//!   titles, notes and labels full of quotes, backslashes, line breaks and non-ASCII text,
//! - a refused command left the workbook and the history as they were,
//! - the history behaves like a stack of states: a step adds one undo level and drops what could be redone,
//!   typing into the same field merges into the last level, undo and redo walk to exactly the neighbouring
//!   state, and the document is dirty exactly when it is not at the state last saved (typing after a save
//!   never merges into the saved step).
//!
//! At the end, undoing everything gives back exactly the starting workbook and redoing everything gives back
//! exactly the final one. Workbooks are compared exactly, with `Workbook`'s `PartialEq`, which compares node
//! positions unrounded: a file rounds them, so comparing saved texts would miss a position that undo brings
//! back only nearly. The canonical text is used only to show where two workbooks differ, and to check that
//! saving and loading keeps a workbook. Each seed of a sequence picks its node, link and list positions from the
//! document as it is at that moment, by modulo, so shrinking a failure still gives a meaningful sequence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use relmap::document::{CommandError, Document, EditCommand, ListItem, ListOp, ListRef};
use relmap::model::{
    ActionItem, ActionStatus, ChecklistItem, Contact, CrossLink, Frequency, Health, Icon, LinkId,
    NodeId, NodeKind, Person, PlanText, Pos, ProfileText, RemovedSubtree, Rgb, StrategyStatus,
    Topic, Workbook,
};
use relmap::storage::{self, Template};

/// The canonical text of a workbook, as a file holds it (positions rounded).
fn snapshot(workbook: &Workbook) -> String {
    storage::to_string(workbook)
}

/// Where `actual` differs from `expected`: the lines of their texts that differ, or, when the texts are the
/// same, the first node whose unrounded fields differ.
fn mismatch(expected: &Workbook, actual: &Workbook) -> String {
    let (want, got) = (snapshot(expected), snapshot(actual));
    if want != got {
        return diff(&want, &got);
    }
    let node = expected
        .map
        .topics()
        .find(|t| actual.map.topic(t.id) != Some(*t));
    format!(
        "the files would be the same, but the workbooks differ below the file's rounding: expected {node:?}, \
         actual {:?}",
        node.and_then(|t| actual.map.topic(t.id))
    )
}

/// Pieces of text that RON has to escape or that are easy to get wrong: quotes, backslashes, line breaks,
/// raw-string and comment syntax, control characters, combining and wide characters.
const FRAGMENTS: &[&str] = &[
    "",
    "a",
    "Board",
    " ",
    "  ",
    "é",
    "ß",
    "Åsa Øst",
    "日本語",
    "🦀",
    "👩‍👩‍👧",
    "e\u{301}",
    "\"",
    "\\",
    "\\\"",
    "\"\\",
    "\\n",
    "\\u{41}",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "'",
    "r#\"",
    "\"#",
    "#",
    "(",
    ")",
    ",",
    "//",
    "/*",
    "*/",
    "\u{0}",
    "\u{7f}",
    "\u{1b}",
    "\u{200b}",
    "\u{feff}",
    "\u{2028}",
    "\u{fffd}",
    "$",
    "{}",
];

/// Text for titles, notes, labels and list entries.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(FRAGMENTS), 0..6)
            .prop_map(|parts| parts.concat()),
        1 => "[A-Za-z ]{0,10}",
        1 => any::<String>(),
    ]
}

/// How many kinds of seed there are; see `Run::step`.
const KINDS: u8 = 29;
/// Kinds below this are plain commands, which a batch may hold.
const COMMAND_KINDS: u8 = 22;

/// One step of a sequence, before it is turned into a command against the document as it is then.
#[derive(Clone, Debug)]
struct Seed {
    kind: u8,
    a: u32,
    b: u32,
    c: u32,
    /// Apply through `apply_typing` rather than `apply`.
    typing: bool,
    text: String,
    /// The commands of a batch.
    more: Vec<(u8, u32, u32, u32)>,
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        0..KINDS,
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        text(),
        prop::collection::vec(
            (0..COMMAND_KINDS, any::<u32>(), any::<u32>(), any::<u32>()),
            0..5,
        ),
    )
        .prop_map(|(kind, a, b, c, typing, text, more)| Seed {
            kind,
            a,
            b,
            c,
            typing,
            text,
            more,
        })
}

/// The workbook a sequence starts from.
fn start(which: u8) -> Workbook {
    match which {
        0 => storage::starter().expect("the starter template loads"),
        1 => storage::example().expect("the example loads"),
        2 => Template::Spheres
            .workbook()
            .expect("the spheres template loads"),
        _ => Workbook::default(),
    }
}

/// A date from a number, from before the year 1 to after the year 10 000.
fn date(n: u32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt((n % 4_000_000) as i32 - 100_000)
        .expect("the range holds only real dates")
}

/// A position on the canvas, not on the tenth-of-a-unit grid that files store; now and then a huge or a tiny
/// one.
fn pos(n: u32) -> Pos {
    if n % 32 == 31 {
        const ODD: [f32; 6] = [f32::MAX, -f32::MAX, 1.0e30, -1.0e-30, 16_777_217.0, -0.04];
        let at = n as usize / 32;
        return Pos::new(ODD[at % 6], ODD[at / 6 % 6]);
    }
    Pos::new(
        (n % 200_000) as f32 / 7.0 - 14_000.0,
        (n / 200_000 % 20_000) as f32 / 3.0 - 3_000.0,
    )
}

/// A node link: a web address or a file path, with the seed's text in it.
fn link_text(n: u32, text: &str) -> String {
    match n % 3 {
        0 => format!("https://example.org/{text}?a=1&b=\"{}\"", n % 10),
        1 => format!("file:///home/maria/{text}.odt"),
        _ => text.to_owned(),
    }
}

/// Up to three tags made of the seed's text.
fn tags(n: u32, text: &str) -> Vec<String> {
    (0..n % 4).map(|i| format!("{text}{i}")).collect()
}

fn colour(n: u32) -> Option<Rgb> {
    let [r, g, b, flag] = n.to_le_bytes();
    (!flag.is_multiple_of(4)).then_some(Rgb([r, g, b]))
}

fn icon(n: u32) -> Option<Icon> {
    let i = n as usize % (Icon::ALL.len() + 1);
    Icon::ALL.get(i).copied()
}

fn node_kind(n: u32) -> NodeKind {
    NodeKind::ALL[n as usize % NodeKind::ALL.len()]
}

fn profile_field(n: u32) -> ProfileText {
    [
        ProfileText::WhatWorks,
        ProfileText::ToImprove,
        ProfileText::Notes,
    ][n as usize % 3]
}

fn plan_field(n: u32) -> PlanText {
    [PlanText::Reflection, PlanText::Tracking, PlanText::Success][n as usize % 3]
}

fn frequency(n: u32) -> Frequency {
    let i = n as usize % (Frequency::PRESETS.len() + 1);
    Frequency::PRESETS
        .get(i)
        .copied()
        .unwrap_or(Frequency::EveryDays((n >> 8) as u16))
}

/// A position where an entry can be inserted among `len`; now and then one past the end.
fn slot(len: usize, n: u32) -> usize {
    if n % 8 == 7 {
        len + 1
    } else {
        n as usize / 8 % (len + 1)
    }
}

/// The position of an existing entry among `len`; now and then one past the end.
fn entry(len: usize, n: u32) -> usize {
    if len == 0 || n % 8 == 7 {
        len + (n as usize / 8 % 2)
    } else {
        n as usize / 8 % len
    }
}

/// The prefixes of `text` a user passes through while typing it, at most six of them, ending with `text`.
fn prefixes(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let steps = chars.len().clamp(1, 6);
    (1..=steps)
        .map(|k| chars[..(k * chars.len()).div_ceil(steps)].iter().collect())
        .collect()
}

/// The lines where two texts of a workbook differ, for a failure message.
fn diff(expected: &str, actual: &str) -> String {
    let (expected, actual): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    for i in 0..expected.len().max(actual.len()) {
        let (want, got) = (expected.get(i), actual.get(i));
        if want != got {
            let show = |line: Option<&&str>| line.map_or("(none)".to_owned(), |l| format!("{l:?}"));
            let _ = writeln!(
                out,
                "line {}:\n  expected {}\n  actual   {}",
                i + 1,
                show(want),
                show(got)
            );
        }
    }
    out
}

/// Builds commands against the current state of a document and checks every step against a model of the
/// history: the canonical text of every state, from the start to the last one that can be redone.
struct Run {
    doc: Document,
    /// The state at each undo depth; those past `at` can be redone.
    states: Vec<Workbook>,
    /// The current undo depth.
    at: usize,
    /// A name for each of `states`; typing into a state renames it, as it changes the document's revision.
    names: Vec<u64>,
    next_name: u64,
    /// The name of the state last saved; `None` after `mark_unsaved`.
    saved: Option<u64>,
    /// What happened so far, for the failure message.
    trace: Vec<String>,
    /// What earlier removals took out, for restore commands that may or may not still fit.
    removed: Vec<RemovedSubtree>,
    /// The node the last built add or wrap command creates.
    last_added: Option<NodeId>,
    /// The last command typed, to type on after an undo, a save or the end of typing.
    last_typed: Option<EditCommand>,
}

impl Run {
    fn new(workbook: Workbook) -> Run {
        let doc = Document::new(workbook, None);
        Run {
            states: vec![doc.workbook().clone()],
            doc,
            at: 0,
            names: vec![0],
            next_name: 1,
            saved: Some(0),
            trace: Vec::new(),
            removed: Vec::new(),
            last_added: None,
            last_typed: None,
        }
    }

    fn fail(&self, message: &str) -> TestCaseError {
        TestCaseError::fail(format!(
            "{message}\n--- steps so far:\n{}",
            self.trace.join("\n")
        ))
    }

    fn ensure(&self, ok: bool, message: impl FnOnce() -> String) -> Result<(), TestCaseError> {
        if ok {
            Ok(())
        } else {
            Err(self.fail(&message()))
        }
    }

    /// Everything that must hold between steps.
    fn check(&self) -> Result<(), TestCaseError> {
        let workbook = self.doc.workbook();
        if let Err(problems) = workbook.map.validate() {
            return Err(self.fail(&format!("the map is broken: {problems:?}")));
        }
        self.ensure(*workbook == self.states[self.at], || {
            format!(
                "the workbook is not the state at undo depth {}:\n{}",
                self.at,
                mismatch(&self.states[self.at], workbook)
            )
        })?;
        let text = snapshot(workbook);
        self.ensure(self.doc.undo_depth() == self.at, || {
            format!(
                "undo depth {} where {} was expected",
                self.doc.undo_depth(),
                self.at
            )
        })?;
        self.ensure(
            self.doc.can_redo() == (self.states.len() > self.at + 1),
            || {
                format!(
                    "can_redo is {} with {} states ahead",
                    self.doc.can_redo(),
                    self.states.len() - self.at - 1
                )
            },
        )?;
        let dirty = self.saved != Some(self.names[self.at]);
        self.ensure(self.doc.is_dirty() == dirty, || {
            format!(
                "is_dirty is {} at undo depth {} (state {}, saved {:?})",
                self.doc.is_dirty(),
                self.at,
                self.names[self.at],
                self.saved
            )
        })?;
        // Save, load, save: the same text.
        let loaded = match storage::from_str(&text, Path::new("prop.ron")) {
            Ok(loaded) => loaded,
            Err(error) => {
                return Err(self.fail(&format!(
                    "the saved text does not load: {error}\n--- text:\n{text}"
                )));
            }
        };
        let again = snapshot(&loaded);
        self.ensure(again == text, || {
            format!("loading changed the workbook:\n{}", diff(&text, &again))
        })
    }

    /// Runs one edit through `edit` and updates the model: a refused edit changes nothing, an accepted one
    /// adds a state (dropping what could be redone) or, when `may_merge`, replaces the last state.
    fn attempt(
        &mut self,
        what: String,
        may_merge: bool,
        edit: impl FnOnce(&mut Document) -> Result<(), CommandError>,
    ) -> Result<(), TestCaseError> {
        let before = self.doc.workbook().clone();
        if let Err(error) = edit(&mut self.doc) {
            self.trace.push(format!("refused ({error}): {what}"));
            let after = self.doc.workbook();
            self.ensure(*after == before, || {
                format!(
                    "the refused edit changed the workbook:\n{}",
                    mismatch(&before, after)
                )
            })?;
            return self.check();
        }
        let depth = self.doc.undo_depth();
        let now = self.doc.workbook().clone();
        if depth == self.at + 1 {
            self.trace.push(format!("step {depth}: {what}"));
            self.states.truncate(self.at + 1);
            self.states.push(now);
            self.names.truncate(self.at + 1);
            self.names.push(self.next_name);
            self.next_name += 1;
            self.at = depth;
        } else if may_merge && depth == self.at && self.at > 0 {
            self.trace.push(format!("merged into step {depth}: {what}"));
            self.ensure(self.states.len() == self.at + 1, || {
                "an edit merged into a step while there was something to redo".to_owned()
            })?;
            self.ensure(
                !what.starts_with("typing") || self.saved != Some(self.names[self.at]),
                || "typing merged into the step that was saved".to_owned(),
            )?;
            self.states[self.at] = now;
            self.names[self.at] = self.next_name;
            self.next_name += 1;
        } else {
            self.trace.push(format!("accepted: {what}"));
            return Err(self.fail(&if depth == self.at {
                format!("the edit merged into step {depth}, which it must not")
            } else {
                format!("the edit took the undo depth from {} to {depth}", self.at)
            }));
        }
        self.check()
    }

    fn undo(&mut self) -> Result<(), TestCaseError> {
        let result = self.doc.undo();
        self.trace.push(format!("undo -> {result:?}"));
        self.ensure(result == Ok(self.at > 0), || {
            format!("undo at depth {} gave {result:?}", self.at)
        })?;
        self.at = self.at.saturating_sub(1);
        self.check()
    }

    fn redo(&mut self) -> Result<(), TestCaseError> {
        let result = self.doc.redo();
        self.trace.push(format!("redo -> {result:?}"));
        let ahead = self.states.len() > self.at + 1;
        self.ensure(result == Ok(ahead), || {
            format!("redo at depth {} gave {result:?}", self.at)
        })?;
        if ahead {
            self.at += 1;
        }
        self.check()
    }

    /// A node of the map; now and then one that does not exist.
    fn node(&self, n: u32) -> NodeId {
        if n % 23 == 22 {
            return NodeId(50_000 + u64::from(n % 3));
        }
        let ids = self.doc.workbook().map.sorted_ids();
        ids[n as usize % ids.len()]
    }

    /// A cross-link of the map; now and then one that does not exist.
    fn link(&self, n: u32) -> LinkId {
        let mut ids: Vec<LinkId> = self.doc.workbook().map.links().map(|l| l.id).collect();
        ids.sort_unstable();
        if ids.is_empty() || n % 13 == 12 {
            return LinkId(40_000 + u64::from(n % 3));
        }
        ids[n as usize % ids.len()]
    }

    fn children(&self, id: NodeId) -> usize {
        self.doc.workbook().map.children(id).len()
    }

    /// A new cross-link, or now and then one with the id of an existing link.
    fn new_link(&mut self, n: u32, from: NodeId, to: NodeId, label: &str) -> CrossLink {
        let id = if n % 11 == 10 {
            self.link(n / 11)
        } else {
            self.doc.allocate_link_id()
        };
        CrossLink {
            id,
            from,
            to,
            label: label.to_owned(),
        }
    }

    /// One of the eight lists; the node lists of node `n`.
    fn list(&self, which: u32, n: u32) -> ListRef {
        let id = self.node(n);
        [
            ListRef::People(id),
            ListRef::Strategies(id),
            ListRef::SuccessMeasures(id),
            ListRef::Contacts(id),
            ListRef::PersonalGoals,
            ListRef::TeamGoals,
            ListRef::Checklist,
            ListRef::Actions,
        ][which as usize % 8]
    }

    fn list_len(&self, list: ListRef) -> usize {
        let workbook = self.doc.workbook();
        let plan = &workbook.plan;
        let profile = list
            .node()
            .and_then(|id| workbook.map.topic(id))
            .map(|t| &t.profile);
        match list {
            ListRef::PersonalGoals => plan.personal_goals.len(),
            ListRef::TeamGoals => plan.team_goals.len(),
            ListRef::Checklist => plan.checklist.len(),
            ListRef::Actions => plan.actions.len(),
            ListRef::People(_) => profile.map_or(0, |p| p.people.len()),
            ListRef::Strategies(_) => profile.map_or(0, |p| p.strategies.len()),
            ListRef::SuccessMeasures(_) => profile.map_or(0, |p| p.success_measures.len()),
            ListRef::Contacts(_) => profile.map_or(0, |p| p.contacts.len()),
        }
    }

    /// An entry for `list`: mostly of the right type, now and then of a wrong one.
    fn list_item(&self, list: ListRef, n: u32, text: &str) -> ListItem {
        let right = match list {
            ListRef::People(_) => 0,
            ListRef::Strategies(_) => 1,
            ListRef::SuccessMeasures(_) | ListRef::PersonalGoals | ListRef::TeamGoals => 2,
            ListRef::Contacts(_) => 3,
            ListRef::Checklist => 4,
            ListRef::Actions => 5,
        };
        let which = if n % 11 == 10 { n / 11 % 6 } else { right };
        let other = format!("{text}\"{}\\", n % 7);
        match which {
            0 => ListItem::Person(Person {
                name: text.to_owned(),
                interests: if n.is_multiple_of(2) {
                    other
                } else {
                    String::new()
                },
            }),
            1 => ListItem::Strategy(relmap::model::Strategy {
                text: text.to_owned(),
                status: if n.is_multiple_of(2) {
                    StrategyStatus::Done
                } else {
                    StrategyStatus::Active
                },
            }),
            2 => ListItem::Text(text.to_owned()),
            3 => ListItem::Contact(Contact {
                date: date(n),
                note: text.to_owned(),
            }),
            4 => ListItem::Checklist(ChecklistItem {
                text: text.to_owned(),
                well_represented: n.is_multiple_of(2),
                want_to_improve: n.is_multiple_of(3),
                note: if n.is_multiple_of(5) {
                    other
                } else {
                    String::new()
                },
            }),
            _ => ListItem::Action(ActionItem {
                step: text.to_owned(),
                who: if n.is_multiple_of(2) {
                    other
                } else {
                    String::new()
                },
                due: (!n.is_multiple_of(3)).then(|| date(n / 3)),
                status: ActionStatus::ALL[n as usize % 4],
                // It may name a node that is gone, or that is removed later: actions may.
                node: (!n.is_multiple_of(5)).then(|| self.node(n / 5)),
            }),
        }
    }

    /// A new node with an id from the document, its looks and a bit of profile taken from the seed.
    fn new_topic(&mut self, n: u32, title: &str) -> Topic {
        let id = self.doc.allocate_node_id();
        self.last_added = Some(id);
        let mut topic = Topic::new(id, title, node_kind(n)).at(pos(n.rotate_left(7)));
        topic.folded = n.is_multiple_of(5);
        topic.color = colour(n.rotate_left(13));
        topic.icon = icon(n.rotate_left(3));
        if n % 4 == 1 {
            topic.link = Some(link_text(n / 4, title));
            topic.tags = tags(n / 4, title);
        }
        if n.is_multiple_of(3) {
            topic.profile.notes = format!("{title}\n\"notes\"\\");
            topic.profile.health = Health::ALL[n as usize % 4];
            topic.profile.frequency = frequency(n.rotate_left(5));
            topic.profile.people.push(Person {
                name: title.to_owned(),
                interests: "the \"budget\"".to_owned(),
            });
        }
        topic
    }

    /// A plain command (kinds below `COMMAND_KINDS`) against the current state.
    fn command(&mut self, kind: u8, a: u32, b: u32, c: u32, text: &str) -> EditCommand {
        match kind {
            0 => {
                let parent = self.node(a);
                let index = slot(self.children(parent), b);
                let topic = if c % 17 == 16 {
                    // An id that is taken already.
                    let mut topic = Topic::new(self.node(c / 17), text, NodeKind::Topic);
                    topic.pos = pos(c);
                    topic
                } else {
                    self.new_topic(c, text)
                };
                EditCommand::AddNode {
                    parent,
                    index,
                    topic: Box::new(topic),
                }
            }
            1 => {
                let id = self.node(a);
                if let Ok(removed) = self.doc.workbook().map.clone().remove_subtree(id) {
                    self.removed.push(removed);
                }
                EditCommand::RemoveSubtree { id }
            }
            2 => self.restore(a, b, c),
            3 => {
                let parent = self.node(a);
                let len = self.children(parent);
                let index = entry(len + 1, b).min(len + 1);
                // Now and then one sibling more than there are.
                let count = slot(len.saturating_sub(index), c);
                let topic = self.new_topic(b.rotate_left(11), text);
                let id = topic.id;
                let mut links = Vec::new();
                for i in 0..(c / 7 % 3) {
                    let seed = a.rotate_left(8 * i + 3);
                    let other = self.node(seed);
                    let (from, to) = if seed.is_multiple_of(2) {
                        (id, other)
                    } else {
                        (other, id)
                    };
                    links.push(self.new_link(seed / 2, from, to, text));
                }
                EditCommand::Wrap {
                    parent,
                    index,
                    count,
                    topic: Box::new(topic),
                    links,
                }
            }
            4 => EditCommand::Dissolve { id: self.node(a) },
            5 => EditCommand::Rename {
                id: self.node(a),
                title: text.to_owned(),
            },
            6 => EditCommand::SetKind {
                id: self.node(a),
                kind: node_kind(b),
            },
            7 => EditCommand::SetFolded {
                id: self.node(a),
                folded: b.is_multiple_of(2),
            },
            8 => EditCommand::SetColor {
                id: self.node(a),
                color: colour(b),
            },
            9 => EditCommand::SetIcon {
                id: self.node(a),
                icon: icon(b),
            },
            10 => {
                let moves = (0..=c % 3)
                    .map(|i| (self.node(a.rotate_left(5 * i)), pos(b.rotate_left(9 * i))))
                    .collect();
                EditCommand::MoveNodes { moves }
            }
            11 => {
                let id = self.node(a);
                let parent = if c.is_multiple_of(3) {
                    // Reorder among the siblings.
                    self.doc.workbook().map.parent(id).unwrap_or(id)
                } else {
                    self.node(b)
                };
                let index = slot(self.children(parent), c / 3);
                EditCommand::Reparent { id, parent, index }
            }
            12 => {
                let (from, to) = (self.node(a), self.node(b));
                EditCommand::AddLink(self.new_link(c, from, to, text))
            }
            13 => EditCommand::RemoveLink { id: self.link(a) },
            14 => EditCommand::SetLinkLabel {
                id: self.link(a),
                label: text.to_owned(),
            },
            15 => EditCommand::SetProfileText {
                id: self.node(a),
                field: profile_field(b),
                text: text.to_owned(),
            },
            16 => EditCommand::SetFrequency {
                id: self.node(a),
                frequency: frequency(b),
                suggested: c.is_multiple_of(2),
            },
            17 => EditCommand::SetHealth {
                id: self.node(a),
                health: Health::ALL[b as usize % 4],
            },
            18 => {
                let list = self.list(b, a);
                let len = self.list_len(list);
                let op = match c % 4 {
                    0 => ListOp::Insert {
                        index: slot(len, a),
                        item: self.list_item(list, c / 4, text),
                    },
                    1 => ListOp::Remove {
                        index: entry(len, a),
                    },
                    2 => ListOp::Replace {
                        index: entry(len, a),
                        item: self.list_item(list, c / 4, text),
                    },
                    _ => ListOp::Move {
                        from: entry(len, a),
                        to: entry(len, c / 4),
                    },
                };
                EditCommand::EditList { list, op }
            }
            19 => EditCommand::SetPlanText {
                field: plan_field(b),
                text: text.to_owned(),
            },
            20 => EditCommand::SetLink {
                id: self.node(a),
                link: (!b.is_multiple_of(4)).then(|| link_text(b, text)),
            },
            _ => EditCommand::SetTags {
                id: self.node(a),
                tags: tags(b, text),
            },
        }
    }

    /// A restore: of an earlier removal, of a subtree that is still there (refused), or of a subtree just
    /// taken out, somewhere else (a batch of removal and restore, which moves the subtree).
    fn restore(&mut self, a: u32, b: u32, c: u32) -> EditCommand {
        if c % 5 < 2 && !self.removed.is_empty() {
            // Mostly one whose nodes are gone now, which has a chance to fit.
            let map = &self.doc.workbook().map;
            let gone: Vec<&RemovedSubtree> = self
                .removed
                .iter()
                .filter(|removed| !removed.nodes.iter().any(|(t, _)| map.contains(t.id)))
                .collect();
            let removed = if gone.is_empty() || b % 4 == 3 {
                &self.removed[b as usize % self.removed.len()]
            } else {
                gone[b as usize % gone.len()]
            };
            return EditCommand::RestoreSubtree(Box::new(removed.clone()));
        }
        let id = self.node(a);
        let mut map = self.doc.workbook().map.clone();
        let Ok(mut removed) = map.remove_subtree(id) else {
            let root = map.root();
            return EditCommand::RestoreSubtree(Box::new(RemovedSubtree {
                parent: root,
                index: 0,
                nodes: Vec::new(),
                links: Vec::new(),
            }));
        };
        if c % 5 == 2 {
            return EditCommand::RestoreSubtree(Box::new(removed));
        }
        let ids = map.sorted_ids();
        removed.parent = ids[b as usize % ids.len()];
        removed.index = slot(map.children(removed.parent).len(), c / 5);
        EditCommand::Batch(vec![
            EditCommand::RemoveSubtree { id },
            EditCommand::RestoreSubtree(Box::new(removed)),
        ])
    }

    /// Applies `command` as a plain step or as typing.
    fn edit(&mut self, command: EditCommand, typing: bool) -> Result<(), TestCaseError> {
        if typing {
            self.last_typed = Some(command.clone());
            self.attempt(format!("typing {command:?}"), true, |doc| {
                doc.apply_typing(command)
            })
        } else {
            self.attempt(format!("{command:?}"), false, |doc| doc.apply(command))
        }
    }

    /// Types into one field keystroke by keystroke: a title, a profile text, a plan text, a link label, a
    /// list entry or a colour being dragged. However many keystrokes, it adds at most one undo step.
    fn burst(&mut self, seed: &Seed) -> Result<(), TestCaseError> {
        let Seed { a, b, c, .. } = *seed;
        let typed = prefixes(&seed.text);
        let commands: Vec<EditCommand> = match b % 6 {
            0 => {
                let id = self.node(a);
                typed
                    .into_iter()
                    .map(|title| EditCommand::Rename { id, title })
                    .collect()
            }
            1 => {
                let (id, field) = (self.node(a), profile_field(c));
                typed
                    .into_iter()
                    .map(|text| EditCommand::SetProfileText { id, field, text })
                    .collect()
            }
            2 => {
                let field = plan_field(a);
                typed
                    .into_iter()
                    .map(|text| EditCommand::SetPlanText { field, text })
                    .collect()
            }
            3 => {
                let id = self.link(a);
                typed
                    .into_iter()
                    .map(|label| EditCommand::SetLinkLabel { id, label })
                    .collect()
            }
            4 => {
                // Mostly a list that has an entry to type into.
                let lists: Vec<ListRef> = (0..8)
                    .map(|which| self.list(which, a))
                    .filter(|&list| self.list_len(list) > 0)
                    .collect();
                let list = if lists.is_empty() || c % 8 == 7 {
                    self.list(c, a)
                } else {
                    lists[c as usize % lists.len()]
                };
                let index = entry(self.list_len(list), c / 8);
                typed
                    .iter()
                    .map(|text| EditCommand::EditList {
                        list,
                        op: ListOp::Replace {
                            index,
                            item: self.list_item(list, c / 8, text),
                        },
                    })
                    .collect()
            }
            _ => {
                let id = self.node(a);
                (0..typed.len() as u32)
                    .map(|k| EditCommand::SetColor {
                        id,
                        color: colour(c.wrapping_add(k.wrapping_mul(0x0101_0101))),
                    })
                    .collect()
            }
        };
        let depth = self.at;
        for command in commands {
            self.edit(command, true)?;
        }
        self.ensure(self.at <= depth + 1, || {
            format!(
                "typing into one field took the undo depth from {depth} to {}",
                self.at
            )
        })?;
        if c.is_multiple_of(2) {
            self.trace.push("end typing".to_owned());
            self.doc.end_typing();
        }
        Ok(())
    }

    /// Types once more into the field typed into last, as a user does after pressing undo or save or leaving
    /// the field; after those, the keystroke must not merge into the last step (`may_merge` false).
    fn keep_typing(&mut self, may_merge: bool) -> Result<(), TestCaseError> {
        let Some(command) = self.last_typed.clone() else {
            return Ok(());
        };
        self.attempt(format!("typing {command:?}"), may_merge, |doc| {
            doc.apply_typing(command)
        })
    }

    /// Gives a node its first title: merged into the step that added it when that was the last step.
    fn name(&mut self, id: NodeId, title: String) -> Result<(), TestCaseError> {
        let merges = self.doc.last_step_added(id);
        let depth = self.at;
        self.attempt(format!("name_new_node({id}, {title:?})"), true, |doc| {
            doc.name_new_node(id, title)
        })?;
        self.ensure(!merges || self.at == depth, || {
            format!("naming node {id}, which the last step added, was a step of its own")
        })
    }

    fn step(&mut self, seed: &Seed) -> Result<(), TestCaseError> {
        let Seed {
            kind,
            a,
            b,
            c,
            typing,
            ..
        } = *seed;
        match kind {
            0..COMMAND_KINDS => {
                self.last_added = None;
                let command = self.command(kind, a, b, c, &seed.text);
                self.edit(command, typing)?;
                // Adding a node and typing its first title, as the canvas does: one undo step.
                match self.last_added {
                    Some(id) if b.is_multiple_of(2) => {
                        self.name(id, format!("{}\n«{}»", seed.text, id.0))
                    }
                    _ => Ok(()),
                }
            }
            22 => {
                let mut commands: Vec<EditCommand> = seed
                    .more
                    .iter()
                    .enumerate()
                    .map(|(i, &(kind, own, b, c))| {
                        // Half of the commands are about the same node, so that their order matters.
                        let a = if own.is_multiple_of(2) { seed.a } else { own };
                        let text = format!("{}{i}", seed.text);
                        self.command(kind, a, b, c, &text)
                    })
                    .collect();
                if c.is_multiple_of(4) {
                    // A last command that fails, so that what the batch did so far must be rolled back.
                    commands.push(EditCommand::Dissolve { id: NodeId(60_000) });
                }
                self.edit(EditCommand::Batch(commands), typing)
            }
            23 => {
                // The first title of the node just added: part of the adding step when nothing came between.
                let id = match self.last_added {
                    Some(id) if !c.is_multiple_of(4) => id,
                    _ => self.node(a),
                };
                self.name(id, seed.text.clone())
            }
            24 => {
                self.undo()?;
                if c.is_multiple_of(2) {
                    self.keep_typing(false)?;
                }
                Ok(())
            }
            25 => self.redo(),
            26 => {
                let ended = !c.is_multiple_of(3);
                if ended {
                    self.trace.push("end typing".to_owned());
                    self.doc.end_typing();
                }
                self.keep_typing(!ended)
            }
            27 => {
                // Marking the map unsaved (the file changed on disk) leaves typing open; saving ends it.
                let unsaved = c.is_multiple_of(4);
                if unsaved {
                    self.trace.push("mark unsaved".to_owned());
                    self.doc.mark_unsaved();
                    self.saved = None;
                } else {
                    self.trace.push("mark saved".to_owned());
                    self.doc.mark_saved("prop.ron".into());
                    self.saved = Some(self.names[self.at]);
                }
                self.check()?;
                if c.is_multiple_of(2) {
                    self.keep_typing(unsaved)?;
                }
                Ok(())
            }
            _ => self.burst(seed),
        }
    }
}

fn run(which: u8, seeds: &[Seed]) -> Result<(), TestCaseError> {
    let mut run = Run::new(start(which));
    run.check()?;
    for seed in seeds {
        run.step(seed)?;
    }
    // A sequence that ends with undos leaves steps to redo; the final state is the one past all of them.
    while run.doc.can_redo() {
        run.redo()?;
    }
    let end = run.doc.workbook().clone();
    while run.doc.can_undo() {
        run.undo()?;
    }
    run.trace.push("undone everything".to_owned());
    // The document lays the map out when it opens it, so the start is the workbook as a document holds it.
    let original = Document::new(start(which), None).workbook().clone();
    let now = run.doc.workbook();
    run.ensure(*now == original, || {
        format!(
            "undoing everything did not give back the start:\n{}",
            mismatch(&original, now)
        )
    })?;
    let undone = run.doc.undo();
    run.ensure(undone == Ok(false), || {
        "undo did something with nothing left to undo".to_owned()
    })?;
    while run.doc.can_redo() {
        run.redo()?;
    }
    run.trace.push("redone everything".to_owned());
    let now = run.doc.workbook();
    run.ensure(*now == end, || {
        format!(
            "redoing everything did not give back the end:\n{}",
            mismatch(&end, now)
        )
    })?;
    let redone = run.doc.redo();
    run.ensure(redone == Ok(false), || {
        "redo did something with nothing left to redo".to_owned()
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        // Nothing is written into the repository; a failure prints its minimal sequence instead.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_edits_save_load_undo_and_redo_exactly(
        which in 0u8..4,
        seeds in prop::collection::vec(seed(), 0..40),
    ) {
        run(which, &seeds)?;
    }
}

#[test]
fn prefixes_end_with_the_whole_text() {
    assert_eq!(prefixes(""), [""]);
    assert_eq!(prefixes("ab"), ["a", "ab"]);
    assert_eq!(prefixes("é\"\\"), ["é", "é\"", "é\"\\"]);
    let long = prefixes("abcdefghijkl");
    assert_eq!(long.len(), 6);
    assert_eq!(long.last().map(String::as_str), Some("abcdefghijkl"));
}
