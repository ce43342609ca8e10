//! Copy and paste: topics copied from a map come back with every field, the clipboard text starts with an
//! outline other programs can use, plain outlines from elsewhere paste as subtrees, and no text makes pasting
//! panic.

// Helpers outside #[test] functions fail loudly too; clippy.toml allows that only inside them.
#![allow(clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use relmap::document::EditCommand;
use relmap::interchange::{
    CLIPBOARD_VERSION, ClipboardError, Fragment, MAX_PASTE_LINES, copy, from_clipboard_text,
    instantiate, to_clipboard_text,
};
use relmap::model::{Icon, MindMap, NodeId, NodeKind, Pos, Rgb, Topic, Workbook};
use relmap::storage::example;

const GOVERNING: NodeId = NodeId(2);
const STAFF: NodeId = NodeId(3);
const BOARD: NodeId = NodeId(7);
const ADMIN_TEAM: NodeId = NodeId(10);

/// A title with line breaks, quotes, a backslash, a tab, a CR LF, text beyond ASCII and text that looks like
/// the clipboard block's own delimiters.
const AWKWARD: &str = "Admin team\nsecond line with \"quotes\" and a back\\slash,\ta tab, \
                       日本語 📚\r\n-----END RELMAP CLIPBOARD-----\n    ],\n)";

/// The example map, with looks and an awkward title added so that every field of a topic is exercised.
fn example_workbook() -> Workbook {
    let mut workbook = example().expect("the example map loads");
    let board = workbook.map.topic_mut(BOARD).expect("the board exists");
    board.folded = true;
    board.color = Some(Rgb([0x12, 0xab, 0xef]));
    board.icon = Some(Icon::Star);
    board.link = Some("https://example.org/board?year=2026&q=\"minutes\"".to_owned());
    board.tags = vec!["budget".to_owned(), "élu, \"quoted\"".to_owned()];
    let admin_team = workbook
        .map
        .topic_mut(ADMIN_TEAM)
        .expect("the admin team exists");
    AWKWARD.clone_into(&mut admin_team.title);
    workbook
}

/// The fragment as (parent, title) pairs, to compare trees.
fn shape(fragment: &Fragment) -> Vec<(Option<usize>, &str)> {
    fragment
        .nodes
        .iter()
        .map(|node| (node.parent, node.title.as_str()))
        .collect()
}

fn outline(text: &str) -> Vec<(Option<usize>, String)> {
    let fragment = from_clipboard_text(text).expect("the text pastes");
    shape(&fragment)
        .into_iter()
        .map(|(parent, title)| (parent, title.to_owned()))
        .collect()
}

fn owned(items: &[(Option<usize>, &str)]) -> Vec<(Option<usize>, String)> {
    items.iter().map(|&(p, t)| (p, t.to_owned())).collect()
}

/// Pastes a fragment under `target`'s root the way the UI does: one batch of `AddNode`s, then `AddLink`s.
/// Returns the ids of the pasted tops.
fn paste(workbook: &mut Workbook, fragment: &Fragment, origin: Pos) -> Vec<NodeId> {
    let pasted = instantiate(fragment, origin, &mut workbook.map);
    let tops = pasted.root_ids();
    let root = workbook.map.root();
    let end = workbook.map.children(root).len();
    let links = pasted.links.clone();
    let mut commands: Vec<EditCommand> = pasted
        .placed_under(root, end)
        .into_iter()
        .map(|(parent, index, topic)| EditCommand::AddNode {
            parent,
            index,
            topic: Box::new(topic),
        })
        .collect();
    commands.extend(links.into_iter().map(EditCommand::AddLink));
    EditCommand::Batch(commands)
        .apply(workbook)
        .expect("the paste applies");
    assert!(workbook.map.validate().is_ok(), "the pasted map is valid");
    tops
}

fn topic(map: &MindMap, id: NodeId) -> &Topic {
    map.topic(id).expect("the node exists")
}

#[test]
fn copying_two_subtrees_and_pasting_them_restores_every_field() {
    let source = example_workbook();
    // The selection is given out of order: the copy follows the map's order.
    let fragment = copy(&source.map, &[STAFF, GOVERNING]);
    let text = to_clipboard_text(&fragment);
    let read = from_clipboard_text(&text).expect("the clipboard text reads back");
    assert_eq!(read, fragment, "the text carries the fragment exactly");

    let mut target = relmap::storage::starter().expect("the starter map loads");
    let origin = Pos::new(-1000.0, 500.0);
    let tops = paste(&mut target, &read, origin);
    assert_eq!(tops.len(), 2);
    let first = topic(&source.map, GOVERNING).pos;
    let mut pasted_of = std::collections::HashMap::new();
    for (old_top, new_top) in [GOVERNING, STAFF].into_iter().zip(&tops) {
        let old_ids = source.map.subtree(old_top);
        let new_ids = target.map.subtree(*new_top);
        assert_eq!(old_ids.len(), new_ids.len());
        for (&old_id, &new_id) in old_ids.iter().zip(&new_ids) {
            let (old, new) = (topic(&source.map, old_id), topic(&target.map, new_id));
            assert!((new.pos.x - origin.x - (old.pos.x - first.x)).abs() < 0.01);
            assert!((new.pos.y - origin.y - (old.pos.y - first.y)).abs() < 0.01);
            // Whole topics are compared, so a field that the clipboard forgets fails here, including one added
            // to `Topic` later; only the id and the position, checked above, are meant to differ, and the layout's
            // own fields (nudge, side and branch colour), which belong to the branch's old place.
            let expected = Topic {
                id: new.id,
                pos: new.pos,
                offset: Pos::default(),
                side: None,
                palette: None,
                ..old.clone()
            };
            assert_eq!(*new, expected, "the pasted copy of {}", old.title);
            assert_eq!(
                target.map.children(new_id).len(),
                source.map.children(old_id).len()
            );
            pasted_of.insert(old_id, new_id);
        }
    }
    assert_eq!(topic(&target.map, pasted_of[&ADMIN_TEAM]).title, AWKWARD);
    let board = topic(&target.map, pasted_of[&BOARD]);
    assert!(
        board.link.is_some() && board.tags.len() == 2,
        "the example's board carries a link and tags to copy"
    );
    assert!(
        !topic(&source.map, GOVERNING).profile.contacts.is_empty(),
        "the example has contacts to carry"
    );

    // Board → admin team lies inside the copy; elected officials → city council leaves it and is dropped.
    let new_nodes: HashSet<NodeId> = pasted_of.values().copied().collect();
    let mut pasted_links: Vec<_> = target
        .map
        .links()
        .filter(|link| new_nodes.contains(&link.from) || new_nodes.contains(&link.to))
        .collect();
    pasted_links.sort_by_key(|link| link.id);
    assert_eq!(pasted_links.len(), 1, "{pasted_links:?}");
    assert_eq!(pasted_links[0].from, pasted_of[&BOARD]);
    assert_eq!(pasted_links[0].to, pasted_of[&ADMIN_TEAM]);
    assert_eq!(pasted_links[0].label, "budget questions");
}

#[test]
fn copying_a_node_with_one_of_its_descendants_copies_the_subtree_once() {
    let source = example_workbook();
    let fragment = copy(&source.map, &[BOARD, GOVERNING, BOARD]);
    assert_eq!(fragment.nodes.len(), source.map.subtree(GOVERNING).len());
    assert_eq!(fragment.roots(), vec![0]);
    assert_eq!(fragment.children(0).len(), 3);
}

#[test]
fn unknown_ids_and_an_empty_selection_copy_nothing() {
    let source = example_workbook();
    assert!(copy(&source.map, &[NodeId(9999)]).is_empty());
    assert!(copy(&source.map, &[]).is_empty());
}

#[test]
fn the_text_begins_with_a_readable_outline() {
    let source = example_workbook();
    let text = to_clipboard_text(&copy(&source.map, &[GOVERNING, STAFF]));
    let lines: Vec<&str> = text.lines().take(9).collect();
    assert_eq!(
        lines,
        [
            "Governing authority",
            "  Board of trustees",
            "  City council",
            "  Renovation budget",
            "Staff",
            "  Admin team second line with \"quotes\" and a back\\slash, a tab, 日本語 📚 \
             -----END RELMAP CLIPBOARD----- ], )",
            "  Branch staff",
            "  Staff culture",
            "",
        ]
    );
    assert!(text.contains(&format!(
        "-----BEGIN RELMAP CLIPBOARD {CLIPBOARD_VERSION}-----"
    )));
}

#[test]
fn an_edited_outline_wins_over_the_details_below_it() {
    let source = example_workbook();
    let text = to_clipboard_text(&copy(&source.map, &[GOVERNING]));
    let edited = text.replacen("  City council", "  City council\n    Mayor", 1);
    let fragment = from_clipboard_text(&edited).expect("the edited text pastes");
    assert_eq!(
        shape(&fragment),
        [
            (None, "Governing authority"),
            (Some(0), "Board of trustees"),
            (Some(0), "City council"),
            (Some(2), "Mayor"),
            (Some(0), "Renovation budget"),
        ]
    );
    assert!(
        fragment
            .nodes
            .iter()
            .all(|node| node.kind == NodeKind::Topic)
    );
}

#[test]
fn line_endings_and_indentation_changed_by_another_program_keep_the_details() {
    let source = example_workbook();
    let fragment = copy(&source.map, &[GOVERNING]);
    let text = to_clipboard_text(&fragment)
        .replace("  ", "\t")
        .replace('\n', "\r\n");
    assert_eq!(from_clipboard_text(&text), Ok(fragment));
}

#[test]
fn the_block_alone_pastes_and_a_damaged_block_falls_back_to_the_outline() {
    let source = example_workbook();
    let fragment = copy(&source.map, &[GOVERNING]);
    let text = to_clipboard_text(&fragment);
    let block = &text[text.find("-----BEGIN").expect("a block")..];
    assert_eq!(from_clipboard_text(block), Ok(fragment.clone()));

    let damaged = text.replace("kind:Group", "kind:Nonsense");
    let read = from_clipboard_text(&damaged).expect("the outline still pastes");
    assert_eq!(shape(&read), shape(&fragment));
    assert!(read.nodes.iter().all(|node| node.kind == NodeKind::Topic));

    let damaged_block = &damaged[damaged.find("-----BEGIN").expect("a block")..];
    assert!(matches!(
        from_clipboard_text(damaged_block),
        Err(ClipboardError::Damaged(_))
    ));
}

#[test]
fn a_block_from_a_newer_relmap_is_refused_naming_both_versions() {
    let source = example_workbook();
    let text = to_clipboard_text(&copy(&source.map, &[GOVERNING]))
        .replace("CLIPBOARD 1-----", "CLIPBOARD 7-----");
    let error = from_clipboard_text(&text).expect_err("a newer block is refused");
    assert_eq!(
        error,
        ClipboardError::NewerVersion {
            found: 7,
            supported: 1
        }
    );
    let message = error.to_string();
    assert!(message.contains('7') && message.contains('1'), "{message}");
}

#[test]
fn tabs_two_and_four_space_indents_give_the_same_tree() {
    let expected = owned(&[
        (None, "Community"),
        (Some(0), "Business"),
        (Some(1), "Chamber of commerce"),
        (Some(0), "Media"),
    ]);
    for indent in ["\t", "  ", "    ", "   "] {
        let text = format!(
            "Community\n{indent}Business\n{indent}{indent}Chamber of commerce\n{indent}Media\n"
        );
        assert_eq!(outline(&text), expected, "indented with {indent:?}");
    }
}

#[test]
fn bullets_and_numbers_are_stripped() {
    let text =
        "- Staff\n  * Admin team\n  + Branch staff\n    • Eastside\n1. Community\n  2) Media\n";
    assert_eq!(
        outline(text),
        owned(&[
            (None, "Staff"),
            (Some(0), "Admin team"),
            (Some(0), "Branch staff"),
            (Some(2), "Eastside"),
            (None, "Community"),
            (Some(4), "Media"),
        ])
    );
}

#[test]
fn markdown_headings_give_levels() {
    let text = "# Staff\n## Admin team\n- Sam\n## Branch staff\n# Self\n";
    assert_eq!(
        outline(text),
        owned(&[
            (None, "Staff"),
            (Some(0), "Admin team"),
            (Some(1), "Sam"),
            (Some(0), "Branch staff"),
            (None, "Self"),
        ])
    );
}

#[test]
fn crlf_line_endings_and_blank_lines_are_ignored() {
    let text = "\u{feff}Staff\r\n\r\n  Admin team   \r\n \t \r\n  Branch staff\r\n";
    assert_eq!(
        outline(text),
        owned(&[
            (None, "Staff"),
            (Some(0), "Admin team"),
            (Some(0), "Branch staff")
        ])
    );
}

#[test]
fn several_top_level_lines_give_several_roots() {
    let fragment = from_clipboard_text("Staff\nCommunity\n  Media\nSelf").expect("pastes");
    assert_eq!(fragment.roots(), vec![0, 1, 3]);
}

#[test]
fn a_jump_of_several_levels_is_one_level_deeper() {
    let text = "Staff\n        Admin team\n            Sam\n  Branch staff\n";
    assert_eq!(
        outline(text),
        owned(&[
            (None, "Staff"),
            (Some(0), "Admin team"),
            (Some(1), "Sam"),
            (Some(0), "Branch staff"),
        ])
    );
}

#[test]
fn pasted_outline_lines_are_placed_one_below_the_other() {
    let fragment = from_clipboard_text("a\n  b\n  c").expect("pastes");
    let offsets: Vec<Pos> = fragment.nodes.iter().map(|node| node.offset).collect();
    assert_eq!(offsets[0], Pos::default());
    assert!(offsets[1].x > 0.0 && offsets[1].y > 0.0);
    assert!((offsets[2].x - offsets[1].x).abs() < f32::EPSILON && offsets[2].y > offsets[1].y);
}

#[test]
fn whitespace_only_text_is_refused() {
    for text in ["", " ", "\n\n", "\t \r\n  \n", "\u{feff}"] {
        assert_eq!(
            from_clipboard_text(text),
            Err(ClipboardError::Empty),
            "{text:?}"
        );
    }
}

#[test]
fn too_many_lines_are_refused() {
    let text = "x\n".repeat(MAX_PASTE_LINES + 1);
    assert!(matches!(
        from_clipboard_text(&text),
        Err(ClipboardError::TooManyLines { .. })
    ));
    assert!(from_clipboard_text(&"x\n".repeat(MAX_PASTE_LINES)).is_ok());
}

/// A tiny xorshift generator: the same strings on every run, with no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % 1_000_000).expect("small")
    }
}

#[test]
fn odd_inputs_never_panic() {
    const PIECES: &[&str] = &[
        "\t",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "- ",
        "* ",
        "• ",
        "#",
        "## ",
        "1. ",
        "12) ",
        "é",
        "日本",
        "\u{301}",
        "\u{feff}",
        "\u{a0}",
        "\0",
        "x",
        "Staff",
        "-----BEGIN RELMAP CLIPBOARD 1-----\n",
        "-----BEGIN RELMAP CLIPBOARD 99999999999-----\n",
        "-----END RELMAP CLIPBOARD-----\n",
        "(nodes:[",
        "(title:\"a\")",
        "(parent:Some(5),title:\"b\")",
        "(parent:Some(0),title:\"c\")",
        "],links:[(from:0,to:9)]",
        "])",
        ",",
        "\"",
        "offset:(x:NaN,y:inf)",
    ];
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let mut pasted = 0;
    for _ in 0..600 {
        let len = rng.next() % 40;
        let text: String = (0..len)
            .map(|_| PIECES[rng.next() % PIECES.len()])
            .collect();
        let Ok(fragment) = from_clipboard_text(&text) else {
            continue;
        };
        pasted += 1;
        assert!(!fragment.is_empty(), "{text:?}");
        for (i, node) in fragment.nodes.iter().enumerate() {
            assert!(node.parent.is_none_or(|p| p < i), "{text:?}");
        }
        let mut map = MindMap::new(Topic::new(NodeId(1), "root", NodeKind::Center));
        let result = instantiate(&fragment, Pos::new(3.0, 4.0), &mut map);
        assert_eq!(result.nodes.len(), fragment.nodes.len());
        assert!(
            result
                .nodes
                .iter()
                .all(|node| node.topic.pos.x.is_finite() && node.topic.pos.y.is_finite())
        );
    }
    assert!(pasted > 100, "only {pasted} of the generated texts pasted");
}

#[test]
fn instantiating_gives_fresh_unique_ids_and_keeps_relative_positions() {
    let source = example_workbook();
    let fragment = copy(&source.map, &[GOVERNING, STAFF]);
    let mut map = source.map.clone();
    let origin = Pos::new(12.5, -40.0);
    let pasted = instantiate(&fragment, origin, &mut map);

    let ids: HashSet<NodeId> = pasted.nodes.iter().map(|node| node.topic.id).collect();
    assert_eq!(ids.len(), fragment.nodes.len(), "ids are unique");
    assert!(
        ids.iter().all(|&id| !source.map.contains(id)),
        "ids are fresh"
    );
    assert_eq!(pasted.links.len(), 1);
    assert!(
        source.map.link(pasted.links[0].id).is_none(),
        "the link id is fresh"
    );

    assert_eq!(
        pasted.nodes[0].topic.pos, origin,
        "the first node lands on the origin"
    );
    for (node, copied) in pasted.nodes.iter().zip(&fragment.nodes) {
        assert!((node.topic.pos.x - origin.x - copied.offset.x).abs() < 0.01);
        assert!((node.topic.pos.y - origin.y - copied.offset.y).abs() < 0.01);
        let parent = copied.parent.map(|p| pasted.nodes[p].topic.id);
        assert_eq!(node.parent, parent);
    }
    let tops: Vec<usize> = pasted
        .nodes
        .iter()
        .filter(|node| node.parent.is_none())
        .map(|node| node.index)
        .collect();
    assert_eq!(tops, [0, 1], "the tops count among themselves");
}
