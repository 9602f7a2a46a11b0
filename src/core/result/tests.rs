//! Tests of [`super`]: result.rs.

use super::*;
use crate::core::engine::quote;
use crate::core::format::LocaleFormats;
use crate::core::money::Currency;
use crate::core::testing::{dataset as ds, shipment};

/// One unit of `flow` worth `value` on `date`, `used` units already in the quota.
fn on(ds: &Dataset, flow: &str, value: i64, currency: Currency, date: &str, used: u64) -> Quote {
    quote(ds, &shipment(flow, value, currency, date, 1, used)).expect("a quote")
}

#[test]
fn ev_rows_before_the_deal_in_english() {
    let ds = ds();
    let q = on(
        &ds,
        "cn-ev-to-ca",
        4_000_000,
        Currency::CAD,
        "2025-06-01",
        0,
    );
    let f = LocaleFormats(Lang::En);
    let rows = breakdown(&q, Lang::En, &f);
    let got: Vec<(String, [String; 3])> = rows
        .iter()
        .map(|r| (r.head.clone(), r.figures.clone()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].0.ends_with("· Base (MFN) rate"), "{got:?}");
    assert_eq!(
        got[0].1,
        [
            "6.1%".to_string(),
            "C$40,000.00".into(),
            "C$2,440.00".into()
        ]
    );
    assert!(got[1].0.ends_with("· Surtax"), "{got:?}");
    assert_eq!(
        got[1].1,
        [
            "100%".to_string(),
            "C$40,000.00".into(),
            "C$40,000.00".into()
        ]
    );
    assert!(rows.iter().all(|r| !r.is_off()));
}

#[test]
fn the_shape_ignores_the_value_but_not_the_layers() {
    let ds = ds();
    let f = LocaleFormats(Lang::Fr);
    let a = on(
        &ds,
        "cn-ev-to-ca",
        4_000_000,
        Currency::CAD,
        "2025-06-01",
        0,
    );
    let b = on(
        &ds,
        "cn-ev-to-ca",
        5_000_000,
        Currency::CAD,
        "2025-06-01",
        0,
    );
    let c = on(
        &ds,
        "cn-ev-to-ca",
        4_000_000,
        Currency::CAD,
        "2024-06-01",
        0,
    );
    let shape = |q: &Quote| breakdown_shape(&breakdown(q, Lang::Fr, &f), Lang::Fr);
    assert_eq!(shape(&a), shape(&b));
    assert_ne!(shape(&a), shape(&c), "the surtax came in on 2024-10-01");
}

#[test]
fn notes_for_a_quota_shipment_in_french() {
    let ds = ds();
    let q = on(
        &ds,
        "cn-ev-to-ca",
        4_000_000,
        Currency::CAD,
        "2026-03-02",
        0,
    );
    let n = notes(&ds, &q, Lang::Fr, &LocaleFormats(Lang::Fr));
    let quota = n.quota.clone().expect("the EV flow has a quota");
    assert!(
        quota.starts_with("Année contingentaire du 1er mars 2026"),
        "{quota}"
    );
    let f = LocaleFormats(Lang::Fr);
    assert!(
        quota.contains(&format!("{} unités", f.integer(49_000))),
        "{quota}"
    );
    assert!(n.items.contains(&quota));
    // The last note: the data's date and version, then what changed.
    let date = LocaleFormats(Lang::Fr).date(ds.as_of);
    let version = ds.version.expect("the built-in data numbers its versions");
    assert_eq!(
        n.data.line,
        format!("Données à jour au {date} · version {version}")
    );
    assert_eq!(n.data.more.as_deref(), Some("ce qui a changé"));
    let change = n.data.change.clone().expect("the last change");
    assert!(
        change.starts_with(&format!("Version {version}, publiée le ")),
        "{change}"
    );
    assert_eq!(n.items.last(), Some(&n.data.text()));
    assert!(n
        .items
        .iter()
        .any(|s| s.starts_with("Les taxes comme la TPS")));
}

#[test]
fn a_converted_value_names_its_rate() {
    let ds = ds();
    let q = on(
        &ds,
        "ca-canola-seed-to-cn",
        100_000_000,
        Currency::CAD,
        "2025-09-01",
        0,
    );
    let c = q.conversion.as_ref().expect("CAD into China's yuan");
    let f = LocaleFormats(Lang::En);
    let rate = conversion_rate(c, &f);
    assert!(
        rate.starts_with("1 CAD = ") && rate.ends_with(" CNY"),
        "{rate}"
    );
    let n = notes(&ds, &q, Lang::En, &f);
    let expected = format!(
        "Duty figures in CAD; customs levies CNY, converted at {rate} (approximate annual average, bankofcanada.ca)."
    );
    assert!(n.items.contains(&expected), "{:?}", n.items);
    assert_eq!(n.quota, None);
}

#[test]
fn a_date_outside_the_data_says_so_first() {
    let ds = ds();
    let q = on(
        &ds,
        "cn-ev-to-ca",
        4_000_000,
        Currency::CAD,
        "2030-01-01",
        0,
    );
    let n = notes(&ds, &q, Lang::En, &LocaleFormats(Lang::En));
    assert!(n.items[0].starts_with("The data covers "), "{:?}", n.items);
}
