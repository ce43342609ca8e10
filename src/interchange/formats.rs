//! The formats relmap reads and writes besides its own, chosen by name or by a file's extension, so that the
//! window and the command line offer the same ones.

use std::path::Path;

use chrono::NaiveDate;

use crate::model::Workbook;

use super::freemind::{self, Imported};
use super::opml;

/// A format a map can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A `FreeMind` 1.0.1 map, which Freeplane opens too, carrying everything relmap knows.
    FreeMind,
    /// An OPML 2.0 outline, which outliners and many mind-map tools read: titles, notes, links and folds.
    Opml,
    /// The map and the whole worksheet as Markdown text.
    Markdown,
    /// A picture of the map as the canvas draws it, in SVG.
    Svg,
    /// The map and the whole worksheet as one self-contained HTML page, styled for printing.
    Html,
    /// A picture of the map as a PNG image, at this many hundredths of its size on the canvas (200 is twice).
    Png(u16),
}

impl ExportFormat {
    /// Every format, in the order menus list them.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::FreeMind,
        ExportFormat::Opml,
        ExportFormat::Markdown,
        ExportFormat::Svg,
        ExportFormat::Html,
        ExportFormat::PNG,
    ];

    /// A PNG at [`DEFAULT_PNG_SCALE`](super::DEFAULT_PNG_SCALE).
    pub const PNG: ExportFormat = ExportFormat::Png(200);

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::FreeMind => "FreeMind / Freeplane map (.mm)",
            ExportFormat::Opml => "OPML outline (.opml)",
            ExportFormat::Markdown => "Markdown text (.md)",
            ExportFormat::Svg => "SVG picture of the map (.svg)",
            ExportFormat::Html => "Printable plan report (.html)",
            ExportFormat::Png(_) => "PNG picture of the map (.png)",
        }
    }

    /// What the format keeps, for tooltips.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::FreeMind => {
                "Opens in Freeplane and FreeMind; the relationship details travel along as attributes, so \
                 importing the file back into relmap gives the same map"
            }
            ExportFormat::Opml => {
                "An outline for outliners and other mind-map tools: titles, notes, links and folds; the \
                 relationship details and cross-links stay behind"
            }
            ExportFormat::Markdown => {
                "The map as an indented list and every part of the worksheet, as text to print, mail or paste"
            }
            ExportFormat::Svg => {
                "The whole map as drawn, with its colours, cross-links and planning markers, as a picture that \
                 browsers, word processors and vector drawing programs open and that prints sharply at any size"
            }
            ExportFormat::Png(_) => {
                "The whole map as drawn, as an image for slides, mail and documents"
            }
            ExportFormat::Html => {
                "A report to hand to the board: the map, goals, reflection, checklist, action plan, relationship \
                 plan and balance in one page that opens in any browser and prints on A4"
            }
        }
    }

    /// The file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::FreeMind => "mm",
            ExportFormat::Opml => "opml",
            ExportFormat::Markdown => "md",
            ExportFormat::Svg => "svg",
            ExportFormat::Html => "html",
            ExportFormat::Png(_) => "png",
        }
    }

    /// The format a name given on the command line (`mm`, `freemind`, `opml`, `md`, `markdown`, `svg`, `html`,
    /// `report`, `png`, or `png3` for a PNG three times the canvas size) or a file extension stands for, whatever
    /// its case.
    #[must_use]
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        let name = name.trim_start_matches('.').to_ascii_lowercase();
        if let Some(times) = name.strip_prefix("png").filter(|t| !t.is_empty()) {
            return times
                .parse::<u16>()
                .ok()
                .filter(|t| (1..=8).contains(t))
                .map(|t| ExportFormat::Png(t * 100));
        }
        match name.as_str() {
            "png" => Some(ExportFormat::PNG),
            "mm" | "freemind" | "freeplane" => Some(ExportFormat::FreeMind),
            "opml" => Some(ExportFormat::Opml),
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "svg" => Some(ExportFormat::Svg),
            "html" | "htm" | "report" => Some(ExportFormat::Html),
            _ => None,
        }
    }

    /// The format of a file, by its extension.
    #[must_use]
    pub fn of_path(path: &Path) -> Option<ExportFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(ExportFormat::from_name)
    }
}

/// An exported file's text, and what the format could not carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// The file's content.
    pub text: String,
    /// What was left out, one sentence each; empty when nothing was.
    pub warnings: Vec<String>,
}

/// An exported file's bytes, and what the format could not carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportedFile {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// What was left out, one sentence each; empty when nothing was.
    pub warnings: Vec<String>,
}

/// Writes `workbook` in `format`. `today` dates reports and decides what is overdue. Only a PNG can fail.
pub fn export(
    format: ExportFormat,
    workbook: &Workbook,
    today: NaiveDate,
) -> Result<ExportedFile, super::PngError> {
    let text = |text: String| ExportedFile {
        bytes: text.into_bytes(),
        warnings: Vec::new(),
    };
    Ok(match format {
        ExportFormat::FreeMind => text(freemind::export_mm(workbook)),
        ExportFormat::Opml => {
            let exported = opml::export_opml(workbook);
            ExportedFile {
                bytes: exported.text.into_bytes(),
                warnings: exported.warnings,
            }
        }
        ExportFormat::Markdown => text(super::to_markdown(workbook, today)),
        ExportFormat::Svg => text(super::to_svg(workbook, today, None)),
        ExportFormat::Html => text(super::to_html_report(workbook, today)),
        ExportFormat::Png(hundredths) => ExportedFile {
            bytes: super::to_png(workbook, today, f32::from(hundredths) / 100.0)?,
            warnings: Vec::new(),
        },
    })
}

/// Whether relmap reads a file of another mind-map tool at `path`, by its extension.
#[must_use]
pub fn is_importable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The extensions [`is_importable`] accepts, for file dialogs.
pub const IMPORT_EXTENSIONS: &[&str] = &["mm", "opml"];

/// Why another tool's file could not be read; each names the file, and the line and column where there is one.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A `FreeMind` or Freeplane map.
    #[error(transparent)]
    FreeMind(#[from] freemind::ImportError),
    /// An OPML outline.
    #[error(transparent)]
    Opml(#[from] opml::ImportError),
}

/// Reads a file of another mind-map tool from its bytes; `path` names it and its extension decides the format
/// (`.opml` is OPML, anything else `FreeMind`).
pub fn import(bytes: &[u8], path: &Path) -> Result<Imported, ImportError> {
    let is_opml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("opml"));
    if is_opml {
        Ok(opml::import_opml(bytes, path)?)
    } else {
        Ok(freemind::import_mm(bytes, path)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_found_by_name_and_by_extension() {
        assert_eq!(ExportFormat::from_name("MD"), Some(ExportFormat::Markdown));
        assert_eq!(
            ExportFormat::from_name("freeplane"),
            Some(ExportFormat::FreeMind)
        );
        assert_eq!(ExportFormat::from_name("docx"), None);
        assert_eq!(ExportFormat::from_name("report"), Some(ExportFormat::Html));
        assert_eq!(
            ExportFormat::of_path(Path::new("map.SVG")),
            Some(ExportFormat::Svg)
        );
        assert_eq!(
            ExportFormat::of_path(Path::new("plan.html")),
            Some(ExportFormat::Html)
        );
        assert_eq!(
            ExportFormat::of_path(Path::new("/tmp/Plan.MM")),
            Some(ExportFormat::FreeMind)
        );
        assert_eq!(ExportFormat::of_path(Path::new("plan")), None);
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(format.extension()), Some(format));
        }
        assert!(is_importable(Path::new("a/b.mm")));
        assert!(is_importable(Path::new("a/b.OPML")));
        assert!(!is_importable(Path::new("a/b.ron")));
    }
}
