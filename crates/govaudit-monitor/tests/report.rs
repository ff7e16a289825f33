//! `monitor report` text comes from the message catalogs (`monitor.ftl`) in the language asked
//! for: every message it uses exists (a missing one would show up as its `monitor-*` id).

use govaudit_i18n::Lang;
use govaudit_monitor::{ProbeRow, SitesFile, Store};

async fn store_with_one_probe(dir: &std::path::Path) -> Store {
    let store = Store::open(dir.join("s.sqlite").to_str().unwrap(), None)
        .await
        .unwrap();
    let file = SitesFile::parse(
        "[[site]]\nname = \"demo\"\nurl = \"http://demo.example/\"\n",
        "test",
    )
    .unwrap();
    let site_id = store.upsert_site(&file.sites[0], 0).await.unwrap();
    store
        .add_probe(&ProbeRow {
            site_id,
            at: 86_400,
            url: "http://demo.example/".into(),
            status: Some(200),
            ttfb_ms: Some(3),
            total_ms: Some(5),
            ok: true,
            error: None,
        })
        .await
        .unwrap();
    store
}

#[tokio::test]
async fn the_report_reads_its_text_from_the_catalog_of_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with_one_probe(dir.path()).await;
    for (lang, title, probes, no_runs) in [
        (
            Lang::En,
            "Monitored sites",
            "1 probe ",
            "No finished run yet.",
        ),
        (Lang::ZhCn, "监测网站", "1 次监测", "尚无完成的检查。"),
    ] {
        let out = dir.path().join(lang.tag());
        let sites = govaudit_monitor::report::write_report(&store, &out, 2 * 86_400, lang)
            .await
            .unwrap();
        assert_eq!(sites, 1);
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        let site = std::fs::read_to_string(out.join("site-1.html")).unwrap();
        for page in [&index, &site] {
            assert!(page.contains(&format!("lang=\"{}\"", lang.tag())), "{page}");
            assert!(!page.contains("monitor-"), "a message id leaked: {page}");
            assert!(page.contains(probes), "{lang}: {page}");
        }
        assert!(index.contains(&format!("<h1>{title}</h1>")), "{index}");
        assert!(site.contains(no_runs), "{site}");
    }
    store.close().await;
}
