//! `AppCommand`: every command of the application, with its menu text, keyboard shortcut, tooltip and group in
//! one place, so that menus, key handling, the help window and the command palette never disagree.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Declares [`AppCommand`] and [`AppCommand::ALL`] from one list, so that the list of every command is the
/// enum itself and a new command cannot be left out of menus, shortcuts, the help or the palette. Every other
/// `match` on a command names each variant, with no catch-all, so a new one does not compile until each says
/// what it does with it.
macro_rules! app_commands {
    ($(#[$meta:meta])* pub enum AppCommand { $($(#[$doc:meta])* $name:ident,)* }) => {
        $(#[$meta])*
        pub enum AppCommand {
            $($(#[$doc])* $name,)*
        }

        impl AppCommand {
            /// Every command, in menu order: the order of the enum's variants.
            pub const ALL: [AppCommand; [$(stringify!($name)),*].len()] = [$(AppCommand::$name),*];
        }
    };
}

app_commands! {
    /// A command the user can give from a menu or the keyboard.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum AppCommand {
        /// Start a new map from the starter template.
        New,
        /// Start a new map from the five-constituencies template.
        NewFiveConstituencies,
        /// Start a new map from the spheres-of-responsibility template.
        NewSpheres,
        /// Start a new map with only a centre node.
        NewBlank,
        /// Open the filled-in example map as a new map.
        OpenExample,
        /// Open a map with the file dialog.
        Open,
        /// Open a map by typing its path.
        OpenPath,
        /// Open another mind-map tool's file (`FreeMind`, Freeplane) as a new map.
        Import,
        /// Write the map as a FreeMind/Freeplane `.mm` file.
        ExportFreeMind,
        /// Write the map as an OPML outline.
        ExportOpml,
        /// Write the map and the worksheet as Markdown.
        ExportMarkdown,
        /// Write the map as an SVG picture.
        ExportSvg,
        /// Write the map as a PNG picture.
        ExportPng,
        /// Write the selected nodes as an SVG picture.
        ExportSelectionSvg,
        /// Write the printable HTML report of the map and the plan.
        ExportReport,
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
        /// Add a child to the selected node and edit its title.
        AddChild,
        /// Add a sibling after the selected node and edit its title.
        AddSibling,
        /// Add a sibling before the selected node and edit its title.
        AddSiblingBefore,
        /// Insert a new parent above the selected node.
        InsertParent,
        /// Edit the title of the selected node on the canvas.
        EditTitle,
        /// Delete the selected nodes with their subtrees.
        Delete,
        /// Copy the selected nodes with their subtrees to the clipboard.
        Copy,
        /// Copy the selected nodes with their subtrees to the clipboard, then delete them.
        Cut,
        /// Paste the nodes on the clipboard (or an indented list of lines) under the selected node.
        Paste,
        /// Fold or unfold the selected nodes.
        ToggleFold,
        /// Move the selected node up among its siblings.
        MoveUp,
        /// Move the selected node down among its siblings.
        MoveDown,
        /// Select the node to the left.
        SelectLeft,
        /// Select the node to the right.
        SelectRight,
        /// Select the sibling above.
        SelectUp,
        /// Select the sibling below.
        SelectDown,
        /// Select every node.
        SelectAll,
        /// Clear the selection.
        SelectNone,
        /// Open the find bar.
        Find,
        /// Arrange the whole map as a balanced tree.
        LayoutTree,
        /// Arrange the whole map radially around the centre.
        LayoutRadial,
        /// Stop laying the map out: every node stays where it is put.
        LayoutFree,
        /// Take back the manual nudges of the selected nodes, back to their automatic places.
        ResetPosition,
        /// Zoom and pan so that the whole map is visible.
        FitMap,
        /// Zoom in.
        ZoomIn,
        /// Zoom out.
        ZoomOut,
        /// Put the selected node in the middle of the view.
        CenterSelection,
        /// Show or hide the inspector of the selected node.
        ToggleInspector,
        /// Show or hide the outline.
        ToggleOutline,
        /// Show or hide the plan panel.
        TogglePlan,
        /// Show or hide the planning markers on the nodes.
        ToggleMarkers,
        /// Show or hide the minimap.
        ToggleMinimap,
        /// Follow the system's light or dark setting.
        ThemeSystem,
        /// Use the light theme.
        ThemeLight,
        /// Use the dark theme.
        ThemeDark,
        /// Open the Preferences window.
        Preferences,
        /// Open the help window: shortcuts, how to draw a map, where files are kept.
        Help,
        /// Open the command palette, which finds and runs any command by name.
        CommandPalette,
        /// Give the keyboard to the next part of the window: map, inspector, plan, outline.
        FocusNextRegion,
        /// Give the keyboard to the previous part of the window.
        FocusPreviousRegion,
        /// Give the keyboard to the menu bar.
        FocusMenuBar,
    }
}

impl AppCommand {
    /// The groups commands are listed in by the help window and the command palette, in order.
    pub const GROUPS: [&'static str; 5] = [
        "Drawing the map",
        "Selecting and finding",
        "View",
        "Files",
        "Help",
    ];

    /// The group of [`AppCommand::GROUPS`] the command belongs to.
    #[must_use]
    pub fn group(self) -> &'static str {
        use AppCommand as C;
        match self {
            C::Undo
            | C::Redo
            | C::AddChild
            | C::AddSibling
            | C::AddSiblingBefore
            | C::InsertParent
            | C::EditTitle
            | C::Delete
            | C::Copy
            | C::Cut
            | C::Paste
            | C::ToggleFold
            | C::MoveUp
            | C::MoveDown
            | C::LayoutTree
            | C::LayoutRadial
            | C::LayoutFree
            | C::ResetPosition => "Drawing the map",
            C::SelectLeft
            | C::SelectRight
            | C::SelectUp
            | C::SelectDown
            | C::SelectAll
            | C::SelectNone
            | C::Find => "Selecting and finding",
            C::FitMap
            | C::ZoomIn
            | C::ZoomOut
            | C::CenterSelection
            | C::ToggleInspector
            | C::ToggleOutline
            | C::TogglePlan
            | C::ToggleMarkers
            | C::ToggleMinimap
            | C::ThemeSystem
            | C::ThemeLight
            | C::ThemeDark
            | C::FocusNextRegion
            | C::FocusPreviousRegion
            | C::FocusMenuBar => "View",
            C::Help | C::CommandPalette => "Help",
            C::New
            | C::NewFiveConstituencies
            | C::NewSpheres
            | C::NewBlank
            | C::OpenExample
            | C::Open
            | C::OpenPath
            | C::Import
            | C::ExportFreeMind
            | C::ExportOpml
            | C::ExportMarkdown
            | C::ExportSvg
            | C::ExportPng
            | C::ExportSelectionSvg
            | C::ExportReport
            | C::Save
            | C::SaveAs
            | C::SaveAsPath
            | C::Quit
            | C::Preferences => "Files",
        }
    }

    /// The menu text with the submenu it sits in, for lists that show commands out of their menus (the
    /// command palette, the help): "Export: Markdown text (.md)…" where the menu says "Markdown text (.md)…".
    #[must_use]
    pub fn full_label(self) -> String {
        use AppCommand as C;
        let submenu = match self {
            C::NewFiveConstituencies | C::NewSpheres | C::NewBlank => Some("New from template"),
            C::ExportFreeMind
            | C::ExportOpml
            | C::ExportMarkdown
            | C::ExportSvg
            | C::ExportPng
            | C::ExportSelectionSvg
            | C::ExportReport => Some("Export"),
            C::ThemeSystem | C::ThemeLight | C::ThemeDark => Some("Theme"),
            C::New
            | C::OpenExample
            | C::Open
            | C::OpenPath
            | C::Import
            | C::Save
            | C::SaveAs
            | C::SaveAsPath
            | C::Quit
            | C::Undo
            | C::Redo
            | C::AddChild
            | C::AddSibling
            | C::AddSiblingBefore
            | C::InsertParent
            | C::EditTitle
            | C::Delete
            | C::Copy
            | C::Cut
            | C::Paste
            | C::ToggleFold
            | C::MoveUp
            | C::MoveDown
            | C::SelectLeft
            | C::SelectRight
            | C::SelectUp
            | C::SelectDown
            | C::SelectAll
            | C::SelectNone
            | C::Find
            | C::LayoutTree
            | C::LayoutRadial
            | C::LayoutFree
            | C::ResetPosition
            | C::FitMap
            | C::ZoomIn
            | C::ZoomOut
            | C::CenterSelection
            | C::ToggleInspector
            | C::ToggleOutline
            | C::TogglePlan
            | C::ToggleMarkers
            | C::ToggleMinimap
            | C::Preferences
            | C::Help
            | C::CommandPalette
            | C::FocusNextRegion
            | C::FocusPreviousRegion
            | C::FocusMenuBar => None,
        };
        match submenu {
            Some(menu) => format!("{menu}: {}", self.label()),
            None => self.label().to_owned(),
        }
    }

    /// The menu text.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            AppCommand::New => "New",
            AppCommand::NewFiveConstituencies => "Five key constituencies",
            AppCommand::NewSpheres => "Spheres of responsibility",
            AppCommand::NewBlank => "Blank",
            AppCommand::OpenExample => "Open the example map",
            AppCommand::Open => "Open…",
            AppCommand::OpenPath => "Open path…",
            AppCommand::Import => "Import…",
            AppCommand::ExportFreeMind => "FreeMind / Freeplane map (.mm)…",
            AppCommand::ExportOpml => "OPML outline (.opml)…",
            AppCommand::ExportMarkdown => "Markdown text (.md)…",
            AppCommand::ExportSvg => "SVG picture of the map (.svg)…",
            AppCommand::ExportPng => "PNG picture of the map (.png)…",
            AppCommand::ExportSelectionSvg => "SVG picture of the selection (.svg)…",
            AppCommand::ExportReport => "Printable plan report (.html)…",
            AppCommand::Save => "Save",
            AppCommand::SaveAs => "Save As…",
            AppCommand::SaveAsPath => "Save As path…",
            AppCommand::Quit => "Quit",
            AppCommand::Undo => "Undo",
            AppCommand::Redo => "Redo",
            AppCommand::AddChild => "Add child",
            AppCommand::AddSibling => "Add sibling after",
            AppCommand::AddSiblingBefore => "Add sibling before",
            AppCommand::InsertParent => "Insert parent",
            AppCommand::EditTitle => "Edit title",
            AppCommand::Delete => "Delete",
            AppCommand::Copy => "Copy",
            AppCommand::Cut => "Cut",
            AppCommand::Paste => "Paste",
            AppCommand::ToggleFold => "Fold / unfold",
            AppCommand::MoveUp => "Move up",
            AppCommand::MoveDown => "Move down",
            AppCommand::SelectLeft => "Select left",
            AppCommand::SelectRight => "Select right",
            AppCommand::SelectUp => "Select above",
            AppCommand::SelectDown => "Select below",
            AppCommand::SelectAll => "Select all",
            AppCommand::SelectNone => "Select none",
            AppCommand::Find => "Find…",
            AppCommand::LayoutTree => "Arrange as a tree",
            AppCommand::LayoutRadial => "Arrange in a circle",
            AppCommand::LayoutFree => "Place nodes freely",
            AppCommand::ResetPosition => "Reset position",
            AppCommand::FitMap => "Fit map to window",
            AppCommand::ZoomIn => "Zoom in",
            AppCommand::ZoomOut => "Zoom out",
            AppCommand::CenterSelection => "Centre on selection",
            AppCommand::ToggleInspector => "Inspector",
            AppCommand::ToggleOutline => "Outline",
            AppCommand::TogglePlan => "Plan",
            AppCommand::ToggleMarkers => "Planning markers",
            AppCommand::ToggleMinimap => "Minimap",
            AppCommand::ThemeSystem => "Follow the system",
            AppCommand::ThemeLight => "Light",
            AppCommand::ThemeDark => "Dark",
            AppCommand::Preferences => "Preferences…",
            AppCommand::Help => "Help and keyboard shortcuts",
            AppCommand::CommandPalette => "Command palette…",
            AppCommand::FocusNextRegion => "Next part of the window",
            AppCommand::FocusPreviousRegion => "Previous part of the window",
            AppCommand::FocusMenuBar => "Menu bar",
        }
    }

    /// What the command does, for tooltips.
    #[must_use]
    pub fn tooltip(self) -> &'static str {
        match self {
            AppCommand::New => "Start a new map from the template chosen in Preferences",
            AppCommand::NewFiveConstituencies => {
                "Your governing authority, staff, community, profession and yourself, with suggested strategies"
            }
            AppCommand::NewSpheres => {
                "Governance, finance and facilities, services, people, partnerships, and profession and self"
            }
            AppCommand::NewBlank => "Only you at the centre: draw your own map from scratch",
            AppCommand::OpenExample => {
                "A filled-in map of a fictional library director, to see what relmap can hold"
            }
            AppCommand::Open => "Open a relmap map (.ron) with the file dialog",
            AppCommand::Import => {
                "Open a FreeMind or Freeplane map (.mm) or an OPML outline (.opml) as a new relmap map; the file \
                 itself is not changed"
            }
            AppCommand::ExportFreeMind => crate::interchange::ExportFormat::FreeMind.description(),
            AppCommand::ExportOpml => crate::interchange::ExportFormat::Opml.description(),
            AppCommand::ExportMarkdown => crate::interchange::ExportFormat::Markdown.description(),
            AppCommand::ExportSvg => crate::interchange::ExportFormat::Svg.description(),
            AppCommand::ExportPng => {
                "The whole map as drawn, as an image for slides, mail and documents; its size is set in \
                 Preferences"
            }
            AppCommand::ExportSelectionSvg => {
                "Only the selected nodes and the links among them, as drawn, as an SVG picture"
            }
            AppCommand::ExportReport => crate::interchange::ExportFormat::Html.description(),
            AppCommand::OpenPath => {
                "Open a map by typing its path, for when no file dialog appears"
            }
            AppCommand::Save => "Save the map to its file",
            AppCommand::SaveAs => "Save the map to a new file chosen in the file dialog",
            AppCommand::SaveAsPath => "Save the map to a new file by typing its path",
            AppCommand::Quit => "Close relmap",
            AppCommand::Undo => "Undo the last change",
            AppCommand::Redo => "Redo the last undone change",
            AppCommand::AddChild => "Add a node under the selected one and type its title",
            AppCommand::AddSibling => "Add a node after the selected one, under the same parent",
            AppCommand::AddSiblingBefore => {
                "Add a node before the selected one, under the same parent"
            }
            AppCommand::InsertParent => "Put a new node between the selected node and its parent",
            AppCommand::EditTitle => {
                "Type a new title for the selected node (double-click does the same)"
            }
            AppCommand::Delete => "Delete the selected nodes and everything under them",
            AppCommand::Copy => {
                "Copy the selected nodes and everything under them, as an outline other programs can paste"
            }
            AppCommand::Cut => {
                "Copy the selected nodes and everything under them, then delete them"
            }
            AppCommand::Paste => {
                "Paste copied nodes, or an indented list of lines, under the selected node"
            }
            AppCommand::ToggleFold => "Hide or show the nodes under the selected one",
            AppCommand::MoveUp => "Move the selected node before its previous sibling",
            AppCommand::MoveDown => "Move the selected node after its next sibling",
            AppCommand::SelectLeft => "Select the node to the left: the parent or a child, by side",
            AppCommand::SelectRight => {
                "Select the node to the right: the parent or a child, by side"
            }
            AppCommand::SelectUp => "Select the sibling above",
            AppCommand::SelectDown => "Select the sibling below",
            AppCommand::SelectAll => "Select every node of the map",
            AppCommand::SelectNone => "Clear the selection",
            AppCommand::Find => "Find nodes by their title, notes, strategies or people",
            AppCommand::LayoutTree => {
                "Keep the map laid out as a tree after every change: branches to the right and left of the \
                 centre, none overlapping. Chosen again, it tidies away every manual nudge"
            }
            AppCommand::LayoutRadial => {
                "Keep the map laid out around the centre after every change, each constituency in its own \
                 sector. Chosen again, it tidies away every manual nudge"
            }
            AppCommand::LayoutFree => {
                "Stop laying the map out: nodes stay wherever you drag them, and new ones go beside their parent"
            }
            AppCommand::ResetPosition => {
                "Move the selected nodes back to their automatic places, undoing any dragging"
            }
            AppCommand::FitMap => "Zoom and pan so that the whole map is visible",
            AppCommand::ZoomIn => "Zoom in around the centre of the view",
            AppCommand::ZoomOut => "Zoom out around the centre of the view",
            AppCommand::CenterSelection => {
                "Pan so that the selected node is in the middle of the view"
            }
            AppCommand::ToggleInspector => {
                "Show or hide the panel with the selected node's profile"
            }
            AppCommand::ToggleOutline => {
                "Show or hide the map as an indented list, usable from the keyboard"
            }
            AppCommand::TogglePlan => {
                "Show or hide the plan: goals, what's working, checklist, action plan, relationships, balance"
            }
            AppCommand::ToggleMarkers => {
                "Show health, overdue and strategy markers on the nodes, or hide them for a clean map"
            }
            AppCommand::ToggleMinimap => {
                "Show the whole map in a corner of the canvas while part of it is out of view"
            }
            AppCommand::ThemeSystem => "Use light or dark colours as the system does",
            AppCommand::ThemeLight => "Use light colours whatever the system does",
            AppCommand::ThemeDark => "Use dark colours whatever the system does",
            AppCommand::Preferences => {
                "Theme, interface size, how often recovery copies are kept, markers, and the template for new maps"
            }
            AppCommand::Help => {
                "Every keyboard shortcut, how to draw a map and plan relationships, and where files are kept"
            }
            AppCommand::CommandPalette => "Find any command by typing part of its name, and run it",
            AppCommand::FocusNextRegion => {
                "Move the keyboard on to the next part of the window: the map, the inspector, the plan, the outline"
            }
            AppCommand::FocusPreviousRegion => {
                "Move the keyboard back to the previous part of the window"
            }
            AppCommand::FocusMenuBar => {
                "Move the keyboard to the menu bar; arrows and Enter open a menu"
            }
        }
    }

    /// The keyboard shortcut, if any.
    #[must_use]
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let none = Modifiers::NONE;
        let ctrl = Modifiers::COMMAND;
        let shift = Modifiers::SHIFT;
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            AppCommand::New => key(ctrl, Key::N),
            AppCommand::Open => key(ctrl, Key::O),
            AppCommand::Import => key(ctrl, Key::I),
            AppCommand::Save => key(ctrl, Key::S),
            AppCommand::SaveAs => key(ctrl_shift, Key::S),
            AppCommand::Quit => key(ctrl, Key::Q),
            AppCommand::Undo => key(ctrl, Key::Z),
            AppCommand::Redo => key(ctrl_shift, Key::Z),
            AppCommand::AddChild => key(none, Key::Tab),
            AppCommand::AddSibling => key(none, Key::Enter),
            AppCommand::AddSiblingBefore => key(shift, Key::Enter),
            AppCommand::InsertParent => key(shift, Key::Tab),
            AppCommand::EditTitle => key(none, Key::F2),
            AppCommand::Delete => key(none, Key::Delete),
            AppCommand::Copy => key(ctrl, Key::C),
            AppCommand::Cut => key(ctrl, Key::X),
            AppCommand::Paste => key(ctrl, Key::V),
            AppCommand::ToggleFold => key(none, Key::Space),
            AppCommand::MoveUp => key(ctrl, Key::ArrowUp),
            AppCommand::MoveDown => key(ctrl, Key::ArrowDown),
            AppCommand::SelectLeft => key(none, Key::ArrowLeft),
            AppCommand::SelectRight => key(none, Key::ArrowRight),
            AppCommand::SelectUp => key(none, Key::ArrowUp),
            AppCommand::SelectDown => key(none, Key::ArrowDown),
            AppCommand::SelectAll => key(ctrl, Key::A),
            AppCommand::SelectNone => key(none, Key::Escape),
            AppCommand::Find => key(ctrl, Key::F),
            AppCommand::LayoutTree => key(ctrl_shift, Key::L),
            AppCommand::LayoutRadial => key(ctrl_shift, Key::R),
            AppCommand::FitMap => key(ctrl, Key::Num0),
            AppCommand::ZoomIn => key(ctrl, Key::Plus),
            AppCommand::ZoomOut => key(ctrl, Key::Minus),
            AppCommand::CenterSelection => key(ctrl, Key::L),
            AppCommand::OpenPath
            | AppCommand::LayoutFree
            | AppCommand::ResetPosition
            | AppCommand::ExportFreeMind
            | AppCommand::ExportOpml
            | AppCommand::ExportMarkdown
            | AppCommand::ExportSvg
            | AppCommand::ExportPng
            | AppCommand::ExportSelectionSvg
            | AppCommand::ExportReport
            | AppCommand::NewFiveConstituencies
            | AppCommand::NewSpheres
            | AppCommand::NewBlank
            | AppCommand::OpenExample
            | AppCommand::SaveAsPath
            | AppCommand::ToggleInspector
            | AppCommand::ToggleMinimap
            | AppCommand::ThemeSystem
            | AppCommand::ThemeLight
            | AppCommand::ThemeDark => None,
            AppCommand::ToggleOutline => key(ctrl_shift, Key::O),
            AppCommand::TogglePlan => key(ctrl_shift, Key::G),
            AppCommand::ToggleMarkers => key(ctrl_shift, Key::M),
            AppCommand::Preferences => key(ctrl, Key::Comma),
            AppCommand::Help => key(none, Key::F1),
            AppCommand::CommandPalette => key(ctrl_shift, Key::P),
            AppCommand::FocusNextRegion => key(none, Key::F6),
            AppCommand::FocusPreviousRegion => key(Modifiers::SHIFT, Key::F6),
            AppCommand::FocusMenuBar => key(none, Key::F10),
        }
    }

    /// Further shortcuts that do the same, not shown in menus.
    #[must_use]
    pub fn alternative_shortcut(self) -> Option<KeyboardShortcut> {
        use AppCommand as C;
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            C::Redo => key(Modifiers::COMMAND, Key::Y),
            C::Delete => key(Modifiers::NONE, Key::Backspace),
            C::AddChild => key(Modifiers::NONE, Key::Insert),
            C::ZoomIn => key(Modifiers::COMMAND, Key::Equals),
            C::New
            | C::NewFiveConstituencies
            | C::NewSpheres
            | C::NewBlank
            | C::OpenExample
            | C::Open
            | C::OpenPath
            | C::Import
            | C::ExportFreeMind
            | C::ExportOpml
            | C::ExportMarkdown
            | C::ExportSvg
            | C::ExportPng
            | C::ExportSelectionSvg
            | C::ExportReport
            | C::Save
            | C::SaveAs
            | C::SaveAsPath
            | C::Quit
            | C::Undo
            | C::AddSibling
            | C::AddSiblingBefore
            | C::InsertParent
            | C::EditTitle
            | C::Copy
            | C::Cut
            | C::Paste
            | C::ToggleFold
            | C::MoveUp
            | C::MoveDown
            | C::SelectLeft
            | C::SelectRight
            | C::SelectUp
            | C::SelectDown
            | C::SelectAll
            | C::SelectNone
            | C::Find
            | C::LayoutTree
            | C::LayoutRadial
            | C::LayoutFree
            | C::ResetPosition
            | C::FitMap
            | C::ZoomOut
            | C::CenterSelection
            | C::ToggleInspector
            | C::ToggleOutline
            | C::TogglePlan
            | C::ToggleMarkers
            | C::ToggleMinimap
            | C::ThemeSystem
            | C::ThemeLight
            | C::ThemeDark
            | C::Preferences
            | C::Help
            | C::CommandPalette
            | C::FocusNextRegion
            | C::FocusPreviousRegion
            | C::FocusMenuBar => None,
        }
    }

    /// Whether the command works on the map through plain keys (Tab, Enter, arrows...). Such shortcuts only
    /// count while the canvas has the keyboard, so that typing in a text field never edits the map.
    #[must_use]
    pub fn acts_on_the_map(self) -> bool {
        use AppCommand as C;
        match self {
            C::AddChild
            | C::AddSibling
            | C::AddSiblingBefore
            | C::InsertParent
            | C::EditTitle
            | C::Delete
            | C::Copy
            | C::Cut
            | C::Paste
            | C::ToggleFold
            | C::MoveUp
            | C::MoveDown
            | C::SelectLeft
            | C::SelectRight
            | C::SelectUp
            | C::SelectDown
            | C::SelectAll
            | C::SelectNone
            | C::LayoutTree
            | C::LayoutRadial
            | C::LayoutFree
            | C::ResetPosition
            | C::FitMap
            | C::ZoomIn
            | C::ZoomOut
            | C::CenterSelection => true,
            C::New
            | C::NewFiveConstituencies
            | C::NewSpheres
            | C::NewBlank
            | C::OpenExample
            | C::Open
            | C::OpenPath
            | C::Import
            | C::ExportFreeMind
            | C::ExportOpml
            | C::ExportMarkdown
            | C::ExportSvg
            | C::ExportPng
            | C::ExportSelectionSvg
            | C::ExportReport
            | C::Save
            | C::SaveAs
            | C::SaveAsPath
            | C::Quit
            | C::ToggleInspector
            | C::ToggleOutline
            | C::TogglePlan
            | C::ToggleMarkers
            | C::ToggleMinimap
            | C::ThemeSystem
            | C::ThemeLight
            | C::ThemeDark
            | C::Preferences
            | C::Find
            | C::Help
            | C::Undo
            | C::Redo
            | C::CommandPalette
            | C::FocusNextRegion
            | C::FocusPreviousRegion
            | C::FocusMenuBar => false,
        }
    }

    /// Takes the commands whose shortcuts were pressed this frame out of the input. Shortcuts with more
    /// modifiers are matched first, so Ctrl+Shift+S never also counts as Ctrl+S. Only commands that
    /// `listening` says yes to are taken; the keys of the others are left to whatever has the keyboard.
    #[must_use]
    pub fn consume_shortcuts(
        ctx: &egui::Context,
        listening: impl Fn(AppCommand) -> bool,
    ) -> Vec<AppCommand> {
        let mut shortcuts: Vec<(KeyboardShortcut, AppCommand)> = AppCommand::ALL
            .iter()
            .filter(|&&command| listening(command))
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
    fn the_list_of_commands_holds_each_command_once_in_a_group_including_the_clipboard() {
        let unique: std::collections::HashSet<AppCommand> = AppCommand::ALL.into_iter().collect();
        assert_eq!(unique.len(), AppCommand::ALL.len());
        for command in [AppCommand::Copy, AppCommand::Cut, AppCommand::Paste] {
            assert!(AppCommand::ALL.contains(&command), "{command:?}");
            assert_eq!(command.group(), "Drawing the map");
            assert!(command.shortcut().is_some(), "{command:?} shows its key");
        }
        for command in AppCommand::ALL {
            assert!(AppCommand::GROUPS.contains(&command.group()), "{command:?}");
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
