//! Broken files: every way a file can be wrong gets its own clear error, which names the file (and the line and
//! column where the text itself is wrong), and never a panic. A failed load leaves the file as it was.

// Test helpers outside #[test] functions may fail loudly too; clippy.toml allows that only inside them.
#![allow(clippy::expect_used, clippy::panic)]

use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use relmap::model::{LinkId, NodeId, Violation};
use relmap::storage::{CURRENT_VERSION, LoadError, from_bytes, load, starter, to_string};
use tempfile::TempDir;

/// A broken file in a folder of its own; the folder is removed when the value is dropped.
struct Broken {
    _dir: TempDir,
    path: PathBuf,
}

/// Writes `bytes` to a fresh file without going through relmap's own writer.
fn broken(bytes: &[u8]) -> Broken {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("broken map.ron");
    let mut file = File::create(&path).expect("create the file");
    file.write_all(bytes).expect("write the file");
    Broken { _dir: dir, path }
}

/// Loads the file, which must fail, and checks that the message names it and that the file is untouched.
fn load_error(file: &Broken) -> LoadError {
    let before = fs::read(&file.path).expect("read the file before");
    let Err(error) = load(&file.path) else {
        panic!("{} loaded although it is broken", file.path.display());
    };
    assert_names(&error, &file.path);
    let after = fs::read(&file.path).expect("read the file after");
    assert_eq!(before, after, "a failed load leaves the file as it was");
    error
}

/// Asserts that the message of `error` names `path`.
fn assert_names(error: &LoadError, path: &Path) {
    let message = error.to_string();
    assert!(
        message.contains(&path.display().to_string()),
        "the message names the file: {message}"
    );
}

/// Asserts a syntax error at `line`:`column` and that the message names the file with that position.
fn assert_syntax_at(error: &LoadError, path: &Path, line: usize, column: usize) {
    let LoadError::Syntax {
        line: found_line,
        column: found_column,
        ..
    } = error
    else {
        panic!("expected a syntax error, got {error:?}");
    };
    assert_eq!(
        (*found_line, *found_column),
        (line, column),
        "the position of: {error}"
    );
    assert_eq!(error.line_column(), Some((line, column)));
    let prefix = format!("{}:{line}:{column}: ", path.display());
    assert!(
        error.to_string().starts_with(&prefix),
        "the message starts with {prefix:?}: {error}"
    );
}

/// Asserts a syntax error and that its message names the file with the position it reports.
fn assert_syntax(error: &LoadError, path: &Path) -> (usize, usize) {
    let Some((line, column)) = error.line_column() else {
        panic!("expected a syntax error, got {error:?}");
    };
    assert!(line >= 1 && column >= 1, "positions count from 1: {error}");
    assert_syntax_at(error, path, line, column);
    (line, column)
}

/// The problems of an `Invalid` error.
fn problems(error: &LoadError) -> &[Violation] {
    match error {
        LoadError::Invalid { problems, .. } => problems,
        other => panic!("expected a broken map, got {other:?}"),
    }
}

/// A version 1 file with the given node and link lines.
fn map_file(nodes: &[&str], links: &[&str]) -> String {
    let mut text = String::from("(\n    format: \"relmap\",\n    version: 1,\n    nodes: [\n");
    for node in nodes {
        text.push_str("        ");
        text.push_str(node);
        text.push_str(",\n");
    }
    text.push_str("    ],\n    links: [\n");
    for link in links {
        text.push_str("        ");
        text.push_str(link);
        text.push_str(",\n");
    }
    text.push_str("    ],\n    plan: (checklist: []),\n)\n");
    text
}

const ROOT: &str = "(id:1,title:\"You\",kind:Center,x:0.0,y:0.0,children:[2])";
const CHILD: &str = "(id:2,title:\"Staff\",kind:Constituency,x:320.0,y:0.0)";

#[test]
fn the_helper_file_is_valid_as_it_stands() {
    let file = broken(map_file(&[ROOT, CHILD], &["(id:1,from:2,to:1)"]).as_bytes());
    let workbook = load(&file.path).expect("the base file loads");
    assert_eq!(workbook.map.len(), 2);
}

#[test]
fn an_empty_file_is_reported_as_empty() {
    let file = broken(b"");
    let error = load_error(&file);
    assert!(matches!(error, LoadError::Empty { .. }), "{error:?}");
    assert!(error.to_string().contains("empty"), "{error}");
}

#[test]
fn a_file_of_only_white_space_is_not_a_map() {
    let file = broken(b"  \n\t\r\n   \n");
    let error = load_error(&file);
    assert!(matches!(error, LoadError::NotRelmap { .. }), "{error:?}");
    assert!(error.to_string().contains("white space"), "{error}");
}

#[test]
fn a_file_cut_in_half_is_a_syntax_error_with_line_and_column() {
    let text = to_string(&starter().expect("the starter template"));
    let half = &text.as_bytes()[..text.len() / 2];
    let file = broken(half);
    let error = load_error(&file);
    let (line, _) = assert_syntax(&error, &file.path);
    let lines_kept = String::from_utf8_lossy(half).lines().count();
    assert!(
        line + 1 >= lines_kept,
        "the error points near the cut (line {line} of {lines_kept}): {error}"
    );
    assert!(error.to_string().contains("cut off"), "{error}");
}

#[test]
fn a_title_that_is_a_number_is_a_syntax_error_at_its_place() {
    let node = "(id:1,title:5,kind:Center,x:0.0,y:0.0)";
    let file = broken(map_file(&[node], &[]).as_bytes());
    let error = load_error(&file);
    // Line 5 is the first node; column 21 is the `5` after eight spaces and `(id:1,title:`.
    assert_syntax_at(&error, &file.path, 5, 21);
    assert!(error.to_string().contains("Expected string"), "{error}");
}

#[test]
fn a_position_that_is_a_word_is_a_syntax_error_at_its_place() {
    let node = "(id:1,title:\"You\",kind:Center,x:\"left\",y:0.0)";
    let file = broken(map_file(&[node], &[]).as_bytes());
    let error = load_error(&file);
    assert_syntax_at(&error, &file.path, 5, 41);
    assert!(error.to_string().contains("Expected float"), "{error}");
}

#[test]
fn an_unknown_node_kind_is_a_syntax_error() {
    let node = "(id:1,title:\"You\",kind:Centre,x:0.0,y:0.0)";
    let file = broken(map_file(&[node], &[]).as_bytes());
    let error = load_error(&file);
    let (line, _) = assert_syntax(&error, &file.path);
    assert_eq!(line, 5, "{error}");
    assert!(error.to_string().contains("Centre"), "{error}");
}

#[test]
fn a_link_to_an_unknown_node_is_a_dangling_link() {
    let file = broken(map_file(&[ROOT, CHILD], &["(id:7,from:2,to:99,label:\"x\")"]).as_bytes());
    let error = load_error(&file);
    assert_eq!(
        problems(&error),
        &[Violation::DanglingLink {
            link: LinkId(7),
            node: NodeId(99)
        }]
    );
    assert!(error.to_string().contains("99"), "{error}");
}

#[test]
fn a_link_from_an_unknown_node_is_a_dangling_link() {
    let file = broken(map_file(&[ROOT, CHILD], &["(id:3,from:42,to:1)"]).as_bytes());
    let error = load_error(&file);
    assert_eq!(
        problems(&error),
        &[Violation::DanglingLink {
            link: LinkId(3),
            node: NodeId(42)
        }]
    );
}

#[test]
fn an_unknown_child_is_reported_with_its_parent() {
    let root = "(id:1,title:\"You\",kind:Center,x:0.0,y:0.0,children:[2,77])";
    let file = broken(map_file(&[root, CHILD], &[]).as_bytes());
    let error = load_error(&file);
    assert_eq!(
        problems(&error),
        &[Violation::UnknownChild {
            parent: NodeId(1),
            child: NodeId(77)
        }]
    );
}

#[test]
fn two_nodes_with_the_same_id_are_reported_as_duplicates() {
    let twin = "(id:2,title:\"Staff again\",kind:Group,x:0.0,y:0.0)";
    let file = broken(map_file(&[ROOT, CHILD, twin], &[]).as_bytes());
    let error = load_error(&file);
    assert!(
        problems(&error).contains(&Violation::DuplicateNode(NodeId(2))),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("two nodes have the id 2"),
        "{error}"
    );
}

#[test]
fn two_links_with_the_same_id_are_reported_as_duplicates() {
    let file = broken(
        map_file(
            &[ROOT, CHILD],
            &["(id:1,from:1,to:2)", "(id:1,from:2,to:1)"],
        )
        .as_bytes(),
    );
    let error = load_error(&file);
    assert_eq!(problems(&error), &[Violation::DuplicateLink(LinkId(1))]);
}

#[test]
fn two_roots_are_reported_as_several_roots() {
    let other = "(id:3,title:\"Another centre\",kind:Center,x:0.0,y:0.0)";
    let file = broken(map_file(&[ROOT, CHILD, other], &[]).as_bytes());
    let error = load_error(&file);
    assert_eq!(
        problems(&error),
        &[Violation::SeveralRoots(vec![NodeId(1), NodeId(3)])]
    );
    assert!(
        error
            .to_string()
            .contains("more than one central node: 1, 3"),
        "{error}"
    );
}

#[test]
fn two_nodes_that_are_each_others_child_form_a_tree_cycle() {
    let root = "(id:1,title:\"You\",kind:Center,x:0.0,y:0.0)";
    let a = "(id:2,title:\"A\",x:0.0,y:0.0,children:[3])";
    let b = "(id:3,title:\"B\",x:0.0,y:0.0,children:[2])";
    let file = broken(map_file(&[root, a, b], &[]).as_bytes());
    let error = load_error(&file);
    assert_eq!(
        problems(&error),
        &[Violation::TreeCycle(vec![NodeId(2), NodeId(3)])]
    );
    assert!(
        error.to_string().contains("nodes 2, 3 form a cycle"),
        "{error}"
    );
}

#[test]
fn a_map_that_is_all_cycle_has_no_root_and_is_a_tree_cycle() {
    let a = "(id:1,title:\"A\",x:0.0,y:0.0,children:[2])";
    let b = "(id:2,title:\"B\",x:0.0,y:0.0,children:[1])";
    let file = broken(map_file(&[a, b], &[]).as_bytes());
    let error = load_error(&file);
    assert_eq!(
        problems(&error),
        &[Violation::TreeCycle(vec![NodeId(1), NodeId(2)])]
    );
}

#[test]
fn a_node_that_is_its_own_child_is_refused() {
    let root = "(id:1,title:\"You\",kind:Center,x:0.0,y:0.0,children:[2])";
    let selfish = "(id:2,title:\"Me\",x:0.0,y:0.0,children:[2])";
    let file = broken(map_file(&[root, selfish], &[]).as_bytes());
    let error = load_error(&file);
    assert!(!problems(&error).is_empty(), "{error:?}");
}

#[test]
fn a_node_listed_under_two_parents_is_reported_with_both() {
    let root = "(id:1,title:\"You\",kind:Center,x:0.0,y:0.0,children:[2,3])";
    let a = "(id:2,title:\"A\",x:0.0,y:0.0,children:[4])";
    let b = "(id:3,title:\"B\",x:0.0,y:0.0,children:[4])";
    let shared = "(id:4,title:\"Shared\",x:0.0,y:0.0)";
    let file = broken(map_file(&[root, a, b, shared], &[]).as_bytes());
    let error = load_error(&file);
    assert_eq!(
        problems(&error),
        &[Violation::SeveralParents {
            node: NodeId(4),
            parents: vec![NodeId(2), NodeId(3)]
        }]
    );
    assert!(
        error
            .to_string()
            .contains("node 4 has more than one parent: 2, 3"),
        "{error}"
    );
}

#[test]
fn a_node_listed_twice_under_one_parent_is_refused() {
    let root = "(id:1,title:\"You\",kind:Center,x:0.0,y:0.0,children:[2,2])";
    let file = broken(map_file(&[root, CHILD], &[]).as_bytes());
    let error = load_error(&file);
    assert!(!problems(&error).is_empty(), "{error:?}");
}

#[test]
fn a_newer_version_is_refused_and_names_both_versions() {
    let text = map_file(&[ROOT, CHILD], &[]).replace("version: 1", "version: 2");
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    let LoadError::NewerVersion {
        found, supported, ..
    } = error
    else {
        panic!("expected a newer version, got {error:?}");
    };
    assert_eq!((found, supported), (2, CURRENT_VERSION));
    assert_eq!(supported, 1);
    let message = error.to_string();
    assert!(message.contains("version 2"), "{message}");
    assert!(message.contains("up to 1"), "{message}");
    assert_eq!(
        fs::read(&file.path).expect("read"),
        text.as_bytes(),
        "the file was not changed"
    );
}

#[test]
fn a_newer_version_is_refused_even_when_its_body_is_not_understood() {
    // A later version may store things this build cannot read; the version must still be the error.
    let text = "(\n    format: \"relmap\",\n    version: 7,\n    nodes: {\"new\": [1, 2]},\n    extra: Unknown(3),\n)\n";
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    assert!(
        matches!(
            error,
            LoadError::NewerVersion {
                found: 7,
                supported: 1,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn a_newer_version_named_after_the_nodes_is_still_refused_as_newer() {
    let text = "(\n    format: \"relmap\",\n    nodes: [(id:1,title:\"You\",kind:Center,future:Some(Thing(1)))],\n    version: 2,\n)\n";
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    assert!(
        matches!(
            error,
            LoadError::NewerVersion {
                found: 2,
                supported: 1,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn a_file_that_says_an_older_version_must_have_that_versions_shape() {
    // Version 0 kept the map as one nested tree under `root`; a version-1 body labelled version 0 lacks it.
    let text = map_file(&[ROOT, CHILD], &[]).replace("version: 1", "version: 0");
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    assert!(matches!(error, LoadError::Syntax { .. }), "{error:?}");
    assert!(error.to_string().contains("root"), "{error}");
    assert!(error.line_column().is_some(), "{error}");
}

#[test]
fn a_version_that_is_not_a_number_is_a_syntax_error() {
    let text = map_file(&[ROOT, CHILD], &[]).replace("version: 1", "version: \"one\"");
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    // ron points at the space before the value.
    assert_syntax_at(&error, &file.path, 3, 13);
}

#[test]
fn another_format_name_is_not_a_relmap_map() {
    let text = map_file(&[ROOT, CHILD], &[]).replace("\"relmap\"", "\"freemind\"");
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    assert!(matches!(error, LoadError::NotRelmap { .. }), "{error:?}");
    assert!(error.to_string().contains("freemind"), "{error}");
}

#[test]
fn a_file_without_a_header_is_not_a_relmap_map() {
    let text = map_file(&[ROOT, CHILD], &[])
        .replace("    format: \"relmap\",\n", "")
        .replace("    version: 1,\n", "");
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    assert!(matches!(error, LoadError::NotRelmap { .. }), "{error:?}");
    assert!(error.to_string().contains("no header"), "{error}");
}

#[test]
fn a_file_with_a_format_but_no_version_has_no_header() {
    let text = map_file(&[ROOT, CHILD], &[]).replace("    version: 1,\n", "");
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    assert!(matches!(error, LoadError::NotRelmap { .. }), "{error:?}");
    assert!(error.to_string().contains("no header"), "{error}");
}

#[test]
fn a_file_without_nodes_is_not_a_map() {
    let file = broken(b"(format: \"relmap\", version: 1)\n");
    let error = load_error(&file);
    assert!(matches!(error, LoadError::NotRelmap { .. }), "{error:?}");
}

#[test]
fn binary_garbage_with_nul_bytes_is_not_text() {
    // A fixed pseudo-random sequence, so that the test always sees the same bytes.
    let mut state: u32 = 0x1234_5678;
    let mut bytes: Vec<u8> = (0..512)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    bytes[3] = 0;
    let file = broken(&bytes);
    let error = load_error(&file);
    assert!(matches!(error, LoadError::NotText { .. }), "{error:?}");
    assert!(error.to_string().contains("not a text file"), "{error}");
}

#[test]
fn a_nul_byte_in_otherwise_valid_text_is_not_text_and_says_where() {
    let mut bytes = map_file(&[ROOT, CHILD], &[]).into_bytes();
    bytes.insert(10, 0);
    let file = broken(&bytes);
    let error = load_error(&file);
    assert!(
        matches!(error, LoadError::NotText { offset: 10, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("byte 10"), "{error}");
}

#[test]
fn a_png_image_is_not_text() {
    let file = broken(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0");
    let error = load_error(&file);
    assert!(
        matches!(error, LoadError::NotText { offset: 0, .. }),
        "{error:?}"
    );
}

#[test]
fn invalid_utf8_is_not_text_and_says_where() {
    // A Latin-1 "é" in place of the "t" of "Staff": a lone 0xe9 byte is not UTF-8.
    let text = map_file(&[ROOT, CHILD], &[]);
    let at = text.find("Staff").expect("the child's title");
    let mut bytes = text.into_bytes();
    bytes[at + 1] = 0xe9;
    let file = broken(&bytes);
    let error = load_error(&file);
    assert!(
        matches!(error, LoadError::NotText { offset, .. } if offset == at + 1),
        "{error:?}"
    );
}

#[test]
fn a_markdown_paragraph_is_a_syntax_error() {
    let file = broken(b"# My map\n\nThis is a *Markdown* paragraph, not a map.\n");
    let error = load_error(&file);
    assert_syntax(&error, &file.path);
    assert!(error.to_string().contains("not a relmap map"), "{error}");
}

#[test]
fn a_json_file_is_refused_with_a_clear_error() {
    let file =
        broken(br#"{"format": "relmap", "version": 1, "nodes": [{"id": 1, "title": "You"}]}"#);
    let error = load_error(&file);
    assert_syntax(&error, &file.path);
    assert!(error.to_string().contains("not a relmap map"), "{error}");
}

#[test]
fn a_plain_number_is_a_syntax_error() {
    let file = broken(b"42\n");
    let error = load_error(&file);
    assert_syntax(&error, &file.path);
    assert!(error.to_string().contains("not a relmap map"), "{error}");
}

#[test]
fn text_after_the_map_is_a_syntax_error() {
    let mut text = map_file(&[ROOT, CHILD], &[]);
    text.push_str("(format: \"relmap\")\n");
    let file = broken(text.as_bytes());
    let error = load_error(&file);
    let (line, _) = assert_syntax(&error, &file.path);
    // ron points just after the map's closing parenthesis, on the map's last line.
    assert_eq!(line, text.lines().count() - 1, "{error}");
}

#[test]
fn a_folder_cannot_be_read_as_a_map() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("a folder.ron");
    fs::create_dir(&path).expect("create the folder");
    let error = load(&path).expect_err("a folder is not a file");
    assert!(matches!(error, LoadError::Io { .. }), "{error:?}");
    assert_names(&error, &path);
}

#[test]
fn a_missing_file_is_an_io_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("gone.ron");
    let error = load(&path).expect_err("the file does not exist");
    let LoadError::Io { source, .. } = &error else {
        panic!("expected an I/O error, got {error:?}");
    };
    assert_eq!(source.kind(), ErrorKind::NotFound);
    assert_names(&error, &path);
    assert!(!path.exists(), "loading does not create the file");
}

#[test]
fn a_file_cut_at_any_point_is_refused_without_a_panic() {
    let text = to_string(&starter().expect("the starter template"));
    assert!(text.ends_with(")\n"));
    let bytes = text.as_bytes();
    let path = Path::new("cut.ron");
    let mut refused = 0;
    for cut in (0..bytes.len()).step_by(7) {
        let prefix = &bytes[..cut];
        let result = std::panic::catch_unwind(|| from_bytes(prefix, path));
        let Ok(result) = result else {
            panic!("loading the first {cut} bytes panicked");
        };
        match result {
            Err(error) => {
                assert_names(&error, path);
                refused += 1;
            }
            // Only the final line break may be missing from a prefix that still loads.
            Ok(_) => assert_eq!(
                prefix.trim_ascii_end(),
                bytes.trim_ascii_end(),
                "the first {cut} bytes loaded although they are cut off"
            ),
        }
    }
    assert!(refused > bytes.len() / 7 - 1, "{refused} cuts refused");
}

// Inputs found by the fuzz target (fuzz/regressions/).

#[test]
fn an_id_too_large_to_count_on_from_is_refused() {
    for text in [
        "(format:\"relmap\",version:1,nodes:[(id:18446744073709551615,title:\"\")])",
        "(format:\"relmap\",version:1,nodes:[(id:1,title:\"\",children:[2]),(id:2,title:\"\")],links:[(id:18446744073709551615,from:1,to:2)])",
    ] {
        let file = broken(text.as_bytes());
        let error = load_error(&file);
        assert!(error.to_string().contains("too large"), "{error}");
    }
}

#[test]
fn the_largest_allowed_id_loads_and_new_nodes_still_get_fresh_ids() {
    let text = format!(
        "(format:\"relmap\",version:1,nodes:[(id:{},title:\"Root\")])",
        relmap::model::MAX_ID
    );
    let mut workbook = relmap::storage::from_str(&text, std::path::Path::new("big.ron"))
        .expect("the largest id is allowed");
    let first = workbook.map.allocate_node_id();
    let second = workbook.map.allocate_node_id();
    assert!(first.0 > relmap::model::MAX_ID && second.0 > relmap::model::MAX_ID);
    assert_ne!(first, second);
}

#[test]
fn a_huge_position_saves_as_a_number_and_stays_put() {
    let text = "(format:\"relmap\",version:1,nodes:[(id:1,title:\"\",x:3e38)])";
    let workbook = relmap::storage::from_str(text, std::path::Path::new("far.ron"))
        .expect("a finite position loads");
    let saved = relmap::storage::to_string(&workbook);
    assert!(!saved.contains("inf"), "{saved}");
    let again = relmap::storage::from_str(&saved, std::path::Path::new("far.ron"))
        .expect("the saved file loads");
    assert_eq!(relmap::storage::to_string(&again), saved);
}

#[test]
fn a_long_detached_chain_of_parents_is_reported_as_one_cycle() {
    // The root, plus 3,000 nodes in one loop that nothing reaches: 2 → 3 → … → 3001 → 2.
    let mut nodes = vec!["(id:1,title:\"Root\")".to_owned()];
    for id in 2..=3001 {
        let next = if id == 3001 { 2 } else { id + 1 };
        nodes.push(format!("(id:{id},title:\"n\",children:[{next}])"));
    }
    let nodes: Vec<&str> = nodes.iter().map(String::as_str).collect();
    let file = broken(map_file(&nodes, &[]).as_bytes());
    let error = load_error(&file);
    assert!(error.to_string().contains("cycle"), "{error}");
}
