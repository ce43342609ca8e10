//! Copying topics to the clipboard and reading them back.
//!
//! egui's clipboard carries one string, so one text has to serve two readers. It starts with a plain outline
//! (two spaces per level, one title per line), which is what a user wants to see when pasting into an e-mail
//! or a text editor. Below it, after a blank line, a delimited block carries everything relmap needs for an
//! exact copy: kinds, relative positions, looks, links, tags, profiles and the cross-links inside the copied
//! set.
//!
//! ```text
//! Governing authority
//!   Board of trustees
//!   ...
//! Staff
//!   Administrative team
//!   ...
//!
//! -----BEGIN RELMAP CLIPBOARD 1-----
//! (
//!     nodes: [
//!         (title:"Governing authority",kind:Constituency,profile:(frequency:Monthly)),
//!         (parent:Some(0),title:"Board of trustees",kind:Group,offset:(x:300.0,y:-60.0)),
//!         ...
//!     ],
//!     links: [
//!         (from:1,to:5,label:"budget questions"),
//!     ],
//! )
//! -----END RELMAP CLIPBOARD-----
//! ```
//!
//! The outline comes first because other programs paste all of the text and a reader starts at the top; the
//! block is at the end, where it is easy to ignore or delete. Reading back uses the block only while the outline
//! above it still says the same as the block: a user who pasted into an editor, changed the outline and copied
//! it again means the edited outline, not the stale details below it. Text without a block, or with a block
//! that was damaged, is read as an outline.
//!
//! Nodes are a flat list in pre-order, each naming its parent by position, rather than nested children: a deep
//! branch then cannot exhaust RON's nesting limit, and each node stays on one line, as in relmap's files.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::outline;
use crate::model::{Icon, MindMap, NodeId, NodeKind, Pos, Profile, Rgb, Topic};

/// The version of the block this build writes, and the newest it reads.
pub const CLIPBOARD_VERSION: u32 = 1;

/// The most lines an outline, or nodes a relmap block, may have when pasted. A paste far beyond this is almost
/// certainly the wrong text, and refusing it early keeps the window responsive.
pub const MAX_PASTE_LINES: usize = 100_000;

/// How far right each outline level is placed, in canvas units, when an outline without positions is pasted.
const OUTLINE_STEP_X: f32 = 220.0;
/// How far down each outline line is placed.
const OUTLINE_STEP_Y: f32 = 44.0;

const BEGIN_PREFIX: &str = "-----BEGIN RELMAP CLIPBOARD";
const DASHES: &str = "-----";
const END_LINE: &str = "-----END RELMAP CLIPBOARD-----";

/// Copied topics, independent of any map: positions are relative, links name nodes by position.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fragment {
    /// The nodes in pre-order: each copied subtree's top, then its descendants, then the next subtree.
    pub nodes: Vec<FragmentNode>,
    /// Cross-links whose two ends were both copied.
    #[serde(default)]
    pub links: Vec<FragmentLink>,
}

/// One copied node: everything a `Topic` holds except its id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FragmentNode {
    /// The position in `Fragment::nodes` of its parent, always before it; `None` for the top of a subtree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// The text; may hold several lines.
    pub title: String,
    /// What it stands for.
    #[serde(default)]
    pub kind: NodeKind,
    /// Its position relative to the first node of the fragment.
    #[serde(default, skip_serializing_if = "is_origin")]
    pub offset: Pos,
    /// Whether its children are hidden.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub folded: bool,
    /// Its own colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Rgb>,
    /// Its icon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<Icon>,
    /// A web address or file path kept on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Its tags, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Its relationship profile, whole.
    #[serde(default, skip_serializing_if = "Profile::is_empty")]
    pub profile: Profile,
}

/// A cross-link between two nodes of a fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FragmentLink {
    /// The position in `Fragment::nodes` where it starts.
    pub from: usize,
    /// The position in `Fragment::nodes` it points to.
    pub to: usize,
    /// Its label.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

/// Why clipboard text could not be pasted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClipboardError {
    /// Nothing but white space.
    #[error("the clipboard holds no text to paste")]
    Empty,
    /// An outline with too many lines.
    #[error("the clipboard text has {lines} lines; at most {limit} can be pasted at once")]
    TooManyLines {
        /// How many lines it has.
        lines: usize,
        /// The most allowed.
        limit: usize,
    },
    /// Topics copied by a newer relmap, whose details this version cannot read.
    #[error(
        "these topics were copied from a newer relmap (clipboard format {found}); this version reads format {supported}"
    )]
    NewerVersion {
        /// The version found.
        found: u32,
        /// The newest this build reads.
        supported: u32,
    },
    /// A relmap block that cannot be read, with no outline beside it to fall back on.
    #[error("the copied relmap topics are damaged: {0}")]
    Damaged(String),
}

impl Fragment {
    /// Whether the fragment holds no nodes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// How many levels the deepest copied subtree has: 1 for single nodes, 0 for an empty fragment. One pass,
    /// since every node's parent comes before it.
    #[must_use]
    pub fn levels(&self) -> usize {
        let mut level: Vec<usize> = Vec::with_capacity(self.nodes.len());
        for (i, node) in self.nodes.iter().enumerate() {
            let own = node.parent.filter(|&p| p < i).map_or(1, |p| level[p] + 1);
            level.push(own);
        }
        level.into_iter().max().unwrap_or(0)
    }

    /// The positions of the subtrees' tops, in order.
    #[must_use]
    pub fn roots(&self) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|&i| self.nodes[i].parent.is_none())
            .collect()
    }

    /// The positions of a node's children, in order.
    #[must_use]
    pub fn children(&self, index: usize) -> Vec<usize> {
        (index + 1..self.nodes.len())
            .filter(|&i| self.nodes[i].parent == Some(index))
            .collect()
    }

    /// What is wrong with the fragment's structure, if anything: a parent that does not come before its child,
    /// or a link to a node that does not exist.
    fn problem(&self) -> Option<String> {
        if self.nodes.is_empty() {
            return Some("it holds no topics".to_owned());
        }
        if let Some(i) =
            (0..self.nodes.len()).find(|&i| self.nodes[i].parent.is_some_and(|p| p >= i))
        {
            return Some(format!(
                "topic {i} names a parent that does not come before it"
            ));
        }
        let len = self.nodes.len();
        self.links
            .iter()
            .find(|link| link.from >= len || link.to >= len)
            .map(|link| {
                format!(
                    "a link joins topics {} and {}, but there are only {len}",
                    link.from, link.to
                )
            })
    }
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_origin(pos: &Pos) -> bool {
    *pos == Pos::default()
}

/// Copies the subtrees of the selected nodes, in the map's pre-order, with every field and the cross-links
/// whose both ends are copied. A selected node inside another selected node's subtree is copied only once, as
/// part of it; ids the map does not know are ignored.
#[must_use]
pub fn copy(map: &MindMap, selection: &[NodeId]) -> Fragment {
    let selected: std::collections::HashSet<NodeId> = selection.iter().copied().collect();
    let mut tops = Vec::new();
    // One walk of the whole tree finds the tops in pre-order, and never descends into a selected node, so that
    // selected descendants of a selected node are not copied again.
    let mut stack = vec![map.root()];
    while let Some(at) = stack.pop() {
        if selected.contains(&at) {
            tops.push(at);
        } else {
            stack.extend(map.children(at).iter().rev());
        }
    }
    let mut fragment = Fragment::default();
    let mut position: HashMap<NodeId, usize> = HashMap::new();
    let mut origin = None;
    for top in tops {
        for id in map.subtree(top) {
            let Some(topic) = map.topic(id) else { continue };
            // Named field by field, with no `..`, so that a field added to `Topic` does not compile here until
            // the clipboard carries it too.
            let Topic {
                id: _,
                title,
                kind,
                pos,
                // Where the layout put the branch, its nudge, side and branch colour belong to its old place;
                // pasted, it is laid out, and coloured if it lands on the first level, where it lands.
                offset: _,
                side: _,
                palette: _,
                folded,
                color,
                icon,
                link,
                tags,
                profile,
            } = topic;
            let base = *origin.get_or_insert(*pos);
            let parent = if id == top {
                None
            } else {
                map.parent(id).and_then(|p| position.get(&p).copied())
            };
            position.insert(id, fragment.nodes.len());
            fragment.nodes.push(FragmentNode {
                parent,
                title: title.clone(),
                kind: *kind,
                offset: Pos::new(pos.x - base.x, pos.y - base.y).rounded(),
                folded: *folded,
                color: *color,
                icon: *icon,
                link: link.clone(),
                tags: tags.clone(),
                profile: profile.clone(),
            });
        }
    }
    let mut links: Vec<_> = map
        .links()
        .filter_map(|link| {
            Some((
                link.id,
                position.get(&link.from)?,
                position.get(&link.to)?,
                link,
            ))
        })
        .collect();
    // The map's links come in no fixed order; sorted by id, the same copy always gives the same text.
    links.sort_by_key(|&(id, ..)| id);
    fragment.links = links
        .into_iter()
        .map(|(_, &from, &to, link)| FragmentLink {
            from,
            to,
            label: link.label.clone(),
        })
        .collect();
    fragment
}

/// The text for the clipboard: a readable outline, then the relmap block (see the module documentation).
#[must_use]
pub fn to_clipboard_text(fragment: &Fragment) -> String {
    let mut out = outline_of(fragment);
    out.push('\n');
    let _ = write!(
        out,
        "{BEGIN_PREFIX} {CLIPBOARD_VERSION}{DASHES}\n(\n    nodes: [\n"
    );
    for node in &fragment.nodes {
        push_record(&mut out, node);
    }
    out.push_str("    ],\n    links: [\n");
    for link in &fragment.links {
        push_record(&mut out, link);
    }
    out.push_str("    ],\n)\n");
    out.push_str(END_LINE);
    out.push('\n');
    out
}

/// Reads clipboard text: the relmap block when it is there and agrees with the outline above it, and
/// otherwise the text as an indented outline (see `outline` for what it understands).
pub fn from_clipboard_text(text: &str) -> Result<Fragment, ClipboardError> {
    let (outline_text, blocks) = split_blocks(text);
    if let [block] = blocks.as_slice() {
        match read_block(block) {
            Ok(fragment) => {
                let unchanged = outline_text.trim().is_empty()
                    || outline::parse(&outline_text) == outline::parse(&outline_of(&fragment));
                if unchanged {
                    return Ok(fragment);
                }
            }
            Err(error @ ClipboardError::NewerVersion { .. }) => return Err(error),
            Err(error) if outline_text.trim().is_empty() => return Err(error),
            // The outline beside a damaged block still says what the user copied.
            Err(_) => {}
        }
    }
    read_outline(&outline_text)
}

/// The outline half of the clipboard text.
fn outline_of(fragment: &Fragment) -> String {
    let mut out = String::new();
    let mut depths: Vec<usize> = Vec::with_capacity(fragment.nodes.len());
    for (i, node) in fragment.nodes.iter().enumerate() {
        let depth = node.parent.filter(|&p| p < i).map_or(0, |p| depths[p] + 1);
        depths.push(depth);
        outline::write_line(&mut out, depth, &node.title);
    }
    out
}

/// One record of the block on its own line, as relmap's files write nodes.
fn push_record<T: Serialize>(out: &mut String, value: &T) {
    // Plain data with derived impls always serializes; strings are escaped, so the record is one line.
    if let Ok(text) = ron::to_string(value) {
        out.push_str("        ");
        out.push_str(&text);
        out.push_str(",\n");
    }
}

/// A relmap block found in clipboard text: its version (`None` when the marker line is garbled) and its body.
struct Block<'a> {
    version: Option<u32>,
    body: &'a str,
}

/// Separates the relmap blocks from the rest of the text, which is returned as the outline.
fn split_blocks(text: &str) -> (String, Vec<Block<'_>>) {
    let mut outline_text = String::new();
    let mut blocks = Vec::new();
    // While inside a block: its version and where its body starts.
    let mut open: Option<(Option<u32>, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        match open {
            None => {
                if let Some(marker) = trimmed.strip_prefix(BEGIN_PREFIX) {
                    let version = marker.trim_end_matches('-').trim().parse().ok();
                    open = Some((version, offset + line.len()));
                } else {
                    outline_text.push_str(line);
                }
            }
            Some((version, start)) => {
                if trimmed == END_LINE {
                    blocks.push(Block {
                        version,
                        body: &text[start..offset],
                    });
                    open = None;
                }
            }
        }
        offset += line.len();
    }
    // A block cut off at the end (a clipboard that truncates, say) is still tried.
    if let Some((version, start)) = open {
        blocks.push(Block {
            version,
            body: &text[start..],
        });
    }
    (outline_text, blocks)
}

fn read_block(block: &Block<'_>) -> Result<Fragment, ClipboardError> {
    match block.version {
        Some(CLIPBOARD_VERSION) => {}
        Some(found) if found > CLIPBOARD_VERSION => {
            return Err(ClipboardError::NewerVersion {
                found,
                supported: CLIPBOARD_VERSION,
            });
        }
        _ => {
            return Err(ClipboardError::Damaged(
                "the block's first line names no format version this relmap knows".to_owned(),
            ));
        }
    }
    let fragment: Fragment =
        ron::from_str(block.body).map_err(|error| ClipboardError::Damaged(error.to_string()))?;
    if fragment.nodes.len() > MAX_PASTE_LINES {
        return Err(ClipboardError::TooManyLines {
            lines: fragment.nodes.len(),
            limit: MAX_PASTE_LINES,
        });
    }
    match fragment.problem() {
        Some(problem) => Err(ClipboardError::Damaged(problem)),
        None => Ok(fragment),
    }
}

/// Reads plain text as an outline; its topics are placed in a staircase, one line below the other.
fn read_outline(text: &str) -> Result<Fragment, ClipboardError> {
    let lines = text.lines().count();
    if lines > MAX_PASTE_LINES {
        return Err(ClipboardError::TooManyLines {
            lines,
            limit: MAX_PASTE_LINES,
        });
    }
    let items = outline::parse(text);
    if items.is_empty() {
        return Err(ClipboardError::Empty);
    }
    let nodes = items
        .into_iter()
        .enumerate()
        .map(|(row, item)| FragmentNode {
            parent: item.parent,
            title: item.title,
            offset: Pos::new(
                item.depth as f32 * OUTLINE_STEP_X,
                row as f32 * OUTLINE_STEP_Y,
            ),
            ..FragmentNode::default()
        })
        .collect();
    Ok(Fragment {
        nodes,
        links: Vec::new(),
    })
}
