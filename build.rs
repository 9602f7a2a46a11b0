//! Checks the data file with the widget's own reader and validator before
//! anything is compiled, and embeds what this build's views show.
//!
//! - A file the validator refuses fails the build with every problem it
//!   found (the same messages `validate` prints), so a broken edit never
//!   reaches a reader.
//! - The checked dataset is embedded as bytes (`core::pack`): a view module
//!   decodes it without the JSON reader or the validator (issue 11). A module
//!   built without the `timeline` feature (one module per view) embeds no
//!   events: their bilingual texts and sources are a third of the data, and
//!   the calculator shows only their days (the rate chart's markers), which
//!   go in as a list of day numbers.
//! - The file is also embedded as JSON without its indentation: the reader
//!   module lays a page's own data over it (and native tests read it).

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
    pub mod pack;
}

use core::json;
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
    let Ok(root) = json::parse(&text) else {
        fail(&format!("{src} validated but does not parse"))
    };
    let mut dataset = dataset;
    let mut days: Vec<i32> = Vec::new();
    if std::env::var_os("CARGO_FEATURE_TIMELINE").is_none() {
        days = dataset.events.iter().map(|e| e.date.days()).collect();
        dataset.events.clear();
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let out = Path::new(&out_dir);
    // The whole file as JSON (the reader module overlays a page's data on it; native tests),
    // and the checked dataset, trimmed to this module's views, as the bytes a view module decodes.
    write(&out.join("canada-china.min.json"), &json::to_string(&root));
    write_bytes(&out.join("canada-china.bin"), &core::pack::pack(&dataset));
    let list: Vec<String> = days.iter().map(|d| d.to_string()).collect();
    write(
        &out.join("event_days.rs"),
        &format!("&[{}]", list.join(",")),
    );
}

fn write(path: &Path, text: &str) {
    write_bytes(path, text.as_bytes());
}

fn write_bytes(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        fail(&format!("could not write {}: {e}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
