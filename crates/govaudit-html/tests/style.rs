//! The cascade with linked and imported sheets, its gaps and its work budget.

use govaudit_html::Document;
use govaudit_html::style::{
    CASCADE_WORK_BUDGET, MAX_IMPORT_DEPTH, SheetState, StyleGap, Styles, StylesheetSource,
    stylesheet_urls,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use url::Url;

/// Sheets by URL; anything else is a 404. Remembers what was asked for.
#[derive(Default)]
struct Sheets {
    files: HashMap<String, String>,
    asked: Mutex<Vec<String>>,
}

impl Sheets {
    fn with(files: &[(&str, &str)]) -> Sheets {
        Sheets {
            files: files
                .iter()
                .map(|(url, css)| ((*url).to_owned(), (*css).to_owned()))
                .collect(),
            asked: Mutex::new(Vec::new()),
        }
    }

    fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }
}

impl StylesheetSource for Sheets {
    fn load(&self, url: &Url) -> SheetState {
        self.asked.lock().unwrap().push(url.to_string());
        match self.files.get(url.as_str()) {
            Some(css) => SheetState::Loaded(Arc::from(css.as_str())),
            None => SheetState::Unavailable {
                reason: "HTTP 404".to_owned(),
            },
        }
    }
}

fn page(html: &str) -> Document {
    let url = Url::parse("https://x.gov.cn/news/index.html").unwrap();
    Document::parse(html.as_bytes(), Some("text/html"), Some(&url))
}

fn color_of(doc: &Document, styles: &Styles, id: &str) -> Option<String> {
    let element = doc.element_by_id(id).expect(id);
    styles.get(&element).color.as_deref().map(str::to_owned)
}

#[test]
fn linked_sheets_apply_in_document_order() {
    let doc = page(
        "<link rel=stylesheet href=a.css><style>p { color: green }</style>\
         <link rel='Stylesheet' href=/b.css><p id=p>t</p><p id=q class=q>u</p>",
    );
    let sheets = Sheets::with(&[
        (
            "https://x.gov.cn/news/a.css",
            "p { color: red } .q { color: #777 }",
        ),
        ("https://x.gov.cn/b.css", "p { color: blue }"),
    ]);
    let styles = Styles::compute_with(&doc, &sheets);
    assert!(styles.is_complete(), "{:?}", styles.gaps());
    assert_eq!(color_of(&doc, &styles, "p").as_deref(), Some("blue"));
    assert_eq!(color_of(&doc, &styles, "q").as_deref(), Some("#777"));
    let read: Vec<&str> = styles
        .external_sheets()
        .iter()
        .map(|(url, _)| url.as_str())
        .collect();
    assert_eq!(
        read,
        ["https://x.gov.cn/news/a.css", "https://x.gov.cn/b.css"]
    );
}

#[test]
fn sheets_that_do_not_apply_are_not_read() {
    let doc = page(
        "<link rel=stylesheet href=print.css media=print>\
         <link rel='alternate stylesheet' href=alt.css>\
         <link rel=stylesheet href=off.css disabled>\
         <link rel=stylesheet href=less.less type=text/less>\
         <link rel=icon href=favicon.ico>\
         <link rel=stylesheet href=screen.css media='screen, print'><p id=p>t</p>",
    );
    let sheets = Sheets::with(&[("https://x.gov.cn/news/screen.css", "p { color: red }")]);
    let styles = Styles::compute_with(&doc, &sheets);
    assert!(styles.is_complete(), "{:?}", styles.gaps());
    assert_eq!(sheets.asked(), ["https://x.gov.cn/news/screen.css"]);
    assert_eq!(color_of(&doc, &styles, "p").as_deref(), Some("red"));
    assert_eq!(
        stylesheet_urls(&doc)
            .iter()
            .map(Url::as_str)
            .collect::<Vec<_>>(),
        ["https://x.gov.cn/news/screen.css"]
    );
}

#[test]
fn imports_chain_before_the_importing_sheet() {
    let doc = page(
        "<style>@import url(one.css); @import 'print.css' print; p { color: black }</style>\
         <link rel=stylesheet href=/css/two.css><p id=p>t</p><p id=q>u</p><p id=r>v</p>",
    );
    let sheets = Sheets::with(&[
        // The inline import is overridden by the inline sheet's own rule.
        (
            "https://x.gov.cn/news/one.css",
            "p { color: red } #q { color: olive }",
        ),
        // Relative to the importing sheet, not the page.
        (
            "https://x.gov.cn/css/two.css",
            "@import 'deep/three.css'; #r { color: teal }",
        ),
        (
            "https://x.gov.cn/css/deep/three.css",
            "#r { color: navy } #p { color: maroon }",
        ),
    ]);
    let styles = Styles::compute_with(&doc, &sheets);
    assert!(styles.is_complete(), "{:?}", styles.gaps());
    assert_eq!(color_of(&doc, &styles, "p").as_deref(), Some("maroon"));
    assert_eq!(color_of(&doc, &styles, "q").as_deref(), Some("olive"));
    assert_eq!(color_of(&doc, &styles, "r").as_deref(), Some("teal"));
    assert!(!sheets.asked().iter().any(|u| u.ends_with("print.css")));
    assert_eq!(
        stylesheet_urls(&doc)
            .iter()
            .map(Url::as_str)
            .collect::<Vec<_>>(),
        [
            "https://x.gov.cn/news/one.css",
            "https://x.gov.cn/css/two.css"
        ]
    );
}

#[test]
fn import_cycles_are_skipped() {
    let doc = page("<link rel=stylesheet href=a.css><p id=p>t</p>");
    let sheets = Sheets::with(&[
        (
            "https://x.gov.cn/news/a.css",
            "@import 'b.css'; p { color: red }",
        ),
        (
            "https://x.gov.cn/news/b.css",
            "@import 'a.css'; @import 'b.css'; p { color: blue }",
        ),
    ]);
    let styles = Styles::compute_with(&doc, &sheets);
    assert!(styles.is_complete(), "{:?}", styles.gaps());
    assert_eq!(sheets.asked().len(), 2);
    assert_eq!(color_of(&doc, &styles, "p").as_deref(), Some("red"));
}

#[test]
fn deep_import_chains_stop_and_say_so() {
    let doc = page("<link rel=stylesheet href=s0.css><p id=p>t</p>");
    let files: Vec<(String, String)> = (0..20)
        .map(|i| {
            (
                format!("https://x.gov.cn/news/s{i}.css"),
                format!("@import 's{}.css'; p {{ color: #{i:03} }}", i + 1),
            )
        })
        .collect();
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(u, c)| (u.as_str(), c.as_str()))
        .collect();
    let sheets = Sheets::with(&files);
    let styles = Styles::compute_with(&doc, &sheets);
    assert_eq!(sheets.asked().len(), MAX_IMPORT_DEPTH + 1);
    let too_deep = format!("https://x.gov.cn/news/s{}.css", MAX_IMPORT_DEPTH + 1);
    assert_eq!(
        styles.gaps(),
        [StyleGap::ImportTooDeep {
            url: Url::parse(&too_deep).unwrap()
        }]
    );
}

#[test]
fn unreadable_sheets_are_gaps_with_their_reason() {
    let doc = page(
        "<link rel=stylesheet href=/style.css><link rel=stylesheet href=print.css media=print>\
         <p id=p>t</p>",
    );
    let styles = Styles::compute_with(&doc, &Sheets::default());
    assert_eq!(
        styles.incompleteness().as_deref(),
        Some("a linked stylesheet could not be read: https://x.gov.cn/style.css (HTTP 404)")
    );
    // Without a source, a page that links sheets is incomplete too.
    let styles = Styles::compute(&doc);
    assert_eq!(
        styles.gaps(),
        [StyleGap::NotRead {
            href: "https://x.gov.cn/style.css".to_owned()
        }]
    );
    // A relative address on a page without a URL.
    let doc =
        Document::from_html("<link rel=stylesheet href=a.css><link rel=stylesheet href=b.css>");
    let styles = Styles::compute_with(&doc, &Sheets::default());
    assert_eq!(
        styles.incompleteness().as_deref(),
        Some("a linked stylesheet's address cannot be resolved: a.css, and 1 more")
    );
    // A page with only inline styles is complete either way.
    let doc = page("<style>p { color: red }</style><p>t</p>");
    assert!(Styles::compute(&doc).is_complete());
}

#[test]
fn the_sheet_budget_bounds_what_a_page_reads() {
    let big = "p { color: red }\n".repeat(300_000);
    let links: String = (0..4)
        .map(|i| format!("<link rel=stylesheet href=big{i}.css>"))
        .collect();
    let doc = page(&(links + "<p>t</p>"));
    let files: Vec<(String, &str)> = (0..4)
        .map(|i| (format!("https://x.gov.cn/news/big{i}.css"), big.as_str()))
        .collect();
    let files: Vec<(&str, &str)> = files.iter().map(|(u, c)| (u.as_str(), *c)).collect();
    let styles = Styles::compute_with(&doc, &Sheets::with(&files));
    // Each sheet is about 5 MB: the second passes the 8 MiB budget.
    assert!(
        matches!(
            styles.gaps().first(),
            Some(StyleGap::SheetBudgetExhausted { url }) if url.as_str().ends_with("big1.css")
        ),
        "{:?}",
        styles.gaps()
    );
}

#[test]
fn hostile_cascades_stop_at_the_work_budget() {
    // 30,000 rules for `div` over 30,000 divs: 900 million match attempts without a budget.
    let n = 30_000;
    let html = format!(
        "<style>{}</style>{}",
        "div{color:red}".repeat(n),
        "<div>x</div>".repeat(n)
    );
    let doc = Document::from_html(&html);
    let styles = Styles::compute(&doc);
    assert_eq!(styles.gaps(), [StyleGap::WorkBudgetExhausted]);
    assert_eq!(
        styles.incompleteness().as_deref(),
        Some("style too complex: cascade work budget exhausted")
    );
    // The budget is what ran out, not the page: the same page with one rule is complete.
    let small = format!(
        "<style>div{{color:red}}</style>{}",
        "<div>x</div>".repeat(n)
    );
    assert!(Styles::compute(&Document::from_html(&small)).is_complete());
    assert!(CASCADE_WORK_BUDGET < (n * n) as u64);
}

#[test]
fn corpus_pages_stay_within_the_work_budget() {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return;
    };
    let mut pages = 0;
    for entry in std::fs::read_dir(shared.join("corpus/pages")).expect("corpus/pages") {
        let path = entry.expect("entry").path();
        if !path.extension().is_some_and(|e| e == "html" || e == "htm") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read page");
        let doc = Document::parse(&bytes, Some("text/html"), None);
        let styles = Styles::compute(&doc);
        assert!(
            !styles.gaps().contains(&StyleGap::WorkBudgetExhausted),
            "{}: the cascade work budget ran out",
            path.display()
        );
        pages += 1;
    }
    assert!(pages > 0, "the corpus has no pages");
}
