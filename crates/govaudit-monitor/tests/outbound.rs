//! The external link targets of a run (migration 0002, `outbound_targets`) on both backends:
//! stored and read back in order, the target as known before a change kept beside what was
//! seen, replaced when a run is recorded again, deleted with old runs. PostgreSQL tests need
//! GOVAUDIT_TEST_POSTGRES (skipped locally without it, failing in CI).

use govaudit_content::outbound::OutboundRecord;
use govaudit_monitor::{OutboundRow, RunResult, SitesFile, Store};

fn record(url: &str, final_url: &str, title: Option<&str>, line: Option<u32>) -> OutboundRecord {
    OutboundRecord {
        url: url.into(),
        final_url: final_url.into(),
        final_host: url::Url::parse(final_url)
            .unwrap()
            .host_str()
            .unwrap()
            .into(),
        title: title.map(str::to_owned),
        page: "http://a.example/".into(),
        line,
        selector: line.map(|_| "ul > li:nth-child(2) > a".to_owned()),
    }
}

async fn recorded_and_pruned(store: &Store) {
    let file = SitesFile::parse(
        "[[site]]\nname = \"a\"\nurl = \"http://a.example/\"\n",
        "test",
    )
    .unwrap();
    govaudit_monitor::enqueue(store, &file, 86_400)
        .await
        .unwrap();
    let run = store.claim("w", 10, 100, 3).await.unwrap().unwrap();
    let result = RunResult {
        finished_at: 11,
        ..Default::default()
    };
    assert!(store.finish(run.id, "w", &result, &[]).await.unwrap());
    let clean = record(
        "http://project.example/",
        "http://project.example/",
        Some("项目"),
        Some(7),
    );
    let parked = OutboundRow {
        seen: record(
            "http://old.example/",
            "https://www.sedoparking.com/old.example",
            None,
            None,
        ),
        known: Some(record(
            "http://old.example/",
            "http://old.example/",
            Some("旧项目"),
            None,
        )),
    };
    let rows = vec![
        OutboundRow {
            seen: clean.clone(),
            known: None,
        },
        parked.clone(),
    ];
    store.record_outbound(run.id, &rows).await.unwrap();
    let read = store.outbound_of(run.id).await.unwrap();
    assert_eq!(read, rows);
    assert_eq!(read[1].baseline().final_host, "old.example");
    assert_eq!(read[1].baseline().title.as_deref(), Some("旧项目"));
    assert_eq!(read[0].baseline(), &clean);
    // Recorded again (a run retried): replaced, not doubled.
    store.record_outbound(run.id, &rows[..1]).await.unwrap();
    assert_eq!(store.outbound_of(run.id).await.unwrap().len(), 1);
    // Many targets go in several statements.
    let many: Vec<OutboundRow> = (0..450)
        .map(|i| OutboundRow {
            seen: record(
                &format!("http://t{i}.example/"),
                &format!("http://t{i}.example/"),
                None,
                Some(i),
            ),
            known: None,
        })
        .collect();
    store.record_outbound(run.id, &many).await.unwrap();
    assert_eq!(store.outbound_of(run.id).await.unwrap(), many);
    // Retention deletes them with their run.
    govaudit_monitor::worker::prune(store, 3 * 86_400)
        .await
        .unwrap();
    assert!(store.outbound_of(run.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn sqlite_outbound_targets() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("s.sqlite").to_str().unwrap(), None)
        .await
        .unwrap();
    recorded_and_pruned(&store).await;
}

#[tokio::test]
async fn postgres_outbound_targets() {
    let Some(admin) = govaudit_testkit::postgres_url() else {
        return;
    };
    let name = format!(
        "outbound_{}_{}",
        std::process::id(),
        jiff::Timestamp::now().as_nanosecond()
    );
    let url = govaudit_monitor::create_database(&admin, &name)
        .await
        .unwrap();
    let store = Store::open(&url, None).await.unwrap();
    recorded_and_pruned(&store).await;
}
