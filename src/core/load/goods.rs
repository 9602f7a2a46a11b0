//! Which goods a flow covers: its HS `headings`, its one-line `scope`, the
//! `schedule` that lists the goods, and the `keywords` a reader may search the
//! picker with. Read with the flow (pass 2) and checked here (pass 3), each
//! problem naming the flow.
//!
//! All four are optional, so a page's own data written before them still
//! loads; the built-in file gives every flow a scope, a schedule and keywords
//! in both languages (`tests/goods.rs` holds it to that). The free-text `hs`
//! they replaced is still accepted, with a warning.

use super::read::{Fields, RawSource, RawText};
use super::rules::Checker;
use super::sources::SourceRules;
use crate::core::model::{Keywords, Source, SourceKind, Text};
use std::collections::HashSet;

/// A scope is one line under the picker.
const SCOPE_MAX_CHARS: usize = 200;
/// A keyword is a word or two a reader types.
const KEYWORD_MAX_CHARS: usize = 40;

/// A flow's goods fields as read, before their rules are checked.
pub(super) struct RawGoods {
    headings: Vec<String>,
    scope: Option<RawText>,
    schedule: Option<RawSource>,
    keywords: Option<(Vec<String>, Vec<String>)>,
    /// The free-text field `headings` and `scope` replaced (data version 5).
    legacy_hs: bool,
}

/// A flow's goods fields, checked.
pub(super) struct Goods {
    pub headings: Vec<String>,
    pub scope: Option<Text>,
    pub schedule: Option<Source>,
    pub keywords: Keywords,
}

/// Reads `headings`, `scope`, `schedule`, `keywords` (and the old `hs`) of a flow.
pub(super) fn read_goods(c: &mut Checker, f: &mut Fields) -> RawGoods {
    let schedule = match f.raw("schedule") {
        Some(_) => f.source(c, "schedule"),
        None => None,
    };
    let keywords = f.raw("keywords").and_then(|v| {
        let mut k = Fields::new(c, f.at("keywords"), v)?;
        let lists = (k.strings(c, "en", false), k.strings(c, "fr", false));
        if !k.finish(c) {
            f.broken = true;
        }
        Some(lists)
    });
    RawGoods {
        headings: f.strings(c, "headings", false),
        scope: f.opt_text(c, "scope"),
        schedule,
        keywords,
        legacy_hs: f.opt_str(c, "hs").is_some(),
    }
}

/// Checks a flow's goods fields; `rec` names the flow in every message.
pub(super) fn goods(c: &mut Checker, src: &mut SourceRules, rec: &str, g: RawGoods) -> Goods {
    let mut seen = HashSet::new();
    for (i, h) in g.headings.iter().enumerate() {
        if !is_hs_code(h) {
            c.rule(
                rec,
                format!("headings[{i}] \"{h}\" is not an HS code: four digits, then pairs of digits after dots (\"8703\", \"8703.80\", \"1205.10.90\")"),
            );
        } else if !seen.insert(h.as_str()) {
            c.rule(rec, format!("headings[{i}] \"{h}\" is listed twice"));
        }
    }
    let scope = c.opt_text(rec, "scope", g.scope);
    if let Some(s) = &scope {
        for (lang, text) in [("en", &s.en), ("fr", &s.fr)] {
            let n = text.chars().count();
            if n > SCOPE_MAX_CHARS {
                c.rule(
                    rec,
                    format!("scope.{lang} is {n} characters: keep it to one line ({SCOPE_MAX_CHARS} at most)"),
                );
            }
        }
    }
    let schedule = g.schedule.map(|raw| {
        let bare = raw.bare;
        let s = src.one(c, rec, raw);
        if !bare && s.kind != SourceKind::Primary {
            c.rule(
                rec,
                format!("schedule \"{}\" is kind \"{}\": the tariff schedule or legal list is a primary text (kind \"primary\")", s.url, s.kind.name()),
            );
        }
        s
    });
    let (en, fr) = g.keywords.unwrap_or_default();
    for (lang, list) in [("en", &en), ("fr", &fr)] {
        for (i, k) in list.iter().enumerate() {
            let n = k.trim().chars().count();
            if n == 0 {
                c.rule(rec, format!("keywords.{lang}[{i}] is empty"));
            } else if n > KEYWORD_MAX_CHARS {
                c.rule(
                    rec,
                    format!("keywords.{lang}[{i}] \"{k}\" is {n} characters: a keyword is a word or two ({KEYWORD_MAX_CHARS} at most)"),
                );
            }
        }
    }
    if g.legacy_hs {
        c.warn(
            rec,
            "hs is no longer read: give the flow's HS codes as \"headings\" and say which goods count in \"scope\" (see data/README.md)",
        );
    }
    Goods {
        headings: g.headings,
        scope,
        schedule,
        keywords: Keywords { en, fr },
    }
}

/// "8703", "8703.80", "1205.10.90", "8703.80.00.10": four digits, then up to
/// three pairs, each after a dot.
fn is_hs_code(code: &str) -> bool {
    let mut parts = code.split('.');
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let head = parts.next().is_some_and(|p| digits(p, 4));
    let rest: Vec<&str> = parts.collect();
    head && rest.len() <= 3 && rest.iter().all(|p| digits(p, 2))
}

#[cfg(test)]
mod tests {
    use super::is_hs_code;

    #[test]
    fn hs_codes() {
        for ok in ["8703", "8703.80", "1205.10.90", "8703.80.00.10"] {
            assert!(is_hs_code(ok), "{ok}");
        }
        for bad in [
            "",
            "870",
            "87038",
            "8703.8",
            "8703.800",
            "87.03",
            "8703.",
            "abcd",
            "8703.80.00.10.20",
        ] {
            assert!(!is_hs_code(bad), "{bad}");
        }
    }
}
