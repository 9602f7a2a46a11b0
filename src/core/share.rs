//! The calculator's state in the page's URL fragment, for readers who share
//! a link (opt-in with the `share-state` attribute).
//!
//! The fragment may hold other things (an anchor, another widget's state):
//! each widget owns its own pairs and leaves the rest as it found it. A
//! widget's key ([`widget_key`]) is `tw-<element id>` when the element has
//! an id, else `tw` for the first `<trade-widget>` of the page, `tw2`,
//! `tw3`… for the second, third… (by position among all of the page's
//! `<trade-widget>` elements). The calculator's state is under the key
//! itself, the timeline's chosen event under `<key>.event` ([`event_key`]):
//! `#tw=cn-ev-to-ca|40000|CAD|2026-03-02|1|0&tw2.event=deal-announced`.

/// The fields kept, in order, separated by `|`.
pub const FIELDS: usize = 6;

/// `fragment` (without `#`) with `key` set to `value` (percent-encoded by
/// the caller), other pairs and a leading anchor kept in place.
pub fn with_pair(fragment: &str, key: &str, value: &str) -> String {
    let mut found = false;
    let mut parts: Vec<String> = fragment
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            if p.split('=').next() == Some(key) && p.contains('=') {
                found = true;
                format!("{key}={value}")
            } else {
                p.to_string()
            }
        })
        .collect();
    if !found {
        parts.push(format!("{key}={value}"));
    }
    parts.join("&")
}

/// The value of `key` in `fragment` (without `#`), still percent-encoded.
pub fn pair<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    fragment
        .split('&')
        .find_map(|p| p.strip_prefix(key).and_then(|rest| rest.strip_prefix('=')))
}

/// The widget's key: `tw`, or `tw-<id>` when the element has an id, so two
/// shared widgets on one page keep their own state.
pub fn key(element_id: &str) -> String {
    let id: String = element_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if id.is_empty() {
        "tw".into()
    } else {
        format!("tw-{id}")
    }
}

/// `fragment` without `key`'s pair (the other pairs kept in order).
pub fn without_pair(fragment: &str, key: &str) -> String {
    fragment
        .split('&')
        .filter(|p| !p.is_empty() && pair(p, key).is_none())
        .collect::<Vec<_>>()
        .join("&")
}

/// The key of the `index`-th (from 1) `<trade-widget>` of a page, or of the
/// one with id `element_id`: see the module notes.
pub fn widget_key(element_id: &str, index: usize) -> String {
    let by_id = key(element_id);
    match (by_id.as_str(), index) {
        ("tw", 0 | 1) => by_id,
        ("tw", n) => format!("tw{n}"),
        _ => by_id,
    }
}

/// The key of the timeline's chosen event for a widget of key `key`.
pub fn event_key(key: &str) -> String {
    format!("{key}.event")
}

/// A value in minor units as a link writes it, read alike in English and
/// French: `4000000` → `40000`, `4000050` → `40000.50`.
pub fn value_text(minor: i64) -> String {
    let (major, cents) = (minor / 100, (minor % 100).abs());
    if cents == 0 {
        major.to_string()
    } else {
        format!("{major}.{cents:02}")
    }
}

/// Joins the state's fields; `|` inside a field is dropped (no field needs it).
pub fn encode(fields: [&str; FIELDS]) -> String {
    fields
        .iter()
        .map(|f| f.replace('|', ""))
        .collect::<Vec<_>>()
        .join("|")
}

/// Splits a decoded state back into its fields, or `None` if it is not one.
pub fn decode(state: &str) -> Option<[String; FIELDS]> {
    let parts: Vec<&str> = state.split('|').collect();
    let arr: [&str; FIELDS] = parts.try_into().ok()?;
    Some(arr.map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_anchors_and_other_widgets() {
        assert_eq!(with_pair("", "tw", "a"), "tw=a");
        assert_eq!(with_pair("story", "tw", "a"), "story&tw=a");
        assert_eq!(
            with_pair("story&tw=old&tw-b=x", "tw", "new"),
            "story&tw=new&tw-b=x"
        );
        assert_eq!(with_pair("tw-b=x", "tw", "y"), "tw-b=x&tw=y");
        assert_eq!(pair("story&tw=abc&tw-b=x", "tw"), Some("abc"));
        assert_eq!(pair("story&tw=abc&tw-b=x", "tw-b"), Some("x"));
        assert_eq!(pair("story", "tw"), None);
        assert_eq!(pair("twx=1", "tw"), None);
    }

    #[test]
    fn round_trips_the_state() {
        let s = encode(["cn-ev-to-ca", "40 000,50", "CAD", "2026-03-02", "1", "0"]);
        assert_eq!(decode(&s).unwrap()[1], "40 000,50");
        assert_eq!(decode("a|b"), None);
        assert_eq!(key(""), "tw");
        assert_eq!(key("calc 1\"<"), "tw-calc1");
    }

    #[test]
    fn each_widget_has_its_own_keys() {
        assert_eq!(widget_key("", 1), "tw");
        assert_eq!(widget_key("", 2), "tw2");
        assert_eq!(widget_key("calc", 2), "tw-calc");
        assert_eq!(widget_key("2", 1), "tw-2");
        assert_eq!(event_key("tw2"), "tw2.event");
        // The event's pair is not the state's, nor another widget's.
        let f = with_pair("tw=a&tw2=b", &event_key("tw"), "e1");
        assert_eq!(f, "tw=a&tw2=b&tw.event=e1");
        assert_eq!(pair(&f, "tw"), Some("a"));
        assert_eq!(pair(&f, "tw.event"), Some("e1"));
        assert_eq!(pair(&f, "tw2.event"), None);
        assert_eq!(without_pair(&f, "tw.event"), "tw=a&tw2=b");
        assert_eq!(without_pair("story&tw=a", "tw"), "story");
        assert_eq!(without_pair("", "tw"), "");
        assert_eq!(value_text(4_000_000), "40000");
        assert_eq!(value_text(4_000_050), "40000.50");
        assert_eq!(value_text(5), "0.05");
    }
}
