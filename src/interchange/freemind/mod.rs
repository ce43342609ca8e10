//! `FreeMind` and Freeplane `.mm` files: reading maps from map version 0.7 up to Freeplane 1.12, and writing
//! `FreeMind` 1.0.1 maps, which Freeplane reads as well.
//!
//! A `.mm` file is XML: a `<map>` holding one tree of `<node>` elements. What relmap has a place for is read —
//! titles (plain or rich text), notes and details, folds, colours, links, sides, icons, attributes and arrow
//! links — and everything else (fonts, clouds, edges, styles, plug-in hooks) is skipped and counted in a report
//! the user can read. Reading never expands a DTD: a `<!DOCTYPE>` with entity declarations is ignored, so a
//! "billion laughs" file stays small and an external entity never reads a file; references to entities the XML
//! standard does not define stay in the text as written, and the report says so.
//!
//! Writing keeps everything relmap knows. What `FreeMind` has no element for — the relationship profile, the
//! kind of a node, its exact position and the plan — goes into attributes named `relmap.*`, which Freeplane
//! shows in a node's attribute table and keeps when it saves. Reading such a file gives back the same workbook.

mod build;
pub(in crate::interchange) mod decode;
mod export;
mod icons;
mod import;
mod parsed;
pub(in crate::interchange) mod place;
mod profile;
pub(in crate::interchange) mod text;
mod xhtml;

use std::path::PathBuf;

use crate::model::Workbook;

pub use export::export_mm;
pub use import::import_mm;

/// The most deeply nested nodes a file may have: the same number of levels relmap opens in its own files
/// ([`crate::model::MAX_LEVELS`]). Real maps are a few dozen levels deep at most; a file nested deeper is
/// broken or hostile, and is refused rather than risk exhausting memory or the stack of later steps.
pub const MAX_NODE_DEPTH: usize = crate::model::MAX_LEVELS;

/// A map read from a `.mm` file, with what could not be carried over.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The map and the plan.
    pub workbook: Workbook,
    /// What was dropped or changed on the way, one sentence each, in words a user understands; empty when
    /// nothing was lost.
    pub report: Vec<String>,
}

/// Why a `.mm` file could not be read. Every variant names the file; problems in the XML also name the line and
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
    /// Well-formed XML, but not a mind map.
    #[error("{}: this is not a FreeMind or Freeplane map ({reason})", path.display())]
    NotAMap {
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
    /// Nodes nested deeper than [`MAX_NODE_DEPTH`], or other elements nested absurdly deep.
    #[error(
        "{}:{line}:{column}: the map is nested more than {limit} levels deep, which no real map is; \
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

/// The line and column (both from 1, the column counted in characters) of a byte offset into `text`. An offset
/// past the end, or inside a character, counts up to the nearest character boundary before it.
#[must_use]
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    // A CR of a CR LF pair belongs to the line it ends, so it is not counted as a column of the next one.
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_from_one() {
        let text = "ab\ncd\nef";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 1), (1, 2));
        assert_eq!(line_column(text, 2), (1, 3), "the line break itself");
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (3, 2));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "<node TEXT=\"日本語\" x>";
        let offset = text.find('x').unwrap_or_default();
        assert_eq!(line_column(text, offset), (1, 18));
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let text = "a\né";
        assert_eq!(line_column(text, 100), (2, 2));
        // Byte 3 is inside "é" (bytes 2 and 3).
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column("", 5), (1, 1));
    }

    #[test]
    fn crlf_line_ends_count_as_one_line_break() {
        let text = "a\r\nb\r\nc";
        assert_eq!(line_column(text, text.len() - 1), (3, 1));
        assert_eq!(line_column(text, 3), (2, 1));
    }
}
