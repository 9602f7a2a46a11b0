//! The widget's markup, in English and French.
//!
//! The skeleton is static markup of ours (no data text in it), set once
//! with `innerHTML`; every text that comes from a data file is set later
//! with `textContent`, so HTML in the data shows as text, never as markup.
//! Field names, `data-role`s and `data-preset`/`data-action` values are the
//! contract of the end-to-end tests and of embedders' scripts: keep them.

use crate::core::form::Preset;
use crate::core::i18n::{fill, Lang, Msg};
use crate::core::model::Category;

/// The years the data covers, as the titles write them ("2017", "2026").
pub type Years = (i32, i32);

/// The widget's frame: the notice line (what a page or a link set that the
/// widget could not take, a failed copy) above the views.
pub fn widget(views: &str) -> String {
    format!(
        r#"<div class="tw" data-role="widget"><p class="notice" data-role="notice" role="status" hidden></p>{views}</div>"#
    )
}

/// The calculator's markup.
pub fn calculator(lang: Lang, years: Years) -> String {
    let l = |m: Msg| m.text(lang);
    let (from, to) = (years.0.to_string(), years.1.to_string());
    let presets: String = Preset::ALL
        .iter()
        .map(|p| {
            format!(
                r#"<button type="button" data-preset="{}">{}</button>"#,
                p.name(),
                l(p.label())
            )
        })
        .collect();
    format!(
        r#"<section class="calc" aria-labelledby="tw-calc-title">
<h2 id="tw-calc-title">{title}</h2>
<form class="controls" novalidate>
<div class="field wide"><label for="tw-flow-search">{search}</label><input id="tw-flow-search" name="flow-search" type="search" autocomplete="off" spellcheck="false" aria-controls="tw-flow" aria-describedby="tw-flow-search-status"><p class="hint" id="tw-flow-search-status" data-role="flow-search-status" role="status"></p></div>
<div class="field wide"><label for="tw-flow">{flow}</label><select id="tw-flow" name="flow" aria-describedby="tw-goods"></select><p class="goods" id="tw-goods" data-role="goods" hidden></p><p class="error" data-error-for="flow" hidden></p></div>
<div class="field"><label for="tw-value">{value}</label><input id="tw-value" name="value" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="tw-value-err"><p class="error" id="tw-value-err" data-error-for="value" hidden></p></div>
<div class="field narrow"><label for="tw-currency">{currency}</label><select id="tw-currency" name="currency"><option value="CAD">CAD</option><option value="USD">USD</option><option value="CNY">CNY</option></select></div>
<div class="field"><label for="tw-date">{date}</label><input id="tw-date" name="date" type="date" aria-describedby="tw-date-err"><p class="error" id="tw-date-err" data-error-for="date" hidden></p></div>
<div class="field"><label for="tw-qty">{quantity}</label><input id="tw-qty" name="quantity" inputmode="numeric" autocomplete="off" aria-describedby="tw-qty-err"><p class="error" id="tw-qty-err" data-error-for="quantity" hidden></p></div>
<div class="field wide"><input name="date-range" type="range" step="1" aria-label="{slider}"></div>
<div class="presets wide" role="group" aria-label="{presets_label}">{presets}</div>
<div class="field"><label for="tw-compare">{compare}</label><input id="tw-compare" name="compare" type="date" aria-describedby="tw-compare-err"><p class="error" id="tw-compare-err" data-error-for="compare" hidden></p></div>
<div class="field wide quota" data-role="quota-field" hidden><label for="tw-used">{used}</label><input id="tw-used" name="quota-used" inputmode="numeric" autocomplete="off" aria-describedby="tw-used-err tw-quota-info"><p class="hint" id="tw-quota-info" data-role="quota-info"></p><p class="error" id="tw-used-err" data-error-for="quota-used" hidden></p></div>
</form>
<p class="summary" data-role="summary" aria-live="polite"></p>
<dl class="figures"><div><dt>{total}</dt><dd data-role="total"></dd></div><div><dt>{effective}</dt><dd data-role="effective"></dd></div><div><dt>{landed}</dt><dd data-role="landed"></dd></div></dl>
<div class="takeaway" role="group" aria-label="{take}"><button type="button" data-action="copy-link">{copy}</button><button type="button" data-action="csv-breakdown">{csv}<span class="visually-hidden">: {breakdown}</span></button></div>
<p class="hint" data-role="takeaway-status" role="status"></p>
<details class="fold" data-role="fold-charts" open><summary>{charts}</summary><div class="charts"><figure><figcaption>{bars}</figcaption><canvas data-role="duty-chart" role="img" aria-label="{bars}"></canvas><details class="chart-data"><summary>{show}<span class="visually-hidden">: {bars}</span></summary><div class="table-wrap"><table data-role="duty-data"><caption>{bars}</caption><thead></thead><tbody></tbody></table></div></details><div class="chart-actions"><button type="button" data-action="png-duty">{png}<span class="visually-hidden">: {bars}</span></button></div></figure>
<figure><figcaption>{steps}</figcaption><canvas data-role="rate-chart" role="img" aria-label="{steps}"></canvas><details class="chart-data"><summary>{show}<span class="visually-hidden">: {steps}</span></summary><div class="table-wrap"><table data-role="rate-data"><caption>{steps}</caption><thead></thead><tbody></tbody></table></div></details><div class="chart-actions"><button type="button" data-action="csv-rates">{csv}<span class="visually-hidden">: {steps}</span></button><button type="button" data-action="png-rates">{png}<span class="visually-hidden">: {steps}</span></button></div></figure></div></details>
<details class="fold" data-role="fold-breakdown" open><summary>{breakdown}</summary><div class="table-wrap"><table data-role="breakdown"><caption>{breakdown}</caption><thead><tr><th scope="col">{c_layer}</th><th scope="col">{c_rate}</th><th scope="col">{c_base}</th><th scope="col">{c_amount}</th><th scope="col">{c_instr}</th></tr></thead><tbody></tbody></table></div></details>
<ul class="notes" data-role="notes"></ul>
</section>"#,
        title = l(Msg::CalcTitle),
        flow = l(Msg::Flow),
        search = l(Msg::SearchLabel),
        value = l(Msg::Value),
        currency = l(Msg::Currency),
        date = l(Msg::Date),
        quantity = l(Msg::Quantity),
        slider = fill(l(Msg::DateSlider), &[("from", &from), ("to", &to)]),
        presets_label = l(Msg::Presets),
        used = l(Msg::QuotaUsed),
        compare = l(Msg::Compare),
        total = l(Msg::Total),
        effective = l(Msg::Effective),
        landed = l(Msg::Landed),
        bars = l(Msg::ChartBars),
        steps = l(Msg::ChartSteps),
        take = l(Msg::TakeAway),
        copy = l(Msg::CopyLink),
        csv = l(Msg::DownloadCsv),
        png = l(Msg::DownloadPng),
        charts = l(Msg::Charts),
        show = l(Msg::ShowData),
        breakdown = l(Msg::Breakdown),
        c_layer = l(Msg::ColLayer),
        c_rate = l(Msg::ColRate),
        c_base = l(Msg::ColBase),
        c_amount = l(Msg::ColAmount),
        c_instr = l(Msg::ColInstrument),
    )
}

/// The timeline's markup.
pub fn timeline(lang: Lang, years: Years) -> String {
    let l = |m: Msg| m.text(lang);
    let (from, to) = (years.0.to_string(), years.1.to_string());
    let lanes: String = Category::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                r#"<label class="lane"><input type="checkbox" name="lane" value="{i}" checked> {}</label>"#,
                c.label(lang)
            )
        })
        .collect();
    format!(
        r#"<section class="timeline" aria-labelledby="tw-tl-title">
<h2 id="tw-tl-title">{title}</h2>
<p class="hint" id="tw-tl-help">{help}</p>
<div class="toolbar"><button type="button" data-action="zoom-in">+<span class="visually-hidden"> {zin}</span></button><button type="button" data-action="zoom-out">−<span class="visually-hidden"> {zout}</span></button><button type="button" data-action="fit">{fit}</button><button type="button" data-action="list" aria-pressed="false">{list}</button>
<fieldset class="lanes"><legend>{lanes_label}</legend>{lanes}</fieldset></div>
<div class="tl-canvas"><canvas data-role="timeline" tabindex="0" role="application" aria-roledescription="timeline" aria-label="{canvas}" aria-describedby="tw-tl-help"></canvas><p class="gesture-hint" data-role="gesture-hint" aria-hidden="true" hidden></p></div>
<p class="visually-hidden" data-role="tl-status" aria-live="polite"></p>
<div class="details" data-role="details" role="dialog" aria-modal="false" aria-labelledby="tw-details-title" hidden><button type="button" class="close" data-action="close" aria-label="{close}">×</button><p class="details-date" data-role="details-date"></p><h3 id="tw-details-title" data-role="details-title"></h3><p data-role="details-text"></p><p class="details-sources"><span>{sources}: </span><span data-role="details-sources"></span></p><button type="button" data-action="use-date">{use_date}</button></div>
<div class="takeaway" role="group" aria-label="{take}"><button type="button" data-action="copy-event-link">{copy}</button><button type="button" data-action="csv-events">{csv}</button><button type="button" data-action="png-timeline">{png}</button></div>
<p class="hint" data-role="takeaway-status" role="status"></p>
<ol class="event-list visually-hidden" data-role="event-list"></ol>
</section>"#,
        title = fill(l(Msg::TimelineTitle), &[("from", &from), ("to", &to)]),
        help = l(Msg::TimelineHelp),
        zin = l(Msg::ZoomIn),
        zout = l(Msg::ZoomOut),
        fit = l(Msg::Fit),
        list = l(Msg::ListView),
        lanes_label = l(Msg::Lanes),
        canvas = l(Msg::TimelineCanvas),
        close = l(Msg::Close),
        sources = l(Msg::Sources),
        use_date = l(Msg::UseDate),
        take = l(Msg::TakeAway),
        copy = l(Msg::CopyLink),
        csv = l(Msg::DownloadCsv),
        png = l(Msg::DownloadPng),
    )
}
