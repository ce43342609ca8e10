//! Fuzzes the RON loader: no input may panic, and every accepted input must round-trip exactly.
//!
//! For any bytes `data`:
//! 1. `storage::from_bytes` returns `Ok` or `Err`, and never panics, overflows or hangs;
//! 2. when it returns a workbook, `storage::to_string` writes text that `storage::from_str` loads again, and
//!    writing that second workbook gives the identical text (saving a loaded file is stable).

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use relmap::storage::{from_bytes, from_str, to_string};

fuzz_target!(|data: &[u8]| {
    let Ok(workbook) = from_bytes(data, Path::new("fuzz.ron")) else {
        return;
    };
    let text = to_string(&workbook);
    let reloaded = match from_str(&text, Path::new("fuzz.ron")) {
        Ok(reloaded) => reloaded,
        Err(error) => panic!(
            "an accepted file was written as text that does not load again: {error}\n--- written ---\n{text}"
        ),
    };
    let again = to_string(&reloaded);
    assert!(
        again == text,
        "saving a loaded file is not stable\n--- first save ---\n{text}\n--- second save ---\n{again}"
    );
});
