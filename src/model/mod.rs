//! Plain data: the map, the relationship profiles and the plan. No UI and no I/O live here.

mod balance;
mod generate;
mod ids;
mod map;
mod plan;
mod profile;
mod search;
mod topic;
mod validate;
mod workbook;

pub use balance::{
    BALANCE_WINDOW_DAYS, ConstituencyBalance, HealthMix, balance, is_relationship, most_in_need,
};
pub use generate::generate;
pub use ids::{BuildIdHasher, IdHasher, IdMap, IdSet, LinkId, NodeId};
pub use map::{CrossLink, MAX_LEVELS, MapError, MindMap, RemovedSubtree};
pub use plan::{ActionItem, ActionStatus, ChecklistItem, Plan, PlanText};
pub use profile::{
    Contact, Frequency, Health, Person, Profile, ProfileText, Strategy, StrategyStatus,
};
pub use search::find;
pub use topic::{Arrangement, BRANCH_PALETTE_SIZE, Icon, NodeKind, Pos, Rgb, Side, Topic};
pub use validate::{MAX_ID, Violation};
pub use workbook::Workbook;
