//! relmap: a mind-map editor for library leaders. The map of key constituencies, the relationship profile of
//! every node, and the plan of the worksheet live in one [`model::Workbook`]; the [`document`] layer edits it
//! through undoable commands, [`storage`] reads and writes RON files, and [`ui`] draws it with egui.

pub mod document;
pub mod interchange;
pub mod layout;
pub mod model;
pub mod storage;
pub mod ui;
