//! The Goals tab: the director's personal goals beside the team's goals, each an editable, reorderable list.

use egui::Id;

use crate::document::{ListItem, ListOp, ListRef};
use crate::model::Workbook;

use super::fields::{Edits, Field, Lines, Naming, replace, row_buttons, text_field};

/// Shows both goal lists side by side.
pub(super) fn goals_ui(ui: &mut egui::Ui, workbook: &Workbook, edits: &mut Edits<'_>) {
    let plan = &workbook.plan;
    ui.columns(2, |columns| {
        goal_list(
            &mut columns[0],
            edits,
            ListRef::PersonalGoals,
            &plan.personal_goals,
            "Personal goals",
            "personal goal",
        );
        goal_list(
            &mut columns[1],
            edits,
            ListRef::TeamGoals,
            &plan.team_goals,
            "Team goals",
            "team goal",
        );
    });
}

/// The text field of goal `index` of `list`; the id stays with the position so the keyboard stays in the field
/// while its text changes.
fn goal_id(list: ListRef, index: usize) -> Id {
    Id::unique(("relmap-plan-goal", list, index))
}

/// One list of goals under its heading, with a button that adds an empty goal and puts the keyboard in it.
fn goal_list(
    ui: &mut egui::Ui,
    edits: &mut Edits<'_>,
    list: ListRef,
    goals: &[String],
    heading: &str,
    noun: &str,
) {
    ui.strong(heading);
    if goals.is_empty() {
        ui.weak(format!("No {noun}s yet."));
    }
    for (index, goal) in goals.iter().enumerate() {
        let name = format!("{} {}", capitalised(noun), index + 1);
        ui.horizontal(|ui| {
            ui.label(format!("{}.", index + 1));
            // The buttons go first, from the right, so the field takes exactly the room that is left.
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                row_buttons(ui, edits, list, index, goals.len(), noun);
                text_field(
                    ui,
                    edits,
                    Field {
                        id: goal_id(list, index),
                        lines: Lines::Single(ui.available_width()),
                        hint: "What you want to achieve, in one sentence",
                        naming: Naming::Name(&name),
                    },
                    goal,
                    |text| replace(list, index, ListItem::Text(text)),
                );
                let next = index + 1;
                edits.onward(
                    goal_id(list, index),
                    (next < goals.len()).then(|| goal_id(list, next)),
                    (!goal.trim().is_empty()).then(|| {
                        (
                            list,
                            next,
                            ListItem::Text(String::new()),
                            goal_id(list, next),
                        )
                    }),
                );
            });
        });
    }
    let add = format!("Add {noun}");
    if ui
        .button(format!("➕ {add}"))
        .accessible_name(&add)
        .clicked()
    {
        edits.list(
            list,
            ListOp::Insert {
                index: goals.len(),
                item: ListItem::Text(String::new()),
            },
        );
        edits.focus_later(goal_id(list, goals.len()));
    }
}

/// "personal goal" as "Personal goal", for the accessible names of the rows.
fn capitalised(noun: &str) -> String {
    let mut chars = noun.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
