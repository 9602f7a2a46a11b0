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

    pub fn opt_bool(&mut self, c: &mut Checker, key: &'static str) -> Option<bool> {
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

const SOURCE_KIND: [(&str, SourceKind); 3] = [
    ("primary", SourceKind::Primary),
    ("press", SourceKind::Press),
    ("reference", SourceKind::Reference),
];
