//! The migration chain: each older format version is turned into the next one, step by step, as untyped RON
//! values, until it reaches the current version. Version 1 is the first, so the chain is empty for now; each
//! new version adds one step here and a fixture under tests/fixtures.

use std::path::Path;

use super::LoadError;
use super::format::{BodyV1, CURRENT_VERSION, body_from_fields};

/// One step: the fields of version N in, the fields of version N + 1 out.
type Step = fn(Vec<(String, ron::Value)>) -> Result<Vec<(String, ron::Value)>, String>;

/// `STEPS[i]` turns version `i + FIRST` into version `i + FIRST + 1`.
const STEPS: &[Step] = &[];
const FIRST: u32 = CURRENT_VERSION - STEPS.len() as u32;

/// Whether an older version can be migrated.
pub(super) fn knows(version: u32) -> bool {
    (FIRST..CURRENT_VERSION).contains(&version)
}

/// Runs the chain from `version` to the current version.
pub(super) fn to_current(
    version: u32,
    mut fields: Vec<(String, ron::Value)>,
    path: &Path,
) -> Result<BodyV1, LoadError> {
    let unknown = || LoadError::UnknownVersion {
        path: path.to_owned(),
        found: version,
        supported: CURRENT_VERSION,
    };
    if !knows(version) {
        return Err(unknown());
    }
    for step in &STEPS[(version - FIRST) as usize..] {
        fields = step(fields).map_err(|reason| LoadError::NotRelmap {
            path: path.to_owned(),
            reason,
        })?;
    }
    body_from_fields(fields).map_err(|reason| LoadError::NotRelmap {
        path: path.to_owned(),
        reason,
    })
}
