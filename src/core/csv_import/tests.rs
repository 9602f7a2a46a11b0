//! Tests of [`super`] (the events spreadsheet reader).

use super::*;
use crate::core::builtin::BUILTIN_JSON;
use crate::core::csv::{category_name, events_to_csv, row};

const HEAD: &str =
    "date,end date,category,English title,French title,English text,French text,sources\r\n";

#[test]
fn reads_a_file_with_quotes_commas_and_line_breaks() {
    let csv = format!(
        "{HEAD}2018-12-01,,detention,\"Meng, arrested\",Meng arrêtée,\"Two\nlines, \"\"quoted\"\"\",Deux lignes,https://www.cbc.ca/a https://www.canada.ca/b\r\n,,,,,,,\r\n"
    );
    let read = events_from_csv(&csv).unwrap();
    assert_eq!(read.events.len(), 1, "the empty row is skipped");
    let e = &read.events[0];
    assert_eq!(
        e.get("id").unwrap().as_str(),
        Some("2018-12-01-meng-arrested")
    );
    assert_eq!(
        e.get("description").unwrap().get("en").unwrap().as_str(),
        Some("Two\nlines, \"quoted\"")
    );
    let sources = e.get("sources").unwrap().as_array().unwrap();
    assert_eq!(
        sources[0].get("publisher").unwrap().as_str(),
        Some("cbc.ca")
    );
    assert_eq!(sources[0].get("kind").unwrap().as_str(), Some("press"));
    assert_eq!(sources[1].get("kind").unwrap().as_str(), Some("primary"));
    assert_eq!(read.lines, vec![2]);
}

#[test]
fn every_problem_at_once_with_line_and_column() {
    let csv = format!(
        "{HEAD}2019-13-01,2018-01-01,weather,,Titre,Text,Texte,http://x.org\r\n2020-01-01,,trade,A,B,C,D,https://a.ca,extra\r\n2021,,trade,\"A\"x,B,C,D,https://a.ca\r\n2022,,trade,A,B,C,D,\"https://a.ca\n"
    );
    let problems = events_from_csv(&csv).unwrap_err();
    let at: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.column)).collect();
    // Line 2: the date, the category, the empty English title, the http source.
    assert!(at.contains(&(2, 1)), "{problems:?}");
    assert!(at.contains(&(2, 23)), "category: {problems:?}");
    assert!(at.contains(&(2, 31)), "English title: {problems:?}");
    assert!(problems.iter().any(|p| p.message.contains("http://x.org")));
    // Line 3: a cell too many, at the extra cell.
    assert!(
        problems
            .iter()
            .any(|p| p.line == 3 && p.message.contains("9 cells")),
        "{problems:?}"
    );
    // Line 4: text after a closing quote; line 5: a quote never closed.
    assert!(problems
        .iter()
        .any(|p| p.line == 4 && p.message.contains("closing quote")));
    assert!(problems
        .iter()
        .any(|p| p.line == 5 && p.column == 21 && p.message.contains("never closed")));
    let unknown = events_from_csv("date,end date,category,English title,French title,English text,French text,sources,notes\n")
        .unwrap_err();
    assert_eq!((unknown[0].line, unknown[0].column), (1, 84));
    assert!(unknown[0].message.contains("\"notes\""));
    let missing = events_from_csv("date,category\n").unwrap_err();
    assert_eq!(missing.len(), 6, "{missing:?}");
}

#[test]
fn ids_are_the_date_and_the_title_and_stay_unique() {
    assert_eq!(
        event_id("2026-01-16", "Canada and China strike a deal"),
        "2026-01-16-canada-and-china-strike-a-deal"
    );
    assert_eq!(
        event_id("2019", "Cœur d’Ébène: « élan »"),
        "2019-coeur-d-ebene-elan"
    );
    assert_eq!(event_id("2019-03", "北京"), "2019-03-event");
    let csv = format!(
        "{HEAD}2019,,trade,Same,A,B,C,https://a.ca\r\n2019,,trade,Same,Z,B,C,https://a.ca\r\n"
    );
    let read = events_from_csv(&csv).unwrap();
    let ids: Vec<&str> = read
        .events
        .iter()
        .map(|e| e.get("id").unwrap().as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2019-same", "2019-same-2"]);
}

#[test]
fn a_data_file_from_csv_passes_the_data_rules_or_says_where_it_does_not() {
    let csv = format!("{HEAD}2019-03-01,,trade,A canola ban,Une interdiction,Text.,Texte.,https://www.cbc.ca/x\r\n");
    let header = header_names(&csv);
    let data = data_from_csv(BUILTIN_JSON, &csv, &header).unwrap();
    let ds = load(&data).unwrap();
    assert_eq!(ds.events.len(), 1);
    // A rule only the data file knows (a source host on the denylist) comes back to its cell.
    let host = crate::core::load::denylist()
        .next()
        .map(|(h, _)| h.to_string());
    if let Some(host) = host {
        let bad = format!("{HEAD}2019-03-01,,trade,A,B,C,D,https://{host}/x\r\n");
        let problems = data_from_csv(BUILTIN_JSON, &bad, &header_names(&bad)).unwrap_err();
        assert!(
            problems.iter().any(|p| p.line == 2 && p.column == 8),
            "{problems:?}"
        );
    }
}

#[test]
fn json_to_csv_to_json_is_identical_for_the_story_s_events() {
    // The built-in events, as the widget's download writes them, read back: then once more.
    let ds = load(BUILTIN_JSON).unwrap();
    let first = data_from_csv(BUILTIN_JSON, &events_to_csv(&ds), &[]).unwrap();
    let again = data_from_csv(BUILTIN_JSON, &events_to_csv(&load(&first).unwrap()), &[]).unwrap();
    assert_eq!(first, again);
    assert_eq!(
        load(&first).unwrap().events.len(),
        ds.events.len(),
        "nothing lost"
    );
    assert_eq!(row(&["a"]), "a\r\n");
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        // Letters, accents, quotes, commas, line breaks and spaces (not only spaces).
        "[a-zA-Zéè«»’ ,\"\n;]{0,12}[a-zA-Z]".prop_map(|s| s)
    }

    fn date() -> impl Strategy<Value = (String, Option<String>)> {
        (
            2017..2027i32,
            1..13u32,
            1..29u32,
            0..3u8,
            proptest::bool::ANY,
        )
            .prop_map(|(y, m, d, p, span)| {
                let full = format!("{y}-{m:02}-{d:02}");
                let date = match p {
                    0 => full.clone(),
                    1 => format!("{y}-{m:02}"),
                    _ => format!("{y}"),
                };
                let end = span.then(|| format!("{}-12-31", y.max(2017)));
                (date, end)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn json_to_csv_to_json_is_identical(
            rows in proptest::collection::vec(
                (date(), 0..5usize, text(), text(), text(), text(), 1..3usize),
                1..8,
            )
        ) {
            let mut csv = String::from(HEAD);
            for ((date, end), cat, t_en, t_fr, d_en, d_fr, n) in &rows {
                let cat = category_name(CATEGORIES[*cat]);
                let urls: Vec<String> = (0..*n).map(|i| format!("https://news{i}.example.ca/a,b?c={i}")).collect();
                csv.push_str(&row(&[
                    date.as_str(), end.as_deref().unwrap_or(""), cat, t_en, t_fr, d_en, d_fr, &urls.join(" "),
                ]));
            }
            let json = data_from_csv(BUILTIN_JSON, &csv, &[]).unwrap();
            // JSON → CSV (the widget's download) → JSON.
            let ds = load(&json).unwrap();
            prop_assert_eq!(ds.events.len(), rows.len());
            let back = data_from_csv(BUILTIN_JSON, &events_to_csv(&ds), &[]).unwrap();
            prop_assert_eq!(back, json);
        }
    }
}
