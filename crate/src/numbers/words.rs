//! Number words: cardinals in every case, gender and spelling (ثلاثة/ثلاث،
//! اثنان/اثنين، مئة/مائة، ألف/آلاف/ألفين), ordinals (الأول … العاشر، الحادي
//! عشر), vague quantities (عشرات، مئات، آلاف) and fractions (نصف، ربع).
//! Spellings are written naturally below and folded with [`normalize`] when
//! the table is built, so they match tokens' folded forms.

use crate::fasthash::FxBuild;
use crate::normalize::normalize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What one number word is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// 1–10. One (واحد) and ten (عشرة) are special in compounds.
    Unit(u8),
    /// 20–90.
    Ten(u8),
    /// 100–900, including the dual مئتان.
    Hundred(u16),
    /// ألف، مليون، مليار (singular or accusative).
    Mult(f64),
    /// آلاف، ملايين، مليارات: after 3–10 a multiplier, alone vague.
    MultPlural(f64),
    /// ألفين، مليونين: two of the multiplier.
    MultDual(f64),
    /// عشرات، مئات: a vague quantity with its bounds.
    Vague(f64, f64),
    /// نصف، ربع، ثلث، ثلثين.
    Fraction(f64),
    /// الأول … العاشر, and حادي (only before عشر or a ten).
    Ordinal(u8),
    /// العشرينات، الثلاثينيات: a decade of age (20 → 20–29).
    Decade(u8),
}

const TABLE: &[(&str, Word)] = {
    use Word::*;
    &[
        ("واحد", Unit(1)),
        ("واحدة", Unit(1)),
        ("واحدا", Unit(1)),
        ("أحد", Unit(1)),
        ("إحدى", Unit(1)),
        ("اثنان", Unit(2)),
        ("اثنين", Unit(2)),
        ("اثنتان", Unit(2)),
        ("اثنتين", Unit(2)),
        ("اثنا", Unit(2)),
        ("اثني", Unit(2)),
        ("اثنتا", Unit(2)),
        ("اثنتي", Unit(2)),
        ("ثنتين", Unit(2)),
        ("ثلاثة", Unit(3)),
        ("ثلاث", Unit(3)),
        ("أربعة", Unit(4)),
        ("أربع", Unit(4)),
        ("خمسة", Unit(5)),
        ("خمس", Unit(5)),
        ("ستة", Unit(6)),
        ("ست", Unit(6)),
        ("سبعة", Unit(7)),
        ("سبع", Unit(7)),
        ("ثمانية", Unit(8)),
        ("ثماني", Unit(8)),
        ("ثمان", Unit(8)),
        ("تسعة", Unit(9)),
        ("تسع", Unit(9)),
        ("عشرة", Unit(10)),
        ("عشر", Unit(10)),
        // Feminine accusatives before a ten: استمرت خمساً وعشرين دقيقة.
        ("ثلاثا", Unit(3)),
        ("أربعا", Unit(4)),
        ("خمسا", Unit(5)),
        ("ستا", Unit(6)),
        ("سبعا", Unit(7)),
        ("ثمانيا", Unit(8)),
        ("تسعا", Unit(9)),
        ("عشرون", Ten(20)),
        ("عشرين", Ten(20)),
        ("ثلاثون", Ten(30)),
        ("ثلاثين", Ten(30)),
        ("أربعون", Ten(40)),
        ("أربعين", Ten(40)),
        ("خمسون", Ten(50)),
        ("خمسين", Ten(50)),
        ("ستون", Ten(60)),
        ("ستين", Ten(60)),
        ("سبعون", Ten(70)),
        ("سبعين", Ten(70)),
        ("ثمانون", Ten(80)),
        ("ثمانين", Ten(80)),
        ("تسعون", Ten(90)),
        ("تسعين", Ten(90)),
        ("مئة", Hundred(100)),
        ("مائة", Hundred(100)),
        ("مئه", Hundred(100)),
        ("مئتان", Hundred(200)),
        ("مئتين", Hundred(200)),
        ("مئتا", Hundred(200)),
        ("مئتي", Hundred(200)),
        ("مائتان", Hundred(200)),
        ("مائتين", Hundred(200)),
        ("مائتا", Hundred(200)),
        ("مائتي", Hundred(200)),
        ("ثلاثمئة", Hundred(300)),
        ("ثلاثمائة", Hundred(300)),
        ("أربعمئة", Hundred(400)),
        ("أربعمائة", Hundred(400)),
        ("خمسمئة", Hundred(500)),
        ("خمسمائة", Hundred(500)),
        ("ستمئة", Hundred(600)),
        ("ستمائة", Hundred(600)),
        ("سبعمئة", Hundred(700)),
        ("سبعمائة", Hundred(700)),
        ("ثمانمئة", Hundred(800)),
        ("ثمانمائة", Hundred(800)),
        ("ثمانيمئة", Hundred(800)),
        ("ثمانيمائة", Hundred(800)),
        ("تسعمئة", Hundred(900)),
        ("تسعمائة", Hundred(900)),
        ("ألف", Mult(1e3)),
        ("ألفا", Mult(1e3)),
        ("آلاف", MultPlural(1e3)),
        ("ألوف", MultPlural(1e3)),
        ("ألفين", MultDual(1e3)),
        ("ألفان", MultDual(1e3)),
        ("ألفي", MultDual(1e3)),
        ("ألفا", Mult(1e3)),
        ("مليون", Mult(1e6)),
        ("مليونا", Mult(1e6)),
        ("ملايين", MultPlural(1e6)),
        ("مليونين", MultDual(1e6)),
        ("مليونان", MultDual(1e6)),
        ("مليوني", MultDual(1e6)),
        ("مليار", Mult(1e9)),
        ("مليارا", Mult(1e9)),
        ("مليارات", MultPlural(1e9)),
        ("مليارين", MultDual(1e9)),
        ("ملياري", MultDual(1e9)),
        ("مليارا", Mult(1e9)),
        ("بليوني", MultDual(1e9)),
        ("بليونين", MultDual(1e9)),
        ("مليارا", Mult(1e9)),
        ("بليون", Mult(1e9)),
        ("بلايين", MultPlural(1e9)),
        ("تريليون", Mult(1e12)),
        ("ترليون", Mult(1e12)),
        ("تريليونا", Mult(1e12)),
        ("تريليونات", MultPlural(1e12)),
        ("ترليونات", MultPlural(1e12)),
        ("تريليونين", MultDual(1e12)),
        ("تريليونان", MultDual(1e12)),
        ("تريليوني", MultDual(1e12)),
        ("عشرات", Vague(20.0, 99.0)),
        ("مئات", Vague(200.0, 999.0)),
        ("نصف", Fraction(0.5)),
        ("ربع", Fraction(0.25)),
        ("ثلث", Fraction(1.0 / 3.0)),
        ("ثلثي", Fraction(2.0 / 3.0)),
        ("ثلثا", Fraction(2.0 / 3.0)),
        ("أول", Ordinal(1)),
        ("أولى", Ordinal(1)),
        ("ثاني", Ordinal(2)),
        ("ثانية", Ordinal(2)),
        ("ثالث", Ordinal(3)),
        ("ثالثة", Ordinal(3)),
        ("رابع", Ordinal(4)),
        ("رابعة", Ordinal(4)),
        ("خامس", Ordinal(5)),
        ("خامسة", Ordinal(5)),
        ("سادس", Ordinal(6)),
        ("سادسة", Ordinal(6)),
        ("سابع", Ordinal(7)),
        ("سابعة", Ordinal(7)),
        ("ثامن", Ordinal(8)),
        ("ثامنة", Ordinal(8)),
        ("تاسع", Ordinal(9)),
        ("تاسعة", Ordinal(9)),
        ("عاشر", Ordinal(10)),
        ("عاشرة", Ordinal(10)),
        ("حادي", Ordinal(11)),
        ("حادية", Ordinal(11)),
        ("عشرينات", Decade(20)),
        ("عشرينيات", Decade(20)),
        ("ثلاثينات", Decade(30)),
        ("ثلاثينيات", Decade(30)),
        ("أربعينات", Decade(40)),
        ("أربعينيات", Decade(40)),
        ("خمسينات", Decade(50)),
        ("خمسينيات", Decade(50)),
        ("ستينات", Decade(60)),
        ("ستينيات", Decade(60)),
        ("سبعينات", Decade(70)),
        ("سبعينيات", Decade(70)),
        ("ثمانينات", Decade(80)),
        ("ثمانينيات", Decade(80)),
        ("تسعينات", Decade(90)),
        ("تسعينيات", Decade(90)),
    ]
};

static WORDS: LazyLock<HashMap<String, Word, FxBuild>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (w, v) in TABLE {
        m.entry(normalize(w)).or_insert(*v);
    }
    m
});

/// Conjunctions and prepositions that stick to a number word (وثلاثة،
/// بخمسة، لعشرات), longest first; "" for none.
/// Not ك: كمية and كميات ("quantity") would read as ك + مئة/مئات.
const PREFIXES: [&str; 9] = ["", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"];

/// Every folded token that [`lookup`] recognizes (each number word with
/// each prefix and article), with what it is: one hash probe per token.
static FORMS: LazyLock<HashMap<String, Hit, FxBuild>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for w in WORDS.keys() {
        for p in PREFIXES {
            let mut cands = vec![format!("{p}{w}"), format!("{p}ال{w}")];
            if p.ends_with('ل') {
                cands.push(format!("{p}ل{w}"));
            }
            for c in cands {
                if let Some(hit) = analyse(&c) {
                    m.entry(c).or_insert(hit);
                }
            }
        }
    }
    m
});

/// Every folded token that [`lookup`] recognizes.
pub fn all_forms() -> impl Iterator<Item = String> {
    FORMS.keys().cloned()
}

/// A number word found inside a folded token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub word: Word,
    /// Bytes of the conjunction or preposition before it (و, ب…), which
    /// the span leaves out.
    pub prefix: usize,
    /// Whether the prefix starts with the conjunction و.
    pub conj: bool,
    /// Whether the word carries the article (العشرة، الأول).
    pub article: bool,
}

/// The number word in a folded token, if any.
///
/// ```
/// use tabayyun::numbers::words::{lookup, Word};
/// let h = lookup("والعشرين").unwrap(); // "and the twenty(th)"
/// assert_eq!((h.word, h.conj, h.article), (Word::Ten(20), true, true));
/// assert!(lookup("الثلاثاء").is_none()); // Tuesday
/// ```
pub fn lookup(token: &str) -> Option<Hit> {
    FORMS.get(token).copied()
}

/// Splits a folded token into prefix, article and number word.
fn analyse(token: &str) -> Option<Hit> {
    for p in PREFIXES {
        let Some(rest) = token.strip_prefix(p) else {
            continue;
        };
        // A short word behind a preposition is usually another word:
        // لست "I am not", بمية.
        if p.ends_with('ل') && rest.chars().count() < 3 {
            continue;
        }
        if let Some(&word) = WORDS.get(rest) {
            return Some(Hit {
                word,
                prefix: p.len(),
                conj: p.starts_with('و'),
                article: false,
            });
        }
        let art = rest
            .strip_prefix("ال")
            .or_else(|| p.ends_with('ل').then(|| rest.strip_prefix('ل')).flatten());
        if let Some(&word) = art.and_then(|r| WORDS.get(r)) {
            return Some(Hit {
                word,
                prefix: p.len(),
                conj: p.starts_with('و'),
                article: true,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use Word::*;

    #[test]
    fn lookup_table() {
        let cases = [
            ("خمسة", Some(Unit(5))),            // "five"
            ("ثلاث", Some(Unit(3))),             // "three" (with feminine nouns)
            ("وثلاثة", Some(Unit(3))),           // "and three"
            ("بخمسة", Some(Unit(5))),           // "with five"
            ("والعشرة", Some(Unit(10))),        // "and the ten"
            ("عشرين", Some(Ten(20))),           // "twenty" (genitive)
            ("مائة", Some(Hundred(100))),       // "hundred" (old spelling)
            ("ثلاثمئة", Some(Hundred(300))),     // "three hundred"
            ("مائتين", Some(Hundred(200))),     // "two hundred"
            ("آلاف", Some(MultPlural(1e3))),     // "thousands"
            ("الفين", Some(MultDual(1e3))),     // "two thousand", no hamza
            ("ملايين", Some(MultPlural(1e6))),   // "millions"
            ("مليار", Some(Mult(1e9))),         // "billion"
            ("عشرات", Some(Vague(20.0, 99.0))), // "tens of"
            ("الأولى", Some(Ordinal(1))),        // "the first" (feminine)
            ("السابعة", Some(Ordinal(7))),      // "the seventh"
            ("الخميس", None),                   // Thursday
            ("الأربعاء", None),                  // Wednesday
            ("بعض", None),                      // "some"
        ];
        for (word, want) in cases {
            assert_eq!(lookup(&normalize(word)).map(|h| h.word), want, "{word}");
        }
    }

    #[test]
    fn table_survives_normalization() {
        for (w, _) in TABLE {
            let n = normalize(w);
            assert!(!n.is_empty() && !n.contains(' '), "{w}");
        }
    }
}
