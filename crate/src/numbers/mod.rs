//! Stage 3a, numbers. Input: the tokens of a text. Output: number mentions
//! with their byte spans, kind, value (or low/high), qualifier and counted
//! noun, following `../shared/gold/GUIDELINES.md`.

use crate::tokenize::{Token, TokenKind};
use serde::Serialize;

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

/// Finds the numbers in a tokenized text.
pub fn recognize(tokens: &[Token]) -> Vec<Number> {
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .filter_map(|t| {
            let value: f64 = t.norm.replace(',', "").parse().ok()?;
            Some(Number {
                start: t.start,
                end: t.end,
                kind: Kind::Count,
                value: Some(value),
                low: None,
                high: None,
                qualifier: "exact",
                unit: None,
                unit_en: None,
                date: None,
                time: None,
            })
        })
        .collect()
}
