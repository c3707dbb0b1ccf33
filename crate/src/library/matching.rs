//! Stage 6, matching. Input: an article (saved or not) and the library.
//! Output: for each of its passages, the best passages of saved articles
//! from other outlets, each with a score, a relation (`same` fact,
//! `related` sub-topic, `conflict`ing figure), a wire-copy flag and an
//! explanation (shared entities, numbers and words; conflicting numbers
//! with the time-frame words around them).
//!
//! Scoring: candidates come from the inverted index (every passage sharing
//! a term, heavy terms skipped on large libraries); each is scored by BM25
//! over term sets (stems, concepts of news vocabulary, counted nouns,
//! number values, entity ids), normalized by the query's IDF mass so that
//! scores are comparable across queries, where a word of one passage that
//! is one edit away from an unmatched word of the other (باغوز/باغاز،
//! ترامب/ترمب) counts as a weaker match, and so does an unmatched word whose
//! distributional neighbour (see [`super::neighbours`]: تفجير/انفجار،
//! قتل/جرح) is among the other's unmatched words; an unmatched word whose
//! topical vector (see [`super::vectors`]) is close to one of the other's
//! unmatched words (غارات/طيران) counts as a weaker match still, and a
//! passage whose words as a whole speak of another topic than the query's
//! (oil prices against vegetable prices) loses in proportion. A passage's
//! score is then damped when its article as a whole has little in common
//! with the query article (another story sharing a few words).
//!
//! Invariants: never a passage of the query article itself nor of its
//! outlet; matches best first; offsets in UTF-16 code units of the
//! respective texts; scores in [0, 1].

use super::terms::{self, passage_terms, shingles, words};
use super::vectors;
use super::{Article, Library, NumberFact, PassageSpan};
use crate::analyze::analyze;
use crate::error::Error;
use crate::normalize::normalize;
use crate::offsets::Utf16Map;
use crate::tokenize::{split_proclitics, tokenize, TokenKind};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How a matched passage relates to the query passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same fact, in other words or copied.
    Same,
    /// The same sub-topic with other or partial information.
    Related,
    /// The same quantity with a different figure.
    Conflict,
}

/// One number in an explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberRef {
    pub text: String,
    pub start: u32,
    pub end: u32,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Time-frame words near the number ("الاثنين", "الأيام العشرة").
    pub time: Vec<String>,
}

/// Two figures for the same kind of quantity and counted noun that differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub kind: String,
    /// The counted noun's stem, shared by both figures.
    pub unit: String,
    pub query: NumberRef,
    pub other: NumberRef,
}

/// Why two passages match.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Explanation {
    /// Entity ids found in both.
    pub entities: Vec<String>,
    /// Number values found in both.
    pub numbers: Vec<f64>,
    /// Content-word stems found in both, heaviest first.
    pub words: Vec<String>,
    /// Concepts of news vocabulary both express ("flee", "airstrike").
    pub concepts: Vec<String>,
    /// Counted nouns both give a figure for (a stem, or a concept).
    pub counted: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// One matched passage of a saved article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The saved article's id.
    pub id: String,
    pub outlet: String,
    pub start: u32,
    pub end: u32,
    pub score: f32,
    pub relation: Relation,
    /// A near-verbatim copy (wire copy).
    pub wire: bool,
    pub why: Explanation,
}

/// The matches of one query passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageMatches {
    /// The query article's id ("" for unsaved text).
    pub query: String,
    pub start: u32,
    pub end: u32,
    pub matches: Vec<Match>,
}

/// What to match against.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchOptions {
    /// Matches kept per passage.
    pub top: usize,
    /// Articles never matched (the query article itself).
    pub exclude_id: Option<String>,
    /// Outlet whose articles are never matched (the query's own).
    pub exclude_outlet: Option<String>,
    /// If set, only these article ids are matched (the query's event).
    pub only: Option<HashSet<String>>,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            top: 5,
            exclude_id: None,
            exclude_outlet: None,
            only: None,
        }
    }
}

/// Below this score a passage is not a match at all.
const MIN_SCORE: f32 = 0.05;
/// From this score, the same fact.
const SAME_SCORE: f32 = 0.42;
/// From this share of the shorter passage's word trigrams found in the
/// other, a near-verbatim copy.
const WIRE_CONTAINMENT: f64 = 0.6;
/// Candidates kept from the index before exact scoring.
const CANDIDATES: usize = 120;
/// Candidates that get the fuzzy and neighbour word comparisons.
const FUZZY_CANDIDATES: usize = 16;
/// Weight of a one-edit word match against an exact one.
const FUZZY_WEIGHT: f32 = 0.7;
/// Weight of a match between distributional neighbours (قصف/قصفت،
/// تفجير/انفجار) against an exact one: strong enough to lift a paraphrase
/// over a passage that shares one word less, weaker than the word itself.
const NEAR_WEIGHT: f32 = 0.8;
/// Weight of a query word paired with a passage's word on the same topic
/// (by the cosine of their topical vectors, see [`super::vectors`])
/// against an exact match, at a cosine of 1; nothing at `ALIGN_FLOOR` or
/// below. Weaker than a neighbour: the pair tells of one topic, not
/// necessarily one meaning.
const ALIGN_WEIGHT: f32 = 0.4;
const ALIGN_FLOOR: f32 = 0.5;
/// Cosine of the query's and a passage's topical vectors (their words'
/// vectors, IDF-weighted) from which the passage's score is whole; below
/// it the score shrinks in proportion, to nothing at 0.
const TOPIC_FLOOR: f32 = 0.4;
/// Share of a match's score that depends on how much its article has in
/// common with the query article as a whole: a passage that merely shares
/// words ("five injured taken to hospital") with a story on another event
/// drops below the same event's counterparts. Within one event every
/// article has plenty in common, so the order there is unchanged; for a
/// one-passage query the factor grows with the score itself, so the order
/// is unchanged too.
const PRIOR_WEIGHT: f32 = 0.5;
/// Articles with at least this share of the best article's evidence count
/// as fully on the query's story.
const PRIOR_SATURATION: f32 = 0.5;
/// BM25's term-frequency saturation and length normalization, at their
/// usual values; with term sets, `K1` only shapes the length penalty.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A query passage: its spans, terms and numbers.
struct Query {
    start: u32,
    end: u32,
    text: String,
    /// (term, id in the index if known)
    terms: Vec<(String, Option<u32>)>,
    numbers: Vec<NumberFact>,
}

impl Library {
    /// Matches every passage of the saved article `id` against the other
    /// outlets' articles.
    ///
    /// ```
    /// use tabayyun::library::{Library, NewArticle, matching::{MatchOptions, Relation}};
    /// let mut lib = Library::new();
    /// let add = |lib: &mut Library, id: &str, text: &str| {
    ///     lib.add(NewArticle { id: id.into(), text: text.into(), ..Default::default() }).unwrap();
    /// };
    /// add(&mut lib, "a", "وأضاف أن نحو 1500 مدني فروا من المعقل اليوم.");
    /// add(&mut lib, "b", "قال المتحدث إن قرابة 1500 مدني فروا اليوم من المعقل المحاصر.");
    /// let m = lib.match_article("a", &MatchOptions::default()).unwrap();
    /// assert_eq!(m[0].matches[0].id, "b");
    /// assert_eq!(m[0].matches[0].relation, Relation::Same);
    /// ```
    pub fn match_article(
        &self,
        id: &str,
        opts: &MatchOptions,
    ) -> Result<Vec<PassageMatches>, Error> {
        let article = self
            .get(id)
            .ok_or_else(|| Error::InvalidInput(format!("no saved article {id:?}")))?;
        let mut opts = opts.clone();
        opts.exclude_id = Some(article.id.clone());
        opts.exclude_outlet = Some(article.outlet.clone());
        let queries: Vec<Query> = article
            .passages
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let pid = article.first_pid + i as u32;
                let terms = self
                    .index
                    .passage(pid)
                    .map(|ip| {
                        ip.terms()
                            .into_iter()
                            .map(|t| (self.index.name(t).to_string(), Some(t)))
                            .collect()
                    })
                    .unwrap_or_default();
                Query {
                    start: p.start,
                    end: p.end,
                    text: passage_text(article, p).to_string(),
                    terms,
                    numbers: article
                        .numbers
                        .iter()
                        .filter(|n| n.passage == i as u32)
                        .cloned()
                        .collect(),
                }
            })
            .collect();
        Ok(self.run(&article.id, queries, &opts))
    }

    /// Matches every passage of a text that need not be saved.
    ///
    /// ```
    /// use tabayyun::library::{Library, NewArticle, matching::MatchOptions};
    /// let mut lib = Library::new();
    /// lib.add(NewArticle { id: "b".into(), text: "فر نحو 1500 مدني من باغوز.".into(), ..Default::default() }).unwrap();
    /// let m = lib.match_text("وفر 1500 من المدنيين من باغاز.", &MatchOptions::default()).unwrap();
    /// assert_eq!(m[0].matches[0].id, "b");
    /// ```
    pub fn match_text(
        &self,
        text: &str,
        opts: &MatchOptions,
    ) -> Result<Vec<PassageMatches>, Error> {
        let analysis = analyze(text)?;
        let spans = super::passage_spans(text);
        let queries = spans
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let inside = |start: usize| (start as u32) >= p.start && (start as u32) < p.end;
                let numbers: Vec<NumberFact> = analysis
                    .numbers
                    .iter()
                    .filter(|n| inside(n.start))
                    .map(|n| NumberFact::new(n, i as u32))
                    .collect();
                let entities: Vec<super::EntityFact> = analysis
                    .entities
                    .iter()
                    .filter(|e| !e.id.is_empty() && inside(e.start))
                    .map(|e| super::EntityFact::new(e, i as u32))
                    .collect();
                let mut names = passage_terms(text, p, numbers.iter(), entities.iter());
                names.sort_unstable();
                names.dedup();
                Query {
                    start: p.start,
                    end: p.end,
                    text: text
                        .get(p.byte_start as usize..p.byte_end as usize)
                        .unwrap_or("")
                        .to_string(),
                    terms: names
                        .into_iter()
                        .map(|t| {
                            let id = self.index.lookup(&t);
                            (t, id)
                        })
                        .collect(),
                    numbers,
                }
            })
            .collect();
        Ok(self.run("", queries, opts))
    }

    fn run(&self, query_id: &str, queries: Vec<Query>, opts: &MatchOptions) -> Vec<PassageMatches> {
        let mut acc = vec![0f32; self.index.next_pid() as usize];
        let mut touched: Vec<u32> = Vec::new();
        // Which article slots may be matched, decided once per call rather
        // than once per candidate passage.
        let allowed: Vec<bool> = (0..self.slot_count())
            .map(|slot| self.allowed(slot, opts))
            .collect();
        let mut rows = TopicRows::default();
        let ranked: Vec<(Query, Vec<Scored>)> = queries
            .into_iter()
            .map(|q| {
                let list = self.match_one(&q, opts, &allowed, &mut acc, &mut touched, &mut rows);
                (q, list)
            })
            .collect();
        let prior = self.article_prior(&ranked);
        ranked
            .into_iter()
            .map(|(q, list)| {
                let mut list: Vec<(u32, f32, f32)> = list
                    .into_iter()
                    .map(|(pid, own, lexical)| {
                        let a = self
                            .index
                            .passage(pid)
                            .and_then(|p| prior.get(&p.article))
                            .copied()
                            .unwrap_or(0.0);
                        (pid, own * (1.0 - PRIOR_WEIGHT + PRIOR_WEIGHT * a), lexical)
                    })
                    .collect();
                list.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
                list.truncate(opts.top);
                let q_words = if list.is_empty() {
                    Vec::new()
                } else {
                    words(&q.text)
                };
                let q_ids: HashSet<u32> = q.terms.iter().filter_map(|(_, id)| *id).collect();
                let matches = list
                    .into_iter()
                    .filter_map(|(pid, score, own)| {
                        self.explain(&q, &q_words, pid, score, own, &q_ids)
                    })
                    .collect();
                PassageMatches {
                    query: query_id.to_string(),
                    start: q.start,
                    end: q.end,
                    matches,
                }
            })
            .collect()
    }

    /// How much each matched article has in common with the query article
    /// as a whole, in [0, 1]: the sum over query passages of the article's
    /// best passage score, over `PRIOR_SATURATION` of the largest such sum
    /// (capped at 1).
    fn article_prior(&self, ranked: &[(Query, Vec<Scored>)]) -> HashMap<u32, f32> {
        let mut evidence: HashMap<u32, f32> = HashMap::new();
        let mut best: HashMap<u32, f32> = HashMap::new();
        for (_, list) in ranked {
            best.clear();
            for &(pid, score, _) in list {
                if let Some(p) = self.index.passage(pid) {
                    let b = best.entry(p.article).or_insert(0.0);
                    *b = b.max(score);
                }
            }
            for (&slot, &score) in &best {
                *evidence.entry(slot).or_insert(0.0) += score;
            }
        }
        let top = evidence.values().copied().fold(0.0f32, f32::max) * PRIOR_SATURATION;
        if top > 0.0 {
            for v in evidence.values_mut() {
                *v = (*v / top).min(1.0);
            }
        }
        evidence
    }

    fn allowed(&self, slot: u32, opts: &MatchOptions) -> bool {
        let Some(a) = self.article_at(slot) else {
            return false;
        };
        opts.exclude_id.as_deref() != Some(a.id.as_str())
            && opts.exclude_outlet.as_deref() != Some(a.outlet.as_str())
            && opts.only.as_ref().is_none_or(|only| only.contains(&a.id))
    }

    fn match_one(
        &self,
        q: &Query,
        opts: &MatchOptions,
        allowed: &[bool],
        acc: &mut [f32],
        touched: &mut Vec<u32>,
        rows: &mut TopicRows,
    ) -> Vec<Scored> {
        let ix = &self.index;
        let weights: Vec<f32> = q
            .terms
            .iter()
            .map(|(_, id)| id.map_or(ix.idf(0), |t| ix.idf_of(t)))
            .collect();
        let q_mass: f32 = weights.iter().sum();
        if q_mass <= 0.0 || opts.top == 0 {
            return Vec::new();
        }
        // Terms in more than this many passages are too common to find
        // candidates by; they still count in the exact score.
        let heavy = (ix.live_passages() / 100).max(300);
        touched.clear();
        for ((_, id), w) in q.terms.iter().zip(&weights) {
            let Some(id) = id else { continue };
            let list = ix.postings(*id);
            if list.len() > heavy {
                continue;
            }
            for &pid in list {
                let Some(slot) = acc.get_mut(pid as usize) else {
                    continue;
                };
                if *slot == 0.0 {
                    touched.push(pid);
                }
                *slot += w;
            }
        }
        // BM25 over term sets: the query's IDF mass found in the passage,
        // saturated by the passage's length so long passages do not win by
        // saying everything, over the query's whole IDF mass. Candidates
        // are ranked by the same formula over the terms that found them,
        // so that the cut keeps the passages the exact score would rank.
        let avg = ix.average_terms();
        let saturation = |len: usize| (K1 + 1.0) / (1.0 + K1 * (1.0 - B + B * len as f32 / avg));
        let mut cands: Vec<(u32, f32)> = touched
            .iter()
            .filter_map(|&pid| {
                let v = acc.get_mut(pid as usize)?;
                let score = std::mem::take(v);
                let p = ix.passage(pid)?;
                allowed
                    .get(p.article as usize)
                    .copied()
                    .unwrap_or(false)
                    .then(|| (pid, score * saturation(p.len())))
            })
            .collect();
        if cands.len() > CANDIDATES {
            cands.select_nth_unstable_by(CANDIDATES, |a, b| b.1.total_cmp(&a.1));
            cands.truncate(CANDIDATES);
        }

        let q_ids: HashSet<u32> = q.terms.iter().filter_map(|(_, id)| *id).collect();
        let mut scored: Vec<(u32, f32, f32)> = cands
            .into_iter()
            .filter_map(|(pid, _)| {
                let p = ix.passage(pid)?;
                let shared: f32 = p
                    .terms()
                    .into_iter()
                    .filter(|t| q_ids.contains(t))
                    .map(|t| ix.idf_of(t))
                    .sum();
                Some((pid, shared, saturation(p.len())))
            })
            .collect();
        scored.sort_unstable_by(|a, b| (b.1 * b.2).total_cmp(&(a.1 * a.2)));
        scored.truncate(FUZZY_CANDIDATES);
        // Distributional neighbours of the query's words that the index
        // knows: (query term's position, neighbour's term id), by position.
        let q_near: Vec<(usize, u32)> = q
            .terms
            .iter()
            .enumerate()
            .filter(|(_, (name, _))| is_plain_word(name))
            .flat_map(|(i, (name, _))| {
                super::neighbours::of(name)
                    .filter_map(|n| ix.lookup(n))
                    .filter(|t| !q_ids.contains(t))
                    .map(move |t| (i, t))
            })
            .collect();
        // Spelling variants: unmatched words one edit apart.
        // Letter counts are taken once: most word pairs differ by more than
        // one letter in length and never reach the edit comparison.
        let q_fuzzy: Vec<(usize, &str, usize, Option<u32>, f32)> = q
            .terms
            .iter()
            .zip(&weights)
            .enumerate()
            .filter(|(_, ((name, _), _))| is_fuzzy_word(name))
            .map(|(i, ((name, id), w))| (i, name.as_str(), name.chars().count(), *id, *w))
            .collect();
        // Topical vectors of the query's words (position, unit vector), and
        // of the query as a whole.
        let table = vectors::table();
        let q_topics: Vec<(usize, &[f32])> = q
            .terms
            .iter()
            .enumerate()
            .filter(|(_, (name, _))| is_plain_word(name))
            .filter_map(|(i, (name, _))| Some((i, table.unit(table.row(name)?))))
            .collect();
        let mut q_topic = vec![0.0; table.dims()];
        for (i, v) in &q_topics {
            for (s, x) in q_topic.iter_mut().zip(*v) {
                *s += weights[*i] * x;
            }
        }
        let mut credited: Vec<usize> = Vec::new();
        let mut p_topics: Vec<(f32, &[f32])> = Vec::new();
        let mut results: Vec<Scored> = scored
            .into_iter()
            .filter_map(|(pid, shared, sat)| {
                let p_terms = ix.passage(pid)?.terms();
                let has = |t: u32| p_terms.binary_search(&t).is_ok();
                let mut extra = 0.0;
                // A query word the passage lacks, whose neighbour it has;
                // each query word counts once.
                credited.clear();
                for &(i, t) in &q_near {
                    if credited.last() != Some(&i) && !q.terms[i].1.is_some_and(has) && has(t) {
                        credited.push(i);
                        extra += NEAR_WEIGHT * (weights[i] * ix.idf_of(t)).sqrt();
                    }
                }
                let p_words: Vec<(&str, usize, f32)> = p_terms
                    .iter()
                    .filter(|t| !q_ids.contains(t))
                    .map(|&t| (ix.name(t), t))
                    .filter(|(n, _)| is_fuzzy_word(n))
                    .map(|(n, t)| (n, n.chars().count(), ix.idf_of(t)))
                    .collect();
                for (i, qn, ql, qid, qw) in &q_fuzzy {
                    if qid.is_some_and(has) || credited.contains(i) {
                        continue;
                    }
                    if let Some((_, _, pw)) = p_words
                        .iter()
                        .find(|(pn, pl, _)| pl.abs_diff(*ql) <= 1 && one_edit(qn, pn))
                    {
                        credited.push(*i);
                        extra += FUZZY_WEIGHT * (qw * pw).sqrt();
                    }
                }
                // The passage's words' topical vectors: all of them make
                // its topic, those the query lacks can pair with the
                // query's unmatched words.
                p_topics.clear();
                let mut p_topic = vec![0.0; table.dims()];
                for &t in &p_terms {
                    let row = *rows.entry(t).or_insert_with(|| {
                        let name = ix.name(t);
                        let row = is_plain_word(name).then(|| table.row(name)).flatten();
                        row.unwrap_or(u32::MAX)
                    });
                    if row == u32::MAX {
                        continue;
                    }
                    let unit = table.unit(row);
                    let w = ix.idf_of(t);
                    for (s, x) in p_topic.iter_mut().zip(unit) {
                        *s += w * x;
                    }
                    if !q_ids.contains(&t) {
                        p_topics.push((w, unit));
                    }
                }
                let lexical = shared + extra;
                // A query word that neither the passage nor a neighbour or
                // spelling variant of it matched, paired with the
                // passage's closest unmatched word on the same topic
                // (غارات and طيران, air strikes and aviation).
                for (i, v) in &q_topics {
                    if q.terms[*i].1.is_some_and(has) || credited.contains(i) {
                        continue;
                    }
                    let (cos, pw) = p_topics
                        .iter()
                        .map(|(pw, u)| (vectors::dot(v, u), *pw))
                        .fold((0.0f32, 0.0f32), |a, b| if b.0 > a.0 { b } else { a });
                    if cos > ALIGN_FLOOR {
                        extra += ALIGN_WEIGHT * (cos - ALIGN_FLOOR) / (1.0 - ALIGN_FLOOR)
                            * (weights[*i] * pw).sqrt();
                    }
                }
                // A passage whose words speak of another topic than the
                // query's, however many it shares, falls: fully at a
                // cosine of 0, not at all from TOPIC_FLOOR.
                let topical = if q_topics.is_empty() || p_topic.iter().all(|&x| x == 0.0) {
                    1.0
                } else {
                    (vectors::cosine(&q_topic, &p_topic) / TOPIC_FLOOR).clamp(0.0, 1.0)
                };
                let score = ((shared + extra) * sat / q_mass).min(1.0) * topical;
                // The relation reads the words matched, not the topic
                // alone: a close topic must not make the same fact.
                let own = (lexical * sat / q_mass).min(1.0) * topical;
                (score >= MIN_SCORE).then_some((pid, score, own))
            })
            .collect();
        results.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        results
    }

    /// Builds the match record: relation, wire flag, explanation.
    fn explain(
        &self,
        q: &Query,
        q_words: &[String],
        pid: u32,
        score: f32,
        own: f32,
        q_ids: &HashSet<u32>,
    ) -> Option<Match> {
        let ix = &self.index;
        let p = ix.passage(pid)?;
        let article = self.article_at(p.article)?;
        let span = article.passages.get(p.ordinal as usize)?;
        let text = passage_text(article, span);
        let mut shared: Vec<(f32, &str)> = p
            .terms()
            .into_iter()
            .filter(|t| q_ids.contains(t))
            .map(|t| (ix.idf_of(t), ix.name(t)))
            .collect();
        shared.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut why = Explanation::default();
        for (_, name) in shared {
            if let Some(e) = name.strip_prefix('@') {
                why.entities.push(e.to_string());
            } else if let Some(n) = name.strip_prefix('#') {
                if let Ok(v) = n.parse() {
                    why.numbers.push(v);
                }
            } else if let Some(c) = name.strip_prefix('~') {
                why.concepts.push(c.to_string());
            } else if let Some(u) = name.strip_prefix('%') {
                why.counted.push(u.trim_start_matches('~').to_string());
            } else {
                why.words.push(name.to_string());
            }
        }
        let other_numbers: Vec<&NumberFact> = article
            .numbers
            .iter()
            .filter(|n| n.passage == p.ordinal)
            .collect();
        why.conflicts = conflicts(q, &q.numbers, text, span, &other_numbers);
        let wire = containment(q_words, &words(text)) >= WIRE_CONTAINMENT;
        let relation = if wire {
            Relation::Same
        } else if !why.conflicts.is_empty() {
            Relation::Conflict
        } else if own >= SAME_SCORE {
            Relation::Same
        } else {
            Relation::Related
        };
        Some(Match {
            id: article.id.clone(),
            outlet: article.outlet.clone(),
            start: span.start,
            end: span.end,
            score,
            relation,
            wire,
            why,
        })
    }
}

/// A scored passage: its id, its score, and the score its relation reads
/// (the words matched, without the topical pairs).
type Scored = (u32, f32, f32);

/// Term id → row of the topical vector table (`u32::MAX` for none), filled
/// as terms are met during one matching call.
type TopicRows = HashMap<u32, u32, crate::fasthash::FxBuild>;

/// The text of a saved article's passage.
fn passage_text<'a>(article: &'a Article, span: &PassageSpan) -> &'a str {
    article
        .text
        .get(span.byte_start as usize..span.byte_end as usize)
        .unwrap_or("")
}

/// A word's stem, not a concept, figure, counted noun or entity id.
fn is_plain_word(term: &str) -> bool {
    !term.starts_with(['#', '@', '~', '%'])
}

/// Word stems long enough for a one-edit match to mean a spelling variant.
fn is_fuzzy_word(term: &str) -> bool {
    !term.starts_with(['#', '@']) && term.chars().count() >= 4
}

/// True when `a` and `b` differ by exactly one substituted, inserted or
/// deleted letter.
fn one_edit(a: &str, b: &str) -> bool {
    // Called for many word pairs per candidate: no allocation.
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    match la.abs_diff(lb) {
        0 => {
            short
                .chars()
                .zip(long.chars())
                .filter(|(x, y)| x != y)
                .count()
                == 1
        }
        1 => {
            let prefix = short
                .chars()
                .zip(long.chars())
                .take_while(|(x, y)| x == y)
                .count();
            short.chars().skip(prefix).eq(long.chars().skip(prefix + 1))
        }
        _ => false,
    }
}

/// Share of the shorter word list's trigrams found in the other.
fn containment(a: &[String], b: &[String]) -> f64 {
    let (sa, sb) = (shingles(a, 3), shingles(b, 3));
    let (small, big) = if sa.len() <= sb.len() {
        (&sa, &sb)
    } else {
        (&sb, &sa)
    };
    // A passage of a few words is no evidence of copying.
    if small.len() < 4 {
        return 0.0;
    }
    small.iter().filter(|h| big.contains(h)).count() as f64 / small.len() as f64
}

/// Punctuation that ends the clause of a figure.
const CLAUSE_ENDS: &[char] = &['،', ',', '.', '؛', ';', ':', '!', '?', '؟', '(', ')'];

/// Counted nouns that say only "people" or "others" (أشخاص، مدنيين،
/// آخرون), which a toll's verb or noun makes precise; and the concepts of
/// tolls.
static GENERIC_UNITS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut out: Vec<String> = ["أشخاص", "آخرون", "آخرين"]
        .iter()
        .filter_map(|w| terms::unit_key(&normalize(w)))
        .collect();
    out.push(String::new());
    out
});
static TOLL_UNITS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ["قتلى", "جرحى"]
        .iter()
        .filter_map(|w| terms::unit_key(&normalize(w)))
        .collect()
});

static TIME_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../data/time_words.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(normalize)
        .collect()
});

/// A number's facts read from a passage text: its counted noun's stem and
/// the time-frame words around it. `base` is the passage's UTF-16 start.
pub(crate) struct NumberContext {
    pub unit: String,
    pub time: Vec<String>,
}

/// Reads the counted noun and time words of number `n` in `passage`.
pub(crate) fn number_context(passage: &str, base: u32, n: &NumberFact) -> NumberContext {
    let tokens = tokenize(passage);
    let mut map = Utf16Map::new(passage);
    let at: Vec<(u32, u32)> = tokens
        .iter()
        .map(|t| {
            (
                base + map.to_utf16(t.start) as u32,
                base + map.to_utf16(t.end) as u32,
            )
        })
        .collect();
    let first_after = at.iter().position(|&(s, _)| s >= n.end).unwrap_or(at.len());
    let first_in = at
        .iter()
        .position(|&(_, e)| e > n.start)
        .unwrap_or(at.len());
    let mut unit = match n.unit.as_deref() {
        Some(u) if !u.trim().is_empty() => {
            let folded = normalize(u);
            terms::unit_key(folded.split(' ').next().unwrap_or("")).unwrap_or_default()
        }
        // The counted noun follows the figure within its clause: in
        // "وإصابة ثلاثين، حسب الوزارة" nothing after the comma is counted.
        _ => tokens
            .iter()
            .skip(first_after)
            .take(3)
            .take_while(|t| !(t.kind == TokenKind::Punct && t.norm.contains(CLAUSE_ENDS)))
            .filter(|t| t.kind == TokenKind::Word)
            .find_map(|t| terms::unit_key(&t.norm))
            .unwrap_or_default(),
    };
    // A toll counts the dead or the hurt whatever noun it names: "12
    // people lost their lives", "14 killed" and "the death of twelve" are
    // one quantity, "30 others were hurt" another. The verb or noun of
    // death or injury nearest the figure, just before it first, says which.
    if GENERIC_UNITS.contains(&unit) {
        let toll = |t: &crate::tokenize::Token| {
            (t.kind == TokenKind::Word)
                .then(|| terms::unit_key(&t.norm))
                .flatten()
                .filter(|k| TOLL_UNITS.contains(k))
        };
        let before = tokens
            .get(first_in.saturating_sub(2)..first_in)
            .unwrap_or(&[]);
        let after = tokens
            .get(first_after..(first_after + 3).min(tokens.len()))
            .unwrap_or(&[]);
        if let Some(k) = before.iter().rev().chain(after).find_map(toll) {
            unit = k;
        }
    }
    // Time words within eight tokens either side, in text order.
    let lo = first_in.saturating_sub(8);
    let hi = (first_after + 8).min(tokens.len());
    let time = tokens
        .get(lo..hi)
        .unwrap_or(&[])
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .filter(|t| {
            TIME_WORDS.contains(t.norm.as_str()) || TIME_WORDS.contains(split_proclitics(&t.norm).1)
        })
        .filter_map(|t| passage.get(t.start..t.end).map(str::to_string))
        .collect();
    NumberContext { unit, time }
}

fn number_ref(n: &NumberFact, time: Vec<String>) -> NumberRef {
    NumberRef {
        text: n.text.clone(),
        start: n.start,
        end: n.end,
        value: n.value,
        low: n.low,
        high: n.high,
        time,
    }
}

/// The interval a figure claims.
pub(crate) fn interval(n: &NumberFact) -> Option<(f64, f64)> {
    match (n.value, n.low, n.high) {
        (Some(v), _, _) => Some((v, v)),
        (None, Some(l), Some(h)) => Some((l.min(h), l.max(h))),
        (None, Some(l), None) => Some((l, f64::INFINITY)),
        (None, None, Some(h)) => Some((0.0, h)),
        _ => None,
    }
}

/// Figures of the same kind and counted noun whose intervals do not meet.
fn conflicts(
    q: &Query,
    q_numbers: &[NumberFact],
    other_text: &str,
    other_span: &PassageSpan,
    other_numbers: &[&NumberFact],
) -> Vec<Conflict> {
    let mut out = Vec::new();
    // The other passage's figures are read once, not once per query figure:
    // each reading tokenizes the passage.
    let mut others: Option<Vec<(&NumberFact, NumberContext)>> = None;
    for a in q_numbers
        .iter()
        .filter(|n| terms::counts_something(&n.kind))
    {
        let ca = number_context(&q.text, q.start, a);
        if ca.unit.is_empty() {
            continue;
        }
        let Some((alo, ahi)) = interval(a) else {
            continue;
        };
        let others = others.get_or_insert_with(|| {
            other_numbers
                .iter()
                .filter(|n| terms::counts_something(&n.kind))
                .map(|&b| (b, number_context(other_text, other_span.start, b)))
                .collect()
        });
        for (b, cb) in others.iter().filter(|(n, _)| n.kind == a.kind) {
            if cb.unit != ca.unit {
                continue;
            }
            let Some((blo, bhi)) = interval(b) else {
                continue;
            };
            if ahi < blo || bhi < alo {
                out.push(Conflict {
                    kind: a.kind.clone(),
                    unit: ca.unit.clone(),
                    query: number_ref(a, ca.time.clone()),
                    other: number_ref(b, cb.time.clone()),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::NewArticle;

    fn lib(articles: &[(&str, &str, &str)]) -> Library {
        let mut lib = Library::new();
        for (id, outlet, text) in articles {
            lib.add(NewArticle {
                id: id.to_string(),
                outlet: Some(outlet.to_string()),
                text: text.to_string(),
                ..Default::default()
            })
            .unwrap();
        }
        lib
    }

    #[test]
    fn one_edit_table() {
        let cases = [
            ("باغوز", "باغاز", true),      // a misspelt village name
            ("ترامب", "ترمب", true),       // Trump, two spellings
            ("ديمقراط", "ديموقراط", true), // "democratic", two spellings
            ("باغوز", "باغوز", false),     // identical is not an edit
            ("مقاتل", "قاتل", true),
            ("مدرسه", "مستشفي", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(one_edit(a, b), want, "{a} / {b}");
        }
    }

    #[test]
    fn relations_table() {
        // Query article "q" and three outlets: a wire copy of its first
        // passage, a paraphrase of its second, and a different figure for
        // the same count.
        let l = lib(&[
            (
                "q",
                "أ",
                "وقصفت طائرات التحالف مواقع التنظيم في البلدة المحاصرة صباح اليوم وتصاعد الدخان فوق المنازل.\nوقال المتحدث إن 300 مدني غادروا البلدة الثلاثاء.",
            ),
            (
                "wire",
                "ب",
                "وقصفت طائرات التحالف مواقع التنظيم في البلدة المحاصرة صباح اليوم وتصاعد الدخان فوق المنازل.",
            ),
            (
                "conflict",
                "ج",
                "وأحصى المرصد خروج 1200 مدني من البلدة منذ الثلاثاء.",
            ),
            (
                "unrelated",
                "د",
                "افتتح الوزير معرضا للكتاب في العاصمة بمشاركة مئة دار نشر.",
            ),
        ]);
        let m = l.match_article("q", &MatchOptions::default()).unwrap();
        assert_eq!(m.len(), 2);
        let first = &m[0].matches[0];
        assert_eq!(
            (first.id.as_str(), first.relation, first.wire),
            ("wire", Relation::Same, true)
        );
        let second = &m[1].matches[0];
        assert_eq!(
            (second.id.as_str(), second.relation),
            ("conflict", Relation::Conflict)
        );
        let c = &second.why.conflicts[0];
        assert_eq!((c.query.value, c.other.value), (Some(300.0), Some(1200.0)));
        assert_eq!(c.query.time, ["الثلاثاء"]);
        assert!(m
            .iter()
            .all(|p| p.matches.iter().all(|x| x.id != "unrelated" && x.id != "q")));
    }

    #[test]
    fn another_story_sharing_words_ranks_below_the_same_story() {
        // A factory fire in Mahalla told by two outlets, and a road accident
        // whose one passage shares "five injured, taken to hospital" with
        // the fire's last passage.
        let l = lib(&[
            (
                "q",
                "أ",
                "اندلع حريق كبير في مصنع للنسيج بمدينة المحلة فجر الجمعة.\nوهرعت سيارات الإطفاء إلى المصنع وسيطرت على النيران بعد ثلاث ساعات.\nوفتحت النيابة تحقيقا في أسباب الحريق.\nوأصيب خمسة عمال بحالات اختناق ونقلوا إلى المستشفى.",
            ),
            (
                "fire",
                "ب",
                "شب حريق ضخم في مصنع نسيج بالمحلة صباح الجمعة.\nوتمكنت سيارات الإطفاء من السيطرة على النيران بعد ثلاث ساعات.\nوبدأت النيابة التحقيق في أسباب الحريق.\nوأصيب عدد من العمال بحالات اختناق.",
            ),
            (
                "accident",
                "ج",
                "وأصيب خمسة أشخاص بجروح ونقلوا إلى المستشفى بعد حادث سير على الطريق الدائري.",
            ),
        ]);
        let m = l.match_article("q", &MatchOptions::default()).unwrap();
        let ids: Vec<Vec<&str>> = m
            .iter()
            .map(|p| p.matches.iter().map(|x| x.id.as_str()).collect())
            .collect();
        assert_eq!(ids[3], ["fire", "accident"]);
        // The accident alone, queried as one passage, still finds itself.
        let one = l
            .match_text(
                "أصيب خمسة أشخاص ونقلوا إلى المستشفى",
                &MatchOptions::default(),
            )
            .unwrap();
        assert_eq!(one[0].matches[0].id, "accident");
    }

    #[test]
    fn neighbours_lift_a_paraphrase_over_a_word_count() {
        // "The government imposed new taxes on cigarettes and soft drinks":
        // one outlet says "a tax" (ضريبة for ضرائب, neighbours in the
        // table, which the light stem does not unify), a shorter passage
        // says "a ban" with every other word the same.
        let l = lib(&[
            (
                "q",
                "أ",
                "فرضت الحكومة ضرائب جديدة على السجائر والمشروبات الغازية.",
            ),
            (
                "tax",
                "ب",
                "فرضت الحكومة ضريبة جديدة على السجائر والمشروبات الغازية المستوردة.",
            ),
            (
                "ban",
                "ج",
                "فرضت الحكومة حظرا جديدا على السجائر والمشروبات الغازية.",
            ),
        ]);
        assert!(super::super::neighbours::related("ضرايب", "ضريب"));
        let m = l.match_article("q", &MatchOptions::default()).unwrap();
        let ids: Vec<&str> = m[0].matches.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["tax", "ban"]);
    }

    #[test]
    fn topic_puts_a_paraphrase_above_another_story_sharing_more_words() {
        // (query, same story told in other words, another story that
        // shares more of the query's words), each with its gloss.
        let cases = [
            (
                // "Coalition planes launched violent air strikes on the town."
                "شنت طائرات التحالف غارات عنيفة على البلدة.",
                // "Military aviation shelled the town with rockets."
                "قصف الطيران الحربي البلدة بالصواريخ.",
                // "The government launched a violent campaign on tax evasion in the town."
                "شنت الحكومة حملة عنيفة على التهرب من الضرائب في البلدة.",
            ),
            (
                // "Oil prices rose on world markets yesterday after US stocks fell."
                "ارتفعت أسعار النفط في الأسواق العالمية أمس بعد تراجع المخزونات الأمريكية.",
                // "Brent crude climbed as US crude stocks dropped."
                "صعد خام برنت مع انخفاض مخزونات الخام الأمريكية.",
                // "Vegetable prices rose in the popular markets yesterday after the heat wave receded."
                "ارتفعت أسعار الخضار في الأسواق الشعبية أمس بعد تراجع موجة الحر.",
            ),
        ];
        for (query, same_story, other_story) in cases {
            let l = lib(&[
                ("q", "أ", query),
                ("same", "ب", same_story),
                ("other", "ج", other_story),
            ]);
            let m = l.match_article("q", &MatchOptions::default()).unwrap();
            let ids: Vec<&str> = m[0].matches.iter().map(|x| x.id.as_str()).collect();
            assert_eq!(ids, ["same", "other"], "{query}");
        }
    }

    #[test]
    fn own_outlet_and_own_article_are_never_matched() {
        // "Hundreds of civilians fled the village" twice from one outlet.
        let text = "وفر مئات المدنيين من القرية المحاصرة بعد القصف العنيف";
        // "Civilians left the besieged village in their hundreds after the shelling."
        let other = "وغادر المدنيون القرية المحاصرة بالمئات بعد القصف العنيف";
        let l = lib(&[("a", "س", text), ("b", "س", other)]);
        let m = l.match_article("a", &MatchOptions::default()).unwrap();
        assert!(m[0].matches.is_empty());
        let any = l.match_text(text, &MatchOptions::default()).unwrap();
        assert_eq!(any[0].matches.len(), 2);
    }

    #[test]
    fn junk_and_empty_queries_are_safe() {
        let l = lib(&[("a", "س", "نص قصير عن القرية")]);
        for text in ["", "\u{FEFF}", "😀😀 ..., ؟؟", "a\u{0}b"] {
            assert!(
                l.match_text(text, &MatchOptions::default()).is_ok(),
                "{text:?}"
            );
        }
        assert_eq!(
            l.match_article("missing", &MatchOptions::default())
                .unwrap_err()
                .code(),
            "invalid_input"
        );
    }
}
