//! The data compiled into the widget, as build.rs wrote it after checking it
//! with the validator (a file it refuses fails the build).

use crate::core::date::Date;

/// data/canada-china.json without its indentation: what a page's own data is
/// laid over (the reader module) and what native tests read.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/canada-china.min.json"));

/// The same dataset, checked, as [`crate::core::pack`] bytes: what a view
/// module decodes. Without its events in a module built without the
/// `timeline` feature.
pub const BUILTIN_DATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/canada-china.bin"));

/// The built-in events' days (day numbers) when [`BUILTIN_DATA`] carries no
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

/// The built-in dataset, decoded; `None` only if the build wrote it wrong.
pub fn dataset() -> Option<crate::core::model::Dataset> {
    crate::core::pack::unpack(BUILTIN_DATA)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_packed_data_is_the_validated_file() {
        let from_json = crate::core::load::load(super::BUILTIN_JSON).expect("the data validates");
        assert_eq!(super::dataset(), Some(from_json));
    }
}
