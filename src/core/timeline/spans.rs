//! Which events are in view: the lanes that have events, the index of the
//! spans (events with an end), and the visible events of a window found by
//! binary search.

use super::View;
use crate::core::model::Event;

/// Which lanes have at least one event: an empty lane starts hidden rather
/// than taking a fifth of the drawing to say nothing.
pub fn lanes_with_events(events: &[Event]) -> [bool; 5] {
    let mut lanes = [false; 5];
    for e in events {
        lanes[e.category.index()] = true;
    }
    lanes
}

/// Indices of the events that have an end (spans), in date order.
///
/// Why: a span that began before the window can still cover it, and only
/// spans can, so keeping them apart lets [`layout_indexed`](super::layout_indexed) find them
/// without reading every point event. Build it once per dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanIndex {
    spans: Vec<usize>,
}

impl SpanIndex {
    pub fn new(events: &[Event]) -> SpanIndex {
        SpanIndex {
            spans: events
                .iter()
                .enumerate()
                .filter(|(_, e)| e.end.is_some())
                .map(|(i, _)| i)
                .collect(),
        }
    }
}

/// Where the spans begun before the window come from.
pub(super) enum SpanSource<'a> {
    Index(&'a SpanIndex),
    /// No index: read `end` of the events before the window.
    Scan,
}

/// The day after an event's last day: a span's bar (and a point's day) ends there.
pub(super) fn end_exclusive(e: &Event) -> f64 {
    f64::from(e.end.unwrap_or(e.date).days()) + 1.0
}

fn is_visible_span(e: &Event, view: &View) -> bool {
    e.end.is_some() && end_exclusive(e) > view.start
}

/// Indices of the events inside `view`, in date order: spans begun before
/// it, then everything starting inside it (found by binary search).
pub(super) fn visible_events(events: &[Event], view: &View, source: SpanSource<'_>) -> Vec<usize> {
    let lo = events.partition_point(|e| f64::from(e.date.days()) < view.start);
    let hi = events
        .partition_point(|e| f64::from(e.date.days()) <= view.end)
        .max(lo);
    let mut out: Vec<usize> = match source {
        SpanSource::Index(index) => {
            let before = index.spans.partition_point(|&i| i < lo);
            index.spans[..before]
                .iter()
                .copied()
                .filter(|&i| events.get(i).is_some_and(|e| is_visible_span(e, view)))
                .collect()
        }
        SpanSource::Scan => (0..lo)
            .filter(|&i| is_visible_span(&events[i], view))
            .collect(),
    };
    out.extend(lo..hi);
    out
}
