//! Headers with a small grammar: X-Frame-Options, X-Content-Type-Options, Referrer-Policy,
//! Cache-Control.

/// `X-Frame-Options` (HTML Standard: a single `DENY` or `SAMEORIGIN`; identical repeated values
/// collapse).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XFrameOptions {
    Deny,
    SameOrigin,
    /// `ALLOW-FROM` is obsolete: browsers ignore it.
    AllowFrom(String),
    Invalid(String),
}

impl XFrameOptions {
    pub fn parse(field: &str) -> Self {
        // Values compared without ASCII case, as their lower-cased copies would be.
        let mut values = field.split(',').map(str::trim).filter(|v| !v.is_empty());
        let first = values.next().unwrap_or_default();
        if values.any(|v| !v.eq_ignore_ascii_case(first)) {
            return XFrameOptions::Invalid(field.to_owned());
        }
        if first.eq_ignore_ascii_case("deny") {
            XFrameOptions::Deny
        } else if first.eq_ignore_ascii_case("sameorigin") {
            XFrameOptions::SameOrigin
        } else if first
            .get(..10)
            .is_some_and(|p| p.eq_ignore_ascii_case("allow-from"))
        {
            XFrameOptions::AllowFrom(field.to_owned())
        } else {
            XFrameOptions::Invalid(field.to_owned())
        }
    }
}

/// `X-Content-Type-Options` (Fetch: the first value decides).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XContentTypeOptions {
    NoSniff,
    Invalid(String),
}

impl XContentTypeOptions {
    pub fn parse(field: &str) -> Self {
        let first = field.split(',').next().unwrap_or("").trim();
        if first.eq_ignore_ascii_case("nosniff") {
            XContentTypeOptions::NoSniff
        } else {
            XContentTypeOptions::Invalid(field.to_owned())
        }
    }
}

/// Every token of Referrer Policy, in the spec's order.
pub const REFERRER_POLICY_TOKENS: &[&str] = &[
    "no-referrer",
    "no-referrer-when-downgrade",
    "same-origin",
    "origin",
    "strict-origin",
    "origin-when-cross-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
];

/// `Referrer-Policy`: the last recognised token wins (Referrer Policy §8.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferrerPolicy {
    pub raw: String,
    /// The policy in effect, if any token was recognised.
    pub policy: Option<String>,
}

impl ReferrerPolicy {
    pub fn parse(field: &str) -> Self {
        let policy = field
            .split(',')
            .map(|t| t.trim().to_ascii_lowercase())
            .rfind(|t| REFERRER_POLICY_TOKENS.contains(&t.as_str()));
        ReferrerPolicy {
            raw: field.to_owned(),
            policy,
        }
    }

    /// Whether the full URL (path and query) can leak to other origins.
    pub fn leaks_full_url(&self) -> bool {
        matches!(
            self.policy.as_deref(),
            Some(
                "unsafe-url" | "no-referrer-when-downgrade" | "origin-when-cross-origin" | "origin"
            )
        )
    }
}

/// `Cache-Control` directives (RFC 9111 §5.2): lower-case names with optional values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheControl {
    pub raw: String,
    pub directives: Vec<(String, Option<String>)>,
}

impl CacheControl {
    pub fn parse(field: &str) -> Self {
        let directives = field
            .split(',')
            .filter_map(|d| {
                let d = d.trim();
                if d.is_empty() {
                    return None;
                }
                Some(match d.split_once('=') {
                    Some((k, v)) => (
                        k.trim().to_ascii_lowercase(),
                        Some(v.trim().trim_matches('"').to_owned()),
                    ),
                    None => (d.to_ascii_lowercase(), None),
                })
            })
            .collect();
        CacheControl {
            raw: field.to_owned(),
            directives,
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.directives.iter().any(|(d, _)| d == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_grammars() {
        assert_eq!(XFrameOptions::parse("DENY, deny"), XFrameOptions::Deny);
        assert!(matches!(
            XFrameOptions::parse("DENY, SAMEORIGIN"),
            XFrameOptions::Invalid(_)
        ));
        assert_eq!(
            XContentTypeOptions::parse("nosniff, nosniff"),
            XContentTypeOptions::NoSniff
        );
        let rp = ReferrerPolicy::parse("no-referrer, bogus, unsafe-url, nonsense");
        assert_eq!(rp.policy.as_deref(), Some("unsafe-url"));
        assert!(rp.leaks_full_url());
        assert!(CacheControl::parse("no-store, max-age=0").has("no-store"));
    }
}
