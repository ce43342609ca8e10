//! Reading an OPML file: one pass of quick-xml's pull parser over the decoded text, with an explicit stack of
//! open elements, into a flat list of outlines in document order. `build` then turns that list into a
//! workbook.
//!
//! Decoding (byte order marks, declared encodings) and references are the `.mm` reader's: quick-xml reports a
//! `<!DOCTYPE>` as one opaque event and never reads a DTD, and references are resolved by hand against the XML
//! standard's five entities and numeric character references only.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};

use crate::interchange::freemind::decode::decode;
use crate::interchange::freemind::text::{References, Resolved, attribute_value};

use super::html::plain_title;
use super::{ImportError, Imported, MAX_OUTLINE_DEPTH, build, line_column};

/// Reads an OPML 1.0 or 2.0 outline from the bytes of a file; `path` names the file in errors and gives the
/// central node its title when the file has several top-level outlines and no title of its own. What relmap
/// has no place for, or had to change, is listed in [`Imported::report`].
pub fn import_opml(bytes: &[u8], path: &Path) -> Result<Imported, ImportError> {
    let (text, decoding) = decode(bytes, path)?;
    let mut parser = Parser::new(path);
    parser.parsed.report.extend(decoding);
    parser.run(&text)?;
    build::build(parser.into_parsed(), path)
}

/// One `<outline>` as the file gives it, with its attributes already sorted into what relmap keeps.
#[derive(Debug, Default)]
pub(super) struct Outline {
    /// Its children, as indices into [`Parsed::outlines`], in order.
    pub children: Vec<usize>,
    /// The `text` attribute as plain text.
    pub title: String,
    /// The notes: `_note`, `note`, then the other attributes as `name: value` lines.
    pub notes: String,
    /// The `url` of a `type="link"` outline.
    pub link: Option<String>,
}

/// Everything the parser found.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    /// The outlines in document order.
    pub outlines: Vec<Outline>,
    /// The top-level outlines, directly in `<body>`, in order.
    pub top: Vec<usize>,
    /// `<head><title>`, trimmed.
    pub title: Option<String>,
    /// `<head><expansionState>`, as written.
    pub expansion: Option<String>,
    /// Sentences for the report so far.
    pub report: Vec<String>,
    /// How many titles held HTML that was removed.
    pub html_titles: usize,
    /// Attributes added to notes, by name, with how often.
    pub attributes: BTreeMap<String, usize>,
    /// Elements relmap has no place for, by name, with how often.
    pub ignored: BTreeMap<String, usize>,
    /// Fields of `<head>` relmap does not keep.
    pub head_fields: BTreeSet<String>,
}

/// What an open element is.
#[derive(Debug)]
enum Frame {
    Opml,
    Head,
    /// `<title>` or `<expansionState>` in `<head>`, whose text is collected in `Parser::field`.
    Field(Field),
    Body,
    Outline(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title,
    Expansion,
}

/// Fields of `<head>` that only say how an outliner's window looked; the report does not mention them.
const VIEW_FIELDS: [&str; 8] = [
    "expansionState",
    "vertScrollState",
    "windowTop",
    "windowLeft",
    "windowBottom",
    "windowRight",
    "lastCursor",
    "docs",
];

/// How many different names of ignored elements and attributes are remembered for the report. A hostile file
/// could use millions of names; the report needs a few.
const NAMES_KEPT: usize = 20;

struct Parser<'p> {
    path: &'p Path,
    parsed: Parsed,
    stack: Vec<Frame>,
    /// How many elements deep inside an ignored element the parser is; their content is skipped.
    skip: usize,
    outline_depth: usize,
    field: String,
    refs: References,
    doctype: bool,
    seen_opml: bool,
    seen_body: bool,
    version: Option<String>,
}

impl<'p> Parser<'p> {
    fn new(path: &'p Path) -> Parser<'p> {
        Parser {
            path,
            parsed: Parsed::default(),
            stack: Vec::new(),
            skip: 0,
            outline_depth: 0,
            field: String::new(),
            refs: References::default(),
            doctype: false,
            seen_opml: false,
            seen_body: false,
            version: None,
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
                Event::Start(tag) => self.open(&tag, text, at)?,
                Event::Empty(tag) => {
                    self.open(&tag, text, at)?;
                    self.close();
                }
                Event::End(_) => self.close(),
                Event::Text(content) if self.collecting() => {
                    let content = content
                        .xml10_content()
                        .unwrap_or_else(|_| String::from_utf8_lossy(&content).into_owned().into());
                    self.field.push_str(&content);
                }
                Event::CData(content) if self.collecting() => {
                    self.field.push_str(&String::from_utf8_lossy(&content));
                }
                Event::GeneralRef(reference) => {
                    let name = String::from_utf8_lossy(&reference);
                    // Resolved everywhere, so that the report counts undefined entities wherever they are.
                    let resolved = self.refs.resolve(&name, false);
                    if self.collecting() {
                        match resolved {
                            Resolved::Char(c) => self.field.push(c),
                            Resolved::Kept(kept) => self.field.push_str(&kept),
                        }
                    }
                }
                Event::DocType(_) => self.doctype = true,
                Event::Eof => break,
                // Text between outlines is only white space; OPML keeps everything in attributes.
                Event::Text(_)
                | Event::CData(_)
                | Event::Decl(_)
                | Event::PI(_)
                | Event::Comment(_) => {}
            }
        }
        if self.skip > 0 || !self.stack.is_empty() {
            let what = match self.stack.last() {
                _ if self.skip > 0 => "an element".to_owned(),
                Some(Frame::Opml) => "<opml>".to_owned(),
                Some(Frame::Head) => "<head>".to_owned(),
                Some(Frame::Field(Field::Title)) => "<title>".to_owned(),
                Some(Frame::Field(Field::Expansion)) => "<expansionState>".to_owned(),
                Some(Frame::Body) => "<body>".to_owned(),
                Some(Frame::Outline(_)) | None => "an <outline>".to_owned(),
            };
            return Err(self.syntax(
                text,
                text.len(),
                &format!("the file ends before {what} is closed: it looks cut off"),
            ));
        }
        if !self.seen_opml {
            return Err(self.not_opml("it has no <opml> element"));
        }
        if !self.seen_body {
            return Err(self.not_opml("its <opml> has no <body>"));
        }
        Ok(())
    }

    fn collecting(&self) -> bool {
        self.skip == 0 && matches!(self.stack.last(), Some(Frame::Field(_)))
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

    fn not_opml(&self, reason: &str) -> ImportError {
        ImportError::NotOpml {
            path: self.path.to_owned(),
            reason: reason.to_owned(),
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
        if self.skip > 0 {
            self.skip += 1;
            return Ok(());
        }
        let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
        let frame = match self.stack.last() {
            None if name == "opml" && !self.seen_opml => {
                self.seen_opml = true;
                let attributes = self.attributes(tag, text, at)?;
                self.version = attributes
                    .into_iter()
                    .find(|(key, _)| key == "version")
                    .map(|(_, value)| value.trim().to_owned());
                Frame::Opml
            }
            None if !self.seen_opml => {
                return Err(self.not_opml(&format!("it starts with <{name}>, not <opml>")));
            }
            Some(Frame::Opml) if name == "head" => Frame::Head,
            Some(Frame::Opml) if name == "body" && !self.seen_body => {
                self.seen_body = true;
                Frame::Body
            }
            Some(Frame::Head) if name == "title" => Frame::Field(Field::Title),
            Some(Frame::Head) if name == "expansionState" => Frame::Field(Field::Expansion),
            Some(Frame::Head) => {
                if !VIEW_FIELDS.contains(&name.as_str())
                    && self.parsed.head_fields.len() < NAMES_KEPT
                {
                    self.parsed.head_fields.insert(name);
                }
                self.skip = 1;
                return Ok(());
            }
            Some(Frame::Body) if name == "outline" => self.new_outline(None, tag, text, at)?,
            Some(&Frame::Outline(parent)) if name == "outline" => {
                self.new_outline(Some(parent), tag, text, at)?
            }
            // What follows the document element, and elements OPML does not define.
            None | Some(Frame::Opml | Frame::Field(_) | Frame::Body | Frame::Outline(_)) => {
                self.ignore(name);
                self.skip = 1;
                return Ok(());
            }
        };
        self.stack.push(frame);
        Ok(())
    }

    fn ignore(&mut self, name: String) {
        let known = self.parsed.ignored.contains_key(&name);
        if known || self.parsed.ignored.len() < NAMES_KEPT {
            *self.parsed.ignored.entry(name).or_default() += 1;
        }
    }

    fn new_outline(
        &mut self,
        parent: Option<usize>,
        tag: &BytesStart<'_>,
        text: &str,
        at: usize,
    ) -> Result<Frame, ImportError> {
        if self.outline_depth >= MAX_OUTLINE_DEPTH {
            let (line, column) = line_column(text, at);
            return Err(ImportError::TooDeep {
                path: self.path.to_owned(),
                line,
                column,
                limit: MAX_OUTLINE_DEPTH,
            });
        }
        let attributes = self.attributes(tag, text, at)?;
        let outline = self.outline_of(attributes);
        let index = self.parsed.outlines.len();
        self.parsed.outlines.push(outline);
        match parent {
            Some(parent) => self.parsed.outlines[parent].children.push(index),
            None => self.parsed.top.push(index),
        }
        self.outline_depth += 1;
        Ok(Frame::Outline(index))
    }

    /// Sorts an outline's attributes into title, notes, link and the `name: value` lines kept in its notes.
    fn outline_of(&mut self, attributes: Vec<(String, String)>) -> Outline {
        let value_of = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let link = value_of("url")
            .filter(|url| !url.trim().is_empty())
            .filter(|_| value_of("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("link")))
            .map(str::to_owned);
        let mut title = String::new();
        let mut notes = Vec::new();
        let mut lines = Vec::new();
        for (key, value) in attributes {
            match key.as_str() {
                "text" => {
                    title = match plain_title(&value) {
                        Some(plain) => {
                            self.parsed.html_titles += 1;
                            plain
                        }
                        None => value,
                    };
                }
                "_note" | "note" => {
                    if !value.trim().is_empty() {
                        notes.push(value);
                    }
                }
                "type" | "url" if link.is_some() => {}
                // OPML's defaults, restated: they say nothing.
                "isComment" | "isBreakpoint" if value.trim() == "false" => {}
                _ if value.trim().is_empty() => {}
                _ => {
                    lines.push(format!("{key}: {value}"));
                    let known = self.parsed.attributes.contains_key(&key);
                    if known || self.parsed.attributes.len() < NAMES_KEPT {
                        *self.parsed.attributes.entry(key).or_default() += 1;
                    }
                }
            }
        }
        if !lines.is_empty() {
            notes.push(lines.join("\n"));
        }
        Outline {
            children: Vec::new(),
            title,
            notes: notes.join("\n\n"),
            link,
        }
    }

    fn close(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match self.stack.pop() {
            Some(Frame::Outline(_)) => self.outline_depth = self.outline_depth.saturating_sub(1),
            Some(Frame::Field(field)) => {
                let value = std::mem::take(&mut self.field);
                let slot = match field {
                    Field::Title => &mut self.parsed.title,
                    Field::Expansion => &mut self.parsed.expansion,
                };
                // The first of several is the one that counts.
                if slot.is_none() {
                    *slot = Some(value.trim().to_owned());
                }
            }
            Some(Frame::Opml | Frame::Head | Frame::Body) | None => {}
        }
    }

    fn into_parsed(mut self) -> Parsed {
        let mut report = std::mem::take(&mut self.parsed.report);
        if let Some(version) = &self.version
            && !matches!(version.as_str(), "1.0" | "1.1" | "2.0")
        {
            report.push(format!(
                "The file says it is OPML version {version}; relmap knows versions 1.0 and 2.0 and read it as \
                 version 2.0."
            ));
        }
        if self.doctype {
            report.push(
                "The file's document type declaration (<!DOCTYPE>) was ignored: relmap never reads DTDs or \
                 expands the entities they declare."
                    .to_owned(),
            );
        }
        self.refs.report(&mut report);
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
