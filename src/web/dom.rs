//! The widget's DOM: the elements it finds once, and the helpers that write
//! to them.
//!
//! DOM writes that change nothing still cost: a new text node or a set
//! attribute sends the browser back to styling the widget, and in a redraw
//! per keystroke that styling was most of the time. So every helper here
//! writes only differences.

use super::intl::IntlFormats;
use crate::core::form::Field;
use crate::core::format::Formats;
use crate::core::model::{Lang, Source};
use crate::core::summary;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement, HtmlSelectElement,
    MediaQueryList, ShadowRoot,
};

/// The elements a widget works with.
pub struct Dom {
    pub doc: Document,
    /// The `<trade-widget>` element.
    pub host: HtmlElement,
    /// Its shadow root, which holds everything the widget draws.
    pub root: ShadowRoot,
    /// `(prefers-color-scheme: dark)` and `(forced-colors: active)`, kept:
    /// every draw asks them, and a new query list per draw was measurable.
    pub schemes: [Option<MediaQueryList>; 2],
    /// Each calculator field's message paragraph and control, found once.
    pub fields: Vec<FieldDom>,
}

/// A calculator field's message and control.
pub struct FieldDom {
    pub field: Field,
    pub message: Element,
    pub control: Option<Element>,
}

impl Dom {
    /// Finds the elements of the markup already in `root`.
    pub fn new(doc: Document, host: HtmlElement, root: ShadowRoot) -> Dom {
        let query = |q: &str| web_sys::window().and_then(|w| w.match_media(q).ok().flatten());
        let mut dom = Dom {
            doc,
            host,
            root,
            schemes: [
                query("(prefers-color-scheme: dark)"),
                query("(forced-colors: active)"),
            ],
            fields: Vec::new(),
        };
        dom.fields = Field::ALL
            .iter()
            .filter_map(|&field| {
                let name = field.name();
                Some(FieldDom {
                    field,
                    message: dom.q(&format!("[data-error-for=\"{name}\"]"))?,
                    control: dom.q(&format!("[name=\"{name}\"]")),
                })
            })
            .collect();
        dom
    }

    /// The first element matching `sel` in the shadow root.
    pub fn q(&self, sel: &str) -> Option<Element> {
        self.root.query_selector(sel).ok().flatten()
    }

    /// The `<input name=…>`.
    pub fn input(&self, name: &str) -> Option<HtmlInputElement> {
        self.q(&format!("[name=\"{name}\"]"))
            .and_then(|e| e.dyn_into().ok())
    }

    /// The `<select name=…>`.
    pub fn select(&self, name: &str) -> Option<HtmlSelectElement> {
        self.q(&format!("select[name=\"{name}\"]"))
            .and_then(|e| e.dyn_into().ok())
    }

    /// The canvas with `data-role=…`.
    pub fn canvas(&self, role: &str) -> Option<HtmlCanvasElement> {
        self.q(&format!("canvas[data-role=\"{role}\"]"))
            .and_then(|e| e.dyn_into().ok())
    }

    /// Sets the text of the element matching `sel`, if there is one.
    pub fn set_text(&self, sel: &str, text: &str) {
        if let Some(e) = self.q(sel) {
            write_text(&e, text);
        }
    }

    /// Creates `<tag>` with `text` as its text content.
    pub fn element(&self, tag: &str, text: &str) -> Result<HtmlElement, JsValue> {
        let el: HtmlElement = self.doc.create_element(tag)?.unchecked_into();
        if !text.is_empty() {
            el.set_text_content(Some(text));
        }
        Ok(el)
    }

    /// Appends `child` and a space after it (inline runs of links and labels).
    pub fn append_spaced(&self, parent: &Element, child: &Element) {
        let _ = parent.append_child(child);
        let _ = parent.append_child(&self.doc.create_text_node(" "));
    }

    /// A link to a source: its publisher and date as the text ("Canada
    /// Gazette, October 9, 2024", the date in the reader's language through
    /// Intl), the document's title as the link's title, and both as its
    /// accessible name (which starts with the visible text); opening in a
    /// new tab. `data-kind` says what kind of source it is (primary, press,
    /// reference).
    pub fn source_link(
        &self,
        s: &Source,
        fmt: &dyn Formats,
        lang: Lang,
    ) -> Result<Element, JsValue> {
        let a = self.doc.create_element("a")?;
        // Validation admits only https:// URLs; check again so a page's inline
        // data can never smuggle a javascript: link past us.
        if s.url
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
        {
            a.set_attribute("href", &s.url)?;
        }
        a.set_attribute("target", "_blank")?;
        a.set_attribute("rel", "noopener noreferrer")?;
        let t = summary::source_text(s, lang, fmt);
        a.set_text_content(Some(&t.text));
        if let Some(title) = &t.title {
            a.set_attribute("title", title)?;
        }
        a.set_attribute("aria-label", &t.label)?;
        a.set_attribute("data-kind", s.kind.name())?;
        Ok(a)
    }

    /// Appends a link for each source to `parent`, each followed by a space,
    /// in the widget's language (the element's `lang`, as the loader reads it).
    pub fn append_sources(&self, parent: &Element, sources: &[Source]) {
        let lang = self.lang();
        INTL.with(|cache| {
            let mut cache = cache.borrow_mut();
            let fmt = cache[lang as usize].get_or_insert_with(|| IntlFormats::new(lang));
            for s in sources {
                if let Ok(a) = self.source_link(s, fmt, lang) {
                    self.append_spaced(parent, &a);
                }
            }
        });
    }

    /// The widget's language: its element's `lang`, else the nearest
    /// ancestor's, else the document's (what the loader passes at mount).
    fn lang(&self) -> Lang {
        let tag = self
            .host
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .or_else(|| {
                self.doc
                    .document_element()
                    .and_then(|e| e.get_attribute("lang"))
            })
            .unwrap_or_default();
        Lang::from_tag(&tag)
    }
}

thread_local! {
    /// Intl formatters for source dates, one per language, built on first
    /// use (an Intl object costs far more to build than to use).
    static INTL: RefCell<[Option<IntlFormats>; 2]> = const { RefCell::new([None, None]) };
}

/// Sets `el`'s text, editing its one text node in place when it has one
/// (new character data needs layout, not a new style).
pub fn write_text(el: &Element, text: &str) {
    if let Some(node) = el.first_child() {
        if node.next_sibling().is_none() && node.node_type() == web_sys::Node::TEXT_NODE {
            if node.node_value().as_deref() != Some(text) {
                node.set_node_value(Some(text));
            }
            return;
        }
    }
    if !(text.is_empty() && el.first_child().is_none()) {
        el.set_text_content(Some(text));
    }
}

/// Sets an attribute unless it already has this value.
pub fn write_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Adds or removes a boolean attribute (`hidden`) unless it is already so.
pub fn write_flag(el: &Element, name: &str, on: bool) {
    if el.has_attribute(name) != on {
        let _ = if on {
            el.set_attribute(name, "")
        } else {
            el.remove_attribute(name)
        };
    }
}
