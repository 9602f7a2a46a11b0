//! The layout's result types and its entry points: which events are shown,
//! where their markers and bars go, and the context every placement step
//! shares. The placement of each orientation is in `horizontal.rs` and
//! `vertical.rs`.

use super::horizontal::horizontal;
use super::spans::{end_exclusive, visible_events, SpanSource};
use super::vertical::vertical;
use super::{Metrics, Orientation, Rect, SpanIndex, Tick, View};
use crate::core::model::{Category, Event, Lang};

/// A piece of text and the box it occupies.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Possibly shortened with '…'.
    pub text: String,
    pub rect: Rect,
}

/// One timeline lane (a category).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub category: Category,
    /// The lane's band (a row when horizontal, a column when vertical); empty when hidden.
    pub rect: Rect,
    pub visible: bool,
    /// The lane's name at the left edge (horizontal only: vertical columns
    /// are too narrow, the lane toggles serve as legend there).
    pub name: Option<Label>,
}

/// One visible event.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Index into the events slice given to [`layout`].
    pub event: usize,
    /// Marker centre; for a span that began before the window, the point
    /// where its bar enters the plot.
    pub pos: (f64, f64),
    pub radius: f64,
    /// Whether a marker is drawn at `pos` (false when the event's start is
    /// before the window, where only its bar is visible).
    pub marker: bool,
    /// The bar of a span, clipped to the plot.
    pub span: Option<Rect>,
    pub label: Option<Label>,
}

/// A tick with its place on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedTick {
    pub tick: Tick,
    /// Absolute pixel position along the time axis (x when horizontal, y when vertical).
    pub pos: f64,
    /// Where the tick's label goes; `None` when it would leave the canvas.
    pub label: Option<Rect>,
}

/// Everything the drawing and the pointer handling need, in device pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub orientation: Orientation,
    pub size: (f64, f64),
    /// The area the time axis spans; every marker and event label is inside it.
    pub plot: Rect,
    pub view: View,
    pub metrics: Metrics,
    /// All five lanes in [`Category::ALL`] order, hidden ones with `visible == false`.
    pub lanes: Vec<Lane>,
    /// Visible events in date order (spans begun before the window first).
    pub items: Vec<Item>,
    pub ticks: Vec<PlacedTick>,
}

impl Layout {
    /// Length of the time axis in pixels.
    pub fn axis_len(&self) -> f64 {
        match self.orientation {
            Orientation::Horizontal => self.plot.2,
            Orientation::Vertical => self.plot.3,
        }
    }

    fn axis_origin(&self) -> f64 {
        match self.orientation {
            Orientation::Horizontal => self.plot.0,
            Orientation::Vertical => self.plot.1,
        }
    }

    /// Absolute pixel position (x or y, by orientation) of `day`.
    pub fn pos_of(&self, day: f64) -> f64 {
        self.axis_origin() + self.view.pos_of(day, self.axis_len())
    }

    /// The day under the canvas point `(x, y)`, e.g. the anchor of a wheel zoom.
    pub fn day_at(&self, x: f64, y: f64) -> f64 {
        let along = match self.orientation {
            Orientation::Horizontal => x,
            Orientation::Vertical => y,
        };
        self.view
            .day_at(along - self.axis_origin(), self.axis_len())
    }

    /// Whether an absolute axis position is inside the plot.
    pub fn axis_contains(&self, pos: f64) -> bool {
        let o = self.axis_origin();
        pos >= o - 0.5 && pos <= o + self.axis_len() + 0.5
    }

    /// The item drawn for event `event`, if it is visible.
    pub fn item_for(&self, event: usize) -> Option<&Item> {
        self.items.iter().find(|it| it.event == event)
    }
}

/// What every placement step needs.
pub(super) struct Ctx<'a> {
    pub(super) events: &'a [Event],
    pub(super) view: View,
    pub(super) metrics: Metrics,
    pub(super) lang: Lang,
    pub(super) measure: &'a dyn Fn(&str) -> f64,
    pub(super) size: (f64, f64),
    pub(super) line: f64,
}

impl Ctx<'_> {
    pub(super) fn title(&self, i: usize) -> &str {
        self.events.get(i).map_or("", |e| e.title.get(self.lang))
    }

    /// Label placement order: priority 1 first, then by date (the slice order).
    pub(super) fn priority_order(&self, items: &[Item], members: &[usize]) -> Vec<usize> {
        let mut order = members.to_vec();
        crate::core::order::sort_by_key(&mut order, |&k| {
            (
                self.events
                    .get(items[k].event)
                    .map_or(u8::MAX, |e| e.priority),
                items[k].event,
            )
        });
        order
    }
}

/// Lays out the timeline. Finds spans begun before the window by reading
/// the `end` of the earlier events, a single cheap pass; when laying out on
/// every frame, keep a [`SpanIndex`] and call [`layout_indexed`], whose cost
/// follows the visible events only.
#[allow(clippy::too_many_arguments)] // The web layer's call names each input; a struct would only rename them.
pub fn layout(
    events: &[Event],
    lanes_visible: &[bool; 5],
    view: &View,
    size: (f64, f64),
    orientation: Orientation,
    metrics: &Metrics,
    lang: Lang,
    measure: &dyn Fn(&str) -> f64,
) -> Layout {
    let visible = visible_events(events, view, SpanSource::Scan);
    layout_visible(
        events,
        &visible,
        lanes_visible,
        view,
        size,
        orientation,
        metrics,
        lang,
        measure,
    )
}

/// [`layout`] with a prebuilt [`SpanIndex`] of `events`: O(log n + visible + spans).
#[allow(clippy::too_many_arguments)]
pub fn layout_indexed(
    events: &[Event],
    index: &SpanIndex,
    lanes_visible: &[bool; 5],
    view: &View,
    size: (f64, f64),
    orientation: Orientation,
    metrics: &Metrics,
    lang: Lang,
    measure: &dyn Fn(&str) -> f64,
) -> Layout {
    let visible = visible_events(events, view, SpanSource::Index(index));
    layout_visible(
        events,
        &visible,
        lanes_visible,
        view,
        size,
        orientation,
        metrics,
        lang,
        measure,
    )
}

#[allow(clippy::too_many_arguments)]
fn layout_visible(
    events: &[Event],
    visible: &[usize],
    lanes_visible: &[bool; 5],
    view: &View,
    size: (f64, f64),
    orientation: Orientation,
    metrics: &Metrics,
    lang: Lang,
    measure: &dyn Fn(&str) -> f64,
) -> Layout {
    let clean = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
    let size = (clean(size.0), clean(size.1));
    let view = View::new(view.start, view.end);
    let ctx = Ctx {
        events,
        view,
        metrics: *metrics,
        lang,
        measure,
        size,
        line: metrics.line_px(),
    };
    let shown: Vec<usize> = visible
        .iter()
        .copied()
        .filter(|&i| {
            events
                .get(i)
                .is_some_and(|e| lanes_visible[e.category.index()])
        })
        .collect();
    match orientation {
        Orientation::Horizontal => horizontal(&ctx, &shown, lanes_visible),
        Orientation::Vertical => vertical(&ctx, &shown, lanes_visible),
    }
}

/// Lane `category`'s slot among the visible lanes, if visible.
pub(super) fn lane_slot(lanes_visible: &[bool; 5], category: Category) -> Option<usize> {
    let i = category.index();
    lanes_visible[i].then(|| lanes_visible[..i].iter().filter(|&&v| v).count())
}

/// The marker and bar of event `i`, centred across the time axis on
/// `cross` (a row's y when horizontal, a column's x when vertical).
pub(super) fn place_item(
    ctx: &Ctx<'_>,
    i: usize,
    e: &Event,
    plot: &Rect,
    cross: f64,
    orientation: Orientation,
) -> Option<Item> {
    let (origin, len) = match orientation {
        Orientation::Horizontal => (plot.0, plot.2),
        Orientation::Vertical => (plot.1, plot.3),
    };
    let along = |day: f64| origin + ctx.view.pos_of(day, len);
    let far = origin + len;
    let start = f64::from(e.date.days());
    let at = along(start);
    if at > far + 1e-9 {
        return None;
    }
    let marker = start >= ctx.view.start;
    let at = at.max(origin);
    let bar = bar_thickness(&ctx.metrics);
    let span = e.end.map(|_| {
        // max/min, not f64::clamp, which panics when the bounds cross.
        let length = (along(end_exclusive(e)).max(origin).min(far) - at)
            .max(1.0)
            .min(far - at);
        match orientation {
            Orientation::Horizontal => (at, cross - bar / 2.0, length, bar),
            Orientation::Vertical => (cross - bar / 2.0, at, bar, length),
        }
    });
    let pos = match orientation {
        Orientation::Horizontal => (at, cross),
        Orientation::Vertical => (cross, at),
    };
    Some(Item {
        event: i,
        pos,
        radius: ctx.metrics.radius(e.priority),
        marker,
        span,
        label: None,
    })
}

/// Drops point markers that would land on one another: in each lane, the
/// points within half a marker radius of the first point of their cluster
/// share one spot, taken by the highest-priority event among them (so each
/// dropped event is within one radius of the marker drawn). Spans are always
/// kept. Zoomed out over thousands of events this keeps the drawing cost
/// proportional to the pixels, not the events; zooming in brings every
/// event back, and the keyboard reaches all of them regardless.
pub(super) fn thin_markers(ctx: &Ctx<'_>, items: Vec<Item>, along: fn(&Item) -> f64) -> Vec<Item> {
    let min_gap = ctx.metrics.marker_px.max(1.0) * 0.5;
    let mut kept: Vec<Item> = Vec::with_capacity(items.len());
    // Per lane: the index in `kept` of the cluster's marker, and where the cluster began.
    let mut cluster: [Option<(usize, f64)>; 5] = [None; 5];
    let lane_of = |it: &Item| ctx.events.get(it.event).map_or(0, |e| e.category.index());
    let priority_of = |it: &Item| ctx.events.get(it.event).map_or(u8::MAX, |e| e.priority);
    for it in items {
        if it.span.is_some() || !it.marker {
            kept.push(it);
            continue;
        }
        let lane = lane_of(&it);
        let pos = along(&it);
        match cluster[lane] {
            Some((k, anchor)) if (pos - anchor).abs() < min_gap => {
                if priority_of(&it) < priority_of(&kept[k]) {
                    kept[k] = it;
                }
            }
            _ => {
                cluster[lane] = Some((kept.len(), pos));
                kept.push(it);
            }
        }
    }
    kept
}

fn bar_thickness(m: &Metrics) -> f64 {
    (m.marker_px * 0.6).max(2.0)
}
