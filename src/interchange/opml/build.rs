//! From the parsed outlines to a workbook: the central node, ids, folds from `expansionState`, positions, and
//! the report of what changed on the way.
//!
//! Nodes get fresh ids from 1 in document order; when the file has several top-level outlines (or none), the
//! new central node is node 1 and the outlines follow from 2.

use std::collections::BTreeSet;
use std::path::Path;

use crate::interchange::freemind::place;
use crate::model::{MindMap, NodeId, NodeKind, Plan, Topic, Workbook};

use super::import::{Outline, Parsed};
use super::{ImportError, Imported, counted, listed};

/// The title of a new central node when neither the file's title nor its name gives one.
const UNTITLED: &str = "Outline";

pub(super) fn build(parsed: Parsed, path: &Path) -> Result<Imported, ImportError> {
    let Parsed {
        outlines,
        top,
        title,
        expansion,
        mut report,
        html_titles,
        attributes,
        ignored,
        head_fields,
    } = parsed;
    let folded = folds(&outlines, &top, expansion.as_deref(), &mut report);

    // With one top-level outline, that outline is the centre; otherwise a new centre holds them all.
    let single = (top.len() == 1).then(|| top[0]);
    let first_id = if single.is_some() { 1 } else { 2 };
    let id_of = |index: usize| NodeId(index as u64 + first_id);
    let mut parts = Vec::with_capacity(outlines.len() + 1);
    let root = if let Some(index) = single {
        id_of(index)
    } else {
        let (centre, source) = centre_title(title, path);
        report.push(if top.is_empty() {
            format!(
                "The file's outline is empty, so the map has only a central node, titled \"{centre}\" \
                 after {source}."
            )
        } else {
            format!(
                "The file has {} top-level outlines; relmap has one central node, so a new one titled \
                 \"{centre}\" (after {source}) holds them.",
                top.len()
            )
        });
        let topic = Topic::new(NodeId(1), centre, NodeKind::Center);
        parts.push((topic, top.iter().map(|&index| id_of(index)).collect()));
        NodeId(1)
    };
    for (index, outline) in outlines.into_iter().enumerate() {
        let Outline {
            children,
            title,
            notes,
            link,
        } = outline;
        let kind = if single == Some(index) {
            NodeKind::Center
        } else {
            NodeKind::Topic
        };
        let mut topic = Topic::new(id_of(index), title, kind);
        topic.folded = folded[index];
        topic.link = link;
        topic.profile.notes = notes;
        parts.push((topic, children.into_iter().map(id_of).collect()));
    }

    let (mut map, mut problems) = MindMap::from_parts(root, parts, Vec::new());
    if let Err(more) = map.validate() {
        problems.extend(more);
    }
    if !problems.is_empty() {
        // The tree comes straight from the nesting of the XML, so this would be a bug in this module.
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(ImportError::NotOpml {
            path: path.to_owned(),
            reason: format!("its outlines do not form a tree: {}", problems.join("; ")),
        });
    }
    place::place(&mut map, &|_| None);

    summarize(
        &mut report,
        html_titles,
        &attributes,
        &ignored,
        &head_fields,
    );
    Ok(Imported {
        workbook: Workbook {
            map,
            plan: Plan::default(),
            arrangement: crate::model::Arrangement::Tree,
        },
        report,
    })
}

/// The title of a new central node, and where it came from in words.
fn centre_title(title: Option<String>, path: &Path) -> (String, &'static str) {
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        return (title, "the file's title");
    }
    match path
        .file_stem()
        .map(|stem| stem.to_string_lossy().trim().to_owned())
    {
        Some(stem) if !stem.is_empty() => (stem, "the file's name"),
        _ => (
            UNTITLED.to_owned(),
            "nothing, as the file has neither a title nor a name",
        ),
    }
}

/// Which outlines are folded. Without an `expansionState` none is. With one, an outline with children is
/// unfolded when its line is listed and folded when it is not; lines count from 0 and only visible lines count,
/// so the outlines inside a folded one have no line and stay unfolded.
fn folds(
    outlines: &[Outline],
    top: &[usize],
    expansion: Option<&str>,
    report: &mut Vec<String>,
) -> Vec<bool> {
    let mut folded = vec![false; outlines.len()];
    let Some(text) = expansion else {
        return folded;
    };
    let (expanded, bad) = expansion_lines(text);
    if bad > 0 {
        if expanded.is_empty() {
            report.push(
                "The file's list of expanded lines (expansionState) holds no line numbers, so every outline \
                 was unfolded."
                    .to_owned(),
            );
            return folded;
        }
        report.push(format!(
            "{} in the file's list of expanded lines (expansionState) {} not line numbers and {} skipped.",
            counted(bad, "entry", "entries"),
            if bad == 1 { "is" } else { "are" },
            if bad == 1 { "was" } else { "were" },
        ));
    }
    let mut line = 0_usize;
    let mut stack: Vec<usize> = top.iter().rev().copied().collect();
    while let Some(index) = stack.pop() {
        let open = expanded.contains(&line);
        line += 1;
        let children = &outlines[index].children;
        if !children.is_empty() {
            folded[index] = !open;
            if open {
                stack.extend(children.iter().rev());
            }
        }
    }
    folded
}

/// The line numbers of an `expansionState`, and how many entries were not line numbers. Empty entries (such
/// as after a trailing comma) are not counted as wrong.
fn expansion_lines(text: &str) -> (BTreeSet<usize>, usize) {
    let mut lines = BTreeSet::new();
    let mut bad = 0;
    for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        match entry.parse::<usize>() {
            Ok(line) => {
                lines.insert(line);
            }
            Err(_) => bad += 1,
        }
    }
    (lines, bad)
}

fn summarize(
    report: &mut Vec<String>,
    html_titles: usize,
    attributes: &std::collections::BTreeMap<String, usize>,
    ignored: &std::collections::BTreeMap<String, usize>,
    head_fields: &BTreeSet<String>,
) {
    if html_titles > 0 {
        report.push(format!(
            "{} formatted with HTML; the formatting was removed, as relmap titles are plain text.",
            if html_titles == 1 {
                "1 title was".to_owned()
            } else {
                format!("{html_titles} titles were")
            }
        ));
    }
    let attribute_count: usize = attributes.values().sum();
    if attribute_count > 0 {
        let names: Vec<String> = attributes.keys().cloned().collect();
        report.push(format!(
            "{} relmap has no field for ({}) {} added to the notes as \"name: value\" lines.",
            counted(attribute_count, "attribute", "attributes"),
            names.join(", "),
            if attribute_count == 1 { "was" } else { "were" },
        ));
    }
    let ignored_count: usize = ignored.values().sum();
    if ignored_count > 0 {
        let names: Vec<String> = ignored.keys().map(|name| format!("<{name}>")).collect();
        report.push(format!(
            "{} that OPML does not define ({}) {} ignored.",
            counted(ignored_count, "element", "elements"),
            names.join(", "),
            if ignored_count == 1 { "was" } else { "were" },
        ));
    }
    if !head_fields.is_empty() {
        let names: Vec<String> = head_fields.iter().cloned().collect();
        report.push(format!(
            "The file's header also gives {}, which relmap does not keep.",
            listed(&names)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(children: &[usize]) -> Outline {
        Outline {
            children: children.to_vec(),
            ..Outline::default()
        }
    }

    #[test]
    fn expansion_state_entries_are_line_numbers() {
        let (lines, bad) = expansion_lines(" 0, 2,5 ,,x, -1,");
        assert_eq!(lines.into_iter().collect::<Vec<_>>(), [0, 2, 5]);
        assert_eq!(bad, 2);
    }

    #[test]
    fn only_visible_lines_are_counted() {
        // 0 ─┬─ 1 ─── 2
        //    └─ 3 ─── 4
        // 5 ─── 6
        let outlines = vec![
            outline(&[1, 3]),
            outline(&[2]),
            outline(&[]),
            outline(&[4]),
            outline(&[]),
            outline(&[6]),
            outline(&[]),
        ];
        let top = [0, 5];
        let mut report = Vec::new();
        // Line 0 is outline 0, open; line 1 is outline 1, folded, so its child has no line; line 2 is
        // outline 3, open; line 3 is outline 4; line 4 is outline 5, not listed.
        let folded = folds(&outlines, &top, Some("0,2"), &mut report);
        assert_eq!(folded, [false, true, false, false, false, true, false]);
        assert!(report.is_empty());
        assert_eq!(
            folds(&outlines, &top, None, &mut report),
            [false; 7],
            "without an expansionState everything is open"
        );
        assert_eq!(
            folds(&outlines, &top, Some(""), &mut report),
            [true, false, false, false, false, true, false],
            "an empty list opens nothing; what is hidden stays unfolded"
        );
        assert_eq!(folds(&outlines, &top, Some("all"), &mut report), [false; 7]);
        assert!(report[0].contains("holds no line numbers"), "{report:?}");
    }

    #[test]
    fn a_new_centre_is_titled_after_the_file() {
        assert_eq!(
            centre_title(Some("Reading list".to_owned()), Path::new("a/b.opml")).0,
            "Reading list"
        );
        assert_eq!(
            centre_title(Some(String::new()), Path::new("a/books.opml")).0,
            "books"
        );
        assert_eq!(centre_title(None, Path::new("")).0, UNTITLED);
    }
}
