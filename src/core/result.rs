//! The calculator's result as text, apart from the summary sentence
//! ([`super::summary`]): the rows of the breakdown table and the notes under
//! it. The web layer writes these strings into the DOM as they are; the
//! no-JS fallback and the tests read the same ones.

use super::engine::{Conversion, Layer, LayerStatus, Quote};
use super::format::Formats;
use super::i18n::{fill, Lang, Msg};
use super::model::{host_of, Dataset};
use super::summary;

/// One row of the breakdown table.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownRow<'a> {
    /// The row header: "Surtax · Surtax · suspended", with a confidence label.
    pub head: String,
    /// Rate, the value it is charged on, amount.
    pub figures: [String; 3],
    /// The layer: its instrument and sources fill the last column.
    pub layer: &'a Layer,
}

impl BreakdownRow<'_> {
    /// Whether the layer costs nothing (drawn dimmed).
    pub fn is_off(&self) -> bool {
        self.layer.amount_minor == 0
    }
}

/// The table's column headings after the row header, in order; each figure
/// cell repeats its heading as a label, so a row can become a card on a phone.
pub const FIGURE_COLUMNS: [Msg; 3] = [Msg::ColRate, Msg::ColBase, Msg::ColAmount];

/// The breakdown of `q`, a row per layer in force.
pub fn breakdown<'a>(q: &'a Quote, lang: Lang, f: &impl Formats) -> Vec<BreakdownRow<'a>> {
    q.layers
        .iter()
        .map(|l| {
            let mut name = l.name.get(lang).to_string();
            if let Some(label) = summary::confidence_label(l.confidence, lang) {
                name.push_str(&format!(" ({label})"));
            }
            let status = summary::status_label(&l.status, lang);
            let kind = l.kind.label(lang);
            let head = if status.is_empty() {
                format!("{name} · {kind}")
            } else {
                format!("{name} · {kind} · {status}")
            };
            let rate = l.rate.map_or_else(|| "—".to_string(), |r| f.percent(r));
            // A ban charges nothing and on nothing.
            let base = if matches!(
                l.status,
                LayerStatus::Ban | LayerStatus::NamedExporters { .. }
            ) {
                "—".to_string()
            } else {
                f.money(l.base_minor, q.currency)
            };
            BreakdownRow {
                head,
                figures: [rate, base, f.money(l.amount_minor, q.currency)],
                layer: l,
            }
        })
        .collect()
}

/// Everything in the rows except their figures: when a new value leaves it
/// unchanged, only the figure cells need editing, not the table.
pub fn breakdown_shape(rows: &[BreakdownRow], lang: Lang) -> String {
    let mut key = String::new();
    for r in rows {
        key.push_str(&r.head);
        key.push(if r.is_off() { '0' } else { '1' });
        key.push_str(r.layer.instrument.get(lang));
        for src in &r.layer.sources {
            key.push_str(src);
        }
        key.push('\n');
    }
    key
}

/// The notes under the result, and which of them describes the quota (it is
/// also shown under the quota field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notes {
    pub items: Vec<String>,
    pub quota: Option<String>,
    /// The last note: the data's date and version, and what the version changed.
    pub data: DataNote,
}

/// "Data as of March 15, 2026 · version 3 · what changed", with the last
/// change behind the disclosure: the reader sees which numbers they are
/// looking at and why they differ from an earlier copy of the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataNote {
    /// "Data as of March 15, 2026 · version 3": the note's visible text.
    pub line: String,
    /// "what changed": the disclosure's summary (`None` without a history).
    pub more: Option<String>,
    /// "Version 3, November 30, 2026: …": the disclosure's content.
    pub change: Option<String>,
}

impl DataNote {
    /// The note as one line of plain text (the fallback, the tests).
    pub fn text(&self) -> String {
        match (&self.more, &self.change) {
            (Some(more), Some(change)) => format!("{} · {more}: {change}", self.line),
            _ => self.line.clone(),
        }
    }
}

/// The data's date, version and last change, in `lang`.
pub fn data_note(ds: &Dataset, lang: Lang, f: &impl Formats) -> DataNote {
    let date = f.date(ds.as_of);
    let mut line = match lang {
        Lang::En => format!("Data as of {date}"),
        Lang::Fr => format!("Données à jour au {date}"),
    };
    if let Some(v) = ds.version {
        line.push_str(&match lang {
            Lang::En => format!(" · version {v}"),
            Lang::Fr => format!(" · version {v}"),
        });
    }
    let change = ds.last_change().map(|ch| {
        let on = f.date(ch.date);
        match lang {
            Lang::En => format!("Version {}, published {on}: {}", ch.version, ch.summary.en),
            Lang::Fr => format!(
                "Version {}, publiée le {on} : {}",
                ch.version, ch.summary.fr
            ),
        }
    });
    let more = change.as_ref().map(|_| {
        match lang {
            Lang::En => "what changed",
            Lang::Fr => "ce qui a changé",
        }
        .to_string()
    });
    DataNote { line, more, change }
}

/// Coverage, quota year, conversion, the flow's own note, what became of
/// deposits charged that day, what is not included, and the data's date and
/// version, in that order.
pub fn notes(ds: &Dataset, q: &Quote, lang: Lang, f: &impl Formats) -> Notes {
    let mut items: Vec<String> = Vec::new();
    let mut quota = None;
    if let Some(c) = q.outside_coverage {
        items.push(fill(
            Msg::Outside.text(lang),
            &[("start", &f.date(c.start)), ("end", &f.date(c.end))],
        ));
    }
    if let Some(sp) = &q.quota {
        items.push(fill(
            Msg::QuotaYear.text(lang),
            &[
                ("from", &f.date(sp.year_start)),
                ("to", &f.date(sp.year_end)),
                ("volume", &f.integer(sp.volume)),
                ("remaining", &f.integer(sp.remaining)),
            ],
        ));
        if sp.over_units > 0 {
            let note = ds
                .quota_for(&q.flow)
                .and_then(|qu| qu.over_quota_note.as_ref())
                .map_or(Msg::OverQuotaAssumption.text(lang), |n| n.get(lang));
            items.push(note.to_string());
        }
        quota = items.last().cloned();
    }
    if let Some(c) = q.conversion.as_ref().filter(|c| c.from != c.to) {
        let rate = conversion_rate(c, f);
        items.push(fill(
            Msg::Converted.text(lang),
            &[
                ("entered", c.from.code()),
                ("levied", c.to.code()),
                ("rate", &rate),
                ("source", host_of(&c.source)),
            ],
        ));
    }
    if let Some(n) = ds.flow(&q.flow).and_then(|fl| fl.note.as_ref()) {
        items.push(n.get(lang).to_string());
    }
    for l in &q.layers {
        if let Some(s) = summary::settlement_sentence(l, lang, f) {
            items.push(s);
        }
    }
    if let Some(sp) = q.quota.as_ref().filter(|sp| sp.year > 0) {
        let growth = ds
            .quota_for(&q.flow)
            .filter(|qu| !qu.growth_confidence.is_fact());
        if let Some(qu) = growth {
            let note = qu.growth_note.as_ref().map_or_else(
                || match lang {
                    Lang::En => format!(
                        "Quota year {}: its volume rests on a yearly growth that is an estimate.",
                        sp.year + 1
                    ),
                    Lang::Fr => format!(
                        "Année contingentaire {} : son volume repose sur une croissance annuelle estimée.",
                        sp.year + 1
                    ),
                },
                |n| n.get(lang).to_string(),
            );
            items.push(note);
        }
    }
    items.push(Msg::Taxes.text(lang).to_string());
    let data = data_note(ds, lang, f);
    items.push(data.text());
    Notes { items, quota, data }
}

/// "1 CAD = 5.1361 CNY": units of the customs currency per unit entered, to
/// four decimals, rounded half up, in integers (no float printing).
pub fn conversion_rate(c: &Conversion, f: &impl Formats) -> String {
    let to = i128::from(c.to_cad_micros.max(1));
    let per_unit = (i128::from(c.from_cad_micros) * 10_000 + to / 2) / to;
    format!(
        "1 {} = {} {}",
        c.from.code(),
        f.decimal(i64::try_from(per_unit).unwrap_or(i64::MAX), 4),
        c.to.code()
    )
}

#[cfg(test)]
mod tests;
