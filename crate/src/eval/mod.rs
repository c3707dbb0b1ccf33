//! Scoring against gold files (`../shared/gold/seeds`): shared loading and
//! precision/recall/F1 arithmetic. Each task has its own submodule; the CLI
//! prints their reports.

pub mod entities;
pub mod events;
pub mod matching;
pub mod numbers;

use crate::Error;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One seed article: its `doc` id ("000") and text.
pub struct Seed {
    pub doc: String,
    pub text: String,
}

/// Where the seed texts live for a gold folder: `gold/seeds` → `seeds`.
pub fn seeds_dir_for(gold: &Path) -> PathBuf {
    gold.join("../../seeds")
}

/// Reads the seed articles, sorted by doc id; `doc` is the first three
/// characters of each file name, as in the gold files.
pub fn load_seeds(dir: &Path) -> Result<Vec<Seed>, Error> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::InvalidInput(format!("{}: {e}", dir.display())))?;
    let mut seeds = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())
            .map_err(|e| Error::InvalidInput(format!("{name}: {e}")))?;
        seeds.push(Seed {
            doc: name.chars().take(3).collect(),
            text,
        });
    }
    seeds.sort_by(|a, b| a.doc.cmp(&b.doc));
    Ok(seeds)
}

/// Reads a JSON-lines file into records.
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display())))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .map_err(|e| Error::InvalidInput(format!("{}:{}: {e}", path.display(), i + 1)))
        })
        .collect()
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From true positives over predictions (`tp_pred` of `predicted`) and
    /// over gold (`tp_gold` of `gold`); the two differ under overlap matching.
    ///
    /// ```
    /// let p = tabayyun::eval::Prf::from_counts(8, 10, 8, 16);
    /// assert_eq!((p.precision, p.recall), (0.8, 0.5));
    /// ```
    pub fn from_counts(tp_pred: usize, predicted: usize, tp_gold: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        Prf::new(ratio(tp_pred, predicted), ratio(tp_gold, gold))
    }

    /// From precision and recall, with their harmonic mean (0 when both are).
    pub fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

impl std::fmt::Display for Prf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}",
            self.precision, self.recall, self.f1
        )
    }
}
