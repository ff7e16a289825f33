//! What a URL fragment can point to in a page.

use crate::Document;
use std::collections::BTreeSet;

impl Document {
    /// The names a URL fragment (`#apply`) can scroll to in this page, as the HTML standard's
    /// "find a potential indicated element" looks them up: the `id` of every element of the page
    /// and the `name` of every `<a>`. Template contents are not part of the page and give none.
    /// Sorted, each name once.
    pub fn fragment_targets(&self) -> Vec<String> {
        // `ids()` also counts template contents: keep the ids an element of the page carries.
        let ids = self
            .ids()
            .filter(|(id, _)| self.element_by_id(id).is_some())
            .map(|(id, _)| id);
        let anchor_names = self.elements_named("a").filter_map(|a| a.attr("name"));
        ids.chain(anchor_names)
            .collect::<BTreeSet<&str>>()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::Document;

    #[test]
    fn ids_and_anchor_names_outside_templates() {
        let document = Document::from_html(
            "<h2 id=apply>申请</h2><a name=old>old</a><a name=apply>dup</a>\
             <template><p id=hidden></p><a name=also-hidden></a></template>\
             <p name=not-an-anchor></p><svg><g id=shape></g></svg>",
        );
        assert_eq!(document.fragment_targets(), ["apply", "old", "shape"]);
    }

    #[test]
    fn a_page_without_targets() {
        assert!(
            Document::from_html("<p>text</p>")
                .fragment_targets()
                .is_empty()
        );
    }
}
