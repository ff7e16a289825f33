//! The demo site's link defects (examples/demo-site/DEFECTS.md) are found with page and line,
//! and its correct counterparts are not reported.

use govaudit_links::{OfflineOptions, check_directory};
use std::path::Path;

fn demo_findings() -> Vec<(String, String, u32)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/demo-site");
    let report = check_directory(&root, &OfflineOptions::default()).unwrap();
    let prefix = root.display().to_string();
    let mut found: Vec<(String, String, u32)> = report
        .findings
        .iter()
        .map(|f| {
            let page = f
                .url
                .strip_prefix(&prefix)
                .unwrap_or(&f.url)
                .trim_start_matches('/');
            (
                f.rule.clone(),
                page.to_owned(),
                f.location.line.unwrap_or(0),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn demo_site_link_defects_exactly() {
    let found = demo_findings();
    let expected: Vec<(String, String, u32)> = [
        ("links/broken", "css/style.css", 22),
        ("links/broken", "index.html", 99),
        ("links/broken", "jgzn/index.html", 54),
        ("links/broken", "xxgk/ndbg.html", 64),
        ("links/broken-fragment", "xxgk/index.html", 67),
        ("links/case-mismatch", "wzdt.html", 50),
        ("links/insecure", "en/index.html", 30),
        ("links/insecure", "index.html", 110),
    ]
    .into_iter()
    .map(|(r, p, l)| (r.to_owned(), p.to_owned(), l))
    .collect();
    assert_eq!(found, expected, "{found:#?}");
}
