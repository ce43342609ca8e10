//! Plain indented outlines: the text most programs give when a list is copied, and the text relmap puts first on
//! the clipboard so that a paste into a plain editor reads well.
//!
//! Reading does not work out an indentation unit and divide by it. It keeps the chain of open ancestors and
//! hangs each line under the nearest one that is indented less. That gives the same tree as a unit inferred from
//! the smallest indent whenever the indentation is consistent, and it still gives a sensible tree when it is
//! not: a jump of several levels becomes one level deeper, and a line dedented to a width no earlier line had
//! joins the nearest shallower ancestor.

use std::fmt::Write as _;

/// How many columns a tab advances to, as most editors show it.
const TAB_STOP: usize = 4;

/// Markdown allows six heading levels.
const MAX_HEADING: usize = 6;

/// Characters that start a bulleted line when a space follows them.
const BULLETS: &[char] = &['-', '*', '+', '•', '◦', '▪', '‣', '–'];

/// Numbered lines ("12. ", "3) ") have at most this many digits, so that a line starting with a year such as
/// "2026. A busy year" keeps its number.
const MAX_NUMBER_DIGITS: usize = 3;

/// One line of an outline, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Item {
    /// The position in the list of the line it hangs under; `None` for a top-level line. Always smaller than
    /// the item's own position.
    pub parent: Option<usize>,
    /// How many ancestors it has.
    pub depth: usize,
    /// The text, without indentation, bullet or number.
    pub title: String,
}

/// Where a line stands in the tree: headings rank by their level and above every other line; other lines rank
/// by their indentation. A line hangs under the nearest earlier line with a smaller key.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    rank: usize,
    indent: usize,
}

/// Reads an outline. Blank lines are skipped; the result is empty when every line is blank.
pub(super) fn parse(text: &str) -> Vec<Item> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut items: Vec<Item> = Vec::new();
    // The open ancestors of the next line, outermost first, each with its key and its position in `items`.
    let mut open: Vec<(Key, usize)> = Vec::new();
    for line in text.lines() {
        let (indent, content) = split_indent(line);
        let content = content.trim_end();
        if content.is_empty() {
            continue;
        }
        let (key, title) = match heading(content) {
            Some((level, title)) => (
                Key {
                    rank: level,
                    indent: 0,
                },
                title,
            ),
            None => (
                Key {
                    rank: MAX_HEADING + 1,
                    indent,
                },
                strip_marker(content),
            ),
        };
        while open.last().is_some_and(|(above, _)| *above >= key) {
            open.pop();
        }
        items.push(Item {
            parent: open.last().map(|&(_, index)| index),
            depth: open.len(),
            title: title.to_owned(),
        });
        open.push((key, items.len() - 1));
    }
    items
}

/// Appends one line of an outline: two spaces per level, then the title on one line.
pub(super) fn write_line(out: &mut String, depth: usize, title: &str) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    // A title of several lines would otherwise read as several topics.
    for (i, word) in title.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    let _ = writeln!(out);
}

/// The indentation of a line in columns, and the rest of the line.
fn split_indent(line: &str) -> (usize, &str) {
    let mut column = 0usize;
    for (at, c) in line.char_indices() {
        match c {
            '\t' => column = (column / TAB_STOP + 1) * TAB_STOP,
            c if c.is_whitespace() => column += 1,
            _ => return (column, &line[at..]),
        }
    }
    (column, "")
}

/// A Markdown heading ("## Title"): its level and its text.
fn heading(content: &str) -> Option<(usize, &str)> {
    let level = content.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > MAX_HEADING {
        return None;
    }
    // '#' is one byte, so `level` is also a byte offset.
    let rest = &content[level..];
    let title = rest.trim_start();
    // "#hashtag" is not a heading, and neither is a lone "##", which keeps its text.
    (rest.starts_with(char::is_whitespace) && !title.is_empty()).then_some((level, title))
}

/// The line without a leading bullet or number. A marker counts only when white space and then text follow
/// it, so a lone "-" or "**bold**" stay as they are.
fn strip_marker(content: &str) -> &str {
    let rest = if let Some(rest) = content.strip_prefix(BULLETS) {
        rest
    } else {
        let digits = content.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > MAX_NUMBER_DIGITS {
            return content;
        }
        // Digits are one byte each.
        match content[digits..].strip_prefix(['.', ')']) {
            Some(rest) => rest,
            None => return content,
        }
    };
    let title = rest.trim_start();
    if rest.starts_with(char::is_whitespace) && !title.is_empty() {
        title
    } else {
        content
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(Option<usize>, String)> {
        parse(text)
            .into_iter()
            .map(|item| (item.parent, item.title))
            .collect()
    }

    fn owned(items: &[(Option<usize>, &str)]) -> Vec<(Option<usize>, String)> {
        items.iter().map(|&(p, t)| (p, t.to_owned())).collect()
    }

    #[test]
    fn markers_are_stripped_only_before_text() {
        assert_eq!(strip_marker("- a"), "a");
        assert_eq!(strip_marker("•\tb"), "b");
        assert_eq!(strip_marker("12) c"), "c");
        assert_eq!(strip_marker("3. d"), "d");
        assert_eq!(strip_marker("2026. a year"), "2026. a year");
        assert_eq!(strip_marker("-"), "-");
        assert_eq!(strip_marker("**bold**"), "**bold**");
        assert_eq!(strip_marker("1.5 litres"), "1.5 litres");
    }

    #[test]
    fn headings_hold_the_lines_below_them() {
        let text = "# A\n- one\n  - deeper\n## B\ntext\n# C\n";
        assert_eq!(
            shape(text),
            owned(&[
                (None, "A"),
                (Some(0), "one"),
                (Some(1), "deeper"),
                (Some(0), "B"),
                (Some(3), "text"),
                (None, "C"),
            ])
        );
        assert_eq!(heading("#hashtag"), None);
        assert_eq!(heading("##"), None);
    }

    #[test]
    fn a_dedent_to_a_new_width_joins_the_nearest_shallower_line() {
        let text = "a\n    b\n        c\n  d\n";
        assert_eq!(
            shape(text),
            owned(&[(None, "a"), (Some(0), "b"), (Some(1), "c"), (Some(0), "d")])
        );
    }

    #[test]
    fn written_lines_read_back() {
        let mut out = String::new();
        write_line(&mut out, 0, "Top\nline two");
        write_line(&mut out, 1, "  child  ");
        assert_eq!(out, "Top line two\n  child\n");
        assert_eq!(
            shape(&out),
            owned(&[(None, "Top line two"), (Some(0), "child")])
        );
    }
}
