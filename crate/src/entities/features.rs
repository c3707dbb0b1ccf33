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

use super::clusters::cluster;
use super::gazetteer::{Match, GAZETTEER};
use super::Kind;
use crate::fasthash::FxBuild;
use crate::normalize::normalize;
use crate::tokenize::{light_stem_of_rest, split_proclitics};
use std::sync::LazyLock;

/// The FNV-1a hash of a string: the value part of a feature.
///
/// ```
/// use tabayyun::entities::features::word_hash;
/// assert_eq!(word_hash("قال"), word_hash("قال"));
/// assert_ne!(word_hash("قال"), word_hash("قالت"));
/// ```
pub const fn word_hash(s: &str) -> u64 {
    let bytes = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    // A `while` loop: iterators are not allowed in a `const fn`, and the
    // constant hashes below are computed at compile time.
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// A feature id from its template number and up to two value hashes,
/// well mixed in the top bits (which pick the bucket).
///
/// ```
/// use tabayyun::entities::features::{mix, word_hash};
/// let w = word_hash("قال");
/// assert_ne!(mix(1, w, 0), mix(2, w, 0));
/// assert_ne!(mix(3, w, 1), mix(3, 1, w));
/// ```
pub fn mix(template: u8, a: u64, b: u64) -> u64 {
    let mut h = (u64::from(template) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h = (h ^ a).wrapping_mul(0xbf58_476d_1ce4_e5b9).rotate_left(31);
    h = (h ^ b).wrapping_mul(0x94d0_49bb_1331_11eb);
    // MurmurHash3's finalizer.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A map keyed by folded words, with the word-at-a-time hasher: several
/// times faster than SipHash on such keys, above all in wasm (the keys are
/// our own lists and the words of one text, so flooding is no concern).
pub type WordMap<V> = std::collections::HashMap<String, V, FxBuild>;

/// A set of folded words.
pub type WordSet = std::collections::HashSet<String, FxBuild>;

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

/// The trigger words, folded; and those with the article, keyed without
/// it (so "والشيخ", split as و + ال + شيخ, finds الشيخ without building a
/// string).
static TRIGGERS: LazyLock<(WordMap<Trigger>, WordMap<Trigger>)> = LazyLock::new(|| {
    let mut m = WordMap::default();
    let mut after_article = WordMap::default();
    for (list, t) in [
        (PLACE_HEADS, Trigger::Place),
        (ORG_HEADS, Trigger::Org),
        (SAID, Trigger::Said),
        (TITLES, Trigger::Title),
    ] {
        for w in list.split_whitespace() {
            let n = normalize(w);
            if let Some(bare) = n.strip_prefix("ال") {
                after_article.insert(bare.to_string(), t);
            }
            m.insert(n, t);
        }
    }
    (m, after_article)
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
    trigger_of_split(word, split_proclitics(word))
}

/// [`trigger`] given the word's [`split_proclitics`].
fn trigger_of_split(word: &str, (pre, rest): (&str, &str)) -> Option<Trigger> {
    let (triggers, after_article) = &*TRIGGERS;
    if let Some(&t) = triggers.get(word) {
        return Some(t);
    }
    if pre.is_empty() {
        return None;
    }
    if pre.ends_with("ال") {
        // والشيخ is و + الشيخ: the article belongs to the trigger; التحالف
        // is the trigger تحالف with its article.
        after_article
            .get(rest)
            .or_else(|| triggers.get(rest))
            .copied()
    } else {
        triggers.get(rest).copied()
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
    /// The [`word_hash`] of the tag's code (O, BP, BL, BO, IP, IL, IO),
    /// computed at compile time: every word asks for three.
    fn hash(self) -> u64 {
        match self {
            GazTag::Out => const { word_hash("O") },
            GazTag::Begin(Kind::Per) => const { word_hash("BP") },
            GazTag::Begin(Kind::Loc) => const { word_hash("BL") },
            GazTag::Begin(Kind::Org) => const { word_hash("BO") },
            GazTag::Inside(Kind::Per) => const { word_hash("IP") },
            GazTag::Inside(Kind::Loc) => const { word_hash("IL") },
            GazTag::Inside(Kind::Org) => const { word_hash("IO") },
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
    gazetteer_tags_of(words.len(), &GAZETTEER.find(words))
}

/// Gazetteer tags of a sentence of `len` words from its matches.
pub fn gazetteer_tags_of(len: usize, matches: &[Match]) -> Vec<GazTag> {
    let mut tags = vec![GazTag::Out; len];
    for m in matches {
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

/// The hash of a class path cut to `bits` (the same for every word the
/// table lacks).
fn class_hash(class: Option<u16>, bits: u32) -> u64 {
    class.map_or(word_hash("-"), |c| {
        mix(
            50,
            u64::from(bits),
            u64::from(super::clusters::prefix(c, bits)),
        )
    })
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

/// The last `n` characters of a word (the whole word when it has no more,
/// or when `n` is 0). Read from the end: no count of the characters.
fn suffix(word: &str, n: usize) -> &str {
    let Some(back) = n.checked_sub(1) else {
        return word;
    };
    word.char_indices()
        .rev()
        .nth(back)
        .map_or(word, |(i, _)| word.get(i..).unwrap_or(word))
}

/// The number of static features per word.
pub const STATIC_FEATURES: usize = 46 + 3;

/// The static (tag-independent) features of every word of a sentence,
/// [`STATIC_FEATURES`] per word in a row, and each word's own hash (for
/// the tag features).
pub struct SentenceFeatures {
    pub ids: Vec<u64>,
    pub words: Vec<u64>,
}

impl SentenceFeatures {
    /// The static feature ids of word `i`.
    pub fn of(&self, i: usize) -> &[u64] {
        self.ids
            .get(i * STATIC_FEATURES..(i + 1) * STATIC_FEATURES)
            .unwrap_or(&[])
    }
}

/// What both the features and the entity rules ask of a folded word before
/// anything is hashed, worked out once per word.
#[derive(Debug, Clone, Copy)]
pub struct WordParts<'w> {
    pub word: &'w str,
    /// The word's [`split_proclitics`], even for a known name (the rules
    /// decide themselves whether to cut a known name).
    pub pre: &'w str,
    pub rest: &'w str,
    /// Whether the name lists know the word whole
    /// ([`super::gazetteer::Gazetteer::is_known_word`]).
    pub known: bool,
    pub trigger: Option<Trigger>,
}

impl<'w> WordParts<'w> {
    /// The parts of a folded word.
    ///
    /// ```
    /// use tabayyun::entities::features::{Trigger, WordParts};
    /// let p = WordParts::of("والرييس"); // "and the president", folded
    /// assert_eq!((p.pre, p.rest), ("وال", "رييس"));
    /// assert_eq!(p.trigger, Some(Trigger::Title));
    /// ```
    pub fn of(word: &'w str) -> WordParts<'w> {
        let (pre, rest) = split_proclitics(word);
        WordParts {
            word,
            pre,
            rest,
            known: GAZETTEER.is_known_word(word),
            trigger: trigger_of_split(word, (pre, rest)),
        }
    }
}

/// Per-word value hashes: every string a feature looks at is hashed once.
/// They depend on the word alone, never on its sentence, so the model can
/// keep them, and the weights they select, per distinct word.
#[derive(Debug, Clone, Copy)]
pub struct WordHashes {
    pub word: u64,
    rest: u64,
    pre: u64,
    stem: u64,
    prefix2: u64,
    prefix3: u64,
    prefix4: u64,
    suffix1: u64,
    suffix2: u64,
    suffix3: u64,
    suffix4: u64,
    shape: u64,
    pub(super) trigger: u64,
    given: u64,
    article: u64,
    /// The word's class ([`super::clusters`]) at 4, 8 and 12 bits.
    class4: u64,
    class8: u64,
    class12: u64,
}

impl WordHashes {
    /// The hashes of a sentence boundary ("<s>" before, "</s>" after).
    pub fn boundary(mark: &str) -> WordHashes {
        let h = word_hash(mark);
        WordHashes {
            word: h,
            rest: h,
            pre: h,
            stem: h,
            prefix2: h,
            prefix3: h,
            prefix4: h,
            suffix1: h,
            suffix2: h,
            suffix3: h,
            suffix4: h,
            shape: h,
            trigger: word_hash("-"),
            given: word_hash("-"),
            article: h,
            class4: h,
            class8: h,
            class12: h,
        }
    }

    /// The hashes of a folded word.
    ///
    /// ```
    /// use tabayyun::entities::features::WordHashes;
    /// assert_eq!(WordHashes::of("وقال").word, WordHashes::of("وقال").word);
    /// ```
    pub fn of(w: &str) -> WordHashes {
        WordHashes::of_parts(&WordParts::of(w))
    }

    /// The hashes of a folded word given its [`WordParts`]: the one place
    /// where a word's own features are defined.
    pub fn of_parts(parts: &WordParts) -> WordHashes {
        let w = parts.word;
        let (pre, rest) = if parts.known {
            ("", w)
        } else {
            (parts.pre, parts.rest)
        };
        let given = if GAZETTEER.is_given_name(rest) {
            "G"
        } else {
            "-"
        };
        let article = if pre.ends_with("ال") || pre.ends_with("لل") {
            "A"
        } else {
            "-"
        };
        // The news the classes come from writes most words with their
        // proclitics too; the bare form covers the rarer combinations.
        let class = cluster(w).or_else(|| cluster(rest));
        WordHashes {
            word: word_hash(w),
            rest: word_hash(rest),
            pre: word_hash(pre),
            stem: word_hash(light_stem_of_rest(w, parts.rest)),
            prefix2: word_hash(prefix(rest, 2)),
            prefix3: word_hash(prefix(rest, 3)),
            prefix4: word_hash(prefix(rest, 4)),
            suffix1: word_hash(suffix(w, 1)),
            suffix2: word_hash(suffix(w, 2)),
            suffix3: word_hash(suffix(w, 3)),
            suffix4: word_hash(suffix(w, 4)),
            shape: word_hash(shape(w)),
            trigger: word_hash(parts.trigger.map_or("-", Trigger::code)),
            given: word_hash(given),
            article: word_hash(article),
            class4: class_hash(class, 4),
            class8: class_hash(class, 8),
            class12: class_hash(class, 12),
        }
    }

    /// The features of a word on its own (with the bias).
    pub fn own(&self) -> [u64; 19] {
        let w = self;
        [
            mix(0, 0, 0),
            mix(1, w.word, 0),
            mix(2, w.rest, 0),
            mix(3, w.pre, 0),
            mix(4, w.stem, 0),
            mix(5, w.prefix2, 0),
            mix(6, w.prefix3, 0),
            mix(7, w.suffix1, 0),
            mix(8, w.suffix2, 0),
            mix(9, w.suffix3, 0),
            mix(10, w.shape, 0),
            mix(23, w.given, 0),
            mix(29, w.trigger, 0),
            mix(31, w.article, w.suffix1),
            mix(33, w.prefix4, 0),
            mix(34, w.suffix4, 0),
            mix(43, w.class4, 0),
            mix(44, w.class8, 0),
            mix(45, w.class12, 0),
        ]
    }

    /// The features this word gives the word right after it.
    pub fn as_left1(&self) -> [u64; 7] {
        let p1 = self;
        [
            mix(11, p1.word, 0),
            mix(15, p1.rest, 0),
            mix(24, p1.given, 0),
            mix(26, p1.trigger, 0),
            mix(36, p1.stem, 0),
            mix(46, p1.class4, 0),
            mix(47, p1.class8, 0),
        ]
    }

    /// The features this word gives the word two after it.
    pub fn as_left2(&self) -> [u64; 2] {
        [mix(13, self.word, 0), mix(27, self.trigger, 0)]
    }

    /// The features this word gives the word right before it.
    pub fn as_right1(&self) -> [u64; 7] {
        let n1 = self;
        [
            mix(12, n1.word, 0),
            mix(16, n1.rest, 0),
            mix(25, n1.given, 0),
            mix(28, n1.trigger, 0),
            mix(37, n1.stem, 0),
            mix(48, n1.class4, 0),
            mix(49, n1.class8, 0),
        ]
    }

    /// The features this word gives the word two before it.
    pub fn as_right2(&self) -> [u64; 1] {
        [mix(14, self.word, 0)]
    }
}

/// The features that join a word with its neighbours or its gazetteer
/// tags, which no single word determines. A gazetteer tag of None is a
/// sentence boundary. They are the three groups below, in this order of
/// ids (the model sums each group's weights apart, by what it depends on).
pub fn pair_features(
    p1: &WordHashes,
    w: &WordHashes,
    n1: &WordHashes,
    gaz: [Option<GazTag>; 3],
) -> [u64; 10] {
    let [f17, f18, f32, f35] = neighbour_features(p1, w, n1);
    let [f19, f20, f21] = gazetteer_window_features(gaz);
    let [f22, f30, f38] = marked_features(p1.trigger, w, gaz[1]);
    [f17, f18, f19, f20, f21, f22, f30, f32, f35, f38]
}

/// The pair features of a word with the words either side of it.
pub fn neighbour_features(p1: &WordHashes, w: &WordHashes, n1: &WordHashes) -> [u64; 4] {
    [
        mix(17, p1.word, w.rest),
        mix(18, w.rest, n1.word),
        mix(32, w.stem, p1.word),
        mix(35, p1.word, n1.word),
    ]
}

/// The pair features of the gazetteer tags of a word and its neighbours
/// alone (eight values each: [`GAZ_VALUES`]).
pub fn gazetteer_window_features(gaz: [Option<GazTag>; 3]) -> [u64; 3] {
    let [gp, gw, gn] = gaz.map(gaz_hash);
    [mix(19, gw, 0), mix(20, gp, 0), mix(21, gn, 0)]
}

/// The pair features of a word with its own gazetteer tag and the
/// trigger of the word before it (`p1_trigger`, [`WordHashes`]'
/// `trigger`): for most words no trigger ([`NO_TRIGGER`]) and no name
/// (`GazTag::Out`), which the model scores once per word.
pub fn marked_features(p1_trigger: u64, w: &WordHashes, gw: Option<GazTag>) -> [u64; 3] {
    let gw = gaz_hash(gw);
    [
        mix(22, gw, w.rest),
        mix(30, p1_trigger, w.shape),
        mix(38, p1_trigger, gw),
    ]
}

/// The trigger hash of a word that is no trigger, and of the sentence
/// boundaries.
pub const NO_TRIGGER: u64 = word_hash("-");

/// Every gazetteer tag a word or its neighbour may have, None (a sentence
/// boundary) first, in the order of [`gaz_index`].
pub const GAZ_VALUES: [Option<GazTag>; 8] = [
    None,
    Some(GazTag::Out),
    Some(GazTag::Begin(Kind::Per)),
    Some(GazTag::Begin(Kind::Loc)),
    Some(GazTag::Begin(Kind::Org)),
    Some(GazTag::Inside(Kind::Per)),
    Some(GazTag::Inside(Kind::Loc)),
    Some(GazTag::Inside(Kind::Org)),
];

/// The position of a gazetteer tag in [`GAZ_VALUES`].
pub fn gaz_index(g: Option<GazTag>) -> usize {
    let kind = |k: Kind| match k {
        Kind::Per => 0,
        Kind::Loc => 1,
        Kind::Org => 2,
    };
    match g {
        None => 0,
        Some(GazTag::Out) => 1,
        Some(GazTag::Begin(k)) => 2 + kind(k),
        Some(GazTag::Inside(k)) => 5 + kind(k),
    }
}

/// The value hash of a gazetteer tag, "-" for a sentence boundary.
fn gaz_hash(g: Option<GazTag>) -> u64 {
    g.map_or(const { word_hash("-") }, GazTag::hash)
}

/// What the first pass said of a word elsewhere in its document: None in
/// the first pass itself; else a mask of the types it gave the same word
/// (after proclitics) in other sentences ([`context_masks`]).
pub type Context = Option<u8>;

/// How many sentences either side the second pass looks at, in a stream
/// of sentences without document breaks (`ner-conll`).
pub const CONTEXT_WINDOW: usize = 10;

/// The mask bit of a tag's type (0 for O).
fn type_bit(tag: u8) -> u8 {
    match tag {
        1 | 2 => 1,
        3 | 4 => 2,
        5 | 6 => 4,
        _ => 0,
    }
}

/// The document-level features of a word: what the first pass said of
/// it elsewhere, alone and with the word's own class and given-name mark.
/// A name the model found once in a document (مصطفى بالي) is often
/// missed alone elsewhere (بالي); the weights learn how far to trust it.
pub fn context_features(ctx: Context, w: &WordHashes) -> [u64; 3] {
    let c = ctx.map_or(const { word_hash("?") }, |m| mix(52, u64::from(m), 0));
    [mix(53, c, 0), mix(54, c, w.class4), mix(55, c, w.given)]
}

/// For each word of each sentence, the types the first pass gave the same
/// word (after its proclitics) in the other sentences at most `window`
/// sentences away.
///
/// ```
/// use tabayyun::entities::features::context_masks;
/// // "Bali said ..." tagged B-PER; "and Bali added" untagged.
/// let words = [vec!["بالي", "قال"], vec!["واضاف", "بالي"]];
/// let tags = [vec![1, 0], vec![0, 0]];
/// assert_eq!(context_masks(&words, &tags, 5)[1], [0, 1]);
/// ```
pub fn context_masks<S: AsRef<str>>(
    words: &[Vec<S>],
    tags: &[Vec<u8>],
    window: usize,
) -> Vec<Vec<u8>> {
    let keys: Vec<Vec<&str>> = words
        .iter()
        .map(|s| s.iter().map(|w| split_proclitics(w.as_ref()).1).collect())
        .collect();
    // Per sentence, the mask of each key it tags.
    let own: Vec<WordMap<u8>> = keys
        .iter()
        .zip(tags)
        .map(|(k, t)| {
            let mut m = WordMap::default();
            for (key, &tag) in k.iter().zip(t) {
                let bit = type_bit(tag);
                if bit != 0 {
                    *m.entry((*key).to_string()).or_insert(0) |= bit;
                }
            }
            m
        })
        .collect();
    keys.iter()
        .enumerate()
        .map(|(j, k)| {
            let near = own
                .iter()
                .enumerate()
                .skip(j.saturating_sub(window))
                .take(2 * window + 1)
                .filter(|&(i, _)| i != j);
            let mut mask = vec![0u8; k.len()];
            for (_, m) in near {
                for (slot, key) in mask.iter_mut().zip(k) {
                    *slot |= m.get(*key).copied().unwrap_or(0);
                }
            }
            mask
        })
        .collect()
}

/// The gazetteer tags of word `i` and its neighbours (None past the
/// sentence's ends).
pub fn gaz_window(tags: &[GazTag], i: usize) -> [Option<GazTag>; 3] {
    let at = |j: Option<usize>| j.and_then(|j| tags.get(j)).copied();
    [at(i.checked_sub(1)), at(Some(i)), at(i.checked_add(1))]
}

/// The static features of a sentence of folded words.
///
/// ```
/// use tabayyun::entities::features::{sentence_features, STATIC_FEATURES};
/// let f = sentence_features(&["قال", "المهندس", "كريم", "الزعبي"]);
/// assert_eq!(f.ids.len(), 4 * STATIC_FEATURES);
/// assert_eq!(f.of(2).len(), STATIC_FEATURES);
/// ```
pub fn sentence_features(words: &[&str]) -> SentenceFeatures {
    sentence_features_with(words, &GAZETTEER.find(words), None)
}

/// [`sentence_features`] given the sentence's gazetteer matches and, in the
/// second pass, each word's [`context_masks`].
pub fn sentence_features_with(
    words: &[&str],
    matches: &[Match],
    context: Option<&[u8]>,
) -> SentenceFeatures {
    let gaz = gazetteer_tags_of(words.len(), matches);
    let hashes: Vec<WordHashes> = words.iter().map(|w| WordHashes::of(w)).collect();
    let start = WordHashes::boundary("<s>");
    let end = WordHashes::boundary("</s>");
    let at = |j: isize| -> &WordHashes {
        match usize::try_from(j) {
            Ok(j) => hashes.get(j).unwrap_or(&end),
            Err(_) => &start,
        }
    };
    let mut ids = Vec::with_capacity(words.len() * STATIC_FEATURES);
    for i in 0..words.len() {
        let k = i as isize;
        ids.extend_from_slice(&at(k).own());
        ids.extend_from_slice(&at(k - 1).as_left1());
        ids.extend_from_slice(&at(k - 2).as_left2());
        ids.extend_from_slice(&at(k + 1).as_right1());
        ids.extend_from_slice(&at(k + 2).as_right2());
        ids.extend_from_slice(&pair_features(
            at(k - 1),
            at(k),
            at(k + 1),
            gaz_window(&gaz, i),
        ));
        let ctx = context.map(|m| m.get(i).copied().unwrap_or(0));
        ids.extend_from_slice(&context_features(ctx, at(k)));
    }
    SentenceFeatures {
        ids,
        words: hashes.iter().map(|h| h.word).collect(),
    }
}

/// The features that depend on the tag before (O before the sentence):
/// that tag alone, and with the word (by its [`word_hash`]).
///
/// ```
/// use tabayyun::entities::features::{tag_features, word_hash};
/// let w = word_hash("باغوز");
/// assert_ne!(tag_features(0, w), tag_features(1, w));
/// ```
pub fn tag_features(prev: u8, word: u64) -> [u64; 2] {
    let p = u64::from(prev);
    [mix(40, p, 0), mix(42, p, word)]
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
