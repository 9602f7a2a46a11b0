//! One widget's state: the data, the reader's inputs, what is on screen and
//! the timeline's view, and the frame that draws it all.
//!
//! The handle ([`super::handle::Widget`]) owns a `Rc<RefCell<State>>`; event
//! closures and the frame loop hold only weak references, so dropping the
//! handle frees everything. The calculator's and the timeline's halves of
//! the state are drawn by [`super::calculator`] and [`super::timeline`].

use super::boundary::{err, error_pairs, to_js, PublicState};
use super::dom::{write_attr, write_flag, write_text, Dom};
use super::intl::IntlFormats;
use super::listen::Listener;
use super::runner::{Scheduler, Timeout};
use crate::core::date::Date;
use crate::core::engine::Comparison;
use crate::core::form::{FieldError, Inputs};
use crate::core::format::css_number;
use crate::core::gesture::Gestures;
use crate::core::i18n::{Lang, Msg};
use crate::core::model::Dataset;
use crate::core::money::Rate;
use crate::core::reader::Levied;
use crate::core::timeline::{self as tl, Orientation, View};
use crate::draw::{Scheme, Theme};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{HtmlCanvasElement, MediaQueryList};

/// How long a gesture hint stays, in milliseconds.
const HINT_MS: i32 = 1800;

/// The views this module was built with (`TradeWidget`'s loader reads it too).
pub const BUILT_VIEWS: &str = match (cfg!(feature = "calculator"), cfg!(feature = "timeline")) {
    (true, true) => "both",
    (true, false) => "calculator",
    (false, true) => "timeline",
    (false, false) => "none",
};

/// Which views an element shows (its `view` attribute).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    Calculator,
    Timeline,
    Both,
}

impl ViewMode {
    /// `calculator` (also the default for anything unknown), `timeline`, `both`;
    /// an error naming the module to load when this module lacks the view.
    pub fn parse(name: Option<&str>) -> Result<ViewMode, String> {
        let mode = match name.map(str::trim) {
            Some("timeline") => ViewMode::Timeline,
            Some("both") => ViewMode::Both,
            _ => ViewMode::Calculator,
        };
        if mode.has_calc() != mode.wants_calc() || mode.has_timeline() != mode.wants_timeline() {
            return Err(format!(
                "this module ({}) does not have the {} view; the loader picks the module for each view",
                BUILT_VIEWS,
                mode.name()
            ));
        }
        Ok(mode)
    }
    fn wants_calc(self) -> bool {
        self != ViewMode::Timeline
    }
    fn wants_timeline(self) -> bool {
        self != ViewMode::Calculator
    }
    /// Whether the calculator is shown. A constant `false` in a module built without
    /// the `calculator` feature, so the compiler drops everything behind it.
    pub fn has_calc(self) -> bool {
        cfg!(feature = "calculator") && self.wants_calc()
    }
    /// Whether the timeline is shown; a constant `false` without the `timeline` feature.
    pub fn has_timeline(self) -> bool {
        cfg!(feature = "timeline") && self.wants_timeline()
    }
    pub fn name(self) -> &'static str {
        match self {
            ViewMode::Calculator => "calculator",
            ViewMode::Timeline => "timeline",
            ViewMode::Both => "both",
        }
    }
}

/// The timeline's half of the state.
pub struct TimelineState {
    pub view: View,
    /// Which category lanes are shown.
    pub lanes: [bool; 5],
    /// The event the keyboard is on.
    pub focused: Option<usize>,
    /// The event whose card is open.
    pub open: Option<usize>,
    pub gestures: Gestures,
    pub list_view: bool,
    /// The layout of the last draw (hit-testing reads it).
    pub layout: Option<tl::Layout>,
    /// Where the time axis starts and how long it is, in device pixels, at the last draw.
    pub axis: (f64, f64),
    /// Spans by index, so layout cost follows the visible events.
    pub spans: tl::SpanIndex,
    pub orientation: Orientation,
}

impl TimelineState {
    pub fn new(ds: &Dataset) -> TimelineState {
        TimelineState {
            view: View::fit(&ds.events, View::FIT_PAD),
            lanes: tl::lanes_with_events(&ds.events),
            focused: None,
            open: None,
            gestures: Gestures::default(),
            list_view: false,
            layout: None,
            axis: (0.0, 1.0),
            spans: tl::SpanIndex::new(&ds.events),
            orientation: Orientation::Horizontal,
        }
    }
}

/// Keys of what is on screen, so a redraw rebuilds only what changed.
#[derive(Default)]
pub struct Rendered {
    /// The breakdown's rows without their figures.
    pub table: String,
    pub notes: String,
    /// What the rate chart shows; `None` when it must be drawn again
    /// (first draw, a canvas whose context was lost and restored).
    pub rate_chart: Option<RateChartKey>,
}

/// Everything the rate chart's pixels depend on (the language and the
/// events' days are fixed for a widget).
#[derive(PartialEq)]
pub struct RateChartKey {
    pub steps: Vec<(Date, Rate)>,
    pub date: Date,
    pub css: (f64, f64),
    pub theme: Theme,
}

/// One widget's state.
pub struct State {
    pub ds: Rc<Dataset>,
    pub lang: Lang,
    pub mode: ViewMode,
    /// `light`, `dark` or `auto` as the page set it.
    pub theme_pref: String,
    pub share_state: bool,
    pub fmt: IntlFormats,
    pub inputs: Inputs,
    /// Every input that does not read, as the last draw found.
    pub errors: Vec<FieldError>,
    /// The last comparison that could be computed: stays on screen while an input is wrong.
    pub last_good: Option<Comparison>,
    /// What customs levies for `last_good`, when that is another currency
    /// than the reader's.
    pub levied: Option<Levied>,
    pub rendered: Rendered,
    pub tl: TimelineState,
    pub dom: Dom,
    /// Set by destroy: nothing may draw or schedule after it.
    pub destroyed: bool,
    /// Set by a change that should notify the page once the frame is drawn.
    pub notify: bool,
    /// Set while this widget's change event is being dispatched: a listener
    /// that calls `setState` gets its change drawn but no second event, so
    /// change events cannot recurse.
    pub dispatching: bool,
    /// How many frames have been drawn (tests wait on it).
    pub draws: u32,
    /// Each canvas's CSS size (by data-role) as the resize observer last
    /// reported it: reading `clientWidth` while drawing would force a layout
    /// of the whole page after the frame's DOM writes.
    pub css_sizes: Vec<(String, (f64, f64))>,
    /// Schedules a frame; set once the runner has started.
    pub schedule: Option<Scheduler>,
    /// A `(resolution: Ndppx)` media query for the ratio of the last draw: it
    /// fires when the ratio changes without a resize (a window moved to
    /// another screen, browser zoom), as in eframe's web runner.
    pub dpr_watch: Option<(f64, Listener)>,
    /// Hides the gesture hint a moment after it was shown.
    pub hint_timer: Option<Timeout>,
    /// Builds the event list a task after the first frame.
    pub list_timer: Option<Timeout>,
    /// The link key, the charts' data tables, the rate rows ("Copy link", CSV).
    pub takeaway: super::export::Takeaway,
}

impl State {
    /// `getState()`.
    pub fn public_state(&self) -> Result<JsValue, JsValue> {
        let i = &self.inputs;
        to_js(&PublicState {
            flow: &i.flow,
            value: &i.value,
            currency: i.currency.code(),
            date: &i.date,
            quantity: &i.quantity,
            quota_used: &i.quota_used,
            compare_date: &i.compare,
            lang: self.lang.code(),
            view: self.mode.name(),
            theme: &self.theme_pref,
            errors: error_pairs(&self.errors),
        })
    }

    /// `setState` answers with the problems the draw found.
    pub fn error_list(&self) -> Result<JsValue, JsValue> {
        serde_wasm_bindgen::to_value(&error_pairs(&self.errors)).map_err(err)
    }

    /// Says something in the widget's notice line (and the console): what
    /// a page or a link set that the widget could not take, a failed copy.
    pub fn notice(&self, msg: &str) {
        web_sys::console::warn_1(&format!("[trade-widget] {msg}").into());
        if let Some(p) = self.dom.q("[data-role=notice]") {
            write_text(&p, msg);
            write_flag(&p, "hidden", false);
        }
    }

    /// Clears the notice line (the reader has moved on).
    pub fn clear_notice(&self) {
        if let Some(p) = self.dom.q("[data-role=notice]:not([hidden])") {
            write_text(&p, "");
            write_flag(&p, "hidden", true);
        }
    }

    /// Shows `msg` over the timeline for a moment (how to zoom or move it,
    /// after a reader tried the page's gesture on it).
    pub fn show_hint(&mut self, msg: Msg) {
        let Some(hint) = self.dom.q("[data-role=gesture-hint]") else {
            return;
        };
        write_text(&hint, msg.text(self.lang));
        write_flag(&hint, "hidden", false);
        self.hint_timer = Timeout::start(HINT_MS, move || write_flag(&hint, "hidden", true));
    }

    /// The selected date, if the date field reads.
    pub fn selected_date(&self) -> Option<Date> {
        Date::parse(&self.inputs.date).ok()
    }

    /// Light, dark or forced colours, from the theme attribute and the media queries.
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

    /// Recomputes and redraws everything: one frame, both charts and the timeline.
    pub fn draw_all(&mut self) {
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
        let dpr = device_pixel_ratio();
        self.watch_dpr(dpr);
        let theme = Theme::new(scheme, dpr);
        // Every draw reads the inputs afresh (cheap), so no handler has to
        // remember to, and setState reports what this draw found.
        let checked = self.inputs.check(&self.ds, self.lang);
        self.errors = checked.errors;
        if self.mode.has_calc() {
            self.draw_calculator(&theme, checked.shipment);
        }
        if self.mode.has_timeline() {
            self.draw_timeline(&theme);
        }
        self.draws = self.draws.wrapping_add(1);
        write_attr(&self.dom.host, "data-status", "ready");
    }

    /// Records a canvas's CSS size as the resize observer reports it.
    pub fn set_css_size(&mut self, role: &str, size: (f64, f64)) {
        match self.css_sizes.iter_mut().find(|(r, _)| r == role) {
            Some((_, s)) => *s = size,
            None => self.css_sizes.push((role.to_string(), size)),
        }
    }

    /// The canvas's CSS size as the resize observer last reported it, or,
    /// until it has reported (the first draws), as the canvas measures now.
    pub fn css_size(&self, canvas: &HtmlCanvasElement) -> (f64, f64) {
        let role = canvas.get_attribute("data-role").unwrap_or_default();
        match self.css_sizes.iter().find(|(r, _)| *r == role) {
            Some((_, size)) => *size,
            None => (
                f64::from(canvas.client_width()),
                f64::from(canvas.client_height()),
            ),
        }
    }
}

/// The window's devicePixelRatio (1 without a window).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window().map_or(1.0, |w| w.device_pixel_ratio())
}
