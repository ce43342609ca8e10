//! The view onto the canvas: which canvas point is at the centre of the screen, and how far it is zoomed.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2};

/// The smallest zoom: a 50,000-node map laid out as a tree (about a million units tall) still fits.
pub const MIN_ZOOM: f32 = 0.000_5;
/// The largest zoom.
pub const MAX_ZOOM: f32 = 4.0;

/// The room kept between a fitted map and the edge of the canvas area, in screen points.
pub const FIT_MARGIN: f32 = 40.0;

/// Pan and zoom. View state only: it never goes into a file.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The canvas point shown at the centre of the canvas area.
    pub center_in_canvas: Pos2,
    /// Screen points per canvas unit.
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Camera {
        Camera {
            center_in_canvas: Pos2::ZERO,
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// The transform from canvas units to screen points, for a canvas area `rect` on screen.
    #[must_use]
    pub fn screen_from_canvas(&self, rect: Rect) -> TSTransform {
        TSTransform::from_translation(rect.center().to_vec2())
            * TSTransform::from_scaling(self.zoom)
            * TSTransform::from_translation(-self.center_in_canvas.to_vec2())
    }

    /// Moves the view by a distance in screen points.
    pub fn pan_by(&mut self, delta_on_screen: Vec2) {
        self.center_in_canvas -= delta_on_screen / self.zoom;
    }

    /// Zooms by `factor`, keeping the canvas point under `pos_on_screen` where it is.
    pub fn zoom_around(&mut self, rect: Rect, pos_on_screen: Pos2, factor: f32) {
        let pos_in_canvas = self.screen_from_canvas(rect).inverse() * pos_on_screen;
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let moved_to = self.screen_from_canvas(rect) * pos_in_canvas;
        self.pan_by(pos_on_screen - moved_to);
    }

    /// Zooms and pans so that `bounds_in_canvas` fills the canvas area with a margin, never zooming in beyond 1:1.
    pub fn fit(&mut self, rect: Rect, bounds_in_canvas: Rect) {
        if !bounds_in_canvas.is_positive() || !rect.is_positive() {
            return;
        }
        let margin = FIT_MARGIN;
        let available = (rect.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(50.0));
        let zoom =
            (available.x / bounds_in_canvas.width()).min(available.y / bounds_in_canvas.height());
        self.zoom = zoom.clamp(MIN_ZOOM, 1.0);
        self.center_in_canvas = bounds_in_canvas.center();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_in_place() {
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let mut camera = Camera::default();
        let pointer = Pos2::new(600.0, 100.0);
        let under = camera.screen_from_canvas(rect).inverse() * pointer;
        camera.zoom_around(rect, pointer, 1.7);
        let after = camera.screen_from_canvas(rect) * under;
        assert!((after - pointer).length() < 1e-3, "{after:?}");
    }

    #[test]
    fn fitting_shows_the_whole_bounds() {
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let bounds = Rect::from_min_max(Pos2::new(-2000.0, -500.0), Pos2::new(3000.0, 900.0));
        let mut camera = Camera::default();
        camera.fit(rect, bounds);
        let shown = camera.screen_from_canvas(rect);
        assert!(rect.contains(shown * bounds.min) && rect.contains(shown * bounds.max));
    }
}
