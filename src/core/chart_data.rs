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
use super::model::{Dataset, Text};
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
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split('/').next().unwrap_or(rest);
        let host = host.strip_prefix("www.").unwrap_or(host);
        if !host.is_empty() && !out.contains(&host) {
            out.push(host);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::{compare, rate_steps, Shipment};
    use crate::core::format::LocaleFormats;
    use crate::core::load::{load, BUILTIN_JSON};
    use crate::core::money::Currency;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn ev(date: &str) -> Shipment {
        Shipment {
            flow: "cn-ev-to-ca".into(),
            value_minor: 4_000_000,
            currency: Currency::CAD,
            date: day(date),
            quantity: 1,
            quota_used: 0,
        }
    }

    #[test]
    fn duty_table_has_a_row_per_layer_the_dates_in_order_and_a_total() {
        let ds = load(BUILTIN_JSON).unwrap();
        let f = LocaleFormats(Lang::En);
        // The comparison date after the selected one: the columns still go in date order.
        let cmp = compare(&ds, &ev("2025-09-01"), day("2026-03-02")).unwrap();
        let t = duty_table(&cmp, Lang::En, &f);
        assert_eq!(
            t.columns,
            ["Layer", "September 1, 2025", "March 2, 2026"].map(String::from)
        );
        let total = t.rows.last().unwrap();
        assert_eq!(total[0], "Total duty");
        assert_eq!(total[1], f.percent(cmp.selected.effective));
        assert_eq!(total[2], f.percent(cmp.reference.effective));
        let surtax = t.rows.iter().find(|r| r[0].contains("Surtax")).unwrap();
        assert_eq!(surtax[1], "100%");
        let layers = cmp.selected.layers.len().max(cmp.reference.layers.len());
        assert!(t.rows.len() > layers, "{:?}", t.rows);
        assert!(t.rows.iter().all(|r| r.len() == 3));

        // The key follows what the table shows, not the value typed.
        let double = compare(
            &ds,
            &Shipment {
                value_minor: 8_000_000,
                ..ev("2025-09-01")
            },
            day("2026-03-02"),
        )
        .unwrap();
        assert_eq!(duty_key(&cmp), duty_key(&double));
        let other_day = compare(&ds, &ev("2024-01-01"), day("2026-03-02")).unwrap();
        assert_ne!(duty_key(&cmp), duty_key(&other_day));

        let alt = duty_alt(&cmp, Lang::Fr, &LocaleFormats(Lang::Fr));
        assert!(alt.starts_with(Msg::ChartBars.text(Lang::Fr)), "{alt}");
        assert!(alt.contains("1er septembre 2025"), "{alt}");
        assert!(alt.contains("Afficher les données"), "{alt}");
    }

    #[test]
    fn every_rate_step_names_what_caused_it() {
        let ds = load(BUILTIN_JSON).unwrap();
        let (from, to) = ds.coverage;
        for flow in &ds.flows {
            let s = Shipment {
                flow: flow.id.clone(),
                date: from,
                ..ev("2020-01-01")
            };
            let steps = rate_steps(&ds, &s, from, to);
            let rows = rate_rows(&ds, &flow.id, &steps, from);
            assert_eq!(rows.len(), steps.len());
            for (r, (d, rate)) in rows.iter().zip(&steps) {
                assert_eq!((r.date, r.rate), (*d, *rate));
                assert!(
                    !r.causes.is_empty(),
                    "{}: the step of {d} has no cause",
                    flow.id
                );
            }
            assert_eq!(rows[0].date, from);
        }
    }

    #[test]
    fn the_ev_surtax_step_names_the_surtax() {
        let ds = load(BUILTIN_JSON).unwrap();
        let (from, to) = ds.coverage;
        let steps = rate_steps(&ds, &ev("2025-01-01"), from, to);
        let rows = rate_rows(&ds, "cn-ev-to-ca", &steps, from);
        assert_eq!(rows[0].causes, vec![Cause::DataStart]);
        let surtax = rows
            .iter()
            .find(|r| r.rate.bp() > 10_000)
            .expect("a step above 100 %");
        let text = surtax.cause_text(Lang::En);
        assert!(text.contains("takes effect"), "{text}");
        let t = rate_table(&rows, Lang::Fr, &LocaleFormats(Lang::Fr));
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.rows.len(), rows.len());
        let alt = rate_alt(&rows, Lang::En, &LocaleFormats(Lang::En));
        assert!(alt.contains("Show the data"), "{alt}");
        assert!(alt.contains("106.1%"), "{alt}");
    }

    #[test]
    fn source_hosts_once_each() {
        let urls: Vec<String> = [
            "https://www.canada.ca/en/a",
            "https://gazette.gc.ca/x",
            "https://canada.ca/fr/b",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            hosts(&urls.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
            ["canada.ca", "gazette.gc.ca"]
        );
    }

    #[test]
    fn causes_on_a_day() {
        let ds = load(BUILTIN_JSON).unwrap();
        let q = ds.quota_for("cn-ev-to-ca").expect("the EV quota");
        let c = causes(&ds, "cn-ev-to-ca", q.start.add_years(1));
        assert!(c.contains(&Cause::QuotaYear(2)), "{c:?}");
        assert_eq!(
            Cause::QuotaYear(2).text(Lang::Fr),
            "Début de l’année contingentaire 2"
        );
        assert!(causes(&ds, "cn-ev-to-ca", day("2019-06-07")).is_empty());
    }
}
