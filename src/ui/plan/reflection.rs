//! The What's working tab: the worksheet's three reflection questions, each answered in a text of several lines.

use egui::Id;

use crate::document::EditCommand;
use crate::model::{PlanText, Workbook};

use super::fields::{Edits, Field, Lines, Naming, text_field};

/// The questions in the order the worksheet asks them.
const FIELDS: [PlanText; 3] = [PlanText::Reflection, PlanText::Tracking, PlanText::Success];

/// The worksheet's prompt for a text, shown greyed in the field while it is empty.
fn prompt(field: PlanText) -> &'static str {
    match field {
        PlanText::Reflection => {
            "Which relationships are working well, and what makes them work? What could be better?"
        }
        PlanText::Tracking => {
            "When do you set time aside for these relationships? How do you keep track of contacts and strategies?"
        }
        PlanText::Success => {
            "What tells you a relationship is healthy? What would you see or hear?"
        }
    }
}

/// Shows the three texts side by side, each under its question.
pub(super) fn reflection_ui(ui: &mut egui::Ui, workbook: &Workbook, edits: &mut Edits<'_>) {
    ui.columns(FIELDS.len(), |columns| {
        for (ui, field) in columns.iter_mut().zip(FIELDS) {
            let label = ui.strong(field.label());
            text_field(
                ui,
                edits,
                Field {
                    id: Id::unique(("relmap-plan-text", field)),
                    lines: Lines::Multi(ui.available_width(), 8),
                    hint: prompt(field),
                    naming: Naming::Label(label.id),
                },
                workbook.plan.text(field),
                |text| EditCommand::SetPlanText { field, text },
            );
        }
    });
}
