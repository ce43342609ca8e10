//! Points, boxes, curves and the text helpers the picture is built from: numbers written with one decimal,
//! XML escaping, and titles wrapped the way the canvas wraps them.

use std::fmt;

use super::look;

/// A point in canvas units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    /// Rightwards.
    pub x: f32,
    /// Downwards.
    pub y: f32,
}

impl Point {
    /// A point.
    pub(crate) const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    fn plus(self, other: Point, scale: f32) -> Point {
        Point::new(self.x + other.x * scale, self.y + other.y * scale)
    }

    fn minus(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }

    fn length(self) -> f32 {
        self.x.hypot(self.y)
    }
}

/// An axis-aligned box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    /// The top-left corner.
    pub min: Point,
    /// The bottom-right corner.
    pub max: Point,
}

impl Rect {
    /// The box of `width` × `height` around `centre`.
    pub(crate) fn around(centre: Point, width: f32, height: f32) -> Rect {
        Rect {
            min: Point::new(centre.x - width / 2.0, centre.y - height / 2.0),
            max: Point::new(centre.x + width / 2.0, centre.y + height / 2.0),
        }
    }

    /// The box of `width` × `height` with its top-left corner at `min`.
    pub(crate) fn at(min: Point, width: f32, height: f32) -> Rect {
        Rect {
            min,
            max: Point::new(min.x + width, min.y + height),
        }
    }

    /// The middle.
    pub(crate) fn centre(self) -> Point {
        Point::new(
            f32::midpoint(self.min.x, self.max.x),
            f32::midpoint(self.min.y, self.max.y),
        )
    }

    /// How wide.
    pub(crate) fn width(self) -> f32 {
        self.max.x - self.min.x
    }

    /// How tall.
    pub(crate) fn height(self) -> f32 {
        self.max.y - self.min.y
    }

    /// The middle of the left edge.
    pub(crate) fn left_centre(self) -> Point {
        Point::new(self.min.x, self.centre().y)
    }

    /// The middle of the right edge.
    pub(crate) fn right_centre(self) -> Point {
        Point::new(self.max.x, self.centre().y)
    }

    /// Whether `p` lies inside or on the edge.
    pub(crate) fn contains(self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    /// Whether the two boxes overlap.
    pub(crate) fn intersects(self, other: Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    /// The box grown by `by` on every side (shrunk for a negative `by`).
    pub(crate) fn expand(self, by: f32) -> Rect {
        Rect {
            min: Point::new(self.min.x - by, self.min.y - by),
            max: Point::new(self.max.x + by, self.max.y + by),
        }
    }

    /// The smallest box holding both.
    pub(crate) fn union(self, other: Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }
}

/// The control points of the horizontal S-curve of a tree link from the side of `from` that faces `to`
/// (`tree_curve` in `src/ui/canvas/paint.rs`).
pub(crate) fn tree_curve(from: Rect, to: Rect) -> [Point; 4] {
    let rightwards = to.centre().x >= from.centre().x;
    let (start, end) = if rightwards {
        (from.right_centre(), to.left_centre())
    } else {
        (from.left_centre(), to.right_centre())
    };
    let bend = ((end.x - start.x) * 0.5).abs().max(10.0) * if rightwards { 1.0 } else { -1.0 };
    [
        start,
        Point::new(start.x + bend, start.y),
        Point::new(end.x - bend, end.y),
        end,
    ]
}

/// The control point of a cross-link's curve, which bows away from the centre of the map
/// (`cross_link_control` in `src/ui/canvas/paint.rs`).
pub(crate) fn cross_link_control(start: Point, end: Point, map_centre: Point) -> Point {
    let chord = end.minus(start);
    let mut normal = Point::new(-chord.y * 0.35, chord.x * 0.35);
    let middle = start.plus(chord, 0.5);
    if middle.plus(normal, 1.0).minus(map_centre).length()
        < middle.plus(normal, -1.0).minus(map_centre).length()
    {
        normal = Point::new(-normal.x, -normal.y);
    }
    middle.plus(normal, 1.0)
}

/// A quadratic Bézier curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quadratic(pub [Point; 3]);

impl Quadratic {
    /// The point at `t`, from 0 at the start to 1 at the end.
    pub(crate) fn at(self, t: f32) -> Point {
        let [start, control, end] = self.0;
        let u = 1.0 - t;
        Point::new(
            u * u * start.x + 2.0 * u * t * control.x + t * t * end.x,
            u * u * start.y + 2.0 * u * t * control.y + t * t * end.y,
        )
    }

    /// The direction of travel at `t`, not normalised.
    pub(crate) fn tangent(self, t: f32) -> Point {
        let [start, control, end] = self.0;
        let u = 1.0 - t;
        Point::new(
            2.0 * u * (control.x - start.x) + 2.0 * t * (end.x - control.x),
            2.0 * u * (control.y - start.y) + 2.0 * t * (end.y - control.y),
        )
    }

    /// The part of the curve between `t0` and `t1`, itself a quadratic curve.
    pub(crate) fn part(self, t0: f32, t1: f32) -> Quadratic {
        let start = self.at(t0);
        let control = start.plus(self.tangent(t0), (t1 - t0) / 2.0);
        Quadratic([start, control, self.at(t1)])
    }

    /// The part of the curve outside both boxes, for a link that runs from inside `from` to inside `to`, as
    /// the canvas clips it; `None` when the boxes overlap so much that nothing is left.
    pub(crate) fn outside(self, from: Rect, to: Rect) -> Option<(Quadratic, f32)> {
        // Step along the curve to find where it leaves `from` and enters `to`, then refine both by halving.
        const STEPS: u16 = 200;
        let ts = (0..=STEPS).map(|i| f32::from(i) / f32::from(STEPS));
        let leave = ts.clone().find(|&t| !from.contains(self.at(t)))?;
        let enter = ts.rev().find(|&t| !to.contains(self.at(t)))?;
        if leave >= enter {
            return None;
        }
        let step = 1.0 / f32::from(STEPS);
        let t0 = self.refine(leave - step, leave, |p| from.contains(p));
        let t1 = self.refine(enter + step, enter, |p| to.contains(p));
        Some((self.part(t0, t1), t1))
    }

    /// Between `inside` (where `is_in` holds) and `outside` (where it does not), the first `t` outside, to a
    /// thousandth of the curve.
    fn refine(self, mut inside: f32, mut outside: f32, is_in: impl Fn(Point) -> bool) -> f32 {
        for _ in 0..12 {
            let middle = f32::midpoint(inside, outside);
            if is_in(self.at(middle)) {
                inside = middle;
            } else {
                outside = middle;
            }
        }
        outside
    }
}

/// The unit vector along `v`; zero stays zero.
pub(crate) fn normalised(v: Point) -> Point {
    let length = v.length();
    if length > f32::EPSILON {
        Point::new(v.x / length, v.y / length)
    } else {
        Point::new(0.0, 0.0)
    }
}

/// A number as the picture writes it: rounded to one decimal, without a trailing `.0` and never `-0`, so
/// that the same map always gives the same bytes. Values that are not finite are written as 0.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num(pub f32);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = if self.0.is_finite() {
            f64::from(self.0)
        } else {
            0.0
        };
        let tenths = (v * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        if tenth == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{tenth}")
        }
    }
}

/// Text made safe for XML and HTML, in element content and in quoted attributes alike.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not allowed in XML at all.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The lines of a title as the canvas shows it: each line of the text wrapped at the title wrap width,
/// between words where it can, inside a word that is wider than a whole line.
pub(crate) fn wrap(text: &str, size: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if look::text_width(&candidate, size) <= look::TITLE_WRAP {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than a whole line is cut where it reaches the edge.
            for c in word.chars() {
                line.push(c);
                if look::text_width(&line, size) > look::TITLE_WRAP && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_at_most_one_decimal_and_no_negative_zero() {
        let shown: Vec<String> = [1.0, 1.25, -0.04, -3.96, 12.345, f32::NAN]
            .iter()
            .map(|&v| Num(v).to_string())
            .collect();
        assert_eq!(shown, ["1", "1.3", "0", "-4", "12.3", "0"]);
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape("<b a=\"x\">&'\u{7}"),
            "&lt;b a=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn long_titles_wrap_between_words_and_keep_their_own_lines() {
        let lines = wrap(
            "Send the board a one-page update before every meeting\nsecond",
            14.0,
        );
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.last().map(String::as_str), Some("second"));
        assert!(
            lines
                .iter()
                .all(|l| look::text_width(l, 14.0) <= look::TITLE_WRAP)
        );
        let long = wrap(&"x".repeat(100), 14.0);
        assert!(long.len() > 1);
        assert_eq!(long.concat(), "x".repeat(100));
    }

    #[test]
    fn a_link_between_two_boxes_is_clipped_to_the_space_between_them() {
        let from = Rect::around(Point::new(0.0, 0.0), 40.0, 20.0);
        let to = Rect::around(Point::new(200.0, 0.0), 40.0, 20.0);
        let curve = Quadratic([
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(200.0, 0.0),
        ]);
        let (part, _) = curve.outside(from, to).unwrap();
        assert!((part.0[0].x - 20.0).abs() < 0.5, "{part:?}");
        assert!((part.0[2].x - 180.0).abs() < 0.5, "{part:?}");
        let overlapping = Rect::around(Point::new(10.0, 0.0), 40.0, 20.0);
        let short = Quadratic([
            Point::new(0.0, 0.0),
            Point::new(5.0, 0.0),
            Point::new(10.0, 0.0),
        ]);
        assert_eq!(short.outside(from, overlapping), None);
    }
}
