//! Duty layers: the kinds of measure, a measure with its window and
//! authority, what became of provisional deposits, and tariff-rate quotas.

use serde::Serialize;

use super::{Confidence, Source, Text};
use crate::core::date::Date;
use crate::core::i18n::Lang;
use crate::core::money::Rate;

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
