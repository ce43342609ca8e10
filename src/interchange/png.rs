//! PNG export: the map's SVG picture rasterized with resvg, at a chosen scale. The fonts are the ones the app
//! itself draws with (egui's bundled Ubuntu Light, with Noto Emoji for icons and markers), loaded from memory,
//! so the picture looks the same on every computer and never depends on the fonts installed.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use resvg::{tiny_skia, usvg};

use crate::model::Workbook;

/// The scale a PNG is written at unless another is chosen: twice the canvas size, sharp enough to print.
pub const DEFAULT_PNG_SCALE: f32 = 2.0;

/// The largest side a PNG may have, in pixels; a larger picture is scaled down to fit, so that a huge map
/// cannot ask for gigabytes of memory.
pub const MAX_PNG_SIDE: u32 = 8_192;

/// Why a PNG could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The picture of the map could not be read back; a bug in the SVG export.
    #[error("the picture of the map could not be drawn: {0}")]
    Svg(String),
    /// The image could not be encoded.
    #[error("the PNG image could not be written: {0}")]
    Encode(String),
}

/// Draws the whole map as a PNG image at `scale` times its size on the canvas.
pub fn to_png(workbook: &Workbook, today: NaiveDate, scale: f32) -> Result<Vec<u8>, PngError> {
    let svg = super::to_svg(workbook, today, None);
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "Ubuntu".to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| PngError::Svg(e.to_string()))?;
    let size = tree.size();
    let scale = if scale.is_finite() && scale > 0.0 {
        scale
    } else {
        DEFAULT_PNG_SCALE
    };
    let longest = size.width().max(size.height()) * scale;
    let scale = if longest > MAX_PNG_SIDE as f32 {
        scale * MAX_PNG_SIDE as f32 / longest
    } else {
        scale
    };
    let width = ((size.width() * scale).ceil() as u32).clamp(1, MAX_PNG_SIDE);
    let height = ((size.height() * scale).ceil() as u32).clamp(1, MAX_PNG_SIDE);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| PngError::Encode(format!("no room for a {width}×{height} image")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Encode(e.to_string()))
}

/// The fonts, loaded once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            db.load_font_data(epaint_default_fonts::NOTO_EMOJI_REGULAR.to_vec());
            db.load_font_data(epaint_default_fonts::EMOJI_ICON.to_vec());
            db.set_sans_serif_family("Ubuntu");
            Arc::new(db)
        })
        .clone()
}
