//! Text for people, written per resource as it finishes: its failures and (up to a per-rule
//! limit over the run) its reviews, notes as they come, then a summary by rule and by page and a
//! closing count.

mod common;

use common::{BROKEN_LINK, HSTS_MISSING, IMAGE_ALT};
use govaudit_core::{Collector, Finding, Location, Note, Outcome, Report};
use govaudit_report::{Format, Lang, ReportStream, TextStyle, render};

fn text(report: &Report, style: TextStyle) -> String {
    let mut out = Vec::new();
    render(report, &common::RULES, Format::Text, style, &mut out)
        .expect("rendering into memory cannot fail");
    String::from_utf8(out).expect("text is UTF-8")
}

#[test]
fn plain_text_lists_each_resource_then_a_summary_by_rule_and_counts() {
    let out = text(&common::fail_and_review(), TextStyle::plain());
    let expected = "  site/news/index.html:42:7  high  a11y/image-alt  Image has no alt attribute.
      <img src=\"logo.png\">
      selector: body > header > img:nth-child(1)
  site/news/index.html:50  review  a11y/image-alt  Check that the alt text describes the chart.
      <img src=\"chart.png\" alt=\"chart\">
      selector: #main > img

by rule
  a11y/image-alt  high  1 fail, 1 review  Images must have a text alternative.

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
    assert!(out.contains("\u{1b}[35mreview\u{1b}[0m"), "{out:?}");
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
        "  https://example.gov.cn/  medium  headers/hsts-missing  The site does not send Strict-Transport-Security.
      header: Strict-Transport-Security

by rule
  headers/hsts-missing  medium  1 fail, 0 review  Sites must send Strict-Transport-Security.

1 finding (1 fail, 0 review) in 1 resource
"
    );

    let out = text(&common::everything(), TextStyle::plain());
    let expected = "  site/news/index.html:42:7  high  a11y/image-alt  Image has no alt attribute.
      <img src=\"logo.png\">
      selector: body > header > img:nth-child(1)
  site/news/index.html:50  review  a11y/image-alt  Check that the alt text describes the chart.
      <img src=\"chart.png\" alt=\"chart\">
      selector: #main > img

  site/新闻 2024/a b.html:3  high  links/broken  Link to old.html is broken.

  C:\\site\\x.html  low  future/new-rule  Made by a rule this build does not know.

note  site/report.pdf  Skipped: not HTML.

by rule
  a11y/image-alt  high  1 fail, 1 review  Images must have a text alternative.
  future/new-rule  low  1 fail, 0 review
  links/broken  low  1 fail, 0 review  Links must lead somewhere.

pages with the most failures
  C:\\site\\x.html  1 failure
  site/news/index.html  1 failure
  site/新闻 2024/a b.html  1 failure

4 findings (3 fail, 1 review) in 4 resources
";
    // A finding shows its own severity (links/broken raised to high); a rule outside the
    // catalogue shows its findings' severity and no summary. Ties between rules go by id.
    assert_eq!(out, expected);
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
    report.findings[0].message = "Bad\nline \u{202e}gpj.exe".into();
    report.findings[1].location.selector = Some("#\u{9b}31m".into());
    report.resources[0] = "site/\u{1b}]0;title\u{7}.html".into();
    for finding in &mut report.findings {
        finding.url = report.resources[0].clone();
    }
    report.note("x\u{2066}.pdf", "Skipped:\r\u{1b}[1A");
    report.finish();
    for style in [TextStyle::plain(), TextStyle::colored()] {
        let out = text(&report, style);
        let page_text = strip_ansi(&out);
        assert!(!page_text.contains('\u{1b}'), "{out:?}");
        for hazard in ['\u{202e}', '\u{2066}', '\u{9b}', '\u{7}', '\r'] {
            assert!(!out.contains(hazard), "{hazard:?} in {out:?}");
        }
        assert!(page_text.contains(r#"<img alt="\u{1b}[2J">"#), "{out}");
        assert!(page_text.contains(r"Bad\nline \u{202e}gpj.exe"), "{out}");
        assert!(page_text.contains(r"selector: #\u{9b}31m"), "{out}");
        assert!(
            page_text.contains(r"  site/\u{1b}]0;title\u{7}.html:42:7  high"),
            "{out}"
        );
        assert!(
            page_text.contains(r"note  x\u{2066}.pdf  Skipped:\r\u{1b}[1A"),
            "{out}"
        );
    }
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

/// A rule reviewing three pages and failing one: failures are always listed; reviews are listed
/// until the rule has listed `review_limit` over the whole run, the rest counted with the number
/// of resources they are on.
#[test]
fn review_limit_lists_failures_and_counts_the_other_reviews() {
    let mut report = Report::new();
    for page in ["a.html", "b.html", "c.html"] {
        let mut found = Collector::new(page);
        found.review(&IMAGE_ALT, Location::default(), "Check the alt text.");
        if page == "c.html" {
            found.fail(&IMAGE_ALT, Location::default(), "No alt.");
            found.review(&IMAGE_ALT, Location::default(), "Check again.");
        }
        report.add_resource(page, found.into_findings());
    }
    report.finish();
    let out = text(&report, TextStyle::plain().with_review_limit(Some(1)));
    let expected = "  a.html  review  a11y/image-alt  Check the alt text.

  c.html  high  a11y/image-alt  No alt.

by rule
  a11y/image-alt  high  1 fail, 4 review  Images must have a text alternative.
      … 3 more findings to review in 2 resources (not listed here; every finding is in the JSON output)

5 findings (1 fail, 4 review) in 3 resources
";
    assert_eq!(out, expected);
    // Without a limit every finding is listed.
    let all = text(&report, TextStyle::plain());
    assert_eq!(all.matches("  review  ").count(), 4, "{all}");
    assert!(!all.contains("more findings to review"), "{all}");
}

/// In the summary, a rule that only asks for review comes after a less severe rule that fails.
#[test]
fn rules_with_failures_come_before_rules_to_review() {
    let mut found = Collector::new("a.html");
    found.review(&IMAGE_ALT, Location::default(), "Check the alt text.");
    found.fail(&BROKEN_LINK, Location::default(), "Broken link.");
    let mut report = Report::new();
    report.add_resource("a.html", found.into_findings());
    report.finish();
    let out = text(&report, TextStyle::plain());
    let summary = &out[out.find("by rule").expect("a summary by rule")..];
    let broken = summary.find("links/broken").expect("fail rule");
    let image = summary.find("a11y/image-alt").expect("review rule");
    assert!(broken < image, "{out}");
    // Within the page, failures come before reviews.
    assert!(
        out.find("Broken link.") < out.find("Check the alt text."),
        "{out}"
    );
}

fn fail(url: &str, message: &str) -> Finding {
    Finding::new(
        &HSTS_MISSING,
        Outcome::Fail,
        url,
        Location::resource(),
        message,
    )
}

/// The text stream writes each resource when it is handed over, notes as they come and
/// site-level findings grouped by page; the summary lists the ten pages with most failures.
#[test]
fn streamed_text_writes_each_call_at_once_and_ranks_pages() {
    let mut stream =
        ReportStream::new(Format::Text, &common::RULES, TextStyle::plain(), Vec::new()).unwrap();
    stream.resource("clean.html", &[], &[]).unwrap();
    // Nothing to list: nothing written yet.
    stream
        .resource("p00.html", &[fail("p00.html", "First.")], &[])
        .unwrap();
    stream
        .note(&Note {
            url: "x.pdf".into(),
            message: "Skipped.".into(),
            phrase: None,
        })
        .unwrap();
    for page in 1..=11 {
        let url = format!("p{page:02}.html");
        let findings: Vec<Finding> = (0..page).map(|i| fail(&url, &format!("F{i}."))).collect();
        stream.resource(&url, &findings, &[]).unwrap();
    }
    stream
        .findings(&[
            fail("p00.html", "Cross-page A."),
            fail("site.html", "Site-wide."),
            fail("p00.html", "Cross-page B."),
        ])
        .unwrap();
    let (summary, out) = stream.finish(&serde_json::Map::new()).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(summary.resources, 13);
    assert_eq!(summary.fail, 1 + 66 + 3);
    assert!(
        out.starts_with("  p00.html  medium  headers/hsts-missing  First.\n\nnote  x.pdf  Skipped.\n\n  p01.html  "),
        "{out}"
    );
    // Site-level findings: one block per page, in the order the pages first appear.
    assert!(
        out.contains("\n\n  p00.html  medium  headers/hsts-missing  Cross-page A.\n  p00.html  medium  headers/hsts-missing  Cross-page B.\n\n  site.html  medium  headers/hsts-missing  Site-wide.\n\nby rule\n"),
        "{out}"
    );
    let pages = &out[out.find("pages with the most failures\n").unwrap()..];
    let listed: Vec<&str> = pages
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        listed,
        [
            "  p11.html  11 failures",
            "  p10.html  10 failures",
            "  p09.html  9 failures",
            "  p08.html  8 failures",
            "  p07.html  7 failures",
            "  p06.html  6 failures",
            "  p05.html  5 failures",
            "  p04.html  4 failures",
            "  p00.html  3 failures",
            "  p03.html  3 failures",
            "  … and 3 more pages with failures",
        ]
    );
    assert!(
        out.ends_with("\n70 findings (70 fail, 0 review) in 13 resources\n"),
        "{out}"
    );
}

/// In Chinese a finding names the rule's title and message from the zh-CN catalog, keeps the
/// English message (its specifics) as a detail, and keeps `place  severity  rule` as it is.
#[test]
fn chinese_text_shows_catalog_title_and_message_with_the_english_detail() {
    let out = text(
        &common::fail_and_review(),
        TextStyle::plain().with_lang(Lang::ZhCn),
    );
    let expected = "  site/news/index.html:42:7  high  a11y/image-alt  图片应有替代文本
      图片没有替代文本，读屏软件用户无法得知图片内容。
      详情（英文）：Image has no alt attribute.
      <img src=\"logo.png\">
      选择器：body > header > img:nth-child(1)
  site/news/index.html:50  review  a11y/image-alt  图片应有替代文本
      需人工核查：自动检测无法确定是否符合要求。
      详情（英文）：Check that the alt text describes the chart.
      <img src=\"chart.png\" alt=\"chart\">
      选择器：#main > img

按规则汇总
  a11y/image-alt  高  不通过 1 项，需人工核查 1 项  图片应有替代文本

共 2 项检测结果（不通过 1 项，需人工核查 1 项），涉及 2 个资源
";
    assert_eq!(out, expected);
}

/// English is the default and shows each finding's own message, as before catalogs existed.
#[test]
fn english_is_the_default_language() {
    assert_eq!(TextStyle::plain().lang, Lang::En);
    assert_eq!(
        text(&common::fail_and_review(), TextStyle::plain()),
        text(
            &common::fail_and_review(),
            TextStyle::plain().with_lang(Lang::En)
        )
    );
}

/// A rule no catalog knows keeps its English message on the finding's line; headings are still
/// translated. A review of a rule with its own `.review` text says what to check.
#[test]
fn chinese_text_falls_back_to_the_finding_message_for_unknown_rules() {
    use govaudit_core::{RuleMeta, Severity};
    static LOCAL: RuleMeta = RuleMeta {
        id: "local/house-style",
        severity: Severity::Low,
        standards: &[],
        sources: &[],
        docs: "House style.",
        cache: None,
    };
    static CONTRAST: RuleMeta = RuleMeta {
        id: "a11y/color-contrast",
        severity: Severity::High,
        standards: &[],
        sources: &[],
        docs: "Contrast.",
        cache: None,
    };
    let mut found = Collector::new("a.html");
    found.fail(&LOCAL, Location::at_line(3), "Use the house font.");
    found.review(
        &CONTRAST,
        Location::at_line(9),
        "Background image behind the text.",
    );
    let mut report = Report::new();
    report.add_resource("a.html", found.into_findings());
    report.finish();
    let out = text(&report, TextStyle::plain().with_lang(Lang::ZhCn));
    assert!(
        out.contains("  a.html:3  low  local/house-style  Use the house font.\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "  a.html:9  review  a11y/color-contrast  文字对比度应足够\n      需人工核查：该文字的颜色需页面渲染后才能确定，请用工具核查其对比度。\n      详情（英文）：Background image behind the text.\n"
        ),
        "{out}"
    );
    assert!(out.contains("按规则汇总\n"), "{out}");
    assert!(
        out.ends_with("共 2 项检测结果（不通过 1 项，需人工核查 1 项），涉及 1 个资源\n"),
        "{out}"
    );
}

/// The review count, the worst pages and the header label follow the language.
#[test]
fn chinese_summary_counts_reviews_and_ranks_pages() {
    let mut report = Report::new();
    for (page, failures) in [("a.html", 2), ("b.html", 1)] {
        let mut found = Collector::new(page);
        for _ in 0..failures {
            found.fail(&HSTS_MISSING, Location::resource(), "No HSTS.");
        }
        found.review(&IMAGE_ALT, Location::default(), "Check the alt text.");
        found.review(&IMAGE_ALT, Location::default(), "Check again.");
        report.add_resource(page, found.into_findings());
    }
    report.finish();
    let out = text(
        &report,
        TextStyle::plain()
            .with_lang(Lang::ZhCn)
            .with_review_limit(Some(1)),
    );
    assert!(
        out.contains(
            "      …… 另有 3 项需人工核查的结果（涉及 2 个资源）未在此列出，完整结果见 JSON 输出\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("问题最多的页面\n  a.html  2 项不通过\n  b.html  1 项不通过\n"),
        "{out}"
    );
    assert!(!out.contains("failures"), "{out}");
}
