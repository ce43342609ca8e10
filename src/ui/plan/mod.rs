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

/// One tab of the plan panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum PlanTab {
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
    const ALL: [PlanTab; 6] = [
        PlanTab::Goals,
        PlanTab::Working,
        PlanTab::Checklist,
        PlanTab::Actions,
        PlanTab::Relationships,
        PlanTab::Balance,
    ];

    /// The name on the tab.
    #[must_use]
    fn label(self) -> &'static str {
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
    /// A text field of a row added last frame, which gets the keyboard once it is shown.
    pending_focus: Option<egui::Id>,
}

impl PlanPanel {
    /// Shows the plan. `selected` is the primary selected node, for linking action items to it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        selected: Option<NodeId>,
        today: NaiveDate,
    ) -> Vec<PanelEdit> {
        ui.horizontal(|ui| {
            for tab in PlanTab::ALL {
                if ui.selectable_label(self.tab == tab, tab.label()).clicked() {
                    self.tab = tab;
                }
            }
        });
        ui.separator();
        let mut edits = Edits {
            list: Vec::new(),
            pending_focus: &mut self.pending_focus,
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
                today,
                &mut self.relationships,
                &mut edits,
            ),
            PlanTab::Balance => scrolled(ui, "balance", |ui| {
                edits
                    .list
                    .extend(super::balance::balance_ui(ui, workbook, today));
            }),
        }
        edits.list
    }
}

/// Shows `add` in a vertical scroll area that fills the panel, one per tab so each keeps its own position.
fn scrolled(ui: &mut egui::Ui, salt: &str, add: impl FnOnce(&mut egui::Ui)) {
    egui::ScrollArea::vertical()
        .id_salt(("relmap-plan", salt))
        .auto_shrink([false, false])
        .show(ui, add);
}
