//! Maps of other mind-map tools: importing them as new, unsaved maps, and exporting the open map to other
//! formats. The formats themselves live in `interchange`.

use std::path::{Path, PathBuf};

use super::RelmapApp;
use crate::document::Document;
use crate::interchange::{self, ExportFormat};

impl RelmapApp {
    /// Reads another tool's file as a new, unsaved map, and says what could not be carried over. The file itself
    /// is never written: saving asks for a relmap file name.
    pub(super) fn import_path(&mut self, path: PathBuf) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.notices.error(format!(
                    "Could not import the map. {}: {error}",
                    path.display()
                ));
                return;
            }
        };
        match interchange::import(&bytes, &path) {
            Ok(imported) => {
                self.remember_recent(&path);
                self.older_format = None;
                self.replace_document(Document::new(imported.workbook, None));
                self.imported_from = Some(path.clone());
                self.stamp_file();
                let name = file_name(&path);
                let mut text = format!(
                    "Imported {name} as a new map. Save it to keep it as a relmap map (Ctrl+S)."
                );
                for line in &imported.report {
                    text.push_str("\n• ");
                    text.push_str(line);
                }
                self.notices.info(text);
            }
            Err(error) => self
                .notices
                .error(format!("Could not import the map. {error}")),
        }
    }

    /// Writes the open map to `path` in `format`. The map itself, its file and its unsaved changes stay as
    /// they are.
    pub(super) fn export_to(&mut self, format: ExportFormat, path: PathBuf) {
        let path = if path.extension().is_none() {
            path.with_extension(format.extension())
        } else {
            path
        };
        let selection = self.export_selection.take();
        let exported = match (format, selection) {
            (ExportFormat::Svg, Some(nodes)) => Ok(interchange::ExportedFile {
                bytes: interchange::to_svg(self.doc.workbook(), self.today, Some(&nodes))
                    .into_bytes(),
                warnings: Vec::new(),
            }),
            (format, _) => interchange::export(format, self.doc.workbook(), self.today),
        };
        let exported = match exported {
            Ok(exported) => exported,
            Err(error) => {
                self.notices
                    .error(format!("Could not export the map. {error}"));
                return;
            }
        };
        match crate::storage::write_atomically(&path, &exported.bytes) {
            Ok(()) => {
                let mut text = format!("Exported the map to {}.", path.display());
                for warning in &exported.warnings {
                    text.push_str("\n• ");
                    text.push_str(warning);
                }
                self.notices.info(text);
            }
            Err(error) => self.notices.error(format!(
                "Could not export the map. {}: {error}",
                path.display()
            )),
        }
    }

    /// The file name an export suggests: the map's own name with the format's extension.
    pub(super) fn export_name(&self, format: ExportFormat) -> String {
        format!("{}.{}", self.name_stem(), format.extension())
    }

    /// The name of the open map without its extension: its file's, the imported file's, or a default.
    pub(super) fn name_stem(&self) -> String {
        self.doc
            .path()
            .or(self.imported_from.as_deref())
            .and_then(Path::file_stem)
            .map_or_else(
                || "My relationship map".to_owned(),
                |stem| stem.to_string_lossy().into_owned(),
            )
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
