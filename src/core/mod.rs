//! The pure core: data model, validation, the duty engine, dates, money, the
//! calculator's form, the interface strings and the timeline layout and
//! gestures. No web-sys and no JsValue here: everything compiles and is
//! tested natively with `cargo test`.

/// Calendar dates as day numbers.
pub mod date;
/// The duty engine: layers in force, quotas, suspensions, comparisons.
pub mod engine;
/// The calculator's inputs, their checks and the preset dates.
pub mod form;
/// Money, rates, numbers and dates in English and French.
pub mod format;
/// The timeline's pointer gestures and key map, as a pure state machine.
pub mod gesture;
/// Every interface string, in English and French (a typed catalogue).
pub mod i18n;
/// A small JSON reader with line and column errors.
pub mod json;
/// Reading and validating a data file.
pub mod load;
/// The validated dataset types.
pub mod model;
/// Money in minor units, rates in basis points, the value-input parser.
pub mod money;
/// Stable sorting with one copy of the sort code in the bundle.
pub mod order;
/// The breakdown rows and the notes under a result.
pub mod result;
/// The calculator's state in the URL fragment.
pub mod share;
/// The summary sentence and labels, in English and French.
pub mod summary;
/// Timeline scale, ticks, lanes, label placement and hit-testing.
pub mod timeline;
