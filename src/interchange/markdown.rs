//! Markdown export: the map as a nested list, then every section of the worksheet — the relationships with
//! their profiles, goals, what's working, the learning-organization checklist, the action plan, the
//! relationship plan and the balance across constituencies. Plain `CommonMark` with pipe tables, so it reads well
//! as text and renders on any Markdown site.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{
    ActionStatus, ChecklistItem, MindMap, NodeId, PlanText, Profile, StrategyStatus, Workbook,
    balance, is_relationship,
};

/// The deepest indentation of the map's nested list, in levels (see `map_list`). Markdown viewers stop
/// showing nesting long before this.
const MAX_INDENT: usize = 40;

/// Writes the workbook as Markdown. `today` dates the report and decides what is overdue.
#[must_use]
pub fn to_markdown(workbook: &Workbook, today: NaiveDate) -> String {
    let map = &workbook.map;
    let mut out = String::new();
    let root_title = map
        .topic(map.root())
        .map_or("Relationship map", |t| t.title.as_str());
    let _ = writeln!(out, "# {}\n", inline(root_title));
    let _ = writeln!(out, "_Relationship map and plan, as of {today}._\n");

    out.push_str("## Map\n\n");
    map_list(&mut out, map);

    relationships(&mut out, map, today);
    goals(&mut out, workbook);
    reflection(&mut out, workbook);
    checklist(&mut out, &workbook.plan.checklist);
    actions(&mut out, workbook, today);
    relationship_plan(&mut out, map, today);
    balance_section(&mut out, map, today);
    out
}

/// The tree as a nested list, depth first, children in their order; notes follow their node, indented.
///
/// Lists are indented by two spaces a level, but never by more than [`MAX_INDENT`] levels: the indentation of a
/// very deep map would otherwise grow with the square of its depth (a chain of 200,000 nodes took tens of
/// gigabytes). A node deeper than that is listed at the deepest indentation, its level written before its
/// title, so the text still says where it belongs.
fn map_list(out: &mut String, map: &MindMap) {
    // An explicit stack: deep maps must not overflow the call stack.
    let mut stack: Vec<(NodeId, usize)> = vec![(map.root(), 0)];
    while let Some((id, depth)) = stack.pop() {
        let Some(topic) = map.topic(id) else { continue };
        let indent = "  ".repeat(depth.min(MAX_INDENT));
        let level = if depth > MAX_INDENT {
            format!("(level {}) ", depth + 1)
        } else {
            String::new()
        };
        let mut line = format!("{indent}- {level}{}", inline(&topic.title));
        if let Some(icon) = topic.icon {
            let _ = write!(line, " {}", icon.glyph());
        }
        out.push_str(&line);
        out.push('\n');
        for note in topic.profile.notes.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "{indent}  > {}", inline(note));
        }
        for &child in map.children(id).iter().rev() {
            stack.push((child, depth + 1));
        }
    }
    out.push('\n');
}

/// Every node with something in its profile, in map order, with all of it.
fn relationships(out: &mut String, map: &MindMap, today: NaiveDate) {
    let with_profile: Vec<NodeId> = map
        .subtree(map.root())
        .into_iter()
        .filter(|&id| map.topic(id).is_some_and(|t| has_details(&t.profile)))
        .collect();
    if with_profile.is_empty() {
        return;
    }
    out.push_str("## Relationships\n\n");
    let branches = map.branch_table();
    for id in with_profile {
        let Some(topic) = map.topic(id) else { continue };
        let p = &topic.profile;
        let _ = writeln!(out, "### {}\n", inline(&topic.title));
        let _ = writeln!(out, "- Kind: {}", topic.kind.label());
        if let Some(branch) = constituency(map, &branches, id) {
            let _ = writeln!(out, "- Constituency: {}", inline(&branch));
        }
        if p.frequency != crate::model::Frequency::None {
            let suggested = if p.frequency_suggested {
                " (suggested)"
            } else {
                ""
            };
            let _ = writeln!(out, "- How often: {}{suggested}", p.frequency.label());
        }
        let _ = writeln!(out, "- How it is going: {}", p.health.label());
        field(out, "What makes it work", &p.what_works);
        field(out, "What to improve", &p.to_improve);
        if let Some(last) = p.last_contact() {
            let _ = writeln!(out, "- Last contact: {last}");
        }
        if let Some(due) = p.next_due() {
            match p.overdue_days(today) {
                Some(days) => {
                    let _ = writeln!(out, "- Next contact: {due} (**overdue by {days} days**)");
                }
                None => {
                    let _ = writeln!(out, "- Next contact: {due}");
                }
            }
        }
        if !p.people.is_empty() {
            out.push_str("- Key people and their interests:\n");
            for person in &p.people {
                let interests = if person.interests.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", inline(&person.interests))
                };
                let _ = writeln!(out, "  - {}{interests}", inline(&person.name));
            }
        }
        if !p.strategies.is_empty() {
            out.push_str("- Strategies:\n");
            for strategy in &p.strategies {
                let mark = if strategy.status == StrategyStatus::Done {
                    "x"
                } else {
                    " "
                };
                let _ = writeln!(out, "  - [{mark}] {}", inline(&strategy.text));
            }
        }
        if !p.success_measures.is_empty() {
            out.push_str("- How success is measured:\n");
            for measure in &p.success_measures {
                let _ = writeln!(out, "  - {}", inline(measure));
            }
        }
        if !p.contacts.is_empty() {
            out.push_str("- Contact log:\n");
            let mut contacts: Vec<_> = p.contacts.iter().collect();
            contacts.sort_by_key(|c| std::cmp::Reverse(c.date));
            for contact in contacts {
                let note = if contact.note.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", inline(&contact.note))
                };
                let _ = writeln!(out, "  - {}{note}", contact.date);
            }
        }
        out.push('\n');
    }
}

/// Whether a profile holds more than notes (the notes are already in the map list).
fn has_details(p: &Profile) -> bool {
    let mut without_notes = p.clone();
    without_notes.notes.clear();
    !without_notes.is_empty()
}

fn field(out: &mut String, label: &str, text: &str) {
    if !text.trim().is_empty() {
        let _ = writeln!(out, "- {label}: {}", inline(text));
    }
}

fn goals(out: &mut String, workbook: &Workbook) {
    let plan = &workbook.plan;
    out.push_str("## Goals\n\n");
    for (title, list) in [
        ("Personal goals", &plan.personal_goals),
        ("Team goals", &plan.team_goals),
    ] {
        let _ = writeln!(out, "### {title}\n");
        if list.is_empty() {
            out.push_str("_None yet._\n\n");
            continue;
        }
        for (i, goal) in list.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, inline(goal));
        }
        out.push('\n');
    }
}

fn reflection(out: &mut String, workbook: &Workbook) {
    out.push_str("## Reflection\n\n");
    for field in [PlanText::Reflection, PlanText::Tracking, PlanText::Success] {
        let text = workbook.plan.text(field).trim();
        let _ = writeln!(out, "### {}\n", field.label());
        if text.is_empty() {
            out.push_str("_Not written yet._\n\n");
        } else {
            let _ = writeln!(out, "{}\n", block(text));
        }
    }
}

fn checklist(out: &mut String, items: &[ChecklistItem]) {
    out.push_str("## Learning organization checklist\n\n");
    out.push_str(
        "| Characteristic | Well represented | Want to improve | Note |\n|---|---|---|---|\n",
    );
    for item in items {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&item.text),
            tick(item.well_represented),
            tick(item.want_to_improve),
            cell(&item.note)
        );
    }
    out.push('\n');
}

fn actions(out: &mut String, workbook: &Workbook, today: NaiveDate) {
    let map = &workbook.map;
    out.push_str("## Action plan\n\n");
    if workbook.plan.actions.is_empty() {
        out.push_str("_No actions yet._\n\n");
        return;
    }
    out.push_str("| Step | Who | Due | Status | Linked node |\n|---|---|---|---|---|\n");
    for action in &workbook.plan.actions {
        let due = match action.due {
            Some(due) if action.status.is_open() && due < today => format!("**{due} (overdue)**"),
            Some(due) => due.to_string(),
            None => String::new(),
        };
        let node = action
            .node
            .and_then(|id| map.topic(id))
            .map(|t| cell(&t.title))
            .unwrap_or_default();
        let status = if action.status == ActionStatus::Done {
            format!("~~{}~~", action.status.label())
        } else {
            action.status.label().to_owned()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {due} | {status} | {node} |",
            cell(&action.step),
            cell(&action.who)
        );
    }
    out.push('\n');
}

fn relationship_plan(out: &mut String, map: &MindMap, today: NaiveDate) {
    let rows: Vec<NodeId> = map
        .subtree(map.root())
        .into_iter()
        .filter(|&id| map.topic(id).is_some_and(|t| is_relationship(&t.profile)))
        .collect();
    out.push_str("## Relationship plan\n\n");
    if rows.is_empty() {
        out.push_str("_No node has a frequency or strategies yet._\n\n");
        return;
    }
    let branches = map.branch_table();
    out.push_str(
        "| Node | Constituency | Frequency | Strategies | Success measures | Last contact | Next due |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for id in rows {
        let Some(topic) = map.topic(id) else { continue };
        let p = &topic.profile;
        let strategies: Vec<String> = p.strategies.iter().map(|s| cell(&s.text)).collect();
        let measures: Vec<String> = p.success_measures.iter().map(|m| cell(m)).collect();
        let next = match (p.next_due(), p.overdue_days(today)) {
            (Some(_), Some(days)) => format!("**overdue by {days} days**"),
            (Some(due), None) => due.to_string(),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {next} |",
            cell(&topic.title),
            constituency(map, &branches, id)
                .map(|c| cell(&c))
                .unwrap_or_default(),
            p.frequency.label(),
            strategies.join("<br>"),
            measures.join("<br>"),
            p.last_contact().map(|d| d.to_string()).unwrap_or_default(),
        );
    }
    out.push('\n');
}

fn balance_section(out: &mut String, map: &MindMap, today: NaiveDate) {
    let rows = balance(map, today);
    if rows.is_empty() {
        return;
    }
    out.push_str("## Balance across constituencies\n\n");
    out.push_str(
        "| Constituency | Relationships | Overdue | Contacts in 90 days | Health | Needs attention |\n\
         |---|---|---|---|---|---|\n",
    );
    for row in rows {
        let mix = &row.health;
        let health = format!(
            "{} working well, {} needs attention, {} neglected, {} not assessed",
            mix.working_well, mix.needs_attention, mix.neglected, mix.not_assessed
        );
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} of {} planned | {health} | {} |",
            cell(&row.title),
            row.relationships,
            row.overdue,
            row.logged,
            row.planned,
            if row.needs_attention() { "yes" } else { "" }
        );
    }
    out.push('\n');
}

/// The first-level constituency a node belongs to, by title, looked up in the map's
/// [`MindMap::branch_table`].
fn constituency(map: &MindMap, branches: &HashMap<NodeId, NodeId>, id: NodeId) -> Option<String> {
    branches
        .get(&id)
        .and_then(|&branch| map.topic(branch))
        .map(|t| t.title.clone())
}

fn tick(on: bool) -> &'static str {
    if on { "✔" } else { "" }
}

/// Text inside a line: line breaks become spaces and characters Markdown would read as markup are escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text inside a table cell: as [`inline`], with line breaks kept as `<br>`.
fn cell(text: &str) -> String {
    text.trim()
        .lines()
        .map(inline)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// A paragraph of several lines: each line escaped, line breaks kept as Markdown hard breaks.
fn block(text: &str) -> String {
    text.lines().map(inline).collect::<Vec<_>>().join("  \n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_titles_is_escaped_and_lines_are_joined() {
        assert_eq!(inline("a*b* [c] | d\ne"), "a\\*b\\* \\[c\\] \\| d e");
        assert_eq!(cell("one\ntwo|three"), "one<br>two\\|three");
    }
}
