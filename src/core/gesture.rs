//! The timeline's gestures and keys as a pure state machine.
//!
//! The web layer turns each DOM pointer, wheel and key event into the
//! neutral inputs here (device pixels on the canvas) and applies the
//! [`Outcome`]; every decision (is this a tap or a drag, which finger
//! pinches, how far a zoom goes) is made here and tested natively.
//!
//! A reader meets the timeline in the middle of an article, so it never
//! takes the page's scroll: a plain wheel scrolls the page (Ctrl or ⌘ +
//! wheel, and a trackpad pinch, which browsers send as Ctrl + wheel, zoom),
//! and one finger scrolls the page (the canvas is `touch-action: pan-x
//! pan-y`); two fingers move and zoom the timeline; a tap still selects.
//! When a reader tries the page's gesture on the timeline, the outcome asks
//! for a hint saying how to move it instead.

use super::date::Date;
use super::timeline::{Orientation, View};

/// How much one zoom button press or `+`/`−` key zooms.
pub const ZOOM_STEP: f64 = 2.0;
/// How much one wheel notch zooms.
pub const WHEEL_STEP: f64 = 1.25;
/// How far (CSS px, summed over x and y) a pointer moves before a press
/// becomes a drag rather than a tap.
pub const TAP_SLOP_CSS_PX: f64 = 6.0;
/// How close (CSS px along the axis) a press must be to the date marker to
/// drag it rather than pan.
pub const MARKER_GRAB_CSS_PX: f64 = 8.0;
/// How far (CSS px) from a marker a tap still selects its event.
pub const HIT_SLOP_CSS_PX: f64 = 10.0;

/// What a pointer did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Down,
    Move,
    Up,
    Cancel,
}

/// One pointer event, in device pixels from the canvas's top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointerInput {
    pub phase: Phase,
    pub id: i32,
    pub x: f64,
    pub y: f64,
    /// A finger (`pointerType` touch): one alone scrolls the page.
    pub touch: bool,
}

/// The timeline as last drawn: what turns pixels into days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub orientation: Orientation,
    /// Where the time axis starts and how long it is, in device pixels.
    pub axis: (f64, f64),
    pub dpr: f64,
    /// The selected date (the draggable marker), if any.
    pub marker: Option<Date>,
    /// The dates the marker may be dragged to.
    pub coverage: (Date, Date),
}

impl Frame {
    /// The position along the time axis (x, or y when vertical) of a point.
    fn along(&self, x: f64, y: f64) -> f64 {
        match self.orientation {
            Orientation::Vertical => y,
            Orientation::Horizontal => x,
        }
    }

    /// The day under a point in `view`.
    pub fn day_at(&self, x: f64, y: f64, view: &View) -> f64 {
        let (origin, len) = self.axis;
        view.day_at(self.along(x, y) - origin, len)
    }
}

/// A gesture in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Drag {
    Pan {
        pointer: i32,
        start: (f64, f64),
        start_view: View,
        moved: bool,
        /// A finger: it moves the page, not the timeline.
        touch: bool,
    },
    Marker {
        pointer: i32,
    },
    Pinch {
        a: (i32, f64, f64),
        b: (i32, f64, f64),
        /// Where the two pointers were when the pinch began.
        start_points: ((i32, f64, f64), (i32, f64, f64)),
        start_dist: f64,
        start_view: View,
    },
}

/// What the web layer does after a pointer event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing visible changed.
    Nothing,
    /// Show this window of time.
    View(View),
    /// The marker was dragged: set the calculator's date.
    Marker(Date),
    /// A press that did not move: open the event under this point, if any.
    Tap { x: f64, y: f64 },
    /// A gesture ended that changed what is drawn (draw once more).
    Ended,
    /// One finger tried to move the timeline: say that two fingers do.
    TouchHint,
}

/// The pointer state of one timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gestures {
    drag: Option<Drag>,
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt().max(1.0)
}

impl Gestures {
    /// Whether a pointer is down.
    pub fn active(&self) -> bool {
        self.drag.is_some()
    }

    /// Feeds one pointer event; `view` is the window shown now.
    pub fn pointer(&mut self, e: PointerInput, view: View, frame: &Frame) -> Outcome {
        let PointerInput {
            phase,
            id,
            x,
            y,
            touch,
        } = e;
        match (phase, self.drag) {
            (Phase::Down, Some(Drag::Pan { pointer, start, .. })) if pointer != id => {
                // A second finger: pinch around the midpoint of the two.
                let (a, b) = ((pointer, start.0, start.1), (id, x, y));
                self.drag = Some(Drag::Pinch {
                    a,
                    b,
                    start_points: (a, b),
                    start_dist: distance(start, (x, y)),
                    start_view: view,
                });
                Outcome::Nothing
            }
            (Phase::Down, _) => {
                let (origin, len) = frame.axis;
                let on_marker = frame.marker.is_some_and(|d| {
                    let p = origin + view.pos_of(f64::from(d.days()), len);
                    (p - frame.along(x, y)).abs() < MARKER_GRAB_CSS_PX * frame.dpr
                });
                self.drag = Some(if on_marker {
                    Drag::Marker { pointer: id }
                } else {
                    Drag::Pan {
                        pointer: id,
                        start: (x, y),
                        start_view: view,
                        moved: false,
                        touch,
                    }
                });
                Outcome::Nothing
            }
            (
                Phase::Move,
                Some(Drag::Pan {
                    pointer,
                    start,
                    start_view,
                    moved,
                    touch,
                }),
            ) if pointer == id => {
                let was_moved = moved;
                let moved = moved
                    || (x - start.0).abs() + (y - start.1).abs() > TAP_SLOP_CSS_PX * frame.dpr;
                if !moved {
                    return Outcome::Nothing;
                }
                self.drag = Some(Drag::Pan {
                    pointer,
                    start,
                    start_view,
                    moved,
                    touch,
                });
                if touch {
                    // The page scrolls under one finger (the browser usually
                    // cancels the pointer first); the timeline stays put.
                    return if was_moved {
                        Outcome::Nothing
                    } else {
                        Outcome::TouchHint
                    };
                }
                let days_per_px = (start_view.end - start_view.start) / frame.axis.1.max(1.0);
                let mut next = start_view;
                next.pan(-(frame.along(x, y) - frame.along(start.0, start.1)) * days_per_px);
                Outcome::View(next)
            }
            (Phase::Move, Some(Drag::Marker { pointer })) if pointer == id => {
                let day = frame.day_at(x, y, &view).round() as i32;
                let (lo, hi) = frame.coverage;
                Outcome::Marker(Date::from_days(day.clamp(lo.days(), hi.days())))
            }
            (
                Phase::Move,
                Some(Drag::Pinch {
                    mut a,
                    mut b,
                    start_points,
                    start_dist,
                    start_view,
                }),
            ) if id == a.0 || id == b.0 => {
                if id == a.0 {
                    a = (id, x, y);
                } else {
                    b = (id, x, y);
                }
                // The day under the fingers' first midpoint zooms with their
                // spread and follows their midpoint: two fingers move and zoom.
                let mid =
                    |p: (i32, f64, f64), q: (i32, f64, f64)| ((p.1 + q.1) / 2.0, (p.2 + q.2) / 2.0);
                let (sa, sb) = start_points;
                let first = mid(sa, sb);
                let now = mid(a, b);
                let anchor = frame.day_at(first.0, first.1, &start_view);
                let mut next = start_view;
                next.zoom(distance((a.1, a.2), (b.1, b.2)) / start_dist, anchor);
                let (origin, len) = frame.axis;
                let drift = next.day_at(frame.along(now.0, now.1) - origin, len) - anchor;
                next.pan(-drift);
                self.drag = Some(Drag::Pinch {
                    a,
                    b,
                    start_points,
                    start_dist,
                    start_view,
                });
                Outcome::View(next)
            }
            (Phase::Move, _) => Outcome::Nothing,
            (Phase::Up | Phase::Cancel, was) => {
                self.drag = None;
                match (was, phase) {
                    (Some(Drag::Pan { moved: false, .. }), Phase::Up) => Outcome::Tap { x, y },
                    // The browser took one finger to scroll the page.
                    (
                        Some(Drag::Pan {
                            touch: true,
                            moved: false,
                            ..
                        }),
                        Phase::Cancel,
                    ) => Outcome::TouchHint,
                    (Some(Drag::Marker { .. } | Drag::Pinch { .. }), _) => Outcome::Ended,
                    _ => Outcome::Nothing,
                }
            }
        }
    }
}

/// One wheel event over the canvas, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WheelInput {
    pub delta_y: f64,
    pub x: f64,
    pub y: f64,
    /// Ctrl or ⌘ held (a trackpad pinch arrives as Ctrl + wheel).
    pub zoom_key: bool,
}

/// A wheel event: with Ctrl or ⌘, the window zoomed in (`delta_y < 0`) or
/// out around the day under the pointer; without, `None`: the page
/// scrolls, and the web layer shows how to zoom.
pub fn wheel(view: View, input: WheelInput, frame: &Frame) -> Option<View> {
    let WheelInput {
        delta_y,
        x,
        y,
        zoom_key,
    } = input;
    if !zoom_key {
        return None;
    }
    let anchor = frame.day_at(x, y, &view);
    let factor = if delta_y < 0.0 {
        WHEEL_STEP
    } else {
        1.0 / WHEEL_STEP
    };
    let mut next = view;
    next.zoom(factor, anchor);
    Some(next)
}

/// What a key does on the focused timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// The next (or previous) event in date order, skipping hidden lanes.
    Step {
        forward: bool,
    },
    First,
    Last,
    /// Open the focused event's card and take its date.
    Open,
    Close,
    ZoomIn,
    ZoomOut,
}

/// The timeline's key map, by `KeyboardEvent.key`; `None` leaves the key to
/// the browser (Tab, page scrolling keys …).
pub fn key_action(key: &str) -> Option<KeyAction> {
    Some(match key {
        "ArrowRight" | "ArrowDown" => KeyAction::Step { forward: true },
        "ArrowLeft" | "ArrowUp" => KeyAction::Step { forward: false },
        "Home" => KeyAction::First,
        "End" => KeyAction::Last,
        "Enter" | " " => KeyAction::Open,
        "Escape" => KeyAction::Close,
        "+" | "=" => KeyAction::ZoomIn,
        "-" | "_" | "−" => KeyAction::ZoomOut,
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
