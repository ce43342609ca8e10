//! The titles of nodes as laid out text, kept from frame to frame by node and font size step.
//!
//! Laying out a title is the costly part of drawing a node. While the user zooms, the font size changes every
//! frame; rounded to a step, most frames reuse the layouts of the last. When a zoom crosses a step with many
//! titles on screen, only so many are laid out again in one frame: the others keep their layout of the last
//! step, a little too large or too small for a frame or two, and catch up in the frames after. So a zoom never
//! stalls on text, however many titles are in view.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{FontId, Galley, Painter};

use crate::model::NodeId;
use crate::ui::style;

use super::scene::SceneNode;

/// How many titles one frame lays out at most; about two milliseconds of text layout.
const LAYOUTS_PER_FRAME: usize = 150;

/// A title laid out at one font size.
#[derive(Debug)]
struct Laid {
    text: String,
    size: f32,
    galley: Arc<Galley>,
    /// The frame that last drew it.
    used: u64,
}

/// The laid-out titles of the nodes drawn lately.
#[derive(Debug, Default)]
pub(crate) struct Titles {
    laid: HashMap<NodeId, Laid>,
    frame: u64,
    /// Layouts this frame so far.
    fresh: usize,
    /// Whether some title was drawn at the size of an earlier step this frame, so another frame is needed.
    pub behind: bool,
}

impl Titles {
    /// Starts a frame.
    pub fn begin(&mut self) {
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
            .filter(|laid| laid.text == node.text);
        if let Some(laid) = cached {
            laid.used = frame;
            if (laid.size - size).abs() < 1e-3 {
                return Some(laid.galley.clone());
            }
            if self.fresh >= LAYOUTS_PER_FRAME {
                self.behind = true;
                return Some(laid.galley.clone());
            }
        } else if self.fresh >= LAYOUTS_PER_FRAME {
            self.behind = true;
            return None;
        }
        self.fresh += 1;
        let galley = layout(painter, node, size);
        self.laid.insert(
            node.id,
            Laid {
                text: node.text.clone(),
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

/// Rounds a font size on screen down to a step, about 8 % apart, so that zooming reuses layouts and a title
/// never outgrows its box.
pub(crate) fn size_step(size: f32) -> f32 {
    const STEP: f32 = 1.08;
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
}
