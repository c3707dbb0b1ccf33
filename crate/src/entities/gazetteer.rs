//! Entities, the gazetteer stage. Input: the folded words of one sentence.
//! Output: the leftmost-longest matches of curated names (places,
//! organisations, people, with their aliases), each with its type and
//! canonical id, and the words that those lists and the given-names list
//! know, which the sequence model uses as features.
//!
//! Invariants: every list entry passes through [`crate::normalize::normalize`]
//! on load, so entries and text compare in the same folded form; a match
//! never overlaps another; a match may start after the proclitics of its
//! first word (بالعراق → العراق), and says how many folded characters of
//! that word it skips.

use super::features::{WordMap, WordParts, WordSet};
use super::Kind;
use crate::normalize::normalize;
use std::sync::LazyLock;

/// The curated lists, one per type; `surface<TAB>type<TAB>canonical id`.
const LISTS: [&str; 3] = [
    include_str!("../../data/gazetteers/places.tsv"),
    include_str!("../../data/gazetteers/organisations.tsv"),
    include_str!("../../data/gazetteers/people.tsv"),
];

const GIVEN_NAMES: &str = include_str!("../../data/gazetteers/given_names.txt");

/// Football clubs whose one-word names are also common words or places;
/// names only in a sports context (see [`super::organisations`]).
const CLUBS: &str = include_str!("../../data/gazetteers/clubs.txt");

/// One alias of a known entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The folded words of this alias.
    pub words: Vec<String>,
    /// The same, joined by spaces.
    pub surface: String,
    pub kind: Kind,
    /// The canonical form, as written in the list (it is what the UI shows).
    pub id: String,
}

/// A gazetteer match in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the first word in the sentence.
    pub first: usize,
    /// Number of words covered.
    pub len: usize,
    /// Folded characters of the first word that precede the name (its
    /// proclitics: 1 for "ب" in "بالعراق").
    pub skip: usize,
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
}

/// The loaded lists.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    by_first: WordMap<Vec<usize>>,
    /// The same for aliases whose first word has the article, keyed
    /// without it: "عراق" finds العراق in "بالعراق" without building
    /// a string per word.
    by_first_after_article: WordMap<Vec<usize>>,
    /// Whole folded alias → entry, for linking mentions the model found.
    pub by_surface: WordMap<usize>,
    /// Every word of every alias and every given name: words that must not
    /// lose a letter to proclitic splitting.
    known_words: WordSet,
    given: WordSet,
    clubs: WordSet,
}

/// Lines of a list without `#` comments and blank lines.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim_end())
        .filter(|l| !l.trim().is_empty())
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer {
            entries: Vec::new(),
            by_first: WordMap::default(),
            by_first_after_article: WordMap::default(),
            by_surface: WordMap::default(),
            known_words: WordSet::default(),
            given: WordSet::default(),
            clubs: data_lines(CLUBS).map(|c| normalize(c.trim())).collect(),
        };
        for line in LISTS.iter().flat_map(|l| data_lines(l)) {
            let mut cols = line.split('\t');
            let (Some(surface), Some(kind), Some(id)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Some(kind) = Kind::parse(kind.trim()) else {
                continue;
            };
            let norm = normalize(surface.trim());
            let words: Vec<String> = norm.split_whitespace().map(str::to_string).collect();
            let Some(first) = words.first().cloned() else {
                continue;
            };
            let index = g.entries.len();
            g.known_words.extend(words.iter().cloned());
            if let Some(bare) = first.strip_prefix("ال") {
                g.by_first_after_article
                    .entry(bare.to_string())
                    .or_default()
                    .push(index);
            }
            g.by_first.entry(first).or_default().push(index);
            g.by_surface.entry(words.join(" ")).or_insert(index);
            g.entries.push(Entry {
                surface: words.join(" "),
                words,
                kind,
                id: id.trim().to_string(),
            });
        }
        for name in data_lines(GIVEN_NAMES) {
            let n = normalize(name.trim());
            g.known_words.insert(n.clone());
            g.given.insert(n);
        }
        g
    }

    /// Whether a folded word, with its article and without other
    /// proclitics, is a club of the list ("الهلال").
    ///
    /// ```
    /// use tabayyun::entities::gazetteer::GAZETTEER;
    /// assert!(GAZETTEER.is_club("الهلال"));
    /// assert!(!GAZETTEER.is_club("الحكومه"));
    /// ```
    pub fn is_club(&self, word: &str) -> bool {
        self.clubs.contains(word)
    }

    /// The clubs of the list, folded.
    pub fn clubs(&self) -> impl Iterator<Item = &str> {
        self.clubs.iter().map(String::as_str)
    }

    /// Whether a folded word is a given name ("وليد").
    ///
    /// ```
    /// use tabayyun::entities::gazetteer::GAZETTEER;
    /// assert!(GAZETTEER.is_given_name("وليد"));
    /// assert!(!GAZETTEER.is_given_name("قال"));
    /// ```
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    /// Whether a folded word is part of a known name or a given name, so
    /// its first letter is a root letter, not a proclitic ("وليد", "بغداد").
    ///
    /// ```
    /// use tabayyun::entities::gazetteer::GAZETTEER;
    /// assert!(GAZETTEER.is_known_word("فرانس"));
    /// ```
    pub fn is_known_word(&self, word: &str) -> bool {
        self.known_words.contains(word)
    }

    /// The leftmost-longest, non-overlapping matches in a sentence of
    /// folded words.
    ///
    /// ```
    /// use tabayyun::entities::gazetteer::GAZETTEER;
    /// let words = ["وصل", "الي", "بدير", "الزور"];
    /// let m = GAZETTEER.find(&words);
    /// assert_eq!((m[0].first, m[0].len, m[0].skip), (2, 2, 1));
    /// assert_eq!(GAZETTEER.entries[m[0].entry].id, "دير الزور");
    /// ```
    pub fn find(&self, words: &[&str]) -> Vec<Match> {
        let starts: Vec<Vec<(usize, usize)>> = words
            .iter()
            .map(|w| self.starts_of(&WordParts::of(w)))
            .collect();
        self.find_with(words, |i| starts.get(i).map_or(&[], Vec::as_slice))
    }

    /// [`Gazetteer::find`] given [`Gazetteer::starts_of`] of each word by
    /// its index (the caller keeps them per distinct word).
    pub(super) fn find_with<'s>(
        &self,
        words: &[&str],
        starts: impl Fn(usize) -> &'s [(usize, usize)],
    ) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let here = starts(i);
            // Most words open no alias: skip them without the call.
            if here.is_empty() {
                i += 1;
                continue;
            }
            match self.longest_at(words, i, here) {
                Some(m) => {
                    out.push(m);
                    i += m.len;
                }
                None => i += 1,
            }
        }
        out
    }

    fn longest_at(&self, words: &[&str], i: usize, starts: &[(usize, usize)]) -> Option<Match> {
        // (exact, match): an exact match of any length beats a near one.
        let mut best: Option<(bool, Match)> = None;
        for &(entry, skip) in starts {
            let Some(e) = self.entries.get(entry) else {
                continue;
            };
            let len = e.words.len();
            let Some(exact) = rest_matches(&e.words, words.get(i + 1..).unwrap_or(&[])) else {
                continue;
            };
            if best.is_none_or(|(bx, b)| (exact, len) > (bx, b.len)) {
                let m = Match {
                    first: i,
                    len,
                    skip,
                    entry,
                };
                best = Some((exact, m));
            }
        }
        best.map(|(_, m)| m)
    }

    /// The aliases a word can open, each with the folded characters of the
    /// word before the name (its proclitics), in order of preference.
    pub(super) fn starts_of(&self, parts: &WordParts) -> Vec<(usize, usize)> {
        let word = parts.word;
        let mut out = Vec::new();
        let mut add = |index: &WordMap<Vec<usize>>, first: &str, skip: usize| {
            out.extend(index.get(first).into_iter().flatten().map(|&e| (e, skip)));
        };
        add(&self.by_first, word, 0);
        if !parts.known {
            let (pre, rest) = (parts.pre, parts.rest);
            if !pre.is_empty() {
                let pre_chars = pre.chars().count();
                // بالعراق → ب + العراق; للعراق keeps the surviving ل of its
                // article. Tried first: a written ال stays in the span when
                // the list has the name both with and without it (الباغوز).
                if pre.ends_with("ال") {
                    add(&self.by_first_after_article, rest, pre_chars - 2);
                } else if pre.ends_with("لل") {
                    add(&self.by_first_after_article, rest, pre_chars - 1);
                }
                add(&self.by_first, rest, pre_chars);
            }
        }
        out
    }
}

/// Whether the words after an alias's first word follow in the text:
/// Some(true) exactly, Some(false) with one typo (one edit in one word of
/// four letters or more, in an alias of three words or more, where a typo
/// cannot turn one name into another: "قوات سويا الديمقراطية"), else None.
fn rest_matches(alias: &[String], text: &[&str]) -> Option<bool> {
    let tail = alias.get(1..)?;
    if text.len() < tail.len() {
        return None;
    }
    let mut typos = 0;
    for (a, b) in tail.iter().zip(text) {
        if a == b {
            continue;
        }
        let near = alias.len() >= 3 && a.chars().count() >= 4 && super::link::within_one_edit(a, b);
        if !near {
            return None;
        }
        typos += 1;
    }
    match typos {
        0 => Some(true),
        1 => Some(false),
        _ => None,
    }
}

/// The lists, loaded once.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_clean() {
        let mut seen = WordSet::default();
        for line in LISTS.iter().flat_map(|l| data_lines(l)) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "three columns: {line}");
            assert!(Kind::parse(cols[1]).is_some(), "type of {line}");
            let n = normalize(cols[0]);
            assert!(!n.trim().is_empty(), "empty after normalize: {line}");
            assert_eq!(
                n.split_whitespace().collect::<Vec<_>>().join(" "),
                n,
                "spacing of {line}"
            );
            assert!(seen.insert(n), "duplicate surface {}", cols[0]);
            // The canonical id is itself an alias of the same entity, so
            // the UI's label finds its way back to the entity.
            let id = normalize(cols[2]);
            assert!(
                GAZETTEER
                    .by_surface
                    .get(&id)
                    .and_then(|&i| GAZETTEER.entries.get(i))
                    .is_some_and(|e| e.id == cols[2]),
                "canonical {} of {} is not an alias of itself",
                cols[2],
                cols[0]
            );
        }
        let mut given = WordSet::default();
        for name in data_lines(GIVEN_NAMES) {
            let n = normalize(name.trim());
            assert_eq!(n.split_whitespace().count(), 1, "one word: {name}");
            assert!(given.insert(n), "duplicate given name {name}");
        }
        let mut clubs = WordSet::default();
        for name in data_lines(CLUBS) {
            let n = normalize(name.trim());
            assert_eq!(n.split_whitespace().count(), 1, "one word: {name}");
            assert!(clubs.insert(n), "duplicate club {name}");
        }
    }

    #[test]
    fn matches_table() {
        let cases: [(&str, &[(&str, usize)]); 8] = [
            // "in Baghdad and Mosul": proclitics stay outside.
            ("في بغداد والموصل", &[("بغداد", 0), ("الموصل", 1)]),
            // "the Syrian Democratic Forces": multiword name whole.
            (
                "قالت قوات سوريا الديمقراطية",
                &[("قوات سوريا الديمقراطية", 0)],
            ),
            // "the Syrian Observatory for Human Rights": longest wins over
            // its short form.
            (
                "المرصد السوري لحقوق الانسان",
                &[("المرصد السوري لحقوق الإنسان", 0)],
            ),
            // Alias: "Islamic State organisation" is ISIS (داعش).
            ("مقاتلي تنظيم الدولة", &[("داعش", 0)]),
            // A typo inside a long name: "Syrian Democratic Forces"
            // with the ر of سوريا missing.
            ("قوات سويا الديمقراطية", &[("قوات سوريا الديمقراطية", 0)]),
            // "Washington Post" is not Washington.
            ("صحيفة واشنطن بوست", &[("واشنطن بوست", 0)]),
            // "to the Euphrates": the article survives after لل.
            ("وصلوا للفرات", &[("نهر الفرات", 1)]),
            // Nothing known.
            ("قال المهندس كريم الزعبي", &[]),
        ];
        for (text, want) in cases {
            let norm = normalize(text);
            let words: Vec<&str> = norm.split(' ').collect();
            let got: Vec<(&str, usize)> = GAZETTEER
                .find(&words)
                .iter()
                .map(|m| (GAZETTEER.entries[m.entry].id.as_str(), m.skip))
                .collect();
            assert_eq!(got, want, "find({text})");
        }
    }
}
