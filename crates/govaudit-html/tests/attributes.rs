//! Attributes of one tag: duplicates (the first occurrence wins, as the HTML Standard says),
//! the bound on attributes per element, and tags with very many attributes (html5ever is
//! patched so its duplicate check is linear: patches/html5ever/GOVAUDIT-PATCH.md).

use govaudit_html::Document;
use proptest::prelude::*;

const LIMIT: usize = Document::MAX_ATTRIBUTES_PER_ELEMENT;

/// `<div n1="v1" n2 ...>` with names as given (mixed case; the tokenizer lowercases them).
fn tag_with(attributes: &[(String, Option<String>)]) -> String {
    let mut page = String::from("<!doctype html><div");
    for (name, value) in attributes {
        page.push(' ');
        page.push_str(name);
        if let Some(value) = value {
            page.push_str("=\"");
            page.push_str(value);
            page.push('"');
        }
    }
    page.push_str(">text</div>");
    page
}

/// What the HTML Standard keeps: each lowercased name once, with its first value, in order.
fn first_occurrences(attributes: &[(String, Option<String>)]) -> Vec<(String, String)> {
    let mut kept: Vec<(String, String)> = Vec::new();
    for (name, value) in attributes {
        let name = name.to_ascii_lowercase();
        if !kept.iter().any(|(seen, _)| *seen == name) {
            kept.push((name, value.clone().unwrap_or_default()));
        }
    }
    kept
}

fn div_attributes(document: &Document) -> Vec<(String, String)> {
    let div = document.elements_named("div").next().expect("a div");
    div.attrs()
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
}

fn attribute() -> impl Strategy<Value = (String, Option<String>)> {
    (
        prop_oneof![
            // A small pool, so names repeat (also in another case).
            "[a-cA-C]{1,2}",
            // A large one, so tags have many distinct names: past 32 the patched tokenizer
            // checks duplicates with a set instead of a scan.
            "[a-zA-Z][a-zA-Z0-9_-]{0,6}",
        ],
        proptest::option::of("[a-z0-9 ]{0,5}"),
    )
}

proptest! {
    #[test]
    fn the_first_occurrence_of_each_attribute_wins(
        attributes in prop::collection::vec(attribute(), 0..160)
    ) {
        let document = Document::from_html(&tag_with(&attributes));
        prop_assert_eq!(div_attributes(&document), first_occurrences(&attributes));
        prop_assert_eq!(document.dropped_attributes(), 0);
    }

    #[test]
    fn many_distinct_attributes_with_duplicates_among_them(
        distinct in 30usize..300,
        repeats in prop::collection::vec((any::<prop::sample::Index>(), "[a-z]{0,3}"), 0..40),
    ) {
        // Distinct names first, then repeats of earlier ones with new values, shuffled in
        // at the end: every repeat must be dropped, whichever path the tokenizer took.
        let mut attributes: Vec<(String, Option<String>)> = (0..distinct)
            .map(|i| (format!("data-n{i}"), Some(i.to_string())))
            .collect();
        for (index, value) in repeats {
            let name = attributes[index.index(distinct)].0.to_ascii_uppercase();
            attributes.push((name, Some(value)));
        }
        let document = Document::from_html(&tag_with(&attributes));
        prop_assert_eq!(div_attributes(&document), first_occurrences(&attributes));
    }
}

#[test]
fn an_element_keeps_its_first_attributes_up_to_the_bound() {
    let attributes: Vec<(String, Option<String>)> = (0..LIMIT + 250)
        .map(|i| (format!("a{i}"), Some(i.to_string())))
        .chain([("A0".to_owned(), Some("late".to_owned()))])
        .collect();
    let document = Document::from_html(&tag_with(&attributes));
    let kept = div_attributes(&document);
    assert_eq!(kept.len(), LIMIT);
    assert_eq!(kept, first_occurrences(&attributes)[..LIMIT]);
    assert_eq!(document.dropped_attributes(), 250);
    // The rest of the page is unaffected.
    let div = document.elements_named("div").next().unwrap();
    assert_eq!(div.text(), "text");
}

#[test]
fn a_normal_page_drops_nothing() {
    let document = Document::from_html(
        "<!doctype html><html lang=zh><body><a href=/ class=nav id=home title=首页>首页</a>",
    );
    assert_eq!(document.dropped_attributes(), 0);
}

/// 200,000 distinct attributes on one tag (1.5 MB): quadratic before the html5ever patch
/// (minutes), linear now. No timing assertion: it must simply finish in a debug test run.
#[test]
fn a_tag_with_200k_distinct_attributes_parses() {
    const COUNT: usize = 200_000;
    let mut page = String::from("<!doctype html><p>before</p><div");
    for i in 0..COUNT {
        page.push_str(" a");
        page.push_str(&i.to_string());
    }
    page.push_str(" id=last>inside</div><p>after</p>");
    let document = Document::from_html(&page);
    let div = document.elements_named("div").next().unwrap();
    assert_eq!(div.attrs().count(), LIMIT);
    assert_eq!(div.attr("a0"), Some(""));
    assert_eq!(div.attr("id"), None, "dropped: it came after the bound");
    assert_eq!(document.dropped_attributes(), COUNT + 1 - LIMIT);
    assert_eq!(div.text(), "inside");
    let paragraphs: Vec<String> = document.elements_named("p").map(|p| p.text()).collect();
    assert_eq!(paragraphs, ["before", "after"]);
}

/// A page with more tags than a DOM may hold keeps the first ones as markup and reads the rest
/// as text: bounded memory, nothing lost from the text.
#[test]
fn a_page_past_the_tag_bound_reads_the_rest_as_text() {
    let mut html = String::from("<!doctype html><html lang=en><title>t</title><body>");
    for i in 0..200_000 {
        html.push_str(&format!("<b>{i}</b>"));
    }
    html.push_str("<p id=last>the end</p>");
    let doc = govaudit_html::Document::from_html(&html);
    assert!(doc.tags_were_dropped());
    assert!(
        doc.element_by_id("last").is_none(),
        "a tag past the bound became an element"
    );
    assert!(doc.element_count() < 160_000, "{}", doc.element_count());
    let body = doc.elements_named("body").next().unwrap().text();
    assert!(
        body.ends_with("199999the end"),
        "the text after the bound is kept"
    );
    let small = govaudit_html::Document::from_html("<p id=a>x</p>");
    assert!(!small.tags_were_dropped());
}
