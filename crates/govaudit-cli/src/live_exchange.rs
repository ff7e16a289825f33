//! Records a live [`Exchange`] the way the MDN HTTP Observatory's retriever scans a site
//! (`src/retriever/retriever.js`, `session.js`): two sessions, one from `http://host/` and one
//! from `https://host/`, each following redirects by hand and recording every hop; a certificate
//! that does not verify makes the session start again without verification and marks it
//! unverified; the graded ("auto") response is the HTTPS session's when it answered, else the
//! HTTP one's; then a CORS preflight (`OPTIONS` with the Observatory's `Origin`) to the graded
//! session's last URL.
//!
//! Why here and not behind a `live` feature of govaudit-headers: the header library stays a pure
//! function of a recorded exchange (no HTTP client, runtime or TLS in its tree, no feature to
//! build and test twice), and the generic HTTP work (manual redirects, per-request certificate
//! acceptance, OPTIONS, non-public addresses refused) is govaudit-site's `fetch`. What is left is
//! the Observatory's recipe for which requests to make, which is glue between the two crates —
//! the CLI's job.
//!
//! As the Observatory's, a session follows 301, 302, 303, 307 and 308 only, and after
//! [`MAX_REDIRECTS`] hops (loops included) the next redirect response is the one graded.
//! Known differences: header lines come through reqwest's `HeaderMap`, so names are lower-cased
//! and the lines of one name are grouped at the place of its first line (every line is kept);
//! `/robots.txt` is not fetched for its cookies.

use govaudit_core::HeaderField;
use govaudit_headers::Exchange;
use govaudit_headers::exchange::{Hop, OBSERVATORY_CORS_ORIGIN, RedirectCookie};
use govaudit_site::fetch::{FetchError, Fetcher, Method, RequestOptions, Traced};
use url::Url;

/// Redirects each session follows (the Observatory's `MAX_REDIRECTS`).
pub const MAX_REDIRECTS: usize = 10;

/// The redirect statuses the Observatory follows (`REDIRECT_STATUS_CODES`).
const REDIRECT_STATUSES: &[u16] = &[301, 302, 303, 307, 308];

/// The `Accept` line the Observatory sends with its page requests.
const ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/// Why nothing could be recorded.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("{0:?} is not a host name or an http(s) URL")]
    BadTarget(String),
    /// Refused before any request (a non-public address without `--allow-private`, ...).
    #[error("{url}: {error}")]
    Refused { url: String, error: String },
    /// Neither `http://` nor `https://` answered: the Observatory reports the site as down.
    #[error("{host} did not answer: {http_url}: {http}; {https_url}: {https}")]
    SiteDown {
        host: String,
        http_url: String,
        http: String,
        https_url: String,
        https: String,
    },
}

/// Where the two sessions start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub host: String,
    /// `http://host[:port]/path`: the port only when the target was an `http://` URL with one.
    pub http: Url,
    /// `https://host[:port]/path`, when the target was an `https://` URL; otherwise decided
    /// after the HTTP session (see [`https_start`]).
    pub https: Option<Url>,
}

/// Reads a bare host (`www.example.gov`, `www.example.gov/path`) or an http(s) URL. The path
/// defaults to `/`, as the Observatory's; a given path is kept for both sessions.
pub fn target(input: &str) -> Result<Target, RecordError> {
    let bad = || RecordError::BadTarget(input.to_owned());
    let text = input.trim();
    let url = if text.contains("://") {
        Url::parse(text).map_err(|_| bad())?
    } else {
        Url::parse(&format!("http://{text}")).map_err(|_| bad())?
    };
    let host = url.host_str().filter(|h| !h.is_empty()).ok_or_else(bad)?;
    let mut base = url.clone();
    base.set_fragment(None);
    let _ = base.set_username("");
    let _ = base.set_password(None);
    match url.scheme() {
        "http" => Ok(Target {
            host: host.to_owned(),
            http: base,
            https: None,
        }),
        "https" => {
            let mut http = base.clone();
            http.set_scheme("http").map_err(|_| bad())?;
            http.set_port(None).map_err(|_| bad())?;
            Ok(Target {
                host: host.to_owned(),
                http,
                https: Some(base),
            })
        }
        _ => Err(bad()),
    }
}

/// Where the HTTPS session starts: the URL given, else the origin of the first `https://` hop
/// on the same host that the HTTP session went through (its port, so a server on a port other
/// than 443 is found), else `https://host/` on the default port. The path is the target's.
pub fn https_start(target: &Target, http: Option<&Session>) -> Url {
    if let Some(url) = &target.https {
        return url.clone();
    }
    let mut start = target.http.clone();
    let _ = start.set_scheme("https");
    let _ = start.set_port(None);
    let seen = http.into_iter().flat_map(|s| s.hops()).find_map(|hop| {
        let url = Url::parse(&hop.url).ok()?;
        (url.scheme() == "https" && url.host_str() == Some(target.host.as_str())).then_some(url)
    });
    if let Some(seen) = seen {
        let _ = start.set_port(seen.port());
    }
    start
}

/// One session's outcome: the final response with the chain that led to it.
#[derive(Debug, Clone)]
pub struct Session {
    pub traced: Traced,
    /// Why the certificate did not verify, when it did not (the session then went on without
    /// verification).
    pub certificate_error: Option<String>,
}

/// A recorded exchange, and what a person should know about how it was recorded (a scheme that
/// did not answer, a certificate that did not verify, a body cut short). The notes are not part
/// of the exchange, so a report re-derived from it is the same.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub exchange: Exchange,
    pub notes: Vec<String>,
}

impl Session {
    pub fn verified(&self) -> bool {
        self.certificate_error.is_none()
    }

    /// Every hop, redirects first and the final response last (the Observatory's
    /// `redirectHistory`).
    pub fn hops(&self) -> Vec<Hop> {
        let resource = &self.traced.fetched.resource;
        let mut hops: Vec<Hop> = resource
            .redirects
            .iter()
            .map(|r| Hop {
                url: r.url.clone(),
                status: r.status,
            })
            .collect();
        hops.push(Hop {
            url: resource.url().to_owned(),
            status: resource.status.unwrap_or(0),
        });
        hops
    }

    /// `Set-Cookie` lines of the redirect responses, with the URL that sent each.
    fn redirect_cookies(&self) -> impl Iterator<Item = RedirectCookie> + '_ {
        let redirects = &self.traced.fetched.resource.redirects;
        redirects
            .iter()
            .zip(&self.traced.redirect_headers)
            .flat_map(|(hop, fields)| {
                fields
                    .iter()
                    .filter(|h| h.is_named("set-cookie"))
                    .map(|h| RedirectCookie {
                        url: hop.url.clone(),
                        value: h.value_text(),
                    })
            })
    }
}

/// Errors that stop the scan instead of counting as "this scheme does not answer".
fn is_refusal(error: &FetchError) -> bool {
    matches!(
        error,
        FetchError::NonPublicAddress { .. }
            | FetchError::UnsupportedScheme(_)
            | FetchError::Client(_)
    )
}

/// Runs one session from `start`: verified first, and again without verification when the
/// certificate is what failed.
pub async fn session(fetcher: &Fetcher, start: &Url) -> Result<Session, FetchError> {
    let mut request = RequestOptions {
        method: Method::Get,
        headers: vec![("Accept".to_owned(), ACCEPT.to_owned())],
        redirect_statuses: Some(REDIRECT_STATUSES),
        stop_at_redirect_limit: true,
        ..RequestOptions::default()
    };
    match fetcher.send(start, &request).await {
        Ok(traced) => Ok(Session {
            traced,
            certificate_error: None,
        }),
        Err(FetchError::InvalidCertificate(reason)) => {
            request.accept_invalid_certs = true;
            let traced = fetcher.send(start, &request).await?;
            Ok(Session {
                traced,
                certificate_error: Some(reason),
            })
        }
        Err(error) => Err(error),
    }
}

/// The preflight's answer headers, or `None` when it got no answer (the Observatory then grades
/// CORS as not implemented).
async fn preflight(fetcher: &Fetcher, graded: &Session) -> Result<Vec<HeaderField>, String> {
    let url = graded.traced.fetched.resource.url();
    let url = Url::parse(url).map_err(|e| format!("{url}: {e}"))?;
    let request = RequestOptions {
        method: Method::Options,
        headers: vec![
            ("Access-Control-Request-Method".to_owned(), "GET".to_owned()),
            ("Origin".to_owned(), OBSERVATORY_CORS_ORIGIN.to_owned()),
        ],
        accept_invalid_certs: !graded.verified(),
        ..RequestOptions::default()
    };
    let answer = fetcher
        .send(&url, &request)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    Ok(answer.fetched.resource.headers)
}

/// Whether a `Content-Type` names an HTML document (the body is kept only then).
fn is_html(headers: &[HeaderField]) -> bool {
    headers
        .iter()
        .find(|h| h.is_named("content-type"))
        .is_some_and(|h| {
            let value = h.value_text();
            let mime = value.split(';').next().unwrap_or("").trim();
            mime.eq_ignore_ascii_case("text/html")
                || mime.eq_ignore_ascii_case("application/xhtml+xml")
        })
}

/// Records the exchange for `target`. The fetcher's options decide timeouts, the body cap and
/// whether non-public addresses may be asked.
pub async fn record(fetcher: &Fetcher, target: &Target) -> Result<Recorded, RecordError> {
    let refused = |url: &Url, error: &FetchError| RecordError::Refused {
        url: url.to_string(),
        error: error.to_string(),
    };
    // The HTTPS start may depend on where the HTTP session went, so the sessions run one after
    // the other when it is not known (the Observatory runs them side by side).
    let (http, https_url, https) = match &target.https {
        Some(https_url) => {
            let (http, https) =
                tokio::join!(session(fetcher, &target.http), session(fetcher, https_url));
            (http, https_url.clone(), https)
        }
        None => {
            let http = session(fetcher, &target.http).await;
            let https_url = https_start(target, http.as_ref().ok());
            let https = session(fetcher, &https_url).await;
            (http, https_url, https)
        }
    };
    for (url, result) in [(&target.http, &http), (&https_url, &https)] {
        if let Err(error) = result
            && is_refusal(error)
        {
            return Err(refused(url, error));
        }
    }
    let graded = match (&https, &http) {
        (Ok(s), _) | (Err(_), Ok(s)) => s,
        (Err(https_error), Err(http_error)) => {
            return Err(RecordError::SiteDown {
                host: target.host.clone(),
                http_url: target.http.to_string(),
                http: http_error.to_string(),
                https_url: https_url.to_string(),
                https: https_error.to_string(),
            });
        }
    };
    let mut notes = Vec::new();
    if let Err(error) = &http {
        notes.push(format!(
            "{} did not answer ({error}): graded as a site without HTTP",
            target.http
        ));
    }
    if let Err(error) = &https {
        notes.push(format!(
            "{https_url} did not answer ({error}): graded the http:// response"
        ));
    }
    let (http, https) = (http.as_ref().ok(), https.as_ref().ok());
    for session in http.into_iter().chain(https) {
        if let Some(reason) = &session.certificate_error {
            let url = session.traced.fetched.resource.url();
            notes.push(format!(
                "{url}: the certificate does not verify ({reason}); recorded without verification, cert_valid false"
            ));
        }
    }
    let resource = &graded.traced.fetched.resource;
    if graded.traced.fetched.truncated {
        notes.push(format!(
            "{}: body cut at {} bytes",
            resource.url(),
            resource.body.len()
        ));
    }
    let body = is_html(&resource.headers)
        .then(|| String::from_utf8_lossy(&resource.body).into_owned())
        .filter(|b| !b.is_empty());
    let mut redirect_cookies: Vec<RedirectCookie> = Vec::new();
    for cookie in http
        .into_iter()
        .chain(https)
        .flat_map(Session::redirect_cookies)
    {
        if !redirect_cookies.contains(&cookie) {
            redirect_cookies.push(cookie);
        }
    }
    let cors_headers = match preflight(fetcher, graded).await {
        Ok(headers) => Some(headers),
        Err(error) => {
            notes.push(format!("CORS preflight got no answer ({error})"));
            None
        }
    };
    let exchange = Exchange {
        url: resource.url().to_owned(),
        status: resource.status,
        headers: resource.headers.clone(),
        body,
        http_redirects: http.map(Session::hops).unwrap_or_default(),
        http_available: Some(http.is_some()),
        https_available: Some(https.is_some()),
        cert_valid: Some(http.into_iter().chain(https).all(Session::verified)),
        cors_headers,
        redirect_cookies,
    };
    Ok(Recorded { exchange, notes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let t = target("www.example.gov").unwrap();
        assert_eq!(t.http.as_str(), "http://www.example.gov/");
        assert_eq!(t.https, None);
        assert_eq!(https_start(&t, None).as_str(), "https://www.example.gov/");
        let t = target("https://user:pw@www.example.gov:8443/a?b#c").unwrap();
        assert_eq!(t.http.as_str(), "http://www.example.gov/a?b");
        assert_eq!(
            t.https.as_ref().map(Url::as_str),
            Some("https://www.example.gov:8443/a?b")
        );
        let t = target("http://127.0.0.1:8080").unwrap();
        assert_eq!(t.http.as_str(), "http://127.0.0.1:8080/");
        assert_eq!(https_start(&t, None).as_str(), "https://127.0.0.1/");
        assert!(target("ftp://example.gov/").is_err());
        assert!(target("").is_err());
        assert!(target("http://").is_err());
    }

    #[test]
    fn html_content_types() {
        let ct = |v: &str| vec![HeaderField::new("content-type", v)];
        assert!(is_html(&ct("text/html; charset=utf-8")));
        assert!(is_html(&ct("Application/XHTML+XML")));
        assert!(!is_html(&ct("text/plain")));
        assert!(!is_html(&[]));
    }
}
