//! The editor's check: `cargo run --bin validate -- data/canada-china.json`.
//!
//! Prints every problem in the file at once and exits with 1 if there is
//! any, 2 if the file cannot be read, so it can gate a publishing script.
//! Warnings (a source with no title or no date) are printed too but do not
//! fail the check.

use std::process::ExitCode;
use trade_widget::core::load::check;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
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
