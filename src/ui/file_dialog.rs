//! Native file dialogs, run off the UI thread so the window keeps drawing while one is open. The picker is a
//! trait, so tests answer it without opening a real dialog.

use std::path::PathBuf;

use crate::interchange::{ExportFormat, IMPORT_EXTENSIONS};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// What a dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    /// Choose a map to open.
    Open,
    /// Choose where to save the map.
    SaveAs,
    /// Choose another mind-map tool's file to open.
    Import,
    /// Choose where to write the map in another format.
    Export(ExportFormat),
}

/// A request to show a dialog.
#[derive(Clone, Debug)]
pub struct PickRequest {
    /// Open or save.
    pub kind: PickKind,
    /// The folder to start in.
    pub directory: Option<PathBuf>,
    /// The file name to suggest when saving.
    pub file_name: String,
}

/// What a dialog answered.
#[derive(Clone, Debug)]
pub struct PickAnswer {
    /// Open or save.
    pub kind: PickKind,
    /// The chosen file; `None` when the user cancelled or no dialog could be shown.
    pub path: Option<PathBuf>,
    /// How long the dialog was open. Without a desktop portal or zenity, rfd answers `None` at once, which
    /// is how the app tells that no dialog appeared.
    pub open_for: Duration,
}

/// Shows file dialogs.
pub trait FilePicker {
    /// Starts a dialog. The answer comes later from `poll`.
    fn start(&mut self, request: PickRequest);
    /// The answer of a finished dialog, if one has finished.
    fn poll(&mut self) -> Option<PickAnswer>;
}

/// rfd's dialogs, each on its own thread.
pub struct NativeFilePicker {
    sender: Sender<PickAnswer>,
    receiver: Receiver<PickAnswer>,
    repaint: Option<egui::Context>,
}

impl NativeFilePicker {
    /// A picker that wakes the UI through `ctx` when a dialog closes.
    #[must_use]
    pub fn new(ctx: Option<egui::Context>) -> NativeFilePicker {
        let (sender, receiver) = channel();
        NativeFilePicker {
            sender,
            receiver,
            repaint: ctx,
        }
    }
}

impl FilePicker for NativeFilePicker {
    fn start(&mut self, request: PickRequest) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let mut readable = vec!["ron"];
            readable.extend_from_slice(IMPORT_EXTENSIONS);
            let mut dialog = match request.kind {
                PickKind::Open => rfd::FileDialog::new()
                    .add_filter("Maps (relmap, FreeMind, Freeplane, OPML)", &readable)
                    .add_filter("relmap map", &["ron"]),
                PickKind::SaveAs => rfd::FileDialog::new().add_filter("relmap map", &["ron"]),
                PickKind::Import => rfd::FileDialog::new().add_filter(
                    "FreeMind and Freeplane maps, OPML outlines",
                    IMPORT_EXTENSIONS,
                ),
                PickKind::Export(format) => {
                    rfd::FileDialog::new().add_filter(format.label(), &[format.extension()])
                }
            }
            .add_filter("All files", &["*"]);
            if let Some(directory) = &request.directory {
                dialog = dialog.set_directory(directory);
            }
            let path = match request.kind {
                PickKind::Open => dialog.set_title("Open map").pick_file(),
                PickKind::Import => dialog.set_title("Import a map").pick_file(),
                PickKind::SaveAs => dialog
                    .set_title("Save map as")
                    .set_file_name(&request.file_name)
                    .save_file(),
                PickKind::Export(format) => dialog
                    .set_title(format!("Export as {}", format.label()))
                    .set_file_name(&request.file_name)
                    .save_file(),
            };
            let _ = sender.send(PickAnswer {
                kind: request.kind,
                path,
                open_for: started.elapsed(),
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    fn poll(&mut self) -> Option<PickAnswer> {
        self.receiver.try_recv().ok()
    }
}

/// A picker for tests: it answers every request at once with the paths queued in it, then with `None`.
#[derive(Default)]
pub struct ScriptedFilePicker {
    /// The answers still to give, in order.
    pub answers: std::collections::VecDeque<Option<PathBuf>>,
    /// The requests seen so far.
    pub requests: Vec<PickKind>,
    /// Answer at once, as rfd does on a desktop without a portal or zenity.
    pub no_backend: bool,
    pending: Option<PickAnswer>,
}

impl ScriptedFilePicker {
    /// A picker that answers with these paths, in order.
    #[must_use]
    pub fn answering(answers: impl IntoIterator<Item = PathBuf>) -> ScriptedFilePicker {
        ScriptedFilePicker {
            answers: answers.into_iter().map(Some).collect(),
            ..ScriptedFilePicker::default()
        }
    }

    /// A picker that behaves like a desktop where no dialog can be shown.
    #[must_use]
    pub fn without_backend() -> ScriptedFilePicker {
        ScriptedFilePicker {
            no_backend: true,
            ..ScriptedFilePicker::default()
        }
    }
}

impl FilePicker for ScriptedFilePicker {
    fn start(&mut self, request: PickRequest) {
        self.requests.push(request.kind);
        let path = self.answers.pop_front().flatten();
        // A scripted answer stands for a real dialog the user took time over, unless there is no backend.
        let open_for = if self.no_backend {
            Duration::ZERO
        } else {
            Duration::from_secs(1)
        };
        self.pending = Some(PickAnswer {
            kind: request.kind,
            path,
            open_for,
        });
    }

    fn poll(&mut self) -> Option<PickAnswer> {
        self.pending.take()
    }
}
