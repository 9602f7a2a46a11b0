//! The event wiring: which DOM events a widget listens to, and how each is
//! turned into a call on the state with plain values (a control's name and
//! value, a pointer in device pixels, a key name). Every listener is an
//! owned [`Listener`], removed when the handle drops it.

use super::listen::Listener;
use super::runner::Scheduler;
use super::state::{device_pixel_ratio, State};
use crate::core::gesture::{Phase, PointerInput, WheelInput};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventTarget, HtmlCanvasElement, HtmlInputElement, HtmlSelectElement,
    KeyboardEvent, PointerEvent, TouchEvent, WheelEvent,
};

/// Runs `f` on the state if it is still there and not busy; schedules a
/// frame when `f` says something changed.
fn with_state(
    weak: &Weak<RefCell<State>>,
    schedule: &Scheduler,
    f: impl FnOnce(&mut State) -> bool,
) {
    let Some(state) = weak.upgrade() else { return };
    let changed = match state.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => false,
    };
    if changed {
        schedule();
    }
}

/// The element an event started on.
fn target_element(ev: &Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// Wires every control, the timeline's gestures and keys, lost canvases and
/// colour-scheme changes.
pub fn wire(state: &Rc<RefCell<State>>, schedule: &Scheduler) -> Result<Vec<Listener>, JsValue> {
    let mut listeners = Vec::new();
    let weak = Rc::downgrade(state);
    let (root, has_timeline, canvases, schemes, card, timeline) = {
        let s = state.try_borrow().map_err(|_| JsValue::from_str("busy"))?;
        (
            EventTarget::from(s.dom.root.clone()),
            s.mode.has_timeline(),
            s.dom.root.query_selector_all("canvas")?,
            s.dom.schemes.clone(),
            s.dom.q("[data-role=details]"),
            s.dom.canvas("timeline"),
        )
    };
    let mut on = |target: &EventTarget,
                  kind: &'static str,
                  passive: bool,
                  f: Box<dyn FnMut(Event)>|
     -> Result<(), JsValue> {
        listeners.push(Listener::new(target, kind, passive, f)?);
        Ok(())
    };

    // Form controls: one delegated listener for input and change.
    for kind in ["input", "change"] {
        let (weak, schedule) = (weak.clone(), schedule.clone());
        on(
            &root,
            kind,
            true,
            Box::new(move |ev: Event| {
                let Some(el) = target_element(&ev) else {
                    return;
                };
                let name = el.get_attribute("name").unwrap_or_default();
                let input = el.dyn_ref::<HtmlInputElement>();
                let value = input
                    .map(|i| i.value())
                    .or_else(|| el.dyn_ref::<HtmlSelectElement>().map(|s| s.value()))
                    .unwrap_or_default();
                let checked = input.is_some_and(|i| i.checked());
                with_state(&weak, &schedule, |s| {
                    s.clear_notice();
                    let changed = if name == "lane" {
                        s.toggle_lane(&value, checked)
                    } else {
                        // A date field being edited reports "" until it is
                        // complete: only `change` may clear it.
                        s.read_control(&name, value, kind == "change")
                    };
                    s.notify |= changed;
                    changed
                });
            }),
        )?;
    }
    // Buttons: presets and the timeline's toolbar and card.
    {
        let (weak, schedule) = (weak.clone(), schedule.clone());
        on(
            &root,
            "click",
            true,
            Box::new(move |ev: Event| {
                let Some(btn) =
                    target_element(&ev).and_then(|e| e.closest("button").ok().flatten())
                else {
                    return;
                };
                with_state(&weak, &schedule, |s| {
                    let changed = if let Some(p) = btn.get_attribute("data-preset") {
                        s.apply_preset(&p)
                    } else if let Some(a) = btn.get_attribute("data-action") {
                        s.takeaway_action(&a, &btn)
                            .unwrap_or_else(|| s.timeline_action(&a))
                    } else {
                        false
                    };
                    s.notify |= changed;
                    changed
                });
            }),
        )?;
    }
    if has_timeline {
        // Escape closes the details card from anywhere inside it (its
        // buttons and source links), not only from the canvas.
        if let Some(card) = card {
            let (weak, schedule) = (weak.clone(), schedule.clone());
            on(
                &card.into(),
                "keydown",
                false,
                Box::new(move |ev: Event| {
                    let Some(e) = ev
                        .dyn_ref::<KeyboardEvent>()
                        .filter(|e| e.key() == "Escape")
                    else {
                        return;
                    };
                    e.prevent_default();
                    with_state(&weak, &schedule, |s| {
                        s.close_details();
                        true
                    });
                }),
            )?;
        }
        if let Some(canvas) = timeline {
            wire_timeline_canvas(&mut on, &canvas, &weak, schedule)?;
        }
    }
    // A 2D canvas can lose its pixels (memory pressure, a GPU reset); when
    // the browser restores the context, every chart is drawn again.
    for i in 0..canvases.length() {
        let Some(canvas) = canvases.item(i) else {
            continue;
        };
        let (weak, schedule) = (weak.clone(), schedule.clone());
        on(
            &canvas,
            "contextrestored",
            true,
            Box::new(move |_| {
                with_state(&weak, &schedule, |s| {
                    s.rendered.rate_chart = None;
                    true
                });
            }),
        )?;
    }
    // Colour scheme and high-contrast changes.
    for mql in schemes.into_iter().flatten() {
        let schedule = schedule.clone();
        on(&mql.into(), "change", true, Box::new(move |_| schedule()))?;
    }
    Ok(listeners)
}

type On<'a> =
    dyn FnMut(&EventTarget, &'static str, bool, Box<dyn FnMut(Event)>) -> Result<(), JsValue> + 'a;

/// Pointer, wheel and keys on the timeline's canvas.
fn wire_timeline_canvas(
    on: &mut On,
    canvas: &HtmlCanvasElement,
    weak: &Weak<RefCell<State>>,
    schedule: &Scheduler,
) -> Result<(), JsValue> {
    let target: EventTarget = canvas.clone().into();
    let pointers = [
        ("pointerdown", Phase::Down),
        ("pointermove", Phase::Move),
        ("pointerup", Phase::Up),
        ("pointercancel", Phase::Cancel),
    ];
    for (kind, phase) in pointers {
        let (weak, schedule, canvas) = (weak.clone(), schedule.clone(), canvas.clone());
        on(
            &target,
            kind,
            true,
            Box::new(move |ev: Event| {
                let Some(e) = ev.dyn_ref::<PointerEvent>() else {
                    return;
                };
                if phase == Phase::Down {
                    // Moves and the release keep coming to the canvas when
                    // the pointer leaves it mid-drag.
                    let _ = canvas.set_pointer_capture(e.pointer_id());
                }
                let dpr = device_pixel_ratio();
                let input = PointerInput {
                    phase,
                    id: e.pointer_id(),
                    x: f64::from(e.offset_x()) * dpr,
                    y: f64::from(e.offset_y()) * dpr,
                    touch: e.pointer_type() == "touch",
                };
                with_state(&weak, &schedule, |s| s.on_pointer(input));
            }),
        )?;
    }
    // Two fingers belong to the timeline: without this the browser scrolls
    // the page with a two-finger pan too (touch-action allows panning). One
    // finger is left alone, so the article scrolls under it.
    for kind in ["touchstart", "touchmove"] {
        on(
            &target,
            kind,
            false,
            Box::new(move |ev: Event| {
                if let Some(e) = ev.dyn_ref::<TouchEvent>() {
                    if e.touches().length() >= 2 && e.cancelable() {
                        e.prevent_default();
                    }
                }
            }),
        )?;
    }
    {
        let (weak, schedule) = (weak.clone(), schedule.clone());
        on(
            &target,
            "wheel",
            false,
            Box::new(move |ev: Event| {
                let Some(e) = ev.dyn_ref::<WheelEvent>() else {
                    return;
                };
                let dpr = device_pixel_ratio();
                let input = WheelInput {
                    delta_y: e.delta_y(),
                    x: f64::from(e.offset_x()) * dpr,
                    y: f64::from(e.offset_y()) * dpr,
                    zoom_key: e.ctrl_key() || e.meta_key(),
                };
                with_state(&weak, &schedule, |s| {
                    let zoomed = s.on_wheel(input);
                    // Only a zoom keeps the wheel from the page (and the
                    // browser from zooming the page on Ctrl + wheel).
                    if zoomed {
                        e.prevent_default();
                    }
                    zoomed
                });
            }),
        )?;
    }
    {
        let (weak, schedule) = (weak.clone(), schedule.clone());
        on(
            &target,
            "keydown",
            false,
            Box::new(move |ev: Event| {
                let Some(e) = ev.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let key = e.key();
                with_state(&weak, &schedule, |s| {
                    let handled = s.on_key(&key);
                    if handled {
                        e.prevent_default();
                    }
                    handled
                });
            }),
        )?;
    }
    Ok(())
}
