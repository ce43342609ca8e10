//! The command line: help, version, generating maps, and refusing bad arguments with a clear message.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used)]

use std::process::Command;

fn relmap() -> Command {
    Command::new(env!("CARGO_BIN_EXE_relmap"))
}

#[test]
fn help_and_version_print_and_exit_cleanly() {
    let help = relmap().arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("relmap [FILE]"));
    let version = relmap().arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("relmap "));
}

#[test]
fn generate_writes_a_map_of_the_size_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big.ron");
    let status = relmap()
        .args(["--generate", "2000"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let workbook = relmap::storage::load(&out).unwrap();
    assert_eq!(workbook.map.len(), 2000);
    let again = dir.path().join("again.ron");
    relmap()
        .args(["--generate", "2000"])
        .arg(&again)
        .status()
        .unwrap();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(&again).unwrap(),
        "the same size gives the same file"
    );
}

#[test]
fn bad_arguments_are_refused_with_a_message() {
    for args in [
        vec!["--generate", "many", "x.ron"],
        vec!["--generate"],
        vec!["--frobnicate"],
        vec!["a.ron", "b.ron"],
    ] {
        let output = relmap().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?} says why");
    }
}

#[test]
fn check_reports_each_broken_file_with_its_place_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    relmap::storage::save(&good, &relmap::storage::starter().unwrap()).unwrap();
    let bad = dir.path().join("bad.ron");
    relmap::storage::write_atomically(&bad, b"(format: \"relmap\", version: 1, nodes: [(id: x)])")
        .unwrap();

    let output = relmap().arg("--check").arg(&good).output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("good.ron: ok, 28 nodes"));

    let output = relmap()
        .arg("--check")
        .arg(&good)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("bad.ron:1:"), "{errors}");
}

#[test]
fn check_says_when_a_file_is_in_an_older_format() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/version-0.ron");
    let output = relmap().arg("--check").arg(&fixture).output().unwrap();
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("version-0.ron: ok, 13 nodes, in the older format version 0"),
        "{said}"
    );
}

#[test]
fn export_converts_a_map_by_the_extension_or_a_named_format() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("riverside.ron");
    relmap::storage::save(&map, &relmap::storage::example().unwrap()).unwrap();

    let mm = dir.path().join("riverside.mm");
    let output = relmap()
        .arg("--export")
        .arg(&map)
        .arg(&mm)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = std::fs::read_to_string(&mm).unwrap();
    assert!(text.contains("<map version=\"1.0.1\">"), "{text}");

    // The .mm file is a map relmap reads: export it again, as Markdown, naming the format.
    let md = dir.path().join("plan.txt");
    let output = relmap()
        .args(["--export", "markdown"])
        .arg(&mm)
        .arg(&md)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Maria Lopez, director\n"), "{text}");
    assert!(text.contains("## Action plan"));
}

#[test]
fn export_fails_clearly_on_a_bad_format_or_a_broken_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    relmap::storage::save(&map, &relmap::storage::starter().unwrap()).unwrap();

    let output = relmap()
        .arg("--export")
        .arg(&map)
        .arg(dir.path().join("out.docx"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot tell the format"));

    let broken = dir.path().join("broken.mm");
    relmap::storage::write_atomically(&broken, b"<map><node TEXT=\"a\">").unwrap();
    let out = dir.path().join("out.md");
    let output = relmap()
        .arg("--export")
        .arg(&broken)
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("broken.mm:1:"), "{said}");
    assert!(
        !out.exists(),
        "nothing is written when the map cannot be read"
    );
}
