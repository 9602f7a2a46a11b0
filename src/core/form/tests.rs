//! Tests of [`super`]: form.rs.

use super::*;
use crate::core::testing::{dataset as ds, day};

fn inputs(ds: &Dataset) -> Inputs {
    Inputs::defaults(ds, day("2026-03-02")).expect("the data has flows")
}

#[test]
fn presets_come_from_the_data() {
    let ds = ds();
    let on = |p: Preset| p.date(&ds, Some(day("2026-11-30"))).map(|d| d.to_string());
    // Canada's EV surtax began 2024-10-01.
    assert_eq!(on(Preset::Before).as_deref(), Some("2024-09-30"));
    // 2025-08-14: China's provisional deposit on canola joined every other layer.
    assert_eq!(on(Preset::Peak).as_deref(), Some("2025-09-01"));
    assert_eq!(on(Preset::After).as_deref(), Some("2026-03-01"));
    assert_eq!(on(Preset::Today).as_deref(), Some("2026-11-30"));
    assert_eq!(
        Preset::Today.date(&ds, Some(day("2031-01-01"))),
        Some(ds.coverage.1)
    );
    assert_eq!(Preset::Today.date(&ds, None), None);
    for p in Preset::ALL {
        assert_eq!(Preset::parse(p.name()), Some(p));
    }
}

#[test]
fn the_default_date_never_passes_the_data_date() {
    let ds = ds();
    assert_eq!(default_date(&ds, Some(day("2030-01-01"))), ds.as_of);
    assert_eq!(default_date(&ds, Some(day("2001-01-01"))), ds.coverage.0);
    assert_eq!(default_date(&ds, None), ds.as_of);
}

#[test]
fn good_inputs_make_a_shipment() {
    let ds = ds();
    let mut i = inputs(&ds);
    i.set_flow(&ds, "cn-ev-to-ca").expect("a known flow");
    i.value = "40 000".into();
    let c = i.check(&ds, Lang::Fr);
    assert_eq!(c.errors, vec![]);
    let (s, compare) = c.shipment.expect("a shipment");
    assert_eq!(s.value_minor, 4_000_000);
    assert_eq!(s.date, day("2026-03-02"));
    assert_eq!(compare, before_deal(&ds));
}

#[test]
fn every_bad_input_has_its_message_and_no_shipment() {
    let ds = ds();
    let mut i = inputs(&ds);
    i.set_flow(&ds, "cn-ev-to-ca").expect("a known flow");
    i.value = "-5".into();
    i.date = "2026-02-30".into();
    i.compare = "soon".into();
    i.quantity = "0".into();
    i.quota_used = "many".into();
    let c = i.check(&ds, Lang::En);
    let got: Vec<(&str, &str)> = c
        .errors
        .iter()
        .map(|e| (e.field.name(), e.message))
        .collect();
    assert_eq!(
        got,
        vec![
            ("value", "The value cannot be negative."),
            ("date", "Enter a real date, for example 2026-03-02."),
            ("compare", "Enter a real date, for example 2026-03-02."),
            ("quantity", "Enter a whole number of at least 1."),
            ("quota-used", "Enter a whole number, 0 or more."),
        ]
    );
    assert_eq!(c.shipment, None);
    i.flow = "nowhere".into();
    assert_eq!(
        i.check(&ds, Lang::Fr).errors[0].message,
        "Choisissez un flux commercial dans la liste."
    );
}

#[test]
fn quota_use_is_checked_only_for_quota_flows() {
    let ds = ds();
    let mut i = inputs(&ds);
    i.set_flow(&ds, "ca-pork-to-cn").expect("a known flow");
    i.quota_used = "many".into();
    assert!(!i.has_quota(&ds));
    assert_eq!(i.check(&ds, Lang::En).errors, vec![]);
}

#[test]
fn a_new_flow_brings_its_currency_and_value_and_an_unknown_one_is_refused() {
    let ds = ds();
    let mut i = inputs(&ds);
    i.set_flow(&ds, "ca-canola-seed-to-cn")
        .expect("a known flow");
    let canola = ds.flow("ca-canola-seed-to-cn").expect("in the data");
    assert_eq!(i.currency, canola.currency);
    assert_eq!(i.value, (canola.default_value_minor / 100).to_string());
    i.value = "123".into();
    // Choosing the same flow again keeps what the reader typed.
    i.set_flow(&ds, "ca-canola-seed-to-cn")
        .expect("a known flow");
    assert_eq!(i.value, "123");
    let before = i.clone();
    assert_eq!(
        i.set_flow(&ds, "mars-to-ca"),
        Err(Rejected::UnknownFlow("mars-to-ca".into()))
    );
    assert_eq!(i, before);
}

#[test]
fn apply_takes_the_flow_first_and_reports_what_it_cannot_take() {
    let ds = ds();
    let mut i = inputs(&ds);
    let warnings = i.apply(
        &ds,
        InputFields {
            value: Some("5000".into()),
            flow: Some("ca-pork-to-cn".into()),
            currency: Some("EUR".into()),
            date: Some("2025-09-01".into()),
            ..InputFields::default()
        },
    );
    assert_eq!(i.flow, "ca-pork-to-cn");
    assert_eq!(
        i.value, "5000",
        "the value given with the flow wins over the flow's default"
    );
    assert_eq!(i.date, "2025-09-01");
    assert_eq!(warnings, vec![Rejected::UnknownCurrency("EUR".into())]);
    assert_eq!(
        warnings[0].message(Lang::Fr),
        "« EUR » n’est pas une devise connue du calculateur; utilisez CAD, USD ou CNY."
    );
}
