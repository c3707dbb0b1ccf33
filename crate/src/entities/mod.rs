//! Stage 3b, named entities. Input: a text and its tokens (see
//! [`crate::tokenize`]). Output: mentions of people (PER), organisations
//! (ORG) and places (LOC), each with its byte span in the text and an id
//! shared by every mention of the same entity, across documents.
//!
//! The pipeline, per sentence: the curated [`gazetteer`] finds known names
//! and their aliases; the [`model`] (an averaged perceptron trained on
//! ANERcorp and AQMAR by [`train`], with the gazetteer and trigger words
//! among its [`features`]) finds names it has never seen; known names win
//! where the two overlap. Spans then follow `../shared/gold/GUIDELINES.md`:
//! attached proclitics (و ف ب ل ك) are left out but a written ال stays,
//! descriptors (مدينة، بلدة، قرية، محافظة، ريف) and titles (الرئيس، الشيخ)
//! are left out, and generic words alone (التنظيم، القوات) are not names.
//! Finally [`link`] gives each mention its canonical id.
//!
//! Invariants: spans lie on character boundaries, in order, without
//! overlap; every input (empty, huge, binary, mixed scripts) is safe.

pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod lexicon;
pub mod link;
pub mod model;
mod organisations;
#[cfg(feature = "cli")]
pub mod train;

use crate::normalize::{fold, normalize, Fold};
use crate::tokenize::{split_proclitics, Token, TokenKind};
use features::{gazetteer_tags_of, trigger, Trigger};
use gazetteer::GAZETTEER;
use lexicon::Word;
use model::MODEL;
use std::sync::LazyLock;

/// An entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Per,
    Loc,
    Org,
}

impl Kind {
    /// The name used in files and JSON.
    ///
    /// ```
    /// assert_eq!(tabayyun::entities::Kind::Loc.as_str(), "LOC");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Loc => "LOC",
            Kind::Org => "ORG",
        }
    }

    /// Parses "PER", "LOC" or "ORG".
    ///
    /// ```
    /// use tabayyun::entities::Kind;
    /// assert_eq!(Kind::parse("ORG"), Some(Kind::Org));
    /// assert_eq!(Kind::parse("MISC"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "PER" => Some(Kind::Per),
            "LOC" => Some(Kind::Loc),
            "ORG" => Some(Kind::Org),
            _ => None,
        }
    }

    fn from_tag(tag: u8) -> Option<Kind> {
        match tag {
            1 | 2 => Some(Kind::Per),
            3 | 4 => Some(Kind::Loc),
            5 | 6 => Some(Kind::Org),
            _ => None,
        }
    }
}

/// One entity mention: a byte span of the text, its type and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The canonical form shared by every mention of this entity.
    pub id: String,
}

/// Descriptors that precede a place name but are not part of it.
const PLACE_DESCRIPTORS: [&str; 7] = ["مدينه", "بلده", "قريه", "محافظه", "ريف", "بلدات", "قري"];

/// Words that refer back to a name, or point a direction, but are not a
/// name when alone.
const GENERIC: [&str; 24] = [
    "التنظيم",
    "القوات",
    "التحالف",
    "الحكومه",
    "الجيش",
    "النظام",
    "المعارضه",
    "الدوله",
    "المرصد",
    "الخلافه",
    "الولايات",
    "الوكاله",
    "الحركه",
    "الجماعه",
    "المدن",
    "المنطقه",
    "شرق",
    "غرب",
    "شمال",
    "جنوب",
    "الشرقي",
    "الغربي",
    "الشمالي",
    "الجنوبي",
];

/// Particles that never stand inside a person's name: a person mention
/// ends before them ("مصطفى بالي فإن ..." is the name, then "so").
const NOT_IN_NAMES: [&str; 37] = [
    "ان",
    "فان",
    "وان",
    "بان",
    "لان",
    "الذي",
    "التي",
    "الذين",
    "قد",
    "لقد",
    "لا",
    "لم",
    "لن",
    "ما",
    "كان",
    "كانت",
    "هو",
    "هي",
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "حيث",
    "بعد",
    "قبل",
    "منذ",
    "عند",
    "حتي",
    "ثم",
    "او",
    "لكن",
    "بين",
    "خلال",
    "باسم",
    // "in favour of": ل + the given name صالح.
    "لصالح",
];

/// Whether a folded word is the nationality adjective of a known place
/// ("أميركي" of أميركا, "العراقيون" of العراق, "الفرنسية" of فرنسا):
/// such words are not entities.
///
/// ```
/// use tabayyun::entities::is_nationality;
/// assert!(is_nationality("اميركي"));
/// assert!(is_nationality("الفرنسيه"));
/// assert!(!is_nationality("الزعبي"));
/// ```
pub fn is_nationality(word: &str) -> bool {
    let bare = word.strip_prefix("ال").unwrap_or(word);
    let Some(base) = ["يين", "يون", "يه", "ي"]
        .iter()
        .find_map(|s| bare.strip_suffix(s))
        .filter(|b| b.chars().count() >= 2)
    else {
        return false;
    };
    // The four spellings of the place built in one buffer: this runs for
    // every distinct word of the news.
    let mut place = String::with_capacity(base.len() + 4);
    let mut is_place = |before: &str, after: &str| {
        place.clear();
        place.push_str(before);
        place.push_str(base);
        place.push_str(after);
        GAZETTEER
            .by_surface
            .get(place.as_str())
            .and_then(|&i| GAZETTEER.entries.get(i))
            .is_some_and(|e| e.kind == Kind::Loc)
    };
    is_place("", "") || is_place("", "ا") || is_place("", "يا") || is_place("ال", "")
}

/// Plural nisba endings: "الأوروبيين", "العراقيون" name groups of people
/// (nationality adjectives), never a person, place or organisation.
const PLURAL_NISBA: [&str; 2] = ["يون", "يين"];

/// One sentence: its tokens' folded words, kinds and records, index by
/// index.
struct Sentence<'a> {
    words: &'a [&'a str],
    kinds: &'a [TokenKind],
    records: &'a [&'a Word],
}

impl<'a> Sentence<'a> {
    fn at(&self, i: usize) -> At<'a> {
        (
            self.words.get(i).copied(),
            self.kinds.get(i).copied(),
            self.records.get(i).copied(),
        )
    }
}

/// A mention in token indices before it becomes a byte span.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    first: usize,
    end: usize,
    skip: usize,
    kind: Kind,
    entry: Option<usize>,
}

/// Folded characters of a mention's first word that are proclitics to
/// leave out: و ف ب ل ك (and the first ل of لل), but never a written ال
/// and never letters of a known name ("وليد") or of a compound place head
/// ("وادي"). "و" before a name is nearly always the conjunction and is
/// cut. A preposition alone (ب ل ك ف) is cut only when what follows it is
/// a word the news or the name lists know ("بلندن"): unseen names often
/// start with those letters (بريتوريا، كريستالينا، بورتسودان، كينو), and a
/// highlight that drops their first letter is worse than one that keeps a
/// rare preposition.
fn proclitic_skip(word: &str, record: &Word) -> usize {
    if record.known || PLACE_COMPOUND_HEADS.contains(&word) {
        return 0;
    }
    let (pre, rest) = record.split(word);
    let n = pre.chars().count();
    // "وبورسعيد" splits as وب + ورسعيد, but after the conjunction alone
    // it is a known name: only the و goes.
    let after_conjunction = word.strip_prefix(['و', 'ف']);
    if n > 1 && after_conjunction.is_some_and(|w| GAZETTEER.is_known_word(w)) {
        return 1;
    }
    if pre.ends_with("ال") {
        n - 2
    } else if pre.ends_with("لل") {
        n - 1
    } else if pre.starts_with('و') || attested(rest, record) {
        n
    } else {
        0
    }
}

/// Whether a word left after proclitics is one the news the word classes
/// were learned from, or the name lists, know.
fn attested(rest: &str, record: &Word) -> bool {
    record.given_rest || clusters::cluster(rest).is_some() || GAZETTEER.is_known_word(rest)
}

/// Sentence ranges of token indices: a sentence ends after . ? ! or
/// before a line break.
fn sentences(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let newline_before = i > start
            && tokens
                .get(i - 1)
                .and_then(|p| text.as_bytes().get(p.end..t.start))
                .is_some_and(|gap| gap.contains(&b'\n'));
        if newline_before {
            out.push((start, i));
            start = i;
        }
        if t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "." | "?" | "!") {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

/// First words of compound place names: "تل حميد" is one name.
const PLACE_COMPOUND_HEADS: [&str; 13] = [
    "تل", "دير", "عين", "راس", "جسر", "ابو", "خان", "كفر", "بيت", "جبل", "معره", "بير", "وادي",
];

/// One word of a sentence: its folded form, kind and record (None past
/// the sentence's end).
type At<'a> = (Option<&'a str>, Option<TokenKind>, Option<&'a Word>);

/// Whether a word can be part of a name found by a trigger rule: a word,
/// not a particle, not itself a trigger (the word's own part is
/// [`may_name`], kept in its record).
fn name_word((word, kind, record): At) -> bool {
    match (word, kind, record) {
        (Some(_), Some(TokenKind::Word), Some(r)) => r.may_name,
        _ => false,
    }
}

/// What [`name_word`] asks of the folded word alone, given its trigger:
/// no particle, no trigger, two letters or more, no nationality
/// adjective. Worked out once per distinct word ([`Word::may_name`]).
fn may_name(word: &str, trigger: Option<Trigger>) -> bool {
    !NOT_IN_NAMES.contains(&word)
        && trigger.is_none()
        && word.chars().count() >= 2
        && !is_nationality(word)
}

/// Mentions from trigger rules, where the model saw none: the name after
/// a place descriptor ("بلدة تل حميد": LOC "تل حميد"; a camp keeps its
/// noun: "مخيم الأمل"), the name after a title ("العميد ماهر الشامي"),
/// and a known given name before a definite word or another given name
/// ("سامر الحلبي", "محمد علي").
fn trigger_candidates(s: &Sentence) -> Vec<Candidate> {
    let mut out = Vec::new();
    let at = |i: usize| s.at(i);
    let mut i = 0;
    while let (Some(w), Some(kind), Some(record)) = at(i) {
        let (pre, rest) = record.split(w);
        // An indefinite head only: "المخيم" is "the camp" already named.
        // The plurals too: "قرى وادي الريحان" ("the villages of Wadi
        // al-Rayhan").
        let plural = PLACE_DESCRIPTORS[5..].contains(&rest);
        let is_place_head = (PLACE_DESCRIPTORS[..4].contains(&rest) || plural || rest == "مخيم")
            && !pre.ends_with("ال")
            && !pre.ends_with("لل");
        let next = at(i + 1);
        let a = next.0;
        // "قرية الواقعة" is "the village lying ...": a definite feminine
        // word after the head agrees with it as an adjective; after a
        // plural, an indefinite one does too ("قرى عديدة", "many villages").
        let adjective = a.is_some_and(|a| (a.starts_with("ال") || plural) && a.ends_with('ه'));
        // A number word counts or ranks, it does not name: "مدينة واحدة"
        // ("one city"), "قرية ثالثة" ("a third village"). Asked last: most
        // words are no place head, and the lookup would cost every word.
        let numeral = || a.is_some_and(|a| crate::numbers::words::lookup(a).is_some());
        if is_place_head
            && name_word(next)
            && !adjective
            && !a.is_some_and(|a| GENERIC.contains(&a))
            && !numeral()
        {
            let first = if rest == "مخيم" { i } else { i + 1 };
            let compound = a.is_some_and(|a| PLACE_COMPOUND_HEADS.contains(&a));
            let end = if compound && name_word(at(i + 2)) {
                i + 3
            } else {
                i + 2
            };
            out.push(Candidate {
                first,
                end,
                skip: if first == i {
                    proclitic_skip(w, record)
                } else {
                    0
                },
                kind: Kind::Loc,
                entry: None,
            });
            i = end;
            continue;
        }
        // A title before an unseen name: "العميد ماهر الشامي". The name
        // is indefinite (الرئيس الأميركي is a title and an adjective). A
        // title without the article is in construct with what follows
        // ("مدير مستودع", "a warehouse manager"; "رئيس وزراء"), not
        // before a name.
        let is_title =
            record.trigger == Some(Trigger::Title) && (pre.ends_with("ال") || w.starts_with("ال"));
        // The word after it must be used in the news as names are (a word
        // class of names, or unseen): "الوزير بعدم المساس" ("the minister
        // [pledged] not to touch") and "الرئيس عزمه" ("the president
        // [announced] his intention") name no one.
        let name_like = next.2.is_some_and(|r| r.name_like);
        if is_title && name_word(next) && name_like && !a.is_some_and(|a| a.starts_with("ال")) {
            let after = at(i + 2);
            let family = name_word(after) && after.0.is_some_and(|b| b.starts_with("ال"));
            let end = if family { i + 3 } else { i + 2 };
            out.push(Candidate {
                first: i + 1,
                end,
                skip: 0,
                kind: Kind::Per,
                entry: None,
            });
            i = end;
            continue;
        }
        // A definite word after an indefinite noun is not its adjective
        // (that would be indefinite too), so given name + ال-word, or two
        // given names, read as a full name.
        // علي is also على ("on") once folded: particles never start a name.
        // "وعلى" folds to وعلي: after و or ف it is "and on" far more
        // often than "and Ali" ("وعلى الصعيد").
        let particle = || {
            NOT_IN_NAMES.contains(&w) || (matches!(pre, "و" | "ف") && NOT_IN_NAMES.contains(&rest))
        };
        let given = (record.given || record.given_rest) && !particle();
        let surname = a.is_some_and(|a| a.starts_with("ال")) || next.2.is_some_and(|r| r.given);
        if given && kind == TokenKind::Word && name_word(next) && surname {
            out.push(Candidate {
                first: i,
                end: i + 2,
                skip: proclitic_skip(w, record),
                kind: Kind::Per,
                entry: None,
            });
            i += 2;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether word `i` of the sentence is a place descriptor ("قرى", "بمدينة").
fn is_descriptor(s: &Sentence, i: usize) -> bool {
    let (Some(w), _, Some(record)) = s.at(i) else {
        return false;
    };
    PLACE_DESCRIPTORS.contains(&w) || PLACE_DESCRIPTORS.contains(&record.split(w).1)
}

/// Mentions the model tagged, in token indices of the sentence.
fn model_candidates(tags: &[u8]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let Some(kind) = Kind::from_tag(t) else {
            continue;
        };
        let continues =
            t.is_multiple_of(2) && out.last().is_some_and(|c| c.end == i && c.kind == kind);
        match out.last_mut() {
            Some(c) if continues => c.end = i + 1,
            _ => out.push(Candidate {
                first: i,
                end: i + 1,
                skip: 0,
                kind,
                entry: None,
            }),
        }
    }
    out
}

/// The model's mentions with an organisation noun tagged alone joined to
/// the place right after it: decoding the whole sentence at once can read
/// "جامعة دمشق" as a lone organisation noun, then a place, where the
/// guidelines keep the outermost name, "Damascus University".
fn join_headed(candidates: Vec<Candidate>, s: &Sentence) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if let Some(last) = out.last_mut() {
            let lone_head = last.kind == Kind::Org
                && last.end == last.first + 1
                && s.records
                    .get(last.first)
                    .is_some_and(|r| r.trigger == Some(Trigger::Org));
            if lone_head && c.kind == Kind::Loc && c.first == last.end {
                last.end = c.end;
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Applies the span rules to a model mention: stops at punctuation, drops
/// leading descriptors and titles and generic words alone, and leaves out
/// the first word's proclitics. None when nothing of a name is left.
fn shape_candidate(mut c: Candidate, s: &Sentence) -> Option<Candidate> {
    let (words, kinds) = (s.words, s.kinds);
    if let Some(p) = (c.first..c.end).find(|&i| kinds.get(i) != Some(&TokenKind::Word)) {
        // A name is words; a number or quote mark ends it.
        if p == c.first {
            return None;
        }
        c.end = p;
    }
    if c.kind == Kind::Per {
        if let Some(p) =
            (c.first + 1..c.end).find(|&i| words.get(i).is_some_and(|w| NOT_IN_NAMES.contains(w)))
        {
            c.end = p;
        }
    }
    if c.kind == Kind::Loc {
        // A place descriptor inside the mention announces the name after
        // it: what comes before is not part of the place ("تغمر قرى وادي
        // الريحان", "floods submerge the villages of Wadi al-Rayhan", is
        // sometimes tagged from the verb on).
        if let Some(d) = (c.first + 1..c.end - 1)
            .rev()
            .find(|&i| is_descriptor(s, i))
        {
            c.first = d + 1;
        }
    }
    while c.end - c.first > 1 {
        let record = s.records.get(c.first)?;
        let is_descriptor = c.kind == Kind::Loc && is_descriptor(s, c.first);
        let is_title = c.kind == Kind::Per && record.trigger == Some(Trigger::Title);
        if !(is_descriptor || is_title) {
            break;
        }
        c.first += 1;
    }
    let (Some(first), _, Some(record)) = s.at(c.first) else {
        return None;
    };
    c.skip = proclitic_skip(first, record);
    // A mention that ends on "كفر" or "وادي" stops at the first half of a
    // place: "كفر نبودة", "وادي الريحان" (the head opens the name).
    let last = c.end - 1;
    let ends_on_head = s.at(last).0.is_some_and(|w| {
        let rest = s.records.get(last).map_or(w, |r| r.split(w).1);
        PLACE_COMPOUND_HEADS.contains(&w) || PLACE_COMPOUND_HEADS.contains(&rest)
    });
    if c.kind == Kind::Loc && ends_on_head && name_word(s.at(c.end)) {
        c.end += 1;
    }
    if c.end - c.first == 1 {
        let bare: String = first.chars().skip(c.skip).collect();
        // "بريف" is ب + ريف even where the cut was not made.
        let root = split_proclitics(&bare).1;
        // A head noun alone ("منظمة", "مدينة") announces a name; it is not one.
        if GENERIC.contains(&bare.as_str())
            || GENERIC.contains(&root)
            || trigger(&bare).is_some()
            || is_nationality(&bare)
            || PLACE_DESCRIPTORS.contains(&root)
            || bare.chars().count() < 3
            || PLURAL_NISBA.iter().any(|s| bare.ends_with(s))
        {
            return None;
        }
    }
    Some(c)
}

/// The mentions of one sentence: gazetteer matches, then the model's
/// mentions that overlap none of them. One exception keeps the outermost
/// of nested names: an organisation the model found that is headed by an
/// organisation noun and wholly contains known places ("جامعة دمشق",
/// "بلدية حلب") replaces them.
fn sentence_candidates(s: &Sentence) -> Vec<Candidate> {
    let matches = GAZETTEER.find_with(s.words, |i| s.records.get(i).map_or(&[], |r| &r.starts));
    let mut found: Vec<Candidate> = matches
        .iter()
        .filter_map(|m| {
            let kind = GAZETTEER.entries.get(m.entry)?.kind;
            Some(Candidate {
                first: m.first,
                end: m.first + m.len,
                skip: m.skip,
                kind,
                entry: Some(m.entry),
            })
        })
        .collect();
    let mut added = Vec::new();
    let scored: Vec<&model::Scored> = s.records.iter().map(|r| &r.scored).collect();
    let tags = MODEL.decode(&scored, &gazetteer_tags_of(s.words.len(), &matches), None);
    for c in join_headed(model_candidates(&tags), s) {
        let Some(c) = shape_candidate(c, s) else {
            continue;
        };
        let inside: Vec<usize> = (0..found.len())
            .filter(|&k| found[k].first < c.end && c.first < found[k].end)
            .collect();
        if inside.is_empty() {
            added.push(c);
            continue;
        }
        let heads_org = s
            .records
            .get(c.first)
            .is_some_and(|r| r.trigger == Some(Trigger::Org));
        let outermost = c.kind == Kind::Org
            && heads_org
            && inside.iter().all(|&k| {
                let g = &found[k];
                g.kind == Kind::Loc && c.first < g.first && g.end <= c.end
            });
        if outermost {
            for &k in inside.iter().rev() {
                found.remove(k);
            }
            added.push(c);
        }
    }
    found.extend(added);
    let found = institutions(found, s);
    let mut found = organisations::organisations(found, s);
    for c in trigger_candidates(s) {
        if !found.iter().any(|k| k.first < c.end && c.first < k.end) {
            found.push(c);
        }
    }
    found.sort_by_key(|c| c.first);
    found
}

/// Nouns of institutions that take a place as their name ("جامعة دمشق",
/// "بلدية الكويت", "مكتبة الإسكندرية"): the outermost name is the
/// institution, an organisation, not the place inside it. Organisation
/// heads that rather say whose they are (قوات، وزارة، جيش) or name a
/// thing (قناة السويس) are not here.
const INSTITUTION_HEADS: [&str; 11] = [
    "جامعة",
    "غرفة",
    "بلدية",
    "مكتبة",
    "معهد",
    "متحف",
    "بنك",
    "مصرف",
    "أكاديمية",
    "نادي",
    "مؤسسة",
];

/// Adjectives that belong to an institution's name after its place
/// ("بنك الكويت الوطني", "مصرف سوريا المركزي").
const INSTITUTION_ADJECTIVES: [&str; 12] = [
    "الوطني",
    "الوطنية",
    "الدولي",
    "الدولية",
    "المركزي",
    "المركزية",
    "الأهلي",
    "الأهلية",
    "الإسلامي",
    "الإسلامية",
    "التجاري",
    "التجارية",
];

/// Folded forms of a word list, built once.
fn folded(list: &[&str]) -> Vec<String> {
    list.iter().map(|w| normalize(w)).collect()
}

static HEADS_FOLDED: LazyLock<(Vec<String>, Vec<String>)> =
    LazyLock::new(|| (folded(&INSTITUTION_HEADS), folded(&INSTITUTION_ADJECTIVES)));

/// A place right after an institution noun that no mention covers becomes
/// the institution: one organisation from the noun to the place, and the
/// adjectives of [`INSTITUTION_ADJECTIVES`] after it.
fn institutions(found: Vec<Candidate>, s: &Sentence) -> Vec<Candidate> {
    let (heads, adjectives) = &*HEADS_FOLDED;
    let covered = |i: usize| found.iter().any(|c| c.first <= i && i < c.end);
    let mut out = Vec::with_capacity(found.len());
    for c in &found {
        let head = c.first.checked_sub(1).filter(|&h| !covered(h));
        let grows = c.kind == Kind::Loc
            && head.is_some_and(|h| {
                let (Some(w), Some(TokenKind::Word), Some(r)) = s.at(h) else {
                    return false;
                };
                // The whole word first: بلدية also splits as ب + لديه.
                heads.iter().any(|x| x == w || x == r.split(w).1)
            });
        match head.filter(|_| grows) {
            Some(h) => {
                let mut end = c.end;
                while s
                    .words
                    .get(end)
                    .is_some_and(|w| adjectives.iter().any(|a| a == w))
                {
                    end += 1;
                }
                let skip = match s.at(h) {
                    (Some(w), _, Some(r)) if !heads.iter().any(|x| x == w) => proclitic_skip(w, r),
                    _ => 0,
                };
                out.push(Candidate {
                    first: h,
                    end,
                    skip,
                    kind: Kind::Org,
                    entry: None,
                });
            }
            None => out.push(*c),
        }
    }
    out
}

/// The byte offset in `text` of the `skip`-th folded character of a token.
fn skip_chars(text: &str, token: &Token, skip: usize) -> usize {
    if skip == 0 {
        return token.start;
    }
    let mut seen = 0;
    for (i, c) in text
        .get(token.start..token.end)
        .unwrap_or("")
        .char_indices()
    {
        if matches!(fold(c), Fold::Drop) {
            continue;
        }
        if seen == skip {
            return token.start + i;
        }
        seen += 1;
    }
    token.start
}

/// Which of `len` tokens the candidates `found` already cover, so that a
/// pass adding mentions leaves them alone.
fn covered_tokens(found: &[Candidate], len: usize) -> Vec<bool> {
    let mut covered = vec![false; len];
    for c in found {
        for slot in covered.iter_mut().take(c.end).skip(c.first) {
            *slot = true;
        }
    }
    covered
}

/// Adds the later mentions of a person by surname alone: once "مصطفى
/// بالي" is found, a bare "بالي" elsewhere in the text is him too (the
/// model cannot know an unseen surname alone is a name). Candidates are in
/// token indices of the whole text.
fn add_surnames(tokens: &[Token], records: &[&Word], found: &mut Vec<Candidate>) {
    // Each surname with its record: a text's words have one record each,
    // so a token is a surname exactly when its record is one of these
    // (no string comparison per token).
    let surnames: Vec<(&str, &Word)> = found
        .iter()
        .filter(|c| c.kind == Kind::Per && c.end - c.first >= 2)
        .filter_map(|c| Some((tokens.get(c.end - 1)?, *records.get(c.end - 1)?)))
        .filter(|(_, r)| !r.given)
        .map(|(t, r)| (t.norm.as_str(), r))
        .filter(|(w, _)| w.chars().count() >= 3)
        .collect();
    if surnames.is_empty() {
        return;
    }
    let covered = covered_tokens(found, tokens.len());
    let mut added = Vec::new();
    for ((i, t), record) in tokens.iter().enumerate().zip(records) {
        if covered.get(i).copied().unwrap_or(true) || t.kind != TokenKind::Word {
            continue;
        }
        let skip = if surnames.iter().any(|&(_, r)| std::ptr::eq(r, *record)) {
            0
        } else {
            let (pre, rest) = record.split(&t.norm);
            if pre.is_empty() || !surnames.iter().any(|&(w, _)| w == rest) {
                continue;
            }
            pre.chars().count()
        };
        added.push(Candidate {
            first: i,
            end: i + 1,
            skip,
            kind: Kind::Per,
            entry: None,
        });
    }
    found.extend(added);
    found.sort_by_key(|c| c.first);
}

/// Finds and links the entities of a text.
///
/// ```
/// use tabayyun::entities::{recognize, Kind};
/// let text = "وقال المتحدث مصطفى بالي إن القتال مستمر في الباغوز.";
/// let e = recognize(text, &tabayyun::tokenize::tokenize(text));
/// let found: Vec<_> = e.iter().map(|e| (&text[e.start..e.end], e.kind)).collect();
/// assert!(found.contains(&("مصطفى بالي", Kind::Per)));
/// assert!(found.contains(&("الباغوز", Kind::Loc)));
/// ```
pub fn recognize(text: &str, tokens: &[Token]) -> Vec<Entity> {
    lexicon::with_words(tokens.iter().map(|t| t.norm.as_str()), |records| {
        recognize_with(text, tokens, records)
    })
}

/// [`recognize`] given the record of every token.
fn recognize_with(text: &str, tokens: &[Token], records: &[&Word]) -> Vec<Entity> {
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
    let mut found: Vec<Candidate> = Vec::new();
    for (s, e) in sentences(text, tokens) {
        let (Some(words), Some(kinds), Some(records)) =
            (words.get(s..e), kinds.get(s..e), records.get(s..e))
        else {
            continue;
        };
        let sentence = Sentence {
            words,
            kinds,
            records,
        };
        found.extend(
            sentence_candidates(&sentence)
                .into_iter()
                .map(|c| Candidate {
                    first: c.first + s,
                    end: c.end + s,
                    ..c
                }),
        );
    }
    add_surnames(tokens, records, &mut found);
    organisations::add_clubs(tokens, records, &mut found);
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    let mut mentions: Vec<link::Mention> = Vec::with_capacity(found.len());
    for c in found {
        let (Some(first), Some(last), Some(covered)) = (
            tokens.get(c.first),
            tokens.get(c.end - 1),
            tokens.get(c.first..c.end),
        ) else {
            continue;
        };
        // Tanwin marks an indefinite common word or adverb ("ألمانياً",
        // "in German"), never a name.
        let source = text.get(first.start..last.end).unwrap_or("");
        if source.contains(['\u{064B}', '\u{064C}', '\u{064D}']) {
            continue;
        }
        let mut words: Vec<String> = covered.iter().map(|t| t.norm.as_str().to_owned()).collect();
        if let Some(w) = words.first_mut() {
            *w = w.chars().skip(c.skip).collect();
        }
        spans.push((skip_chars(text, first, c.skip), last.end));
        mentions.push(link::Mention {
            words,
            kind: c.kind,
            entry: c.entry,
        });
    }
    link::link(&mentions)
        .into_iter()
        .zip(spans)
        .map(|((id, kind), (start, end))| Entity {
            start,
            end,
            kind,
            id,
        })
        .collect()
}

/// Tags CoNLL sentences whose tokens are as written (clitics attached, as
/// in ANERcorp): one BIO tag per token over PER, LOC and ORG, from the
/// model alone. The gazetteer enters as features; its names are not forced
/// over the model's tags because corpora draw spans their own way ("قطاع
/// غزة" is O B-LOC in ANERcorp), and forcing them scored lower on the
/// development split (see BENCHMARKS.md).
///
/// ```
/// use tabayyun::entities::tag_sentences;
/// let tags = tag_sentences(&[vec!["زار", "بغداد", "أمس"]]);
/// assert_eq!(tags[0], ["O", "B-LOC", "O"]);
/// ```
pub fn tag_sentences(sentences: &[Vec<&str>]) -> Vec<Vec<&'static str>> {
    let norms: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.iter().map(|t| normalize(t)).collect())
        .collect();
    let words: Vec<Vec<&str>> = norms
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    MODEL
        .tag_document(&words, features::CONTEXT_WINDOW)
        .iter()
        .map(|tags| {
            tags.iter()
                .map(|&t| model::TAG_NAMES.get(usize::from(t)).copied().unwrap_or("O"))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests;
