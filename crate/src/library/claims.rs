//! Stage 6c, claims: the numeric claims of an event's articles grouped by
//! what they count. Input: the library (and optionally one article whose
//! event to read). Output: claim groups, each with every outlet's figure,
//! its time-frame words, and a verdict: the outlets `agree` (each one's
//! figures meet the other's), `differ`, or the figures are one outlet's
//! (`single`); see [`verdict`].
//!
//! Two figures are the same claim when they are of the same kind (count,
//! percent, measure, duration, year...), count the same thing, and are told
//! about the same thing. What they count: the recognizer's unit or the noun
//! after the figure; for a percentage, the whole it is a share of (the noun
//! after "من"); for a year, the year itself. Told about the same thing: the
//! same passage, or IDF-weighted similarity of their passages or of the
//! words around them (half as much needed when the figures are equal), or,
//! for two shares of one named whole, nothing more. Groups are the
//! connected sets of such links within one event.
//!
//! Invariants: a figure is in at most one group; every group has at least
//! two figures (one article may tell a claim twice, as a running toll);
//! groups are ordered by their first figure's article and position.

use super::matching::{interval, number_context};
use super::terms;
use super::{Library, NumberFact};
use crate::normalize::normalize;
use crate::offsets::Utf16Map;
use crate::tokenize::{tokenize, TokenKind};
use serde::Serialize;

/// Passage similarity from which two figures of the same noun are one claim.
const SAME_CLAIM: f32 = 0.25;

/// Words either side of a figure that tell what it counts.
const NEAR: usize = 6;

/// Similarity of the words around two figures from which they are one
/// claim: higher than [`SAME_CLAIM`], as a few words share more by chance.
const NEAR_CLAIM: f32 = 0.375;

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
    /// `"agree"`, `"differ"`, or `"single"` (one outlet's figures).
    pub verdict: &'static str,
}

/// A figure found in the library, before grouping.
struct Figure {
    /// A percentage of a named whole (its unit is that whole).
    whole: bool,
    /// Term ids of the words around the figure, sorted.
    near: Vec<u32>,
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
            let Some(a) = self.get(id) else {
                continue;
            };
            for n in &a.numbers {
                if !matches!(
                    n.kind.as_str(),
                    "count" | "percent" | "measure" | "age" | "duration" | "year"
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
                let mut ctx = number_context(text, p.start, n);
                let (of, near) = self.around(text, p.start, n, &ctx.unit);
                ctx.unit = match n.kind.as_str() {
                    // A share is of something: "99% of its land" and "90
                    // percent of the land" count the same whole.
                    "percent" => of.clone().unwrap_or(ctx.unit),
                    // A year dates an event, not a noun: figures of one
                    // year meet, and the passages decide whether they date
                    // the same thing.
                    "year" => n.value.map(|v| v.to_string()).unwrap_or_default(),
                    // A unit the concept table does not know (days, for a
                    // duration) is still a unit.
                    _ if ctx.unit.is_empty() => n
                        .unit
                        .as_deref()
                        .map(|u| normalize(u.trim()))
                        .unwrap_or_default(),
                    _ => ctx.unit,
                };
                // "و3 آخرون" with no noun before it: "others" is not what
                // the figure counts (the recognizer gives the noun when one
                // is counted just before).
                let others = || {
                    ["اخرون", "اخرين", "اخري", "اخر"]
                        .iter()
                        .any(|w| terms::unit_key(w).is_some_and(|k| k == ctx.unit))
                };
                if ctx.unit.is_empty() || n.unit.is_none() && others() {
                    continue;
                }
                figures.push(Figure {
                    whole: n.kind == "percent" && of.is_some(),
                    near,
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

    /// What a figure is a share of (the unit key of the first noun after
    /// "من", "of", within the four words after it), and the term ids of the
    /// words within [`NEAR`] words either side: a passage may tell several
    /// things, the words around a figure tell what it counts.
    fn around(
        &self,
        passage: &str,
        base: u32,
        n: &NumberFact,
        unit: &str,
    ) -> (Option<String>, Vec<u32>) {
        let mut map = Utf16Map::new(passage);
        let words: Vec<(u32, u32, String)> = tokenize(passage)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| {
                let (s, e) = (map.to_utf16(t.start) as u32, map.to_utf16(t.end) as u32);
                (base + s, base + e, t.norm.into_string())
            })
            .collect();
        let first_after = words
            .iter()
            .position(|w| w.0 >= n.end)
            .unwrap_or(words.len());
        let before = words.iter().take_while(|w| w.1 <= n.start).count();
        let mut after = words.iter().skip(first_after).take(4);
        let of = after
            .find(|w| w.2 == "من")
            .and_then(|_| after.find_map(|w| terms::unit_key(&w.2)));
        // The figure's own words and its counted noun are shared by every
        // figure of the group by construction: they say nothing more.
        let ahead = words
            .get(before.saturating_sub(NEAR)..before)
            .unwrap_or(&[]);
        let behind = words
            .get(first_after..(first_after + NEAR).min(words.len()))
            .unwrap_or(&[]);
        let mut near: Vec<u32> = ahead
            .iter()
            .chain(behind)
            .filter(|w| {
                terms::unit_key(&w.2).is_none_or(|k| k != unit)
                    && of.as_deref() != terms::unit_key(&w.2).as_deref()
            })
            .flat_map(|w| terms::text_terms(&w.2))
            .filter_map(|t| self.index.lookup(&t))
            .collect();
        near.sort_unstable();
        near.dedup();
        (of, near)
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
                // The same figure of the same noun is likelier the same
                // claim: it needs half the passage similarity.
                let need = if a.mention.value.is_some() && a.mention.value == b.mention.value {
                    SAME_CLAIM / 2.0
                } else {
                    SAME_CLAIM
                };
                // Shares of one named whole in one event ("of the land")
                // are that whole's share told at several times or by
                // several sources: the whole is the claim.
                let linked = a.pid == b.pid
                    || (a.whole && b.whole)
                    || self.index.cosine(&a.near, &b.near) >= NEAR_CLAIM * need / SAME_CLAIM
                    || self.index.cosine(&terms(a.pid), &terms(b.pid)) >= need;
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
            .filter(|(_, m)| m.len() >= 2)
            .map(|(_, members)| ClaimGroup {
                kind: members[0].kind.clone(),
                unit: members[0].unit.clone(),
                mentions: members.iter().map(|f| f.mention.clone()).collect(),
                verdict: verdict(&members),
            })
            .collect()
    }
}

/// The verdict on a claim group: whether its sources tell figures that fit
/// each other. A source is an outlet, or the article when its outlet is not
/// known. A group often holds several figures of one thing (a new legal age
/// and the one it replaced; a cap per day and per week; a toll before and
/// after it rose), and sources that each give the same ones agree. So, for
/// every two sources, each figure of one of them must meet a figure of the
/// other (`"agree"`), or some source gives a figure the other's do not reach
/// (`"differ"`). Figures told by one source alone are `"single"`: there is
/// nothing to compare them with.
fn verdict(members: &[&Figure]) -> &'static str {
    let source = |f: &Figure| {
        if f.mention.outlet.is_empty() {
            f.mention.id.clone()
        } else {
            f.mention.outlet.clone()
        }
    };
    let mut sources: Vec<String> = members.iter().map(|f| source(f)).collect();
    sources.sort_unstable();
    sources.dedup();
    if sources.len() < 2 {
        return "single";
    }
    let of =
        |s: &str| -> Vec<&Figure> { members.iter().copied().filter(|f| source(f) == s).collect() };
    let meet = |a: &Figure, b: &Figure| a.span.0 <= b.span.1 && b.span.0 <= a.span.1;
    let within = |xs: &[&Figure], ys: &[&Figure]| xs.iter().all(|x| ys.iter().any(|y| meet(x, y)));
    let agree = sources.iter().enumerate().all(|(i, a)| {
        sources[i + 1..].iter().all(|b| {
            let (xs, ys) = (of(a), of(b));
            within(&xs, &ys) || within(&ys, &xs)
        })
    });
    if agree {
        "agree"
    } else {
        "differ"
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

    #[test]
    fn verdicts_are_between_outlets() {
        // (gloss, two outlets' texts, expected (verdict, figures) per group).
        type Case = (
            &'static str,
            [&'static str; 2],
            &'static [(&'static str, usize)],
        );
        let cases: [Case; 4] = [
            (
                // Both give the new weekly cap and the daily one it
                // replaced: several figures, no disagreement.
                "the same figures told by both",
                [
                    "وسيكون السقف المفروض على سحب الأموال من المصارف 420 يورو في الأسبوع بدلا من 60 يورو يوميا.",
                    "قررت الحكومة أن يصبح الحد الأقصى لسحب الأموال من المصارف 420 يورو أسبوعيا، بعد أن كان 60 يورو في اليوم.",
                ],
                &[("agree", 4)],
            ),
            (
                // One outlet leaves the old cap out: it says less, not
                // something else.
                "one outlet gives fewer",
                [
                    "وسيكون السقف المفروض على سحب الأموال من المصارف 420 يورو في الأسبوع بدلا من 60 يورو يوميا.",
                    "قررت الحكومة أن يصبح الحد الأقصى لسحب الأموال من المصارف 420 يورو أسبوعيا في خطوة نحو رفع القيود.",
                ],
                &[("agree", 3)],
            ),
            (
                // The fee of one transfer: three million against four.
                "another figure",
                [
                    "تعاقد النادي مع لاعب الوسط لمدة موسمين بصفقة بلغت ثلاثة ملايين يورو.",
                    "تعاقد النادي مع لاعب الوسط لمدة موسمين بصفقة قدرها أربعة ملايين يورو.",
                ],
                &[("agree", 2), ("differ", 2)],
            ),
            (
                // "More than 20,000" against "thousands": the vague figure
                // does not reach the other.
                "a vague figure that does not reach",
                [
                    "قال المتحدث إن أكثر من 20 ألف مدني غادروا البلدة المحاصرة خلال عشرة أيام.",
                    "قال المتحدث إن آلاف المدنيين غادروا البلدة المحاصرة خلال عشرة أيام.",
                ],
                &[("differ", 2), ("agree", 2)],
            ),
        ];
        for (gloss, texts, want) in cases {
            let mut lib = Library::new();
            for (i, text) in texts.into_iter().enumerate() {
                lib.add(NewArticle {
                    id: format!("a{i}"),
                    text: text.into(),
                    outlet: Some(format!("outlet{i}")),
                    ..Default::default()
                })
                .unwrap();
            }
            let got: Vec<(&str, usize)> = lib
                .claims(None)
                .iter()
                .map(|g| (g.verdict, g.mentions.len()))
                .collect();
            assert_eq!(got, want, "{gloss}");
        }
    }

    #[test]
    fn grouping_table() {
        // (gloss, articles, expected groups as (kind, unit, verdict, figures)).
        type Case = (
            &'static str,
            [&'static str; 2],
            &'static [(&'static str, &'static str, &'static str, usize)],
        );
        let cases: [Case; 6] = [
            (
                // Shares of one whole ("of the land of the mountain
                // region") told by two outlets at different times are one
                // claim, whatever the words around them; a share of another
                // whole stays out.
                "percent of the same whole",
                [
                    "أعلن الجيش أنه استعاد 80% من أراضي الإقليم الجبلي بعد معارك عنيفة.\nوارتفعت الأسعار 5% من قيمتها.",
                    "قال المتحدث باسم الجيش في مؤتمر صحفي إن القوات تسيطر اليوم على 95 في المئة من أراضي الإقليم الجبلي.",
                ],
                &[("percent", "اراض", "differ", 2)],
            ),
            (
                // The same year in two outlets' accounts of one event.
                "a year",
                [
                    "وكانت الحكومة قد وقعت اتفاق الهدنة مع المتمردين في 2015 قبل أن ينهار.",
                    "انهار اتفاق الهدنة الذي وقعته الحكومة مع المتمردين عام 2015 بعد شهور.",
                ],
                &[("year", "2015", "agree", 2)],
            ),
            (
                // A duration in days: the unit the concept table does not
                // know still counts.
                "a duration",
                [
                    "أمهل الجيش سكان الحي المحاصر خمسة أيام لمغادرة منازلهم قبل الهجوم.",
                    "منح الجيش سكان الحي المحاصر مهلة خمسة أيام للمغادرة قبل بدء الهجوم.",
                ],
                &[("duration", "يوم", "agree", 2)],
            ),
            (
                // One article's running toll: two counts of the dead in one
                // passage are one claim even when the other outlet of the
                // event gives no figure; one source, nothing to compare.
                "one article",
                [
                    "قتل 12 مدنيا في قصف على السوق المركزي، بينما قتل 3 مدنيين في قصف ليلي على الحي.",
                    "أدانت الوزارة القصف على السوق المركزي والقصف الليلي على الحي الذي أوقع قتلى مدنيين.",
                ],
                &[("count", "~kill", "single", 2)],
            ),
            (
                // "7 others were injured" and "9 others": with no noun
                // counted before them, "others" is not a unit to group by,
                // but the injury beside them is.
                "others",
                [
                    "وأصيب 7 آخرون في انفجار العبوة الناسفة قرب الحاجز العسكري شمال المدينة.",
                    "أسفر انفجار العبوة الناسفة قرب الحاجز العسكري عن إصابة 9 آخرين.",
                ],
                &[("count", "~wound", "differ", 2)],
            ),
            (
                // "12 people lost their lives and 30 others were hurt"
                // against "the death of twelve people and the injury of
                // thirty": the toll's verb or noun says what is counted.
                "a toll in other words",
                [
                    "وقالت وزارة الصحة في الولاية إن 12 شخصا لقوا حتفهم وأصيب 30 آخرون في السيول.",
                    "وأسفرت السيول في الولاية عن مقتل اثني عشر شخصا وإصابة ثلاثين، حسب وزارة الصحة.",
                ],
                &[("count", "~kill", "agree", 2), ("count", "~wound", "agree", 2)],
            ),
        ];
        for (gloss, texts, want) in cases {
            let mut lib = Library::new();
            for (id, text) in ["a", "b"].into_iter().zip(texts) {
                lib.add(NewArticle {
                    id: id.into(),
                    text: text.into(),
                    ..Default::default()
                })
                .unwrap();
            }
            let got: Vec<(String, String, &str, usize)> = lib
                .claims(None)
                .iter()
                .map(|g| (g.kind.clone(), g.unit.clone(), g.verdict, g.mentions.len()))
                .collect();
            let want: Vec<(String, String, &str, usize)> = want
                .iter()
                .map(|&(k, u, v, n)| (k.to_string(), u.to_string(), v, n))
                .collect();
            assert_eq!(got, want, "{gloss}");
        }
    }
}
