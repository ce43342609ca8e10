//! The balance overview: for each constituency, how many relationships it has, how many are overdue, contacts
//! logged against what the frequencies plan, and the mix of health ratings, so a neglected one stands out.

use chrono::NaiveDate;

use crate::model::Workbook;

use super::panel::PanelEdit;

/// Shows the balance overview.
pub fn balance_ui(ui: &mut egui::Ui, workbook: &Workbook, today: NaiveDate) -> Vec<PanelEdit> {
    let _ = (workbook, today);
    ui.weak("The balance overview will live here.");
    Vec::new()
}
