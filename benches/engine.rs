//! `cargo bench --bench engine`: the time for one quote and for 10,000
//! quotes, natively (release build). Prints numbers; asserts nothing.
//!
//! A plain harness rather than criterion: the figures wanted here are two
//! medians, and criterion would add ~60 crates to a cold build.

use std::hint::black_box;
use std::time::Instant;
use trade_widget::core::builtin::BUILTIN_JSON;
use trade_widget::core::date::Date;
use trade_widget::core::engine::{compare, quote, rate_steps, Shipment};
use trade_widget::core::load::load;
use trade_widget::core::money::Currency;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn p95(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[(v.len() * 95 / 100).min(v.len() - 1)]
}

fn main() {
    let t = Instant::now();
    let ds = load(BUILTIN_JSON).expect("the shipped data validates");
    let load_us = t.elapsed().as_secs_f64() * 1e6;

    let flows: Vec<String> = ds.flows.iter().map(|f| f.id.clone()).collect();
    let start = Date::parse("2017-01-01").unwrap().days();
    // 10,000 shipments: every flow, dates across the story, varied values and quota use.
    let shipments: Vec<Shipment> = (0..10_000u64)
        .map(|i| Shipment {
            flow: flows[i as usize % flows.len()].clone(),
            value_minor: 100_000 + (i as i64 * 7_919) % 100_000_000,
            currency: [Currency::CAD, Currency::USD, Currency::CNY][i as usize % 3],
            date: Date::from_days(start + (i as i32 * 37) % 3_650),
            quantity: 1 + i % 50,
            quota_used: (i * 13) % 60_000,
        })
        .collect();

    let mut one = Vec::new();
    for s in shipments.iter().take(2_000) {
        let t = Instant::now();
        black_box(quote(&ds, black_box(s)).ok());
        one.push(t.elapsed().as_secs_f64() * 1e9);
    }
    let mut batch = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        for s in &shipments {
            black_box(quote(&ds, black_box(s)).ok());
        }
        batch.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mut cmp = Vec::new();
    let before = Date::parse("2026-01-15").unwrap();
    for s in shipments.iter().take(2_000) {
        let t = Instant::now();
        black_box(compare(&ds, s, before).ok());
        cmp.push(t.elapsed().as_secs_f64() * 1e9);
    }
    let mut steps = Vec::new();
    let (from, to) = ds.coverage;
    for s in shipments.iter().take(500) {
        let t = Instant::now();
        black_box(rate_steps(&ds, s, from, to));
        steps.push(t.elapsed().as_secs_f64() * 1e6);
    }

    println!(
        "engine benchmark (native, release; {} flows, {} measures)",
        ds.flows.len(),
        ds.measures.len()
    );
    println!("load + validate the built-in data:   {load_us:>9.0} µs (once)");
    println!(
        "one quote:                           {:>9.0} ns median, {:>7.0} ns p95",
        median(one.clone()),
        p95(one)
    );
    println!(
        "10,000 quotes:                       {:>9.2} ms median of 15 runs",
        median(batch)
    );
    println!(
        "one before/after comparison:         {:>9.0} ns median, {:>7.0} ns p95",
        median(cmp.clone()),
        p95(cmp)
    );
    println!(
        "rate-over-time steps (rate chart):   {:>9.1} µs median, {:>7.1} µs p95",
        median(steps.clone()),
        p95(steps)
    );
}
