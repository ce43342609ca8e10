//! The inspector: the title and relationship profile of the selected node. Read-only for now; editing it is
//! the planning work that builds on this.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::{Frequency, Health, NodeId, StrategyStatus, Workbook};

use super::panel::PanelEdit;
use super::style;

/// Shows the selected node's profile.
pub fn inspector_ui(
    ui: &mut Ui,
    workbook: &Workbook,
    selected: Option<NodeId>,
    today: NaiveDate,
) -> Vec<PanelEdit> {
    let edits = Vec::new();
    let map = &workbook.map;
    let Some(topic) = selected.and_then(|id| map.topic(id)) else {
        ui.add_space(8.0);
        ui.weak("Select a node on the map to see its relationship profile.");
        return edits;
    };
    let profile = &topic.profile;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            let title = if topic.title.trim().is_empty() {
                "(untitled)"
            } else {
                topic.title.as_str()
            };
            ui.heading(title);
            ui.horizontal_wrapped(|ui| {
                ui.weak(topic.kind.label());
                if let Some(branch) = map
                    .branch_of(topic.id)
                    .filter(|&b| b != topic.id)
                    .and_then(|b| map.topic(b))
                {
                    ui.weak(format!("· in {}", branch.title));
                }
                if let Some(icon) = topic.icon {
                    ui.weak(format!("· {} {}", icon.glyph(), icon.label()));
                }
            });
            ui.separator();

            field(ui, "Health", |ui| {
                health_dot(ui, profile.health);
                ui.label(profile.health.label());
            });
            field(ui, "How often", |ui| {
                ui.label(profile.frequency.label());
                if profile.frequency_suggested && profile.frequency != Frequency::None {
                    ui.weak("(suggested)");
                }
            });
            field(ui, "Next contact", |ui| {
                match (profile.next_due(), profile.overdue_days(today)) {
                    (Some(_), Some(days)) => {
                        ui.label(
                            RichText::new(format!("overdue by {days} day{}", plural(days)))
                                .color(style::health_colour(Health::Neglected)),
                        );
                    }
                    (Some(due), None) => {
                        ui.label(due.format("%-d %b %Y").to_string());
                    }
                    (None, _) if profile.frequency == Frequency::None => {
                        ui.weak("no frequency set");
                    }
                    (None, _) => {
                        ui.weak("log a first contact to start counting");
                    }
                }
            });

            section(
                ui,
                "Key people and interests",
                profile.people.is_empty(),
                |ui| {
                    for person in &profile.people {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(RichText::new(&person.name).strong());
                            if !person.interests.is_empty() {
                                ui.label(format!("— {}", person.interests));
                            }
                        });
                    }
                },
            );
            section(ui, "Strategies", profile.strategies.is_empty(), |ui| {
                for strategy in &profile.strategies {
                    let mark = match strategy.status {
                        StrategyStatus::Active => style::GLYPH_ACTIVE,
                        StrategyStatus::Done => style::GLYPH_DONE,
                    };
                    ui.horizontal_wrapped(|ui| {
                        ui.label(mark);
                        ui.label(&strategy.text);
                    });
                }
            });
            section(
                ui,
                "How success is measured",
                profile.success_measures.is_empty(),
                |ui| {
                    for measure in &profile.success_measures {
                        ui.horizontal_wrapped(|ui| {
                            ui.label("•");
                            ui.label(measure);
                        });
                    }
                },
            );
            section(
                ui,
                "What makes it work",
                profile.what_works.is_empty(),
                |ui| {
                    ui.label(&profile.what_works);
                },
            );
            section(ui, "What to improve", profile.to_improve.is_empty(), |ui| {
                ui.label(&profile.to_improve);
            });
            section(ui, "Notes", profile.notes.is_empty(), |ui| {
                ui.label(&profile.notes);
            });
            section(ui, "Contact log", profile.contacts.is_empty(), |ui| {
                let mut contacts: Vec<_> = profile.contacts.iter().collect();
                contacts.sort_by_key(|c| std::cmp::Reverse(c.date));
                for contact in contacts {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new(contact.date.format("%-d %b %Y").to_string()).strong(),
                        );
                        ui.label(&contact.note);
                    });
                }
            });
        });
    edits
}

/// A small dot in the colour of a health rating.
fn health_dot(ui: &mut Ui, health: Health) {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), size * 0.32, style::health_colour(health));
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn field(ui: &mut Ui, name: &str, value: impl FnOnce(&mut Ui)) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{name}:")).weak());
        value(ui);
    });
}

fn section(ui: &mut Ui, name: &str, empty: bool, body: impl FnOnce(&mut Ui)) {
    ui.add_space(8.0);
    ui.label(RichText::new(name).strong());
    if empty {
        ui.weak("—");
    } else {
        body(ui);
    }
}
