//! A row read into an event: the columns, the categories, the sources'
//! kinds, the ids, and the events put in the data's order.

use super::super::csv::category_name;
use super::super::date::{Date, Precision};
use super::super::json::Json;
use super::super::model::{host_of, Category};
use super::cells::Cell;
use super::{CsvEvents, CsvProblem};
use std::cmp::Ordering;

/// The optional columns, after [`EVENT_COLUMNS`].
pub(super) const OPTIONAL: [&str; 3] = ["id", "confidence", "priority"];

pub(super) const CATEGORIES: [Category; 5] = [
    Category::Diplomacy,
    Category::Trade,
    Category::Detention,
    Category::Security,
    Category::PublicOpinion,
];

/// Hosts (and their subdomains) whose pages count as primary sources.
pub(super) const GOVERNMENT: [&str; 7] = [
    "gc.ca",
    "canada.ca",
    "gov",
    "gov.cn",
    "gouv.qc.ca",
    "europa.eu",
    "wto.org",
];

pub(super) fn source_kind(host: &str) -> &'static str {
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
pub(super) fn fold(c: char) -> &'static str {
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

pub(super) struct Row {
    pub(super) line: usize,
    pub(super) base_id: String,
    pub(super) explicit_id: bool,
    pub(super) date_key: String,
    pub(super) priority: u8,
    pub(super) fields: Vec<String>,
    pub(super) event: Vec<(String, Json)>,
}

pub(super) fn s(v: &str) -> Json {
    Json::Str(v.to_string())
}

/// One row as an event, or its problems.
pub(super) fn read_row(
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
pub(super) fn finish(mut rows: Vec<Row>) -> CsvEvents {
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
