//! The help window (F1): every keyboard shortcut grouped as the menus are, how to draw a map, attach strategies
//! and log contacts, and where maps, backups and recovery copies are kept. The shortcuts come from
//! [`AppCommand`], so the help never disagrees with the menus.

use egui::{Grid, RichText, ScrollArea, Ui, Window};

use super::command::AppCommand;

/// Where the user's files are kept, for the last section.
#[derive(Clone, Debug, Default)]
pub struct FilePlaces {
    /// The open map's file, if it has one.
    pub map: Option<String>,
    /// The folder of timestamped backups.
    pub backups: Option<String>,
    /// The folder of recovery copies.
    pub recovery: Option<String>,
}

/// How to draw a map and plan relationships, in a few steps.
const HOW_TO: [(&str, &str); 5] = [
    (
        "Draw the map",
        "Select a node and press Tab to add a child, Enter to add a sibling; type the title and press Enter. \
         F2 or a double-click renames; typing on a selected node replaces its title. The map lays itself \
         out as you go; Ctrl+Up and Ctrl+Down move a node among its siblings. Drag a node onto another to \
         move it there, or next to its siblings to put it in that place (a branch of the centre can go to the \
         other side); hold Shift as you let go to nudge it to exactly that spot (Reset position takes the \
         nudge back). \"Place nodes freely\" in the Edit menu turns the automatic layout off. Alt-drag \
         from one node to another to link them.",
    ),
    (
        "Describe a relationship",
        "Select a constituency or a person. The panel on the right holds its profile: how it is going, the \
         key people and their interests, and notes. A new node's kind follows its place (a group under a \
         constituency, a person under a group, an interest under a person); change it under \"Kind\".",
    ),
    (
        "Attach strategies",
        "In the same panel, \"+ Add strategy\" adds a way of tending the relationship, and \"How success is \
         measured\" says how you will know it works. \"How often\" sets the rhythm of contact.",
    ),
    (
        "Log contacts",
        "\"+ Log contact\" records a meeting or a call with its date. A node whose next contact is past due \
         shows a red badge on the map, and the Relationships tab lists what is due first.",
    ),
    (
        "Plan",
        "The tabs below the map hold your goals, what is working, the learning-organization checklist, the \
         action plan and the balance of your constituencies.",
    ),
];

/// Shows the window while `open` is set.
pub fn help_window(ctx: &egui::Context, open: &mut bool, places: &FilePlaces) {
    let top = ctx.content_rect().center_top() + egui::vec2(0.0, 50.0);
    Window::new("Help")
        .open(open)
        .pivot(egui::Align2::CENTER_TOP)
        .default_pos(top)
        .collapsible(false)
        .default_width(560.0)
        .default_height(560.0)
        .show(ctx, |ui| {
            ScrollArea::vertical().show(ui, |ui| contents(ui, places));
        });
}

fn contents(ui: &mut Ui, places: &FilePlaces) {
    ui.heading("How to");
    for (title, text) in HOW_TO {
        ui.label(RichText::new(title).strong());
        ui.label(text);
        ui.add_space(4.0);
    }
    ui.add_space(8.0);
    ui.heading("Keyboard shortcuts");
    ui.label("Keys that act on the map work while the map has the keyboard: click the map first.");
    for group in AppCommand::GROUPS {
        let rows = shortcuts_in(group);
        if rows.is_empty() {
            continue;
        }
        ui.add_space(6.0);
        ui.label(RichText::new(group).strong());
        Grid::new(("relmap-help", group))
            .num_columns(2)
            .spacing([24.0, 4.0])
            .striped(true)
            .show(ui, |ui| {
                for (command, keys) in rows {
                    ui.label(command.full_label());
                    ui.label(RichText::new(keys_text(ui.ctx(), &keys)).monospace());
                    ui.end_row();
                }
            });
    }
    ui.add_space(8.0);
    ui.label(RichText::new("With the mouse").strong());
    ui.label(
        "Click selects; Ctrl- or Shift-click adds to the selection; Shift-drag on the empty map selects with a \
         rubber band. Drag the empty map to pan, scroll to zoom. Right-click a node for its commands, colours \
         and icons.",
    );
    ui.add_space(8.0);
    ui.heading("Where your files are");
    ui.label(format!(
        "Your map: {}. Each save replaces the file safely and keeps the previous version beside it as \
         <name>.ron.bak.",
        places.map.as_deref().unwrap_or("not saved yet (File menu, Save As…)")
    ));
    if let Some(backups) = &places.backups {
        ui.label(format!("Timestamped backups of every map: {backups}"));
    }
    if let Some(recovery) = &places.recovery {
        ui.label(format!(
            "While there are unsaved changes, a recovery copy is kept in {recovery}; after a crash relmap \
             offers to restore it."
        ));
    }
}

/// The commands of `group` that have shortcuts, each with all its shortcuts.
#[must_use]
pub fn shortcuts_in(group: &str) -> Vec<(AppCommand, Vec<egui::KeyboardShortcut>)> {
    AppCommand::ALL
        .into_iter()
        .filter(|command| command.group() == group)
        .filter_map(|command| {
            let keys: Vec<_> = [command.shortcut(), command.alternative_shortcut()]
                .into_iter()
                .flatten()
                .collect();
            (!keys.is_empty()).then_some((command, keys))
        })
        .collect()
}

fn keys_text(ctx: &egui::Context, keys: &[egui::KeyboardShortcut]) -> String {
    keys.iter()
        .map(|k| ctx.format_shortcut(k))
        .collect::<Vec<_>>()
        .join("  or  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_lists_every_shortcut_once() {
        let listed: Vec<AppCommand> = AppCommand::GROUPS
            .iter()
            .flat_map(|group| shortcuts_in(group))
            .map(|(command, _)| command)
            .collect();
        let with_shortcuts: Vec<AppCommand> = AppCommand::ALL
            .into_iter()
            .filter(|c| c.shortcut().is_some())
            .collect();
        assert_eq!(listed.len(), with_shortcuts.len());
        for command in with_shortcuts {
            assert!(listed.contains(&command), "{command:?} is missing");
        }
    }

    #[test]
    fn every_command_is_in_a_known_group() {
        for command in AppCommand::ALL {
            assert!(AppCommand::GROUPS.contains(&command.group()), "{command:?}");
        }
    }
}
