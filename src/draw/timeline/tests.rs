//! Tests of [`super`] (timeline.rs).

use super::*;
use crate::core::date::Precision;
use crate::core::model::{Category, Confidence, Text};
use crate::core::timeline::{layout, Metrics, View};
use crate::draw::Scheme;
use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;

fn event(date: &str, end: Option<&str>, category: Category, priority: u8, title: &str) -> Event {
    let parse = |s: &str| Date::parse(s).unwrap_or_else(|e| panic!("{e}"));
    Event {
        id: title.to_lowercase().replace(' ', "-"),
        date: parse(date),
        precision: Precision::Day,
        end: end.map(parse),
        title: Text {
            en: title.to_string(),
            fr: format!("{title} FR"),
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

fn events() -> Vec<Event> {
    vec![
        event(
            "2018-12-01",
            None,
            Category::Detention,
            1,
            "Meng Wanzhou arrested",
        ),
        event(
            "2018-12-10",
            Some("2021-09-24"),
            Category::Detention,
            1,
            "Two Michaels detained",
        ),
        event(
            "2019-03-01",
            None,
            Category::Trade,
            1,
            "Canola licences revoked",
        ),
        event(
            "2019-06-25",
            None,
            Category::Trade,
            2,
            "Meat exports suspended",
        ),
        event("2019-09-01", None, Category::Diplomacy, 3, "Talks"),
    ]
}

fn render(
    orientation: Orientation,
    size: (f64, f64),
    focused: Option<usize>,
    lang: Lang,
) -> (Layout, String) {
    let evs = events();
    let theme = Theme::new(Scheme::Light, 2.0);
    let metrics = Metrics::new(theme.dpr, orientation);
    let measure = |s: &str| s.chars().count() as f64 * 0.55 * metrics.font_px;
    let start = Date::parse("2018-10-01").map_or(0.0, |d| f64::from(d.days()));
    let view = View {
        start,
        end: start + 500.0,
    };
    let l = layout(
        &evs,
        &[true; 5],
        &view,
        size,
        orientation,
        &metrics,
        lang,
        &measure,
    );
    let selected = Date::parse("2019-05-01").ok();
    let today = Date::parse("2019-10-01").ok();
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (size.0 as u32, size.1 as u32)).into_drawing_area();
        let drawn = draw(&root, &l, &evs, &theme, selected, today, focused, lang);
        assert!(drawn.is_ok(), "{drawn:?}");
        assert!(root.present().is_ok());
    }
    (l, svg)
}

#[test]
fn svg_holds_every_label_and_marker() {
    for (orientation, size) in [
        (Orientation::Horizontal, (2400.0, 600.0)),
        (Orientation::Vertical, (760.0, 1400.0)),
    ] {
        let (l, svg) = render(orientation, size, None, Lang::En);
        let labels: Vec<&str> = l
            .items
            .iter()
            .filter_map(|it| it.label.as_ref())
            .map(|lb| lb.text.as_str())
            .collect();
        assert!(labels.len() >= 4, "{orientation:?}: {labels:?}");
        for text in &labels {
            assert!(svg.contains(text), "{orientation:?}: {text} missing");
        }
        let markers = l.items.iter().filter(|it| it.marker).count();
        assert_eq!(markers, 5);
        assert_eq!(svg.matches("<circle").count(), markers, "{orientation:?}");
        assert!(svg.contains("Today"));
        assert!(svg.contains("2019"), "tick labels drawn");
        if orientation == Orientation::Horizontal {
            assert!(svg.contains("Detentions") && svg.contains("Public opinion"));
        }
    }
}

#[test]
fn focus_ring_is_one_more_circle() {
    let (l, svg) = render(Orientation::Horizontal, (2400.0, 600.0), Some(2), Lang::Fr);
    let markers = l.items.iter().filter(|it| it.marker).count();
    assert_eq!(svg.matches("<circle").count(), markers + 1);
    assert!(svg.contains("Aujourd’hui"));
    assert!(svg.contains("Commerce"));
}
