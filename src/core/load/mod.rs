//! Reading and validating a data file: never panics, reports every problem at once.
//!
//! Three passes, each reporting all it finds:
//! 1. JSON syntax (line and column);
//! 2. the shape of each record, one record at a time, so one bad record does
//!    not hide the next (the JSON path, e.g. `measures[3].rate`);
//! 3. the rules between records: references, windows, overlaps, rates,
//!    URLs, French text (naming the record by its id).

use super::date::{Date, Precision};
use super::json::{self, Json};
use super::model::*;
use super::money::{Currency, Rate, MINOR_PER_MAJOR};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The schema version this build reads.
pub const SCHEMA: u32 = 1;

/// The dataset compiled into the widget.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/canada-china.min.json"));

/// One problem in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataError {
    /// The file is not JSON.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// A record does not have the expected shape.
    Schema { path: String, message: String },
    /// A record breaks a rule; `record` names it (`measures[3] (id "x")`).
    Rule { record: String, message: String },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DataError::Syntax {
                line,
                column,
                message,
            } => write!(f, "line {line}, column {column}: {message}"),
            DataError::Schema { path, message } => write!(f, "{path}: {message}"),
            DataError::Rule { record, message } => write!(f, "{record}: {message}"),
        }
    }
}

/// Every problem found in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "The data file has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            writeln!(f, "- {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

// ---- pass 2: the shape of each record --------------------------------------
//
// Records are read field by field from the parsed JSON rather than through
// `#[derive(Deserialize)]`: every problem then carries its exact JSON path
// (`measures[3].rate`), every record reports all of its problems, and the
// wasm bundle carries no per-type deserializer code.

/// The fields of one JSON object, read one at a time; what was never read
/// is reported as unknown at the end.
struct Fields<'a> {
    path: String,
    obj: &'a [(String, Json)],
    read: Vec<&'static str>,
    /// Whether a required field was missing or of the wrong type.
    broken: bool,
}

impl<'a> Fields<'a> {
    fn new(c: &mut Checker, path: String, value: &'a Json) -> Option<Fields<'a>> {
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

    fn at(&self, key: &str) -> String {
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

    fn raw(&mut self, key: &'static str) -> Option<&'a Json> {
        self.read.push(key);
        self.get(key).filter(|v| !v.is_null())
    }

    /// Reports fields nobody asked for (a typo such as `"strat"` would
    /// otherwise silently drop a date).
    fn finish(self, c: &mut Checker) -> bool {
        for (key, _) in self.obj {
            if !self.read.contains(&key.as_str()) {
                c.schema(&self.at(key), "unknown field");
            }
        }
        !self.broken
    }

    fn missing(&mut self, c: &mut Checker, key: &str) {
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

    fn opt_str(&mut self, c: &mut Checker, key: &'static str) -> Option<String> {
        self.typed(c, key, "text in quotes", |v| v.as_str().map(str::to_string))
    }

    fn str(&mut self, c: &mut Checker, key: &'static str) -> String {
        self.require(c, key);
        self.opt_str(c, key).unwrap_or_default()
    }

    fn opt_num(&mut self, c: &mut Checker, key: &'static str) -> Option<f64> {
        self.typed(c, key, "a number, without quotes", Json::as_f64)
    }

    fn num(&mut self, c: &mut Checker, key: &'static str) -> f64 {
        self.require(c, key);
        self.opt_num(c, key).unwrap_or(0.0)
    }

    fn opt_date(&mut self, c: &mut Checker, key: &'static str) -> Option<Date> {
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

    fn date(&mut self, c: &mut Checker, key: &'static str) -> Date {
        self.require(c, key);
        self.opt_date(c, key).unwrap_or(Date::from_days(0))
    }

    fn strings(&mut self, c: &mut Checker, key: &'static str, required: bool) -> Vec<String> {
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
    fn choice<T: Copy>(
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
    fn opt_text(&mut self, c: &mut Checker, key: &'static str) -> Option<RawText> {
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

    fn text(&mut self, c: &mut Checker, key: &'static str) -> RawText {
        self.require(c, key);
        self.opt_text(c, key).unwrap_or(RawText {
            en: String::new(),
            fr: Some(String::new()),
        })
    }
}

struct RawText {
    en: String,
    fr: Option<String>,
}

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
const KIND: [(&str, MeasureKind); 8] = [
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
    ("suspension", MeasureKind::Suspension),
];
const CATEGORY: [(&str, Category); 5] = [
    ("diplomacy", Category::Diplomacy),
    ("trade", Category::Trade),
    ("detention", Category::Detention),
    ("security", Category::Security),
    ("public_opinion", Category::PublicOpinion),
];

struct RawFlow {
    id: String,
    origin: String,
    destination: String,
    name: RawText,
    hs: String,
    currency: Currency,
    unit: RawText,
    default_value: f64,
    note: Option<RawText>,
}

fn read_flow(c: &mut Checker, mut f: Fields) -> Option<RawFlow> {
    let r = RawFlow {
        id: f.str(c, "id"),
        origin: f.str(c, "origin"),
        destination: f.str(c, "destination"),
        name: f.text(c, "name"),
        hs: f.str(c, "hs"),
        currency: f.choice(c, "currency", &CURRENCY).unwrap_or(Currency::CAD),
        unit: f.text(c, "unit"),
        default_value: f.num(c, "default_value"),
        note: f.opt_text(c, "note"),
    };
    f.finish(c).then_some(r)
}

struct RawMeasure {
    id: String,
    flow: String,
    kind: MeasureKind,
    name: RawText,
    rate: Option<f64>,
    start: Option<Date>,
    end: Option<Date>,
    instrument: RawText,
    sources: Vec<String>,
    confidence: Confidence,
    note: Option<RawText>,
    suspends: Option<String>,
}

fn read_measure(c: &mut Checker, mut f: Fields) -> Option<RawMeasure> {
    let r = RawMeasure {
        id: f.str(c, "id"),
        flow: f.str(c, "flow"),
        kind: f.choice(c, "kind", &KIND).unwrap_or(MeasureKind::Base),
        name: f.text(c, "name"),
        rate: f.opt_num(c, "rate"),
        start: f.opt_date(c, "start"),
        end: f.opt_date(c, "end"),
        instrument: f.text(c, "instrument"),
        sources: f.strings(c, "sources", true),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        note: f.opt_text(c, "note"),
        suspends: f.opt_str(c, "suspends"),
    };
    f.finish(c).then_some(r)
}

struct RawQuota {
    id: String,
    flow: String,
    name: RawText,
    start: Date,
    end: Option<Date>,
    first_year_units: f64,
    growth: f64,
    waives: Vec<String>,
    over_quota_confidence: Confidence,
    over_quota_note: Option<RawText>,
    instrument: RawText,
    sources: Vec<String>,
    confidence: Confidence,
}

fn read_quota(c: &mut Checker, mut f: Fields) -> Option<RawQuota> {
    let r = RawQuota {
        id: f.str(c, "id"),
        flow: f.str(c, "flow"),
        name: f.text(c, "name"),
        start: f.date(c, "start"),
        end: f.opt_date(c, "end"),
        first_year_units: f.num(c, "first_year_units"),
        growth: f.num(c, "growth"),
        waives: f.strings(c, "waives", true),
        over_quota_confidence: f
            .choice(c, "over_quota_confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        over_quota_note: f.opt_text(c, "over_quota_note"),
        instrument: f.text(c, "instrument"),
        sources: f.strings(c, "sources", true),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
    };
    f.finish(c).then_some(r)
}

struct RawEvent {
    id: String,
    date: String,
    end: Option<Date>,
    title: RawText,
    description: RawText,
    category: Category,
    sources: Vec<String>,
    confidence: Confidence,
    priority: f64,
    starts: Vec<String>,
    ends: Vec<String>,
}

fn read_event(c: &mut Checker, mut f: Fields) -> Option<RawEvent> {
    let r = RawEvent {
        id: f.str(c, "id"),
        date: f.str(c, "date"),
        end: f.opt_date(c, "end"),
        title: f.text(c, "title"),
        description: f.text(c, "description"),
        category: f
            .choice(c, "category", &CATEGORY)
            .unwrap_or(Category::Trade),
        sources: f.strings(c, "sources", true),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        priority: f.opt_num(c, "priority").unwrap_or(2.0),
        starts: f.strings(c, "starts", false),
        ends: f.strings(c, "ends", false),
    };
    f.finish(c).then_some(r)
}

struct RawExchangeRate {
    currency: Currency,
    from: Date,
    cad: f64,
    source: String,
    confidence: Confidence,
    note: Option<RawText>,
}

fn read_exchange_rate(c: &mut Checker, mut f: Fields) -> Option<RawExchangeRate> {
    let r = RawExchangeRate {
        currency: f.choice(c, "currency", &CURRENCY).unwrap_or(Currency::CAD),
        from: f.date(c, "from"),
        cad: f.num(c, "cad"),
        source: f.str(c, "source"),
        confidence: f
            .choice(c, "confidence", &CONFIDENCE)
            .unwrap_or(Confidence::Estimate),
        note: f.opt_text(c, "note"),
    };
    f.finish(c).then_some(r)
}

/// Collects problems; every check appends rather than returns.
struct Checker {
    errors: Vec<DataError>,
}

impl Checker {
    fn rule(&mut self, record: &str, message: impl Into<String>) {
        self.errors.push(DataError::Rule {
            record: record.to_string(),
            message: message.into(),
        });
    }

    fn schema(&mut self, path: &str, message: &str) {
        self.errors.push(DataError::Schema {
            path: path.to_string(),
            message: message.to_string(),
        });
    }

    /// Each element of the list `key` of `root`, read by `read`, named for
    /// later messages as `measures[3] (id "x")`.
    fn records<T>(
        &mut self,
        root: &Json,
        key: &str,
        read: fn(&mut Checker, Fields) -> Option<T>,
    ) -> Vec<(String, T)> {
        let Some(value) = root.get(key) else {
            self.schema(key, "missing list");
            return Vec::new();
        };
        let Some(items) = value.as_array() else {
            self.schema(key, "must be a list [ … ]");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            let Some(fields) = Fields::new(self, path.clone(), item) else {
                continue;
            };
            if let Some(t) = read(self, fields) {
                let name = match item.get("id").and_then(Json::as_str) {
                    Some(id) => format!("{path} (id \"{id}\")"),
                    None => path,
                };
                out.push((name, t));
            }
        }
        out
    }

    fn text(&mut self, record: &str, field: &str, raw: RawText) -> Text {
        if raw.en.trim().is_empty() {
            self.rule(record, format!("{field}: the English text is empty"));
        }
        let fr = match raw.fr {
            Some(fr) if !fr.trim().is_empty() => fr,
            _ => {
                self.rule(
                    record,
                    format!("{field}: the French text is missing (add \"fr\": \"…\")"),
                );
                String::new()
            }
        };
        Text { en: raw.en, fr }
    }

    fn opt_text(&mut self, record: &str, field: &str, raw: Option<RawText>) -> Option<Text> {
        raw.map(|t| self.text(record, field, t))
    }

    fn sources(&mut self, record: &str, sources: Vec<String>) -> Vec<String> {
        if sources.is_empty() {
            self.rule(record, "sources: give at least one https:// source");
        }
        for s in &sources {
            self.url(record, s);
        }
        sources
    }

    fn url(&mut self, record: &str, url: &str) {
        let ok = url.len() > "https://".len()
            && url
                .get(..8)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
            && !url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
        if !ok {
            self.rule(record, format!("source \"{url}\" is not an https:// address; only https:// links are published"));
        }
    }

    fn rate(&mut self, record: &str, field: &str, pct: f64) -> Option<Rate> {
        match Rate::from_percent(pct) {
            Some(r) if (Rate::ZERO..=Rate::MAX).contains(&r) => Some(r),
            Some(_) => {
                self.rule(record, format!("{field} {pct} % is outside 0–1000 %"));
                None
            }
            None => {
                self.rule(
                    record,
                    format!("{field} {pct} must be a percentage with at most two decimals"),
                );
                None
            }
        }
    }

    fn id(&mut self, record: &str, id: &str, seen: &mut HashSet<String>) {
        let well_formed = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !well_formed {
            self.rule(
                record,
                format!("id \"{id}\" must be lowercase letters, digits and '-'"),
            );
        }
        if !seen.insert(id.to_string()) {
            self.rule(record, format!("id \"{id}\" is used twice"));
        }
    }

    fn window(&mut self, record: &str, start: Option<Date>, end: Option<Date>) {
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.rule(record, format!("ends ({e}) before it starts ({s})"));
            }
        }
    }
}

/// Reads and validates a data file.
pub fn load(text: &str) -> Result<Dataset, DataErrors> {
    load_value(&parse(text, "")?)
}

fn parse(text: &str, what: &str) -> Result<Json, DataErrors> {
    json::parse(text).map_err(|e| {
        DataErrors(vec![DataError::Syntax {
            line: e.line,
            column: e.column,
            message: format!("{what}{}", e.message),
        }])
    })
}

/// Validates an already parsed data file.
fn load_value(root: &Json) -> Result<Dataset, DataErrors> {
    let mut c = Checker { errors: Vec::new() };
    let Some(obj) = root.as_object() else {
        return Err(DataErrors(vec![DataError::Schema {
            path: "(top)".into(),
            message: "the file must be one JSON object { … }".into(),
        }]));
    };
    // The header: the top-level fields that are not lists.
    let mut top = Fields {
        path: String::new(),
        obj,
        read: Vec::new(),
        broken: false,
    };
    let schema = top.num(&mut c, "schema");
    let as_of = top.date(&mut c, "as_of");
    let deal_date = top.date(&mut c, "deal_date");
    let coverage = match top.raw("coverage") {
        Some(v) => Fields::new(&mut c, "coverage".into(), v).map(|mut f| {
            let range = (f.date(&mut c, "start"), f.date(&mut c, "end"));
            top.broken |= !f.finish(&mut c);
            range
        }),
        None => {
            top.missing(&mut c, "coverage");
            None
        }
    };
    for list in ["flows", "measures", "quotas", "events", "exchange_rates"] {
        top.read.push(list);
    }
    let header_ok = top.finish(&mut c);
    if schema != f64::from(SCHEMA) && header_ok {
        c.schema(
            "schema",
            &format!("this widget reads schema {SCHEMA}, the file is schema {schema}"),
        );
    }
    if let Some((start, end)) = coverage {
        if end < start {
            c.rule("coverage", "ends before it starts");
        }
    }
    let raw_flows = c.records(root, "flows", read_flow);
    let raw_measures = c.records(root, "measures", read_measure);
    let raw_quotas: Vec<(String, RawQuota)> = match root.get("quotas") {
        None => Vec::new(),
        Some(_) => c.records(root, "quotas", read_quota),
    };
    let raw_events = c.records(root, "events", read_event);
    let raw_rates = c.records(root, "exchange_rates", read_exchange_rate);

    let mut ids = HashSet::new();
    let mut flows = Vec::new();
    for (rec, f) in raw_flows {
        c.id(&rec, &f.id, &mut ids);
        for (field, code) in [("origin", &f.origin), ("destination", &f.destination)] {
            if !["CA", "CN", "US"].contains(&code.as_str()) {
                c.rule(&rec, format!("{field} \"{code}\" must be CA, CN or US"));
            }
        }
        let default_value_minor = match Rate::from_percent(f.default_value) {
            // from_percent reads a two-decimal number exactly: the same rule as cents.
            Some(Rate(minor)) if minor > 0 && minor <= super::money::MAX_VALUE_MINOR => minor,
            _ => {
                c.rule(
                    &rec,
                    format!(
                        "default_value {} must be a positive amount with at most two decimals",
                        f.default_value
                    ),
                );
                MINOR_PER_MAJOR
            }
        };
        flows.push(Flow {
            name: c.text(&rec, "name", f.name),
            unit: c.text(&rec, "unit", f.unit),
            note: c.opt_text(&rec, "note", f.note),
            id: f.id,
            origin: f.origin,
            destination: f.destination,
            hs: f.hs,
            currency: f.currency,
            default_value_minor,
        });
    }
    let flow_ids: HashSet<&str> = flows.iter().map(|f| f.id.as_str()).collect();

    let mut measure_ids = HashSet::new();
    let mut measures = Vec::new();
    let mut measure_records = HashMap::new();
    for (rec, m) in raw_measures {
        c.id(&rec, &m.id, &mut measure_ids);
        if !flow_ids.contains(m.flow.as_str()) {
            c.rule(&rec, format!("flow \"{}\" is not in flows", m.flow));
        }
        c.window(&rec, m.start, m.end);
        let rate = match (m.kind.has_rate(), m.rate) {
            (true, Some(r)) => c.rate(&rec, "rate", r),
            (true, None) => {
                c.rule(&rec, "rate: a layer of this kind needs a rate");
                None
            }
            (false, Some(_)) => {
                c.rule(&rec, "rate: a ban or suspension has no rate; remove it");
                None
            }
            (false, None) => None,
        };
        match (m.kind, &m.suspends) {
            (MeasureKind::Suspension, None) => c.rule(
                &rec,
                "suspends: name the measure this suspension switches off",
            ),
            (MeasureKind::Suspension, Some(_)) if m.start.is_none() || m.end.is_none() => {
                c.rule(&rec, "a suspension needs both a start and an end date")
            }
            (k, Some(_)) if k != MeasureKind::Suspension => {
                c.rule(&rec, "suspends: only a suspension may name a measure")
            }
            _ => {}
        }
        measure_records.insert(m.id.clone(), rec.clone());
        measures.push(Measure {
            name: c.text(&rec, "name", m.name),
            instrument: c.text(&rec, "instrument", m.instrument),
            note: c.opt_text(&rec, "note", m.note),
            sources: c.sources(&rec, m.sources),
            id: m.id,
            flow: m.flow,
            kind: m.kind,
            rate,
            start: m.start,
            end: m.end,
            confidence: m.confidence,
            suspends: m.suspends,
        });
    }
    // Suspensions must name a measure of their own flow.
    for m in &measures {
        if let Some(target) = &m.suspends {
            let rec = &measure_records[&m.id];
            match measures.iter().find(|t| &t.id == target) {
                None => c.rule(
                    rec,
                    format!("suspends \"{target}\", which is not in measures"),
                ),
                Some(t) if t.flow != m.flow => c.rule(
                    rec,
                    format!("suspends \"{target}\", a measure of another flow"),
                ),
                Some(t) if t.kind == MeasureKind::Suspension => {
                    c.rule(rec, "a suspension cannot suspend a suspension")
                }
                _ => {}
            }
        }
    }
    // Two layers of one kind on one flow may not be in force on the same day
    // (for suspensions: two suspensions of the same measure).
    for (i, a) in measures.iter().enumerate() {
        for b in &measures[i + 1..] {
            let same_layer = a.flow == b.flow
                && a.kind == b.kind
                && (a.kind != MeasureKind::Suspension || a.suspends == b.suspends);
            if same_layer && windows_overlap(a, b) {
                let rec = &measure_records[&b.id];
                c.rule(
                    rec,
                    format!(
                        "overlaps \"{}\": two {} layers on flow \"{}\" are in force on the same days; end one the day before the other starts",
                        a.id,
                        a.kind.label(Lang::En).to_ascii_lowercase(),
                        a.flow
                    ),
                );
            }
        }
    }

    let mut quotas = Vec::new();
    for (rec, q) in raw_quotas {
        c.id(&rec, &q.id, &mut ids);
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
                        q.first_year_units
                    ),
                );
                1
            });
        let growth = c.rate(&rec, "growth", q.growth).unwrap_or(Rate::ZERO);
        quotas.push(Quota {
            name: c.text(&rec, "name", q.name),
            instrument: c.text(&rec, "instrument", q.instrument),
            over_quota_note: c.opt_text(&rec, "over_quota_note", q.over_quota_note),
            sources: c.sources(&rec, q.sources),
            id: q.id,
            flow: q.flow,
            start: q.start,
            end: q.end,
            first_year_units,
            growth,
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

    let mut event_ids = HashSet::new();
    let mut events = Vec::new();
    for (rec, e) in raw_events {
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
                c.rule(&rec, format!("priority {} must be 1, 2 or 3", e.priority));
                2
            }) as u8;
        for m in e.starts.iter().chain(&e.ends) {
            if !measure_ids.contains(m) {
                c.rule(
                    &rec,
                    format!("refers to measure \"{m}\", which is not in measures"),
                );
            }
        }
        events.push(Event {
            title: c.text(&rec, "title", e.title),
            description: c.text(&rec, "description", e.description),
            sources: c.sources(&rec, e.sources),
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
    super::order::sort_by(&mut events, |a, b| {
        (a.date, a.priority, &a.id).cmp(&(b.date, b.priority, &b.id))
    });

    let mut exchange_rates = Vec::new();
    for (rec, r) in raw_rates {
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
                    r.cad
                ),
            );
            1_000_000
        };
        c.url(&rec, &r.source);
        exchange_rates.push(ExchangeRate {
            note: c.opt_text(&rec, "note", r.note),
            currency: r.currency,
            from: r.from,
            cad_micros,
            source: r.source,
            confidence: r.confidence,
        });
    }
    super::order::sort_by_key(&mut exchange_rates, |r| (r.currency.code(), r.from));
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

    match (coverage, c.errors.is_empty()) {
        (Some(coverage), true) => Ok(Dataset {
            schema: SCHEMA,
            as_of,
            coverage,
            deal_date,
            flows,
            measures,
            quotas,
            events,
            exchange_rates,
        }),
        _ => Err(DataErrors(c.errors)),
    }
}

/// A JSON number that is a whole, non-negative number.
fn whole_number(n: f64) -> Option<u64> {
    (n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n < 9e15).then_some(n as u64)
}

fn windows_overlap(a: &Measure, b: &Measure) -> bool {
    let a_start = a.start.map_or(i32::MIN, Date::days);
    let b_start = b.start.map_or(i32::MIN, Date::days);
    let a_end = a.end.map_or(i32::MAX, Date::days);
    let b_end = b.end.map_or(i32::MAX, Date::days);
    a_start <= b_end && b_start <= a_end
}

/// Merges an embedder's inline dataset into `base`.
///
/// `{"replace": true, …}` replaces the built-in data; otherwise every list of
/// the inline file is appended, and a record with the id of a built-in one
/// replaces it. The result is validated as a whole.
pub fn load_with_overlay(base_json: &str, overlay_json: &str) -> Result<Dataset, DataErrors> {
    let overlay = parse(overlay_json, "inline data: ")?;
    let Some(members) = overlay.as_object() else {
        return Err(DataErrors(vec![DataError::Schema {
            path: "(inline data)".into(),
            message: "must be one JSON object { … }".into(),
        }]));
    };
    let replace = overlay.get("replace").and_then(Json::as_bool) == Some(true);
    let extra = members.iter().filter(|(k, _)| k != "replace");
    if replace {
        return load_value(&Json::Obj(extra.cloned().collect()));
    }
    let Json::Obj(mut base) = parse(base_json, "")? else {
        return load(base_json);
    };
    for (key, value) in extra {
        match (base.iter_mut().rev().find(|(k, _)| k == key), value) {
            (Some((_, Json::Arr(list))), Json::Arr(items)) => {
                for item in items {
                    let id = item.get("id");
                    match id.and_then(|id| list.iter().position(|x| x.get("id") == Some(id))) {
                        Some(pos) => list[pos] = item.clone(),
                        None => list.push(item.clone()),
                    }
                }
            }
            (Some((_, slot)), value) => *slot = value.clone(),
            (None, value) => base.push((key.clone(), value.clone())),
        }
    }
    load_value(&Json::Obj(base))
}
