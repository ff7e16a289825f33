//! `monitor probe` over a loopback site: the probe records status, time to first byte, total
//! time and error.

#[path = "../../govaudit-site/tests/support/loopback.rs"]
mod loopback;

use govaudit_monitor::SitesFile;
use loopback::{Reply, Request, start};
use std::sync::Arc;
use std::time::Duration;

fn site_at(base: &str) -> SitesFile {
    SitesFile::parse(
        &format!("[[site]]\nname = \"slow\"\nurl = \"{base}/\"\nallow_private = true\n"),
        "test",
    )
    .unwrap()
}

/// The head comes at once and the body after a pause: the time to first byte is recorded and
/// is below the total time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_probe_records_the_time_to_first_byte_apart_from_the_total() {
    let server = start(Arc::new(|_: &Request| Reply {
        body_delay: Duration::from_millis(400),
        ..Reply::html(200, "<title>home</title>")
    }))
    .await;
    let file = site_at(&server.base);
    let row = govaudit_monitor::probe::probe(&file.sites[0], 7, Some(1_000)).await;
    assert!(row.ok, "{row:?}");
    assert_eq!((row.site_id, row.at, row.status), (7, 1_000, Some(200)));
    assert_eq!(row.error, None);
    let ttfb = row.ttfb_ms.expect("time to first byte recorded");
    let total = row.total_ms.expect("total time recorded");
    assert!(
        ttfb < total,
        "first byte after {ttfb} ms, body after {total} ms"
    );
}

/// An error status is a failed probe with its status, timings and the reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_error_status_is_a_failure_with_its_timings() {
    let server = start(Arc::new(|_: &Request| Reply::html(503, "down"))).await;
    let file = site_at(&server.base);
    let row = govaudit_monitor::probe::probe(&file.sites[0], 1, None).await;
    assert!(!row.ok);
    assert_eq!(row.status, Some(503));
    assert_eq!(row.error.as_deref(), Some("HTTP status 503"));
    assert!(row.ttfb_ms.is_some() && row.total_ms.is_some());
    assert!(row.ttfb_ms <= row.total_ms);
}
