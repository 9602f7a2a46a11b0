//! Sources: the documents every figure and event cites, and how a
//! source's host is read.

use serde::Serialize;
use std::borrow::Borrow;
use std::ops::Deref;

use super::Text;
use crate::core::date::{Date, Precision};
use crate::core::i18n::Lang;

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
