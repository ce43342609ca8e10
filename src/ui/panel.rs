//! What the side panels (inspector, plan, balance) ask the app to do. Panels never change the workbook: they
//! return these, and the app applies them after drawing, through the document's edit commands.

use crate::document::EditCommand;
use crate::model::NodeId;

/// One request from a panel.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelEdit {
    /// Apply a command as one undo step (a click, a toggle, adding or removing a row).
    Apply(EditCommand),
    /// Apply a command that types into a text field: consecutive typing into the same field is one undo step.
    Typing(EditCommand),
    /// The text field lost the keyboard: the next typing starts a new undo step.
    EndTyping,
    /// Select this node on the canvas and in the outline, and show it.
    Select(NodeId),
}

/// Whether the label with id `label` was clicked this frame: a click on a field's label puts the keyboard in the
/// field, as in other desktop programs.
pub(crate) fn label_clicked(ui: &egui::Ui, label: egui::Id) -> bool {
    let Some(rect) = ui.ctx().read_response(label).map(|r| r.rect) else {
        return false;
    };
    ui.input(|i| {
        i.pointer.primary_clicked()
            && i.pointer
                .interact_pos()
                .is_some_and(|pos| rect.contains(pos))
    })
}

/// Takes Enter pressed without any modifier out of the input. (`consume_key` would take Shift+Enter as well,
/// which starts a new line.)
pub(crate) fn take_plain_enter(input: &mut egui::InputState) -> bool {
    let plain_enter = |event: &egui::Event| {
        matches!(
            event,
            egui::Event::Key {
                key: egui::Key::Enter,
                pressed: true,
                modifiers,
                ..
            } if modifiers.is_none()
        )
    };
    let found = input.events.iter().any(plain_enter);
    if found {
        input.events.retain(|event| !plain_enter(event));
    }
    found
}

/// Makes the text field `response` (whose text is now `text`) undo a word at a time, as word processors do:
/// egui's fields keep an undo point only after a pause in typing, so Ctrl+Z after a sentence typed without one
/// would wipe the whole sentence. Call when the field's text changed this frame; a space or punctuation just
/// typed before the cursor marks the end of a word.
pub(crate) fn undo_by_word(ui: &egui::Ui, response: &egui::Response, text: &str) {
    let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), response.id) else {
        return;
    };
    let Some(range) = state.cursor.char_range() else {
        return;
    };
    let at = range.primary.index.0;
    let typed = at
        .checked_sub(1)
        .and_then(|before| text.chars().nth(before));
    if typed.is_some_and(|c| c.is_whitespace() || c.is_ascii_punctuation()) {
        let mut undoer = state.undoer();
        undoer.add_undo(&(range, text.to_owned()));
        state.set_undoer(undoer);
        state.store(ui.ctx(), response.id);
    }
}
