//! Ownership in the accessibility tree (WAI-ARIA 1.2 §4.1 "owned element", `aria-owns`): who an
//! element's accessibility parent is, and which elements an element owns, skipping the elements
//! browsers leave out of the tree (hidden ones, `none` / `presentation`, and plain generic
//! containers).

use crate::Page;
use govaudit_html::{Document, Element};
use std::collections::HashMap;

/// `aria-owns` relationships of one page: owned element index → owner index (first owner wins,
/// as browsers do; references that would create a cycle are ignored).
pub struct Owners {
    owner_of: HashMap<usize, usize>,
    owned_by: HashMap<usize, Vec<usize>>,
}

impl Owners {
    pub fn compute(doc: &Document) -> Owners {
        let mut owner_of = HashMap::new();
        let mut owned_by: HashMap<usize, Vec<usize>> = HashMap::new();
        for owner in doc.elements() {
            let Some(ids) = owner.attr("aria-owns") else {
                continue;
            };
            if owner.is_in_template() {
                continue;
            }
            for id in ids.split_ascii_whitespace() {
                let Some(owned) = doc.element_by_id(id) else {
                    continue;
                };
                // An element cannot own itself or one of its ancestors.
                if owned.index() == owner.index() || owned.contains(&owner) {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(slot) =
                    owner_of.entry(owned.index())
                {
                    slot.insert(owner.index());
                    owned_by
                        .entry(owner.index())
                        .or_default()
                        .push(owned.index());
                }
            }
        }
        Owners { owner_of, owned_by }
    }

    /// The accessibility parent (before skipping ignored elements): the `aria-owns` owner, else
    /// the DOM parent.
    pub fn parent<'a>(&self, element: &Element<'a>) -> Option<Element<'a>> {
        match self.owner_of.get(&element.index()) {
            Some(&owner) => element.document().element_at(owner),
            None => element.parent(),
        }
    }

    /// Children in the accessibility tree order: DOM children not owned elsewhere, then the
    /// elements this one owns through `aria-owns`.
    pub fn children<'a>(&self, element: &Element<'a>) -> Vec<Element<'a>> {
        let me = element.index();
        let mut children: Vec<Element<'a>> = element
            .children()
            .filter(|c| self.owner_of.get(&c.index()).is_none_or(|&o| o == me))
            .filter(|c| self.owner_of.get(&c.index()) != Some(&me))
            .collect();
        if let Some(owned) = self.owned_by.get(&me) {
            let doc = element.document();
            children.extend(owned.iter().filter_map(|&i| doc.element_at(i)));
        }
        children
    }
}

/// Is the element left out of the accessibility tree as a node of its own, its children taking
/// its place: `none` / `presentation` (after conflict resolution), or a generic container (or an
/// element without role) that is not focusable and has no global ARIA attribute.
pub fn is_transparent(page: &Page<'_>, element: &Element<'_>) -> bool {
    match page.role(element) {
        Some("none" | "presentation") => true,
        // HTML-AAM: a <form> without an accessible name is a generic container, not a landmark.
        Some("form")
            if element.is_html() && element.name() == "form" && !has_author_name(element) =>
        {
            !page.focus().is_focusable(element)
                && !crate::aria::roles_implicit::has_global_aria(element)
        }
        Some("generic") | None => {
            !page.focus().is_focusable(element)
                && !crate::aria::roles_implicit::has_global_aria(element)
        }
        Some(_) => false,
    }
}

/// The nearest accessibility ancestor that is not transparent, with its role.
pub fn context_parent<'a>(
    page: &Page<'_>,
    owners: &Owners,
    element: &Element<'a>,
) -> Option<(Element<'a>, Option<&'static str>)> {
    let mut current = owners.parent(element);
    // Bounded by the document depth; aria-owns cycles are excluded when computing owners.
    let mut steps = 0usize;
    while let Some(p) = current {
        steps += 1;
        if steps > 4096 {
            return None;
        }
        if !is_transparent(page, &p) {
            return Some((p, page.role(&p)));
        }
        current = owners.parent(&p);
    }
    None
}

/// The owned elements that count (in the accessibility tree, not transparent; the children of
/// transparent ones take their place), and whether the element has any content at all (an
/// element child in the tree, or text).
pub fn owned_elements<'a>(
    page: &Page<'_>,
    owners: &Owners,
    element: &Element<'a>,
) -> (Vec<Element<'a>>, bool) {
    let mut owned = Vec::new();
    let mut has_content = has_own_text(element);
    let mut stack: Vec<Element<'a>> = owners.children(element);
    stack.reverse();
    while let Some(child) = stack.pop() {
        if !page.visibility().in_accessibility_tree(&child) {
            continue;
        }
        has_content = true;
        if is_transparent(page, &child) {
            let mut grand = owners.children(&child);
            grand.reverse();
            stack.extend(grand);
        } else {
            owned.push(child);
        }
    }
    (owned, has_content)
}

/// Non-white-space text directly inside the element (not in its element children).
fn has_own_text(element: &Element<'_>) -> bool {
    element
        .raw()
        .children()
        .any(|node| node.value().as_text().is_some_and(|t| !t.trim().is_empty()))
}

/// For every element (by [`Element::index`]), the first element of its subtree, itself
/// included, for which `matches` holds: one pass in reverse document order, so linear in the
/// page size. Used for "has focusable content" questions asked of many elements.
pub fn first_in_subtree(
    doc: &Document,
    matches: impl Fn(&Element<'_>) -> bool,
) -> Vec<Option<usize>> {
    let mut first: Vec<Option<usize>> = vec![None; doc.element_count()];
    let elements: Vec<Element<'_>> = doc.elements().collect();
    for element in elements.iter().rev() {
        let i = element.index();
        if i >= first.len() {
            continue;
        }
        if matches(element) {
            first[i] = Some(i);
        }
        if let (Some(found), Some(parent)) = (first[i], element.parent()) {
            let p = parent.index();
            // Later siblings are visited first, so the smallest index wins.
            if p < first.len() && first[p].is_none_or(|f| found < f) {
                first[p] = Some(found);
            }
        }
    }
    first
}

fn has_author_name(element: &Element<'_>) -> bool {
    ["aria-label", "aria-labelledby", "title"]
        .iter()
        .any(|n| element.attr(n).is_some_and(|v| !v.trim().is_empty()))
}
