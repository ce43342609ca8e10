//! What the inspector's sections share: collecting their edits, text fields whose typing is one undo step,
//! small named buttons, section headings, and the conversion between the model's dates and the date picker's.

use chrono::{Datelike as _, NaiveDate};
use egui::{Id, Response, RichText, TextEdit, Ui};

use crate::document::{EditCommand, ListItem, ListOp, ListRef};
use crate::ui::panel::PanelEdit;

/// Where the field to give the keyboard next frame is remembered: a row added this frame has no field yet.
const PENDING_FOCUS: &str = "relmap-inspector-pending-focus";
/// Where it is remembered that an inspector field had the keyboard last frame.
const HAD_FOCUS: &str = "relmap-inspector-had-focus";

/// The edits the inspector asks for during one frame.
pub(super) struct Edits {
    /// What was asked for, in order.
    pub list: Vec<PanelEdit>,
    /// The field that was asked last frame to take the keyboard once it appears.
    pending_focus: Option<Id>,
    /// Whether one of the inspector's text fields has the keyboard this frame.
    any_focused: bool,
    /// The row field Enter was pressed in this frame: its list decides where the keyboard goes on to, with
    /// [`Edits::onward`].
    entered: Option<Id>,
}

impl Edits {
    /// Starts a frame, picking up the focus request left by the last one.
    pub fn begin(ui: &Ui) -> Edits {
        let key = Id::unique(PENDING_FOCUS);
        let pending_focus = ui.data_mut(|d| {
            let id = d.get_temp::<Id>(key);
            d.remove::<Id>(key);
            id
        });
        Edits {
            list: Vec::new(),
            pending_focus,
            any_focused: false,
            entered: None,
        }
    }

    /// Ends the frame. When a field had the keyboard and now none has, the typing ends here even if that
    /// field is gone (another node was selected), so that later typing in it is a new undo step.
    pub fn finish(mut self, ui: &Ui) -> Vec<PanelEdit> {
        let key = Id::unique(HAD_FOCUS);
        let had_focus = ui.data(|d| d.get_temp::<bool>(key)).unwrap_or(false);
        if had_focus && !self.any_focused && self.list.last() != Some(&PanelEdit::EndTyping) {
            self.list.push(PanelEdit::EndTyping);
        }
        ui.data_mut(|d| {
            d.insert_temp(key, self.any_focused);
            if let Some(id) = self.pending_focus {
                d.insert_temp(Id::unique(PENDING_FOCUS), id);
            }
        });
        self.list
    }

    /// One click's worth of change: one undo step.
    pub fn apply(&mut self, command: EditCommand) {
        self.list.push(PanelEdit::Apply(command));
    }

    /// A change of one list entry, as one undo step.
    pub fn list(&mut self, list: ListRef, op: ListOp) {
        self.apply(EditCommand::EditList { list, op });
    }

    /// Puts the keyboard in the field `id` once it is shown (a row added now appears next frame).
    pub fn focus_later(&mut self, id: Id) {
        self.pending_focus = Some(id);
    }

    /// Where Enter pressed in the row field `id` this frame takes the keyboard: on to `next`, the next field of
    /// the row or the first of the next row. After the last row, `add` appends a new row and gives it the
    /// keyboard; the caller leaves `add` out while the row is still empty, and then the keyboard stays where it
    /// is. It never leaves the list, so typing never goes on in another section.
    pub fn onward(&mut self, id: Id, next: Option<Id>, add: Option<NewRow>) {
        if self.entered != Some(id) {
            return;
        }
        self.entered = None;
        if let Some(next) = next {
            self.focus_later(next);
        } else if let Some(row) = add {
            let NewRow {
                list,
                index,
                item,
                field,
            } = row;
            self.list(list, ListOp::Insert { index, item });
            self.focus_later(field);
        }
    }
}

/// A row that Enter after the last row of a list appends: the list, where the row goes, what it holds at first,
/// and its field that takes the keyboard.
pub(super) struct NewRow {
    pub list: ListRef,
    pub index: usize,
    pub item: ListItem,
    pub field: Id,
}

/// One text field: its id, how it is named, and its look. Fields wrap and grow as their text does.
pub(super) struct Field<'a> {
    /// Its id, stable from frame to frame (it keeps the cursor and the keyboard).
    pub id: Id,
    /// How screen readers and tests name it.
    pub naming: Naming<'a>,
    /// How wide it is.
    pub width: f32,
    /// How many lines high it is at least.
    pub rows: usize,
    /// Grey text shown while it is empty.
    pub hint: &'a str,
    /// Its text colour, where it differs from the usual one.
    pub color: Option<egui::Color32>,
    /// Its font, where it differs from the body font.
    pub font: Option<egui::TextStyle>,
    /// Whether Enter moves on from the field (Shift+Enter then starts a new line), as in the rows of a list.
    pub enter_leaves: bool,
}

impl<'a> Field<'a> {
    /// A field one line high, `width` wide.
    pub fn new(id: Id, naming: Naming<'a>, width: f32) -> Field<'a> {
        Field {
            id,
            naming,
            width,
            rows: 1,
            hint: "",
            color: None,
            font: None,
            enter_leaves: false,
        }
    }

    /// The field at least `rows` lines high.
    pub fn rows(self, rows: usize) -> Field<'a> {
        Field { rows, ..self }
    }

    /// The field with grey text shown while it is empty.
    pub fn hint(self, hint: &'a str) -> Field<'a> {
        Field { hint, ..self }
    }

    /// A row of a list: Enter confirms it and moves on, Shift+Enter starts a new line.
    pub fn row(self) -> Field<'a> {
        Field {
            enter_leaves: true,
            ..self
        }
    }
}

/// A text field showing `value`. Each change becomes a typing edit that `command` makes from the whole new
/// text, so a word typed is one undo step; losing the keyboard ends that step.
pub(super) fn text_field(
    ui: &mut Ui,
    edits: &mut Edits,
    field: Field<'_>,
    value: &str,
    command: impl FnOnce(String) -> EditCommand,
) -> Response {
    // Enter in a row ends its typing; the list moves the keyboard on ([`Edits::onward`]), and meanwhile the field
    // keeps it, so it never falls to the map.
    if field.enter_leaves
        && ui.memory(|m| m.has_focus(field.id))
        && ui.input_mut(crate::ui::panel::take_plain_enter)
    {
        edits.list.push(PanelEdit::EndTyping);
        edits.entered = Some(field.id);
    }
    let mut text = value.to_owned();
    let mut edit = TextEdit::multiline(&mut text)
        .id(field.id)
        .desired_width(field.width)
        .desired_rows(field.rows)
        .hint_text(field.hint.to_owned())
        .text_color_opt(field.color);
    if let Some(font) = field.font {
        edit = edit.font(font);
    }
    if field.enter_leaves {
        edit = edit.return_key(egui::KeyboardShortcut::new(
            egui::Modifiers::SHIFT,
            egui::Key::Enter,
        ));
    }
    // Escape keeps the keyboard in the field, as the user left it: egui would drop the keyboard before the frame
    // begins, and the next key would go nowhere, so the field takes the key itself and only ends the undo step.
    let filter = egui::EventFilter {
        escape: true,
        ..edit.get_event_filter()
    };
    edit = edit.event_filter(filter);
    let response = ui.add(edit);
    let escaped = response.has_focus()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
    let response = match field.naming {
        Naming::Label(label) => response.labelled_by(label),
        Naming::Name(name) => response.accessible_name(name),
    };
    if edits.pending_focus == Some(field.id)
        || matches!(field.naming, Naming::Label(label) if crate::ui::panel::label_clicked(ui, label))
    {
        response.request_focus();
        // The new row may be below the visible part of the panel.
        response.scroll_to_me(None);
        edits.pending_focus = None;
    }
    if response.has_focus() {
        edits.any_focused = true;
    }
    if response.changed() {
        crate::ui::panel::undo_by_word(ui, &response, &text);
        edits.list.push(PanelEdit::Typing(command(text)));
    }
    if response.lost_focus() || escaped {
        edits.list.push(PanelEdit::EndTyping);
    }
    response
}

/// How a widget is named for screen readers and tests.
#[derive(Clone, Copy)]
pub(super) enum Naming<'a> {
    /// By the visible label with this id.
    Label(Id),
    /// By this name, for rows of a list whose section heading is the visible label.
    Name(&'a str),
}

/// A small button showing `glyph`, named `name` for screen readers and tests, with `name` as its tooltip.
pub(super) fn icon_button(ui: &mut Ui, enabled: bool, glyph: &str, name: &str) -> bool {
    ui.add_enabled(enabled, egui::Button::new(glyph).small())
        .on_hover_text(name)
        .accessible_name(name)
        .clicked()
}

/// The room that icon buttons showing `glyphs` take at the end of a row, with the spacing before each. Fields
/// before them take exactly the rest: a row wider than the panel would widen the panel, frame after frame.
pub(super) fn room_for_buttons(ui: &Ui, glyphs: &[&str]) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let padding = ui.spacing().button_padding.x;
    let spacing = ui.spacing().item_spacing.x;
    glyphs
        .iter()
        .map(|glyph| {
            let text = ui.fonts_mut(|f| {
                f.layout_no_wrap((*glyph).to_owned(), font.clone(), colour)
                    .size()
                    .x
            });
            // One point of slack against rounding.
            text + 2.0 * padding + spacing + 1.0
        })
        .sum()
}

/// A button that adds a row, showing "+ Add person" and named "Add person".
pub(super) fn add_button(ui: &mut Ui, name: &str, tooltip: &str) -> bool {
    ui.add(egui::Button::new(format!("+ {name}")).small())
        .on_hover_text(tooltip)
        .accessible_name(name)
        .clicked()
}

/// The text size of section headings: between the body text and the title.
pub(super) const HEADING_SIZE: f32 = 15.0;

/// The heading of one section of the inspector.
pub(super) fn section_heading(ui: &mut Ui, name: &str) -> Response {
    ui.add_space(10.0);
    ui.label(RichText::new(name).strong().size(HEADING_SIZE))
}

/// The command that replaces entry `index` of `list` with `item`.
pub(super) fn replace(list: ListRef, index: usize, item: ListItem) -> EditCommand {
    EditCommand::EditList {
        list,
        op: ListOp::Replace { index, item },
    }
}

/// A date as people read it: "3 Mar 2026".
pub(super) fn show_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
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

/// "1 day", "12 days".
pub(super) fn days(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
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
    fn day_counts_read_as_english() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(0), "0 days");
        assert_eq!(days(27), "27 days");
    }
}
