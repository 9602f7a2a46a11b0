//! The canvas backend: plotters' primitives as 2D-context calls, text
//! measured by the canvas itself.
//!
//! Written here rather than wrapping plotters-canvas (issue 11): its colour
//! strings format the alpha with `{}` on an f64, which links core's float
//! printing (~9 KB gzip) into every module; here every colour is written
//! with integers ([`css_color`]). The primitives are plotters-canvas's own
//! (the same half-pixel shift for 1 px horizontal and vertical lines), so the
//! pixels do not change.
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
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

pub struct MeasuredCanvas {
    canvas: HtmlCanvasElement,
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
            canvas,
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

/// What a canvas call can fail with (nothing a reader could act on: the
/// drawing goes on without the shape).
#[derive(Debug)]
pub struct CanvasError;

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the canvas refused a drawing call")
    }
}

impl std::error::Error for CanvasError {}

type Err = DrawingErrorKind<CanvasError>;

/// `rgba(r,g,b,a)` with the alpha in thousandths, written with integers only.
fn css_color(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    let alpha = css_number(color.alpha, 3);
    format!("rgba({r},{g},{b},{alpha})")
}

/// A 1 px line along x or y lands on a pixel's middle, not between two.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let mut a = (f64::from(from.0), f64::from(from.1));
    let mut b = (f64::from(to.0), f64::from(to.1));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl MeasuredCanvas {
    fn stroke_with(&self, style: &impl BackendStyle) {
        self.ctx.set_stroke_style_str(&css_color(style.color()));
        self.ctx.set_line_width(f64::from(style.stroke_width()));
    }

    fn fill_with(&self, color: BackendColor) {
        self.ctx.set_fill_style_str(&css_color(color));
    }

    /// Starts a path through `points`; false when there are none.
    fn trace(&self, points: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut points = points.into_iter();
        self.ctx.begin_path();
        let Some(first) = points.next() else {
            return false;
        };
        self.ctx.move_to(f64::from(first.0), f64::from(first.1));
        for p in points {
            self.ctx.line_to(f64::from(p.0), f64::from(p.1));
        }
        true
    }
}

impl DrawingBackend for MeasuredCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.canvas.width(), self.canvas.height())
    }
    fn ensure_prepared(&mut self) -> Result<(), Err> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), Err> {
        Ok(())
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Err> {
        if color.alpha > 0.0 {
            self.fill_with(color);
            self.ctx
                .fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Err> {
        if style.color().alpha > 0.0 {
            let (a, b) = crisp(from, to);
            self.stroke_with(style);
            self.ctx.begin_path();
            self.ctx.move_to(a.0, a.1);
            self.ctx.line_to(b.0, b.1);
            self.ctx.stroke();
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Err> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(ul.0), f64::from(ul.1));
        let (w, h) = (f64::from(br.0 - ul.0), f64::from(br.1 - ul.1));
        if fill {
            self.fill_with(style.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.stroke_with(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Err> {
        if style.color().alpha > 0.0 {
            self.stroke_with(style);
            if self.trace(path) {
                self.ctx.stroke();
            }
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Err> {
        if style.color().alpha > 0.0 {
            self.fill_with(style.color());
            if self.trace(vert) {
                self.ctx.close_path();
                self.ctx.fill();
            }
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Err> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.fill_with(style.color());
        } else {
            self.stroke_with(style);
        }
        self.ctx.begin_path();
        self.ctx
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(|_| DrawingErrorKind::DrawingError(CanvasError))?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }
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
        self.fill_with(color);
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
/// (plotters draws in backing-store pixels and never does this).
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
