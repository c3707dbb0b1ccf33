//! Entities, training (native only, never in the wasm). Input: CoNLL
//! corpora (`token TAG` per line, blank line between sentences): ANERcorp
//! (tags B-/I- PERS, LOC, ORG, MISC) and AQMAR (PER, LOC, ORG, MIS*).
//! Output: the averaged-perceptron weights in the format of
//! [`super::model`], and the development split's scores.
//!
//! Rerun with one command from the repository root (the defaults are the
//! shipped model's settings: 2^16 buckets, 12 epochs, ANERcorp only, a
//! second pass with a context of 10 sentences either side):
//! `cargo run --release --bin tabayyun -- train-ner --data ../shared/data/ner --out crate/data/ner/model.bin`.
//!
//! Invariants: the development split (the last tenth of ANERcorp's
//! sentences) is never trained on; MISC/MIS* become O (the product has no
//! such type); an I- tag after anything but its own type becomes B-;
//! training is deterministic (fixed shuffle seed), so a rerun rewrites the
//! same file.

use super::features::{context_masks, sentence_features_with, tag_features};
use super::gazetteer::GAZETTEER;
use super::model::{viterbi, Model, TAGS, TAG_NAMES};
use crate::normalize::normalize;
use crate::Error;
use std::path::Path;

/// One tagged sentence: words as written and tag indices ([`TAG_NAMES`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub words: Vec<String>,
    pub tags: Vec<u8>,
}

/// The tag index of a corpus tag, folding the corpora's type names onto
/// PER, LOC, ORG (anything else is O).
///
/// ```
/// use tabayyun::entities::train::tag_index;
/// assert_eq!(tag_index("B-PERS"), 1);
/// assert_eq!(tag_index("I-ORG"), 6);
/// assert_eq!(tag_index("B-MIS1"), 0);
/// ```
pub fn tag_index(tag: &str) -> u8 {
    let (bio, kind) = match tag.split_once('-') {
        Some((b @ ("B" | "I"), k)) => (b, k),
        _ => return 0,
    };
    let base = match kind {
        "PER" | "PERS" => 1,
        "LOC" => 3,
        "ORG" => 5,
        _ => return 0,
    };
    if bio == "B" {
        base
    } else {
        base + 1
    }
}

/// Parses CoNLL text into sentences; lines that are not `token TAG` are
/// skipped (AQMAR has a few), and broken I- tags are repaired to B-.
///
/// ```
/// use tabayyun::entities::train::parse_conll;
/// let s = parse_conll("قال O\nبالي B-PERS\n\nفي O\nI-LOC\n");
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[0].tags, [0, 1]);
/// ```
pub fn parse_conll(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let [word, tag] = cols[..] else { continue };
        let mut t = tag_index(tag);
        let prev = cur.tags.last().copied().unwrap_or(0);
        if t != 0 && t.is_multiple_of(2) && prev != t && prev + 1 != t {
            t -= 1;
        }
        cur.words.push(word.to_string());
        cur.tags.push(t);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// The corpora split: (train, dev). Dev is the last tenth of ANERcorp;
/// train is the rest, plus AQMAR when `with_aqmar` (off by default: that
/// Wikipedia corpus, with its own span conventions, lowered the news dev
/// F1 from 0.67 to 0.63; see BENCHMARKS.md).
pub fn load_split(dir: &Path, with_aqmar: bool) -> Result<(Vec<Sentence>, Vec<Sentence>), Error> {
    let read = |name: &str| {
        let p = dir.join(name);
        std::fs::read_to_string(&p)
            .map_err(|e| Error::InvalidInput(format!("{}: {e}", p.display())))
    };
    let mut anercorp = parse_conll(&read("anercorp-train.conll")?);
    let dev = anercorp.split_off(anercorp.len() - anercorp.len() / 10);
    let mut train = anercorp;
    if with_aqmar {
        train.extend(parse_conll(&read("aqmar.conll")?));
    }
    Ok((train, dev))
}

/// Per-type and overall entity-level scores (exact span and type, as
/// conlleval counts them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// (true positives, predicted, gold) for PER, LOC, ORG.
    pub by_type: [(usize, usize, usize); 3],
}

fn spans(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = t != 0 && t.is_multiple_of(2) && open.is_some_and(|(_, k)| k + 1 == t);
        if continues {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push((s, i, k));
        }
        if t != 0 {
            // A stray I- opens a mention, as conlleval reads it.
            open = Some((i, if t.is_multiple_of(2) { t - 1 } else { t }));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

impl SpanCounts {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let g = spans(gold);
        let p = spans(pred);
        for &(_, _, k) in &g {
            self.slot(k).2 += 1;
        }
        for span in &p {
            self.slot(span.2).1 += 1;
            if g.contains(span) {
                self.slot(span.2).0 += 1;
            }
        }
    }

    fn slot(&mut self, b_tag: u8) -> &mut (usize, usize, usize) {
        let i = usize::from(b_tag / 2).min(2);
        &mut self.by_type[i]
    }

    /// A printable report: one line per type and the micro average.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let mut all = (0, 0, 0);
        for (name, &(tp, pred, gold)) in ["PER", "LOC", "ORG"].iter().zip(&self.by_type) {
            let p = crate::eval::Prf::from_counts(tp, pred, tp, gold);
            out.push_str(&format!("  {name:<4} {p}  (gold {gold})\n"));
            all = (all.0 + tp, all.1 + pred, all.2 + gold);
        }
        let p = crate::eval::Prf::from_counts(all.0, all.1, all.0, all.2);
        out.push_str(&format!("  all  {p}  (gold {})\n", all.2));
        out
    }
}

/// Averaged-perceptron training state over a `2^bits` hashed table.
struct Trainer {
    bits: u32,
    weights: Vec<[i32; TAGS]>,
    totals: Vec<[i64; TAGS]>,
    stamps: Vec<[u32; TAGS]>,
    step: u32,
}

impl Trainer {
    fn bucket(&self, h: u64) -> usize {
        (h >> (64 - self.bits)) as usize
    }

    fn update(&mut self, b: usize, tag: usize, delta: i32) {
        let (Some(w), Some(t), Some(s)) = (
            self.weights.get_mut(b),
            self.totals.get_mut(b),
            self.stamps.get_mut(b),
        ) else {
            return;
        };
        t[tag] += i64::from(self.step - s[tag]) * i64::from(w[tag]);
        s[tag] = self.step;
        w[tag] += delta;
    }

    fn averaged(&mut self) -> Vec<[f64; TAGS]> {
        let step = self.step;
        (0..self.weights.len())
            .map(|b| {
                let mut row = [0f64; TAGS];
                for (t, r) in row.iter_mut().enumerate() {
                    let total = self.totals[b][t]
                        + i64::from(step - self.stamps[b][t]) * i64::from(self.weights[b][t]);
                    *r = total as f64 / f64::from(step.max(1));
                }
                row
            })
            .collect()
    }
}

/// The folded words of a sentence.
fn folded(s: &Sentence) -> Vec<String> {
    s.words.iter().map(|w| normalize(w)).collect()
}

/// Trains on `train` for `epochs` passes; returns the quantized model.
/// Weights whose magnitude is below `prune` of the largest become zero, to
/// keep the shipped file small. With a `window`, the model learns the
/// second pass too: each sentence is seen once as the first pass sees it
/// and once with the [`context_masks`] of first-pass tags that models
/// trained without it (on the other tenths of `train`) give, so that the
/// context is as reliable in training as on unseen text.
pub fn train(train: &[Sentence], bits: u32, epochs: usize, prune: f64, window: usize) -> Model {
    let mut items: Vec<(&Sentence, Option<Vec<u8>>)> = train.iter().map(|s| (s, None)).collect();
    if window > 0 {
        let tenth = train.len().div_ceil(10).max(1);
        let mut first: Vec<Vec<u8>> = Vec::with_capacity(train.len());
        for (k, part) in train.chunks(tenth).enumerate() {
            let rest: Vec<(&Sentence, Option<Vec<u8>>)> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i / tenth != k)
                .map(|(_, s)| (s, None))
                .collect();
            let model = train_items(&rest, bits, epochs, prune);
            for s in part {
                let words = folded(s);
                let refs: Vec<&str> = words.iter().map(String::as_str).collect();
                first.push(model.tag(&refs));
            }
        }
        let words: Vec<Vec<String>> = train.iter().map(folded).collect();
        let masks = context_masks(&words, &first, window);
        items.extend(train.iter().zip(masks).map(|(s, m)| (s, Some(m))));
    }
    train_items(&items, bits, epochs, prune)
}

/// [`train`] on sentences with their context masks (None in the first
/// pass).
fn train_items(
    train: &[(&Sentence, Option<Vec<u8>>)],
    bits: u32,
    epochs: usize,
    prune: f64,
) -> Model {
    let mut tr = Trainer {
        bits,
        weights: vec![[0; TAGS]; 1 << bits],
        totals: vec![[0; TAGS]; 1 << bits],
        stamps: vec![[0; TAGS]; 1 << bits],
        step: 0,
    };
    // Per sentence: word hashes, static feature buckets per word, gold tags.
    type Prepared<'a> = (Vec<u64>, Vec<Vec<usize>>, &'a [u8]);
    let prepared: Vec<Prepared> = train
        .iter()
        .map(|(s, context)| {
            let norms = folded(s);
            let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
            let f = sentence_features_with(&refs, &GAZETTEER.find(&refs), context.as_deref());
            let buckets = (0..refs.len())
                .map(|i| f.of(i).iter().map(|&h| tr.bucket(h)).collect())
                .collect();
            (f.words, buckets, s.tags.as_slice())
        })
        .collect();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for epoch in 0..epochs {
        // Fisher-Yates with a fixed xorshift seed: deterministic reruns.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        let mut tokens = 0usize;
        for &k in &order {
            let (word_hashes, feats, gold) = &prepared[k];
            tr.step += 1;
            let emit: Vec<[i32; TAGS]> = feats
                .iter()
                .map(|f| {
                    let mut scores = [0i32; TAGS];
                    for &b in f {
                        for (s, w) in scores.iter_mut().zip(&tr.weights[b]) {
                            *s += *w;
                        }
                    }
                    scores
                })
                .collect();
            let row = |h: u64| tr.weights[tr.bucket(h)];
            let trans: [[i32; TAGS]; TAGS] =
                std::array::from_fn(|p| row(tag_features(p as u8, 0)[0]));
            let after: Vec<[[i32; TAGS]; TAGS]> = word_hashes
                .iter()
                .map(|&w| std::array::from_fn(|p| row(tag_features(p as u8, w)[1])))
                .collect();
            const NO_WORD: [[i32; TAGS]; TAGS] = [[0; TAGS]; TAGS];
            let pred = viterbi(&emit, &trans, |i| after.get(i).unwrap_or(&NO_WORD));
            tokens += pred.len();
            if pred == **gold {
                continue;
            }
            // The structured perceptron's update: the gold path's features
            // up, the predicted path's down, where the two differ.
            let tag_at =
                |tags: &[u8], i: usize, back: usize| i.checked_sub(back).map_or(0, |j| tags[j]);
            for (i, f) in feats.iter().enumerate() {
                let g = (tag_at(gold, i, 0), tag_at(gold, i, 1));
                let p = (tag_at(&pred, i, 0), tag_at(&pred, i, 1));
                if g == p {
                    continue;
                }
                if g.0 != p.0 {
                    errors += 1;
                }
                for ((tag, prev), delta) in [(g, 1), (p, -1)] {
                    let tag_buckets = tag_features(prev, word_hashes[i]).map(|h| tr.bucket(h));
                    for &b in f.iter().chain(&tag_buckets) {
                        tr.update(b, usize::from(tag), delta);
                    }
                }
            }
        }
        eprintln!(
            "epoch {}: {errors} errors in {tokens} tokens ({:.2}%)",
            epoch + 1,
            100.0 * errors as f64 / tokens.max(1) as f64
        );
    }
    let avg = tr.averaged();
    let max = avg
        .iter()
        .flat_map(|r| r.iter())
        .fold(0f64, |m, &w| m.max(w.abs()));
    let scale = if max > 0.0 { 32767.0 / max } else { 0.0 };
    let cut = prune * max;
    let weights = avg
        .iter()
        .map(|row| {
            let mut q = [0i16; TAGS];
            for (o, &w) in q.iter_mut().zip(row) {
                if w.abs() >= cut {
                    *o = (w * scale).round() as i16;
                }
            }
            q
        })
        .collect();
    Model::from_weights(bits, weights)
}

/// What `tabayyun train-ner` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// Folder with `anercorp-train.conll` and `aqmar.conll`.
    pub data: std::path::PathBuf,
    /// Where the weight file goes.
    pub out: std::path::PathBuf,
    /// Hash table size, as a power of two.
    pub bits: u32,
    pub epochs: usize,
    /// Weights below this share of the largest are dropped.
    pub prune: f64,
    /// Train on AQMAR too.
    pub with_aqmar: bool,
    /// Sentences either side whose first-pass tags the second pass sees
    /// (0: one pass).
    pub window: usize,
    /// Where to write the dev split's `token gold predicted` lines, for
    /// error analysis (on a cross-validation fold of the train part; the
    /// real dev split is only ever read as an aggregate score).
    pub predictions: Option<std::path::PathBuf>,
}

/// Trains, writes the weights and returns a report: the data sizes, the
/// file size, and the model's own scores (without the gazetteer override
/// of `ner-conll`) on the development split.
pub fn run(options: &Options) -> Result<String, Error> {
    let (train_set, dev) = load_split(&options.data, options.with_aqmar)?;
    let model = train(
        &train_set,
        options.bits,
        options.epochs,
        options.prune,
        options.window,
    );
    let bytes = model.to_bytes();
    std::fs::write(&options.out, &bytes)
        .map_err(|e| Error::InvalidInput(format!("{}: {e}", options.out.display())))?;
    let mut counts = SpanCounts::default();
    let mut lines = String::new();
    let norms: Vec<Vec<String>> = dev.iter().map(folded).collect();
    let words: Vec<Vec<&str>> = norms
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    // The dev split has no document breaks: its sentences are read as one
    // stream, as `ner-conll` reads its input.
    let preds = if options.window > 0 {
        model.tag_document(&words, options.window)
    } else {
        words.iter().map(|w| model.tag(w)).collect()
    };
    for (s, pred) in dev.iter().zip(preds) {
        counts.add(&s.tags, &pred);
        for ((w, g), p) in s.words.iter().zip(tag_names(&s.tags)).zip(tag_names(&pred)) {
            lines.push_str(&format!("{w} {g} {p}\n"));
        }
        lines.push('\n');
    }
    if let Some(path) = &options.predictions {
        std::fs::write(path, lines)
            .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display())))?;
    }
    Ok(format!(
        "trained on {} sentences ({} tokens), {} epochs, 2^{} buckets; wrote {} ({} bytes)\n\
         model alone on the dev split ({} sentences):\n{}",
        train_set.len(),
        train_set.iter().map(|s| s.words.len()).sum::<usize>(),
        options.epochs,
        options.bits,
        options.out.display(),
        bytes.len(),
        dev.len(),
        counts.report()
    ))
}

/// The tag names of a sentence's tags, for printing.
pub fn tag_names(tags: &[u8]) -> Vec<&'static str> {
    tags.iter()
        .map(|&t| TAG_NAMES.get(usize::from(t)).copied().unwrap_or("O"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_repairs() {
        // "Mustafa Bali said in Baghuz" with a stray I-LOC after O.
        let s = parse_conll("قال O\nمصطفى B-PERS\nبالي I-PERS\nفي O\nباغوز I-LOC\nشيء B-MISC\n");
        assert_eq!(s[0].tags, [0, 1, 2, 0, 3, 0]);
    }

    #[test]
    fn span_counts() {
        let mut c = SpanCounts::default();
        // gold: PER [1,3), LOC [4,5); predicted: PER [1,2) (wrong span), LOC [4,5).
        c.add(&[0, 1, 2, 0, 3], &[0, 1, 0, 0, 3]);
        assert_eq!(c.by_type[0], (0, 1, 1));
        assert_eq!(c.by_type[1], (1, 1, 1));
    }

    #[test]
    fn learns_a_toy_corpus() {
        // "X said in Y": the model must learn that a word after "في" at
        // the end is a place and one before "قال" is a person.
        let mut data = Vec::new();
        for (p, l) in [("زيد", "حمص"), ("عمرو", "حلب"), ("سعاد", "درعا")] {
            data.push(Sentence {
                words: vec![p.into(), "قال".into(), "في".into(), l.into()],
                tags: vec![1, 0, 0, 3],
            });
        }
        let data: Vec<Sentence> = data.iter().cycle().take(15).cloned().collect();
        let m = train(&data, 12, 5, 0.0, 0);
        assert_eq!(m.tag(&["نزار", "قال", "في", "ادلب"]), [1, 0, 0, 3]);
        // With a second pass (its context from models trained on the
        // other tenths), both passes still tag the pattern.
        let m = train(&data, 12, 5, 0.0, 2);
        let doc = [
            vec!["نزار", "قال", "في", "ادلب"],
            vec!["منى", "قال", "في", "ادلب"],
        ];
        assert_eq!(m.tag_document(&doc, 2), [[1, 0, 0, 3], [1, 0, 0, 3]]);
    }
}
