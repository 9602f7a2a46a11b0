//! The comparison as the reader reads it: every amount in the currency they
//! chose, and a comparison that a currency move cannot pass off as a duty
//! change.
//!
//! The engine charges each layer in the importing customs' currency (China
//! levies yuan). A Canadian who typed C$1,000,000 reads C$ first: each
//! layer is charged again on the value as the reader entered it, at the same
//! rate and on the same share of the shipment, rounded once, and the total
//! is the sum of those layers, so the table still adds up. The amount
//! customs levies follows in brackets ([`Levied`]); the conversion rate and
//! its source are in the notes.
//!
//! Both dates of a comparison carry the same value in the reader's currency,
//! so two dates with the same rates show the same duty, whatever the
//! exchange rate did in between.

use super::engine::{split_value, Comparison, LayerStatus, Quote};
use super::i18n::{Lang, Msg};
use super::model::Dataset;
use super::money::{convert, Currency};

/// What customs levies, when that is another currency than the reader's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levied {
    pub currency: Currency,
    /// The total duty on the chosen date, in `currency`'s minor units.
    pub selected_minor: i64,
    /// The total duty on the comparison date.
    pub reference_minor: i64,
}

/// `cmp` with every amount in the currency the reader entered, and what
/// customs levies in its own currency when that differs.
pub fn in_reader_currency(cmp: &Comparison) -> (Comparison, Option<Levied>) {
    let levied = match (&cmp.selected.conversion, &cmp.reference.conversion) {
        (Some(c), _) | (None, Some(c)) if c.from != c.to => Some(Levied {
            currency: c.to,
            selected_minor: cmp.selected.total_duty_minor,
            reference_minor: cmp.reference.total_duty_minor,
        }),
        _ => None,
    };
    let selected = quote_in_reader_currency(&cmp.selected);
    let reference = quote_in_reader_currency(&cmp.reference);
    let out = Comparison {
        duty_change_minor: selected.total_duty_minor - reference.total_duty_minor,
        rate_change_bp: cmp.rate_change_bp,
        selected,
        reference,
    };
    (out, levied)
}

/// One quote with its amounts in the entered currency.
fn quote_in_reader_currency(q: &Quote) -> Quote {
    let Some(c) = q.conversion.as_ref().filter(|c| c.from != c.to) else {
        return q.clone();
    };
    let entered = c.entered_minor;
    let mut out = q.clone();
    out.currency = c.from;
    out.value_minor = entered;
    // The over-quota share of the entered value, split as the engine splits.
    let over_entered = q
        .quota
        .as_ref()
        .map(|sp| entered - split_value(entered, sp.in_units, sp.in_units + sp.over_units));
    for layer in &mut out.layers {
        let base = match layer.status {
            LayerStatus::OverQuotaOnly => over_entered.unwrap_or(entered),
            _ if layer.base_minor == q.value_minor => entered,
            // A base the engine derived otherwise: convert it back.
            _ => convert(layer.base_minor, c.to_cad_micros, c.from_cad_micros),
        };
        let charged = layer.amount_minor != 0;
        layer.base_minor = base;
        layer.amount_minor = match (charged, layer.rate) {
            (true, Some(rate)) => rate.apply(base),
            _ => 0,
        };
    }
    if let (Some(sp), Some(over)) = (out.quota.as_mut(), over_entered) {
        sp.over_value_minor = over;
        sp.in_value_minor = entered - over;
    }
    out.total_duty_minor = out.layers.iter().map(|l| l.amount_minor).sum();
    out.landed_minor = entered + out.total_duty_minor;
    out
}

/// How the sentence names the comparison date: "before the deal" only when
/// the comparison date is before the deal and the chosen date is not;
/// otherwise the sentence says "on" and the date.
pub fn reference_label(ds: &Dataset, cmp: &Comparison, lang: Lang) -> Option<&'static str> {
    let (reference, selected) = (cmp.reference.date, cmp.selected.date);
    (reference < ds.deal_date && selected >= ds.deal_date).then(|| Msg::BeforeDeal.text(lang))
}

#[cfg(test)]
mod tests {
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
}
