//! Reading and validating a data file: never panics, reports every problem at once.
//!
//! Three passes, each reporting all it finds:
//! 1. JSON syntax (line and column);
//! 2. the shape of each record, one record at a time, so one bad record does
//!    not hide the next (the JSON path, e.g. `measures[3].rate`);
//! 3. the rules between records: references, windows, overlaps, rates,
//!    URLs, French text (naming the record by its id).

use super::date::{Date, Precision};
use super::model::*;
use super::money::{Currency, Rate, MINOR_PER_MAJOR};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The schema version this build reads.
pub const SCHEMA: u32 = 1;

/// The dataset compiled into the widget.
pub const BUILTIN_JSON: &str = include_str!("../../data/canada-china.json");

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    en: String,
    #[serde(default)]
    fr: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCoverage {
    start: Date,
    end: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    schema: u32,
    as_of: Date,
    coverage: RawCoverage,
    deal_date: Date,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlow {
    id: String,
    origin: String,
    destination: String,
    name: RawText,
    hs: String,
    currency: Currency,
    unit: RawText,
    default_value: f64,
    #[serde(default)]
    note: Option<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    id: String,
    flow: String,
    kind: MeasureKind,
    name: RawText,
    #[serde(default)]
    rate: Option<f64>,
    #[serde(default)]
    start: Option<Date>,
    #[serde(default)]
    end: Option<Date>,
    instrument: RawText,
    sources: Vec<String>,
    confidence: Confidence,
    #[serde(default)]
    note: Option<RawText>,
    #[serde(default)]
    suspends: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuota {
    id: String,
    flow: String,
    name: RawText,
    start: Date,
    #[serde(default)]
    end: Option<Date>,
    first_year_units: u64,
    growth: f64,
    waives: Vec<String>,
    over_quota_confidence: Confidence,
    #[serde(default)]
    over_quota_note: Option<RawText>,
    instrument: RawText,
    sources: Vec<String>,
    confidence: Confidence,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    date: String,
    #[serde(default)]
    end: Option<Date>,
    title: RawText,
    description: RawText,
    category: Category,
    sources: Vec<String>,
    confidence: Confidence,
    #[serde(default = "default_priority")]
    priority: u8,
    #[serde(default)]
    starts: Vec<String>,
    #[serde(default)]
    ends: Vec<String>,
}

fn default_priority() -> u8 {
    2
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExchangeRate {
    currency: Currency,
    from: Date,
    cad: f64,
    source: String,
    confidence: Confidence,
    #[serde(default)]
    note: Option<RawText>,
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

    /// Deserializes `value` as `T`, reporting the JSON path of the first
    /// problem inside it.
    fn shape<T: DeserializeOwned>(&mut self, path: &str, value: &Value) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(t) => Some(t),
            Err(e) => {
                let inner = e.path().to_string();
                let full = if inner == "." || inner.is_empty() {
                    path.to_string()
                } else if inner.starts_with('[') {
                    format!("{path}{inner}")
                } else {
                    format!("{path}.{inner}")
                };
                let message = friendly_serde_message(&e.inner().to_string());
                self.errors.push(DataError::Schema {
                    path: full,
                    message,
                });
                None
            }
        }
    }

    /// Each element of the array `key` of `root`, shaped as `T`.
    fn records<T: DeserializeOwned>(
        &mut self,
        root: &serde_json::Map<String, Value>,
        key: &str,
    ) -> Vec<(String, T)> {
        let Some(value) = root.get(key) else {
            self.errors.push(DataError::Schema {
                path: key.to_string(),
                message: "missing list".into(),
            });
            return Vec::new();
        };
        let Some(items) = value.as_array() else {
            self.errors.push(DataError::Schema {
                path: key.to_string(),
                message: "must be a list [ … ]".into(),
            });
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{key}[{i}]");
            if let Some(t) = self.shape::<T>(&path, item) {
                let id = item.get("id").and_then(Value::as_str).map(str::to_string);
                let name = match id {
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
            && url[..8].eq_ignore_ascii_case("https://")
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

/// Makes serde's messages read as advice to an editor.
fn friendly_serde_message(m: &str) -> String {
    let m = m.to_string();
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        return format!("unknown value {rest}");
    }
    m
}

/// Reads and validates a data file.
pub fn load(json: &str) -> Result<Dataset, DataErrors> {
    let root: Value = serde_json::from_str(json).map_err(|e| {
        DataErrors(vec![DataError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or("")
                .to_string(),
        }])
    })?;
    let mut c = Checker { errors: Vec::new() };
    let Some(obj) = root.as_object() else {
        return Err(DataErrors(vec![DataError::Schema {
            path: "(top)".into(),
            message: "the file must be one JSON object { … }".into(),
        }]));
    };
    let header_value = Value::Object(
        ["schema", "as_of", "coverage", "deal_date"]
            .iter()
            .filter_map(|k| obj.get(*k).map(|v| (k.to_string(), v.clone())))
            .collect(),
    );
    for key in obj.keys() {
        if ![
            "schema",
            "as_of",
            "coverage",
            "deal_date",
            "flows",
            "measures",
            "quotas",
            "events",
            "exchange_rates",
        ]
        .contains(&key.as_str())
        {
            c.errors.push(DataError::Schema {
                path: key.clone(),
                message: "unknown field".into(),
            });
        }
    }
    let header: Option<RawHeader> = c.shape("(top)", &header_value);
    if let Some(h) = &header {
        if h.schema != SCHEMA {
            c.errors.push(DataError::Schema {
                path: "schema".into(),
                message: format!(
                    "this widget reads schema {SCHEMA}, the file is schema {}",
                    h.schema
                ),
            });
        }
        if h.coverage.end < h.coverage.start {
            c.rule("coverage", "ends before it starts");
        }
    }
    let raw_flows: Vec<(String, RawFlow)> = c.records(obj, "flows");
    let raw_measures: Vec<(String, RawMeasure)> = c.records(obj, "measures");
    let raw_quotas: Vec<(String, RawQuota)> = match obj.get("quotas") {
        None => Vec::new(),
        Some(_) => c.records(obj, "quotas"),
    };
    let raw_events: Vec<(String, RawEvent)> = c.records(obj, "events");
    let raw_rates: Vec<(String, RawExchangeRate)> = c.records(obj, "exchange_rates");

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
                        a.kind.label(Lang::En).to_lowercase(),
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
        if q.first_year_units == 0 {
            c.rule(&rec, "first_year_units must be more than zero");
        }
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
            first_year_units: q.first_year_units,
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
        if !(1..=3).contains(&e.priority) {
            c.rule(&rec, format!("priority {} must be 1, 2 or 3", e.priority));
        }
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
            priority: e.priority.clamp(1, 3),
            starts: e.starts,
            ends: e.ends,
        });
    }
    events.sort_by(|a, b| (a.date, a.priority, &a.id).cmp(&(b.date, b.priority, &b.id)));

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
    exchange_rates.sort_by_key(|r| (r.currency.code(), r.from));
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

    match (header, c.errors.is_empty()) {
        (Some(h), true) => Ok(Dataset {
            schema: h.schema,
            as_of: h.as_of,
            coverage: (h.coverage.start, h.coverage.end),
            deal_date: h.deal_date,
            flows,
            measures,
            quotas,
            events,
            exchange_rates,
        }),
        _ => Err(DataErrors(c.errors)),
    }
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
    let overlay: Value = serde_json::from_str(overlay_json).map_err(|e| {
        DataErrors(vec![DataError::Syntax {
            line: e.line(),
            column: e.column(),
            message: format!(
                "inline data: {}",
                e.to_string().split(" at line ").next().unwrap_or("")
            ),
        }])
    })?;
    let Some(mut overlay) = overlay.as_object().cloned() else {
        return Err(DataErrors(vec![DataError::Schema {
            path: "(inline data)".into(),
            message: "must be one JSON object { … }".into(),
        }]));
    };
    if overlay.remove("replace").and_then(|v| v.as_bool()) == Some(true) {
        return load(&Value::Object(overlay).to_string());
    }
    let mut base: Value = serde_json::from_str(base_json).map_err(|e| {
        DataErrors(vec![DataError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }])
    })?;
    let Some(base_obj) = base.as_object_mut() else {
        return load(base_json);
    };
    for (key, value) in overlay {
        match (base_obj.get_mut(&key), value) {
            (Some(Value::Array(list)), Value::Array(extra)) => {
                for item in extra {
                    let id = item.get("id").cloned();
                    match id.and_then(|id| list.iter().position(|x| x.get("id") == Some(&id))) {
                        Some(pos) => list[pos] = item,
                        None => list.push(item),
                    }
                }
            }
            (_, value) => {
                base_obj.insert(key, value);
            }
        }
    }
    load(&base.to_string())
}
