//! Accessible name and description, per W3C "Accessible Name and Description Computation 1.2"
//! (accname 1.2, <https://www.w3.org/TR/accname-1.2/> §4.3 "Text Alternative Computation") with
//! the HTML host-language steps of HTML-AAM §4.1 "Accessible Name Computations By HTML Element"
//! and SVG-AAM §8.1 (`<title>` child).
//!
//! The computation recurses over the element's subtree (name from content) and along
//! `aria-labelledby` / `<label>` references; a visited set stops cycles, a depth cap bounds the
//! stack and a node budget bounds the work for one name, whatever the input.
//! CSS generated content (`::before` / `::after`) is not known statically and is not included.

use crate::Page;
use crate::aria::roles_implicit::allows_name_from_content;
use crate::style::Display;
use govaudit_html::{Document, Element, collapse_whitespace};
use std::collections::{HashMap, HashSet};

/// Deeper nesting than this does not contribute to a name (keeps the stack small).
const MAX_DEPTH: u16 = 200;
/// At most this many elements are visited for one name or description.
const MAX_NODES: usize = 20_000;

/// Where a name came from (the accname step that produced it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSource {
    /// `aria-labelledby` (step 2B).
    LabelledBy,
    /// `aria-label` (step 2D).
    AriaLabel,
    /// The host language: `alt`, `<label>`, `<legend>`, `<caption>`, `<figcaption>`, button
    /// `value`, SVG `<title>` (step 2E).
    Native,
    /// A default the browser supplies (`Submit`, `Reset` for such inputs).
    Default,
    /// The element's content (step 2F).
    Contents,
    /// The `title` attribute (step 2I).
    Title,
    /// `placeholder` / `aria-placeholder` (HTML-AAM, last resort for text inputs).
    Placeholder,
    /// No name.
    None,
}

/// An accessible name: the text (white space collapsed, trimmed) and the step it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub source: NameSource,
}

impl Name {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Which elements each `<label>` labels (HTML §4.10.4 "labeled control"): computed once per
/// page; control index → label indices, in document order.
#[derive(Debug, Default)]
pub struct Labels {
    by_control: HashMap<usize, Vec<usize>>,
}

impl Labels {
    pub fn compute(doc: &Document) -> Labels {
        let mut labels = Labels::default();
        for label in doc.elements_named("label").filter(Element::is_html) {
            let control = match label.attr("for") {
                Some(id) => doc.element_by_id(id),
                None => label.descendants().find(is_labelable),
            };
            if let Some(control) = control.filter(is_labelable) {
                labels
                    .by_control
                    .entry(control.index())
                    .or_default()
                    .push(label.index());
            }
        }
        labels
    }

    /// The `<label>` elements of a control.
    pub fn of<'d>(&self, doc: &'d Document, control: &Element<'_>) -> Vec<Element<'d>> {
        self.by_control
            .get(&control.index())
            .into_iter()
            .flatten()
            .filter_map(|&i| doc.element_at(i))
            .collect()
    }
}

/// HTML "labelable elements".
pub fn is_labelable(element: &Element<'_>) -> bool {
    element.is_html()
        && match element.name() {
            "button" | "meter" | "output" | "progress" | "select" | "textarea" => true,
            "input" => !input_type_is(element, "hidden"),
            _ => false,
        }
}

/// The `type` of an `<input>`, lowercased, `text` when absent.
pub(crate) fn input_type(element: &Element<'_>) -> String {
    element
        .attr("type")
        .map(|t| t.trim().to_ascii_lowercase())
        .unwrap_or_else(|| "text".to_owned())
}

fn input_type_is(element: &Element<'_>, t: &str) -> bool {
    element
        .attr("type")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case(t))
}

/// The accessible name of `element`.
pub fn accessible_name(page: &Page<'_>, element: &Element<'_>) -> Name {
    let mut ctx = Context::new(page);
    let (text, source) = ctx.compute(element, Step::root());
    let text = collapse_whitespace(&text);
    let source = if text.is_empty() {
        NameSource::None
    } else {
        source
    };
    Name { text, source }
}

/// The accessible description of `element` (accname 1.2 §4.3 with `aria-describedby`, then
/// `aria-description`, then a `title` not already used as the name).
pub fn accessible_description(page: &Page<'_>, element: &Element<'_>) -> String {
    let mut ctx = Context::new(page);
    if let Some(ids) = element.attr("aria-describedby") {
        let mut parts = Vec::new();
        for id in ids.split_ascii_whitespace() {
            if let Some(target) = page.doc.element_by_id(id) {
                let hidden = page.visibility().is_hidden(&target);
                let step = Step {
                    depth: 1,
                    in_labelledby: true,
                    hidden_ok: hidden,
                    recursion: true,
                };
                parts.push(ctx.compute(&target, step).0);
            }
        }
        let text = collapse_whitespace(&parts.join(" "));
        if !text.is_empty() {
            return text;
        }
    }
    if let Some(text) = element.attr("aria-description").map(collapse_whitespace)
        && !text.is_empty()
    {
        return text;
    }
    let name = accessible_name(page, element);
    if name.source != NameSource::Title
        && let Some(title) = element.attr("title").map(collapse_whitespace)
    {
        return title;
    }
    String::new()
}

#[derive(Debug, Clone, Copy)]
struct Step {
    depth: u16,
    /// Inside an `aria-labelledby` / `aria-describedby` traversal (no second hop).
    in_labelledby: bool,
    /// Inside a traversal whose directly referenced node is hidden: hidden nodes count.
    hidden_ok: bool,
    /// Not the root of the computation.
    recursion: bool,
}

impl Step {
    fn root() -> Step {
        Step {
            depth: 0,
            in_labelledby: false,
            hidden_ok: false,
            recursion: false,
        }
    }

    fn child(self) -> Step {
        Step {
            depth: self.depth.saturating_add(1),
            recursion: true,
            ..self
        }
    }
}

struct Context<'p, 'a> {
    page: &'p Page<'a>,
    visited: HashSet<usize>,
    budget: usize,
}

impl Drop for Context<'_, '_> {
    fn drop(&mut self) {
        self.page.return_name_budget(self.budget);
    }
}

enum Child<'a> {
    Text(&'a str),
    Element(Element<'a>),
}

/// Child nodes in order: text and elements.
fn child_nodes<'a>(element: &Element<'a>) -> impl Iterator<Item = Child<'a>> + 'a {
    let mut elements = element.children();
    element
        .raw()
        .children()
        .filter_map(move |node| match node.value() {
            scraper::Node::Text(text) => Some(Child::Text(text)),
            scraper::Node::Element(_) => elements.next().map(Child::Element),
            _ => None,
        })
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.trim().is_empty())
}

impl<'p, 'a> Context<'p, 'a> {
    fn new(page: &'p Page<'a>) -> Self {
        Context {
            page,
            visited: HashSet::new(),
            budget: page.take_name_budget(MAX_NODES),
        }
    }

    fn compute(&mut self, element: &Element<'_>, step: Step) -> (String, NameSource) {
        if step.depth > MAX_DEPTH || self.budget == 0 || !self.visited.insert(element.index()) {
            return (String::new(), NameSource::None);
        }
        self.budget -= 1;
        self.compute_unvisited(element, step)
    }

    fn compute_unvisited(&mut self, element: &Element<'_>, step: Step) -> (String, NameSource) {
        let page = self.page;
        let doc = page.doc;
        // 2A: hidden nodes give nothing, unless a hidden node was referenced directly.
        if step.recursion && !step.hidden_ok && page.visibility().is_hidden(element) {
            return (String::new(), NameSource::None);
        }
        // 2B: aria-labelledby.
        if !step.in_labelledby
            && let Some(ids) = element.attr("aria-labelledby")
        {
            let mut parts = Vec::new();
            for id in ids.split_ascii_whitespace() {
                let Some(target) = doc.element_by_id(id) else {
                    continue;
                };
                let next = Step {
                    depth: step.depth.saturating_add(1),
                    in_labelledby: true,
                    hidden_ok: step.hidden_ok || page.visibility().is_hidden(&target),
                    recursion: true,
                };
                let text = if target == *element {
                    // A self-reference names the element by its other steps.
                    self.compute_unvisited(element, next).0
                } else {
                    self.compute(&target, next).0
                };
                parts.push(text);
            }
            let joined = parts.join(" ");
            if !joined.trim().is_empty() {
                return (joined, NameSource::LabelledBy);
            }
        }
        let role = page.role(element);
        // 2C: a control embedded in the label of another element gives its value.
        if step.recursion
            && let Some(value) = self.embedded_value(element, role)
        {
            return (value, NameSource::Native);
        }
        // 2D: aria-label.
        if let Some(label) = non_empty(element.attr("aria-label")) {
            return (label.to_owned(), NameSource::AriaLabel);
        }
        // 2E: host language.
        let presentational = matches!(role, Some("none" | "presentation"));
        if !presentational && let Some(found) = self.native(element, step) {
            return found;
        }
        // 2F: content.
        // HTML-AAM: a details' summary is named from its content although it maps to no role.
        let summary = element.is_html() && element.name() == "summary" && role.is_none();
        let from_content = step.recursion || summary || role.is_some_and(allows_name_from_content);
        if from_content {
            let text = self.content(element, step);
            if !text.trim().is_empty() {
                return (text, NameSource::Contents);
            }
        }
        // 2I: tooltip attribute, then the placeholder of text inputs.
        if let Some(title) = non_empty(element.attr("title")) {
            return (title.to_owned(), NameSource::Title);
        }
        if element.is_html()
            && matches!(element.name(), "input" | "textarea")
            && let Some(p) = non_empty(element.attr("placeholder"))
        {
            return (p.to_owned(), NameSource::Placeholder);
        }
        if let Some(p) = non_empty(element.attr("aria-placeholder")) {
            return (p.to_owned(), NameSource::Placeholder);
        }
        (String::new(), NameSource::None)
    }

    /// Step 2C: the value of a control embedded in a label.
    fn embedded_value(&self, element: &Element<'_>, role: Option<&str>) -> Option<String> {
        let html = element.is_html();
        match role? {
            "textbox" | "searchbox" => Some(if html && element.name() == "input" {
                element.attr("value").unwrap_or("").to_owned()
            } else {
                // <textarea> and contenteditable / role=textbox elements: their text.
                element.text()
            }),
            "combobox" | "listbox" => {
                if html && element.name() == "select" {
                    let options: Vec<Element<'_>> = element
                        .descendants()
                        .filter(|o| o.name() == "option")
                        .collect();
                    let selected: Vec<String> = options
                        .iter()
                        .filter(|o| o.has_attr("selected"))
                        .map(|o| o.normalized_text())
                        .collect();
                    if !selected.is_empty() {
                        Some(selected.join(" "))
                    } else if element.has_attr("multiple") {
                        Some(String::new())
                    } else {
                        Some(
                            options
                                .first()
                                .map(|o| o.normalized_text())
                                .unwrap_or_default(),
                        )
                    }
                } else if html && element.name() == "input" {
                    Some(element.attr("value").unwrap_or("").to_owned())
                } else {
                    let selected: Vec<String> = element
                        .descendants()
                        .filter(|o| {
                            o.attr("aria-selected")
                                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
                        })
                        .map(|o| o.normalized_text())
                        .collect();
                    Some(selected.join(" "))
                }
            }
            "slider" | "spinbutton" | "scrollbar" | "progressbar" | "meter" => Some(
                non_empty(element.attr("aria-valuetext"))
                    .or_else(|| non_empty(element.attr("aria-valuenow")))
                    .or_else(|| element.attr("value"))
                    .unwrap_or("")
                    .to_owned(),
            ),
            _ => None,
        }
    }

    /// Step 2E for HTML and SVG elements.
    fn native(&mut self, element: &Element<'_>, step: Step) -> Option<(String, NameSource)> {
        let found = |text: String| (!text.trim().is_empty()).then_some((text, NameSource::Native));
        if element.is_svg() {
            let title = element
                .children()
                .find(|c| c.is_svg() && c.name() == "title")?;
            return found(title.text());
        }
        if !element.is_html() {
            return None;
        }
        match element.name() {
            "input" => match input_type(element).as_str() {
                "button" | "submit" | "reset" => {
                    if let Some(value) = element.attr("value") {
                        return found(value.to_owned());
                    }
                    match input_type(element).as_str() {
                        "submit" => Some(("Submit".to_owned(), NameSource::Default)),
                        "reset" => Some(("Reset".to_owned(), NameSource::Default)),
                        _ => None,
                    }
                }
                "image" => found(element.attr("alt").unwrap_or("").to_owned()),
                _ => self.labels_text(element, step),
            },
            "button" | "select" | "textarea" | "meter" | "output" | "progress" => {
                self.labels_text(element, step)
            }
            "img" | "area" => found(element.attr("alt").unwrap_or("").to_owned()),
            "fieldset" => self.child_text(element, "legend", step),
            "figure" => self.child_text(element, "figcaption", step),
            "table" => self.child_text(element, "caption", step),
            "optgroup" => found(element.attr("label").unwrap_or("").to_owned()),
            "option" => non_empty(element.attr("label")).and_then(|l| found(l.to_owned())),
            _ => None,
        }
    }

    fn labels_text(&mut self, element: &Element<'_>, step: Step) -> Option<(String, NameSource)> {
        let page = self.page;
        let labels = page.labels().of(page.doc, element);
        let mut parts = Vec::new();
        for label in labels {
            let next = Step {
                hidden_ok: step.hidden_ok || page.visibility().is_hidden(&label),
                ..step.child()
            };
            parts.push(self.compute(&label, next).0);
        }
        let text = parts.join(" ");
        (!text.trim().is_empty()).then_some((text, NameSource::Native))
    }

    fn child_text(
        &mut self,
        element: &Element<'_>,
        name: &str,
        step: Step,
    ) -> Option<(String, NameSource)> {
        let child = element.children().find(|c| c.name() == name)?;
        let text = self.compute(&child, step.child()).0;
        (!text.trim().is_empty()).then_some((text, NameSource::Native))
    }

    /// Step 2F: the text of the children, block-level ones set apart by spaces.
    fn content(&mut self, element: &Element<'_>, step: Step) -> String {
        let styles = self.page.styles();
        let mut out = String::new();
        for child in child_nodes(element) {
            if self.budget == 0 {
                // Out of budget: the rest of the content is not looked at.
                break;
            }
            match child {
                Child::Text(text) => out.push_str(text),
                Child::Element(child) => {
                    if child.is_html() && child.name() == "br" {
                        out.push(' ');
                        continue;
                    }
                    let text = self.compute(&child, step.child()).0;
                    let inline = matches!(
                        styles.get(&child).display,
                        Display::Inline | Display::Contents
                    );
                    if inline {
                        out.push_str(&text);
                    } else {
                        out.push(' ');
                        out.push_str(&text);
                        out.push(' ');
                    }
                }
            }
        }
        out
    }
}

/// The text a sighted user sees inside `element` (ACT "visible inner text", approximated without
/// layout): text of visible elements (rendered, not `visibility: hidden`, not moved off screen),
/// `aria-hidden` content included, block-level elements set apart by spaces, white space
/// collapsed. Iterative (an explicit stack), linear in the size of the subtree.
pub fn visible_text(page: &Page<'_>, element: &Element<'_>) -> String {
    enum Item<'a> {
        Text(&'a str),
        Element(Element<'a>),
        Space,
    }
    let visibility = page.visibility();
    let styles = page.styles();
    let mut out = String::new();
    let mut stack = vec![Item::Element(*element)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Text(text) => out.push_str(text),
            Item::Space => out.push(' '),
            Item::Element(e) => {
                if !visibility.is_rendered(&e) {
                    continue;
                }
                let block = !matches!(styles.get(&e).display, Display::Inline | Display::Contents)
                    || (e.is_html() && e.name() == "br");
                let shows_text = visibility.is_visible(&e);
                if block {
                    stack.push(Item::Space);
                }
                let children: Vec<Child<'_>> = child_nodes(&e).collect();
                for child in children.into_iter().rev() {
                    match child {
                        Child::Text(text) if shows_text => stack.push(Item::Text(text)),
                        Child::Text(_) => {}
                        Child::Element(c) => stack.push(Item::Element(c)),
                    }
                }
                if block {
                    stack.push(Item::Space);
                }
            }
        }
    }
    collapse_whitespace(&out)
}

/// Roles of ACT rule e086e5 "Form field has non-empty accessible name".
pub(crate) const FORM_FIELD_ROLES: &[&str] = &[
    "checkbox",
    "combobox",
    "listbox",
    "menuitemcheckbox",
    "menuitemradio",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "switch",
    "textbox",
];

/// `<input>`, `<select>`, `<textarea>`: named by `<label>`s and checked by their own rules.
pub(crate) fn is_native_control(element: &Element<'_>) -> bool {
    element.is_html() && matches!(element.name(), "input" | "select" | "textarea")
}

/// What the name rules share: `element` must have a non-empty accessible name. Records that
/// `rule` applied, and on an empty name a `fail` whose standards keep the rule's WCAG / EN / GB/T
/// clauses and axe ids but name only the ACT rules in `act` (the ones that apply to this
/// element).
pub(crate) fn require_name(
    page: &Page<'_>,
    out: &mut govaudit_core::Collector,
    rule: &govaudit_core::RuleMeta,
    element: &Element<'_>,
    act: &[&str],
    message: &str,
) {
    out.applies(rule, || element.location());
    let name = page.name(element);
    if name.is_empty() {
        let role = page.role(element);
        let finding = out.fail(rule, element.location(), message);
        finding.set_standards(standards_for(rule, act));
        if let Some(role) = role {
            finding.evidence("role", role);
        }
    }
}

/// The whole check of the axe rules "elements with one of these explicit roles need a name"
/// (meter, progressbar, tooltip, dialog): every such element in the accessibility tree must
/// have a non-empty accessible name.
pub(crate) fn require_name_for_explicit_roles(
    page: &Page<'_>,
    out: &mut govaudit_core::Collector,
    rule: &govaudit_core::RuleMeta,
    roles: &[&str],
    message: &str,
) {
    let visibility = page.visibility();
    for element in page.elements_with_attr("role") {
        if !visibility.in_accessibility_tree(&element) {
            continue;
        }
        if crate::aria::explicit_role(&element).is_some_and(|r| roles.contains(&r.name)) {
            require_name(page, out, rule, &element, &[], message);
        }
    }
}

/// A rule's references with only the listed ACT rules kept.
pub(crate) fn standards_for(rule: &govaudit_core::RuleMeta, act: &[&str]) -> Vec<String> {
    rule.references()
        .into_iter()
        .filter(|r| !r.starts_with("ACT:") || act.contains(&r.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(html: &str, id: &str) -> String {
        let doc = Document::from_html(html);
        let page = Page::new(&doc);
        let element = doc.element_by_id(id).expect(id);
        page.name(&element).text
    }

    #[test]
    fn accname_example_labelledby_is_not_followed_twice() {
        // accname 1.2 §4.3.2 step 2B example.
        let html = "<div id=el1 aria-labelledby=el3></div><div id=el2 aria-labelledby=el1></div>\
                    <div id=el3> hello </div>";
        assert_eq!(name_of(html, "el1"), "hello");
        assert_eq!(name_of(html, "el2"), "");
    }

    #[test]
    fn accname_example_self_reference() {
        // accname 1.2 step 2B: "Delete Documentation.pdf".
        let html = "<ul><li><a id=file_row1 href=./files/Documentation.pdf>Documentation.pdf</a>\
                    <span role=button tabindex=0 id=del_row1 aria-label=Delete \
                    aria-labelledby='del_row1 file_row1'></span></li></ul>";
        assert_eq!(name_of(html, "del_row1"), "Delete Documentation.pdf");
    }

    #[test]
    fn accname_example_embedded_control() {
        // accname 1.2 step 2C example.
        let html = "<input type=checkbox id=test><label for=test>Flash the screen \
                    <span tabindex=0 role=textbox aria-label='number of times' contenteditable>5</span> \
                    times.</label>";
        assert_eq!(name_of(html, "test"), "Flash the screen 5 times.");
        let html = "<label for=d>Reminder <select id=s><option>1<option selected>2</select> days\
                    <input id=d type=text></label>";
        assert_eq!(name_of(html, "d"), "Reminder 2 days");
    }

    #[test]
    fn hidden_content_only_when_referenced_directly() {
        let html = "<span id=h hidden>Hidden <b>label</b></span>\
                    <button id=a aria-labelledby=h>x</button>\
                    <button id=b>Visible<span style='display:none'> gone</span>\
                    <span aria-hidden=true> also gone</span></button>\
                    <label for=c style='visibility:hidden'>Secret</label><input id=c>";
        assert_eq!(name_of(html, "a"), "Hidden label");
        assert_eq!(name_of(html, "b"), "Visible");
        assert_eq!(name_of(html, "c"), "Secret");
    }

    #[test]
    fn content_spacing_and_fallbacks() {
        let html = "<a id=a href=#><div>One</div><div>Two</div></a>\
                    <a id=b href=#>Sup<span>er</span></a>\
                    <a id=c href=#><img src=x alt='Home page'></a>\
                    <a id=d href=# title='Tip'></a>\
                    <input id=e placeholder='Search'>\
                    <input id=f type=submit><input id=g type=image src=x>\
                    <svg id=h role=img><title>Chart</title></svg>\
                    <fieldset id=i><legend>Address</legend></fieldset>\
                    <div id=j role=textbox>typed</div>\
                    <h2 id=k>Title <img src=x alt=''></h2>\
                    <a id=l href=#><img src=x alt=one role=presentation>two</a>";
        assert_eq!(name_of(html, "a"), "One Two");
        assert_eq!(name_of(html, "b"), "Super");
        assert_eq!(name_of(html, "c"), "Home page");
        assert_eq!(name_of(html, "d"), "Tip");
        assert_eq!(name_of(html, "e"), "Search");
        assert_eq!(name_of(html, "f"), "Submit");
        assert_eq!(name_of(html, "g"), "");
        assert_eq!(name_of(html, "h"), "Chart");
        assert_eq!(name_of(html, "i"), "Address");
        assert_eq!(name_of(html, "j"), "");
        assert_eq!(name_of(html, "k"), "Title");
        assert_eq!(name_of(html, "l"), "two");
    }

    #[test]
    fn html_aam_host_language_steps() {
        let html = "<input id=a type=button value=Go aria-label=Search>\
                    <table id=b><caption>Budget 2026</caption><tr><td>1</td></tr></table>\
                    <figure id=c><img src=x alt=''><figcaption>Map of the city</figcaption></figure>\
                    <label for=d aria-hidden=true>Phone</label><input id=d>\
                    <button id=e><span style='visibility:hidden'>a</span>b</button>\
                    <label for=f>Volume <input type=range aria-valuetext=loud></label><input id=f>\
                    <select id=g title=Month><option>1</option></select>\
                    <optgroup id=h label=Group></optgroup>\
                    <img id=i src=x alt='' title=Ignored>\
                    <div id=j role=img aria-label=' '>x</div>";
        assert_eq!(name_of(html, "a"), "Search");
        assert_eq!(name_of(html, "b"), "Budget 2026");
        assert_eq!(name_of(html, "c"), "Map of the city");
        assert_eq!(name_of(html, "d"), "Phone");
        assert_eq!(name_of(html, "e"), "b");
        assert_eq!(name_of(html, "f"), "Volume loud");
        assert_eq!(name_of(html, "g"), "Month");
        assert_eq!(name_of(html, "h"), "Group");
        assert_eq!(name_of(html, "j"), "");
    }

    #[test]
    fn many_references_to_one_large_subtree_stay_linear() {
        let big = "<span>w </span>".repeat(2_000);
        let refs = "<button aria-labelledby=big></button>".repeat(1_000);
        let doc = Document::from_html(&format!("<div id=big>{big}</div>{refs}"));
        let page = Page::new(&doc);
        let buttons: Vec<_> = doc.elements_named("button").collect();
        // The first names are complete; once the page budget is spent, names are cut short
        // but still computed, and the total work stays bounded by the page size.
        assert_eq!(page.name(&buttons[0]).text.split(" ").count(), 2_000);
        for button in &buttons {
            assert!(!page.name(button).is_empty());
        }
    }

    #[test]
    fn names_are_cached_per_page() {
        let doc = Document::from_html("<a id=a href=#>Home</a>");
        let page = Page::new(&doc);
        let a = doc.element_by_id("a").unwrap();
        let first = page.name(&a);
        assert_eq!(page.name(&a), first);
        assert_eq!(first.source, NameSource::Contents);
    }

    #[test]
    fn cycles_and_depth_terminate() {
        let html = "<div id=a role=button aria-labelledby=b>A</div>\
                    <div id=b role=button aria-labelledby=a>B</div>\
                    <label id=l>Name <input id=i aria-labelledby=l></label>";
        assert_eq!(name_of(html, "a"), "B");
        assert_eq!(name_of(html, "i"), "Name");
        let deep = format!("<a id=x href=#>{}deep</a>", "<span>".repeat(450));
        // Past the depth cap content is dropped, but nothing overflows.
        let _ = name_of(&deep, "x");
    }

    #[test]
    fn descriptions() {
        let html = "<button id=a aria-describedby='d1 d2'>Save</button>\
                    <span id=d1>Saves</span><span id=d2 hidden>the file</span>\
                    <a id=b href=# title='More'>Read</a>";
        let doc = Document::from_html(html);
        let page = Page::new(&doc);
        let at = |id| doc.element_by_id(id).unwrap();
        assert_eq!(page.description(&at("a")), "Saves the file");
        assert_eq!(page.description(&at("b")), "More");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Small hostile pages: nested elements with ids, references and hiding in any mix.
    fn page_source() -> impl Strategy<Value = String> {
        let tag = prop_oneof![
            Just("div"),
            Just("span"),
            Just("a href=#"),
            Just("button"),
            Just("label"),
            Just("input"),
            Just("select"),
            Just("img"),
            Just("h1"),
        ];
        let attr = prop_oneof![
            Just(""),
            Just(" id=a"),
            Just(" id=b"),
            Just(" aria-labelledby='a b'"),
            Just(" aria-labelledby=b"),
            Just(" aria-describedby=a"),
            Just(" for=a"),
            Just(" hidden"),
            Just(" aria-hidden=true"),
            Just(" role=textbox"),
            Just(" alt=x"),
            Just(" style='display:none'"),
        ];
        proptest::collection::vec((tag, attr, "[a-z ]{0,4}", any::<bool>()), 0..24).prop_map(
            |parts| {
                let mut html = String::new();
                for (tag, attr, text, close) in parts {
                    html.push_str(&format!("<{tag}{attr}>{text}"));
                    if close {
                        let name = tag.split(' ').next().unwrap_or(tag);
                        html.push_str(&format!("</{name}>"));
                    }
                }
                html
            },
        )
    }

    proptest! {
        /// Names and descriptions of every element terminate (cycles through labelledby, labels
        /// and self-references included) and come out white-space normalised.
        #[test]
        fn names_terminate_and_are_normalised(html in page_source()) {
            let doc = Document::from_html(&html);
            let page = Page::new(&doc);
            for element in doc.elements() {
                let name = page.name(&element);
                prop_assert_eq!(collapse_whitespace(&name.text), name.text.clone());
                prop_assert_eq!(name.is_empty(), name.source == NameSource::None);
                let _ = page.description(&element);
            }
        }
    }
}
