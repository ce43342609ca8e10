//! The relmap binary: reads the command line and opens the window.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
relmap: a mind-map editor for library leaders' relationship planning

Usage:
  relmap [FILE]     open FILE (a relmap .ron map), or the starter template when no FILE is given
  relmap --help     show this help
  relmap --version  show the version
";

fn main() -> ExitCode {
    let mut file: Option<PathBuf> = None;
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("-h" | "--help") => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some("-V" | "--version") => {
                println!("relmap {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with('-') && flag.len() > 1 => {
                eprintln!("relmap: unknown option {flag}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ if file.is_some() => {
                eprintln!("relmap: only one FILE can be opened at a time\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => file = Some(PathBuf::from(arg)),
        }
    }
    match relmap::ui::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relmap: could not open the window: {error}");
            ExitCode::FAILURE
        }
    }
}
