//! Where the a11y check's time goes: per-page caches and per-rule times (caches warm) over the
//! corpus pages. Run: `cargo run --release -p govaudit-a11y --example profile [N pages]`.

use govaudit_a11y::{Page, RULES};
use govaudit_core::Collector;
use govaudit_html::Document;
use std::time::{Duration, Instant};

fn main() {
    let Some(shared) = govaudit_testkit::shared_dir() else {
        return;
    };
    let limit: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let mut paths: Vec<_> = std::fs::read_dir(shared.join("corpus/pages"))
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .take(limit)
        .filter_map(|p| std::fs::read(p).ok())
        .collect();
    let mut parse = Duration::ZERO;
    let mut caches = [Duration::ZERO; 4];
    let mut rules = vec![Duration::ZERO; RULES.len()];
    for bytes in &pages {
        let start = Instant::now();
        let doc = Document::parse(bytes, Some("text/html"), None);
        parse += start.elapsed();
        let page = Page::new(&doc);
        let start = Instant::now();
        page.styles();
        caches[0] += start.elapsed();
        let start = Instant::now();
        page.visibility();
        caches[1] += start.elapsed();
        let start = Instant::now();
        page.focus();
        caches[2] += start.elapsed();
        let start = Instant::now();
        page.labels();
        if let Some(root) = doc.elements().next() {
            page.role(&root);
        }
        caches[3] += start.elapsed();
        let mut out = Collector::new("page");
        for (rule, time) in RULES.iter().zip(&mut rules) {
            let start = Instant::now();
            (rule.check)(&page, &mut out);
            *time += start.elapsed();
        }
    }
    println!("{} pages, parse {:?}", pages.len(), parse);
    for (name, t) in ["styles", "visibility", "focus", "labels+roles"]
        .iter()
        .zip(caches)
    {
        println!("cache {name:<20} {t:?}");
    }
    let mut ranked: Vec<_> = RULES.iter().zip(rules).collect();
    ranked.sort_by_key(|(_, t)| std::cmp::Reverse(*t));
    let total: Duration = ranked.iter().map(|(_, t)| *t).sum();
    println!("rules total {total:?}");
    for (rule, t) in &ranked {
        println!("rule {:<40} {t:?}", rule.meta.id);
    }
}
