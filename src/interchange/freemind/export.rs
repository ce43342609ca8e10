//! Writing a `FreeMind` 1.0.1 map (`<map version="1.0.1">`), which `FreeMind` 0.9 and later and every
//! Freeplane open.
//!
//! Each node is a `<node>` with `ID="ID_<relmap id>"`, its title in `TEXT`, `FOLDED`, its colour as
//! `BACKGROUND_COLOR` (with a readable text `COLOR` over it), `LINK`, and for first-level nodes the side of the
//! root it stands on as `POSITION`. Inside it come its icon and the tags that name icons, its notes as rich
//! text (one paragraph per line), its cross-links as `<arrowlink>`s, and everything else relmap knows as
//! `relmap.*` attributes (see `profile`), the plan on the root. The same workbook always gives the same text.
//! Nodes are written from an explicit stack, so any depth of map is safe.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::{CrossLink, Icon, NodeId, Rgb, Topic, Workbook};

use super::icons;
use super::profile;
use super::text::{escape_attribute, escape_html_line};

/// A step of the walk over the tree: write a node's start and content, or its end tag.
enum Visit {
    Open(NodeId),
    Close,
}

/// Writes a workbook as a `FreeMind` 1.0.1 map. Reading the text back with [`super::import_mm`] gives the same
/// workbook.
#[must_use]
pub fn export_mm(workbook: &Workbook) -> String {
    let map = &workbook.map;
    let root = map.root();
    let root_x = map.topic(root).map_or(0.0, |t| t.pos.x);
    let mut links: BTreeMap<NodeId, Vec<&CrossLink>> = BTreeMap::new();
    for link in map.links() {
        links.entry(link.from).or_default().push(link);
    }
    for from in links.values_mut() {
        from.sort_by_key(|link| link.id);
    }

    let mut out = String::with_capacity(map.len() * 256 + 1024);
    out.push_str("<map version=\"1.0.1\">\n");
    out.push_str(
        "<!-- Written by relmap. To view this file, download free mind mapping software FreeMind from \
         http://freemind.sourceforge.net or Freeplane from https://www.freeplane.org. The relmap.* \
         attributes keep what FreeMind has no place for; relmap reads them back. -->\n",
    );
    let mut stack = vec![Visit::Open(root)];
    while let Some(visit) = stack.pop() {
        let id = match visit {
            Visit::Close => {
                out.push_str("</node>\n");
                continue;
            }
            Visit::Open(id) => id,
        };
        let Some(topic) = map.topic(id) else { continue };
        let left = match topic.side {
            Some(side) => side == crate::model::Side::Left,
            None => topic.pos.x < root_x,
        };
        let side = (map.parent(id) == Some(root)).then_some(if left { "left" } else { "right" });
        open_node(&mut out, topic, side);
        let tags_as_icons = write_icons(&mut out, topic);
        write_notes(&mut out, &topic.profile.notes);
        for link in links.get(&id).into_iter().flatten() {
            write_link(&mut out, link);
        }
        let tags = &topic.tags[tags_as_icons..];
        for (name, value) in profile::rows(topic, id == root, tags) {
            write_attribute(&mut out, name, &value);
        }
        if id == root {
            if workbook.arrangement != crate::model::Arrangement::Tree {
                let layout = format!("{:?}", workbook.arrangement);
                write_attribute(&mut out, profile::LAYOUT, &layout);
            }
            write_attribute(&mut out, profile::PLAN, &profile::plan_text(&workbook.plan));
        }
        stack.push(Visit::Close);
        stack.extend(
            map.children(id)
                .iter()
                .rev()
                .map(|&child| Visit::Open(child)),
        );
    }
    out.push_str("</map>\n");
    out
}

fn open_node(out: &mut String, topic: &Topic, side: Option<&str>) {
    out.push_str("<node");
    if let Some(colour) = topic.color {
        let _ = write!(
            out,
            " BACKGROUND_COLOR=\"{}\" COLOR=\"{}\"",
            colour.to_hex(),
            text_colour(colour).to_hex()
        );
    }
    if topic.folded {
        out.push_str(" FOLDED=\"true\"");
    }
    let _ = write!(out, " ID=\"ID_{}\"", topic.id);
    if let Some(link) = &topic.link {
        let _ = write!(out, " LINK=\"{}\"", escape_attribute(link));
    }
    if let Some(side) = side {
        let _ = write!(out, " POSITION=\"{side}\"");
    }
    let _ = writeln!(out, " TEXT=\"{}\">", escape_attribute(&topic.title));
}

/// Black or white, whichever reads better on `background`.
fn text_colour(background: Rgb) -> Rgb {
    let [r, g, b] = background.0.map(f32::from);
    if 0.299 * r + 0.587 * g + 0.114 * b > 150.0 {
        Rgb([0, 0, 0])
    } else {
        Rgb([0xff, 0xff, 0xff])
    }
}

/// Writes the node's icon, then as many of its tags as can be icons, and says how many tags that was.
///
/// Reading makes the first icon relmap knows the node's icon and every other icon a tag, in order. So a tag is
/// written as an icon only when it names one `FreeMind` or Freeplane shows, and, on a node without an icon,
/// only when relmap would not read it back as the icon; from the first tag that cannot be an icon on, the
/// tags are attributes, which keeps their order.
fn write_icons(out: &mut String, topic: &Topic) -> usize {
    if let Some(icon) = topic.icon {
        write_icon(out, icon_name(icon));
    }
    let count = topic
        .tags
        .iter()
        .take_while(|tag| {
            icons::is_builtin(tag) && (topic.icon.is_some() || icons::from_builtin(tag).is_none())
        })
        .count();
    for tag in &topic.tags[..count] {
        write_icon(out, tag);
    }
    count
}

fn icon_name(icon: Icon) -> &'static str {
    icons::builtin_name(icon)
}

fn write_icon(out: &mut String, name: &str) {
    let _ = writeln!(out, "<icon BUILTIN=\"{}\"/>", escape_attribute(name));
}

/// Notes as `FreeMind` writes them: an HTML document, one paragraph per line.
fn write_notes(out: &mut String, notes: &str) {
    if notes.is_empty() {
        return;
    }
    out.push_str("<richcontent TYPE=\"NOTE\"><html>\n<head>\n</head>\n<body>\n");
    for line in notes.split('\n') {
        let _ = writeln!(out, "<p>{}</p>", escape_html_line(line));
    }
    out.push_str("</body>\n</html>\n</richcontent>\n");
}

fn write_link(out: &mut String, link: &CrossLink) {
    let _ = write!(
        out,
        "<arrowlink DESTINATION=\"ID_{}\" ENDARROW=\"Default\" ID=\"Arrow_ID_{}\"",
        link.to, link.id
    );
    if !link.label.is_empty() {
        let _ = write!(out, " MIDDLE_LABEL=\"{}\"", escape_attribute(&link.label));
    }
    out.push_str(" STARTARROW=\"None\"/>\n");
}

fn write_attribute(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(
        out,
        "<attribute NAME=\"{}\" VALUE=\"{}\"/>",
        escape_attribute(name),
        escape_attribute(value)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NodeKind, Topic};

    #[test]
    fn text_is_black_on_light_colours_and_white_on_dark_ones() {
        assert_eq!(text_colour(Rgb([0xff, 0xee, 0x88])), Rgb([0, 0, 0]));
        assert_eq!(
            text_colour(Rgb([0x1f, 0x30, 0x60])),
            Rgb([0xff, 0xff, 0xff])
        );
    }

    #[test]
    fn tags_are_icons_only_while_they_read_back_as_tags() {
        let mut topic = Topic::new(NodeId(2), "x", NodeKind::Topic);
        topic.tags = vec![
            "full-1".to_owned(),
            "idea".to_owned(),
            "budget".to_owned(),
            "licq".to_owned(),
        ];
        let mut out = String::new();
        assert_eq!(
            write_icons(&mut out, &topic),
            1,
            "\"idea\" would become the icon"
        );
        topic.icon = Some(Icon::Star);
        let mut out = String::new();
        assert_eq!(write_icons(&mut out, &topic), 2);
        assert_eq!(
            out,
            "<icon BUILTIN=\"bookmark\"/>\n<icon BUILTIN=\"full-1\"/>\n<icon BUILTIN=\"idea\"/>\n"
        );
    }

    #[test]
    fn notes_are_one_paragraph_per_line() {
        let mut out = String::new();
        write_notes(&mut out, "a & b\n\n  indented");
        assert!(
            out.contains("<p>a &amp; b</p>\n<p></p>\n<p>&#160;&#160;indented</p>\n"),
            "{out}"
        );
    }
}
