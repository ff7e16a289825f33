//! Focusability: which elements can take focus, and which are in sequential focus navigation
//! (reached with Tab). HTML Living Standard §6.6.3 "The tabindex attribute" (parsing rules for
//! integers, focusable areas), §4.10.18.5 "Enabling and disabling form controls" (`disabled`,
//! disabled `<fieldset>` except inside its first `<legend>`), and the native focusable elements
//! browsers agree on.
//!
//! Computed once per page in one pass in document order.

use crate::visibility::{FirstChildren, Visibility};
use govaudit_html::{Document, Element};

const FOCUSABLE: u8 = 1;
const SEQUENTIAL: u8 = 1 << 1;
const DISABLED: u8 = 1 << 2;
/// Inside a disabled `<fieldset>` (outside its first legend): inherited by descendants.
const IN_DISABLED_FIELDSET: u8 = 1 << 3;

/// Per-element focus facts of a page, indexed by [`Element::index`].
#[derive(Debug)]
pub struct Focus {
    flags: Vec<u8>,
}

impl Focus {
    pub fn compute(doc: &Document, visibility: &Visibility) -> Focus {
        let mut flags: Vec<u8> = Vec::with_capacity(doc.element_count());
        let mut legends = FirstChildren::default();
        let mut summaries = FirstChildren::default();
        for element in doc.elements() {
            let parent = element.parent();
            let first_summary = parent.is_some_and(|p| {
                p.name() == "details" && summaries.is_first(&p, &element, "summary")
            });
            let parent_flags = parent
                .and_then(|p| flags.get(p.index()).copied())
                .unwrap_or(0);
            let mut in_fieldset = parent_flags & IN_DISABLED_FIELDSET;
            if let Some(p) = parent
                && p.name() == "fieldset"
                && p.is_html()
                && p.has_attr("disabled")
            {
                in_fieldset = if legends.is_first(&p, &element, "legend") {
                    0
                } else {
                    IN_DISABLED_FIELDSET
                };
            }
            let mut own = in_fieldset;
            if is_disabled_control(&element, in_fieldset != 0) {
                own |= DISABLED;
            }
            let reachable = visibility.is_displayed(&element) && !visibility.is_inert(&element);
            if reachable && own & DISABLED == 0 {
                let native = natively_focusable(&element, first_summary);
                match tabindex(&element) {
                    Some(t) => {
                        own |= FOCUSABLE;
                        if t >= 0 {
                            own |= SEQUENTIAL;
                        }
                    }
                    None if native => own |= FOCUSABLE | SEQUENTIAL,
                    None => {}
                }
            }
            flags.push(own);
        }
        Focus { flags }
    }

    fn flags(&self, element: &Element<'_>) -> u8 {
        self.flags.get(element.index()).copied().unwrap_or(0)
    }

    /// Can take focus (by click, script or Tab).
    pub fn is_focusable(&self, element: &Element<'_>) -> bool {
        self.flags(element) & FOCUSABLE != 0
    }

    /// Is in sequential focus navigation (reached with Tab).
    pub fn in_sequential_focus(&self, element: &Element<'_>) -> bool {
        self.flags(element) & SEQUENTIAL != 0
    }

    /// The sequential focus navigation order (HTML §6.6.3): elements with a positive
    /// `tabindex` first, by increasing value, then those with `tabindex="0"` or natively
    /// focusable ones, each group in document order.
    pub fn sequential_order<'d>(&self, doc: &'d Document) -> Vec<Element<'d>> {
        let mut positive: Vec<(i64, Element<'d>)> = Vec::new();
        let mut rest: Vec<Element<'d>> = Vec::new();
        for element in doc.elements().filter(|e| self.in_sequential_focus(e)) {
            match tabindex(&element) {
                Some(t) if t > 0 => positive.push((t, element)),
                _ => rest.push(element),
            }
        }
        // A stable sort keeps document order among equal values.
        positive.sort_by_key(|(t, _)| *t);
        positive.into_iter().map(|(_, e)| e).chain(rest).collect()
    }

    /// A form control that is disabled (own attribute, disabled `<optgroup>` parent or disabled
    /// `<fieldset>` ancestor).
    pub fn is_disabled(&self, element: &Element<'_>) -> bool {
        self.flags(element) & DISABLED != 0
    }
}

/// The `tabindex` value when it parses as an HTML integer (leading white space, optional sign,
/// digits; trailing garbage ignored), as browsers read it.
pub fn tabindex(element: &Element<'_>) -> Option<i64> {
    let raw = element
        .attr("tabindex")?
        .trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
    let (negative, digits) = match raw.as_bytes().first() {
        Some(b'-') => (true, &raw[1..]),
        Some(b'+') => (false, &raw[1..]),
        _ => (false, raw),
    };
    let end = digits
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    let value: i64 = digits[..end].parse().unwrap_or(i64::MAX);
    Some(if negative { -value } else { value })
}

fn is_disabled_control(element: &Element<'_>, in_disabled_fieldset: bool) -> bool {
    if !element.is_html() {
        return false;
    }
    match element.name() {
        "button" | "input" | "select" | "textarea" | "fieldset" => {
            element.has_attr("disabled") || in_disabled_fieldset
        }
        "option" => {
            element.has_attr("disabled")
                || element
                    .parent()
                    .is_some_and(|p| p.name() == "optgroup" && p.has_attr("disabled"))
        }
        "optgroup" => element.has_attr("disabled"),
        _ => false,
    }
}

/// Focusable without `tabindex`.
pub fn is_natively_focusable(element: &Element<'_>) -> bool {
    let first_summary = element.name() == "summary"
        && element.parent().is_some_and(|details| {
            details.name() == "details"
                && details.children().find(|c| c.name() == "summary") == Some(*element)
        });
    natively_focusable(element, first_summary)
}

/// [`is_natively_focusable`] with "is the first summary of its details" known.
fn natively_focusable(element: &Element<'_>, first_summary: bool) -> bool {
    if let Some(value) = element.attr("contenteditable") {
        let v = value.trim().to_ascii_lowercase();
        if matches!(v.as_str(), "" | "true" | "plaintext-only") {
            return true;
        }
    }
    if element.is_svg() {
        return element.name() == "a"
            && (element.has_attr("href") || element.has_attr("xlink:href"));
    }
    if !element.is_html() {
        return false;
    }
    match element.name() {
        "a" | "area" => element.has_attr("href"),
        "button" | "select" | "textarea" | "iframe" | "embed" => true,
        "input" => !element
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("hidden")),
        "audio" | "video" => element.has_attr("controls"),
        "summary" => first_summary,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::Styles;

    #[test]
    fn focusability() {
        let doc = Document::from_html(
            "<a id=a href=x>x</a><a id=b>x</a><div id=c tabindex=0></div>\
             <div id=d tabindex=-1></div><button id=e disabled></button>\
             <fieldset disabled><legend><input id=f></legend><input id=g></fieldset>\
             <input id=h type=hidden><span id=i tabindex=' 2x'></span>\
             <div hidden><button id=j></button></div><div inert><button id=k></button></div>\
             <details><summary id=l>s</summary></details><div id=m contenteditable></div>\
             <button id=n tabindex=-1></button>",
        );
        let styles = Styles::compute(&doc);
        let visibility = Visibility::compute(&doc, &styles);
        let focus = Focus::compute(&doc, &visibility);
        let at = |id: &str| {
            let e = doc.element_by_id(id).expect(id);
            (focus.is_focusable(&e), focus.in_sequential_focus(&e))
        };
        assert_eq!(at("a"), (true, true));
        assert_eq!(at("b"), (false, false));
        assert_eq!(at("c"), (true, true));
        assert_eq!(at("d"), (true, false));
        assert_eq!(at("e"), (false, false));
        assert_eq!(at("f"), (true, true));
        assert_eq!(at("g"), (false, false));
        assert_eq!(at("h"), (false, false));
        assert_eq!(at("i"), (true, true));
        assert_eq!(at("j"), (false, false));
        assert_eq!(at("k"), (false, false));
        assert_eq!(at("l"), (true, true));
        assert_eq!(at("m"), (true, true));
        assert_eq!(at("n"), (true, false));
        assert!(focus.is_disabled(&doc.element_by_id("g").unwrap()));
    }

    #[test]
    fn sequential_order_puts_positive_tabindex_first() {
        let doc = Document::from_html(
            "<a id=a href=x>a</a><span id=b tabindex=2></span><input id=c>\
             <span id=d tabindex=1></span><span id=e tabindex=2></span><span tabindex=-1></span>",
        );
        let styles = Styles::compute(&doc);
        let visibility = Visibility::compute(&doc, &styles);
        let focus = Focus::compute(&doc, &visibility);
        let order: Vec<&str> = focus
            .sequential_order(&doc)
            .iter()
            .filter_map(|e| e.id())
            .collect();
        assert_eq!(order, ["d", "b", "e", "a", "c"]);
    }
}
