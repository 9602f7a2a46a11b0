//! Any bytes as a data file, alone or as an inline overlay of the built-in
//! data: loading never panics, and a file that loads quotes without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    trade_widget::fuzzing::check_data_file(data);
});
