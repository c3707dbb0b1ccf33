//! Stage 6c, claims: the numeric claims of an event's articles grouped by
//! what they count. Input: the library (and optionally one article whose
//! event to read). Output: claim groups, each with every outlet's figure,
//! its time-frame words, and a verdict: the figures `agree` (their
//! intervals meet) or `differ`.
//!
//! Two figures are the same claim when they are of the same kind (count,
//! percent, measure...), count the same noun (the recognizer's unit, or the
//! word after the figure), and stand in passages about the same thing
//! (IDF-weighted passage similarity); groups are the connected sets of such
//! links within one event.
//!
//! Invariants: a figure is in at most one group; every group has figures
//! from at least two articles; groups are ordered by their first figure's
//! article and position.

use super::matching::{interval, number_context};
use super::Library;
use serde::Serialize;

/// Passage similarity from which two figures of the same noun are one claim.
const SAME_CLAIM: f32 = 0.25;

/// One outlet's figure in a claim group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimMention {
    /// The article's id.
    pub id: String,
    pub outlet: String,
    /// The passage's position in its article.
    pub passage: u32,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    /// Time-frame words near the figure.
    pub time: Vec<String>,
}

/// Figures of several articles that count the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimGroup {
    pub kind: String,
    /// Stem of the counted noun.
    pub unit: String,
    pub mentions: Vec<ClaimMention>,
    /// `"agree"` or `"differ"`.
    pub verdict: &'static str,
}

/// A figure found in the library, before grouping.
struct Figure {
    slot: u32,
    pid: u32,
    kind: String,
    unit: String,
    mention: ClaimMention,
    span: (f64, f64),
}

impl Library {
    /// The claim groups of the event of article `of`, or of every event.
    ///
    /// ```
    /// use tabayyun::library::{Library, NewArticle};
    /// let mut lib = Library::new();
    /// for (id, text) in [
    ///     ("a", "وقالت القوات إن 1500 مدني فروا من البلدة المحاصرة اليوم"),
    ///     ("b", "أفاد المرصد بأن 900 مدني فروا من البلدة المحاصرة خلال اليوم"),
    /// ] {
    ///     lib.add(NewArticle { id: id.into(), text: text.into(), ..Default::default() }).unwrap();
    /// }
    /// let groups = lib.claims(None);
    /// assert_eq!(groups[0].mentions.len(), 2);
    /// assert_eq!(groups[0].verdict, "differ");
    /// ```
    pub fn claims(&self, of: Option<&str>) -> Vec<ClaimGroup> {
        let events = self.events();
        let mut out = Vec::new();
        for event in events {
            if of.is_some_and(|id| !event.articles.iter().any(|a| a == id)) {
                continue;
            }
            if event.articles.len() < 2 {
                continue;
            }
            out.extend(self.event_claims(&event.articles));
        }
        out
    }

    fn figures(&self, ids: &[String]) -> Vec<Figure> {
        let mut figures = Vec::new();
        for id in ids {
            let (Some(slot), Some(a)) = (self.slot_of(id), self.get(id)) else {
                continue;
            };
            for n in &a.numbers {
                if !matches!(
                    n.kind.as_str(),
                    "count" | "percent" | "measure" | "age" | "duration"
                ) {
                    continue;
                }
                let (Some(span), Some(p)) = (interval(n), a.passages.get(n.passage as usize))
                else {
                    continue;
                };
                let text = a
                    .text
                    .get(p.byte_start as usize..p.byte_end as usize)
                    .unwrap_or("");
                let ctx = number_context(text, p.start, n);
                if ctx.unit.is_empty() {
                    continue;
                }
                figures.push(Figure {
                    slot,
                    pid: a.first_pid + n.passage,
                    kind: n.kind.clone(),
                    unit: ctx.unit,
                    span,
                    mention: ClaimMention {
                        id: a.id.clone(),
                        outlet: a.outlet.clone(),
                        passage: n.passage,
                        start: n.start,
                        end: n.end,
                        text: n.text.clone(),
                        value: n.value,
                        low: n.low,
                        high: n.high,
                        qualifier: n.qualifier.clone(),
                        time: ctx.time,
                    },
                });
            }
        }
        figures
    }

    fn event_claims(&self, ids: &[String]) -> Vec<ClaimGroup> {
        let figures = self.figures(ids);
        let terms = |pid: u32| self.index.passage(pid).map_or_else(Vec::new, |p| p.terms());
        // Single link: label[i] is the group of figure i.
        let mut label: Vec<usize> = (0..figures.len()).collect();
        for i in 0..figures.len() {
            for j in i + 1..figures.len() {
                let (a, b) = (&figures[i], &figures[j]);
                if a.kind != b.kind || a.unit != b.unit {
                    continue;
                }
                let linked =
                    a.pid == b.pid || self.index.cosine(&terms(a.pid), &terms(b.pid)) >= SAME_CLAIM;
                if linked {
                    let (from, to) = (label[j].max(label[i]), label[j].min(label[i]));
                    for l in label.iter_mut() {
                        if *l == from {
                            *l = to;
                        }
                    }
                }
            }
        }
        let mut groups: Vec<(usize, Vec<&Figure>)> = Vec::new();
        for (f, &l) in figures.iter().zip(&label) {
            match groups.iter_mut().find(|(g, _)| *g == l) {
                Some((_, members)) => members.push(f),
                None => groups.push((l, vec![f])),
            }
        }
        groups
            .into_iter()
            .filter(|(_, m)| m.iter().any(|f| f.slot != m[0].slot))
            .map(|(_, members)| {
                let agree = members.iter().all(|a| {
                    members
                        .iter()
                        .all(|b| a.span.0 <= b.span.1 && b.span.0 <= a.span.1)
                });
                ClaimGroup {
                    kind: members[0].kind.clone(),
                    unit: members[0].unit.clone(),
                    mentions: members.iter().map(|f| f.mention.clone()).collect(),
                    verdict: if agree { "agree" } else { "differ" },
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::library::{Library, NewArticle};

    #[test]
    fn claims_table() {
        // Two outlets on one event: the same count of trucks (agree), and
        // two counts of civilians that differ; a count of a different noun
        // stays out of both groups.
        let mut lib = Library::new();
        for (id, text) in [
            (
                "a",
                "شوهدت قافلة من 17 شاحنة تنقل النازحين من البلدة المحاصرة.\nوقال المتحدث إن 1500 مدني غادروا البلدة المحاصرة اليوم.",
            ),
            (
                "b",
                "وصلت قافلة من 17 شاحنة تنقل النازحين من البلدة المحاصرة إلى المخيم.\nوأحصى المرصد خروج 300 مدني من البلدة المحاصرة اليوم.\nوسقط 4 صواريخ على المخيم ليلا.",
            ),
        ] {
            lib.add(NewArticle { id: id.into(), text: text.into(), ..Default::default() })
                .unwrap();
        }
        let groups = lib.claims(Some("a"));
        let summary: Vec<(&str, &str, usize)> = groups
            .iter()
            .map(|g| (g.unit.as_str(), g.verdict, g.mentions.len()))
            .collect();
        assert_eq!(
            summary,
            [("~vehicle", "agree", 2), ("~civilian", "differ", 2)]
        );
        assert_eq!(groups[1].mentions[0].time, ["اليوم"]);
    }
}
