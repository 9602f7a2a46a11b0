//! Money, rates, numbers and dates as readers in Canada write them, in
//! English (`C$2,440.00`, `6.1%`, `March 2, 2026`) and French
//! (`2 440,00 $`, `6,1 %`, `1er mars 2026`).
//!
//! [`Formats`] is what sentences, tables and
//! drawings ask for. In the widget the browser's `Intl` answers
//! (`src/web/intl.rs`); [`LocaleFormats`]
//! gives the same text without a browser, for the no-JS fallback, the print
//! table and the native tests. `tests/web.rs` checks the two agree for `en-CA` and
//! `fr-CA`: every kind of figure, every day of 2017–2026, with our two changes
//! on top of `Intl`: English writes Canadian dollars `C$` (an international
//! story has more than one dollar), French writes the first of a month `1er`.

use super::date::{Date, Precision};
use super::model::{Event, Lang};
use super::money::{Currency, Rate};

/// The figures that sentences, tables, cards and charts show.
pub trait Formats {
    fn money(&self, minor: i64, currency: Currency) -> String;
    fn percent(&self, rate: Rate) -> String;
    /// "March 2, 2026" / "2 mars 2026", "1er mars 2026".
    fn date(&self, date: Date) -> String;
    /// "March 2019" / "mars 2019".
    fn month_year(&self, date: Date) -> String;
    /// `scaled / 10^decimals`, at most `decimals` decimals, no trailing
    /// zeros: `decimal(13698, 4)` is `1.3698` / `1,3698`.
    fn decimal(&self, scaled: i64, decimals: u32) -> String;

    /// A count: `49,000` / `49 000`.
    fn integer(&self, n: u64) -> String {
        self.decimal(i64::try_from(n).unwrap_or(i64::MAX), 0)
    }

    /// A date as precisely as it is known: "March 2019" for a month.
    fn date_with(&self, date: Date, precision: Precision) -> String {
        match precision {
            Precision::Day => self.date(date),
            Precision::Month => self.month_year(date),
            Precision::Year => date.year().to_string(),
        }
    }

    /// An event's date as precisely as it is known, or its span: "March 2019",
    /// "December 10, 2018 – September 24, 2021".
    fn event_dates(&self, e: &Event) -> String {
        match e.end {
            Some(end) => format!(
                "{} – {}",
                self.date_with(e.date, e.precision),
                self.date(end)
            ),
            None => self.date_with(e.date, e.precision),
        }
    }
}

/// Formatting for one language; see the module notes.
#[derive(Clone, Copy, Debug)]
pub struct LocaleFormats(pub Lang);

/// U+00A0: French groups digits and sets units apart with it, so a figure
/// never breaks across lines.
const NBSP: char = '\u{a0}';

/// One month's names: in full for dates ("March 2, 2026", "2 mars 2026") and
/// abbreviated for the timeline's ticks ("Mar", "mars").
struct MonthNames {
    en: &'static str,
    en_short: &'static str,
    fr: &'static str,
    fr_short: &'static str,
}

const fn names(
    en: &'static str,
    en_short: &'static str,
    fr: &'static str,
    fr_short: &'static str,
) -> MonthNames {
    MonthNames {
        en,
        en_short,
        fr,
        fr_short,
    }
}

/// The months, January first. An abbreviation is always a prefix of the full
/// name: English takes three letters; French ends a cut name with a full stop
/// and keeps a short one whole ("mars", "mai", "juin", "août").
const MONTHS: [MonthNames; 12] = [
    names("January", "Jan", "janvier", "janv."),
    names("February", "Feb", "février", "févr."),
    names("March", "Mar", "mars", "mars"),
    names("April", "Apr", "avril", "avr."),
    names("May", "May", "mai", "mai"),
    names("June", "Jun", "juin", "juin"),
    names("July", "Jul", "juillet", "juil."),
    names("August", "Aug", "août", "août"),
    names("September", "Sep", "septembre", "sept."),
    names("October", "Oct", "octobre", "oct."),
    names("November", "Nov", "novembre", "nov."),
    names("December", "Dec", "décembre", "déc."),
];

fn month_names(m: u32) -> &'static MonthNames {
    &MONTHS[(m.clamp(1, 12) - 1) as usize]
}

/// The name of month `m` (1–12, clamped): "March", "mars".
pub fn month_name(m: u32, lang: Lang) -> &'static str {
    let n = month_names(m);
    match lang {
        Lang::En => n.en,
        Lang::Fr => n.fr,
    }
}

/// The abbreviated name of month `m` (1–12, clamped), as the timeline's
/// ticks write it: "Mar", "févr.", "mai".
pub fn month_short(m: u32, lang: Lang) -> &'static str {
    let n = month_names(m);
    match lang {
        Lang::En => n.en_short,
        Lang::Fr => n.fr_short,
    }
}

impl LocaleFormats {
    fn decimal_sign(&self) -> char {
        match self.0 {
            Lang::En => '.',
            Lang::Fr => ',',
        }
    }

    /// `1234567` → `1,234,567` / `1 234 567`.
    fn grouped(&self, n: u64) -> String {
        let sep = match self.0 {
            Lang::En => ',',
            Lang::Fr => NBSP,
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(ch);
        }
        out
    }
}

/// `x` rounded to at most `decimals` decimals, without grouping or trailing
/// zeros, for CSS values (`13.5px`, `2.625dppx`). Integer arithmetic only:
/// formatting an `f64` with `{}` links Rust's float printing (~20 KB of wasm).
pub fn css_number(x: f64, decimals: u32) -> String {
    let scaled = (x * 10f64.powi(decimals as i32)).round();
    if !scaled.is_finite() || scaled.abs() >= 9e15 {
        return "0".into();
    }
    decimal_text(scaled, decimals)
}

/// A number from a data file as its editor wrote it, for messages: up to nine
/// decimals (more than any field allows, so a number with too many still
/// shows them), whole numbers in full up to 19 digits (`12.5`, `1e18` →
/// `1000000000000000000`). Integer arithmetic only, like [`css_number`]:
/// `{}` on an f64 would link core's float printing into the wasm.
pub fn plain_number(x: f64) -> String {
    if !x.is_finite() {
        return "a number too large to read".into();
    }
    if x.abs() >= 1e19 {
        // Past u64 (whose printing is linked anyway); u128's would add its own.
        return "a number of 20 digits or more".into();
    }
    // The fewest decimals that give `x` back (the shortest text for what was written).
    for decimals in 0..9 {
        let unit = 10f64.powi(decimals);
        let scaled = (x * unit).round();
        if scaled / unit == x && scaled.abs() < 1.8e19 {
            return decimal_text(scaled, decimals as u32);
        }
    }
    decimal_text((x * 1e9).round().clamp(-1.8e19, 1.8e19), 9)
}

/// `scaled / 10^decimals` written out, `scaled` a whole number (saturating at u64).
fn decimal_text(scaled: f64, decimals: u32) -> String {
    let (whole, fraction) = split_decimal(scaled.abs() as u64, decimals);
    let sign = if scaled < 0.0 { "-" } else { "" };
    match fraction {
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    }
}

/// `m / 10^decimals` as its whole part and its decimals without trailing
/// zeros (`None` when there are none): `(13698, 4)` → `(1, Some("3698"))`.
fn split_decimal(m: u64, decimals: u32) -> (u64, Option<String>) {
    let unit = 10u64.pow(decimals);
    let frac = m % unit;
    let digits = (frac > 0).then(|| {
        let padded = format!("{frac:0width$}", width = decimals as usize);
        padded.trim_end_matches('0').to_string()
    });
    (m / unit, digits)
}

impl Formats for LocaleFormats {
    fn decimal(&self, scaled: i64, decimals: u32) -> String {
        let (whole, fraction) = split_decimal(scaled.unsigned_abs(), decimals);
        let mut out = String::new();
        if scaled < 0 {
            out.push('-');
        }
        out.push_str(&self.grouped(whole));
        if let Some(f) = fraction {
            out.push(self.decimal_sign());
            out.push_str(&f);
        }
        out
    }

    fn month_year(&self, date: Date) -> String {
        let (y, m, _) = date.ymd();
        format!("{} {y}", month_name(m, self.0))
    }

    fn money(&self, minor: i64, currency: Currency) -> String {
        let sign = if minor < 0 { "-" } else { "" };
        let m = minor.unsigned_abs();
        let number = format!(
            "{}{}{:02}",
            self.grouped(m / 100),
            self.decimal_sign(),
            m % 100
        );
        match self.0 {
            Lang::En => {
                let symbol = match currency {
                    Currency::CAD => "C$",
                    Currency::USD => "US$",
                    Currency::CNY => "CN¥",
                };
                format!("{sign}{symbol}{number}")
            }
            Lang::Fr => {
                let symbol = match currency {
                    Currency::CAD => "$",
                    Currency::USD => "$\u{a0}US",
                    Currency::CNY => "CN¥",
                };
                format!("{sign}{number}{NBSP}{symbol}")
            }
        }
    }

    /// Up to two decimals of a percent: a rate is a whole number of basis points.
    fn percent(&self, rate: Rate) -> String {
        let number = self.decimal(rate.bp(), 2);
        match self.0 {
            Lang::En => format!("{number}%"),
            Lang::Fr => format!("{number}{NBSP}%"),
        }
    }

    fn date(&self, date: Date) -> String {
        let (y, m, d) = date.ymd();
        let month = month_name(m, self.0);
        match (self.0, d) {
            (Lang::En, _) => format!("{month} {d}, {y}"),
            (Lang::Fr, 1) => format!("1er {month} {y}"),
            (Lang::Fr, _) => format!("{d} {month} {y}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: LocaleFormats = LocaleFormats(Lang::En);
    const FR: LocaleFormats = LocaleFormats(Lang::Fr);

    fn day(s: &str) -> Date {
        Date::parse(s).expect("a test date")
    }

    #[test]
    fn money_in_both_languages() {
        assert_eq!(EN.money(244_000, Currency::CAD), "C$2,440.00");
        assert_eq!(EN.money(-123_450, Currency::USD), "-US$1,234.50");
        assert_eq!(EN.money(1, Currency::CNY), "CN¥0.01");
        assert_eq!(EN.money(424_400_000, Currency::CAD), "C$4,244,000.00");
        assert_eq!(FR.money(244_000, Currency::CAD), "2\u{a0}440,00\u{a0}$");
        assert_eq!(
            FR.money(-123_456_789, Currency::USD),
            "-1\u{a0}234\u{a0}567,89\u{a0}$\u{a0}US"
        );
        assert_eq!(FR.money(0, Currency::CNY), "0,00\u{a0}CN¥");
        assert_eq!(
            EN.money(i64::MIN, Currency::CAD),
            "-C$92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn percents_keep_up_to_two_decimals() {
        assert_eq!(EN.percent(Rate(610)), "6.1%");
        assert_eq!(EN.percent(Rate(2_500)), "25%");
        assert_eq!(EN.percent(Rate(1)), "0.01%");
        assert_eq!(EN.percent(Rate(123_450)), "1,234.5%");
        assert_eq!(EN.percent(Rate(-500)), "-5%");
        assert_eq!(FR.percent(Rate(610)), "6,1\u{a0}%");
        assert_eq!(FR.percent(Rate(0)), "0\u{a0}%");
    }

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(EN.decimal(13_698, 4), "1.3698");
        assert_eq!(EN.decimal(25_000, 4), "2.5");
        assert_eq!(EN.decimal(1, 4), "0.0001");
        assert_eq!(FR.decimal(13_698, 4), "1,3698");
        assert_eq!(EN.integer(49_000), "49,000");
        assert_eq!(FR.integer(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(EN.integer(0), "0");
    }

    #[test]
    fn plain_numbers_show_what_the_editor_wrote() {
        assert_eq!(plain_number(12.5), "12.5");
        assert_eq!(plain_number(-3.0), "-3");
        assert_eq!(plain_number(1.2345678), "1.2345678");
        assert_eq!(plain_number(0.1), "0.1");
        assert_eq!(plain_number(1e18), "1000000000000000000");
        assert_eq!(plain_number(1e20), "a number of 20 digits or more");
        assert_eq!(plain_number(-0.000001), "-0.000001");
        assert_eq!(plain_number(123456789.123), "123456789.123");
        assert_eq!(plain_number(f64::INFINITY), "a number too large to read");
    }

    #[test]
    fn css_numbers_are_short_and_exact() {
        assert_eq!(css_number(13.0, 3), "13");
        assert_eq!(css_number(19.5, 3), "19.5");
        assert_eq!(css_number(2.625, 3), "2.625");
        assert_eq!(css_number(1.0 / 3.0, 3), "0.333");
        assert_eq!(css_number(-0.25, 3), "-0.25");
        assert_eq!(css_number(f64::NAN, 3), "0");
    }

    #[test]
    fn dates_as_the_article_writes_them() {
        assert_eq!(EN.date(day("2026-03-02")), "March 2, 2026");
        assert_eq!(FR.date(day("2026-03-02")), "2 mars 2026");
        assert_eq!(FR.date(day("2018-12-01")), "1er décembre 2018");
        assert_eq!(EN.month_year(day("2024-08-01")), "August 2024");
        assert_eq!(FR.month_year(day("2024-08-01")), "août 2024");
        assert_eq!(EN.date_with(day("2019-01-01"), Precision::Year), "2019");
        assert_eq!(
            FR.date_with(day("2019-03-01"), Precision::Month),
            "mars 2019"
        );
    }

    #[test]
    fn abbreviations_are_cut_from_the_full_names() {
        for m in 1..=12 {
            let (en, en_short) = (month_name(m, Lang::En), month_short(m, Lang::En));
            assert_eq!(en_short, &en[..3], "{en}");
            let (fr, fr_short) = (month_name(m, Lang::Fr), month_short(m, Lang::Fr));
            let cut = fr_short
                .strip_suffix('.')
                .is_some_and(|p| p.chars().count() >= 3 && fr.starts_with(p) && p != fr);
            assert!(fr_short == fr || cut, "{fr} → {fr_short}");
        }
        assert_eq!(month_short(0, Lang::Fr), "janv.", "clamped");
        assert_eq!(month_name(13, Lang::En), "December", "clamped");
    }
}
