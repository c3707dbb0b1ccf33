//! Stage 3a, numbers. Input: the source text and its tokens. Output:
//! number mentions with their byte spans, kind, value (or low/high),
//! qualifier and counted noun, following `../shared/gold/GUIDELINES.md`:
//! the span covers qualifier words before the number (أكثر من، نحو، ما بين
//! … و…) and multipliers (ألف، آلاف) but neither the counted noun nor
//! attached conjunctions and prepositions (و، ب، ل).
//!
//! One left-to-right pass over the tokens; at each token the recognizer
//! tries, in order, a date, a clock time, a range, a qualifier followed by
//! a quantity, and a bare quantity (digits, number words, duals, vague
//! quantities, fractions, ordinals). Lookups are hash or `match` lookups
//! over the tokens' folded forms; nothing is allocated for tokens that are
//! not numbers.
//!
//! Invariants: mentions are in text order, never overlap, and their spans
//! lie on character boundaries of the source.

pub mod dates;
pub mod units;
pub mod words;

use crate::fasthash::FxBuild;
use crate::normalize::{fold, normalize, Fold};
use crate::tokenize::{Token, TokenKind};
use dates::{day_part, format_date, month, Month};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use units::{Class, Form, LEXICON};
use words::{lookup, Hit, Word};

/// What a number counts or denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Percent,
    Year,
    Date,
    Duration,
    Ordinal,
    Time,
    Age,
    Measure,
}

impl Kind {
    /// The kind's name in the gold files.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Ordinal => "ordinal",
            Kind::Time => "time",
            Kind::Age => "age",
            Kind::Measure => "measure",
        }
    }
}

/// One number mention; `start`/`end` are byte offsets into the source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Number {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: &'static str,
    pub unit: Option<String>,
    pub unit_en: Option<String>,
    pub date: Option<String>,
    pub time: Option<String>,
}

impl Number {
    fn new(start: usize, end: usize, kind: Kind) -> Number {
        Number {
            start,
            end,
            kind,
            value: None,
            low: None,
            high: None,
            qualifier: "exact",
            unit: None,
            unit_en: None,
            date: None,
            time: None,
        }
    }
}

/// Finds the numbers in a tokenized text.
///
/// ```
/// use tabayyun::numbers::{recognize, Kind};
/// let text = "فر أكثر من 20 ألف مدني";
/// let n = &recognize(text, &tabayyun::tokenize::tokenize(text))[0];
/// assert_eq!(&text[n.start..n.end], "أكثر من 20 ألف");
/// assert_eq!((n.kind, n.value, n.qualifier), (Kind::Count, Some(20000.0), "more_than"));
/// assert_eq!(n.unit.as_deref(), Some("مدني"));
/// ```
pub fn recognize(text: &str, tokens: &[Token]) -> Vec<Number> {
    let s = Scanner {
        text,
        toks: tokens,
        norms: tokens.iter().map(|t| t.norm.as_str()).collect(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(next) = s.score_end(i) {
            i = next;
            continue;
        }
        match s.at(i) {
            Some((n, next)) => {
                out.extend(n);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Qualifier phrases before a number, folded, longest first.
static QUALIFIERS: LazyLock<Vec<(Vec<String>, &'static str)>> = LazyLock::new(|| {
    let table: &[(&str, &str)] = &[
        ("أكثر من", "more_than"),
        ("أزيد من", "more_than"),
        ("ما يزيد على", "more_than"),
        ("مايزيد على", "more_than"),
        ("مايزيد عن", "more_than"),
        ("مايقارب", "about"),
        ("مالا يقل عن", "at_least"),
        ("ما يزيد عن", "more_than"),
        ("يزيد على", "more_than"),
        ("يزيد عن", "more_than"),
        ("ما يربو على", "more_than"),
        ("يربو على", "more_than"),
        ("ما يفوق", "more_than"),
        ("يفوق", "more_than"),
        ("ما يتجاوز", "more_than"),
        ("يتجاوز", "more_than"),
        ("يتخطى", "more_than"),
        // The same verbs with a feminine subject (تزيد مساحتها عن).
        ("تزيد على", "more_than"),
        ("تزيد عن", "more_than"),
        ("تفوق", "more_than"),
        ("تتجاوز", "more_than"),
        ("تقل عن", "less_than"),
        ("تقارب", "about"),
        ("تناهز", "about"),
        ("أقل من", "less_than"),
        ("ما دون", "less_than"),
        ("دون", "less_than"),
        ("ما يقل عن", "less_than"),
        ("يقل عن", "less_than"),
        ("نحو", "about"),
        ("حوالي", "about"),
        ("حوالى", "about"),
        ("قرابة", "about"),
        ("زهاء", "about"),
        ("ما يقارب", "about"),
        ("يقارب", "about"),
        ("ما يقرب من", "about"),
        ("يقرب من", "about"),
        ("ما يناهز", "about"),
        ("يناهز", "about"),
        ("تقريبا", "about"),
        ("في حدود", "about"),
        ("على الأقل", "at_least"),
        ("ما لا يقل عن", "at_least"),
        ("لا يقل عن", "at_least"),
        ("لا تقل عن", "at_least"),
        ("ما لا تقل عن", "at_least"),
        ("لا يتجاوز", "at_most"),
        ("لا تتجاوز", "at_most"),
        ("ما لا يتجاوز", "at_most"),
        ("لا يزيد على", "at_most"),
        ("لا يزيد عن", "at_most"),
        ("لا تزيد على", "at_most"),
        ("لا تزيد عن", "at_most"),
        ("ما لا يزيد على", "at_most"),
        ("ما لا يزيد عن", "at_most"),
        ("لا يتعدى", "at_most"),
        ("لا تتعدى", "at_most"),
        ("لا يتخطى", "at_most"),
        ("على الأكثر", "at_most"),
    ];
    let mut v: Vec<(Vec<String>, &'static str)> = table
        .iter()
        .map(|(p, q)| (normalize(p).split(' ').map(String::from).collect(), *q))
        .collect();
    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    v
});

/// Prefixes a qualifier's first word may carry (بأكثر من، ونحو).
const QUALIFIER_PREFIXES: [&str; 6] = ["", "و", "ب", "ل", "ف", "وب"];

/// Qualifier phrases by first word: (the other words, qualifier), longest first.
type QualifierIndex = HashMap<String, Vec<(Vec<String>, &'static str)>, FxBuild>;

static QUALIFIER_INDEX: LazyLock<QualifierIndex> = LazyLock::new(|| {
    let mut m: QualifierIndex = HashMap::default();
    for (phrase, q) in QUALIFIERS.iter() {
        if let Some((first, rest)) = phrase.split_first() {
            m.entry(first.clone())
                .or_default()
                .push((rest.to_vec(), *q));
        }
    }
    m
});

/// Every folded word that can start a mention, with its clitics: number
/// words, qualifiers, range openers and month names. Any other word (most
/// of a text) is passed over with this one lookup; duals and "يوم أو
/// يومين" are checked apart.
static STARTERS: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    let mut set: HashSet<String, FxBuild> = words::all_forms().collect();
    for first in QUALIFIER_INDEX.keys() {
        for p in QUALIFIER_PREFIXES {
            set.insert(format!("{p}{first}"));
        }
    }
    set.extend(RANGE_OPENERS.iter().cloned());
    for first in dates::first_words() {
        for p in ["", "و", "ب", "ل", "ف"] {
            set.insert(format!("{p}{first}"));
        }
    }
    set
});

/// ما بين، بين، من and their clitic forms: they open a range only when a
/// number follows, and they are among the commonest words.
static RANGE_OPENERS: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    let mut set = HashSet::default();
    for w in ["ما", "بين", "من", "مابين"] {
        for p in ["", "وب", "ول", "فب", "و", "ف", "ب", "ل", "ك"] {
            set.insert(format!("{p}{w}"));
        }
    }
    set
});

/// Every dual noun with its clitics (قريتين، والقريتين).
static DUALS: LazyLock<HashSet<String, FxBuild>> =
    LazyLock::new(|| LEXICON.dual_forms().into_iter().collect());

/// Whether a folded word is a dual noun: قريتين، يومان، or one before a
/// pronoun, زوجتيه.
fn is_dual(word: &str) -> bool {
    if word.ends_with("ين") || word.ends_with("ان") {
        return DUALS.contains(word);
    }
    let before_pronoun = word.ends_with("تيه")
        || word.ends_with("يها")
        || word.ends_with("يهم")
        || word.ends_with("يهما");
    before_pronoun && matches!(LEXICON.lookup(word), Some((_, Form::Dual)))
}

/// Whether a word token may start a mention; the fast path of the scanner.
fn may_start(word: &str) -> bool {
    STARTERS.contains(word) || is_dual(word)
}

/// Nouns for kinds of people, by their gloss: a list of them counts persons.
const PEOPLE: [&str; 8] = [
    "man",
    "woman",
    "child",
    "girl",
    "young man",
    "civilian",
    "family",
    "person",
];

/// Function words (`crate/data/stopwords.txt`, shared with the passage
/// index) and the adjectives that follow a number in place of its noun
/// ("227 آخرين"): a word among them is never a counted noun.
static NOT_NOUNS: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    include_str!("../../data/stopwords.txt")
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .chain([
            "آخرين",
            "آخرون",
            "آخر",
            "أخرى",
            "أخريات",
            "مقابل",
            "إضافية",
            "جديدة",
            "جديدا",
            "سوف",
            "بينهم",
            "بينها",
            "عدد",
            "ضمن",
            "داخل",
            "خارج",
            // Adverbs after a rank or a rate: المرتبة 103 عالميا، 5 يوميا.
            "عالميا",
            "عربيا",
            "محليا",
            "دوليا",
            "إقليميا",
            "آسيويا",
            "أفريقيا",
            "أوروبيا",
            "يوميا",
            "سنويا",
            "شهريا",
            "أسبوعيا",
        ])
        .filter(|l| !l.is_empty())
        .map(normalize)
        .collect()
});

/// Adverbs after a rank, folded: "والـ49 عالميا" (49th in the world).
const RANK_ADVERBS: [&str; 5] = ["عالميا", "عربيا", "اقليميا", "اسيويا", "افريقيا"];

/// Plural denominators after a cardinal, folded: ثلاثة أرباع (3/4), ثلاثة
/// أخماس (3/5), سبعة أعشار (7/10).
const DENOMINATORS: [(&str, f64); 8] = [
    ("اثلاث", 3.0),
    ("ارباع", 4.0),
    ("اخماس", 5.0),
    ("اسداس", 6.0),
    ("اسباع", 7.0),
    ("اثمان", 8.0),
    ("اتساع", 9.0),
    ("اعشار", 10.0),
];

/// "Others" after a number, folded: آخرون، آخرين، أخرى، أخريات.
const OTHERS: [&str; 5] = ["اخرون", "اخرين", "اخري", "اخريات", "اخر"];

/// Words of sport, folded, that make "3-1" a score: نتيجة، مباراة،
/// تعادل، ركلات الترجيح، فاز، تغلب، خسر، هزم، الشوط.
const SPORT: [&str; 11] = [
    "نتيجه",
    "مباراه",
    "مباريات",
    "تعادل",
    "الترجيح",
    "فاز",
    "فوز",
    "تغلب",
    "خسر",
    "هزم",
    "الشوط",
];

/// Nouns that a number or an ordinal after them names rather than counts:
/// شارع الستين (Sixtieth Street), ميدان الأربعين, حي 14, مخطط 12. Folded,
/// with the article where it is written. The flag says whether a bare
/// number in digits is a name too ("طريق" is not: "عن طريق 3" is "by 3").
const NAME_HEADS: [(&str, bool); 19] = [
    ("شارع", true),
    ("الشارع", true),
    ("ميدان", true),
    ("الميدان", true),
    ("دوار", true),
    ("الدوار", true),
    ("جاده", true),
    ("الجاده", true),
    ("حي", true),
    ("الحي", true),
    ("مخطط", true),
    ("المخطط", true),
    ("برج", true),
    ("البرج", true),
    ("طريق", false),
    ("الطريق", false),
    ("تقاطع", false),
    ("ساحه", false),
    // آل ثاني، آل الأول: a family's name.
    ("ال", false),
];

/// Ranks whose second word is أول without the article: الفريق أول (a
/// general), ملازم أول (a first lieutenant), رقيب أول. "الفريق الأول" is
/// the first team, an ordinal.
const RANKS: [&str; 8] = [
    "فريق",
    "الفريق",
    "ملازم",
    "الملازم",
    "رقيب",
    "الرقيب",
    "عريف",
    "العريف",
];

/// A set of folded words.
fn word_set(words: &[&str]) -> HashSet<String, FxBuild> {
    words.iter().map(|w| normalize(w)).collect()
}

/// Words that place a month relative to now: "الماضي", "الجاري".
const RELATIVE_TIME: [&str; 7] = [
    "الماضي",
    "المقبل",
    "القادم",
    "الجاري",
    "الحالي",
    "المنصرم",
    "الفائت",
];

/// Words before an ambiguous month name that make it the month: "في
/// مارس" (in March) but "مارس الضغط" (he exerted pressure); "منذ رمضان".
static MONTH_BEFORE: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    word_set(&[
        "في",
        "منذ",
        "حتى",
        "خلال",
        "مطلع",
        "أوائل",
        "أواخر",
        "أواسط",
        "منتصف",
        "نهاية",
        "بداية",
        "شهر",
        "الشهر",
        "لشهر",
        "بشهر",
        "وفي",
        "ومنذ",
        "وحتى",
        "وخلال",
    ])
});

/// Words after an ambiguous month name that make it the month: "رمضان
/// الماضي", "مارس المقبل".
static MONTH_AFTER: LazyLock<HashSet<String, FxBuild>> =
    LazyLock::new(|| word_set(&[&RELATIVE_TIME[..], &["المبارك"]].concat()));

/// Relative month phrases after a day: "26 من الشهر الماضي", "3 من الشهر
/// الجاري", "الخامس من هذا الشهر". The month is not named, so the date
/// has its day alone.
static RELATIVE_MONTH: LazyLock<HashSet<String, FxBuild>> =
    LazyLock::new(|| word_set(&[&RELATIVE_TIME[..], &["نفسه", "ذاته"]].concat()));

/// Words before "d/m" that make it a date: في 14/11، يوم 20/10، الثلاثاء
/// 10/12، حتى 5/3.
static SLASH_DATE_BEFORE: LazyLock<HashSet<String, FxBuild>> = LazyLock::new(|| {
    [
        "في",
        "يوم",
        "تاريخ",
        "بتاريخ",
        "منذ",
        "حتى",
        "من",
        "إلى",
        "الى",
        "وحتى",
        "الموافق",
        "الأحد",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
    ]
    .iter()
    .flat_map(|w| {
        let w = normalize(w);
        [format!("و{w}"), w]
    })
    .collect()
});

/// What "a/b" (two small numbers and a slash, no third part) is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Slashed {
    /// "1/2 كوب", "بنسبة 1/4": a fraction.
    Fraction(f64),
    /// "في 14/11": a day and a month.
    Date(u32, u32),
    /// "المادة 13/8"، "هجمات 11/9": a reference or a name.
    Code,
}

/// Qualifiers that follow the number or its noun ("17 شاحنة على الأقل").
const TRAILING: [(&str, &str, &str); 5] = [
    ("علي", "الاقل", "at_least"),
    ("علي", "الاكثر", "at_most"),
    ("تقريبا", "", "about"),
    ("او", "اكثر", "at_least"),
    ("او", "اقل", "at_most"),
];

/// One element of a spelled or written number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Elem {
    Digits(f64),
    Word(Word),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Prev {
    Unit,
    Teen,
    Ten,
    Hundred,
    Mult,
    Digits,
    Fraction,
}

/// A quantity before it becomes a mention.
#[derive(Debug, Clone, Default)]
struct Qty {
    /// First token and the byte where the span starts (after clitics).
    first: usize,
    start: usize,
    /// Token index just past the quantity.
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    vague: bool,
    /// The last multiplier applied (ألف in "20 ألف").
    mult: Option<f64>,
    /// A dual noun carries its own unit.
    unit: Option<u16>,
    /// A bare integer of four digits: maybe a year.
    int4: Option<u32>,
    /// A cardinal with the article (الخمسة): its noun comes before it.
    article: bool,
    /// واحد/اثنان alone: a number only after its noun.
    needs_noun_before: bool,
    ordinal: bool,
    fraction: bool,
    /// Spelled out in words.
    words: bool,
    /// A decade of age (الثلاثينات من عمره).
    decade: bool,
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Each token's folded form, read out of its inline string once: the
    /// scanner asks for the words around every token several times.
    norms: Vec<&'a str>,
}

/// Parses a digit token's folded form: "1,500", "99.5", "3,5".
fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(',') {
        let mut parts = s.split(',');
        let head = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        let thousands = !head.is_empty()
            && head.len() <= 3
            && rest.iter().enumerate().all(|(k, g)| {
                let digits = if k + 1 == rest.len() {
                    g.split('.').next().unwrap_or("")
                } else {
                    g
                };
                digits.len() == 3 && !(k + 1 < rest.len() && g.contains('.'))
            });
        if thousands {
            return s.replace(',', "").parse().ok();
        }
        if rest.len() == 1 && !s.contains('.') {
            return s.replacen(',', ".", 1).parse().ok();
        }
        return s.replace(',', "").parse().ok();
    }
    // 310.000.000.00, 1.433.5 and 46.813.371: dots between groups of
    // three, the last group of one or two digits a decimal part.
    if s.matches('.').count() > 1 {
        let parts: Vec<&str> = s.split('.').collect();
        let last = parts.len() - 1;
        let groups_ok = parts[0].len() <= 3
            && parts[1..last].iter().all(|g| g.len() == 3)
            && matches!(parts[last].len(), 1..=3);
        if !groups_ok {
            return None;
        }
        let whole: String = if parts[last].len() == 3 {
            parts.concat()
        } else {
            format!("{}.{}", parts[..last].concat(), parts[last])
        };
        return whole.parse().ok();
    }
    s.parse().ok()
}

fn is_conj_prefix(hit: &Hit) -> bool {
    hit.conj && hit.prefix == "و".len()
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .and(self.norms.get(i).copied())
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.norm.starts_with(c))
    }

    /// A hyphen or dash between two numbers (10-20, 10 – 20).
    fn dash(&self, i: usize) -> bool {
        self.punct(i, '-') || self.punct(i, '–') || self.punct(i, '—')
    }

    fn digits(&self, i: usize) -> Option<f64> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokenKind::Number)
            .and_then(|t| parse_digits(&t.norm))
    }

    /// A small integer written in digits without separators.
    fn small_int(&self, i: usize, max: u32) -> Option<u32> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Number)?;
        if t.norm.len() > 4 || !t.norm.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.norm.parse().ok().filter(|&v| v <= max)
    }

    fn year_digits(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i).filter(|t| t.kind == TokenKind::Number)?;
        if t.norm.len() != 4 || !t.norm.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.norm.parse().ok().filter(|y| (1000..=2100).contains(y))
    }

    /// The source byte after the first `chars` folded characters of token `i`
    /// (to leave an attached و or ب out of a span).
    fn skip_chars(&self, i: usize, prefix_bytes: usize) -> usize {
        let Some(t) = self.toks.get(i) else {
            return self.text.len();
        };
        if prefix_bytes == 0 {
            return t.start;
        }
        let chars = t.norm[..prefix_bytes.min(t.norm.len())].chars().count();
        let mut seen = 0;
        for (k, c) in self.text[t.start..t.end].char_indices() {
            if seen == chars && fold(c) != Fold::Drop {
                return t.start + k;
            }
            if fold(c) != Fold::Drop {
                seen += 1;
            }
        }
        t.start
    }

    fn hit(&self, i: usize) -> Option<Hit> {
        lookup(self.word(i)?)
    }

    /// One element of a number at token `i`: digits, or a number word, or
    /// "و" + digits (the tokenizer splits و600). Returns the element, whether
    /// a conjunction joins it to what precedes, and its length in tokens.
    fn elem(&self, i: usize, first: bool) -> Option<(Elem, bool, usize, Option<Hit>)> {
        let t = self.tok(i)?;
        match t.kind {
            TokenKind::Number => Some((Elem::Digits(parse_digits(&t.norm)?), false, 1, None)),
            TokenKind::Word if t.norm == "و" => {
                let v = self.digits(i + 1)?;
                Some((Elem::Digits(v), true, 2, None))
            }
            TokenKind::Word => {
                let h = lookup(&t.norm)?;
                if h.prefix > 0 && !first && !is_conj_prefix(&h) {
                    return None;
                }
                Some((Elem::Word(h.word), h.conj, 1, Some(h)))
            }
            TokenKind::Punct => None,
        }
    }

    /// Weekday and relative-date uses of number-like words.
    fn excluded(&self, i: usize, h: &Hit) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        match h.word {
            // الاثنين is Monday; يوم اثنين too (but الاثني عشر is twelve).
            // اثنا، اثني (construct) only begin twelve: أثنى على is "praised".
            Word::Unit(2) => {
                let teen = matches!(
                    self.hit(i + 1),
                    Some(Hit {
                        word: Word::Unit(10),
                        prefix: 0,
                        ..
                    })
                );
                // الاثنين والعشرين: twenty-two, not Monday.
                let teen = teen
                    || matches!(
                        self.hit(i + 1),
                        Some(Hit {
                            word: Word::Ten(_),
                            conj: true,
                            ..
                        })
                    );
                let w = self.word(i).unwrap_or("");
                let construct = !(w.ends_with("ين") || w.ends_with("ان"));
                construct && !teen
                    || !teen
                        && (h.article && self.word(i).is_some_and(|w| w.ends_with("اثنين"))
                            || matches!(prev, Some("يوم" | "اليوم" | "امس" | "ليل" | "مساء")))
            }
            // ألف مبروك، ألف شكر: "a thousand" as a figure of speech.
            Word::Mult(_) => matches!(
                self.word(i + 1),
                Some("مبروك" | "شكر" | "سلامه" | "تحيه" | "رحمه" | "مره" | "ليله" | "حساب")
            ),
            // أحد alone is "someone"; إحدى "one of".
            Word::Unit(1) => {
                let w = self.word(i).unwrap_or("");
                !(w.ends_with("واحد") || w.ends_with("واحده") || w.ends_with("واحدا"))
            }
            _ => false,
        }
    }

    /// A cardinal at `i`: a chain of elements ("خمسمائة وخمسة وعشرون",
    /// "20 ألف", "مليون و200 ألف").
    fn cardinal(&self, i: usize) -> Option<Qty> {
        let (e0, _, len0, h0) = self.elem(i, true)?;
        let start = match h0 {
            Some(h) => self.skip_chars(i, h.prefix),
            None => self.tok(i)?.start,
        };
        let (mut total, mut cur, mut prev, mut limit) = (0.0f64, 0.0f64, Prev::Digits, f64::MAX);
        let mut mult = None;
        match e0 {
            Elem::Digits(v) => cur = v,
            Elem::Word(Word::Unit(u)) => {
                cur = u as f64;
                prev = Prev::Unit;
            }
            Elem::Word(Word::Ten(t)) => {
                cur = t as f64;
                prev = Prev::Ten;
            }
            Elem::Word(Word::Hundred(h)) => {
                cur = h as f64;
                prev = Prev::Hundred;
            }
            // مليونا دولار، ألفا شخص: the dual in construct (two million
            // dollars) before its noun; "20 مليونا" (accusative) has a
            // number before it, and "بلغ مليونا" no noun after it.
            Elem::Word(Word::Mult(m))
                if self.word(i).is_some_and(|w| w.ends_with('ا'))
                    && self.word(i + 1).and_then(|w| LEXICON.lookup(w)).is_some() =>
            {
                total = 2.0 * m;
                prev = Prev::Mult;
                limit = m;
                mult = Some(m);
            }
            Elem::Word(Word::Mult(m)) => {
                total = m;
                prev = Prev::Mult;
                limit = m;
                mult = Some(m);
            }
            Elem::Word(Word::MultDual(m)) => {
                total = 2.0 * m;
                prev = Prev::Mult;
                limit = m;
                mult = Some(m);
            }
            _ => return None,
        }
        let article = h0.is_some_and(|h| h.article);
        let mut k = i + len0;
        let mut elems = 1;
        // الاثني عشر، الخمسة عشر: a teen keeps the article on its first word.
        if article && prev == Prev::Unit && (1.0..=9.0).contains(&cur) {
            match self.elem(k, false) {
                Some((Elem::Word(Word::Unit(10)), false, len, Some(h))) if !h.article => {
                    cur += 10.0;
                    k += len;
                    elems += 1;
                }
                // الاثنين والعشرين، الخمسة والعشرون
                Some((Elem::Word(Word::Ten(t)), true, len, Some(h))) if h.article => {
                    cur += t as f64;
                    k += len;
                    elems += 1;
                }
                _ => {}
            }
        }
        // A cardinal with the article stands alone (الخمسة، العشرين), but
        // for its multiplier: الأربعة آلاف عام، العشرة آلاف متر.
        let article_mult = article
            && matches!(
                self.elem(k, false),
                Some((Elem::Word(Word::MultPlural(_)), false, _, Some(h))) if !h.article
            );
        loop {
            if article && !(article_mult && elems == 1) {
                break;
            }
            // "( 5 ) آلاف": a number in parentheses before its multiplier.
            if elems == 1
                && prev == Prev::Digits
                && i > 0
                && self.punct(i - 1, '(')
                && self.punct(k, ')')
                && matches!(
                    self.elem(k + 1, false),
                    Some((Elem::Word(Word::Mult(_) | Word::MultPlural(_)), false, _, _))
                )
            {
                k += 1;
            }
            let Some((e, conj, len, h)) = self.elem(k, false) else {
                break;
            };
            if h.is_some_and(|h| h.article) {
                break;
            }
            // ألفين وثلاثة آلاف: a conjunct followed by a multiplier as large
            // as the one before it starts a second number (the upper end of
            // a range), not a part of this one.
            // (مليون ونصف مليون is a fraction said with its multiplier again.)
            if conj && prev == Prev::Mult && !matches!(e, Elem::Word(Word::Fraction(_))) {
                if let Some((Elem::Word(Word::Mult(m) | Word::MultPlural(m)), false, _, _)) =
                    self.elem(k + len, false)
                {
                    if m >= limit {
                        break;
                    }
                }
            }
            let ok = match (conj, e, prev) {
                (false, Elem::Word(Word::Unit(10)), Prev::Unit) if (1.0..=9.0).contains(&cur) => {
                    cur += 10.0;
                    prev = Prev::Teen;
                    true
                }
                (false, Elem::Word(Word::Hundred(100)), Prev::Unit)
                    if (3.0..=9.0).contains(&cur) =>
                {
                    cur *= 100.0;
                    prev = Prev::Hundred;
                    true
                }
                (
                    false,
                    Elem::Word(Word::Mult(m) | Word::MultPlural(m)),
                    Prev::Unit | Prev::Teen | Prev::Ten | Prev::Hundred | Prev::Digits,
                ) if cur > 0.0 && m < limit => {
                    total += cur * m;
                    cur = 0.0;
                    prev = Prev::Mult;
                    limit = m;
                    mult = Some(m);
                    true
                }
                (true, Elem::Digits(v), Prev::Mult) if v < limit => {
                    cur += v;
                    prev = Prev::Digits;
                    true
                }
                // مائة وواحد (101), but not "ألف وأحد" ("a thousand and one of").
                (true, Elem::Word(Word::Unit(u)), Prev::Hundred | Prev::Mult)
                    if u > 1
                        || cur == 0.0
                        || self.word(k).is_some_and(|w| {
                            w.ends_with("واحد") || w.ends_with("واحده") || w.ends_with("واحدا")
                        }) =>
                {
                    cur += u as f64;
                    prev = Prev::Unit;
                    true
                }
                (true, Elem::Word(Word::Ten(t)), Prev::Unit) if cur % 100.0 < 10.0 => {
                    cur += t as f64;
                    prev = Prev::Ten;
                    true
                }
                (true, Elem::Word(Word::Ten(t)), Prev::Hundred | Prev::Mult) => {
                    cur += t as f64;
                    prev = Prev::Ten;
                    true
                }
                (true, Elem::Word(Word::Hundred(h)), Prev::Mult) => {
                    cur += h as f64;
                    prev = Prev::Hundred;
                    true
                }
                (true, Elem::Word(Word::Fraction(f)), Prev::Mult) => {
                    total += f * limit;
                    prev = Prev::Fraction;
                    true
                }
                _ => false,
            };
            if !ok {
                break;
            }
            elems += 1;
            k += len;
            if prev == Prev::Fraction {
                // مليون ونصف مليون: the multiplier said again after the half.
                if let Some((Elem::Word(Word::Mult(m)), false, len, _)) = self.elem(k, false) {
                    if m == limit {
                        k += len;
                    }
                }
                break;
            }
        }
        let words = h0.is_some();
        let mut q = Qty {
            first: i,
            start,
            end: k,
            value: Some(total + cur),
            mult,
            article,
            words,
            ..Qty::default()
        };
        if elems == 1 {
            if let Some(h) = h0 {
                if self.excluded(i, &h) {
                    return None;
                }
                match h.word {
                    Word::Unit(1) => q.needs_noun_before = true,
                    // العشرين alone is "the twentieth".
                    Word::Ten(_) if article => q.ordinal = true,
                    // المرتبة المائة: after a singular noun (ة), the hundredth.
                    Word::Hundred(_)
                        if article
                            && i > 0
                            && self
                                .word(i - 1)
                                .is_some_and(|w| w.starts_with("ال") && w.ends_with('ه')) =>
                    {
                        q.ordinal = true
                    }
                    // والشيوخ المائة: the hundred senators; في المائة is a percent.
                    Word::Hundred(_) if article && (i == 0 || !self.is(i - 1, "في")) => {}
                    Word::Hundred(_) | Word::Mult(_) if article => return None,
                    _ => {}
                }
            } else if let Some(t) = self.tok(i) {
                if t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit()) {
                    q.int4 = t.norm.parse().ok();
                }
            }
        }
        Some(q)
    }

    /// An ordinal at `i`: الأول، السابعة، الحادي عشر، الحادي والعشرين.
    fn ordinal(&self, i: usize) -> Option<Qty> {
        let h = self.hit(i)?;
        let Word::Ordinal(n) = h.word else {
            return None;
        };
        if h.prefix > 0 && !h.article && h.prefix > "و".len() {
            return None;
        }
        let mut value = n as u32;
        let mut k = i + 1;
        // أول عشرة مرشحين is "the first ten", not an ordinal 11.
        if n == 1 {
        } else if let Some(Hit {
            word: Word::Unit(10),
            conj: false,
            ..
        }) = self.hit(k)
        {
            value = if n == 11 { 11 } else { n as u32 + 10 };
            k += 1;
        } else if let Some(Hit {
            word: Word::Ten(t),
            conj: true,
            ..
        }) = self.hit(k)
        {
            value = if n == 11 { 1 } else { n as u32 } + t as u32;
            k += 1;
        } else if n == 11 || n > 10 {
            return None;
        }
        // أول أمس، الأول من أمس، أمس الأول: the day before yesterday.
        if value == 1
            && (self.is(k, "امس")
                || self.is(k, "من") && self.is(k + 1, "امس")
                || i > 0 && self.is(i - 1, "امس"))
        {
            return None;
        }
        // أول without the article is "first" only before its noun.
        if !h.article && n == 1 && self.word(k).is_none() {
            return None;
        }
        Some(Qty {
            first: i,
            start: self.skip_chars(i, h.prefix),
            end: k,
            value: Some(value as f64),
            ordinal: true,
            article: h.article,
            words: true,
            ..Qty::default()
        })
    }

    /// Any quantity at `i`.
    fn quantity(&self, i: usize) -> Option<Qty> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Punct {
            return None;
        }
        if t.kind == TokenKind::Number {
            // الساعات الـ48، زهاء الـ100: the article written apart.
            let article = i > 0 && (self.is(i - 1, "ال") || self.is(i - 1, "وال"));
            return self.cardinal(i).map(|mut q| {
                q.article |= article;
                q
            });
        }
        if let Some(h) = self.hit(i) {
            if h.prefix > 0 && h.prefix > "وب".len() {
                return None;
            }
            let start = self.skip_chars(i, h.prefix);
            match h.word {
                Word::Vague(lo, hi) => {
                    // عشرات الآلاف: tens of thousands.
                    if let Some(Hit {
                        word: Word::MultPlural(m),
                        conj: false,
                        ..
                    }) = self.hit(i + 1)
                    {
                        return Some(Qty {
                            first: i,
                            start,
                            end: i + 2,
                            low: Some(lo * m),
                            high: Some(hi * m + (m - 1.0)),
                            vague: true,
                            words: true,
                            ..Qty::default()
                        });
                    }
                    return Some(Qty {
                        first: i,
                        start,
                        end: i + 1,
                        low: Some(lo),
                        high: Some(hi),
                        vague: true,
                        words: true,
                        ..Qty::default()
                    });
                }
                Word::MultPlural(m) => {
                    return Some(Qty {
                        first: i,
                        start,
                        end: i + 1,
                        low: Some(2.0 * m),
                        high: Some(10.0 * m - 1.0),
                        vague: true,
                        words: true,
                        ..Qty::default()
                    });
                }
                Word::Fraction(f) if !h.article && !h.conj => {
                    // نصف النهائي، ربع سنوي، نصف قطر: semi-final, quarterly,
                    // radius; "مسدسات نصف وعدد": a kind, not a share (a
                    // fraction heads the noun after it).
                    let next = self.word(i + 1)?;
                    let bare = next.strip_prefix("ال").unwrap_or(next);
                    if bare.starts_with("نهايي")
                        || bare.starts_with("سنوي")
                        || bare.starts_with("شهري")
                        || bare == "قطر"
                        || next.starts_with('و') && lookup(next).is_none()
                    {
                        return None;
                    }
                    if let Some(Hit {
                        word: Word::Mult(m),
                        prefix: 0,
                        ..
                    }) = self.hit(i + 1)
                    {
                        return Some(Qty {
                            first: i,
                            start,
                            end: i + 2,
                            value: Some(f * m),
                            mult: Some(m),
                            words: true,
                            ..Qty::default()
                        });
                    }
                    return Some(Qty {
                        first: i,
                        start,
                        end: i + 1,
                        value: Some(f),
                        fraction: true,
                        words: true,
                        ..Qty::default()
                    });
                }
                // بنسبة الثلث: a definite fraction after a word of rate is a share.
                Word::Fraction(f) if h.article && !h.conj && self.rate_before(i) => {
                    return Some(Qty {
                        first: i,
                        start,
                        end: i + 1,
                        value: Some(f),
                        fraction: true,
                        words: true,
                        ..Qty::default()
                    });
                }
                Word::Fraction(_) => return None,
                Word::Ordinal(_) => return self.ordinal(i),
                // في الثلاثينات من عمره: in his thirties, an age.
                Word::Decade(d) => {
                    let of_age = self.is(i + 1, "من")
                        && self
                            .word(i + 2)
                            .is_some_and(|w| w.starts_with("عمر") || w.starts_with("العمر"));
                    if !of_age {
                        return None;
                    }
                    return Some(Qty {
                        first: i,
                        start,
                        end: i + 1,
                        low: Some(d as f64),
                        high: Some(d as f64 + 9.0),
                        vague: true,
                        words: true,
                        decade: true,
                        ..Qty::default()
                    });
                }
                _ => {
                    let q = self.cardinal(i)?;
                    // ثلاثة أرباع، ثلاثة أخماس: three quarters, three fifths.
                    let denominator = self
                        .word(q.end)
                        .and_then(|w| DENOMINATORS.iter().find(|(d, _)| *d == w));
                    if let (Some(&(_, d)), Some(v)) = (denominator, q.value) {
                        if q.end == i + 1 && (2.0..d).contains(&v) {
                            return Some(Qty {
                                end: q.end + 1,
                                value: Some(v / d),
                                fraction: true,
                                ..q
                            });
                        }
                    }
                    // خمس الإنتاج، عشر السكان: a fifth, a tenth of a whole (the
                    // cardinals five and ten never take a definite noun).
                    if let (Some("خمس" | "عشر"), Some(next)) = (self.word(i), self.word(i + 1))
                    {
                        if q.end == i + 1 && next.starts_with("ال") && lookup(next).is_none() {
                            return Some(Qty {
                                value: q.value.map(|v| 1.0 / v),
                                fraction: true,
                                ..q
                            });
                        }
                    }
                    // اثنان ونصف في المئة: two and a half (ونصف السكان is
                    // "and half of the population").
                    if self.is(q.end, "ونصف")
                        && q.mult.is_none()
                        && !self.word(q.end + 1).is_some_and(|w| w.starts_with("ال"))
                    {
                        return Some(Qty {
                            end: q.end + 1,
                            value: q.value.map(|v| v + 0.5),
                            needs_noun_before: false,
                            ..q
                        });
                    }
                    return Some(self.read_decimal(q));
                }
            }
        }
        let w = self.word(i)?;
        // صفر إصابات: zero before its counted noun; صفر فاصلة خمسة: 0.5.
        if w == "صفر" {
            let zero = Qty {
                first: i,
                start: t.start,
                end: i + 1,
                value: Some(0.0),
                words: true,
                ..Qty::default()
            };
            let q = self.read_decimal(zero);
            if q.end > i + 1 || self.noun_after(i + 1).is_some() {
                return Some(q);
            }
        }
        // A dual noun: يومين، قريتين، زوجتيه.
        if !is_dual(w) {
            return None;
        }
        let (id, form) = LEXICON.lookup(w)?;
        if form != Form::Dual {
            return None;
        }
        let (pre, _) = split_conj(w);
        Some(Qty {
            first: i,
            start: self.skip_chars(i, pre),
            end: i + 1,
            value: Some(2.0),
            unit: Some(id),
            ..Qty::default()
        })
    }

    /// A whole number read out with its decimals: "ثلاثة فاصلة خمسة" is
    /// 3.5; `q` unchanged when no "فاصلة" and number words follow it.
    fn read_decimal(&self, q: Qty) -> Qty {
        if !(self.is(q.end, "فاصله") || self.is(q.end, "فاصل")) {
            return q;
        }
        let (Some(int), Some(f)) = (q.value, self.cardinal(q.end + 1).filter(|f| f.words)) else {
            return q;
        };
        let Some(frac) = f.value else {
            return q;
        };
        let digits = (frac.max(1.0).log10().floor() + 1.0) as i32;
        Qty {
            end: f.end,
            value: Some(int + frac / 10f64.powi(digits)),
            mult: None,
            // واحد فاصل خمسة: one is a number here.
            needs_noun_before: false,
            ..q
        }
    }

    /// The month named at `i` (its first word may carry و or ب):
    /// (month, tokens, prefix bytes).
    fn month_at(&self, i: usize) -> Option<(Month, usize, usize)> {
        let w = self.word(i)?;
        for p in ["", "و", "ب", "ل", "ف"] {
            let Some(rest) = w.strip_prefix(p) else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            if let Some(m) = month(rest, self.word(i + 1)) {
                return Some((m, m.words, p.len()));
            }
        }
        None
    }

    /// A month name and its pair in the other series ("شباط/فبراير",
    /// "ديسمبر (كانون الأول)"): (month, token past it).
    fn month_span(&self, i: usize) -> Option<(Month, usize, usize)> {
        let (m, len, pre) = self.month_at(i)?;
        let mut k = i + len;
        // "فبراير شباط": the pair written without a slash.
        if let Some((m2, len2, 0)) = self.month_at(k) {
            if m2.number == m.number && m2.calendar == m.calendar {
                return Some((m, k + len2, pre));
            }
        }
        if self.punct(k, '/') {
            if let Some((_, len2, 0)) = self.month_at(k + 1) {
                k += 1 + len2;
            }
        } else if self.punct(k, '(') {
            if let Some((_, len2, 0)) = self.month_at(k + 1) {
                if self.punct(k + 1 + len2, ')') {
                    k += 2 + len2;
                }
            }
        }
        Some((m, k, pre))
    }

    fn date_mention(&self, start: usize, m: Month, k: usize, day: Option<u32>) -> (Number, usize) {
        let (year, end_tok) = match self.year_digits(k) {
            Some(y) => (Some(y), k + 1),
            None => (None, k),
        };
        let end = self.toks[end_tok - 1].end;
        let mut n = Number::new(start, end, Kind::Date);
        n.date = Some(format_date(year, m.number, day));
        (n, end_tok)
    }

    /// Dates: "10 سبتمبر 2018", "التاسع من فبراير", "20 شباط/فبراير",
    /// "ديسمبر", "10/9/2018".
    fn date_at(&self, i: usize) -> Option<(Number, usize)> {
        let t = self.tok(i)?;
        // A day in digits.
        if let Some(day) = self.small_int(i, 31).filter(|&d| d >= 1) {
            // 7 / يوليو /2015: slashes around the month name.
            let slash = self.punct(i + 1, '/');
            let mut k = if self.is(i + 1, "من") || slash {
                i + 2
            } else {
                i + 1
            };
            if k == i + 2 && self.is(k, "شهر") {
                k += 1;
            }
            if let Some(k2) = self.relative_month(i + 1) {
                return Some((self.day_only(t.start, t.end, day), k2));
            }
            if let Some((m, k2, 0)) = self.month_span(k) {
                let k2 = if slash && self.punct(k2, '/') && self.year_digits(k2 + 1).is_some() {
                    k2 + 1
                } else {
                    k2
                };
                return Some(self.date_mention(t.start, m, k2, Some(day)));
            }
            // 10/9/2018, 5/10/1436هـ; a span of days: 4-5/10/1436هـ.
            let spans = [i, i + 2];
            for (d, sep) in spans.iter().flat_map(|&d| [(d, '/'), (d, '-')]) {
                // 4-5/10/1436: a span of days; the date is its first day.
                if d > i && !(self.dash(i + 1) && self.small_int(i + 2, 31).is_some()) {
                    continue;
                }
                if self.punct(d + 1, sep) && self.punct(d + 3, sep) {
                    let (Some(b), Some(c)) =
                        (self.small_int(d + 2, 12), self.small_int(d + 4, 9999))
                    else {
                        continue;
                    };
                    let year = if c < 100 { c + 2000 } else { c };
                    // A Hijri year (1436) needs no هـ after it in d/m/y.
                    let hijri = (1350..=1500).contains(&year);
                    if b >= 1 && ((1900..=2100).contains(&year) || hijri) {
                        let mut n = Number::new(t.start, self.toks[d + 4].end, Kind::Date);
                        n.date = Some(format_date(Some(year), b as u8, Some(day)));
                        return Some((n, d + 5));
                    }
                }
            }
        }
        if let Some(y) = self.year_digits(i) {
            // 2018/9/10 and ISO 2018-09-10.
            let sep = if self.punct(i + 1, '/') { '/' } else { '-' };
            if self.punct(i + 1, sep) && self.punct(i + 3, sep) {
                if let (Some(mo), Some(d)) = (self.small_int(i + 2, 12), self.small_int(i + 4, 31))
                {
                    if mo >= 1 && d >= 1 {
                        let mut n = Number::new(t.start, self.toks[i + 4].end, Kind::Date);
                        n.date = Some(format_date(Some(y), mo as u8, Some(d)));
                        return Some((n, i + 5));
                    }
                }
            }
        }
        // A day in words: التاسع من فبراير، الحادي والعشرين من مارس.
        if t.kind == TokenKind::Word {
            // الست من شوال is "the six (days) of Shawwal", not a date: only
            // ordinals and العشرين، الثلاثين name days.
            let day = self
                .ordinal(i)
                .or_else(|| self.cardinal(i).filter(|q| q.article && q.ordinal));
            if let Some(q) = day {
                let d = q.value.unwrap_or(0.0) as u32;
                if let Some(k2) = self.relative_month(q.end).filter(|_| (1..=31).contains(&d)) {
                    let end = self.toks[q.end - 1].end;
                    return Some((self.day_only(q.start, end, d), k2));
                }
                // أول رمضان، أول يناير: the first of the month.
                if !q.article {
                    if let Some((m, k2, 0)) = self.month_span(q.end) {
                        if (1..=31).contains(&d) {
                            return Some(self.date_mention(q.start, m, k2, Some(d)));
                        }
                    }
                }
                if self.is(q.end, "من") {
                    let k = if self.is(q.end + 1, "شهر") {
                        q.end + 2
                    } else {
                        q.end + 1
                    };
                    if let Some((m, k2, 0)) = self.month_span(k) {
                        let d = q.value.unwrap_or(0.0) as u32;
                        if (1..=31).contains(&d) {
                            return Some(self.date_mention(q.start, m, k2, Some(d)));
                        }
                    }
                }
            }
            // A month alone, or with its year.
            if let Some((m, k2, pre)) = self.month_span(i) {
                let paired = k2 > i + m.words;
                let year = self.year_digits(k2).is_some();
                let shahr = i.checked_sub(1).is_some_and(|p| {
                    matches!(self.word(p), Some("شهر" | "الشهر" | "لشهر" | "بشهر"))
                });
                // مارس الضغط (exerted pressure), رمضان (a name): an
                // ambiguous name is the month after في، منذ، شهر … or
                // before الماضي، المقبل ….
                let context = i
                    .checked_sub(1)
                    .and_then(|p| self.word(p))
                    .is_some_and(|w| MONTH_BEFORE.contains(w))
                    || self.word(k2).is_some_and(|w| MONTH_AFTER.contains(w));
                if !m.ambiguous || paired || year || shahr || context {
                    return Some(self.date_mention(self.skip_chars(i, pre), m, k2, None));
                }
            }
        }
        None
    }

    /// "من الشهر الماضي", "الشهر الجاري", "من هذا الشهر" at `k`, after a
    /// day: the token past it.
    fn relative_month(&self, k: usize) -> Option<usize> {
        let k = if self.is(k, "من") { k + 1 } else { k };
        if self.is(k, "هذا") && self.is(k + 1, "الشهر") {
            return Some(k + 2);
        }
        let bare = self.is(k, "الشهر");
        (bare && self.word(k + 1).is_some_and(|w| RELATIVE_MONTH.contains(w))).then_some(k + 2)
    }

    /// A day of a month the text does not name: ISO 8601's truncated
    /// "---DD" (the gDay of XML Schema), the span the day alone.
    fn day_only(&self, start: usize, end: usize, day: u32) -> Number {
        let mut n = Number::new(start, end, Kind::Date);
        n.date = Some(format!("---{day:02}"));
        n
    }

    /// Clock times: "18:00", "الساعة السادسة مساءً", "6 صباحا".
    fn time_at(&self, i: usize) -> Option<(Number, usize)> {
        let t = self.tok(i)?;
        let after_sa3a = i.checked_sub(1).is_some_and(|p| {
            matches!(
                self.word(p),
                Some("الساعه" | "والساعه" | "بالساعه" | "ساعه")
            )
        });
        let (hour, minute, mut k) = if let (Some(h), true, Some(m)) = (
            self.small_int(i, 24),
            self.punct(i + 1, ':'),
            self.small_int(i + 2, 59),
        ) {
            if self.tok(i + 2).is_some_and(|t| t.norm.len() != 2) {
                return None;
            }
            (h, m, i + 3)
        } else if let Some((h, m)) = self.clock_digits(i, after_sa3a) {
            (h, m, i + 1)
        } else if let Some(h) = self.small_int(i, 24) {
            if !after_sa3a && self.word(i + 1).and_then(day_part).is_none() {
                return None;
            }
            (h, 0, i + 1)
        } else if t.kind == TokenKind::Word {
            let q = self.ordinal(i).or_else(|| {
                self.cardinal(i)
                    .filter(|q| q.article && q.value == Some(1.0))
            })?;
            if !q.article {
                return None;
            }
            let h = q.value.unwrap_or(0.0) as u32;
            if !(1..=12).contains(&h) {
                return None;
            }
            let mut minute = 0;
            let mut k = q.end;
            // العاشرة إلا ربعا: a quarter to ten; السابعة إلا عشر دقائق.
            let to = match (self.word(k), self.word(k + 1)) {
                (Some("الا"), Some("ربعا" | "ربع")) => Some((15, k + 2)),
                (Some("الا"), Some("ثلثا" | "ثلث")) => Some((20, k + 2)),
                (Some("الا"), Some(_)) => self
                    .cardinal(k + 1)
                    .filter(|m| matches!(self.word(m.end), Some("دقيقه" | "دقايق" | "دقيقتين")))
                    .and_then(|m| m.value)
                    .filter(|v| v.fract() == 0.0 && (1.0..30.0).contains(v))
                    .map(|v| (v as u32, k + 3)),
                _ => None,
            };
            if let Some((m, past)) = to {
                let hour = if h == 1 { 12 } else { h - 1 };
                let mut k = past;
                let mut hour = hour;
                if let Some(p) = self.word(k).and_then(day_part) {
                    hour = p.hour(hour);
                    k += 1;
                }
                let start = self.skip_chars(i, self.hit(i).map_or(0, |h| h.prefix));
                let mut n = Number::new(start, self.toks[k - 1].end, Kind::Time);
                n.time = Some(format!("{:02}:{:02}", hour % 24, 60 - m));
                return Some((n, k));
            }
            match self.word(k) {
                Some("والنصف") => {
                    minute = 30;
                    k += 1;
                }
                Some("والربع") => {
                    minute = 15;
                    k += 1;
                }
                Some("والثلث") => {
                    minute = 20;
                    k += 1;
                }
                // التاسعة وخمس وأربعين دقيقة
                Some(w) if w.starts_with('و') => {
                    if let Some(m) = self.cardinal(k) {
                        let v = m.value.unwrap_or(0.0);
                        if matches!(self.word(m.end), Some("دقيقه" | "دقايق"))
                            && (1.0..60.0).contains(&v)
                        {
                            minute = v as u32;
                            k = m.end + 1;
                        }
                    }
                }
                _ => {}
            }
            // A spelled hour is a time after الساعة or before a part of the
            // day (الواحدة و55 دقيقة ليلاً، السادسة من صباح اليوم).
            if !after_sa3a && self.day_part_at(k).is_none() {
                return None;
            }
            (h, minute, k)
        } else {
            return None;
        };
        let mut hour = hour;
        if let Some((p, len)) = self.day_part_at(k) {
            hour = p.hour(hour);
            k += len;
        }
        let start = match self.hit(i) {
            Some(h) => self.skip_chars(i, h.prefix),
            None => t.start,
        };
        let mut n = Number::new(start, self.toks[k - 1].end, Kind::Time);
        n.time = Some(format!("{:02}:{:02}", hour % 24, minute));
        Some((n, k))
    }

    /// A part of the day at `k`: "مساءً", or "من صباح" (السادسة من صباح
    /// اليوم); with its length in tokens.
    fn day_part_at(&self, k: usize) -> Option<(dates::DayPart, usize)> {
        if let Some(p) = self.word(k).and_then(day_part) {
            return Some((p, 1));
        }
        let p = self.is(k, "من").then(|| self.word(k + 1)).flatten()?;
        day_part(p).map(|p| (p, 2))
    }

    /// One token that is a clock time in news-agency style: "13,30" or
    /// "13.30" after الساعة or before "ت غ" (GMT), and "1535" after الساعة.
    fn clock_digits(&self, i: usize, after_sa3a: bool) -> Option<(u32, u32)> {
        let t = self.tok(i).filter(|t| t.kind == TokenKind::Number)?;
        let gmt = matches!(
            self.word(i + 1),
            Some("ت" | "تغ" | "بتوقيت" | "gmt" | "غرينتش")
        );
        let (h, m) = match t.norm.split_once([',', '.']) {
            Some((h, m)) if m.len() == 2 && h.len() <= 2 && (after_sa3a || gmt) => {
                (h.parse().ok()?, m.parse().ok()?)
            }
            None if t.norm.len() == 4 && after_sa3a => {
                (t.norm[..2].parse().ok()?, t.norm[2..].parse().ok()?)
            }
            _ => return None,
        };
        (h <= 24 && m < 60).then_some((h, m))
    }

    /// A qualifier phrase at `i`: (qualifier, span start, token after it).
    fn qualifier_at(&self, i: usize) -> Option<(&'static str, usize, usize)> {
        let w0 = self.word(i)?;
        for pre in QUALIFIER_PREFIXES {
            let Some(first) = w0.strip_prefix(pre) else {
                continue;
            };
            let Some(phrases) = QUALIFIER_INDEX.get(first) else {
                continue;
            };
            for (rest, q) in phrases {
                if !rest
                    .iter()
                    .enumerate()
                    .all(|(k, p)| self.word(i + 1 + k) == Some(p.as_str()))
                {
                    continue;
                }
                let mut j = i + 1 + rest.len();
                // لا يتجاوز عددهم عشرة: "their number does not exceed ten".
                if self.word(j).is_some_and(|w| {
                    let w = w.strip_prefix('و').unwrap_or(w);
                    w.starts_with("عدد") && w.chars().count() <= 6
                }) {
                    j += 1;
                }
                // بحوالي ( 30 ) دقيقة، زهاء الـ100
                if (self.punct(j, '(') || self.is(j, "ال")) && self.digits(j + 1).is_some() {
                    j += 1;
                }
                return Some((q, self.skip_chars(i, pre.len()), j));
            }
        }
        None
    }

    /// Ranges: "ما بين 400 و600", "بين 20 و30 ألفا", "من 10 إلى 20",
    /// "يوم أو يومين".
    fn range_at(&self, i: usize) -> Option<(Number, usize)> {
        let w = self.word(i)?;
        // ساعة ونصف، ساعتين ونصف: an hour and a half, two and a half hours.
        if self.is(i + 1, "ونصف") {
            if let Some((id, form @ (Form::Singular | Form::Dual))) = LEXICON.lookup(w) {
                if LEXICON.unit(id).class == Class::Time {
                    let (pre, _) = split_conj(w);
                    let base = if form == Form::Dual { 2.0 } else { 1.0 };
                    let q = Qty {
                        first: i,
                        start: self.skip_chars(i, pre),
                        end: i + 2,
                        value: Some(base + 0.5),
                        unit: Some(id),
                        ..Qty::default()
                    };
                    return self.finish(q, "exact");
                }
            }
        }
        // يوم أو يومين: a day or two.
        if let Some((id, Form::Singular)) =
            self.is(i + 1, "او").then(|| LEXICON.lookup(w)).flatten()
        {
            {
                if let Some((id2, Form::Dual)) = self.word(i + 2).and_then(|w| LEXICON.lookup(w)) {
                    if id == id2 {
                        let (pre, _) = split_conj(w);
                        let q = Qty {
                            first: i,
                            start: self.skip_chars(i, pre),
                            end: i + 3,
                            low: Some(1.0),
                            high: Some(2.0),
                            unit: Some(id),
                            ..Qty::default()
                        };
                        return self.finish(q, "range");
                    }
                }
            }
        }
        let (pre, rest) = split_conj(w);
        let (j, from) = if rest == "ما" && self.is(i + 1, "بين") {
            (i + 2, false)
        } else if rest == "بين" || rest == "مابين" {
            (i + 1, false)
        } else if rest == "من" {
            (i + 1, true)
        } else {
            return None;
        };
        // بين عامي 2011 و2015: the word for "the years" before the pair.
        let j = if self.word(j).is_some_and(|w| {
            matches!(
                w,
                "عامي"
                    | "العامين"
                    | "سنتي"
                    | "السنتين"
                    | "الاعوام"
                    | "السنوات"
                    | "عام"
                    | "العام"
            )
        }) && self.year_digits(j + 1).is_some()
        {
            j + 1
        } else {
            j
        };
        let q1 = self.quantity(j)?;
        if q1.vague || q1.value.is_none() || q1.unit.is_some() {
            return None;
        }
        let k = q1.end;
        let q2 = if from {
            if matches!(self.word(k), Some("الي" | "حتي" | "والي" | "وحتي")) || self.dash(k)
            {
                self.quantity(k + 1)?
            } else {
                return None;
            }
        } else if self.is(k, "و") || matches!(self.word(k), Some("الي" | "حتي" | "وحتي"))
        {
            // بين 50 إلى 60: the connector of من … إلى after بين.
            self.quantity(k + 1)?
        } else {
            let h = self.hit(k)?;
            if !is_conj_prefix(&h) {
                return None;
            }
            self.quantity(k)?
        };
        let start = self.skip_chars(i, pre);
        if let Some(r) = self.day_range(start, &q1, &q2) {
            return Some(r);
        }
        if q1.ordinal || q2.vague || q2.ordinal || q2.value.is_none() {
            return None;
        }
        // من 2014 إلى 2017: a span of years, not a count.
        // (بين 1000 و3000 سنة is a count of years.)
        if q1.int4.is_some() && q2.int4.is_some() {
            if let Some(r) = self.year_range(start, &q1, &q2, j > i + 1 && !self.is(j - 1, "بين"))
            {
                return Some(r);
            }
        }
        let (mut lo, hi) = (q1.value?, q2.value?);
        if let (None, Some(m)) = (q1.mult, q2.mult) {
            if lo < m && lo * m <= hi {
                lo *= m;
            }
        }
        if lo >= hi {
            return None;
        }
        let q = Qty {
            first: i,
            start: self.skip_chars(i, pre),
            end: q2.end,
            low: Some(lo),
            high: Some(hi),
            unit: q2.unit,
            words: q1.words,
            ..Qty::default()
        };
        self.finish(q, "range")
    }

    /// Days of one month: "من 20 إلى 25 يوليو", "بين 10 و15 أغسطس 2015",
    /// "الخامس عشر وحتى السابع عشر من نوفمبر". A date whose `date` is an
    /// ISO 8601 interval, "--07-20/--07-25".
    fn day_range(&self, start: usize, q1: &Qty, q2: &Qty) -> Option<(Number, usize)> {
        let day = |q: &Qty| {
            q.value
                .filter(|v| v.fract() == 0.0 && (1.0..=31.0).contains(v) && q.mult.is_none())
                .map(|v| v as u32)
        };
        let (d1, d2) = (day(q1)?, day(q2)?);
        if d1 >= d2 || q1.ordinal != q2.ordinal || q1.unit.is_some() || q2.unit.is_some() {
            return None;
        }
        let mut k = q2.end;
        if self.is(k, "من") {
            k += 1;
            if self.is(k, "شهر") {
                k += 1;
            }
        } else if q2.ordinal {
            // الخامس عشر والسابع عشر alone are not days.
            return None;
        }
        let (m, k2, 0) = self.month_span(k)? else {
            return None;
        };
        let (year, end_tok) = match self.year_digits(k2) {
            Some(y) => (Some(y), k2 + 1),
            None => (None, k2),
        };
        let mut n = Number::new(start, self.toks[end_tok - 1].end, Kind::Date);
        n.qualifier = "range";
        n.date = Some(format!(
            "{}/{}",
            format_date(year, m.number, Some(d1)),
            format_date(year, m.number, Some(d2))
        ));
        Some((n, end_tok))
    }

    /// Two years, "بين عامي 2011 و2015", "2014-2015", "1436/1437هـ": a year
    /// mention with low and high. `cue` says a word for years came first.
    fn year_range(&self, start: usize, q1: &Qty, q2: &Qty, cue: bool) -> Option<(Number, usize)> {
        let (y1, y2) = (q1.int4?, q2.int4?);
        let hijri = self.is(q2.end, "ه") || self.is(q2.end, "م");
        let gregorian = |y: u32| (1900..=2100).contains(&y);
        let plausible =
            gregorian(y1) && gregorian(y2) || (cue || hijri) && (1000..=2100).contains(&y1);
        if y1 >= y2 || y2 - y1 > 200 || !plausible {
            return None;
        }
        let mut n = Number::new(start, self.toks[q2.end - 1].end, Kind::Year);
        n.qualifier = "range";
        n.low = Some(y1 as f64);
        n.high = Some(y2 as f64);
        Some((n, q2.end))
    }

    /// A decade of a named century: "الثمانينيات من القرن الماضي" is
    /// 1980–1989, a vague year. Without its century the decade is left
    /// alone (an age, or an era the text does not fix).
    fn decade_years(&self, i: usize) -> Option<(Number, usize)> {
        let h = self.hit(i)?;
        let Word::Decade(d) = h.word else {
            return None;
        };
        if !(self.is(i + 1, "من") && self.is(i + 2, "القرن")) {
            return None;
        }
        let (century, end) = match self.word(i + 3)? {
            "الماضي" | "المنصرم" | "العشرين" => (1900, i + 4),
            "الحالي" => (2000, i + 4),
            _ => {
                let q = self.ordinal(i + 3)?;
                (100 * (q.value? as u32 - 1), q.end)
            }
        };
        let low = century + d as u32;
        let mut n = Number::new(
            self.skip_chars(i, h.prefix),
            self.toks[end - 1].end,
            Kind::Year,
        );
        n.qualifier = "vague";
        n.low = Some(low as f64);
        n.high = Some(low as f64 + 9.0);
        Some((n, end))
    }

    /// A span of dates: "من 1 رمضان حتى 1 شوال", "بين 25 يوليو و5 أغسطس".
    fn date_pair(&self, i: usize) -> Option<(Number, usize)> {
        let w = self.word(i)?;
        let (pre, rest) = split_conj(w);
        let j = match rest {
            "من" | "بين" | "مابين" => i + 1,
            "ما" if self.is(i + 1, "بين") => i + 2,
            _ => return None,
        };
        let (d1, k) = self.date_at(j)?;
        let connector = matches!(self.word(k), Some("الي" | "حتي" | "وحتي" | "والي"))
            || self.dash(k) && rest == "من";
        let (d2, next) = if connector {
            self.date_at(k + 1)?
        } else if rest != "من" && self.is(k, "و") {
            // و5 أغسطس: the tokenizer splits و from digits.
            self.date_at(k + 1)?
        } else if rest != "من" && self.word(k).is_some_and(|w| w.starts_with('و')) {
            // والعشرين من مارس: the conjunction sticks to a day in words.
            self.date_at(k)
                .filter(|(d, _)| d.start > self.toks[k].start)?
        } else {
            return None;
        };
        let (a, b) = (d1.date?, d2.date?);
        let mut n = Number::new(self.skip_chars(i, pre), d2.end, Kind::Date);
        n.qualifier = "range";
        n.date = Some(format!("{a}/{b}"));
        Some((n, next))
    }

    /// After a quantity: a percent sign or "في المئة".
    fn percent_after(&self, k: usize) -> Option<usize> {
        if self.punct(k, '%') {
            return Some(k + 1);
        }
        match self.word(k)? {
            "في" if matches!(self.word(k + 1), Some("الميه" | "المايه")) => {
                Some(k + 2)
            }
            "بالميه" | "بالمايه" => Some(k + 1),
            _ => None,
        }
    }

    /// A noun from the lexicon at `k`, directly or after "من": (unit,
    /// square/cubic suffix, token after it).
    fn noun_after(&self, k: usize) -> Option<(u16, Option<bool>, usize)> {
        // "منذ 2007 والعضو …": a noun after و starts a new phrase.
        if self
            .word(k)
            .is_some_and(|w| w.starts_with(['و', 'ف']) && LEXICON.form(w).is_none())
        {
            return None;
        }
        let (id, end) = match self.word(k).and_then(|w| LEXICON.lookup(w)) {
            Some((id, form)) if form != Form::Dual => (id, k + 1),
            _ if self.is(k, "من") => match self.word(k + 1).and_then(|w| LEXICON.lookup(w)) {
                Some((id, Form::Other)) => (id, k + 2),
                _ => return None,
            },
            _ => return None,
        };
        let (sq, end) = self.square_after(id, end);
        Some((id, sq, end))
    }

    /// "مربع"/"مكعب" after a unit of measure: Some(true) square, Some(false) cubic.
    fn square_after(&self, id: u16, k: usize) -> (Option<bool>, usize) {
        if LEXICON.unit(id).class != Class::Measure {
            return (None, k);
        }
        match self.word(k) {
            Some(w) if w.starts_with("مربع") => (Some(true), k + 1),
            Some(w) if w.starts_with("مكعب") => (Some(false), k + 1),
            _ => (None, k),
        }
    }

    /// The noun just before `i` ("أطفالها الخمسة", "كيلومتر مربع واحد").
    fn noun_before(&self, i: usize) -> Option<(u16, Option<bool>)> {
        let mut p = i.checked_sub(1)?;
        if self.is(p, "ال") {
            p = p.checked_sub(1)?;
        }
        let mut sq = None;
        if let Some(w) = self.word(p) {
            if w.starts_with("مربع") || w.starts_with("مكعب") {
                sq = Some(w.starts_with("مربع"));
                p = p.checked_sub(1)?;
            }
        }
        let (id, _) = LEXICON.lookup(self.word(p)?)?;
        Some((id, sq))
    }

    /// A plural noun a few words back, for "الجنود … وعددهم 2000".
    fn noun_back(&self, i: usize, window: usize) -> Option<u16> {
        (i.saturating_sub(window)..i).rev().find_map(|p| {
            match self.word(p).and_then(|w| LEXICON.lookup(w)) {
                Some((id, Form::Other)) => Some(id),
                _ => None,
            }
        })
    }

    /// The noun of a count a few words before `i` in its sentence ("5
    /// جنود" before "و3 آخرون").
    fn others_noun(&self, i: usize) -> Option<u16> {
        let mut p = i;
        while p > i.saturating_sub(8) {
            p -= 1;
            if [',', '.', ';', ':', '!', '?']
                .iter()
                .any(|&c| self.punct(p, c))
            {
                return None;
            }
            // "5 جنود", and "26 شخصا" (a singular after 11–99); not a
            // noun that heads the number ("مقتل أربعة وإصابة ثلاثة آخرين":
            // إصابة is the injuring of three).
            let noun = self
                .word(p)
                .filter(|w| p + 1 < i && !w.starts_with('و'))
                .and_then(|w| LEXICON.lookup(w));
            if let Some((id, Form::Other | Form::Singular)) = noun {
                let counted = p > 0 && (self.digits(p - 1).is_some() || self.hit(p - 1).is_some());
                if counted && LEXICON.unit(id).class == Class::Count {
                    return Some(id);
                }
            }
        }
        None
    }

    fn age_context(&self, first: usize, end: usize) -> bool {
        if first > 0 && self.punct(first - 1, '(') {
            return true;
        }
        // "أحمد، 30 عاما، قال" and "(غ،ع) - 27 عاما -": set off after a name.
        if first > 0
            && (self.dash(first - 1) && self.dash(end)
                || self.punct(first - 1, ',') && (self.punct(end, ',') || self.punct(end, ')')))
        {
            return true;
        }
        // "توفي عن 71 عاما": died at 71.
        let died = first > 0
            && self.is(first - 1, "عن")
            && (first.saturating_sub(10)..first).any(|p| {
                self.word(p).is_some_and(|w| {
                    let bare = w.strip_prefix(['و', 'ف']).unwrap_or(w);
                    ["توفي", "وفاه", "وفات"].iter().any(|d| w.contains(d))
                        || bare == "رحل"
                        || bare.starts_with("رحيل")
                })
            });
        let before = died
            || (first.saturating_sub(4)..first).any(|p| {
                self.word(p).is_some_and(|w| {
                    let w = w.strip_prefix('و').unwrap_or(w);
                    w.starts_with("عمر")
                        || w.starts_with("العمر")
                        || w.starts_with("بعمر")
                        || w.starts_with("اعمار")
                        || w.starts_with("الاعمار")
                        || matches!(w, "سن" | "بسن" | "السن")
                        || w.starts_with("البالغ")
                        || matches!(w, "يبلغ" | "تبلغ" | "ذو" | "ذات" | "عن")
                            && p + 1 < first
                            && self.word(p + 1).is_some_and(|n| n.contains("عمر"))
                        || matches!(w, "ذو" | "ذات")
                })
            });
        let after = self.is(end, "من")
            && self
                .word(end + 1)
                .is_some_and(|w| w.starts_with("العمر") || w.starts_with("عمر"));
        before || after
    }

    /// Whether عقد/عقود at `k` (after the number at `first`) are contracts:
    /// signed (وقع، توقيع، أبرم، ترسية) or "for" something (عقود لتنفيذ).
    fn contracts(&self, first: usize, k: usize) -> bool {
        let signed = (first.saturating_sub(4)..first).any(|p| {
            self.word(p).is_some_and(|w| {
                ["وقع", "توقيع", "ابرم", "ابرام", "ترسيه"]
                    .iter()
                    .any(|c| w.contains(c))
            })
        });
        signed
            || self
                .word(k)
                .is_some_and(|w| w.starts_with('ل') && !w.starts_with("لل"))
    }

    /// Turns a quantity into a mention: percent, counted noun, trailing
    /// qualifier, kind.
    fn finish(&self, q: Qty, qualifier: &'static str) -> Option<(Number, usize)> {
        let mut k = q.end;
        let mut end_byte = self.toks.get(k.checked_sub(1)?)?.end;
        let mut n = Number::new(q.start, end_byte, Kind::Count);
        if q.decade {
            n.kind = Kind::Age;
            n.low = q.low;
            n.high = q.high;
            n.qualifier = "vague";
            n.unit = Some("عام".into());
            n.unit_en = Some("year (of age)".into());
            return Some((n, k));
        }
        n.value = q.value;
        n.low = q.low;
        n.high = q.high;
        n.qualifier = if q.vague && qualifier == "exact" {
            "vague"
        } else {
            qualifier
        };
        // Percent.
        if let Some(e) = self.percent_after(k) {
            end_byte = self.toks[e - 1].end;
            n.end = end_byte;
            n.kind = Kind::Percent;
            n.unit_en = Some("percent".into());
            return Some((self.trailing(n, e), e));
        }
        // في سن 14 (عاما): at the age of 14, whatever follows.
        if !q.vague
            && q.first > 0
            && matches!(self.word(q.first - 1), Some("سن" | "بسن" | "السن"))
            && q.value
                .is_some_and(|v| v.fract() == 0.0 && (1.0..=130.0).contains(&v))
        {
            n.kind = Kind::Age;
            n.unit = Some("عام".into());
            n.unit_en = Some("year (of age)".into());
            let k = match self.word(k).and_then(|w| LEXICON.lookup(w)) {
                Some((id, _)) if LEXICON.unit(id).class == Class::Time => k + 1,
                _ => k,
            };
            return Some((self.trailing(n, k), k));
        }
        // 4000 م2، 1000م3: square and cubic metres in their short form.
        if q.unit.is_none()
            && self.is(k, "م")
            && self.toks.get(k + 1).is_some_and(|t| {
                t.start == self.toks[k].end && matches!(t.norm.as_str(), "2" | "3")
            })
        {
            let square = self.toks[k + 1].norm == "2";
            n.kind = Kind::Measure;
            n.unit = Some(
                if square {
                    "متر مربع"
                } else {
                    "متر مكعب"
                }
                .into(),
            );
            n.unit_en = Some(
                if square {
                    "square metre"
                } else {
                    "cubic metre"
                }
                .into(),
            );
            return Some((self.trailing(n, k + 2), k + 2));
        }
        // The counted noun.
        let mut unit = q.unit.map(|id| {
            let (sq, e) = self.square_after(id, k);
            k = e;
            (id, sq)
        });
        if unit.is_none() {
            // "( 7 ) سنوات": the noun after the closing parenthesis.
            let look = if self.punct(k, ')') && q.first > 0 && self.punct(q.first - 1, '(') {
                k + 1
            } else {
                k
            };
            if q.article || q.needs_noun_before {
                unit = self.noun_before(q.first);
            }
            // "مقارنة بـ 282 العام السابق": a noun with the article is not
            // counted (آلاف الدولارات is, after a vague quantity); nor
            // "عام 1990" (a year follows), "127 مليارا عام 2015".
            let definite = self.word(look).is_some_and(|w| w.starts_with("ال"));
            let dated = self.year_digits(look + 1).is_some()
                || self.is(look + 1, "ه")
                || self.is(look, "لسنه");
            if unit.is_none() && !q.needs_noun_before && (!definite || q.vague) && !dated {
                if let Some((id, sq, e)) = self.noun_after(look) {
                    unit = Some((id, sq));
                    k = e;
                } else if self.is(look, "و") && self.digits(look + 1).is_some() {
                    // "21 و33 عاما": both numbers count the noun after the second.
                    if let Some((id, sq, _)) = self.noun_after(look + 2) {
                        unit = Some((id, sq));
                    }
                }
            }
        }
        if q.needs_noun_before && unit.is_none() {
            return None;
        }
        // الاجتماع الـ22، الدقيقة الـ90: digits with the article after a
        // definite singular noun rank it ("الساعات الـ48" count hours).
        if q.article && !q.words && qualifier == "exact" {
            let noun = q
                .first
                .checked_sub(2)
                .filter(|&p| self.is(p + 1, "ال"))
                .and_then(|p| self.word(p))
                .filter(|w| w.starts_with("ال"))
                .and_then(|w| LEXICON.lookup(w));
            if let Some((id, Form::Singular)) = noun {
                let u = LEXICON.unit(id);
                n.kind = Kind::Ordinal;
                n.unit = Some(u.singular.clone());
                n.unit_en = Some(u.en.clone());
                return Some((n, q.end));
            }
            // والـ49 عالميا: a rank in the world, in the Arab world.
            if self.word(k).is_some_and(|w| RANK_ADVERBS.contains(&w)) {
                n.kind = Kind::Ordinal;
                return Some((n, q.end));
            }
        }
        // "وعددهم 2000", "قوامها 500": a count of something named before.
        let counted = (q.first.saturating_sub(2)..q.first).any(|p| {
            self.word(p).is_some_and(|w| {
                let w = w.strip_prefix('و').unwrap_or(w);
                (w.starts_with("عدد") || w.starts_with("قوام")) && w.chars().count() <= 6
            })
        });
        if unit.is_none() && counted {
            unit = self.noun_back(q.first, 10).map(|id| (id, None));
        }
        // "قتل 5 جنود و3 آخرون": others of the noun counted just before,
        // in the same sentence; with none, the count has no noun.
        if unit.is_none() && self.word(k).is_some_and(|w| OTHERS.contains(&w)) {
            unit = self.others_noun(q.first).map(|id| (id, None));
        }
        // آلاف الرجال والنساء والأطفال: people of several kinds are persons.
        if let Some((id, None)) = unit {
            if PEOPLE.contains(&LEXICON.unit(id).en.as_str())
                && self.word(k).is_some_and(|w| {
                    w.strip_prefix('و')
                        .and_then(|r| LEXICON.lookup(r))
                        .is_some_and(|(id2, _)| {
                            id2 != id && PEOPLE.contains(&LEXICON.unit(id2).en.as_str())
                        })
                })
            {
                unit = LEXICON.person().map(|p| (p, None));
            }
        }
        // نصف السكان: a fraction of a population is a percent.
        if q.fraction && unit.is_some_and(|(id, _)| LEXICON.unit(id).class == Class::Count) {
            unit = None;
        }
        // 5$، $5، 20 €: a currency sign for the counted noun.
        if unit.is_none() && !q.fraction {
            let sign = |c: char| {
                self.punct(k, c)
                    || q.first > 0
                        && self.punct(q.first - 1, c)
                        && self.toks[q.first - 1].end == q.start
            };
            let currency = [('$', "دولار"), ('€', "يورو"), ('£', "جنيه")]
                .into_iter()
                .find(|&(c, _)| sign(c));
            if let Some((_, name)) = currency {
                unit = LEXICON.lookup(name).map(|(id, _)| (id, None));
            }
        }
        // بنسبة 1.7: a rate given without its percent sign.
        if unit.is_none()
            && !q.fraction
            && !q.vague
            && q.value.is_some_and(|v| v <= 1000.0)
            && self.rate_before(q.first)
        {
            n.kind = Kind::Percent;
            n.unit_en = Some("percent".into());
            return Some((self.trailing(n, k), k));
        }
        if let Some((id, sq)) = unit {
            let u = LEXICON.unit(id);
            // ثلاثة أشهر ونصف: three and a half months.
            if u.class != Class::Count && self.is(k, "ونصف") && !q.vague {
                n.value = q.value.map(|v| v + 0.5);
                n.high = q.high.map(|v| v + 0.5);
            }
            n.kind = match u.class {
                Class::Count => Kind::Count,
                Class::Measure => Kind::Measure,
                Class::Time => Kind::Duration,
            };
            let (unit_ar, unit_en) = match sq {
                Some(true) => (format!("{} مربع", u.singular), format!("square {}", u.en)),
                Some(false) => (format!("{} مكعب", u.singular), format!("cubic {}", u.en)),
                None => (u.singular.clone(), u.en.clone()),
            };
            if u.class == Class::Time
                && matches!(u.singular.as_str(), "عام" | "سنة")
                && !q.vague
                // تتراوح أعمارهم بين 18 و60 عاما: a range of ages too.
                && q.value
                    .or(q.high)
                    .is_some_and(|v| (1.0..=130.0).contains(&v) && v.fract() == 0.0)
                && self.age_context(q.first, k)
            {
                n.kind = Kind::Age;
                n.unit = Some(unit_ar);
                n.unit_en = Some("year (of age)".into());
            } else if u.singular == "عقد" && self.contracts(q.first, k) {
                // وقعت 3 عقود لتنفيذ المشروع: contracts, not decades.
                n.kind = Kind::Count;
                n.unit = Some(unit_ar);
                n.unit_en = Some("contract".into());
            } else {
                n.unit = Some(unit_ar);
                n.unit_en = Some(unit_en);
            }
        } else if q.fraction {
            n.kind = Kind::Percent;
            n.value = q.value.map(|v| (v * 10000.0).round() / 100.0);
            n.unit_en = Some("percent".into());
        } else if q.words
            && q.low.is_none()
            && q.value
                .is_some_and(|v| v.fract() == 0.0 && (1000.0..=2100.0).contains(&v))
            && q.first > 0
            && self.word(q.first - 1).is_some_and(|w| {
                matches!(split_conj(w).1, "عام" | "العام" | "سنه" | "السنه" | "لعام")
            })
        {
            // عام ألفين وتسعة عشر: a year spelled out.
            n.kind = Kind::Year;
        } else if let Some(y) = q.int4 {
            let prev = q
                .first
                .checked_sub(1)
                .and_then(|p| self.word(p))
                .unwrap_or("");
            let prev = split_conj(prev).1;
            // الموافق 1865م: "corresponding to" gives the year in the other calendar.
            let cue = matches!(
                prev,
                "عام" | "العام" | "عامي" | "سنه" | "السنه" | "لعام" | "الموافق"
            );
            // 1436هـ, and 1436 – 1437هـ (a school year).
            let hijri = self.is(q.first + 1, "ه")
                || self.dash(q.first + 1)
                    && self.year_digits(q.first + 2).is_some()
                    && self.is(q.first + 3, "ه");
            if qualifier == "exact"
                && !counted
                && ((1900..=2100).contains(&y) || cue || hijri && (1300..=1500).contains(&y))
            {
                n.kind = Kind::Year;
            }
        }
        // سالب 5، -3 درجات، 5 درجات تحت الصفر: below zero.
        let minus_word = q.first > 0 && matches!(self.word(q.first - 1), Some("سالب" | "ناقص"));
        let degrees = n.kind == Kind::Measure && n.unit.as_deref() == Some("درجة");
        let minus_sign = degrees
            && q.first > 0
            && self.dash(q.first - 1)
            && self.toks[q.first - 1].end == q.start
            && !(q.first > 1 && self.toks[q.first - 2].end == self.toks[q.first - 1].start);
        let below_zero = degrees && self.is(k, "تحت") && self.is(k + 1, "الصفر");
        if minus_word || minus_sign || below_zero {
            let neg = |v: Option<f64>| v.map(|v| -v);
            (n.value, n.low, n.high) = (neg(n.value), neg(n.high), neg(n.low));
            if qualifier == "exact" && !below_zero {
                n.start = self.toks[q.first - 1].start;
            }
            if below_zero {
                k += 2;
            }
            return Some((n, k));
        }
        // طفل في الـ12 من عمره: an age without its noun.
        if n.kind == Kind::Count
            && unit.is_none()
            && q.low.is_none()
            && q.value
                .is_some_and(|v| v.fract() == 0.0 && (1.0..=130.0).contains(&v))
        {
            let prev = q.first.checked_sub(1).and_then(|p| self.word(p));
            let of_age = self.is(k, "من")
                && self
                    .word(k + 1)
                    .is_some_and(|w| w.starts_with("عمر") || w.starts_with("العمر"));
            if of_age && (q.article || prev == Some("في")) {
                n.kind = Kind::Age;
                n.unit = Some("عام".into());
                n.unit_en = Some("year (of age)".into());
                return Some((n, k));
            }
        }
        if n.kind == Kind::Count && unit.is_none() && !q.words && q.low.is_none() {
            if qualifier == "exact" && self.code_like(q.first) {
                return None;
            }
            // الدقيقة 25، الجولة 5: the 25th minute, the fifth round. Such
            // positions are small; "الشهر 900" is a count after "the month".
            let prev = q.first.checked_sub(1).and_then(|p| self.word(p));
            if let Some((id, Form::Singular)) = prev
                .filter(|w| w.starts_with("ال") && n.value.is_some_and(|v| v <= 200.0))
                .and_then(|w| LEXICON.lookup(w))
            {
                let u = LEXICON.unit(id);
                n.kind = Kind::Ordinal;
                n.unit = Some(u.singular.clone());
                n.unit_en = Some(u.en.clone());
            }
        }
        if n.kind == Kind::Count && n.unit.is_none() && !q.fraction {
            // "( 10 ) مسدسات": the noun after the closing parenthesis.
            let look = if self.punct(k, ')') && q.first > 0 && self.punct(q.first - 1, '(') {
                k + 1
            } else {
                k
            };
            let value = q.value.or(q.high).unwrap_or(0.0);
            n.unit = self
                .unknown_noun(look, value, q.vague)
                .or_else(|| self.partitive_noun(look, value));
        }
        Some((self.trailing(n, k), k))
    }

    /// Phone numbers, SMS short codes, account numbers: five or more bare
    /// digits after a word that names a code, or among Latin words.
    fn code_like(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        // رحلة رقم 962، القميص رقم 10: a number that names, not counts.
        let prev_word = i.checked_sub(1).and_then(|p| {
            if self.punct(p, '(') {
                p.checked_sub(1).and_then(|p| self.word(p))
            } else {
                self.word(p)
            }
        });
        if prev_word.is_some_and(|w| matches!(split_conj(w).1, "رقم" | "الرقم" | "برقم"))
        {
            return true;
        }
        // "2 - يا أهل الدار": a list marker at the start of a line.
        let line_start = match i.checked_sub(1) {
            None => true,
            Some(p) => self.text[self.toks[p].end..t.start].contains('\n'),
        };
        if line_start
            && (self.dash(i + 1) || self.punct(i + 1, '.') || self.punct(i + 1, ')'))
            && self.digits(i + 2).is_none()
            || self.list_marker(i)
        {
            return true;
        }
        let near_latin = |p: usize| {
            self.tok(p).is_some_and(|t| {
                t.kind == TokenKind::Word && t.norm.bytes().all(|b| b.is_ascii_alphabetic())
            })
        };
        let prev = i.checked_sub(1);
        // Models and codes: F-16, M1A1, Galaxy S6, Exynos 7420, «إف 16»,
        // بوينغ 777, طائرات من طراز 747, مجموعة 5+1.
        let model = prev.is_some_and(|p| {
            near_latin(p)
                || self.dash(p) && p > 0 && near_latin(p - 1)
                || self.word(p).is_some_and(|w| {
                    matches!(
                        w,
                        "اف" | "اس" | "ايه" | "جي" | "بوينغ" | "بوينج" | "ايرباص" | "طراز"
                    )
                })
                || self.dash(p) && p > 0 && self.is(p - 1, "اف")
        }) || self.punct(i + 1, '+')
            || prev.is_some_and(|p| self.punct(p, '+'))
            || self.tok(i + 1).is_some_and(|n| {
                n.start == t.end && n.kind == TokenKind::Word && near_latin(i + 1)
            });
        if model {
            return true;
        }
        // 0172417761, 0564988992: a telephone number.
        if t.norm.starts_with('0')
            && t.norm.len() >= 7
            && t.norm.bytes().all(|b| b.is_ascii_digit())
        {
            return true;
        }
        if t.norm.len() < 5 || !t.norm.bytes().all(|b| b.is_ascii_digit()) {
            return t.norm.starts_with('0') && t.norm.len() >= 3 && !t.norm.contains('.');
        }
        prev.is_some_and(|p| {
            self.word(p).is_some_and(|w| {
                let w = split_conj(w).1;
                matches!(
                    w,
                    "رقم"
                        | "الرقم"
                        | "هاتف"
                        | "الهاتف"
                        | "جوال"
                        | "الجوال"
                        | "فاكس"
                        | "الرمز"
                        | "رمز"
                        | "الكود"
                        | "حساب"
                        | "الحساب"
                        | "تحويله"
                        | "ب"
                        | "ص"
                        | "رقمه"
                        | "رقمها"
                )
            })
        }) || near_latin(i + 1)
            || self.dash(i + 1) && near_latin(i + 2)
    }

    /// The word at `k` as written, without diacritics, tatweel or (with
    /// `article`) a leading ال: "المجموعة" → "مجموعة", "متغيراً" → "متغيرا".
    fn bare_word(&self, k: usize, article: bool) -> Option<String> {
        let t = self.tok(k).filter(|t| t.kind == TokenKind::Word)?;
        let w: String = self.text[t.start..t.end]
            .chars()
            .filter(|&c| fold(c) != Fold::Drop && c != '\u{0640}')
            .collect();
        let w = if article {
            w.strip_prefix("ال")?.to_string()
        } else {
            w
        };
        (w.chars().count() >= 3).then_some(w)
    }

    /// A counted noun the lexicon does not know, the word after the
    /// number, in the singular where its ending says how: after 11–99 the
    /// noun is a singular accusative ("58 متغيراً" → متغير); after 3–10 a
    /// plural (sound masculine "ثمانية حوثيين" → حوثي, "-يات" → "-ية");
    /// after 100 and above a singular. A broken or ambiguous "-ات" plural
    /// is given as written. Function words, names of months, number words,
    /// Latin words and a word with the article or a conjunction (a new
    /// phrase) are not counted nouns.
    fn unknown_noun(&self, k: usize, value: f64, vague: bool) -> Option<String> {
        let w = self.word(k)?;
        // ألعاب، ألقاب fold to "العاب"، "القاب": the article is a bare alef
        // as written, not the hamza of a broken plural.
        let definite = w.starts_with("ال")
            && self
                .tok(k)
                .is_some_and(|t| self.text[t.start..t.end].starts_with("ال"));
        // للعراقي، بالمدينة: a preposition with the article opens a phrase.
        if definite && !vague
            || w.starts_with(['و', 'ف'])
            || ["لل", "بال", "كال"].iter().any(|p| w.starts_with(p))
            || w.is_ascii()
            || NOT_NOUNS.contains(w)
            || lookup(w).is_some()
            || self.month_at(k).is_some()
            || self.qualifier_at(k).is_some()
        {
            return None;
        }
        let word = self.bare_word(k, definite)?;
        let rem = value % 100.0;
        let plural = vague || (3.0..=10.0).contains(&value);
        let noun = if !plural && (11.0..=99.0).contains(&rem) && value.fract() == 0.0 {
            word.strip_suffix('ا').unwrap_or(&word).to_string()
        } else if plural {
            singular_of_plural(&word)
        } else {
            word
        };
        Some(noun)
    }

    /// "ثلاثة من المتهمين" (three of the accused): the definite plural
    /// after "من", in the singular where its ending says how; a noun the
    /// lexicon knows was taken before ([`Self::noun_after`]).
    fn partitive_noun(&self, k: usize, value: f64) -> Option<String> {
        let w = self
            .word(k + 1)
            .filter(|_| self.is(k, "من") && value >= 2.0)?;
        if !w.starts_with("ال") || NOT_NOUNS.contains(w) || lookup(w).is_some() {
            return None;
        }
        // الشهر الماضي، العام: a time, not what is counted.
        if LEXICON.lookup(w).is_some() || self.month_at(k + 1).is_some() {
            return None;
        }
        let word = self.bare_word(k + 1, true)?;
        Some(singular_of_plural(&word))
    }

    /// A match score ("فاز 3-1", "بنتيجة 71-65", "1-صفر", "صفر / 2"): two
    /// tallies joined by a dash, slash or colon after a word of sport. A
    /// score is neither a count nor a range, so the whole of it is passed
    /// over: the token after it, or None.
    fn score_end(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.kind != TokenKind::Number && t.norm != "صفر" {
            return None;
        }
        let side = |k: usize| self.small_int(k, 300).is_some() || self.is(k, "صفر");
        let joined = self.dash(i + 1) || self.punct(i + 1, '/') || self.punct(i + 1, ':');
        // 15/7/2015 is a date, 10-12-2015 too.
        let third = self.dash(i + 3) || self.punct(i + 3, '/');
        if !(side(i) && joined && side(i + 2)) || third {
            return None;
        }
        let sport = (i.saturating_sub(12)..i).any(|p| {
            self.word(p)
                .is_some_and(|w| SPORT.iter().any(|c| w.contains(c)))
        });
        sport.then_some(i + 3)
    }

    /// Numbers that name rather than count, passed over whole: the token
    /// after them, or None. An ordinal or a number after a street or a
    /// quarter (شارع الستين، حي 14), أول in a rank (الفريق أول), and "a/b"
    /// that is neither a fraction nor a date (المادة 13/8).
    fn passed_over(&self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.kind == TokenKind::Punct {
            return None;
        }
        if t.kind == TokenKind::Number && self.slashed(i) == Some(Slashed::Code) {
            return Some(i + 3);
        }
        // A head may carry one conjunction or preposition (وشارع، بحي); no
        // lexicon lookup here, as this runs before every number word.
        let is_head = |w: &str| NAME_HEADS.iter().any(|(h, _)| *h == w) || RANKS.contains(&w);
        let prev = self.word(i.checked_sub(1)?)?;
        let prev = match prev.strip_prefix(['و', 'ب', 'ف', 'ل']) {
            Some(rest) if is_head(rest) => rest,
            _ => prev,
        };
        if t.kind == TokenKind::Word
            && RANKS.contains(&prev)
            && self.is(i, "اول")
            && self.word(i + 1).is_some()
        {
            return Some(i + 1);
        }
        let (_, digits) = NAME_HEADS.iter().find(|(h, _)| *h == prev)?;
        if t.kind == TokenKind::Number {
            return digits.then(|| self.cardinal(i)).flatten().map(|q| q.end);
        }
        let named = |q: &Qty| q.ordinal || q.article && q.value.is_some();
        let q = self.quantity(i).filter(named)?;
        // شارع الأربعين والستين: Fortieth and Sixtieth Streets.
        let mut end = q.end;
        while self.hit(end).is_some_and(|h| is_conj_prefix(&h)) {
            match self.quantity(end).filter(named) {
                Some(q2) => end = q2.end,
                None => break,
            }
        }
        Some(end)
    }

    /// "a/b": two numbers of at most two digits joined by a slash, with no
    /// third part (1/2/2015 is a date, read by [`Self::date_at`]) and not
    /// a score (passed over before). A measure or a rate after or before
    /// it makes a fraction (1/2 كوب، بنسبة 1/4); a word of time before it a
    /// day and a month (في 14/11); anything else a reference.
    fn slashed(&self, i: usize) -> Option<Slashed> {
        if !self.punct(i + 1, '/') {
            return None;
        }
        let (a, b) = (self.small_int(i, 31)?, self.small_int(i + 2, 31)?);
        if self.punct(i + 3, '/')
            || self.dash(i + 3)
            || i > 0 && (self.punct(i - 1, '/') || self.dash(i - 1))
        {
            return None;
        }
        let prev = i.checked_sub(1).and_then(|p| self.word(p)).unwrap_or("");
        // بنسبة 1/4، نسبة النجاح 3/4: a rate named just before.
        let rate = self.rate_before(i) || i > 0 && self.rate_before(i - 1);
        let measure = self
            .word(i + 3)
            .and_then(|w| LEXICON.lookup(w))
            .is_some_and(|(id, _)| LEXICON.unit(id).class != Class::Count);
        if (rate || measure) && a != b && a > 0 && b > 0 {
            // Typed right to left, a quarter is often stored "4/1": a
            // fraction of a measure or a rate is below one.
            return Some(Slashed::Fraction(a.min(b) as f64 / a.max(b) as f64));
        }
        if SLASH_DATE_BEFORE.contains(prev) && (1..=31).contains(&a) && (1..=12).contains(&b) {
            return Some(Slashed::Date(a, b));
        }
        Some(Slashed::Code)
    }

    /// Whether the word before `i` names a rate: نسبة، بنسبة، النسبة، نسبته.
    fn rate_before(&self, i: usize) -> bool {
        i.checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| {
                let w = w.strip_prefix('و').unwrap_or(w);
                let w = w.strip_prefix('ب').unwrap_or(w);
                w.starts_with("نسبت") || w == "نسبه" || w == "النسبه"
            })
    }

    /// A list marker: "1 - تطوير" after a full stop or a colon, or "( 2 )"
    /// in a run "( 1 ) … ( 2 ) … ( 3 )".
    fn list_marker(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else {
            return false;
        };
        let after_stop = match i.checked_sub(1) {
            None => true,
            Some(p) => {
                self.text[self.toks[p].end..t.start].contains('\n')
                    || [':', '.', '؛', '!', '?'].iter().any(|&c| self.punct(p, c))
            }
        };
        if after_stop && (self.dash(i + 1) || self.punct(i + 1, ')')) && self.word(i + 2).is_some()
        {
            return true;
        }
        let Some(n) = self.small_int(i, 30) else {
            return false;
        };
        let marker = |k: usize| k > 0 && self.punct(k - 1, '(') && self.punct(k + 1, ')');
        if !marker(i) {
            return false;
        }
        // The next marker ahead or the previous one behind, within a page.
        let ahead = (i + 1..(i + 400).min(self.toks.len()))
            .any(|k| marker(k) && self.small_int(k, 30) == Some(n + 1));
        let behind = n > 1
            && (i.saturating_sub(400)..i)
                .any(|k| marker(k) && self.small_int(k, 30) == Some(n - 1));
        ahead || behind
    }

    /// A qualifier after the number or its noun ("17 شاحنة على الأقل").
    fn trailing(&self, mut n: Number, k: usize) -> Number {
        if n.qualifier != "exact" || n.kind == Kind::Year {
            return n;
        }
        for (a, b, q) in TRAILING {
            if self.is(k, a) && (b.is_empty() || self.is(k + 1, b)) {
                n.qualifier = q;
                break;
            }
        }
        n
    }

    fn ordinal_mention(&self, q: Qty) -> Option<(Number, usize)> {
        let end = self.toks[q.end - 1].end;
        // طفل في العاشرة (من عمره): an age.
        let prev_fi = q.first > 0 && self.is(q.first - 1, "في");
        let of_age = self.is(q.end, "من")
            && self
                .word(q.end + 1)
                .is_some_and(|w| w.starts_with("عمر") || w.starts_with("العمر"));
        let person_before = q.first >= 2
            && self
                .word(q.first - 2)
                .and_then(|w| LEXICON.lookup(w))
                .is_some_and(|(id, _)| {
                    let u = LEXICON.unit(id);
                    u.class == Class::Count
                        && matches!(
                            u.en.as_str(),
                            "child"
                                | "girl"
                                | "young man"
                                | "man"
                                | "woman"
                                | "person"
                                | "pupil"
                                | "student"
                                | "son"
                                | "daughter"
                        )
                });
        let mut n = Number::new(q.start, end, Kind::Ordinal);
        n.value = q.value;
        // في سن الثلاثين، بعمر الخامسة عشرة: at the age of.
        let age_word = q.first > 0
            && self
                .word(q.first - 1)
                .is_some_and(|w| matches!(w, "سن" | "بسن" | "السن" | "عمر" | "بعمر"));
        if q.article && (prev_fi && (of_age || person_before) || age_word) {
            n.kind = Kind::Age;
            n.unit = Some("عام".into());
            n.unit_en = Some("year (of age)".into());
            return Some((self.trailing(n, q.end), q.end));
        }
        // الدفعة السابعة; ساعات الصباح الأولى (the noun heads a construct).
        let noun = self.noun_before(q.first).or_else(|| {
            let p = q.first.checked_sub(1)?;
            self.word(p)?
                .starts_with("ال")
                .then(|| self.noun_before(p))?
        });
        // رابع أيام العيد، أول مرة: a bare ordinal heads its noun.
        let noun = if q.article {
            noun
        } else {
            self.word(q.end)
                .and_then(|w| LEXICON.lookup(w))
                .map(|(id, _)| (id, None))
                .or(noun)
        };
        if let Some((id, _)) = noun {
            let u = LEXICON.unit(id);
            n.unit = Some(u.singular.clone());
            n.unit_en = Some(u.en.clone());
        } else if q.article && q.first > 0 {
            // المجموعة السابعة، المرتبة الأولى: the definite noun the ordinal
            // follows, though the lexicon does not know it.
            let p = q.first - 1;
            let noun = self
                .word(p)
                .filter(|w| w.starts_with("ال") && !NOT_NOUNS.contains(*w) && lookup(w).is_none());
            n.unit = noun.and_then(|_| self.bare_word(p, true));
        }
        Some((n, q.end))
    }

    /// A mention at token `i`, or a number passed over (None), and the
    /// token after it. Most tokens are turned away by one lookup here.
    fn at(&self, i: usize) -> Option<(Option<Number>, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            TokenKind::Punct => return None,
            TokenKind::Word
                if !self.word(i).is_some_and(may_start)
                    && !self.is(i + 1, "او")
                    && !self.is(i + 1, "ونصف") =>
            {
                return None
            }
            _ => {}
        }
        if let Some(next) = self.passed_over(i) {
            return Some((None, next));
        }
        self.mention_at(i).map(|(n, next)| (Some(n), next))
    }

    /// Everything that can start at token `i`, once [`Self::at`] let it in.
    fn mention_at(&self, i: usize) -> Option<(Number, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            TokenKind::Word if RANGE_OPENERS.contains(t.norm.as_str()) => {
                let next_may = |k: usize| {
                    self.tok(k).is_some_and(|n| {
                        n.kind == TokenKind::Number
                            || n.kind == TokenKind::Word && n.norm != "ما" && may_start(&n.norm)
                    })
                };
                // بين عامي 2011 و2015
                let years = |k: usize| {
                    matches!(self.word(k), Some("عامي" | "العامين" | "سنتي" | "السنتين"))
                        && next_may(k + 1)
                };
                if !(next_may(i + 1) || self.is(i + 1, "بين") && next_may(i + 2) || years(i + 1))
                {
                    return None;
                }
            }
            _ => {}
        }
        match self.slashed(i) {
            Some(Slashed::Date(day, month)) => {
                let mut n = Number::new(t.start, self.toks[i + 2].end, Kind::Date);
                n.date = Some(format_date(None, month as u8, Some(day)));
                return Some((n, i + 3));
            }
            Some(Slashed::Fraction(f)) => {
                let q = Qty {
                    first: i,
                    start: t.start,
                    end: i + 3,
                    value: Some(f),
                    fraction: true,
                    ..Qty::default()
                };
                return self.finish(q, "exact");
            }
            _ => {}
        }
        if let Some(r) = self.date_pair(i) {
            return Some(r);
        }
        if let Some(r) = self.date_at(i) {
            return Some(r);
        }
        if let Some(r) = self.time_at(i) {
            return Some(r);
        }
        if let Some(r) = self.range_at(i) {
            return Some(r);
        }
        if let Some((qual, start, j)) = self.qualifier_at(i) {
            // نحو الساعة السادسة، نحو 6 مساءً: an approximate clock time.
            let t = if self.is(j, "الساعه") { j + 1 } else { j };
            if let Some((mut n, next)) = self.time_at(t) {
                n.start = start;
                n.qualifier = qual;
                return Some((n, next));
            }
            let mut q = self.quantity(j)?;
            if q.ordinal {
                return None;
            }
            q.start = start;
            return self.plain(q, qual);
        }
        if let Some(r) = self.decade_years(i) {
            return Some(r);
        }
        let q = self.quantity(i)?;
        if q.ordinal {
            return self.ordinal_mention(q);
        }
        self.plain(q, "exact")
    }

    /// A quantity, maybe followed by "-"/"أو" and a second one (a range).
    fn plain(&self, q: Qty, qualifier: &'static str) -> Option<(Number, usize)> {
        let k = q.end;
        // العام الدراسي 1436/1437هـ، الموسم 36/1437هـ: a school or sport year.
        if self.punct(k, '/') && !q.words && qualifier == "exact" {
            if let (Some(v), Some(q2)) = (q.value, self.quantity(k + 1)) {
                if let Some(y2) = q2.int4 {
                    let y1 = if v < 100.0 && y2 % 100 == v as u32 + 1 {
                        y2 - 1
                    } else {
                        v as u32
                    };
                    let q1 = Qty {
                        int4: Some(y1),
                        ..q.clone()
                    };
                    if y1.checked_add(1) == Some(y2) {
                        if let Some(r) = self.year_range(q.start, &q1, &q2, true) {
                            return Some(r);
                        }
                    }
                }
            }
        }
        if q.value.is_some() && !q.vague && !q.fraction {
            let second = if self.dash(k) && self.digits(k + 1).is_some() && !q.words {
                self.quantity(k + 1)
            } else if self.is(k, "او") {
                self.quantity(k + 1).filter(|q2| q2.words == q.words)
            } else {
                None
            };
            if let Some(q2) = second.filter(|q2| {
                !q2.vague
                    && !q2.ordinal
                    && !q2.fraction
                    && q2.value.is_some_and(|v| Some(v) > q.value)
            }) {
                if let Some(r) = self.day_range(q.start, &q, &q2) {
                    return Some(r);
                }
                // 2014-2015 is a span; 2014 أو 2015 one year or the other.
                if q.int4.is_some() && q2.int4.is_some() && qualifier == "exact" && self.dash(k) {
                    // خلال عامي 1435- 1436: a word for years makes a Hijri pair years.
                    let cue = q
                        .first
                        .checked_sub(1)
                        .and_then(|p| self.word(p))
                        .is_some_and(|w| {
                            matches!(
                                split_conj(w).1,
                                "عامي" | "العامين" | "عام" | "العام" | "سنتي" | "السنتين"
                            )
                        });
                    if let Some(r) = self.year_range(q.start, &q, &q2, cue) {
                        return Some(r);
                    }
                } else if !(q.int4.is_some() && q2.int4.is_some()) {
                    let mut lo = q.value?;
                    if let (None, Some(m)) = (q.mult, q2.mult) {
                        if lo < m {
                            lo *= m;
                        }
                    }
                    let r = Qty {
                        low: Some(lo),
                        high: q2.value,
                        value: None,
                        end: q2.end,
                        unit: q2.unit.or(q.unit),
                        ..q
                    };
                    return self.finish(r, "range");
                }
            }
        }
        self.finish(q, qualifier)
    }
}

/// The singular of a plural noun the lexicon does not know, where its
/// ending says how: "حوثيين" → حوثي, "-يات" → "-ية", "متهمين" → متهم; a
/// broken or ambiguous "-ات" plural is given as written.
fn singular_of_plural(word: &str) -> String {
    if let Some(stem) = word
        .strip_suffix("يين")
        .or_else(|| word.strip_suffix("يون"))
    {
        format!("{stem}ي")
    } else if let Some(stem) = word.strip_suffix("يات") {
        format!("{stem}ية")
    } else if let Some(stem) = word
        .strip_suffix("ين")
        .or_else(|| word.strip_suffix("ون"))
        .filter(|s| s.chars().count() >= 3)
    {
        stem.to_string()
    } else {
        word.to_string()
    }
}

/// Splits a leading conjunction or preposition off a folded word when what
/// remains is long enough to be a word: (prefix bytes, rest).
fn split_conj(w: &str) -> (usize, &str) {
    // Only the prefixes that start with the word's first letter, in the
    // same order (وب، ول، فب، و، ف، ب، ل، ك): this runs several times per
    // token, and most words start with none of these letters.
    let prefixes: &[&str] = match w.chars().next() {
        Some('و') => &["وب", "ول", "و"],
        Some('ف') => &["فب", "ف"],
        Some('ب') => &["ب"],
        Some('ل') => &["ل"],
        Some('ك') => &["ك"],
        _ => return (0, w),
    };
    for &p in prefixes {
        if let Some(rest) = w.strip_prefix(p) {
            if LEXICON.form(rest).is_some()
                || rest.starts_with("ال")
                || matches!(rest, "ما" | "بين" | "من")
            {
                return (p.len(), rest);
            }
        }
    }
    (0, w)
}

#[cfg(test)]
mod tests;
