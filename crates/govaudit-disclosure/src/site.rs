//! The site-level audit: crawl the given pages from the homepage (all links to depth 1, the
//! disclosure entrance to depth 2), detect every item, measure freshness, run the rules.

use crate::detect::{self, ItemResult, ItemState};
use crate::freshness::{self, ColumnFreshness, DatedList};
use crate::normalize::normalize;
use crate::page::PageView;
use crate::profile::Profile;
use crate::rules::{Context, RULES};
use govaudit_core::Finding;
use govaudit_html::Document;
use jiff::civil::Date;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet, VecDeque};
use url::Url;

/// The origin local pages get, so a directory crawls like a site: `file:///xxgk/index.html`.
const LOCAL_ROOT: &str = "file:///";

#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("the homepage {0} is not among the pages given")]
    NoHomepage(String),
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

    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The page a link leads to, trying `dir/index.html` for directory links.
    fn resolve(&self, url: &Url) -> Option<String> {
        let key = without_fragment(url.clone()).to_string();
        if self.pages.contains_key(&key) {
            return Some(key);
        }
        let index = if key.ends_with('/') {
            format!("{key}index.html")
        } else {
            format!("{key}/index.html")
        };
        self.pages.contains_key(&index).then_some(index)
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
}

impl Options {
    pub fn new(as_of: Date) -> Self {
        Options {
            as_of,
            max_pages: 500,
        }
    }
}

/// What an audit found.
#[derive(Debug, Clone)]
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
}

/// Audits `site` against `profile`.
pub fn audit(profile: &Profile, site: &Site, options: &Options) -> Result<Audit, SiteError> {
    let home_key = site
        .resolve(&site.homepage)
        .ok_or_else(|| SiteError::NoHomepage(page_label(&site.homepage)))?;
    let home_label = label_of(&home_key);
    let mut found: Vec<Vec<detect::Evidence>> = vec![Vec::new(); profile.items.len()];
    let entrance = profile
        .disclosure_entrance
        .as_ref()
        .and_then(|id| profile.items.iter().position(|i| &i.id == id));
    let mut visited = HashSet::new();
    let mut pages = Vec::new();
    let mut lists = Vec::new();
    // (page key, depth, whether the page is reached through the disclosure entrance)
    let mut queue = VecDeque::from([(home_key.clone(), 0u8, false)]);
    visited.insert(home_key.clone());
    while let Some((key, depth, through_entrance)) = queue.pop_front() {
        let Some(document) = site.pages.get(&key) else {
            continue;
        };
        let label = label_of(&key);
        let view = PageView::new(document, label.clone());
        detect::detect_page(profile, &view, &mut found);
        lists.extend(freshness::dated_lists(&view, options.as_of));
        pages.push(label);
        let Ok(page_url) = Url::parse(&key) else {
            continue;
        };
        let base = document.base_url().unwrap_or(page_url);
        for link in view.candidates() {
            let Some(href) = link.attr("href") else {
                continue;
            };
            let Ok(target) = base.join(href.trim()) else {
                continue;
            };
            let Some(target_key) = site.resolve(&target) else {
                continue;
            };
            let is_entrance = depth == 0
                && entrance.is_some_and(|e| {
                    crate::detect::best_item(
                        profile,
                        &normalize(&view.accessible_name(&link)),
                        false,
                    )
                    .is_some_and(|(i, _)| i == e)
                });
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
    }
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
    };
    let cx = Context {
        profile,
        audit: &audit,
    };
    let mut findings = Vec::new();
    for rule in RULES {
        (rule.check)(&cx, &mut findings);
    }
    audit.findings = findings;
    Ok(audit)
}

fn label_of(key: &str) -> String {
    Url::parse(key).map_or_else(|_| key.to_owned(), |u| page_label(&u))
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
