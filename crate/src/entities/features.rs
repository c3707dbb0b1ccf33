//! Entities, the feature stage of the sequence model. Input: the folded
//! words of one sentence and their gazetteer tags. Output: for each word, the
//! hashed ids of its features: the word, its proclitic split and light stem,
//! prefixes and suffixes, shape, the words around it, gazetteer membership
//! and trigger words nearby (titles, verbs of saying, organisation and place
//! nouns).
//!
//! Invariants: hashing is FNV-1a over bytes in `u64` arithmetic, so the
//! native trainer and the wasm reader compute the same ids; the feature set
//! of a word depends only on the sentence, never on other documents.

use super::gazetteer::GAZETTEER;
use super::Kind;
use crate::normalize::normalize;
use crate::tokenize::{light_stem, split_proclitics};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Hashes a feature template and its value parts.
///
/// ```
/// use tabayyun::entities::features::hash;
/// assert_eq!(hash(1, &["قال"]), hash(1, &["قال"]));
/// assert_ne!(hash(1, &["قال"]), hash(2, &["قال"]));
/// ```
pub fn hash(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    for p in parts {
        for &b in p.as_bytes() {
            eat(b);
        }
        // A separator so ("ab", "c") and ("a", "bc") differ.
        eat(0xff);
    }
    h
}

/// What a nearby word announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// A title or role before a person's name: الرئيس، وزير، الشيخ.
    Title,
    /// A verb of saying, whose subject is often a person or an agency.
    Said,
    /// A noun that heads an organisation's name: وكالة، قوات، حزب.
    Org,
    /// A noun that precedes a place: مدينة، بلدة، قرية، محافظة.
    Place,
}

impl Trigger {
    fn code(self) -> &'static str {
        match self {
            Trigger::Title => "T",
            Trigger::Said => "S",
            Trigger::Org => "O",
            Trigger::Place => "P",
        }
    }
}

const TITLES: &str =
    "الرئيس الرئيسة رئيس رئيسة وزير وزيرة الوزير الوزيرة الشيخ الشيخة السيد السيدة \
الدكتور الدكتورة المتحدث المتحدثة الناطق الناطقة القائد قائد الجنرال العميد اللواء العقيد المقدم \
الرائد النقيب الملك الملكة الأمير الأميرة الأمين المبعوث المبعوثة الممثل السفير السفيرة المستشار \
المستشارة النائب النائبة الزعيم الإمام المهندس الصحفي الصحافي الصحفية الكاتب الكاتبة المحلل \
الباحث الباحثة المدير المديرة مدير مديرة المسؤول المسؤولة القيادي الناشط الناشطة المراسل \
المراسلة الطبيب الطبيبة البروفيسور الأستاذ الأستاذة الحاج المطران البابا";

const SAID: &str = "قال قالت أعلن أعلنت أكد أكدت أوضح أوضحت أضاف أضافت صرح صرحت ذكر ذكرت أفاد \
أفادت أشار أشارت نقل نقلت يقول تقول نفى نفت طالب طالبت دعا دعت اتهم اتهمت";

const ORG_HEADS: &str = "وكالة قوات منظمة حزب جيش حركة جماعة تنظيم هيئة مجلس وزارة شركة صحيفة \
قناة جامعة لجنة اتحاد جبهة كتائب لواء ميليشيا ميليشيات فصائل فصيل مؤسسة مركز بنك موقع شبكة \
مفوضية محكمة برلمان ائتلاف تحالف إذاعة مجلة مستشفى نادي";

const PLACE_HEADS: &str = "مدينة بلدة قرية محافظة ريف منطقة إقليم ولاية دولة عاصمة العاصمة مخيم \
نهر جبل بحر حي ناحية مقاطعة شمال جنوب شرق غرب شمالي جنوبي شرقي غربي حدود بلاد مطار ميناء \
بلدات قرى مدن ضواحي أطراف";

static TRIGGERS: LazyLock<HashMap<String, Trigger>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (list, t) in [
        (PLACE_HEADS, Trigger::Place),
        (ORG_HEADS, Trigger::Org),
        (SAID, Trigger::Said),
        (TITLES, Trigger::Title),
    ] {
        for w in list.split_whitespace() {
            m.insert(normalize(w), t);
        }
    }
    m
});

/// The trigger a folded word is, after its proclitics ("وقال" is "قال").
///
/// ```
/// use tabayyun::entities::features::{trigger, Trigger};
/// assert_eq!(trigger("وقال"), Some(Trigger::Said));
/// assert_eq!(trigger("بمدينه"), Some(Trigger::Place));
/// assert_eq!(trigger("الرييس"), Some(Trigger::Title));
/// ```
pub fn trigger(word: &str) -> Option<Trigger> {
    if let Some(&t) = TRIGGERS.get(word) {
        return Some(t);
    }
    let (pre, rest) = split_proclitics(word);
    if pre.ends_with("ال") {
        // والشيخ is و + الشيخ: the article belongs to the trigger; التحالف
        // is the trigger تحالف with its article.
        TRIGGERS
            .get(&format!("ال{rest}"))
            .or_else(|| TRIGGERS.get(rest))
            .copied()
    } else {
        TRIGGERS.get(rest).copied()
    }
}

/// A word's gazetteer tag in its sentence: outside, or begin/inside of a
/// known name of one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazTag {
    Out,
    Begin(Kind),
    Inside(Kind),
}

impl GazTag {
    fn code(self) -> &'static str {
        match self {
            GazTag::Out => "O",
            GazTag::Begin(Kind::Per) => "BP",
            GazTag::Begin(Kind::Loc) => "BL",
            GazTag::Begin(Kind::Org) => "BO",
            GazTag::Inside(Kind::Per) => "IP",
            GazTag::Inside(Kind::Loc) => "IL",
            GazTag::Inside(Kind::Org) => "IO",
        }
    }
}

/// Gazetteer tags of a sentence's words.
///
/// ```
/// use tabayyun::entities::features::{gazetteer_tags, GazTag};
/// use tabayyun::entities::Kind;
/// let tags = gazetteer_tags(&["في", "دير", "الزور"]);
/// assert_eq!(tags[1], GazTag::Begin(Kind::Loc));
/// assert_eq!(tags[2], GazTag::Inside(Kind::Loc));
/// ```
pub fn gazetteer_tags(words: &[&str]) -> Vec<GazTag> {
    let mut tags = vec![GazTag::Out; words.len()];
    for m in GAZETTEER.find(words) {
        let Some(kind) = GAZETTEER.entries.get(m.entry).map(|e| e.kind) else {
            continue;
        };
        for (k, t) in tags.iter_mut().skip(m.first).take(m.len).enumerate() {
            *t = if k == 0 {
                GazTag::Begin(kind)
            } else {
                GazTag::Inside(kind)
            };
        }
    }
    tags
}

fn shape(word: &str) -> &'static str {
    let mut chars = word.chars();
    match chars.next() {
        None => "empty",
        Some(c) if c.is_ascii_digit() => "digit",
        Some(c) if c.is_ascii_alphabetic() => "latin",
        Some(c) if ('\u{0600}'..='\u{06FF}').contains(&c) => match word.chars().count() {
            1 => "ar1",
            2..=3 => "ar3",
            4..=5 => "ar5",
            6..=7 => "ar7",
            _ => "ar8",
        },
        Some(c) if c.is_alphabetic() => "alpha",
        Some(_) => "punct",
    }
}

fn prefix(word: &str, n: usize) -> &str {
    word.char_indices()
        .nth(n)
        .map_or(word, |(i, _)| word.get(..i).unwrap_or(word))
}

fn suffix(word: &str, n: usize) -> &str {
    let count = word.chars().count();
    if count <= n {
        return word;
    }
    word.char_indices()
        .nth(count - n)
        .map_or(word, |(i, _)| word.get(i..).unwrap_or(word))
}

/// The static (tag-independent) feature hashes of every word of a sentence.
///
/// ```
/// use tabayyun::entities::features::sentence_features;
/// let f = sentence_features(&["قال", "المهندس", "كريم", "الزعبي"]);
/// assert_eq!(f.len(), 4);
/// assert!(f[2].len() > 20);
/// ```
pub fn sentence_features(words: &[&str]) -> Vec<Vec<u64>> {
    let gaz = gazetteer_tags(words);
    let splits: Vec<(&str, &str)> = words
        .iter()
        .map(|w| {
            if GAZETTEER.is_known_word(w) {
                ("", *w)
            } else {
                split_proclitics(w)
            }
        })
        .collect();
    let word = |j: isize| -> &str {
        usize::try_from(j)
            .ok()
            .and_then(|j| words.get(j))
            .copied()
            .unwrap_or(if j < 0 { "<s>" } else { "</s>" })
    };
    let rest = |j: isize| -> &str {
        usize::try_from(j)
            .ok()
            .and_then(|j| splits.get(j))
            .map_or(if j < 0 { "<s>" } else { "</s>" }, |s| s.1)
    };
    let gtag = |j: isize| -> &str {
        usize::try_from(j)
            .ok()
            .and_then(|j| gaz.get(j))
            .map_or("-", |g| g.code())
    };
    let trig = |j: isize| -> &str {
        usize::try_from(j)
            .ok()
            .and_then(|j| words.get(j))
            .and_then(|w| trigger(w))
            .map_or("-", Trigger::code)
    };
    let given = |j: isize| -> &str {
        let known = usize::try_from(j)
            .ok()
            .and_then(|j| splits.get(j))
            .is_some_and(|s| GAZETTEER.is_given_name(s.1));
        if known {
            "G"
        } else {
            "-"
        }
    };
    (0..words.len())
        .map(|i| {
            let i = i as isize;
            let w0 = word(i);
            let (pre, r0) = splits.get(i as usize).copied().unwrap_or(("", w0));
            let stem = light_stem(w0);
            let has_article = if pre.ends_with("ال") || pre.ends_with("لل") {
                "A"
            } else {
                "-"
            };
            vec![
                hash(0, &[]),
                hash(1, &[w0]),
                hash(2, &[r0]),
                hash(3, &[pre]),
                hash(4, &[stem]),
                hash(5, &[prefix(r0, 2)]),
                hash(6, &[prefix(r0, 3)]),
                hash(7, &[suffix(w0, 1)]),
                hash(8, &[suffix(w0, 2)]),
                hash(9, &[suffix(w0, 3)]),
                hash(10, &[shape(w0)]),
                hash(11, &[word(i - 1)]),
                hash(12, &[word(i + 1)]),
                hash(13, &[word(i - 2)]),
                hash(14, &[word(i + 2)]),
                hash(15, &[rest(i - 1)]),
                hash(16, &[rest(i + 1)]),
                hash(17, &[word(i - 1), r0]),
                hash(18, &[r0, word(i + 1)]),
                hash(19, &[gtag(i)]),
                hash(20, &[gtag(i - 1)]),
                hash(21, &[gtag(i + 1)]),
                hash(22, &[gtag(i), r0]),
                hash(23, &[given(i)]),
                hash(24, &[given(i - 1)]),
                hash(25, &[given(i + 1)]),
                hash(26, &[trig(i - 1)]),
                hash(27, &[trig(i - 2)]),
                hash(28, &[trig(i + 1)]),
                hash(29, &[trig(i)]),
                hash(30, &[trig(i - 1), shape(w0)]),
                hash(31, &[has_article, suffix(w0, 1)]),
                hash(32, &[stem, word(i - 1)]),
                hash(33, &[prefix(r0, 4)]),
                hash(34, &[suffix(w0, 4)]),
                hash(35, &[word(i - 1), word(i + 1)]),
                hash(36, &[light_stem(word(i - 1))]),
                hash(37, &[light_stem(word(i + 1))]),
                hash(38, &[trig(i - 1), gtag(i)]),
            ]
        })
        .collect()
}

/// The hashes of the features that depend on the tags already chosen to
/// the left (greedy decoding): previous tag, previous two, previous tag
/// with the word.
///
/// ```
/// use tabayyun::entities::features::tag_features;
/// assert_ne!(tag_features(0, 0, "باغوز"), tag_features(1, 0, "باغوز"));
/// ```
pub fn tag_features(prev: u8, prev2: u8, word: &str) -> [u64; 3] {
    let p = [b'0' + prev];
    let p2 = [b'0' + prev2];
    let p = std::str::from_utf8(&p).unwrap_or("?");
    let p2 = std::str::from_utf8(&p2).unwrap_or("?");
    [hash(40, &[p]), hash(41, &[p2, p]), hash(42, &[p, word])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_table() {
        let cases = [
            ("الرئيس", Some(Trigger::Title)), // "the president"
            ("والشيخ", Some(Trigger::Title)), // "and the sheikh"
            ("وقالت", Some(Trigger::Said)),   // "and she said"
            ("وكاله", Some(Trigger::Org)),    // "agency", folded: و is a root letter here
            ("قوات", Some(Trigger::Org)),     // "forces"
            ("بلده", Some(Trigger::Place)),   // "town", folded
            ("محافظة", Some(Trigger::Place)), // "province"
            ("مدني", None),                   // "civilian"
        ];
        for (w, want) in cases {
            assert_eq!(trigger(&normalize(w)), want, "trigger({w})");
        }
    }

    #[test]
    fn affixes_never_split_a_character() {
        for w in ["", "ب", "باغوز", "cnn"] {
            for n in 0..6 {
                assert!(w.starts_with(prefix(w, n)) && w.ends_with(suffix(w, n)));
            }
        }
        assert_eq!(prefix("باغوز", 2), "با");
        assert_eq!(suffix("باغوز", 2), "وز");
    }
}
