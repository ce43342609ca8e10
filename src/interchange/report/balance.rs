//! The balance across constituencies, as the plan panel draws it: per first-level constituency, the contacts
//! logged in the last 90 days as a bar against the planned ones (one scale for every row, so the rows also show
//! where the time goes), the overdue relationships, and the health ratings as a stacked strip. The constituency
//! that needs attention most is tinted and says so in words.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::model::{
    BALANCE_WINDOW_DAYS, ConstituencyBalance, Health, MindMap, balance, most_in_need,
};

use super::{days, line};
use crate::interchange::svg::{Colour, branch_colour, health_colour};

/// The order in which the health strip stacks its ratings: good news first, unrated last (as the panel does).
const MIX_ORDER: [Health; 4] = [
    Health::WorkingWell,
    Health::NeedsAttention,
    Health::Neglected,
    Health::NotAssessed,
];
/// The width of the contact bars, in CSS pixels.
const BAR_WIDTH: f32 = 200.0;
/// The width of the health strip.
const MIX_WIDTH: f32 = 120.0;
/// The height of the bars and the strip.
const BAR_HEIGHT: f32 = 14.0;
/// The outline of the planned contacts when fewer than half were logged (egui's warning colour).
const WARN: &str = "#e0a100";
/// The outline of the planned contacts otherwise.
const PLAN_OUTLINE: &str = "#7d8590";

/// The balance section; nothing when the map has no constituencies.
pub(super) fn section(out: &mut String, map: &MindMap, today: NaiveDate) {
    let rows = balance(map, today);
    if rows.is_empty() {
        return;
    }
    let worst = most_in_need(&rows);
    let scale_max = rows
        .iter()
        .map(|r| r.planned.max(r.logged as u32))
        .max()
        .unwrap_or(0)
        .max(1);
    out.push_str(
        "<section id=\"balance\" class=\"major\">\n<h2>Balance across constituencies</h2>\n",
    );
    let _ = writeln!(
        out,
        "<p>For each key constituency: the contacts logged in the last {BALANCE_WINDOW_DAYS} days against what \
         the planned frequencies call for, the relationships whose next contact is overdue, and how the \
         relationships are rated.</p>"
    );
    let _ = writeln!(
        out,
        "<table class=\"balance\">\n<thead><tr><th>Constituency</th><th>Contacts in the last \
         {BALANCE_WINDOW_DAYS} days</th><th>Overdue</th><th>Health</th></tr></thead>\n<tbody>",
    );
    for row in &rows {
        let is_worst = worst == Some(row.id);
        let class = if is_worst {
            " class=\"worst\""
        } else if row.needs_attention() {
            " class=\"behind\""
        } else {
            ""
        };
        let relationships = match row.relationships {
            0 => "no relationships planned".to_owned(),
            1 => "1 relationship".to_owned(),
            n => format!("{n} relationships"),
        };
        let _ = write!(
            out,
            "<tr{class}><td><div class=\"name\">{}</div><div class=\"muted\">{relationships}</div>\
             <div class=\"attention\">{}</div></td>",
            line(&row.title),
            attention(row, is_worst),
        );
        let contacts = if row.planned == 0 {
            format!("{} logged, none planned", row.logged)
        } else {
            format!("{} of {} planned contacts", row.logged, row.planned)
        };
        let _ = write!(
            out,
            "<td>{}<div>{contacts}</div></td>",
            contact_bar(row, scale_max, branch_colour(map, row.id))
        );
        let overdue = match row.overdue {
            0 => "<span class=\"muted\">none</span>".to_owned(),
            n => format!(
                "<span class=\"late\">{n} overdue</span><div class=\"muted\">the latest by {}</div>",
                days(row.most_overdue_days)
            ),
        };
        let _ = writeln!(
            out,
            "<td>{overdue}</td><td>{}<div class=\"muted\">{}</div></td></tr>",
            health_strip(row),
            mix_words(row)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    legend(out, rows.first().map(|r| branch_colour(map, r.id)));
    out.push_str("</section>\n");
}

/// What is falling behind, in words; "on track" otherwise.
fn attention(row: &ConstituencyBalance, is_worst: bool) -> String {
    if !row.needs_attention() {
        return if row.relationships > 0 {
            "<span class=\"muted\">on track</span>".to_owned()
        } else {
            String::new()
        };
    }
    let mut parts = Vec::new();
    if row.overdue > 0 {
        parts.push(format!("{} overdue", row.overdue));
    }
    if row.logged_share().is_some_and(|share| share < 0.5) {
        parts.push(format!(
            "{} of {} planned contacts",
            row.logged, row.planned
        ));
    }
    if row.health.neglected > 0 {
        parts.push(format!("{} rated neglected", row.health.neglected));
    }
    let lead = if is_worst {
        "⚠ <strong>Needs attention most</strong>"
    } else {
        "Needs attention"
    };
    format!("{lead}: {}", parts.join(", "))
}

/// The logged contacts filled in the branch colour, the planned ones as an outline, on the shared scale.
fn contact_bar(row: &ConstituencyBalance, scale_max: u32, colour: Colour) -> String {
    let per_contact = BAR_WIDTH / scale_max as f32;
    let logged = per_contact * row.logged as f32;
    let planned = per_contact * row.planned as f32;
    let mut svg = format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{} of {} planned \
         contacts logged\">",
        row.logged,
        row.planned,
        w = BAR_WIDTH + 2.0,
        h = BAR_HEIGHT + 2.0,
    );
    let _ = write!(
        svg,
        "<rect x=\"1\" y=\"1\" width=\"{BAR_WIDTH}\" height=\"{BAR_HEIGHT}\" fill=\"#eef1f5\"/>"
    );
    if logged > 0.0 {
        let _ = write!(
            svg,
            "<rect x=\"1\" y=\"1\" width=\"{:.1}\" height=\"{BAR_HEIGHT}\" rx=\"2\" fill=\"{}\"/>",
            logged,
            colour.hex()
        );
    }
    if row.planned > 0 {
        let outline = if row.logged_share().is_some_and(|share| share < 0.5) {
            WARN
        } else {
            PLAN_OUTLINE
        };
        let _ = write!(
            svg,
            "<rect x=\"1.75\" y=\"1.75\" width=\"{:.1}\" height=\"{}\" rx=\"2\" fill=\"none\" stroke=\"{outline}\" \
             stroke-width=\"1.5\"/>",
            (planned - 1.5).max(0.0),
            BAR_HEIGHT - 1.5
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The health ratings stacked, good news first; a dashed outline when nothing is rated.
fn health_strip(row: &ConstituencyBalance) -> String {
    let total = row.health.total();
    let mut svg = format!(
        "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" aria-hidden=\"true\">",
        w = MIX_WIDTH + 2.0,
        h = BAR_HEIGHT + 2.0,
    );
    if total == 0 {
        let _ = write!(
            svg,
            "<rect x=\"1.5\" y=\"1.5\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#9aa0a6\" \
             stroke-dasharray=\"3 2\"/>",
            MIX_WIDTH - 1.0,
            BAR_HEIGHT - 1.0
        );
    } else {
        let mut x = 1.0;
        for health in MIX_ORDER {
            let n = row.health.count(health);
            if n == 0 {
                continue;
            }
            let w = MIX_WIDTH * n as f32 / total as f32;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"1\" width=\"{w:.1}\" height=\"{BAR_HEIGHT}\" fill=\"{}\"/>",
                health_colour(health).hex()
            );
            x += w;
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The health mix in words, leaving out the ratings nobody has.
fn mix_words(row: &ConstituencyBalance) -> String {
    if row.health.total() == 0 {
        return "not rated".to_owned();
    }
    MIX_ORDER
        .iter()
        .filter(|&&h| row.health.count(h) > 0)
        .map(|&h| format!("{} {}", row.health.count(h), h.label().to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The line that explains the colours; `logged` is the colour of the first row's bar.
fn legend(out: &mut String, logged: Option<Colour>) {
    out.push_str("<p class=\"legend\">");
    if let Some(colour) = logged {
        let _ = write!(
            out,
            "<span class=\"swatch\" style=\"background:{}\"></span>contacts logged (in the branch colour)",
            colour.hex()
        );
    }
    let _ = write!(
        out,
        "<span class=\"swatch\" style=\"border:1.5px solid {PLAN_OUTLINE}\"></span>planned by the \
         frequencies<span class=\"swatch\" style=\"border:1.5px solid {WARN}\"></span>fewer than half of \
         the planned logged<br>Health:"
    );
    for health in MIX_ORDER {
        let _ = write!(
            out,
            "<span class=\"swatch\" style=\"background:{}\"></span>{}",
            health_colour(health).hex(),
            health.label().to_lowercase()
        );
    }
    out.push_str("</p>\n");
}
