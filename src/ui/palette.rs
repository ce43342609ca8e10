//! The command palette (Ctrl+Shift+P): every [`AppCommand`] by name, with its shortcut. Typing narrows the list
//! to the commands whose name or group holds every word typed; Up and Down pick one, Enter or a click runs it,
//! Escape closes the palette.

use egui::{Key, Modifiers, RichText, TextEdit};

use super::command::AppCommand;

/// The palette's state: whether it is open, what was typed and which command is picked.
#[derive(Debug, Default)]
pub struct CommandPalette {
    open: bool,
    query: String,
    picked: usize,
    /// The text field has not been shown yet: it takes the keyboard then.
    first_frame: bool,
}

/// The label of the palette's text field, which is also its name for screen readers and tests.
pub const QUERY_LABEL: &str = "Run a command";

impl CommandPalette {
    /// Opens the palette with an empty query.
    pub fn open(&mut self) {
        self.open = true;
        self.query.clear();
        self.picked = 0;
        self.first_frame = true;
    }

    /// Whether the palette is open.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows the palette while it is open. Returns the command chosen, if one was.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<AppCommand> {
        if !self.open {
            return None;
        }
        let matches = matching(&self.query);
        // The list keys are taken before the text field sees them.
        let (up, down, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if escape {
            self.open = false;
            return None;
        }
        if down && self.picked + 1 < matches.len() {
            self.picked += 1;
        }
        if up {
            self.picked = self.picked.saturating_sub(1);
        }
        self.picked = self.picked.min(matches.len().saturating_sub(1));
        let mut chosen = enter.then(|| matches.get(self.picked).copied()).flatten();

        let top = ctx.content_rect().center_top() + egui::vec2(0.0, 60.0);
        egui::Window::new("Command palette")
            .title_bar(false)
            .pivot(egui::Align2::CENTER_TOP)
            .fixed_pos(top)
            .resizable(false)
            .min_width(460.0)
            .max_width(460.0)
            .show(ctx, |ui| {
                let label = ui.label(RichText::new(QUERY_LABEL).strong());
                let field = ui
                    .add(
                        TextEdit::singleline(&mut self.query)
                            .hint_text("Type part of a command's name")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if self.first_frame {
                    field.request_focus();
                    self.first_frame = false;
                }
                if field.changed() {
                    self.picked = 0;
                }
                ui.separator();
                if matches.is_empty() {
                    ui.weak("No command has that name.");
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for (index, &command) in matches.iter().enumerate() {
                            let shortcut = command
                                .shortcut()
                                .map(|s| ui.ctx().format_shortcut(&s))
                                .unwrap_or_default();
                            let row = ui.add(
                                egui::Button::selectable(
                                    index == self.picked,
                                    command.full_label(),
                                )
                                .shortcut_text(shortcut)
                                .min_size(egui::vec2(ui.available_width(), 0.0)),
                            );
                            if index == self.picked && (up || down) {
                                row.scroll_to_me(None);
                            }
                            // The row the mouse moves onto becomes the picked one, so one row is marked, and
                            // the arrows go on from it.
                            if row.hovered() && ui.input(|i| i.pointer.is_moving()) {
                                self.picked = index;
                            }
                            if row.on_hover_text(command.tooltip()).clicked() {
                                chosen = Some(command);
                            }
                        }
                    });
            });
        if chosen.is_some() {
            self.open = false;
        }
        chosen
    }
}

/// The commands whose name or group holds every word of `query` (in any case), in the order of
/// [`AppCommand::GROUPS`] and then of [`AppCommand::ALL`]. The palette itself is not among them.
#[must_use]
pub fn matching(query: &str) -> Vec<AppCommand> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<AppCommand> = AppCommand::ALL
        .into_iter()
        .filter(|&command| command != AppCommand::CommandPalette)
        .filter(|command| {
            let haystack = format!("{} {}", command.full_label(), command.group()).to_lowercase();
            words.iter().all(|word| haystack.contains(word.as_str()))
        })
        .collect();
    found.sort_by_key(|command| {
        AppCommand::GROUPS
            .iter()
            .position(|&group| group == command.group())
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_query_lists_every_command_but_the_palette() {
        let all = matching("");
        assert_eq!(all.len(), AppCommand::ALL.len() - 1);
        assert!(!all.contains(&AppCommand::CommandPalette));
    }

    #[test]
    fn every_word_typed_must_match_in_any_case() {
        assert_eq!(matching("add CHILD"), vec![AppCommand::AddChild]);
        assert!(matching("export").len() >= 6);
        assert!(matching("export zebra").is_empty());
        // A group's name finds its commands too.
        assert!(matching("files").contains(&AppCommand::Save));
    }
}
