//! Every interface string, in English and French, as a typed catalogue.
//!
//! A string is a [`Msg`] variant and each language is one exhaustive `match`,
//! so a message without its translation does not compile, and a misspelt key
//! is a compile error rather than an empty label on the page. Texts that come
//! from the data file are not here: they carry both languages in the data
//! (`model::Text`).
//!
//! Templates name their placeholders (`{date}`); [`fill`] replaces them.

use serde::Serialize;

mod en;
mod fr;

/// The two languages every reader-facing text is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// `fr`, `fr-CA`, `FR-ca` … are French; anything else is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag handed to the browser's Intl formatters.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-CA",
            Lang::Fr => "fr-CA",
        }
    }

    /// The short code the page and `getState()` use (`en`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// An interface string. See [`Msg::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    // The calculator's form.
    CalcTitle,
    Flow,
    Value,
    Currency,
    Date,
    /// `{from}`, `{to}`: the years the data covers.
    DateSlider,
    Presets,
    PresetBefore,
    PresetPeak,
    PresetAfter,
    PresetToday,
    Quantity,
    Compare,
    QuotaUsed,
    GroupToCa,
    GroupToCn,
    GroupToUs,
    // Which goods count: the picker's search and the chosen flow's goods.
    SearchLabel,
    SearchOne,
    /// `{n}`: how many flows match (2 or more).
    SearchMany,
    /// `{query}`: what the reader typed.
    SearchNone,
    GoodsLabel,
    /// `{codes}`: the HS headings, "8703.80, 8704.60".
    GoodsCodes,
    GoodsSchedule,
    // The result.
    Total,
    Landed,
    Effective,
    Breakdown,
    ColLayer,
    ColRate,
    ColBase,
    ColAmount,
    ColInstrument,
    ChartBars,
    ChartSteps,
    /// `{caption}`, `{a}`, `{a_date}`, `{b}`, `{b_date}`: the two totals, earlier first.
    DutyChartAlt,
    /// `{caption}`, `{first}`, `{from}`, `{last}`, `{since}`, `{max}`.
    RateChartAlt,
    NoLayers,
    // The charts as data, and what a reader takes away.
    ShowData,
    Charts,
    ColSince,
    ColCause,
    CauseDataStart,
    /// `{name}`: the measure.
    CauseStarts,
    /// `{name}`: the measure.
    CauseEnds,
    /// `{n}`: the quota year, 1 for the first.
    CauseQuotaYear,
    CsvKind,
    CsvStatus,
    CsvRatePercent,
    TakeAway,
    CopyLink,
    LinkCopied,
    /// `{url}`: the link, for the reader to copy by hand.
    CopyFailed,
    DownloadCsv,
    DownloadPng,
    DownloadFailed,
    BadLinkState,
    /// `{value}`: the event id the link gave.
    UnknownEvent,
    // Notes under the result.
    /// `{start}`, `{end}`.
    Outside,
    Taxes,
    /// `{date}`.
    AsOf,
    /// `{entered}`, `{levied}`: the currencies' codes; `{rate}`; `{source}`: the rate's publisher's host.
    Converted,
    /// `{from}`, `{to}`, `{volume}`, `{remaining}`.
    QuotaYear,
    OverQuotaAssumption,
    // Field messages.
    DateError,
    QuantityError,
    QuotaUsedError,
    FlowError,
    AmountEmpty,
    AmountNotANumber,
    AmountNegative,
    AmountZero,
    AmountTooPrecise,
    AmountTooLarge,
    // Labels that go with a figure or a layer.
    Estimate,
    Press,
    BeforeDeal,
    Suspended,
    Waived,
    OverQuota,
    Ban,
    // The timeline.
    /// `{from}`, `{to}`: the years the data covers.
    TimelineTitle,
    TimelineHelp,
    ZoomIn,
    ZoomOut,
    Fit,
    ListView,
    Lanes,
    Close,
    Sources,
    UseDate,
    TimelineCanvas,
    /// Shown over the timeline when a plain wheel scrolls the page past it.
    WheelHint,
    /// Shown over the timeline when one finger scrolls the page past it.
    TouchHint,
    // Notices about what a page or a link set.
    /// `{value}`: the flow id the page gave.
    UnknownFlow,
    /// `{value}`: the currency the page gave.
    UnknownCurrency,
    /// `{value}`: the theme the page gave.
    UnknownTheme,
}

impl Msg {
    /// The string in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::text(self),
            Lang::Fr => fr::text(self),
        }
    }
}

/// Replaces each `{name}` placeholder of `template` with its value.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_name_the_same_placeholders_in_both_languages() {
        for msg in [
            Msg::DateSlider,
            Msg::Outside,
            Msg::AsOf,
            Msg::Converted,
            Msg::QuotaYear,
            Msg::TimelineTitle,
            Msg::DutyChartAlt,
            Msg::RateChartAlt,
            Msg::CauseStarts,
            Msg::CauseEnds,
            Msg::CauseQuotaYear,
            Msg::CopyFailed,
            Msg::UnknownEvent,
            Msg::UnknownFlow,
            Msg::UnknownCurrency,
            Msg::UnknownTheme,
            Msg::SearchMany,
            Msg::SearchNone,
            Msg::GoodsCodes,
        ] {
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            let (en, fr) = (names(msg.text(Lang::En)), names(msg.text(Lang::Fr)));
            assert!(!en.is_empty(), "{msg:?} has no placeholder");
            assert_eq!(
                en, fr,
                "{msg:?}: English and French name other placeholders"
            );
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let s = fill(
            Msg::TimelineTitle.text(Lang::Fr),
            &[("from", "2017"), ("to", "2026")],
        );
        assert_eq!(s, "Relations Canada-Chine, 2017-2026");
    }

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag(" FR "), Lang::Fr);
        assert_eq!(Lang::from_tag("de"), Lang::En);
        assert_eq!(Lang::Fr.code(), "fr");
    }
}
