//! The calculator view: fills the controls, reads them back, and writes
//! the result (charts first, then the sentence, figures, breakdown and
//! notes). What the text says is decided in core ([`crate::core::summary`],
//! [`crate::core::result`]); this file only puts it into the DOM.

use super::canvas::with_canvas;
use super::dom::{write_attr, write_flag, write_text};
use super::state::{RateChartKey, State};
use crate::core::date::Date;
use crate::core::engine::{self, Comparison, Quote, Shipment};
use crate::core::flow_search::PICKER_GROUPS;
use crate::core::form::Preset;
use crate::core::format::Formats;
use crate::core::i18n::Msg;
use crate::core::money::Currency;
use crate::core::reader;
use crate::core::result::{self, FIGURE_COLUMNS};
use crate::core::summary;
use crate::draw::{calculator as calc_draw, Theme};
use wasm_bindgen::JsValue;

impl State {
    /// Fills the flow picker (grouped by destination) and the date bounds.
    pub fn populate_calculator(&self) -> Result<(), JsValue> {
        if let Some(sel) = self.dom.select("flow") {
            for (dest, label) in PICKER_GROUPS {
                let group = self.dom.doc.create_element("optgroup")?;
                group.set_attribute("label", label.text(self.lang))?;
                for f in self.ds.flows.iter().filter(|f| f.destination == dest) {
                    let opt = self.dom.element("option", f.name.get(self.lang))?;
                    opt.set_attribute("value", &f.id)?;
                    group.append_child(&opt)?;
                }
                if group.child_element_count() > 0 {
                    sel.append_child(&group)?;
                }
            }
        }
        let (lo, hi) = self.ds.coverage;
        for name in ["date", "compare"] {
            if let Some(d) = self.dom.input(name) {
                d.set_min(&lo.to_string());
                d.set_max(&hi.to_string());
            }
        }
        if let Some(r) = self.dom.input("date-range") {
            r.set_min(&lo.days().to_string());
            r.set_max(&hi.days().to_string());
        }
        Ok(())
    }

    /// Takes one control's new value; returns whether anything changed.
    /// `committed` is false for `input` events, true for `change`.
    pub fn read_control(&mut self, name: &str, value: String, committed: bool) -> bool {
        if !self.mode.has_calc() {
            return false;
        }
        match name {
            "flow" => {
                if let Err(rejected) = self.inputs.set_flow(&self.ds, &value) {
                    self.notice(&rejected.message(self.lang));
                }
                self.write_inputs();
            }
            "flow-search" => return self.search_flows(&value),
            "value" => self.inputs.value = value,
            "currency" => {
                self.inputs.currency = Currency::parse(&value).unwrap_or(self.inputs.currency)
            }
            // A date field being edited reports "" until it is complete;
            // keep the last full date then, and don't flag it yet.
            "date" | "compare" if value.is_empty() && !committed => return false,
            "date" => {
                self.inputs.date = value;
                self.sync_slider();
            }
            "compare" => self.inputs.compare = value,
            "date-range" => {
                let Ok(days) = value.parse::<i32>() else {
                    return false;
                };
                self.inputs.date = Date::from_days(days).to_string();
                if let Some(d) = self.dom.input("date") {
                    d.set_value(&self.inputs.date);
                }
            }
            "quantity" => self.inputs.quantity = value,
            "quota-used" => self.inputs.quota_used = value,
            _ => return false,
        }
        true
    }

    /// A date button: its date, read from the data, into the date field.
    pub fn apply_preset(&mut self, name: &str) -> bool {
        if !self.mode.has_calc() {
            return false;
        }
        let date = Preset::parse(name).and_then(|p| p.date(&self.ds, super::intl::today()));
        if let Some(d) = date {
            self.inputs.date = d.to_string();
            self.write_inputs();
        }
        true
    }

    /// Puts the inputs into the controls (after a preset, setState or a flow change).
    pub fn write_inputs(&self) {
        if !self.mode.has_calc() {
            return;
        }
        if let Some(s) = self.dom.select("flow") {
            s.set_value(&self.inputs.flow);
        }
        self.sync_flow_search();
        self.write_goods();
        if let Some(s) = self.dom.select("currency") {
            s.set_value(self.inputs.currency.code());
        }
        for (name, v) in [
            ("value", &self.inputs.value),
            ("date", &self.inputs.date),
            ("quantity", &self.inputs.quantity),
            ("quota-used", &self.inputs.quota_used),
            ("compare", &self.inputs.compare),
        ] {
            if let Some(i) = self.dom.input(name) {
                if i.value() != *v {
                    i.set_value(v);
                }
            }
        }
        self.sync_slider();
        if let Some(q) = self.dom.q("[data-role=quota-field]") {
            write_flag(&q, "hidden", !self.inputs.has_quota(&self.ds));
        }
    }

    /// The date slider follows the date field.
    fn sync_slider(&self) {
        if let (Some(r), Ok(d)) = (self.dom.input("date-range"), Date::parse(&self.inputs.date)) {
            r.set_value(&d.days().to_string());
            let _ = r.set_attribute("aria-valuetext", &self.fmt.date(d));
        }
    }

    /// Computes the comparison (when the inputs read) and draws the result.
    pub fn draw_calculator(&mut self, theme: &Theme, shipment: Option<(Shipment, Date)>) {
        if !self.mode.has_calc() {
            return;
        }
        if let Some((s, compare_date)) = shipment {
            // Every input was checked, so the engine has nothing left to
            // refuse; if it ever does, the last good result stays.
            if let Ok(c) = engine::compare(&self.ds, &s, compare_date) {
                // Every figure in the reader's currency (see core::reader).
                let (shown, levied) = reader::in_reader_currency(&c);
                self.last_good = Some(shown);
                self.levied = levied;
            }
            self.write_hash();
        }
        let Some(cmp) = self.last_good.clone() else {
            self.write_field_errors();
            return;
        };
        self.draw_duty_bars(theme, &cmp);
        self.draw_rate_steps(theme, &cmp);
        // The text after the canvases: the first `ctx.font` of a draw makes the
        // browser bring styles up to date, and DOM written before it would be
        // styled twice per input (once here, once for the frame).
        self.write_field_errors();
        self.write_result(&cmp);
        self.write_chart_data(&cmp);
    }

    fn draw_duty_bars(&self, theme: &Theme, cmp: &Comparison) {
        let Some(c) = self.dom.canvas("duty-chart") else {
            return;
        };
        let labels = [
            self.fmt.date(cmp.reference.date),
            self.fmt.date(cmp.selected.date),
        ];
        let (lang, fmt) = (self.lang, &self.fmt);
        with_canvas(&c, self.css_size(&c), theme.dpr, |area| {
            calc_draw::draw_duty_bars(area, cmp, [&labels[0], &labels[1]], theme, lang, fmt).is_ok()
        });
    }

    /// The effective rate over the data's years, drawn again only when what
    /// it shows changed (typing a value seldom changes it).
    fn draw_rate_steps(&mut self, theme: &Theme, cmp: &Comparison) {
        let Some(c) = self.dom.canvas("rate-chart") else {
            return;
        };
        let css = self.css_size(&c);
        let s = &cmp.selected;
        let template = Shipment {
            flow: s.flow.clone(),
            value_minor: s.value_minor,
            currency: s.currency,
            date: s.date,
            quantity: s.quantity,
            quota_used: s.quota.as_ref().map_or(0, |q| q.used),
        };
        let (from, to) = self.ds.coverage;
        let key = RateChartKey {
            steps: engine::rate_steps(&self.ds, &template, from, to),
            date: s.date,
            css,
            theme: *theme,
        };
        if self.rendered.rate_chart.as_ref() == Some(&key) {
            return;
        }
        let days = crate::core::builtin::event_days(&self.ds.events);
        let fmt = &self.fmt;
        with_canvas(&c, css, theme.dpr, |area| {
            calc_draw::draw_rate_steps(area, &key.steps, (from, to), key.date, &days, theme, fmt)
                .is_ok()
        });
        self.rendered.rate_chart = Some(key);
    }

    /// Each field's message (or none) under it, and its aria-invalid.
    fn write_field_errors(&self) {
        for f in &self.dom.fields {
            let msg = self
                .errors
                .iter()
                .find(|e| e.field == f.field)
                .map(|e| e.message);
            write_text(&f.message, msg.unwrap_or(""));
            write_flag(&f.message, "hidden", msg.is_none());
            if let Some(control) = &f.control {
                write_attr(
                    control,
                    "aria-invalid",
                    if msg.is_some() { "true" } else { "false" },
                );
            }
        }
    }

    /// The summary sentence, the three figures, the breakdown table and the notes.
    fn write_result(&mut self, cmp: &Comparison) {
        let lang = self.lang;
        let q = &cmp.selected;
        let reference_label = reader::reference_label(&self.ds, cmp, lang);
        // What customs levies, when that is another currency: in brackets.
        let levied = self
            .levied
            .map(|l| self.fmt.money(l.selected_minor, l.currency));
        let sentence = summary::sentence(
            &self.ds,
            cmp,
            reference_label,
            levied.as_deref(),
            lang,
            &self.fmt,
        );
        self.dom.set_text("[data-role=summary]", &sentence);
        let mut total = self.fmt.money(q.total_duty_minor, q.currency);
        if let Some(levied) = &levied {
            total = format!("{total} ({levied})");
        }
        self.dom.set_text("[data-role=total]", &total);
        self.dom
            .set_text("[data-role=effective]", &self.fmt.percent(q.effective));
        self.dom.set_text(
            "[data-role=landed]",
            &self.fmt.money(q.landed_minor, q.currency),
        );
        self.write_breakdown(q);
        self.write_notes(q);
    }

    /// The notes list, rebuilt only when its text changed.
    fn write_notes(&mut self, q: &Quote) {
        let notes = result::notes(&self.ds, q, self.lang, &self.fmt);
        if let Some(quota) = &notes.quota {
            self.dom.set_text("[data-role=quota-info]", quota);
        }
        let key = notes.items.join("\n");
        if key == self.rendered.notes {
            return;
        }
        if let Some(ul) = self.dom.q("[data-role=notes]") {
            ul.set_text_content(None);
            // The last note is the data's date and version: written below
            // with the last change in a disclosure.
            let plain = notes.items.len().saturating_sub(1);
            for n in &notes.items[..plain] {
                if let Ok(li) = self.dom.element("li", n) {
                    let _ = ul.append_child(&li);
                }
            }
            // "Data as of March 15, 2026 · version 3 · what changed", the
            // change in a native disclosure (keyboard and screen readers
            // get it for free).
            let dom = &self.dom;
            let data = &notes.data;
            let note = || -> Result<web_sys::HtmlElement, JsValue> {
                let li = dom.element("li", "")?;
                li.set_attribute("data-role", "data-version")?;
                let (Some(more), Some(change)) = (&data.more, &data.change) else {
                    li.set_text_content(Some(&data.line));
                    return Ok(li);
                };
                li.append_child(&dom.doc.create_text_node(&format!("{} · ", data.line)))?;
                let details = dom.element("details", "")?;
                let summary = dom.element("summary", more)?;
                let body = dom.element("p", change)?;
                details.append_child(&summary)?;
                details.append_child(&body)?;
                li.append_child(&details)?;
                Ok(li)
            };
            if let Ok(li) = note() {
                let _ = ul.append_child(&li);
            }
        }
        self.rendered.notes = key;
    }

    /// The breakdown table. Typing a value changes only the figures, so when
    /// the rows are the same layers as last time only those cells are edited.
    fn write_breakdown(&mut self, q: &Quote) {
        let lang = self.lang;
        let Some(tbody) = self.dom.q("table[data-role=breakdown] tbody") else {
            return;
        };
        let rows = result::breakdown(q, lang, &self.fmt);
        let shape = result::breakdown_shape(&rows, lang);
        if shape == self.rendered.table && !rows.is_empty() {
            let mut tr = tbody.first_element_child();
            for r in &rows {
                let Some(row) = tr else { break };
                // Cells after the row header: rate, base, amount.
                let mut cell = row
                    .first_element_child()
                    .and_then(|th| th.next_element_sibling());
                for text in &r.figures {
                    let Some(c) = cell else { break };
                    write_text(&c, text);
                    cell = c.next_element_sibling();
                }
                tr = row.next_element_sibling();
            }
            return;
        }
        let dom = &self.dom;
        tbody.set_text_content(None);
        for r in &rows {
            let Ok(tr) = dom.doc.create_element("tr") else {
                continue;
            };
            if let Ok(th) = dom.element("th", &r.head) {
                let _ = th.set_attribute("scope", "row");
                let _ = tr.append_child(&th);
            }
            // data-label: on a phone each row becomes a card whose cells name their column.
            for (text, column) in r.figures.iter().zip(FIGURE_COLUMNS) {
                if let Ok(td) = dom.element("td", text) {
                    let _ = td.set_attribute("data-label", column.text(lang));
                    let _ = tr.append_child(&td);
                }
            }
            if let Ok(td) = dom.element("td", r.layer.instrument.get(lang)) {
                let _ = td.set_attribute("data-label", Msg::ColInstrument.text(lang));
                for s in &r.layer.sources {
                    if let Ok(a) = dom.source_link(s, &self.fmt, lang) {
                        let _ = td.append_child(&dom.doc.create_text_node(" "));
                        let _ = td.append_child(&a);
                    }
                }
                // What later became of a deposit charged that day, or why a
                // layer past an open-ended suspension is an estimate.
                let more = summary::settlement_sentence(r.layer, lang, &self.fmt)
                    .or_else(|| summary::uncertain_sentence(r.layer, lang, &self.fmt));
                if let Some(text) = more {
                    if let Ok(p) = dom.element("span", &text) {
                        let _ = p.set_attribute("class", "layer-later");
                        let _ = p.set_attribute("data-role", "layer-later");
                        let _ = td.append_child(&dom.doc.create_text_node(" "));
                        let _ = td.append_child(&p);
                    }
                }
                let _ = tr.append_child(&td);
            }
            if r.is_off() {
                let _ = tr.set_attribute("class", "off");
            }
            let _ = tbody.append_child(&tr);
        }
        if rows.is_empty() {
            if let Ok(tr) = dom.doc.create_element("tr") {
                if let Ok(td) = dom.element("td", Msg::NoLayers.text(lang)) {
                    let _ = td.set_attribute("colspan", "5");
                    let _ = tr.append_child(&td);
                }
                let _ = tbody.append_child(&tr);
            }
        }
        self.rendered.table = shape;
    }
}
