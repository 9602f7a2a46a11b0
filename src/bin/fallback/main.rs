//! The static version of the widget, for readers without JavaScript or
//! WebAssembly and for print: an HTML table of the rates in force before and
//! after the deal, and an SVG of the timeline drawn by the same plotters code
//! as the canvas (SVG backend, natively).
//!
//! ```sh
//! cargo run --bin fallback -- svg pkg/timeline.svg        # the timeline picture
//! cargo run --bin fallback -- table [en|fr]               # the table, to stdout
//! cargo run --bin fallback -- update index.html           # refresh the <noscript> blocks
//! cargo run --bin fallback -- images pkg                  # the PNG pictures and fallbacks.json
//! cargo run --bin fallback -- check-images pkg            # fail if they are stale or blank
//! ```
//!
//! The PNG pictures (`images.rs`) are the fallbacks of the embed codes (the
//! script tag's `<noscript>`, the AMP frame's placeholder) and the social
//! pictures (`og:image`), each with its text alternative from the data in
//! `fallbacks.json`.
//!
//! `update` replaces what stands between `<!-- fallback:start -->` and
//! `<!-- fallback:end -->`: the first pair gets the table, the second the
//! timeline, so the page always carries the numbers of the data it ships.

#[cfg(target_arch = "wasm32")]
fn main() {} // Drawn natively (SVG backend); nothing of it runs in a browser.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod images;
#[cfg(not(target_arch = "wasm32"))]
mod raster;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use plotters::prelude::*;
    use std::process::ExitCode;
    use trade_widget::core::builtin::BUILTIN_JSON;
    use trade_widget::core::engine::{before_deal, quote, Shipment};
    use trade_widget::core::format::{Formats, LocaleFormats};
    use trade_widget::core::load::load;
    use trade_widget::core::model::{Dataset, Lang};
    use trade_widget::core::summary::confidence_label;
    use trade_widget::core::timeline::{
        lanes_with_events, layout, Layout, Metrics, Orientation, View,
    };
    use trade_widget::draw::{estimated_width, timeline as tl_draw, Scheme, Theme};

    /// The picture's size in CSS pixels: the page's `<img>` shows it at this
    /// size, and it is drawn at devicePixelRatio 1, so in device pixels too.
    pub const SVG_SIZE: (u32, u32) = (1200, 420);
    const START: &str = "<!-- fallback:start -->";
    const END: &str = "<!-- fallback:end -->";

    /// Escapes text for HTML: data texts are plain text, never markup.
    pub fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }

    /// The rates table: every flow, its effective rate the day before the deal
    /// and on the data's as-of date, for one unit at the flow's default value
    /// inside any quota.
    pub fn table(ds: &Dataset, lang: Lang) -> String {
        let f = LocaleFormats(lang);
        let (before, after) = (before_deal(ds), ds.as_of);
        let (h_goods, h_change, caption, note) = match lang {
            Lang::En => (
                "Goods",
                "Change (points)",
                "Total duty rate in force before and after the {deal} Canada–China deal",
                "Rates are the sum of every duty layer in force (base rate, surtax, anti-dumping, retaliation), for goods inside the EV quota. Taxes such as GST or VAT are not included.",
            ),
            Lang::Fr => (
                "Marchandises",
                "Variation (points)",
                "Taux total des droits en vigueur avant et après l’entente Canada-Chine de {deal}",
                "Les taux additionnent toutes les couches de droits en vigueur (taux de base, surtaxe, antidumping, rétorsion), pour des marchandises dans le contingent de VE. Les taxes comme la TPS ou la TVA ne sont pas incluses.",
            ),
        };
        let mut html = String::new();
        html.push_str("<table class=\"tw-fallback-table\">\n");
        // The deal's month and year come from the data ("January 2026").
        let caption = caption.replace("{deal}", &f.month_year(ds.deal_date));
        html.push_str(&format!("<caption>{}</caption>\n", esc(&caption)));
        html.push_str(&format!(
            "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            esc(h_goods),
            esc(&f.date(before)),
            esc(&f.date(after)),
            esc(h_change)
        ));
        for flow in &ds.flows {
            let at = |date| {
                quote(
                    ds,
                    &Shipment {
                        flow: flow.id.clone(),
                        value_minor: flow.default_value_minor,
                        currency: flow.currency,
                        date,
                        quantity: 1,
                        quota_used: 0,
                    },
                )
            };
            let (Ok(b), Ok(a)) = (at(before), at(after)) else {
                continue;
            };
            let cell = |q: &trade_widget::core::engine::Quote| {
                let mut s = f.percent(q.effective);
                if q.has_estimate {
                    s.push_str(&format!(
                        " ({})",
                        confidence_label(trade_widget::core::model::Confidence::Estimate, lang)
                            .unwrap_or("")
                    ));
                }
                esc(&s)
            };
            let change = a.effective.bp() - b.effective.bp();
            let change_text = match change.signum() {
                0 => "—".to_string(),
                1 => format!("+{}", f.percent(trade_widget::core::money::Rate(change))),
                _ => format!("−{}", f.percent(trade_widget::core::money::Rate(-change))),
            };
            html.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(flow.name.get(lang)),
                cell(&b),
                cell(&a),
                esc(&change_text)
            ));
        }
        html.push_str("</tbody>\n</table>\n");
        html.push_str(&format!(
            "<p class=\"tw-fallback-note\">{}</p>\n",
            esc(note)
        ));
        html
    }

    /// The timeline a reader first sees in the widget (every event with one,
    /// fitted with the widget's opening margin), laid out as the canvas lays
    /// it out at `size` CSS pixels and devicePixelRatio 1: the same
    /// orientation rule and the same [`Metrics::new`]. Only the text measure
    /// differs, as there is no browser font here. `tests/timeline_layout.rs`
    /// compares this with the canvas's layout.
    fn timeline_layout(ds: &Dataset, lang: Lang, size: (u32, u32)) -> Layout {
        timeline_layout_measured(ds, lang, size, 1.0, &|s, px| estimated_width(s, px))
    }

    /// [`timeline_layout`] for `size` device pixels at devicePixelRatio `dpr`,
    /// with labels measured by `measure(text, font_px)` (the PNG pictures
    /// measure with the font they draw in).
    pub fn timeline_layout_measured(
        ds: &Dataset,
        lang: Lang,
        size: (u32, u32),
        dpr: f64,
        measure: &dyn Fn(&str, f64) -> f64,
    ) -> Layout {
        let (w, h) = (f64::from(size.0), f64::from(size.1));
        let orientation = Orientation::for_css_width(w / dpr);
        let metrics = Metrics::new(dpr, orientation);
        let measure = |s: &str| measure(s, metrics.font_px);
        layout(
            &ds.events,
            &lanes_with_events(&ds.events),
            &View::fit(&ds.events, View::FIT_PAD),
            (w, h),
            orientation,
            &metrics,
            lang,
            &measure,
        )
    }

    /// The timeline as SVG ([`timeline_layout`]) in the light theme, with no
    /// selected date, today's line or focus: the picture does not age.
    pub fn timeline_svg(ds: &Dataset, lang: Lang, size: (u32, u32)) -> String {
        let mut svg = String::new();
        {
            let theme = Theme::new(Scheme::Light, 1.0);
            let lay = timeline_layout(ds, lang, size);
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            let _ = tl_draw::draw(&root, &lay, &ds.events, &theme, None, None, None, lang);
            let _ = root.present();
        }
        svg
    }

    /// Key events as a list (the SVG's text alternative): priority-1 events.
    pub fn event_list(ds: &Dataset, lang: Lang) -> String {
        let mut html = String::from("<ol class=\"tw-fallback-events\">\n");
        for e in ds.events.iter().filter(|e| e.priority == 1) {
            html.push_str(&format!(
                "<li><time datetime=\"{}\">{}</time>: {}</li>\n",
                e.date,
                esc(&LocaleFormats(lang).date_with(e.date, e.precision)),
                esc(e.title.get(lang))
            ));
        }
        html.push_str("</ol>\n");
        html
    }

    fn replace_blocks(page: &str, blocks: &[String]) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = page;
        for (i, block) in blocks.iter().enumerate() {
            let start = rest
                .find(START)
                .ok_or_else(|| format!("marker pair {} ({START}) not found", i + 1))?;
            let end = rest[start..]
                .find(END)
                .map(|e| start + e)
                .ok_or_else(|| format!("{END} missing after marker {}", i + 1))?;
            out.push_str(&rest[..start + START.len()]);
            out.push('\n');
            out.push_str(block);
            out.push_str(&rest[end..end + END.len()]);
            rest = &rest[end + END.len()..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// The two blocks `update` writes into a page (English).
    pub fn page_blocks(ds: &Dataset) -> [String; 2] {
        let table = format!(
            "<div class=\"tw-fallback\">\n{}</div>\n",
            table(ds, Lang::En)
        );
        let timeline = format!(
            "<div class=\"tw-fallback\">\n<img src=\"pkg/timeline.svg\" width=\"{}\" height=\"{}\" alt=\"Timeline of Canada–China relations, {} to {}; the key dates are listed below.\">\n{}</div>\n",
            SVG_SIZE.0,
            SVG_SIZE.1,
            ds.coverage.0.year(),
            ds.coverage.1.year(),
            event_list(ds, Lang::En)
        );
        [table, timeline]
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let ds = match load(BUILTIN_JSON) {
            Ok(ds) => ds,
            Err(e) => {
                eprint!("{e}");
                return ExitCode::from(1);
            }
        };
        let lang = |i: usize| Lang::from_tag(args.get(i).map_or("en", String::as_str));
        let result = match args.first().map(String::as_str) {
            Some("table") => {
                print!("{}", table(&ds, lang(1)));
                Ok(())
            }
            Some("svg") => match args.get(1) {
                Some(path) => std::fs::write(path, timeline_svg(&ds, lang(2), SVG_SIZE))
                    .map_err(|e| format!("{path}: {e}")),
                None => {
                    print!("{}", timeline_svg(&ds, Lang::En, SVG_SIZE));
                    Ok(())
                }
            },
            Some("update") => {
                let path = args.get(1).map_or("index.html", String::as_str);
                std::fs::read_to_string(path)
                    .map_err(|e| format!("{path}: {e}"))
                    .and_then(|page| replace_blocks(&page, &page_blocks(&ds)))
                    .and_then(|new| std::fs::write(path, new).map_err(|e| format!("{path}: {e}")))
            }
            Some("images") => match args.get(1) {
                Some(dir) => crate::images::write_all(&ds, std::path::Path::new(dir)),
                None => Err("usage: fallback images DIR".into()),
            },
            Some("check-images") => match args.get(1) {
                Some(dir) => crate::images::check_all(&ds, std::path::Path::new(dir)),
                None => Err("usage: fallback check-images DIR".into()),
            },
            _ => Err("usage: fallback table [en|fr] | svg [PATH [en|fr]] | update [PAGE] | images DIR | check-images DIR".into()),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("fallback: {e}");
                ExitCode::from(2)
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn ds() -> Dataset {
            load(BUILTIN_JSON).expect("valid data")
        }

        #[test]
        fn table_has_the_golden_rates() {
            let t = table(&ds(), Lang::En);
            assert!(t.contains("<th scope=\"row\">Chinese electric vehicles and hybrids</th><td>106.1%</td><td>6.1%</td><td>−100%</td>"), "{t}");
            assert!(
                t.contains("84.8%") && t.contains("14.9%"),
                "canola seed before and after: {t}"
            );
            let fr = table(&ds(), Lang::Fr);
            assert!(fr.contains("106,1\u{a0}%"), "{fr}");
        }

        #[test]
        fn svg_draws_the_key_events() {
            let svg = timeline_svg(&ds(), Lang::En, SVG_SIZE);
            assert!(svg.starts_with("<svg"));
            assert!(svg.matches("<circle").count() > 20, "markers drawn");
            assert!(svg.contains("Detentions"), "lane names");
        }

        #[test]
        fn text_from_the_data_is_escaped() {
            assert_eq!(
                esc("<script>alert(\"x\")</script> & co"),
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"
            );
        }

        #[test]
        fn the_demo_article_carries_the_current_fallback() {
            let page = include_str!("../../../index.html");
            let refreshed = replace_blocks(page, &page_blocks(&ds())).expect("markers present");
            assert!(
                refreshed == page,
                "index.html is out of date: run `cargo run --bin fallback -- update index.html`"
            );
        }
    }
}
