//! Exchanging maps with the rest of the world: the clipboard, `FreeMind`/Freeplane `.mm` maps and OPML outlines
//! (read and written), and Markdown.

mod clipboard;
mod formats;
pub mod freemind;
mod markdown;
pub mod opml;
mod outline;
mod paste;

pub use clipboard::{
    CLIPBOARD_VERSION, ClipboardError, Fragment, FragmentLink, FragmentNode, MAX_PASTE_LINES, copy,
    from_clipboard_text, to_clipboard_text,
};
pub use formats::{
    ExportFormat, Exported, IMPORT_EXTENSIONS, ImportError, export, import, is_importable,
};
pub use markdown::to_markdown;
pub use paste::{IdFns, IdSource, Pasted, PastedNode, instantiate};
