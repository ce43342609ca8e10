//! The titles of nodes as laid out text, kept from frame to frame by node and font size step.
//!
//! Laying out a title is the costly part of drawing a node. While the user zooms, the font size changes every
//! frame; rounded to a step, most frames reuse the layouts of the last. When a zoom crosses a step with many
//! titles on screen, only so many are laid out again in one frame: the others keep their layout of the last
//! step, a little too large or too small for a frame or two, and catch up in the frames after. So a zoom never
//! stalls on text, however many titles are in view.
//!
//! A laid-out title points into egui's font atlas, and egui empties that atlas when the theme or the interface
//! size changes (and when it fills up). Titles kept from before would then draw nothing, so the cache notices
//! when egui renews its own layouts and starts over with it.

use std::sync::Arc;

use egui::{Color32, FontId, Galley, Painter};

use crate::model::NodeId;
use crate::ui::style;

use super::scene::SceneNode;

/// How many titles one frame lays out at most; about two milliseconds of text layout.
const LAYOUTS_PER_FRAME: usize = 150;

/// A title laid out at one font size.
#[derive(Debug)]
struct Laid {
    text: String,
    /// The colour of the text, which is part of the layout.
    ink: Color32,
    size: f32,
    galley: Arc<Galley>,
    /// The frame that last drew it.
    used: u64,
}

/// The laid-out titles of the nodes drawn lately.
#[derive(Debug, Default)]
pub(crate) struct Titles {
    laid: crate::model::IdMap<NodeId, Laid>,
    frame: u64,
    /// Layouts this frame so far.
    fresh: usize,
    /// How many layouts this frame may do.
    limit: usize,
    /// Whether some title was drawn at the size of an earlier step this frame, so another frame is needed.
    pub behind: bool,
    /// A short text laid out through egui's own cache every frame. egui drops its cache exactly when it
    /// empties the font atlas, so a new layout of this text means every title here points into an atlas
    /// that is gone.
    witness: Option<Arc<Galley>>,
}

/// The text of [`Titles::witness`].
const WITNESS_TEXT: &str = "Ag";

impl Titles {
    /// Starts a frame. Forgets every title if egui has emptied its font atlas since the last frame.
    pub fn begin(&mut self, painter: &Painter) {
        let witness = painter.layout_no_wrap(
            WITNESS_TEXT.to_owned(),
            FontId::proportional(style::TITLE_SIZE),
            Color32::WHITE,
        );
        let renewed = self
            .witness
            .as_ref()
            .is_none_or(|old| !Arc::ptr_eq(old, &witness));
        // Every title on screen is laid out again at once, in this frame: a theme switch then redraws the
        // whole map rather than leaving titles blank for the frames it would take to catch up.
        self.limit = if renewed {
            self.laid.clear();
            usize::MAX
        } else {
            LAYOUTS_PER_FRAME
        };
        self.witness = Some(witness);
        self.frame += 1;
        self.fresh = 0;
        self.behind = false;
    }

    /// Ends a frame: forgets titles not drawn for a while, once there are many more than are on screen.
    pub fn end(&mut self, on_screen: usize) {
        if self.laid.len() > 2 * on_screen + 512 {
            let frame = self.frame;
            self.laid.retain(|_, laid| laid.used + 2 >= frame);
        }
    }

    /// The title of `node` laid out at `size` (the font size on screen, already rounded to a step), or its
    /// layout at an earlier size when this frame has laid out its share, or nothing if it never was.
    pub fn get(&mut self, painter: &Painter, node: &SceneNode, size: f32) -> Option<Arc<Galley>> {
        let frame = self.frame;
        let cached = self
            .laid
            .get_mut(&node.id)
            .filter(|laid| laid.text == node.text && laid.ink == node.ink);
        if let Some(laid) = cached {
            laid.used = frame;
            if (laid.size - size).abs() < 1e-3 {
                return Some(laid.galley.clone());
            }
            if self.fresh >= self.limit {
                self.behind = true;
                return Some(laid.galley.clone());
            }
        } else if self.fresh >= self.limit {
            self.behind = true;
            return None;
        }
        self.fresh += 1;
        let galley = layout(painter, node, size);
        self.laid.insert(
            node.id,
            Laid {
                text: node.text.clone(),
                ink: node.ink,
                size,
                galley: galley.clone(),
                used: frame,
            },
        );
        Some(galley)
    }
}

/// Lays out a node's title at a font size on screen.
fn layout(painter: &Painter, node: &SceneNode, size: f32) -> Arc<Galley> {
    let scale = size / style::TITLE_SIZE;
    let font = FontId::proportional(size * if node.is_root { 1.25 } else { 1.0 });
    painter.layout(node.text.clone(), font, node.ink, style::TITLE_WRAP * scale)
}

/// The step of [`size_step`] nearest above or at `size`: the smallest font size on screen, among those titles
/// are drawn at, that is at least `size`.
pub(crate) fn size_step_at_least(size: f32) -> f32 {
    let step = size_step(size);
    if step >= size { step } else { step * STEP }
}

/// The ratio between two font sizes titles are drawn at, one step apart.
const STEP: f32 = 1.08;

/// Rounds a font size on screen down to a step, about 8 % apart, so that zooming reuses layouts and a title
/// never outgrows its box.
pub(crate) fn size_step(size: f32) -> f32 {
    STEP.powf((size.ln() / STEP.ln()).floor())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_round_down_and_are_few() {
        let mut steps = std::collections::BTreeSet::new();
        let mut size = 5.0_f32;
        while size < 56.0 {
            let step = size_step(size);
            assert!(step <= size + 1e-3 && step > size / 1.09, "{size} → {step}");
            steps.insert((step * 1000.0) as u32);
            size += 0.01;
        }
        assert!(steps.len() < 35, "{} steps", steps.len());
    }

    #[test]
    fn the_step_at_least_a_size_is_a_step_and_not_below_it() {
        for size in [5.0_f32, 9.3, 11.0, 14.0, 30.5] {
            let step = size_step_at_least(size);
            assert!(step >= size, "{size} → {step}");
            assert!(step < size * STEP + 1e-3, "{size} → {step}");
            assert!(
                (size_step(step * 1.000_1) - step).abs() < 1e-3,
                "{size} → {step}"
            );
        }
    }
}
