//! trade-widget: a Canada–China tariff calculator and relations timeline that
//! a news article embeds with one script tag.
//!
//! Three rooms:
//! - [`core`]: the data, the duty engine and the timeline layout, pure Rust;
//! - [`draw`]: plotters drawings generic over `DrawingBackend` (canvas in the
//!   browser, SVG natively for tests and the no-JS fallback);
//! - `web` (wasm only): the thin layer that touches the DOM.

pub mod core;
pub mod draw;
/// The checks behind the fuzz targets (`fuzz/`), replayed by the test suite.
#[doc(hidden)]
pub mod fuzzing;
#[cfg(target_arch = "wasm32")]
pub mod web;
