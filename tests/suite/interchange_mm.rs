//! `FreeMind` and Freeplane `.mm` files: maps written by `FreeMind` 0.8, 0.9 and 1.0.1 and Freeplane 1.12 import
//! with their titles, notes, colours, folds, links, icons, attributes and arrow links, and a report of what was
//! left out; relmap's own export reads back into exactly the same workbook; and broken or hostile files give an
//! error with the path, line and column, or import without expanding anything, but never panic, hang or read
//! other files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use relmap::interchange::freemind::{ImportError, Imported, MAX_NODE_DEPTH, export_mm, import_mm};
use relmap::model::{
    CrossLink, Frequency, Health, Icon, NodeId, NodeKind, Pos, Rgb, StrategyStatus, Topic, Workbook,
};
use relmap::storage;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mm")
        .join(name)
}

fn import_fixture(name: &str) -> Imported {
    let path = fixture(name);
    let bytes =
        std::fs::read(&path).unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
    import_mm(&bytes, &path).unwrap_or_else(|error| panic!("{name} does not import: {error}"))
}

fn import_text(text: &str) -> Result<Imported, ImportError> {
    import_mm(text.as_bytes(), Path::new("test.mm"))
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
            workbook
                .map
                .topics()
                .map(|t| t.title.clone())
                .collect::<Vec<_>>()
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

fn links(workbook: &Workbook) -> Vec<(String, String, String)> {
    let mut links: Vec<&CrossLink> = workbook.map.links().collect();
    links.sort_by_key(|link| link.id);
    links
        .into_iter()
        .map(|link| {
            let title = |id| workbook.map.topic(id).unwrap().title.clone();
            (title(link.from), title(link.to), link.label.clone())
        })
        .collect()
}

fn report_mentions(imported: &Imported, words: &str) -> bool {
    imported.report.iter().any(|line| line.contains(words))
}

#[test]
fn a_freemind_0_9_map_keeps_rich_titles_notes_folds_colours_icons_and_arrow_links() {
    let imported = import_fixture("freemind-0.9.mm");
    let wb = &imported.workbook;
    wb.map.validate().unwrap();
    assert_eq!(wb.map.len(), 5);

    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(
        root.title, "Bibliothèque centrale",
        "a numeric entity, no XML declaration"
    );
    assert_eq!(root.kind, NodeKind::Center);
    assert_eq!(
        root.id,
        NodeId(1),
        "ids are fresh, from 1 in document order"
    );

    let governing = node(wb, "Governing\nauthority");
    assert_eq!(governing.id, NodeId(2));
    assert!(governing.folded);
    assert_eq!(governing.color, Some(Rgb([0x99, 0, 0])));
    assert_eq!(governing.kind, NodeKind::Topic);
    assert_eq!(
        governing.icon,
        Some(Icon::Star),
        "bookmark is the first icon relmap knows"
    );
    assert_eq!(
        governing.tags,
        ["full-1", "idea"],
        "the other icons are kept as tags"
    );
    assert_eq!(
        governing.profile.notes,
        "The board meets on the second Tuesday.\n- Chair: Ann Kováč\n- Treasurer: Bo & partners\n\
         Minutes: the archive (http://example.org/minutes?year=2009&month=1)"
    );
    assert!(governing.pos.x > root.pos.x, "POSITION=\"right\"");

    let staff = node(wb, "中文 staff & volunteers");
    assert_eq!(
        staff.color,
        Some(Rgb([0xff, 0xcc, 0x00])),
        "BACKGROUND_COLOR wins over COLOR"
    );
    assert_eq!(staff.link.as_deref(), Some("http://example.org/staff"));
    assert_eq!(staff.icon, Some(Icon::Warning));
    assert!(staff.pos.x < root.pos.x, "POSITION=\"left\"");
    let child = node(wb, "Line one\nLine two <> \"quoted\"");
    assert!(
        child.pos.x < staff.pos.x,
        "a child grows outwards on its branch's side"
    );
    assert_eq!(
        titles_of_children(wb, root.id),
        ["Governing\nauthority", "中文 staff & volunteers"]
    );

    assert_eq!(
        links(wb),
        [(
            "Governing\nauthority".to_owned(),
            "中文 staff & volunteers".to_owned(),
            "funds / reports to".to_owned()
        )]
    );
    assert!(
        imported.report.contains(
            &"arrow link from \"Governing…\" to ID_999: no such node, skipped".to_owned()
        ),
        "{:#?}",
        imported.report
    );
    assert!(
        imported.report.contains(
            &"1 cloud, 1 edge style, 2 font settings and 1 plug-in setting (hook) were ignored; relmap has no \
              place for them."
                .to_owned()
        ),
        "{:#?}",
        imported.report
    );
    assert!(
        report_mentions(&imported, "2 icons were kept as tags"),
        "{:#?}",
        imported.report
    );
    assert!(
        report_mentions(&imported, "full-1, idea"),
        "{:#?}",
        imported.report
    );
    assert_eq!(
        wb.plan,
        relmap::model::Plan::default(),
        "no plan in a FreeMind file"
    );
}

#[test]
fn a_freemind_1_0_1_map_reads_relmap_attributes_and_keeps_the_others_in_the_notes() {
    let imported = import_fixture("freemind-1.0.1-attributes.mm");
    let wb = &imported.workbook;
    wb.map.validate().unwrap();

    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(
        root.kind,
        NodeKind::Person,
        "relmap.kind overrides the centre"
    );

    let council = node(wb, "City council");
    assert_eq!(council.kind, NodeKind::Group);
    let profile = &council.profile;
    assert_eq!(profile.frequency, Frequency::Monthly);
    assert_eq!(profile.strategies.len(), 2);
    assert_eq!(profile.strategies[0].status, StrategyStatus::Active);
    assert_eq!(
        profile.strategies[1].text,
        "Invite the council to the reopening"
    );
    assert_eq!(profile.strategies[1].status, StrategyStatus::Done);
    assert_eq!(profile.people.len(), 1);
    assert_eq!(profile.people[0].name, "Mayor Ortiz");
    assert_eq!(profile.people[0].interests, "Literacy\nDowntown renewal");
    assert_eq!(profile.contacts.len(), 1);
    assert_eq!(profile.contacts[0].date.to_string(), "2013-01-08");
    assert_eq!(profile.contacts[0].note, "Budget hearing");
    assert_eq!(
        profile.health,
        Health::NotAssessed,
        "\"Splendid\" is no rating"
    );
    assert_eq!(
        profile.notes,
        "Seven members; elections in November.\n\nrelmap.health: Splendid\nBudget: 12000\nOwner: Maria"
    );

    let friends = node(wb, "Friends of the library");
    assert_eq!(friends.kind, NodeKind::Topic);
    assert_eq!(friends.profile.success_measures, ["Two book sales a year"]);
    assert_eq!(
        friends.profile.what_works,
        "Monthly coffee with the president"
    );

    assert!(
        report_mentions(&imported, "2 attributes were added to their nodes' notes"),
        "{:#?}",
        imported.report
    );
    assert!(
        report_mentions(
            &imported,
            "The attribute relmap.health = \"Splendid\" on \"City council\" is not a health rating"
        ),
        "{:#?}",
        imported.report
    );
    assert!(
        report_mentions(
            &imported,
            "2 attribute layouts and 1 attribute registry were ignored"
        ),
        "{:#?}",
        imported.report
    );
}

#[test]
fn a_freeplane_1_12_map_with_crlf_styles_details_and_plain_notes_imports() {
    let imported = import_fixture("freeplane-1.12.mm");
    let wb = &imported.workbook;
    wb.map.validate().unwrap();
    assert_eq!(
        wb.map.len(),
        7,
        "style nodes inside map_styles are not nodes of the map"
    );

    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(root.title, "Community");
    assert!(
        root.tags.is_empty() && root.icon.is_none(),
        "style icons stay in the styles"
    );

    let chamber = node(wb, "Chamber of commerce");
    assert_eq!(
        chamber.icon,
        Some(Icon::Book),
        "Freeplane's emoji icons are read"
    );
    assert_eq!(
        chamber.profile.notes,
        "Education committee, first Thursday\n\nAsk what they are trying to do\nbefore pitching the library.\n  \
         - indented line & more",
        "details, then the plain note exactly, with CR LF read as line breaks"
    );
    assert!(chamber.pos.x > root.pos.x, "bottom_or_right is the right");
    let rotary = node(wb, "Rotary club\n(Tuesday lunch)");
    assert_eq!(wb.map.parent(rotary.id), Some(chamber.id));

    let schools = node(wb, "Schools");
    assert!(schools.pos.x < root.pos.x, "top_or_left is the left");
    assert_eq!(schools.link.as_deref(), Some("#ID_1431870950"));
    let neighbourhood = node(wb, "Neighbourhood groups");
    assert!(neighbourhood.pos.x < root.pos.x);
    assert_eq!(
        neighbourhood.color,
        Some(Rgb([0xe0, 0xf0, 0xff])),
        "an alpha byte is dropped"
    );
    let buddies = node(wb, "Reading buddies");
    assert!(buddies.folded);
    let hidden = node(wb, "Hidden under a fold");
    assert_ne!(hidden.pos, Pos::default(), "folded branches are placed too");

    assert_eq!(
        links(wb),
        [(
            "Chamber of commerce".to_owned(),
            "Schools".to_owned(),
            "shares members".to_owned()
        )],
        "the linktarget mirror adds no second link"
    );
    assert!(
        report_mentions(&imported, "1 edge style, 1 font setting")
            && report_mentions(&imported, "3 plug-in settings (hooks)")
            && report_mentions(&imported, "1 other element (<bookmarks>)"),
        "{:#?}",
        imported.report
    );
    // Nodes do not overlap: every two nodes on the same side are apart vertically or horizontally.
    let topics: Vec<&Topic> = wb.map.topics().collect();
    for (i, a) in topics.iter().enumerate() {
        for b in &topics[i + 1..] {
            assert!(
                a.pos != b.pos,
                "{:?} and {:?} share a position",
                a.title,
                b.title
            );
        }
    }
}

#[test]
fn a_latin_1_file_is_read_in_the_encoding_it_declares() {
    let imported = import_fixture("latin1.mm");
    let wb = &imported.workbook;
    let root = wb.map.topic(wb.map.root()).unwrap();
    assert_eq!(root.title, "Bibliothèque de Montréal");
    let teacher = node(wb, "Señora Núñez, maîtresse d'école");
    assert_eq!(
        teacher.profile.notes,
        "Très intéressée par la lecture à voix haute — «toujours»."
    );
    node(wb, "Prix: 5 € ou 4 £");
    assert!(imported.report.is_empty(), "{:#?}", imported.report);
}

#[test]
fn billion_laughs_expands_nothing_and_returns_at_once() {
    let started = Instant::now();
    let imported = import_fixture("billion-laughs.mm");
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
            "4 references to entities that XML does not define (&lol9;)"
        ),
        "{:#?}",
        imported.report
    );
}

#[test]
fn an_external_entity_reads_no_file() {
    let imported = import_fixture("xxe.mm");
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
    let path = fixture("malformed.mm");
    let bytes = std::fs::read(&path).unwrap();
    let error = import_mm(&bytes, &path).expect_err("a mismatched end tag is an error");
    match &error {
        ImportError::Syntax {
            path: at,
            line,
            column,
            message,
        } => {
            assert_eq!(at, &path);
            assert_eq!((*line, *column), (4, 1), "{error}");
            assert!(message.contains("nod"), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let shown = error.to_string();
    assert!(shown.contains("malformed.mm:4:1: "), "{shown}");
}

#[test]
fn broken_and_foreign_input_gives_errors_not_panics() {
    let cut = import_text("<map version=\"1.0.1\">\n<node TEXT=\"a\">\n  <node TEXT=\"b\"/>\n")
        .unwrap_err();
    assert!(
        matches!(cut, ImportError::Syntax { line: 4, .. }) && cut.to_string().contains("cut off"),
        "{cut}"
    );
    let attribute = import_text("<map>\n  <node TEXT=\"a\" TEXT=\"b\"/></map>").unwrap_err();
    assert!(
        matches!(
            attribute,
            ImportError::Syntax {
                line: 2,
                column: 18,
                ..
            }
        ),
        "the second TEXT: {attribute}"
    );
    let unquoted = import_text("<map><node TEXT=a/></map>").unwrap_err();
    assert!(
        matches!(
            unquoted,
            ImportError::Syntax {
                line: 1,
                column: 17,
                ..
            }
        ),
        "{unquoted}"
    );
    let opml = import_text("<?xml version=\"1.0\"?><opml><body/></opml>").unwrap_err();
    assert!(matches!(opml, ImportError::NotAMap { .. }), "{opml}");
    assert!(opml.to_string().contains("test.mm"), "{opml}");
    let empty_map = import_text("<map version=\"1.0.1\"></map>").unwrap_err();
    assert!(
        matches!(empty_map, ImportError::NotAMap { .. }),
        "{empty_map}"
    );
    assert!(matches!(
        import_text("").unwrap_err(),
        ImportError::NotAMap { .. }
    ));
    assert!(matches!(
        import_mm(&[0xff, 0x00, 0x13, 0x37, 0x80], Path::new("x.mm")).unwrap_err(),
        ImportError::NotAMap { .. } | ImportError::Syntax { .. }
    ));
    let encoding = import_text("<?xml version=\"1.0\" encoding=\"x-no-such\"?><map/>").unwrap_err();
    assert!(
        matches!(encoding, ImportError::UnknownEncoding { .. }),
        "{encoding}"
    );
}

#[test]
fn very_deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = MAX_NODE_DEPTH + 50;
    let mut text = String::from("<map version=\"1.0.1\">\n");
    for i in 0..depth {
        writeln!(text, "<node TEXT=\"n{i}\">").unwrap();
    }
    for _ in 0..depth {
        text.push_str("</node>\n");
    }
    text.push_str("</map>\n");
    match import_text(&text) {
        Err(ImportError::TooDeep { line, limit, .. }) => {
            assert_eq!(limit, MAX_NODE_DEPTH);
            assert_eq!(line, MAX_NODE_DEPTH + 2, "the first node past the limit");
        }
        other => panic!("expected TooDeep, got {other:?}"),
    }

    // Rich text nested absurdly deep inside a shallow map is refused too.
    let mut rich = String::from("<map><node TEXT=\"a\"><richcontent TYPE=\"NOTE\"><html><body>");
    rich.push_str(&"<div>".repeat(MAX_NODE_DEPTH + 2_000));
    rich.push_str(&"</div>".repeat(MAX_NODE_DEPTH + 2_000));
    rich.push_str("</body></html></richcontent></node></map>");
    assert!(matches!(
        import_text(&rich),
        Err(ImportError::TooDeep { .. })
    ));
}

#[test]
fn a_deep_but_sane_map_imports_and_exports() {
    let depth = 2_000;
    let mut text = String::from("<map version=\"1.0.1\">");
    for i in 0..depth {
        write!(text, "<node TEXT=\"level {i}\">").unwrap();
    }
    text.push_str(&"</node>".repeat(depth));
    text.push_str("</map>");
    let imported = import_text(&text).unwrap();
    assert_eq!(imported.workbook.map.len(), depth);
    let again = import_text(&export_mm(&imported.workbook)).unwrap();
    assert_eq!(
        storage::to_string(&again.workbook),
        storage::to_string(&imported.workbook)
    );
}

/// The example workbook with every field relmap has, so that the round trip covers links, tags, folds and odd
/// text too.
fn rich_example() -> Workbook {
    let mut wb = storage::example().expect("the example map loads");
    let root = wb.map.root();
    let ids = wb.map.sorted_ids();
    let first_level = wb.map.children(root).to_vec();
    {
        let topic = wb.map.topic_mut(first_level[0]).unwrap();
        topic.link = Some("https://example.org/board?a=1&b=\"2\"".to_owned());
        topic.tags = vec![
            "full-1".to_owned(),
            "budget season".to_owned(),
            "idea".to_owned(),
        ];
        topic.folded = true;
        topic.color = Some(Rgb([0x12, 0x34, 0x56]));
    }
    {
        let topic = wb.map.topic_mut(first_level[1]).unwrap();
        topic.icon = None;
        topic.tags = vec!["idea".to_owned(), "licq".to_owned()];
        "  Indented first line\twith a tab\n\nA paragraph  with  double spaces \n\
                               <b>not bold</b> & not an &amp; entity\r\nÜnïcödé 日本語 📚\n"
            .clone_into(&mut topic.profile.notes);
        "Two\nlines, \"quoted\" & <angled>".clone_into(&mut topic.title);
    }
    {
        let leaf = *ids.last().unwrap();
        let topic = wb.map.topic_mut(leaf).unwrap();
        topic.icon = Some(Icon::Book);
        topic.tags = vec!["emoji-1F600".to_owned()];
        topic.pos = Pos::new(-12.3, 45.6);
        topic.kind = NodeKind::Center;
    }
    wb.map.topic_mut(root).unwrap().kind = NodeKind::Person;
    // A link from a node to itself, which the model allows, and a second link between the same two nodes.
    let leaf = *ids.last().unwrap();
    for (from, to, label) in [(leaf, leaf, "loop"), (first_level[0], leaf, "")] {
        let id = wb.map.allocate_link_id();
        wb.map
            .add_link(CrossLink {
                id,
                from,
                to,
                label: label.to_owned(),
            })
            .unwrap();
    }
    wb
}

#[test]
fn the_example_workbook_round_trips_through_mm_exactly() {
    for original in [storage::example().unwrap(), rich_example()] {
        let text = export_mm(&original);
        let imported = import_text(&text).unwrap_or_else(|error| panic!("{error}\n{text}"));
        assert_eq!(
            storage::to_string(&imported.workbook),
            storage::to_string(&original),
            "the .mm text was:\n{text}"
        );
        assert!(imported.report.is_empty(), "{:#?}", imported.report);
        imported.workbook.map.validate().unwrap();
    }
}

#[test]
fn the_export_is_deterministic_and_speaks_freemind() {
    let wb = rich_example();
    let text = export_mm(&wb);
    assert_eq!(text, export_mm(&wb.clone()));
    assert!(text.starts_with("<map version=\"1.0.1\">\n"));
    assert!(text.ends_with("</map>\n"));
    assert!(
        text.contains("<node ID=\"ID_1\" TEXT=\"Maria Lopez, director\">"),
        "{text}"
    );
    assert!(text.contains("POSITION=\"right\""));
    assert!(text.contains("POSITION=\"left\""));
    assert!(
        text.contains("<icon BUILTIN=\"emoji-2764\"/>"),
        "the heart on Self"
    );
    assert!(text.contains("TEXT=\"Two&#xa;lines, &quot;quoted&quot; &amp; &lt;angled&gt;\""));
    assert!(text.contains("<arrowlink DESTINATION=\"ID_"));
    assert!(text.contains("<attribute NAME=\"relmap.strategy\" VALUE=\""));
    assert!(text.contains("<attribute NAME=\"relmap.plan\" VALUE=\"("));
    assert!(text.contains("<richcontent TYPE=\"NOTE\"><html>"));
    // Every line is one element or a piece of a note: nothing a FreeMind reader would choke on.
    assert!(!text.contains('\0'));
}

#[test]
fn a_map_edited_in_freeplane_keeps_relmap_ids_and_gives_new_nodes_fresh_ones() {
    let original = storage::example().unwrap();
    let text = export_mm(&original);
    // Freeplane adds a node with its own kind of id, and an icon.
    let edited = text.replacen(
        "</node>\n</map>",
        "<node ID=\"ID_1987654321\" POSITION=\"left\" TEXT=\"Added in Freeplane\"><icon BUILTIN=\"full-3\"/></node>\n</node>\n</map>",
        1,
    );
    let imported = import_text(&edited).unwrap();
    let wb = &imported.workbook;
    let max = original.map.sorted_ids().last().copied().unwrap();
    let added = node(wb, "Added in Freeplane");
    assert_eq!(added.id, NodeId(max.0 + 1));
    assert_eq!(added.tags, ["full-3"]);
    for id in original.map.sorted_ids() {
        assert_eq!(
            wb.map.topic(id).unwrap().title,
            original.map.topic(id).unwrap().title,
            "node {id} keeps its id"
        );
    }
    assert!(
        report_mentions(
            &imported,
            "1 node had no relmap position (it was added in another program)"
        ),
        "{:#?}",
        imported.report
    );
}

#[test]
fn byte_order_marks_missing_declarations_and_old_note_hooks_are_handled() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice("<map version=\"0.7.1\"><node TEXT=\"Caf\u{e9}\"><hook NAME=\"accessories/plugins/NodeNote.properties\"><text>An old note\non two lines</text></hook></node></map>".as_bytes());
    let imported = import_mm(&bytes, Path::new("old.mm")).unwrap();
    let root = imported.workbook.map.topic(NodeId(1)).unwrap();
    assert_eq!(root.title, "Café");
    assert_eq!(root.profile.notes, "An old note\non two lines");
    assert!(imported.report.is_empty(), "{:#?}", imported.report);

    // No declaration and not UTF-8: Windows-1252, with a word in the report.
    let imported = import_mm(
        b"<map><node TEXT=\"Caf\xe9 \x93quoted\x94\"/></map>",
        Path::new("w.mm"),
    )
    .unwrap();
    assert_eq!(
        imported.workbook.map.topic(NodeId(1)).unwrap().title,
        "Café \u{201c}quoted\u{201d}"
    );
    assert!(
        report_mentions(&imported, "Windows-1252"),
        "{:#?}",
        imported.report
    );
}

#[test]
fn several_roots_images_and_bad_values_are_reported() {
    let imported = import_text(
        "<map><node TEXT=\"One\" COLOR=\"blue\"><richcontent TYPE=\"NOTE\"><html><body><p>See<img src=\"x.png\"/></p>\
         </body></html></richcontent><arrowlink DESTINATION=\"ID_self\"/></node><node ID=\"ID_self\" TEXT=\"Two\">\
         <arrowlink DESTINATION=\"ID_self\"/></node></map>",
    )
    .unwrap();
    let wb = &imported.workbook;
    assert_eq!(titles_of_children(wb, wb.map.root()), ["Two"]);
    assert_eq!(
        wb.map.link_count(),
        1,
        "One → Two is kept, Two → Two is not"
    );
    assert_eq!(node(wb, "One").profile.notes, "See");
    for words in [
        "The file has 2 central nodes",
        "1 image in rich text was left out",
        "1 colour was not of the form #rrggbb",
        "arrow link from \"Two\" to itself",
    ] {
        assert!(
            report_mentions(&imported, words),
            "{words}: {:#?}",
            imported.report
        );
    }
}

#[test]
fn cut_and_scrambled_files_never_panic() {
    let names = [
        "freemind-0.9.mm",
        "freemind-1.0.1-attributes.mm",
        "freeplane-1.12.mm",
        "latin1.mm",
        "billion-laughs.mm",
        "xxe.mm",
        "malformed.mm",
    ];
    let noise: &[u8] = b"<>&;\"'#/=x\n\xff\xc3";
    let mut seed: u32 = 0x2545_f491;
    for name in names {
        let bytes = std::fs::read(fixture(name)).unwrap();
        // Every prefix: a file cut off anywhere.
        for end in 0..bytes.len() {
            let _ = import_mm(&bytes[..end], Path::new(name));
        }
        // Bytes overwritten at random places with characters that matter to XML.
        for _ in 0..300 {
            let mut scrambled = bytes.clone();
            for _ in 0..4 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let at = seed as usize % scrambled.len();
                scrambled[at] = noise[(seed >> 8) as usize % noise.len()];
            }
            let _ = import_mm(&scrambled, Path::new(name));
        }
    }
}

#[test]
fn a_large_generated_map_round_trips_quickly() {
    let original = relmap::model::generate(5_000);
    let started = Instant::now();
    let text = export_mm(&original);
    let imported = import_text(&text).unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(
        storage::to_string(&imported.workbook),
        storage::to_string(&original)
    );
    assert!(imported.report.is_empty(), "{:#?}", imported.report);
}

#[test]
fn ids_too_large_for_relmap_are_replaced_by_fresh_ones() {
    let text = export_mm(&storage::example().unwrap())
        .replace("\"ID_2\"", "\"ID_18446744073709551615\"")
        .replacen("ID=\"Arrow_ID_1\"", "ID=\"Arrow_ID_9007199254740991\"", 1);
    let imported = import_text(&text).unwrap();
    let wb = &imported.workbook;
    wb.map.validate().unwrap();
    assert_eq!(
        node(wb, "Governing authority").id,
        NodeId(26),
        "after the largest id kept"
    );
    assert!(wb.map.links().all(|link| link.id.0 < 100));
    assert_eq!(wb.map.link_count(), 2);
    assert!(imported.report.is_empty(), "{:#?}", imported.report);
}
