//! The plan side of the worksheet: goals, what's working, the learning-organization checklist, the action plan
//! and the relationship plan.

use chrono::NaiveDate;

use crate::model::{NodeId, Workbook};

use super::panel::PanelEdit;

/// The plan panel's view state (which section is open, sort orders, text being typed).
#[derive(Debug, Default)]
pub struct PlanPanel {}

impl PlanPanel {
    #[allow(
        clippy::unused_self,
        reason = "the panel's state arrives with its tabs"
    )]
    /// Shows the plan. `selected` is the primary selected node, for linking action items to it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workbook: &Workbook,
        selected: Option<NodeId>,
        today: NaiveDate,
    ) -> Vec<PanelEdit> {
        let _ = selected;
        super::balance::balance_ui(ui, workbook, today)
    }
}
