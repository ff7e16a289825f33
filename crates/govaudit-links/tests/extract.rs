//! Extraction: every element and attribute, `<base href>`, resolution, lines and selectors.

use govaudit_html::Document;
use govaudit_links::{LinkKind, extract, extract_stylesheet};
use std::collections::BTreeSet;
use url::Url;

fn fixture(path: &str) -> Document {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    Document::parse(&std::fs::read(file).unwrap(), Some("text/html"), None)
}

#[test]
fn base_href_applies_to_every_reference() {
    let doc = fixture("extract/base.html");
    let page = Url::parse("https://www.shili.gov.cn/x/index.html").unwrap();
    let got: Vec<(u32, String, String)> = extract(&doc, Some(&page))
        .into_iter()
        .map(|l| {
            (
                l.line,
                l.href.trim().to_owned(),
                l.url().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        (5, "page.html", "https://www.shili.gov.cn/sub/dir/page.html"),
        (6, "#sec", "https://www.shili.gov.cn/sub/dir/#sec"),
        (
            7,
            "//cdn.example.gov.cn/x.js",
            "https://cdn.example.gov.cn/x.js",
        ),
        (
            8,
            "https://例子.中国/路径?q=政策",
            "https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84?q=%E6%94%BF%E7%AD%96",
        ),
        (
            10,
            "spaced.html",
            "https://www.shili.gov.cn/sub/dir/spaced.html",
        ),
        (11, "../../../img.png", "https://www.shili.gov.cn/img.png"),
    ];
    let want: Vec<(u32, String, String)> = want
        .iter()
        .map(|(l, h, t)| (*l, h.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn every_url_attribute_is_extracted() {
    let doc = fixture("broken/fail.html");
    let page = Url::parse("https://site.invalid/fail.html").unwrap();
    let links = extract(&doc, Some(&page));
    let pairs: BTreeSet<(String, String)> = links
        .iter()
        .map(|l| (l.element.clone(), l.attribute.clone()))
        .collect();
    for (element, attribute) in [
        ("a", "href"),
        ("link", "href"),
        ("meta", "content"),
        ("style", ""),
        ("img", "src"),
        ("img", "srcset"),
        ("script", "src"),
        ("iframe", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("video", "src"),
        ("video", "poster"),
        ("track", "src"),
        ("audio", "src"),
        ("form", "action"),
        ("button", "formaction"),
        ("input", "src"),
        ("blockquote", "cite"),
        ("image", "href"),
        ("use", "xlink:href"),
        ("p", "style"),
        ("source", "srcset"),
        ("table", "background"),
    ] {
        assert!(
            pairs.contains(&(element.to_owned(), attribute.to_owned())),
            "{element}[{attribute}] not extracted: {pairs:?}"
        );
    }
    let refresh = links.iter().find(|l| l.element == "meta").unwrap();
    assert_eq!(refresh.href, "moved.html");
    assert_eq!(refresh.kind, LinkKind::Navigation);
    let style = links.iter().find(|l| l.element == "style").unwrap();
    // The column of the URL itself, inside `url("`.
    assert_eq!((style.line, style.column), (8, Some(24)));
    let script = links.iter().find(|l| l.element == "script").unwrap();
    assert_eq!(script.kind, LinkKind::ActiveResource);
    assert_eq!(script.selector.as_deref(), Some(":root > body > script"));
}

#[test]
fn templates_comments_and_origin_only_hints_give_nothing() {
    let doc = fixture("broken/pass.html");
    let page = Url::parse("https://site.invalid/pass.html").unwrap();
    let hrefs: Vec<String> = extract(&doc, Some(&page))
        .into_iter()
        .map(|l| l.href)
        .collect();
    for absent in [
        "missing-in-template.html",
        "missing-in-comment.html",
        "missing-origin-only/",
    ] {
        assert!(!hrefs.iter().any(|h| h == absent), "{absent} extracted");
    }
}

#[test]
fn stylesheet_references_have_lines_and_resolve_against_the_sheet() {
    let css = "body {\n  background: url(../img/bg.png);\n}\n@import \"print.css\";\n";
    let sheet = Url::parse("https://www.shili.gov.cn/css/style.css").unwrap();
    let links = extract_stylesheet(css, Some(&sheet));
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].line, 2);
    assert_eq!(
        links[0].url().unwrap().as_str(),
        "https://www.shili.gov.cn/img/bg.png"
    );
    assert_eq!(links[1].element, "@import");
    assert_eq!(links[1].kind, LinkKind::ActiveResource);
    assert_eq!(
        links[1].url().unwrap().as_str(),
        "https://www.shili.gov.cn/css/print.css"
    );
}
