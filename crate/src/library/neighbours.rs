//! Library, distributional neighbours: for the frequent content stems of
//! news, the few stems used in the same contexts ("تفجير" bombing and
//! "انفجار" explosion; "ضرائب" taxes and "ضريبة" a tax, which the light stem
//! keeps apart), so that two passages telling one fact or sub-topic in
//! other words can still meet. Input: a matching term (a light stem, see
//! [`super::terms::word_term`]). Output: its neighbours.
//!
//! The table is `crate/data/neighbours.tsv`, written by `tabayyun
//! build-neighbours` (see [`build`]) from SaudiNewsNet: one line per stem,
//! a tab, then its neighbours, best first; `#` lines are comments. The
//! relation is read symmetrically: a stem is related to its neighbours and
//! to the stems that list it.
//!
//! Invariants: a stem missing from the table has no neighbours; a stem is
//! never its own neighbour; a malformed line is skipped, never a panic;
//! building is deterministic, so a rerun on the same articles writes the
//! same file.

#[cfg(feature = "cli")]
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../data/neighbours.tsv");

/// The shipped table, closed under symmetry: (stem, neighbour) pairs,
/// sorted, so a stem's neighbours are one run found by binary search.
static NEIGHBOURS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| parse(TABLE));

fn parse(text: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((stem, rest)) = line.split_once('\t') else {
            continue;
        };
        for n in rest.split(' ').filter(|n| !n.is_empty() && *n != stem) {
            pairs.push((stem, n));
            pairs.push((n, stem));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The neighbours of a stem (either way), in byte order.
pub fn of(stem: &str) -> impl Iterator<Item = &'static str> + '_ {
    let list = &*NEIGHBOURS;
    let from = list.partition_point(|&(a, _)| a < stem);
    list.get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |&&(a, _)| a == stem)
        .map(|&(_, b)| b)
}

/// True when two stems are distributional neighbours (either way).
///
/// ```
/// use tabayyun::library::neighbours::related;
/// assert!(!related("zzqx", "zzqy"));
/// ```
pub fn related(a: &str, b: &str) -> bool {
    NEIGHBOURS.binary_search(&(a, b)).is_ok()
}

/// Parameters of [`build`].
#[cfg(feature = "cli")]
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Stems given neighbours: the most frequent ones.
    pub targets: usize,
    /// Stems seen fewer times are neither targets nor contexts.
    pub min_count: u32,
    /// Content words either side that count as a context.
    pub window: usize,
    /// Contexts kept per stem, the strongest by PPMI.
    pub features: usize,
    /// Neighbours kept per stem.
    pub keep: usize,
    /// Cosine from which two stems are neighbours.
    pub threshold: f32,
}

#[cfg(feature = "cli")]
impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            targets: 12_000,
            min_count: 30,
            window: 2,
            features: 300,
            keep: 3,
            threshold: 0.2,
        }
    }
}

/// Learns the neighbour table from texts and returns it in the file format.
///
/// Each stem is described by the content stems around it (function words
/// skipped, `window` either side), weighted by positive pointwise mutual
/// information with context counts smoothed to the power 0.75 (Levy,
/// Goldberg and Dagan 2015), the strongest `features` kept; two stems are
/// neighbours when the cosine of these vectors reaches `threshold` and
/// each is among the other's `keep` best. Stems that are words of names
/// (the gazetteers' places and people, and the given names) are left out:
/// Syria and Iraq share contexts, yet a passage on one is not a paraphrase
/// of a passage on the other. Organisation words stay (وزارة، قوات): they
/// are common nouns too.
#[cfg(feature = "cli")]
pub fn build(texts: &[String], opts: &BuildOptions) -> String {
    use crate::fasthash::FxBuild;
    let corpus = ranked_stems(texts, opts.min_count);
    let vocab = corpus.names.len();
    let targets = opts.targets.min(vocab);
    // Co-occurrence counts of each target with each context stem.
    let mut pairs: Vec<HashMap<u32, u32, FxBuild>> = vec![HashMap::default(); targets];
    for doc in &corpus.docs {
        for (i, &w) in doc.iter().enumerate() {
            let Some(row) = pairs.get_mut(w as usize) else {
                continue;
            };
            let lo = i.saturating_sub(opts.window);
            let hi = (i + opts.window + 1).min(doc.len());
            for (j, &c) in doc.iter().enumerate().take(hi).skip(lo) {
                if j != i && c != w {
                    // Which side the context stands on counts: words that
                    // can stand in each other's place share both sides,
                    // collocates (عيد الفطر) only mirror each other.
                    let side = u32::from(j > i);
                    *row.entry(2 * c + side).or_insert(0) += 1;
                }
            }
        }
    }
    let mut context_mass = vec![0f64; 2 * vocab];
    for row in &pairs {
        for (&c, &n) in row {
            context_mass[c as usize] += f64::from(n);
        }
    }
    let smoothed: Vec<f64> = context_mass.iter().map(|&n| n.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    // PPMI vectors, the strongest contexts kept, unit length.
    let vectors: Vec<Vec<(u32, f32)>> = pairs
        .iter()
        .map(|row| {
            let total: f64 = row.values().map(|&n| f64::from(n)).sum();
            let mut v: Vec<(u32, f32)> = row
                .iter()
                .filter(|&(_, &n)| n >= 2)
                .filter_map(|(&c, &n)| {
                    let p_wc = f64::from(n) / total;
                    let p_c = smoothed[c as usize] / smoothed_total;
                    let pmi = (p_wc / p_c).ln();
                    (pmi > 0.0).then_some((c, pmi as f32))
                })
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v.truncate(opts.features);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for e in &mut v {
                    e.1 /= norm;
                }
            }
            v.sort_unstable_by_key(|e| e.0);
            v
        })
        .collect();
    let names_of_things = name_words();
    let skip: Vec<bool> = corpus.names[..targets]
        .iter()
        .map(|name| names_of_things.contains(name))
        .collect();
    // Cosines through an inverted index over contexts.
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); 2 * vocab];
    for (w, v) in vectors.iter().enumerate() {
        if skip[w] {
            continue;
        }
        for &(c, x) in v {
            postings[c as usize].push((w as u32, x));
        }
    }
    let mut out = String::from(
        "# Distributional neighbours of news stems (see crate/src/library/neighbours.rs).\n\
         # Written from the repository's root by `tabayyun build-neighbours /tmp/news/*.json`\n\
         # (the SaudiNewsNet days of ../shared/data/news, unzipped); do not edit.\n",
    );
    let mut acc = vec![0f32; targets];
    let mut touched: Vec<u32> = Vec::new();
    let mut best_of: Vec<Vec<u32>> = vec![Vec::new(); targets];
    for (w, v) in vectors.iter().enumerate() {
        if skip[w] {
            continue;
        }
        touched.clear();
        for &(c, x) in v {
            for &(o, y) in &postings[c as usize] {
                if acc[o as usize] == 0.0 {
                    touched.push(o);
                }
                acc[o as usize] += x * y;
            }
        }
        let mut best: Vec<(u32, f32)> = touched
            .iter()
            .map(|&o| (o, std::mem::take(&mut acc[o as usize])))
            .filter(|&(o, s)| o as usize != w && s >= opts.threshold)
            .collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(opts.keep);
        best_of[w] = best.into_iter().map(|(o, _)| o).collect();
    }
    // Only mutual neighbours are kept: a frequent stem is among the best
    // of many rarer ones that share its contexts (a month's name, a
    // number word) without standing for them.
    for (w, best) in best_of.iter().enumerate() {
        let mutual: Vec<&str> = best
            .iter()
            .filter(|&&o| best_of[o as usize].contains(&(w as u32)))
            .map(|&o| corpus.names[o as usize].as_str())
            .collect();
        if mutual.is_empty() {
            continue;
        }
        out.push_str(&corpus.names[w]);
        out.push('\t');
        out.push_str(&mutual.join(" "));
        out.push('\n');
    }
    out
}

/// A corpus as matching terms: the stems seen at least `min_count` times,
/// ranked by count.
#[cfg(feature = "cli")]
pub(super) struct RankedStems {
    /// The stems, commonest first (ties in byte order, so the ranks are
    /// deterministic).
    pub names: Vec<String>,
    /// How often each was seen.
    pub counts: Vec<u32>,
    /// Each text as the ranks of its kept stems, in order.
    pub docs: Vec<Vec<u32>>,
}

/// Turns texts into ranked stems: every content word becomes its matching
/// term (function words out), and stems under `min_count` are dropped.
#[cfg(feature = "cli")]
pub(super) fn ranked_stems(texts: &[String], min_count: u32) -> RankedStems {
    use super::terms::word_term;
    use crate::fasthash::FxBuild;
    use crate::tokenize::{tokenize, TokenKind};
    let mut ids: HashMap<String, u32, FxBuild> = HashMap::default();
    let mut counts: Vec<u32> = Vec::new();
    let mut docs: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
    for text in texts {
        let doc = tokenize(text)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .filter_map(|t| word_term(&t.norm).map(str::to_string))
            .map(|stem| {
                let next = counts.len() as u32;
                let id = *ids.entry(stem).or_insert(next);
                if id == next {
                    counts.push(0);
                }
                counts[id as usize] += 1;
                id
            })
            .collect();
        docs.push(doc);
    }
    let mut names: Vec<String> = vec![String::new(); counts.len()];
    for (w, id) in ids {
        names[id as usize] = w;
    }
    let mut order: Vec<u32> = (0..counts.len() as u32)
        .filter(|&i| counts[i as usize] >= min_count)
        .collect();
    order.sort_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then(names[a as usize].cmp(&names[b as usize]))
    });
    let mut rank = vec![u32::MAX; counts.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    for doc in &mut docs {
        doc.retain_mut(|i| {
            *i = rank[*i as usize];
            *i != u32::MAX
        });
    }
    RankedStems {
        counts: order.iter().map(|&i| counts[i as usize]).collect(),
        names: order
            .into_iter()
            .map(|i| std::mem::take(&mut names[i as usize]))
            .collect(),
        docs,
    }
}

/// The stems of the words of the gazetteers' names.
#[cfg(feature = "cli")]
fn name_words() -> HashSet<String> {
    let mut out = HashSet::new();
    let given = include_str!("../../data/gazetteers/given_names.txt");
    for w in given.lines().filter(|l| !l.starts_with('#')) {
        if let Some(stem) = super::terms::word_term(&crate::normalize::normalize(w.trim())) {
            out.insert(stem.to_string());
        }
    }
    for table in [
        include_str!("../../data/gazetteers/places.tsv"),
        include_str!("../../data/gazetteers/people.tsv"),
    ] {
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let name = line.split('\t').next().unwrap_or("");
            for w in name.split_whitespace() {
                if let Some(stem) = super::terms::word_term(&crate::normalize::normalize(w)) {
                    out.insert(stem.to_string());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_read_symmetrically() {
        // "shelling" lists "air strikes"; the reverse holds too, and a
        // stem is never its own neighbour, a comment never a stem.
        let t = parse("# قصف\tغار\nقصف\tغار قصف\nmalformed line\n");
        let cases = [
            ("قصف", "غار", true),
            ("غار", "قصف", true),
            ("قصف", "قصف", false),
            ("# قصف", "غار", false),
            ("malformed", "line", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(t.binary_search(&(a, b)).is_ok(), want, "{a} / {b}");
        }
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn shipped_table_lists_each_stem_once_in_a_run() {
        // "taxes" and "a tax": the light stem keeps them apart, the
        // table brings them together, both ways.
        assert_eq!(of("ضرايب").collect::<Vec<_>>(), ["ضريب"]);
        assert!(related("ضريب", "ضرايب"));
        assert_eq!(of("zzqx").count(), 0);
    }
}
