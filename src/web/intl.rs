//! Numbers, money and dates formatted by the browser's Intl, in the reader's
//! locale (`C$2,440.00` / `2 440,00 $`, `March 2, 2026` / `2 mars 2026`).

use crate::core::date::Date;
use crate::core::format::Formats;
use crate::core::model::Lang;
use crate::core::money::{Currency, Rate, MINOR_PER_MAJOR};
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// Intl formatters for one language, built once per widget (constructing
/// an Intl object costs far more than formatting with one).
pub struct IntlFormats {
    lang: Lang,
    money: [Intl::NumberFormat; 3],
    percent: Intl::NumberFormat,
    /// Plain numbers with up to four decimals: unit counts, exchange rates.
    number: Intl::NumberFormat,
    day: Intl::DateTimeFormat,
    month: Intl::DateTimeFormat,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

impl IntlFormats {
    pub fn new(lang: Lang) -> IntlFormats {
        let locales = Array::of1(&JsValue::from_str(lang.tag()));
        let money = Currency::ALL.map(|c| {
            Intl::NumberFormat::new(
                &locales,
                &options(&[
                    ("style", "currency".into()),
                    ("currency", c.code().into()),
                    ("minimumFractionDigits", 2.into()),
                ]),
            )
        });
        let percent = Intl::NumberFormat::new(
            &locales,
            &options(&[
                ("style", "percent".into()),
                ("maximumFractionDigits", 2.into()),
            ]),
        );
        let number =
            Intl::NumberFormat::new(&locales, &options(&[("maximumFractionDigits", 4.into())]));
        let day = Intl::DateTimeFormat::new(
            &locales,
            &options(&[("dateStyle", "long".into()), ("timeZone", "UTC".into())]),
        );
        let month = Intl::DateTimeFormat::new(
            &locales,
            &options(&[
                ("year", "numeric".into()),
                ("month", "long".into()),
                ("timeZone", "UTC".into()),
            ]),
        );
        IntlFormats {
            lang,
            money,
            percent,
            number,
            day,
            month,
        }
    }

    fn js_date(date: Date) -> js_sys::Date {
        // Midnight UTC of the civil day, formatted in UTC: no time zone can
        // move it to the day before.
        js_sys::Date::new(&JsValue::from_f64(f64::from(date.days()) * 86_400_000.0))
    }
}

fn call_format(f: &js_sys::Function, v: &JsValue) -> String {
    f.call1(&JsValue::NULL, v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// Joins the `{type, value}` parts of an Intl `formatToParts`, letting
/// `edit` rewrite any part by its type.
fn join_parts(parts: &Array, edit: impl Fn(&str, String) -> String) -> String {
    let field = |part: &JsValue, name: &str| {
        Reflect::get(part, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    parts
        .iter()
        .map(|part| edit(&field(&part, "type"), field(&part, "value")))
        .collect()
}

impl Formats for IntlFormats {
    fn month_year(&self, date: Date) -> String {
        call_format(&self.month.format(), &Self::js_date(date).into())
    }

    /// `49,000` / `49 000`, `1.3698` / `1,3698`.
    fn decimal(&self, scaled: i64, decimals: u32) -> String {
        let n = scaled as f64 / 10f64.powi(decimals as i32);
        call_format(&self.number.format(), &JsValue::from_f64(n))
    }

    fn money(&self, minor: i64, currency: Currency) -> String {
        let idx = Currency::ALL
            .iter()
            .position(|c| *c == currency)
            .unwrap_or(0);
        let value = minor as f64 / MINOR_PER_MAJOR as f64;
        let text = call_format(&self.money[idx].format(), &JsValue::from_f64(value));
        // en-CA writes Canadian dollars as a bare "$"; a reader of an
        // international story needs "C$". (One string call, not formatToParts:
        // the calculator formats a dozen amounts per keystroke.)
        if currency == Currency::CAD && self.lang == Lang::En && !text.contains("C$") {
            return text.replacen('$', "C$", 1);
        }
        text
    }

    fn percent(&self, rate: Rate) -> String {
        call_format(
            &self.percent.format(),
            &JsValue::from_f64(rate.bp() as f64 / 10_000.0),
        )
    }

    fn date(&self, date: Date) -> String {
        if self.lang == Lang::Fr && date.ymd().2 == 1 {
            // French writes the first of the month as an ordinal, « 1er mars
            // 2026 »; Intl writes « 1 mars 2026 ».
            return join_parts(
                &self.day.format_to_parts(&Self::js_date(date)),
                |kind, text| {
                    if kind == "day" {
                        format!("{text}er")
                    } else {
                        text
                    }
                },
            );
        }
        call_format(&self.day.format(), &Self::js_date(date).into())
    }
}

/// Today in the reader's time zone, as a civil date.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}
