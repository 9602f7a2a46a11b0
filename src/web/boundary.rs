//! What crosses the JS boundary: the options the loader passes at mount,
//! `setState` patches, and the objects `getState()` returns. Everything a
//! page gives is read defensively (any JS value may arrive) and turned into
//! the core's types; nothing here panics on what a page sends.

use crate::core::form::{FieldError, InputFields};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// A JS `Error` with `msg`, for a rejected call.
pub fn err(msg: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&msg.to_string()).into()
}

/// Reads `key` of a plain JS object as text: strings as they are, numbers
/// written out (`setState({value: 40000})` and `{value: "40 000"}` both
/// work), anything else as absent.
fn prop(obj: &JsValue, key: &str) -> Option<String> {
    let v = js_sys::Reflect::get(obj, &JsValue::from_str(key)).ok()?;
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    let n = v.as_f64()?;
    Some(if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        // JavaScript's own number to text (`12.5`, `NaN`), which the value
        // parser then judges; Rust's float printing is not in the bundle.
        String::from(js_sys::Number::from(n).to_string_with_radix(10).ok()?)
    })
}

/// The calculator fields and the theme, by their JS names.
fn read_fields(o: &JsValue) -> (InputFields, Option<String>) {
    let fields = InputFields {
        flow: prop(o, "flow"),
        value: prop(o, "value"),
        currency: prop(o, "currency"),
        date: prop(o, "date"),
        quantity: prop(o, "quantity"),
        quota_used: prop(o, "quotaUsed"),
        compare: prop(o, "compareDate"),
    };
    (fields, prop(o, "theme"))
}

/// What the loader passes from the element's attributes.
#[derive(Default)]
pub struct Options {
    pub view: Option<String>,
    pub lang: Option<String>,
    pub share_state: bool,
    /// An inline `<script type="application/json">` dataset.
    pub data: Option<String>,
    /// The same, checked and packed by the reader module (`dataBytes`).
    pub data_bytes: Option<Vec<u8>>,
    pub fields: InputFields,
    pub theme: Option<String>,
}

impl Options {
    pub fn read(o: &JsValue) -> Options {
        if !o.is_object() {
            return Options::default();
        }
        let (fields, theme) = read_fields(o);
        Options {
            view: prop(o, "view"),
            lang: prop(o, "lang"),
            share_state: js_sys::Reflect::get(o, &"shareState".into()).is_ok_and(|v| v.is_truthy()),
            data: prop(o, "data"),
            data_bytes: js_sys::Reflect::get(o, &"dataBytes".into())
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
                .map(|a| a.to_vec()),
            fields,
            theme,
        }
    }
}

/// The keys `setState` takes. `lang` is not one: the loader's `setState`
/// re-mounts the widget in the new language and keeps the state.
pub const PATCH_KEYS: [&str; 8] = [
    "flow",
    "value",
    "currency",
    "date",
    "quantity",
    "quotaUsed",
    "compareDate",
    "theme",
];

/// `element.setState(patch)`: any subset of the state.
pub struct StatePatch {
    pub fields: InputFields,
    pub theme: Option<String>,
}

impl StatePatch {
    /// Reads a patch; an unknown key rejects the whole patch, naming it.
    pub fn read(o: &JsValue) -> Result<StatePatch, JsValue> {
        if !o.is_object() {
            return Err(err(
                "setState takes an object, e.g. { date: \"2026-03-02\" }",
            ));
        }
        let obj: &js_sys::Object = o.unchecked_ref();
        let keys: js_sys::Array = js_sys::Object::keys(obj);
        for key in keys.iter().filter_map(|k: JsValue| k.as_string()) {
            if key == "lang" {
                return Err(err(
                    "setState: \"lang\" is handled by the <trade-widget> element (el.setState({ lang: \"fr\" })), not by the module",
                ));
            }
            if !PATCH_KEYS.contains(&key.as_str()) {
                return Err(err(format!(
                    "setState: unknown field \"{key}\"; expected one of {}",
                    PATCH_KEYS.join(", ")
                )));
            }
        }
        let (fields, theme) = read_fields(o);
        Ok(StatePatch { fields, theme })
    }
}

/// `element.getState()`, and the `detail` of `trade-widget-change`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicState<'a> {
    pub flow: &'a str,
    pub value: &'a str,
    pub currency: &'a str,
    pub date: &'a str,
    pub quantity: &'a str,
    pub quota_used: &'a str,
    pub compare_date: &'a str,
    pub lang: &'a str,
    pub view: &'a str,
    pub theme: &'a str,
    pub errors: Vec<(&'a str, &'a str)>,
}

/// Field errors as `[[field, message], …]`, as `setState` returns them.
pub fn error_pairs(errors: &[FieldError]) -> Vec<(&'static str, &'static str)> {
    errors.iter().map(|e| (e.field.name(), e.message)).collect()
}

/// A value as a plain JS object (maps as objects, not `Map`s).
pub fn to_js(value: &impl Serialize) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(err)
}
