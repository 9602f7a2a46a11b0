//! Reading an events spreadsheet (CSV) into the data file's events: the
//! editor's path with no code (`validate --from-csv`, and the builder's
//! "Check your data", `www/events-csv.mjs`, which follows this module rule
//! for rule). Every problem is reported at once with its line and column,
//! and nothing is dropped in silence: an unknown column, a row with a cell
//! too many, a quote left open are problems, not losses.
//!
//! The columns are [`csv::EVENT_COLUMNS`](super::csv::EVENT_COLUMNS) (what
//! the widget's events download writes), in any order and any case, plus
//! the optional `id`, `confidence` and `priority`. A row becomes an event:
//!
//! - `date` `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `end date` empty or a day;
//! - `category` as the data file names it (`public_opinion`);
//! - the four texts as they are (a cell is never trimmed);
//! - `sources`: addresses separated by spaces, each a source record whose
//!   publisher is the address's host, of kind `primary` on a government
//!   host, else `press`;
//! - `id` when given, else the date and the English title
//!   (`2018-12-01-meng-wanzhou-arrested`); `confidence` `confirmed` and
//!   `priority` 2 unless given.
//!
//! The events come out in the data's own order (date, priority, id), so a
//! file read, written by [`csv::events_to_csv`](super::csv::events_to_csv)
//! and read again gives the same events: JSON → CSV → JSON is identical.

use super::csv::EVENT_COLUMNS;
use super::json::{self, Json};
use super::load::{load, DataError};
use std::fmt;

/// One problem in a CSV file, where an editor finds it. `line` 0 is about
/// the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvProblem {
    /// 1-based, as a text editor counts (a line break inside a quoted cell
    /// starts a new line).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "the file: {}", self.message)
        } else {
            write!(
                f,
                "line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

mod cells;
mod rows;

use cells::records;
use rows::*;

/// The events read from a CSV file, in the data's order, and the line each
/// came from.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvEvents {
    pub events: Vec<Json>,
    pub lines: Vec<usize>,
}

/// Reads an events CSV; every problem at once, or the events.
pub fn events_from_csv(text: &str) -> Result<CsvEvents, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let recs = records(text, &mut problems);
    let mut recs = recs
        .into_iter()
        .filter(|r| r.iter().any(|c| !c.text.trim().is_empty()));
    let Some(header) = recs.next() else {
        problems.push(CsvProblem {
            line: 0,
            column: 0,
            message: format!(
                "no header row: the first row names the columns ({})",
                EVENT_COLUMNS.join(", ")
            ),
        });
        return Err(problems);
    };
    // Column name → index in the row.
    let mut cols: Vec<(&'static str, usize)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let name = cell.text.trim().to_lowercase();
        let known = EVENT_COLUMNS
            .iter()
            .chain(OPTIONAL.iter())
            .find(|c| c.to_lowercase() == name);
        match known {
            Some(k) if cols.iter().any(|(c, _)| c == k) => problems.push(CsvProblem {
                line: cell.line,
                column: cell.column,
                message: format!("the column \"{k}\" comes twice"),
            }),
            Some(k) => cols.push((k, i)),
            None => problems.push(CsvProblem {
                line: cell.line,
                column: cell.column,
                message: format!(
                    "unknown column \"{}\": its cells would be lost (the columns are {}, and optionally {})",
                    cell.text.trim(),
                    EVENT_COLUMNS.join(", "),
                    OPTIONAL.join(", ")
                ),
            }),
        }
    }
    let header_line = header.first().map_or(1, |c| c.line);
    for k in EVENT_COLUMNS {
        if !cols.iter().any(|(c, _)| *c == k) {
            problems.push(CsvProblem {
                line: header_line,
                column: 1,
                message: format!("the header has no column \"{k}\""),
            });
        }
    }
    let width = header.len();
    let mut rows = Vec::new();
    for rec in recs {
        let (line, column) = (rec[0].line, rec[0].column);
        if rec.len() != width {
            let at = rec
                .get(width)
                .map_or((line, column), |c| (c.line, c.column));
            problems.push(CsvProblem {
                line: at.0,
                column: at.1,
                message: format!(
                    "this row has {} cells, the header {width}{}",
                    rec.len(),
                    if rec.len() > width {
                        ": the cells after the last column would be lost (a comma in a text needs the text in quotes)"
                    } else {
                        ""
                    }
                ),
            });
        }
        if let Some(row) = read_row(&rec, &cols, &mut problems) {
            rows.push(row);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(finish(rows))
}

/// `base` (a data file) with its events replaced by `events`.
pub fn with_events(base: &Json, events: Vec<Json>) -> Json {
    let mut members: Vec<(String, Json)> = base.as_object().map(<[_]>::to_vec).unwrap_or_default();
    match members.iter_mut().find(|(k, _)| k == "events") {
        Some((_, v)) => *v = Json::Arr(events),
        None => members.push(("events".into(), Json::Arr(events))),
    }
    Json::Obj(members)
}

/// `value` indented by two spaces, as `JSON.stringify(value, null, 2)`
/// writes it (the builder's download and this are the same text).
pub fn pretty(value: &Json) -> String {
    fn go(v: &Json, depth: usize, out: &mut String) {
        let pad = |d: usize| "  ".repeat(d);
        match v {
            Json::Arr(items) if !items.is_empty() => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(depth + 1));
                    go(item, depth + 1, out);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(depth));
                out.push(']');
            }
            Json::Obj(members) if !members.is_empty() => {
                out.push_str("{\n");
                for (i, (k, item)) in members.iter().enumerate() {
                    out.push_str(&pad(depth + 1));
                    out.push_str(&json::to_string(&Json::Str(k.clone())));
                    out.push_str(": ");
                    go(item, depth + 1, out);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(depth));
                out.push('}');
            }
            other => out.push_str(&json::to_string(other)),
        }
    }
    let mut out = String::new();
    go(value, 0, &mut out);
    out
}

/// The column of a data-file path under `events[k]`, for a problem the
/// data file's rules found.
fn column_of(rest: &str) -> &'static str {
    let field = rest.trim_start_matches('.');
    match field.split(['.', '[', ' ', ':']).next().unwrap_or("") {
        "title" if field.starts_with("title.fr") => "French title",
        "title" => "English title",
        "description" if field.starts_with("description.fr") => "French text",
        "description" => "English text",
        "end" => "end date",
        "category" => "category",
        "sources" | "source" => "sources",
        "priority" => "priority",
        "confidence" => "confidence",
        "id" => "id",
        _ => "date",
    }
}

/// Reads an events CSV into `base_json` (a data file) in place of its
/// events, and checks the result with the data file's own rules: the data
/// file (indented JSON), or every problem with its line and column.
pub fn data_from_csv(
    base_json: &str,
    csv: &str,
    header: &[String],
) -> Result<String, Vec<CsvProblem>> {
    let read = events_from_csv(csv)?;
    let base = json::parse(base_json).map_err(|e| {
        vec![CsvProblem {
            line: 0,
            column: 0,
            message: format!("the base data file does not read: {e}"),
        }]
    })?;
    let lines = read.lines.clone();
    let data = pretty(&with_events(&base, read.events));
    match load(&data) {
        Ok(_) => Ok(data),
        Err(errors) => Err(errors
            .0
            .iter()
            .map(|e| {
                let (place, message) = match e {
                    DataError::Schema { path, message } => (path.as_str(), message.clone()),
                    DataError::Rule { record, message } => (record.as_str(), message.clone()),
                    DataError::Syntax { message, .. } => ("", message.clone()),
                };
                let index = place
                    .strip_prefix("events[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|n| n.parse::<usize>().ok());
                match index.and_then(|i| lines.get(i).map(|l| (i, *l))) {
                    Some((i, line)) => {
                        // A path (`events[3].title.fr`) names the field; a rule
                        // (`events[3] (id "x")`) names it first in its message.
                        let rest = &place[format!("events[{i}]").len()..];
                        let rest = if rest.starts_with('.') {
                            rest
                        } else {
                            message.as_str()
                        };
                        let col = column_of(rest);
                        let column = header
                            .iter()
                            .position(|h| h.eq_ignore_ascii_case(col))
                            .map_or(1, |p| p + 1);
                        CsvProblem {
                            line,
                            column,
                            message,
                        }
                    }
                    None => CsvProblem {
                        line: 0,
                        column: 0,
                        message: e.to_string(),
                    },
                }
            })
            .collect()),
    }
}

/// The header row's names, to place the data rules' problems in their column.
pub fn header_names(csv: &str) -> Vec<String> {
    let mut ignored = Vec::new();
    records(csv, &mut ignored)
        .into_iter()
        .find(|r| r.iter().any(|c| !c.text.trim().is_empty()))
        .map(|r| r.into_iter().map(|c| c.text.trim().to_string()).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
