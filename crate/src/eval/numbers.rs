//! Scores the numbers recognizer against `numbers.jsonl`: precision, recall
//! and F1 (a) by span overlap and (b) value-exact: overlapping span, same
//! kind, and same value, low and high (and, for dates and times, the same
//! `date` or `time` field). Per-kind counts; with `verbose`, every miss.

use super::{load_seeds, read_jsonl, seeds_dir_for, Prf};
use crate::analyze::NumberMention;
use crate::Error;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// One gold number.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldNumber {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub time: Option<String>,
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

fn overlaps(p: &NumberMention, g: &GoldNumber) -> bool {
    p.start < g.end && g.start < p.end
}

/// Whether a prediction matches a gold number value-exactly.
pub fn value_exact(p: &NumberMention, g: &GoldNumber) -> bool {
    overlaps(p, g)
        && p.kind.as_str() == g.kind
        && same(p.value, g.value)
        && same(p.low, g.low)
        && same(p.high, g.high)
        && (g.kind != "date" || p.date == g.date)
        && (g.kind != "time" || p.time == g.time)
}

/// Counts for one document or one kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub overlap_pred: usize,
    pub overlap_gold: usize,
    pub exact_pred: usize,
    pub exact_gold: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.overlap_pred += o.overlap_pred;
        self.overlap_gold += o.overlap_gold;
        self.exact_pred += o.exact_pred;
        self.exact_gold += o.exact_gold;
    }

    pub fn overlap(&self) -> Prf {
        Prf::from_counts(
            self.overlap_pred,
            self.predicted,
            self.overlap_gold,
            self.gold,
        )
    }

    pub fn exact(&self) -> Prf {
        Prf::from_counts(self.exact_pred, self.predicted, self.exact_gold, self.gold)
    }
}

/// The scores over all documents.
pub struct Report {
    pub total: Counts,
    pub by_kind: BTreeMap<String, Counts>,
    pub misses: Vec<String>,
}

fn describe(n: &NumberMention) -> String {
    let v = match (n.value, n.low, n.high) {
        (Some(v), _, _) => format!("{v}"),
        (None, Some(l), Some(h)) => format!("{l}..{h}"),
        _ => "-".into(),
    };
    let extra = n.date.as_deref().or(n.time.as_deref()).unwrap_or("");
    format!(
        "[{}-{}] «{}» {} {} {} {}{}",
        n.start,
        n.end,
        n.text,
        n.kind.as_str(),
        v,
        n.qualifier,
        n.unit.as_deref().unwrap_or("-"),
        if extra.is_empty() {
            String::new()
        } else {
            format!(" {extra}")
        }
    )
}

fn describe_gold(g: &GoldNumber) -> String {
    let v = match (g.value, g.low, g.high) {
        (Some(v), _, _) => format!("{v}"),
        (None, Some(l), Some(h)) => format!("{l}..{h}"),
        _ => "-".into(),
    };
    let extra = g.date.as_deref().or(g.time.as_deref()).unwrap_or("");
    format!(
        "[{}-{}] «{}» {} {} {} {}",
        g.start, g.end, g.text, g.kind, v, g.qualifier, extra
    )
}

/// Scores predictions for one document.
pub fn score_doc(
    doc: &str,
    preds: &[NumberMention],
    gold: &[&GoldNumber],
    by_kind: &mut BTreeMap<String, Counts>,
    misses: &mut Vec<String>,
) -> Counts {
    let mut c = Counts {
        gold: gold.len(),
        predicted: preds.len(),
        ..Counts::default()
    };
    for p in preds {
        let k = by_kind.entry(p.kind.as_str().to_string()).or_default();
        k.predicted += 1;
        if gold.iter().any(|g| overlaps(p, g)) {
            c.overlap_pred += 1;
            k.overlap_pred += 1;
        } else {
            misses.push(format!("{doc} false positive  {}", describe(p)));
        }
        if gold.iter().any(|g| value_exact(p, g)) {
            c.exact_pred += 1;
            k.exact_pred += 1;
        }
    }
    for g in gold {
        let k = by_kind.entry(g.kind.clone()).or_default();
        k.gold += 1;
        if preds.iter().any(|p| overlaps(p, g)) {
            c.overlap_gold += 1;
            k.overlap_gold += 1;
        }
        if preds.iter().any(|p| value_exact(p, g)) {
            c.exact_gold += 1;
            k.exact_gold += 1;
        } else {
            let near: Vec<String> = preds
                .iter()
                .filter(|p| overlaps(p, g))
                .map(describe)
                .collect();
            let what = if near.is_empty() {
                "missed         ".to_string()
            } else {
                format!("wrong ({})", near.join("; "))
            };
            misses.push(format!("{doc} {what}  gold {}", describe_gold(g)));
        }
    }
    c
}

/// Runs the pipeline on every seed and scores it against `gold/numbers.jsonl`.
pub fn score(gold_dir: &Path) -> Result<Report, Error> {
    let gold: Vec<GoldNumber> = read_jsonl(&gold_dir.join("numbers.jsonl"))?;
    let seeds = load_seeds(&seeds_dir_for(gold_dir))?;
    let mut total = Counts::default();
    let mut by_kind = BTreeMap::new();
    let mut misses = Vec::new();
    for seed in &seeds {
        let analysis = crate::analyze(&seed.text)?;
        let doc_gold: Vec<&GoldNumber> = gold.iter().filter(|g| g.doc == seed.doc).collect();
        let c = score_doc(
            &seed.doc,
            &analysis.numbers,
            &doc_gold,
            &mut by_kind,
            &mut misses,
        );
        total.add(&c);
    }
    Ok(Report {
        total,
        by_kind,
        misses,
    })
}

/// The printed report of `tabayyun eval numbers`.
pub fn evaluate(gold_dir: &Path, verbose: bool) -> Result<String, Error> {
    let r = score(gold_dir)?;
    let mut out = String::new();
    let t = &r.total;
    let _ = writeln!(
        out,
        "numbers: {} gold, {} predicted\n  span overlap  {}\n  value-exact   {}",
        t.gold,
        t.predicted,
        t.overlap(),
        t.exact()
    );
    let _ = writeln!(out, "  per kind       gold  pred  exact-gold  exact-pred");
    for (kind, c) in &r.by_kind {
        let _ = writeln!(
            out,
            "    {kind:<10} {:>6} {:>5} {:>11} {:>11}",
            c.gold, c.predicted, c.exact_gold, c.exact_pred
        );
    }
    if verbose {
        for m in &r.misses {
            let _ = writeln!(out, "  {m}");
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::Kind;

    fn mention(start: usize, end: usize, kind: Kind, value: Option<f64>) -> NumberMention {
        NumberMention {
            start,
            end,
            text: String::new(),
            kind,
            value,
            low: None,
            high: None,
            qualifier: "exact",
            unit: None,
            unit_en: None,
            date: None,
            time: None,
        }
    }

    fn gold(start: usize, end: usize, kind: &str, value: Option<f64>) -> GoldNumber {
        GoldNumber {
            doc: "000".into(),
            start,
            end,
            text: String::new(),
            kind: kind.into(),
            value,
            low: None,
            high: None,
            qualifier: "exact".into(),
            date: None,
            time: None,
        }
    }

    #[test]
    fn overlap_and_value_exact() {
        // "نحو 1500" predicted as "1500": overlaps, same value.
        let preds = [
            mention(4, 8, Kind::Count, Some(1500.0)),
            mention(20, 24, Kind::Year, Some(2014.0)),
            mention(40, 42, Kind::Count, Some(3.0)),
        ];
        let g1 = gold(0, 8, "count", Some(1500.0));
        let g2 = gold(20, 24, "count", Some(2014.0));
        let golds = [&g1, &g2];
        let mut by_kind = BTreeMap::new();
        let mut misses = Vec::new();
        let c = score_doc("000", &preds, &golds, &mut by_kind, &mut misses);
        assert_eq!((c.overlap_pred, c.overlap_gold), (2, 2));
        assert_eq!((c.exact_pred, c.exact_gold), (1, 1));
        assert_eq!(misses.len(), 2); // one false positive, one wrong kind
    }
}
