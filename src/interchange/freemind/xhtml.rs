//! Rich text to plain text. `FreeMind` and Freeplane keep formatted titles, notes and details as XHTML inside a
//! `<richcontent>` element; relmap keeps plain text with line breaks.
//!
//! Paragraphs, divisions, headings, list items and table rows become lines; `<br>` breaks a line; an empty
//! paragraph is an empty line. List items start with "- " (or their number in an ordered list), indented two
//! spaces per level of nesting. A link becomes "text (address)". White space collapses as a browser collapses
//! it, except inside `<pre>`, for no-break spaces (which become plain spaces) and for characters written as
//! numeric references, which are kept as written. The converter is fed events one by one and holds no
//! recursion, so any depth of nesting is safe.

/// A converter, fed with the elements and text inside one `<richcontent>` element.
#[derive(Debug, Default)]
pub(super) struct Xhtml {
    out: String,
    /// Nothing has been written on the current line yet.
    line_empty: bool,
    /// White space was seen since the last character written.
    space: bool,
    /// A list bullet or a cell separator was just written, which ends in its own space.
    after_marker: bool,
    /// Inside `<head>`, `<style>`, `<script>` or `<title>`, whose text is not content; a count, for nesting.
    hidden: usize,
    /// Inside `<pre>`; a count, for nesting.
    pre: usize,
    /// The open lists: whether each is numbered, and the number of its last item.
    lists: Vec<(bool, u32)>,
    /// The open paragraphs: how long the text was when each opened.
    paragraphs: Vec<usize>,
    /// The open links: where their text starts, and their address.
    links: Vec<(usize, String)>,
    /// The open table rows: how many cells each has had.
    rows: Vec<usize>,
    /// Images, which plain text cannot hold.
    pub images: usize,
}

impl Xhtml {
    /// An empty converter.
    pub fn new() -> Xhtml {
        Xhtml {
            line_empty: true,
            ..Xhtml::default()
        }
    }

    /// An element opens. `name` is its local name in lower case; `href` and `alt` are its attributes of those
    /// names, where it has them.
    pub fn start(&mut self, name: &str, href: Option<String>, alt: Option<String>) {
        match name {
            "head" | "style" | "script" | "title" => self.hidden += 1,
            _ if self.hidden > 0 => {}
            "p" => {
                self.break_line();
                self.paragraphs.push(self.out.len());
            }
            "br" => self.force_break(),
            "ul" | "ol" => {
                self.break_line();
                self.lists.push((name == "ol", 0));
            }
            "li" => {
                self.break_line();
                let depth = self.lists.len().saturating_sub(1);
                let bullet = match self.lists.last_mut() {
                    Some((true, number)) => {
                        *number += 1;
                        format!("{number}. ")
                    }
                    _ => "- ".to_owned(),
                };
                self.marker(&format!("{}{bullet}", "  ".repeat(depth)));
            }
            "tr" => {
                self.break_line();
                self.rows.push(0);
            }
            "td" | "th" => {
                if let Some(cells) = self.rows.last_mut() {
                    *cells += 1;
                    if *cells > 1 {
                        self.space = false;
                        self.marker(" | ");
                    }
                }
            }
            "a" => self.links.push((self.out.len(), href.unwrap_or_default())),
            "img" => match alt.filter(|alt| !alt.trim().is_empty()) {
                Some(alt) => self.text(&alt),
                None => self.images += 1,
            },
            "pre" => {
                self.break_line();
                self.pre += 1;
            }
            name if is_block(name) => self.break_line(),
            _ => {}
        }
    }

    /// An element closes.
    pub fn end(&mut self, name: &str) {
        match name {
            "head" | "style" | "script" | "title" => self.hidden = self.hidden.saturating_sub(1),
            _ if self.hidden > 0 => {}
            "p" => {
                let start = self.paragraphs.pop().unwrap_or(usize::MAX);
                if self.out.len() == start {
                    // An empty paragraph is how an editor writes an empty line.
                    self.force_break();
                } else {
                    self.break_line();
                }
            }
            "ul" | "ol" => {
                self.lists.pop();
                self.break_line();
            }
            "tr" => {
                self.rows.pop();
                self.break_line();
            }
            "a" => {
                if let Some((start, href)) = self.links.pop() {
                    self.close_link(start, &href);
                }
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.break_line();
            }
            name if is_block(name) || name == "li" => self.break_line(),
            _ => {}
        }
    }

    /// Text, whose white space collapses (except inside `<pre>`).
    pub fn text(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        if self.pre > 0 {
            self.literal(text);
            return;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                self.space = true;
            } else {
                self.char(c);
            }
        }
    }

    /// Text kept exactly as it is: characters written as numeric references, list bullets.
    pub fn literal(&mut self, text: &str) {
        if self.hidden > 0 {
            return;
        }
        for c in text.chars() {
            if c == '\n' {
                self.force_break();
            } else {
                self.char(c);
            }
        }
    }

    /// The plain text: the last line break, which every closing paragraph leaves, is dropped.
    pub fn finish(mut self) -> String {
        if self.out.ends_with('\n') {
            self.out.pop();
        }
        self.out
    }

    /// Text that ends in a space of its own, so that white space right after it adds none.
    fn marker(&mut self, text: &str) {
        self.literal(text);
        self.after_marker = true;
    }

    fn char(&mut self, c: char) {
        if self.space && !self.line_empty && !self.after_marker {
            self.out.push(' ');
        }
        self.space = false;
        self.after_marker = false;
        self.out.push(if c == '\u{a0}' { ' ' } else { c });
        self.line_empty = false;
    }

    /// Ends the current line unless it is empty.
    fn break_line(&mut self) {
        if !self.line_empty {
            self.force_break();
        }
        self.space = false;
    }

    /// Ends the current line, empty or not.
    fn force_break(&mut self) {
        self.out.push('\n');
        self.line_empty = true;
        self.space = false;
        self.after_marker = false;
    }

    fn close_link(&mut self, start: usize, href: &str) {
        let href = href.trim();
        let text = self.out.get(start..).unwrap_or_default().trim();
        // A link to a place inside the same document means nothing once the text is plain.
        if href.is_empty() || href.starts_with('#') || text == href {
            return;
        }
        let shown = href.strip_prefix("mailto:").unwrap_or(href);
        if text.is_empty() {
            self.literal(shown);
        } else if text != shown {
            self.literal(&format!(" ({shown})"));
        }
    }
}

/// Elements that start and end a line of their own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "table"
            | "dl"
            | "dt"
            | "dd"
            | "center"
            | "address"
            | "hr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "body"
            | "html"
    )
}

/// Converts a whole XHTML fragment; a test helper, and the converter's specification by example.
#[cfg(test)]
pub(super) fn to_text(xhtml: &str) -> String {
    use quick_xml::events::Event;

    let mut reader = quick_xml::Reader::from_str(xhtml);
    let mut converter = Xhtml::new();
    let mut refs = super::text::References::default();
    let attr = |tag: &quick_xml::events::BytesStart<'_>, name: &[u8]| {
        tag.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == name)
            .map(|a| {
                super::text::attribute_value(
                    &String::from_utf8_lossy(&a.value),
                    &mut super::text::References::default(),
                )
            })
    };
    loop {
        match reader.read_event() {
            Ok(Event::Start(tag)) => {
                let name = String::from_utf8_lossy(tag.local_name().as_ref()).to_lowercase();
                converter.start(&name, attr(&tag, b"href"), attr(&tag, b"alt"));
            }
            Ok(Event::Empty(tag)) => {
                let name = String::from_utf8_lossy(tag.local_name().as_ref()).to_lowercase();
                converter.start(&name, attr(&tag, b"href"), attr(&tag, b"alt"));
                converter.end(&name);
            }
            Ok(Event::End(tag)) => {
                converter.end(&String::from_utf8_lossy(tag.local_name().as_ref()).to_lowercase());
            }
            Ok(Event::Text(text)) => {
                converter.text(&text.xml10_content().unwrap_or_default());
            }
            Ok(Event::GeneralRef(reference)) => {
                let name = reference.decode().unwrap_or_default();
                match refs.resolve(&name, true) {
                    super::text::Resolved::Char(c) => converter.literal(&c.to_string()),
                    super::text::Resolved::Kept(text) => converter.text(&text),
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    converter.finish()
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn paragraphs_are_lines_and_html_white_space_collapses() {
        let html = "<html>\n  <head>\n    <title>ignored</title>\n  </head>\n  <body>\n    <p>\n      First\n      \
                    line\n    </p>\n    <p>Second   line</p>\n  </body>\n</html>";
        assert_eq!(to_text(html), "First line\nSecond line");
    }

    #[test]
    fn breaks_divisions_and_empty_paragraphs_make_lines() {
        assert_eq!(
            to_text("<body><p>a<br/>b</p><p></p><div>c</div>d</body>"),
            "a\nb\n\nc\nd"
        );
        assert_eq!(to_text("<p>a</p><p>\n  \n</p><p>b</p>"), "a\n\nb");
    }

    #[test]
    fn lists_become_dashed_or_numbered_lines() {
        let html = "<body><p>Steps:</p><ul><li>\n  Call the chair\n</li><li>Send <b>the</b> agenda<ul><li>by Friday</li>\
                    </ul></li></ul><ol><li>one</li><li>two</li></ol></body>";
        assert_eq!(
            to_text(html),
            "Steps:\n- Call the chair\n- Send the agenda\n  - by Friday\n1. one\n2. two"
        );
    }

    #[test]
    fn links_keep_their_address() {
        assert_eq!(
            to_text("<p>See <a href=\"https://example.org/a?b=1&amp;c=2\">the report</a>.</p>"),
            "See the report (https://example.org/a?b=1&c=2)."
        );
        assert_eq!(
            to_text("<p><a href=\"https://example.org\">https://example.org</a></p>"),
            "https://example.org"
        );
        assert_eq!(
            to_text("<p>Mail <a href=\"mailto:chair@example.org\"></a></p>"),
            "Mail chair@example.org"
        );
        assert_eq!(to_text("<p><a href=\"#top\">top</a></p>"), "top");
    }

    #[test]
    fn references_are_characters_and_no_break_spaces_are_spaces() {
        assert_eq!(
            to_text("<p>caf&#233; &#x4E2D;&#25991; &eacute;&nbsp;&nbsp;x &amp; &lt;y&gt;</p>"),
            "café 中文 é  x & <y>"
        );
        assert_eq!(to_text("<p>&#160;indented&#9;tab</p>"), " indented\ttab");
    }

    #[test]
    fn preformatted_text_and_tables_keep_their_shape() {
        assert_eq!(to_text("<pre>a  b\n  c</pre><p>d</p>"), "a  b\n  c\nd");
        assert_eq!(
            to_text(
                "<table><tr><td>Name</td><td>Role</td></tr><tr><td>Ann</td><td>Chair</td></tr></table>"
            ),
            "Name | Role\nAnn | Chair"
        );
    }

    #[test]
    fn styles_scripts_and_images_leave_no_text() {
        assert_eq!(
            to_text(
                "<html><head><style>p { margin: 0 }</style></head><body><script>x()</script>\
                     <p>Text<img src=\"a.png\"/></p><p><img src=\"b.png\" alt=\"Chart\"/></p></body></html>"
            ),
            "Text\nChart"
        );
    }
}
