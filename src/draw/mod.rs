//! Drawings, generic over plotters' `DrawingBackend`: the same code draws on
//! the canvas in the browser and to SVG natively (tests, no-JS fallback).
//!
//! Every length is in CSS pixels times [`Theme::dpr`], because the canvas
//! backend draws in device pixels (plotters does not scale for the display; see
//! plotters#164), so a chart is crisp and legible at any devicePixelRatio.

/// The stacked duty-by-layer bars and the effective-rate step line.
pub mod calculator;
/// The frame (title, source line, date) of a chart saved as an image.
pub mod export;
/// The relations timeline.
pub mod timeline;

use crate::core::model::{Category, MeasureKind};
use crate::core::timeline::{device_px, usable_dpr};
use plotters::style::{FontFamily, IntoFont, RGBColor, TextStyle};

/// The font of every label: the browser's own sans-serif, never a web font
/// (nothing to download). The enum, not the string "sans-serif": parsing a
/// family name lowercases it with the Unicode tables (~4 KB of wasm).
pub const FONT: FontFamily<'static> = FontFamily::SansSerif;

/// The width of `text` at `font_px` in the drawing font, estimated where no
/// browser can measure it (the SVG fallback, native tests): the average
/// advance of a sans-serif glyph, slightly generous so that labels never
/// overrun in a real font.
pub fn estimated_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.56
}

/// The style of every label: the drawing font at `px` device pixels, in `color`
/// (anchored top-left; callers re-anchor with `.pos`).
pub fn label_style(px: f64, color: RGBColor) -> TextStyle<'static> {
    (FONT, px.max(1.0)).into_font().color(&color)
}

/// Colour scheme of a drawing; all pairs used for text meet WCAG 2.2 AA
/// (4.5:1), lines and marks 3:1 against the background.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
    /// Windows high contrast (`forced-colors: active`): black, white, and
    /// one highlight colour.
    Forced,
}

/// Colours and the device-pixel scale of one drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub scheme: Scheme,
    /// devicePixelRatio, made usable by [`usable_dpr`]: every CSS-pixel
    /// constant is multiplied by it.
    pub dpr: f64,
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// The selected-date marker and the focus ring.
    pub accent: RGBColor,
    /// Today's date marker.
    pub today: RGBColor,
}

impl Theme {
    pub fn new(scheme: Scheme, dpr: f64) -> Theme {
        let dpr = usable_dpr(dpr);
        let (background, text, muted, grid, accent, today) = match scheme {
            Scheme::Light => (
                RGBColor(255, 255, 255),
                RGBColor(26, 26, 26),
                RGBColor(84, 84, 84),
                RGBColor(214, 214, 214),
                RGBColor(0, 92, 175),
                RGBColor(176, 0, 80),
            ),
            Scheme::Dark => (
                RGBColor(24, 24, 27),
                RGBColor(240, 240, 240),
                RGBColor(184, 184, 184),
                RGBColor(72, 72, 78),
                RGBColor(110, 180, 255),
                RGBColor(255, 128, 180),
            ),
            Scheme::Forced => (
                RGBColor(0, 0, 0),
                RGBColor(255, 255, 255),
                RGBColor(255, 255, 255),
                RGBColor(160, 160, 160),
                RGBColor(255, 255, 0),
                RGBColor(0, 255, 255),
            ),
        };
        Theme {
            scheme,
            dpr,
            background,
            text,
            muted,
            grid,
            accent,
            today,
        }
    }

    /// CSS pixels → device pixels, rounded ([`device_px`], as the
    /// timeline's [`Metrics`](crate::core::timeline::Metrics) are).
    pub fn px(&self, css: f64) -> i32 {
        device_px(css, self.dpr) as i32
    }

    /// A font size in device pixels ([`device_px`]).
    pub fn font_px(&self, css: f64) -> f64 {
        device_px(css, self.dpr)
    }

    /// The colour of a duty layer in the bars and legend.
    pub fn layer(&self, kind: MeasureKind) -> RGBColor {
        use MeasureKind::*;
        match (self.scheme, kind) {
            (Scheme::Forced, Base) => RGBColor(255, 255, 255),
            (Scheme::Forced, _) => RGBColor(255, 255, 0),
            (Scheme::Light, Base) => RGBColor(90, 110, 130),
            (Scheme::Light, Surtax) => RGBColor(192, 57, 43),
            (Scheme::Light, AntiDumpingProvisional) => RGBColor(196, 90, 0),
            (Scheme::Light, AntiDumping) => RGBColor(150, 70, 0),
            (Scheme::Light, Retaliation) => RGBColor(125, 60, 152),
            (Scheme::Light, Additional) => RGBColor(31, 111, 178),
            (Scheme::Dark, Base) => RGBColor(150, 170, 190),
            (Scheme::Dark, Surtax) => RGBColor(255, 120, 105),
            (Scheme::Dark, AntiDumpingProvisional) => RGBColor(255, 165, 80),
            (Scheme::Dark, AntiDumping) => RGBColor(230, 140, 60),
            (Scheme::Dark, Retaliation) => RGBColor(200, 150, 230),
            (Scheme::Dark, Additional) => RGBColor(110, 180, 255),
            (_, Ban | ExporterBan | Suspension) => self.muted,
        }
    }

    /// The colour of a timeline lane.
    pub fn category(&self, c: Category) -> RGBColor {
        use Category::*;
        match (self.scheme, c) {
            (Scheme::Forced, _) => RGBColor(255, 255, 255),
            (Scheme::Light, Diplomacy) => RGBColor(31, 100, 170),
            (Scheme::Light, Trade) => RGBColor(168, 84, 0),
            (Scheme::Light, Detention) => RGBColor(178, 34, 40),
            (Scheme::Light, Security) => RGBColor(95, 70, 160),
            (Scheme::Light, PublicOpinion) => RGBColor(40, 120, 50),
            (Scheme::Dark, Diplomacy) => RGBColor(110, 180, 255),
            (Scheme::Dark, Trade) => RGBColor(255, 170, 80),
            (Scheme::Dark, Detention) => RGBColor(255, 120, 120),
            (Scheme::Dark, Security) => RGBColor(190, 160, 255),
            (Scheme::Dark, PublicOpinion) => RGBColor(120, 210, 120),
        }
    }
}

/// WCAG relative-luminance contrast ratio between two colours.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn lum(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_meet_wcag_aa() {
        for scheme in [Scheme::Light, Scheme::Dark, Scheme::Forced] {
            let t = Theme::new(scheme, 1.0);
            assert!(contrast(t.text, t.background) >= 4.5, "{scheme:?} text");
            assert!(
                contrast(t.muted, t.background) >= 4.5,
                "{scheme:?} muted text"
            );
            assert!(contrast(t.accent, t.background) >= 3.0, "{scheme:?} accent");
            assert!(contrast(t.today, t.background) >= 3.0, "{scheme:?} today");
            for k in MeasureKind::ALL {
                assert!(
                    contrast(t.layer(k), t.background) >= 3.0,
                    "{scheme:?} {k:?}"
                );
            }
            for c in Category::ALL {
                assert!(
                    contrast(t.category(c), t.background) >= 3.0,
                    "{scheme:?} {c:?}"
                );
            }
        }
    }
}
