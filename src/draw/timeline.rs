//! Paints a [`Layout`](crate::core::timeline::Layout) of the relations
//! timeline with plotters primitives.
//!
//! All geometry (where each marker, bar, label and tick goes) was decided by
//! [`crate::core::timeline::layout`]; this file only chooses colours, stroke
//! widths and drawing order, so the browser canvas and the native SVG (tests,
//! no-JS fallback) show the same picture.

use super::Theme;
use crate::core::date::Date;
use crate::core::model::{Event, Lang};
use crate::core::timeline::{Item, Layout, Orientation, Rect};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{Circle, DashedPathElement, PathElement, Polygon, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, RGBColor, ShapeStyle, TextStyle};

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Opacity of a span's fill: light enough for labels drawn over the bar.
const SPAN_FILL_ALPHA: f64 = 0.3;
/// Opacity of the plate behind a label: the bar under it still shows.
const LABEL_PLATE_ALPHA: f64 = 0.8;
/// Opacity of the shading of every other lane.
const LANE_SHADE_ALPHA: f64 = 0.3;

/// Canvas pixels are integers; rounding (not truncating) keeps thin lines on
/// the pixel the layout meant.
fn ip(v: f64) -> i32 {
    v.round() as i32
}

fn pt(p: (f64, f64)) -> (i32, i32) {
    (ip(p.0), ip(p.1))
}

/// The word next to today's line.
fn today_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Today",
        Lang::Fr => "Aujourd’hui",
    }
}

/// Draws the timeline: background, lanes, grid and ticks, span bars, markers,
/// labels, the selected and today's dates, and the keyboard focus ring on
/// event `focused` (an index into `events`, as in the layout's items).
#[allow(clippy::too_many_arguments)] // Mirrors the web layer's state one to one.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    events: &[Event],
    theme: &Theme,
    selected: Option<Date>,
    today: Option<Date>,
    focused: Option<usize>,
    lang: Lang,
) -> DrawResult<DB> {
    root.fill(&theme.background)?;
    draw_lanes(root, layout, theme)?;
    draw_grid(root, layout, theme)?;
    for item in &layout.items {
        if let (Some(bar), Some(e)) = (item.span, events.get(item.event)) {
            draw_bar(root, bar, theme.category(e.category), theme)?;
        }
    }
    for item in layout.items.iter().filter(|it| it.marker) {
        if let Some(e) = events.get(item.event) {
            let r = item.radius.round().max(1.0) as u32;
            root.draw(&Circle::new(
                pt(item.pos),
                r,
                theme.category(e.category).filled(),
            ))?;
        }
    }
    draw_labels(root, layout, theme)?;
    if let Some(day) = today {
        draw_today(root, layout, theme, day, lang)?;
    }
    if let Some(day) = selected {
        draw_selected(root, layout, theme, day)?;
    }
    if let Some(item) = focused.and_then(|f| layout.item_for(f)) {
        draw_focus(root, item, theme)?;
    }
    Ok(())
}

/// Event labels. One lying over a span's bar gets a translucent plate of
/// the background colour, or the bar's outline would strike its text
/// through; the layout already keeps labels off markers and each other.
fn draw_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    theme: &Theme,
) -> DrawResult<DB> {
    let style = text_style(
        layout.metrics.font_px,
        theme.text,
        Pos::new(HPos::Left, VPos::Center),
    );
    let plate = theme.background.mix(LABEL_PLATE_ALPHA).filled();
    let bars: Vec<Rect> = layout.items.iter().filter_map(|it| it.span).collect();
    for label in layout.items.iter().filter_map(|it| it.label.as_ref()) {
        let (x, y, _, h) = label.rect;
        if bars.iter().any(|b| intersects(b, &label.rect)) {
            root.draw(&Rectangle::new(corners(label.rect), plate))?;
        }
        root.draw_text(&label.text, &style, (ip(x), ip(y + h / 2.0)))?;
    }
    Ok(())
}

fn intersects(a: &Rect, b: &Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

fn text_style(size: f64, color: RGBColor, pos: Pos) -> TextStyle<'static> {
    super::label_style(size, color).pos(pos)
}

/// Every other lane shaded so the eye can follow a row (or column), and each
/// lane's name at the left edge.
fn draw_lanes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    theme: &Theme,
) -> DrawResult<DB> {
    let shade = theme.grid.mix(LANE_SHADE_ALPHA).filled();
    let name_style = text_style(
        layout.metrics.font_px,
        theme.muted,
        Pos::new(HPos::Left, VPos::Center),
    );
    for (n, lane) in layout.lanes.iter().filter(|l| l.visible).enumerate() {
        let (x, y, w, h) = lane.rect;
        if n % 2 == 1 {
            // Horizontal bands run under the lane names too.
            let band = match layout.orientation {
                Orientation::Horizontal => (0.0, y, layout.size.0, h),
                Orientation::Vertical => (x, y, w, h),
            };
            root.draw(&Rectangle::new(corners(band), shade))?;
        }
        if let Some(name) = &lane.name {
            let (nx, ny, _, nh) = name.rect;
            root.draw_text(&name.text, &name_style, (ip(nx), ip(ny + nh / 2.0)))?;
        }
    }
    Ok(())
}

fn corners(r: Rect) -> [(i32, i32); 2] {
    [(ip(r.0), ip(r.1)), (ip(r.0 + r.2), ip(r.1 + r.3))]
}

/// A line across the plot at axis position `pos`.
fn across(layout: &Layout, pos: f64) -> [(i32, i32); 2] {
    let (x, y, w, h) = layout.plot;
    match layout.orientation {
        Orientation::Horizontal => [(ip(pos), ip(y)), (ip(pos), ip(y + h))],
        Orientation::Vertical => [(ip(x), ip(pos)), (ip(x + w), ip(pos))],
    }
}

/// Grid lines at the ticks (stronger at calendar boundaries), the axis
/// line, and the tick labels where the layout found room for them.
fn draw_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    theme: &Theme,
) -> DrawResult<DB> {
    let thin = theme.px(1.0).max(1) as u32;
    let major = ShapeStyle::from(&theme.grid).stroke_width(thin);
    let minor = theme.grid.mix(0.55).stroke_width(thin);
    let style = text_style(
        layout.metrics.font_px,
        theme.muted,
        Pos::new(HPos::Left, VPos::Top),
    );
    for t in &layout.ticks {
        root.draw(&PathElement::new(
            across(layout, t.pos).to_vec(),
            if t.tick.major { major } else { minor },
        ))?;
        if let Some((x, y, _, _)) = t.label {
            root.draw_text(&t.tick.label, &style, (ip(x), ip(y)))?;
        }
    }
    let (x, y, w, h) = layout.plot;
    let axis = match layout.orientation {
        Orientation::Horizontal => [(ip(x), ip(y + h)), (ip(x + w), ip(y + h))],
        Orientation::Vertical => [(ip(x), ip(y)), (ip(x), ip(y + h))],
    };
    root.draw(&PathElement::new(
        axis.to_vec(),
        theme.muted.stroke_width(thin),
    ))
}

/// A span's bar: a translucent fill with cut corners (plotters has no rounded
/// rectangle) and a solid outline, so labels drawn over it stay legible.
fn draw_bar<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    bar: Rect,
    colour: RGBColor,
    theme: &Theme,
) -> DrawResult<DB> {
    let (x, y, w, h) = bar;
    let c = f64::from(theme.px(2.0)).min(w / 2.0).min(h / 2.0).max(0.0);
    let (x1, y1) = (x + w, y + h);
    let outline = vec![
        pt((x + c, y)),
        pt((x1 - c, y)),
        pt((x1, y + c)),
        pt((x1, y1 - c)),
        pt((x1 - c, y1)),
        pt((x + c, y1)),
        pt((x, y1 - c)),
        pt((x, y + c)),
    ];
    root.draw(&Polygon::new(
        outline.clone(),
        colour.mix(SPAN_FILL_ALPHA).filled(),
    ))?;
    let mut closed = outline;
    closed.push(closed[0]);
    root.draw(&PathElement::new(
        closed,
        colour.stroke_width(theme.px(1.0).max(1) as u32),
    ))
}

/// The selected date: a line across the plot in the accent colour with a
/// small triangular handle on the axis, which says "draggable" without text.
fn draw_selected<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    theme: &Theme,
    day: Date,
) -> DrawResult<DB> {
    let pos = layout.pos_of(f64::from(day.days()));
    if !layout.axis_contains(pos) {
        return Ok(());
    }
    root.draw(&PathElement::new(
        across(layout, pos).to_vec(),
        theme.accent.stroke_width(theme.px(2.0).max(1) as u32),
    ))?;
    let s = f64::from(theme.px(6.0));
    let (x, y, _, h) = layout.plot;
    let handle = match layout.orientation {
        // Under the plot, pointing up at the line.
        Orientation::Horizontal => {
            vec![
                pt((pos, y + h)),
                pt((pos - s, y + h + s * 1.5)),
                pt((pos + s, y + h + s * 1.5)),
            ]
        }
        // Left of the plot, pointing right at the line.
        Orientation::Vertical => vec![
            pt((x, pos)),
            pt((x - s * 1.5, pos - s)),
            pt((x - s * 1.5, pos + s)),
        ],
    };
    root.draw(&Polygon::new(handle, theme.accent.filled()))
}

/// Today: a thin dashed line with the word "Today" at the plot's far edge.
fn draw_today<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    theme: &Theme,
    day: Date,
    lang: Lang,
) -> DrawResult<DB> {
    let pos = layout.pos_of(f64::from(day.days()));
    if !layout.axis_contains(pos) {
        return Ok(());
    }
    let line = across(layout, pos);
    let style = theme.today.stroke_width(theme.px(1.0).max(1) as u32);
    root.draw(&DashedPathElement::new(
        line,
        theme.px(4.0).max(1),
        theme.px(3.0).max(1),
        style,
    ))?;
    let size = theme.font_px(11.0);
    let gap = theme.px(3.0);
    let (anchor, at) = match layout.orientation {
        // Top of the line, to its left, so it does not cover the newest marker's label.
        Orientation::Horizontal => (
            Pos::new(HPos::Right, VPos::Top),
            (line[0].0 - gap, line[0].1),
        ),
        // Right end of the line, just above it.
        Orientation::Vertical => (
            Pos::new(HPos::Right, VPos::Bottom),
            (line[1].0, line[1].1 - gap),
        ),
    };
    root.draw_text(today_word(lang), &text_style(size, theme.today, anchor), at)
}

/// The keyboard focus ring: 2 CSS px wide, 3 CSS px outside the marker
/// (or around the label or bar of a span whose start is out of view).
fn draw_focus<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    item: &Item,
    theme: &Theme,
) -> DrawResult<DB> {
    let stroke = theme.px(2.0).max(1);
    let style = theme.accent.stroke_width(stroke as u32);
    let outside = f64::from(theme.px(3.0)) + f64::from(stroke) / 2.0;
    if item.marker {
        let r = (item.radius + outside).round().max(1.0) as u32;
        return root.draw(&Circle::new(pt(item.pos), r, style));
    }
    let Some(r) = item.label.as_ref().map(|l| l.rect).or(item.span) else {
        return Ok(());
    };
    root.draw(&Rectangle::new(
        corners((
            r.0 - outside,
            r.1 - outside,
            r.2 + 2.0 * outside,
            r.3 + 2.0 * outside,
        )),
        style,
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
