//! Links to what a widget shows: the calculator's state and the timeline's
//! chosen event in the URL fragment, under keys of this widget's own (so
//! anchors and other widgets' pairs in the same fragment are kept). The
//! keys and the encoding are [`crate::core::share`].
//!
//! A link is read at mount whether or not the element has `share-state`
//! ("Copy link" works on every page); with `share-state` the calculator
//! also keeps its state in the address as the reader changes it. A state
//! that does not read, or an event the data does not have, is said in the
//! widget's notice line and changes nothing.

use super::state::State;
use crate::core::form::InputFields;
use crate::core::i18n::{fill, Msg};
use crate::core::money::parse_amount;
use crate::core::share;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlElement};

/// A pair's value as the link carries it, percent-decoded (`None` when the
/// encoding is broken).
fn decode(encoded: &str) -> Option<String> {
    js_sys::decode_uri_component(encoded).ok()?.as_string()
}

impl State {
    /// The key of the widget on `host`: from its id, else from its position
    /// among the page's `<trade-widget>` elements (read once, at mount).
    pub fn fragment_key(host: &HtmlElement, doc: &Document) -> String {
        let mut index = 1;
        if let Ok(all) = doc.query_selector_all("trade-widget") {
            for i in 0..all.length() {
                if all.item(i).is_some_and(|n| n.is_same_node(Some(host))) {
                    index = i as usize + 1;
                }
            }
        }
        share::widget_key(&host.id(), index)
    }

    /// The URL fragment without `#`.
    fn fragment(&self) -> Option<String> {
        let hash = web_sys::window()?.location().hash().ok()?;
        Some(hash.trim_start_matches('#').to_string())
    }

    /// The calculator's state as a link carries it (percent-encoded): the
    /// value written plainly (`40000.50`) when it reads, so that a link made
    /// in one language opens in the other.
    pub fn share_value(&self) -> String {
        let i = &self.inputs;
        let value = parse_amount(&i.value, self.lang).map_or(i.value.clone(), share::value_text);
        let state = share::encode([
            i.flow.as_str(),
            &value,
            i.currency.code(),
            &i.date,
            &i.quantity,
            &i.quota_used,
        ]);
        js_sys::encode_uri_component(&state).into()
    }

    /// The page's address with `fragment` as its fragment.
    pub fn address_with(&self, fragment: &str) -> Option<String> {
        let href = web_sys::window()?.location().href().ok()?;
        let base = href.split('#').next().unwrap_or(&href);
        Some(if fragment.is_empty() {
            base.to_string()
        } else {
            format!("{base}#{fragment}")
        })
    }

    /// A link to this widget as it is now: the calculator's state, or (with
    /// `event`) the timeline's chosen event, if any.
    pub fn link(&self, event: bool) -> Option<String> {
        let fragment = self.fragment()?;
        let key = &self.takeaway.key;
        let next = if event {
            let ek = share::event_key(key);
            let chosen = self.tl.open.or(self.tl.focused);
            match chosen.and_then(|i| self.ds.events.get(i)) {
                Some(e) => share::with_pair(
                    &fragment,
                    &ek,
                    &String::from(js_sys::encode_uri_component(&e.id)),
                ),
                None => share::without_pair(&fragment, &ek),
            }
        } else {
            share::with_pair(&fragment, key, &self.share_value())
        };
        self.address_with(&next)
    }

    /// Takes what a link carries for this widget: the calculator's state,
    /// the timeline's event.
    pub fn restore_from_link(&mut self) {
        let Some(fragment) = self.fragment() else {
            return;
        };
        let key = self.takeaway.key.clone();
        if self.mode.has_calc() {
            if let Some(v) = share::pair(&fragment, &key) {
                self.restore_state(v);
            }
        }
        if self.mode.has_timeline() {
            if let Some(v) = share::pair(&fragment, &share::event_key(&key)) {
                self.restore_event(v);
            }
        }
    }

    /// Applies a link's calculator state, only if all of it reads.
    fn restore_state(&mut self, encoded: &str) {
        let mut inputs = self.inputs.clone();
        let read = match decode(encoded).as_deref().and_then(share::decode) {
            Some([flow, value, currency, date, quantity, quota_used]) => {
                let fields = InputFields {
                    flow: Some(flow),
                    value: Some(value),
                    currency: Some(currency),
                    date: Some(date),
                    quantity: Some(quantity),
                    quota_used: Some(quota_used),
                    compare: None,
                };
                inputs.apply(&self.ds, fields).is_empty()
                    && inputs.check(&self.ds, self.lang).errors.is_empty()
            }
            None => false,
        };
        if read {
            self.inputs = inputs;
        } else {
            self.notice(Msg::BadLinkState.text(self.lang));
        }
    }

    /// Opens a link's event (and moves the calculator to its date), or says
    /// the data has no such event.
    fn restore_event(&mut self, encoded: &str) {
        let id = decode(encoded).unwrap_or_else(|| encoded.to_string());
        match self.ds.events.iter().position(|e| e.id == id) {
            Some(i) => {
                self.choose_event(i);
                // Opening the page is not a change the page should hear of.
                self.notify = false;
            }
            None => {
                let shown: String = id.chars().take(80).collect();
                let msg = fill(Msg::UnknownEvent.text(self.lang), &[("value", &shown)]);
                self.notice(&msg);
            }
        }
    }

    /// With `share-state`, writes the state into the fragment after a change
    /// by the reader or the page (never on the first draw, so merely opening
    /// the page leaves its URL alone).
    pub fn write_hash(&self) {
        if !self.share_state || !self.errors.is_empty() || !self.notify {
            return;
        }
        let Some(fragment) = self.fragment() else {
            return;
        };
        let next = share::with_pair(&fragment, &self.takeaway.key, &self.share_value());
        if next != fragment {
            if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{next}")));
            }
        }
    }
}
