//! What the core's unit tests share: the built-in dataset, dates and
//! shipments written the short way.

use super::builtin::BUILTIN_JSON;
use super::date::Date;
use super::engine::Shipment;
use super::load::load;
use super::model::Dataset;
use super::money::Currency;

/// The built-in dataset.
pub fn dataset() -> Dataset {
    load(BUILTIN_JSON).expect("the built-in data loads")
}

/// `YYYY-MM-DD` as a date.
pub fn day(s: &str) -> Date {
    Date::parse(s).expect("a test date")
}

/// A shipment of `quantity` units worth `value_minor` in `currency`, with
/// `quota_used` units already in the quota year.
pub fn shipment(
    flow: &str,
    value_minor: i64,
    currency: Currency,
    date: &str,
    quantity: u64,
    quota_used: u64,
) -> Shipment {
    Shipment {
        flow: flow.into(),
        value_minor,
        currency,
        date: day(date),
        quantity,
        quota_used,
    }
}
