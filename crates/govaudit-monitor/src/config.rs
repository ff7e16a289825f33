//! `SITES.toml`: the sites to monitor, each with a profile, scope, limits and schedule.
//!
//! ```toml
//! retention_days = 90          # optional: runs, findings, probes and WARCs older are deleted
//! concurrency = 4              # optional: sites audited at once by one worker
//!
//! [[site]]
//! name = "demo"                # unique
//! url = "http://127.0.0.1:8080/"
//! profile = "cn-gov"           # a built-in profile or a profile TOML file (relative to this file)
//! allow_private = true         # loopback test sites only
//! scope = "origin"             # origin | host | domain | prefix
//! max_pages = 200
//! schedule = "daily"           # hourly | daily | weekly
//! ```

use crate::MonitorError;
use govaudit_engine::{AuditConfig, DisclosureConfig};
use govaudit_site::scope::Scope;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// The whole file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SitesFile {
    /// Runs, findings, probes and WARC files older than this many days are deleted after each
    /// `monitor run`.
    #[serde(default)]
    pub retention_days: Option<u32>,
    /// Sites one worker audits at once (default 4).
    #[serde(default)]
    pub concurrency: Option<usize>,
    #[serde(default, rename = "site")]
    pub sites: Vec<SiteConfig>,
    /// Where the file is (profile files are relative to it); not read from the file.
    #[serde(skip)]
    pub base: PathBuf,
}

/// How often a site is audited: one run per slot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Schedule {
    Hourly,
    #[default]
    Daily,
    /// Weeks start on Monday, 00:00 UTC.
    Weekly,
}

/// What counts as the site when it is crawled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeKind {
    #[default]
    Origin,
    Host,
    Domain,
    Prefix,
}

/// One `[[site]]` table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Unique; `--site` names it.
    pub name: String,
    /// The homepage: where the crawl starts and what probes fetch.
    pub url: Url,
    /// Disclosure profile: a built-in name (`cn-gov`) or a file; none: disclosure is skipped.
    #[serde(default)]
    pub profile: Option<String>,
    /// Allow the start URL's own non-public address (loopback test sites only).
    #[serde(default)]
    pub allow_private: bool,
    #[serde(default)]
    pub scope: ScopeKind,
    #[serde(default = "default_max_pages")]
    pub max_pages: usize,
    #[serde(default = "default_max_depth")]
    pub max_depth: usize,
    /// Seconds one run may take before it stops starting new work.
    #[serde(default)]
    pub deadline_seconds: Option<u64>,
    /// Seconds one request may take.
    #[serde(default = "default_timeout")]
    pub timeout_seconds: u64,
    /// Requests per second to one host.
    #[serde(default = "default_rate")]
    pub rate: f64,
    /// Requests in flight at once to one host.
    #[serde(default = "default_per_host")]
    pub per_host: usize,
    /// Ignore robots.txt (only for your own site).
    #[serde(default)]
    pub ignore_robots: bool,
    #[serde(default)]
    pub schedule: Schedule,
}

fn default_max_pages() -> usize {
    200
}
fn default_max_depth() -> usize {
    10
}
fn default_timeout() -> u64 {
    20
}
fn default_rate() -> f64 {
    4.0
}
fn default_per_host() -> usize {
    2
}

impl SitesFile {
    /// Reads and checks a sites file.
    pub fn load(path: &Path) -> Result<SitesFile, MonitorError> {
        let text = std::fs::read_to_string(path).map_err(|e| MonitorError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let mut file = SitesFile::parse(&text, &path.display().to_string())?;
        file.base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(file)
    }

    /// Parses a sites file's text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<SitesFile, MonitorError> {
        let error = |reason: String| MonitorError::Sites {
            path: origin.to_owned(),
            reason,
        };
        let file: SitesFile = toml::from_str(text).map_err(|e| error(e.to_string()))?;
        let mut names = std::collections::HashSet::new();
        for site in &file.sites {
            if site.name.trim().is_empty() {
                return Err(error("a site has an empty name".into()));
            }
            if !names.insert(site.name.as_str()) {
                return Err(error(format!("site {:?} is listed twice", site.name)));
            }
            if !matches!(site.url.scheme(), "http" | "https") || site.url.host_str().is_none() {
                return Err(error(format!(
                    "site {:?}: {} is not an http(s) URL with a host",
                    site.name, site.url
                )));
            }
            if !(site.rate.is_finite() && (0.01..=1000.0).contains(&site.rate)) {
                return Err(error(format!(
                    "site {:?}: rate must be between 0.01 and 1000 requests per second",
                    site.name
                )));
            }
            if site.max_pages == 0 || site.timeout_seconds == 0 || site.per_host == 0 {
                return Err(error(format!(
                    "site {:?}: max_pages, timeout_seconds and per_host must be at least 1",
                    site.name
                )));
            }
        }
        if file.concurrency == Some(0) {
            return Err(error("concurrency must be at least 1".into()));
        }
        Ok(file)
    }
}

impl SiteConfig {
    /// The host politeness limits are kept for (`host:port`).
    pub fn host_key(&self) -> String {
        host_key(&self.url)
    }

    /// The engine configuration of one run of this site, as of `as_of` (Unix seconds), with
    /// profile files read relative to `base`.
    pub fn audit_config(
        &self,
        base: &Path,
        as_of: i64,
        save_warc: Option<PathBuf>,
    ) -> Result<AuditConfig, MonitorError> {
        let mut config = AuditConfig::default();
        if let Some(spec) = &self.profile {
            let profile = load_profile(spec, base).map_err(|reason| MonitorError::Sites {
                path: self.name.clone(),
                reason,
            })?;
            let timestamp = jiff::Timestamp::from_second(as_of)
                .map_err(|e| MonitorError::Time(as_of.to_string(), e.to_string()))?;
            let date = jiff::tz::Offset::UTC.to_datetime(timestamp).date();
            config.disclosure = Some(DisclosureConfig {
                profile: Arc::new(profile),
                as_of: date,
            });
        }
        let fetch = &mut config.http.fetch;
        fetch.timeout = Duration::from_secs(self.timeout_seconds);
        fetch.connect_timeout = fetch.timeout.min(Duration::from_secs(10));
        fetch.per_host_concurrency = self.per_host;
        fetch.per_host_interval = Duration::from_secs_f64(1.0 / self.rate);
        fetch.obey_robots = !self.ignore_robots;
        if self.allow_private {
            fetch.allowed_addresses = own_addresses(&self.url);
        }
        config.crawl.max_pages = self.max_pages;
        config.crawl.max_depth = self.max_depth;
        config.crawl.scope = match self.scope {
            ScopeKind::Origin => None,
            ScopeKind::Host => Scope::host_of(&self.url),
            ScopeKind::Domain => Scope::domain_of(&self.url),
            ScopeKind::Prefix => self.url.join("./").ok().map(Scope::Prefix),
        };
        config.limits.deadline = self.deadline_seconds.map(Duration::from_secs);
        config.save_warc = save_warc;
        // One site's pages are checked on a few threads: sites run side by side.
        config.jobs = 2;
        Ok(config)
    }
}

/// `host:port` of a URL, the unit politeness limits count by.
pub(crate) fn host_key(url: &Url) -> String {
    format!(
        "{}:{}",
        url.host_str().unwrap_or(""),
        url.port_or_known_default().unwrap_or(0)
    )
}

/// The addresses of the URL's own host, which `allow_private` allows (as `--allow-private`
/// does: the start URL's own address only, never other private networks).
pub(crate) fn own_addresses(url: &Url) -> Vec<ipnet::IpNet> {
    use std::net::ToSocketAddrs as _;
    let (Some(host), Some(port)) = (url.host_str(), url.port_or_known_default()) else {
        return Vec::new();
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    (host, port)
        .to_socket_addrs()
        .map(|addresses| addresses.map(|a| ipnet::IpNet::from(a.ip())).collect())
        .unwrap_or_default()
}

/// A built-in profile by name, or a profile file relative to `base`.
fn load_profile(spec: &str, base: &Path) -> Result<govaudit_disclosure::Profile, String> {
    if govaudit_disclosure::BUILTIN_PROFILES
        .iter()
        .any(|(id, _)| *id == spec)
    {
        return govaudit_disclosure::Profile::builtin(spec).map_err(|e| e.to_string());
    }
    let path = base.join(spec);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("profile {spec:?}: not a built-in profile, and {e}"))?;
    govaudit_disclosure::Profile::from_toml(&text, spec).map_err(|e| e.to_string())
}

/// The start of the slot `at` falls in (Unix seconds): the hour, the UTC day, or the week
/// from Monday.
pub fn slot_of(schedule: Schedule, at: i64) -> i64 {
    const HOUR: i64 = 3600;
    const DAY: i64 = 86_400;
    // 1970-01-01 was a Thursday: Mondays are 4 days later modulo 7.
    const MONDAY: i64 = 4 * DAY;
    match schedule {
        Schedule::Hourly => at.div_euclid(HOUR) * HOUR,
        Schedule::Daily => at.div_euclid(DAY) * DAY,
        Schedule::Weekly => (at - MONDAY).div_euclid(7 * DAY) * 7 * DAY + MONDAY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_example_reads() {
        let file = SitesFile::parse(
            r#"
            [[site]]
            name = "demo"
            url = "http://127.0.0.1:8080/"
            profile = "cn-gov"
            allow_private = true
            "#,
            "SITES.toml",
        )
        .unwrap();
        assert_eq!(file.sites.len(), 1);
        let site = &file.sites[0];
        assert_eq!(site.name, "demo");
        assert_eq!(site.schedule, Schedule::Daily);
        assert_eq!(site.host_key(), "127.0.0.1:8080");
        let config = site.audit_config(Path::new("."), 0, None).unwrap();
        assert!(config.disclosure.is_some());
        assert!(
            config
                .http
                .fetch
                .allowed_addresses
                .iter()
                .any(|net| net.contains(&"127.0.0.1".parse::<std::net::IpAddr>().unwrap()))
        );
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        let twice =
            "[[site]]\nname='a'\nurl='http://x.test/'\n[[site]]\nname='a'\nurl='http://y.test/'\n";
        let error = SitesFile::parse(twice, "S").unwrap_err().to_string();
        assert!(error.contains("listed twice"), "{error}");
        let ftp = "[[site]]\nname='a'\nurl='ftp://x.test/'\n";
        assert!(SitesFile::parse(ftp, "S").is_err());
        let unknown = "[[site]]\nname='a'\nurl='http://x.test/'\ncolour='red'\n";
        assert!(SitesFile::parse(unknown, "S").is_err());
        let rate = "[[site]]\nname='a'\nurl='http://x.test/'\nrate=0\n";
        assert!(SitesFile::parse(rate, "S").is_err());
    }

    #[test]
    fn slots_start_at_the_hour_day_or_monday() {
        let t = parse("2026-12-09T15:30:00Z"); // a Wednesday
        assert_eq!(slot_of(Schedule::Hourly, t), parse("2026-12-09T15:00:00Z"));
        assert_eq!(slot_of(Schedule::Daily, t), parse("2026-12-09T00:00:00Z"));
        assert_eq!(slot_of(Schedule::Weekly, t), parse("2026-12-07T00:00:00Z"));
    }

    fn parse(text: &str) -> i64 {
        crate::parse_time(text).unwrap()
    }
}
