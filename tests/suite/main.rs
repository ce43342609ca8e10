//! The integration tests, as one test binary: one link instead of one per file keeps the build small and
//! fast (forty binaries of the same app and its dependencies filled the CI machine's disk). Each module was
//! a file of its own under `tests/`; `cargo test <module>::` runs one of them.

mod auto_layout;
mod balance;
mod cli;
mod clipboard;
mod crash_save;
mod deep_maps;
mod desktop;
mod edit_properties;
mod interchange_markdown;
mod interchange_mm;
mod interchange_opml;
mod interchange_png;
mod interchange_svg_report;
mod layering;
mod layout;
mod malformed_files;
mod migration;
mod model_invariants;
mod readme;
mod storage_roundtrip;
mod ui_balance;
mod ui_clipboard;
mod ui_editing;
mod ui_exchange;
mod ui_files;
mod ui_first_view;
mod ui_focus;
mod ui_help;
mod ui_in_flight;
mod ui_inspector;
mod ui_layout;
mod ui_migration;
mod ui_navigation;
mod ui_plan;
mod ui_preferences;
mod ui_recovery;
mod ui_support;
mod ui_templates;
mod ui_window;
mod undo_redo;
