use crate::Page;
use crate::review::{review_first, shown_named};
use govaudit_core::{Collector, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Asks a person to check every `<video>`: captions for its sound, an audio description or
    /// a transcript for what it shows, or a nearby text it is the alternative of. A machine
    /// cannot watch the video, so this rule reports `review`, never `fail`.
    ///
    /// ## Why it matters
    /// Deaf users need captions; blind users need the visual information as audio or text.
    ///
    /// ## How to fix
    /// Add `<track kind="captions">`, an audio-described version or a transcript next to the
    /// video.
    pub VIDEO_ALTERNATIVE = {
        id: "a11y/video-alternative",
        severity: Severity::Medium,
        standards: ["WCAG22:1.2.1", "WCAG22:1.2.2", "WCAG22:1.2.3", "WCAG22:1.2.5", "EN301549:9.1.2.2", "GB/T37668-2019:3.2.3.2"],
        sources: [
            Source::inspired("ACT:1a02b0"), Source::inspired("ACT:1ea59c"), Source::inspired("ACT:1ec09b"),
            Source::inspired("ACT:ab4d13"), Source::inspired("ACT:c3232f"), Source::inspired("ACT:c5a4ea"),
            Source::inspired("ACT:d7ba54"), Source::inspired("ACT:eac66b"), Source::inspired("ACT:ee13b5"),
            Source::inspired("ACT:f51b46"), Source::inspired("ACT:fd26cf"), Source::inspired("axe:video-caption"),
        ],
    }
}

const ACT: &[&str] = &[
    "1a02b0", "1ea59c", "1ec09b", "ab4d13", "c3232f", "c5a4ea", "d7ba54", "eac66b", "ee13b5",
    "f51b46", "fd26cf",
];

/// Applies to `<video>` elements that are rendered.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    review_first(
        out,
        &VIDEO_ALTERNATIVE,
        shown_named(page, "video"),
        ACT,
        |n| {
            format!(
                "Check that the {n} video(s) on this page have captions and an audio description or transcript."
            )
        },
    );
}
