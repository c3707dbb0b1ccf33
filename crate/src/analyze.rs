//! The whole pipeline for one text: validate, tokenize, recognize, and
//! convert every span to UTF-16 offsets of the caller's text.

use crate::error::{Error, MAX_INPUT_BYTES};
use crate::numbers::{self, Kind};
use crate::offsets::Utf16Map;
use crate::tokenize::tokenize;
use serde::{Serialize, Serializer};

/// A number mention as the caller sees it: UTF-16 offsets and the source
/// text of the span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    #[serde(serialize_with = "whole_if_integral")]
    pub value: Option<f64>,
    #[serde(serialize_with = "whole_if_integral")]
    pub low: Option<f64>,
    #[serde(serialize_with = "whole_if_integral")]
    pub high: Option<f64>,
    pub qualifier: &'static str,
    pub unit: Option<String>,
    pub unit_en: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// An entity mention: UTF-16 offsets, type and linked id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: String,
}

/// Everything the core finds in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub numbers: Vec<NumberMention>,
    pub entities: Vec<EntityMention>,
}

/// 1500.0 prints as 1500, as in the gold files and as a reader expects.
fn whole_if_integral<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

/// Checks that `text` is something the pipeline should read.
pub fn validate(text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            bytes: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    // Binary data decoded as text is full of NULs and other C0 controls;
    // real pages have almost none besides tab and newline.
    let controls = text
        .bytes()
        .filter(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if controls > 16 && controls * 20 > text.len() {
        return Err(Error::NotText);
    }
    Ok(())
}

/// What [`analyze_with`] looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnalyzeOptions {
    /// Whether to recognize entities. Numbers alone are several times
    /// faster (the entity stage is most of `analyze`'s time), which is
    /// what a caller with a huge page may want.
    pub entities: bool,
}

impl Default for AnalyzeOptions {
    fn default() -> AnalyzeOptions {
        AnalyzeOptions { entities: true }
    }
}

/// Analyzes one text: numbers and entities.
///
/// ```
/// let a = tabayyun::analyze("فر 1500 مدني").unwrap();
/// assert_eq!(a.numbers[0].text, "1500");
/// assert_eq!((a.numbers[0].start, a.numbers[0].end), (3, 7));
/// ```
pub fn analyze(text: &str) -> Result<Analysis, Error> {
    analyze_with(text, AnalyzeOptions::default())
}

/// Analyzes one text, skipping the stages `options` turns off (their
/// lists come back empty).
///
/// ```
/// use tabayyun::analyze::{analyze_with, AnalyzeOptions};
/// let a = analyze_with("قال الرئيس في دمشق إن 20 ألف مدني فروا", AnalyzeOptions { entities: false }).unwrap();
/// assert_eq!(a.numbers[0].value, Some(20000.0));
/// assert!(a.entities.is_empty());
/// ```
pub fn analyze_with(text: &str, options: AnalyzeOptions) -> Result<Analysis, Error> {
    validate(text)?;
    let tokens = tokenize(text);
    let mut map = Utf16Map::new(text);
    let numbers = numbers::recognize(text, &tokens)
        .into_iter()
        .map(|n| NumberMention {
            start: map.to_utf16(n.start),
            end: map.to_utf16(n.end),
            text: text[n.start..n.end].to_string(),
            kind: n.kind,
            value: n.value,
            low: n.low,
            high: n.high,
            qualifier: n.qualifier,
            unit: n.unit,
            unit_en: n.unit_en,
            date: n.date,
            time: n.time,
        })
        .collect();
    if !options.entities {
        return Ok(Analysis {
            numbers,
            entities: Vec::new(),
        });
    }
    // Entities come sorted and disjoint, so their own cursor only moves forward.
    let mut map = Utf16Map::new(text);
    let entities = crate::entities::recognize(text, &tokens)
        .into_iter()
        .map(|e| EntityMention {
            start: map.to_utf16(e.start),
            end: map.to_utf16(e.end),
            text: text.get(e.start..e.end).unwrap_or("").to_string(),
            kind: e.kind.as_str(),
            id: e.id,
        })
        .collect();
    Ok(Analysis { numbers, entities })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_gives_empty_analysis() {
        let a = analyze("").unwrap();
        assert!(a.numbers.is_empty() && a.entities.is_empty());
    }

    #[test]
    fn without_entities_the_numbers_are_the_same() {
        let texts = [
            // "The Observatory said more than 20,000 civilians fled Baghuz."
            "وقال المرصد السوري إن أكثر من 20 ألف مدني فروا من الباغوز.",
            // "Trump met Erdogan in Ankara on 20 February/Shubat."
            "التقى ترامب أردوغان في أنقرة يوم 20 شباط/فبراير.",
            // No number at all: "The minister arrived in Damascus."
            "وصل الوزير إلى دمشق.",
            "",
        ];
        for text in texts {
            let full = analyze(text).unwrap();
            let numbers_only = analyze_with(text, AnalyzeOptions { entities: false }).unwrap();
            assert_eq!(numbers_only.numbers, full.numbers, "{text}");
            assert!(numbers_only.entities.is_empty(), "{text}");
        }
        // The full analysis does find the entities that were left out.
        assert!(!analyze(texts[1]).unwrap().entities.is_empty());
    }

    #[test]
    fn too_large_is_a_clear_error() {
        let big = "ا".repeat(MAX_INPUT_BYTES / 2 + 1);
        assert_eq!(analyze(&big).unwrap_err().code(), "input_too_large");
    }

    #[test]
    fn binary_junk_is_not_text() {
        let junk: String = (0..4096u32)
            .map(|i| char::from_u32((i * 7919) % 0x80).unwrap_or('\0'))
            .collect();
        assert_eq!(analyze(&junk).unwrap_err().code(), "not_text");
    }

    #[test]
    fn ten_megabytes_of_news_text() {
        let para = "وقال المرصد إن أكثر من 20 ألف مدني فروا خلال عشرة أيام، بينهم ١٬٥٠٠ طفل.\n";
        let text = para.repeat(10 * 1024 * 1024 / para.len());
        let a = analyze(&text).unwrap();
        assert!(a.numbers.len() >= text.len() / para.len());
        let last = a.numbers.last().unwrap();
        assert!(last.end <= text.encode_utf16().count());
    }

    #[test]
    fn replacement_characters_from_lone_surrogates_keep_offsets() {
        // JavaScript passes a lone surrogate as U+FFFD: one UTF-16 unit either way.
        let text = "\u{FFFD}فر 1500 مدني";
        let a = analyze(text).unwrap();
        assert_eq!((a.numbers[0].start, a.numbers[0].end), (4, 8));
    }
}
