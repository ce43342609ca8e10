//! The size of a node's box, and an estimate of it for callers that cannot measure text.

/// The size of a node's box in canvas units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NodeSize {
    /// From the left edge to the right edge.
    pub width: f32,
    /// From the top edge to the bottom edge.
    pub height: f32,
}

impl NodeSize {
    /// A size.
    #[must_use]
    pub const fn new(width: f32, height: f32) -> NodeSize {
        NodeSize { width, height }
    }

    /// The size with negative, infinite or missing extents replaced by zero, so that one bad measurement cannot
    /// poison a whole layout with NaNs.
    pub(super) fn sane(self) -> NodeSize {
        let clean = |v: f32| if v.is_finite() { v.max(0.0) } else { 0.0 };
        NodeSize::new(clean(self.width), clean(self.height))
    }
}

/// How wide one character is, on average, at the canvas's title size.
const CHAR_WIDTH: f32 = 7.5;
/// Where titles wrap onto a new line; the canvas wraps at the same width.
const WRAP_WIDTH: f32 = 220.0;
/// The space between the text and the left or right edge of the box.
const PADDING_X: f32 = 12.0;
/// How tall one line of text is.
const LINE_HEIGHT: f32 = 20.0;
/// The space above and below the text, together.
const PADDING_Y: f32 = 14.0;
/// The narrowest box the canvas draws, so that short titles remain easy to hit.
const MIN_WIDTH: f32 = 48.0;

/// An estimate of a node's size from its title, for callers that cannot measure text (tests, benchmarks,
/// exports). The canvas measures real text and may differ by a few units.
#[must_use]
pub fn estimated_size(title: &str) -> NodeSize {
    // The canvas shows an empty title as "(untitled)", so that is what takes up room.
    let text = if title.trim().is_empty() {
        "(untitled)"
    } else {
        title
    };
    let mut lines = 0_usize;
    let mut widest = 0.0_f32;
    for line in text.lines() {
        let width = line.chars().count() as f32 * CHAR_WIDTH;
        lines += ((width / WRAP_WIDTH).ceil() as usize).max(1);
        widest = widest.max(width.min(WRAP_WIDTH));
    }
    NodeSize::new(
        (widest + 2.0 * PADDING_X).max(MIN_WIDTH),
        lines.max(1) as f32 * LINE_HEIGHT + PADDING_Y,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_title_gets_one_line_and_its_own_width() {
        let size = estimated_size("Staff");
        assert!((size.width - (5.0 * 7.5 + 24.0)).abs() < 1e-4);
        assert!((size.height - 34.0).abs() < 1e-4);
    }

    #[test]
    fn a_long_title_wraps_at_the_wrap_width() {
        let size = estimated_size(&"word ".repeat(20));
        assert!((size.width - (220.0 + 24.0)).abs() < 1e-4);
        assert!((size.height - (4.0 * 20.0 + 14.0)).abs() < 1e-4);
    }

    #[test]
    fn every_line_of_a_title_counts() {
        assert!((estimated_size("a\nb\nc").height - (3.0 * 20.0 + 14.0)).abs() < 1e-4);
    }

    #[test]
    fn an_empty_title_is_as_big_as_untitled() {
        assert_eq!(estimated_size(""), estimated_size("(untitled)"));
        assert!(estimated_size("x").width >= 48.0);
    }

    #[test]
    fn bad_measurements_become_zero() {
        let size = NodeSize::new(f32::NAN, -3.0).sane();
        assert_eq!(size, NodeSize::new(0.0, 0.0));
    }
}
