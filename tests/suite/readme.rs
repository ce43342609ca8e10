//! README.md stays true: its file example loads, and its quick start names the two commands CI relies on.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn the_file_example_in_the_readme_loads() {
    let text = readme();
    let start = text.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + text[start..].find("```").unwrap();
    let workbook = relmap::storage::from_str(&text[start..end], Path::new("README.md")).unwrap();
    assert_eq!(workbook.map.len(), 3);
    assert_eq!(workbook.map.link_count(), 1);
    assert_eq!(workbook.plan.actions.len(), 1);
}

#[test]
fn the_quick_start_is_the_two_commands() {
    let text = readme();
    assert!(text.contains("cargo run --release    #"));
    assert!(text.contains("cargo test             #"));
    let ci =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    assert!(
        ci.lines().any(|line| line.trim() == "cargo test"),
        ".ci/run runs the README's test command"
    );
}
