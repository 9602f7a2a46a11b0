//! The widget's markup and interface strings, in English and French.
//!
//! The skeleton is static markup of ours (no data in it), set once with
//! `innerHTML`; every text that comes from a data file is set later with
//! `textContent`, so HTML in the data shows as text, never as markup.

use crate::core::model::Lang;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// An interface string.
pub fn t(key: &str, lang: Lang) -> &'static str {
    let (en, fr) = match key {
        "calc_title" => ("Tariff calculator", "Calculateur de droits de douane"),
        "flow" => ("Trade flow", "Flux commercial"),
        "value" => ("Customs value of the shipment", "Valeur en douane de l’envoi"),
        "currency" => ("Currency", "Devise"),
        "date" => ("Date of entry", "Date d’entrée"),
        "date_slider" => ("Date of entry, 2017 to 2026", "Date d’entrée, de 2017 à 2026"),
        "presets" => ("Jump to a date", "Aller à une date"),
        "preset_before" => ("Before the surtaxes", "Avant les surtaxes"),
        "preset_peak" => ("At the peak", "Au sommet"),
        "preset_after" => ("After the deal", "Après l’entente"),
        "preset_today" => ("Today", "Aujourd’hui"),
        "quantity" => ("Quantity", "Quantité"),
        "compare" => ("Compare with", "Comparer avec"),
        "quota_used" => ("Units already entered this quota year", "Unités déjà entrées cette année contingentaire"),
        "total" => ("Total duty", "Droits totaux"),
        "landed" => ("Landed cost (value + duty)", "Coût rendu (valeur + droits)"),
        "effective" => ("Effective rate", "Taux effectif"),
        "breakdown" => ("Duty layers in force", "Couches de droits en vigueur"),
        "col_layer" => ("Layer", "Couche"),
        "col_kind" => ("Kind", "Type"),
        "col_rate" => ("Rate", "Taux"),
        "col_base" => ("Charged on", "Assiette"),
        "col_amount" => ("Amount", "Montant"),
        "col_instrument" => ("Legal instrument", "Instrument juridique"),
        "chart_bars" => ("Duty by layer, before the deal and on the chosen date", "Droits par couche, avant l’entente et à la date choisie"),
        "chart_steps" => ("Effective rate over time", "Taux effectif dans le temps"),
        "chart_alt" => ("The table below gives the chart’s figures.", "Le tableau ci-dessous donne les chiffres du graphique."),
        "no_layers" => ("No duty layer in force on this date.", "Aucune couche de droits en vigueur à cette date."),
        "outside" => ("The data covers {start} to {end}; this date is outside it, so the result assumes nothing changed.", "Les données couvrent la période du {start} au {end}; cette date est hors de cette période, le résultat suppose qu’il n’y a eu aucun changement."),
        "taxes" => ("Taxes such as GST or VAT are not included.", "Les taxes comme la TPS ou la TVA ne sont pas incluses."),
        "as_of" => ("Data as of {date}.", "Données à jour au {date}."),
        "converted" => ("Converted at {rate} (approximate annual average).", "Converti au taux de {rate} (moyenne annuelle approximative)."),
        "tl_title" => ("Canada–China relations, 2017–2026", "Relations Canada-Chine, 2017-2026"),
        "tl_help" => ("Drag to pan, scroll or pinch to zoom. Keyboard: arrows move between events, Enter opens, Escape closes, + and − zoom, Home and End jump.", "Glissez pour vous déplacer, faites défiler ou pincez pour zoomer. Clavier : les flèches passent d’un événement à l’autre, Entrée ouvre, Échap ferme, + et − zooment, Début et Fin sautent."),
        "zoom_in" => ("Zoom in", "Zoom avant"),
        "zoom_out" => ("Zoom out", "Zoom arrière"),
        "fit" => ("Show all", "Tout afficher"),
        "list_view" => ("List view", "Vue en liste"),
        "lanes" => ("Show categories", "Afficher les catégories"),
        "close" => ("Close", "Fermer"),
        "sources" => ("Sources", "Sources"),
        "use_date" => ("Use this date in the calculator", "Utiliser cette date dans le calculateur"),
        "timeline_canvas" => ("Timeline of Canada–China relations. Use the arrow keys to move between events.", "Chronologie des relations Canada-Chine. Utilisez les flèches pour passer d’un événement à l’autre."),
        "error_title" => ("This widget could not start", "Ce module n’a pas pu démarrer"),
        "date_error" => ("Enter a real date, for example 2026-03-02.", "Entrez une date réelle, par exemple 2026-03-02."),
        "qty_error" => ("Enter a whole number of at least 1.", "Entrez un nombre entier d’au moins 1."),
        "used_error" => ("Enter a whole number, 0 or more.", "Entrez un nombre entier, 0 ou plus."),
        "flow_error" => ("Choose a trade flow from the list.", "Choisissez un flux commercial dans la liste."),
        "quota_year" => ("Quota year {from} to {to}: {volume} units; {remaining} left before this shipment.", "Année contingentaire du {from} au {to} : {volume} unités; {remaining} restantes avant cet envoi."),
        "over_quota_assumption" => ("Over-quota rate: an assumption.", "Taux hors contingent : une hypothèse."),
        "group_to_ca" => ("Into Canada", "Vers le Canada"),
        "group_to_cn" => ("Into China", "Vers la Chine"),
        "group_to_us" => ("Into the United States", "Vers les États-Unis"),
        _ => ("", ""),
    };
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in pairs {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// The calculator's markup. Field names are the contract of the end-to-end
/// tests and of embedders' CSS-free scripting: keep them stable.
pub fn calculator_markup(lang: Lang) -> String {
    let l = |k| t(k, lang);
    format!(
        r#"<section class="calc" aria-labelledby="tw-calc-title">
<h2 id="tw-calc-title">{title}</h2>
<form class="controls" novalidate>
<div class="field wide"><label for="tw-flow">{flow}</label><select id="tw-flow" name="flow"></select><p class="error" data-error-for="flow" hidden></p></div>
<div class="field"><label for="tw-value">{value}</label><input id="tw-value" name="value" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="tw-value-err"><p class="error" id="tw-value-err" data-error-for="value" hidden></p></div>
<div class="field narrow"><label for="tw-currency">{currency}</label><select id="tw-currency" name="currency"><option value="CAD">CAD</option><option value="USD">USD</option><option value="CNY">CNY</option></select></div>
<div class="field"><label for="tw-date">{date}</label><input id="tw-date" name="date" type="date" aria-describedby="tw-date-err"><p class="error" id="tw-date-err" data-error-for="date" hidden></p></div>
<div class="field"><label for="tw-qty">{quantity}</label><input id="tw-qty" name="quantity" inputmode="numeric" autocomplete="off" aria-describedby="tw-qty-err"><p class="error" id="tw-qty-err" data-error-for="quantity" hidden></p></div>
<div class="field wide"><input name="date-range" type="range" step="1" aria-label="{slider}"></div>
<div class="presets wide" role="group" aria-label="{presets}"><button type="button" data-preset="before">{p_before}</button><button type="button" data-preset="peak">{p_peak}</button><button type="button" data-preset="after">{p_after}</button><button type="button" data-preset="today">{p_today}</button></div>
<div class="field"><label for="tw-compare">{compare}</label><input id="tw-compare" name="compare" type="date" aria-describedby="tw-compare-err"><p class="error" id="tw-compare-err" data-error-for="compare" hidden></p></div>
<div class="field wide quota" data-role="quota-field" hidden><label for="tw-used">{used}</label><input id="tw-used" name="quota-used" inputmode="numeric" autocomplete="off" aria-describedby="tw-used-err tw-quota-info"><p class="hint" id="tw-quota-info" data-role="quota-info"></p><p class="error" id="tw-used-err" data-error-for="quota-used" hidden></p></div>
</form>
<p class="summary" data-role="summary" aria-live="polite"></p>
<dl class="figures"><div><dt>{total}</dt><dd data-role="total"></dd></div><div><dt>{effective}</dt><dd data-role="effective"></dd></div><div><dt>{landed}</dt><dd data-role="landed"></dd></div></dl>
<div class="charts"><figure><figcaption>{bars}</figcaption><canvas data-role="duty-chart" role="img" aria-label="{bars}. {alt}"></canvas></figure>
<figure><figcaption>{steps}</figcaption><canvas data-role="rate-chart" role="img" aria-label="{steps}. {alt}"></canvas></figure></div>
<div class="table-wrap"><table data-role="breakdown"><caption>{breakdown}</caption><thead><tr><th scope="col">{c_layer}</th><th scope="col">{c_rate}</th><th scope="col">{c_base}</th><th scope="col">{c_amount}</th><th scope="col">{c_instr}</th></tr></thead><tbody></tbody></table></div>
<ul class="notes" data-role="notes"></ul>
</section>"#,
        title = l("calc_title"),
        flow = l("flow"),
        value = l("value"),
        currency = l("currency"),
        date = l("date"),
        quantity = l("quantity"),
        slider = l("date_slider"),
        presets = l("presets"),
        p_before = l("preset_before"),
        p_peak = l("preset_peak"),
        p_after = l("preset_after"),
        p_today = l("preset_today"),
        used = l("quota_used"),
        compare = l("compare"),
        total = l("total"),
        effective = l("effective"),
        landed = l("landed"),
        bars = l("chart_bars"),
        steps = l("chart_steps"),
        alt = l("chart_alt"),
        breakdown = l("breakdown"),
        c_layer = l("col_layer"),
        c_rate = l("col_rate"),
        c_base = l("col_base"),
        c_amount = l("col_amount"),
        c_instr = l("col_instrument"),
    )
}

/// The timeline's markup.
pub fn timeline_markup(lang: Lang) -> String {
    let l = |k| t(k, lang);
    let lanes: String = crate::core::model::Category::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| format!(r#"<label class="lane"><input type="checkbox" name="lane" value="{i}" checked> {}</label>"#, c.label(lang)))
        .collect();
    format!(
        r#"<section class="timeline" aria-labelledby="tw-tl-title">
<h2 id="tw-tl-title">{title}</h2>
<p class="hint" id="tw-tl-help">{help}</p>
<div class="toolbar"><button type="button" data-action="zoom-in">+<span class="visually-hidden"> {zin}</span></button><button type="button" data-action="zoom-out">−<span class="visually-hidden"> {zout}</span></button><button type="button" data-action="fit">{fit}</button><button type="button" data-action="list" aria-pressed="false">{list}</button>
<fieldset class="lanes"><legend>{lanes_label}</legend>{lanes}</fieldset></div>
<canvas data-role="timeline" tabindex="0" role="application" aria-roledescription="timeline" aria-label="{canvas}" aria-describedby="tw-tl-help"></canvas>
<p class="visually-hidden" data-role="tl-status" aria-live="polite"></p>
<div class="details" data-role="details" role="dialog" aria-modal="false" aria-labelledby="tw-details-title" hidden><button type="button" class="close" data-action="close" aria-label="{close}">×</button><p class="details-date" data-role="details-date"></p><h3 id="tw-details-title" data-role="details-title"></h3><p data-role="details-text"></p><p class="details-sources"><span>{sources}: </span><span data-role="details-sources"></span></p><button type="button" data-action="use-date">{use_date}</button></div>
<ol class="event-list visually-hidden" data-role="event-list"></ol>
</section>"#,
        title = l("tl_title"),
        help = l("tl_help"),
        zin = l("zoom_in"),
        zout = l("zoom_out"),
        fit = l("fit"),
        list = l("list_view"),
        lanes_label = l("lanes"),
        canvas = l("timeline_canvas"),
        close = l("close"),
        sources = l("sources"),
        use_date = l("use_date"),
    )
}

/// Creates `<tag>` with `text` as its text content.
pub fn element(doc: &Document, tag: &str, text: &str) -> Result<HtmlElement, JsValue> {
    let el: HtmlElement = doc.create_element(tag)?.unchecked_into();
    if !text.is_empty() {
        el.set_text_content(Some(text));
    }
    Ok(el)
}

/// A link to a source, shown by its host name ("gazette.gc.ca").
pub fn source_link(doc: &Document, url: &str) -> Result<Element, JsValue> {
    let a = doc.create_element("a")?;
    // Validation admits only https:// URLs; check again so a page's inline
    // data can never smuggle a javascript: link past us.
    if url
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
    {
        a.set_attribute("href", url)?;
    }
    a.set_attribute("target", "_blank")?;
    a.set_attribute("rel", "noopener noreferrer")?;
    let host = url
        .get(8..)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or(url)
        .trim_start_matches("www.");
    a.set_text_content(Some(host));
    Ok(a)
}
