//! Replays through the fuzz targets' own checks: every input libFuzzer kept
//! (fuzz/corpus/<target>/) and every crash it ever found
//! (fuzz/regressions/<target>/), plus a deterministic sweep so the suite
//! exercises the checks even on a fresh clone without a corpus.

use std::path::Path;
use trade_widget::fuzzing::{check_amount, check_data_file, check_engine};

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let mut n = 0;
    for dir in ["corpus", "regressions"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(dir)
            .join(target);
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                check(&bytes);
                n += 1;
            }
        }
    }
    n
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
    replay("load", check_data_file);
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
    replay("amount", check_amount);
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
    replay("engine", check_engine);
    sweep(check_engine, 2_000, 160);
}
