//! Checks the data file with the widget's own reader and validator before
//! anything is compiled, and embeds what this build's views show.
//!
//! - A file the validator refuses fails the build with every problem it
//!   found (the same messages `validate` prints), so a broken edit never
//!   reaches a reader.
//! - The file is embedded without its indentation (~20 % fewer bytes).
//! - A module built without the `timeline` feature (issue 11: one module per
//!   view) embeds no events: their bilingual texts and sources are a third
//!   of the data, and the calculator shows only their days (the rate
//!   chart's markers), which go in as a list of day numbers.

/// The core modules the reader and validator need, by their paths in the crate.
#[path = "src/core"]
// Private here, public in the library: lints about private items do not apply.
#[allow(dead_code, unused_imports, clippy::upper_case_acronyms)]
mod core {
    pub mod date;
    pub mod format;
    pub mod i18n;
    pub mod json;
    pub mod load;
    pub mod model;
    pub mod money;
    pub mod order;
}

use core::json::{self, Json};
use std::path::Path;

fn main() {
    let src = "data/canada-china.json";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/core");
    let text = match std::fs::read_to_string(src) {
        Ok(t) => t,
        Err(e) => fail(&format!("cannot read {src}: {e}")),
    };
    let dataset = match core::load::load(&text) {
        Ok(ds) => ds,
        Err(errors) => fail(&format!(
            "{src} does not validate (fix it, then build again):\n{errors}"
        )),
    };
    let Ok(mut root) = json::parse(&text) else {
        fail(&format!("{src} validated but does not parse"))
    };
    let timeline = std::env::var_os("CARGO_FEATURE_TIMELINE").is_some();
    let mut days: Vec<i32> = Vec::new();
    if !timeline {
        days = dataset.events.iter().map(|e| e.date.days()).collect();
        if let Json::Obj(members) = &mut root {
            for (key, value) in members.iter_mut() {
                if key == "events" {
                    *value = Json::Arr(Vec::new());
                }
            }
        }
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let out = Path::new(&out_dir);
    write(&out.join("canada-china.min.json"), &json::to_string(&root));
    let list: Vec<String> = days.iter().map(|d| d.to_string()).collect();
    write(
        &out.join("event_days.rs"),
        &format!("&[{}]", list.join(",")),
    );
}

fn write(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        fail(&format!("could not write {}: {e}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
