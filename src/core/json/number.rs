//! JSON numbers read exactly, without `str::parse::<f64>`.

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
pub(super) fn exact_f64(text: &str) -> Option<f64> {
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
