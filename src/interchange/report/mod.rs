//! The printable plan report: one self-contained HTML5 page that a library director can hand to their board.
//! It holds the same sections, in the same order, as the Markdown export — a title block, the map (as an inline
//! SVG picture), the relationships with their profiles, goals, the reflection, the learning-organization
//! checklist, the action plan, the relationship plan and the balance across constituencies — with print styles
//! for A4 paper: the map on a landscape cover page, the major sections on new pages, table rows never split.
//! It references nothing outside itself: no fonts, images, style sheets or scripts.

mod balance;
mod tables;

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{
    ChecklistItem, MindMap, NodeId, PlanText, Workbook, balance, is_relationship, most_in_need,
};

use super::svg::{self, escape};

/// The style sheet, kept in its own file so that it reads as CSS.
const STYLE: &str = include_str!("report.css");

/// Writes the workbook as a printable HTML report. `today` dates the report and decides what is overdue.
#[must_use]
pub fn to_html_report(workbook: &Workbook, today: NaiveDate) -> String {
    let map = &workbook.map;
    let root_title = map
        .topic(map.root())
        .map_or("Relationship map", |t| t.title.trim());
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>{} — Relationship map and plan</title>",
        line(root_title)
    );
    let _ = write!(out, "<style>\n{STYLE}</style>\n</head>\n<body>\n");

    out.push_str("<div class=\"cover\">\n");
    title_block(&mut out, workbook, root_title, today);
    map_section(&mut out, workbook, today);
    out.push_str("</div>\n");
    tables::relationships(&mut out, map, today);
    goals(&mut out, workbook);
    reflection(&mut out, workbook);
    checklist(&mut out, &workbook.plan.checklist);
    tables::actions(&mut out, workbook, today);
    tables::relationship_plan(&mut out, map, today);
    balance::section(&mut out, map, today);
    out.push_str("</body>\n</html>\n");
    out
}

/// The root's title, what the report is, its date, and the state of things in one sentence.
fn title_block(out: &mut String, workbook: &Workbook, root_title: &str, today: NaiveDate) {
    let map = &workbook.map;
    out.push_str("<header class=\"title-block\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", lines(root_title));
    out.push_str("<p class=\"subtitle\">Relationship map and plan</p>\n");
    let _ = writeln!(
        out,
        "<p class=\"date\">As of <time datetime=\"{today}\">{}</time></p>",
        today.format("%-d %B %Y")
    );
    out.push_str("</header>\n");

    let relationships: Vec<NodeId> = map
        .subtree(map.root())
        .into_iter()
        .filter(|&id| map.topic(id).is_some_and(|t| is_relationship(&t.profile)))
        .collect();
    let overdue = relationships
        .iter()
        .filter(|&&id| {
            map.topic(id)
                .is_some_and(|t| t.profile.overdue_days(today).is_some())
        })
        .count();
    let open: Vec<_> = workbook
        .plan
        .actions
        .iter()
        .filter(|a| a.status.is_open())
        .collect();
    let past_due = open
        .iter()
        .filter(|a| a.due.is_some_and(|d| d < today))
        .count();
    let mut parts = vec![
        count(
            map.children(map.root()).len(),
            "constituency",
            "constituencies",
        ),
        count(relationships.len(), "relationship", "relationships"),
    ];
    parts.push(if overdue > 0 {
        format!(
            "<strong class=\"late\">{} overdue</strong>",
            count(overdue, "contact", "contacts")
        )
    } else {
        "no contact overdue".to_owned()
    });
    let mut actions = count(open.len(), "open action", "open actions");
    if past_due > 0 {
        let _ = write!(
            actions,
            ", <strong class=\"late\">{past_due} past due</strong>"
        );
    }
    parts.push(actions);
    let mut summary = parts.join(" · ");
    let rows = balance(map, today);
    if let Some(worst) = most_in_need(&rows).and_then(|id| rows.iter().find(|r| r.id == id)) {
        let _ = write!(
            summary,
            ". <strong>{}</strong> needs attention most",
            line(&worst.title)
        );
    }
    let _ = writeln!(out, "<p class=\"summary\">{summary}.</p>");
}

/// "1 day" or "3 days".
pub(super) fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

/// "1 thing" or "3 things".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The map as drawn on the canvas, a key to its markers, and the notes of its nodes (which the picture does
/// not show).
fn map_section(out: &mut String, workbook: &Workbook, today: NaiveDate) {
    out.push_str("<section id=\"map\">\n<h2>Map</h2>\n<figure class=\"map\">\n");
    out.push_str(&svg::render(workbook, today, None, false));
    out.push_str("<figcaption>");
    out.push_str("How each relationship is going:");
    for health in crate::model::Health::ALL {
        let _ = write!(
            out,
            "<span class=\"key\" style=\"background:{}\"></span>{}",
            svg::health_colour(health).hex(),
            health.label().to_lowercase()
        );
    }
    out.push_str(
        ". <span class=\"key-late\">12d late</span>next contact overdue by 12 days · 🎯 3 active \
         strategies · <span class=\"key-link\"></span>cross-link · a grey circle counts the nodes of a folded \
         branch.</figcaption>\n</figure>\n",
    );
    notes(out, &workbook.map);
    out.push_str("</section>\n");
}

/// The notes of every node that has some, in map order.
fn notes(out: &mut String, map: &MindMap) {
    let with_notes: Vec<(&str, &str)> = map
        .subtree(map.root())
        .into_iter()
        .filter_map(|id| map.topic(id))
        .filter(|t| !t.profile.notes.trim().is_empty())
        .map(|t| (t.title.as_str(), t.profile.notes.as_str()))
        .collect();
    if with_notes.is_empty() {
        return;
    }
    out.push_str("<h3>Notes on the map</h3>\n<dl class=\"notes\">\n");
    for (title, note) in with_notes {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", line(title), lines(note));
    }
    out.push_str("</dl>\n");
}

fn goals(out: &mut String, workbook: &Workbook) {
    let plan = &workbook.plan;
    out.push_str(
        "<section id=\"goals\" class=\"major\">\n<h2>Goals</h2>\n<div class=\"two-columns\">\n",
    );
    for (title, list) in [
        ("Personal goals", &plan.personal_goals),
        ("Team goals", &plan.team_goals),
    ] {
        let _ = writeln!(out, "<div>\n<h3>{title}</h3>");
        if list.is_empty() {
            out.push_str("<p class=\"none\">None yet.</p>\n");
        } else {
            out.push_str("<ol class=\"goals\">\n");
            for goal in list {
                let _ = writeln!(out, "<li>{}</li>", lines(goal));
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n</section>\n");
}

fn reflection(out: &mut String, workbook: &Workbook) {
    out.push_str("<section id=\"reflection\">\n<h2>Reflection</h2>\n");
    for field in [PlanText::Reflection, PlanText::Tracking, PlanText::Success] {
        let text = workbook.plan.text(field).trim();
        let _ = writeln!(out, "<h3>{}</h3>", escape(field.label()));
        if text.is_empty() {
            out.push_str("<p class=\"none\">Not written yet.</p>\n");
        } else {
            let _ = writeln!(out, "<blockquote>{}</blockquote>", lines(text));
        }
    }
    out.push_str("</section>\n");
}

fn checklist(out: &mut String, items: &[ChecklistItem]) {
    out.push_str("<section id=\"checklist\">\n<h2>Learning organization checklist</h2>\n");
    if items.is_empty() {
        out.push_str("<p class=\"none\">No characteristics listed.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>Characteristic</th><th class=\"mark\">Well represented</th>\
         <th class=\"mark\">Want to improve</th><th>Note</th></tr></thead>\n<tbody>\n",
    );
    for item in items {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"mark\">{}</td><td class=\"mark\">{}</td><td>{}</td></tr>",
            lines(&item.text),
            tick(item.well_represented),
            tick(item.want_to_improve),
            lines(&item.note)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// A tick that screen readers read as "yes"; nothing when off.
fn tick(on: bool) -> &'static str {
    if on {
        "<span aria-label=\"yes\">✔</span>"
    } else {
        ""
    }
}

/// User text on one line: escaped, trimmed, line breaks as spaces.
pub(super) fn line(text: &str) -> String {
    escape(&text.trim().replace(['\r', '\n'], " "))
}

/// User text of several lines: escaped and trimmed, each line break kept as `<br>`.
pub(super) fn lines(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| escape(l.trim_end()))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// The first-level constituency a node belongs to, by title, looked up in the map's
/// [`MindMap::branch_table`].
pub(super) fn constituency<'m>(
    map: &'m MindMap,
    branches: &HashMap<NodeId, NodeId>,
    id: NodeId,
) -> Option<&'m str> {
    branches
        .get(&id)
        .and_then(|&branch| map.topic(branch))
        .map(|t| t.title.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_escaped_and_keeps_its_lines() {
        assert_eq!(lines(" a<b\n&c \n"), "a&lt;b<br>&amp;c");
        assert_eq!(line("x\ny\"z"), "x y&quot;z");
        assert_eq!(count(1, "item", "items"), "1 item");
        assert_eq!(count(2, "item", "items"), "2 items");
    }
}
