//! Live sites and their recordings: a polite crawl in breadth-first waves (each wave's pages
//! fetched concurrently, checked on the workers in discovery order, so the order of the output
//! does not depend on timing), then every link target checked once over HTTP, the security
//! headers of each origin, and disclosure. A WARC recording is replayed through the same steps
//! with nothing requested.

use crate::EngineError;
use crate::config::Area;
use crate::page::{PageContext, PageInput, PageOutcome};
use crate::run::{Run, SiteObservations, link_targets};
use crate::sheets::{HttpSheets, SheetOrigin};
use futures_util::StreamExt as _;
use govaudit_core::{Phrase, Resource};
use govaudit_links::http::{
    HttpReport, judge_fetch_error, judge_link_target, judge_response, url_key,
};
use govaudit_site::fetch::{FetchError, Fetched, Fetcher, Method};
use govaudit_site::media::is_html;
use govaudit_site::scope::Scope;
use govaudit_site::warc::{WarcReadOptions, WarcReader, WarcWriter};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use url::Url;

/// A multi-threaded runtime with I/O and timers, for the requests of one target.
pub(crate) fn runtime() -> Result<tokio::runtime::Runtime, EngineError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| EngineError::Threads(format!("cannot start the async runtime: {e}")))
}

/// The `http` part of the `links` report section.
pub(crate) fn http_section(http: &HttpReport) -> Value {
    json!({
        "checked": http.checked,
        "from_cache": http.from_cache,
        "excluded": http.excluded,
        "not_checked": http.not_checked,
    })
}

/// Where a wave's pages come from.
#[derive(Clone)]
enum Pages {
    Live(Arc<Fetcher>),
    /// Responses recorded in a WARC file, by URL (fragment removed), with a fetcher that makes
    /// no request: its robots.txt answers come from the recording.
    Recorded(Arc<HashMap<String, Resource>>, Arc<Fetcher>),
}

/// Most redirects followed when replaying a recording (as the fetcher's default).
const REPLAY_MAX_REDIRECTS: usize = 20;

impl Pages {
    async fn get(&self, url: &Url) -> Result<Fetched, FetchError> {
        match self {
            Pages::Live(fetcher) => fetcher.fetch(url, Method::Get).await,
            Pages::Recorded(records, _) => replay_fetch(records, url),
        }
    }
}

/// The recorded answer to `url`, redirects followed through the recording.
pub(crate) fn replay_fetch(
    records: &HashMap<String, Resource>,
    url: &Url,
) -> Result<Fetched, FetchError> {
    let mut current = url.clone();
    let mut redirects = Vec::new();
    loop {
        let Some(record) = records.get(&url_key(&current)) else {
            return Err(FetchError::Other(format!(
                "{current} is not in the recording"
            )));
        };
        let status = record.status.unwrap_or(0);
        let location = record.header("location");
        match location {
            Some(location) if (300..400).contains(&status) => {
                if redirects.len() >= REPLAY_MAX_REDIRECTS {
                    return Err(FetchError::TooManyRedirects {
                        limit: REPLAY_MAX_REDIRECTS,
                        redirects,
                    });
                }
                redirects.push(govaudit_core::Redirect {
                    url: current.to_string(),
                    status,
                });
                current = current
                    .join(location.trim())
                    .map_err(|_| FetchError::BadRedirect {
                        location: location.clone(),
                        redirects: redirects.clone(),
                    })?;
            }
            _ => {
                // The reader folds recorded redirect hops into the final response; hops
                // followed here come before those.
                let mut resource = record.clone();
                resource.requested_url = url.to_string();
                if !redirects.is_empty() {
                    redirects.append(&mut resource.redirects);
                    resource.redirects = redirects;
                    if resource.final_url.is_none() {
                        resource.final_url = Some(current.to_string());
                    }
                }
                return Ok(Fetched {
                    resource,
                    truncated: false,
                    head_ms: None,
                });
            }
        }
    }
}

/// A live site (`crawl`: followed within its scope; otherwise the one page).
pub(crate) fn site(run: &mut Run<'_>, start: &Url, crawl: bool) -> Result<(), EngineError> {
    let runtime = runtime()?;
    let recorder = match &run.config.save_warc {
        Some(path) => Some(Arc::new(
            WarcWriter::create(path).map_err(|e| EngineError::Warc(e.to_string()))?,
        )),
        None => None,
    };
    let mut fetcher = Fetcher::new(run.config.http.fetch.clone())?;
    if let Some(recorder) = &recorder {
        fetcher = fetcher.with_recorder(recorder.clone());
    }
    let fetcher = Arc::new(fetcher);
    let result = walk(run, &runtime, Pages::Live(fetcher.clone()), start, crawl);
    if let Some(recorder) = recorder {
        // Finished (renamed into place) even when the walk failed: what was recorded is kept.
        recorder
            .finish()
            .map_err(|e| EngineError::Warc(e.to_string()))?;
    }
    result
}

/// A WARC recording replayed: the first response record's URL is the start.
pub(crate) fn replay(run: &mut Run<'_>, path: &Path) -> Result<(), EngineError> {
    let display = crate::display_path(path);
    let options = WarcReadOptions {
        max_body_bytes: usize::try_from(run.config.limits.max_page_bytes).unwrap_or(usize::MAX),
    };
    let reader = WarcReader::open(path, options).map_err(|e| EngineError::Read {
        path: display.clone(),
        reason: e.to_string(),
    })?;
    let mut records: HashMap<String, Resource> = HashMap::new();
    let mut start: Option<Url> = None;
    for record in reader {
        match record {
            Ok(record) => {
                let Ok(url) = Url::parse(&record.resource.requested_url) else {
                    continue;
                };
                if start.is_none() && is_html(&record.resource) {
                    start = Some(url.clone());
                }
                // The first answer recorded for a URL is the one the run used.
                records.entry(url_key(&url)).or_insert(record.resource);
            }
            Err(error) => run.note(
                display.clone(),
                Phrase::new("note-unreadable-record").text("error", error.to_string()),
            )?,
        }
    }
    let Some(start) = start else {
        return Err(EngineError::Empty(display));
    };
    // The recorded robots.txt decides as it did live; no request is ever made.
    let fetcher = Fetcher::new(run.config.http.fetch.clone())?;
    if let Ok(robots) = start.join("/robots.txt") {
        let answer = records
            .get(&url_key(&robots))
            .and_then(|r| Some((r.status?, r.body.as_slice())));
        fetcher.seed_robots(&start, answer);
    }
    let runtime = runtime()?;
    walk(
        run,
        &runtime,
        Pages::Recorded(Arc::new(records), Arc::new(fetcher)),
        &start,
        true,
    )
}

/// What the waves of a walk found besides page outcomes.
struct Walked {
    /// The start page's final URL (the homepage for disclosure).
    homepage: Option<Url>,
    /// The first page response of each origin (body dropped), for headers.
    origins: BTreeMap<String, Resource>,
}

/// The crawl in waves, then the site-level checks.
fn walk(
    run: &mut Run<'_>,
    runtime: &tokio::runtime::Runtime,
    pages: Pages,
    start: &Url,
    crawl: bool,
) -> Result<(), EngineError> {
    let config = run.config;
    let fetcher = match &pages {
        Pages::Live(fetcher) => Some(fetcher.clone()),
        Pages::Recorded(..) => None,
    };
    let scope = match config.crawl.scope.clone() {
        Some(scope) => scope,
        None => Scope::origin_of(start).ok_or_else(|| EngineError::Unreachable {
            url: start.to_string(),
            reason: "the URL has no host".into(),
        })?,
    };
    let sheets = HttpSheets::new(
        match &pages {
            Pages::Live(fetcher) => SheetOrigin::Live(fetcher.clone()),
            Pages::Recorded(records, _) => SheetOrigin::Recorded(records.clone()),
        },
        runtime.handle().clone(),
        config.http.clone(),
    );
    let parses = std::mem::take(&mut run.parses);
    let cx = PageContext {
        config,
        sheets: &sheets,
        parses: &parses,
        judge_response: true,
    };
    let mut observed = SiteObservations::default();
    let walked = waves(
        run,
        runtime,
        &pages,
        start,
        crawl,
        &scope,
        &cx,
        &mut observed,
    );
    run.parses = parses;
    let walked = walked?;
    let pages_checked = observed.links.len();
    let mut links_section =
        json!({ "mode": if fetcher.is_some() { "crawl" } else { "warc" }, "pages": pages_checked });
    if config.areas.contains(Area::Links) {
        let targets = link_targets(&observed.links, |_| true);
        let mut known = std::mem::take(&mut observed.verdicts);
        known.extend(sheets.verdicts());
        let http = match &pages {
            Pages::Live(fetcher) => run.check_links_over_http(runtime, fetcher, targets, &known)?,
            Pages::Recorded(records, idle) => {
                // Nothing is requested in a replay: a target is judged from its recorded answer,
                // and one that was not recorded is not checked.
                for (url, _) in &targets {
                    let key = url_key(url);
                    if !known.contains_key(&key)
                        && let Ok(fetched) = replay_fetch(records, url)
                    {
                        known.insert(
                            key,
                            judge_link_target(&fetched.resource, false, &config.http),
                        );
                    }
                }
                // Disallowed targets stay: the checks say so without a request, as live.
                let (recorded, missing): (Vec<_>, Vec<_>) =
                    targets.into_iter().partition(|(url, _)| {
                        known.contains_key(&url_key(url))
                            || !matches!(url.scheme(), "http" | "https")
                            || idle.robots_allows_known(url) == Some(false)
                    });
                if !missing.is_empty() {
                    run.note(
                        "",
                        Phrase::new("note-links-not-recorded").count("count", missing.len()),
                    )?;
                }
                run.check_links_over_http(runtime, idle, recorded, &known)?
            }
        };
        links_section["http"] = http_section(&http);
        // Where the external links landed: judged now, kept for the monitor's next run.
        let external = link_targets(&observed.links, |url| !scope.contains(url));
        crate::outbound::conclude(run, &external, &http.results)?;
    }
    run.sections.insert("links".into(), links_section);
    if config.areas.contains(Area::Headers) {
        headers(run, runtime, fetcher.as_deref(), start, &walked.origins)?;
    }
    let homepage = walked.homepage.unwrap_or_else(|| start.clone());
    let observations = std::mem::take(&mut observed.disclosure);
    run.disclosure(&homepage, observations, str::to_owned)
}

/// Fetches and checks the pages wave by wave (depth 0, 1, ...).
#[allow(clippy::too_many_arguments)]
fn waves(
    run: &mut Run<'_>,
    runtime: &tokio::runtime::Runtime,
    pages: &Pages,
    start: &Url,
    crawl: bool,
    scope: &Scope,
    cx: &PageContext<'_>,
    observed: &mut SiteObservations,
) -> Result<Walked, EngineError> {
    let config = run.config;
    let max_depth = if crawl { config.crawl.max_depth } else { 0 };
    let mut start = start.clone();
    start.set_fragment(None);
    let mut seen: HashSet<String> = HashSet::from([start.to_string()]);
    let mut level = vec![start.clone()];
    let mut depth = 0usize;
    let mut requested = 0usize;
    let mut walked = Walked {
        homepage: None,
        origins: BTreeMap::new(),
    };
    let obey_robots = config.http.fetch.obey_robots;
    while !level.is_empty() {
        let mut wave = Vec::new();
        let mut left_out = 0usize;
        for url in std::mem::take(&mut level) {
            if run.past_deadline() || requested >= config.crawl.max_pages {
                left_out += 1;
                continue;
            }
            let robots = match pages {
                Pages::Live(fetcher) | Pages::Recorded(_, fetcher) => fetcher,
            };
            if obey_robots && !runtime.block_on(robots.robots_allows(&url)) {
                // The link checks report it (unverifiable), from the same robots.txt.
                run.note(url.to_string(), Phrase::new("note-robots-disallows"))?;
                continue;
            }
            requested += 1;
            wave.push(url);
        }
        if left_out > 0 {
            let why = if run.past_deadline() {
                "deadline"
            } else {
                "page-limit"
            };
            run.note(
                "",
                Phrase::new("note-crawl-stopped")
                    .choice("why", why)
                    .count("count", left_out),
            )?;
        }
        run.progress.pages_found(requested);
        let next = wave_pages(
            run,
            runtime,
            pages,
            wave,
            depth,
            scope,
            cx,
            observed,
            &mut walked,
        )?;
        if depth >= max_depth {
            break;
        }
        for mut url in next {
            url.set_fragment(None);
            if matches!(url.scheme(), "http" | "https")
                && scope.contains(&url)
                && seen.insert(url.to_string())
            {
                level.push(url);
            }
        }
        depth += 1;
    }
    Ok(walked)
}

/// One wave: fetched concurrently (at most one window of answers waiting), checked on the
/// workers a window at a time, handed on in wave order. Returns the navigation links found.
#[allow(clippy::too_many_arguments)]
fn wave_pages(
    run: &mut Run<'_>,
    runtime: &tokio::runtime::Runtime,
    pages: &Pages,
    wave: Vec<Url>,
    depth: usize,
    scope: &Scope,
    cx: &PageContext<'_>,
    observed: &mut SiteObservations,
    walked: &mut Walked,
) -> Result<Vec<Url>, EngineError> {
    let window = run.workers.window();
    let concurrency = run.config.http.fetch.concurrency.max(1);
    let (sender, mut answers) = tokio::sync::mpsc::channel(window);
    let source = pages.clone();
    let producer = runtime.spawn(async move {
        let source = Arc::new(source);
        let mut answered = futures_util::stream::iter(wave)
            .map(|url| {
                let source = source.clone();
                async move {
                    let answer = source.get(&url).await;
                    (url, answer)
                }
            })
            .buffered(concurrency);
        while let Some(answer) = answered.next().await {
            if sender.send(answer).await.is_err() {
                break;
            }
        }
    });
    let mut navigation = Vec::new();
    let mut pages_seen: HashSet<String> = HashSet::new();
    loop {
        let mut batch: Vec<(String, PageInput)> = Vec::new();
        let mut finished = false;
        while batch.len() < window {
            let Some((url, answer)) = answers.blocking_recv() else {
                finished = true;
                break;
            };
            let is_start = depth == 0 && walked.homepage.is_none() && run.pages == 0;
            if let Some(input) = page_input(
                run,
                url,
                answer,
                scope,
                is_start,
                observed,
                walked,
                &mut pages_seen,
            )? {
                batch.push(input);
            }
        }
        let (requested, inputs): (Vec<String>, Vec<PageInput>) = batch.into_iter().unzip();
        let outcomes: Vec<PageOutcome> =
            run.workers.check_window(inputs, cx, &|input: PageInput| {
                Ok::<_, Box<PageOutcome>>(input)
            });
        for (outcome, requested) in outcomes.into_iter().zip(&requested) {
            navigation.extend(run.emit(outcome, observed, Some(requested))?);
        }
        if finished {
            break;
        }
    }
    let _ = runtime.block_on(producer);
    Ok(navigation)
}

/// Turns one answer into a page to check, or records why it is not one.
#[allow(clippy::too_many_arguments)]
fn page_input(
    run: &mut Run<'_>,
    url: Url,
    answer: Result<Fetched, FetchError>,
    scope: &Scope,
    is_start: bool,
    observed: &mut SiteObservations,
    walked: &mut Walked,
    pages_seen: &mut HashSet<String>,
) -> Result<Option<(String, PageInput)>, EngineError> {
    let key = url_key(&url);
    let http = &run.config.http;
    let fetched = match answer {
        Ok(fetched) => fetched,
        Err(error) => {
            if is_start {
                return Err(EngineError::Unreachable {
                    url: url.to_string(),
                    reason: error.to_string(),
                });
            }
            observed
                .verdicts
                .insert(key, judge_fetch_error(&error, &http.fetch));
            run.note(
                url.to_string(),
                Phrase::new("note-not-crawled").text("error", error.to_string()),
            )?;
            return Ok(None);
        }
    };
    let resource = fetched.resource;
    let status = resource.status.unwrap_or(0);
    let final_url = Url::parse(resource.url()).unwrap_or_else(|_| url.clone());
    let html = is_html(&resource);
    if is_start && (status >= 400 || !html) {
        return Err(EngineError::Unreachable {
            url: url.to_string(),
            reason: if html {
                format!("HTTP {status}")
            } else {
                "the answer is not an HTML page".to_owned()
            },
        });
    }
    let final_key = url_key(&final_url);
    // A page, once: one reached through a redirect is named by its final URL.
    if !html || status >= 400 || !scope.contains(&final_url) || !pages_seen.insert(final_key) {
        observed.verdicts.insert(
            key,
            judge_response(&resource, None, fetched.truncated, http),
        );
        return Ok(None);
    }
    if is_start {
        walked.homepage = Some(final_url.clone());
    }
    walked
        .origins
        .entry(final_url.origin().ascii_serialization())
        .or_insert_with(|| Resource {
            body: Vec::new(),
            ..resource.clone()
        });
    Ok(Some((
        key,
        PageInput {
            report_url: final_url.to_string(),
            site_path: Some(final_url.path().trim_start_matches('/').to_owned()),
            secure: Some(final_url.scheme() == "https"),
            link_url: Some(final_url.clone()),
            url: Some(final_url),
            resource,
            truncated: fetched.truncated,
        },
    )))
}

/// Security headers: the start URL scanned as the MDN HTTP Observatory does (live), and the
/// first page response of every other origin that served pages.
fn headers(
    run: &mut Run<'_>,
    runtime: &tokio::runtime::Runtime,
    fetcher: Option<&Fetcher>,
    start: &Url,
    origins: &BTreeMap<String, Resource>,
) -> Result<(), EngineError> {
    let algorithm = run.config.observatory;
    let start_origin = start.origin().ascii_serialization();
    let mut graded_origins = serde_json::Map::new();
    if let Some(fetcher) = fetcher {
        let ports = crate::exchange::Ports {
            http: run.config.header_ports.0,
            https: run.config.header_ports.1,
        };
        let recorded = crate::exchange::site(start.as_str()).map_err(|e| e.to_string());
        let recorded = match recorded {
            Ok(site) => runtime
                .block_on(async {
                    let target = crate::exchange::resolve(fetcher, &site, ports).await?;
                    crate::exchange::record(fetcher, &target).await
                })
                .map_err(|e| e.to_string()),
            Err(error) => Err(error),
        };
        match recorded {
            Ok(recorded) => {
                for note in &recorded.notes {
                    run.note(
                        start.to_string(),
                        Phrase::new("note-headers").text("text", note.to_string()),
                    )?;
                }
                let audit = govaudit_headers::audit(&recorded.exchange, algorithm, None);
                run.resource(&recorded.exchange.url, audit.findings)?;
                run.sections
                    .insert("observatory".into(), observatory_json(audit.observatory));
            }
            Err(error) => run.note(
                start.to_string(),
                Phrase::new("note-headers-not-scanned").text("error", error.to_string()),
            )?,
        }
    }
    for (origin, resource) in origins {
        if fetcher.is_some() && *origin == start_origin {
            continue;
        }
        let exchange = govaudit_headers::Exchange::from_resource(resource);
        let audit = govaudit_headers::audit(&exchange, algorithm, None);
        run.resource(&exchange.url, audit.findings)?;
        graded_origins.insert(origin.clone(), observatory_json(audit.observatory));
    }
    if !graded_origins.is_empty() {
        run.sections
            .insert("origins".into(), Value::Object(graded_origins));
    }
    Ok(())
}

fn observatory_json(
    result: Result<govaudit_headers::ObservatoryResult, govaudit_headers::ObservatoryError>,
) -> Value {
    match result {
        Ok(result) => result.to_json(),
        Err(error) => json!({ "error": error.to_string() }),
    }
}
