//! Linked and imported stylesheets for the cascade: read from disk for a site in a directory,
//! fetched once per run (and cached) for a live site. A sheet that cannot be read is
//! `Unavailable` with the reason, so the style-dependent rules say `review`, never `passed`.

use govaudit_core::Resource;
use govaudit_html::style::{SheetState, StylesheetSource};
use govaudit_links::http::{HttpOptions, UrlResult, judge_response, url_key};
use govaudit_site::fetch::{Fetcher, Method};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use url::Url;

/// Stylesheet text is decoded as UTF-8 (lossily): what sites serve in practice; a sheet
/// declaring another `@charset` is rare enough to read approximately.
fn sheet_text(bytes: &[u8]) -> Arc<str> {
    Arc::from(String::from_utf8_lossy(bytes).as_ref())
}

/// Sheets of a site on disk. Pages are parsed with `file:///` URLs of their site path (see
/// `govaudit_disclosure::local_url`), so `file:///css/a.css` is `ROOT/css/a.css`; with a site
/// URL, absolute links to its origin map to the same files.
pub(crate) struct DiskSheets {
    root: PathBuf,
    site_url: Option<Url>,
    max_bytes: u64,
    cache: Mutex<HashMap<String, SheetState>>,
}

impl DiskSheets {
    pub(crate) fn new(root: &Path, site_url: Option<Url>, max_bytes: u64) -> DiskSheets {
        DiskSheets {
            root: root.to_owned(),
            site_url,
            max_bytes,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The file a sheet URL names, if it is inside the site.
    fn file_of(&self, url: &Url) -> Option<PathBuf> {
        let path = if url.scheme() == "file" {
            url.path()
        } else {
            let site = self.site_url.as_ref()?;
            if url.origin() != site.origin() {
                return None;
            }
            url.path().strip_prefix(site.path()).unwrap_or(url.path())
        };
        let decoded = percent_decode(path)?;
        let relative = Path::new(decoded.trim_start_matches('/'));
        // URL resolution already clamps `..` at the root; refuse anything that still leaves it.
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return None;
        }
        Some(self.root.join(relative))
    }

    fn read(&self, url: &Url) -> SheetState {
        let Some(file) = self.file_of(url) else {
            return SheetState::Unavailable {
                reason: format!("{url} is outside the site on disk"),
            };
        };
        match read_capped(&file, self.max_bytes) {
            Ok(bytes) => SheetState::Loaded(sheet_text(&bytes)),
            Err(error) => SheetState::Unavailable {
                reason: format!("cannot read {}: {error}", file.display()),
            },
        }
    }
}

impl StylesheetSource for DiskSheets {
    fn load(&self, url: &Url) -> SheetState {
        let key = url_key(url);
        if let Ok(cache) = self.cache.lock()
            && let Some(hit) = cache.get(&key)
        {
            return hit.clone();
        }
        let state = self.read(url);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, state.clone());
        }
        state
    }
}

fn read_capped(file: &Path, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(max_bytes)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn percent_decode(path: &str) -> Option<String> {
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()
        .map(|text| text.into_owned())
}

/// One sheet URL's answer, filled once by the first page that asks.
type SheetCell = Arc<OnceLock<(SheetState, UrlResult)>>;

/// Where the sheets of a site on the web come from.
pub(crate) enum SheetOrigin {
    /// Requested through the run's fetcher.
    Live(Arc<Fetcher>),
    /// Read from a recording (WARC), by URL.
    Recorded(Arc<HashMap<String, Resource>>),
}

/// Sheets of a live site: each URL fetched once per run through the run's fetcher (its limits,
/// politeness and address policy), shared by every page and thread; the response is also that
/// URL's link verdict.
pub(crate) struct HttpSheets {
    origin: SheetOrigin,
    runtime: tokio::runtime::Handle,
    http: HttpOptions,
    cache: Mutex<HashMap<String, SheetCell>>,
}

impl HttpSheets {
    pub(crate) fn new(
        origin: SheetOrigin,
        runtime: tokio::runtime::Handle,
        http: HttpOptions,
    ) -> HttpSheets {
        HttpSheets {
            origin,
            runtime,
            http,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The verdicts of every sheet fetched, by URL (for the link checks).
    pub(crate) fn verdicts(&self) -> HashMap<String, UrlResult> {
        let Ok(cache) = self.cache.lock() else {
            return HashMap::new();
        };
        cache
            .iter()
            .filter_map(|(url, cell)| {
                cell.get()
                    .map(|(_, verdict)| (url.clone(), verdict.clone()))
            })
            .collect()
    }

    fn fetch(&self, url: &Url) -> (SheetState, UrlResult) {
        let answer = match &self.origin {
            SheetOrigin::Live(fetcher) => self.runtime.block_on(fetcher.fetch(url, Method::Get)),
            SheetOrigin::Recorded(records) => crate::live::replay_fetch(records, url),
        };
        match answer {
            Ok(fetched) => {
                let verdict =
                    judge_response(&fetched.resource, None, fetched.truncated, &self.http);
                (sheet_state(&fetched.resource), verdict)
            }
            Err(error) => {
                let reason = error.to_string();
                (
                    SheetState::Unavailable {
                        reason: reason.clone(),
                    },
                    govaudit_links::http::judge_fetch_error(&error, &self.http.fetch),
                )
            }
        }
    }
}

fn sheet_state(resource: &Resource) -> SheetState {
    match resource.status {
        Some(status) if (200..300).contains(&status) => {
            SheetState::Loaded(sheet_text(&resource.body))
        }
        Some(status) => SheetState::Unavailable {
            reason: format!("HTTP {status}"),
        },
        None => SheetState::Unavailable {
            reason: "no response".into(),
        },
    }
}

impl StylesheetSource for HttpSheets {
    fn load(&self, url: &Url) -> SheetState {
        if !matches!(url.scheme(), "http" | "https") {
            return SheetState::Unavailable {
                reason: format!("{url} is not an http(s) URL"),
            };
        }
        let key = url_key(url);
        let cell = match self.cache.lock() {
            Ok(mut cache) => cache.entry(key).or_default().clone(),
            Err(_) => Arc::new(OnceLock::new()),
        };
        // One request per URL: a second page asking meanwhile waits for the first answer.
        cell.get_or_init(|| self.fetch(url)).0.clone()
    }
}
