//! The relations timeline's geometry: the visible window, calendar ticks,
//! lanes, marker and label placement, and hit-testing.
//!
//! Pure Rust with no plotters and no web-sys, so every rule here (labels never
//! overlap, nothing leaves the plot, cost follows what is visible) is tested
//! natively; the drawing ([`crate::draw::timeline`]) only paints a
//! [`Layout`](crate::core::timeline::Layout).
//!
//! Units: lengths are device pixels (the caller multiplies CSS pixels by
//! devicePixelRatio), time is days since 1970-01-01 as `f64`, fractional so
//! that zooming and panning are smooth. A day `d` is drawn at the position of
//! its start, `pos_of(d)`, like the tick of the same day.

use super::date::{days_in_month, Date, MAX_YEAR, MIN_YEAR};
use super::format::month_short;
use super::model::{Category, Event, Lang};

/// `(x, y, width, height)` in device pixels.
pub type Rect = (f64, f64, f64, f64);

/// The narrowest window: two weeks still shows day ticks with room for labels.
pub const MIN_SPAN_DAYS: f64 = 14.0;
/// The widest window: beyond 30 years the markers of a decade-long story merge.
pub const MAX_SPAN_DAYS: f64 = 30.0 * 365.2425;
/// Fraction of the window that may be panned past either end of the data, so
/// the first and last markers (and the label right of the last) stay readable.
const CLAMP_SLACK: f64 = 0.1;
/// A shortened label keeps at least this many characters before the '…':
/// fewer says nothing and only adds clutter.
const MIN_LABEL_CHARS: usize = 4;
/// Line height of a label as a multiple of the font size.
const LINE_HEIGHT: f64 = 1.3;

/// Which way time runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Time along x, one row per lane: needs width for labels.
    Horizontal,
    /// Time down the y axis, narrow lane columns, labels in the remaining
    /// width: for phones, where a horizontal row leaves no room for text.
    Vertical,
}

impl Orientation {
    /// Below this CSS width a horizontal row has no room for labels.
    pub const VERTICAL_BELOW_CSS_PX: f64 = 480.0;

    /// The orientation for a container `css_width` CSS pixels wide: the one
    /// rule of the canvas and the SVG fallback. A width that is not positive
    /// (a container not laid out yet, or hidden) keeps the horizontal default
    /// rather than flipping to vertical until it is measured.
    pub fn for_css_width(css_width: f64) -> Orientation {
        if css_width > 0.0 && css_width < Self::VERTICAL_BELOW_CSS_PX {
            Orientation::Vertical
        } else {
            Orientation::Horizontal
        }
    }
}

/// The visible window of time, in days (fractional).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub start: f64,
    pub end: f64,
}

impl View {
    /// The margin, as a fraction of the data's length, of the window the
    /// timeline opens with and returns to on "fit": [`View::fit`]`(events, View::FIT_PAD)`.
    pub const FIT_PAD: f64 = 0.03;

    /// A window from `start` to `end`, repaired if the numbers are unusable
    /// (non-finite, reversed or narrower than [`MIN_SPAN_DAYS`]) so that every
    /// later division by the span is safe.
    pub fn new(start: f64, end: f64) -> View {
        if !start.is_finite() || !end.is_finite() {
            return View {
                start: 0.0,
                end: 365.0,
            };
        }
        let (a, b) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        let span = (b - a).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let centre = (a + b) / 2.0;
        View {
            start: centre - span / 2.0,
            end: centre + span / 2.0,
        }
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    pub fn centre(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// The window showing every event (spans to their last day) with
    /// `pad_fraction` of the data's length added on each side. With no events,
    /// an arbitrary year, so callers never have to special-case it.
    pub fn fit(events: &[Event], pad_fraction: f64) -> View {
        let lo = events.iter().map(|e| e.date.days()).min();
        let hi = events.iter().map(|e| e.end.unwrap_or(e.date).days()).max();
        let (Some(lo), Some(hi)) = (lo, hi) else {
            return View::new(0.0, 365.0);
        };
        let (lo, hi) = (f64::from(lo), f64::from(hi) + 1.0);
        let pad = if pad_fraction.is_finite() {
            pad_fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let margin = (hi - lo) * pad;
        View::new(lo - margin, hi + margin)
    }

    /// Zooms by `factor` (> 1 zooms in) keeping `anchor_day` at the same
    /// place on screen (the day under the pointer stays under the pointer);
    /// the span stays between two weeks and thirty years.
    pub fn zoom(&mut self, factor: f64, anchor_day: f64) {
        let span = self.span();
        if !(factor.is_finite() && factor > 0.0 && span > 0.0) {
            return;
        }
        let new_span = (span / factor).clamp(MIN_SPAN_DAYS, MAX_SPAN_DAYS);
        let anchor = if anchor_day.is_finite() {
            anchor_day
        } else {
            self.centre()
        };
        let t = (anchor - self.start) / span;
        self.start = anchor - t * new_span;
        self.end = self.start + new_span;
    }

    /// Moves the window by `delta_days` (positive: later).
    pub fn pan(&mut self, delta_days: f64) {
        if delta_days.is_finite() {
            self.start += delta_days;
            self.end += delta_days;
        }
    }

    /// Keeps the window over the data (`min_day`..`max_day`) with a slack of
    /// a tenth of the window, so panning cannot lose the story; a window wider
    /// than the data is centred on it. The span is never changed.
    pub fn clamp_to(&mut self, min_day: f64, max_day: f64) {
        if !min_day.is_finite() || !max_day.is_finite() {
            return;
        }
        let (lo, hi) = if min_day <= max_day {
            (min_day, max_day)
        } else {
            (max_day, min_day)
        };
        let span = self.span();
        let slack = span * CLAMP_SLACK;
        let (lo, hi) = (lo - slack, hi + slack);
        if span >= hi - lo {
            self.start = (lo + hi) / 2.0 - span / 2.0;
        } else if self.start < lo {
            self.start = lo;
        } else if self.end > hi {
            self.start = hi - span;
        }
        self.end = self.start + span;
    }

    /// The day at `pos_px` along an axis `axis_len_px` long (0 = window start).
    pub fn day_at(&self, pos_px: f64, axis_len_px: f64) -> f64 {
        if axis_len_px > 0.0 {
            self.start + pos_px / axis_len_px * self.span()
        } else {
            self.start
        }
    }

    /// The position of `day` along an axis `axis_len_px` long (0 = window start).
    pub fn pos_of(&self, day: f64, axis_len_px: f64) -> f64 {
        let span = self.span();
        if span > 0.0 {
            (day - self.start) / span * axis_len_px
        } else {
            0.0
        }
    }
}

/// One calendar tick of the time axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub day: i32,
    pub label: String,
    /// A calendar boundary one level up (a year for month ticks, a month for
    /// day ticks): drawn with a stronger grid line.
    pub major: bool,
}

/// Tick intervals, finest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Days 1, 1+n, 1+2n … of each month (so ticks restart on the 1st).
    Days(u32),
    /// Months 1, 1+n … of each year (quarters for n = 3).
    Months(u32),
    /// Years divisible by n.
    Years(i32),
}

const STEPS: [Step; 15] = [
    Step::Days(1),
    Step::Days(2),
    Step::Days(7),
    Step::Days(14),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
];

impl Step {
    /// The shortest gap between two consecutive ticks, in days (a lower
    /// bound, so a step chosen by it never crowds).
    fn min_gap_days(self) -> f64 {
        match self {
            Step::Days(n) => f64::from(n),
            Step::Months(n) => 28.0 * f64::from(n),
            Step::Years(n) => 365.0 * f64::from(n),
        }
    }

    /// Every tick day of this step in `lo..=hi`. The caller only picks a step
    /// whose ticks are at least `min_spacing` apart, so this is bounded by the
    /// axis length, whatever the zoom.
    fn days_between(self, lo: Date, hi: Date) -> Vec<i32> {
        let (lo_d, hi_d) = (lo.days(), hi.days());
        let in_range = |d: &Date| (lo_d..=hi_d).contains(&d.days());
        match self {
            Step::Years(n) => (lo.year()..=hi.year())
                .filter(|y| y.rem_euclid(n) == 0)
                .filter_map(|y| Date::from_ymd(y, 1, 1))
                .filter(in_range)
                .map(Date::days)
                .collect(),
            Step::Months(n) => months_between(lo, hi)
                .filter(|&(_, m)| (m - 1) % n == 0)
                .filter_map(|(y, m)| Date::from_ymd(y, m, 1))
                .filter(in_range)
                .map(Date::days)
                .collect(),
            Step::Days(n) => months_between(lo, hi)
                .flat_map(|(y, m)| {
                    let dim = days_in_month(y, m);
                    // The last tick of a month must be a full step before the
                    // next month's 1st, or the two would crowd.
                    (1..=dim.saturating_sub(n - 1))
                        .step_by(n as usize)
                        .filter_map(move |d| Date::from_ymd(y, m, d))
                })
                .filter(in_range)
                .map(Date::days)
                .collect(),
        }
    }
}

/// (year, month) from `lo`'s month to `hi`'s month inclusive.
fn months_between(lo: Date, hi: Date) -> impl Iterator<Item = (i32, u32)> {
    let index = |d: Date| {
        let (y, m, _) = d.ymd();
        y * 12 + m as i32 - 1
    };
    (index(lo)..=index(hi)).map(|i| (i.div_euclid(12), i.rem_euclid(12) as u32 + 1))
}

/// "12 Mar", "12 mars", and French "1er mars" for the first of a month.
fn day_month(d: u32, m: u32, lang: Lang) -> String {
    match (lang, d) {
        (Lang::Fr, 1) => format!("1er {}", month_short(m, lang)),
        _ => format!("{d} {}", month_short(m, lang)),
    }
}

/// The tick of `day` for `step`. The first tick in view carries the year
/// (and month) even when it is not a boundary, so the reader always has
/// the context of the shorter labels after it.
fn make_tick(day: i32, step: Step, first: bool, lang: Lang) -> Tick {
    let (y, m, d) = Date::from_days(day).ymd();
    let (label, major) = match step {
        Step::Years(_) => (y.to_string(), true),
        Step::Months(_) => {
            let major = m == 1;
            let name = month_short(m, lang);
            (
                if major || first {
                    format!("{name} {y}")
                } else {
                    name.to_string()
                },
                major,
            )
        }
        Step::Days(_) => {
            let major = d == 1;
            let dm = day_month(d, m, lang);
            (
                if first || (major && m == 1) {
                    format!("{dm} {y}")
                } else {
                    dm
                },
                major,
            )
        }
    };
    Tick { day, label, major }
}

/// Calendar ticks inside `view` for an axis `axis_len_px` long, at least
/// `min_spacing_px` apart: years, then quarters and months, then weeks and
/// days as the zoom grows. Only ticks inside the view are generated, so the
/// cost is at most about `axis_len_px / min_spacing_px` ticks at any zoom.
pub fn ticks(view: &View, axis_len_px: f64, min_spacing_px: f64, lang: Lang) -> Vec<Tick> {
    let span = view.span();
    let usable = axis_len_px.is_finite() && axis_len_px > 0.0 && span.is_finite() && span > 0.0;
    if !usable || min_spacing_px.is_nan() {
        return Vec::new();
    }
    let spacing = min_spacing_px.max(1.0);
    let px_per_day = axis_len_px / span;
    let step = STEPS
        .iter()
        .copied()
        .find(|s| s.min_gap_days() * px_per_day >= spacing)
        .unwrap_or(Step::Years(100));
    let (Some(first), Some(last)) = (
        Date::from_ymd(MIN_YEAR, 1, 1),
        Date::from_ymd(MAX_YEAR, 12, 31),
    ) else {
        return Vec::new();
    };
    let lo = view.start.ceil().max(f64::from(first.days()));
    let hi = view.end.floor().min(f64::from(last.days()));
    if lo > hi {
        return Vec::new();
    }
    let mut out: Vec<Tick> = Vec::new();
    let mut last_pos = f64::NEG_INFINITY;
    for day in step.days_between(Date::from_days(lo as i32), Date::from_days(hi as i32)) {
        let pos = view.pos_of(f64::from(day), axis_len_px);
        // Months differ in length, so this guard (not the step choice alone)
        // is what guarantees the spacing.
        if pos - last_pos < spacing - 1e-9 {
            continue;
        }
        last_pos = pos;
        out.push(make_tick(day, step, out.is_empty(), lang));
    }
    out
}

/// devicePixelRatio as every drawing uses it: a ratio the browser reports
/// as zero, negative or not a number is taken as 1, and it is kept between
/// 0.5 and 4 (beyond that, text and canvases grow absurd or vanish).
pub fn usable_dpr(dpr: f64) -> f64 {
    if dpr.is_finite() && dpr > 0.0 {
        dpr.clamp(0.5, 4.0)
    } else {
        1.0
    }
}

/// `css` CSS pixels in device pixels at devicePixelRatio `dpr`, rounded to
/// a whole pixel so that lines and text sit on the pixel grid.
pub fn device_px(css: f64, dpr: f64) -> f64 {
    (css * dpr).round()
}

/// Sizes of the layout, in device pixels: [`Metrics::new`] gives the
/// widget's, for the canvas and the SVG fallback alike.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Font size of every label; `measure` must measure at this size.
    pub font_px: f64,
    /// Width of one lane column in the vertical orientation.
    pub lane_px: f64,
    /// Diameter of an ordinary marker (priority 1 is a quarter larger).
    pub marker_px: f64,
    /// Padding around the plot and between a marker and its label.
    pub pad_px: f64,
    /// Height of the tick-label band under a horizontal plot.
    pub axis_px: f64,
}

impl Metrics {
    /// The widget's sizes at devicePixelRatio `dpr` (made usable by
    /// [`usable_dpr`]) for `orientation`, in device pixels: 13 CSS px text,
    /// 6 px markers, 8 px padding, a 28 px tick band, and 18 px lane columns
    /// when vertical (48 px when horizontal, where the layout does not use
    /// it: the rows share the plot's height).
    /// The one source of the timeline's sizes: the canvas and the SVG
    /// fallback both lay out with it, so they show the same picture.
    pub fn new(dpr: f64, orientation: Orientation) -> Metrics {
        let dpr = usable_dpr(dpr);
        let lane_css = match orientation {
            Orientation::Vertical => 18.0,
            Orientation::Horizontal => 48.0,
        };
        Metrics {
            font_px: device_px(13.0, dpr),
            lane_px: device_px(lane_css, dpr),
            marker_px: device_px(6.0, dpr),
            pad_px: device_px(8.0, dpr),
            axis_px: device_px(28.0, dpr),
        }
    }

    /// Height of a label's box.
    pub fn line_px(&self) -> f64 {
        (self.font_px * LINE_HEIGHT).ceil()
    }

    fn radius(&self, priority: u8) -> f64 {
        let r = self.marker_px.max(1.0) / 2.0;
        if priority <= 1 {
            r * 1.25
        } else {
            r
        }
    }

    /// The largest marker radius, used as every marker's keep-out zone so
    /// that obstacle intervals all have one width and stay sorted.
    fn max_radius(&self) -> f64 {
        self.radius(1)
    }
}

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
/// spans can, so keeping them apart lets [`layout_indexed`] find them
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
enum SpanSource<'a> {
    Index(&'a SpanIndex),
    /// No index: read `end` of the events before the window.
    Scan,
}

/// The day after an event's last day: a span's bar (and a point's day) ends there.
fn end_exclusive(e: &Event) -> f64 {
    f64::from(e.end.unwrap_or(e.date).days()) + 1.0
}

fn is_visible_span(e: &Event, view: &View) -> bool {
    e.end.is_some() && end_exclusive(e) > view.start
}

/// Indices of the events inside `view`, in date order: spans begun before
/// it, then everything starting inside it (found by binary search).
fn visible_events(events: &[Event], view: &View, source: SpanSource<'_>) -> Vec<usize> {
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

/// `text`, or its longest prefix of at least [`MIN_LABEL_CHARS`] characters
/// followed by '…', that measures at most `room`; `None` if not even that fits.
fn fit_text(text: &str, room: f64, measure: &dyn Fn(&str) -> f64) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || room.is_nan() || room <= 0.0 {
        return None;
    }
    if measure(text) <= room {
        return Some(text.to_string());
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= MIN_LABEL_CHARS {
        return None;
    }
    let fits = |k: usize| measure(&shortened(&chars, k)) <= room;
    let (mut lo, mut hi) = (MIN_LABEL_CHARS, chars.len() - 1);
    if !fits(lo) {
        return None;
    }
    // Binary search: measuring is a canvas call in the browser.
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Some(shortened(&chars, lo))
}

/// The first `k` characters without trailing spaces or punctuation, then '…'.
fn shortened(chars: &[char], k: usize) -> String {
    let prefix: String = chars[..k.min(chars.len())].iter().collect();
    let trimmed = prefix.trim_end_matches(|c: char| c.is_whitespace() || ",;:.–—-(".contains(c));
    format!("{trimmed}…")
}

/// Sorted, non-overlapping intervals along one axis: the room labels and
/// markers already take.
#[derive(Default)]
struct Occupied(Vec<(f64, f64)>);

impl Occupied {
    /// Inserts `(a, b)`, which must not overlap what is there.
    fn insert(&mut self, a: f64, b: f64) {
        let at = self.0.partition_point(|&(x, _)| x < a);
        self.0.insert(at, (a, b));
    }

    /// The first interval ending after `from`, if any. Works because all
    /// intervals here are either disjoint or of one width, so sorting by
    /// start also sorts by end.
    fn first_after(&self, from: f64) -> Option<(f64, f64)> {
        let at = self.0.partition_point(|&(_, b)| b <= from);
        self.0.get(at).copied()
    }

    fn overlaps(&self, a: f64, b: f64) -> bool {
        self.first_after(a).is_some_and(|(x, _)| x < b)
    }
}

/// What every placement step needs.
struct Ctx<'a> {
    events: &'a [Event],
    view: View,
    metrics: Metrics,
    lang: Lang,
    measure: &'a dyn Fn(&str) -> f64,
    size: (f64, f64),
    line: f64,
}

impl Ctx<'_> {
    fn title(&self, i: usize) -> &str {
        self.events.get(i).map_or("", |e| e.title.get(self.lang))
    }

    /// Label placement order: priority 1 first, then by date (the slice order).
    fn priority_order(&self, items: &[Item], members: &[usize]) -> Vec<usize> {
        let mut order = members.to_vec();
        super::order::sort_by_key(&mut order, |&k| {
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
fn lane_slot(lanes_visible: &[bool; 5], category: Category) -> Option<usize> {
    let i = category.index();
    lanes_visible[i].then(|| lanes_visible[..i].iter().filter(|&&v| v).count())
}

fn horizontal(ctx: &Ctx<'_>, shown: &[usize], lanes_visible: &[bool; 5]) -> Layout {
    let m = &ctx.metrics;
    let (w, h) = ctx.size;
    let pad = m.pad_px.max(0.0);
    let count = lanes_visible.iter().filter(|&&v| v).count();
    let widest_name = Category::ALL
        .iter()
        .filter(|c| lanes_visible[c.index()])
        .map(|c| (ctx.measure)(c.label(ctx.lang)))
        .fold(0.0, f64::max);
    let gutter = if count == 0 {
        0.0
    } else {
        widest_name.min(w * 0.25) + pad
    };
    let plot_x = pad + gutter;
    let plot = (
        plot_x,
        pad,
        (w - pad - plot_x).max(0.0),
        (h - 2.0 * pad - m.axis_px.max(0.0)).max(0.0),
    );
    let lane_h = if count == 0 {
        0.0
    } else {
        plot.3 / count as f64
    };

    let lanes: Vec<Lane> = Category::ALL
        .iter()
        .map(|&category| match lane_slot(lanes_visible, category) {
            Some(slot) => {
                let rect = (plot.0, plot.1 + slot as f64 * lane_h, plot.2, lane_h);
                let cy = rect.1 + lane_h / 2.0;
                let name = fit_text(category.label(ctx.lang), gutter - pad, ctx.measure)
                    .filter(|_| lane_h >= ctx.line)
                    .map(|text| {
                        let tw = (ctx.measure)(&text);
                        Label {
                            text,
                            rect: (pad, cy - ctx.line / 2.0, tw, ctx.line),
                        }
                    });
                Lane {
                    category,
                    rect,
                    visible: true,
                    name,
                }
            }
            None => Lane {
                category,
                rect: (plot.0, plot.1, 0.0, 0.0),
                visible: false,
                name: None,
            },
        })
        .collect();

    let items: Vec<Item> = shown
        .iter()
        .filter_map(|&i| {
            let e = ctx.events.get(i)?;
            let lane = &lanes[e.category.index()];
            place_item(
                ctx,
                i,
                e,
                &plot,
                lane.rect.1 + lane_h / 2.0,
                Orientation::Horizontal,
            )
        })
        .collect();
    let mut items = thin_markers(ctx, items, |it| it.pos.0);

    // A label taller than its lane would spill into the next lane.
    if lane_h >= ctx.line {
        for lane in lanes.iter().filter(|l| l.visible) {
            let members: Vec<usize> = (0..items.len())
                .filter(|&k| {
                    ctx.events
                        .get(items[k].event)
                        .is_some_and(|e| e.category == lane.category)
                })
                .collect();
            place_row_labels(ctx, &mut items, &members, plot.0 + plot.2);
        }
    }
    let ticks = h_ticks(ctx, &plot);
    Layout {
        orientation: Orientation::Horizontal,
        size: ctx.size,
        plot,
        view: ctx.view,
        metrics: ctx.metrics,
        lanes,
        items,
        ticks,
    }
}

/// The marker and bar of event `i`, centred across the time axis on
/// `cross` (a row's y when horizontal, a column's x when vertical).
fn place_item(
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
        let length = (along(end_exclusive(e)).clamp(origin, far) - at)
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
fn thin_markers(ctx: &Ctx<'_>, items: Vec<Item>, along: fn(&Item) -> f64) -> Vec<Item> {
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

/// Greedy labels in one horizontal row: each goes right of its marker, up to
/// the next marker or placed label (or the plot's edge), shortened to the
/// room it has, or hidden.
fn place_row_labels(ctx: &Ctx<'_>, items: &mut [Item], members: &[usize], x_max: f64) {
    let keep_out = ctx.metrics.max_radius();
    let gap = (ctx.metrics.pad_px / 2.0).max(1.0);
    let mut markers = Occupied::default();
    for &k in members.iter().filter(|&&k| items[k].marker) {
        let x = items[k].pos.0;
        markers.0.push((x - keep_out, x + keep_out));
    }
    super::order::sort_by(&mut markers.0, |a, b| a.0.total_cmp(&b.0));
    let mut labels = Occupied::default();
    for k in ctx.priority_order(items, members) {
        let (x, cy) = items[k].pos;
        let start = x + keep_out + gap;
        let Some(room) = room_right(start, x_max, &markers, &labels, gap) else {
            continue;
        };
        let Some(text) = fit_text(ctx.title(items[k].event), room, ctx.measure) else {
            continue;
        };
        let tw = (ctx.measure)(&text).min(room);
        labels.insert(start, start + tw);
        items[k].label = Some(Label {
            text,
            rect: (start, cy - ctx.line / 2.0, tw, ctx.line),
        });
    }
}

/// Free width from `start` to the first obstacle on its right; `None` if
/// `start` itself is covered.
fn room_right(
    start: f64,
    x_max: f64,
    markers: &Occupied,
    labels: &Occupied,
    gap: f64,
) -> Option<f64> {
    let mut limit = x_max;
    for occupied in [markers, labels] {
        if let Some((a, _)) = occupied.first_after(start) {
            if a <= start {
                return None;
            }
            limit = limit.min(a - gap);
        }
    }
    let room = limit - start;
    (room > 0.0).then_some(room)
}

/// Ticks along x with labels just right of their line (a tick opens the
/// period it names), widening the spacing until the labels fit.
fn h_ticks(ctx: &Ctx<'_>, plot: &Rect) -> Vec<PlacedTick> {
    let pad = ctx.metrics.pad_px.max(1.0);
    let mut spacing = ctx.metrics.font_px.max(1.0) * 3.0;
    let mut chosen = Vec::new();
    for _ in 0..6 {
        chosen = ticks(&ctx.view, plot.2, spacing, ctx.lang);
        let widest = chosen
            .iter()
            .map(|t| (ctx.measure)(&t.label))
            .fold(0.0, f64::max);
        if widest + 2.0 * pad <= spacing {
            break;
        }
        spacing = (spacing * 1.25).max(widest + 2.0 * pad);
    }
    let y = plot.1 + plot.3 + (ctx.metrics.axis_px - ctx.line).max(0.0) / 2.0;
    let mut last_right = f64::NEG_INFINITY;
    chosen
        .into_iter()
        .map(|tick| {
            let pos = plot.0 + ctx.view.pos_of(f64::from(tick.day), plot.2);
            let x = pos + pad / 2.0;
            let tw = (ctx.measure)(&tick.label);
            let fits = x >= last_right && x + tw <= ctx.size.0 && y + ctx.line <= ctx.size.1 + 0.5;
            let label = fits.then(|| {
                last_right = x + tw + pad;
                (x, y, tw, ctx.line)
            });
            PlacedTick { tick, pos, label }
        })
        .collect()
}

fn vertical(ctx: &Ctx<'_>, shown: &[usize], lanes_visible: &[bool; 5]) -> Layout {
    let m = &ctx.metrics;
    let (w, h) = ctx.size;
    let pad = m.pad_px.max(0.0);
    let (top, axis_len) = (pad, (h - 2.0 * pad).max(0.0));
    let chosen = ticks(&ctx.view, axis_len, (ctx.line * 2.5).max(1.0), ctx.lang);
    let widest_tick = chosen
        .iter()
        .map(|t| (ctx.measure)(&t.label))
        .fold(0.0, f64::max);
    let column = widest_tick.min(w * 0.35);
    let plot_x = pad + column + pad;
    let plot = (plot_x, top, (w - pad - plot_x).max(0.0), axis_len);

    let count = lanes_visible.iter().filter(|&&v| v).count();
    let lane_w = if count == 0 {
        0.0
    } else {
        m.lane_px.max(1.0).min(plot.2 * 0.5 / count as f64)
    };
    let lanes: Vec<Lane> = Category::ALL
        .iter()
        .map(|&category| match lane_slot(lanes_visible, category) {
            Some(slot) => Lane {
                category,
                rect: (plot.0 + slot as f64 * lane_w, plot.1, lane_w, plot.3),
                visible: true,
                name: None,
            },
            None => Lane {
                category,
                rect: (plot.0, plot.1, 0.0, 0.0),
                visible: false,
                name: None,
            },
        })
        .collect();
    let items: Vec<Item> = shown
        .iter()
        .filter_map(|&i| {
            let e = ctx.events.get(i)?;
            let lane = &lanes[e.category.index()];
            place_item(
                ctx,
                i,
                e,
                &plot,
                lane.rect.0 + lane_w / 2.0,
                Orientation::Vertical,
            )
        })
        .collect();
    let mut items = thin_markers(ctx, items, |it| it.pos.1);
    let text_x = plot.0 + count as f64 * lane_w + pad;
    place_column_labels(ctx, &mut items, text_x, &plot);
    let ticks = v_ticks(ctx, chosen, &plot, pad);
    Layout {
        orientation: Orientation::Vertical,
        size: ctx.size,
        plot,
        view: ctx.view,
        metrics: ctx.metrics,
        lanes,
        items,
        ticks,
    }
}

/// Greedy labels in the shared text column, level with their markers (kept
/// inside the plot at its ends), never overlapping along y.
fn place_column_labels(ctx: &Ctx<'_>, items: &mut [Item], text_x: f64, plot: &Rect) {
    let room = plot.0 + plot.2 - text_x;
    if room.is_nan() || room <= 0.0 || plot.3 < ctx.line {
        return;
    }
    let gap = (ctx.metrics.pad_px / 4.0).max(1.0);
    let all: Vec<usize> = (0..items.len()).collect();
    let mut placed = Occupied::default();
    for k in ctx.priority_order(items, &all) {
        let y = (items[k].pos.1 - ctx.line / 2.0).clamp(plot.1, plot.1 + plot.3 - ctx.line);
        if placed.overlaps(y - gap, y + ctx.line + gap) {
            continue;
        }
        let Some(text) = fit_text(ctx.title(items[k].event), room, ctx.measure) else {
            continue;
        };
        let tw = (ctx.measure)(&text).min(room);
        placed.insert(y, y + ctx.line);
        items[k].label = Some(Label {
            text,
            rect: (text_x, y, tw, ctx.line),
        });
    }
}

/// Tick labels right-aligned in the column left of the plot, just below
/// their line (a tick opens the period it names).
fn v_ticks(ctx: &Ctx<'_>, chosen: Vec<Tick>, plot: &Rect, pad: f64) -> Vec<PlacedTick> {
    let column = (plot.0 - 2.0 * pad).max(0.0);
    chosen
        .into_iter()
        .map(|tick| {
            let pos = plot.1 + ctx.view.pos_of(f64::from(tick.day), plot.3);
            let y = pos + 1.0;
            let label = (y + ctx.line <= ctx.size.1 + 0.5)
                .then(|| (ctx.measure)(&tick.label))
                .filter(|&tw| tw <= column + 0.5)
                .map(|tw| (plot.0 - pad - tw, y, tw, ctx.line));
            PlacedTick { tick, pos, label }
        })
        .collect()
}

fn rect_contains(r: &Rect, x: f64, y: f64, slop: f64) -> bool {
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
    use crate::core::date::Precision;
    use crate::core::model::{Confidence, Text};
    use proptest::prelude::*;

    const FONT: f64 = 12.0;

    /// A fixed-width stand-in for canvas measureText.
    fn measure(s: &str) -> f64 {
        s.chars().count() as f64 * 0.55 * FONT
    }

    fn metrics() -> Metrics {
        Metrics {
            font_px: FONT,
            lane_px: 18.0,
            marker_px: 9.0,
            pad_px: 6.0,
            axis_px: 22.0,
        }
    }

    fn day(s: &str) -> i32 {
        Date::parse(s)
            .map(Date::days)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn event(
        n: usize,
        date: i32,
        end: Option<i32>,
        category: Category,
        priority: u8,
        title: &str,
    ) -> Event {
        Event {
            id: format!("e{n}"),
            date: Date::from_days(date),
            precision: Precision::Day,
            end: end.map(Date::from_days),
            title: Text {
                en: title.to_string(),
                fr: format!("fr {title}"),
            },
            description: Text::default(),
            category,
            sources: Vec::new(),
            confidence: Confidence::Confirmed,
            priority,
            starts: Vec::new(),
            ends: Vec::new(),
        }
    }

    fn labels(ts: &[Tick]) -> Vec<&str> {
        ts.iter().map(|t| t.label.as_str()).collect()
    }

    fn view(a: &str, b: &str) -> View {
        View {
            start: f64::from(day(a)),
            end: f64::from(day(b)),
        }
    }

    #[test]
    fn year_ticks_when_zoomed_out() {
        let ts = ticks(&view("2016-01-01", "2026-01-01"), 800.0, 60.0, Lang::En);
        let years: Vec<String> = (2016..=2026).map(|y| y.to_string()).collect();
        assert_eq!(
            labels(&ts),
            years.iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert!(ts.iter().all(|t| t.major));
        // A narrower axis thins the years out instead of crowding them.
        let ts = ticks(&view("2016-01-01", "2026-01-01"), 200.0, 60.0, Lang::En);
        assert_eq!(labels(&ts), ["2020", "2025"]);
    }

    #[test]
    fn month_ticks_in_both_languages() {
        let v = view("2019-01-15", "2019-07-15");
        assert_eq!(
            labels(&ticks(&v, 900.0, 100.0, Lang::En)),
            ["Feb 2019", "Mar", "Apr", "May", "Jun", "Jul"]
        );
        assert_eq!(
            labels(&ticks(&v, 900.0, 100.0, Lang::Fr)),
            ["févr. 2019", "mars", "avr.", "mai", "juin", "juil."]
        );
        let across = ticks(&view("2019-11-10", "2020-03-10"), 900.0, 120.0, Lang::En);
        assert_eq!(labels(&across), ["Dec 2019", "Jan 2020", "Feb", "Mar"]);
        assert_eq!(
            across.iter().map(|t| t.major).collect::<Vec<_>>(),
            [false, true, false, false]
        );
        // Every month's abbreviation, as the ticks have always written them.
        let year = view("2019-01-01", "2019-12-31");
        assert_eq!(
            labels(&ticks(&year, 1200.0, 60.0, Lang::En)),
            [
                "Jan 2019", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                "Dec"
            ]
        );
        assert_eq!(
            labels(&ticks(&year, 1200.0, 60.0, Lang::Fr)),
            [
                "janv. 2019",
                "févr.",
                "mars",
                "avr.",
                "mai",
                "juin",
                "juil.",
                "août",
                "sept.",
                "oct.",
                "nov.",
                "déc."
            ]
        );
        // Quarters when months would crowd.
        let q = ticks(&view("2019-01-01", "2020-12-31"), 400.0, 40.0, Lang::En);
        assert_eq!(
            labels(&q),
            ["Jan 2019", "Apr", "Jul", "Oct", "Jan 2020", "Apr", "Jul", "Oct"]
        );
    }

    #[test]
    fn day_ticks_in_both_languages() {
        let v = view("2019-03-10", "2019-03-24");
        let en = ticks(&v, 800.0, 50.0, Lang::En);
        assert_eq!(en.len(), 15);
        assert_eq!(en[0].label, "10 Mar 2019");
        assert_eq!(en[1].label, "11 Mar");
        assert_eq!(en[14].label, "24 Mar");
        let fr = ticks(&view("2019-03-25", "2019-04-08"), 800.0, 50.0, Lang::Fr);
        assert_eq!(fr[0].label, "25 mars 2019");
        let first_april = fr
            .iter()
            .find(|t| t.day == day("2019-04-01"))
            .map(|t| (t.label.as_str(), t.major));
        assert_eq!(first_april, Some(("1er avr.", true)));
        // Weeks restart on the 1st of each month.
        let weeks = ticks(&view("2019-03-01", "2019-05-01"), 800.0, 80.0, Lang::En);
        assert_eq!(
            labels(&weeks),
            [
                "1 Mar 2019",
                "8 Mar",
                "15 Mar",
                "22 Mar",
                "1 Apr",
                "8 Apr",
                "15 Apr",
                "22 Apr",
                "1 May"
            ]
        );
        let new_year = ticks(&view("2019-12-28", "2020-01-12"), 800.0, 50.0, Lang::En);
        assert!(labels(&new_year).contains(&"1 Jan 2020"));
    }

    #[test]
    fn ticks_stay_bounded_at_extreme_zoom() {
        let huge = View {
            start: -1e15,
            end: 1e15,
        };
        let bounded = ticks(&huge, 1000.0, 50.0, Lang::En);
        assert!(
            !bounded.is_empty() && bounded.len() <= 21,
            "{}",
            bounded.len()
        );
        let tiny = View {
            start: 18000.2,
            end: 18000.3,
        };
        assert!(ticks(&tiny, 1000.0, 50.0, Lang::En).is_empty());
        let nan = View {
            start: f64::NAN,
            end: 1.0,
        };
        assert!(ticks(&nan, 1000.0, 50.0, Lang::En).is_empty());
        assert!(ticks(&view("2019-01-01", "2020-01-01"), 0.0, 50.0, Lang::En).is_empty());
    }

    proptest! {
        #[test]
        fn ticks_respect_spacing(
            start in -20_000.0f64..100_000.0,
            span in 0.5f64..40_000.0,
            axis in 20.0f64..3000.0,
            spacing in 10.0f64..200.0,
        ) {
            let v = View { start, end: start + span };
            let ts = ticks(&v, axis, spacing, Lang::Fr);
            prop_assert!(ts.len() as f64 <= axis / spacing + 1.0);
            for t in &ts {
                prop_assert!(f64::from(t.day) >= v.start && f64::from(t.day) <= v.end);
            }
            for pair in ts.windows(2) {
                let gap = v.pos_of(f64::from(pair[1].day), axis) - v.pos_of(f64::from(pair[0].day), axis);
                prop_assert!(gap >= spacing - 1e-6, "gap {} < {}", gap, spacing);
            }
        }
    }

    #[test]
    fn view_zoom_pan_clamp() {
        let mut v = View {
            start: 1000.0,
            end: 2000.0,
        };
        v.zoom(2.0, 1250.0);
        assert!((v.span() - 500.0).abs() < 1e-9);
        assert!(
            (v.pos_of(1250.0, 100.0) - 25.0).abs() < 1e-9,
            "the anchor stays put"
        );
        v.zoom(1e9, 1250.0);
        assert!((v.span() - MIN_SPAN_DAYS).abs() < 1e-9);
        v.zoom(1e-9, 1250.0);
        assert!((v.span() - MAX_SPAN_DAYS).abs() < 1e-6);
        v.zoom(f64::NAN, 0.0);
        assert!((v.span() - MAX_SPAN_DAYS).abs() < 1e-6);

        let mut v = View {
            start: 0.0,
            end: 100.0,
        };
        v.pan(50.0);
        assert_eq!(
            v,
            View {
                start: 50.0,
                end: 150.0
            }
        );
        v.clamp_to(0.0, 120.0);
        assert_eq!(
            v,
            View {
                start: 30.0,
                end: 130.0
            },
            "10% slack past the end"
        );
        v.pan(-1000.0);
        v.clamp_to(0.0, 120.0);
        assert_eq!(
            v,
            View {
                start: -10.0,
                end: 90.0
            }
        );
        let mut wide = View {
            start: 0.0,
            end: 1000.0,
        };
        wide.clamp_to(400.0, 500.0);
        assert_eq!(
            wide,
            View {
                start: -50.0,
                end: 950.0
            },
            "centred when wider than the data"
        );

        let v = View {
            start: 10.0,
            end: 30.0,
        };
        assert!((v.day_at(v.pos_of(17.5, 640.0), 640.0) - 17.5).abs() < 1e-9);
    }

    #[test]
    fn fit_covers_every_event_and_span() {
        let evs = vec![
            event(0, day("2018-12-01"), None, Category::Trade, 1, "a"),
            event(
                1,
                day("2019-01-01"),
                Some(day("2021-09-24")),
                Category::Detention,
                1,
                "b",
            ),
            event(2, day("2020-01-01"), None, Category::Trade, 2, "c"),
        ];
        let v = View::fit(&evs, 0.05);
        assert!(v.start < f64::from(day("2018-12-01")) && v.end > f64::from(day("2021-09-25")));
        assert_eq!(View::fit(&[], 0.05).span(), 365.0);
    }

    #[test]
    fn shortening_keeps_four_characters() {
        assert_eq!(
            fit_text("Huawei", 1000.0, &measure).as_deref(),
            Some("Huawei")
        );
        let short = fit_text(
            "Meng Wanzhou arrested in Vancouver",
            measure("Meng Wanzhou…"),
            &measure,
        );
        assert_eq!(short.as_deref(), Some("Meng Wanzhou…"));
        assert_eq!(
            fit_text("Meng, Wanzhou", measure("Meng,…"), &measure).as_deref(),
            Some("Meng…")
        );
        assert_eq!(fit_text("Meng Wanzhou", measure("Men…"), &measure), None);
        assert_eq!(fit_text("Meng", measure("Men"), &measure), None);
        assert_eq!(fit_text("  ", 1000.0, &measure), None);
    }

    fn sample() -> Vec<Event> {
        vec![
            event(
                0,
                day("2018-12-01"),
                None,
                Category::Detention,
                1,
                "Meng Wanzhou arrested",
            ),
            event(
                1,
                day("2018-12-10"),
                Some(day("2021-09-24")),
                Category::Detention,
                1,
                "Two Michaels detained",
            ),
            event(
                2,
                day("2019-03-01"),
                None,
                Category::Trade,
                1,
                "Canola licences revoked",
            ),
            event(
                3,
                day("2019-03-05"),
                None,
                Category::Trade,
                3,
                "Pork checks",
            ),
            event(
                4,
                day("2019-06-25"),
                None,
                Category::Trade,
                2,
                "Meat suspended",
            ),
            event(
                5,
                day("2019-07-01"),
                None,
                Category::Diplomacy,
                2,
                "Ambassador recalled",
            ),
        ]
    }

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

    /// 10,000 point events (one every ~18 hours over 20 years) plus a few spans.
    fn many() -> Vec<Event> {
        let base = day("2010-01-01");
        let mut evs: Vec<Event> = (0..10_000)
            .map(|n| {
                let cat = Category::ALL[n % 5];
                event(
                    n,
                    base + (n as i32 * 73) / 100,
                    None,
                    cat,
                    (n % 3) as u8 + 1,
                    "A fairly long event title",
                )
            })
            .collect();
        for k in 0..5 {
            let mut s = event(
                20_000 + k,
                base + 100 * k as i32,
                Some(base + 7000),
                Category::ALL[k],
                1,
                "Long span",
            );
            s.id = format!("s{k}");
            evs.push(s);
        }
        evs.sort_by_key(|e| e.date);
        evs
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
}
