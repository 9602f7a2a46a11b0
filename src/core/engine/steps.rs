//! The flow's duty over time: the days it can change and the effective rate
//! between them (the rate chart), and the comparison's default date.

use super::{quote, Shipment};
use crate::core::date::Date;
use crate::core::model::Dataset;
use crate::core::money::Rate;

/// "Before the deal": the day before the deal was announced.
pub fn before_deal(ds: &Dataset) -> Date {
    ds.deal_date.add_days(-1)
}

/// The days on which anything about the flow's duty can change, in order:
/// measure starts, the day after each end, quota years.
pub fn change_days(ds: &Dataset, flow: &str, from: Date, to: Date) -> Vec<Date> {
    let mut days = vec![from];
    for m in ds.measures.iter().filter(|m| m.flow == flow) {
        days.extend(m.start);
        days.extend(m.end.map(|e| e.add_days(1)));
    }
    if let Some(q) = ds.quota_for(flow) {
        let mut year = 0;
        while q.start.add_years(year) <= to && year < 200 {
            days.push(q.start.add_years(year));
            year += 1;
        }
    }
    days.retain(|d| (from..=to).contains(d));
    crate::core::order::sort_by_key(&mut days, |d| *d);
    days.dedup();
    days
}

/// The effective rate of `template`'s flow over time, as steps: each entry
/// holds from its date until the next entry's. For the rate chart.
pub fn rate_steps(ds: &Dataset, template: &Shipment, from: Date, to: Date) -> Vec<(Date, Rate)> {
    let mut steps: Vec<(Date, Rate)> = Vec::new();
    for day in change_days(ds, &template.flow, from, to) {
        if let Ok(q) = quote(
            ds,
            &Shipment {
                date: day,
                ..template.clone()
            },
        ) {
            if steps.last().is_none_or(|(_, r)| *r != q.effective) {
                steps.push((day, q.effective));
            }
        }
    }
    steps
}
