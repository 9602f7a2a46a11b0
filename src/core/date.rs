//! Calendar dates as whole days, without a date library.
//!
//! Every date in the story is a civil day (customs measures take effect at
//! the start of a day, events happen on a day, month or year), so a day count
//! is exact and keeps chrono's tables out of the wasm bundle.

use std::fmt;

/// A civil date (proleptic Gregorian), stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

/// How precisely an event's date is known; the timeline and the list view
/// print only what is known ("March 2019", not "1 March 2019").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    #[default]
    Day,
    Month,
    Year,
}

/// Why a piece of text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY-MM-DD (or YYYY-MM, YYYY where allowed).
    Format(String),
    /// The form is right but the day does not exist, e.g. 2025-02-30.
    NoSuchDay(String),
    /// Outside the years this widget can represent (1900–2200).
    OutOfRange(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => write!(
                f,
                "“{s}” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01"
            ),
            DateError::NoSuchDay(s) => write!(f, "“{s}” is not a day of the calendar"),
            DateError::OutOfRange(s) => write!(f, "“{s}” is outside the years 1900 to 2200"),
        }
    }
}

impl std::error::Error for DateError {}

pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date `y-m-d`, or `None` if that day does not exist or is out of range.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y)
            || !(1..=12).contains(&m)
            || d == 0
            || d > days_in_month(y, m)
        {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Days since 1970-01-01.
    pub const fn days(self) -> i32 {
        self.0
    }

    /// The date `days` days after 1970-01-01, clamped to the representable years.
    pub fn from_days(days: i32) -> Date {
        let lo = Date::from_ymd(MIN_YEAR, 1, 1).map_or(i32::MIN, Date::days);
        let hi = Date::from_ymd(MAX_YEAR, 12, 31).map_or(i32::MAX, Date::days);
        Date(days.clamp(lo, hi))
    }

    /// (year, month 1–12, day 1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn add_days(self, n: i32) -> Date {
        Date::from_days(self.0.saturating_add(n))
    }

    /// The same day `n` years later; 29 February becomes 28 February.
    pub fn add_years(self, n: i32) -> Date {
        let (y, m, d) = self.ymd();
        let y = (y + n).clamp(MIN_YEAR, MAX_YEAR);
        let d = d.min(days_in_month(y, m));
        Date::from_ymd(y, m, d).unwrap_or(self)
    }

    /// The first day of the month `n` months after this date's month.
    pub fn add_months_first(self, n: i32) -> Date {
        let (y, m, _) = self.ymd();
        let idx = y * 12 + (m as i32 - 1) + n;
        let (ny, nm) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
        Date::from_ymd(ny.clamp(MIN_YEAR, MAX_YEAR), nm, 1).unwrap_or(self)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        match Date::parse_partial(s)? {
            (d, Precision::Day) => Ok(d),
            _ => Err(DateError::Format(s.to_string())),
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date stands for its
    /// first day, and the precision says how much of it is known.
    pub fn parse_partial(s: &str) -> Result<(Date, Precision), DateError> {
        let t = s.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let num = |p: &str, len: usize| -> Result<i64, DateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DateError::Format(s.to_string()));
            }
            p.parse::<i64>()
                .map_err(|_| DateError::Format(s.to_string()))
        };
        let (y, m, d, precision) = match parts.as_slice() {
            [y] => (num(y, 4)?, 1, 1, Precision::Year),
            [y, m] => (num(y, 4)?, num(m, 2)?, 1, Precision::Month),
            [y, m, d] => (num(y, 4)?, num(m, 2)?, num(d, 2)?, Precision::Day),
            _ => return Err(DateError::Format(s.to_string())),
        };
        if !(i64::from(MIN_YEAR)..=i64::from(MAX_YEAR)).contains(&y) {
            return Err(DateError::OutOfRange(s.to_string()));
        }
        Date::from_ymd(y as i32, m as u32, d as u32)
            .map(|date| (date, precision))
            .ok_or_else(|| DateError::NoSuchDay(s.to_string()))
    }
}

impl fmt::Display for Date {
    /// ISO 8601, `2026-03-01`: the form of the data file and of `date` attributes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_the_story() {
        let start = Date::parse("2016-01-01").unwrap();
        for n in 0..(366 * 12) {
            let d = start.add_days(n);
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
            assert_eq!(Date::parse(&d.to_string()), Ok(d));
        }
    }

    #[test]
    fn known_days() {
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days(), 0);
        assert_eq!(Date::parse("2026-03-01").unwrap().days(), 20_513);
        assert_eq!(
            Date::parse("2024-02-29").unwrap().add_years(1).to_string(),
            "2025-02-28"
        );
        assert_eq!(
            Date::parse("2025-11-15")
                .unwrap()
                .add_months_first(3)
                .to_string(),
            "2026-02-01"
        );
    }

    #[test]
    fn rejects_what_is_not_a_day() {
        assert!(matches!(
            Date::parse("2025-02-29"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            Date::parse("2025-13-01"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            Date::parse("1 March 2026"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(Date::parse("2026-3-1"), Err(DateError::Format(_))));
        assert!(matches!(
            Date::parse("9999-01-01"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(Date::parse_partial("2019-03").unwrap().1, Precision::Month);
        assert_eq!(
            Date::parse_partial("2018").unwrap(),
            (Date::parse("2018-01-01").unwrap(), Precision::Year)
        );
    }
}
