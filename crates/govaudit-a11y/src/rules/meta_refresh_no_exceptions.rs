use crate::Page;
use crate::rules::meta_refresh::first_refresh;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `<meta http-equiv="refresh">` redirects at once (delay 0) or not at all: unlike
    /// `a11y/meta-refresh`, even delays longer than 20 hours fail (WCAG 2.2.4 and 3.2.5, level
    /// AAA).
    ///
    /// ## Why it matters
    /// Any timed refresh or redirect interrupts: the page changes without the user asking.
    ///
    /// ## How to fix
    /// Redirect on the server, or with a delay of 0; let users reload content themselves.
    pub META_REFRESH_NO_EXCEPTIONS = {
        id: "a11y/meta-refresh-no-exceptions",
        severity: Severity::Low,
        standards: ["WCAG22:2.2.4", "WCAG22:3.2.5"],
        sources: [Source::same("ACT:bisz58"), Source::same("axe:meta-refresh-no-exceptions")],
    }
}

/// Applies to the first `<meta http-equiv="refresh">` whose `content` is a valid refresh value.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let Some((meta, delay)) = first_refresh(page) else {
        return;
    };
    out.applies(&META_REFRESH_NO_EXCEPTIONS, || meta.location());
    if delay > 0 {
        out.fail(
            &META_REFRESH_NO_EXCEPTIONS,
            meta.location(),
            format!("The page refreshes or redirects itself after {delay} seconds."),
        )
        .evidence("delay", delay);
    }
}
