//! `EditCommand`: every change a user can make to a workbook. Applying a command returns its inverse, which is
//! how undo works without copying the map.

use crate::model::{
    Arrangement, CrossLink, Frequency, Health, Icon, LinkId, MapError, NodeId, NodeKind, PlanText,
    Pos, ProfileText, RemovedSubtree, Rgb, Side, Topic, Workbook,
};

use super::list::{self, ListOp, ListRef};

/// Why a command could not be applied. The workbook is unchanged when a command fails.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// The map refused the change.
    #[error(transparent)]
    Map(#[from] MapError),
    /// A command named a node that does not exist.
    #[error("there is no node {0}")]
    NoSuchNode(NodeId),
    /// A list position beyond the end.
    #[error("entry {index} of the {list} does not exist (it has {len})")]
    ListIndex {
        /// The list.
        list: &'static str,
        /// The position asked for.
        index: usize,
        /// Its length.
        len: usize,
    },
    /// An entry of the wrong type for the list.
    #[error("that entry does not belong in the {0}")]
    WrongItem(&'static str),
    /// The document is open read-only.
    #[error("this map is open read-only; upgrade it or save a copy to change it")]
    ReadOnly,
}

/// Identifies a text field, so that consecutive keystrokes in it merge into one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MergeKey {
    /// The title of a node.
    Title(NodeId),
    /// A free-text field of a node's profile.
    Profile(NodeId, ProfileText),
    /// A free-text field of the plan.
    Plan(PlanText),
    /// One entry of a list.
    ListEntry(ListRef, usize),
    /// The label of a cross-link.
    LinkLabel(LinkId),
    /// The colour of a node, while a colour picker is dragged.
    Color(NodeId),
}

/// One change to a workbook.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Adds a new leaf node under `parent` at `index` (a child, or a sibling of another child).
    AddNode {
        /// The parent.
        parent: NodeId,
        /// The position among the parent's children.
        index: usize,
        /// The new node, with an id from `Document::allocate_node_id`.
        topic: Box<Topic>,
    },
    /// Removes a node, its descendants and the cross-links touching them.
    RemoveSubtree {
        /// The top of the subtree.
        id: NodeId,
    },
    /// Puts back a removed subtree (the inverse of `RemoveSubtree`).
    RestoreSubtree(Box<RemovedSubtree>),
    /// Adds a node in place of `count` siblings, which become its children: with `count` 1 this inserts a
    /// parent above a node.
    Wrap {
        /// The parent of the siblings.
        parent: NodeId,
        /// The position of the first sibling.
        index: usize,
        /// How many siblings move under the new node.
        count: usize,
        /// The new node.
        topic: Box<Topic>,
        /// Cross-links of the new node (used when undoing `Dissolve`).
        links: Vec<CrossLink>,
    },
    /// Removes one node and moves its children up into its place (the inverse of `Wrap`).
    Dissolve {
        /// The node.
        id: NodeId,
    },
    /// Changes a title.
    Rename {
        /// The node.
        id: NodeId,
        /// The new title.
        title: String,
    },
    /// Changes a kind.
    SetKind {
        /// The node.
        id: NodeId,
        /// The new kind.
        kind: NodeKind,
    },
    /// Folds or unfolds a node.
    SetFolded {
        /// The node.
        id: NodeId,
        /// Folded or not.
        folded: bool,
    },
    /// Sets or clears a node's own colour.
    SetColor {
        /// The node.
        id: NodeId,
        /// The colour; `None` uses the kind's colour.
        color: Option<Rgb>,
    },
    /// Sets or clears a node's icon.
    SetIcon {
        /// The node.
        id: NodeId,
        /// The icon.
        icon: Option<Icon>,
    },
    /// Sets or clears a node's link (a web address or a file path).
    SetLink {
        /// The node.
        id: NodeId,
        /// The link; `None` removes it.
        link: Option<String>,
    },
    /// Replaces a node's tags.
    SetTags {
        /// The node.
        id: NodeId,
        /// The tags, in order.
        tags: Vec<String>,
    },
    /// Moves nodes on the canvas: one drag of a whole selection, or an auto-layout.
    MoveNodes {
        /// Each node with its new position.
        moves: Vec<(NodeId, Pos)>,
    },
    /// Nudges nodes away from their automatic places: each node's new offset, which moves its branch with it.
    SetOffsets {
        /// Each node with its new offset.
        offsets: Vec<(NodeId, Pos)>,
    },
    /// Moves a first-level branch to one side of the centre in the tree arrangement.
    SetSide {
        /// The first-level node.
        id: NodeId,
        /// The side.
        side: Option<Side>,
    },
    /// Changes how the map is arranged.
    SetArrangement(Arrangement),
    /// Sets the side and the palette colour of first-level branches: what the document chose for a new
    /// branch, as undo takes it back.
    SetBranchLooks(Vec<(NodeId, Option<Side>, Option<u8>)>),
    /// Moves a node to another parent, or to another place among its siblings.
    Reparent {
        /// The node.
        id: NodeId,
        /// The new parent (the old one to reorder).
        parent: NodeId,
        /// The position among the new siblings, counted after the node has left its old place.
        index: usize,
    },
    /// Adds a cross-link.
    AddLink(CrossLink),
    /// Removes a cross-link.
    RemoveLink {
        /// The link.
        id: LinkId,
    },
    /// Changes the label of a cross-link.
    SetLinkLabel {
        /// The link.
        id: LinkId,
        /// The new label.
        label: String,
    },
    /// Changes a free-text field of a node's profile.
    SetProfileText {
        /// The node.
        id: NodeId,
        /// Which field.
        field: ProfileText,
        /// The new text.
        text: String,
    },
    /// Changes how often to be in touch.
    SetFrequency {
        /// The node.
        id: NodeId,
        /// The frequency.
        frequency: Frequency,
        /// Whether it is only a suggestion (from a template).
        suggested: bool,
    },
    /// Changes the health rating.
    SetHealth {
        /// The node.
        id: NodeId,
        /// The rating.
        health: Health,
    },
    /// Changes one of the lists: people, strategies, success measures, contacts, goals, checklist, actions.
    EditList {
        /// Which list.
        list: ListRef,
        /// What to do.
        op: ListOp,
    },
    /// Changes a free-text field of the plan.
    SetPlanText {
        /// Which field.
        field: PlanText,
        /// The new text.
        text: String,
    },
    /// Several commands as one undo step, applied in order.
    Batch(Vec<EditCommand>),
}

/// Sets one field of several nodes and returns the old values, in the order that undoes the change: reversed,
/// so that a node listed twice ends where it started. Nothing changes when a node is missing.
fn replace_each<T>(
    map: &mut crate::model::MindMap,
    values: Vec<(NodeId, T)>,
    field: impl Fn(&mut Topic) -> &mut T,
) -> Result<Vec<(NodeId, T)>, CommandError> {
    if let Some(&(missing, _)) = values.iter().find(|(id, _)| !map.contains(*id)) {
        return Err(CommandError::NoSuchNode(missing));
    }
    let mut old = Vec::with_capacity(values.len());
    for (id, value) in values {
        if let Some(topic) = map.topic_mut(id) {
            old.push((id, std::mem::replace(field(topic), value)));
        }
    }
    old.reverse();
    Ok(old)
}

impl EditCommand {
    /// Applies the command and returns the command that undoes it. On error the workbook is unchanged.
    pub fn apply(self, workbook: &mut Workbook) -> Result<EditCommand, CommandError> {
        let map = &mut workbook.map;
        Ok(match self {
            EditCommand::AddNode {
                parent,
                index,
                topic,
            } => {
                let id = topic.id;
                map.insert(parent, index, *topic)?;
                EditCommand::RemoveSubtree { id }
            }
            EditCommand::RemoveSubtree { id } => {
                EditCommand::RestoreSubtree(Box::new(map.remove_subtree(id)?))
            }
            EditCommand::RestoreSubtree(removed) => {
                let id = removed.nodes.first().map(|(topic, _)| topic.id);
                map.restore_subtree(*removed)?;
                EditCommand::RemoveSubtree {
                    id: id.unwrap_or(map.root()),
                }
            }
            EditCommand::Wrap {
                parent,
                index,
                count,
                topic,
                links,
            } => {
                let id = topic.id;
                map.wrap(parent, index, count, *topic, links)?;
                EditCommand::Dissolve { id }
            }
            EditCommand::Dissolve { id } => {
                let gone = map.dissolve(id)?;
                EditCommand::Wrap {
                    parent: gone.parent,
                    index: gone.index,
                    count: gone.count,
                    topic: Box::new(gone.topic),
                    links: gone.links,
                }
            }
            EditCommand::Rename { id, title } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::Rename {
                    id,
                    title: std::mem::replace(&mut topic.title, title),
                }
            }
            EditCommand::SetKind { id, kind } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::SetKind {
                    id,
                    kind: std::mem::replace(&mut topic.kind, kind),
                }
            }
            EditCommand::SetFolded { id, folded } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::SetFolded {
                    id,
                    folded: std::mem::replace(&mut topic.folded, folded),
                }
            }
            EditCommand::SetColor { id, color } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::SetColor {
                    id,
                    color: std::mem::replace(&mut topic.color, color),
                }
            }
            EditCommand::SetIcon { id, icon } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::SetIcon {
                    id,
                    icon: std::mem::replace(&mut topic.icon, icon),
                }
            }
            EditCommand::SetLink { id, link } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::SetLink {
                    id,
                    link: std::mem::replace(&mut topic.link, link),
                }
            }
            EditCommand::SetTags { id, tags } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::SetTags {
                    id,
                    tags: std::mem::replace(&mut topic.tags, tags),
                }
            }
            EditCommand::MoveNodes { moves } => EditCommand::MoveNodes {
                moves: replace_each(map, moves, |topic| &mut topic.pos)?,
            },
            EditCommand::SetOffsets { offsets } => EditCommand::SetOffsets {
                offsets: replace_each(map, offsets, |topic| &mut topic.offset)?,
            },
            EditCommand::SetSide { id, side } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                EditCommand::SetSide {
                    id,
                    side: std::mem::replace(&mut topic.side, side),
                }
            }
            EditCommand::SetBranchLooks(looks) => {
                if let Some(&(missing, ..)) = looks.iter().find(|(id, ..)| !map.contains(*id)) {
                    return Err(CommandError::NoSuchNode(missing));
                }
                let mut old = Vec::with_capacity(looks.len());
                for (id, side, palette) in looks {
                    if let Some(topic) = map.topic_mut(id) {
                        old.push((
                            id,
                            std::mem::replace(&mut topic.side, side),
                            std::mem::replace(&mut topic.palette, palette),
                        ));
                    }
                }
                old.reverse();
                EditCommand::SetBranchLooks(old)
            }
            EditCommand::SetArrangement(arrangement) => {
                let old = std::mem::replace(&mut workbook.arrangement, arrangement);
                if old.is_automatic() || !arrangement.is_automatic() {
                    EditCommand::SetArrangement(old)
                } else {
                    // The layout is about to move every node; undoing puts each back where the user had it.
                    let moves = workbook
                        .map
                        .topics()
                        .map(|topic| (topic.id, topic.pos))
                        .collect();
                    EditCommand::Batch(vec![
                        EditCommand::SetArrangement(old),
                        EditCommand::MoveNodes { moves },
                    ])
                }
            }
            EditCommand::Reparent { id, parent, index } => {
                let (old_parent, old_index) = map.move_to(id, parent, index)?;
                EditCommand::Reparent {
                    id,
                    parent: old_parent,
                    index: old_index,
                }
            }
            EditCommand::AddLink(link) => {
                let id = link.id;
                map.add_link(link)?;
                EditCommand::RemoveLink { id }
            }
            EditCommand::RemoveLink { id } => EditCommand::AddLink(map.remove_link(id)?),
            EditCommand::SetLinkLabel { id, label } => EditCommand::SetLinkLabel {
                id,
                label: map.set_link_label(id, label)?,
            },
            EditCommand::SetProfileText { id, field, text } => {
                let topic = map.topic_mut(id).ok_or(CommandError::NoSuchNode(id))?;
                let old = std::mem::replace(topic.profile.text_mut(field), text);
                EditCommand::SetProfileText {
                    id,
                    field,
                    text: old,
                }
            }
            EditCommand::SetFrequency {
                id,
                frequency,
                suggested,
            } => {
                let profile = &mut map
                    .topic_mut(id)
                    .ok_or(CommandError::NoSuchNode(id))?
                    .profile;
                let old = EditCommand::SetFrequency {
                    id,
                    frequency: profile.frequency,
                    suggested: profile.frequency_suggested,
                };
                profile.frequency = frequency;
                profile.frequency_suggested = suggested;
                old
            }
            EditCommand::SetHealth { id, health } => {
                let profile = &mut map
                    .topic_mut(id)
                    .ok_or(CommandError::NoSuchNode(id))?
                    .profile;
                EditCommand::SetHealth {
                    id,
                    health: std::mem::replace(&mut profile.health, health),
                }
            }
            EditCommand::EditList { list, op } => EditCommand::EditList {
                list,
                op: list::apply(workbook, list, op)?,
            },
            EditCommand::SetPlanText { field, text } => EditCommand::SetPlanText {
                field,
                text: std::mem::replace(workbook.plan.text_mut(field), text),
            },
            EditCommand::Batch(commands) => {
                let mut inverses = Vec::with_capacity(commands.len());
                for command in commands {
                    match command.apply(workbook) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what was applied, so a failed batch leaves the workbook unchanged.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(workbook);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                EditCommand::Batch(inverses)
            }
        })
    }

    /// Whether the command can change where nodes are drawn or how big they are: the structure, a title or
    /// icon, a fold, a nudge, a side, the arrangement, or what decides a node's planning badges (its contact
    /// frequency and strategies). Other commands leave the layout as it is, so typing into a profile or the
    /// plan never lays the map out again.
    #[must_use]
    pub fn affects_layout(&self) -> bool {
        match self {
            EditCommand::SetKind { .. }
            | EditCommand::SetColor { .. }
            | EditCommand::SetLink { .. }
            | EditCommand::SetTags { .. }
            | EditCommand::AddLink(_)
            | EditCommand::RemoveLink { .. }
            | EditCommand::SetLinkLabel { .. }
            | EditCommand::SetProfileText { .. }
            | EditCommand::SetHealth { .. }
            | EditCommand::SetPlanText { .. } => false,
            EditCommand::EditList { list, .. } => matches!(list, ListRef::Strategies(_)),
            EditCommand::Batch(commands) => commands.iter().any(EditCommand::affects_layout),
            EditCommand::AddNode { .. }
            | EditCommand::RemoveSubtree { .. }
            | EditCommand::RestoreSubtree(_)
            | EditCommand::Wrap { .. }
            | EditCommand::Dissolve { .. }
            | EditCommand::Rename { .. }
            | EditCommand::SetFolded { .. }
            | EditCommand::SetIcon { .. }
            | EditCommand::MoveNodes { .. }
            | EditCommand::SetOffsets { .. }
            | EditCommand::SetSide { .. }
            | EditCommand::SetArrangement(_)
            | EditCommand::SetBranchLooks(_)
            | EditCommand::Reparent { .. }
            | EditCommand::SetFrequency { .. } => true,
        }
    }

    /// Adds to `nodes` every node whose measured box this command may change: a new node, a title, an icon, a
    /// frequency, the strategies (their badge). A node's size depends on nothing else (see
    /// `measuring::Measure`), so the layout can trust the sizes it has for every other node without looking at
    /// their titles again. Every variant is named, so a new command must say what it changes.
    pub fn remeasured(&self, nodes: &mut Vec<NodeId>) {
        match self {
            EditCommand::AddNode { topic, .. } | EditCommand::Wrap { topic, .. } => {
                nodes.push(topic.id);
            }
            EditCommand::RestoreSubtree(removed) => {
                nodes.extend(removed.nodes.iter().map(|(topic, _)| topic.id));
            }
            EditCommand::Rename { id, .. }
            | EditCommand::SetIcon { id, .. }
            | EditCommand::SetFrequency { id, .. } => nodes.push(*id),
            EditCommand::EditList { list, .. } => {
                if let ListRef::Strategies(id) = list {
                    nodes.push(*id);
                }
            }
            EditCommand::Batch(commands) => {
                for command in commands {
                    command.remeasured(nodes);
                }
            }
            EditCommand::RemoveSubtree { .. }
            | EditCommand::Dissolve { .. }
            | EditCommand::SetKind { .. }
            | EditCommand::SetFolded { .. }
            | EditCommand::SetColor { .. }
            | EditCommand::SetLink { .. }
            | EditCommand::SetTags { .. }
            | EditCommand::MoveNodes { .. }
            | EditCommand::SetOffsets { .. }
            | EditCommand::SetSide { .. }
            | EditCommand::SetArrangement(_)
            | EditCommand::SetBranchLooks(_)
            | EditCommand::Reparent { .. }
            | EditCommand::AddLink(_)
            | EditCommand::RemoveLink { .. }
            | EditCommand::SetLinkLabel { .. }
            | EditCommand::SetProfileText { .. }
            | EditCommand::SetHealth { .. }
            | EditCommand::SetPlanText { .. } => {}
        }
    }

    /// The text field this command types into, for merging keystrokes into one undo step.
    #[must_use]
    pub fn merge_key(&self) -> Option<MergeKey> {
        match self {
            EditCommand::Rename { id, .. } => Some(MergeKey::Title(*id)),
            EditCommand::SetProfileText { id, field, .. } => Some(MergeKey::Profile(*id, *field)),
            EditCommand::SetPlanText { field, .. } => Some(MergeKey::Plan(*field)),
            EditCommand::SetLinkLabel { id, .. } => Some(MergeKey::LinkLabel(*id)),
            EditCommand::SetColor { id, .. } => Some(MergeKey::Color(*id)),
            EditCommand::EditList {
                list,
                op: ListOp::Replace { index, .. },
            } => Some(MergeKey::ListEntry(*list, *index)),
            _ => None,
        }
    }

    /// A short description for the Edit menu: "Undo rename".
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            EditCommand::AddNode { .. } => "add node",
            EditCommand::RemoveSubtree { .. } => "delete",
            EditCommand::RestoreSubtree(_) => "restore",
            EditCommand::Wrap { .. } => "insert parent",
            EditCommand::Dissolve { .. } => "remove parent",
            EditCommand::Rename { .. } => "rename",
            EditCommand::SetKind { .. } => "change kind",
            EditCommand::SetFolded { .. } => "fold",
            EditCommand::SetColor { .. } => "change colour",
            EditCommand::SetIcon { .. } => "change icon",
            EditCommand::SetLink { .. } => "change link",
            EditCommand::SetTags { .. } => "change tags",
            EditCommand::MoveNodes { .. } | EditCommand::SetOffsets { .. } => "move",
            EditCommand::SetSide { .. } => "move to the other side",
            EditCommand::SetArrangement(_) => "change arrangement",
            EditCommand::SetBranchLooks(_) => "change branch colour",
            EditCommand::Reparent { .. } => "re-parent",
            EditCommand::AddLink(_) => "add link",
            EditCommand::RemoveLink { .. } => "remove link",
            EditCommand::SetLinkLabel { .. } => "edit link label",
            EditCommand::SetProfileText { .. } => "edit text",
            EditCommand::SetFrequency { .. } => "change frequency",
            EditCommand::SetHealth { .. } => "change health",
            EditCommand::EditList { .. } => "edit list",
            EditCommand::SetPlanText { .. } => "edit plan",
            EditCommand::Batch(commands) => {
                let mut labels = commands.iter().map(EditCommand::label);
                let first = labels.next();
                if first.is_some() && labels.all(|label| Some(label) == first) {
                    first.unwrap_or("edit")
                } else if !commands.is_empty()
                    && commands.iter().all(|c| {
                        matches!(
                            c,
                            EditCommand::MoveNodes { .. }
                                | EditCommand::SetOffsets { .. }
                                | EditCommand::SetSide { .. }
                                | EditCommand::Reparent { .. }
                        )
                    })
                {
                    "move"
                } else {
                    "edit"
                }
            }
        }
    }
}
