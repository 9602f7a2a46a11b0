//! Money in integer minor units, rates in basis points, and the one rounding rule.
//!
//! No floating point touches an amount: a duty printed in a news article must
//! be the same on every reader's machine and must add up to the total shown.

use super::i18n::{Lang, Msg};
use std::fmt;

/// The currencies a reader can enter a value in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Currency {
    CAD,
    USD,
    CNY,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::CAD, Currency::USD, Currency::CNY];

    pub fn code(self) -> &'static str {
        match self {
            Currency::CAD => "CAD",
            Currency::USD => "USD",
            Currency::CNY => "CNY",
        }
    }

    pub fn parse(code: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// Minor units per major unit; all three currencies have cents (fen for CNY).
pub const MINOR_PER_MAJOR: i64 = 100;

/// The largest customs value the calculator accepts: 10^12 major units.
pub const MAX_VALUE_MINOR: i64 = 1_000_000_000_000 * MINOR_PER_MAJOR;

/// A rate in basis points (hundredths of a percent): 6.1 % is `Rate(610)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
pub struct Rate(pub i64);

impl Rate {
    pub const ZERO: Rate = Rate(0);
    /// 1000 %: the validator's upper bound for any single layer.
    pub const MAX: Rate = Rate(100_000);

    pub fn bp(self) -> i64 {
        self.0
    }

    /// `rate × base`, rounded half away from zero to the minor unit.
    ///
    /// This is the one rounding of the engine: each layer's amount is rounded
    /// once, here, and the total is the sum of the rounded layers, so the
    /// breakdown table always adds up to the total it shows.
    pub fn apply(self, base_minor: i64) -> i64 {
        round_div(i128::from(base_minor) * i128::from(self.0), 10_000)
    }

    /// `units` grown by this rate, rounded down to whole units.
    pub fn grow_units(self, units: u64) -> u64 {
        let grown = u128::from(units) * (10_000 + self.0.max(0) as u128) / 10_000;
        u64::try_from(grown).unwrap_or(u64::MAX)
    }

    /// The effective rate of `duty` on `value`, in basis points, rounded.
    pub fn effective(duty_minor: i64, value_minor: i64) -> Rate {
        if value_minor <= 0 {
            return Rate::ZERO;
        }
        Rate(round_div(
            i128::from(duty_minor) * 10_000,
            i128::from(value_minor),
        ))
    }

    /// A percentage from the data file (`6.1`), exact to the basis point, or
    /// `None` if it has more than two decimals or is not finite.
    pub fn from_percent(pct: f64) -> Option<Rate> {
        let bp = pct * 100.0;
        if !bp.is_finite() || bp.abs() > 1e12 {
            return None;
        }
        let rounded = bp.round();
        ((bp - rounded).abs() < 1e-6).then_some(Rate(rounded as i64))
    }
}

impl fmt::Display for Rate {
    /// `6.1%`, `106.1%`, `84.8%`, `5.9%`, `0%`: the shortest exact form.
    /// The web layer formats for the reader's locale; this form is for the
    /// data file, logs, error messages and the native fallback.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let bp = self.0.unsigned_abs();
        let (whole, frac) = (bp / 100, bp % 100);
        match frac {
            0 => write!(f, "{sign}{whole}%"),
            f2 if f2 % 10 == 0 => write!(f, "{sign}{whole}.{}%", f2 / 10),
            f2 => write!(f, "{sign}{whole}.{f2:02}%"),
        }
    }
}

/// `n / d` rounded half away from zero; `d` must be positive.
fn round_div(n: i128, d: i128) -> i64 {
    let q = if n >= 0 {
        (n + d / 2) / d
    } else {
        (n - d / 2) / d
    };
    i64::try_from(q).unwrap_or(if q > 0 { i64::MAX } else { i64::MIN })
}

/// Converts `minor` units of a currency worth `from_cad_micros` CAD each into a
/// currency worth `to_cad_micros` CAD each, rounded once to the minor unit.
pub fn convert(minor: i64, from_cad_micros: i64, to_cad_micros: i64) -> i64 {
    if to_cad_micros <= 0 {
        return 0;
    }
    round_div(
        i128::from(minor) * i128::from(from_cad_micros),
        i128::from(to_cad_micros),
    )
}

/// Why a reader's value could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    /// Letters or symbols that are not part of a number.
    NotANumber,
    Negative,
    Zero,
    /// More than two decimals: customs values are in cents.
    TooPrecise,
    /// Over 10^12.
    TooLarge,
}

impl AmountError {
    /// A message the reader can act on, in their language.
    pub fn message(&self, lang: Lang) -> &'static str {
        let msg = match self {
            AmountError::Empty => Msg::AmountEmpty,
            AmountError::NotANumber => Msg::AmountNotANumber,
            AmountError::Negative => Msg::AmountNegative,
            AmountError::Zero => Msg::AmountZero,
            AmountError::TooPrecise => Msg::AmountTooPrecise,
            AmountError::TooLarge => Msg::AmountTooLarge,
        };
        msg.text(lang)
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

impl std::error::Error for AmountError {}

/// Reads a money amount as a reader types it, into minor units.
///
/// Accepts `40000`, `40,000`, `40 000` (also with no-break or thin spaces),
/// `40000.50`, `$40,000`, `C$40,000`, and in French `40 000,50` or `40 000 $`.
/// In English a comma groups thousands and a point marks the decimals; in
/// French a comma marks the decimals, and a point does too when it is
/// followed by one or two digits (readers paste English numbers).
pub fn parse_amount(input: &str, lang: Lang) -> Result<i64, AmountError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(AmountError::Empty);
    }
    let mut body = String::with_capacity(trimmed.len());
    let mut negative = false;
    for ch in trimmed.chars() {
        match ch {
            '0'..='9' | '.' | ',' => body.push(ch),
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_' => body.push(' '),
            '-' | '\u{2212}' if body.trim().is_empty() => negative = true,
            '$' | '¥' | '元' => {}
            'C' | 'c' | 'A' | 'D' | 'U' | 'S' | 'N' | 'Y' | 'R' | 'M' | 'B'
                if is_currency_word(trimmed) => {}
            _ => return Err(AmountError::NotANumber),
        }
    }
    // "40  000" (a double space) is still one group separator.
    let body = body
        .split(' ')
        .filter(|g| !g.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if body.is_empty() || !body.bytes().any(|b| b.is_ascii_digit()) {
        return Err(AmountError::NotANumber);
    }
    // The decimal mark is the last '.' or ',' followed only by digits, where
    // the language allows it: English '.', French ',' and also '.' before one
    // or two digits ("40.000" in French groups thousands).
    let decimal_at = body.rfind(['.', ',']).filter(|&i| {
        let tail = &body[i + 1..];
        let digits_only = !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit());
        match (lang, body.as_bytes()[i]) {
            (Lang::En, b'.') => digits_only,
            (Lang::En, _) => false,
            (Lang::Fr, b',') => digits_only,
            (Lang::Fr, _) => digits_only && tail.len() <= 2,
        }
    });
    let (int_part, frac_part) = match decimal_at {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body.as_str(), ""),
    };
    if frac_part.len() > 2 {
        return Err(AmountError::TooPrecise);
    }
    // Groups in the integer part: separated by spaces, commas or points, each
    // group after the first exactly three digits.
    let groups: Vec<&str> = int_part.split([' ', ',', '.']).collect();
    let separated = groups.len() > 1;
    let mut digits = String::new();
    for (i, g) in groups.iter().enumerate() {
        if g.is_empty() && groups.len() == 1 && !frac_part.is_empty() {
            break; // ".50"
        }
        if g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AmountError::NotANumber);
        }
        if separated && i > 0 && g.len() != 3 {
            return Err(AmountError::NotANumber);
        }
        digits.push_str(g);
    }
    if digits.len() > 16 {
        return Err(if negative {
            AmountError::Negative
        } else {
            AmountError::TooLarge
        });
    }
    let whole: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| AmountError::NotANumber)?
    };
    let cents: i64 = match frac_part.len() {
        0 => 0,
        1 => {
            frac_part
                .parse::<i64>()
                .map_err(|_| AmountError::NotANumber)?
                * 10
        }
        _ => frac_part.parse().map_err(|_| AmountError::NotANumber)?,
    };
    let minor = whole
        .checked_mul(MINOR_PER_MAJOR)
        .and_then(|w| w.checked_add(cents))
        .ok_or(AmountError::TooLarge)?;
    if negative && minor > 0 {
        return Err(AmountError::Negative);
    }
    if minor == 0 {
        return Err(AmountError::Zero);
    }
    if minor > MAX_VALUE_MINOR {
        return Err(AmountError::TooLarge);
    }
    Ok(minor)
}

/// Whether the letters in `s` are a currency prefix or suffix the reader may
/// type (C$, CA$, US$, CAD, USD, CNY, RMB) and nothing else.
fn is_currency_word(s: &str) -> bool {
    let letters: String = s
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase();
    matches!(
        letters.as_str(),
        "C" | "CA" | "US" | "CAD" | "USD" | "CNY" | "RMB" | "CN"
    )
}

#[cfg(test)]
mod tests {
    use super::Lang::{En, Fr};
    use super::*;

    #[test]
    fn reads_what_readers_type() {
        for (s, want) in [
            ("40000", 4_000_000),
            ("40,000", 4_000_000),
            ("40 000", 4_000_000),
            ("40\u{a0}000", 4_000_000),
            ("40000.50", 4_000_050),
            ("40,000.5", 4_000_050),
            ("$40,000", 4_000_000),
            ("C$40,000", 4_000_000),
            ("40000 CAD", 4_000_000),
            ("1,234,567.89", 123_456_789),
            ("0.5", 50),
        ] {
            assert_eq!(parse_amount(s, En), Ok(want), "{s}");
        }
        for (s, want) in [
            ("40 000,50", 4_000_050),
            ("40\u{202f}000,50", 4_000_050),
            ("40000,5", 4_000_050),
            ("40 000 $", 4_000_000),
            ("40000.50", 4_000_050),
            ("40000", 4_000_000),
        ] {
            assert_eq!(parse_amount(s, Fr), Ok(want), "{s}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse_amount("", En), Err(AmountError::Empty));
        assert_eq!(parse_amount("   ", En), Err(AmountError::Empty));
        assert_eq!(parse_amount("abc", En), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("40k", En), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("4,00", En), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("1e5", En), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("NaN", En), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("Infinity", En), Err(AmountError::NotANumber));
        assert_eq!(parse_amount("-5", En), Err(AmountError::Negative));
        assert_eq!(parse_amount("−40 000", Fr), Err(AmountError::Negative));
        assert_eq!(parse_amount("0", En), Err(AmountError::Zero));
        assert_eq!(parse_amount("0.00", En), Err(AmountError::Zero));
        assert_eq!(parse_amount("1.234", En), Err(AmountError::TooPrecise));
        assert_eq!(
            parse_amount("1000000000000.01", En),
            Err(AmountError::TooLarge)
        );
        assert_eq!(
            parse_amount("99999999999999999999", En),
            Err(AmountError::TooLarge)
        );
        assert_eq!(parse_amount("1000000000000", En), Ok(MAX_VALUE_MINOR));
    }

    #[test]
    fn rates_are_exact() {
        assert_eq!(Rate::from_percent(6.1), Some(Rate(610)));
        assert_eq!(Rate::from_percent(75.8), Some(Rate(7580)));
        assert_eq!(Rate::from_percent(6.125), None);
        assert_eq!(Rate::from_percent(f64::NAN), None);
        assert_eq!(Rate(610).apply(4_000_000), 244_000);
        assert_eq!(Rate(10_610).to_string(), "106.1%");
        assert_eq!(Rate(8_480).to_string(), "84.8%");
        assert_eq!(Rate(5).to_string(), "0.05%");
        assert_eq!(Rate(650).grow_units(49_000), 52_185);
        assert_eq!(Rate::effective(244_000, 4_000_000), Rate(610));
    }

    #[test]
    fn rounds_half_away_from_zero_once() {
        assert_eq!(Rate(50).apply(100), 1); // 0.5 cent → 1
        assert_eq!(Rate(49).apply(100), 0);
        assert_eq!(convert(10_000, 1_369_800, 1_000_000), 13_698);
    }
}
