//! WCAG 2 success criteria by number and by id. The id is the criterion's fragment in the WCAG
//! 2.2 Recommendation (<https://www.w3.org/TR/WCAG22/#text-spacing>), the same in every WCAG 2
//! version that has the criterion; EARL and the W3C ACT implementation reports name criteria by
//! it (`WCAG2:text-spacing`), since numbers moved between versions.

/// `(number, id)` of every WCAG 2.2 success criterion, and 4.1.1 (removed in 2.2, kept in 2.0
/// and 2.1).
const SUCCESS_CRITERIA: &[(&str, &str)] = &[
    ("1.1.1", "non-text-content"),
    ("1.2.1", "audio-only-and-video-only-prerecorded"),
    ("1.2.2", "captions-prerecorded"),
    (
        "1.2.3",
        "audio-description-or-media-alternative-prerecorded",
    ),
    ("1.2.4", "captions-live"),
    ("1.2.5", "audio-description-prerecorded"),
    ("1.2.6", "sign-language-prerecorded"),
    ("1.2.7", "extended-audio-description-prerecorded"),
    ("1.2.8", "media-alternative-prerecorded"),
    ("1.2.9", "audio-only-live"),
    ("1.3.1", "info-and-relationships"),
    ("1.3.2", "meaningful-sequence"),
    ("1.3.3", "sensory-characteristics"),
    ("1.3.4", "orientation"),
    ("1.3.5", "identify-input-purpose"),
    ("1.3.6", "identify-purpose"),
    ("1.4.1", "use-of-color"),
    ("1.4.2", "audio-control"),
    ("1.4.3", "contrast-minimum"),
    ("1.4.4", "resize-text"),
    ("1.4.5", "images-of-text"),
    ("1.4.6", "contrast-enhanced"),
    ("1.4.7", "low-or-no-background-audio"),
    ("1.4.8", "visual-presentation"),
    ("1.4.9", "images-of-text-no-exception"),
    ("1.4.10", "reflow"),
    ("1.4.11", "non-text-contrast"),
    ("1.4.12", "text-spacing"),
    ("1.4.13", "content-on-hover-or-focus"),
    ("2.1.1", "keyboard"),
    ("2.1.2", "no-keyboard-trap"),
    ("2.1.3", "keyboard-no-exception"),
    ("2.1.4", "character-key-shortcuts"),
    ("2.2.1", "timing-adjustable"),
    ("2.2.2", "pause-stop-hide"),
    ("2.2.3", "no-timing"),
    ("2.2.4", "interruptions"),
    ("2.2.5", "re-authenticating"),
    ("2.2.6", "timeouts"),
    ("2.3.1", "three-flashes-or-below-threshold"),
    ("2.3.2", "three-flashes"),
    ("2.3.3", "animation-from-interactions"),
    ("2.4.1", "bypass-blocks"),
    ("2.4.2", "page-titled"),
    ("2.4.3", "focus-order"),
    ("2.4.4", "link-purpose-in-context"),
    ("2.4.5", "multiple-ways"),
    ("2.4.6", "headings-and-labels"),
    ("2.4.7", "focus-visible"),
    ("2.4.8", "location"),
    ("2.4.9", "link-purpose-link-only"),
    ("2.4.10", "section-headings"),
    ("2.4.11", "focus-not-obscured-minimum"),
    ("2.4.12", "focus-not-obscured-enhanced"),
    ("2.4.13", "focus-appearance"),
    ("2.5.1", "pointer-gestures"),
    ("2.5.2", "pointer-cancellation"),
    ("2.5.3", "label-in-name"),
    ("2.5.4", "motion-actuation"),
    ("2.5.5", "target-size-enhanced"),
    ("2.5.6", "concurrent-input-mechanisms"),
    ("2.5.7", "dragging-movements"),
    ("2.5.8", "target-size-minimum"),
    ("3.1.1", "language-of-page"),
    ("3.1.2", "language-of-parts"),
    ("3.1.3", "unusual-words"),
    ("3.1.4", "abbreviations"),
    ("3.1.5", "reading-level"),
    ("3.1.6", "pronunciation"),
    ("3.2.1", "on-focus"),
    ("3.2.2", "on-input"),
    ("3.2.3", "consistent-navigation"),
    ("3.2.4", "consistent-identification"),
    ("3.2.5", "change-on-request"),
    ("3.2.6", "consistent-help"),
    ("3.3.1", "error-identification"),
    ("3.3.2", "labels-or-instructions"),
    ("3.3.3", "error-suggestion"),
    ("3.3.4", "error-prevention-legal-financial-data"),
    ("3.3.5", "help"),
    ("3.3.6", "error-prevention-all"),
    ("3.3.7", "redundant-entry"),
    ("3.3.8", "accessible-authentication-minimum"),
    ("3.3.9", "accessible-authentication-enhanced"),
    ("4.1.1", "parsing"),
    ("4.1.2", "name-role-value"),
    ("4.1.3", "status-messages"),
];

/// The id of WCAG 2 success criterion `number` (`1.4.12` gives `text-spacing`).
pub fn success_criterion_id(number: &str) -> Option<&'static str> {
    SUCCESS_CRITERIA
        .iter()
        .find(|(n, _)| *n == number)
        .map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ids_are_unique_and_well_formed() {
        let mut numbers: Vec<&str> = SUCCESS_CRITERIA.iter().map(|(n, _)| *n).collect();
        let mut ids: Vec<&str> = SUCCESS_CRITERIA.iter().map(|(_, i)| *i).collect();
        numbers.sort_unstable();
        numbers.dedup();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(numbers.len(), 87);
        assert_eq!(ids.len(), 87);
        assert!(
            ids.iter()
                .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }

    #[test]
    fn numbers_give_ids() {
        assert_eq!(success_criterion_id("1.4.12"), Some("text-spacing"));
        assert_eq!(success_criterion_id("1.1.1"), Some("non-text-content"));
        assert_eq!(success_criterion_id("4.1.2"), Some("name-role-value"));
        assert_eq!(success_criterion_id("9.9.9"), None);
    }
}
