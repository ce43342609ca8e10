//! Titles with HTML in them. Drummer, Workflowy and other web outliners keep a line's formatting as HTML inside
//! the `text` attribute (`text="&lt;b&gt;Budget&lt;/b&gt; review"`); relmap titles are plain text.
//!
//! Only tags of inline and simple block HTML elements count as markup, so that a title such as "a<b or c>d"
//! from a plain-text outliner is not mistaken for HTML. Text that holds such a tag is HTML: its tags are removed
//! (`<br>` becomes a line break), and then its character and entity references are resolved, HTML's named
//! characters included. Text without one is kept exactly as the attribute gives it.

use crate::interchange::freemind::text::{References, Resolved};

/// The elements whose tags count as markup in a title.
const TAGS: [&str; 41] = [
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "br",
    "cite",
    "code",
    "del",
    "dfn",
    "div",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "tt",
    "u",
    "ul",
];

/// The plain text of a title that holds HTML tags; `None` when it holds none and is plain text already.
pub(super) fn plain_title(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut found = false;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        if let Some((name, length)) = tag(after) {
            found = true;
            if name == "br" {
                out.push('\n');
            }
            rest = &after[length..];
        } else {
            out.push('<');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    found.then(|| resolve_references(&out).trim().to_owned())
}

/// The lower-case name and the length in bytes of the markup tag at the start of `text`, which starts with `<`.
fn tag(text: &str) -> Option<(String, usize)> {
    let inner = text.strip_prefix('<')?;
    let closing = inner.starts_with('/');
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let name_length = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = inner[..name_length].to_ascii_lowercase();
    if !TAGS.contains(&name.as_str()) {
        return None;
    }
    let after_name = &inner[name_length..];
    if !after_name.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()) {
        return None;
    }
    // A tag ends at its `>`; a `<` before that means this was not a tag after all.
    let close = after_name.find(['>', '<'])?;
    if after_name[close..].starts_with('<') {
        return None;
    }
    // Between the name and the `>` stand attributes, which have values, or nothing but a `/`: "a<b or c>d"
    // is a comparison, not bold text.
    let between = after_name[..close].trim();
    let plausible = between.is_empty()
        || between == "/"
        || (!closing
            && between.contains('=')
            && between.starts_with(|c: char| c.is_ascii_alphabetic()));
    if !plausible {
        return None;
    }
    let length = text.len() - after_name.len() + close + 1;
    Some((name, length))
}

/// `text` with `&name;` and `&#number;` references resolved against XML's and HTML's named characters; a
/// no-break space becomes a plain one, as a title shows it. Anything else is kept as written.
fn resolve_references(text: &str) -> String {
    // Unresolved names are not worth a line in the report: the text was HTML, which may use any name.
    let mut refs = References::default();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let name = after.find(';').map(|end| &after[..end]).filter(|name| {
            !name.is_empty()
                && name.len() <= 32
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
        });
        if let Some(name) = name {
            match refs.resolve(name, true) {
                Resolved::Char('\u{a0}') => out.push(' '),
                Resolved::Char(c) => out.push(c),
                Resolved::Kept(kept) => out.push_str(&kept),
            }
            rest = &after[name.len() + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_left_alone() {
        assert_eq!(plain_title("Budget review"), None);
        assert_eq!(plain_title("a < b and c > d"), None);
        assert_eq!(plain_title("a<b or c>d"), None, "attributes have values");
        assert_eq!(plain_title("x</b c>"), None, "an end tag has no attributes");
        assert_eq!(plain_title("x<y>z &amp; <unknown>"), None);
        assert_eq!(plain_title("AT&amp;T"), None);
        assert_eq!(plain_title(""), None);
    }

    #[test]
    fn tags_are_removed_and_references_resolved() {
        assert_eq!(
            plain_title("<b>Budget</b> review").as_deref(),
            Some("Budget review")
        );
        assert_eq!(
            plain_title("<a href=\"https://example.org/?a=1&amp;b=2\">Board</a> &amp; staff&nbsp;&eacute;t&#233;")
                .as_deref(),
            Some("Board & staff été")
        );
        assert_eq!(
            plain_title("<SPAN class=\"x\">One</SPAN><br/>Two<br>").as_deref(),
            Some("One\nTwo")
        );
        assert_eq!(
            plain_title("<i>1 &lt; 2</i> &bogus; & alone").as_deref(),
            Some("1 < 2 &bogus; & alone")
        );
    }

    #[test]
    fn a_tag_that_never_closes_is_text() {
        assert_eq!(plain_title("<b unfinished"), None);
        assert_eq!(plain_title("<b <i>x</i>").as_deref(), Some("<b x"));
    }
}
