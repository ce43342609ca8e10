//! The Markdown export of the filled-in example map: a snapshot of the whole text (reviewed by hand when it
//! changes, with `cargo insta review` or by reading the `.snap` file), and checks that every section of the
//! worksheet is there and that Markdown markup in user text cannot break the document.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use relmap::document::{Document, EditCommand};
use relmap::interchange::to_markdown;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

#[test]
fn the_example_map_as_markdown() {
    let workbook = relmap::storage::example().unwrap();
    insta::assert_snapshot!(to_markdown(&workbook, today()));
}

#[test]
fn every_section_of_the_worksheet_is_there() {
    let text = to_markdown(&relmap::storage::example().unwrap(), today());
    for heading in [
        "# Maria Lopez, director",
        "## Map",
        "## Relationships",
        "## Goals",
        "### Personal goals",
        "### Team goals",
        "## Reflection",
        "### What's working",
        "## Learning organization checklist",
        "## Action plan",
        "## Relationship plan",
        "## Balance across constituencies",
    ] {
        assert!(
            text.lines().any(|line| line == heading),
            "no line {heading:?} in\n{text}"
        );
    }
}

#[test]
fn markup_typed_into_a_title_stays_text() {
    let mut doc = Document::new(relmap::storage::starter().unwrap(), None);
    let root = doc.workbook().map.root();
    doc.apply(EditCommand::Rename {
        id: root,
        title: "# Not | a *heading*\nsecond line".to_owned(),
    })
    .unwrap();
    let text = to_markdown(doc.workbook(), today());
    assert!(
        text.starts_with("# \\# Not \\| a \\*heading\\* second line\n"),
        "{text}"
    );
}
