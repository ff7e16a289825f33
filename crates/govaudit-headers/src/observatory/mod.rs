//! MDN HTTP Observatory-compatible scoring: the same tests, result ids, modifiers, extra-credit
//! rule, clamping and grade chart, quirks included, for algorithms 4 (npm 1.4.8), 5 and 6.
//!
//! Each test below is a port of the Observatory's `src/analyzer/tests/*.js`; the Node.js view of
//! the headers (repeated lines joined with `", "`, Latin-1) is reproduced by
//! [`Exchange::node_header`]. Where this port has to assume something the recorded exchange does
//! not carry (cookies set by redirects or `robots.txt`), the README says so.

pub mod chart;
pub mod csp;

use crate::exchange::{Exchange, HopParts, NODE_MAX_HEADER_BYTES, OBSERVATORY_CORS_ORIGIN};
use crate::html::BodyFacts;
use crate::preload::PreloadList;
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// The Observatory's `ALGORITHM_VERSION`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Algorithm {
    /// npm 1.4.8: ten tests.
    V4,
    /// 1.5.0–1.6.3: XFO `sameorigin-or-deny` earns +5; comma-joined CSP headers are split into
    /// policies (1.6.2, #496).
    V5,
    /// main after PR #498: adds COOP and COEP (twelve tests).
    V6,
}

impl Algorithm {
    pub fn number(self) -> u8 {
        match self {
            Algorithm::V4 => 4,
            Algorithm::V5 => 5,
            Algorithm::V6 => 6,
        }
    }

    pub fn from_number(n: u8) -> Option<Self> {
        match n {
            4 => Some(Algorithm::V4),
            5 => Some(Algorithm::V5),
            6 => Some(Algorithm::V6),
            _ => None,
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// Where the Observatory refuses to grade.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ObservatoryError {
    /// The scan allows only 2xx, 3xx, 401 and 403.
    #[error("Site did respond with an unexpected HTTP status code {0}.")]
    UnexpectedStatus(u16),
    #[error("The site seems to be down.")]
    NoResponse,
    /// Node's HTTP parser refused the response head (`HPE_HEADER_OVERFLOW`): the Observatory's
    /// session gets no response, so it reports the site as down. `bytes` is what Node counts
    /// ([`crate::exchange::node_header_bytes`]), `limit` its `--max-http-header-size`.
    #[error(
        "The site seems to be down. (Node's HTTP parser refused the response head with HPE_HEADER_OVERFLOW: {bytes} bytes of reason phrase, header names and values, at or over its {limit}-byte limit.)"
    )]
    HeaderOverflow { bytes: usize, limit: usize },
}

/// One test's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestOutcome {
    /// The Observatory's test name (`content-security-policy`).
    pub name: &'static str,
    /// Its result id (`csp-implemented-with-no-unsafe`).
    pub result: &'static str,
    pub modifier: i32,
    pub pass: bool,
}

/// A graded exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObservatoryResult {
    pub algorithm: Algorithm,
    pub score: i32,
    pub grade: &'static str,
    /// The score after penalties only; bonuses counted only when this is at least 90.
    pub score_without_bonuses: i32,
    pub tests_passed: usize,
    pub tests_failed: usize,
    pub tests: Vec<TestOutcome>,
}

impl ObservatoryResult {
    pub fn test(&self, name: &str) -> Option<&TestOutcome> {
        self.tests.iter().find(|t| t.name == name)
    }

    /// The `"observatory"` section of the JSON report.
    pub fn to_json(&self) -> serde_json::Value {
        let tests: serde_json::Map<String, serde_json::Value> = self
            .tests
            .iter()
            .map(|t| {
                (
                    t.name.to_owned(),
                    serde_json::json!({"result": t.result, "modifier": t.modifier, "pass": t.pass}),
                )
            })
            .collect();
        serde_json::json!({
            "algorithm": self.algorithm.number(),
            "score": self.score,
            "grade": self.grade,
            "tests": tests,
        })
    }
}

/// What every test reads: the exchange as the Observatory's retriever would have seen it.
struct Requests<'a> {
    ex: &'a Exchange,
    algorithm: Algorithm,
    preload: Option<&'a PreloadList>,
    /// Present only when the response is HTML for the Observatory.
    body: Option<&'a BodyFacts>,
    /// [`Exchange::observatory_is_html`], read once (the CSP test alone does not read it and
    /// leaves it false without a body).
    html: bool,
    hostname: &'a str,
    session_https: bool,
    /// The redirect chain parsed, when the caller has it.
    route: Option<&'a [Option<HopParts>]>,
}

impl<'a> Requests<'a> {
    fn header(&self, name: &str) -> Option<std::borrow::Cow<'a, str>> {
        crate::exchange::node_header_str(&self.ex.headers, name)
    }

    fn preloaded(&self, host: &str) -> Option<&crate::preload::PreloadEntry> {
        self.preload.and_then(|p| p.covering(host))
    }
}

/// Grades an exchange. `body` facts are read here when the exchange carries an HTML body; use
/// [`observatory_with_body`] to pass facts already read, or
/// [`crate::Context::observatory`] to grade with what the findings already parsed.
pub fn observatory(
    exchange: &Exchange,
    algorithm: Algorithm,
    preload: Option<&PreloadList>,
) -> Result<ObservatoryResult, ObservatoryError> {
    let body = exchange
        .body
        .as_deref()
        .filter(|b| !b.is_empty() && exchange.observatory_is_html())
        .map(BodyFacts::read);
    observatory_with_body(exchange, body, algorithm, preload)
}

/// [`observatory`] with body facts read by the caller (`None`: no HTML body).
pub fn observatory_with_body(
    exchange: &Exchange,
    body: Option<BodyFacts>,
    algorithm: Algorithm,
    preload: Option<&PreloadList>,
) -> Result<ObservatoryResult, ObservatoryError> {
    let hostname = exchange.site_host().unwrap_or_default();
    grade(
        exchange,
        body.as_ref(),
        &hostname,
        algorithm,
        preload,
        None,
        None,
    )
}

/// The Observatory gets no response when Node refuses the head as too large (every session
/// that reaches the graded response fails), and refuses to grade responses outside 2xx, 3xx,
/// 401 and 403.
fn check_status(exchange: &Exchange) -> Result<(), ObservatoryError> {
    let status = exchange.status.ok_or(ObservatoryError::NoResponse)?;
    let bytes = exchange.node_header_bytes();
    if bytes >= NODE_MAX_HEADER_BYTES {
        return Err(ObservatoryError::HeaderOverflow {
            bytes,
            limit: NODE_MAX_HEADER_BYTES,
        });
    }
    if status < 200 || (status >= 400 && status != 401 && status != 403) {
        return Err(ObservatoryError::UnexpectedStatus(status));
    }
    Ok(())
}

/// Grades with what the caller has already computed: body facts, the scanned host and, when it
/// was computed for an algorithm with the same CSP test (v5 and v6 share it), the CSP outcome.
pub(crate) fn grade(
    exchange: &Exchange,
    body: Option<&BodyFacts>,
    hostname: &str,
    algorithm: Algorithm,
    preload: Option<&PreloadList>,
    csp: Option<&CspOutcome>,
    route: Option<&[Option<HopParts>]>,
) -> Result<ObservatoryResult, ObservatoryError> {
    check_status(exchange)?;
    let html = exchange.observatory_is_html();
    let requests = Requests {
        route,
        ex: exchange,
        algorithm,
        preload,
        body: body.filter(|_| html),
        html,
        hostname,
        session_https: exchange.https_available(),
    };
    let owned;
    let csp = match csp {
        Some(c) => c,
        None => {
            owned = csp_test(&requests);
            &owned
        }
    };
    let hsts = hsts_test(&requests);
    let mut results: Vec<(&'static str, &'static str, bool)> = Vec::with_capacity(12);
    results.push(("content-security-policy", csp.result, csp.pass));
    results.push(cookies_test(&requests, hsts.1));
    results.push(cors_test(&requests));
    results.push(redirection_test(&requests));
    results.push(referrer_test(&requests));
    results.push(("strict-transport-security", hsts.0, hsts.1));
    results.push(sri_test(&requests));
    results.push(xcto_test(&requests));
    results.push(xfo_test(&requests, csp));
    results.push(corp_test(&requests));
    if algorithm >= Algorithm::V6 {
        results.push(coop_test(&requests));
        results.push(coep_test(&requests));
    }
    let mut with_bonus = 100;
    let mut without_bonus = 100;
    let mut passed = 0;
    let tests: Vec<TestOutcome> = results
        .into_iter()
        .map(|(name, result, pass)| {
            let modifier = chart::modifier(algorithm, result);
            with_bonus += modifier;
            if modifier < 0 {
                without_bonus += modifier;
            }
            passed += usize::from(pass);
            TestOutcome {
                name,
                result,
                modifier,
                pass,
            }
        })
        .collect();
    let raw = if without_bonus >= chart::MINIMUM_SCORE_FOR_EXTRA_CREDIT {
        with_bonus
    } else {
        without_bonus
    };
    let (score, grade) = chart::grade(raw);
    Ok(ObservatoryResult {
        algorithm,
        score,
        grade,
        score_without_bonuses: without_bonus.max(0),
        tests_passed: passed,
        tests_failed: tests.len() - passed,
        tests,
    })
}

/// JS `String.prototype.slice(0, n)` on a Latin-1 string.
fn js_slice(s: &str, n: usize) -> &str {
    // Borrowed: the first `n` characters are a prefix of `s`.
    match s.char_indices().nth(n) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// `s.to_lowercase() == lit` (`lit` in lower case) without the copy for ASCII text.
fn lower_eq(s: &str, lit: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(lit)
    } else {
        s.to_lowercase() == lit
    }
}

/// `s.to_lowercase().starts_with(prefix)` (`prefix` in lower case) without the copy for ASCII
/// text.
fn lower_starts_with(s: &str, prefix: &str) -> bool {
    if s.is_ascii() {
        s.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    } else {
        s.to_lowercase().starts_with(prefix)
    }
}

fn js_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

// ---------------------------------------------------------------------------------------------
// content-security-policy

const DANGEROUSLY_BROAD: &[&str] = &[
    "ftp:",
    "http:",
    "https:",
    "*",
    "http://*",
    "http://*.*",
    "https://*",
    "https://*.*",
];
const UNSAFE_INLINE: &[&str] = &["'unsafe-inline'", "data:"];
const PASSIVE_DIRECTIVES: &[&str] = &["img-src", "media-src"];
const NONCES_HASHES: &[&str] = &["'sha256-", "'sha384-", "'sha512-", "'nonce-"];

fn broad(s: &str) -> bool {
    DANGEROUSLY_BROAD.contains(&s)
}

fn broad_or_inline(s: &str) -> bool {
    broad(s) || UNSAFE_INLINE.contains(&s)
}

fn has_nonce_or_hash(list: &[Cow<'_, str>]) -> bool {
    list.iter()
        .any(|s| NONCES_HASHES.iter().any(|p| s.starts_with(p)))
}

/// The CSP test's outcome and what other tests and findings reuse.
#[derive(Debug, Clone, Default)]
pub struct CspOutcome<'a> {
    pub result: &'static str,
    pub pass: bool,
    /// The parsed (headers + meta) policy after the test's rewrites, when it got that far.
    pub data: Option<csp::ObservatoryCsp<'a>>,
    /// Why the set is `csp-header-invalid`, in words.
    pub invalid_reason: Option<String>,
}

/// Which list a fallback resolves to.
#[derive(Clone, Copy)]
enum ListRef<'a> {
    Directive(&'a str),
    Star,
}

fn resolve<'a>(csp: &csp::ObservatoryCsp<'_>, first: &'a str, fallback: &'a str) -> ListRef<'a> {
    if csp.has(first) {
        ListRef::Directive(first)
    } else if csp.has(fallback) {
        ListRef::Directive(fallback)
    } else {
        ListRef::Star
    }
}

/// CSP values (the merged header, or each `<meta>` policy) as the test sees them: as given (v4),
/// or `splitCspHeaders` (v5 from 1.6.2, #496, and v6): split on `,` and trimmed, empty pieces
/// kept. An empty piece (an empty or blank header, a trailing comma) then makes the parser throw:
/// `csp-header-invalid`. v4 passes an empty header as `""`, which throws too.
fn csp_values<'v>(values: impl IntoIterator<Item = &'v str>, algorithm: Algorithm) -> Vec<&'v str> {
    if algorithm >= Algorithm::V5 {
        values
            .into_iter()
            .flat_map(|v| v.split(','))
            .map(js_trim)
            .collect()
    } else {
        values.into_iter().collect()
    }
}

/// The synthetic list of a directive that falls back to nothing.
const STAR: &[Cow<'static, str>] = &[Cow::Borrowed("*")];

fn list_of<'c, 'a>(csp: &'c csp::ObservatoryCsp<'a>, which: ListRef<'_>) -> &'c [Cow<'a, str>] {
    match which {
        ListRef::Directive(d) => csp.get(d).map_or(&[], Vec::as_slice),
        ListRef::Star => STAR,
    }
}

/// The CSP test; its parsed set borrows the header text where the header view does.
fn csp_test<'a>(r: &Requests<'a>) -> CspOutcome<'a> {
    match r.header("content-security-policy") {
        Some(Cow::Owned(merged)) => csp_test_with(r, Some(&merged)).into_owned(),
        Some(Cow::Borrowed(merged)) => csp_test_with(r, Some(merged)),
        None => csp_test_with(r, None),
    }
}

impl CspOutcome<'_> {
    /// The same outcome owning its text.
    pub fn into_owned(self) -> CspOutcome<'static> {
        CspOutcome {
            result: self.result,
            pass: self.pass,
            data: self.data.map(csp::ObservatoryCsp::into_owned),
            invalid_reason: self.invalid_reason,
        }
    }
}

fn csp_test_with<'a>(r: &Requests<'a>, merged: Option<&'a str>) -> CspOutcome<'a> {
    let header = csp_values(merged, r.algorithm);
    let meta = csp_values(
        r.body
            .map_or(&[][..], |b| b.meta_csp.as_slice())
            .iter()
            .map(String::as_str),
        r.algorithm,
    );
    // Without `<meta>` policies the header values are the whole list.
    let with_meta: Vec<&str>;
    let all: &[&str] = if meta.is_empty() {
        &header
    } else {
        with_meta = header.iter().chain(&meta).copied().collect();
        &with_meta
    };
    let mut out = CspOutcome::default();
    let mut csp = match csp::parse_strs(all) {
        Ok(c) => c,
        Err(e) => {
            out.result = "csp-header-invalid";
            out.invalid_reason = Some(e.to_string());
            return out;
        }
    };
    // The header-only and meta-only parses are needed only to see whether either is non-empty;
    // when one part is absent the other is the whole set, already parsed.
    let (header_len, meta_len) = match (header.is_empty(), meta.is_empty()) {
        (_, true) => (csp.len(), 0),
        (true, false) => (0, csp.len_as_meta()),
        (false, false) => {
            let header_only = csp::parse_strs(&header).unwrap_or_default();
            let mut meta_only = csp::parse_strs(&meta).unwrap_or_default();
            meta_only.strip_meta_disallowed();
            (header_only.len(), meta_only.len())
        }
    };
    if header_len + meta_len == 0 {
        // `response.headers.get(...)` on axios headers: any value, even empty, counts if truthy.
        let report_only = r
            .header("content-security-policy-report-only")
            .is_some_and(|v| !v.is_empty());
        out.result = if report_only {
            "csp-not-implemented-but-reporting-enabled"
        } else {
            "csp-not-implemented"
        };
        return out;
    }
    let mut result: Option<&'static str> = None;
    let script = resolve(&csp, "script-src", "default-src");
    let style = resolve(&csp, "style-src", "default-src");
    let object = resolve(&csp, "object-src", "default-src");
    // The JS works on the same Set objects as the map, so a removal shows in every alias
    // (script-src and style-src falling back to one default-src); the synthetic `*` lists hold
    // no nonce, so they never change.
    for which in [script, style] {
        let list = match which {
            ListRef::Directive(d) => csp.get_mut(d),
            ListRef::Star => None,
        };
        if let Some(list) = list
            && has_nonce_or_hash(list)
        {
            list.retain(|s| s != "'unsafe-inline'");
        }
    }
    let s = list_of(&csp, script);
    let strict_dynamic = s.iter().any(|x| x == "'strict-dynamic'");
    if has_nonce_or_hash(s) && strict_dynamic {
        if let ListRef::Directive(d) = script
            && let Some(list) = csp.get_mut(d)
        {
            list.retain(|src| {
                !(DANGEROUSLY_BROAD.iter().any(|b| src.starts_with(b))
                    || src == "'self'"
                    || src == "'unsafe-inline'")
            });
        }
    } else if strict_dynamic {
        result = Some("csp-header-invalid");
        out.invalid_reason = Some(
            "'strict-dynamic' is used without a nonce or a hash in the same source list".into(),
        );
    }
    let script_src = list_of(&csp, script);
    let style_src = list_of(&csp, style);
    let object_src = list_of(&csp, object);
    // Sources of the active and the passive directives, walked where needed (not collected).
    let mut active = csp
        .directives
        .iter()
        .filter(|(d, _)| !PASSIVE_DIRECTIVES.contains(&d.as_ref()) && d != "script-src")
        .flat_map(|(_, v)| v.iter())
        .chain(script_src.iter());
    let mut passive = PASSIVE_DIRECTIVES.iter().flat_map(|d| {
        csp.get(d)
            .or_else(|| csp.get("default-src"))
            .into_iter()
            .flatten()
    });
    let insecure = |s: &&Cow<'_, str>| s.starts_with("http:") || s.starts_with("ftp:");
    let mut set = |id: &'static str| {
        if result.is_none() {
            result = Some(id);
        }
    };
    if script_src.iter().any(|s| broad_or_inline(s)) || object_src.iter().any(|s| broad(s)) {
        set("csp-implemented-with-unsafe-inline");
    }
    if r.session_https && active.any(|s| insecure(&s)) {
        set("csp-implemented-with-insecure-scheme");
    }
    if script_src
        .iter()
        .chain(style_src.iter())
        .any(|s| s == "'unsafe-eval'")
    {
        set("csp-implemented-with-unsafe-eval");
    }
    if r.session_https && passive.any(|s| insecure(&s)) {
        set("csp-implemented-with-insecure-scheme-in-passive-content-only");
    }
    if style_src.iter().any(|s| broad_or_inline(s)) {
        set("csp-implemented-with-unsafe-inline-in-style-src-only");
    }
    let default_none = csp
        .get("default-src")
        .is_some_and(|d| d.len() == 1 && d[0] == "'none'");
    if default_none {
        set("csp-implemented-with-no-unsafe-default-src-none");
    } else {
        set("csp-implemented-with-no-unsafe");
    }
    let result = result.unwrap_or("csp-implemented-with-no-unsafe");
    out.result = result;
    if matches!(
        result,
        "csp-implemented-with-no-unsafe"
            | "csp-implemented-with-no-unsafe-default-src-none"
            | "csp-implemented-with-unsafe-inline-in-style-src-only"
            | "csp-implemented-with-insecure-scheme-in-passive-content-only"
    ) {
        out.pass = true;
        if !csp.duplicate_warnings.is_empty() {
            out.result = "csp-implemented-but-duplicate-directives";
        }
    }
    out.data = Some(csp);
    out
}

/// The CSP test alone (findings use it to explain "invalid").
/// It borrows the exchange's header text; policies of `<meta>` elements make it own its text
/// (the body facts are usually a temporary).
pub fn csp_outcome<'a>(
    exchange: &'a Exchange,
    body: Option<&BodyFacts>,
    algorithm: Algorithm,
) -> CspOutcome<'a> {
    let html = body.is_some() && exchange.observatory_is_html();
    let body = body.filter(|b| html && !b.meta_csp.is_empty());
    let requests = Requests {
        route: None,
        ex: exchange,
        algorithm,
        preload: None,
        body: None,
        html,
        // The CSP test does not read the host.
        hostname: "",
        session_https: exchange.https_available(),
    };
    match body {
        // The test reads only the `<meta>` policies of the body.
        Some(b) => {
            let with_meta = Requests {
                body: Some(b),
                ..requests
            };
            csp_test(&with_meta).into_owned()
        }
        None => csp_test(&requests),
    }
}

// ---------------------------------------------------------------------------------------------
// cookies

/// Cookies the Observatory ignores (mozilla/http-observatory#282).
const COOKIES_TO_DELETE: &[&str] = &["heroku-session-affinity"];

const COOKIE_GOODNESS: &[&str] = &[
    "cookies-without-secure-flag-but-protected-by-hsts",
    "cookies-without-secure-flag",
    "cookies-session-without-secure-flag-but-protected-by-hsts",
    "cookies-samesite-flag-invalid",
    "cookies-anticsrf-without-samesite-flag",
    "cookies-session-without-httponly-flag",
    "cookies-session-without-secure-flag",
];

/// `onlyIfWorse`: `indexOf` gives -1 for ids outside the list.
fn only_if_worse(
    new: &'static str,
    old: Option<&'static str>,
    order: &[&str],
) -> Option<&'static str> {
    let pos = |x: &str| order.iter().position(|o| *o == x).map_or(-1, |p| p as i64);
    match old {
        None => Some(new),
        Some(old) if pos(new) > pos(old) => Some(new),
        Some(old) => Some(old),
    }
}

/// `containsInvalidSameSiteCookie` on a raw Set-Cookie line.
/// `str::to_lowercase`, borrowed when it would change nothing (ASCII without capitals).
fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else if s.is_ascii() {
        // The same as `to_lowercase` for ASCII, without the Unicode tables.
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

fn contains_invalid_samesite(raw: &str) -> bool {
    // Only an attribute named SameSite (in any ASCII case) can be invalid: a line without those
    // eight letters has none.
    if !raw
        .as_bytes()
        .windows(8)
        .any(|w| w.eq_ignore_ascii_case(b"samesite"))
    {
        return false;
    }
    for part in js_trim(raw).split(';') {
        let mut kv = js_trim(part).split('=');
        let key = kv.next().unwrap_or("");
        let value = kv.next();
        if js_trim(key).eq_ignore_ascii_case("samesite") {
            match value {
                None | Some("") => return true,
                Some(v) => {
                    let v = lower(js_trim(v));
                    if !["lax", "strict", "none"].contains(&v.as_ref()) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// A cookie as tough-cookie 5 stores it.
#[derive(Debug, Clone)]
/// Key, domain and path borrow the `Set-Cookie` line and the URL that set it where they can.
struct JarCookie<'l> {
    key: &'l str,
    domain: Cow<'l, str>,
    path: Cow<'l, str>,
    secure: bool,
    http_only: bool,
    same_site: Option<&'static str>,
}

/// tough-cookie 5 `Cookie.parse` (strict mode) and `CookieJar.setCookie` acceptance.
fn jar_cookie<'l>(
    raw: &'l str,
    host: Cow<'l, str>,
    request_path: Cow<'l, str>,
) -> Option<JarCookie<'l>> {
    // Cut at the first `\n`, `\r` or NUL (cutting at each in turn ends at the earliest).
    let s = match raw.bytes().position(|b| matches!(b, b'\n' | b'\r' | 0)) {
        Some(i) => &raw[..i],
        None => raw,
    };
    let s = js_trim(s);
    if s.is_empty() {
        return None;
    }
    let (pair, rest) = match s.find(';') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let eq = pair.find('=').filter(|&i| i > 0)?;
    let key = js_trim(&pair[..eq]);
    let value = js_trim(&pair[eq + 1..]);
    // A character below U+0020 is one byte below 0x20 in UTF-8 (and no other byte is).
    if key.bytes().chain(value.bytes()).any(|b| b < 0x20) {
        return None;
    }
    let mut cookie = JarCookie {
        key,
        domain: Cow::Borrowed(""),
        path: Cow::Borrowed(""),
        secure: false,
        http_only: false,
        same_site: None,
    };
    let mut domain_attr: Option<String> = None;
    let mut path_attr: Option<&str> = None;
    for av in rest.unwrap_or("").split(';') {
        let av = js_trim(av);
        if av.is_empty() {
            continue;
        }
        let (k, v) = match av.find('=') {
            Some(i) => (&av[..i], Some(js_trim(&av[i + 1..]))),
            None => (av, None),
        };
        // `lower(k) == "path"` without the lower-cased copy: for ASCII that is a comparison
        // without case; other text keeps the Unicode lower case.
        let k = js_trim(k);
        let k = if k.is_ascii() {
            Cow::Borrowed(k)
        } else {
            lower(k)
        };
        let is = |name: &str| k.eq_ignore_ascii_case(name);
        if is("domain") {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                let d = v.strip_prefix('.').unwrap_or(v);
                if !d.is_empty() {
                    domain_attr = Some(d.to_lowercase());
                }
            }
        } else if is("path") {
            path_attr = v.filter(|v| v.starts_with('/'));
        } else if is("secure") {
            cookie.secure = true;
        } else if is("httponly") {
            cookie.http_only = true;
        } else if is("samesite") {
            let v = v.unwrap_or("");
            let v = if v.is_ascii() {
                Cow::Borrowed(v)
            } else {
                lower(v)
            };
            cookie.same_site = ["strict", "lax", "none"]
                .into_iter()
                .find(|s| v.eq_ignore_ascii_case(s));
        }
    }
    let host: Cow<'l, str> = match host {
        Cow::Borrowed(h) => lower(h),
        Cow::Owned(h) => Cow::Owned(lower(&h).into_owned()),
    };
    let host_only = domain_attr.is_none();
    match domain_attr {
        Some(d) => {
            // rejectPublicSuffixes: a domain that is itself a public suffix is refused.
            if d.parse::<std::net::Ipv6Addr>().is_err() && psl::domain_str(&d).is_none() {
                return None;
            }
            let is_ip = host.parse::<std::net::IpAddr>().is_ok();
            let matches = host == d || (!is_ip && host.ends_with(&format!(".{d}")));
            if !matches {
                return None;
            }
            cookie.domain = Cow::Owned(d);
        }
        None => cookie.domain = host,
    }
    cookie.path = match path_attr {
        Some(p) => Cow::Borrowed(p),
        None => {
            // RFC 6265 default-path.
            match request_path.rfind('/') {
                Some(0) | None => Cow::Borrowed("/"),
                Some(i) if request_path.starts_with('/') => match request_path {
                    Cow::Borrowed(p) => Cow::Borrowed(&p[..i]),
                    Cow::Owned(p) => Cow::Owned(p[..i].to_owned()),
                },
                Some(_) => Cow::Borrowed("/"),
            }
        }
    };
    // Prefix rules, prefixSecurity "silent": the cookie is dropped.
    let lower = cookie.key;
    if lower.starts_with("__Secure-") && !cookie.secure {
        return None;
    }
    if lower.starts_with("__Host-") && !(cookie.secure && host_only && cookie.path == "/") {
        return None;
    }
    Some(cookie)
}

/// `hsts_pass`: whether the strict-transport-security test passed (it decides between penalties).
fn cookies_test(r: &Requests<'_>, hsts_pass: bool) -> (&'static str, &'static str, bool) {
    let mut result: Option<&'static str> = None;
    // `Exchange::set_cookies`, borrowed where the lines are UTF-8.
    let raw: Vec<std::borrow::Cow<'_, str>> =
        r.ex.fields("set-cookie").map(|h| h.value_str()).collect();
    for line in &raw {
        if contains_invalid_samesite(&crate::exchange::latin1_str(line.as_bytes())) {
            result = only_if_worse("cookies-samesite-flag-invalid", result, COOKIE_GOODNESS);
        }
    }
    // The jar also holds what the redirects of the graded session set, each cookie stored for
    // the host and path of the response that set it; a later cookie replaces an earlier one.
    let mut jar: Vec<JarCookie<'_>> = Vec::new();
    let lines =
        r.ex.observatory_redirect_cookies()
            .map(|c| (c.value.as_str(), c.url.as_str()))
            .chain(raw.iter().map(|line| (line.as_ref(), r.ex.url.as_str())));
    for (line, url) in lines {
        // Host and path of the URL that set the cookie; empty host and `/` where it does not
        // parse. Plain URLs skip the URL parser.
        let (host, path) = match crate::exchange::plain_http_url(url) {
            Some((_, host, path)) => (host, Cow::Borrowed(path)),
            None => {
                let parsed = url::Url::parse(url).ok();
                (
                    Cow::Owned(
                        parsed
                            .as_ref()
                            .and_then(|u| u.host_str())
                            .unwrap_or("")
                            .to_owned(),
                    ),
                    Cow::Owned(parsed.as_ref().map_or("/", |u| u.path()).to_owned()),
                )
            }
        };
        if let Some(c) = jar_cookie(line, host, path) {
            if let Some(old) = jar
                .iter_mut()
                .find(|o| o.domain == c.domain && o.path == c.path && o.key == c.key)
            {
                *old = c;
            } else {
                jar.push(c);
            }
        }
    }
    jar.retain(|c| !c.key.is_empty() && !COOKIES_TO_DELETE.contains(&c.key));
    if jar.is_empty() {
        return ("cookies", "cookies-not-found", true);
    }
    let mut missing_samesite = false;
    for c in &jar {
        let key = lower(c.key);
        let session = key.contains("login") || key.contains("sess");
        let anticsrf = key.contains("csrf");
        if !c.secure && c.same_site == Some("none") {
            result = only_if_worse("cookies-samesite-flag-invalid", result, COOKIE_GOODNESS);
        }
        if !c.secure && hsts_pass {
            result = only_if_worse(
                "cookies-without-secure-flag-but-protected-by-hsts",
                result,
                COOKIE_GOODNESS,
            );
        } else if !c.secure {
            result = only_if_worse("cookies-without-secure-flag", result, COOKIE_GOODNESS);
        }
        if anticsrf && c.same_site.is_none() {
            result = only_if_worse(
                "cookies-anticsrf-without-samesite-flag",
                result,
                COOKIE_GOODNESS,
            );
        }
        if session && !c.secure && hsts_pass {
            result = only_if_worse(
                "cookies-session-without-secure-flag-but-protected-by-hsts",
                result,
                COOKIE_GOODNESS,
            );
        } else if session && !c.secure {
            result = only_if_worse(
                "cookies-session-without-secure-flag",
                result,
                COOKIE_GOODNESS,
            );
        }
        if session && !c.http_only {
            result = only_if_worse(
                "cookies-session-without-httponly-flag",
                result,
                COOKIE_GOODNESS,
            );
        }
        if c.same_site.is_none() {
            missing_samesite = true;
        }
    }
    let result = result.unwrap_or(if missing_samesite {
        "cookies-secure-with-httponly-sessions"
    } else {
        "cookies-secure-with-httponly-sessions-and-samesite"
    });
    let pass = matches!(
        result,
        "cookies-not-found"
            | "cookies-secure-with-httponly-sessions-and-samesite"
            | "cookies-secure-with-httponly-sessions"
    );
    ("cookies", result, pass)
}

// ---------------------------------------------------------------------------------------------
// cross-origin-resource-sharing

fn cors_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    const NAME: &str = "cross-origin-resource-sharing";
    // A preflight answer Node refuses as too large is no answer (`session.options` gives null).
    // Its status is not recorded: no reason phrase is counted.
    let Some(cors) =
        r.ex.cors_headers
            .as_ref()
            .filter(|h| crate::exchange::node_header_bytes("", h) < NODE_MAX_HEADER_BYTES)
    else {
        return (NAME, "cross-origin-resource-sharing-not-implemented", true);
    };
    let acao = crate::exchange::node_header(cors, "access-control-allow-origin");
    let acac = crate::exchange::node_header(cors, "access-control-allow-credentials");
    let result = match acao.filter(|a| !a.is_empty()) {
        None => "cross-origin-resource-sharing-not-implemented",
        Some(acao) => {
            let data = js_trim(js_slice(&acao, 256)).to_lowercase();
            if data == "*" {
                "cross-origin-resource-sharing-implemented-with-public-access"
            } else if acao == OBSERVATORY_CORS_ORIGIN
                && acac.is_some_and(|c| js_trim(&c.to_lowercase()) == "true")
            {
                "cross-origin-resource-sharing-implemented-with-universal-access"
            } else {
                "cross-origin-resource-sharing-implemented-with-restricted-access"
            }
        }
    };
    let pass = result != "cross-origin-resource-sharing-implemented-with-universal-access";
    (NAME, result, pass)
}

// ---------------------------------------------------------------------------------------------
// redirection

fn redirection_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    const NAME: &str = "redirection";
    let result = if !r.ex.http_available() {
        "redirection-not-needed-no-http"
    } else if !r.ex.cert_valid() {
        "redirection-invalid-cert"
    } else {
        let parsed;
        let parts = match r.route {
            Some(parts) => parts,
            None => {
                parsed = crate::exchange::redirect_route(&r.ex.http_redirects);
                &parsed
            }
        };
        // (scheme without its colon, host); both empty where the URL does not parse.
        let route: Vec<(&str, &str)> = parts
            .iter()
            .map(|p| match p {
                Some(p) => (p.scheme.as_str(), p.host.as_deref().unwrap_or("")),
                None => ("", ""),
            })
            .collect();
        if route.iter().all(|(_, host)| r.preloaded(host).is_some()) {
            "redirection-all-redirects-preloaded"
        } else if route.len() == 1 {
            "redirection-missing"
        } else if route.last().is_some_and(|(scheme, _)| *scheme != "https") {
            "redirection-not-to-https"
        } else if route[1].0 == "http" {
            "redirection-not-to-https-on-initial-redirection"
        } else if route[0].0 == "http" && route[1].0 == "https" && route[0].1 != route[1].1 {
            "redirection-off-host-from-http"
        } else {
            "redirection-to-https"
        }
    };
    let pass = matches!(
        result,
        "redirection-not-needed-no-http"
            | "redirection-all-redirects-preloaded"
            | "redirection-to-https"
    );
    (NAME, result, pass)
}

// ---------------------------------------------------------------------------------------------
// referrer-policy

const REFERRER_GOOD: &[&str] = &[
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
];
const REFERRER_BAD: &[&str] = &[
    "origin",
    "origin-when-cross-origin",
    "unsafe-url",
    "no-referrer-when-downgrade",
];

fn referrer_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    const NAME: &str = "referrer-policy";
    let header = r.header("referrer-policy");
    let meta = r.body.as_ref().and_then(|b| b.meta_referrer.as_deref());
    if header.is_none() && meta.is_none() {
        return (NAME, "referrer-policy-not-implemented", true);
    }
    // The values joined with ", " and split on ",": the tokens of each value in turn.
    let policy = header
        .as_deref()
        .into_iter()
        .chain(meta)
        .flat_map(|v| v.split(','))
        .rev()
        .find_map(|e| {
            let e = js_trim(e);
            REFERRER_GOOD
                .iter()
                .chain(REFERRER_BAD)
                .find(|known| lower_eq(e, known))
        })
        .copied()
        .unwrap_or_default();
    let result = if REFERRER_GOOD.contains(&policy) {
        "referrer-policy-private"
    } else if REFERRER_BAD.contains(&policy) {
        "referrer-policy-unsafe"
    } else {
        "referrer-policy-header-invalid"
    };
    (NAME, result, result == "referrer-policy-private")
}

// ---------------------------------------------------------------------------------------------
// strict-transport-security

/// "15768000 is six months, but a lot of sites use 15552000, so a white lie is in order".
pub const SIX_MONTHS: i64 = 15_552_000;

/// JS `parseInt(s, 10)`: optional sign and leading digits after whitespace; `None` is NaN.
fn js_parse_int(s: &str) -> Option<i64> {
    let s = js_trim(s);
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let end = digits.bytes().take_while(u8::is_ascii_digit).count();
    if end == 0 {
        return None;
    }
    let value = digits[..end].parse::<i64>().unwrap_or(i64::MAX);
    Some(if neg { -value } else { value })
}

fn hsts_test(r: &Requests<'_>) -> (&'static str, bool) {
    let mut result = "hsts-not-implemented";
    if !r.ex.https_available() {
        result = "hsts-not-implemented-no-https";
    } else if !r.ex.cert_valid() {
        result = "hsts-invalid-cert";
    } else if let Some(header) = r.header("strict-transport-security") {
        let data = js_slice(&header, 1024);
        let mut max_age: Option<Option<i64>> = None;
        let invalid = data.contains(',');
        for parameter in data.split(';').map(js_trim) {
            // ASCII lower-casing changes neither the length nor the digits `parseInt` reads.
            if parameter.is_ascii() {
                if lower_starts_with(parameter, "max-age=") {
                    max_age = Some(js_parse_int(js_slice(&parameter[8..], 120)));
                }
            } else if let Some(rest) = parameter.to_lowercase().strip_prefix("max-age=") {
                max_age = Some(js_parse_int(js_slice(rest, 120)));
            }
        }
        result = match (invalid, max_age) {
            (true, _) | (false, None) => "hsts-header-invalid",
            // NaN < 15552000 is false: a non-numeric max-age counts as six months.
            (false, Some(Some(age))) if age < SIX_MONTHS => {
                "hsts-implemented-max-age-less-than-six-months"
            }
            (false, Some(_)) => "hsts-implemented-max-age-at-least-six-months",
        };
    }
    if r.ex.https_available() && r.preloaded(r.hostname).is_some() {
        result = "hsts-preloaded";
    }
    let pass = matches!(
        result,
        "hsts-implemented-max-age-at-least-six-months" | "hsts-preloaded"
    );
    (result, pass)
}

// ---------------------------------------------------------------------------------------------
// subresource-integrity

const SRI_GOODNESS: &[&str] = &[
    "sri-implemented-and-all-scripts-loaded-securely",
    "sri-implemented-and-external-scripts-loaded-securely",
    "sri-implemented-but-external-scripts-not-loaded-securely",
    "sri-not-implemented-but-external-scripts-loaded-securely",
    "sri-not-implemented-and-external-scripts-not-loaded-securely",
    "sri-not-implemented-response-not-html",
];

/// tldts `parse(x).domain`: the registrable domain, none for IP addresses.
fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_lowercase();
    if host.is_empty() || host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return None;
    }
    psl::domain_str(&host).map(str::to_owned)
}

fn sri_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    const NAME: &str = "subresource-integrity";
    let result = if !r.html {
        "sri-not-implemented-response-not-html"
    } else {
        let scripts = r.body.as_ref().map(|b| b.scripts.as_slice()).unwrap_or(&[]);
        // Only scripts compare with it.
        let page_domain = (!scripts.is_empty())
            .then(|| registrable_domain(r.hostname))
            .flatten();
        let mut result: Option<&'static str> = None;
        let mut foreign = false;
        for script in scripts {
            let Some(raw) = script.src.as_deref() else {
                continue;
            };
            // `script.src` resolved against about:blank: absolute URLs serialise, others stay.
            let trimmed = raw.trim_matches(|c: char| c <= ' ');
            let parsed = url::Url::parse(trimmed).ok();
            let src = match &parsed {
                Some(u) => u.to_string(),
                None if trimmed.is_empty() => "about:blank".to_owned(),
                None => raw.to_owned(),
            };
            let integrity = script.integrity.as_deref().filter(|i| !i.is_empty());
            let relative_protocol = src.starts_with("//") && !src[2..].starts_with('/');
            let full_url = src.starts_with("http://") || src.starts_with("https://");
            let (relative_origin, same_sld) = if relative_protocol {
                (false, true)
            } else if full_url {
                let host = parsed.as_ref().and_then(|u| u.host_str()).unwrap_or("");
                (false, registrable_domain(host) == page_domain)
            } else {
                (true, true)
            };
            let secure_origin = relative_origin || (same_sld && !relative_protocol);
            if !secure_origin {
                foreign = true;
            }
            let scheme_https = !relative_protocol
                && !relative_origin
                && parsed.as_ref().is_some_and(|u| u.scheme() == "https");
            let secure_scheme = scheme_https || (relative_origin && r.session_https);
            if !secure_origin {
                let new = match (integrity.is_some(), secure_scheme) {
                    (true, false) => {
                        Some("sri-implemented-but-external-scripts-not-loaded-securely")
                    }
                    (false, true) => {
                        Some("sri-not-implemented-but-external-scripts-loaded-securely")
                    }
                    (false, false) => {
                        Some("sri-not-implemented-and-external-scripts-not-loaded-securely")
                    }
                    (true, true) => None,
                };
                if let Some(new) = new {
                    result = only_if_worse(new, result, SRI_GOODNESS);
                }
            } else if integrity.is_some() && secure_scheme && result.is_none() {
                result = Some("sri-implemented-and-all-scripts-loaded-securely");
            }
        }
        if scripts.is_empty() {
            "sri-not-implemented-but-no-scripts-loaded"
        } else {
            result.unwrap_or(if foreign {
                "sri-implemented-and-external-scripts-loaded-securely"
            } else {
                "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
            })
        }
    };
    let pass = matches!(
        result,
        "sri-implemented-and-all-scripts-loaded-securely"
            | "sri-implemented-and-external-scripts-loaded-securely"
            | "sri-not-implemented-response-not-html"
            | "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
            | "sri-not-implemented-but-no-scripts-loaded"
    );
    (NAME, result, pass)
}

// ---------------------------------------------------------------------------------------------
// x-content-type-options, x-frame-options, corp, coop, coep

fn xcto_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    let result = match r.header("x-content-type-options").filter(|h| !h.is_empty()) {
        None => "x-content-type-options-not-implemented",
        Some(h) if lower_eq(js_trim(js_slice(&h, 256)), "nosniff") => {
            "x-content-type-options-nosniff"
        }
        Some(_) => "x-content-type-options-header-invalid",
    };
    (
        "x-content-type-options",
        result,
        result == "x-content-type-options-nosniff",
    )
}

fn xfo_test(r: &Requests<'_>, csp: &CspOutcome) -> (&'static str, &'static str, bool) {
    let mut result = match r.header("x-frame-options").filter(|h| !h.is_empty()) {
        None => "x-frame-options-not-implemented",
        Some(h) => {
            let xfo = js_trim(js_slice(&h, 1024));
            if lower_eq(xfo, "deny") || lower_eq(xfo, "sameorigin") {
                "x-frame-options-sameorigin-or-deny"
            } else if lower_starts_with(xfo, "allow-from") {
                "x-frame-options-allow-from-origin"
            } else {
                "x-frame-options-header-invalid"
            }
        }
    };
    // Any frame-ancestors in the parsed set (meta included: a documented quirk).
    if csp.data.as_ref().is_some_and(|d| d.has("frame-ancestors")) {
        result = "x-frame-options-implemented-via-csp";
    }
    let pass = matches!(
        result,
        "x-frame-options-allow-from-origin"
            | "x-frame-options-sameorigin-or-deny"
            | "x-frame-options-implemented-via-csp"
    );
    ("x-frame-options", result, pass)
}

fn corp_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    let result = match r
        .header("cross-origin-resource-policy")
        .filter(|h| !h.is_empty())
    {
        None => "corp-not-implemented",
        Some(h) => {
            let v = js_trim(js_slice(&h, 256));
            if v.is_empty() {
                "corp-not-implemented"
            } else if lower_eq(v, "same-site") {
                "corp-implemented-with-same-site"
            } else if lower_eq(v, "same-origin") {
                "corp-implemented-with-same-origin"
            } else if lower_eq(v, "cross-origin") {
                "corp-implemented-with-cross-origin"
            } else {
                "corp-header-invalid"
            }
        }
    };
    (
        "cross-origin-resource-policy",
        result,
        result != "corp-header-invalid",
    )
}

/// `parseStructuredFieldToken`: the bare item of an RFC 8941 item when it is a token.
pub fn structured_token(value: &str) -> Option<String> {
    let item: sfv::Item = sfv::Parser::new(value).parse().ok()?;
    item.bare_item.as_token().map(|t| t.as_str().to_owned())
}

fn sf_policy_test(
    r: &Requests<'_>,
    name: &'static str,
    header: &str,
    table: &[(&str, &'static str)],
    prefix_not_implemented: &'static str,
    prefix_invalid: &'static str,
) -> (&'static str, &'static str, bool) {
    let result = match r.header(header).filter(|h| !h.is_empty()) {
        None => prefix_not_implemented,
        Some(h) => {
            let value = js_trim(js_slice(&h, 1024));
            // A value that is exactly one of the tokens is that token as an RFC 8941 item (the
            // table holds valid bare tokens): only other values need the parser.
            match table.iter().find(|(t, _)| *t == value) {
                Some((_, id)) => id,
                None => {
                    let token = structured_token(value);
                    table
                        .iter()
                        .find(|(t, _)| Some(*t) == token.as_deref())
                        .map_or(prefix_invalid, |(_, id)| *id)
                }
            }
        }
    };
    (name, result, result != prefix_invalid)
}

fn coop_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    sf_policy_test(
        r,
        "cross-origin-opener-policy",
        "cross-origin-opener-policy",
        &[
            ("same-origin", "coop-implemented-with-same-origin"),
            (
                "same-origin-allow-popups",
                "coop-implemented-with-same-origin-allow-popups",
            ),
            (
                "noopener-allow-popups",
                "coop-implemented-with-noopener-allow-popups",
            ),
            ("unsafe-none", "coop-implemented-with-unsafe-none"),
        ],
        "coop-not-implemented",
        "coop-header-invalid",
    )
}

fn coep_test(r: &Requests<'_>) -> (&'static str, &'static str, bool) {
    sf_policy_test(
        r,
        "cross-origin-embedder-policy",
        "cross-origin-embedder-policy",
        &[
            ("require-corp", "coep-implemented-with-require-corp"),
            ("credentialless", "coep-implemented-with-credentialless"),
            ("unsafe-none", "coep-implemented-with-unsafe-none"),
        ],
        "coep-not-implemented",
        "coep-header-invalid",
    )
}

/// Every test name of an algorithm, in the Observatory's order.
pub fn test_names(algorithm: Algorithm) -> &'static [&'static str] {
    const V4: &[&str] = &[
        "content-security-policy",
        "cookies",
        "cross-origin-resource-sharing",
        "redirection",
        "referrer-policy",
        "strict-transport-security",
        "subresource-integrity",
        "x-content-type-options",
        "x-frame-options",
        "cross-origin-resource-policy",
    ];
    const V6: &[&str] = &[
        "content-security-policy",
        "cookies",
        "cross-origin-resource-sharing",
        "redirection",
        "referrer-policy",
        "strict-transport-security",
        "subresource-integrity",
        "x-content-type-options",
        "x-frame-options",
        "cross-origin-resource-policy",
        "cross-origin-opener-policy",
        "cross-origin-embedder-policy",
    ];
    if algorithm >= Algorithm::V6 { V6 } else { V4 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sf_policy_test` takes a value equal to a table token as that token without parsing: true
    /// only because each is a bare RFC 8941 token.
    #[test]
    fn policy_tokens_are_their_own_structured_items() {
        for token in [
            "same-origin",
            "same-origin-allow-popups",
            "noopener-allow-popups",
            "unsafe-none",
            "require-corp",
            "credentialless",
        ] {
            assert_eq!(structured_token(token).as_deref(), Some(token));
        }
    }

    #[test]
    fn samesite_shortcut_keeps_the_verdicts() {
        assert!(!contains_invalid_samesite("a=1; Path=/"));
        assert!(contains_invalid_samesite("a=1; SAMESITE=sometimes"));
        assert!(contains_invalid_samesite("a=1; samesite"));
        assert!(!contains_invalid_samesite("a=1; SameSite=Lax"));
    }
}
