//! One node of the map: its title, kind, place on the canvas, looks and relationship profile.

use serde::{Deserialize, Serialize};

use super::{NodeId, Profile};

/// What a node stands for. The kinds follow the worksheet: broad constituencies, the groups and people in
/// them, the areas of responsibility a director carries, and the interests people hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeKind {
    /// The person drawing the map, at its centre.
    Center,
    /// One of the key constituencies: governing authority, staff, community, profession, self.
    Constituency,
    /// A group inside a constituency, such as the board or civic clubs.
    Group,
    /// One key person.
    Person,
    /// An area of responsibility.
    Responsibility,
    /// An interest that a person or group holds.
    Interest,
    /// Anything else: a plain mind-map topic.
    #[default]
    Topic,
}

impl NodeKind {
    /// Every kind, in the order menus list them.
    pub const ALL: [NodeKind; 7] = [
        NodeKind::Center,
        NodeKind::Constituency,
        NodeKind::Group,
        NodeKind::Person,
        NodeKind::Responsibility,
        NodeKind::Interest,
        NodeKind::Topic,
    ];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Center => "Centre (you)",
            NodeKind::Constituency => "Constituency",
            NodeKind::Group => "Group",
            NodeKind::Person => "Person",
            NodeKind::Responsibility => "Responsibility",
            NodeKind::Interest => "Interest",
            NodeKind::Topic => "Topic",
        }
    }
}

/// A small set of icons a node can carry; they map to `FreeMind`'s built-in icons where one exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Icon {
    /// A star: important.
    Star,
    /// A flag: a priority.
    Flag,
    /// A warning sign.
    Warning,
    /// A question still open.
    Question,
    /// An idea.
    Idea,
    /// Something done.
    Check,
    /// A date to keep.
    Calendar,
    /// People.
    People,
    /// Learning, reading, the profession.
    Book,
    /// Health and self-care.
    Heart,
}

impl Icon {
    /// Every icon, in the order menus list them.
    pub const ALL: [Icon; 10] = [
        Icon::Star,
        Icon::Flag,
        Icon::Warning,
        Icon::Question,
        Icon::Idea,
        Icon::Check,
        Icon::Calendar,
        Icon::People,
        Icon::Book,
        Icon::Heart,
    ];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Icon::Star => "Star",
            Icon::Flag => "Flag",
            Icon::Warning => "Warning",
            Icon::Question => "Question",
            Icon::Idea => "Idea",
            Icon::Check => "Check",
            Icon::Calendar => "Calendar",
            Icon::People => "People",
            Icon::Book => "Book",
            Icon::Heart => "Heart",
        }
    }

    /// A glyph from egui's default fonts that shows the icon.
    #[must_use]
    pub fn glyph(self) -> &'static str {
        match self {
            Icon::Star => "★",
            Icon::Flag => "⚑",
            Icon::Warning => "⚠",
            Icon::Question => "?",
            Icon::Idea => "💡",
            Icon::Check => "✔",
            Icon::Calendar => "📅",
            Icon::People => "👥",
            Icon::Book => "📖",
            Icon::Heart => "♥",
        }
    }
}

/// A colour as red, green and blue bytes, written in files as `"#rrggbb"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// The colour as `#rrggbb`.
    #[must_use]
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Reads `#rrggbb` (the `#` is optional); `None` for anything else.
    #[must_use]
    pub fn from_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl Serialize for Rgb {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Rgb::from_hex(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a colour of the form \"#rrggbb\""))
        })
    }
}

/// A point in canvas units: the map's own coordinate space, independent of zoom and panning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pos {
    /// Rightwards.
    pub x: f32,
    /// Downwards.
    pub y: f32,
}

impl Pos {
    /// A point.
    #[must_use]
    pub const fn new(x: f32, y: f32) -> Pos {
        Pos { x, y }
    }

    /// The point rounded to a tenth of a unit, as files store it, so that saving is stable.
    #[must_use]
    pub fn rounded(self) -> Pos {
        let round = |v: f32| {
            // In f64, so that a huge coordinate never overflows to infinity, which no file may hold.
            let r = ((f64::from(v) * 10.0).round() / 10.0) as f32;
            // Avoid writing "-0.0".
            if r == 0.0 { 0.0 } else { r }
        };
        Pos::new(round(self.x), round(self.y))
    }
}

/// Which side of the centre a first-level branch grows towards in the tree layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// To the right of the centre.
    Right,
    /// To the left of the centre.
    Left,
}

/// How many colours the palette of first-level branches has; [`Topic::palette`] counts within it.
pub const BRANCH_PALETTE_SIZE: u8 = 6;

/// How the map is arranged on the canvas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Arrangement {
    /// Laid out automatically as a balanced tree, branches to the right and left of the centre, as in
    /// Freeplane and `XMind`. The map re-flows after every change.
    #[default]
    Tree,
    /// Laid out automatically around the centre, each branch in a sector of its own. The map re-flows after
    /// every change.
    Radial,
    /// Every node stays where the user puts it; nothing is laid out unless asked for.
    Free,
}

impl Arrangement {
    /// Every arrangement, in the order menus list them.
    pub const ALL: [Arrangement; 3] = [Arrangement::Tree, Arrangement::Radial, Arrangement::Free];

    /// The name a user reads.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Arrangement::Tree => "Tree",
            Arrangement::Radial => "Radial",
            Arrangement::Free => "Free",
        }
    }

    /// Whether the map lays itself out after every change.
    #[must_use]
    pub fn is_automatic(self) -> bool {
        !matches!(self, Arrangement::Free)
    }
}

/// One node of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Topic {
    /// Its stable identity.
    pub id: NodeId,
    /// The text on the canvas; may hold several lines.
    pub title: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// Its centre on the canvas, as drawn. In an automatic arrangement the document keeps it up to date from
    /// the layout and the offsets; in the free arrangement it is where the user put the node.
    pub pos: Pos,
    /// The user's nudge away from the automatic place, in canvas units. It moves the node's whole branch with
    /// it, and is kept when the branch re-flows, as Freeplane keeps its shifts.
    pub offset: Pos,
    /// For a first-level branch, the side of the centre it grows towards in the tree layout. Chosen once, when
    /// the branch first appears, so that branches never jump sides as others grow.
    pub side: Option<Side>,
    /// For a first-level branch, its place in the palette of branch colours. Chosen once, when the branch
    /// first appears, so that a branch keeps its colour when others are added, deleted or reordered.
    pub palette: Option<u8>,
    /// Whether its children are hidden.
    pub folded: bool,
    /// Its own colour; `None` uses the colour of its kind.
    pub color: Option<Rgb>,
    /// An icon shown before the title.
    pub icon: Option<Icon>,
    /// A web address or a file path kept on the node, as `FreeMind`'s and Freeplane's node links are.
    pub link: Option<String>,
    /// Free text tags, in order. Icons imported from other tools that have no [`Icon`] of their own are kept
    /// here under their names.
    pub tags: Vec<String>,
    /// The relationship it stands for.
    pub profile: Profile,
}

impl Topic {
    /// A node with a title and defaults for everything else.
    #[must_use]
    pub fn new(id: NodeId, title: impl Into<String>, kind: NodeKind) -> Topic {
        Topic {
            id,
            title: title.into(),
            kind,
            pos: Pos::default(),
            offset: Pos::default(),
            side: None,
            palette: None,
            folded: false,
            color: None,
            icon: None,
            link: None,
            tags: Vec::new(),
            profile: Profile::default(),
        }
    }

    /// The node with a position.
    #[must_use]
    pub fn at(mut self, pos: Pos) -> Topic {
        self.pos = pos;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_back_what_they_write() {
        let colour = Rgb([0x1f, 0x77, 0xb4]);
        assert_eq!(colour.to_hex(), "#1f77b4");
        assert_eq!(Rgb::from_hex("#1f77b4"), Some(colour));
        assert_eq!(Rgb::from_hex("1F77B4"), Some(colour));
        assert_eq!(Rgb::from_hex("#1f77"), None);
        assert_eq!(Rgb::from_hex("#gg0000"), None);
        assert_eq!(Rgb::from_hex("#ééé"), None);
    }

    #[test]
    fn rounding_positions_never_gives_negative_zero() {
        let p = Pos::new(-0.01, 12.345).rounded();
        assert_eq!(p.x.to_bits(), 0.0_f32.to_bits());
        assert!((p.y - 12.3).abs() < 1e-4);
    }
}
