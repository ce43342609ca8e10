//! The balance of the map: for each key constituency, how many relationships it holds, how many are overdue,
//! how many contacts were logged lately against what the frequencies plan, and how its relationships are rated.
//! The worksheet asks the director to notice honestly when a constituency is neglected; these numbers are what
//! the balance overview draws so that the neglected one stands out.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Frequency, Health, MindMap, NodeId, Profile};

/// The length of the window over which logged contacts are compared with planned ones, in days.
pub const BALANCE_WINDOW_DAYS: u32 = 90;

/// How many relationships carry each health rating.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthMix {
    /// Not rated yet.
    pub not_assessed: usize,
    /// Working well.
    pub working_well: usize,
    /// Needs attention.
    pub needs_attention: usize,
    /// Neglected.
    pub neglected: usize,
}

impl HealthMix {
    /// How many carry `health`.
    #[must_use]
    pub fn count(&self, health: Health) -> usize {
        match health {
            Health::NotAssessed => self.not_assessed,
            Health::WorkingWell => self.working_well,
            Health::NeedsAttention => self.needs_attention,
            Health::Neglected => self.neglected,
        }
    }

    /// Counts one more with `health`.
    pub fn add(&mut self, health: Health) {
        match health {
            Health::NotAssessed => self.not_assessed += 1,
            Health::WorkingWell => self.working_well += 1,
            Health::NeedsAttention => self.needs_attention += 1,
            Health::Neglected => self.neglected += 1,
        }
    }

    /// How many were counted in all.
    #[must_use]
    pub fn total(&self) -> usize {
        Health::ALL.iter().map(|&h| self.count(h)).sum()
    }
}

/// The balance of one first-level constituency, over its whole subtree including itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConstituencyBalance {
    /// The constituency node.
    pub id: NodeId,
    /// Its title.
    pub title: String,
    /// Nodes that are tended as relationships: they have a frequency or strategies.
    pub relationships: usize,
    /// Relationships whose next contact is overdue.
    pub overdue: usize,
    /// The most days any of them is overdue; 0 when none is.
    pub most_overdue_days: i64,
    /// Contacts logged on any node of the subtree in the last [`BALANCE_WINDOW_DAYS`] days, today included.
    pub logged: usize,
    /// Contacts the frequencies plan in [`BALANCE_WINDOW_DAYS`] days, rounded to the nearest whole contact.
    pub planned: u32,
    /// The health ratings of the relationships, and of any other node that has been rated.
    pub health: HealthMix,
}

impl ConstituencyBalance {
    /// The share of planned contacts that were logged, from 0 up to 1 (more contacts than planned count as
    /// 1); `None` when nothing is planned, since then nothing can be missed.
    #[must_use]
    pub fn logged_share(&self) -> Option<f64> {
        (self.planned > 0).then(|| (self.logged as f64 / f64::from(self.planned)).min(1.0))
    }

    /// Whether the constituency is falling behind: a relationship is overdue or rated neglected, or fewer than
    /// half of the planned contacts were logged.
    #[must_use]
    pub fn needs_attention(&self) -> bool {
        self.overdue > 0
            || self.health.neglected > 0
            || self.logged_share().is_some_and(|share| share < 0.5)
    }

    /// How badly the constituency is neglected, from 0 (all well) up to 3: the share of planned contacts that
    /// were missed, plus the share of relationships overdue, plus the share rated neglected. Each part is a
    /// share so that a large constituency does not outweigh a small one just by its size.
    #[must_use]
    pub fn neglect_score(&self) -> f64 {
        let missed = self.logged_share().map_or(0.0, |share| 1.0 - share);
        let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
        missed
            + share(self.overdue, self.relationships)
            + share(self.health.neglected, self.health.total())
    }
}

/// Whether a node is tended as a relationship: it has a frequency or strategies.
#[must_use]
pub fn is_relationship(profile: &Profile) -> bool {
    profile.frequency != Frequency::None || !profile.strategies.is_empty()
}

/// The balance of every first-level constituency, in the order of the root's children.
#[must_use]
pub fn balance(map: &MindMap, today: NaiveDate) -> Vec<ConstituencyBalance> {
    // The window holds the 90 days ending today: today minus 89 days is its first day. Contacts dated after
    // today (typed ahead by mistake, or planned) are not counted as logged.
    let first_day = today
        .checked_sub_days(Days::new(u64::from(BALANCE_WINDOW_DAYS - 1)))
        .unwrap_or(NaiveDate::MIN);
    map.children(map.root())
        .iter()
        .filter_map(|&id| {
            let topic = map.topic(id)?;
            let mut row = ConstituencyBalance {
                id,
                title: topic.title.clone(),
                relationships: 0,
                overdue: 0,
                most_overdue_days: 0,
                logged: 0,
                planned: 0,
                health: HealthMix::default(),
            };
            let mut planned = 0.0_f64;
            for node in map.subtree(id) {
                let Some(profile) = map.topic(node).map(|t| &t.profile) else {
                    continue;
                };
                row.logged += profile
                    .contacts
                    .iter()
                    .filter(|c| c.date >= first_day && c.date <= today)
                    .count();
                let relationship = is_relationship(profile);
                if relationship || profile.health != Health::NotAssessed {
                    row.health.add(profile.health);
                }
                if !relationship {
                    continue;
                }
                row.relationships += 1;
                if let Some(late) = profile.overdue_days(today) {
                    row.overdue += 1;
                    row.most_overdue_days = row.most_overdue_days.max(late);
                }
                if let Some(days) = profile.frequency.approx_days() {
                    planned += f64::from(BALANCE_WINDOW_DAYS) / f64::from(days);
                }
            }
            // Rounding the sum rather than each term keeps several yearly relationships (a quarter of a
            // contact each) from vanishing.
            row.planned = planned.round() as u32;
            Some(row)
        })
        .collect()
}

/// The constituency that needs attention most: among those that need attention, the one with the highest
/// neglect score; the earlier one wins a tie. `None` when every constituency is doing well.
#[must_use]
pub fn most_in_need(rows: &[ConstituencyBalance]) -> Option<NodeId> {
    rows.iter()
        .filter(|row| row.needs_attention())
        .fold(None::<&ConstituencyBalance>, |best, row| match best {
            Some(b) if b.neglect_score() >= row.neglect_score() => Some(b),
            _ => Some(row),
        })
        .map(|row| row.id)
}
