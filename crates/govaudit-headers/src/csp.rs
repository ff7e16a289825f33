//! `ContentSecurityPolicy`: a CSP Level 3 policy parsed the way browsers (and Google's CSP
//! Evaluator `parser.ts`) do: directives split on `;`, names lower-cased, the first occurrence of
//! a directive wins, keywords and schemes lower-cased, other sources kept as written.

use std::borrow::Cow;

/// Where a policy came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicySource {
    Header,
    ReportOnly,
    Meta,
}

impl PolicySource {
    /// The header name (or the meta form) for locations and evidence.
    pub fn header_name(self) -> &'static str {
        match self {
            PolicySource::Header => "Content-Security-Policy",
            PolicySource::ReportOnly => "Content-Security-Policy-Report-Only",
            PolicySource::Meta => "<meta http-equiv=Content-Security-Policy>",
        }
    }
}

/// One parsed policy, raw text kept. Names and sources borrow the header text (`'a`) unless
/// lower-casing changed them: an exchange is audited without copying its policies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentSecurityPolicy<'a> {
    pub raw: Cow<'a, str>,
    pub source: PolicySource,
    /// Directives in order: name (lower-case) and values (de-duplicated).
    pub directives: Vec<(Cow<'a, str>, Vec<Cow<'a, str>>)>,
    /// Directives that appeared again and were ignored (browsers keep the first).
    pub repeated: Vec<Cow<'a, str>>,
}

/// ASCII lower case, borrowed when there is no capital to change.
pub(crate) fn ascii_lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// CSP keywords known to the CSP Evaluator (`csp.ts` `Keyword`).
pub const KEYWORDS: &[&str] = &[
    "'self'",
    "'none'",
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'wasm-eval'",
    "'wasm-unsafe-eval'",
    "'strict-dynamic'",
    "'unsafe-hashed-attributes'",
    "'unsafe-hashes'",
    "'report-sample'",
    "'block'",
    "'allow'",
    "'inline-speculation-rules'",
];

/// Directives known to the CSP Evaluator (`csp.ts` `Directive`).
pub const DIRECTIVES: &[&str] = &[
    "child-src",
    "connect-src",
    "default-src",
    "font-src",
    "frame-src",
    "img-src",
    "media-src",
    "object-src",
    "script-src",
    "script-src-attr",
    "script-src-elem",
    "style-src",
    "style-src-attr",
    "style-src-elem",
    "prefetch-src",
    "manifest-src",
    "worker-src",
    "base-uri",
    "plugin-types",
    "sandbox",
    "disown-opener",
    "form-action",
    "frame-ancestors",
    "navigate-to",
    "report-to",
    "report-uri",
    "block-all-mixed-content",
    "upgrade-insecure-requests",
    "reflected-xss",
    "referrer",
    "require-sri-for",
    "trusted-types",
    "require-trusted-types-for",
    "webrtc",
];

/// Fetch directives that fall back to `default-src`.
pub const FETCH_DIRECTIVES: &[&str] = &[
    "child-src",
    "connect-src",
    "default-src",
    "font-src",
    "frame-src",
    "img-src",
    "manifest-src",
    "media-src",
    "object-src",
    "script-src",
    "script-src-attr",
    "script-src-elem",
    "style-src",
    "style-src-attr",
    "style-src-elem",
    "worker-src",
];

/// A set of table entries looked up by hash (the evaluator asks for every directive and source).
type NameSet = std::sync::LazyLock<
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<crate::tables::Fnv>>,
>;

static DIRECTIVE_SET: NameSet = std::sync::LazyLock::new(|| DIRECTIVES.iter().copied().collect());
static KEYWORD_SET: NameSet = std::sync::LazyLock::new(|| KEYWORDS.iter().copied().collect());
/// [`KEYWORDS`] without their single quotes (`self`).
static BARE_KEYWORD_SET: NameSet = std::sync::LazyLock::new(|| {
    KEYWORDS
        .iter()
        .filter_map(|k| k.strip_prefix('\'')?.strip_suffix('\''))
        .collect()
});

/// Directive names and bare keywords are lower-case letters and hyphens: anything else (a
/// host, a quoted source) is rejected before hashing.
fn letters_and_hyphens(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

pub fn is_directive(name: &str) -> bool {
    letters_and_hyphens(name) && DIRECTIVE_SET.contains(name)
}

pub fn is_keyword(value: &str) -> bool {
    value.starts_with('\'') && KEYWORD_SET.contains(value)
}

/// A keyword written without its single quotes (`self`).
pub fn is_bare_keyword(value: &str) -> bool {
    letters_and_hyphens(value) && BARE_KEYWORD_SET.contains(value)
}

/// `^[a-zA-Z][+a-zA-Z0-9.-]*:$`
pub fn is_url_scheme(value: &str) -> bool {
    let Some(body) = value.strip_suffix(':') else {
        return false;
    };
    let mut chars = body.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
}

fn base64ish(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    s.len() - body.len() <= 2
        && !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '_' | '-'))
}

/// `'nonce-…'`; `strict` also requires the base64 charset.
pub fn is_nonce(value: &str, strict: bool) -> bool {
    let Some(inner) = value
        .strip_prefix("'nonce-")
        .and_then(|v| v.strip_suffix('\''))
    else {
        return false;
    };
    if strict {
        base64ish(inner)
    } else {
        !inner.is_empty()
    }
}

/// `'sha256-…'`, `'sha384-…'`, `'sha512-…'`; `strict` also requires the base64 charset.
pub fn is_hash(value: &str, strict: bool) -> bool {
    let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) else {
        return false;
    };
    let Some(digest) = ["sha256-", "sha384-", "sha512-"]
        .iter()
        .find_map(|p| inner.strip_prefix(p))
    else {
        return false;
    };
    if strict {
        base64ish(digest)
    } else {
        !digest.is_empty()
    }
}

impl<'a> ContentSecurityPolicy<'a> {
    /// Parses one serialized policy (never fails: any text is a policy, maybe an empty one).
    pub fn parse(raw: &'a str, source: PolicySource) -> Self {
        // At most one directive per `;`-separated token: sized once.
        let tokens = raw.bytes().filter(|&b| b == b';').count() + 1;
        let mut directives: Vec<(Cow<'a, str>, Vec<Cow<'a, str>>)> = Vec::with_capacity(tokens);
        let mut repeated = Vec::new();
        for token in raw.split(';') {
            let mut parts = token.split_ascii_whitespace();
            let Some(name) = parts.next() else { continue };
            let name = ascii_lower(name);
            if directives.iter().any(|(d, _)| *d == name) {
                repeated.push(name);
                continue;
            }
            let mut values: Vec<Cow<'a, str>> = Vec::new();
            for value in parts {
                // KEYWORDS are lower-case ASCII: comparing without case is comparing the
                // lower-cased value.
                let value = if KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(value))
                    || is_url_scheme(value)
                {
                    ascii_lower(value)
                } else {
                    Cow::Borrowed(value)
                };
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            directives.push((name, values));
        }
        ContentSecurityPolicy {
            raw: Cow::Borrowed(raw),
            source,
            directives,
            repeated,
        }
    }

    /// Splits a field value on `,` (RFC 9110 joins repeated lines that way) and parses each.
    pub fn parse_list(field: &'a str, source: PolicySource) -> Vec<Self> {
        field
            .split(',')
            .filter(|p| !p.trim().is_empty())
            .map(|p| ContentSecurityPolicy::parse(p.trim(), source))
            .collect()
    }

    /// The same policy owning its text (for policies parsed from a temporary string).
    pub fn into_owned(self) -> ContentSecurityPolicy<'static> {
        fn own(c: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(c.into_owned())
        }
        ContentSecurityPolicy {
            raw: own(self.raw),
            source: self.source,
            directives: self
                .directives
                .into_iter()
                .map(|(d, v)| (own(d), v.into_iter().map(own).collect()))
                .collect(),
            repeated: self.repeated.into_iter().map(own).collect(),
        }
    }

    pub fn get(&self, directive: &str) -> Option<&[Cow<'a, str>]> {
        self.directives
            .iter()
            .find(|(d, _)| d == directive)
            .map(|(_, v)| v.as_slice())
    }

    pub fn has(&self, directive: &str) -> bool {
        self.get(directive).is_some()
    }

    /// CSP3 fallback: `script-src-elem` → `script-src` → `default-src`, and so on.
    pub fn effective_directive<'d>(&self, directive: &'d str) -> &'d str {
        if self.has(directive) {
            return directive;
        }
        if matches!(directive, "script-src-attr" | "script-src-elem") && self.has("script-src") {
            return "script-src";
        }
        if matches!(directive, "style-src-attr" | "style-src-elem") && self.has("style-src") {
            return "style-src";
        }
        if FETCH_DIRECTIVES.contains(&directive) {
            return "default-src";
        }
        directive
    }

    pub fn effective_values(&self, directive: &str) -> &[Cow<'a, str>] {
        self.get(self.effective_directive(directive)).unwrap_or(&[])
    }

    fn effective_has(&self, directive: &str, pred: impl Fn(&str) -> bool) -> bool {
        self.effective_values(directive).iter().any(|v| pred(v))
    }

    pub fn has_script_nonces(&self, directive: &str) -> bool {
        self.effective_has(directive, |v| is_nonce(v, true))
    }

    pub fn has_script_hashes(&self, directive: &str) -> bool {
        self.effective_has(directive, |v| is_hash(v, true))
    }

    pub fn has_strict_dynamic(&self, directive: &str) -> bool {
        self.effective_has(directive, |v| v == "'strict-dynamic'")
    }

    /// [`Self::effective`] without a copy when it would change nothing (no `'unsafe-inline'`
    /// beside a nonce or hash, no source that `'strict-dynamic'` drops).
    pub fn effective_cow(&self) -> Cow<'_, Self> {
        let changes = ["script-src", "script-src-attr", "script-src-elem"]
            .iter()
            .any(|d| {
                let Some(values) = self.get(self.effective_directive(d)) else {
                    return false;
                };
                let nonce_or_hash = values.iter().any(|v| is_nonce(v, true) || is_hash(v, true));
                let unsafe_inline = values.iter().any(|v| v == "'unsafe-inline'");
                let strict_dynamic = values.iter().any(|v| v == "'strict-dynamic'");
                (nonce_or_hash && unsafe_inline)
                    || (strict_dynamic
                        && values.iter().any(|v| {
                            !v.starts_with('\'') || v == "'self'" || v == "'unsafe-inline'"
                        }))
            });
        if changes {
            Cow::Owned(self.effective())
        } else {
            Cow::Borrowed(self)
        }
    }

    /// The CSP Evaluator's `getEffectiveCsp(CSP3)`: `'unsafe-inline'` dropped where a nonce or
    /// hash is present; host and scheme sources, `'self'` and `'unsafe-inline'` dropped where
    /// `'strict-dynamic'` is present.
    pub fn effective(&self) -> Self {
        let mut eff = self.clone();
        for d in ["script-src", "script-src-attr", "script-src-elem"] {
            let name = eff.effective_directive(d);
            let original: Vec<Cow<'a, str>> = self.get(name).map(<[_]>::to_vec).unwrap_or_default();
            let nonce_or_hash = eff.has_script_nonces(name) || eff.has_script_hashes(name);
            let strict_dynamic = self.has_strict_dynamic(name);
            let Some((_, values)) = eff.directives.iter_mut().find(|(n, _)| *n == name) else {
                continue;
            };
            if nonce_or_hash && original.iter().any(|v| v == "'unsafe-inline'") {
                values.retain(|v| v != "'unsafe-inline'");
            }
            if strict_dynamic {
                for v in &original {
                    if !v.starts_with('\'') || v == "'self'" || v == "'unsafe-inline'" {
                        values.retain(|x| x != v);
                    }
                }
            }
        }
        eff
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lookups_agree_with_the_tables() {
        assert!(
            DIRECTIVES
                .iter()
                .all(|d| letters_and_hyphens(d) && is_directive(d))
        );
        assert!(KEYWORDS.iter().all(|k| is_keyword(k)));
        for k in KEYWORDS {
            assert!(is_bare_keyword(k.trim_matches('\'')), "{k}");
        }
        for other in [
            "",
            "Script-src",
            "script-src ",
            "'self",
            "self",
            "https://a",
            "'SELF'",
        ] {
            assert_eq!(is_directive(other), DIRECTIVES.contains(&other), "{other}");
            assert_eq!(is_keyword(other), KEYWORDS.contains(&other), "{other}");
        }
    }

    #[test]
    fn parses_like_browsers() {
        let p = ContentSecurityPolicy::parse(
            "Script-Src 'SELF' HTTPS: https://A.example 'self'; script-src 'none';;img-src",
            PolicySource::Header,
        );
        assert_eq!(
            p.get("script-src").unwrap(),
            ["'self'", "https:", "https://A.example"]
        );
        assert_eq!(p.repeated, ["script-src"]);
        assert_eq!(p.get("img-src").unwrap().len(), 0);
        assert_eq!(p.effective_directive("script-src-elem"), "script-src");
        assert_eq!(p.effective_directive("font-src"), "default-src");
    }

    #[test]
    fn effective_policy_drops_ignored_sources() {
        let p = ContentSecurityPolicy::parse(
            "script-src 'nonce-abcdefgh' 'unsafe-inline' 'strict-dynamic' https: 'self'",
            PolicySource::Header,
        );
        assert_eq!(
            p.effective().get("script-src").unwrap(),
            ["'nonce-abcdefgh'", "'strict-dynamic'"]
        );
        assert!(is_nonce("'nonce-abc+/='", true));
        assert!(!is_nonce("'nonce-ab$c'", true));
        assert!(is_hash("'sha256-abc='", true));
    }
}
