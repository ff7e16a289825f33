//! Records a live [`Exchange`] the way the MDN HTTP Observatory's retriever scans a site
//! (`src/retriever/retriever.js`, `session.js`): two sessions, one from `http://host/` and one
//! from `https://host/`, each following redirects by hand and recording every hop; a certificate
//! that does not verify makes the session start again without verification and marks it
//! unverified; the graded ("auto") response is the HTTPS session's when it answered, else the
//! HTTP one's; then a CORS preflight (`OPTIONS` with the Observatory's `Origin`) to the graded
//! session's last URL. Ports and paths as its `url.js`: a port written in a URL belongs to that
//! URL's scheme, a bare `host:port` is probed for TLS, and `--http-port`/`--https-port` are its
//! `httpPort`/`httpsPort` options.
//!
//! Why here and not behind a `live` feature of govaudit-headers: the header library stays a pure
//! function of a recorded exchange (no HTTP client, runtime or TLS in its tree, no feature to
//! build and test twice), and the generic HTTP work (manual redirects, per-request certificate
//! acceptance, OPTIONS, non-public addresses refused) is govaudit-site's `fetch`. What is left is
//! the Observatory's recipe for which requests to make: the engine runs it for `audit URL`, and
//! `govaudit headers URL` is that one step alone.
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

/// What was asked for: a host, maybe a port, a path and (from a URL) a scheme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub host: String,
    /// A port written in the target (`Url::port`: none when it is the scheme's default).
    pub port: Option<u16>,
    /// `http` or `https` when the target was a URL.
    pub scheme: Option<String>,
    /// Path and query, `/` by default.
    pub path: String,
}

/// Reads a bare host (`www.example.gov`, `www.example.gov:8443/path`) or an http(s) URL.
pub fn site(input: &str) -> Result<Site, RecordError> {
    let bad = || RecordError::BadTarget(input.to_owned());
    let text = input.trim();
    let (url, scheme) = if text.contains("://") {
        let url = Url::parse(text).map_err(|_| bad())?;
        let scheme = url.scheme().to_owned();
        if !matches!(scheme.as_str(), "http" | "https") {
            return Err(bad());
        }
        (url, Some(scheme))
    } else {
        (
            Url::parse(&format!("http://{text}")).map_err(|_| bad())?,
            None,
        )
    };
    let host = url.host_str().filter(|h| !h.is_empty()).ok_or_else(bad)?;
    let path = match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    };
    Ok(Site {
        host: host.to_owned(),
        port: url.port(),
        scheme,
        path,
    })
}

/// Ports for the two sessions besides the defaults (the Observatory's `httpPort` and
/// `httpsPort` scan options).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ports {
    pub http: Option<u16>,
    pub https: Option<u16>,
}

/// Where the two sessions start: `http://host[:port]/path` and `https://host[:port]/path`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub host: String,
    pub http: Url,
    pub https: Url,
}

impl Target {
    /// The two start URLs for `site` with these ports.
    pub fn new(site: &Site, ports: Ports) -> Result<Target, RecordError> {
        let url = |scheme: &str, port: Option<u16>| {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            Url::parse(&format!("{scheme}://{}{port}{}", site.host, site.path))
                .map_err(|_| RecordError::BadTarget(site.host.clone()))
        };
        Ok(Target {
            host: site.host.clone(),
            http: url("http", ports.http)?,
            https: url("https", ports.https)?,
        })
    }
}

/// Decides the ports as the Observatory's `urls()` does: a port written in the target belongs
/// to the scheme of the URL, or, for a bare `host:port`, to HTTPS when that port completes a TLS
/// handshake and answers a HEAD below 500 (certificate not checked), else to HTTP when it answers
/// so; the other scheme keeps `ports` (its default unless given).
pub async fn resolve(fetcher: &Fetcher, site: &Site, ports: Ports) -> Result<Target, RecordError> {
    let mut ports = ports;
    match (site.port, site.scheme.as_deref()) {
        (None, _) => {}
        (Some(port), Some("https")) => ports.https = Some(port),
        (Some(port), Some(_)) => ports.http = Some(port),
        (Some(port), None) => {
            let on_port = Target::new(
                site,
                Ports {
                    http: Some(port),
                    https: Some(port),
                },
            )?;
            let (tls, plain) = tokio::join!(
                probe(fetcher, &on_port.https),
                probe(fetcher, &on_port.http)
            );
            match (tls, plain) {
                (Ok(()), _) => ports.https = Some(port),
                (Err(_), Ok(())) => ports.http = Some(port),
                (Err(https), Err(http)) => {
                    for (url, error) in [(&on_port.https, &https), (&on_port.http, &http)] {
                        if is_refusal(error) {
                            return Err(RecordError::Refused {
                                url: url.to_string(),
                                error: error.to_string(),
                            });
                        }
                    }
                    return Err(RecordError::SiteDown {
                        host: site.host.clone(),
                        http_url: on_port.http.to_string(),
                        http: http.to_string(),
                        https_url: on_port.https.to_string(),
                        https: https.to_string(),
                    });
                }
            }
        }
    }
    Target::new(site, ports)
}

/// The Observatory's `detectTlsSupport` request: HEAD, no redirect followed, any certificate,
/// an answer below 500 counts.
async fn probe(fetcher: &Fetcher, url: &Url) -> Result<(), FetchError> {
    let request = RequestOptions {
        method: Method::Head,
        accept_invalid_certs: true,
        redirect_statuses: Some(&[]),
        ..RequestOptions::default()
    };
    let answer = fetcher.send(url, &request).await?;
    match answer.fetched.resource.status {
        Some(status) if status < 500 => Ok(()),
        status => Err(FetchError::Other(format!(
            "answered {}",
            status.map_or_else(|| "without a status".to_owned(), |s| s.to_string())
        ))),
    }
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

/// The preflight's answer headers, or why it got none (the exchange then has no `cors_headers`,
/// which the Observatory grades as CORS not implemented).
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
    let https_url = &target.https;
    let (http, https) = tokio::join!(session(fetcher, &target.http), session(fetcher, https_url));
    for (url, result) in [(&target.http, &http), (https_url, &https)] {
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
    fn sites_and_targets() {
        let s = site("www.example.gov").unwrap();
        assert_eq!(
            (s.port, s.scheme.as_deref(), s.path.as_str()),
            (None, None, "/")
        );
        let t = Target::new(&s, Ports::default()).unwrap();
        assert_eq!(t.http.as_str(), "http://www.example.gov/");
        assert_eq!(t.https.as_str(), "https://www.example.gov/");
        let s = site("https://user:pw@www.example.gov:8443/a?b#c").unwrap();
        assert_eq!(
            (s.port, s.scheme.as_deref(), s.path.as_str()),
            (Some(8443), Some("https"), "/a?b")
        );
        let t = Target::new(
            &s,
            Ports {
                http: Some(8080),
                https: Some(8443),
            },
        )
        .unwrap();
        assert_eq!(t.http.as_str(), "http://www.example.gov:8080/a?b");
        assert_eq!(t.https.as_str(), "https://www.example.gov:8443/a?b");
        let s = site("127.0.0.1:8080/x").unwrap();
        assert_eq!(
            (s.port, s.scheme, s.path.as_str()),
            (Some(8080), None, "/x")
        );
        // The scheme's default port is no port.
        assert_eq!(site("https://example.gov:443").unwrap().port, None);
        assert!(site("ftp://example.gov/").is_err());
        assert!(site("").is_err());
        assert!(site("http://").is_err());
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
