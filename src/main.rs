//! The relmap binary: reads the command line and opens the window.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
relmap: a mind-map editor for library leaders' relationship planning

Usage:
  relmap [FILE]     open FILE (a relmap .ron map), or the starter template when no FILE is given
  relmap --check FILE...
                    check that each FILE is a readable relmap map, without opening a window; prints
                    each problem with the file and line:column, and exits with 1 if any file fails
  relmap --export [FORMAT] IN OUT
                    write the map IN (a relmap map, a FreeMind/Freeplane .mm map or an OPML outline) to OUT
                    as FORMAT: html (the printable plan report), svg or png (a picture of the map; png3
                    for three times the size on screen, png1 to png8), md (Markdown), mm (FreeMind/
                    Freeplane) or opml; without FORMAT, OUT's extension decides
  relmap --generate N OUT.ron
                    write a realistic map of N nodes to OUT.ron (the same N always gives the same map)
  relmap --help     show this help
  relmap --version  show the version
";

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    match args.first().and_then(|a| a.to_str()) {
        Some("--generate") => return generate(&args[1..]),
        Some("--check") => return check(&args[1..]),
        Some("--export") => return export(&args[1..]),
        _ => {}
    }
    let mut file: Option<PathBuf> = None;
    for arg in args {
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

/// `relmap --export [FORMAT] IN OUT`: converts a map.
fn export(args: &[std::ffi::OsString]) -> ExitCode {
    use relmap::interchange::ExportFormat;
    let (format, input, output) = match args {
        [format, input, output] => {
            let Some(format) = format.to_str().and_then(ExportFormat::from_name) else {
                eprintln!(
                    "relmap: unknown export format {}; use html, svg, png, md, mm or opml\n\n{USAGE}",
                    format.to_string_lossy()
                );
                return ExitCode::from(2);
            };
            (format, input, output)
        }
        [input, output] => {
            let Some(format) = ExportFormat::of_path(std::path::Path::new(output)) else {
                eprintln!(
                    "relmap: cannot tell the format from {}; name it, as in `relmap --export md IN OUT`",
                    output.to_string_lossy()
                );
                return ExitCode::from(2);
            };
            (format, input, output)
        }
        _ => {
            eprintln!(
                "relmap: --export takes an optional format, a map to read and a file to write\n\n{USAGE}"
            );
            return ExitCode::from(2);
        }
    };
    let input = std::path::Path::new(input);
    let workbook = if relmap::interchange::is_importable(input) {
        let bytes = match std::fs::read(input) {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("relmap: {}: {error}", input.display());
                return ExitCode::FAILURE;
            }
        };
        match relmap::interchange::import(&bytes, input) {
            Ok(imported) => {
                for line in &imported.report {
                    eprintln!("relmap: {}: {line}", input.display());
                }
                imported.workbook
            }
            Err(error) => {
                eprintln!("relmap: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        match relmap::storage::load(input) {
            Ok(workbook) => workbook,
            Err(error) => {
                eprintln!("relmap: {error}");
                return ExitCode::FAILURE;
            }
        }
    };
    // Laid out as relmap draws it: a map keeps itself arranged, so its picture and its positions in other
    // formats come from its structure, not from wherever another tool left the nodes.
    let workbook = relmap::document::Document::new(workbook, None).into_workbook();
    let today = chrono::Local::now().date_naive();
    let exported = match relmap::interchange::export(format, &workbook, today) {
        Ok(exported) => exported,
        Err(error) => {
            eprintln!("relmap: {error}");
            return ExitCode::FAILURE;
        }
    };
    for warning in &exported.warnings {
        eprintln!("relmap: {warning}");
    }
    let output = std::path::Path::new(output);
    match relmap::storage::write_atomically(output, &exported.bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relmap: could not write {}: {error}", output.display());
            ExitCode::FAILURE
        }
    }
}

/// `relmap --generate N OUT.ron`: writes a generated map.
fn generate(args: &[std::ffi::OsString]) -> ExitCode {
    let [count, out] = args else {
        eprintln!("relmap: --generate takes a node count and a file name\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let Some(count) = count
        .to_str()
        .and_then(|c| c.parse::<usize>().ok())
        .filter(|&c| c >= 1)
    else {
        eprintln!("relmap: the node count for --generate must be a whole number of at least 1");
        return ExitCode::from(2);
    };
    let workbook = relmap::layout::generated(count);
    match relmap::storage::save(std::path::Path::new(out), &workbook) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relmap: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `relmap --check FILE...`: loads each file as relmap would and reports what is wrong.
fn check(files: &[std::ffi::OsString]) -> ExitCode {
    if files.is_empty() {
        eprintln!("relmap: --check takes one or more files\n\n{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in files {
        let path = std::path::Path::new(file);
        match relmap::storage::open(path) {
            Ok(loaded) if loaded.version < relmap::storage::CURRENT_VERSION => println!(
                "{}: ok, {} nodes, in the older format version {} (relmap offers to upgrade it when it opens)",
                path.display(),
                loaded.workbook.map.len(),
                loaded.version
            ),
            Ok(loaded) => println!(
                "{}: ok, {} nodes",
                path.display(),
                loaded.workbook.map.len()
            ),
            Err(error) => {
                failed = true;
                eprintln!("{error}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
