//! The input model: one recorded HTTP exchange, serialised as the documented *recorded exchange*
//! JSON (see `docs/recorded-exchange.md`), so any score can be re-derived offline.

use govaudit_core::{HeaderField, Resource};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One hop of the redirect chain followed from `http://host/`: the URL that answered and its
/// status. Serialised as `[url, status]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    pub url: String,
    pub status: u16,
}

impl Serialize for Hop {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.url, self.status).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Hop {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (url, status) = <(String, u16)>::deserialize(d)?;
        Ok(Hop { url, status })
    }
}

/// A `Set-Cookie` line received on a redirect response before the graded one: the URL that
/// answered and the field value. Serialised as `[url, value]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectCookie {
    pub url: String,
    pub value: String,
}

impl Serialize for RedirectCookie {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.url, &self.value).serialize(s)
    }
}

impl<'de> Deserialize<'de> for RedirectCookie {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (url, value) = <(String, String)>::deserialize(d)?;
        Ok(RedirectCookie { url, value })
    }
}

/// A recorded exchange: the graded (final) response with its header field lines in order
/// (duplicates and case kept, never merged early), plus what the Observatory also looks at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exchange {
    /// URL of the graded response (after redirects).
    pub url: String,
    /// Status of the graded response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Header field lines as received. A live recording (`govaudit headers URL`) gets them
    /// through the `http` crate: names lower-cased, the lines of one name grouped at the place
    /// of its first line, every line kept (`docs/recorded-exchange.md`, "Limits").
    #[serde(default)]
    pub headers: Vec<HeaderField>,
    /// The HTML body, when the response was HTML.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The chain followed from `http://host/`, first request first, final response last.
    #[serde(default)]
    pub http_redirects: Vec<Hop>,
    /// Whether `http://host/` answered; defaults to "the chain is not empty".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_available: Option<bool>,
    /// Whether `https://host/` answered; defaults to "`url` is https".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub https_available: Option<bool>,
    /// Whether the certificate chain verified; defaults to true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert_valid: Option<bool>,
    /// Headers of the CORS preflight answer (`OPTIONS` with
    /// `Origin: https://http-observatory.security.mozilla.org`), when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cors_headers: Option<Vec<HeaderField>>,
    /// `Set-Cookie` lines of the redirect responses that led to the graded one, in order (a
    /// browser, and the Observatory's cookie jar, keeps them too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirect_cookies: Vec<RedirectCookie>,
}

/// The Origin the Observatory sends in its CORS preflight.
pub const OBSERVATORY_CORS_ORIGIN: &str = "https://http-observatory.security.mozilla.org";

/// Headers Node's HTTP parser keeps only once (the first line wins); every other repeated header
/// is joined with `", "`, except `set-cookie` (kept as a list). Source: Node.js `http` docs,
/// `message.headers`.
const NODE_DISCARD_DUPLICATES: &[&str] = &[
    "age",
    "authorization",
    "content-length",
    "content-type",
    "etag",
    "expires",
    "from",
    "host",
    "if-modified-since",
    "if-unmodified-since",
    "last-modified",
    "location",
    "max-forwards",
    "proxy-authorization",
    "referer",
    "retry-after",
    "server",
    "user-agent",
];

/// Decodes bytes as Latin-1, as Node does for header values.
pub fn latin1(bytes: &[u8]) -> String {
    latin1_str(bytes).into_owned()
}

/// [`latin1`], borrowed when the bytes are ASCII (the same text in both encodings).
pub(crate) fn latin1_str(bytes: &[u8]) -> Cow<'_, str> {
    if bytes.is_ascii()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect())
}

/// Node's default `--max-http-header-size` (16 KiB since Node 13.13; the Observatory runs on
/// Node 24 without changing it).
pub const NODE_MAX_HEADER_BYTES: usize = 16 * 1024;

/// The bytes Node's HTTP parser counts against [`NODE_MAX_HEADER_BYTES`] for one response: the
/// reason phrase, every field name and every field value (`TrackHeader` in
/// `src/node_http_parser.cc`, called from `on_status`, `on_header_field` and `on_header_value`).
/// The status line's version and code, the `": "` separators and the CRLFs are not counted.
/// Node refuses the response (`HPE_HEADER_OVERFLOW`) once the count *reaches* the limit.
pub fn node_header_bytes(reason_phrase: &str, headers: &[HeaderField]) -> usize {
    headers
        .iter()
        .fold(reason_phrase.len(), |n, h| n + h.name.len() + h.value.len())
}

impl Exchange {
    /// [`node_header_bytes`] of the graded response. A recorded exchange keeps no reason phrase:
    /// the canonical one of its status is counted (`OK` for 200; none for an unknown status).
    pub fn node_header_bytes(&self) -> usize {
        let reason = self
            .status
            .and_then(|s| http::StatusCode::from_u16(s).ok())
            .and_then(|s| s.canonical_reason())
            .unwrap_or("");
        node_header_bytes(reason, &self.headers)
    }

    /// Whether Node's HTTP parser (and so the Observatory) refuses the graded response's head
    /// as too large: [`Self::node_header_bytes`] at or over [`NODE_MAX_HEADER_BYTES`].
    pub fn node_header_overflow(&self) -> bool {
        self.node_header_bytes() >= NODE_MAX_HEADER_BYTES
    }

    /// An exchange for `url` with these header lines and nothing else.
    pub fn new(url: impl Into<String>, headers: Vec<HeaderField>) -> Self {
        Exchange {
            url: url.into(),
            status: Some(200),
            headers,
            ..Exchange::default()
        }
    }

    /// Every field line with this name, in order.
    pub fn fields<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a HeaderField> + 'a {
        self.headers.iter().filter(move |h| h.is_named(name))
    }

    /// The RFC 9110 view: field lines joined with `", "`. Not for `Set-Cookie`.
    pub fn combined(&self, name: &str) -> Option<String> {
        combined(&self.headers, name)
    }

    /// The view Node.js (and so the Observatory) has of one header: Latin-1 text, repeated lines
    /// joined with `", "` or, for a few headers, only the first kept.
    pub fn node_header(&self, name: &str) -> Option<String> {
        node_header(&self.headers, name)
    }

    /// The redirect cookies the Observatory's cookie jar holds: its graded session starts at
    /// `https://host/` when HTTPS answers, so cookies of `http://` hops are in another jar then;
    /// without HTTPS the `http://` session (every hop) is graded.
    pub fn observatory_redirect_cookies(&self) -> impl Iterator<Item = &RedirectCookie> {
        let https = self.is_https();
        self.redirect_cookies.iter().filter(move |c| {
            !https
                || c.url
                    .get(..8)
                    .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        })
    }

    /// `Set-Cookie` lines, kept apart.
    pub fn set_cookies(&self) -> Vec<String> {
        self.fields("set-cookie").map(|h| h.value_text()).collect()
    }

    pub fn parsed_url(&self) -> Option<url::Url> {
        url::Url::parse(&self.url).ok()
    }

    pub fn is_https(&self) -> bool {
        self.url
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    }

    /// The host that was scanned: the host of the first hop from `http://host/`, else of `url`.
    pub fn site_host(&self) -> Option<String> {
        self.http_redirects
            .first()
            .and_then(|hop| url::Url::parse(&hop.url).ok())
            .or_else(|| self.parsed_url())
            .and_then(|u| u.host_str().map(str::to_owned))
    }

    pub fn http_available(&self) -> bool {
        self.http_available
            .unwrap_or(!self.http_redirects.is_empty())
    }

    pub fn https_available(&self) -> bool {
        self.https_available.unwrap_or_else(|| self.is_https())
    }

    pub fn cert_valid(&self) -> bool {
        self.cert_valid.unwrap_or(true)
    }

    /// The MIME type of `Content-Type` (Node keeps the first line), lower-cased, without
    /// parameters.
    pub fn mime_type(&self) -> Option<String> {
        self.node_header("content-type").map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }

    /// Whether the body is HTML for the Observatory: `Content-Type` is exactly `text/html` or
    /// `application/xhtml+xml` before `;` (case-sensitive, as in its `HTML_TYPES` lookup).
    pub fn observatory_is_html(&self) -> bool {
        let Some(ct) = self.node_header("content-type") else {
            return false;
        };
        let mime = ct.split(';').next().unwrap_or("");
        mime == "text/html" || mime == "application/xhtml+xml"
    }

    /// A [`Resource`] view of the final response (for other govaudit crates).
    pub fn to_resource(&self) -> Resource {
        Resource {
            requested_url: self
                .http_redirects
                .first()
                .map_or_else(|| self.url.clone(), |h| h.url.clone()),
            final_url: Some(self.url.clone()),
            status: self.status,
            headers: self.headers.clone(),
            body: self.body.clone().unwrap_or_default().into_bytes(),
            redirects: self
                .http_redirects
                .iter()
                .map(|h| govaudit_core::Redirect {
                    url: h.url.clone(),
                    status: h.status,
                })
                .collect(),
            ..Resource::default()
        }
    }

    /// An exchange from a fetched [`Resource`]: its headers, body (as UTF-8, lossy) and chain.
    pub fn from_resource(resource: &Resource) -> Self {
        Exchange {
            url: resource.url().to_owned(),
            status: resource.status,
            headers: resource.headers.clone(),
            body: (!resource.body.is_empty())
                .then(|| String::from_utf8_lossy(&resource.body).into_owned()),
            http_redirects: resource
                .redirects
                .iter()
                .map(|r| Hop {
                    url: r.url.clone(),
                    status: r.status,
                })
                .collect(),
            ..Exchange::default()
        }
    }
}

/// Host (lower-cased) and path of `https://{rest}` without the URL parser, for the plain case
/// only: ASCII letter/digit/hyphen/underscore labels (no empty label, no `xn--`, the last one
/// starting with a letter, so never an IPv4 address), no port, user info, query or fragment,
/// and a path of letters, digits and `-._~/` without `.`/`..` segments. The URL parser gives
/// the same host and path for these (tested); `None` means "ask the parser".
pub(crate) fn plain_host_path(rest: &str) -> Option<(Cow<'_, str>, &str)> {
    // One pass over the bytes (this runs for every redirect hop and cookie).
    let bytes = rest.as_bytes();
    let mut end = 0;
    let mut label_start = 0;
    let mut upper = false;
    while let Some(&b) = bytes.get(end) {
        match b {
            b'/' => break,
            b'.' if end == label_start => return None,
            b'.' => label_start = end + 1,
            b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => {}
            b'A'..=b'Z' => upper = true,
            _ => return None,
        }
        if end == label_start
            && bytes
                .get(end..end + 4)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
        {
            return None;
        }
        end += 1;
    }
    // The last label must start with a letter: never a number, so never an IPv4 address.
    if !bytes.get(label_start).is_some_and(u8::is_ascii_alphabetic) || label_start >= end {
        return None;
    }
    let (host, path) = rest.split_at(end);
    let dot_segment = |segment: &[u8]| segment == b"." || segment == b"..";
    let mut segment_start = 0;
    for (i, &b) in path.as_bytes().iter().enumerate() {
        match b {
            b'/' if dot_segment(&path.as_bytes()[segment_start..i]) => return None,
            b'/' => segment_start = i + 1,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {}
            _ => return None,
        }
    }
    if dot_segment(&path.as_bytes()[segment_start..]) {
        return None;
    }
    let host = if upper {
        Cow::Owned(host.to_ascii_lowercase())
    } else {
        Cow::Borrowed(host)
    };
    Some((host, if path.is_empty() { "/" } else { path }))
}

/// Scheme (`http` or `https`), host and path of a plain `http(s)://` URL as the URL parser
/// gives them, without it (see [`plain_host_path`]); `None` means "ask the parser".
pub(crate) fn plain_http_url(url: &str) -> Option<(&'static str, Cow<'_, str>, &str)> {
    let (scheme, rest) = if url
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("https://"))
    {
        ("https", &url[8..])
    } else if url
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("http://"))
    {
        ("http", &url[7..])
    } else {
        return None;
    };
    let (host, path) = plain_host_path(rest)?;
    Some((scheme, host, path))
}

/// The scheme and host of one redirect hop's URL, parsed once for the rules and the grade.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HopParts {
    /// Without its colon (`https`).
    pub scheme: String,
    pub host: Option<String>,
}

/// Each hop's URL parsed (`None` where it does not parse), in chain order.
pub(crate) fn redirect_route(hops: &[Hop]) -> Vec<Option<HopParts>> {
    hops.iter()
        .map(|hop| {
            if let Some((scheme, host, _)) = plain_http_url(&hop.url) {
                return Some(HopParts {
                    scheme: scheme.to_owned(),
                    host: Some(host.into_owned()),
                });
            }
            url::Url::parse(&hop.url).ok().map(|u| HopParts {
                scheme: u.scheme().to_owned(),
                host: u.host_str().map(str::to_owned),
            })
        })
        .collect()
}

/// [`Exchange::site_host`] from an already parsed route.
pub(crate) fn site_host_from(exchange: &Exchange, route: &[Option<HopParts>]) -> Option<String> {
    match route.first() {
        Some(Some(hop)) => hop.host.clone(),
        _ => match plain_http_url(&exchange.url) {
            Some((_, host, _)) => Some(host.into_owned()),
            None => exchange
                .parsed_url()
                .and_then(|u| u.host_str().map(str::to_owned)),
        },
    }
}

/// RFC 9110 combination of the lines named `name`.
pub fn combined(headers: &[HeaderField], name: &str) -> Option<String> {
    combined_str(headers, name).map(Cow::into_owned)
}

/// [`combined`], borrowed when there is one valid UTF-8 line (the usual case).
pub(crate) fn combined_str<'h>(headers: &'h [HeaderField], name: &str) -> Option<Cow<'h, str>> {
    let mut lines = headers.iter().filter(|h| h.is_named(name));
    let mut value = lines.next()?.value_str();
    for h in lines {
        let v = value.to_mut();
        v.push_str(", ");
        v.push_str(&h.value_str());
    }
    Some(value)
}

/// Node.js's view of one header (see [`Exchange::node_header`]).
pub fn node_header(headers: &[HeaderField], name: &str) -> Option<String> {
    node_header_str(headers, name).map(Cow::into_owned)
}

/// [`node_header`], borrowed when there is one ASCII line (the usual case).
pub(crate) fn node_header_str<'h>(headers: &'h [HeaderField], name: &str) -> Option<Cow<'h, str>> {
    let mut lines = headers.iter().filter(|h| h.is_named(name));
    let mut value = latin1_str(&lines.next()?.value);
    // The table matters only when the header is repeated.
    let mut lines = lines.peekable();
    if lines.peek().is_none()
        || NODE_DISCARD_DUPLICATES
            .iter()
            .any(|d| d.eq_ignore_ascii_case(name))
    {
        return Some(value);
    }
    for h in lines {
        let v = value.to_mut();
        v.push_str(", ");
        v.push_str(&latin1_str(&h.value));
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_url_shortcut_agrees_with_the_url_parser() {
        let urls = [
            "https://www.example.gov.cn/",
            "HTTP://WWW.Example.GOV/a/b.html",
            "http://a.b",
            "https://a.b/./x",
            "https://a.b/x/../y",
            "https://a.b:443/",
            "https://user@a.b/",
            "https://a.b/?q",
            "https://1.2.3.4/",
            "https://a.0x10/",
            "https://xn--fiqs8s.cn/",
            "https:///a.b/",
            "https:a.b/",
            "ftp://a.b/",
            " https://a.b/",
            "https://a.b/ ",
            "https://a_b.c-d.e/f~g",
            "https://a..b/",
            "https://a.b./",
        ];
        let mut used = 0;
        for url in urls {
            if let Some((scheme, host, path)) = plain_http_url(url) {
                used += 1;
                let parsed = url::Url::parse(url).unwrap();
                assert_eq!(scheme, parsed.scheme(), "{url}");
                assert_eq!(Some(host.as_ref()), parsed.host_str(), "{url}");
                assert_eq!(path, parsed.path(), "{url}");
            }
        }
        assert_eq!(used, 4);
    }

    #[test]
    fn node_view_joins_or_keeps_first() {
        let ex = Exchange::new(
            "https://a.example/",
            vec![
                HeaderField::new("X-Frame-Options", "DENY"),
                HeaderField::new("x-frame-options", "DENY"),
                HeaderField::new("Content-Type", "text/html"),
                HeaderField::new("content-type", "text/plain"),
            ],
        );
        assert_eq!(ex.node_header("x-frame-options").unwrap(), "DENY, DENY");
        assert_eq!(ex.node_header("content-type").unwrap(), "text/html");
        assert!(ex.observatory_is_html());
    }

    #[test]
    fn recorded_json_round_trips() {
        let json = r#"{"url":"https://a.example/","status":200,"headers":[["A","b"]],
            "http_redirects":[["http://a.example/",301],["https://a.example/",200]],
            "cert_valid":true}"#;
        let ex: Exchange = serde_json::from_str(json).unwrap();
        assert_eq!(ex.http_redirects[0].status, 301);
        assert!(ex.http_available() && ex.https_available());
        assert_eq!(ex.site_host().as_deref(), Some("a.example"));
        let back: Exchange = serde_json::from_value(serde_json::to_value(&ex).unwrap()).unwrap();
        assert_eq!(back, ex);
    }
}
