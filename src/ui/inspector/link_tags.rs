//! A node's web or file link and its tags: short one-line fields, applied as one undo step when the user
//! leaves the field or presses Enter, rather than at every keystroke.

use egui::{Id, Ui};

use super::fields::{Edits, section_heading};
use crate::document::EditCommand;
use crate::model::Topic;
use crate::ui::drafts;

/// The link, with a button that opens it, and the tags as a comma-separated list.
pub(super) fn link_and_tags(ui: &mut Ui, edits: &mut Edits, topic: &Topic) {
    let id = topic.id;
    section_heading(ui, "Link and tags").on_hover_text(
        "A web page or file that belongs to this node, and words to find it by (Ctrl+F searches tags).",
    );
    let current_link = topic.link.clone().unwrap_or_default();
    ui.horizontal(|ui| {
        let label = ui.label("Link");
        let open_width = if topic.link.is_some() { 60.0 } else { 0.0 };
        let width = (ui.available_width() - open_width).max(80.0);
        let to_command = |text: &str| {
            let link = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
            (link != topic.link).then_some(EditCommand::SetLink { id, link })
        };
        let line = Line {
            id: Id::unique(("relmap-inspector-link", id)),
            label: label.id,
            hint: "https://… or a file path",
            width,
        };
        if let Some(command) = committed_line(ui, &line, &current_link, to_command) {
            edits.apply(command);
        }
        if let Some(link) = &topic.link
            && ui
                .button("Open")
                .on_hover_text(format!("Open {link} in the browser or the program for it"))
                .clicked()
        {
            ui.ctx().open_url(egui::OpenUrl::new_tab(link));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Tags");
        let width = ui.available_width();
        let to_command = |text: &str| {
            let tags = split_tags(text);
            (tags != topic.tags).then_some(EditCommand::SetTags { id, tags })
        };
        let line = Line {
            id: Id::unique(("relmap-inspector-tags", id)),
            label: label.id,
            hint: "Words to find the node by, separated by commas",
            width,
        };
        if let Some(command) = committed_line(ui, &line, &topic.tags.join(", "), to_command) {
            edits.apply(command);
        }
    })
    .response
    .on_hover_text("Tags come from icons of imported maps too. Find (Ctrl+F) searches them.");
}

/// A one-line field of [`committed_line`]: its id, the id of its visible label, its hint and its width.
struct Line<'a> {
    id: Id,
    label: Id,
    hint: &'a str,
    width: f32,
}

/// A one-line field whose text is kept as a draft while it has the keyboard; returns the edit `to_command`
/// makes of the text when the user leaves the field or presses Enter. While the user
/// types, the draft is in flight (`drafts`), so that a command given meanwhile applies it first.
fn committed_line(
    ui: &mut Ui,
    line: &Line<'_>,
    value: &str,
    to_command: impl Fn(&str) -> Option<EditCommand>,
) -> Option<EditCommand> {
    let draft_id = line.id.with("draft");
    let mut text = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| value.to_owned());
    let edit = egui::TextEdit::singleline(&mut text)
        .id(line.id)
        .desired_width(line.width)
        .hint_text(line.hint);
    // Escape leaves the keyboard in the field with what was typed, as in every other field.
    let filter = egui::EventFilter {
        escape: true,
        ..edit.get_event_filter()
    };
    let response = ui.add(edit.event_filter(filter)).labelled_by(line.label);
    if response.has_focus() {
        ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        drafts::typing(ui.ctx(), draft_id, to_command(&text));
        ui.data_mut(|d| d.insert_temp(draft_id, text));
        return None;
    }
    ui.data_mut(|d| d.remove_temp::<String>(draft_id));
    drafts::left(ui.ctx(), draft_id);
    if response.lost_focus() {
        to_command(&text)
    } else {
        None
    }
}

/// The tags typed as a comma-separated list: trimmed, without empty ones or repeats.
fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_split_on_commas_trimmed_and_kept_once() {
        assert_eq!(
            split_tags(" board, budget,,board ,  "),
            ["board".to_owned(), "budget".to_owned()]
        );
        assert!(split_tags(" , ").is_empty());
    }
}
