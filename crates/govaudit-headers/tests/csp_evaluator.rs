//! One test per CSP Evaluator check: a policy that triggers it, and one that does not.

use govaudit_headers::csp::{ContentSecurityPolicy, PolicySource};
use govaudit_headers::csp_evaluator::{EvalSeverity, EvalType, evaluate};

fn kinds(policy: &str) -> Vec<(EvalType, EvalSeverity)> {
    evaluate(&ContentSecurityPolicy::parse(policy, PolicySource::Header))
        .into_iter()
        .map(|f| (f.kind, f.severity))
        .collect()
}

fn has(policy: &str, kind: EvalType) -> bool {
    kinds(policy).iter().any(|(k, _)| *k == kind)
}

const STRICT: &str = "script-src 'nonce-r4nd0m123' 'strict-dynamic' 'unsafe-inline' https:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; report-uri /r";

#[test]
fn strict_policy_is_clean_of_security_findings() {
    let found = kinds(STRICT);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn each_check() {
    use EvalType::*;
    let cases: &[(&str, EvalType)] = &[
        ("script-src 'unsafe-inline'", ScriptUnsafeInline),
        (
            "script-src 'unsafe-hashes' 'sha256-abc='",
            ScriptUnsafeHashes,
        ),
        ("script-src 'self' 'unsafe-eval'", ScriptUnsafeEval),
        ("script-src https:", PlainUrlSchemes),
        ("object-src data:", PlainUrlSchemes),
        ("script-src *", PlainWildcard),
        ("script-src https://*", PlainWildcard),
        ("img-src 'self'", MissingDirectives),
        (
            "script-src 'nonce-abcdefgh'; object-src 'none'",
            MissingDirectives,
        ),
        (
            "script-src https://www.google-analytics.com",
            ScriptAllowlistBypass,
        ),
        (
            "script-src https://ajax.googleapis.com",
            ScriptAllowlistBypass,
        ),
        ("script-src 'self'", ScriptAllowlistBypass),
        ("object-src https://cdn.example.com", ObjectAllowlistBypass),
        ("script-src 10.0.0.1", IpSource),
        ("script-src 'nonce-abc'", NonceLength),
        ("script-src 'nonce-abc$def!gh'", NonceCharset),
        ("script-src http://cdn.example.com", SrcHttp),
        ("report-uri http://r.example.com/", SrcHttp),
        ("reflected-xss block", DeprecatedDirective),
        ("referrer no-referrer", DeprecatedDirective),
        ("disown-opener", DeprecatedDirective),
        ("prefetch-src 'self'", DeprecatedDirective),
        ("scirpt-src 'self'", UnknownDirective),
        ("script-src: 'self'", UnknownDirective),
        ("script-src 'self' object-src 'none'", MissingSemicolon),
        ("script-src self", InvalidKeyword),
        ("script-src 'selfie'", InvalidKeyword),
        ("script-src nonce-abcdefgh", InvalidKeyword),
        ("script-src https://cdn.example.com", StrictDynamic),
        ("script-src 'strict-dynamic'", StrictDynamicNotStandalone),
        ("script-src 'nonce-abcdefgh'", UnsafeInlineFallback),
        (
            "script-src 'nonce-abcdefgh' 'strict-dynamic'",
            AllowlistFallback,
        ),
        ("script-src 'self'", RequireTrustedTypesForScripts),
        ("script-src 'self'", ReportingDestinationMissing),
        ("script-src 'self'; report-to g", ReportToOnly),
    ];
    for (policy, kind) in cases {
        assert!(
            has(policy, *kind),
            "{policy:?} should give {kind:?}: {:?}",
            kinds(policy)
        );
        assert!(
            !has(STRICT, *kind) || matches!(kind, ScriptAllowlistBypass),
            "{kind:?} on the strict policy"
        );
    }
}

#[test]
fn nonce_cancels_unsafe_inline_and_severities_follow_the_evaluator() {
    assert!(!has(
        "script-src 'nonce-abcdefgh' 'unsafe-inline'",
        EvalType::ScriptUnsafeInline
    ));
    // google/csp-evaluator#4: Google Analytics is a JSONP bypass only with 'unsafe-eval'.
    let ga = kinds("script-src https://www.google-analytics.com");
    assert!(ga.contains(&(EvalType::ScriptAllowlistBypass, EvalSeverity::MediumMaybe)));
    let bypass = kinds("script-src https://www.google-analytics.com 'unsafe-eval'");
    assert!(bypass.contains(&(EvalType::ScriptAllowlistBypass, EvalSeverity::High)));
    let angular = kinds("script-src https://ajax.googleapis.com");
    assert!(angular.contains(&(EvalType::ScriptAllowlistBypass, EvalSeverity::High)));
    let unknown_host = kinds("script-src https://cdn.example.com");
    assert!(unknown_host.contains(&(EvalType::ScriptAllowlistBypass, EvalSeverity::MediumMaybe)));
    // JSONP hosts that need 'unsafe-eval' are not a bypass without it.
    let needs_eval = govaudit_headers::csp_evaluator::bypass_hosts::JSONP_NEEDS_EVAL[0];
    let p = format!("script-src https://{needs_eval}");
    assert!(
        kinds(&p).contains(&(EvalType::ScriptAllowlistBypass, EvalSeverity::MediumMaybe))
            || !has(&p, EvalType::ScriptAllowlistBypass)
    );
}

#[test]
fn findings_carry_the_policy_as_evidence() {
    let mut e = govaudit_headers::Exchange::new(
        "https://a.example/",
        vec![govaudit_core::HeaderField::new(
            "Content-Security-Policy",
            "script-src 'unsafe-inline'",
        )],
    );
    e.status = Some(200);
    let findings = govaudit_headers::check(&e, None);
    let f = findings
        .iter()
        .find(|f| f.rule == "headers/csp-script-unsafe-inline")
        .unwrap();
    assert_eq!(f.evidence["policy"], "script-src 'unsafe-inline'");
    assert_eq!(
        f.location.header.as_deref(),
        Some("Content-Security-Policy")
    );
}
