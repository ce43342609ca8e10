//! The layering rules of DESIGN.md, checked on the source: egui, eframe and rfd only in `src/ui`, and every
//! layer imports only the layers below it (`ui` → `document`, `storage`, `interchange`, `layout` → `model`).

use std::path::{Path, PathBuf};

/// The layers, each with the layers it may import from.
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    // The document keeps the map laid out after every edit, and layout is pure: DESIGN.md lets a middle layer
    // use a sibling where that removes a copy.
    ("document", &["model", "layout"]),
    ("storage", &["model"]),
    ("interchange", &["model"]),
    ("layout", &["model"]),
    (
        "ui",
        &["model", "document", "storage", "interchange", "layout"],
    ),
];

/// Crates that draw on screen or open dialogs: allowed in `src/ui` only.
const UI_CRATES: &[&str] = &["egui", "eframe", "rfd", "egui_extras"];

/// The layer a file under `src/` belongs to; `None` for `lib.rs` and `main.rs`.
fn layer_of(relative: &Path) -> Option<&'static str> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    LAYERS
        .iter()
        .map(|(layer, _)| *layer)
        .find(|layer| *layer == name)
}

/// Every broken rule in one file, as "path:line: what".
fn violations(relative: &Path, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let layer = layer_of(relative);
    let allowed: &[&str] = layer
        .and_then(|l| LAYERS.iter().find(|(name, _)| *name == l))
        .map_or(&[], |(_, a)| a);
    for (number, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let place = format!("{}:{}", relative.display(), number + 1);
        if layer != Some("ui") {
            for krate in UI_CRATES {
                if uses_crate(code, krate) {
                    found.push(format!("{place}: uses `{krate}` outside src/ui"));
                }
            }
        }
        let Some(layer) = layer else { continue };
        for (other, _) in LAYERS {
            if *other == layer || allowed.contains(other) {
                continue;
            }
            if code.contains(&format!("crate::{other}")) {
                found.push(format!(
                    "{place}: `{layer}` imports `{other}`, which is not below it"
                ));
            }
        }
    }
    found
}

/// Whether a line of code names `krate` as a path root (`egui::`, `use egui`, `eframe::App`).
fn uses_crate(code: &str, krate: &str) -> bool {
    let bytes = code.as_bytes();
    let mut start = 0;
    while let Some(offset) = code[start..].find(krate) {
        let at = start + offset;
        let end = at + krate.len();
        let before_ok =
            at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let after = &code[end..];
        let after_ok =
            after.starts_with("::") || after.starts_with(';') || after.starts_with(" as ");
        let in_use = code.trim_start().starts_with("use ") || after.starts_with("::");
        if before_ok && after_ok && in_use && !preceded_by_path(code, at) {
            return true;
        }
        start = end;
    }
    false
}

/// Whether the name at `at` is inside a longer path such as `crate::ui::egui`, rather than its root.
fn preceded_by_path(code: &str, at: usize) -> bool {
    code[..at].ends_with("::")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_source_follows_the_layering_rules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(
        files.len() > 10,
        "the source was not found under {}",
        src.display()
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let relative = file.strip_prefix(&src).unwrap();
        found.extend(violations(relative, &text));
    }
    assert!(
        found.is_empty(),
        "layering rules broken:\n{}",
        found.join("\n")
    );
}

#[test]
fn egui_in_the_model_is_caught() {
    let found = violations(Path::new("model/map.rs"), "use egui::Pos2;\nfn f() {}\n");
    assert_eq!(
        found,
        vec!["model/map.rs:1: uses `egui` outside src/ui".to_owned()]
    );
    let found = violations(
        Path::new("storage/mod.rs"),
        "fn f() { let _ = rfd::FileDialog::new(); }\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let found = violations(Path::new("document/doc.rs"), "    eframe::run_native(x);\n");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn an_import_from_a_higher_layer_is_caught() {
    let found = violations(
        Path::new("model/plan.rs"),
        "use crate::document::EditCommand;\n",
    );
    assert_eq!(
        found,
        vec!["model/plan.rs:1: `model` imports `document`, which is not below it".to_owned()]
    );
    let found = violations(
        Path::new("storage/format.rs"),
        "use crate::ui::RelmapApp;\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    let found = violations(Path::new("model/map.rs"), "use crate::storage::load;\n");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn allowed_imports_and_comments_pass() {
    assert!(
        violations(
            Path::new("ui/app.rs"),
            "use egui::Ui;\nuse crate::document::Document;\n"
        )
        .is_empty()
    );
    assert!(
        violations(
            Path::new("storage/mod.rs"),
            "use crate::model::Workbook;\n// egui::Ui is not used here\n"
        )
        .is_empty()
    );
    assert!(
        violations(
            Path::new("model/topic.rs"),
            "let regui = 1; // not a crate\n"
        )
        .is_empty()
    );
}
