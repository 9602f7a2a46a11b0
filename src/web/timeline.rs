//! The timeline view: draws the layout core computes, keeps the event list
//! and the details card, and applies what the gesture reducer and key map
//! ([`crate::core::gesture`]) decide.

use super::canvas::{size_canvas, MeasuredCanvas};
use super::dom::write_attr;
use super::intl::today;
use super::state::State;
use crate::core::date::Date;
use crate::core::format::Formats;
use crate::core::gesture::{self, Frame, KeyAction, Outcome, PointerInput, WheelInput, ZOOM_STEP};
use crate::core::i18n::Msg;
use crate::core::timeline::{self as tl, Metrics, Orientation, View};
use crate::draw::{timeline as tl_draw, Theme};
use plotters::prelude::*;

impl State {
    /// Lanes the data leaves empty start unchecked and cannot be turned on.
    /// (The event list comes after the first frame: [`State::rebuild_event_list`].)
    pub fn populate_timeline(&self) {
        if !self.mode.has_timeline() {
            return;
        }
        if let Ok(boxes) = self.dom.root.query_selector_all("input[name=lane]") {
            for i in 0..boxes.length() {
                let Some(cb) = boxes.item(i).and_then(|n| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(n).ok()
                }) else {
                    continue;
                };
                let has_events = cb
                    .value()
                    .parse::<usize>()
                    .ok()
                    .and_then(|l| self.tl.lanes.get(l))
                    .copied()
                    .unwrap_or(true);
                if !has_events {
                    cb.set_checked(false);
                    cb.set_disabled(true);
                }
            }
        }
    }

    /// A category checkbox: shows or hides its lane.
    pub fn toggle_lane(&mut self, lane: &str, on: bool) -> bool {
        if !self.mode.has_timeline() {
            return false;
        }
        let Some(slot) = lane
            .parse::<usize>()
            .ok()
            .and_then(|i| self.tl.lanes.get_mut(i))
        else {
            return false;
        };
        *slot = on;
        self.rebuild_event_list();
        true
    }

    /// The timeline's events as an ordered list: the screen-reader view and the "list view".
    /// Built a task after the first frame (some 600 nodes the frame does not show), and again
    /// when a lane is turned on or off.
    pub fn rebuild_event_list(&self) {
        if !self.mode.has_timeline() {
            return;
        }
        let Some(list) = self.dom.q("[data-role=event-list]") else {
            return;
        };
        list.set_text_content(None);
        for (i, e) in self.ds.events.iter().enumerate() {
            if !self.tl.lanes[e.category.index()] {
                continue;
            }
            let Ok(li) = self.dom.element("li", "") else {
                continue;
            };
            let _ = li.set_attribute("data-event", &i.to_string());
            let when = self.fmt.event_dates(e);
            for (tag, text) in [
                ("time", when.as_str()),
                ("strong", e.title.get(self.lang)),
                ("span", e.description.get(self.lang)),
            ] {
                if let Ok(el) = self.dom.element(tag, text) {
                    if tag == "time" {
                        let _ = el.set_attribute("datetime", &e.date.to_string());
                    }
                    self.dom.append_spaced(&li, &el);
                }
            }
            self.dom.append_sources(&li, &e.sources);
            // Shown in the list view only (CSS): 63 stops for the Tab key
            // would be invisible in the screen-reader list.
            if let Ok(b) = self.dom.element("button", Msg::UseDate.text(self.lang)) {
                let _ = b.set_attribute("type", "button");
                let _ = b.set_attribute("data-action", "use-event-date");
                let _ = b.set_attribute("data-event", &i.to_string());
                let _ = li.append_child(&b);
            }
            let _ = list.append_child(&li);
        }
    }

    /// Lays out and draws the timeline at the canvas's size.
    pub fn draw_timeline(&mut self, theme: &Theme) {
        if !self.mode.has_timeline() {
            return;
        }
        let Some(canvas) = self.dom.canvas("timeline") else {
            return;
        };
        let css = self.css_size(&canvas);
        // Not laid out yet (width 0): keep the orientation of the last draw.
        if css.0 > 0.0 {
            self.tl.orientation = Orientation::for_css_width(css.0);
        }
        let vertical = self.tl.orientation == Orientation::Vertical;
        write_attr(
            &canvas,
            "data-orientation",
            if vertical { "vertical" } else { "horizontal" },
        );
        let Some((w, h)) = size_canvas(&canvas, css, theme.dpr) else {
            return;
        };
        let Some(backend) = MeasuredCanvas::new(canvas.clone()) else {
            return;
        };
        let metrics = Metrics::new(theme.dpr, self.tl.orientation);
        let font_px = metrics.font_px;
        let measure = |s: &str| backend.measure(s, font_px, crate::draw::FONT.as_str());
        let layout = tl::layout_indexed(
            &self.ds.events,
            &self.tl.spans,
            &self.tl.lanes,
            &self.tl.view,
            (f64::from(w), f64::from(h)),
            self.tl.orientation,
            &metrics,
            self.lang,
            &measure,
        );
        self.tl.axis = (layout.pos_of(layout.view.start), layout.axis_len());
        let area = backend.into_drawing_area();
        let _ = tl_draw::draw(
            &area,
            &layout,
            &self.ds.events,
            theme,
            self.selected_date(),
            today(),
            self.tl.focused,
            self.lang,
        );
        let _ = area.present();
        self.tl.layout = Some(layout);
        if let Some(list) = self.dom.q("[data-role=event-list]") {
            let class = if self.tl.list_view {
                "event-list"
            } else {
                "event-list visually-hidden"
            };
            write_attr(&list, "class", class);
        }
    }

    /// Opens event `idx`'s card: date, title, text and sources.
    fn open_details(&mut self, idx: usize) {
        let Some(e) = self.ds.events.get(idx) else {
            return;
        };
        let lang = self.lang;
        self.dom
            .set_text("[data-role=details-date]", &self.fmt.event_dates(e));
        self.dom
            .set_text("[data-role=details-title]", e.title.get(lang));
        self.dom
            .set_text("[data-role=details-text]", e.description.get(lang));
        if let Some(src) = self.dom.q("[data-role=details-sources]") {
            src.set_text_content(None);
            self.dom.append_sources(&src, &e.sources);
        }
        if let Some(card) = self.dom.q("[data-role=details]") {
            let _ = card.remove_attribute("hidden");
        }
        self.tl.open = Some(idx);
        self.tl.focused = Some(idx);
    }

    /// Opens event `idx` and moves the calculator to its date.
    pub(super) fn choose_event(&mut self, idx: usize) {
        self.open_details(idx);
        if let Some(d) = self.ds.events.get(idx).map(|ev| ev.date) {
            self.set_date_from_timeline(d);
        }
    }

    /// Closes the card and gives the focus back to the canvas.
    pub fn close_details(&mut self) {
        if !self.mode.has_timeline() {
            return;
        }
        if let Some(card) = self.dom.q("[data-role=details]") {
            let _ = card.set_attribute("hidden", "");
        }
        self.tl.open = None;
        if let Some(c) = self.dom.canvas("timeline") {
            let _ = c.focus();
        }
    }

    /// Sets the calculator's date from the timeline (event chosen or marker dragged).
    pub(super) fn set_date_from_timeline(&mut self, date: Date) {
        self.inputs.date = date.to_string();
        self.write_inputs();
        self.notify = true;
    }

    /// Zooms around the middle of the window.
    fn zoom_middle(&mut self, factor: f64) {
        let mid = (self.tl.view.start + self.tl.view.end) / 2.0;
        self.tl.view.zoom(factor, mid);
    }

    /// A toolbar or card button.
    pub fn timeline_action(&mut self, action: &str) -> bool {
        if !self.mode.has_timeline() {
            return false;
        }
        match action {
            "zoom-in" => self.zoom_middle(ZOOM_STEP),
            "zoom-out" => self.zoom_middle(1.0 / ZOOM_STEP),
            "fit" => self.tl.view = View::fit(&self.ds.events, View::FIT_PAD),
            "list" => {
                self.tl.list_view = !self.tl.list_view;
                if let Some(b) = self.dom.q("[data-action=list]") {
                    let pressed = if self.tl.list_view { "true" } else { "false" };
                    let _ = b.set_attribute("aria-pressed", pressed);
                }
            }
            "close" => self.close_details(),
            "use-date" => {
                if let Some(d) = self
                    .tl
                    .open
                    .and_then(|i| self.ds.events.get(i))
                    .map(|e| e.date)
                {
                    self.set_date_from_timeline(d);
                }
            }
            _ => {}
        }
        true
    }

    /// Moves the keyboard focus to event `idx`, scrolls it into view and announces it once.
    fn focus_event(&mut self, idx: usize) {
        let Some(e) = self.ds.events.get(idx) else {
            return;
        };
        self.tl.focused = Some(idx);
        let day = f64::from(e.date.days());
        let span = self.tl.view.end - self.tl.view.start;
        if day < self.tl.view.start || day > self.tl.view.end {
            self.tl.view.pan(day - (self.tl.view.start + span / 2.0));
        }
        let msg = format!(
            "{}, {}",
            e.title.get(self.lang),
            self.fmt.date_with(e.date, e.precision)
        );
        self.dom.set_text("[data-role=tl-status]", &msg);
    }

    /// A key on the focused canvas; returns whether the timeline used it.
    pub fn on_key(&mut self, key: &str) -> bool {
        if !self.mode.has_timeline() {
            return false;
        }
        let Some(action) = gesture::key_action(key) else {
            return false;
        };
        let events = &self.ds.events;
        let lanes = &self.tl.lanes;
        let target = match action {
            KeyAction::Step { forward } => tl::next_event(events, lanes, self.tl.focused, forward),
            KeyAction::First => tl::next_event(events, lanes, None, true),
            KeyAction::Last => tl::next_event(events, lanes, None, false),
            KeyAction::Open => {
                if let Some(i) = self.tl.focused {
                    self.choose_event(i);
                }
                None
            }
            KeyAction::Close => {
                self.close_details();
                None
            }
            KeyAction::ZoomIn => {
                self.zoom_middle(ZOOM_STEP);
                None
            }
            KeyAction::ZoomOut => {
                self.zoom_middle(1.0 / ZOOM_STEP);
                None
            }
        };
        if let Some(i) = target {
            self.focus_event(i);
        }
        true
    }

    /// The timeline as last drawn, for the gesture reducer.
    fn frame(&self, dpr: f64) -> Frame {
        Frame {
            orientation: self.tl.orientation,
            axis: self.tl.axis,
            dpr,
            marker: self.selected_date(),
            coverage: self.ds.coverage,
        }
    }

    /// A wheel event over the canvas; returns whether it zoomed (otherwise
    /// the page scrolls, and the hint says how to zoom).
    pub fn on_wheel(&mut self, input: WheelInput) -> bool {
        if !self.mode.has_timeline() {
            return false;
        }
        let frame = self.frame(super::state::device_pixel_ratio());
        match gesture::wheel(self.tl.view, input, &frame) {
            Some(view) => {
                self.tl.view = view;
                true
            }
            None => {
                self.show_hint(Msg::WheelHint);
                false
            }
        }
    }

    /// One pointer event on the canvas; returns whether to draw again.
    pub fn on_pointer(&mut self, input: PointerInput) -> bool {
        if !self.mode.has_timeline() {
            return false;
        }
        let dpr = super::state::device_pixel_ratio();
        let frame = self.frame(dpr);
        match self.tl.gestures.pointer(input, self.tl.view, &frame) {
            Outcome::Nothing => false,
            Outcome::View(v) => {
                self.tl.view = v;
                true
            }
            Outcome::Marker(d) => {
                self.set_date_from_timeline(d);
                true
            }
            Outcome::Tap { x, y } => {
                let slop = gesture::HIT_SLOP_CSS_PX * dpr;
                match self
                    .tl
                    .layout
                    .as_ref()
                    .and_then(|l| tl::hit_test(l, x, y, slop))
                {
                    Some(i) => {
                        self.choose_event(i);
                        true
                    }
                    None => false,
                }
            }
            Outcome::Ended => true,
            Outcome::TouchHint => {
                self.show_hint(Msg::TouchHint);
                false
            }
        }
    }
}
