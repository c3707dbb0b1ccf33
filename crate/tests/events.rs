//! Event grouping on the events gold (`tests/fixtures/events/groups.tsv`):
//! three invented events told by three outlets each, the demo's invented
//! earthquake told by five, the project's seed event (from ../shared), and
//! fifteen unrelated stories, some on close topics. Among thousands of real
//! articles it is scored by `tabayyun eval events --distractors` (see
//! BENCHMARKS.md "Events").

use std::path::Path;
use tabayyun::eval::events::evaluate;

/// B-cubed F1 both views must reach: 0.984 (events) and 0.971 (same
/// event) when this test was written (0.985 and 0.979 with the third
/// held-out set's stories); the one error is two undated match reports of
/// different games grouped together.
const MIN_F1: f64 = 0.95;

#[test]
fn events_of_the_gold_set() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events/groups.tsv");
    let report = evaluate(&gold, None, &[], 0).expect("the events gold reads");
    assert_eq!((report.gold_articles, report.gold_events), (34, 20));
    let row = &report.rows[0];
    assert!(row.groups.f1 >= MIN_F1, "events(): {report}");
    assert!(row.same_event.f1 >= MIN_F1, "same_event(): {report}");
}
