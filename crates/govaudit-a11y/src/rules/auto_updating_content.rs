use crate::Page;
use crate::review::{review_first, scripts_mention};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check pages whose scripts run on a timer or at load: content that
    /// updates by itself (tickers, counters, carousels) and lasts more than 5 seconds must be
    /// possible to pause, stop or hide. Scripts are not run, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// Moving or changing content distracts people with attention disorders and keeps
    /// screen readers re-reading.
    ///
    /// ## How to fix
    /// Add a pause button to carousels and tickers, or update only when asked.
    pub AUTO_UPDATING_CONTENT = {
        id: "a11y/auto-updating-content",
        severity: Severity::Low,
        standards: ["WCAG22:2.2.2", "EN301549:9.2.2.2", "GB/T37668-2019:3.3.3.10"],
        sources: [Source::inspired("ACT:efbfc7")],
    }
}

/// Applies to HTML pages whose scripts use timers or start work at load.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document()
        || !(scripts_mention(
            page,
            &["setinterval", "settimeout", "requestanimationframe"],
        ) || page
            .elements_with_attr("onload")
            .any(|e| e.has_attr("onload")))
    {
        return;
    }
    let root = page.doc.root().filter(|r| r.name() == "html");
    review_first(out, &AUTO_UPDATING_CONTENT, root, &["efbfc7"], |_| {
        "The page's scripts run on timers: check that content updating by itself can be paused, stopped or hidden.".to_owned()
    });
}
