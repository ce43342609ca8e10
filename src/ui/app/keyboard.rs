//! Who has the keyboard. Map keys act only while the map holds egui's keyboard focus, so where that focus is
//! decides what a key does. This keeps it where the user put it: a click on a label or on a panel's background
//! never hands it to the map, and a key that makes a field let go (Escape, Enter) or a closing popup never
//! leaves it with nothing, from where the next key would act on a map the user is not looking at.

use egui::{Context, FocusDirection, Id, Key, Order, Rect, Ui};

use crate::ui::canvas;

/// The parts of the window that F6 and Shift+F6 move the keyboard between, in that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// The map canvas.
    Map,
    /// The inspector of the selected node.
    Inspector,
    /// The plan panel.
    Plan,
    /// The outline.
    Outline,
}

impl Region {
    const CYCLE: [Region; 4] = [
        Region::Map,
        Region::Inspector,
        Region::Plan,
        Region::Outline,
    ];
}

/// How many frames in a row the keyboard is given back before relmap leaves it with nothing.
const GIVE_BACK_ATTEMPTS: u8 = 3;

/// Where the keyboard goes when the field that had it lets go of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    /// Back to the same widget: Escape leaves the user where they were.
    Stay,
    /// On to the widget after it: Enter in a one-line field moves to the next field or row.
    Next,
}

/// Keeps track of the keyboard between frames.
#[derive(Debug, Default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts about this frame's keys and requests, not a state machine"
)]
pub struct Keyboard {
    /// The widget that had the keyboard at the end of the last frame, unless it was in the menu bar.
    last: Option<Id>,
    /// The last widget of the map or a panel (not of a popup, a window or the menu bar) that had the keyboard:
    /// where it goes back to when a popup or a window that had it closes.
    home: Option<Id>,
    /// The user pressed the pointer on something that does not take the keyboard, so nothing has it, on
    /// purpose, until the user picks something.
    released: bool,
    /// Give the keyboard to this widget at the start of the next frame.
    give_back: Option<(Id, Then)>,
    /// How many frames in a row the keyboard was given back without anything keeping it. A widget under a
    /// dialog that closed this frame cannot take it yet, so it is tried again before giving up.
    attempts: u8,
    /// A panel asked for with F6: its first widget that takes the keyboard gets it while it is drawn.
    requested: Option<Region>,
    /// The menu bar was asked for with F10.
    menu_requested: bool,
    /// Where each region was drawn this frame, and the frame before.
    drawn: Vec<(Region, Rect)>,
    drawn_before: Vec<(Region, Rect)>,
    /// Where the menu bar was drawn.
    menu_bar: Option<Rect>,
    /// Enter and Escape were pressed this frame, seen before any widget takes the key out of the input.
    enter: bool,
    escape: bool,
    /// A popup (a menu, the date picker) was open when the frame began: Escape closed it.
    popup_was_open: bool,
    /// Enter in a field is passing the keyboard on to the next text field: egui hands it from widget to
    /// widget, and buttons on the way (a row's arrows) are passed over, one a frame.
    chase: Option<Chase>,
    /// Pass the keyboard on from the widget that has it at the start of the next frame.
    chase_step: bool,
    /// Who had the keyboard as the menu bar was about to be drawn.
    menu_focus: Option<Id>,
    /// Left or Right in an open menu asked for the menu bar's menu beside it: its button and its popup.
    menu_switch: Option<(Id, Id)>,
    /// That menu opened last frame: its first item takes the keyboard now.
    menu_entering: bool,
    /// F6 gave a region the keyboard this frame: a text field that took it has its cursor put after its text,
    /// so typing adds to it and never wipes it unseen (the first field of the inspector is the node's title).
    entered: bool,
}

/// The keyboard on its way from a field where Enter was pressed to the next text field of the same region.
#[derive(Clone, Copy, Debug)]
struct Chase {
    /// The field Enter was pressed in, where the keyboard goes back if there is no text field after it.
    origin: Id,
    /// The region the next field must be in.
    area: Rect,
    /// How many widgets were passed over so far.
    passed: u8,
}

/// The most widgets Enter passes over looking for the next text field.
const CHASE_LIMIT: u8 = 6;

/// Whether `id` is a text field: egui keeps a text field's state under its id once it has been drawn.
fn is_text_field(ctx: &Context, id: Id) -> bool {
    id != canvas::canvas_id() && egui::TextEdit::load_state(ctx, id).is_some()
}

impl Keyboard {
    /// Starts a frame: gives the keyboard back where the last frame left it with nothing. `active` is false
    /// while a modal question or the welcome screen owns the window; they manage the keyboard themselves.
    pub fn begin(&mut self, ctx: &Context, active: bool) {
        self.drawn_before = std::mem::take(&mut self.drawn);
        self.enter = ctx.input(|i| i.key_pressed(Key::Enter));
        self.escape = ctx.input(|i| i.key_pressed(Key::Escape));
        // egui's own popups and the date picker's calendar (an area of its own) are both in front of the panels.
        self.popup_was_open = egui::Popup::is_any_open(ctx)
            || ctx.memory(|m| {
                m.areas()
                    .visible_layer_ids()
                    .iter()
                    .any(|layer| layer.order == Order::Foreground)
            });
        if std::mem::take(&mut self.menu_entering) {
            // Down, as if pressed, enters the first item of the menu opened last frame: a menu's first frame
            // only measures it.
            ctx.memory_mut(|m| m.move_focus(FocusDirection::Down));
        }
        if let Some((button, popup)) = self.menu_switch.take() {
            // The menu beside opens with the keyboard on its button.
            egui::Popup::open_id(ctx, popup);
            ctx.memory_mut(|m| m.request_focus(button));
            self.menu_entering = true;
            ctx.request_repaint();
        }
        if std::mem::take(&mut self.chase_step) {
            ctx.memory_mut(|m| m.move_focus(FocusDirection::Next));
        }
        let Some((id, then)) = self.give_back.take() else {
            return;
        };
        if !active || ctx.memory(egui::Memory::focused).is_some() {
            return;
        }
        let drawn = |id: Id| ctx.read_response(id).is_some();
        let (target, then) = if drawn(id) {
            (id, then)
        } else if let Some(home) = self.home.filter(|&home| drawn(home)) {
            (home, Then::Stay)
        } else {
            (canvas::canvas_id(), Then::Stay)
        };
        self.attempts += 1;
        if then == Then::Next {
            let rect = ctx.read_response(target).map(|r| r.rect);
            let area = self
                .drawn_before
                .iter()
                .map(|&(_, area)| area)
                .find(|area| rect.is_some_and(|rect| area.intersects(rect)))
                .unwrap_or(Rect::EVERYTHING);
            self.chase = Some(Chase {
                origin: target,
                area,
                passed: 0,
            });
        }
        ctx.memory_mut(|m| {
            m.request_focus(target);
            if then == Then::Next {
                // egui passes the keyboard on from the focused widget to the next one that takes it, as Tab
                // does, when that widget is drawn.
                m.move_focus(FocusDirection::Next);
            }
        });
    }

    /// Ends a frame, after every panel and window was drawn: notes who has the keyboard, takes it from the map
    /// when the user pressed on a panel, and decides where it goes back to when nothing has it.
    pub fn end(&mut self, ctx: &Context, map_area: Option<Rect>, active: bool, keyboard_row: bool) {
        let canvas = canvas::canvas_id();
        let mut focused = ctx.memory(egui::Memory::focused);
        // egui lets go of a text field when a click ends elsewhere, so a release counts as well as a press.
        let press = ctx.input(|i| {
            (i.pointer.any_pressed() || i.pointer.any_released())
                .then(|| i.pointer.interact_pos())
                .flatten()
        });
        // A press on a popup, a window or the menu bar is not a press on a panel: menus, the date picker and
        // dialogs hand the keyboard back when they close.
        let press_on_panel = press.filter(|&pos| {
            ctx.layer_id_at(pos)
                .is_none_or(|layer| layer.order == Order::Background)
                && !self.menu_bar.is_some_and(|bar| bar.contains(pos))
        });
        if let Some(pos) = press_on_panel
            && focused == Some(canvas)
            && !map_area.is_some_and(|area| area.contains(pos))
        {
            ctx.memory_mut(|m| m.surrender_focus(canvas));
            focused = None;
        }
        if !active {
            self.give_back = None;
            self.last = focused;
            return;
        }
        if let Some(chase) = self.chase.take() {
            self.chase_on(ctx, chase, focused);
        }
        if std::mem::take(&mut self.entered)
            && let Some(id) = focused.filter(|&id| is_text_field(ctx, id))
            && let Some(mut state) = egui::TextEdit::load_state(ctx, id)
        {
            // egui keeps the cursor within the text, so a cursor far beyond it stands for its end.
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(
                    egui::text::CCursor::new(usize::MAX),
                )));
            state.store(ctx, id);
        }
        match focused {
            Some(id) => {
                self.released = false;
                self.attempts = 0;
                let rect = ctx.read_response(id).map(|r| (r.rect, r.layer_id.order));
                let in_menu_bar = rect.is_some_and(|(rect, order)| {
                    order == Order::Background
                        && self.menu_bar.is_some_and(|bar| bar.intersects(rect))
                });
                if in_menu_bar {
                    // Escape in the menu bar goes back to where the user was, not to the menu bar.
                    self.last = None;
                } else {
                    self.last = Some(id);
                    // Home is where typing goes on: the map, a row of the outline, a text field of a panel. A
                    // button is not: Escape on it goes home.
                    let on_panel = rect.is_some_and(|(_, order)| order == Order::Background);
                    if id == canvas || keyboard_row || (on_panel && is_text_field(ctx, id)) {
                        self.home = Some(id);
                    }
                }
            }
            // A menu opened with the mouse takes the keyboard from the map: with nothing focused, egui's menu
            // moves into its items with the arrows, and Enter reaches nothing. The keyboard goes back when the
            // menu closes.
            None if egui::Popup::is_any_open(ctx) => {}
            None if press_on_panel.is_some() => {
                self.released = true;
                self.last = None;
            }
            None if self.released || self.attempts >= GIVE_BACK_ATTEMPTS => {
                // Nothing took the keyboard back: leave it until the user picks something, rather than
                // asking again every frame.
                self.released = true;
                self.attempts = 0;
                self.last = None;
            }
            None => {
                let then = if self.enter && self.last.is_some() {
                    Then::Next
                } else {
                    Then::Stay
                };
                // Escape on a button (a row's arrows, the map's toolbar) goes home; in a text field, or on the
                // button whose popup it closed (a date), it stays.
                let last = self.last.filter(|&id| {
                    !self.escape || self.popup_was_open || id == canvas || is_text_field(ctx, id)
                });
                let target = last.or(self.home).unwrap_or(canvas);
                self.give_back = Some((target, then));
                ctx.request_repaint();
            }
        }
    }

    /// Goes on passing the keyboard over the widgets after a field where Enter was pressed, to the next text
    /// field of the same region; without one, back to the field.
    fn chase_on(&mut self, ctx: &Context, mut chase: Chase, focused: Option<Id>) {
        let Some(id) = focused else {
            return;
        };
        // Only what is in sight counts: a field scrolled out of the panel would take typing the user cannot see.
        let inside = ctx
            .read_response(id)
            .is_some_and(|r| chase.area.contains_rect(r.rect));
        if is_text_field(ctx, id) && inside {
            return;
        }
        if inside && !is_text_field(ctx, id) && chase.passed < CHASE_LIMIT {
            chase.passed += 1;
            self.chase = Some(chase);
            self.chase_step = true;
        } else {
            ctx.memory_mut(|m| m.request_focus(chase.origin));
        }
        ctx.request_repaint();
    }

    /// Opens the menu of the menu bar that has the keyboard when Down is pressed, as Enter does: egui would
    /// otherwise move the keyboard to whatever lies below the menu bar.
    pub fn open_menu_with_down(&self, ctx: &Context) {
        let Some(bar) = self.menu_bar else { return };
        let on_bar = ctx
            .memory(egui::Memory::focused)
            .and_then(|id| ctx.read_response(id))
            .is_some_and(|r| {
                r.layer_id.order == Order::Background && bar.contains(r.rect.center())
            });
        if on_bar
            && !egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::ArrowDown))
        {
            ctx.memory_mut(|m| m.move_focus(FocusDirection::None));
            ctx.input_mut(|i| {
                i.events.push(egui::Event::Key {
                    key: Key::Enter,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                });
            });
        }
    }

    /// Call before drawing the menu bar: notes who has the keyboard, for [`Keyboard::between_menus`].
    pub fn before_menu_bar(&mut self, ctx: &Context) {
        self.menu_focus = ctx.memory(egui::Memory::focused);
    }

    /// Call after drawing the menu bar, whose menus' buttons are `menus`: Left or Right in an open menu goes to
    /// the menu before or after it, as in other programs. Right on an item that opens a submenu opens that
    /// instead, and Left in a submenu goes back to its parent: egui's menus do both.
    pub fn between_menus(&mut self, ctx: &Context, menus: &[egui::Response]) {
        let pressed = |key| ctx.input(|i| i.modifiers.is_none() && i.key_pressed(key));
        let step = if pressed(Key::ArrowRight) {
            1
        } else if pressed(Key::ArrowLeft) {
            menus.len().saturating_sub(1)
        } else {
            return;
        };
        let popup_of = egui::Popup::default_response_id;
        let Some(open) = menus
            .iter()
            .position(|menu| egui::Popup::is_id_open(ctx, popup_of(menu)))
        else {
            return;
        };
        let popup = popup_of(&menus[open]);
        let in_menu = self.menu_focus.is_some_and(|id| {
            id == menus[open].id
                || ctx
                    .read_response(id)
                    .is_some_and(|r| r.layer_id.id == popup)
        });
        let submenu_open =
            egui::containers::menu::MenuState::from_id(ctx, popup, |menu| menu.open_item).is_some();
        if !in_menu || (step == 1 && submenu_open) {
            return;
        }
        let next = &menus[(open + step) % menus.len()];
        self.menu_switch = Some((next.id, popup_of(next)));
        ctx.request_repaint();
    }

    /// Notes where the menu bar was drawn.
    pub fn menu_bar_drawn(&mut self, rect: Rect) {
        self.menu_bar = Some(rect);
    }

    /// Notes where a region was drawn this frame.
    pub fn drawn(&mut self, region: Region, rect: Rect) {
        self.drawn.push((region, rect));
    }

    /// The region that has the keyboard, or had it last.
    #[must_use]
    pub fn region(&self, ctx: &Context) -> Region {
        let Some(id) = ctx.memory(egui::Memory::focused).or(self.home) else {
            return Region::Map;
        };
        if id == canvas::canvas_id() {
            return Region::Map;
        }
        let Some(rect) = ctx.read_response(id).map(|r| r.rect) else {
            return Region::Map;
        };
        self.drawn_before
            .iter()
            .chain(&self.drawn)
            .find(|(_, area)| area.intersects(rect))
            .map_or(Region::Map, |&(region, _)| region)
    }

    /// The region after (or before) the one with the keyboard, among those on screen.
    #[must_use]
    pub fn next_region(&self, ctx: &Context, forward: bool) -> Region {
        let shown: Vec<Region> = Region::CYCLE
            .into_iter()
            .filter(|&region| {
                region == Region::Map || self.drawn_before.iter().any(|&(r, _)| r == region)
            })
            .collect();
        let current = self.region(ctx);
        let at = shown.iter().position(|&r| r == current).unwrap_or(0);
        let step = if forward { 1 } else { shown.len() - 1 };
        shown[(at + step) % shown.len()]
    }

    /// Asks for the first widget of `region` to take the keyboard while it is drawn next.
    pub fn request(&mut self, region: Region) {
        self.requested = Some(region);
        self.released = false;
    }

    /// Asks for the first menu of the menu bar to take the keyboard while it is drawn next.
    pub fn request_menu_bar(&mut self) {
        self.menu_requested = true;
        self.released = false;
    }

    /// Call before drawing the contents of `region`: gives the keyboard to its first widget that takes it, when
    /// F6 asked for it. Returns whether it did, for [`Keyboard::settle`].
    pub fn enter(&mut self, ui: &Ui, region: Region) -> bool {
        if self.requested != Some(region) {
            return false;
        }
        self.requested = None;
        self.entered = true;
        take_first(ui);
        true
    }

    /// Call before drawing the menu bar: gives the keyboard to its first menu when F10 asked for it.
    pub fn enter_menu_bar(&mut self, ui: &Ui) -> bool {
        if !std::mem::take(&mut self.menu_requested) {
            return false;
        }
        take_first(ui);
        true
    }

    /// Call after drawing a region that [`Keyboard::enter`] gave the keyboard to: when nothing in it takes the
    /// keyboard, the request ends there instead of passing to whatever is drawn next.
    pub fn settle(ui: &Ui, entered: bool) {
        if entered && ui.memory(egui::Memory::focused).is_none() {
            ui.memory_mut(|m| m.move_focus(FocusDirection::None));
        }
    }
}

/// Lets the next widget drawn that takes the keyboard have it, as Tab does when nothing has it.
fn take_first(ui: &Ui) {
    ui.memory_mut(|m| {
        m.stop_text_input();
        m.move_focus(FocusDirection::Next);
    });
}
