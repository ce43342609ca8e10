//! What the benchmarks share: the map sizes to measure and the generated maps themselves.
//!
//! `cargo bench` measures at 1,000, 10,000 and 50,000 nodes. `cargo test` also builds and runs every benchmark,
//! once each and only at 1,000 nodes, so the test suite proves they still work without spending minutes on
//! them.

// Each benchmark compiles this module separately and uses only some of it.
#![allow(dead_code)]

use relmap::model::Workbook;

/// Whether this run measures (`cargo bench`) rather than only checks that each benchmark runs (`cargo test`).
#[must_use]
pub fn measuring() -> bool {
    std::env::args().any(|arg| arg == "--bench")
}

/// The map sizes to measure: 1,000, 10,000 and 50,000 nodes, or only 1,000 when not measuring. The variable
/// `RELMAP_BENCH_SIZES` (a comma-separated list) picks others.
#[must_use]
pub fn sizes() -> Vec<usize> {
    if let Ok(list) = std::env::var("RELMAP_BENCH_SIZES") {
        let chosen: Vec<usize> = list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect();
        if !chosen.is_empty() {
            return chosen;
        }
    }
    if measuring() {
        vec![1_000, 10_000, 50_000]
    } else {
        vec![1_000]
    }
}

/// The generated map of `n` nodes, laid out as a tree, as `relmap --generate n` writes it.
#[must_use]
pub fn map_of(n: usize) -> Workbook {
    relmap::layout::generated(n)
}
