//! The horizontal layout: one row per lane with its name at the left, labels
//! right of their markers, tick labels under the plot.

use super::labels::{fit_text, Occupied};
use super::layout::{lane_slot, place_item, thin_markers, Ctx};
use super::{ticks, Item, Label, Lane, Layout, Orientation, PlacedTick, Rect};
use crate::core::model::Category;

pub(super) fn horizontal(ctx: &Ctx<'_>, shown: &[usize], lanes_visible: &[bool; 5]) -> Layout {
    let m = &ctx.metrics;
    let (w, h) = ctx.size;
    let pad = m.pad_px.max(0.0);
    let count = lanes_visible.iter().filter(|&&v| v).count();
    let widest_name = Category::ALL
        .iter()
        .filter(|c| lanes_visible[c.index()])
        .map(|c| (ctx.measure)(c.label(ctx.lang)))
        .fold(0.0, f64::max);
    let gutter = if count == 0 {
        0.0
    } else {
        widest_name.min(w * 0.25) + pad
    };
    let plot_x = pad + gutter;
    let plot = (
        plot_x,
        pad,
        (w - pad - plot_x).max(0.0),
        (h - 2.0 * pad - m.axis_px.max(0.0)).max(0.0),
    );
    let lane_h = if count == 0 {
        0.0
    } else {
        plot.3 / count as f64
    };

    let lanes: Vec<Lane> = Category::ALL
        .iter()
        .map(|&category| match lane_slot(lanes_visible, category) {
            Some(slot) => {
                let rect = (plot.0, plot.1 + slot as f64 * lane_h, plot.2, lane_h);
                let cy = rect.1 + lane_h / 2.0;
                let name = fit_text(category.label(ctx.lang), gutter - pad, ctx.measure)
                    .filter(|_| lane_h >= ctx.line)
                    .map(|text| {
                        let tw = (ctx.measure)(&text);
                        Label {
                            text,
                            rect: (pad, cy - ctx.line / 2.0, tw, ctx.line),
                        }
                    });
                Lane {
                    category,
                    rect,
                    visible: true,
                    name,
                }
            }
            None => Lane {
                category,
                rect: (plot.0, plot.1, 0.0, 0.0),
                visible: false,
                name: None,
            },
        })
        .collect();

    let items: Vec<Item> = shown
        .iter()
        .filter_map(|&i| {
            let e = ctx.events.get(i)?;
            let lane = &lanes[e.category.index()];
            place_item(
                ctx,
                i,
                e,
                &plot,
                lane.rect.1 + lane_h / 2.0,
                Orientation::Horizontal,
            )
        })
        .collect();
    let mut items = thin_markers(ctx, items, |it| it.pos.0);

    // A label taller than its lane would spill into the next lane.
    if lane_h >= ctx.line {
        for lane in lanes.iter().filter(|l| l.visible) {
            let members: Vec<usize> = (0..items.len())
                .filter(|&k| {
                    ctx.events
                        .get(items[k].event)
                        .is_some_and(|e| e.category == lane.category)
                })
                .collect();
            place_row_labels(ctx, &mut items, &members, plot.0 + plot.2);
        }
    }
    let ticks = h_ticks(ctx, &plot);
    Layout {
        orientation: Orientation::Horizontal,
        size: ctx.size,
        plot,
        view: ctx.view,
        metrics: ctx.metrics,
        lanes,
        items,
        ticks,
    }
}

/// Greedy labels in one horizontal row: each goes right of its marker, up to
/// the next marker or placed label (or the plot's edge), shortened to the
/// room it has, or hidden.
fn place_row_labels(ctx: &Ctx<'_>, items: &mut [Item], members: &[usize], x_max: f64) {
    let keep_out = ctx.metrics.max_radius();
    let gap = (ctx.metrics.pad_px / 2.0).max(1.0);
    let mut markers = Occupied::default();
    for &k in members.iter().filter(|&&k| items[k].marker) {
        let x = items[k].pos.0;
        markers.0.push((x - keep_out, x + keep_out));
    }
    crate::core::order::sort_by(&mut markers.0, |a, b| a.0.total_cmp(&b.0));
    let mut labels = Occupied::default();
    for k in ctx.priority_order(items, members) {
        let (x, cy) = items[k].pos;
        let start = x + keep_out + gap;
        let Some(room) = room_right(start, x_max, &markers, &labels, gap) else {
            continue;
        };
        let Some(text) = fit_text(ctx.title(items[k].event), room, ctx.measure) else {
            continue;
        };
        let tw = (ctx.measure)(&text).min(room);
        labels.insert(start, start + tw);
        items[k].label = Some(Label {
            text,
            rect: (start, cy - ctx.line / 2.0, tw, ctx.line),
        });
    }
}

/// Free width from `start` to the first obstacle on its right; `None` if
/// `start` itself is covered.
fn room_right(
    start: f64,
    x_max: f64,
    markers: &Occupied,
    labels: &Occupied,
    gap: f64,
) -> Option<f64> {
    let mut limit = x_max;
    for occupied in [markers, labels] {
        if let Some((a, _)) = occupied.first_after(start) {
            if a <= start {
                return None;
            }
            limit = limit.min(a - gap);
        }
    }
    let room = limit - start;
    (room > 0.0).then_some(room)
}

/// Ticks along x with labels just right of their line (a tick opens the
/// period it names), widening the spacing until the labels fit.
fn h_ticks(ctx: &Ctx<'_>, plot: &Rect) -> Vec<PlacedTick> {
    let pad = ctx.metrics.pad_px.max(1.0);
    let mut spacing = ctx.metrics.font_px.max(1.0) * 3.0;
    let mut chosen = Vec::new();
    for _ in 0..6 {
        chosen = ticks(&ctx.view, plot.2, spacing, ctx.lang);
        let widest = chosen
            .iter()
            .map(|t| (ctx.measure)(&t.label))
            .fold(0.0, f64::max);
        if widest + 2.0 * pad <= spacing {
            break;
        }
        spacing = (spacing * 1.25).max(widest + 2.0 * pad);
    }
    let y = plot.1 + plot.3 + (ctx.metrics.axis_px - ctx.line).max(0.0) / 2.0;
    let mut last_right = f64::NEG_INFINITY;
    chosen
        .into_iter()
        .map(|tick| {
            let pos = plot.0 + ctx.view.pos_of(f64::from(tick.day), plot.2);
            let x = pos + pad / 2.0;
            let tw = (ctx.measure)(&tick.label);
            let fits = x >= last_right && x + tw <= ctx.size.0 && y + ctx.line <= ctx.size.1 + 0.5;
            let label = fits.then(|| {
                last_right = x + tw + pad;
                (x, y, tw, ctx.line)
            });
            PlacedTick { tick, pos, label }
        })
        .collect()
}
