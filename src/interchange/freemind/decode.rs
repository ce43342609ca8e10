//! From the bytes of a file to text: a byte order mark wins, then the encoding the XML declaration names, then
//! UTF-8, and Windows-1252 for old files that are not UTF-8 and say nothing.
//!
//! The parser only ever sees UTF-8 text, so every offset it reports is an offset into the decoded text, and the
//! line and column computed from it are the line and column a user sees in an editor.

use std::borrow::Cow;
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ImportError;

/// How far into the file the XML declaration may end. Real declarations are well under 100 bytes.
const DECLARATION_LIMIT: usize = 1024;

/// The text of the file, and a sentence for the report when the bytes had to be guessed at or repaired.
pub(in crate::interchange) fn decode<'a>(
    bytes: &'a [u8],
    path: &Path,
) -> Result<(Cow<'a, str>, Option<String>), ImportError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok((text, malformed.then(|| replaced(encoding))));
    }
    let declared = match declared_encoding(bytes) {
        Some(label) => Some(Encoding::for_label(label.as_bytes()).ok_or_else(|| {
            ImportError::UnknownEncoding {
                path: path.to_owned(),
                label: label.clone(),
            }
        })?),
        None => None,
    };
    // A file that could be read far enough to find its declaration is not UTF-16, whatever it says.
    let declared = declared.filter(|&encoding| encoding != UTF_16LE && encoding != UTF_16BE);
    match declared {
        Some(encoding) if encoding != UTF_8 => {
            let (text, malformed) = encoding.decode_without_bom_handling(bytes);
            Ok((text, malformed.then(|| replaced(encoding))))
        }
        _ => {
            if let Ok(text) = std::str::from_utf8(bytes) {
                return Ok((Cow::Borrowed(text), None));
            }
            // FreeMind before 0.8 wrote in the platform's encoding and said nothing about it; on the machines
            // those files come from, that was almost always Windows-1252 or its subset Latin-1.
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            let said = if declared.is_some() {
                "says it is UTF-8 but is not"
            } else {
                "is not UTF-8 and does not say which encoding it uses"
            };
            Ok((
                text,
                Some(format!(
                    "The file {said}; it was read as Western European (Windows-1252), so check accented \
                     letters."
                )),
            ))
        }
    }
}

fn replaced(encoding: &'static Encoding) -> String {
    format!(
        "Some bytes are not valid {} and were replaced by \u{fffd}.",
        encoding.name()
    )
}

/// The `encoding` pseudo-attribute of the XML declaration, when the file starts with one.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(DECLARATION_LIMIT)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|pair| pair == b"?>")?;
    let declaration = std::str::from_utf8(&head[..end]).ok()?;
    let after = &declaration[declaration.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    let label = &value[..value.find(quote)?];
    Some(label.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Option<String>) {
        let (text, note) = decode(bytes, Path::new("t.mm")).unwrap_or_else(|error| {
            unreachable!("{error}");
        });
        (text.into_owned(), note)
    }

    #[test]
    fn the_declared_encoding_is_found_with_either_quote() {
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><map/>").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(
            declared_encoding(b"\n <?xml version='1.0' encoding = 'windows-1252' ?>").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?><map/>"), None);
        assert_eq!(declared_encoding(b"<map version=\"0.7.1\"/>"), None);
    }

    #[test]
    fn latin_1_bytes_become_their_characters() {
        let (decoded, note) =
            text(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xe9</a>");
        assert!(decoded.ends_with("<a>café</a>"));
        assert_eq!(note, None);
    }

    #[test]
    fn a_bom_wins_and_is_removed() {
        let (decoded, _) = text(b"\xef\xbb\xbf<map/>");
        assert_eq!(decoded, "<map/>");
        let (decoded, _) = text(b"\xff\xfe<\0m\0a\0p\0/\0>\0");
        assert_eq!(decoded, "<map/>");
    }

    #[test]
    fn undeclared_non_utf8_is_read_as_windows_1252_and_reported() {
        let (decoded, note) = text(b"<map><node TEXT=\"\x93quoted\x94\"/></map>");
        assert!(decoded.contains("\u{201c}quoted\u{201d}"));
        assert!(note.is_some_and(|n| n.contains("Windows-1252")));
    }

    #[test]
    fn an_unknown_encoding_is_an_error_naming_it() {
        let error = decode(
            b"<?xml version=\"1.0\" encoding=\"klingon-8\"?><map/>",
            Path::new("t.mm"),
        )
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
        assert!(error.contains("klingon-8"), "{error}");
    }
}
