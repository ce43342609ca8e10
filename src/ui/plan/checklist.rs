//! The Checklist tab: the characteristics of a learning organization, each ticked when it is well represented on
//! the team, marked when the team wants to improve it, and given a note. Items can be added, removed, reordered.

use egui::Id;

use crate::document::{ListItem, ListOp, ListRef};
use crate::model::{ChecklistItem, Workbook};

use super::fields::{Edits, Field, Lines, Naming, replace, row_buttons, text_field};

/// The width left for the row buttons at the end of each row.
const BUTTONS_WIDTH: f32 = 90.0;
/// The width of each checkbox column, wide enough for its heading.
const MARK_WIDTH: f32 = 110.0;
/// The width of the column of item numbers.
const NUMBER_WIDTH: f32 = 22.0;

/// Shows the checklist as a grid: one row per item, a heading above each column.
pub(super) fn checklist_ui(ui: &mut egui::Ui, workbook: &Workbook, edits: &mut Edits<'_>) {
    let items = &workbook.plan.checklist;
    ui.weak("Tick what is well represented on your team, and mark what you want to improve.");
    // The characteristic gets most of the room, the note the rest.
    let free =
        (ui.available_width() - 2.0 * MARK_WIDTH - NUMBER_WIDTH - BUTTONS_WIDTH - 50.0).max(200.0);
    let text_width = free * 0.6;
    let note_width = free * 0.4;
    let widths = [NUMBER_WIDTH, text_width, MARK_WIDTH, MARK_WIDTH, note_width];
    ui.horizontal(|ui| {
        for (width, heading) in widths.iter().zip([
            "",
            "Characteristic",
            "Well represented",
            "Want to improve",
            "Note",
        ]) {
            cell(ui, *width, |ui| {
                ui.strong(heading);
            });
        }
    });
    for (index, item) in items.iter().enumerate() {
        ui.horizontal(|ui| item_row(ui, edits, item, index, items.len(), widths));
        ui.add_space(2.0);
    }
    if ui
        .button("➕ Add checklist item")
        .accessible_name("Add checklist item")
        .clicked()
    {
        edits.list(
            ListRef::Checklist,
            ListOp::Insert {
                index: items.len(),
                item: ListItem::Checklist(ChecklistItem::default()),
            },
        );
        edits.focus_later(text_id(items.len()));
    }
}

/// The text field of item `index`.
fn text_id(index: usize) -> Id {
    Id::unique(("relmap-plan-checklist-text", index))
}

/// Lays out `add` in a column `width` wide, so the rows line up under the headings.
fn cell(ui: &mut egui::Ui, width: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(width);
            add(ui);
        },
    );
}

/// One item: its number, text, two marks, note and row buttons. Every change replaces the whole item.
fn item_row(
    ui: &mut egui::Ui,
    edits: &mut Edits<'_>,
    item: &ChecklistItem,
    index: usize,
    len: usize,
    [number_width, text_width, mark_width, _, note_width]: [f32; 5],
) {
    let list = ListRef::Checklist;
    let number = index + 1;
    let with = |change: &dyn Fn(&mut ChecklistItem)| {
        let mut changed = item.clone();
        change(&mut changed);
        replace(list, index, ListItem::Checklist(changed))
    };
    cell(ui, number_width, |ui| {
        ui.label(format!("{number}."));
    });
    text_field(
        ui,
        edits,
        Field {
            id: text_id(index),
            lines: Lines::Multi(text_width, 2),
            hint: "A characteristic of a learning organization",
            naming: Naming::Name(&format!("Checklist item {number}")),
        },
        &item.text,
        |text| with(&|i| i.text.clone_from(&text)),
    );
    cell(ui, mark_width, |ui| {
        let mut well = item.well_represented;
        if ui
            .checkbox(&mut well, "")
            .on_hover_text("Well represented on the team")
            .accessible_name(format!("Well represented {number}"))
            .changed()
        {
            edits.apply(with(&|i| i.well_represented = well));
        }
    });
    cell(ui, mark_width, |ui| {
        let mut improve = item.want_to_improve;
        if ui
            .checkbox(&mut improve, "")
            .on_hover_text("The team wants to improve this")
            .accessible_name(format!("Want to improve {number}"))
            .changed()
        {
            edits.apply(with(&|i| i.want_to_improve = improve));
        }
    });
    text_field(
        ui,
        edits,
        Field {
            id: Id::unique(("relmap-plan-checklist-note", index)),
            lines: Lines::Multi(note_width, 2),
            hint: "",
            naming: Naming::Name(&format!("Checklist note {number}")),
        },
        &item.note,
        |note| with(&|i| i.note.clone_from(&note)),
    );
    row_buttons(ui, edits, list, index, len, "checklist item");
}
