//! The Action plan tab: simple next steps with who and when, their status, and the node of the map each one
//! concerns, in a table. Open steps past their due date are tinted so they stand out.

use chrono::NaiveDate;
use egui::{Align, Id, Layout};
use egui_extras::{Column, DatePickerButton, TableBuilder};

use crate::document::{ListItem, ListOp, ListRef};
use crate::model::{ActionItem, ActionStatus, NodeId, Workbook};

use super::TABLE_HEADING;
use super::fields::{
    Edits, Field, Lines, Naming, from_picker, icon_button, overdue_colour, overdue_text, replace,
    row_buttons, text_field, to_picker,
};
use super::node_picker::{Choice, node_picker};

/// The action plan's view state.
#[derive(Debug, Default)]
pub(super) struct ActionsView {
    /// Shows the steps by due date instead of in their stored order. Only a view: the stored order changes only
    /// through the move buttons.
    pub by_due: bool,
    /// The text typed into the open node list's filter.
    pub node_filter: String,
}

/// The order in which to show the steps, as positions in the stored list. By due date, steps without a date
/// come last, and steps due the same day keep their stored order.
pub(super) fn view_order(actions: &[ActionItem], by_due: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..actions.len()).collect();
    if by_due {
        order.sort_by_key(|&i| (actions[i].due.is_none(), actions[i].due, i));
    }
    order
}

/// How many days an open step is past its due date on `today`; `None` when it is not overdue.
pub(super) fn overdue_days(item: &ActionItem, today: NaiveDate) -> Option<i64> {
    let late = (today - item.due?).num_days();
    (item.status.is_open() && late > 0).then_some(late)
}

/// Shows the controls and the table. New steps are linked to `selected`, the node selected on the canvas.
pub(super) fn actions_ui(
    ui: &mut egui::Ui,
    workbook: &Workbook,
    selected: Option<NodeId>,
    today: NaiveDate,
    view: &mut ActionsView,
    edits: &mut Edits<'_>,
) {
    let actions = &workbook.plan.actions;
    ui.horizontal(|ui| {
        let hint = if selected.is_some() {
            "Adds a step linked to the node selected on the map"
        } else {
            "Adds a step"
        };
        if ui
            .button("➕ Add action")
            .on_hover_text(hint)
            .accessible_name("Add action")
            .clicked()
        {
            edits.list(
                ListRef::Actions,
                ListOp::Insert {
                    index: actions.len(),
                    item: ListItem::Action(ActionItem {
                        node: selected,
                        ..ActionItem::default()
                    }),
                },
            );
            edits.focus_later(step_id(actions.len()));
        }
        ui.checkbox(&mut view.by_due, "Sort by due date")
            .on_hover_text("Only changes the view: the stored order stays as it is");
        let open = actions.iter().filter(|a| a.status.is_open()).count();
        let late = actions
            .iter()
            .filter(|a| overdue_days(a, today).is_some())
            .count();
        ui.weak(format!("{open} open, {late} overdue"));
    });
    if actions.is_empty() {
        ui.weak("No steps yet. Add the next simple steps, who takes them, and by when.");
        return;
    }
    let order = view_order(actions, view.by_due);
    let tint = overdue_colour(ui).gamma_multiply(0.18);
    let rows_height = (ui.available_height() - TABLE_HEADING).max(TABLE_HEADING);
    TableBuilder::new(ui)
        .id_salt("relmap-plan-actions")
        .striped(true)
        // Filling the panel keeps its height, and the tab row with it, the same on every tab; the rows scroll
        // within what is left below the headings rather than making the panel taller.
        .auto_shrink([false, false])
        .max_scroll_height(rows_height)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::exact(30.0).clip(true))
        .column(Column::remainder().at_least(140.0).clip(true))
        .column(
            Column::initial(110.0)
                .at_least(60.0)
                .resizable(true)
                .clip(true),
        )
        .column(Column::exact(165.0).clip(true))
        .column(Column::exact(115.0).clip(true))
        .column(
            Column::initial(170.0)
                .at_least(80.0)
                .resizable(true)
                .clip(true),
        )
        .column(Column::exact(100.0).clip(true))
        .header(22.0, |mut header| {
            for title in ["", "Step", "Who", "Due", "Status", "Linked node", ""] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(28.0, order.len(), |mut row| {
                let row_index = row.index();
                let index = order[row_index];
                let item = &actions[index];
                let late = overdue_days(item, today);
                let cell = |row: &mut egui_extras::TableRow<'_, '_>,
                            add: &mut dyn FnMut(&mut egui::Ui)| {
                    row.col(|ui| {
                        if late.is_some() {
                            ui.painter().rect_filled(ui.max_rect(), 0.0, tint);
                        }
                        add(ui);
                    });
                };
                let number = index + 1;
                cell(&mut row, &mut |ui| {
                    let text = ui.label(format!("{number}."));
                    if let Some(days) = late {
                        text.on_hover_text(overdue_text(days));
                        ui.colored_label(overdue_colour(ui), "⚠");
                    }
                });
                cell(&mut row, &mut |ui| {
                    text_field(
                        ui,
                        edits,
                        Field {
                            id: step_id(index),
                            lines: Lines::Single(ui.available_width()),
                            hint: "A simple next step",
                            naming: Naming::Name(&format!("Action {number} step")),
                        },
                        &item.step,
                        |step| with(index, item, |a| a.step = step),
                    );
                    edits.onward(step_id(index), Some(who_id(index)), None);
                });
                cell(&mut row, &mut |ui| {
                    text_field(
                        ui,
                        edits,
                        Field {
                            id: who_id(index),
                            lines: Lines::Single(ui.available_width()),
                            hint: "Who takes it",
                            naming: Naming::Name(&format!("Action {number} who")),
                        },
                        &item.who,
                        |who| with(index, item, |a| a.who = who),
                    );
                    // Down the rows as shown (sorted by due date or not); after the last, a new step.
                    let next = order.get(row_index + 1).map(|&below| step_id(below));
                    let add = ActionItem {
                        node: item.node,
                        ..ActionItem::default()
                    };
                    let new = actions.len();
                    edits.onward(
                        who_id(index),
                        next,
                        (!item.step.trim().is_empty() || !item.who.trim().is_empty())
                            .then(|| (ListRef::Actions, new, ListItem::Action(add), step_id(new))),
                    );
                });
                cell(&mut row, &mut |ui| {
                    due_cell(ui, edits, item, index, today, late);
                });
                cell(&mut row, &mut |ui| status_cell(ui, edits, item, index));
                cell(&mut row, &mut |ui| {
                    linked_cell(ui, edits, workbook, item, index, &mut view.node_filter);
                });
                cell(&mut row, &mut |ui| {
                    if view.by_due {
                        // Moving rows in a sorted view would look like nothing happened.
                        if icon_button(ui, true, "🗑", &format!("Remove action {number}")) {
                            edits.list(ListRef::Actions, ListOp::Remove { index });
                        }
                    } else {
                        row_buttons(ui, edits, ListRef::Actions, index, actions.len(), "action");
                    }
                });
            });
        });
}

/// The step field of row `index`, which gets the keyboard when the row is added.
fn step_id(index: usize) -> Id {
    Id::unique(("relmap-plan-action-step", index))
}

/// The field of row `index` that says who takes the step.
fn who_id(index: usize) -> Id {
    Id::unique(("relmap-plan-action-who", index))
}

/// The command that replaces step `index` with `item` changed by `change`.
fn with(
    index: usize,
    item: &ActionItem,
    change: impl FnOnce(&mut ActionItem),
) -> crate::document::EditCommand {
    let mut changed = item.clone();
    change(&mut changed);
    replace(ListRef::Actions, index, ListItem::Action(changed))
}

/// The due date with its picker and a Clear button, or a Set date button when there is none.
fn due_cell(
    ui: &mut egui::Ui,
    edits: &mut Edits<'_>,
    item: &ActionItem,
    index: usize,
    today: NaiveDate,
    late: Option<i64>,
) {
    let number = index + 1;
    let Some(due) = item.due else {
        if ui
            .small_button("Set date")
            .on_hover_text("Give this step a due date, starting from today")
            .accessible_name(format!("Set due date of action {number}"))
            .clicked()
        {
            edits.apply(with(index, item, |a| a.due = Some(today)));
        }
        return;
    };
    if let Some(mut date) = to_picker(due) {
        let salt = format!("relmap-plan-action-due-{index}");
        let mut response = ui
            .add(
                DatePickerButton::new(&mut date)
                    .id_salt(&salt)
                    .calendar_week(false),
            )
            .accessible_name(format!("Action {number} due date"));
        if let Some(days) = late {
            response = response.on_hover_text(overdue_text(days));
        }
        if response.changed()
            && let Some(picked) = from_picker(date)
        {
            edits.apply(with(index, item, |a| a.due = Some(picked)));
        }
    } else {
        // A year the picker cannot show; the date can still be cleared.
        ui.label(due.to_string());
    }
    if ui
        .small_button("Clear")
        .on_hover_text("Remove the due date")
        .accessible_name(format!("Clear due date of action {number}"))
        .clicked()
    {
        edits.apply(with(index, item, |a| a.due = None));
    }
}

/// The status as a drop-down of every status.
fn status_cell(ui: &mut egui::Ui, edits: &mut Edits<'_>, item: &ActionItem, index: usize) {
    let mut status = item.status;
    let response = egui::ComboBox::from_id_salt(("relmap-plan-action-status", index))
        .selected_text(status.label())
        .width(108.0)
        .show_ui(ui, |ui| {
            for choice in ActionStatus::ALL {
                ui.selectable_value(&mut status, choice, choice.label());
            }
        })
        .response
        .on_hover_text("Planned and In progress steps are open and can become overdue; Done and Dropped ones are not");
    response.accessible_name(format!("Action {} status", index + 1));
    if status != item.status {
        edits.apply(with(index, item, |a| a.status = status));
    }
}

/// The node the step concerns: a drop-down to choose it and its title, which selects it on the map.
fn linked_cell(
    ui: &mut egui::Ui,
    edits: &mut Edits<'_>,
    workbook: &Workbook,
    item: &ActionItem,
    index: usize,
    filter: &mut String,
) {
    let map = &workbook.map;
    let number = index + 1;
    let picked = node_picker(
        ui,
        map,
        Id::unique(("relmap-plan-action-node", index)),
        &format!("Action {number} linked node"),
        item.node,
        filter,
    );
    match picked {
        Some(Choice::Node(node)) => edits.apply(with(index, item, |a| a.node = Some(node))),
        Some(Choice::Clear) => edits.apply(with(index, item, |a| a.node = None)),
        None => {}
    }
    match item.node.map(|node| (node, map.topic(node))) {
        None => {
            ui.weak("None");
        }
        Some((node, Some(topic))) => {
            if ui
                .link(&topic.title)
                .on_hover_text("Show this node on the map")
                .clicked()
            {
                edits.select(node);
            }
        }
        Some((_, None)) => {
            // The node was removed; the link comes back if the removal is undone.
            ui.weak("(removed node)");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 11, day)
    }

    fn step(day: Option<NaiveDate>, status: ActionStatus) -> ActionItem {
        ActionItem {
            due: day,
            status,
            ..ActionItem::default()
        }
    }

    #[test]
    fn sorting_by_due_date_puts_undated_steps_last_and_keeps_ties_in_order() {
        let actions = [
            step(None, ActionStatus::Planned),
            step(due(20), ActionStatus::Planned),
            step(due(3), ActionStatus::Done),
            step(due(20), ActionStatus::Planned),
        ];
        assert_eq!(view_order(&actions, true), [2, 1, 3, 0]);
        assert_eq!(view_order(&actions, false), [0, 1, 2, 3]);
    }

    #[test]
    fn only_open_steps_past_their_date_are_overdue() {
        let today = due(10).unwrap();
        assert_eq!(
            overdue_days(&step(due(3), ActionStatus::Planned), today),
            Some(7)
        );
        assert_eq!(
            overdue_days(&step(due(3), ActionStatus::InProgress), today),
            Some(7)
        );
        assert_eq!(overdue_days(&step(due(3), ActionStatus::Done), today), None);
        assert_eq!(
            overdue_days(&step(due(10), ActionStatus::Planned), today),
            None
        );
        assert_eq!(
            overdue_days(&step(None, ActionStatus::Planned), today),
            None
        );
    }
}
