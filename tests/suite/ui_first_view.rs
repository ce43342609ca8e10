//! The first view of a map, read back from what the window paints: titles large enough to read, overdue badges
//! that stay badges when the map is zoomed out, a minimap that never hides a node, and titles that survive a
//! change of theme or window size.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::panic)]

use crate::ui_support;

use chrono::NaiveDate;
use egui::epaint::{Shape, TextShape};
use egui::{Color32, Key, Modifiers, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use relmap::model::NodeId;
use relmap::ui::{AppCommand, RelmapApp};

use ui_support::{STEP_DT, node, press_with, starter_app, workbook};

/// The smallest height of a title on screen that the issue asks for, in points.
const READABLE: f32 = 11.0;

/// `app` in a window of `size`, run until it settles.
fn harness_of_size(app: RelmapApp, size: Vec2) -> Harness<'static, RelmapApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(STEP_DT)
        .build_ui_state(|ui, app: &mut RelmapApp| app.show(ui), app);
    harness.run();
    harness
}

/// The starter app with the example map open instead, with a fixed today so that what is late stays late.
fn example_app() -> RelmapApp {
    let mut app = starter_app();
    let ctx = egui::Context::default();
    app.run(AppCommand::OpenExample, &ctx);
    app.set_today(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
    app
}

/// Every shape the last frame painted, in painting order, with groups opened up.
fn painted(harness: &Harness<'_, RelmapApp>) -> Vec<Shape> {
    fn flatten(shape: Shape, out: &mut Vec<Shape>) {
        match shape {
            Shape::Vec(inner) => inner.into_iter().for_each(|s| flatten(s, out)),
            other => out.push(other),
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        flatten(clipped.shape.clone(), &mut out);
    }
    out
}

/// The texts painted inside `area`, each with its place in painting order.
fn texts_in(shapes: &[Shape], area: Rect) -> Vec<(usize, TextShape)> {
    shapes
        .iter()
        .enumerate()
        .filter_map(|(i, shape)| match shape {
            Shape::Text(text) if area.contains_rect(text.visual_bounding_rect()) => {
                Some((i, text.clone()))
            }
            _ => None,
        })
        .collect()
}

/// The title of `id` as painted on the canvas: the text shape with that title inside the node's box.
fn painted_title(harness: &Harness<'_, RelmapApp>, id: NodeId) -> Option<(usize, TextShape)> {
    let title = workbook(harness).map.topic(id).unwrap().title.clone();
    let area = node(harness, &title).rect().expand(1.0);
    texts_in(&painted(harness), area)
        .into_iter()
        .find(|(_, text)| text.galley.text() == title)
}

/// The font size a text was laid out at, in points on screen.
fn font_size(text: &TextShape) -> f32 {
    text.galley.job.sections[0].format.font_id.size
}

/// The root and its children: the nodes the first view must show.
fn root_and_first_level(harness: &Harness<'_, RelmapApp>) -> Vec<NodeId> {
    let map = &workbook(harness).map;
    let mut ids = vec![map.root()];
    ids.extend(map.children(map.root()));
    ids
}

/// Asserts that the root and every first-level node have their whole title painted inside the canvas, at least
/// [`READABLE`] points high.
fn assert_first_level_readable(harness: &Harness<'_, RelmapApp>, what: &str) {
    let canvas = harness.get_by_label("Map canvas").rect();
    for id in root_and_first_level(harness) {
        let title = workbook(harness).map.topic(id).unwrap().title.clone();
        let (_, text) = painted_title(harness, id)
            .unwrap_or_else(|| panic!("{what}: the title {title:?} is not painted"));
        assert!(
            font_size(&text) >= READABLE,
            "{what}: {title:?} is {} points high",
            font_size(&text)
        );
        assert!(
            canvas.contains_rect(text.visual_bounding_rect()),
            "{what}: {title:?} is cut off at {:?} by the canvas {canvas:?}",
            text.visual_bounding_rect()
        );
    }
}

#[test]
fn at_1024_by_700_the_starter_map_opens_with_titles_large_enough_to_read() {
    let harness = harness_of_size(starter_app(), Vec2::new(1024.0, 700.0));
    assert_first_level_readable(&harness, "1024×700");
}

#[test]
fn at_1280_by_800_the_starter_map_opens_with_titles_large_enough_to_read() {
    let harness = harness_of_size(starter_app(), Vec2::new(1280.0, 800.0));
    assert_first_level_readable(&harness, "1280×800");
}

#[test]
fn when_the_map_does_not_fit_the_status_bar_says_so_and_show_all_fits_it() {
    let mut harness = harness_of_size(starter_app(), Vec2::new(1024.0, 700.0));
    harness.get_by_label("Show all").click();
    harness.run();
    let canvas = harness.get_by_label("Map canvas").rect();
    let titles: Vec<String> = workbook(&harness)
        .map
        .topics()
        .map(|t| t.title.clone())
        .collect();
    for title in titles {
        let rect = node(&harness, &title).rect();
        assert!(canvas.contains_rect(rect), "{title:?} at {rect:?}");
    }
    assert!(
        harness.query_by_label("Show all").is_none(),
        "nothing is out of view any more"
    );
}

/// Asserts that every node of the map has its whole title painted inside the canvas, at least [`READABLE`]
/// points high.
fn assert_whole_map_readable(harness: &Harness<'_, RelmapApp>, what: &str) {
    let canvas = harness.get_by_label("Map canvas").rect();
    let ids: Vec<NodeId> = workbook(harness).map.topics().map(|t| t.id).collect();
    for id in ids {
        let title = workbook(harness).map.topic(id).unwrap().title.clone();
        let (_, text) = painted_title(harness, id)
            .unwrap_or_else(|| panic!("{what}: the title {title:?} is not painted"));
        assert!(font_size(&text) >= READABLE, "{what}: {title:?}");
        assert!(
            canvas.contains_rect(text.visual_bounding_rect()),
            "{what}: {title:?} is cut off"
        );
    }
}

#[test]
fn a_larger_window_places_the_first_view_again_until_the_user_moves_it() {
    let mut harness = harness_of_size(starter_app(), Vec2::new(1024.0, 700.0));
    harness.set_size(Vec2::new(1920.0, 1080.0));
    harness.run();
    assert_whole_map_readable(&harness, "grown to 1920×1080");

    // Once the user has zoomed, the view is theirs: a change of size keeps their zoom.
    press_with(&mut harness, Modifiers::COMMAND, Key::Minus);
    let zoom = harness.state().zoom();
    harness.set_size(Vec2::new(1280.0, 800.0));
    harness.run();
    assert!((harness.state().zoom() - zoom).abs() < 1e-4);
}

/// Whether every glyph of `text` is where the font atlas has it now: drawn into the atlas, and at the place a
/// fresh layout of the same text would use. A title laid out before egui emptied its atlas fails this, and
/// shows as nothing.
fn glyphs_are_in_the_atlas(ctx: &egui::Context, text: &TextShape) -> bool {
    // A method path does not fit `fonts`'s closure over any lifetime of the view, so this stays a closure.
    #[allow(clippy::redundant_closure_for_method_calls)]
    let atlas = ctx.fonts(|fonts| fonts.image());
    let inked = |min: [u16; 2], max: [u16; 2]| {
        (min[1]..max[1]).any(|y| {
            (min[0]..max[0])
                .any(|x| atlas.pixels[usize::from(y) * atlas.size[0] + usize::from(x)].a() > 0)
        })
    };
    // A glyph with no place in the atlas is one that draws nothing, such as the second half of a ligature.
    let glyphs: Vec<_> = text
        .galley
        .rows
        .iter()
        .flat_map(|row| &row.row.glyphs)
        .filter(|g| !g.uv_rect.is_nothing())
        .collect();
    if glyphs.is_empty() || !glyphs.iter().all(|g| inked(g.uv_rect.min, g.uv_rect.max)) {
        return false;
    }
    let fresh = ctx.fonts_mut(|fonts| fonts.layout_job((*text.galley.job).clone()));
    let uvs = |galley: &egui::Galley| -> Vec<_> {
        galley
            .rows
            .iter()
            .flat_map(|row| row.row.glyphs.iter().map(|g| g.uv_rect))
            .collect()
    };
    uvs(&text.galley) == uvs(&fresh)
}

#[test]
fn switching_the_theme_leaves_every_title_drawn() {
    let mut harness = harness_of_size(starter_app(), Vec2::new(1280.0, 800.0));
    let ctx = harness.ctx.clone();
    let other = if ctx.theme() == egui::Theme::Dark {
        AppCommand::ThemeLight
    } else {
        AppCommand::ThemeDark
    };
    harness.state_mut().run(other, &ctx);
    harness.run();

    let canvas = harness.get_by_label("Map canvas").rect();
    let on_screen: Vec<String> = workbook(&harness)
        .map
        .topics()
        .map(|t| t.title.clone())
        .filter(|title| {
            harness
                .query_by_role_and_label(egui::accesskit::Role::Button, title)
                .is_some_and(|n| canvas.shrink(1.0).contains_rect(n.rect()))
        })
        .collect();
    let shapes = painted(&harness);
    let titles = texts_in(&shapes, canvas);
    let mut checked = 0;
    for title in on_screen {
        let (_, text) = titles
            .iter()
            .find(|(_, t)| t.galley.text() == title)
            .unwrap_or_else(|| panic!("{title:?} is not painted"));
        assert!(
            glyphs_are_in_the_atlas(&ctx, text),
            "{title:?} points at glyphs that are no longer in the font atlas"
        );
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} titles on screen");
}

#[test]
fn a_bigger_interface_redraws_every_title_and_places_the_first_view_again() {
    let mut harness = harness_of_size(starter_app(), Vec2::new(1920.0, 1080.0));
    assert_whole_map_readable(&harness, "1920×1080");
    harness.state_mut().preferences_mut().ui_scale = 1.5;
    let ctx = harness.ctx.clone();
    ctx.set_zoom_factor(1.5);
    harness.run();
    let canvas = harness.get_by_label("Map canvas").rect();
    let shapes = painted(&harness);
    let titles = texts_in(&shapes, canvas);
    assert!(!titles.is_empty());
    for (_, text) in &titles {
        assert!(
            glyphs_are_in_the_atlas(&ctx, text),
            "{:?} points at glyphs that are no longer in the font atlas",
            text.galley.text()
        );
    }
    // The map no longer fits whole at a size that can be read: the first view shows its centre instead, and
    // says that there is more.
    let root = workbook(&harness).map.root();
    let (_, text) = painted_title(&harness, root).unwrap();
    assert!(font_size(&text) >= READABLE);
    assert!(canvas.contains_rect(text.visual_bounding_rect()));
    harness.get_by_label("Show all");
}

/// Zooms out with Ctrl+− until the zoom is below `zoom`.
fn zoom_out_below(harness: &mut Harness<'_, RelmapApp>, zoom: f32) {
    for _ in 0..40 {
        if harness.state().zoom() < zoom {
            return;
        }
        press_with(harness, Modifiers::COMMAND, Key::Minus);
    }
    panic!("the zoom stays at {}", harness.state().zoom());
}

/// The red of the overdue badges.
const OVERDUE: Color32 = Color32::from_rgb(0xd0, 0x3b, 0x3b);

#[test]
fn a_late_relationship_stays_a_red_badge_when_the_map_is_zoomed_out() {
    let mut harness = harness_of_size(example_app(), Vec2::new(1280.0, 800.0));
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
    let latest = workbook(&harness)
        .map
        .topics()
        .filter_map(|t| t.profile.overdue_days(today))
        .max()
        .unwrap();
    let canvas = harness.get_by_label("Map canvas").rect();
    // Below half size, below the size where titles are drawn, and far out, where nodes are specks.
    for zoom in [0.45, 0.3, 0.05] {
        zoom_out_below(&mut harness, zoom);
        let shapes = painted(&harness);
        let badge = texts_in(&shapes, canvas)
            .into_iter()
            .find(|(_, t)| t.galley.text().starts_with(&format!("{latest}d")));
        let (at, text) = badge.unwrap_or_else(|| {
            panic!(
                "at {} % the {latest} days late badge is not drawn",
                harness.state().zoom() * 100.0
            )
        });
        assert!(font_size(&text) >= 8.0, "{}", font_size(&text));
        // The pill behind the number is red.
        let pill = shapes[..at].iter().rev().find_map(|s| match s {
            Shape::Rect(r)
                if r.rect
                    .contains_rect(text.visual_bounding_rect().shrink(1.0)) =>
            {
                Some(r.fill)
            }
            _ => None,
        });
        assert_eq!(pill, Some(OVERDUE), "at {zoom}");
    }
}

/// Asserts that no node is hidden by the minimap: each title that lies under it is painted after it.
fn assert_minimap_hides_no_node(harness: &Harness<'_, RelmapApp>, what: &str) {
    let Some(minimap) = harness.query_by_label("Minimap").map(|n| n.rect()) else {
        return;
    };
    let shapes = painted(harness);
    let under = shapes
        .iter()
        .position(|s| matches!(s, Shape::Rect(r) if (r.rect.min - minimap.min).length() < 1.0 && (r.rect.max - minimap.max).length() < 1.0))
        .unwrap_or_else(|| panic!("{what}: the minimap is not painted"));
    let canvas = harness.get_by_label("Map canvas").rect();
    let mut beneath = 0;
    for (at, text) in texts_in(&shapes, canvas) {
        if text.visual_bounding_rect().intersects(minimap) {
            beneath += 1;
            assert!(
                at > under,
                "{what}: the minimap hides {:?}",
                text.galley.text()
            );
        }
    }
    eprintln!("{what}: {beneath} titles meet the minimap");
}

#[test]
fn the_minimap_never_hides_a_node() {
    for size in [Vec2::new(1280.0, 800.0), Vec2::new(1024.0, 700.0)] {
        let mut harness = harness_of_size(starter_app(), size);
        assert_minimap_hides_no_node(&harness, &format!("starter at {size:?}"));
        // Zoomed in, the map fills the canvas and runs under the minimap's corner.
        press_with(&mut harness, Modifiers::COMMAND, Key::Plus);
        assert_minimap_hides_no_node(&harness, &format!("starter zoomed in at {size:?}"));
        let ctx = harness.ctx.clone();
        harness.state_mut().run(AppCommand::NewSpheres, &ctx);
        harness.run();
        assert_minimap_hides_no_node(&harness, &format!("spheres at {size:?}"));
        let harness = harness_of_size(example_app(), size);
        assert_minimap_hides_no_node(&harness, &format!("example at {size:?}"));
    }
}

#[test]
fn the_minimap_can_be_hidden_from_the_view_menu_and_stays_hidden() {
    let mut harness = harness_of_size(starter_app(), Vec2::new(1280.0, 800.0));
    press_with(&mut harness, Modifiers::COMMAND, Key::Plus);
    harness.get_by_label("Minimap");
    harness.get_by_label("View").click();
    harness.run();
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::CheckBox,
            AppCommand::ToggleMinimap.label(),
        )
        .click();
    harness.run();
    press_with(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Minimap").is_none());
    assert!(!harness.state().preferences().show_minimap);
}
