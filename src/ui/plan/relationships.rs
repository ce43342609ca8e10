//! The Relationships tab: the relationship management plan as a read-only table of every node that has a
//! frequency or strategies, sortable by each column. A row's node name selects it on the map, and a button logs
//! a contact dated today.

use std::cmp::Ordering;

use chrono::NaiveDate;
use egui::{Align, Layout, Sense};
use egui_extras::{Column, TableBuilder};

use crate::document::{ListItem, ListOp, ListRef};
use crate::model::{Contact, MindMap, NodeId, Workbook, is_relationship};

use super::TABLE_HEADING;
use super::fields::{Edits, overdue_colour, overdue_text};

/// A column of the table, to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum SortColumn {
    /// The node's title.
    Node,
    /// The constituency it belongs to.
    Constituency,
    /// How often to be in touch, most frequent first.
    Frequency,
    /// How many strategies.
    Strategies,
    /// How many success measures.
    SuccessMeasures,
    /// The last logged contact.
    LastContact,
    /// When the next contact is due; the most pressing first.
    #[default]
    NextDue,
}

impl SortColumn {
    /// The columns in the order the table shows them, with their headings.
    const ALL: [(SortColumn, &'static str); 7] = [
        (SortColumn::Node, "Node"),
        (SortColumn::Constituency, "Constituency"),
        (SortColumn::Frequency, "Frequency"),
        (SortColumn::Strategies, "Strategies"),
        (SortColumn::SuccessMeasures, "Success measures"),
        (SortColumn::LastContact, "Last contact"),
        (SortColumn::NextDue, "Next due"),
    ];

    /// What the column holds, for its heading's tooltip.
    fn meaning(self) -> &'static str {
        match self {
            SortColumn::Node => "The person or group; click a name to show it on the map",
            SortColumn::Constituency => "The first-level branch the node belongs to",
            SortColumn::Frequency => "How often you mean to be in touch, set in the inspector",
            SortColumn::Strategies => "How you build this relationship, set in the inspector",
            SortColumn::SuccessMeasures => {
                "How you will know the relationship is going well, set in the inspector"
            }
            SortColumn::LastContact => "The latest contact logged for this node",
            SortColumn::NextDue => {
                "When the next contact is due: the last contact plus the frequency"
            }
        }
    }
}

/// The table's view state: the column it is sorted by, the direction, and the sorted rows.
#[derive(Debug, Default)]
pub(super) struct RelationshipsView {
    /// The column.
    pub column: SortColumn,
    /// Largest first.
    pub descending: bool,
    /// The rows, sorted, for the document version and the order they were made for. A frame draws from them;
    /// only an edit, another map or another order makes them again.
    cache: Option<SortedRows>,
    /// How many times the rows were made, for the tests.
    computed: u64,
}

/// The sorted rows and what they were made from.
#[derive(Debug)]
struct SortedRows {
    /// The document and its version, from `Document::version`.
    version: (u64, u64),
    column: SortColumn,
    descending: bool,
    rows: Vec<Row>,
}

impl RelationshipsView {
    /// The sorted rows of `map`, which is at `version`: made anew only when the version or the order changed.
    pub(super) fn rows(&mut self, map: &MindMap, version: (u64, u64)) -> &[Row] {
        let (column, descending) = (self.column, self.descending);
        let fresh = self.cache.as_ref().is_some_and(|cache| {
            cache.version == version && cache.column == column && cache.descending == descending
        });
        if !fresh {
            self.computed += 1;
            let mut rows = rows(map);
            sort_rows(&mut rows, column, descending);
            self.cache = Some(SortedRows {
                version,
                column,
                descending,
                rows,
            });
        }
        self.cache
            .as_ref()
            .map_or(&[], |cache| cache.rows.as_slice())
    }
}

/// One row of the table, computed from a node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Row {
    /// The node.
    pub id: NodeId,
    /// Its title.
    pub title: String,
    /// The title of its constituency; empty for the centre of the map.
    pub constituency: String,
    /// The frequency, as read.
    pub frequency: String,
    /// About how many days between contacts, for sorting; `None` without a frequency.
    pub frequency_days: Option<u32>,
    /// The strategies' texts.
    pub strategies: Vec<String>,
    /// The success measures.
    pub success_measures: Vec<String>,
    /// The last logged contact.
    pub last_contact: Option<NaiveDate>,
    /// The next contact due.
    pub next_due: Option<NaiveDate>,
    /// How many contacts are logged, to append the next one at the end.
    pub contacts: usize,
    /// The title and the constituency in lower case, to sort by without regard to case; made once per row
    /// rather than once per comparison.
    pub folded: (String, String),
}

/// The rows of every relationship in `map`, in the map's id order.
pub(super) fn rows(map: &MindMap) -> Vec<Row> {
    map.sorted_ids()
        .into_iter()
        .filter_map(|id| map.topic(id))
        .filter(|t| is_relationship(&t.profile))
        .map(|t| {
            let p = &t.profile;
            let constituency = map
                .branch_of(t.id)
                .and_then(|b| map.topic(b))
                .map(|b| b.title.clone())
                .unwrap_or_default();
            Row {
                id: t.id,
                title: t.title.clone(),
                folded: (folded(&t.title), folded(&constituency)),
                constituency,
                frequency: p.frequency.label(),
                frequency_days: p.frequency.approx_days(),
                strategies: p.strategies.iter().map(|s| s.text.clone()).collect(),
                success_measures: p.success_measures.clone(),
                last_contact: p.last_contact(),
                next_due: p.next_due(),
                contacts: p.contacts.len(),
            }
        })
        .collect()
}

/// Sorts `rows` by `column`. Rows with nothing in that column (no date, no frequency) come last in either
/// direction, because they are not the ones a sort is looking for; ties go by title and then id, so the order
/// is the same every frame.
pub(super) fn sort_rows(rows: &mut [Row], column: SortColumn, descending: bool) {
    let direct = |order: Ordering| if descending { order.reverse() } else { order };
    rows.sort_by(|a, b| {
        let by_column = match column {
            SortColumn::Node => direct(a.folded.0.cmp(&b.folded.0)),
            SortColumn::Constituency => direct(a.folded.1.cmp(&b.folded.1)),
            SortColumn::Frequency => gaps_last(a.frequency_days, b.frequency_days, direct),
            SortColumn::Strategies => direct(a.strategies.len().cmp(&b.strategies.len())),
            SortColumn::SuccessMeasures => {
                direct(a.success_measures.len().cmp(&b.success_measures.len()))
            }
            SortColumn::LastContact => gaps_last(a.last_contact, b.last_contact, direct),
            SortColumn::NextDue => gaps_last(a.next_due, b.next_due, direct),
        };
        by_column
            .then_with(|| a.folded.0.cmp(&b.folded.0))
            .then(a.id.cmp(&b.id))
    });
}

/// Compares two values in the direction `direct` gives, with a missing value after any present one.
fn gaps_last<T: Ord>(
    a: Option<T>,
    b: Option<T>,
    direct: impl Fn(Ordering) -> Ordering,
) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => direct(a.cmp(&b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Titles compare without regard to case, as a reader expects.
fn folded(text: &str) -> String {
    text.to_lowercase()
}

/// "3: first, second, …": the count and the first texts, as much as a cell shows.
fn summary(texts: &[String]) -> String {
    match texts {
        [] => String::new(),
        [only] => only.clone(),
        [first, ..] => format!("{}: {first}, …", texts.len()),
    }
}

/// A column that starts `width` wide and can be dragged wider or narrower; its text is cut at its edge.
fn resizable(width: f32) -> Column {
    Column::initial(width)
        .at_least(60.0)
        .resizable(true)
        .clip(true)
}

/// Shows the table.
pub(super) fn relationships_ui(
    ui: &mut egui::Ui,
    workbook: &Workbook,
    version: (u64, u64),
    today: NaiveDate,
    view: &mut RelationshipsView,
    edits: &mut Edits<'_>,
) {
    if view.rows(&workbook.map, version).is_empty() {
        ui.weak(
            "No relationships planned yet: give a node a frequency or strategies in the inspector.",
        );
        return;
    }
    // The heading changes the order (a field of the view) while the body reads the rows (another field); a
    // new order makes the rows again at the next frame.
    let rows: &[Row] = view
        .cache
        .as_ref()
        .map_or(&[], |cache| cache.rows.as_slice());
    let late_colour = overdue_colour(ui);
    let rows_height = (ui.available_height() - TABLE_HEADING).max(TABLE_HEADING);
    TableBuilder::new(ui)
        .id_salt("relmap-plan-relationships")
        .striped(true)
        // Filling the panel keeps its height, and the tab row with it, the same on every tab; the rows scroll
        // within what is left below the headings rather than making the panel taller.
        .auto_shrink([false, false])
        .max_scroll_height(rows_height)
        .sense(Sense::click())
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(resizable(135.0))
        .column(resizable(130.0))
        .column(resizable(90.0))
        .column(resizable(110.0))
        .column(resizable(110.0))
        .column(resizable(85.0))
        .column(Column::remainder().at_least(130.0).clip(true))
        .column(Column::exact(90.0).clip(true))
        .header(24.0, |mut header| {
            for (column, title) in SortColumn::ALL {
                header.col(|ui| {
                    let arrow = match (view.column == column, view.descending) {
                        (false, _) => "",
                        (true, false) => " ⏶",
                        (true, true) => " ⏷",
                    };
                    let clicked = ui
                        .add(
                            egui::Button::new(
                                egui::RichText::new(format!("{title}{arrow}")).strong(),
                            )
                            .frame(false),
                        )
                        .on_hover_text(format!(
                            "{}.\nClick to sort by {}; click again to reverse.",
                            column.meaning(),
                            title.to_lowercase()
                        ))
                        .accessible_name(format!("Sort by {}", title.to_lowercase()))
                        .clicked();
                    if clicked {
                        // A second click on the same heading turns the order round.
                        view.descending = view.column == column && !view.descending;
                        view.column = column;
                    }
                });
            }
            header.col(|_| {});
        })
        .body(|body| {
            body.rows(26.0, rows.len(), |mut table_row| {
                let row = &rows[table_row.index()];
                table_row.col(|ui| {
                    if ui
                        .link(&row.title)
                        .on_hover_text("Show on the map")
                        .clicked()
                    {
                        edits.select(row.id);
                    }
                });
                table_row.col(|ui| {
                    ui.label(&row.constituency);
                });
                table_row.col(|ui| {
                    ui.label(&row.frequency);
                });
                table_row.col(|ui| {
                    let text = summary(&row.strategies);
                    ui.add(egui::Label::new(&text).truncate())
                        .on_hover_text(row.strategies.join("\n"));
                });
                table_row.col(|ui| {
                    let text = summary(&row.success_measures);
                    ui.add(egui::Label::new(&text).truncate())
                        .on_hover_text(row.success_measures.join("\n"));
                });
                table_row.col(|ui| {
                    ui.label(
                        row.last_contact
                            .map_or_else(|| "never".to_owned(), |d| d.to_string()),
                    );
                });
                table_row.col(|ui| match row.next_due {
                    None => {
                        ui.weak("—");
                    }
                    Some(due) => {
                        let late = (today - due).num_days();
                        if late > 0 {
                            // The lateness is what matters at a glance; the date is a hover away.
                            ui.colored_label(late_colour, overdue_text(late))
                                .on_hover_text(format!("Due on {due}"));
                        } else {
                            ui.label(due.to_string());
                        }
                    }
                });
                table_row.col(|ui| {
                    let name = format!("Log contact today for {}", row.title);
                    if ui
                        .small_button("Log contact")
                        .on_hover_text("Log a contact dated today")
                        .accessible_name(&name)
                        .clicked()
                    {
                        edits.list(
                            ListRef::Contacts(row.id),
                            ListOp::Insert {
                                index: row.contacts,
                                item: ListItem::Contact(Contact {
                                    date: today,
                                    note: String::new(),
                                }),
                            },
                        );
                    }
                });
                if table_row.response().clicked() {
                    edits.select(row.id);
                }
            });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 11, day)
    }

    fn row(id: u64, title: &str, next_due: Option<NaiveDate>) -> Row {
        Row {
            id: NodeId(id),
            title: title.to_owned(),
            constituency: String::new(),
            frequency: String::new(),
            frequency_days: None,
            strategies: Vec::new(),
            success_measures: Vec::new(),
            last_contact: None,
            next_due,
            contacts: 0,
            folded: (title.to_lowercase(), String::new()),
        }
    }

    fn titles(rows: &[Row]) -> Vec<&str> {
        rows.iter().map(|r| r.title.as_str()).collect()
    }

    fn sample() -> Vec<Row> {
        vec![
            row(1, "staff", date(20)),
            row(2, "Board", None),
            row(3, "Mentor", date(3)),
            row(4, "alumni", date(20)),
        ]
    }

    #[test]
    fn rows_sort_by_name_ignoring_case_in_both_directions() {
        let mut rows = sample();
        sort_rows(&mut rows, SortColumn::Node, false);
        assert_eq!(titles(&rows), ["alumni", "Board", "Mentor", "staff"]);
        sort_rows(&mut rows, SortColumn::Node, true);
        assert_eq!(titles(&rows), ["staff", "Mentor", "Board", "alumni"]);
    }

    #[test]
    fn rows_sort_by_next_due_with_undated_rows_last_either_way() {
        let mut rows = sample();
        sort_rows(&mut rows, SortColumn::NextDue, false);
        assert_eq!(titles(&rows), ["Mentor", "alumni", "staff", "Board"]);
        sort_rows(&mut rows, SortColumn::NextDue, true);
        assert_eq!(titles(&rows), ["alumni", "staff", "Mentor", "Board"]);
    }

    #[test]
    fn a_table_row_reads_the_profile_of_its_node() {
        let workbook = crate::storage::example().unwrap();
        let rows = rows(&workbook.map);
        assert!(!rows.is_empty());
        for row in &rows {
            let topic = workbook.map.topic(row.id).unwrap();
            assert!(is_relationship(&topic.profile));
            assert_eq!(row.next_due, topic.profile.next_due());
            assert_eq!(row.strategies.len(), topic.profile.strategies.len());
        }
        let board = rows
            .iter()
            .find(|r| r.title == "Board of trustees")
            .unwrap();
        assert_eq!(board.constituency, "Governing authority");
    }

    #[test]
    fn the_rows_are_made_once_per_document_version_and_order() {
        let mut workbook = crate::storage::example().unwrap();
        let mut view = RelationshipsView::default();
        let first = view.rows(&workbook.map, (1, 5)).to_vec();
        for _ in 0..10 {
            view.rows(&workbook.map, (1, 5));
        }
        assert_eq!(
            view.computed, 1,
            "ten more frames of the same version reuse the rows"
        );

        // An edit is a new version: the rows follow it.
        let id = first[0].id;
        workbook.map.topic_mut(id).unwrap().title = "Renamed".to_owned();
        assert!(
            view.rows(&workbook.map, (1, 6))
                .iter()
                .any(|r| r.title == "Renamed")
        );
        assert_eq!(view.computed, 2);
        // So does another document with the same revision number.
        view.rows(&workbook.map, (2, 6));
        assert_eq!(view.computed, 3);
        // And another order.
        view.column = SortColumn::Node;
        let sorted = view.rows(&workbook.map, (2, 6)).to_vec();
        let mut expected = rows(&workbook.map);
        sort_rows(&mut expected, SortColumn::Node, false);
        assert_eq!(sorted, expected);
        assert_eq!(view.computed, 4);
    }

    #[test]
    fn summaries_show_the_count_and_the_first_text() {
        assert_eq!(summary(&[]), "");
        assert_eq!(summary(&["Lunch".to_owned()]), "Lunch");
        assert_eq!(
            summary(&["Lunch".to_owned(), "Tour".to_owned()]),
            "2: Lunch, …"
        );
    }
}
