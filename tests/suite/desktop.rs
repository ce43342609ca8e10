//! Desktop integration on Linux: the icon's PNGs are renderings of its SVG, the menu entry and the file type
//! agree with each other, and `scripts/install-desktop.sh` puts everything in place for the current user.
//!
//! `RELMAP_WRITE_ICONS=1 cargo test --test suite desktop::` renders the PNGs again after the SVG changes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use resvg::{tiny_skia, usvg};

const SIZES: [u32; 3] = [48, 128, 256];

fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

/// The SVG icon rendered at `size` pixels square.
fn render(size: u32) -> tiny_skia::Pixmap {
    let svg = std::fs::read(assets().join("icon/relmap.svg")).unwrap();
    let tree = usvg::Tree::from_data(&svg, &usvg::Options::default()).unwrap();
    let mut pixmap = tiny_skia::Pixmap::new(size, size).unwrap();
    let scale = size as f32 / tree.size().width();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
}

#[test]
fn the_icon_pngs_are_the_svg_rendered_at_48_128_and_256_pixels() {
    for size in SIZES {
        let path = assets().join(format!("icon/relmap-{size}.png"));
        let rendered = render(size);
        if std::env::var_os("RELMAP_WRITE_ICONS").is_some() {
            relmap::storage::write_atomically_without_backup(
                &path,
                &rendered.encode_png().unwrap(),
            )
            .unwrap();
        }
        let stored = tiny_skia::Pixmap::decode_png(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!((stored.width(), stored.height()), (size, size), "{path:?}");
        let differs = stored
            .data()
            .iter()
            .zip(rendered.data())
            .filter(|(a, b)| a.abs_diff(**b) > 2)
            .count();
        assert_eq!(
            differs, 0,
            "{path:?} is not the SVG rendered; run RELMAP_WRITE_ICONS=1"
        );
        // Not blank: the dark square and the coloured nodes cover most of it.
        let opaque = stored.pixels().iter().filter(|p| p.alpha() == 255).count();
        assert!(opaque > (size * size / 2) as usize, "{path:?}");
    }
}

#[test]
fn the_menu_entry_opens_relmap_maps_with_the_relmap_icon() {
    let entry = std::fs::read_to_string(assets().join("relmap.desktop")).unwrap();
    let value = |key: &str| {
        entry
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key} in relmap.desktop"))
            .to_owned()
    };
    assert_eq!(entry.lines().next(), Some("[Desktop Entry]"));
    assert_eq!(value("Type"), "Application");
    assert_eq!(value("Exec"), "relmap %f");
    assert_eq!(value("Icon"), "relmap");
    // The window's app id, so the desktop matches the window to this entry and its icon.
    assert_eq!(value("StartupWMClass"), "relmap");
    let mime = std::fs::read_to_string(assets().join("relmap-mime.xml")).unwrap();
    let types = value("MimeType");
    let kind = types.trim_end_matches(';');
    assert!(mime.contains(&format!("type=\"{kind}\"")), "{kind}");
    // The magic matches the header every saved map begins with.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    relmap::storage::save(&path, &relmap::model::Workbook::default()).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved[..80].contains("format: \"relmap\""), "{saved}");
    assert!(mime.contains("value=\"format: &quot;relmap&quot;\""));
}

#[test]
fn the_install_script_puts_the_program_icon_entry_and_file_type_in_the_home_folder() {
    let home = tempfile::tempdir().unwrap();
    let output = std::process::Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-desktop.sh"))
        .args(["--binary", env!("CARGO_BIN_EXE_relmap")])
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let data = home.path().join(".local/share");
    for file in [
        "icons/hicolor/scalable/apps/relmap.svg",
        "icons/hicolor/48x48/apps/relmap.png",
        "icons/hicolor/128x128/apps/relmap.png",
        "icons/hicolor/256x256/apps/relmap.png",
        "mime/packages/relmap.xml",
        "applications/relmap.desktop",
    ] {
        assert!(data.join(file).is_file(), "{file} was not installed");
    }
    let program = home.path().join(".local/bin/relmap");
    assert!(program.is_file());
    let entry = std::fs::read_to_string(data.join("applications/relmap.desktop")).unwrap();
    assert!(
        entry.contains(&format!("Exec={} %f", program.display())),
        "the entry runs the installed program: {entry}"
    );
}
