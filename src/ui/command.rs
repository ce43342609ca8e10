//! `AppCommand`: every command of the application, with its menu text, keyboard shortcut and tooltip in one
//! place, so that menus, key handling and (later) the command palette never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppCommand {
    /// Start a new map from the starter template.
    New,
    /// Open a map with the file dialog.
    Open,
    /// Open a map by typing its path.
    OpenPath,
    /// Save to the current file.
    Save,
    /// Save to a new file chosen in the file dialog.
    SaveAs,
    /// Save to a new file by typing its path.
    SaveAsPath,
    /// Close the window.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Zoom and pan so that the whole map is visible.
    FitMap,
    /// Show or hide the inspector of the selected node.
    ToggleInspector,
}

impl AppCommand {
    /// Every command, in menu order.
    pub const ALL: [AppCommand; 11] = [
        AppCommand::New,
        AppCommand::Open,
        AppCommand::OpenPath,
        AppCommand::Save,
        AppCommand::SaveAs,
        AppCommand::SaveAsPath,
        AppCommand::Quit,
        AppCommand::Undo,
        AppCommand::Redo,
        AppCommand::FitMap,
        AppCommand::ToggleInspector,
    ];

    /// The menu text.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            AppCommand::New => "New",
            AppCommand::Open => "Open…",
            AppCommand::OpenPath => "Open path…",
            AppCommand::Save => "Save",
            AppCommand::SaveAs => "Save As…",
            AppCommand::SaveAsPath => "Save As path…",
            AppCommand::Quit => "Quit",
            AppCommand::Undo => "Undo",
            AppCommand::Redo => "Redo",
            AppCommand::FitMap => "Fit map to window",
            AppCommand::ToggleInspector => "Inspector",
        }
    }

    /// What the command does, for tooltips.
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        match self {
            AppCommand::New => "Start a new map from the five-constituencies template",
            AppCommand::Open => "Open a relmap map (.ron) with the file dialog",
            AppCommand::OpenPath => {
                "Open a map by typing its path, for when no file dialog appears"
            }
            AppCommand::Save => "Save the map to its file",
            AppCommand::SaveAs => "Save the map to a new file chosen in the file dialog",
            AppCommand::SaveAsPath => "Save the map to a new file by typing its path",
            AppCommand::Quit => "Close relmap",
            AppCommand::Undo => "Undo the last change",
            AppCommand::Redo => "Redo the last undone change",
            AppCommand::FitMap => "Zoom and pan so that the whole map is visible",
            AppCommand::ToggleInspector => {
                "Show or hide the panel with the selected node's profile"
            }
        }
    }

    /// The keyboard shortcut, if any.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let ctrl = Modifiers::COMMAND;
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            AppCommand::New => key(ctrl, Key::N),
            AppCommand::Open => key(ctrl, Key::O),
            AppCommand::Save => key(ctrl, Key::S),
            AppCommand::SaveAs => key(ctrl_shift, Key::S),
            AppCommand::Quit => key(ctrl, Key::Q),
            AppCommand::Undo => key(ctrl, Key::Z),
            AppCommand::Redo => key(ctrl_shift, Key::Z),
            AppCommand::FitMap => key(ctrl, Key::Num0),
            AppCommand::OpenPath | AppCommand::SaveAsPath | AppCommand::ToggleInspector => None,
        }
    }

    /// Further shortcuts that do the same, not shown in menus.
    #[must_use]
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        match self {
            AppCommand::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }

    /// Takes the commands whose shortcuts were pressed this frame out of the input. Shortcuts with more
    /// modifiers are matched first, so Ctrl+Shift+S never also counts as Ctrl+S.
    #[must_use]
    pub fn consume_shortcuts(ctx: &egui::Context) -> Vec<AppCommand> {
        let mut shortcuts: Vec<(KeyboardShortcut, AppCommand)> = AppCommand::ALL
            .iter()
            .flat_map(|&command| {
                [command.shortcut(), command.alternative_shortcut()]
                    .into_iter()
                    .flatten()
                    .map(move |s| (s, command))
            })
            .collect();
        shortcuts
            .sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        ctx.input_mut(|input| {
            shortcuts
                .iter()
                .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|&(_, command)| command)
                .collect()
        })
    }
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.ctrl || modifiers.command)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = std::collections::HashSet::new();
        for command in AppCommand::ALL {
            for shortcut in [command.shortcut(), command.alternative_shortcut()]
                .into_iter()
                .flatten()
            {
                assert!(seen.insert(shortcut), "{command:?} reuses {shortcut:?}");
            }
        }
    }

    #[test]
    fn every_command_has_a_label_and_a_tooltip() {
        for command in AppCommand::ALL {
            assert!(!command.label().is_empty());
            assert!(command.tooltip().len() > command.label().len());
        }
    }
}
