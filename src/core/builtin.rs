//! The data compiled into the widget, as build.rs wrote it after checking it
//! with the validator (a file it refuses fails the build).

use crate::core::date::Date;

/// The dataset compiled into this module: data/canada-china.json without its
/// indentation, and without its events in a module built without the
/// `timeline` feature.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/canada-china.min.json"));

/// The built-in events' days (day numbers) when [`BUILTIN_JSON`] carries no
/// events (a calculator-only module): the rate chart marks them. Empty when
/// the events are in the data.
const STRIPPED_EVENT_DAYS: &[i32] = include!(concat!(env!("OUT_DIR"), "/event_days.rs"));

/// The days the calculator's rate chart marks: the dataset's events, or, when
/// the module was built without them and the page gave none, the built-in
/// events' days.
pub fn event_days(events: &[crate::core::model::Event]) -> Vec<Date> {
    if events.is_empty() {
        STRIPPED_EVENT_DAYS
            .iter()
            .map(|&d| Date::from_days(d))
            .collect()
    } else {
        events.iter().map(|e| e.date).collect()
    }
}
