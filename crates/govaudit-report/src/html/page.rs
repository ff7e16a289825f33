//! The templates of report.html.

use super::chart::{Bar, bar_chart};
use super::safe::{SNIPPET_CHARS, TEXT_CHARS, anchor, code_spans, display, safe_href, tail_label};
use super::score::{GROUPS, number, points_text, value_text};
use super::{
    CONTENT_SECURITY_POLICY, FINDINGS_LISTED_PER_PAGE, Input, PAGES_LISTED_PER_REVIEW_ITEM,
    RuleGroup,
};
use govaudit_core::{Finding, Outcome, Severity};
use govaudit_score::{IndicatorScore, IndicatorState, Scorecard, Verdict};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::collections::BTreeMap;

/// Our own style sheet, a constant of this crate (no page text ever reaches it).
const STYLE: &str = include_str!("style.css");

/// Pages shown in the "worst pages" chart.
const WORST_PAGES: usize = 10;

pub(super) fn document(input: &Input<'_>) -> Markup {
    let title = input.t("html-title");
    html! {
        (DOCTYPE)
        html lang=(input.lang.tag()) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                meta name="generator" content={ (input.report.tool.name) " " (input.report.tool.version) };
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    (header(input, &title))
                    (verdict(input))
                    @if let Some(score) = input.scorecard {
                        (indicators(input, score))
                    }
                    (charts(input))
                    (failures(input))
                    (checklist(input))
                    (notes(input))
                    footer {
                        (input.t("html-footer")) " "
                        span.mono { (input.report.tool.name) " " (input.report.tool.version) }
                    }
                }
            }
        }
    }
}

fn header(input: &Input<'_>, title: &str) -> Markup {
    let profile = input
        .scorecard
        .map(|score| score.profile_name.as_str())
        .or_else(|| input.section_text(&["profile", "name"]));
    let as_of = input
        .scorecard
        .and_then(|score| score.as_of.as_deref())
        .or_else(|| input.section_text(&["profile", "as_of"]));
    let site = input.scorecard.and_then(|score| score.site_url.as_deref());
    html! {
        header {
            h1 { (title) }
            @if let Some(profile) = profile {
                p.meta { (input.t("html-profile")) ": " (display(profile, TEXT_CHARS)) }
            }
            @if let Some(site) = site {
                p.meta { (input.t("html-site")) ": " (page_label(site)) }
            }
            @if let Some(as_of) = as_of {
                p.meta { (input.t("html-as-of")) ": " (display(as_of, 40)) }
            }
            nav.toc aria-label=(input.t("html-contents")) {
                ol {
                    @if input.scorecard.is_some() {
                        li { a href="#indicators" { (input.t("html-indicators")) } }
                    }
                    li { a href="#overview" { (input.t("html-overview")) } }
                    li { a href="#findings" { (input.t("html-findings")) } }
                    li { a href="#review" { (input.t("html-review")) } }
                    @if !input.report.notes.is_empty() {
                        li { a href="#notes" { (input.t("html-notes")) } }
                    }
                }
            }
        }
    }
}

/// The verdict and total (with a scorecard), then the counts.
fn verdict(input: &Input<'_>) -> Markup {
    let summary = &input.report.summary;
    let fails = input.failures.iter().map(|g| g.count).sum::<usize>();
    let reviews = input.reviews.iter().map(|g| g.count).sum::<usize>();
    let pages = input
        .section_number(&["engine", "pages"])
        .map_or(summary.resources, |p| p as usize);
    let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    for group in &input.failures {
        for (_, findings) in &group.pages {
            for finding in findings {
                *by_severity.entry(finding.severity).or_default() += 1;
            }
        }
    }
    html! {
        section #verdict {
            @if let Some(score) = input.scorecard {
                @let (class, text) = match score.verdict {
                    Verdict::Pass => ("pass", input.t("report-verdict-pass")),
                    Verdict::Fail => ("fail", input.t("report-verdict-fail")),
                    Verdict::NeedsPerson => ("review", input.t("report-verdict-needs-person")),
                };
                div class={ "verdict " (class) } {
                    div {
                        span.label { (input.t("html-verdict")) }
                        span.value.state { (text) }
                    }
                    @if let Some(total) = score.total {
                        div {
                            span.label { (input.t("html-total")) }
                            span.value {
                                @if score.total_is_upper_bound { "≤ " }
                                (number(total)) " / " (number(score.max))
                            }
                        }
                    }
                    @if let Some(mark) = score.pass_mark {
                        div {
                            span.label { (input.t("html-pass-mark")) }
                            span.value { (number(mark)) }
                        }
                    }
                }
                @if score.total_is_upper_bound {
                    p.meta { (input.t("html-upper-bound")) }
                }
                @let formula = score.explain(input.lang);
                @if !formula.is_empty() {
                    p.meta.formula { (display(&formula, TEXT_CHARS)) }
                }
            } @else {
                p.meta { (input.t("html-no-score")) }
            }
            div.cards {
                div.card { span.n { (pages) } span.t { (input.t("html-pages")) } }
                div.card { span.n { (fails) } span.t { (input.t("html-failures")) } }
                div.card { span.n { (reviews) } span.t { (input.t("html-reviews")) } }
                @for severity in Severity::ALL {
                    @if let Some(count) = by_severity.get(&severity) {
                        div.card {
                            span.n { (count) }
                            span.t { span class={ "sev " (severity.as_str()) } { (input.severity(severity)) } }
                        }
                    }
                }
            }
        }
    }
}

/// The indicator tables, one per group: veto indicators, required elements, deductions, ...
fn indicators(input: &Input<'_>, score: &Scorecard) -> Markup {
    html! {
        section #indicators {
            h2 { (input.t("html-indicators")) }
            @for (group, heading) in GROUPS {
                @let rows: Vec<&IndicatorScore> = score.indicators.iter().filter(|i| i.group == group).collect();
                @if !rows.is_empty() {
                    h3 { (input.t(heading)) }
                    (indicator_table(input, &rows))
                }
            }
        }
    }
}

fn indicator_table(input: &Input<'_>, rows: &[&IndicatorScore]) -> Markup {
    let columns = [
        input.t("html-col-indicator"),
        input.t("html-col-rule"),
        input.t("html-col-state"),
        input.t("html-col-measured"),
        input.t("html-col-threshold"),
        input.t("html-col-points"),
        input.t("html-col-evidence"),
    ];
    let listed_rules: std::collections::HashSet<&str> = input
        .failures
        .iter()
        .chain(&input.reviews)
        .map(|g| g.rule)
        .collect();
    html! {
        div.table-wrap {
            table.indicators.cards-on-phone {
                thead { tr { @for column in &columns { th scope="col" { (column) } } } }
                tbody {
                    @for row in rows {
                        @let (class, state) = match row.state {
                            IndicatorState::Pass => ("state-pass", input.t("html-state-pass")),
                            IndicatorState::Fail => ("state-fail", input.t("html-state-fail")),
                            IndicatorState::NeedsPerson => ("state-review", input.t("html-state-review")),
                            IndicatorState::NotMeasured => ("state-na", input.t("html-state-not-measured")),
                        };
                        @let (points, estimate) = points_text(row);
                        @let rules = evidence_rules(row);
                        tr {
                            td data-label=(columns[0]) { (input.indicator_name(row)) div.rule-id { (row.id) } }
                            td data-label=(columns[1]) {
                                @if let Some(rule) = input.indicator_rule(row) { (rule) }
                                @let formula = row.explain(input.lang);
                                @if !formula.is_empty() {
                                    div.rule-id { (display(&formula, TEXT_CHARS)) }
                                }
                            }
                            td data-label=(columns[2]) class=(class) { (state) }
                            td.num.value data-label=(columns[3]) { (display(&row.measured.as_ref().map_or_else(|| "—".to_owned(), value_text), TEXT_CHARS)) }
                            td.num.value data-label=(columns[4]) { (display(&row.threshold.as_ref().map_or_else(|| "—".to_owned(), value_text), TEXT_CHARS)) }
                            td.num data-label=(columns[5]) {
                                (points)
                                @if estimate { " " span.rule-id title=(input.t("html-points-estimate")) { "*" } }
                            }
                            td data-label=(columns[6]) {
                                @if row.count > 0 { (input.count("html-count-findings", row.count)) " · " }
                                @for (i, rule) in rules.iter().enumerate() {
                                    @if i > 0 { ", " }
                                    @if listed_rules.contains(rule) {
                                        a href={ "#" (anchor("rule", rule)) } { (input.rule_title(rule)) }
                                    } @else {
                                        (input.rule_title(rule))
                                    }
                                }
                                @if !row.evidence.is_empty() {
                                    details.evidence {
                                        summary { (input.count("html-evidence-items", row.evidence_total)) }
                                        ul.pages {
                                            @for evidence in &row.evidence {
                                                li {
                                                    (page_label(&evidence.url))
                                                    @if let Some(line) = evidence.line { " · " (input.line(line, None)) }
                                                    " · " (display(&evidence.message, TEXT_CHARS))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The rules of an indicator's evidence, each once.
fn evidence_rules(indicator: &IndicatorScore) -> Vec<&str> {
    let mut rules: Vec<&str> = indicator.evidence.iter().map(|e| e.rule.as_str()).collect();
    rules.sort_unstable();
    rules.dedup();
    rules
}

/// The charts: findings by area and severity, the worst pages, links.
fn charts(input: &Input<'_>) -> Markup {
    let severity_legend: Vec<(&'static str, String)> = Severity::ALL
        .into_iter()
        .map(|s| (severity_class(s), input.severity(s)))
        .chain([("s-review", input.t("html-reviews"))])
        .collect();

    // Findings by area: failures by severity, then reviews.
    let mut areas: BTreeMap<&str, BTreeMap<&'static str, usize>> = BTreeMap::new();
    let mut pages: Vec<(&str, BTreeMap<Severity, usize>)> = Vec::new();
    let mut page_index: std::collections::HashMap<&str, usize> = Default::default();
    for finding in &input.report.findings {
        let class = match finding.outcome {
            Outcome::Fail => severity_class(finding.severity),
            Outcome::Review => "s-review",
        };
        *areas
            .entry(finding.area())
            .or_default()
            .entry(class)
            .or_default() += 1;
        if finding.outcome == Outcome::Fail {
            let index = *page_index.entry(finding.url.as_str()).or_insert_with(|| {
                pages.push((finding.url.as_str(), BTreeMap::new()));
                pages.len() - 1
            });
            if let Some((_, counts)) = pages.get_mut(index) {
                *counts.entry(finding.severity).or_default() += 1;
            }
        }
    }
    let order: Vec<&'static str> = severity_legend.iter().map(|(class, _)| *class).collect();
    let area_bars: Vec<Bar> = areas
        .iter()
        .map(|(area, counts)| Bar {
            label: input.area(area),
            segments: order
                .iter()
                .map(|class| (*class, counts.get(class).copied().unwrap_or(0)))
                .collect(),
        })
        .collect();

    // Worst pages: most failures, critical ones weighing first.
    pages.sort_by(|a, b| {
        let key = |counts: &BTreeMap<Severity, usize>| {
            Severity::ALL
                .map(|s| counts.get(&s).copied().unwrap_or(0))
                .to_vec()
        };
        let total = |counts: &BTreeMap<Severity, usize>| counts.values().sum::<usize>();
        total(&b.1)
            .cmp(&total(&a.1))
            .then_with(|| key(&b.1).cmp(&key(&a.1)))
            .then(a.0.cmp(b.0))
    });
    let page_bars: Vec<Bar> = pages
        .iter()
        .take(WORST_PAGES)
        .map(|(url, counts)| Bar {
            label: tail_label(url, 28),
            segments: Severity::ALL
                .into_iter()
                .map(|s| (severity_class(s), counts.get(&s).copied().unwrap_or(0)))
                .collect(),
        })
        .collect();

    let link_bars = link_bars(input);
    html! {
        section #overview {
            h2 { (input.t("html-overview")) }
            div.charts {
                (bar_chart(&input.t("html-chart-areas"), &area_bars, &severity_legend))
                @if !page_bars.is_empty() {
                    (bar_chart(&input.t("html-chart-pages"), &page_bars, &severity_legend[..Severity::ALL.len()]))
                }
                @if !link_bars.is_empty() {
                    (bar_chart(&input.t("html-chart-links"), &link_bars, &[]))
                }
            }
        }
    }
}

/// Link status: the counts of the `links` section, then the findings of each links rule.
fn link_bars(input: &Input<'_>) -> Vec<Bar> {
    let mut bars = Vec::new();
    for (key, id) in [
        ("links", "html-links-total"),
        ("internal", "html-links-internal"),
        ("external", "html-links-external"),
        ("not_checked", "html-links-not-checked"),
    ] {
        if let Some(count) = input.section_number(&["links", "stats", key]) {
            bars.push(Bar {
                label: input.t(id),
                segments: vec![("c-neutral", count as usize)],
            });
        }
    }
    for group in input
        .failures
        .iter()
        .chain(&input.reviews)
        .filter(|g| g.rule.starts_with("links/"))
    {
        let class = if input.failures.iter().any(|f| f.rule == group.rule) {
            severity_class(group.worst)
        } else {
            "s-review"
        };
        bars.push(Bar {
            label: input.rule_title(group.rule),
            segments: vec![(class, group.count)],
        });
    }
    bars
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "s-critical",
        Severity::High => "s-high",
        Severity::Medium => "s-medium",
        Severity::Low => "s-low",
        Severity::Info => "s-info",
    }
}

/// Every failing finding, by rule then page.
fn failures(input: &Input<'_>) -> Markup {
    let total: usize = input.failures.iter().map(|g| g.count).sum();
    // A short report opens every rule; a long one stays scannable by its rule headings.
    let open_rules = total <= 300;
    html! {
        section #findings {
            h2 { (input.t("html-findings")) " " span.meta { "(" (total) ")" } }
            @if input.failures.is_empty() {
                p.empty { (input.t("html-no-failures")) }
            }
            @for group in &input.failures {
                details id=(anchor("rule", group.rule)) open[open_rules] {
                    summary {
                        span class={ "sev " (group.worst.as_str()) } { (input.severity(group.worst)) }
                        " " strong { (input.rule_title(group.rule)) }
                        " " span.rule-id { (rule_id_if_titled(input, group.rule)) (input.count("html-count-findings", group.count)) " · " (input.count("html-count-pages", group.pages.len())) }
                    }
                    div.rule-body {
                        (rule_head(input, group))
                        @for (url, findings) in &group.pages {
                            details open[group.count <= 10] {
                                summary { (page_label(url)) " " span.rule-id { "(" (findings.len()) ")" } }
                                ol.findings {
                                    @for finding in findings.iter().take(FINDINGS_LISTED_PER_PAGE) {
                                        li { (finding_item(input, finding, group.standards())) }
                                    }
                                }
                                @if findings.len() > FINDINGS_LISTED_PER_PAGE {
                                    p.more { (input.count("html-more", findings.len() - FINDINGS_LISTED_PER_PAGE)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What a rule is about, its standards and how to fix it, once per rule.
fn rule_head(input: &Input<'_>, group: &RuleGroup<'_>) -> Markup {
    let standards = group.standards().join(", ");
    html! {
        @if let Some(about) = input.rule_about(group.rule) {
            p { (rich(&about)) }
        }
        @if !standards.is_empty() {
            p.standards { (input.t("html-standards")) ": " (display(&standards, TEXT_CHARS)) }
        }
        @if let Some(fix) = input.rule_fix(group.rule) {
            div.fix {
                strong { (input.t("html-fix")) }
                @for paragraph in fix.lines() {
                    p { (rich(paragraph)) }
                }
            }
        }
    }
}

/// One finding: its message, where it is, the source; its standards when they differ from
/// `rule_standards`, those shown once for its rule.
fn finding_item(input: &Input<'_>, finding: &Finding, rule_standards: &[String]) -> Markup {
    let location = &finding.location;
    html! {
        (display(&finding.message, TEXT_CHARS))
        div.where {
            @if let Some(line) = location.line {
                (input.line(line, location.column))
            }
            @if let Some(selector) = &location.selector {
                " · " code { (display(selector, TEXT_CHARS)) }
            }
            @if let Some(header) = &location.header {
                " · " (input.t("html-header")) " " code { (display(header, TEXT_CHARS)) }
            }
            @if finding.standards[..] != rule_standards[..] {
                " · " (display(&finding.standards.join(", "), TEXT_CHARS))
            }
        }
        @if let Some(snippet) = &location.snippet {
            code.snippet { (display(snippet, SNIPPET_CHARS)) }
        }
    }
}

/// A page: a link when it is an http(s) URL, its path otherwise.
fn page_label(url: &str) -> Markup {
    html! {
        @if let Some(href) = safe_href(url) {
            a href=(href) rel="noreferrer noopener" { (display(url, TEXT_CHARS)) }
        } @else if url.is_empty() {
            "—"
        } @else {
            span.mono { (display(url, TEXT_CHARS)) }
        }
    }
}

/// `rule-id · ` after a rule's title, when the title is not the id itself.
fn rule_id_if_titled(input: &Input<'_>, rule: &str) -> String {
    if input.catalog.rule(rule).is_some() {
        format!("{rule} · ")
    } else {
        String::new()
    }
}

/// Documentation text with its backtick spans as code.
fn rich(text: &str) -> Markup {
    html! {
        @for (piece, is_code) in code_spans(text) {
            @if is_code { code { (piece) } } @else { (piece) }
        }
    }
}

/// The review items: one checkbox per rule, its pages below.
fn checklist(input: &Input<'_>) -> Markup {
    html! {
        section #review {
            h2 { (input.t("html-review")) }
            @if input.reviews.is_empty() {
                p.empty { (input.t("html-no-reviews")) }
            } @else {
                p.meta { (input.t("html-review-intro")) }
                ul.checklist {
                    @for group in &input.reviews {
                        @let id = anchor("review", group.rule);
                        li id=(anchor("rule", group.rule)) {
                            label for=(id) {
                                input type="checkbox" id=(id);
                                span { (input.rule_title(group.rule)) " " span.rule-id { (rule_id_if_titled(input, group.rule)) (input.count("html-count-pages", group.pages.len())) } }
                            }
                            @if let Some(first) = group.pages.first().and_then(|(_, f)| f.first()) {
                                p { (display(&input.rule_about(group.rule).unwrap_or_else(|| first.message.clone()), TEXT_CHARS)) }
                            }
                            details {
                                summary { (input.t("html-review-where")) }
                                ul.pages {
                                    @for (url, findings) in group.pages.iter().take(PAGES_LISTED_PER_REVIEW_ITEM) {
                                        li {
                                            (page_label(url))
                                            @for finding in findings.iter().take(3) {
                                                @if let Some(line) = finding.location.line {
                                                    " · " (input.line(line, None))
                                                }
                                            }
                                        }
                                    }
                                }
                                @if group.pages.len() > PAGES_LISTED_PER_REVIEW_ITEM {
                                    p.more { (input.count("html-more-pages", group.pages.len() - PAGES_LISTED_PER_REVIEW_ITEM)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn notes(input: &Input<'_>) -> Markup {
    html! {
        @if !input.report.notes.is_empty() {
            section #notes {
                h2 { (input.t("html-notes")) }
                ul {
                    @for note in &input.report.notes {
                        li {
                            @if !note.url.is_empty() { (page_label(&note.url)) ": " }
                            (display(&input.catalog.note(note), TEXT_CHARS))
                        }
                    }
                }
            }
        }
    }
}
