//! The report's parts that list relationships and actions: a card per relationship with its whole profile, the
//! action plan and the relationship plan table. Overdue contacts and past-due open actions are marked in words
//! and in colour, so they stand out on a black-and-white printout too.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{
    ActionStatus, Frequency, MindMap, NodeId, Profile, StrategyStatus, Workbook, is_relationship,
};

use super::{constituency, days, line, lines};
use crate::interchange::svg::{branch_colour_in, health_colour};

/// Every node with something in its profile besides notes, in map order, as a card with all of it.
pub(super) fn relationships(out: &mut String, map: &MindMap, today: NaiveDate) {
    let with_profile: Vec<NodeId> = map
        .subtree(map.root())
        .into_iter()
        .filter(|&id| map.topic(id).is_some_and(|t| has_details(&t.profile)))
        .collect();
    if with_profile.is_empty() {
        return;
    }
    let branches = map.branch_table();
    out.push_str("<section id=\"relationships\" class=\"major\">\n<h2>Relationships</h2>\n");
    out.push_str("<div class=\"cards\">\n");
    for id in with_profile {
        let Some(topic) = map.topic(id) else { continue };
        let p = &topic.profile;
        let late = p.overdue_days(today);
        let _ = writeln!(
            out,
            "<article class=\"relationship{}\" style=\"--branch:{}\">",
            if late.is_some() { " overdue" } else { "" },
            branch_colour_in(map, id, branches.get(&id).copied()).hex()
        );
        let icon = topic
            .icon
            .map_or(String::new(), |icon| format!("{} ", icon.glyph()));
        let _ = writeln!(out, "<h3>{icon}{}</h3>", lines(&topic.title));
        let mut place = topic.kind.label().to_owned();
        if let Some(branch) = constituency(map, &branches, id).filter(|&b| b != topic.title) {
            let _ = write!(place, " in {}", line(branch));
        }
        let _ = writeln!(out, "<div class=\"where\">{place}</div>\n<dl>");
        if p.frequency != Frequency::None {
            let suggested = if p.frequency_suggested {
                " (suggested)"
            } else {
                ""
            };
            field(
                out,
                "How often",
                &format!("{}{suggested}", p.frequency.label()),
            );
        }
        field(
            out,
            "How it is going",
            &format!(
                "<span class=\"dot\" style=\"background:{}\"></span>{}",
                health_colour(p.health).hex(),
                p.health.label()
            ),
        );
        text_field(out, "What makes it work", &p.what_works);
        text_field(out, "What to improve", &p.to_improve);
        if let Some(last) = p.last_contact() {
            field(out, "Last contact", &last.to_string());
        }
        if let Some(due) = p.next_due() {
            let next = match late {
                Some(late_by) => format!(
                    "{due} <span class=\"late\">overdue by {}</span>",
                    days(late_by)
                ),
                None => due.to_string(),
            };
            field(out, "Next contact", &next);
        }
        if !p.people.is_empty() {
            let people: Vec<String> = p
                .people
                .iter()
                .map(|person| {
                    let interests = if person.interests.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", line(&person.interests))
                    };
                    format!("<strong>{}</strong>{interests}", line(&person.name))
                })
                .collect();
            field(out, "Key people", &list(&people));
        }
        if !p.strategies.is_empty() {
            let strategies: Vec<String> = p
                .strategies
                .iter()
                .map(|s| strategy(&s.text, s.status))
                .collect();
            field(out, "Strategies", &list(&strategies));
        }
        if !p.success_measures.is_empty() {
            let measures: Vec<String> = p.success_measures.iter().map(|m| lines(m)).collect();
            field(out, "Success measures", &list(&measures));
        }
        if !p.contacts.is_empty() {
            let mut contacts: Vec<_> = p.contacts.iter().collect();
            contacts.sort_by_key(|c| std::cmp::Reverse(c.date));
            let log: Vec<String> = contacts
                .iter()
                .map(|c| {
                    if c.note.trim().is_empty() {
                        c.date.to_string()
                    } else {
                        format!("{} — {}", c.date, line(&c.note))
                    }
                })
                .collect();
            field(out, "Contact log", &list(&log));
        }
        out.push_str("</dl>\n</article>\n");
    }
    out.push_str("</div>\n</section>\n");
}

/// Whether a profile holds more than notes (the notes are listed under the map).
fn has_details(p: &Profile) -> bool {
    let mut without_notes = p.clone();
    without_notes.notes.clear();
    !without_notes.is_empty()
}

/// A term and its description; `html` is already escaped.
fn field(out: &mut String, term: &str, html: &str) {
    let _ = writeln!(out, "<dt>{term}</dt><dd>{html}</dd>");
}

/// A term and its user-written text, when there is some.
fn text_field(out: &mut String, term: &str, text: &str) {
    if !text.trim().is_empty() {
        field(out, term, &lines(text));
    }
}

/// A bulleted list of items that are already escaped.
fn list(items: &[String]) -> String {
    let mut html = String::from("<ul>");
    for item in items {
        let _ = write!(html, "<li>{item}</li>");
    }
    html.push_str("</ul>");
    html
}

/// A strategy; a done one is greyed and ticked.
fn strategy(text: &str, status: StrategyStatus) -> String {
    match status {
        StrategyStatus::Active => lines(text),
        StrategyStatus::Done => format!("<span class=\"done\">✔ {} (done)</span>", lines(text)),
    }
}

/// The action plan: step, who, due date (open items past it are marked), status and the node it concerns.
pub(super) fn actions(out: &mut String, workbook: &Workbook, today: NaiveDate) {
    let map = &workbook.map;
    out.push_str("<section id=\"actions\" class=\"major\">\n<h2>Action plan</h2>\n");
    if workbook.plan.actions.is_empty() {
        out.push_str("<p class=\"none\">No actions yet.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>Step</th><th>Who</th><th class=\"nowrap\">Due</th><th>Status</th>\
         <th>Linked node</th></tr></thead>\n<tbody>\n",
    );
    for action in &workbook.plan.actions {
        let overdue = action.status.is_open() && action.due.is_some_and(|due| due < today);
        let class = if overdue {
            " class=\"overdue\""
        } else if action.status.is_open() {
            ""
        } else {
            " class=\"closed\""
        };
        let due = match action.due {
            Some(due) if overdue => {
                let late_by = (today - due).num_days();
                format!(
                    "{due}<br><span class=\"late\">overdue by {}</span>",
                    days(late_by)
                )
            }
            Some(due) => due.to_string(),
            None => String::new(),
        };
        let node = match action.node {
            Some(id) => map.topic(id).map_or_else(
                || "<span class=\"none\">(node removed)</span>".to_owned(),
                |t| line(&t.title),
            ),
            None => String::new(),
        };
        let status = if action.status == ActionStatus::Done {
            format!("✔ {}", action.status.label())
        } else {
            action.status.label().to_owned()
        };
        let _ = writeln!(
            out,
            "<tr{class}><td>{}</td><td>{}</td><td class=\"nowrap\">{due}</td><td>{status}</td><td>{node}</td></tr>",
            lines(&action.step),
            line(&action.who),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Every node tended as a relationship, in map order: how often, how, how success is measured, the last
/// contact and when the next is due.
pub(super) fn relationship_plan(out: &mut String, map: &MindMap, today: NaiveDate) {
    out.push_str("<section id=\"relationship-plan\">\n<h2>Relationship plan</h2>\n");
    let rows: Vec<NodeId> = map
        .subtree(map.root())
        .into_iter()
        .filter(|&id| map.topic(id).is_some_and(|t| is_relationship(&t.profile)))
        .collect();
    if rows.is_empty() {
        out.push_str(
            "<p class=\"none\">No node has a frequency or strategies yet.</p>\n</section>\n",
        );
        return;
    }
    let branches = map.branch_table();
    out.push_str(
        "<table class=\"plan\">\n<thead><tr><th>Node</th><th>Constituency</th><th>Frequency</th><th>Strategies</th>\
         <th>Success measures</th><th>Last contact</th><th>Next due</th>\
         </tr></thead>\n<tbody>\n",
    );
    for id in rows {
        let Some(topic) = map.topic(id) else { continue };
        let p = &topic.profile;
        let late = p.overdue_days(today);
        let strategies: Vec<String> = p
            .strategies
            .iter()
            .map(|s| strategy(&s.text, s.status))
            .collect();
        let measures: Vec<String> = p.success_measures.iter().map(|m| lines(m)).collect();
        let next = match (p.next_due(), late) {
            (Some(due), Some(late_by)) => format!(
                "<span class=\"date\">{due}</span><br><span class=\"late\">overdue by {}</span>",
                days(late_by)
            ),
            (Some(due), None) => format!("<span class=\"date\">{due}</span>"),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"date\">{}</td>\
             <td>{next}</td></tr>",
            if late.is_some() {
                " class=\"overdue\""
            } else {
                ""
            },
            lines(&topic.title),
            constituency(map, &branches, id)
                .map(line)
                .unwrap_or_default(),
            p.frequency.label(),
            if strategies.is_empty() {
                String::new()
            } else {
                list(&strategies)
            },
            if measures.is_empty() {
                String::new()
            } else {
                list(&measures)
            },
            p.last_contact().map(|d| d.to_string()).unwrap_or_default(),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}
