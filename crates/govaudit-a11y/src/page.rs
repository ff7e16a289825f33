//! What every rule of a page shares: the document, and whatever is computed once per page for
//! several rules (accessibility tree facts, styles, names). Each cache is computed on first use,
//! in one pass over the page, and indexed by [`Element::index`].

use crate::aria::Role;
use crate::contrast::Contrast;
use crate::focus::Focus;
use crate::name::{self, Labels, Name};
use crate::style::{Styles, StylesheetSource};
use crate::visibility::Visibility;
use govaudit_html::{Document, Element};
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Role definitions by the address and length of a static role name.
type RoleSpecs = HashMap<(usize, usize), Option<&'static Role>, BuildHasherDefault<Fnv>>;

/// One page under check.
pub struct Page<'a> {
    pub doc: &'a Document,
    /// Where linked and imported sheets come from; `None`: they are not read (the styles then
    /// record that, see [`Styles::gaps`]).
    sheets: Option<&'a dyn StylesheetSource>,
    styles: OnceCell<Styles>,
    visibility: OnceCell<Visibility>,
    focus: OnceCell<Focus>,
    labels: OnceCell<Labels>,
    roles: OnceCell<Vec<Option<&'static str>>>,
    /// The text elements of the contrast rules and their contrast (both rules share it).
    contrasts: OnceCell<Vec<(Element<'a>, Contrast)>>,
    /// Names already computed (several rules ask for the same element's name).
    names: RefCell<HashMap<usize, Name>>,
    /// The `<html>` root when the page has content to judge (several page-level rules ask).
    content_root: OnceCell<Option<Element<'a>>>,
    /// Which elements carry which attributes (rules that look only at elements with `role`,
    /// `aria-*`, `tabindex`, ... visit only those).
    attributes: OnceCell<AttributeIndex<'a>>,
    /// Elements by tag name (rules that look at `<a>`, `<img>`, `<style>`, ... visit only
    /// those).
    tags: OnceCell<HashMap<&'a str, Vec<u32>, BuildHasherDefault<Fnv>>>,
    /// WAI-ARIA role definitions looked up by the (static) role names [`Page::role`] returns,
    /// keyed by the name's address and length.
    role_specs: RefCell<RoleSpecs>,
    /// Elements by their [`Page::role`].
    role_index: OnceCell<HashMap<&'static str, Vec<u32>, BuildHasherDefault<Fnv>>>,
    /// The landmarks of the page (nine landmark rules ask).
    landmarks: OnceCell<Vec<(Element<'a>, &'static str)>>,
    /// The text of every `<script>` and the value of every `on*` attribute, lowercased.
    script_texts: OnceCell<Vec<String>>,
    /// `aria-owns` relationships (the owned-element rules and `a11y/list` ask).
    owners: OnceCell<crate::aria::tree::Owners>,
    /// Elements all name computations of the page may still visit (keeps the page linear
    /// when many elements reference one large subtree).
    name_budget: Cell<usize>,
}

impl<'a> Page<'a> {
    /// A page whose linked and imported sheets are not read.
    pub fn new(doc: &'a Document) -> Self {
        Page::build(doc, None)
    }

    /// A page whose linked and imported sheets come from `sheets`.
    pub fn with_sheets(doc: &'a Document, sheets: &'a dyn StylesheetSource) -> Self {
        Page::build(doc, Some(sheets))
    }

    fn build(doc: &'a Document, sheets: Option<&'a dyn StylesheetSource>) -> Self {
        Page {
            doc,
            sheets,
            styles: OnceCell::new(),
            visibility: OnceCell::new(),
            focus: OnceCell::new(),
            labels: OnceCell::new(),
            roles: OnceCell::new(),
            contrasts: OnceCell::new(),
            names: RefCell::new(HashMap::new()),
            content_root: OnceCell::new(),
            attributes: OnceCell::new(),
            tags: OnceCell::new(),
            script_texts: OnceCell::new(),
            owners: OnceCell::new(),
            landmarks: OnceCell::new(),
            role_index: OnceCell::new(),
            role_specs: RefCell::new(HashMap::default()),
            name_budget: Cell::new(64 * doc.element_count() + 100_000),
        }
    }

    /// Computed CSS of every element (static cascade).
    pub fn styles(&self) -> &Styles {
        self.styles.get_or_init(|| match self.sheets {
            Some(sheets) => Styles::compute_with(self.doc, sheets),
            None => Styles::compute(self.doc),
        })
    }

    /// The page's `aria-owns` relationships.
    pub(crate) fn owners(&self) -> &crate::aria::tree::Owners {
        self.owners
            .get_or_init(|| crate::aria::tree::Owners::compute(self.doc))
    }

    /// Rendered / hidden / visible facts of every element.
    pub fn visibility(&self) -> &Visibility {
        self.visibility
            .get_or_init(|| Visibility::compute(self.doc, self.styles()))
    }

    /// Focusability of every element.
    pub fn focus(&self) -> &Focus {
        self.focus
            .get_or_init(|| Focus::compute(self.doc, self.visibility()))
    }

    /// Which `<label>`s label which controls.
    pub fn labels(&self) -> &Labels {
        self.labels.get_or_init(|| Labels::compute(self.doc))
    }

    /// The elements the contrast rules apply to, in document order, with their contrast.
    pub(crate) fn contrasts(&self) -> &[(Element<'a>, Contrast)] {
        self.contrasts
            .get_or_init(|| crate::contrast::text_contrasts(self))
    }

    /// The `<html>` root of a page worth a page-level verdict
    /// ([`crate::landmarks::root_with_content`]), computed once.
    pub(crate) fn content_root(&self) -> Option<Element<'a>> {
        *self
            .content_root
            .get_or_init(|| crate::landmarks::root_with_content(self))
    }

    /// In document order, every element with an attribute of local name `name` (as
    /// [`Element::attrs`] names them): at least every element whose `attr(name)` is set, so a
    /// rule that skips elements without that attribute can visit only these.
    pub(crate) fn elements_with_attr(&self, name: &str) -> impl Iterator<Item = Element<'a>> + '_ {
        let found = self.attribute_index().by_name.get(name);
        found
            .into_iter()
            .flatten()
            .filter_map(|&i| self.doc.element_at(i as usize))
    }

    /// In document order, every element with an `aria-*` attribute
    /// ([`crate::aria::aria_attributes`] is empty for all others).
    pub(crate) fn elements_with_aria_attrs(&self) -> impl Iterator<Item = Element<'a>> + '_ {
        self.attribute_index()
            .aria
            .iter()
            .filter_map(|&i| self.doc.element_at(i as usize))
    }

    /// [`Document::elements_named`] from a per-page index: the elements with this (local) tag
    /// name outside templates, in document order.
    pub(crate) fn elements_named(&self, name: &str) -> impl Iterator<Item = Element<'a>> + '_ {
        self.tag_index()
            .get(name)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.doc.element_at(i as usize))
            .filter(|e| !e.is_in_template())
    }

    /// In document order and once each, every element (templates' contents included) whose
    /// local tag name is in `tags` or that has an attribute named in `attributes`: the
    /// candidates of a rule that skips every other element, which then applies its own test.
    pub(crate) fn candidates(&self, tags: &[&str], attributes: &[&str]) -> Vec<Element<'a>> {
        let tag_index = self.tag_index();
        let attribute_index = &self.attribute_index().by_name;
        let mut found: Vec<u32> = tags
            .iter()
            .filter_map(|t| tag_index.get(t))
            .chain(attributes.iter().filter_map(|a| attribute_index.get(a)))
            .flatten()
            .copied()
            .collect();
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .filter_map(|i| self.doc.element_at(i as usize))
            .collect()
    }

    /// The text of every `<script>` element and the value of every event-handler (`on*`)
    /// attribute of the page, lowercased (computed once; [`crate::review::scripts_mention`]).
    pub(crate) fn script_texts(&self) -> &[String] {
        self.script_texts.get_or_init(|| {
            let mut texts = Vec::new();
            for e in self.doc.elements() {
                if e.name() == "script" {
                    texts.push(e.text().to_ascii_lowercase());
                }
                for (name, value) in e.attrs() {
                    if name.starts_with("on") {
                        texts.push(value.to_ascii_lowercase());
                    }
                }
            }
            texts
        })
    }

    /// Per element (by [`Element::index`]): whether it has an attribute whose local name is in
    /// `names` (a superset of `attr(name).is_some()` for each name, from the index).
    pub(crate) fn marked_with_attrs(&self, names: &[&str]) -> Vec<bool> {
        let mut marked = vec![false; self.doc.element_count()];
        let index = &self.attribute_index().by_name;
        for at in names.iter().filter_map(|n| index.get(n)).flatten() {
            if let Some(m) = marked.get_mut(*at as usize) {
                *m = true;
            }
        }
        marked
    }

    fn tag_index(&self) -> &HashMap<&'a str, Vec<u32>, BuildHasherDefault<Fnv>> {
        self.tags.get_or_init(|| {
            let mut tags: HashMap<&'a str, Vec<u32>, BuildHasherDefault<Fnv>> = HashMap::default();
            for element in self.doc.elements() {
                tags.entry(element.name())
                    .or_default()
                    .push(element.index() as u32);
            }
            tags
        })
    }

    fn attribute_index(&self) -> &AttributeIndex<'a> {
        self.attributes
            .get_or_init(|| AttributeIndex::compute(self.doc))
    }

    /// In document order, the elements whose [`Page::role_spec`] satisfies `wanted` (rules
    /// about a few roles visit only those).
    pub(crate) fn elements_with_role(&self, wanted: impl Fn(&Role) -> bool) -> Vec<Element<'a>> {
        let index = self.role_index.get_or_init(|| {
            let mut index: HashMap<&'static str, Vec<u32>, BuildHasherDefault<Fnv>> =
                HashMap::default();
            for element in self.doc.elements() {
                if let Some(role) = self.role(&element) {
                    index.entry(role).or_default().push(element.index() as u32);
                }
            }
            index
        });
        let mut found: Vec<u32> = index
            .iter()
            .filter(|(name, _)| crate::aria::role_named(name).is_some_and(&wanted))
            .flat_map(|(_, list)| list.iter().copied())
            .collect();
        found.sort_unstable();
        found
            .into_iter()
            .filter_map(|i| self.doc.element_at(i as usize))
            .collect()
    }

    /// Landmarks of the page in document order ([`crate::landmarks::landmarks`]), computed once.
    pub(crate) fn landmarks(&self) -> &[(Element<'a>, &'static str)] {
        self.landmarks
            .get_or_init(|| crate::landmarks::landmarks(self))
    }

    /// The element's role: explicit (with presentational-role conflict resolution) or implicit.
    pub fn role(&self, element: &Element<'_>) -> Option<&'static str> {
        let roles = self.roles.get_or_init(|| {
            let focus = self.focus();
            self.doc
                .elements()
                .map(|e| crate::aria::roles_implicit::resolved_role(&e, focus.is_focusable(&e)))
                .collect()
        });
        roles.get(element.index()).copied().flatten()
    }

    /// The WAI-ARIA definition of the element's [`Page::role`] (`role_named` of it, remembered
    /// per role name: rules ask it of every element).
    pub fn role_spec(&self, element: &Element<'_>) -> Option<&'static Role> {
        let name = self.role(element)?;
        let key = (name.as_ptr() as usize, name.len());
        if let Some(found) = self.role_specs.borrow().get(&key) {
            return *found;
        }
        let found = crate::aria::role_named(name);
        self.role_specs.borrow_mut().insert(key, found);
        found
    }

    /// The element's accessible name (accname 1.2).
    pub fn name(&self, element: &Element<'_>) -> Name {
        if let Some(name) = self.names.borrow().get(&element.index()) {
            return name.clone();
        }
        let name = name::accessible_name(self, element);
        self.names
            .borrow_mut()
            .insert(element.index(), name.clone());
        name
    }

    /// Takes up to `wanted` elements of the page's name budget (at least a small floor, so
    /// every name still gets computed).
    pub(crate) fn take_name_budget(&self, wanted: usize) -> usize {
        let left = self.name_budget.get();
        let granted = wanted.min(left).max(64);
        self.name_budget.set(left.saturating_sub(granted));
        granted
    }

    /// Gives back what a name computation did not use.
    pub(crate) fn return_name_budget(&self, unused: usize) {
        self.name_budget.set(self.name_budget.get() + unused);
    }

    /// The element's accessible description (accname 1.2).
    pub fn description(&self, element: &Element<'_>) -> String {
        name::accessible_description(self, element)
    }
}

/// Whether the element's text has anything but white space: the same as
/// `!element.normalized_text().is_empty()`, without building the text.
pub(crate) fn has_text(element: &Element<'_>) -> bool {
    element
        .raw()
        .text()
        .any(|t| t.chars().any(|c| !c.is_whitespace()))
}

/// Elements by attribute name, built in one pass over the page.
#[derive(Default)]
struct AttributeIndex<'a> {
    by_name: HashMap<&'a str, Vec<u32>, BuildHasherDefault<Fnv>>,
    aria: Vec<u32>,
}

impl<'a> AttributeIndex<'a> {
    fn compute(doc: &'a Document) -> Self {
        let mut index = AttributeIndex::default();
        for element in doc.elements() {
            let at = element.index() as u32;
            let mut aria = false;
            for (name, _) in element.attrs() {
                let list = index.by_name.entry(name).or_default();
                // `href` and `xlink:href` share a local name: list the element once.
                if list.last() != Some(&at) {
                    list.push(at);
                }
                aria |= crate::aria::is_aria_name(name);
            }
            if aria {
                index.aria.push(at);
            }
        }
        index
    }
}

/// FNV-1a for the short attribute names of the index (SipHash is slow for them).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_index_lists_each_element_once_in_document_order() {
        let doc = Document::from_html(
            "<div id=a role=main><svg><a id=b href=x xlink:href=y aria-Label=z></a></svg>\
             <p id=c role=note aria-hidden=true></p><template><i id=d role=img></i></template></div>",
        );
        let page = Page::new(&doc);
        let ids = |found: Vec<Element<'_>>| -> Vec<String> {
            found
                .iter()
                .filter_map(|e| e.id().map(str::to_owned))
                .collect()
        };
        assert_eq!(
            ids(page.elements_with_attr("role").collect()),
            ["a", "c", "d"]
        );
        assert_eq!(ids(page.elements_with_attr("href").collect()), ["b"]);
        assert_eq!(ids(page.elements_with_aria_attrs().collect()), ["b", "c"]);
        assert_eq!(page.elements_with_attr("tabindex").count(), 0);
        // Like Document::elements_named: templates' contents are left out.
        assert_eq!(ids(page.elements_named("p").collect()), ["c"]);
        assert_eq!(page.elements_named("i").count(), 0);
        assert_eq!(
            ids(page.candidates(&["i", "a"], &["role", "aria-hidden"])),
            ["a", "b", "c", "d"]
        );
        // Roles: the same elements as a walk asking role_spec of every element.
        let presentational: Vec<_> = doc
            .elements()
            .filter(|e| page.role_spec(e).is_some_and(|r| r.children_presentational))
            .collect();
        assert_eq!(
            page.elements_with_role(|r| r.children_presentational),
            presentational
        );
        assert_eq!(ids(page.elements_with_role(|r| r.name == "main")), ["a"]);
        for tag in ["a", "p", "div", "svg"] {
            assert_eq!(
                page.elements_named(tag).collect::<Vec<_>>(),
                doc.elements_named(tag).collect::<Vec<_>>()
            );
        }
        // Every element with the attribute is listed (the rules' own test stays exact).
        let all: Vec<_> = doc.elements().filter(|e| e.has_attr("role")).collect();
        assert_eq!(all, page.elements_with_attr("role").collect::<Vec<_>>());
    }
}
