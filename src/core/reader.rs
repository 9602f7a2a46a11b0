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
mod tests;
