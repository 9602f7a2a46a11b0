//! Replays through the fuzz targets' own checks: every input libFuzzer kept
//! (fuzz/corpus/<target>/) and every crash it ever found
//! (fuzz/regressions/<target>/), plus a deterministic sweep so the suite
//! exercises the checks even on a fresh clone without a corpus.

use std::path::Path;
use trade_widget::fuzzing::{check_amount, check_data_file, check_engine};

/// Runs `check` on every file in fuzz/`dir`/`target`/ and returns how many
/// it ran. A missing directory runs none; a file that cannot be read fails
/// the test rather than being passed over.
fn replay_dir(dir: &str, target: &str, check: fn(&[u8])) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(dir)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&path) else {
        return 0;
    };
    let mut ran = 0;
    for entry in entries {
        let file = entry
            .unwrap_or_else(|e| panic!("listing {}: {e}", path.display()))
            .path();
        let bytes =
            std::fs::read(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        check(&bytes);
        ran += 1;
    }
    ran
}

/// Replays the corpus libFuzzer kept for `target` and the crashes it found.
/// Both are checked in: an empty corpus means the files went missing (or the
/// target was renamed), and the replay would test nothing. `crashes` is how
/// many crash inputs the target has produced so far (README, Fuzzing).
fn replay(target: &str, check: fn(&[u8]), crashes: usize) {
    let corpus = replay_dir("corpus", target, check);
    assert!(
        corpus > 0,
        "fuzz/corpus/{target}/ is empty or missing: nothing was replayed"
    );
    let found = replay_dir("regressions", target, check);
    assert!(
        found >= crashes,
        "fuzz/regressions/{target}/ has {found} inputs, expected at least {crashes}"
    );
}

/// Deterministic pseudo-random inputs (xorshift), so no run depends on luck.
fn sweep(check: fn(&[u8]), count: usize, len: usize) {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut buf = vec![0u8; len];
    for _ in 0..count {
        for byte in buf.iter_mut() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *byte = state as u8;
        }
        check(&buf);
    }
}

#[test]
fn data_file_corpus_and_crashes() {
    replay("load", check_data_file, 1);
    for text in [
        "{",
        "{}",
        "[]",
        "{\"replace\": true}",
        "{\"events\": [{\"id\": 1}]}",
        "{\"schema\": 1e999}",
        "\"\\ud800\"",
    ] {
        check_data_file(text.as_bytes());
    }
}

#[test]
fn amount_corpus_and_crashes() {
    replay("amount", check_amount, 0);
    for text in [
        "",
        "-",
        ".",
        ",",
        "1,",
        "1.",
        "١٢٣",
        "99999999999999999999999",
        "0.001",
        "1e3",
        "\u{202f}",
        "$-1",
        "C$ 1 000,5",
    ] {
        check_amount(text.as_bytes());
    }
    sweep(check_amount, 5_000, 12);
}

#[test]
fn engine_corpus_crashes_and_sweep() {
    replay("engine", check_engine, 1);
    sweep(check_engine, 2_000, 160);
}

/// Every number as f64: `40` and `40.0` are the same value to the widget.
fn as_floats(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        Value::Array(items) => Value::Array(items.into_iter().map(as_floats).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, as_floats(v))).collect())
        }
        other => other,
    }
}

/// The widget's JSON reader accepts exactly what serde_json accepts, and
/// reads the same values, over every input the fuzzer kept for the loader.
#[test]
fn json_reader_agrees_with_serde_json_on_the_corpus() {
    use trade_widget::core::json;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/load");
    let mut compared = 0;
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        if text.starts_with('\u{feff}') {
            continue; // we allow a byte-order mark; serde_json does not
        }
        let ours = json::parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        if let Err(e) = &theirs {
            if e.to_string().contains("recursion limit") {
                continue; // both refuse, with different limits
            }
        }
        if let (Err(e), Ok(_)) = (&ours, &theirs) {
            if e.to_string().contains("significant digits") {
                continue; // ours reads numbers exactly up to 15 digits, by design
            }
        }
        assert_eq!(
            ours.is_ok(),
            theirs.is_ok(),
            "{:?}: ours {:?}, serde_json {:?}",
            entry.path(),
            ours.as_ref().err(),
            theirs.as_ref().err()
        );
        if let (Ok(a), Ok(b)) = (ours, theirs) {
            let back: serde_json::Value = serde_json::from_str(&json::to_string(&a)).unwrap();
            assert_eq!(as_floats(back), as_floats(b), "{:?}", entry.path());
        }
        compared += 1;
    }
    assert!(
        compared > 100,
        "the corpus is there ({compared} inputs compared)"
    );
}
