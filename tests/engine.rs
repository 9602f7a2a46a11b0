//! Golden cases (worked examples whose totals were computed by hand from the
//! published rates, e.g. a C$40,000 Chinese EV: C$42,440 of duty before the
//! deal, C$2,440 inside the quota), and properties of the duty engine, run
//! natively against the dataset the widget ships.

use trade_widget::core::builtin::BUILTIN_JSON;
use trade_widget::core::date::Date;
use trade_widget::core::engine::{compare, quote, rate_steps, LayerStatus, QuoteError, Shipment};
use trade_widget::core::format::LocaleFormats;
use trade_widget::core::load::load;
use trade_widget::core::model::{
    Category, Confidence, Dataset, Lang, MeasureKind, SettlementOutcome, SourceKind,
};
use trade_widget::core::money::{Currency, Rate};
use trade_widget::core::result::notes;
use trade_widget::core::summary::{before_deal_label, sentence, settlement_sentence, status_label};

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

/// The widget shows sources as records, but `quote()` keeps the declared
/// `sources: string[]` (www/trade-widget.d.ts): embedders get the addresses.
#[test]
fn a_serialized_quote_gives_sources_as_addresses() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("cn-ev-to-ca", 40_000, Currency::CAD, "2025-06-01"),
    )
    .unwrap();
    let v = serde_json::to_value(&q).unwrap();
    for (i, layer) in v["layers"].as_array().unwrap().iter().enumerate() {
        let urls: Vec<&str> = layer["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().expect("a source in quote() is an address"))
            .collect();
        let want: Vec<&str> = q.layers[i].sources.iter().map(|s| s.url.as_str()).collect();
        assert_eq!(urls, want);
        assert!(urls.iter().all(|u| u.starts_with("https://")));
    }
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

// ---- The law as written (issue 13) -------------------------------------

fn sentence_on(ds: &Dataset, s: &Shipment, lang: Lang) -> String {
    let cmp = compare(ds, s, d("2017-06-01")).unwrap();
    sentence(ds, &cmp, None, None, lang, &LocaleFormats(lang))
}

#[test]
fn the_2019_canola_bans_named_two_exporters_not_every_shipment() {
    let ds = data();
    let s = ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, "2019-06-01");
    let q = quote(&ds, &s).unwrap();
    assert!(!q.blocked, "other exporters could still ship");
    let named: Vec<Vec<String>> = q
        .layers
        .iter()
        .filter_map(|l| match &l.status {
            LayerStatus::NamedExporters { exporters } => Some(exporters.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        named,
        vec![
            vec!["Richardson International".to_string()],
            vec!["Viterra".to_string()]
        ]
    );
    assert!(q
        .layers
        .iter()
        .all(|l| l.kind == MeasureKind::ExporterBan || l.kind == MeasureKind::Base));
    assert_eq!(q.effective, Rate(900), "no duty but the MFN rate");
    let en = sentence_on(&ds, &s, Lang::En);
    assert!(
        en.contains("Shipments from Richardson International and Viterra were blocked that day; other exporters’ shipments could enter."),
        "{en}"
    );
    assert!(!en.contains("A non-tariff ban was in force"), "{en}");
    let fr = sentence_on(&ds, &s, Lang::Fr);
    assert!(
        fr.contains("Les expéditions de Richardson International et Viterra étaient bloquées"),
        "{fr}"
    );
    // Each exporter's own window: Viterra only from March 26, 2019.
    let march = quote(
        &ds,
        &ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, "2019-03-10"),
    )
    .unwrap();
    let names: Vec<&str> = march
        .layers
        .iter()
        .filter(|l| l.kind == MeasureKind::ExporterBan)
        .map(|l| l.measure.as_str())
        .collect();
    assert_eq!(names, vec!["cn-ban-canola-richardson"]);
}

#[test]
fn a_ban_lifted_on_a_day_ends_the_day_before() {
    let ds = data();
    let exporter_bans = |date| {
        quote(
            &ds,
            &ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, date),
        )
        .unwrap()
        .layers
        .iter()
        .filter(|l| l.kind == MeasureKind::ExporterBan)
        .count()
    };
    assert_eq!(exporter_bans("2022-05-17"), 2, "the last day in force");
    assert_eq!(exporter_bans("2022-05-18"), 0, "re-listed on May 18, 2022");
    let meat = |date| {
        quote(&ds, &ship("ca-pork-to-cn", 20_000, Currency::CNY, date))
            .unwrap()
            .blocked
    };
    assert!(meat("2019-11-04"));
    assert!(!meat("2019-11-05"), "imports resumed on November 5, 2019");
    // Every measure some event ends stops being in force by that event's day.
    for e in &ds.events {
        for id in &e.ends {
            let m = ds.measure(id).unwrap();
            let end = m.end.expect("an ended measure has an end");
            assert!(end <= e.date, "{id} ends {end}, after the event {}", e.id);
            assert!(
                !m.in_force(e.date.add_days(1)),
                "{id} still in force after {}",
                e.id
            );
        }
    }
}

#[test]
fn totals_resting_on_an_estimated_rate_are_labelled_estimates() {
    let ds = data();
    for date in ["2025-09-01", "2026-03-15"] {
        let s = ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, date);
        let q = quote(&ds, &s).unwrap();
        let base = q
            .layers
            .iter()
            .find(|l| l.kind == MeasureKind::Base)
            .unwrap();
        assert_eq!(
            base.confidence,
            Confidence::Estimate,
            "China's 9 % MFN rate"
        );
        assert!(q.has_estimate, "{date}: the total includes it");
        let en = sentence_on(&ds, &s, Lang::En);
        assert!(en.ends_with(" Includes an estimate."), "{en}");
    }
    // The events that state those totals say they are estimates.
    for id in ["canola-provisional-ad", "canola-final-ad"] {
        let e = ds.events.iter().find(|e| e.id == id).unwrap();
        assert!(
            e.description.en.contains("(an estimate)"),
            "{id}: {}",
            e.description.en
        );
        assert!(
            e.description.fr.contains("(une estimation)"),
            "{id}: {}",
            e.description.fr
        );
    }
    // Canola oil: the retaliatory tariff is reported (its notice is not
    // linked) and the MFN rate is an estimate; the total says estimate.
    let q = quote(
        &ds,
        &ship("ca-canola-oil-to-cn", 9_000, Currency::CNY, "2025-06-01"),
    )
    .unwrap();
    let ret = q
        .layers
        .iter()
        .find(|l| l.kind == MeasureKind::Retaliation)
        .unwrap();
    assert_eq!(ret.confidence, Confidence::Press);
    assert!(q.has_estimate);
}

#[test]
fn provisional_deposits_say_what_became_of_them() {
    let ds = data();
    let f = LocaleFormats(Lang::En);
    let deposit = |date| {
        quote(
            &ds,
            &ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, date),
        )
        .unwrap()
        .layers
        .into_iter()
        .find(|l| l.kind == MeasureKind::AntiDumpingProvisional)
        .unwrap()
    };
    // Paid in September 2025: charged at 75.8 %, later recalculated at 5.9 %.
    let sep = deposit("2025-09-01");
    assert_eq!(
        sep.amount_minor, 303_200,
        "75.8 % of CN¥4,000 is still what was paid at entry"
    );
    match &sep.status {
        LayerStatus::Settled {
            outcome,
            rate,
            decided,
            ..
        } => {
            assert_eq!(*outcome, SettlementOutcome::Recalculated);
            assert_eq!(*rate, Some(Rate(590)));
            assert_eq!(*decided, d("2026-02-28"));
        }
        other => panic!("{other:?}"),
    }
    let said = settlement_sentence(&sep, Lang::En, &f).unwrap();
    assert!(said.contains("recalculated at 5.9%"), "{said}");
    assert!(said.contains("February 28, 2026"), "{said}");
    assert!(
        said.contains("August 14, 2025") && said.contains("December 13, 2025"),
        "{said}"
    );
    assert_eq!(
        status_label(&sep.status, Lang::En),
        "deposit later recalculated"
    );
    // Paid in January 2026: refunded in full.
    let jan = deposit("2026-01-15");
    assert!(matches!(
        jan.status,
        LayerStatus::Settled {
            outcome: SettlementOutcome::Refunded,
            rate: None,
            ..
        }
    ));
    let said = settlement_sentence(&jan, Lang::Fr, &LocaleFormats(Lang::Fr)).unwrap();
    assert!(said.contains("remboursés en totalité"), "{said}");
    // The sentence and the notes under the result say it too.
    let s = ship("ca-canola-seed-to-cn", 4_000, Currency::CNY, "2026-01-15");
    assert!(sentence_on(&ds, &s, Lang::En).contains("refunded in full"));
    let q = quote(&ds, &s).unwrap();
    let n = notes(&ds, &q, Lang::En, &f);
    assert!(
        n.items.iter().any(|l| l.contains("refunded in full")),
        "{:?}",
        n.items
    );
}

#[test]
fn past_an_open_ended_suspension_the_tariff_is_uncertain() {
    let ds = data();
    let s = ship("ca-canola-meal-to-cn", 3_000, Currency::CNY, "2027-01-15");
    let q = quote(&ds, &s).unwrap();
    let ret = q
        .layers
        .iter()
        .find(|l| l.kind == MeasureKind::Retaliation)
        .unwrap();
    match &ret.status {
        LayerStatus::Uncertain { until_at_least, .. } => {
            assert_eq!(*until_at_least, d("2026-12-31"))
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(ret.confidence, Confidence::Estimate, "not shown as fact");
    assert!(q.has_estimate);
    assert_eq!(q.effective, Rate(10_500), "counted as it would apply");
    let en = sentence_on(&ds, &s, Lang::En);
    assert!(
        en.contains("was suspended until at least December 31, 2026; whether it applies after that date is not known"),
        "{en}"
    );
    let fr = sentence_on(&ds, &s, Lang::Fr);
    assert!(fr.contains("au moins jusqu’au 31 décembre 2026"), "{fr}");
    // Inside the suspension nothing is uncertain.
    let during = quote(
        &ds,
        &ship("ca-canola-meal-to-cn", 3_000, Currency::CNY, "2026-12-31"),
    )
    .unwrap();
    assert!(during
        .layers
        .iter()
        .all(|l| !matches!(l.status, LayerStatus::Uncertain { .. })));
}

#[test]
fn the_first_quota_year_ends_on_february_28_2027() {
    let ds = data();
    let q = quote(
        &ds,
        &ship("cn-ev-to-ca", 40_000, Currency::CAD, "2026-06-01"),
    )
    .unwrap();
    let sp = q.quota.unwrap();
    assert_eq!(
        (sp.year_start, sp.year_end),
        (d("2026-03-01"), d("2027-02-28"))
    );
    // The timeline draws the span to the same day, past the data's coverage.
    let span = ds
        .events
        .iter()
        .find(|e| e.id == "ev-quota-year-1")
        .unwrap();
    assert_eq!(span.end, Some(d("2027-02-28")));
    // The second year's volume rests on an estimated growth: said so.
    let s = Shipment {
        quota_used: 50_000,
        ..ship("cn-ev-to-ca", 40_000, Currency::CAD, "2027-03-01")
    };
    let q = quote(&ds, &s).unwrap();
    assert!(q.has_estimate);
    let n = notes(&ds, &q, Lang::En, &LocaleFormats(Lang::En));
    assert!(
        n.items
            .iter()
            .any(|l| l.contains("6.5% a year used here is an assumption")),
        "{:?}",
        n.items
    );
}

#[test]
fn the_deal_suspended_only_the_retaliatory_tariffs() {
    let ds = data();
    let e = ds
        .events
        .iter()
        .find(|e| e.id == "deal-2026-01-16")
        .unwrap();
    let en = &e.description.en;
    assert!(en.contains("suspend its retaliatory tariffs"), "{en}");
    assert!(en.contains("MFN duties on them still apply"), "{en}");
    assert!(!en.contains("lift its tariffs"), "{en}");
    assert!(e.description.fr.contains("tarifs de rétorsion"));
    // And the calculator agrees: canola meal after March 1 still pays MFN.
    let q = quote(
        &ds,
        &ship("ca-canola-meal-to-cn", 3_000, Currency::CNY, "2026-06-01"),
    )
    .unwrap();
    assert_eq!(q.effective, Rate(500));
}

#[test]
fn every_lane_has_events_and_the_story_is_told() {
    let ds = data();
    for c in Category::ALL {
        assert!(
            ds.events.iter().any(|e| e.category == c),
            "{c:?} lane is empty"
        );
    }
    let security: Vec<&str> = ds
        .events
        .iter()
        .filter(|e| e.category == Category::Security)
        .map(|e| e.id.as_str())
        .collect();
    assert!(security.len() >= 8, "{security:?}");
    for id in [
        "election-2025",
        "fifty-first-state",
        "cusma-review-consultations",
        "jimmy-lai-verdict",
    ] {
        assert!(ds.events.iter().any(|e| e.id == id), "{id}");
    }
    // Every source a reader can follow names its publisher and kind, and
    // every figure shown as fact stands on a primary text.
    for m in ds
        .measures
        .iter()
        .filter(|m| m.confidence == Confidence::Confirmed)
    {
        assert!(
            m.sources.iter().any(|s| s.kind == SourceKind::Primary),
            "{}",
            m.id
        );
    }
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
