//! Entities, word clusters: a hierarchy of classes of folded words learned
//! from unlabelled news, so the sequence model can generalise from the
//! names it was trained on to names that appear in the same contexts
//! ("لاعب" before a footballer, "قال" after a minister). Input: a folded
//! word. Output: its class path, [`BITS`] bits whose prefixes are coarser
//! classes (the first 4 bits split the vocabulary in 16, each further 2
//! bits split a class in 4).
//!
//! The table is `crate/data/ner/clusters.txt`, written by
//! `tabayyun build-clusters` (see [`build`]) from SaudiNewsNet: one line per
//! class, its path in binary, a tab, then its words separated by spaces;
//! `#` lines are comments. The words are written folded (they come out of
//! [`crate::tokenize`]), so they are looked up as they stand; a test checks
//! that each survives [`normalize`] unchanged.
//!
//! Invariants: a word missing from the table has no class (the features
//! then say so); a malformed line is skipped, never a panic; building is
//! deterministic, so a rerun on the same articles writes the same file.

#[cfg(any(test, feature = "cli"))]
use super::features::WordMap;
use crate::fasthash::InlineWordMap;
#[cfg(any(test, feature = "cli"))]
use crate::normalize::normalize;
use std::sync::LazyLock;

/// The length of a class path in bits.
pub const BITS: u32 = 12;

const TABLE: &str = include_str!("../../data/ner/clusters.txt");

/// The shipped table: folded word → class path (keys inline: every new
/// word of a text is looked up).
static CLUSTERS: LazyLock<InlineWordMap<u16>> = LazyLock::new(|| parse(TABLE));

fn parse(text: &str) -> InlineWordMap<u16> {
    let mut map = InlineWordMap::default();
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((path, words)) = line.split_once('\t') else {
            continue;
        };
        let Ok(id) = u16::from_str_radix(path, 2) else {
            continue;
        };
        for w in words.split(' ').filter(|w| !w.is_empty()) {
            map.insert(w.into(), id);
        }
    }
    map
}

/// The class path of a folded word, if the news it was learned from has it.
///
/// ```
/// use tabayyun::entities::clusters::cluster;
/// assert!(cluster("الرياض").is_some());
/// assert!(cluster("zzqx").is_none());
/// ```
pub fn cluster(word: &str) -> Option<u16> {
    CLUSTERS.get(word).copied()
}

/// Every word of the table with its class path.
pub fn words() -> impl Iterator<Item = (&'static str, u16)> {
    CLUSTERS.iter().map(|(w, &p)| (w.as_str(), p))
}

/// The first `bits` bits of a class path.
///
/// ```
/// use tabayyun::entities::clusters::prefix;
/// assert_eq!(prefix(0b1011_0000_0001, 4), 0b1011);
/// ```
pub fn prefix(path: u16, bits: u32) -> u16 {
    path >> (BITS - bits.min(BITS))
}

/// How `build` splits: the first level makes 16 classes, each further
/// level splits every class in 4 (4 + 2 + 2 + 2 + 2 = [`BITS`] bits).
#[cfg(feature = "cli")]
const LEVELS: [(usize, u32); 5] = [(16, 4), (4, 2), (4, 2), (4, 2), (4, 2)];

/// Context words: the most frequent ones keep their own id, the rest
/// share one (their counts are too thin to tell classes apart).
#[cfg(feature = "cli")]
const CONTEXTS: usize = 20_000;

/// `x ln x`, the term of the class model's log-likelihood.
#[cfg(feature = "cli")]
fn xlogx(x: u64) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// One side of the class bigram model: how often each context word follows
/// (or precedes) each class, and each class's total.
#[cfg(feature = "cli")]
struct Side {
    /// Per clustered word: (context id, count) of its neighbours on this side.
    pairs: Vec<Vec<(u32, u32)>>,
    /// Per clustered word: the sum of its pair counts.
    totals: Vec<u64>,
    /// (context id, class) → count.
    by_class: std::collections::HashMap<u64, u64, crate::fasthash::FxBuild>,
    class_totals: Vec<u64>,
}

#[cfg(feature = "cli")]
impl Side {
    /// The table key of (context id, class), mixed bijectively: the
    /// word-at-a-time hasher keeps low bits as they are, and the raw
    /// class in the low bits would pile every key into a few buckets.
    fn key(v: u32, class: usize) -> u64 {
        let mut h = (u64::from(v) << 24) | class as u64;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }

    fn reset(&mut self, classes: usize, class_of: &[usize]) {
        self.by_class.clear();
        self.class_totals = vec![0; classes];
        for (w, &c) in class_of.iter().enumerate() {
            self.shift(w, c, true);
        }
    }

    /// Adds word `w` to class `c`, or takes it out.
    fn shift(&mut self, w: usize, c: usize, add: bool) {
        for &(v, n) in &self.pairs[w] {
            let e = self.by_class.entry(Side::key(v, c)).or_insert(0);
            if add {
                *e += u64::from(n);
            } else {
                *e -= u64::from(n);
            }
        }
        if add {
            self.class_totals[c] += self.totals[w];
        } else {
            self.class_totals[c] -= self.totals[w];
        }
    }

    /// The log-likelihood gained by putting word `w` (taken out) in `c`.
    fn gain(&self, w: usize, c: usize) -> f64 {
        let mut g = 0.0;
        for &(v, n) in &self.pairs[w] {
            let old = self.by_class.get(&Side::key(v, c)).copied().unwrap_or(0);
            g += xlogx(old + u64::from(n)) - xlogx(old);
        }
        let old = self.class_totals[c];
        g - (xlogx(old + self.totals[w]) - xlogx(old))
    }
}

/// Learns the class table from texts and returns it in the file format.
///
/// The method is the exchange algorithm (Kneser and Ney 1993, in the
/// predictive form of Uszkoreit and Brants 2008) on both sides at once:
/// classes maximise the likelihood of each word's right neighbours given
/// its class and of its left neighbours given its class. It runs top down:
/// 16 classes first, then each class is split in 4 by exchanges among its
/// own children only, so each level refines the one above and class paths
/// share prefixes. Words seen fewer than `min_count` times are not
/// clustered; numbers count as one context word and punctuation as itself.
#[cfg(feature = "cli")]
pub fn build(texts: &[String], min_count: u32, rounds: usize) -> String {
    use crate::tokenize::{tokenize, TokenKind};
    let mut ids: WordMap<u32> = WordMap::default();
    let mut counts: Vec<u32> = Vec::new();
    let mut docs: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
    for text in texts {
        let doc = tokenize(text)
            .into_iter()
            .map(|t| {
                let key = if t.kind == TokenKind::Number {
                    "0"
                } else {
                    t.norm.as_str()
                };
                let id = match ids.get(key) {
                    Some(&id) => id,
                    None => {
                        let id = counts.len() as u32;
                        ids.insert(key.to_string(), id);
                        counts.push(0);
                        id
                    }
                };
                counts[id as usize] += 1;
                id
            })
            .collect();
        docs.push(doc);
    }
    let mut names: Vec<&str> = vec![""; counts.len()];
    for (w, &id) in &ids {
        names[id as usize] = w.as_str();
    }
    // Rank by count (ties by the word, for a deterministic order).
    let mut by_rank: Vec<u32> = (0..counts.len() as u32).collect();
    by_rank.sort_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then_with(|| names[a as usize].cmp(names[b as usize]))
    });
    let mut context = vec![CONTEXTS as u32; counts.len()];
    for (r, &id) in by_rank.iter().take(CONTEXTS).enumerate() {
        context[id as usize] = r as u32;
    }
    let clustered: Vec<u32> = by_rank
        .iter()
        .copied()
        .filter(|&id| {
            let w = names[id as usize];
            counts[id as usize] >= min_count && w.chars().all(char::is_alphabetic)
        })
        .collect();
    let mut slot = vec![u32::MAX; counts.len()];
    for (k, &id) in clustered.iter().enumerate() {
        slot[id as usize] = k as u32;
    }
    let mut pairs_r: Vec<std::collections::HashMap<u32, u32, crate::fasthash::FxBuild>> =
        vec![Default::default(); clustered.len()];
    let mut pairs_l = pairs_r.clone();
    for doc in &docs {
        for pair in doc.windows(2) {
            let (a, b) = (pair[0] as usize, pair[1] as usize);
            if slot[a] != u32::MAX {
                *pairs_r[slot[a] as usize].entry(context[b]).or_insert(0) += 1;
            }
            if slot[b] != u32::MAX {
                *pairs_l[slot[b] as usize].entry(context[a]).or_insert(0) += 1;
            }
        }
    }
    let side = |pairs: Vec<std::collections::HashMap<u32, u32, crate::fasthash::FxBuild>>| {
        let pairs: Vec<Vec<(u32, u32)>> = pairs
            .into_iter()
            .map(|m| {
                let mut v: Vec<(u32, u32)> = m.into_iter().collect();
                v.sort_unstable();
                v
            })
            .collect();
        Side {
            totals: pairs
                .iter()
                .map(|p| p.iter().map(|&(_, n)| u64::from(n)).sum())
                .collect(),
            pairs,
            by_class: Default::default(),
            class_totals: Vec::new(),
        }
    };
    let mut sides = [side(pairs_r), side(pairs_l)];
    // Class ids at the current level; a child of class p is p * split + k.
    let mut class_of = vec![0usize; clustered.len()];
    let mut classes = 1usize;
    for (split, _) in LEVELS {
        // Children start round-robin by frequency within their parent.
        let mut seen = vec![0usize; classes];
        for c in class_of.iter_mut() {
            let k = seen[*c] % split;
            seen[*c] += 1;
            *c = *c * split + k;
        }
        classes *= split;
        for s in sides.iter_mut() {
            s.reset(classes, &class_of);
        }
        for round in 0..rounds {
            let mut moved = 0usize;
            for (w, class) in class_of.iter_mut().enumerate() {
                let from = *class;
                let first = from - from % split;
                for s in sides.iter_mut() {
                    s.shift(w, from, false);
                }
                let mut best = (from, f64::MIN);
                for c in first..first + split {
                    let g: f64 = sides.iter().map(|s| s.gain(w, c)).sum();
                    if g > best.1 + 1e-9 || (c == from && g >= best.1 - 1e-9) {
                        best = (c, g);
                    }
                }
                for s in sides.iter_mut() {
                    s.shift(w, best.0, true);
                }
                if best.0 != from {
                    moved += 1;
                    *class = best.0;
                }
            }
            eprintln!(
                "{classes} classes, round {}: {moved} of {} words moved",
                round + 1,
                class_of.len()
            );
            if moved * 1000 < class_of.len() {
                break;
            }
        }
    }
    let mut members: Vec<Vec<&str>> = vec![Vec::new(); classes];
    for (k, &id) in clustered.iter().enumerate() {
        let w = names[id as usize];
        // Only words that the lookups will meet as they are.
        if normalize(w) == w {
            members[class_of[k]].push(w);
        }
    }
    let mut out = format!(
        "# Word classes for the entity model, {} words seen at least {min_count} times.\n\
         # Written by `tabayyun build-clusters` (see crate/src/entities/clusters.rs); do not edit.\n",
        members.iter().map(Vec::len).sum::<usize>()
    );
    for (c, words) in members.iter_mut().enumerate() {
        if words.is_empty() {
            continue;
        }
        words.sort_unstable();
        out.push_str(&format!(
            "{c:0width$b}\t{}\n",
            words.join(" "),
            width = BITS as usize
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_words_are_folded_and_unique() {
        let mut seen = WordMap::default();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let (path, words) = line.split_once('\t').expect("path<TAB>words");
            assert_eq!(path.len(), BITS as usize, "{path}");
            for w in words.split(' ') {
                assert_eq!(normalize(w), w, "not folded: {w}");
                assert!(seen.insert(w.to_string(), ()).is_none(), "twice: {w}");
            }
        }
        assert!(seen.len() > 10_000);
    }

    #[test]
    fn malformed_lines_are_skipped() {
        // "Riyadh" under a good path; a line with no tab and a bad path.
        let m = parse("# c\n000000000001\tالرياض\nبلا مسار\n0x1\tجده\n");
        assert_eq!(m.len(), 1);
        assert_eq!(m.get("الرياض"), Some(&1));
    }

    #[test]
    fn similar_words_share_coarse_classes() {
        // Capitals of the region ("Riyadh", "Cairo") fall together more
        // often than a capital and a verb of saying ("he said").
        let (riyadh, cairo, said) = (
            cluster("الرياض").expect("الرياض"),
            cluster("القاهره").expect("القاهره"),
            cluster("قال").expect("قال"),
        );
        assert_eq!(prefix(riyadh, 4), prefix(cairo, 4));
        assert_ne!(prefix(riyadh, 4), prefix(said, 4));
    }
}
