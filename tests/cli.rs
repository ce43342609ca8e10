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
