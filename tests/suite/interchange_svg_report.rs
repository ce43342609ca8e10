//! The SVG picture of the map and the printable HTML report of the filled-in example: snapshots of both
//! (reviewed by hand when they change, with `cargo insta review` or by reading the `.snap` files), and checks
//! that the picture is well-formed XML showing exactly the visible nodes, that user text cannot break either
//! file, and that the report is self-contained, complete and marks what is overdue.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use quick_xml::Reader;
use quick_xml::events::Event;
use relmap::interchange::{ExportFormat, export, to_html_report, to_svg};
use relmap::model::{NodeId, Workbook};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

fn example() -> Workbook {
    relmap::storage::example().unwrap()
}

/// Reads an XML document through to its end and returns the text of every element, unescaped.
fn texts_of(xml: &str) -> Vec<String> {
    let mut reader = Reader::from_str(xml);
    let mut texts = Vec::new();
    let mut current = String::new();
    let mut depth = 0_i32;
    let mut flush = |current: &mut String| {
        if !current.trim().is_empty() {
            texts.push(current.clone());
        }
        current.clear();
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                flush(&mut current);
                depth += 1;
            }
            Ok(Event::End(_)) => {
                flush(&mut current);
                depth -= 1;
            }
            Ok(Event::Empty(_)) => flush(&mut current),
            Ok(Event::Text(text)) => current.push_str(&text.xml10_content().unwrap()),
            Ok(Event::GeneralRef(reference)) => {
                // quick-xml hands entity references over on their own; glue them back into the text.
                let name = reference.decode().unwrap().into_owned();
                let c = match name.as_str() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    number => number
                        .strip_prefix('#')
                        .and_then(|n| n.parse().ok())
                        .and_then(char::from_u32)
                        .unwrap_or_else(|| panic!("unexpected entity {number}")),
                };
                current.push(c);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!(
                "not well-formed at {}: {error}\n{xml}",
                reader.buffer_position()
            ),
        }
    }
    flush(&mut current);
    assert_eq!(depth, 0, "unclosed elements");
    texts
}

/// Every line of text drawn in the picture, joined back together per element.
fn joined(xml: &str) -> String {
    texts_of(xml).join("\n")
}

#[test]
fn the_example_map_as_svg() {
    insta::assert_snapshot!(to_svg(&example(), today(), None));
}

#[test]
fn the_example_map_as_an_html_report() {
    insta::assert_snapshot!(to_html_report(&example(), today()));
}

#[test]
fn the_picture_is_well_formed_and_shows_every_visible_title() {
    let workbook = example();
    let svg = to_svg(&workbook, today(), None);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""));
    assert!(svg.contains("font-family=\"Ubuntu, 'Noto Sans', sans-serif\""));
    let text = joined(&svg);
    for topic in workbook.map.topics() {
        // A long title is wrapped over several lines: every word of it is there.
        for word in topic.title.split_whitespace() {
            assert!(
                text.contains(word),
                "{word:?} of {:?} is missing",
                topic.title
            );
        }
    }
    for label in ["same people, two roles", "budget questions"] {
        assert!(text.contains(label), "{label}");
    }
    assert!(
        text.contains("61d late"),
        "Community's overdue badge: {text}"
    );
    assert!(svg.contains("stroke-dasharray"), "cross-links are dashed");
}

#[test]
fn the_picture_is_the_same_every_time_and_rounds_to_one_decimal() {
    let workbook = example();
    let svg = to_svg(&workbook, today(), None);
    assert_eq!(svg, to_svg(&workbook, today(), None));
    for number in svg
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|n| n.contains('.'))
    {
        let decimals = number.rsplit('.').next().unwrap();
        assert!(decimals.len() <= 1, "{number} has more than one decimal");
    }
    let view_box = svg.split("viewBox=\"").nth(1).unwrap();
    let numbers: Vec<f32> = view_box
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    // The content reaches from the profession branch on the left to the board on the right.
    assert!(
        numbers[0] < -400.0 && numbers[0] + numbers[2] > 400.0,
        "{numbers:?}"
    );
    assert!(svg.contains(&format!("width=\"{}px\"", numbers[2])));
    for external in ["href", "url(", "<image", "<script", "@import"] {
        assert!(!svg.contains(external), "{external}");
    }
}

#[test]
fn a_folded_branch_hides_its_nodes_and_counts_them() {
    let mut workbook = example();
    let community = NodeId(4);
    workbook.map.topic_mut(community).unwrap().folded = true;
    let text = joined(&to_svg(&workbook, today(), None));
    assert!(text.contains("Community"));
    for hidden in ["Civic clubs", "Faith-based groups", "Nonprofits", "Media"] {
        assert!(!text.contains(hidden), "{hidden} is inside a folded branch");
    }
    assert!(
        text.lines().any(|line| line == "7"),
        "the badge counts seven hidden nodes: {text}"
    );
    assert!(
        !text.contains("same people, two roles"),
        "a cross-link to a hidden node is hidden too"
    );
}

#[test]
fn a_selection_shows_only_the_selected_nodes() {
    let workbook = example();
    // Governing authority, its board and the administrative team, which the board links to.
    let selection = [NodeId(2), NodeId(7), NodeId(10)];
    let svg = to_svg(&workbook, today(), Some(&selection));
    let text = joined(&svg);
    for shown in [
        "Governing authority",
        "Board of trustees",
        "Administrative team",
        "budget questions",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    for left_out in [
        "Maria Lopez",
        "Staff",
        "City council",
        "Community",
        "same people",
    ] {
        assert!(!text.contains(left_out), "{left_out}: {text}");
    }
    // One tree link (governing authority → board), one cross-link; no link from the centre.
    assert_eq!(svg.matches(" C").count(), 1, "{svg}");
    assert_eq!(svg.matches("stroke-dasharray").count(), 1, "{svg}");
}

fn with_markup() -> Workbook {
    let mut workbook = example();
    let root = workbook.map.root();
    workbook.map.topic_mut(root).unwrap().title =
        String::from("<script>alert(\"x\")</script> Tom & Jerry's");
    workbook.map.topic_mut(NodeId(7)).unwrap().title = String::from("Board <b>&amp;</b>");
    workbook
        .plan
        .personal_goals
        .push("Goal with <i>markup</i> & \"quotes\"".to_owned());
    workbook.plan.actions[0].who = String::from("<img src=x onerror=alert(1)>");
    workbook
}

#[test]
fn markup_in_user_text_stays_text_in_the_picture() {
    let svg = to_svg(&with_markup(), today(), None);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<b>"));
    let text = joined(&svg);
    assert!(text.contains("<script>alert(\"x\")</script>"), "{text}");
    assert!(text.contains("Tom & Jerry's"), "{text}");
    assert!(text.contains("Board <b>&amp;</b>"), "{text}");
}

#[test]
fn markup_in_user_text_stays_text_in_the_report() {
    let html = to_html_report(&with_markup(), today());
    for raw in ["<script", "<b>", "<i>", "<img"] {
        assert!(!html.contains(raw), "{raw} got through");
    }
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry&#39;s")
    );
    assert!(html.contains("Board &lt;b&gt;&amp;amp;&lt;/b&gt;"));
    assert!(html.contains("Goal with &lt;i&gt;markup&lt;/i&gt; &amp; &quot;quotes&quot;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn the_report_is_self_contained() {
    let html = to_html_report(&example(), today());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    // The example's user text has no web addresses, so none may appear at all.
    for external in [
        "http://",
        "https://",
        "src=",
        "href=",
        "<link",
        "<script",
        "@import",
        "url(",
        "@font-face",
    ] {
        assert!(!html.contains(external), "{external}");
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("@page { size: A4; margin: 15mm; }"));
}

#[test]
fn the_report_holds_every_section_of_the_worksheet() {
    let html = to_html_report(&example(), today());
    for heading in [
        "<h1>Maria Lopez, director</h1>",
        "Relationship map and plan",
        "28 November 2026",
        "<h2>Map</h2>",
        "<h2>Relationships</h2>",
        "<h2>Goals</h2>",
        "<h3>Personal goals</h3>",
        "<h3>Team goals</h3>",
        "<h2>Reflection</h2>",
        "<h3>What&#39;s working</h3>",
        "<h3>How I plan my time and track progress</h3>",
        "<h3>How I know I am successful</h3>",
        "<h2>Learning organization checklist</h2>",
        "<h2>Action plan</h2>",
        "<h2>Relationship plan</h2>",
        "<h2>Balance across constituencies</h2>",
    ] {
        assert!(html.contains(heading), "no {heading:?}");
    }
    // In the order of the Markdown export.
    let at = |needle: &str| html.find(needle).unwrap();
    assert!(at("<h2>Map</h2>") < at("<h2>Relationships</h2>"));
    assert!(at("<h2>Relationships</h2>") < at("<h2>Goals</h2>"));
    assert!(at("<h2>Goals</h2>") < at("<h2>Reflection</h2>"));
    assert!(at("<h2>Reflection</h2>") < at("<h2>Learning organization checklist</h2>"));
    assert!(at("<h2>Learning organization checklist</h2>") < at("<h2>Action plan</h2>"));
    assert!(at("<h2>Action plan</h2>") < at("<h2>Relationship plan</h2>"));
    assert!(at("<h2>Relationship plan</h2>") < at("<h2>Balance across constituencies</h2>"));
    // The map is drawn inline, without the namespace a separate file needs.
    assert!(html.contains("<svg width=\""));
    assert_eq!(
        html.matches("<svg").count(),
        1 + 2 * 5,
        "the map and two bars per constituency"
    );
}

#[test]
fn overdue_contacts_and_past_due_actions_are_marked() {
    let html = to_html_report(&example(), today());
    let table = |id: &str| {
        let start = html.find(&format!("<section id=\"{id}\"")).unwrap();
        let end = start + html[start..].find("</section>").unwrap();
        html[start..end].to_owned()
    };
    // On 28 November: staff (weekly, last 2 November), branch staff (monthly, last 20 October), community
    // (monthly, last 28 August) and the city council (quarterly, last 3 June) are overdue.
    let plan = table("relationship-plan");
    let overdue: Vec<&str> = plan
        .lines()
        .filter(|l| l.starts_with("<tr class=\"overdue\">"))
        .collect();
    assert_eq!(overdue.len(), 4, "{plan}");
    assert!(
        overdue
            .iter()
            .any(|l| l.contains("<td>Community</td>") && l.contains("overdue by 61 days"))
    );
    assert!(
        overdue
            .iter()
            .any(|l| l.contains("<td>City council</td>") && l.contains("overdue by 86 days"))
    );
    // The one-on-ones were due on 20 November and are still planned; the board update is done.
    let actions = table("actions");
    let late: Vec<&str> = actions
        .lines()
        .filter(|l| l.starts_with("<tr class=\"overdue\">"))
        .collect();
    assert_eq!(late.len(), 1, "{actions}");
    assert!(late[0].contains("One-on-ones with the two newer trustees"));
    assert!(late[0].contains("overdue by 8 days"));
    assert!(actions.contains("<tr class=\"closed\"><td>Send the November board update"));
    // The constituency that needs attention most stands out in the balance.
    let balance = table("balance");
    let worst: Vec<&str> = balance
        .lines()
        .filter(|l| l.starts_with("<tr class=\"worst\">"))
        .collect();
    assert_eq!(worst.len(), 1, "{balance}");
    assert!(worst[0].contains("Community") && worst[0].contains("Needs attention most"));
}

#[test]
fn both_formats_are_offered_for_export() {
    let workbook = example();
    let svg = export(ExportFormat::Svg, &workbook, today()).unwrap();
    assert_eq!(svg.bytes, to_svg(&workbook, today(), None).into_bytes());
    assert!(svg.warnings.is_empty());
    let html = export(
        ExportFormat::from_name("report").unwrap(),
        &workbook,
        today(),
    )
    .unwrap();
    assert_eq!(html.bytes, to_html_report(&workbook, today()).into_bytes());
    assert_eq!(ExportFormat::Html.extension(), "html");
    assert_eq!(ExportFormat::Svg.label(), "SVG picture of the map (.svg)");
}
