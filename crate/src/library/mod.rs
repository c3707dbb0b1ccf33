//! Stage 5, the library: the articles a reader has saved, each with its
//! passages and analysis, and an inverted index over their passages.
//! Input: articles (id, text and optional URL, outlet, title, date, time
//! saved). Output: the stored articles, duplicate verdicts, and the index
//! that [`matching`], [`events`] and [`claims`] read.
//!
//! Invariants: article ids are unique; two live articles never share a
//! normalized URL; every live passage is in the index exactly once under
//! the terms of its text; offsets kept for callers are UTF-16 code units of
//! the article's text. The library is synchronous and has no clock: the
//! caller stamps the time an article was saved.

pub mod claims;
pub mod events;
pub mod index;
pub mod matching;
pub mod neighbours;
pub mod serialize;
pub mod terms;
pub mod vectors;

use crate::analyze::{analyze, Analysis, EntityMention, NumberMention};
use crate::error::Error;
use crate::offsets::Utf16Map;
use crate::passages::segment;
use index::Index;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// An article to save, as the extension or a JSON line gives it.
///
/// ```
/// let a: tabayyun::library::NewArticle =
///     serde_json::from_str(r#"{"id": "a1", "text": "فر المدنيون من باغوز.", "source": "وكالة"}"#).unwrap();
/// assert_eq!(a.outlet.as_deref(), Some("وكالة"));
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewArticle {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub url: Option<String>,
    /// The site's name; the URL's host stands in when absent.
    #[serde(default, alias = "source")]
    pub outlet: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date as the page gives it, ideally ISO ("2019-02-11").
    #[serde(default)]
    pub date: Option<String>,
    /// When the reader saved it, in milliseconds since the epoch.
    #[serde(default)]
    pub saved_at: Option<f64>,
}

/// A passage of a saved article: UTF-16 offsets for callers, byte offsets
/// for the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PassageSpan {
    pub start: u32,
    pub end: u32,
    #[serde(skip)]
    pub byte_start: u32,
    #[serde(skip)]
    pub byte_end: u32,
}

/// A number mention of a saved article, kept with its passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberFact {
    pub start: u32,
    pub end: u32,
    pub passage: u32,
    pub text: String,
    pub kind: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    pub unit: Option<String>,
}

/// An entity mention of a saved article, kept with its passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityFact {
    pub start: u32,
    pub end: u32,
    pub passage: u32,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
}

/// The passages of `text` with both kinds of offsets.
pub(crate) fn passage_spans(text: &str) -> Vec<PassageSpan> {
    let mut map = Utf16Map::new(text);
    segment(text)
        .into_iter()
        .map(|p| PassageSpan {
            start: map.to_utf16(p.start) as u32,
            end: map.to_utf16(p.end) as u32,
            byte_start: p.start as u32,
            byte_end: p.end as u32,
        })
        .collect()
}

impl NumberFact {
    /// The fact the library keeps of a number the core found.
    pub(crate) fn new(n: &NumberMention, passage: u32) -> NumberFact {
        NumberFact {
            start: n.start as u32,
            end: n.end as u32,
            passage,
            text: n.text.clone(),
            kind: n.kind.as_str().to_string(),
            value: n.value,
            low: n.low,
            high: n.high,
            qualifier: n.qualifier.to_string(),
            unit: n.unit.clone(),
        }
    }
}

impl EntityFact {
    /// The fact the library keeps of an entity the core found.
    pub(crate) fn new(e: &EntityMention, passage: u32) -> EntityFact {
        EntityFact {
            start: e.start as u32,
            end: e.end as u32,
            passage,
            text: e.text.clone(),
            kind: e.kind.to_string(),
            id: e.id.clone(),
        }
    }
}

/// A saved article with its passages and analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub id: String,
    pub url: Option<String>,
    pub outlet: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub saved_at: f64,
    pub text: String,
    pub passages: Vec<PassageSpan>,
    pub numbers: Vec<NumberFact>,
    pub entities: Vec<EntityFact>,
    /// Global id of the first passage in the index; the others follow.
    #[serde(skip)]
    pub(crate) first_pid: u32,
    /// Bottom-k MinHash of the text's word shingles, for near-duplicates.
    #[serde(skip)]
    pub(crate) sketch: Vec<u64>,
}

/// Why an article was not added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The saved article it duplicates.
    pub of: String,
    /// `"url"` (same normalized URL) or `"text"` (near-identical text).
    pub reason: &'static str,
}

/// What `add` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddOutcome {
    pub id: String,
    pub added: bool,
    /// True when an article with the same id was replaced.
    pub replaced: bool,
    pub duplicate: Option<Duplicate>,
    pub passages: usize,
}

/// Sketch size: 32 minimum hashes estimate resemblance within about ±0.1.
const SKETCH: usize = 32;
/// The smallest hashes of a sketch go into the lookup table: near-identical
/// texts share most of their smallest shingles.
const SKETCH_KEYS: usize = 6;
/// Estimated resemblance from which two texts are the same article.
const DUPLICATE_RESEMBLANCE: f64 = 0.85;

/// The saved articles and their index.
#[derive(Debug, Default, Clone)]
pub struct Library {
    slots: Vec<Option<Article>>,
    by_id: HashMap<String, u32>,
    by_url: HashMap<String, u32>,
    by_sketch: HashMap<u64, Vec<u32>>,
    pub(crate) index: Index,
    /// The articles' grouping into events (slots), computed on first use
    /// after a change: the library page, the side panel's outlets and its
    /// claims all ask for it, and a library of 15,000 articles takes
    /// seconds to group.
    pub(crate) events_cache: std::cell::OnceCell<Vec<Vec<u32>>>,
}

impl Library {
    /// An empty library.
    pub fn new() -> Self {
        Self::default()
    }

    /// Saves an article, unless it duplicates another one (same URL or
    /// near-identical text). Saving again under the same id replaces it.
    ///
    /// ```
    /// use tabayyun::library::{Library, NewArticle};
    /// let mut lib = Library::new();
    /// let a = NewArticle { id: "a".into(), text: "فر 1500 مدني من باغوز اليوم.".into(), ..Default::default() };
    /// assert!(lib.add(a).unwrap().added);
    /// assert_eq!(lib.get("a").unwrap().passages.len(), 1);
    /// ```
    pub fn add(&mut self, new: NewArticle) -> Result<AddOutcome, Error> {
        if new.id.is_empty() {
            return Err(Error::InvalidInput("an article needs an id".into()));
        }
        let analysis = analyze(&new.text)?;
        let url_key = new.url.as_deref().and_then(normalize_url);
        if let Some(&slot) = url_key.as_ref().and_then(|u| self.by_url.get(u)) {
            if let Some(other) = self.article_at(slot).filter(|a| a.id != new.id) {
                return Ok(self.refused(&new.id, &other.id.clone(), "url"));
            }
        }
        let sketch = terms::sketch(&new.text, SKETCH);
        if let Some(other) = self.near_duplicate(&sketch, &new.id) {
            return Ok(self.refused(&new.id, &other, "text"));
        }
        let replaced = self.remove(&new.id);
        let slot = self.slots.len() as u32;
        let article = self.build(new, analysis, sketch, slot);
        let passages = article.passages.len();
        let id = article.id.clone();
        self.by_id.insert(id.clone(), slot);
        if let Some(u) = url_key {
            self.by_url.insert(u, slot);
        }
        for &h in article.sketch.iter().take(SKETCH_KEYS) {
            self.by_sketch.entry(h).or_default().push(slot);
        }
        self.slots.push(Some(article));
        self.events_cache = Default::default();
        Ok(AddOutcome {
            id,
            added: true,
            replaced,
            duplicate: None,
            passages,
        })
    }

    fn refused(&self, id: &str, of: &str, reason: &'static str) -> AddOutcome {
        AddOutcome {
            id: id.to_string(),
            added: false,
            replaced: false,
            duplicate: Some(Duplicate {
                of: of.to_string(),
                reason,
            }),
            passages: 0,
        }
    }

    /// The saved article most like `sketch`, if near-identical.
    fn near_duplicate(&self, sketch: &[u64], own_id: &str) -> Option<String> {
        let mut seen: Vec<u32> = Vec::new();
        for h in sketch.iter().take(SKETCH_KEYS) {
            for &slot in self.by_sketch.get(h).map_or(&[][..], |v| v) {
                if !seen.contains(&slot) {
                    seen.push(slot);
                }
            }
        }
        seen.into_iter()
            .filter_map(|slot| self.article_at(slot))
            .filter(|a| a.id != own_id)
            .map(|a| (terms::resemblance(sketch, &a.sketch, SKETCH), a))
            .filter(|(r, _)| *r >= DUPLICATE_RESEMBLANCE)
            .max_by(|x, y| x.0.total_cmp(&y.0))
            .map(|(_, a)| a.id.clone())
    }

    /// Segments, analyzes and indexes an article into slot `slot`.
    fn build(
        &mut self,
        new: NewArticle,
        analysis: Analysis,
        sketch: Vec<u64>,
        slot: u32,
    ) -> Article {
        let text = new.text;
        let passages = passage_spans(&text);
        let passage_of = |start: usize| -> u32 {
            let i = passages.partition_point(|p| (p.end as usize) <= start);
            i.min(passages.len().saturating_sub(1)) as u32
        };
        let numbers: Vec<NumberFact> = analysis
            .numbers
            .iter()
            .map(|n| NumberFact::new(n, passage_of(n.start)))
            .collect();
        let entities: Vec<EntityFact> = analysis
            .entities
            .iter()
            .filter(|e| !e.id.is_empty())
            .map(|e| EntityFact::new(e, passage_of(e.start)))
            .collect();
        let first_pid = self.index.next_pid();
        let mut first = None;
        for (ordinal, p) in passages.iter().enumerate() {
            let names = terms::passage_terms(
                &text,
                p,
                numbers.iter().filter(|n| n.passage == ordinal as u32),
                entities.iter().filter(|e| e.passage == ordinal as u32),
            );
            let mut ids: Vec<u32> = names.iter().map(|t| self.index.intern(t)).collect();
            ids.sort_unstable();
            ids.dedup();
            let pid = self.index.add_passage(slot, ordinal as u32, ids);
            first.get_or_insert(pid);
        }
        let outlet = new
            .outlet
            .filter(|o| !o.trim().is_empty())
            .or_else(|| new.url.as_deref().and_then(host))
            .unwrap_or_else(|| new.id.clone());
        Article {
            id: new.id,
            url: new.url,
            outlet,
            title: new.title,
            date: new.date,
            saved_at: new.saved_at.unwrap_or(0.0),
            text,
            passages,
            numbers,
            entities,
            first_pid: first.unwrap_or(first_pid),
            sketch,
        }
    }

    /// Removes the article `id`; returns whether it was saved.
    ///
    /// ```
    /// use tabayyun::library::{Library, NewArticle};
    /// let mut lib = Library::new();
    /// lib.add(NewArticle { id: "a".into(), text: "نص الخبر".into(), ..Default::default() }).unwrap();
    /// assert!(lib.remove("a"));
    /// assert!(!lib.remove("a"));
    /// ```
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(slot) = self.by_id.remove(id) else {
            return false;
        };
        let Some(article) = self.slots.get_mut(slot as usize).and_then(Option::take) else {
            return false;
        };
        for i in 0..article.passages.len() as u32 {
            self.index.remove_passage(article.first_pid + i);
        }
        if let Some(u) = article.url.as_deref().and_then(normalize_url) {
            if self.by_url.get(&u) == Some(&slot) {
                self.by_url.remove(&u);
            }
        }
        for h in article.sketch.iter().take(SKETCH_KEYS) {
            if let Some(list) = self.by_sketch.get_mut(h) {
                list.retain(|&s| s != slot);
                if list.is_empty() {
                    self.by_sketch.remove(h);
                }
            }
        }
        self.events_cache = Default::default();
        true
    }

    /// The saved article `id`.
    ///
    /// ```
    /// let lib = tabayyun::library::Library::new();
    /// assert!(lib.get("غير موجود").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.by_id.get(id).and_then(|&s| self.article_at(s))
    }

    pub(crate) fn article_at(&self, slot: u32) -> Option<&Article> {
        self.slots.get(slot as usize).and_then(Option::as_ref)
    }

    /// Number of slots, live or not: slot ids are below it.
    pub(crate) fn slot_count(&self) -> u32 {
        self.slots.len() as u32
    }

    pub(crate) fn slot_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// Saved articles, in the order they were saved.
    ///
    /// ```
    /// assert_eq!(tabayyun::library::Library::new().articles().count(), 0);
    /// ```
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.slots.iter().flatten()
    }

    pub(crate) fn slots_iter(&self) -> impl Iterator<Item = (u32, &Article)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_ref().map(|a| (i as u32, a)))
    }

    /// Number of saved articles.
    ///
    /// ```
    /// assert_eq!(tabayyun::library::Library::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when nothing is saved.
    ///
    /// ```
    /// assert!(tabayyun::library::Library::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Sizes, for the memory budget: the index's heap bytes (terms,
    /// postings, passage term lists, duplicate sketches) against the text.
    ///
    /// ```
    /// let s = tabayyun::library::Library::new().stats();
    /// assert_eq!(s.articles, 0);
    /// ```
    pub fn stats(&self) -> Stats {
        let text_bytes: usize = self.articles().map(|a| a.text.len()).sum();
        let sketches: usize = self.articles().map(|a| a.sketch.len() * 8).sum::<usize>()
            + self.by_sketch.len() * (8 + 24 + 4);
        Stats {
            articles: self.len(),
            passages: self.index.live_passages(),
            terms: self.index.term_count(),
            index_bytes: self.index.heap_bytes() + sketches,
            text_bytes,
        }
    }
}

/// Library sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub articles: usize,
    pub passages: usize,
    pub terms: usize,
    pub index_bytes: usize,
    pub text_bytes: usize,
}

/// The URL as a duplicate key: no scheme, no "www.", no fragment, no
/// trailing slash, host lowercased.
fn normalize_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .split_once("://")
        .map_or(url, |(_, r)| r)
        .split('#')
        .next()
        .unwrap_or("");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() {
        return None;
    }
    Some(format!("{host}/{}", path.trim_end_matches('/')))
}

/// The host of a URL, without "www.".
fn host(url: &str) -> Option<String> {
    normalize_url(url).and_then(|u| u.split('/').next().map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, url: Option<&str>, text: &str) -> NewArticle {
        NewArticle {
            id: id.into(),
            url: url.map(Into::into),
            text: text.into(),
            ..Default::default()
        }
    }

    // "The Syrian Democratic Forces launched an assault on Saturday on the
    // last pocket of the organization, and hundreds of civilians fled."
    const STORY: &str = "شنت قوات سوريا الديمقراطية هجوما يوم السبت على آخر جيب للتنظيم في شرق البلاد.\nوفر مئات المدنيين من القرية المحاصرة خلال اليومين الماضيين بحسب المرصد.";
    // "The council approved the new budget after a long session."
    const OTHER: &str = "أقر المجلس الميزانية الجديدة بعد جلسة طويلة استمرت حتى المساء.";

    #[test]
    fn duplicates_table() {
        let mut lib = Library::new();
        assert!(
            lib.add(article("a", Some("https://www.site.com/x/1/"), STORY))
                .unwrap()
                .added
        );
        let cases = [
            // Same URL up to scheme, www, slash and fragment.
            (
                article("b", Some("http://site.com/x/1#top"), OTHER),
                Some("url"),
            ),
            // The same text from another URL, with a changed diacritic.
            (
                article(
                    "c",
                    Some("https://other.net/y"),
                    &STORY.replace("هجوما", "هجوماً"),
                ),
                Some("text"),
            ),
            // A different article.
            (article("d", Some("https://other.net/z"), OTHER), None),
        ];
        for (new, want) in cases {
            let out = lib.add(new).unwrap();
            assert_eq!(out.duplicate.as_ref().map(|d| d.reason), want, "{}", out.id);
            assert_eq!(out.added, want.is_none());
        }
        assert_eq!(lib.len(), 2);
        // Saving "a" again replaces it rather than reporting a duplicate.
        let again = lib
            .add(article("a", Some("https://site.com/x/1"), STORY))
            .unwrap();
        assert!(again.added && again.replaced);
        assert_eq!(lib.len(), 2);
    }

    #[test]
    fn remove_takes_passages_out_of_the_index() {
        let mut lib = Library::new();
        lib.add(article("a", None, STORY)).unwrap();
        lib.add(article("b", None, OTHER)).unwrap();
        assert_eq!(lib.index.live_passages(), 3);
        let civilians = lib.index.lookup("مدن").unwrap();
        assert_eq!(lib.index.postings(civilians).len(), 1);
        assert!(lib.remove("a"));
        assert_eq!(lib.index.live_passages(), 1);
        assert!(lib.index.postings(civilians).is_empty());
        assert!(lib.get("a").is_none() && lib.get("b").is_some());
        // The URL and text of a removed article can be saved again.
        assert!(lib.add(article("a2", None, STORY)).unwrap().added);
    }

    #[test]
    fn outlet_falls_back_to_host_then_id() {
        let mut lib = Library::new();
        lib.add(article("a", Some("https://www.aawsat.com/home/1"), STORY))
            .unwrap();
        lib.add(article("b", None, OTHER)).unwrap();
        assert_eq!(lib.get("a").unwrap().outlet, "aawsat.com");
        assert_eq!(lib.get("b").unwrap().outlet, "b");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let mut lib = Library::new();
        assert_eq!(
            lib.add(article("", None, STORY)).unwrap_err().code(),
            "invalid_input"
        );
        let junk: String = (0..4096u32)
            .map(|i| char::from_u32(i % 7).unwrap_or('\0'))
            .collect();
        assert_eq!(
            lib.add(article("j", None, &junk)).unwrap_err().code(),
            "not_text"
        );
        assert!(lib.add(article("e", None, "")).unwrap().added);
        assert_eq!(lib.get("e").unwrap().passages.len(), 0);
    }
}
