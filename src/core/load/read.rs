//! Pass 2: the shape of each record, one record at a time, so one bad record
//! does not hide the next. Every problem carries its JSON path
//! (`measures[3].rate`).
//!
//! Records are read field by field from the parsed JSON rather than through
//! `#[derive(Deserialize)]`: every problem then carries its exact path, every
//! record reports all of its problems, and the wasm bundle carries no
//! per-type deserializer code.

use super::rules::Checker;
use crate::core::date::{Date, Precision};
use crate::core::json::Json;
use crate::core::model::*;
use crate::core::money::Currency;

/// The fields of one JSON object, read one at a time; what was never read
/// is reported as unknown at the end.
pub(super) struct Fields<'a> {
    pub path: String,
    pub obj: &'a [(String, Json)],
    pub read: Vec<&'static str>,
    /// Whether a required field was missing or of the wrong type.
    pub broken: bool,
}

impl<'a> Fields<'a> {
    pub fn new(c: &mut Checker, path: String, value: &'a Json) -> Option<Fields<'a>> {
        match value.as_object() {
            Some(obj) => Some(Fields {
                path,
                obj,
                read: Vec::new(),
                broken: false,
            }),
            None => {
                c.schema(&path, "must be an object { … }");
                None
            }
        }
    }

    pub fn at(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// The member `key` (the last, if repeated), null or not.
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.obj
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    pub fn raw(&mut self, key: &'static str) -> Option<&'a Json> {
        self.read.push(key);
        self.get(key).filter(|v| !v.is_null())
    }

    /// Reports fields nobody asked for (a typo such as `"strat"` would
    /// otherwise silently drop a date).
    pub fn finish(self, c: &mut Checker) -> bool {
        for (key, _) in self.obj {
            if !self.read.contains(&key.as_str()) {
                c.schema(&self.at(key), "unknown field");
            }
        }
        !self.broken
    }

    pub fn missing(&mut self, c: &mut Checker, key: &str) {
        c.schema(&self.at(key), "missing field");
        self.broken = true;
    }

    fn wrong(&mut self, c: &mut Checker, key: &str, want: &str) {
        c.schema(&self.at(key), &format!("must be {want}"));
        self.broken = true;
    }

    /// Reports `key` as missing if it is absent or null.
    fn require(&mut self, c: &mut Checker, key: &str) {
        if self.get(key).is_none_or(Json::is_null) {
            self.missing(c, key);
        }
    }

    /// The value of `key` if present and of the type `get` reads, else
    /// reports it as wrong (`want` says what it must be).
    fn typed<T>(
        &mut self,
        c: &mut Checker,
        key: &'static str,
        want: &str,
        get: fn(&'a Json) -> Option<T>,
    ) -> Option<T> {
        let v = self.raw(key)?;
        let t = get(v);
        if t.is_none() {
            self.wrong(c, key, want);
        }
        t
    }

    pub fn opt_str(&mut self, c: &mut Checker, key: &'static str) -> Option<String> {
        self.typed(c, key, "text in quotes", |v| v.as_str().map(str::to_string))
    }

    pub fn str(&mut self, c: &mut Checker, key: &'static str) -> String {
        self.require(c, key);
        self.opt_str(c, key).unwrap_or_default()
    }

    pub fn opt_num(&mut self, c: &mut Checker, key: &'static str) -> Option<f64> {
        self.typed(c, key, "a number, without quotes", Json::as_f64)
    }

    pub fn num(&mut self, c: &mut Checker, key: &'static str) -> f64 {
        self.require(c, key);
        self.opt_num(c, key).unwrap_or(0.0)
    }

    fn opt_bool(&mut self, c: &mut Checker, key: &'static str) -> Option<bool> {
        self.typed(c, key, "true or false, without quotes", Json::as_bool)
    }

    pub fn opt_date(&mut self, c: &mut Checker, key: &'static str) -> Option<Date> {
        let s = self.opt_str(c, key)?;
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                c.schema(&self.at(key), &e.to_string());
                self.broken = true;
                None
            }
        }
    }

    pub fn date(&mut self, c: &mut Checker, key: &'static str) -> Date {
        self.require(c, key);
        self.opt_date(c, key).unwrap_or(Date::from_days(0))
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn opt_partial_date(
        &mut self,
        c: &mut Checker,
        key: &'static str,
    ) -> Option<(Date, Precision)> {
        let s = self.opt_str(c, key)?;
        match Date::parse_partial(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                c.schema(&self.at(key), &e.to_string());
                self.broken = true;
                None
            }
        }
    }

    pub fn strings(&mut self, c: &mut Checker, key: &'static str, required: bool) -> Vec<String> {
        let Some(v) = self.raw(key) else {
            if required {
                self.missing(c, key);
            }
            return Vec::new();
        };
        match v.as_array() {
            Some(items) if items.iter().all(|i| i.as_str().is_some()) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
            _ => {
                self.wrong(c, key, "a list of texts [\"…\"]");
                Vec::new()
            }
        }
    }

    /// One of a fixed set of names, e.g. a kind or a confidence.
    pub fn choice<T: Copy>(
        &mut self,
        c: &mut Checker,
        key: &'static str,
        options: &[(&'static str, T)],
    ) -> Option<T> {
        let s = self.str(c, key);
        self.get(key).and_then(Json::as_str)?;
        let found = options.iter().find(|(name, _)| *name == s).map(|(_, t)| *t);
        if found.is_none() {
            let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
            c.schema(
                &self.at(key),
                &format!(
                    "unknown value \"{s}\", expected one of {}",
                    names.join(", ")
                ),
            );
            self.broken = true;
        }
        found
    }

    /// `{"en": …, "fr": …}`; a missing or empty French text is a rule problem
    /// (reported by [`Checker::text`]), not a shape problem.
    pub fn opt_text(&mut self, c: &mut Checker, key: &'static str) -> Option<RawText> {
        let v = self.raw(key)?;
        let path = self.at(key);
        let mut f = Fields::new(c, path, v)?;
        let en = f.str(c, "en");
        let fr = f.opt_str(c, "fr");
        let ok = f.finish(c);
        if !ok {
            self.broken = true;
        }
        Some(RawText { en, fr })
    }

    pub fn text(&mut self, c: &mut Checker, key: &'static str) -> RawText {
        self.require(c, key);
        self.opt_text(c, key).unwrap_or(RawText {
            en: String::new(),
            fr: Some(String::new()),
        })
    }

    /// A name that is the same in both languages (`"Reuters"`) or differs
    /// (`{"en": "Canada Gazette", "fr": "Gazette du Canada"}`).
    fn name(&mut self, c: &mut Checker, key: &'static str) -> RawText {
        self.require(c, key);
        match self.get(key) {
            Some(Json::Str(s)) => {
                self.read.push(key);
                RawText {
                    en: s.clone(),
                    fr: Some(s.clone()),
                }
            }
            _ => self.opt_text(c, key).unwrap_or(RawText {
                en: String::new(),
                fr: Some(String::new()),
            }),
        }
    }

    /// A list of source records. A plain address (the form before schema 2)
    /// is reported with the form to use instead.
    pub fn sources(&mut self, c: &mut Checker, key: &'static str) -> Vec<RawSource> {
        let Some(v) = self.raw(key) else {
            self.missing(c, key);
            return Vec::new();
        };
        let Some(items) = v.as_array() else {
            self.wrong(c, key, "a list of source records [{\"url\": …}, …]");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", self.at(key));
            match read_source(c, path, item) {
                Some(s) => out.push(s),
                None => self.broken = true,
            }
        }
        out
    }

    /// One source record (for the exchange rates' single `source`).
    pub fn source(&mut self, c: &mut Checker, key: &'static str) -> Option<RawSource> {
        let Some(v) = self.raw(key) else {
            self.missing(c, key);
            return None;
        };
        let s = read_source(c, self.at(key), v);
        if s.is_none() {
            self.broken = true;
        }
        s
    }
}

pub(super) struct RawText {
    pub en: String,
    pub fr: Option<String>,
}

/// A source as read, before its rules (https, denylist, dates) are checked.
pub(super) struct RawSource {
    pub path: String,
    pub url: String,
    pub publisher: RawText,
    pub title: Option<String>,
    pub date: Option<(Date, Precision)>,
    pub kind: SourceKind,
    /// Written as a plain address (the form before schema 2).
    pub bare: bool,
}

/// The record form a source takes since schema 2, for messages.
pub(super) const SOURCE_FORM: &str = "{\"url\": \"https://…\", \"publisher\": \"…\", \"title\": \"…\", \"date\": \"YYYY-MM-DD\", \"kind\": \"primary\"}";

fn read_source(c: &mut Checker, path: String, value: &Json) -> Option<RawSource> {
    // A plain address is the form before schema 2: read it as it is so the
    // record's other rules still run, and let the source rules say, naming
    // the record, which form to use instead.
    if let Some(url) = value.as_str() {
        return Some(RawSource {
            path,
            url: url.to_string(),
            publisher: RawText {
                en: String::new(),
                fr: None,
            },
            title: None,
            date: None,
            kind: SourceKind::Reference,
            bare: true,
        });
    }
    let mut f = Fields::new(c, path.clone(), value)?;
    let r = RawSource {
        url: f.str(c, "url"),
        publisher: f.name(c, "publisher"),
        title: f.opt_str(c, "title"),
        date: f.opt_partial_date(c, "date"),
        kind: f
            .choice(c, "kind", &SOURCE_KIND)
            .unwrap_or(SourceKind::Reference),
        path,
        bare: false,
    };
    f.finish(c).then_some(r)
}

pub(super) const CONFIDENCE: [(&str, Confidence); 3] = [
    ("confirmed", Confidence::Confirmed),
    ("press", Confidence::Press),
    ("estimate", Confidence::Estimate),
];
const SOURCE_KIND: [(&str, SourceKind); 3] = [
    ("primary", SourceKind::Primary),
    ("press", SourceKind::Press),
    ("reference", SourceKind::Reference),
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
