//! The thin web layer: the only code that touches the DOM.
//!
//! One wasm module serves every widget on the page; each `<trade-widget>`
//! element gets its own [`Widget`] handle (eframe's `WebHandle` shape), which
//! owns its listeners and observers and releases them when destroyed or
//! dropped. All JS-facing calls return `Result` and never panic: on
//! wasm32-unknown-unknown a panic aborts the instance that every widget on
//! the page shares.
//!
//! The view modules (features `calculator`, `timeline`) have everything
//! below but `validateData`/`readData`; the reader module (feature `reader`:
//! the JSON reader and the validator, for a page's own data and
//! `TradeWidget.validate`) has only those and the panic hook.
//!
//! One module per role, as in the wasm-bindgen todomvc example:
//! - [`handle`]: the `#[wasm_bindgen]` handle the loader holds;
//! - `boundary`: what crosses the JS boundary (options, patches, state);
//! - `runner`: animation frames, the resize observer, the change event;
//! - `events`: which DOM events are listened to and how each becomes a call;
//! - `state`: one widget's state and its frame;
//! - `calculator`, `timeline`: the two views, writing what core computed;
//!   `goods`: the calculator's flow search and "Which goods count?" line;
//! - `fragment`: links: the calculator's state and the chosen event in the
//!   URL fragment (`share-state`, "Copy link");
//! - `export`, `data_tables`: what a reader takes away (copy, CSV, PNG) and
//!   the charts' data tables;
//! - `dom`, `markup`, `canvas`, `intl`, `listen`: DOM writing, the static
//!   markup, the canvas backend, Intl formatting, owned listeners.

/// The parts of a view module (absent from the reader module), each behind the same cfg.
macro_rules! view_parts {
    ($($item:item)*) => {$(
        #[cfg(any(feature = "calculator", feature = "timeline"))]
        $item
    )*};
}

view_parts! {
    mod boundary;
    mod calculator;
    mod canvas;
    mod data_tables;
    mod dom;
    mod events;
    mod export;
    mod fragment;
    mod goods;
    pub mod handle;
    mod intl;
    mod listen;
    mod markup;
    mod runner;
    mod state;
    mod timeline;

    pub use handle::Widget;
}

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs a panic hook that remembers the message (so the loader can show
/// it in each widget) and logs it once, then chains to the previous hook.
#[wasm_bindgen(js_name = installPanicHook)]
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let msg = info.to_string();
        web_sys::console::error_1(&format!("[trade-widget] internal error: {msg}").into());
        PANIC.with(|p| *p.borrow_mut() = Some(msg));
        previous(info);
    }));
}

/// The message of the panic that stopped the module, if any.
#[wasm_bindgen(js_name = panicMessage)]
pub fn panic_message() -> Option<String> {
    PANIC.with(|p| p.borrow().clone())
}

/// Validates a data file and returns its problems, one per line (empty when valid).
/// In the reader module (and the default build), not in the view modules.
#[cfg(feature = "reader")]
#[wasm_bindgen(js_name = validateData)]
pub fn validate_data(json: &str) -> String {
    match crate::core::load::load(json) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

/// A page's own data (inline JSON, laid over the built-in file) checked and
/// packed for a view module (`new Widget(…, {dataBytes})`); throws every
/// problem, one per line. In the reader module: the view modules have
/// neither the JSON reader nor the validator (issue 11).
#[cfg(feature = "reader")]
#[wasm_bindgen(js_name = readData)]
pub fn read_data(json: &str) -> Result<js_sys::Uint8Array, JsValue> {
    let ds = crate::core::load::load_with_overlay(crate::core::builtin::BUILTIN_JSON, json)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    Ok(js_sys::Uint8Array::from(
        crate::core::pack::pack(&ds).as_slice(),
    ))
}

/// The views this module draws: `calculator`, `timeline` or `both` (the loader checks it).
#[cfg(any(feature = "calculator", feature = "timeline"))]
#[wasm_bindgen(js_name = builtViews)]
pub fn built_views() -> String {
    state::BUILT_VIEWS.to_string()
}
