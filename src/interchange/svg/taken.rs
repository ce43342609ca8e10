//! The boxes already drawn, which a cross-link's label must not cover, kept in a grid so that placing each
//! label looks at the boxes near it only. A plain list made the export of a large map with many labelled links
//! take time in proportion to labels × nodes.

use std::collections::HashMap;

use super::geometry::Rect;

/// The side of a cell of the grid, in canvas units: a few node boxes wide, so most boxes fall in one to four
/// cells.
const CELL: f32 = 512.0;

/// A box that spans more cells than this on either axis is kept in a list of its own, checked every time,
/// rather than entered into every cell it touches. Node boxes never come near this size.
const MAX_SPAN: i64 = 16;

/// The boxes taken so far.
#[derive(Default)]
pub(super) struct Taken {
    cells: HashMap<(i64, i64), Vec<Rect>>,
    large: Vec<Rect>,
}

impl Taken {
    /// Marks a box as taken.
    pub(super) fn add(&mut self, rect: Rect) {
        let (x0, y0, x1, y1) = cells_of(rect);
        if x1 - x0 > MAX_SPAN || y1 - y0 > MAX_SPAN {
            self.large.push(rect);
            return;
        }
        for x in x0..=x1 {
            for y in y0..=y1 {
                self.cells.entry((x, y)).or_default().push(rect);
            }
        }
    }

    /// Whether `patch` overlaps any box taken so far.
    pub(super) fn overlaps(&self, patch: Rect) -> bool {
        if self.large.iter().any(|r| r.intersects(patch)) {
            return true;
        }
        let (x0, y0, x1, y1) = cells_of(patch);
        if x1 - x0 > MAX_SPAN || y1 - y0 > MAX_SPAN {
            // A patch this large is never a label; comparing it with every box keeps the answer right.
            return self.cells.values().flatten().any(|r| r.intersects(patch));
        }
        (x0..=x1).any(|x| {
            (y0..=y1).any(|y| {
                self.cells
                    .get(&(x, y))
                    .is_some_and(|rects| rects.iter().any(|r| r.intersects(patch)))
            })
        })
    }
}

/// The first and last cells a box touches on each axis. Float-to-integer casts saturate, so a box far out
/// still gets a cell.
#[allow(
    clippy::cast_possible_truncation,
    reason = "the casts saturate, which is what a box beyond the grid needs"
)]
fn cells_of(rect: Rect) -> (i64, i64, i64, i64) {
    let cell = |v: f32| (v / CELL).floor() as i64;
    (
        cell(rect.min.x),
        cell(rect.min.y),
        cell(rect.max.x),
        cell(rect.max.y),
    )
}

#[cfg(test)]
mod tests {
    use super::super::geometry::Point;
    use super::*;

    #[test]
    fn a_patch_overlaps_exactly_the_boxes_a_list_would_find() {
        let boxes = [
            Rect::around(Point::new(0.0, 0.0), 100.0, 40.0),
            Rect::around(Point::new(511.0, 20.0), 100.0, 40.0),
            Rect::around(Point::new(-3000.0, 9000.0), 100.0, 40.0),
            Rect::around(Point::new(0.0, 0.0), 40_000.0, 10.0),
        ];
        let mut taken = Taken::default();
        for rect in boxes {
            taken.add(rect);
        }
        for x in (-4000..4000).step_by(37) {
            for y in [-30.0, 0.0, 25.0, 9000.0, 9030.0] {
                #[allow(clippy::cast_precision_loss, reason = "small test coordinates")]
                let patch = Rect::around(Point::new(x as f32, y), 60.0, 20.0);
                let by_list = boxes.iter().any(|r| r.intersects(patch));
                assert_eq!(taken.overlaps(patch), by_list, "{patch:?}");
            }
        }
    }
}
