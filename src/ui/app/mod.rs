//! `RelmapApp`: the window. It owns the open document and the view state, draws the panels, and applies what
//! they ask for once per frame, after drawing.

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use egui::{CentralPanel, Panel, Ui, ViewportCommand};

mod chrome;
mod clipboard;
mod commands;
mod deleting;
mod disk;
mod editing;
mod exchange;
mod files;
mod flow;
mod intents;
mod keyboard;
mod prefs;
mod recovery;

use flow::FileFlow;
use intents::Intent;
use keyboard::{Keyboard, Region};

use prefs::PREFERENCES_KEY;
pub use prefs::{Preferences, Theme};

use crate::document::{Document, EditCommand};
use crate::model::{NodeId, Workbook};
use crate::storage::Template;

use super::canvas::{self, CanvasState};
use super::command::AppCommand;
use super::deleted::DeletedBranches;
use super::file_dialog::FilePicker;
use super::find_bar::{FindBar, FindRequest};
use super::help::{FilePlaces, help_window};
use super::inspector::inspector_ui;
use super::link_inspector::link_inspector_ui;
use super::notices::{Notice, Notices};
use super::outline::OutlineState;
use super::palette::CommandPalette;
use super::plan::PlanPanel;
use super::selection::Selection;
use super::settings::settings_window;
use super::welcome::{Welcome, welcome_ui};

/// A dialog answer faster than this means no dialog was shown: rfd returns at once without a desktop portal
/// or zenity, and nobody cancels a real dialog that fast.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(250);

/// The longest an idle window goes without asking the clock for the date, so that "today" (contacts logged
/// today, overdue badges, the balance) rolls over at midnight even when nobody touches the window.
const CLOCK_CHECK: Duration = Duration::from_mins(1);

/// The height a first start leaves to the map, the menu bar and the status bar before the plan panel takes
/// its share, in points: the first level of a starter map at a readable size.
const MAP_ROOM: f32 = 520.0;

/// What the user was doing when relmap had to ask about unsaved changes; it is carried on once they answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PendingAction {
    /// Start a new map from a template.
    New(Template),
    /// Open the example map.
    OpenExample,
    /// Open a map with the file dialog.
    Open,
    /// Open a map by typing its path.
    OpenPath,
    /// Import another mind-map tool's file with the file dialog.
    Import,
    /// Open this file (from the recent files, or dropped on the window).
    OpenFile(PathBuf),
    /// Close the window.
    Quit,
}

/// The relmap window.
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent flags of the window, not a state machine"
)]
pub struct RelmapApp {
    doc: Document,
    canvas: CanvasState,
    selection: Selection,
    /// What recent deletes removed, so that undoing one selects what it restores.
    deleted: DeletedBranches,
    find: FindBar,
    outline: OutlineState,
    plan: PlanPanel,
    /// Whether the welcome screen is shown.
    welcome: bool,
    /// Whether the Preferences window is open.
    settings_open: bool,
    /// Whether the help window (F1) is open.
    help_open: bool,
    /// The command palette (Ctrl+Shift+P).
    palette: CommandPalette,
    /// Who has the keyboard, and where it goes back to.
    keyboard: Keyboard,
    /// What the open file looked like when relmap last read or wrote it.
    disk: Option<crate::storage::DiskStamp>,
    /// When the file was last checked for changes made elsewhere, in egui's clock.
    last_disk_check: f64,
    /// Whether the user was already asked about the current change on disk.
    disk_asked: bool,
    /// Where timestamped backups go; `None` keeps only the `.bak` beside the file.
    backups: Option<crate::storage::BackupStore>,
    /// Where recovery copies go; `None` writes none.
    recovery: Option<crate::storage::RecoveryStore>,
    /// The revision last written to the recovery copy.
    recovery_revision: Option<u64>,
    /// When the recovery copy was last written, in egui's clock.
    last_recovery_write: f64,
    /// The format version of the open file when it is older than the current one.
    older_format: Option<u32>,
    /// The other tool's file the open map was imported from, which names it until it is saved.
    imported_from: Option<PathBuf>,
    /// The nodes to draw when the export being chosen is of the selection only.
    export_selection: Option<Vec<NodeId>>,
    /// Whether a row of the outline has the keyboard this frame: arrows then follow the outline's rows.
    outline_has_keyboard: bool,
    /// Give the label field of the link inspector the keyboard at the next frame.
    focus_link_label: bool,
    picker: Box<dyn FilePicker>,
    /// What the window is doing with files: one state, carrying what the user was on their way to.
    flow: FileFlow,
    notices: Notices,
    prefs: Preferences,
    title_shown: String,
    allow_close: bool,
    /// The user chose to quit: the window is told to close at the end of the frame.
    close_pending: bool,
    /// The date that counts as today, read from `clock` at the start of every frame.
    today: NaiveDate,
    /// Where the date comes from: the local calendar, or whatever a test sets.
    clock: Box<dyn Fn() -> NaiveDate>,
}

impl RelmapApp {
    /// The app with `file` open, or the starter template as a new map. A file that cannot be read is reported,
    /// and the starter template opens instead, unsaved, so the file on disk is never overwritten by accident.
    #[must_use]
    pub fn new(file: Option<PathBuf>, picker: Box<dyn FilePicker>) -> RelmapApp {
        let mut app = RelmapApp {
            doc: Document::new(Workbook::default(), None),
            canvas: CanvasState::default(),
            selection: Selection::default(),
            deleted: DeletedBranches::default(),
            find: FindBar::default(),
            outline: OutlineState::default(),
            plan: PlanPanel::default(),
            welcome: false,
            settings_open: false,
            help_open: false,
            palette: CommandPalette::default(),
            keyboard: Keyboard::default(),
            disk: None,
            last_disk_check: 0.0,
            disk_asked: false,
            older_format: None,
            imported_from: None,
            export_selection: None,
            backups: None,
            recovery: None,
            recovery_revision: None,
            last_recovery_write: 0.0,
            outline_has_keyboard: false,
            focus_link_label: false,
            picker,
            flow: FileFlow::Idle,
            notices: Notices::default(),
            prefs: Preferences::default(),
            title_shown: String::new(),
            allow_close: false,
            close_pending: false,
            today: local_today(),
            clock: Box::new(local_today),
        };
        app.start_from(Template::FiveConstituencies);
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
        app.backups = crate::storage::BackupStore::default_location();
        if let Some(store) = crate::storage::RecoveryStore::default_location() {
            app.set_recovery_store(store);
        }
        if let Some(prefs) = cc
            .storage
            .and_then(|s| eframe::get_value::<Preferences>(s, PREFERENCES_KEY))
        {
            app.prefs = prefs;
            app.prefs.tidy();
            app.prefs.apply_looks(&cc.egui_ctx);
        }
        // A start without a file shows what relmap is for and where to begin: a template, the example, or a
        // recent map.
        app.welcome =
            app.doc.path().is_none() && app.notices.list().is_empty() && !app.offers_recovery();
        app
    }

    /// The open document.
    #[must_use]
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The primary selected node: the one the inspector shows.
    #[must_use]
    pub fn selected(&self) -> Option<NodeId> {
        self.selection.primary()
    }

    /// Every selected node.
    #[must_use]
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// Keeps timestamped backups in this store on every save.
    pub fn set_backup_store(&mut self, store: crate::storage::BackupStore) {
        self.backups = Some(store);
    }

    /// Shows the welcome screen, as on the first start.
    pub fn show_welcome(&mut self) {
        self.welcome = true;
    }

    /// Opens this tab of the plan panel, as clicking it does.
    pub fn open_plan_tab(&mut self, tab: super::plan::PlanTab) {
        self.plan.open_tab(tab);
    }

    /// The zoom of the map on screen, in screen points per canvas unit.
    #[must_use]
    pub fn zoom(&self) -> f32 {
        self.canvas.camera.zoom
    }

    /// Whether a title is being typed on the canvas.
    #[must_use]
    pub fn is_editing_title(&self) -> bool {
        self.canvas.title_edit.is_some()
    }

    /// The messages on screen.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        self.notices.list()
    }

    /// Sets the date that counts as today, for due dates, from now on (tests use a fixed date).
    pub fn set_today(&mut self, today: NaiveDate) {
        self.set_clock(move || today);
    }

    /// Takes the date that counts as today from `clock` instead of the local calendar. It is asked at the
    /// start of every frame, so a test can move the date on between frames.
    pub fn set_clock(&mut self, clock: impl Fn() -> NaiveDate + 'static) {
        self.today = clock();
        self.clock = Box::new(clock);
    }

    /// The window title: "<file name> — relmap", with a ● while there are unsaved changes.
    #[must_use]
    pub fn window_title(&self) -> String {
        let dirty = if self.doc.is_dirty() { "● " } else { "" };
        let read_only = if self.doc.is_read_only() {
            " (read-only)"
        } else {
            ""
        };
        format!("{dirty}{}{read_only} — relmap", self.doc.display_name())
    }

    /// Applies an edit to the document as one undo step. A refused edit is reported, never fatal.
    pub fn apply(&mut self, command: EditCommand) {
        if let Err(error) = self.doc.apply(command) {
            self.notices
                .error(format!("That change could not be made: {error}"));
        }
        self.forget_missing_selection();
    }

    /// Gives the document the canvas's measure whenever it has none for the current style (a new document, a
    /// change of theme, text size or scale), so that the layout always measures nodes as they are drawn.
    fn keep_measure(&mut self, ctx: &egui::Context) {
        let key = CanvasState::style_key(ctx);
        if self.doc.measure_key() != key {
            let measure = self.canvas.measure_for(ctx, key);
            self.doc.set_measure(key, measure);
            // Nodes measured anew are simply drawn in their places; nothing the user did moved them.
            self.canvas.show_next_change_at_once();
        }
    }

    /// Draws one frame and handles its input.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.keep_measure(&ctx);
        // The history follows the limit set in Preferences, on every map that opens.
        self.doc.set_undo_limit(self.prefs.undo_steps as usize);
        // Asking the clock is cheap, so every frame does; the repaint keeps an idle window asking.
        self.today = (self.clock)();
        ctx.request_repaint_after(CLOCK_CHECK);
        self.handle_close_request(&ctx);
        self.handle_dropped_files(&ctx);
        self.watch_file(&ctx);
        self.keep_recovery_copy(&ctx);
        self.poll_picker();

        let mut commands = Vec::new();
        // Escape closes the window on top: the palette handles its own; Preferences and help close here.
        if (self.settings_open || self.help_open)
            && !self.palette.is_open()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            if self.settings_open {
                self.settings_open = false;
            } else {
                self.help_open = false;
            }
        }
        // The welcome screen promises that F1 opens the help at any time; it steps aside for it.
        if self.welcome
            && AppCommand::Help
                .shortcut()
                .is_some_and(|shortcut| ctx.input_mut(|i| i.consume_shortcut(&shortcut)))
        {
            self.welcome = false;
            commands.push(AppCommand::Help);
        }
        let keyboard_active = !self.flow.is_modal() && !self.welcome;
        self.keyboard.begin(&ctx, keyboard_active);
        if keyboard_active {
            // Keys act on the map only while the map (or a row of the outline) has the keyboard: never while
            // typing, and never when nothing has it, so a key can only act on the map the user sees focused.
            let focused = ctx.memory(egui::Memory::focused);
            self.outline_has_keyboard = self.outline.has_keyboard(focused);
            // While a menu is open, its keys (Escape closes it) are not the map's.
            let menu_open = egui::Popup::is_any_open(&ctx);
            let map_has_keyboard = self.canvas.title_edit.is_none()
                && !menu_open
                && (focused == Some(canvas::canvas_id()) || self.outline_has_keyboard);
            // Undo and redo work from anywhere, as the Edit menu does, except in a text field: there Ctrl+Z
            // undoes the field's own typing, as in other programs.
            let in_text_field = focused.is_some_and(|id| {
                id != canvas::canvas_id() && egui::TextEdit::load_state(&ctx, id).is_some()
            });
            let typing_aside = self.canvas.title_edit.is_some() || in_text_field;
            commands.extend(AppCommand::consume_shortcuts(&ctx, |command| {
                let undo = matches!(command, AppCommand::Undo | AppCommand::Redo);
                (map_has_keyboard || !command.acts_on_the_map()) && !(undo && typing_aside)
            }));
            if map_has_keyboard && !self.outline_has_keyboard {
                self.type_over_selected(&ctx);
            }
            if map_has_keyboard {
                for request in clipboard::take_requests(&ctx) {
                    self.clipboard(request, &ctx);
                }
            }
        }

        // Every panel and the canvas draw from the same workbook: what they ask for is collected here and
        // applied once they have all been drawn.
        let mut intents: Vec<Intent> = Vec::new();
        self.keyboard.open_menu_with_down(&ctx);
        let menu_bar = Panel::top("relmap-menu").show(ui, |ui| {
            let entered = self.keyboard.enter_menu_bar(ui);
            self.keyboard.before_menu_bar(ui.ctx());
            let menus = egui::MenuBar::new()
                .style(chrome::menu_look)
                .config(egui::containers::menu::MenuConfig::new().style(chrome::menu_look))
                .ui(ui, |ui| self.menu_bar(ui, &mut commands))
                .inner;
            self.keyboard.between_menus(ui.ctx(), &menus);
            Keyboard::settle(ui, entered);
        });
        self.keyboard.menu_bar_drawn(menu_bar.response.rect);
        Panel::bottom("relmap-status").show(ui, |ui| self.status_bar(ui));
        if self.prefs.show_inspector {
            let inspector = Panel::right("relmap-inspector")
                .resizable(true)
                .default_size(320.0)
                .min_size(220.0)
                .show(ui, |ui| {
                    // A panel takes the width of what it shows; short content (nothing selected) would
                    // otherwise narrow it and shift the map.
                    ui.set_min_width(ui.available_width());
                    let entered = self.keyboard.enter(ui, Region::Inspector);
                    if let Some(link) = self.selection.link() {
                        let focus = std::mem::take(&mut self.focus_link_label);
                        if let Some(edit) = link_inspector_ui(ui, self.doc.workbook(), link, focus)
                        {
                            intents.push(Intent::Link(link, edit));
                        }
                    } else {
                        let edits = inspector_ui(
                            ui,
                            self.doc.workbook(),
                            self.selection.primary(),
                            self.today,
                        );
                        intents.extend(edits.into_iter().map(Intent::Panel));
                    }
                    Keyboard::settle(ui, entered);
                });
            self.keyboard
                .drawn(Region::Inspector, inspector.response.rect);
        }
        if self.prefs.show_plan {
            // 300 points at first, less on a small screen, so that the map keeps room to show its first level
            // at a size that can be read. The user can drag the panel taller.
            let plan_height = (ctx.content_rect().height() - MAP_ROOM).clamp(120.0, 300.0);
            let plan = Panel::bottom("relmap-plan")
                .resizable(true)
                .default_size(plan_height)
                .min_size(120.0)
                .show(ui, |ui| {
                    ui.set_min_height(ui.available_height());
                    let entered = self.keyboard.enter(ui, Region::Plan);
                    let edits = self.plan.ui(
                        ui,
                        self.doc.workbook(),
                        self.doc.version(),
                        self.selection.primary(),
                        self.today,
                        &mut self.prefs.hidden_plan_tabs,
                    );
                    Keyboard::settle(ui, entered);
                    edits
                });
            self.keyboard.drawn(Region::Plan, plan.response.rect);
            intents.extend(plan.inner.into_iter().map(Intent::Panel));
        }
        if self.prefs.show_outline {
            let outline = Panel::left("relmap-outline")
                .resizable(true)
                .default_size(260.0)
                .min_size(160.0)
                .show(ui, |ui| {
                    ui.set_min_width(ui.available_width());
                    ui.heading("Outline");
                    self.outline.ui(ui, self.doc.workbook(), &self.selection)
                });
            self.keyboard.drawn(Region::Outline, outline.response.rect);
            intents.extend(outline.inner.into_iter().map(Intent::Outline));
        }
        let markers = self.prefs.show_markers.then_some(self.today);
        self.canvas.hide_minimap = !self.prefs.show_minimap;
        CentralPanel::no_frame().show(ui, |ui| {
            let area = ui.available_rect_before_wrap();
            let canvas_intents = self.canvas.ui(
                ui,
                self.doc.workbook(),
                &self.selection,
                self.find.hits(self.doc.version()),
                markers,
                self.doc.drawn_version(),
            );
            intents.extend(canvas_intents.into_iter().map(Intent::Canvas));
            if self.find.is_open() {
                let bar = egui::Rect::from_min_max(
                    area.right_top() + egui::vec2(-560.0, 8.0),
                    area.right_top() + egui::vec2(-8.0, 60.0),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(bar)
                        .layout(egui::Layout::right_to_left(egui::Align::Min)),
                );
                match self
                    .find
                    .ui(&mut child, self.doc.workbook(), self.doc.version())
                {
                    Some(FindRequest::Show(id)) => intents.push(Intent::ShowHit(id)),
                    Some(FindRequest::Close) => self.canvas.request_focus(),
                    None => {}
                }
            }
            if !self.notices.list().is_empty() {
                // Below the map's toolbar, which stays in reach.
                let mut area = ui.max_rect().shrink(12.0);
                area.min.y += 36.0;
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(area)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                child.set_max_width(area.width().min(720.0));
                let offers = |notices: &Notices| {
                    notices
                        .list()
                        .iter()
                        .filter(|n| n.offer_path.is_some())
                        .count()
                };
                let offered = offers(&self.notices);
                let noticed = self.notices.ui(&mut child);
                if noticed.undo {
                    commands.push(AppCommand::Undo);
                }
                if let Some(kind) = noticed.type_path {
                    intents.push(Intent::TypePath(kind));
                } else if offers(&self.notices) < offered {
                    intents.push(Intent::OfferDismissed);
                }
            }
        });

        if self.welcome {
            let outcome = welcome_ui(&ctx, &self.prefs.recent);
            if outcome != Welcome::Open {
                self.welcome = false;
            }
            match outcome {
                Welcome::Chosen(command) => commands.push(command),
                Welcome::OpenFile(path) => intents.push(Intent::OpenFile(path)),
                Welcome::Open | Welcome::Closed => {}
            }
        }
        if self.settings_open && settings_window(&ctx, &mut self.settings_open, &mut self.prefs) {
            self.prefs.apply_looks(&ctx);
        }
        if self.help_open {
            let places = self.file_places();
            help_window(&ctx, &mut self.help_open, &places);
        }
        if let Some(command) = self.palette.ui(&ctx) {
            commands.push(command);
            self.canvas.request_focus();
        }
        // The UI pass is over: now the map changes, edits first and then commands, in the order they came.
        for intent in intents {
            self.apply_intent(intent, &ctx);
        }
        // A title being typed when the user saves goes on being typed afterwards, as text does in any editor.
        let typing = self.canvas.title_edit.as_ref().map(canvas::TitleEdit::node);
        let resume = typing.filter(|_| commands.iter().all(|&c| c == AppCommand::Save));
        if !commands.is_empty() {
            // A command acts on what the user sees: a title or a field still being typed is applied first.
            self.commit_edits_in_flight(&ctx);
        }
        let ran = !commands.is_empty();
        for command in commands {
            self.run(command, &ctx);
        }
        if let Some(node) = resume.filter(|_| ran && !self.flow.is_modal()) {
            self.canvas.resume_title(self.doc.workbook(), node);
        }
        self.notices.forget_undo_offers(self.doc.version());
        // The file flow's questions come last. They are modal, so while one is up the panels took no input, and
        // an answer that opens another map never meets edits meant for the one before.
        self.dialogs(&ctx);
        self.disk_question_ui(&ctx);
        self.recovery_offer_ui(&ctx);
        if std::mem::take(&mut self.close_pending) {
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        self.update_title(&ctx);
        let keyboard_active = !self.flow.is_modal() && !self.welcome;
        let row = self.outline.has_keyboard(ctx.memory(egui::Memory::focused));
        self.keyboard
            .end(&ctx, self.canvas.area(), keyboard_active, row);
    }

    /// Where the open map, its backups and recovery copies are kept, for the help window.
    fn file_places(&self) -> FilePlaces {
        FilePlaces {
            map: self.doc.path().map(|p| p.display().to_string()),
            backups: self
                .backups
                .as_ref()
                .map(|store| store.dir().display().to_string()),
            recovery: self
                .recovery
                .as_ref()
                .map(|store| store.dir().display().to_string()),
        }
    }

    fn forget_missing_selection(&mut self) {
        self.selection.retain_visible(&self.doc.workbook().map);
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

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: nothing to recover next time.
        self.remove_recovery_copy();
    }
}

/// Today in the user's time zone.
fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
