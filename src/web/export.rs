//! What a reader takes away: "Copy link", "Download data (CSV)", "Download
//! image (PNG)" and the list view's "Use this date in the calculator".
//!
//! Everything is made in the page (a Blob behind an object URL, clicked
//! through an `<a download>`; the image drawn into a detached canvas at 2×
//! by the page's own drawing code, framed by [`crate::draw::export`]);
//! nothing is requested. The clipboard and `toBlob` answer later: their
//! callbacks are `Closure::once_into_js` (freed by the one call the browser
//! makes) and hold only the status element to write to, so a widget
//! destroyed meanwhile leaves nothing that could throw into the page. A
//! failure is said in the section's status line
//! (`[data-role=takeaway-status]`).

use super::canvas::MeasuredCanvas;
use super::dom::{write_text, Dom};
use super::intl::today;
use super::state::State;
use crate::core::chart_data::{self, RateRow};
use crate::core::date::Date;
use crate::core::format::Formats;
use crate::core::i18n::{fill, Msg};
use crate::core::money::Rate;
use crate::core::{csv, timeline as tl};
use crate::draw::export::{draw_frame, Frame, FOOTER_CSS, TITLE_CSS};
use crate::draw::{calculator as calc_draw, timeline as tl_draw, Scheme, Theme};
use js_sys::{Array, Function, Reflect};
use plotters::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, Element, HtmlAnchorElement, HtmlCanvasElement, Url};

/// The take-away half of a widget's state.
#[derive(Default)]
pub struct Takeaway {
    /// This widget's key in the URL fragment ([`crate::core::share`]).
    pub key: String,
    /// What the two data tables show now, and the duty table's key.
    pub duty_table: chart_data::Table,
    pub duty_key: String,
    pub rate_table: chart_data::Table,
    /// The flow and steps the rate rows were computed for.
    pub rate_for: (String, Vec<(Date, Rate)>),
    /// The rate chart's steps with their causes (the table and the CSV).
    pub rate_rows: Vec<RateRow>,
}

thread_local! {
    /// The object URL of the page's last download, released when the next
    /// one is made (revoking at once could cancel the download).
    static LAST_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Saves `blob` as `name` through a clicked `<a download>`.
fn save(blob: &Blob, name: &str) -> bool {
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok());
    let Some(a) = anchor else {
        let _ = Url::revoke_object_url(&url);
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    if let Some(old) = LAST_URL.with(|u| u.replace(Some(url))) {
        let _ = Url::revoke_object_url(&old);
    }
    true
}

/// Saves `text` as a UTF-8 CSV file with a byte order mark.
fn save_csv(text: &str, name: &str) -> bool {
    let parts = Array::of1(&JsValue::from_str(&format!("{}{text}", csv::BOM)));
    let opts = BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    Blob::new_with_str_sequence_and_options(&parts, &opts).is_ok_and(|b| save(&b, name))
}

/// `obj[name]` as a function, if it is one.
fn method(obj: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(obj, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// Copies through a selected, off-screen textarea and `execCommand('copy')`,
/// where the page has no asynchronous clipboard (an http page).
fn exec_copy(dom: &Dom, text: &str) -> bool {
    let Ok(area) = dom.element("textarea", text) else {
        return false;
    };
    let _ = area.set_attribute("class", "visually-hidden");
    let _ = dom.root.append_child(&area);
    let _ = method(&area, "select").map(|f| f.call0(&area));
    let copied = method(&dom.doc, "execCommand")
        .and_then(|f| f.call1(&dom.doc, &"copy".into()).ok())
        .is_some_and(|v| v.is_truthy());
    area.remove();
    copied
}

impl State {
    /// A take-away button of `btn`'s section; `None` when `action` is not
    /// one (the caller tries the timeline's). Returns whether to draw.
    pub fn takeaway_action(&mut self, action: &str, btn: &Element) -> Option<bool> {
        let status = btn.closest("section").ok().flatten().and_then(|s| {
            s.query_selector("[data-role=takeaway-status]")
                .ok()
                .flatten()
        });
        if let Some(s) = &status {
            write_text(s, "");
        }
        // Each module has only its views' take-aways (the others' buttons are not in its markup).
        let for_timeline = matches!(
            action,
            "csv-events" | "png-timeline" | "copy-event-link" | "use-event-date"
        );
        if (for_timeline && !self.mode.has_timeline()) || (!for_timeline && !self.mode.has_calc()) {
            return None;
        }
        let failed = Msg::DownloadFailed.text(self.lang);
        let flow = self.inputs.flow.clone();
        let saved = match action {
            "copy-link" | "copy-event-link" => {
                let link = self.link(action == "copy-event-link");
                self.copy(&link.unwrap_or_default(), status.clone());
                true
            }
            "csv-events" => save_csv(&csv::events_to_csv(&self.ds), "canada-china-events.csv"),
            "csv-rates" => save_csv(
                &csv::rates_to_csv(&self.takeaway.rate_rows, self.lang),
                &format!("rate-over-time-{flow}.csv"),
            ),
            "csv-breakdown" => match &self.last_good {
                Some(c) => save_csv(
                    &csv::breakdown_to_csv(c, self.lang),
                    &format!("duty-layers-{flow}-{}.csv", c.selected.date),
                ),
                None => false,
            },
            "png-duty" | "png-rates" | "png-timeline" => self.save_png(action, status.clone()),
            "use-event-date" => {
                let date = btn
                    .get_attribute("data-event")
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| self.ds.events.get(i))
                    .map(|e| e.date);
                return Some(date.is_some_and(|d| {
                    self.set_date_from_timeline(d);
                    true
                }));
            }
            _ => return None,
        };
        if let (false, Some(s)) = (saved, &status) {
            write_text(s, failed);
        }
        Some(false)
    }

    /// Writes `text` to the clipboard and says in `status` whether it worked.
    fn copy(&self, text: &str, status: Option<Element>) {
        let ok = Msg::LinkCopied.text(self.lang).to_string();
        let failed = fill(Msg::CopyFailed.text(self.lang), &[("url", text)]);
        let report = move |done: bool| {
            if let Some(s) = &status {
                write_text(s, if done { &ok } else { &failed });
            }
        };
        let navigator = web_sys::window().and_then(|w| Reflect::get(&w, &"navigator".into()).ok());
        let clipboard = navigator
            .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
            .filter(|c| c.is_object());
        let Some(clipboard) = clipboard else {
            report(exec_copy(&self.dom, text));
            return;
        };
        let promise = method(&clipboard, "writeText")
            .and_then(|f| f.call1(&clipboard, &text.into()).ok())
            .filter(|p| p.is_object());
        let then = promise.as_ref().and_then(|p| method(p, "then"));
        match (promise, then) {
            (Some(p), Some(then)) => {
                // One callback for both outcomes: writeText resolves with
                // undefined and rejects with an error, and the promise calls
                // exactly one of the two, once.
                let done = Closure::once_into_js(move |v: JsValue| report(v.is_undefined()));
                let _ = then.call2(&p, &done, &done);
            }
            _ => report(false),
        }
    }

    /// Draws a chart at 2× into a detached canvas, framed with its title,
    /// sources and date, and saves it as a PNG.
    fn save_png(&self, action: &str, status: Option<Element>) -> bool {
        let lang = self.lang;
        let (role, fallback) = match action {
            "png-duty" => ("duty-chart", (640.0, 260.0)),
            "png-rates" => ("rate-chart", (640.0, 260.0)),
            _ => ("timeline", (900.0, 380.0)),
        };
        // The chart as the reader sees it, or a usual size while it is folded.
        let css = self
            .dom
            .canvas(role)
            .map(|c| self.css_size(&c))
            .filter(|s| s.0 >= 200.0 && s.1 >= 100.0)
            .unwrap_or(fallback);
        let dark = self.dom.host.get_attribute("data-scheme").as_deref() == Some("dark");
        let theme = Theme::new(if dark { Scheme::Dark } else { Scheme::Light }, 2.0);
        let size = (
            (css.0 * 2.0).round() as u32,
            ((css.1 + TITLE_CSS + FOOTER_CSS) * 2.0).round() as u32,
        );
        let Ok(canvas) = self
            .dom
            .doc
            .create_element("canvas")
            .map(|c| c.unchecked_into::<HtmlCanvasElement>())
        else {
            return false;
        };
        canvas.set_width(size.0);
        canvas.set_height(size.1);
        let Some(backend) = MeasuredCanvas::new(canvas.clone()) else {
            return false;
        };
        let flow = &self.inputs.flow;
        let flow_name = self.ds.flow(flow).map_or("", |f| f.name.get(lang));
        let mut sources: Vec<&str> = Vec::new();
        let (caption, name) = match role {
            "duty-chart" => {
                if let Some(c) = &self.last_good {
                    for l in c.reference.charged().chain(c.selected.charged()) {
                        sources.extend(l.sources.iter().map(|s| &**s));
                    }
                }
                (
                    Msg::ChartBars.text(lang).to_string(),
                    format!("duty-by-layer-{flow}-{}.png", self.inputs.date),
                )
            }
            "rate-chart" => {
                for m in self.ds.measures.iter().filter(|m| m.flow == *flow) {
                    sources.extend(m.sources.iter().map(|s| &**s));
                }
                (
                    Msg::ChartSteps.text(lang).to_string(),
                    format!("rate-over-time-{flow}.png"),
                )
            }
            _ => {
                for e in &self.ds.events {
                    sources.extend(e.sources.iter().map(|s| &**s));
                }
                let (from, to) = self.ds.coverage;
                let years = [from.year().to_string(), to.year().to_string()];
                (
                    fill(
                        Msg::TimelineTitle.text(lang),
                        &[("from", &years[0]), ("to", &years[1])],
                    ),
                    "canada-china-timeline.png".to_string(),
                )
            }
        };
        let source = format!(
            "{}: {}",
            Msg::Sources.text(lang),
            chart_data::hosts(&sources).join(", ")
        );
        let date = fill(
            Msg::AsOf.text(lang),
            &[("date", &self.fmt.date(self.ds.as_of))],
        );
        let (title, subtitle) = if role == "timeline" {
            (caption.as_str(), "")
        } else {
            (flow_name, caption.as_str())
        };
        let frame = Frame {
            title,
            subtitle,
            source: &source,
            date: &date,
        };
        // The timeline is laid out for the image's own size before the
        // backend becomes the drawing area (layout measures its labels).
        let layout = (role == "timeline" && self.mode.has_timeline()).then(|| {
            let frame_h = theme.px(TITLE_CSS) + theme.px(FOOTER_CSS);
            let chart_size = (f64::from(size.0), f64::from(size.1 as i32 - frame_h));
            let metrics = tl::Metrics::new(2.0, self.tl.orientation);
            let font_px = metrics.font_px;
            let measure = |s: &str| backend.measure(s, font_px, crate::draw::FONT.as_str());
            tl::layout_indexed(
                &self.ds.events,
                &self.tl.spans,
                &self.tl.lanes,
                &self.tl.view,
                chart_size,
                self.tl.orientation,
                &metrics,
                lang,
                &measure,
            )
        });
        let area = backend.into_drawing_area();
        let Ok(chart) = draw_frame(&area, &frame, &theme) else {
            return false;
        };
        let drawn = match (role, &self.last_good, layout) {
            ("duty-chart", Some(cmp), _) if self.mode.has_calc() => {
                let [a, b] = [cmp.reference.date, cmp.selected.date].map(|d| self.fmt.date(d));
                calc_draw::draw_duty_bars(&chart, cmp, [&a, &b], &theme, lang, &self.fmt).is_ok()
            }
            ("rate-chart", _, _) if self.mode.has_calc() => {
                let steps = &self.takeaway.rate_for.1;
                let days = crate::core::builtin::event_days(&self.ds.events);
                let selected = self.selected_date().unwrap_or(self.ds.as_of);
                calc_draw::draw_rate_steps(
                    &chart,
                    steps,
                    self.ds.coverage,
                    selected,
                    &days,
                    &theme,
                    &self.fmt,
                )
                .is_ok()
            }
            (_, _, Some(layout)) if self.mode.has_timeline() => tl_draw::draw(
                &chart,
                &layout,
                &self.ds.events,
                &theme,
                self.selected_date(),
                today(),
                None,
                lang,
            )
            .is_ok(),
            _ => false,
        };
        if !drawn || area.present().is_err() {
            return false;
        }
        let failed = Msg::DownloadFailed.text(lang);
        let done = Closure::once_into_js(move |blob: JsValue| {
            let saved = blob.dyn_into::<Blob>().is_ok_and(|b| save(&b, &name));
            if let (false, Some(s)) = (saved, &status) {
                write_text(s, failed);
            }
        });
        canvas.to_blob(done.unchecked_ref()).is_ok()
    }
}
