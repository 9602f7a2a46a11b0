//! Browser tests (wasm-bindgen-test in headless Chromium): mounting, the
//! canvas backing store at the page's devicePixelRatio, controls that change
//! what is drawn, the timeline's keyboard and list view, destroy.
//!
//! scripts/test.sh runs them at devicePixelRatio 1 and 2 with every feature,
//! then against the calculator's and the timeline's modules (`--no-default-features
//! --features VIEW`): each test is compiled where its views (and, for inline
//! data, the reader) exist.
#![cfg(target_arch = "wasm32")]
// A single-view build leaves some helpers of the other view's tests unused.
#![cfg_attr(
    not(all(feature = "calculator", feature = "timeline", feature = "reader")),
    allow(dead_code)
)]

use trade_widget::web::Widget;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, Event, HtmlCanvasElement, HtmlElement, HtmlInputElement,
    KeyboardEvent, KeyboardEventInit, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(view: &str, width_px: u32) -> (HtmlElement, ShadowRoot, Widget) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", &format!("display:block;width:{width_px}px"))
        .unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    // The widget's own stylesheet is adopted by the loader; here the few
    // rules that size the canvases stand in for it.
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some(
        "canvas{display:block;width:100%;height:240px} [hidden]{display:none} .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden}",
    ));
    root.append_child(&style).unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"view".into(), &view.into()).unwrap();
    js_sys::Reflect::set(&opts, &"flow".into(), &"cn-ev-to-ca".into()).unwrap();
    js_sys::Reflect::set(&opts, &"date".into(), &"2026-03-02".into()).unwrap();
    let widget = Widget::new(host.clone(), root.clone(), opts.into()).expect("mounts");
    // The markup replaced the shadow root's content; put the sizing rules back and draw again.
    root.append_child(&style).unwrap();
    widget.redraw();
    (host, root, widget)
}

fn q(root: &ShadowRoot, sel: &str) -> web_sys::Element {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
}

fn text(root: &ShadowRoot, sel: &str) -> String {
    q(root, sel).text_content().unwrap_or_default()
}

/// Share of the canvas's pixels that differ from its top-left (background) pixel.
fn ink(canvas: &HtmlCanvasElement) -> f64 {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .unwrap()
        .data();
    let bg = [data[0], data[1], data[2]];
    let mut differ = 0usize;
    for px in data.chunks_exact(4) {
        if px[0].abs_diff(bg[0]) > 8 || px[1].abs_diff(bg[1]) > 8 || px[2].abs_diff(bg[2]) > 8 {
            differ += 1;
        }
    }
    differ as f64 / (w * h).max(1) as f64
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.get_image_data(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    )
    .unwrap()
    .data()
    .to_vec()
}

fn set_input(root: &ShadowRoot, name: &str, value: &str) {
    let input: HtmlInputElement = q(root, &format!("input[name=\"{name}\"]")).unchecked_into();
    input.set_value(value);
    let ev = Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&ev).unwrap();
}

fn key(target: &web_sys::Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    target
        .dispatch_event(
            &KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
}

/// scripts/test.sh runs this file at devicePixelRatio 1 and 2 and compiles the
/// ratio it asked Chromium for into TRADE_WIDGET_EXPECT_DPR, so a run meant
/// for HiDPI fails here if the browser ignored the scale factor (the backing
/// store test below would otherwise pass at ratio 1 and test nothing HiDPI).
#[wasm_bindgen_test]
fn the_page_has_the_device_pixel_ratio_the_run_asked_for() {
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    match option_env!("TRADE_WIDGET_EXPECT_DPR") {
        Some(want) => {
            let want: f64 = want.parse().expect("TRADE_WIDGET_EXPECT_DPR is a number");
            assert_eq!(dpr, want, "window.devicePixelRatio");
        }
        // Run by hand (wasm-pack test without the variable): any sane ratio.
        None => assert!(dpr >= 1.0, "window.devicePixelRatio is {dpr}"),
    }
}

#[cfg(all(feature = "calculator", feature = "timeline"))]
#[wasm_bindgen_test]
fn canvas_backing_store_is_css_size_times_device_pixel_ratio() {
    let (_host, root, _w) = mount("both", 700);
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    for role in ["duty-chart", "rate-chart", "timeline"] {
        let c: HtmlCanvasElement =
            q(&root, &format!("canvas[data-role=\"{role}\"]")).unchecked_into();
        assert_eq!(
            c.width(),
            (f64::from(c.client_width()) * dpr).round() as u32,
            "{role} width at dpr {dpr}"
        );
        assert_eq!(
            c.height(),
            (f64::from(c.client_height()) * dpr).round() as u32,
            "{role} height at dpr {dpr}"
        );
        assert!(ink(&c) > 0.005, "{role} has a drawing");
    }
}

#[cfg(feature = "calculator")]
#[wasm_bindgen_test]
fn summary_shows_the_golden_case_and_changes_with_the_value() {
    let (_host, root, w) = mount("calculator", 700);
    let summary = text(&root, "[data-role=summary]");
    assert!(summary.contains("C$2,440.00"), "{summary}");
    let bars: HtmlCanvasElement = q(&root, "canvas[data-role=\"duty-chart\"]").unchecked_into();
    let before = pixels(&bars);
    set_input(&root, "quota-used", "49000");
    w.redraw();
    let over = text(&root, "[data-role=summary]");
    assert!(over.contains("C$42,440.00"), "{over}");
    assert_ne!(pixels(&bars), before, "the bars follow the quota");
}

#[cfg(feature = "calculator")]
#[wasm_bindgen_test]
fn bad_input_shows_a_message_and_keeps_the_last_result() {
    let (_host, root, w) = mount("calculator", 500);
    for bad in ["", "abc", "-5", "1000000000001"] {
        set_input(&root, "value", bad);
        w.redraw();
        let err = q(&root, "[data-error-for=value]");
        assert!(!err.has_attribute("hidden"), "message shown for {bad:?}");
        assert!(err.text_content().unwrap_or_default().len() > 10);
        assert!(
            text(&root, "[data-role=summary]").contains("C$2,440.00"),
            "last good result kept for {bad:?}"
        );
        assert!(!text(&root, "[data-role=summary]").contains("NaN"));
    }
    set_input(&root, "quantity", "0");
    w.redraw();
    assert!(!q(&root, "[data-error-for=quantity]").has_attribute("hidden"));
}

#[cfg(feature = "timeline")]
#[wasm_bindgen_test]
fn keyboard_moves_through_events_and_zoom_changes_the_drawing() {
    let (_host, root, w) = mount("timeline", 900);
    let canvas: HtmlCanvasElement = q(&root, "canvas[data-role=\"timeline\"]").unchecked_into();
    let first = pixels(&canvas);
    key(&canvas, "Home");
    w.redraw();
    let status = text(&root, "[data-role=tl-status]");
    assert!(
        status.contains("2017"),
        "the first event is announced: {status}"
    );
    key(&canvas, "ArrowRight");
    w.redraw();
    assert_ne!(
        text(&root, "[data-role=tl-status]"),
        status,
        "the focus moved"
    );
    key(&canvas, "+");
    w.redraw();
    assert_ne!(
        pixels(&canvas),
        first,
        "zoom and focus ring change the pixels"
    );
    key(&canvas, "Enter");
    w.redraw();
    assert!(!q(&root, "[data-role=details]").has_attribute("hidden"));
    key(&canvas, "Escape");
    w.redraw();
    assert!(q(&root, "[data-role=details]").has_attribute("hidden"));
}

/// Resolves a task later (after a `setTimeout(0)` the widget set before).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(feature = "timeline")]
#[wasm_bindgen_test]
async fn list_view_matches_the_data() {
    let (_host, root, _w) = mount("timeline", 900);
    // The first frame does not show the list: it is built a task later.
    let before = root
        .query_selector_all("[data-role=event-list] li")
        .unwrap();
    assert_eq!(
        before.length(),
        0,
        "the event list is built before the first frame"
    );
    next_task().await;
    let items = root
        .query_selector_all("[data-role=event-list] li")
        .unwrap()
        .length();
    let ds = trade_widget::core::load::load(trade_widget::core::builtin::BUILTIN_JSON).unwrap();
    assert_eq!(items as usize, ds.events.len());
    let first = text(&root, "[data-role=event-list] li");
    assert!(first.contains(ds.events[0].title.en.as_str()));
}

/// Exceptions the page reports (an exception thrown by an event listener
/// during `dispatchEvent` is reported to the window's `error` event, which is
/// what a reader's console shows), collected until the value is dropped.
struct PageErrors {
    seen: std::rc::Rc<std::cell::RefCell<Vec<String>>>,
    closure: wasm_bindgen::closure::Closure<dyn FnMut(JsValue)>,
}

impl PageErrors {
    fn watch() -> PageErrors {
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = seen.clone();
        let closure =
            wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
                // An ErrorEvent; read `message` without the ErrorEvent binding.
                let message = js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_else(|| "(an error without a message)".into());
                sink.borrow_mut().push(message);
            });
        web_sys::window()
            .unwrap()
            .add_event_listener_with_callback("error", closure.as_ref().unchecked_ref())
            .unwrap();
        PageErrors { seen, closure }
    }

    fn messages(&self) -> Vec<String> {
        self.seen.borrow().clone()
    }
}

impl Drop for PageErrors {
    fn drop(&mut self) {
        let _ = web_sys::window()
            .unwrap()
            .remove_event_listener_with_callback("error", self.closure.as_ref().unchecked_ref());
    }
}

/// `getState()` as JSON text, or None if the widget refuses to answer.
fn state_json(w: &Widget) -> Option<String> {
    let state = w.get_state().ok()?;
    js_sys::JSON::stringify(&state).ok()?.as_string()
}

#[cfg(all(feature = "calculator", feature = "timeline"))]
#[wasm_bindgen_test]
fn destroy_removes_every_listener_and_the_markup() {
    let (host, root, mut w) = mount("both", 700);
    let state = state_json(&w).expect("getState answers while mounted");
    let changes = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let count = changes.clone();
    let on_change = wasm_bindgen::closure::Closure::<dyn FnMut(Event)>::new(move |_: Event| {
        count.set(count.get() + 1);
    });
    host.add_event_listener_with_callback(
        "trade-widget-change",
        on_change.as_ref().unchecked_ref(),
    )
    .unwrap();

    w.destroy();
    assert_eq!(root.child_element_count(), 0, "markup removed");
    assert!(!host.has_attribute("data-status"), "no longer marked ready");

    // The shadow root outlives the widget: the loader mounts the next widget
    // into it when the language or view changes (remount in www/boot.js).
    // What a reader does there must reach nothing of the destroyed widget: a
    // listener left on the root would either change its state (a live
    // closure) or throw "closure invoked ... after being dropped" (a freed
    // one), which the page reports as an error.
    let errors = PageErrors::watch();
    root.set_inner_html(
        r#"<input name="value"><input name="quota-used"><input name="date">
        <select name="flow"><option value="cn-steel-to-ca">steel</option></select>
        <canvas data-role="timeline" tabindex="0"></canvas>"#,
    );
    set_input(&root, "value", "123");
    set_input(&root, "quota-used", "49000");
    set_input(&root, "date", "2025-06-01");
    let select = q(&root, "select[name=flow]");
    for kind in ["input", "change"] {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        select
            .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
            .unwrap();
    }
    let canvas = q(&root, "canvas[data-role=\"timeline\"]");
    for k in ["Home", "ArrowRight", "+", "Enter"] {
        key(&canvas, k);
    }
    w.redraw();

    assert_eq!(errors.messages(), Vec::<String>::new(), "no page error");
    assert_eq!(changes.get(), 0, "no trade-widget-change after destroy");
    if let Some(after) = state_json(&w) {
        assert_eq!(after, state, "getState() unchanged by input after destroy");
    }
    assert!(
        root.query_selector("[data-role=summary]")
            .unwrap()
            .is_none(),
        "the widget did not draw itself back"
    );
    assert!(!host.has_attribute("data-status"));
    host.remove_event_listener_with_callback(
        "trade-widget-change",
        on_change.as_ref().unchecked_ref(),
    )
    .unwrap();
}

#[cfg(feature = "calculator")]
#[wasm_bindgen_test]
fn two_widgets_are_independent() {
    let (_h1, r1, w1) = mount("calculator", 600);
    let (_h2, r2, w2) = mount("calculator", 600);
    let bars2: HtmlCanvasElement = q(&r2, "canvas[data-role=\"duty-chart\"]").unchecked_into();
    let (summary2, pixels2, state2) = (
        text(&r2, "[data-role=summary]"),
        pixels(&bars2),
        state_json(&w2).expect("getState answers"),
    );
    assert!(summary2.contains("C$2,440.00"), "{summary2}");
    set_input(&r1, "quota-used", "49000");
    w1.redraw();
    w2.redraw();
    let summary1 = text(&r1, "[data-role=summary]");
    assert!(summary1.contains("C$42,440.00"), "{summary1}");
    // The second widget shows exactly what it showed before: the same
    // sentence, the same bars, the same state.
    assert_eq!(
        text(&r2, "[data-role=summary]"),
        summary2,
        "the other summary"
    );
    assert!(
        pixels(&bars2) == pixels2,
        "the other widget's bars did not change"
    );
    assert_eq!(
        state_json(&w2).as_deref(),
        Some(state2.as_str()),
        "the other state"
    );
    let quota2: HtmlInputElement = q(&r2, "input[name=\"quota-used\"]").unchecked_into();
    assert_ne!(quota2.value(), "49000", "the other field");
}

/// Mounts a widget whose inline data puts markup and a very long title in every kind of text.
#[cfg(feature = "reader")]
fn mount_hostile(view: &str) -> (HtmlElement, ShadowRoot, Widget) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", "display:block;width:420px")
        .unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let evil = "<img src=x onerror=\\\"window.__owned=1\\\"><script>window.__owned=1</script>";
    let long = "A very long title that goes on and on without any break at all ".repeat(6);
    let overlay = format!(
        r#"{{"flows":[{{"id":"evil-flow","origin":"CN","destination":"CA","name":{{"en":"{evil} flow","fr":"{evil} flux"}},"headings":["8703"],"scope":{{"en":"{evil} scope","fr":"{evil}"}},"keywords":{{"en":["<b>x</b>"],"fr":["x"]}},"currency":"CAD","unit":{{"en":"u","fr":"u"}},"default_value":100,"note":{{"en":"{evil}","fr":"{evil}"}}}}],
        "measures":[{{"id":"evil-base","flow":"evil-flow","kind":"base","name":{{"en":"{evil} base","fr":"{evil}"}},"rate":5,"instrument":{{"en":"{evil} instrument","fr":"{evil}"}},"sources":[{{"url":"https://example.org/x","publisher":"{evil} publisher","title":"{evil} title","kind":"primary"}}],"confidence":"confirmed"}}],
        "events":[{{"id":"evil-event","date":"2020-06-01","title":{{"en":"{evil}{long}","fr":"{evil}"}},"description":{{"en":"{evil} description {long}","fr":"{evil}"}},"category":"security","sources":[{{"url":"https://example.org/y","publisher":"{evil} outlet","title":"{evil}","date":"2020-06-01","kind":"press"}}],"confidence":"confirmed","priority":1}}]}}"#
    );
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"view".into(), &view.into()).unwrap();
    js_sys::Reflect::set(&opts, &"flow".into(), &"evil-flow".into()).unwrap();
    js_sys::Reflect::set(&opts, &"data".into(), &overlay.into()).unwrap();
    let widget =
        Widget::new(host.clone(), root.clone(), opts.into()).expect("a valid overlay mounts");
    let style = doc.create_element("style").unwrap();
    style.set_text_content(Some("canvas{display:block;width:100%;height:240px} [hidden]{display:none} .details{overflow-wrap:anywhere}"));
    root.append_child(&style).unwrap();
    widget.redraw();
    (host, root, widget)
}

#[cfg(all(feature = "calculator", feature = "timeline", feature = "reader"))]
#[wasm_bindgen_test]
fn markup_in_the_data_is_shown_as_text_never_run() {
    let (_host, root, w) = mount_hostile("both");
    w.redraw();
    assert_eq!(
        root.query_selector_all("img").unwrap().length(),
        0,
        "no element from the data"
    );
    assert_eq!(root.query_selector_all("script").unwrap().length(), 0);
    let all = root.text_content().unwrap_or_default();
    assert!(all.contains("<img src=x"), "the markup is visible as text");
    let owned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__owned".into()).unwrap();
    assert!(owned.is_undefined(), "no script from the data ran");
    // Links from the data are https only and open safely.
    let links = root.query_selector_all("a").unwrap();
    for i in 0..links.length() {
        let a: web_sys::Element = links.item(i).unwrap().unchecked_into();
        assert!(a
            .get_attribute("href")
            .unwrap_or_default()
            .starts_with("https://"));
        assert_eq!(
            a.get_attribute("rel").as_deref(),
            Some("noopener noreferrer")
        );
    }
}

#[cfg(all(feature = "timeline", feature = "reader"))]
#[wasm_bindgen_test]
fn a_very_long_title_wraps_in_the_details_card() {
    let (_host, root, w) = mount_hostile("timeline");
    let canvas = q(&root, "canvas[data-role=\"timeline\"]");
    // The hostile event is the only one in the security lane; reach it by keyboard.
    for _ in 0..200 {
        key(&canvas, "ArrowRight");
        if text(&root, "[data-role=tl-status]").starts_with("<img") {
            break;
        }
    }
    key(&canvas, "Enter");
    w.redraw();
    let card: HtmlElement = q(&root, "[data-role=details]").unchecked_into();
    assert!(!card.has_attribute("hidden"));
    assert!(text(&root, "[data-role=details-title]").contains("A very long title"));
    assert!(
        card.scroll_width() <= card.client_width() + 1,
        "the card does not overflow: {} > {}",
        card.scroll_width(),
        card.client_width()
    );
}

/// The widget formats figures with the browser's Intl; the no-JS fallback and
/// the native tests with `LocaleFormats` (src/core/format.rs). Here every kind
/// of figure from the latter is checked against Intl for en-CA and fr-CA, with
/// the widget's two changes on top of Intl: English "C$" for Canadian dollars,
/// French "1er" for the first of a month.
#[wasm_bindgen_test]
fn figures_match_the_browsers_intl_for_canadian_english_and_french() {
    use js_sys::{Array, Intl, Object, Reflect};
    use trade_widget::core::date::Date;
    use trade_widget::core::format::{Formats, LocaleFormats};
    use trade_widget::core::model::Lang;
    use trade_widget::core::money::{Currency, Rate};

    fn intl_number(tag: &str, pairs: &[(&str, JsValue)]) -> Intl::NumberFormat {
        let o = Object::new();
        for (k, v) in pairs {
            Reflect::set(&o, &(*k).into(), v).unwrap();
        }
        Intl::NumberFormat::new(&Array::of1(&tag.into()), &o)
    }
    fn call(f: &js_sys::Function, v: JsValue) -> String {
        f.call1(&JsValue::NULL, &v).unwrap().as_string().unwrap()
    }
    let mut mismatches = Vec::new();
    let mut check = |what: String, ours: String, intl: String| {
        if ours != intl {
            mismatches.push(format!("{what}: ours {ours:?}, Intl {intl:?}"));
        }
    };
    // A spread of magnitudes and signs, not only round numbers.
    let mut minors: Vec<i64> = vec![0, 1, 9, 10, 99, 100, 101, 123_456, -123_456, 999_999_999];
    let mut x: i64 = 7;
    for _ in 0..200 {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        minors.push((x >> 20) % 100_000_000_000);
    }
    for (lang, tag) in [(Lang::En, "en-CA"), (Lang::Fr, "fr-CA")] {
        let ours = LocaleFormats(lang);
        for c in Currency::ALL {
            let f = intl_number(
                tag,
                &[("style", "currency".into()), ("currency", c.code().into())],
            );
            for &m in &minors {
                let mut intl = call(&f.format(), JsValue::from_f64(m as f64 / 100.0));
                if lang == Lang::En && c == Currency::CAD {
                    intl = intl.replacen('$', "C$", 1);
                }
                check(format!("{tag} {} {m}", c.code()), ours.money(m, c), intl);
            }
        }
        let pct = intl_number(
            tag,
            &[
                ("style", "percent".into()),
                ("maximumFractionDigits", 2.into()),
            ],
        );
        for bp in [0i64, 1, 10, 610, 2_500, 10_000, 10_610, 123_450, -500] {
            let intl = call(&pct.format(), JsValue::from_f64(bp as f64 / 10_000.0));
            check(format!("{tag} {bp} bp"), ours.percent(Rate(bp)), intl);
        }
        let num = intl_number(tag, &[("maximumFractionDigits", 4.into())]);
        for scaled in [0i64, 1, 13_698, 25_000, 490_000_000, 12_345_678_901] {
            let intl = call(&num.format(), JsValue::from_f64(scaled as f64 / 10_000.0));
            check(format!("{tag} {scaled}e-4"), ours.decimal(scaled, 4), intl);
        }
        let utc = |pairs: &[(&str, JsValue)]| {
            let o = Object::new();
            for (k, v) in pairs {
                Reflect::set(&o, &(*k).into(), v).unwrap();
            }
            Reflect::set(&o, &"timeZone".into(), &"UTC".into()).unwrap();
            Intl::DateTimeFormat::new(&Array::of1(&tag.into()), &o)
        };
        let long = utc(&[("dateStyle", "long".into())]);
        let month = utc(&[("year", "numeric".into()), ("month", "long".into())]);
        // Every day of 2017 to 2026, the years the story covers.
        let (first, last) = (
            Date::parse("2017-01-01").unwrap(),
            Date::parse("2026-12-31").unwrap(),
        );
        for day in first.days()..=last.days() {
            let date = Date::from_days(day);
            let js = js_sys::Date::new(&JsValue::from_f64(f64::from(day) * 86_400_000.0));
            let mut intl = call(&long.format(), js.clone().into());
            if lang == Lang::Fr && date.ymd().2 == 1 {
                intl = format!("1er{}", &intl[1..]);
            }
            check(format!("{tag} {date}"), ours.date(date), intl);
            if date.ymd().2 == 1 {
                check(
                    format!("{tag} month {date}"),
                    ours.month_year(date),
                    call(&month.format(), js.into()),
                );
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches, first: {:#?}",
        mismatches.len(),
        &mismatches[..mismatches.len().min(8)]
    );
}

/// The breakdown table is edited in place while the layers stay the same
/// (a value being typed) and rebuilt when they change (another flow).
#[cfg(feature = "calculator")]
#[wasm_bindgen_test]
fn the_breakdown_follows_the_value_and_the_flow() {
    let (_host, root, w) = mount("calculator", 700);
    let rows = |root: &ShadowRoot| -> Vec<String> {
        let list = root
            .query_selector_all("table[data-role=breakdown] tbody tr")
            .unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    };
    let before = rows(&root);
    assert!(
        before.iter().any(|r| r.contains("C$2,440.00")),
        "{before:?}"
    );
    set_input(&root, "value", "80000");
    w.redraw();
    let after = rows(&root);
    assert_eq!(after.len(), before.len(), "the same layers");
    assert!(
        after.iter().any(|r| r.contains("C$4,880.00")),
        "amount follows the value: {after:?}"
    );
    assert!(
        !after.iter().any(|r| r.contains("C$2,440.00")),
        "no stale figure: {after:?}"
    );
    let select: web_sys::HtmlSelectElement = q(&root, "select[name=flow]").unchecked_into();
    select.set_value("cn-steel-to-ca");
    select
        .dispatch_event(
            &Event::new_with_event_init_dict("change", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    w.redraw();
    let steel = rows(&root);
    assert_ne!(steel, after, "another flow, other layers");
    assert!(!steel.iter().any(|r| r.contains("C$4,880.00")), "{steel:?}");
}

/// The rate chart is not drawn again while what it shows is unchanged, so it
/// must still follow the date, and come back after the browser restores a
/// lost canvas context.
#[cfg(feature = "calculator")]
#[wasm_bindgen_test]
fn the_rate_chart_follows_the_date_and_returns_after_a_lost_context() {
    let (_host, root, w) = mount("calculator", 700);
    let chart: HtmlCanvasElement = q(&root, "canvas[data-role=\"rate-chart\"]").unchecked_into();
    let before = pixels(&chart);
    set_input(&root, "date", "2025-06-01");
    w.redraw();
    assert_ne!(pixels(&chart), before, "the date marker moved");
    let ctx: CanvasRenderingContext2d = chart.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(
        0.0,
        0.0,
        f64::from(chart.width()),
        f64::from(chart.height()),
    );
    assert!(ink(&chart) < 0.001, "cleared, as a lost context leaves it");
    chart
        .dispatch_event(&Event::new("contextrestored").unwrap())
        .unwrap();
    w.redraw();
    assert!(ink(&chart) > 0.005, "drawn again");
}
