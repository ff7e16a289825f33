//! The store's guarantees on both backends: a slot is queued once, a claim excludes other
//! workers until its lease expires, a worker that lost its lease writes nothing, the `run`
//! lock has one holder, retention deletes old history. PostgreSQL tests need
//! GOVAUDIT_TEST_POSTGRES (skipped locally without it, failing in CI).

use govaudit_core::{Finding, Location, Outcome, Severity};
use govaudit_monitor::{RunState, SitesFile, Store};

fn sites() -> SitesFile {
    SitesFile::parse(
        "[[site]]\nname = \"a\"\nurl = \"http://a.example/\"\n[[site]]\nname = \"b\"\nurl = \"http://b.example/\"\n",
        "test",
    )
    .unwrap()
}

fn finding(rule: &str) -> Finding {
    Finding {
        rule: rule.into(),
        outcome: Outcome::Fail,
        severity: Severity::High,
        message: "m".into(),
        url: "http://a.example/".into(),
        location: Location::default(),
        standards: Default::default(),
        help: None,
        evidence: Default::default(),
    }
}

async fn sqlite() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("s.sqlite").to_str().unwrap(), None)
        .await
        .unwrap();
    (dir, store)
}

async fn postgres(label: &str) -> Option<Store> {
    let admin = govaudit_testkit::postgres_url()?;
    let name = format!(
        "store_{label}_{}_{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    );
    let url = govaudit_monitor::create_database(&admin, &name)
        .await
        .unwrap();
    Some(Store::open(&url, None).await.unwrap())
}

async fn claims_and_leases(store: &Store) {
    let file = sites();
    assert_eq!(
        govaudit_monitor::enqueue(store, &file, 1_000_000)
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        govaudit_monitor::enqueue(store, &file, 1_000_100)
            .await
            .unwrap(),
        0
    );
    let now = 5_000;
    let first = store.claim("w1", now, now + 10, 3).await.unwrap().unwrap();
    let second = store.claim("w2", now, now + 10, 3).await.unwrap().unwrap();
    assert_ne!(first.site_id, second.site_id);
    assert!(store.claim("w3", now, now + 10, 3).await.unwrap().is_none());
    // w1 dies; after its lease, w3 takes the run over.
    let taken = store
        .claim("w3", now + 11, now + 21, 3)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(taken.id, first.id);
    assert_eq!(taken.attempts, 2);
    assert!(!store.heartbeat(first.id, "w1", now + 30).await.unwrap());
    let findings = [finding("x/one"), finding("x/two")];
    let rows: Vec<(String, &Finding)> = findings
        .iter()
        .map(|f| (govaudit_report::finding_fingerprint(f), f))
        .collect();
    let result = govaudit_monitor_result();
    assert!(
        !store.finish(first.id, "w1", &result, &rows).await.unwrap(),
        "a lost lease writes nothing"
    );
    assert!(store.finish(first.id, "w3", &result, &rows).await.unwrap());
    assert!(
        !store.finish(first.id, "w3", &result, &rows).await.unwrap(),
        "once"
    );
    assert_eq!(store.findings_of(first.id).await.unwrap().len(), 2);
    let run = store.run(first.id).await.unwrap().unwrap();
    assert_eq!(run.state, RunState::Done);
    assert_eq!(run.lease_until, None);
    // A run given up after too many claims.
    assert_eq!(store.give_up_stale(now + 100, 1).await.unwrap(), 1);
    assert_eq!(
        store.run(second.id).await.unwrap().unwrap().state,
        RunState::Failed
    );
}

fn govaudit_monitor_result() -> govaudit_monitor::RunResult {
    govaudit_monitor::RunResult {
        finished_at: 6_000,
        ..Default::default()
    }
}

async fn lock_has_one_holder(store: &Store) {
    assert!(store.try_lock("run", "p1", 100, 110).await.unwrap().is_ok());
    assert!(
        store.try_lock("run", "p1", 105, 115).await.unwrap().is_ok(),
        "renewal"
    );
    let busy = store.try_lock("run", "p2", 106, 116).await.unwrap();
    assert_eq!(busy, Err(("p1".to_owned(), 115)));
    assert!(
        store.try_lock("run", "p2", 116, 126).await.unwrap().is_ok(),
        "expired"
    );
    store.unlock("run", "p2").await.unwrap();
    assert!(store.try_lock("run", "p3", 117, 127).await.unwrap().is_ok());
}

async fn retention(store: &Store) {
    let file = sites();
    govaudit_monitor::enqueue(store, &file, 86_400)
        .await
        .unwrap();
    let site = store.site("a").await.unwrap();
    let probe = govaudit_monitor::ProbeRow {
        site_id: site.id,
        at: 86_400,
        url: "http://a.example/".into(),
        status: Some(200),
        ttfb_ms: None,
        total_ms: Some(5),
        ok: true,
        error: None,
    };
    store.add_probe(&probe).await.unwrap();
    let run = store.claim("w", 10, 20, 3).await.unwrap().unwrap();
    let warc = tempfile::NamedTempFile::new()
        .unwrap()
        .into_temp_path()
        .keep()
        .unwrap();
    let result = govaudit_monitor::RunResult {
        finished_at: 11,
        warc_path: Some(warc.to_string_lossy().into_owned()),
        ..Default::default()
    };
    let f = finding("x/one");
    let rows = [(govaudit_report::finding_fingerprint(&f), &f)];
    assert!(store.finish(run.id, "w", &result, &rows).await.unwrap());
    // Nothing older than day 0: all kept.
    assert!(govaudit_monitor::worker::prune(store, 0).await.unwrap() == 0);
    assert_eq!(store.probes(site.id, 0, i64::MAX).await.unwrap(), [probe]);
    assert_eq!(
        govaudit_monitor::worker::prune(store, 2 * 86_400)
            .await
            .unwrap(),
        1
    );
    assert!(store.run(run.id).await.unwrap().is_none());
    assert!(store.findings_of(run.id).await.unwrap().is_empty());
    assert!(store.probes(site.id, 0, i64::MAX).await.unwrap().is_empty());
    assert!(!warc.exists());
}

#[tokio::test]
async fn sqlite_claims_and_leases() {
    let (_dir, store) = sqlite().await;
    claims_and_leases(&store).await;
}

#[tokio::test]
async fn sqlite_lock_has_one_holder() {
    let (_dir, store) = sqlite().await;
    lock_has_one_holder(&store).await;
}

#[tokio::test]
async fn sqlite_retention() {
    let (_dir, store) = sqlite().await;
    retention(&store).await;
}

#[tokio::test]
async fn postgres_claims_and_leases() {
    let Some(store) = postgres("claims").await else {
        return;
    };
    claims_and_leases(&store).await;
}

#[tokio::test]
async fn postgres_lock_has_one_holder() {
    let Some(store) = postgres("lock").await else {
        return;
    };
    lock_has_one_holder(&store).await;
}

#[tokio::test]
async fn postgres_retention() {
    let Some(store) = postgres("retention").await else {
        return;
    };
    retention(&store).await;
}

#[tokio::test]
async fn a_store_reopens_at_the_same_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite");
    let path = path.to_str().unwrap();
    Store::open(path, None).await.unwrap().close().await;
    let store = Store::open(path, None).await.unwrap();
    assert!(store.sites().await.unwrap().is_empty());
}

/// Many workers claiming at the same instant over queued runs of several sites on ONE host:
/// at most one run of the host is running at any time, and each round has exactly one
/// winner. Each worker has its own pool, as workers on different machines do.
async fn one_running_run_per_host(admin_url: &str, label: &str) {
    const SITES: usize = 12;
    const WORKERS: usize = 8;
    let mut toml = String::new();
    for i in 0..SITES {
        toml.push_str(&format!(
            "[[site]]\nname = \"s{i}\"\nurl = \"http://one-host.example/s{i}/\"\n"
        ));
    }
    let file = SitesFile::parse(&toml, "test").unwrap();
    let name = format!(
        "store_{label}_{}_{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    );
    let url = govaudit_monitor::create_database(admin_url, &name)
        .await
        .unwrap();
    let first = Store::open(&url, None).await.unwrap();
    assert_eq!(
        govaudit_monitor::enqueue(&first, &file, 1_000_000)
            .await
            .unwrap(),
        SITES
    );
    let mut stores = vec![first];
    for _ in 1..WORKERS {
        stores.push(Store::open(&url, None).await.unwrap());
    }
    let now = 5_000;
    for round in 0..SITES {
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(WORKERS));
        let mut tasks = Vec::new();
        for (i, store) in stores.iter().enumerate() {
            let store = store.clone();
            let barrier = barrier.clone();
            tasks.push(tokio::spawn(async move {
                barrier.wait().await;
                store
                    .claim(&format!("w{i}"), now, now + 1_000, 3)
                    .await
                    .unwrap()
            }));
        }
        let mut won = Vec::new();
        for task in tasks {
            if let Some(run) = task.await.unwrap() {
                won.push(run);
            }
        }
        assert_eq!(
            won.len(),
            1,
            "round {round}: {} runs of one host claimed at once",
            won.len()
        );
        assert_eq!(stores[0].count_runs(RunState::Running).await.unwrap(), 1);
        let run = &won[0];
        let worker = run.worker.clone().unwrap();
        assert!(
            stores[0]
                .finish(run.id, &worker, &govaudit_monitor_result(), &[])
                .await
                .unwrap()
        );
    }
    assert_eq!(
        stores[0].count_runs(RunState::Done).await.unwrap(),
        SITES as i64
    );
    for store in &stores {
        store.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_concurrent_claims_keep_one_run_per_host() {
    let Some(admin) = govaudit_testkit::postgres_url() else {
        return;
    };
    one_running_run_per_host(&admin, "host").await;
}
