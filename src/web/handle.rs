//! The handle a `<trade-widget>` element holds: the one type the loader
//! sees (eframe's `WebHandle` shape: construct, call, destroy, free).
//!
//! It owns the widget's state and its runner (listeners, observers,
//! frames). `destroy()` also empties the shadow root; dropping the handle
//! (`free()` from JS) releases every browser resource either way.

use super::boundary::{err, to_js, Options, StatePatch};
use super::dom::Dom;
use super::events;
use super::intl::{today, IntlFormats};
use super::listen::Listener;
use super::markup;
use super::runner::{render, FrameLoop, ResizeWatch, Timeout};
use super::state::{Rendered, State, TimelineState, ViewMode};
use crate::core::form::{default_date, Inputs};
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::Dataset;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

thread_local! {
    /// The built-in dataset, parsed once for every widget on the page.
    static BUILTIN: RefCell<Option<Rc<Dataset>>> = const { RefCell::new(None) };
}

fn builtin() -> Result<Rc<Dataset>, String> {
    BUILTIN.with(|b| {
        if let Some(ds) = b.borrow().as_ref() {
            return Ok(ds.clone());
        }
        let ds = crate::core::builtin::dataset()
            .ok_or("the built-in data could not be read: this copy of the module is damaged")?;
        let ds = Rc::new(ds);
        *b.borrow_mut() = Some(ds.clone());
        Ok(ds)
    })
}

/// The page's own data, if it gave any: as bytes the reader module checked
/// and packed (what the loader passes), or, in a module that has the reader
/// (the default build: tests), as the JSON itself.
fn page_data(opts: &Options) -> Result<Option<Dataset>, String> {
    if let Some(bytes) = &opts.data_bytes {
        return crate::core::pack::unpack(bytes)
            .map(Some)
            .ok_or_else(|| "the page's data came from another version of trade-widget's reader module; load both from one folder".into());
    }
    match &opts.data {
        Some(json) if !json.trim().is_empty() => read_json(json).map(Some),
        _ => Ok(None),
    }
}

#[cfg(feature = "reader")]
fn read_json(json: &str) -> Result<Dataset, String> {
    crate::core::load::load_with_overlay(crate::core::builtin::BUILTIN_JSON, json)
        .map_err(|e| e.to_string())
}

#[cfg(not(feature = "reader"))]
fn read_json(_: &str) -> Result<Dataset, String> {
    Err("this module reads a page's own data through the reader module, which trade-widget.js loads; pass it as dataBytes".into())
}

/// The browser resources a running widget holds, released when dropped.
struct Runner {
    _listeners: Vec<Listener>,
    _resize: ResizeWatch,
    _frames: Rc<FrameLoop>,
}

/// A widget handle, one per `<trade-widget>` element.
#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    runner: Option<Runner>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts a widget into `root` (the element's shadow root) and draws
    /// its first frame.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, root: ShadowRoot, options: JsValue) -> Result<Widget, JsValue> {
        let opts = Options::read(&options);
        let ds = match page_data(&opts).map_err(err)? {
            Some(own) => Rc::new(own),
            None => builtin().map_err(err)?,
        };
        let lang = Lang::from_tag(opts.lang.as_deref().unwrap_or("en"));
        let mode = ViewMode::parse(opts.view.as_deref()).map_err(err)?;
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| err("no document"))?;
        let inputs = Inputs::defaults(&ds, default_date(&ds, today()))
            .ok_or_else(|| err("the data has no trade flow"))?;
        let years = (ds.coverage.0.year(), ds.coverage.1.year());
        let mut views = String::new();
        if mode.has_calc() {
            views.push_str(&markup::calculator(lang, years));
        }
        if mode.has_timeline() {
            views.push_str(&markup::timeline(lang, years));
        }
        root.set_inner_html(&markup::widget(&views));
        let mut state = State {
            fmt: IntlFormats::new(lang),
            lang,
            mode,
            theme_pref: "auto".into(),
            share_state: opts.share_state,
            inputs,
            errors: Vec::new(),
            last_good: None,
            levied: None,
            rendered: Rendered::default(),
            tl: TimelineState::new(&ds),
            dom: Dom::new(doc, host, root),
            destroyed: false,
            notify: false,
            dispatching: false,
            draws: 0,
            css_sizes: Vec::new(),
            schedule: None,
            dpr_watch: None,
            hint_timer: None,
            list_timer: None,
            takeaway: Default::default(),
            ds,
        };
        // Defaults first; the element's attributes, then a link, on top.
        state.apply(opts.fields, opts.theme);
        state.takeaway.key = State::fragment_key(&state.dom.host, &state.dom.doc);
        if mode.has_calc() {
            state.populate_calculator()?;
        }
        state.populate_timeline();
        state.restore_from_link();
        state.fold_for_width();
        state.write_inputs();
        let state = Rc::new(RefCell::new(state));
        let frames = FrameLoop::new(&state);
        let schedule = frames.scheduler();
        if let Ok(mut s) = state.try_borrow_mut() {
            s.schedule = Some(schedule.clone());
        }
        let runner = Runner {
            _listeners: events::wire(&state, &schedule)?,
            _resize: ResizeWatch::start(&state, schedule)?,
            _frames: frames,
        };
        // The first frame is drawn synchronously so the host can reserve
        // nothing more than its placeholder height; the event list, which it
        // does not show, a task later.
        render(&state);
        let weak = Rc::downgrade(&state);
        let list = Timeout::start(0, move || {
            if let Some(s) = weak.upgrade() {
                if let Ok(s) = s.try_borrow() {
                    s.rebuild_event_list();
                }
            }
        });
        if let Ok(mut s) = state.try_borrow_mut() {
            s.list_timer = list;
        }
        Ok(Widget {
            state,
            runner: Some(runner),
        })
    }

    /// `element.setState({...})`: applies what reads and returns the
    /// problems of what does not, as `[[field, message], ...]`.
    #[wasm_bindgen(js_name = setState)]
    pub fn set_state(&self, patch: JsValue) -> Result<JsValue, JsValue> {
        let patch = StatePatch::read(&patch)?;
        {
            let mut s = self
                .state
                .try_borrow_mut()
                .map_err(|_| err("setState: the widget is busy drawing; call it again"))?;
            s.apply(patch.fields, patch.theme);
            s.write_inputs();
            s.notify = true;
        }
        render(&self.state);
        self.borrow()?.error_list()
    }

    /// `element.getState()`.
    #[wasm_bindgen(js_name = getState)]
    pub fn get_state(&self) -> Result<JsValue, JsValue> {
        self.borrow()?.public_state()
    }

    /// `element.quote()`: the engine's comparison for the current inputs
    /// (camelCase keys), or null before any input has read.
    pub fn quote(&self) -> Result<JsValue, JsValue> {
        match &self.borrow()?.last_good {
            Some(c) => to_js(c),
            None => Ok(JsValue::NULL),
        }
    }

    /// Redraws now (the loader calls it when fonts or the theme change).
    pub fn redraw(&self) {
        render(&self.state);
    }

    /// How many frames have been drawn (tests wait on it).
    #[wasm_bindgen(getter)]
    pub fn draws(&self) -> u32 {
        self.state.try_borrow().map_or(0, |s| s.draws)
    }

    /// Removes every listener and observer and empties the shadow root.
    pub fn destroy(&mut self) {
        self.stop();
        if let Ok(s) = self.state.try_borrow() {
            s.dom.root.set_inner_html("");
            let _ = s.dom.host.remove_attribute("data-status");
        }
    }
}

impl Widget {
    fn borrow(&self) -> Result<std::cell::Ref<'_, State>, JsValue> {
        self.state
            .try_borrow()
            .map_err(|_| err("the widget is busy drawing; call it again"))
    }

    /// Releases the listeners, the observer, the frame loop and the ratio
    /// watch; nothing draws after it.
    fn stop(&mut self) {
        if let Ok(mut s) = self.state.try_borrow_mut() {
            s.destroyed = true;
            s.dpr_watch = None;
            s.hint_timer = None;
            s.list_timer = None;
            s.schedule = None;
        }
        self.runner = None;
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.stop();
    }
}

impl State {
    /// Applies calculator fields and a theme from the page; what it could
    /// not take is said in the widget's notice line and the console.
    fn apply(&mut self, fields: crate::core::form::InputFields, theme: Option<String>) {
        for rejected in self.inputs.apply(&self.ds, fields) {
            self.notice(&rejected.message(self.lang));
        }
        if let Some(t) = theme {
            match t.trim() {
                name @ ("light" | "dark" | "auto") => self.theme_pref = name.to_string(),
                other => {
                    let msg = fill(Msg::UnknownTheme.text(self.lang), &[("value", other)]);
                    self.notice(&msg);
                }
            }
        }
    }
}
