//! The Observatory's tables, as data. Source: `mdn/mdn-http-observatory`
//! `src/grader/charts.js` (npm 1.4.8 for algorithm 4; commit 102df60 for the v5 change; main
//! 2d230d2 / PR #498 for the v6 COOP and COEP rows).

use super::Algorithm;

/// `MINIMUM_SCORE_FOR_EXTRA_CREDIT`: bonuses count only when the score after penalties is at
/// least this.
pub const MINIMUM_SCORE_FOR_EXTRA_CREDIT: i32 = 90;

/// `GRADE_CHART`, looked up with `min(score - score % 5, 100)`.
pub const GRADE_CHART: &[(i32, &str)] = &[
    (100, "A+"),
    (95, "A"),
    (90, "A"),
    (85, "A-"),
    (80, "B+"),
    (75, "B"),
    (70, "B"),
    (65, "B-"),
    (60, "C+"),
    (55, "C"),
    (50, "C"),
    (45, "C-"),
    (40, "D+"),
    (35, "D"),
    (30, "D"),
    (25, "D-"),
    (20, "F"),
    (15, "F"),
    (10, "F"),
    (5, "F"),
    (0, "F"),
];

/// `SCORE_TABLE` modifiers of algorithm 4 (npm 1.4.8), plus the v6 COOP/COEP rows.
const SCORE_TABLE: &[(&str, i32)] = &[
    ("csp-implemented-with-no-unsafe-default-src-none", 10),
    ("csp-implemented-with-no-unsafe", 5),
    ("csp-implemented-with-unsafe-inline-in-style-src-only", 0),
    (
        "csp-implemented-with-insecure-scheme-in-passive-content-only",
        -10,
    ),
    ("csp-implemented-with-unsafe-eval", -10),
    ("csp-implemented-with-unsafe-inline", -20),
    ("csp-implemented-with-insecure-scheme", -20),
    ("csp-header-invalid", -25),
    ("csp-not-implemented", -25),
    ("csp-not-implemented-but-reporting-enabled", -25),
    ("csp-implemented-but-duplicate-directives", 0),
    ("cookies-secure-with-httponly-sessions-and-samesite", 5),
    ("cookies-secure-with-httponly-sessions", 0),
    ("cookies-not-found", 0),
    ("cookies-without-secure-flag-but-protected-by-hsts", -5),
    (
        "cookies-session-without-secure-flag-but-protected-by-hsts",
        -10,
    ),
    ("cookies-without-secure-flag", -20),
    ("cookies-samesite-flag-invalid", -20),
    ("cookies-anticsrf-without-samesite-flag", -20),
    ("cookies-session-without-httponly-flag", -30),
    ("cookies-session-without-secure-flag", -40),
    ("cross-origin-resource-sharing-not-implemented", 0),
    (
        "cross-origin-resource-sharing-implemented-with-public-access",
        0,
    ),
    (
        "cross-origin-resource-sharing-implemented-with-restricted-access",
        0,
    ),
    (
        "cross-origin-resource-sharing-implemented-with-universal-access",
        -50,
    ),
    ("redirection-all-redirects-preloaded", 0),
    ("redirection-to-https", 0),
    ("redirection-not-needed-no-http", 0),
    ("redirection-off-host-from-http", -5),
    ("redirection-not-to-https-on-initial-redirection", -10),
    ("redirection-not-to-https", -20),
    ("redirection-missing", -20),
    ("redirection-invalid-cert", -20),
    ("referrer-policy-private", 5),
    ("referrer-policy-not-implemented", 0),
    ("referrer-policy-unsafe", -5),
    ("referrer-policy-header-invalid", -5),
    ("hsts-preloaded", 5),
    ("hsts-implemented-max-age-at-least-six-months", 0),
    ("hsts-implemented-max-age-less-than-six-months", -10),
    ("hsts-not-implemented", -20),
    ("hsts-header-invalid", -20),
    ("hsts-not-implemented-no-https", -20),
    ("hsts-invalid-cert", -20),
    ("sri-implemented-and-all-scripts-loaded-securely", 5),
    ("sri-implemented-and-external-scripts-loaded-securely", 5),
    ("sri-not-implemented-response-not-html", 0),
    ("sri-not-implemented-but-no-scripts-loaded", 0),
    (
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        0,
    ),
    (
        "sri-not-implemented-but-external-scripts-loaded-securely",
        -5,
    ),
    (
        "sri-implemented-but-external-scripts-not-loaded-securely",
        -20,
    ),
    (
        "sri-not-implemented-and-external-scripts-not-loaded-securely",
        -50,
    ),
    ("x-content-type-options-nosniff", 0),
    ("x-content-type-options-not-implemented", -5),
    ("x-content-type-options-header-invalid", -5),
    ("x-frame-options-implemented-via-csp", 5),
    ("x-frame-options-sameorigin-or-deny", 0),
    ("x-frame-options-allow-from-origin", 0),
    ("x-frame-options-not-implemented", -20),
    ("x-frame-options-header-invalid", -20),
    ("corp-header-invalid", -5),
    ("corp-implemented-with-cross-origin", 0),
    ("corp-implemented-with-same-origin", 10),
    ("corp-implemented-with-same-site", 10),
    ("corp-not-implemented", 0),
    ("html-not-parseable", -20),
    // v6 (PR #498)
    ("coop-implemented-with-same-origin", 10),
    ("coop-implemented-with-same-origin-allow-popups", 10),
    ("coop-implemented-with-noopener-allow-popups", 10),
    ("coop-implemented-with-unsafe-none", 0),
    ("coop-not-implemented", 0),
    ("coop-header-invalid", -5),
    ("coep-implemented-with-require-corp", 10),
    ("coep-implemented-with-credentialless", 10),
    ("coep-implemented-with-unsafe-none", 0),
    ("coep-not-implemented", 0),
    ("coep-header-invalid", -5),
];

/// Rows that changed after algorithm 4: (first algorithm, result id, modifier).
const CHANGES: &[(Algorithm, &str, i32)] = &[
    // commit 102df60 (1.5.0): XFO SAMEORIGIN/DENY earns the same bonus as frame-ancestors.
    (Algorithm::V5, "x-frame-options-sameorigin-or-deny", 5),
];

/// The modifier of a result id under an algorithm (0 for an unknown id, as `getScoreModifier`).
pub fn modifier(algorithm: Algorithm, result: &str) -> i32 {
    CHANGES
        .iter()
        .filter(|(since, id, _)| *id == result && algorithm >= *since)
        .map(|(_, _, m)| *m)
        .next_back()
        .or_else(|| SCORE_INDEX.get(result).copied())
        .unwrap_or(0)
}

/// [`SCORE_TABLE`] by result id (the first entry of an id, as the scan found it).
static SCORE_INDEX: std::sync::LazyLock<
    std::collections::HashMap<&'static str, i32, std::hash::BuildHasherDefault<crate::tables::Fnv>>,
> = std::sync::LazyLock::new(|| {
    let mut index = std::collections::HashMap::default();
    for (id, m) in SCORE_TABLE {
        index.entry(*id).or_insert(*m);
    }
    index
});

/// Every result id with a modifier (for documentation and tests).
pub fn result_ids() -> impl Iterator<Item = &'static str> {
    SCORE_TABLE.iter().map(|(id, _)| *id)
}

/// `getGradeForScore`: clamp at 0, then look up `min(score - score % 5, 100)`.
pub fn grade(score: i32) -> (i32, &'static str) {
    let score = score.max(0);
    let key = (score - score % 5).min(100);
    let grade = GRADE_CHART
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("F", |(_, g)| *g);
    (score, grade)
}
