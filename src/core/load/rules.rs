//! The collector of problems, and the rules that check one value at a time
//! (texts, ids, windows, rates). The rules between records live in
//! [`super::records`]; the rules about sources in [`super::sources`].

use super::read::RawText;
use super::{DataError, DataWarning};
use crate::core::date::Date;
use crate::core::format::plain_number;
use crate::core::model::Text;
use crate::core::money::Rate;
use std::collections::HashSet;

/// Collects problems; every check appends rather than returns.
pub(super) struct Checker {
    pub errors: Vec<DataError>,
    pub warnings: Vec<DataWarning>,
}

impl Checker {
    pub fn new() -> Checker {
        Checker {
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    pub fn rule(&mut self, record: &str, message: impl Into<String>) {
        self.errors.push(DataError::Rule {
            record: record.to_string(),
            message: message.into(),
        });
    }

    pub fn schema(&mut self, path: &str, message: &str) {
        self.errors.push(DataError::Schema {
            path: path.to_string(),
            message: message.to_string(),
        });
    }

    pub fn warn(&mut self, record: &str, message: impl Into<String>) {
        self.warnings.push(DataWarning {
            record: record.to_string(),
            message: message.into(),
        });
    }

    pub fn text(&mut self, record: &str, field: &str, raw: RawText) -> Text {
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

    pub fn opt_text(&mut self, record: &str, field: &str, raw: Option<RawText>) -> Option<Text> {
        raw.map(|t| self.text(record, field, t))
    }

    pub fn rate(&mut self, record: &str, field: &str, pct: f64) -> Option<Rate> {
        match Rate::from_percent(pct) {
            Some(r) if (Rate::ZERO..=Rate::MAX).contains(&r) => Some(r),
            Some(_) => {
                let pct = plain_number(pct);
                self.rule(record, format!("{field} {pct} % is outside 0–1000 %"));
                None
            }
            None => {
                let pct = plain_number(pct);
                self.rule(
                    record,
                    format!("{field} {pct} must be a percentage with at most two decimals"),
                );
                None
            }
        }
    }

    pub fn id(&mut self, record: &str, id: &str, seen: &mut HashSet<String>) {
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

    pub fn window(&mut self, record: &str, start: Option<Date>, end: Option<Date>) {
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.rule(record, format!("ends ({e}) before it starts ({s})"));
            }
        }
    }
}

/// A JSON number that is a whole, non-negative number.
pub(super) fn whole_number(n: f64) -> Option<u64> {
    (n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n < 9e15).then_some(n as u64)
}
