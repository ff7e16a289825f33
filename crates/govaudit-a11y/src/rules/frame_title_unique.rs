use crate::Page;
use crate::review::{review_first, shown_named};
use govaudit_core::{Collector, Severity, Source, declare_rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// Asks a person to check `<iframe>`s that have the same accessible name (`title` or
    /// `aria-label`): they should embed equivalent content, otherwise their names must differ.
    ///
    /// ## Why it matters
    /// Screen-reader users choose a frame by its name; two frames called "视频" are
    /// indistinguishable.
    ///
    /// ## How to fix
    /// Give every frame a title that says what it contains.
    pub FRAME_TITLE_UNIQUE = {
        id: "a11y/frame-title-unique",
        severity: Severity::Low,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::inspired("ACT:4b1c6c"), Source::inspired("axe:frame-title-unique")],
    }
}

/// Applies to rendered iframes whose name is shared with another iframe.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let mut groups: HashMap<String, Vec<_>> = HashMap::new();
    for frame in shown_named(page, "iframe") {
        let name = frame
            .attr("aria-label")
            .filter(|l| !l.trim().is_empty())
            .or_else(|| frame.attr("title"))
            .unwrap_or("")
            .trim()
            .to_lowercase();
        if !name.is_empty() {
            groups.entry(name).or_default().push(frame);
        }
    }
    let mut targets: Vec<_> = groups
        .into_values()
        .filter(|g| g.len() > 1)
        .flatten()
        .collect();
    targets.sort_by_key(|e| e.index());
    review_first(out, &FRAME_TITLE_UNIQUE, targets, &["4b1c6c"], |n| {
        format!("{n} frames share a name: check they embed equivalent content, or name them apart.")
    });
}
