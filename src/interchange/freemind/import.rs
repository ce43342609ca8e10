//! Reading a `.mm` file: one pass of a pull parser over the decoded text, with an explicit stack of open
//! elements, into a flat list of nodes in document order. `build` then turns that list into a workbook.
//!
//! The parser is quick-xml's `Reader`, which reports a `<!DOCTYPE>` as one opaque event and never reads a DTD,
//! so nothing a file declares can expand or reach outside the file. References are resolved here, by hand,
//! against the XML standard's five entities and (in rich text) HTML's named characters only.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};

use super::build;
use super::parsed::{Parsed, ParsedLink, ParsedNode, ignored_words};
use super::place::Side;
use super::text::{References, Resolved, attribute_value};
use super::xhtml::Xhtml;
use super::{ImportError, Imported, MAX_NODE_DEPTH, decode, line_column};

/// How deeply elements of any kind may nest: the deepest map allowed, plus room for rich text in it.
const MAX_ELEMENT_DEPTH: usize = MAX_NODE_DEPTH + 1_000;

/// Reads a `FreeMind` or Freeplane map (map versions 0.7 to Freeplane 1.12) from the bytes of a `.mm` file;
/// `path` names the file in errors. What relmap has no place for is listed in [`Imported::report`].
pub fn import_mm(bytes: &[u8], path: &Path) -> Result<Imported, ImportError> {
    let (text, decoding) = decode::decode(bytes, path)?;
    let mut parser = Parser::new(path);
    parser.report.extend(decoding);
    parser.run(&text)?;
    build::build(parser.into_parsed(), path)
}

/// What an open element is.
#[derive(Debug)]
enum Frame {
    Map,
    Node(usize),
    /// A `<richcontent>` (or a `FreeMind` 0.7 note hook); its content is in `Parser::rich`.
    Rich,
    /// An element inside rich content.
    Inner(String),
    /// An ignored element, and everything inside it.
    Skip,
}

/// Where the text of a rich content element goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Title,
    Notes,
}

#[derive(Debug)]
enum Body {
    Html(Xhtml),
    /// Freeplane's `CONTENT-TYPE="plain/..."`: the text of a `<text>` child, or the element's own text.
    Plain {
        text: String,
        direct: String,
        inside_text: usize,
        saw_text: bool,
    },
}

#[derive(Debug)]
struct Rich {
    node: usize,
    target: Target,
    body: Body,
}

struct Parser<'p> {
    path: &'p Path,
    parsed: Parsed,
    report: Vec<String>,
    stack: Vec<Frame>,
    node_depth: usize,
    rich: Option<Rich>,
    refs: References,
    doctype: bool,
    seen_map: bool,
}

impl<'p> Parser<'p> {
    fn new(path: &'p Path) -> Parser<'p> {
        Parser {
            path,
            parsed: Parsed::default(),
            report: Vec::new(),
            stack: Vec::new(),
            node_depth: 0,
            rich: None,
            refs: References::default(),
            doctype: false,
            seen_map: false,
        }
    }

    fn run(&mut self, text: &str) -> Result<(), ImportError> {
        let mut reader = Reader::from_str(text);
        reader.config_mut().allow_dangling_amp = true;
        loop {
            let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                    return Err(self.syntax(
                        text,
                        offset,
                        &format!("the XML is broken here: {error}"),
                    ));
                }
            };
            match event {
                Event::Start(tag) => {
                    self.open(&tag, text, at)?;
                }
                Event::Empty(tag) => {
                    self.open(&tag, text, at)?;
                    self.close();
                }
                Event::End(_) => self.close(),
                // Text outside rich content is only the white space between elements.
                Event::Text(_) | Event::CData(_) if self.rich.is_none() => {}
                Event::Text(content) => {
                    let content = content
                        .xml10_content()
                        .unwrap_or_else(|_| String::from_utf8_lossy(&content).into_owned().into());
                    self.text(&content, false);
                }
                Event::CData(content) => {
                    self.text(&String::from_utf8_lossy(&content), false);
                }
                Event::GeneralRef(reference) => {
                    let name = String::from_utf8_lossy(&reference);
                    let html = self.rich.is_some();
                    match self.refs.resolve(&name, html) {
                        Resolved::Char(c) => self.text(c.encode_utf8(&mut [0; 4]), true),
                        Resolved::Kept(kept) => self.text(&kept, false),
                    }
                }
                Event::DocType(_) => self.doctype = true,
                Event::Eof => break,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
        if let Some(open) = self.stack.last() {
            let what = match open {
                Frame::Map => "<map>".to_owned(),
                Frame::Node(_) => "a <node>".to_owned(),
                Frame::Rich => "a <richcontent>".to_owned(),
                Frame::Inner(name) => format!("<{name}>"),
                Frame::Skip => "an element".to_owned(),
            };
            return Err(self.syntax(
                text,
                text.len(),
                &format!("the file ends before {what} is closed: it looks cut off"),
            ));
        }
        if !self.seen_map {
            return Err(ImportError::NotAMap {
                path: self.path.to_owned(),
                reason: "it has no <map> element".to_owned(),
            });
        }
        Ok(())
    }

    fn syntax(&self, text: &str, offset: usize, message: &str) -> ImportError {
        let (line, column) = line_column(text, offset);
        ImportError::Syntax {
            path: self.path.to_owned(),
            line,
            column,
            message: message.to_owned(),
        }
    }

    fn too_deep(&self, text: &str, offset: usize, limit: usize) -> ImportError {
        let (line, column) = line_column(text, offset);
        ImportError::TooDeep {
            path: self.path.to_owned(),
            line,
            column,
            limit,
        }
    }

    /// The attributes of a tag, with their values unescaped.
    fn attributes(
        &mut self,
        tag: &BytesStart<'_>,
        text: &str,
        at: usize,
    ) -> Result<Vec<(String, String)>, ImportError> {
        let mut out = Vec::new();
        for attribute in tag.attributes() {
            let attribute = attribute.map_err(|error| {
                let (position, message) = attribute_problem(&error);
                // quick-xml counts attribute positions from just after the tag's `<`.
                self.syntax(text, at.saturating_add(1).saturating_add(position), message)
            })?;
            let name = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
            let raw = String::from_utf8_lossy(&attribute.value);
            out.push((name, attribute_value(&raw, &mut self.refs)));
        }
        Ok(out)
    }

    fn open(&mut self, tag: &BytesStart<'_>, text: &str, at: usize) -> Result<(), ImportError> {
        if self.stack.len() >= MAX_ELEMENT_DEPTH {
            return Err(self.too_deep(text, at, MAX_ELEMENT_DEPTH));
        }
        let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
        let frame = match self.stack.last() {
            None if name == "map" && !self.seen_map => {
                self.seen_map = true;
                Frame::Map
            }
            None if !self.seen_map => {
                return Err(ImportError::NotAMap {
                    path: self.path.to_owned(),
                    reason: format!("it starts with <{name}>, not <map>"),
                });
            }
            None | Some(Frame::Skip) => Frame::Skip,
            Some(Frame::Map) if name == "node" => {
                if self.parsed.nodes.is_empty() {
                    self.new_node(None, tag, text, at)?
                } else {
                    // XML allows one root; a second one hangs under the first rather than being lost.
                    self.parsed.extra_roots += 1;
                    self.new_node(Some(0), tag, text, at)?
                }
            }
            Some(Frame::Map) => {
                self.ignore(&name);
                Frame::Skip
            }
            Some(&Frame::Node(node)) => self.in_node(node, &name, tag, text, at)?,
            Some(Frame::Rich | Frame::Inner(_)) => {
                let lower = name.to_ascii_lowercase();
                let html = matches!(
                    self.rich,
                    Some(Rich {
                        body: Body::Html(_),
                        ..
                    })
                );
                if html {
                    let attributes = self.attributes(tag, text, at)?;
                    let get = |key: &str| {
                        attributes
                            .iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case(key))
                            .map(|(_, v)| v.clone())
                    };
                    let (href, alt) = (get("href"), get("alt"));
                    if let Some(Rich {
                        body: Body::Html(converter),
                        ..
                    }) = self.rich.as_mut()
                    {
                        converter.start(&lower, href, alt);
                    }
                } else if lower == "text"
                    && let Some(Rich {
                        body:
                            Body::Plain {
                                inside_text,
                                saw_text,
                                ..
                            },
                        ..
                    }) = self.rich.as_mut()
                {
                    *inside_text += 1;
                    *saw_text = true;
                }
                Frame::Inner(lower)
            }
        };
        self.stack.push(frame);
        Ok(())
    }

    /// An element directly inside a `<node>`.
    fn in_node(
        &mut self,
        node: usize,
        name: &str,
        tag: &BytesStart<'_>,
        text: &str,
        at: usize,
    ) -> Result<Frame, ImportError> {
        Ok(match name {
            "node" => self.new_node(Some(node), tag, text, at)?,
            "richcontent" => {
                let attributes = self.attributes(tag, text, at)?;
                let get = |key: &str| {
                    attributes
                        .iter()
                        .find(|(k, _)| k == key)
                        .map_or("", |(_, v)| v.as_str())
                };
                let target = match get("TYPE").to_ascii_uppercase().as_str() {
                    "NODE" => Target::Title,
                    "NOTE" | "DETAILS" => Target::Notes,
                    _ => {
                        self.ignore("richcontent");
                        return Ok(Frame::Skip);
                    }
                };
                let plain = get("CONTENT-TYPE")
                    .to_ascii_lowercase()
                    .starts_with("plain");
                self.open_rich(node, target, plain)
            }
            "hook" => {
                let attributes = self.attributes(tag, text, at)?;
                let is_note = attributes
                    .iter()
                    .any(|(k, v)| k == "NAME" && v.ends_with("NodeNote.properties"));
                if is_note {
                    // FreeMind 0.7 kept a note as the <text> of a plug-in hook.
                    self.open_rich(node, Target::Notes, true)
                } else {
                    self.ignore(name);
                    Frame::Skip
                }
            }
            "icon" => {
                let attributes = self.attributes(tag, text, at)?;
                if let Some((_, builtin)) = attributes.into_iter().find(|(k, _)| k == "BUILTIN") {
                    self.parsed.nodes[node].icons.push(builtin);
                }
                Frame::Skip
            }
            "attribute" => {
                let attributes = self.attributes(tag, text, at)?;
                let mut key = None;
                let mut value = String::new();
                for (k, v) in attributes {
                    match k.as_str() {
                        "NAME" => key = Some(v),
                        "VALUE" => value = v,
                        _ => {}
                    }
                }
                if let Some(key) = key {
                    self.parsed.nodes[node].attributes.push((key, value));
                }
                Frame::Skip
            }
            "arrowlink" => {
                let mut link = ParsedLink::default();
                let mut labels = [String::new(), String::new(), String::new()];
                for (k, v) in self.attributes(tag, text, at)? {
                    match k.as_str() {
                        "DESTINATION" => link.destination = v,
                        "ID" => link.file_id = Some(v),
                        "SOURCE_LABEL" => labels[0] = v,
                        "MIDDLE_LABEL" => labels[1] = v,
                        "TARGET_LABEL" => labels[2] = v,
                        _ => {}
                    }
                }
                let labels: Vec<&str> = labels
                    .iter()
                    .map(String::as_str)
                    .filter(|l| !l.trim().is_empty())
                    .collect();
                link.label = labels.join(" / ");
                self.parsed.nodes[node].links.push(link);
                Frame::Skip
            }
            // Freeplane writes the far end of every arrow link as well; the link itself is already read.
            "linktarget" => Frame::Skip,
            other => {
                self.ignore(other);
                Frame::Skip
            }
        })
    }

    fn open_rich(&mut self, node: usize, target: Target, plain: bool) -> Frame {
        let body = if plain {
            Body::Plain {
                text: String::new(),
                direct: String::new(),
                inside_text: 0,
                saw_text: false,
            }
        } else {
            Body::Html(Xhtml::new())
        };
        self.rich = Some(Rich { node, target, body });
        Frame::Rich
    }

    fn new_node(
        &mut self,
        parent: Option<usize>,
        tag: &BytesStart<'_>,
        text: &str,
        at: usize,
    ) -> Result<Frame, ImportError> {
        if self.node_depth >= MAX_NODE_DEPTH {
            return Err(self.too_deep(text, at, MAX_NODE_DEPTH));
        }
        let mut node = ParsedNode {
            parent,
            ..ParsedNode::default()
        };
        for (key, value) in self.attributes(tag, text, at)? {
            match key.as_str() {
                "TEXT" => node.text = value,
                "ID" => node.file_id = Some(value),
                "FOLDED" => node.folded = value.trim().eq_ignore_ascii_case("true"),
                "COLOR" => node.color = Some(value),
                "BACKGROUND_COLOR" => node.background = Some(value),
                "LINK" => node.link = Some(value),
                "POSITION" => {
                    node.side = match value.trim() {
                        "left" | "top_or_left" => Some(Side::Left),
                        "right" | "bottom_or_right" => Some(Side::Right),
                        _ => None,
                    };
                }
                _ => {}
            }
        }
        let index = self.parsed.nodes.len();
        self.parsed.nodes.push(node);
        if let Some(parent) = parent {
            self.parsed.nodes[parent].children.push(index);
        }
        self.node_depth += 1;
        Ok(Frame::Node(index))
    }

    fn close(&mut self) {
        match self.stack.pop() {
            Some(Frame::Node(_)) => self.node_depth = self.node_depth.saturating_sub(1),
            Some(Frame::Rich) => self.close_rich(),
            Some(Frame::Inner(name)) => match self.rich.as_mut().map(|rich| &mut rich.body) {
                Some(Body::Html(html)) => html.end(&name),
                Some(Body::Plain { inside_text, .. }) if name == "text" => {
                    *inside_text = inside_text.saturating_sub(1);
                }
                _ => {}
            },
            Some(Frame::Map | Frame::Skip) | None => {}
        }
    }

    fn close_rich(&mut self) {
        let Some(rich) = self.rich.take() else { return };
        let content = match rich.body {
            Body::Html(html) => {
                self.parsed.images += html.images;
                html.finish()
            }
            Body::Plain {
                text,
                direct,
                saw_text,
                ..
            } => {
                if saw_text {
                    text
                } else {
                    direct.trim().to_owned()
                }
            }
        };
        let node = &mut self.parsed.nodes[rich.node];
        match rich.target {
            // An empty rich title (an empty element, or only an image) leaves the TEXT attribute in charge.
            Target::Title if content.is_empty() => {}
            Target::Title => node.rich_title = Some(content),
            Target::Notes if content.trim().is_empty() => {}
            Target::Notes => node.notes.push(content),
        }
    }

    /// Character data. `exact` text came from a character reference and is kept as written.
    fn text(&mut self, content: &str, exact: bool) {
        let Some(rich) = self.rich.as_mut() else {
            return;
        };
        match &mut rich.body {
            Body::Html(html) if exact => html.literal(content),
            Body::Html(html) => html.text(content),
            Body::Plain {
                text,
                direct,
                inside_text,
                ..
            } => {
                if *inside_text > 0 {
                    text.push_str(content);
                } else if matches!(self.stack.last(), Some(Frame::Rich)) {
                    direct.push_str(content);
                }
            }
        }
    }

    /// Counts an element relmap has no place for.
    fn ignore(&mut self, name: &str) {
        let known = ignored_words(name);
        match known {
            Some(words) => *self.parsed.ignored.entry(words).or_default() += 1,
            None if self.parsed.unknown.len() < 20 || self.parsed.unknown.contains_key(name) => {
                *self.parsed.unknown.entry(name.to_owned()).or_default() += 1;
            }
            None => {}
        }
    }

    fn into_parsed(mut self) -> Parsed {
        let mut report = std::mem::take(&mut self.report);
        if self.doctype {
            report.push(
                "The file's document type declaration (<!DOCTYPE>) was ignored: relmap never reads DTDs or \
                 expands the entities they declare."
                    .to_owned(),
            );
        }
        self.refs.report(&mut report);
        report.append(&mut self.parsed.report);
        self.parsed.report = report;
        self.parsed
    }
}

/// Where in its tag an attribute is broken, and what is wrong with it, in words.
fn attribute_problem(error: &AttrError) -> (usize, &'static str) {
    match *error {
        AttrError::ExpectedEq(at) => (at, "an attribute name must be followed by `=` and a value"),
        AttrError::ExpectedValue(at) => (at, "an attribute has no value"),
        AttrError::UnquotedValue(at) => (at, "an attribute value must be in quotes"),
        AttrError::ExpectedQuote(at, _) => (at, "an attribute value is not closed by its quote"),
        AttrError::Duplicated(at, _) => (at, "this tag gives the same attribute twice"),
    }
}
