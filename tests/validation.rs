//! Every validation rule, each broken on purpose in a copy of the shipped data.

use serde_json::{json, Value};
use trade_widget::core::builtin::BUILTIN_JSON;
use trade_widget::core::load::{check, denied, denylist, load, load_with_overlay, DataError};

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

// ---- The source rules (issue 13): each broken on purpose in a copy -------

fn event_index(v: &Value, id: &str) -> usize {
    v["events"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

/// The warnings `check` finds in `v`, as text (the file may still be valid).
fn warnings(v: &Value) -> Vec<String> {
    check(&v.to_string())
        .1
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_confirmed_measure_needs_a_primary_text() {
    let mut v = base();
    let i = measure_index(&v, "ca-surtax-ev");
    // Only the press left: the surtax can no longer be shown as fact.
    v["measures"][i]["sources"] = json!([{
        "url": "https://www.thestar.com/x", "publisher": "Toronto Star",
        "title": "Surtax", "date": "2024-10-01", "kind": "press"
    }]);
    assert_problem(
        &v,
        &["ca-surtax-ev", "confirmed", "no source is a primary text"],
    );
    // Labelled as reported, the same sources are fine.
    v["measures"][i]["confidence"] = json!("press");
    assert_eq!(problems(&v), Vec::<String>::new());
}

#[test]
fn a_confirmed_quota_needs_a_primary_text() {
    let mut v = base();
    let sources = v["quotas"][0]["sources"].as_array().unwrap().clone();
    let press: Vec<Value> = sources
        .into_iter()
        .filter(|s| s["kind"] != "primary")
        .collect();
    v["quotas"][0]["sources"] = json!(press);
    assert_problem(&v, &["quotas[0]", "no source is a primary text"]);
}

#[test]
fn an_event_needs_an_outlet_or_an_official_page() {
    let mut v = base();
    let i = event_index(&v, "meng-arrest");
    v["events"][i]["sources"] = json!([{
        "url": "https://www.wilsoncenter.org/x", "publisher": "Wilson Center",
        "title": "A blog post", "date": "2018-12-06", "kind": "reference"
    }]);
    assert_problem(&v, &["meng-arrest", "at least one news outlet"]);
}

#[test]
fn a_source_dated_after_as_of_is_refused() {
    let mut v = base();
    let i = event_index(&v, "ev-quota-opens");
    v["events"][i]["sources"][0]["date"] = json!("2026-04-07");
    assert_problem(
        &v,
        &[
            "ev-quota-opens",
            "dated 2026-04-07",
            "after the data's as_of",
        ],
    );
    // A month is compared by its first day: March 2026 is not after March 15.
    v["events"][i]["sources"][0]["date"] = json!("2026-03");
    assert_eq!(problems(&v), Vec::<String>::new());
}

#[test]
fn a_host_on_the_denylist_is_refused_with_its_reason() {
    for (url, host) in [
        ("https://test.hilltimes.com/?p=444152", "test.hilltimes.com"),
        // Subdomains of a listed host are refused too.
        (
            "https://registry.china-gacc.agency/China_HS_code/x",
            "china-gacc.agency",
        ),
        ("https://www.zerohedge.com/political/x", "zerohedge.com"),
    ] {
        let mut v = base();
        let i = event_index(&v, "trump-threat-2024");
        v["events"][i]["sources"][0]["url"] = json!(url);
        assert_problem(
            &v,
            &[
                "trump-threat-2024",
                host,
                "source-denylist.txt",
                "not a source:",
            ],
        );
    }
    // A host that merely ends with a listed name is not refused.
    let mut v = base();
    let i = event_index(&v, "trump-threat-2024");
    v["events"][i]["sources"][0]["url"] = json!("https://notzerohedge.com/x");
    assert_eq!(problems(&v), Vec::<String>::new());
}

#[test]
fn every_denylist_entry_gives_its_reason() {
    let entries: Vec<_> = denylist().collect();
    assert!(entries.len() >= 10, "{entries:?}");
    for (host, reason) in entries {
        assert!(host.contains('.') && !host.contains('/'), "{host}");
        assert!(reason.len() > 15, "{host} has no reason");
    }
    assert!(denied("www.owiki.org").is_some());
    assert!(denied("gazette.gc.ca").is_none());
}

#[test]
fn a_source_without_title_or_date_is_a_warning_not_a_problem() {
    let mut v = base();
    let i = event_index(&v, "meng-arrest");
    let source = v["events"][i]["sources"][0].as_object_mut().unwrap();
    source.remove("title");
    source.remove("date");
    assert_eq!(problems(&v), Vec::<String>::new(), "still valid");
    let w = warnings(&v);
    assert!(
        w.iter()
            .any(|l| l.contains("meng-arrest") && l.contains("no title and no date")),
        "{w:#?}"
    );
    // The shipped data warns only about undated pages (databases, the WTO's
    // dispute page), never about a missing title.
    assert!(
        warnings(&base()).iter().all(|l| l.contains("has no date")),
        "{:#?}",
        warnings(&base())
    );
}

#[test]
fn a_plain_address_gets_the_record_form_to_write() {
    let mut v = base();
    let i = event_index(&v, "meng-arrest");
    v["events"][i]["sources"] = json!(["https://www.thestar.com/x"]);
    assert_problem(
        &v,
        &[
            "meng-arrest",
            "bare address",
            "\"url\": \"https://…\"",
            "\"kind\"",
        ],
    );
    let mut v = base();
    v["schema"] = json!(1);
    assert_problem(&v, &["schema", "reads schema 2", "each source a record"]);
}

#[test]
fn a_source_record_has_a_known_kind_and_a_publisher() {
    let mut v = base();
    let i = event_index(&v, "meng-arrest");
    v["events"][i]["sources"][0]["kind"] = json!("blog");
    v["events"][i]["sources"][0]
        .as_object_mut()
        .unwrap()
        .remove("publisher");
    let p = problems(&v);
    assert!(
        p.iter()
            .any(|l| l.contains(".sources[0].kind") && l.contains("blog")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|l| l.contains(".sources[0].publisher") && l.contains("missing")),
        "{p:#?}"
    );
}

#[test]
fn the_source_rules_report_all_at_once() {
    let mut v = base();
    let i = measure_index(&v, "ca-surtax-ev");
    v["measures"][i]["sources"] = json!([{
        "url": "https://owiki.org/wiki/x", "publisher": "owiki", "kind": "reference",
        "title": "x", "date": "2027-01-01"
    }]);
    let p = problems(&v);
    for needle in [
        "no source is a primary text",
        "source-denylist.txt",
        "after the data's as_of",
    ] {
        assert!(
            p.iter()
                .any(|l| l.contains("ca-surtax-ev") && l.contains(needle)),
            "{needle}: {p:#?}"
        );
    }
}

// ---- The law as written: the rules of the new record fields -------------

#[test]
fn an_exporter_ban_names_its_exporters_and_only_it_does() {
    let mut v = base();
    let i = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|m| m["kind"] == "exporter_ban")
        .expect("the 2019 canola bans");
    v["measures"][i]["exporters"] = json!([]);
    assert_problem(&v, &["exporters: an exporter ban names the exporters"]);
    let mut v = base();
    let j = measure_index(&v, "ca-surtax-ev");
    v["measures"][j]["exporters"] = json!(["BYD"]);
    assert_problem(&v, &["ca-surtax-ev", "only an exporter ban"]);
}

#[test]
fn two_exporter_bans_overlap_only_on_a_shared_exporter() {
    let mut v = base();
    let bans: Vec<usize> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(_, m)| m["kind"] == "exporter_ban")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(bans.len(), 2, "Richardson and Viterra, each its own window");
    assert_eq!(problems(&v), Vec::<String>::new());
    let first = v["measures"][bans[0]]["exporters"].clone();
    v["measures"][bans[1]]["exporters"] = first;
    assert_problem(&v, &["overlaps", "ban on named exporters"]);
}

#[test]
fn only_a_suspension_ends_at_least_on_a_date() {
    let mut v = base();
    let i = measure_index(&v, "ca-surtax-ev");
    v["measures"][i]["end_at_least"] = json!(true);
    assert_problem(&v, &["ca-surtax-ev", "end_at_least"]);
}

#[test]
fn settlements_describe_provisional_deposits_only() {
    let mut v = base();
    let i = measure_index(&v, "cn-ad-prov-canola-seed");
    let settlements = v["measures"][i]["settlements"].clone();
    assert_eq!(settlements.as_array().map(Vec::len), Some(2));
    // A recalculation without its rate.
    v["measures"][i]["settlements"][0]
        .as_object_mut()
        .unwrap()
        .remove("rate");
    assert_problem(&v, &["cn-ad-prov-canola-seed", "names its rate"]);
    // Deposits outside the measure's window.
    let mut v = base();
    v["measures"][i]["settlements"][1]["paid_to"] = json!("2026-03-31");
    assert_problem(
        &v,
        &["cn-ad-prov-canola-seed", "outside the measure's window"],
    );
    // On another kind of measure.
    let mut v = base();
    let j = measure_index(&v, "cn-ad-canola-seed");
    v["measures"][j]["settlements"] = settlements;
    assert_problem(&v, &["cn-ad-canola-seed", "only a provisional deposit"]);
}

#[test]
fn the_version_is_the_last_change() {
    let mut v = base();
    let version = v["version"].as_u64().unwrap();
    assert!(version >= 3);
    assert_eq!(
        v["changes"].as_array().unwrap().len() as u64,
        version,
        "one entry per version"
    );
    v["version"] = json!(version + 1);
    assert_problem(&v, &["changes", "record what version"]);
    let mut v = base();
    v["changes"][1]["version"] = json!(5);
    assert_problem(&v, &["changes[1]", "must be 2"]);
}
