//! Exchanging maps with the rest of the world: the clipboard, and later other mind-map tools' formats.
