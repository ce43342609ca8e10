//! The inspector's lists: key people and their interests, strategies, and success measures. Rows are named
//! by their number ("Person 2", "Remove strategy 3"), so screen readers and tests tell them apart.

use egui::{Id, RichText, Ui};

use crate::document::{ListItem, ListOp, ListRef};
use crate::model::{Person, Strategy, StrategyStatus, Topic};

use super::fields::{
    Edits, Field, HEADING_SIZE, Naming, NewRow, add_button, icon_button, replace, room_for_buttons,
    section_heading, text_field,
};
use crate::ui::style;

/// The glyph of buttons that remove a row.
pub(super) const REMOVE: &str = "🗑";
/// The glyph of buttons that move a row up.
const UP: &str = "⬆";
/// The glyph of buttons that move a row down.
const DOWN: &str = "⬇";

/// Key people, each a name or role beside what they care about.
pub(super) fn people(ui: &mut Ui, edits: &mut Edits, topic: &Topic) {
    let list = ListRef::People(topic.id);
    let people = &topic.profile.people;
    section_heading(ui, "Key people and interests")
        .on_hover_text("Who matters in this relationship, and what each of them cares about.");
    for (index, person) in people.iter().enumerate() {
        let number = index + 1;
        ui.horizontal_top(|ui| {
            let width = (ui.available_width()
                - room_for_buttons(ui, &[REMOVE])
                - ui.spacing().item_spacing.x)
                .max(80.0);
            let name = format!("Person {number}");
            let field = Field::new(
                row_id(list, "name", index),
                Naming::Name(&name),
                width * 0.4,
            )
            .hint("Name or role")
            .row();
            text_field(ui, edits, field, &person.name, |name| {
                let item = ListItem::Person(Person {
                    name,
                    interests: person.interests.clone(),
                });
                replace(list, index, item)
            });
            edits.onward(
                row_id(list, "name", index),
                Some(row_id(list, "interests", index)),
                None,
            );
            let interests = format!("Interests {number}");
            let field = Field::new(
                row_id(list, "interests", index),
                Naming::Name(&interests),
                width * 0.6,
            )
            .hint("What they care about")
            .row();
            text_field(ui, edits, field, &person.interests, |interests| {
                let item = ListItem::Person(Person {
                    name: person.name.clone(),
                    interests,
                });
                replace(list, index, item)
            });
            let next = (number < people.len()).then(|| row_id(list, "name", number));
            let add = NewRow {
                list,
                index: number,
                item: ListItem::Person(Person::default()),
                field: row_id(list, "name", number),
            };
            let filled = !person.name.trim().is_empty() || !person.interests.trim().is_empty();
            edits.onward(
                row_id(list, "interests", index),
                next,
                filled.then_some(add),
            );
            if icon_button(ui, true, REMOVE, &format!("Remove person {number}")) {
                edits.list(list, ListOp::Remove { index });
            }
        });
    }
    if add_button(ui, "Add person", "Add a key person and their interests") {
        let index = people.len();
        edits.list(
            list,
            ListOp::Insert {
                index,
                item: ListItem::Person(Person::default()),
            },
        );
        edits.focus_later(row_id(list, "name", index));
    }
}

/// Strategies, each with a mark for done, in an order the user chooses.
pub(super) fn strategies(ui: &mut Ui, edits: &mut Edits, topic: &Topic) {
    let list = ListRef::Strategies(topic.id);
    let strategies = &topic.profile.strategies;
    let len = strategies.len();
    let done = strategies
        .iter()
        .filter(|s| s.status == StrategyStatus::Done)
        .count();
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Strategies").strong().size(HEADING_SIZE))
            .on_hover_text("Focused ways of tending this relationship. Tick one when it is done.");
        if len > 0 {
            ui.weak(format!(
                "{} {} active · {} {done} done",
                style::GLYPH_ACTIVE,
                len - done,
                style::GLYPH_DONE
            ));
        }
    });
    for (index, strategy) in strategies.iter().enumerate() {
        let number = index + 1;
        ui.horizontal_top(|ui| {
            let mut done = strategy.status == StrategyStatus::Done;
            let response = ui
                .checkbox(&mut done, "")
                .accessible_name(format!("Done {number}"))
                .on_hover_text("Done");
            if response.changed() {
                let status = if done {
                    StrategyStatus::Done
                } else {
                    StrategyStatus::Active
                };
                let item = ListItem::Strategy(Strategy {
                    text: strategy.text.clone(),
                    status,
                });
                edits.apply(replace(list, index, item));
            }
            let width =
                (ui.available_width() - room_for_buttons(ui, &[UP, DOWN, REMOVE])).max(80.0);
            let name = format!("Strategy {number}");
            let mut field = Field::new(row_id(list, "text", index), Naming::Name(&name), width)
                .hint("What you will do")
                .row();
            // Done strategies stay for the record, greyed so the active ones stand out.
            if strategy.status == StrategyStatus::Done {
                field.color = Some(ui.visuals().weak_text_color());
            }
            text_field(ui, edits, field, &strategy.text, |text| {
                let item = ListItem::Strategy(Strategy {
                    text,
                    status: strategy.status,
                });
                replace(list, index, item)
            });
            let add = NewRow {
                list,
                index: number,
                item: ListItem::Strategy(Strategy::default()),
                field: row_id(list, "text", number),
            };
            let next = (number < len).then_some(add.field);
            let filled = !strategy.text.trim().is_empty();
            edits.onward(row_id(list, "text", index), next, filled.then_some(add));
            if icon_button(ui, index > 0, UP, &format!("Move strategy {number} up")) {
                edits.list(
                    list,
                    ListOp::Move {
                        from: index,
                        to: index - 1,
                    },
                );
            }
            if icon_button(
                ui,
                number < len,
                DOWN,
                &format!("Move strategy {number} down"),
            ) {
                edits.list(
                    list,
                    ListOp::Move {
                        from: index,
                        to: number,
                    },
                );
            }
            if icon_button(ui, true, REMOVE, &format!("Remove strategy {number}")) {
                edits.list(list, ListOp::Remove { index });
            }
        });
    }
    if add_button(
        ui,
        "Add strategy",
        "Add a focused strategy for this relationship",
    ) {
        edits.list(
            list,
            ListOp::Insert {
                index: len,
                item: ListItem::Strategy(Strategy::default()),
            },
        );
        edits.focus_later(row_id(list, "text", len));
    }
}

/// How the user will know the relationship is going well.
pub(super) fn success_measures(ui: &mut Ui, edits: &mut Edits, topic: &Topic) {
    let list = ListRef::SuccessMeasures(topic.id);
    let measures = &topic.profile.success_measures;
    section_heading(ui, "How success is measured")
        .on_hover_text("How you will know this relationship is going well.");
    for (index, measure) in measures.iter().enumerate() {
        let number = index + 1;
        ui.horizontal_top(|ui| {
            ui.label("•");
            let width = (ui.available_width() - room_for_buttons(ui, &[REMOVE])).max(80.0);
            let name = format!("Measure {number}");
            let field = Field::new(row_id(list, "text", index), Naming::Name(&name), width)
                .hint("A sign of success")
                .row();
            text_field(ui, edits, field, measure, |text| {
                replace(list, index, ListItem::Text(text))
            });
            let add = NewRow {
                list,
                index: number,
                item: ListItem::Text(String::new()),
                field: row_id(list, "text", number),
            };
            let next = (number < measures.len()).then_some(add.field);
            let filled = !measure.trim().is_empty();
            edits.onward(row_id(list, "text", index), next, filled.then_some(add));
            if icon_button(ui, true, REMOVE, &format!("Remove measure {number}")) {
                edits.list(list, ListOp::Remove { index });
            }
        });
    }
    if add_button(
        ui,
        "Add measure",
        "Add a way to tell that this relationship is going well",
    ) {
        let index = measures.len();
        edits.list(
            list,
            ListOp::Insert {
                index,
                item: ListItem::Text(String::new()),
            },
        );
        edits.focus_later(row_id(list, "text", index));
    }
}

/// The id of one field of row `index` of `list`.
pub(super) fn row_id(list: ListRef, field: &str, index: usize) -> Id {
    Id::unique(("relmap-inspector-row", list, field, index))
}
