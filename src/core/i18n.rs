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
            Lang::En => self.en(),
            Lang::Fr => self.fr(),
        }
    }

    fn en(self) -> &'static str {
        use Msg::*;
        match self {
            CalcTitle => "Tariff calculator",
            Flow => "Trade flow",
            Value => "Customs value of the shipment",
            Currency => "Currency",
            Date => "Date of entry",
            DateSlider => "Date of entry, {from} to {to}",
            Presets => "Jump to a date",
            PresetBefore => "Before the surtaxes",
            PresetPeak => "At the peak",
            PresetAfter => "After the deal",
            PresetToday => "Today",
            Quantity => "Quantity",
            Compare => "Compare with",
            QuotaUsed => "Units already entered this quota year",
            GroupToCa => "Into Canada",
            GroupToCn => "Into China",
            GroupToUs => "Into the United States",
            SearchLabel => "Find goods by name or HS code",
            SearchOne => "1 trade flow matches",
            SearchMany => "{n} trade flows match",
            SearchNone => "No trade flow matches “{query}”; the list shows them all.",
            GoodsLabel => "Which goods count?",
            GoodsCodes => "HS\u{a0}{codes}",
            GoodsSchedule => "Tariff schedule:",
            Total => "Total duty",
            Landed => "Landed cost (value + duty)",
            Effective => "Effective rate",
            Breakdown => "Duty layers in force",
            ColLayer => "Layer",
            ColRate => "Rate",
            ColBase => "Charged on",
            ColAmount => "Amount",
            ColInstrument => "Legal instrument",
            ChartBars => "Duty by layer, before the deal and on the chosen date",
            ChartSteps => "Effective rate over time",
            DutyChartAlt => "{caption}: {a} on {a_date}, {b} on {b_date}. Each layer’s share is in the table “Show the data” under the chart.",
            RateChartAlt => "{caption}: {first} on {from}, {last} since {since}, {max} at most. Each step and the measure that caused it are in the table “Show the data” under the chart.",
            ShowData => "Show the data",
            Charts => "Charts",
            ColSince => "From",
            ColCause => "What changed",
            CauseDataStart => "Rate when the data begins",
            CauseStarts => "{name} takes effect",
            CauseEnds => "{name} ends",
            CauseQuotaYear => "Quota year {n} begins",
            CsvKind => "Kind",
            CsvStatus => "Status",
            CsvRatePercent => "Rate (%)",
            TakeAway => "Share and download",
            CopyLink => "Copy link",
            LinkCopied => "Link copied.",
            CopyFailed => "The link could not be copied: the browser refused access to the clipboard. Copy it from here: {url}",
            DownloadCsv => "Download data (CSV)",
            DownloadPng => "Download image (PNG)",
            DownloadFailed => "The file could not be made in this browser.",
            BadLinkState => "The calculator settings in the link could not be read; the calculator shows its usual result instead.",
            UnknownEvent => "The link names an event this timeline does not have (“{value}”).",
            NoLayers => "No duty layer in force on this date.",
            Outside => "The data covers {start} to {end}; this date is outside it, so the result assumes nothing changed.",
            Taxes => "Taxes such as GST or VAT are not included.",
            AsOf => "Data as of {date}.",
            Converted => "Duty figures in {entered}; customs levies {levied}, converted at {rate} (approximate annual average, {source}).",
            QuotaYear => "Quota year {from} to {to}: {volume} units; {remaining} left before this shipment.",
            OverQuotaAssumption => "Over-quota rate: an assumption.",
            DateError => "Enter a real date, for example 2026-03-02.",
            QuantityError => "Enter a whole number of at least 1.",
            QuotaUsedError => "Enter a whole number, 0 or more.",
            FlowError => "Choose a trade flow from the list.",
            AmountEmpty => "Enter a value, for example 40,000.",
            AmountNotANumber => "The value must be a number, for example 40,000 or 40000.50.",
            AmountNegative => "The value cannot be negative.",
            AmountZero => "The value must be more than zero.",
            AmountTooPrecise => "Use at most two decimals (cents).",
            AmountTooLarge => "The value must be at most 1,000,000,000,000.",
            Estimate => "estimate",
            Press => "reported",
            BeforeDeal => "before the deal",
            Suspended => "suspended",
            Waived => "waived inside the quota",
            OverQuota => "over-quota part only",
            Ban => "imports blocked",
            TimelineTitle => "Canada–China relations, {from}–{to}",
            TimelineHelp => "Drag to move (two fingers on a touch screen); Ctrl + scroll or pinch to zoom. Keyboard: arrows move between events, Enter opens, Escape closes, + and − zoom, Home and End jump.",
            ZoomIn => "Zoom in",
            ZoomOut => "Zoom out",
            Fit => "Show all",
            ListView => "List view",
            Lanes => "Show categories",
            Close => "Close",
            Sources => "Sources",
            UseDate => "Use this date in the calculator",
            TimelineCanvas => "Timeline of Canada–China relations. Use the arrow keys to move between events.",
            WheelHint => "Hold Ctrl (⌘ on a Mac) and scroll to zoom the timeline",
            TouchHint => "Use two fingers to move or zoom the timeline",
            UnknownFlow => "There is no trade flow “{value}”; showing the first one instead.",
            UnknownCurrency => "“{value}” is not a currency this calculator knows; use CAD, USD or CNY.",
            UnknownTheme => "“{value}” is not a theme; use light, dark or auto.",
        }
    }

    fn fr(self) -> &'static str {
        use Msg::*;
        match self {
            CalcTitle => "Calculateur de droits de douane",
            Flow => "Flux commercial",
            Value => "Valeur en douane de l’envoi",
            Currency => "Devise",
            Date => "Date d’entrée",
            DateSlider => "Date d’entrée, de {from} à {to}",
            Presets => "Aller à une date",
            PresetBefore => "Avant les surtaxes",
            PresetPeak => "Au sommet",
            PresetAfter => "Après l’entente",
            PresetToday => "Aujourd’hui",
            Quantity => "Quantité",
            Compare => "Comparer avec",
            QuotaUsed => "Unités déjà entrées cette année contingentaire",
            GroupToCa => "Vers le Canada",
            GroupToCn => "Vers la Chine",
            GroupToUs => "Vers les États-Unis",
            SearchLabel => "Chercher une marchandise par nom ou code SH",
            SearchOne => "1 flux correspond",
            SearchMany => "{n} flux correspondent",
            SearchNone => "Aucun flux ne correspond à « {query} »; la liste les montre tous.",
            GoodsLabel => "Quelles marchandises sont visées\u{a0}?",
            GoodsCodes => "SH\u{a0}{codes}",
            GoodsSchedule => "Liste tarifaire\u{a0}:",
            Total => "Droits totaux",
            Landed => "Coût rendu (valeur + droits)",
            Effective => "Taux effectif",
            Breakdown => "Couches de droits en vigueur",
            ColLayer => "Couche",
            ColRate => "Taux",
            ColBase => "Assiette",
            ColAmount => "Montant",
            ColInstrument => "Instrument juridique",
            ChartBars => "Droits par couche, avant l’entente et à la date choisie",
            ChartSteps => "Taux effectif dans le temps",
            DutyChartAlt => "{caption} : {a} le {a_date}, {b} le {b_date}. La part de chaque couche figure dans le tableau « Afficher les données » sous le graphique.",
            RateChartAlt => "{caption} : {first} le {from}, {last} depuis le {since}, {max} au plus. Chaque palier et la mesure qui l’a causé figurent dans le tableau « Afficher les données » sous le graphique.",
            ShowData => "Afficher les données",
            Charts => "Graphiques",
            ColSince => "Depuis le",
            ColCause => "Ce qui a changé",
            CauseDataStart => "Taux au début des données",
            CauseStarts => "Entrée en vigueur : {name}",
            CauseEnds => "Fin : {name}",
            CauseQuotaYear => "Début de l’année contingentaire {n}",
            CsvKind => "Type",
            CsvStatus => "Statut",
            CsvRatePercent => "Taux (%)",
            TakeAway => "Partager et télécharger",
            CopyLink => "Copier le lien",
            LinkCopied => "Lien copié.",
            CopyFailed => "Le lien n’a pas pu être copié : le navigateur a refusé l’accès au presse-papiers. Copiez-le ici : {url}",
            DownloadCsv => "Télécharger les données (CSV)",
            DownloadPng => "Télécharger l’image (PNG)",
            DownloadFailed => "Le fichier n’a pas pu être créé dans ce navigateur.",
            BadLinkState => "Les réglages du calculateur dans le lien sont illisibles; le calculateur affiche plutôt son résultat habituel.",
            UnknownEvent => "Le lien désigne un événement absent de cette chronologie (« {value} »).",
            NoLayers => "Aucune couche de droits en vigueur à cette date.",
            Outside => "Les données couvrent la période du {start} au {end}; cette date est hors de cette période, le résultat suppose qu’il n’y a eu aucun changement.",
            Taxes => "Les taxes comme la TPS ou la TVA ne sont pas incluses.",
            AsOf => "Données à jour au {date}.",
            Converted => "Droits exprimés en {entered}; la douane perçoit des {levied}, convertis au taux de {rate} (moyenne annuelle approximative, {source}).",
            QuotaYear => "Année contingentaire du {from} au {to} : {volume} unités; {remaining} restantes avant cet envoi.",
            OverQuotaAssumption => "Taux hors contingent : une hypothèse.",
            DateError => "Entrez une date réelle, par exemple 2026-03-02.",
            QuantityError => "Entrez un nombre entier d’au moins 1.",
            QuotaUsedError => "Entrez un nombre entier, 0 ou plus.",
            FlowError => "Choisissez un flux commercial dans la liste.",
            AmountEmpty => "Entrez une valeur, par exemple 40 000.",
            AmountNotANumber => "La valeur doit être un nombre, par exemple 40 000 ou 40 000,50.",
            AmountNegative => "La valeur ne peut pas être négative.",
            AmountZero => "La valeur doit être supérieure à zéro.",
            AmountTooPrecise => "Utilisez au plus deux décimales (cents).",
            AmountTooLarge => "La valeur doit être d’au plus 1 000 000 000 000.",
            Estimate => "estimation",
            Press => "selon la presse",
            BeforeDeal => "avant l’entente",
            Suspended => "suspendu",
            Waived => "levé dans le contingent",
            OverQuota => "partie hors contingent seulement",
            Ban => "importations bloquées",
            TimelineTitle => "Relations Canada-Chine, {from}-{to}",
            TimelineHelp => "Glissez pour vous déplacer (deux doigts sur un écran tactile); Ctrl + défilement ou pincement pour zoomer. Clavier : les flèches passent d’un événement à l’autre, Entrée ouvre, Échap ferme, + et − zooment, Début et Fin sautent.",
            ZoomIn => "Zoom avant",
            ZoomOut => "Zoom arrière",
            Fit => "Tout afficher",
            ListView => "Vue en liste",
            Lanes => "Afficher les catégories",
            Close => "Fermer",
            Sources => "Sources",
            UseDate => "Utiliser cette date dans le calculateur",
            TimelineCanvas => "Chronologie des relations Canada-Chine. Utilisez les flèches pour passer d’un événement à l’autre.",
            WheelHint => "Maintenez Ctrl (⌘ sur Mac) et faites défiler pour zoomer sur la chronologie",
            TouchHint => "Utilisez deux doigts pour déplacer la chronologie ou zoomer",
            UnknownFlow => "Il n’y a pas de flux commercial « {value} »; le premier est affiché.",
            UnknownCurrency => "« {value} » n’est pas une devise connue du calculateur; utilisez CAD, USD ou CNY.",
            UnknownTheme => "« {value} » n’est pas un thème; utilisez light, dark ou auto.",
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
