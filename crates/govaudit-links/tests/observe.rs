//! The observation API gives what the document-based checks give: [`check_site`] over parsed
//! pages equals [`observe_page`] + [`check_page_links`] per page + [`check_site_observed`], over
//! the demo site and over generated sites. And the page's scheme, which decides mixed content,
//! comes from the site URL.

use govaudit_core::{Collector, Finding, Outcome};
use govaudit_html::Document;
use govaudit_links::offline::url_of_path;
use govaudit_links::{
    OfflineOptions, OfflineReport, PageLinks, SiteIndex, SitePage, SiteStylesheet, check_directory,
    check_page_links, check_site, check_site_observed, observe_page,
};
use govaudit_site::Directory;
use proptest::prelude::*;
use std::path::Path;
use url::Url;

fn sorted(mut findings: Vec<Finding>) -> Vec<String> {
    let mut out: Vec<String> = findings
        .drain(..)
        .map(|f| serde_json::to_string(&f).unwrap())
        .collect();
    out.sort();
    out
}

/// Both ways over the same pages; returns (document-based, observed) reports.
fn both_ways(
    pages: &[(String, Document)],
    sheets: &[(String, String)],
    files: &[String],
    options: &OfflineOptions,
) -> (OfflineReport, OfflineReport, Vec<Finding>) {
    let site_pages: Vec<SitePage<'_>> = pages
        .iter()
        .map(|(path, document)| SitePage {
            report_url: format!("site/{path}"),
            path: path.clone(),
            document,
        })
        .collect();
    let stylesheets: Vec<SiteStylesheet<'_>> = sheets
        .iter()
        .map(|(path, css)| SiteStylesheet {
            report_url: format!("site/{path}"),
            path: path.clone(),
            css,
        })
        .collect();
    let by_documents = check_site(
        &site_pages,
        &stylesheets,
        SiteIndex::new(files.iter().cloned()),
        options,
    );
    let mut page_findings = Vec::new();
    let observed: Vec<PageLinks> = pages
        .iter()
        .map(|(path, document)| {
            let url = url_of_path(&options.site_url, path);
            let page = observe_page(format!("site/{path}"), path.clone(), document, Some(&url));
            let mut out = Collector::new(page.report_url.clone());
            check_page_links(&page, options.page_security(), &mut out);
            page_findings.extend(out.into_findings());
            page
        })
        .collect();
    let by_observations = check_site_observed(
        &observed,
        &stylesheets,
        SiteIndex::new(files.iter().cloned()),
        options,
    );
    (by_documents, by_observations, page_findings)
}

fn assert_same(pages: &[(String, Document)], sheets: &[(String, String)], files: &[String]) {
    let site_urls = [
        None,
        Some("https://www.shili.gov.cn/"),
        Some("http://www.shili.gov.cn/"),
    ];
    for site_url in site_urls {
        let mut options = OfflineOptions::default();
        if let Some(url) = site_url {
            options.site_url = Url::parse(url).unwrap();
        }
        let (by_documents, by_observations, page_findings) =
            both_ways(pages, sheets, files, &options);
        let mut observed_findings = page_findings;
        observed_findings.extend(by_observations.findings.clone());
        assert_eq!(
            sorted(by_documents.findings.clone()),
            sorted(observed_findings),
            "site URL {site_url:?}"
        );
        assert_eq!(by_documents.stats, by_observations.stats);
        assert_eq!(by_documents.sources, by_observations.sources);
        assert_eq!(by_documents.external, by_observations.external);
    }
}

#[test]
fn observed_equals_document_based_on_the_demo_site() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo-site");
    let site = Directory::walk(&root).unwrap();
    let pages: Vec<(String, Document)> = site
        .pages()
        .map(|file| {
            let resource = site.read(file, file.path.clone()).unwrap();
            let document =
                Document::parse(&resource.body, resource.content_type().as_deref(), None);
            (file.path.clone(), document)
        })
        .collect();
    let sheets: Vec<(String, String)> = site
        .stylesheets()
        .map(|file| {
            let resource = site.read(file, file.path.clone()).unwrap();
            (
                file.path.clone(),
                String::from_utf8_lossy(&resource.body).into_owned(),
            )
        })
        .collect();
    let files: Vec<String> = site.paths().map(str::to_owned).collect();
    assert!(pages.len() > 20, "the demo site has its pages");
    let (by_documents, _, _) = both_ways(&pages, &sheets, &files, &OfflineOptions::default());
    assert!(
        by_documents.findings.len() >= 8,
        "the demo site's defects are found"
    );
    assert_same(&pages, &sheets, &files);
}

/// A reference a generated page may carry.
fn reference() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a.html".to_owned()),
        Just("sub/b.html".to_owned()),
        Just("Sub/B.html".to_owned()),
        Just("/sub/".to_owned()),
        Just("missing.html".to_owned()),
        Just("a.html#top".to_owned()),
        Just("a.html#sec".to_owned()),
        Just("a.html#nowhere".to_owned()),
        Just("#sec".to_owned()),
        Just("http://www.shili.gov.cn/a.html".to_owned()),
        Just("https://www.shili.gov.cn/sub/b.html#x".to_owned()),
        Just("http://cdn.example.com/lib.js".to_owned()),
        Just("https://www.gov.cn/".to_owned()),
        Just("mailto:bad".to_owned()),
        Just("mailto:xx@shili.gov.cn".to_owned()),
        Just("javascript:void(0)".to_owned()),
        Just("file:///C:/doc.docx".to_owned()),
        Just("http://[::1".to_owned()),
        Just("css/site.css".to_owned()),
    ]
}

/// An element carrying a reference, with an optional fragment target.
fn element() -> impl Strategy<Value = String> {
    (
        0..5usize,
        reference(),
        prop_oneof![Just(""), Just(" id=sec"), Just(" name=x")],
    )
        .prop_map(|(kind, href, target)| match kind {
            0 => format!("<a href=\"{href}\"{target}>link</a>"),
            1 => format!("<img src=\"{href}\" alt=i{target}>"),
            2 => format!("<script src=\"{href}\"></script>"),
            3 => format!("<form action=\"{href}\"{target}></form>"),
            _ => format!("<p style=\"background:url({href})\"{target}>x</p>"),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn observed_equals_document_based_on_generated_sites(
        bodies in prop::collection::vec(prop::collection::vec(element(), 0..8), 1..4),
        base in prop_oneof![Just(""), Just("<base href=/sub/>")],
        css in prop_oneof![Just(""), Just("body{background:url(../missing.png)}"), Just("@import url(http://cdn.example.com/x.css);")],
    ) {
        let paths = ["a.html", "sub/b.html", "index.html", "sub/index.htm"];
        let pages: Vec<(String, Document)> = bodies
            .iter()
            .zip(paths)
            .map(|(elements, path)| {
                let html = format!("<!doctype html><title>t</title>{base}\n{}", elements.join("\n"));
                (path.to_owned(), Document::from_html(&html))
            })
            .collect();
        let sheets = vec![("css/site.css".to_owned(), css.to_owned())];
        let mut files: Vec<String> = pages.iter().map(|(p, _)| p.clone()).collect();
        files.push("css/site.css".to_owned());
        assert_same(&pages, &sheets, &files);
    }
}

fn insecure_findings(options: &OfflineOptions) -> Vec<(Outcome, u32)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/insecure");
    let report = check_directory(&dir, options).unwrap();
    let mut found: Vec<(Outcome, u32)> = report
        .findings
        .iter()
        .filter(|f| f.rule == "links/insecure" && f.url.ends_with("/fail.html"))
        .map(|f| (f.outcome, f.location.line.unwrap_or(0)))
        .collect();
    found.sort_by_key(|(_, line)| *line);
    found
}

#[test]
fn an_https_site_url_makes_http_references_mixed_content() {
    let options = OfflineOptions {
        site_url: Url::parse("https://www.example.gov.cn/").unwrap(),
        ..OfflineOptions::default()
    };
    assert_eq!(
        insecure_findings(&options),
        [3, 4, 5, 6].map(|line| (Outcome::Fail, line))
    );
}

#[test]
fn an_http_site_url_has_no_mixed_content() {
    // Before, every same-site reference of an http: site was "loaded over http: on an HTTPS
    // page". The fixture's references, and the pages' own same-site links, give nothing now.
    let options = OfflineOptions {
        site_url: Url::parse("http://www.example.gov.cn/").unwrap(),
        ..OfflineOptions::default()
    };
    assert!(insecure_findings(&options).is_empty());
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let report = check_directory(&dir, &options).unwrap();
    let insecure: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == "links/insecure")
        .collect();
    assert!(insecure.is_empty(), "{insecure:#?}");
}

#[test]
fn without_a_site_url_http_references_are_reviews() {
    assert_eq!(
        insecure_findings(&OfflineOptions::default()),
        [3, 4, 5, 6].map(|line| (Outcome::Review, line))
    );
    let assumed = OfflineOptions {
        assume_https: true,
        ..OfflineOptions::default()
    };
    assert_eq!(
        insecure_findings(&assumed),
        [3, 4, 5, 6].map(|line| (Outcome::Fail, line))
    );
}

#[test]
fn observations_keep_no_selector_for_links_never_reported() {
    let document = Document::from_html(
        "<a href=\"javascript:void(0)\">js</a>\n<a href=\"tel:12345\">tel</a>\n<a href=\"a.html\">a</a>",
    );
    let url = Url::parse("https://site.invalid/index.html").unwrap();
    let page = observe_page("index.html", "index.html", &document, Some(&url));
    let selectors: Vec<Option<&str>> = page.links.iter().map(|l| l.selector.as_deref()).collect();
    assert_eq!(
        selectors,
        [None, None, Some(":root > body > a:nth-child(3)")]
    );
    assert_eq!(page.links[2].line, 3);
}
