use govaudit_core::Finding;

/// FNV-1a, 64 bits: tiny, with a published constant, so a fingerprint is the same on every
/// platform, Rust version and run (std's `DefaultHasher` promises none of that).
fn fnv1a_64(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator that cannot occur in text keeps ("ab","c") apart from ("a","bc").
            hash ^= 0xff;
            hash = hash.wrapping_mul(PRIME);
        }
        for &byte in part.as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// Evidence fields that name what a finding is about, in order of preference: a link's
/// resolved `target` (its `href` as written when it has none), a disclosure item's id.
const TARGET_EVIDENCE: [&str; 3] = ["target", "href", "item"];

/// A stable identity for a finding across runs (SARIF `partialFingerprints["govaudit/v1"]`): the
/// rule, the resource, and where on it the problem is:
///
/// 1. the element's CSS selector;
/// 2. else the header name (lower-cased), with the cookie's name for cookie findings;
/// 3. else the finding's target from its evidence (a link's resolved URL, a disclosure item
///    id; see `TARGET_EVIDENCE`);
/// 4. else the piece of source it points at (`location.snippet`: a mixed-content reference);
/// 5. else the message with every number taken out (`stale-homepage`: its dates and ages
///    change every day, the problem does not).
///
/// Line numbers are left out on purpose, so editing the page above a problem does not make
/// it look new; so are counts and dates in messages.
pub fn finding_fingerprint(finding: &Finding) -> String {
    let location = &finding.location;
    let evidence_text = |key: &str| {
        finding
            .evidence
            .get(key)
            .and_then(|value| value.as_str())
            .filter(|text| !text.is_empty())
    };
    let (kind, place): (&str, String) = if let Some(selector) = &location.selector {
        ("selector", selector.clone())
    } else if let Some(header) = &location.header {
        // Header names are case-insensitive; `HSTS` findings must not split by spelling.
        let mut place = header.to_ascii_lowercase();
        if let Some(cookie) = evidence_text("cookie") {
            // Two cookies set without `Secure` are two problems. The unit separator cannot
            // occur in a header name.
            place.push('\u{1f}');
            place.push_str(cookie);
        }
        ("header", place)
    } else if let Some(target) = TARGET_EVIDENCE.iter().find_map(|key| evidence_text(key)) {
        ("target", target.to_owned())
    } else if let Some(snippet) = &location.snippet {
        ("snippet", snippet.clone())
    } else {
        ("message", without_numbers(&finding.message))
    };
    format!(
        "{:016x}",
        fnv1a_64(&[&finding.rule, &finding.url, kind, &place])
    )
}

/// `text` with every run of numeric characters (ASCII, full-width and other digits) replaced
/// by `#`: `from 2026-11-01, 37 days` → `from #-#-#, # days`.
fn without_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        if c.is_numeric() {
            if !in_number {
                out.push('#');
            }
            in_number = true;
        } else {
            out.push(c);
            in_number = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use govaudit_core::{Location, Outcome, Severity};
    use proptest::prelude::*;

    fn finding(rule: &str, message: &str, location: Location) -> Finding {
        Finding {
            rule: rule.into(),
            outcome: Outcome::Fail,
            severity: Severity::High,
            message: message.into(),
            url: "https://www.example.gov.cn/".into(),
            location,
            standards: Default::default(),
            help: None,
            evidence: Default::default(),
        }
    }

    #[test]
    fn fnv1a_matches_published_vectors() {
        // From the FNV reference test suite.
        assert_eq!(fnv1a_64(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(&["a"]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(&["foobar"]), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn parts_are_kept_apart() {
        assert_ne!(fnv1a_64(&["ab", "c"]), fnv1a_64(&["a", "bc"]));
    }

    /// Selector and header fingerprints are the ones baselines and SARIF alerts already hold.
    #[test]
    fn selector_and_header_fingerprints_are_unchanged() {
        let at_selector = Location {
            selector: Some("#main > img".into()),
            line: Some(12),
            ..Location::default()
        };
        assert_eq!(
            finding_fingerprint(&finding("a11y/image-alt", "m 1", at_selector)),
            "59b43a5164811b90"
        );
        let at_header = Location::header("Strict-Transport-Security");
        assert_eq!(
            finding_fingerprint(&finding("a11y/image-alt", "m 2", at_header)),
            "875ed34d6a1a4e8f"
        );
    }

    #[test]
    fn a_selector_less_finding_keeps_its_fingerprint_when_dates_and_counts_change() {
        let stale = |newest: &str, age: u32, as_of: &str| {
            finding(
                "disclosure/stale-homepage",
                &format!(
                    "The homepage shows no dates and the newest dated item on the pages it links to is from {newest}, {age} days before {as_of}; the limit is 30 days."
                ),
                Location::resource(),
            )
        };
        assert_eq!(
            finding_fingerprint(&stale("2026-11-01", 37, "2026-12-08")),
            finding_fingerprint(&stale("2026-11-01", 38, "2026-12-09"))
        );
        let missing = |pages: u32| {
            finding(
                "disclosure/missing-item",
                &format!("cn.psb_beian not found on the {pages} page(s) checked."),
                Location::resource(),
            )
            .with_evidence("item", "cn.psb_beian")
        };
        assert_eq!(
            finding_fingerprint(&missing(26)),
            finding_fingerprint(&missing(140))
        );
        // Another kind of problem of the same rule on the same page stays apart.
        let review = finding(
            "disclosure/stale-homepage",
            "Neither the homepage nor the pages it links to show a dated list, so the last update cannot be told.",
            Location::resource(),
        );
        assert_ne!(
            finding_fingerprint(&review),
            finding_fingerprint(&stale("2026-11-01", 37, "2026-12-08"))
        );
    }

    #[test]
    fn two_targets_on_one_page_differ() {
        let css_ref = |target: &str, line: u32| {
            finding(
                "links/broken",
                "The reference is broken.",
                Location {
                    line: Some(line),
                    snippet: Some("background: url(x)".into()),
                    ..Location::default()
                },
            )
            .with_evidence("target", target)
        };
        let a = css_ref("https://www.example.gov.cn/images/a.gif", 3);
        let b = css_ref("https://www.example.gov.cn/images/b.gif", 3);
        assert_ne!(finding_fingerprint(&a), finding_fingerprint(&b));
        // The same reference moved down the sheet is the same problem.
        let a_moved = css_ref("https://www.example.gov.cn/images/a.gif", 9);
        assert_eq!(finding_fingerprint(&a), finding_fingerprint(&a_moved));

        let item = |id: &str| {
            finding(
                "disclosure/missing-item",
                "not found on the 3 page(s) checked.",
                Location::resource(),
            )
            .with_evidence("item", id)
        };
        assert_ne!(
            finding_fingerprint(&item("cn.psb_beian")),
            finding_fingerprint(&item("cn.xxgk_annual_report"))
        );

        let cookie = |name: &str| {
            finding(
                "headers/cookie-without-secure",
                &format!("Cookie {name} is set without Secure."),
                Location::header("Set-Cookie"),
            )
            .with_evidence("cookie", name)
        };
        assert_ne!(
            finding_fingerprint(&cookie("JSESSIONID")),
            finding_fingerprint(&cookie("lang"))
        );

        let mixed = |url: &str| {
            finding(
                "headers/mixed-content",
                &format!("<img> loads {url} over plain HTTP."),
                Location {
                    snippet: Some(format!("<img src=\"{url}\">")),
                    ..Location::default()
                },
            )
        };
        assert_ne!(
            finding_fingerprint(&mixed("http://a.example/1.png")),
            finding_fingerprint(&mixed("http://a.example/2.png"))
        );
    }

    #[test]
    fn numbers_are_taken_out_of_messages() {
        assert_eq!(
            without_numbers("from 2026-11-01, 37 days; ２０ 次"),
            "from #-#-#, # days; # 次"
        );
        assert_eq!(without_numbers("no digits"), "no digits");
    }

    proptest! {
        /// Whatever numbers a message carries, a selector-less finding keeps its fingerprint.
        #[test]
        fn numbers_in_a_message_do_not_move_its_fingerprint(
            words in proptest::collection::vec("[a-z ]{0,8}", 1..6),
            first in proptest::collection::vec(0u64..1_000_000, 6),
            second in proptest::collection::vec(0u64..1_000_000, 6),
        ) {
            let message = |numbers: &[u64]| {
                words
                    .iter()
                    .zip(numbers)
                    .map(|(w, n)| format!("{w}{n}"))
                    .collect::<String>()
            };
            let a = finding("headers/value-oversized", &message(&first), Location::resource());
            let b = finding("headers/value-oversized", &message(&second), Location::resource());
            prop_assert_eq!(finding_fingerprint(&a), finding_fingerprint(&b));
        }
    }
}
