//! The site-level audit: crawl the given pages from the homepage (all links to depth 1, the
//! disclosure entrance to depth 2), detect every item, measure freshness, run the rules.

use crate::detect::{self, ItemResult, ItemState};
use crate::freshness::{self, ColumnFreshness, DatedList};
use crate::observe::{PageObservation, observe};
use crate::profile::Profile;
use crate::rules::{Context, RULES};
use govaudit_core::{Applicability, Collector, Finding};
use govaudit_html::Document;
use jiff::civil::Date;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use url::Url;

/// The origin local pages get, so a directory crawls like a site: `file:///xxgk/index.html`.
const LOCAL_ROOT: &str = "file:///";

/// Why a site cannot be audited.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("the homepage {0} is not among the pages given")]
    NoHomepage(String),
    /// An observation made with another profile (or another version of it) cannot be
    /// concluded with this one: its evidence is indexed by the other profile's items.
    #[error("page {page} was observed with profile {observed:?}, not {profile:?}")]
    OtherProfile {
        page: String,
        observed: String,
        profile: String,
    },
    /// Dated lists are read against a day (the year of `MM-DD` dates depends on it).
    #[error("page {page} was observed as of {observed}, but the audit is as of {as_of}")]
    OtherDate {
        page: String,
        observed: Date,
        as_of: Date,
    },
    #[error("{path:?} is not a usable relative page path: {source}")]
    BadPath {
        path: String,
        #[source]
        source: url::ParseError,
    },
}

/// The URL of a page of a local site given by its path relative to the site root
/// (`xxgk/index.html`); pages of a live site keep their own URLs.
pub fn local_url(relative_path: &str) -> Result<Url, SiteError> {
    let clean = relative_path.replace('\\', "/");
    let clean = clean.trim_start_matches("./").trim_start_matches('/');
    Url::parse(LOCAL_ROOT)
        .and_then(|root| root.join(clean))
        .map_err(|source| SiteError::BadPath {
            path: relative_path.to_owned(),
            source,
        })
}

/// How evidence names a page: the relative path for a local site, else the URL.
pub fn page_label(url: &Url) -> String {
    match url.as_str().strip_prefix(LOCAL_ROOT) {
        Some(path) if url.scheme() == "file" => path.to_owned(),
        _ => url.to_string(),
    }
}

/// A homepage and the pages the audit may visit, keyed by URL (fragment removed).
#[derive(Debug)]
pub struct Site {
    homepage: Url,
    pages: BTreeMap<String, Document>,
}

impl Site {
    pub fn new(homepage: Url) -> Self {
        Site {
            homepage: without_fragment(homepage),
            pages: BTreeMap::new(),
        }
    }

    pub fn from_pages(homepage: Url, pages: impl IntoIterator<Item = (Url, Document)>) -> Self {
        let mut site = Site::new(homepage);
        for (url, document) in pages {
            site.insert(url, document);
        }
        site
    }

    pub fn insert(&mut self, url: Url, document: Document) {
        self.pages
            .insert(without_fragment(url).to_string(), document);
    }

    pub fn homepage(&self) -> &Url {
        &self.homepage
    }

    /// Every page with its URL (fragment removed), in URL order.
    pub fn pages(&self) -> impl Iterator<Item = (Url, &Document)> {
        self.pages
            .iter()
            .filter_map(|(key, document)| Some((Url::parse(key).ok()?, document)))
    }

    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The page a link leads to, trying `dir/index.html` for directory links.
    fn resolve(&self, url: &Url) -> Option<String> {
        resolve_in(url, |key| self.pages.contains_key(key))
    }
}

fn without_fragment(mut url: Url) -> Url {
    url.set_fragment(None);
    url
}

/// How an audit runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The day freshness is measured against.
    pub as_of: Date,
    /// At most this many pages are visited.
    pub max_pages: usize,
    /// Keep a record of every item and column each rule judged ([`Audit::applicability`]), so
    /// a conformance (EARL) report can tell passed from inapplicable.
    pub record_applicability: bool,
}

impl Options {
    pub fn new(as_of: Date) -> Self {
        Options {
            as_of,
            max_pages: 500,
            record_applicability: false,
        }
    }
}

/// What an audit found.
#[derive(Debug, Clone, PartialEq)]
pub struct Audit {
    pub profile_id: String,
    pub profile_name: String,
    pub as_of: Date,
    pub homepage: String,
    /// Pages visited, homepage first, as evidence names them.
    pub pages: Vec<String>,
    /// Every profile item once, in profile order.
    pub items: Vec<ItemResult>,
    pub dated_lists: Vec<DatedList>,
    pub columns: Vec<ColumnFreshness>,
    /// The newest date on the homepage.
    pub homepage_newest: Option<Date>,
    pub findings: Vec<Finding>,
    /// Where the rules applied (with [`Options::record_applicability`]; empty otherwise).
    pub applicability: Vec<Applicability>,
}

/// Audits `site` against `profile`: [`observe`] on each page the walk reaches, then the same
/// walk and conclusion as [`conclude`]. Pages the walk does not reach are never observed.
pub fn audit(profile: &Profile, site: &Site, options: &Options) -> Result<Audit, SiteError> {
    let observe_page = |key: &str| {
        let document = site.pages.get(key)?;
        let url = Url::parse(key).ok()?;
        Some(observe(profile, &url, document, options.as_of))
    };
    let visited = walk(
        &site.homepage,
        options,
        |url| site.resolve(url),
        observe_page,
    )?;
    finish(profile, &site.homepage, visited, options)
}

/// The site-level audit over page observations: the walk from `homepage` (every link to
/// depth 1, the disclosure entrance to depth 2, at most `options.max_pages` pages) picks the
/// observations that count, in visit order; evidence from pages outside the walk does not
/// count. A link to `dir/` finds the observation of `dir/index.html`. When two observations
/// have the same URL the later one is used.
pub fn conclude(
    profile: &Profile,
    homepage: &Url,
    pages: impl IntoIterator<Item = PageObservation>,
    options: &Options,
) -> Result<Audit, SiteError> {
    let mut by_key: HashMap<String, PageObservation> = pages
        .into_iter()
        .map(|page| (page.url.to_string(), page))
        .collect();
    let homepage = without_fragment(homepage.clone());
    let keys: HashSet<String> = by_key.keys().cloned().collect();
    let visited = walk(
        &homepage,
        options,
        |url| resolve_in(url, |key| keys.contains(key)),
        // The walk visits each key once, so its observation can be moved out.
        |key| by_key.remove(key),
    )?;
    finish(profile, &homepage, visited, options)
}

/// The page key a link leads to among the keys `exists` knows, trying `dir/index.html` for
/// directory links.
fn resolve_in(url: &Url, exists: impl Fn(&str) -> bool) -> Option<String> {
    let key = without_fragment(url.clone()).to_string();
    if exists(&key) {
        return Some(key);
    }
    let index = if key.ends_with('/') {
        format!("{key}index.html")
    } else {
        format!("{key}/index.html")
    };
    exists(&index).then_some(index)
}

/// Walks the site from the homepage: every link of the homepage (depth 1), and from pages
/// reached through the disclosure entrance their links too (depth 2). Returns the observations
/// of the pages visited, homepage first, in breadth-first order.
fn walk(
    homepage: &Url,
    options: &Options,
    resolve: impl Fn(&Url) -> Option<String>,
    mut take: impl FnMut(&str) -> Option<PageObservation>,
) -> Result<Vec<PageObservation>, SiteError> {
    let home_key = resolve(homepage).ok_or_else(|| SiteError::NoHomepage(page_label(homepage)))?;
    let mut visited = HashSet::new();
    let mut pages = Vec::new();
    // (page key, depth, whether the page is reached through the disclosure entrance)
    let mut queue = VecDeque::from([(home_key.clone(), 0u8, false)]);
    visited.insert(home_key);
    while let Some((key, depth, through_entrance)) = queue.pop_front() {
        let Some(page) = take(&key) else {
            continue;
        };
        for link in &page.links {
            let Some(target_key) = resolve(&link.target) else {
                continue;
            };
            // Only the homepage's links can be the entrance.
            let is_entrance = depth == 0 && link.names_entrance;
            let allowed = depth == 0 || (depth == 1 && through_entrance);
            if allowed && visited.len() < options.max_pages && visited.insert(target_key.clone()) {
                queue.push_back((target_key, depth + 1, is_entrance || through_entrance));
            } else if is_entrance {
                // Already queued from an earlier link: make sure the entrance path goes deeper.
                if let Some(queued) = queue.iter_mut().find(|(k, _, _)| *k == target_key) {
                    queued.2 = true;
                }
            }
        }
        pages.push(page);
    }
    Ok(pages)
}

/// Folds the visited pages' observations into the audit and runs the rules.
fn finish(
    profile: &Profile,
    homepage: &Url,
    visited: Vec<PageObservation>,
    options: &Options,
) -> Result<Audit, SiteError> {
    let mut found: Vec<Vec<detect::Evidence>> = vec![Vec::new(); profile.items.len()];
    let mut pages = Vec::with_capacity(visited.len());
    let mut lists = Vec::new();
    for page in visited {
        if page.profile_id != profile.id || page.evidence.len() != profile.items.len() {
            return Err(SiteError::OtherProfile {
                page: page.label,
                observed: page.profile_id,
                profile: profile.id.clone(),
            });
        }
        if page.as_of != options.as_of {
            return Err(SiteError::OtherDate {
                page: page.label,
                observed: page.as_of,
                as_of: options.as_of,
            });
        }
        for (all, evidence) in found.iter_mut().zip(page.evidence) {
            all.extend(evidence);
        }
        lists.extend(page.dated_lists);
        pages.push(page.label);
    }
    let home_label = pages
        .first()
        .cloned()
        .ok_or_else(|| SiteError::NoHomepage(page_label(homepage)))?;
    let items: Vec<ItemResult> = profile
        .items
        .iter()
        .zip(found)
        .map(|(item, evidence)| detect::conclude(item, evidence))
        .collect();
    let homepage_newest = lists
        .iter()
        .filter(|l| l.page == home_label)
        .map(|l| l.newest)
        .max();
    let columns = freshness::columns(profile, &lists, &home_label, options.as_of);
    let mut audit = Audit {
        profile_id: profile.id.clone(),
        profile_name: profile.name.clone(),
        as_of: options.as_of,
        homepage: home_label,
        pages,
        items,
        dated_lists: lists,
        columns,
        homepage_newest,
        findings: Vec::new(),
        applicability: Vec::new(),
    };
    let mut out = if options.record_applicability {
        Collector::with_applicability(audit.homepage.clone())
    } else {
        Collector::new(audit.homepage.clone())
    };
    let cx = Context {
        profile,
        audit: &audit,
    };
    for rule in RULES {
        (rule.check)(&cx, &mut out);
    }
    (audit.findings, audit.applicability) = out.into_parts();
    Ok(audit)
}

impl Audit {
    /// Renames pages everywhere they appear (evidence, columns, findings), e.g. to prefix the
    /// directory given on the command line.
    pub fn relabel(&mut self, rename: impl Fn(&str) -> String) {
        self.homepage = rename(&self.homepage);
        for page in &mut self.pages {
            *page = rename(page);
        }
        for item in &mut self.items {
            for e in item.evidence.iter_mut().chain(item.ignored.iter_mut()) {
                e.page = rename(&e.page);
            }
        }
        for list in &mut self.dated_lists {
            list.page = rename(&list.page);
        }
        for column in &mut self.columns {
            column.page = rename(&column.page);
        }
        for applied in &mut self.applicability {
            applied.url = rename(&applied.url);
        }
        for finding in &mut self.findings {
            finding.url = rename(&finding.url);
            for key in ["ignored", "evidence"] {
                if let Some(serde_json::Value::Array(list)) = finding.evidence.get_mut(key) {
                    for e in list {
                        if let Some(page) = e.get_mut("page")
                            && let Some(text) = page.as_str()
                        {
                            *page = serde_json::Value::String(rename(text));
                        }
                    }
                }
            }
        }
    }

    /// The `items` report section: every profile item once.
    pub fn items_section(&self) -> Value {
        serde_json::to_value(&self.items).unwrap_or(Value::Null)
    }

    /// The `profile` report section: which profile, the date, the pages visited, freshness.
    pub fn profile_section(&self) -> Value {
        let count = |state: ItemState| self.items.iter().filter(|i| i.state == state).count();
        json!({
            "id": self.profile_id,
            "name": self.profile_name,
            "as_of": self.as_of.to_string(),
            "homepage": self.homepage,
            "pages": self.pages,
            "items": self.items.len(),
            "present": count(ItemState::Present),
            "absent": count(ItemState::Absent),
            "review": count(ItemState::Review),
            "homepage_newest": self.homepage_newest.map(|d| d.to_string()),
            // The 2019 veto counts stale 动态/通知公告/政策文件 columns together (five or more).
            "stale_columns": self.columns.iter().filter(|c| c.stale).count(),
            "columns": self.columns,
        })
    }
}
