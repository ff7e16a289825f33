// Rule ids in the `demo` area have no catalog entries: these tests show what the report does
// without one (rule summary, rule docs, the finding's message).
use super::*;
use govaudit_core::{Location, Severity, declare_rule};
use govaudit_score::{EvidenceRef, Group, IndicatorState, Points, Verdict};
use proptest::prelude::*;

declare_rule! {
    /// Images need a text alternative.
    ///
    /// ## How to fix
    /// Add `alt="..."` that says what the image shows.
    pub IMAGE_ALT = { id: "demo/image-alt", severity: Severity::Critical,
                      standards: ["WCAG22:1.1.1"], sources: [] }
}

declare_rule! {
    /// Headings should describe their section.
    pub HEADING = { id: "demo/heading-descriptive", severity: Severity::Medium,
                    standards: ["WCAG22:2.4.6"], sources: [] }
}

declare_rule! {
    /// Links must work.
    pub BROKEN = { id: "demo/broken", severity: Severity::High,
                   standards: [], sources: [] }
}

fn finding(rule: &RuleMeta, outcome: Outcome, url: &str, message: &str) -> Finding {
    Finding::new(rule, outcome, url, Location::at_line(7), message)
}

fn report(findings: Vec<Finding>) -> Report {
    let mut report = Report::new();
    let mut urls: Vec<String> = findings.iter().map(|f| f.url.clone()).collect();
    urls.dedup();
    report.resources = urls;
    report.findings = findings;
    report.finish();
    report
}

const RULES: [&RuleMeta; 3] = [&IMAGE_ALT, &HEADING, &BROKEN];

fn indicator(id: &str, group: Group, state: IndicatorState, rule: &str) -> IndicatorScore {
    IndicatorScore {
        id: id.into(),
        group,
        name_id: format!("indicator-{}", id.replace('.', "-")),
        verification: None,
        state,
        measured: Some(serde_json::json!(1)),
        threshold: Some(serde_json::json!(0)),
        points: Points::Set {
            value: 5.0,
            estimate: false,
            source: "test".into(),
        },
        deducted: (group == Group::Deduction).then_some(2.5),
        score: None,
        count: 1,
        formula: "0.5 × findings".into(),
        explanation: Vec::new(),
        evidence: vec![EvidenceRef {
            url: "https://a.example/".into(),
            line: Some(3),
            selector: None,
            rule: rule.into(),
            message: "evidence <message>".into(),
        }],
        evidence_total: 1,
    }
}

fn scorecard(verdict: Verdict) -> Scorecard {
    Scorecard {
        profile: "test".into(),
        profile_name: "测试方案".into(),
        verdict,
        total: Some(82.5),
        max: 100.0,
        pass_mark: Some(60.0),
        total_is_upper_bound: false,
        formula: "100 − 17.5".into(),
        explanation: Vec::new(),
        rules_applied: Vec::new(),
        site_url: Some("https://a.example/".into()),
        as_of: Some("2026-12-01".into()),
        indicators: vec![
            indicator(
                "t.veto.links",
                Group::Veto,
                IndicatorState::Fail,
                "demo/broken",
            ),
            indicator(
                "t.a11y",
                Group::Deduction,
                IndicatorState::Pass,
                "a11y/unused",
            ),
        ],
    }
}

#[test]
fn an_empty_report_renders_in_both_languages() {
    for lang in Lang::ALL {
        let html = render(&Report::new(), &RULES, None, lang);
        assert!(html.starts_with("<!DOCTYPE html>"), "{lang}");
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.tag())));
        assert!(html.contains(CONTENT_SECURITY_POLICY));
        assert!(!html.contains("<script"));
    }
    let zh = render(&Report::new(), &RULES, None, Lang::ZhCn);
    assert!(zh.contains("<title>测评报告</title>"));
    assert!(zh.contains("未发现不符合项。"));
    assert!(zh.contains("无需人工核查的事项。"));
}

#[test]
fn the_verdict_and_total_come_first_in_both_languages() {
    let report = report(vec![finding(
        &BROKEN,
        Outcome::Fail,
        "https://a.example/",
        "x",
    )]);
    let cases = [
        (Lang::ZhCn, Verdict::Fail, "不合格", "总体结论"),
        (Lang::ZhCn, Verdict::Pass, "合格", "总体结论"),
        (Lang::En, Verdict::Fail, "Fail", "Overall verdict"),
        (Lang::En, Verdict::Pass, "Pass", "Overall verdict"),
        (
            Lang::En,
            Verdict::NeedsPerson,
            "Needs a person",
            "Overall verdict",
        ),
    ];
    for (lang, verdict, text, heading) in cases {
        let html = render(&report, &RULES, Some(&scorecard(verdict)), lang);
        let state = format!("<span class=\"value state\">{text}</span>");
        let at = html
            .find(&state)
            .unwrap_or_else(|| panic!("{state} in {html}"));
        assert!(html[..at].contains(heading), "{lang} {verdict:?}");
        assert!(html.contains("82.5 / 100"));
        // The verdict comes before the indicators and findings.
        assert!(at < html.find("id=\"indicators\"").unwrap());
        assert!(at < html.find("id=\"findings\"").unwrap());
    }
    let zh = render(&report, &RULES, Some(&scorecard(Verdict::Fail)), Lang::ZhCn);
    assert!(zh.contains("单项否决指标") && zh.contains("扣分指标"));
    assert!(zh.contains(">−2.5 / 5</td>"), "{zh}");
    assert!(zh.contains("evidence &lt;message&gt;"));
}

#[test]
fn indicator_evidence_links_to_the_rule_group_only_when_it_has_findings() {
    let report = report(vec![finding(
        &BROKEN,
        Outcome::Fail,
        "https://a.example/",
        "x",
    )]);
    let html = render(&report, &RULES, Some(&scorecard(Verdict::Fail)), Lang::En);
    assert!(
        html.contains("<a href=\"#rule-demo-broken\">demo/broken</a>"),
        "{html}"
    );
    assert!(html.contains("id=\"rule-demo-broken\""));
    assert!(!html.contains("href=\"#rule-a11y-unused\""));
}

#[test]
fn review_items_are_a_separate_checklist() {
    let report = report(vec![
        finding(&IMAGE_ALT, Outcome::Fail, "a.html", "The image has no alt."),
        finding(&HEADING, Outcome::Review, "a.html", "Check the headings."),
        finding(&HEADING, Outcome::Review, "b.html", "Check the headings."),
    ]);
    let html = render(&report, &RULES, None, Lang::ZhCn);
    let findings = html.find("id=\"findings\"").unwrap();
    let review = html.find("id=\"review\"").unwrap();
    let (failures, checklist) = html.split_at(review);
    assert!(findings < review);
    assert!(failures.contains("The image has no alt."));
    assert!(!failures.contains("Headings should describe"));
    assert!(checklist.contains("需人工核查清单"));
    assert_eq!(checklist.matches("type=\"checkbox\"").count(), 1);
    // The rule's own summary says what to check; without the rule, the finding's message.
    assert!(checklist.contains("Headings should describe their section."));
    assert!(checklist.contains("2 个页面"));
    let bare = render(&report, &[], None, Lang::En);
    assert!(bare[bare.find("id=\"review\"").unwrap()..].contains("Check the headings."));
}

#[test]
fn a_fix_comes_from_the_rule_docs_when_the_catalog_has_none() {
    let report = report(vec![finding(
        &IMAGE_ALT,
        Outcome::Fail,
        "a.html",
        "No alt.",
    )]);
    let html = render(&report, &RULES, None, Lang::En);
    assert!(html.contains("How to fix"));
    assert!(
        html.contains("Add <code>alt=&quot;...&quot;</code> that says"),
        "{html}"
    );
    // Without the rule's metadata there is nothing to say.
    let bare = render(&report, &[], None, Lang::En);
    assert!(!bare.contains("class=\"fix\""));
}

#[test]
fn findings_are_grouped_by_rule_then_page_worst_first() {
    let report = report(vec![
        finding(&HEADING, Outcome::Fail, "a.html", "m1"),
        finding(&IMAGE_ALT, Outcome::Fail, "b.html", "m2"),
        finding(&IMAGE_ALT, Outcome::Fail, "a.html", "m3"),
        finding(&IMAGE_ALT, Outcome::Fail, "b.html", "m4"),
    ]);
    let html = render(&report, &RULES, None, Lang::En);
    let image = html.find("id=\"rule-demo-image-alt\"").unwrap();
    let heading = html.find("id=\"rule-demo-heading-descriptive\"").unwrap();
    assert!(image < heading, "critical before medium");
    let (m2, m4, m3) = (
        html.find(">m2<").unwrap(),
        html.find(">m4<").unwrap(),
        html.find(">m3<").unwrap(),
    );
    assert!(
        m2 < m4 && m4 < m3,
        "b.html's findings together, first page first"
    );
    assert!(html.contains("3 findings") && html.contains("2 pages"));
}

#[test]
fn many_findings_on_one_page_are_capped_and_counted() {
    let findings = (0..FINDINGS_LISTED_PER_PAGE + 7)
        .map(|i| finding(&IMAGE_ALT, Outcome::Fail, "a.html", &format!("n{i}")))
        .collect();
    let html = render(&report(findings), &RULES, None, Lang::En);
    assert!(html.contains(">n0<"));
    assert!(!html.contains(&format!(">n{}<", FINDINGS_LISTED_PER_PAGE)));
    assert!(html.contains("7 more on this page"));
}

#[test]
fn hostile_page_text_is_escaped_and_links_are_only_http() {
    let mut hostile = finding(
        &BROKEN,
        Outcome::Fail,
        "javascript:alert(document.title='pwned')",
        "\"><script>document.title='pwned'</script></details><img src=x onerror=alert(1)>",
    );
    hostile.location.snippet =
        Some("<a href=\"javascript:alert(1)\" title='\"'>\u{202E}evil</a>".into());
    hostile.location.selector = Some("a[title='\"><b>']".into());
    let good = finding(
        &BROKEN,
        Outcome::Fail,
        "https://www.example.gov.cn/a?b=1&c=2",
        "ok",
    );
    let html = render(&report(vec![hostile, good]), &RULES, None, Lang::En);
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    assert!(!html.contains("<img"));
    assert!(!html.contains("href=\"javascript"));
    assert!(html.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;/details&gt;"));
    assert!(html.contains("⟨U+202E⟩evil"));
    assert!(html.contains("href=\"https://www.example.gov.cn/a?b=1&amp;c=2\""));
    let unexpected: Vec<String> = tags(&html)
        .into_iter()
        .filter(|t| !TEMPLATE_TAGS.contains(&t.as_str()))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}");
}

/// Every element the templates write.
const TEMPLATE_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "p",
    "nav",
    "ol",
    "ul",
    "li",
    "a",
    "section",
    "div",
    "span",
    "strong",
    "code",
    "details",
    "summary",
    "figure",
    "figcaption",
    "svg",
    "g",
    "rect",
    "text",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "label",
    "input",
];

/// The names of the elements in `html` (`<name`, `</name`).
fn tags(html: &str) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        names.insert(name.to_ascii_lowercase());
    }
    names
}

/// The sequence of tag names in `html`, which must not depend on the text inside findings.
fn tag_sequence(html: &str) -> Vec<String> {
    html.match_indices('<')
        .map(|(i, _)| {
            html[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '!' || *c == '/')
                .collect()
        })
        .collect()
}

/// Every `href` value in `html`.
fn hrefs(html: &str) -> Vec<&str> {
    html.match_indices("href=\"")
        .filter_map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever a page puts into a message, snippet, selector, header or note, the markup has
    /// the same elements as with plain text there: no `<` of the input survives unescaped.
    #[test]
    fn page_text_never_becomes_markup(
        message in any::<String>(),
        snippet in any::<String>(),
        selector in "(<|>|\"|'|&|/|script|a|[\\PC])*",
        header in any::<String>(),
    ) {
        let build = |message: &str, snippet: &str, selector: &str, header: &str| {
            let mut f = finding(&IMAGE_ALT, Outcome::Fail, "a.html", message);
            f.location.snippet = Some(snippet.to_owned());
            f.location.selector = Some(selector.to_owned());
            f.location.header = Some(header.to_owned());
            let mut review = f.clone();
            review.outcome = Outcome::Review;
            let mut report = report(vec![f, review]);
            report.note("a.html", message);
            render(&report, &RULES, None, Lang::En)
        };
        let hostile = build(&message, &snippet, &selector, &header);
        let plain = build("m", "s", "x", "h");
        prop_assert!(!hostile.to_ascii_lowercase().contains("<script"));
        prop_assert_eq!(tag_sequence(&hostile), tag_sequence(&plain));
    }

    /// A finding's URL becomes a link only when it is an http(s) URL, whatever it holds.
    #[test]
    fn hrefs_are_only_http_or_in_page(
        url in prop_oneof![
            any::<String>(),
            "(javascript|JAVASCRIPT|data|vbscript|file|http|https)[\\t\\n ]?:[\\PC]{0,20}",
            "[\\x00-\\x20]{0,3}(java\\tscript|jav&#x09;ascript):alert\\(1\\)",
        ],
    ) {
        let report = report(vec![finding(&BROKEN, Outcome::Fail, &url, "m")]);
        let html = render(&report, &RULES, None, Lang::En);
        prop_assert!(!html.to_ascii_lowercase().contains("<script"));
        for href in hrefs(&html) {
            prop_assert!(
                href.starts_with('#') || href.starts_with("http://") || href.starts_with("https://"),
                "href {:?} from {:?}", href, url
            );
            prop_assert!(!href.chars().any(|c| c.is_whitespace() || c.is_control()));
        }
    }
}
