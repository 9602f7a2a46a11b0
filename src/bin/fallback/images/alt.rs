//! The pictures' alternative texts, written from the data.

use super::*;
use trade_widget::core::chart_data::duty_table;
use trade_widget::core::engine::Comparison;
use trade_widget::core::format::{Formats, LocaleFormats};
use trade_widget::core::model::{Dataset, Lang};
use trade_widget::core::reader::reference_label;
use trade_widget::core::summary::sentence;

pub(super) fn calc_alt(ds: &Dataset, cmp: &Comparison, lang: Lang) -> String {
    let f = LocaleFormats(lang);
    let t = texts(lang);
    let said = sentence(ds, cmp, reference_label(ds, cmp, lang), None, lang, &f);
    let table = duty_table(cmp, lang, &f);
    let rows: Vec<String> = table
        .rows
        .iter()
        .map(|r| {
            let sep = if lang == Lang::Fr { " : " } else { ": " };
            format!("{}{sep}{}", r[0], r[1..].join(" → "))
        })
        .collect();
    format!(
        "{said} {} ({} → {}): {}.",
        t[5],
        table.columns[1],
        table.columns[2],
        rows.join("; ")
    )
}

pub(super) fn timeline_alt(ds: &Dataset, lang: Lang) -> String {
    let f = LocaleFormats(lang);
    let (from, to) = (ds.coverage.0.year(), ds.coverage.1.year());
    let key: Vec<String> = ds
        .events
        .iter()
        .filter(|e| e.priority == 1)
        .map(|e| {
            format!(
                "{}{}{}",
                f.date_with(e.date, e.precision),
                if lang == Lang::Fr { " : " } else { ": " },
                e.title.get(lang)
            )
        })
        .collect();
    match lang {
        Lang::En => format!(
            "Timeline of Canada–China relations, {from} to {to}, {} events. Key dates: {}.",
            ds.events.len(),
            key.join("; ")
        ),
        Lang::Fr => format!(
            "Chronologie des relations Canada–Chine, de {from} à {to}, {} événements. Dates clés : {}.",
            ds.events.len(),
            key.join(" ; ")
        ),
    }
}
