//! Entities, the linking stage. Input: the mentions of one document, each
//! with its folded words, type, and the gazetteer entry it matched if any.
//! Output: one id per mention, a canonical Arabic form that every mention
//! of the same entity shares, within the document and across documents.
//!
//! How an id is chosen, first rule that applies:
//! 1. a gazetteer match or a mention spelled as a known alias: the alias's
//!    canonical form (تنظيم الدولة → داعش, قسد → قوات سوريا الديمقراطية);
//! 2. a short form of a longer mention of the same type in the document:
//!    a person's single name that is the first or last word of a full name
//!    (بالي after مصطفى بالي), or the leading words of a longer
//!    organisation or place (المرصد السوري → the full name);
//! 3. a spelling variant of a known alias: the same consonant skeleton
//!    (vowel letters and ال dropped, غ/ج and emphatic/plain pairs merged:
//!    غابرئيل ~ جابرييل, باغاز ~ باغوز), or one edit away for names of eight
//!    letters or more (قوات سويا الديمقراطية);
//! 4. otherwise the folded mention itself, with word-level spelling
//!    variants put in one form (الديموقراطية → الديمقراطية), so the same
//!    unseen name gets the same id in every document.
//!
//! Invariants: the id depends only on the document (no state is shared
//! between calls), so the wasm analysing one article at a time and the CLI
//! analysing many agree.

use super::features::WordMap;
use super::gazetteer::GAZETTEER;
use super::Kind;
use crate::fasthash::FxBuild;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One mention to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Folded words of the mention, proclitics removed.
    pub words: Vec<String>,
    pub kind: Kind,
    /// The gazetteer entry it matched, if any.
    pub entry: Option<usize>,
}

/// Word-level spelling variants that Arabic news mixes (folded, variant →
/// preferred).
const WORD_VARIANTS: [(&str, &str); 7] = [
    ("الديموقراطيه", "الديمقراطيه"),
    ("ديموقراطيه", "ديمقراطيه"),
    ("الديموقراطي", "الديمقراطي"),
    ("سوريه", "سوريا"),
    ("الامريكيه", "الاميركيه"),
    ("الامريكي", "الاميركي"),
    ("ترمب", "ترامب"),
];

/// The consonant skeleton of a folded name, for matching spelling and
/// transliteration variants.
///
/// ```
/// use tabayyun::entities::link::skeleton;
/// assert_eq!(skeleton("غابريل"), skeleton("جابرييل"));
/// assert_eq!(skeleton("باغاز"), skeleton("الباغوز"));
/// assert_ne!(skeleton("حلب"), skeleton("حمص"));
/// ```
pub fn skeleton(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (n, word) in name.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let word = match word.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 3 => rest,
            _ => word,
        };
        let mut last = None;
        for (i, c) in word.chars().enumerate() {
            let c = match c {
                'ج' | 'غ' | 'گ' => 'غ',
                'ط' => 'ت',
                'ص' => 'س',
                'ض' => 'د',
                'ظ' | 'ذ' => 'ز',
                'ة' => 'ه',
                c => c,
            };
            // Long vowels and final ه (taa marbuta, folded) are spelled
            // freely in transliterations; the first letter is kept.
            if i > 0 && matches!(c, 'ا' | 'و' | 'ي' | 'ه' | 'ء') {
                continue;
            }
            if last == Some(c) {
                continue;
            }
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// Whether two strings are at most one edit apart (one character
/// inserted, deleted or replaced): after their common prefix and common
/// suffix, at most one character is left on each side. No allocation.
///
/// ```
/// use tabayyun::entities::link::within_one_edit;
/// assert!(within_one_edit("باغوز", "باغاز"));
/// assert!(within_one_edit("سوريا", "سويا"));
/// assert!(!within_one_edit("حلب", "درعا"));
/// ```
pub fn within_one_edit(a: &str, b: &str) -> bool {
    // A character is at most four bytes: a cheap bound before any work.
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    let room = la.min(lb) - prefix;
    let suffix = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    la - prefix - suffix <= 1 && lb - prefix - suffix <= 1
}

/// Skeleton → gazetteer entry, for skeletons that only one entity has.
static BY_SKELETON: LazyLock<WordMap<Option<usize>>> = LazyLock::new(|| {
    let mut m: WordMap<Option<usize>> = WordMap::default();
    for (i, e) in GAZETTEER.entries.iter().enumerate() {
        let key = skeleton(&e.surface);
        // Very short skeletons collide with ordinary words.
        if key.chars().filter(|c| *c != ' ').count() < 3 {
            continue;
        }
        m.entry(key)
            .and_modify(|v| {
                if v.and_then(|j| GAZETTEER.entries.get(j)).map(|o| &o.id) != Some(&e.id) {
                    *v = None;
                }
            })
            .or_insert(Some(i));
    }
    m
});

/// The gazetteer entry a mention the gazetteer did not match is a variant
/// of (rule 3 of the module doc).
fn variant_of_known(name: &str, kind: Kind) -> Option<usize> {
    let same_kind = |i: &usize| GAZETTEER.entries.get(*i).is_some_and(|e| e.kind == kind);
    if let Some(&i) = GAZETTEER.by_surface.get(name).filter(|i| same_kind(i)) {
        return Some(i);
    }
    if let Some(Some(i)) = BY_SKELETON
        .get(&skeleton(name))
        .filter(|i| i.is_some_and(|i| same_kind(&i)))
    {
        // The skeleton drops vowels; a spelling variant keeps about as
        // many letters (باغاز ~ باغوز), an unrelated word need not
        // (المدن is not الميادين).
        let bare = |s: &str| s.strip_prefix("ال").unwrap_or(s).chars().count();
        let known = GAZETTEER.entries.get(*i).map(|e| e.surface.as_str());
        if known.is_some_and(|k| bare(k).abs_diff(bare(name)) <= 1) {
            return Some(*i);
        }
    }
    let len = name.chars().count();
    if len < 8 {
        return None;
    }
    // One edit changes the length by one letter at most, and leaves the
    // start or the end of a long name as it was: only entries of the same
    // type that share the first or the last four bytes are tried, in list
    // order.
    let none: &[usize] = &[];
    let by_head = ENDS.0.get(&(kind, head(name))).map_or(none, Vec::as_slice);
    let by_tail = ENDS.1.get(&(kind, tail(name))).map_or(none, Vec::as_slice);
    in_order(by_head, by_tail).find(|&i| {
        GAZETTEER.entries.get(i).is_some_and(|e| {
            e.surface.len().abs_diff(name.len()) <= 2 && within_one_edit(&e.surface, name)
        })
    })
}

/// The union of two ascending lists, ascending, each number once.
fn in_order<'a>(mut a: &'a [usize], mut b: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    std::iter::from_fn(move || {
        let next = match (a.first(), b.first()) {
            (Some(&x), Some(&y)) => x.min(y),
            (Some(&x), None) => x,
            (None, Some(&y)) => y,
            (None, None) => return None,
        };
        a = a.strip_prefix(&[next]).unwrap_or(a);
        b = b.strip_prefix(&[next]).unwrap_or(b);
        Some(next)
    })
}

/// The first four bytes of a name (None when it is shorter, or when they
/// end inside a character).
fn head(name: &str) -> Option<&str> {
    name.get(..4)
}

/// The last four bytes of a name (the whole of a shorter one; None when
/// they start inside a character).
fn tail(name: &str) -> Option<&str> {
    name.get(name.len().saturating_sub(4)..)
}

/// Gazetteer entries by type and the [`head`], and by type and the
/// [`tail`] of their surface, in list order.
type ByEnd = HashMap<(Kind, Option<&'static str>), Vec<usize>, FxBuild>;

static ENDS: LazyLock<(ByEnd, ByEnd)> = LazyLock::new(|| {
    let (mut heads, mut tails) = (ByEnd::default(), ByEnd::default());
    for (i, e) in GAZETTEER.entries.iter().enumerate() {
        heads.entry((e.kind, head(&e.surface))).or_default().push(i);
        tails.entry((e.kind, tail(&e.surface))).or_default().push(i);
    }
    (heads, tails)
});

/// The id of a name nothing links to: its folded form with word variants
/// unified (rule 4).
///
/// ```
/// use tabayyun::entities::link::own_id;
/// assert_eq!(own_id(&["مجلس".into(), "الديموقراطيه".into()]), "مجلس الديمقراطيه");
/// ```
pub fn own_id(words: &[String]) -> String {
    words
        .iter()
        .map(|w| {
            WORD_VARIANTS
                .iter()
                .find(|(v, _)| v == w)
                .map_or(w.as_str(), |(_, p)| *p)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Links the mentions of one document; returns one (id, type) per
/// mention, in order. A mention linked to a known entity takes that
/// entity's type; a mention that only spells a known alias of another type
/// keeps its own (the rules retype "الشرق الأوسط" after "صحيفة", the
/// paper, and "العين" after "مدرب", the club).
///
/// ```
/// use tabayyun::entities::link::{link, Mention};
/// use tabayyun::entities::Kind;
/// let m = |w: &[&str], kind| Mention { words: w.iter().map(|s| s.to_string()).collect(), kind, entry: None };
/// let out = link(&[m(&["مصطفي", "بالي"], Kind::Per), m(&["بالي"], Kind::Per)]);
/// assert_eq!(out[0].0, out[1].0);
/// ```
pub fn link(mentions: &[Mention]) -> Vec<(String, Kind)> {
    let known = |i: usize| GAZETTEER.entries.get(i).map(|e| (e.id.clone(), e.kind));
    let names: Vec<String> = mentions.iter().map(|m| m.words.join(" ")).collect();
    // Rule 1.
    let mut out: Vec<Option<(String, Kind)>> = mentions
        .iter()
        .zip(&names)
        .map(|(m, name)| {
            m.entry
                .or_else(|| {
                    GAZETTEER
                        .by_surface
                        .get(name)
                        .copied()
                        .filter(|&i| GAZETTEER.entries.get(i).is_some_and(|e| e.kind == m.kind))
                })
                .and_then(known)
        })
        .collect();
    // Rule 3 for the longer mentions first, so short forms (rule 2) can
    // follow them to a known entity.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(mentions.get(i).map_or(0, |m| m.words.len())));
    for &i in &order {
        let (Some(m), Some(name)) = (mentions.get(i), names.get(i)) else {
            continue;
        };
        if out.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let longer = mentions.iter().enumerate().find(|(j, o)| {
            *j != i
                && o.kind == m.kind
                && o.words.len() > m.words.len()
                && if m.kind == Kind::Per {
                    m.words.len() == 1
                        && (o.words.first() == m.words.first() || o.words.last() == m.words.last())
                } else {
                    // A club is not the short form of a longer name that
                    // starts with it ("الاتحاد", "الاتحاد السعودي لكرة القدم").
                    o.words.starts_with(&m.words) && !GAZETTEER.is_club(name)
                }
        });
        let id = match longer {
            // Rule 2: the longer mention was handled earlier in this order.
            Some((j, o)) => out
                .get(j)
                .cloned()
                .flatten()
                .unwrap_or_else(|| (own_id(&o.words), o.kind)),
            None => variant_of_known(name, m.kind)
                .and_then(known)
                .unwrap_or_else(|| (own_id(&m.words), m.kind)),
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = Some(id);
        }
    }
    out.into_iter()
        .zip(mentions)
        .map(|(o, m)| o.unwrap_or_else(|| (own_id(&m.words), m.kind)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn mention(text: &str, kind: Kind) -> Mention {
        Mention {
            words: normalize(text).split(' ').map(str::to_string).collect(),
            kind,
            entry: None,
        }
    }

    #[test]
    fn in_order_merges_without_repeats() {
        let cases: [(&[usize], &[usize], &[usize]); 4] = [
            (&[1, 4, 7], &[2, 4, 9], &[1, 2, 4, 7, 9]),
            (&[], &[3], &[3]),
            (&[5], &[], &[5]),
            (&[], &[], &[]),
        ];
        for (a, b, want) in cases {
            assert_eq!(in_order(a, b).collect::<Vec<_>>(), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn aliases_table() {
        // Each row: one document's mentions, all of one entity, and the id.
        let cases: [(&[(&str, Kind)], &str); 8] = [
            // Spelling variants: Syria with ا or ة.
            (&[("سوريا", Kind::Loc), ("سورية", Kind::Loc)], "سوريا"),
            // Trump / Trump (two spellings).
            (&[("ترامب", Kind::Per), ("ترمب", Kind::Per)], "دونالد ترامب"),
            // Democratic with and without و, and a typo (سويا), and the
            // abbreviation.
            (
                &[
                    ("قوات سوريا الديموقراطية", Kind::Org),
                    ("قوات سويا الديمقراطية", Kind::Org),
                    ("قسد", Kind::Org),
                ],
                "قوات سوريا الديمقراطية",
            ),
            // A well-known alias: "the Islamic State organisation" is ISIS.
            (&[("تنظيم الدولة", Kind::Org), ("داعش", Kind::Org)], "داعش"),
            // Short form of a known organisation.
            (
                &[("المرصد السوري", Kind::Org)],
                "المرصد السوري لحقوق الإنسان",
            ),
            // A transliteration variant of a known name (Guterres).
            (&[("جوتيريش", Kind::Per)], "أنطونيو غوتيريش"),
            // An unseen person and his surname alone later.
            (
                &[("كريم الزعبي", Kind::Per), ("الزعبي", Kind::Per)],
                "كريم الزعبي",
            ),
            // An unseen organisation and its leading words.
            (
                &[
                    ("رابطة الصيادين في اللاذقية", Kind::Org),
                    ("رابطة الصيادين", Kind::Org),
                ],
                "رابطه الصيادين في اللاذقيه",
            ),
        ];
        for (doc, want) in cases {
            let mentions: Vec<Mention> = doc.iter().map(|(t, k)| mention(t, *k)).collect();
            for (i, (id, _)) in link(&mentions).iter().enumerate() {
                assert_eq!(id, want, "{} in {doc:?}", doc[i].0);
            }
        }
    }

    #[test]
    fn unseen_names_differ() {
        // Two different unseen people keep two ids, and a common word that
        // merely shares a skeleton with a short known name is not linked.
        let m = [
            mention("كريم الزعبي", Kind::Per),
            mention("سامر الحلبي", Kind::Per),
        ];
        let ids = link(&m);
        assert_ne!(ids[0].0, ids[1].0);
        let edits = [
            ("باغوز", "باغاز", true),   // one letter replaced
            ("سوريا", "سويا", true),    // one deleted
            ("سويا", "سوريا", true),    // one inserted
            ("باغوز", "باغوز", true),   // equal
            ("ترامب", "ترمب", true),    // one deleted inside
            ("حلب", "درعا", false),     // different names
            ("ابابا", "اببا", true),    // repeated letters
            ("الرقه", "الحسكه", false), // two edits
        ];
        for (a, b, want) in edits {
            assert_eq!(within_one_edit(a, b), want, "{a} / {b}");
        }
    }
}
