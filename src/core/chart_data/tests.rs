//! Tests of [`super`] (chart_data.rs).

use super::*;
use crate::core::builtin::BUILTIN_JSON;
use crate::core::engine::{compare, rate_steps, Shipment};
use crate::core::format::LocaleFormats;
use crate::core::load::load;
use crate::core::money::Currency;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn ev(date: &str) -> Shipment {
    Shipment {
        flow: "cn-ev-to-ca".into(),
        value_minor: 4_000_000,
        currency: Currency::CAD,
        date: day(date),
        quantity: 1,
        quota_used: 0,
    }
}

#[test]
fn duty_table_has_a_row_per_layer_the_dates_in_order_and_a_total() {
    let ds = load(BUILTIN_JSON).unwrap();
    let f = LocaleFormats(Lang::En);
    // The comparison date after the selected one: the columns still go in date order.
    let cmp = compare(&ds, &ev("2025-09-01"), day("2026-03-02")).unwrap();
    let t = duty_table(&cmp, Lang::En, &f);
    assert_eq!(
        t.columns,
        ["Layer", "September 1, 2025", "March 2, 2026"].map(String::from)
    );
    let total = t.rows.last().unwrap();
    assert_eq!(total[0], "Total duty");
    assert_eq!(total[1], f.percent(cmp.selected.effective));
    assert_eq!(total[2], f.percent(cmp.reference.effective));
    let surtax = t.rows.iter().find(|r| r[0].contains("Surtax")).unwrap();
    assert_eq!(surtax[1], "100%");
    let layers = cmp.selected.layers.len().max(cmp.reference.layers.len());
    assert!(t.rows.len() > layers, "{:?}", t.rows);
    assert!(t.rows.iter().all(|r| r.len() == 3));

    // The key follows what the table shows, not the value typed.
    let double = compare(
        &ds,
        &Shipment {
            value_minor: 8_000_000,
            ..ev("2025-09-01")
        },
        day("2026-03-02"),
    )
    .unwrap();
    assert_eq!(duty_key(&cmp), duty_key(&double));
    let other_day = compare(&ds, &ev("2024-01-01"), day("2026-03-02")).unwrap();
    assert_ne!(duty_key(&cmp), duty_key(&other_day));

    let alt = duty_alt(&cmp, Lang::Fr, &LocaleFormats(Lang::Fr));
    assert!(alt.starts_with(Msg::ChartBars.text(Lang::Fr)), "{alt}");
    assert!(alt.contains("1er septembre 2025"), "{alt}");
    assert!(alt.contains("Afficher les données"), "{alt}");
}

#[test]
fn every_rate_step_names_what_caused_it() {
    let ds = load(BUILTIN_JSON).unwrap();
    let (from, to) = ds.coverage;
    for flow in &ds.flows {
        let s = Shipment {
            flow: flow.id.clone(),
            date: from,
            ..ev("2020-01-01")
        };
        let steps = rate_steps(&ds, &s, from, to);
        let rows = rate_rows(&ds, &flow.id, &steps, from);
        assert_eq!(rows.len(), steps.len());
        for (r, (d, rate)) in rows.iter().zip(&steps) {
            assert_eq!((r.date, r.rate), (*d, *rate));
            assert!(
                !r.causes.is_empty(),
                "{}: the step of {d} has no cause",
                flow.id
            );
        }
        assert_eq!(rows[0].date, from);
    }
}

#[test]
fn the_ev_surtax_step_names_the_surtax() {
    let ds = load(BUILTIN_JSON).unwrap();
    let (from, to) = ds.coverage;
    let steps = rate_steps(&ds, &ev("2025-01-01"), from, to);
    let rows = rate_rows(&ds, "cn-ev-to-ca", &steps, from);
    assert_eq!(rows[0].causes, vec![Cause::DataStart]);
    let surtax = rows
        .iter()
        .find(|r| r.rate.bp() > 10_000)
        .expect("a step above 100 %");
    let text = surtax.cause_text(Lang::En);
    assert!(text.contains("takes effect"), "{text}");
    let t = rate_table(&rows, Lang::Fr, &LocaleFormats(Lang::Fr));
    assert_eq!(t.columns.len(), 3);
    assert_eq!(t.rows.len(), rows.len());
    let alt = rate_alt(&rows, Lang::En, &LocaleFormats(Lang::En));
    assert!(alt.contains("Show the data"), "{alt}");
    assert!(alt.contains("106.1%"), "{alt}");
}

#[test]
fn source_hosts_once_each() {
    let urls: Vec<String> = [
        "https://www.canada.ca/en/a",
        "https://gazette.gc.ca/x",
        "https://canada.ca/fr/b",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(
        hosts(&urls.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
        ["canada.ca", "gazette.gc.ca"]
    );
}

#[test]
fn causes_on_a_day() {
    let ds = load(BUILTIN_JSON).unwrap();
    let q = ds.quota_for("cn-ev-to-ca").expect("the EV quota");
    let c = causes(&ds, "cn-ev-to-ca", q.start.add_years(1));
    assert!(c.contains(&Cause::QuotaYear(2)), "{c:?}");
    assert_eq!(
        Cause::QuotaYear(2).text(Lang::Fr),
        "Début de l’année contingentaire 2"
    );
    assert!(causes(&ds, "cn-ev-to-ca", day("2019-06-07")).is_empty());
}
