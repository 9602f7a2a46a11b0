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

use super::csv::{category_name, EVENT_COLUMNS};
use super::date::{Date, Precision};
use super::json::{self, Json};
use super::load::{load, DataError};
use super::model::{host_of, Category};
use std::cmp::Ordering;
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

/// A cell and where it starts.
#[derive(Clone, Debug)]
struct Cell {
    text: String,
    line: usize,
    column: usize,
}

/// RFC 4180 records (CRLF or LF line ends; a leading byte order mark is
/// skipped), each cell with its position; syntax problems into `problems`.
fn records(text: &str, problems: &mut Vec<CsvProblem>) -> Vec<Vec<Cell>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut record: Vec<Cell> = Vec::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    let mut cell = Cell {
        text: String::new(),
        line,
        column,
    };
    // Where we are in the cell: at its start, inside quotes, after the
    // closing quote, or in an unquoted cell.
    #[derive(PartialEq)]
    enum At {
        Start,
        Quoted,
        Closed,
        Plain,
    }
    let mut at = At::Start;
    let mut open = (0, 0);
    while let Some(c) = chars.next() {
        let here = (line, column);
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
        match (&at, c) {
            (At::Quoted, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
                cell.text.push('"');
            }
            (At::Quoted, '"') => at = At::Closed,
            (At::Quoted, c) => cell.text.push(c),
            (At::Start, '"') => {
                at = At::Quoted;
                open = here;
            }
            (_, ',') => {
                record.push(std::mem::replace(
                    &mut cell,
                    Cell {
                        text: String::new(),
                        line,
                        column,
                    },
                ));
                at = At::Start;
            }
            (_, '\r') if chars.peek() == Some(&'\n') => {}
            (_, '\n') | (_, '\r') => {
                if c == '\r' {
                    line += 1;
                    column = 1;
                }
                record.push(std::mem::replace(
                    &mut cell,
                    Cell {
                        text: String::new(),
                        line,
                        column,
                    },
                ));
                out.push(std::mem::take(&mut record));
                at = At::Start;
            }
            (At::Closed, c) => {
                problems.push(CsvProblem {
                    line: here.0,
                    column: here.1,
                    message: format!(
                        "\"{c}\" after a closing quote: a quoted cell ends with the quote (write a quote inside it as \"\")"
                    ),
                });
                cell.text.push(c);
            }
            (_, '"') => {
                problems.push(CsvProblem {
                    line: here.0,
                    column: here.1,
                    message: "a quote inside a cell that does not start with one: put the cell in quotes and double the quote (\"\")".into(),
                });
                cell.text.push('"');
                at = At::Plain;
            }
            (_, c) => {
                cell.text.push(c);
                at = At::Plain;
            }
        }
    }
    if at == At::Quoted {
        problems.push(CsvProblem {
            line: open.0,
            column: open.1,
            message: "this quoted cell is never closed: everything after it was read into it"
                .into(),
        });
    }
    if !(record.is_empty() && cell.text.is_empty() && at == At::Start) {
        record.push(cell);
        out.push(record);
    }
    out
}

/// The optional columns, after [`EVENT_COLUMNS`].
const OPTIONAL: [&str; 3] = ["id", "confidence", "priority"];

const CATEGORIES: [Category; 5] = [
    Category::Diplomacy,
    Category::Trade,
    Category::Detention,
    Category::Security,
    Category::PublicOpinion,
];

/// Hosts (and their subdomains) whose pages count as primary sources.
const GOVERNMENT: [&str; 7] = [
    "gc.ca",
    "canada.ca",
    "gov",
    "gov.cn",
    "gouv.qc.ca",
    "europa.eu",
    "wto.org",
];

fn source_kind(host: &str) -> &'static str {
    let official = GOVERNMENT
        .iter()
        .any(|g| host == *g || host.strip_suffix(g).is_some_and(|rest| rest.ends_with('.')));
    if official {
        "primary"
    } else {
        "press"
    }
}

/// Latin letters with accents to their plain letters, for ids.
fn fold(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => "-",
    }
}

/// `2018-12-01-meng-wanzhou-arrested-in-vancouver`: the date, then the
/// English title in lowercase ASCII words (at most 48 characters of them).
pub fn event_id(date: &str, title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else {
            slug.push_str(fold(c));
        }
    }
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    while words.iter().map(|w| w.len() + 1).sum::<usize>() > 49 && words.len() > 1 {
        words.pop();
    }
    let mut slug = words.join("-");
    slug.truncate(48);
    let slug = slug.trim_end_matches('-');
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    let date = date.trim_matches('-');
    match (date.is_empty(), slug.is_empty()) {
        (false, true) => format!("{date}-event"),
        (true, true) => "event".to_string(),
        (true, false) => slug.to_string(),
        (false, false) => format!("{date}-{slug}"),
    }
}

/// The events read from a CSV file, in the data's order, and the line each
/// came from.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvEvents {
    pub events: Vec<Json>,
    pub lines: Vec<usize>,
}

struct Row {
    line: usize,
    base_id: String,
    explicit_id: bool,
    date_key: String,
    priority: u8,
    fields: Vec<String>,
    event: Vec<(String, Json)>,
}

fn s(v: &str) -> Json {
    Json::Str(v.to_string())
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

/// One row as an event, or its problems.
fn read_row(
    rec: &[Cell],
    cols: &[(&'static str, usize)],
    problems: &mut Vec<CsvProblem>,
) -> Option<Row> {
    let before = problems.len();
    let first = &rec[0];
    let cell = |name: &str| -> Option<&Cell> {
        cols.iter()
            .find(|(c, _)| *c == name)
            .and_then(|(_, i)| rec.get(*i))
    };
    let mut bad = |c: Option<&Cell>, message: String| {
        let (line, column) = c.map_or((first.line, first.column), |c| (c.line, c.column));
        problems.push(CsvProblem {
            line,
            column,
            message,
        });
    };
    let text = |name: &str| cell(name).map_or("", |c| c.text.as_str());
    let date = text("date").trim().to_string();
    let date_key = match Date::parse_partial(&date) {
        Ok((d, _)) => d.to_string(),
        Err(_) => {
            bad(
                cell("date"),
                format!("date \"{date}\": write YYYY-MM-DD, YYYY-MM or YYYY (2019-03-01, 2019-03, 2019)"),
            );
            String::new()
        }
    };
    let end = text("end date").trim().to_string();
    if !end.is_empty() {
        match Date::parse_partial(&end) {
            Ok((_, Precision::Day)) if end < date_key && !date_key.is_empty() => bad(
                cell("end date"),
                format!("end date {end} is before the date {date}"),
            ),
            Ok((_, Precision::Day)) => {}
            _ => bad(
                cell("end date"),
                format!("end date \"{end}\": write YYYY-MM-DD, or leave it empty"),
            ),
        }
    }
    let category = text("category").trim().to_string();
    if !CATEGORIES.iter().any(|c| category_name(*c) == category) {
        let names: Vec<&str> = CATEGORIES.iter().map(|c| category_name(*c)).collect();
        bad(
            cell("category"),
            format!("category \"{category}\": one of {}", names.join(", ")),
        );
    }
    for (col, what) in [
        ("English title", "the English title"),
        ("French title", "the French title"),
        ("English text", "the English text"),
        ("French text", "the French text"),
    ] {
        if text(col).trim().is_empty() {
            bad(cell(col), format!("{what} is empty"));
        }
    }
    let urls: Vec<&str> = text("sources").split_whitespace().collect();
    if urls.is_empty() {
        bad(
            cell("sources"),
            "no source: give at least one https:// address".into(),
        );
    }
    let mut sources = Vec::new();
    for u in &urls {
        let ok = u.len() > 8
            && u.get(..8)
                .is_some_and(|p| p.eq_ignore_ascii_case("https://"));
        if !ok || u.contains(['"', '<', '>']) {
            bad(
                cell("sources"),
                format!("source \"{u}\" is not an https:// address"),
            );
        }
        let host = host_of(u);
        sources.push(Json::Obj(vec![
            ("url".into(), s(u)),
            ("publisher".into(), s(host)),
            ("kind".into(), s(source_kind(&host.to_ascii_lowercase()))),
        ]));
    }
    let confidence = match text("confidence").trim() {
        "" => "confirmed".to_string(),
        c @ ("confirmed" | "press" | "estimate") => c.to_string(),
        other => {
            bad(
                cell("confidence"),
                format!("confidence \"{other}\": confirmed, press or estimate"),
            );
            String::new()
        }
    };
    let priority = match text("priority").trim() {
        "" => 2,
        p @ ("1" | "2" | "3") => p.as_bytes()[0] - b'0',
        other => {
            bad(cell("priority"), format!("priority \"{other}\": 1, 2 or 3"));
            2
        }
    };
    let given = text("id").trim().to_string();
    let well_formed = given
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !given.starts_with('-')
        && !given.ends_with('-');
    if !given.is_empty() && !well_formed {
        bad(
            cell("id"),
            format!("id \"{given}\": lowercase letters, digits and '-'"),
        );
    }
    if problems.len() > before {
        return None;
    }
    let explicit_id = !given.is_empty();
    let base_id = if explicit_id {
        given
    } else {
        event_id(&date, text("English title"))
    };
    let pair = |en: &str, fr: &str| {
        Json::Obj(vec![("en".into(), s(text(en))), ("fr".into(), s(text(fr)))])
    };
    let mut event = vec![("date".to_string(), s(&date))];
    if !end.is_empty() {
        event.push(("end".into(), s(&end)));
    }
    event.extend([
        ("title".into(), pair("English title", "French title")),
        ("description".into(), pair("English text", "French text")),
        ("category".into(), s(&category)),
        ("sources".into(), Json::Arr(sources)),
        ("confidence".into(), s(&confidence)),
        ("priority".into(), Json::Num(f64::from(priority))),
    ]);
    let fields = [
        "English title",
        "French title",
        "English text",
        "French text",
        "end date",
        "category",
        "sources",
        "confidence",
    ]
    .iter()
    .map(|c| text(c).to_string())
    .collect();
    Some(Row {
        line: first.line,
        base_id,
        explicit_id,
        date_key,
        priority,
        fields,
        event,
    })
}

/// Gives every row its id (a derived id taken twice gets `-2`, `-3` in the
/// order of the rows' contents, so the ids do not depend on the rows'
/// order), then puts the events in the data's order.
fn finish(mut rows: Vec<Row>) -> CsvEvents {
    rows.sort_by(|a, b| {
        (&a.date_key, a.priority, &a.base_id, &a.fields).cmp(&(
            &b.date_key,
            b.priority,
            &b.base_id,
            &b.fields,
        ))
    });
    let taken: std::collections::HashSet<String> = rows
        .iter()
        .filter(|r| r.explicit_id)
        .map(|r| r.base_id.clone())
        .collect();
    let mut used = std::collections::HashSet::new();
    let mut ided: Vec<(String, Row)> = Vec::with_capacity(rows.len());
    for r in rows {
        let id = if r.explicit_id {
            r.base_id.clone()
        } else {
            let mut n = 1;
            let mut id = r.base_id.clone();
            while used.contains(&id) || taken.contains(&id) {
                n += 1;
                id = format!("{}-{n}", r.base_id);
            }
            id
        };
        used.insert(id.clone());
        ided.push((id, r));
    }
    ided.sort_by(|(ia, a), (ib, b)| {
        match (&a.date_key, a.priority).cmp(&(&b.date_key, b.priority)) {
            Ordering::Equal => ia.cmp(ib),
            o => o,
        }
    });
    let mut events = Vec::with_capacity(ided.len());
    let mut lines = Vec::with_capacity(ided.len());
    for (id, r) in ided {
        let mut members = vec![("id".to_string(), Json::Str(id))];
        members.extend(r.event);
        events.push(Json::Obj(members));
        lines.push(r.line);
    }
    CsvEvents { events, lines }
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
mod tests {
    use super::*;
    use crate::core::csv::{events_to_csv, row};
    use crate::core::load::BUILTIN_JSON;

    const HEAD: &str =
        "date,end date,category,English title,French title,English text,French text,sources\r\n";

    #[test]
    fn reads_a_file_with_quotes_commas_and_line_breaks() {
        let csv = format!(
            "{HEAD}2018-12-01,,detention,\"Meng, arrested\",Meng arrêtée,\"Two\nlines, \"\"quoted\"\"\",Deux lignes,https://www.cbc.ca/a https://www.canada.ca/b\r\n,,,,,,,\r\n"
        );
        let read = events_from_csv(&csv).unwrap();
        assert_eq!(read.events.len(), 1, "the empty row is skipped");
        let e = &read.events[0];
        assert_eq!(
            e.get("id").unwrap().as_str(),
            Some("2018-12-01-meng-arrested")
        );
        assert_eq!(
            e.get("description").unwrap().get("en").unwrap().as_str(),
            Some("Two\nlines, \"quoted\"")
        );
        let sources = e.get("sources").unwrap().as_array().unwrap();
        assert_eq!(
            sources[0].get("publisher").unwrap().as_str(),
            Some("cbc.ca")
        );
        assert_eq!(sources[0].get("kind").unwrap().as_str(), Some("press"));
        assert_eq!(sources[1].get("kind").unwrap().as_str(), Some("primary"));
        assert_eq!(read.lines, vec![2]);
    }

    #[test]
    fn every_problem_at_once_with_line_and_column() {
        let csv = format!(
            "{HEAD}2019-13-01,2018-01-01,weather,,Titre,Text,Texte,http://x.org\r\n2020-01-01,,trade,A,B,C,D,https://a.ca,extra\r\n2021,,trade,\"A\"x,B,C,D,https://a.ca\r\n2022,,trade,A,B,C,D,\"https://a.ca\n"
        );
        let problems = events_from_csv(&csv).unwrap_err();
        let at: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.column)).collect();
        // Line 2: the date, the category, the empty English title, the http source.
        assert!(at.contains(&(2, 1)), "{problems:?}");
        assert!(at.contains(&(2, 23)), "category: {problems:?}");
        assert!(at.contains(&(2, 31)), "English title: {problems:?}");
        assert!(problems.iter().any(|p| p.message.contains("http://x.org")));
        // Line 3: a cell too many, at the extra cell.
        assert!(
            problems
                .iter()
                .any(|p| p.line == 3 && p.message.contains("9 cells")),
            "{problems:?}"
        );
        // Line 4: text after a closing quote; line 5: a quote never closed.
        assert!(problems
            .iter()
            .any(|p| p.line == 4 && p.message.contains("closing quote")));
        assert!(problems
            .iter()
            .any(|p| p.line == 5 && p.column == 21 && p.message.contains("never closed")));
        let unknown = events_from_csv("date,end date,category,English title,French title,English text,French text,sources,notes\n")
            .unwrap_err();
        assert_eq!((unknown[0].line, unknown[0].column), (1, 84));
        assert!(unknown[0].message.contains("\"notes\""));
        let missing = events_from_csv("date,category\n").unwrap_err();
        assert_eq!(missing.len(), 6, "{missing:?}");
    }

    #[test]
    fn ids_are_the_date_and_the_title_and_stay_unique() {
        assert_eq!(
            event_id("2026-01-16", "Canada and China strike a deal"),
            "2026-01-16-canada-and-china-strike-a-deal"
        );
        assert_eq!(
            event_id("2019", "Cœur d’Ébène: « élan »"),
            "2019-coeur-d-ebene-elan"
        );
        assert_eq!(event_id("2019-03", "北京"), "2019-03-event");
        let csv = format!(
            "{HEAD}2019,,trade,Same,A,B,C,https://a.ca\r\n2019,,trade,Same,Z,B,C,https://a.ca\r\n"
        );
        let read = events_from_csv(&csv).unwrap();
        let ids: Vec<&str> = read
            .events
            .iter()
            .map(|e| e.get("id").unwrap().as_str().unwrap())
            .collect();
        assert_eq!(ids, ["2019-same", "2019-same-2"]);
    }

    #[test]
    fn a_data_file_from_csv_passes_the_data_rules_or_says_where_it_does_not() {
        let csv = format!("{HEAD}2019-03-01,,trade,A canola ban,Une interdiction,Text.,Texte.,https://www.cbc.ca/x\r\n");
        let header = header_names(&csv);
        let data = data_from_csv(BUILTIN_JSON, &csv, &header).unwrap();
        let ds = load(&data).unwrap();
        assert_eq!(ds.events.len(), 1);
        // A rule only the data file knows (a source host on the denylist) comes back to its cell.
        let host = crate::core::load::denylist()
            .next()
            .map(|(h, _)| h.to_string());
        if let Some(host) = host {
            let bad = format!("{HEAD}2019-03-01,,trade,A,B,C,D,https://{host}/x\r\n");
            let problems = data_from_csv(BUILTIN_JSON, &bad, &header_names(&bad)).unwrap_err();
            assert!(
                problems.iter().any(|p| p.line == 2 && p.column == 8),
                "{problems:?}"
            );
        }
    }

    #[test]
    fn json_to_csv_to_json_is_identical_for_the_story_s_events() {
        // The built-in events, as the widget's download writes them, read back: then once more.
        let ds = load(BUILTIN_JSON).unwrap();
        let first = data_from_csv(BUILTIN_JSON, &events_to_csv(&ds), &[]).unwrap();
        let again =
            data_from_csv(BUILTIN_JSON, &events_to_csv(&load(&first).unwrap()), &[]).unwrap();
        assert_eq!(first, again);
        assert_eq!(
            load(&first).unwrap().events.len(),
            ds.events.len(),
            "nothing lost"
        );
        assert_eq!(row(&["a"]), "a\r\n");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            // Letters, accents, quotes, commas, line breaks and spaces (not only spaces).
            "[a-zA-Zéè«»’ ,\"\n;]{0,12}[a-zA-Z]".prop_map(|s| s)
        }

        fn date() -> impl Strategy<Value = (String, Option<String>)> {
            (
                2017..2027i32,
                1..13u32,
                1..29u32,
                0..3u8,
                proptest::bool::ANY,
            )
                .prop_map(|(y, m, d, p, span)| {
                    let full = format!("{y}-{m:02}-{d:02}");
                    let date = match p {
                        0 => full.clone(),
                        1 => format!("{y}-{m:02}"),
                        _ => format!("{y}"),
                    };
                    let end = span.then(|| format!("{}-12-31", y.max(2017)));
                    (date, end)
                })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn json_to_csv_to_json_is_identical(
                rows in proptest::collection::vec(
                    (date(), 0..5usize, text(), text(), text(), text(), 1..3usize),
                    1..8,
                )
            ) {
                let mut csv = String::from(HEAD);
                for ((date, end), cat, t_en, t_fr, d_en, d_fr, n) in &rows {
                    let cat = category_name(CATEGORIES[*cat]);
                    let urls: Vec<String> = (0..*n).map(|i| format!("https://news{i}.example.ca/a,b?c={i}")).collect();
                    csv.push_str(&row(&[
                        date.as_str(), end.as_deref().unwrap_or(""), cat, t_en, t_fr, d_en, d_fr, &urls.join(" "),
                    ]));
                }
                let json = data_from_csv(BUILTIN_JSON, &csv, &[]).unwrap();
                // JSON → CSV (the widget's download) → JSON.
                let ds = load(&json).unwrap();
                prop_assert_eq!(ds.events.len(), rows.len());
                let back = data_from_csv(BUILTIN_JSON, &events_to_csv(&ds), &[]).unwrap();
                prop_assert_eq!(back, json);
            }
        }
    }
}
