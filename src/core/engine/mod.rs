//! The duty engine: which layers are in force on a day, and what a shipment pays.
//!
//! A quote lists every layer of the flow that is in force on the date,
//! including the ones switched off (suspended, waived inside a quota) so the
//! reader sees why a layer costs nothing. Amounts are computed in the
//! currency of the importing customs; each layer is rounded once
//! ([`Rate::apply`]) and the total is the sum of the rounded layers.

use super::date::Date;
use super::model::*;
use super::money::{convert, Currency, Rate, MAX_VALUE_MINOR};

mod steps;
mod types;

pub use steps::{before_deal, change_days, rate_steps};
pub use types::*;

/// CAD per unit of `currency` on `date`, and the entry it came from.
fn cad_value(ds: &Dataset, currency: Currency, date: Date) -> Option<(i64, Confidence, String)> {
    if currency == Currency::CAD {
        return Some((1_000_000, Confidence::Confirmed, String::new()));
    }
    let mut found = None;
    for r in ds.exchange_rates.iter().filter(|r| r.currency == currency) {
        // The rate in force is the last one starting on or before the date;
        // before the first one, the first one is the best we have.
        if r.from <= date || found.is_none() {
            found = Some((r.cad_micros, r.confidence, r.source.url.clone()));
        }
    }
    found
}

/// Quotes `s` against the dataset.
pub fn quote(ds: &Dataset, s: &Shipment) -> Result<Quote, QuoteError> {
    let flow = ds
        .flow(&s.flow)
        .ok_or_else(|| QuoteError::UnknownFlow(s.flow.clone()))?;
    if s.value_minor <= 0 {
        return Err(QuoteError::ValueNotPositive);
    }
    if s.value_minor > MAX_VALUE_MINOR {
        return Err(QuoteError::ValueTooLarge);
    }
    if s.quantity == 0 {
        return Err(QuoteError::QuantityZero);
    }
    let (value_minor, conversion) = if s.currency == flow.currency {
        (s.value_minor, None)
    } else {
        let (from, c1, src1) =
            cad_value(ds, s.currency, s.date).ok_or(QuoteError::NoExchangeRate(s.currency))?;
        let (to, c2, src2) = cad_value(ds, flow.currency, s.date)
            .ok_or(QuoteError::NoExchangeRate(flow.currency))?;
        let converted = convert(s.value_minor, from, to).max(1);
        // A page's own data may carry any positive exchange rate; past the
        // limit, amounts could overflow, so such a value is refused, not wrapped.
        if converted > MAX_VALUE_MINOR {
            return Err(QuoteError::ValueTooLarge);
        }
        let confidence = if c1.is_fact() && c2.is_fact() {
            Confidence::Confirmed
        } else {
            Confidence::Estimate
        };
        let source = if src1.is_empty() { src2 } else { src1 };
        (
            converted,
            Some(Conversion {
                from: s.currency,
                to: flow.currency,
                entered_minor: s.value_minor,
                from_cad_micros: from,
                to_cad_micros: to,
                confidence,
                source,
            }),
        )
    };

    let quota = ds.quota_for(&flow.id).and_then(|q| {
        let year = q.year_index(s.date)?;
        let (year_start, year_end) = q.year_window(year);
        let volume = q.volume(year);
        let remaining = volume.saturating_sub(s.quota_used);
        let in_units = s.quantity.min(remaining);
        let over_units = s.quantity - in_units;
        let in_value_minor = split_value(value_minor, in_units, s.quantity);
        Some((
            q,
            QuotaSplit {
                quota: q.id.clone(),
                year,
                year_start,
                year_end,
                volume,
                used: s.quota_used,
                remaining,
                in_units,
                over_units,
                in_value_minor,
                over_value_minor: value_minor - in_value_minor,
            },
        ))
    });

    // The quota year's volume is as sure as the quota, and after the first
    // year as sure as its growth too.
    let quota_confidence = quota.as_ref().map(|(q, split)| {
        if split.year == 0 {
            q.confidence
        } else {
            weaker(q.confidence, q.growth_confidence)
        }
    });
    let mut layers = Vec::new();
    let mut blocked = false;
    for m in ds
        .measures
        .iter()
        .filter(|m| m.flow == flow.id && m.kind != MeasureKind::Suspension && m.in_force(s.date))
    {
        let suspensions = || {
            ds.measures.iter().filter(|x| {
                x.kind == MeasureKind::Suspension && x.suspends.as_deref() == Some(&m.id)
            })
        };
        let suspension = suspensions().find(|x| x.in_force(s.date));
        // The last suspension that ended before the day, if its end was
        // only a minimum ("until at least"): the layer may or may not be back.
        let lapsed = suspensions()
            .filter(|x| x.end.is_some_and(|e| e < s.date))
            .max_by_key(|x| x.end)
            .filter(|x| x.end_at_least);
        let waived_by = quota.as_ref().filter(|(q, _)| q.waives.contains(&m.id));
        let mut confidence = m.confidence;
        let (status, base_minor) = if m.kind == MeasureKind::Ban {
            blocked = true;
            (LayerStatus::Ban, 0)
        } else if m.kind == MeasureKind::ExporterBan {
            (
                LayerStatus::NamedExporters {
                    exporters: m.exporters.clone(),
                },
                0,
            )
        } else if let Some(sus) = suspension {
            (LayerStatus::Suspended { by: sus.id.clone() }, 0)
        } else if let Some((q, split)) = waived_by {
            confidence = weaker(confidence, quota_confidence.unwrap_or(q.confidence));
            if split.over_units == 0 {
                (
                    LayerStatus::WaivedInQuota {
                        quota: q.id.clone(),
                    },
                    0,
                )
            } else {
                confidence = weaker(confidence, q.over_quota_confidence);
                (LayerStatus::OverQuotaOnly, split.over_value_minor)
            }
        } else if let Some(sus) = lapsed {
            confidence = weaker(confidence, Confidence::Estimate);
            (
                LayerStatus::Uncertain {
                    suspension: sus.id.clone(),
                    until_at_least: sus.end.unwrap_or(s.date),
                },
                value_minor,
            )
        } else if let Some(st) = m.settlement_on(s.date) {
            (
                LayerStatus::Settled {
                    outcome: st.outcome,
                    rate: st.rate,
                    paid_from: st.paid_from,
                    paid_to: st.paid_to,
                    decided: st.decided,
                    confidence: st.confidence,
                },
                value_minor,
            )
        } else {
            (LayerStatus::Applied, value_minor)
        };
        let amount_minor = m.rate.map_or(0, |r| r.apply(base_minor));
        let (instrument, sources, note) = match (suspension, lapsed) {
            // A suspended layer cites the suspension: that is the instrument
            // that decides what the reader pays.
            (Some(sus), _) => (
                sus.instrument.clone(),
                sus.sources.clone(),
                Some(sus.name.clone()),
            ),
            // Past an open-ended suspension, both texts matter: the measure
            // that may apply again and the suspension whose end was a minimum.
            (None, Some(sus)) => {
                let mut sources = m.sources.clone();
                sources.extend(sus.sources.iter().cloned());
                (m.instrument.clone(), sources, Some(sus.name.clone()))
            }
            (None, None) => (m.instrument.clone(), m.sources.clone(), m.note.clone()),
        };
        layers.push(Layer {
            measure: m.id.clone(),
            kind: m.kind,
            name: m.name.clone(),
            rate: m.rate,
            base_minor,
            amount_minor,
            status,
            instrument,
            sources,
            confidence,
            note,
            start: m.start,
            end: m.end,
        });
    }
    super::order::sort_by_key(&mut layers, |l| l.kind);

    // At most 1000 % of at most 10^14 per layer: no realistic sum overflows,
    // and an unrealistic one saturates rather than wrapping to a negative duty.
    let total_duty_minor: i64 = layers
        .iter()
        .map(|l| l.amount_minor)
        .fold(0, i64::saturating_add);
    // A total is an estimate when any part of it is: a charged layer, the
    // conversion, or the quota volume that decided what was waived.
    let has_estimate = layers
        .iter()
        .any(|l| l.amount_minor > 0 && !l.confidence.is_fact())
        || conversion.as_ref().is_some_and(|c| !c.confidence.is_fact())
        || quota_confidence.is_some_and(|c| !c.is_fact());
    let (start, end) = ds.coverage;
    Ok(Quote {
        flow: flow.id.clone(),
        date: s.date,
        currency: flow.currency,
        value_minor,
        quantity: s.quantity,
        conversion,
        total_duty_minor,
        landed_minor: value_minor.saturating_add(total_duty_minor),
        effective: Rate::effective(total_duty_minor, value_minor),
        quota: quota.map(|(_, split)| split),
        outside_coverage: (s.date < start || s.date > end).then_some(CoverageNote { start, end }),
        has_estimate,
        blocked,
        layers,
    })
}

/// The in-quota share of `value` for `part` of `whole` units, rounded once;
/// the over-quota share is the rest, so the two always sum to the value.
pub(crate) fn split_value(value: i64, part: u64, whole: u64) -> i64 {
    if whole == 0 || part >= whole {
        return value;
    }
    let v = i128::from(value) * i128::from(part);
    let w = i128::from(whole);
    i64::try_from((v + w / 2) / w).unwrap_or(value)
}

/// The less sure of two confidences.
pub fn weaker(a: Confidence, b: Confidence) -> Confidence {
    let rank = |c| match c {
        Confidence::Confirmed => 0,
        Confidence::Press => 1,
        Confidence::Estimate => 2,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The same shipment on its own date and on `reference_date`.
pub fn compare(ds: &Dataset, s: &Shipment, reference_date: Date) -> Result<Comparison, QuoteError> {
    let selected = quote(ds, s)?;
    let reference = quote(
        ds,
        &Shipment {
            date: reference_date,
            ..s.clone()
        },
    )?;
    Ok(Comparison {
        duty_change_minor: selected.total_duty_minor - reference.total_duty_minor,
        rate_change_bp: selected.effective.bp() - reference.effective.bp(),
        selected,
        reference,
    })
}
