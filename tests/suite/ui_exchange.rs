//! Other tools' maps through the window with `egui_kittest`: opening a FreeMind/Freeplane `.mm` file (from File →
//! Import…, File → Open, or by dropping it) makes a new, unsaved map and leaves the file alone; File → Export
//! writes the open map as `.mm` or Markdown without changing the map or its file.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use crate::ui_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::ui::{RelmapApp, ScriptedFilePicker};
use ui_support::{app_with, harness_with, press_with};

/// A copy of the `FreeMind` 0.9 fixture in `dir`.
fn mm_file(dir: &Path) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mm/freemind-0.9.mm");
    let path = dir.join("library.mm");
    std::fs::copy(fixture, &path).unwrap();
    path
}

/// The fixture has Chinese text, for which the test fonts have no glyphs; the app draws a box for such a
/// character (egui's default), where the test window would stop.
fn tolerate_missing_glyphs(harness: &Harness<'_, RelmapApp>) {
    harness
        .ctx
        .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
}

/// Chooses File → Export → `item`; the scripted file dialog answers at once.
fn export_from_the_menu(harness: &mut Harness<'_, RelmapApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.run();
    harness.run();
}

fn root_title(harness: &Harness<'_, RelmapApp>) -> String {
    let map = &harness.state().document().workbook().map;
    map.topic(map.root()).unwrap().title.clone()
}

fn assert_imported(harness: &Harness<'_, RelmapApp>, file: &Path, before: &[u8]) {
    assert_eq!(root_title(harness), "Bibliothèque centrale");
    let doc = harness.state().document();
    assert_eq!(
        doc.path(),
        None,
        "an imported map is new; saving asks for a name"
    );
    assert!(
        doc.workbook().map.len() >= 5,
        "{}",
        doc.workbook().map.len()
    );
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "the file is not touched"
    );
    harness.get_by_label_contains("Imported library.mm as a new map");
}

#[test]
fn file_import_reads_a_freemind_map_as_a_new_map() {
    let dir = tempfile::tempdir().unwrap();
    let file = mm_file(dir.path());
    let before = std::fs::read(&file).unwrap();
    let saved = dir.path().join("library.ron");
    let mut harness = harness_with(app_with(ScriptedFilePicker::answering([
        file.clone(),
        saved.clone(),
    ])));
    tolerate_missing_glyphs(&harness);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import…").click();
    harness.run();
    harness.run();
    assert_imported(&harness, &file, &before);

    // Saving asks where, and writes a relmap map there.
    press_with(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let workbook = relmap::storage::load(&saved).unwrap();
    assert_eq!(
        workbook.map.topic(workbook.map.root()).unwrap().title,
        "Bibliothèque centrale"
    );
}

#[test]
fn opening_or_dropping_a_mm_file_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = mm_file(dir.path());
    let before = std::fs::read(&file).unwrap();

    let mut harness = harness_with(app_with(ScriptedFilePicker::default()));
    tolerate_missing_glyphs(&harness);
    harness.state_mut().open_path(file.clone());
    harness.run();
    assert_imported(&harness, &file, &before);

    let mut harness = harness_with(app_with(ScriptedFilePicker::default()));
    tolerate_missing_glyphs(&harness);
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(ui_support::Dropped(file.clone())));
    harness.run();
    assert_imported(&harness, &file, &before);
}

#[test]
fn a_broken_mm_file_is_reported_and_the_open_map_stays() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.mm");
    relmap::storage::write_atomically(&file, b"<map version=\"1.0.1\">\n<node TEXT=\"a\">\n")
        .unwrap();
    let mut harness = harness_with(app_with(ScriptedFilePicker::default()));
    // The map as drawn, laid out with the canvas's measure.
    let before = relmap::storage::to_string(harness.state().document().workbook());
    harness.state_mut().open_path(file);
    harness.run();
    harness.get_by_label_contains("Could not import the map.");
    harness.get_by_label_contains("broken.mm:");
    assert_eq!(
        relmap::storage::to_string(harness.state().document().workbook()),
        before
    );
}

#[test]
fn exporting_writes_the_chosen_format_and_leaves_the_map_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("plan.md");
    let mm = dir.path().join("plan");
    let opml = dir.path().join("outline.opml");
    let report = dir.path().join("report");
    let mut app = app_with(ScriptedFilePicker::answering([
        md.clone(),
        mm.clone(),
        opml.clone(),
        report.clone(),
    ]));
    app.open_path(ui_support::example_file(&tempfile::tempdir().unwrap()));
    let mut harness = harness_with(app);
    let dirty = harness.state().document().is_dirty();

    for item in [
        "Markdown text (.md)…",
        "FreeMind / Freeplane map (.mm)…",
        "OPML outline (.opml)…",
        "Printable plan report (.html)…",
    ] {
        export_from_the_menu(&mut harness, item);
    }
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Maria Lopez, director\n"), "{text}");
    // Without an extension, the format's is added.
    let text = std::fs::read_to_string(mm.with_extension("mm")).unwrap();
    assert!(text.contains("Maria Lopez, director"));
    let text = std::fs::read_to_string(report.with_extension("html")).unwrap();
    assert!(
        text.starts_with("<!DOCTYPE html>"),
        "{}",
        &text[..80.min(text.len())]
    );
    let text = std::fs::read_to_string(&opml).unwrap();
    assert!(text.contains("<opml version=\"2.0\">"), "{text}");
    harness.get_by_label_contains(&format!("Exported the map to {}.", md.display()));
    // OPML cannot carry the relationship details, and the message says so.
    harness.get_by_label_contains("OPML has no place for");
    assert_eq!(harness.state().document().is_dirty(), dirty);
}

#[test]
fn an_opml_outline_opens_as_a_new_map() {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/opml/omnioutliner-2.0.opml");
    let file = dir.path().join("partners.opml");
    std::fs::copy(fixture, &file).unwrap();
    let mut app = app_with(ScriptedFilePicker::default());
    app.open_path(file);
    let harness = harness_with(app);
    assert_eq!(root_title(&harness), "Partnerships 2027");
    assert_eq!(harness.state().document().path(), None);
    harness.get_by_label_contains("Imported partners.opml as a new map");
}

#[test]
fn the_selection_exports_as_svg_and_a_png_has_the_size_chosen_in_preferences() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("board.svg");
    let png = dir.path().join("map.png");
    let mut app = app_with(ScriptedFilePicker::answering([svg.clone(), png.clone()]));
    app.open_path(ui_support::example_file(&tempfile::tempdir().unwrap()));
    app.preferences_mut().png_scale = 100;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    app.set_today(today);
    let mut harness = harness_with(app);
    ui_support::show_whole_map(&mut harness);
    ui_support::click_node(&mut harness, "Board of trustees");

    for item in [
        "SVG picture of the selection (.svg)…",
        "PNG picture of the map (.png)…",
    ] {
        export_from_the_menu(&mut harness, item);
    }
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Board of trustees"), "{text}");
    assert!(!text.contains("City council"), "only the selection: {text}");

    let bytes = std::fs::read(&png).unwrap();
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(&bytes).unwrap();
    // The map as it is open, laid out as the canvas draws it.
    let workbook = harness.state().document().workbook();
    let whole = relmap::interchange::to_png(workbook, today, 1.0).unwrap();
    let whole = resvg::tiny_skia::Pixmap::decode_png(&whole).unwrap();
    assert_eq!(
        (pixmap.width(), pixmap.height()),
        (whole.width(), whole.height()),
        "one times the size on screen"
    );
}
