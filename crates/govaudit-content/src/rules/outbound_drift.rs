use crate::Config;
use crate::Page;
use crate::outbound::{OutboundTarget, takeover};
use govaudit_core::{Collector, Finding, Outcome, Severity, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// Between two monitored runs of a site, each external link target still ends on the same
    /// registrable domain, and its page did not turn into a parked domain or a spam page. The
    /// monitor stores every run's external targets (the URL as linked, the final URL and host
    /// after redirects, the title) and compares each with the site's previous run:
    ///
    /// - the target now ends on **another registrable domain** (`old-project.example` now
    ///   redirects to `some-casino.example`): review, since agencies also move to new names;
    /// - the target's page **became a parked or spam page** (as `content/outbound-target`
    ///   judges it) and was not one before: fail.
    ///
    /// Targets new in this run have nothing to compare with and are not reported here.
    ///
    /// ## Why it matters
    /// A domain that lapses is bought and parked, then often sold to gambling or adult sites;
    /// the government page that links to it changes meaning without anyone editing it. Catching
    /// the change on the day it happens is what monitoring is for (安全防护).
    ///
    /// ## How to fix
    /// Open the target. If it no longer belongs to the body the page meant, remove the link or
    /// point it at the body's current site; if the body moved, update the link to its new
    /// address.
    pub OUTBOUND_DRIFT = {
        id: "content/outbound-drift",
        severity: Severity::High,
        standards: ["CN-GOV-2019:cn19.web.ded.security"],
        sources: [],
    }
}

/// Nothing to do on one page: the rule compares two runs' targets ([`drift`]), in the monitor.
pub(crate) fn check(_page: &Page<'_>, _out: &mut Collector) {}

/// The targets of `current` whose registrable domain changed since `previous`, or whose page
/// became parked or spam; one finding per place that links to them.
pub fn drift(
    previous: &[OutboundTarget],
    current: &[OutboundTarget],
    config: &Config,
) -> Vec<Finding> {
    let before: HashMap<&str, &OutboundTarget> =
        previous.iter().map(|t| (t.url.as_str(), t)).collect();
    let mut findings = Vec::new();
    for now in current {
        let Some(then) = before.get(now.url.as_str()) else {
            continue;
        };
        let (old_domain, new_domain) = (then.final_domain(), now.final_domain());
        let moved = !old_domain.is_empty() && !new_domain.is_empty() && old_domain != new_domain;
        let taken = takeover(now, config).filter(|_| takeover(then, config).is_none());
        if !moved && taken.is_none() {
            continue;
        }
        let (outcome, change, message) = match &taken {
            Some(found) => (
                Outcome::Fail,
                found.kind(),
                format!(
                    "The link to {} became a {} page since the previous run (now {}, title “{}”).",
                    now.url,
                    if found.kind() == "parked" {
                        "parked-domain"
                    } else {
                        "spam"
                    },
                    now.final_host(),
                    now.title.as_deref().unwrap_or("")
                ),
            ),
            None => (
                Outcome::Review,
                "domain",
                format!(
                    "The link to {} now ends on another domain: {old_domain} before, {new_domain} now.",
                    now.url
                ),
            ),
        };
        for place in &now.places {
            findings.push(
                Finding::new(
                    &OUTBOUND_DRIFT,
                    outcome,
                    place.page.as_str(),
                    place.location.clone(),
                    message.clone(),
                )
                .with_evidence("target", &now.url)
                .with_evidence("change", change)
                .with_evidence("previous_final_url", &then.final_url)
                .with_evidence("final_url", &now.final_url)
                .with_evidence("previous_host", then.final_host())
                .with_evidence("final_host", now.final_host())
                .with_evidence("previous_title", &then.title)
                .with_evidence("title", &now.title),
            );
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbound::LinkPlace;
    use govaudit_core::Location;

    fn target(url: &str, final_url: &str, title: &str) -> OutboundTarget {
        OutboundTarget {
            url: url.into(),
            final_url: final_url.into(),
            title: Some(title.into()),
            lead_text: String::new(),
            places: vec![LinkPlace {
                page: "https://www.example.gov.cn/".into(),
                location: Location::at_line(7),
            }],
        }
    }

    fn changes(previous: &[OutboundTarget], current: &[OutboundTarget]) -> Vec<(String, Outcome)> {
        drift(previous, current, &Config::default())
            .into_iter()
            .map(|f| {
                (
                    f.evidence["change"].as_str().unwrap_or("").to_owned(),
                    f.outcome,
                )
            })
            .collect()
    }

    #[test]
    fn another_registrable_domain_is_for_review() {
        let before = [target(
            "http://project.example/",
            "http://project.example/",
            "项目",
        )];
        let after = [target(
            "http://project.example/",
            "https://www.elsewhere.example/",
            "项目",
        )];
        assert_eq!(
            changes(&before, &after),
            [("domain".to_owned(), Outcome::Review)]
        );
        // www. to the bare name, http to https: the same registrable domain.
        let same = [target(
            "http://project.example/",
            "https://www.project.example/home",
            "项目",
        )];
        assert!(changes(&before, &same).is_empty());
    }

    #[test]
    fn a_page_that_became_parked_or_spam_fails_once() {
        let before = [target(
            "http://project.example/",
            "http://project.example/",
            "项目",
        )];
        let parked = [target(
            "http://project.example/",
            "http://project.example/",
            "This domain is for sale: project.example",
        )];
        assert_eq!(
            changes(&before, &parked),
            [("parked".to_owned(), Outcome::Fail)]
        );
        // Parked in both runs: content/outbound-target says it each run; no drift.
        assert!(changes(&parked, &parked).is_empty());
        let spam = [target(
            "http://project.example/",
            "https://www.casino-88.example/",
            "百家乐 真人娱乐",
        )];
        let found = drift(&before, &spam, &Config::default());
        assert_eq!(found[0].evidence["change"], "keyword");
        assert_eq!(found[0].evidence["previous_title"], "项目");
        assert_eq!(found[0].evidence["final_host"], "www.casino-88.example");
        assert_eq!(found[0].location.line, Some(7));
    }

    #[test]
    fn targets_new_in_this_run_are_not_drift() {
        let now = [target(
            "http://new.example/",
            "https://sedo.com/new.example",
            "for sale",
        )];
        assert!(changes(&[], &now).is_empty());
    }
}
