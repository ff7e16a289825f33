use crate::Page;
use crate::review::{review_first, scripts_mention};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check pages whose scripts react to key presses: a shortcut made of a
    /// single printable character must be possible to turn off or remap, or work only while
    /// its control has focus. Scripts are not run, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// Speech-input users trigger single-letter shortcuts by accident when they dictate.
    ///
    /// ## How to fix
    /// Use modifier keys (Ctrl, Alt) for shortcuts, or offer a setting to turn them off.
    pub KEYBOARD_SHORTCUTS = {
        id: "a11y/keyboard-shortcuts",
        severity: Severity::Low,
        standards: ["WCAG22:2.1.4", "EN301549:9.2.1.4", "GB/T37668-2019:3.3.3.11"],
        sources: [Source::inspired("ACT:ffbc54")],
    }
}

/// Applies to HTML pages whose scripts or handlers mention key events or shortcuts.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    if !page.doc.is_html_document()
        || !scripts_mention(
            page,
            &[
                "keydown",
                "keyup",
                "keypress",
                "shortcut",
                "hotkey",
                "accesskey",
            ],
        )
    {
        return;
    }
    let root = page.doc.root().filter(|r| r.name() == "html");
    review_first(out, &KEYBOARD_SHORTCUTS, root, &["ffbc54"], |_| {
        "The page's scripts handle keys: check that single-character shortcuts can be turned off or remapped.".to_owned()
    });
}
