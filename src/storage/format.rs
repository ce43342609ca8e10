//! Format version 1: a header first, then one node per line sorted by id, one link per line, then the plan.
//!
//! ```ron
//! (
//!     format: "relmap",
//!     version: 1,
//!     nodes: [
//!         (id:1,title:"You",kind:Center,x:0.0,y:0.0,children:[2]),
//!         (id:2,title:"Staff",kind:Constituency,x:260.0,y:0.0,profile:(frequency:Weekly)),
//!     ],
//!     links: [],
//!     layout: Tree,
//!     plan: (checklist: []),
//! )
//! ```
//!
//! One node per line keeps diffs of a map readable, and the plan is pretty-printed because people read it.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::Path;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::model::{
    Arrangement, CrossLink, Icon, MAX_LEVELS, MindMap, NodeId, NodeKind, Plan, Pos, Profile, Rgb,
    Side, Topic, Workbook,
};

use super::LoadError;
use super::migrate;

/// The `format` field of every relmap file.
pub const FORMAT_NAME: &str = "relmap";
/// The version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u32 = 1;

/// One node as version 1 stores it.
#[derive(Serialize, Deserialize)]
pub(super) struct NodeV1 {
    pub(super) id: NodeId,
    pub(super) title: String,
    #[serde(default)]
    pub(super) kind: NodeKind,
    #[serde(default)]
    pub(super) x: f32,
    #[serde(default)]
    pub(super) y: f32,
    // Added within version 1 with automatic layout: a nudge away from the automatic place, and a first-level
    // branch's side and colour. All are optional and left out when unset, and older builds ignore them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(super) dx: f32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(super) dy: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) side: Option<Side>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) palette: Option<u8>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) folded: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) color: Option<Rgb>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) icon: Option<Icon>,
    // Added within version 1: both are optional, so files without them read as before, and a node without a
    // link or tags is written exactly as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) link: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) children: Vec<NodeId>,
    #[serde(default, skip_serializing_if = "Profile::is_empty")]
    pub(super) profile: Profile,
}

/// Everything after the header, as version 1 stores it.
#[derive(Default, Deserialize)]
pub(super) struct BodyV1 {
    #[serde(default)]
    pub(super) nodes: Vec<NodeV1>,
    #[serde(default)]
    pub(super) links: Vec<CrossLink>,
    #[serde(default)]
    pub(super) plan: Plan,
    /// How the map is arranged; missing in files written before automatic layout.
    #[serde(default)]
    pub(super) layout: Option<Arrangement>,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` hands a reference.
fn is_zero(v: &f32) -> bool {
    *v == 0.0
}

/// Writes a workbook as format version 1. The same workbook always gives the same text.
#[must_use]
pub fn to_string(workbook: &Workbook) -> String {
    let map = &workbook.map;
    let mut out = String::with_capacity(map.len() * 96 + 1024);
    let _ = write!(
        out,
        "(\n    format: \"{FORMAT_NAME}\",\n    version: {CURRENT_VERSION},\n    nodes: [\n"
    );
    for id in map.sorted_ids() {
        let Some(topic) = map.topic(id) else { continue };
        let pos = topic.pos.rounded();
        let offset = topic.offset.rounded();
        let record = NodeV1 {
            id,
            title: topic.title.clone(),
            kind: topic.kind,
            x: pos.x,
            y: pos.y,
            dx: offset.x,
            dy: offset.y,
            side: topic.side,
            palette: topic.palette,
            folded: topic.folded,
            color: topic.color,
            icon: topic.icon,
            link: topic.link.clone(),
            tags: topic.tags.clone(),
            children: map.children(id).to_vec(),
            profile: topic.profile.clone(),
        };
        line(&mut out, &record);
    }
    out.push_str("    ],\n    links: [\n");
    let mut links: Vec<&CrossLink> = map.links().collect();
    links.sort_by_key(|link| link.id);
    for link in links {
        line(&mut out, link);
    }
    let _ = write!(
        out,
        "    ],\n    layout: {},\n    plan: ",
        ron::to_string(&workbook.arrangement).unwrap_or_else(|_| "Tree".to_owned())
    );
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        // Below the lists (checklist items, action items), each item is written on one line, like the nodes.
        .depth_limit(2)
        .struct_names(false)
        .escape_strings(true);
    let plan =
        ron::ser::to_string_pretty(&workbook.plan, config).unwrap_or_else(|_| "()".to_owned());
    // Strings are escaped, so every line break here is structure and may be indented.
    out.push_str(&plan.replace('\n', "\n    "));
    out.push_str(",\n)\n");
    out
}

fn line<T: Serialize>(out: &mut String, value: &T) {
    // Serializing plain data with derived impls into a string cannot fail.
    if let Ok(text) = ron::to_string(value) {
        out.push_str("        ");
        out.push_str(&text);
        out.push_str(",\n");
    }
}

/// A workbook as read from a file, with the format version the file was written in.
#[derive(Debug)]
pub struct Loaded {
    /// The workbook, in the current version's terms.
    pub workbook: Workbook,
    /// The file's format version: older than [`CURRENT_VERSION`] when the file went through the migration
    /// chain, and saving it would change its format.
    pub version: u32,
}

/// Reads a workbook from RON text; `path` names the file in errors.
pub fn from_str(text: &str, path: &Path) -> Result<Workbook, LoadError> {
    read(text, path).map(|loaded| loaded.workbook)
}

/// Reads a workbook from RON text, and says which format version it was in.
pub fn read(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::NotRelmap {
            path: path.to_owned(),
            reason: "it holds only white space".to_owned(),
        });
    }
    // The header is read first, on its own, so that the body is read with the types of the file's version
    // wherever the header stands.
    let header = RefCell::new(Header::default());
    let first = ron::Options::default().from_str_seed(text, HeaderSeed { header: &header });
    let version = match (header.into_inner().check(), first) {
        (Ok(version), _) => version,
        (Err(Some(problem)), _) => return Err(problem.into_error(path)),
        (Err(None), Err(error)) => return Err(syntax_in(text, &error, path)),
        (Err(None), Ok(())) => return Err(HeaderProblem::NoHeader.into_error(path)),
    };
    let body = if version == CURRENT_VERSION {
        ron::Options::default()
            .from_str_seed(text, FileSeed)
            .map_err(|error| syntax_in(text, &error, path))?
    } else {
        migrate::to_current(version, text, path)?
    };
    let body = if body.layout.is_none() {
        migrate::to_automatic_layout(body)
    } else {
        body
    };
    let workbook = build(body, path)?;
    Ok(Loaded { workbook, version })
}

/// A syntax error in `text`. An error at the very end of the text means the text stopped in the middle of
/// something, whatever ron expected there, so it is reported as a file cut off.
pub(super) fn syntax_in(text: &str, error: &ron::error::SpannedError, path: &Path) -> LoadError {
    let end = text.trim_end();
    let last_line = end.lines().count().max(1);
    let last_column = end.lines().last().map_or(0, |line| line.chars().count());
    let at = (error.span.start.line, error.span.start.col);
    let mut found = syntax(error, path);
    // A file that opens like a map and does not close is one that stopped short.
    let complete = end.ends_with(')') || !end.trim_start().starts_with('(');
    if !complete
        && (at.0 > last_line || (at.0 == last_line && at.1 + 4 >= last_column))
        && let LoadError::Syntax { message, .. } = &mut found
    {
        *message = describe(&ron::Error::Eof);
    }
    found
}

pub(super) fn syntax(error: &ron::error::SpannedError, path: &Path) -> LoadError {
    LoadError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: describe(&error.code),
    }
}

/// Turns ron's messages into ones a user can act on.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early: it looks cut off".to_owned(),
        // What ron says when the text does not even begin like RON ("#" reads as the start of an attribute).
        ron::Error::ExpectedAttribute | ron::Error::ExpectedNamedStructLike("File") => format!(
            "this is not a relmap map: a map is RON text that starts with `(format: \"{FORMAT_NAME}\", version: {CURRENT_VERSION},`"
        ),
        ron::Error::ExceededRecursionLimit => "the file is nested too deeply to read".to_owned(),
        // The struct names are relmap's own (`NodeV1`, `FileV0`); the user only needs the field.
        ron::Error::MissingStructField { field, .. } => {
            format!("the field `{field}` is missing here")
        }
        other => other.to_string(),
    }
}

fn build(body: BodyV1, path: &Path) -> Result<Workbook, LoadError> {
    let invalid = |problems| LoadError::Invalid {
        path: path.to_owned(),
        problems,
    };
    if body.nodes.is_empty() {
        return Err(LoadError::NotRelmap {
            path: path.to_owned(),
            reason: "it has no nodes".to_owned(),
        });
    }
    let mut listed = std::collections::HashSet::with_capacity(body.nodes.len());
    for node in &body.nodes {
        listed.extend(node.children.iter().copied());
    }
    let mut roots: Vec<NodeId> = body
        .nodes
        .iter()
        .map(|node| node.id)
        .filter(|id| !listed.contains(id))
        .collect();
    roots.sort_unstable();
    roots.dedup();
    let root = match roots.as_slice() {
        [root] => *root,
        [] => {
            let mut all: Vec<NodeId> = body.nodes.iter().map(|node| node.id).collect();
            all.sort_unstable();
            return Err(invalid(vec![crate::model::Violation::TreeCycle(all)]));
        }
        _ => return Err(invalid(vec![crate::model::Violation::SeveralRoots(roots)])),
    };
    let nodes = body
        .nodes
        .into_iter()
        .map(|node| {
            let topic = Topic {
                id: node.id,
                title: node.title,
                kind: node.kind,
                pos: Pos::new(finite(node.x), finite(node.y)),
                offset: Pos::new(finite(node.dx), finite(node.dy)),
                side: node.side,
                palette: node.palette,
                folded: node.folded,
                color: node.color,
                icon: node.icon,
                link: node.link,
                tags: node.tags,
                profile: node.profile,
            };
            (topic, node.children)
        })
        .collect();
    let (map, mut problems) = MindMap::from_parts(root, nodes, body.links);
    if let Err(more) = map.validate() {
        problems.extend(more);
    }
    if !problems.is_empty() {
        problems.dedup();
        return Err(invalid(problems));
    }
    // Checked once the tree is known to be valid, so that the walk that counts levels meets no cycle.
    let levels = map.levels();
    if levels > MAX_LEVELS {
        return Err(LoadError::TooDeep {
            path: path.to_owned(),
            levels,
            limit: MAX_LEVELS,
        });
    }
    Ok(Workbook {
        map,
        plan: body.plan,
        arrangement: body.layout.unwrap_or_default(),
    })
}

/// A position that is not a number would poison every computation on the canvas; it becomes 0.
fn finite(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

/// What the header said, kept outside serde so that a wrong header becomes its own error rather than a
/// generic parse error.
#[derive(Default)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

impl Header {
    /// The version when the header is complete and readable; `Err(Some(_))` when what it says already rules
    /// the file out; `Err(None)` while a part is missing.
    fn check(&self) -> Result<u32, Option<HeaderProblem>> {
        if let Some(found) = self.format.as_ref().filter(|found| *found != FORMAT_NAME) {
            return Err(Some(HeaderProblem::WrongFormat(found.clone())));
        }
        match self.version {
            Some(found) if found > CURRENT_VERSION => Err(Some(HeaderProblem::Newer(found))),
            Some(found) if found < CURRENT_VERSION && !migrate::knows(found) => {
                Err(Some(HeaderProblem::Unknown(found)))
            }
            Some(found) if self.format.is_some() => Ok(found),
            _ => Err(None),
        }
    }
}

enum HeaderProblem {
    WrongFormat(String),
    NoHeader,
    Newer(u32),
    Unknown(u32),
}

impl HeaderProblem {
    fn into_error(self, path: &Path) -> LoadError {
        let path = path.to_owned();
        match self {
            HeaderProblem::WrongFormat(found) => LoadError::NotRelmap {
                path,
                reason: format!("its format is \"{found}\", not \"{FORMAT_NAME}\""),
            },
            HeaderProblem::NoHeader => LoadError::NotRelmap {
                path,
                reason: format!(
                    "it has no header; a relmap map starts with `format: \"{FORMAT_NAME}\"` and a version"
                ),
            },
            HeaderProblem::Newer(found) => LoadError::NewerVersion {
                path,
                found,
                supported: CURRENT_VERSION,
            },
            HeaderProblem::Unknown(found) => LoadError::UnknownVersion {
                path,
                found,
                supported: CURRENT_VERSION,
            },
        }
    }
}

/// The first pass: reads `format` and `version` wherever they stand, skipping everything else, and stops as
/// soon as the header is decided.
struct HeaderSeed<'a> {
    header: &'a RefCell<Header>,
}

/// The second pass: reads the body of a file in the current version.
struct FileSeed;

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Field {
    Format,
    Version,
    Nodes,
    Links,
    Layout,
    Plan,
    #[serde(other)]
    Other,
}

const FIELDS: &[&str] = &["format", "version", "nodes", "links", "layout", "plan"];

impl<'de> DeserializeSeed<'de> for HeaderSeed<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("File", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for HeaderSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a relmap map: `(format: \"relmap\", version: 1, nodes: [...], ...)`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        while let Some(field) = access.next_key::<Field>()? {
            match field {
                Field::Format => self.header.borrow_mut().format = Some(access.next_value()?),
                Field::Version => self.header.borrow_mut().version = Some(access.next_value()?),
                _ => {
                    access.next_value::<IgnoredAny>()?;
                }
            }
            if !matches!(self.header.borrow().check(), Err(None)) {
                // The header is decided; the caller looks at it, not at this error.
                return Err(de::Error::custom("header read"));
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for FileSeed {
    type Value = BodyV1;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<BodyV1, D::Error> {
        deserializer.deserialize_struct("File", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for FileSeed {
    type Value = BodyV1;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a relmap map: `(format: \"relmap\", version: 1, nodes: [...], ...)`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<BodyV1, A::Error> {
        let mut body = BodyV1::default();
        while let Some(field) = access.next_key::<Field>()? {
            match field {
                Field::Format | Field::Version | Field::Other => {
                    access.next_value::<IgnoredAny>()?;
                }
                Field::Nodes => body.nodes = access.next_value()?,
                Field::Links => body.links = access.next_value()?,
                Field::Layout => body.layout = Some(access.next_value()?),
                Field::Plan => body.plan = access.next_value()?,
            }
        }
        Ok(body)
    }
}
