//! Any text typed into the value field: never panics; what it accepts is a
//! positive amount within the limit.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    trade_widget::fuzzing::check_amount(data);
});
