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
pub(crate) struct TitleSizes(Rc<RefCell<[HashMap<String, Vec2>; 2]>>);

impl TitleSizes {
    /// The size of the box of `text`, measured once per text.
    pub fn get(&self, ctx: &egui::Context, text: &str, is_root: bool) -> Vec2 {
        let which = usize::from(is_root);
        if let Some(size) = self.0.borrow()[which].get(text) {
            return *size;
        }
        let size = scene::text_box_size(ctx, text, is_root);
        self.0.borrow_mut()[which].insert(text.to_owned(), size);
        size
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
        for sizes in self.0.borrow_mut().iter_mut() {
            sizes.clear();
        }
    }

    /// How many sizes are kept.
    pub fn len(&self) -> usize {
        self.0.borrow().iter().map(HashMap::len).sum()
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
