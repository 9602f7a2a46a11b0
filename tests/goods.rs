//! Which goods count: the flows' `headings`, `scope`, `schedule` and
//! `keywords` in the shipped data, and each of their rules broken on purpose
//! in a copy of it.

use serde_json::{json, Value};
use trade_widget::core::builtin::BUILTIN_JSON;
use trade_widget::core::load::{check, load};
use trade_widget::core::model::SourceKind;

fn base() -> Value {
    serde_json::from_str(BUILTIN_JSON).unwrap()
}

fn problems(v: &Value) -> Vec<String> {
    match load(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

fn assert_problem(v: &Value, needles: &[&str]) {
    let p = problems(v);
    assert!(
        p.iter().any(|l| needles.iter().all(|n| l.contains(n))),
        "expected a problem containing {needles:?}, got {p:#?}"
    );
}

const EV: &str = "flows[0] (id \"cn-ev-to-ca\")";

#[test]
fn every_shipped_flow_says_which_goods_count() {
    let ds = load(BUILTIN_JSON).unwrap();
    for f in &ds.flows {
        let scope = f
            .scope
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no scope", f.id));
        assert!(!scope.en.is_empty() && !scope.fr.is_empty(), "{}", f.id);
        let schedule = f
            .schedule
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no schedule", f.id));
        assert_eq!(schedule.kind, SourceKind::Primary, "{}", f.id);
        assert!(
            schedule.title.is_some() && schedule.date.is_some(),
            "{}",
            f.id
        );
        assert!(
            !f.keywords.en.is_empty() && !f.keywords.fr.is_empty(),
            "{}: keywords in both languages",
            f.id
        );
    }
    let headings = |id: &str| ds.flow(id).unwrap().headings.clone();
    assert_eq!(headings("cn-ev-to-ca"), ["8703.80"]);
    assert_eq!(headings("ca-canola-seed-to-cn"), ["1205.10", "1205.90"]);
    assert_eq!(headings("ca-canola-meal-to-cn"), ["2306.41"]);
    // Lines the sources did not confirm are not given as codes.
    for id in [
        "cn-steel-to-ca",
        "ca-canola-oil-to-cn",
        "ca-peas-to-cn",
        "ca-pork-to-cn",
    ] {
        assert!(headings(id).is_empty(), "{id}");
    }
}

#[test]
fn headings_are_hs_codes_listed_once() {
    let mut v = base();
    v["flows"][0]["headings"] = json!(["87038", "8703.80", "8703.80", "ab.cd"]);
    assert_problem(&v, &[EV, "headings[0] \"87038\" is not an HS code"]);
    assert_problem(&v, &[EV, "headings[2] \"8703.80\" is listed twice"]);
    assert_problem(&v, &[EV, "headings[3] \"ab.cd\""]);
    v["flows"][0]["headings"] = json!("8703.80");
    assert_problem(&v, &["flows[0].headings", "list of texts"]);
}

#[test]
fn scope_is_one_line_in_both_languages() {
    let mut v = base();
    v["flows"][0]["scope"] = json!({ "en": "Electric cars" });
    assert_problem(&v, &[EV, "scope: the French text is missing"]);
    v["flows"][0]["scope"] = json!({ "en": "x".repeat(201), "fr": "Voitures" });
    assert_problem(&v, &[EV, "scope.en is 201 characters"]);
}

#[test]
fn the_schedule_is_a_primary_source_record() {
    let mut v = base();
    v["flows"][0]["schedule"]["kind"] = json!("press");
    assert_problem(&v, &[EV, "schedule", "primary"]);
    v["flows"][0]["schedule"] =
        json!("https://laws-lois.justice.gc.ca/eng/regulations/SOR-2024-187/");
    assert_problem(&v, &[EV, "bare address"]);
    let mut v = base();
    v["flows"][0]["schedule"]["url"] = json!("http://laws-lois.justice.gc.ca/");
    assert_problem(&v, &[EV, "not an https:// address"]);
    let mut v = base();
    v["flows"][0]["schedule"]["date"] = json!("2027-01-01");
    assert_problem(&v, &[EV, "after the data's as_of"]);
}

#[test]
fn keywords_are_words_in_english_and_french() {
    let mut v = base();
    v["flows"][0]["keywords"] =
        json!({ "en": ["EV", " "], "fr": ["x".repeat(41)], "de": ["E-Auto"] });
    assert_problem(&v, &[EV, "keywords.en[1] is empty"]);
    assert_problem(&v, &[EV, "keywords.fr[0]", "41 characters"]);
    assert_problem(&v, &["flows[0].keywords.de", "unknown field"]);
    v["flows"][0]["keywords"] = json!(["EV"]);
    assert_problem(&v, &["flows[0].keywords", "must be an object"]);
}

#[test]
fn every_goods_problem_is_reported_at_once() {
    let mut v = base();
    v["flows"][0]["headings"] = json!(["87"]);
    v["flows"][3]["scope"] = json!({ "en": "Seed" });
    v["flows"][5]["schedule"]["kind"] = json!("reference");
    let p = problems(&v);
    assert!(p.len() >= 3, "{p:#?}");
    assert!(
        p.iter().any(|l| l.contains("ca-canola-seed-to-cn")),
        "{p:#?}"
    );
    assert!(
        p.iter().any(|l| l.contains("ca-canola-meal-to-cn")),
        "{p:#?}"
    );
}

#[test]
fn a_page_flow_written_before_these_fields_still_loads() {
    // A page's own flow with the old free-text "hs" and none of the new fields.
    let overlay = json!({ "flows": [{
        "id": "page-flow", "origin": "CN", "destination": "CA",
        "name": { "en": "Widgets", "fr": "Gadgets" }, "hs": "9503",
        "currency": "CAD", "unit": { "en": "unit", "fr": "unité" }, "default_value": 10
    }]});
    let mut v = base();
    v["flows"]
        .as_array_mut()
        .unwrap()
        .push(overlay["flows"][0].clone());
    let (result, warnings) = check(&v.to_string());
    let ds = result.expect("loads");
    let f = ds.flow("page-flow").unwrap();
    assert!(f.headings.is_empty() && f.scope.is_none() && f.schedule.is_none());
    assert!(
        warnings
            .iter()
            .any(|w| w.record.contains("page-flow") && w.message.contains("hs is no longer read")),
        "{warnings:#?}"
    );
}
