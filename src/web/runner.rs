//! Drawing on the browser's schedule: the animation-frame loop, the resize
//! observer, and the change event a drawn change sends to the page.
//!
//! Like eframe's web runner, each browser resource is an owned value that
//! releases itself when dropped ([`FrameLoop`] cancels its pending frame,
//! [`ResizeWatch`] disconnects), so a widget that is destroyed or
//! garbage-collected leaves no callback behind.

use super::state::State;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, ResizeObserver, ResizeObserverBoxOptions,
    ResizeObserverEntry, ResizeObserverOptions,
};

/// Asks for one draw in the next animation frame.
pub type Scheduler = Rc<dyn Fn()>;

/// One widget's animation frames: at most one pending, however many
/// changes ask for it in the same frame.
pub struct FrameLoop {
    state: Weak<RefCell<State>>,
    /// The frame callback, created once and reused for every frame.
    callback: RefCell<Option<Closure<dyn FnMut()>>>,
    /// The requested frame, while one is pending.
    pending: Cell<Option<i32>>,
}

impl FrameLoop {
    pub fn new(state: &Rc<RefCell<State>>) -> Rc<FrameLoop> {
        Rc::new(FrameLoop {
            state: Rc::downgrade(state),
            callback: RefCell::new(None),
            pending: Cell::new(None),
        })
    }

    /// A scheduler for event handlers; it holds the loop weakly.
    pub fn scheduler(self: &Rc<Self>) -> Scheduler {
        let weak = Rc::downgrade(self);
        Rc::new(move || {
            if let Some(frames) = weak.upgrade() {
                frames.request();
            }
        })
    }

    fn request(self: &Rc<Self>) {
        if self.pending.get().is_some() {
            return;
        }
        let Some(state) = self.state.upgrade() else {
            return;
        };
        if state.try_borrow().map_or(true, |s| s.destroyed) {
            return;
        }
        if self.callback.borrow().is_none() {
            let weak = Rc::downgrade(self);
            *self.callback.borrow_mut() = Some(Closure::new(move || {
                if let Some(frames) = weak.upgrade() {
                    frames.pending.set(None);
                    if let Some(state) = frames.state.upgrade() {
                        render(&state);
                    }
                }
            }));
        }
        let callback = self.callback.borrow();
        if let (Some(win), Some(cb)) = (web_sys::window(), callback.as_ref()) {
            if let Ok(id) = win.request_animation_frame(cb.as_ref().unchecked_ref()) {
                self.pending.set(Some(id));
            }
        }
    }
}

impl Drop for FrameLoop {
    /// Cancels a pending frame before its callback is freed: the browser
    /// would otherwise call a dropped closure on the next frame.
    fn drop(&mut self) {
        if let (Some(id), Some(win)) = (self.pending.take(), web_sys::window()) {
            let _ = win.cancel_animation_frame(id);
        }
    }
}

/// Draws now, then tells the page if a change asked for it.
pub fn render(state: &Rc<RefCell<State>>) {
    let notify = {
        let Ok(mut s) = state.try_borrow_mut() else {
            return;
        };
        if s.destroyed {
            return;
        }
        s.draw_all();
        // A change made by a listener of this widget's own change event is
        // drawn, and sends no second event.
        std::mem::take(&mut s.notify) && !s.dispatching
    };
    if notify {
        dispatch_change(state);
    }
}

/// Sends `trade-widget-change` with the state as its detail, with no
/// borrow held (a listener may call setState).
fn dispatch_change(state: &Rc<RefCell<State>>) {
    let (host, detail) = {
        let Ok(mut s) = state.try_borrow_mut() else {
            return;
        };
        s.dispatching = true;
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
    if let Ok(mut s) = state.try_borrow_mut() {
        s.dispatching = false;
    }
}

/// The resize observer on a widget's canvases and host; it records each
/// canvas's CSS size and schedules a draw. Disconnected when dropped.
pub struct ResizeWatch {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl ResizeWatch {
    /// Observes each canvas's device-pixel box (exact device pixels, so a
    /// devicePixelRatio change is a resize too) and the host's box.
    pub fn start(state: &Rc<RefCell<State>>, schedule: Scheduler) -> Result<ResizeWatch, JsValue> {
        let weak = Rc::downgrade(state);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(state) = weak.upgrade() {
                if let Ok(mut s) = state.try_borrow_mut() {
                    for entry in entries
                        .iter()
                        .filter_map(|e| e.dyn_into::<ResizeObserverEntry>().ok())
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
            // Drawn in the next frame, never inside the observer's callback:
            // a layout change there is the "ResizeObserver loop" error that
            // would land in the host page's error reporting.
            schedule();
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
        let opts = ResizeObserverOptions::new();
        opts.set_box(ResizeObserverBoxOptions::DevicePixelContentBox);
        {
            let s = state.try_borrow().map_err(|_| JsValue::from_str("busy"))?;
            let canvases = s.dom.root.query_selector_all("canvas")?;
            for i in 0..canvases.length() {
                if let Some(c) = canvases.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    observer.observe_with_options(&c, &opts);
                }
            }
            observer.observe(&s.dom.host);
        }
        Ok(ResizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A `setTimeout` callback owned by its caller: cleared if dropped before
/// it fires (a new hint replaces the old one's timer; a destroyed widget
/// leaves none behind).
pub struct Timeout {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `f` once after `ms` milliseconds; `None` without a window.
    pub fn start(ms: i32, f: impl FnOnce() + 'static) -> Option<Timeout> {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Timeout {
            id,
            _callback: callback,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(win) = web_sys::window() {
            win.clear_timeout_with_handle(self.id);
        }
    }
}
