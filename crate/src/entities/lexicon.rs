//! Entities, the word stage. Input: the folded words of a text. Output: one
//! record per distinct word with everything the later stages ask of a word
//! alone: its proclitic split, its trigger, whether the name lists know it,
//! the gazetteer aliases it may open, and the sequence model's feature
//! hashes ([`WordHashes::of`], still the one place a word's features are
//! defined) and word scores. Each token costs one table lookup; each
//! distinct word is analysed once.
//!
//! Invariants: a record depends on the word alone, never on its sentence or
//! document, so records are kept from one text to the next (news repeats
//! its words); before a text, a table holding more than [`LIMIT`] words
//! keeps only the half most used, so memory stays bounded and the common
//! words of the news are not analysed again.

use super::clusters;
use super::features::{Trigger, WordHashes, WordParts};
use super::gazetteer::GAZETTEER;
use super::model::{Scored, MODEL};
use super::{organisations, Kind};
use crate::fasthash::InlineWordMap;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Distinct words kept between texts.
pub const LIMIT: usize = 50_000;

/// What the entity stages need of one folded word.
#[derive(Debug, Clone)]
pub struct Word {
    /// Byte length of the word's proclitics
    /// ([`crate::tokenize::split_proclitics`]).
    pre: usize,
    /// A word of a known name or a given name ([`super::gazetteer::Gazetteer::is_known_word`]).
    pub known: bool,
    /// A given name itself.
    pub given: bool,
    /// A given name after its proclitics ("ومحمد").
    pub given_rest: bool,
    pub trigger: Option<Trigger>,
    /// Used in the news as names are: its word class holds people's names,
    /// or the news never used it (see [`NAME_CLASSES`]).
    pub name_like: bool,
    /// The gazetteer aliases the word may open, with the proclitic
    /// characters each skips.
    pub starts: Box<[(usize, usize)]>,
    /// The word's hashes and word-only scores in [`MODEL`].
    pub scored: Scored,
    /// What the trigger rules ask of the word alone
    /// ([`super::may_name`]).
    pub may_name: bool,
    /// The organisation noun or club the word is ([`organisations::mark`]).
    pub(super) org: organisations::Mark,
}

impl Word {
    fn of(word: &str) -> Word {
        let parts = WordParts::of(word);
        let mut record = Word {
            pre: parts.pre.len(),
            known: parts.known,
            given: GAZETTEER.is_given_name(word),
            given_rest: GAZETTEER.is_given_name(parts.rest),
            trigger: parts.trigger,
            name_like: clusters::cluster(word)
                .is_none_or(|path| NAME_CLASSES[usize::from(clusters::prefix(path, CLASS_BITS))]),
            starts: GAZETTEER.starts_of(&parts).into_boxed_slice(),
            scored: MODEL.score(WordHashes::of_parts(&parts)),
            may_name: super::may_name(word, parts.trigger),
            org: organisations::Mark::default(),
        };
        record.org = organisations::mark(word, &record);
        record
    }

    /// `word` (the word this record is of) split as
    /// [`crate::tokenize::split_proclitics`] splits it.
    pub fn split<'w>(&self, word: &'w str) -> (&'w str, &'w str) {
        word.split_at_checked(self.pre).unwrap_or(("", word))
    }
}

/// Bits of the word classes that tell names from other words: 64 classes.
const CLASS_BITS: u32 = 6;
/// Share of a class's words that must be known names for the class to be
/// one of names. Classes of names hold 5-31 % of them (given names, and
/// the foreign surnames of politicians); others 0.5 % at most.
const NAME_SHARE: f32 = 0.03;

/// The word classes (at [`CLASS_BITS`]) in which the news uses people's
/// names: those where given names and words of the people list make up at
/// least [`NAME_SHARE`] of the words. A word after a title opens a name
/// only if it is in one of them ("الوزير خالد", but not "الوزير بعدم
/// المساس", "the minister [pledged] not to touch").
static NAME_CLASSES: LazyLock<[bool; 1 << CLASS_BITS]> = LazyLock::new(|| {
    let people: std::collections::HashSet<&str> = GAZETTEER
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Per)
        .flat_map(|e| e.words.iter().map(String::as_str))
        .collect();
    let mut words = [0u32; 1 << CLASS_BITS];
    let mut names = [0u32; 1 << CLASS_BITS];
    for (word, path) in clusters::words() {
        let class = usize::from(clusters::prefix(path, CLASS_BITS));
        words[class] += 1;
        if GAZETTEER.is_given_name(word) || people.contains(word) {
            names[class] += 1;
        }
    }
    std::array::from_fn(|c| words[c] > 0 && names[c] as f32 >= NAME_SHARE * words[c] as f32)
});

/// The records, with each word's index.
#[derive(Default)]
struct Lexicon {
    ids: InlineWordMap<usize>,
    words: Vec<Word>,
    /// By index: the tokens that used the record since it was made, halved
    /// each time it was kept (so that words the news stops using age out).
    uses: Vec<u32>,
}

impl Lexicon {
    fn id(&mut self, word: &str) -> usize {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = self.words.len();
                self.words.push(Word::of(word));
                self.uses.push(0);
                self.ids.insert(word.into(), id);
                id
            }
        };
        if let Some(n) = self.uses.get_mut(id) {
            *n = n.saturating_add(1);
        }
        id
    }

    /// Keeps the [`LIMIT`] / 2 most used records and drops the rest.
    /// Starting afresh instead analysed every common word again: the news
    /// of one day has about 74,000 distinct words, and a new word costs
    /// several times a known one. The kept records close up in place, in
    /// their old order: no copy of the table, and its capacity stays, so
    /// it fills up again without growing (growing copies every record).
    fn make_room(&mut self) {
        // Most used first; among equally used words the older stay. The
        // half is selected, not sorted.
        let mut order: Vec<(std::cmp::Reverse<u32>, usize)> = (0..self.words.len())
            .map(|i| (std::cmp::Reverse(self.uses.get(i).copied().unwrap_or(0)), i))
            .collect();
        if order.len() > LIMIT / 2 {
            order.select_nth_unstable(LIMIT / 2);
            order.truncate(LIMIT / 2);
        }
        let mut keep = vec![false; self.words.len()];
        for &(_, i) in &order {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
        let mut new_id = vec![usize::MAX; self.words.len()];
        let slots = new_id.iter_mut().zip(&keep).filter(|(_, &k)| k);
        for (next, (slot, _)) in slots.enumerate() {
            *slot = next;
        }
        self.ids.retain(|_, id| match new_id.get(*id) {
            Some(&k) if k != usize::MAX => {
                *id = k;
                true
            }
            _ => false,
        });
        let mut kept = keep.iter().copied();
        self.words.retain(|_| kept.next().unwrap_or(false));
        let mut kept = keep.iter().copied();
        self.uses.retain_mut(|n| {
            *n /= 2;
            kept.next().unwrap_or(false)
        });
    }
}

thread_local! {
    /// The records kept between texts (wasm runs one thread; natively each
    /// thread keeps its own).
    static LEXICON: RefCell<Lexicon> = RefCell::new(Lexicon::default());
}

/// Runs `f` with the record of each of `words`, in order.
///
/// ```
/// use tabayyun::entities::lexicon::with_words;
/// let words = ["وقال", "وقال", "محمد"];
/// with_words(words.iter().copied(), |w| {
///     assert_eq!(w[0].split("وقال"), ("و", "قال")); // "and he said"
///     assert!(std::ptr::eq(w[0], w[1]));
///     assert!(w[2].given); // Muhammad
/// });
/// ```
pub fn with_words<'a, R>(words: impl Iterator<Item = &'a str>, f: impl FnOnce(&[&Word]) -> R) -> R {
    let run = |lexicon: &mut Lexicon| {
        if lexicon.words.len() > LIMIT {
            lexicon.make_room();
        }
        let ids: Vec<usize> = words.map(|w| lexicon.id(w)).collect();
        let lexicon = &*lexicon;
        let records: Vec<&Word> = ids.iter().filter_map(|&i| lexicon.words.get(i)).collect();
        f(&records)
    };
    LEXICON.with(|cell| match cell.try_borrow_mut() {
        Ok(mut lexicon) => run(&mut lexicon),
        // Only a call from inside `f` finds the table in use: it gets a
        // table of its own.
        Err(_) => run(&mut Lexicon::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_table() {
        // (word, proclitics, known name word, given name, given name after
        // proclitics, trigger)
        let cases = [
            ("وقال", "و", false, false, false, Some(Trigger::Said)), // "and he said"
            ("والرييس", "وال", false, false, false, Some(Trigger::Title)), // "and the president"
            // Walid: the split cuts و, the rules keep it (a known word).
            ("وليد", "و", true, true, false, None),
            ("ومحمد", "و", false, false, true, None), // "and Muhammad"
            ("مدني", "", false, false, false, None),  // "civilian"
        ];
        let words: Vec<&str> = cases.iter().map(|c| c.0).collect();
        with_words(words.iter().copied(), |records| {
            for (&(word, pre, known, given, given_rest, trigger), r) in cases.iter().zip(records) {
                assert_eq!(r.split(word).0, pre, "split({word})");
                assert_eq!(
                    (r.known, r.given, r.given_rest),
                    (known, given, given_rest),
                    "{word}"
                );
                assert_eq!(r.trigger, trigger, "trigger({word})");
                assert_eq!(r.scored.hashes.word, WordHashes::of(word).word, "{word}");
            }
        });
    }

    #[test]
    fn table_stays_bounded_and_keeps_the_common_words() {
        // "قال" ("he said") in every text, and more rare words than the
        // table holds.
        let many: Vec<String> = (0..LIMIT + 10).map(|i| format!("w{i}")).collect();
        with_words(["قال", "قال"].into_iter(), |_| {});
        with_words(many.iter().map(String::as_str), |r| {
            assert_eq!(r.len(), many.len())
        });
        // The next text finds the table over its limit: half of it stays,
        // the most used word first, and the text's new word joins it.
        with_words(["قال", "قالت"].into_iter(), |r| {
            assert_eq!(r[0].split("قال"), ("", "قال"))
        });
        LEXICON.with(|l| {
            let l = l.borrow();
            assert_eq!(l.words.len(), LIMIT / 2 + 1);
            assert_eq!(l.ids.get("قال"), Some(&0));
            assert_eq!(l.ids.len(), l.words.len());
            assert!(l.ids.values().all(|&i| i < l.words.len()));
        });
    }

    #[test]
    fn a_nested_call_gets_its_own_table() {
        let outer = with_words(["قال"].into_iter(), |_| {
            with_words(["قالت"].into_iter(), |inner| inner.len())
        });
        assert_eq!(outer, 1);
    }
}
