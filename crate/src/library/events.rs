//! Stage 6b, events: which saved articles report the same event. Input: the
//! library. Output: groups of article ids, so that matching can draw only
//! on the current article's event.
//!
//! Two articles are linked by the similarity of their whole-text term sets
//! (stems, entity ids, number values, IDF-weighted) when their dates, if
//! both are known, are at most a few days apart. Matching takes the direct
//! links above a threshold as an article's event; the library's events are
//! groups merged by average link, so chains of similar stories stay apart.
//!
//! Invariants: every saved article is in exactly one event; an event's
//! articles are in the order they were saved; events are ordered by their
//! first article.

use super::index::REMOVED;
use super::Library;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Article similarity from which two articles report the same event.
///
/// Measured on `crate/tests/fixtures/events/groups.tsv` (`tabayyun eval
/// events`): same-event pairs of articles score 0.17 to 0.76, pairs of
/// different stories at most 0.21, and two match reports of different
/// games 0.29 (undated; their dates would part them).
const SAME_EVENT: f32 = 0.21;
/// Passages without any of the terms assumed besides the library's: the
/// background that keeps a small library's IDF meaningful.
const EVENT_PRIOR: f32 = 2000.0;
/// Links weaker than this are left out of the averages (they count as 0).
const LINK_FLOOR: f32 = 0.05;
/// Dates further apart than this many days are different events.
const MAX_DAYS_APART: i64 = 3;
/// Terms used to find an article's neighbours: its rarest ones.
const PROBE_TERMS: usize = 40;
/// Terms in more passages than this do not find neighbours.
const PROBE_MAX_DF: usize = 400;
/// Neighbours scored exactly per article.
const PROBE_CANDIDATES: usize = 30;

/// One event: the saved articles that report it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The articles' ids, in the order they were saved.
    pub articles: Vec<String>,
    /// Their outlets, distinct.
    pub outlets: Vec<String>,
    /// The first article's title, if any.
    pub title: Option<String>,
}

/// An article's term set (the union of its passages' terms, sorted) and its
/// norm under the event weights.
struct ArticleTerms {
    terms: Vec<u32>,
    norm: f32,
}

/// Scores articles against each other for one state of the library. The
/// grouping of a whole library scores every article against its 30 best
/// candidates: it builds each term's weights once and each article's term
/// set and norm once, where the one-article questions (`same_event`, asked
/// on every match) compute only the weights they touch.
struct EventScorer<'a> {
    lib: &'a Library,
    /// Passages in the library plus [`EVENT_PRIOR`].
    n: f32,
    /// Per term: the event weight and the IDF that finds candidates; empty
    /// when computed on demand.
    weights: Vec<(f32, f32)>,
    /// Per passage id: its article's slot ([`REMOVED`] if gone), packed so
    /// that walking a posting list does not load a whole passage record
    /// per entry; empty when computed on demand.
    article_of: Vec<u32>,
    articles: HashMap<u32, ArticleTerms>,
    /// Per article slot: the candidate score being summed, and the slots
    /// touched, so that a probe costs no hashing and no clearing of all.
    hits: Vec<f32>,
    touched: Vec<u32>,
}

impl<'a> EventScorer<'a> {
    fn new(lib: &'a Library, all_terms: bool) -> Self {
        let mut scorer = EventScorer {
            lib,
            n: lib.index.live_passages() as f32 + EVENT_PRIOR,
            weights: Vec::new(),
            article_of: Vec::new(),
            articles: HashMap::new(),
            hits: vec![0.0; lib.slot_count() as usize],
            touched: Vec::new(),
        };
        if all_terms {
            scorer.weights = (0..lib.index.term_count() as u32)
                .map(|t| (scorer.event_weight(t), lib.index.idf_of(t)))
                .collect();
            scorer.article_of = (0..lib.index.next_pid())
                .map(|pid| lib.index.passage(pid).map_or(REMOVED, |p| p.article))
                .collect();
        }
        scorer
    }

    /// IDF over the library plus [`EVENT_PRIOR`] passages that have none of
    /// the terms. In a large library this is plain IDF; in a small one,
    /// where every saved article may be on the one event and its words are
    /// therefore "common", shared words still count.
    fn event_weight(&self, t: u32) -> f32 {
        match self.weights.get(t as usize) {
            Some(&(w, _)) => w,
            None => (1.0 + self.n / self.lib.index.postings(t).len().max(1) as f32).ln(),
        }
    }

    fn article_of(&self, pid: u32) -> u32 {
        match self.article_of.get(pid as usize) {
            Some(&slot) => slot,
            None => self.lib.index.passage(pid).map_or(REMOVED, |p| p.article),
        }
    }

    fn probe_weight(&self, t: u32) -> f32 {
        match self.weights.get(t as usize) {
            Some(&(_, w)) => w,
            None => self.lib.index.idf_of(t),
        }
    }

    fn article_terms(&self, terms: Vec<u32>) -> ArticleTerms {
        let norm = terms
            .iter()
            .map(|&t| self.event_weight(t).powi(2))
            .sum::<f32>()
            .sqrt();
        ArticleTerms { terms, norm }
    }

    /// The term set of the saved article in `slot`.
    fn saved(&self, slot: u32) -> ArticleTerms {
        let terms = match self.lib.article_at(slot) {
            Some(a) => {
                let mut all: Vec<u32> = (0..a.passages.len() as u32)
                    .filter_map(|i| self.lib.index.passage(a.first_pid + i))
                    .flat_map(|p| p.terms())
                    .collect();
                all.sort_unstable();
                all.dedup();
                all
            }
            None => Vec::new(),
        };
        self.article_terms(terms)
    }

    /// Cosine of two articles' term sets under the event weights.
    fn similarity(&self, a: &ArticleTerms, b: &ArticleTerms) -> f32 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while let (Some(&x), Some(&y)) = (a.terms.get(i), b.terms.get(j)) {
            match x.cmp(&y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let w = self.event_weight(x);
                    dot += w * w;
                    i += 1;
                    j += 1;
                }
            }
        }
        let d = a.norm * b.norm;
        if d > 0.0 {
            dot / d
        } else {
            0.0
        }
    }

    /// Articles similar to `own` (a saved slot, or a text's terms when
    /// `None`), best first: candidates from the postings of its rarest
    /// terms, then scored exactly.
    fn neighbours(&mut self, own: Option<u32>, query: &ArticleTerms) -> Vec<(u32, f32)> {
        let ix = &self.lib.index;
        let mut probes: Vec<(usize, u32)> = query
            .terms
            .iter()
            .map(|&t| (ix.postings(t).len(), t))
            // A term in one passage is only ever this article's own.
            .filter(|&(df, _)| (2..=PROBE_MAX_DF).contains(&df))
            .collect();
        probes.sort_unstable();
        probes.truncate(PROBE_TERMS);
        for (_, t) in probes {
            let w = self.probe_weight(t);
            let mut last = u32::MAX;
            for &pid in ix.postings(t) {
                let slot = self.article_of(pid);
                if slot != last && Some(slot) != own {
                    // A removed passage's REMOVED slot is past `hits`.
                    if let Some(h) = self.hits.get_mut(slot as usize) {
                        if *h == 0.0 {
                            self.touched.push(slot);
                        }
                        *h += w * w;
                    }
                    last = slot;
                }
            }
        }
        let mut cands: Vec<(u32, f32)> = self
            .touched
            .drain(..)
            .map(|slot| (slot, std::mem::take(&mut self.hits[slot as usize])))
            .collect();
        cands.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(PROBE_CANDIDATES);
        let mut scored: Vec<(u32, f32)> = cands
            .into_iter()
            .map(|(slot, _)| {
                if !self.articles.contains_key(&slot) {
                    let terms = self.saved(slot);
                    self.articles.insert(slot, terms);
                }
                (slot, self.similarity(query, &self.articles[&slot]))
            })
            .collect();
        scored.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        scored
    }
}

impl Library {
    fn dates_compatible(&self, a: u32, b: u32) -> bool {
        let day = |slot: u32| {
            self.article_at(slot)
                .and_then(|x| x.date.as_deref())
                .and_then(day_number)
        };
        match (day(a), day(b)) {
            (Some(x), Some(y)) => (x - y).abs() <= MAX_DAYS_APART,
            _ => true,
        }
    }

    /// Groups the saved articles into events.
    ///
    /// ```
    /// use tabayyun::library::{Library, NewArticle};
    /// let mut lib = Library::new();
    /// for (id, text) in [
    ///     ("a", "فر مئات المدنيين من بلدة باغوز المحاصرة في شرق سوريا مع تقدم القوات"),
    ///     ("b", "مئات المدنيين يفرون من باغوز المحاصرة شرق سوريا بعد تقدم القوات"),
    ///     ("c", "افتتح وزير الثقافة معرض الكتاب الدولي في العاصمة بمشاركة مئتي دار نشر"),
    /// ] {
    ///     lib.add(NewArticle { id: id.into(), text: text.into(), ..Default::default() }).unwrap();
    /// }
    /// let events = lib.events();
    /// assert_eq!(events[0].articles, ["a", "b"]);
    /// assert_eq!(events[1].articles, ["c"]);
    /// ```
    pub fn events(&self) -> Vec<Event> {
        self.events_cache
            .get_or_init(|| self.group_events())
            .iter()
            .map(|members| self.event_of_slots(members))
            .collect()
    }

    /// The grouping behind [`Library::events`], as article slots.
    fn group_events(&self) -> Vec<Vec<u32>> {
        let slots: Vec<u32> = self.slots_iter().map(|(s, _)| s).collect();
        let mut scorer = EventScorer::new(self, true);
        let mut links: HashMap<(u32, u32), f32> = HashMap::new();
        for &s in &slots {
            let own = scorer
                .articles
                .remove(&s)
                .unwrap_or_else(|| scorer.saved(s));
            for (other, sim) in scorer.neighbours(Some(s), &own) {
                if sim < LINK_FLOOR {
                    break;
                }
                if self.dates_compatible(s, other) {
                    links.insert((s.min(other), s.max(other)), sim);
                }
            }
            scorer.articles.insert(s, own);
        }
        let day = |slot: u32| {
            self.article_at(slot)
                .and_then(|a| a.date.as_deref())
                .and_then(day_number)
        };
        average_link(&slots, &links, day)
    }

    fn event_of_slots(&self, members: &[u32]) -> Event {
        let articles: Vec<&super::Article> =
            members.iter().filter_map(|&s| self.article_at(s)).collect();
        let mut outlets: Vec<String> = Vec::new();
        for a in &articles {
            if !outlets.contains(&a.outlet) {
                outlets.push(a.outlet.clone());
            }
        }
        Event {
            articles: articles.iter().map(|a| a.id.clone()).collect(),
            outlets,
            title: articles.iter().find_map(|a| a.title.clone()),
        }
    }

    /// The saved article `id` and the articles linked to it directly: the
    /// cheap view of its event that matching uses on every call.
    ///
    /// ```
    /// let lib = tabayyun::library::Library::new();
    /// assert!(lib.same_event("غير موجود").is_empty());
    /// ```
    pub fn same_event(&self, id: &str) -> Vec<String> {
        let Some(slot) = self.slot_of(id) else {
            return Vec::new();
        };
        let mut out = vec![id.to_string()];
        let mut scorer = EventScorer::new(self, false);
        let own = scorer.saved(slot);
        for (other, sim) in scorer.neighbours(Some(slot), &own) {
            if sim < SAME_EVENT {
                break;
            }
            if let Some(a) = self
                .article_at(other)
                .filter(|_| self.dates_compatible(slot, other))
            {
                out.push(a.id.clone());
            }
        }
        out
    }

    /// The saved articles that report the same event as a text that need
    /// not be saved: those linked to it directly, best first.
    pub fn event_of_text(&self, text: &str) -> Vec<String> {
        let mut terms: Vec<u32> = super::terms::text_terms(text)
            .iter()
            .filter_map(|t| self.index.lookup(t))
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let mut scorer = EventScorer::new(self, false);
        let query = scorer.article_terms(terms);
        scorer
            .neighbours(None, &query)
            .into_iter()
            .take_while(|&(_, sim)| sim >= SAME_EVENT)
            .filter_map(|(s, _)| self.article_at(s).map(|a| a.id.clone()))
            .collect()
    }
}

/// Average-link grouping of `slots` over the similarity `links` (pairs
/// without a link count as 0): the two groups whose members are most
/// similar on average merge while that average reaches [`SAME_EVENT`] and
/// their dated articles stay within [`MAX_DAYS_APART`] of each other. Unlike
/// single link, a chain of stories that each resemble the next (a daily
/// weather report, a league's weekly results) does not become one event:
/// its ends share nothing, and they weigh in the average. Output: the
/// groups, each in the order of `slots`, ordered by their first member.
fn average_link(
    slots: &[u32],
    links: &HashMap<(u32, u32), f32>,
    day: impl Fn(u32) -> Option<i64>,
) -> Vec<Vec<u32>> {
    struct Group {
        members: Vec<u32>,
        /// Sum of the links between this group's members and each other group's.
        sums: HashMap<u32, f32>,
        /// Earliest and latest known day of its articles.
        days: Option<(i64, i64)>,
        /// Bumped on every merge, so queued averages of the old group are skipped.
        version: u32,
    }
    let mut groups: HashMap<u32, Group> = slots
        .iter()
        .map(|&s| {
            let group = Group {
                members: vec![s],
                sums: HashMap::new(),
                days: day(s).map(|d| (d, d)),
                version: 0,
            };
            (s, group)
        })
        .collect();
    // Candidate merges, best average first; ties go to the older articles so
    // the grouping does not depend on hash order.
    let mut queue: BinaryHeap<Merge> = BinaryHeap::new();
    for (&(a, b), &sim) in links {
        if !(groups.contains_key(&a) && groups.contains_key(&b)) {
            continue;
        }
        for (x, y) in [(a, b), (b, a)] {
            if let Some(g) = groups.get_mut(&x) {
                g.sums.insert(y, sim);
            }
        }
        queue.push((Average(sim), Reverse((a, b)), 0, 0));
    }
    while let Some((Average(avg), Reverse((a, b)), va, vb)) = queue.pop() {
        if avg < SAME_EVENT {
            break;
        }
        let (Some(ga), Some(gb)) = (groups.get(&a), groups.get(&b)) else {
            continue;
        };
        if ga.version != va || gb.version != vb {
            continue;
        }
        let days = match (ga.days, gb.days) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (x, y) => x.or(y),
        };
        if days.is_some_and(|(first, last)| last - first > MAX_DAYS_APART) {
            continue;
        }
        let Some(gb) = groups.remove(&b) else {
            continue;
        };
        let Some(ga) = groups.get_mut(&a) else {
            continue;
        };
        ga.members.extend(gb.members);
        ga.days = days;
        ga.version += 1;
        ga.sums.remove(&b);
        for (c, sum) in gb.sums {
            if c != a {
                *ga.sums.entry(c).or_default() += sum;
            }
        }
        let (size_a, version_a) = (ga.members.len(), ga.version);
        let sums: Vec<(u32, f32)> = ga.sums.iter().map(|(&c, &s)| (c, s)).collect();
        for (c, sum) in sums {
            let Some(gc) = groups.get_mut(&c) else {
                continue;
            };
            gc.sums.remove(&b);
            gc.sums.insert(a, sum);
            let avg = sum / (size_a * gc.members.len()) as f32;
            // Keyed older group first, with each group's version.
            let merge = if a < c {
                (Average(avg), Reverse((a, c)), version_a, gc.version)
            } else {
                (Average(avg), Reverse((c, a)), gc.version, version_a)
            };
            queue.push(merge);
        }
    }
    let position: HashMap<u32, usize> = slots.iter().enumerate().map(|(i, &s)| (s, i)).collect();
    let mut out: Vec<Vec<u32>> = groups
        .into_values()
        .map(|g| {
            let mut m = g.members;
            m.sort_by_key(|s| position[s]);
            m
        })
        .collect();
    out.sort_by_key(|m| position[&m[0]]);
    out
}

/// A candidate merge: the two groups' average link, the groups (the older
/// first, reversed so that ties go to older articles), and the versions of
/// the two groups it was computed for.
type Merge = (Average, Reverse<(u32, u32)>, u32, u32);

/// A similarity that orders totally, for the merge queue.
#[derive(PartialEq)]
struct Average(f32);

impl Eq for Average {}

impl PartialOrd for Average {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Average {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Days since 1970-01-01 of a date starting "YYYY-MM-DD".
fn day_number(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let mut parts = d.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::NewArticle;

    #[test]
    fn day_numbers_table() {
        let cases = [
            ("1970-01-01", Some(0)),
            ("2015-07-21 02:51:32", Some(16637)),
            ("2019-03-01", Some(17956)),
            ("2019-13-01", None),
            ("يوم الاثنين", None),
            ("", None),
        ];
        for (date, want) in cases {
            assert_eq!(day_number(date), want, "{date}");
        }
    }

    #[test]
    fn events_follow_every_change() {
        // The grouping is kept between calls: saving or removing an article
        // must show in the next call.
        use crate::library::{Library, NewArticle};
        let add = |lib: &mut Library, id: &str, text: &str| {
            let a = NewArticle {
                id: id.into(),
                text: text.into(),
                ..Default::default()
            };
            lib.add(a).unwrap();
        };
        let mut lib = Library::new();
        add(
            &mut lib,
            "a",
            "فر مئات المدنيين من بلدة باغوز المحاصرة في شرق سوريا مع تقدم القوات",
        );
        add(
            &mut lib,
            "c",
            "افتتح وزير الثقافة معرض الكتاب الدولي في العاصمة بمشاركة مئتي دار نشر",
        );
        let articles = |lib: &Library| -> Vec<Vec<String>> {
            lib.events().into_iter().map(|e| e.articles).collect()
        };
        assert_eq!(articles(&lib), [vec!["a"], vec!["c"]]);
        add(
            &mut lib,
            "b",
            "مئات المدنيين يفرون من باغوز المحاصرة شرق سوريا بعد تقدم القوات",
        );
        assert_eq!(articles(&lib), [vec!["a", "b"], vec!["c"]]);
        lib.remove("a");
        assert_eq!(articles(&lib), [vec!["c"], vec!["b"]]);
    }

    #[test]
    fn a_chain_of_look_alikes_is_not_one_event() {
        // Five daily reports, each like the next (0.4) and unlike the rest:
        // single link would make them one event; on average they are not.
        let slots = [0, 1, 2, 3, 4];
        let chain: HashMap<(u32, u32), f32> = (0..4).map(|i| ((i, i + 1), 0.4)).collect();
        let groups = average_link(&slots, &chain, |_| None);
        assert!(groups.iter().all(|g| g.len() <= 2), "{groups:?}");
        // Three reports of one event, all alike, and a fourth like one of
        // them only: the three are an event, the fourth joins only if its
        // average over the three reaches the threshold (0.3 / 3 does not).
        let mut clique: HashMap<(u32, u32), f32> = HashMap::new();
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            clique.insert((a, b), 0.4);
        }
        clique.insert((2, 3), 0.3);
        let groups = average_link(&slots[..4], &clique, |_| None);
        assert_eq!(groups, [vec![0, 1, 2], vec![3]]);
        // Dated articles more than three days apart never share an event,
        // however alike.
        let pair: HashMap<(u32, u32), f32> = [((0, 1), 0.9)].into_iter().collect();
        let days = |s: u32| Some(i64::from(s) * 10);
        assert_eq!(average_link(&[0, 1], &pair, days), [vec![0], vec![1]]);
    }

    #[test]
    fn distant_dates_split_an_event() {
        // The same story a month apart: "hundreds of civilians flee the
        // besieged town in the east of the country as the forces advance".
        let texts = [
            (
                "a",
                "2019-02-11",
                "فر مئات المدنيين من البلدة المحاصرة في شرق البلاد مع تقدم القوات نحو الجيب الأخير",
            ),
            (
                "b",
                "2019-02-12",
                "مئات المدنيين يفرون من البلدة المحاصرة شرق البلاد بينما تتقدم القوات داخل الجيب",
            ),
            (
                "c",
                "2019-03-20",
                "القوات تتقدم في الجيب المحاصر شرق البلاد ومئات المدنيين يفرون من البلدة",
            ),
        ];
        let mut lib = Library::new();
        for (id, date, text) in texts {
            lib.add(NewArticle {
                id: id.into(),
                text: text.into(),
                date: Some(date.into()),
                ..Default::default()
            })
            .unwrap();
        }
        let events = lib.events();
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].articles, ["a", "b"]);
        assert_eq!(lib.same_event("c"), ["c"]);
        assert_eq!(lib.same_event("a"), ["a", "b"]);
        let mut by_text = lib.event_of_text(texts[0].2);
        by_text.sort();
        assert_eq!(by_text, ["a", "b", "c"]);
    }
}
