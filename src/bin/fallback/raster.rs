//! A bitmap for plotters to draw on natively, with real text, saved as PNG.
//!
//! plotters' `BitMapBackend` draws text through its font feature (`ttf`, which
//! loads system fonts through fontconfig, or `ab_glyph`); either would change
//! how every native drawing measures text, the SVG fallback's included.
//! [`Raster`] wraps the bitmap instead, as `web::canvas::MeasuredCanvas`
//! wraps the canvas: shapes go to the bitmap, text is laid out and
//! rasterised here with ab_glyph from one TrueType font ([`load_font`]), and
//! measured with the same font, so labels are placed by the width they are
//! drawn at.

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};
use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendTextStyle, DrawingErrorKind, FontTransform,
};

/// Where Debian (fonts-dejavu-core, fonts-liberation) and most Linux
/// systems keep a sans-serif font; the first that exists is used.
const FONT_PATHS: [&str; 4] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
];

/// The pictures' font: `TW_FONT` (a .ttf path) if set, else the first of
/// [`FONT_PATHS`].
pub fn load_font() -> Result<FontVec, String> {
    let wanted = std::env::var("TW_FONT").ok();
    let paths: Vec<String> = match &wanted {
        Some(p) => vec![p.clone()],
        None => FONT_PATHS.iter().map(|p| p.to_string()).collect(),
    };
    for path in &paths {
        if let Ok(bytes) = std::fs::read(path) {
            return FontVec::try_from_vec(bytes).map_err(|e| format!("{path}: not a font: {e}"));
        }
    }
    Err(format!(
        "no font for the PNG pictures: install fonts-dejavu-core (apt-get install fonts-dejavu-core), \
         or set TW_FONT to a .ttf file (looked in {})",
        paths.join(", ")
    ))
}

/// One line of text laid out: each glyph with its x offset, and the width.
struct Line {
    glyphs: Vec<(ab_glyph::GlyphId, f32)>,
    width: f32,
}

/// A bitmap of `size` pixels (RGB, 3 bytes a pixel) with text in `font`.
pub struct Raster<'a> {
    inner: BitMapBackend<'a>,
    font: &'a FontVec,
}

impl<'a> Raster<'a> {
    pub fn new(buf: &'a mut [u8], size: (u32, u32), font: &'a FontVec) -> Raster<'a> {
        Raster {
            inner: BitMapBackend::with_buffer(buf, size),
            font,
        }
    }

    /// The scale at which a CSS font size of `px` draws: `px` is the em.
    fn scale(&self, px: f64) -> PxScale {
        let em = self.font.units_per_em().unwrap_or(1000.0);
        PxScale::from(px as f32 * self.font.height_unscaled() / em)
    }

    fn layout(&self, text: &str, scale: PxScale) -> Line {
        let font = self.font.as_scaled(scale);
        let mut x = 0.0;
        let mut prev = None;
        let mut glyphs = Vec::with_capacity(text.len());
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                x += font.kern(p, id);
            }
            glyphs.push((id, x));
            x += font.h_advance(id);
            prev = Some(id);
        }
        Line { glyphs, width: x }
    }
}

type Err = DrawingErrorKind<<BitMapBackend<'static> as DrawingBackend>::ErrorType>;

impl DrawingBackend for Raster<'_> {
    type ErrorType = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

    // Every primitive but text goes to the bitmap backend as it is.
    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), Err> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), Err> {
        self.inner.present()
    }
    fn draw_pixel(
        &mut self,
        point: plotters_backend::BackendCoord,
        color: plotters_backend::BackendColor,
    ) -> Result<(), Err> {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: plotters_backend::BackendStyle>(
        &mut self,
        from: plotters_backend::BackendCoord,
        to: plotters_backend::BackendCoord,
        style: &S,
    ) -> Result<(), Err> {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: plotters_backend::BackendStyle>(
        &mut self,
        ul: plotters_backend::BackendCoord,
        br: plotters_backend::BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Err> {
        self.inner.draw_rect(ul, br, style, fill)
    }
    fn draw_path<
        S: plotters_backend::BackendStyle,
        I: IntoIterator<Item = plotters_backend::BackendCoord>,
    >(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Err> {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: plotters_backend::BackendStyle>(
        &mut self,
        center: plotters_backend::BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Err> {
        self.inner.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<
        S: plotters_backend::BackendStyle,
        I: IntoIterator<Item = plotters_backend::BackendCoord>,
    >(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Err> {
        self.inner.fill_polygon(vert, style)
    }

    /// Anchored as the canvas anchors text (`textAlign` start/center/end,
    /// `textBaseline` top/middle/bottom of the em box), rotated in quarter
    /// turns about the anchor.
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result<(), Err> {
        let color = style.color();
        if color.alpha == 0.0 || text.is_empty() {
            return Ok(());
        }
        let scale = self.scale(style.size());
        let line = self.layout(text, scale);
        let scaled = self.font.as_scaled(scale);
        let (ascent, descent) = (scaled.ascent(), scaled.descent());
        let dx = match style.anchor().h_pos {
            HPos::Left => 0.0,
            HPos::Center => -line.width / 2.0,
            HPos::Right => -line.width,
        };
        let baseline = match style.anchor().v_pos {
            VPos::Top => ascent,
            VPos::Center => (ascent + descent) / 2.0,
            VPos::Bottom => descent,
        };
        let turn = style.transform();
        let (ox, oy) = (pos.0 as f32, pos.1 as f32);
        // A point of the unrotated text (relative to the anchor) to the bitmap.
        let place = |x: f32, y: f32| -> (f32, f32) {
            match turn {
                FontTransform::None => (ox + x, oy + y),
                FontTransform::Rotate90 => (ox - y, oy + x),
                FontTransform::Rotate180 => (ox - x, oy - y),
                FontTransform::Rotate270 => (ox + y, oy - x),
            }
        };
        let mut pixels: Vec<(i32, i32, f32)> = Vec::new();
        for (id, x) in &line.glyphs {
            let glyph = id.with_scale_and_position(scale, ab_glyph::point(dx + x, baseline));
            if let Some(outlined) = self.font.outline_glyph(glyph) {
                let b = outlined.px_bounds();
                outlined.draw(|gx, gy, coverage| {
                    if coverage > 0.0 {
                        let (px, py) = place(b.min.x + gx as f32, b.min.y + gy as f32);
                        pixels.push((px.round() as i32, py.round() as i32, coverage.min(1.0)));
                    }
                });
            }
        }
        for (x, y, coverage) in pixels {
            self.inner.draw_pixel(
                (x, y),
                BackendColor {
                    alpha: color.alpha * f64::from(coverage),
                    rgb: color.rgb,
                },
            )?;
        }
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), Err> {
        let line = self.layout(text, self.scale(style.size()));
        Ok((
            line.width.ceil().max(0.0) as u32,
            style.size().ceil().max(0.0) as u32,
        ))
    }
}

/// `rgb` (3 bytes a pixel, rows top to bottom) as a PNG file: with a palette
/// when the picture has at most 256 colours (lossless, and a third of the
/// bytes), else RGB. Deterministic: the same pixels give the same bytes, so a
/// picture can be checked against a fresh drawing.
pub fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, String> {
    let mut index: std::collections::HashMap<[u8; 3], u8> = std::collections::HashMap::new();
    let mut palette: Vec<u8> = Vec::new();
    let mut indexed: Vec<u8> = Vec::with_capacity(rgb.len() / 3);
    for px in rgb.chunks_exact(3) {
        let key = [px[0], px[1], px[2]];
        let i = match index.get(&key) {
            Some(&i) => i,
            None if index.len() < 256 => {
                let i = index.len() as u8;
                index.insert(key, i);
                palette.extend_from_slice(&key);
                i
            }
            None => {
                indexed.clear();
                break;
            }
        };
        indexed.push(i);
    }
    let paletted = indexed.len() * 3 == rgb.len();
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Best);
        if paletted {
            enc.set_color(png::ColorType::Indexed);
            enc.set_palette(palette);
            enc.set_filter(png::FilterType::NoFilter);
        } else {
            enc.set_color(png::ColorType::Rgb);
            enc.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        }
        let mut writer = enc.write_header().map_err(|e| e.to_string())?;
        writer
            .write_image_data(if paletted { &indexed } else { rgb })
            .map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// A PNG file back to its size and RGB pixels (for the checks).
pub fn decode_png(bytes: &[u8]) -> Result<((u32, u32), Vec<u8>), String> {
    let mut decoder = png::Decoder::new(bytes);
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    if info.color_type != png::ColorType::Rgb || info.bit_depth != png::BitDepth::Eight {
        return Err(format!(
            "not 8-bit RGB ({:?}, {:?})",
            info.color_type, info.bit_depth
        ));
    }
    buf.truncate(info.buffer_size());
    Ok(((info.width, info.height), buf))
}

/// The share (0..1) of pixels that differ from the top-left one: how much
/// was drawn on the background.
pub fn ink(rgb: &[u8]) -> f64 {
    let px: Vec<&[u8]> = rgb.chunks_exact(3).collect();
    let Some(first) = px.first() else { return 0.0 };
    px.iter().filter(|p| p != &first).count() as f64 / px.len() as f64
}

/// The width of `text` at `px` (the em) in `font`, as [`Raster`] draws it.
pub fn text_width(font: &FontVec, text: &str, px: f64) -> f64 {
    let em = font.units_per_em().unwrap_or(1000.0);
    let scaled = font.as_scaled(PxScale::from(px as f32 * font.height_unscaled() / em));
    let mut x = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            x += scaled.kern(p, id);
        }
        x += scaled.h_advance(id);
        prev = Some(id);
    }
    f64::from(x)
}
