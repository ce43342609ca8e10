//! Messages to the user that stay until dismissed: load and save errors, and hints. They never block the map.

use egui::{Color32, RichText, Ui};

use super::file_dialog::PickKind;

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something failed.
    Error,
    /// Something to know.
    Info,
}

/// One message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// How serious.
    pub level: Level,
    /// What to say.
    pub text: String,
    /// Offer to type a path instead, for when no file dialog appeared.
    pub offer_path: Option<PickKind>,
    /// Offer to undo the change that led to this document version (`Document::version`); the notice goes
    /// when the document moves on from it, since Undo would then take back something else.
    pub undo_at: Option<(u64, u64)>,
}

/// What the user did with the notices this frame.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NoticeOutput {
    /// The user asked to type a path.
    pub type_path: Option<PickKind>,
    /// The user asked to undo the change of a notice.
    pub undo: bool,
}

/// The messages on screen.
#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
}

impl Notices {
    /// Adds an error message.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Notice {
            level: Level::Error,
            text: text.into(),
            offer_path: None,
            undo_at: None,
        });
    }

    /// Adds an informative message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Notice {
            level: Level::Info,
            text: text.into(),
            offer_path: None,
            undo_at: None,
        });
    }

    /// Adds a message about a change, with a button that undoes it while the document is still at `version`,
    /// the version the change led to. It replaces an earlier such message: only the last change can be undone.
    pub fn undoable(&mut self, text: impl Into<String>, version: (u64, u64)) {
        self.list.retain(|n| n.undo_at.is_none());
        self.push(Notice {
            level: Level::Info,
            text: text.into(),
            offer_path: None,
            undo_at: Some(version),
        });
    }

    /// Drops the offers to undo a change once the document is no longer at the version the change led to.
    pub fn forget_undo_offers(&mut self, version: (u64, u64)) {
        self.list
            .retain(|n| n.undo_at.is_none_or(|at| at == version));
    }

    /// Adds a message. The same message is not shown twice.
    pub fn push(&mut self, notice: Notice) {
        if !self.list.contains(&notice) {
            self.list.push(notice);
        }
    }

    /// The messages, oldest first.
    #[must_use]
    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// Shows the messages, each with a Dismiss button.
    pub fn ui(&mut self, ui: &mut Ui) -> NoticeOutput {
        let mut output = NoticeOutput::default();
        let mut dismissed = None;
        for (index, notice) in self.list.iter().enumerate() {
            let (fill, stroke) = match notice.level {
                Level::Error => (
                    Color32::from_rgb(0x5c, 0x1d, 0x1d),
                    Color32::from_rgb(0xe0, 0x6c, 0x6c),
                ),
                Level::Info => (
                    Color32::from_rgb(0x1d, 0x3a, 0x5c),
                    Color32::from_rgb(0x6c, 0xa6, 0xe0),
                ),
            };
            egui::Frame::new()
                .fill(fill)
                .stroke(egui::Stroke::new(1.0, stroke))
                .corner_radius(6)
                .inner_margin(egui::Margin::symmetric(10, 6))
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        let icon = if notice.level == Level::Error {
                            super::style::GLYPH_ERROR
                        } else {
                            super::style::GLYPH_INFO
                        };
                        ui.label(RichText::new(icon).color(Color32::WHITE));
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.button("Dismiss").clicked() {
                                dismissed = Some(index);
                            }
                            if notice.undo_at.is_some()
                                && ui
                                    .button("Undo")
                                    .on_hover_text("Bring back what was deleted (Ctrl+Z)")
                                    .clicked()
                            {
                                output.undo = true;
                                dismissed = Some(index);
                            }
                            if let Some(kind) = notice.offer_path {
                                let label = match kind {
                                    PickKind::Open | PickKind::Import => "Type a path to open…",
                                    PickKind::SaveAs => "Type a path to save to…",
                                    PickKind::Export(_) => "Type a path to export to…",
                                };
                                if ui.button(label).clicked() {
                                    output.type_path = Some(kind);
                                    dismissed = Some(index);
                                }
                            }
                            ui.with_layout(
                                egui::Layout::left_to_right(egui::Align::Center),
                                |ui| {
                                    ui.add(
                                        egui::Label::new(
                                            RichText::new(&notice.text).color(Color32::WHITE),
                                        )
                                        .wrap(),
                                    );
                                },
                            );
                        });
                    });
                });
            ui.add_space(4.0);
        }
        if let Some(index) = dismissed {
            self.list.remove(index);
        }
        output
    }
}
