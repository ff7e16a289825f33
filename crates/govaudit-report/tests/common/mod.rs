//! Rules and reports the test suites share.
#![allow(dead_code)] // each test binary uses a different part

use govaudit_core::{
    Applicability, Collector, Location, Report, RuleMeta, Severity, Source, declare_rule,
};

declare_rule! {
    /// Images must have a text alternative.
    ///
    /// ## Why it matters
    /// Screen reader users hear nothing for an image without `alt`.
    pub IMAGE_ALT = {
        id: "a11y/image-alt",
        severity: Severity::High,
        standards: ["WCAG22:1.1.1", "GB/T37668-2019:5.1.1"],
        sources: [Source::same("ACT:23a2a8"), Source::inspired("axe:image-alt")],
    }
}

declare_rule! {
    /// Sites must send Strict-Transport-Security.
    pub HSTS_MISSING = {
        id: "headers/hsts-missing",
        severity: Severity::Medium,
        standards: ["OMB-M-15-13"],
        sources: [Source::inspired("observatory:strict-transport-security")],
    }
}

declare_rule! {
    /// Links must lead somewhere.
    pub BROKEN_LINK = {
        id: "links/broken",
        severity: Severity::Low,
        standards: [],
        sources: [],
    }
}

pub static RULES: [&RuleMeta; 3] = [&IMAGE_ALT, &HSTS_MISSING, &BROKEN_LINK];

/// A fail and a review finding, both with line, column, selector and snippet.
pub fn fail_and_review() -> Report {
    let mut found = Collector::new("site/news/index.html");
    found
        .fail(
            &IMAGE_ALT,
            Location {
                line: Some(42),
                column: Some(7),
                selector: Some("body > header > img:nth-child(1)".into()),
                snippet: Some(r#"<img src="logo.png">"#.into()),
                header: None,
            },
            "Image has no alt attribute.",
        )
        .evidence("src", "logo.png");
    found.review(
        &IMAGE_ALT,
        Location {
            line: Some(50),
            column: None,
            selector: Some("#main > img".into()),
            snippet: Some(r#"<img src="chart.png" alt="chart">"#.into()),
            header: None,
        },
        "Check that the alt text describes the chart.",
    );
    let mut report = Report::new();
    report.add_resource("site/news/index.html", found.into_findings());
    report.add_resource("site/about.html", Vec::new());
    report.finish();
    report
}

/// A header finding: no line, no selector.
pub fn header_only() -> Report {
    let mut found = Collector::new("https://example.gov.cn/");
    found
        .fail(
            &HSTS_MISSING,
            Location::header("Strict-Transport-Security"),
            "The site does not send Strict-Transport-Security.",
        )
        .evidence("status", 200);
    let mut report = Report::new();
    report.add_resource("https://example.gov.cn/", found.into_findings());
    report.finish();
    report
}

pub fn empty() -> Report {
    let mut report = Report::new();
    report.finish();
    report
}

/// Everything at once: odd paths, an unknown rule, a severity changed per finding, notes,
/// applicability and a command section.
pub fn everything() -> Report {
    let mut report = fail_and_review();
    let mut links = Collector::with_applicability("site/新闻 2024/a b.html");
    links
        .fail(
            &BROKEN_LINK,
            Location::at_line(3),
            "Link to old.html is broken.",
        )
        .with_severity_mut(Severity::High);
    links.applies(&BROKEN_LINK, || Location::at_line(3));
    let (findings, applicable) = links.into_parts();
    report.add_resource("site/新闻 2024/a b.html", findings);
    report.applicability.extend(applicable);
    report.applicability.push(Applicability {
        rule: "a11y/image-alt".into(),
        url: String::new(),
        location: Location::resource(),
    });
    let mut other = Collector::new("C:\\site\\x.html");
    let mut finding = govaudit_core::Finding::new(
        &BROKEN_LINK,
        govaudit_core::Outcome::Fail,
        "C:\\site\\x.html",
        Location::resource(),
        "Made by a rule this build does not know.",
    );
    finding.rule = "future/new-rule".into();
    finding.help = None;
    other.push(finding);
    report.add_resource("C:\\site\\x.html", other.into_findings());
    report.note("site/report.pdf", "Skipped: not HTML.");
    report.sections.insert(
        "observatory".into(),
        serde_json::json!({"score": 90, "grade": "A"}),
    );
    report.finish();
    report
}

/// Severity change on the `&mut Finding` a collector hands back.
trait WithSeverityMut {
    fn with_severity_mut(&mut self, severity: Severity) -> &mut Self;
}

impl WithSeverityMut for govaudit_core::Finding {
    fn with_severity_mut(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }
}
