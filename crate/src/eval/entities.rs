//! Scoring entities. Input: a gold folder (`entities.jsonl` beside the seed
//! texts) or the NER corpora's development split. Output: printable reports.
//!
//! On the seeds, a predicted mention is *strict* correct when its span and
//! type equal a gold mention's, and *lenient* correct when it overlaps a
//! gold mention of the same type (precision counts predicted mentions that
//! overlap some gold one, recall gold mentions that some prediction
//! overlaps). Offsets are compared in UTF-16 units, as the caller sees them.
//!
//! Linking is scored with B-cubed over the gold mentions that a prediction
//! matches leniently (each paired with the same-type prediction that
//! overlaps it most): for each such mention m, precision is the share of
//! mentions with m's predicted id that also have m's gold id, recall the
//! share of mentions with m's gold id that also have m's predicted id;
//! both are averaged over the mentions, across all documents at once (ids
//! are meant to agree across documents), and F1 is their harmonic mean.

use super::{load_seeds, read_jsonl, seeds_dir_for, Prf};
use crate::analyze::EntityMention;
use crate::entities::tag_sentences;
use crate::entities::train::{load_split, tag_index, SpanCounts};
use crate::Error;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// One gold entity mention.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
}

/// Counts for one type (or all): strict and lenient.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    strict_tp: usize,
    lenient_tp_pred: usize,
    lenient_tp_gold: usize,
    predicted: usize,
    gold: usize,
}

/// B-cubed precision, recall and F1 of predicted ids against gold ids over
/// paired mentions `(gold id, predicted id)`.
///
/// ```
/// use tabayyun::eval::entities::b_cubed;
/// let perfect = b_cubed(&[("SYRIA", "سوريا"), ("SYRIA", "سوريا"), ("IRAQ", "العراق")]);
/// assert_eq!(perfect.f1, 1.0);
/// let merged = b_cubed(&[("SYRIA", "x"), ("IRAQ", "x")]);
/// assert_eq!((merged.precision, merged.recall), (0.5, 1.0));
/// ```
pub fn b_cubed(pairs: &[(&str, &str)]) -> Prf {
    let mut by_gold: HashMap<&str, usize> = HashMap::new();
    let mut by_pred: HashMap<&str, usize> = HashMap::new();
    let mut by_both: HashMap<(&str, &str), usize> = HashMap::new();
    for &(g, p) in pairs {
        *by_gold.entry(g).or_default() += 1;
        *by_pred.entry(p).or_default() += 1;
        *by_both.entry((g, p)).or_default() += 1;
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for &(g, p) in pairs {
        let both = by_both.get(&(g, p)).copied().unwrap_or(0) as f64;
        p_sum += both / by_pred.get(p).copied().unwrap_or(1) as f64;
        r_sum += both / by_gold.get(g).copied().unwrap_or(1) as f64;
    }
    let n = pairs.len().max(1) as f64;
    Prf::new(p_sum / n, r_sum / n)
}

/// Scores the entities of `analyze` on the seeds against `gold/entities.jsonl`.
/// With `errors`, the report also lists every missed and spurious mention.
pub fn evaluate(gold_dir: &Path, errors: bool) -> Result<String, Error> {
    let gold: Vec<GoldEntity> = read_jsonl(&gold_dir.join("entities.jsonl"))?;
    let seeds = load_seeds(&seeds_dir_for(gold_dir))?;
    let types = ["PER", "LOC", "ORG"];
    let mut counts: HashMap<&str, Counts> = HashMap::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut log = String::new();
    for seed in &seeds {
        let predicted: Vec<EntityMention> = crate::analyze(&seed.text)?.entities;
        let golds: Vec<&GoldEntity> = gold.iter().filter(|g| g.doc == seed.doc).collect();
        let overlaps = |g: &GoldEntity, p: &EntityMention| {
            g.kind == p.kind && g.start < p.end && p.start < g.end
        };
        for p in &predicted {
            let c = counts.entry(p.kind).or_default();
            c.predicted += 1;
            if golds.iter().any(|g| overlaps(g, p)) {
                c.lenient_tp_pred += 1;
            }
            if golds
                .iter()
                .any(|g| g.kind == p.kind && (g.start, g.end) == (p.start, p.end))
            {
                c.strict_tp += 1;
            } else if errors {
                log.push_str(&format!(
                    "  spurious {} {}-{} {} {} [{}]\n",
                    seed.doc, p.start, p.end, p.kind, p.text, p.id
                ));
            }
        }
        for g in &golds {
            let kind = types.iter().find(|t| **t == g.kind).copied().unwrap_or("?");
            let c = counts.entry(kind).or_default();
            c.gold += 1;
            let best = predicted
                .iter()
                .filter(|p| overlaps(g, p))
                .max_by_key(|p| p.end.min(g.end) - p.start.max(g.start));
            if let Some(p) = best {
                c.lenient_tp_gold += 1;
                pairs.push((g.id.clone(), p.id.clone()));
            }
            let exact = predicted
                .iter()
                .any(|p| p.kind == g.kind && (g.start, g.end) == (p.start, p.end));
            if errors && !exact {
                log.push_str(&format!(
                    "  missed   {} {}-{} {} {} [{}]\n",
                    seed.doc, g.start, g.end, g.kind, g.text, g.id
                ));
            }
        }
    }
    let mut out = format!("entities on {} seed documents\n", seeds.len());
    let mut total = Counts::default();
    let mut line = |name: &str, c: &Counts| {
        let strict = Prf::from_counts(c.strict_tp, c.predicted, c.strict_tp, c.gold);
        let lenient = Prf::from_counts(c.lenient_tp_pred, c.predicted, c.lenient_tp_gold, c.gold);
        out.push_str(&format!(
            "  {name:<4} strict  {strict}   lenient {lenient}   (gold {}, predicted {})\n",
            c.gold, c.predicted
        ));
    };
    for t in types {
        let c = counts.get(t).copied().unwrap_or_default();
        line(t, &c);
        total.strict_tp += c.strict_tp;
        total.lenient_tp_pred += c.lenient_tp_pred;
        total.lenient_tp_gold += c.lenient_tp_gold;
        total.predicted += c.predicted;
        total.gold += c.gold;
    }
    line("all", &total);
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(g, p)| (g.as_str(), p.as_str()))
        .collect();
    out.push_str(&format!(
        "  ids  B-cubed {}   (over {} matched gold mentions)\n",
        b_cubed(&refs),
        refs.len()
    ));
    out.push_str(&log);
    Ok(out)
}

/// Scores the CoNLL tagger (what `tabayyun ner-conll` prints) on the
/// development split of the NER corpora (the last tenth of ANERcorp,
/// never trained on), per type, exact span and type.
pub fn evaluate_dev(data_dir: &Path) -> Result<String, Error> {
    let (_, dev) = load_split(data_dir, false)?;
    let mut counts = SpanCounts::default();
    let sentences: Vec<Vec<&str>> = dev
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    for (s, pred) in dev.iter().zip(tag_sentences(&sentences)) {
        let pred: Vec<u8> = pred.iter().map(|t| tag_index(t)).collect();
        counts.add(&s.tags, &pred);
    }
    Ok(format!(
        "ner-conll on the ANERcorp dev split ({} sentences, {tokens} tokens)\n{}",
        dev.len(),
        counts.report()
    ))
}
