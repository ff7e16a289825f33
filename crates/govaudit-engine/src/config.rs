//! How a run is configured: which areas, how many threads, which limits.

use govaudit_disclosure::Profile;
use govaudit_links::OfflineOptions;
use govaudit_links::http::HttpOptions;
use govaudit_site::scope::Scope;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// The areas a run checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// Accessibility, on every page.
    A11y,
    /// Links: every reference of every page, within the site offline, over HTTP live.
    Links,
    /// Required content of a profile, site-wide.
    Disclosure,
    /// Security headers of the start URL's exchange and of each other origin serving pages.
    Headers,
    /// Content security on every page: hidden links, injected scripts, outdated names.
    Content,
}

impl Area {
    pub const ALL: [Area; 5] = [
        Area::A11y,
        Area::Links,
        Area::Disclosure,
        Area::Headers,
        Area::Content,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::A11y => "a11y",
            Area::Links => "links",
            Area::Disclosure => "disclosure",
            Area::Headers => "headers",
            Area::Content => "content",
        }
    }
}

/// Which areas run (all of them unless narrowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas(u8);

impl Areas {
    pub fn all() -> Areas {
        Areas(0b1_1111)
    }

    pub fn none() -> Areas {
        Areas(0)
    }

    /// Exactly these areas; all of them when `areas` is empty (`--only` not given).
    pub fn only(areas: &[Area]) -> Areas {
        if areas.is_empty() {
            return Areas::all();
        }
        areas.iter().fold(Areas::none(), |set, &a| set.with(a))
    }

    pub fn with(self, area: Area) -> Areas {
        Areas(self.0 | 1 << area as u8)
    }

    pub fn without(self, area: Area) -> Areas {
        Areas(self.0 & !(1 << area as u8))
    }

    pub fn contains(self, area: Area) -> bool {
        self.0 & 1 << area as u8 != 0
    }
}

/// The profile disclosure checks against, with the day freshness is measured on.
#[derive(Debug, Clone)]
pub struct DisclosureConfig {
    pub profile: Arc<Profile>,
    pub as_of: govaudit_disclosure::jiff::civil::Date,
}

/// How a live site is crawled.
#[derive(Debug, Clone)]
pub struct CrawlConfig {
    /// What counts as the site; `None`: the start URL's origin.
    pub scope: Option<Scope>,
    pub max_pages: usize,
    /// Link hops from the start page.
    pub max_depth: usize,
}

impl Default for CrawlConfig {
    fn default() -> Self {
        CrawlConfig {
            scope: None,
            max_pages: 500,
            max_depth: 10,
        }
    }
}

/// Bounds on one run's work, so a hostile site cannot make it run or grow without end.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Bytes of one page that are read and checked; the rest is cut off with a note.
    pub max_page_bytes: u64,
    /// The whole run stops starting new work after this long; what was found is kept.
    pub deadline: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_page_bytes: 64 * 1024 * 1024,
            deadline: None,
        }
    }
}

/// Everything a run needs besides its targets.
#[derive(Debug, Clone)]
pub struct AuditConfig {
    pub areas: Areas,
    /// Check links in a directory only when it is a site: it has a homepage at its root, or
    /// `site_url` is given. A folder of unrelated saved pages would otherwise bury everything
    /// else under links between pages that were never meant to link (the run says why the
    /// links were skipped). Off when links were asked for explicitly.
    pub links_only_in_sites: bool,
    /// The WCAG conformance target accessibility rules are selected by (default `wcag2aa`:
    /// levels A and AA; AAA-only rules are off).
    pub standard: govaudit_core::wcag::Target,
    /// Threads that check pages; 0 = one per core.
    pub jobs: usize,
    /// Keep rule applicability records (EARL needs them to tell passed from inapplicable).
    pub applicability: bool,
    /// `None`: disclosure is skipped with a note (it needs a profile).
    pub disclosure: Option<DisclosureConfig>,
    /// Offline: where the site is served (`--site-url`): the scheme of its pages and the host
    /// whose absolute links are looked up on disk. Unknown when `None`.
    pub site_url: Option<Url>,
    /// Offline link checks.
    pub offline_links: OfflineOptions,
    /// The directory root-relative links resolve against, when wider than the target.
    pub site_root: Option<PathBuf>,
    /// HTTP: requests, politeness, retries, link limits.
    pub http: HttpOptions,
    /// Offline: also check the external links over HTTP.
    pub check_external: bool,
    pub crawl: CrawlConfig,
    pub limits: Limits,
    /// Record every exchange of a live run in this WARC file.
    pub save_warc: Option<PathBuf>,
    /// Live headers: the MDN HTTP Observatory algorithm to grade with.
    pub observatory: govaudit_headers::Algorithm,
    /// Live headers: the ports of the `http://` and `https://` sessions.
    pub header_ports: (Option<u16>, Option<u16>),
    /// Rules off, severities, ignores and a baseline, applied to every finding.
    pub policy: crate::policy::Policy,
    /// Content checks: what the site allows beside the built-in data (`[content]`).
    pub content: govaudit_content::Config,
}

impl Default for AuditConfig {
    fn default() -> Self {
        AuditConfig {
            areas: Areas::all(),
            links_only_in_sites: false,
            standard: govaudit_core::wcag::Target::default(),
            jobs: 0,
            applicability: false,
            disclosure: None,
            site_url: None,
            offline_links: OfflineOptions::default(),
            site_root: None,
            http: HttpOptions::default(),
            check_external: false,
            crawl: CrawlConfig::default(),
            limits: Limits::default(),
            save_warc: None,
            observatory: govaudit_headers::Algorithm::V6,
            header_ports: (None, None),
            policy: crate::policy::Policy::default(),
            content: govaudit_content::Config::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_narrows_and_empty_means_all() {
        let set = Areas::only(&[Area::A11y, Area::Links]);
        assert!(set.contains(Area::A11y) && set.contains(Area::Links));
        assert!(!set.contains(Area::Disclosure) && !set.contains(Area::Headers));
        assert_eq!(Areas::only(&[]), Areas::all());
        assert!(!Areas::all().without(Area::Headers).contains(Area::Headers));
    }
}
