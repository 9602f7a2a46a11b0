//! The calculator's two charts.
//!
//! Drawn from plotters primitives on a `DrawingArea` rather than through
//! `ChartBuilder`: the axes here are a handful of percentages and years, and
//! formatting them ourselves keeps plotters' float formatting (and its
//! ~27 KB of wasm) out of the bundle while giving the labels the reader's
//! locale.

use super::Theme;
use crate::core::date::Date;
use crate::core::engine::{Comparison, Quote};
use crate::core::format::Formats;
use crate::core::model::{Lang, MeasureKind};
use crate::core::money::Rate;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// A "nice" axis maximum and step (1, 2, 2.5 or 5 × 10^n basis points) so
/// that about `target` gridlines fit.
pub fn nice_axis(max_bp: i64, target: i64) -> (i64, i64) {
    let max_bp = max_bp.max(100);
    let raw = (max_bp + target - 1) / target.max(1);
    let mut mag = 1i64;
    while mag * 10 <= raw {
        mag *= 10;
    }
    let step = [1, 2, 5, 10]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(mag * 10);
    let top = ((max_bp + step - 1) / step) * step;
    (top, step)
}

fn text_style(theme: &Theme, css_px: f64, color: RGBColor) -> TextStyle<'static> {
    super::label_style(theme.font_px(css_px), color)
}

/// One horizontal gridline at `y` across the plot, labelled with its
/// percentage at the left (both charts share the look).
fn percent_gridline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    y: i32,
    (left, right): (i32, i32),
    rate: Rate,
    label: &TextStyle,
    theme: &Theme,
    fmt: &dyn Formats,
) -> DrawResult<DB> {
    root.draw(&PathElement::new(
        vec![(left, y), (right, y)],
        theme.grid.stroke_width(theme.px(1.0).max(1) as u32),
    ))?;
    root.draw(&Text::new(
        fmt.percent(rate),
        (left - theme.px(6.0), y),
        label.pos(Pos::new(HPos::Right, VPos::Center)),
    ))?;
    Ok(())
}

/// The share of the customs value each charged layer takes, by kind.
fn layer_shares(q: &Quote) -> Vec<(MeasureKind, i64)> {
    let mut shares: Vec<(MeasureKind, i64)> = Vec::new();
    for l in q.layers.iter().filter(|l| l.amount_minor > 0) {
        let bp = Rate::effective(l.amount_minor, q.value_minor).bp();
        match shares.iter_mut().find(|(k, _)| *k == l.kind) {
            Some((_, v)) => *v += bp,
            None => shares.push((l.kind, bp)),
        }
    }
    shares
}

/// Stacked bars of the duty by layer: the comparison date beside the
/// selected date, as a share of the customs value, each bar topped by its
/// total rate, with a legend of the layers under the chart.
pub fn draw_duty_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cmp: &Comparison,
    bar_labels: [&str; 2],
    theme: &Theme,
    lang: Lang,
    fmt: &dyn Formats,
) -> DrawResult<DB> {
    root.fill(&theme.background)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let small = text_style(theme, 12.0, theme.muted);
    let label = text_style(theme, 13.0, theme.text);
    let bold = text_style(theme, 14.0, theme.text);

    // The two bars in date order, whichever of them the reader chose.
    let (mut quotes, mut bar_labels) = ([&cmp.reference, &cmp.selected], bar_labels);
    if cmp.reference.date > cmp.selected.date {
        quotes.swap(0, 1);
        bar_labels.swap(0, 1);
    }
    let shares: Vec<Vec<(MeasureKind, i64)>> = quotes.iter().map(|q| layer_shares(q)).collect();
    let max_bp = shares
        .iter()
        .map(|s| s.iter().map(|(_, v)| v).sum::<i64>())
        .max()
        .unwrap_or(0);
    let (top_bp, step_bp) = nice_axis(max_bp, 4);

    // Legend: one entry per kind present, wrapped onto rows under the plot.
    let mut kinds: Vec<MeasureKind> = shares.iter().flatten().map(|(k, _)| *k).collect();
    crate::core::order::sort_by_key(&mut kinds, |k| *k);
    kinds.dedup();
    let swatch = theme.px(12.0);
    let gap = theme.px(12.0);
    let row_h = theme.px(20.0);
    let mut legend: Vec<(MeasureKind, i32, i32)> = Vec::new();
    let (mut lx, mut rows) = (theme.px(8.0), 1);
    for k in &kinds {
        let tw = root
            .estimate_text_size(k.label(lang), &label)
            .map_or(80, |(tw, _)| tw as i32);
        let entry_w = swatch + theme.px(6.0) + tw + gap;
        if lx + entry_w > w - theme.px(8.0) && lx > theme.px(8.0) {
            lx = theme.px(8.0);
            rows += 1;
        }
        legend.push((*k, lx, rows - 1));
        lx += entry_w;
    }
    let legend_h = if kinds.is_empty() {
        0
    } else {
        rows * row_h + theme.px(6.0)
    };

    let axis_w = [0, step_bp, top_bp]
        .iter()
        .filter_map(|bp| {
            root.estimate_text_size(&fmt.percent(Rate(*bp)), &small)
                .ok()
        })
        .map(|(tw, _)| tw as i32)
        .max()
        .unwrap_or(30)
        + theme.px(10.0);
    let plot_left = axis_w;
    let plot_right = w - theme.px(8.0);
    let plot_top = theme.px(26.0);
    let plot_bottom = h - legend_h - theme.px(40.0);
    if plot_bottom - plot_top < theme.px(20.0) || plot_right - plot_left < theme.px(40.0) {
        return Ok(()); // Too small to say anything legible; the table says it all.
    }
    let y_of =
        |bp: i64| plot_bottom - ((plot_bottom - plot_top) as i64 * bp / top_bp.max(1)) as i32;

    // Gridlines and percentage labels.
    let mut bp = 0;
    while bp <= top_bp {
        percent_gridline(
            root,
            y_of(bp),
            (plot_left, plot_right),
            Rate(bp),
            &small,
            theme,
            fmt,
        )?;
        bp += step_bp;
    }

    let slot = (plot_right - plot_left) / 2;
    let bar_w = (slot * 5 / 10).min(theme.px(140.0));
    for (i, q_shares) in shares.iter().enumerate() {
        let cx = plot_left + slot * i as i32 + slot / 2;
        let (x0, x1) = (cx - bar_w / 2, cx + bar_w / 2);
        let mut acc = 0;
        for (kind, v) in q_shares {
            let (y0, y1) = (y_of(acc + v), y_of(acc));
            root.draw(&Rectangle::new(
                [(x0, y0), (x1, y1)],
                theme.layer(*kind).filled(),
            ))?;
            // A background-coloured seam keeps adjacent layers apart without colour (WCAG 1.4.1).
            root.draw(&PathElement::new(
                vec![(x0, y0), (x1, y0)],
                theme.background.stroke_width(theme.px(1.0).max(1) as u32),
            ))?;
            acc += v;
        }
        let total = quotes[i].effective;
        let blocked = quotes[i].blocked && acc == 0;
        let top_text = if blocked {
            crate::core::i18n::Msg::Ban.text(lang).to_string()
        } else {
            fmt.percent(total)
        };
        root.draw(&Text::new(
            top_text,
            (cx, y_of(acc) - theme.px(6.0)),
            bold.pos(Pos::new(HPos::Center, VPos::Bottom)),
        ))?;
        root.draw(&Text::new(
            bar_labels[i].to_string(),
            (cx, plot_bottom + theme.px(8.0)),
            label.pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    root.draw(&PathElement::new(
        vec![(plot_left, plot_bottom), (plot_right, plot_bottom)],
        theme.muted.stroke_width(theme.px(1.0).max(1) as u32),
    ))?;

    let legend_top = h - legend_h + theme.px(2.0);
    for (kind, x, row) in legend {
        let y = legend_top + row * row_h;
        root.draw(&Rectangle::new(
            [
                (x, y + theme.px(3.0)),
                (x + swatch, y + theme.px(3.0) + swatch),
            ],
            theme.layer(kind).filled(),
        ))?;
        root.draw(&Text::new(
            kind.label(lang).to_string(),
            (x + swatch + theme.px(6.0), y + theme.px(3.0) + swatch / 2),
            label.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// The effective rate of a flow over time as a step line, with the selected
/// date marked and the timeline's events as ticks along the time axis.
pub fn draw_rate_steps<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    steps: &[(Date, Rate)],
    (from, to): (Date, Date),
    selected: Date,
    event_days: &[Date],
    theme: &Theme,
    fmt: &dyn Formats,
) -> DrawResult<DB> {
    root.fill(&theme.background)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let small = text_style(theme, 12.0, theme.muted);
    let max_bp = steps.iter().map(|(_, r)| r.bp()).max().unwrap_or(0);
    let (top_bp, step_bp) = nice_axis(max_bp, 4);
    let axis_w = root
        .estimate_text_size(&fmt.percent(Rate(top_bp)), &small)
        .map_or(30, |(tw, _)| tw as i32)
        + theme.px(10.0);
    let (left, right) = (axis_w, w - theme.px(12.0));
    let (top, bottom) = (theme.px(12.0), h - theme.px(34.0));
    if bottom - top < theme.px(20.0) || right - left < theme.px(40.0) || to <= from {
        return Ok(());
    }
    let span = i64::from(to.days() - from.days()).max(1);
    let x_of = |d: Date| {
        left + ((right - left) as i64
            * i64::from(d.days().clamp(from.days(), to.days()) - from.days())
            / span) as i32
    };
    let y_of = |bp: i64| bottom - ((bottom - top) as i64 * bp / top_bp.max(1)) as i32;
    let thin = theme.px(1.0).max(1) as u32;

    let mut bp = 0;
    while bp <= top_bp {
        percent_gridline(root, y_of(bp), (left, right), Rate(bp), &small, theme, fmt)?;
        bp += step_bp;
    }
    // Year ticks, thinned so labels never touch on a narrow phone.
    let year_w = root
        .estimate_text_size("2026", &small)
        .map_or(30, |(tw, _)| tw as i32)
        + theme.px(8.0);
    let years: Vec<i32> = (from.year()..=to.year()).collect();
    let per_year = (right - left) / (years.len() as i32).max(1);
    let every = ((year_w + per_year - 1) / per_year.max(1)).max(1) as usize;
    for (i, y) in years.iter().enumerate() {
        let Some(d) = Date::from_ymd(*y, 1, 1) else {
            continue;
        };
        if d < from {
            continue;
        }
        let x = x_of(d);
        root.draw(&PathElement::new(
            vec![(x, bottom), (x, bottom + theme.px(4.0))],
            theme.muted.stroke_width(thin),
        ))?;
        if i % every == 0 {
            root.draw(&Text::new(
                y.to_string(),
                (x, bottom + theme.px(6.0)),
                small.pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
    }
    // The axis and the event ticks above it as one path (the ticks rise
    // from the axis and return to it): one canvas stroke instead of one per
    // event, and events on the same pixel drawn once.
    let tick_top = bottom - theme.px(6.0);
    let mut axis = vec![(left, bottom)];
    for d in event_days.iter().filter(|d| (from..=to).contains(*d)) {
        let x = x_of(*d);
        if axis.last().is_some_and(|&(last_x, _)| last_x == x) {
            continue;
        }
        axis.extend([(x, bottom), (x, tick_top), (x, bottom)]);
    }
    axis.push((right, bottom));
    root.draw(&PathElement::new(axis, theme.muted.stroke_width(thin)))?;

    // The step line: horizontal to the next change, then vertical.
    let mut points = Vec::with_capacity(steps.len() * 2 + 1);
    for (i, (d, r)) in steps.iter().enumerate() {
        let y = y_of(r.bp());
        if let Some(&(_, prev_y)) = points.last() {
            points.push((x_of(*d), prev_y));
        }
        points.push((x_of(*d), y));
        if i + 1 == steps.len() {
            points.push((right, y));
        }
    }
    root.draw(&PathElement::new(
        points,
        theme
            .layer(MeasureKind::Surtax)
            .stroke_width(theme.px(2.5).max(1) as u32),
    ))?;

    // Selected date: a vertical line and a dot on the step line.
    let sx = x_of(selected);
    root.draw(&PathElement::new(
        vec![(sx, top), (sx, bottom)],
        theme.accent.stroke_width(theme.px(2.0).max(1) as u32),
    ))?;
    if let Some((_, r)) = steps.iter().rev().find(|(d, _)| *d <= selected) {
        root.draw(&Circle::new(
            (sx, y_of(r.bp())),
            theme.px(5.0),
            theme.accent.filled(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_axes() {
        assert_eq!(nice_axis(10_610, 4), (15_000, 5_000));
        assert_eq!(nice_axis(610, 4), (800, 200));
        assert_eq!(nice_axis(0, 4), (100, 50));
        assert_eq!(nice_axis(8_480, 4), (10_000, 5_000));
    }
}
