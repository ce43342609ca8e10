//! Maps nested absurdly deep: opening and importing refuse them with an error that gives the limit and names
//! the file, and every export of a deep map takes time and space in proportion to its size, not its depth
//! squared.

// Helpers outside #[test] functions fail loudly too; clippy.toml allows that only inside them.
#![allow(clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use relmap::interchange::{ExportFormat, export, freemind, opml};
use relmap::model::{MAX_LEVELS, NodeId, NodeKind, Topic, Workbook};
use relmap::storage::LoadError;

/// A workbook whose map is one chain of `levels` nodes, each the only child of the one before. Every node is
/// folded open, carries a note and sits in the tree's place, so each export has something to write.
fn chain(levels: usize) -> Workbook {
    let mut workbook = Workbook::new("Top");
    let mut parent = workbook.map.root();
    for level in 2..=levels {
        let id = NodeId(level as u64);
        let mut topic = Topic::new(id, format!("level {level}"), NodeKind::Topic)
            .at(relmap::model::Pos::new(level as f32 * 200.0, 0.0));
        "a note".clone_into(&mut topic.profile.notes);
        workbook
            .map
            .insert(parent, 0, topic)
            .expect("a chain is a valid tree");
        parent = id;
    }
    workbook
}

#[test]
fn a_file_nested_deeper_than_the_limit_is_refused_with_the_limit_and_the_file_name() {
    let text = relmap::storage::to_string(&chain(MAX_LEVELS + 1));
    let path = Path::new("/maps/deep-chain.ron");
    let error = relmap::storage::from_str(&text, path).expect_err("too deep to open");
    assert!(
        matches!(error, LoadError::TooDeep { levels, limit, .. } if levels == MAX_LEVELS + 1 && limit == MAX_LEVELS),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("deep-chain.ron"), "{message}");
    assert!(message.contains(&MAX_LEVELS.to_string()), "{message}");
}

#[test]
fn a_file_exactly_at_the_limit_opens() {
    let text = relmap::storage::to_string(&chain(MAX_LEVELS));
    let workbook =
        relmap::storage::from_str(&text, Path::new("at-limit.ron")).expect("the limit is allowed");
    assert_eq!(workbook.map.levels(), MAX_LEVELS);
}

/// A `.mm` map of one chain of `levels` nested nodes.
fn mm_chain(levels: usize) -> String {
    let mut text = String::from("<map version=\"1.0.1\">\n");
    for level in 1..=levels {
        writeln!(text, "<node TEXT=\"level {level}\">").expect("writing to a string");
    }
    text.push_str(&"</node>\n".repeat(levels));
    text.push_str("</map>\n");
    text
}

/// An OPML outline of one chain of `levels` nested outlines.
fn opml_chain(levels: usize) -> String {
    let mut text = String::from("<opml version=\"2.0\"><body>\n");
    for level in 1..=levels {
        writeln!(text, "<outline text=\"level {level}\">").expect("writing to a string");
    }
    text.push_str(&"</outline>\n".repeat(levels));
    text.push_str("</body></opml>\n");
    text
}

#[test]
fn importing_a_freemind_map_nested_deeper_than_the_limit_is_refused() {
    let path = Path::new("/maps/deep.mm");
    let error = freemind::import_mm(mm_chain(MAX_LEVELS + 1).as_bytes(), path)
        .expect_err("too deep to import");
    assert!(
        matches!(error, freemind::ImportError::TooDeep { limit, .. } if limit == MAX_LEVELS),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("deep.mm"), "{message}");
    assert!(message.contains(&MAX_LEVELS.to_string()), "{message}");

    let imported = freemind::import_mm(mm_chain(MAX_LEVELS).as_bytes(), path)
        .expect("a map at the limit imports");
    assert_eq!(imported.workbook.map.levels(), MAX_LEVELS);
}

#[test]
fn importing_an_outline_nested_deeper_than_the_limit_is_refused() {
    let path = Path::new("/maps/deep.opml");
    let error = opml::import_opml(opml_chain(MAX_LEVELS + 1).as_bytes(), path)
        .expect_err("too deep to import");
    assert!(
        matches!(error, opml::ImportError::TooDeep { limit, .. } if limit <= MAX_LEVELS),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("deep.opml"), "{message}");

    // The imported map, with any centre relmap adds above the outline, stays within what relmap opens.
    let imported = opml::import_opml(opml_chain(opml::MAX_OUTLINE_DEPTH).as_bytes(), path)
        .expect("an outline at the limit imports");
    assert!(imported.workbook.map.levels() <= MAX_LEVELS);
}

/// Every export of a chain of 20,000 nodes, one by one, is small and quick. Before, the Markdown list was
/// indented two spaces a level (400 MB for this chain) and the SVG found each node's branch by walking up to
/// the root, which took seconds; both grew with the square of the depth.
#[test]
fn every_export_of_a_very_deep_chain_is_linear_in_its_size() {
    const LEVELS: usize = 20_000;
    let workbook = chain(LEVELS);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("a valid date");
    for format in [
        ExportFormat::Markdown,
        ExportFormat::Html,
        ExportFormat::Svg,
        ExportFormat::FreeMind,
        ExportFormat::Opml,
    ] {
        let start = Instant::now();
        let file = export(format, &workbook, today).expect("text exports cannot fail");
        let took = start.elapsed();
        // A few hundred bytes a node at most: title, note, box and link, with no indentation that grows.
        assert!(
            file.bytes.len() < LEVELS * 600,
            "{format:?}: {} bytes",
            file.bytes.len()
        );
        // Generous for a debug build on a busy machine; the quadratic versions took far longer.
        assert!(took < Duration::from_secs(5), "{format:?} took {took:?}");
    }
}
