//! The PNG pictures the build ships, drawn by the same plotters code as the
//! widget (on [`crate::raster::Raster`], natively), each with its text alternative:
//!
//! | file | what |
//! |---|---|
//! | `timeline-{en,fr}.png` | the timeline as the SVG fallback draws it (1200 × 420) |
//! | `calculator-{flow}-{en,fr}.png` | a flow's duty before and after the deal: the sentence, the table of layers on both dates and the bars (1200 × 630) |
//! | `social-{calculator,timeline,both}-{en,fr}.png` | one per view, 1200 × 630, for `og:image` |
//! | `fallbacks.json` | every picture's size, view, flow, language and alt text |
//!
//! The embed codes carry them: the script tag's `<noscript>`, the AMP
//! frame's placeholder, the oEmbed thumbnail. [`check_all`] draws them again
//! and fails when a file differs (stale: the data or the drawing changed
//! since the build) or is blank.

use crate::native::{esc, SVG_SIZE};
use crate::raster::{decode_png, ink, load_font};
use ab_glyph::FontVec;
use plotters::prelude::*;
use std::path::Path;

mod alt;
mod draw;

use alt::*;
use draw::*;
use trade_widget::core::engine::{before_deal, compare, Comparison, Shipment};
use trade_widget::core::format::{Formats, LocaleFormats};
use trade_widget::core::json::{self, Json};
use trade_widget::core::model::{Dataset, Lang};
use trade_widget::core::reader::reference_label;
use trade_widget::core::summary::sentence;
use trade_widget::draw::export::{draw_frame, Frame};
use trade_widget::draw::{calculator as calc_draw, Scheme, Theme};

/// The social pictures' size (Open Graph's recommended 1.91:1).
pub const SOCIAL_SIZE: (u32, u32) = (1200, 630);
/// The calculator and social pictures are laid out at this devicePixelRatio:
/// 800 × 420 CSS pixels, so their text stays legible when shown small.
const DPR: f64 = 1.5;
const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];
const VIEWS: [&str; 3] = ["calculator", "timeline", "both"];

/// One picture: its file name, what it shows, and its pixels as PNG.
pub struct Picture {
    pub file: String,
    pub kind: &'static str,
    pub view: &'static str,
    pub flow: Option<String>,
    pub lang: Lang,
    pub size: (u32, u32),
    pub alt: String,
    pub png: Vec<u8>,
}

/// The flow the calculator opens on: the first of the data.
fn default_flow(ds: &Dataset) -> Option<&str> {
    ds.flows.first().map(|f| f.id.as_str())
}

/// A flow's default shipment on the data's as-of date, against the day
/// before the deal: what the widget shows when it opens on that flow.
fn comparison(ds: &Dataset, flow: &str) -> Option<Comparison> {
    let fl = ds.flow(flow)?;
    let s = Shipment {
        flow: fl.id.clone(),
        value_minor: fl.default_value_minor,
        currency: fl.currency,
        date: ds.as_of,
        quantity: 1,
        quota_used: 0,
    };
    compare(ds, &s, before_deal(ds)).ok()
}

fn texts(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::En => [
            "Duty before and after the Canada–China deal",
            "Sources: ",
            "Data as of ",
            "Canada–China tariff calculator",
            "Timeline of Canada–China relations",
            "The duty layers on both dates",
            "Canada–China tariffs and relations",
        ],
        Lang::Fr => [
            "Droits avant et après l’entente Canada-Chine",
            "Sources : ",
            "Données à jour au ",
            "Calculateur des droits de douane Canada–Chine",
            "Chronologie des relations Canada–Chine",
            "Les couches de droits aux deux dates",
            "Tarifs douaniers et relations Canada–Chine",
        ],
    }
}

/// Every picture, drawn in memory.
pub fn pictures(ds: &Dataset, font: &FontVec) -> Result<Vec<Picture>, String> {
    let mut out = Vec::new();
    let err = |e: DrawingAreaErrorKind<_>| e.to_string();
    for lang in LANGS {
        let t = texts(lang);
        let f = LocaleFormats(lang);
        // The timeline, as the SVG fallback lays it out.
        out.push(Picture {
            file: format!("timeline-{}.png", lang.code()),
            kind: "timeline",
            view: "timeline",
            flow: None,
            lang,
            size: SVG_SIZE,
            alt: timeline_alt(ds, lang),
            png: render(font, SVG_SIZE, |root| {
                root.fill(&WHITE).map_err(err)?;
                draw_timeline(root, ds, font, 1.0, lang).map_err(err)
            })?,
        });
        // Each flow's duty before and after the deal.
        for flow in &ds.flows {
            let Some(cmp) = comparison(ds, &flow.id) else {
                continue;
            };
            let said = sentence(ds, &cmp, reference_label(ds, &cmp, lang), None, lang, &f);
            out.push(Picture {
                file: format!("calculator-{}-{}.png", flow.id, lang.code()),
                kind: "calculator",
                view: "calculator",
                flow: Some(flow.id.clone()),
                lang,
                size: SOCIAL_SIZE,
                alt: calc_alt(ds, &cmp, lang),
                png: render(font, SOCIAL_SIZE, |root| {
                    draw_calculator(root, ds, &cmp, flow.name.get(lang), &said, lang).map_err(err)
                })?,
            });
        }
        // One social picture per view, on the default flow.
        let Some(cmp) = default_flow(ds).and_then(|fl| comparison(ds, fl)) else {
            return Err("the data has no flow to draw".into());
        };
        let said = sentence(ds, &cmp, reference_label(ds, &cmp, lang), None, lang, &f);
        for view in VIEWS {
            let theme = Theme::new(Scheme::Light, DPR);
            let (title, alt) = match view {
                "calculator" => (t[3], calc_alt(ds, &cmp, lang)),
                "timeline" => (t[4], timeline_alt(ds, lang)),
                _ => (
                    t[3],
                    format!("{} {}", calc_alt(ds, &cmp, lang), timeline_alt(ds, lang)),
                ),
            };
            let png = render(font, SOCIAL_SIZE, |root| match view {
                "calculator" => draw_calculator(root, ds, &cmp, title, &said, lang).map_err(err),
                _ => {
                    let years = format!("{}–{}", ds.coverage.0.year(), ds.coverage.1.year());
                    let date = format!("{}{}", t[2], f.date(ds.as_of));
                    let sub = if view == "both" {
                        said.as_str()
                    } else {
                        years.as_str()
                    };
                    let frame = Frame {
                        title: if view == "both" { t[6] } else { t[4] },
                        subtitle: sub,
                        source: "",
                        date: &date,
                    };
                    let chart = draw_frame(root, &frame, &theme).map_err(err)?;
                    if view == "timeline" {
                        draw_timeline(&chart, ds, font, DPR, lang).map_err(err)
                    } else {
                        let (w, _) = chart.dim_in_pixel();
                        let (left, right) = chart.split_horizontally((w as f64 * 0.36) as i32);
                        let labels = [cmp.reference.date, cmp.selected.date].map(|d| f.date(d));
                        calc_draw::draw_duty_bars(
                            &left,
                            &cmp,
                            [&labels[0], &labels[1]],
                            &theme,
                            lang,
                            &f,
                        )
                        .map_err(err)?;
                        draw_timeline(&right, ds, font, DPR, lang).map_err(err)
                    }
                }
            })?;
            out.push(Picture {
                file: format!("social-{view}-{}.png", lang.code()),
                kind: "social",
                view,
                flow: default_flow(ds).map(str::to_string),
                lang,
                size: SOCIAL_SIZE,
                alt,
                png,
            });
        }
    }
    Ok(out)
}

/// `fallbacks.json`: what the builder and the build read to write the
/// embed codes' pictures and their alt text.
pub fn manifest(ds: &Dataset, pics: &[Picture]) -> String {
    let s = |v: &str| Json::Str(v.to_string());
    let images = pics
        .iter()
        .map(|p| {
            let mut m = vec![
                ("file".to_string(), s(&p.file)),
                ("kind".to_string(), s(p.kind)),
                ("view".to_string(), s(p.view)),
                ("lang".to_string(), s(p.lang.code())),
                ("width".to_string(), Json::Num(f64::from(p.size.0))),
                ("height".to_string(), Json::Num(f64::from(p.size.1))),
                ("alt".to_string(), s(&p.alt)),
            ];
            if let Some(flow) = &p.flow {
                m.insert(3, ("flow".to_string(), s(flow)));
            }
            Json::Obj(m)
        })
        .collect();
    let root = Json::Obj(vec![
        ("as_of".to_string(), s(&ds.as_of.to_string())),
        (
            "default_flow".to_string(),
            s(default_flow(ds).unwrap_or_default()),
        ),
        ("images".to_string(), Json::Arr(images)),
    ]);
    // One picture a line: readable, and a diff shows which one changed.
    json::to_string(&root)
        .replace("},{", "},\n{")
        .replace("[{", "[\n{")
        + "\n"
}

/// Writes every picture and `fallbacks.json` into `dir`.
pub fn write_all(ds: &Dataset, dir: &Path) -> Result<(), String> {
    let font = load_font()?;
    let pics = pictures(ds, &font)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for p in &pics {
        let path = dir.join(&p.file);
        std::fs::write(&path, &p.png).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let path = dir.join("fallbacks.json");
    std::fs::write(&path, manifest(ds, &pics)).map_err(|e| format!("{}: {e}", path.display()))
}

/// Below this share of drawn pixels a picture counts as blank.
const MIN_INK: f64 = 0.02;

/// Draws every picture again and compares it with the file in `dir`: every
/// picture missing, stale (another drawing) or blank is reported at once.
pub fn check_all(ds: &Dataset, dir: &Path) -> Result<(), String> {
    let font = load_font()?;
    let pics = pictures(ds, &font)?;
    let mut problems = Vec::new();
    for p in &pics {
        let path = dir.join(&p.file);
        let Ok(bytes) = std::fs::read(&path) else {
            problems.push(format!("{}: missing", path.display()));
            continue;
        };
        match decode_png(&bytes) {
            Err(e) => problems.push(format!("{}: not a PNG ({e})", path.display())),
            Ok((size, rgb)) => {
                if size != p.size {
                    problems.push(format!("{}: {size:?}, not {:?}", path.display(), p.size));
                }
                let drawn = ink(&rgb);
                if drawn < MIN_INK {
                    problems.push(format!(
                        "{}: blank ({:.1} % of the pixels drawn)",
                        path.display(),
                        drawn * 100.0
                    ));
                }
            }
        }
        if bytes != p.png {
            problems.push(format!(
                "{}: stale (the data or the drawing changed since it was made)",
                path.display()
            ));
        }
    }
    let path = dir.join("fallbacks.json");
    match std::fs::read_to_string(&path) {
        Ok(text) if text == manifest(ds, &pics) => {}
        Ok(_) => problems.push(format!("{}: stale", path.display())),
        Err(_) => problems.push(format!("{}: missing", path.display())),
    }
    if problems.is_empty() {
        println!(
            "{}: {} pictures and fallbacks.json are current",
            dir.display(),
            pics.len()
        );
        Ok(())
    } else {
        Err(format!(
            "{} problem{} with the fallback pictures (run scripts/build.sh):\n{}",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" },
            problems.join("\n")
        ))
    }
}

/// The `<img>` of a picture, for pages (HTML-escaped alt text).
#[allow(dead_code)]
pub fn img(p: &Picture, src: &str) -> String {
    format!(
        "<img src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{}\">",
        esc(src),
        p.size.0,
        p.size.1,
        esc(&p.alt)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use trade_widget::core::builtin::BUILTIN_JSON;
    use trade_widget::core::load::load;

    #[test]
    fn every_picture_is_drawn_with_text_and_its_alt_comes_from_the_data() {
        let Ok(font) = load_font() else {
            eprintln!("no font: the pictures are checked by the build's check-images instead");
            return;
        };
        let ds = load(BUILTIN_JSON).unwrap();
        let pics = pictures(&ds, &font).unwrap();
        assert_eq!(pics.len(), 2 * (1 + ds.flows.len() + 3));
        for p in &pics {
            let (size, rgb) = decode_png(&p.png).unwrap();
            assert_eq!(size, p.size, "{}", p.file);
            assert!(ink(&rgb) > MIN_INK, "{} is blank", p.file);
            assert!(p.alt.len() > 40, "{}: {}", p.file, p.alt);
        }
        let ev = pics
            .iter()
            .find(|p| p.file == "calculator-cn-ev-to-ca-en.png")
            .unwrap();
        assert!(
            ev.alt.contains("106.1%") && ev.alt.contains("6.1%"),
            "{}",
            ev.alt
        );
        let tl = pics.iter().find(|p| p.file == "timeline-fr.png").unwrap();
        assert!(tl.alt.contains("Chronologie") && tl.alt.contains(&ds.events.len().to_string()));
        // The same drawing gives the same bytes: what check-images relies on.
        assert_eq!(pictures(&ds, &font).unwrap()[0].png, pics[0].png);
    }
}
