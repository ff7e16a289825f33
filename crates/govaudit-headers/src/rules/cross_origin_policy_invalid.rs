use super::Context;
use crate::parse::StructuredPolicy;
use govaudit_core::{Collector, Location, Severity, Source, declare_rule};

declare_rule! {
    /// ## What it checks
    /// `Cross-Origin-Opener-Policy`, `Cross-Origin-Embedder-Policy` and `Cross-Origin-Resource-Policy` values: each must be one RFC 8941 token the standard defines.
    ///
    /// ## Why it matters
    /// Browsers ignore an invalid value, so the isolation it promises is not there (the Observatory gives -5).
    ///
    /// ## How to fix
    /// Send one valid value, e.g. `Cross-Origin-Opener-Policy: same-origin`.
    pub CROSS_ORIGIN_POLICY_INVALID = {
        id: "headers/cross-origin-policy-invalid",
        severity: Severity::Low,
        standards: ["CWE-16"],
        sources: [Source::inspired("observatory:cross-origin-opener-policy"), Source::inspired("observatory:cross-origin-embedder-policy"), Source::inspired("observatory:cross-origin-resource-policy")],
    }
}

/// Header and the tokens the standards define.
const POLICIES: &[(&str, &[&str])] = &[
    (
        "Cross-Origin-Opener-Policy",
        &[
            "same-origin",
            "same-origin-allow-popups",
            "noopener-allow-popups",
            "unsafe-none",
        ],
    ),
    (
        "Cross-Origin-Embedder-Policy",
        &["require-corp", "credentialless", "unsafe-none"],
    ),
    (
        "Cross-Origin-Resource-Policy",
        &["same-origin", "same-site", "cross-origin"],
    ),
];

pub(super) fn check(cx: &Context<'_>, out: &mut Collector) {
    for (header, tokens) in POLICIES {
        let Some(value) = cx.header(header) else {
            continue;
        };
        let problem = match StructuredPolicy::parse(&value) {
            Err(e) => e.to_string(),
            Ok(p) if !tokens.contains(&p.token.as_str()) => {
                format!("{} is not one of {}", p.token, tokens.join(", "))
            }
            Ok(_) => continue,
        };
        out.fail(
            &CROSS_ORIGIN_POLICY_INVALID,
            Location::header(*header),
            format!("{header} is invalid ({problem}), so browsers ignore it."),
        )
        .evidence("value", &value);
    }
}
