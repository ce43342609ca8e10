//! The inspector: everything about the selected node, editable. Its sections follow the worksheet: how the
//! relationship is going, how often to be in touch and the contacts so far, the key people, the strategies,
//! how success is measured, and free notes.
//!
//! Like every panel it never changes the workbook itself: it returns [`PanelEdit`]s, which the app applies
//! after drawing.

mod contacts;
mod fields;
mod link_tags;
mod lists;

use chrono::NaiveDate;
use egui::{Id, RichText, Ui};

use crate::document::EditCommand;
use crate::model::{Health, NodeKind, ProfileText, Topic, Workbook};
use crate::model::{MindMap, NodeId};

use super::panel::PanelEdit;
use super::style;
use fields::{Edits, Field, Naming, section_heading, text_field};

/// Shows the selected node's title, kind and relationship profile, and returns the edits made to them.
/// `today` is the app's date, from which the next contact counts as due or overdue.
pub fn inspector_ui(
    ui: &mut Ui,
    workbook: &Workbook,
    selected: Option<NodeId>,
    today: NaiveDate,
) -> Vec<PanelEdit> {
    let map = &workbook.map;
    let Some(topic) = selected.and_then(|id| map.topic(id)) else {
        ui.add_space(8.0);
        ui.weak("Select a node on the map to see its relationship profile.");
        return Vec::new();
    };
    let mut edits = Edits::begin(ui);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            title_and_kind(ui, &mut edits, map, topic);
            ui.separator();
            health(ui, &mut edits, topic);
            contacts::staying_in_touch(ui, &mut edits, topic, today);
            lists::people(ui, &mut edits, topic);
            lists::strategies(ui, &mut edits, topic);
            lists::success_measures(ui, &mut edits, topic);
            notes(ui, &mut edits, topic);
            link_tags::link_and_tags(ui, &mut edits, topic);
            ui.add_space(12.0);
        });
    edits.finish(ui)
}

/// The title, in large type, editable in place; then the kind and where the node sits on the map.
fn title_and_kind(ui: &mut Ui, edits: &mut Edits, map: &MindMap, topic: &Topic) {
    let id = topic.id;
    let width = ui.available_width();
    // The title field is the panel's heading too, so it has no visible label of its own; "Title" alone would
    // also be ambiguous with the title editor on the canvas.
    let field = Field {
        font: Some(egui::TextStyle::Heading),
        ..Field::new(
            Id::unique(("relmap-inspector-title", id)),
            Naming::Name("Node title"),
            width,
        )
        .hint("Untitled")
    };
    text_field(ui, edits, field, &topic.title, |title| {
        EditCommand::Rename { id, title }
    })
    .on_hover_text("The title on the map. Enter starts a new line.");

    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Kind");
        let response = egui::ComboBox::from_id_salt(("relmap-inspector-kind", id))
            .selected_text(topic.kind.label())
            .show_ui(ui, |ui| {
                for kind in NodeKind::ALL {
                    if ui
                        .selectable_label(topic.kind == kind, kind.label())
                        .clicked()
                        && kind != topic.kind
                    {
                        edits.apply(EditCommand::SetKind { id, kind });
                    }
                }
            })
            .response;
        response
            .labelled_by(label.id)
            .on_hover_text("What this node stands for: a constituency, a group, a person…");
        if let Some(branch) = map
            .branch_of(id)
            .filter(|&b| b != id)
            .and_then(|b| map.topic(b))
        {
            ui.weak(format!("in {}", branch.title));
        }
        if let Some(icon) = topic.icon {
            ui.weak(format!("· {} {}", icon.glyph(), icon.label()));
        }
    });
}

/// The health rating with its coloured marker, and what makes the relationship work and what to improve.
fn health(ui: &mut Ui, edits: &mut Edits, topic: &Topic) {
    let id = topic.id;
    let profile = &topic.profile;
    section_heading(ui, "How it is going").on_hover_text(
        "Your own judgement of the relationship. The colour shows on the map and in the balance overview.",
    );
    ui.horizontal_wrapped(|ui| {
        for health in Health::ALL {
            let selected = profile.health == health;
            let response = ui
                .selectable_label(selected, health_text(ui, health))
                .accessible_name(health.label())
                .on_hover_text(health_meaning(health));
            paint_health_dot(ui, response.rect, health);
            if response.clicked() && !selected {
                edits.apply(EditCommand::SetHealth { id, health });
            }
        }
    });
    let width = ui.available_width();
    for (field, name, hint) in [
        (
            ProfileText::WhatWorks,
            "What makes it work",
            "What keeps this relationship healthy",
        ),
        (
            ProfileText::ToImprove,
            "What to improve",
            "What could work better, and how",
        ),
    ] {
        ui.add_space(4.0);
        let label = ui.label(name).on_hover_text(match field {
            ProfileText::WhatWorks => {
                "What keeps the relationship healthy: worth keeping up, and worth telling others"
            }
            _ => "Where the relationship falls short, and what you could do about it",
        });
        let text_id = Id::unique(("relmap-inspector-text", id, field_name(field)));
        let spec = Field::new(text_id, Naming::Label(label.id), width)
            .rows(2)
            .hint(hint);
        text_field(ui, edits, spec, profile.text(field), |text| {
            EditCommand::SetProfileText { id, field, text }
        });
    }
}

/// Free notes, on several lines.
fn notes(ui: &mut Ui, edits: &mut Edits, topic: &Topic) {
    let id = topic.id;
    let label = section_heading(ui, "Notes").on_hover_text(
        "Anything else about this node: background, history, reminders. Find (Ctrl+F) searches it.",
    );
    let field = Field::new(
        Id::unique(("relmap-inspector-text", id, field_name(ProfileText::Notes))),
        Naming::Label(label.id),
        ui.available_width(),
    )
    .rows(4)
    .hint("Anything else worth remembering");
    text_field(ui, edits, field, &topic.profile.notes, |text| {
        EditCommand::SetProfileText {
            id,
            field: ProfileText::Notes,
            text,
        }
    });
}

/// What a health rating means, for its tooltip.
fn health_meaning(health: Health) -> &'static str {
    match health {
        Health::NotAssessed => "You have not judged this relationship yet",
        Health::WorkingWell => "The relationship is healthy: keep tending it as you do",
        Health::NeedsAttention => "Something is slipping: plan a contact or a strategy",
        Health::Neglected => "Out of touch: this relationship needs you most",
    }
}

/// A stable name for a free-text field, for its widget id.
fn field_name(field: ProfileText) -> &'static str {
    match field {
        ProfileText::WhatWorks => "what-works",
        ProfileText::ToImprove => "to-improve",
        ProfileText::Notes => "notes",
    }
}

/// Room left before a rating's name for its coloured dot.
const DOT_ROOM: f32 = 14.0;

/// A rating's name, with room before it for its coloured dot.
fn health_text(ui: &Ui, health: Health) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let mut job = egui::text::LayoutJob::default();
    job.append(
        health.label(),
        DOT_ROOM,
        egui::TextFormat::simple(font, ui.visuals().text_color()),
    );
    job
}

/// Paints the dot in the colour of `health` in the room [`health_text`] leaves in a button.
fn paint_health_dot(ui: &Ui, button: egui::Rect, health: Health) {
    let radius = 4.5;
    let centre = egui::pos2(
        button.left() + ui.spacing().button_padding.x + radius,
        button.center().y,
    );
    ui.painter()
        .circle_filled(centre, radius, style::health_colour(health));
}

/// Text in the colour of neglected relationships, for what is late.
fn late_text(text: impl Into<String>) -> RichText {
    RichText::new(text).color(style::health_colour(Health::Neglected))
}
