use crate::Page;
use crate::review::{review_first, shown_focusable};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check with the keyboard that focus can leave every focusable element
    /// (Tab, Shift+Tab, or a documented key). Scripts decide this at run time, so this rule
    /// reports `review` on pages with focusable content that run scripts or embed a plugin;
    /// without either, the browser's own focus navigation cannot trap.
    ///
    /// ## Why it matters
    /// A keyboard trap (often an embedded player or editor) leaves keyboard users stuck.
    ///
    /// ## How to fix
    /// Never capture Tab without releasing it; say how to leave a widget that uses other keys.
    pub KEYBOARD_TRAP = {
        id: "a11y/keyboard-trap",
        severity: Severity::Low,
        standards: ["WCAG22:2.1.2", "EN301549:9.2.1.2", "GB/T37668-2019:3.3.3.2"],
        sources: [Source::inspired("ACT:80af7b"), Source::inspired("ACT:a1b64e"), Source::inspired("ACT:ebe86a")],
    }
}

/// Applies to rendered focusable elements of a page that runs scripts (a `<script>` or an
/// event-handler attribute) or embeds a plugin (`<object>`, `<embed>`): without them the
/// browser's own focus navigation never traps, so there is nothing to review.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let may_trap = !page.script_texts().is_empty()
        || page.elements_named("object").next().is_some()
        || page.elements_named("embed").next().is_some();
    if !may_trap {
        return;
    }
    review_first(
        out,
        &KEYBOARD_TRAP,
        shown_focusable(page),
        &["80af7b", "a1b64e", "ebe86a"],
        |n| {
            format!(
                "Check with the keyboard that focus can move away from each of the {n} focusable element(s)."
            )
        },
    );
}
