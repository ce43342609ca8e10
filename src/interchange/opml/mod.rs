//! OPML outlines: reading OPML 1.0 and 2.0 files from outliners (`OmniOutliner`, Workflowy, Dynalist, Drummer,
//! Logseq and others) and writing OPML 2.0.
//!
//! An OPML file is XML: `<opml>` holding a `<head>` (the title, and which lines are expanded) and a `<body>` with
//! nested `<outline>` elements. OPML knows only the tree, each line's text and a few attributes, so this is what
//! travels:
//!
//! | OPML | relmap |
//! |---|---|
//! | one top-level `<outline>` | the central node |
//! | several top-level `<outline>`s | the children of a new central node titled from `<head><title>`, or from the file name |
//! | `text` (HTML tags such as `<b>` stripped) | the title |
//! | `_note` (`OmniOutliner`, Workflowy, Dynalist) and `note` | the notes |
//! | `type="link"` with `url` | the node's link |
//! | `<expansionState>` | which nodes are folded |
//! | any other attribute (`created`, `type`, `xmlUrl`, …) | a `name: value` line at the end of the notes |
//!
//! Other attributes go to the notes rather than only into the report, so that nothing a file says is lost
//! (a feed list's `xmlUrl` is the whole point of its lines); the report counts them by name. Only
//! `isComment="false"` and `isBreakpoint="false"`, which restate OPML's defaults, are dropped.
//!
//! `expansionState` lists the lines that are expanded, counting from 0 the lines as an outliner shows them,
//! that is only the visible ones. A node with children whose line is listed is unfolded, one whose line is not
//! is folded; without an `expansionState` everything is unfolded. The file says nothing about nodes inside a
//! folded node, which are not on any line: relmap leaves them unfolded, as it leaves every new node, so that
//! relmap → OPML → relmap gives back the same folds. An `expansionState` with no number in it at all is ignored
//! and the report says so.
//!
//! OPML has no positions: imported nodes are placed as a tree around the central node, the way `.mm` files are.
//!
//! Reading never expands a DTD, exactly as for `.mm` files (it shares their XML helpers): a `<!DOCTYPE>` is
//! ignored, references to entities XML does not define stay in the text as written, and the report says so.
//! Outlines nested deeper than [`MAX_OUTLINE_DEPTH`] are refused, and neither reading nor writing recurses.
//!
//! Writing gives OPML 2.0 with the central node as the one top-level outline, titles in `text`, notes in
//! `_note` and links as `type="link"`; everything else relmap knows (cross-links, node kinds, colours, icons,
//! tags, relationship profiles, the plan) has no place in OPML and is left out, and [`Exported::warnings`] says
//! what. The output takes no clock, so the same workbook always gives the same text.

mod build;
mod export;
mod html;
mod import;

use std::path::PathBuf;

pub use super::freemind::Imported;
pub use export::export_opml;
pub use import::import_opml;

use super::freemind::{self, line_column};

/// The most deeply nested outlines a file may have: one level fewer than relmap opens in its own files
/// ([`crate::model::MAX_LEVELS`]), leaving room for the centre that is added above several top-level outlines.
/// Real outlines are a few dozen levels deep at most; a file nested deeper is broken or hostile, and is refused
/// rather than risk exhausting memory or the stack of later steps.
pub const MAX_OUTLINE_DEPTH: usize = crate::model::MAX_LEVELS - 1;

pub use super::Exported;

/// Why an OPML file could not be read. Every variant names the file; problems in the XML also name the line and
/// column.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The XML is broken: a tag is not closed, an attribute has no value, the file is cut off.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column in characters, from 1.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// Well-formed XML, but not an OPML outline.
    #[error("{}: this is not an OPML outline ({reason})", path.display())]
    NotOpml {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// The XML declaration names an encoding relmap does not know.
    #[error(
        "{}: the file says it is written in the encoding \"{label}\", which relmap cannot read; \
         save it as UTF-8 and try again",
        path.display()
    )]
    UnknownEncoding {
        /// The file.
        path: PathBuf,
        /// The name the file gives.
        label: String,
    },
    /// Outlines nested deeper than [`MAX_OUTLINE_DEPTH`].
    #[error(
        "{}:{line}:{column}: the outline is nested more than {limit} levels deep, which no real outline is; \
         the file is damaged or was made to break programs",
        path.display()
    )]
    TooDeep {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column in characters, from 1.
        column: usize,
        /// The limit that was passed.
        limit: usize,
    },
}

impl From<freemind::ImportError> for ImportError {
    /// The shared decoding step reports its problems as `.mm` errors; they mean the same for OPML.
    fn from(error: freemind::ImportError) -> ImportError {
        match error {
            freemind::ImportError::Syntax {
                path,
                line,
                column,
                message,
            } => ImportError::Syntax {
                path,
                line,
                column,
                message,
            },
            freemind::ImportError::NotAMap { path, reason } => {
                ImportError::NotOpml { path, reason }
            }
            freemind::ImportError::UnknownEncoding { path, label } => {
                ImportError::UnknownEncoding { path, label }
            }
            freemind::ImportError::TooDeep {
                path,
                line,
                column,
                limit,
            } => ImportError::TooDeep {
                path,
                line,
                column,
                limit,
            },
        }
    }
}

/// "a", "a and b", "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 node", "3 nodes".
fn counted(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_counts_read_as_english() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(listed(&items[..0]), "");
        assert_eq!(listed(&items[..1]), "a");
        assert_eq!(listed(&items[..2]), "a and b");
        assert_eq!(listed(&items), "a, b and c");
        assert_eq!(counted(1, "node", "nodes"), "1 node");
        assert_eq!(counted(0, "node", "nodes"), "0 nodes");
    }

    #[test]
    fn decoding_errors_keep_their_meaning() {
        let error: ImportError = freemind::ImportError::UnknownEncoding {
            path: PathBuf::from("a.opml"),
            label: "klingon-8".to_owned(),
        }
        .into();
        assert!(
            matches!(&error, ImportError::UnknownEncoding { label, .. } if label == "klingon-8"),
            "{error}"
        );
        assert!(error.to_string().starts_with("a.opml: "));
    }
}
