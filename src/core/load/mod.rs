//! Reading and validating a data file: never panics, reports every problem at once.
//!
//! Three passes, each reporting all it finds:
//! 1. JSON syntax (line and column);
//! 2. the shape of each record, one record at a time, so one bad record does
//!    not hide the next (the JSON path, e.g. `measures[3].rate`): `read`;
//! 3. the rules between records (references, windows, overlaps, rates,
//!    exporters, settlements, versions: `records`), about a flow's goods
//!    (HS headings, scope, schedule, keywords: `goods`) and about sources
//!    (https, the denylist, dates, primary texts: `sources`), naming the
//!    record by its id.
//!
//! Besides the problems, which stop a file, the checks collect warnings
//! (a source with no title or no date) that `validate` prints and the
//! widget ignores.

mod goods;
mod measures;
mod read;
mod records;
mod rules;
mod shapes;
mod sources;

pub use sources::{denied, denylist, DENYLIST};

use crate::core::date::Date;
use crate::core::format::plain_number;
use crate::core::json::{self, Json};
use crate::core::model::*;
use read::Fields;
use rules::{whole_number, Checker};
use shapes::{read_change, read_event, read_exchange_rate, read_flow, read_measure, read_quota};
use sources::SourceRules;
use std::collections::HashSet;
use std::fmt;

/// The schema version this build reads. Schema 2 made each source a record
/// (url, publisher, title, date, kind) and added `version` and `changes`.
pub const SCHEMA: u32 = 2;

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

/// Something an editor should fix but that does not stop the file: a
/// source with no title or no date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataWarning {
    pub record: String,
    pub message: String,
}

impl fmt::Display for DataWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.record, self.message)
    }
}

/// Reads and validates a data file.
pub fn load(text: &str) -> Result<Dataset, DataErrors> {
    check(text).0
}

/// Reads and validates a data file, and returns the warnings too (for
/// `validate`; they are found whether or not the file has problems).
pub fn check(text: &str) -> (Result<Dataset, DataErrors>, Vec<DataWarning>) {
    match parse(text, "") {
        Ok(root) => load_value(&root),
        Err(e) => (Err(e), Vec::new()),
    }
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

/// The top-level fields that are not lists of records.
struct Header {
    schema: f64,
    version: Option<u32>,
    as_of: Date,
    deal_date: Date,
    coverage: Option<(Date, Date)>,
}

fn read_header(c: &mut Checker, obj: &[(String, Json)]) -> (Header, bool) {
    let mut top = Fields {
        path: String::new(),
        obj,
        read: Vec::new(),
        broken: false,
    };
    let schema = top.num(c, "schema");
    let version_raw = top.opt_num(c, "version");
    let as_of = top.date(c, "as_of");
    let deal_date = top.date(c, "deal_date");
    let coverage = match top.raw("coverage") {
        Some(v) => Fields::new(c, "coverage".into(), v).map(|mut f| {
            let range = (f.date(c, "start"), f.date(c, "end"));
            top.broken |= !f.finish(c);
            range
        }),
        None => {
            top.missing(c, "coverage");
            None
        }
    };
    for list in [
        "flows",
        "measures",
        "quotas",
        "events",
        "exchange_rates",
        "changes",
    ] {
        top.read.push(list);
    }
    let version = version_raw.and_then(|v| {
        let ok = whole_number(v)
            .filter(|v| *v >= 1 && *v <= u64::from(u32::MAX))
            .map(|v| v as u32);
        if ok.is_none() {
            c.schema(
                "version",
                "must be a whole number, 1 or more: the data's published version",
            );
        }
        ok
    });
    let header_ok = top.finish(c);
    if header_ok && schema != f64::from(SCHEMA) {
        let why = if schema == 1.0 {
            "; schema 2 made each source a record {\"url\", \"publisher\", \"title\", \"date\", \"kind\"} and added version and changes (see data/README.md)"
        } else {
            ""
        };
        c.schema(
            "schema",
            &format!(
                "this widget reads schema {SCHEMA}, the file is schema {}{why}",
                plain_number(schema)
            ),
        );
    }
    if let Some((start, end)) = coverage {
        if end < start {
            c.rule("coverage", "ends before it starts");
        }
    }
    (
        Header {
            schema,
            version,
            as_of,
            deal_date,
            coverage,
        },
        header_ok,
    )
}

/// Validates an already parsed data file.
fn load_value(root: &Json) -> (Result<Dataset, DataErrors>, Vec<DataWarning>) {
    let mut c = Checker::new();
    let Some(obj) = root.as_object() else {
        return (
            Err(DataErrors(vec![DataError::Schema {
                path: "(top)".into(),
                message: "the file must be one JSON object { … }".into(),
            }])),
            Vec::new(),
        );
    };
    let (header, header_ok) = read_header(&mut c, obj);
    let raw_flows = c.records(root, "flows", read_flow);
    let raw_measures = c.records(root, "measures", read_measure);
    let raw_quotas = match root.get("quotas") {
        None => Vec::new(),
        Some(_) => c.records(root, "quotas", read_quota),
    };
    let raw_events = c.records(root, "events", read_event);
    let raw_rates = c.records(root, "exchange_rates", read_exchange_rate);
    let raw_changes = match root.get("changes") {
        None => Vec::new(),
        Some(_) => c.records(root, "changes", read_change),
    };

    // Dates are compared with as_of only once the header read: a broken
    // header is reported on its own rather than as every source's problem.
    let mut src = SourceRules::new(header_ok.then_some(header.as_of));
    let mut ids = HashSet::new();
    let flows = records::flows(&mut c, &mut src, raw_flows, &mut ids);
    let flow_ids: HashSet<&str> = flows.iter().map(|f| f.id.as_str()).collect();
    let (measures, measure_records) = measures::measures(&mut c, &mut src, raw_measures, &flow_ids);
    let quotas = records::quotas(&mut c, &mut src, raw_quotas, &mut ids, &flow_ids, &measures);
    let events = records::events(&mut c, &mut src, raw_events, &measure_records);
    let exchange_rates = records::exchange_rates(&mut c, &mut src, raw_rates);
    let changes = records::changes(&mut c, &mut src, raw_changes, header.version);
    src.warn(&mut c);

    let result = match (header.coverage, c.errors.is_empty()) {
        (Some(coverage), true) => Ok(Dataset {
            schema: header.schema as u32,
            version: header.version,
            changes,
            as_of: header.as_of,
            coverage,
            deal_date: header.deal_date,
            flows,
            measures,
            quotas,
            events,
            exchange_rates,
        }),
        _ => Err(DataErrors(c.errors)),
    };
    (result, c.warnings)
}

impl Checker {
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
        return load_value(&Json::Obj(extra.cloned().collect())).0;
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
    load_value(&Json::Obj(base)).0
}
