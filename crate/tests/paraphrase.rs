//! Paraphrase retrieval on the pairs of `tests/fixtures/paraphrase-pairs.jsonl`
//! (headlines written for the project, each told twice in other words:
//! synonyms, clitics, spelling variants, numbers in words or digits, word
//! order). Every side is saved as its own outlet's article and matched; its
//! partner must come first. The pairs alone are the floor a change to
//! terms or scoring must keep; among the 15,001 SaudiNewsNet distractors
//! they are scored by `tabayyun eval paraphrase` (see BENCHMARKS.md).

use tabayyun::library::matching::MatchOptions;
use tabayyun::library::{Library, NewArticle};

/// Share of sides whose partner is the first match: 82 of 84 when this
/// test was written (80 before the news concepts of 2026-11-22); the two
/// misses are the dollar told as "the American currency" (pair 39), which
/// no lexical match can see.
const MIN_RECALL_AT_1: f64 = 0.97;

fn pairs() -> Vec<(String, String)> {
    include_str!("fixtures/paraphrase-pairs.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("fixture line is JSON");
            let side = |k: &str| v[k].as_str().expect("fixture side is text").to_string();
            (side("a"), side("b"))
        })
        .collect()
}

#[test]
fn each_side_finds_its_partner_first() {
    let pairs = pairs();
    assert!(pairs.len() >= 40, "the fixture holds at least 40 pairs");
    let mut lib = Library::new();
    for (i, (a, b)) in pairs.iter().enumerate() {
        for (side, text) in [("a", a), ("b", b)] {
            let id = format!("{i}{side}");
            let outcome = lib
                .add(NewArticle {
                    id: id.clone(),
                    outlet: Some(id),
                    text: text.clone(),
                    ..Default::default()
                })
                .expect("a fixture side is valid input");
            assert!(outcome.added, "pair {i} side {side} was refused");
        }
    }
    let opts = MatchOptions::default();
    let mut first = 0;
    let mut misses = Vec::new();
    for i in 0..pairs.len() {
        for (side, other) in [("a", "b"), ("b", "a")] {
            let partner = format!("{i}{other}");
            let m = lib
                .match_article(&format!("{i}{side}"), &opts)
                .expect("a saved article matches");
            let best = m
                .iter()
                .flat_map(|p| &p.matches)
                .max_by(|x, y| x.score.total_cmp(&y.score))
                .map(|x| x.id.clone());
            if best.as_deref() == Some(partner.as_str()) {
                first += 1;
            } else {
                misses.push(format!("{i}{side}"));
            }
        }
    }
    let recall = f64::from(first) / (2 * pairs.len()) as f64;
    assert!(
        recall >= MIN_RECALL_AT_1,
        "R@1 {recall:.3} below {MIN_RECALL_AT_1}; partner not first for {misses:?}"
    );
}

/// The events fixture (`tests/fixtures/events`, written by
/// `tests/bench/events_fixture.py`): three invented events, each told by
/// three outlets, graded like the seeds. A second check of the seed-style
/// task that is not the seeds; the floors sit just under the figures of
/// the day it was written (R@3 0.972, nDCG@5 0.886; BM25 0.986 and 0.836).
#[test]
fn events_fixture_keeps_its_floor() {
    let gold =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events/gold/events");
    let r = tabayyun::eval::matching::evaluate(&gold, None).expect("the fixture is whole");
    assert_eq!(r.passages_exact, r.passages_gold, "every line is a passage");
    assert!(r.recall_at_3 >= 0.95, "R@3 {:.3}", r.recall_at_3);
    assert!(r.mrr >= 0.95, "MRR {:.3}", r.mrr);
    assert!(r.ndcg_at_5 >= 0.87, "nDCG@5 {:.3}", r.ndcg_at_5);
}
