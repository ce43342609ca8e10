//! `RelmapApp`: the window. It owns the open document and the view state, draws the panels, and applies what
//! they ask for once per frame, after drawing.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use egui::{CentralPanel, Panel, Ui, ViewportCommand};

use crate::document::{Document, EditCommand};
use crate::model::{NodeId, Workbook};
use crate::storage;

use super::canvas::{CanvasState, Select};
use super::command::AppCommand;
use super::dialogs::{PathPrompt, PromptAnswer, SaveChoice, confirm_unsaved};
use super::file_dialog::{FilePicker, PickAnswer, PickKind, PickRequest};
use super::inspector::inspector_ui;
use super::notices::{Notice, Notices};

/// A dialog answer faster than this means no dialog was shown: rfd returns at once without a desktop portal
/// or zenity, and nobody cancels a real dialog that fast.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(250);

/// What the user was doing when relmap had to ask about unsaved changes; it is carried on once they answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new map.
    New,
    /// Open a map with the file dialog.
    Open,
    /// Open a map by typing its path.
    OpenPath,
    /// Close the window.
    Quit,
}

/// Preferences kept between runs through eframe's storage. Never the document.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Whether the inspector panel is shown.
    pub show_inspector: bool,
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            show_inspector: true,
        }
    }
}

const PREFERENCES_KEY: &str = "relmap-preferences";

/// The relmap window.
pub struct RelmapApp {
    doc: Document,
    canvas: CanvasState,
    selected: Option<NodeId>,
    picker: Box<dyn FilePicker>,
    /// The dialog that is open, if any.
    picking: Option<PickKind>,
    prompt: Option<PathPrompt>,
    /// The unsaved-changes question being asked, and what the user was doing.
    confirming: Option<PendingAction>,
    /// What to carry on with once a Save As started by the unsaved-changes question has finished.
    after_save: Option<PendingAction>,
    notices: Notices,
    prefs: Preferences,
    title_shown: String,
    allow_close: bool,
    today: NaiveDate,
}

impl RelmapApp {
    /// The app with `file` open, or the starter template as a new map. A file that cannot be read is reported,
    /// and the starter template opens instead, unsaved, so the file on disk is never overwritten by accident.
    #[must_use]
    pub fn new(file: Option<PathBuf>, picker: Box<dyn FilePicker>) -> RelmapApp {
        let mut app = RelmapApp {
            doc: Document::new(Workbook::default(), None),
            canvas: CanvasState::default(),
            selected: None,
            picker,
            picking: None,
            prompt: None,
            confirming: None,
            after_save: None,
            notices: Notices::default(),
            prefs: Preferences::default(),
            title_shown: String::new(),
            allow_close: false,
            today: chrono::Local::now().date_naive(),
        };
        app.start_new_map();
        if let Some(path) = file {
            app.open_path(path);
        }
        app
    }

    /// Builds the app for eframe, restoring preferences.
    #[must_use]
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        file: Option<PathBuf>,
    ) -> RelmapApp {
        let picker = Box::new(super::file_dialog::NativeFilePicker::new(Some(
            cc.egui_ctx.clone(),
        )));
        let mut app = RelmapApp::new(file, picker);
        if let Some(prefs) = cc
            .storage
            .and_then(|s| eframe::get_value::<Preferences>(s, PREFERENCES_KEY))
        {
            app.prefs = prefs;
        }
        app
    }

    /// The open document.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The selected node.
    #[must_use]
    pub fn selected(&self) -> Option<NodeId> {
        self.selected
    }

    /// The messages on screen.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        self.notices.list()
    }

    /// Sets the date that counts as today, for due dates (tests use a fixed date).
    pub fn set_today(&mut self, today: NaiveDate) {
        self.today = today;
    }

    /// The window title: "<file name> — relmap", with a ● while there are unsaved changes.
    #[must_use]
    pub fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        format!("{dirty}{} — relmap", self.doc.display_name())
    }

    /// Applies an edit to the document as one undo step. A refused edit is reported, never fatal.
    pub fn apply(&mut self, command: EditCommand) {
        if let Err(error) = self.doc.apply(command) {
            self.notices
                .error(format!("That change could not be made: {error}"));
        }
        self.forget_missing_selection();
    }

    /// Draws one frame and handles its input.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.handle_close_request(&ctx);
        self.poll_picker(&ctx);

        let mut commands = Vec::new();
        if self.prompt.is_none() && self.confirming.is_none() {
            commands.extend(AppCommand::consume_shortcuts(&ctx));
        }

        Panel::top("relmap-menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menu_bar(ui, &mut commands));
        });
        Panel::bottom("relmap-status").show(ui, |ui| self.status_bar(ui));
        if self.prefs.show_inspector {
            Panel::right("relmap-inspector")
                .resizable(true)
                .default_size(320.0)
                .min_size(220.0)
                .show(ui, |ui| {
                    inspector_ui(ui, self.doc.workbook(), self.selected, self.today);
                });
        }
        CentralPanel::no_frame().show(ui, |ui| {
            let output = self.canvas.ui(ui, self.doc.workbook(), self.selected);
            match output.select {
                Some(Select::Node(id)) => self.selected = Some(id),
                Some(Select::Nothing) => self.selected = None,
                None => {}
            }
            if !self.notices.list().is_empty() {
                let area = ui.max_rect().shrink(12.0);
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(area)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                child.set_max_width(area.width().min(720.0));
                let noticed = self.notices.ui(&mut child);
                if let Some(kind) = noticed.type_path {
                    self.prompt_for_path(kind);
                }
            }
        });

        self.dialogs(&ctx);
        for command in commands {
            self.run(command, &ctx);
        }
        self.update_title(&ctx);
    }

    fn menu_bar(&self, ui: &mut Ui, commands: &mut Vec<AppCommand>) {
        ui.menu_button("File", |ui| {
            for command in [AppCommand::New, AppCommand::Open, AppCommand::OpenPath] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            for command in [AppCommand::Save, AppCommand::SaveAs, AppCommand::SaveAsPath] {
                self.menu_item(ui, command, commands);
            }
            ui.separator();
            self.menu_item(ui, AppCommand::Quit, commands);
        });
        ui.menu_button("Edit", |ui| {
            self.menu_item(ui, AppCommand::Undo, commands);
            self.menu_item(ui, AppCommand::Redo, commands);
        });
        ui.menu_button("View", |ui| {
            self.menu_item(ui, AppCommand::FitMap, commands);
            let mut shown = self.prefs.show_inspector;
            if ui
                .checkbox(&mut shown, AppCommand::ToggleInspector.label())
                .on_hover_text(AppCommand::ToggleInspector.tooltip())
                .clicked()
            {
                commands.push(AppCommand::ToggleInspector);
            }
        });
    }

    fn menu_item(&self, ui: &mut Ui, command: AppCommand, commands: &mut Vec<AppCommand>) {
        let label = match command {
            AppCommand::Undo => self
                .doc
                .undo_label()
                .map_or_else(|| "Undo".to_owned(), |l| format!("Undo {l}")),
            AppCommand::Redo => self
                .doc
                .redo_label()
                .map_or_else(|| "Redo".to_owned(), |l| format!("Redo {l}")),
            other => other.label().to_owned(),
        };
        let enabled = match command {
            AppCommand::Undo => self.doc.can_undo(),
            AppCommand::Redo => self.doc.can_redo(),
            _ => true,
        };
        let mut button = egui::Button::new(label);
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(command.tooltip())
            .clicked()
        {
            commands.push(command);
            ui.close();
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let map = &self.doc.workbook().map;
            ui.label(format!("{} nodes", map.len()));
            ui.separator();
            if self.doc.is_dirty() {
                ui.label("Unsaved changes");
            } else if self.doc.path().is_some() {
                ui.label("Saved");
            } else {
                ui.label("Not saved yet");
            }
            if self.picking.is_some() {
                ui.separator();
                ui.label("Waiting for the file dialog…");
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(format!("{}%", self.canvas.zoom_percent()));
                ui.separator();
                ui.weak(
                    "Click a node to see its profile · drag the background to pan · scroll to zoom",
                );
            });
        });
    }

    fn dialogs(&mut self, ctx: &egui::Context) {
        if let Some(prompt) = &mut self.prompt {
            match prompt.show(ctx) {
                PromptAnswer::Open => {}
                PromptAnswer::Cancel => {
                    self.prompt = None;
                    self.after_save = None;
                }
                PromptAnswer::Chosen(path) => {
                    let kind = prompt.kind;
                    self.prompt = None;
                    self.picked(kind, path, ctx);
                }
            }
        }
        if let Some(action) = self.confirming {
            match confirm_unsaved(ctx, &self.doc.display_name()) {
                PromptAnswer::Open => {}
                PromptAnswer::Cancel => self.confirming = None,
                PromptAnswer::Chosen(SaveChoice::Discard) => {
                    self.confirming = None;
                    self.perform(action, ctx);
                }
                PromptAnswer::Chosen(SaveChoice::Save) => {
                    self.confirming = None;
                    if self.doc.path().is_some() {
                        if self.save() {
                            self.perform(action, ctx);
                        }
                    } else {
                        self.after_save = Some(action);
                        self.start_pick(PickKind::SaveAs);
                    }
                }
            }
        }
    }

    /// Runs one command.
    pub fn run(&mut self, command: AppCommand, ctx: &egui::Context) {
        match command {
            AppCommand::New => self.guard(PendingAction::New, ctx),
            AppCommand::Open => self.guard(PendingAction::Open, ctx),
            AppCommand::OpenPath => self.guard(PendingAction::OpenPath, ctx),
            AppCommand::Quit => self.guard(PendingAction::Quit, ctx),
            AppCommand::Save => {
                if self.doc.path().is_some() {
                    self.save();
                } else {
                    self.start_pick(PickKind::SaveAs);
                }
            }
            AppCommand::SaveAs => self.start_pick(PickKind::SaveAs),
            AppCommand::SaveAsPath => self.prompt_for_path(PickKind::SaveAs),
            AppCommand::Undo => {
                if let Err(error) = self.doc.undo() {
                    self.notices.error(format!("Could not undo: {error}"));
                }
                self.forget_missing_selection();
            }
            AppCommand::Redo => {
                if let Err(error) = self.doc.redo() {
                    self.notices.error(format!("Could not redo: {error}"));
                }
                self.forget_missing_selection();
            }
            AppCommand::FitMap => self.canvas.request_fit(),
            AppCommand::ToggleInspector => self.prefs.show_inspector = !self.prefs.show_inspector,
        }
    }

    /// Asks about unsaved changes before an action that would drop them.
    fn guard(&mut self, action: PendingAction, ctx: &egui::Context) {
        if self.doc.is_dirty() {
            self.confirming = Some(action);
        } else {
            self.perform(action, ctx);
        }
    }

    fn perform(&mut self, action: PendingAction, ctx: &egui::Context) {
        match action {
            PendingAction::New => self.start_new_map(),
            PendingAction::Open => self.start_pick(PickKind::Open),
            PendingAction::OpenPath => self.prompt_for_path(PickKind::Open),
            PendingAction::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.confirming = Some(PendingAction::Quit);
        }
    }

    fn start_new_map(&mut self) {
        let workbook = match storage::starter() {
            Ok(workbook) => workbook,
            Err(error) => {
                self.notices.error(format!(
                    "The starter template could not be read ({error}); starting an empty map."
                ));
                Workbook::default()
            }
        };
        self.replace_document(Document::new(workbook, None));
    }

    fn replace_document(&mut self, doc: Document) {
        self.selected = Some(doc.workbook().map.root());
        self.doc = doc;
        self.canvas.request_fit();
    }

    /// Opens a file. On failure the message names the file and the place, and the open map stays open.
    pub fn open_path(&mut self, path: PathBuf) {
        match storage::load(&path) {
            Ok(workbook) => self.replace_document(Document::new(workbook, Some(path))),
            Err(error) => self
                .notices
                .error(format!("Could not open the map. {error}")),
        }
    }

    /// Saves to the document's file. Returns whether it worked.
    fn save(&mut self) -> bool {
        let Some(path) = self.doc.path().map(ToOwned::to_owned) else {
            return false;
        };
        self.save_to(path)
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        match storage::save(&path, self.doc.workbook()) {
            Ok(()) => {
                self.doc.mark_saved(path);
                true
            }
            Err(error) => {
                self.notices.error(format!("Could not save. {error}"));
                false
            }
        }
    }

    fn start_pick(&mut self, kind: PickKind) {
        if self.picking.is_some() {
            return;
        }
        let directory = self
            .doc
            .path()
            .and_then(|p| p.parent())
            .map(ToOwned::to_owned);
        let file_name = match self.doc.path().and_then(|p| p.file_name()) {
            Some(name) => name.to_string_lossy().into_owned(),
            None => "My relationship map.ron".to_owned(),
        };
        self.picking = Some(kind);
        self.picker.start(PickRequest {
            kind,
            directory,
            file_name,
        });
    }

    fn poll_picker(&mut self, ctx: &egui::Context) {
        let Some(PickAnswer {
            kind,
            path,
            open_for,
        }) = self.picker.poll()
        else {
            return;
        };
        self.picking = None;
        if let Some(path) = path {
            self.picked(kind, path, ctx);
        } else if open_for < NO_DIALOG_THRESHOLD {
            // No dialog appeared. A Save As started by the unsaved-changes question stays pending, so that
            // saving through a typed path still carries on with what the user was doing.
            self.notices.push(Notice {
                level: super::notices::Level::Info,
                text: "No file dialog could be shown on this desktop (it needs a desktop portal or zenity). \
                       You can type the file's path instead."
                    .to_owned(),
                offer_path: Some(kind),
            });
        } else {
            // The user cancelled the dialog, and with it whatever was waiting for the save.
            self.after_save = None;
        }
    }

    fn picked(&mut self, kind: PickKind, path: PathBuf, ctx: &egui::Context) {
        match kind {
            PickKind::Open => self.open_path(path),
            PickKind::SaveAs => {
                let path = if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                };
                if self.save_to(path)
                    && let Some(action) = self.after_save.take()
                {
                    self.perform(action, ctx);
                }
            }
        }
    }

    fn prompt_for_path(&mut self, kind: PickKind) {
        let text = match (kind, self.doc.path()) {
            (PickKind::SaveAs, Some(path)) => path.display().to_string(),
            (PickKind::SaveAs, None) => std::env::current_dir()
                .map(|d| d.join("My relationship map.ron").display().to_string())
                .unwrap_or_default(),
            (PickKind::Open, _) => String::new(),
        };
        self.prompt = Some(PathPrompt::new(kind, text));
    }

    fn forget_missing_selection(&mut self) {
        if self
            .selected
            .is_some_and(|id| !self.doc.workbook().map.contains(id))
        {
            self.selected = None;
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title_shown {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }
}

impl eframe::App for RelmapApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFERENCES_KEY, &self.prefs);
    }
}
