//! What the engine answers with: a shipment, a quote with its layers, the
//! quota split and conversion, a comparison, and why a quote can fail. The
//! field names are camelCase in `quote()` for the page.

use crate::core::date::Date;
use crate::core::model::*;
use crate::core::money::{Currency, Rate};
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
