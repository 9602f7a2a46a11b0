//! The timeline's sizes in device pixels, and the one rule that turns CSS
//! pixels into device pixels.

use super::Orientation;

/// Line height of a label as a multiple of the font size.
const LINE_HEIGHT: f64 = 1.3;

/// devicePixelRatio as every drawing uses it: a ratio the browser reports
/// as zero, negative or not a number is taken as 1, and it is kept between
/// 0.5 and 4 (beyond that, text and canvases grow absurd or vanish).
pub fn usable_dpr(dpr: f64) -> f64 {
    if dpr.is_finite() && dpr > 0.0 {
        dpr.clamp(0.5, 4.0)
    } else {
        1.0
    }
}

/// `css` CSS pixels in device pixels at devicePixelRatio `dpr`, rounded to
/// a whole pixel so that lines and text sit on the pixel grid.
pub fn device_px(css: f64, dpr: f64) -> f64 {
    (css * dpr).round()
}

/// Sizes of the layout, in device pixels: [`Metrics::new`] gives the
/// widget's, for the canvas and the SVG fallback alike.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Font size of every label; `measure` must measure at this size.
    pub font_px: f64,
    /// Width of one lane column in the vertical orientation.
    pub lane_px: f64,
    /// Diameter of an ordinary marker (priority 1 is a quarter larger).
    pub marker_px: f64,
    /// Padding around the plot and between a marker and its label.
    pub pad_px: f64,
    /// Height of the tick-label band under a horizontal plot.
    pub axis_px: f64,
}

impl Metrics {
    /// The widget's sizes at devicePixelRatio `dpr` (made usable by
    /// [`usable_dpr`]) for `orientation`, in device pixels: 13 CSS px text,
    /// 6 px markers, 8 px padding, a 28 px tick band, and 18 px lane columns
    /// when vertical (48 px when horizontal, where the layout does not use
    /// it: the rows share the plot's height).
    /// The one source of the timeline's sizes: the canvas and the SVG
    /// fallback both lay out with it, so they show the same picture.
    pub fn new(dpr: f64, orientation: Orientation) -> Metrics {
        let dpr = usable_dpr(dpr);
        let lane_css = match orientation {
            Orientation::Vertical => 18.0,
            Orientation::Horizontal => 48.0,
        };
        Metrics {
            font_px: device_px(13.0, dpr),
            lane_px: device_px(lane_css, dpr),
            marker_px: device_px(6.0, dpr),
            pad_px: device_px(8.0, dpr),
            axis_px: device_px(28.0, dpr),
        }
    }

    /// Height of a label's box.
    pub fn line_px(&self) -> f64 {
        (self.font_px * LINE_HEIGHT).ceil()
    }

    pub(super) fn radius(&self, priority: u8) -> f64 {
        let r = self.marker_px.max(1.0) / 2.0;
        if priority <= 1 {
            r * 1.25
        } else {
            r
        }
    }

    /// The largest marker radius, used as every marker's keep-out zone so
    /// that obstacle intervals all have one width and stay sorted.
    pub(super) fn max_radius(&self) -> f64 {
        self.radius(1)
    }
}
