//! The balance overview: for each constituency, how many relationships it has, how many are overdue, contacts
//! logged against what the frequencies plan, and the mix of health ratings, so a neglected one stands out.
//!
//! It is a small bar chart drawn with the painter: one clickable row per constituency. The logged-contact bars
//! share one scale, so the rows also show where the director's time goes across constituencies.

use chrono::NaiveDate;
use egui::text::{LayoutJob, TextWrapping};
use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, StrokeKind, Vec2, vec2};

use crate::model::{
    BALANCE_WINDOW_DAYS, ConstituencyBalance, Health, Workbook, balance, most_in_need,
};

use super::panel::PanelEdit;
use super::style;

/// The height of one constituency's row, in points: a title line and a line of counts below it.
const ROW_HEIGHT: f32 = 36.0;
/// The width of the column of names.
const NAME_WIDTH: f32 = 170.0;
/// The width of the health mix strip.
const MIX_WIDTH: f32 = 110.0;
/// The height of the bars and the health strip.
const BAR_HEIGHT: f32 = 14.0;
/// The order in which the health strip stacks its ratings: good news first, unrated last.
const MIX_ORDER: [Health; 4] = [
    Health::WorkingWell,
    Health::NeedsAttention,
    Health::Neglected,
    Health::NotAssessed,
];

/// The balance rows, the one most in need and the scale of the bars, made once per document version and day
/// rather than every frame.
#[derive(Debug, Default)]
pub struct BalanceCache {
    /// The document version (`Document::version`) and the day they were made for.
    key: Option<((u64, u64), NaiveDate)>,
    rows: Vec<ConstituencyBalance>,
    worst: Option<crate::model::NodeId>,
    scale_max: u32,
    /// How many times the rows were made, for the tests.
    computed: u64,
}

impl BalanceCache {
    /// Makes the rows again when the workbook at `version` or the day is not what they were made for.
    fn refresh(&mut self, workbook: &Workbook, version: (u64, u64), today: NaiveDate) {
        if self.key == Some((version, today)) {
            return;
        }
        self.computed += 1;
        self.key = Some((version, today));
        self.rows = balance(&workbook.map, today);
        self.worst = most_in_need(&self.rows);
        // One scale for every bar, so a constituency with few planned contacts looks small beside a busy one.
        self.scale_max = self
            .rows
            .iter()
            .map(|r| r.planned.max(r.logged as u32))
            .max()
            .unwrap_or(0)
            .max(1);
    }
}

/// Shows the balance overview of `workbook`, which is at `version`.
pub fn balance_ui(
    ui: &mut egui::Ui,
    workbook: &Workbook,
    version: (u64, u64),
    today: NaiveDate,
    cache: &mut BalanceCache,
) -> Vec<PanelEdit> {
    let mut edits = Vec::new();
    cache.refresh(workbook, version, today);
    let (rows, worst, scale_max) = (&cache.rows, cache.worst, cache.scale_max);
    if rows.is_empty() {
        ui.weak(
            "No constituencies yet: add nodes around the centre of the map to see their balance.",
        );
        return edits;
    }
    ui.spacing_mut().item_spacing.y = 2.0;
    for row in rows {
        let is_worst = worst == Some(row.id);
        if row_ui(ui, workbook, row, scale_max, is_worst).clicked() {
            edits.push(PanelEdit::Select(row.id));
        }
    }
    ui.add_space(4.0);
    legend_ui(ui, style::branch_colour(&workbook.map, rows[0].id));
    edits
}

/// One constituency's row; the whole row is one button that selects the constituency.
fn row_ui(
    ui: &mut egui::Ui,
    workbook: &Workbook,
    row: &ConstituencyBalance,
    scale_max: u32,
    is_worst: bool,
) -> egui::Response {
    let width = ui.available_width().max(NAME_WIDTH + 200.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::click());
    let title = row.title.clone();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Balance of {title}"))
    });
    let response = response.on_hover_text(details(row));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    let warn = visuals.warn_fg_color;
    let error = visuals.error_fg_color;
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();

    // The row most in need is tinted, so it is the first thing the eye lands on.
    if is_worst {
        painter.rect_filled(rect, 4, error.gamma_multiply(0.12));
        painter.rect_stroke(rect, 4, Stroke::new(1.0, error), StrokeKind::Inside);
    } else if response.hovered() {
        painter.rect_filled(rect, 4, visuals.widgets.hovered.weak_bg_fill);
    }
    if response.has_focus() {
        painter.rect_stroke(rect, 4, visuals.selection.stroke, StrokeKind::Inside);
    }

    // Name and the number of relationships.
    let left = rect.left() + 6.0;
    let top_line = rect.top() + 11.0;
    let bottom_line = rect.bottom() - 9.0;
    let mut job = LayoutJob::simple_singleline(
        row.title.clone(),
        FontId::proportional(14.0),
        if is_worst { error } else { text },
    );
    job.wrap = TextWrapping::truncate_at_width(NAME_WIDTH - 12.0);
    let name = painter.layout_job(job);
    painter.galley(egui::pos2(left, top_line - name.size().y / 2.0), name, text);
    let relationships = match row.relationships {
        0 => "no relationships planned".to_owned(),
        1 => "1 relationship".to_owned(),
        n => format!("{n} relationships"),
    };
    painter.text(
        egui::pos2(left, bottom_line),
        Align2::LEFT_CENTER,
        relationships,
        FontId::proportional(11.0),
        weak,
    );

    // Logged against planned contacts: the plan as an outline, what was logged filled in the branch colour.
    let bar_left = rect.left() + NAME_WIDTH;
    let bar_width = (width - NAME_WIDTH - MIX_WIDTH - 260.0).clamp(80.0, 360.0);
    let per_contact = bar_width / scale_max as f32;
    let bar_y = top_line;
    let branch = style::branch_colour(&workbook.map, row.id);
    let logged_rect = Rect::from_min_size(
        egui::pos2(bar_left, bar_y - BAR_HEIGHT / 2.0),
        vec2(per_contact * row.logged as f32, BAR_HEIGHT),
    );
    let planned_rect = Rect::from_min_size(
        egui::pos2(bar_left, bar_y - BAR_HEIGHT / 2.0),
        vec2(per_contact * row.planned as f32, BAR_HEIGHT),
    );
    painter.rect_filled(logged_rect, 2, branch);
    if row.planned > 0 {
        let missed = row.logged_share().is_some_and(|share| share < 0.5);
        let outline = if missed { warn } else { weak };
        painter.rect_stroke(
            planned_rect,
            2,
            Stroke::new(1.5, outline),
            StrokeKind::Inside,
        );
    }
    let contacts = if row.planned == 0 {
        format!("{} logged, none planned", row.logged)
    } else {
        format!("{} of {} contacts", row.logged, row.planned)
    };
    let label_x = bar_left + bar_width + 8.0;
    painter.text(
        egui::pos2(label_x, bar_y),
        Align2::LEFT_CENTER,
        contacts,
        FontId::proportional(12.0),
        text,
    );

    // Overdue relationships.
    let overdue_x = label_x + 130.0;
    let (overdue, colour) = match row.overdue {
        0 => ("none overdue".to_owned(), weak),
        n => (format!("{n} overdue"), error),
    };
    painter.text(
        egui::pos2(overdue_x, bar_y),
        Align2::LEFT_CENTER,
        overdue,
        FontId::proportional(12.0),
        colour,
    );

    // The health mix, stacked.
    let mix_left = overdue_x + 90.0;
    let mix_rect = Rect::from_min_size(
        egui::pos2(mix_left, bar_y - BAR_HEIGHT / 2.0),
        vec2(MIX_WIDTH, BAR_HEIGHT),
    );
    paint_health_mix(&painter, mix_rect, row, weak);

    // What needs doing, in words, under the bar: for every constituency that is falling behind.
    let (words, colour) = if row.needs_attention() {
        (
            attention_text(row, is_worst),
            if is_worst { error } else { warn },
        )
    } else if row.relationships > 0 {
        ("on track".to_owned(), weak)
    } else {
        (String::new(), weak)
    };
    let mut job = LayoutJob::simple_singleline(words, FontId::proportional(11.5), colour);
    job.wrap = TextWrapping::truncate_at_width((rect.right() - bar_left - 8.0).max(40.0));
    let galley = painter.layout_job(job);
    painter.galley(
        egui::pos2(bar_left, bottom_line - galley.size().y / 2.0),
        galley,
        text,
    );
    response
}

/// The stacked strip of health ratings; an outline with a dash when nothing is rated yet.
fn paint_health_mix(painter: &egui::Painter, rect: Rect, row: &ConstituencyBalance, weak: Color32) {
    let total = row.health.total();
    if total == 0 {
        painter.rect_stroke(rect, 2, Stroke::new(1.0, weak), StrokeKind::Inside);
        painter.text(
            rect.center(),
            Align2::CENTER_CENTER,
            "not rated",
            FontId::proportional(10.0),
            weak,
        );
        return;
    }
    let mut x = rect.left();
    for health in MIX_ORDER {
        let count = row.health.count(health);
        if count == 0 {
            continue;
        }
        let w = rect.width() * count as f32 / total as f32;
        let segment =
            Rect::from_min_max(egui::pos2(x, rect.top()), egui::pos2(x + w, rect.bottom()));
        painter.rect_filled(segment, 0, style::health_colour(health));
        x += w;
    }
    painter.rect_stroke(
        rect,
        2,
        Stroke::new(1.0, weak.gamma_multiply(0.6)),
        StrokeKind::Outside,
    );
}

/// The short reason a constituency needs attention, e.g. "needs attention: 3 overdue, 1 of 9 planned contacts".
fn attention_text(row: &ConstituencyBalance, is_worst: bool) -> String {
    let mut parts = Vec::new();
    if row.overdue > 0 {
        parts.push(format!("{} overdue", row.overdue));
    }
    if row.planned > 0 && row.logged_share().is_some_and(|share| share < 0.5) {
        parts.push(format!(
            "{} of {} planned contacts",
            row.logged, row.planned
        ));
    }
    if row.health.neglected > 0 {
        parts.push(format!("{} rated neglected", row.health.neglected));
    }
    let lead = if is_worst {
        format!("{} needs attention most", style::GLYPH_ERROR)
    } else {
        "needs attention".to_owned()
    };
    format!("{lead}: {}", parts.join(", "))
}

/// The numbers behind a row, for its tooltip.
fn details(row: &ConstituencyBalance) -> String {
    let mix: Vec<String> = MIX_ORDER
        .iter()
        .map(|&h| format!("{} {}", row.health.count(h), h.label().to_lowercase()))
        .collect();
    let overdue = if row.overdue > 0 {
        format!(
            "{} overdue (the latest by {} days)",
            row.overdue, row.most_overdue_days
        )
    } else {
        "none overdue".to_owned()
    };
    format!(
        "{}\n{} relationships, {overdue}\n{} contacts logged in the last {BALANCE_WINDOW_DAYS} days; the \
         frequencies plan about {}\nHealth: {}\nClick to select it on the map.",
        row.title,
        row.relationships,
        row.logged,
        row.planned,
        mix.join(", "),
    )
}

/// The line that explains the colours; `logged` is the fill of the first row's bar.
fn legend_ui(ui: &mut egui::Ui, logged: Color32) {
    let weak = ui.visuals().weak_text_color();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        swatch(ui, |painter, rect| {
            painter.rect_filled(rect, 2, logged);
        });
        ui.small(format!(
            "contacts logged in the last {BALANCE_WINDOW_DAYS} days (in the branch colour)"
        ));
        ui.add_space(8.0);
        swatch(ui, |painter, rect| {
            painter.rect_stroke(rect, 2, Stroke::new(1.5, weak), StrokeKind::Inside);
        });
        ui.small("planned by the frequencies");
        ui.add_space(12.0);
        ui.small("Health:");
        for health in MIX_ORDER {
            swatch(ui, |painter, rect| {
                painter.rect_filled(rect, 2, style::health_colour(health));
            });
            ui.small(health.label().to_lowercase());
            ui.add_space(4.0);
        }
    });
}

/// A small square painted by `paint`, for the legend.
fn swatch(ui: &mut egui::Ui, paint: impl FnOnce(&egui::Painter, Rect)) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
    paint(ui.painter(), rect.shrink(1.0));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HealthMix, NodeId};

    #[test]
    fn the_attention_text_names_what_is_behind() {
        let row = ConstituencyBalance {
            id: NodeId(4),
            title: "Community".to_owned(),
            relationships: 4,
            overdue: 3,
            most_overdue_days: 40,
            logged: 1,
            planned: 9,
            health: HealthMix::default(),
        };
        assert_eq!(
            attention_text(&row, false),
            "needs attention: 3 overdue, 1 of 9 planned contacts"
        );
        assert!(attention_text(&row, true).contains("needs attention most"));
    }

    #[test]
    fn the_balance_is_made_once_per_document_version_and_day() {
        let workbook = crate::storage::example().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut cache = BalanceCache::default();
        for _ in 0..10 {
            cache.refresh(&workbook, (1, 3), today);
        }
        assert_eq!(cache.computed, 1);
        assert_eq!(cache.rows, balance(&workbook.map, today));
        cache.refresh(&workbook, (1, 4), today);
        assert_eq!(cache.computed, 2, "an edit makes the rows again");
        let tomorrow = today.succ_opt().unwrap();
        cache.refresh(&workbook, (1, 4), tomorrow);
        assert_eq!(cache.computed, 3, "so does midnight");
        assert_eq!(cache.rows, balance(&workbook.map, tomorrow));
    }
}
