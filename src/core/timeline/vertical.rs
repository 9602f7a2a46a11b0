//! The vertical layout, for phones: time down the y axis, narrow lane
//! columns, the labels in one column on their right, tick labels on the left.

use super::labels::{fit_text, Occupied};
use super::layout::{lane_slot, place_item, thin_markers, Ctx};
use super::{ticks, Item, Label, Lane, Layout, Orientation, PlacedTick, Rect, Tick};
use crate::core::model::Category;

pub(super) fn vertical(ctx: &Ctx<'_>, shown: &[usize], lanes_visible: &[bool; 5]) -> Layout {
    let m = &ctx.metrics;
    let (w, h) = ctx.size;
    let pad = m.pad_px.max(0.0);
    let (top, axis_len) = (pad, (h - 2.0 * pad).max(0.0));
    let chosen = ticks(&ctx.view, axis_len, (ctx.line * 2.5).max(1.0), ctx.lang);
    let widest_tick = chosen
        .iter()
        .map(|t| (ctx.measure)(&t.label))
        .fold(0.0, f64::max);
    let column = widest_tick.min(w * 0.35);
    let plot_x = pad + column + pad;
    let plot = (plot_x, top, (w - pad - plot_x).max(0.0), axis_len);

    let count = lanes_visible.iter().filter(|&&v| v).count();
    let lane_w = if count == 0 {
        0.0
    } else {
        m.lane_px.max(1.0).min(plot.2 * 0.5 / count as f64)
    };
    let lanes: Vec<Lane> = Category::ALL
        .iter()
        .map(|&category| match lane_slot(lanes_visible, category) {
            Some(slot) => Lane {
                category,
                rect: (plot.0 + slot as f64 * lane_w, plot.1, lane_w, plot.3),
                visible: true,
                name: None,
            },
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
                lane.rect.0 + lane_w / 2.0,
                Orientation::Vertical,
            )
        })
        .collect();
    let mut items = thin_markers(ctx, items, |it| it.pos.1);
    let text_x = plot.0 + count as f64 * lane_w + pad;
    place_column_labels(ctx, &mut items, text_x, &plot);
    let ticks = v_ticks(ctx, chosen, &plot, pad);
    Layout {
        orientation: Orientation::Vertical,
        size: ctx.size,
        plot,
        view: ctx.view,
        metrics: ctx.metrics,
        lanes,
        items,
        ticks,
    }
}

/// Greedy labels in the shared text column, level with their markers (kept
/// inside the plot at its ends), never overlapping along y.
fn place_column_labels(ctx: &Ctx<'_>, items: &mut [Item], text_x: f64, plot: &Rect) {
    let room = plot.0 + plot.2 - text_x;
    if room.is_nan() || room <= 0.0 || plot.3 < ctx.line {
        return;
    }
    let gap = (ctx.metrics.pad_px / 4.0).max(1.0);
    let all: Vec<usize> = (0..items.len()).collect();
    let mut placed = Occupied::default();
    for k in ctx.priority_order(items, &all) {
        // max/min, not f64::clamp: clamp panics (and links float printing for
        // its message) when a bound is NaN or the bounds cross.
        let y = (items[k].pos.1 - ctx.line / 2.0)
            .max(plot.1)
            .min(plot.1 + plot.3 - ctx.line);
        if placed.overlaps(y - gap, y + ctx.line + gap) {
            continue;
        }
        let Some(text) = fit_text(ctx.title(items[k].event), room, ctx.measure) else {
            continue;
        };
        let tw = (ctx.measure)(&text).min(room);
        placed.insert(y, y + ctx.line);
        items[k].label = Some(Label {
            text,
            rect: (text_x, y, tw, ctx.line),
        });
    }
}

/// Tick labels right-aligned in the column left of the plot, just below
/// their line (a tick opens the period it names).
fn v_ticks(ctx: &Ctx<'_>, chosen: Vec<Tick>, plot: &Rect, pad: f64) -> Vec<PlacedTick> {
    let column = (plot.0 - 2.0 * pad).max(0.0);
    chosen
        .into_iter()
        .map(|tick| {
            let pos = plot.1 + ctx.view.pos_of(f64::from(tick.day), plot.3);
            let y = pos + 1.0;
            let label = (y + ctx.line <= ctx.size.1 + 0.5)
                .then(|| (ctx.measure)(&tick.label))
                .filter(|&tw| tw <= column + 0.5)
                .map(|tw| (plot.0 - pad - tw, y, tw, ctx.line));
            PlacedTick { tick, pos, label }
        })
        .collect()
}
