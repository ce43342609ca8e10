//! The inspector of a selected cross-link: where it goes, its label, and a way to delete it.

use egui::{Id, RichText, TextEdit, Ui};

use crate::model::{LinkId, Workbook};

/// What the user did to the link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkEdit {
    /// The label was typed into.
    Label(String),
    /// The label field lost the keyboard: the typing is one undo step from here on.
    LabelDone,
    /// Delete the link.
    Delete,
}

/// Shows the link's ends, its label and a Delete button. `focus` gives the label field the keyboard.
pub fn link_inspector_ui(
    ui: &mut Ui,
    workbook: &Workbook,
    id: LinkId,
    focus: bool,
) -> Option<LinkEdit> {
    let map = &workbook.map;
    let link = map.link(id)?;
    let title = |node| map.topic(node).map_or("(missing)", |t| t.title.as_str());
    let mut edit = None;
    ui.add_space(4.0);
    ui.heading("Cross-link");
    ui.label(RichText::new(format!("From {} to {}", title(link.from), title(link.to))).weak());
    ui.separator();
    let label = ui.label("Label:");
    let mut text = link.label.clone();
    let response = ui
        .add(
            TextEdit::singleline(&mut text)
                .id(Id::unique(("relmap-link-label", id)))
                .hint_text("what connects them"),
        )
        .labelled_by(label.id);
    if focus {
        response.request_focus();
    }
    if response.changed() {
        edit = Some(LinkEdit::Label(text));
    } else if response.lost_focus() {
        edit = Some(LinkEdit::LabelDone);
    }
    ui.add_space(8.0);
    if ui
        .button("Delete link")
        .on_hover_text("Remove this cross-link (Delete)")
        .clicked()
    {
        edit = Some(LinkEdit::Delete);
    }
    edit
}
