//! The header rules: one file each (doc comment = documentation, `declare_rule!`, `check`), and
//! the registry below, one line per rule written by hand (`declare_registry!`).

use crate::csp::{ContentSecurityPolicy, PolicySource};
use crate::csp_evaluator::{self, EvalFinding, EvalSeverity, EvalType};
use crate::exchange::{Exchange, HopParts};
use crate::html::BodyFacts;
use crate::observatory::{self, Algorithm, CspOutcome, ObservatoryError, ObservatoryResult};
use crate::parse::{HstsError, HstsPolicy, SetCookie};
use crate::preload::PreloadList;
use govaudit_core::{Collector, Finding, Location, Outcome, RuleMeta, Severity};

mod cookie_prefix_invalid;
mod cookie_samesite;
mod cookie_session_without_httponly;
mod cookie_without_secure;
mod cors_credentials_with_reflected_origin;
mod cross_origin_isolation_missing;
mod cross_origin_policy_invalid;
mod csp_allowlist_fallback;
mod csp_deprecated_directive;
mod csp_invalid_keyword;
mod csp_ip_source;
mod csp_missing;
mod csp_missing_directives;
mod csp_missing_semicolon;
mod csp_nonce_charset;
mod csp_nonce_length;
mod csp_object_allowlist_bypass;
mod csp_observatory_invalid;
mod csp_plain_url_schemes;
mod csp_plain_wildcard;
mod csp_report_only;
mod csp_report_to_only;
mod csp_reporting_destination_missing;
mod csp_require_trusted_types;
mod csp_script_allowlist_bypass;
mod csp_script_unsafe_eval;
mod csp_script_unsafe_hashes;
mod csp_script_unsafe_inline;
mod csp_src_http;
mod csp_strict_dynamic;
mod csp_strict_dynamic_not_standalone;
mod csp_unknown_directive;
mod csp_unsafe_inline_fallback;
mod deprecated_header;
mod framing_unprotected;
mod hsts_invalid;
mod hsts_max_age_short;
mod hsts_missing;
mod hsts_no_include_subdomains;
mod hsts_preload_ineligible;
mod information_leak;
mod mixed_content;
mod non_ascii_value;
mod nosniff_missing;
mod permissions_policy_invalid;
mod permissions_policy_unknown_feature;
mod redirect_to_https_missing;
mod referrer_policy_unsafe;
mod value_oversized;
mod xfo_invalid;

govaudit_core::declare_registry! {
    check: fn(&Context<'_>, &mut Collector),
    rules: [
        hsts_missing::HSTS_MISSING,
        hsts_invalid::HSTS_INVALID,
        hsts_max_age_short::HSTS_MAX_AGE_SHORT,
        hsts_no_include_subdomains::HSTS_NO_INCLUDE_SUBDOMAINS,
        hsts_preload_ineligible::HSTS_PRELOAD_INELIGIBLE,
        redirect_to_https_missing::REDIRECT_TO_HTTPS_MISSING,
        csp_missing::CSP_MISSING,
        csp_report_only::CSP_REPORT_ONLY,
        csp_observatory_invalid::CSP_OBSERVATORY_INVALID,
        csp_script_unsafe_inline::CSP_SCRIPT_UNSAFE_INLINE,
        csp_script_unsafe_hashes::CSP_SCRIPT_UNSAFE_HASHES,
        csp_script_unsafe_eval::CSP_SCRIPT_UNSAFE_EVAL,
        csp_plain_url_schemes::CSP_PLAIN_URL_SCHEMES,
        csp_plain_wildcard::CSP_PLAIN_WILDCARD,
        csp_missing_directives::CSP_MISSING_DIRECTIVES,
        csp_script_allowlist_bypass::CSP_SCRIPT_ALLOWLIST_BYPASS,
        csp_object_allowlist_bypass::CSP_OBJECT_ALLOWLIST_BYPASS,
        csp_ip_source::CSP_IP_SOURCE,
        csp_nonce_length::CSP_NONCE_LENGTH,
        csp_nonce_charset::CSP_NONCE_CHARSET,
        csp_src_http::CSP_SRC_HTTP,
        csp_deprecated_directive::CSP_DEPRECATED_DIRECTIVE,
        csp_unknown_directive::CSP_UNKNOWN_DIRECTIVE,
        csp_missing_semicolon::CSP_MISSING_SEMICOLON,
        csp_invalid_keyword::CSP_INVALID_KEYWORD,
        csp_strict_dynamic::CSP_STRICT_DYNAMIC,
        csp_strict_dynamic_not_standalone::CSP_STRICT_DYNAMIC_NOT_STANDALONE,
        csp_unsafe_inline_fallback::CSP_UNSAFE_INLINE_FALLBACK,
        csp_allowlist_fallback::CSP_ALLOWLIST_FALLBACK,
        csp_require_trusted_types::CSP_REQUIRE_TRUSTED_TYPES,
        csp_reporting_destination_missing::CSP_REPORTING_DESTINATION_MISSING,
        csp_report_to_only::CSP_REPORT_TO_ONLY,
        cookie_without_secure::COOKIE_WITHOUT_SECURE,
        cookie_session_without_httponly::COOKIE_SESSION_WITHOUT_HTTPONLY,
        cookie_samesite::COOKIE_SAMESITE,
        cookie_prefix_invalid::COOKIE_PREFIX_INVALID,
        framing_unprotected::FRAMING_UNPROTECTED,
        xfo_invalid::XFO_INVALID,
        nosniff_missing::NOSNIFF_MISSING,
        referrer_policy_unsafe::REFERRER_POLICY_UNSAFE,
        cross_origin_policy_invalid::CROSS_ORIGIN_POLICY_INVALID,
        cross_origin_isolation_missing::CROSS_ORIGIN_ISOLATION_MISSING,
        cors_credentials_with_reflected_origin::CORS_CREDENTIALS_WITH_REFLECTED_ORIGIN,
        permissions_policy_invalid::PERMISSIONS_POLICY_INVALID,
        permissions_policy_unknown_feature::PERMISSIONS_POLICY_UNKNOWN_FEATURE,
        information_leak::INFORMATION_LEAK,
        deprecated_header::DEPRECATED_HEADER,
        mixed_content::MIXED_CONTENT,
        value_oversized::VALUE_OVERSIZED,
        non_ascii_value::NON_ASCII_VALUE,
    ],
}

/// Everything the rules and the Observatory grade read, parsed once per exchange: rules borrow
/// the typed values from here instead of parsing header text again.
pub struct Context<'a> {
    pub exchange: &'a Exchange,
    pub body: Option<BodyFacts>,
    pub preload: Option<&'a PreloadList>,
    /// Enforced policies: header lines (split on `,`) then `<meta>` policies.
    pub policies: Vec<ContentSecurityPolicy<'a>>,
    pub report_only: Vec<ContentSecurityPolicy<'a>>,
    /// CSP Evaluator findings per enforced policy (same order as `policies`).
    pub evaluations: Vec<Vec<EvalFinding<'a>>>,
    /// Cookies of the graded response.
    pub cookies: Vec<SetCookie<'a>>,
    /// Cookies set by the redirect responses before it, with the URL that set each (all of
    /// them: the browser keeps every one, whichever scheme the hop used).
    pub redirect_cookies: Vec<(&'a str, SetCookie<'a>)>,
    /// The Observatory's CSP verdict (algorithm 6, the same as 5), to explain its "invalid" and
    /// to grade without parsing the policies again.
    pub observatory_csp: CspOutcome<'a>,
    /// The first `Strict-Transport-Security` line, parsed (browsers use only the first).
    pub hsts: Option<Result<HstsPolicy, HstsError>>,
    /// The scanned host: of the first hop from `http://host/`, else of `url`.
    pub site_host: Option<String>,
    /// Whether the response is HTML for the rules (no `Content-Type` counts as HTML).
    pub is_html: bool,
    /// `exchange.http_redirects`, each URL parsed once.
    pub(crate) redirect_route: Vec<Option<HopParts>>,
}

impl<'a> Context<'a> {
    pub fn new(exchange: &'a Exchange, preload: Option<&'a PreloadList>) -> Self {
        let body = exchange
            .body
            .as_deref()
            .filter(|b| !b.is_empty())
            .map(BodyFacts::read);
        let mut policies: Vec<ContentSecurityPolicy<'a>> = Vec::new();
        for h in exchange.fields("content-security-policy") {
            parse_field(&mut policies, h, PolicySource::Header);
        }
        if exchange.observatory_is_html()
            && let Some(b) = &body
        {
            // The body facts move into the context: these policies own their text.
            policies.extend(
                b.meta_csp
                    .iter()
                    .map(|m| ContentSecurityPolicy::parse(m, PolicySource::Meta).into_owned()),
            );
        }
        let mut report_only = Vec::new();
        for h in exchange.fields("content-security-policy-report-only") {
            parse_field(&mut report_only, h, PolicySource::ReportOnly);
        }
        let evaluations = policies.iter().map(csp_evaluator::evaluate).collect();
        let cookies = exchange
            .fields("set-cookie")
            .filter_map(|h| match h.value_str() {
                std::borrow::Cow::Borrowed(line) => SetCookie::parse(line),
                std::borrow::Cow::Owned(line) => SetCookie::parse(&line).map(SetCookie::into_owned),
            })
            .collect();
        let redirect_cookies = exchange
            .redirect_cookies
            .iter()
            .filter_map(|c| Some((c.url.as_str(), SetCookie::parse(&c.value)?)))
            .collect();
        let observatory_csp = observatory::csp_outcome(exchange, body.as_ref(), Algorithm::V6);
        let hsts = exchange
            .fields("strict-transport-security")
            .next()
            .map(|h| HstsPolicy::parse(&h.value_str()));
        // `mime_type()` compared without its lower-cased copy.
        let is_html = crate::exchange::node_header_str(&exchange.headers, "content-type")
            .is_none_or(|ct| {
                let mime = ct.split(';').next().unwrap_or("").trim();
                mime.eq_ignore_ascii_case("text/html")
                    || mime.eq_ignore_ascii_case("application/xhtml+xml")
            });
        let redirect_route = crate::exchange::redirect_route(&exchange.http_redirects);
        Context {
            site_host: crate::exchange::site_host_from(exchange, &redirect_route),
            redirect_route,
            exchange,
            body,
            preload,
            policies,
            report_only,
            evaluations,
            cookies,
            redirect_cookies,
            observatory_csp,
            hsts,
            is_html,
        }
    }

    /// The combined value of a header, if present.
    pub fn header(&self, name: &str) -> Option<std::borrow::Cow<'a, str>> {
        crate::exchange::combined_str(&self.exchange.headers, name)
    }

    /// Whether a field with this (lower-case) name is present.
    pub fn has_header(&self, lower_name: &str) -> bool {
        self.exchange.headers.iter().any(|h| h.is_named(lower_name))
    }

    /// Every cookie the browser received, in order: those set by redirects (with the URL that
    /// set them), then those of the graded response.
    pub fn all_cookies(&self) -> impl Iterator<Item = (&SetCookie<'a>, Option<&str>)> {
        self.redirect_cookies
            .iter()
            .map(|(url, c)| (c, Some(*url)))
            .chain(self.cookies.iter().map(|c| (c, None)))
    }

    /// The valid HSTS policy of the first line, if any.
    pub fn hsts_policy(&self) -> Option<&HstsPolicy> {
        self.hsts.as_ref().and_then(|r| r.as_ref().ok())
    }

    /// Whether the site is in the given HSTS preload list.
    pub fn preloaded(&self) -> bool {
        self.site_host
            .as_deref()
            .is_some_and(|h| self.preload.is_some_and(|p| p.covering(h).is_some()))
    }

    /// Whether HSTS is in effect for the site (a valid header over HTTPS, or preloaded).
    pub fn hsts_in_effect(&self) -> bool {
        let header_ok =
            self.exchange.is_https() && self.hsts_policy().is_some_and(|p| p.max_age > 0);
        self.preloaded() || header_ok
    }

    /// The Observatory grade, reusing what this context already parsed (the CSP verdict for
    /// algorithms 5 and 6, the body facts, the scanned host).
    pub fn observatory(&self, algorithm: Algorithm) -> Result<ObservatoryResult, ObservatoryError> {
        let csp = (algorithm >= Algorithm::V5).then_some(&self.observatory_csp);
        observatory::grade(
            self.exchange,
            self.body.as_ref(),
            self.site_host.as_deref().unwrap_or(""),
            algorithm,
            self.preload,
            csp,
            Some(&self.redirect_route),
        )
    }
}

/// Parses the policies of one CSP field line, borrowing its text when it is UTF-8.
fn parse_field<'a>(
    into: &mut Vec<ContentSecurityPolicy<'a>>,
    field: &'a govaudit_core::HeaderField,
    source: PolicySource,
) {
    match field.value_str() {
        std::borrow::Cow::Borrowed(text) => {
            into.extend(ContentSecurityPolicy::parse_list(text, source));
        }
        std::borrow::Cow::Owned(text) => {
            let owned: Vec<ContentSecurityPolicy<'static>> =
                ContentSecurityPolicy::parse_list(&text, source)
                    .into_iter()
                    .map(ContentSecurityPolicy::into_owned)
                    .collect();
            into.extend(owned);
        }
    }
}

/// Findings and the Observatory grade of one exchange, from one parse.
#[derive(Debug, Clone)]
pub struct Audit {
    pub findings: Vec<Finding>,
    pub observatory: Result<ObservatoryResult, ObservatoryError>,
}

/// Runs every rule and grades the exchange the way the Observatory does, parsing each header
/// once for both.
pub fn audit(exchange: &Exchange, algorithm: Algorithm, preload: Option<&PreloadList>) -> Audit {
    let cx = Context::new(exchange, preload);
    let mut out = Collector::new(exchange.url.clone());
    check_with(&cx, &mut out);
    Audit {
        observatory: cx.observatory(algorithm),
        findings: out.into_findings(),
    }
}

/// Runs every rule over an exchange.
pub fn check(exchange: &Exchange, preload: Option<&PreloadList>) -> Vec<Finding> {
    let cx = Context::new(exchange, preload);
    let mut out = Collector::new(exchange.url.clone());
    check_with(&cx, &mut out);
    out.into_findings()
}

/// Runs every rule with a prepared context into a collector.
pub fn check_with(cx: &Context<'_>, out: &mut Collector) {
    for rule in RULES {
        (rule.check)(cx, out);
    }
}

/// Govaudit severity and outcome of a CSP Evaluator severity: `*_MAYBE` findings need a person.
fn eval_level(severity: EvalSeverity) -> (Severity, Outcome) {
    match severity {
        EvalSeverity::High => (Severity::High, Outcome::Fail),
        EvalSeverity::Syntax | EvalSeverity::Medium => (Severity::Medium, Outcome::Fail),
        EvalSeverity::HighMaybe => (Severity::Medium, Outcome::Review),
        EvalSeverity::StrictCsp => (Severity::Low, Outcome::Fail),
        EvalSeverity::MediumMaybe => (Severity::Low, Outcome::Review),
        EvalSeverity::Info => (Severity::Info, Outcome::Fail),
    }
}

/// Shared by every CSP Evaluator rule: one finding per evaluator finding of `kind`, with the
/// policy, directive and value as evidence.
fn report_evaluator(
    cx: &Context<'_>,
    out: &mut Collector,
    rule: &'static RuleMeta,
    kind: EvalType,
) {
    for (policy, findings) in cx.policies.iter().zip(&cx.evaluations) {
        for f in findings.iter().filter(|f| f.kind == kind) {
            let (severity, outcome) = eval_level(f.severity);
            let location = Location::header(policy.source.header_name());
            let finding = match outcome {
                Outcome::Fail => out.fail(rule, location, f.description.clone()),
                Outcome::Review => out.review(rule, location, f.description.clone()),
            };
            finding.severity = severity;
            // Three or four fields follow: size the map once.
            if finding.evidence.is_empty() {
                finding.evidence = govaudit_core::Evidence::with_capacity(4);
            }
            finding
                .evidence("directive", &f.directive)
                .evidence("policy", &policy.raw)
                .evidence("csp_evaluator_severity", f.severity);
            if let Some(v) = &f.value {
                finding.evidence("value", v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_core::is_valid_rule_id;

    #[test]
    fn registry_ids_are_unique_well_formed_and_documented() {
        let mut ids: Vec<&str> = rules().map(|r| r.id).collect();
        for r in rules() {
            assert!(is_valid_rule_id(r.id), "{}", r.id);
            assert!(r.id.starts_with("headers/"), "{}", r.id);
            let docs = r.documentation();
            for heading in ["What it checks", "Why it matters", "How to fix"] {
                assert!(docs.contains(heading), "{} lacks {heading}", r.id);
            }
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate rule ids");
    }

    #[test]
    fn every_rule_file_is_registered() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let files = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name() != "mod.rs")
            .count();
        assert_eq!(files, RULES.len());
    }
}
