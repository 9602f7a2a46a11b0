//! Pass 3: the rules between records (references, windows, quotas,
//! events, exchange rates, versions), naming each record by its id, and the
//! conversion of the raw records into the dataset's types. The measures'
//! own rules are in [`super::measures`].

use super::rules::{whole_number, Checker};
use super::shapes::*;
use super::sources::{at_least_one, outlet_behind, primary_behind, SourceRules};
use crate::core::date::{Date, Precision};
use crate::core::format::plain_number;
use crate::core::model::*;
use crate::core::money::{Currency, Rate, MAX_VALUE_MINOR, MINOR_PER_MAJOR};
use std::collections::{HashMap, HashSet};

pub(super) fn flows(
    c: &mut Checker,
    src: &mut SourceRules,
    raw: Vec<(String, RawFlow)>,
    ids: &mut HashSet<String>,
) -> Vec<Flow> {
    let mut flows = Vec::new();
    for (rec, f) in raw {
        c.id(&rec, &f.id, ids);
        for (field, code) in [("origin", &f.origin), ("destination", &f.destination)] {
            if !["CA", "CN", "US"].contains(&code.as_str()) {
                c.rule(&rec, format!("{field} \"{code}\" must be CA, CN or US"));
            }
        }
        let default_value_minor = match Rate::from_percent(f.default_value) {
            // from_percent reads a two-decimal number exactly: the same rule as cents.
            Some(Rate(minor)) if minor > 0 && minor <= MAX_VALUE_MINOR => minor,
            _ => {
                c.rule(
                    &rec,
                    format!(
                        "default_value {} must be a positive amount with at most two decimals",
                        plain_number(f.default_value)
                    ),
                );
                MINOR_PER_MAJOR
            }
        };
        let goods = super::goods::goods(c, src, &rec, f.goods);
        flows.push(Flow {
            headings: goods.headings,
            scope: goods.scope,
            schedule: goods.schedule,
            keywords: goods.keywords,
            name: c.text(&rec, "name", f.name),
            unit: c.text(&rec, "unit", f.unit),
            note: c.opt_text(&rec, "note", f.note),
            id: f.id,
            origin: f.origin,
            destination: f.destination,
            currency: f.currency,
            default_value_minor,
        });
    }
    flows
}

pub(super) fn quotas(
    c: &mut Checker,
    src: &mut SourceRules,
    raw: Vec<(String, RawQuota)>,
    ids: &mut HashSet<String>,
    flow_ids: &HashSet<&str>,
    measures: &[Measure],
) -> Vec<Quota> {
    let mut quotas = Vec::new();
    for (rec, q) in raw {
        c.id(&rec, &q.id, ids);
        if !flow_ids.contains(q.flow.as_str()) {
            c.rule(&rec, format!("flow \"{}\" is not in flows", q.flow));
        }
        c.window(&rec, Some(q.start), q.end);
        for w in &q.waives {
            match measures.iter().find(|m| &m.id == w) {
                None => c.rule(&rec, format!("waives \"{w}\", which is not in measures")),
                Some(m) if m.flow != q.flow => {
                    c.rule(&rec, format!("waives \"{w}\", a measure of another flow"))
                }
                _ => {}
            }
        }
        let first_year_units = whole_number(q.first_year_units)
            .filter(|u| *u > 0)
            .unwrap_or_else(|| {
                c.rule(
                    &rec,
                    format!(
                        "first_year_units {} must be a whole number of units, more than zero",
                        plain_number(q.first_year_units)
                    ),
                );
                1
            });
        let growth = c.rate(&rec, "growth", q.growth).unwrap_or(Rate::ZERO);
        let bare = q.sources.iter().any(|s| s.bare);
        let sources = src.list(c, &rec, q.sources);
        at_least_one(c, &rec, &sources);
        if !bare {
            primary_behind(c, &rec, q.confidence, &sources);
        }
        quotas.push(Quota {
            name: c.text(&rec, "name", q.name),
            instrument: c.text(&rec, "instrument", q.instrument),
            over_quota_note: c.opt_text(&rec, "over_quota_note", q.over_quota_note),
            growth_note: c.opt_text(&rec, "growth_note", q.growth_note),
            sources,
            id: q.id,
            flow: q.flow,
            start: q.start,
            end: q.end,
            first_year_units,
            growth,
            growth_confidence: q.growth_confidence.unwrap_or(q.confidence),
            waives: q.waives,
            over_quota_confidence: q.over_quota_confidence,
            confidence: q.confidence,
        });
    }
    let mut quota_flows = HashSet::new();
    for q in &quotas {
        if !quota_flows.insert(q.flow.clone()) {
            c.rule(
                &format!("quotas (id \"{}\")", q.id),
                format!("flow \"{}\" has two quotas", q.flow),
            );
        }
    }
    quotas
}

pub(super) fn events(
    c: &mut Checker,
    src: &mut SourceRules,
    raw: Vec<(String, RawEvent)>,
    measure_ids: &HashMap<String, String>,
) -> Vec<Event> {
    let mut event_ids = HashSet::new();
    let mut events = Vec::new();
    for (rec, e) in raw {
        c.id(&rec, &e.id, &mut event_ids);
        let (date, precision) = match Date::parse_partial(&e.date) {
            Ok(d) => d,
            Err(err) => {
                c.rule(&rec, format!("date: {err}"));
                (Date::from_days(0), Precision::Day)
            }
        };
        c.window(&rec, Some(date), e.end);
        let priority = whole_number(e.priority)
            .filter(|p| (1..=3).contains(p))
            .unwrap_or_else(|| {
                c.rule(
                    &rec,
                    format!("priority {} must be 1, 2 or 3", plain_number(e.priority)),
                );
                2
            }) as u8;
        for m in e.starts.iter().chain(&e.ends) {
            if !measure_ids.contains_key(m) {
                c.rule(
                    &rec,
                    format!("refers to measure \"{m}\", which is not in measures"),
                );
            }
        }
        let bare = e.sources.iter().any(|s| s.bare);
        let sources = src.list(c, &rec, e.sources);
        at_least_one(c, &rec, &sources);
        if !bare {
            outlet_behind(c, &rec, &sources);
        }
        events.push(Event {
            title: c.text(&rec, "title", e.title),
            description: c.text(&rec, "description", e.description),
            sources,
            id: e.id,
            date,
            precision,
            end: e.end,
            category: e.category,
            confidence: e.confidence,
            priority,
            starts: e.starts,
            ends: e.ends,
        });
    }
    crate::core::order::sort_by(&mut events, |a, b| {
        (a.date, a.priority, &a.id).cmp(&(b.date, b.priority, &b.id))
    });
    events
}

pub(super) fn exchange_rates(
    c: &mut Checker,
    src: &mut SourceRules,
    raw: Vec<(String, RawExchangeRate)>,
) -> Vec<ExchangeRate> {
    let mut exchange_rates = Vec::new();
    for (rec, r) in raw {
        if r.currency == Currency::CAD {
            c.rule(
                &rec,
                "currency: CAD is worth 1 CAD by definition; list USD and CNY only",
            );
        }
        let micros = r.cad * 1_000_000.0;
        let cad_micros = if micros.is_finite()
            && micros > 0.0
            && micros < 1e12
            && (micros - micros.round()).abs() < 1e-3
        {
            micros.round() as i64
        } else {
            c.rule(
                &rec,
                format!(
                    "cad {} must be a positive number with at most six decimals",
                    plain_number(r.cad)
                ),
            );
            1_000_000
        };
        // A record without a readable source was reported in pass 2.
        let Some(raw_source) = r.source else {
            continue;
        };
        let source = src.one(c, &rec, raw_source);
        exchange_rates.push(ExchangeRate {
            note: c.opt_text(&rec, "note", r.note),
            currency: r.currency,
            from: r.from,
            cad_micros,
            source,
            confidence: r.confidence,
        });
    }
    crate::core::order::sort_by_key(&mut exchange_rates, |r| (r.currency.code(), r.from));
    for cur in [Currency::USD, Currency::CNY] {
        if !exchange_rates.iter().any(|r| r.currency == cur) {
            c.rule(
                "exchange_rates",
                format!(
                    "no rate for {}: values entered in it could not be converted",
                    cur.code()
                ),
            );
        }
    }
    exchange_rates
}

/// The data history: versions 1, 2, 3… in order, dated in order, the last
/// one being the file's `version`.
pub(super) fn changes(
    c: &mut Checker,
    src: &mut SourceRules,
    raw: Vec<(String, RawChange)>,
    version: Option<u32>,
) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for (rec, ch) in raw {
        let expected = out.len() as u32 + 1;
        let v = whole_number(ch.version).map(|v| v as u32);
        if v != Some(expected) {
            c.rule(
                &rec,
                format!(
                    "version {} must be {expected}: the changes list every version in order, from 1",
                    plain_number(ch.version)
                ),
            );
        }
        if out.last().is_some_and(|prev| ch.date < prev.date) {
            c.rule(
                &rec,
                format!("date {} is before the previous version's", ch.date),
            );
        }
        let sources = src.list(c, &rec, ch.sources);
        out.push(Change {
            version: v.unwrap_or(expected),
            date: ch.date,
            summary: c.text(&rec, "summary", ch.summary),
            sources,
        });
    }
    if version.is_none() && !out.is_empty() {
        c.rule(
            "changes",
            "the file lists changes but gives no version: add \"version\" (the last change's number)",
        );
    }
    if let Some(version) = version {
        if out.last().map(|ch| ch.version) != Some(version) {
            c.rule(
                "changes",
                format!(
                    "the file is version {version}, but the last entry of changes is {}: record what version {version} changed",
                    out.last()
                        .map_or("missing".to_string(), |ch| format!("version {}", ch.version))
                ),
            );
        }
    }
    out
}
