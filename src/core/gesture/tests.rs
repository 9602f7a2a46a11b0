//! Tests of [`super`]: gesture.rs.

use super::*;
use crate::core::testing::day;

/// A 1000 px horizontal axis from x = 0 showing 2020-01-01 + 1000 days.
fn setup(marker: Option<&str>) -> (View, Frame) {
    let start = f64::from(day("2020-01-01").days());
    let view = View::new(start, start + 1000.0);
    let frame = Frame {
        orientation: Orientation::Horizontal,
        axis: (0.0, 1000.0),
        dpr: 1.0,
        marker: marker.map(day),
        coverage: (day("2017-01-01"), day("2026-12-31")),
    };
    (view, frame)
}

/// A mouse or pen pointer.
fn at(phase: Phase, id: i32, x: f64, y: f64) -> PointerInput {
    PointerInput {
        phase,
        id,
        x,
        y,
        touch: false,
    }
}

/// A finger.
fn finger(phase: Phase, id: i32, x: f64, y: f64) -> PointerInput {
    PointerInput {
        touch: true,
        ..at(phase, id, x, y)
    }
}

#[test]
fn a_press_that_does_not_move_is_a_tap() {
    let (view, frame) = setup(None);
    let mut g = Gestures::default();
    assert_eq!(
        g.pointer(at(Phase::Down, 1, 100.0, 50.0), view, &frame),
        Outcome::Nothing
    );
    // Within the slop: still a tap.
    assert_eq!(
        g.pointer(at(Phase::Move, 1, 103.0, 52.0), view, &frame),
        Outcome::Nothing
    );
    assert_eq!(
        g.pointer(at(Phase::Up, 1, 103.0, 52.0), view, &frame),
        Outcome::Tap { x: 103.0, y: 52.0 }
    );
    assert!(!g.active());
}

#[test]
fn a_drag_pans_by_the_distance_moved_and_is_no_tap() {
    let (view, frame) = setup(None);
    let mut g = Gestures::default();
    g.pointer(at(Phase::Down, 1, 500.0, 50.0), view, &frame);
    let Outcome::View(next) = g.pointer(at(Phase::Move, 1, 400.0, 50.0), view, &frame) else {
        panic!("a 100 px drag moves the view");
    };
    // 1 day per px: dragging left 100 px shows 100 days later.
    assert!((next.start - view.start - 100.0).abs() < 1e-9, "{next:?}");
    assert!((next.end - view.end - 100.0).abs() < 1e-9);
    assert_eq!(
        g.pointer(at(Phase::Up, 1, 400.0, 50.0), next, &frame),
        Outcome::Nothing
    );
}

#[test]
fn a_cancelled_press_is_no_tap() {
    let (view, frame) = setup(None);
    let mut g = Gestures::default();
    g.pointer(at(Phase::Down, 1, 100.0, 50.0), view, &frame);
    assert_eq!(
        g.pointer(at(Phase::Cancel, 1, 100.0, 50.0), view, &frame),
        Outcome::Nothing
    );
}

#[test]
fn pressing_on_the_marker_drags_the_date_within_the_coverage() {
    let (view, frame) = setup(Some("2020-04-10")); // day 100 of the view: x = 100
    let mut g = Gestures::default();
    g.pointer(at(Phase::Down, 7, 104.0, 30.0), view, &frame);
    assert_eq!(
        g.pointer(at(Phase::Move, 7, 300.0, 30.0), view, &frame),
        Outcome::Marker(day("2020-10-27"))
    );
    // Dragged far left (past the canvas, the pointer is captured), it
    // stops at the first covered day.
    assert_eq!(
        g.pointer(at(Phase::Move, 7, -5000.0, 30.0), view, &frame),
        Outcome::Marker(frame.coverage.0)
    );
    assert_eq!(
        g.pointer(at(Phase::Up, 7, 0.0, 30.0), view, &frame),
        Outcome::Ended
    );
}

#[test]
fn two_fingers_zoom_with_their_spread_and_move_with_their_midpoint() {
    let (view, frame) = setup(None);
    let mut g = Gestures::default();
    g.pointer(finger(Phase::Down, 1, 400.0, 50.0), view, &frame);
    assert_eq!(
        g.pointer(finger(Phase::Down, 2, 600.0, 50.0), view, &frame),
        Outcome::Nothing
    );
    // Twice as far apart, midpoint from x = 500 to x = 600: twice the
    // zoom, and day 500 (under the first midpoint) now under x = 600.
    let Outcome::View(next) = g.pointer(finger(Phase::Move, 2, 800.0, 50.0), view, &frame) else {
        panic!("a pinch zooms");
    };
    assert!((next.end - next.start - 500.0).abs() < 1e-6, "{next:?}");
    assert!((next.start - (view.start + 200.0)).abs() < 1e-6, "{next:?}");
    // Both fingers 100 px to the left of that: same zoom, day 500 under x = 500.
    g.pointer(finger(Phase::Move, 1, 300.0, 50.0), view, &frame);
    let Outcome::View(moved) = g.pointer(finger(Phase::Move, 2, 700.0, 50.0), view, &frame) else {
        panic!("two fingers move the timeline");
    };
    assert!(
        (moved.start - (view.start + 250.0)).abs() < 1e-6,
        "{moved:?}"
    );
    // A third pointer does nothing while two pinch.
    assert_eq!(
        g.pointer(finger(Phase::Move, 3, 10.0, 10.0), view, &frame),
        Outcome::Nothing
    );
    assert_eq!(
        g.pointer(finger(Phase::Up, 1, 300.0, 50.0), moved, &frame),
        Outcome::Ended
    );
}

#[test]
fn one_finger_leaves_the_timeline_still_and_asks_for_the_hint_once() {
    let (view, frame) = setup(None);
    let mut g = Gestures::default();
    g.pointer(finger(Phase::Down, 1, 500.0, 50.0), view, &frame);
    assert_eq!(
        g.pointer(finger(Phase::Move, 1, 500.0, 150.0), view, &frame),
        Outcome::TouchHint
    );
    assert_eq!(
        g.pointer(finger(Phase::Move, 1, 500.0, 250.0), view, &frame),
        Outcome::Nothing
    );
    assert_eq!(
        g.pointer(finger(Phase::Up, 1, 500.0, 250.0), view, &frame),
        Outcome::Nothing
    );
    // The browser scrolling the page cancels the finger: hint too.
    g.pointer(finger(Phase::Down, 1, 500.0, 50.0), view, &frame);
    assert_eq!(
        g.pointer(finger(Phase::Cancel, 1, 500.0, 50.0), view, &frame),
        Outcome::TouchHint
    );
    // A finger tap still selects.
    g.pointer(finger(Phase::Down, 1, 500.0, 50.0), view, &frame);
    assert_eq!(
        g.pointer(finger(Phase::Up, 1, 501.0, 50.0), view, &frame),
        Outcome::Tap { x: 501.0, y: 50.0 }
    );
}

#[test]
fn vertical_timelines_read_y() {
    let (view, mut frame) = setup(None);
    frame.orientation = Orientation::Vertical;
    let mut g = Gestures::default();
    g.pointer(at(Phase::Down, 1, 50.0, 500.0), view, &frame);
    let Outcome::View(next) = g.pointer(at(Phase::Move, 1, 50.0, 450.0), view, &frame) else {
        panic!("a vertical drag pans a vertical timeline");
    };
    assert!((next.start - view.start - 50.0).abs() < 1e-9);
}

#[test]
fn only_ctrl_or_cmd_wheel_zooms_and_around_the_pointer() {
    let (view, frame) = setup(None);
    let notch = |delta_y, zoom_key| WheelInput {
        delta_y,
        x: 0.0,
        y: 0.0,
        zoom_key,
    };
    assert_eq!(
        wheel(view, notch(-100.0, false), &frame),
        None,
        "a plain wheel scrolls the page"
    );
    let zin = wheel(view, notch(-100.0, true), &frame).expect("Ctrl + wheel zooms");
    assert!(
        (zin.start - view.start).abs() < 1e-9,
        "anchored at the left edge"
    );
    assert!((zin.end - zin.start - 800.0).abs() < 1e-6, "{zin:?}");
    let zout = wheel(view, notch(100.0, true), &frame).expect("Ctrl + wheel zooms");
    assert!((zout.end - zout.start - 1250.0).abs() < 1e-6, "{zout:?}");
}

#[test]
fn the_key_map() {
    assert_eq!(
        key_action("ArrowDown"),
        Some(KeyAction::Step { forward: true })
    );
    assert_eq!(
        key_action("ArrowLeft"),
        Some(KeyAction::Step { forward: false })
    );
    assert_eq!(key_action(" "), Some(KeyAction::Open));
    assert_eq!(key_action("−"), Some(KeyAction::ZoomOut));
    assert_eq!(key_action("="), Some(KeyAction::ZoomIn));
    assert_eq!(key_action("Escape"), Some(KeyAction::Close));
    assert_eq!(key_action("Tab"), None);
    assert_eq!(key_action("PageDown"), None);
}
