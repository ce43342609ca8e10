//! Exchanging maps with the rest of the world: the clipboard, `FreeMind`/Freeplane `.mm` files, and later other
//! mind-map tools' formats.

mod clipboard;
mod formats;
pub mod freemind;
mod markdown;
mod outline;
mod paste;

pub use clipboard::{
    CLIPBOARD_VERSION, ClipboardError, Fragment, FragmentLink, FragmentNode, MAX_PASTE_LINES, copy,
    from_clipboard_text, to_clipboard_text,
};
pub use formats::{ExportFormat, Exported, IMPORT_EXTENSIONS, export, import, is_importable};
pub use markdown::to_markdown;
pub use paste::{IdFns, IdSource, Pasted, PastedNode, instantiate};
