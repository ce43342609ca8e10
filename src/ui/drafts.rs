//! Text typed into a field that is applied only when the user leaves the field (a link, the tags), and so is
//! still "in flight" while they type. The field keeps it here, so that a command given meanwhile (Ctrl+S, Quit,
//! a menu, the palette) applies it first instead of saving or closing without it.

use egui::{Context, Id};

use crate::document::EditCommand;

/// The draft of the field that has the keyboard: where its text is kept, and the edit leaving it would make.
#[derive(Clone, Debug)]
struct InFlight {
    /// The egui temp-data id under which the field keeps its text.
    draft: Id,
    /// The edit that applying the text makes, or `None` when the text changes nothing.
    command: Option<EditCommand>,
}

impl Default for InFlight {
    fn default() -> InFlight {
        InFlight {
            draft: Id::NULL,
            command: None,
        }
    }
}

fn key() -> Id {
    Id::unique("relmap-draft-in-flight")
}

/// Notes that the field keeping its text under `draft` has the keyboard, and what leaving it would apply.
pub fn typing(ctx: &Context, draft: Id, command: Option<EditCommand>) {
    ctx.data_mut(|d| d.insert_temp(key(), InFlight { draft, command }));
}

/// Notes that the field keeping its text under `draft` no longer has the keyboard.
pub fn left(ctx: &Context, draft: Id) {
    ctx.data_mut(|d| {
        if d.get_temp::<InFlight>(key())
            .is_some_and(|f| f.draft == draft)
        {
            d.remove_temp::<InFlight>(key());
        }
    });
}

/// Takes the edit of the field being typed in, if it changes anything, and drops its draft: the field shows
/// what the map holds from the next frame on, which after the edit is what was typed.
pub fn take(ctx: &Context) -> Option<EditCommand> {
    ctx.data_mut(|d| {
        let in_flight = d.remove_temp::<InFlight>(key())?;
        d.remove_temp::<String>(in_flight.draft);
        in_flight.command
    })
}
