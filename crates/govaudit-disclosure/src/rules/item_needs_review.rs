use super::{Context, item_finding, location_of};
use crate::detect::ItemState;
use govaudit_core::{Collector, Location, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Items found only through a weak signal: a link whose target path has the item's pinyin
    /// or English path hint (`xxgkzn`, `foia`) but whose accessible name does not say it; a mark
    /// or link that only an inline script writes (`document.write`, a JS template); a value only
    /// in `<meta>`. A person must look at the rendered page.
    ///
    /// ## Why it matters
    /// A static check cannot see what a script renders, and a link named by an unrelated image
    /// may or may not be the entrance visitors are meant to find.
    ///
    /// ## How to fix
    /// Give the entrance a text or `alt` that names it, and render identity marks in the HTML
    /// (the conac and jiucuo widgets can stay scripts: their `<script src>` counts).
    pub ITEM_NEEDS_REVIEW = {
        id: "disclosure/item-needs-review",
        severity: Severity::Medium,
        standards: [],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (item, result) in cx.profile.items.iter().zip(&cx.audit.items) {
        out.applies(&ITEM_NEEDS_REVIEW, Location::resource);
        if result.state != ItemState::Review {
            continue;
        }
        let Some(best) = result.evidence.first() else {
            continue;
        };
        let message = format!(
            "{} ({}) was found only as {:?} evidence \"{}\": check the rendered page.",
            item.description, item.id, best.signal, best.text
        );
        out.push(
            item_finding(
                &ITEM_NEEDS_REVIEW,
                Outcome::Review,
                item,
                result,
                &best.page,
                location_of(best),
                message,
            )
            .with_evidence("evidence", &result.evidence),
        );
    }
}
