//! Scoring event grouping against a gold list of articles and their events
//! (`crate/tests/fixtures/events/groups.tsv`), alone and among thousands of
//! real news articles that report none of them (the distractors), at
//! several library sizes: grouping that chains shows up only in a large
//! library.
//!
//! Two views are scored, both with B-cubed precision and recall over the
//! gold articles (a distractor in a gold article's group counts against
//! precision): `events()`, the library's grouping, and `same_event(id)`,
//! the articles matching draws on for a saved article.

use super::{read_jsonl, Prf};
use crate::library::{Library, NewArticle};
use crate::Error;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// Titles shown of each of the largest events.
const SHOWN_TITLES: usize = 6;

/// Characters shown of an article without a title.
const UNTITLED_CHARS: usize = 60;

/// One gold article: its event label and the article as saved.
struct GoldArticle {
    event: String,
    article: NewArticle,
}

/// The figures at one library size.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsRow {
    /// Distractor articles in the library besides the gold ones.
    pub distractors: usize,
    /// Events found in the whole library.
    pub events: usize,
    /// Articles in the largest event found.
    pub largest: usize,
    /// B-cubed precision, recall of `events()` over the gold articles.
    pub groups: Prf,
    /// The same of `same_event(id)`.
    pub same_event: Prf,
    /// Distractors placed in a gold article's event.
    pub distractors_pulled_in: usize,
    /// The largest events found: their size and first titles, for a reader
    /// to judge whether they are one event.
    pub largest_titles: Vec<(usize, Vec<String>)>,
}

/// The report: the gold set's size and one row per library size.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsReport {
    pub gold_articles: usize,
    pub gold_events: usize,
    pub rows: Vec<EventsRow>,
}

impl fmt::Display for EventsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "gold: {} articles in {} events",
            self.gold_articles, self.gold_events
        )?;
        writeln!(
            f,
            "distractors  events  largest  events()                         same_event()                     pulled in"
        )?;
        for r in &self.rows {
            writeln!(
                f,
                "{:>11}  {:>6}  {:>7}  {}   {}   {}",
                r.distractors, r.events, r.largest, r.groups, r.same_event, r.distractors_pulled_in
            )?;
            for (size, titles) in &r.largest_titles {
                writeln!(f, "  [{size}] {}", titles.join(" | "))?;
            }
        }
        Ok(())
    }
}

/// Reads the gold list: `event<TAB>path` lines, `#` comments, paths
/// relative to the list's folder. A header of `key: value` lines ended by a
/// blank line gives the outlet and title; gold articles carry no date, as
/// a page without one would, so dates cannot separate them from the
/// distractors.
fn read_gold(path: &Path) -> Result<Vec<GoldArticle>, Error> {
    let list = std::fs::read_to_string(path)
        .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display())))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut gold = Vec::new();
    for (i, line) in list.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((event, file)) = line.split_once('\t') else {
            return Err(Error::InvalidInput(format!(
                "{}:{}: expected `event<TAB>path`",
                path.display(),
                i + 1
            )));
        };
        let full = dir.join(file);
        let raw = std::fs::read_to_string(&full)
            .map_err(|e| Error::InvalidInput(format!("{}: {e}", full.display())))?;
        let mut article = NewArticle {
            id: format!("gold-{}", gold.len()),
            ..Default::default()
        };
        article.text = match split_header(&raw) {
            Some((header, body)) => {
                for (k, v) in header {
                    match k {
                        "outlet" => article.outlet = Some(v.to_string()),
                        "title" => article.title = Some(v.to_string()),
                        _ => {}
                    }
                }
                body.to_string()
            }
            None => raw,
        };
        gold.push(GoldArticle {
            event: event.to_string(),
            article,
        });
    }
    Ok(gold)
}

/// The `key: value` lines before the first blank line, and the rest, when
/// every such line is one.
fn split_header(raw: &str) -> Option<(Vec<(&str, &str)>, &str)> {
    let end = raw.find("\n\n")?;
    let header: Option<Vec<(&str, &str)>> = raw[..end]
        .lines()
        .map(|l| {
            let (k, v) = l.split_once(':')?;
            let ascii_key = !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase());
            ascii_key.then(|| (k, v.trim()))
        })
        .collect();
    Some((header?, &raw[end + 2..]))
}

/// B-cubed precision and recall of `found(x)`, the group given for each
/// gold article x (ids of any articles, x included), against the gold
/// events.
fn bcubed(gold: &[GoldArticle], found: impl Fn(&str) -> Vec<String>) -> Prf {
    let event_of: HashMap<&str, &str> = gold
        .iter()
        .map(|g| (g.article.id.as_str(), g.event.as_str()))
        .collect();
    let mut size: HashMap<&str, usize> = HashMap::new();
    for g in gold {
        *size.entry(g.event.as_str()).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for g in gold {
        let group = found(&g.article.id);
        let right = group
            .iter()
            .filter(|id| event_of.get(id.as_str()) == Some(&g.event.as_str()))
            .count();
        p += right as f64 / group.len().max(1) as f64;
        r += right as f64 / size[g.event.as_str()] as f64;
    }
    let n = gold.len().max(1) as f64;
    Prf::new(p / n, r / n)
}

/// Scores event grouping on the gold list `gold`, then again after adding
/// distractors from `library` (JSON lines, as `tabayyun match` reads) up
/// to each count of `sizes`.
pub fn evaluate(
    gold: &Path,
    library: Option<&Path>,
    sizes: &[usize],
    show: usize,
) -> Result<EventsReport, Error> {
    let gold = read_gold(gold)?;
    let mut lib = Library::new();
    for g in &gold {
        lib.add(g.article.clone())?;
    }
    let distractors: Vec<NewArticle> = match library {
        Some(path) => read_jsonl(path)?,
        None => Vec::new(),
    };
    let mut rows = vec![score(&lib, &gold, 0, show)];
    let mut added = 0;
    for &want in sizes {
        let want = want.min(distractors.len());
        if want <= added {
            continue;
        }
        for a in &distractors[added..want] {
            lib.add(a.clone())?;
        }
        added = want;
        rows.push(score(&lib, &gold, added, show));
    }
    let mut labels: Vec<&str> = gold.iter().map(|g| g.event.as_str()).collect();
    labels.sort_unstable();
    labels.dedup();
    Ok(EventsReport {
        gold_articles: gold.len(),
        gold_events: labels.len(),
        rows,
    })
}

fn score(lib: &Library, gold: &[GoldArticle], distractors: usize, show: usize) -> EventsRow {
    let events = lib.events();
    let mut by_size: Vec<&crate::library::events::Event> = events.iter().collect();
    by_size.sort_by_key(|e| std::cmp::Reverse(e.articles.len()));
    let largest_titles = by_size
        .iter()
        .take(show)
        .map(|e| {
            let titles = e
                .articles
                .iter()
                .take(SHOWN_TITLES)
                .filter_map(|id| lib.get(id))
                // An article without a title shows its first words.
                .map(|a| {
                    a.title.clone().unwrap_or_else(|| {
                        let start: String = a.text.chars().take(UNTITLED_CHARS).collect();
                        start.split_whitespace().collect::<Vec<_>>().join(" ")
                    })
                })
                .collect();
            (e.articles.len(), titles)
        })
        .collect();
    let group_of: HashMap<&str, &[String]> = events
        .iter()
        .flat_map(|e| {
            e.articles
                .iter()
                .map(|a| (a.as_str(), e.articles.as_slice()))
        })
        .collect();
    let is_gold = |id: &str| id.starts_with("gold-");
    let mut pulled: Vec<&str> = gold
        .iter()
        .filter_map(|g| group_of.get(g.article.id.as_str()))
        .flat_map(|members| members.iter().map(String::as_str))
        .filter(|id| !is_gold(id))
        .collect();
    pulled.sort_unstable();
    pulled.dedup();
    EventsRow {
        distractors,
        events: events.len(),
        largest: events.iter().map(|e| e.articles.len()).max().unwrap_or(0),
        groups: bcubed(gold, |id| {
            group_of.get(id).map(|m| m.to_vec()).unwrap_or_default()
        }),
        same_event: bcubed(gold, |id| lib.same_event(id)),
        distractors_pulled_in: pulled.len(),
        largest_titles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_split_only_when_every_line_is_a_key() {
        let cases = [
            (
                "outlet: صحيفة\ntitle: عنوان\n\nالنص",
                Some((vec![("outlet", "صحيفة"), ("title", "عنوان")], "النص")),
            ),
            // A first paragraph with a colon is text, not a header.
            ("قال الوزير: نعم\n\nالنص", None),
            ("بلا فقرات", None),
        ];
        for (raw, want) in cases {
            assert_eq!(split_header(raw), want, "{raw}");
        }
    }

    #[test]
    fn bcubed_counts_strangers_against_precision() {
        let article = |id: &str| NewArticle {
            id: id.into(),
            ..Default::default()
        };
        let gold = vec![
            GoldArticle {
                event: "e1".into(),
                article: article("gold-0"),
            },
            GoldArticle {
                event: "e1".into(),
                article: article("gold-1"),
            },
        ];
        // Perfect: each finds both.
        let both = |_: &str| vec!["gold-0".to_string(), "gold-1".to_string()];
        assert_eq!(bcubed(&gold, both), Prf::new(1.0, 1.0));
        // Each alone: precision 1, recall 1/2.
        let alone = |id: &str| vec![id.to_string()];
        assert_eq!(bcubed(&gold, alone), Prf::new(1.0, 0.5));
        // Both plus two distractors: precision 1/2.
        let crowd = |_: &str| {
            ["gold-0", "gold-1", "news-1", "news-2"]
                .map(String::from)
                .to_vec()
        };
        assert_eq!(bcubed(&gold, crowd), Prf::new(0.5, 1.0));
    }
}
