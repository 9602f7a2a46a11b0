//! Tests of [`super`]: reader.rs.

use super::*;
use crate::core::engine::compare;
use crate::core::testing::{dataset as ds, day, shipment};

#[test]
fn canola_in_dollars_reads_in_dollars_and_adds_up() {
    let ds = ds();
    let s = shipment(
        "ca-canola-seed-to-cn",
        100_000_000,
        Currency::CAD,
        "2025-09-01",
        1,
        0,
    );
    let cmp = compare(&ds, &s, day("2026-01-15")).expect("a comparison");
    assert_eq!(cmp.selected.currency, Currency::CNY, "China levies yuan");
    let (r, levied) = in_reader_currency(&cmp);
    let q = &r.selected;
    assert_eq!(q.currency, Currency::CAD);
    assert_eq!(q.value_minor, 100_000_000);
    // 9 % MFN + 75.8 % provisional deposit on C$1,000,000: C$848,000.00.
    assert_eq!(q.total_duty_minor, 84_800_000);
    assert_eq!(
        q.total_duty_minor,
        q.layers.iter().map(|l| l.amount_minor).sum::<i64>()
    );
    assert_eq!(q.landed_minor, 184_800_000);
    let levied = levied.expect("levied in yuan");
    assert_eq!(levied.currency, Currency::CNY);
    assert_eq!(levied.selected_minor, cmp.selected.total_duty_minor);
}

#[test]
fn an_exchange_rate_move_is_no_duty_change() {
    let ds = ds();
    // 2025-09-01 and 2026-01-15: the same 84.8 % on canola seed, two years' exchange rates.
    let s = shipment(
        "ca-canola-seed-to-cn",
        100_000_000,
        Currency::CAD,
        "2025-09-01",
        1,
        0,
    );
    let cmp = compare(&ds, &s, day("2026-01-15")).expect("a comparison");
    assert_ne!(cmp.duty_change_minor, 0, "in yuan the two years differ");
    let (r, _) = in_reader_currency(&cmp);
    assert_eq!(
        r.duty_change_minor, 0,
        "in the reader's dollars they do not"
    );
    assert_eq!(r.rate_change_bp, 0);
}

#[test]
fn the_same_currency_changes_nothing() {
    let ds = ds();
    let s = shipment("cn-ev-to-ca", 4_000_000, Currency::CAD, "2026-03-02", 1, 0);
    let cmp = compare(&ds, &s, day("2026-01-15")).expect("a comparison");
    let (r, levied) = in_reader_currency(&cmp);
    assert_eq!(r, cmp);
    assert_eq!(levied, None);
}

#[test]
fn an_over_quota_share_is_charged_on_the_entered_value() {
    let ds = ds();
    // EVs in US dollars, part over the quota: the over-quota layer's base
    // is the over-quota share of the entered value.
    let s = shipment(
        "cn-ev-to-ca",
        100_000_000,
        Currency::USD,
        "2026-03-02",
        10,
        48_995,
    );
    let cmp = compare(&ds, &s, day("2026-01-15")).expect("a comparison");
    let (r, _) = in_reader_currency(&cmp);
    let q = &r.selected;
    let sp = q.quota.as_ref().expect("a quota split");
    assert_eq!((sp.in_units, sp.over_units), (5, 5));
    assert_eq!(sp.in_value_minor + sp.over_value_minor, 100_000_000);
    for l in q
        .layers
        .iter()
        .filter(|l| l.status == LayerStatus::OverQuotaOnly)
    {
        assert_eq!(l.base_minor, sp.over_value_minor);
    }
    assert_eq!(
        q.total_duty_minor,
        q.layers.iter().map(|l| l.amount_minor).sum::<i64>()
    );
}

#[test]
fn the_sentence_reads_in_dollars_with_the_yuan_in_brackets() {
    use crate::core::format::{Formats, LocaleFormats};
    use crate::core::summary::sentence;
    let ds = ds();
    let s = shipment(
        "ca-canola-seed-to-cn",
        100_000_000,
        Currency::CAD,
        "2025-09-01",
        1,
        0,
    );
    let cmp = compare(&ds, &s, day("2026-01-15")).expect("a comparison");
    let (r, levied) = in_reader_currency(&cmp);
    let levied = levied.expect("levied in yuan");
    for lang in [Lang::En, Lang::Fr] {
        let f = LocaleFormats(lang);
        let yuan = f.money(levied.selected_minor, Currency::CNY);
        let label = reference_label(&ds, &r, lang);
        let text = sentence(&ds, &r, label, Some(&yuan), lang, &f);
        let dollars = f.money(84_800_000, Currency::CAD);
        assert!(
            text.starts_with(&f.money(100_000_000, Currency::CAD)),
            "{text}"
        );
        assert!(text.contains(&format!("{dollars} ({yuan})")), "{text}");
        match lang {
            Lang::En => assert!(text.contains("the same as on January 15, 2026"), "{text}"),
            Lang::Fr => assert!(text.contains("autant que le 15 janvier 2026"), "{text}"),
        }
    }
}

#[test]
fn before_the_deal_only_across_the_deal() {
    let ds = ds();
    let at = |date: &str, reference: &str| {
        let s = shipment("cn-ev-to-ca", 4_000_000, Currency::CAD, date, 1, 0);
        let cmp = compare(&ds, &s, day(reference)).expect("a comparison");
        reference_label(&ds, &cmp, Lang::En)
    };
    assert_eq!(at("2026-03-02", "2026-01-15"), Some("before the deal"));
    // Both dates before the deal: the comparison date is just a date.
    assert_eq!(at("2025-09-01", "2026-01-15"), None);
    // Both after.
    assert_eq!(at("2026-03-02", "2026-02-01"), None);
    // The comparison date after the chosen one.
    assert_eq!(at("2025-09-01", "2026-03-02"), None);
}
