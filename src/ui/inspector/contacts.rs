//! How often to be in touch, when the next contact is due, and the log of contacts so far.

use chrono::NaiveDate;
use egui::{Id, RichText, Ui};

use crate::document::{EditCommand, ListItem, ListOp, ListRef};
use crate::model::{Contact, Frequency, Topic};

use super::fields::{
    Edits, Field, Naming, add_button, days, from_picker, icon_button, replace, room_for_buttons,
    section_heading, show_date, text_field, to_picker,
};
use super::late_text;
use super::lists::{REMOVE, row_id};

/// The longest custom rhythm offered: two years.
const MAX_DAYS: u16 = 730;
/// The custom rhythm offered first when nothing suggests another.
const DEFAULT_DAYS: u16 = 30;

/// The frequency, the next contact due, and the contact log.
pub(super) fn staying_in_touch(ui: &mut Ui, edits: &mut Edits, topic: &Topic, today: NaiveDate) {
    section_heading(ui, "Staying in touch").on_hover_text(
        "How often you mean to be in touch, when the next contact is due, and the contacts you have had.",
    );
    egui::Grid::new(("relmap-inspector-touch", topic.id))
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            frequency(ui, edits, topic);
            ui.end_row();
            next_contact(ui, topic, today);
            ui.end_row();
        });
    contact_log(ui, edits, topic, today);
}

/// "How often": the presets and a custom number of days. Choosing one makes it the user's own, so a
/// template's suggestion is no longer marked as one.
fn frequency(ui: &mut Ui, edits: &mut Edits, topic: &Topic) {
    let id = topic.id;
    let profile = &topic.profile;
    let current = profile.frequency;
    let label = ui.label("How often").on_hover_text(
        "How often you mean to be in touch. No rule prescribes it: it is your choice.",
    );
    ui.horizontal_wrapped(|ui| {
        let custom = matches!(current, Frequency::EveryDays(_));
        let mut choose = |frequency: Frequency| {
            if frequency != current || profile.frequency_suggested {
                edits.apply(EditCommand::SetFrequency {
                    id,
                    frequency,
                    suggested: false,
                });
            }
        };
        let selected = if custom {
            "Every N days".to_owned()
        } else {
            current.label()
        };
        egui::ComboBox::from_id_salt(("relmap-inspector-frequency", id))
            .selected_text(selected)
            .show_ui(ui, |ui| {
                for preset in Frequency::PRESETS {
                    if ui
                        .selectable_label(current == preset, preset.label())
                        .clicked()
                    {
                        choose(preset);
                    }
                }
                if ui.selectable_label(custom, "Every N days").clicked() && !custom {
                    // Start from about the rhythm already chosen, so switching to days keeps its meaning.
                    let start = current
                        .approx_days()
                        .and_then(|n| u16::try_from(n).ok())
                        .unwrap_or(DEFAULT_DAYS);
                    choose(Frequency::EveryDays(start.clamp(1, MAX_DAYS)));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("How often you mean to be in touch");
        if let Frequency::EveryDays(n) = current {
            every_days(ui, edits, topic, n);
        }
        if profile.frequency_suggested && current != Frequency::None {
            ui.weak("(suggested)").on_hover_text(
                "The template suggested this rhythm. Choose one yourself to make it yours.",
            );
        }
    });
}

/// The number of days of a custom rhythm. A drag changes it continuously, so the number is kept aside while
/// dragging and saved once, when the drag ends: the whole drag is one undo step.
fn every_days(ui: &mut Ui, edits: &mut Edits, topic: &Topic, saved: u16) {
    let draft_id = Id::unique(("relmap-inspector-days-draft", topic.id));
    let mut n = ui.data(|d| d.get_temp::<u16>(draft_id)).unwrap_or(saved);
    let response = ui
        .add(
            egui::DragValue::new(&mut n)
                .range(1..=MAX_DAYS)
                .speed(1.0)
                .suffix(" days"),
        )
        .accessible_name("Days between contacts")
        .on_hover_text("Days between contacts. Drag, or click to type a number.");
    if response.dragged() {
        ui.data_mut(|d| d.insert_temp(draft_id, n));
    } else {
        ui.data_mut(|d| d.remove_temp::<u16>(draft_id));
        if n != saved {
            edits.apply(EditCommand::SetFrequency {
                id: topic.id,
                frequency: Frequency::EveryDays(n),
                suggested: false,
            });
        }
    }
}

/// "Next contact": the last contact plus the frequency, or how late it is.
fn next_contact(ui: &mut Ui, topic: &Topic, today: NaiveDate) {
    let profile = &topic.profile;
    ui.label("Next contact")
        .on_hover_text("The last logged contact plus how often you mean to be in touch.");
    ui.horizontal_wrapped(
        |ui| match (profile.next_due(), profile.overdue_days(today)) {
            (Some(due), Some(late)) => {
                ui.label(late_text(format!("overdue by {}", days(late))).strong())
                    .on_hover_text(format!("It was due on {}.", show_date(due)));
            }
            (Some(due), None) => {
                let text = match (due - today).num_days() {
                    0 => format!("{} (today)", show_date(due)),
                    ahead => format!("{} (in {})", show_date(due), days(ahead)),
                };
                ui.label(text);
            }
            (None, _) if profile.frequency.approx_days().is_none() => {
                ui.weak("choose how often first");
            }
            (None, _) => {
                ui.weak("log a first contact to start counting");
            }
        },
    );
}

/// The logged contacts, newest first, with a button that logs one dated today.
fn contact_log(ui: &mut Ui, edits: &mut Edits, topic: &Topic, today: NaiveDate) {
    let list = ListRef::Contacts(topic.id);
    let contacts = &topic.profile.contacts;
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Contact log").strong());
        if add_button(
            ui,
            "Log contact",
            "Log a contact made today; change its date if it was earlier",
        ) {
            let index = contacts.len();
            edits.list(
                list,
                ListOp::Insert {
                    index,
                    item: ListItem::Contact(Contact {
                        date: today,
                        note: String::new(),
                    }),
                },
            );
            edits.focus_later(row_id(list, "note", index));
        }
    });
    if contacts.is_empty() {
        ui.weak("No contacts logged yet.");
    }
    // The file keeps contacts in the order they were entered; the screen shows the newest first, and among
    // contacts of one day the one entered last first. Rows are numbered as shown.
    let mut order: Vec<usize> = (0..contacts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((contacts[i].date, i)));
    for (row, &index) in order.iter().enumerate() {
        let contact = &contacts[index];
        let number = row + 1;
        ui.horizontal_top(|ui| {
            contact_date(ui, edits, list, index, contact, number);
            let width = (ui.available_width() - room_for_buttons(ui, &[REMOVE])).max(80.0);
            let name = format!("Contact note {number}");
            let field = Field::new(row_id(list, "note", index), Naming::Name(&name), width)
                .hint("What happened")
                .row();
            text_field(ui, edits, field, &contact.note, |note| {
                let item = ListItem::Contact(Contact {
                    date: contact.date,
                    note,
                });
                replace(list, index, item)
            });
            // Enter goes down the log as shown; a contact is logged with its button, dated, not by Enter.
            let next = order.get(row + 1).map(|&below| row_id(list, "note", below));
            edits.onward(row_id(list, "note", index), next, None);
            if icon_button(ui, true, REMOVE, &format!("Remove contact {number}")) {
                edits.list(list, ListOp::Remove { index });
            }
        });
    }
}

/// The date of one contact, as a button that opens the date picker.
fn contact_date(
    ui: &mut Ui,
    edits: &mut Edits,
    list: ListRef,
    index: usize,
    contact: &Contact,
    number: usize,
) {
    let name = format!("Contact date {number}");
    let Some(mut picked) = to_picker(contact.date) else {
        // A year the picker cannot show: the date is still shown, only not editable here.
        ui.label(show_date(contact.date)).on_hover_text(name);
        return;
    };
    // The salt follows the stored entry, not the row on screen, so an open picker stays with its contact.
    let salt = format!("relmap-inspector-contact-{:?}-{index}", list.node());
    let response = ui
        .add(
            egui_extras::DatePickerButton::new(&mut picked)
                .id_salt(&salt)
                .format("%-d %b %Y")
                .show_icon(false)
                .highlight_weekends(false)
                .calendar_week(false),
        )
        .accessible_name(name)
        .on_hover_text("When it happened. Click to pick another date.");
    if response.changed()
        && let Some(date) = from_picker(picked)
        && date != contact.date
    {
        let item = ListItem::Contact(Contact {
            date,
            note: contact.note.clone(),
        });
        edits.apply(replace(list, index, item));
    }
}
