use govaudit_html::{Document, EncodingSource, Selector};
use proptest::prelude::*;
use url::Url;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn gbk_page_declared_by_meta_decodes() {
    let doc = Document::parse(&fixture("gbk-meta.html"), None, None);
    assert_eq!(doc.decoding().encoding.name(), "GBK");
    assert_eq!(doc.decoding().source, EncodingSource::MetaDeclaration);
    assert!(!doc.decoding().had_errors);
    assert_eq!(
        doc.title().as_deref(),
        Some("示例市人民政府 - 政府信息公开")
    );
    let h1 = doc.elements_named("h1").next().unwrap();
    assert_eq!(h1.text(), "政府信息公开指南");
    assert_eq!(h1.line(), 8);
}

#[test]
fn undeclared_gbk_page_is_detected_on_a_cn_host() {
    let url = Url::parse("http://www.shili.gov.cn/xxgk/").unwrap();
    let doc = Document::parse(&fixture("gbk-undeclared.html"), None, Some(&url));
    assert_eq!(doc.decoding().encoding.name(), "GBK");
    assert_eq!(doc.decoding().source, EncodingSource::Detected);
    assert_eq!(
        doc.title().as_deref(),
        Some("示例市人民政府 - 政府信息公开")
    );
}

#[test]
fn gb18030_four_byte_characters_decode() {
    let doc = Document::parse(&fixture("gb18030.html"), None, None);
    assert_eq!(doc.decoding().encoding.name(), "gb18030");
    assert_eq!(doc.title().as_deref(), Some("生僻字 𠀀 测试"));
}

#[test]
fn big5_page_decodes() {
    let doc = Document::parse(&fixture("big5.html"), None, None);
    assert_eq!(doc.decoding().encoding.name(), "Big5");
    assert_eq!(doc.title().as_deref(), Some("政府資訊公開"));
}

#[test]
fn http_charset_overrides_meta() {
    let doc = Document::parse(
        &fixture("gbk-meta.html"),
        Some("text/html; charset=utf-8"),
        None,
    );
    assert_eq!(doc.decoding().source, EncodingSource::HttpHeader);
    assert!(
        doc.decoding().had_errors,
        "GBK bytes read as UTF-8 must show errors"
    );
}

#[test]
fn every_element_knows_its_line() {
    let page = "<!doctype html>\n<html lang=en>\n<head>\n<title>T</title>\n</head>\n<body>\n<p>one</p>\n\n<p>two\n<a href=x>link</a></p>\n</body>\n</html>\n";
    let doc = Document::from_html(page);
    let lines: Vec<(String, u32)> = doc
        .elements()
        .map(|e| (e.name().to_owned(), e.line()))
        .collect();
    assert_eq!(
        lines,
        [
            ("html", 2),
            ("head", 3),
            ("title", 4),
            ("body", 6),
            ("p", 7),
            ("p", 9),
            ("a", 10)
        ]
        .map(|(n, l)| (n.to_owned(), l))
    );
}

#[test]
fn template_contents_are_not_selected() {
    let doc =
        Document::from_html("<template><img id=t src=a.png></template><img id=real src=b.png>");
    let imgs = doc.select_css("img").unwrap();
    assert_eq!(imgs.len(), 1);
    assert_eq!(imgs[0].id(), Some("real"));
    let all: Vec<_> = doc.elements().filter(|e| e.name() == "img").collect();
    assert_eq!(all.len(), 2);
    assert!(all[0].is_in_template());
    assert!(doc.element_by_id("t").is_none());
}

#[test]
fn ids_attributes_text_and_navigation() {
    let doc = Document::from_html(
        "<div id=a><p id=dup>Hello <b>big</b>\n  world</p><p id=dup></p></div>\
         <svg><a xlink:href=\"#x\"><text>t</text></a></svg>",
    );
    assert_eq!(doc.elements_with_id("dup").count(), 2);
    let div = doc.element_by_id("a").unwrap();
    let p = div.children().next().unwrap();
    assert_eq!(p.normalized_text(), "Hello big world");
    assert!(div.contains(&p));
    assert!(!p.contains(&div));
    assert_eq!(div.descendants().count(), 3);
    assert_eq!(p.parent(), Some(div));
    assert_eq!(
        p.ancestors().map(|e| e.name()).collect::<Vec<_>>(),
        ["div", "body", "html"]
    );
    let svg_a = doc.select_css("svg a").unwrap()[0];
    assert!(svg_a.is_svg());
    assert_eq!(svg_a.attr("xlink:href"), Some("#x"));
    assert_eq!(svg_a.attr("href"), None);
    assert!(Selector::parse("p[").is_err());
}

#[test]
fn base_url_resolves_against_the_page() {
    let url = Url::parse("https://www.shili.gov.cn/xxgk/index.html").unwrap();
    let doc = Document::parse(b"<base href=\"/en/\"><a href=x>", None, Some(&url));
    assert_eq!(
        doc.base_url().unwrap().as_str(),
        "https://www.shili.gov.cn/en/"
    );
    let doc = Document::parse(b"<a href=x>", None, Some(&url));
    assert_eq!(doc.base_url().unwrap().as_str(), url.as_str());
}

#[test]
fn snippets_are_start_tags_shortened() {
    let long = "x".repeat(500);
    let doc = Document::from_html(&format!("<img alt=\"a &quot;b&quot;\" src=\"{long}\">"));
    let img = doc.select_css("img").unwrap()[0];
    let snippet = img.snippet();
    assert!(snippet.starts_with("<img alt=\"a &quot;b&quot;\" src=\"xxx"));
    assert!(snippet.chars().count() <= 161, "{snippet}");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 100_000;
    let page = format!(
        "<!doctype html>{}<p id=deep>x</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // A small stack proves the walk is iterative.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let doc = Document::from_html(&page);
            let deep = doc.element_by_id("deep").expect("deepest element");
            let ancestors = deep.ancestors().count();
            let text_len = doc.root().map(|r| r.text().len());
            let path = deep.css_path();
            assert!(doc.was_flattened());
            (doc.element_count(), ancestors, text_len, path)
        })
        .unwrap();
    let (count, ancestors, text_len, path) = handle.join().expect("no stack overflow");
    // Nesting beyond 512 levels is flattened as in Chromium; the content stays.
    assert_eq!(count, 512 + 4);
    assert_eq!(ancestors, 512 + 2);
    assert_eq!(text_len, Some(1));
    assert_eq!(path, "#deep");
}

/// A random element tree, rendered to HTML.
#[derive(Debug, Clone)]
struct Tree {
    tag: &'static str,
    id: Option<&'static str>,
    children: Vec<Tree>,
}

fn tree() -> impl Strategy<Value = Tree> {
    let tag = prop::sample::select(vec![
        "div",
        "p",
        "span",
        "section",
        "ul",
        "li",
        "em",
        "my-widget",
    ]);
    let id = prop::option::of(prop::sample::select(vec![
        "a", "b", "c", "d-1", "9x", "x y",
    ]));
    let leaf = (tag.clone(), id.clone()).prop_map(|(tag, id)| Tree {
        tag,
        id,
        children: vec![],
    });
    leaf.prop_recursive(5, 60, 5, move |inner| {
        (tag.clone(), id.clone(), prop::collection::vec(inner, 0..5))
            .prop_map(|(tag, id, children)| Tree { tag, id, children })
    })
}

fn render(tree: &Tree, out: &mut String) {
    out.push('<');
    out.push_str(tree.tag);
    if let Some(id) = tree.id {
        out.push_str(&format!(" id=\"{id}\""));
    }
    out.push('>');
    for child in &tree.children {
        render(child, out);
    }
    out.push_str(&format!("</{}>", tree.tag));
}

proptest! {
    #[test]
    fn css_path_selects_exactly_its_element(trees in prop::collection::vec(tree(), 1..4), quirks in any::<bool>()) {
        let mut page = String::from(if quirks { "" } else { "<!doctype html>" });
        for t in &trees {
            render(t, &mut page);
        }
        let doc = Document::from_html(&page);
        for element in doc.elements() {
            let path = element.css_path();
            let selected = doc.select_css(&path).unwrap();
            prop_assert_eq!(selected.len(), 1, "{} selects {} elements in {}", path, selected.len(), page);
            prop_assert_eq!(selected[0], element, "{}", path);
        }
    }

    #[test]
    fn parse_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let doc = Document::parse(&bytes, None, None);
        for element in doc.elements() {
            let _ = (element.css_path(), element.snippet(), element.line());
        }
    }
}

#[test]
fn svg_and_xml_are_not_html_documents() {
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>";
    assert!(!Document::parse(svg, Some("image/svg+xml"), None).is_html_document());
    assert!(!Document::parse(svg, Some("application/xml; charset=utf-8"), None).is_html_document());
    assert!(Document::parse(svg, Some("application/xhtml+xml"), None).is_html_document());
    assert!(Document::parse(svg, Some("text/html"), None).is_html_document());
    assert!(Document::parse(svg, None, None).is_html_document());
}
