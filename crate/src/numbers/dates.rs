//! Month names of both Gregorian series (يناير … ديسمبر and كانون الثاني …
//! كانون الأول), North African spellings, and the Hijri months, each one or
//! two folded words; and the words for parts of the day that turn an hour
//! into a clock time.

use crate::normalize::normalize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// A month name: its number, calendar, how many words it takes, and
/// whether it is also a common word or name (آب "father", نيسان "Nissan",
/// رمضان a first name, مارس "exerted") and needs a day, a year or a word
/// of time beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub number: u8,
    pub calendar: Calendar,
    pub words: usize,
    pub ambiguous: bool,
}

const MONTHS: &[(&str, u8, Calendar, bool)] = {
    use Calendar::*;
    &[
        ("يناير", 1, Gregorian, false),
        ("كانون الثاني", 1, Gregorian, false),
        ("جانفي", 1, Gregorian, false),
        ("فبراير", 2, Gregorian, false),
        ("شباط", 2, Gregorian, false),
        ("فيفري", 2, Gregorian, false),
        // مارس is also "he practised/exerted" (مارس الضغط).
        ("مارس", 3, Gregorian, true),
        ("آذار", 3, Gregorian, false),
        ("أبريل", 4, Gregorian, false),
        ("إبريل", 4, Gregorian, false),
        ("نيسان", 4, Gregorian, true),
        ("أفريل", 4, Gregorian, false),
        ("مايو", 5, Gregorian, false),
        ("أيار", 5, Gregorian, false),
        ("يونيو", 6, Gregorian, false),
        ("يونيه", 6, Gregorian, false),
        ("حزيران", 6, Gregorian, false),
        ("جوان", 6, Gregorian, true),
        ("يوليو", 7, Gregorian, false),
        // يوليه is also "he gives it" (الدعم الذي كان يوليه).
        ("يوليه", 7, Gregorian, true),
        ("تموز", 7, Gregorian, false),
        ("جويلية", 7, Gregorian, false),
        ("أغسطس", 8, Gregorian, false),
        ("آب", 8, Gregorian, true),
        ("سبتمبر", 9, Gregorian, false),
        ("أيلول", 9, Gregorian, false),
        ("أكتوبر", 10, Gregorian, false),
        ("تشرين الأول", 10, Gregorian, false),
        ("نوفمبر", 11, Gregorian, false),
        ("تشرين الثاني", 11, Gregorian, false),
        ("ديسمبر", 12, Gregorian, false),
        ("كانون الأول", 12, Gregorian, false),
        ("محرم", 1, Hijri, true),
        ("صفر", 2, Hijri, true),
        ("ربيع الأول", 3, Hijri, false),
        ("ربيع الثاني", 4, Hijri, false),
        ("ربيع الآخر", 4, Hijri, false),
        ("جمادى الأولى", 5, Hijri, false),
        ("جمادى الآخرة", 6, Hijri, false),
        ("جمادى الثانية", 6, Hijri, false),
        ("رجب", 7, Hijri, true),
        ("شعبان", 8, Hijri, true),
        ("رمضان", 9, Hijri, true),
        ("شوال", 10, Hijri, true),
        ("ذو القعدة", 11, Hijri, false),
        ("ذي القعدة", 11, Hijri, false),
        ("ذو الحجة", 12, Hijri, false),
        ("ذي الحجة", 12, Hijri, false),
    ]
};

/// First folded word → (second folded word or "", month).
static MONTH_INDEX: LazyLock<HashMap<String, Vec<(String, Month)>>> = LazyLock::new(|| {
    let mut m: HashMap<String, Vec<(String, Month)>> = HashMap::new();
    for &(name, number, calendar, ambiguous) in MONTHS {
        let folded = normalize(name);
        let mut parts = folded.split(' ');
        let first = parts.next().unwrap_or_default().to_string();
        let second = parts.next().unwrap_or_default().to_string();
        let words = if second.is_empty() { 1 } else { 2 };
        let month = Month {
            number,
            calendar,
            words,
            ambiguous,
        };
        m.entry(first).or_default().push((second, month));
    }
    // Two-word names first, so كانون الأول wins over a lone كانون.
    for v in m.values_mut() {
        v.sort_by_key(|(second, _)| second.is_empty());
    }
    m
});

/// The first words of all month names, folded.
pub fn first_words() -> impl Iterator<Item = &'static String> {
    MONTH_INDEX.keys()
}

/// The month named by `first` (and `second`, for two-word names), folded
/// and without clitics.
///
/// ```
/// use tabayyun::numbers::dates::month;
/// assert_eq!(month("كانون", Some("الاول")).map(|m| (m.number, m.words)), Some((12, 2)));
/// assert_eq!(month("فبراير", None).map(|m| m.number), Some(2));
/// ```
pub fn month(first: &str, second: Option<&str>) -> Option<Month> {
    let cands = MONTH_INDEX.get(first)?;
    cands.iter().find_map(|(s, m)| {
        if s.is_empty() || second == Some(s.as_str()) {
            Some(*m)
        } else {
            None
        }
    })
}

/// Words for a part of the day and the hours they add: "مساءً" turns 6
/// into 18.
pub fn day_part(word: &str) -> Option<DayPart> {
    Some(match word {
        "صباحا" | "صباح" | "فجرا" | "فجر" | "صباحاً" => DayPart::Morning,
        "ظهرا" | "ظهر" | "الظهر" => DayPart::Noon,
        "عصرا" | "عصر" | "مساء" | "مساءا" | "مساء،" | "ليلا" | "ليل" => {
            if word.starts_with('ل') {
                DayPart::Night
            } else {
                DayPart::Evening
            }
        }
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Noon,
    Evening,
    Night,
}

impl DayPart {
    /// The 24-hour clock hour for `hour` said with this part of the day.
    pub fn hour(self, hour: u32) -> u32 {
        match self {
            DayPart::Morning => hour % 12,
            DayPart::Noon => {
                if hour < 6 {
                    hour + 12
                } else {
                    hour
                }
            }
            DayPart::Evening => {
                if hour < 12 {
                    hour + 12
                } else {
                    hour
                }
            }
            DayPart::Night => {
                if (6..12).contains(&hour) {
                    hour + 12
                } else if hour == 12 {
                    0
                } else {
                    hour
                }
            }
        }
    }
}

/// Formats a date the way the gold files do: "2018-09-10", "--02-09",
/// "2018-12", "--12".
pub fn format_date(year: Option<u32>, month: u8, day: Option<u32>) -> String {
    match (year, day) {
        (Some(y), Some(d)) => format!("{y:04}-{month:02}-{d:02}"),
        (None, Some(d)) => format!("--{month:02}-{d:02}"),
        (Some(y), None) => format!("{y:04}-{month:02}"),
        (None, None) => format!("--{month:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_table() {
        let cases = [
            ("ديسمبر", None, Some(12)),         // December
            ("كانون", Some("الاول"), Some(12)),  // December (Levantine)
            ("كانون", Some("الثاني"), Some(1)), // January (Levantine)
            ("تشرين", Some("الاول"), Some(10)),  // October
            ("شباط", None, Some(2)),            // February
            ("اب", None, Some(8)),              // August (also "father")
            ("ذو", Some("الحجه"), Some(12)),    // Dhu al-Hijja
            ("كانون", None, None),              // not a month alone
            ("الاثنين", None, None),             // Monday
        ];
        for (a, b, want) in cases {
            assert_eq!(month(a, b).map(|m| m.number), want, "{a} {b:?}");
        }
    }

    #[test]
    fn clock_hours() {
        assert_eq!(DayPart::Evening.hour(6), 18); // السادسة مساءً
        assert_eq!(DayPart::Morning.hour(6), 6); // السادسة صباحاً
        assert_eq!(DayPart::Night.hour(10), 22); // العاشرة ليلاً
        assert_eq!(DayPart::Night.hour(2), 2); // الثانية ليلاً
        assert_eq!(DayPart::Noon.hour(1), 13); // الواحدة ظهراً
        assert_eq!(format_date(Some(2018), 9, Some(10)), "2018-09-10");
        assert_eq!(format_date(None, 2, Some(9)), "--02-09");
    }
}
