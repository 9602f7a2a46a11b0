//! CSV files a reader downloads: the timeline's events, the calculator's
//! breakdown and its rate series (RFC 4180: comma-separated, fields quoted
//! when they need it, CRLF line ends).
//!
//! The writer is [`escape`] and [`row`]; the files are built from them. The
//! web layer puts [`BOM`] in front when it makes the download, so that a
//! spreadsheet opens the French accents as UTF-8; the strings here carry no
//! BOM, so a reader of this module (an editor's import) sees plain CSV.
//!
//! Figures are written for machines, not for one locale: dates in ISO 8601
//! (`2026-03-02`, or `2019-03` for an event known to the month), amounts in
//! major units with a full stop (`2440.00`), rates in percent (`6.1`).
//! Column headings of the calculator's files are in the reader's language;
//! the events file's headings are fixed ([`EVENT_COLUMNS`]), as an import
//! will look for them.

use super::chart_data::RateRow;
use super::date::{Date, Precision};
use super::engine::{Comparison, Quote};
use super::i18n::{Lang, Msg};
use super::model::{Category, Dataset, Event};
use super::money::{Rate, MINOR_PER_MAJOR};
use super::summary;
use std::borrow::Cow;

/// The byte order mark a download starts with (U+FEFF, in UTF-8 `EF BB BF`).
pub const BOM: &str = "\u{feff}";

/// The events file's columns, in order.
pub const EVENT_COLUMNS: [&str; 8] = [
    "date",
    "end date",
    "category",
    "English title",
    "French title",
    "English text",
    "French text",
    "sources",
];

/// One field as CSV writes it: quoted (with inner quotes doubled) when it
/// holds a comma, a quote, a line break, or space at either end.
pub fn escape(field: &str) -> Cow<'_, str> {
    let needs =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

/// One record: the fields escaped, joined by commas, ended by CRLF.
pub fn row(fields: &[&str]) -> String {
    let mut line = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&escape(f));
    }
    line.push_str("\r\n");
    line
}

/// A category as the data file names it (`public_opinion`).
pub fn category_name(c: Category) -> &'static str {
    match c {
        Category::Diplomacy => "diplomacy",
        Category::Trade => "trade",
        Category::Detention => "detention",
        Category::Security => "security",
        Category::PublicOpinion => "public_opinion",
    }
}

/// A date as precisely as it is known: `2019-03-01`, `2019-03`, `2019`.
pub fn partial_date(date: Date, precision: Precision) -> String {
    let full = date.to_string();
    let len = match precision {
        Precision::Day => 10,
        Precision::Month => 7,
        Precision::Year => 4,
    };
    full.get(..len).unwrap_or(&full).to_string()
}

/// Minor units as a plain decimal in major units: `244000` → `2440.00`.
pub fn amount(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let per = MINOR_PER_MAJOR.unsigned_abs();
    format!("{sign}{}.{:02}", abs / per, abs % per)
}

/// A rate in percent without the sign: `Rate(610)` → `6.1`.
pub fn percent(rate: Rate) -> String {
    let s = rate.to_string();
    s.trim_end_matches('%').to_string()
}

fn event_row(e: &Event) -> String {
    row(&[
        &partial_date(e.date, e.precision),
        &e.end.map(|d| d.to_string()).unwrap_or_default(),
        category_name(e.category),
        &e.title.en,
        &e.title.fr,
        &e.description.en,
        &e.description.fr,
        &e.sources.join(" "),
    ])
}

/// Every event of the dataset, in date order, under [`EVENT_COLUMNS`].
pub fn events_to_csv(ds: &Dataset) -> String {
    let mut out = row(&EVENT_COLUMNS);
    for e in ds.events() {
        out.push_str(&event_row(e));
    }
    out
}

/// One quote's layers and its total, each row starting with the date.
fn quote_rows(out: &mut String, q: &Quote, lang: Lang) {
    let date = q.date.to_string();
    let cur = q.currency.code();
    for l in &q.layers {
        out.push_str(&row(&[
            date.as_str(),
            l.name.get(lang),
            l.kind.label(lang),
            summary::status_label(&l.status, lang),
            &l.rate.map(percent).unwrap_or_default(),
            &amount(l.base_minor),
            &amount(l.amount_minor),
            cur,
            l.instrument.get(lang),
            &l.sources.join(" "),
        ]));
    }
    out.push_str(&row(&[
        date.as_str(),
        Msg::Total.text(lang),
        "",
        if q.blocked { Msg::Ban.text(lang) } else { "" },
        &percent(q.effective),
        &amount(q.value_minor),
        &amount(q.total_duty_minor),
        cur,
        "",
        "",
    ]));
}

/// The breakdown on both dates of the comparison, the earlier date first:
/// a row per layer in force, then the day's total.
pub fn breakdown_to_csv(cmp: &Comparison, lang: Lang) -> String {
    let mut out = row(&[
        Msg::Date.text(lang),
        Msg::ColLayer.text(lang),
        Msg::CsvKind.text(lang),
        Msg::CsvStatus.text(lang),
        Msg::CsvRatePercent.text(lang),
        Msg::ColBase.text(lang),
        Msg::ColAmount.text(lang),
        Msg::Currency.text(lang),
        Msg::ColInstrument.text(lang),
        Msg::Sources.text(lang),
    ]);
    let mut quotes = [&cmp.reference, &cmp.selected];
    if quotes[1].date < quotes[0].date {
        quotes.swap(0, 1);
    }
    for q in quotes {
        quote_rows(&mut out, q, lang);
    }
    out
}

/// The rate-over-time steps: the day each began, the rate, and what changed.
pub fn rates_to_csv(rows: &[RateRow], lang: Lang) -> String {
    let mut out = row(&[
        Msg::ColSince.text(lang),
        Msg::CsvRatePercent.text(lang),
        Msg::ColCause.text(lang),
    ]);
    for r in rows {
        out.push_str(&row(&[
            &r.date.to_string(),
            &percent(r.rate),
            &r.cause_text(lang),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::builtin::BUILTIN_JSON;
    use crate::core::load::load;

    #[test]
    fn escapes_only_what_needs_it() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape(""), "");
        assert_eq!(escape("a,b"), "\"a,b\"");
        assert_eq!(escape("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(escape("two\nlines"), "\"two\nlines\"");
        assert_eq!(escape(" padded"), "\" padded\"");
        assert_eq!(escape("l’entente « x »"), "l’entente « x »");
        assert_eq!(row(&["a", "b,c", ""]), "a,\"b,c\",\r\n");
        assert_eq!(row(&[]), "\r\n");
    }

    #[test]
    fn figures_are_locale_free() {
        assert_eq!(amount(244_000), "2440.00");
        assert_eq!(amount(5), "0.05");
        assert_eq!(amount(-1_050), "-10.50");
        assert_eq!(percent(Rate(610)), "6.1");
        assert_eq!(percent(Rate(10_610)), "106.1");
        assert_eq!(percent(Rate(0)), "0");
        let d = Date::parse("2019-03-01").unwrap();
        assert_eq!(partial_date(d, Precision::Day), "2019-03-01");
        assert_eq!(partial_date(d, Precision::Month), "2019-03");
        assert_eq!(partial_date(d, Precision::Year), "2019");
    }

    /// Splits one CSV text into records of fields (the reverse of `row`,
    /// enough to check what was written).
    fn read(text: &str) -> Vec<Vec<String>> {
        let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
        let (mut quoted, mut chars) = (false, text.chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => record.push(std::mem::take(&mut field)),
                ('\r', false) => {}
                ('\n', false) => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (c, _) => field.push(c),
            }
        }
        records
    }

    #[test]
    fn events_file_has_every_event_and_its_columns() {
        let ds = load(BUILTIN_JSON).unwrap();
        let csv = events_to_csv(&ds);
        assert!(
            !csv.starts_with(BOM),
            "the BOM is the download's, not the writer's"
        );
        let records = read(&csv);
        assert_eq!(records[0], EVENT_COLUMNS.map(String::from).to_vec());
        assert_eq!(records.len(), ds.events.len() + 1);
        for (r, e) in records[1..].iter().zip(&ds.events) {
            assert_eq!(r.len(), 8, "{}", e.id);
            assert_eq!(
                Date::parse_partial(&r[0]).unwrap(),
                (e.date, e.precision),
                "{}",
                e.id
            );
            assert_eq!(r[1], e.end.map(|d| d.to_string()).unwrap_or_default());
            assert_eq!(r[2], category_name(e.category));
            assert_eq!(
                [&r[3], &r[4], &r[5], &r[6]],
                [
                    &e.title.en,
                    &e.title.fr,
                    &e.description.en,
                    &e.description.fr
                ]
            );
            let sources: Vec<&str> = r[7].split(' ').filter(|s| !s.is_empty()).collect();
            assert_eq!(sources, e.sources.iter().map(|s| &**s).collect::<Vec<_>>());
        }
        // Category names are the data file's own.
        let raw: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        for (json, e) in raw["events"].as_array().unwrap().iter().zip(&ds.events) {
            if json["id"] == e.id.as_str() {
                assert_eq!(json["category"], category_name(e.category));
            }
        }
    }

    #[test]
    fn breakdown_file_adds_up_and_speaks_french() {
        let ds = load(BUILTIN_JSON).unwrap();
        let s = crate::core::engine::Shipment {
            flow: "cn-ev-to-ca".into(),
            value_minor: 4_000_000,
            currency: crate::core::money::Currency::CAD,
            date: Date::parse("2025-09-01").unwrap(),
            quantity: 1,
            quota_used: 0,
        };
        let cmp =
            crate::core::engine::compare(&ds, &s, Date::parse("2024-01-01").unwrap()).unwrap();
        let csv = breakdown_to_csv(&cmp, Lang::Fr);
        let records = read(&csv);
        assert_eq!(records[0][0], "Date d’entrée");
        assert!(records.iter().all(|r| r.len() == 10));
        // The earlier date first, each date ending with its total.
        let totals: Vec<&Vec<String>> =
            records.iter().filter(|r| r[1] == "Droits totaux").collect();
        assert_eq!(totals.len(), 2);
        assert_eq!(totals[0][0], "2024-01-01");
        assert_eq!(totals[1][0], "2025-09-01");
        assert_eq!(totals[1][6], amount(cmp.selected.total_duty_minor));
        let layers_sum: i64 = cmp.selected.layers.iter().map(|l| l.amount_minor).sum();
        assert_eq!(layers_sum, cmp.selected.total_duty_minor);
        assert!(csv.contains("Surtaxe"), "{csv}");
    }
}
