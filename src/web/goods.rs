//! Which goods count, in the calculator: the search above the flow picker
//! (hides the options it does not find and their empty groups, says how many
//! it finds, and moves the choice to the first match when the chosen flow is
//! not among them) and the chosen flow's goods line under the picker ("HS
//! 8703.80 · …", then its tariff schedule as a source link). What matches
//! and what the lines say is decided in [`crate::core::flow_search`].

use super::dom::{write_flag, write_text};
use super::state::State;
use crate::core::flow_search;
use crate::core::i18n::Msg;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

impl State {
    /// The reader typed `query` in the search: filters the picker and says
    /// how many flows match. Returns whether the chosen flow changed.
    pub fn search_flows(&mut self, query: &str) -> bool {
        if !self.mode.has_calc() {
            return false;
        }
        let found: Vec<String> = flow_search::search(&self.ds, query, self.lang)
            .into_iter()
            .map(|f| f.id.clone())
            .collect();
        // Nothing found: the picker keeps every flow rather than none.
        self.show_options(|id| found.is_empty() || found.iter().any(|f| f == id));
        let status = flow_search::status(query, found.len(), self.lang);
        self.dom.set_text("[data-role=flow-search-status]", &status);
        match found.first() {
            Some(first) if !found.contains(&self.inputs.flow) => {
                let _ = self.inputs.set_flow(&self.ds, first);
                self.write_inputs();
                true
            }
            _ => false,
        }
    }

    /// Shows the options `shown` accepts (by flow id), hides and disables
    /// the others (so neither the list nor the arrow keys offer them), and
    /// hides a group left empty.
    fn show_options(&self, shown: impl Fn(&str) -> bool) {
        for group in self.all("select[name=flow] optgroup") {
            let mut any = false;
            let mut opt = group.first_element_child();
            while let Some(o) = opt {
                let on = shown(&o.get_attribute("value").unwrap_or_default());
                write_flag(&o, "hidden", !on);
                write_flag(&o, "disabled", !on);
                any |= on;
                opt = o.next_element_sibling();
            }
            write_flag(&group, "hidden", !any);
        }
    }

    /// Every element matching `sel` in the shadow root.
    fn all(&self, sel: &str) -> Vec<Element> {
        let Ok(list) = self.dom.root.query_selector_all(sel) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
            .collect()
    }

    /// After the flow was chosen elsewhere (the page, a link, the picker):
    /// a search that hides it is cleared, so the picker shows what is chosen.
    pub fn sync_flow_search(&self) {
        if !self.mode.has_calc() {
            return;
        }
        let hidden = self
            .all("select[name=flow] option[hidden]")
            .iter()
            .any(|o| o.get_attribute("value").as_deref() == Some(self.inputs.flow.as_str()));
        if hidden {
            if let Some(input) = self.dom.input("flow-search") {
                input.set_value("");
            }
            self.show_options(|_| true);
            self.dom.set_text("[data-role=flow-search-status]", "");
        }
    }

    /// The chosen flow's goods line: written again only when the flow changed.
    pub fn write_goods(&self) {
        if !self.mode.has_calc() {
            return;
        }
        let Some(p) = self.dom.q("[data-role=goods]") else {
            return;
        };
        let id = self.inputs.flow.as_str();
        if p.get_attribute("data-flow").as_deref() == Some(id) {
            return;
        }
        let _ = p.set_attribute("data-flow", id);
        let flow = self.ds.flow(id);
        let text = flow.and_then(|f| flow_search::goods_text(f, self.lang));
        write_flag(&p, "hidden", text.is_none());
        let (Some(flow), Some(text)) = (flow, text) else {
            write_text(&p, "");
            return;
        };
        p.set_text_content(None);
        let lang = self.lang;
        let line = || -> Result<(), JsValue> {
            let label = self.dom.element("strong", Msg::GoodsLabel.text(lang))?;
            self.dom.append_spaced(&p, &label);
            p.append_child(&self.dom.doc.create_text_node(&text))?;
            if let Some(s) = &flow.schedule {
                let label = format!(" · {} ", Msg::GoodsSchedule.text(lang));
                p.append_child(&self.dom.doc.create_text_node(&label))?;
                let link = self.dom.source_link(s, &self.fmt, lang)?;
                p.append_child(&link)?;
            }
            Ok(())
        };
        let _ = line();
    }
}
