use crate::Page;
use crate::review::{review_first, rough_name, shown_links};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// Asks a person to check links that have the same name but different targets: they should
    /// lead to equivalent content. Whether two pages serve the same purpose cannot be decided
    /// by a machine, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// Users expect two "详情" links with the same text to do the same thing.
    ///
    /// ## How to fix
    /// Give links to different places different texts ("通知详情", "公告详情").
    pub IDENTICAL_LINKS_SAME_PURPOSE = {
        id: "a11y/identical-links-same-purpose",
        severity: Severity::Low,
        standards: ["WCAG22:2.4.4", "WCAG22:2.4.9", "EN301549:9.2.4.4"],
        sources: [
            Source::inspired("ACT:b20e66"), Source::inspired("ACT:fd3a94"),
            Source::inspired("axe:identical-links-same-purpose"),
        ],
    }
}

/// Applies to rendered links that share a non-empty name with another link with a different
/// `href`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut groups: HashMap<String, Vec<_>> = HashMap::new();
    for link in shown_links(page) {
        let name = rough_name(&link);
        if !name.is_empty() {
            groups.entry(name).or_default().push(link);
        }
    }
    let mut targets: Vec<_> = groups
        .into_values()
        .filter(|links| {
            links.len() > 1
                && links
                    .iter()
                    .any(|l| l.attr("href").map(str::trim) != links[0].attr("href").map(str::trim))
        })
        .flatten()
        .collect();
    targets.sort_by_key(|e| e.index());
    review_first(
        out,
        &IDENTICAL_LINKS_SAME_PURPOSE,
        targets,
        &["b20e66", "fd3a94"],
        |n| {
            format!(
                "{n} links share a name with a link to another address: check each leads to equivalent content."
            )
        },
    );
}
