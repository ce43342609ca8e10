//! Writing OPML 2.0: a `<head>` with the central node's title and the `expansionState` of the folds, and a
//! `<body>` whose one top-level `<outline>` is the central node, with every node inside its parent in sibling
//! order. A node's title is its `text`, its notes its `_note`, and its link `type="link"` with `url`.
//!
//! Lines are indented with a tab per level, as outliners write them, but never by more than [`MAX_INDENT`]
//! tabs: the indentation of a very deep map would otherwise grow with the square of its depth. No date is
//! written, so the same workbook always gives the same text. Nodes are written from an explicit stack, so any
//! depth of map is safe.

use std::fmt::Write as _;

use crate::model::{MindMap, NodeId, NodeKind, Plan, Profile, Workbook};

use super::{Exported, counted, listed};

/// The deepest indentation written, in tabs, below `<body>`.
const MAX_INDENT: usize = 40;

/// A step of the walk over the tree: write a node's start tag, or its end tag at a depth.
enum Visit {
    Open(NodeId, usize),
    Close(usize),
}

/// Writes a workbook as an OPML 2.0 outline, with warnings that name what OPML has no place for. Reading the
/// text back with [`super::import_opml`] gives the same titles, tree, notes, links and folds.
#[must_use]
pub fn export_opml(workbook: &Workbook) -> Exported {
    let map = &workbook.map;
    let root = map.root();
    let folds = Folds::of(map);

    let mut out = String::with_capacity(map.len() * 96 + 256);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n\t<head>\n");
    let title = map.topic(root).map_or("", |t| t.title.as_str());
    let _ = writeln!(out, "\t\t<title>{}</title>", escape(title));
    let lines: Vec<String> = folds.expanded.iter().map(ToString::to_string).collect();
    let _ = writeln!(
        out,
        "\t\t<expansionState>{}</expansionState>",
        lines.join(",")
    );
    out.push_str("\t</head>\n\t<body>\n");

    let mut stack = vec![Visit::Open(root, 0)];
    while let Some(visit) = stack.pop() {
        let (id, depth) = match visit {
            Visit::Close(depth) => {
                indent(&mut out, depth);
                out.push_str("</outline>\n");
                continue;
            }
            Visit::Open(id, depth) => (id, depth),
        };
        let Some(topic) = map.topic(id) else { continue };
        indent(&mut out, depth);
        let _ = write!(out, "<outline text=\"{}\"", escape(&topic.title));
        if !topic.profile.notes.is_empty() {
            let _ = write!(out, " _note=\"{}\"", escape(&topic.profile.notes));
        }
        if let Some(link) = topic.link.as_deref().filter(|l| !l.is_empty()) {
            let _ = write!(out, " type=\"link\" url=\"{}\"", escape(link));
        }
        let children = map.children(id);
        if children.is_empty() {
            out.push_str("/>\n");
        } else {
            out.push_str(">\n");
            stack.push(Visit::Close(depth));
            stack.extend(
                children
                    .iter()
                    .rev()
                    .map(|&child| Visit::Open(child, depth + 1)),
            );
        }
    }
    out.push_str("\t</body>\n</opml>\n");

    Exported {
        text: out,
        warnings: warnings(workbook, folds.hidden),
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..2 + depth.min(MAX_INDENT) {
        out.push('\t');
    }
}

/// The folds as OPML records them.
struct Folds {
    /// The lines of the visible nodes whose children show, counting visible lines from 0 in document order.
    expanded: Vec<usize>,
    /// Folded nodes with children inside other folded nodes: they are on no line, so OPML cannot say so.
    hidden: usize,
}

impl Folds {
    fn of(map: &MindMap) -> Folds {
        let mut expanded = Vec::new();
        let mut hidden = 0;
        let mut line = 0;
        // Each node with whether it is hidden by a folded ancestor.
        let mut stack = vec![(map.root(), false)];
        while let Some((id, inside_fold)) = stack.pop() {
            let folded = map.topic(id).is_some_and(|t| t.folded);
            let children = map.children(id);
            if inside_fold {
                if folded && !children.is_empty() {
                    hidden += 1;
                }
            } else {
                if !folded && !children.is_empty() {
                    expanded.push(line);
                }
                line += 1;
            }
            let hides = inside_fold || folded;
            stack.extend(children.iter().rev().map(|&child| (child, hides)));
        }
        Folds { expanded, hidden }
    }
}

/// Text for an attribute value between double quotes, or for element content. Line breaks and tabs are
/// written as character references so that they survive the normalization of attribute values; control
/// characters XML 1.0 forbids outright would make every reader refuse the file, so they become U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    out
}

/// What OPML has no place for, in words a user understands.
fn warnings(workbook: &Workbook, hidden_folds: usize) -> Vec<String> {
    let map = &workbook.map;
    let root = map.root();
    let mut details = 0;
    let mut kinds = Vec::new();
    let mut kinds_changed = 0;
    let (mut colours, mut icons, mut tags) = (0, 0, 0);
    for topic in map.topics() {
        let expected = if topic.id == root {
            NodeKind::Center
        } else {
            NodeKind::Topic
        };
        if topic.kind != expected {
            kinds_changed += 1;
            if !kinds.contains(&topic.kind) {
                kinds.push(topic.kind);
            }
        }
        // Notes travel in `_note`; everything else in the profile does not.
        let beyond_notes = Profile {
            notes: String::new(),
            ..topic.profile.clone()
        };
        details += usize::from(!beyond_notes.is_empty());
        colours += usize::from(topic.color.is_some());
        icons += usize::from(topic.icon.is_some());
        tags += usize::from(!topic.tags.is_empty());
    }

    let mut parts = Vec::new();
    let links = map.link_count();
    if links > 0 {
        parts.push(counted(links, "cross-link", "cross-links"));
    }
    if details > 0 {
        parts.push(format!(
            "the relationship details of {}",
            counted(details, "node", "nodes")
        ));
    }
    if kinds_changed > 0 {
        let names: Vec<String> = NodeKind::ALL
            .iter()
            .filter(|kind| kinds.contains(kind))
            .map(|kind| kind.label().to_lowercase())
            .collect();
        parts.push(format!(
            "the kinds of {} ({})",
            counted(kinds_changed, "node", "nodes"),
            listed(&names)
        ));
    }
    for (count, what) in [(colours, "colours"), (icons, "icons"), (tags, "tags")] {
        if count > 0 {
            parts.push(format!("the {what} of {}", counted(count, "node", "nodes")));
        }
    }
    if workbook.plan != Plan::default() {
        parts.push("the plan (goals, reflection, checklist and action items)".to_owned());
    }

    let mut warnings = Vec::new();
    if !parts.is_empty() {
        // "1 cross-link" and "the plan" are one thing; "the tags of 1 node" are still several.
        let one = matches!(parts.as_slice(), [only] if only == "1 cross-link" || only.starts_with("the plan"));
        warnings.push(format!(
            "OPML has no place for {}; {} left out. Save as a relmap map or export .mm to keep {}.",
            listed(&parts),
            if one { "it was" } else { "they were" },
            if one { "it" } else { "them" },
        ));
    }
    if hidden_folds > 0 {
        let branches = if hidden_folds == 1 {
            "1 folded branch inside another folded branch".to_owned()
        } else {
            format!("{hidden_folds} folded branches inside other folded branches")
        };
        warnings.push(format!(
            "OPML records only which of the lines that can be seen are open, so {branches} will be unfolded \
             when the file is read back."
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Topic;

    #[test]
    fn text_is_escaped_for_attributes() {
        assert_eq!(
            escape("a & <b> \"c\"\nd\r\te\u{0}"),
            "a &amp; &lt;b&gt; &quot;c&quot;&#10;d&#13;&#9;e\u{fffd}"
        );
    }

    #[test]
    fn folds_become_the_lines_that_are_open() {
        let mut map = MindMap::new(Topic::new(NodeId(1), "Root", NodeKind::Center));
        // 1 ─┬─ 2 ─── 3 ─── 4
        //    └─ 5 ─── 6
        for (id, parent) in [(2, 1), (3, 2), (4, 3), (5, 1), (6, 5)] {
            let index = map.children(NodeId(parent)).len();
            let topic = Topic::new(NodeId(id), format!("n{id}"), NodeKind::Topic);
            assert!(map.insert(NodeId(parent), index, topic).is_ok());
        }
        let folds = Folds::of(&map);
        assert_eq!(folds.expanded, [0, 1, 2, 4]);
        assert_eq!(folds.hidden, 0);

        for id in [2, 3] {
            if let Some(topic) = map.topic_mut(NodeId(id)) {
                topic.folded = true;
            }
        }
        let folds = Folds::of(&map);
        assert_eq!(folds.expanded, [0, 2], "node 5 is on line 2 now");
        assert_eq!(folds.hidden, 1, "node 3 is folded inside node 2");
    }

    #[test]
    fn deep_maps_are_indented_only_so_far() {
        let mut out = String::new();
        indent(&mut out, 10_000);
        assert_eq!(out.len(), 2 + MAX_INDENT);
    }
}
