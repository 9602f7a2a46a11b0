//! Every validation rule, each broken on purpose in a copy of the shipped data.

use serde_json::{json, Value};
use trade_widget::core::load::{load, load_with_overlay, DataError, BUILTIN_JSON};

fn base() -> Value {
    serde_json::from_str(BUILTIN_JSON).unwrap()
}

/// The problems reported for `v`, as text.
fn problems(v: &Value) -> Vec<String> {
    match load(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

fn measure_index(v: &Value, id: &str) -> usize {
    v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no measure {id}"))
}

fn assert_problem(v: &Value, needles: &[&str]) {
    let p = problems(v);
    assert!(
        p.iter()
            .any(|line| needles.iter().all(|n| line.contains(n))),
        "expected a problem containing {needles:?}, got {p:#?}"
    );
}

#[test]
fn the_shipped_data_is_valid() {
    assert_eq!(problems(&base()), Vec::<String>::new());
}

#[test]
fn malformed_json_gets_line_and_column() {
    let text = "{\n  \"schema\": 1,\n  \"flows\": [ oops ]\n}";
    let err = load(text).unwrap_err();
    match &err.0[0] {
        DataError::Syntax { line, column, .. } => assert_eq!((*line, *column), (3, 14)),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("line 3, column 14"));
}

#[test]
fn schema_errors_name_the_json_path() {
    let mut v = base();
    v["measures"][3]["rate"] = json!("six");
    v["events"][5]["category"] = json!("gossip");
    let p = problems(&v);
    assert!(
        p.iter().any(|l| l.starts_with("measures[3].rate:")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|l| l.starts_with("events[5].category:") && l.contains("gossip")),
        "{p:#?}"
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let mut v = base();
    v["measures"][0]["flow"] = json!("no-such-flow");
    v["events"][0]["sources"] = json!(["http://example.com"]);
    v["flows"][0]["name"]["fr"] = json!("");
    assert!(problems(&v).len() >= 3, "{:#?}", problems(&v));
}

#[test]
fn unknown_flow_references() {
    let mut v = base();
    v["measures"][2]["flow"] = json!("cn-unicorns-to-ca");
    assert_problem(
        &v,
        &["measures[2]", "flow \"cn-unicorns-to-ca\" is not in flows"],
    );
}

#[test]
fn end_before_start() {
    let mut v = base();
    let i = measure_index(&v, "ca-surtax-ev");
    v["measures"][i]["end"] = json!("2020-01-01");
    assert_problem(
        &v,
        &[
            "ca-surtax-ev",
            "ends (2020-01-01) before it starts (2024-10-01)",
        ],
    );
}

#[test]
fn overlapping_layers_of_the_same_kind() {
    let mut v = base();
    let mut copy = v["measures"][measure_index(&v, "ca-surtax-ev")].clone();
    copy["id"] = json!("ca-surtax-ev-twice");
    copy["start"] = json!("2025-01-01");
    v["measures"].as_array_mut().unwrap().push(copy);
    assert_problem(&v, &["ca-surtax-ev-twice", "overlaps \"ca-surtax-ev\""]);
}

#[test]
fn rates_outside_0_to_1000_percent() {
    let mut v = base();
    let i = measure_index(&v, "ca-surtax-ev");
    v["measures"][i]["rate"] = json!(1000.5);
    assert_problem(&v, &["ca-surtax-ev", "outside 0–1000 %"]);
    v["measures"][i]["rate"] = json!(-1);
    assert_problem(&v, &["ca-surtax-ev", "outside 0–1000 %"]);
    v["measures"][i]["rate"] = json!(6.125);
    assert_problem(&v, &["ca-surtax-ev", "two decimals"]);
}

#[test]
fn sources_must_be_https() {
    for bad in [
        "http://gazette.gc.ca/x",
        "javascript:alert(1)",
        "data:text/html,<script>",
        "ftp://x",
        "",
    ] {
        let mut v = base();
        v["events"][1]["sources"] = json!([{"url": bad, "publisher": "X", "kind": "press"}]);
        assert_problem(&v, &["events[1]", "not an https:// address"]);
    }
}

#[test]
fn french_text_is_required() {
    let mut v = base();
    v["events"][2]["title"] = json!({"en": "Only English"});
    assert_problem(&v, &["events[2]", "title: the French text is missing"]);
    let mut v = base();
    v["flows"][1]["unit"]["fr"] = json!("  ");
    assert_problem(&v, &["flows[1]", "unit: the French text is missing"]);
}

#[test]
fn unknown_schema_version_and_fields() {
    let mut v = base();
    v["schema"] = json!(3);
    assert_problem(&v, &["schema", "reads schema 2"]);
    let mut v = base();
    v["measures"][0]["colour"] = json!("red");
    assert_problem(&v, &["measures[0].colour", "unknown field"]);
}

#[test]
fn suspensions_must_name_a_measure_of_their_flow() {
    let mut v = base();
    let i = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["kind"] == "suspension")
        .unwrap();
    v["measures"][i]["suspends"] = json!("nothing-here");
    assert_problem(&v, &["suspends \"nothing-here\", which is not in measures"]);
}

#[test]
fn duplicate_ids() {
    let mut v = base();
    let first = v["events"][0]["id"].clone();
    v["events"][1]["id"] = first;
    assert_problem(&v, &["events[1]", "is used twice"]);
}

#[test]
fn garbage_never_panics() {
    for text in [
        "",
        "null",
        "[]",
        "42",
        "{}",
        "{\"flows\": 3}",
        "{\"schema\": \"x\"}",
        "\u{feff}{",
        "{\"events\":[{}]}",
    ] {
        assert!(load(text).is_err(), "{text:?}");
    }
}

#[test]
fn an_inline_overlay_extends_and_replaces_records() {
    let overlay = json!({
        "events": [{
            "id": "newsroom-note", "date": "2026-03-10",
            "title": {"en": "Our reporter visits Regina", "fr": "Notre journaliste à Regina"},
            "description": {"en": "Local angle.", "fr": "Angle local."},
            "category": "trade",
            "sources": [{"url": "https://example.com/story", "publisher": "Our newsroom", "title": "Regina", "date": "2026-03-10", "kind": "press"}],
            "confidence": "confirmed"
        }]
    });
    let ds = load_with_overlay(BUILTIN_JSON, &overlay.to_string()).unwrap();
    assert!(ds.events.iter().any(|e| e.id == "newsroom-note"));
    let bad = json!({"events": [{"id": "x", "date": "2026-02-30"}]});
    assert!(load_with_overlay(BUILTIN_JSON, &bad.to_string()).is_err());
    assert!(load_with_overlay(BUILTIN_JSON, "{ not json").is_err());
}
