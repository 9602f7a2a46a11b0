//! Golden cases (worked examples whose totals were computed by hand from the
//! published rates, e.g. a C$40,000 Chinese EV: C$42,440 of duty before the
//! deal, C$2,440 inside the quota), and properties of the duty engine, run
//! natively against the dataset the widget ships.

use trade_widget::core::date::Date;
use trade_widget::core::engine::{compare, quote, rate_steps, LayerStatus, QuoteError, Shipment};
use trade_widget::core::format::LocaleFormats;
use trade_widget::core::load::{load, BUILTIN_JSON};
use trade_widget::core::model::{Dataset, Lang, MeasureKind};
use trade_widget::core::money::{Currency, Rate};
use trade_widget::core::summary::{before_deal_label, sentence};

fn data() -> Dataset {
    match load(BUILTIN_JSON) {
        Ok(ds) => ds,
        Err(e) => panic!("the shipped dataset must validate:\n{e}"),
    }
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn ship(flow: &str, value_major: i64, currency: Currency, date: &str) -> Shipment {
    Shipment {
        flow: flow.into(),
        value_minor: value_major * 100,
        currency,
        date: d(date),
        quantity: 1,
        quota_used: 0,
    }
}

#[test]
fn chinese_ev_before_the_deal_pays_106_1_percent() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("cn-ev-to-ca", 40_000, Currency::CAD, "2025-06-01"),
    )
    .unwrap();
    assert_eq!(q.total_duty_minor, 4_244_000, "C$42,440");
    assert_eq!(q.effective, Rate(10_610));
    assert_eq!(q.landed_minor, 8_244_000);
    let kinds: Vec<MeasureKind> = q.charged().map(|l| l.kind).collect();
    assert_eq!(kinds, vec![MeasureKind::Base, MeasureKind::Surtax]);
    assert!(q
        .charged()
        .all(|l| l.instrument.en.len() > 5 && !l.sources.is_empty()));
}

#[test]
fn chinese_ev_inside_the_quota_pays_6_1_percent() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("cn-ev-to-ca", 40_000, Currency::CAD, "2026-03-02"),
    )
    .unwrap();
    assert_eq!(q.total_duty_minor, 244_000, "C$2,440");
    assert_eq!(q.effective, Rate(610));
    let surtax = q
        .layers
        .iter()
        .find(|l| l.kind == MeasureKind::Surtax)
        .expect("the surtax row stays visible");
    assert!(matches!(surtax.status, LayerStatus::WaivedInQuota { .. }));
    assert_eq!(surtax.amount_minor, 0);
    let split = q.quota.as_ref().expect("quota year 1");
    assert_eq!(
        (split.volume, split.in_units, split.over_units),
        (49_000, 1, 0)
    );
    assert!(
        !q.has_estimate,
        "inside the quota nothing rests on the over-quota assumption"
    );
}

#[test]
fn over_the_quota_the_surtax_returns_and_is_labelled_an_estimate() {
    let ds = data();
    let s = Shipment {
        quota_used: 49_000,
        ..ship("cn-ev-to-ca", 40_000, Currency::CAD, "2026-03-02")
    };
    let q = quote(&ds, &s).unwrap();
    assert_eq!(q.total_duty_minor, 4_244_000);
    assert!(q.has_estimate);
    let surtax = q
        .layers
        .iter()
        .find(|l| l.kind == MeasureKind::Surtax)
        .unwrap();
    assert_eq!(surtax.status, LayerStatus::OverQuotaOnly);
}

#[test]
fn a_shipment_crossing_the_quota_is_split_and_sums_to_the_whole() {
    let ds = data();
    let s = Shipment {
        quantity: 10,
        quota_used: 48_997,
        value_minor: 40_000_000,
        ..ship("cn-ev-to-ca", 1, Currency::CAD, "2026-06-01")
    };
    let q = quote(&ds, &s).unwrap();
    let sp = q.quota.as_ref().unwrap();
    assert_eq!((sp.in_units, sp.over_units), (3, 7));
    assert_eq!(sp.in_value_minor + sp.over_value_minor, 40_000_000);
    assert_eq!(sp.over_value_minor, 28_000_000);
    // MFN on the whole, the surtax on the over-quota 7 cars.
    assert_eq!(q.total_duty_minor, 2_440_000 + 28_000_000);
}

#[test]
fn the_quota_grows_6_5_percent_a_year() {
    let ds = data();
    let q = quote(
        &ds,
        &Shipment {
            quota_used: 50_000,
            ..ship("cn-ev-to-ca", 40_000, Currency::CAD, "2027-03-01")
        },
    )
    .unwrap();
    let sp = q.quota.unwrap();
    assert_eq!(sp.year, 1);
    assert_eq!(sp.volume, 52_185);
    assert_eq!(sp.in_units, 1, "2,185 units remain in year 2");
}

#[test]
fn canola_seed_84_8_then_14_9() {
    let ds = data();
    let before = quote(
        &ds,
        &ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, "2025-09-01"),
    )
    .unwrap();
    assert_eq!(before.effective, Rate(8_480));
    let after = quote(
        &ds,
        &ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, "2026-03-15"),
    )
    .unwrap();
    assert_eq!(after.effective, Rate(1_490));
    assert!(after.charged().any(|l| l.kind == MeasureKind::AntiDumping));
    assert!(before
        .charged()
        .any(|l| l.kind == MeasureKind::AntiDumpingProvisional));
}

#[test]
fn canola_meal_105_then_suspended_to_5_then_back() {
    let ds = data();
    let q = |date| {
        quote(
            &ds,
            &ship("ca-canola-meal-to-cn", 3_000, Currency::CNY, date),
        )
        .unwrap()
    };
    assert_eq!(q("2025-06-01").effective, Rate(10_500));
    let during = q("2026-06-01");
    assert_eq!(during.effective, Rate(500));
    let ret = during
        .layers
        .iter()
        .find(|l| l.kind == MeasureKind::Retaliation)
        .expect("the suspended layer is listed");
    assert!(matches!(ret.status, LayerStatus::Suspended { .. }));
    assert_eq!(
        q("2027-01-01").effective,
        Rate(10_500),
        "the suspension ends on 2026-12-31"
    );
    assert!(q("2027-01-01").outside_coverage.is_some());
}

#[test]
fn pork_still_pays_its_base_rate_plus_25_percent_after_the_deal() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("ca-pork-to-cn", 20_000, Currency::CNY, "2026-06-01"),
    )
    .unwrap();
    let base = q
        .charged()
        .find(|l| l.kind == MeasureKind::Base)
        .expect("a base rate")
        .rate
        .unwrap();
    assert_eq!(q.effective, Rate(base.bp() + 2_500));
    assert!(q
        .charged()
        .any(|l| l.kind == MeasureKind::Retaliation && l.rate == Some(Rate(2_500))));
}

#[test]
fn the_meat_ban_of_2019_is_reported() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("ca-pork-to-cn", 20_000, Currency::CNY, "2019-08-01"),
    )
    .unwrap();
    assert!(q.blocked);
    assert!(q.layers.iter().any(|l| l.status == LayerStatus::Ban));
}

#[test]
fn us_tariff_starts_on_march_4_2025_not_in_january() {
    let ds = data();
    let q = |date| {
        quote(&ds, &ship("ca-goods-to-us", 10_000, Currency::USD, date))
            .unwrap()
            .effective
    };
    assert_eq!(q("2025-01-15"), Rate(0));
    assert_eq!(q("2025-03-03"), Rate(0));
    assert_eq!(q("2025-03-04"), Rate(2_500));
    assert_eq!(q("2025-08-01"), Rate(3_500));
    assert_eq!(q("2026-02-24"), Rate(0));
}

#[test]
fn values_in_another_currency_are_converted_at_the_dated_rate() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("cn-ev-to-ca", 30_000, Currency::USD, "2024-06-01"),
    )
    .unwrap();
    let conv = q.conversion.as_ref().expect("USD → CAD");
    assert_eq!(conv.to, Currency::CAD);
    assert!(
        q.value_minor > 3_000_000 * 100 / 100 * 13 / 10,
        "US$30,000 is more than C$39,000"
    );
    assert!(
        q.has_estimate,
        "the exchange rate is an approximation and is labelled"
    );
}

#[test]
fn dates_outside_the_data_are_answered_with_a_note() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("cn-ev-to-ca", 40_000, Currency::CAD, "2010-01-01"),
    )
    .unwrap();
    assert_eq!(q.effective, Rate(610), "falls back to the base rate");
    assert!(q.outside_coverage.is_some());
}

#[test]
fn bad_shipments_are_errors_not_panics() {
    let ds = data();
    let s = ship("cn-ev-to-ca", 40_000, Currency::CAD, "2026-03-02");
    assert_eq!(
        quote(
            &ds,
            &Shipment {
                flow: "nope".into(),
                ..s.clone()
            }
        ),
        Err(QuoteError::UnknownFlow("nope".into()))
    );
    assert_eq!(
        quote(
            &ds,
            &Shipment {
                value_minor: 0,
                ..s.clone()
            }
        ),
        Err(QuoteError::ValueNotPositive)
    );
    assert_eq!(
        quote(
            &ds,
            &Shipment {
                quantity: 0,
                ..s.clone()
            }
        ),
        Err(QuoteError::QuantityZero)
    );
    assert_eq!(
        quote(
            &ds,
            &Shipment {
                value_minor: i64::MAX,
                ..s
            }
        ),
        Err(QuoteError::ValueTooLarge)
    );
}

#[test]
fn the_summary_sentence_reads_like_the_article() {
    let ds = data();
    let s = ship("cn-ev-to-ca", 40_000, Currency::CAD, "2026-03-02");
    let cmp = compare(&ds, &s, d("2026-01-15")).unwrap();
    assert_eq!(cmp.duty_change_minor, -4_000_000);
    let en = sentence(
        &ds,
        &cmp,
        Some(before_deal_label(Lang::En)),
        None,
        Lang::En,
        &LocaleFormats(Lang::En),
    );
    assert!(en.contains("pays C$2,440.00 in duty (6.1%)"), "{en}");
    assert!(en.contains("C$40,000.00 less than before the deal"), "{en}");
    assert!(en.contains("inside the quota"), "{en}");
    let fr = sentence(
        &ds,
        &cmp,
        Some(before_deal_label(Lang::Fr)),
        None,
        Lang::Fr,
        &LocaleFormats(Lang::Fr),
    );
    assert!(
        fr.contains("2\u{a0}440,00\u{a0}$ de droits (6,1\u{a0}%)"),
        "{fr}"
    );
    assert!(fr.contains("de moins qu’avant l’entente"), "{fr}");
    assert!(
        fr.contains("40\u{a0}000,00\u{a0}$ de véhicules électriques"),
        "lowercase mid-sentence: {fr}"
    );
    let steel = compare(
        &ds,
        &ship("cn-steel-to-ca", 1_000, Currency::CAD, "2025-01-01"),
        d("2026-01-15"),
    )
    .unwrap();
    let fr = sentence(&ds, &steel, None, None, Lang::Fr, &LocaleFormats(Lang::Fr));
    assert!(fr.contains("$ d’acier"), "elided before a vowel: {fr}");
    // Against another date, the sentence says which.
    let cmp = compare(&ds, &s, d("2025-06-01")).unwrap();
    let en = sentence(&ds, &cmp, None, None, Lang::En, &LocaleFormats(Lang::En));
    assert!(en.contains("C$40,000.00 less than on June 1, 2025"), "{en}");
    let fr = sentence(&ds, &cmp, None, None, Lang::Fr, &LocaleFormats(Lang::Fr));
    assert!(fr.contains("de moins que le 1er juin 2025"), "{fr}");
}

#[test]
fn the_rate_chart_steps_follow_the_measures() {
    let ds = data();
    let steps = rate_steps(
        &ds,
        &ship("cn-ev-to-ca", 40_000, Currency::CAD, "2026-03-02"),
        d("2017-01-01"),
        d("2026-12-31"),
    );
    let rates: Vec<i64> = steps.iter().map(|(_, r)| r.bp()).collect();
    assert_eq!(rates, vec![610, 10_610, 610]);
    assert_eq!(steps[1].0, d("2024-10-01"));
    assert_eq!(steps[2].0, d("2026-03-01"));
}

// proptest is a native-only dev-dependency (Cargo.toml); the golden cases
// above still compile for wasm32, so `cargo clippy --target wasm32-unknown-unknown
// --all-targets` lints them.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn flows(ds: &Dataset) -> Vec<String> {
        ds.flows.iter().map(|f| f.id.clone()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn duty_is_never_negative_and_never_falls_as_value_grows(
            flow_idx in 0usize..64, day in 16_000i32..21_000, v in 1i64..1_000_000_000_000, extra in 0i64..1_000_000_000,
            qty in 1u64..200_000, used in 0u64..120_000,
        ) {
            let ds = data();
            let fl = flows(&ds);
            let flow = fl[flow_idx % fl.len()].clone();
            let date = Date::from_days(day);
            let s = Shipment { flow, value_minor: v, currency: Currency::CAD, date, quantity: qty, quota_used: used };
            let a = quote(&ds, &s).unwrap();
            let b = quote(&ds, &Shipment { value_minor: v + extra, ..s }).unwrap();
            prop_assert!(a.total_duty_minor >= 0);
            prop_assert!(b.total_duty_minor >= a.total_duty_minor);
            prop_assert_eq!(a.layers.iter().map(|l| l.amount_minor).sum::<i64>(), a.total_duty_minor);
            if let Some(sp) = &a.quota {
                prop_assert_eq!(sp.in_units + sp.over_units, qty);
                prop_assert_eq!(sp.in_value_minor + sp.over_value_minor, a.value_minor);
            }
        }

        #[test]
        fn layers_in_force_are_exactly_those_whose_windows_contain_the_date(flow_idx in 0usize..64, day in 16_000i32..21_000) {
            let ds = data();
            let fl = flows(&ds);
            let flow = fl[flow_idx % fl.len()].clone();
            let date = Date::from_days(day);
            let q = quote(&ds, &Shipment { flow: flow.clone(), value_minor: 1_000_000, currency: Currency::CAD, date, quantity: 1, quota_used: 0 }).unwrap();
            let mut expected: Vec<&str> = ds.measures.iter()
                .filter(|m| m.flow == flow && m.kind != MeasureKind::Suspension && m.in_force(date))
                .map(|m| m.id.as_str()).collect();
            let mut got: Vec<&str> = q.layers.iter().map(|l| l.measure.as_str()).collect();
            expected.sort();
            got.sort();
            prop_assert_eq!(got, expected);
        }
    }
}
