//! The open workbook: where it lives on disk, the edit commands that change it, undo and redo, and whether it
//! has unsaved changes.

mod command;
mod doc;
mod list;
mod measuring;

pub use command::{CommandError, EditCommand, MergeKey};
pub use doc::{Document, UNDO_LIMIT};
pub use list::{ListItem, ListOp, ListRef};
pub use measuring::Measure;
