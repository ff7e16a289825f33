//! `Set-Cookie` (RFC 6265bis): name, attributes and prefixes.

use std::borrow::Cow;

/// `SameSite` as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum SameSite {
    Strict,
    Lax,
    None,
    /// Present with an empty or unknown value (browsers treat it as absent: Lax by default).
    Invalid(String),
}

/// `__Secure-` and `__Host-` name prefixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum CookiePrefix {
    Secure,
    Host,
}

/// One parsed `Set-Cookie` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetCookie<'a> {
    /// The line, borrowed from the header where it can be.
    pub raw: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub secure: bool,
    pub http_only: bool,
    pub same_site: Option<SameSite>,
    pub domain: Option<String>,
    pub path: Option<Cow<'a, str>>,
    pub prefix: Option<CookiePrefix>,
}

impl<'a> SetCookie<'a> {
    /// Parses a line; `None` when browsers would ignore it (no `=` and no name, or control
    /// characters in the name or value).
    pub fn parse(raw: &'a str) -> Option<Self> {
        let (pair, attributes) = raw.split_once(';').unwrap_or((raw, ""));
        let (name, value) = pair.split_once('=').unwrap_or(("", pair));
        let (name, value) = (name.trim(), value.trim());
        if name.is_empty() && value.is_empty() {
            return None;
        }
        // An ASCII control character is one byte in UTF-8, and no other character has such
        // a byte.
        if name
            .bytes()
            .chain(value.bytes())
            .any(|b| b.is_ascii_control() && b != b'\t')
        {
            return None;
        }
        let mut cookie = SetCookie {
            raw: Cow::Borrowed(raw),
            name: Cow::Borrowed(name),
            secure: false,
            http_only: false,
            same_site: None,
            domain: None,
            path: None,
            prefix: if name.starts_with("__Host-") {
                Some(CookiePrefix::Host)
            } else if name.starts_with("__Secure-") {
                Some(CookiePrefix::Secure)
            } else {
                None
            },
        };
        for attribute in attributes.split(';') {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            let value = value.trim();
            // Attribute names and SameSite values compared without case (no lower-cased copy).
            let key = key.trim();
            if key.eq_ignore_ascii_case("secure") {
                cookie.secure = true;
            } else if key.eq_ignore_ascii_case("httponly") {
                cookie.http_only = true;
            } else if key.eq_ignore_ascii_case("domain") {
                if !value.is_empty() {
                    cookie.domain = Some(value.to_ascii_lowercase());
                }
            } else if key.eq_ignore_ascii_case("path") {
                if value.starts_with('/') {
                    cookie.path = Some(Cow::Borrowed(value));
                }
            } else if key.eq_ignore_ascii_case("samesite") {
                cookie.same_site = Some(if value.eq_ignore_ascii_case("strict") {
                    SameSite::Strict
                } else if value.eq_ignore_ascii_case("lax") {
                    SameSite::Lax
                } else if value.eq_ignore_ascii_case("none") {
                    SameSite::None
                } else {
                    SameSite::Invalid(value.to_owned())
                });
            }
        }
        Some(cookie)
    }

    /// The same cookie owning its text (for a line read from a temporary string).
    pub fn into_owned(self) -> SetCookie<'static> {
        SetCookie {
            raw: Cow::Owned(self.raw.into_owned()),
            name: Cow::Owned(self.name.into_owned()),
            secure: self.secure,
            http_only: self.http_only,
            same_site: self.same_site,
            domain: self.domain,
            path: self.path.map(|p| Cow::Owned(p.into_owned())),
            prefix: self.prefix,
        }
    }

    /// The Observatory's heuristic: a session cookie's name contains `login` or `sess`.
    pub fn looks_like_session(&self) -> bool {
        contains_ignore_ascii_case(&self.name, "login")
            || contains_ignore_ascii_case(&self.name, "sess")
    }

    /// A name that contains `csrf` (an anti-CSRF token).
    pub fn looks_like_anti_csrf(&self) -> bool {
        contains_ignore_ascii_case(&self.name, "csrf")
    }

    /// Why the prefix's requirements are not met (RFC 6265bis §4.1.3), if they are not.
    pub fn prefix_problem(&self) -> Option<&'static str> {
        match self.prefix? {
            CookiePrefix::Secure if !self.secure => Some("__Secure- cookies must have Secure"),
            CookiePrefix::Host if !self.secure => Some("__Host- cookies must have Secure"),
            CookiePrefix::Host if self.domain.is_some() => {
                Some("__Host- cookies must not have Domain")
            }
            CookiePrefix::Host if self.path.as_deref() != Some("/") => {
                Some("__Host- cookies must have Path=/")
            }
            _ => None,
        }
    }
}

/// Whether the ASCII-lower-cased `haystack` contains `needle` (lower-case ASCII), without the
/// lower-cased copy: ASCII lower-casing keeps every byte in place.
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_prefixes() {
        let c = SetCookie::parse("__Host-sessionid=abc; Secure; HttpOnly; Path=/; SameSite=Lax")
            .unwrap();
        assert!(c.secure && c.http_only && c.looks_like_session());
        assert_eq!(c.same_site, Some(SameSite::Lax));
        assert_eq!(c.prefix_problem(), None);
        let c = SetCookie::parse("__Host-a=1; Secure; Domain=example.gov").unwrap();
        assert!(c.prefix_problem().is_some());
        let c = SetCookie::parse("a=1; SameSite=Sometimes").unwrap();
        assert_eq!(c.same_site, Some(SameSite::Invalid("Sometimes".into())));
        assert!(SetCookie::parse("").is_none());
    }
}
