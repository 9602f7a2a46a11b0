//! Events, sizes and a text measure shared by the timeline's unit tests.

use super::{Metrics, View};
use crate::core::date::{Date, Precision};
use crate::core::model::{Category, Confidence, Event, Text};

pub(super) const FONT: f64 = 12.0;

/// A fixed-width stand-in for canvas measureText.
pub(super) fn measure(s: &str) -> f64 {
    s.chars().count() as f64 * 0.55 * FONT
}

pub(super) fn metrics() -> Metrics {
    Metrics {
        font_px: FONT,
        lane_px: 18.0,
        marker_px: 9.0,
        pad_px: 6.0,
        axis_px: 22.0,
    }
}

pub(super) fn day(s: &str) -> i32 {
    Date::parse(s)
        .map(Date::days)
        .unwrap_or_else(|e| panic!("{e}"))
}

pub(super) fn event(
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

pub(super) fn view(a: &str, b: &str) -> View {
    View {
        start: f64::from(day(a)),
        end: f64::from(day(b)),
    }
}

pub(super) fn sample() -> Vec<Event> {
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

/// 10,000 point events (one every ~18 hours over 20 years) plus a few spans.
pub(super) fn many() -> Vec<Event> {
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
