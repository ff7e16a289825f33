//! What every command that goes to the web shares: request options, link-check options and
//! crawl options as people set them on the command line (one definition each, flattened into
//! each command's arguments), every number checked by clap before anything runs.

use anyhow::Context as _;
use govaudit_engine::AuditConfig;
use govaudit_links::http::CacheOptions;
use govaudit_site::fetch::FetchOptions;
use govaudit_site::scope::Scope;
use regex::Regex;
use std::path::PathBuf;
use std::time::Duration;
use url::Url;

/// A number of seconds in `(0, 86400]`.
fn seconds(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if value.is_finite() && value > 0.0 && value <= 86_400.0 {
        Ok(value)
    } else {
        Err("must be more than 0 and at most 86400 seconds".into())
    }
}

/// Requests per second in `[0.01, 1000]`.
fn rate(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if value.is_finite() && (0.01..=1000.0).contains(&value) {
        Ok(value)
    } else {
        Err("must be between 0.01 and 1000 requests per second".into())
    }
}

/// `--timeout`, `--user-agent`, `--allow-private`, `--allow-address`.
#[derive(Debug, Clone, clap::Args)]
pub struct LiveArgs {
    /// Seconds allowed for one request.
    #[arg(long, default_value = "20", value_name = "S", value_parser = seconds)]
    pub timeout: f64,
    /// The User-Agent sent with every request.
    #[arg(long, value_name = "TEXT")]
    pub user_agent: Option<String>,
    /// Allow requests to the start URL's own address when it is non-public (loopback, a
    /// private network); other non-public addresses stay refused unless `--allow-address`
    /// lists them. Without a start URL (links of a site on disk), every non-public address
    /// but the cloud metadata services.
    #[arg(long)]
    pub allow_private: bool,
    /// Also allow this non-public network or address (repeatable, e.g. 10.1.0.0/16). Cloud
    /// metadata services (169.254.169.254, ...) are reached only when listed here.
    #[arg(long, value_name = "CIDR", value_parser = network)]
    pub allow_address: Vec<ipnet::IpNet>,
}

/// A network (`10.1.0.0/16`) or one address (`10.1.2.3`).
fn network(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is not an address or a network (CIDR)"))
}

impl LiveArgs {
    /// Sets these options on `fetch` (the connect timeout is the timeout, at most 10 s).
    /// `start`: the host whose own addresses `--allow-private` allows.
    pub fn apply(
        &self,
        fetch: &mut FetchOptions,
        start: Option<(&str, u16)>,
    ) -> anyhow::Result<()> {
        if let Some(agent) = &self.user_agent {
            fetch.user_agent = agent.clone();
        }
        fetch.allowed_addresses = self.allow_address.clone();
        fetch.allow_private = false;
        if self.allow_private {
            match start {
                Some((host, port)) => {
                    use std::net::ToSocketAddrs as _;
                    let host = host.trim_start_matches('[').trim_end_matches(']');
                    let addresses = (host, port)
                        .to_socket_addrs()
                        .with_context(|| format!("cannot resolve {host}"))?;
                    fetch
                        .allowed_addresses
                        .extend(addresses.map(|a| ipnet::IpNet::from(a.ip())));
                }
                None => fetch.allow_private = true,
            }
        }
        fetch.timeout = Duration::from_secs_f64(self.timeout);
        fetch.connect_timeout = fetch.timeout.min(Duration::from_secs(10));
        Ok(())
    }
}

/// How link targets are checked over HTTP.
#[derive(Debug, Clone, clap::Args)]
pub struct HttpArgs {
    /// Requests in flight at once.
    #[arg(long, default_value_t = 32, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub concurrency: u16,
    /// Requests in flight at once to one host.
    #[arg(long, default_value_t = 4, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=256))]
    pub per_host: u16,
    /// Requests per second to one host.
    #[arg(long, default_value = "10", value_name = "R", value_parser = rate)]
    pub rate: f64,
    /// Do not check URLs matching this regular expression (repeatable).
    #[arg(long, value_name = "REGEX")]
    pub exclude: Vec<String>,
    /// Check only URLs matching this regular expression (repeatable).
    #[arg(long, value_name = "REGEX")]
    pub include: Vec<String>,
    /// Keep link results in this JSON file between runs.
    #[arg(long, value_name = "FILE")]
    pub cache: Option<PathBuf>,
    /// Seconds a cached result is trusted.
    #[arg(long, default_value_t = 86_400, value_name = "S",
          value_parser = clap::value_parser!(u64).range(1..=31_536_000))]
    pub cache_ttl: u64,
    /// Statuses that count as working besides 2xx (comma-separated, e.g. 403,999).
    #[arg(long, value_delimiter = ',', value_name = "STATUS")]
    pub accept: Vec<u16>,
    /// Most distinct link targets checked over HTTP in one run; the rest are reported as not
    /// checked.
    #[arg(long, default_value_t = 50_000, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub max_links: u64,
}

/// What counts as the site when crawling a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ScopeKind {
    /// The start URL's origin: scheme, host and port.
    Origin,
    /// The start URL's host, any scheme and port.
    Host,
    /// Every host under the start URL's registrable domain.
    Domain,
    /// URLs under the start URL's directory.
    Prefix,
}

/// How a live site is crawled, and the run's limits.
#[derive(Debug, Clone, clap::Args)]
pub struct CrawlArgs {
    /// Crawl: what counts as the site.
    #[arg(long, value_enum, default_value_t = ScopeKind::Origin)]
    pub scope: ScopeKind,
    /// Crawl: most pages fetched.
    #[arg(long, default_value_t = 500, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_pages: u64,
    /// Crawl: ignore robots.txt (only for your own site).
    #[arg(long)]
    pub ignore_robots: bool,
    /// Stop starting new work after this many seconds; what was found so far is reported.
    #[arg(long, value_name = "S", value_parser = seconds)]
    pub deadline: Option<f64>,
    /// Record every HTTP exchange of a live run in this WARC file (audit it again offline by
    /// giving the file as the target).
    #[arg(long, value_name = "FILE")]
    pub save_warc: Option<PathBuf>,
}

/// `--max-page-size`: one cap on the bytes of a page, read from disk or the network.
#[derive(Debug, Clone, clap::Args)]
pub struct LimitArgs {
    /// Largest page read and checked, in MiB; a larger one is checked up to this size, with a
    /// note.
    #[arg(long, default_value_t = 16, value_name = "MIB",
          value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub max_page_size: u64,
}

impl LimitArgs {
    pub fn apply(&self, config: &mut AuditConfig) {
        let bytes = self.max_page_size * 1024 * 1024;
        config.limits.max_page_bytes = bytes;
        config.http.fetch.max_body_bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    }
}

/// `--site-url`, `--site-root`, `--check-external`: a site on disk.
#[derive(Debug, Clone, clap::Args)]
pub struct SiteArgs {
    /// Offline: the directory root-relative links (`/css/a.css`) resolve against; default the
    /// directory given.
    #[arg(long, value_name = "DIR")]
    pub site_root: Option<PathBuf>,
    /// Offline: where the site is served (`https://www.example.gov.cn/`): the scheme of its
    /// pages, and absolute links to its host are looked up on disk.
    #[arg(long, value_name = "URL")]
    pub site_url: Option<Url>,
    /// Offline: also check the external links over HTTP.
    #[arg(long)]
    pub check_external: bool,
}

impl SiteArgs {
    pub fn apply(&self, config: &mut AuditConfig) {
        config.site_root = self.site_root.clone();
        config.site_url = self.site_url.clone();
        config.check_external = self.check_external;
    }
}

/// Fills the request, link and crawl parts of a run's configuration.
pub fn apply(
    live: &LiveArgs,
    http: &HttpArgs,
    crawl: &CrawlArgs,
    start: Option<&Url>,
    config: &mut AuditConfig,
) -> anyhow::Result<()> {
    let compile = |patterns: &[String]| -> anyhow::Result<Vec<Regex>> {
        patterns
            .iter()
            .map(|p| Regex::new(p).with_context(|| format!("invalid regular expression {p:?}")))
            .collect()
    };
    let options = &mut config.http;
    options.include = compile(&http.include)?;
    options.exclude = compile(&http.exclude)?;
    options.cache = http.cache.as_ref().map(|path| CacheOptions {
        path: path.clone(),
        ttl: Duration::from_secs(http.cache_ttl),
    });
    options.accept = http.accept.clone();
    options.max_links = usize::try_from(http.max_links).ok();
    let start_host = start.and_then(|url| Some((url.host_str()?, url.port_or_known_default()?)));
    live.apply(&mut options.fetch, start_host)?;
    options.fetch.concurrency = usize::from(http.concurrency);
    options.fetch.per_host_concurrency = usize::from(http.per_host);
    options.fetch.per_host_interval = Duration::from_secs_f64(1.0 / http.rate);
    options.fetch.obey_robots = !crawl.ignore_robots;
    config.crawl.max_pages = usize::try_from(crawl.max_pages).unwrap_or(usize::MAX);
    config.crawl.scope = match (crawl.scope, start) {
        (ScopeKind::Origin, _) | (_, None) => None,
        (ScopeKind::Host, Some(start)) => Scope::host_of(start),
        (ScopeKind::Domain, Some(start)) => Scope::domain_of(start),
        (ScopeKind::Prefix, Some(start)) => start.join("./").ok().map(Scope::Prefix),
    };
    config.limits.deadline = crawl.deadline.map(Duration::from_secs_f64);
    config.save_warc = crawl.save_warc.clone();
    Ok(())
}

/// Everything a run over a site takes besides its areas and output: where a site on disk is
/// served, link-check and crawl options, request options, the page-size cap, and the team's
/// configuration and baseline. `audit` and `links` flatten it.
#[derive(Debug, Clone, clap::Args)]
pub struct SiteRunArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    #[command(flatten)]
    pub http: HttpArgs,
    #[command(flatten)]
    pub crawl: CrawlArgs,
    #[command(flatten)]
    pub live: LiveArgs,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(flatten)]
    pub policy: crate::config::PolicyArgs,
}

impl SiteRunArgs {
    /// Fills `config` for these targets (`first`: the first target as written, where
    /// govaudit.toml is looked for).
    pub fn apply(
        &self,
        targets: &[govaudit_engine::Target],
        first: Option<&str>,
        config: &mut AuditConfig,
    ) -> anyhow::Result<()> {
        self.site.apply(config);
        let start = targets.iter().find_map(|t| match t {
            govaudit_engine::Target::Url(url) => Some(url),
            _ => None,
        });
        apply(&self.live, &self.http, &self.crawl, start, config)?;
        self.limits.apply(config);
        self.policy.apply(first, config)
    }
}

/// A multi-threaded runtime with I/O and timers (for `headers URL`).
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_out_of_range_are_refused() {
        for bad in ["1e30", "0", "-1", "NaN", "inf", "x"] {
            assert!(seconds(bad).is_err(), "{bad}");
        }
        assert_eq!(seconds("2.5"), Ok(2.5));
        for bad in ["1e-300", "1e-12", "0", "1e6", "NaN"] {
            assert!(rate(bad).is_err(), "{bad}");
        }
        assert_eq!(rate("0.5"), Ok(0.5));
    }
}
