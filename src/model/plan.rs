//! The plan side of the worksheet: goals, reflection, the learning-organization checklist and the action plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::NodeId;
use super::profile::is_default;

/// One characteristic of a learning organization, as the team sees itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// The characteristic.
    pub text: String,
    /// Ticked: well represented on the team.
    #[serde(default, skip_serializing_if = "is_default")]
    pub well_represented: bool,
    /// Circled: the team wants to improve it.
    #[serde(default, skip_serializing_if = "is_default")]
    pub want_to_improve: bool,
    /// A note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl ChecklistItem {
    /// An unticked item.
    #[must_use]
    pub fn new(text: impl Into<String>) -> ChecklistItem {
        ChecklistItem {
            text: text.into(),
            ..ChecklistItem::default()
        }
    }
}

/// Where an action item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Not started.
    #[default]
    Planned,
    /// Started.
    InProgress,
    /// Finished.
    Done,
    /// Given up.
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order menus list them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Planned => "Planned",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
            ActionStatus::Dropped => "Dropped",
        }
    }

    /// Whether the item still needs doing.
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

/// One next step: what, who, when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    /// What to do.
    pub step: String,
    /// Who does it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ActionStatus,
    /// The node of the map it concerns. It may name a node that has since been removed: the reference comes
    /// back to life when the removal is undone, and views show it as missing meanwhile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<NodeId>,
}

/// The free-text fields of the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanText {
    /// What is working, and why.
    Reflection,
    /// How the person plans their time and tracks progress.
    Tracking,
    /// How the person knows they are successful.
    Success,
}

impl PlanText {
    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            PlanText::Reflection => "What's working",
            PlanText::Tracking => "How I plan my time and track progress",
            PlanText::Success => "How I know I am successful",
        }
    }
}

/// Everything in a workbook besides the map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// Personal goals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub personal_goals: Vec<String>,
    /// Team goals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub team_goals: Vec<String>,
    /// What is working, and why.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reflection: String,
    /// How time is planned and progress tracked.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tracking: String,
    /// How success is known.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub success: String,
    /// The learning-organization checklist.
    pub checklist: Vec<ChecklistItem>,
    /// The action plan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionItem>,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            personal_goals: Vec::new(),
            team_goals: Vec::new(),
            reflection: String::new(),
            tracking: String::new(),
            success: String::new(),
            checklist: Plan::default_checklist(),
            actions: Vec::new(),
        }
    }
}

impl Plan {
    /// The four characteristics of a learning organization that every new plan starts with.
    #[must_use]
    pub fn default_checklist() -> Vec<ChecklistItem> {
        [
            "Balancing relationships: saying so, honestly, when a relationship or constituency is neglected or \
             when assumptions are pulling people apart",
            "Taking part in a culture of collaboration: knowing the many roles and systems that make the library work",
            "Owning our own learning: finding the gaps in skills and knowledge and how closing them helps the library",
            "Being open to change: creating new ideas and knowledge, and improving continuously",
        ]
        .into_iter()
        .map(ChecklistItem::new)
        .collect()
    }

    /// The text of one free-text field.
    #[must_use]
    pub fn text(&self, field: PlanText) -> &str {
        match field {
            PlanText::Reflection => &self.reflection,
            PlanText::Tracking => &self.tracking,
            PlanText::Success => &self.success,
        }
    }

    /// The text of one free-text field, to change it.
    pub fn text_mut(&mut self, field: PlanText) -> &mut String {
        match field {
            PlanText::Reflection => &mut self.reflection,
            PlanText::Tracking => &mut self.tracking,
            PlanText::Success => &mut self.success,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_plan_starts_with_the_four_learning_organization_items() {
        let plan = Plan::default();
        assert_eq!(plan.checklist.len(), 4);
        assert!(
            plan.checklist[0]
                .text
                .starts_with("Balancing relationships")
        );
        assert!(
            plan.checklist
                .iter()
                .all(|item| !item.well_represented && !item.want_to_improve)
        );
    }
}
