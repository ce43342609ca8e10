//! PNG export: the picture has the size of the map's SVG times the scale, is drawn (not blank: the node
//! boxes and their text cover a fair part of it), and a scale too large for memory is brought down to the
//! largest allowed side instead of failing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use relmap::interchange::{ExportFormat, MAX_PNG_SIDE, export, to_png, to_svg};
use resvg::tiny_skia::Pixmap;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// The width and height the SVG declares, in px.
fn svg_size(svg: &str) -> (f32, f32) {
    let number = |name: &str| -> f32 {
        let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let rest = &svg[start..];
        rest[..rest.find('"').unwrap()]
            .trim_end_matches("px")
            .parse()
            .unwrap()
    };
    (number("width"), number("height"))
}

#[test]
fn the_picture_has_the_maps_size_times_the_scale_and_is_drawn() {
    let workbook = relmap::storage::example().unwrap();
    let (width, height) = svg_size(&to_svg(&workbook, today(), None));
    for scale in [1.0_f32, 2.0] {
        let png = to_png(&workbook, today(), scale).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!(pixmap.width(), (width * scale).ceil() as u32);
        assert_eq!(pixmap.height(), (height * scale).ceil() as u32);
        let drawn = pixmap
            .pixels()
            .iter()
            .filter(|p| (p.red(), p.green(), p.blue()) != (255, 255, 255))
            .count();
        let share = drawn as f64 / pixmap.pixels().len() as f64;
        assert!(share > 0.05, "only {share:.3} of the picture is drawn");
        // Dark pixels: the centre node and the text of titles.
        let dark = pixmap
            .pixels()
            .iter()
            .filter(|p| u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 200)
            .count();
        assert!(dark > 500, "{dark} dark pixels: no text drawn?");
    }
}

#[test]
fn a_huge_scale_is_brought_down_to_the_largest_side() {
    let workbook = relmap::storage::example().unwrap();
    let png = to_png(&workbook, today(), 1000.0).unwrap();
    let pixmap = Pixmap::decode_png(&png).unwrap();
    assert_eq!(pixmap.width().max(pixmap.height()), MAX_PNG_SIDE);
}

#[test]
fn png_is_an_export_format_with_a_scale_by_name() {
    assert_eq!(ExportFormat::from_name("png"), Some(ExportFormat::PNG));
    assert_eq!(
        ExportFormat::from_name("PNG3"),
        Some(ExportFormat::Png(300))
    );
    assert_eq!(ExportFormat::from_name("png0"), None);
    assert_eq!(ExportFormat::from_name("png99"), None);
    let starter = relmap::storage::starter().unwrap();
    let file = export(ExportFormat::Png(100), &starter, today()).unwrap();
    assert_eq!(&file.bytes[1..4], b"PNG");
}
