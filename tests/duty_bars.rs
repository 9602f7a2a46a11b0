//! The before/after bars are drawn in date order, whichever date the reader
//! chose (issue 12): drawn natively to SVG, the earlier date's label stands
//! left of the later one's.
#![cfg(not(target_arch = "wasm32"))]

use plotters::backend::SVGBackend;
use plotters::prelude::*;
use trade_widget::core::builtin::BUILTIN_JSON;
use trade_widget::core::date::Date;
use trade_widget::core::engine::{compare, Shipment};
use trade_widget::core::format::LocaleFormats;
use trade_widget::core::i18n::Lang;
use trade_widget::core::load::load;
use trade_widget::core::money::Currency;
use trade_widget::draw::{calculator, Scheme, Theme};

/// The x of the first `<text …>` whose content is `label`.
fn x_of(svg: &str, label: &str) -> f64 {
    let end = svg
        .find(label)
        .unwrap_or_else(|| panic!("{label} is not drawn: {svg}"));
    let start = svg[..end].rfind("<text").expect("a text element");
    let attr = &svg[start..end];
    let x = attr.split(" x=\"").nth(1).expect("an x attribute");
    x[..x.find('"').expect("a closing quote")]
        .parse()
        .expect("a number")
}

/// Draws the bars with the chosen date `selected` and the comparison date
/// `reference`, labelled by those names.
fn bars(selected: &str, reference: &str) -> String {
    let ds = load(BUILTIN_JSON).expect("the built-in data loads");
    let s = Shipment {
        flow: "cn-ev-to-ca".into(),
        value_minor: 4_000_000,
        currency: Currency::CAD,
        date: Date::parse(selected).expect("a date"),
        quantity: 1,
        quota_used: 0,
    };
    let cmp = compare(&ds, &s, Date::parse(reference).expect("a date")).expect("a comparison");
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (800, 400)).into_drawing_area();
        let theme = Theme::new(Scheme::Light, 1.0);
        let f = LocaleFormats(Lang::En);
        // Labels in the function's order: the comparison date's, then the chosen date's.
        calculator::draw_duty_bars(&root, &cmp, ["REFERENCE", "SELECTED"], &theme, Lang::En, &f)
            .expect("drawn");
        root.present().expect("presented");
    }
    svg
}

#[test]
fn the_earlier_date_is_on_the_left() {
    let usual = bars("2026-03-02", "2026-01-15");
    assert!(
        x_of(&usual, "REFERENCE") < x_of(&usual, "SELECTED"),
        "comparison date first when it is earlier"
    );
    let reversed = bars("2025-06-01", "2026-03-02");
    assert!(
        x_of(&reversed, "SELECTED") < x_of(&reversed, "REFERENCE"),
        "chosen date first when it is earlier"
    );
}
