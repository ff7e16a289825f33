//! End-to-end tests of `govaudit headers URL`: the real binary scans sites served on 127.0.0.1
//! by the test itself (govaudit-site's loopback helper, plain and TLS with a self-signed
//! certificate made at test time): the chain from `http://`, a cookie set on a redirect, the
//! CORS preflight, an invalid certificate, a site without HTTPS, refusals, and the
//! `--save-exchange` / `--input` round trip giving the identical report.

mod common;
#[path = "../crates/govaudit-site/tests/support/loopback.rs"]
mod loopback;
#[path = "../crates/govaudit-site/tests/support/loopback_tls.rs"]
mod loopback_tls;

use common::{govaudit, validate_govaudit_json};
use loopback::{Reply, Request, Server, start};
use loopback_tls::start_tls;
use serde_json::Value;
use std::sync::Arc;

const OBSERVATORY_ORIGIN: &str = "https://http-observatory.security.mozilla.org";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The HTTPS site: a page with a few security headers; the preflight echoes the Origin with
/// credentials allowed (what the Observatory calls universal access).
fn https_routes(request: &Request) -> Reply {
    match (request.method.as_str(), request.path.as_str()) {
        ("GET", "/") => Reply::html(
            200,
            "<!doctype html><title>t</title><script src=/a.js></script>",
        )
        .header("Strict-Transport-Security", "max-age=31536000")
        .header("X-Content-Type-Options", "nosniff")
        .header("Set-Cookie", "a=1; Secure; HttpOnly")
        .header("X-Frame-Options", "DENY")
        .header("Set-Cookie", "b=2; Secure; HttpOnly"),
        ("OPTIONS", "/") => Reply::status(204)
            .header(
                "Access-Control-Allow-Origin",
                header(request, "origin").unwrap_or(""),
            )
            .header("Access-Control-Allow-Credentials", "true"),
        _ => Reply::status(404),
    }
}

/// `http://` answers with a redirect to the HTTPS server and sets a session cookie on the way.
fn http_redirecting_to(https: &Server) -> Arc<dyn Fn(&Request) -> Reply + Send + Sync> {
    let target = format!("{}/", https.base);
    Arc::new(move |request: &Request| match request.path.as_str() {
        "/" => Reply::redirect(301, &target).header("Set-Cookie", "sessionid=abc; Path=/"),
        _ => Reply::status(404),
    })
}

/// Whether something already listens on this loopback port (then a test that needs it closed
/// skips, saying so).
fn port_in_use(port: u16) -> bool {
    let open = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
    if open {
        govaudit_testkit::skip(&format!("127.0.0.1:{port} is in use on this machine"));
    }
    open
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn test_result(report: &Value, test: &str) -> String {
    report["observatory"]["tests"][test]["result"]
        .as_str()
        .unwrap_or_else(|| panic!("no {test} in {report}"))
        .to_owned()
}

#[test]
fn chain_cookie_preflight_and_invalid_certificate_recorded_then_regraded_offline() {
    let rt = runtime();
    let https = rt.block_on(start_tls(Arc::new(https_routes)));
    let http = rt.block_on(start(http_redirecting_to(&https)));
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("exchange.json");
    let saved_arg = saved.to_str().unwrap();
    let start_url = format!("{}/", http.base);

    let https_port = https.base.rsplit(':').next().unwrap().to_owned();
    let live = govaudit(&[
        "headers",
        "--allow-private",
        "--https-port",
        &https_port,
        "--timeout",
        "10",
        "--format",
        "json",
        "--save-exchange",
        saved_arg,
        &start_url,
    ]);
    assert!(live.code == 0 || live.code == 1, "stderr: {}", live.stderr);
    let report = json(&live.stdout);
    validate_govaudit_json(&report);
    // How it went is told on stderr, not in the report (which --input must reproduce).
    assert!(
        live.stderr.contains("govaudit: note: ")
            && live.stderr.contains("the certificate does not verify"),
        "{}",
        live.stderr
    );

    let exchange = json(&std::fs::read_to_string(&saved).unwrap());
    let https_url = format!("{}/", https.base);
    assert_eq!(exchange["url"], https_url.as_str());
    assert_eq!(exchange["status"], 200);
    assert_eq!(
        exchange["http_redirects"],
        serde_json::json!([[start_url, 301], [https_url, 200]])
    );
    assert_eq!(exchange["http_available"], true);
    assert_eq!(exchange["https_available"], true);
    assert_eq!(exchange["cert_valid"], false);
    assert_eq!(
        exchange["redirect_cookies"],
        serde_json::json!([[start_url, "sessionid=abc; Path=/"]])
    );
    // Header lines as the HTTP client hands them over: lower-cased names, both Set-Cookie
    // lines kept (grouped where the first one was).
    let names: Vec<&str> = exchange["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h[0].as_str().unwrap())
        .collect();
    assert!(names.contains(&"strict-transport-security"), "{names:?}");
    assert_eq!(names.iter().filter(|n| **n == "set-cookie").count(), 2);
    assert!(
        exchange["body"]
            .as_str()
            .is_some_and(|b| b.contains("<script src=/a.js>")),
        "{exchange}"
    );
    let cors = exchange["cors_headers"].as_array().unwrap();
    assert!(
        cors.iter()
            .any(|h| h[0] == "access-control-allow-origin" && h[1] == OBSERVATORY_ORIGIN),
        "{cors:?}"
    );

    // The preflight was an OPTIONS to the final URL with the Observatory's Origin.
    let preflight: Vec<Request> = https
        .hits("/")
        .into_iter()
        .filter(|r| r.method == "OPTIONS")
        .collect();
    assert_eq!(preflight.len(), 1);
    assert_eq!(header(&preflight[0], "origin"), Some(OBSERVATORY_ORIGIN));
    assert_eq!(
        header(&preflight[0], "access-control-request-method"),
        Some("GET")
    );

    // Graded as the Observatory grades an invalid certificate, and CORS universal access.
    assert_eq!(
        test_result(&report, "redirection"),
        "redirection-invalid-cert"
    );
    assert_eq!(
        test_result(&report, "strict-transport-security"),
        "hsts-invalid-cert"
    );
    assert_eq!(
        test_result(&report, "cross-origin-resource-sharing"),
        "cross-origin-resource-sharing-implemented-with-universal-access"
    );

    // Offline from the saved exchange: the same report, byte for byte, and the same exit code.
    let offline = govaudit(&["headers", "--format", "json", "--input", saved_arg]);
    assert_eq!(offline.code, live.code, "stderr: {}", offline.stderr);
    assert_eq!(offline.stdout, live.stdout);
    let text_live = govaudit(&[
        "headers",
        "--allow-private",
        "--https-port",
        &https_port,
        &start_url,
    ]);
    let text_offline = govaudit(&["headers", "--input", saved_arg]);
    assert_eq!(text_live.stdout, text_offline.stdout);
    assert!(text_live.stdout.contains("Observatory (algorithm 6)"));
}

#[test]
fn site_without_https_is_graded_from_http() {
    if port_in_use(443) {
        return;
    }
    let rt = runtime();
    let http = rt.block_on(start(Arc::new(|request: &Request| {
        match request.path.as_str() {
            "/" => Reply::html(200, "<title>plain</title>").header("Set-Cookie", "sid=1"),
            _ => Reply::status(404),
        }
    })));
    // HTTPS is tried on 127.0.0.1:443, where nothing of ours listens.
    let out = govaudit(&[
        "headers",
        "--allow-private",
        "--format",
        "json",
        "--observatory-algorithm",
        "4",
        &format!("{}/", http.base),
    ]);
    assert!(out.code == 0 || out.code == 1, "stderr: {}", out.stderr);
    assert!(
        out.stderr.contains("https://127.0.0.1/ did not answer"),
        "{}",
        out.stderr
    );
    let report = json(&out.stdout);
    let observatory = &report["observatory"];
    assert_eq!(observatory["algorithm"], 4);
    assert_eq!(
        test_result(&report, "strict-transport-security"),
        "hsts-not-implemented-no-https"
    );
    assert_eq!(test_result(&report, "redirection"), "redirection-missing");
    assert!(observatory["grade"].is_string(), "{observatory}");
}

#[test]
fn non_public_address_refused_without_allow_private() {
    let rt = runtime();
    let http = rt.block_on(start(Arc::new(|_: &Request| Reply::html(200, "x"))));
    let out = govaudit(&["headers", &format!("{}/", http.base)]);
    assert_eq!(out.code, 2, "stdout: {}", out.stdout);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("non-public address") && out.stderr.contains("--allow-private"),
        "{}",
        out.stderr
    );
    assert!(
        http.log.lock().unwrap().is_empty(),
        "no request may be made"
    );
}

#[test]
fn unreachable_site_is_a_one_line_error() {
    // A port that was just free: nothing answers there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = govaudit(&[
        "headers",
        "--allow-private",
        "--timeout",
        "5",
        &format!("http://127.0.0.1:{port}/"),
    ]);
    assert_eq!(out.code, 2, "stdout: {}", out.stdout);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("did not answer"), "{}", out.stderr);
}

#[test]
fn exactly_one_of_url_and_input() {
    let neither = govaudit(&["headers"]);
    assert_eq!(neither.code, 2);
    let both = govaudit(&[
        "headers",
        "--input",
        "examples/demo-site/_exchanges/home.json",
        "https://www.example.gov/",
    ]);
    assert_eq!(both.code, 2);
    assert!(
        both.stderr.contains("cannot be used with"),
        "{}",
        both.stderr
    );
}

#[test]
fn https_url_or_bare_host_port_speaking_tls() {
    if port_in_use(80) {
        return;
    }
    let rt = runtime();
    let https = rt.block_on(start_tls(Arc::new(https_routes)));
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("exchange.json");
    // HTTP is tried on 127.0.0.1:80, where nothing of ours listens. The bare host:port is
    // probed first and found to speak TLS.
    let bare = https.base.trim_start_matches("https://").to_owned();
    for (target, probes) in [(https.base.as_str(), 0), (bare.as_str(), 1)] {
        let before = https.log.lock().unwrap().len();
        let out = govaudit(&[
            "headers",
            "--allow-private",
            "--format",
            "json",
            "--save-exchange",
            saved.to_str().unwrap(),
            target,
        ]);
        assert!(out.code == 0 || out.code == 1, "stderr: {}", out.stderr);
        let exchange = json(&std::fs::read_to_string(&saved).unwrap());
        assert_eq!(exchange["url"], format!("{}/", https.base).as_str());
        assert_eq!(exchange["http_available"], false);
        assert_eq!(exchange["http_redirects"], serde_json::json!([]));
        assert_eq!(exchange["https_available"], true);
        assert_eq!(exchange["cert_valid"], false);
        let report = json(&out.stdout);
        assert_eq!(
            test_result(&report, "redirection"),
            "redirection-not-needed-no-http"
        );
        assert_eq!(
            test_result(&report, "strict-transport-security"),
            "hsts-invalid-cert"
        );
        // The verified attempt is refused by the client during the handshake; then the
        // unverified GET and the preflight (after the HEAD probe of a bare host:port).
        let methods: Vec<String> = https.log.lock().unwrap()[before..]
            .iter()
            .map(|r| r.method.clone())
            .collect();
        let mut want = vec!["HEAD"; probes];
        want.extend(["GET", "OPTIONS"]);
        assert_eq!(methods, want, "{target}");
    }
}

#[test]
fn redirect_loop_graded_at_the_hop_limit_like_the_observatory() {
    if port_in_use(443) {
        return;
    }
    let rt = runtime();
    let http = rt.block_on(start(Arc::new(|_: &Request| Reply::redirect(302, "/"))));
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("exchange.json");
    let out = govaudit(&[
        "headers",
        "--allow-private",
        "--format",
        "json",
        "--save-exchange",
        saved.to_str().unwrap(),
        // A bare host (and port): scanned from http://host:port/.
        http.base.trim_start_matches("http://"),
    ]);
    assert!(out.code == 0 || out.code == 1, "stderr: {}", out.stderr);
    let exchange = json(&std::fs::read_to_string(&saved).unwrap());
    assert_eq!(
        exchange["http_redirects"][0][0],
        format!("{}/", http.base).as_str()
    );
    // Ten redirects followed, the eleventh response graded.
    let chain = exchange["http_redirects"].as_array().unwrap();
    assert_eq!(chain.len(), 11, "{exchange}");
    assert_eq!(exchange["status"], 302);
    assert_eq!(
        http.hits("/").iter().filter(|r| r.method == "GET").count(),
        11
    );
    let report = json(&out.stdout);
    assert!(report["observatory"]["grade"].is_string(), "{report}");
}

#[test]
fn save_exchange_from_an_input_file_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("home.json");
    let saved_arg = saved.to_str().unwrap();
    let first = govaudit(&[
        "headers",
        "--format",
        "json",
        "--input",
        "examples/demo-site/_exchanges/home.json",
        "--save-exchange",
        saved_arg,
    ]);
    let again = govaudit(&["headers", "--format", "json", "--input", saved_arg]);
    assert_eq!((again.code, &again.stdout), (first.code, &first.stdout));
}
