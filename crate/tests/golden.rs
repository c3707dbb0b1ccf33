//! Golden test of the whole pipeline on the five seed articles
//! (`../shared/seeds`): one `## <doc>` heading per article, then one line
//! per mention, numbers and entities together, sorted by position:
//!
//! ```text
//! start end kind value text
//! ```
//!
//! `value` is the number's value, `low..high` for ranges and vague
//! quantities, the `date` or `time` field for dates and times, and the
//! linked id for entities. Offsets are UTF-16 code units, as the DOM counts.
//!
//! After an intended change, regenerate the file and review its diff:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --release --test golden
//! ```
//!
//! Without `../shared/seeds` the test prints why and passes.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds")
}

fn golden_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seeds.txt")
}

fn number(v: Option<f64>) -> String {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => format!("{}", x as i64),
        Some(x) => format!("{x}"),
        None => "-".into(),
    }
}

/// The golden text for one article.
fn render(doc: &str, text: &str) -> String {
    let a = tabayyun::analyze(text).expect("seed articles are valid input");
    let mut lines: Vec<(usize, usize, String)> = Vec::new();
    for n in &a.numbers {
        let value = match (n.value, n.low, n.high, &n.date, &n.time) {
            (_, _, _, Some(d), _) => d.clone(),
            (_, _, _, _, Some(t)) => t.clone(),
            (Some(v), _, _, _, _) => number(Some(v)),
            (None, Some(l), Some(h), _, _) => format!("{}..{}", number(Some(l)), number(Some(h))),
            _ => "-".into(),
        };
        lines.push((
            n.start,
            n.end,
            format!(
                "{} {} {} {} {}",
                n.start,
                n.end,
                n.kind.as_str(),
                value,
                n.text
            ),
        ));
    }
    for e in &a.entities {
        lines.push((
            e.start,
            e.end,
            format!("{} {} {} {} {}", e.start, e.end, e.kind, e.id, e.text),
        ));
    }
    lines.sort();
    let mut out = format!("## {doc}\n");
    for (_, _, l) in lines {
        let _ = writeln!(out, "{}", l.replace('\n', " "));
    }
    out
}

#[test]
fn seeds_golden() {
    let dir = seeds_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "skipped: no seed articles at {} (the shared folder is absent)",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut got = String::new();
    for f in &files {
        let name = f.file_name().unwrap_or_default().to_string_lossy();
        let doc: String = name.chars().take(3).collect();
        let text = std::fs::read_to_string(f).expect("seed is UTF-8");
        got.push_str(&render(&doc, &text));
    }
    let path = golden_path();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).expect("write golden file");
        println!("wrote {}", path.display());
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .filter(|l| !got.lines().any(|g| g == *l))
            .map(|l| format!("- {l}"))
            .chain(
                got.lines()
                    .filter(|g| !want.lines().any(|l| l == *g))
                    .map(|g| format!("+ {g}")),
            )
            .take(40)
            .collect();
        panic!(
            "golden output changed ({} lines differ, first 40 below); if intended, run\n  UPDATE_GOLDEN=1 cargo test --release --test golden\n{}",
            diff.len(),
            diff.join("\n")
        );
    }
}
