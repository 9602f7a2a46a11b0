//! The checks the fuzz targets run (`fuzz/`), kept in the crate so that the
//! normal test suite replays the fuzz corpus and every crash ever found
//! (`tests/fuzz_regressions.rs`) through exactly the same code.
//!
//! Each function panics when an invariant breaks: that is how libFuzzer
//! learns of a finding. Nothing here runs in the widget.

use crate::core::builtin::BUILTIN_JSON;
use crate::core::date::Date;
use crate::core::engine::{quote, LayerStatus, Shipment};
use crate::core::load::{load, load_with_overlay};
use crate::core::model::*;
use crate::core::money::{parse_amount, Currency, Rate, MAX_VALUE_MINOR};

/// Any bytes as a data file, alone and as an overlay of the built-in data.
pub fn check_data_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(ds) = load(text) {
        check_dataset(&ds, data);
    }
    if let Ok(ds) = load_with_overlay(BUILTIN_JSON, text) {
        check_dataset(&ds, data);
    }
}

/// Any text typed into the value field.
pub fn check_amount(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::En, Lang::Fr] {
        if let Ok(v) = parse_amount(text, lang) {
            assert!(v > 0 && v <= MAX_VALUE_MINOR, "{text:?} read as {v}");
        }
    }
}

/// A random valid dataset and random shipments built from the bytes.
pub fn check_engine(data: &[u8]) {
    let mut b = Bytes(data);
    let ds = random_dataset(&mut b);
    check_dataset(&ds, b.0);
}

/// Quotes random shipments on `ds` and checks the engine's invariants.
fn check_dataset(ds: &Dataset, seed: &[u8]) {
    let mut b = Bytes(seed);
    for round in 0..8 {
        let Some(flow) = ds.flows.get(b.byte() as usize % ds.flows.len().max(1)) else {
            return;
        };
        let value_minor = 1 + i64::from(b.u32()) * i64::from(b.byte() % 64 + 1);
        let s = Shipment {
            flow: flow.id.clone(),
            value_minor,
            currency: Currency::ALL[b.byte() as usize % 3],
            date: Date::from_days(15_000 + i32::from(b.u16()) % 7_000),
            quantity: 1 + u64::from(b.u16()),
            quota_used: u64::from(b.u32() % 200_000),
        };
        let Ok(q) = quote(ds, &s) else {
            // Only a missing exchange rate may refuse a valid shipment.
            assert!(s.currency != flow.currency, "round {round}: refused {s:?}");
            continue;
        };
        assert!(q.total_duty_minor >= 0, "negative duty {q:?}");
        assert_eq!(
            q.layers.iter().map(|l| l.amount_minor).sum::<i64>(),
            q.total_duty_minor
        );
        assert_eq!(
            q.landed_minor,
            q.value_minor.saturating_add(q.total_duty_minor)
        );
        if let Some(sp) = &q.quota {
            assert_eq!(sp.in_units + sp.over_units, s.quantity);
            assert_eq!(sp.in_value_minor + sp.over_value_minor, q.value_minor);
        }
        let mut in_force: Vec<&str> = ds
            .measures
            .iter()
            .filter(|m| {
                m.flow == flow.id && m.kind != MeasureKind::Suspension && m.in_force(s.date)
            })
            .map(|m| m.id.as_str())
            .collect();
        let mut listed: Vec<&str> = q.layers.iter().map(|l| l.measure.as_str()).collect();
        in_force.sort_unstable();
        listed.sort_unstable();
        assert_eq!(listed, in_force, "layers in force on {}", s.date);
        for l in &q.layers {
            if !l.status.is_charged() {
                assert_eq!(l.amount_minor, 0, "{l:?}");
            }
            if l.kind == MeasureKind::ExporterBan {
                assert!(
                    matches!(l.status, LayerStatus::NamedExporters { .. }),
                    "an exporter ban never blocks every shipment: {l:?}"
                );
            }
        }
        // More value never costs less.
        let more = Shipment {
            value_minor: (value_minor + 1 + i64::from(b.u16())).min(MAX_VALUE_MINOR),
            ..s.clone()
        };
        if let Ok(q2) = quote(ds, &more) {
            assert!(
                q2.total_duty_minor >= q.total_duty_minor,
                "duty fell as value grew: {s:?}"
            );
        }
    }
}

/// A byte source that never runs out (zeros past the end).
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }
    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }
    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }
}

fn text(s: &str) -> Text {
    Text {
        en: s.to_string(),
        fr: s.to_string(),
    }
}

fn source() -> Source {
    Source {
        url: "https://example.org".into(),
        publisher: text("Example"),
        title: Some("A primary text".into()),
        date: Some(Date::from_days(19_000)),
        date_precision: crate::core::date::Precision::Day,
        kind: SourceKind::Primary,
    }
}

/// A dataset that obeys the validator's rules by construction: layers of
/// one kind on one flow follow each other without overlap, suspensions
/// name a measure of their flow, the quota waives one of its flow's layers.
fn random_dataset(b: &mut Bytes) -> Dataset {
    let day = |b: &mut Bytes| Date::from_days(16_000 + i32::from(b.u16() % 5_000));
    let n_flows = 1 + b.byte() as usize % 3;
    let mut flows = Vec::new();
    let mut measures: Vec<Measure> = Vec::new();
    let mut quotas = Vec::new();
    for f in 0..n_flows {
        let id = format!("flow-{f}");
        flows.push(Flow {
            id: id.clone(),
            origin: "CN".into(),
            destination: "CA".into(),
            name: text("flow"),
            headings: Vec::new(),
            scope: None,
            schedule: None,
            keywords: Default::default(),
            currency: Currency::ALL[b.byte() as usize % 3],
            unit: text("unit"),
            default_value_minor: 100,
            note: None,
        });
        let first_of_flow = measures.len();
        for kind in MeasureKind::ALL
            .into_iter()
            .filter(|k| *k != MeasureKind::Suspension)
        {
            // 0–2 consecutive windows of this kind.
            let mut cursor: Option<Date> = None;
            for w in 0..(b.byte() % 3) {
                let start = match cursor {
                    None if b.byte() % 3 == 0 => None,
                    None => Some(day(b)),
                    Some(c) => Some(c.add_days(1 + i32::from(b.byte()))),
                };
                let end = (b.byte() % 2 == 0).then(|| {
                    start
                        .unwrap_or(Date::from_days(16_000))
                        .add_days(i32::from(b.u16() % 2_000))
                });
                measures.push(Measure {
                    id: format!("m-{f}-{kind:?}-{w}"),
                    flow: id.clone(),
                    kind,
                    name: text("m"),
                    rate: kind.has_rate().then(|| Rate(i64::from(b.u32() % 100_001))),
                    start,
                    end,
                    instrument: text("i"),
                    sources: vec![source()],
                    confidence: Confidence::Confirmed,
                    note: None,
                    suspends: None,
                    exporters: if kind == MeasureKind::ExporterBan {
                        vec!["Exporter".into()]
                    } else {
                        Vec::new()
                    },
                    end_at_least: false,
                    settlements: Vec::new(),
                });
                match end {
                    Some(e) => cursor = Some(e),
                    None => break,
                }
            }
        }
        let targets: Vec<String> = measures[first_of_flow..]
            .iter()
            .map(|m| m.id.clone())
            .collect();
        if let Some(target) = targets
            .get(b.byte() as usize % targets.len().max(1))
            .filter(|_| b.byte() % 2 == 0)
        {
            let start = day(b);
            measures.push(Measure {
                id: format!("s-{f}"),
                flow: id.clone(),
                kind: MeasureKind::Suspension,
                name: text("s"),
                rate: None,
                start: Some(start),
                end: Some(start.add_days(i32::from(b.u16() % 1_000))),
                instrument: text("i"),
                sources: vec![source()],
                confidence: Confidence::Confirmed,
                note: None,
                suspends: Some(target.clone()),
                exporters: Vec::new(),
                // Half the suspensions end "at least" on their end date.
                end_at_least: b.byte() % 2 == 0,
                settlements: Vec::new(),
            });
        }
        if let Some(waived) = targets
            .get(b.byte() as usize % targets.len().max(1))
            .filter(|_| b.byte() % 2 == 0)
        {
            quotas.push(Quota {
                id: format!("q-{f}"),
                flow: id.clone(),
                name: text("q"),
                start: day(b),
                end: None,
                first_year_units: 1 + u64::from(b.u16()),
                growth: Rate(i64::from(b.u16() % 2_000)),
                waives: vec![waived.clone()],
                over_quota_confidence: Confidence::Estimate,
                over_quota_note: None,
                growth_confidence: if b.byte() % 2 == 0 {
                    Confidence::Confirmed
                } else {
                    Confidence::Estimate
                },
                growth_note: None,
                instrument: text("i"),
                sources: vec![source()],
                confidence: Confidence::Confirmed,
            });
        }
    }
    let exchange_rates = [Currency::USD, Currency::CNY]
        .into_iter()
        .map(|currency| ExchangeRate {
            currency,
            from: Date::from_days(16_000),
            cad_micros: 1 + i64::from(b.u32() % 5_000_000),
            source: source(),
            confidence: Confidence::Estimate,
            note: None,
        })
        .collect();
    Dataset {
        schema: crate::core::load::SCHEMA,
        version: Some(1),
        changes: Vec::new(),
        as_of: Date::from_days(20_000),
        coverage: (Date::from_days(16_000), Date::from_days(21_000)),
        deal_date: Date::from_days(20_000),
        flows,
        measures,
        quotas,
        events: Vec::new(),
        exchange_rates,
    }
}
