use crate::Page;
use crate::name::require_name_for_explicit_roles;
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every element with `role="dialog"` or `role="alertdialog"` exposed to assistive technology
    /// has a non-empty accessible name.
    ///
    /// ## Why it matters
    /// When a dialog opens, a screen reader announces its name so that the user knows what it is
    /// about; an unnamed dialog is just "dialog".
    ///
    /// ## How to fix
    /// Add `aria-labelledby` pointing at the dialog's heading, or `aria-label="..."`.
    pub ARIA_DIALOG_NAME = {
        id: "a11y/aria-dialog-name",
        severity: Severity::Medium,
        standards: ["WCAG22:4.1.2", "EN301549:9.4.1.2", "GB/T37668-2019:3.2.1.3"],
        sources: [Source::same("axe:aria-dialog-name")],
    }
}

/// Applies to Elements with an explicit role `dialog` or `alertdialog`, in the accessibility tree.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    require_name_for_explicit_roles(
        page,
        out,
        &ARIA_DIALOG_NAME,
        &["dialog", "alertdialog"],
        "This dialog has no accessible name.",
    );
}
