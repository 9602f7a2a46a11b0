//! Which goods count: searching the flow picker by a product word or an HS
//! code, the picker's order, the search's status line and the chosen flow's
//! goods line ("HS 8703.80 · Electric and certain hybrid cars…").
//!
//! Matching folds case and the accents of French (and the other Latin-1
//! accented letters) by a table of its own rather than Unicode's case tables,
//! which would add kilobytes to the wasm for nothing a reader types here (see
//! `summary::de_noun`). Every query word must match; a word matches when it
//! begins a word of the flow's name (English and French), its keywords
//! (English and French) or its scope (in the widget's language). A code,
//! digits with or without dots ("8703", "1205.10"), matches a heading it
//! begins, or that begins it ("870380" is in "8703.80"; "1205109000" is in
//! "1205.10"), or a number in those texts.

use super::i18n::{fill, Lang, Msg};
use super::model::{Dataset, Flow};

/// The flow picker's groups, by destination, in the order they are listed.
pub const PICKER_GROUPS: [(&str, Msg); 3] = [
    ("CA", Msg::GroupToCa),
    ("CN", Msg::GroupToCn),
    ("US", Msg::GroupToUs),
];

/// The flows in the picker's order: grouped by destination, each group in
/// the data's order.
pub fn picker_order(ds: &Dataset) -> impl Iterator<Item = &Flow> {
    PICKER_GROUPS
        .iter()
        .flat_map(move |(dest, _)| ds.flows.iter().filter(move |f| f.destination == *dest))
}

/// What a reader typed, split into product words and HS codes.
struct Query {
    words: Vec<String>,
    /// Codes as digits only ("8703.80" → "870380").
    codes: Vec<String>,
}

impl Query {
    fn parse(text: &str) -> Query {
        let mut q = Query {
            words: Vec::new(),
            codes: Vec::new(),
        };
        for raw in text.split(|c: char| c.is_ascii_whitespace() || matches!(c, ',' | ';')) {
            let is_code = raw.bytes().any(|b| b.is_ascii_digit())
                && raw.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            if is_code {
                q.codes.push(raw.replace('.', ""));
            } else {
                q.words.extend(words(raw));
            }
        }
        // "HS 8703", « SH 8703 »: the code's name is not a product word.
        if !q.codes.is_empty() {
            q.words
                .retain(|w| !matches!(w.as_str(), "hs" | "sh" | "hts"));
        }
        q
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty() && self.codes.is_empty()
    }
}

/// The words of `text`, lowercase, without accents.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if !fold(c, &mut word) && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Appends `c` as matched (lowercase, accents removed) and returns true, or
/// returns false for what separates words. Characters of other scripts are
/// kept as they are.
fn fold(c: char, word: &mut String) -> bool {
    if c.is_ascii() {
        let ok = c.is_ascii_alphanumeric();
        if ok {
            word.push(c.to_ascii_lowercase());
        }
        return ok;
    }
    let folded = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ÿ' | 'Ÿ' => "y",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        // Apostrophes, quotes, dashes and spaces of French typography.
        '’' | '‘' | '«' | '»' | '“' | '”' | '–' | '—' | '·' | '\u{a0}' | '\u{202f}' => {
            return false
        }
        _ => {
            word.push(c);
            return true;
        }
    };
    word.push_str(folded);
    true
}

/// Whether `flow` is found by `query` in a widget in `lang`. An empty query
/// finds every flow.
pub fn matches(flow: &Flow, query: &str, lang: Lang) -> bool {
    query_matches(flow, &Query::parse(query), lang)
}

fn query_matches(flow: &Flow, q: &Query, lang: Lang) -> bool {
    if q.is_empty() {
        return true;
    }
    let mut hay: Vec<String> = Vec::new();
    for text in [&flow.name.en, &flow.name.fr]
        .into_iter()
        .chain(flow.keywords.en.iter())
        .chain(flow.keywords.fr.iter())
        .chain(
            flow.scope
                .as_ref()
                .map(|s| s.get(lang).to_string())
                .as_ref(),
        )
    {
        hay.extend(words(text));
    }
    let in_text = |w: &str| hay.iter().any(|h| h.starts_with(w));
    let in_headings = |code: &str| {
        flow.headings.iter().any(|h| {
            let h = h.replace('.', "");
            h.starts_with(code) || code.starts_with(h.as_str())
        })
    };
    q.words.iter().all(|w| in_text(w)) && q.codes.iter().all(|c| in_headings(c) || in_text(c))
}

/// The flows `query` finds, in the picker's order.
pub fn search<'a>(ds: &'a Dataset, query: &str, lang: Lang) -> Vec<&'a Flow> {
    let q = Query::parse(query);
    picker_order(ds)
        .filter(|f| query_matches(f, &q, lang))
        .collect()
}

/// What the search's status line says when `found` flows match `query`:
/// nothing while the query is empty.
pub fn status(query: &str, found: usize, lang: Lang) -> String {
    let query = query.trim();
    match found {
        _ if query.is_empty() => String::new(),
        0 => fill(Msg::SearchNone.text(lang), &[("query", query)]),
        1 => Msg::SearchOne.text(lang).to_string(),
        n => fill(Msg::SearchMany.text(lang), &[("n", &n.to_string())]),
    }
}

/// The chosen flow's goods line in `lang`: "HS 8703.80 · " and the scope, the
/// scope alone when no heading is confirmed, `None` when the data says
/// neither (a page's own flow may not).
pub fn goods_text(flow: &Flow, lang: Lang) -> Option<String> {
    let codes = (!flow.headings.is_empty()).then(|| {
        fill(
            Msg::GoodsCodes.text(lang),
            &[("codes", &flow.headings.join(", "))],
        )
    });
    let scope = flow.scope.as_ref().map(|s| s.get(lang));
    match (codes, scope) {
        (Some(c), Some(s)) => Some(format!("{c} · {s}")),
        (Some(c), None) => Some(c),
        (None, Some(s)) => Some(s.to_string()),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::dataset as ds;

    fn ids(ds: &Dataset, query: &str, lang: Lang) -> Vec<String> {
        search(ds, query, lang)
            .into_iter()
            .map(|f| f.id.clone())
            .collect()
    }

    #[test]
    fn an_hs_code_finds_the_flow_by_its_heading() {
        let ds = ds();
        for q in [
            "8703",
            "8703.80",
            "870380",
            "8703.80.00",
            "HS 8703",
            "SH 8703",
        ] {
            assert_eq!(ids(&ds, q, Lang::En), ["cn-ev-to-ca"], "{q}");
        }
        assert_eq!(ids(&ds, "1205", Lang::En), ["ca-canola-seed-to-cn"]);
        assert_eq!(ids(&ds, "1205.10.90", Lang::Fr), ["ca-canola-seed-to-cn"]);
        assert_eq!(ids(&ds, "2306.41", Lang::En), ["ca-canola-meal-to-cn"]);
        assert!(ids(&ds, "9999", Lang::En).is_empty());
    }

    #[test]
    fn product_words_in_either_language_find_the_flow() {
        let ds = ds();
        for (q, lang) in [
            ("rapeseed", Lang::En),
            ("colza", Lang::En),
            ("colza", Lang::Fr),
            ("Rapeseed", Lang::Fr),
        ] {
            let found = ids(&ds, q, lang);
            assert_eq!(
                found.first().map(String::as_str),
                Some("ca-canola-seed-to-cn"),
                "{q}"
            );
            assert!(
                found.iter().all(|id| id.starts_with("ca-canola")),
                "{q}: {found:?}"
            );
        }
        assert_eq!(
            ids(&ds, "rapeseed meal", Lang::En),
            ["ca-canola-meal-to-cn"]
        );
        assert_eq!(
            ids(&ds, "acier", Lang::En),
            ["cn-steel-to-ca", "ca-steel-to-us"]
        );
        assert_eq!(
            ids(&ds, "ACIER", Lang::Fr),
            ["cn-steel-to-ca", "ca-steel-to-us"]
        );
        assert_eq!(
            ids(&ds, "steel", Lang::Fr),
            ["cn-steel-to-ca", "ca-steel-to-us"]
        );
        assert_eq!(ids(&ds, "pork", Lang::En), ["ca-pork-to-cn"]);
        assert_eq!(ids(&ds, "porc", Lang::En), ["ca-pork-to-cn"]);
        assert!(ids(&ds, "EV", Lang::En).contains(&"cn-ev-to-ca".to_string()));
    }

    #[test]
    fn accents_and_case_are_folded() {
        let ds = ds();
        let ev = ["cn-ev-to-ca"];
        assert_eq!(ids(&ds, "véhicule électrique", Lang::Fr), ev);
        assert_eq!(ids(&ds, "VEHICULE ELECTRIQUE", Lang::En), ev);
        assert_eq!(ids(&ds, "Véhicule Électrique", Lang::En), ev);
        assert_eq!(ids(&ds, "crustaces", Lang::En), ["ca-lobster-to-cn"]);
        assert_eq!(words("Œuf d’État « ça »"), ["oeuf", "d", "etat", "ca"]);
    }

    #[test]
    fn an_empty_query_finds_every_flow_in_the_pickers_order() {
        let ds = ds();
        let all: Vec<String> = picker_order(&ds).map(|f| f.id.clone()).collect();
        assert_eq!(all.len(), ds.flows.len());
        assert_eq!(ids(&ds, "", Lang::En), all);
        assert_eq!(ids(&ds, "  ", Lang::Fr), all);
        let dests: Vec<&str> = picker_order(&ds).map(|f| f.destination.as_str()).collect();
        let mut sorted = dests.clone();
        sorted.sort_by_key(|d| PICKER_GROUPS.iter().position(|(g, _)| g == d));
        assert_eq!(dests, sorted);
    }

    #[test]
    fn nonsense_finds_nothing_and_nothing_panics() {
        let ds = ds();
        for q in [
            "zzz",
            "8703 pork",
            ".",
            "...",
            "é",
            "中国",
            "\u{0}",
            "🦞",
            "1.2.3.4.5.6",
        ] {
            let _ = search(&ds, q, Lang::En);
        }
        assert!(ids(&ds, "zzz", Lang::En).is_empty());
        assert!(ids(&ds, "8703 pork", Lang::En).is_empty());
    }

    #[test]
    fn status_lines() {
        assert_eq!(status("", 14, Lang::En), "");
        assert_eq!(status("acier", 2, Lang::Fr), "2 flux correspondent");
        assert_eq!(status("8703", 1, Lang::En), "1 trade flow matches");
        assert_eq!(status("acier", 2, Lang::En), "2 trade flows match");
        assert!(status(" zzz ", 0, Lang::En).contains("“zzz”"));
        assert!(status("zzz", 0, Lang::Fr).contains("« zzz »"));
    }

    #[test]
    fn goods_lines() {
        let ds = ds();
        let ev = ds.flow("cn-ev-to-ca").unwrap();
        let en = goods_text(ev, Lang::En).unwrap();
        assert!(
            en.starts_with("HS\u{a0}8703.80 · Electric and certain hybrid"),
            "{en}"
        );
        let fr = goods_text(ev, Lang::Fr).unwrap();
        assert!(fr.starts_with("SH\u{a0}8703.80 · Voitures"), "{fr}");
        let seed = ds.flow("ca-canola-seed-to-cn").unwrap();
        assert!(goods_text(seed, Lang::En)
            .unwrap()
            .starts_with("HS\u{a0}1205.10, 1205.90 · "));
        let pork = ds.flow("ca-pork-to-cn").unwrap();
        assert!(goods_text(pork, Lang::En)
            .unwrap()
            .starts_with("Pork from Canada"));
        let mut bare = pork.clone();
        bare.scope = None;
        assert_eq!(goods_text(&bare, Lang::En), None);
    }
}
