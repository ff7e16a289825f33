//! WCAG 2 success criteria: their conformance level and the version that added them, so rules
//! can be selected by a conformance target (`--standard wcag2aa`) and mapped to Section 508.
//!
//! Levels and versions are from the W3C's WCAG 2.2 (A and AA rows as in
//! `../shared/reference/standards-map.json`; the AAA rows from the WCAG 2.2 Recommendation).

use crate::RuleMeta;
use std::fmt;
use std::str::FromStr;

/// A WCAG conformance level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    A,
    AA,
    AAA,
}

/// A WCAG 2 minor version: 0, 1 or 2.
pub type Minor = u8;

/// One success criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criterion {
    /// `1.4.3`.
    pub id: &'static str,
    /// Its fragment in the WCAG 2.2 Recommendation (`contrast-minimum`), the same in every
    /// WCAG 2 version that has it: EARL and the W3C ACT implementation reports name criteria by
    /// it (`WCAG2:contrast-minimum`), since numbers moved between versions.
    pub slug: &'static str,
    pub level: Level,
    /// The WCAG 2 version that added it (`0` for 2.0).
    pub since: Minor,
}

const fn sc(id: &'static str, slug: &'static str, level: Level, since: Minor) -> Criterion {
    Criterion {
        id,
        slug,
        level,
        since,
    }
}

use Level::{A, AA, AAA};

/// Every WCAG 2.2 success criterion, with 4.1.1 (obsolete in 2.2, still in 2.0 and 2.1).
pub static CRITERIA: &[Criterion] = &[
    sc("1.1.1", "non-text-content", A, 0),
    sc("1.2.1", "audio-only-and-video-only-prerecorded", A, 0),
    sc("1.2.2", "captions-prerecorded", A, 0),
    sc(
        "1.2.3",
        "audio-description-or-media-alternative-prerecorded",
        A,
        0,
    ),
    sc("1.2.4", "captions-live", AA, 0),
    sc("1.2.5", "audio-description-prerecorded", AA, 0),
    sc("1.2.6", "sign-language-prerecorded", AAA, 0),
    sc("1.2.7", "extended-audio-description-prerecorded", AAA, 0),
    sc("1.2.8", "media-alternative-prerecorded", AAA, 0),
    sc("1.2.9", "audio-only-live", AAA, 0),
    sc("1.3.1", "info-and-relationships", A, 0),
    sc("1.3.2", "meaningful-sequence", A, 0),
    sc("1.3.3", "sensory-characteristics", A, 0),
    sc("1.3.4", "orientation", AA, 1),
    sc("1.3.5", "identify-input-purpose", AA, 1),
    sc("1.3.6", "identify-purpose", AAA, 1),
    sc("1.4.1", "use-of-color", A, 0),
    sc("1.4.2", "audio-control", A, 0),
    sc("1.4.3", "contrast-minimum", AA, 0),
    sc("1.4.4", "resize-text", AA, 0),
    sc("1.4.5", "images-of-text", AA, 0),
    sc("1.4.6", "contrast-enhanced", AAA, 0),
    sc("1.4.7", "low-or-no-background-audio", AAA, 0),
    sc("1.4.8", "visual-presentation", AAA, 0),
    sc("1.4.9", "images-of-text-no-exception", AAA, 0),
    sc("1.4.10", "reflow", AA, 1),
    sc("1.4.11", "non-text-contrast", AA, 1),
    sc("1.4.12", "text-spacing", AA, 1),
    sc("1.4.13", "content-on-hover-or-focus", AA, 1),
    sc("2.1.1", "keyboard", A, 0),
    sc("2.1.2", "no-keyboard-trap", A, 0),
    sc("2.1.3", "keyboard-no-exception", AAA, 0),
    sc("2.1.4", "character-key-shortcuts", A, 1),
    sc("2.2.1", "timing-adjustable", A, 0),
    sc("2.2.2", "pause-stop-hide", A, 0),
    sc("2.2.3", "no-timing", AAA, 0),
    sc("2.2.4", "interruptions", AAA, 0),
    sc("2.2.5", "re-authenticating", AAA, 0),
    sc("2.2.6", "timeouts", AAA, 1),
    sc("2.3.1", "three-flashes-or-below-threshold", A, 0),
    sc("2.3.2", "three-flashes", AAA, 0),
    sc("2.3.3", "animation-from-interactions", AAA, 1),
    sc("2.4.1", "bypass-blocks", A, 0),
    sc("2.4.2", "page-titled", A, 0),
    sc("2.4.3", "focus-order", A, 0),
    sc("2.4.4", "link-purpose-in-context", A, 0),
    sc("2.4.5", "multiple-ways", AA, 0),
    sc("2.4.6", "headings-and-labels", AA, 0),
    sc("2.4.7", "focus-visible", AA, 0),
    sc("2.4.8", "location", AAA, 0),
    sc("2.4.9", "link-purpose-link-only", AAA, 0),
    sc("2.4.10", "section-headings", AAA, 0),
    sc("2.4.11", "focus-not-obscured-minimum", AA, 2),
    sc("2.4.12", "focus-not-obscured-enhanced", AAA, 2),
    sc("2.4.13", "focus-appearance", AAA, 2),
    sc("2.5.1", "pointer-gestures", A, 1),
    sc("2.5.2", "pointer-cancellation", A, 1),
    sc("2.5.3", "label-in-name", A, 1),
    sc("2.5.4", "motion-actuation", A, 1),
    sc("2.5.5", "target-size-enhanced", AAA, 1),
    sc("2.5.6", "concurrent-input-mechanisms", AAA, 1),
    sc("2.5.7", "dragging-movements", AA, 2),
    sc("2.5.8", "target-size-minimum", AA, 2),
    sc("3.1.1", "language-of-page", A, 0),
    sc("3.1.2", "language-of-parts", AA, 0),
    sc("3.1.3", "unusual-words", AAA, 0),
    sc("3.1.4", "abbreviations", AAA, 0),
    sc("3.1.5", "reading-level", AAA, 0),
    sc("3.1.6", "pronunciation", AAA, 0),
    sc("3.2.1", "on-focus", A, 0),
    sc("3.2.2", "on-input", A, 0),
    sc("3.2.3", "consistent-navigation", AA, 0),
    sc("3.2.4", "consistent-identification", AA, 0),
    sc("3.2.5", "change-on-request", AAA, 0),
    sc("3.2.6", "consistent-help", A, 2),
    sc("3.3.1", "error-identification", A, 0),
    sc("3.3.2", "labels-or-instructions", A, 0),
    sc("3.3.3", "error-suggestion", AA, 0),
    sc("3.3.4", "error-prevention-legal-financial-data", AA, 0),
    sc("3.3.5", "help", AAA, 0),
    sc("3.3.6", "error-prevention-all", AAA, 0),
    sc("3.3.7", "redundant-entry", A, 2),
    sc("3.3.8", "accessible-authentication-minimum", AA, 2),
    sc("3.3.9", "accessible-authentication-enhanced", AAA, 2),
    sc("4.1.1", "parsing", A, 0),
    sc("4.1.2", "name-role-value", A, 0),
    sc("4.1.3", "status-messages", AA, 1),
];

/// The criterion `1.4.3`, if WCAG 2.2 has it.
pub fn criterion(id: &str) -> Option<&'static Criterion> {
    CRITERIA.iter().find(|c| c.id == id)
}

/// The success criterion a reference names, for `WCAG2…:x.y.z` references (`WCAG22:1.4.3`).
pub fn criterion_of(reference: &str) -> Option<&'static Criterion> {
    let (scheme, clause) = reference.split_once(':')?;
    if !scheme.starts_with("WCAG2") {
        return None;
    }
    criterion(clause)
}

/// The Section 508 (2017 refresh) provision that incorporates WCAG 2.0 A and AA for web
/// content: E205.4. Criteria added in 2.1 and 2.2, and AAA ones, are outside it.
pub const SECTION_508_WEB: &str = "Section508:E205.4";

/// Whether Section 508 covers the criterion (WCAG 2.0, level A or AA).
pub fn in_section_508(criterion: &Criterion) -> bool {
    criterion.since == 0 && criterion.level <= AA
}

/// A conformance target rules are selected by: a WCAG 2 version range and a level.
///
/// `wcag2aa` (the default) is levels A and AA of every WCAG 2 version; `wcag20aa`, `wcag21aa`
/// and `wcag22aa` stop at that version (axe-core's `wcag2aa` tag is 2.0 only, its `wcag21aa`
/// 2.1 only; a version here includes the earlier ones, as conformance claims do). The
/// `…aaa` forms add level AAA. Rules without a WCAG criterion (best practices) always run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// The last WCAG 2 version included.
    pub up_to: Minor,
    pub level: Level,
}

impl Default for Target {
    fn default() -> Self {
        Target {
            up_to: 2,
            level: AA,
        }
    }
}

impl Target {
    /// Whether the target includes the criterion.
    pub fn includes(&self, criterion: &Criterion) -> bool {
        criterion.level <= self.level && criterion.since <= self.up_to
    }

    /// Whether a rule runs under this target: it names no WCAG criterion, or at least one
    /// criterion it checks is included.
    pub fn selects(&self, rule: &RuleMeta) -> bool {
        let mut criteria = rule
            .standards
            .iter()
            .filter_map(|s| criterion_of(s))
            .peekable();
        criteria.peek().is_none() || criteria.any(|c| self.includes(c))
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            A => "a",
            AA => "aa",
            AAA => "aaa",
        };
        if self.up_to == 2 {
            write!(f, "wcag2{level}")
        } else {
            write!(f, "wcag2{}{level}", self.up_to)
        }
    }
}

/// A conformance target that is not one of `wcag2a`, `wcag2aa`, `wcag2aaa`, `wcag2Xa`, ...
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown standard {0:?}: use wcag2a, wcag2aa or wcag2aaa (every WCAG 2 version), or name a version: wcag20aa, wcag21aa, wcag22aa, ..."
)]
pub struct UnknownTarget(pub String);

impl FromStr for Target {
    type Err = UnknownTarget;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let lower = text.trim().to_ascii_lowercase();
        let unknown = || UnknownTarget(text.to_owned());
        let rest = lower.strip_prefix("wcag2").ok_or_else(unknown)?;
        let (up_to, level) = match rest.as_bytes().first() {
            Some(digit @ b'0'..=b'2') => (digit - b'0', &rest[1..]),
            _ => (2, rest),
        };
        let level = match level {
            "a" => A,
            "aa" => AA,
            "aaa" => AAA,
            _ => return Err(unknown()),
        };
        Ok(Target { up_to, level })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn rule(standards: &'static [&'static str]) -> RuleMeta {
        RuleMeta {
            id: "a11y/example",
            severity: Severity::Low,
            standards,
            sources: &[],
            docs: "",
            cache: None,
        }
    }

    #[test]
    fn every_criterion_is_listed_once() {
        let mut ids: Vec<&str> = CRITERIA.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CRITERIA.len());
        // WCAG 2.2: 87 criteria, plus the obsolete 4.1.1.
        assert_eq!(CRITERIA.len(), 87);
    }

    #[test]
    fn targets_parse_and_print() {
        for text in ["wcag2a", "wcag2aa", "wcag2aaa", "wcag20aa", "wcag21a"] {
            assert_eq!(text.parse::<Target>().unwrap().to_string(), text);
        }
        // 2.2 is the latest: naming it is the same as naming none.
        assert_eq!("wcag22aaa".parse::<Target>(), "wcag2aaa".parse());
        assert_eq!("WCAG2AA".parse::<Target>(), Ok(Target::default()));
        for bad in [
            "",
            "wcag",
            "wcag2",
            "wcag23aa",
            "wcag2aaaa",
            "section508",
            "wcag2b",
        ] {
            assert!(bad.parse::<Target>().is_err(), "{bad}");
        }
    }

    #[test]
    fn aaa_rules_are_off_by_default_and_best_practices_stay_on() {
        let default = Target::default();
        assert!(!default.selects(&rule(&["WCAG22:1.4.6", "EN301549:none"])));
        assert!(default.selects(&rule(&["WCAG22:1.4.3"])));
        assert!(default.selects(&rule(&["WCAG22:1.4.6", "WCAG22:1.4.3"])));
        assert!(default.selects(&rule(&[])));
        assert!(
            "wcag2aaa"
                .parse::<Target>()
                .unwrap()
                .selects(&rule(&["WCAG22:1.4.6"]))
        );
    }

    #[test]
    fn versions_include_the_earlier_ones() {
        let wcag20: Target = "wcag20aa".parse().unwrap();
        assert!(wcag20.selects(&rule(&["WCAG22:1.4.3"])));
        assert!(!wcag20.selects(&rule(&["WCAG22:1.4.12"])));
        let wcag21: Target = "wcag21aa".parse().unwrap();
        assert!(wcag21.selects(&rule(&["WCAG22:1.4.12"])));
        assert!(!wcag21.selects(&rule(&["WCAG22:2.5.8"])));
        let level_a: Target = "wcag2a".parse().unwrap();
        assert!(!level_a.selects(&rule(&["WCAG22:1.4.3"])));
    }

    #[test]
    fn criteria_are_named_by_their_fragment() {
        assert_eq!(criterion("1.4.12").map(|c| c.slug), Some("text-spacing"));
        assert_eq!(criterion("4.1.2").map(|c| c.slug), Some("name-role-value"));
        let mut slugs: Vec<&str> = CRITERIA.iter().map(|c| c.slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), CRITERIA.len());
    }

    #[test]
    fn section_508_is_wcag_2_0_a_and_aa() {
        assert!(in_section_508(criterion("1.1.1").unwrap()));
        assert!(in_section_508(criterion("1.4.3").unwrap()));
        assert!(!in_section_508(criterion("1.4.6").unwrap()));
        assert!(!in_section_508(criterion("1.4.12").unwrap()));
        assert_eq!(criterion_of("WCAG22:2.4.7").map(|c| c.level), Some(AA));
        assert_eq!(criterion_of("EN301549:9.1.1.1"), None);
    }
}
