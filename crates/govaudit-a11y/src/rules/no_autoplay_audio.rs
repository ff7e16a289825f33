use crate::Page;
use crate::review::{is_shown, review_first};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check every `<audio>` or `<video>` that plays by itself with sound
    /// (`autoplay`, not `muted`): it plays for 3 seconds or less, or there is a control to stop
    /// it or turn it down. Whether the media has sound and how long it lasts cannot be known
    /// from the markup, so this rule reports `review`.
    ///
    /// ## Why it matters
    /// Sound that starts by itself drowns the screen reader the user is listening to.
    ///
    /// ## How to fix
    /// Do not autoplay with sound: remove `autoplay`, add `muted`, or give the player `controls`.
    pub NO_AUTOPLAY_AUDIO = {
        id: "a11y/no-autoplay-audio",
        severity: Severity::Medium,
        standards: ["WCAG22:1.4.2", "EN301549:9.1.4.2", "GB/T37668-2019:3.3.3.10"],
        sources: [
            Source::inspired("ACT:80f0bf"), Source::inspired("ACT:4c31df"), Source::inspired("ACT:aaa1bf"),
            Source::inspired("axe:no-autoplay-audio"),
        ],
    }
}

const ACT: &[&str] = &["80f0bf", "4c31df", "aaa1bf"];

/// Applies to `<audio>` and `<video>` with `autoplay`, without `muted` and without `paused`.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let media = page
        .candidates(&["audio", "video"], &[])
        .into_iter()
        .filter(|e| {
            matches!(e.name(), "audio" | "video")
                && e.is_html()
                && e.has_attr("autoplay")
                && !e.has_attr("muted")
                && !e.has_attr("paused")
                && !e.is_in_template()
                && (e.has_attr("src") || e.children().any(|c| c.name() == "source"))
                && (e.name() == "audio" || is_shown(page, e))
        });
    review_first(out, &NO_AUTOPLAY_AUDIO, media, ACT, |n| {
        format!(
            "{n} media element(s) play by themselves with sound: check they stop within 3 seconds or can be paused or muted."
        )
    });
}
