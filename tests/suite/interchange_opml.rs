//! OPML outlines: files from outliners (OPML 2.0 with notes, deep nesting, folds and links; OPML 1.0 with several
//! top-level outlines; Latin-1) import with their titles, notes, folds and structure and a report of what
//! changed; relmap's example map goes to OPML and back with the same titles, tree, notes and folds, and the
//! export says what OPML cannot carry; and broken or hostile files give an error with the path, line and column,
//! or import without expanding anything, but never panic, hang or read other files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use relmap::interchange::opml::{
    ImportError, Imported, MAX_OUTLINE_DEPTH, export_opml, import_opml,
};
use relmap::model::{NodeId, NodeKind, Topic, Workbook};
use relmap::storage;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/opml")
        .join(name)
}

fn import_fixture(name: &str) -> Imported {
    let path = fixture(name);
    let bytes =
        std::fs::read(&path).unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
    import_opml(&bytes, &path).unwrap_or_else(|error| panic!("{name} does not import: {error}"))
}

fn import_text(text: &str) -> Result<Imported, ImportError> {
    import_opml(text.as_bytes(), Path::new("test.opml"))
}

/// The node with this title; fails the test when there is not exactly one.
fn node<'a>(workbook: &'a Workbook, title: &str) -> &'a Topic {
    let found: Vec<&Topic> = workbook
        .map
        .topics()
        .filter(|topic| topic.title == title)
        .collect();
    match found.as_slice() {
        [one] => one,
        _ => panic!(
            "expected one node titled {title:?}, found {}; titles: {:?}",
            found.len(),
            outline(workbook)
        ),
    }
}

fn titles_of_children(workbook: &Workbook, id: NodeId) -> Vec<String> {
    workbook
        .map
        .children(id)
        .iter()
        .map(|&child| workbook.map.topic(child).unwrap().title.clone())
        .collect()
}

/// One node as the round trip compares it: its depth, title, notes, fold and link, in document order.
#[derive(Debug, PartialEq)]
struct Line {
    depth: usize,
    title: String,
    notes: String,
    folded: bool,
    link: Option<String>,
}

/// The whole tree in document order, children in their order: what OPML carries.
fn outline(workbook: &Workbook) -> Vec<Line> {
    let map = &workbook.map;
    let mut lines = Vec::new();
    let mut stack = vec![(map.root(), 0)];
    while let Some((id, depth)) = stack.pop() {
        let topic = map.topic(id).unwrap();
        lines.push(Line {
            depth,
            title: topic.title.clone(),
            notes: topic.profile.notes.clone(),
            folded: topic.folded,
            link: topic.link.clone(),
        });
        stack.extend(
            map.children(id)
                .iter()
                .rev()
                .map(|&child| (child, depth + 1)),
        );
    }
    lines
}

fn report_mentions(imported: &Imported, words: &str) -> bool {
    imported.report.iter().any(|line| line.contains(words))
}

#[test]
fn an_outliner_file_keeps_notes_deep_nesting_folds_and_links() {
    let imported = import_fixture("omnioutliner-2.0.opml");
    let wb = &imported.workbook;
    wb.map.validate().unwrap();
    assert_eq!(wb.map.len(), 19);

    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(
        root.title, "Partnerships 2027",
        "the one top-level outline is the centre; the byte order mark is gone"
    );
    assert_eq!(root.kind, NodeKind::Center);
    assert_eq!(
        root.id,
        NodeId(1),
        "ids are fresh, from 1 in document order"
    );
    assert_eq!(
        root.profile.notes,
        "Plan for the year.\nReviewed on the first Monday & logged the same day."
    );
    assert!(!root.folded);
    assert_eq!(
        titles_of_children(wb, root.id),
        [
            "Schools",
            "Deep plan",
            "Business & chamber",
            "Grants — state & federal"
        ]
    );

    let schools = node(wb, "Schools");
    assert_eq!(schools.kind, NodeKind::Topic);
    assert_eq!(schools.profile.notes, "District & charter schools");
    assert!(!schools.folded, "line 1 is listed");
    assert_eq!(
        node(wb, "Summer reading").profile.notes,
        "created: Thu, 01 Oct 2026 08:00:00 GMT",
        "other attributes are kept in the notes"
    );
    assert!(!node(wb, "Homework help").folded, "line 3 is listed");

    // Twelve levels: the centre, "Deep plan", then steps 3 to 12.
    let deepest = node(wb, "Step 12");
    assert_eq!(wb.map.depth(deepest.id), 11);
    assert_eq!(deepest.profile.notes, "The deepest step.");
    for step in 3..=9 {
        assert!(!node(wb, &format!("Step {step}")).folded, "step {step}");
    }
    assert!(
        node(wb, "Step 10").folded,
        "line 13 is not listed, so step 10 is folded"
    );
    assert!(
        !node(wb, "Step 11").folded,
        "step 11 is inside a folded node, on no line, and stays unfolded"
    );

    let business = node(wb, "Business & chamber");
    assert!(business.folded, "line 14 is not listed");
    let chamber = node(wb, "Chamber of commerce");
    assert_eq!(
        chamber.link.as_deref(),
        Some("https://chamber.example.org/members?a=1&b=2")
    );
    assert_eq!(chamber.profile.notes, "", "type and url made the link");
    let grants = node(wb, "Grants — state & federal");
    assert_eq!(grants.link.as_deref(), Some("https://grants.example.gov/"));
    assert!(!grants.folded, "a leaf is never folded");

    // Positions are laid out as a tree around the centre.
    assert_ne!(schools.pos, root.pos);
    assert!(deepest.pos.x.abs() > schools.pos.x.abs());

    assert_eq!(
        imported.report,
        [
            "1 title was formatted with HTML; the formatting was removed, as relmap titles are plain text.",
            "1 attribute relmap has no field for (created) was added to the notes as \"name: value\" lines.",
            "The file's header also gives dateCreated and ownerName, which relmap does not keep.",
        ]
    );
}

#[test]
fn an_opml_1_0_file_with_several_top_level_outlines_gets_a_new_centre() {
    let imported = import_fixture("several-1.0.opml");
    let wb = &imported.workbook;
    wb.map.validate().unwrap();
    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(root.title, "Reading list", "from <head><title>");
    assert_eq!(root.kind, NodeKind::Center);
    assert_eq!(root.id, NodeId(1));
    assert_eq!(
        titles_of_children(wb, root.id),
        ["Library blogs", "Professional reading", "To read next"]
    );
    assert_eq!(node(wb, "Library blogs").kind, NodeKind::Topic);
    assert_eq!(
        node(wb, "Library blogs").profile.notes,
        "",
        "isComment=\"false\" says nothing"
    );
    assert!(
        wb.map.topics().all(|topic| !topic.folded),
        "without an expansionState everything is unfolded"
    );
    let courier = node(wb, "Riverside Courier");
    assert_eq!(
        courier.profile.notes,
        "type: rss\nxmlUrl: https://courier.example.org/feed.xml\nhtmlUrl: https://courier.example.org/"
    );
    assert_eq!(courier.link, None, "only type=\"link\" makes a link");
    let reading = node(wb, "Professional reading");
    assert_eq!(reading.profile.notes, "Ask Ana for her list");
    assert_eq!(
        titles_of_children(wb, reading.id),
        ["Public Libraries magazine", "Library Journal"]
    );
    assert_eq!(
        imported.report,
        [
            "The file has 3 top-level outlines; relmap has one central node, so a new one titled \
             \"Reading list\" (after the file's title) holds them.",
            "3 attributes relmap has no field for (htmlUrl, type, xmlUrl) were added to the notes as \
             \"name: value\" lines.",
            "The file's header also gives dateModified, which relmap does not keep.",
        ]
    );
}

#[test]
fn without_a_title_the_new_centre_is_named_after_the_file() {
    let text = "<opml version=\"2.0\"><head/><body><outline text=\"a\"/><outline text=\"b\"/></body></opml>";
    let imported = import_opml(text.as_bytes(), Path::new("/home/maria/Board notes.opml")).unwrap();
    let wb = &imported.workbook;
    assert_eq!(wb.map.topic(wb.map.root()).unwrap().title, "Board notes");
    assert!(report_mentions(&imported, "(after the file's name)"));

    let empty =
        import_text("<opml version=\"2.0\"><head><title>Empty</title></head><body/></opml>")
            .unwrap();
    assert_eq!(empty.workbook.map.len(), 1);
    assert_eq!(
        empty
            .workbook
            .map
            .topic(empty.workbook.map.root())
            .unwrap()
            .title,
        "Empty"
    );
    assert!(
        report_mentions(&empty, "outline is empty"),
        "{:?}",
        empty.report
    );
}

#[test]
fn a_latin_1_file_is_read_in_the_encoding_it_declares() {
    let bytes = std::fs::read(fixture("latin1.opml")).unwrap();
    assert!(bytes.contains(&0xe9), "the fixture holds a real Latin-1 é");
    let imported = import_fixture("latin1.opml");
    let wb = &imported.workbook;
    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(root.title, "Bibliothèque municipale");
    assert_eq!(root.profile.notes, "Réunion au café le mardi");
    assert_eq!(
        titles_of_children(wb, root.id),
        ["Comité des fêtes", "Prix: 5 £"]
    );
    assert!(imported.report.is_empty(), "{:#?}", imported.report);
}

#[test]
fn billion_laughs_expands_nothing_and_returns_at_once() {
    let started = Instant::now();
    let imported = import_fixture("billion-laughs.opml");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    let wb = &imported.workbook;
    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(root.title, "&lol9;", "the reference stays as written");
    assert_eq!(root.profile.notes, "&lol9;&lol9;");
    node(wb, "Child &lol9;");
    let text = storage::to_string(wb);
    assert!(!text.contains("lollol"), "nothing was expanded");
    assert!(text.len() < 10_000);
    assert!(
        report_mentions(&imported, "(<!DOCTYPE>) was ignored"),
        "{:#?}",
        imported.report
    );
    assert!(
        report_mentions(
            &imported,
            "5 references to entities that XML does not define (&lol9;)"
        ),
        "{:#?}",
        imported.report
    );
}

#[test]
fn an_external_entity_reads_no_file() {
    let imported = import_fixture("xxe.opml");
    let wb = &imported.workbook;
    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(root.title, "&xxe;");
    assert_eq!(root.profile.notes, "Secret: &xxe;\n\nleak: &xxe;");
    let text = storage::to_string(wb);
    assert!(!text.contains("root:"), "no line of /etc/passwd");
    assert!(
        report_mentions(&imported, "(&xxe;)"),
        "{:#?}",
        imported.report
    );
}

#[test]
fn malformed_xml_is_an_error_naming_the_file_line_and_column() {
    let path = fixture("malformed.opml");
    let bytes = std::fs::read(&path).unwrap();
    let error = import_opml(&bytes, &path).expect_err("a mismatched end tag is an error");
    match &error {
        ImportError::Syntax {
            path: at,
            line,
            column,
            message,
        } => {
            assert_eq!(at, &path);
            assert_eq!((*line, *column), (6, 3), "{error}");
            assert!(message.contains("outlin"), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let shown = error.to_string();
    assert!(shown.contains("malformed.opml:6:3: "), "{shown}");
}

#[test]
fn broken_and_foreign_input_gives_errors_not_panics() {
    let cut = import_text(
        "<opml version=\"2.0\">\r\n<body>\r\n<outline text=\"a\">\r\n  <outline text=\"b\"/>\r\n",
    )
    .unwrap_err();
    assert!(
        matches!(
            cut,
            ImportError::Syntax {
                line: 5,
                column: 1,
                ..
            }
        ) && cut.to_string().contains("cut off"),
        "{cut}"
    );
    let attribute =
        import_text("<opml>\r\n<body>\r\n  <outline text=\"a\" text=\"b\"/></body></opml>")
            .unwrap_err();
    assert!(
        matches!(
            attribute,
            ImportError::Syntax {
                line: 3,
                column: 21,
                ..
            }
        ),
        "the second text, with CR LF line ends: {attribute}"
    );
    let unquoted = import_text("<opml><body><outline text=a/></body></opml>").unwrap_err();
    assert!(
        matches!(
            unquoted,
            ImportError::Syntax {
                line: 1,
                column: 27,
                ..
            }
        ),
        "{unquoted}"
    );
    let mm = import_text("<map version=\"1.0.1\"><node TEXT=\"a\"/></map>").unwrap_err();
    assert!(matches!(mm, ImportError::NotOpml { .. }), "{mm}");
    assert!(mm.to_string().contains("test.opml"), "{mm}");
    assert!(mm.to_string().contains("<map>"), "{mm}");
    let no_body = import_text("<opml version=\"2.0\"><head/></opml>").unwrap_err();
    assert!(
        matches!(no_body, ImportError::NotOpml { .. }) && no_body.to_string().contains("no <body>"),
        "{no_body}"
    );
    assert!(matches!(
        import_text("").unwrap_err(),
        ImportError::NotOpml { .. }
    ));
    assert!(matches!(
        import_opml(&[0xff, 0x00, 0x13, 0x37, 0x80], Path::new("x.opml")).unwrap_err(),
        ImportError::NotOpml { .. } | ImportError::Syntax { .. }
    ));
    let encoding =
        import_text("<?xml version=\"1.0\" encoding=\"x-no-such\"?><opml/>").unwrap_err();
    assert!(
        matches!(&encoding, ImportError::UnknownEncoding { label, .. } if label == "x-no-such"),
        "{encoding}"
    );
}

#[test]
fn very_deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = MAX_OUTLINE_DEPTH + 50;
    let mut text = String::from("<opml version=\"2.0\"><body>\n");
    for i in 0..depth {
        writeln!(text, "<outline text=\"n{i}\">").unwrap();
    }
    for _ in 0..depth {
        text.push_str("</outline>\n");
    }
    text.push_str("</body></opml>\n");
    match import_text(&text) {
        Err(ImportError::TooDeep { line, limit, .. }) => {
            assert_eq!(limit, MAX_OUTLINE_DEPTH);
            assert_eq!(
                line,
                MAX_OUTLINE_DEPTH + 2,
                "the first outline past the limit"
            );
        }
        other => panic!("expected TooDeep, got {other:?}"),
    }

    // Unknown elements nested absurdly deep are skipped without a stack.
    let mut foreign = String::from("<opml><body><outline text=\"a\">");
    foreign.push_str(&"<x>".repeat(MAX_OUTLINE_DEPTH * 3));
    foreign.push_str(&"</x>".repeat(MAX_OUTLINE_DEPTH * 3));
    foreign.push_str("</outline></body></opml>");
    let imported = import_text(&foreign).unwrap();
    assert_eq!(imported.workbook.map.len(), 1);
    assert!(
        report_mentions(
            &imported,
            "1 element that OPML does not define (<x>) was ignored."
        ),
        "{:?}",
        imported.report
    );
}

#[test]
fn a_deep_but_sane_outline_imports_and_exports() {
    // As deep as relmap imports at all.
    let depth = MAX_OUTLINE_DEPTH;
    let mut text = String::from("<opml version=\"2.0\"><body>");
    for i in 0..depth {
        write!(text, "<outline text=\"level {i}\">").unwrap();
    }
    text.push_str(&"</outline>".repeat(depth));
    text.push_str("</body></opml>");
    let imported = import_text(&text).unwrap();
    assert_eq!(imported.workbook.map.len(), depth);
    let exported = export_opml(&imported.workbook);
    assert!(
        exported.text.len() < 1_000_000,
        "indentation does not grow with the square of the depth"
    );
    let again = import_text(&exported.text).unwrap();
    assert_eq!(outline(&again.workbook), outline(&imported.workbook));
}

/// The example map with a few branches folded, and some awkward text.
fn folded_example() -> Workbook {
    let mut wb = storage::example().unwrap();
    let root = wb.map.root();
    let first_level = wb.map.children(root).to_vec();
    for &id in &[first_level[0], first_level[3]] {
        wb.map.topic_mut(id).unwrap().folded = true;
    }
    let staff = wb.map.topic_mut(first_level[1]).unwrap();
    "Two\nlines, \"quoted\" & <angled>".clone_into(&mut staff.title);
    "  Indented\twith a tab\r\n\n<b>not bold</b> &amp; not an entity "
        .clone_into(&mut staff.profile.notes);
    staff.link = Some("https://example.org/staff?a=1&b=\"2\"".to_owned());
    wb
}

#[test]
fn the_example_map_goes_to_opml_and_back_with_its_titles_tree_notes_and_folds() {
    for original in [storage::example().unwrap(), folded_example()] {
        let exported = export_opml(&original);
        let imported = import_text(&exported.text)
            .unwrap_or_else(|error| panic!("{error}\n{}", exported.text));
        imported.workbook.map.validate().unwrap();
        assert_eq!(
            outline(&imported.workbook),
            outline(&original),
            "the OPML was:\n{}",
            exported.text
        );
        assert!(imported.report.is_empty(), "{:#?}", imported.report);
        let root = imported
            .workbook
            .map
            .topic(imported.workbook.map.root())
            .unwrap();
        assert_eq!(root.kind, NodeKind::Center);
    }
}

#[test]
fn the_export_says_what_opml_has_no_place_for() {
    let exported = export_opml(&storage::example().unwrap());
    assert_eq!(
        exported.warnings,
        [
            "OPML has no place for 2 cross-links, the relationship details of 10 nodes, the kinds of 24 nodes \
             (constituency, group, person and responsibility), the icons of 1 node and the plan (goals, \
             reflection, checklist and action items); they were left out. Save as a relmap map or export .mm \
             to keep them."
        ]
    );
    assert!(
        !exported.text.contains("Send the board a one-page update"),
        "strategies are not stuffed into the notes"
    );

    // A map with nothing but what OPML carries exports without a warning.
    let mut plain = Workbook::new("Plain");
    let root = plain.map.root();
    plain.map.topic_mut(root).unwrap().profile.notes = "Only notes".to_owned();
    plain.plan = relmap::model::Plan::default();
    assert_eq!(export_opml(&plain).warnings, Vec::<String>::new());

    // A fold inside a fold is on no line of the outline, so OPML cannot keep it.
    let mut wb = folded_example();
    let governing = wb.map.children(wb.map.root())[0];
    let board = wb.map.children(governing)[0];
    let id = wb.map.allocate_node_id();
    wb.map
        .insert(board, 0, Topic::new(id, "Chair", NodeKind::Person))
        .unwrap();
    wb.map.topic_mut(board).unwrap().folded = true;
    let warnings = export_opml(&wb).warnings;
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[1].contains("1 folded branch inside another folded branch will be unfolded"),
        "{warnings:#?}"
    );
}

#[test]
fn the_export_is_deterministic_opml_2_0() {
    let wb = folded_example();
    let text = export_opml(&wb).text;
    assert_eq!(text, export_opml(&wb.clone()).text);
    assert!(
        text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n")
    );
    assert!(text.ends_with("</opml>\n"));
    assert!(
        text.contains("<expansionState>0,2,6,15</expansionState>"),
        "{text}"
    );
    assert!(
        text.contains("text=\"Two&#10;lines, &quot;quoted&quot; &amp; &lt;angled&gt;\""),
        "{text}"
    );
    assert!(
        text.contains("type=\"link\" url=\"https://example.org/staff?a=1&amp;b=&quot;2&quot;\"")
    );
    assert!(!text.contains("dateCreated"), "no clock, no date");
}

#[test]
fn the_example_map_as_opml() {
    let example = storage::example().unwrap();
    insta::assert_snapshot!(export_opml(&example).text);
}
