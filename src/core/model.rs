//! The validated dataset: flows, measures, quotas, events and exchange rates.
//!
//! These types are what the engine, the drawings and the web layer read.
//! They are built only by [`crate::core::load`], which checks every rule the
//! editor's guide (`data/README.md`) states, so code that holds a `Dataset`
//! can rely on ids resolving, windows being ordered and every text having
//! English and French.

use super::date::{Date, Precision};
use super::money::{Currency, Rate};
use serde::Serialize;

pub use super::i18n::Lang;

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

/// What kind of duty layer a measure is; the order here is the order layers
/// are listed and stacked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// The most-favoured-nation rate of the importer's tariff schedule.
    Base,
    /// A surtax such as Canada's China Surtax Order.
    Surtax,
    /// A provisional anti-dumping cash deposit.
    AntiDumpingProvisional,
    /// A definitive anti-dumping duty.
    AntiDumping,
    /// A retaliatory ("counter" or "anti-discrimination") tariff.
    Retaliation,
    /// An additional tariff of another kind (US IEEPA and Section 232 tariffs).
    Additional,
    /// A non-tariff ban or suspension of imports (no rate).
    Ban,
    /// Switches another measure off for a window (no rate of its own).
    Suspension,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 8] = [
        MeasureKind::Base,
        MeasureKind::Surtax,
        MeasureKind::AntiDumpingProvisional,
        MeasureKind::AntiDumping,
        MeasureKind::Retaliation,
        MeasureKind::Additional,
        MeasureKind::Ban,
        MeasureKind::Suspension,
    ];

    /// Whether a measure of this kind carries a rate.
    pub fn has_rate(self) -> bool {
        !matches!(self, MeasureKind::Ban | MeasureKind::Suspension)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use MeasureKind::*;
        match (self, lang) {
            (Base, Lang::En) => "Base (MFN) rate",
            (Base, Lang::Fr) => "Taux de base (NPF)",
            (Surtax, Lang::En) => "Surtax",
            (Surtax, Lang::Fr) => "Surtaxe",
            (AntiDumpingProvisional, Lang::En) => "Provisional anti-dumping deposit",
            (AntiDumpingProvisional, Lang::Fr) => "Dépôt antidumping provisoire",
            (AntiDumping, Lang::En) => "Anti-dumping duty",
            (AntiDumping, Lang::Fr) => "Droit antidumping",
            (Retaliation, Lang::En) => "Retaliatory tariff",
            (Retaliation, Lang::Fr) => "Tarif de rétorsion",
            (Additional, Lang::En) => "Additional tariff",
            (Additional, Lang::Fr) => "Tarif additionnel",
            (Ban, Lang::En) => "Import ban",
            (Ban, Lang::Fr) => "Interdiction d’importation",
            (Suspension, Lang::En) => "Suspension",
            (Suspension, Lang::Fr) => "Suspension",
        }
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
    /// The tariff lines covered, as the data file states them.
    pub hs: String,
    /// The currency the importing customs assesses duty in.
    pub currency: Currency,
    /// What one unit of quantity is ("vehicle", "tonne").
    pub unit: Text,
    /// Customs value per unit offered when a reader picks the flow.
    pub default_value_minor: i64,
    pub note: Option<Text>,
}

/// One duty layer (or ban, or suspension) with its window and its authority.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measure {
    pub id: String,
    pub flow: String,
    pub kind: MeasureKind,
    pub name: Text,
    /// `None` for bans and suspensions.
    pub rate: Option<Rate>,
    /// First day in force; `None` means in force since before the data starts.
    pub start: Option<Date>,
    /// Last day in force (inclusive); `None` means still in force.
    pub end: Option<Date>,
    pub instrument: Text,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
    /// For a suspension: the id of the measure it switches off.
    pub suspends: Option<String>,
}

impl Measure {
    /// Whether `date` is inside the measure's window.
    pub fn in_force(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// A tariff-rate quota: in-quota units do not pay the measures it waives.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quota {
    pub id: String,
    pub flow: String,
    pub name: Text,
    /// The first day of the first quota year; each quota year lasts one year.
    pub start: Date,
    /// Last day the quota exists (inclusive); `None` means open-ended.
    pub end: Option<Date>,
    /// Units in the first quota year.
    pub first_year_units: u64,
    /// Yearly growth of the volume.
    pub growth: Rate,
    /// Measures that in-quota units do not pay.
    pub waives: Vec<String>,
    /// How sure we are that over-quota units pay the waived measures.
    pub over_quota_confidence: Confidence,
    pub over_quota_note: Option<Text>,
    pub instrument: Text,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

impl Quota {
    /// The quota year containing `date` (0 for the first), or `None` before it starts or after it ends.
    pub fn year_index(&self, date: Date) -> Option<u32> {
        if date < self.start || self.end.is_some_and(|e| date > e) {
            return None;
        }
        let mut year = 0u32;
        while self.start.add_years(year as i32 + 1) <= date {
            year += 1;
        }
        Some(year)
    }

    /// First and last day of quota year `year`.
    pub fn year_window(&self, year: u32) -> (Date, Date) {
        let from = self.start.add_years(year as i32);
        (from, self.start.add_years(year as i32 + 1).add_days(-1))
    }

    /// Units available in quota year `year`: the first year's volume grown by
    /// `growth` each year, rounded down to whole units each year (an importer
    /// cannot enter part of a car).
    pub fn volume(&self, year: u32) -> u64 {
        let mut units = self.first_year_units;
        for _ in 0..year {
            units = self.growth.grow_units(units);
        }
        units
    }
}

/// Timeline lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Diplomacy,
    Trade,
    Detention,
    Security,
    PublicOpinion,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Diplomacy,
        Category::Trade,
        Category::Detention,
        Category::Security,
        Category::PublicOpinion,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use Category::*;
        match (self, lang) {
            (Diplomacy, Lang::En) => "Diplomacy",
            (Diplomacy, Lang::Fr) => "Diplomatie",
            (Trade, Lang::En) => "Trade",
            (Trade, Lang::Fr) => "Commerce",
            (Detention, Lang::En) => "Detentions",
            (Detention, Lang::Fr) => "Détentions",
            (Security, Lang::En) => "Security",
            (Security, Lang::Fr) => "Sécurité",
            (PublicOpinion, Lang::En) => "Public opinion",
            (PublicOpinion, Lang::Fr) => "Opinion publique",
        }
    }
}

/// A dated event of the relations timeline; with `end`, a span.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub precision: Precision,
    /// Last day of a span (inclusive).
    pub end: Option<Date>,
    pub title: Text,
    pub description: Text,
    pub category: Category,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    /// 1 (always labelled) to 3 (labelled when there is room).
    pub priority: u8,
    /// Measures this event put in force.
    pub starts: Vec<String>,
    /// Measures this event ended.
    pub ends: Vec<String>,
}

/// The value of one unit of a currency in Canadian dollars, from a date on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExchangeRate {
    pub currency: Currency,
    pub from: Date,
    /// Canadian dollars per unit, in millionths (1.3698 → 1_369_800).
    pub cad_micros: i64,
    pub source: String,
    pub confidence: Confidence,
    pub note: Option<Text>,
}

/// Everything the widget knows, validated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub schema: u32,
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

    /// Events in date order (the loader keeps them sorted).
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}
