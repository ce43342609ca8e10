//! Edits of the lists in a workbook (people, strategies, goals, checklist, actions...) through one set of
//! operations, so that each list gets insert, remove, replace and reorder with undo for free.

use crate::model::{ActionItem, ChecklistItem, Contact, NodeId, Person, Strategy, Workbook};

use super::CommandError;

/// Which list of the workbook an edit is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListRef {
    /// Key people and interests of a node.
    People(NodeId),
    /// Strategies of a node.
    Strategies(NodeId),
    /// Success measures of a node.
    SuccessMeasures(NodeId),
    /// The contact log of a node.
    Contacts(NodeId),
    /// Personal goals.
    PersonalGoals,
    /// Team goals.
    TeamGoals,
    /// The learning-organization checklist.
    Checklist,
    /// The action plan.
    Actions,
}

impl ListRef {
    /// The node whose profile holds the list, if any.
    #[must_use]
    pub fn node(self) -> Option<NodeId> {
        match self {
            ListRef::People(id)
            | ListRef::Strategies(id)
            | ListRef::SuccessMeasures(id)
            | ListRef::Contacts(id) => Some(id),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            ListRef::People(_) => "people",
            ListRef::Strategies(_) => "strategies",
            ListRef::SuccessMeasures(_) => "success measures",
            ListRef::Contacts(_) => "contact log",
            ListRef::PersonalGoals => "personal goals",
            ListRef::TeamGoals => "team goals",
            ListRef::Checklist => "checklist",
            ListRef::Actions => "action plan",
        }
    }
}

/// One entry of any list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListItem {
    /// A key person.
    Person(Person),
    /// A strategy.
    Strategy(Strategy),
    /// A success measure or a goal.
    Text(String),
    /// A logged contact.
    Contact(Contact),
    /// A checklist item.
    Checklist(ChecklistItem),
    /// An action item.
    Action(ActionItem),
}

/// One change to a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListOp {
    /// Inserts an entry at a position.
    Insert {
        /// Where; the length of the list appends.
        index: usize,
        /// What.
        item: ListItem,
    },
    /// Removes the entry at a position.
    Remove {
        /// Where.
        index: usize,
    },
    /// Replaces the entry at a position.
    Replace {
        /// Where.
        index: usize,
        /// The new entry.
        item: ListItem,
    },
    /// Moves an entry from one position to another.
    Move {
        /// Where it is.
        from: usize,
        /// Where it goes, counted after it has been taken out.
        to: usize,
    },
}

/// Applies `op` to the list `list` of the workbook and returns the operation that undoes it.
pub(super) fn apply(
    workbook: &mut Workbook,
    list: ListRef,
    op: ListOp,
) -> Result<ListOp, CommandError> {
    macro_rules! on {
        ($vec:expr, $variant:ident) => {
            edit(
                $vec,
                list,
                op,
                |item| match item {
                    ListItem::$variant(inner) => Ok(inner),
                    _ => Err(CommandError::WrongItem(list.name())),
                },
                ListItem::$variant,
            )
        };
    }
    match list {
        ListRef::PersonalGoals => on!(&mut workbook.plan.personal_goals, Text),
        ListRef::TeamGoals => on!(&mut workbook.plan.team_goals, Text),
        ListRef::Checklist => on!(&mut workbook.plan.checklist, Checklist),
        ListRef::Actions => on!(&mut workbook.plan.actions, Action),
        ListRef::People(id)
        | ListRef::Strategies(id)
        | ListRef::SuccessMeasures(id)
        | ListRef::Contacts(id) => {
            let profile = &mut workbook
                .map
                .topic_mut(id)
                .ok_or(CommandError::NoSuchNode(id))?
                .profile;
            match list {
                ListRef::People(_) => on!(&mut profile.people, Person),
                ListRef::Strategies(_) => on!(&mut profile.strategies, Strategy),
                ListRef::SuccessMeasures(_) => on!(&mut profile.success_measures, Text),
                _ => on!(&mut profile.contacts, Contact),
            }
        }
    }
}

fn edit<T: Clone>(
    vec: &mut Vec<T>,
    list: ListRef,
    op: ListOp,
    unwrap: impl Fn(ListItem) -> Result<T, CommandError>,
    wrap: impl Fn(T) -> ListItem,
) -> Result<ListOp, CommandError> {
    let out_of_range = |index: usize, len: usize| CommandError::ListIndex {
        list: list.name(),
        index,
        len,
    };
    let len = vec.len();
    match op {
        ListOp::Insert { index, item } => {
            if index > len {
                return Err(out_of_range(index, len));
            }
            vec.insert(index, unwrap(item)?);
            Ok(ListOp::Remove { index })
        }
        ListOp::Remove { index } => {
            if index >= len {
                return Err(out_of_range(index, len));
            }
            Ok(ListOp::Insert {
                index,
                item: wrap(vec.remove(index)),
            })
        }
        ListOp::Replace { index, item } => {
            let slot = vec.get_mut(index).ok_or_else(|| out_of_range(index, len))?;
            let old = std::mem::replace(slot, unwrap(item)?);
            Ok(ListOp::Replace {
                index,
                item: wrap(old),
            })
        }
        ListOp::Move { from, to } => {
            if from >= len || to >= len {
                return Err(out_of_range(from.max(to), len));
            }
            let item = vec.remove(from);
            vec.insert(to, item);
            Ok(ListOp::Move { from: to, to: from })
        }
    }
}
