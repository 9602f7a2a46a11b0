//! A small JSON reader for data files: values, and errors with line and column.
//!
//! The widget reads JSON in one place (a data file, built in or inline), and
//! only into a tree the loader then walks field by field. serde_json's
//! `Value` (with its BTreeMap and serializer) cost ~27 KB of wasm for that;
//! this reader is a few KB. It follows RFC 8259: no trailing commas, no
//! comments; a leading byte-order mark is allowed (editors on Windows write one).

use std::fmt;

/// A parsed JSON value. Objects keep their members in file order (so
/// problems are reported in the order an editor reads them).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object (the last one, if the file repeats a key).
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(members) => Some(members),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

/// Where and why a text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 128;

/// Parses one JSON document.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { text, pos: 0 };
    if p.text.starts_with('\u{feff}') {
        p.pos = '\u{feff}'.len_utf8();
    }
    p.skip_ws();
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.text.len() {
        return Err(p.error("unexpected text after the end of the document"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> JsonError {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError {
            line,
            column,
            message: message.to_string(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            None => Err(self.error("the file ends where a value was expected")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ if self.eat("null") => Ok(Json::Null),
            _ => Err(self
                .error("expected a value (text in quotes, a number, true, false, null, [ or {)")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1; // {
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Obj(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(if self.peek() == Some(b'}') {
                    "a comma before } (remove the last comma)"
                } else {
                    "expected a field name in quotes"
                }));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected : after the field name"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Obj(members));
                }
                None => return Err(self.error("the file ends inside an object (a } is missing)")),
                _ => return Err(self.error("expected , or } after a field")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1; // [
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Arr(items));
        }
        loop {
            self.skip_ws();
            if self.peek() == Some(b']') {
                return Err(self.error("a comma before ] (remove the last comma)"));
            }
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Arr(items));
                }
                None => return Err(self.error("the file ends inside a list (a ] is missing)")),
                _ => return Err(self.error("expected , or ] after a list item")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let digits = |p: &mut usize| {
            let s = *p;
            while bytes.get(*p).is_some_and(u8::is_ascii_digit) {
                *p += 1;
            }
            *p > s
        };
        let mut p = self.pos;
        if bytes.get(p) == Some(&b'-') {
            p += 1;
        }
        let int_start = p;
        if !digits(&mut p) || (bytes[int_start] == b'0' && p - int_start > 1) {
            self.pos = int_start;
            return Err(self.error("a number must have digits, with no leading zero"));
        }
        if bytes.get(p) == Some(&b'.') {
            p += 1;
            if !digits(&mut p) {
                self.pos = p;
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if matches!(bytes.get(p), Some(b'e' | b'E')) {
            p += 1;
            if matches!(bytes.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !digits(&mut p) {
                self.pos = p;
                return Err(self.error("expected digits in the exponent"));
            }
        }
        self.pos = p;
        match exact_f64(&self.text[start..p]) {
            Some(n) => Ok(Json::Num(n)),
            None => {
                self.pos = start;
                Err(self.error(
                    "the number has too many digits: at most 15 significant digits, and an exponent within ±22",
                ))
            }
        }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1; // "
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            // Copy the run up to the next quote, backslash or control character at once.
            let run = rest
                .find(|c: char| c == '"' || c == '\\' || c < ' ')
                .unwrap_or(rest.len());
            out.push_str(&rest[..run]);
            self.pos += run;
            match self.peek() {
                None => {
                    return Err(self.error("the file ends inside a text (a closing \" is missing)"))
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let esc = self.peek();
                    self.pos += 1;
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => {
                            self.pos -= 2;
                            return Err(self.error(
                                "unknown escape after \\ (use \\\", \\\\, \\n or \\uXXXX)",
                            ));
                        }
                    }
                }
                Some(_) => {
                    return Err(self.error(
                        "a line break or control character inside a text (write it as \\n)",
                    ))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.error("\\u must be followed by four hexadecimal digits")),
        }
    }

    /// `\uXXXX`, joining a UTF-16 surrogate pair into one character.
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.eat("\\u") {
                return Err(self.error("a \\u surrogate must be followed by its pair"));
            }
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("a \\u surrogate must be followed by its pair"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("\\u names no character"))
    }
}

/// Writes `value` back as compact JSON (for the build's compaction of the
/// data file and for tests; the widget itself never serializes).
/// The powers of ten an f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A JSON number (already checked for syntax) as the nearest f64, or `None`
/// when it has more than 15 significant digits or a decimal exponent beyond
/// ±22.
///
/// This is Clinger's fast path: the digits as an integer below 2^53 and a
/// power of ten up to 10^22 are both exact f64s, so one multiplication or
/// division rounds once, to the nearest f64, exactly as `str::parse` would.
/// It keeps `str::parse::<f64>` (about 14 KB of gzipped wasm with its
/// tables) out of the bundle; every number a data file needs (rates, values,
/// exchange rates, counts) is well inside it.
fn exact_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut exp10: i64 = 0;
    let mut seen_point = false;
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        match b {
            b'0'..=b'9' => {
                if mantissa == 0 && b == b'0' {
                    // Leading zeros count only for the exponent.
                    if seen_point {
                        exp10 -= 1;
                    }
                } else {
                    digits += 1;
                    if digits > 19 {
                        return None;
                    }
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if seen_point {
                        exp10 -= 1;
                    }
                }
            }
            b'.' => seen_point = true,
            b'e' | b'E' => break,
            _ => return None,
        }
        i += 1;
    }
    if let Some(rest) = body.get(i + 1..).filter(|_| i < body.len()) {
        let (sign, digits) = match rest.first() {
            Some(b'-') => (-1, &rest[1..]),
            Some(b'+') => (1, &rest[1..]),
            _ => (1, rest),
        };
        let mut e: i64 = 0;
        for &d in digits {
            e = e
                .saturating_mul(10)
                .saturating_add(i64::from(d.wrapping_sub(b'0')));
        }
        exp10 = exp10.saturating_add(sign * e);
    }
    // Trailing zeros of the digits move into the exponent (40000.00 is 4 × 10^4).
    while mantissa != 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        exp10 += 1;
    }
    if mantissa == 0 {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Below 10^15: 15 significant digits, and an exact f64 after the scaling below.
    if mantissa >= 1_000_000_000_000_000 {
        return None;
    }
    let m = mantissa as f64;
    let value = match exp10 {
        0..=22 => m * POW10[exp10 as usize],
        -22..=-1 => m / POW10[(-exp10) as usize],
        _ => return None,
    };
    Some(if negative { -value } else { value })
}

pub fn to_string(value: &Json) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

fn write_value(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => out.push_str(&n.to_string()),
        Json::Str(s) => write_str(s, out),
        Json::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Json::Obj(members) => {
            out.push('{');
            for (i, (k, v)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(k, out);
                out.push(':');
                write_value(v, out);
            }
            out.push('}');
        }
    }
}

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_read_exactly_as_str_parse_reads_them() {
        // Every number of the shipped data file, and 200,000 random decimals
        // of up to 15 significant digits with exponents within ±22.
        let data = include_str!("../../data/canada-china.json");
        let mut checked = 0;
        for token in
            data.split(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+')))
        {
            if token.is_empty() || !token.as_bytes()[0].is_ascii_digit() || token.contains('-') {
                continue;
            }
            if let Ok(expected) = token.parse::<f64>() {
                assert_eq!(super::exact_f64(token), Some(expected), "{token}");
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked} numbers of the data file checked");
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let digits = 1 + next() % 15;
            let mantissa = next() % 10u64.pow(digits as u32);
            let text = match next() % 3 {
                0 => mantissa.to_string(),
                1 => {
                    let s = format!("{mantissa:0>width$}", width = digits as usize + 1);
                    let point = 1 + (next() % digits) as usize;
                    format!("{}.{}", &s[..point], &s[point..])
                }
                _ => format!(
                    "{mantissa}e{}",
                    (next() % 45) as i64 - 22 + (digits as i64 - 1).min(0)
                ),
            };
            let text = if next() % 2 == 0 {
                format!("-{text}")
            } else {
                text
            };
            let expected: f64 = text.parse().expect("a valid number");
            match super::exact_f64(&text) {
                Some(got) => assert_eq!(got.to_bits(), expected.to_bits(), "{text}"),
                None => {
                    // Refused only outside the exact range.
                    let e: i64 = text
                        .split(['e', 'E'])
                        .nth(1)
                        .map_or(0, |e| e.parse().unwrap_or(0));
                    assert!(e.abs() > 22 - 15 || digits > 15, "{text} was refused");
                }
            }
        }
    }

    #[test]
    fn numbers_outside_the_exact_range_are_refused_with_a_message() {
        assert_eq!(super::exact_f64("1234567890123456"), None);
        assert_eq!(super::exact_f64("1e23"), None);
        assert_eq!(super::exact_f64("1e-23"), None);
        assert_eq!(super::exact_f64("12.5e-2"), Some(0.125));
        assert_eq!(super::exact_f64("40000.00"), Some(40000.0));
        assert_eq!(super::exact_f64("0.000"), Some(0.0));
        let e = parse("[1.00000000000000001]").expect_err("17 significant digits");
        assert!(
            e.to_string().contains("at most 15 significant digits"),
            "{e}"
        );
    }

    use super::*;

    fn err(text: &str) -> (usize, usize) {
        let e = parse(text).unwrap_err();
        (e.line, e.column)
    }

    #[test]
    fn reads_json() {
        let v = parse(
            "\u{feff} {\"a\": [1, -2.5e3, true, null, \"x\\n\\u00e9\\ud83d\\ude00\"], \"b\": {}} ",
        )
        .unwrap();
        assert_eq!(
            v.get("a").unwrap().as_array().unwrap()[1].as_f64(),
            Some(-2500.0)
        );
        assert_eq!(
            v.get("a").unwrap().as_array().unwrap()[4].as_str(),
            Some("x\né😀")
        );
        assert_eq!(v.get("b").unwrap().as_object().unwrap().len(), 0);
        assert_eq!(
            parse("{\"k\": 1, \"k\": 2}")
                .unwrap()
                .get("k")
                .unwrap()
                .as_f64(),
            Some(2.0)
        );
        assert_eq!(parse(&to_string(&v)).unwrap(), v, "round trip");
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(
            err("{\n  \"schema\": 1,\n  \"flows\": [ oops ]\n}"),
            (3, 14)
        );
        assert_eq!(err("[1, 2,]"), (1, 7));
        assert_eq!(err("{\"a\": 1,}"), (1, 9));
        assert_eq!(err("{\"a\" 1}"), (1, 6));
        assert_eq!(err("\"abc"), (1, 5));
        assert_eq!(err("01"), (1, 1));
        assert_eq!(err("1."), (1, 3));
        assert_eq!(err("1e999"), (1, 1));
        assert_eq!(err("{} x"), (1, 4));
        assert_eq!(err("\"é\\q\""), (1, 3));
        assert_eq!(err("\"\\ud800\""), (1, 8));
        assert_eq!(err(""), (1, 1));
        assert_eq!(err("\"a\nb\""), (1, 3));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().message.contains("deeply"));
        assert!(parse(&format!("{}{}", "[".repeat(100), "]".repeat(100))).is_ok());
    }
}
