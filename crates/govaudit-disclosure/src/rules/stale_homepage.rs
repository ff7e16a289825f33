use super::Context;
use crate::freshness::age_days;
use govaudit_core::{Collector, Finding, Location, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The newest date in the homepage's dated lists (news, notices, documents) against the
    /// profile's homepage threshold, counted back from `--as-of` (cn-gov: 2 weeks). A homepage
    /// without any dated list (navigation only) is judged by the newest date on the pages it
    /// links to, as the indicator asks; with no dates anywhere it is reported for review.
    ///
    /// ## Why it matters
    /// 首页不更新 — no homepage update within 2 weeks — is a 单项否决 (veto) item of the 2019
    /// 政府网站检查指标: the site fails the check outright.
    ///
    /// ## How to fix
    /// Publish on the homepage at least every two weeks, and show publication dates in lists.
    pub STALE_HOMEPAGE = {
        id: "disclosure/stale-homepage",
        severity: Severity::Critical,
        standards: [],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    let freshness = &cx.profile.freshness;
    let Some(max_age) = freshness.homepage_max_age_days else {
        return;
    };
    let audit = cx.audit;
    out.applies(&STALE_HOMEPAGE, Location::resource);
    let severity = freshness
        .homepage_severity
        .unwrap_or(STALE_HOMEPAGE.severity);
    let mut finding = match audit.homepage_newest {
        Some(newest) => {
            let age = age_days(newest, audit.as_of);
            if i64::from(age) <= max_age {
                return;
            }
            let list = audit
                .dated_lists
                .iter()
                .find(|l| l.page == audit.homepage && l.newest == newest);
            let location = Location {
                line: list.and_then(|l| l.newest_line),
                selector: list.map(|l| l.selector.clone()),
                ..Location::default()
            };
            Finding::new(
                &STALE_HOMEPAGE,
                Outcome::Fail,
                &audit.homepage,
                location,
                format!(
                    "The homepage's newest dated item is from {newest}, {age} days before {}; the limit is {max_age} days.",
                    audit.as_of
                ),
            )
            .with_severity(severity)
            .with_evidence("newest", newest.to_string())
            .with_evidence("age_days", age)
        }
        // A navigation-only homepage: the indicator then asks whether any second-level page
        // was updated; the pages linked from the homepage stand in for them.
        None => match audit.dated_lists.iter().map(|l| l.newest).max() {
            Some(newest) if i64::from(age_days(newest, audit.as_of)) <= max_age => return,
            Some(newest) => {
                let age = age_days(newest, audit.as_of);
                Finding::new(
                    &STALE_HOMEPAGE,
                    Outcome::Fail,
                    &audit.homepage,
                    Location::resource(),
                    format!(
                        "The homepage shows no dates and the newest dated item on the pages it links to is from {newest}, {age} days before {}; the limit is {max_age} days.",
                        audit.as_of
                    ),
                )
                .with_severity(severity)
                .with_evidence("newest", newest.to_string())
                .with_evidence("age_days", age)
                .with_evidence("navigation_only", true)
            }
            None => Finding::new(
                &STALE_HOMEPAGE,
                Outcome::Review,
                &audit.homepage,
                Location::resource(),
                "Neither the homepage nor the pages it links to show a dated list, so the last update cannot be told.",
            )
            .with_severity(severity),
        },
    };
    finding = finding
        .with_evidence("max_age_days", max_age)
        .with_evidence("as_of", audit.as_of.to_string());
    finding.set_standards(freshness.homepage_legal_basis.iter().cloned());
    out.push(finding);
}
