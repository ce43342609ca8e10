//! The colours and sizes of the picture: small copies of what the canvas uses, so that an exported map looks
//! like the one on screen. The interchange layer may not import the UI or the layout, so the few values are
//! repeated here; each names where it comes from, and a change there should be copied here.

use crate::model::{Health, MindMap, NodeId, NodeKind};

/// A colour as red, green and blue bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Colour(pub [u8; 3]);

impl Colour {
    /// The colour as `#rrggbb`, as SVG and CSS read it.
    pub(crate) fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The colour `t` of the way from `self` to `other`.
    fn mix(self, other: Colour, t: f32) -> Colour {
        let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
        let ([r, g, b], [r2, g2, b2]) = (self.0, other.0);
        Colour([mix(r, r2), mix(g, g2), mix(b, b2)])
    }
}

/// The colours of the first-level branches, in order (`BRANCH_COLOURS` in `src/ui/style.rs`).
const BRANCH_COLOURS: [Colour; 6] = [
    Colour([0x2b, 0x6c, 0xb0]), // blue
    Colour([0x1f, 0x8a, 0x70]), // green
    Colour([0xc0, 0x56, 0x21]), // orange
    Colour([0x7b, 0x4e, 0xa8]), // purple
    Colour([0xb8, 0x32, 0x5a]), // rose
    Colour([0x8a, 0x6d, 0x1f]), // ochre
];

/// The central node (`ROOT_FILL` in `src/ui/style.rs`).
const ROOT_FILL: Colour = Colour([0x26, 0x32, 0x44]);
/// Text on light fills (`DARK_TEXT` in `src/ui/style.rs`).
pub(crate) const DARK_TEXT: Colour = Colour([0x1d, 0x23, 0x2b]);
/// White.
pub(crate) const WHITE: Colour = Colour([0xff, 0xff, 0xff]);
/// Cross-links and their labels (`CROSS_LINK` in `src/ui/style.rs`).
pub(crate) const CROSS_LINK: Colour = Colour([0x9a, 0x5c, 0xc6]);
/// The overdue badge (`OVERDUE` in `src/ui/canvas/paint.rs`).
pub(crate) const OVERDUE: Colour = Colour([0xd0, 0x3b, 0x3b]);
/// The strategy-count badge (`Color32::from_gray(70)` in `src/ui/canvas/paint.rs`).
pub(crate) const STRATEGY_BADGE: Colour = Colour([70, 70, 70]);
/// The fold badge (`Color32::from_gray(90)` in `src/ui/canvas/paint.rs`).
pub(crate) const FOLD_BADGE: Colour = Colour([90, 90, 90]);
/// The outline of the badges: black at 60 of 255 (`paint_badge` in `src/ui/canvas/paint.rs`), as SVG stroke
/// attributes with the opacity rounded to the one decimal every number in the file has.
pub(crate) const BADGE_OUTLINE: &str = r##"stroke="#000000" stroke-opacity="0.2""##;

/// Marks the count of active strategies (`STRATEGY_GLYPH` in `src/ui/canvas/paint.rs`).
pub(crate) const STRATEGY_GLYPH: &str = "🎯";

/// Font size of titles (`TITLE_SIZE` in `src/ui/style.rs`).
pub(crate) const TITLE_SIZE: f32 = 14.0;
/// The central node's title is this much larger (`paint_map` in `src/ui/canvas/paint.rs`).
pub(crate) const ROOT_SCALE: f32 = 1.25;
/// The widest a title line grows before it wraps (`TITLE_WRAP` in `src/ui/style.rs`).
pub(crate) const TITLE_WRAP: f32 = 220.0;
/// Space between a title and the left or right edge of its box (`PADDING` in `src/ui/style.rs`).
pub(crate) const PADDING_X: f32 = 12.0;
/// Space between a title and the top or bottom edge of its box (`PADDING` in `src/ui/style.rs`).
pub(crate) const PADDING_Y: f32 = 7.0;
/// The narrowest box (`MIN_WIDTH` in `src/layout/size.rs`, and `node_size_in_canvas` on the canvas).
pub(crate) const MIN_WIDTH: f32 = 48.0;
/// How tall one line of a title is, as a share of the font size: the row height of egui's default font,
/// which is what the canvas measures (`src/layout/size.rs` estimates a little more, 20 units at 14).
pub(crate) const LINE_SPACING: f32 = 1.2;
/// The rounding of node corners (`paint_map` in `src/ui/canvas/paint.rs`).
pub(crate) const CORNER: f32 = 8.0;
/// Font size of cross-link labels (`paint_cross_link` in `src/ui/canvas/paint.rs`).
pub(crate) const LINK_LABEL_SIZE: f32 = 11.0;
/// Font size of the badges (`paint_markers` in `src/ui/canvas/paint.rs`).
pub(crate) const BADGE_SIZE: f32 = 9.5;

/// The colour of a health rating (`health_colour` in `src/ui/style.rs`).
pub(crate) fn health_colour(health: Health) -> Colour {
    match health {
        Health::NotAssessed => Colour([0x9a, 0xa0, 0xa6]),
        Health::WorkingWell => Colour([0x2e, 0x9e, 0x4f]),
        Health::NeedsAttention => Colour([0xe0, 0xa1, 0x00]),
        Health::Neglected => Colour([0xd0, 0x3b, 0x3b]),
    }
}

/// The colour of the branch a node belongs to; its own colour where it has one (`branch_colour` in
/// `src/ui/style.rs`). It walks up to the node's branch, so a caller colouring many nodes uses
/// [`branch_colour_in`] with [`MindMap::branch_table`] instead.
pub(crate) fn branch_colour(map: &MindMap, id: NodeId) -> Colour {
    branch_colour_in(map, id, map.branch_of(id))
}

/// [`branch_colour`] for a node whose first-level branch (`None` for the root) is known already.
pub(crate) fn branch_colour_in(map: &MindMap, id: NodeId, branch: Option<NodeId>) -> Colour {
    if let Some(rgb) = map.topic(id).and_then(|t| t.color) {
        return Colour(rgb.0);
    }
    let Some(branch) = branch else {
        return ROOT_FILL;
    };
    if let Some(rgb) = map.topic(branch).and_then(|t| t.color) {
        return Colour(rgb.0);
    }
    // The colour the branch was given when it first appeared, as the canvas draws it.
    let index = map.topic(branch).and_then(|t| t.palette).map_or_else(
        || {
            map.children(map.root())
                .iter()
                .position(|&c| c == branch)
                .unwrap_or(0)
        },
        usize::from,
    );
    BRANCH_COLOURS[index % BRANCH_COLOURS.len()]
}

/// A node's fill, text and border colours (`node_colours` in `src/ui/style.rs`): the centre and the first
/// level are filled with the branch colour, deeper nodes with a light tint of it and dark text.
pub(crate) fn node_colours(map: &MindMap, id: NodeId, branch: Colour) -> (Colour, Colour, Colour) {
    let kind = map.topic(id).map_or(NodeKind::Topic, |t| t.kind);
    if id == map.root() || kind == NodeKind::Center || map.parent(id) == Some(map.root()) {
        return (branch, readable_on(branch), branch);
    }
    (branch.mix(WHITE, 0.85), DARK_TEXT, branch)
}

/// White text on a dark or saturated fill, dark text on a light one (`readable_on` in `src/ui/style.rs`).
pub(crate) fn readable_on(fill: Colour) -> Colour {
    let linear = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = fill.0;
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    if luminance > 0.21 { DARK_TEXT } else { WHITE }
}

/// About how wide `text` is at `size`, in the same units. The canvas measures real glyphs; an exported file
/// cannot know which font the viewer has, so this estimates each character by its class from the widths of
/// common sans-serif fonts, erring a little wide so that titles stay inside their boxes.
pub(crate) fn text_width(text: &str, size: f32) -> f32 {
    text.chars().map(char_width).sum::<f32>() * size
}

/// The advance of one character, as a share of the font size.
fn char_width(c: char) -> f32 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | '`' | 'I' => 0.28,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '{' | '}' | '"' | '-' | '/' => 0.36,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.86,
        'A'..='Z' => 0.66,
        '0'..='9' => 0.56,
        'a'..='z' => 0.53,
        // Symbols, arrows and emoji (the icons and markers among them) and CJK are about a square each.
        c if u32::from(c) >= 0x2000 => 1.05,
        _ => 0.58,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_branch_colours_carry_white_text_and_tints_dark_text() {
        for colour in BRANCH_COLOURS {
            assert_eq!(readable_on(colour), WHITE, "{colour:?}");
            assert_eq!(
                readable_on(colour.mix(WHITE, 0.85)),
                DARK_TEXT,
                "{colour:?}"
            );
        }
        assert_eq!(Colour([0x2b, 0x6c, 0xb0]).hex(), "#2b6cb0");
    }

    #[test]
    fn wide_letters_measure_wider_than_narrow_ones() {
        assert!(text_width("mmm", 14.0) > text_width("iii", 14.0));
        assert!((text_width("", 14.0)).abs() < f32::EPSILON);
    }
}
