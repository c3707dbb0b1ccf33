//! The native CLI: drives the same core as the wasm, for annotation,
//! evaluation against gold files, and benchmarks.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage:
  tabayyun annotate FILE...        one JSON line per file (- for stdin)
  tabayyun match --library LIB.jsonl --queries Q.jsonl [--top K]
                                   one JSON line per query passage, best matches first
  tabayyun claims --library LIB.jsonl
                                   numeric claims grouped across outlets, as JSON
  tabayyun eval matching --gold DIR [--predictions FILE]
                                   R@1, R@3, MRR, nDCG@5 (ours, or a peer's match output)";

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

/// The value after `name` in `args`.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn cmd_match(args: &[String]) -> Result<(), String> {
    let (Some(lib), Some(queries)) = (flag(args, "--library"), flag(args, "--queries")) else {
        return Err(USAGE.to_string());
    };
    let top = match flag(args, "--top") {
        Some(k) => k.parse().map_err(|_| format!("--top {k}: not a number"))?,
        None => 5,
    };
    use tabayyun::eval::matching::{library_from_jsonl, match_jsonl};
    let lib = library_from_jsonl(std::path::Path::new(lib)).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match_jsonl(&lib, std::path::Path::new(queries), top, &mut out).map_err(|e| e.to_string())
}

fn cmd_claims(args: &[String]) -> Result<(), String> {
    let Some(lib) = flag(args, "--library") else {
        return Err(USAGE.to_string());
    };
    let lib = tabayyun::eval::matching::library_from_jsonl(std::path::Path::new(lib))
        .map_err(|e| e.to_string())?;
    let groups = lib.claims(None);
    println!(
        "{}",
        serde_json::to_string_pretty(&groups).map_err(|e| e.to_string())?
    );
    Ok(())
}

fn cmd_eval_matching(args: &[String]) -> Result<(), String> {
    let gold = flag(args, "--gold").unwrap_or("../shared/gold/seeds");
    let predictions = flag(args, "--predictions").map(std::path::Path::new);
    let report = tabayyun::eval::matching::evaluate(std::path::Path::new(gold), predictions)
        .map_err(|e| e.to_string())?;
    println!("{report}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        Some("match") => cmd_match(&args[1..]),
        Some("claims") => cmd_claims(&args[1..]),
        Some("eval") if args.get(1).map(String::as_str) == Some("matching") => {
            cmd_eval_matching(&args[2..])
        }
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
