//! What the parser hands to `build`: the nodes of a `.mm` file as the file gives them, in document order, and
//! the counts the report is made of.

use std::collections::BTreeMap;

use super::place::Side;

/// One node as the file gives it, before ids are assigned.
#[derive(Debug, Default)]
pub(super) struct ParsedNode {
    /// Its `ID` attribute.
    pub file_id: Option<String>,
    /// Where it is among the parsed nodes' list.
    pub parent: Option<usize>,
    /// Its children, in order.
    pub children: Vec<usize>,
    /// The `TEXT` attribute.
    pub text: String,
    /// The title from rich content, which wins over `TEXT`.
    pub rich_title: Option<String>,
    /// `FOLDED="true"`.
    pub folded: bool,
    /// `COLOR`.
    pub color: Option<String>,
    /// `BACKGROUND_COLOR`.
    pub background: Option<String>,
    /// `LINK`.
    pub link: Option<String>,
    /// `POSITION`, for first-level nodes.
    pub side: Option<Side>,
    /// Built-in icon names, in order.
    pub icons: Vec<String>,
    /// Notes and details, in order.
    pub notes: Vec<String>,
    /// Attributes, in order.
    pub attributes: Vec<(String, String)>,
    /// Arrow links that start here.
    pub links: Vec<ParsedLink>,
}

/// An arrow link as the file gives it.
#[derive(Debug, Default)]
pub(super) struct ParsedLink {
    /// The `ID` of the node it points to.
    pub destination: String,
    /// Its own `ID`, which `FreeMind` writes and Freeplane does not.
    pub file_id: Option<String>,
    /// Its labels joined with " / ".
    pub label: String,
}

/// Everything the parser found.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    /// The nodes in document order; the first is the root.
    pub nodes: Vec<ParsedNode>,
    /// Sentences for the report so far.
    pub report: Vec<String>,
    /// Ignored elements by their name in the report, singular and plural.
    pub ignored: BTreeMap<(&'static str, &'static str), usize>,
    /// Names of ignored elements relmap does not know at all.
    pub unknown: BTreeMap<String, usize>,
    /// Images dropped from rich text.
    pub images: usize,
    /// More than one `<node>` directly in `<map>`.
    pub extra_roots: usize,
}

/// How the report names an element relmap skips, singular and plural; `None` for elements it does not know.
pub(super) fn ignored_words(name: &str) -> Option<(&'static str, &'static str)> {
    Some(match name {
        "cloud" => ("cloud", "clouds"),
        "font" => ("font setting", "font settings"),
        "edge" => ("edge style", "edge styles"),
        "hook" => ("plug-in setting (hook)", "plug-in settings (hooks)"),
        "attribute_registry" => ("attribute registry", "attribute registries"),
        "attribute_layout" => ("attribute layout", "attribute layouts"),
        "map_styles" | "stylenode" => ("map style", "map styles"),
        "properties" => ("map property", "map properties"),
        "richcontent" => (
            "rich content of an unknown type",
            "rich contents of unknown types",
        ),
        _ => return None,
    })
}
