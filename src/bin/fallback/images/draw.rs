//! Drawing the pictures: the calculator's sentence, table and bars, the
//! timeline, each inside the export frame, to any plotters backend.

use super::*;
use crate::native::timeline_layout_measured;
use crate::raster::{encode_png, Raster};
use ab_glyph::FontVec;
use plotters::coord::Shift;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use trade_widget::core::chart_data::{duty_table, hosts};
use trade_widget::core::engine::Comparison;
use trade_widget::core::format::{Formats, LocaleFormats};
use trade_widget::core::model::{Dataset, Lang};
use trade_widget::draw::export::{draw_frame, Frame};
use trade_widget::draw::{
    calculator as calc_draw, label_style, timeline as tl_draw, Scheme, Theme,
};

/// `text` cut into lines of at most `max_w` pixels in `style`.
pub(super) fn wrap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max_w: i32,
) -> Vec<String> {
    let fits = |s: &str| {
        root.estimate_text_size(s, style)
            .map_or(true, |(w, _)| w as i32 <= max_w)
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

type Res<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The sentence, then the table of layers on both dates, in `area`.
pub(super) fn draw_sentence_and_table<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    said: &str,
    cmp: &Comparison,
    theme: &Theme,
    lang: Lang,
    f: &dyn Formats,
) -> Res<DB> {
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let pad = theme.px(12.0);
    let big = label_style(theme.font_px(15.0), theme.text);
    let mut y = theme.px(6.0);
    for line in wrap(area, said, &big, w - 2 * pad) {
        area.draw(&Text::new(
            line,
            (pad, y),
            big.pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        y += theme.px(21.0);
    }
    y += theme.px(10.0);
    let table = duty_table(cmp, lang, f);
    let head = label_style(theme.font_px(12.0), theme.muted);
    let cell = label_style(theme.font_px(13.0), theme.text);
    let col_w = theme.px(120.0);
    let first_w = w - 2 * pad - 2 * col_w;
    let row_h = theme.px(22.0);
    let rule = theme.grid.stroke_width(theme.px(1.0).max(1) as u32);
    let cols = |i: usize| {
        if i == 0 {
            (pad, HPos::Left)
        } else {
            (pad + first_w + col_w * i as i32, HPos::Right)
        }
    };
    for (i, text) in table.columns.iter().enumerate() {
        let (x, h) = cols(i);
        area.draw(&Text::new(
            text.clone(),
            (x, y),
            head.pos(Pos::new(h, VPos::Top)),
        ))?;
    }
    y += row_h;
    let line_h = theme.px(17.0);
    for row in &table.rows {
        area.draw(&PathElement::new(
            vec![(pad, y - theme.px(4.0)), (w - pad, y - theme.px(4.0))],
            rule,
        ))?;
        // Each cell in at most two lines; the row is as tall as its tallest cell.
        let mut lines_used = 1;
        for (i, text) in row.iter().enumerate() {
            let (x, h) = cols(i);
            let max = if i == 0 {
                first_w - theme.px(8.0)
            } else {
                col_w
            };
            let mut lines = wrap(area, text, &cell, max);
            if lines.len() > 2 {
                lines.truncate(2);
                lines[1] = format!("{}…", lines[1].trim_end());
            }
            lines_used = lines_used.max(lines.len());
            for (j, line) in lines.into_iter().enumerate() {
                area.draw(&Text::new(
                    line,
                    (x, y + line_h * j as i32),
                    cell.pos(Pos::new(h, VPos::Top)),
                ))?;
            }
        }
        y += row_h + line_h * (lines_used as i32 - 1);
    }
    Ok(())
}

/// The calculator picture of `flow` (also the calculator's social picture,
/// with another title).
pub(super) fn draw_calculator<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    cmp: &Comparison,
    title: &str,
    said: &str,
    lang: Lang,
) -> Res<DB> {
    let theme = Theme::new(Scheme::Light, DPR);
    let f = LocaleFormats(lang);
    let t = texts(lang);
    let urls: Vec<&str> = [&cmp.reference, &cmp.selected]
        .iter()
        .flat_map(|q| &q.layers)
        .flat_map(|l| l.sources.iter().map(|s| s.url.as_str()))
        .collect();
    let source = format!("{}{}", t[1], hosts(&urls).join(", "));
    let date = format!("{}{}", t[2], f.date(ds.as_of));
    let frame = Frame {
        title,
        subtitle: t[0],
        source: &source,
        date: &date,
    };
    let chart = draw_frame(root, &frame, &theme)?;
    let (w, _) = chart.dim_in_pixel();
    let (left, right) = chart.split_horizontally((w as f64 * 0.58) as i32);
    draw_sentence_and_table(&left, said, cmp, &theme, lang, &f)?;
    let labels = [cmp.reference.date, cmp.selected.date].map(|d| f.date(d));
    calc_draw::draw_duty_bars(&right, cmp, [&labels[0], &labels[1]], &theme, lang, &f)?;
    Ok(())
}

/// The timeline laid out for `area` (device pixels at `dpr`), measured with
/// `font`, drawn without a selected date or today's line.
pub(super) fn draw_timeline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    font: &FontVec,
    dpr: f64,
    lang: Lang,
) -> Res<DB> {
    let theme = Theme::new(Scheme::Light, dpr);
    let size = area.dim_in_pixel();
    let measure = |s: &str, px: f64| crate::raster::text_width(font, s, px);
    let lay = timeline_layout_measured(ds, lang, size, dpr, &measure);
    tl_draw::draw(area, &lay, &ds.events, &theme, None, None, None, lang)?;
    Ok(())
}

/// Draws `size` pixels with `draw` and encodes them.
pub(super) fn render(
    font: &FontVec,
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<Raster, Shift>) -> Result<(), String>,
) -> Result<Vec<u8>, String> {
    let mut buf = vec![255u8; (size.0 * size.1 * 3) as usize];
    {
        let root = Raster::new(&mut buf, size, font).into_drawing_area();
        draw(&root)?;
        root.present().map_err(|e| e.to_string())?;
    }
    encode_png(&buf, size)
}
