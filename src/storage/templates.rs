//! The maps shipped with relmap: the starter template and a filled-in example. They are read through the
//! normal loader, so a broken asset shows up in tests like a broken file would.

use std::path::Path;

use crate::model::Workbook;

use super::{LoadError, from_str};

/// The "Five key constituencies" starter template.
const STARTER: &str = include_str!("../../assets/templates/five-constituencies.ron");
/// A filled-in example map of a fictional library director.
const EXAMPLE: &str = include_str!("../../assets/examples/riverside.ron");

/// The starter template: you at the centre and the five key constituencies around you.
pub fn starter() -> Result<Workbook, LoadError> {
    from_str(
        STARTER,
        Path::new("assets/templates/five-constituencies.ron"),
    )
}

/// The filled-in example map.
pub fn example() -> Result<Workbook, LoadError> {
    from_str(EXAMPLE, Path::new("assets/examples/riverside.ron"))
}
