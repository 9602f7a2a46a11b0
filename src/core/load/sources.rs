//! The rules about sources: an `https://` address on a host that is not on
//! the denylist (`data/source-denylist.txt`), no date after the data's
//! `as_of`, a primary text behind every confirmed measure and quota, a
//! primary or press source behind every event; and the warnings for a
//! source with no title or no date.

use super::read::{RawSource, SOURCE_FORM};
use super::rules::Checker;
use crate::core::date::{Date, Precision};
use crate::core::model::{host_of, Confidence, Source, SourceKind, Text};
use std::collections::HashMap;

/// The hosts that are not sources (staging hosts, mirrors, aggregators,
/// machine-written news, look-alike sites), each with its reason: compiled
/// into the widget, so a page's inline data is checked against it too.
pub const DENYLIST: &str = include_str!("../../../data/source-denylist.txt");

/// `(host, reason)` for each line of [`DENYLIST`] that is not blank or a
/// `#` comment: the host, then whitespace, then the reason.
pub fn denylist() -> impl Iterator<Item = (&'static str, &'static str)> {
    DENYLIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((host, reason)) => (host, reason.trim()),
            None => (l, ""),
        })
}

/// The denylist's reason for `host` (or one of its parent domains).
pub fn denied(host: &str) -> Option<(&'static str, &'static str)> {
    let host = host.to_ascii_lowercase();
    denylist()
        .find(|(d, _)| host == *d || host.strip_suffix(d).is_some_and(|rest| rest.ends_with('.')))
}

/// What the source checks need from the whole file.
pub(super) struct SourceRules {
    pub as_of: Option<Date>,
    /// Sources with no title or no date, by address: the warning names the
    /// first record that cites one and counts the others.
    missing: HashMap<String, (String, usize, bool, bool)>,
    order: Vec<String>,
}

impl SourceRules {
    pub fn new(as_of: Option<Date>) -> SourceRules {
        SourceRules {
            as_of,
            missing: HashMap::new(),
            order: Vec::new(),
        }
    }

    /// Checks and converts the sources of one record.
    pub fn list(&mut self, c: &mut Checker, record: &str, raw: Vec<RawSource>) -> Vec<Source> {
        raw.into_iter().map(|s| self.one(c, record, s)).collect()
    }

    pub fn one(&mut self, c: &mut Checker, record: &str, s: RawSource) -> Source {
        url(c, record, &s.url);
        if s.bare {
            c.rule(
                record,
                format!(
                    "source \"{}\" is a bare address; since schema 2 a source is a record {SOURCE_FORM} (kind: primary, press or reference; see data/README.md)",
                    s.url
                ),
            );
            return Source {
                url: s.url,
                publisher: Text::default(),
                title: None,
                date: None,
                date_precision: Precision::Day,
                kind: s.kind,
            };
        }
        let publisher = c.text(record, &format!("{}.publisher", s.path), s.publisher);
        if let Some((host, reason)) = denied(host_of(&s.url)) {
            c.rule(
                record,
                format!(
                    "source \"{}\" is on {host}, which data/source-denylist.txt lists as not a source: {reason}",
                    s.url
                ),
            );
        }
        if let (Some((date, _)), Some(as_of)) = (s.date, self.as_of) {
            if date > as_of {
                c.rule(
                    record,
                    format!(
                        "source \"{}\" is dated {date}, after the data's as_of ({as_of}): the data cannot rest on it; move as_of or cite what was published by then",
                        s.url
                    ),
                );
            }
        }
        let no_title = s.title.as_deref().is_none_or(|t| t.trim().is_empty());
        if no_title || s.date.is_none() {
            match self.missing.get_mut(&s.url) {
                Some(entry) => entry.1 += 1,
                None => {
                    self.order.push(s.url.clone());
                    self.missing.insert(
                        s.url.clone(),
                        (record.to_string(), 0, no_title, s.date.is_none()),
                    );
                }
            }
        }
        let (date, date_precision) = match s.date {
            Some((d, p)) => (Some(d), p),
            None => (None, Precision::Day),
        };
        Source {
            url: s.url,
            publisher,
            title: s.title.filter(|t| !t.trim().is_empty()),
            date,
            date_precision,
            kind: s.kind,
        }
    }

    /// The warnings for sources with no title or no date, one per address.
    pub fn warn(self, c: &mut Checker) {
        for url in &self.order {
            let Some((record, others, no_title, no_date)) = self.missing.get(url) else {
                continue;
            };
            let what = match (no_title, no_date) {
                (true, true) => "no title and no date",
                (true, false) => "no title",
                _ => "no date",
            };
            let also = match others {
                0 => String::new(),
                1 => " (and 1 other record cites it)".to_string(),
                n => format!(" (and {n} other records cite it)"),
            };
            c.warn(record, format!("source \"{url}\" has {what}{also}"));
        }
    }
}

/// Only `https://` addresses are published: `http:`, `javascript:` and
/// `data:` are refused, as is anything a link could be broken out of.
pub(super) fn url(c: &mut Checker, record: &str, url: &str) {
    let ok = url.len() > "https://".len()
        && url
            .get(..8)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
        && !url
            .chars()
            .any(|ch| ch.is_whitespace() || ch.is_control() || ch == '"' || ch == '<' || ch == '>');
    if !ok {
        c.rule(
            record,
            format!(
                "source \"{url}\" is not an https:// address; only https:// links are published"
            ),
        );
    }
}

/// A confirmed figure stands on the text that makes it law: at least one
/// source of kind `primary`.
pub(super) fn primary_behind(
    c: &mut Checker,
    record: &str,
    confidence: Confidence,
    sources: &[Source],
) {
    if confidence.is_fact() && !sources.iter().any(|s| s.kind == SourceKind::Primary) {
        c.rule(
            record,
            "confidence is \"confirmed\" but no source is a primary text (kind \"primary\"): cite the legal instrument or the government's own announcement, or label the figure \"press\" or \"estimate\"",
        );
    }
}

/// An event stands on a news outlet or an official page, not only on
/// secondary references.
pub(super) fn outlet_behind(c: &mut Checker, record: &str, sources: &[Source]) {
    if !sources.is_empty()
        && !sources
            .iter()
            .any(|s| matches!(s.kind, SourceKind::Primary | SourceKind::Press))
    {
        c.rule(
            record,
            "sources: cite at least one news outlet (kind \"press\") or official page (kind \"primary\"), not only references",
        );
    }
}

pub(super) fn at_least_one(c: &mut Checker, record: &str, sources: &[Source]) {
    if sources.is_empty() {
        c.rule(record, "sources: give at least one source");
    }
}
