//! One widget on the page: its state, its DOM, its listeners, its drawing.

use super::canvas::MeasuredCanvas;
use super::intl::{today, IntlFormats};
use super::listen::Listener;
use super::ui::{self, fill, t};
use crate::core::date::Date;
use crate::core::engine::{self, before_deal, Comparison, Layer, LayerStatus, Quote, Shipment};
use crate::core::format::{css_number, Formats};
use crate::core::load::{load, load_with_overlay, BUILTIN_JSON};
use crate::core::model::{Dataset, Lang};
use crate::core::money::{parse_amount, Currency};
use crate::core::share;
use crate::core::summary;
use crate::core::timeline::{self as tl, Orientation, View};
use crate::draw::{calculator as calc_draw, timeline as tl_draw, Scheme, Theme};
use plotters::prelude::*;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Document, Element, Event, HtmlCanvasElement, HtmlElement,
    HtmlInputElement, HtmlSelectElement, KeyboardEvent, MediaQueryList, PointerEvent,
    ResizeObserver, ResizeObserverBoxOptions, ResizeObserverOptions, ShadowRoot, WheelEvent,
};

thread_local! {
    /// The built-in dataset, parsed once for every widget on the page.
    static BUILTIN: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
}

fn builtin() -> Result<Rc<Dataset>, String> {
    BUILTIN.with(|b| {
        if let Some(ds) = b.borrow().as_ref() {
            return Ok(ds.clone());
        }
        let ds = Rc::new(load(BUILTIN_JSON).map_err(|e| e.to_string())?);
        *b.borrow_mut() = Some(ds.clone());
        Ok(ds)
    })
}

/// Reads `key` of a plain JS object as text: strings as they are, numbers
/// written out (`setState({value: 40000})` and `{value: "40 000"}` both
/// work), anything else as absent.
fn prop(obj: &JsValue, key: &str) -> Option<String> {
    let v = js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok()?;
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    let n = v.as_f64()?;
    Some(if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        // JavaScript's own number to text (`12.5`, `NaN`), which the value
        // parser then judges; Rust's float printing is not in the bundle.
        String::from(js_sys::Number::from(n).to_string_with_radix(10).ok()?)
    })
}

/// The calculator's inputs as a page gives them: attributes at mount,
/// `setState` later. Absent fields leave the state as it is.
#[derive(Default)]
struct InputFields {
    flow: Option<String>,
    value: Option<String>,
    currency: Option<String>,
    date: Option<String>,
    quantity: Option<String>,
    quota_used: Option<String>,
    compare: Option<String>,
    theme: Option<String>,
}

impl InputFields {
    fn read(o: &JsValue) -> InputFields {
        InputFields {
            flow: prop(o, "flow"),
            value: prop(o, "value"),
            currency: prop(o, "currency"),
            date: prop(o, "date"),
            quantity: prop(o, "quantity"),
            quota_used: prop(o, "quotaUsed"),
            compare: prop(o, "compareDate"),
            theme: prop(o, "theme"),
        }
    }
}

/// What the loader passes from the element's attributes.
#[derive(Default)]
struct Options {
    view: Option<String>,
    lang: Option<String>,
    share_state: bool,
    /// An inline `<script type="application/json">` dataset.
    data: Option<String>,
    fields: InputFields,
}

impl Options {
    fn read(o: &JsValue) -> Options {
        if !o.is_object() {
            return Options::default();
        }
        Options {
            view: prop(o, "view"),
            lang: prop(o, "lang"),
            share_state: js_sys::Reflect::get(o, &"shareState".into()).is_ok_and(|v| v.is_truthy()),
            data: prop(o, "data"),
            fields: InputFields::read(o),
        }
    }
}

/// `element.setState(patch)`: any subset of the state.
struct StatePatch {
    fields: InputFields,
}

const PATCH_KEYS: [&str; 9] = [
    "flow",
    "value",
    "currency",
    "date",
    "quantity",
    "quotaUsed",
    "compareDate",
    "theme",
    "lang",
];

impl StatePatch {
    fn read(o: &JsValue) -> Result<StatePatch, JsValue> {
        if !o.is_object() {
            return Err(err(
                "setState takes an object, e.g. { date: \"2026-03-02\" }",
            ));
        }
        let obj: &js_sys::Object = o.unchecked_ref();
        let keys: js_sys::Array = js_sys::Object::keys(obj);
        for key in keys.iter().filter_map(|k: JsValue| k.as_string()) {
            if !PATCH_KEYS.contains(&key.as_str()) {
                return Err(err(format!(
                    "setState: unknown field \"{key}\"; expected one of {}",
                    PATCH_KEYS.join(", ")
                )));
            }
        }
        Ok(StatePatch {
            fields: InputFields::read(o),
        })
    }
}

/// `element.getState()`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PublicState<'a> {
    flow: &'a str,
    value: &'a str,
    currency: &'a str,
    date: &'a str,
    quantity: &'a str,
    quota_used: &'a str,
    compare_date: String,
    lang: &'a str,
    view: &'a str,
    errors: Vec<(&'a str, &'a str)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ViewMode {
    Calculator,
    Timeline,
    Both,
}

impl ViewMode {
    fn has_calc(self) -> bool {
        self != ViewMode::Timeline
    }
    fn has_timeline(self) -> bool {
        self != ViewMode::Calculator
    }
    fn name(self) -> &'static str {
        match self {
            ViewMode::Calculator => "calculator",
            ViewMode::Timeline => "timeline",
            ViewMode::Both => "both",
        }
    }
}

/// The reader's inputs as typed, so nothing they type is lost on an error.
struct Inputs {
    flow: String,
    value: String,
    currency: Currency,
    date: String,
    quantity: String,
    quota_used: String,
    /// The comparison date ("before the deal" unless the reader or page changes it).
    compare: String,
}

/// A pointer gesture on the timeline.
#[derive(Clone, Copy)]
enum Drag {
    Pan {
        pointer: i32,
        start_x: f64,
        start_y: f64,
        start_view: (f64, f64),
        moved: bool,
    },
    Marker {
        pointer: i32,
    },
    Pinch {
        a: (i32, f64, f64),
        b: (i32, f64, f64),
        start_dist: f64,
        start_view: (f64, f64),
    },
}

struct TimelineState {
    view: View,
    lanes: [bool; 5],
    focused: Option<usize>,
    open: Option<usize>,
    drag: Option<Drag>,
    list_view: bool,
    layout: Option<tl::Layout>,
    /// Length of the time axis in device pixels at the last draw.
    /// Where the time axis starts and how long it is, in device pixels, at the last draw.
    axis: (f64, f64),
    /// Spans by index, so layout cost follows the visible events.
    spans: tl::SpanIndex,
    orientation: Orientation,
}

struct Dom {
    doc: Document,
    host: HtmlElement,
    root: ShadowRoot,
    /// `(prefers-color-scheme: dark)` and `(forced-colors: active)`, kept:
    /// every draw asks them, and a new query list per draw was measurable.
    schemes: [Option<MediaQueryList>; 2],
    /// Each calculator field's message paragraph and control, found once.
    fields: Vec<FieldDom>,
}

struct FieldDom {
    name: &'static str,
    message: Element,
    control: Option<Element>,
}

/// The calculator fields that can carry a message.
const FIELDS: [&str; 6] = ["flow", "value", "date", "compare", "quantity", "quota-used"];

impl Dom {
    fn new(doc: Document, host: HtmlElement, root: ShadowRoot) -> Dom {
        let query = |q: &str| web_sys::window().and_then(|w| w.match_media(q).ok().flatten());
        let mut dom = Dom {
            doc,
            host,
            root,
            schemes: [
                query("(prefers-color-scheme: dark)"),
                query("(forced-colors: active)"),
            ],
            fields: Vec::new(),
        };
        dom.fields = FIELDS
            .iter()
            .filter_map(|&name| {
                Some(FieldDom {
                    name,
                    message: dom.q(&format!("[data-error-for=\"{name}\"]"))?,
                    control: dom.q(&format!("[name=\"{name}\"]")),
                })
            })
            .collect();
        dom
    }

    fn q(&self, sel: &str) -> Option<Element> {
        self.root.query_selector(sel).ok().flatten()
    }
    fn input(&self, name: &str) -> Option<HtmlInputElement> {
        self.q(&format!("[name=\"{name}\"]"))
            .and_then(|e| e.dyn_into().ok())
    }
    fn select(&self, name: &str) -> Option<HtmlSelectElement> {
        self.q(&format!("select[name=\"{name}\"]"))
            .and_then(|e| e.dyn_into().ok())
    }
    fn canvas(&self, role: &str) -> Option<HtmlCanvasElement> {
        self.q(&format!("canvas[data-role=\"{role}\"]"))
            .and_then(|e| e.dyn_into().ok())
    }
    fn set_text(&self, sel: &str, text: &str) {
        if let Some(e) = self.q(sel) {
            write_text(&e, text);
        }
    }
}

// DOM writes that change nothing still cost: a new text node or a set
// attribute sends the browser back to styling the widget, and in a redraw per
// keystroke that styling was most of the time. So: write only differences.

/// Sets `el`'s text, editing its one text node in place when it has one
/// (new character data needs layout, not a new style).
fn write_text(el: &Element, text: &str) {
    if let Some(node) = el.first_child() {
        if node.next_sibling().is_none() && node.node_type() == web_sys::Node::TEXT_NODE {
            if node.node_value().as_deref() != Some(text) {
                node.set_node_value(Some(text));
            }
            return;
        }
    }
    if !(text.is_empty() && el.first_child().is_none()) {
        el.set_text_content(Some(text));
    }
}

/// Sets an attribute unless it already has this value.
fn write_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Adds or removes a boolean attribute (`hidden`) unless it is already so.
fn write_flag(el: &Element, name: &str, on: bool) {
    if el.has_attribute(name) != on {
        let _ = if on {
            el.set_attribute(name, "")
        } else {
            el.remove_attribute(name)
        };
    }
}

/// Keys of what is on screen, so a redraw rebuilds only what changed.
#[derive(Default)]
struct Rendered {
    table: String,
    notes: String,
    /// What the rate chart shows; `None` when it must be drawn again
    /// (first draw, a canvas whose context was lost and restored).
    rate_chart: Option<RateChartKey>,
}

/// Everything the rate chart's pixels depend on (the language and the
/// events' days are fixed for a widget).
#[derive(PartialEq)]
struct RateChartKey {
    steps: Vec<(Date, crate::core::money::Rate)>,
    date: Date,
    css: (f64, f64),
    theme: Theme,
}

struct Inner {
    ds: Rc<Dataset>,
    lang: Lang,
    mode: ViewMode,
    theme_pref: String,
    share_state: bool,
    fmt: IntlFormats,
    inputs: Inputs,
    /// Field name → message, for every field that does not read.
    errors: Vec<(&'static str, &'static str)>,
    /// The last comparison that could be computed: stays on screen while an input is wrong.
    last_good: Option<Comparison>,
    /// What the breakdown table, the notes and the rate chart show now.
    rendered: Rendered,
    tl: TimelineState,
    dom: Dom,
    /// The requested animation frame, while one is pending.
    frame_id: Option<i32>,
    /// Set by destroy: nothing may schedule a frame after it.
    destroyed: bool,
    /// Set by a change that should notify the page once the frame is drawn.
    notify: bool,
    draws: u32,
    /// Each canvas's CSS size (by data-role) as the resize observer last
    /// reported it: reading `clientWidth` while drawing would force a layout
    /// of the whole page after the frame's DOM writes.
    css_sizes: Vec<(String, (f64, f64))>,
    /// Schedules a frame; set once the listeners are attached.
    schedule: Option<Rc<dyn Fn()>>,
    /// A `(resolution: Ndppx)` media query for the ratio of the last draw: it
    /// fires when the ratio changes without a resize (a window moved to
    /// another screen, browser zoom), as in eframe's `install_dpr_change_event`.
    dpr_watch: Option<(f64, Listener)>,
}

/// A widget handle, one per `<trade-widget>` element.
/// The animation-frame callback, created once and reused for every frame.
type FrameCallback = Rc<RefCell<Option<Closure<dyn FnMut()>>>>;

/// The resize observer and the callback it holds, disconnected on destroy.
type Resize = (ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
    listeners: Vec<Listener>,
    resize: Option<Resize>,
    frame: FrameCallback,
}

fn err(msg: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&msg.to_string()).into()
}

#[wasm_bindgen]
impl Widget {
    /// Mounts a widget into `root` (the element's shadow root).
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot, options: JsValue) -> Result<Widget, JsValue> {
        let opts = Options::read(&options);
        let ds = match &opts.data {
            Some(inline) if !inline.trim().is_empty() => {
                Rc::new(load_with_overlay(BUILTIN_JSON, inline).map_err(err)?)
            }
            _ => builtin().map_err(err)?,
        };
        let lang = Lang::from_tag(opts.lang.as_deref().unwrap_or("en"));
        let mode = match opts.view.as_deref().map(str::trim) {
            Some("timeline") => ViewMode::Timeline,
            Some("both") => ViewMode::Both,
            _ => ViewMode::Calculator,
        };
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| err("no document"))?;
        // Defaults first; the element's attributes are then applied like a setState.
        let first = ds
            .flows
            .first()
            .ok_or_else(|| err("the data has no trade flow"))?;
        let inputs = Inputs {
            flow: first.id.clone(),
            value: (first.default_value_minor / 100).to_string(),
            currency: first.currency,
            date: default_date(&ds).to_string(),
            quantity: "1".into(),
            quota_used: "0".into(),
            compare: before_deal(&ds).to_string(),
        };
        let tl_state = TimelineState {
            view: View::fit(&ds.events, 0.03),
            lanes: tl::lanes_with_events(&ds.events),
            focused: None,
            open: None,
            drag: None,
            list_view: false,
            layout: None,
            axis: (0.0, 1.0),
            spans: tl::SpanIndex::new(&ds.events),
            orientation: Orientation::Horizontal,
        };
        let mut markup = String::from(r#"<div class="tw" data-role="widget">"#);
        if mode.has_calc() {
            markup.push_str(&ui::calculator_markup(lang));
        }
        if mode.has_timeline() {
            markup.push_str(&ui::timeline_markup(lang));
        }
        markup.push_str("</div>");
        root.set_inner_html(&markup);
        let inner = Inner {
            fmt: IntlFormats::new(lang),
            lang,
            mode,
            theme_pref: "auto".into(),
            share_state: opts.share_state,
            inputs,
            errors: Vec::new(),
            last_good: None,
            rendered: Rendered::default(),
            tl: tl_state,
            dom: Dom::new(doc, host, root),
            frame_id: None,
            destroyed: false,
            notify: false,
            draws: 0,
            css_sizes: Vec::new(),
            schedule: None,
            dpr_watch: None,
            ds,
        };
        let mut w = Widget {
            inner: Rc::new(RefCell::new(inner)),
            listeners: Vec::new(),
            resize: None,
            frame: Rc::new(RefCell::new(None)),
        };
        {
            let mut s = w.inner.borrow_mut();
            s.apply_fields(opts.fields);
            if s.share_state {
                s.restore_from_hash();
            }
            s.populate()?;
            s.write_inputs();
        }
        w.attach()?;
        // The first frame is drawn synchronously so the host can reserve
        // nothing more than its placeholder height.
        render(&w.inner);
        Ok(w)
    }

    /// `element.setState({...})`: applies what reads and returns the
    /// problems of what does not, as `[[field, message], ...]`.
    #[wasm_bindgen(js_name = setState)]
    pub fn set_state(&self, patch: JsValue) -> Result<JsValue, JsValue> {
        let patch = StatePatch::read(&patch)?;
        {
            let mut s = self
                .inner
                .try_borrow_mut()
                .map_err(|_| err("setState: the widget is busy drawing; call it again"))?;
            s.apply_patch(patch);
            s.write_inputs();
            s.notify = true;
        }
        render(&self.inner);
        let s = self.inner.try_borrow().map_err(|_| err("busy"))?;
        serde_wasm_bindgen::to_value(&s.errors).map_err(err)
    }

    /// `element.getState()`.
    #[wasm_bindgen(js_name = getState)]
    pub fn get_state(&self) -> Result<JsValue, JsValue> {
        let s = self.inner.try_borrow().map_err(|_| err("busy"))?;
        s.public_state()
    }

    /// `element.quote()`: the engine's breakdown for the current inputs.
    pub fn quote(&self) -> Result<JsValue, JsValue> {
        let s = self.inner.try_borrow().map_err(|_| err("busy"))?;
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        match &s.last_good {
            Some(c) => c.serialize(&ser).map_err(err),
            None => Ok(JsValue::NULL),
        }
    }

    /// Redraws now (the loader calls it when fonts or the theme change).
    pub fn redraw(&self) {
        render(&self.inner);
    }

    /// How many frames have been drawn (tests wait on it).
    #[wasm_bindgen(getter)]
    pub fn draws(&self) -> u32 {
        self.inner.try_borrow().map_or(0, |s| s.draws)
    }

    /// Removes every listener and observer and empties the shadow root.
    pub fn destroy(&mut self) {
        self.listeners.clear();
        if let Some((obs, _closure)) = self.resize.take() {
            obs.disconnect();
        }
        // Cancel a pending frame before dropping its callback: the browser
        // would otherwise call a freed closure ("closure invoked ... after
        // being dropped") on the next frame.
        if let Ok(mut s) = self.inner.try_borrow_mut() {
            s.destroyed = true;
            s.dpr_watch = None;
            s.schedule = None;
            if let (Some(id), Some(win)) = (s.frame_id.take(), web_sys::window()) {
                let _ = win.cancel_animation_frame(id);
            }
        }
        self.frame.borrow_mut().take();
        if let Ok(s) = self.inner.try_borrow() {
            s.dom.root.set_inner_html("");
            let _ = s.dom.host.remove_attribute("data-status");
        }
    }
}

fn default_date(ds: &Dataset) -> Date {
    // Today, but never past the day the data was last checked: a reader
    // must not take a March figure for a November one.
    today().map_or(ds.as_of, |t| t.clamp(ds.coverage.0, ds.as_of))
}

/// Draws now, then tells the page if a change asked for it.
fn render(inner: &Rc<RefCell<Inner>>) {
    let notify = {
        let Ok(mut s) = inner.try_borrow_mut() else {
            return;
        };
        s.frame_id = None;
        if s.destroyed {
            return;
        }
        s.draw_all();
        std::mem::take(&mut s.notify)
    };
    // Dispatched with no borrow held: a listener may call setState.
    if notify {
        let (host, detail) = {
            let Ok(s) = inner.try_borrow() else { return };
            (
                s.dom.host.clone(),
                s.public_state().unwrap_or(JsValue::NULL),
            )
        };
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(ev) = CustomEvent::new_with_event_init_dict("trade-widget-change", &init) {
            let _ = host.dispatch_event(&ev);
        }
    }
}

impl Widget {
    /// Schedules one draw in the next animation frame; further changes in
    /// the same frame coalesce into it.
    fn scheduler(inner: &Rc<RefCell<Inner>>, frame: &FrameCallback) -> impl Fn() + Clone + 'static {
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(inner);
        let frame = Rc::downgrade(frame);
        move || {
            let Some(inner) = weak.upgrade() else { return };
            {
                let Ok(s) = inner.try_borrow() else {
                    return;
                };
                if s.frame_id.is_some() || s.destroyed {
                    return;
                }
            }
            let Some(frame) = frame.upgrade() else { return };
            if frame.borrow().is_none() {
                let weak = Rc::downgrade(&inner);
                *frame.borrow_mut() = Some(Closure::new(move || {
                    if let Some(inner) = weak.upgrade() {
                        render(&inner);
                    }
                }));
            }
            let callback = frame.borrow();
            if let (Some(win), Some(cb)) = (web_sys::window(), callback.as_ref()) {
                if let (Ok(id), Ok(mut s)) = (
                    win.request_animation_frame(cb.as_ref().unchecked_ref()),
                    inner.try_borrow_mut(),
                ) {
                    s.frame_id = Some(id);
                }
            }
        }
    }

    fn on(
        &mut self,
        target: &web_sys::EventTarget,
        kind: &'static str,
        passive: bool,
        f: impl FnMut(Event) + 'static,
    ) -> Result<(), JsValue> {
        self.listeners
            .push(Listener::new(target, kind, passive, f)?);
        Ok(())
    }

    /// Wires every control, the timeline gestures and the resize observer.
    fn attach(&mut self) -> Result<(), JsValue> {
        let schedule = Self::scheduler(&self.inner, &self.frame);
        self.inner.borrow_mut().schedule = Some(Rc::new(schedule.clone()));
        let root: web_sys::EventTarget = self.inner.borrow().dom.root.clone().into();
        let weak = Rc::downgrade(&self.inner);

        // Form controls: one delegated listener for input and change.
        for kind in ["input", "change"] {
            let (weak, schedule) = (weak.clone(), schedule.clone());
            self.on(&root, kind, true, move |ev: Event| {
                let Some(inner) = weak.upgrade() else { return };
                let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                    return;
                };
                let name = target.get_attribute("name").unwrap_or_default();
                {
                    let Ok(mut s) = inner.try_borrow_mut() else {
                        return;
                    };
                    if !s.read_control(&name, &target, kind) {
                        return;
                    }
                    s.notify = true;
                }
                schedule();
            })?;
        }
        // Buttons: presets and timeline toolbar.
        {
            let (weak, schedule) = (weak.clone(), schedule.clone());
            self.on(&root, "click", true, move |ev: Event| {
                let Some(inner) = weak.upgrade() else { return };
                let Some(btn) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("button").ok().flatten())
                else {
                    return;
                };
                {
                    let Ok(mut s) = inner.try_borrow_mut() else {
                        return;
                    };
                    if let Some(p) = btn.get_attribute("data-preset") {
                        s.apply_preset(&p);
                    } else if let Some(a) = btn.get_attribute("data-action") {
                        s.timeline_action(&a);
                    } else {
                        return;
                    }
                    s.notify = true;
                }
                schedule();
            })?;
        }
        if self.inner.borrow().mode.has_timeline() {
            self.attach_timeline(&schedule)?;
        }
        // A 2D canvas can lose its pixels (memory pressure, a GPU reset); when
        // the browser restores the context, every chart is drawn again.
        let canvases = self.inner.borrow().dom.root.query_selector_all("canvas");
        if let Ok(canvases) = canvases {
            for i in 0..canvases.length() {
                let Some(canvas) = canvases.item(i) else {
                    continue;
                };
                let (weak, schedule) = (weak.clone(), schedule.clone());
                self.on(&canvas, "contextrestored", true, move |_| {
                    if let Some(inner) = weak.upgrade() {
                        if let Ok(mut s) = inner.try_borrow_mut() {
                            s.rendered.rate_chart = None;
                        }
                    }
                    schedule();
                })?;
            }
        }
        // Colour scheme and high-contrast changes.
        let schemes = self.inner.borrow().dom.schemes.clone();
        for mql in schemes.into_iter().flatten() {
            let schedule = schedule.clone();
            self.on(&mql.into(), "change", true, move |_| schedule())?;
        }
        // Size and devicePixelRatio: observe each canvas's device-pixel box.
        let cb_schedule = schedule.clone();
        let cb_inner = Rc::downgrade(&self.inner);
        let closure = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(inner) = cb_inner.upgrade() {
                if let Ok(mut s) = inner.try_borrow_mut() {
                    for entry in entries
                        .iter()
                        .filter_map(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
                    {
                        let Some(role) = entry.target().get_attribute("data-role") else {
                            continue;
                        };
                        let rect = entry.content_rect();
                        // Whole CSS pixels, as clientWidth reports them.
                        s.set_css_size(&role, (rect.width().round(), rect.height().round()));
                    }
                }
            }
            cb_schedule();
        });
        let obs = ResizeObserver::new(closure.as_ref().unchecked_ref())?;
        let opts = ResizeObserverOptions::new();
        opts.set_box(ResizeObserverBoxOptions::DevicePixelContentBox);
        {
            let s = self.inner.borrow();
            let canvases = s.dom.root.query_selector_all("canvas")?;
            for i in 0..canvases.length() {
                if let Some(c) = canvases.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    obs.observe_with_options(&c, &opts);
                }
            }
            obs.observe(&s.dom.host);
        }
        self.resize = Some((obs, closure));
        Ok(())
    }

    fn attach_timeline(&mut self, schedule: &(impl Fn() + Clone + 'static)) -> Result<(), JsValue> {
        let Some(canvas) = self.inner.borrow().dom.canvas("timeline") else {
            return Ok(());
        };
        let target: web_sys::EventTarget = canvas.clone().into();
        let weak = Rc::downgrade(&self.inner);
        // Escape closes the details card from anywhere inside it (its
        // buttons and source links), not only from the canvas.
        let card = self.inner.borrow().dom.q("[data-role=details]");
        if let Some(card) = card {
            let (weak, schedule) = (weak.clone(), schedule.clone());
            self.on(&card.into(), "keydown", false, move |ev: Event| {
                let Some(e) = ev
                    .dyn_ref::<KeyboardEvent>()
                    .filter(|e| e.key() == "Escape")
                else {
                    return;
                };
                e.prevent_default();
                if let Some(inner) = weak.upgrade() {
                    if let Ok(mut s) = inner.try_borrow_mut() {
                        s.close_details();
                    }
                }
                schedule();
            })?;
        }
        let handlers: [(&'static str, bool); 6] = [
            ("pointerdown", true),
            ("pointermove", true),
            ("pointerup", true),
            ("pointercancel", true),
            ("wheel", false),
            ("keydown", false),
        ];
        for (kind, passive) in handlers {
            let (weak, schedule, canvas) = (weak.clone(), schedule.clone(), canvas.clone());
            self.on(&target, kind, passive, move |ev: Event| {
                let Some(inner) = weak.upgrade() else { return };
                let changed = {
                    let Ok(mut s) = inner.try_borrow_mut() else {
                        return;
                    };
                    match kind {
                        "wheel" => ev.dyn_ref::<WheelEvent>().is_some_and(|e| s.on_wheel(e)),
                        "keydown" => ev.dyn_ref::<KeyboardEvent>().is_some_and(|e| s.on_key(e)),
                        _ => ev
                            .dyn_ref::<PointerEvent>()
                            .is_some_and(|e| s.on_pointer(kind, e, &canvas)),
                    }
                };
                if changed {
                    schedule();
                }
            })?;
        }
        Ok(())
    }
}

impl Inner {
    fn public_state(&self) -> Result<JsValue, JsValue> {
        let state = PublicState {
            flow: &self.inputs.flow,
            value: &self.inputs.value,
            currency: self.inputs.currency.code(),
            date: &self.inputs.date,
            quantity: &self.inputs.quantity,
            quota_used: &self.inputs.quota_used,
            compare_date: self.inputs.compare.clone(),
            lang: match self.lang {
                Lang::En => "en",
                Lang::Fr => "fr",
            },
            view: self.mode.name(),
            errors: self.errors.clone(),
        };
        state
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(err)
    }

    fn apply_patch(&mut self, p: StatePatch) {
        self.apply_fields(p.fields);
    }

    /// Applies what a page gave; the flow first, since choosing a flow
    /// resets the value and currency to the flow's own.
    fn apply_fields(&mut self, f: InputFields) {
        if let Some(flow) = f.flow {
            self.set_flow(flow);
        }
        if let Some(c) = f.currency {
            match Currency::parse(&c) {
                Some(c) => self.inputs.currency = c,
                None => web_sys::console::warn_1(
                    &format!("[trade-widget] unknown currency \"{c}\"; use CAD, USD or CNY").into(),
                ),
            }
        }
        let targets = [
            (f.value, &mut self.inputs.value),
            (f.date, &mut self.inputs.date),
            (f.quantity, &mut self.inputs.quantity),
            (f.quota_used, &mut self.inputs.quota_used),
            (f.compare, &mut self.inputs.compare),
            (f.theme, &mut self.theme_pref),
        ];
        for (given, slot) in targets {
            if let Some(v) = given {
                *slot = v;
            }
        }
    }

    fn set_flow(&mut self, flow: String) {
        if self.ds.flow(&flow).is_none() {
            web_sys::console::warn_1(&format!("[trade-widget] unknown flow \"{flow}\"").into());
            return;
        }
        if flow != self.inputs.flow {
            if let Some(f) = self.ds.flow(&flow) {
                self.inputs.currency = f.currency;
                self.inputs.value = (f.default_value_minor / 100).to_string();
            }
        }
        self.inputs.flow = flow;
    }

    /// Reads one control into the inputs; returns whether anything changed.
    fn read_control(&mut self, name: &str, el: &Element, kind: &str) -> bool {
        let value = el
            .dyn_ref::<HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| el.dyn_ref::<HtmlSelectElement>().map(|s| s.value()))
            .unwrap_or_default();
        match name {
            "flow" => {
                self.set_flow(value);
                self.write_inputs();
            }
            "value" => self.inputs.value = value,
            "currency" => {
                self.inputs.currency = Currency::parse(&value).unwrap_or(self.inputs.currency)
            }
            "date" => {
                // A date field being edited reports "" until it is complete;
                // keep the last full date then, and don't flag it yet.
                if value.is_empty() && kind == "input" {
                    return false;
                }
                self.inputs.date = value;
                self.sync_slider();
            }
            "compare" => {
                if value.is_empty() && kind == "input" {
                    return false;
                }
                self.inputs.compare = value;
            }
            "date-range" => {
                if let Ok(days) = value.parse::<i32>() {
                    self.inputs.date = Date::from_days(days).to_string();
                    if let Some(d) = self.dom.input("date") {
                        d.set_value(&self.inputs.date);
                    }
                }
            }
            "quantity" => self.inputs.quantity = value,
            "quota-used" => self.inputs.quota_used = value,
            "lane" => {
                if let (Some(i), Some(cb)) = (
                    value.parse::<usize>().ok(),
                    el.dyn_ref::<HtmlInputElement>(),
                ) {
                    if let Some(l) = self.tl.lanes.get_mut(i) {
                        *l = cb.checked();
                    }
                    self.rebuild_event_list();
                }
                return true;
            }
            _ => return false,
        }
        true
    }

    fn apply_preset(&mut self, preset: &str) {
        let ds = &self.ds;
        let date = match preset {
            // The day before the first surtax of the story (Canada's, 2024-10-01).
            "before" => Date::from_ymd(2024, 9, 30),
            // The day the most layers stacked: provisional AD on canola and the surtaxes.
            "peak" => Date::from_ymd(2025, 9, 1),
            "after" => Some(ds.deal_date.add_months_first(2)),
            "today" => today().map(|t| t.min(ds.coverage.1)),
            _ => None,
        };
        if let Some(d) = date {
            self.inputs.date = d.to_string();
            self.write_inputs();
        }
    }

    /// Puts the inputs into the controls (after a preset, setState or a flow change).
    fn write_inputs(&self) {
        if !self.mode.has_calc() {
            return;
        }
        if let Some(s) = self.dom.select("flow") {
            s.set_value(&self.inputs.flow);
        }
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
        let has_quota = self.ds.quota_for(&self.inputs.flow).is_some();
        if let Some(q) = self.dom.q("[data-role=quota-field]") {
            write_flag(&q, "hidden", !has_quota);
        }
    }

    fn sync_slider(&self) {
        if let (Some(r), Ok(d)) = (self.dom.input("date-range"), Date::parse(&self.inputs.date)) {
            r.set_value(&d.days().to_string());
            r.set_attribute("aria-valuetext", &self.fmt.date(d)).ok();
        }
    }

    /// Fills the flow list (grouped by destination) and the date bounds.
    fn populate(&mut self) -> Result<(), JsValue> {
        // Lanes the data leaves empty start unchecked and cannot be turned on.
        if let Ok(boxes) = self.dom.root.query_selector_all("input[name=lane]") {
            for i in 0..boxes.length() {
                let Some(cb) = boxes
                    .item(i)
                    .and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                else {
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
        if self.mode.has_calc() {
            if let Some(sel) = self.dom.select("flow") {
                for (dest, key) in [
                    ("CA", "group_to_ca"),
                    ("CN", "group_to_cn"),
                    ("US", "group_to_us"),
                ] {
                    let group = self.dom.doc.create_element("optgroup")?;
                    group.set_attribute("label", t(key, self.lang))?;
                    for f in self.ds.flows.iter().filter(|f| f.destination == dest) {
                        let opt = ui::element(&self.dom.doc, "option", f.name.get(self.lang))?;
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
        }
        self.rebuild_event_list();
        Ok(())
    }

    /// The timeline's events as an ordered list: the screen-reader view and the "list view".
    fn rebuild_event_list(&self) {
        let Some(list) = self.dom.q("[data-role=event-list]") else {
            return;
        };
        list.set_text_content(None);
        for (i, e) in self.ds.events.iter().enumerate() {
            if !self.tl.lanes[e.category.index()] {
                continue;
            }
            let Ok(li) = ui::element(&self.dom.doc, "li", "") else {
                continue;
            };
            let _ = li.set_attribute("data-event", &i.to_string());
            let when = self.fmt.event_dates(e);
            for (tag, text) in [
                ("time", when.as_str()),
                ("strong", e.title.get(self.lang)),
                ("span", e.description.get(self.lang)),
            ] {
                if let Ok(el) = ui::element(&self.dom.doc, tag, text) {
                    if tag == "time" {
                        let _ = el.set_attribute("datetime", &e.date.to_string());
                    }
                    let _ = li.append_child(&el);
                    let _ = li.append_child(&self.dom.doc.create_text_node(" "));
                }
            }
            for s in &e.sources {
                if let Ok(a) = ui::source_link(&self.dom.doc, s) {
                    let _ = li.append_child(&a);
                    let _ = li.append_child(&self.dom.doc.create_text_node(" "));
                }
            }
            let _ = list.append_child(&li);
        }
    }

    /// The URL fragment without `#`, and this widget's key in it.
    fn fragment(&self) -> Option<(String, String)> {
        let hash = web_sys::window()?.location().hash().ok()?;
        Some((
            hash.trim_start_matches('#').to_string(),
            share::key(&self.dom.host.id()),
        ))
    }

    fn restore_from_hash(&mut self) {
        let Some((fragment, key)) = self.fragment() else {
            return;
        };
        let Some(encoded) = share::pair(&fragment, &key) else {
            return;
        };
        let decoded = js_sys::decode_uri_component(encoded)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        if let Some([flow, value, currency, date, quantity, quota_used]) = share::decode(&decoded) {
            self.apply_fields(InputFields {
                flow: Some(flow),
                value: Some(value),
                currency: Some(currency),
                date: Some(date),
                quantity: Some(quantity),
                quota_used: Some(quota_used),
                ..InputFields::default()
            });
        }
    }

    /// Writes the state into the fragment after a change by the reader or
    /// the page (never on the first draw, so merely opening the page leaves
    /// its URL alone).
    fn write_hash(&self) {
        if !self.share_state || !self.errors.is_empty() || !self.notify {
            return;
        }
        let Some((fragment, key)) = self.fragment() else {
            return;
        };
        let i = &self.inputs;
        let state = share::encode([
            i.flow.as_str(),
            &i.value,
            i.currency.code(),
            &i.date,
            &i.quantity,
            &i.quota_used,
        ]);
        let encoded = String::from(js_sys::encode_uri_component(&state));
        let next = share::with_pair(&fragment, &key, &encoded);
        if next != fragment {
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{next}")));
            }
        }
    }

    /// Reads every input; fills `errors`; returns the shipment and the
    /// comparison date if all read.
    fn validate(&mut self) -> Option<(Shipment, Date)> {
        let mut errors = Vec::new();
        let lang = self.lang;
        if self.ds.flow(&self.inputs.flow).is_none() {
            errors.push(("flow", t("flow_error", lang)));
        }
        let value = parse_amount(&self.inputs.value, lang)
            .map_err(|e| errors.push(("value", e.message(lang))))
            .ok();
        let date = Date::parse(&self.inputs.date)
            .map_err(|_| errors.push(("date", t("date_error", lang))))
            .ok();
        let compare = Date::parse(&self.inputs.compare)
            .map_err(|_| errors.push(("compare", t("date_error", lang))))
            .ok();
        let quantity = self
            .inputs
            .quantity
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|q| (1..=10_000_000).contains(q));
        if quantity.is_none() {
            errors.push(("quantity", t("qty_error", lang)));
        }
        let used = self
            .inputs
            .quota_used
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|u| *u <= 100_000_000);
        if used.is_none() && self.ds.quota_for(&self.inputs.flow).is_some() {
            errors.push(("quota-used", t("used_error", lang)));
        }
        self.errors = errors;
        let shipment = Shipment {
            flow: self.inputs.flow.clone(),
            value_minor: value?,
            currency: self.inputs.currency,
            date: date?,
            quantity: quantity?,
            quota_used: used.unwrap_or(0),
        };
        Some((shipment, compare?)).filter(|_| self.errors.is_empty())
    }

    fn scheme(&self) -> Scheme {
        let [dark, forced] = &self.dom.schemes;
        let matches = |q: &Option<MediaQueryList>| q.as_ref().is_some_and(|m| m.matches());
        if matches(forced) {
            return Scheme::Forced;
        }
        match self.theme_pref.as_str() {
            "dark" => Scheme::Dark,
            "light" => Scheme::Light,
            _ if matches(dark) => Scheme::Dark,
            _ => Scheme::Light,
        }
    }

    /// Recomputes and redraws everything: one frame, both charts and the timeline.
    /// Listens for the ratio to change from `dpr` (replacing the listener
    /// for the previous ratio).
    fn watch_dpr(&mut self, dpr: f64) {
        if self
            .dpr_watch
            .as_ref()
            .is_some_and(|(watched, _)| *watched == dpr)
        {
            return;
        }
        let Some(schedule) = self.schedule.clone() else {
            return;
        };
        let mql = web_sys::window().and_then(|w| {
            w.match_media(&format!("(resolution: {}dppx)", css_number(dpr, 4)))
                .ok()
                .flatten()
        });
        self.dpr_watch = mql
            .and_then(|m| Listener::new(&m.into(), "change", true, move |_| schedule()).ok())
            .map(|l| (dpr, l));
    }

    fn draw_all(&mut self) {
        let scheme = self.scheme();
        write_attr(
            &self.dom.host,
            "data-scheme",
            match scheme {
                Scheme::Light => "light",
                Scheme::Dark => "dark",
                Scheme::Forced => "forced",
            },
        );
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        self.watch_dpr(dpr);
        let theme = Theme::new(scheme, dpr);
        // Every draw reads the inputs afresh (cheap), so no handler has to
        // remember to, and setState reports what this draw found.
        let checked = self.validate();
        if self.mode.has_calc() {
            self.draw_calculator(&theme, checked);
        }
        if self.mode.has_timeline() {
            self.draw_timeline(&theme);
        }
        self.draws = self.draws.wrapping_add(1);
        write_attr(&self.dom.host, "data-status", "ready");
    }

    fn draw_calculator(&mut self, theme: &Theme, shipment: Option<(Shipment, Date)>) {
        if let Some((s, compare_date)) = shipment {
            // Every input was checked above, so the engine has nothing left
            // to refuse; if it ever does, the last good result stays.
            if let Ok(c) = engine::compare(&self.ds, &s, compare_date) {
                self.last_good = Some(c);
            }
            self.write_hash();
        }
        let Some(cmp) = self.last_good.clone() else {
            self.write_field_errors();
            return;
        };
        let lang = self.lang;
        let labels = [
            self.fmt.date(cmp.reference.date),
            self.fmt.date(cmp.selected.date),
        ];
        if let Some(c) = self.dom.canvas("duty-chart") {
            let css = self.css_size(&c);
            let fmt = &self.fmt;
            with_canvas(&c, css, theme, |area| {
                calc_draw::draw_duty_bars(area, &cmp, [&labels[0], &labels[1]], theme, lang, fmt)
                    .is_ok()
            });
        }
        if let Some(c) = self.dom.canvas("rate-chart") {
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
            let steps = engine::rate_steps(&self.ds, &template, from, to);
            // Typing a value seldom changes the rate over time: the same
            // picture is not drawn again.
            let key = RateChartKey {
                steps,
                date: s.date,
                css,
                theme: *theme,
            };
            if self.rendered.rate_chart.as_ref() != Some(&key) {
                let days: Vec<Date> = self.ds.events.iter().map(|e| e.date).collect();
                let fmt = &self.fmt;
                with_canvas(&c, css, theme, |area| {
                    calc_draw::draw_rate_steps(
                        area,
                        &key.steps,
                        (from, to),
                        key.date,
                        &days,
                        theme,
                        fmt,
                    )
                    .is_ok()
                });
                self.rendered.rate_chart = Some(key);
            }
        }
        // The text after the canvases: the first `ctx.font` of a draw makes the
        // browser bring styles up to date, and DOM written before it would be
        // styled twice per input (once here, once for the frame).
        self.write_field_errors();
        self.write_result(&cmp);
    }

    /// Each field's message (or none) under it, and its aria-invalid.
    fn write_field_errors(&self) {
        for f in &self.dom.fields {
            let msg = self
                .errors
                .iter()
                .find(|(name, _)| *name == f.name)
                .map(|(_, m)| *m);
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
        let sentence = summary::sentence(
            &self.ds,
            cmp,
            (cmp.reference.date == before_deal(&self.ds)).then(|| summary::before_deal_label(lang)),
            lang,
            &self.fmt,
        );
        self.dom.set_text("[data-role=summary]", &sentence);
        self.dom.set_text(
            "[data-role=total]",
            &self.fmt.money(q.total_duty_minor, q.currency),
        );
        self.dom
            .set_text("[data-role=effective]", &self.fmt.percent(q.effective));
        self.dom.set_text(
            "[data-role=landed]",
            &self.fmt.money(q.landed_minor, q.currency),
        );
        self.write_breakdown(q);
        // Notes: coverage, quota, conversion, what is not included, data date.
        let mut notes: Vec<String> = Vec::new();
        if let Some(c) = q.outside_coverage {
            notes.push(fill(
                t("outside", lang),
                &[
                    ("start", &self.fmt.date(c.start)),
                    ("end", &self.fmt.date(c.end)),
                ],
            ));
        }
        if let Some(sp) = &q.quota {
            notes.push(fill(
                t("quota_year", lang),
                &[
                    ("from", &self.fmt.date(sp.year_start)),
                    ("to", &self.fmt.date(sp.year_end)),
                    ("volume", &self.fmt.integer(sp.volume)),
                    ("remaining", &self.fmt.integer(sp.remaining)),
                ],
            ));
            if sp.over_units > 0 {
                let note = self
                    .ds
                    .quota_for(&q.flow)
                    .and_then(|qu| qu.over_quota_note.as_ref())
                    .map(|n| n.get(lang).to_string());
                notes.push(note.unwrap_or_else(|| t("over_quota_assumption", lang).to_string()));
            }
            self.dom.set_text(
                "[data-role=quota-info]",
                notes.last().map_or("", String::as_str),
            );
        }
        if let Some(c) = &q.conversion {
            // Units of `to` per unit of `from`, to four decimals, rounded half up.
            let to = i128::from(c.to_cad_micros.max(1));
            let per_unit = (i128::from(c.from_cad_micros) * 10_000 + to / 2) / to;
            let rate = format!(
                "1 {} = {} {}",
                c.from.code(),
                self.fmt
                    .decimal(i64::try_from(per_unit).unwrap_or(i64::MAX), 4),
                c.to.code()
            );
            notes.push(fill(t("converted", lang), &[("rate", &rate)]));
        }
        if let Some(n) = self.ds.flow(&q.flow).and_then(|f| f.note.as_ref()) {
            notes.push(n.get(lang).to_string());
        }
        notes.push(t("taxes", lang).to_string());
        notes.push(fill(
            t("as_of", lang),
            &[("date", &self.fmt.date(self.ds.as_of))],
        ));
        let key = notes.join("\n");
        if key != self.rendered.notes {
            if let Some(ul) = self.dom.q("[data-role=notes]") {
                ul.set_text_content(None);
                for n in &notes {
                    if let Ok(li) = ui::element(&self.dom.doc, "li", n) {
                        let _ = ul.append_child(&li);
                    }
                }
            }
            self.rendered.notes = key;
        }
    }

    /// The breakdown table. Typing a value changes only the figures, so when
    /// the rows are the same layers as last time only those cells are edited.
    fn write_breakdown(&mut self, q: &Quote) {
        let lang = self.lang;
        let Some(tbody) = self.dom.q("table[data-role=breakdown] tbody") else {
            return;
        };
        struct Row<'a> {
            head: String,
            figures: [String; 3],
            layer: &'a Layer,
        }
        let rows: Vec<Row> = q
            .layers
            .iter()
            .map(|l| {
                let mut name = l.name.get(lang).to_string();
                if let Some(label) = summary::confidence_label(l.confidence, lang) {
                    name.push_str(&format!(" ({label})"));
                }
                let status = summary::status_label(&l.status, lang);
                let kind = l.kind.label(lang);
                let head = if status.is_empty() {
                    format!("{name} · {kind}")
                } else {
                    format!("{name} · {kind} · {status}")
                };
                let rate = l
                    .rate
                    .map_or_else(|| "—".to_string(), |r| self.fmt.percent(r));
                let base = if l.status == LayerStatus::Ban {
                    "—".to_string()
                } else {
                    self.fmt.money(l.base_minor, q.currency)
                };
                let amount = self.fmt.money(l.amount_minor, q.currency);
                Row {
                    head,
                    figures: [rate, base, amount],
                    layer: l,
                }
            })
            .collect();
        // What the figures leave out: a change in it rebuilds the rows.
        let mut key = String::new();
        for r in &rows {
            key.push_str(&r.head);
            key.push(if r.layer.amount_minor == 0 { '0' } else { '1' });
            key.push_str(r.layer.instrument.get(lang));
            for src in &r.layer.sources {
                key.push_str(src);
            }
            key.push('\n');
        }
        if key == self.rendered.table && !rows.is_empty() {
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
        let doc = &self.dom.doc;
        tbody.set_text_content(None);
        // data-label: on a phone each row becomes a card whose cells name their column.
        let labels = [
            t("col_rate", lang),
            t("col_base", lang),
            t("col_amount", lang),
        ];
        for r in &rows {
            let Ok(tr) = doc.create_element("tr") else {
                continue;
            };
            if let Ok(th) = ui::element(doc, "th", &r.head) {
                let _ = th.set_attribute("scope", "row");
                let _ = tr.append_child(&th);
            }
            for (text, label) in r.figures.iter().zip(labels) {
                if let Ok(td) = ui::element(doc, "td", text) {
                    let _ = td.set_attribute("data-label", label);
                    let _ = tr.append_child(&td);
                }
            }
            if let Ok(td) = ui::element(doc, "td", r.layer.instrument.get(lang)) {
                let _ = td.set_attribute("data-label", t("col_instrument", lang));
                for s in &r.layer.sources {
                    if let Ok(a) = ui::source_link(doc, s) {
                        let _ = td.append_child(&doc.create_text_node(" "));
                        let _ = td.append_child(&a);
                    }
                }
                let _ = tr.append_child(&td);
            }
            if r.layer.amount_minor == 0 {
                let _ = tr.set_attribute("class", "off");
            }
            let _ = tbody.append_child(&tr);
        }
        if rows.is_empty() {
            if let Ok(tr) = doc.create_element("tr") {
                if let Ok(td) = ui::element(doc, "td", t("no_layers", lang)) {
                    let _ = td.set_attribute("colspan", "5");
                    let _ = tr.append_child(&td);
                }
                let _ = tbody.append_child(&tr);
            }
        }
        self.rendered.table = key;
    }

    fn selected_date(&self) -> Option<Date> {
        Date::parse(&self.inputs.date).ok()
    }

    fn set_css_size(&mut self, role: &str, size: (f64, f64)) {
        match self.css_sizes.iter_mut().find(|(r, _)| r == role) {
            Some((_, s)) => *s = size,
            None => self.css_sizes.push((role.to_string(), size)),
        }
    }

    /// The canvas's CSS size as the resize observer last reported it, or,
    /// until it has reported (the first draws), as the canvas measures now.
    fn css_size(&self, canvas: &HtmlCanvasElement) -> (f64, f64) {
        let role = canvas.get_attribute("data-role").unwrap_or_default();
        match self.css_sizes.iter().find(|(r, _)| *r == role) {
            Some((_, size)) => *size,
            None => (
                f64::from(canvas.client_width()),
                f64::from(canvas.client_height()),
            ),
        }
    }

    fn draw_timeline(&mut self, theme: &Theme) {
        let Some(canvas) = self.dom.canvas("timeline") else {
            return;
        };
        let css = self.css_size(&canvas);
        let css_w = css.0;
        self.tl.orientation = if css_w > 0.0 && css_w < 480.0 {
            Orientation::Vertical
        } else {
            Orientation::Horizontal
        };
        write_attr(
            &canvas,
            "data-orientation",
            if self.tl.orientation == Orientation::Vertical {
                "vertical"
            } else {
                "horizontal"
            },
        );
        let Some((w, h)) = size_canvas(&canvas, css, theme.dpr) else {
            return;
        };
        let Some(backend) = MeasuredCanvas::new(canvas.clone()) else {
            return;
        };
        let metrics = tl::Metrics {
            font_px: theme.font_px(13.0),
            lane_px: f64::from(theme.px(if self.tl.orientation == Orientation::Vertical {
                18.0
            } else {
                48.0
            })),
            marker_px: f64::from(theme.px(6.0)),
            pad_px: f64::from(theme.px(8.0)),
            axis_px: f64::from(theme.px(28.0)),
        };
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
        let list_view = self.tl.list_view;
        if let Some(list) = self.dom.q("[data-role=event-list]") {
            write_attr(
                &list,
                "class",
                if list_view {
                    "event-list"
                } else {
                    "event-list visually-hidden"
                },
            );
        }
    }

    fn open_details(&mut self, idx: usize) {
        let Some(e) = self.ds.events.get(idx) else {
            return;
        };
        let lang = self.lang;
        let when = self.fmt.event_dates(e);
        self.dom.set_text("[data-role=details-date]", &when);
        self.dom
            .set_text("[data-role=details-title]", e.title.get(lang));
        self.dom
            .set_text("[data-role=details-text]", e.description.get(lang));
        if let Some(src) = self.dom.q("[data-role=details-sources]") {
            src.set_text_content(None);
            for s in &e.sources {
                if let Ok(a) = ui::source_link(&self.dom.doc, s) {
                    let _ = src.append_child(&a);
                    let _ = src.append_child(&self.dom.doc.create_text_node(" "));
                }
            }
        }
        if let Some(card) = self.dom.q("[data-role=details]") {
            let _ = card.remove_attribute("hidden");
        }
        self.tl.open = Some(idx);
        self.tl.focused = Some(idx);
    }

    fn close_details(&mut self) {
        if let Some(card) = self.dom.q("[data-role=details]") {
            let _ = card.set_attribute("hidden", "");
        }
        self.tl.open = None;
        if let Some(c) = self.dom.canvas("timeline") {
            let _ = c.focus();
        }
    }

    /// Sets the calculator's date from the timeline (event chosen or marker dragged).
    fn set_date_from_timeline(&mut self, date: Date) {
        self.inputs.date = date.to_string();
        self.write_inputs();
        self.notify = true;
    }

    fn timeline_action(&mut self, action: &str) {
        let mid = (self.tl.view.start + self.tl.view.end) / 2.0;
        match action {
            "zoom-in" => self.tl.view.zoom(2.0, mid),
            "zoom-out" => self.tl.view.zoom(0.5, mid),
            "fit" => self.tl.view = View::fit(&self.ds.events, 0.03),
            "list" => {
                self.tl.list_view = !self.tl.list_view;
                if let Some(b) = self.dom.q("[data-action=list]") {
                    let _ = b.set_attribute(
                        "aria-pressed",
                        if self.tl.list_view { "true" } else { "false" },
                    );
                }
            }
            "close" => self.close_details(),
            "use-date" => {
                if let Some(e) = self.tl.open.and_then(|i| self.ds.events.get(i)) {
                    let d = e.date;
                    self.set_date_from_timeline(d);
                }
            }
            _ => {}
        }
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

    fn on_key(&mut self, e: &KeyboardEvent) -> bool {
        let events = &self.ds.events;
        let key = e.key();
        let mid = (self.tl.view.start + self.tl.view.end) / 2.0;
        let handled = match key.as_str() {
            "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" => {
                let forward = matches!(key.as_str(), "ArrowRight" | "ArrowDown");
                if let Some(i) = tl::next_event(events, &self.tl.lanes, self.tl.focused, forward) {
                    self.focus_event(i);
                }
                true
            }
            "Home" | "End" => {
                let pick = if key == "Home" {
                    tl::next_event(events, &self.tl.lanes, None, true)
                } else {
                    tl::next_event(events, &self.tl.lanes, None, false)
                };
                if let Some(i) = pick {
                    self.focus_event(i);
                }
                true
            }
            "Enter" | " " => {
                if let Some(i) = self.tl.focused {
                    self.open_details(i);
                    if let Some(d) = self.ds.events.get(i).map(|ev| ev.date) {
                        self.set_date_from_timeline(d);
                    }
                }
                true
            }
            "Escape" => {
                self.close_details();
                true
            }
            "+" | "=" => {
                self.tl.view.zoom(2.0, mid);
                true
            }
            "-" | "_" | "−" => {
                self.tl.view.zoom(0.5, mid);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
        handled
    }

    fn on_wheel(&mut self, e: &WheelEvent) -> bool {
        e.prevent_default();
        let dpr = device_pixel_ratio();
        let anchor = self.day_at_pixel(
            f64::from(e.offset_x()) * dpr,
            f64::from(e.offset_y()) * dpr,
            &self.tl.view,
        );
        let factor = if e.delta_y() < 0.0 { 1.25 } else { 0.8 };
        self.tl.view.zoom(factor, anchor);
        true
    }

    /// The position along the time axis (x, or y when vertical) of a canvas point.
    fn along(&self, x: f64, y: f64) -> f64 {
        if self.tl.orientation == Orientation::Vertical {
            y
        } else {
            x
        }
    }

    /// The day under a canvas point (device pixels) in `view`, using the
    /// axis of the last drawn layout.
    fn day_at_pixel(&self, x: f64, y: f64, view: &View) -> f64 {
        let (origin, len) = self.tl.axis;
        view.day_at(self.along(x, y) - origin, len)
    }

    fn on_pointer(&mut self, kind: &str, e: &PointerEvent, canvas: &HtmlCanvasElement) -> bool {
        let dpr = device_pixel_ratio();
        let (x, y) = (f64::from(e.offset_x()) * dpr, f64::from(e.offset_y()) * dpr);
        let id = e.pointer_id();
        let view = (self.tl.view.start, self.tl.view.end);
        match (kind, self.tl.drag) {
            (
                "pointerdown",
                Some(Drag::Pan {
                    pointer,
                    start_x,
                    start_y,
                    ..
                }),
            ) if pointer != id => {
                // A second finger: pinch around the midpoint of the two.
                let _ = canvas.set_pointer_capture(id);
                let start_dist = ((x - start_x).powi(2) + (y - start_y).powi(2))
                    .sqrt()
                    .max(1.0);
                self.tl.drag = Some(Drag::Pinch {
                    a: (pointer, start_x, start_y),
                    b: (id, x, y),
                    start_dist,
                    start_view: view,
                });
                false
            }
            ("pointerdown", _) => {
                let _ = canvas.set_pointer_capture(id);
                let (origin, len) = self.tl.axis;
                let on_marker = self.selected_date().is_some_and(|d| {
                    let p = origin + self.tl.view.pos_of(f64::from(d.days()), len);
                    (p - self.along(x, y)).abs() < 8.0 * dpr
                });
                self.tl.drag = Some(if on_marker {
                    Drag::Marker { pointer: id }
                } else {
                    Drag::Pan {
                        pointer: id,
                        start_x: x,
                        start_y: y,
                        start_view: view,
                        moved: false,
                    }
                });
                false
            }
            (
                "pointermove",
                Some(Drag::Pan {
                    pointer,
                    start_x,
                    start_y,
                    start_view,
                    moved,
                }),
            ) if pointer == id => {
                let moved = moved || ((x - start_x).abs() + (y - start_y).abs()) > 6.0 * dpr;
                if moved {
                    let days_per_px = (start_view.1 - start_view.0) / self.tl.axis.1.max(1.0);
                    self.tl.view = View::new(start_view.0, start_view.1);
                    self.tl
                        .view
                        .pan(-(self.along(x, y) - self.along(start_x, start_y)) * days_per_px);
                    self.tl.drag = Some(Drag::Pan {
                        pointer,
                        start_x,
                        start_y,
                        start_view,
                        moved,
                    });
                }
                moved
            }
            ("pointermove", Some(Drag::Marker { pointer })) if pointer == id => {
                let day = self.day_at_pixel(x, y, &self.tl.view).round() as i32;
                let (lo, hi) = self.ds.coverage;
                self.set_date_from_timeline(Date::from_days(day.clamp(lo.days(), hi.days())));
                true
            }
            (
                "pointermove",
                Some(Drag::Pinch {
                    mut a,
                    mut b,
                    start_dist,
                    start_view,
                }),
            ) if id == a.0 || id == b.0 => {
                if id == a.0 {
                    a = (id, x, y);
                } else {
                    b = (id, x, y);
                }
                let dist = ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt().max(1.0);
                let start = View::new(start_view.0, start_view.1);
                let anchor = self.day_at_pixel((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0, &start);
                self.tl.view = start;
                self.tl.view.zoom(dist / start_dist, anchor);
                self.tl.drag = Some(Drag::Pinch {
                    a,
                    b,
                    start_dist,
                    start_view,
                });
                true
            }
            ("pointermove", _) => false,
            (_, was) => {
                // pointerup / pointercancel: a tap that did not move opens the event under it.
                self.tl.drag = None;
                if let (Some(Drag::Pan { moved: false, .. }), "pointerup") = (was, kind) {
                    let hit = self
                        .tl
                        .layout
                        .as_ref()
                        .and_then(|l| tl::hit_test(l, x, y, 10.0 * dpr));
                    if let Some(i) = hit {
                        self.open_details(i);
                        if let Some(d) = self.ds.events.get(i).map(|ev| ev.date) {
                            self.set_date_from_timeline(d);
                        }
                        return true;
                    }
                }
                matches!(was, Some(Drag::Marker { .. }) | Some(Drag::Pinch { .. }))
            }
        }
    }
}

fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio())
}

/// Sizes the canvas backing store to its CSS size × devicePixelRatio
/// (plotters-canvas draws in backing-store pixels and never does this).
/// Returns the device-pixel size, or `None` while the canvas is not laid out.
fn size_canvas(canvas: &HtmlCanvasElement, (cw, ch): (f64, f64), dpr: f64) -> Option<(u32, u32)> {
    if cw < 1.0 || ch < 1.0 {
        return None;
    }
    let w = (cw * dpr).round().max(1.0) as u32;
    let h = (ch * dpr).round().max(1.0) as u32;
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    Some((w, h))
}

/// Sizes `canvas`, wraps it in the measuring backend and hands `draw` the area.
fn with_canvas(
    canvas: &HtmlCanvasElement,
    css: (f64, f64),
    theme: &Theme,
    draw: impl FnOnce(&DrawingArea<MeasuredCanvas, plotters::coord::Shift>) -> bool,
) {
    if size_canvas(canvas, css, theme.dpr).is_none() {
        return;
    }
    if let Some(backend) = MeasuredCanvas::new(canvas.clone()) {
        let area = backend.into_drawing_area();
        if draw(&area) {
            let _ = area.present();
        }
    }
}
