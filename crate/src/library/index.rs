//! The inverted index of the library. Input: each passage's set of terms
//! (light stems, `@`entity ids, `#`number values). Output: for a term, the
//! live passages that contain it, and each term's inverse document
//! frequency over the live passages.
//!
//! Invariants: a posting list holds each passage at most once, in the order
//! the passages were added; a removed passage is in no posting list; a term
//! id, once given, names the same term until the library is serialized and
//! reloaded (which renumbers terms and passages densely).

use std::collections::HashMap;

/// How much a kind of term says about a passage's sub-topic, as a factor
/// on its IDF. A concept (`~`) is evidence of paraphrase, a counted noun
/// (`%`) of the same quantity and a figure's value (`#`) of the same fact,
/// each stronger than one shared word.
fn kind_weight(term: &str) -> f32 {
    match term.as_bytes().first() {
        Some(b'~' | b'%' | b'#') => 1.5,
        _ => 1.0,
    }
}

/// A passage of the index: which article slot it belongs to and its terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedPassage {
    /// Slot of the article in the library; `u32::MAX` once removed.
    pub article: u32,
    /// Position of the passage within its article.
    pub ordinal: u32,
    /// Sorted, distinct term ids as varint gaps: a fifth of the bytes of
    /// plain ids, which keeps the index under the size of the text.
    terms: Box<[u8]>,
    /// How many term ids `terms` holds.
    count: u32,
}

impl IndexedPassage {
    /// The sorted term ids.
    pub fn terms(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count as usize);
        let (mut prev, mut value, mut shift) = (0u32, 0u32, 0u32);
        for &b in self.terms.iter() {
            value |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            shift += 7;
            if b & 0x80 == 0 {
                prev = prev.wrapping_add(value);
                out.push(prev);
                value = 0;
                shift = 0;
            }
        }
        out
    }

    /// How many terms the passage has.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// True for a passage without terms.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// Sorted ids as varint gaps.
fn encode(ids: &[u32]) -> Box<[u8]> {
    let mut out = Vec::with_capacity(ids.len() * 2);
    let mut prev = 0;
    for &id in ids {
        let mut gap = id.wrapping_sub(prev);
        prev = id;
        while gap >= 0x80 {
            out.push((gap as u8) | 0x80);
            gap >>= 7;
        }
        out.push(gap as u8);
    }
    out.into_boxed_slice()
}

/// Terms, postings and passages.
#[derive(Debug, Default, Clone)]
pub struct Index {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
    passages: Vec<IndexedPassage>,
    live: usize,
    /// Sum of the live passages' term counts, for their average length.
    total_terms: usize,
}

/// The article slot of a removed passage.
pub const REMOVED: u32 = u32::MAX;

impl Index {
    /// The id of `term`, creating it if new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(term.into(), id);
        self.names.push(term.into());
        self.postings.push(Vec::new());
        id
    }

    /// An index whose term ids are the positions of `terms`, each posting
    /// list allocated once for the passage count saved with it; `None` when
    /// a term repeats. The reload path: no hash table growth, no posting
    /// list copied as it grows.
    ///
    /// ```
    /// use tabayyun::library::index::Index;
    /// let index = Index::with_terms(vec![("مدن".into(), 2), ("فر".into(), 1)]).unwrap();
    /// assert_eq!(index.lookup("فر"), Some(1));
    /// assert!(Index::with_terms(vec![("مدن".into(), 1), ("مدن".into(), 1)]).is_none());
    /// ```
    pub fn with_terms(terms: Vec<(Box<str>, usize)>) -> Option<Index> {
        let mut ids = HashMap::with_capacity(terms.len());
        let mut names = Vec::with_capacity(terms.len());
        let mut postings = Vec::with_capacity(terms.len());
        for (i, (name, df)) in terms.into_iter().enumerate() {
            if ids.insert(name.clone(), i as u32).is_some() {
                return None;
            }
            names.push(name);
            postings.push(Vec::with_capacity(df));
        }
        Some(Index {
            ids,
            names,
            postings,
            ..Index::default()
        })
    }

    /// Adds a passage whose sorted, distinct term ids `ids` are already
    /// encoded as `encoded` (varint gaps, the saved layout): the reload
    /// path keeps the saved bytes instead of encoding again.
    pub(crate) fn add_encoded(
        &mut self,
        article: u32,
        ordinal: u32,
        encoded: &[u8],
        ids: &[u32],
    ) -> u32 {
        let pid = self.passages.len() as u32;
        for &t in ids {
            if let Some(list) = self.postings.get_mut(t as usize) {
                list.push(pid);
            }
        }
        self.passages.push(IndexedPassage {
            article,
            ordinal,
            terms: encoded.into(),
            count: ids.len() as u32,
        });
        self.live += 1;
        self.total_terms += ids.len();
        pid
    }

    /// The id of `term` if the library has seen it.
    pub fn lookup(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }

    /// The text of term `id`.
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", |s| s)
    }

    /// Adds a passage with its (sorted, distinct) term ids; returns its id.
    pub fn add_passage(&mut self, article: u32, ordinal: u32, terms: Vec<u32>) -> u32 {
        let pid = self.passages.len() as u32;
        for &t in &terms {
            if let Some(list) = self.postings.get_mut(t as usize) {
                list.push(pid);
            }
        }
        self.passages.push(IndexedPassage {
            article,
            ordinal,
            terms: encode(&terms),
            count: terms.len() as u32,
        });
        self.live += 1;
        self.total_terms += self.passages.last().map_or(0, IndexedPassage::len);
        pid
    }

    /// Removes passage `pid` from every posting list it is in.
    pub fn remove_passage(&mut self, pid: u32) {
        let Some(p) = self.passages.get_mut(pid as usize) else {
            return;
        };
        if p.article == REMOVED {
            return;
        }
        p.article = REMOVED;
        let terms = p.terms();
        p.terms = Box::new([]);
        p.count = 0;
        self.total_terms = self.total_terms.saturating_sub(terms.len());
        for t in terms.iter() {
            if let Some(list) = self.postings.get_mut(*t as usize) {
                // Posting lists are in passage order: binary search.
                if let Ok(at) = list.binary_search(&pid) {
                    list.remove(at);
                }
            }
        }
        self.live = self.live.saturating_sub(1);
    }

    /// The passage with id `pid`, if it is live.
    pub fn passage(&self, pid: u32) -> Option<&IndexedPassage> {
        self.passages
            .get(pid as usize)
            .filter(|p| p.article != REMOVED)
    }

    /// Live passages that contain term `id`.
    pub fn postings(&self, id: u32) -> &[u32] {
        self.postings.get(id as usize).map_or(&[], |v| v)
    }

    /// The id the next added passage will get.
    pub fn next_pid(&self) -> u32 {
        self.passages.len() as u32
    }

    /// Average number of terms of a live passage.
    pub fn average_terms(&self) -> f32 {
        if self.live == 0 {
            1.0
        } else {
            self.total_terms as f32 / self.live as f32
        }
    }

    /// Number of live passages.
    pub fn live_passages(&self) -> usize {
        self.live
    }

    /// Number of distinct terms ever seen.
    pub fn term_count(&self) -> usize {
        self.names.len()
    }

    /// Inverse document frequency of a term found in `df` live passages;
    /// a term the library has never seen weighs as a term seen once.
    pub fn idf(&self, df: usize) -> f32 {
        let n = self.live as f32;
        (1.0 + (n + 1.0) / (df.max(1) as f32)).ln()
    }

    /// Inverse document frequency of term `id`.
    pub fn idf_of(&self, id: u32) -> f32 {
        kind_weight(self.name(id)) * self.idf(self.postings(id).len())
    }

    /// Cosine of two sorted term-id sets weighted by IDF.
    pub fn cosine(&self, a: &[u32], b: &[u32]) -> f32 {
        self.cosine_by(a, b, |t| self.idf_of(t))
    }

    /// Cosine of two sorted term-id sets under the weights `weight`.
    pub fn cosine_by(&self, a: &[u32], b: &[u32], weight: impl Fn(u32) -> f32) -> f32 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let w = weight(x);
                    dot += w * w;
                    i += 1;
                    j += 1;
                }
            }
        }
        // The norms weigh terms as the dot product does, so a set's cosine
        // with itself is 1 and no pair exceeds it.
        let norm = |s: &[u32]| s.iter().map(|&t| weight(t).powi(2)).sum::<f32>().sqrt();
        let d = norm(a) * norm(b);
        if d > 0.0 {
            dot / d
        } else {
            0.0
        }
    }

    /// Heap bytes held by the index, for the memory budget.
    pub fn heap_bytes(&self) -> usize {
        let names: usize = self.names.iter().map(|n| n.len() + 16).sum();
        // Each map entry: key box, id, and the hash table's control byte.
        let ids = self.ids.capacity() * (16 + 4 + 1) + names;
        let postings: usize = self.postings.iter().map(|p| 24 + p.capacity() * 4).sum();
        let passages: usize = self
            .passages
            .iter()
            .map(|p| std::mem::size_of::<IndexedPassage>() + p.terms.len())
            .sum();
        ids + names + postings + passages
    }

    /// Every live passage in id order, for serialization.
    pub fn live_iter(&self) -> impl Iterator<Item = (u32, &IndexedPassage)> {
        self.passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.article != REMOVED)
            .map(|(i, p)| (i as u32, p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_and_remove_keep_postings_exact() {
        // Terms "باغوز" (Baghuz), "مدن" (civilian stem), "#1500".
        let mut ix = Index::default();
        let t: Vec<u32> = ["باغوز", "مدن", "#1500"]
            .iter()
            .map(|s| ix.intern(s))
            .collect();
        let a = ix.add_passage(0, 0, vec![t[0], t[1]]);
        let b = ix.add_passage(1, 0, vec![t[0], t[2]]);
        assert_eq!(ix.postings(t[0]), [a, b]);
        assert_eq!(ix.live_passages(), 2);
        assert!(ix.idf_of(t[1]) > ix.idf_of(t[0]), "rarer weighs more");
        ix.remove_passage(a);
        ix.remove_passage(a);
        assert_eq!(ix.postings(t[0]), [b]);
        assert!(ix.postings(t[1]).is_empty());
        assert!(ix.passage(a).is_none());
        assert_eq!(ix.live_passages(), 1);
        assert_eq!(ix.lookup("مدن"), Some(t[1]));
        assert_eq!(ix.name(t[2]), "#1500");
        assert_eq!(ix.name(999), "");
    }
}
