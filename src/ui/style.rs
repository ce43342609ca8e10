//! Colours and sizes of the map, in one place.

use egui::Color32;

use crate::model::{Health, MindMap, NodeId, Rgb};

/// The colours of the first-level branches, in order; further branches repeat them.
const BRANCH_COLOURS: [Color32; 6] = [
    Color32::from_rgb(0x2b, 0x6c, 0xb0), // blue
    Color32::from_rgb(0x1f, 0x8a, 0x70), // green
    Color32::from_rgb(0xc0, 0x56, 0x21), // orange
    Color32::from_rgb(0x7b, 0x4e, 0xa8), // purple
    Color32::from_rgb(0xb8, 0x32, 0x5a), // rose
    Color32::from_rgb(0x8a, 0x6d, 0x1f), // ochre
];

/// The colours offered for nodes, by name.
pub const PALETTE: [(&str, Rgb); 8] = [
    ("Blue", Rgb([0x2b, 0x6c, 0xb0])),
    ("Green", Rgb([0x1f, 0x8a, 0x70])),
    ("Orange", Rgb([0xc0, 0x56, 0x21])),
    ("Purple", Rgb([0x7b, 0x4e, 0xa8])),
    ("Rose", Rgb([0xb8, 0x32, 0x5a])),
    ("Ochre", Rgb([0x8a, 0x6d, 0x1f])),
    ("Teal", Rgb([0x13, 0x7c, 0x8b])),
    ("Slate", Rgb([0x4a, 0x55, 0x68])),
];

/// The colour of the central node.
pub const ROOT_FILL: Color32 = Color32::from_rgb(0x26, 0x32, 0x44);
/// The outline of selected nodes.
pub const SELECTION: Color32 = Color32::from_rgb(0xff, 0xb0, 0x00);
/// The outline of the node a dragged node would drop onto.
pub const DROP_TARGET: Color32 = Color32::from_rgb(0x3d, 0xc2, 0xff);
/// The outline of nodes that match the find bar.
pub const FIND_HIT: Color32 = Color32::from_rgb(0xf5, 0xe0, 0x3b);
/// Cross-links.
pub const CROSS_LINK: Color32 = Color32::from_rgb(0x9a, 0x5c, 0xc6);

/// Marks an active strategy.
pub const GLYPH_ACTIVE: &str = "☐";
/// Marks a strategy that is done.
pub const GLYPH_DONE: &str = "☑";
/// Marks an error message.
pub const GLYPH_ERROR: &str = "⚠";
/// Marks an informative message.
pub const GLYPH_INFO: &str = "ℹ";

/// Font size of titles, in canvas units.
pub const TITLE_SIZE: f32 = 14.0;
/// The widest a title may grow before it wraps, in canvas units.
pub const TITLE_WRAP: f32 = 220.0;
/// Space between a title and the edge of its box, in canvas units.
pub const PADDING: egui::Vec2 = egui::vec2(12.0, 7.0);

/// The colour of the branch a node belongs to; its own colour where it has one.
#[must_use]
pub fn branch_colour(map: &MindMap, id: NodeId) -> Color32 {
    let own = map.topic(id).and_then(|t| t.color);
    let Some(branch) = map.branch_of(id) else {
        return own.map_or(ROOT_FILL, to_colour);
    };
    let index = map
        .children(map.root())
        .iter()
        .position(|&c| c == branch)
        .unwrap_or(0);
    let lineage = first_level_colour(map.topic(branch).and_then(|t| t.color), index);
    own.map_or(lineage, to_colour)
}

/// The colour of a first-level branch: its own, or the palette's colour for its place among the root's children.
/// Every node below it takes this colour unless it has its own.
#[must_use]
pub fn first_level_colour(own: Option<Rgb>, index: usize) -> Color32 {
    own.map_or(BRANCH_COLOURS[index % BRANCH_COLOURS.len()], to_colour)
}

/// A colour of the model as egui's.
#[must_use]
pub fn to_colour(rgb: Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}

/// The fill, text colour and border of a node in the branch colour `branch`. The root, centres and the first
/// level are `prominent`: filled with the colour itself; deeper nodes get a light tint of it with dark text, so
/// that the first level stands out.
#[must_use]
pub fn colours_of(branch: Color32, prominent: bool) -> (Color32, Color32, Color32) {
    if prominent {
        return (branch, readable_on(branch), branch);
    }
    let tint = lerp(branch, Color32::WHITE, 0.85);
    (tint, DARK_TEXT, branch)
}

/// Text on light fills.
const DARK_TEXT: Color32 = Color32::from_rgb(0x1d, 0x23, 0x2b);

/// White text on a dark or saturated fill, dark text on a light one (a colour the user picked, or one from an
/// imported map), whichever reads better.
#[must_use]
pub fn readable_on(fill: Color32) -> Color32 {
    let linear = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance =
        0.2126 * linear(fill.r()) + 0.7152 * linear(fill.g()) + 0.0722 * linear(fill.b());
    // Above this, dark text has more contrast than white (WCAG's contrast ratio, with DARK_TEXT's luminance).
    if luminance > 0.21 {
        DARK_TEXT
    } else {
        Color32::WHITE
    }
}

/// The colour of a health rating.
#[must_use]
pub fn health_colour(health: Health) -> Color32 {
    match health {
        Health::NotAssessed => Color32::from_rgb(0x9a, 0xa0, 0xa6),
        Health::WorkingWell => Color32::from_rgb(0x2e, 0x9e, 0x4f),
        Health::NeedsAttention => Color32::from_rgb(0xe0, 0xa1, 0x00),
        Health::Neglected => Color32::from_rgb(0xd0, 0x3b, 0x3b),
    }
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Icon;

    #[test]
    fn text_is_dark_on_light_fills_and_white_on_dark_ones() {
        assert_eq!(readable_on(Color32::from_rgb(0xe0, 0xf0, 0xff)), DARK_TEXT);
        assert_eq!(readable_on(Color32::from_rgb(0xff, 0xcc, 0x00)), DARK_TEXT);
        assert_eq!(
            readable_on(Color32::from_rgb(0x2a, 0x5d, 0x9e)),
            Color32::WHITE
        );
        assert_eq!(readable_on(Color32::BLACK), Color32::WHITE);
        for colour in BRANCH_COLOURS {
            assert_eq!(readable_on(colour), Color32::WHITE, "{colour:?}");
        }
    }

    #[test]
    fn every_glyph_relmap_draws_is_in_the_bundled_fonts() {
        let harness = egui_kittest::Harness::new_ui(|ui| {
            ui.label("fonts");
        });
        let mut glyphs: Vec<&str> = vec![GLYPH_ACTIVE, GLYPH_DONE, GLYPH_ERROR, GLYPH_INFO];
        glyphs.extend(Icon::ALL.iter().map(|icon| icon.glyph()));
        for glyph in glyphs {
            let font = egui::FontId::proportional(TITLE_SIZE);
            let present = harness
                .ctx
                .fonts_mut(|fonts| fonts.has_glyphs(&font, glyph));
            assert!(present, "{glyph} would show as an empty box");
        }
    }
}
