use super::{Context, item_finding, location_of};
use crate::detect::{ItemState, Signal};
use crate::profile::ItemKind;
use govaudit_core::{Collector, Location, Outcome, Severity, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An identity mark whose label is shown without a valid value: `网站标识码：` with no
    /// 10-digit (or `bm` + 8 digits) code, an `ICP备案` text or link without the
    /// `X ICP备NNNNNNNN号` number, `公网安备` without the 14-digit number.
    ///
    /// ## Why it matters
    /// The 2019 检查指标 count a mark as present only when it identifies the site; a label alone
    /// (or a link to the 备案 search page) identifies nothing.
    ///
    /// ## How to fix
    /// Show the full number as issued, e.g. `冀ICP备05012345号-1`, `冀公网安备 13010202000001号`,
    /// `网站标识码：1301000001`.
    pub INVALID_IDENTITY_MARK = {
        id: "disclosure/invalid-identity-mark",
        severity: Severity::Medium,
        standards: [],
        sources: [],
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (item, result) in cx.profile.items.iter().zip(&cx.audit.items) {
        if item.kind != ItemKind::IdentityMark {
            continue;
        }
        out.applies(&INVALID_IDENTITY_MARK, Location::resource);
        if result.state != ItemState::Absent {
            continue;
        }
        let Some(label) = result.ignored.iter().find(|e| e.signal == Signal::Label) else {
            continue;
        };
        let message = format!(
            "\"{}\" is shown without a valid value for {} ({}).",
            label.text, item.description, item.id
        );
        out.push(
            item_finding(
                &INVALID_IDENTITY_MARK,
                Outcome::Fail,
                item,
                result,
                &label.page,
                location_of(label),
                message,
            )
            .with_severity(item.severity.max(INVALID_IDENTITY_MARK.severity)),
        );
    }
}
