//! The plan side of the worksheet: goals, what's working, the learning-organization checklist, the action plan,
//! the relationship plan and the balance overview, one tab each.

mod actions;
mod checklist;
mod fields;
mod goals;
mod node_picker;
mod reflection;
mod relationships;

use chrono::NaiveDate;

use crate::model::{NodeId, Workbook};

use super::panel::PanelEdit;
use actions::ActionsView;
use fields::Edits;
use relationships::RelationshipsView;

/// One tab of the plan panel. Each can be hidden; which are hidden is kept with the preferences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PlanTab {
    /// Personal and team goals.
    #[default]
    Goals,
    /// The reflection texts.
    Working,
    /// The learning-organization checklist.
    Checklist,
    /// The action plan.
    Actions,
    /// The relationship management plan.
    Relationships,
    /// The balance across constituencies.
    Balance,
}

impl PlanTab {
    /// Every tab, in the order the panel shows them.
    pub const ALL: [PlanTab; 6] = [
        PlanTab::Goals,
        PlanTab::Working,
        PlanTab::Checklist,
        PlanTab::Actions,
        PlanTab::Relationships,
        PlanTab::Balance,
    ];

    /// The name on the tab.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            PlanTab::Goals => "Goals",
            PlanTab::Working => "What's working",
            PlanTab::Checklist => "Checklist",
            PlanTab::Actions => "Action plan",
            PlanTab::Relationships => "Relationships",
            PlanTab::Balance => "Balance",
        }
    }
}

/// The plan panel's view state (which tab is open, sort orders, the field to focus next).
#[derive(Debug, Default)]
pub struct PlanPanel {
    tab: PlanTab,
    actions: ActionsView,
    relationships: RelationshipsView,
    /// The balance rows, made once per document version and day.
    balance: super::balance::BalanceCache,
    /// A text field of a row added last frame, which gets the keyboard once it is shown.
    pending_focus: Option<egui::Id>,
}

impl PlanPanel {
    /// Shows the plan. `version` names the workbook's state (`Document::version`), so that the tables are made
    /// once per version; `selected` is the primary selected node, for linking action items to it; `hidden` lists
    /// the tabs the user hid, and changes when they show or hide one.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        version: (u64, u64),
        selected: Option<NodeId>,
        today: NaiveDate,
        hidden: &mut Vec<PlanTab>,
    ) -> Vec<PanelEdit> {
        self.tab_strip(ui, hidden);
        ui.separator();
        if hidden.contains(&self.tab) {
            let Some(tab) = PlanTab::ALL.into_iter().find(|tab| !hidden.contains(tab)) else {
                ui.weak("Every plan tab is hidden. Choose the ones to show under \"Tabs\" above.");
                return Vec::new();
            };
            self.tab = tab;
        }
        let mut edits = Edits {
            list: Vec::new(),
            pending_focus: &mut self.pending_focus,
            entered: None,
        };
        match self.tab {
            PlanTab::Goals => scrolled(ui, "goals", |ui| {
                goals::goals_ui(ui, workbook, &mut edits);
            }),
            PlanTab::Working => scrolled(ui, "working", |ui| {
                reflection::reflection_ui(ui, workbook, &mut edits);
            }),
            PlanTab::Checklist => scrolled(ui, "checklist", |ui| {
                checklist::checklist_ui(ui, workbook, &mut edits);
            }),
            // The tables scroll by themselves, keeping their headings in view.
            PlanTab::Actions => {
                actions::actions_ui(ui, workbook, selected, today, &mut self.actions, &mut edits);
            }
            PlanTab::Relationships => relationships::relationships_ui(
                ui,
                workbook,
                version,
                today,
                &mut self.relationships,
                &mut edits,
            ),
            PlanTab::Balance => scrolled(ui, "balance", |ui| {
                edits.list.extend(super::balance::balance_ui(
                    ui,
                    workbook,
                    version,
                    today,
                    &mut self.balance,
                ));
            }),
        }
        edits.list
    }
}

impl PlanPanel {
    /// Opens `tab`, as clicking it does.
    pub fn open_tab(&mut self, tab: PlanTab) {
        self.tab = tab;
    }

    /// The tabs that are shown, and a menu to show or hide each; a tab can also be hidden from its own
    /// right-click menu.
    fn tab_strip(&mut self, ui: &mut egui::Ui, hidden: &mut Vec<PlanTab>) {
        ui.horizontal(|ui| {
            let shown: Vec<PlanTab> = PlanTab::ALL
                .into_iter()
                .filter(|tab| !hidden.contains(tab))
                .collect();
            for tab in shown {
                let response = ui.selectable_label(self.tab == tab, tab.label());
                if response.clicked() {
                    self.tab = tab;
                }
                response.context_menu(|ui| {
                    if ui.button(format!("Hide \"{}\"", tab.label())).clicked() {
                        hidden.push(tab);
                    }
                });
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.menu_button("Tabs", |ui| {
                    for tab in PlanTab::ALL {
                        let mut shown = !hidden.contains(&tab);
                        if ui.checkbox(&mut shown, tab.label()).changed() {
                            if shown {
                                hidden.retain(|other| *other != tab);
                            } else {
                                hidden.push(tab);
                            }
                        }
                    }
                })
                .response
                .on_hover_text("Show or hide the tabs of the plan");
            });
        });
    }
}

/// The height of a table's row of headings, in points, taken from the room its rows scroll in.
const TABLE_HEADING: f32 = 24.0;

/// Shows `add` in a vertical scroll area that fills the panel, one per tab so each keeps its own position.
fn scrolled(ui: &mut egui::Ui, salt: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::vertical()
        .id_salt(("relmap-plan", salt))
        .auto_shrink([false, false])
        .show(ui, add);
}
