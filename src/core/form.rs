//! The calculator's form as data: the inputs as the reader typed them, what
//! a page or a shared link may set, the checks that turn them into a
//! [`Shipment`], and the preset dates.
//!
//! The inputs stay text until they are checked, so nothing the reader typed
//! is lost when it does not read; the web layer only copies them between
//! the controls and this struct.

use super::date::Date;
use super::engine::{before_deal, Shipment};
use super::i18n::{Lang, Msg};
use super::model::{Dataset, MeasureKind};
use super::money::{parse_amount, Currency};

/// Largest quantity a shipment may have.
pub const MAX_QUANTITY: u64 = 10_000_000;
/// Largest number of units already entered in a quota year.
pub const MAX_QUOTA_USED: u64 = 100_000_000;

/// A calculator field that can carry a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Flow,
    Value,
    Date,
    Compare,
    Quantity,
    QuotaUsed,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Flow,
        Field::Value,
        Field::Date,
        Field::Compare,
        Field::Quantity,
        Field::QuotaUsed,
    ];

    /// The control's `name` in the markup and the field's name in
    /// `getState().errors`: a contract with embedders, keep it stable.
    pub fn name(self) -> &'static str {
        match self {
            Field::Flow => "flow",
            Field::Value => "value",
            Field::Date => "date",
            Field::Compare => "compare",
            Field::Quantity => "quantity",
            Field::QuotaUsed => "quota-used",
        }
    }
}

/// One input that does not read, with the message shown under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: &'static str,
}

/// The reader's inputs as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    pub flow: String,
    pub value: String,
    pub currency: Currency,
    pub date: String,
    pub quantity: String,
    pub quota_used: String,
    /// The comparison date ("before the deal" unless the reader or page changes it).
    pub compare: String,
}

/// What a page, an attribute or a shared link sets; absent fields leave
/// the inputs as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InputFields {
    pub flow: Option<String>,
    pub value: Option<String>,
    pub currency: Option<String>,
    pub date: Option<String>,
    pub quantity: Option<String>,
    pub quota_used: Option<String>,
    pub compare: Option<String>,
}

/// Something a page, an attribute or a link set that the form could not
/// take; the rest of what it set is applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rejected {
    UnknownFlow(String),
    UnknownCurrency(String),
}

impl Rejected {
    /// What the widget says about it, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (msg, value) = match self {
            Rejected::UnknownFlow(v) => (Msg::UnknownFlow, v),
            Rejected::UnknownCurrency(v) => (Msg::UnknownCurrency, v),
        };
        super::i18n::fill(msg.text(lang), &[("value", value)])
    }
}

/// The inputs checked: every problem, and the shipment and comparison date
/// when there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub errors: Vec<FieldError>,
    pub shipment: Option<(Shipment, Date)>,
}

impl Inputs {
    /// The first flow at its default value on `date`, compared with the day
    /// before the deal; `None` when the data has no flow.
    pub fn defaults(ds: &Dataset, date: Date) -> Option<Inputs> {
        let first = ds.flows.first()?;
        Some(Inputs {
            flow: first.id.clone(),
            value: (first.default_value_minor / 100).to_string(),
            currency: first.currency,
            date: date.to_string(),
            quantity: "1".into(),
            quota_used: "0".into(),
            compare: before_deal(ds).to_string(),
        })
    }

    /// Chooses a flow; a new flow brings its own currency and default value.
    /// An id the data does not know changes nothing and is reported.
    pub fn set_flow(&mut self, ds: &Dataset, id: &str) -> Result<(), Rejected> {
        let Some(flow) = ds.flow(id) else {
            return Err(Rejected::UnknownFlow(id.to_string()));
        };
        if flow.id != self.flow {
            self.currency = flow.currency;
            self.value = (flow.default_value_minor / 100).to_string();
            self.flow = flow.id.clone();
        }
        Ok(())
    }

    /// Applies what a page gave, the flow first (it resets the value and
    /// currency); returns each field it could not take.
    pub fn apply(&mut self, ds: &Dataset, f: InputFields) -> Vec<Rejected> {
        let mut warnings = Vec::new();
        if let Some(flow) = f.flow {
            if let Err(w) = self.set_flow(ds, &flow) {
                warnings.push(w);
            }
        }
        if let Some(c) = f.currency {
            match Currency::parse(&c) {
                Some(c) => self.currency = c,
                None => warnings.push(Rejected::UnknownCurrency(c)),
            }
        }
        let slots = [
            (f.value, &mut self.value),
            (f.date, &mut self.date),
            (f.quantity, &mut self.quantity),
            (f.quota_used, &mut self.quota_used),
            (f.compare, &mut self.compare),
        ];
        for (given, slot) in slots {
            if let Some(v) = given {
                *slot = v;
            }
        }
        warnings
    }

    /// Whether the chosen flow has a tariff-rate quota (its field shows).
    pub fn has_quota(&self, ds: &Dataset) -> bool {
        ds.quota_for(&self.flow).is_some()
    }

    /// Reads every input with the messages of `lang`.
    pub fn check(&self, ds: &Dataset, lang: Lang) -> Checked {
        let mut errors = Vec::new();
        let mut fail = |field, msg: &'static str| {
            errors.push(FieldError {
                field,
                message: msg,
            })
        };
        if ds.flow(&self.flow).is_none() {
            fail(Field::Flow, Msg::FlowError.text(lang));
        }
        let value = parse_amount(&self.value, lang)
            .map_err(|e| fail(Field::Value, e.message(lang)))
            .ok();
        let date = Date::parse(&self.date)
            .map_err(|_| fail(Field::Date, Msg::DateError.text(lang)))
            .ok();
        let compare = Date::parse(&self.compare)
            .map_err(|_| fail(Field::Compare, Msg::DateError.text(lang)))
            .ok();
        let quantity = whole_number(&self.quantity).filter(|q| (1..=MAX_QUANTITY).contains(q));
        if quantity.is_none() {
            fail(Field::Quantity, Msg::QuantityError.text(lang));
        }
        let used = whole_number(&self.quota_used).filter(|u| *u <= MAX_QUOTA_USED);
        if used.is_none() && self.has_quota(ds) {
            fail(Field::QuotaUsed, Msg::QuotaUsedError.text(lang));
        }
        let shipment = match (value, date, compare, quantity) {
            (Some(value_minor), Some(date), Some(compare), Some(quantity)) if errors.is_empty() => {
                Some((
                    Shipment {
                        flow: self.flow.clone(),
                        value_minor,
                        currency: self.currency,
                        date,
                        quantity,
                        quota_used: used.unwrap_or(0),
                    },
                    compare,
                ))
            }
            _ => None,
        };
        Checked { errors, shipment }
    }
}

fn whole_number(s: &str) -> Option<u64> {
    s.trim().parse::<u64>().ok()
}

/// The day a widget opens on: today, but never past the day the data was
/// last checked (a reader must not take a March figure for a November one)
/// nor before its coverage.
pub fn default_date(ds: &Dataset, today: Option<Date>) -> Date {
    today.map_or(ds.as_of, |t| t.clamp(ds.coverage.0, ds.as_of))
}

/// The date buttons under the date field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The day before the story's first surtax.
    Before,
    /// The first of the month after the most layers first stacked up.
    Peak,
    /// The first of the second month after the deal, when it is in force.
    After,
    /// Today, within the data's coverage.
    Today,
}

impl Preset {
    pub const ALL: [Preset; 4] = [Preset::Before, Preset::Peak, Preset::After, Preset::Today];

    /// The `data-preset` name in the markup.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Before => "before",
            Preset::Peak => "peak",
            Preset::After => "after",
            Preset::Today => "today",
        }
    }

    pub fn parse(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }

    pub fn label(self) -> Msg {
        match self {
            Preset::Before => Msg::PresetBefore,
            Preset::Peak => Msg::PresetPeak,
            Preset::After => Msg::PresetAfter,
            Preset::Today => Msg::PresetToday,
        }
    }

    /// The preset's date, read from the data (`None` when the data has no
    /// surtax, for `Before`, or the page has no clock, for `Today`).
    pub fn date(self, ds: &Dataset, today: Option<Date>) -> Option<Date> {
        match self {
            Preset::Before => ds
                .measures
                .iter()
                .filter(|m| m.kind == MeasureKind::Surtax)
                .filter_map(|m| m.start)
                .min()
                .map(|d| d.add_days(-1)),
            Preset::Peak => most_layers_from(ds).map(|d| d.add_months_first(1)),
            Preset::After => Some(ds.deal_date.add_months_first(2)),
            Preset::Today => today.map(|t| t.min(ds.coverage.1)),
        }
    }
}

/// The first day on which the most duty layers beyond the base rates were
/// in force across all flows (bans and suspensions are not duties).
fn most_layers_from(ds: &Dataset) -> Option<Date> {
    let stacked = |m: &&super::model::Measure| {
        !matches!(
            m.kind,
            MeasureKind::Base | MeasureKind::Ban | MeasureKind::Suspension
        )
    };
    let mut best: Option<(usize, Date)> = None;
    for day in ds.measures.iter().filter(stacked).filter_map(|m| m.start) {
        let count = ds
            .measures
            .iter()
            .filter(stacked)
            .filter(|m| m.in_force(day))
            .count();
        if best.is_none_or(|(n, d)| count > n || (count == n && day < d)) {
            best = Some((count, day));
        }
    }
    best.map(|(_, d)| d)
}

#[cfg(test)]
mod tests;
