//! The pure core: data model, validation, the duty engine, dates, money and
//! the timeline layout. No web-sys and no JsValue here: everything compiles
//! and is tested natively with `cargo test`.

/// Calendar dates as day numbers.
pub mod date;
/// The duty engine: layers in force, quotas, suspensions, comparisons.
pub mod engine;
/// Money, rates, numbers and dates in English and French.
pub mod format;
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
/// The calculator's state in the URL fragment.
pub mod share;
/// The summary sentence and labels, in English and French.
pub mod summary;
/// Timeline scale, ticks, lanes, label placement and hit-testing.
pub mod timeline;
