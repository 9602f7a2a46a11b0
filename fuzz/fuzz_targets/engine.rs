//! Random valid datasets and shipments: the engine's invariants hold.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    trade_widget::fuzzing::check_engine(data);
});
