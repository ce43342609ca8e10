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
}

/// What the user did with the notices this frame.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NoticeOutput {
    /// The user asked to type a path.
    pub type_path: Option<PickKind>,
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
        });
    }

    /// Adds an informative message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Notice {
            level: Level::Info,
            text: text.into(),
            offer_path: None,
        });
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
