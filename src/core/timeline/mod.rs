//! The relations timeline's geometry: the visible window, calendar ticks,
//! lanes, marker and label placement, and hit-testing.
//!
//! Pure Rust with no plotters and no web-sys, so every rule here (labels never
//! overlap, nothing leaves the plot, cost follows what is visible) is tested
//! natively; the drawing ([`crate::draw::timeline`]) only paints a
//! [`Layout`].
//!
//! Units: lengths are device pixels (the caller multiplies CSS pixels by
//! devicePixelRatio), time is days since 1970-01-01 as `f64`, fractional so
//! that zooming and panning are smooth. A day `d` is drawn at the position of
//! its start, `pos_of(d)`, like the tick of the same day.
//!
//! By role: `view.rs` the window and its scale (`View`),
//! `ticks.rs` the calendar ticks, `metrics.rs` the sizes, `layout.rs` the
//! result types and entry points (`layout`, `layout_indexed`) with
//! `horizontal.rs` and `vertical.rs` placing each orientation and
//! `labels.rs` fitting text, `spans.rs` which events are in view
//! (`SpanIndex`), `hit.rs` from a point or a key to an event.

mod hit;
mod horizontal;
mod labels;
mod layout;
mod metrics;
mod spans;
mod ticks;
mod vertical;
mod view;

// proptest is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod layout_props;
#[cfg(test)]
mod layout_tests;
#[cfg(test)]
mod test_support;

pub use hit::{hit_test, nearest_event, next_event};
pub use layout::{layout, layout_indexed, Item, Label, Lane, Layout, PlacedTick};
pub use metrics::{device_px, usable_dpr, Metrics};
pub use spans::{lanes_with_events, SpanIndex};
pub use ticks::{ticks, Tick};
pub use view::{View, MAX_SPAN_DAYS, MIN_SPAN_DAYS};

/// `(x, y, width, height)` in device pixels.
pub type Rect = (f64, f64, f64, f64);

/// Which way time runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Time along x, one row per lane: needs width for labels.
    Horizontal,
    /// Time down the y axis, narrow lane columns, labels in the remaining
    /// width: for phones, where a horizontal row leaves no room for text.
    Vertical,
}

impl Orientation {
    /// Below this CSS width a horizontal row has no room for labels.
    pub const VERTICAL_BELOW_CSS_PX: f64 = 480.0;

    /// The orientation for a container `css_width` CSS pixels wide: the one
    /// rule of the canvas and the SVG fallback. A width that is not positive
    /// (a container not laid out yet, or hidden) keeps the horizontal default
    /// rather than flipping to vertical until it is measured.
    pub fn for_css_width(css_width: f64) -> Orientation {
        if css_width > 0.0 && css_width < Self::VERTICAL_BELOW_CSS_PX {
            Orientation::Vertical
        } else {
            Orientation::Horizontal
        }
    }
}
