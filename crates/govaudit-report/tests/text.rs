//! Text for people: grouped by rule, findings with their place, notes, a closing count.

mod common;

use govaudit_core::Report;
use govaudit_report::{Format, TextStyle, render};

fn text(report: &Report, style: TextStyle) -> String {
    let mut out = Vec::new();
    render(report, &common::RULES, Format::Text, style, &mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("text is UTF-8")
}

#[test]
fn plain_text_groups_by_rule_and_ends_with_counts() {
    let out = text(&common::fail_and_review(), TextStyle::plain());
    let expected = "\
a11y/image-alt  high  Images must have a text alternative.
  site/news/index.html:42:7  Image has no alt attribute.
      <img src=\"logo.png\">
      selector: body > header > img:nth-child(1)
  site/news/index.html:50  review: Check that the alt text describes the chart.
      <img src=\"chart.png\" alt=\"chart\">
      selector: #main > img

2 findings (1 fail, 1 review) in 2 resources
";
    assert_eq!(out, expected);
}

#[test]
fn plain_text_has_no_escape_codes() {
    for report in [
        common::fail_and_review(),
        common::header_only(),
        common::everything(),
    ] {
        let out = text(&report, TextStyle::plain());
        assert!(!out.contains('\u{1b}'), "{out}");
    }
}

#[test]
fn colour_marks_rule_severity_and_review() {
    let out = text(&common::fail_and_review(), TextStyle::colored());
    assert!(out.contains("\u{1b}[1ma11y/image-alt\u{1b}[0m"), "{out:?}");
    assert!(out.contains("\u{1b}[31mhigh\u{1b}[0m"), "{out:?}");
    assert!(out.contains("\u{1b}[35mreview:\u{1b}[0m"), "{out:?}");
    // Removing the codes gives the plain text back: colour only decorates.
    assert_eq!(
        strip_ansi(&out),
        text(&common::fail_and_review(), TextStyle::plain())
    );
}

#[test]
fn header_findings_notes_and_unknown_rules() {
    let out = text(&common::header_only(), TextStyle::plain());
    assert_eq!(
        out,
        "\
headers/hsts-missing  medium  Sites must send Strict-Transport-Security.
  https://example.gov.cn/  The site does not send Strict-Transport-Security.
      header: Strict-Transport-Security

1 finding (1 fail, 0 review) in 1 resource
"
    );

    let out = text(&common::everything(), TextStyle::plain());
    // Most severe rules first; a rule outside the catalogue shows its findings' severity.
    let order: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(
        order,
        [
            "a11y/image-alt  high  Images must have a text alternative.",
            "future/new-rule  low",
            "links/broken  low  Links must lead somewhere.",
            "notes",
            "4 findings (3 fail, 1 review) in 4 resources",
        ]
    );
    // A finding whose severity differs from its rule's says so.
    assert!(out.contains("  site/新闻 2024/a b.html:3  Link to old.html is broken. (high)\n"));
    assert!(out.contains("notes\n  site/report.pdf  Skipped: not HTML.\n"));
}

#[test]
fn empty_report_is_one_line() {
    assert_eq!(
        text(&common::empty(), TextStyle::plain()),
        "0 findings (0 fail, 0 review) in 0 resources\n"
    );
    let coloured = text(&common::empty(), TextStyle::colored());
    assert!(coloured.contains("\u{1b}["), "{coloured:?}");
}

#[test]
fn page_content_cannot_inject_terminal_codes() {
    let mut report = common::fail_and_review();
    report.findings[0].location.snippet = Some("<img alt=\"\u{1b}[2J\">".into());
    report.findings[0].message = "Bad\nline".into();
    let out = text(&report, TextStyle::plain());
    assert!(!out.contains('\u{1b}'));
    assert!(out.contains(r#"<img alt="\u{1b}[2J">"#));
    assert!(out.contains(r"Bad\nline"));
}

/// Drops `ESC [ ... m` sequences.
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A rule reviewing three pages and failing one: failures are always listed, first; reviews
/// beyond the limit are counted with the number of resources they are on.
#[test]
fn review_limit_lists_failures_and_counts_the_other_reviews() {
    use govaudit_core::{Collector, Location};
    let mut report = Report::new();
    for page in ["a.html", "b.html", "c.html"] {
        let mut found = Collector::new(page);
        found.review(
            &common::IMAGE_ALT,
            Location::default(),
            "Check the alt text.",
        );
        if page == "c.html" {
            found.fail(&common::IMAGE_ALT, Location::default(), "No alt.");
            found.review(&common::IMAGE_ALT, Location::default(), "Check again.");
        }
        report.add_resource(page, found.into_findings());
    }
    report.finish();
    let out = text(&report, TextStyle::plain().with_review_limit(Some(1)));
    let expected = "\
a11y/image-alt  high  Images must have a text alternative.
  c.html  No alt.
  a.html  review: Check the alt text.
  … and 3 more findings to review in 2 resources (not listed here; every finding is in the JSON output)

5 findings (1 fail, 4 review) in 3 resources
";
    assert_eq!(out, expected);
    // Without a limit every finding is listed.
    let all = text(&report, TextStyle::plain());
    assert_eq!(all.matches("review:").count(), 4, "{all}");
    assert!(!all.contains("more findings to review"), "{all}");
}

/// A rule that only asks for review comes after a less severe rule that fails.
#[test]
fn rules_with_failures_come_before_rules_to_review() {
    use govaudit_core::{Collector, Location};
    let mut found = Collector::new("a.html");
    found.review(
        &common::IMAGE_ALT,
        Location::default(),
        "Check the alt text.",
    );
    found.fail(&common::BROKEN_LINK, Location::default(), "Broken link.");
    let mut report = Report::new();
    report.add_resource("a.html", found.into_findings());
    report.finish();
    let out = text(&report, TextStyle::plain());
    let broken = out.find("links/broken").expect("fail group");
    let image = out.find("a11y/image-alt").expect("review group");
    assert!(broken < image, "{out}");
}
