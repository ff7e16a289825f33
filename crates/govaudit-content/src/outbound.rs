//! Where a site's external links lead (issue 13, item 4): what a live run saw at the end of
//! each link to another site, and what it means when that end is a parked domain or a spam
//! page. A live run records, for each external target, its final URL after redirects and the
//! `<title>` and first text of the page (read from the response the link check already has);
//! [`check_outbound`] judges them (`content/outbound-target`) and [`drift`] compares them with
//! the targets of the site's previous run (`content/outbound-drift`, in the monitor).
//!
//! ```
//! use govaudit_content::outbound::{LinkPlace, OutboundTarget, check_outbound};
//! use govaudit_core::Location;
//!
//! let target = OutboundTarget {
//!     url: "http://old-project.example/".into(),
//!     final_url: "https://www.sedoparking.com/old-project.example".into(),
//!     title: Some("old-project.example".into()),
//!     lead_text: String::new(),
//!     places: vec![LinkPlace { page: "https://www.example.gov.cn/".into(), location: Location::at_line(12) }],
//! };
//! let findings = check_outbound(&[target], &Default::default());
//! assert_eq!(findings[0].rule, "content/outbound-target");
//! assert_eq!(findings[0].evidence["kind"], "parked");
//! ```

use crate::data::{DataError, host_in};
use crate::page::{is_government, registrable_domain};
use crate::{Config, Data};
use govaudit_core::Location;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use url::Url;

pub use crate::rules::outbound_drift::{OUTBOUND_DRIFT, drift};
pub use crate::rules::outbound_target::{OUTBOUND_TARGET, check_outbound};

/// One place a page links to a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkPlace {
    /// The page that carries the link.
    pub page: String,
    /// The link's line, selector and start tag.
    pub location: Location,
}

/// What a live run saw at the end of one external link target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboundTarget {
    /// The target as linked, without its fragment.
    pub url: String,
    /// Where it ended after redirects.
    pub final_url: String,
    /// The page's `<title>`, when it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The start of the page's text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lead_text: String,
    /// Where the site links to it, in page order.
    #[serde(default)]
    pub places: Vec<LinkPlace>,
}

impl OutboundTarget {
    /// The final URL's host, lowercase (`""` when it has none).
    pub fn final_host(&self) -> String {
        Url::parse(&self.final_url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_ascii_lowercase))
            .unwrap_or_default()
    }

    /// The registrable domain of the final host (`example.com` for `www.example.com`).
    pub fn final_domain(&self) -> String {
        registrable_domain(&self.final_host())
    }
}

/// Why a target is no longer what the site meant to link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Takeover {
    /// A parking service or a sale page: `sign` is the parking host or the phrase found.
    Parked { sign: String },
    /// A page about gambling, adult content, loans, ... : the spam word and its category.
    Keyword { term: String, category: String },
}

impl Takeover {
    /// `parked` or `keyword`, the evidence's `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            Takeover::Parked { .. } => "parked",
            Takeover::Keyword { .. } => "keyword",
        }
    }
}

/// The parking signatures of `data/parking.toml`.
#[derive(Debug, Deserialize)]
pub struct ParkingSigns {
    /// Parking services and domain marketplaces (the host or its subdomains).
    pub hosts: Vec<String>,
    /// Phrases of sale and parking pages, lowercase.
    pub phrases: Vec<String>,
}

const PARKING: &str = include_str!("../data/parking.toml");

static PARKING_SIGNS: LazyLock<Result<ParkingSigns, DataError>> = LazyLock::new(|| {
    let mut signs: ParkingSigns = toml::from_str(PARKING).map_err(|source| DataError::Toml {
        file: "parking.toml",
        source,
    })?;
    for list in [&mut signs.hosts, &mut signs.phrases] {
        for entry in list.iter_mut() {
            *entry = entry.to_lowercase();
        }
    }
    Ok(signs)
});

impl ParkingSigns {
    /// The built-in signatures, parsed once.
    pub fn builtin() -> Result<&'static ParkingSigns, &'static DataError> {
        PARKING_SIGNS.as_ref()
    }

    /// The parking host `host` is, or is under.
    pub fn parking_host(&self, host: &str) -> Option<&str> {
        self.hosts
            .iter()
            .find(|entry| host_in(host, [entry.as_str()]))
            .map(String::as_str)
    }

    /// The first parking phrase in `text` (any case).
    pub fn phrase_in(&self, text: &str) -> Option<&str> {
        let lower = text.to_lowercase();
        self.phrases
            .iter()
            .find(|p| lower.contains(p.as_str()))
            .map(String::as_str)
    }
}

/// Whether `target` became a parked domain or a spam page. A target on a government host
/// (`.gov`, `.gov.cn`, ...) or one of the site's own domains is never a spam page: a word like
/// "loan" is ordinary there. A spam page is told by a word in its title, or by two different
/// words in its first text (one word in a long text is too often an article about the topic).
pub fn takeover(target: &OutboundTarget, config: &Config) -> Option<Takeover> {
    let host = target.final_host();
    if let Ok(signs) = ParkingSigns::builtin() {
        if let Some(sign) = signs.parking_host(&host) {
            return Some(Takeover::Parked {
                sign: sign.to_owned(),
            });
        }
        let title = target.title.as_deref().unwrap_or("");
        if let Some(sign) = signs
            .phrase_in(title)
            .or_else(|| signs.phrase_in(&target.lead_text))
        {
            return Some(Takeover::Parked {
                sign: sign.to_owned(),
            });
        }
    }
    if host.is_empty()
        || is_government(&host)
        || host_in(&host, config.site_domains.iter().map(String::as_str))
    {
        return None;
    }
    let data = Data::builtin().ok()?;
    let keyword = |(term, category): (String, &str)| Takeover::Keyword {
        term,
        category: category.to_owned(),
    };
    if let Some(hit) = target.title.as_deref().and_then(|t| data.keyword_in(t)) {
        return Some(keyword(hit));
    }
    let (first, category) = data.keyword_in(&target.lead_text)?;
    // A second, different word after the first one.
    let lower = target.lead_text.to_lowercase();
    let mut rest = lower.get(lower.find(&first).map_or(0, |at| at + first.len())..)?;
    while let Some((next, _)) = data.keyword_in(rest) {
        if next != first {
            return Some(keyword((first, category)));
        }
        rest = rest.get(rest.find(&next).map_or(rest.len(), |at| at + next.len())..)?;
    }
    None
}

/// What a run keeps of one external target for the next run to compare with (the `outbound`
/// report section, the monitor's `outbound_targets` table): no text, one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboundRecord {
    pub url: String,
    pub final_url: String,
    pub final_host: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The first page that links to it, and where.
    pub page: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<String>,
}

impl OutboundRecord {
    /// The record of `target` (its first place; none: an empty page).
    pub fn of(target: &OutboundTarget) -> OutboundRecord {
        let first = target.places.first();
        OutboundRecord {
            url: target.url.clone(),
            final_url: target.final_url.clone(),
            final_host: target.final_host(),
            title: target.title.clone(),
            page: first.map(|p| p.page.clone()).unwrap_or_default(),
            line: first.and_then(|p| p.location.line),
            selector: first.and_then(|p| p.location.selector.clone()),
        }
    }

    /// The target as [`drift`] compares it: judged by its host and title (no text is kept).
    pub fn to_target(&self) -> OutboundTarget {
        OutboundTarget {
            url: self.url.clone(),
            final_url: self.final_url.clone(),
            title: self.title.clone(),
            lead_text: String::new(),
            places: vec![LinkPlace {
                page: self.page.clone(),
                location: Location {
                    line: self.line,
                    selector: self.selector.clone(),
                    ..Location::default()
                },
            }],
        }
    }
}
