//! A node's web or file link and its tags: short one-line fields, applied as one undo step when the user
//! leaves the field or presses Enter, rather than at every keystroke.

use egui::{Id, Ui};

use super::fields::{Edits, section_heading};
use crate::document::EditCommand;
use crate::model::Topic;

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
        let finished = committed_line(
            ui,
            Id::unique(("relmap-inspector-link", id)),
            label.id,
            &current_link,
            "https://… or a file path",
            width,
        );
        if let Some(text) = finished {
            let link = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
            if link != topic.link {
                edits.apply(EditCommand::SetLink { id, link });
            }
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
        let finished = committed_line(
            ui,
            Id::unique(("relmap-inspector-tags", id)),
            label.id,
            &topic.tags.join(", "),
            "Words to find the node by, separated by commas",
            width,
        );
        if let Some(text) = finished {
            let tags = split_tags(&text);
            if tags != topic.tags {
                edits.apply(EditCommand::SetTags { id, tags });
            }
        }
    })
    .response
    .on_hover_text("Tags come from icons of imported maps too. Find (Ctrl+F) searches them.");
}

/// A one-line field whose text is kept as a draft while it has the keyboard; returns the text when the user
/// leaves the field or presses Enter. Escape drops the draft.
fn committed_line(
    ui: &mut Ui,
    id: Id,
    label: Id,
    value: &str,
    hint: &str,
    width: f32,
) -> Option<String> {
    let draft_id = id.with("draft");
    let mut text = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| value.to_owned());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .id(id)
                .desired_width(width)
                .hint_text(hint),
        )
        .labelled_by(label);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text));
        return None;
    }
    ui.data_mut(|d| d.remove_temp::<String>(draft_id));
    // egui lets go of the field on Escape before the frame begins; then the draft is dropped, not applied.
    let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
    (response.lost_focus() && !escaped).then_some(text)
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
