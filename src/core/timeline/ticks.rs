//! The calendar ticks of the time axis: years, quarters and months, weeks
//! and days as the zoom grows, labelled in English or French.

use super::View;
use crate::core::date::{days_in_month, Date, MAX_YEAR, MIN_YEAR};
use crate::core::format::month_short;
use crate::core::model::Lang;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::timeline::test_support::{day, view};

    fn labels(ts: &[Tick]) -> Vec<&str> {
        ts.iter().map(|t| t.label.as_str()).collect()
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

    // proptest is a native dev-dependency only.
    #[cfg(not(target_arch = "wasm32"))]
    mod spacing {
        use super::*;
        use proptest::prelude::*;

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
    }
}
