//! What the planning markers on a node mean, in words: a tooltip over a node that has any, so that the health
//! dot, the red "late" badge and the count of strategies explain themselves to a user who points at them.

use chrono::NaiveDate;

use crate::model::{Frequency, Health, Profile, StrategyStatus, Workbook};

use super::CanvasState;

/// The lines the tooltip of a node with `profile` shows on `today`; empty for a node with no markers.
pub(crate) fn marker_lines(profile: &Profile, today: NaiveDate) -> Vec<String> {
    let mut lines = Vec::new();
    let tended = profile.frequency != Frequency::None;
    if profile.health != Health::NotAssessed {
        lines.push(format!("How it is going: {}", profile.health.label()));
    } else if tended {
        lines.push("How it is going: not assessed yet (grey dot)".to_owned());
    }
    if tended {
        let how_often = profile.frequency.label();
        match (profile.overdue_days(today), profile.next_due()) {
            (Some(late), _) => lines.push(format!(
                "{late} {} late for a contact ({how_often})",
                if late == 1 { "day" } else { "days" }
            )),
            (None, Some(due)) => lines.push(format!(
                "Next contact due {} ({how_often})",
                due.format("%-d %b %Y")
            )),
            (None, None) => lines.push(format!("{how_often}; no contact logged yet")),
        }
    }
    let active = profile
        .strategies
        .iter()
        .filter(|s| s.status == StrategyStatus::Active)
        .count();
    match active {
        0 => {}
        1 => lines.push("1 strategy under way (target badge)".to_owned()),
        n => lines.push(format!("{n} strategies under way (target badge)")),
    }
    lines
}

impl CanvasState {
    /// Shows what the markers of the node under the pointer mean, after the usual tooltip delay. Nothing while
    /// a drag or a title edit is under way, or when markers are off.
    pub(super) fn marker_tooltip(
        &self,
        background: &egui::Response,
        workbook: &Workbook,
        today: Option<NaiveDate>,
    ) {
        let (Some(today), Some(area)) = (today, self.area) else {
            return;
        };
        if self.drag.is_some() || self.title_edit.is_some() {
            return;
        }
        let Some(pointer) = background.hover_pos() else {
            return;
        };
        let Some(topic) = self
            .node_at(area, pointer)
            .and_then(|id| workbook.map.topic(id))
        else {
            return;
        };
        let lines = marker_lines(&topic.profile, today);
        if lines.is_empty() {
            return;
        }
        background.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(super::paint::display_title(&topic.title));
            for line in lines {
                ui.label(line);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Contact, Strategy};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap_or_default()
    }

    #[test]
    fn a_node_without_markers_has_no_tooltip() {
        assert!(marker_lines(&Profile::default(), day(2)).is_empty());
    }

    #[test]
    fn each_marker_is_said_in_words() {
        let mut profile = Profile {
            frequency: Frequency::Weekly,
            ..Profile::default()
        };
        profile.contacts.push(Contact {
            date: day(1) - chrono::Days::new(10),
            note: String::new(),
        });
        profile.strategies = vec![
            Strategy {
                text: "Monthly coffee".to_owned(),
                status: StrategyStatus::Active,
            },
            Strategy {
                text: "Budget briefing".to_owned(),
                status: StrategyStatus::Active,
            },
            Strategy {
                text: "Old one".to_owned(),
                status: StrategyStatus::Done,
            },
        ];
        let lines = marker_lines(&profile, day(2));
        assert_eq!(
            lines,
            [
                "How it is going: not assessed yet (grey dot)",
                "4 days late for a contact (Weekly)",
                "2 strategies under way (target badge)",
            ]
        );
        profile.health = Health::Neglected;
        assert_eq!(
            marker_lines(&profile, day(1) - chrono::Days::new(8))[..2],
            [
                "How it is going: Neglected".to_owned(),
                "Next contact due 28 Nov 2026 (Weekly)".to_owned()
            ]
        );
    }
}
