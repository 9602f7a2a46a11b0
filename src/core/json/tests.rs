//! Tests of [`super`]: json.rs.

#[test]
fn numbers_read_exactly_as_str_parse_reads_them() {
    // Every number of the shipped data file, and 200,000 random decimals
    // of up to 15 significant digits with exponents within ±22.
    let data = include_str!("../../../data/canada-china.json");
    let mut checked = 0;
    for token in
        data.split(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | 'e' | 'E' | '+')))
    {
        if token.is_empty() || !token.as_bytes()[0].is_ascii_digit() || token.contains('-') {
            continue;
        }
        if let Ok(expected) = token.parse::<f64>() {
            assert_eq!(super::number::exact_f64(token), Some(expected), "{token}");
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
        match super::number::exact_f64(&text) {
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
    assert_eq!(super::number::exact_f64("1234567890123456"), None);
    assert_eq!(super::number::exact_f64("1e23"), None);
    assert_eq!(super::number::exact_f64("1e-23"), None);
    assert_eq!(super::number::exact_f64("12.5e-2"), Some(0.125));
    assert_eq!(super::number::exact_f64("40000.00"), Some(40000.0));
    assert_eq!(super::number::exact_f64("0.000"), Some(0.0));
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
