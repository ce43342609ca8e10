//! From the parsed nodes to a workbook: ids, titles, looks, profiles, cross-links, positions and the plan, and
//! the report of what changed on the way.
//!
//! Nodes get fresh ids from 1 in document order. A map relmap wrote itself (its root carries `relmap.plan`) keeps
//! the ids it was written with, `ID_7` becoming node 7, for every node that also carries its `relmap.x` and
//! `relmap.y`, that is every node relmap wrote; nodes added in another program get fresh ids after them. The
//! same holds for arrow links and their `Arrow_ID_` ids. That is what makes relmap → `.mm` → relmap exact.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::model::{CrossLink, LinkId, MAX_ID, MindMap, NodeId, Plan, Rgb, Topic, Workbook};

use super::icons;
use super::parsed::{Parsed, ParsedNode};
use super::place::{self, Side};
use super::profile::{self, Meaning};
use super::{ImportError, Imported};

/// How many single problems (a link to a missing node, an unreadable attribute) the report lists before it
/// only counts the rest.
const LISTED: usize = 10;

/// One node on its way to becoming a topic.
struct Built {
    topic: Topic,
    x: Option<f32>,
    y: Option<f32>,
    plan: Option<String>,
    layout: Option<crate::model::Arrangement>,
}

/// What the report says about all nodes together.
#[derive(Default)]
struct Tally {
    icons_as_tags: BTreeMap<String, usize>,
    foreign: usize,
    bad_colours: usize,
    problems: Vec<String>,
    unlisted: usize,
}

impl Tally {
    fn problem(&mut self, sentence: String) {
        if self.problems.len() < LISTED {
            self.problems.push(sentence);
        } else {
            self.unlisted += 1;
        }
    }
}

pub(super) fn build(parsed: Parsed, path: &Path) -> Result<Imported, ImportError> {
    let Parsed {
        nodes,
        mut report,
        ignored,
        unknown,
        images,
        extra_roots,
    } = parsed;
    if nodes.is_empty() {
        return Err(ImportError::NotAMap {
            path: path.to_owned(),
            reason: "its <map> holds no <node>".to_owned(),
        });
    }
    let mut tally = Tally::default();
    let built: Vec<Built> = nodes
        .iter()
        .enumerate()
        .map(|(index, node)| topic_of(node, index == 0, &mut tally))
        .collect();
    let from_relmap = built[0].plan.is_some();

    let ids = assign_ids(&nodes, &built, from_relmap);
    let mut by_file_id: HashMap<&str, usize> = HashMap::with_capacity(nodes.len());
    for (index, node) in nodes.iter().enumerate() {
        if let Some(file_id) = &node.file_id {
            by_file_id.entry(file_id.as_str()).or_insert(index);
        }
    }
    let links = links(&nodes, &built, &ids, &by_file_id, from_relmap, &mut tally);

    let positioned = built
        .iter()
        .filter(|b| b.x.is_some() && b.y.is_some())
        .count();
    let all_positioned = positioned == built.len();
    let mut sides: HashMap<NodeId, Side> = HashMap::new();
    let mut parts = Vec::with_capacity(built.len());
    let mut plan_text = None;
    let mut arrangement = None;
    for ((node, built), &id) in nodes.iter().zip(built).zip(&ids) {
        let mut topic = built.topic;
        topic.id = id;
        if let Some(pos) = profile::position(built.x, built.y) {
            topic.pos = pos;
        }
        if node.parent == Some(0)
            && let Some(side) = node.side
        {
            sides.insert(id, side);
            // The file's side is the branch's side in the tree layout too, unless relmap wrote the file and
            // said exactly which side the branch keeps (or that it has none yet).
            if !from_relmap {
                topic.side = Some(match side {
                    Side::Left => crate::model::Side::Left,
                    Side::Right => crate::model::Side::Right,
                });
            }
        }
        if built.plan.is_some() {
            plan_text = built.plan;
        }
        if built.layout.is_some() {
            arrangement = built.layout;
        }
        let children = node.children.iter().map(|&child| ids[child]).collect();
        parts.push((topic, children));
    }
    let (mut map, mut problems) = MindMap::from_parts(ids[0], parts, links);
    if let Err(more) = map.validate() {
        problems.extend(more);
    }
    if !problems.is_empty() {
        // The tree comes straight from the nesting of the XML, so this would be a bug in this module.
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(ImportError::NotAMap {
            path: path.to_owned(),
            reason: format!("its nodes do not form a tree: {}", problems.join("; ")),
        });
    }
    if !all_positioned {
        if from_relmap && positioned > 0 {
            let missing = nodes.len() - positioned;
            let (count, were) = if missing == 1 {
                ("1 node".to_owned(), "it was")
            } else {
                (format!("{missing} nodes"), "they were")
            };
            tally.problem(format!(
                "{count} had no relmap position ({were} added in another program), so the whole map was laid \
                 out again as a tree."
            ));
        }
        place::place(&mut map, &|id| sides.get(&id).copied());
    }

    let plan = match plan_text {
        Some(text) => profile::read_plan(&text).unwrap_or_else(|error| {
            tally.problem(format!(
                "The plan stored in the map's {} attribute could not be read ({error}); the map gets the \
                 default plan.",
                profile::PLAN
            ));
            Plan::default()
        }),
        None => Plan::default(),
    };

    summarize(
        &mut report,
        &ignored,
        &unknown,
        images,
        extra_roots,
        from_relmap,
        tally,
    );
    Ok(Imported {
        workbook: Workbook {
            map,
            plan,
            arrangement: arrangement.unwrap_or_default(),
        },
        report,
    })
}

/// A topic from one parsed node, with everything but its id and position.
fn topic_of(node: &ParsedNode, is_root: bool, tally: &mut Tally) -> Built {
    let title = node.rich_title.clone().unwrap_or_else(|| node.text.clone());
    let mut topic = Topic::new(NodeId(0), title, profile::default_kind(is_root));
    topic.folded = node.folded;
    topic.link = node.link.clone().filter(|link| !link.trim().is_empty());
    let background = node.background.as_deref().map(colour);
    let foreground = node.color.as_deref().map(colour);
    tally.bad_colours += [background, foreground]
        .iter()
        .filter(|c| matches!(c, Some(None)))
        .count();
    topic.color = background.flatten().or(foreground.flatten());

    let mut icon_tags = Vec::new();
    for name in &node.icons {
        match icons::from_builtin(name) {
            Some(icon) if topic.icon.is_none() => topic.icon = Some(icon),
            _ => {
                *tally.icons_as_tags.entry(name.clone()).or_default() += 1;
                icon_tags.push(name.clone());
            }
        }
    }

    let mut built = Built {
        topic,
        x: None,
        y: None,
        plan: None,
        layout: None,
    };
    let mut foreign = Vec::new();
    for (name, value) in &node.attributes {
        match profile::apply(&mut built.topic, name, value) {
            Meaning::Applied => {}
            Meaning::X(v) => built.x = Some(v),
            Meaning::Y(v) => built.y = Some(v),
            Meaning::Kind(kind) => built.topic.kind = kind,
            Meaning::Plan(text) if is_root => built.plan = Some(text),
            Meaning::Layout(arrangement) if is_root => built.layout = Some(arrangement),
            Meaning::Layout(_) => {
                foreign.push(format!("{name}: {value}"));
                tally.problem(format!(
                    "The attribute {name} on \"{}\" was added to its notes: only the central node says how \
                     the map is arranged.",
                    short(&built.topic.title)
                ));
            }
            Meaning::Plan(_) => {
                foreign.push(format!("{name}: {value}"));
                tally.problem(format!(
                    "The attribute {name} on \"{}\" was added to its notes: only the central node holds the plan.",
                    short(&built.topic.title)
                ));
            }
            Meaning::Foreign if name.starts_with(profile::PREFIX) => {
                foreign.push(format!("{name}: {value}"));
                tally.problem(format!(
                    "The attribute {name} on \"{}\" is not one this relmap knows (a newer relmap may have \
                     written it); it was added to the node's notes.",
                    short(&built.topic.title)
                ));
            }
            Meaning::Foreign => {
                foreign.push(format!("{name}: {value}"));
                tally.foreign += 1;
            }
            Meaning::Invalid(reason) => {
                foreign.push(format!("{name}: {value}"));
                tally.problem(format!(
                    "The attribute {name} = \"{}\" on \"{}\" {reason}; it was added to the node's notes.",
                    short(value),
                    short(&built.topic.title)
                ));
            }
        }
    }

    let mut notes: Vec<String> = node.notes.clone();
    if !foreign.is_empty() {
        notes.push(foreign.join("\n"));
    }
    built.topic.profile.notes = notes.join("\n\n");
    icon_tags.append(&mut built.topic.tags);
    built.topic.tags = icon_tags;
    built
}

/// A colour as `#rrggbb`; Freeplane may add an alpha byte, which relmap has no use for.
fn colour(text: &str) -> Option<Rgb> {
    let hex = text.trim().trim_start_matches('#');
    let hex = if hex.len() == 8 { &hex[..6] } else { hex };
    Rgb::from_hex(hex)
}

fn assign_ids(nodes: &[ParsedNode], built: &[Built], from_relmap: bool) -> Vec<NodeId> {
    let mut ids: Vec<Option<NodeId>> = vec![None; nodes.len()];
    let mut used = HashSet::new();
    let ceiling = MAX_ID.saturating_sub(nodes.len() as u64);
    if from_relmap {
        for ((slot, node), built) in ids.iter_mut().zip(nodes).zip(built) {
            let number = node
                .file_id
                .as_deref()
                .and_then(|id| id.strip_prefix("ID_"))
                .and_then(|n| n.parse::<u64>().ok());
            // Fresh ids are counted on from the largest kept one, and must stay within what the model allows.
            if let Some(n) = number
                && n > 0
                && n <= ceiling
                && built.x.is_some()
                && built.y.is_some()
                && used.insert(n)
            {
                *slot = Some(NodeId(n));
            }
        }
    }
    let mut next = used.iter().max().map_or(1, |max| max + 1);
    ids.into_iter()
        .map(|id| {
            id.unwrap_or_else(|| {
                let fresh = NodeId(next);
                next += 1;
                fresh
            })
        })
        .collect()
}

fn links(
    nodes: &[ParsedNode],
    built: &[Built],
    ids: &[NodeId],
    by_file_id: &HashMap<&str, usize>,
    from_relmap: bool,
    tally: &mut Tally,
) -> Vec<CrossLink> {
    let mut wanted = Vec::new();
    let mut used = HashSet::new();
    let count: usize = nodes.iter().map(|node| node.links.len()).sum();
    let ceiling = MAX_ID.saturating_sub(count as u64);
    for (index, node) in nodes.iter().enumerate() {
        let source = short(&built[index].topic.title);
        for link in &node.links {
            let target = match by_file_id.get(link.destination.as_str()) {
                None => {
                    tally.problem(format!(
                        "arrow link from \"{source}\" to {}: no such node, skipped",
                        short(&link.destination)
                    ));
                    continue;
                }
                // relmap's model allows a link from a node to itself, so a map relmap wrote keeps its own.
                Some(&target) if target == index && !from_relmap => {
                    tally.problem(format!(
                        "arrow link from \"{source}\" to itself: skipped, relmap links two different nodes"
                    ));
                    continue;
                }
                Some(&target) => target,
            };
            let number = link
                .file_id
                .as_deref()
                .and_then(|id| id.strip_prefix("Arrow_ID_"))
                .and_then(|n| n.parse::<u64>().ok())
                .filter(|&n| from_relmap && n > 0 && n <= ceiling && used.insert(n));
            wanted.push((ids[index], ids[target], link.label.clone(), number));
        }
    }
    let mut next = used.iter().max().map_or(1, |max| max + 1);
    wanted
        .into_iter()
        .map(|(from, to, label, number)| {
            let id = number.unwrap_or_else(|| {
                next += 1;
                next - 1
            });
            CrossLink {
                id: LinkId(id),
                from,
                to,
                label,
            }
        })
        .collect()
}

/// A title or value as the report quotes it: its first line, at most 40 characters.
fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    if line.is_empty() {
        return "(untitled)".to_owned();
    }
    let mut chars = line.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() || text.trim().lines().nth(1).is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// "a", "a and b", "a, b and c".
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn summarize(
    report: &mut Vec<String>,
    ignored: &BTreeMap<(&'static str, &'static str), usize>,
    unknown: &BTreeMap<String, usize>,
    images: usize,
    extra_roots: usize,
    from_relmap: bool,
    tally: Tally,
) {
    let mut parts: Vec<String> = ignored
        .iter()
        .map(|(&(one, many), &n)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
    let unknown_count: usize = unknown.values().sum();
    if unknown_count > 0 {
        let names: Vec<String> = unknown.keys().map(|name| format!("<{name}>")).collect();
        let noun = if unknown_count == 1 {
            "other element"
        } else {
            "other elements"
        };
        parts.push(format!("{unknown_count} {noun} ({})", names.join(", ")));
    }
    if !parts.is_empty() {
        let total: usize = ignored.values().sum::<usize>() + unknown_count;
        let verb = if total == 1 { "was" } else { "were" };
        report.push(format!(
            "{} {verb} ignored; relmap has no place for them.",
            listed(&parts)
        ));
    }
    if images > 0 {
        report.push(format!(
            "{images} {} in rich text {} left out: relmap keeps plain text.",
            if images == 1 { "image" } else { "images" },
            if images == 1 { "was" } else { "were" }
        ));
    }
    if extra_roots > 0 {
        report.push(format!(
            "The file has {} central nodes; relmap has one, so the others were placed under the first.",
            extra_roots + 1
        ));
    }
    if tally.bad_colours > 0 {
        report.push(if tally.bad_colours == 1 {
            "1 colour was not of the form #rrggbb and was left out.".to_owned()
        } else {
            format!(
                "{} colours were not of the form #rrggbb and were left out.",
                tally.bad_colours
            )
        });
    }
    // A map relmap wrote keeps its tags as icons on purpose; only icons from other programs are news.
    let icon_count: usize = tally.icons_as_tags.values().sum();
    if icon_count > 0 && !from_relmap {
        let names: Vec<String> = tally.icons_as_tags.keys().take(8).cloned().collect();
        let more = if tally.icons_as_tags.len() > 8 {
            ", …"
        } else {
            ""
        };
        report.push(format!(
            "{icon_count} {} kept as tags, because relmap shows one icon per node and has no equivalent for \
             some: {}{more}.",
            if icon_count == 1 { "icon was" } else { "icons were" },
            names.join(", ")
        ));
    }
    if tally.foreign > 0 {
        report.push(if tally.foreign == 1 {
            "1 attribute was added to its node's notes as a \"name: value\" line.".to_owned()
        } else {
            format!(
                "{} attributes were added to their nodes' notes as \"name: value\" lines.",
                tally.foreign
            )
        });
    }
    report.extend(tally.problems);
    if tally.unlisted > 0 {
        report.push(format!(
            "… and {} more problems like these.",
            tally.unlisted
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_quote_short_first_lines() {
        assert_eq!(short("Board"), "Board");
        assert_eq!(short("Board\nof trustees"), "Board…");
        assert_eq!(short(""), "(untitled)");
        assert_eq!(short(&"x".repeat(50)), format!("{}…", "x".repeat(40)));
    }

    #[test]
    fn lists_read_as_english() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(listed(&items[..1]), "a");
        assert_eq!(listed(&items[..2]), "a and b");
        assert_eq!(listed(&items), "a, b and c");
    }

    #[test]
    fn colours_may_carry_an_alpha_byte() {
        assert_eq!(colour("#ff0000"), Some(Rgb([255, 0, 0])));
        assert_eq!(colour("#00ff00cc"), Some(Rgb([0, 255, 0])));
        assert_eq!(colour("red"), None);
    }
}
