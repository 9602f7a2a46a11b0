//! From a point or a key to an event: hit-testing a canvas point, the
//! event nearest a date, and the next event for the arrow keys.

use super::{Layout, Rect};
use crate::core::model::Event;

pub(super) fn rect_contains(r: &Rect, x: f64, y: f64, slop: f64) -> bool {
    x >= r.0 - slop && x <= r.0 + r.2 + slop && y >= r.1 - slop && y <= r.1 + r.3 + slop
}

/// The event under canvas point `(x, y)`: the nearest marker within its
/// radius plus `slop_px` (fingers are wider than markers), else a label
/// under the point, else a span bar within `slop_px`.
pub fn hit_test(layout: &Layout, x: f64, y: f64, slop_px: f64) -> Option<usize> {
    let slop = if slop_px.is_finite() {
        slop_px.max(0.0)
    } else {
        0.0
    };
    let nearest = layout
        .items
        .iter()
        .filter(|it| it.marker)
        .map(|it| (it, (it.pos.0 - x).hypot(it.pos.1 - y)))
        .filter(|(it, d)| *d <= it.radius + slop)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((it, _)) = nearest {
        return Some(it.event);
    }
    let on_label = layout.items.iter().find(|it| {
        it.label
            .as_ref()
            .is_some_and(|l| rect_contains(&l.rect, x, y, 0.0))
    });
    if let Some(it) = on_label {
        return Some(it.event);
    }
    layout
        .items
        .iter()
        .rev()
        .find(|it| it.span.is_some_and(|r| rect_contains(&r, x, y, slop)))
        .map(|it| it.event)
}

/// The event closest in date to `day` (the earlier one on a tie, the first
/// of several on one day).
pub fn nearest_event(events: &[Event], day: i32) -> Option<usize> {
    let after = events.partition_point(|e| e.date.days() < day);
    let distance = |i: usize| {
        events
            .get(i)
            .map(|e| (i64::from(e.date.days()) - i64::from(day)).abs())
    };
    let best = match (
        after
            .checked_sub(1)
            .and_then(|b| distance(b).map(|d| (b, d))),
        distance(after),
    ) {
        (Some((b, db)), Some(da)) if db <= da => b,
        (Some((b, _)), None) => b,
        (_, Some(_)) => after,
        (None, None) => return None,
    };
    let date = events[best].date;
    Some(events.partition_point(|e| e.date < date))
}

/// The next (or previous) event in date order from `current`, skipping
/// hidden lanes, for the arrow keys; from nothing, the first (or last).
pub fn next_event(
    events: &[Event],
    lanes_visible: &[bool; 5],
    current: Option<usize>,
    forward: bool,
) -> Option<usize> {
    let shown = |e: &Event| lanes_visible[e.category.index()];
    match (current, forward) {
        (None, true) => events.iter().position(shown),
        (None, false) => events.iter().rposition(shown),
        (Some(c), true) => {
            let from = c.checked_add(1)?;
            events.get(from..)?.iter().position(shown).map(|k| from + k)
        }
        (Some(c), false) => events[..c.min(events.len())].iter().rposition(shown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::timeline::test_support::{day, sample};

    #[test]
    fn nearest_and_next() {
        let evs = sample();
        assert_eq!(nearest_event(&evs, day("2018-11-01")), Some(0));
        assert_eq!(nearest_event(&evs, day("2019-03-02")), Some(2));
        assert_eq!(nearest_event(&evs, day("2019-03-04")), Some(3));
        assert_eq!(nearest_event(&evs, day("2030-01-01")), Some(5));
        assert_eq!(nearest_event(&[], 0), None);
        let mut same_day = sample();
        same_day[3].date = same_day[2].date;
        assert_eq!(
            nearest_event(&same_day, day("2019-03-04")),
            Some(2),
            "first of a day"
        );

        let trade_hidden = [true, false, true, true, true];
        assert_eq!(next_event(&evs, &trade_hidden, Some(1), true), Some(5));
        assert_eq!(next_event(&evs, &trade_hidden, Some(5), false), Some(1));
        assert_eq!(next_event(&evs, &trade_hidden, Some(5), true), None);
        assert_eq!(next_event(&evs, &trade_hidden, None, true), Some(0));
        assert_eq!(
            next_event(&evs, &[false, true, false, false, false], None, false),
            Some(4)
        );
        assert_eq!(next_event(&evs, &[false; 5], None, true), None);
        assert_eq!(next_event(&evs, &[true; 5], Some(99), false), Some(5));
        assert_eq!(next_event(&evs, &[true; 5], Some(usize::MAX), true), None);
    }
}
