//! Hostile input: no parser panics on arbitrary strings or bytes; structured fields round-trip.

use govaudit_core::HeaderField;
use govaudit_headers::csp::{ContentSecurityPolicy, PolicySource};
use govaudit_headers::parse::{HstsPolicy, PermissionsPolicy, SetCookie, StructuredPolicy};
use govaudit_headers::{Algorithm, Exchange, observatory, parse_input};
use proptest::prelude::*;

proptest! {
    #[test]
    fn header_parsers_never_panic(s in "\\PC*") {
        let _ = HstsPolicy::parse(&s);
        let _ = SetCookie::parse(&s);
        let _ = StructuredPolicy::parse(&s);
        let _ = PermissionsPolicy::parse(&s);
        let p = ContentSecurityPolicy::parse(&s, PolicySource::Header);
        let _ = govaudit_headers::csp_evaluator::evaluate(&p);
        let _ = govaudit_headers::observatory::csp::parse(std::slice::from_ref(&s));
    }

    #[test]
    fn inputs_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse_input(&bytes, None);
        let mut http = b"HTTP/1.1 200 OK\r\n".to_vec();
        http.extend_from_slice(&bytes);
        let _ = parse_input(&http, Some("http://a.example/"));
    }

    #[test]
    fn whole_pipeline_never_panics(name in "[A-Za-z-]{1,30}", value in proptest::collection::vec(any::<u8>(), 0..300), body in "\\PC{0,200}") {
        for header in [name.as_str(), "Content-Security-Policy", "Set-Cookie", "Strict-Transport-Security", "Content-Type"] {
            let mut e = Exchange::new("https://a.example/", vec![HeaderField::new(header, value.clone()), HeaderField::new("Content-Type", "text/html")]);
            e.body = Some(body.clone());
            let _ = govaudit_headers::check(&e, None);
            for a in [Algorithm::V4, Algorithm::V5, Algorithm::V6] {
                let _ = observatory(&e, a, None);
            }
        }
    }

    /// Known names are never reported; an invented `zz-` name always is, once, in order.
    #[test]
    fn permissions_policy_unknown_features_are_the_invented_ones(
        known in proptest::collection::vec(prop_oneof![
            Just("geolocation"), Just("camera"), Just("interest-cohort"), Just("window-placement"),
            Just("publickey-credentials-create"), Just("ch-ua-platform"), Just("xr-spatial-tracking"),
        ], 0..5),
        invented in proptest::collection::vec("zz-[a-z0-9-]{0,10}", 0..4),
        header in "\\PC{0,60}",
    ) {
        let _ = PermissionsPolicy::parse(&header).map(|p| p.unknown_features().len());
        let mut names: Vec<String> = known.iter().map(|s| (*s).to_owned()).collect();
        names.extend(invented.iter().cloned());
        let text: Vec<String> = names.iter().map(|n| format!("{n}=()")).collect();
        let parsed = PermissionsPolicy::parse(&text.join(", ")).unwrap();
        // A repeated key keeps its first position (RFC 8941 dictionaries).
        let mut expected: Vec<&str> = Vec::new();
        for n in &invented {
            if !expected.contains(&n.as_str()) {
                expected.push(n);
            }
        }
        prop_assert_eq!(parsed.unknown_features(), expected);
    }

    #[test]
    fn permissions_policy_round_trips(features in proptest::collection::vec(("[a-z][a-z-]{0,12}", prop_oneof![Just("()"), Just("*"), Just("(self)"), Just("(self \"https://a.example\")")]), 1..6)) {
        let text: Vec<String> = features.iter().map(|(f, v)| format!("{f}={v}")).collect();
        let parsed = PermissionsPolicy::parse(&text.join(", ")).unwrap();
        let serialized = parsed.serialize().unwrap();
        let again = PermissionsPolicy::parse(&serialized).unwrap();
        prop_assert_eq!(again.dictionary, parsed.dictionary);
    }
}
