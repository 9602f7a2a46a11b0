//! The words around the numbers: the summary sentence and the labels that go
//! with a quote, in English and French.
//!
//! Numbers, money and dates are formatted by a [`Formats`] implementation
//! ([`super::format::LocaleFormats`] everywhere), so the sentences are tested
//! without a browser.

use super::engine::{Comparison, Layer, LayerStatus, Quote};
use super::format::Formats;
use super::i18n::{Lang, Msg};
use super::model::{Confidence, Dataset, SettlementOutcome, Source};

/// The label a figure of this confidence carries, or `None` for a confirmed one.
pub fn confidence_label(c: Confidence, lang: Lang) -> Option<&'static str> {
    match c {
        Confidence::Confirmed => None,
        Confidence::Press => Some(Msg::Press.text(lang)),
        Confidence::Estimate => Some(Msg::Estimate.text(lang)),
    }
}

/// The status column of a breakdown row.
pub fn status_label(status: &LayerStatus, lang: Lang) -> &'static str {
    match status {
        LayerStatus::Applied => "",
        LayerStatus::OverQuotaOnly => Msg::OverQuota.text(lang),
        LayerStatus::Suspended { .. } => Msg::Suspended.text(lang),
        LayerStatus::WaivedInQuota { .. } => Msg::Waived.text(lang),
        LayerStatus::Ban => Msg::Ban.text(lang),
        LayerStatus::NamedExporters { .. } => match lang {
            Lang::En => "applies to named exporters",
            Lang::Fr => "vise des exportateurs désignés",
        },
        LayerStatus::Settled { outcome, .. } => match (outcome, lang) {
            (SettlementOutcome::Recalculated, Lang::En) => "deposit later recalculated",
            (SettlementOutcome::Recalculated, Lang::Fr) => "dépôt recalculé par la suite",
            (SettlementOutcome::Refunded, Lang::En) => "deposit later refunded",
            (SettlementOutcome::Refunded, Lang::Fr) => "dépôt remboursé par la suite",
        },
        LayerStatus::Uncertain { .. } => match lang {
            Lang::En => "uncertain after its suspension",
            Lang::Fr => "incertain après sa suspension",
        },
    }
}

/// How a source is shown: "Canada Gazette, October 9, 2024" as the link's
/// text, the document's title as its title attribute, and both as its
/// accessible name (which starts with the visible text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceText {
    /// Publisher and date: "Canada Gazette, October 9, 2024".
    pub text: String,
    /// The document's title, if the data gives one.
    pub title: Option<String>,
    /// "Canada Gazette, October 9, 2024: China Surtax Order (2024)".
    pub label: String,
}

/// The text of the link to `s` in `lang`; dates as precisely as known.
pub fn source_text(s: &Source, lang: Lang, f: &dyn Formats) -> SourceText {
    let publisher = s.publisher.get(lang);
    let text = match s.date {
        Some(d) => format!("{publisher}, {}", f.date_with(d, s.date_precision)),
        None => publisher.to_string(),
    };
    let label = match &s.title {
        Some(t) => format!("{text}: {t}"),
        None => text.clone(),
    };
    SourceText {
        text,
        title: s.title.clone(),
        label,
    }
}

/// "Richardson International and Viterra", « Richardson International et Viterra ».
fn and_list(items: &[&str], lang: Lang) -> String {
    let and = match lang {
        Lang::En => " and ",
        Lang::Fr => " et ",
    };
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{}{and}{last}", init.join(", ")),
    }
}

/// What became of a provisional deposit charged on the quote's day:
/// "Deposits paid from August 14 to December 13, 2025, were recalculated at
/// 5.9% by the decision of February 28, 2026; the excess was refunded."
pub fn settlement_sentence(l: &Layer, lang: Lang, f: &dyn Formats) -> Option<String> {
    let LayerStatus::Settled {
        outcome,
        rate,
        paid_from,
        paid_to,
        decided,
        confidence,
    } = &l.status
    else {
        return None;
    };
    let (from, to, on) = (f.date(*paid_from), f.date(*paid_to), f.date(*decided));
    let mut s = match (outcome, lang) {
        (SettlementOutcome::Recalculated, Lang::En) => format!(
            "Deposits paid from {from} to {to} were later recalculated at {} by the decision of {on}; the excess was refunded.",
            rate.map(|r| f.percent(r)).unwrap_or_default()
        ),
        (SettlementOutcome::Recalculated, Lang::Fr) => format!(
            "Les dépôts versés du {from} au {to} ont ensuite été recalculés à {} par la décision du {on} ; l’excédent a été remboursé.",
            rate.map(|r| f.percent(r)).unwrap_or_default()
        ),
        (SettlementOutcome::Refunded, Lang::En) => format!(
            "Deposits paid from {from} to {to} were later refunded in full by the decision of {on}."
        ),
        (SettlementOutcome::Refunded, Lang::Fr) => format!(
            "Les dépôts versés du {from} au {to} ont ensuite été remboursés en totalité par la décision du {on}."
        ),
    };
    if let Some(label) = confidence_label(*confidence, lang) {
        s.push_str(&format!(" ({label})"));
    }
    Some(s)
}

/// Why a layer past an open-ended suspension is an estimate.
pub fn uncertain_sentence(l: &Layer, lang: Lang, f: &dyn Formats) -> Option<String> {
    let LayerStatus::Uncertain { until_at_least, .. } = &l.status else {
        return None;
    };
    let date = f.date(*until_at_least);
    let name = l.name.get(lang);
    Some(match lang {
        Lang::En => format!(
            "“{name}” was suspended until at least {date}; whether it applies after that date is not known, so it is counted as an estimate."
        ),
        Lang::Fr => format!(
            "La suspension de cette mesure (« {name} ») courait au moins jusqu’au {date} ; on ne sait pas si elle s’applique après cette date : elle est comptée ici comme une estimation."
        ),
    })
}

fn country(code: &str, lang: Lang) -> &'static str {
    match (code, lang) {
        ("CA", Lang::En) => "Canada",
        ("CA", Lang::Fr) => "au Canada",
        ("CN", Lang::En) => "China",
        ("CN", Lang::Fr) => "en Chine",
        ("US", Lang::En) => "the United States",
        ("US", Lang::Fr) => "aux États-Unis",
        (_, Lang::En) => "the importing country",
        (_, Lang::Fr) => "dans le pays importateur",
    }
}

/// One sentence a reader can quote:
/// "C$40,000.00 of Chinese electric vehicles entering Canada on March 2, 2026,
/// inside the quota, pays C$2,440.00 in duty (6.1%), C$40,000.00 less than
/// before the deal (January 15, 2026)."
///
/// `reference_label` names the comparison date ("before the deal"); without
/// one the sentence compares with "on January 1, 2025". `levied` is the
/// duty as customs levies it when that is another currency than the
/// reader's ("CN¥4,355,418.59"): it follows the reader's amount in brackets.
pub fn sentence(
    ds: &Dataset,
    cmp: &Comparison,
    reference_label: Option<&str>,
    levied: Option<&str>,
    lang: Lang,
    f: &dyn Formats,
) -> String {
    let q = &cmp.selected;
    let flow = ds.flow(&q.flow);
    let name = flow.map_or("", |fl| fl.name.get(lang));
    let dest = flow.map_or("", |fl| country(&fl.destination, lang));
    let value = f.money(q.value_minor, q.currency);
    let mut duty = f.money(q.total_duty_minor, q.currency);
    if let Some(levied) = levied {
        duty = format!("{duty} ({levied})");
    }
    let rate = f.percent(q.effective);
    let date = f.date(q.date);
    let quota = quota_phrase(q, lang);
    let change = f.money(cmp.duty_change_minor.abs(), q.currency);
    let ref_date = f.date(cmp.reference.date);
    let reference = match (reference_label, lang) {
        (Some(label), _) => format!("{label} ({ref_date})"),
        (None, Lang::En) => format!("on {ref_date}"),
        (None, Lang::Fr) => format!("le {ref_date}"),
    };
    let mut s = match lang {
        Lang::En => {
            let delta = match cmp.duty_change_minor.signum() {
                0 => format!("the same as {reference}"),
                1 => format!("{change} more than {reference}"),
                _ => format!("{change} less than {reference}"),
            };
            format!("{value} of {name} entering {dest} on {date}{quota} pays {duty} in duty ({rate}), {delta}.")
        }
        Lang::Fr => {
            // "que" elides before a vowel: « qu’avant l’entente ».
            let que = if reference.starts_with(['a', 'e', 'i', 'o', 'u', 'é']) {
                "qu’"
            } else {
                "que "
            };
            let delta = match cmp.duty_change_minor.signum() {
                0 => format!("autant {que}{reference}"),
                1 => format!("{change} de plus {que}{reference}"),
                _ => format!("{change} de moins {que}{reference}"),
            };
            format!("{value} {} entrant {dest} le {date}{quota} paie {duty} de droits ({rate}), {delta}.", de_noun(name))
        }
    };
    if q.blocked {
        s.push_str(match lang {
            Lang::En => " A non-tariff ban was in force that day.",
            Lang::Fr => " Une interdiction non tarifaire était en vigueur ce jour-là.",
        });
    }
    let named: Vec<&str> = q
        .layers
        .iter()
        .filter_map(|l| match &l.status {
            LayerStatus::NamedExporters { exporters } => Some(exporters),
            _ => None,
        })
        .flatten()
        .map(String::as_str)
        .collect();
    if !named.is_empty() {
        let who = and_list(&named, lang);
        s.push_str(&match lang {
            Lang::En => format!(
                " Shipments from {who} were blocked that day; other exporters’ shipments could enter."
            ),
            Lang::Fr => format!(
                " Les expéditions de {who} étaient bloquées ce jour-là ; celles des autres exportateurs pouvaient entrer."
            ),
        });
    }
    for l in &q.layers {
        if let Some(more) =
            settlement_sentence(l, lang, f).or_else(|| uncertain_sentence(l, lang, f))
        {
            s.push(' ');
            s.push_str(&more);
        }
    }
    if q.has_estimate {
        // "Reported" is not "estimated": say which, from the weakest part.
        let estimate = q
            .layers
            .iter()
            .any(|l| l.amount_minor > 0 && l.confidence == Confidence::Estimate)
            || q.conversion
                .as_ref()
                .is_some_and(|c| c.confidence == Confidence::Estimate)
            || !q
                .layers
                .iter()
                .any(|l| l.amount_minor > 0 && l.confidence == Confidence::Press);
        s.push_str(match (estimate, lang) {
            (true, Lang::En) => " Includes an estimate.",
            (true, Lang::Fr) => " Comprend une estimation.",
            (false, Lang::En) => " Includes a figure reported by the press only.",
            (false, Lang::Fr) => " Comprend un chiffre rapporté par la presse seulement.",
        });
    }
    s
}

/// « de véhicules électriques », « d’acier chinois »: the flow's name in
/// running French text, lowercased at its first letter, with "de" elided
/// before a vowel or a mute h.
fn de_noun(name: &str) -> String {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    // The capitals a French flow name can start with; avoids the Unicode
    // case tables (~5 KB of wasm) for one letter.
    let first = match first {
        'É' => 'é',
        'È' => 'è',
        'Ê' => 'ê',
        'À' => 'à',
        'Â' => 'â',
        'Î' => 'î',
        'Ô' => 'ô',
        'Û' => 'û',
        'Ç' => 'ç',
        c => c.to_ascii_lowercase(),
    };
    let lowered: String = std::iter::once(first).chain(chars).collect();
    let elide = lowered.starts_with([
        'a', 'e', 'i', 'o', 'u', 'h', 'é', 'è', 'ê', 'à', 'â', 'î', 'ô', 'û',
    ]);
    if elide {
        format!("d’{lowered}")
    } else {
        format!("de {lowered}")
    }
}

fn quota_phrase(q: &Quote, lang: Lang) -> String {
    match (&q.quota, lang) {
        (None, _) => String::new(),
        (Some(sp), Lang::En) if sp.over_units == 0 => ", inside the quota,".into(),
        (Some(sp), Lang::Fr) if sp.over_units == 0 => ", dans le contingent,".into(),
        (Some(sp), Lang::En) if sp.in_units == 0 => ", over the quota,".into(),
        (Some(sp), Lang::Fr) if sp.in_units == 0 => ", hors contingent,".into(),
        (Some(sp), Lang::En) => format!(
            ", {} units inside the quota and {} over,",
            sp.in_units, sp.over_units
        ),
        (Some(sp), Lang::Fr) => format!(
            ", {} unités dans le contingent et {} hors contingent,",
            sp.in_units, sp.over_units
        ),
    }
}

/// "before the deal" in the reader's language.
pub fn before_deal_label(lang: Lang) -> &'static str {
    Msg::BeforeDeal.text(lang)
}
