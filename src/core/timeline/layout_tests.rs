//! The layout on hand-made events: lanes, markers, labels and hit-testing in
//! both orientations, spans begun before the window, hidden lanes, and a
//! cost that follows the visible events.

use super::test_support::{many, measure, metrics, sample, view};
use super::*;
use crate::core::model::Lang;

#[test]
fn horizontal_layout_places_lanes_markers_and_labels() {
    let evs = sample();
    let lanes = [true, true, true, false, false];
    let v = view("2018-11-01", "2019-08-01");
    let l = layout(
        &evs,
        &lanes,
        &v,
        (1000.0, 300.0),
        Orientation::Horizontal,
        &metrics(),
        Lang::En,
        &measure,
    );
    assert_eq!(l.items.len(), 6);
    assert_eq!(l.lanes.iter().filter(|x| x.visible).count(), 3);
    assert_eq!(
        l.lanes[0].name.as_ref().map(|n| n.text.as_str()),
        Some("Diplomacy")
    );
    // Nine days later in the same lane, the detentions' marker leaves no room for Meng's label.
    assert!(l.item_for(0).is_some_and(|it| it.label.is_none()));
    let michaels = l
        .item_for(1)
        .and_then(|it| it.label.as_ref())
        .map(|lb| lb.text.as_str());
    assert_eq!(michaels, Some("Two Michaels detained"));
    let span = l.item_for(1).and_then(|it| it.span).map(|r| r.2);
    assert!(span.is_some_and(|w| w > 10.0), "span bar drawn");
    // "Pork checks" four days after the canola decision: no room for the
    // canola label, however important, between the two markers.
    assert!(l.item_for(2).is_some_and(|it| it.label.is_none()));
    assert!(l.item_for(3).is_some_and(|it| it.label.is_some()));
    assert!(!l.ticks.is_empty() && l.ticks.iter().all(|t| l.axis_contains(t.pos)));
    assert_eq!(
        hit_test(&l, l.items[3].pos.0, l.items[3].pos.1, 4.0),
        Some(l.items[3].event)
    );
    let lb = l
        .item_for(5)
        .and_then(|it| it.label.clone())
        .expect("the last event has room for its label");
    assert_eq!(
        hit_test(
            &l,
            lb.rect.0 + lb.rect.2 / 2.0,
            lb.rect.1 + lb.rect.3 / 2.0,
            0.0
        ),
        Some(5)
    );
    assert_eq!(hit_test(&l, 1.0, 1.0, 2.0), None);
    let fr = layout(
        &evs,
        &lanes,
        &v,
        (1000.0, 300.0),
        Orientation::Horizontal,
        &metrics(),
        Lang::Fr,
        &measure,
    );
    assert_eq!(
        fr.lanes[1].name.as_ref().map(|n| n.text.as_str()),
        Some("Commerce")
    );
}

#[test]
fn spans_begun_before_the_view_are_found() {
    let evs = sample();
    let v = view("2020-01-01", "2020-03-01");
    for l in [
        layout(
            &evs,
            &[true; 5],
            &v,
            (800.0, 300.0),
            Orientation::Horizontal,
            &metrics(),
            Lang::En,
            &measure,
        ),
        layout_indexed(
            &evs,
            &SpanIndex::new(&evs),
            &[true; 5],
            &v,
            (800.0, 300.0),
            Orientation::Vertical,
            &metrics(),
            Lang::En,
            &measure,
        ),
    ] {
        assert_eq!(l.items.len(), 1);
        let it = &l.items[0];
        assert_eq!(it.event, 1);
        assert!(!it.marker, "its start is out of view");
        assert!(it.span.is_some_and(|r| r.2 > 0.0 && r.3 > 0.0));
        assert!(it.label.is_some(), "labelled where it enters the plot");
    }
}

#[test]
fn vertical_layout_labels_in_one_column() {
    let evs = sample();
    let v = view("2018-11-01", "2019-08-01");
    let l = layout(
        &evs,
        &[true; 5],
        &v,
        (360.0, 700.0),
        Orientation::Vertical,
        &metrics(),
        Lang::Fr,
        &measure,
    );
    assert_eq!(l.items.len(), 6);
    let xs: Vec<f64> = l
        .items
        .iter()
        .filter_map(|it| it.label.as_ref())
        .map(|lb| lb.rect.0)
        .collect();
    assert!(xs.len() >= 4 && xs.windows(2).all(|p| p[0] == p[1]));
    assert!(
        l.items.iter().all(|it| it.pos.0 < xs[0]),
        "markers left of the labels"
    );
    let tick_labels: Vec<Rect> = l.ticks.iter().filter_map(|t| t.label).collect();
    assert!(tick_labels.len() >= 3, "{:?}", l.ticks);
    assert!(tick_labels
        .iter()
        .all(|r| r.0 >= 0.0 && r.0 + r.2 <= l.plot.0));
    let it = &l.items[2];
    assert_eq!(hit_test(&l, it.pos.0 + 1.0, it.pos.1, 3.0), Some(2));
}

#[test]
fn hidden_lanes_produce_nothing() {
    let evs = sample();
    let lanes = [false, true, false, false, false];
    let v = view("2018-11-01", "2019-08-01");
    let l = layout(
        &evs,
        &lanes,
        &v,
        (800.0, 300.0),
        Orientation::Horizontal,
        &metrics(),
        Lang::En,
        &measure,
    );
    assert_eq!(
        l.items.iter().map(|it| it.event).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    let none = layout(
        &evs,
        &[false; 5],
        &v,
        (800.0, 300.0),
        Orientation::Horizontal,
        &metrics(),
        Lang::En,
        &measure,
    );
    assert!(none.items.is_empty() && none.lanes.iter().all(|l| !l.visible));
    let zero = layout(
        &evs,
        &[true; 5],
        &v,
        (0.0, f64::NAN),
        Orientation::Vertical,
        &metrics(),
        Lang::En,
        &measure,
    );
    assert!(
        !zero.items.is_empty(),
        "events are still placed, at the axis's origin"
    );
    assert!(zero.items.iter().all(|it| it.label.is_none()));
}

#[test]
fn cost_follows_the_visible_events() {
    use std::cell::Cell;
    let evs = many();
    let index = SpanIndex::new(&evs);
    let v = view("2015-03-01", "2015-04-01");
    let in_view = evs.iter().filter(|e| {
        let d = f64::from(e.date.days());
        (d >= v.start && d <= v.end)
            || (d < v.start && e.end.is_some_and(|x| f64::from(x.days()) + 1.0 > v.start))
    });
    let expected = in_view.count();
    let calls = Cell::new(0usize);
    let counting = |s: &str| {
        calls.set(calls.get() + 1);
        measure(s)
    };
    let l = layout_indexed(
        &evs,
        &index,
        &[true; 5],
        &v,
        (1200.0, 400.0),
        Orientation::Horizontal,
        &metrics(),
        Lang::En,
        &counting,
    );
    assert_eq!(l.items.len(), expected);
    assert!(
        expected < 60,
        "a month holds ~42 of 10,005 events, got {expected}"
    );
    // Each visible label costs a handful of measurements, not the total.
    // (Time itself is left to bench/timeline.bench.mjs, in a release
    // build: any wall-clock bound on a debug build on a shared machine is
    // either flaky or too loose to fail.)
    assert!(
        calls.get() < 20 * expected + 100,
        "{} measure calls",
        calls.get()
    );
    let plain = layout(
        &evs,
        &[true; 5],
        &v,
        (1200.0, 400.0),
        Orientation::Horizontal,
        &metrics(),
        Lang::En,
        &measure,
    );
    assert_eq!(plain, l);
}
