//! relmap's icons and `FreeMind`'s built-in icons (which Freeplane still has), by name.
//!
//! Freeplane 1.7 added emoji icons, named `emoji-` and the code point in hex; relmap's book and heart have no
//! `FreeMind` icon, so they are written as Freeplane's emoji, and read back from either.

use crate::model::Icon;

/// The built-in icon written for each of relmap's icons.
#[must_use]
pub(super) fn builtin_name(icon: Icon) -> &'static str {
    match icon {
        Icon::Star => "bookmark",
        Icon::Flag => "flag",
        Icon::Warning => "messagebox_warning",
        Icon::Question => "help",
        Icon::Idea => "idea",
        Icon::Check => "button_ok",
        Icon::Calendar => "calendar",
        Icon::People => "group",
        Icon::Book => "emoji-1F4D6",
        Icon::Heart => "emoji-2764",
    }
}

/// relmap's icon for a built-in icon name, when it has one.
#[must_use]
pub(super) fn from_builtin(name: &str) -> Option<Icon> {
    let name = name.trim();
    if name.starts_with("flag") {
        // "flag", and its colours: "flag-black", "flag-blue", "flag-green", "flag-orange", "flag-pink", ...
        return Some(Icon::Flag);
    }
    Some(match name {
        // "bookmark" is FreeMind's "Excellent" star.
        "bookmark" | "star" | "emoji-2B50" | "emoji-1F31F" => Icon::Star,
        // "yes" is FreeMind's red exclamation mark, "Important".
        "messagebox_warning" | "yes" | "emoji-26A0" | "emoji-2757" => Icon::Warning,
        "help" | "emoji-2753" | "emoji-2754" => Icon::Question,
        "idea" | "emoji-1F4A1" => Icon::Idea,
        "button_ok" | "emoji-2714" | "emoji-2705" => Icon::Check,
        "calendar" | "emoji-1F4C5" | "emoji-1F4C6" | "emoji-1F5D3" => Icon::Calendar,
        "group" | "family" | "male1" | "male2" | "female1" | "female2" | "fema" | "emoji-1F465"
        | "emoji-1F46A" | "emoji-1F464" => Icon::People,
        "emoji-1F4D6" | "emoji-1F4DA" | "emoji-1F4D5" | "emoji-1F4D7" | "emoji-1F4D8"
        | "emoji-1F4D9" => Icon::Book,
        "emoji-2764" | "emoji-2665" | "emoji-1F496" | "emoji-1F497" | "emoji-1F9E1"
        | "emoji-1F499" | "emoji-1F49A" | "emoji-1F49B" | "emoji-1F49C" => Icon::Heart,
        _ => return None,
    })
}

/// `FreeMind`'s built-in icons (0.7 to 1.0.1), and the ones Freeplane added that old files use, by name.
const BUILTIN: &[&str] = &[
    "idea",
    "help",
    "yes",
    "messagebox_warning",
    "stop-sign",
    "closed",
    "info",
    "button_ok",
    "button_cancel",
    "full-0",
    "full-1",
    "full-2",
    "full-3",
    "full-4",
    "full-5",
    "full-6",
    "full-7",
    "full-8",
    "full-9",
    "stop",
    "prepare",
    "go",
    "back",
    "forward",
    "up",
    "down",
    "attach",
    "ksmiletris",
    "smiley-neutral",
    "smiley-oh",
    "smiley-angry",
    "smily_bad",
    "clanbomber",
    "desktop_new",
    "gohome",
    "folder",
    "korn",
    "Mail",
    "kmail",
    "list",
    "edit",
    "kaddressbook",
    "knotify",
    "password",
    "pencil",
    "wizard",
    "xmag",
    "bell",
    "bookmark",
    "penguin",
    "licq",
    "freemind_butterfly",
    "broken-line",
    "calendar",
    "clock",
    "hourglass",
    "launch",
    "flag",
    "flag-black",
    "flag-blue",
    "flag-green",
    "flag-orange",
    "flag-pink",
    "flag-yellow",
    "family",
    "female1",
    "female2",
    "male1",
    "male2",
    "fema",
    "group",
    "encrypted",
    "decrypted",
    "redo",
    "video",
    "music",
    "audio",
    "bee",
    "checked",
    "unchecked",
    "very_positive",
    "positive",
    "neutral",
    "negative",
    "very_negative",
    "0%",
    "25%",
    "50%",
    "75%",
    "100%",
];

/// Whether a tag names an icon that `FreeMind` or Freeplane can show, so that it is written as an icon rather
/// than as an attribute.
#[must_use]
pub(super) fn is_builtin(name: &str) -> bool {
    BUILTIN.contains(&name)
        || name.strip_prefix("emoji-").is_some_and(|code| {
            !code.is_empty()
                && code
                    .split('-')
                    .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_hexdigit()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_reads_back_from_the_name_it_is_written_as() {
        for icon in Icon::ALL {
            let name = builtin_name(icon);
            assert_eq!(from_builtin(name), Some(icon), "{name}");
            assert!(is_builtin(name), "{name}");
        }
    }

    #[test]
    fn freemind_names_map_to_the_nearest_icon() {
        assert_eq!(from_builtin("flag-green"), Some(Icon::Flag));
        assert_eq!(from_builtin("male1"), Some(Icon::People));
        assert_eq!(from_builtin("yes"), Some(Icon::Warning));
        assert_eq!(from_builtin("full-1"), None);
        assert_eq!(from_builtin("licq"), None);
        assert!(is_builtin("full-1"));
        assert!(is_builtin("emoji-1F468-200D-1F4BB"));
        assert!(!is_builtin("emoji-"));
        assert!(!is_builtin("budget"));
    }
}
