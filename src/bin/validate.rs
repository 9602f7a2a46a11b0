//! The editor's check: `cargo run --bin validate -- data/canada-china.json`.
//!
//! Prints every problem in the file at once and exits with 1 if there is
//! any, 2 if the file cannot be read, so it can gate a publishing script.
//! Warnings (a source with no title or no date) are printed too but do not
//! fail the check.
//!
//! `cargo run --bin validate -- --from-csv events.csv` reads an events
//! spreadsheet saved as CSV (`core::csv_import`) and prints the built-in data
//! file with those events in place of its own, checked by the same rules; or
//! every problem with its line and column in the CSV, and exits with 1.

use std::process::ExitCode;
#[cfg(not(target_arch = "wasm32"))]
use trade_widget::core::builtin::BUILTIN_JSON;
#[cfg(not(target_arch = "wasm32"))]
use trade_widget::core::csv_import::{data_from_csv, header_names};
use trade_widget::core::load::check;

/// `--from-csv PATH`: the data file on stdout, or the problems on stderr.
/// (Native only, as `core::csv_import` is.)
#[cfg(not(target_arch = "wasm32"))]
fn from_csv(path: Option<&String>) -> ExitCode {
    let Some(path) = path else {
        eprintln!("usage: validate --from-csv EVENTS.csv");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    match data_from_csv(BUILTIN_JSON, &text, &header_names(&text)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            let n = problems.len();
            eprintln!("{path}: {n} problem{}:", if n == 1 { "" } else { "s" });
            for p in &problems {
                eprintln!("- {p}");
            }
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    #[cfg(not(target_arch = "wasm32"))]
    if paths.first().map(String::as_str) == Some("--from-csv") {
        return from_csv(paths.get(1));
    }
    let paths = if paths.is_empty() {
        vec!["data/canada-china.json".to_string()]
    } else {
        paths
    };
    let mut worst = ExitCode::SUCCESS;
    for path in &paths {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: cannot read the file: {e}");
                worst = ExitCode::from(2);
                continue;
            }
        };
        let (result, warnings) = check(&text);
        match result {
            Ok(ds) => println!(
                "{path}: valid — version {}, {} flows, {} measures, {} quotas, {} events, {} exchange rates; data as of {}{}",
                ds.version.map_or("unnumbered".to_string(), |v| v.to_string()),
                ds.flows.len(),
                ds.measures.len(),
                ds.quotas.len(),
                ds.events.len(),
                ds.exchange_rates.len(),
                ds.as_of,
                match warnings.len() {
                    0 => String::new(),
                    1 => "; 1 warning".to_string(),
                    n => format!("; {n} warnings"),
                }
            ),
            Err(errors) => {
                eprint!("{path}: {errors}");
                worst = ExitCode::from(1);
            }
        }
        for w in &warnings {
            eprintln!("{path}: warning: {w}");
        }
    }
    worst
}
