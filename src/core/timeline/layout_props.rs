//! Properties of the layout on random events, windows and sizes: every
//! visible event is drawn or covered, labels never overlap one another or a
//! marker, nothing leaves the plot, and what is drawn is what a tap finds.

use super::hit::rect_contains;
use super::spans::end_exclusive;
use super::test_support::{day, event, measure, metrics};
use super::*;
use crate::core::model::{Category, Event, Lang};
use proptest::prelude::*;

fn arb_events() -> impl Strategy<Value = Vec<Event>> {
    let one = (
        0i32..2000,
        prop::option::weighted(0.15, 0i32..600),
        0usize..5,
        1u8..=3,
        "[A-Za-z]{1,8}( [A-Za-z]{1,9}){0,4}",
    );
    prop::collection::vec(one, 0..120).prop_map(|raw| {
        let base = day("2016-01-01");
        let mut evs: Vec<Event> = raw
            .into_iter()
            .enumerate()
            .map(|(n, (d, len, c, p, title))| {
                event(
                    n,
                    base + d,
                    len.map(|l| base + d + l),
                    Category::ALL[c],
                    p,
                    &title,
                )
            })
            .collect();
        evs.sort_by_key(|e| e.date);
        evs
    })
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.0 < b.0 + b.2 - 1e-9
        && b.0 < a.0 + a.2 - 1e-9
        && a.1 < b.1 + b.3 - 1e-9
        && b.1 < a.1 + a.3 - 1e-9
}

fn inside(r: &Rect, outer: &Rect) -> bool {
    r.0 >= outer.0 - 1e-9
        && r.1 >= outer.1 - 1e-9
        && r.0 + r.2 <= outer.0 + outer.2 + 1e-9
        && r.1 + r.3 <= outer.1 + outer.3 + 1e-9
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn labels_never_overlap_and_stay_inside(
        evs in arb_events(),
        start in -200.0f64..2200.0,
        span in 14.0f64..3000.0,
        w in 120.0f64..1400.0,
        h in 80.0f64..800.0,
        vertical in any::<bool>(),
        lanes in any::<[bool; 5]>(),
        fr in any::<bool>(),
    ) {
        let base = f64::from(day("2016-01-01"));
        let v = View { start: base + start, end: base + start + span };
        let orientation = if vertical { Orientation::Vertical } else { Orientation::Horizontal };
        let lang = if fr { Lang::Fr } else { Lang::En };
        let l = layout(&evs, &lanes, &v, (w, h), orientation, &metrics(), lang, &measure);

        // The visible events of visible lanes, each at most once; a point
        // event is left out only when a drawn point of its lane sits
        // within half a marker radius of where it would be (thinning).
        let expected: Vec<usize> = (0..evs.len()).filter(|&i| {
            let e = &evs[i];
            let d = f64::from(e.date.days());
            let begun_before = e.end.is_some() && end_exclusive(e) > v.start;
            lanes[e.category.index()] && d <= v.end && (d >= v.start || begun_before)
        }).collect();
        let mut got: Vec<usize> = l.items.iter().map(|it| it.event).collect();
        got.sort_unstable();
        let before_dedup = got.len();
        got.dedup();
        prop_assert_eq!(got.len(), before_dedup, "an event drawn twice");
        let axis = |day: f64| l.pos_of(day);
        let along = |it: &Item| if vertical { it.pos.1 } else { it.pos.0 };
        let gap = metrics().marker_px + 1e-6;
        for &i in &expected {
            if got.binary_search(&i).is_ok() {
                continue;
            }
            let e = &evs[i];
            prop_assert!(e.end.is_none(), "span {} missing", i);
            let at = axis(f64::from(e.date.days()));
            let covered = l.items.iter().any(|it| {
                evs[it.event].category == e.category && it.span.is_none() && (along(it) - at).abs() < gap
            });
            prop_assert!(covered, "event {} at {} neither drawn nor covered", i, at);
        }
        prop_assert!(got.iter().all(|i| expected.contains(i)), "an invisible event drawn");

        let placed: Vec<(&Item, &Label)> =
            l.items.iter().filter_map(|it| it.label.as_ref().map(|lb| (it, lb))).collect();
        for (i, (it, lb)) in placed.iter().enumerate() {
            prop_assert!(inside(&lb.rect, &l.plot), "label {:?} outside plot {:?}", lb.rect, l.plot);
            let title = evs[it.event].title.get(lang);
            let whole = lb.text == title;
            let cut = lb.text.strip_suffix('…').is_some_and(|p| !p.is_empty() && title.starts_with(p));
            prop_assert!(whole || cut, "{:?} from {:?}", lb.text, title);
            prop_assert!((lb.rect.2 - measure(&lb.text)).abs() < 1e-6);
            for (_, other) in &placed[i + 1..] {
                prop_assert!(!overlap(&lb.rect, &other.rect), "{:?} overlaps {:?}", lb.rect, other.rect);
            }
            for m in l.items.iter().filter(|m| m.marker) {
                let bbox = (m.pos.0 - m.radius, m.pos.1 - m.radius, 2.0 * m.radius, 2.0 * m.radius);
                prop_assert!(!overlap(&lb.rect, &bbox), "label {:?} covers marker {:?}", lb.rect, m.pos);
            }
            let centre = (lb.rect.0 + lb.rect.2 / 2.0, lb.rect.1 + lb.rect.3 / 2.0);
            prop_assert_eq!(hit_test(&l, centre.0, centre.1, 0.0), Some(it.event));
        }
        for it in l.items.iter().filter(|it| it.marker) {
            prop_assert!(rect_contains(&l.plot, it.pos.0, it.pos.1, 1e-6));
            let hit = hit_test(&l, it.pos.0, it.pos.1, 2.0).and_then(|e| l.item_for(e));
            prop_assert!(hit.is_some_and(|h| h.marker && h.pos == it.pos));
        }
        for it in &l.items {
            if let Some(r) = it.span {
                prop_assert!(inside(&r, &l.plot));
            }
        }
    }
}
