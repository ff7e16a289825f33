use crate::Page;
use crate::review::{review_first, shown_named};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check every `<audio>` that plays (has controls or autoplays): a
    /// transcript or text alternative is available, or the audio is the alternative of a text on
    /// the page. A machine cannot listen, so this rule reports `review`, never `fail`.
    ///
    /// ## Why it matters
    /// Deaf and hard-of-hearing users get spoken content only through its text.
    ///
    /// ## How to fix
    /// Publish a transcript next to the player (a link or the text itself).
    pub AUDIO_ALTERNATIVE = {
        id: "a11y/audio-alternative",
        severity: Severity::Medium,
        standards: ["WCAG22:1.2.1", "EN301549:9.1.2.1", "GB/T37668-2019:3.2.3.2"],
        sources: [
            Source::inspired("ACT:2eb176"), Source::inspired("ACT:afb423"), Source::inspired("ACT:e7aa44"),
            Source::inspired("axe:audio-caption"),
        ],
    }
}

const ACT: &[&str] = &["2eb176", "afb423", "e7aa44"];

/// Applies to rendered `<audio>` elements with `controls` or `autoplay`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let audio =
        shown_named(page, "audio").filter(|a| a.has_attr("controls") || a.has_attr("autoplay"));
    review_first(out, &AUDIO_ALTERNATIVE, audio, ACT, |n| {
        format!(
            "Check that the {n} audio player(s) on this page have a transcript or text alternative."
        )
    });
}
