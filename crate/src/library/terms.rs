//! What the index knows of a passage: its terms. Input: a passage's text
//! and the numbers and entities found in it. Output: light stems of its
//! content words, `#value` for each number value, `@id` for each linked
//! entity; and, for whole texts, a MinHash sketch of word shingles.
//!
//! Invariants: terms are folded (see [`crate::normalize`]), so spelling
//! variants that folding unifies give the same term; function words from
//! `crate/data/stopwords.txt` never become terms.

use super::{EntityFact, NumberFact, PassageSpan};
use crate::tokenize::{light_stem, split_proclitics, tokenize, TokenKind};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static STOPWORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../data/stopwords.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(crate::normalize::normalize)
        .collect()
});

/// True for a folded word that is a function word, with or without its
/// proclitics ("وفي" is و + في).
pub fn is_stopword(norm: &str) -> bool {
    // A conjunction before a two-letter particle ("وفي") is too short for
    // the clitic splitter, which keeps three letters after و or ف.
    let bare = norm.strip_prefix(['و', 'ف']).unwrap_or(norm);
    STOPWORDS.contains(norm)
        || STOPWORDS.contains(bare)
        || STOPWORDS.contains(split_proclitics(norm).1)
}

/// The matching term of a folded word, or `None` for a function word or a
/// single letter.
pub fn word_term(norm: &str) -> Option<&str> {
    if is_stopword(norm) {
        return None;
    }
    let stem = stem_of(norm);
    (stem.chars().count() >= 2 && !STOPWORDS.contains(stem)).then_some(stem)
}

/// The light stem, without the alef of the indefinite accusative
/// ("هجوما" → "هجوم") or of the plural verb ending ("فروا" → "فر"), which
/// the light stemmer keeps. An alef after ي (سوريا) or of a pronoun
/// (ها، نا) stays.
fn stem_of(norm: &str) -> &str {
    let stem = light_stem(norm);
    let letters = stem.chars().count();
    if letters >= 4 {
        if let Some(s) = stem.strip_suffix("وا") {
            return s;
        }
    }
    if letters >= 5 && !stem.ends_with("يا") {
        if let Some(s) = stem.strip_suffix('ا') {
            return s;
        }
    }
    stem
}

/// The term of a number value: "#1500", "#99.5".
pub fn number_term(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("#{}", value as i64)
    } else {
        format!("#{value}")
    }
}

/// The terms of one passage of `text`.
pub fn passage_terms<'a>(
    text: &str,
    span: &PassageSpan,
    numbers: impl Iterator<Item = &'a NumberFact>,
    entities: impl Iterator<Item = &'a EntityFact>,
) -> Vec<String> {
    let piece = text
        .get(span.byte_start as usize..span.byte_end as usize)
        .unwrap_or("");
    // Entity ids come on top of the words of the names: the words still
    // match a name the recognizer missed or linked differently.
    let mut out = text_terms(piece);
    out.extend(entities.map(|e| format!("@{}", e.id)));
    for n in numbers {
        // The bounds of "hundreds" (200-999) are conventions, not figures
        // an outlet gave; ordinals and times say nothing of the topic.
        if n.qualifier != "vague" && (counts_something(&n.kind) || n.kind == "year") {
            for v in [n.value, n.low, n.high].into_iter().flatten() {
                out.push(number_term(v));
            }
        }
        // What the figure counts: two passages giving a figure for the
        // same noun are about the same quantity, whatever the figures.
        if counts_something(&n.kind) {
            let unit = super::matching::number_context(piece, span.start, n).unit;
            if !unit.is_empty() {
                out.push(format!("%{unit}"));
            }
        }
    }
    out
}

/// Kinds of number that count or measure something, and so can agree or
/// conflict with another outlet's figure.
pub fn counts_something(kind: &str) -> bool {
    matches!(kind, "count" | "percent" | "measure" | "age" | "duration")
}

/// The key of a counted noun: its concept if it has one ("أشخاص" and
/// "مدنيين" both count people), else its light stem.
///
/// ```
/// use tabayyun::library::terms::unit_key;
/// assert_eq!(unit_key("مدنيين"), unit_key("اشخاص"));
/// assert_eq!(unit_key("في"), None);
/// ```
pub fn unit_key(folded: &str) -> Option<String> {
    let stem = word_term(folded)?;
    Some(
        CONCEPTS
            .get(stem)
            .map_or_else(|| stem.to_string(), |c| format!("~{c}")),
    )
}

/// The word terms of a text, in order, repeats kept.
///
/// ```
/// use tabayyun::library::terms::text_terms;
/// // "and the civilians fled from Baghuz": the preposition is not a term;
/// // "fled" and "civilians" also give their concepts.
/// assert_eq!(text_terms("وفر المدنيون من باغوز"), ["~flee", "فر", "~civilian", "مدن", "باغوز"]);
/// ```
pub fn text_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
    {
        push_word_terms(&t.norm, &mut out);
    }
    out
}

/// The stem of a folded word and its concept, if any.
fn push_word_terms(norm: &str, out: &mut Vec<String>) {
    let Some(mut stem) = word_term(norm) else {
        return;
    };
    let mut concept = CONCEPTS.get(stem);
    if concept.is_none() {
        // The clitic splitter keeps three letters after و or ف, so "وفر"
        // ("and fled") stays whole; a two-letter concept word behind the
        // conjunction is that word.
        if let Some((k, c)) = norm
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.chars().count() == 2)
            .and_then(|r| CONCEPTS.get_key_value(r))
        {
            stem = k;
            concept = Some(c);
        }
    }
    if let Some(c) = concept {
        out.push(format!("~{c}"));
    }
    out.push(stem.to_string());
}

/// Concept classes of news vocabulary (`crate/data/concepts.tsv`): light
/// stem → concept id.
static CONCEPTS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    concept_entries()
        .into_iter()
        .map(|(concept, stem)| (stem, concept))
        .collect()
});

/// (concept, stem) for every word of the concept list, in file order.
fn concept_entries() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in include_str!("../../data/concepts.tsv").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((concept, words)) = line.split_once('\t') else {
            continue;
        };
        for w in words.split_whitespace() {
            let folded = crate::normalize::normalize(w);
            out.push((concept.trim().to_string(), stem_of(&folded).to_string()));
        }
    }
    out
}

/// Folded words of a text, function words included: the shingles of
/// near-duplicate and wire-copy detection are over every word.
pub fn words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.norm.into_string())
        .collect()
}

fn fnv64(parts: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Hashes of the word shingles (runs of `n` words) of a word list; a list
/// shorter than `n` is one shingle.
pub fn shingles(words: &[String], n: usize) -> HashSet<u64> {
    if words.is_empty() {
        return HashSet::new();
    }
    words.windows(n.min(words.len())).map(fnv64).collect()
}

/// The `k` smallest shingle hashes of a text, sorted.
pub fn sketch(text: &str, k: usize) -> Vec<u64> {
    let mut all: Vec<u64> = shingles(&words(text), 4).into_iter().collect();
    all.sort_unstable();
    all.truncate(k);
    all
}

/// Estimated resemblance (Jaccard) of two texts from their sketches.
pub fn resemblance(a: &[u64], b: &[u64], k: usize) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut union: Vec<u64> = a.iter().chain(b).copied().collect();
    union.sort_unstable();
    union.dedup();
    union.truncate(k);
    let both = union
        .iter()
        .filter(|h| a.binary_search(h).is_ok() && b.binary_search(h).is_ok())
        .count();
    both as f64 / union.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_table() {
        let cases: [(&str, &[&str]); 5] = [
            // "The Syrian Democratic Forces said that": reporting verb and
            // particles drop out, the rest is stemmed.
            (
                "وقالت قوات سوريا الديمقراطية إن",
                &["قوات", "سوريا", "ديمقراط"],
            ),
            // Spelling variants fold together: سورية / سوريا stay distinct
            // words but the hamza and taa marbuta fold.
            ("مسؤول المدينة", &["مسوول", "مدين"]),
            // Clitics: "and in the villages"; a village is a place under
            // siege or attack in the news concept list.
            ("وفي القرى", &["~pocket", "قري"]),
            // Latin words are terms too.
            ("قالت CNN", &["cnn"]),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(text_terms(input), want, "{input}");
        }
    }

    #[test]
    fn number_terms_print_whole_numbers_plainly() {
        assert_eq!(number_term(1500.0), "#1500");
        assert_eq!(number_term(99.5), "#99.5");
    }

    #[test]
    fn sketches_estimate_resemblance() {
        // "The strikes resumed on the last pocket in eastern Syria today
        // after two days of calm", and a different sentence.
        let a =
            "استؤنفت الغارات على آخر جيب في شرق سوريا اليوم بعد يومين من الهدوء النسبي في المنطقة";
        let b = "وافق البرلمان على قانون الانتخابات الجديد بأغلبية كبيرة في جلسة مسائية طويلة";
        let (sa, sb) = (sketch(a, 32), sketch(b, 32));
        assert_eq!(resemblance(&sa, &sa, 32), 1.0);
        assert_eq!(resemblance(&sa, &sb, 32), 0.0);
        assert_eq!(resemblance(&sa, &[], 32), 0.0);
    }

    #[test]
    fn concept_list_is_clean() {
        let mut seen: HashMap<String, String> = HashMap::new();
        for (concept, stem) in concept_entries() {
            assert!(stem.chars().count() >= 2, "{concept}: {stem} is too short");
            if let Some(other) = seen.insert(stem.clone(), concept.clone()) {
                assert_eq!(other, concept, "{stem} is in two concepts");
            }
        }
        // "they fled" and "departure" meet in one concept.
        let concept = |w: &str| {
            CONCEPTS
                .get(word_term(&crate::normalize::normalize(w))?)
                .cloned()
        };
        assert_eq!(concept("فروا"), Some("flee".to_string()));
        assert_eq!(concept("مغادرة"), concept("فروا"));
    }

    #[test]
    fn stopword_list_is_clean() {
        let raw: Vec<&str> = include_str!("../../data/stopwords.txt")
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect();
        let mut seen = HashSet::new();
        for w in raw {
            let n = crate::normalize::normalize(w);
            assert!(seen.insert(n.clone()), "duplicate stopword {w}");
            assert_eq!(n.split(' ').count(), 1, "stopword {w} is not one word");
        }
    }
}
