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
use serde::Serialize;
use std::fmt;

/// What a reader asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shipment {
    pub flow: String,
    /// Customs value of the whole shipment, in minor units of `currency`.
    pub value_minor: i64,
    pub currency: Currency,
    pub date: Date,
    /// Number of units (vehicles, tonnes) in the shipment.
    pub quantity: u64,
    /// For quota goods: units already entered in the quota year before this shipment.
    pub quota_used: u64,
}

/// Why a quote could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteError {
    UnknownFlow(String),
    ValueNotPositive,
    ValueTooLarge,
    QuantityZero,
    /// No exchange rate for the currency on or before the date.
    NoExchangeRate(Currency),
}

impl fmt::Display for QuoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteError::UnknownFlow(id) => write!(f, "there is no trade flow \"{id}\" in the data"),
            QuoteError::ValueNotPositive => f.write_str("the value must be more than zero"),
            QuoteError::ValueTooLarge => f.write_str("the value must be at most 1,000,000,000,000"),
            QuoteError::QuantityZero => f.write_str("the quantity must be at least 1"),
            QuoteError::NoExchangeRate(c) => write!(
                f,
                "the data has no exchange rate for {} on that date",
                c.code()
            ),
        }
    }
}

impl std::error::Error for QuoteError {}

/// Why a layer in force costs what it costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
// Field names are camelCase like every key of quote(); the `status` values stay
// snake_case: they are values (as the data file's measure kinds), not keys.
#[serde(
    tag = "status",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum LayerStatus {
    /// Charged on `base_minor`.
    Applied,
    /// Charged only on the over-quota part (`base_minor`); in-quota units are exempt.
    OverQuotaOnly,
    /// Switched off for the day by a suspension.
    Suspended { by: String },
    /// The whole shipment is inside the quota, which waives this layer.
    WaivedInQuota { quota: String },
    /// A non-tariff ban: no duty, but the goods are blocked.
    Ban,
    /// A ban on the goods of named exporters only: no duty; a shipment is
    /// blocked only if one of them ships it.
    NamedExporters { exporters: Vec<String> },
    /// A provisional deposit charged at entry, which a later decision
    /// recalculated (at `rate`) or refunded: what the deposits paid from
    /// `paid_from` to `paid_to` became, decided on `decided`.
    Settled {
        outcome: SettlementOutcome,
        rate: Option<Rate>,
        paid_from: Date,
        paid_to: Date,
        decided: Date,
        confidence: Confidence,
    },
    /// Charged because a suspension that ran "until at least"
    /// `until_at_least` has passed its date: whether the layer applies again
    /// is not known, so its amount is an estimate.
    Uncertain {
        suspension: String,
        until_at_least: Date,
    },
}

impl LayerStatus {
    /// Whether the layer's amount is charged (on all or part of the value).
    pub fn is_charged(&self) -> bool {
        matches!(
            self,
            LayerStatus::Applied
                | LayerStatus::OverQuotaOnly
                | LayerStatus::Settled { .. }
                | LayerStatus::Uncertain { .. }
        )
    }
}

/// One row of the breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Layer {
    pub measure: String,
    pub kind: MeasureKind,
    pub name: Text,
    pub rate: Option<Rate>,
    /// The value the rate is charged on, in minor units of the customs currency.
    pub base_minor: i64,
    pub amount_minor: i64,
    pub status: LayerStatus,
    pub instrument: Text,
    /// The measure's sources as records (publisher, title, date, kind) for
    /// the widget; `quote()` gives embedders their addresses only, as its
    /// declared `sources: string[]` has always been.
    #[serde(serialize_with = "source_urls")]
    pub sources: Vec<Source>,
    /// The weakest of the figures behind the amount (the measure's, and for an
    /// over-quota charge the quota's over-quota assumption).
    pub confidence: Confidence,
    pub note: Option<Text>,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

/// `Layer::sources` as `quote()` returns it: the addresses, in order.
fn source_urls<S: serde::Serializer>(sources: &[Source], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(sources.iter().map(|src| src.url.as_str()))
}

/// How a shipment divides across the quota.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuotaSplit {
    pub quota: String,
    /// 0 for the first quota year.
    pub year: u32,
    pub year_start: Date,
    pub year_end: Date,
    pub volume: u64,
    pub used: u64,
    pub remaining: u64,
    pub in_units: u64,
    pub over_units: u64,
    pub in_value_minor: i64,
    pub over_value_minor: i64,
}

/// The conversion of the entered value into the customs currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conversion {
    pub from: Currency,
    pub to: Currency,
    pub entered_minor: i64,
    /// CAD per unit of `from` and of `to`, in millionths, as used.
    pub from_cad_micros: i64,
    pub to_cad_micros: i64,
    pub confidence: Confidence,
    pub source: String,
}

/// What the data says about a date outside its coverage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageNote {
    pub start: Date,
    pub end: Date,
}

/// The answer for one shipment on one day.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    pub flow: String,
    pub date: Date,
    pub currency: Currency,
    /// Customs value in minor units of `currency`.
    pub value_minor: i64,
    pub quantity: u64,
    pub conversion: Option<Conversion>,
    pub layers: Vec<Layer>,
    pub total_duty_minor: i64,
    /// Customs value plus duty (taxes such as GST or VAT are not included).
    pub landed_minor: i64,
    pub effective: Rate,
    pub quota: Option<QuotaSplit>,
    /// Set when the date is outside the data's coverage.
    pub outside_coverage: Option<CoverageNote>,
    /// Whether any figure behind the total is not confirmed.
    pub has_estimate: bool,
    /// Whether a non-tariff ban was in force.
    pub blocked: bool,
}

impl Quote {
    /// Layers that cost something.
    pub fn charged(&self) -> impl Iterator<Item = &Layer> {
        self.layers.iter().filter(|l| l.amount_minor > 0)
    }
}

/// A quote on two dates for the same shipment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub selected: Quote,
    pub reference: Quote,
    /// Selected minus reference.
    pub duty_change_minor: i64,
    pub rate_change_bp: i64,
}

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

/// "Before the deal": the day before the deal was announced.
pub fn before_deal(ds: &Dataset) -> Date {
    ds.deal_date.add_days(-1)
}

/// The days on which anything about the flow's duty can change, in order:
/// measure starts, the day after each end, quota years.
pub fn change_days(ds: &Dataset, flow: &str, from: Date, to: Date) -> Vec<Date> {
    let mut days = vec![from];
    for m in ds.measures.iter().filter(|m| m.flow == flow) {
        days.extend(m.start);
        days.extend(m.end.map(|e| e.add_days(1)));
    }
    if let Some(q) = ds.quota_for(flow) {
        let mut year = 0;
        while q.start.add_years(year) <= to && year < 200 {
            days.push(q.start.add_years(year));
            year += 1;
        }
    }
    days.retain(|d| (from..=to).contains(d));
    super::order::sort_by_key(&mut days, |d| *d);
    days.dedup();
    days
}

/// The effective rate of `template`'s flow over time, as steps: each entry
/// holds from its date until the next entry's. For the rate chart.
pub fn rate_steps(ds: &Dataset, template: &Shipment, from: Date, to: Date) -> Vec<(Date, Rate)> {
    let mut steps: Vec<(Date, Rate)> = Vec::new();
    for day in change_days(ds, &template.flow, from, to) {
        if let Ok(q) = quote(
            ds,
            &Shipment {
                date: day,
                ..template.clone()
            },
        ) {
            if steps.last().is_none_or(|(_, r)| *r != q.effective) {
                steps.push((day, q.effective));
            }
        }
    }
    steps
}
