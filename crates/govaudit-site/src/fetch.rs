//! A polite HTTP client (feature `fetch`): global and per-host concurrency, a minimum interval
//! between requests to one host, redirects followed by hand (every hop recorded, loops caught,
//! a cap on hops), connect and total timeouts, a cap on body bytes read, and non-public
//! addresses refused after DNS resolution unless allowed (the check sits in the resolver, so
//! the address checked is the address connected to).

use crate::address::AddressPolicy;
use crate::exchange::{DEFAULT_MAX_BODY_BYTES, Exchange, ExchangeRecorder};
use govaudit_core::{HeaderField, Redirect, Resource};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use url::Url;

/// How requests are made.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub user_agent: String,
    pub connect_timeout: Duration,
    /// For the whole exchange, body included.
    pub timeout: Duration,
    /// Hops followed before giving up (browsers stop at 20).
    pub max_redirects: usize,
    /// Body bytes read; the rest is dropped unread.
    pub max_body_bytes: usize,
    /// Allow loopback, private and other non-public addresses.
    pub allow_private: bool,
    /// Non-public networks allowed besides (`--allow-address`; the start URL's own address
    /// under `--allow-private`). Cloud metadata services are refused unless listed here.
    pub allowed_addresses: Vec<ipnet::IpNet>,
    /// Requests in flight at once, over all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host_concurrency: usize,
    /// Minimum time between the starts of two requests to one host.
    pub per_host_interval: Duration,
    /// Obey robots.txt in [`Fetcher::robots_allows`] (and so in the crawl): when false,
    /// every URL is allowed and no robots.txt is fetched.
    pub obey_robots: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: concat!(
                "govaudit/",
                env!("CARGO_PKG_VERSION"),
                " (+https://govaudit.invalid/bot)"
            )
            .to_owned(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(20),
            max_redirects: 20,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            allow_private: false,
            allowed_addresses: Vec::new(),
            concurrency: 32,
            per_host_concurrency: 4,
            per_host_interval: Duration::from_millis(100),
            obey_robots: true,
        }
    }
}

impl FetchOptions {
    /// Which non-public addresses requests may reach.
    pub fn address_policy(&self) -> AddressPolicy {
        AddressPolicy {
            any_private: self.allow_private,
            allowed: self.allowed_addresses.clone(),
        }
    }
}

/// Why a fetch gave no response.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error(
        "{host} resolves to a non-public address ({address}); pass --allow-private to check it"
    )]
    NonPublicAddress { host: String, address: String },
    #[error("the request timed out")]
    Timeout,
    #[error("cannot connect: {0}")]
    Connect(String),
    /// The TLS certificate did not verify (expired, self-signed, wrong name, unknown issuer).
    #[error("invalid TLS certificate: {0}")]
    InvalidCertificate(String),
    #[error("redirect loop")]
    RedirectLoop { redirects: Vec<Redirect> },
    #[error("more than {limit} redirects")]
    TooManyRedirects {
        limit: usize,
        redirects: Vec<Redirect>,
    },
    #[error("redirect to an unusable location {location:?}")]
    BadRedirect {
        location: String,
        redirects: Vec<Redirect>,
    },
    #[error("unsupported URL scheme {0}")]
    UnsupportedScheme(String),
    #[error("cannot build the HTTP client: {0}")]
    Client(String),
    #[error("{0}")]
    Other(String),
}

impl FetchError {
    /// Whether trying again later may succeed (timeouts and dropped connections).
    pub fn is_transient(&self) -> bool {
        matches!(self, FetchError::Timeout)
            || matches!(self, FetchError::Other(m) if m.contains("connection") || m.contains("reset"))
    }

    /// The redirects followed before the failure.
    pub fn redirects(&self) -> &[Redirect] {
        match self {
            FetchError::RedirectLoop { redirects }
            | FetchError::TooManyRedirects { redirects, .. }
            | FetchError::BadRedirect { redirects, .. } => redirects,
            _ => &[],
        }
    }
}

/// How [`Fetcher::fetch_with_retries`] tries again: the policy the crawl and the link checks
/// share.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Most retries after the first attempt.
    pub retries: u32,
    /// Wait before the first retry, doubled before each next one (when no `Retry-After`
    /// says otherwise).
    pub wait: Duration,
    /// Longest `Retry-After` honoured; a longer one ends the retries and the 429 or 503 is
    /// the answer.
    pub max_retry_after: Duration,
    /// Most retries after a timeout: each costs a whole timeout again.
    pub timeout_retries: u32,
}

impl Default for RetryPolicy {
    /// Two retries from 1 s, `Retry-After` up to 30 s honoured, one retry after a timeout.
    fn default() -> Self {
        RetryPolicy {
            retries: 2,
            wait: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(30),
            timeout_retries: 1,
        }
    }
}

/// The request method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    Head,
    #[default]
    Get,
    /// No body is read (a CORS preflight).
    Options,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Head => "HEAD",
            Method::Get => "GET",
            Method::Options => "OPTIONS",
        }
    }
}

/// The request header lines sent for `request`, for the recorder: `Host`, then what the
/// request carries, then the client's defaults it does not override (`User-Agent`,
/// `Accept`). Connection-level lines the HTTP library adds on its own are not known here.
fn sent_header_lines(
    url: &Url,
    built: &reqwest::Request,
    request: &RequestOptions,
    default_agent: &str,
) -> Vec<HeaderField> {
    let mut lines = Vec::new();
    if let Some(host) = url.host_str() {
        let host = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        };
        lines.push(HeaderField::new("Host", host));
    }
    lines.extend(header_lines(built.headers()));
    let has = |name: &str| built.headers().contains_key(name);
    if !has("user-agent") {
        let agent = request.user_agent.as_deref().unwrap_or(default_agent);
        lines.push(HeaderField::new("user-agent", agent));
    }
    if !has("accept") {
        lines.push(HeaderField::new("accept", "*/*"));
    }
    lines
}

/// What one request asks for beyond its URL (see [`Fetcher::send`]).
#[derive(Debug, Clone, Default)]
pub struct RequestOptions {
    pub method: Method,
    /// Another `User-Agent` for this request.
    pub user_agent: Option<String>,
    /// Extra request header lines, sent on every hop (e.g. `Origin`).
    pub headers: Vec<(String, String)>,
    /// Complete the TLS handshake even when the certificate does not verify, to see what the
    /// server answers (the MDN HTTP Observatory does so and grades the certificate apart).
    /// Redirects are followed the same way.
    pub accept_invalid_certs: bool,
    /// Only redirect responses with these statuses are followed (any other answer is the
    /// response); `None`: every 3xx with a `Location`.
    pub redirect_statuses: Option<&'static [u16]>,
    /// After `max_redirects` hops, the next redirect response is the response, and loops are
    /// followed until then, instead of an error (how a client with a hop counter and no loop
    /// check, such as the MDN HTTP Observatory's, ends up).
    pub stop_at_redirect_limit: bool,
}

/// A response and the header lines of each redirect response before it.
#[derive(Debug, Clone)]
pub struct Traced {
    pub fetched: Fetched,
    /// One entry per `fetched.resource.redirects` hop, in the same order: that response's
    /// header lines (its `Set-Cookie` lines, for example).
    pub redirect_headers: Vec<Vec<HeaderField>>,
}

/// A response's header lines as the HTTP client hands them over: every line is kept (repeated
/// names included), but the `http` crate lower-cases names and groups the lines of one name
/// together at the position of its first line, so the original case and the interleaving of
/// different names are lost.
pub fn header_lines(headers: &reqwest::header::HeaderMap) -> Vec<HeaderField> {
    headers
        .iter()
        .map(|(name, value)| HeaderField::new(name.as_str(), value.as_bytes()))
        .collect()
}

/// A response: the resource (final URL, status, headers, body up to the cap, redirects).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub resource: Resource,
    /// The body was longer than the cap.
    pub truncated: bool,
    /// Milliseconds from the start of the request (the same start as
    /// `resource.elapsed_ms`, redirects included) until the final response's head (status
    /// line and headers) had arrived: the time to first byte. The body is read after it, so
    /// it is at most `elapsed_ms`. `None` when nothing was timed (a response replayed from a
    /// recording).
    pub head_ms: Option<u64>,
}

/// Resolves names and refuses non-public addresses unless allowed.
struct GuardedResolver {
    policy: AddressPolicy,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy.clone();
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addresses: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if let Some(bad) = addresses.iter().find(|a| !policy.allows(a.ip())) {
                return Err(Box::new(FetchError::NonPublicAddress {
                    host,
                    address: bad.ip().to_string(),
                })
                    as Box<dyn std::error::Error + Send + Sync>);
            }
            let addrs: reqwest::dns::Addrs = Box::new(addresses.into_iter());
            Ok(addrs)
        })
    }
}

struct HostGate {
    permits: Arc<Semaphore>,
    next_start: Mutex<Instant>,
    interval: Mutex<Duration>,
}

/// Longest robots.txt `Crawl-delay` honoured, in seconds: a hostile robots.txt cannot stall
/// a run.
pub const MAX_CRAWL_DELAY_SECS: f32 = 10.0;

/// An origin's robots.txt, fetched once: `None` when there is none (or it is unreadable),
/// and then everything is allowed.
type RobotsCell = Arc<tokio::sync::OnceCell<Option<texting_robots::Robot>>>;

/// The client. Cheap to share behind an `Arc`; every method takes `&self`.
pub struct Fetcher {
    client: reqwest::Client,
    /// Accepts any certificate; built on first use (see [`RequestOptions::accept_invalid_certs`]).
    insecure_client: OnceLock<Result<reqwest::Client, FetchError>>,
    options: FetchOptions,
    global: Arc<Semaphore>,
    hosts: Mutex<HashMap<String, Arc<HostGate>>>,
    /// robots.txt by origin (`https://host:port`).
    robots: Mutex<HashMap<String, RobotsCell>>,
    /// Sees every exchange (see [`Fetcher::with_recorder`]).
    recorder: Option<Arc<dyn ExchangeRecorder>>,
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Result<Fetcher, FetchError> {
        // ring, not aws-lc: builds fast with no C toolchain beyond cc. Installing twice is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = build_client(&options, false)?;
        Ok(Fetcher {
            client,
            insecure_client: OnceLock::new(),
            global: Arc::new(Semaphore::new(options.concurrency.max(1))),
            options,
            hosts: Mutex::new(HashMap::new()),
            robots: Mutex::new(HashMap::new()),
            recorder: None,
        })
    }

    /// This fetcher with `recorder` called for every exchange: each hop of every request
    /// (redirect responses included, robots.txt included), with the request sent and the
    /// response read (`--save-warc` records a run with a [`WarcWriter`](crate::warc::WarcWriter)).
    pub fn with_recorder(mut self, recorder: Arc<dyn ExchangeRecorder>) -> Fetcher {
        self.recorder = Some(recorder);
        self
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    fn client(&self, accept_invalid_certs: bool) -> Result<&reqwest::Client, FetchError> {
        if !accept_invalid_certs {
            return Ok(&self.client);
        }
        self.insecure_client
            .get_or_init(|| build_client(&self.options, true))
            .as_ref()
            .map_err(Clone::clone)
    }

    fn gate(&self, url: &Url) -> Arc<HostGate> {
        let host = url.host_str().unwrap_or("").to_ascii_lowercase();
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts
            .entry(host)
            .or_insert_with(|| {
                Arc::new(HostGate {
                    permits: Arc::new(Semaphore::new(self.options.per_host_concurrency.max(1))),
                    next_start: Mutex::new(Instant::now()),
                    interval: Mutex::new(self.options.per_host_interval),
                })
            })
            .clone()
    }

    /// Makes requests to `url`'s host at least `interval` apart (a robots.txt `Crawl-delay`),
    /// when that is slower than the configured interval.
    pub fn slow_host(&self, url: &Url, interval: Duration) {
        let gate = self.gate(url);
        let mut current = gate.interval.lock().unwrap_or_else(|e| e.into_inner());
        *current = (*current).max(interval);
    }

    /// The current minimum time between two requests to `url`'s host.
    pub fn host_interval(&self, url: &Url) -> Duration {
        let gate = self.gate(url);
        *gate.interval.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether robots.txt lets this client's user agent fetch `url`. Each origin's
    /// `/robots.txt` is fetched once per `Fetcher` (concurrent callers wait for the one fetch)
    /// and its `Crawl-delay`, capped at [`MAX_CRAWL_DELAY_SECS`], slows every later request
    /// to the host ([`Fetcher::slow_host`]). No robots.txt, an error status or an unreadable
    /// file allow everything; so does [`FetchOptions::obey_robots`] `false`.
    pub async fn robots_allows(&self, url: &Url) -> bool {
        if !self.options.obey_robots || !matches!(url.scheme(), "http" | "https") {
            return true;
        }
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut robots = self.robots.lock().unwrap_or_else(|e| e.into_inner());
            robots.entry(origin.clone()).or_default().clone()
        };
        let robot = cell
            .get_or_init(|| async {
                let robot = self.fetch_robots(&origin).await;
                if let Some(delay) = robot.as_ref().and_then(|r| r.delay)
                    && delay.is_finite()
                    && delay > 0.0
                {
                    // Whole milliseconds: an f32 `0.3` is not exactly 300 ms.
                    let millis = (delay.min(MAX_CRAWL_DELAY_SECS) * 1000.0).round() as u64;
                    self.slow_host(url, Duration::from_millis(millis));
                }
                robot
            })
            .await;
        robot
            .as_ref()
            .is_none_or(|robot| robot.allowed(url.as_str()))
    }

    /// What [`Fetcher::robots_allows`] answers for `url` from the robots.txt files already
    /// fetched, without a request: `None` when its origin's robots.txt has not been read yet.
    /// Lets synchronous callers (the link checks' filter) apply the crawl's robots.txt.
    pub fn robots_allows_known(&self, url: &Url) -> Option<bool> {
        if !self.options.obey_robots || !matches!(url.scheme(), "http" | "https") {
            return Some(true);
        }
        let origin = url.origin().ascii_serialization();
        let robots = self.robots.lock().unwrap_or_else(|e| e.into_inner());
        let robot = robots.get(&origin)?.get()?;
        Some(
            robot
                .as_ref()
                .is_none_or(|robot| robot.allowed(url.as_str())),
        )
    }

    /// Gives an origin its robots.txt from elsewhere (a recording being replayed): the status
    /// and body of its `/robots.txt` response, or `None` when none was recorded (everything is
    /// allowed). No request is made for that origin's robots.txt afterwards.
    pub fn seed_robots(&self, url: &Url, answer: Option<(u16, &[u8])>) {
        let robot = answer
            .filter(|(status, _)| *status == 200)
            .and_then(|(_, body)| {
                texting_robots::Robot::new(product_token(&self.options.user_agent), body).ok()
            });
        let origin = url.origin().ascii_serialization();
        let mut robots = self.robots.lock().unwrap_or_else(|e| e.into_inner());
        let cell = robots.entry(origin).or_default();
        // Already read (or being read): the first answer stands.
        let _ = cell.set(robot);
    }

    async fn fetch_robots(&self, origin: &str) -> Option<texting_robots::Robot> {
        let robots_url = Url::parse(&format!("{origin}/robots.txt")).ok()?;
        let fetched = self.fetch(&robots_url, Method::Get).await.ok()?;
        if fetched.resource.status != Some(200) {
            return None;
        }
        texting_robots::Robot::new(
            product_token(&self.options.user_agent),
            &fetched.resource.body,
        )
        .ok()
    }

    /// Holds off every request to `url`'s host for `delay` (a `Retry-After`).
    pub fn pause_host(&self, url: &Url, delay: Duration) {
        let gate = self.gate(url);
        let mut next = gate.next_start.lock().unwrap_or_else(|e| e.into_inner());
        *next = (*next).max(Instant::now() + delay);
    }

    /// Waits for a global and a per-host slot and the host's interval.
    async fn slot(
        &self,
        url: &Url,
    ) -> Result<(OwnedSemaphorePermit, OwnedSemaphorePermit), FetchError> {
        let global = self
            .global
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| FetchError::Other(e.to_string()))?;
        let gate = self.gate(url);
        let host = gate
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| FetchError::Other(e.to_string()))?;
        let wait = {
            let mut next = gate.next_start.lock().unwrap_or_else(|e| e.into_inner());
            let now = Instant::now();
            let start = (*next).max(now);
            let interval = *gate.interval.lock().unwrap_or_else(|e| e.into_inner());
            *next = start + interval;
            start - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        Ok((global, host))
    }

    /// Fetches `url`, following redirects by hand. With `Method::Head` no body is read.
    pub async fn fetch(&self, url: &Url, method: Method) -> Result<Fetched, FetchError> {
        self.fetch_as(url, method, None).await
    }

    /// As [`Fetcher::fetch`], tried again as `policy` says after a transient failure: a 429
    /// or 503 (after its `Retry-After`, which holds off the whole host, or the policy's
    /// wait), another 5xx, a dropped connection, or a timeout (at most
    /// [`RetryPolicy::timeout_retries`] times). The last answer is returned as it is.
    pub async fn fetch_with_retries(
        &self,
        url: &Url,
        method: Method,
        policy: &RetryPolicy,
    ) -> Result<Fetched, FetchError> {
        let mut wait = policy.wait;
        let mut timeouts = 0u32;
        let mut attempt = 0u32;
        loop {
            let answer = self.fetch(url, method).await;
            let retry_left = attempt < policy.retries;
            attempt += 1;
            match &answer {
                Err(FetchError::Timeout) if retry_left && timeouts < policy.timeout_retries => {
                    timeouts += 1;
                }
                Err(error)
                    if retry_left && error.is_transient() && *error != FetchError::Timeout => {}
                Ok(fetched) if retry_left && matches!(fetched.resource.status, Some(429 | 503)) => {
                    let asked = fetched
                        .resource
                        .header("retry-after")
                        .and_then(|v| retry_after(&v, SystemTime::now()));
                    let delay = asked.unwrap_or(wait);
                    if delay > policy.max_retry_after {
                        return answer;
                    }
                    // Every request to the host waits, not only this one.
                    self.pause_host(url, delay);
                    wait = wait.saturating_mul(2);
                    continue;
                }
                Ok(fetched) if retry_left && fetched.resource.status.is_some_and(|s| s >= 500) => {}
                _ => return answer,
            }
            tokio::time::sleep(wait).await;
            wait = wait.saturating_mul(2);
        }
    }

    /// As [`Fetcher::fetch`], with another `User-Agent` for this request.
    pub async fn fetch_as(
        &self,
        url: &Url,
        method: Method,
        user_agent: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let request = RequestOptions {
            method,
            user_agent: user_agent.map(str::to_owned),
            ..RequestOptions::default()
        };
        Ok(self.send(url, &request).await?.fetched)
    }

    /// Requests `url` as `request` asks, following redirects by hand, and keeps each redirect
    /// response's header lines. Only `Method::Get` reads a body.
    pub async fn send(&self, url: &Url, request: &RequestOptions) -> Result<Traced, FetchError> {
        let method = request.method;
        let client = self.client(request.accept_invalid_certs)?;
        let started = Instant::now();
        let started_wall = SystemTime::now();
        let fetched_at_ms = started_wall
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .ok();
        let mut current = url.clone();
        current.set_fragment(None);
        let mut redirects: Vec<Redirect> = Vec::new();
        let mut redirect_headers: Vec<Vec<HeaderField>> = Vec::new();
        loop {
            if !matches!(current.scheme(), "http" | "https") {
                return Err(FetchError::UnsupportedScheme(current.scheme().to_owned()));
            }
            self.check_literal_address(&current)?;
            let _permits = self.slot(&current).await?;
            let hop_started = if redirects.is_empty() {
                started_wall
            } else {
                SystemTime::now()
            };
            let mut builder = match method {
                Method::Head => client.head(current.as_str()),
                Method::Get => client.get(current.as_str()),
                Method::Options => client.request(reqwest::Method::OPTIONS, current.as_str()),
            };
            if let Some(agent) = &request.user_agent {
                builder = builder.header(reqwest::header::USER_AGENT, agent);
            }
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            let built = builder
                .build()
                .map_err(|e| FetchError::Other(error_chain(&e)))?;
            let request_headers = self
                .recorder
                .as_ref()
                .map(|_| sent_header_lines(&current, &built, request, &self.options.user_agent));
            // `execute` resolves as soon as the head has arrived; the body is read below.
            let mut response = client.execute(built).await.map_err(classify)?;
            let head_ms = started.elapsed().as_millis() as u64;
            let status = response.status().as_u16();
            let reason = response.status().canonical_reason().unwrap_or("");
            // Hands one hop to the recorder, if any.
            let record = |headers: &[HeaderField], body: &[u8], truncated: bool| {
                if let (Some(recorder), Some(request_headers)) = (&self.recorder, &request_headers)
                {
                    recorder.record(&Exchange {
                        method: method.as_str(),
                        url: current.as_str(),
                        request_headers,
                        started: hop_started,
                        status,
                        reason,
                        response_headers: headers,
                        body,
                        truncated,
                    });
                }
            };
            let limit_reached =
                request.stop_at_redirect_limit && redirects.len() >= self.options.max_redirects;
            let followed = (300..400).contains(&status)
                && request
                    .redirect_statuses
                    .is_none_or(|statuses| statuses.contains(&status));
            if followed
                && !limit_reached
                && let Some(location) = response.headers().get(reqwest::header::LOCATION)
            {
                let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
                let hop_headers = header_lines(response.headers());
                record(&hop_headers, &[], false);
                redirects.push(Redirect {
                    url: current.to_string(),
                    status,
                });
                redirect_headers.push(hop_headers);
                let Ok(next) = current.join(location.trim()) else {
                    return Err(FetchError::BadRedirect {
                        location,
                        redirects,
                    });
                };
                let mut next = next;
                next.set_fragment(None);
                if !request.stop_at_redirect_limit
                    && redirects.iter().any(|r| r.url == next.as_str())
                {
                    return Err(FetchError::RedirectLoop { redirects });
                }
                if !request.stop_at_redirect_limit && redirects.len() >= self.options.max_redirects
                {
                    return Err(FetchError::TooManyRedirects {
                        limit: self.options.max_redirects,
                        redirects,
                    });
                }
                current = next;
                continue;
            }
            let headers = header_lines(response.headers());
            let mut body = Vec::new();
            let mut truncated = false;
            if method == Method::Get {
                while let Some(chunk) = response.chunk().await.map_err(classify)? {
                    let room = self.options.max_body_bytes.saturating_sub(body.len());
                    if chunk.len() > room {
                        body.extend_from_slice(&chunk[..room]);
                        truncated = true;
                        break;
                    }
                    body.extend_from_slice(&chunk);
                }
            }
            record(&headers, &body, truncated);
            let resource = Resource {
                requested_url: url.to_string(),
                final_url: Some(current.to_string()),
                status: Some(status),
                headers,
                body,
                redirects,
                fetched_at_ms,
                elapsed_ms: Some(started.elapsed().as_millis() as u64),
            };
            return Ok(Traced {
                fetched: Fetched {
                    resource,
                    truncated,
                    head_ms: Some(head_ms),
                },
                redirect_headers,
            });
        }
    }

    /// An IP literal never reaches the resolver: check it here.
    fn check_literal_address(&self, url: &Url) -> Result<(), FetchError> {
        let ip = match url.host() {
            Some(url::Host::Ipv4(v4)) => std::net::IpAddr::V4(v4),
            Some(url::Host::Ipv6(v6)) => std::net::IpAddr::V6(v6),
            _ => return Ok(()),
        };
        if !self.options.address_policy().allows(ip) {
            return Err(FetchError::NonPublicAddress {
                host: url.host_str().unwrap_or("").to_owned(),
                address: ip.to_string(),
            });
        }
        Ok(())
    }
}

fn build_client(
    options: &FetchOptions,
    accept_invalid_certs: bool,
) -> Result<reqwest::Client, FetchError> {
    reqwest::Client::builder()
        .user_agent(options.user_agent.clone())
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .tls_danger_accept_invalid_certs(accept_invalid_certs)
        .dns_resolver(Arc::new(GuardedResolver {
            policy: options.address_policy(),
        }))
        .build()
        .map_err(|e| FetchError::Client(e.to_string()))
}

/// The product token robots.txt groups name (`govaudit` for `govaudit/0.1 (+url)`).
fn product_token(user_agent: &str) -> &str {
    user_agent
        .split(['/', ' '])
        .next()
        .filter(|t| !t.is_empty())
        .unwrap_or(user_agent)
}

/// Turns a reqwest error into what the checks need to know.
fn classify(error: reqwest::Error) -> FetchError {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(cause) = source {
        if let Some(ours) = cause.downcast_ref::<FetchError>() {
            return ours.clone();
        }
        // `io::Error::source` skips the error it wraps, so look inside by hand: a failed
        // certificate check arrives as a rustls error wrapped in I/O errors (two deep).
        let mut inner = Some(cause);
        while let Some(candidate) = inner {
            if let Some(rustls::Error::InvalidCertificate(reason)) =
                candidate.downcast_ref::<rustls::Error>()
            {
                return FetchError::InvalidCertificate(format!("{reason:?}"));
            }
            inner = candidate
                .downcast_ref::<std::io::Error>()
                .and_then(|io| io.get_ref())
                .map(|e| e as &(dyn std::error::Error + 'static));
        }
        source = cause.source();
    }
    if error.is_timeout() {
        FetchError::Timeout
    } else if error.is_connect() {
        FetchError::Connect(error_chain(&error))
    } else {
        FetchError::Other(error_chain(&error))
    }
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts.join(": ")
}

/// The delay a `Retry-After` value asks for: delay-seconds or an HTTP date.
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate_parse(value)?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form servers send.
fn httpdate_parse(value: &str) -> Option<SystemTime> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    let day: u64 = day.parse().ok()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|m| m == month)? as u64
        + 1;
    let year: u64 = year.parse().ok()?;
    let hms: Vec<u64> = time.split(':').filter_map(|p| p.parse().ok()).collect();
    let [h, m, s] = hms.as_slice() else {
        return None;
    };
    if !(1970..10000).contains(&year) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y, mo) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y / 400;
    let yoe = y - era * 400;
    let doy = (153 * mo + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe;
    let days_since_epoch = days.checked_sub(719_468)?;
    let secs = days_since_epoch * 86_400 + h * 3600 + m * 60 + s;
    Some(UNIX_EPOCH + Duration::from_secs(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:51:37 GMT", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(retry_after("soon", now), None);
    }
}
