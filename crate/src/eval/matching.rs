//! Passage matching against the seed gold (`passages.jsonl`), and the
//! batch drivers of the `match` and `claims` commands. Input: a gold
//! folder, and optionally a predictions file in the `match` output format
//! (so peers are scored by this same code). Output: Recall@1, Recall@3 and
//! MRR over grade-2 (same fact) partners, nDCG@5 over grades 2/1/0, and the
//! number of gold claim groups found.
//!
//! Invariants: a query passage or a match is mapped to the gold passage of
//! its document it overlaps most; a gold passage is scored once, on the
//! union of the ranked lists mapped to it, best score first.

use super::{load_seeds, read_jsonl, seeds_dir_for};
use crate::library::matching::{MatchOptions, PassageMatches};
use crate::library::{Library, NewArticle};
use crate::Error;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Matches of the ranked lists scored: deeper ranks do not count.
const DEPTH: usize = 10;

#[derive(Deserialize)]
struct GoldPassage {
    doc: String,
    pid: String,
    start: u32,
    end: u32,
}

#[derive(Deserialize)]
struct GoldPair {
    a: String,
    b: String,
    grade: u8,
}

#[derive(Deserialize)]
struct PredMatch {
    id: String,
    start: u32,
    end: u32,
    score: f64,
}

#[derive(Deserialize)]
struct PredLine {
    query: String,
    start: u32,
    end: u32,
    matches: Vec<PredMatch>,
}

/// The matching scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchingReport {
    /// Gold passages whose span our segmentation reproduces exactly.
    pub passages_exact: usize,
    pub passages_gold: usize,
    /// Gold passages with a grade-2 partner.
    pub same_fact_queries: usize,
    pub recall_at_1: f64,
    pub recall_at_3: f64,
    /// The share of same-fact partners that three ranks can hold at all.
    pub recall_at_3_ceiling: f64,
    pub mrr: f64,
    /// Gold passages with any partner.
    pub graded_queries: usize,
    pub ndcg_at_5: f64,
    /// Claim groups of `claims.json` found, when scoring our own system.
    pub claim_groups_found: Option<(usize, usize)>,
}

impl std::fmt::Display for MatchingReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "passages reproduced: {}/{}",
            self.passages_exact, self.passages_gold
        )?;
        writeln!(
            f,
            "same-fact queries {}: R@1 {:.3}  R@3 {:.3} (ceiling {:.3})  MRR {:.3}",
            self.same_fact_queries,
            self.recall_at_1,
            self.recall_at_3,
            self.recall_at_3_ceiling,
            self.mrr
        )?;
        write!(
            f,
            "graded queries {}: nDCG@5 {:.3}",
            self.graded_queries, self.ndcg_at_5
        )?;
        if let Some((found, total)) = self.claim_groups_found {
            write!(f, "\nclaim groups found: {found}/{total}")?;
        }
        Ok(())
    }
}

/// The seed articles as library entries, id = doc.
pub fn seed_library(gold: &Path) -> Result<Library, Error> {
    let mut lib = Library::new();
    for seed in load_seeds(&seeds_dir_for(gold))? {
        lib.add(NewArticle {
            id: seed.doc,
            text: seed.text,
            ..Default::default()
        })?;
    }
    Ok(lib)
}

/// Scores our matcher, or the predictions in `predictions`, on `gold`.
pub fn evaluate(gold: &Path, predictions: Option<&Path>) -> Result<MatchingReport, Error> {
    let index: Vec<GoldPassage> = read_jsonl(&gold.join("passages_index.jsonl"))?;
    let pairs: Vec<GoldPair> = read_jsonl(&gold.join("passages.jsonl"))?;
    let lib = seed_library(gold)?;
    let (lines, claims) = match predictions {
        Some(path) => (read_jsonl::<PredLine>(path)?, None),
        None => {
            let mut lines = Vec::new();
            for doc in lib.articles().map(|a| a.id.clone()).collect::<Vec<_>>() {
                let opts = MatchOptions {
                    top: DEPTH,
                    ..Default::default()
                };
                for pm in lib.match_article(&doc, &opts)? {
                    lines.push(PredLine {
                        query: pm.query,
                        start: pm.start,
                        end: pm.end,
                        matches: pm
                            .matches
                            .into_iter()
                            .map(|m| PredMatch {
                                id: m.id,
                                start: m.start,
                                end: m.end,
                                score: f64::from(m.score),
                            })
                            .collect(),
                    });
                }
            }
            let claims = claims_found(gold, &lib)?;
            (lines, Some(claims))
        }
    };
    let passages_exact = lines
        .iter()
        .filter(|l| {
            index
                .iter()
                .any(|g| g.doc == l.query && g.start == l.start && g.end == l.end)
        })
        .count();
    let to_pid = |doc: &str, start: u32, end: u32| -> Option<String> {
        index
            .iter()
            .filter(|g| g.doc == doc)
            .map(|g| (g.end.min(end).saturating_sub(g.start.max(start)), &g.pid))
            .filter(|(overlap, _)| *overlap > 0)
            .max_by_key(|(overlap, _)| *overlap)
            .map(|(_, pid)| pid.clone())
    };
    // Ranked gold pids per gold query pid, best score first.
    let mut ranked: HashMap<String, Vec<(f64, String)>> = HashMap::new();
    for l in &lines {
        let Some(q) = to_pid(&l.query, l.start, l.end) else {
            continue;
        };
        let list = ranked.entry(q).or_default();
        for m in l.matches.iter().take(DEPTH) {
            if let Some(t) = to_pid(&m.id, m.start, m.end) {
                list.push((m.score, t));
            }
        }
    }
    let mut grades: HashMap<String, HashMap<String, u8>> = HashMap::new();
    for p in &pairs {
        grades
            .entry(p.a.clone())
            .or_default()
            .insert(p.b.clone(), p.grade);
        grades
            .entry(p.b.clone())
            .or_default()
            .insert(p.a.clone(), p.grade);
    }
    let (mut r1, mut r3, mut rr, mut same_q, mut ceiling) = (0.0, 0.0, 0.0, 0usize, 0.0);
    let (mut ndcg, mut graded_q) = (0.0, 0usize);
    for g in &index {
        let Some(partners) = grades.get(&g.pid) else {
            continue;
        };
        let mut list = ranked.get(&g.pid).cloned().unwrap_or_default();
        list.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut order: Vec<String> = Vec::new();
        for (_, t) in list {
            if !order.contains(&t) && t != g.pid {
                order.push(t);
            }
        }
        let grade_at = |t: &String| partners.get(t).copied().unwrap_or(0);
        let same: Vec<&String> = partners
            .iter()
            .filter(|(_, &v)| v == 2)
            .map(|(k, _)| k)
            .collect();
        if !same.is_empty() {
            same_q += 1;
            let found = |k: usize| {
                order.iter().take(k).filter(|t| grade_at(t) == 2).count() as f64 / same.len() as f64
            };
            // A passage with five same-fact partners can show only three
            // in its top three: the best any system can reach.
            ceiling += same.len().min(3) as f64 / same.len() as f64;
            r1 += found(1);
            r3 += found(3);
            rr += order
                .iter()
                .position(|t| grade_at(t) == 2)
                .map_or(0.0, |i| 1.0 / (i + 1) as f64);
        }
        graded_q += 1;
        let dcg: f64 = order
            .iter()
            .take(5)
            .enumerate()
            .map(|(i, t)| f64::from(grade_at(t)) / (i as f64 + 2.0).log2())
            .sum();
        let mut ideal: Vec<u8> = partners.values().copied().collect();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        let idcg: f64 = ideal
            .iter()
            .take(5)
            .enumerate()
            .map(|(i, &v)| f64::from(v) / (i as f64 + 2.0).log2())
            .sum();
        if idcg > 0.0 {
            ndcg += dcg / idcg;
        }
    }
    let avg = |x: f64, n: usize| if n == 0 { 0.0 } else { x / n as f64 };
    Ok(MatchingReport {
        passages_exact,
        passages_gold: index.len(),
        same_fact_queries: same_q,
        recall_at_1: avg(r1, same_q),
        recall_at_3: avg(r3, same_q),
        recall_at_3_ceiling: avg(ceiling, same_q),
        mrr: avg(rr, same_q),
        graded_queries: graded_q,
        ndcg_at_5: avg(ndcg, graded_q),
        claim_groups_found: claims,
    })
}

#[derive(Deserialize)]
struct GoldMention {
    doc: String,
    start: u32,
    end: u32,
}

#[derive(Deserialize)]
struct GoldClaim {
    mentions: Vec<GoldMention>,
}

/// How many claim groups of `claims.json` the library's claim groups find:
/// a gold group is found when one of ours holds at least two of its
/// mentions and at least half of them, and at least half of that group's
/// figures are the gold group's (a mention is held when spans of the same
/// document overlap).
pub fn claims_found(gold: &Path, lib: &Library) -> Result<(usize, usize), Error> {
    let text = std::fs::read_to_string(gold.join("claims.json"))
        .map_err(|e| Error::InvalidInput(format!("claims.json: {e}")))?;
    let gold_groups: Vec<GoldClaim> = serde_json::from_str(&text)
        .map_err(|e| Error::InvalidInput(format!("claims.json: {e}")))?;
    let ours = lib.claims(None);
    let found = gold_groups
        .iter()
        .filter(|g| {
            ours.iter().any(|o| {
                let held = g
                    .mentions
                    .iter()
                    .filter(|m| {
                        o.mentions
                            .iter()
                            .any(|x| x.id == m.doc && x.start < m.end && m.start < x.end)
                    })
                    .count();
                // And the group is mostly this claim, not every figure of
                // the event: at least half of its figures are this claim's.
                let own = o
                    .mentions
                    .iter()
                    .filter(|x| {
                        g.mentions
                            .iter()
                            .any(|m| x.id == m.doc && x.start < m.end && m.start < x.end)
                    })
                    .count();
                held >= 2 && 2 * held >= g.mentions.len() && 2 * own >= o.mentions.len()
            })
        })
        .count();
    Ok((found, gold_groups.len()))
}

#[derive(Deserialize)]
struct QueryLine {
    id: String,
    text: String,
}

/// Reads a library from JSON lines (`{"id", "text"}` plus optional
/// `"source"`, `"url"`, `"title"`, `"date"`).
pub fn library_from_jsonl(path: &Path) -> Result<Library, Error> {
    let mut lib = Library::new();
    for a in read_jsonl::<NewArticle>(path)? {
        lib.add(a)?;
    }
    Ok(lib)
}

/// The `match` command: one JSON line per query passage.
pub fn match_jsonl(
    lib: &Library,
    queries: &Path,
    top: usize,
    out: &mut impl Write,
) -> Result<(), Error> {
    for q in read_jsonl::<QueryLine>(queries)? {
        let opts = MatchOptions {
            top,
            ..Default::default()
        };
        let result: Vec<PassageMatches> = match lib.get(&q.id) {
            Some(a) if a.text == q.text => lib.match_article(&q.id, &opts)?,
            saved => {
                let opts = MatchOptions {
                    exclude_id: Some(q.id.clone()),
                    exclude_outlet: saved.map(|a| a.outlet.clone()),
                    ..opts
                };
                let mut r = lib.match_text(&q.text, &opts)?;
                for pm in &mut r {
                    pm.query.clone_from(&q.id);
                }
                r
            }
        };
        for pm in result {
            let line =
                serde_json::to_string(&pm).map_err(|e| Error::InvalidInput(e.to_string()))?;
            writeln!(out, "{line}").map_err(|e| Error::InvalidInput(e.to_string()))?;
        }
    }
    Ok(())
}

#[derive(Deserialize)]
struct ParaphrasePair {
    kind: String,
    a: String,
    b: String,
}

/// Paraphrase retrieval among distractors: each side of each pair queried,
/// its partner expected first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParaphraseReport {
    /// Library articles, distractors and pair sides.
    pub library: usize,
    pub queries: usize,
    pub recall_at_1: f64,
    pub recall_at_5: f64,
    pub mrr: f64,
    /// (kind of rewording, queries, R@1) per kind, in first-seen order.
    pub by_kind: Vec<(String, usize, f64)>,
    /// Queries whose partner is not first: (query id, partner's rank or
    /// none in the top ten).
    pub misses: Vec<(String, Option<usize>)>,
}

impl std::fmt::Display for ParaphraseReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "library {} articles, {} queries: R@1 {:.3}  R@5 {:.3}  MRR {:.3}",
            self.library, self.queries, self.recall_at_1, self.recall_at_5, self.mrr
        )?;
        for (kind, n, r1) in &self.by_kind {
            writeln!(f, "  {kind}: {n} queries, R@1 {r1:.3}")?;
        }
        let misses: Vec<String> = self
            .misses
            .iter()
            .map(|(q, rank)| match rank {
                Some(r) => format!("{q}@{r}"),
                None => format!("{q}@-"),
            })
            .collect();
        write!(f, "not first: {}", misses.join(" "))
    }
}

/// The id of side `side` ("a" or "b") of pair `i`, as the library script
/// (`tests/bench/paraphrase_library.py`) writes it.
fn pair_side_id(i: usize, side: &str) -> String {
    format!("pair-{i:02}{side}")
}

/// Scores paraphrase retrieval: `pairs` is the fixture, `library` a
/// library file holding the distractors and every pair side (each its own
/// outlet), or `predictions` a peer's `match` output on that library.
pub fn evaluate_paraphrase(
    pairs: &Path,
    library: Option<&Path>,
    predictions: Option<&Path>,
) -> Result<ParaphraseReport, Error> {
    let pairs: Vec<ParaphrasePair> = read_jsonl(pairs)?;
    // Ranked article ids per query id, best first.
    let mut ranked: HashMap<String, Vec<(f64, String)>> = HashMap::new();
    let mut size = 0;
    match (predictions, library) {
        (Some(path), _) => {
            for l in read_jsonl::<PredLine>(path)? {
                let list = ranked.entry(l.query).or_default();
                list.extend(l.matches.into_iter().map(|m| (m.score, m.id)));
            }
        }
        (None, Some(path)) => {
            let lib = library_from_jsonl(path)?;
            size = lib.articles().count();
            let opts = MatchOptions {
                top: DEPTH,
                ..Default::default()
            };
            for i in 0..pairs.len() {
                for side in ["a", "b"] {
                    let id = pair_side_id(i, side);
                    let list = ranked.entry(id.clone()).or_default();
                    for pm in lib.match_article(&id, &opts)? {
                        list.extend(pm.matches.into_iter().map(|m| (f64::from(m.score), m.id)));
                    }
                }
            }
        }
        (None, None) => {
            return Err(Error::InvalidInput(
                "eval paraphrase needs --library or --predictions".into(),
            ))
        }
    }
    let mut by_kind: Vec<(String, usize, f64)> = Vec::new();
    let mut misses = Vec::new();
    let (mut r1, mut r5, mut rr, mut n) = (0.0, 0.0, 0.0, 0usize);
    for (i, pair) in pairs.iter().enumerate() {
        // The sides' texts are only read to check the fixture is whole.
        if pair.a.trim().is_empty() || pair.b.trim().is_empty() {
            return Err(Error::InvalidInput(format!("pair {i} has an empty side")));
        }
        for (side, other) in [("a", "b"), ("b", "a")] {
            let query = pair_side_id(i, side);
            let partner = pair_side_id(i, other);
            let mut list = ranked.remove(&query).unwrap_or_default();
            list.sort_by(|x, y| y.0.total_cmp(&x.0));
            let mut order: Vec<String> = Vec::new();
            for (_, id) in list {
                if !order.contains(&id) && id != query {
                    order.push(id);
                }
            }
            let rank = order.iter().take(DEPTH).position(|id| *id == partner);
            n += 1;
            let first = rank == Some(0);
            r1 += f64::from(u8::from(first));
            r5 += f64::from(u8::from(rank.is_some_and(|r| r < 5)));
            rr += rank.map_or(0.0, |r| 1.0 / (r + 1) as f64);
            if !first {
                misses.push((query, rank.map(|r| r + 1)));
            }
            match by_kind.iter_mut().find(|(k, _, _)| *k == pair.kind) {
                Some(entry) => {
                    entry.1 += 1;
                    entry.2 += f64::from(u8::from(first));
                }
                None => by_kind.push((pair.kind.clone(), 1, f64::from(u8::from(first)))),
            }
        }
    }
    for entry in &mut by_kind {
        entry.2 /= entry.1 as f64;
    }
    let avg = |x: f64| if n == 0 { 0.0 } else { x / n as f64 };
    Ok(ParaphraseReport {
        library: size,
        queries: n,
        recall_at_1: avg(r1),
        recall_at_5: avg(r5),
        mrr: avg(rr),
        by_kind,
        misses,
    })
}
