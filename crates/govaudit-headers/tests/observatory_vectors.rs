//! Vectors per Observatory test and result id, for algorithms 4, 5 and 6, derived from the
//! Observatory's source (npm 1.4.8 `src/analyzer/tests/*.js`; main for COOP/COEP). The v4 header
//! vectors were cross-checked with `tools/observatory-crosscheck.mjs` (see the README).

use govaudit_core::HeaderField;
use govaudit_headers::observatory::chart;
use govaudit_headers::preload::PreloadEntry;
use govaudit_headers::{Algorithm, Exchange, Hop, ObservatoryError, PreloadList, observatory};

const ALL: [Algorithm; 3] = [Algorithm::V4, Algorithm::V5, Algorithm::V6];

fn ex(headers: &[(&str, &str)]) -> Exchange {
    let mut e = Exchange::new(
        "https://site.example/",
        headers
            .iter()
            .map(|(n, v)| HeaderField::new(*n, v.as_bytes().to_vec()))
            .collect(),
    );
    e.http_redirects = vec![
        Hop {
            url: "http://site.example/".into(),
            status: 301,
        },
        Hop {
            url: "https://site.example/".into(),
            status: 200,
        },
    ];
    e
}

fn html(headers: &[(&str, &str)], body: &str) -> Exchange {
    let mut h = vec![("Content-Type", "text/html; charset=utf-8")];
    h.extend_from_slice(headers);
    let mut e = ex(&h);
    e.body = Some(body.into());
    e
}

fn preload() -> PreloadList {
    PreloadList::from_entries([PreloadEntry {
        name: "preloaded.example".into(),
        mode: Some("force-https".into()),
        include_subdomains: true,
        policy: None,
    }])
}

fn result(e: &Exchange, algorithm: Algorithm, test: &str) -> String {
    let list = preload();
    let r = observatory(e, algorithm, Some(&list)).expect("graded");
    r.test(test).expect("test present").result.to_owned()
}

fn expect_all(e: &Exchange, test: &str, expected: &str) {
    for a in ALL {
        assert_eq!(result(e, a, test), expected, "algorithm {a}, test {test}");
    }
}

#[test]
fn csp_results() {
    const T: &str = "content-security-policy";
    let cases: &[(&str, &str)] = &[
        (
            "default-src 'none'",
            "csp-implemented-with-no-unsafe-default-src-none",
        ),
        ("default-src 'self'", "csp-implemented-with-no-unsafe"),
        (
            "default-src 'self'; style-src 'unsafe-inline'",
            "csp-implemented-with-unsafe-inline-in-style-src-only",
        ),
        (
            "default-src 'self'; img-src http:",
            "csp-implemented-with-insecure-scheme-in-passive-content-only",
        ),
        (
            "default-src 'self'; script-src 'self' 'unsafe-eval'",
            "csp-implemented-with-unsafe-eval",
        ),
        (
            "default-src 'self'; style-src 'self' 'unsafe-eval'",
            "csp-implemented-with-unsafe-eval",
        ),
        (
            "default-src 'self'; script-src 'unsafe-inline'",
            "csp-implemented-with-unsafe-inline",
        ),
        ("script-src 'self'", "csp-implemented-with-unsafe-inline"),
        ("garbage", "csp-implemented-with-unsafe-inline"),
        (
            "default-src 'self'; script-src http://cdn.example",
            "csp-implemented-with-insecure-scheme",
        ),
        (
            "default-src 'none'; report-uri /a; report-uri /b",
            "csp-implemented-but-duplicate-directives",
        ),
        (
            "default-src 'self'; default-src 'none'",
            "csp-header-invalid",
        ),
        ("a b", "csp-header-invalid"),
        (
            "default-src 'self'; script-src 'strict-dynamic'",
            "csp-header-invalid",
        ),
        (
            "default-src 'self'; script-src 'nonce-abc' 'unsafe-inline'",
            "csp-implemented-with-no-unsafe",
        ),
        (
            "default-src 'self'; script-src 'sha256-abc' 'unsafe-inline'",
            "csp-implemented-with-no-unsafe",
        ),
        (
            "default-src 'self'; script-src 'nonce-abc' 'strict-dynamic' https: 'unsafe-inline'",
            "csp-implemented-with-no-unsafe",
        ),
    ];
    for (policy, expected) in cases {
        expect_all(&ex(&[("Content-Security-Policy", policy)]), T, expected);
    }
    expect_all(&ex(&[]), T, "csp-not-implemented");
    expect_all(
        &ex(&[("Content-Security-Policy-Report-Only", "default-src 'none'")]),
        T,
        "csp-not-implemented-but-reporting-enabled",
    );
    // Meta policies count; meta frame-ancestors alone is dropped.
    expect_all(
        &html(
            &[],
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'">"#,
        ),
        T,
        "csp-implemented-with-no-unsafe-default-src-none",
    );
    expect_all(
        &html(
            &[],
            r#"<meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'">"#,
        ),
        T,
        "csp-not-implemented",
    );
    // Duplicated header lines: v4 parses the joined value as one policy (invalid), v5+ split it.
    let dup = ex(&[
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'",
        ),
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'",
        ),
    ]);
    assert_eq!(result(&dup, Algorithm::V4, T), "csp-header-invalid");
    assert_eq!(
        result(&dup, Algorithm::V5, T),
        "csp-implemented-with-no-unsafe-default-src-none"
    );
    assert_eq!(
        result(&dup, Algorithm::V6, T),
        "csp-implemented-with-no-unsafe-default-src-none"
    );
}

/// A `Content-Security-Policy` line that is present but empty or blank: every version hands `""`
/// to `parseCsp`, which throws on an empty policy (1.4.8 passes the header as is; 1.6.2+ and main
/// split it on `,` and keep the empty piece): `csp-header-invalid`, not `csp-not-implemented`.
#[test]
fn empty_csp_header_is_invalid() {
    const T: &str = "content-security-policy";
    for blank in ["", " ", "\t  "] {
        expect_all(
            &ex(&[("Content-Security-Policy", blank)]),
            T,
            "csp-header-invalid",
        );
        // Report-only does not rescue it: the parse fails before that branch.
        expect_all(
            &ex(&[
                ("Content-Security-Policy", blank),
                ("Content-Security-Policy-Report-Only", "default-src 'none'"),
            ]),
            T,
            "csp-header-invalid",
        );
        // A valid `<meta>` policy beside it does not either: the set is parsed together.
        expect_all(
            &html(
                &[("Content-Security-Policy", blank)],
                r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'">"#,
            ),
            T,
            "csp-header-invalid",
        );
    }
    // An empty second line: v4 parses `policy, ` as one policy; v5+ split off an empty piece.
    let trailing = ex(&[
        ("Content-Security-Policy", "default-src 'none'"),
        ("Content-Security-Policy", ""),
    ]);
    assert_eq!(
        result(&trailing, Algorithm::V4, T),
        "csp-implemented-with-no-unsafe"
    );
    assert_eq!(result(&trailing, Algorithm::V5, T), "csp-header-invalid");
    assert_eq!(result(&trailing, Algorithm::V6, T), "csp-header-invalid");
    // The grade still comes out: the test fails with its -25.
    let graded = observatory(&ex(&[("Content-Security-Policy", "")]), Algorithm::V6, None).unwrap();
    let csp = graded.test(T).unwrap();
    assert_eq!((csp.modifier, csp.pass), (-25, false));
    // The neutral findings explain it: no policy in effect, and why the Observatory rejects it.
    let findings = govaudit_headers::check(&ex(&[("Content-Security-Policy", " ")]), None);
    let invalid = findings
        .iter()
        .find(|f| f.rule == "headers/csp-observatory-invalid")
        .expect("csp-observatory-invalid");
    assert!(invalid.message.contains("empty"), "{}", invalid.message);
}

/// The same from a `curl -sI` head: the empty line survives the head reader.
#[test]
fn empty_csp_header_from_a_response_head() {
    let head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Security-Policy:\r\n\r\n";
    let e = govaudit_headers::parse_input(head, Some("https://site.example/")).unwrap();
    for a in ALL {
        let r = observatory(&e, a, None).unwrap();
        assert_eq!(
            r.test("content-security-policy").unwrap().result,
            "csp-header-invalid",
            "algorithm {a}"
        );
    }
}

/// `splitCspHeaders` also splits `<meta>` policies in v5+: a comma in `content` makes two
/// policies (here the second is too short: invalid); v4 parses it as one policy.
#[test]
fn meta_csp_is_split_on_commas_from_v5() {
    const T: &str = "content-security-policy";
    let e = html(
        &[],
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none', a">"#,
    );
    assert_eq!(
        result(&e, Algorithm::V4, T),
        "csp-implemented-with-no-unsafe"
    );
    assert_eq!(result(&e, Algorithm::V5, T), "csp-header-invalid");
    assert_eq!(result(&e, Algorithm::V6, T), "csp-header-invalid");
}

#[test]
fn cookies_results() {
    const T: &str = "cookies";
    let hsts = ("Strict-Transport-Security", "max-age=31536000");
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[], "cookies-not-found"),
        (
            &[("Set-Cookie", "heroku-session-affinity=1")],
            "cookies-not-found",
        ),
        (
            &[("Set-Cookie", "a=1; Secure; SameSite=Lax")],
            "cookies-secure-with-httponly-sessions-and-samesite",
        ),
        (
            &[("Set-Cookie", "a=1; Secure")],
            "cookies-secure-with-httponly-sessions",
        ),
        (
            &[hsts, ("Set-Cookie", "a=1; SameSite=Lax")],
            "cookies-without-secure-flag-but-protected-by-hsts",
        ),
        (
            &[hsts, ("Set-Cookie", "sessionid=1; HttpOnly; SameSite=Lax")],
            "cookies-session-without-secure-flag-but-protected-by-hsts",
        ),
        (
            &[("Set-Cookie", "a=1; SameSite=Lax")],
            "cookies-without-secure-flag",
        ),
        (
            &[("Set-Cookie", "a=1; Secure; SameSite=Sometimes")],
            "cookies-samesite-flag-invalid",
        ),
        (
            &[("Set-Cookie", "a=1; SameSite=None")],
            "cookies-samesite-flag-invalid",
        ),
        (
            &[("Set-Cookie", "csrftoken=1; Secure")],
            "cookies-anticsrf-without-samesite-flag",
        ),
        (
            &[("Set-Cookie", "sessionid=1; Secure; SameSite=Lax")],
            "cookies-session-without-httponly-flag",
        ),
        (
            &[("Set-Cookie", "sessionid=1; HttpOnly; SameSite=Lax")],
            "cookies-session-without-secure-flag",
        ),
        // tough-cookie drops a __Secure- cookie without Secure, and cookies for other domains.
        (&[("Set-Cookie", "__Secure-a=1")], "cookies-not-found"),
        (
            &[("Set-Cookie", "a=1; Domain=other.example")],
            "cookies-not-found",
        ),
    ];
    for (headers, expected) in cases {
        expect_all(&ex(headers), T, expected);
    }
}

#[test]
fn cors_results() {
    const T: &str = "cross-origin-resource-sharing";
    let with = |h: &[(&str, &str)]| {
        let mut e = ex(&[]);
        e.cors_headers = Some(
            h.iter()
                .map(|(n, v)| HeaderField::new(*n, v.as_bytes().to_vec()))
                .collect(),
        );
        e
    };
    expect_all(&ex(&[]), T, "cross-origin-resource-sharing-not-implemented");
    expect_all(
        &with(&[("Access-Control-Allow-Origin", "*")]),
        T,
        "cross-origin-resource-sharing-implemented-with-public-access",
    );
    expect_all(
        &with(&[("Access-Control-Allow-Origin", "https://a.example")]),
        T,
        "cross-origin-resource-sharing-implemented-with-restricted-access",
    );
    expect_all(
        &with(&[
            (
                "Access-Control-Allow-Origin",
                "https://http-observatory.security.mozilla.org",
            ),
            ("Access-Control-Allow-Credentials", "true"),
        ]),
        T,
        "cross-origin-resource-sharing-implemented-with-universal-access",
    );
}

#[test]
fn redirection_results() {
    const T: &str = "redirection";
    let chain = |hops: &[&str]| {
        let mut e = ex(&[]);
        e.http_redirects = hops
            .iter()
            .map(|u| Hop {
                url: (*u).into(),
                status: 301,
            })
            .collect();
        e
    };
    expect_all(
        &chain(&["http://site.example/", "https://site.example/"]),
        T,
        "redirection-to-https",
    );
    expect_all(
        &chain(&[
            "http://preloaded.example/",
            "https://www.preloaded.example/",
        ]),
        T,
        "redirection-all-redirects-preloaded",
    );
    expect_all(&chain(&["http://site.example/"]), T, "redirection-missing");
    expect_all(
        &chain(&["http://site.example/", "http://www.site.example/"]),
        T,
        "redirection-not-to-https",
    );
    expect_all(
        &chain(&[
            "http://site.example/",
            "http://www.site.example/",
            "https://www.site.example/",
        ]),
        T,
        "redirection-not-to-https-on-initial-redirection",
    );
    expect_all(
        &chain(&["http://site.example/", "https://www.site.example/"]),
        T,
        "redirection-off-host-from-http",
    );
    let mut no_http = chain(&[]);
    no_http.http_available = Some(false);
    expect_all(&no_http, T, "redirection-not-needed-no-http");
    let mut bad_cert = chain(&["http://site.example/", "https://site.example/"]);
    bad_cert.cert_valid = Some(false);
    expect_all(&bad_cert, T, "redirection-invalid-cert");
}

#[test]
fn referrer_results() {
    const T: &str = "referrer-policy";
    expect_all(
        &ex(&[("Referrer-Policy", "no-referrer")]),
        T,
        "referrer-policy-private",
    );
    expect_all(
        &ex(&[("Referrer-Policy", "no-referrer, bogus")]),
        T,
        "referrer-policy-private",
    );
    expect_all(&ex(&[]), T, "referrer-policy-not-implemented");
    expect_all(
        &ex(&[("Referrer-Policy", "unsafe-url")]),
        T,
        "referrer-policy-unsafe",
    );
    expect_all(
        &ex(&[("Referrer-Policy", "bogus")]),
        T,
        "referrer-policy-header-invalid",
    );
    expect_all(
        &html(
            &[("Referrer-Policy", "unsafe-url")],
            r#"<meta name="referrer" content="same-origin">"#,
        ),
        T,
        "referrer-policy-private",
    );
}

#[test]
fn hsts_results() {
    const T: &str = "strict-transport-security";
    let h = |v: &str| ex(&[("Strict-Transport-Security", v)]);
    expect_all(
        &h("max-age=31536000"),
        T,
        "hsts-implemented-max-age-at-least-six-months",
    );
    expect_all(
        &h("max-age=15552000"),
        T,
        "hsts-implemented-max-age-at-least-six-months",
    );
    expect_all(
        &h("max-age=forever"),
        T,
        "hsts-implemented-max-age-at-least-six-months",
    );
    expect_all(
        &h("max-age=31536000abc"),
        T,
        "hsts-implemented-max-age-at-least-six-months",
    );
    expect_all(
        &h("max-age=15551999"),
        T,
        "hsts-implemented-max-age-less-than-six-months",
    );
    expect_all(&ex(&[]), T, "hsts-not-implemented");
    expect_all(&h("includeSubDomains"), T, "hsts-header-invalid");
    expect_all(&h("max-age = 31536000"), T, "hsts-header-invalid");
    expect_all(
        &ex(&[
            ("Strict-Transport-Security", "max-age=31536000"),
            ("Strict-Transport-Security", "max-age=31536000"),
        ]),
        T,
        "hsts-header-invalid",
    );
    let mut no_https = ex(&[]);
    no_https.url = "http://site.example/".into();
    no_https.https_available = Some(false);
    expect_all(&no_https, T, "hsts-not-implemented-no-https");
    let mut bad_cert = h("max-age=31536000");
    bad_cert.cert_valid = Some(false);
    expect_all(&bad_cert, T, "hsts-invalid-cert");
    let mut pre = ex(&[]);
    pre.url = "https://www.preloaded.example/".into();
    pre.http_redirects.clear();
    expect_all(&pre, T, "hsts-preloaded");
}

#[test]
fn sri_results() {
    const T: &str = "subresource-integrity";
    let page = |b: &str| html(&[], b);
    expect_all(
        &ex(&[("Content-Type", "application/json")]),
        T,
        "sri-not-implemented-response-not-html",
    );
    expect_all(
        &page("<p>no scripts</p>"),
        T,
        "sri-not-implemented-but-no-scripts-loaded",
    );
    expect_all(
        &page(r#"<script src="/a.js"></script>"#),
        T,
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
    );
    expect_all(
        &page(r#"<script src="https://cdn.site.example/a.js"></script>"#),
        T,
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
    );
    expect_all(
        &page(r#"<script src="/a.js" integrity="sha384-x"></script>"#),
        T,
        "sri-implemented-and-all-scripts-loaded-securely",
    );
    expect_all(
        &page(r#"<script src="https://cdn.other.example/a.js" integrity="sha384-x"></script>"#),
        T,
        "sri-implemented-and-external-scripts-loaded-securely",
    );
    expect_all(
        &page(r#"<script src="https://cdn.other.example/a.js"></script>"#),
        T,
        "sri-not-implemented-but-external-scripts-loaded-securely",
    );
    expect_all(
        &page(r#"<script src="http://cdn.other.example/a.js" integrity="sha384-x"></script>"#),
        T,
        "sri-implemented-but-external-scripts-not-loaded-securely",
    );
    expect_all(
        &page(r#"<script src="http://cdn.other.example/a.js"></script>"#),
        T,
        "sri-not-implemented-and-external-scripts-not-loaded-securely",
    );
    // Quirk: protocol-relative scripts count as insecure even on an HTTPS page.
    expect_all(
        &page(r#"<script src="//cdn.other.example/a.js"></script>"#),
        T,
        "sri-not-implemented-and-external-scripts-not-loaded-securely",
    );
}

#[test]
fn xcto_xfo_corp_results() {
    expect_all(
        &ex(&[("X-Content-Type-Options", "nosniff")]),
        "x-content-type-options",
        "x-content-type-options-nosniff",
    );
    expect_all(
        &ex(&[]),
        "x-content-type-options",
        "x-content-type-options-not-implemented",
    );
    expect_all(
        &ex(&[
            ("X-Content-Type-Options", "nosniff"),
            ("X-Content-Type-Options", "nosniff"),
        ]),
        "x-content-type-options",
        "x-content-type-options-header-invalid",
    );
    const X: &str = "x-frame-options";
    expect_all(
        &ex(&[("Content-Security-Policy", "frame-ancestors *")]),
        X,
        "x-frame-options-implemented-via-csp",
    );
    expect_all(
        &ex(&[("X-Frame-Options", "DENY")]),
        X,
        "x-frame-options-sameorigin-or-deny",
    );
    expect_all(
        &ex(&[("X-Frame-Options", "ALLOW-FROM https://a.example")]),
        X,
        "x-frame-options-allow-from-origin",
    );
    expect_all(&ex(&[]), X, "x-frame-options-not-implemented");
    expect_all(
        &ex(&[("X-Frame-Options", "DENY"), ("X-Frame-Options", "DENY")]),
        X,
        "x-frame-options-header-invalid",
    );
    expect_all(
        &html(
            &[],
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-ancestors 'none'">"#,
        ),
        X,
        "x-frame-options-implemented-via-csp",
    );
    const C: &str = "cross-origin-resource-policy";
    expect_all(
        &ex(&[("Cross-Origin-Resource-Policy", "same-origin")]),
        C,
        "corp-implemented-with-same-origin",
    );
    expect_all(
        &ex(&[("Cross-Origin-Resource-Policy", "same-site")]),
        C,
        "corp-implemented-with-same-site",
    );
    expect_all(
        &ex(&[("Cross-Origin-Resource-Policy", "cross-origin")]),
        C,
        "corp-implemented-with-cross-origin",
    );
    expect_all(&ex(&[]), C, "corp-not-implemented");
    expect_all(
        &ex(&[("Cross-Origin-Resource-Policy", "nope")]),
        C,
        "corp-header-invalid",
    );
}

#[test]
fn coop_coep_results_only_in_v6() {
    let run = |h: (&str, &str), test: &str| {
        let e = ex(&[h]);
        assert!(
            observatory(&e, Algorithm::V5, None)
                .unwrap()
                .test(test)
                .is_none()
        );
        result(&e, Algorithm::V6, test)
    };
    const O: &str = "cross-origin-opener-policy";
    const E: &str = "cross-origin-embedder-policy";
    let coop = "Cross-Origin-Opener-Policy";
    let coep = "Cross-Origin-Embedder-Policy";
    assert_eq!(
        run((coop, "same-origin"), O),
        "coop-implemented-with-same-origin"
    );
    assert_eq!(
        run((coop, "same-origin-allow-popups"), O),
        "coop-implemented-with-same-origin-allow-popups"
    );
    assert_eq!(
        run((coop, "noopener-allow-popups"), O),
        "coop-implemented-with-noopener-allow-popups"
    );
    assert_eq!(
        run((coop, "unsafe-none"), O),
        "coop-implemented-with-unsafe-none"
    );
    assert_eq!(run(("X", "y"), O), "coop-not-implemented");
    assert_eq!(run((coop, "\"same-origin\""), O), "coop-header-invalid");
    assert_eq!(
        run((coop, "same-origin; report-to=\"r\""), O),
        "coop-implemented-with-same-origin"
    );
    assert_eq!(
        run((coep, "require-corp"), E),
        "coep-implemented-with-require-corp"
    );
    assert_eq!(
        run((coep, "credentialless"), E),
        "coep-implemented-with-credentialless"
    );
    assert_eq!(
        run((coep, "unsafe-none"), E),
        "coep-implemented-with-unsafe-none"
    );
    assert_eq!(run(("X", "y"), E), "coep-not-implemented");
    assert_eq!(
        run((coep, "require-corp, require-corp"), E),
        "coep-header-invalid"
    );
}

#[test]
fn scoring_extra_credit_clamping_and_grades() {
    // Best case: every bonus. v4 has no XFO bonus and no COOP/COEP.
    let best = html(
        &[
            (
                "Content-Security-Policy",
                "default-src 'none'; frame-ancestors 'none'",
            ),
            ("Strict-Transport-Security", "max-age=63072000"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Embedder-Policy", "require-corp"),
            ("Set-Cookie", "a=1; Secure; HttpOnly; SameSite=Lax"),
        ],
        r#"<script src="/a.js" integrity="sha384-x"></script>"#,
    );
    let v4 = observatory(&best, Algorithm::V4, None).unwrap();
    assert_eq!((v4.score, v4.grade), (140, "A+"));
    let v6 = observatory(&best, Algorithm::V6, None).unwrap();
    assert_eq!((v6.score, v6.grade), (160, "A+"));
    assert_eq!(v6.tests.len(), 12);
    // Bonuses vanish below 90 after penalties: -20 (no XFO... here via no HSTS) and -25 (no CSP).
    let weak = ex(&[
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
    ]);
    let r = observatory(&weak, Algorithm::V4, None).unwrap();
    assert_eq!(r.score_without_bonuses, 100 - 25 - 20 - 20);
    assert_eq!(r.score, 35);
    assert_eq!(r.grade, "D");
    // Clamped at zero.
    let mut awful = ex(&[("Set-Cookie", "sessionid=1")]);
    awful.cors_headers = Some(vec![
        HeaderField::new(
            "Access-Control-Allow-Origin",
            "https://http-observatory.security.mozilla.org",
        ),
        HeaderField::new("Access-Control-Allow-Credentials", "true"),
    ]);
    awful.http_redirects.truncate(1);
    let r = observatory(&awful, Algorithm::V6, None).unwrap();
    assert_eq!((r.score, r.grade), (0, "F"));
    // The chart.
    for (score, grade) in [
        (100, "A+"),
        (95, "A"),
        (90, "A"),
        (89, "A-"),
        (80, "B+"),
        (79, "B"),
        (65, "B-"),
        (60, "C+"),
        (50, "C"),
        (45, "C-"),
        (40, "D+"),
        (30, "D"),
        (25, "D-"),
        (24, "F"),
        (-10, "F"),
        (150, "A+"),
    ] {
        assert_eq!(chart::grade(score).1, grade, "{score}");
    }
    // v5 changed one modifier.
    assert_eq!(
        chart::modifier(Algorithm::V4, "x-frame-options-sameorigin-or-deny"),
        0
    );
    assert_eq!(
        chart::modifier(Algorithm::V5, "x-frame-options-sameorigin-or-deny"),
        5
    );
    assert_eq!(
        chart::modifier(Algorithm::V6, "x-frame-options-sameorigin-or-deny"),
        5
    );
}

#[test]
fn refusal_is_an_error() {
    let mut e = ex(&[]);
    for ok in [200, 301, 401, 403] {
        e.status = Some(ok);
        assert!(observatory(&e, Algorithm::V6, None).is_ok(), "{ok}");
    }
    e.status = Some(404);
    assert_eq!(
        observatory(&e, Algorithm::V6, None),
        Err(ObservatoryError::UnexpectedStatus(404))
    );
    e.status = Some(500);
    assert!(observatory(&e, Algorithm::V6, None).is_err());
    e.status = None;
    assert_eq!(
        observatory(&e, Algorithm::V6, None),
        Err(ObservatoryError::NoResponse)
    );
}

/// An exchange whose head Node counts as exactly `counted` bytes: "OK" (2) + names + values.
fn head_of(counted: usize) -> Exchange {
    let base = ex(&[("Content-Security-Policy", "default-src 'none'")]);
    let used = govaudit_headers::exchange::node_header_bytes("OK", &base.headers) + "X-Pad".len();
    let pad = "a".repeat(counted - used);
    ex(&[
        ("Content-Security-Policy", "default-src 'none'"),
        ("X-Pad", &pad),
    ])
}

/// Node refuses a response head once reason phrase + names + values reach 16384 bytes
/// (`HPE_HEADER_OVERFLOW`); the Observatory then has no response and reports the site as down,
/// in every algorithm. One byte less is graded.
#[test]
fn header_overflow_is_an_error() {
    use govaudit_headers::exchange::NODE_MAX_HEADER_BYTES;
    assert_eq!(NODE_MAX_HEADER_BYTES, 16384);
    let under = head_of(16383);
    assert_eq!(under.node_header_bytes(), 16383);
    assert!(!under.node_header_overflow());
    let over = head_of(16384);
    assert_eq!(over.node_header_bytes(), 16384);
    assert!(over.node_header_overflow());
    for a in ALL {
        let graded = observatory(&under, a, None).expect("16383 bytes are graded");
        assert_eq!(
            graded.test("content-security-policy").unwrap().result,
            "csp-implemented-with-no-unsafe-default-src-none"
        );
        assert_eq!(
            observatory(&over, a, None),
            Err(ObservatoryError::HeaderOverflow {
                bytes: 16384,
                limit: 16384
            }),
            "algorithm {a}"
        );
    }
    // The error still says what the Observatory says, then why.
    let message = observatory(&over, Algorithm::V6, None)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("The site seems to be down."),
        "{message}"
    );
    assert!(message.contains("HPE_HEADER_OVERFLOW"), "{message}");
    // Before the status check: an overflowing 404 is "down" too, as Node never sees the status.
    let mut over_404 = head_of(16384);
    over_404.status = Some(404);
    let expected_404 = 16384 - 2 + "Not Found".len();
    assert_eq!(
        observatory(&over_404, Algorithm::V6, None),
        Err(ObservatoryError::HeaderOverflow {
            bytes: expected_404,
            limit: 16384
        })
    );
}

/// A CORS preflight answer that Node refuses is no answer: CORS is then not implemented (the
/// graded response itself is fine, so the scan is graded).
#[test]
fn oversized_cors_preflight_is_no_answer() {
    const T: &str = "cross-origin-resource-sharing";
    let preflight = |counted: usize| {
        let used = "Access-Control-Allow-Origin".len() + 1 + "X-Pad".len();
        vec![
            HeaderField::new("Access-Control-Allow-Origin", b"*".to_vec()),
            HeaderField::new("X-Pad", vec![b'a'; counted - used]),
        ]
    };
    let mut e = ex(&[]);
    e.cors_headers = Some(preflight(16383));
    expect_all(
        &e,
        T,
        "cross-origin-resource-sharing-implemented-with-public-access",
    );
    e.cors_headers = Some(preflight(16384));
    expect_all(&e, T, "cross-origin-resource-sharing-not-implemented");
}

/// The same boundary from `curl -sI` heads: the status line's version and code, the `": "`
/// separators and the CRLFs do not count (`TrackHeader` sees only the spans of the reason phrase,
/// names and values), so a head of more than 16384 bytes on the wire can still be graded.
#[test]
fn header_overflow_counts_like_node_from_a_response_head() {
    let head = |value_len: usize| {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: {}\r\n\r\n",
            "b".repeat(value_len)
        )
    };
    // "OK" + "Content-Type" + "text/html" + "X-Pad" = 2 + 12 + 9 + 5 = 28.
    let under = head(16383 - 28);
    assert!(
        under.len() > 16384,
        "the wire head is larger than the count"
    );
    let e = govaudit_headers::parse_input(under.as_bytes(), Some("https://site.example/")).unwrap();
    assert_eq!(e.node_header_bytes(), 16383);
    assert!(observatory(&e, Algorithm::V6, None).is_ok());
    let over = head(16384 - 28);
    let e = govaudit_headers::parse_input(over.as_bytes(), Some("https://site.example/")).unwrap();
    assert!(matches!(
        observatory(&e, Algorithm::V6, None),
        Err(ObservatoryError::HeaderOverflow { bytes: 16384, .. })
    ));
}

/// `audit` keeps the neutral findings when the grade is refused, and `value-oversized` reports
/// the head exactly when the Observatory refuses it.
#[test]
fn header_overflow_keeps_the_findings() {
    let block_finding = |e: &Exchange| {
        govaudit_headers::check(e, None)
            .into_iter()
            .any(|f| f.rule == "headers/value-oversized" && f.location.header.is_none())
    };
    let under = head_of(16383);
    assert!(!block_finding(&under));
    let over = head_of(16384);
    assert!(block_finding(&over));
    let audit = govaudit_headers::audit(&over, Algorithm::V6, None);
    assert!(matches!(
        audit.observatory,
        Err(ObservatoryError::HeaderOverflow { .. })
    ));
    // The pad value alone is over 8 KiB, and HSTS is still missing: both reported.
    let rules: Vec<&str> = audit.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"headers/value-oversized"), "{rules:?}");
    assert!(rules.contains(&"headers/hsts-missing"), "{rules:?}");
}

#[test]
fn every_result_id_has_a_vector() {
    let source = include_str!("observatory_vectors.rs");
    for id in chart::result_ids().filter(|id| *id != "html-not-parseable") {
        assert!(source.contains(&format!("\"{id}\"")), "no vector for {id}");
    }
}

#[test]
fn demo_site_exchanges_are_graded_offline() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/demo-site/_exchanges");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut graded = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let e = govaudit_headers::parse_input(&bytes, None)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let findings = govaudit_headers::check(&e, None);
        match observatory(&e, Algorithm::V6, None) {
            Ok(r) => {
                assert!(r.score >= 0 && !r.grade.is_empty());
                graded += 1;
            }
            Err(ObservatoryError::UnexpectedStatus(s)) => assert!(s >= 400),
            Err(err) => panic!("{}: {err}", path.display()),
        }
        assert!(findings.iter().all(|f| f.rule.starts_with("headers/")));
    }
    assert!(graded > 0, "no demo exchange graded");
}

/// The v4 score and grade of each demo exchange as npm `@mdn/mdn-http-observatory@1.4.8` gives
/// them (tools/observatory-crosscheck.mjs; every test result matched too).
#[test]
fn demo_site_matches_npm_1_4_8() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/demo-site/_exchanges");
    for (file, score, grade) in [
        ("en-index.json", 0, "F"),
        ("hdjl-index.json", 130, "A+"),
        ("home.json", 10, "F"),
        ("xxgk-index.json", 0, "F"),
    ] {
        let Ok(bytes) = std::fs::read(dir.join(file)) else {
            continue;
        };
        let e = govaudit_headers::parse_input(&bytes, None).unwrap();
        let r = observatory(&e, Algorithm::V4, None).unwrap();
        assert_eq!((r.score, r.grade), (score, grade), "{file}");
    }
}
