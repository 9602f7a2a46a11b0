//! The calculator's charts as data: the tables under each chart's "Show
//! the data" (`table[data-role=duty-data]`, `table[data-role=rate-data]`),
//! each canvas's accessible name (what it shows, its key figures, where
//! the table is), and the disclosure sections' first state.
//!
//! What the tables and names say is decided in [`crate::core::chart_data`];
//! this file writes it, and only when it changed.

use super::dom::{write_attr, Dom};
use super::state::State;
use crate::core::chart_data::{self, Table};
use crate::core::engine::Comparison;
use web_sys::Element;

/// Below this host width (CSS px) the breakdown and the charts start folded.
pub const FOLD_BELOW_PX: f64 = 520.0;

impl State {
    /// Closes the calculator's disclosure sections on a narrow host: the
    /// result sentence and the totals come first on a phone. Decided once,
    /// at mount; afterwards they stay as the reader sets them.
    pub fn fold_for_width(&self) {
        let width = self.dom.host.get_bounding_client_rect().width();
        if !(width > 0.0 && width < FOLD_BELOW_PX) {
            return;
        }
        if let Ok(folds) = self.dom.root.query_selector_all("details.fold") {
            for i in 0..folds.length() {
                if let Some(d) = folds
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
                {
                    let _ = d.remove_attribute("open");
                }
            }
        }
    }

    /// Writes both charts' tables and accessible names for `cmp` (after the
    /// charts were drawn: the rate steps are those the chart shows).
    pub fn write_chart_data(&mut self, cmp: &Comparison) {
        let lang = self.lang;
        // Typing a value seldom changes what the table says: it is
        // formatted only when its key (integers and ids) changed.
        let key = chart_data::duty_key(cmp);
        if key != self.takeaway.duty_key {
            let duty = chart_data::duty_table(cmp, lang, &self.fmt);
            if let Some(t) = self.dom.q("table[data-role=duty-data]") {
                write_table(&self.dom, &t, &duty, &mut self.takeaway.duty_table);
            }
            if let Some(c) = self.dom.canvas("duty-chart") {
                let alt = chart_data::duty_alt(cmp, lang, &self.fmt);
                write_attr(&c, "aria-label", &alt);
            }
            self.takeaway.duty_key = key;
        }
        let Some(key) = &self.rendered.rate_chart else {
            return;
        };
        let flow = &cmp.selected.flow;
        if self.takeaway.rate_for.0 == *flow && self.takeaway.rate_for.1 == key.steps {
            return;
        }
        self.takeaway.rate_for = (flow.clone(), key.steps.clone());
        self.takeaway.rate_rows =
            chart_data::rate_rows(&self.ds, flow, &key.steps, self.ds.coverage.0);
        let rows = &self.takeaway.rate_rows;
        let table = chart_data::rate_table(rows, lang, &self.fmt);
        if let Some(t) = self.dom.q("table[data-role=rate-data]") {
            write_table(&self.dom, &t, &table, &mut self.takeaway.rate_table);
        }
        if let Some(c) = self.dom.canvas("rate-chart") {
            write_attr(
                &c,
                "aria-label",
                &chart_data::rate_alt(rows, lang, &self.fmt),
            );
        }
    }
}

/// Fills `table`'s head and body with `t` (a `th` heads each row), unless
/// `shown` says it already shows exactly that.
fn write_table(dom: &Dom, table: &Element, t: &Table, shown: &mut Table) {
    if shown == t {
        return;
    }
    let section = |sel: &str| table.query_selector(sel).ok().flatten();
    if let Some(head) = section("thead") {
        head.set_text_content(None);
        if let Ok(tr) = dom.doc.create_element("tr") {
            for c in &t.columns {
                append_cell(dom, &tr, "th", "col", c);
            }
            let _ = head.append_child(&tr);
        }
    }
    if let Some(body) = section("tbody") {
        body.set_text_content(None);
        for row in &t.rows {
            let Ok(tr) = dom.doc.create_element("tr") else {
                continue;
            };
            for (i, c) in row.iter().enumerate() {
                if i == 0 {
                    append_cell(dom, &tr, "th", "row", c);
                } else {
                    append_cell(dom, &tr, "td", "", c);
                }
            }
            let _ = body.append_child(&tr);
        }
    }
    *shown = t.clone();
}

fn append_cell(dom: &Dom, tr: &Element, tag: &str, scope: &str, text: &str) {
    if let Ok(cell) = dom.element(tag, text) {
        if !scope.is_empty() {
            let _ = cell.set_attribute("scope", scope);
        }
        let _ = tr.append_child(&cell);
    }
}
