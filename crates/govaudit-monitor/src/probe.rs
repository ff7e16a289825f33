//! Homepage probes: one GET of each site's homepage through govaudit-site's [`Fetcher`]
//! (address policy, `allow_private`, body cap), timed, with a 15 s limit on the whole load.

use crate::availability::PROBE_TIMEOUT_SECS;
use crate::config::{SiteConfig, SitesFile};
use crate::store::{ProbeRow, Store};
use crate::{MonitorError, wall_clock};
use govaudit_site::fetch::{FetchOptions, Fetcher, Method};
use std::time::{Duration, Instant};

/// Sites probed at once.
pub const PROBE_CONCURRENCY: usize = 32;

/// Probes every site of `file` once ([`PROBE_CONCURRENCY`] at a time), stamping each probe
/// `at` (the probe's clock; the real clock unless injected), and stores the probes.
pub async fn probe_all(
    store: &Store,
    file: &SitesFile,
    at: Option<i64>,
) -> Result<Vec<ProbeRow>, MonitorError> {
    let mut site_ids = Vec::new();
    for site in &file.sites {
        site_ids.push(store.upsert_site(site, wall_clock()).await?);
    }
    use futures_util::StreamExt as _;
    let probes: Vec<ProbeRow> = futures_util::stream::iter(
        file.sites
            .iter()
            .zip(site_ids)
            .map(|(site, id)| probe(site, id, at)),
    )
    .buffered(PROBE_CONCURRENCY)
    .collect()
    .await;
    for probe in &probes {
        store.add_probe(probe).await?;
    }
    Ok(probes)
}

/// One probe of a site's homepage: status, time to first byte (until the final response's
/// head arrived, as the Fetcher measures it, redirects included), total time (to the end of
/// the body, or to the failure) and error.
pub async fn probe(site: &SiteConfig, site_id: i64, at: Option<i64>) -> ProbeRow {
    let at = at.unwrap_or_else(wall_clock);
    let mut options = FetchOptions {
        timeout: Duration::from_secs(PROBE_TIMEOUT_SECS),
        connect_timeout: Duration::from_secs(PROBE_TIMEOUT_SECS.min(10)),
        // A homepage probe needs the page, not a megabyte of it.
        max_body_bytes: 4 * 1024 * 1024,
        obey_robots: false,
        ..FetchOptions::default()
    };
    if site.allow_private {
        options.allowed_addresses = crate::config::own_addresses(&site.url);
    }
    let mut row = ProbeRow {
        site_id,
        at,
        url: site.url.to_string(),
        status: None,
        ttfb_ms: None,
        total_ms: None,
        ok: false,
        error: None,
    };
    let fetcher = match Fetcher::new(options) {
        Ok(fetcher) => fetcher,
        Err(error) => {
            row.error = Some(error.to_string());
            return row;
        }
    };
    let started = Instant::now();
    let answer = tokio::time::timeout(
        Duration::from_secs(PROBE_TIMEOUT_SECS),
        fetcher.fetch(&site.url, Method::Get),
    )
    .await;
    row.total_ms = i64::try_from(started.elapsed().as_millis()).ok();
    match answer {
        Err(_) => row.error = Some(format!("not loaded within {PROBE_TIMEOUT_SECS} s")),
        Ok(Err(error)) => row.error = Some(error.to_string()),
        Ok(Ok(fetched)) => {
            let status = fetched.resource.status;
            row.ttfb_ms = fetched.head_ms.and_then(|ms| i64::try_from(ms).ok());
            row.status = status.map(i64::from);
            row.ok = status.is_some_and(|s| s < 400);
            if !row.ok {
                row.error = Some(format!("HTTP status {}", status.unwrap_or(0)));
            }
        }
    }
    row
}
