//! The calculator's two charts as data: the tables under "Show the data",
//! the one-sentence descriptions the canvases carry, and the rate steps
//! with the measure behind each change (also the CSV's rows).
//!
//! A chart shows nothing that is not here: the duty bars are each layer's
//! share of the customs value on the two dates, the rate chart is
//! [`engine::rate_steps`], and the cause of a step is read from the same
//! change days ([`engine::change_days`]): measures that start that day,
//! measures that ended the day before, a new quota year.

use super::date::Date;
use super::engine::{self, Comparison, LayerStatus, Quote};
use super::format::Formats;
use super::i18n::{fill, Lang, Msg};
use super::model::{host_of, Dataset, Text};
use super::money::Rate;
use super::summary;

/// A table as text: the column headings, then rows whose first cell is
/// the row's header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The two quotes of a comparison, the earlier date first.
pub fn in_date_order(cmp: &Comparison) -> [&Quote; 2] {
    if cmp.selected.date < cmp.reference.date {
        [&cmp.selected, &cmp.reference]
    } else {
        [&cmp.reference, &cmp.selected]
    }
}

/// A layer's share of the customs value, as the bars stack it.
fn share(q: &Quote, amount_minor: i64) -> Rate {
    Rate::effective(amount_minor, q.value_minor)
}

/// A quote's total as the bars top it: its effective rate, or "imports
/// blocked" when a ban leaves nothing to charge.
fn total_text(q: &Quote, lang: Lang, f: &dyn Formats) -> String {
    if q.blocked && q.total_duty_minor == 0 {
        Msg::Ban.text(lang).to_string()
    } else {
        f.percent(q.effective)
    }
}

/// The duty bars layer by layer: a row per layer in force on either date
/// (its share of the customs value, with its status when it is not simply
/// charged, "—" on a date it is not in force), then the total row.
pub fn duty_table(cmp: &Comparison, lang: Lang, f: &dyn Formats) -> Table {
    let quotes = in_date_order(cmp);
    let mut columns = vec![Msg::ColLayer.text(lang).to_string()];
    columns.extend(quotes.iter().map(|q| f.date(q.date)));
    // Layers in the order the engine lists them (by kind), those of the
    // earlier date first, then any only the later date has.
    let mut ids: Vec<(&str, &Text, &str)> = Vec::new();
    for l in quotes.iter().flat_map(|q| &q.layers) {
        if !ids.iter().any(|(id, _, _)| *id == l.measure) {
            ids.push((&l.measure, &l.name, l.kind.label(lang)));
        }
    }
    let mut rows: Vec<Vec<String>> = ids
        .iter()
        .map(|(id, name, kind)| {
            let mut row = vec![format!("{} · {kind}", name.get(lang))];
            for q in quotes {
                row.push(match q.layers.iter().find(|l| l.measure == *id) {
                    None => "—".to_string(),
                    Some(l) => {
                        let pct = f.percent(share(q, l.amount_minor));
                        match (&l.status, summary::status_label(&l.status, lang)) {
                            (LayerStatus::Applied, _) | (_, "") => pct,
                            (_, status) => format!("{pct} ({status})"),
                        }
                    }
                });
            }
            row
        })
        .collect();
    let mut total = vec![Msg::Total.text(lang).to_string()];
    total.extend(quotes.iter().map(|q| total_text(q, lang, f)));
    rows.push(total);
    Table { columns, rows }
}

/// Everything [`duty_table`] and [`duty_alt`] show, without formatting a
/// figure: while it stays the same (a reader typing a value), neither needs
/// writing again.
pub fn duty_key(cmp: &Comparison) -> String {
    let mut key = String::new();
    for q in in_date_order(cmp) {
        key.push_str(&format!(
            "{}:{}:{}",
            q.date.days(),
            q.effective.bp(),
            q.blocked
        ));
        for l in &q.layers {
            let status = summary::status_label(&l.status, Lang::En);
            let bp = share(q, l.amount_minor).bp();
            key.push_str(&format!("|{}:{status}:{bp}", l.measure));
        }
        key.push('\n');
    }
    key
}

/// The duty chart's accessible name: what it shows, its two totals, and
/// where its figures are.
pub fn duty_alt(cmp: &Comparison, lang: Lang, f: &dyn Formats) -> String {
    let [a, b] = in_date_order(cmp);
    fill(
        Msg::DutyChartAlt.text(lang),
        &[
            ("caption", Msg::ChartBars.text(lang)),
            ("a", &total_text(a, lang, f)),
            ("a_date", &f.date(a.date)),
            ("b", &total_text(b, lang, f)),
            ("b_date", &f.date(b.date)),
        ],
    )
}

/// What changed on the day a step began.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The first step: the rate in force when the data begins.
    DataStart,
    /// A measure took effect that day.
    Starts(Text),
    /// A measure's last day was the day before.
    Ends(Text),
    /// Quota year `n` (1 for the first) began that day.
    QuotaYear(u32),
}

impl Cause {
    pub fn text(&self, lang: Lang) -> String {
        let named = |m: Msg, t: &Text| fill(m.text(lang), &[("name", t.get(lang))]);
        match self {
            Cause::DataStart => Msg::CauseDataStart.text(lang).to_string(),
            Cause::Starts(t) => named(Msg::CauseStarts, t),
            Cause::Ends(t) => named(Msg::CauseEnds, t),
            Cause::QuotaYear(n) => fill(Msg::CauseQuotaYear.text(lang), &[("n", &n.to_string())]),
        }
    }
}

/// One step of the rate chart: the day it began, the rate, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateRow {
    pub date: Date,
    pub rate: Rate,
    pub causes: Vec<Cause>,
}

impl RateRow {
    /// The causes in one cell: "Surtax takes effect; Quota year 2 begins".
    pub fn cause_text(&self, lang: Lang) -> String {
        let texts: Vec<String> = self.causes.iter().map(|c| c.text(lang)).collect();
        texts.join("; ")
    }
}

/// What changed on `day` for `flow`: the measures that start that day, those
/// whose last day was the day before, a quota year that begins.
pub fn causes(ds: &Dataset, flow: &str, day: Date) -> Vec<Cause> {
    let mut out = Vec::new();
    for m in ds.measures.iter().filter(|m| m.flow == flow) {
        if m.start == Some(day) {
            out.push(Cause::Starts(m.name.clone()));
        }
        if m.end.map(|e| e.add_days(1)) == Some(day) {
            out.push(Cause::Ends(m.name.clone()));
        }
    }
    if let Some(q) = ds.quota_for(flow) {
        if let Some(n) = q.year_index(day) {
            if q.year_window(n).0 == day {
                out.push(Cause::QuotaYear(n + 1));
            }
        }
    }
    out
}

/// The rate chart's steps (as [`engine::rate_steps`] gives them, from
/// `from`), each with what caused it. A step whose day is a change day of
/// the flow ([`engine::change_days`]) names its measures; the first names
/// the start of the data when nothing began that day.
pub fn rate_rows(ds: &Dataset, flow: &str, steps: &[(Date, Rate)], from: Date) -> Vec<RateRow> {
    let last = steps.last().map_or(from, |s| s.0);
    let days = engine::change_days(ds, flow, from, last);
    steps
        .iter()
        .map(|&(date, rate)| {
            let mut causes = if days.contains(&date) {
                causes(ds, flow, date)
            } else {
                Vec::new()
            };
            if causes.is_empty() && date <= from {
                causes.push(Cause::DataStart);
            }
            RateRow { date, rate, causes }
        })
        .collect()
}

/// The rate steps as a table: when each began, the rate, what changed.
pub fn rate_table(rows: &[RateRow], lang: Lang, f: &dyn Formats) -> Table {
    Table {
        columns: [Msg::ColSince, Msg::ColRate, Msg::ColCause]
            .map(|m| m.text(lang).to_string())
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let cause = r.cause_text(lang);
                let cause = if cause.is_empty() {
                    "—".into()
                } else {
                    cause
                };
                vec![f.date(r.date), f.percent(r.rate), cause]
            })
            .collect(),
    }
}

/// The rate chart's accessible name: what it shows, where it starts and
/// ends, its highest rate, and where its figures are.
pub fn rate_alt(rows: &[RateRow], lang: Lang, f: &dyn Formats) -> String {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Msg::ChartSteps.text(lang).to_string();
    };
    let max = rows.iter().map(|r| r.rate).max().unwrap_or(first.rate);
    fill(
        Msg::RateChartAlt.text(lang),
        &[
            ("caption", Msg::ChartSteps.text(lang)),
            ("first", &f.percent(first.rate)),
            ("from", &f.date(first.date)),
            ("last", &f.percent(last.rate)),
            ("since", &f.date(last.date)),
            ("max", &f.percent(max)),
        ],
    )
}

/// The distinct host names of `urls` in order of first appearance, as the
/// widget shows a source (`gazette.gc.ca`): an image's source line.
pub fn hosts<'a>(urls: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for &url in urls {
        let host = host_of(url);
        if !host.is_empty() && !out.contains(&host) {
            out.push(host);
        }
    }
    out
}

#[cfg(test)]
mod tests;
