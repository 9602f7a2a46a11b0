//! Pass 2 for each kind of record: a flow, a measure (with its
//! settlements), a quota, an event, an exchange rate, a change, read field
//! by field with [`Fields`] into its raw form; pass 3 ([`super::records`])
//! then checks them against each other.

use super::read::{Fields, RawSource, RawText};
use super::rules::Checker;
use crate::core::date::Date;
use crate::core::model::*;
use crate::core::money::Currency;

const CONFIDENCE: [(&str, Confidence); 3] = [
    ("confirmed", Confidence::Confirmed),
    ("press", Confidence::Press),
    ("estimate", Confidence::Estimate),
];

const CURRENCY: [(&str, Currency); 3] = [
    ("CAD", Currency::CAD),
    ("USD", Currency::USD),
    ("CNY", Currency::CNY),
];

const KIND: [(&str, MeasureKind); 9] = [
    ("base", MeasureKind::Base),
    ("surtax", MeasureKind::Surtax),
    (
        "anti_dumping_provisional",
        MeasureKind::AntiDumpingProvisional,
    ),
    ("anti_dumping", MeasureKind::AntiDumping),
    ("retaliation", MeasureKind::Retaliation),
    ("additional", MeasureKind::Additional),
    ("ban", MeasureKind::Ban),
    ("exporter_ban", MeasureKind::ExporterBan),
    ("suspension", MeasureKind::Suspension),
];

const CATEGORY: [(&str, Category); 5] = [
    ("diplomacy", Category::Diplomacy),
    ("trade", Category::Trade),
    ("detention", Category::Detention),
    ("security", Category::Security),
    ("public_opinion", Category::PublicOpinion),
];

const OUTCOME: [(&str, SettlementOutcome); 2] = [
    ("recalculated", SettlementOutcome::Recalculated),
    ("refunded", SettlementOutcome::Refunded),
];

pub(super) struct RawFlow {
    pub id: String,
    pub origin: String,
    pub destination: String,
    pub name: RawText,
    pub goods: super::goods::RawGoods,
    pub currency: Currency,
    pub unit: RawText,
    pub default_value: f64,
    pub note: Option<RawText>,
}

pub(super) fn read_flow(c: &mut Checker, mut f: Fields) -> Option<RawFlow> {
    let goods = super::goods::read_goods(c, &mut f);
    let r = RawFlow {
        id: f.str(c, "id"),
        origin: f.str(c, "origin"),
        destination: f.str(c, "destination"),
        name: f.text(c, "name"),
        goods,
        currency: f.choice(c, "currency", &CURRENCY).unwrap_or(Currency::CAD),
        unit: f.text(c, "unit"),
        default_value: f.num(c, "default_value"),
        note: f.opt_text(c, "note"),
    };
    f.finish(c).then_some(r)
}

pub(super) struct RawSettlement {
    pub path: String,
    pub paid_from: Date,
    pub paid_to: Date,
    pub outcome: SettlementOutcome,
    pub rate: Option<f64>,
    pub decided: Date,
    pub sources: Vec<RawSource>,
    pub confidence: Confidence,
}

pub(super) struct RawMeasure {
    pub id: String,
    pub flow: String,
    pub kind: MeasureKind,
    pub name: RawText,
    pub rate: Option<f64>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub end_at_least: bool,
    pub instrument: RawText,
    pub sources: Vec<RawSource>,
    pub confidence: Confidence,
    pub note: Option<RawText>,
    pub suspends: Option<String>,
    pub exporters: Option<Vec<String>>,
    pub settlements: Vec<RawSettlement>,
}

pub(super) fn read_measure(c: &mut Checker, mut f: Fields) -> Option<RawMeasure> {
    let exporters = f
        .raw("exporters")
        .is_some()
        .then(|| f.strings(c, "exporters", false));
    let settlements = read_settlements(c, &mut f);
    let r = RawMeasure {
        id: f.str(c, "id"),
        flow: f.str(c, "flow"),
        kind: f.choice(c, "kind", &KIND).unwrap_or(MeasureKind::Base),
        name: f.text(c, "name"),
        rate: f.opt_num(c, "rate"),
        start: f.opt_date(c, "start"),
        end: f.opt_date(c, "end"),
        end_at_least: f.opt_bool(c, "end_at_least").unwrap_or(false),
        instrument: f.text(c, "instrument"),
        sources: f.sources(c, "sources"),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        note: f.opt_text(c, "note"),
        suspends: f.opt_str(c, "suspends"),
        exporters,
        settlements,
    };
    f.finish(c).then_some(r)
}

fn read_settlements(c: &mut Checker, f: &mut Fields) -> Vec<RawSettlement> {
    let Some(v) = f.raw("settlements") else {
        return Vec::new();
    };
    let Some(items) = v.as_array() else {
        c.schema(&f.at("settlements"), "must be a list [ … ]");
        f.broken = true;
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", f.at("settlements"));
        let Some(mut s) = Fields::new(c, path.clone(), item) else {
            f.broken = true;
            continue;
        };
        let r = RawSettlement {
            paid_from: s.date(c, "paid_from"),
            paid_to: s.date(c, "paid_to"),
            outcome: s
                .choice(c, "outcome", &OUTCOME)
                .unwrap_or(SettlementOutcome::Refunded),
            rate: s.opt_num(c, "rate"),
            decided: s.date(c, "decided"),
            sources: s.sources(c, "sources"),
            confidence: s
                .choice(c, "confidence", &CONFIDENCE)
                .unwrap_or(Confidence::Estimate),
            path,
        };
        if s.finish(c) {
            out.push(r);
        } else {
            f.broken = true;
        }
    }
    out
}

pub(super) struct RawQuota {
    pub id: String,
    pub flow: String,
    pub name: RawText,
    pub start: Date,
    pub end: Option<Date>,
    pub first_year_units: f64,
    pub growth: f64,
    pub growth_confidence: Option<Confidence>,
    pub growth_note: Option<RawText>,
    pub waives: Vec<String>,
    pub over_quota_confidence: Confidence,
    pub over_quota_note: Option<RawText>,
    pub instrument: RawText,
    pub sources: Vec<RawSource>,
    pub confidence: Confidence,
}

pub(super) fn read_quota(c: &mut Checker, mut f: Fields) -> Option<RawQuota> {
    let growth_confidence = f
        .raw("growth_confidence")
        .is_some()
        .then(|| f.choice(c, "growth_confidence", &CONFIDENCE))
        .flatten();
    let r = RawQuota {
        id: f.str(c, "id"),
        flow: f.str(c, "flow"),
        name: f.text(c, "name"),
        start: f.date(c, "start"),
        end: f.opt_date(c, "end"),
        first_year_units: f.num(c, "first_year_units"),
        growth: f.num(c, "growth"),
        growth_confidence,
        growth_note: f.opt_text(c, "growth_note"),
        waives: f.strings(c, "waives", true),
        over_quota_confidence: f
            .choice(c, "over_quota_confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        over_quota_note: f.opt_text(c, "over_quota_note"),
        instrument: f.text(c, "instrument"),
        sources: f.sources(c, "sources"),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
    };
    f.finish(c).then_some(r)
}

pub(super) struct RawEvent {
    pub id: String,
    pub date: String,
    pub end: Option<Date>,
    pub title: RawText,
    pub description: RawText,
    pub category: Category,
    pub sources: Vec<RawSource>,
    pub confidence: Confidence,
    pub priority: f64,
    pub starts: Vec<String>,
    pub ends: Vec<String>,
}

pub(super) fn read_event(c: &mut Checker, mut f: Fields) -> Option<RawEvent> {
    let r = RawEvent {
        id: f.str(c, "id"),
        date: f.str(c, "date"),
        end: f.opt_date(c, "end"),
        title: f.text(c, "title"),
        description: f.text(c, "description"),
        category: f
            .choice(c, "category", &CATEGORY)
            .unwrap_or(Category::Trade),
        sources: f.sources(c, "sources"),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        priority: f.opt_num(c, "priority").unwrap_or(2.0),
        starts: f.strings(c, "starts", false),
        ends: f.strings(c, "ends", false),
    };
    f.finish(c).then_some(r)
}

pub(super) struct RawExchangeRate {
    pub currency: Currency,
    pub from: Date,
    pub cad: f64,
    pub source: Option<RawSource>,
    pub confidence: Confidence,
    pub note: Option<RawText>,
}

pub(super) fn read_exchange_rate(c: &mut Checker, mut f: Fields) -> Option<RawExchangeRate> {
    let r = RawExchangeRate {
        currency: f.choice(c, "currency", &CURRENCY).unwrap_or(Currency::CAD),
        from: f.date(c, "from"),
        cad: f.num(c, "cad"),
        source: f.source(c, "source"),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        note: f.opt_text(c, "note"),
    };
    f.finish(c).then_some(r)
}

pub(super) struct RawChange {
    pub version: f64,
    pub date: Date,
    pub summary: RawText,
    pub sources: Vec<RawSource>,
}

pub(super) fn read_change(c: &mut Checker, mut f: Fields) -> Option<RawChange> {
    let has_sources = f.raw("sources").is_some();
    let r = RawChange {
        version: f.num(c, "version"),
        date: f.date(c, "date"),
        summary: f.text(c, "summary"),
        sources: if has_sources {
            f.sources(c, "sources")
        } else {
            Vec::new()
        },
    };
    f.finish(c).then_some(r)
}
