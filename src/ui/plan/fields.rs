//! What the plan tabs share: collecting their edits, text fields that type as one undo step, the buttons that
//! move and remove list rows, and the conversion between the model's dates and the date picker's.

use chrono::{Datelike as _, NaiveDate};
use egui::{Id, Response, TextEdit};

use crate::document::{EditCommand, ListItem, ListOp, ListRef};
use crate::model::NodeId;
use crate::ui::panel::PanelEdit;

/// The edits a tab asks for during one frame, and the text field to put the keyboard in next frame.
pub(super) struct Edits<'a> {
    /// What the tab asked for, in order.
    pub list: Vec<PanelEdit>,
    /// A field that does not exist yet (a row being added) gets the keyboard when it first appears.
    pub pending_focus: &'a mut Option<Id>,
    /// The one-line field Enter was pressed in this frame: its list decides where the keyboard goes on to, with
    /// [`Edits::onward`].
    pub entered: Option<Id>,
}

impl Edits<'_> {
    /// One click's worth of change: one undo step.
    pub fn apply(&mut self, command: EditCommand) {
        self.list.push(PanelEdit::Apply(command));
    }

    /// A change of one list entry.
    pub fn list(&mut self, list: ListRef, op: ListOp) {
        self.apply(EditCommand::EditList { list, op });
    }

    /// Selects a node on the canvas.
    pub fn select(&mut self, id: NodeId) {
        self.list.push(PanelEdit::Select(id));
    }

    /// Puts the keyboard in the field `id` once it is shown.
    pub fn focus_later(&mut self, id: Id) {
        *self.pending_focus = Some(id);
    }

    /// Where Enter pressed in the row field `id` this frame takes the keyboard: on to `next`, the next field of
    /// the row or the first of the next row. After the last row, `add` appends a new row (the list, where, what)
    /// and gives its field the keyboard; the caller leaves `add` out while the row is still empty, and then the
    /// keyboard stays where it is. It never leaves the list.
    pub fn onward(
        &mut self,
        id: Id,
        next: Option<Id>,
        add: Option<(ListRef, usize, ListItem, Id)>,
    ) {
        if self.entered != Some(id) {
            return;
        }
        self.entered = None;
        if let Some(next) = next {
            self.focus_later(next);
        } else if let Some((list, index, item, field)) = add {
            self.list(list, ListOp::Insert { index, item });
            self.focus_later(field);
        }
    }
}

/// A text field of the plan: its id, how it looks, the hint it shows while empty, and how it is named.
#[derive(Clone, Copy)]
pub(super) struct Field<'a> {
    /// The field's id, kept from frame to frame so the keyboard stays in it while its text changes.
    pub id: Id,
    /// One line or several.
    pub lines: Lines,
    /// Shown greyed while the field is empty.
    pub hint: &'a str,
    /// How screen readers and tests find it.
    pub naming: Naming<'a>,
}

/// How a text field looks.
#[derive(Clone, Copy)]
pub(super) enum Lines {
    /// One line, as wide as given.
    Single(f32),
    /// Several lines: the width and the number of rows shown.
    Multi(f32, usize),
}

/// The text field `field` showing `value`, or its hint greyed while `value` is empty. Each change becomes a
/// typing edit made by `command` from the whole new text, so a word typed is one undo step; losing the keyboard
/// ends that step.
pub(super) fn text_field(
    ui: &mut egui::Ui,
    edits: &mut Edits<'_>,
    field: Field<'_>,
    value: &str,
    command: impl FnOnce(String) -> EditCommand,
) -> Response {
    let Field {
        id,
        lines,
        hint,
        naming,
    } = field;
    // Enter in a one-line field (a row of a list) ends its typing; the list moves the keyboard on
    // ([`Edits::onward`]), and meanwhile the field keeps it, so it never falls to the map.
    if matches!(lines, Lines::Single(_))
        && ui.memory(|m| m.has_focus(id))
        && ui.input_mut(crate::ui::panel::take_plain_enter)
    {
        edits.list.push(PanelEdit::EndTyping);
        edits.entered = Some(id);
    }
    let mut text = value.to_owned();
    let edit = match lines {
        Lines::Single(width) => TextEdit::singleline(&mut text).desired_width(width),
        Lines::Multi(width, rows) => TextEdit::multiline(&mut text)
            .desired_width(width)
            .desired_rows(rows),
    };
    let response = ui.add(edit.id(id).hint_text(hint));
    let response = match naming {
        Naming::Label(label) => response.labelled_by(label),
        Naming::Name(name) => response.accessible_name(name),
    };
    if *edits.pending_focus == Some(id)
        || matches!(naming, Naming::Label(label) if crate::ui::panel::label_clicked(ui, label))
    {
        response.request_focus();
        // A row added at the end may be below the visible part of the tab.
        response.scroll_to_me(None);
        *edits.pending_focus = None;
    }
    if response.changed() {
        crate::ui::panel::undo_by_word(ui, &response, &text);
        edits.list.push(PanelEdit::Typing(command(text)));
    }
    if response.lost_focus() {
        edits.list.push(PanelEdit::EndTyping);
    }
    response
}

/// How a widget is named for screen readers and tests.
#[derive(Clone, Copy)]
pub(super) enum Naming<'a> {
    /// By the visible label with this id.
    Label(Id),
    /// By this name, for rows whose column or section heading is the visible label.
    Name(&'a str),
}

/// A small button showing `glyph`, named `name` for screen readers and tests, with `name` as its tooltip.
pub(super) fn icon_button(ui: &mut egui::Ui, enabled: bool, glyph: &str, name: &str) -> bool {
    ui.add_enabled(enabled, egui::Button::new(glyph).small())
        .on_hover_text(name)
        .accessible_name(name)
        .clicked()
}

/// The move-up, move-down and remove buttons of row `index` of `list` (of `len` rows); `noun` names one row,
/// as in "personal goal", and the buttons are named after it: "Move personal goal 2 up", "Remove personal goal 2".
pub(super) fn row_buttons(
    ui: &mut egui::Ui,
    edits: &mut Edits<'_>,
    list: ListRef,
    index: usize,
    len: usize,
    noun: &str,
) {
    let number = index + 1;
    let mut buttons = [Button::Up, Button::Down, Button::Remove];
    // In a right-to-left layout the first button lands on the right; the buttons read the same either way.
    if ui.layout().prefer_right_to_left() {
        buttons.reverse();
    }
    for button in buttons {
        let op = match button {
            Button::Up => icon_button(ui, index > 0, "⬆", &format!("Move {noun} {number} up"))
                .then(|| ListOp::Move {
                    from: index,
                    to: index.saturating_sub(1),
                }),
            Button::Down => {
                icon_button(ui, number < len, "⬇", &format!("Move {noun} {number} down")).then_some(
                    ListOp::Move {
                        from: index,
                        to: number,
                    },
                )
            }
            Button::Remove => icon_button(ui, true, "🗑", &format!("Remove {noun} {number}"))
                .then_some(ListOp::Remove { index }),
        };
        if let Some(op) = op {
            edits.list(list, op);
        }
    }
}

/// The buttons at the end of a row.
#[derive(Clone, Copy)]
enum Button {
    Up,
    Down,
    Remove,
}

/// The command that replaces entry `index` of `list` with `item`.
pub(super) fn replace(list: ListRef, index: usize, item: ListItem) -> EditCommand {
    EditCommand::EditList {
        list,
        op: ListOp::Replace { index, item },
    }
}

/// The model's date as the date picker's. `None` only for a year the picker cannot hold (beyond ±9999).
pub(super) fn to_picker(date: NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year()).ok()?;
    let month = i8::try_from(date.month()).ok()?;
    let day = i8::try_from(date.day()).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// The date picker's date as the model's.
pub(super) fn from_picker(date: jiff::civil::Date) -> Option<NaiveDate> {
    let month = u32::try_from(date.month()).ok()?;
    let day = u32::try_from(date.day()).ok()?;
    NaiveDate::from_ymd_opt(i32::from(date.year()), month, day)
}

/// "overdue by 1 day", "overdue by 12 days".
pub(super) fn overdue_text(days: i64) -> String {
    if days == 1 {
        "overdue by 1 day".to_owned()
    } else {
        format!("overdue by {days} days")
    }
}

/// The colour of overdue dates and of the tint behind overdue rows.
pub(super) fn overdue_colour(ui: &egui::Ui) -> egui::Color32 {
    ui.visuals().error_fg_color
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_survive_the_trip_through_the_date_picker() {
        for (y, m, d) in [(2024, 2, 29), (2026, 12, 31), (1999, 1, 1)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let picked = to_picker(date).unwrap();
            assert_eq!(
                (picked.year(), picked.month(), picked.day()),
                (y as i16, m as i8, d as i8)
            );
            assert_eq!(from_picker(picked), Some(date));
        }
    }

    #[test]
    fn overdue_counts_read_as_english() {
        assert_eq!(overdue_text(1), "overdue by 1 day");
        assert_eq!(overdue_text(27), "overdue by 27 days");
    }
}
