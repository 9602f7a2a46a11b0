//! The visible window of time and its scale: zoom, pan, clamping to the
//! data, and the conversions between days and positions along the axis.

use crate::core::model::Event;

/// The narrowest window: two weeks still shows day ticks with room for labels.
pub const MIN_SPAN_DAYS: f64 = 14.0;

/// The widest window: beyond 30 years the markers of a decade-long story merge.
pub const MAX_SPAN_DAYS: f64 = 30.0 * 365.2425;

/// Fraction of the window that may be panned past either end of the data, so
/// the first and last markers (and the label right of the last) stay readable.
const CLAMP_SLACK: f64 = 0.1;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Category;
    use crate::core::timeline::test_support::{day, event};

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
}
