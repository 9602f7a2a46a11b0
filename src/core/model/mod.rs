//! The validated dataset: flows, measures, quotas, events and exchange rates.
//!
//! These types are what the engine, the drawings and the web layer read.
//! They are built only by [`crate::core::load`], which checks every rule the
//! editor's guide (`data/README.md`) states, so code that holds a `Dataset`
//! can rely on ids resolving, windows being ordered and every text having
//! English and French.

use super::date::Date;
use super::money::Currency;
use serde::Serialize;

pub use super::i18n::Lang;

mod events;
mod measures;
mod sources;

pub use events::*;
pub use measures::*;
pub use sources::*;

/// A text in English and French.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

/// How sure the newsroom is of a figure. Only `Confirmed` is shown as plain
/// fact; the others carry a visible label wherever they appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Read in the cited primary or official source.
    Confirmed,
    /// Reported by the press only.
    Press,
    /// An assumption or approximation of the newsroom's (e.g. the over-quota rate).
    Estimate,
}

impl Confidence {
    pub fn is_fact(self) -> bool {
        self == Confidence::Confirmed
    }
}

/// A trade flow: one kind of good going from one country to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flow {
    pub id: String,
    /// ISO 3166 alpha-2 of the exporting country (`CN`, `CA`).
    pub origin: String,
    /// ISO 3166 alpha-2 of the importing country, whose customs charges the duty.
    pub destination: String,
    pub name: Text,
    /// The HS headings or subheadings the flow covers ("8703.80"), as far
    /// as a primary text confirms them; empty when none was confirmed.
    pub headings: Vec<String>,
    /// Which goods count, in one line ("Electric and certain hybrid cars…").
    pub scope: Option<Text>,
    /// The tariff schedule or legal list that defines the flow's goods.
    pub schedule: Option<Source>,
    /// Words a reader might search the picker with ("rapeseed", « colza »).
    pub keywords: Keywords,
    /// The currency the importing customs assesses duty in.
    pub currency: Currency,
    /// What one unit of quantity is ("vehicle", "tonne").
    pub unit: Text,
    /// Customs value per unit offered when a reader picks the flow.
    pub default_value_minor: i64,
    pub note: Option<Text>,
}

/// Product words in English and French, for the flow picker's search.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Keywords {
    pub en: Vec<String>,
    pub fr: Vec<String>,
}

/// The value of one unit of a currency in Canadian dollars, from a date on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub from: Date,
    /// Canadian dollars per unit, in millionths (1.3698 → 1_369_800).
    pub cad_micros: i64,
    pub source: Source,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

/// One published version of the data: what changed and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub version: u32,
    /// The day this version was published.
    pub date: Date,
    /// What changed and why, in a sentence or two.
    pub summary: Text,
    pub sources: Vec<Source>,
}

/// Everything the widget knows, validated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub schema: u32,
    /// The published version of the data (1, 2, 3…), one per entry of
    /// `changes`; `None` for a page's own data that does not number itself.
    pub version: Option<u32>,
    /// What each published version changed, oldest first; the last is `version`.
    pub changes: Vec<Change>,
    /// The day the data was last checked against its sources.
    pub as_of: Date,
    /// The first and last day the data speaks for.
    pub coverage: (Date, Date),
    /// The date of the deal that "before and after" compares across.
    pub deal_date: Date,
    pub flows: Vec<Flow>,
    pub measures: Vec<Measure>,
    pub quotas: Vec<Quota>,
    pub events: Vec<Event>,
    pub exchange_rates: Vec<ExchangeRate>,
}

impl Dataset {
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id == id)
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.id == id)
    }

    pub fn quota_for(&self, flow: &str) -> Option<&Quota> {
        self.quotas.iter().find(|q| q.flow == flow)
    }

    /// The change that made the current version (the last one).
    pub fn last_change(&self) -> Option<&Change> {
        self.changes.last()
    }

    /// Events in date order (the loader keeps them sorted).
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}
