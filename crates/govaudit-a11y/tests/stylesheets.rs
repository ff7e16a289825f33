//! Rules whose verdict depends on computed CSS, with linked and imported style sheets: sheets
//! supplied through a `StylesheetSource` decide them; sheets that could not be read (or were not
//! asked for, or a cascade past its work budget) make them `review`, never a silent pass.

use govaudit_core::{Collector, Outcome};
use govaudit_html::Document;
use govaudit_html::style::{SheetState, StylesheetSource};
use std::collections::HashMap;
use std::sync::Arc;
use url::Url;

/// Sheets by URL; anything else is an HTTP 404.
struct Sheets(HashMap<&'static str, &'static str>);

impl Sheets {
    fn with(files: &[(&'static str, &'static str)]) -> Sheets {
        Sheets(files.iter().copied().collect())
    }
}

impl StylesheetSource for Sheets {
    fn load(&self, url: &Url) -> SheetState {
        match self.0.get(url.as_str()) {
            Some(css) => SheetState::Loaded(Arc::from(*css)),
            None => SheetState::Unavailable {
                reason: "HTTP 404".to_owned(),
            },
        }
    }
}

const LOW_CONTRAST_PAGE: &str = "<!doctype html><html lang=zh><title>通知</title>\
    <link rel=stylesheet href=a.css><p>Grey text on grey</p>";

fn page(html: &str) -> Document {
    let url = Url::parse("https://x.gov.cn/index.html").unwrap();
    Document::parse(html.as_bytes(), Some("text/html"), Some(&url))
}

/// The findings of `rule` as (outcome, message), and whether the rule applied.
fn run(doc: &Document, rule: &str, sheets: Option<&Sheets>) -> (Vec<(Outcome, String)>, bool) {
    let mut found = Collector::with_applicability("index.html");
    match sheets {
        Some(sheets) => govaudit_a11y::check_rules_with(doc, &[rule], sheets, &mut found),
        None => govaudit_a11y::check_rules(doc, &[rule], &mut found),
    }
    let applied = found.applicability().iter().any(|a| a.rule == rule);
    let findings = found
        .findings()
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.outcome, f.message.clone()))
        .collect();
    (findings, applied)
}

#[test]
fn a_linked_sheet_decides_contrast() {
    let sheets = Sheets::with(&[(
        "https://x.gov.cn/a.css",
        "p { color: #777; background: #888 }",
    )]);
    let (findings, applied) = run(
        &page(LOW_CONTRAST_PAGE),
        "a11y/color-contrast",
        Some(&sheets),
    );
    assert!(applied);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, Outcome::Fail);
    assert!(findings[0].1.contains("#777 on #888"), "{}", findings[0].1);
}

#[test]
fn an_unavailable_sheet_makes_contrast_a_review() {
    for rule in ["a11y/color-contrast", "a11y/color-contrast-enhanced"] {
        let (findings, applied) = run(&page(LOW_CONTRAST_PAGE), rule, Some(&Sheets::with(&[])));
        assert!(applied);
        assert_eq!(findings.len(), 1, "{rule}: {findings:?}");
        assert_eq!(findings[0].0, Outcome::Review);
        assert!(
            findings[0].1.contains(
                "a linked stylesheet could not be read: https://x.gov.cn/a.css (HTTP 404)"
            ),
            "{}",
            findings[0].1
        );
    }
    // Black on white would pass, but the unread sheet may change that: still a review.
    let html = LOW_CONTRAST_PAGE.replace("Grey text on grey", "Black text on white");
    let (findings, _) = run(
        &page(&html),
        "a11y/color-contrast",
        Some(&Sheets::with(&[])),
    );
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].0, Outcome::Review);
}

#[test]
fn without_a_source_linked_sheets_are_reported_as_not_read() {
    let mut found = Collector::with_applicability("index.html");
    govaudit_a11y::check(&page(LOW_CONTRAST_PAGE), &mut found);
    let contrast: Vec<_> = found
        .findings()
        .iter()
        .filter(|f| f.rule == "a11y/color-contrast")
        .collect();
    assert_eq!(contrast.len(), 1);
    assert_eq!(contrast[0].outcome, Outcome::Review);
    assert!(
        contrast[0]
            .message
            .contains("a linked stylesheet was not read: https://x.gov.cn/a.css"),
        "{}",
        contrast[0].message
    );
}

#[test]
fn print_sheets_and_import_chains() {
    // A print sheet is not read and does not make the styles incomplete.
    let html = "<!doctype html><html lang=zh><title>t</title>\
        <link rel=stylesheet href=print.css media=print><p>Black text on white</p>";
    let (findings, applied) = run(&page(html), "a11y/color-contrast", Some(&Sheets::with(&[])));
    assert!(applied);
    assert!(findings.is_empty(), "{findings:?}");
    // The colours come through an import chain with a cycle in it.
    let sheets = Sheets::with(&[
        (
            "https://x.gov.cn/a.css",
            "@import 'css/b.css'; @import 'a.css';",
        ),
        (
            "https://x.gov.cn/css/b.css",
            "@import '../a.css'; p { color: #777; background: #888 }",
        ),
    ]);
    let (findings, _) = run(
        &page(LOW_CONTRAST_PAGE),
        "a11y/color-contrast",
        Some(&sheets),
    );
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, Outcome::Fail);
}

#[test]
fn spacing_and_orientation_rules_review_incomplete_styles() {
    let html = "<!doctype html><html lang=zh><title>t</title><link rel=stylesheet href=a.css>\
        <p style='letter-spacing: 0.2em !important; word-spacing: 0.2em !important'>Some text here</p>";
    for rule in [
        "a11y/important-letter-spacing",
        "a11y/important-word-spacing",
    ] {
        // Complete styles: 0.2em passes.
        let sheets = Sheets::with(&[("https://x.gov.cn/a.css", "p { font-size: 20px }")]);
        let (findings, applied) = run(&page(html), rule, Some(&sheets));
        assert!(applied && findings.is_empty(), "{rule}: {findings:?}");
        let (findings, _) = run(&page(html), rule, Some(&Sheets::with(&[])));
        assert_eq!(findings.len(), 1, "{rule}");
        assert_eq!(findings[0].0, Outcome::Review);
        assert!(findings[0].1.contains("HTTP 404"), "{}", findings[0].1);
    }
    // A linked sheet's orientation lock is found; an unread sheet is a review.
    let html = "<!doctype html><html lang=zh><title>t</title><link rel=stylesheet href=a.css>\
        <main id=m>Text</main>";
    let sheets = Sheets::with(&[(
        "https://x.gov.cn/a.css",
        "@media (orientation: portrait) { #m { transform: rotate(90deg) } }",
    )]);
    let (findings, _) = run(&page(html), "a11y/css-orientation-lock", Some(&sheets));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, Outcome::Fail);
    let (findings, _) = run(
        &page(html),
        "a11y/css-orientation-lock",
        Some(&Sheets::with(&[])),
    );
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, Outcome::Review);
}

#[test]
fn aria_hidden_focus_fails_once_every_sheet_is_read() {
    let html = "<!doctype html><html lang=zh><title>t</title><link rel=stylesheet href=a.css>\
        <div aria-hidden=true><a href=/x>x</a></div>";
    let sheets = Sheets::with(&[("https://x.gov.cn/a.css", "p { color: red }")]);
    let (findings, _) = run(&page(html), "a11y/aria-hidden-focus", Some(&sheets));
    assert_eq!(findings[0].0, Outcome::Fail);
    let (findings, _) = run(&page(html), "a11y/aria-hidden-focus", None);
    assert_eq!(findings[0].0, Outcome::Review);
    // The sheet hides it: nothing to report.
    let sheets = Sheets::with(&[("https://x.gov.cn/a.css", "div { display: none }")]);
    let (findings, _) = run(&page(html), "a11y/aria-hidden-focus", Some(&sheets));
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_cascade_past_its_work_budget_makes_contrast_a_review() {
    // 30,000 rules for `div` over 30,000 divs (900 million match attempts without a budget).
    let n = 30_000;
    let html = format!(
        "<!doctype html><html lang=zh><title>t</title><style>{}</style>{}",
        "div{color:red}".repeat(n),
        "<div>Some text</div>".repeat(n)
    );
    let (findings, applied) = run(&page(&html), "a11y/color-contrast", None);
    assert!(applied);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].0, Outcome::Review);
    assert!(
        findings[0]
            .1
            .contains("style too complex: cascade work budget exhausted"),
        "{}",
        findings[0].1
    );
}
