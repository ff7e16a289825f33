//! Where a site's external links lead (issue 13, item 4): after the link checks, each link to
//! a page outside the site (a live crawl's scope, or a directory's external links with
//! `check_external`) is paired with what its check saw at the end (the final URL, title and
//! first text of an HTML page, [`Landing`]), for the content rule `content/outbound-target` and
//! for the `outbound` section the monitor compares runs with.

use crate::EngineError;
use crate::config::Area;
use crate::run::Run;
use govaudit_content::outbound::{LinkPlace, OutboundRecord, OutboundTarget, check_outbound};
use govaudit_links::LinkKind;
use govaudit_links::http::{Landing, Occurrences, UrlResult, url_key};
use serde_json::{Value, json};
use std::collections::HashMap;
use url::Url;

/// Most targets kept in the `outbound` section (a hostile page can carry a million links);
/// all are still judged by the content rule.
pub(crate) const MAX_RECORDED_TARGETS: usize = 10_000;

/// The external navigation targets (`<a>`, `<area>`) among `external` (targets outside the
/// site, grouped with their occurrences) that landed on an HTML page, in the order given, with
/// every place that links to them.
pub(crate) fn targets(
    external: &[(Url, Occurrences)],
    results: &HashMap<String, UrlResult>,
) -> Vec<OutboundTarget> {
    let mut found = Vec::new();
    for (url, occurrences) in external {
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        let Some(landing) = results.get(&url_key(url)).and_then(|r| r.landing.as_ref()) else {
            continue;
        };
        let places: Vec<LinkPlace> = occurrences
            .iter()
            .filter(|(_, link)| link.kind == LinkKind::Navigation)
            .map(|(page, link)| LinkPlace {
                page: page.clone(),
                location: link.location(),
            })
            .collect();
        if places.is_empty() {
            continue;
        }
        let mut target = target(&url_key(url), landing);
        target.places = places;
        found.push(target);
    }
    found
}

/// Judges the external targets (when the content area runs) and records them in the
/// `outbound` section.
pub(crate) fn conclude(
    run: &mut Run<'_>,
    external: &[(Url, Occurrences)],
    results: &HashMap<String, UrlResult>,
) -> Result<(), EngineError> {
    let outbound = targets(external, results);
    if run.config.areas.contains(Area::Content) {
        let findings = check_outbound(&outbound, &run.config.content);
        run.site_findings(findings)?;
    }
    run.sections.insert("outbound".into(), section(&outbound));
    Ok(())
}

fn target(url: &str, landing: &Landing) -> OutboundTarget {
    OutboundTarget {
        url: url.to_owned(),
        final_url: landing.final_url.clone(),
        title: landing.title.clone(),
        lead_text: landing.lead_text.clone(),
        places: Vec::new(),
    }
}

/// The `outbound` report section: a record of each target (at most
/// [`MAX_RECORDED_TARGETS`]) and how many were left out.
pub(crate) fn section(targets: &[OutboundTarget]) -> Value {
    let records: Vec<OutboundRecord> = targets
        .iter()
        .take(MAX_RECORDED_TARGETS)
        .map(OutboundRecord::of)
        .collect();
    json!({
        "targets": records,
        "left_out": targets.len().saturating_sub(MAX_RECORDED_TARGETS),
    })
}
