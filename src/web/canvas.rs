//! The canvas backend, wrapped so that plotters measures text with the
//! canvas itself.
//!
//! plotters' wasm text measurement appends a `<span>` to the host page's
//! `<body>` for every label: it inherits the page's CSS (letter-spacing,
//! text-transform) and forces a layout of the whole article on each redraw
//! (each one a synchronous layout of the host page). `measureText` on our own context does neither.
//!
//! Text is drawn here too, not by `CanvasBackend::draw_text`: that sets
//! `ctx.font` for every label, and each assignment is parsed as CSS (the
//! first of a draw also makes the browser bring the page's styles up to
//! date). Measuring wrote `13px sans-serif` and drawing `normal 13px
//! sans-serif`, so every label paid for a parse. One spelling, set only when
//! it changes, leaves a handful of assignments per draw.

use crate::core::format::css_number;
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendCoord, BackendTextStyle, DrawingErrorKind, FontTransform};
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct MeasuredCanvas {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    /// The CSS font last given to `ctx` (empty: not set yet by this backend).
    font: RefCell<String>,
}

impl MeasuredCanvas {
    pub fn new(canvas: HtmlCanvasElement) -> Option<MeasuredCanvas> {
        let ctx = canvas
            .get_context("2d")
            .ok()??
            .dyn_into::<CanvasRenderingContext2d>()
            .ok()?;
        Some(MeasuredCanvas {
            inner: CanvasBackend::with_canvas_object(canvas)?,
            ctx,
            font: RefCell::new(String::new()),
        })
    }

    /// Makes `style size family` the context's font, unless it already is.
    fn use_font(&self, style: &str, px: f64, family: &str) {
        let want = format!("{style} {}px {family}", css_number(px, 3));
        let mut current = self.font.borrow_mut();
        if *current != want {
            self.ctx.set_font(&want);
            *current = want;
        }
    }

    /// Width of `text` in device pixels at `font_px`, for layout code outside plotters.
    pub fn measure(&self, text: &str, font_px: f64, family: &str) -> f64 {
        self.measure_styled(text, "normal", font_px, family)
    }

    fn measure_styled(&self, text: &str, style: &str, font_px: f64, family: &str) -> f64 {
        self.use_font(style, font_px, family);
        self.ctx
            .measure_text(text)
            .map_or(text.chars().count() as f64 * font_px * 0.55, |m| m.width())
    }
}

type Err = DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>;

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    crate::delegate_shapes_to_inner!(Err);
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), Err> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.5,
            FontTransform::Rotate180 => 1.0,
            FontTransform::Rotate270 => 1.5,
        } * std::f64::consts::PI;
        // Set before save(): restore() would otherwise take the font back
        // behind the cache's back.
        self.use_font(
            style.style().as_str(),
            style.size(),
            style.family().as_str(),
        );
        let (mut x, mut y) = (f64::from(pos.0), f64::from(pos.1));
        if turn != 0.0 {
            self.ctx.save();
            let _ = self.ctx.translate(x, y);
            let _ = self.ctx.rotate(turn);
            (x, y) = (0.0, 0.0);
        }
        self.ctx.set_text_baseline(match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        self.ctx.set_text_align(match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        });
        let (r, g, b) = color.rgb;
        let alpha = css_number(color.alpha, 3);
        self.ctx
            .set_fill_style_str(&format!("rgba({r},{g},{b},{alpha})"));
        // fillText reports nothing a reader could act on; a label that fails
        // to draw must not stop the rest of the drawing.
        let _ = self.ctx.fill_text(text, x, y);
        if turn != 0.0 {
            self.ctx.restore();
        }
        Ok(())
    }
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), Err> {
        let size = style.size();
        let w = self.measure_styled(text, style.style().as_str(), size, style.family().as_str());
        Ok((w.ceil().max(0.0) as u32, size.ceil().max(0.0) as u32))
    }
}

/// Sizes the canvas backing store to its CSS size × devicePixelRatio
/// (plotters-canvas draws in backing-store pixels and never does this).
/// Returns the device-pixel size, or `None` while the canvas is not laid out.
pub fn size_canvas(
    canvas: &HtmlCanvasElement,
    (cw, ch): (f64, f64),
    dpr: f64,
) -> Option<(u32, u32)> {
    if cw < 1.0 || ch < 1.0 {
        return None;
    }
    let w = (cw * dpr).round().max(1.0) as u32;
    let h = (ch * dpr).round().max(1.0) as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    Some((w, h))
}

/// Sizes `canvas`, wraps it in the measuring backend and hands `draw` the
/// area; presents it when `draw` says it drew.
pub fn with_canvas(
    canvas: &HtmlCanvasElement,
    css: (f64, f64),
    dpr: f64,
    draw: impl FnOnce(&DrawingArea<MeasuredCanvas, plotters::coord::Shift>) -> bool,
) {
    if size_canvas(canvas, css, dpr).is_none() {
        return;
    }
    if let Some(backend) = MeasuredCanvas::new(canvas.clone()) {
        let area = backend.into_drawing_area();
        if draw(&area) {
            let _ = area.present();
        }
    }
}
