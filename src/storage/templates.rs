//! The maps shipped with relmap: the starter templates and a filled-in example. They are read through the
//! normal loader, so a broken asset shows up in tests like a broken file would.

use std::path::Path;

use crate::model::Workbook;

use super::{LoadError, from_str};

/// The "Five key constituencies" starter template.
const FIVE_CONSTITUENCIES: &str = include_str!("../../assets/templates/five-constituencies.ron");
/// The "Spheres of responsibility" template.
const SPHERES: &str = include_str!("../../assets/templates/spheres-of-responsibility.ron");
/// A filled-in example map of a fictional library director.
const EXAMPLE: &str = include_str!("../../assets/examples/riverside.ron");

/// A map to start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Template {
    /// You at the centre and the five key constituencies of the workshop around you.
    FiveConstituencies,
    /// The director at the centre and the spheres a director is responsible for.
    Spheres,
    /// Only a centre node.
    Blank,
}

impl Template {
    /// Every template, in the order menus list them.
    pub const ALL: [Template; 3] = [
        Template::FiveConstituencies,
        Template::Spheres,
        Template::Blank,
    ];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Template::FiveConstituencies => "Five key constituencies",
            Template::Spheres => "Spheres of responsibility",
            Template::Blank => "Blank",
        }
    }

    /// One sentence on what the template is for.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Template::FiveConstituencies => {
                "Your governing authority, staff, community, profession and yourself, with suggested strategies"
            }
            Template::Spheres => {
                "Governance, finance and facilities, services, people, partnerships, and profession and self"
            }
            Template::Blank => "Only you at the centre: draw your own map from scratch",
        }
    }

    /// A new workbook from the template.
    pub fn workbook(self) -> Result<Workbook, LoadError> {
        match self {
            Template::FiveConstituencies => from_str(
                FIVE_CONSTITUENCIES,
                Path::new("assets/templates/five-constituencies.ron"),
            ),
            Template::Spheres => from_str(
                SPHERES,
                Path::new("assets/templates/spheres-of-responsibility.ron"),
            ),
            Template::Blank => Ok(Workbook::default()),
        }
    }
}

/// The starter template: you at the centre and the five key constituencies around you.
pub fn starter() -> Result<Workbook, LoadError> {
    Template::FiveConstituencies.workbook()
}

/// The filled-in example map.
pub fn example() -> Result<Workbook, LoadError> {
    from_str(EXAMPLE, Path::new("assets/examples/riverside.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_loads_and_its_file_is_in_the_form_relmap_writes() {
        for template in Template::ALL {
            let workbook = template.workbook().unwrap();
            workbook.map.validate().unwrap();
            assert_eq!(
                workbook.plan.checklist.len(),
                4,
                "{template:?} starts with the default checklist"
            );
        }
        for text in [FIVE_CONSTITUENCIES, SPHERES, EXAMPLE] {
            let workbook = from_str(text, Path::new("asset")).unwrap();
            assert_eq!(super::super::to_string(&workbook), text);
        }
    }

    #[test]
    fn the_spheres_template_has_the_six_spheres() {
        let map = Template::Spheres.workbook().unwrap().map;
        let titles: Vec<&str> = map
            .children(map.root())
            .iter()
            .map(|&id| map.topic(id).unwrap().title.as_str())
            .collect();
        assert_eq!(
            titles,
            [
                "Governance",
                "Finance & facilities",
                "Services & collections",
                "People",
                "Community & partnerships",
                "Profession & self"
            ]
        );
    }
}
