//! The pure core: data model, validation, the duty engine, dates, money, the
//! calculator's form, the interface strings and the timeline layout and
//! gestures. No web-sys and no JsValue here: everything compiles and is
//! tested natively with `cargo test`.
//!
//! - `builtin`: the data compiled in (checked by build.rs with the validator).
//! - `chart_data`: the calculator's charts as tables, descriptions and rate-step causes.
//! - `csv`: the CSV files a reader downloads (events, breakdown, rate series).
//! - `csv_import`: an events spreadsheet read into the data file's events (the editor's path).
//! - `date`: calendar dates as day numbers.
//! - `engine`: the duty engine: layers in force, quotas, suspensions, comparisons.
//! - `flow_search`: which goods count: the picker's search by word or HS code, the goods line.
//! - `form`: the calculator's inputs, their checks and the preset dates.
//! - `format`: money, rates, numbers and dates in English and French.
//! - `gesture`: the timeline's pointer gestures and key map, as a pure state machine.
//! - `i18n`: every interface string, in English and French (a typed catalogue).
//! - `json`: a small JSON reader with line and column errors.
//! - `load`: reading and validating a data file.
//! - `model`: the validated dataset types.
//! - `money`: money in minor units, rates in basis points, the value-input parser.
//! - `pack`: the dataset as compact bytes (what the view modules embed and decode).
//! - `order`: stable sorting with one copy of the sort code in the bundle.
//! - `reader`: the comparison in the reader's currency, and how it names its dates.
//! - `result`: the breakdown rows and the notes under a result.
//! - `share`: the calculator's state in the URL fragment.
//! - `summary`: the summary sentence and labels, in English and French.
//! - `timeline`: timeline scale, ticks, lanes, label placement and hit-testing.

pub mod builtin;
pub mod chart_data;
pub mod csv;
// Native only (validate --from-csv, tests; the builder has its JavaScript twin): compiled into the
// wasm it is never called, but it still changes how its callees are inlined (+0.3 KB).
#[cfg(not(target_arch = "wasm32"))]
pub mod csv_import;
pub mod date;
pub mod engine;
pub mod flow_search;
pub mod form;
pub mod format;
pub mod gesture;
pub mod i18n;
pub mod json;
pub mod load;
pub mod model;
pub mod money;
pub mod order;
pub mod pack;
pub mod reader;
pub mod result;
pub mod share;
pub mod summary;
#[cfg(test)]
pub(crate) mod testing;
pub mod timeline;
