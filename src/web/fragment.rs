//! The `share-state` attribute: the calculator's state in the URL fragment,
//! under a key of this widget's own (so anchors and other widgets' state in
//! the same fragment are kept). The encoding is [`crate::core::share`].

use super::state::State;
use crate::core::form::InputFields;
use crate::core::share;
use wasm_bindgen::JsValue;

impl State {
    /// The URL fragment without `#`, and this widget's key in it.
    fn fragment(&self) -> Option<(String, String)> {
        let hash = web_sys::window()?.location().hash().ok()?;
        Some((
            hash.trim_start_matches('#').to_string(),
            share::key(&self.dom.host.id()),
        ))
    }

    /// Takes the state a shared link carries, if it has one for this widget.
    pub fn restore_from_hash(&mut self) {
        let Some((fragment, key)) = self.fragment() else {
            return;
        };
        let Some(encoded) = share::pair(&fragment, &key) else {
            return;
        };
        let decoded = js_sys::decode_uri_component(encoded)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        if let Some([flow, value, currency, date, quantity, quota_used]) = share::decode(&decoded) {
            let fields = InputFields {
                flow: Some(flow),
                value: Some(value),
                currency: Some(currency),
                date: Some(date),
                quantity: Some(quantity),
                quota_used: Some(quota_used),
                compare: None,
            };
            for rejected in self.inputs.apply(&self.ds, fields) {
                self.notice(&rejected.message(self.lang));
            }
        }
    }

    /// Writes the state into the fragment after a change by the reader or
    /// the page (never on the first draw, so merely opening the page leaves
    /// its URL alone).
    pub fn write_hash(&self) {
        if !self.share_state || !self.errors.is_empty() || !self.notify {
            return;
        }
        let Some((fragment, key)) = self.fragment() else {
            return;
        };
        let i = &self.inputs;
        let state = share::encode([
            i.flow.as_str(),
            &i.value,
            i.currency.code(),
            &i.date,
            &i.quantity,
            &i.quota_used,
        ]);
        let encoded = String::from(js_sys::encode_uri_component(&state));
        let next = share::with_pair(&fragment, &key, &encoded);
        if next != fragment {
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{next}")));
            }
        }
    }
}
