//! The relationship profile of a node: who is involved, how the relationship is tended, and how it is going.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A key person and what they care about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Who: a name or a role.
    pub name: String,
    /// What they care about.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub interests: String,
}

/// Whether a strategy is still being worked on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StrategyStatus {
    /// Being worked on.
    #[default]
    Active,
    /// Carried out; kept for the record.
    Done,
}

/// One focused way of tending a relationship.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategy {
    /// What to do.
    pub text: String,
    /// Active or done.
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: StrategyStatus,
}

/// How often the person means to be in touch. No source prescribes a frequency: it is the user's choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Frequency {
    /// No planned rhythm.
    #[default]
    None,
    /// Every week.
    Weekly,
    /// Every two weeks.
    Biweekly,
    /// Every month.
    Monthly,
    /// Every three months.
    Quarterly,
    /// Every six months.
    TwiceAYear,
    /// Every year.
    Yearly,
    /// Every N days.
    EveryDays(u16),
}

impl Frequency {
    /// The presets, in the order menus list them (the custom number of days comes after them).
    pub const PRESETS: [Frequency; 7] = [
        Frequency::None,
        Frequency::Weekly,
        Frequency::Biweekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::TwiceAYear,
        Frequency::Yearly,
    ];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Frequency::None => "No set frequency".to_owned(),
            Frequency::Weekly => "Weekly".to_owned(),
            Frequency::Biweekly => "Every 2 weeks".to_owned(),
            Frequency::Monthly => "Monthly".to_owned(),
            Frequency::Quarterly => "Quarterly".to_owned(),
            Frequency::TwiceAYear => "Twice a year".to_owned(),
            Frequency::Yearly => "Yearly".to_owned(),
            Frequency::EveryDays(1) => "Every day".to_owned(),
            Frequency::EveryDays(n) => format!("Every {n} days"),
        }
    }

    /// The date the next contact is due after a contact on `last`; `None` without a frequency.
    /// Months are calendar months, so a monthly contact on 31 January is due on the last day of February.
    #[must_use]
    pub fn next_after(self, last: NaiveDate) -> Option<NaiveDate> {
        match self {
            Frequency::None | Frequency::EveryDays(0) => None,
            Frequency::Weekly => last.checked_add_days(chrono::Days::new(7)),
            Frequency::Biweekly => last.checked_add_days(chrono::Days::new(14)),
            Frequency::Monthly => last.checked_add_months(Months::new(1)),
            Frequency::Quarterly => last.checked_add_months(Months::new(3)),
            Frequency::TwiceAYear => last.checked_add_months(Months::new(6)),
            Frequency::Yearly => last.checked_add_months(Months::new(12)),
            Frequency::EveryDays(n) => last.checked_add_days(chrono::Days::new(u64::from(n))),
        }
    }

    /// About how many days lie between contacts, for comparing planned against logged contacts.
    #[must_use]
    pub fn approx_days(self) -> Option<u32> {
        match self {
            Frequency::None | Frequency::EveryDays(0) => None,
            Frequency::Weekly => Some(7),
            Frequency::Biweekly => Some(14),
            Frequency::Monthly => Some(30),
            Frequency::Quarterly => Some(91),
            Frequency::TwiceAYear => Some(182),
            Frequency::Yearly => Some(365),
            Frequency::EveryDays(n) => Some(u32::from(n)),
        }
    }
}

/// How the relationship is going, in the user's own judgement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Health {
    /// Not rated yet.
    #[default]
    NotAssessed,
    /// Working well.
    WorkingWell,
    /// Needs attention.
    NeedsAttention,
    /// Neglected.
    Neglected,
}

impl Health {
    /// Every rating, in the order menus list them.
    pub const ALL: [Health; 4] = [
        Health::NotAssessed,
        Health::WorkingWell,
        Health::NeedsAttention,
        Health::Neglected,
    ];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Health::NotAssessed => "Not assessed",
            Health::WorkingWell => "Working well",
            Health::NeedsAttention => "Needs attention",
            Health::Neglected => "Neglected",
        }
    }
}

/// One logged contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// When it happened.
    pub date: NaiveDate,
    /// What happened.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The free-text fields of a profile, named so that one edit command serves them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileText {
    /// What makes the relationship work.
    WhatWorks,
    /// What could be improved.
    ToImprove,
    /// Free notes.
    Notes,
}

/// Everything a node carries besides its title and looks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Key people and their interests.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Focused strategies for the relationship.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub strategies: Vec<Strategy>,
    /// How often to be in touch.
    #[serde(skip_serializing_if = "is_default")]
    pub frequency: Frequency,
    /// Whether the frequency came from a template as a suggestion rather than from the user.
    #[serde(skip_serializing_if = "is_default")]
    pub frequency_suggested: bool,
    /// How success is measured.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub success_measures: Vec<String>,
    /// How it is going.
    #[serde(skip_serializing_if = "is_default")]
    pub health: Health,
    /// What makes it work.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub what_works: String,
    /// What could be improved.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub to_improve: String,
    /// Free notes.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Logged contacts, in the order they were entered; views sort them by date.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
}

impl Profile {
    /// The text of one free-text field.
    #[must_use]
    pub fn text(&self, field: ProfileText) -> &str {
        match field {
            ProfileText::WhatWorks => &self.what_works,
            ProfileText::ToImprove => &self.to_improve,
            ProfileText::Notes => &self.notes,
        }
    }

    /// The text of one free-text field, to change it.
    pub fn text_mut(&mut self, field: ProfileText) -> &mut String {
        match field {
            ProfileText::WhatWorks => &mut self.what_works,
            ProfileText::ToImprove => &mut self.to_improve,
            ProfileText::Notes => &mut self.notes,
        }
    }

    /// The date of the most recent logged contact.
    #[must_use]
    pub fn last_contact(&self) -> Option<NaiveDate> {
        self.contacts.iter().map(|c| c.date).max()
    }

    /// When the next contact is due: the last contact plus the frequency. Without any contact yet there is no
    /// date to count from, so nothing is due.
    #[must_use]
    pub fn next_due(&self) -> Option<NaiveDate> {
        self.frequency.next_after(self.last_contact()?)
    }

    /// How many days the next contact is overdue on `today`; `None` when it is not overdue.
    #[must_use]
    pub fn overdue_days(&self, today: NaiveDate) -> Option<i64> {
        let due = self.next_due()?;
        let late = (today - due).num_days();
        (late > 0).then_some(late)
    }

    /// Whether the profile holds anything at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Profile::default()
    }
}

pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn next_due_is_the_last_contact_plus_the_frequency() {
        let mut profile = Profile {
            frequency: Frequency::Monthly,
            ..Profile::default()
        };
        assert_eq!(
            profile.next_due(),
            None,
            "nothing is due before the first contact"
        );
        profile.contacts.push(Contact {
            date: date(2026, 1, 31),
            note: String::new(),
        });
        profile.contacts.push(Contact {
            date: date(2025, 12, 1),
            note: String::new(),
        });
        assert_eq!(profile.next_due(), Some(date(2026, 2, 28)));
        assert_eq!(profile.overdue_days(date(2026, 3, 10)), Some(10));
        assert_eq!(profile.overdue_days(date(2026, 2, 28)), None);
    }

    #[test]
    fn every_n_days_counts_days() {
        assert_eq!(
            Frequency::EveryDays(10).next_after(date(2026, 1, 1)),
            Some(date(2026, 1, 11))
        );
        assert_eq!(Frequency::EveryDays(0).next_after(date(2026, 1, 1)), None);
        assert_eq!(Frequency::None.next_after(date(2026, 1, 1)), None);
        assert_eq!(Frequency::EveryDays(3).label(), "Every 3 days");
    }
}
