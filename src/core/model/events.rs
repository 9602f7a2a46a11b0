//! The relations timeline's records: its lanes and its dated events.

use serde::Serialize;

use super::{Confidence, Source, Text};
use crate::core::date::{Date, Precision};
use crate::core::i18n::Lang;

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
