//! Google's CSP Evaluator (`google/csp-evaluator`, npm `csp_evaluator` 1.1.8): every check of
//! `DEFAULT_CHECKS`, `STRICTCSP_CHECKS` and the Lighthouse reporting checks, ported check by
//! check. The checks run on the effective policy (CSP3), as `CspEvaluator.evaluate` does.

pub mod bypass_hosts;

use crate::csp::{
    ContentSecurityPolicy, is_directive, is_hash, is_keyword, is_nonce, is_url_scheme,
};
use serde::Serialize;
use std::borrow::Cow;

/// The evaluator's severities (`finding.ts`); lower numbers are worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EvalSeverity {
    High = 10,
    Syntax = 20,
    Medium = 30,
    HighMaybe = 40,
    StrictCsp = 45,
    MediumMaybe = 50,
    Info = 60,
}

/// The evaluator's finding types (`finding.ts` `Type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EvalType {
    MissingSemicolon,
    UnknownDirective,
    InvalidKeyword,
    NonceCharset,
    MissingDirectives,
    ScriptUnsafeInline,
    ScriptUnsafeEval,
    PlainUrlSchemes,
    PlainWildcard,
    ScriptAllowlistBypass,
    ObjectAllowlistBypass,
    NonceLength,
    IpSource,
    DeprecatedDirective,
    SrcHttp,
    StrictDynamic,
    StrictDynamicNotStandalone,
    UnsafeInlineFallback,
    AllowlistFallback,
    RequireTrustedTypesForScripts,
    ReportingDestinationMissing,
    ReportToOnly,
    ScriptUnsafeHashes,
}

/// One evaluator finding. Directive and value borrow the policy's text (`'a`), the fixed
/// descriptions are static: evaluating a policy copies no text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvalFinding<'a> {
    #[serde(rename = "type")]
    pub kind: EvalType,
    pub severity: EvalSeverity,
    pub directive: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Cow<'a, str>>,
    pub description: Cow<'static, str>,
}

/// A directive name for a finding: a fixed name, or one of the policy's own.
trait DirectiveName<'a> {
    fn into_name(self) -> Cow<'a, str>;
}

impl<'a> DirectiveName<'a> for &'a str {
    fn into_name(self) -> Cow<'a, str> {
        Cow::Borrowed(self)
    }
}

impl<'a> DirectiveName<'a> for &Cow<'a, str> {
    fn into_name(self) -> Cow<'a, str> {
        self.clone()
    }
}

fn finding<'a>(
    kind: EvalType,
    description: impl Into<Cow<'static, str>>,
    severity: EvalSeverity,
    directive: impl DirectiveName<'a>,
    value: Option<Cow<'a, str>>,
) -> EvalFinding<'a> {
    EvalFinding {
        kind,
        severity,
        directive: directive.into_name(),
        value,
        description: description.into(),
    }
}

const DIRECTIVES_CAUSING_XSS: &[&str] = &[
    "script-src",
    "script-src-attr",
    "script-src-elem",
    "object-src",
    "base-uri",
];
const URL_SCHEMES_CAUSING_XSS: &[&str] = &["data:", "http:", "https:"];

/// The distinct effective directives of `names` (at most five: the longest list passed is
/// [`DIRECTIVES_CAUSING_XSS`]), in order, without a heap allocation.
fn effective_directives<'a>(
    csp: &ContentSecurityPolicy<'_>,
    names: &[&'a str],
) -> impl Iterator<Item = &'a str> {
    let mut out: [&str; 5] = [""; 5];
    let mut len = 0;
    for n in names {
        let e = csp.effective_directive(n);
        if !out[..len].contains(&e) && len < out.len() {
            out[len] = e;
            len += 1;
        }
    }
    out.into_iter().take(len)
}

fn values<'c, 'a>(csp: &'c ContentSecurityPolicy<'a>, directive: &str) -> &'c [Cow<'a, str>] {
    csp.get(directive).unwrap_or(&[])
}

/// Runs `DEFAULT_CHECKS` on the effective policy and `STRICTCSP_CHECKS` plus the reporting check
/// on the policy as written (as `CspEvaluator.evaluate(STRICTCSP_CHECKS, DEFAULT_CHECKS)` does: the
/// fallback checks look for sources that the effective policy has already dropped).
pub fn evaluate<'a>(policy: &ContentSecurityPolicy<'a>) -> Vec<EvalFinding<'a>> {
    let eff = policy.effective_cow();
    // Room for a typical policy's findings at once (growing 4 -> 8 copied them).
    let mut out = Vec::with_capacity(8);
    check_script_unsafe_inline(&eff, &mut out);
    check_script_unsafe_eval(&eff, &mut out);
    check_plain_url_schemes(&eff, &mut out);
    check_wildcards(&eff, &mut out);
    check_missing_directives(&eff, &mut out);
    check_script_allowlist_bypass(&eff, &mut out);
    check_flash_object_allowlist_bypass(&eff, &mut out);
    check_ip_source(&eff, &mut out);
    check_nonce_length(&eff, &mut out);
    check_src_http(&eff, &mut out);
    check_deprecated_directive(&eff, &mut out);
    check_unknown_directive(&eff, &mut out);
    check_missing_semicolon(&eff, &mut out);
    check_invalid_keyword(&eff, &mut out);
    check_strict_dynamic(policy, &mut out);
    check_strict_dynamic_not_standalone(policy, &mut out);
    check_unsafe_inline_fallback(policy, &mut out);
    check_allowlist_fallback(policy, &mut out);
    check_requires_trusted_types_for_scripts(policy, &mut out);
    check_has_configured_reporting(policy, &mut out);
    out
}

fn check_script_unsafe_inline<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for d in effective_directives(csp, &["script-src", "script-src-attr", "script-src-elem"]) {
        let v = values(csp, d);
        if v.iter().any(|x| x == "'unsafe-inline'") {
            out.push(finding(
                EvalType::ScriptUnsafeInline,
                "'unsafe-inline' allows the execution of unsafe in-page scripts and event handlers.",
                EvalSeverity::High,
                d,
                Some(Cow::Borrowed("'unsafe-inline'")),
            ));
        }
        if v.iter().any(|x| x == "'unsafe-hashes'") {
            out.push(finding(
                EvalType::ScriptUnsafeHashes,
                "'unsafe-hashes', while safer than 'unsafe-inline', allows the execution of unsafe in-page scripts and event handlers as long as their hashes appear in the CSP. Please refactor them to no longer use inline scripts if possible.",
                EvalSeverity::MediumMaybe,
                d,
                Some(Cow::Borrowed("'unsafe-hashes'")),
            ));
        }
    }
}

fn check_script_unsafe_eval<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for d in effective_directives(csp, &["script-src", "script-src-attr", "script-src-elem"]) {
        if values(csp, d).iter().any(|x| x == "'unsafe-eval'") {
            out.push(finding(
                EvalType::ScriptUnsafeEval,
                "'unsafe-eval' allows the execution of code injected into DOM APIs such as eval().",
                EvalSeverity::MediumMaybe,
                d,
                Some(Cow::Borrowed("'unsafe-eval'")),
            ));
        }
    }
}

fn check_plain_url_schemes<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for d in effective_directives(csp, DIRECTIVES_CAUSING_XSS) {
        for v in values(csp, d) {
            if URL_SCHEMES_CAUSING_XSS.contains(&v.as_ref()) {
                out.push(finding(
                    EvalType::PlainUrlSchemes,
                    format!("{v} URI in {d} allows the execution of unsafe scripts."),
                    EvalSeverity::High,
                    d,
                    Some(v.clone()),
                ));
            }
        }
    }
}

/// `getSchemeFreeUrl`.
fn scheme_free(url: &str) -> &str {
    let bytes = url.as_bytes();
    let mut rest = url;
    if bytes
        .first()
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        && let Some(pos) = url.find("://")
        && url[..pos]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'.' | b'-'))
    {
        rest = &url[pos + 3..];
    }
    rest.strip_prefix("//").unwrap_or(rest)
}

fn check_wildcards<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for d in effective_directives(csp, DIRECTIVES_CAUSING_XSS) {
        for v in values(csp, d) {
            if scheme_free(v) == "*" {
                out.push(finding(
                    EvalType::PlainWildcard,
                    format!("{d} should not allow '*' as source"),
                    EvalSeverity::High,
                    d,
                    Some(v.clone()),
                ));
            }
        }
    }
}

fn check_missing_directives<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    let object = csp.get("object-src").or_else(|| csp.get("default-src"));
    if object.is_none_or(|o| o.is_empty()) {
        out.push(finding(
            EvalType::MissingDirectives,
            "Missing object-src allows the injection of plugins which can execute JavaScript. Can you set it to 'none'?",
            EvalSeverity::High,
            "object-src",
            None,
        ));
    }
    if !csp.has("script-src") && !csp.has("default-src") {
        out.push(finding(
            EvalType::MissingDirectives,
            "script-src directive is missing.",
            EvalSeverity::High,
            "script-src",
            None,
        ));
    }
    let needs_base_uri = csp.has_script_nonces("script-src")
        || (csp.has_script_hashes("script-src") && csp.has_strict_dynamic("script-src"));
    if needs_base_uri && !csp.has("base-uri") {
        out.push(finding(
            EvalType::MissingDirectives,
            "Missing base-uri allows the injection of base tags. They can be used to set the base URL for all relative (script) URLs to an attacker controlled domain. Can you set it to 'none' or 'self'?",
            EvalSeverity::High,
            "base-uri",
            None,
        ));
    }
}

/// A bypass table with its URLs parsed once: (host, path) in table order, and the positions of
/// each host's entries, so a source without a wildcard is looked up instead of matched against
/// every entry.
struct Table {
    entries: Vec<(String, String)>,
    by_host: std::collections::HashMap<
        String,
        Vec<usize>,
        std::hash::BuildHasherDefault<crate::tables::Fnv>,
    >,
}

type ParsedTable = std::sync::LazyLock<Table>;

fn parse_table(list: &[&str]) -> Table {
    let entries: Vec<(String, String)> = list
        .iter()
        .filter_map(|u| url::Url::parse(&format!("https:{u}")).ok())
        .map(|u| (u.host_str().unwrap_or("").to_owned(), u.path().to_owned()))
        .collect();
    let mut by_host = std::collections::HashMap::default();
    for (i, (host, _)) in entries.iter().enumerate() {
        by_host.entry(host.clone()).or_insert_with(Vec::new).push(i);
    }
    Table { entries, by_host }
}

static ANGULAR: ParsedTable = std::sync::LazyLock::new(|| parse_table(bypass_hosts::ANGULAR_URLS));
static JSONP: ParsedTable = std::sync::LazyLock::new(|| parse_table(bypass_hosts::JSONP_URLS));
static FLASH: ParsedTable = std::sync::LazyLock::new(|| parse_table(bypass_hosts::FLASH_URLS));

/// `str::replacen(from, to, 1)` without a copy when `from` is absent.
fn replace_first<'s>(s: Cow<'s, str>, from: &str, to: &str) -> Cow<'s, str> {
    if s.contains(from) {
        Cow::Owned(s.replacen(from, to, 1))
    } else {
        s
    }
}

/// A CSP source prepared for `matchWildcardUrls`: parsed once, matched against every table.
struct WildcardUrl<'s> {
    host: Cow<'s, str>,
    path: Cow<'s, str>,
}

impl<'s> WildcardUrl<'s> {
    /// `matchWildcardUrls`' parse of `//{free}` (`free` a scheme-free source), without building
    /// that string: `//` holds neither `:*` nor `*`, so the replacements act on `free` alone.
    /// Host and path borrow the source where nothing was replaced.
    fn parse(free: &'s str) -> Option<Self> {
        let prepared = replace_first(Cow::Borrowed(free), ":*", "");
        let prepared = replace_first(prepared, "*", "wildcard_placeholder");
        match &prepared {
            Cow::Borrowed(p) => {
                if let Some((host, path)) = crate::exchange::plain_host_path(p) {
                    return Some(WildcardUrl {
                        host,
                        path: Cow::Borrowed(path),
                    });
                }
            }
            Cow::Owned(p) => {
                if let Some((host, path)) = crate::exchange::plain_host_path(p) {
                    return Some(WildcardUrl {
                        host: Cow::Owned(host.into_owned()),
                        path: Cow::Owned(path.to_owned()),
                    });
                }
            }
        }
        let parsed = url::Url::parse(&format!("https://{prepared}")).ok()?;
        Some(WildcardUrl {
            host: Cow::Owned(parsed.host_str()?.to_ascii_lowercase()),
            path: Cow::Owned(parsed.path().to_owned()),
        })
    }

    /// `matchWildcardUrls`: the host of the first URL of `list` that the CSP source matches.
    fn first_match<'l>(&self, table: &'l Table) -> Option<&'l str> {
        let host = self.host.as_ref();
        let has_wildcard = host.starts_with("wildcard_placeholder.");
        let wildcard_free = host.strip_prefix("wildcard_placeholder").unwrap_or(host);
        let path = self.path.as_ref();
        let has_path = path != "/";
        let path_matches = |candidate_path: &str| {
            !has_path
                || if path.ends_with('/') {
                    candidate_path.starts_with(path)
                } else {
                    candidate_path == path
                }
        };
        if !has_wildcard {
            // Without a wildcard the domain must be the host itself: look it up.
            let positions = table.by_host.get(host)?;
            return positions
                .iter()
                .map(|&i| &table.entries[i])
                .find(|(_, candidate_path)| path_matches(candidate_path))
                .map(|(domain, _)| domain.as_str());
        }
        table
            .entries
            .iter()
            .find(|(domain, candidate_path)| {
                domain.ends_with(wildcard_free) && path_matches(candidate_path)
            })
            .map(|(domain, _)| domain.as_str())
    }
}

/// `matchWildcardUrls`: the host of the first URL of `list` that the CSP source matches.
fn match_wildcard_urls(scheme_free_url: &str, list: &Table) -> Option<String> {
    WildcardUrl::parse(scheme_free_url).and_then(|u| u.first_match(list).map(str::to_owned))
}

fn check_script_allowlist_bypass<'a>(
    csp: &ContentSecurityPolicy<'a>,
    out: &mut Vec<EvalFinding<'a>>,
) {
    for d in effective_directives(csp, &["script-src", "script-src-elem"]) {
        let vals = values(csp, d);
        if vals.iter().any(|v| v == "'none'") {
            continue;
        }
        for v in vals {
            if v == "'self'" {
                out.push(finding(
                    EvalType::ScriptAllowlistBypass,
                    "'self' can be problematic if you host JSONP, AngularJS or user uploaded files.",
                    EvalSeverity::MediumMaybe,
                    d,
                    Some(v.clone()),
                ));
                continue;
            }
            if v.starts_with('\'') || is_url_scheme(v) || !v.contains('.') {
                continue;
            }
            let url = WildcardUrl::parse(scheme_free(v));
            let angular = url.as_ref().and_then(|u| u.first_match(&ANGULAR));
            let mut jsonp = url.as_ref().and_then(|u| u.first_match(&JSONP));
            if let Some(host) = jsonp
                && bypass_hosts::JSONP_NEEDS_EVAL.contains(&host)
                && !vals.iter().any(|x| x == "'unsafe-eval'")
            {
                jsonp = None;
            }
            if jsonp.is_some() || angular.is_some() {
                let mut domain = String::new();
                let mut text = String::new();
                if let Some(h) = jsonp {
                    h.clone_into(&mut domain);
                    text.push_str(" JSONP endpoints");
                }
                if let Some(h) = angular {
                    h.clone_into(&mut domain);
                    if !text.trim().is_empty() {
                        text.push_str(" and");
                    }
                    text.push_str(" Angular libraries");
                }
                out.push(finding(
                    EvalType::ScriptAllowlistBypass,
                    format!("{domain} is known to host{text} which allow to bypass this CSP."),
                    EvalSeverity::High,
                    d,
                    Some(v.clone()),
                ));
            } else {
                out.push(finding(
                    EvalType::ScriptAllowlistBypass,
                    "No bypass found; make sure that this URL doesn't serve JSONP replies or Angular libraries.",
                    EvalSeverity::MediumMaybe,
                    d,
                    Some(v.clone()),
                ));
            }
        }
    }
}

fn check_flash_object_allowlist_bypass<'a>(
    csp: &ContentSecurityPolicy<'a>,
    out: &mut Vec<EvalFinding<'a>>,
) {
    let d = csp.effective_directive("object-src");
    if let Some(types) = csp.get("plugin-types")
        && !types.iter().any(|t| t == "application/x-shockwave-flash")
    {
        return;
    }
    let mut found = Vec::new();
    for v in values(csp, d) {
        if v == "'none'" {
            return;
        }
        if let Some(host) = match_wildcard_urls(scheme_free(v), &FLASH) {
            found.push(finding(
                EvalType::ObjectAllowlistBypass,
                format!("{host} is known to host Flash files which allow to bypass this CSP."),
                EvalSeverity::High,
                d,
                Some(v.clone()),
            ));
        } else if d == "object-src" {
            found.push(finding(
                EvalType::ObjectAllowlistBypass,
                "Can you restrict object-src to 'none' only?",
                EvalSeverity::MediumMaybe,
                d,
                Some(v.clone()),
            ));
        }
    }
    out.extend(found);
}

/// `getHostname`.
fn source_hostname(value: &str) -> Option<String> {
    let free = scheme_free(value);
    let prepared = replace_first(Cow::Borrowed(free), ":*", "");
    let prepared = replace_first(prepared, "*", "wildcard_placeholder");
    let parsed = url::Url::parse(&format!("https://{prepared}")).ok()?;
    Some(
        replace_first(
            Cow::Borrowed(parsed.host_str()?),
            "wildcard_placeholder",
            "*",
        )
        .into_owned(),
    )
}

fn looks_like_ip(host: &str) -> bool {
    if host.starts_with('[') && host.ends_with(']') {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the URL parser could turn this source into an IP-address host: that needs a digit or
/// `[` once percent-escapes and IDNA mapping (fullwidth digits) are out of the way.
/// A quoted source (`'nonce-…'`) is a host name to the parser unless user info moves the host
/// past an `@`.
fn may_be_ip_source(value: &str) -> bool {
    if !value.is_ascii() || value.contains('%') {
        return true;
    }
    if value.starts_with('\'') && !value.contains('@') {
        return false;
    }
    value.bytes().any(|b| b.is_ascii_digit() || b == b'[')
}

fn check_ip_source<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for (d, vals) in &csp.directives {
        for v in vals {
            if !may_be_ip_source(v) {
                continue;
            }
            let Some(host) = source_hostname(v) else {
                continue;
            };
            if !looks_like_ip(&host) {
                continue;
            }
            let description = if host == "127.0.0.1" {
                format!(
                    "{d} directive allows localhost as source. Please make sure to remove this in production environments."
                )
            } else {
                format!(
                    "{d} directive has an IP-Address as source: {host} (will be ignored by browsers!). "
                )
            };
            out.push(finding(
                EvalType::IpSource,
                description,
                EvalSeverity::Info,
                d,
                Some(v.clone()),
            ));
        }
    }
}

fn check_nonce_length<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for (d, vals) in &csp.directives {
        for v in vals {
            let Some(nonce) = v.strip_prefix("'nonce-").and_then(|n| n.strip_suffix('\'')) else {
                continue;
            };
            if nonce.is_empty() {
                continue;
            }
            if nonce.chars().count() < 8 {
                out.push(finding(
                    EvalType::NonceLength,
                    "Nonces should be at least 8 characters long.",
                    EvalSeverity::Medium,
                    d,
                    Some(v.clone()),
                ));
            }
            if !is_nonce(v, true) {
                out.push(finding(
                    EvalType::NonceCharset,
                    "Nonces should only use the base64 charset.",
                    EvalSeverity::Info,
                    d,
                    Some(v.clone()),
                ));
            }
        }
    }
}

fn check_src_http<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for (d, vals) in &csp.directives {
        for v in vals {
            if v.starts_with("http://") {
                let description = if d == "report-uri" {
                    "Use HTTPS to send violation reports securely."
                } else {
                    "Allow only resources downloaded over HTTPS."
                };
                out.push(finding(
                    EvalType::SrcHttp,
                    description,
                    EvalSeverity::Medium,
                    d,
                    Some(v.clone()),
                ));
            }
        }
    }
}

/// Deprecated directives and what replaced them (`checkDeprecatedDirective`).
pub const DEPRECATED_DIRECTIVES: &[(&str, &str)] = &[
    (
        "reflected-xss",
        "reflected-xss is deprecated since CSP2. Please, use the X-XSS-Protection header instead.",
    ),
    (
        "referrer",
        "referrer is deprecated since CSP2. Please, use the Referrer-Policy header instead.",
    ),
    (
        "disown-opener",
        "disown-opener is deprecated since CSP3. Please, use the Cross Origin Opener Policy header instead.",
    ),
    (
        "prefetch-src",
        "prefetch-src is deprecated since CSP3. Be aware that this feature may cease to work at any time.",
    ),
];

fn check_deprecated_directive<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for (d, text) in DEPRECATED_DIRECTIVES {
        if csp.has(d) {
            out.push(finding(
                EvalType::DeprecatedDirective,
                *text,
                EvalSeverity::Info,
                *d,
                None,
            ));
        }
    }
}

fn check_unknown_directive<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for (d, _) in &csp.directives {
        if is_directive(d) {
            continue;
        }
        let description = if d.ends_with(':') {
            "CSP directives don't end with a colon.".to_owned()
        } else {
            format!("Directive \"{d}\" is not a known CSP directive.")
        };
        out.push(finding(
            EvalType::UnknownDirective,
            description,
            EvalSeverity::Syntax,
            d,
            None,
        ));
    }
}

fn check_missing_semicolon<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for (d, vals) in &csp.directives {
        for v in vals {
            if is_directive(v) {
                out.push(finding(
                    EvalType::MissingSemicolon,
                    format!("Did you forget the semicolon? \"{v}\" seems to be a directive, not a value."),
                    EvalSeverity::Syntax,
                    d,
                    Some(v.clone()),
                ));
            }
        }
    }
}

fn check_invalid_keyword<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    for (d, vals) in &csp.directives {
        for v in vals {
            let bare_keyword = crate::csp::is_bare_keyword(v);
            let bare_hash = ["sha256-", "sha384-", "sha512-"]
                .iter()
                .any(|p| v.starts_with(p));
            if bare_keyword || v.starts_with("nonce-") || bare_hash {
                out.push(finding(
                    EvalType::InvalidKeyword,
                    format!("Did you forget to surround \"{v}\" with single-ticks?"),
                    EvalSeverity::Syntax,
                    d,
                    Some(v.clone()),
                ));
                continue;
            }
            if !v.starts_with('\'') {
                continue;
            }
            let valid = match d.as_ref() {
                "require-trusted-types-for" => v == "'script'",
                "trusted-types" => v == "'allow-duplicates'" || v == "'none'",
                _ => is_keyword(v) || is_hash(v, true) || is_nonce(v, true),
            };
            if !valid {
                out.push(finding(
                    EvalType::InvalidKeyword,
                    format!("{v} seems to be an invalid CSP keyword."),
                    EvalSeverity::Syntax,
                    d,
                    Some(v.clone()),
                ));
            }
        }
    }
}

fn check_strict_dynamic<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    let d = csp.effective_directive("script-src");
    let vals = values(csp, d);
    if vals.iter().any(|v| !v.starts_with('\'')) && !vals.iter().any(|v| v == "'strict-dynamic'") {
        out.push(finding(
            EvalType::StrictDynamic,
            "Host allowlists can frequently be bypassed. Consider using 'strict-dynamic' in combination with CSP nonces or hashes.",
            EvalSeverity::StrictCsp,
            d,
            None,
        ));
    }
}

fn check_strict_dynamic_not_standalone<'a>(
    csp: &ContentSecurityPolicy<'a>,
    out: &mut Vec<EvalFinding<'a>>,
) {
    let d = csp.effective_directive("script-src");
    if values(csp, d).iter().any(|v| v == "'strict-dynamic'")
        && !csp.has_script_nonces("script-src")
        && !csp.has_script_hashes("script-src")
    {
        out.push(finding(
            EvalType::StrictDynamicNotStandalone,
            "'strict-dynamic' without a CSP nonce/hash will block all scripts.",
            EvalSeverity::Info,
            d,
            None,
        ));
    }
}

fn check_unsafe_inline_fallback<'a>(
    csp: &ContentSecurityPolicy<'a>,
    out: &mut Vec<EvalFinding<'a>>,
) {
    if !csp.has_script_nonces("script-src") && !csp.has_script_hashes("script-src") {
        return;
    }
    let d = csp.effective_directive("script-src");
    if !values(csp, d).iter().any(|v| v == "'unsafe-inline'") {
        out.push(finding(
            EvalType::UnsafeInlineFallback,
            "Consider adding 'unsafe-inline' (ignored by browsers supporting nonces/hashes) to be backward compatible with older browsers.",
            EvalSeverity::StrictCsp,
            d,
            None,
        ));
    }
}

fn check_allowlist_fallback<'a>(csp: &ContentSecurityPolicy<'a>, out: &mut Vec<EvalFinding<'a>>) {
    let d = csp.effective_directive("script-src");
    let vals = values(csp, d);
    if !vals.iter().any(|v| v == "'strict-dynamic'") {
        return;
    }
    if !vals
        .iter()
        .any(|v| ["http:", "https:", "*"].contains(&v.as_ref()) || v.contains('.'))
    {
        out.push(finding(
            EvalType::AllowlistFallback,
            "Consider adding https: and http: url schemes (ignored by browsers supporting 'strict-dynamic') to be backward compatible with older browsers.",
            EvalSeverity::StrictCsp,
            d,
            None,
        ));
    }
}

fn check_requires_trusted_types_for_scripts<'a>(
    csp: &ContentSecurityPolicy<'a>,
    out: &mut Vec<EvalFinding<'a>>,
) {
    let d = csp.effective_directive("require-trusted-types-for");
    if !values(csp, d).iter().any(|v| v == "'script'") {
        out.push(finding(
            EvalType::RequireTrustedTypesForScripts,
            "Consider requiring Trusted Types for scripts to lock down DOM XSS injection sinks. You can do this by adding \"require-trusted-types-for 'script'\" to your policy.",
            EvalSeverity::Info,
            "require-trusted-types-for",
            None,
        ));
    }
}

fn check_has_configured_reporting<'a>(
    csp: &ContentSecurityPolicy<'a>,
    out: &mut Vec<EvalFinding<'a>>,
) {
    if !values(csp, "report-uri").is_empty() {
        return;
    }
    if !values(csp, "report-to").is_empty() {
        out.push(finding(
            EvalType::ReportToOnly,
            "This CSP policy only provides a reporting destination via the 'report-to' directive. This directive is only supported in Chromium-based browsers so it is recommended to also use a 'report-uri' directive.",
            EvalSeverity::Info,
            "report-to",
            None,
        ));
        return;
    }
    out.push(finding(
        EvalType::ReportingDestinationMissing,
        "This CSP policy does not configure a reporting destination. This makes it difficult to maintain the CSP policy over time and monitor for any breakages.",
        EvalSeverity::Info,
        "report-uri",
        None,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the URL parser says, as `WildcardUrl::parse` did before the plain-URL shortcut.
    fn by_parser(rest: &str) -> Option<(String, String)> {
        let parsed = url::Url::parse(&format!("https://{rest}")).ok()?;
        Some((
            parsed.host_str()?.to_ascii_lowercase(),
            parsed.path().to_owned(),
        ))
    }

    #[test]
    fn plain_url_shortcut_agrees_with_the_url_parser() {
        let mut inputs: Vec<String> = [
            "cdn.example.gov",
            "CDN.Example.GOV/Path/To/x.js",
            "a.b/",
            "a.b//c",
            "a.b/./c",
            "a.b/../c",
            "a.b/c/..",
            "a.b/.",
            "a.b/c/.",
            "a.b/c./.d",
            "A.B.C/X",
            "a.B2",
            "a.2b",
            "a.b/.../c",
            "wildcard_placeholder.example.com",
            "wildcard_placeholder",
            "1.2.3.4",
            "1.2.3.com",
            "0x7f.1",
            "example.0x1",
            "example.com.",
            ".example.com",
            "a..b",
            "xn--nxasmq6b.com",
            "a.xn--p1ai",
            "-a-.b-",
            "a_b.c_d",
            "",
            "/",
            "host:80",
            "user@host",
            "host/a?b",
            "host/a#b",
            "host/a%20b",
            "host/a\\b",
            "h\u{e9}.com",
            "a.b/~x-y_z.q",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for list in [
            bypass_hosts::ANGULAR_URLS,
            bypass_hosts::JSONP_URLS,
            bypass_hosts::FLASH_URLS,
        ] {
            inputs.extend(list.iter().map(|u| u.trim_start_matches('/').to_owned()));
        }
        let mut shortcut_used = 0;
        for rest in &inputs {
            if let Some((host, path)) = crate::exchange::plain_host_path(rest) {
                shortcut_used += 1;
                assert_eq!(
                    Some((host.into_owned(), path.to_owned())),
                    by_parser(rest),
                    "{rest:?}"
                );
            }
        }
        assert!(shortcut_used > 50, "{shortcut_used}");
    }

    #[test]
    fn host_lookup_finds_the_first_entry_in_table_order() {
        for table in [&*ANGULAR, &*JSONP, &*FLASH] {
            for (host, path) in &table.entries {
                for probe_path in ["/", path.as_str()] {
                    let url = WildcardUrl {
                        host: Cow::Borrowed(host),
                        path: Cow::Borrowed(probe_path),
                    };
                    let linear = table
                        .entries
                        .iter()
                        .find(|(d, p)| {
                            d == host
                                && (probe_path == "/"
                                    || if probe_path.ends_with('/') {
                                        p.starts_with(probe_path)
                                    } else {
                                        p == probe_path
                                    })
                        })
                        .map(|(d, _)| d.as_str());
                    assert_eq!(url.first_match(table), linear);
                }
            }
        }
    }
}
