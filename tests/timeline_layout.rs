//! The no-JS timeline is the canvas's timeline: the SVG that `fallback svg`
//! writes (and `scripts/build.sh` ships as `timeline.svg`) must be laid out
//! from the same sizes, orientation rule and opening view as the widget's
//! first drawing, so a reader without JavaScript sees the picture the others
//! see. Only the text measure cannot come from a browser; both sides use
//! [`estimated_width`] here.

#![cfg(not(target_arch = "wasm32"))]

use plotters::backend::SVGBackend;
use plotters::drawing::IntoDrawingArea;
use std::process::Command;
use trade_widget::core::builtin::BUILTIN_JSON;
use trade_widget::core::load::load;
use trade_widget::core::model::{Dataset, Lang};
use trade_widget::core::timeline::{
    lanes_with_events, layout_indexed, Layout, Metrics, Orientation, SpanIndex, View,
};
use trade_widget::draw::{estimated_width, timeline as tl_draw, Scheme, Theme};

fn data() -> Dataset {
    load(BUILTIN_JSON).unwrap_or_else(|e| panic!("the shipped dataset must validate:\n{e}"))
}

/// The layout the widget draws first on a canvas `css` CSS pixels large at
/// devicePixelRatio `dpr`, step by step as the web layer does it: the theme's
/// usable ratio, the orientation for the CSS width, [`Metrics::new`], the
/// canvas sized to whole device pixels, the opening view, every lane that
/// has events.
fn canvas_layout(ds: &Dataset, css: (f64, f64), dpr: f64, lang: Lang) -> Layout {
    let theme = Theme::new(Scheme::Light, dpr);
    let orientation = Orientation::for_css_width(css.0);
    let metrics = Metrics::new(theme.dpr, orientation);
    let device = ((css.0 * theme.dpr).round(), (css.1 * theme.dpr).round());
    let measure = |s: &str| estimated_width(s, metrics.font_px);
    layout_indexed(
        &ds.events,
        &SpanIndex::new(&ds.events),
        &lanes_with_events(&ds.events),
        &View::fit(&ds.events, View::FIT_PAD),
        device,
        orientation,
        &metrics,
        lang,
        &measure,
    )
}

/// `layout` painted as the fallback paints it: light theme, devicePixelRatio
/// 1, no selected date, no today line, no focus.
fn svg_of(ds: &Dataset, layout: &Layout, lang: Lang) -> String {
    let size = (layout.size.0 as u32, layout.size.1 as u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let theme = Theme::new(Scheme::Light, 1.0);
        let drawn = tl_draw::draw(&root, layout, &ds.events, &theme, None, None, None, lang);
        assert!(drawn.is_ok(), "{drawn:?}");
        assert!(root.present().is_ok());
    }
    svg
}

/// What `cargo run --bin fallback -- svg PATH LANG` writes.
fn fallback_svg(lang: &str) -> String {
    let path =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("timeline-{lang}.svg"));
    let out = Command::new(env!("CARGO_BIN_EXE_fallback"))
        .arg("svg")
        .arg(&path)
        .arg(lang)
        .output()
        .unwrap_or_else(|e| panic!("running the fallback: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of attribute `name` of the SVG's root element.
fn root_attr(svg: &str, name: &str) -> f64 {
    let open = &svg[..svg.find('>').unwrap_or(svg.len())];
    let key = format!(" {name}=\"");
    open.find(&key)
        .map(|i| &open[i + key.len()..])
        .and_then(|rest| rest.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {open}"))
}

/// Every `<text>` element (position, font size and words) in drawing order.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .map(|t| t.split("</text>").next().unwrap_or(t))
        .collect()
}

#[test]
fn fallback_svg_is_the_canvas_timeline() {
    let ds = data();
    for (tag, lang) in [("en", Lang::En), ("fr", Lang::Fr)] {
        let fallback = fallback_svg(tag);
        let css = (
            root_attr(&fallback, "width"),
            root_attr(&fallback, "height"),
        );
        let canvas = canvas_layout(&ds, css, 1.0, lang);
        let labels = canvas.items.iter().filter(|it| it.label.is_some()).count();
        assert!(labels >= 10, "{tag}: only {labels} labels: not a real test");
        let expected = svg_of(&ds, &canvas, lang);
        // Labels and their places first, for a readable failure.
        assert_eq!(texts(&fallback), texts(&expected), "{tag}: labels differ");
        assert!(
            fallback == expected,
            "{tag}: the fallback's markers, bars or lines are not the canvas's"
        );
    }
}

/// [`Metrics::new`] gives the sizes the canvas has always drawn with:
/// 13 CSS px text, 48 px rows or 18 px columns, 6 px markers, 8 px padding
/// and a 28 px tick band, each rounded to device pixels like the theme's.
#[test]
fn metrics_are_the_canvas_sizes() {
    for dpr in [
        1.0,
        1.25,
        1.5,
        1.75,
        2.0,
        2.625,
        3.0,
        0.25,
        9.0,
        0.0,
        f64::NAN,
    ] {
        let theme = Theme::new(Scheme::Light, dpr);
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            let lane = match orientation {
                Orientation::Horizontal => 48.0,
                Orientation::Vertical => 18.0,
            };
            let canvas = Metrics {
                font_px: theme.font_px(13.0),
                lane_px: f64::from(theme.px(lane)),
                marker_px: f64::from(theme.px(6.0)),
                pad_px: f64::from(theme.px(8.0)),
                axis_px: f64::from(theme.px(28.0)),
            };
            assert_eq!(
                Metrics::new(dpr, orientation),
                canvas,
                "dpr {dpr}, {orientation:?}"
            );
        }
    }
    let at_one = Metrics::new(1.0, Orientation::Vertical);
    assert_eq!(
        (
            at_one.font_px,
            at_one.lane_px,
            at_one.marker_px,
            at_one.pad_px,
            at_one.axis_px
        ),
        (13.0, 18.0, 6.0, 8.0, 28.0)
    );
    assert_eq!(
        Metrics::new(1.5, Orientation::Horizontal).font_px,
        20.0,
        "19.5 rounds up"
    );
}

/// Phones get the vertical timeline; an unmeasured (zero-width) canvas
/// keeps the horizontal default.
#[test]
fn orientation_turns_vertical_below_480_css_px() {
    assert_eq!(Orientation::VERTICAL_BELOW_CSS_PX, 480.0);
    for (w, o) in [
        (320.0, Orientation::Vertical),
        (479.5, Orientation::Vertical),
        (480.0, Orientation::Horizontal),
        (1200.0, Orientation::Horizontal),
        (0.0, Orientation::Horizontal),
        (-5.0, Orientation::Horizontal),
        (f64::NAN, Orientation::Horizontal),
    ] {
        assert_eq!(Orientation::for_css_width(w), o, "{w} CSS px");
    }
    let narrow = canvas_layout(&data(), (360.0, 640.0), 2.0, Lang::En);
    assert_eq!(narrow.orientation, Orientation::Vertical);
    assert_eq!(narrow.size, (720.0, 1280.0));
    assert_eq!(narrow.metrics.lane_px, 36.0);
}
