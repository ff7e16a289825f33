//! Cookies set by redirect responses: the recorded exchange carries them (`redirect_cookies`),
//! `curl -sIL` heads and HAR files fill them in, the Observatory's cookie jar holds those of its
//! graded session, and the neutral cookie rules report every one with the URL that set it.

use govaudit_headers::{Algorithm, Exchange, audit, check, observatory, parse_input};

fn recorded(json: &str) -> Exchange {
    parse_input(json.as_bytes(), None).unwrap()
}

fn cookies_result(e: &Exchange) -> &'static str {
    observatory(e, Algorithm::V6, None)
        .unwrap()
        .test("cookies")
        .unwrap()
        .result
}

const HSTS: &str = r#"["Strict-Transport-Security", "max-age=31536000"]"#;

#[test]
fn https_redirect_cookies_are_in_the_observatory_jar() {
    let e = recorded(&format!(
        r#"{{"url": "https://www.a.example/", "status": 200, "headers": [{HSTS}],
        "http_redirects": [["http://a.example/", 301], ["https://a.example/", 301], ["https://www.a.example/", 200]],
        "redirect_cookies": [["https://a.example/", "sessionid=1; Path=/"]]}}"#
    ));
    assert_eq!(e.redirect_cookies.len(), 1);
    assert_eq!(cookies_result(&e), "cookies-session-without-httponly-flag");
    // Without the redirect cookie the graded response sets none.
    let mut bare = e.clone();
    bare.redirect_cookies.clear();
    assert_eq!(cookies_result(&bare), "cookies-not-found");
    // The JSON form round-trips.
    let back: Exchange = serde_json::from_value(serde_json::to_value(&e).unwrap()).unwrap();
    assert_eq!(back, e);
}

#[test]
fn http_hop_cookies_belong_to_another_session_when_https_answers() {
    let e = recorded(&format!(
        r#"{{"url": "https://a.example/", "status": 200, "headers": [{HSTS}],
        "http_redirects": [["http://a.example/", 301], ["https://a.example/", 200]],
        "redirect_cookies": [["http://a.example/", "sessionid=1; Path=/"]]}}"#
    ));
    assert_eq!(cookies_result(&e), "cookies-not-found");
    // The browser still got it over plain HTTP: the neutral rules report it, naming the hop.
    let findings = check(&e, None);
    let f = findings
        .iter()
        .find(|f| f.rule == "headers/cookie-without-secure")
        .expect("cookie-without-secure");
    assert_eq!(f.evidence["set_by_redirect"], "http://a.example/");
    assert_eq!(f.evidence["cookie"], "sessionid");
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "headers/cookie-session-without-httponly")
    );
}

#[test]
fn without_https_the_http_session_is_graded_with_its_hops() {
    let e = recorded(
        r#"{"url": "http://a.example/home", "status": 200, "headers": [],
        "http_redirects": [["http://a.example/", 302], ["http://a.example/home", 200]],
        "redirect_cookies": [["http://a.example/", "lang=zh; Path=/"]]}"#,
    );
    assert!(!e.https_available());
    assert_eq!(cookies_result(&e), "cookies-without-secure-flag");
}

#[test]
fn a_later_cookie_replaces_the_redirect_one_in_the_jar() {
    let e = recorded(&format!(
        r#"{{"url": "https://a.example/", "status": 200,
        "headers": [{HSTS}, ["Set-Cookie", "sessionid=2; Path=/; Secure; HttpOnly; SameSite=Lax"]],
        "http_redirects": [["http://a.example/", 301], ["https://a.example/", 200]],
        "redirect_cookies": [["https://a.example/start", "sessionid=1; Path=/"]]}}"#
    ));
    assert_eq!(
        cookies_result(&e),
        "cookies-secure-with-httponly-sessions-and-samesite"
    );
    // A cookie for another path is another cookie.
    let mut other_path = e.clone();
    other_path.redirect_cookies[0].value = "sessionid=1; Path=/start".into();
    assert_eq!(
        cookies_result(&other_path),
        "cookies-session-without-httponly-flag"
    );
    // Findings and grade from one parse agree with the separate calls.
    let both = audit(&e, Algorithm::V6, None);
    assert_eq!(both.findings, check(&e, None));
    assert_eq!(both.observatory, observatory(&e, Algorithm::V6, None));
}

#[test]
fn curl_heads_and_har_files_record_redirect_cookies() {
    let heads = b"HTTP/1.1 301 Moved Permanently\r\nLocation: https://a.example/\r\nSet-Cookie: hop=1; Path=/\r\n\r\n\
HTTP/2 302\r\nlocation: /home\r\nset-cookie: sessionid=1; Secure\r\n\r\n\
HTTP/2 200\r\nset-cookie: final=1; Secure\r\n\r\n";
    let e = parse_input(heads, Some("http://a.example/")).unwrap();
    let got: Vec<(&str, &str)> = e
        .redirect_cookies
        .iter()
        .map(|c| (c.url.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("http://a.example/", "hop=1; Path=/"),
            ("https://a.example/", "sessionid=1; Secure"),
        ]
    );
    assert_eq!(e.set_cookies(), ["final=1; Secure"]);

    let har = br#"{"log": {"version": "1.2", "entries": [
      {"request": {"url": "http://a.example/"}, "response": {"status": 301, "redirectURL": "https://a.example/",
        "headers": [{"name": "Set-Cookie", "value": "hop=1"}]}},
      {"request": {"url": "https://a.example/"}, "response": {"status": 200, "redirectURL": "",
        "headers": [{"name": "content-type", "value": "text/html"}]}}]}}"#;
    let e = parse_input(har, None).unwrap();
    assert_eq!(e.redirect_cookies.len(), 1);
    assert_eq!(e.redirect_cookies[0].url, "http://a.example/");
    assert_eq!(e.redirect_cookies[0].value, "hop=1");
}
