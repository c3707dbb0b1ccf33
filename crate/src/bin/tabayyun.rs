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
  tabayyun events --library LIB.jsonl
                                   the library's events, one JSON line each
  tabayyun eval matching --gold DIR [--predictions FILE]
                                   R@1, R@3, MRR, nDCG@5 (ours, or a peer's match output)
  tabayyun eval paraphrase --pairs FILE (--library LIB.jsonl | --predictions FILE)
                                   R@1, R@5, MRR of reworded headlines among distractors
                                   (library: tests/bench/paraphrase_library.py)
  tabayyun eval events --gold LIST.tsv [--library LIB.jsonl --distractors N,N...] [--show N]
                                   B-cubed P/R/F1 of event grouping, alone and among distractors,
                                   and the titles of the N largest events
                                   (distractors: tests/bench/news_library.py)
  tabayyun eval numbers --gold DIR [--verbose]
                                   span-overlap and value-exact P/R/F1, per-kind counts
  tabayyun bench analyze [--runs N] FILE...
                                   analyze speed: median of N runs, one JSON line (.jsonl: one text per line)
  tabayyun eval entities --gold DIR [--errors]
                                   strict and lenient P/R/F1 per type, B-cubed F1 of ids
  tabayyun eval ner-dev [--data DIR]
                                   ner-conll's P/R/F1 per type on the ANERcorp dev split
  tabayyun ner-conll               CoNLL tokens on stdin, `token TAG` lines on stdout
  tabayyun train-ner [--data DIR] [--out FILE] [--bits B] [--epochs N] [--prune F] [--with-aqmar] [--context N] [--predictions FILE]
                                   retrain the entity model (crate/data/ner/model.bin)
  tabayyun build-clusters [--out FILE] [--min-count N] [--rounds N] NEWS.json...
                                   learns the entity model's word classes (crate/data/ner/clusters.txt)
  tabayyun build-whole-words [--out FILE] [--min-count N] NEWS.json...
                                   learns the words whose first letter only looks like a proclitic (crate/data/whole_words.txt)
  tabayyun build-neighbours [--out FILE] [--targets N] [--min-count N] [--window N] [--keep N] [--threshold X] NEWS.json...
                                   learns the distributional neighbours of news stems (crate/data/neighbours.tsv)
  tabayyun build-vectors [--out FILE] [--targets N] [--min-count N] [--window N] [--dims N] [--iterations N] [--seed N] NEWS.json...
                                   learns the topical vectors of news stems (crate/data/vectors.bin)";

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

/// The number after `name`, or `default` when the flag is absent.
fn number_flag<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String> {
    flag(args, name).map_or(Ok(default), |v| {
        v.parse().map_err(|_| format!("{name} {v}: not a number"))
    })
}

fn cmd_match(args: &[String]) -> Result<(), String> {
    let (Some(lib), Some(queries)) = (flag(args, "--library"), flag(args, "--queries")) else {
        return Err(USAGE.to_string());
    };
    let top = number_flag(args, "--top", 5)?;
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

fn cmd_events(args: &[String]) -> Result<(), String> {
    use std::io::Write;
    let Some(lib) = flag(args, "--library") else {
        return Err(USAGE.to_string());
    };
    let lib = tabayyun::eval::matching::library_from_jsonl(std::path::Path::new(lib))
        .map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for event in lib.events() {
        let line = serde_json::to_string(&event).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn cmd_eval_matching(args: &[String]) -> Result<(), String> {
    let gold = flag(args, "--gold").unwrap_or("../shared/gold/seeds");
    let predictions = flag(args, "--predictions").map(std::path::Path::new);
    let report = tabayyun::eval::matching::evaluate(std::path::Path::new(gold), predictions)
        .map_err(|e| e.to_string())?;
    println!("{report}");
    Ok(())
}

fn cmd_eval_events(args: &[String]) -> Result<(), String> {
    let gold = flag(args, "--gold").unwrap_or("crate/tests/fixtures/events/groups.tsv");
    let library = flag(args, "--library").map(std::path::Path::new);
    let sizes = flag(args, "--distractors")
        .unwrap_or("")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .map_err(|_| format!("--distractors {s}: not a number"))
        })
        .collect::<Result<Vec<usize>, String>>()?;
    let show = number_flag(args, "--show", 0)?;
    let report =
        tabayyun::eval::events::evaluate(std::path::Path::new(gold), library, &sizes, show)
            .map_err(|e| e.to_string())?;
    print!("{report}");
    Ok(())
}

fn cmd_eval_paraphrase(args: &[String]) -> Result<(), String> {
    let Some(pairs) = flag(args, "--pairs") else {
        return Err(USAGE.to_string());
    };
    let library = flag(args, "--library").map(std::path::Path::new);
    let predictions = flag(args, "--predictions").map(std::path::Path::new);
    let report = tabayyun::eval::matching::evaluate_paraphrase(
        std::path::Path::new(pairs),
        library,
        predictions,
    )
    .map_err(|e| e.to_string())?;
    println!("{report}");
    Ok(())
}

fn cmd_eval_entities(args: &[String]) -> Result<(), String> {
    let gold = flag(args, "--gold").unwrap_or("../shared/gold/seeds");
    let errors = args.iter().any(|a| a == "--errors");
    let report = tabayyun::eval::entities::evaluate(std::path::Path::new(gold), errors)
        .map_err(|e| e.to_string())?;
    print!("{report}");
    Ok(())
}

fn cmd_eval_ner_dev(args: &[String]) -> Result<(), String> {
    let data = flag(args, "--data").unwrap_or("../shared/data/ner");
    let report = tabayyun::eval::entities::evaluate_dev(std::path::Path::new(data))
        .map_err(|e| e.to_string())?;
    print!("{report}");
    Ok(())
}

/// Tags CoNLL from stdin: one `token PRED` line per token line, blank
/// lines kept as sentence breaks.
fn cmd_ner_conll() -> Result<(), String> {
    use std::io::Write;
    let input = read_input("-")?;
    // Blank lines are kept as they come: None marks one.
    let mut lines: Vec<Option<usize>> = Vec::new();
    let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
    for line in input.lines() {
        match (line.split_whitespace().next(), sentences.last_mut()) {
            (Some(token), Some(s)) => {
                s.push(token);
                lines.push(Some(sentences.len() - 1));
            }
            _ => {
                lines.push(None);
                sentences.push(Vec::new());
            }
        }
    }
    let tags = tabayyun::entities::tag_sentences(&sentences);
    let mut next = vec![0usize; sentences.len()];
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in lines {
        let written = match line {
            Some(s) => {
                let k = next[s];
                next[s] += 1;
                let token = sentences[s].get(k).copied().unwrap_or("");
                let tag = tags.get(s).and_then(|t| t.get(k)).copied().unwrap_or("O");
                writeln!(out, "{token} {tag}")
            }
            None => writeln!(out),
        };
        written.map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn cmd_train_ner(args: &[String]) -> Result<(), String> {
    let number = |name: &str, default: f64| number_flag(args, name, default);
    let options = tabayyun::entities::train::Options {
        data: flag(args, "--data").unwrap_or("../shared/data/ner").into(),
        out: flag(args, "--out")
            .unwrap_or("crate/data/ner/model.bin")
            .into(),
        bits: number("--bits", 16.0)? as u32,
        epochs: number("--epochs", 12.0)? as usize,
        prune: number("--prune", 0.0)?,
        with_aqmar: args.iter().any(|a| a == "--with-aqmar"),
        window: number(
            "--context",
            tabayyun::entities::features::CONTEXT_WINDOW as f64,
        )? as usize,
        predictions: flag(args, "--predictions").map(Into::into),
    };
    let report = tabayyun::entities::train::run(&options).map_err(|e| e.to_string())?;
    print!("{report}");
    Ok(())
}

/// `build-clusters [--out FILE] [--min-count N] [--rounds N] FILE...`:
/// learns the entity model's word classes from news articles, each FILE a
/// JSON list of objects with a `content` field (SaudiNewsNet, unzipped).
fn cmd_build_clusters(args: &[String]) -> Result<(), String> {
    let out = flag(args, "--out").unwrap_or("crate/data/ner/clusters.txt");
    let min_count = number_flag(args, "--min-count", 10usize)? as u32;
    let rounds = number_flag(args, "--rounds", 6)?;
    let texts = news_texts("build-clusters", args)?;
    let table = tabayyun::entities::clusters::build(&texts, min_count, rounds);
    std::fs::write(out, &table).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} articles; wrote {out} ({} bytes)",
        texts.len(),
        table.len()
    );
    Ok(())
}

/// The `content` of every article in the FILE arguments (each a JSON list
/// of objects, as SaudiNewsNet's unzipped files are); `--flag value` pairs
/// are passed over.
fn news_texts(command: &str, args: &[String]) -> Result<Vec<String>, String> {
    let mut texts = Vec::new();
    let mut skip = false;
    for a in args {
        if std::mem::take(&mut skip) {
            continue;
        }
        if a.starts_with("--") {
            skip = true;
            continue;
        }
        let raw = read_input(a)?;
        let articles: Vec<serde_json::Value> =
            serde_json::from_str(&raw).map_err(|e| format!("{a}: {e}"))?;
        texts.extend(
            articles
                .iter()
                .filter_map(|v| v.get("content").and_then(|c| c.as_str()))
                .map(str::to_string),
        );
    }
    if texts.is_empty() {
        return Err(format!(
            "{command}: no articles (give SaudiNewsNet .json files)"
        ));
    }
    Ok(texts)
}

/// `build-whole-words [--out FILE] [--min-count N] FILE...`: learns from
/// news which words begin with a letter that only looks like a proclitic
/// (برلمان، سيارة), for the light stem (crate/data/whole_words.txt).
fn cmd_build_whole_words(args: &[String]) -> Result<(), String> {
    let out = flag(args, "--out").unwrap_or("crate/data/whole_words.txt");
    let min_count = number_flag(args, "--min-count", 5)?;
    let texts = news_texts("build-whole-words", args)?;
    let table = tabayyun::tokenize::whole_words(texts.iter().map(String::as_str), min_count);
    std::fs::write(out, &table).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} articles; wrote {out} ({} words)",
        texts.len(),
        table.lines().filter(|l| !l.starts_with('#')).count()
    );
    Ok(())
}

/// `build-neighbours [--out FILE] [--targets N] [--min-count N] [--window N]
/// [--keep N] [--threshold X] FILE...`: learns which news stems are used in
/// the same contexts, for matching (crate/data/neighbours.tsv).
fn cmd_build_neighbours(args: &[String]) -> Result<(), String> {
    use tabayyun::library::neighbours::{build, BuildOptions};
    let out = flag(args, "--out").unwrap_or("crate/data/neighbours.tsv");
    let d = BuildOptions::default();
    let opts = BuildOptions {
        targets: number_flag(args, "--targets", d.targets)?,
        min_count: number_flag(args, "--min-count", d.min_count)?,
        threshold: number_flag(args, "--threshold", d.threshold)?,
        window: number_flag(args, "--window", d.window)?,
        keep: number_flag(args, "--keep", d.keep)?,
        ..d
    };
    let texts = news_texts("build-neighbours", args)?;
    let table = build(&texts, &opts);
    std::fs::write(out, &table).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} articles; wrote {out} ({} stems)",
        texts.len(),
        table.lines().filter(|l| !l.starts_with('#')).count()
    );
    Ok(())
}

/// `build-vectors [--out FILE] [--targets N] [--min-count N] [--window N]
/// [--dims N] [--iterations N] [--seed N] FILE...`: learns a topical vector
/// for each frequent news stem, for matching (crate/data/vectors.bin).
fn cmd_build_vectors(args: &[String]) -> Result<(), String> {
    use tabayyun::library::vectors::{build, BuildOptions};
    let out = flag(args, "--out").unwrap_or("crate/data/vectors.bin");
    let d = BuildOptions::default();
    let opts = BuildOptions {
        targets: number_flag(args, "--targets", d.targets)?,
        min_count: number_flag(args, "--min-count", d.min_count)?,
        window: number_flag(args, "--window", d.window)?,
        dims: number_flag(args, "--dims", d.dims)?,
        iterations: number_flag(args, "--iterations", d.iterations)?,
        seed: number_flag(args, "--seed", d.seed)?,
    };
    if opts.dims == 0 || !opts.dims.is_multiple_of(2) || opts.dims > usize::from(u16::MAX) {
        return Err(format!(
            "build-vectors: --dims {}: give an even number",
            opts.dims
        ));
    }
    let texts = news_texts("build-vectors", args)?;
    let table = build(&texts, &opts);
    std::fs::write(out, &table).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} articles; wrote {out} ({} bytes, {} dimensions)",
        texts.len(),
        table.len(),
        opts.dims
    );
    Ok(())
}

fn cmd_eval_numbers(args: &[String]) -> Result<(), String> {
    let gold = flag(args, "--gold").unwrap_or("../shared/gold/seeds");
    let verbose = args.iter().any(|a| a == "--verbose");
    let report = tabayyun::eval::numbers::evaluate(std::path::Path::new(gold), verbose)
        .map_err(|e| e.to_string())?;
    print!("{report}");
    Ok(())
}

/// Reads bench inputs: a `.jsonl` file holds one text per line (a JSON
/// string, or an object with `content` or `text`); any other file is one text.
fn bench_texts(files: &[&str]) -> Result<Vec<String>, String> {
    let mut texts = Vec::new();
    for file in files {
        let raw = read_input(file)?;
        if !file.ends_with(".jsonl") {
            texts.push(raw);
            continue;
        }
        for (n, line) in raw.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", n + 1))?;
            let text = match &v {
                serde_json::Value::String(s) => s.clone(),
                o => o
                    .get("content")
                    .or_else(|| o.get("text"))
                    .and_then(|t| t.as_str())
                    .unwrap_or_default()
                    .to_string(),
            };
            texts.push(text);
        }
    }
    Ok(texts)
}

/// `bench analyze [--runs N] FILE...`: runs `analyze` over every text N
/// times and prints one JSON line with the median time and MB/s.
fn cmd_bench_analyze(args: &[String]) -> Result<(), String> {
    let mut runs = 7usize;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--runs" {
            runs = it
                .next()
                .and_then(|r| r.parse().ok())
                .filter(|&r| r > 0)
                .ok_or("--runs needs a positive number")?;
        } else {
            files.push(a.as_str());
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_string());
    }
    let texts = bench_texts(&files)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut times = Vec::with_capacity(runs);
    let mut mentions = 0usize;
    for _ in 0..runs {
        let t0 = std::time::Instant::now();
        mentions = 0;
        for text in &texts {
            if let Ok(a) = tabayyun::analyze(text) {
                mentions += a.numbers.len() + a.entities.len();
            }
        }
        times.push(t0.elapsed().as_secs_f64());
    }
    // The stages alone, to see where the time goes.
    let stage = |f: &dyn Fn(&str) -> usize| {
        let mut t: Vec<f64> = (0..runs)
            .map(|_| {
                let t0 = std::time::Instant::now();
                let n: usize = texts.iter().map(|x| f(x)).sum();
                std::hint::black_box(n);
                t0.elapsed().as_secs_f64()
            })
            .collect();
        t.sort_by(f64::total_cmp);
        bytes as f64 / 1e6 / t[t.len() / 2]
    };
    let tokenize_mbs = stage(&|x| tabayyun::tokenize::tokenize(x).len());
    let numbers_mbs =
        stage(&|x| tabayyun::numbers::recognize(x, &tabayyun::tokenize::tokenize(x)).len());
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let line = serde_json::json!({
        "texts": texts.len(),
        "bytes": bytes,
        "runs": runs,
        "mentions": mentions,
        "median_s": median,
        "mb_per_s": bytes as f64 / 1e6 / median,
        "tokenize_mb_per_s": tokenize_mbs,
        "tokenize_numbers_mb_per_s": numbers_mbs,
    });
    println!("{line}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        Some("match") => cmd_match(&args[1..]),
        Some("claims") => cmd_claims(&args[1..]),
        Some("events") => cmd_events(&args[1..]),
        Some("eval") if args.get(1).map(String::as_str) == Some("matching") => {
            cmd_eval_matching(&args[2..])
        }
        Some("eval") if args.get(1).map(String::as_str) == Some("paraphrase") => {
            cmd_eval_paraphrase(&args[2..])
        }
        Some("eval") if args.get(1).map(String::as_str) == Some("events") => {
            cmd_eval_events(&args[2..])
        }
        Some("eval") if args.get(1).map(String::as_str) == Some("numbers") => {
            cmd_eval_numbers(&args[2..])
        }
        Some("bench") if args.get(1).map(String::as_str) == Some("analyze") => {
            cmd_bench_analyze(&args[2..])
        }
        Some("eval") if args.get(1).map(String::as_str) == Some("entities") => {
            cmd_eval_entities(&args[2..])
        }
        Some("eval") if args.get(1).map(String::as_str) == Some("ner-dev") => {
            cmd_eval_ner_dev(&args[2..])
        }
        Some("ner-conll") => cmd_ner_conll(),
        Some("train-ner") => cmd_train_ner(&args[1..]),
        Some("build-clusters") => cmd_build_clusters(&args[1..]),
        Some("build-whole-words") => cmd_build_whole_words(&args[1..]),
        Some("build-neighbours") => cmd_build_neighbours(&args[1..]),
        Some("build-vectors") => cmd_build_vectors(&args[1..]),
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
