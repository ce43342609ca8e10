//! Exchanging maps with the rest of the world: the clipboard, `FreeMind`/Freeplane `.mm` maps and OPML outlines
//! (read and written), Markdown, SVG and PNG pictures of the map, and a printable HTML report of the whole plan.

mod clipboard;
mod formats;
pub mod freemind;
mod markdown;
pub mod opml;
mod outline;
mod paste;
mod png;
mod report;
mod svg;

pub use clipboard::{
    CLIPBOARD_VERSION, ClipboardError, Fragment, FragmentLink, FragmentNode, MAX_PASTE_LINES, copy,
    from_clipboard_text, to_clipboard_text,
};
pub use formats::{
    ExportFormat, Exported, ExportedFile, IMPORT_EXTENSIONS, ImportError, export, import,
    is_importable,
};
pub use markdown::to_markdown;
pub use paste::{IdFns, IdSource, Pasted, PastedNode, instantiate};
pub use png::{DEFAULT_PNG_SCALE, MAX_PNG_SIDE, PngError, to_png};
pub use report::to_html_report;
pub use svg::to_svg;
