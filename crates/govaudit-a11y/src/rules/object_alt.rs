use crate::Page;
use crate::name::require_name;
use govaudit_core::{Collector, Severity, Source, declare_rule};
use govaudit_html::Element;

declare_rule! {
    /// ## What it checks
    /// Every `<object>` that embeds an image, audio or video and is exposed to assistive
    /// technology has a non-empty accessible name: `aria-label`, `aria-labelledby` or `title`
    /// (fallback content inside the object does not name it).
    ///
    /// ## Why it matters
    /// Assistive technology cannot look into the embedded media; the object's name is all a
    /// blind user learns about it.
    ///
    /// ## How to fix
    /// Add `title="..."` or `aria-label="..."` describing the embedded content, or use `<img>`,
    /// `<audio>` or `<video>` with their own text alternatives.
    pub OBJECT_ALT = {
        id: "a11y/object-alt",
        severity: Severity::High,
        standards: ["WCAG22:1.1.1", "EN301549:9.1.1.1", "GB/T37668-2019:3.2.1.4"],
        sources: [Source::same("ACT:8fc3b6"), Source::same("axe:object-alt")],
    }
}

/// File extensions of image, audio and video resources (IANA media types registry, the
/// common subtypes' usual extensions).
const MEDIA_EXTENSIONS: &[&str] = &[
    "apng", "avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "tif", "tiff", "webp", "aac",
    "flac", "m4a", "mid", "midi", "mp3", "oga", "ogg", "opus", "wav", "weba", "avi", "m4v", "mkv",
    "mov", "mp4", "mpeg", "mpg", "ogv", "webm",
];

/// Does the object embed an image, audio or video (by its `type`, else its `data` extension)?
fn embeds_media(object: &Element<'_>) -> bool {
    if let Some(mime) = object.attr("type").map(|t| t.trim().to_ascii_lowercase())
        && !mime.is_empty()
    {
        return ["image/", "audio/", "video/"]
            .iter()
            .any(|p| mime.starts_with(p));
    }
    let Some(data) = object.attr("data") else {
        return false;
    };
    let path = data.split(['?', '#']).next().unwrap_or("");
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    extension.is_some_and(|e| MEDIA_EXTENSIONS.contains(&e.as_str()))
}

/// Applies to `<object>` elements that embed media, are in the accessibility tree, are not
/// presentational and are not the fallback content of an outer media object.
pub(crate) fn check(page: &Page<'_>, out: &mut Collector) {
    let visibility = page.visibility();
    for object in page.elements_named("object") {
        if !object.is_html()
            || !visibility.in_accessibility_tree(&object)
            || !embeds_media(&object)
            || matches!(page.role(&object), Some("none" | "presentation"))
            || object
                .ancestors()
                .any(|a| a.name() == "object" && embeds_media(&a))
        {
            continue;
        }
        require_name(
            page,
            out,
            &OBJECT_ALT,
            &object,
            &["ACT:8fc3b6"],
            "This embedded object has no accessible name (add title=\"...\" or aria-label).",
        );
    }
}
