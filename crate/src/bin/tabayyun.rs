//! The native CLI: drives the same core as the wasm, for annotation,
//! evaluation against gold files, and benchmarks.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  tabayyun annotate FILE...        one JSON line per file (- for stdin)";

fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("stdin: {e}"))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    }
    // Invalid UTF-8 becomes U+FFFD rather than failing the whole file.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn annotate(files: &[String]) -> Result<(), String> {
    if files.is_empty() {
        return Err(USAGE.to_string());
    }
    for file in files {
        let text = read_input(file)?;
        let line = match tabayyun::analyze(&text) {
            Ok(a) => {
                serde_json::json!({"file": file, "numbers": a.numbers, "entities": a.entities})
            }
            Err(e) => {
                serde_json::json!({"file": file, "error": {"code": e.code(), "message": e.to_string()}})
            }
        };
        println!("{line}");
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}
