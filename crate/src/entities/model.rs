//! Entities, the sequence model: an averaged perceptron over hashed
//! features (see [`super::features`]), decoded exactly ([`viterbi`]) with
//! the previous tag as a feature and BIO transitions enforced. Input: the
//! folded words of one sentence. Output: one BIO tag per word over PER, LOC
//! and ORG.
//!
//! The weights are `crate/data/ner/model.bin`, written by
//! `tabayyun train-ner` (see [`super::train`]). Format, little-endian:
//! the magic `TBYNER01`, `u32` table bits `b`, `u32` row count `n`, then `n`
//! rows, each a LEB128 varint of the gap from the previous row's bucket
//! (the first from 0) followed by [`TAGS`] `i16` weights. Buckets not listed
//! weigh zero. A feature hash `h` lands in bucket `h >> (64 - b)`.
//!
//! Invariants: a corrupt or missing weight file gives a model that tags
//! every word O (recognition then rests on the gazetteer) rather than a
//! panic; decoding never emits I-X after anything but B-X or I-X.

use super::features::{
    context_features, gaz_index, gaz_window, gazetteer_tags_of, gazetteer_window_features,
    marked_features, neighbour_features, tag_features, GazTag, WordHashes, GAZ_VALUES, NO_TRIGGER,
};
use super::gazetteer::{Match, GAZETTEER};
use std::sync::{LazyLock, OnceLock};

/// The tags, in weight-column order: O, B-PER, I-PER, B-LOC, I-LOC, B-ORG,
/// I-ORG.
pub const TAGS: usize = 7;

/// Tag names in column order.
pub const TAG_NAMES: [&str; TAGS] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];

/// The magic bytes that open a weight file.
pub const MAGIC: &[u8; 8] = b"TBYNER01";

/// Whether tag `next` may follow tag `prev` in BIO.
///
/// ```
/// use tabayyun::entities::model::allowed;
/// assert!(allowed(1, 2)); // B-PER → I-PER
/// assert!(!allowed(0, 2)); // O → I-PER
/// assert!(!allowed(3, 2)); // B-LOC → I-PER
/// ```
pub fn allowed(prev: u8, next: u8) -> bool {
    // I tags are even and non-zero; their B is one less.
    next == 0 || !next.is_multiple_of(2) || prev == next || prev + 1 == next
}

/// Weight rows and score rows have a column after the [`TAGS`], always
/// 0: eight columns add as two vectors of four (wasm simd128, SSE2)
/// instead of seven numbers one by one.
const LANES: usize = 8;

/// Summed weights by tag, in [`LANES`] columns.
type Scores = [i32; LANES];

/// The first [`TAGS`] columns of a row.
fn tags_of<T: Copy>(row: &[T; LANES]) -> [T; TAGS] {
    std::array::from_fn(|t| row[t])
}

/// Dense weights: `2^bits` rows of [`TAGS`] columns (and the padding of
/// [`LANES`]).
pub struct Model {
    bits: u32,
    weights: Vec<[i16; LANES]>,
    /// The scores of the sentence edges, "<s>" and "</s>".
    edges: OnceLock<(Scored, Scored)>,
    /// The weights of the tag-only features, by the two previous tags.
    transitions: OnceLock<Transitions>,
    /// The weights of [`gazetteer_window_features`] by the three tags'
    /// [`gaz_index`]es (`[previous][word][next]`): they depend on nothing
    /// else, so every window is scored once per model.
    gaz_windows: OnceLock<Box<GazWindows>>,
}

/// Summed weights by the gazetteer tags of a word and its neighbours.
type GazWindows = [[[Scores; 8]; 8]; 8];

/// A word's hashes and the summed weights of the features it determines
/// alone (as the word, and as each neighbour): the part of decoding that
/// [`super::lexicon`] keeps per distinct word.
#[derive(Debug, Clone, Copy)]
pub struct Scored {
    pub(super) hashes: WordHashes,
    /// The features of the word on its own, with the document-context
    /// features of the first pass (which has no context, so they depend on
    /// the word alone). The second pass, used only to score corpora
    /// (`ner-conll`), sums the word's own features again rather than keep
    /// them in every record.
    own_first_pass: Scores,
    /// The [`marked_features`] of the word after a word that is no
    /// trigger, outside the gazetteer's names: most words, most of the
    /// time.
    unmarked: Scores,
    left1: Scores,
    left2: Scores,
    right1: Scores,
    right2: Scores,
    /// The weights of the tag features at this word, by the previous tag
    /// (`[prev][tag]`): the tag-only one plus the word's own, added once
    /// here rather than at every occurrence.
    steps: [[i32; TAGS]; TAGS],
}

/// Adds `b` into `a`.
fn add_into(a: &mut Scores, b: &Scores) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn read_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

impl Model {
    /// A model whose every weight is zero: it tags everything O.
    pub fn empty(bits: u32) -> Model {
        Model::from_weights(bits, vec![[0; TAGS]; 1 << bits])
    }

    /// Reads a weight file (format in the module doc).
    ///
    /// ```
    /// use tabayyun::entities::model::Model;
    /// assert!(Model::from_bytes(b"not a model").is_none());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let bits = read_u32(bytes, 8)?;
        if !(8..=24).contains(&bits) {
            return None;
        }
        let rows = read_u32(bytes, 12)? as usize;
        let mut weights = vec![[0; LANES]; 1 << bits];
        let mut at = 16;
        let mut bucket: u64 = 0;
        for _ in 0..rows {
            bucket = bucket.checked_add(read_varint(bytes, &mut at)?)?;
            let row = weights.get_mut(usize::try_from(bucket).ok()?)?;
            for w in row.iter_mut().take(TAGS) {
                let b = bytes.get(at..at + 2)?;
                *w = i16::from_le_bytes([b[0], b[1]]);
                at += 2;
            }
        }
        Some(Model::from_rows(bits, weights))
    }

    /// Writes the weight file of a quantized table (rows that are all zero
    /// are left out).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows = Vec::new();
        let mut last = 0usize;
        let mut count = 0u32;
        for (bucket, row) in self.weights.iter().enumerate() {
            if row.iter().all(|&w| w == 0) {
                continue;
            }
            let mut gap = (bucket - last) as u64;
            loop {
                let b = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    rows.push(b);
                    break;
                }
                rows.push(b | 0x80);
            }
            for w in row.iter().take(TAGS) {
                rows.extend_from_slice(&w.to_le_bytes());
            }
            last = bucket;
            count += 1;
        }
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&rows);
        out
    }

    /// Builds a model from trained weights.
    pub fn from_weights(bits: u32, weights: Vec<[i16; TAGS]>) -> Model {
        let rows = weights
            .iter()
            .map(|w| std::array::from_fn(|t| w.get(t).copied().unwrap_or(0)))
            .collect();
        Model::from_rows(bits, rows)
    }

    /// A model from rows already padded to [`LANES`].
    fn from_rows(bits: u32, weights: Vec<[i16; LANES]>) -> Model {
        Model {
            bits,
            weights,
            edges: OnceLock::new(),
            transitions: OnceLock::new(),
            gaz_windows: OnceLock::new(),
        }
    }

    /// The bucket of a feature hash.
    pub fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    fn add(&self, scores: &mut Scores, h: u64) {
        if let Some(row) = self.weights.get(self.bucket(h)) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
    }

    /// Tags a sentence of folded words.
    ///
    /// ```
    /// use tabayyun::entities::model::{MODEL, TAG_NAMES};
    /// let tags = MODEL.tag(&["وصل", "الي", "دمشق"]);
    /// assert_eq!(TAG_NAMES[tags[2] as usize], "B-LOC");
    /// ```
    pub fn tag(&self, words: &[&str]) -> Vec<u8> {
        self.tag_with(words, &GAZETTEER.find(words))
    }

    /// [`Model::tag`] given the sentence's gazetteer matches.
    pub fn tag_with(&self, words: &[&str], matches: &[Match]) -> Vec<u8> {
        self.tag_in_context(words, matches, None)
    }

    /// [`Model::tag_with`] in the second pass, given each word's
    /// [`context_masks`](super::features::context_masks).
    pub fn tag_in_context(
        &self,
        words: &[&str],
        matches: &[Match],
        context: Option<&[u8]>,
    ) -> Vec<u8> {
        let scored: Vec<Scored> = words
            .iter()
            .map(|w| self.score(WordHashes::of(w)))
            .collect();
        let refs: Vec<&Scored> = scored.iter().collect();
        self.decode(&refs, &gazetteer_tags_of(words.len(), matches), context)
    }

    /// Tags the sentences of one document in two passes: the first alone,
    /// the second with what the first said of each word in the sentences
    /// at most `window` away ([`context_masks`](super::features::context_masks)).
    pub fn tag_document(&self, sentences: &[Vec<&str>], window: usize) -> Vec<Vec<u8>> {
        let matches: Vec<Vec<Match>> = sentences.iter().map(|s| GAZETTEER.find(s)).collect();
        let first: Vec<Vec<u8>> = sentences
            .iter()
            .zip(&matches)
            .map(|(s, m)| self.tag_with(s, m))
            .collect();
        let masks = super::features::context_masks(sentences, &first, window);
        sentences
            .iter()
            .zip(&matches)
            .zip(&masks)
            .map(|((s, m), c)| self.tag_in_context(s, m, Some(c)))
            .collect()
    }

    /// Tags a sentence given its words' [`Model::score`]s, gazetteer tags
    /// and, in the second pass, context masks.
    pub(super) fn decode(
        &self,
        scored: &[&Scored],
        gaz: &[GazTag],
        context: Option<&[u8]>,
    ) -> Vec<u8> {
        let emit = self.emissions(scored, gaz, context);
        let trans = self.transitions();
        best_path(&emit, |i| scored.get(i).map_or(trans, |w| &w.steps))
    }

    /// The summed weights of every static feature of each word of a
    /// sentence, by tag: those of [`sentence_features_with`](super::features::sentence_features_with),
    /// gathered from the word records and small tables instead of hashed
    /// one by one.
    fn emissions(&self, scored: &[&Scored], gaz: &[GazTag], context: Option<&[u8]>) -> Vec<Scores> {
        // Every sentence has both edges: they are scored once per model.
        let (start, end) = self.edges.get_or_init(|| {
            (
                self.score(WordHashes::boundary("<s>")),
                self.score(WordHashes::boundary("</s>")),
            )
        });
        let at = |j: isize| -> &Scored {
            match usize::try_from(j) {
                Ok(j) => scored.get(j).copied().unwrap_or(end),
                Err(_) => start,
            }
        };
        let windows = self.gaz_windows();
        scored
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let k = i as isize;
                let (p1, n1) = (at(k - 1), at(k + 1));
                let mut scores = match context {
                    None => w.own_first_pass,
                    Some(m) => {
                        let mut s = self.sum(&w.hashes.own());
                        let ctx = Some(m.get(i).copied().unwrap_or(0));
                        for h in context_features(ctx, &w.hashes) {
                            self.add(&mut s, h);
                        }
                        s
                    }
                };
                add_into(&mut scores, &p1.left1);
                add_into(&mut scores, &at(k - 2).left2);
                add_into(&mut scores, &n1.right1);
                add_into(&mut scores, &at(k + 2).right2);
                for h in neighbour_features(&p1.hashes, &w.hashes, &n1.hashes) {
                    self.add(&mut scores, h);
                }
                let [gp, gw, gn] = gaz_window(gaz, i).map(gaz_index);
                if let Some(row) = windows.get(gp).and_then(|r| r.get(gw)?.get(gn)) {
                    add_into(&mut scores, row);
                }
                let own_gaz = gaz.get(i).copied();
                if p1.hashes.trigger == NO_TRIGGER && own_gaz == Some(GazTag::Out) {
                    add_into(&mut scores, &w.unmarked);
                } else {
                    for h in marked_features(p1.hashes.trigger, &w.hashes, own_gaz) {
                        self.add(&mut scores, h);
                    }
                }
                scores
            })
            .collect()
    }

    /// The tag features that depend on the tags alone, scored once per
    /// model.
    fn transitions(&self) -> &Transitions {
        self.transitions.get_or_init(|| {
            std::array::from_fn(|p| tags_of(&self.sum(&[tag_features(p as u8, 0)[0]])))
        })
    }

    /// The summed weights of every gazetteer window, scored once per model.
    fn gaz_windows(&self) -> &GazWindows {
        self.gaz_windows.get_or_init(|| {
            Box::new(std::array::from_fn(|p| {
                std::array::from_fn(|w| {
                    std::array::from_fn(|n| {
                        self.sum(&gazetteer_window_features([
                            GAZ_VALUES[p],
                            GAZ_VALUES[w],
                            GAZ_VALUES[n],
                        ]))
                    })
                })
            }))
        })
    }

    fn sum(&self, ids: &[u64]) -> Scores {
        let mut s = [0; LANES];
        for &h in ids {
            self.add(&mut s, h);
        }
        s
    }

    /// A word's hashes with the summed weights of its word-only features.
    pub(super) fn score(&self, hashes: WordHashes) -> Scored {
        let own = self.sum(&hashes.own());
        let mut own_first_pass = own;
        add_into(
            &mut own_first_pass,
            &self.sum(&context_features(None, &hashes)),
        );
        Scored {
            own_first_pass,
            unmarked: self.sum(&marked_features(NO_TRIGGER, &hashes, Some(GazTag::Out))),
            left1: self.sum(&hashes.as_left1()),
            left2: self.sum(&hashes.as_left2()),
            right1: self.sum(&hashes.as_right1()),
            right2: self.sum(&hashes.as_right2()),
            steps: add_rows(
                self.transitions(),
                &std::array::from_fn(|p| {
                    tags_of(&self.sum(&[tag_features(p as u8, hashes.word)[1]]))
                }),
            ),
            hashes,
        }
    }
}

/// The weights of the tag-only feature: `[prev][tag]`.
pub type Transitions = [[i32; TAGS]; TAGS];

/// `a + b`, row by row.
fn add_rows(a: &Transitions, b: &Transitions) -> Transitions {
    std::array::from_fn(|p| std::array::from_fn(|t| a[p][t] + b[p][t]))
}

/// The tags each tag may follow under [`allowed`], as a range of columns
/// `from..to`: any tag before O or a B tag; before I-X only B-X and I-X,
/// which are adjacent columns.
const FROM: [(usize, usize); TAGS] = [(0, 7), (0, 7), (1, 3), (0, 7), (3, 5), (0, 7), (5, 7)];

/// The best tag sequence under BIO: `emit[i]` scores each tag of word `i`
/// alone, `trans[prev]` each tag after the one before it (O before the
/// sentence), `after(i)[prev]` each tag of word `i` after `prev`. Viterbi,
/// exact; ties go to the lower tag, so O wins a tie.
///
/// ```
/// use tabayyun::entities::model::viterbi;
/// // Word 1 prefers I-PER (2) but may only take it after B-PER (1); the
/// // path O, I-PER is not allowed, so B-PER, I-PER wins over O, O.
/// let emit = [[3, 2, 0, 0, 0, 0, 0], [0, 0, 5, 0, 0, 0, 0]];
/// let zero = [[0; 7]; 7];
/// assert_eq!(viterbi(&emit, &zero, |_| &zero), [1, 2]);
/// ```
pub fn viterbi<'a>(
    emit: &[[i32; TAGS]],
    trans: &Transitions,
    after: impl Fn(usize) -> &'a [[i32; TAGS]; TAGS],
) -> Vec<u8> {
    let steps: Vec<Transitions> = (0..emit.len()).map(|i| add_rows(trans, after(i))).collect();
    best_path(emit, |i| steps.get(i).unwrap_or(trans))
}

/// [`viterbi`] with the tag features of each word already summed:
/// `steps(i)[prev][tag]`.
fn best_path<'a, const W: usize>(
    emit: &[[i32; W]],
    steps: impl Fn(usize) -> &'a Transitions,
) -> Vec<u8> {
    // Far below any real path's score (at most a few million per word),
    // far enough above i64::MIN that adding weights never wraps.
    const NONE: i64 = i64::MIN / 4;
    // best[t]: the best score of a path ending in t; before the sentence,
    // the tag is O, so the other tags start out of reach. A tag out of
    // reach needs no test: its score stays near NONE, below every real
    // path, and only I tags of the first word are out of reach (B-X is
    // always reachable from O, I-X from B-X), so the path found is the
    // best real one.
    let mut best = [NONE; TAGS];
    best[0] = 0;
    let mut back: Vec<[u8; TAGS]> = Vec::with_capacity(emit.len());
    for (i, e) in emit.iter().enumerate() {
        let rows = steps(i);
        let mut next = [i64::MIN; TAGS];
        let mut from = [0u8; TAGS];
        for (t, &(lo, hi)) in FROM.iter().enumerate() {
            // In ascending order, and only a strictly better score moves
            // the choice: ties go to the lower tag.
            for p in lo..hi {
                let v = best[p] + i64::from(rows[p][t]);
                if v > next[t] {
                    (next[t], from[t]) = (v, p as u8);
                }
            }
            next[t] += i64::from(e[t]);
        }
        best = next;
        back.push(from);
    }
    let Some(last) = back.len().checked_sub(1) else {
        return Vec::new();
    };
    let mut t = 0usize;
    for (k, &v) in best.iter().enumerate() {
        if v > best[t] {
            t = k;
        }
    }
    let mut out = vec![0u8; back.len()];
    for i in (0..=last).rev() {
        out[i] = t as u8;
        t = usize::from(back[i][t]);
    }
    out
}

/// The shipped model.
pub static MODEL: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../data/ner/model.bin")).unwrap_or_else(|| Model::empty(8))
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip() {
        let mut weights = vec![[0i16; TAGS]; 1 << 8];
        weights[3] = [1, -2, 3, -4, 5, -6, 7];
        weights[200] = [i16::MAX, i16::MIN, 0, 0, 0, 0, 1];
        let m = Model::from_weights(8, weights.clone());
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        let back_rows: Vec<[i16; TAGS]> = back.weights.iter().map(tags_of).collect();
        assert_eq!(back_rows, weights);
        // Truncated files are rejected, not read past their end.
        let bytes = m.to_bytes();
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_none());
    }

    #[test]
    fn shipped_model_loads() {
        let m = Model::from_bytes(include_bytes!("../../data/ner/model.bin"));
        assert!(m.is_some_and(|m| m.weights.iter().any(|r| r.iter().any(|&w| w != 0))));
    }

    #[test]
    fn from_ranges_are_the_allowed_transitions() {
        for (t, (&(lo, hi), next)) in FROM.iter().zip(TAG_NAMES).enumerate() {
            for (p, prev) in TAG_NAMES.iter().enumerate() {
                assert_eq!(
                    (lo..hi).contains(&p),
                    allowed(p as u8, t as u8),
                    "{prev} → {next}"
                );
            }
        }
    }

    /// Each word's static features hashed and summed one by one, as the
    /// trainer sees them.
    fn reference_emissions(words: &[&str], context: Option<&[u8]>) -> Vec<Scores> {
        let f =
            super::super::features::sentence_features_with(words, &GAZETTEER.find(words), context);
        (0..words.len()).map(|i| MODEL.sum(f.of(i))).collect()
    }

    #[test]
    fn emissions_are_the_summed_features() {
        let sentences = [
            // "The official spokesman of the Syrian Democratic Forces,
            // Mustafa Bali, said": a trigger, a known name, an unseen one.
            "وقال المتحدث الرسمي باسم قوات سوريا الديمقراطية مصطفى بالي",
            // "in the town of Tal Hamid in the countryside of Deir ez-Zor"
            "في بلدة تل حميد بريف دير الزور .",
            // "Damascus University announced": a place inside an organisation.
            "أعلنت جامعة دمشق",
            "2015 ، CNN",
            "قال",
        ];
        for text in sentences {
            let folded: Vec<String> = text.split(' ').map(crate::normalize::normalize).collect();
            let words: Vec<&str> = folded.iter().map(String::as_str).collect();
            let scored: Vec<Scored> = words
                .iter()
                .map(|w| MODEL.score(WordHashes::of(w)))
                .collect();
            let refs: Vec<&Scored> = scored.iter().collect();
            let gaz = gazetteer_tags_of(words.len(), &GAZETTEER.find(&words));
            let masks: Vec<u8> = (0..words.len()).map(|i| (i % 8) as u8).collect();
            for context in [None, Some(masks.as_slice())] {
                assert_eq!(
                    MODEL.emissions(&refs, &gaz, context),
                    reference_emissions(&words, context),
                    "{text} ({context:?})"
                );
            }
        }
    }

    #[test]
    fn gazetteer_windows_are_indexed_by_their_values() {
        for (i, &g) in GAZ_VALUES.iter().enumerate() {
            assert_eq!(gaz_index(g), i, "{g:?}");
        }
    }

    #[test]
    fn decoding_keeps_bio() {
        let words = ["قال", "المتحدث", "باسم", "قوات", "سوريا", "الديمقراطيه"];
        let tags = MODEL.tag(&words);
        for pair in tags.windows(2) {
            assert!(allowed(pair[0], pair[1]), "{tags:?}");
        }
        if let Some(&first) = tags.first() {
            assert!(allowed(0, first));
        }
    }
}
