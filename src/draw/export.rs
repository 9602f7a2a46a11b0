//! The frame of a chart saved as an image: a title above it, a source line
//! and the date below, so a picture that travels without the article still
//! says what it shows and where its figures come from.
//!
//! [`draw_frame`](crate::draw::export::draw_frame) paints the frame and
//! hands back the area between title and footer; the caller draws the chart
//! there with the same function the page uses
//! ([`crate::draw::calculator`], [`crate::draw::timeline`]).

use super::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The frame's texts.
pub struct Frame<'a> {
    /// What the chart is about: "Chinese electric vehicles and hybrids".
    pub title: &'a str,
    /// What the chart shows: the figure's caption ("Effective rate over time").
    pub subtitle: &'a str,
    /// "Sources: gazette.gc.ca, mofcom.gov.cn".
    pub source: &'a str,
    /// "Data as of March 15, 2026".
    pub date: &'a str,
}

/// CSS pixels above the chart (title and subtitle) and below it (source and date).
pub const TITLE_CSS: f64 = 58.0;
pub const FOOTER_CSS: f64 = 46.0;

/// `text` cut with "…" until it fits `max_w` device pixels in `style`.
fn fitted<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max_w: i32,
) -> String {
    let fits = |s: &str| {
        root.estimate_text_size(s, style)
            .map_or(true, |(w, _)| w as i32 <= max_w)
    };
    if fits(text) {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>() + "…";
        if fits(&s) {
            return s;
        }
    }
    String::new()
}

/// Paints the background, the title and the footer over all of `root`, and
/// returns the area left for the chart.
pub fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    theme: &Theme,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let pad = theme.px(12.0);
    let title = super::label_style(theme.font_px(17.0), theme.text);
    let small = super::label_style(theme.font_px(12.0), theme.muted);
    let top = theme.px(TITLE_CSS);
    let bottom = h - theme.px(FOOTER_CSS);
    let subtitle = super::label_style(theme.font_px(13.0), theme.muted);
    for (text, style, y) in [
        (frame.title, &title, 10.0),
        (frame.subtitle, &subtitle, 34.0),
    ] {
        root.draw(&Text::new(
            fitted(root, text, style, w - 2 * pad),
            (pad, theme.px(y)),
            style.pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    root.draw(&PathElement::new(
        vec![
            (pad, bottom + theme.px(4.0)),
            (w - pad, bottom + theme.px(4.0)),
        ],
        theme.grid.stroke_width(theme.px(1.0).max(1) as u32),
    ))?;
    for (i, line) in [frame.source, frame.date].iter().enumerate() {
        root.draw(&Text::new(
            fitted(root, line, &small, w - 2 * pad),
            (pad, bottom + theme.px(10.0 + 17.0 * i as f64)),
            small.pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }
    let chart_h = (bottom - top).max(1) as u32;
    Ok(root.clone().shrink((0, top), (w.max(1) as u32, chart_h)))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::builtin::BUILTIN_JSON;
    use crate::core::date::Date;
    use crate::core::engine::{compare, Shipment};
    use crate::core::format::LocaleFormats;
    use crate::core::load::load;
    use crate::core::model::Lang;
    use crate::core::money::Currency;
    use crate::draw::{calculator, Scheme};

    #[test]
    fn frames_a_chart_with_title_source_and_date() {
        let ds = load(BUILTIN_JSON).unwrap();
        let s = Shipment {
            flow: "cn-ev-to-ca".into(),
            value_minor: 4_000_000,
            currency: Currency::CAD,
            date: Date::parse("2025-09-01").unwrap(),
            quantity: 1,
            quota_used: 0,
        };
        let cmp = compare(&ds, &s, Date::parse("2024-01-01").unwrap()).unwrap();
        let theme = Theme::new(Scheme::Light, 2.0);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (1040, 728)).into_drawing_area();
            let frame = Frame {
                title: "Chinese electric vehicles",
                subtitle: "Duty by layer",
                source: "Sources: laws-lois.justice.gc.ca, canada.ca",
                date: "Data as of March 15, 2026",
            };
            let chart = draw_frame(&root, &frame, &theme).unwrap();
            assert_eq!(chart.dim_in_pixel(), (1040, 728 - 116 - 92));
            let f = LocaleFormats(Lang::En);
            calculator::draw_duty_bars(&chart, &cmp, ["a", "b"], &theme, Lang::En, &f).unwrap();
            root.present().unwrap();
        }
        assert!(svg.contains("Duty by layer"), "{svg}");
        assert!(svg.contains("Chinese electric vehicles"));
        assert!(svg.contains("laws-lois.justice.gc.ca"));
        assert!(svg.contains("Data as of March 15, 2026"));
        assert!(
            svg.contains("106.1%") || svg.contains("100%"),
            "the chart itself is drawn"
        );
    }

    #[test]
    fn long_lines_are_cut_to_fit() {
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (200, 100)).into_drawing_area();
        let style = crate::draw::label_style(12.0, plotters::style::RGBColor(0, 0, 0));
        let long = "x".repeat(400);
        let cut = fitted(&root, &long, &style, 150);
        assert!(cut.ends_with('…') && cut.chars().count() < 400, "{cut}");
        assert_eq!(fitted(&root, "short", &style, 150), "short");
    }
}
