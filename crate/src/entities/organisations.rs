//! Entities, the organisation rules. Input: one sentence's mentions so far
//! (gazetteer matches, the model's mentions, institutions) and its words.
//! Output: the same mentions with the organisations that the lists and the
//! model miss or cut short, drawn as `../shared/gold/GUIDELINES.md` and the
//! held-out sets draw them:
//! - bodies named by a head noun and a genitive chain, whole ("وزارة
//!   الشؤون البلدية والقروية", "الهيئة العامة للغذاء والدواء", "مجلس
//!   التعاون لدول الخليج العربية"); the chain ends before a verb, a
//!   preposition other than the name's own ل, a number, a time word, or a
//!   name that follows;
//! - the brand after an outlet or company noun, without the noun ("صحيفة
//!   عكاظ" → عكاظ, "قناة العربية" → العربية, "شركة نوفالاك" → نوفالاك);
//! - football clubs whose names are common words or places (الهلال "the
//!   crescent", النصر "victory", العين "the eye"), only after a sports word
//!   (نادي، فريق، مدرب، مباراة، ضيفه، فاز، تعادل), and then their other
//!   mentions in the same text ([`add_clubs`]).
//!
//! Invariants: each rule is one pass over the sentence with word-set
//! lookups (no pattern matching per token); mentions stay sorted and never
//! overlap; a known organisation of the gazetteer is never cut.

use super::features::{Trigger, WordMap};
use super::gazetteer::GAZETTEER;
use super::lexicon::Word;
use super::{
    clusters, covered_tokens, is_nationality, name_word, proclitic_skip, Candidate, Kind, Sentence,
    GENERIC, NOT_IN_NAMES, PLURAL_NISBA,
};
use crate::normalize::normalize;
use crate::tokenize::{Token, TokenKind};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Nouns that open a body's name when a genitive follows ("وزارة
/// الصحة") or, with the article, when name adjectives follow ("النيابة
/// العامة").
const BODY_HEADS: &str = "وزارة هيئة مجلس لجنة محكمة نيابة اتحاد رابطة شركة جمعية منظمة حزب \
وكالة مؤسسة أمانة مستشفى جامعة أكاديمية معهد كلية بنك مصرف مفوضية ديوان برلمان نقابة بلدية مكتبة \
متحف";

/// Institutions that take a proper name after them, kept whole: "أكاديمية
/// طويق", "مكتبة الإسكوريال", "دار الساقي" (a publisher).
const INSTITUTIONS: &str = "جامعة مكتبة معهد متحف أكاديمية مستشفى كلية دار";

/// Heads that are as often common nouns ("مركز المدينة", "the town
/// centre"; "حركة المرور", "traffic"; "جبهة العند", a battle front;
/// "مديرية المخادر", a Yemeni district): a name needs two words after
/// them.
const LOOSE_HEADS: &str = "مركز حركة غرفة صندوق مكتب مجموعة جبهة مديرية";

/// Outlet nouns: the brand after them is the name, without the noun
/// ("لقناة العربية" → العربية, "صحيفة الشرق الأوسط" → الشرق الأوسط).
const MEDIA_HEADS: &str = "صحيفة قناة مجلة منصة إذاعة";

/// Company nouns: an unseen brand after them is a name on its own
/// ("شركة نوفالاك"), but a common noun makes one name with them ("شركة
/// نفط الكويت", "وكالة الأنباء السعودية").
const COMPANY_HEADS: &str = "شركة وكالة مؤسسة بورصة مجموعة";

/// Sports nouns right before a club, indefinite, in construct with it
/// ("مدرب الهلال", "the Hilal coach"): a club read after one of them is
/// the club wherever else the text names it ([`add_clubs`]).
const CLUB_NOUNS: &str = "نادي فريق لاعب لاعبو لاعبي مدرب مدربو مباراة مواجهة ضيف ضيفه ضيفها \
مضيف مضيفه منافس منافسه جماهير جمهور حارس مهاجم مدافع هداف";

/// Prepositions of a match's other side, after a club ("فاز الاتحاد على
/// الفتح", "تعادل الأهلي مع الشباب").
const OPPONENT_WORDS: &str = "على مع أمام ضد";

/// Match verbs right before a club ("تعادل الأهلي", "ويلتقي الوداد"):
/// that mention only, since some are general ("يواجه الاتفاق", "the
/// agreement faces").
const CLUB_VERBS: &str = "فاز يفوز تعادل يتعادل خسر يخسر تغلب يتغلب هزم يهزم استضاف يستضيف \
تأهل يتأهل واجه يواجه التقى يلتقي";

/// Adjectives that make a definite head a name ("النيابة العامة", "the
/// Public Prosecution"; "المحكمة الجزائية المتخصصة").
const NAME_ADJECTIVES: &str = "العامة العام العليا الأعلى الدولية الدولي العالمية العالمي \
المتحدة الوطنية الوطني المركزية المركزي الاتحادية الاتحادي الدستورية الجزائية \
الإدارية الشرعية الأهلية الكبرى الملكية";

/// Words with a first hamza that read as if they had the article once
/// folded ("إلكترونية" → الكترونيه): after an outlet noun they are
/// adjectives ("منصة إلكترونية", "an online platform"), not brands.
const LOOKALIKES: &str = "إلكترونية إلكتروني إلزامية إلزامي ألعاب إلهام";

/// Participles that go on a name but do not make one alone ("المحكمة
/// الجزائية المتخصصة"; "الشركة المتخصصة في" is "the company specialised
/// in").
const MORE_ADJECTIVES: &str = "المتخصصة المتخصص المسلحة المستقلة الموحدة";

/// Time words: a chain ends before them ("وزارة الصحة الأحد", "العام
/// الماضي"); relative pronouns, demonstratives and quantifiers, which
/// are no construct noun ("مؤسسة هذه المبادرة").
const STOP_WORDS: &str = "الماضي الماضية الحالي الحالية الجاري الجارية المقبل المقبلة القادم \
القادمة الأخير الأخيرة الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت اليوم الذي التي الذين \
هذه هذا ذلك تلك هؤلاء كل بعض جميع أي غير";

/// Patrons a body is named after, with their given names ("مستشفى الملك
/// فهد", "جامعة الأمير سلطان").
const PATRONS: &str = "الملك الأمير الشيخ الإمام السلطان الشهيد";

/// Genitives that make a head a common phrase, not a name ("مجلس
/// الإدارة", "the board"; "غرفة العمليات", "the operations room").
const NOT_COMPLEMENTS: &str = "الإدارة إدارة الأمناء التحقيق العمليات الشرطة الاقتراع البريد المرور";

/// Generic places: a head with one of them alone is the local body of a
/// place named elsewhere ("بلدية المحافظة", "the governorate's
/// municipality"), not a name; with more it can be ("أمانة المنطقة
/// الشرقية").
const PLACE_GENITIVES: &str = "المحافظة المنطقة المدينة البلدة القرية البلاد الولاية";

const BODY: u32 = 1;
const LOOSE: u32 = 2;
const MEDIA: u32 = 4;
const COMPANY: u32 = 8;
const CLUB_NOUN: u32 = 16;
const NAME_ADJECTIVE: u32 = 32;
const STOP: u32 = 64;
const PATRON: u32 = 128;
const NOT_COMPLEMENT: u32 = 256;
const INSTITUTION: u32 = 512;
const CLUB_VERB: u32 = 1024;
const PLACE_GENITIVE: u32 = 2048;
const MORE_ADJECTIVE: u32 = 4096;
const CLUB: u32 = 8192;
/// Marks a head's key with the article ("الهييه" for هيئة), so that one
/// lookup finds a definite head.
const DEFINITE: u32 = 16384;
const OPPONENT: u32 = 32768;
/// A word whose first hamza folds away into what reads as the article.
const LOOKALIKE: u32 = 65536;
const HEAD: u32 = BODY | LOOSE | MEDIA | COMPANY | INSTITUTION;

/// Every word of the lists above, folded, with the roles it has.
static ROLES: LazyLock<WordMap<u32>> = LazyLock::new(|| {
    let mut m = WordMap::default();
    for (list, role) in [
        (BODY_HEADS, BODY),
        (LOOSE_HEADS, LOOSE),
        (MEDIA_HEADS, MEDIA),
        (COMPANY_HEADS, COMPANY),
        (CLUB_NOUNS, CLUB_NOUN),
        (CLUB_VERBS, CLUB_VERB),
        (PLACE_GENITIVES, PLACE_GENITIVE),
        (MORE_ADJECTIVES, MORE_ADJECTIVE),
        (OPPONENT_WORDS, OPPONENT),
        (LOOKALIKES, LOOKALIKE),
        (NAME_ADJECTIVES, NAME_ADJECTIVE),
        (STOP_WORDS, STOP),
        (PATRONS, PATRON),
        (NOT_COMPLEMENTS, NOT_COMPLEMENT),
        (INSTITUTIONS, INSTITUTION),
    ] {
        for w in list.split_whitespace() {
            let n = normalize(w);
            if role & HEAD != 0 {
                *m.entry(format!("ال{n}")).or_insert(0) |= role | DEFINITE;
            }
            *m.entry(n).or_insert(0) |= role;
        }
    }
    for club in GAZETTEER.clubs() {
        *m.entry(club.to_string()).or_insert(0) |= CLUB;
    }
    m
});

/// The roles of a folded word (0 for most words).
fn roles(word: &str) -> u32 {
    ROLES.get(word).copied().unwrap_or(0)
}

/// A word without its proclitics but with its article, and the folded
/// characters left out: "والدواء" → (1, الدواء), "للغذاء" → (1, الغذاء:
/// the ل of لل is the preposition, the other the article), "بسابك" →
/// (1, سابك).
fn article_form<'a>(word: &'a str, record: &Word) -> (usize, Cow<'a, str>) {
    let (pre, rest) = record.split(word);
    let n = pre.chars().count();
    if pre.is_empty() {
        (0, Cow::Borrowed(word))
    } else if let Some(before) = pre.strip_suffix("ال") {
        (n - 2, Cow::Borrowed(&word[before.len()..]))
    } else if pre.ends_with("لل") {
        (n - 1, Cow::Owned(format!("ال{rest}")))
    } else {
        (n, Cow::Borrowed(rest))
    }
}

/// Word `i` of the sentence if it is a word: (folded word, its record).
fn word_at<'a>(s: &Sentence<'a>, i: usize) -> Option<(&'a str, &'a Word)> {
    match s.at(i) {
        (Some(w), Some(TokenKind::Word), Some(r)) => Some((w, r)),
        _ => None,
    }
}

/// What the rules ask of one word, looked up once per sentence: the
/// head noun it is (roles, proclitic characters to leave out, whether it
/// has the article), and the club it names (proclitic characters to leave
/// out). Most words are neither and cost one lookup.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Mark {
    head: Option<(u32, usize, bool)>,
    club: Option<usize>,
}

/// The [`Mark`] of a folded word given its record (whose own `org` is not
/// read): worked out once per distinct word, kept in the record
/// ([`Word::org`]). A head is tried whole first: "وزارة" also splits as
/// و + زارة.
pub(super) fn mark(w: &str, r: &Word) -> Mark {
    // One lookup for a word without proclitics or with the article
    // alone, two otherwise: whole ("وزارة" also splits as و +
    // زارة), and without its proclitics ("والهيئة" → الهيئة).
    let whole = roles(w);
    let pre = r.split(w).0;
    let (skip, own) = if pre.is_empty() || pre == "ال" {
        (0, whole)
    } else {
        let (skip, a) = article_form(w, r);
        (skip, roles(&a))
    };
    let head = if whole & HEAD != 0 && whole & DEFINITE == 0 {
        Some((whole & HEAD, 0, false))
    } else {
        (own & HEAD != 0).then_some((own & HEAD, skip, own & DEFINITE != 0))
    };
    let club = (own & CLUB != 0).then_some(skip);
    Mark { head, club }
}

/// The [`Mark`] of every word of the sentence.
fn marks(s: &Sentence) -> Vec<Mark> {
    (0..s.words.len())
        .map(|i| word_at(s, i).map_or_else(Mark::default, |(_, r)| r.org))
        .collect()
}

/// The organisation rules of the module doc, in order: bodies, brands,
/// clubs.
pub(super) fn organisations(found: Vec<Candidate>, s: &Sentence) -> Vec<Candidate> {
    let marks = marks(s);
    if marks.iter().all(|m| m.head.is_none() && m.club.is_none()) {
        return found;
    }
    let found = bodies(found, s, &marks);
    let found = brands(found, s, &marks);
    clubs(found, s, &marks)
}

/// Whether a definite word reads as an adjective of the name: a name
/// adjective, or a singular nisba ("الصحي", "البلدية"; not "السوريين").
fn adjective(a: &str) -> bool {
    let r = roles(a);
    if r & STOP != 0 {
        return false;
    }
    r & (NAME_ADJECTIVE | MORE_ADJECTIVE) != 0
        || ((a.ends_with('ي') || a.ends_with("يه"))
            && !PLURAL_NISBA.iter().any(|p| a.ends_with(p))
            && a.chars().count() >= 5)
}

/// Word `i` as a definite word standing alone (no proclitic), with the
/// article: "الصحه" in "وزارة الصحة". None for time words and pronouns.
fn bare_definite<'a>(s: &Sentence<'a>, i: usize) -> Option<Cow<'a, str>> {
    let (w, r) = word_at(s, i)?;
    let (skip, a) = article_form(w, r);
    let ok = skip == 0
        && a.starts_with("ال")
        && a.chars().count() >= 4
        && roles(&a) & (STOP | LOOKALIKE) == 0
        && !NOT_IN_NAMES.contains(&w);
    ok.then_some(a)
}

/// A common noun in construct before the genitive: "حماية" in "جمعية
/// حماية المستهلك". Attested in the news, no proclitic, no article, and
/// not a name nor a word that opens one.
fn construct_noun(s: &Sentence, i: usize) -> bool {
    word_at(s, i).is_some_and(|(w, r)| {
        (roles(w) & LOOKALIKE != 0 || (r.split(w).0.is_empty() && !w.starts_with("ال")))
            && clusters::cluster(w).is_some()
            && !r.given
            && r.starts.is_empty()
            && r.trigger.is_none()
            && !NOT_IN_NAMES.contains(&w)
            && roles(w) & (HEAD | NOT_COMPLEMENT | STOP) == 0
    })
}

/// Where a body's name that opens at head `h` ends (exclusive), at most
/// `limit` (where a known organisation starts), or None when what follows
/// is no name.
fn chain_end(
    s: &Sentence,
    h: usize,
    limit: usize,
    definite_head: bool,
    loose: bool,
) -> Option<usize> {
    let word_at = |i: usize| if i < limit { word_at(s, i) } else { None };
    let bare_definite = |i: usize| if i < limit { bare_definite(s, i) } else { None };
    let mut i = h + 1;
    // With the article, the head needs a name adjective, two adjectives,
    // or an adjective and a complement with ل: "الشركة المصنعة" ("the
    // manufacturer"), "المكتب الإعلامي" ("the media office") are none.
    let mut named = false;
    let mut complement = false;
    let mut adjectives = 0;
    if !definite_head {
        // One construct noun at most: "مجموعة ثالثة تضم" is a group, a
        // verb, then its object.
        let k = if construct_noun(s, i) { i + 1 } else { i };
        let genitive = bare_definite(k)?;
        // After a construct noun, a nisba adjective is the brand's, not a
        // genitive ("شركة هواوي الصينية"); a title is the next person's
        // ("لجنة تراحم الأستاذ حمد").
        let title = word_at(k).is_some_and(|(_, r)| r.trigger == Some(Trigger::Title))
            && roles(&genitive) & PATRON == 0;
        if roles(&genitive) & NOT_COMPLEMENT != 0
            || title
            || is_nationality(&genitive)
            || (k > i && adjective(&genitive))
        {
            return None;
        }
        i = k + 1;
        let only_place = roles(&genitive) & PLACE_GENITIVE != 0;
        if only_place && bare_definite(i).is_none_or(|a| !adjective(&a)) {
            return None;
        }
        if roles(&genitive) & PATRON != 0 {
            // "مستشفى الشيخ زايد", "جامعة الملك عبد العزيز", "جامعة الأمير
            // محمد بن فهد": the patron's name.
            let name = |i: usize| {
                i < limit
                    && name_word(s.at(i))
                    && s.words.get(i).is_some_and(|w| !w.starts_with("ال"))
            };
            let is = |i: usize, x: &str| s.words.get(i).is_some_and(|w| *w == x);
            if name(i) {
                let abd = is(i, "عبد");
                i += 1;
                if abd && word_at(i).is_some() {
                    i += 1;
                } else if is(i, "بن") && name(i + 1) {
                    i += 2;
                }
            }
        }
    }
    while let Some((w, r)) = word_at(i) {
        let (skip, a) = article_form(w, r);
        let pre = r.split(w).0;
        let definite = a.starts_with("ال") && roles(&a) & STOP == 0;
        // A time noun with its adjective ("العام الماضي") is no adjective.
        let time_follows = bare_definite(i + 1).is_none()
            && word_at(i + 1).is_some_and(|(n, nr)| roles(&article_form(n, nr).1) & STOP != 0);
        if skip == 0 && definite {
            if !adjective(&a) || time_follows || adjectives >= 3 {
                break;
            }
            named |= roles(&a) & NAME_ADJECTIVE != 0;
            adjectives += 1;
            i += 1;
        } else if definite && (pre == "وال" || pre == "لل") {
            // "والدواء" joins the genitive; "للغذاء" is the name's own ل.
            // A known name is another one ("الاتحاد الأوروبي والولايات
            // المتحدة").
            if roles(&a) & HEAD != 0 || time_follows || !r.starts.is_empty() {
                break;
            }
            complement |= pre == "لل";
            i += 1;
        } else if (pre == "ل" || pre == "و")
            && !(pre == "ل" && complement)
            && clusters::cluster(&a).is_some()
            && roles(&a) & HEAD == 0
            && bare_definite(i + 1).is_some_and(|d| roles(&d) & HEAD == 0)
            && word_at(i + 1).is_some_and(|(_, r)| r.trigger != Some(Trigger::Title))
            && word_at(i + 2).is_none_or(|(n, nr)| roles(&article_form(n, nr).1) & STOP == 0)
        {
            // "لكرة القدم", "لحقوق الإنسان", "وتقنية المعلومات"; not
            // "وأمانة المنطقة" (another body), "لإجبار الرئيس" (a purpose:
            // "to force the president"), "لعقد الاجتماع القادم" ("to hold
            // the next meeting"); one complement with ل.
            complement |= pre == "ل";
            i += 2;
        } else {
            break;
        }
    }
    let long_enough = if loose { i >= h + 3 } else { i >= h + 2 };
    let is_name = !definite_head || named || adjectives >= 2 || (adjectives >= 1 && complement);
    (long_enough && is_name).then_some(i)
}

/// Puts a rule's mention among the sentence's mentions: it replaces the
/// mentions wholly inside it (the outermost name wins: "أمانة المنطقة
/// الشرقية" over the region), ends before a known organisation that
/// starts inside it, and gives way to any mention that covers its first
/// word and to a known organisation that starts there ("مفوض الاتحاد
/// الأوروبي لشؤون المهاجرين" is the EU's commissioner for migration).
fn place(found: &mut Vec<Candidate>, mut c: Candidate, min_len: usize) -> bool {
    for k in found.iter() {
        if k.end <= c.first || c.end <= k.first {
            continue;
        }
        let known_org = k.entry.is_some() && k.kind == Kind::Org;
        if k.first < c.first || (k.first == c.first && known_org) {
            return false;
        }
        if (known_org && k.first > c.first) || k.end > c.end {
            c.end = c.end.min(k.first);
        }
    }
    if c.end < c.first + min_len {
        return false;
    }
    found.retain(|k| k.end <= c.first || c.end <= k.first);
    let at = found.partition_point(|k| k.first < c.first);
    found.insert(at, c);
    true
}

/// Adds bodies named by a head noun and a genitive chain, whole.
fn bodies(mut found: Vec<Candidate>, s: &Sentence, marks: &[Mark]) -> Vec<Candidate> {
    let mut i = 0;
    while i < s.words.len() {
        let head = marks.get(i).and_then(|m| m.head);
        let Some((role, skip, definite)) = head.filter(|h| h.0 & (BODY | LOOSE | INSTITUTION) != 0)
        else {
            i += 1;
            continue;
        };
        let loose = role & BODY == 0;
        let limit = found
            .iter()
            .filter(|k| k.entry.is_some() && k.kind == Kind::Org && k.first > i)
            .map(|k| k.first)
            .min()
            .unwrap_or(s.words.len());
        let institution = (role & INSTITUTION != 0 && !definite)
            .then(|| {
                (i + 1..(i + 3).min(limit))
                    .take_while(|&k| unseen(s, k))
                    .count()
            })
            .filter(|&n| n > 0)
            .map(|n| i + 1 + n);
        match chain_end(s, i, limit, definite, loose).or(institution) {
            Some(end) => {
                let c = Candidate {
                    first: i,
                    end,
                    skip,
                    kind: Kind::Org,
                    entry: None,
                };
                place(&mut found, c, 2);
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// Object pronouns on an unseen word mark a verb or a noun's possessor
/// ("بمجموعة تصنفها", "a group that it classifies"), not a brand.
const PRONOUN_SUFFIXES: [&str; 4] = ["ها", "هم", "هما", "كم"];

/// Whether word `i` is a name no list or news word knows: a brand after a
/// company noun ("نوفالاك"), the proper name of an institution ("أكاديمية
/// طويق"). Its first letter is no proclitic when the rest is unknown too
/// ("بيرتامينا").
fn unseen(s: &Sentence, i: usize) -> bool {
    name_word(s.at(i))
        && word_at(s, i).is_some_and(|(w, r)| {
            proclitic_skip(w, r) == 0
                && clusters::cluster(w).is_none()
                && !r.given
                && !PRONOUN_SUFFIXES.iter().any(|p| w.ends_with(p))
        })
}

/// The brand after an outlet or company noun, without the noun.
fn brands(mut found: Vec<Candidate>, s: &Sentence, marks: &[Mark]) -> Vec<Candidate> {
    for (h, mark) in marks.iter().enumerate() {
        let Some((role, _, false)) = mark.head.filter(|h| h.0 & (MEDIA | COMPANY) != 0) else {
            continue;
        };
        let media = role & MEDIA != 0;
        let at_head = found.iter().position(|k| k.first == h);
        let after = found.iter().position(|k| k.first == h + 1);
        if let Some(k) = at_head.and_then(|k| found.get_mut(k)) {
            // "صحيفة عكاظ" as listed: the span is the brand. After a
            // company noun only when the brand alone is listed too
            // ("وكالة ناسا"); "وكالة الأنباء السعودية" stays whole.
            let rest: Vec<&str> = s.words.get(h + 1..k.end).unwrap_or(&[]).to_vec();
            let listed = GAZETTEER.by_surface.contains_key(&rest.join(" "));
            if k.kind == Kind::Org && k.end > h + 1 && (media || listed) {
                k.first = h + 1;
                k.skip = 0;
            }
        } else if let Some(k) = after.and_then(|k| found.get_mut(k)) {
            // "صحيفة الشرق الأوسط" is the paper, not the region.
            if k.kind != Kind::Org && (media || k.entry.is_none()) {
                k.kind = Kind::Org;
                k.entry = None;
            }
        } else if found.iter().all(|k| k.end <= h + 1 || h + 2 <= k.first) {
            // After an outlet noun (feminine), an indefinite word in ة
            // agrees with it as an adjective ("قناة فضائية", "a satellite
            // channel"); a definite one is the brand ("صحيفة الحياة").
            let media_brand = media
                && name_word(s.at(h + 1))
                && word_at(s, h + 1).is_some_and(|(w, r)| {
                    let (skip, a) = article_form(w, r);
                    let definite = a.starts_with("ال") && roles(&a) & LOOKALIKE == 0;
                    skip == 0
                        && a.chars().count() >= 3
                        && (definite || !a.ends_with('ه'))
                        && !GENERIC.contains(&a.as_ref())
                        && roles(&a) & (NOT_COMPLEMENT | STOP | CLUB_NOUN | CLUB_VERB) == 0
                });
            let definite_brand = media_brand && bare_definite(s, h + 1).is_some();
            if !(media_brand || unseen(s, h + 1)) {
                continue;
            }
            let mut end = h + 2;
            while !definite_brand
                && unseen(s, end)
                && found.iter().all(|k| k.end <= end || end < k.first)
            {
                end += 1;
            }
            let c = Candidate {
                first: h + 1,
                end,
                skip: 0,
                kind: Kind::Org,
                entry: None,
            };
            place(&mut found, c, 1);
        }
    }
    found
}

/// The club roles of a word after its proclitics; a noun only without the
/// article ("اللاعب المصري" is "the Egyptian player").
fn sports_word(w: &str, r: &Word) -> u32 {
    let (pre, rest) = r.split(w);
    let role = if pre.is_empty() {
        roles(w)
    } else {
        roles(rest)
    };
    if pre.ends_with("ال") || pre.ends_with("لل") || w.starts_with("ال") {
        role & CLUB_VERB
    } else {
        role
    }
}

/// Clubs after a sports word ("فريق الهلال", "تعادل الأهلي"), a club
/// joined to one found ("مباراة القادسية والتعاون"), and the other side
/// of a club found in the sentence ("فاز الاتحاد خارج أرضه على الفتح").
fn clubs(mut found: Vec<Candidate>, s: &Sentence, marks: &[Mark]) -> Vec<Candidate> {
    let mut previous_club = None;
    for (i, mark) in marks.iter().enumerate() {
        let Some(skip) = mark.club else {
            continue;
        };
        let context = i
            .checked_sub(1)
            .and_then(|p| word_at(s, p))
            .is_some_and(|(w, r)| sports_word(w, r) & (CLUB_NOUN | CLUB_VERB) != 0);
        let joined = i.checked_sub(1).is_some_and(|p| previous_club == Some(p))
            && skip == 1
            && s.words.get(i).is_some_and(|w| w.starts_with('و'));
        let opponent = previous_club.is_some()
            && skip == 0
            && i.checked_sub(1)
                .and_then(|p| s.words.get(p))
                .is_some_and(|w| roles(w) & OPPONENT != 0);
        if !(context || joined || opponent) {
            continue;
        }
        // A longer name that starts with the club word ("الهلال الأحمر",
        // "الاتحاد الأوروبي") stays.
        if let Some(k) = found.iter_mut().find(|k| k.first <= i && i < k.end) {
            if k.first == i && k.end == i + 1 {
                if k.kind != Kind::Org {
                    k.kind = Kind::Org;
                    k.entry = None;
                }
                previous_club = Some(i);
            }
            continue;
        }
        let c = Candidate {
            first: i,
            end: i + 1,
            skip,
            kind: Kind::Org,
            entry: None,
        };
        if place(&mut found, c, 1) {
            previous_club = Some(i);
        }
    }
    found
}

/// The other mentions of a club read after a sports noun, in the whole
/// text: once "فريق الهلال" is read, a bare "الهلال" elsewhere is the club
/// too. Candidates are in token indices of the whole text.
pub(super) fn add_clubs(tokens: &[Token], records: &[&Word], found: &mut Vec<Candidate>) {
    let form = |i: usize| {
        let (t, r) = (tokens.get(i)?, records.get(i)?);
        (t.kind == TokenKind::Word).then(|| article_form(&t.norm, r))
    };
    let after_noun = |i: usize| {
        i.checked_sub(1)
            .and_then(|p| Some((tokens.get(p)?, records.get(p)?)))
            .is_some_and(|(t, r)| sports_word(&t.norm, r) & CLUB_NOUN != 0)
    };
    let clubs: Vec<Cow<str>> = found
        .iter()
        .filter(|c| c.kind == Kind::Org && c.end == c.first + 1 && after_noun(c.first))
        .filter_map(|c| form(c.first).map(|f| f.1))
        .filter(|a| GAZETTEER.is_club(a))
        .collect();
    if clubs.is_empty() {
        return;
    }
    let covered = covered_tokens(found, tokens.len());
    let mut added = Vec::new();
    for (i, &taken) in covered.iter().enumerate() {
        if taken {
            continue;
        }
        if let Some((skip, _)) = form(i).filter(|(_, a)| clubs.contains(a)) {
            added.push(Candidate {
                first: i,
                end: i + 1,
                skip,
                kind: Kind::Org,
                entry: None,
            });
        }
    }
    found.extend(added);
    found.sort_by_key(|c| c.first);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_survive_normalization() {
        for list in [
            BODY_HEADS,
            LOOSE_HEADS,
            MEDIA_HEADS,
            COMPANY_HEADS,
            CLUB_NOUNS,
            CLUB_VERBS,
            PLACE_GENITIVES,
            MORE_ADJECTIVES,
            OPPONENT_WORDS,
            LOOKALIKES,
            NAME_ADJECTIVES,
            STOP_WORDS,
            PATRONS,
            NOT_COMPLEMENTS,
            INSTITUTIONS,
        ] {
            let mut seen = std::collections::HashSet::new();
            for w in list.split_whitespace() {
                let n = normalize(w);
                assert_eq!(n.split_whitespace().count(), 1, "one word: {w}");
                assert!(seen.insert(n), "duplicate {w}");
            }
        }
    }

    #[test]
    fn adjectives_table() {
        let cases = [
            ("العامه", true),     // "general" (name adjective)
            ("الصحي", true),      // "health", nisba
            ("البلديه", true),    // "municipal", nisba
            ("السوريين", false),  // "the Syrians": plural, a group
            ("الماضي", false),    // "last": a time word
            ("المواطنين", false), // "the citizens": a noun
        ];
        for (w, want) in cases {
            assert_eq!(adjective(w), want, "adjective({w})");
        }
    }

    #[test]
    fn roles_table() {
        let cases = [
            ("وزارة", BODY),             // "ministry", a head
            ("الهيئة", BODY | DEFINITE), // "the authority", a head with its article
            ("صحيفة", MEDIA),            // "newspaper", an outlet noun
            ("مباراة", CLUB_NOUN),       // "match", before a club
            ("الهلال", CLUB),             // Al-Hilal, a club of the list
            ("إلكترونية", LOOKALIKE),    // "electronic", not definite
            ("الحكومة", 0),              // "the government", none
        ];
        for (w, want) in cases {
            assert_eq!(roles(&normalize(w)) & want, want, "roles({w})");
            assert_eq!(roles(&normalize(w)) == 0, want == 0, "roles({w})");
        }
    }
}
