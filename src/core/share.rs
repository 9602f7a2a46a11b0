//! The calculator's state in the page's URL fragment, for readers who share
//! a link (opt-in with the `share-state` attribute).
//!
//! The fragment may hold other things (an anchor, another widget's state):
//! each widget owns one `key=value` pair, `tw` or `tw-<element id>`, and
//! leaves the rest as it found it.

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
}
