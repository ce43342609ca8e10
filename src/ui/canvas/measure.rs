//! How big a node is: one measurement for the automatic layout and for drawing, so that the two never
//! disagree. A node's room is its title's box (with the icon in front) plus, at its right end, room for the
//! planning badges (days late, count of strategies) that stick out past the box.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use egui::Vec2;

use crate::document::Measure;
use crate::layout::NodeSize;
use crate::model::{Frequency, StrategyStatus, Topic};
use crate::ui::style;

use super::{paint, scene};

/// How far the planning badges reach past the right end of a node's box: a "120d late" badge starts 10 units
/// inside the box and is about 54 wide.
pub(crate) const MARKER_ROOM: f32 = 44.0;

/// The title as drawn, with the icon in front.
pub(crate) fn drawn_text(topic: &Topic) -> String {
    match topic.icon {
        Some(icon) => format!("{} {}", icon.glyph(), paint::display_title(&topic.title)),
        None => paint::display_title(&topic.title),
    }
}

/// The room a node keeps to the right of its box for its planning badges: any node that is kept in touch with
/// (which may fall behind) or has strategies under way. The room is kept whether or not a badge shows today,
/// so that the layout does not change when a day passes.
pub(crate) fn marker_room(topic: &Topic) -> f32 {
    let profile = &topic.profile;
    let may_show = profile.frequency != Frequency::None
        || profile
            .strategies
            .iter()
            .any(|s| s.status == StrategyStatus::Active);
    if may_show { MARKER_ROOM } else { 0.0 }
}

/// The size of each drawn title's box, at 100 %, shared by the layout's measure and the scene so that each
/// title is laid out once. Keyed by the drawn text, the root's apart (its title is drawn larger).
#[derive(Clone, Debug, Default)]
pub(crate) struct TitleSizes(Rc<RefCell<Known>>);

/// What [`TitleSizes`] knows, for ordinary titles and for the root's.
#[derive(Debug, Default)]
struct Known {
    /// Each title's box.
    sizes: [HashMap<String, Vec2>; 2],
    /// The advance of each character met so far, and the height of a line.
    advances: [HashMap<char, f32>; 2],
    line_height: [Option<f32>; 2],
}

impl TitleSizes {
    /// The size of the box of `text`, measured once per text.
    pub fn get(&self, ctx: &egui::Context, text: &str, is_root: bool) -> Vec2 {
        let which = usize::from(is_root);
        if let Some(size) = self.0.borrow().sizes[which].get(text) {
            return *size;
        }
        let size = self
            .one_line(ctx, text, is_root)
            .unwrap_or_else(|| scene::text_box_size(ctx, text, is_root));
        self.0.borrow_mut().sizes[which].insert(text.to_owned(), size);
        size
    }

    /// The box of a title that fits on one line, from the advances of its characters: what laying the text
    /// out gives, without shaping it, which is most of the cost of opening a large map. `None` for a title
    /// that may wrap, has a line break, or has a character no font has, which are laid out in full.
    fn one_line(&self, ctx: &egui::Context, text: &str, is_root: bool) -> Option<Vec2> {
        if text.contains('\n') {
            return None;
        }
        let which = usize::from(is_root);
        let font = scene::title_font(is_root);
        let mut known = self.0.borrow_mut();
        let mut width = 0.0;
        for c in text.chars() {
            let advance = *known.advances[which]
                .entry(c)
                .or_insert_with(|| ctx.fonts_mut(|f| f.glyph_width(&font, c)));
            if advance <= 0.0 && !c.is_whitespace() {
                return None;
            }
            width += advance;
        }
        // Kerning, shaping and rounding move a line by a few points either way: the box keeps that much room
        // so that the text never outgrows it, and a title near the wrapping width is laid out in full.
        let width = width * 1.02 + 2.0;
        if width > style::TITLE_WRAP - 8.0 {
            return None;
        }
        // The height of one laid-out line, as the full layout gives it.
        let height = *known.line_height[which].get_or_insert_with(|| {
            ctx.fonts_mut(|f| f.layout_no_wrap("Ag".to_owned(), font, egui::Color32::WHITE))
                .size()
                .y
        });
        Some(super::padded(Vec2::new(width, height), 1.0).max(Vec2::new(48.0, 0.0)))
    }

    /// The size of the box of a node's title as drawn.
    pub fn of(&self, ctx: &egui::Context, topic: &Topic, is_root: bool) -> Vec2 {
        // Most titles are drawn as they are; only an icon or an empty title changes the text.
        if topic.icon.is_none() && !topic.title.trim().is_empty() {
            self.get(ctx, &topic.title, is_root)
        } else {
            self.get(ctx, &drawn_text(topic), is_root)
        }
    }

    /// Forgets every size, as when the style changes what text measures.
    pub fn clear(&self) {
        let mut known = self.0.borrow_mut();
        *known = Known::default();
    }

    /// How many sizes are kept.
    pub fn len(&self) -> usize {
        self.0.borrow().sizes.iter().map(HashMap::len).sum()
    }

    /// A measure for the document's automatic layout that shares these sizes: the title's box widened by the
    /// room for planning badges.
    pub fn measure(&self, ctx: &egui::Context) -> Measure {
        let sizes = self.clone();
        let ctx = ctx.clone();
        Box::new(move |topic: &Topic, is_root: bool| {
            let size = sizes.of(&ctx, topic, is_root);
            NodeSize::new(size.x + marker_room(topic), size.y)
        })
    }
}

/// Names what the style makes text measure, so that a change of fonts, text sizes or scale is noticed: the
/// measure is made again and every size forgotten.
pub(crate) fn style_key(ctx: &egui::Context) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    ctx.pixels_per_point().to_bits().hash(&mut hasher);
    ctx.style_of(ctx.theme())
        .text_styles
        .iter()
        .for_each(|(style, font)| {
            format!("{style:?}{font:?}").hash(&mut hasher);
        });
    ctx.fonts(|fonts| {
        format!(
            "{:?}",
            fonts.definitions().font_data.keys().collect::<Vec<_>>()
        )
    })
    .hash(&mut hasher);
    // Zero means "no measure yet" to the document.
    hasher.finish().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The box from the characters' advances holds the laid-out text, and is at most a few points wider.
    #[test]
    fn a_one_line_title_measures_as_its_laid_out_text() {
        let ctx = egui::Context::default();
        let titles = [
            "Governing authority",
            "Front-line staff and volunteers",
            "Health: exercise, sleep, food",
            "WAVE Toys & Co.",
            "Überlingen café, naïve résumé",
            "1234567890 ()[]{}",
            "You",
            "a",
        ];
        let mut checked = 0;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let sizes = TitleSizes::default();
            for title in titles {
                for is_root in [false, true] {
                    let full = scene::text_box_size(ui.ctx(), title, is_root);
                    // Near the wrapping width, the text is laid out in full.
                    let Some(fast) = sizes.one_line(ui.ctx(), title, is_root) else {
                        assert!(full.x > style::TITLE_WRAP * 0.75, "{title:?}");
                        continue;
                    };
                    assert!(
                        // Kerning only narrows the laid-out text, so its box is never too small.
                        fast.x >= full.x - 0.5
                            && fast.x <= full.x + 8.0
                            && (fast.y - full.y).abs() <= 0.01,
                        "{title:?} (root: {is_root}): {fast:?} against {full:?}"
                    );
                    checked += 1;
                }
            }
            let long = "A title long enough that it has to wrap onto a second line in its box";
            assert_eq!(sizes.one_line(ui.ctx(), long, false), None);
            assert_eq!(sizes.one_line(ui.ctx(), "Two\nlines", false), None);
        });
        output.textures_delta.clear();
        assert!(
            checked >= 12,
            "{checked} titles measured from their characters"
        );
    }
}
