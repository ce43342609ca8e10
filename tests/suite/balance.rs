//! The balance of constituencies: relationships, overdue counts, contacts logged in the last 90 days against
//! what the frequencies plan, and the health mix, over small maps built by hand.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use relmap::model::{
    ConstituencyBalance, Contact, Frequency, Health, MindMap, NodeId, NodeKind, Profile, Strategy,
    Topic, balance, most_in_need,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn contact(on: NaiveDate) -> Contact {
    Contact {
        date: on,
        note: String::new(),
    }
}

fn profile(frequency: Frequency, health: Health, contacts: &[NaiveDate]) -> Profile {
    Profile {
        frequency,
        health,
        contacts: contacts.iter().copied().map(contact).collect(),
        ..Profile::default()
    }
}

/// A map builder: a root with id 1, and nodes added under parents by id.
struct Builder {
    map: MindMap,
    next: u64,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            map: MindMap::new(Topic::new(NodeId(1), "Me", NodeKind::Center)),
            next: 2,
        }
    }

    fn add(&mut self, parent: u64, title: &str, profile: Profile) -> u64 {
        let id = self.next;
        self.next += 1;
        let mut topic = Topic::new(NodeId(id), title, NodeKind::Group);
        topic.profile = profile;
        let index = self.map.children(NodeId(parent)).len();
        self.map.insert(NodeId(parent), index, topic).unwrap();
        id
    }

    fn constituency(&mut self, title: &str) -> u64 {
        self.add(1, title, Profile::default())
    }
}

fn row<'a>(rows: &'a [ConstituencyBalance], title: &str) -> &'a ConstituencyBalance {
    rows.iter().find(|r| r.title == title).unwrap()
}

#[test]
fn rows_follow_the_order_of_the_roots_children_and_cover_whole_subtrees() {
    let mut b = Builder::new();
    let staff = b.constituency("Staff");
    let board = b.constituency("Board");
    let team = b.add(
        staff,
        "Team",
        profile(Frequency::Weekly, Health::WorkingWell, &[]),
    );
    b.add(
        team,
        "Deputy",
        profile(Frequency::Monthly, Health::NotAssessed, &[]),
    );
    b.add(
        board,
        "Chair",
        profile(Frequency::Monthly, Health::NotAssessed, &[]),
    );
    let rows = balance(&b.map, date(2026, 6, 1));
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Staff", "Board"]);
    assert_eq!(rows[0].id, NodeId(staff));
    assert_eq!(rows[0].relationships, 2, "the grandchild counts too");
    assert_eq!(rows[1].relationships, 1);
}

#[test]
fn a_constituency_that_is_a_relationship_itself_counts_itself() {
    let mut b = Builder::new();
    b.add(
        1,
        "Self",
        profile(Frequency::Weekly, Health::NeedsAttention, &[]),
    );
    let rows = balance(&b.map, date(2026, 6, 1));
    assert_eq!(rows[0].relationships, 1);
    assert_eq!(rows[0].health.needs_attention, 1);
}

#[test]
fn only_relationships_that_are_late_count_as_overdue() {
    let today = date(2026, 11, 28);
    let mut b = Builder::new();
    let staff = b.constituency("Staff");
    // Due 2026-11-09: 19 days late.
    b.add(
        staff,
        "Late",
        profile(Frequency::Weekly, Health::NotAssessed, &[date(2026, 11, 2)]),
    );
    // Due today: not late yet.
    b.add(
        staff,
        "Due today",
        profile(
            Frequency::Weekly,
            Health::NotAssessed,
            &[date(2026, 11, 21)],
        ),
    );
    // Due tomorrow.
    b.add(
        staff,
        "On time",
        profile(
            Frequency::Weekly,
            Health::NotAssessed,
            &[date(2026, 11, 22)],
        ),
    );
    // A frequency but never contacted: nothing to count from, so not overdue.
    b.add(
        staff,
        "Never",
        profile(Frequency::Weekly, Health::NotAssessed, &[]),
    );
    // Due 2026-11-20: 8 days late.
    b.add(
        staff,
        "Branch",
        profile(
            Frequency::Monthly,
            Health::NotAssessed,
            &[date(2026, 10, 20)],
        ),
    );
    let rows = balance(&b.map, today);
    assert_eq!(rows[0].relationships, 5);
    assert_eq!(rows[0].overdue, 2);
    assert_eq!(rows[0].most_overdue_days, 19);
}

#[test]
fn the_window_holds_the_ninety_days_ending_today() {
    let today = date(2026, 11, 28);
    let mut b = Builder::new();
    let community = b.constituency("Community");
    let contacts = [
        date(2026, 8, 30), // 90 days ago: just outside
        date(2026, 8, 31), // 89 days ago: the first day inside
        date(2026, 10, 1),
        today,
        date(2026, 11, 29), // tomorrow: not logged yet
    ];
    b.add(
        community,
        "Chamber",
        profile(Frequency::Monthly, Health::NotAssessed, &contacts),
    );
    let rows = balance(&b.map, today);
    assert_eq!(rows[0].logged, 3);
}

#[test]
fn contacts_on_nodes_without_a_frequency_are_logged_but_plan_nothing() {
    let today = date(2026, 3, 1);
    let mut b = Builder::new();
    let community = b.constituency("Community");
    b.add(
        community,
        "Media",
        profile(Frequency::None, Health::NotAssessed, &[date(2026, 2, 1)]),
    );
    b.add(community, "Idea", Profile::default());
    let rows = balance(&b.map, today);
    let row = &rows[0];
    assert_eq!(row.relationships, 0);
    assert_eq!(row.planned, 0);
    assert_eq!(row.logged, 1);
    assert_eq!(row.logged_share(), None);
    assert_eq!(
        row.health.total(),
        0,
        "unrated plain nodes are not in the mix"
    );
}

#[test]
fn strategies_alone_make_a_relationship_that_plans_no_contacts() {
    let mut b = Builder::new();
    let profession = b.constituency("Profession");
    let strategies = Profile {
        strategies: vec![Strategy {
            text: "Present at the conference".to_owned(),
            ..Strategy::default()
        }],
        ..Profile::default()
    };
    b.add(profession, "Association", strategies);
    let rows = balance(&b.map, date(2026, 3, 1));
    assert_eq!(rows[0].relationships, 1);
    assert_eq!(rows[0].planned, 0);
    assert_eq!(rows[0].health.not_assessed, 1);
}

#[test]
fn planned_contacts_sum_before_rounding() {
    let mut b = Builder::new();
    let board = b.constituency("Board");
    let yearly = || profile(Frequency::Yearly, Health::NotAssessed, &[]);
    // Four yearly relationships plan about one contact in 90 days, not four times zero.
    for name in ["A", "B", "C", "D"] {
        b.add(board, name, yearly());
    }
    let staff = b.constituency("Staff");
    // 90/7 + 90/14 + 90/30 = 12.86 + 6.43 + 3 = 22.3.
    b.add(
        staff,
        "Team",
        profile(Frequency::Weekly, Health::NotAssessed, &[]),
    );
    b.add(
        staff,
        "Branch",
        profile(Frequency::Biweekly, Health::NotAssessed, &[]),
    );
    b.add(
        staff,
        "Union",
        profile(Frequency::Monthly, Health::NotAssessed, &[]),
    );
    b.add(
        staff,
        "Odd",
        profile(Frequency::EveryDays(0), Health::NotAssessed, &[]),
    );
    let rows = balance(&b.map, date(2026, 3, 1));
    assert_eq!(row(&rows, "Board").planned, 1);
    assert_eq!(row(&rows, "Staff").planned, 22);
    assert_eq!(
        row(&rows, "Staff").relationships,
        4,
        "every 0 days still is a frequency"
    );
}

#[test]
fn an_empty_constituency_has_a_zero_row_and_needs_no_attention() {
    let mut b = Builder::new();
    b.constituency("Self");
    let rows = balance(&b.map, date(2026, 3, 1));
    let row = &rows[0];
    assert_eq!(
        (row.relationships, row.overdue, row.logged, row.planned),
        (0, 0, 0, 0)
    );
    assert_eq!(row.health.total(), 0);
    assert!(!row.needs_attention());
    assert!(row.neglect_score().abs() < f64::EPSILON);
    assert_eq!(most_in_need(&rows), None);
}

#[test]
fn a_map_with_only_a_root_has_no_rows() {
    let b = Builder::new();
    assert!(balance(&b.map, date(2026, 3, 1)).is_empty());
}

#[test]
fn the_health_mix_counts_each_rating() {
    let mut b = Builder::new();
    let staff = b.constituency("Staff");
    for health in [
        Health::WorkingWell,
        Health::WorkingWell,
        Health::NeedsAttention,
        Health::Neglected,
        Health::NotAssessed,
    ] {
        b.add(staff, "Someone", profile(Frequency::Monthly, health, &[]));
    }
    // A rated node without a frequency is still part of the mix.
    b.add(
        staff,
        "Rated",
        profile(Frequency::None, Health::Neglected, &[]),
    );
    let mix = balance(&b.map, date(2026, 3, 1))[0].health;
    assert_eq!(mix.working_well, 2);
    assert_eq!(mix.needs_attention, 1);
    assert_eq!(mix.neglected, 2);
    assert_eq!(mix.not_assessed, 1);
    assert_eq!(mix.total(), 6);
}

#[test]
fn monthly_contacts_on_a_month_end_fall_due_at_the_next_month_end() {
    // A contact on 31 January is due on the last day of February: 29 February in a leap year.
    let mut b = Builder::new();
    let board = b.constituency("Board");
    b.add(
        board,
        "Chair",
        profile(
            Frequency::Monthly,
            Health::NotAssessed,
            &[date(2028, 1, 31)],
        ),
    );
    assert_eq!(balance(&b.map, date(2028, 2, 29))[0].overdue, 0);
    let late = &balance(&b.map, date(2028, 3, 1))[0];
    assert_eq!((late.overdue, late.most_overdue_days), (1, 1));
    // In a common year it is due on 28 February, so 1 March is a day late too, and 2 March two days.
    let mut b = Builder::new();
    let board = b.constituency("Board");
    b.add(
        board,
        "Chair",
        profile(
            Frequency::Monthly,
            Health::NotAssessed,
            &[date(2027, 1, 31)],
        ),
    );
    assert_eq!(balance(&b.map, date(2027, 2, 28))[0].overdue, 0);
    assert_eq!(balance(&b.map, date(2027, 3, 2))[0].most_overdue_days, 2);
}

#[test]
fn yearly_contacts_on_a_leap_day_fall_due_on_the_last_of_february() {
    let mut b = Builder::new();
    let profession = b.constituency("Profession");
    b.add(
        profession,
        "Peer",
        profile(Frequency::Yearly, Health::NotAssessed, &[date(2028, 2, 29)]),
    );
    assert_eq!(
        Frequency::Yearly.next_after(date(2028, 2, 29)),
        Some(date(2029, 2, 28))
    );
    assert_eq!(balance(&b.map, date(2029, 2, 28))[0].overdue, 0);
    assert_eq!(balance(&b.map, date(2029, 3, 1))[0].overdue, 1);
}

#[test]
fn the_window_reaches_back_across_a_leap_day() {
    // 90 days ending 2028-05-28 begin on 2028-02-29 (the window holds the leap day itself).
    let mut b = Builder::new();
    let community = b.constituency("Community");
    let contacts = [date(2028, 2, 28), date(2028, 2, 29)];
    b.add(
        community,
        "Rotary",
        profile(Frequency::Monthly, Health::NotAssessed, &contacts),
    );
    assert_eq!(balance(&b.map, date(2028, 5, 28))[0].logged, 1);
}

#[test]
fn the_most_neglected_constituency_is_the_one_needing_attention_most() {
    let today = date(2026, 11, 28);
    let mut b = Builder::new();
    let board = b.constituency("Board");
    let community = b.constituency("Community");
    let profession = b.constituency("Profession");
    // Board: all contacts logged, on time.
    let weekly: Vec<NaiveDate> = (0..13).map(|w| today - chrono::Days::new(w * 7)).collect();
    b.add(
        board,
        "Chair",
        profile(Frequency::Weekly, Health::WorkingWell, &weekly),
    );
    // Community: one overdue relationship, no contact in the window.
    b.add(
        community,
        "Chamber",
        profile(Frequency::Monthly, Health::Neglected, &[date(2026, 8, 1)]),
    );
    // Profession: behind on contacts, but nothing overdue yet.
    b.add(
        profession,
        "Mentor",
        profile(
            Frequency::Weekly,
            Health::NotAssessed,
            &[date(2026, 11, 25)],
        ),
    );
    let rows = balance(&b.map, today);
    assert!(!row(&rows, "Board").needs_attention());
    assert!(row(&rows, "Community").needs_attention());
    assert!(row(&rows, "Profession").needs_attention());
    assert_eq!(most_in_need(&rows), Some(NodeId(community)));
}

#[test]
fn the_example_map_shows_community_as_the_most_neglected() {
    let workbook = relmap::storage::example().unwrap();
    let rows = balance(&workbook.map, date(2026, 11, 28));
    let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Governing authority",
            "Staff",
            "Community",
            "Profession",
            "Self"
        ]
    );
    let community = row(&rows, "Community");
    assert_eq!((community.relationships, community.overdue), (1, 1));
    assert_eq!((community.logged, community.planned), (0, 3));
    assert_eq!(most_in_need(&rows), Some(community.id));
}
