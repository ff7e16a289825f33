//! `report.html`: the assessor's report, one self-contained file. The verdict and total first,
//! then the indicators, charts (inline SVG), every failing finding grouped by rule and page,
//! and the items a person must check as a printable checklist.
//!
//! Templates are [maud](https://maud.lambda.xyz/) markup, checked at compile time; every value
//! put into them is escaped by maud. What escaping alone does not make safe is handled in
//! `safe`: only `http:`/`https:` URLs become links, bidirectional and control characters are
//! shown as `⟨U+202E⟩` instead of obeyed, and long snippets are cut. The file carries a Content
//! Security Policy that allows no script at all and no resource from outside.
//!
//! Headings and fixed text come from the message catalogs (`govaudit-i18n`, ids `html-*`); rule
//! titles and fixes from the catalogs where translated, else the rule id and the rule's own
//! documentation.
//!
//! ```
//! use govaudit_core::{declare_rule, Collector, Location, Report, Severity};
//! use govaudit_i18n::Lang;
//!
//! declare_rule! {
//!     /// Pages must have a title.
//!     pub PAGE_TITLE = { id: "a11y/document-title", severity: Severity::High,
//!                        standards: ["WCAG22:2.4.2"], sources: [] }
//! }
//! let mut found = Collector::new("index.html");
//! found.fail(&PAGE_TITLE, Location::at_line(1), "The page has no <title>.");
//! let mut report = Report::new();
//! report.add_resource("index.html", found.into_findings());
//! report.finish();
//!
//! let html = govaudit_report::html::render(&report, &[&PAGE_TITLE], None, Lang::ZhCn);
//! assert!(html.contains("测评报告"));
//! assert!(html.contains("The page has no &lt;title&gt;."));
//! ```

mod chart;
mod page;
mod safe;
mod score;

use crate::ReportError;
use govaudit_core::{Finding, Outcome, Report, RuleMeta, Severity};
use govaudit_i18n::{Catalog, Lang};
use govaudit_score::{IndicatorScore, Scorecard};
use std::collections::HashMap;
use std::io::Write;

/// The Content Security Policy of the file: no script, no fetch, no frame; only its own inline
/// style and `data:` images.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// At most this many findings of one rule on one page are listed; the rest are counted (the
/// JSON report has them all). A template-generated page can repeat one defect thousands of
/// times.
pub const FINDINGS_LISTED_PER_PAGE: usize = 50;

/// At most this many pages are listed under one review item of the checklist.
pub const PAGES_LISTED_PER_REVIEW_ITEM: usize = 200;

/// `report` as one self-contained HTML document in `lang`.
///
/// `rules` is the rule catalogue (titles fall back to it, fixes to each rule's "How to fix"
/// documentation); `scorecard`, when a scoring profile was applied, gives the verdict, total
/// and indicator table. Without one the report opens with the counts of findings.
pub fn render(
    report: &Report,
    rules: &[&'static RuleMeta],
    scorecard: Option<&Scorecard>,
    lang: Lang,
) -> String {
    let input = Input::new(report, rules, scorecard, lang);
    page::document(&input).into_string()
}

/// [`render`] written to `out`.
pub fn write_html(
    report: &Report,
    rules: &[&'static RuleMeta],
    scorecard: Option<&Scorecard>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), ReportError> {
    out.write_all(render(report, rules, scorecard, lang).as_bytes())?;
    Ok(())
}

/// Everything the templates read, looked up once.
pub(crate) struct Input<'a> {
    report: &'a Report,
    rules: HashMap<&'static str, &'static RuleMeta>,
    scorecard: Option<&'a Scorecard>,
    catalog: &'static Catalog,
    lang: Lang,
    /// Failing findings by rule, worst rule first, each rule's findings by page.
    failures: Vec<RuleGroup<'a>>,
    /// Review findings by rule, in the same shape.
    reviews: Vec<RuleGroup<'a>>,
}

/// The findings of one rule, by page in report order.
pub(crate) struct RuleGroup<'a> {
    rule: &'a str,
    worst: Severity,
    count: usize,
    pages: Vec<(&'a str, Vec<&'a Finding>)>,
}

impl<'a> Input<'a> {
    fn new(
        report: &'a Report,
        rules: &[&'static RuleMeta],
        scorecard: Option<&'a Scorecard>,
        lang: Lang,
    ) -> Self {
        Input {
            report,
            rules: rules.iter().map(|meta| (meta.id, *meta)).collect(),
            scorecard,
            catalog: Catalog::get(lang),
            lang,
            failures: group(
                report
                    .findings
                    .iter()
                    .filter(|f| f.outcome == Outcome::Fail),
            ),
            reviews: group(
                report
                    .findings
                    .iter()
                    .filter(|f| f.outcome == Outcome::Review),
            ),
        }
    }

    /// Fixed text `id` from the catalog.
    fn t(&self, id: &str) -> String {
        self.catalog.tr(id).into_owned()
    }

    /// Fixed text `id` with a `count` argument.
    fn count(&self, id: &str, count: usize) -> String {
        self.catalog.tr_args(id, &[("count", count.into())])
    }

    /// An indicator's name from the catalog, else its id.
    fn indicator_name(&self, indicator: &IndicatorScore) -> String {
        self.catalog
            .text(&indicator.name_id)
            .unwrap_or_else(|| indicator.id.clone())
    }

    /// An indicator's rule text (评分细则): the `.rule` attribute of its catalog message.
    fn indicator_rule(&self, indicator: &IndicatorScore) -> Option<String> {
        self.catalog.attribute(&indicator.name_id, "rule", None)
    }

    /// "line 12" (with `:column` when known).
    fn line(&self, line: u32, column: Option<u32>) -> String {
        let place = match column {
            Some(column) => format!("{line}:{column}"),
            None => line.to_string(),
        };
        self.catalog.tr_args("html-line", &[("line", place.into())])
    }

    /// The rule's title: the catalog's, else the rule id.
    fn rule_title(&self, rule: &str) -> String {
        match self.catalog.rule(rule) {
            Some(text) => text.title,
            None => rule.to_owned(),
        }
    }

    /// How to fix the rule's findings: the catalog's `.fix`, else the "How to fix" section of
    /// the rule's documentation.
    fn rule_fix(&self, rule: &str) -> Option<String> {
        self.catalog
            .rule(rule)
            .and_then(|text| text.fix)
            .or_else(|| safe::how_to_fix(&self.rules.get(rule)?.documentation()))
    }

    /// What the rule is about: the catalog's `.message`, else the summary of the rule's
    /// documentation; `None` without either (each finding's own message says it then).
    fn rule_about(&self, rule: &str) -> Option<String> {
        self.catalog
            .rule(rule)
            .and_then(|text| text.message)
            .or_else(|| Some(self.rules.get(rule)?.summary()))
    }

    fn severity(&self, severity: Severity) -> String {
        self.t(&format!("html-severity-{}", severity.as_str()))
    }

    /// An area's name (`a11y` is "Accessibility"); an unknown area is shown by its id.
    fn area(&self, area: &str) -> String {
        let id = format!("html-area-{area}");
        match self.catalog.text(&id) {
            Some(text) => text,
            None => area.to_owned(),
        }
    }

    /// A number of a section (`engine.pages`, `links.stats.internal`), when present.
    fn section_number(&self, path: &[&str]) -> Option<u64> {
        let (first, rest) = path.split_first()?;
        let mut value = self.report.sections.get(*first)?;
        for key in rest {
            value = value.get(*key)?;
        }
        value.as_u64()
    }

    /// A string of a section (`profile.name`), when present.
    fn section_text(&self, path: &[&str]) -> Option<&'a str> {
        let (first, rest) = path.split_first()?;
        let mut value = self.report.sections.get(*first)?;
        for key in rest {
            value = value.get(*key)?;
        }
        value.as_str()
    }
}

impl RuleGroup<'_> {
    /// The standards of the rule's first finding, shown once for the rule.
    fn standards(&self) -> &[String] {
        self.pages
            .first()
            .and_then(|(_, findings)| findings.first())
            .map_or(&[], |finding| &finding.standards[..])
    }
}

/// `findings` grouped by rule (worst severity first, then most findings, then id) and within a
/// rule by page, in the order pages first appear.
fn group<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<RuleGroup<'a>> {
    let mut by_rule: HashMap<&'a str, usize> = HashMap::new();
    let mut groups: Vec<RuleGroup<'a>> = Vec::new();
    let mut page_of: HashMap<(usize, &'a str), usize> = HashMap::new();
    for finding in findings {
        let index = *by_rule.entry(finding.rule.as_str()).or_insert_with(|| {
            groups.push(RuleGroup {
                rule: &finding.rule,
                worst: finding.severity,
                count: 0,
                pages: Vec::new(),
            });
            groups.len() - 1
        });
        let Some(group) = groups.get_mut(index) else {
            continue;
        };
        group.count += 1;
        group.worst = group.worst.max(finding.severity);
        let page = *page_of
            .entry((index, finding.url.as_str()))
            .or_insert_with(|| {
                group.pages.push((&finding.url, Vec::new()));
                group.pages.len() - 1
            });
        if let Some((_, list)) = group.pages.get_mut(page) {
            list.push(finding);
        }
    }
    groups.sort_by(|a, b| {
        b.worst
            .cmp(&a.worst)
            .then(b.count.cmp(&a.count))
            .then(a.rule.cmp(b.rule))
    });
    groups
}

#[cfg(test)]
mod tests;
