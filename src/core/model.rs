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
use std::borrow::Borrow;
use std::ops::Deref;

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

/// What kind of document a source is. A `confirmed` measure must cite at
/// least one `Primary` source; an event at least one `Primary` or `Press`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// The legal text itself (an order, a proclamation, a ruling) or the
    /// announcement of the government that made it.
    Primary,
    /// A news outlet's report.
    Press,
    /// A secondary reference: a law firm's summary, a tariff lookup, a think tank.
    Reference,
}

impl SourceKind {
    pub const ALL: [SourceKind; 3] = [
        SourceKind::Primary,
        SourceKind::Press,
        SourceKind::Reference,
    ];

    /// The name the data file uses.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Primary => "primary",
            SourceKind::Press => "press",
            SourceKind::Reference => "reference",
        }
    }

    /// How the widget names the kind, after the link ("primary text").
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SourceKind::Primary, Lang::En) => "primary text",
            (SourceKind::Primary, Lang::Fr) => "texte officiel",
            (SourceKind::Press, Lang::En) => "press",
            (SourceKind::Press, Lang::Fr) => "presse",
            (SourceKind::Reference, Lang::En) => "reference",
            (SourceKind::Reference, Lang::Fr) => "référence",
        }
    }
}

/// A cited document: where it is, who published it, what it is called,
/// when it was published and what kind of document it is. The widget shows
/// it as "Canada Gazette, October 9, 2024", linked to `url`, with the title
/// as the link's title.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// An `https://` address.
    pub url: String,
    /// "Canada Gazette" / "Gazette du Canada"; the same in both languages
    /// when the data gives one name.
    pub publisher: Text,
    /// The document's own title, in its own language. `None` is allowed
    /// (the validator warns).
    pub title: Option<String>,
    /// Publication date, as precisely as known. `None` is allowed (the
    /// validator warns).
    pub date: Option<Date>,
    pub date_precision: Precision,
    pub kind: SourceKind,
}

impl Source {
    /// The host name, without `www.`: "gazette.gc.ca".
    pub fn host(&self) -> &str {
        host_of(&self.url)
    }
}

/// The host of an `https://` address, lowercase letters as written, without
/// `www.`, port or user part.
pub fn host_of(url: &str) -> &str {
    let rest = url.get(8..).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    host.strip_prefix("www.").unwrap_or(host)
}

/// A source stands for its address wherever plain text is wanted: a CSV
/// cell joins the addresses, a cache key compares them.
impl Deref for Source {
    type Target = str;
    fn deref(&self) -> &str {
        &self.url
    }
}

impl Borrow<str> for Source {
    fn borrow(&self) -> &str {
        &self.url
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
    /// A ban on the goods of named exporters only (no rate): other
    /// exporters' goods still enter. The 2019 canola ban was one.
    ExporterBan,
    /// Switches another measure off for a window (no rate of its own).
    Suspension,
}

impl MeasureKind {
    pub const ALL: [MeasureKind; 9] = [
        MeasureKind::Base,
        MeasureKind::Surtax,
        MeasureKind::AntiDumpingProvisional,
        MeasureKind::AntiDumping,
        MeasureKind::Retaliation,
        MeasureKind::Additional,
        MeasureKind::Ban,
        MeasureKind::ExporterBan,
        MeasureKind::Suspension,
    ];

    /// Whether a measure of this kind carries a rate.
    pub fn has_rate(self) -> bool {
        !matches!(
            self,
            MeasureKind::Ban | MeasureKind::ExporterBan | MeasureKind::Suspension
        )
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
            (ExporterBan, Lang::En) => "Ban on named exporters",
            (ExporterBan, Lang::Fr) => "Interdiction visant des exportateurs désignés",
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
    pub sources: Vec<Source>,
    pub confidence: Confidence,
    pub note: Option<Text>,
    /// For a suspension: the id of the measure it switches off.
    pub suspends: Option<String>,
    /// For an exporter ban: the exporters it names ("Viterra").
    pub exporters: Vec<String>,
    /// The text gives `end` as a minimum ("until at least"): after it, what
    /// applies is not known. Only a suspension's end can be open-ended.
    pub end_at_least: bool,
    /// For a provisional deposit: what later happened to the deposits paid
    /// in each window (recalculated, refunded).
    pub settlements: Vec<Settlement>,
}

/// What became of provisional deposits paid in a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettlementOutcome {
    /// Recalculated at the final duty's rate; the excess was refunded.
    Recalculated,
    /// Refunded in full.
    Refunded,
}

/// Deposits paid from `paid_from` to `paid_to` (inclusive) were later
/// recalculated at `rate` or refunded, by a decision of `decided`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
    pub paid_from: Date,
    pub paid_to: Date,
    pub outcome: SettlementOutcome,
    /// The rate deposits were recalculated at (`Recalculated` only).
    pub rate: Option<Rate>,
    /// The day of the decision that settled them.
    pub decided: Date,
    pub sources: Vec<Source>,
    pub confidence: Confidence,
}

impl Measure {
    /// Whether `date` is inside the measure's window.
    pub fn in_force(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }

    /// The settlement of deposits paid on `date`, if any.
    pub fn settlement_on(&self, date: Date) -> Option<&Settlement> {
        self.settlements
            .iter()
            .find(|s| s.paid_from <= date && date <= s.paid_to)
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
    /// How sure we are of `growth` (the volumes after the first year).
    pub growth_confidence: Confidence,
    pub growth_note: Option<Text>,
    pub instrument: Text,
    pub sources: Vec<Source>,
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
    pub sources: Vec<Source>,
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
