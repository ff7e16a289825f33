//! Where a live site's external links lead (issue 13, item 4): after the link checks, each
//! link to a page outside the crawl's scope is paired with what its check saw at the end (the
//! final URL, title and first text of an HTML page, [`Landing`]), for the content rule
//! `content/outbound-target` and for the `outbound` section the monitor compares runs with.

use govaudit_content::outbound::{LinkPlace, OutboundRecord, OutboundTarget};
use govaudit_links::http::{Landing, UrlResult, url_key};
use govaudit_links::{LinkKind, PageLinks};
use govaudit_site::scope::Scope;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Most targets kept in the `outbound` section (a hostile page can carry a million links);
/// all are still judged by the content rule.
pub(crate) const MAX_RECORDED_TARGETS: usize = 10_000;

/// The external navigation targets (`<a>`, `<area>`) that landed on an HTML page, in order of
/// first occurrence, with every place that links to them.
pub(crate) fn targets(
    pages: &[PageLinks],
    results: &HashMap<String, UrlResult>,
    scope: &Scope,
) -> Vec<OutboundTarget> {
    let mut order: Vec<OutboundTarget> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for page in pages {
        for link in &page.links {
            let Some(url) = link.url() else { continue };
            if link.kind != LinkKind::Navigation
                || !matches!(url.scheme(), "http" | "https")
                || scope.contains(url)
            {
                continue;
            }
            let key = url_key(url);
            let index = match at.get(&key) {
                Some(&index) => index,
                None => {
                    let Some(landing) = results.get(&key).and_then(|r| r.landing.as_ref()) else {
                        continue;
                    };
                    order.push(target(&key, landing));
                    at.insert(key, order.len() - 1);
                    order.len() - 1
                }
            };
            order[index].places.push(LinkPlace {
                page: page.report_url.clone(),
                location: link.location(),
            });
        }
    }
    order
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
