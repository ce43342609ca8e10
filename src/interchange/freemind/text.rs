//! Character and entity references, read and written by hand so that nothing but the XML standard's five
//! entities (and, inside rich text, HTML's own named characters) is ever resolved. Above all, nothing a DTD
//! declares: an undefined reference stays in the text as written, and the report counts it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

/// What happened to references while a file was read.
#[derive(Debug, Default)]
pub(in crate::interchange) struct References {
    /// The names of entities that were referred to but not resolved, sorted.
    pub undefined: BTreeSet<String>,
    /// How many such references there were.
    pub undefined_count: usize,
    /// How many character references named no character (such as `&#0;`) and were kept as written.
    pub bad_chars: usize,
}

/// What one `&name;` reference stands for.
#[derive(Debug, PartialEq, Eq)]
pub(in crate::interchange) enum Resolved {
    /// A character given by number, or a named character: the author asked for exactly this character, so rich
    /// text keeps it even where it would collapse white space.
    Char(char),
    /// A reference that could not be resolved, kept as it was written.
    Kept(String),
}

impl References {
    /// Resolves the reference `&name;`; `html` also allows HTML's named characters (in rich text).
    pub fn resolve(&mut self, name: &str, html: bool) -> Resolved {
        if let Some(number) = name.strip_prefix('#') {
            if let Some(c) = char_ref(number) {
                return Resolved::Char(c);
            }
            self.bad_chars += 1;
            return Resolved::Kept(format!("&{name};"));
        }
        if let Some(c) = predefined(name).or_else(|| html.then(|| html_entity(name)).flatten()) {
            return Resolved::Char(c);
        }
        self.undefined_count += 1;
        // A hostile file could name millions of different entities; the report needs only a few of them.
        if self.undefined.len() < 5 {
            self.undefined.insert(name.to_owned());
        }
        Resolved::Kept(format!("&{name};"))
    }

    /// The sentences for the report.
    pub fn report(&self, out: &mut Vec<String>) {
        if self.undefined_count > 0 {
            let names: Vec<String> = self.undefined.iter().map(|n| format!("&{n};")).collect();
            let (count, were) = if self.undefined_count == 1 {
                ("1 reference".to_owned(), "was")
            } else {
                (format!("{} references", self.undefined_count), "were")
            };
            out.push(format!(
                "{count} to entities that XML does not define ({}) {were} kept as written: relmap never \
                 expands entities declared in a file.",
                names.join(", ")
            ));
        }
        if self.bad_chars > 0 {
            out.push(format!(
                "{} character references that name no valid character were kept as written.",
                self.bad_chars
            ));
        }
    }
}

/// The text of an attribute value as it stands between the quotes: references resolved, and literal tabs and
/// line breaks turned into spaces, as XML prescribes (`&#xa;` stays a line break).
pub(in crate::interchange) fn attribute_value(raw: &str, refs: &mut References) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        push_normalized(&mut out, &rest[..amp]);
        let after = &rest[amp + 1..];
        if let Some(name) = reference_name(after) {
            match refs.resolve(name, false) {
                Resolved::Char(c) => out.push(c),
                Resolved::Kept(text) => out.push_str(&text),
            }
            rest = &after[name.len() + 1..];
        } else {
            // A bare ampersand is an error in XML; reading it as itself loses nothing.
            out.push('&');
            rest = after;
        }
    }
    push_normalized(&mut out, rest);
    out
}

/// Appends literal attribute text, with CR LF and CR read as one line break and every line break and tab as a
/// space.
fn push_normalized(out: &mut String, text: &str) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// The name of the reference at the start of `text` (just after its `&`), up to its `;`.
fn reference_name(text: &str) -> Option<&str> {
    let end = text.find(';')?;
    let name = &text[..end];
    let valid = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '#' | '_' | '-' | '.' | ':'));
    valid.then_some(name)
}

/// A numeric character reference without its `#`: `123` or `x4E2D`.
fn char_ref(number: &str) -> Option<char> {
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code).filter(|&c| c != '\0')
}

/// The five entities every XML document has.
fn predefined(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

/// HTML 4's names for the characters from U+00A0 to U+00FF, in order.
const LATIN_1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other HTML names that turn up in rich text pasted from word processors.
const PUNCTUATION: [(&str, char); 27] = [
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("bdquo", '\u{201e}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("bull", '\u{2022}'),
    ("hellip", '\u{2026}'),
    ("permil", '\u{2030}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203a}'),
    ("euro", '\u{20ac}'),
    ("trade", '\u{2122}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Yuml", '\u{178}'),
    ("larr", '\u{2190}'),
    ("rarr", '\u{2192}'),
];

/// A named HTML character.
fn html_entity(name: &str) -> Option<char> {
    if let Some(index) = LATIN_1.iter().position(|&n| n == name) {
        return char::from_u32(0xa0 + u32::try_from(index).ok()?);
    }
    PUNCTUATION
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, c)| c)
}

/// Whether XML 1.0 allows the character in a document, even as a reference.
fn allowed_in_xml(c: char) -> bool {
    !matches!(c, '\0'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Text for an attribute value between double quotes. Line breaks and tabs are written as references, so that
/// they survive the normalization of attribute values. Control characters that XML 1.0 forbids outright would
/// make Freeplane refuse the whole file, so they become U+FFFD.
pub(super) fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#xa;"),
            '\r' => out.push_str("&#xd;"),
            '\t' => out.push_str("&#x9;"),
            c if !allowed_in_xml(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// One line of text for a rich-text paragraph. HTML collapses runs of white space, so every space that would
/// collapse (at either end of the line, or next to another space) is written as a no-break space, and tabs and
/// carriage returns as character references, which relmap reads back as written.
pub(super) fn escape_html_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let collapsible = |c: Option<&char>| c.is_none_or(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            ' ' => {
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                if collapsible(before) || collapsible(chars.get(i + 1)) {
                    out.push_str("&#160;");
                } else {
                    out.push(' ');
                }
            }
            '\t' | '\r' => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            c if !allowed_in_xml(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_resolve_character_references_and_the_five_entities() {
        let mut refs = References::default();
        assert_eq!(
            attribute_value(
                "a&#xa;b &#228;&#x4E2D; &lt;&amp;&gt;&quot;&apos;",
                &mut refs
            ),
            "a\nb ä中 <&>\"'"
        );
        assert_eq!(refs.undefined_count, 0);
    }

    #[test]
    fn literal_line_breaks_and_tabs_in_attributes_become_spaces() {
        let mut refs = References::default();
        assert_eq!(attribute_value("a\r\nb\tc\rd", &mut refs), "a b c d");
    }

    #[test]
    fn undefined_entities_are_kept_as_written_and_counted() {
        let mut refs = References::default();
        assert_eq!(
            attribute_value("&xxe; and &lol9; &nbsp; & alone", &mut refs),
            "&xxe; and &lol9; &nbsp; & alone"
        );
        assert_eq!(refs.undefined_count, 3, "HTML names mean nothing in XML");
        assert_eq!(
            attribute_value("&#0;&#xD800;&#99999999;", &mut refs),
            "&#0;&#xD800;&#99999999;"
        );
        assert_eq!(refs.bad_chars, 3);
        let mut report = Vec::new();
        refs.report(&mut report);
        assert!(
            report[0].starts_with("3 references to entities"),
            "{report:?}"
        );
    }

    #[test]
    fn rich_text_knows_html_names() {
        let mut refs = References::default();
        assert_eq!(refs.resolve("eacute", true), Resolved::Char('é'));
        assert_eq!(refs.resolve("yuml", true), Resolved::Char('ÿ'));
        assert_eq!(refs.resolve("nbsp", true), Resolved::Char('\u{a0}'));
        assert_eq!(refs.resolve("mdash", true), Resolved::Char('—'));
        assert_eq!(
            refs.resolve("eacute", false),
            Resolved::Kept("&eacute;".to_owned())
        );
    }

    #[test]
    fn escaped_attributes_read_back_exactly() {
        let text = "Line \"one\" & <two>\n\ttab\r\nend  with  spaces ";
        let escaped = escape_attribute(text);
        assert!(!escaped.contains('\n'));
        assert_eq!(attribute_value(&escaped, &mut References::default()), text);
        assert_eq!(escape_attribute("a\u{0}b\u{7}"), "a\u{fffd}b\u{fffd}");
    }

    #[test]
    fn html_lines_protect_the_spaces_html_would_collapse() {
        assert_eq!(escape_html_line("a b"), "a b");
        assert_eq!(escape_html_line(" a  b "), "&#160;a&#160;&#160;b&#160;");
        assert_eq!(escape_html_line("x<y & z\t"), "x&lt;y &amp; z&#9;");
    }
}
